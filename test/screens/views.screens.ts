// Screenshots of each view, at 1280×800 and 1920×1080, into test-results/screens.
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from '../e2e/pages/app-page';
import { RegisterPage } from '../e2e/pages/register-page';
import { ExchangePage, XLSX_MIME } from '../e2e/pages/exchange-page';
import { RoadmapPage } from '../e2e/pages/roadmap-page';
import { CapacityPage } from '../e2e/pages/capacity-page';
import { writeFile } from 'node:fs/promises';
import { editExport, messyWorkbook } from '../helpers/messy-workbook';
import { zipBomb } from '../helpers/hostile-files';

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
  await nav('People');
  await page.getByRole('button', { name: /^Open details of / }).first().click();
  await page.waitForTimeout(300);
  await shoot(page, '17-person-detail');
  await page.getByRole('button', { name: 'Close details' }).click();
  await nav('Projects');
  await page.getByRole('searchbox').fill('zzz no such project');
  await page.waitForTimeout(300);
  await shoot(page, '16-projects-no-match');
  await page.getByRole('searchbox').fill('');
  await app.goToArea('Settings');
  await shoot(page, '04-settings');
  await page.getByRole('button', { name: /^Save baseline/ }).click();
  await page.getByRole('dialog').getByRole('textbox').fill('Q3 approved plan — steering committee, 30 September 2026');
  await page.getByRole('dialog').getByRole('button', { name: 'Save baseline' }).click();
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.getByRole('group', { name: 'Baselines' }).evaluate((e) => e.scrollIntoView({ block: 'end' }));
    await page.waitForTimeout(100);
    await page.screenshot({ path: `test-results/screens/18-settings-baselines-${size.width}x${size.height}.png` });
  }
  await page.getByRole('main').evaluate((m) => m.scrollTo(0, 0));
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

