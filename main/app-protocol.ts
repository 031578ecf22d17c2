// The app:// scheme that serves the built renderer, and the pure path resolution behind it.
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'pmo';
/** Where the packaged renderer lives; also the only origin (besides the dev server) we trust. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

type PathApi = Pick<typeof path.posix, 'resolve' | 'relative' | 'isAbsolute' | 'sep' | 'join'>;

/**
 * The file inside `rootDir` that an app:// request URL names, or null when the URL is not ours
 * or tries to leave the directory. The URL parser already folds `..` and `%2e%2e`; the checks
 * below repeat that on the decoded path because a bug there must not expose the disk.
 * Extensionless paths are page routes and get index.html, as under `vite preview`.
 */
export function resolveAppPath(rootDir: string, requestUrl: string, pathApi: PathApi = path): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  // Backslash is a separator on Windows; NUL truncates paths in native code.
  if (decoded.includes('\0') || decoded.includes('\\')) return null;

  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || /^[a-zA-Z]:/.test(s))) return null;

  const last = segments.at(-1);
  if (last === undefined || !last.includes('.')) segments.splice(0, segments.length, 'index.html');

  const root = pathApi.resolve(rootDir);
  const resolved = pathApi.resolve(root, ...segments);
  const relative = pathApi.relative(root, resolved);
  const escapes = relative === '..' || relative.startsWith(`..${pathApi.sep}`);
  if (relative === '' || escapes || pathApi.isAbsolute(relative)) return null;
  return resolved;
}
