// The portfolio register on the real app in Chromium: editing, validation, paste, fill down,
// grouping with subtotals, saved views, custom fields and field history.
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { RegisterPage } from './pages/register-page';
import { buildDemoWorkbook } from '../../shared/demo/demo';
import { localToday } from '../../shared/calendar';
import { formatMoney, sumMoney } from '../../shared/util/money';

test.use({ start: 'demo' });

test('an edit is saved and still there after a reload; an invalid value is refused with its reason', async ({ page }) => {
  const app = new AppPage(page);
  const reg = new RegisterPage(page);
  await reg.open('Projects');
  const row = await reg.rowId('PRJ-003');
  await reg.editCell(row, 'name', 'Warehouse automation, phase 2');
  await expect(reg.cell(row, 'name')).toHaveText('Warehouse automation, phase 2');
  await expect(app.saveState).toHaveText('All changes saved');

  await reg.revealColumn('percentComplete');
  const before = (await reg.cell(row, 'percentComplete').textContent())!.trim();
  await reg.editCell(row, 'percentComplete', '140');
  await expect(reg.cell(row, 'percentComplete')).toHaveClass(/cell-error/);
  await expect(reg.cell(row, 'percentComplete')).toHaveText(before);
  await expect(page.locator('[aria-live="assertive"]')).toContainText('% complete must be 0–100 %');

  await reg.editCell(row, 'finish', '31/02/2027');
  await expect(reg.cell(row, 'finish')).toHaveClass(/cell-error/);
  await expect(page.locator('[aria-live="assertive"]')).toContainText('is not a real date');

  await app.reload();
  await reg.open('Projects');
  await expect(reg.cell(await reg.rowId('PRJ-003'), 'name')).toHaveText('Warehouse automation, phase 2');
});

test('paste 20×6 cells from a spreadsheet: the bad date is refused, the rest applied, one undo reverts all', async ({ page }) => {
  const app = new AppPage(page);
  const reg = new RegisterPage(page);
  await reg.open('Projects');
  const first = await reg.rowId('PRJ-001');
  // Rows are sorted by code: the 7th and 8th pasted rows are PRJ-007 and PRJ-008.
  const seventh = await reg.rowId('PRJ-007');
  const eighth = await reg.rowId('PRJ-008');
  await reg.revealColumn('manager');
  const block = Array.from({ length: 20 }, (_, i) => [`Manager ${i + 1}`, `Sponsor ${i + 1}`, `Unit ${i % 3}`, '', `0${(i % 9) + 1}/03/2027`, i === 6 ? '31/02/2027' : `30/06/2027`].join('\t')).join('\r\n');
  const beforeManagers = await reg.columnTexts('manager');

  await reg.revealColumn('manager');
  await reg.cell(first, 'manager').click();
  await reg.paste(block);
  const report = page.locator('.rejections');
  await expect(report).toContainText('Finish');
  await expect(report).toContainText('31/02/2027');
  await expect(report).toContainText('is not a real date');
  await expect(app.undoButton).toHaveAccessibleName('Undo Paste 120 cells');
  const managers = await reg.columnTexts('manager');
  expect(managers.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => `Manager ${i + 1}`));
  await reg.revealColumn('finish');
  await expect(reg.cell(seventh, 'finish')).toHaveClass(/cell-error/);
  // Its start alone (7 March 2027) would now fall after its old finish, so it is refused too, with that reason.
  await expect(reg.cell(seventh, 'start')).toHaveClass(/cell-error/);
  await expect(report).toContainText('is before its start 2027-03-07');
  await expect(reg.cell(eighth, 'finish')).toHaveText('30/06/2027');

  await app.undoButton.click();
  await expect(app.saveState).toHaveText('All changes saved');
  expect((await reg.columnTexts('manager')).slice(0, 20)).toEqual(beforeManagers.slice(0, 20));
});

test('fill down copies the top cell of the selection into the rows below (Ctrl+D)', async ({ page }) => {
  const reg = new RegisterPage(page);
  await reg.open('Projects');
  const rows = await Promise.all(['PRJ-001', 'PRJ-002', 'PRJ-003', 'PRJ-004'].map((c) => reg.rowId(c)));
  await reg.editCell(rows[0]!, 'businessUnit', 'Group Finance');
  await reg.revealColumn('businessUnit');
  await reg.cell(rows[0]!, 'businessUnit').click();
  await reg.cell(rows[3]!, 'businessUnit').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+d');
  for (const r of rows) await expect(reg.cell(r, 'businessUnit')).toHaveText('Group Finance');
  // Copy the range back out as tab-separated text.
  expect(await reg.copy()).toBe(['Group Finance', 'Group Finance', 'Group Finance', 'Group Finance'].join('\r\n'));
});

