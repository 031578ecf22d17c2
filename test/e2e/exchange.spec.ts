// Spreadsheet exchange on the real app in Chromium with a real IndexedDB: a messy client
// workbook through the import wizard (report checked row by row, Cancel changes nothing, one
// undo takes the import back), an export edited in "Excel" and merged back cell by cell with a
// conflict, and hostile files refused fast.
import { expect, test } from './fixtures';
import * as XLSX from '@e965/xlsx';
import { AppPage } from './pages/app-page';
import { RegisterPage } from './pages/register-page';
import { ExchangePage, XLSX_MIME } from './pages/exchange-page';
import { editExport, messyWorkbook } from '../helpers/messy-workbook';
import { rangeBombXlsx, zipBomb } from '../helpers/hostile-files';

async function emptyWorkbook(app: AppPage, name: string) {
  await app.goto();
  await app.page.getByRole('button', { name: /Start an empty workbook/ }).click();
  await app.page.getByRole('dialog', { name: 'New workbook' }).getByLabel('Name').fill(name);
  await app.page.getByRole('button', { name: 'Create' }).click();
  await expect(app.heading(name)).toBeVisible();
}

test('a messy client workbook: every row accounted for, Cancel changes nothing, commit is one undo step', async ({ page }) => {
  const app = new AppPage(page);
  const ex = new ExchangePage(page);
  const reg = new RegisterPage(page);
  const file = messyWorkbook();
  const upload = { name: file.fileName, mimeType: XLSX_MIME, buffer: Buffer.from(file.bytes) };
  await emptyWorkbook(app, 'ACME Corp');
  const before = await app.dumpDatabase();
  const beforeData = await ex.dumpData();

  await ex.importFile(upload);
  await expect(ex.wizard.getByRole('heading', { name: `Import “${file.fileName}”` })).toBeVisible();
  await ex.expectStep('Sheets');

  // Sheets: both found, with what they hold, the header row and the rows set aside by the layout.
  await expect(ex.wizard.getByRole('checkbox', { name: 'Import sheet Portfolio' })).toBeChecked();
  await expect(ex.wizard.getByRole('checkbox', { name: 'Import sheet Allocations' })).toBeChecked();
  await expect(ex.wizard.getByRole('combobox', { name: 'What sheet Portfolio holds' })).toHaveValue('project');
  await expect(ex.wizard.getByRole('combobox', { name: 'What sheet Allocations holds' })).toHaveValue('allocation');
  await expect(ex.wizard.getByTestId('header-row')).toContainText('Header row: row 5');
  const setAside = ex.wizard.getByRole('list', { name: 'Rows set aside' });
  await expect(setAside).toContainText('Row 1: title above the table');
  await expect(setAside).toContainText('Row 12: blank row');
  await expect(setAside).toContainText('Row 19: totals row');
  await expect(setAside).toContainText('Row 21: note below the table');
  const preview = ex.wizard.getByRole('table', { name: 'First rows of Portfolio' });
  await expect(preview.locator('tr.is-header')).toContainText('Proj Name');
  // Greyed: every row set aside by the layout (the refused data row is not one of them).
  const laidAside = [...file.sheets[0]!.expected].filter(([row, st]) => st === 'skipped' && row !== 5 && row !== file.badRow).length;
  await expect(preview.locator('tr.is-skipped')).toHaveCount(laidAside);

  // Saying a sheet holds something else suggests its columns again.
  const holds = ex.wizard.getByRole('combobox', { name: 'What sheet Allocations holds' });
  await holds.selectOption({ label: 'People (resources)' });
  await expect(ex.wizard.getByRole('listitem', { name: 'Sheet Allocations' })).toContainText('chosen by you');
  await ex.button('Next: columns').click();
  await expect(ex.sheetColumns('Allocations')).toContainText('→ People (resources)');
  await expect(ex.wizard.getByLabel('Period columns of Allocations')).toHaveCount(0);
  await ex.button('Back').click();
  await holds.selectOption({ label: 'Allocations' });
  await expect(holds).toBeEnabled();

  // Columns: suggestions with their reasons, the £k scale, the week grid.
  await ex.button('Next: columns').click();
  await ex.expectStep('Columns');
  const cols = ex.sheetColumns('Portfolio');
  const field = (letter: string) => cols.getByRole('combobox', { name: new RegExp(`^Field for column ${letter} `) });
  await expect(field('B')).toHaveValue('name');
  await expect(field('I')).toHaveValue('budget');
  await expect(cols.getByRole('combobox', { name: /^Scale of column I / })).toHaveValue('1000');
  await expect(field('J')).toHaveValue('actualCost');
  await expect(cols.getByRole('combobox', { name: /^Scale of column J / })).toHaveValue('1');
  await expect(cols.getByRole('row', { name: /Proj Name/ })).toContainText('Customer portal rebuild');
  await expect(cols.getByRole('row', { name: /Proj Name/ })).toContainText('is a synonym of Name');
  await expect(ex.wizard.getByLabel('Period columns of Allocations')).toContainText('Weekly grid: 6 week columns');
  for (const w of file.weeks) await expect(ex.wizard.getByLabel('Period columns of Allocations')).toContainText(w);
  // The grid's unit: suggested from its cells, and the grid columns' field follows it.
  const gridUnit = ex.wizard.getByRole('combobox', { name: 'What the grid cells of Allocations hold' });
  await expect(gridUnit).toHaveValue('hours-per-week');
  await expect(ex.wizard.getByLabel('Period columns of Allocations')).toContainText('Suggested: numbers up to');
  await gridUnit.selectOption({ label: '% of an FTE' });
  await expect(ex.sheetColumns('Allocations').getByText(`% FTE, ${file.weeks[0]!}`, { exact: true })).toBeVisible();
  await gridUnit.selectOption({ label: 'Hours per week' });
  await expect(ex.sheetColumns('Allocations').getByText(`Hours per week, ${file.weeks[0]!}`, { exact: true })).toBeVisible();
  // A field is mapped once: giving Name to column D takes it from column B.
  const colD = field('D');
  await colD.selectOption('name');
  await expect(field('B')).toHaveValue('');
  await field('B').selectOption('name');
  await expect(colD).toHaveValue('');
  await colD.selectOption('manager');

  // Check: the counts are the file's, row by row: rows of data not imported apart from layout rows.
  await ex.button('Next: check').click();
  await ex.expectStep('Check');
  const shownStatus = (sheet: string, row: number, status: string) => (status === 'new' ? 'new' : sheet === 'Portfolio' && row === file.badRow ? 'not imported' : 'layout');
  const expected = file.sheets.flatMap((s) => [...s.expected].map(([row, status]) => [s.name, row, shownStatus(s.name, row, status)] as [string, number, string]));
  const rowsInFile = file.sheets.reduce((n, s) => n + s.rows, 0);
  const newRows = expected.filter((e) => e[2] === 'new').length;
  await expect(ex.count('rows')).toHaveText(String(rowsInFile));
  await expect(ex.count('new')).toHaveText(String(newRows));
  await expect(ex.count('updated')).toHaveText('0');
  await expect(ex.count('unchanged')).toHaveText('0');
  await expect(ex.count('notImported')).toHaveText('1');
  await expect(ex.count('layout')).toHaveText(String(rowsInFile - newRows - 1));
  // ACME-107's finish (before its start) and ACME-109's RAG ("Purple") are cells not read: their rows import.
  await expect(ex.count('cellsNotRead')).toHaveText('2');
  expect(await ex.reportRows()).toEqual(expected);
  const account = ex.wizard.getByRole('note', { name: 'Rows of data not imported' });
  await expect(account).toContainText('1 row of data not imported');
  await expect(account).toContainText(`Portfolio, row ${file.badRow}: a new project needs Name`);
  for (const t of [`${rowsInFile - newRows - 1} rows set aside as layout (`, 'title above the table', 'header', 'blank', 'totals', 'note below the table']) await expect(ex.wizard.getByTestId('rows-account')).toContainText(t);
  const bad = ex.wizard.getByTestId('report-rows').locator('tbody tr').filter({ hasText: 'ACME-111' });
  await expect(bad).toContainText('Not imported');
  await expect(bad).toContainText('a new project needs Name');
  await expect(ex.wizard.getByTestId('report-rows').locator('tbody tr').filter({ hasText: 'ACME-107' })).toContainText('New');
  const issues = ex.wizard.getByTestId('report-issues');
  await expect(issues.locator('tr').filter({ hasText: 'is before its start' })).toContainText('Cell not read');
  await expect(issues.locator('tr').filter({ hasText: 'Purple' })).toContainText('Cell not read');
  // Only the rows not imported, from the note.
  await account.getByRole('button', { name: 'Show only the rows not imported' }).click();
  await expect(ex.wizard.getByTestId('report-rows').locator('tbody tr')).toHaveCount(1);

  for (const p of file.programmes) await expect(ex.wizard.getByRole('region', { name: 'Also created' })).toContainText(`New programme ${p}`);
  for (const p of file.people) await expect(ex.wizard.getByRole('region', { name: 'Also created' })).toContainText(`New person ${p}`);
  await expect(ex.wizard.getByRole('region', { name: 'How rows find their record' })).toContainText('Portfolio: matched by the record id of our own exports, else by project code');
  // Filtering the report: the layout rows too, so every row not imported or set aside.
  await ex.wizard.getByRole('button', { name: /^Layout \d/ }).click();
  await expect(ex.wizard.getByTestId('report-rows').locator('tbody tr')).toHaveCount(rowsInFile - newRows);

  // The RAG column set to skip rows with a cell that cannot be read: ACME-109 is not imported (Cancel below forgets the choice).
  await ex.button('Back').click();
  await ex.expectStep('Columns');
  const onError = cols.getByRole('combobox', { name: /^If a cell of column H .* can’t be read$/ });
  await expect(onError).toHaveValue('keep-row');
  await onError.selectOption({ label: 'skip the row' });
  await ex.button('Next: check').click();
  await ex.expectStep('Check');
  await expect(ex.count('notImported')).toHaveText('2');
  await expect(ex.wizard.getByTestId('report-rows').locator('tbody tr').filter({ hasText: 'ACME-109' })).toContainText('the column is set to skip rows with a cell that cannot be read');
  await expect(issues.locator('tr').filter({ hasText: 'Purple' })).toContainText('Row not imported');

  // Cancel at the Check step: the database is exactly as it was.
  await ex.button('Cancel').click();
  await expect(ex.wizard).toHaveCount(0);
  expect(await app.dumpDatabase()).toBe(before);

  // Again, and commit.
  await ex.importFile(upload);
  await ex.expectStep('Sheets');
  await ex.button('Next: columns').click();
  await ex.button('Next: check').click();
  await ex.expectStep('Check');
  await expect(ex.count('new')).toHaveText(String(newRows));
  await ex.button(`Import ${newRows} rows`).click();
  await ex.expectStep('Done');
  await expect(ex.wizard.getByRole('status').filter({ hasText: 'Imported' })).toContainText(`Imported ${newRows} rows from ${file.fileName}`);
  await ex.button('Close').click();
  await expect(ex.wizard).toHaveCount(0);
  await expect(page.locator('.notice').filter({ hasText: `Imported ${newRows} rows from ${file.fileName}` })).toBeVisible();
  await expect(app.undoButton).toHaveAccessibleName(`Undo Import ${file.fileName}`);

  // The register shows the projects with the file's values.
  await reg.open('Projects');
  const good = file.projects.filter((p) => p.expect);
  await expect(reg.count).toContainText(String(good.length));
  // Row ids first: pinned cells are not drawn while the grid is scrolled sideways.
  const [first, second, third] = [await reg.rowId('ACME-101'), await reg.rowId('ACME-102'), await reg.rowId('ACME-103')];
  await expect(reg.cell(first, 'name')).toHaveText('Customer portal rebuild');
  await reg.revealColumn('rag.overall');
  await expect(reg.cell(first, 'rag.overall')).toHaveClass(/cell-rag-G/);
  await expect(reg.cell(second, 'rag.overall')).toHaveClass(/cell-rag-A/);
  await reg.revealColumn('start');
  await expect(reg.cell(first, 'start')).toHaveText('03/04/2026');
  await expect(reg.cell(first, 'finish')).toHaveText('25/11/2026');
  await reg.revealColumn('budget');
  await expect(reg.cell(first, 'budget')).toContainText('120,000');
  await expect(reg.cell(third, 'budget')).toContainText('75,500');
  await reg.revealColumn('actualCost');
  await expect(reg.cell(first, 'actualCost')).toContainText('1,200.50');
  await expect(reg.cell(second, 'actualCost')).toContainText('1,200,000');
  await expect(reg.grid.locator('.ag-cell[col-id="code"]').filter({ hasText: 'ACME-111' })).toHaveCount(0);

  // One undo takes the whole import back.
  await page.getByRole('heading', { level: 1, name: 'Projects' }).click();
  await page.keyboard.press('Control+z');
  await expect(app.saveState).toHaveText('All changes saved');
  await expect(app.undoButton).not.toHaveAccessibleName(/Import/);
  expect(await ex.dumpData()).toBe(beforeData);
});

