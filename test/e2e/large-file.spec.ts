// A large workbook file opens with a progress bar, without freezing the window, and Cancel
// leaves everything as it was. Nothing here depends on how fast the machine is: the file
// checker's script is held back while the test looks at the progress bar, asks the page a
// question and cancels, so those steps always happen while the file is being opened; the file is
// then opened for real, and the progress it showed is read back from what the page recorded.
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { buildScaleWorkbook } from '../../shared/demo/scale';
import { serializeWorkbook } from '../../shared/file/pmowb';
import { writeFile } from 'node:fs/promises';

// The checker's script is held with page.route, which never sees a request that the browser
// edition's service worker answers from its cache: this spec runs without one.
test.use({ serviceWorkers: 'block' });

test('a large file shows progress, can be canceled, and then opens whole', async ({ page }, testInfo) => {
  // About 12,000 records: the checker reports progress every 5,000, so this file shows steps of it.
  const wb = buildScaleWorkbook({ projects: 500, people: 100, allocations: 10_000, today: '2026-11-21', seed: 3 });
  wb.settings.name = 'Scale portfolio';
  const file = testInfo.outputPath('scale.pmowb');
  await writeFile(file, serializeWorkbook(wb, { exportedAt: '2026-11-21T00:00:00Z', appVersion: 'test' }));
  const app = new AppPage(page);
  await app.goto();
  await app.newWorkbook('Existing work');
  const before = await app.dumpDatabase();

  // Hold the file checker (a Web Worker) until the test lets it go.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/open-workbook\.worker/, async (route) => {
    await held;
    // The canceled checker was terminated, so its request may be gone by now.
    await route.continue().catch(() => {});
  });
  await app.openFile(file);
  const progress = page.getByRole('progressbar', { name: /Opening scale\.pmowb/ });
  await expect(progress).toBeVisible();
  // The window answers while the file is being opened: script runs, and the progress bar is
  // still there after the answer.
  expect(await page.evaluate(() => document.querySelectorAll('[role="progressbar"]').length)).toBe(1);
  await expect(progress).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toHaveCount(0);
  expect(await app.dumpDatabase()).toBe(before);
  expect(await app.workbookNames()).toEqual(['Existing work']);
  release();
  await page.unrouteAll({ behavior: 'wait' });

  // Record every value the progress bar shows, then open the file for real.
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { progressSeen: number[] }).progressSeen = seen;
    const note = () => document.querySelectorAll('[role="progressbar"]').forEach((e) => seen.push(Number(e.getAttribute('aria-valuenow'))));
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
  await app.openFile(file);
  // Saving 12,000 records into IndexedDB is what takes the time on a loaded machine: wait for the
  // outcome (no timer of its own; the test's budget bounds it), the progress shown on the way is checked below.
  await expect(app.heading('Scale portfolio')).toBeVisible({ timeout: 0 });
  await expect(page.getByRole('listitem').filter({ has: page.locator('.kpi-label', { hasText: /^Projects$/ }) }).locator('.kpi-value')).toHaveText('500');
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
  // It moved: a value between none and all was shown on the way.
  expect(seen.some((v) => v > 0 && v < 100), `progress values shown: ${seen.join(', ')}`).toBe(true);
});
