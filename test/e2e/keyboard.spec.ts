// The whole app by keyboard: the register's row actions, header sort and filter, the detail
// panel and a person's leave, choice cells, dialogs, the roadmap and the heat map, driven with
// page.keyboard only. The sample portfolio is opened by the fixture; from then on each test
// counts the pointer events a person's mouse would make and expects none.
import { expect, test } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { RegisterPage } from './pages/register-page';

test.use({ start: 'demo' });

/**
 * Counts real pointer input from here on: trusted mousedown, pointerdown and wheel events, and
 * clicks with a click count (a button activated by Enter or Space also gets a trusted click,
 * but with detail 0). A mouse or touch call in the test would fail the final check.
 */
async function watchPointer(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __pointer: string[] };
    w.__pointer = [];
    const note = (e: Event) => {
      if (!e.isTrusted) return;
      if (e.type === 'click' && (e as MouseEvent).detail === 0) return;
      w.__pointer.push(e.type);
    };
    for (const type of ['mousedown', 'pointerdown', 'click', 'wheel', 'touchstart']) document.addEventListener(type, note, { capture: true, passive: true });
  });
}

async function pointerEvents(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __pointer: string[] }).__pointer);
}

const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false);

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 120 } = {}) {
  for (let i = 0; i < max; i++) {
    if ((await target.count()) === 1 && (await isFocused(target))) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** The grid cell or header that has the focus: its column id and row index. */
async function focusedCell(page: Page): Promise<{ col: string | null; row: string | null; header: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement?.closest('.ag-cell, .ag-header-cell');
    return { col: el?.getAttribute('col-id') ?? null, row: el?.closest('.ag-row')?.getAttribute('row-index') ?? null, header: !!el?.classList.contains('ag-header-cell') };
  });
}

async function openArea(page: Page, name: string) {
  const button = page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name, exact: true });
  await tabTo(page, button);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Tabs from wherever the focus is into the grid's header, then arrows to the header of `colId`. */
async function toHeader(page: Page, colId: string) {
  const cell = await focusedCell(page);
  if (!cell.header) await tabTo(page, page.locator('.data-grid .ag-header'), { max: 80 });
  for (let i = 0; i < 40 && (await focusedCell(page)).col !== 'ag-Grid-SelectionColumn'; i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 40 && (await focusedCell(page)).col !== colId; i++) await page.keyboard.press('ArrowRight');
  expect(await focusedCell(page)).toMatchObject({ col: colId, header: true });
}

/** The cell of `colId` in display row `row`, reached from its header with the arrows. */
async function toCell(page: Page, colId: string, row: number) {
  await toHeader(page, colId);
  for (let i = 0; i <= row; i++) await page.keyboard.press('ArrowDown');
  expect(await focusedCell(page)).toMatchObject({ col: colId, row: String(row), header: false });
}