test('export to Excel, edit three cells there, merge back: a conflict keeps ours until accepted; undo restores', async ({ page }) => {
  const app = new AppPage(page);
  const ex = new ExchangePage(page);
  const reg = new RegisterPage(page);
  await app.goto();
  await app.openDemoFromWelcome();

  const { download, bytes } = await ex.exportXlsx('Weekly');
  expect(download.suggestedFilename()).toMatch(/^Northwind Portfolio \(sample\) \d{4}-\d{2}-\d{2}\.xlsx$/);
  await expect(page.locator('.busy-overlay')).toHaveCount(0);

  // What the file holds: the cells a client will edit.
  const wb = XLSX.read(bytes, { type: 'buffer', dense: true, cellNF: true, cellDates: false });
  const rows = (name: string) => XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets[name]!, { raw: true, defval: null });
  expect(wb.SheetNames).toContain('_pmo');
  const projects = rows('Projects');
  const p2 = projects.find((r) => r['Code'] === 'PRJ-002')!;
  const p3 = projects.find((r) => r['Code'] === 'PRJ-003')!;
  const milestone = rows('Milestones')[0]!;
  const milestoneId = String(milestone['Record id (do not edit)']);
  const milestoneName = String(milestone['Milestone']);
  const label2 = `PRJ-002 ${String(p2['Name'])}`;
  const label3 = `PRJ-003 ${String(p3['Name'])}`;

  const edited = editExport(
    new Uint8Array(bytes),
    [
      { sheet: 'Projects', matchHeader: 'Code', match: 'PRJ-002', header: 'Name', value: 'Customer portal, renamed in Excel' },
      { sheet: 'Projects', matchHeader: 'Code', match: 'PRJ-003', header: 'Budget', value: 987_654.5 },
      { sheet: 'Milestones', matchHeader: 'Record id (do not edit)', match: milestoneId, header: 'Forecast', value: { date: '2027-03-15' } },
    ],
    { sortSheet: 'Projects', sortHeader: 'Code', addColumn: { sheet: 'Projects', after: 'Name', header: 'My notes', values: (i) => (i % 4 === 0 ? `Check with finance (${i})` : null) } },
  );

  // Meanwhile, here: PRJ-003's budget changes too (a conflict).
  await reg.open('Projects');
  const row2 = await reg.rowId('PRJ-002');
  const row3 = await reg.rowId('PRJ-003');
  await reg.editCell(row3, 'budget', '750000');
  await expect(reg.cell(row3, 'budget')).toContainText('750,000');
  await expect(app.saveState).toHaveText('All changes saved');
  const beforeMerge = await ex.dumpData();

  await ex.importFile({ name: 'Northwind returned.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(edited.bytes) });
  await expect(ex.wizard.getByRole('heading', { name: 'Merge “Northwind returned.xlsx”' })).toBeVisible();
  await ex.expectStep('Review changes');
  await expect(ex.wizard).toContainText('This is an export of “Northwind Portfolio (sample)” from');
  // When it was exported, as the UK workbook writes dates (the browser here speaks US English).
  await expect(ex.wizard.locator('.merge-intro')).toHaveText(/ from \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}: changes are merged cell by cell\.$/);
  await expect(ex.mergeCount('cells')).toHaveText('3');
  await expect(ex.mergeCount('conflicts')).toHaveText('1');
  await expect(ex.mergeCount('new')).toHaveText('0');
  await expect(ex.mergeCount('removed')).toHaveText('0');
  await expect(ex.wizard.locator('.merge-cells tbody tr')).toHaveCount(3);

  const name = ex.wizard.getByRole('checkbox', { name: `Accept Name of ${label2}` });
  const budget = ex.wizard.getByRole('checkbox', { name: `Accept Budget of ${label3}` });
  const forecast = ex.wizard.getByRole('checkbox', { name: `Accept Forecast of ${milestoneName}` });
  await expect(name).toBeChecked();
  await expect(forecast).toBeChecked();
  await expect(budget).not.toBeChecked();
  const conflict = ex.wizard.getByRole('article', { name: `Changes to ${label3}` });
  await expect(conflict).toContainText('conflict: also changed here — here: £750,000.00, file: £987,654.50');
  await expect(ex.wizard.getByRole('article', { name: `Changes to ${label2}` })).toContainText('changed in file');
  await expect(ex.button('Apply 2 changes')).toBeVisible();

  // Reject all, accept all, then: reject the name, take the file's budget, keep the forecast.
  await ex.button('Reject all').click();
  await expect(ex.button('Nothing to apply')).toBeDisabled();
  await ex.button('Accept all').click();
  await expect(ex.button('Apply 3 changes')).toBeVisible();
  await name.uncheck();
  await expect(ex.wizard.getByRole('checkbox', { name: 'Accept all changes in sheet Projects' })).not.toBeChecked();
  await ex.button('Apply 2 changes').click();
  await ex.expectStep('Done');
  await expect(ex.wizard.getByRole('status').filter({ hasText: 'Merged' })).toContainText('Merged 2 changes from Northwind returned.xlsx');
  await ex.button('Close').click();
  await expect(app.undoButton).toHaveAccessibleName('Undo Merge 2 cells from Northwind returned.xlsx');

  // The register: the name as it was, the file's budget, the file's forecast.
  await reg.revealColumn('name');
  await expect(reg.cell(row2, 'name')).toHaveText(String(p2['Name']));
  await reg.revealColumn('budget');
  await expect(reg.cell(row3, 'budget')).toContainText('987,654.50');
  await reg.open('Milestones');
  await reg.search(milestoneName);
  await reg.revealColumn('forecastDate');
  await expect(reg.cell(milestoneId, 'forecastDate')).toHaveText('15/03/2027');

  // Undo: exactly the state before the merge.
  await page.getByRole('heading', { level: 1, name: 'Milestones' }).click();
  await page.keyboard.press('Control+z');
  await expect(app.saveState).toHaveText('All changes saved');
  await expect(app.undoButton).toHaveAccessibleName(/^Undo (?!Merge)/);
  expect(await ex.dumpData()).toBe(beforeMerge);
});

