// Named baselines on the real app: save one in Settings → Baselines, move a project's finish in
// the register, compare slip against the saved baseline and back against the own baseline
// fields, undo the choice; rename and delete with confirmation.
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { RegisterPage } from './pages/register-page';
import { buildDemoWorkbook } from '../../shared/demo/demo';
import { addDays, diffDays, localToday } from '../../shared/calendar';

test.use({ start: 'demo' });

const panel = (page: Page) => page.getByRole('group', { name: 'Baselines' });
const radio = (page: Page, name: string) => page.getByRole('radio', { name: `Compare slip against ${name}` });

async function saveBaseline(page: Page, name: string) {
  const app = new AppPage(page);
  await app.goToArea('Settings');
  await panel(page).getByRole('button', { name: 'Save baseline…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save baseline' });
  await dialog.getByLabel('Baseline name').fill(name);
  await dialog.getByRole('button', { name: 'Save baseline' }).click();
  await expect(app.undoButton).toHaveAccessibleName(`Undo Save baseline ‘${name}’`);
  await expect(panel(page).getByRole('rowheader', { name, exact: true })).toBeVisible();
}

async function compare(page: Page, name: string) {
  const app = new AppPage(page);
  await app.goToArea('Settings');
  await radio(page, name).check();
  await expect(radio(page, name)).toBeChecked();
  await expect(app.saveState).toHaveText('All changes saved');
}

/** The Slip (days) cell of a project's row (row ids are found once: the grid may be scrolled sideways later). */
async function slipOf(page: Page, rowId: string) {
  const reg = new RegisterPage(page);
  await reg.open('Projects');
  await reg.revealColumn('calc.slip');
  return reg.cell(rowId, 'calc.slip');
}

test('slip follows the chosen baseline: a saved one, then the own baseline fields; undo of the choice restores it', async ({ page }) => {
  const app = new AppPage(page);
  const reg = new RegisterPage(page);
  // PRJ-001 in the sample: finish F0 (2027-03-31 when this was written), own baseline finish B
  // (2027-03-03): 28 days late against its own fields.
  const demo = buildDemoWorkbook({ today: localToday(new Date()) }).records.project.find((p) => p.code === 'PRJ-001')!;
  const f0 = demo.finish!;
  const own = diffDays(demo.baselineFinish!, f0);
  await reg.open('Projects');
  const row = await reg.rowId('PRJ-001');
  await expect(await slipOf(page, row)).toHaveText(String(own));

  await saveBaseline(page, 'Q3 approved plan');
  await expect(panel(page).getByRole('row', { name: /Q3 approved plan/ }).getByRole('cell').nth(2)).toHaveText('40'); // every project of the sample

  // The finish moves 45 days later after the baseline was saved: F1 = F0 + 45 (2027-05-15).
  const f1 = addDays(f0, 45);
  const [y, m, d] = f1.split('-');
  await reg.open('Projects');
  await reg.editCell(row, 'finish', `${d}/${m}/${y}`);
  await expect(app.saveState).toHaveText('All changes saved');
  // Against the own baseline fields: 28 + 45 = 73 days.
  await expect(await slipOf(page, row)).toHaveText(String(own + 45));
  await expect(page.getByTestId('baseline-note')).toHaveCount(0);

  await compare(page, 'Q3 approved plan');
  await expect(app.undoButton).toHaveAccessibleName('Undo Compare slip against ‘Q3 approved plan’');
  // Against the saved baseline: F1 − F0 = 45 days.
  await expect(await slipOf(page, row)).toHaveText('45');
  await expect(page.getByTestId('baseline-note')).toHaveText('Slip vs ‘Q3 approved plan’');
  // Baseline finish is still the project's own field.
  await reg.revealColumn('baselineFinish');
  await expect(reg.cell(row, 'baselineFinish')).not.toHaveText('');
  await app.goToArea('Overview');
  await expect(page.getByRole('heading', { level: 3, name: /^Most slipped against ‘Q3 approved plan’/ })).toBeVisible();

  await compare(page, 'the own baseline fields');
  await expect(await slipOf(page, row)).toHaveText(String(own + 45));

  // Undo the last choice: compared against the saved baseline again.
  await app.undoButton.click();
  await expect(app.undoButton).toHaveAccessibleName('Undo Compare slip against ‘Q3 approved plan’');
  await expect(await slipOf(page, row)).toHaveText('45');
  await app.goToArea('Settings');
  await expect(radio(page, 'Q3 approved plan')).toBeChecked();

  // Still chosen after a reload.
  await app.reload();
  await expect(await slipOf(page, row)).toHaveText('45');
});

test('rename, and delete with confirmation: deleting the compared baseline goes back to the own fields, one undo brings both back', async ({ page }) => {
  const app = new AppPage(page);
  await saveBaseline(page, 'Q3');
  await compare(page, 'Q3');

  await panel(page).getByRole('button', { name: 'Rename baseline Q3' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename baseline' });
  await rename.getByLabel('Baseline name').fill('Q3 approved plan');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(radio(page, 'Q3 approved plan')).toBeChecked();
  await expect(panel(page)).toContainText('Compared now: ‘Q3 approved plan’');

  await panel(page).getByRole('button', { name: 'Delete baseline Q3 approved plan' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete baseline?' });
  await expect(confirm).toContainText('compared against the own baseline fields instead');
  await confirm.getByRole('button', { name: 'Delete baseline' }).click();
  await expect(radio(page, 'the own baseline fields')).toBeChecked();
  await expect(panel(page).getByRole('rowheader', { name: 'Q3 approved plan' })).toHaveCount(0);

  await app.undoButton.click();
  await expect(radio(page, 'Q3 approved plan')).toBeChecked();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
});
