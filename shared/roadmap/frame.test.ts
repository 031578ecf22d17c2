import { describe, expect, it } from 'vitest';
import { barAt, barBox, barRectOf, bodyRect, buildLinks, clipRoute, computeFrame, hitTest, route, type FrameOptions, type Geometry } from './frame';
import { createViewport, type Viewport } from './viewport';
import { dayOf } from '../calendar';
import { TODAY_DAY, layoutOf, makeMilestone, makeProject } from './fixtures.test-helpers';
import type { Dependency } from '../model/schemas';

const axis = { fiscalYearStartMonth: 4, weekStart: 1, locale: 'en-GB' };
const g: Geometry = { width: 1000, height: 344, labelWidth: 200, axisHeight: 44, top: 0, bottom: 0, scale: 1 };
const body = bodyRect(g);
const d = (iso: string) => dayOf(iso)!;
const options = (o: Partial<FrameOptions> = {}): FrameOptions => ({
  mode: 'timeline',
  showMilestones: true,
  showDependencies: true,
  showBaseline: true,
  scale: 'auto',
  today: TODAY_DAY,
  critical: null,
  criticalEdges: null,
  violated: new Set(),
  violatedProjects: new Set(),
  preview: null,
  ...o,
});
const view = (v: Partial<Viewport> = {}): Viewport => createViewport({ width: body.width, height: body.height, startDay: d('2026-01-01'), pxPerDay: 2, rowHeight: 30, ...v });

// 1,000 projects, a month each, one after another; a milestone on each finish; links in a chain.
const many = Array.from({ length: 1000 }, (_, i) => {
  const start = d('2026-01-01') + i * 3;
  return makeProject({ id: `p${i}`, code: `P-${String(i).padStart(4, '0')}`, start: isoOf(start), finish: isoOf(start + 29), percentComplete: 50 });
});
function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
const manyMilestones = many.map((p, i) => makeMilestone({ id: `m${i}`, projectId: p.id, forecastDate: p.finish! }));
const chain: Dependency[] = many.slice(1).map((p, i) => ({ id: `d${i}`, predecessorKind: 'project', predecessorId: many[i]!.id, successorKind: 'project', successorId: p.id, type: 'FS', lagDays: 0, note: '' }));