test('a zip bomb is refused with nothing changed; a declared million-row range opens with only its cells', async ({ page }) => {
  const app = new AppPage(page);
  const ex = new ExchangePage(page);
  await app.goto();
  await app.openDemoFromWelcome();
  const before = await app.dumpDatabase();

  const bomb = zipBomb();
  await ex.importFile({ name: 'quarterly figures.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(bomb) });
  const refusal = ex.wizard.getByRole('alert');
  await expect(refusal).toContainText('This file cannot be imported');
  await expect(refusal).toContainText('"quarterly figures.xlsx" was refused');
  await expect(refusal).toContainText(/would expand .* which is how a zip bomb behaves/);
  await expect(refusal).toContainText('Nothing was changed.');
  await ex.button('Close').click();
  await expect(ex.wizard).toHaveCount(0);
  expect(await app.dumpDatabase()).toBe(before);

  await ex.importFile({ name: 'range.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(rangeBombXlsx()) });
  await ex.expectStep('Sheets');
  await expect(ex.wizard.getByRole('list', { name: 'Notes on the file' })).toContainText('declares A1:XFD1048576 but holds data only in A1:C3');
  const grid = ex.wizard.getByRole('table', { name: 'First rows of Data' });
  await expect(grid.locator('tbody tr')).toHaveCount(3);
  await expect(grid.locator('tbody tr').nth(2)).toContainText('456');
  await ex.button('Cancel').click();
  await expect(ex.wizard).toHaveCount(0);
  expect(await app.dumpDatabase()).toBe(before);
});

test('Ctrl+I, Ctrl+E and CSV export; the wizard stops reading on Cancel', async ({ page }) => {
  const app = new AppPage(page);
  const ex = new ExchangePage(page);
  await app.goto();
  await app.openDemoFromWelcome();

  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export to Excel (.xlsx)' });
  await expect(dialog.getByRole('radio', { name: /^Weekly/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  const csv = await ex.exportCsv('RAID');
  expect(csv.download.suggestedFilename()).toBe('Northwind Portfolio (sample) RAID.csv');
  expect(csv.text.split('\n')[0]).toContain('Ref,Type,Title');
  expect(csv.text.split('\n')[0]).toContain('Record id (do not edit)');
  // The CSV for people: each choice says what the apostrophe does; no record ids.
  await ex.menuAction(/^Export CSV/);
  const csvDialog = page.getByRole('dialog', { name: 'Export CSV' });
  await expect(csvDialog.getByRole('radio', { name: 'Re-import into PMO Workbench' })).toBeChecked();
  await expect(csvDialog.getByRole('radio', { name: 'Re-import into PMO Workbench' })).toHaveAccessibleDescription(/Excel and LibreOffice show that apostrophe.*Gnumeric hides it/);
  await expect(csvDialog.getByRole('radio', { name: 'People to read' })).toHaveAccessibleDescription(/No apostrophes and no record ids/);
  await page.screenshot({ path: test.info().outputPath('csv-export-dialog.png') });
  await csvDialog.getByRole('button', { name: 'Cancel' }).click();
  const people = await ex.exportCsv('RAID', true);
  expect(people.text.split('\n')[0]).toContain('Ref,Type,Title');
  expect(people.text).not.toContain('Record id');

  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+i');
  await (await chooser).setFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(`Code,Name,Budget\n${Array.from({ length: 40_000 }, (_, i) => `X-${i},Project ${i},${i * 10}`).join('\n')}`) });
  await expect(ex.wizard).toBeVisible();
  // Either still reading (then Cancel stops it) or already at the Sheets step (then Cancel closes).
  await ex.button('Cancel').click();
  await expect(ex.wizard).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Import / Export' })).toBeEnabled();

  // A spreadsheet dropped on the window starts the wizard.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['Code,Name\nDROP-1,Dropped project\n'], 'dropped.csv', { type: 'text/csv' }));
    const app = document.querySelector('.app')!;
    app.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    app.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await expect(ex.wizard.getByRole('heading', { name: 'Import “dropped.csv”' })).toBeVisible();
  await ex.expectStep('Sheets');
  await expect(page.locator('.drop-overlay')).toHaveCount(0);
  await ex.button('Cancel').click();
  await expect(ex.wizard).toHaveCount(0);
});

test('dates that read both ways: the warning leads to the date order, and the choice is applied', async ({ page }) => {
  const app = new AppPage(page);
  const ex = new ExchangePage(page);
  const reg = new RegisterPage(page);
  await emptyWorkbook(app, 'US client');
  const csv = ['Code,Name,Start,Finish,Budget', 'US-1,Launch in Ohio,03/04/2026,05/06/2026,1000', 'US-2,Launch in Utah,04/03/2026,06/05/2026,2000'].join('\r\n');
  await ex.importFile({ name: 'us dates.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await ex.expectStep('Sheets');
  await ex.button('Next: columns').click();
  await ex.button('Next: check').click();
  await ex.expectStep('Check');
  const warning = ex.wizard.getByRole('note', { name: 'Dates that read both ways' });
  await expect(warning).toContainText('column C “Start”: 2 dates such as 03/04/2026 could be day/month or month/day; read as day/month/year from the workbook setting');
  // One warning per column, and each date that reads both ways listed with both readings.
  await expect(ex.count('warnings')).toHaveText('6');
  await expect(ex.wizard.getByTestId('report-issues')).toContainText('03/04/2026 read as 3 Apr 2026; month first it would be 4 Mar 2026');
  await expect(ex.wizard.getByRole('region', { name: 'How columns were read' })).toContainText('us dates, column C “Start”: Dates read as day/month/year from the workbook setting.');
  await warning.getByRole('button', { name: 'Choose the date order of us dates' }).click();
  await ex.expectStep('Columns');
  const order = ex.wizard.getByRole('combobox', { name: 'Date order for sheet us dates' });
  await expect(order).toBeFocused();
  await order.selectOption({ label: 'Month-day-year (12/31/2026)' });
  await ex.button('Next: check').click();
  await ex.expectStep('Check');
  await expect(ex.count('warnings')).toHaveText('0');
  await expect(ex.wizard.getByRole('note', { name: 'Dates that read both ways' })).toHaveCount(0);
  await expect(ex.wizard.getByRole('region', { name: 'How columns were read' })).toContainText('column C “Start”: Dates read as month/day/year as chosen for this sheet.');
  await ex.button('Import 2 rows').click();
  await ex.expectStep('Done');
  await ex.button('Close').click();
  await reg.open('Projects');
  const us1 = await reg.rowId('US-1');
  await reg.revealColumn('start');
  await expect(reg.cell(us1, 'start')).toHaveText('04/03/2026');
  await expect(reg.cell(us1, 'finish')).toHaveText('06/05/2026');
});

test('a 5,000-row file: Cancel during the check keeps the mapping, and the report shows 500 rows at a time', async ({ page }) => {
  const app = new AppPage(page);
  const ex = new ExchangePage(page);
  await emptyWorkbook(app, 'Big client');
  const lines = ['Code,Name,Programme,Start,Finish,Budget,RAG'];
  for (let i = 0; i < 5_000; i++) lines.push(`BIG-${i},Project number ${i},Programme ${i % 20},2026-01-${String((i % 28) + 1).padStart(2, '0')},2026-12-${String((i % 28) + 1).padStart(2, '0')},${(i % 997) * 1000},${['R', 'A', 'G'][i % 3]}`);
  await ex.importFile({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await ex.expectStep('Sheets');
  await ex.button('Next: columns').click();
  // Cancel while the rows are checked: the worker is stopped, the file read again, the mapping kept.
  await ex.wizard.getByRole('combobox', { name: /^Field for column G / }).selectOption('');
  // Both clicks in one task of the page: the check has started (its button is drawn) and cannot
  // have finished, however fast the machine, since the worker's answer needs a later task.
  await ex.wizard.evaluate(async (wizard) => {
    const button = (name: string) => [...wizard.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
    button('Next: check')!.click();
    for (let i = 0; i < 20 && !button('Cancel check'); i++) await Promise.resolve();
    const cancel = button('Cancel check');
    if (!cancel) throw new Error('no "Cancel check" button while checking');
    cancel.click();
  });
  await ex.expectStep('Columns');
  await expect(ex.wizard.getByRole('combobox', { name: /^Field for column G / })).toHaveValue('');
  await ex.wizard.getByRole('combobox', { name: /^Field for column G / }).selectOption('rag.overall');
  await ex.button('Next: check').click();
  await ex.expectStep('Check');
  await expect(ex.count('new')).toHaveText('5,000');
  await expect(ex.wizard.getByTestId('report-rows').locator('tbody tr')).toHaveCount(500);
  await expect(ex.wizard.getByText('Showing 500 of 5,001 rows.')).toBeVisible();
  await ex.wizard.getByRole('button', { name: 'Show 500 more' }).first().click();
  await expect(ex.wizard.getByTestId('report-rows').locator('tbody tr')).toHaveCount(1000);
  await ex.wizard.getByRole('searchbox', { name: 'Filter rows' }).fill('Project number 4999');
  await expect(ex.wizard.getByTestId('report-rows').locator('tbody tr')).toHaveCount(1);
  // How long the page's longest task is during such an import is measured by npm run bench.
  await ex.button('Cancel').click();
});
