// The browser edition as an installable offline web app: after one visit the service worker
// (vite-plugin-pwa / Workbox) controls the page, and with the network off a reload still opens
// the app, the sample portfolio and an edit that is saved; the manifest is valid and its icons
// are there at their sizes; a new version waiting shows "Reload", which applies it.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { RegisterPage } from './pages/register-page';

// Service workers are allowed by default; said here because this spec is about them.
test.use({ serviceWorkers: 'allow' });

/** Waits until the page is controlled by an active service worker (it has precached the app). */
async function waitForServiceWorker(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none')).toBe('activated');
}

test.describe('offline', () => {
  // The one request below that is meant to fail offline is logged by Chromium as a console error.
  test.use({ allowedConsoleErrors: [/net::ERR_INTERNET_DISCONNECTED/] });

  test('after one visit the app opens, edits and saves with the network off', async ({ page, context }) => {
    const app = new AppPage(page);
    await app.goto();
    await waitForServiceWorker(page);
    // The first version is not an update: no prompt.
    await expect(page.getByText('A new version of PMO Workbench is ready.')).toHaveCount(0);

    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    // The network really is off: a request the service worker does not answer fails.
    expect(await page.evaluate(() => fetch('./not-precached.txt').then(() => 'answered', () => 'failed'))).toBe('failed');

    await app.reload();
    await app.openDemoFromWelcome();
    const reg = new RegisterPage(page);
    await reg.open('Projects');
    const row = await reg.rowId('PRJ-003');
    await reg.editCell(row, 'name', 'Warehouse automation, offline');
    await expect(reg.cell(row, 'name')).toHaveText('Warehouse automation, offline');
    await expect(app.saveState).toHaveText('All changes saved');

    // Still offline: the page comes back from the cache and the edit from IndexedDB.
    await app.reload();
    await reg.open('Projects');
    await expect(reg.cell(await reg.rowId('PRJ-003'), 'name')).toHaveText('Warehouse automation, offline');
    await app.goToArea('Settings');
    // Chromium decides persist() by its own heuristics: either outcome is said in words.
    await expect(page.getByTestId('storage-status')).toHaveText(/^Storage: (Persistent: the browser will not clear it|May be cleared by the browser when disk space runs low).+\.$/);
  });
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('the web app manifest is valid: names, start URL in scope, standalone, colours, icons at their sizes', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifestUrl = new URL(href!, page.url());
  const response = await page.request.get(manifestUrl.href);
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as Record<string, unknown> & { icons: { src: string; sizes: string; type: string; purpose?: string }[] };
  expect(manifest).toMatchObject({ name: 'PMO Workbench', short_name: 'PMO Workbench', display: 'standalone' });
  expect(manifest['theme_color']).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest['background_color']).toMatch(/^#[0-9a-f]{6}$/i);
  const scope = new URL(String(manifest['scope']), manifestUrl);
  const start = new URL(String(manifest['start_url']), manifestUrl);
  expect(start.href.startsWith(scope.href)).toBe(true);
  expect(start.origin).toBe(new URL(page.url()).origin);

  const sizes: string[] = [];
  for (const icon of manifest.icons) {
    const res = await page.request.get(new URL(icon.src, manifestUrl).href);
    expect(res.ok(), icon.src).toBe(true);
    expect(res.headers()['content-type']).toContain(icon.type);
    const actual = pngSize(await res.body());
    expect(actual, icon.src).toBe(icon.sizes);
    sizes.push(`${actual} ${icon.purpose ?? 'any'}`);
  }
  // Installable in Chromium: a 192 and a 512 icon for any use; one that may be cropped (maskable).
  expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
});

test('a new version waiting shows "Reload", which applies it', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await waitForServiceWorker(page);
  // A new version of the worker, as a deploy would bring: the same file under another URL is a
  // new script to the browser, so it installs and waits (the app never skips waiting itself).
  // (Playwright cannot route a service worker's own script, so its bytes cannot be changed.)
  await page.evaluate(() => navigator.serviceWorker.register('./sw.js?next-version', { scope: './' }).then(() => undefined));
  const prompt = page.getByRole('status').filter({ hasText: 'A new version of PMO Workbench is ready.' });
  await expect(prompt).toBeVisible();
  const reloaded = page.waitForEvent('load');
  await prompt.getByRole('button', { name: 'Reload' }).click();
  // The page reloads under the new version. (It then registers ./sw.js, which to the browser is
  // another new script, and offers that one in turn: an artefact of the URL used above.)
  await reloaded;
  await expect(page.getByRole('button', { name: /Open the sample portfolio/ })).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '')).toContain('sw.js?next-version');
});