describe('a frame draws only what is on screen', () => {
  const layout = layoutOf(many, manyMilestones);
  const links = buildLinks(layout, chain);

  it('takes the rows under the viewport and the items in its dates', () => {
    const f = computeFrame(layout, links, view({ scrollTop: 30 * 500 }), g, options(), axis);
    expect([f.first, f.last]).toEqual([500, 509]);
    expect(f.labels.map((l) => l.row.project.code)).toEqual(Array.from({ length: 10 }, (_, k) => `P-0${500 + k}`));
    // Row 500 starts 1,500 days after 1 January: far right of the dates on screen (400 days).
    expect(f.bars).toHaveLength(0);
    const seen = computeFrame(layout, links, view({ scrollTop: 30 * 500, startDay: d('2026-01-01') + 1500 }), g, options(), axis);
    expect(seen.bars).toHaveLength(10);
    expect(seen.milestones).toHaveLength(10);
    expect(seen.arrows.length).toBeGreaterThanOrEqual(10);
    expect(seen.arrows.length).toBeLessThanOrEqual(11);
  });

  it('places bars from the start of the first day to the end of the last, inside the row', () => {
    const f = computeFrame(layout, links, view(), g, options(), axis);
    const b = f.bars[0]!;
    expect(b.x0).toBe(body.x);
    expect(b.x1).toBe(body.x + 30 * 2);
    const box = barBox(30);
    expect(b.barY).toBe(body.y + box.y);
    expect(barRectOf(f, 'p0')).toEqual({ x: b.x0, y: b.barY, width: 60, height: box.h });
    expect(barRectOf(f, 'p999')).toBeNull();
    // The milestone sits in the middle of its day.
    expect(f.milestones[0]!.x).toBe(body.x + (29 + 0.5) * 2);
  });

  it('clamps bars far off screen to its edges', () => {
    const wide = layoutOf([makeProject({ id: 'w', code: 'W', start: '2000-01-01', finish: '2090-01-01' })], []);
    const f = computeFrame(wide, null, view(), g, options(), axis);
    expect(f.bars[0]!.x0).toBe(body.x - 4);
    expect(f.bars[0]!.x1).toBe(g.width + 4);
  });

  it('moves a dragged bar, keeps a ghost where it was and shifts its milestones', () => {
    const f = computeFrame(layout, links, view(), g, options({ preview: { projectId: 'p0', startDay: d('2026-01-11'), finishDay: d('2026-02-09'), milestoneShift: 10 } }), axis);
    const b = f.bars.find((x) => x.projectId === 'p0')!;
    expect(b.x0).toBe(body.x + 20);
    expect(b.ghost).toEqual({ x0: body.x, x1: body.x + 60 });
    expect(b.moving).toBe(true);
    expect(f.milestones.find((m) => m.id === 'm0')!.x).toBe(body.x + (39 + 0.5) * 2);
  });

  it('flags critical and broken items', () => {
    const f = computeFrame(layout, links, view(), g, options({ critical: new Set(['project:p1', 'milestone:m2']), criticalEdges: new Set(['d0']), violated: new Set(['d1']), violatedProjects: new Set(['p2']) }), axis);
    expect(f.bars.filter((b) => b.critical).map((b) => b.projectId)).toEqual(['p1']);
    expect(f.bars.filter((b) => b.violated).map((b) => b.projectId)).toEqual(['p2']);
    expect(f.milestones.filter((m) => m.critical).map((m) => m.id)).toEqual(['m2']);
    expect(f.arrows.find((a) => a.id === 'd0')!.critical).toBe(true);
    expect(f.arrows.find((a) => a.id === 'd1')!.violated).toBe(true);
  });

  it('leaves arrows out past the level-of-detail limit, except broken and critical ones', () => {
    const f = computeFrame(layout, links, view(), g, options({ arrowLimit: 3, violated: new Set(['d1']) }), axis);
    expect(f.arrows.map((a) => a.id)).toEqual(['d1']);
    expect(f.hiddenArrows).toBeGreaterThan(0);
    const none = computeFrame(layout, links, view(), g, options({ showDependencies: false }), axis);
    expect(none.arrows).toHaveLength(0);
  });

  it('puts the today line where today is, and nothing when it is off screen', () => {
    const f = computeFrame(layout, links, view(), g, options(), axis);
    expect(f.todayX).toBe(body.x + (TODAY_DAY + 0.5 - d('2026-01-01')) * 2);
    expect(computeFrame(layout, links, view({ startDay: TODAY_DAY + 10 }), g, options(), axis).todayX).toBeNull();
  });

  it('picks the level of detail from the row height', () => {
    const thin = computeFrame(layout, links, view({ rowHeight: 8 }), g, options(), axis);
    expect(thin.lod).toMatchObject({ text: false, baseline: false, percent: false });
    expect(thin.labels.length).toBe(38);
    expect(thin.bars.every((b) => b.barH >= 1)).toBe(true);
  });
});

describe('links', () => {
  it('indexes links by row and counts those without both ends on rows', () => {
    const ps = [makeProject({ id: 'a', code: 'A', start: '2026-01-01', finish: '2026-01-31' }), makeProject({ id: 'b', code: 'B', start: '2026-03-01', finish: '2026-03-31' }), makeProject({ id: 'c', code: 'C' })];
    const ms = [makeMilestone({ id: 'ma', projectId: 'a', forecastDate: '2026-01-31' })];
    const deps: Dependency[] = [
      { id: 'ab', predecessorKind: 'project', predecessorId: 'a', successorKind: 'project', successorId: 'b', type: 'FS', lagDays: 5, note: '' },
      { id: 'mb', predecessorKind: 'milestone', predecessorId: 'ma', successorKind: 'project', successorId: 'b', type: 'FS', lagDays: 0, note: '' },
      { id: 'ac', predecessorKind: 'project', predecessorId: 'a', successorKind: 'project', successorId: 'c', type: 'FS', lagDays: 0, note: '' },
      { id: 'gone', predecessorKind: 'project', predecessorId: 'zzz', successorKind: 'project', successorId: 'b', type: 'FS', lagDays: 0, note: '' },
    ];
    const l = layoutOf(ps, ms);
    const links = buildLinks(l, deps);
    expect(links.links.map((x) => x.id)).toEqual(['ab', 'mb']);
    expect(links.offRows).toBe(2);
    expect(links.byRow[0]).toEqual([0, 1]);
    expect(links.byRow[1]).toEqual([0, 1]);
  });
});

