// What-if scenarios on the capacity view, on the sample portfolio: Priya Shah is over-allocated
// on purpose in weeks 1–6 (PRJ-001 and PRJ-017, 22.5 h each of her 37.5 h; demoOverloads(today)).
// Shifting PRJ-017 by 2 weeks takes weeks 1 and 2 off the over-allocation list; Discard brings
// them back; a saved scenario survives a reload; Apply is one undo step.
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { CapacityPage } from './pages/capacity-page';
import { demoOverloads } from '../../shared/demo/demo';
import { addDays, isoWeekLabel, localToday } from '../../shared/calendar';

test.use({ start: 'demo' });

/** "… over in 6 weeks · 2026-W48 – 2026-W53" of a person in the over-allocation list. */
function facts(page: Page, name: string) {
  return page.getByRole('complementary', { name: 'Over-allocation' }).getByTestId('overload').filter({ has: page.getByRole('button', { name, exact: true }) }).locator('.cap-ol-facts');
}

async function addShift(page: Page, code: string, weeks: number) {
  const bar = page.getByRole('region', { name: 'What-if scenario' });
  await bar.getByRole('group', { name: 'Add change' }).getByRole('button', { name: 'Shift a project…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Shift a project' });
  const picker = dialog.getByLabel('Project');
  const value = await picker.locator('option', { hasText: code }).getAttribute('value');
  await picker.selectOption(value);
  await dialog.getByLabel(/^Weeks/).fill(String(weeks));
  await dialog.getByRole('button', { name: 'Add change' }).click();
  await expect(dialog).toHaveCount(0);
}

