// Settings that take effect, on the sample portfolio: planning capacity in FTE turns the heat
// map's tooltip and the demand editor to FTE (an FTE typed into the demand grid stores its hours
// per week: 0.6 FTE at 37.5 h is 22.5 h), and the RAG rules drive a suggested RAG in the
// register and on the Overview, which follows a change of the slip rule.
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { CapacityPage } from './pages/capacity-page';
import { RegisterPage } from './pages/register-page';

test.use({ start: 'demo' });

async function setCapacityUnit(app: AppPage, unit: 'hours' | 'fte') {
  await app.goToArea('Settings');
  await app.page.getByLabel('Plan capacity in').selectOption(unit);
  await expect(app.page.getByLabel('Plan capacity in')).toHaveValue(unit);
}

test('with capacity in FTE the heat map tooltip and the demand editor show FTE', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const app = new AppPage(page);
  const cap = new CapacityPage(page);

  await setCapacityUnit(app, 'fte');
  await cap.open();
  // The worst cell of the first over-allocated person: its tooltip gives demand of capacity in FTE.
  const first = (await cap.overloadEntries()).find((e) => e.kind === 'person')!;
  await cap.overloads.getByRole('button', { name: first.name, exact: true }).click();
  const d = await cap.drill();
  const point = await page.evaluate(([k, p]) => window.__pmoCapacity!.cellPoint(k, p), [d.key, d.period] as const);
  await page.mouse.move(point!.x, point!.y);
  const tip = page.getByRole('tooltip');
  await expect(tip).toBeVisible();
  const figs = (await tip.locator('.cap-hover-figs').textContent())!;
  const m = /([\d.]+) FTE of ([\d.]+) FTE/.exec(figs);
  expect(m, figs).not.toBeNull();
  // Both figures are over the same working days, so their ratio is the cell's utilisation.
  const cell = (await page.evaluate(([k, p]) => window.__pmoCapacity!.cell(k, p), [d.key, d.period] as const))!;
  expect(Number(m![1]) / Number(m![2])).toBeCloseTo(cell.demand / cell.capacity, 1);
  await expect(tip.locator('.cap-hours').first()).toHaveText(/^[\d.]+ FTE$/);
  await expect(tip).not.toContainText(/\d h\b/);
  // The drill-down beside it too.
  await expect(cap.drilldown.getByTestId('cell-demand')).toHaveText(/^[\d.]+ FTE$/);

  // The demand editor: its cells are FTE, and 0.6 FTE typed in a week stores 22.5 h a week.
  await page.mouse.move(5, 5);
  await page.getByRole('button', { name: 'Edit demand', exact: true }).click();
  const panel = page.getByTestId('demand-panel');
  await expect(panel.getByTestId('demand-unit')).toHaveText(/In FTE \(1 FTE = 37\.5 h a week\)/);
  const project = await panel.getByLabel('Project').inputValue();
  // The grid opens a few weeks before the project's demand: scroll sideways, as a user would, to a booked week.
  const filled = panel.locator('.ag-row .ag-cell[col-id^="p"]').filter({ hasText: /\d/ }).first();
  for (let i = 0; i < 60 && !(await filled.count()); i++) {
    await panel.locator('.ag-body-horizontal-scroll-viewport').evaluate((e) => (e.scrollLeft += 250));
    await page.waitForTimeout(30);
  }
  await expect(filled).toBeVisible();
  const colId = (await filled.getAttribute('col-id'))!;
  const rowId = (await filled.locator('xpath=ancestor::div[contains(@class,"ag-row")][1]').getAttribute('row-id'))!;
  const target = panel.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);
  // A full-time booking of 37.5 h a week reads 1; every figure is well under 10 FTE.
  expect(Number(await target.textContent())).toBeLessThan(10);
  await target.click();
  await page.keyboard.press('F2');
  const input = page.locator('.cell-input');
  await input.fill('0.6');
  await input.press('Enter');
  await expect(target).toHaveText('0.6');

  // Back in hours, the same cell holds 22.5 hours a week.
  await setCapacityUnit(app, 'hours');
  await cap.open();
  await page.getByRole('button', { name: 'Edit demand', exact: true }).click();
  await panel.getByLabel('Project').selectOption(project);
  await expect(panel.getByTestId('demand-unit')).toHaveText(/Hours per week/);
  const again = panel.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);
  for (let i = 0; i < 60 && !(await again.count()); i++) {
    await panel.locator('.ag-body-horizontal-scroll-viewport').evaluate((e) => (e.scrollLeft += 250));
    await page.waitForTimeout(30);
  }
  await expect(again).toHaveText('22.5');
});

test('the slip rule drives the suggested RAG on the Overview and beside the RAG in the register', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const app = new AppPage(page);
  const suggested = page.getByTestId('suggested-rag');
  const count = async (word: 'Red' | 'Amber' | 'Green') => Number(/(\d+)/.exec((await suggested.locator('.rag-chip').filter({ hasText: word }).textContent())!)![1]);

  await app.goToArea('Overview');
  await expect(suggested).toBeVisible();
  const red = await count('Red');
  const amber = await count('Amber');
  const green = await count('Green');
  expect(red + amber + green).toBeGreaterThan(0);

  // Red from the first working day late: every late project turns red.
  await app.goToArea('Settings');
  const rule = page.getByLabel('Red when slip exceeds (working days)');
  await rule.fill('0');
  await rule.press('Enter');
  await app.goToArea('Overview');
  await expect.poll(() => count('Red')).toBeGreaterThan(red);
  const redAfter = await count('Red');
  expect(redAfter + (await count('Amber')) + (await count('Green'))).toBe(red + amber + green);
  await expect(page.getByTestId('suggested-rag-differ')).toContainText(/differ|matches/);

  // The register shows the suggestion beside the RAG, in words, with the reason in its tooltip.
  const reg = new RegisterPage(page);
  await reg.open('Projects');
  await reg.revealColumn('calc.suggestedRag');
  await expect(reg.grid.locator('.ag-header-cell[col-id="calc.suggestedRag"]')).toContainText('Suggested RAG');
  const texts = await reg.columnTexts('calc.suggestedRag');
  expect(texts.filter((t) => /^Red\b/.test(t)).length).toBeGreaterThan(0);
  expect(texts.every((t) => t === '' || /^(Red|Amber|Green)( · differs)?$/.test(t))).toBe(true);
  // A RAG set by hand that the rules would not give is kept, and marked.
  expect(texts.some((t) => t.endsWith('· differs'))).toBe(true);
  const redCell = reg.grid.locator('.ag-row .ag-cell[col-id="calc.suggestedRag"]').filter({ hasText: /^Red/ }).first();
  await redCell.hover();
  await expect(page.locator('.ag-tooltip')).toContainText(/^Red: .*(working days late|over budget) \(rule: red above/);
});