describe('arrow routes', () => {
  it('goes out, down and in when the successor starts later', () => {
    expect(route(100, 10, 1, 200, 40, 1, 30)).toEqual([[100, 10], [108, 10], [108, 40], [200, 40]]);
  });
  it('goes around between the rows when the successor starts earlier', () => {
    expect(route(200, 10, 1, 100, 40, 1, 30)).toEqual([[200, 10], [208, 10], [208, 25], [92, 25], [92, 40], [100, 40]]);
  });
  it('leaves a start to the left (SS) and enters a finish from the right (FF)', () => {
    expect(route(100, 10, -1, 150, 40, 1, 30)).toEqual([[100, 10], [92, 10], [92, 40], [150, 40]]);
    expect(route(100, 10, 1, 150, 40, -1, 30)).toEqual([[100, 10], [158, 10], [158, 40], [150, 40]]);
  });
  it('runs straight along a row, and stops at a diamond tip', () => {
    expect(route(100, 10, 1, 150, 10, 1, 30, 5, 0)).toEqual([[105, 10], [150, 10]]);
  });
});

describe('arrows to far rows', () => {
  it('are cut just past the screen, and lose their head when it is off screen', () => {
    expect(clipRoute([[100, 10], [108, 10], [108, 90_000], [200, 90_000]], { x0: 0, x1: 500, y0: 0, y1: 400 })).toEqual([[100, 10], [108, 10], [108, 400], [200, 400]]);
    // A chain from the first project to one 600 rows below.
    const ps = [makeProject({ id: 'a', code: 'A', start: '2026-01-01', finish: '2026-01-20' }), ...Array.from({ length: 600 }, (_, i) => makeProject({ id: `f${i}`, code: `F${String(i).padStart(3, '0')}`, start: '2026-02-01', finish: '2026-03-01' }))];
    const deps: Dependency[] = [{ id: 'far', predecessorKind: 'project', predecessorId: 'a', successorKind: 'project', successorId: 'f599', type: 'FS', lagDays: 0, note: '' }];
    const l = layoutOf(ps, []);
    const f = computeFrame(l, buildLinks(l, deps), view(), g, options({ violated: new Set(['far']) }), axis);
    const a = f.arrows[0]!;
    expect(a.head).toBe(false);
    for (const [x, y] of a.points) {
      expect(y).toBeLessThanOrEqual(g.height + 30);
      expect(x).toBeLessThanOrEqual(g.width + 30);
    }
  });
});

describe('hit testing', () => {
  const ps = [makeProject({ id: 'a', code: 'A', programmeId: 'g', start: '2026-01-01', finish: '2026-03-01' })];
  const ms = [makeMilestone({ id: 'ma', projectId: 'a', forecastDate: '2026-02-01' })];
  const l = layoutOf(ps, ms, { groupBy: 'programmeId', programmes: [{ id: 'g', name: 'G' }] });
  const f = computeFrame(l, null, view(), g, options(), axis);
  const b = f.bars[0]!;
  const mid = b.barY + b.barH / 2;

  it('finds ends, body, milestones, labels and lanes', () => {
    expect(hitTest(f, b.x0 + 2, mid)).toMatchObject({ kind: 'bar', part: 'start', projectId: 'a' });
    expect(hitTest(f, b.x1 - 2, mid)).toMatchObject({ kind: 'bar', part: 'finish' });
    expect(hitTest(f, b.x0 + 30, mid)).toMatchObject({ kind: 'bar', part: 'move' });
    const m = f.milestones[0]!;
    expect(hitTest(f, m.x, m.y)).toMatchObject({ kind: 'milestone', milestoneId: 'ma', projectId: 'a' });
    expect(hitTest(f, 50, mid)).toMatchObject({ kind: 'label', projectId: 'a' });
    expect(hitTest(f, 50, f.lanes[0]!.y + 5)).toMatchObject({ kind: 'lane' });
    expect(hitTest(f, 900, mid)).toBeNull();
    expect(hitTest(f, 500, 10)).toBeNull(); // the axis
  });

  it('keeps the end grips for changing dates when a milestone sits on the finish', () => {
    const withGoLive = layoutOf(ps, [makeMilestone({ id: 'go', projectId: 'a', forecastDate: '2026-03-01' })]);
    const fr = computeFrame(withGoLive, null, view(), g, options(), axis);
    const bar = fr.bars[0]!;
    const m = fr.milestones[0]!;
    expect(Math.abs(m.x - bar.x1)).toBeLessThan(2);
    expect(hitTest(fr, bar.x1 - 2, m.y)).toMatchObject({ kind: 'bar', part: 'finish' });
    expect(barAt(fr, m.x - m.r + 1, m.y)).toMatchObject({ kind: 'bar', projectId: 'a' });
  });
});
