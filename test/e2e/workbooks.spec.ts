// The foundation's user journeys, on the real app in Chromium with a real IndexedDB.
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';

test('first launch offers the sample portfolio; it opens and is still there after a reload', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await expect(app.heading('Welcome to PMO Workbench')).toBeVisible();
  await app.openDemoFromWelcome();
  await expect(app.heading(/sample/i)).toBeVisible();
  const projects = page.getByRole('listitem').filter({ has: page.locator('.kpi-label', { hasText: /^Projects$/ }) }).locator('.kpi-value');
  const count = Number(await projects.textContent());
  expect(count).toBeGreaterThanOrEqual(35);
  await expect(page.getByRole('heading', { name: 'By programme' })).toBeVisible();
  await expect(page.locator('#by-programme + table tbody tr')).toHaveCount(5);
  await app.reload();
  await expect(app.heading(/sample/i)).toBeVisible();
  await expect(projects).toHaveText(String(count));

  await page.getByRole('button', { name: 'About' }).click();
  const about = page.getByRole('dialog', { name: 'About PMO Workbench' });
  await expect(about.getByTestId('app-version')).toHaveText(/^\d+\.\d+\.\d+$/);
  await about.getByRole('button', { name: 'Close' }).click();
  await expect(about).toHaveCount(0);
});

test('new workbook, rename, switch between workbooks, delete with confirmation', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await page.getByRole('button', { name: /Start an empty workbook/ }).click();
  await page.getByRole('dialog', { name: 'New workbook' }).getByLabel('Name').fill('Client A');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(app.heading('Client A')).toBeVisible();
  await expect(page.getByText('This workbook has no projects yet.')).toBeVisible();

  await app.newWorkbook('Client B');
  await app.renameCurrent('Client B — Phase 2');
  expect(await app.workbookNames()).toEqual(['Client A', 'Client B — Phase 2']);

  await app.switchTo('Client A');
  await expect(app.heading('Client A')).toBeVisible();
  await app.menuAction('Duplicate');
  await expect(app.heading('Client A (copy)')).toBeVisible();
  expect(await app.workbookNames()).toEqual(['Client A', 'Client A (copy)', 'Client B — Phase 2']);
  await app.deleteCurrent();
  await app.switchTo('Client B — Phase 2');

  await app.deleteCurrent();
  expect(await app.workbookNames()).toEqual(['Client A']);
  await expect(app.heading('Client A')).toBeVisible();
  await app.reload();
  expect(await app.workbookNames()).toEqual(['Client A']);
});

test('save as .pmowb, delete the workbook, open the file: the same workbook comes back', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.openDemoFromWelcome();
  const saved = await app.saveAs();
  expect(saved.download.suggestedFilename()).toMatch(/\.pmowb$/);
  const first = JSON.parse(saved.text) as { format: string; version: number; data: unknown };
  expect(first.format).toBe('pmo-workbench');

  await app.deleteCurrent();
  await expect(app.heading('Welcome to PMO Workbench')).toBeVisible();

  await app.openFile({ name: saved.download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(saved.text) });
  await expect(app.heading(/sample/i)).toBeVisible();
  const again = JSON.parse((await app.saveAs()).text) as { data: unknown };
  expect(again.data).toEqual(first.data);
});

test('a corrupt, truncated or foreign file is refused with its reason and changes nothing', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.openDemoFromWelcome();
  const { text } = await app.saveAs();
  const before = await app.dumpDatabase();

  const cases: [string, Buffer, RegExp][] = [
    ['cut.pmowb', Buffer.from(text.slice(0, Math.floor(text.length / 2))), /cut\.pmowb is truncated/],
    ['foreign.pmowb', Buffer.from(JSON.stringify({ format: 'something-else', version: 1 })), /foreign\.pmowb is not a PMO Workbench workbook \(its format is "something-else"\)/],
    ['sheet.pmowb', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /sheet\.pmowb is a zip archive/],
    ['newer.pmowb', Buffer.from(JSON.stringify({ ...JSON.parse(text), version: 99 })), /saved by a newer PMO Workbench/],
    ['broken-rule.pmowb', Buffer.from(text.replace(/"finish":"(\d{4})-/, '"finish":"1900-')), /breaks the workbook's rules[\s\S]*finish 1900-/],
  ];
  for (const [name, buffer, reason] of cases) {
    await app.openFile({ name, mimeType: 'application/json', buffer });
    const dialog = page.getByRole('alertdialog', { name: 'This file cannot be opened' });
    await expect(dialog).toContainText(reason);
    await dialog.getByRole('button', { name: 'OK' }).click();
  }
  expect(await app.dumpDatabase()).toBe(before);
});

test('undo and redo read the journal and survive a reload', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.openDemoFromWelcome();
  await app.goToArea('Settings');
  const currency = page.getByLabel('Currency', { exact: true });
  await expect(currency).toHaveValue('GBP');
  await currency.selectOption('EUR');
  await expect(app.saveState).toHaveText('All changes saved');
  await expect(app.undoButton).toHaveAccessibleName('Undo Change currency');

  await app.reload();
  await app.goToArea('Settings');
  await expect(page.getByLabel('Currency', { exact: true })).toHaveValue('EUR');
  await app.undoButton.click();
  await expect(page.getByLabel('Currency', { exact: true })).toHaveValue('GBP');

  await app.reload();
  await app.goToArea('Settings');
  await expect(page.getByLabel('Currency', { exact: true })).toHaveValue('GBP');
  await expect(app.redoButton).toHaveAccessibleName('Redo Change currency');
  await page.keyboard.press('Control+Shift+Z');
  await expect(page.getByLabel('Currency', { exact: true })).toHaveValue('EUR');
  await app.reload();
  await app.goToArea('Settings');
  await expect(page.getByLabel('Currency', { exact: true })).toHaveValue('EUR');
});

test('an invalid setting is refused with its reason and the saved value stays', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.openDemoFromWelcome();
  await app.goToArea('Settings');
  const hours = page.getByLabel('Hours in one FTE week');
  const saved = await hours.inputValue();
  await hours.fill('500');
  await hours.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Hours per FTE must be at most 168' })).toBeVisible();
  await app.reload();
  await app.goToArea('Settings');
  await expect(page.getByLabel('Hours in one FTE week')).toHaveValue(saved);
});
