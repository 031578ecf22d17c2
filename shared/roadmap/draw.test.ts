import { describe, expect, it } from 'vitest';
import { barColour, drawFrame, labelSlot, legendEntries, legendLayout, milestoneLabelRoom, textOn, RAG_COLOURS, STAGE_COLOURS } from './draw';
import { computeFrame, type FrameOptions, type Geometry } from './frame';
import { createViewport } from './viewport';
import { countShapes, type Shape, type ShapeLayer } from './shapes';
import { dayOf } from '../calendar';
import { TODAY, TODAY_DAY, layoutOf, makeMilestone, makeProject } from './fixtures.test-helpers';
import { addDays } from '../calendar';

const axis = { fiscalYearStartMonth: 4, weekStart: 1, locale: 'en-GB' };
const o: FrameOptions = { mode: 'timeline', showMilestones: true, showDependencies: true, showBaseline: true, scale: 'auto', today: TODAY_DAY, critical: null, criticalEdges: null, violated: new Set(), violatedProjects: new Set(), preview: null };
const projects = Array.from({ length: 200 }, (_, i) =>
  makeProject({ id: `p${i}`, code: `P-${i}`, name: `Project number ${i}`, start: '2026-01-01', finish: '2026-12-31', baselineStart: '2026-01-01', baselineFinish: '2026-11-30', percentComplete: 40, rag: { overall: 'A', schedule: null, cost: null, scope: null, resources: null } }),
);
const milestones = projects.map((p, i) => makeMilestone({ id: `m${i}`, projectId: p.id, forecastDate: '2026-06-01', baselineDate: '2026-05-01' }));
const layout = layoutOf(projects, milestones);

function frame(rowHeight: number, g: Partial<Geometry> = {}) {
  const geometry: Geometry = { width: 1000, height: 600, labelWidth: 240, axisHeight: 44, top: 0, bottom: 0, scale: 1, ...g };
  const v = createViewport({ width: 760, height: 556 - geometry.top - geometry.bottom, startDay: dayOf('2025-12-01')!, pxPerDay: 2, rowHeight });
  return computeFrame(layout, null, v, geometry, o, axis);
}
const texts = (layers: ShapeLayer[]) => layers.flatMap((l) => l.items.flatMap((i) => i.shapes)).filter((s): s is Extract<Shape, { type: 'text' }> => s.type === 'text').map((s) => s.text);

describe('drawing a frame', () => {
  it('draws a fixed number of shapes per visible row, whatever the portfolio size', () => {
    const f = frame(28);
    const layers = drawFrame(f, { colourBy: 'rag', selected: null });
    expect(layers.map((l) => l.id)).toEqual(['grid', 'items', 'bar-text', 'arrows', 'overlay', 'labels', 'axis']);
    const rows = f.last - f.first + 1;
    expect(rows).toBe(20);
    expect(countShapes(layers)).toBeLessThan(rows * 12 + 60);
    expect(texts(layers)).toContain('40 %');
    expect(texts(layers)).toContain('P-0');
    expect(texts(layers)).toContain('Project number 0');
  });

  it('drops text, percentages and baselines on thin rows', () => {
    const layers = drawFrame(frame(8), { colourBy: 'rag', selected: null });
    expect(texts(layers).filter((t) => t.startsWith('P') || t.endsWith('%'))).toEqual([]);
    const rects = layers.find((l) => l.id === 'items')!.items.flatMap((i) => i.shapes).filter((s) => s.type === 'rect' && s.fill === '#9aa7b8');
    expect(rects).toHaveLength(0);
  });

  it('colours bars by RAG or stage and writes readable text on them', () => {
    expect(barColour('rag', 'R', 'idea')).toBe(RAG_COLOURS.R);
    expect(barColour('rag', null, 'idea')).toBe(RAG_COLOURS.none);
    expect(barColour('stage', 'R', 'on-hold')).toBe(STAGE_COLOURS['on-hold']);
    expect(textOn('#2456a6')).toBe('#ffffff');
    expect(textOn('#e8a317')).toBe('#1c2430');
  });

  it('outlines the row the keyboard is on, over the labels and the dates, and nothing else', () => {
    const f = frame(28);
    const row = f.labels[3]!;
    const layers = drawFrame(f, { colourBy: 'rag', selected: null, focusedRow: row.index });
    const focus = layers.find((l) => l.id === 'focus');
    const rect = focus?.items[0]?.shapes[0];
    expect(rect).toMatchObject({ type: 'rect', x: 1, w: 998, stroke: expect.any(String) });
    expect(rect && rect.type === 'rect' && rect.y >= row.y && rect.y + rect.h <= row.y + row.h).toBe(true);
    expect(drawFrame(f, { colourBy: 'rag', selected: null, focusedRow: null }).some((l) => l.id === 'focus')).toBe(false);
    // A row scrolled away has no outline.
    expect(drawFrame(f, { colourBy: 'rag', selected: null, focusedRow: f.last + 50 }).some((l) => l.id === 'focus')).toBe(false);
  });

  it('adds a title and a legend to exports', () => {
    const f = frame(28, { top: 64, bottom: 80 });
    const legend = legendEntries('stage', { showBaseline: true, showMilestones: true, showDependencies: true, critical: true, mode: 'timeline' });
    const layers = drawFrame(f, { colourBy: 'stage', selected: null, title: { title: 'Northwind — Roadmap', subtitle: 'Timeline · grouped by Programme', date: '21 Nov 2026' }, legend });
    expect(layers.at(-1)!.id).toBe('chrome');
    expect(texts(layers)).toEqual(expect.arrayContaining(['Northwind — Roadmap', '21 Nov 2026', 'In progress', 'Critical path', 'Broken dependency']));
  });
});

