// Page object for a register grid: find rows by their code or name, edit cells as a user
// does (type, Enter), select ranges, paste tab-separated text, use the toolbar.
import { expect, type Locator, type Page } from '@playwright/test';

export class RegisterPage {
  readonly grid: Locator;
  readonly count: Locator;

  constructor(readonly page: Page) {
    this.grid = page.locator('.data-grid');
    this.count = page.getByTestId('row-count');
  }

  async open(area: 'Projects' | 'Programmes' | 'Objectives' | 'People' | 'Roles' | 'Milestones') {
    await this.page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: area, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: area })).toBeVisible();
    await expect(this.grid.locator('.ag-row').first()).toBeVisible();
  }

  /** The grid row id of the row whose code (or, without codes, name) is `key`. */
  async rowId(key: string, col = 'code'): Promise<string> {
    const cell = this.grid.locator(`.ag-cell[col-id="${col}"]`).filter({ hasText: new RegExp(`^\\s*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) }).first();
    await expect(cell).toBeVisible();
    const id = await cell.locator('xpath=ancestor::div[contains(@class,"ag-row")][1]').getAttribute('row-id');
    if (!id) throw new Error(`No row for ${key}`);
    return id;
  }

  /** Scrolls the grid sideways, as a user would, until the column is drawn (columns off screen are not). */
  async revealColumn(colId: string) {
    const header = this.grid.locator(`.ag-header-cell[col-id="${colId}"]`);
    for (const direction of [1, -1]) {
      for (let i = 0; i < 40 && !(await header.count()); i++) {
        await this.grid.evaluate((g, dir) => {
          const scroller = [...g.querySelectorAll<HTMLElement>('*')].find((e) => e.scrollWidth > e.clientWidth + 5 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX));
          if (scroller) scroller.scrollLeft += dir * 300;
        }, direction);
        await this.page.waitForTimeout(30);
      }
      if (await header.count()) break;
    }
    await header.scrollIntoViewIfNeeded();
  }

  cell(rowId: string, colId: string): Locator {
    return this.grid.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);
  }

  /** Cells of a column, in display order (rows rendered). */
  async columnTexts(colId: string): Promise<string[]> {
    await this.revealColumn(colId);
    return this.grid.locator('.ag-row').evaluateAll(
      (rows, col) =>
        rows
          .filter((r) => r.querySelector(`.ag-cell[col-id="${col}"]`))
          .sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')))
          .map((r) => (r.querySelector(`.ag-cell[col-id="${col}"]`)!.textContent ?? '').trim()),
      colId,
    );
  }

  async editCell(rowId: string, colId: string, text: string) {
    await this.revealColumn(colId);
    const cell = this.cell(rowId, colId);
    await cell.click();
    // As in Excel: F2 edits the cell; Enter (when not editing) moves down.
    await this.page.keyboard.press('F2');
    const input = this.page.locator('.cell-input');
    await expect(input).toBeVisible();
    await input.fill(text);
    await input.press('Enter');
    await expect(input).toHaveCount(0);
  }

  async chooseInCell(rowId: string, colId: string, label: string) {
    await this.revealColumn(colId);
    await this.cell(rowId, colId).click();
    await this.page.keyboard.press('F2');
    const select = this.page.locator('.cell-select');
    await select.selectOption({ label });
    await select.press('Enter');
    await expect(select).toHaveCount(0);
  }

  /** Pastes text as the clipboard would deliver it, at the focused cell. */
  async paste(text: string) {
    await this.page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', t);
      (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, text);
  }

  /** Copies the selected range and returns what went to the clipboard. */
  async copy(): Promise<string> {
    return this.page.evaluate(() => {
      const dt = new DataTransfer();
      (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('copy', { clipboardData: dt, bubbles: true, cancelable: true }));
      return dt.getData('text/plain');
    });
  }

  async groupBy(label: string) {
    await this.page.getByLabel('Group by').selectOption({ label });
  }

  async search(text: string) {
    await this.page.getByRole('searchbox').fill(text);
  }
}
