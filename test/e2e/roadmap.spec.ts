// The roadmap on the real app in Chromium, on the sample portfolio: what it counts against the
// workbook's own data (saved as a .pmowb), scrolling, dragging a bar (dates in the register,
// one undo step), broken dependencies, the critical path against criticalPath() computed here
// in Node, the milestone view, and image exports.
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { RegisterPage } from './pages/register-page';
import { RoadmapPage, pngSize } from './pages/roadmap-page';
import { parseWorkbookText, type WorkbookFile } from '../../shared/file/pmowb';
import { criticalPath, dependencyViolations, projectUnscheduledReason } from '../../shared/schedule';
import { addDays, isIsoDate, localToday } from '../../shared/calendar';
import type { Project } from '../../shared/model/schemas';

test.use({ start: 'demo' });

/** The open workbook as the app saves it. */
async function workbook(page: Page): Promise<WorkbookFile> {
  const { text } = await new AppPage(page).saveAs();
  const r = parseWorkbookText(text, 'saved.pmowb');
  if (!r.ok) throw new Error(r.reason);
  return r.workbook;
}

/** What the roadmap should show of a workbook, computed here without its code. */
function expected(wb: WorkbookFile) {
  const projects = wb.records.project.filter((p) => !p.archived);
  const live = new Set(projects.map((p) => p.id));
  const dated = (d: string | null) => !!d && isIsoDate(d);
  const milestones = wb.records.milestone.filter((m) => live.has(m.projectId));
  return {
    scheduled: projects.filter((p) => projectUnscheduledReason(p) === null),
    unscheduled: projects.filter((p) => projectUnscheduledReason(p) !== null),
    milestones: milestones.filter((m) => dated(m.actualDate) || dated(m.forecastDate)),
    input: { projects, milestones, dependencies: wb.records.dependency },
  };
}

const byCode = (wb: WorkbookFile, code: string) => wb.records.project.find((p) => p.code === code)!;

test('shows every scheduled project and milestone; scrolling brings the later rows in; projects without dates are listed', async ({ page }) => {
  const wb = await workbook(page);
  const want = expected(wb);
  const rm = new RoadmapPage(page);
  await rm.open();
  expect(await rm.counts()).toEqual({ projects: want.scheduled.length, milestones: want.milestones.length, unscheduled: want.unscheduled.length });
  await expect(rm.status).toHaveText(`${want.scheduled.length} projects, ${want.milestones.length} milestones, ${want.unscheduled.length} unscheduled`);

  // Grouped by programme: one lane per programme, and more rows than fit on screen.
  await rm.groupBy('Programme');
  const first = await rm.drawn();
  expect(first.rows).toBe(want.scheduled.length + wb.records.programme.length + (want.scheduled.some((p) => !p.programmeId) ? 1 : 0));
  expect(first.firstRow).toBe(0);
  expect(first.lastRow).toBeLessThan(first.rows - 1);
  // Only the rows on screen are drawn.
  expect(first.bars).toBeLessThanOrEqual(first.lastRow - first.firstRow + 1);

  // Wheel down to the end: every scheduled project's row comes into view once.
  const seen = new Set(await rm.visibleProjects());
  const initiallyHidden = want.scheduled.filter((p) => !seen.has(p.id));
  expect(initiallyHidden.length).toBeGreaterThan(0);
  for (let i = 0; i < 40; i++) {
    await rm.wheel(200);
    for (const id of await rm.visibleProjects()) seen.add(id);
    if ((await rm.drawn()).lastRow === first.rows - 1) break;
  }
  const last = await rm.drawn();
  expect(last.lastRow).toBe(last.rows - 1);
  expect(last.firstRow).toBeGreaterThan(0);
  expect([...seen].sort()).toEqual(want.scheduled.map((p) => p.id).sort());

  // Keyboard: + zooms in, F fits the portfolio again.
  const before = await rm.pxPerDay();
  await rm.keys('+', '+');
  expect(await rm.pxPerDay()).toBeCloseTo(before * 2.25, 5);
  await rm.keys('f');
  expect(await rm.pxPerDay()).toBeCloseTo(before, 5);
  expect((await rm.drawn()).firstRow).toBe(0);

  // A project loses its start date in the register: it is listed as unscheduled, not dropped.
  const reg = new RegisterPage(page);
  await reg.open('Projects');
  const victim = want.scheduled.find((p) => p.code === 'PRJ-004')!;
  await reg.editCell(await reg.rowId('PRJ-004'), 'start', '');
  await expect(new AppPage(page).saveState).toHaveText('All changes saved');
  await rm.open();
  const ownDated = want.milestones.filter((m) => m.projectId === victim.id).length;
  await expect(rm.status).toHaveText(`${want.scheduled.length - 1} projects, ${want.milestones.length} milestones, ${want.unscheduled.length + 1} unscheduled`);
  const list = rm.panel.getByRole('list', { name: 'Unscheduled projects' });
  await expect(list).toContainText(`${victim.code} ${victim.name}`);
  await expect(list).toContainText(`no start date; its ${ownDated} dated milestone`);
});