test('a what-if shift removes a known overload; discard restores it; saved, reloaded, applied and undone', async ({ page }) => {
  const app = new AppPage(page);
  const cap = new CapacityPage(page);
  await cap.open();
  const o = demoOverloads(localToday(new Date())).find((x) => x.resourceName === 'Priya Shah')!;
  expect(o.projects).toEqual(['PRJ-001', 'PRJ-017']);
  const week = (n: number) => isoWeekLabel(addDays(o.from, 7 * n));
  const before = `over in 6 weeks · ${week(0)} – ${week(5)}`;
  const shifted = `over in 4 weeks · ${week(2)} – ${week(5)}`;
  await expect(facts(page, 'Priya Shah')).toContainText(before);

  // What-if: PRJ-017 two weeks later. Weeks 1 and 2 are no longer listed.
  const bar = page.getByRole('region', { name: 'What-if scenario' });
  await bar.getByRole('button', { name: 'What-if', exact: true }).click();
  await expect(bar.getByRole('button', { name: 'What-if', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await addShift(page, 'PRJ-017', 2);
  await expect(bar.getByRole('list', { name: 'What-if changes' })).toContainText('Shift PRJ-017 by +2 weeks');
  await expect(facts(page, 'Priya Shah')).toContainText(shifted);
  await expect(bar.getByTestId('whatif-summary')).toContainText('better');
  // The heat map marks the cells the what-if makes better (not by colour alone), with a legend entry.
  await expect(page.getByTestId('whatif-legend-better')).toBeVisible();
  expect((await page.evaluate(() => window.__pmoCapacity!.whatIfMarks())).better).toBeGreaterThan(0);

  // Saved in the workbook.
  await bar.getByRole('button', { name: 'Save as…' }).click();
  const save = page.getByRole('dialog', { name: 'Save the what-if' });
  await save.getByLabel('Name').fill('Later CRM');
  await save.getByRole('button', { name: 'Save' }).click();
  await expect(bar.getByTestId('whatif-name')).toHaveText('Later CRM');
  await expect(app.undoButton).toHaveAccessibleName(/Save what-if ‘Later CRM’/);

  // Discard: the plan as it is.
  await bar.getByRole('button', { name: 'Discard' }).click();
  await expect(bar.getByRole('button', { name: 'What-if', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await expect(facts(page, 'Priya Shah')).toContainText(before);
  await expect(page.getByTestId('whatif-legend-better')).toHaveCount(0);

  // The saved scenario survives a reload.
  await app.reload();
  await cap.open();
  await expect(facts(page, 'Priya Shah')).toContainText(before);
  const load = bar.getByLabel('Load a saved scenario');
  await load.selectOption({ label: 'Later CRM (1 change)' });
  await expect(facts(page, 'Priya Shah')).toContainText(shifted);

  // Apply: one undo step that makes the shift real; undo brings the overload back.
  await bar.getByRole('button', { name: 'Apply' }).click();
  await expect(app.undoButton).toHaveAccessibleName(/Apply what-if ‘Later CRM’: 1 change/);
  await expect(bar.getByRole('button', { name: 'What-if', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await expect(facts(page, 'Priya Shah')).toContainText(shifted);
  await app.undoButton.click();
  await expect(facts(page, 'Priya Shah')).toContainText(before);
  await expect(app.undoButton).toHaveAccessibleName(/Save what-if ‘Later CRM’/);
});

test('dropping a project, changing an allocation’s hours and a placeholder hire each take an overload off the list', async ({ page }) => {
  const cap = new CapacityPage(page);
  await cap.open();
  const listed = async () => (await cap.overloadEntries()).map((e) => e.name);
  expect(await listed()).toEqual(expect.arrayContaining(['Priya Shah', 'Tom Fletcher', 'Test analyst']));
  const bar = page.getByRole('region', { name: 'What-if scenario' });
  await bar.getByRole('button', { name: 'What-if', exact: true }).click();
  const add = (name: string) => bar.getByRole('group', { name: 'Add change' }).getByRole('button', { name }).click();
  const pick = async (select: ReturnType<Page['getByLabel']>, text: string) => select.selectOption((await select.locator('option', { hasText: text }).first().getAttribute('value')));

  // Drop PRJ-017: Priya Shah is at 22.5 h of 37.5 h.
  await add('Drop a project…');
  let dialog = page.getByRole('dialog', { name: 'Drop a project' });
  await pick(dialog.getByLabel('Project'), 'PRJ-017');
  await dialog.getByRole('button', { name: 'Add change' }).click();
  await expect.poll(listed).not.toContain('Priya Shah');

  // Tom Fletcher's PRJ-002 booking from 12 h to 7.5 h: with PRJ-035's 15 h he is at exactly his 22.5 h.
  await add('Change allocation hours…');
  dialog = page.getByRole('dialog', { name: 'Change allocation hours' });
  await pick(dialog.getByLabel('Project'), 'PRJ-002');
  await pick(dialog.getByLabel('Allocation'), 'Tom Fletcher');
  await expect(dialog.getByLabel('New hours per week')).toHaveValue('12');
  await dialog.getByLabel('New hours per week').fill('7.5');
  await dialog.getByRole('button', { name: 'Add change' }).click();
  await expect.poll(listed).not.toContain('Tom Fletcher');

  // A full-time placeholder test analyst from a year back covers the role's shortfall.
  await add('Add a placeholder hire…');
  dialog = page.getByRole('dialog', { name: 'Add a placeholder hire' });
  await pick(dialog.getByLabel('Role'), 'Test analyst');
  await dialog.getByLabel('Hours per week').fill('37.5');
  await dialog.getByLabel('Starts').fill(addDays(localToday(new Date()), -400));
  await dialog.getByRole('button', { name: 'Add change' }).click();
  await expect.poll(listed).not.toContain('Test analyst');

  const changes = bar.getByRole('list', { name: 'What-if changes' }).getByRole('listitem');
  await expect(changes).toHaveCount(3);
  await expect(changes.nth(2)).toContainText('New Test analyst (placeholder)');
  // Removing the hire brings the role back.
  await bar.getByRole('button', { name: /^Remove change 3:/ }).click();
  await expect.poll(listed).toContain('Test analyst');
  await bar.getByRole('button', { name: 'Discard' }).click();
  await expect.poll(listed).toEqual(expect.arrayContaining(['Priya Shah', 'Tom Fletcher', 'Test analyst']));
});