describe('legend', () => {
  it('follows what is shown', () => {
    const rag = legendEntries('rag', { showBaseline: false, showMilestones: false, showDependencies: false, critical: false, mode: 'timeline' }).map((e) => e.label);
    expect(rag).toEqual(['Red', 'Amber', 'Green', 'No RAG', 'Today']);
    const ms = legendEntries('rag', { showBaseline: true, showMilestones: false, showDependencies: false, critical: false, mode: 'milestones' }).map((e) => e.label);
    expect(ms).toEqual(['Milestone', 'Done', 'Overdue', 'Baseline date', 'Today']);
  });
});

describe('legend band', () => {
  it('wraps onto more lines when the page is narrow', () => {
    const entries = legendEntries('stage', { showBaseline: true, showMilestones: true, showDependencies: true, critical: true, mode: 'timeline' });
    const wide = legendLayout(entries, 4000, 1);
    const narrow = legendLayout(entries, 600, 1);
    expect(new Set(wide.items.map((i) => i.y)).size).toBe(1);
    expect(new Set(narrow.items.map((i) => i.y)).size).toBeGreaterThan(2);
    expect(narrow.height).toBeGreaterThan(wide.height);
    expect(Math.max(...narrow.items.map((i) => i.x))).toBeLessThan(600);
  });
});

describe('percent label placement', () => {
  it('finds room between milestone diamonds, or none', () => {
    expect(labelSlot(0, 200, 30, [])).toBe(4);
    expect(labelSlot(0, 200, 30, [{ x: 10, r: 6 }])).toBe(20);
    expect(labelSlot(0, 60, 30, [{ x: 10, r: 6 }, { x: 45, r: 6 }])).toBeNull();
  });
});

describe('milestone labels', () => {
  it('stop before the next diamond on the row, and are left out where there is no room', () => {
    // Row 0: diamonds at 100, 130 and 400 (radius 6); row 1: one at 110.
    const room = milestoneLabelRoom(
      [
        { index: 0, x: 400, r: 6 },
        { index: 0, x: 100, r: 6 },
        { index: 1, x: 110, r: 6 },
        { index: 0, x: 130, r: 6 },
        { index: 0, x: 401, r: 6 },
      ],
      4,
      160,
      24,
    );
    // 130 − 6 − 4 − (100 + 6 + 4) = 10: too little, hidden; 400 − 6 − 4 − 140 = 250 → 160 at most;
    // the milestone at 400 has the one at 401 on its right; the last on each row has the full width.
    expect(room).toEqual([null, null, 160, 160, 160]);
  });

  it('never overlap in "Milestones only" when two milestones are days apart', () => {
    const p = makeProject({ id: 'p', code: 'P-1', name: 'Close milestones', start: TODAY, finish: addDays(TODAY, 80) });
    const ms = [
      makeMilestone({ id: 'a', projectId: 'p', name: 'Design sign-off with the steering group', forecastDate: addDays(TODAY, 10) }),
      makeMilestone({ id: 'b', projectId: 'p', name: 'Build starts after the review', forecastDate: addDays(TODAY, 20) }),
      makeMilestone({ id: 'c', projectId: 'p', name: 'Pilot', forecastDate: addDays(TODAY, 21) }),
    ];
    const l = layoutOf([p], ms, { mode: 'milestones' });
    const geometry: Geometry = { width: 1000, height: 600, labelWidth: 240, axisHeight: 44, top: 0, bottom: 0, scale: 1 };
    const v = createViewport({ width: 760, height: 556, startDay: TODAY_DAY - 14, pxPerDay: 7, rowHeight: 28 });
    const f = computeFrame(l, null, v, geometry, { ...o, mode: 'milestones' }, axis);
    const drawn = drawFrame(f, { colourBy: 'rag', selected: null }).flatMap((x) => x.items).filter((i) => i.key.startsWith('ms:'));
    const spans = f.milestones.map((m) => {
      const t = drawn.find((i) => i.key.startsWith(`ms:${m.id}:`))!.shapes.find((s) => s.type === 'text') as Extract<Shape, { type: 'text' }> | undefined;
      return { m, t };
    });
    expect(spans).toHaveLength(3);
    const byX = [...spans].sort((a, b) => a.m.x - b.m.x);
    for (let k = 0; k + 1 < byX.length; k++) {
      const { m, t } = byX[k]!;
      const next = byX[k + 1]!.m;
      if (t) expect(t.x + (t.maxWidth ?? Infinity)).toBeLessThanOrEqual(next.x - next.r);
      else expect(next.x - next.r - (m.x + m.r)).toBeLessThan(40);
    }
    // The first has room for a shortened label; the last, nothing to its right, its whole name.
    expect(byX[0]!.t).toBeDefined();
    expect(byX[2]!.t?.text).toBe('Pilot');
  });
});
