// Rows pasted from a spreadsheet into a register, and what a refused edit says: into an empty
// Projects register Ctrl+V makes one project per line (mapped by a header row when there is one,
// else in the grid's column order) as one undo step; a refused single edit shows its reason
// beside the cell until the next action; refusal counts are worded for one cell and for many.
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { RegisterPage } from './pages/register-page';
import type { Page } from '@playwright/test';

const SHOTS = process.env['PMO_SHOTS'];

async function emptyProjects(page: Page) {
  const app = new AppPage(page);
  await app.goto();
  await page.getByRole('button', { name: /Start an empty workbook/ }).click();
  await page.getByRole('dialog', { name: 'New workbook' }).getByLabel('Name').fill('Client intake');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Projects', exact: true }).click();
  await expect(app.heading('Projects')).toBeVisible();
  await expect(page.getByText('No projects yet. Use “Add project”, or paste rows from a spreadsheet.')).toBeVisible();
}

test.describe('paste into an empty register', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('with a header row: Ctrl+V makes one project per line, each value under the column its header names; one undo removes them', async ({ page }) => {
    const app = new AppPage(page);
    const reg = new RegisterPage(page);
    await emptyProjects(page);
    // As Excel puts it on the clipboard; the header says "Project name" and "Go-live", not the grid's words.
    const text = [
      'Project name\tBudget\tStart\tGo-live\tRAG\tMy notes',
      'Website relaunch\t£120,000\t01/05/2026\t30/11/2026\tGreen\tcall finance',
      'Data platform\t80000\t15/06/2026\t31/02/2027\tAmber\t',
      'Office move\t\t01/09/2026\t\tR\t',
    ].join('\r\n');
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    // A click on the empty state (AG Grid's overlay lets the pointer through), then the keys.
    const empty = (await page.getByText('No projects yet.').boundingBox())!;
    await page.mouse.click(empty.x + empty.width / 2, empty.y + empty.height / 2);
    await page.keyboard.press('ControlOrMeta+v');

    await expect(reg.count).toHaveText('3 projects');
    await expect(app.undoButton).toHaveAccessibleName('Undo Paste 3 projects');
    // Said for a few seconds: which line was the header, and what it named that is not a column.
    await expect(page.getByText('Paste 3 projects: the first line was read as the column names. “My notes” matched no column and was left out.')).toBeVisible();
    const row = async (name: string) => reg.rowId(name, 'name');
    const web = await row('Website relaunch');
    const data = await row('Data platform');
    await expect(reg.cell(web, 'code')).toHaveText('PRJ-001');
    await reg.revealColumn('start');
    await expect(reg.cell(web, 'start')).toHaveText('01/05/2026');
    await expect(reg.cell(web, 'finish')).toHaveText('30/11/2026');
    await reg.revealColumn('rag.overall');
    await expect(reg.cell(web, 'rag.overall')).toHaveText('Green');
    await reg.revealColumn('budget');
    await expect(reg.cell(web, 'budget')).toContainText('120,000');
    await expect(reg.cell(data, 'budget')).toContainText('80,000');
    // The impossible date is refused with its reason; the rest of its line is saved.
    const report = page.locator('.rejections');
    await expect(report).toContainText('1 cell refused: Finish is not a real date');
    await expect(report.getByRole('listitem')).toHaveText('PRJ-002 Finish 31/02/2027 — is not a real date');
    await expect(app.saveState).toHaveText('All changes saved');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/pasted-rows-1280.png` });

    await app.undoButton.click();
    await expect(reg.count).toHaveText('0 projects');
    await expect(page.getByText('No projects yet.')).toBeVisible();
  });

  test('without a header row: the columns fill in the grid’s order, from Code', async ({ page }) => {
    const reg = new RegisterPage(page);
    await emptyProjects(page);
    await page.evaluate((t) => navigator.clipboard.writeText(t), 'PRJ-100\tWebsite relaunch\r\nPRJ-101\tData platform\r\n');
    // Straight after choosing the area in the sidebar: the focus is still on its button.
    await expect(page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Projects', exact: true })).toBeFocused();
    await page.keyboard.press('ControlOrMeta+v');
    await expect(reg.count).toHaveText('2 projects');
    expect(await reg.columnTexts('code')).toEqual(['PRJ-100', 'PRJ-101']);
    expect(await reg.columnTexts('name')).toEqual(['Website relaunch', 'Data platform']);
    await expect(page.locator('.rejections')).toHaveCount(0);
  });

  test('other registers share it: people pasted with their own headers', async ({ page }) => {
    const reg = new RegisterPage(page);
    await emptyProjects(page);
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'People', exact: true }).click();
    await expect(page.getByText('No people yet.')).toBeVisible();
    await reg.paste('Full name\tTeam\tHours per week\r\nAda Lovelace\tAnalytics\t37.5\r\nAlan Turing\tPlatform\t40');
    await expect(reg.count).toHaveText('2 people');
    expect(await reg.columnTexts('team')).toEqual(['Analytics', 'Platform']);
  });
});

test.describe('a refused edit', () => {
  test.use({ start: 'demo' });

  test('shows its reason beside the cell until the next action; the list reads “1 cell refused: …”', async ({ page }) => {
    const reg = new RegisterPage(page);
    await reg.open('Projects');
    const row = await reg.rowId('PRJ-003');
    await reg.revealColumn('percentComplete');
    const cell = reg.cell(row, 'percentComplete');
    const before = (await cell.textContent())!.trim();
    await reg.editCell(row, 'percentComplete', '140');

    const callout = page.getByTestId('cell-callout');
    await expect(callout).toBeVisible();
    await expect(callout).toHaveText('“140” not saved: % complete must be 0–100 %');
    await expect(cell).toHaveText(before);
    await expect(cell).toHaveAccessibleDescription('“140” not saved: % complete must be 0–100 %');
    // Beside the cell: just below it, starting over it, not covering its value.
    const c = (await cell.boundingBox())!;
    const b = (await callout.boundingBox())!;
    expect(b.y).toBeGreaterThanOrEqual(c.y + c.height);
    expect(b.y).toBeLessThan(c.y + c.height + 20);
    // Over the cell's width (moved left as far as the window's edge asks).
    expect(b.x).toBeLessThan(c.x + c.width);
    expect(b.x + b.width).toBeGreaterThan(c.x);
    const report = page.locator('.rejections');
    await expect(report).toContainText('1 cell refused: % complete must be 0–100 %');
    await expect(report.getByRole('listitem')).toHaveCount(1);
    await expect(report).not.toContainText('0 cells');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/refusal-callout-1280.png` });

    // The next key takes it away (the list stays until the next change).
    await page.keyboard.press('ArrowRight');
    await expect(callout).toHaveCount(0);
    await expect(cell).not.toHaveAttribute('aria-describedby', /./);

    // A date that does not parse: refused at once, shown the same way; a click elsewhere takes it away.
    await reg.editCell(row, 'finish', '31/02/2027');
    await expect(callout).toHaveText('“31/02/2027” not saved: Finish is not a real date');
    await page.getByRole('heading', { level: 1, name: 'Projects' }).click();
    await expect(callout).toHaveCount(0);
  });

  test('many refused cells are counted, each listed, with no callout', async ({ page }) => {
    const reg = new RegisterPage(page);
    await reg.open('Projects');
    const report = page.locator('.rejections');
    const callout = page.getByTestId('cell-callout');
    const first = await reg.rowId('PRJ-001');
    await reg.revealColumn('percentComplete');
    await reg.cell(first, 'percentComplete').click();
    await reg.paste('140\r\n150\r\n160');
    await expect(report).toContainText('3 cells refused');
    await expect(report.getByRole('listitem')).toHaveCount(3);
    await expect(callout).toHaveCount(0);
  });
});
