// The capacity heat map on the real app in Chromium, on the sample portfolio: the over-allocation
// list names exactly the people the demo over-allocates on purpose (DEMO_OVERLOADED_RESOURCE_NAMES,
// demoOverloads(today) computed here), a cell's drill-down adds up to its demand and opens the
// project, roles and teams expand to their people, and the PNG export.
import { expect, test } from './fixtures';
import { CapacityPage } from './pages/capacity-page';
import { pngSize } from './pages/roadmap-page';
import { DEMO_OVERLOADED_RESOURCE_NAMES, demoOverloads } from '../../shared/demo/demo';
import { localToday } from '../../shared/calendar';

test.use({ start: 'demo' });

test('the over-allocation list shows exactly the people the demo over-allocates, with the projects that cause it', async ({ page }) => {
  const cap = new CapacityPage(page);
  await cap.open();
  const today = localToday(new Date());
  const want = demoOverloads(today);
  const entries = await cap.overloadEntries();
  const people = entries.filter((e) => e.kind === 'person');
  expect(people.map((e) => e.name).sort()).toEqual([...DEMO_OVERLOADED_RESOURCE_NAMES].sort());
  for (const o of want) {
    const e = people.find((x) => x.name === o.resourceName)!;
    for (const code of o.projects) expect(e.projects, `${o.resourceName} is over because of ${code}`).toContain(code);
    // At least the planned overload (bank holidays only make it worse).
    expect(Number.parseFloat(e.peak)).toBeGreaterThanOrEqual(o.percent);
  }
  // Months count the same people.
  await cap.periods('Months');
  const monthly = (await cap.overloadEntries()).filter((e) => e.kind === 'person').map((e) => e.name);
  for (const name of monthly) expect(DEMO_OVERLOADED_RESOURCE_NAMES).toContain(name);
});

test('a cell drill-down lists projects whose hours add up to the cell demand, and opens a project', async ({ page }) => {
  const cap = new CapacityPage(page);
  await cap.open();
  // From the list: the worst week of the first over-allocated person.
  const first = (await cap.overloadEntries()).find((e) => e.kind === 'person')!;
  await cap.overloads.getByRole('button', { name: first.name, exact: true }).click();
  const d = await cap.drill();
  expect(d.key).toBe(first.key);
  expect(d.lines.length).toBeGreaterThan(1);
  expect(d.total).toBeCloseTo(d.demand, 6);
  expect(d.lines.reduce((s, l) => s + l.hours, 0)).toBeCloseTo(d.demand, 6);
  const hook = await page.evaluate(([k, p]) => window.__pmoCapacity!.cell(k, p), [d.key, d.period] as const);
  expect(hook!.demand).toBeCloseTo(d.demand, 9);
  expect(hook!.demand).toBeGreaterThan(hook!.capacity);

  // Clicking another cell on the heat map: the same person two weeks later.
  await cap.clickCell(first.key, d.period + 2);
  await expect(cap.drilldown).toHaveAttribute('data-period', String(d.period + 2));
  const d2 = await cap.drill();
  expect(d2.lines.reduce((s, l) => s + l.hours, 0)).toBeCloseTo(d2.demand, 6);

  // A project name opens its detail panel.
  const line = d.lines[0]!;
  await cap.clickCell(first.key, d.period);
  await expect(cap.drilldown).toHaveAttribute('data-period', String(d.period));
  await cap.drilldown.locator(`li[data-project-id="${line.projectId}"] button.cap-project`).click();
  await expect(page.locator('aside.detail-panel')).toBeVisible();
  await expect(page.locator('aside.detail-panel')).toHaveAccessibleName(/^Project /);
});

test('switching to roles shows role rows that expand to their people; teams too', async ({ page }) => {
  const cap = new CapacityPage(page);
  await cap.open();
  expect((await cap.rowKeys()).every((k) => k.startsWith('person:'))).toBe(true);
  await cap.rowsBy('Roles');
  await expect.poll(async () => (await cap.rowKeys())[0] ?? '').toMatch(/^role:/);
  const roles = await cap.rowKeys();
  expect(roles.every((k) => k.startsWith('role:'))).toBe(true);
  await cap.clickRowName(roles[0]!);
  await expect.poll(async () => (await cap.rowKeys()).length).toBeGreaterThan(roles.length);
  const expanded = await cap.rowKeys();
  expect(expanded[0]).toBe(roles[0]);
  expect(expanded[1]).toMatch(/^(person|unassigned-role):/);
  await cap.rowsBy('Teams');
  await expect.poll(async () => (await cap.rowKeys())[0] ?? '').toMatch(/^team:/);
  // Roles over 100 % are listed too; clicking one shows its cell in the role rows.
  await cap.rowsBy('People');
  const role = (await cap.overloadEntries()).find((e) => e.kind === 'role');
  if (role) {
    await cap.overloads.getByRole('button', { name: role.name, exact: true }).click();
    await expect(cap.drilldown).toHaveAttribute('data-key', role.key);
    await expect(page.getByRole('group', { name: 'Rows' }).getByRole('button', { name: 'Roles' })).toHaveAttribute('aria-pressed', 'true');
  }
});

test('only the cells on screen are drawn; the heat map exports as a PNG', async ({ page }) => {
  const cap = new CapacityPage(page);
  await cap.open();
  const drawn = (await page.evaluate(() => window.__pmoCapacity!.drawn()))!;
  expect(drawn.cols).toBeGreaterThan(drawn.lastCol - drawn.firstCol + 1);
  expect(drawn.cells).toBe((drawn.lastRow - drawn.firstRow + 1) * (drawn.lastCol - drawn.firstCol + 1));
  const { download, bytes } = await cap.exportPng();
  expect(download.suggestedFilename()).toMatch(/capacity \d{4}-\d{2}-\d{2}\.png$/);
  const size = pngSize(bytes);
  expect(size.width).toBeGreaterThan(300);
  expect(size.height).toBeGreaterThan(200);
});