test('import wizard and merge review', async ({ page }) => {
  const app = new AppPage(page);
  const ex = new ExchangePage(page);
  const reg = new RegisterPage(page);
  await app.goto();
  await app.openDemoFromWelcome();
  await app.renameCurrent('Northwind Group — Enterprise Transformation Portfolio FY2026/27 (consolidated view for the steering committee)');
  const file = messyWorkbook('ACME Corporation — Enterprise Portfolio Register FY2026-27 (consolidated, finance approved) v14 FINAL.xlsx');
  await ex.importFile({ name: file.fileName, mimeType: XLSX_MIME, buffer: Buffer.from(file.bytes) });
  await ex.expectStep('Sheets');
  await shoot(page, '20-import-sheets');
  await ex.wizard.getByRole('button', { name: 'Preview sheet Allocations' }).click();
  await shoot(page, '21-import-sheets-allocations');
  await ex.button('Next: columns').click();
  await ex.expectStep('Columns');
  await shoot(page, '22-import-columns');
  await ex.wizard.locator('.wizard-body').evaluate((b) => (b.scrollTop = b.scrollHeight));
  await shoot(page, '23-import-columns-grid');
  await ex.button('Next: check').click();
  await ex.expectStep('Check');
  await shoot(page, '24-import-check');
  await ex.wizard.locator('.wizard-body').evaluate((b) => (b.scrollTop = 520));
  await shoot(page, '25-import-check-rows');
  await ex.button(/^Import \d+ rows$/).click();
  await ex.expectStep('Done');
  await shoot(page, '26-import-done');
  await ex.button('Close').click();

  // Ambiguous dates: a CSV whose dates read both ways.
  const csv = ['Code,Name,Start,Finish,Budget', 'AMB-1,Dates both ways,03/04/2026,05/06/2026,1000', 'AMB-2,Another,04/03/2026,06/05/2026,2000'].join('\n');
  await ex.importFile({ name: 'ambiguous dates.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await ex.expectStep('Sheets');
  await ex.button('Next: columns').click();
  await ex.button('Next: check').click();
  await ex.expectStep('Check');
  await shoot(page, '27-import-check-ambiguous-dates');
  await ex.button('Choose the date order of ambiguous dates').click();
  await ex.expectStep('Columns');
  await shoot(page, '27b-import-columns-date-order');
  await ex.button('Cancel').click();

  // Refused.
  await ex.importFile({ name: 'quarterly figures (from finance, do not circulate).xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(zipBomb()) });
  await expect(ex.wizard.getByRole('alert')).toBeVisible();
  await shoot(page, '28-import-refused');
  await ex.button('Close').click();

  // Merge review: an export edited elsewhere, one cell also changed here.
  const { bytes } = await ex.exportXlsx('Weekly');
  const edited = editExport(new Uint8Array(bytes), [
    { sheet: 'Projects', matchHeader: 'Code', match: 'PRJ-002', header: 'Name', value: 'Customer portal redesign — phase 2 (self-service, payments and account management)' },
    { sheet: 'Projects', matchHeader: 'Code', match: 'PRJ-003', header: 'Budget', value: 987_654.5 },
    { sheet: 'Projects', matchHeader: 'Code', match: 'PRJ-003', header: 'Stage', value: 'On hold' },
    { sheet: 'Projects', matchHeader: 'Code', match: 'PRJ-004', header: 'Manager', value: 'Alexandria Montgomery-Fitzwilliam' },
  ], {
    deleteRows: [{ sheet: 'Projects', matchHeader: 'Code', match: 'PRJ-010' }],
    addRows: [{ sheet: 'Projects', values: { Code: 'PRJ-090', Name: 'Regional distribution centre feasibility study (north-west and Scotland)', Budget: 125000 } }],
  });
  await reg.open('Projects');
  const row3 = await reg.rowId('PRJ-003');
  await reg.editCell(row3, 'budget', '750000');
  await expect(app.saveState).toHaveText('All changes saved');
  await ex.importFile({ name: 'Northwind portfolio — returned by finance with comments.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(edited.bytes) });
  await ex.expectStep('Review changes');
  await shoot(page, '29-merge-review');
  await ex.wizard.locator('.wizard-body').evaluate((b) => (b.scrollTop = b.scrollHeight));
  await shoot(page, '30-merge-review-rows');
  await ex.button('Cancel').click();
});

test('roadmap', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.openDemoFromWelcome();
  const rm = new RoadmapPage(page);
  await rm.open();
  await rm.groupBy('Programme');
  // Each size fitted to the portfolio (F), as a user would after resizing the window.
  const fitted = async (name: string, before?: () => Promise<void>) => {
    for (const size of sizes) {
      await page.setViewportSize(size);
      await page.waitForTimeout(150);
      await rm.keys('f');
      if (before) await before();
      await page.waitForTimeout(150);
      await page.screenshot({ path: `test-results/screens/${name}-${size.width}x${size.height}.png` });
    }
  };
  await fitted('40-roadmap-by-programme');
  // Zoomed in around today: months, percentages, lags, milestones with their slip.
  await fitted('41-roadmap-zoomed', async () => {
    await rm.keys('Home', '+', '+');
  });
  // Hovering a bar.
  await page.setViewportSize(sizes[0]!);
  await rm.keys('f', 'Home', '+', '+');
  const ids = await rm.visibleProjects();
  const r = await rm.reveal(ids[2]!);
  await page.mouse.move(r.x + Math.min(40, r.width / 2), r.y + r.height / 2);
  await page.waitForTimeout(150);
  await page.screenshot({ path: 'test-results/screens/42-roadmap-hover-1280x800.png' });
  // Dragging a bar into a broken dependency (PRJ-005 waits for PRJ-004): the warning while dragging.
  await rm.dragBar(ids[4]!, -60, 'move', async () => {
    await page.screenshot({ path: 'test-results/screens/43-roadmap-drag-1280x800.png' });
  });
  await app.undoButton.click();
  // The critical path: turning it on scrolls to its first item.
  await page.setViewportSize(sizes[0]!);
  await rm.keys('f');
  await rm.button('Critical path').click();
  await page.waitForTimeout(200);
  await page.screenshot({ path: 'test-results/screens/44-roadmap-critical-path-1280x800.png' });
  await rm.button('Critical path').click();
  for (const size of sizes) {
    await page.setViewportSize(size);
    await rm.button('Timeline').click();
    await rm.button('Milestones only').click();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `test-results/screens/45-roadmap-milestones-${size.width}x${size.height}.png` });
  }
  await rm.button('Timeline').click();
  await page.setViewportSize(sizes[0]!);
  await rm.keys('f');
  const a4 = await rm.exportImage('PNG', 'A4 landscape');
  await writeFile('test-results/screens/46-roadmap-export-a4.png', a4.bytes);
  const svg = await rm.exportImage('SVG', 'As on screen');
  await writeFile('test-results/screens/47-roadmap-export-screen.svg', svg.bytes);
  await page.getByLabel('Group by').selectOption({ label: 'None' });
  await page.getByRole('button', { name: 'Display…' }).click();
  await page.getByLabel('Row height').selectOption({ label: 'Compact' });
  await page.getByLabel('Colour by').selectOption({ label: 'Stage' });
  await page.keyboard.press('Escape');
  await shoot(page, '48-roadmap-compact-by-stage');
});

test('capacity', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.openDemoFromWelcome();
  const cap = new CapacityPage(page);
  await cap.open();
  await shoot(page, '50-capacity-people');
  const first = (await cap.overloadEntries()).find((e) => e.kind === 'person')!;
  await cap.overloads.getByRole('button', { name: first.name, exact: true }).click();
  await expect(cap.drilldown).toBeVisible();
  await shoot(page, '51-capacity-people-drilldown');
  await page.getByRole('button', { name: 'Close the cell details' }).click();
  await cap.rowsBy('Roles');
  await page.getByRole('button', { name: 'Expand all' }).click();
  await shoot(page, '52-capacity-roles');
  const roles = (await cap.rowKeys()).filter((k) => k.startsWith('role:'));
  await cap.clickCell(roles[0]!, (await page.evaluate(() => window.__pmoCapacity!.drawn()!.firstCol)) + 5);
  await expect(cap.drilldown).toBeVisible();
  await shoot(page, '53-capacity-roles-drilldown');
  await page.getByRole('button', { name: 'Close the cell details' }).click();
  await cap.rowsBy('People');
  await cap.periods('Months');
  await page.getByLabel('Tentative demand').selectOption({ label: 'Shown apart' });
  await shoot(page, '54-capacity-months-tentative-apart');
  await cap.periods('Quarters');
  await cap.rowsBy('Teams');
  await shoot(page, '55-capacity-teams-quarters');
});