test('the selected range is marked cell by cell and the marks follow it (Shift+arrows, a click, Enter after an edit)', async ({ page }) => {
  const reg = new RegisterPage(page);
  await reg.open('Projects');
  const rows = await Promise.all(['PRJ-001', 'PRJ-002', 'PRJ-003', 'PRJ-004'].map((c) => reg.rowId(c)));
  await reg.revealColumn('manager');
  await reg.cell(rows[0]!, 'manager').click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  for (const r of rows.slice(0, 3)) await expect(reg.cell(r, 'manager')).toHaveClass(/cell-in-range/);
  await expect(reg.cell(rows[3]!, 'manager')).not.toHaveClass(/cell-in-range/);
  // A click elsewhere takes the marks off the old range.
  await reg.cell(rows[3]!, 'manager').click();
  await expect(reg.cell(rows[3]!, 'manager')).toHaveClass(/cell-in-range/);
  for (const r of rows.slice(0, 3)) await expect(reg.cell(r, 'manager')).not.toHaveClass(/cell-in-range/);
  // Enter after an edit moves the mark down with the focus; the edited value shows in its row.
  await reg.cell(rows[1]!, 'manager').click();
  await page.keyboard.press('F2');
  await page.locator('.cell-input').fill('Range Test');
  await page.keyboard.press('Enter');
  await expect(reg.cell(rows[1]!, 'manager')).toHaveText('Range Test');
  await expect(reg.cell(rows[2]!, 'manager')).toHaveClass(/cell-in-range/);
  await expect(reg.cell(rows[1]!, 'manager')).not.toHaveClass(/cell-in-range/);
});

test('grouping by programme shows subtotals that match a hand calculation', async ({ page }) => {
  const reg = new RegisterPage(page);
  await reg.open('Projects');
  await reg.groupBy('Programme');
  const demo = buildDemoWorkbook({ today: localToday(new Date()) });
  const programme = demo.records.programme[0]!;
  const mine = demo.records.project.filter((p) => p.programmeId === programme.id && !p.archived);
  const budget = sumMoney(mine.map((p) => p.budget));
  await reg.revealColumn('budget');
  const groupRow = reg.grid.locator(`.ag-row[row-id="group:${programme.id}"]`);
  await expect(groupRow.locator('.ag-cell[col-id="code"]')).toContainText(`${programme.name} (${mine.length})`);
  await expect(groupRow.locator('.ag-cell[col-id="budget"]')).toHaveText(formatMoney(budget, 'GBP', 'en-GB'));
  // Collapse it: its projects disappear from the grid.
  await groupRow.getByRole('button', { expanded: true }).click();
  await expect(reg.grid.locator(`.ag-row[row-id="${mine[0]!.id}"]`)).toHaveCount(0);
});

test('a saved view (grouping, sort, hidden column, filter) is restored after a reload', async ({ page }) => {
  const app = new AppPage(page);
  const reg = new RegisterPage(page);
  await reg.open('Projects');
  await reg.groupBy('Stage');
  await reg.revealColumn('budget');
  await reg.grid.locator('.ag-header-cell[col-id="budget"] .header-sort').click();
  await reg.grid.locator('.ag-header-cell[col-id="budget"] .header-sort').click();
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('dialog', { name: 'Columns' }).getByRole('checkbox', { name: 'Sponsor' }).uncheck();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^View: / }).click();
  await page.getByRole('button', { name: 'Save as new view…' }).click();
  await page.getByRole('dialog', { name: 'Save view as' }).getByLabel('View name').fill('Stage, biggest first');
  await page.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByRole('button', { name: /^View: Stage, biggest first/ })).toBeVisible();

  // Change the working layout, then reload and switch back to the saved view.
  await reg.groupBy('None');
  await app.reload();
  await reg.open('Projects');
  await page.getByRole('button', { name: /^View: / }).click();
  await page.getByRole('dialog', { name: 'Saved views' }).getByRole('listitem').getByRole('button', { name: /^Stage, biggest first/ }).click();
  await expect(page.getByLabel('Group by')).toHaveValue('stage');
  await page.getByRole('button', { name: 'Columns' }).click();
  await expect(page.getByRole('dialog', { name: 'Columns' }).getByRole('checkbox', { name: 'Sponsor' })).not.toBeChecked();
  await page.keyboard.press('Escape');
  await reg.revealColumn('budget');
  await expect(reg.grid.locator('.ag-header-cell[col-id="budget"] .sort-mark')).toHaveText('▼');
});

