// Page object for the app shell: what a user sees and does with workbooks, in words a test
// can read (Actual Budget's e2e page-models style).
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

export class AppPage {
  readonly workbookButton: Locator;
  readonly saveState: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;

  constructor(readonly page: Page) {
    this.workbookButton = page.getByRole('button', { name: /./ }).and(page.locator('.wb-button'));
    this.saveState = page.getByTestId('save-state');
    this.undoButton = page.getByRole('button', { name: /^Undo/ });
    this.redoButton = page.getByRole('button', { name: /^Redo/ });
  }

  async goto() {
    await this.page.goto('/');
    await expect(this.page.locator('.splash')).toHaveCount(0);
  }

  async reload() {
    await this.page.reload();
    await expect(this.page.locator('.splash')).toHaveCount(0);
  }

  heading(name: string | RegExp) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  async openDemoFromWelcome() {
    await this.page.getByRole('button', { name: /Open the sample portfolio/ }).click();
    await expect(this.page.locator('.busy-overlay')).toHaveCount(0);
  }

  async openWorkbookMenu() {
    await this.workbookButton.click();
    return this.page.getByRole('menu', { name: 'Workbooks' });
  }

  async menuAction(name: string | RegExp) {
    const menu = await this.openWorkbookMenu();
    await menu.getByRole('menuitem', { name }).click();
  }

  async newWorkbook(name: string) {
    await this.menuAction('New workbook…');
    const dialog = this.page.getByRole('dialog', { name: 'New workbook' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(this.workbookButton).toContainText(name);
  }

  async renameCurrent(name: string) {
    await this.menuAction('Rename…');
    const dialog = this.page.getByRole('dialog', { name: 'Rename workbook' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(this.workbookButton).toContainText(name);
    await expect(this.saveState).toHaveText('All changes saved');
  }

  async switchTo(name: string) {
    const menu = await this.openWorkbookMenu();
    await menu.getByRole('menuitemradio', { name: new RegExp(`^\\s*✓?\\s*${escape(name)}`) }).click();
    await expect(this.workbookButton).toContainText(name);
  }

  async workbookNames(): Promise<string[]> {
    const menu = await this.openWorkbookMenu();
    const names = await menu.locator('.wb-item-name').allTextContents();
    await this.page.keyboard.press('Escape');
    return names;
  }

  async deleteCurrent() {
    await this.menuAction('Delete…');
    const dialog = this.page.getByRole('alertdialog', { name: 'Delete workbook?' });
    await dialog.getByRole('button', { name: 'Delete workbook' }).click();
    await expect(this.page.locator('.busy-overlay')).toHaveCount(0);
  }

  /** Save As in the browser is a download; returns the file's text. */
  async saveAs(): Promise<{ download: Download; text: string }> {
    const downloadPromise = this.page.waitForEvent('download');
    await this.menuAction(/^Save as file/);
    const download = await downloadPromise;
    const path = await download.path();
    return { download, text: await readFile(path, 'utf8') };
  }

  async openFile(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.menuAction(/^Open file/);
    await (await chooser).setFiles(file);
  }

  async goToArea(name: 'Overview' | 'Settings') {
    await this.page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name }).click();
  }

  /** Every row of every object store, as JSON: to prove a failed action changed nothing. */
  async dumpDatabase(): Promise<string> {
    return this.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('pmo-workbench');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const out: Record<string, unknown[]> = {};
      for (const name of [...db.objectStoreNames].filter((n) => n !== 'prefs')) {
        out[name] = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result as unknown[]);
          req.onerror = () => reject(req.error);
        });
      }
      db.close();
      return JSON.stringify(out);
    });
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