test('dragging a bar moves the project in the register, one undo step restores it', async ({ page }) => {
  const app = new AppPage(page);
  const before = await workbook(page);
  const p = byCode(before, 'PRJ-004');
  const ownMilestones = before.records.milestone.filter((m) => m.projectId === p.id);
  const rm = new RoadmapPage(page);
  await rm.open();
  // Zoom in so that a day is several pixels wide.
  await rm.keys('Home', '+', '+', '+', '+');
  expect(await rm.pxPerDay()).toBeGreaterThan(2);

  const start = (await rm.reveal(p.id)).x;
  await rm.dragBar(p.id, 14);
  await expect(app.undoButton).toHaveAccessibleName('Undo Move PRJ-004 by 14 days');
  await expect(app.saveState).toHaveText('All changes saved');
  const moved = await rm.barRect(p.id);
  expect(moved!.x - start).toBeCloseTo(14 * (await rm.pxPerDay()), 0);

  // The register shows the new dates (en-GB: dd/mm/yyyy).
  const reg = new RegisterPage(page);
  await reg.open('Projects');
  const row = await reg.rowId('PRJ-004');
  const uk = (iso: string) => iso.split('-').reverse().join('/');
  await reg.revealColumn('start');
  await expect(reg.cell(row, 'start')).toHaveText(uk(addDays(p.start!, 14)));
  await expect(reg.cell(row, 'finish')).toHaveText(uk(addDays(p.finish!, 14)));

  // Its open milestones moved with it; the done ones kept their dates. One commit.
  const after = await workbook(page);
  const q = byCode(after, 'PRJ-004');
  expect([q.start, q.finish]).toEqual([addDays(p.start!, 14), addDays(p.finish!, 14)]);
  for (const m of ownMilestones) {
    const now = after.records.milestone.find((x) => x.id === m.id)!;
    expect(now.forecastDate).toBe(!m.actualDate && m.forecastDate ? addDays(m.forecastDate, 14) : m.forecastDate);
  }

  await app.undoButton.click();
  await expect(app.saveState).toHaveText('All changes saved');
  await expect(reg.cell(row, 'start')).toHaveText(uk(p.start!));
  await expect(reg.cell(row, 'finish')).toHaveText(uk(p.finish!));
  const undone = await workbook(page);
  expect(byCode(undone, 'PRJ-004')).toMatchObject({ start: p.start, finish: p.finish });
  expect(undone.records.milestone.filter((m) => m.projectId === p.id)).toEqual(ownMilestones);

  // Dragging the finish changes only the finish.
  await rm.open();
  await rm.keys('+', '+', '+');
  await rm.dragBar(p.id, -7, 'finish');
  await expect(app.undoButton).toHaveAccessibleName('Undo Change PRJ-004 finish by -7 days');
});

test('a move that breaks a dependency is warned about while dragging and listed after the drop', async ({ page }) => {
  const wb = await workbook(page);
  const want = expected(wb);
  const initial = dependencyViolations(want.input).violations.length;
  // A kept finish-to-start link between two projects, the only link into its successor (so the
  // move breaks exactly one).
  const report = dependencyViolations(want.input);
  const own = (projectId: string) => new Set([projectId, ...wb.records.milestone.filter((m) => m.projectId === projectId).map((m) => m.id)]);
  const incoming = (projectId: string) => wb.records.dependency.filter((d) => own(projectId).has(d.successorId)).length;
  const link = report.checks.find((c) => !c.violated && c.type === 'FS' && c.predecessor.kind === 'project' && c.successor.kind === 'project' && incoming(c.successor.id) === 1)!;
  expect(link).toBeTruthy();
  const pred = wb.records.project.find((p) => p.id === link.predecessor.id)!;
  const succ = wb.records.project.find((p) => p.id === link.successor.id)!;
  const days = -(link.slackDays + 10);

  const rm = new RoadmapPage(page);
  await rm.open();
  await expect(rm.panel.getByTestId('violations-count')).toHaveText(String(initial));
  await rm.keys('Home', '+', '+');
  await rm.dragBar(succ.id, days, 'move', async () => {
    const card = page.locator('.rm-drag');
    await expect(card).toContainText(`${succ.code} starts 10 days too early for ${pred.code}`);
  });
  await expect(new AppPage(page).saveState).toHaveText('All changes saved');
  await expect(rm.panel.getByTestId('violations-count')).toHaveText(String(initial + 1));
  await expect(rm.panel.getByRole('list', { name: 'Broken dependencies' })).toContainText(`${succ.code} starts 10 days too early for ${pred.code}`);
  await expect(page.getByRole('button', { name: `${initial + 1} broken dependencies` })).toBeVisible();

  // The same count as the schedule maths on the saved data.
  const after = expected(await workbook(page));
  expect(dependencyViolations(after.input).violations.length).toBe(initial + 1);
});