test('a custom field is created, filled and filtered', async ({ page }) => {
  const reg = new RegisterPage(page);
  await reg.open('Projects');
  await page.getByRole('button', { name: 'Custom fields…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Custom fields' });
  await dialog.getByLabel('New field name').fill('Vendor');
  await dialog.getByLabel('New field type').selectOption({ label: 'Choice (one)' });
  await dialog.getByLabel('Choices', { exact: true }).fill('Acme, Globex');
  await dialog.getByRole('button', { name: 'Add field' }).click();
  await expect(dialog.getByLabel('Name of field Vendor')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('dialog', { name: 'Columns' }).getByRole('button', { name: 'Pin Vendor to the left' }).click();
  await page.keyboard.press('Escape');
  const row = await reg.rowId('PRJ-005');
  const vendorCol = await reg.grid.locator('.ag-header-cell', { hasText: 'Vendor' }).getAttribute('col-id');
  await reg.chooseInCell(row, vendorCol!, 'Globex');
  await expect(reg.cell(row, vendorCol!)).toHaveText('Globex');

  await reg.grid.locator(`.ag-header-cell[col-id="${vendorCol}"] .header-filter`).click();
  const filter = page.getByRole('dialog', { name: 'Filter Vendor' });
  await filter.getByRole('checkbox', { name: 'Globex' }).check();
  await filter.getByRole('button', { name: 'Apply' }).click();
  await expect(reg.count).toHaveText(/^Showing 1 of \d+ projects$/);
  await expect(page.getByRole('button', { name: 'Vendor: Globex' })).toBeVisible();
});

test('the detail panel shows the field history of an edit and a paste', async ({ page }) => {
  const reg = new RegisterPage(page);
  await reg.open('Projects');
  const row = await reg.rowId('PRJ-002');
  await reg.editCell(row, 'manager', 'Dana Whitfield');
  await reg.revealColumn('sponsor');
  await reg.cell(row, 'sponsor').click();
  await reg.paste('Evelyn Park');
  await expect(reg.cell(row, 'sponsor')).toHaveText('Evelyn Park');
  await page.getByRole('button', { name: 'Open details of PRJ-002' }).click();
  const panel = page.getByRole('complementary', { name: /PRJ-002/ }).or(page.getByRole('region', { name: /PRJ-002/ }));
  await expect(panel).toBeVisible();
  await expect(panel.getByText('Dana Whitfield').first()).toBeVisible();
  const history = panel.locator('section, div').filter({ has: page.getByRole('heading', { name: /history/i }) }).last();
  await expect(history).toContainText('Edit');
  await expect(history).toContainText('Paste');
  await expect(history).toContainText('Evelyn Park');
});

test('Code and Name stay pinned on the left while the grid scrolls sideways', async ({ page }) => {
  const reg = new RegisterPage(page);
  await reg.open('Projects');
  const demo = buildDemoWorkbook({ today: localToday(new Date()) });
  const first = [...demo.records.project].filter((p) => !p.archived).sort((a, b) => a.code.localeCompare(b.code))[0]!;
  await reg.revealColumn('actualCost');
  await expect(reg.cell(first.id, 'actualCost')).toBeVisible();
  await expect(reg.cell(first.id, 'code')).toBeVisible();
  await expect(reg.cell(first.id, 'code')).toHaveText(first.code);
  await expect(reg.cell(first.id, 'name')).toHaveText(first.name);
});

test('a person’s leave is added from the People register, counted, and undone', async ({ page }) => {
  const reg = new RegisterPage(page);
  await reg.open('People');
  const demo = buildDemoWorkbook({ today: localToday(new Date()) });
  const person = [...demo.records.resource].sort((a, b) => a.name.localeCompare(b.name))[0]!;
  await page.getByRole('button', { name: `Open details of ${person.name}` }).click();
  const panel = page.getByRole('complementary', { name: `Person ${person.name}` });
  await expect(panel).toBeVisible();
  const before = person.exceptions.length;
  const form = panel.getByRole('form', { name: 'Add a calendar exception' });
  await form.getByLabel('From').fill('03/08/2026');
  await form.getByLabel('To').fill('01/08/2026');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(panel.getByRole('alert')).toHaveText('End is before start');
  await form.getByLabel('To').fill('14/08/2026');
  await form.getByLabel('Note').fill('Summer holiday');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(panel.getByRole('list', { name: 'Calendar exceptions' })).toContainText('Leave 03/08/2026 – 14/08/2026 · Summer holiday');
  await reg.revealColumn('calc.leave');
  await expect(reg.cell(person.id, 'calc.leave')).toHaveText(String(before + 1));
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^Undo Add leave/ }).click();
  await expect(reg.cell(person.id, 'calc.leave')).toHaveText(String(before));
});
