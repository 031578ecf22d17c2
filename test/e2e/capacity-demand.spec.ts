// The demand grid in the Capacity area on the sample portfolio: hours typed into a person's week
// change that person's heat map cell by exactly as much; negative hours are refused with a message
// naming person, project and week, and change nothing; hours outside the project's dates are
// warned about; undo restores the heat map.
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { CapacityPage } from './pages/capacity-page';
import { addDays, isoWeekLabel, localToday, startOfIsoWeek } from '../../shared/calendar';

test('edit demand by week: the heat map follows, -5 is refused, outside dates warned, undo restores', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.openDemoFromWelcome();
  const cap = new CapacityPage(page);
  await cap.open();

  // The worst week of the first over-allocated person, and the first project in it.
  const first = (await cap.overloadEntries()).find((e) => e.kind === 'person')!;
  await cap.overloads.getByRole('button', { name: first.name, exact: true }).click();
  const d = await cap.drill();
  const line = d.lines[0]!;
  const resourceId = d.key.replace(/^person:/, '');
  const code = (await cap.drilldown.locator(`li[data-project-id="${line.projectId}"] .cap-code`).textContent())!.trim();
  await cap.drilldown.getByRole('button', { name: `Edit demand of ${code}` }).click();

  const panel = page.getByTestId('demand-panel');
  await expect(panel).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  // The model's weeks start 52 weeks before this week's Monday.
  const weekStart = addDays(addDays(startOfIsoWeek(localToday(new Date())), -52 * 7), d.period * 7);
  // Headers are short ("W06 ’27"); the full week label is in the tooltip.
  const iso = isoWeekLabel(weekStart);
  const label = `W${iso.slice(6)} ’${iso.slice(2, 4)}`;
  const header = panel.locator('.ag-header-cell').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) });
  // Columns off screen are not drawn: scroll sideways until the week's header is.
  for (let i = 0; i < 80 && !(await header.count()); i++) {
    await panel.locator('.ag-body-horizontal-scroll-viewport').evaluate((e) => (e.scrollLeft += 300));
    await page.waitForTimeout(30);
  }
  await header.first().scrollIntoViewIfNeeded();
  const colId = (await header.first().getAttribute('col-id'))!;
  const row = panel.locator(`.ag-row[row-id^="${line.projectId}|${resourceId}|"]`).first();
  const cell = row.locator(`.ag-cell[col-id="${colId}"]`);
  await expect(cell).toBeVisible();
  await page.screenshot({ path: `${process.env['PMO_TEST_RESULTS'] ?? 'test-results'}/demand-grid.png` });

  const demand = () => page.evaluate(([k, p]) => window.__pmoCapacity!.cell(k, p)!.demand, [d.key, d.period] as const);
  const before = await demand();
  const h0 = Number((await cell.textContent())!.replace(/[^\d.]/g, '') || 0);

  const type = async (text: string) => {
    await cell.click();
    await page.keyboard.press('F2');
    const input = page.locator('.cell-input');
    await expect(input).toBeVisible();
    await input.fill(text);
    await input.press('Enter');
    await expect(input).toHaveCount(0);
  };

  // +5 hours in that week.
  await type(String(h0 + 5));
  await expect.poll(demand).toBeCloseTo(before + 5, 1);
  await expect(cell).toHaveText(String(h0 + 5));

  // -5: refused, named, nothing changes.
  await type('-5');
  const notice = panel.getByTestId('demand-notice');
  await expect(notice).toContainText(`Hours cannot be negative: ${first.name} on ${code}, week ${iso}`);
  // Worded for one refused cell and nothing saved (it once read "0 cells: 1 cell refused").
  await expect(notice).toContainText(`Demand of ${code}: 1 cell refused`);
  expect(await demand()).toBeCloseTo(before + 5, 1);
  await expect(cell).toHaveText(String(h0 + 5));
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);

  // The last week shown is after the project's finish: saved, with a warning.
  const lastCol = await panel.locator('.ag-header-cell[col-id^="p"]').evaluateAll((els) => els.map((e) => e.getAttribute('col-id')!).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))).at(-1)!);
  const scroller = panel.locator('.ag-body-horizontal-scroll-viewport');
  const weekScroll = await scroller.evaluate((e) => e.scrollLeft);
  await scroller.evaluate((e) => (e.scrollLeft = e.scrollWidth));
  const lastHeader = panel.locator('.ag-header-cell').last();
  const lastId = (await lastHeader.getAttribute('col-id'))!;
  expect(Number(lastId.slice(1))).toBeGreaterThanOrEqual(Number(lastCol.slice(1)));
  const late = row.locator(`.ag-cell[col-id="${lastId}"]`);
  // A refresh that lands just after the scroll (the edit's save) can bring the focused week back
  // into view, as AG Grid keeps the focused cell shown: scroll again until the last week is there.
  await expect(async () => {
    await scroller.evaluate((e) => (e.scrollLeft = e.scrollWidth));
    await expect(late).toBeVisible({ timeout: 1000 });
  }).toPass();
  await late.click();
  await page.keyboard.press('F2');
  await page.locator('.cell-input').fill('3');
  await page.locator('.cell-input').press('Enter');
  await expect(notice).toContainText(`is outside ${code}'s dates`);
  await expect(late).toHaveText('3');

  // Undo both edits: the heat map is as it was.
  await app.undoButton.click();
  await expect(late).toHaveText('');
  await app.undoButton.click();
  await expect.poll(demand).toBeCloseTo(before, 6);
  await scroller.evaluate((e, x) => (e.scrollLeft = x), weekScroll);
  await expect(cell).toHaveText(h0 ? String(h0) : '');
});
