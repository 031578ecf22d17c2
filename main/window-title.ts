// The window title: the document title the renderer sets, followed by the app name.
export function windowTitle(pageTitle: string, appName: string): string {
  const title = pageTitle.trim();
  // Before <title> loads Chromium reports the URL; a title that is only the app name, or
  // already ends with it, is used as is.
  if (title === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(title) || title === appName) return appName;
  if (title.endsWith(` — ${appName}`) || title.endsWith(` - ${appName}`)) return title;
  return `${title} — ${appName}`;
}