test('keyboard only: sort and filter a column, open a project from the grid, add a dependency, add leave to a person', async ({ page }) => {
  await watchPointer(page);
  const reg = new RegisterPage(page);
  await openArea(page, 'Projects');
  await expect(reg.grid.locator('.ag-row').first()).toBeVisible();

  // Sort: Enter on the Code header turns its ascending sort to descending.
  await toHeader(page, 'code');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Code, sorted descending/ })).toBeVisible();
  await expect(reg.grid.locator('.ag-row[row-index="0"] .ag-cell[col-id="code"]')).toHaveText('PRJ-040');

  // Filter: Alt+Down on the Name header opens its filter; Enter applies it; focus comes back.
  await page.keyboard.press('ArrowRight');
  expect(await focusedCell(page)).toMatchObject({ col: 'name', header: true });
  await page.keyboard.press('Alt+ArrowDown');
  const filter = page.getByRole('dialog', { name: 'Filter Name' });
  await expect(filter).toBeVisible();
  await tabTo(page, filter.getByLabel('Text'));
  await page.keyboard.type('platform');
  await page.keyboard.press('Enter');
  await expect(filter).toHaveCount(0);
  await expect(reg.count).toHaveText(/^Showing \d+ of 40 projects$/);
  await expect(page.getByRole('button', { name: 'Name contains “platform”' })).toBeVisible();
  expect(await focusedCell(page)).toMatchObject({ col: 'name', header: true });
  const names = await reg.columnTexts('name');
  expect(names.length).toBeGreaterThan(0);
  for (const n of names) expect(n.toLowerCase()).toContain('platform');

  // Open: down into the first row, left past Code to the ⤢ cell, Enter.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  expect(await focusedCell(page)).toMatchObject({ col: '__open', row: '0' });
  const code = (await reg.grid.locator('.ag-row[row-index="0"] .ag-cell[col-id="code"]').textContent())!.trim();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: `Project ${code}` });
  await expect(panel).toBeVisible();

  // Tab leaves the grid for the panel (not every cell of the grid first).
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Close details' })).toBeFocused();

  // Add a predecessor: the panel's jump to its Dependencies section, then the picker.
  await tabTo(page, panel.getByRole('button', { name: 'Dependencies' }));
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { name: 'Dependencies' })).toBeFocused();
  const pick = panel.getByLabel('Project this one waits for');
  await tabTo(page, pick, { max: 60 });
  await page.keyboard.press('ArrowDown');
  const chosen = (await pick.locator('option:checked').textContent())!.trim();
  expect(chosen).toMatch(/^PRJ-\d+ /);
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Add predecessor' })).toBeFocused();
  await page.keyboard.press('Enter');
  const predecessors = panel.getByRole('table', { name: /^Predecessors/ });
  await expect(predecessors).toContainText(chosen);
  await expect(page.getByRole('button', { name: /^Undo Add predecessor/ })).toBeVisible();
  // Esc closes the panel and the keyboard is back on the row in the grid.
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect.poll(() => focusedCell(page)).toMatchObject({ row: '0', header: false });

  // A person's leave, from the People register.
  await openArea(page, 'People');
  await toCell(page, '__open', 0);
  const person = (await reg.grid.locator('.ag-row[row-index="0"] .ag-cell[col-id="name"]').textContent())!.trim();
  await page.keyboard.press('Space');
  const personPanel = page.getByRole('complementary', { name: `Person ${person}` });
  await expect(personPanel).toBeVisible();
  const form = personPanel.getByRole('form', { name: 'Add a calendar exception' });
  await tabTo(page, form.getByLabel('From'));
  await page.keyboard.type('03/08/2026');
  await page.keyboard.press('Tab');
  await page.keyboard.type('14/08/2026');
  await tabTo(page, form.getByLabel('Note'));
  await page.keyboard.type('Summer holiday');
  await page.keyboard.press('Enter');
  await expect(personPanel.getByRole('list', { name: 'Calendar exceptions' })).toContainText('Leave 03/08/2026 – 14/08/2026 · Summer holiday');

  expect(await pointerEvents(page)).toEqual([]);
});

test('the pointer watch itself sees a mouse click', async ({ page }) => {
  // The check above can fail: a real click is counted.
  await watchPointer(page);
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Projects', exact: true }).click();
  expect(await pointerEvents(page)).toEqual(expect.arrayContaining(['pointerdown', 'mousedown', 'click']));
});

test('typing a letter on a choice cell opens it with the first matching choice; more letters narrow; Enter saves', async ({ page }) => {
  await watchPointer(page);
  const reg = new RegisterPage(page);
  await openArea(page, 'Projects');
  const row = await reg.rowId('PRJ-003');
  await toCell(page, 'priority', 2);
  await page.keyboard.press('l');
  const select = page.locator('.cell-select');
  await expect(select).toBeFocused();
  await expect(select.locator('option:checked')).toHaveText('Low');
  await page.keyboard.press('Enter');
  await expect(select).toHaveCount(0);
  await expect(reg.cell(row, 'priority')).toHaveText('Low');

  // Stage: "c" picks Closed, "ca" narrows to Cancelled; Backspace goes back to Closed.
  await toCell(page, 'stage', 2);
  await page.keyboard.press('c');
  await expect(select.locator('option:checked')).toHaveText('Closed');
  await page.keyboard.press('a');
  await expect(select.locator('option:checked')).toHaveText('Cancelled');
  await page.keyboard.press('Backspace');
  await expect(select.locator('option:checked')).toHaveText('Closed');
  await page.keyboard.press('a');
  await page.keyboard.press('Enter');
  await expect(reg.cell(row, 'stage')).toHaveText('Cancelled');
  expect(await pointerEvents(page)).toEqual([]);
});

test('Enter on a header cycles its sort (ascending, descending, none); Shift+Enter adds a second key', async ({ page }) => {
  await watchPointer(page);
  await openArea(page, 'Projects');
  await toHeader(page, 'name');
  const name = page.getByRole('button', { name: /^Name, (sorted|not sorted)/ });
  await expect(name).toHaveAccessibleName(/^Name, not sorted/);
  await page.keyboard.press('Enter');
  await expect(name).toHaveAccessibleName(/^Name, sorted ascending/);
  await expect(page.getByRole('button', { name: /^Code, / })).toHaveAccessibleName(/^Code, not sorted/);
  await page.keyboard.press('Space');
  await expect(name).toHaveAccessibleName(/^Name, sorted descending/);
  await page.keyboard.press('Enter');
  await expect(name).toHaveAccessibleName(/^Name, not sorted/);

  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+Enter');
  const code = page.getByRole('button', { name: /^Code, / });
  await expect(code).toHaveAccessibleName(/^Code, sorted ascending/);
  await expect(name).toHaveAccessibleName(/^Name, sorted ascending/);
  await expect(code.locator('sub')).toHaveText('2');
  expect(await pointerEvents(page)).toEqual([]);
});

