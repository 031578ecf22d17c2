// A large workbook file opens with a progress bar, without freezing the window, and Cancel
// leaves everything as it was.
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { buildScaleWorkbook } from '../../shared/demo/scale';
import { serializeWorkbook } from '../../shared/file/pmowb';
import { writeFile } from 'node:fs/promises';

test('a 10,000-project file shows progress, can be canceled, and then opens whole', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const wb = buildScaleWorkbook({ projects: 10_000, people: 2_000, allocations: 200_000, today: '2026-11-21', seed: 3 });
  wb.settings.name = 'Scale portfolio';
  // Playwright passes files over 50 MB by path.
  const file = testInfo.outputPath('scale.pmowb');
  await writeFile(file, serializeWorkbook(wb, { exportedAt: '2026-11-21T00:00:00Z', appVersion: 'test' }));
  const app = new AppPage(page);
  await app.goto();
  await app.newWorkbook('Existing work');
  const before = await app.dumpDatabase();

  await app.openFile(file);
  const progress = page.getByRole('progressbar', { name: /Opening scale\.pmowb/ });
  await expect(progress).toBeVisible();
  // The window stays responsive while the file is checked: the page answers script at once.
  const t0 = Date.now();
  await page.evaluate(() => 1);
  expect(Date.now() - t0).toBeLessThan(1000);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toHaveCount(0);
  expect(await app.dumpDatabase()).toBe(before);
  expect(await app.workbookNames()).toEqual(['Existing work']);

  await app.openFile(file);
  await expect(app.heading('Scale portfolio')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('listitem').filter({ has: page.locator('.kpi-label', { hasText: /^Projects$/ }) }).locator('.kpi-value')).toHaveText('10,000');
});
