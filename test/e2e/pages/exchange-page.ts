// Page object for spreadsheet exchange: the Import / Export menu, the import wizard's steps,
// the merge review and the export dialogs, in words a test can read.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

export interface FileArg {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class ExchangePage {
  readonly wizard: Locator;
  readonly menuButton: Locator;

  constructor(readonly page: Page) {
    this.wizard = page.getByTestId('import-wizard');
    this.menuButton = page.getByRole('button', { name: 'Import / Export' });
  }

  async menuAction(name: string | RegExp) {
    await this.menuButton.click();
    await this.page.getByRole('menu', { name: 'Import and export' }).getByRole('menuitem', { name }).click();
  }

  /** Picks a file through the menu, as a user does in the browser's file chooser. */
  async importFile(file: FileArg) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.menuAction(/^Import from spreadsheet/);
    await (await chooser).setFiles(file);
    await expect(this.wizard).toBeVisible();
  }

  /** The step the wizard is at, by its label in the step list. */
  currentStep(): Locator {
    return this.wizard.locator('.steps [aria-current="step"]');
  }

  async expectStep(label: string | RegExp) {
    await expect(this.currentStep()).toContainText(label);
  }

  button(name: string | RegExp): Locator {
    return this.wizard.getByRole('button', { name });
  }

  /** The Columns step's section for one sheet. */
  sheetColumns(sheet: string): Locator {
    return this.wizard.getByRole('region', { name: new RegExp(`^Sheet “${sheet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”`) });
  }

  count(key: string): Locator {
    return this.wizard.getByTestId(`count-${key}`).locator('.count-value');
  }

  mergeCount(key: string): Locator {
    return this.wizard.getByTestId(`merge-count-${key}`).locator('.count-value');
  }

  /** Every row of the Check step's report as [sheet, row, status], showing all pages. */
  async reportRows(): Promise<[string, number, string][]> {
    const table = this.wizard.getByTestId('report-rows');
    for (;;) {
      const more = this.wizard.getByRole('button', { name: /^Show [\d,]+ more$/ }).first();
      if (!(await more.count())) break;
      await more.click();
    }
    return table.locator('tbody tr').evaluateAll((trs) =>
      trs
        .filter((tr) => tr.querySelectorAll('td').length >= 5)
        .map((tr) => {
          const td = tr.querySelectorAll('td');
          return [td[0]!.textContent.trim(), Number(td[1]!.textContent), td[2]!.textContent.trim().toLowerCase()] as [string, number, string];
        }),
    );
  }

  /** Export to Excel through the dialog; returns the downloaded bytes. */
  async exportXlsx(grid: 'Weekly' | 'Monthly' = 'Weekly'): Promise<{ download: Download; bytes: Buffer }> {
    await this.menuAction(/^Export to Excel/);
    const dialog = this.page.getByRole('dialog', { name: 'Export to Excel (.xlsx)' });
    await dialog.getByRole('radio', { name: new RegExp(`^${grid}`) }).check();
    const downloaded = this.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export' }).click();
    const download = await downloaded;
    return { download, bytes: await readFile(await download.path()) };
  }

  async exportCsv(records: string, forPeople = false): Promise<{ download: Download; text: string }> {
    await this.menuAction(/^Export CSV/);
    const dialog = this.page.getByRole('dialog', { name: 'Export CSV' });
    await dialog.getByRole('radio', { name: new RegExp(`^${records}`) }).check();
    if (forPeople) await dialog.getByRole('radio', { name: 'People to read' }).check();
    const downloaded = this.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export' }).click();
    const download = await downloaded;
    return { download, text: await readFile(await download.path(), 'utf8') };
  }

  /**
   * The workbook's data as stored: every record's values, and each workbook without its updatedAt
   * (which undo moves forward). Equal dumps mean the data is exactly as it was.
   */
  async dumpData(): Promise<string> {
    return this.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('pmo-workbench');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const all = (name: string) =>
        new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result as unknown[]);
          req.onerror = () => reject(req.error);
        });
      // A record's field revisions (r) name journal entries, which undo adds to: compare the data.
      const records = ((await all('records')) as { wb: string; e: string; id: string; d: unknown }[]).map(({ wb, e, id, d }) => ({ wb, e, id, d }));
      const workbooks = ((await all('workbooks')) as Record<string, unknown>[]).map(({ updatedAt: _u, ...rest }) => rest);
      db.close();
      return JSON.stringify({ records, workbooks });
    });
  }
}