test('Alt+Down on a header opens its filter; Esc closes it and gives the focus back to the header', async ({ page }) => {
  await watchPointer(page);
  await openArea(page, 'Projects');
  await toHeader(page, 'stage');
  await page.keyboard.press('Alt+ArrowDown');
  const filter = page.getByRole('dialog', { name: 'Filter Stage' });
  await expect(filter).toBeVisible();
  await expect(filter.getByRole('checkbox').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(filter).toHaveCount(0);
  expect(await focusedCell(page)).toMatchObject({ col: 'stage', header: true });

  // Space ticks the first value (Idea); Apply filters.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(filter).toBeVisible();
  await page.keyboard.press('Space');
  await tabTo(page, filter.getByRole('button', { name: 'Apply' }));
  await page.keyboard.press('Enter');
  await expect(filter).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Stage: Idea' })).toBeVisible();
  expect(await focusedCell(page)).toMatchObject({ col: 'stage', header: true });
  expect(await pointerEvents(page)).toEqual([]);
});

test('a dialog takes the focus, keeps Tab and Shift+Tab inside, closes on Esc and gives the focus back', async ({ page }) => {
  await watchPointer(page);
  await openArea(page, 'Projects');
  const opener = page.getByRole('button', { name: 'Custom fields…' });
  await tabTo(page, opener);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Custom fields' });
  await expect(dialog).toBeVisible();
  const inside = () => dialog.evaluate((d) => d.contains(document.activeElement) && document.activeElement !== d);
  expect(await inside()).toBe(true);
  const count = await dialog.evaluate((d) => d.querySelectorAll('button, input, select, textarea').length);
  for (let i = 0; i < count + 3; i++) {
    await page.keyboard.press('Tab');
    expect(await inside()).toBe(true);
  }
  for (let i = 0; i < count + 3; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await inside()).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  expect(await pointerEvents(page)).toEqual([]);
});

test('the roadmap: arrows move a highlighted row that is read out, Enter opens its details as a click does', async ({ page }) => {
  await watchPointer(page);
  await openArea(page, 'Roadmap');
  const chart = page.getByTestId('roadmap-chart');
  await tabTo(page, chart);
  await expect(chart).toHaveAccessibleName(/Up and Down arrows go from row to row, Enter opens/);
  const live = page.getByTestId('roadmap-cursor');
  await page.keyboard.press('ArrowDown');
  await expect(live).toHaveText(/^PRJ-\d+ .+Row 1 of \d+\. Enter opens its details\.$/);
  await page.keyboard.press('ArrowDown');
  await expect(live).toHaveText(/Row 2 of/);
  // The card shows beside the bar, as for the pointer.
  const code = /^(PRJ-\d+)/.exec((await live.textContent()) ?? '')![1]!;
  await expect(page.locator('.rm-card')).toContainText(code);
  await page.keyboard.press('Enter');
  const details = page.getByRole('complementary', { name: `Project ${code}` });
  await expect(details).toBeVisible();
  // Into the panel and out with Esc: back on the chart, on the same row.
  await page.keyboard.press('Tab');
  await expect(details.getByRole('button', { name: 'Close details' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(chart).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(live).toHaveText(/Row 3 of/);
  expect(await pointerEvents(page)).toEqual([]);
});

test('the heat map: arrows move a cell that is read out, Enter opens its drill-down as a click does', async ({ page }) => {
  await watchPointer(page);
  await openArea(page, 'Capacity');
  const heatmap = page.getByTestId('capacity-heatmap');
  await tabTo(page, heatmap);
  await expect(heatmap).toHaveAccessibleName(/Arrow keys move from cell to cell, Home to the row's name, End to its last period; Enter or Space acts as a click/);
  const live = page.getByTestId('capacity-cursor');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expect(live).toHaveText(/^.+, \d{4}-W\d{2} \(.+\): .+ of .+\. Enter lists the projects behind it\.$/);
  const who = (await live.textContent())!.split(',')[0]!;
  await page.keyboard.press('Enter');
  const drill = page.getByTestId('capacity-drilldown');
  await expect(drill).toBeVisible();
  await expect(drill).toContainText(who);

  // Home goes to the row's name: on Roles, Enter there shows a role's people.
  await tabTo(page, page.getByRole('group', { name: 'Rows' }).getByRole('button', { name: 'Roles' }), { back: true });
  await page.keyboard.press('Enter');
  await tabTo(page, heatmap);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  await expect(live).toHaveText(/, folded: Enter shows its people\.$/);
  await page.keyboard.press('Enter');
  await expect(live).toHaveText(/, open: Enter hides its people\.$/);
  expect(await pointerEvents(page)).toEqual([]);
});