test('the critical path shown is the one criticalPath() computes from the same data', async ({ page }) => {
  const wb = await workbook(page);
  const result = criticalPath(expected(wb).input);
  const critical = [...result.nodes.values()].filter((n) => n.critical).map((n) => `${n.kind}:${n.id}`);
  expect(critical.length).toBeGreaterThan(0);

  const rm = new RoadmapPage(page);
  await rm.open();
  await rm.button('Critical path').click();
  await expect(rm.button('Critical path')).toHaveAttribute('aria-pressed', 'true');
  const list = rm.panel.getByTestId('critical-list');
  await expect(list.locator('li[data-node]')).toHaveCount(critical.length);
  const shown = await list.locator('li[data-node]').evaluateAll((els) => els.map((e) => e.getAttribute('data-node')!));
  expect(shown.sort()).toEqual([...critical].sort());

  // Each critical project's bar carries the highlight when it is on screen; no other bar does.
  for (const key of critical.filter((k) => k.startsWith('project:'))) {
    const id = key.slice('project:'.length);
    await rm.reveal(id);
    expect(await rm.criticalBars()).toContain(id);
  }
  const drawnCritical = await rm.criticalBars();
  expect(drawnCritical.every((id) => critical.includes(`project:${id}`))).toBe(true);
});

test('the milestone view lists what is due in the next 90 days, overdue first', async ({ page }) => {
  const wb = await workbook(page);
  const want = expected(wb);
  const today = localToday(new Date());
  const horizon = addDays(today, 90);
  const open = want.milestones.filter((m) => !m.actualDate && m.forecastDate);
  const due = open.filter((m) => m.forecastDate! >= today && m.forecastDate! <= horizon);
  const overdue = open.filter((m) => m.forecastDate! < today);

  const rm = new RoadmapPage(page);
  await rm.open();
  await rm.button('Milestones only').click();
  await expect(rm.button('Milestones only')).toHaveAttribute('aria-pressed', 'true');
  const dueList = rm.panel.getByRole('list', { name: 'Milestones due in the next 90 days' });
  await expect(dueList.locator('li')).toHaveCount(Math.min(due.length, 60));
  if (overdue.length) await expect(rm.panel.getByRole('list', { name: 'Overdue milestones' }).locator('li')).toHaveCount(Math.min(overdue.length, 60));
  // Only the projects with dated milestones have rows; no bars are drawn.
  const drawn = await rm.drawn();
  expect(drawn.bars).toBe(0);
  expect(drawn.milestones).toBeGreaterThan(0);
});

test('exports the view as a PNG at A4 landscape (150 dpi) and on screen size, and as SVG', async ({ page }) => {
  const rm = new RoadmapPage(page);
  await rm.open();
  await rm.groupBy('Programme');
  const a4 = await rm.exportImage('PNG', 'A4 landscape');
  expect(a4.download.suggestedFilename()).toMatch(/^Northwind Portfolio \(sample\) roadmap \d{4}-\d{2}-\d{2} A4\.png$/);
  expect(pngSize(a4.bytes)).toEqual({ width: 1754, height: 1240 });
  expect(a4.bytes.length).toBeGreaterThan(40_000);

  const screen = await rm.exportImage('PNG', 'As on screen');
  const box = (await page.locator('.rm-chart').boundingBox())!;
  expect(pngSize(screen.bytes)).toEqual({ width: Math.round(box.width), height: Math.round(box.height) });

  const svg = await rm.exportImage('SVG', 'A3 landscape');
  const text = svg.bytes.toString('utf8');
  expect(text.startsWith('<svg')).toBe(true);
  expect(text).toContain('viewBox="0 0 2480 1754"');
  expect(text).toContain('Northwind Portfolio (sample) — Roadmap');
  expect(text).toContain('Today');
});

test('clicking a bar opens the project details beside the chart', async ({ page }) => {
  const wb = await workbook(page);
  const p: Project = byCode(wb, 'PRJ-002');
  const rm = new RoadmapPage(page);
  await rm.open();
  const r = await rm.reveal(p.id);
  await page.mouse.click(r.x + Math.min(20, r.width / 2), r.y + r.height / 2);
  const detail = page.getByRole('complementary', { name: `Project ${p.code}` });
  await expect(detail).toBeVisible();
  await expect(detail.getByRole('heading', { level: 2 })).toContainText(p.name);
  await detail.getByRole('button', { name: 'Close details' }).click();
  await expect(rm.panel).toBeVisible();
});
