// Screenshots of each view, at 1280×800 and 1920×1080, into test-results/screens.
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from '../e2e/pages/app-page';

const sizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

async function shoot(page: Page, name: string) {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.waitForTimeout(100);
    await page.screenshot({ path: `test-results/screens/${name}-${size.width}x${size.height}.png` });
  }
}

test('views', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await shoot(page, '01-welcome');
  await app.openDemoFromWelcome();
  await expect(app.heading(/sample/i)).toBeVisible();
  await shoot(page, '02-overview');
  await page.screenshot({ path: 'test-results/screens/readme-overview.png' });
  await app.openWorkbookMenu();
  await shoot(page, '03-workbook-menu');
  await page.keyboard.press('Escape');
  const nav = (name: string) => page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name, exact: true }).click();
  await nav('Projects');
  await expect(page.locator('.data-grid .ag-row').first()).toBeVisible();
  await shoot(page, '10-projects');
  await page.getByLabel('Group by').selectOption({ label: 'Programme' });
  await shoot(page, '11-projects-grouped');
  await page.getByLabel('Group by').selectOption({ label: 'None' });
  await page.getByRole('button', { name: 'Open details of PRJ-001' }).click();
  await page.waitForTimeout(300);
  await shoot(page, '12-project-detail');
  await page.getByRole('button', { name: 'Close details' }).click();
  for (const [i, area] of (['Programmes', 'People', 'Milestones'] as const).entries()) {
    await nav(area);
    await expect(page.locator('.data-grid .ag-row').first()).toBeVisible();
    await shoot(page, `1${3 + i}-${area.toLowerCase()}`);
  }
  await nav('Projects');
  await page.getByRole('searchbox').fill('zzz no such project');
  await page.waitForTimeout(300);
  await shoot(page, '16-projects-no-match');
  await page.getByRole('searchbox').fill('');
  await app.goToArea('Settings');
  await shoot(page, '04-settings');
  await page.getByLabel('Hours in one FTE week').fill('500');
  await page.getByLabel('Hours in one FTE week').press('Enter');
  await expect(page.getByText('Hours per FTE must be at most 168')).toBeVisible();
  await shoot(page, '05-settings-error');
  await app.openFile({ name: 'Client portfolio Q3.pmowb', mimeType: 'application/json', buffer: Buffer.from('{"format":"pmo-workbench","version":1,"data":{"id":"x","settings":{"name":"Q3"},"records":{"project":[{"id":"a","code":"P1","name":"One","start":"2026-05-01","finish":"2026-04-01"}]}}}') });
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await shoot(page, '06-refused-file');
  await page.getByRole('button', { name: 'OK' }).click();
  await app.renameCurrent('Northwind Group — Enterprise Transformation Portfolio FY2026/27 (consolidated view for the steering committee)');
  await app.goToArea('Overview');
  await shoot(page, '07-long-name');
  await page.getByRole('button', { name: 'About' }).click();
  await shoot(page, '08-about');
  await page.getByRole('button', { name: 'Close' }).click();
  await app.newWorkbook('Empty client');
  await shoot(page, '09-empty-workbook');
});
