// A frame turned into shapes: grid and stripes, bars with progress and baseline ghosts,
// milestones with their slip, dependency arrows, the today line, the label column and the
// two-tier axis, plus a title and a legend for exports. Colours are the app's own (RAG, stage).
import { STAGES, STAGE_LABELS, type Rag, type Stage } from '../model/schemas';
import type { Frame, FrameArrow } from './frame';
import { bodyRect } from './frame';
import type { Shape, ShapeItem, ShapeLayer } from './shapes';

export type ColourBy = 'rag' | 'stage';

// The app's RAG fills (renderer/styles/app.css): white percent labels ≥ 4.5:1 on red and green.
export const RAG_COLOURS: Record<'R' | 'A' | 'G' | 'none', string> = { R: '#c53030', A: '#e8a317', G: '#23824f', none: '#8c99ab' };
export const RAG_NAMES: Record<'R' | 'A' | 'G' | 'none', string> = { R: 'Red', A: 'Amber', G: 'Green', none: 'No RAG' };
export const STAGE_COLOURS: Record<Stage, string> = {
  idea: '#b4bfcd',
  proposed: '#8fa3e0',
  approved: '#5b86d6',
  'in-progress': '#2456a6',
  'on-hold': '#c98a1b',
  closed: '#6b7a90',
  cancelled: '#cfd6df',
};
export const COLOURS = {
  ink: '#1c2430',
  muted: '#5d6b7e',
  line: '#dde3ea',
  gridMinor: '#eef1f5',
  gridMajor: '#d3dae4',
  stripe: '#f8fafc',
  lane: '#e9eef5',
  axis: '#f6f8fb',
  today: '#d64545',
  critical: '#c62828',
  broken: '#7b1fa2',
  arrow: '#7d8a9c',
  baseline: '#9aa7b8',
  milestone: '#1f3a5f',
  done: '#2f9e62',
  overdue: '#c53030', // also an overdue milestone's label: 5.5:1 on white (was #d64545, 4.4:1)
  selected: '#e3ecfb',
  focus: '#2456a6',
  late: '#d64545',
  early: '#2f9e62',
};

export function barColour(colourBy: ColourBy, rag: Rag, stage: Stage): string {
  return colourBy === 'rag' ? RAG_COLOURS[rag ?? 'none'] : STAGE_COLOURS[stage];
}

/** Dark text on light fills, white on dark ones. */
export function textOn(fill: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (!m) return '#ffffff';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h!, 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return lum > 0.35 ? COLOURS.ink : '#ffffff';
}

export interface LegendEntry {
  key: string;
  label: string;
  kind: 'bar' | 'diamond' | 'line' | 'ghost' | 'hollow';
  colour: string;
  dashed?: boolean;
}

/** What the colours and marks mean, for the legend on screen and in exports. */
export function legendEntries(colourBy: ColourBy, o: { showBaseline: boolean; showMilestones: boolean; showDependencies: boolean; critical: boolean; mode: 'timeline' | 'milestones' }): LegendEntry[] {
  const out: LegendEntry[] = [];
  if (o.mode === 'timeline') {
    if (colourBy === 'rag') for (const k of ['R', 'A', 'G', 'none'] as const) out.push({ key: `rag-${k}`, label: RAG_NAMES[k], kind: 'bar', colour: RAG_COLOURS[k] });
    else for (const s of STAGES) out.push({ key: `stage-${s}`, label: STAGE_LABELS[s], kind: 'bar', colour: STAGE_COLOURS[s] });
    if (o.showBaseline) out.push({ key: 'baseline', label: 'Baseline', kind: 'ghost', colour: COLOURS.baseline });
  }
  if (o.showMilestones || o.mode === 'milestones') {
    out.push({ key: 'ms-open', label: 'Milestone', kind: 'diamond', colour: COLOURS.milestone });
    out.push({ key: 'ms-done', label: 'Done', kind: 'diamond', colour: COLOURS.done });
    out.push({ key: 'ms-overdue', label: 'Overdue', kind: 'diamond', colour: COLOURS.overdue });
    out.push({ key: 'ms-baseline', label: 'Baseline date', kind: 'hollow', colour: COLOURS.baseline });
  }
  out.push({ key: 'today', label: 'Today', kind: 'line', colour: COLOURS.today });
  if (o.showDependencies) out.push({ key: 'dep', label: 'Dependency', kind: 'line', colour: COLOURS.arrow });
  if (o.showDependencies) out.push({ key: 'broken', label: 'Broken dependency', kind: 'line', colour: COLOURS.broken, dashed: true });
  if (o.critical) out.push({ key: 'critical', label: 'Critical path', kind: 'line', colour: COLOURS.critical });
  return out;
}

export interface DrawStyle {
  colourBy: ColourBy;
  /** The project whose details are open: its row is highlighted. */
  selected: string | null;
  /** The row the keyboard is on: outlined across the labels and the dates. */
  focusedRow?: number | null;
  /** Exports: a title band and a legend band. */
  title?: { title: string; subtitle: string; date: string };
  legend?: LegendEntry[];
}

const diamond = (x: number, y: number, r: number): [number, number][] => [
  [x, y - r],
  [x + r, y],
  [x, y + r],
  [x - r, y],
];

function arrowShapes(a: FrameArrow, s: number, text: boolean, left: number): Shape[] {
  const colour = a.violated ? COLOURS.broken : a.critical ? COLOURS.critical : COLOURS.arrow;
  const width = (a.violated || a.critical ? 1.8 : 1.1) * s;
  const [tx, ty] = a.points[a.points.length - 1]!;
  const head = 5 * s;
  const shapes: Shape[] = [{ type: 'polyline', points: a.points, stroke: colour, lineWidth: width, ...(a.violated ? { dash: [4 * s, 3 * s] } : {}) }];
  if (a.head) shapes.push({ type: 'polygon', points: [[tx, ty], [tx - a.dir * head, ty - head * 0.6], [tx - a.dir * head, ty + head * 0.6]], fill: colour });
  if (text && a.lagDays !== 0 && a.points.length >= 3 && a.points[1]![0] >= left) {
    // The lag beside the link's first bend: "+30d", or "−5d" for a lead.
    const [bx, by] = a.points[1]!;
    const [, cy] = a.points[2]!;
    const label = a.lagDays > 0 ? `+${a.lagDays}d` : `−${-a.lagDays}d`;
    shapes.push({ type: 'text', x: bx + 3 * s, y: by + (cy - by) / 2, text: label, fill: colour, size: 9.5 * s, baseline: 'middle', background: 'rgba(255,255,255,0.85)' });
  }
  return shapes;
}

/** Where a label of width w fits on a bar between its milestones' diamonds, or null. */
export function labelSlot(x0: number, x1: number, w: number, obstacles: readonly { x: number; r: number }[]): number | null {
  const blocked = obstacles.map((o) => [o.x - o.r - 2, o.x + o.r + 2] as const).sort((a, b) => a[0] - b[0]);
  let from = x0 + 4;
  for (const [a, b] of blocked) {
    if (a - from >= w) return from;
    from = Math.max(from, b + 2);
  }
  return x1 - 4 - from >= w ? from : null;
}

/** Width of a text at a size, roughly, for deciding what fits (the renderer truncates exactly). */
export function textWidth(text: string, size: number): number {
  return text.length * size * 0.55;
}

/**
 * How wide each milestone's label may be: it is drawn to the right of its diamond, `gap` after
 * it, and must stop `gap` before the next diamond on the same row (two milestones a few days
 * apart in "Milestones only" overlapped), at most `max`. A label with less than `min` is not
 * drawn (null): the hover card and the side list name the milestone.
 */
export function milestoneLabelRoom(ms: readonly { index: number; x: number; r: number }[], gap: number, max: number, min: number): (number | null)[] {
  const order = ms.map((_, i) => i).sort((a, b) => ms[a]!.index - ms[b]!.index || ms[a]!.x - ms[b]!.x || a - b);
  const out = new Array<number | null>(ms.length).fill(null);
  order.forEach((i, k) => {
    const m = ms[i]!;
    const next = ms[order[k + 1] ?? -1];
    const start = m.x + m.r + gap;
    const room = next && next.index === m.index ? Math.min(max, next.x - next.r - gap - start) : max;
    out[i] = room >= min ? room : null;
  });
  return out;
}

export function drawFrame(f: Frame, style: DrawStyle): ShapeLayer[] {
  const g = f.geometry;
  const s = g.scale;
  const body = bodyRect(g);
  const v = f.viewport;
  const fs = (n: number) => n * s;

  // 1. Grid: stripes and period lines.
  const grid: ShapeItem[] = [];
  const gridShapes: Shape[] = [{ type: 'rect', x: body.x, y: body.y, w: body.width, h: body.height, fill: '#ffffff' }];
  for (const l of f.labels) {
    if (style.selected === l.row.project.id) gridShapes.push({ type: 'rect', x: 0, y: l.y, w: g.width, h: l.h, fill: COLOURS.selected });
    else if (l.index % 2 === 1) gridShapes.push({ type: 'rect', x: body.x, y: l.y, w: body.width, h: l.h, fill: COLOURS.stripe });
  }
  for (const l of f.lanes) gridShapes.push({ type: 'rect', x: body.x, y: l.y, w: body.width, h: l.h, fill: COLOURS.lane });
  const bottom = body.y + Math.min(body.height, (f.last + 1) * v.rowHeight - v.scrollTop);
  for (const t of f.ticks.minor) {
    const x = body.x + (t.day - v.startDay) * v.pxPerDay;
    if (x > body.x && x < g.width) gridShapes.push({ type: 'line', x1: x, y1: body.y, x2: x, y2: Math.max(bottom, body.y), stroke: COLOURS.gridMinor, lineWidth: 1 });
  }
  for (const t of f.ticks.major) {
    const x = body.x + (t.day - v.startDay) * v.pxPerDay;
    if (x > body.x && x < g.width) gridShapes.push({ type: 'line', x1: x, y1: body.y, x2: x, y2: Math.max(bottom, body.y), stroke: COLOURS.gridMajor, lineWidth: 1 });
  }
  grid.push({ key: 'grid', shapes: gridShapes });

  // 2. Lanes' summary bars, project bars with progress, baselines, milestones.
  const items: ShapeItem[] = [];
  const barText: ShapeItem[] = [];
  const marks = new Map<number, { x: number; r: number }[]>();
  for (const m of f.milestones) {
    const list = marks.get(m.index);
    if (list) list.push(m);
    else marks.set(m.index, [m]);
  }
  for (const l of f.lanes) {
    if (!l.span) continue;
    const y = l.y + l.h / 2;
    items.push({ key: `lane:${l.lane.rowId}`, shapes: [{ type: 'rect', x: l.span.x0, y: y - fs(2), w: Math.max(1, l.span.x1 - l.span.x0), h: fs(4), fill: COLOURS.muted, radius: fs(2), opacity: 0.75 }] });
  }
  for (const b of f.bars) {
    const p = b.row.project;
    const fill = barColour(style.colourBy, p.rag.overall, p.stage);
    const shapes: Shape[] = [];
    const w = b.x1 - b.x0;
    if (b.ghost) shapes.push({ type: 'rect', x: b.ghost.x0, y: b.barY, w: Math.max(1, b.ghost.x1 - b.ghost.x0), h: b.barH, stroke: COLOURS.muted, lineWidth: 1, dash: [3, 3], fill: 'rgba(140,153,171,0.15)' });
    if (b.baseline) shapes.push({ type: 'rect', x: b.baseline.x0, y: b.baseline.y, w: Math.max(1, b.baseline.x1 - b.baseline.x0), h: b.baseline.h, fill: COLOURS.baseline, opacity: 0.85 });
    const radius = b.barH >= 8 ? fs(3) : 0;
    shapes.push({ type: 'rect', x: b.x0, y: b.barY, w, h: b.barH, fill, radius, ...(b.moving ? { opacity: 0.85 } : {}) });
    const pct = p.percentComplete;
    if (pct !== null && pct > 0 && b.barH >= 4) {
      // The done part, darker: the bar is drawn clamped, so the share comes from the real span.
      const start = b.row.startDay;
      const finish = b.row.finishDay;
      if (start !== null && finish !== null && !b.moving) {
        const realX0 = body.x + (start - v.startDay) * v.pxPerDay;
        const realW = (finish + 1 - start) * v.pxPerDay;
        const doneX1 = Math.min(b.x1, realX0 + (realW * Math.min(100, pct)) / 100);
        if (doneX1 > b.x0) shapes.push({ type: 'rect', x: b.x0, y: b.barY + b.barH * 0.55, w: doneX1 - b.x0, h: b.barH * 0.45, fill: 'rgba(16,24,40,0.28)' });
      }
      const label = `${Math.round(pct)} %`;
      const tw = textWidth(label, fs(10.5));
      const x = f.lod.percent && w >= tw + fs(10) ? labelSlot(b.x0, b.x1, tw, marks.get(b.index) ?? []) : null;
      if (x !== null) barText.push({ key: `pct:${b.index}`, shapes: [{ type: 'text', x, y: b.barY + b.barH / 2, text: label, fill: textOn(fill), size: fs(10.5), baseline: 'middle', weight: 'bold' }] });
    }
    if (b.critical) shapes.push({ type: 'rect', x: b.x0 - fs(1.5), y: b.barY - fs(1.5), w: w + fs(3), h: b.barH + fs(3), stroke: COLOURS.critical, lineWidth: fs(2), radius });
    if (b.violated) shapes.push({ type: 'rect', x: b.x0 - fs(2.5), y: b.barY - fs(2.5), w: w + fs(5), h: b.barH + fs(5), stroke: COLOURS.broken, lineWidth: fs(1.5), dash: [fs(3), fs(2)], radius });
    items.push({ key: `bar:${b.index}`, shapes });
  }
  const labelRoom = f.lod.milestoneLabels ? milestoneLabelRoom(f.milestones, fs(4), fs(160), fs(24)) : null;
  for (const [i, m] of f.milestones.entries()) {
    const shapes: Shape[] = [];
    if (m.baselineX !== null) {
      const late = m.baselineX < m.x;
      shapes.push({ type: 'line', x1: m.baselineX, y1: m.y, x2: m.x, y2: m.y, stroke: late ? COLOURS.late : COLOURS.early, lineWidth: fs(1.2), ...(late ? {} : { dash: [fs(2), fs(2)] }) });
      shapes.push({ type: 'polygon', points: diamond(m.baselineX, m.y, m.r * 0.7), fill: '#ffffff', stroke: COLOURS.baseline, lineWidth: fs(1.2) });
    }
    const fill = m.done ? COLOURS.done : m.overdue ? COLOURS.overdue : COLOURS.milestone;
    shapes.push({ type: 'polygon', points: diamond(m.x, m.y, m.r), fill, stroke: m.critical ? COLOURS.critical : '#ffffff', lineWidth: m.critical ? fs(2) : fs(1) });
    if (m.done && m.r >= 5) shapes.push({ type: 'polyline', points: [[m.x - m.r * 0.4, m.y], [m.x - m.r * 0.1, m.y + m.r * 0.3], [m.x + m.r * 0.4, m.y - m.r * 0.3]], stroke: '#ffffff', lineWidth: fs(1.4) });
    const room = labelRoom?.[i] ?? null;
    if (room !== null) shapes.push({ type: 'text', x: m.x + m.r + fs(4), y: m.y, text: m.name, fill: m.overdue ? COLOURS.overdue : COLOURS.ink, size: fs(11), baseline: 'middle', maxWidth: room });
    items.push({ key: `ms:${m.id}:${m.index}`, shapes });
  }

  // 3. Arrows.
  const arrows: ShapeItem[] = f.arrows.map((a) => ({ key: `dep:${a.id}`, shapes: arrowShapes(a, s, f.lod.text, body.x) }));

  // 4. Today.
  const overlay: ShapeItem[] = [];
  if (f.todayX !== null) overlay.push({ key: 'today', shapes: [{ type: 'line', x1: f.todayX, y1: body.y, x2: f.todayX, y2: body.y + body.height, stroke: COLOURS.today, lineWidth: fs(1.5) }] });

  // 5. Label column: lanes and project names over an opaque background.
  const labelShapes: Shape[] = [
    { type: 'rect', x: 0, y: body.y, w: body.x, h: body.height, fill: '#ffffff' },
  ];
  for (const l of f.labels) if (style.selected === l.row.project.id) labelShapes.push({ type: 'rect', x: 0, y: l.y, w: body.x, h: l.h, fill: COLOURS.selected });
  for (const l of f.lanes) labelShapes.push({ type: 'rect', x: 0, y: l.y, w: body.x, h: l.h, fill: COLOURS.lane });
  labelShapes.push({ type: 'line', x1: body.x - 0.5, y1: body.y, x2: body.x - 0.5, y2: body.y + body.height, stroke: COLOURS.line, lineWidth: 1 });
  const labels: ShapeItem[] = [{ key: 'label-bg', shapes: labelShapes }];
  const pad = fs(10);
  if (f.lod.text) {
    const size = fs(v.rowHeight >= 22 ? 12.5 : 11.5);
    for (const l of f.lanes) {
      const text = `${l.lane.collapsed ? '▸' : '▾'} ${l.lane.label}`;
      const count = `${l.lane.count}`;
      labels.push({
        key: `lane-label:${l.lane.rowId}`,
        shapes: [
          { type: 'text', x: pad * 0.6, y: l.y + l.h / 2, text, fill: COLOURS.ink, size, weight: 'bold', baseline: 'middle', maxWidth: body.x - pad * 2 - textWidth(count, size) - fs(8) },
          { type: 'text', x: body.x - pad, y: l.y + l.h / 2, text: count, fill: COLOURS.muted, size: fs(11), align: 'right', baseline: 'middle' },
        ],
      });
    }
    const codeW = fs(v.rowHeight >= 22 ? 62 : 56);
    for (const l of f.labels) {
      const p = l.row.project;
      const indent = l.row.lane ? fs(14) : pad * 0.6;
      const y = l.y + l.h / 2;
      const shapes: Shape[] = [
        { type: 'text', x: indent, y, text: p.code, fill: COLOURS.muted, size: fs(11), baseline: 'middle', maxWidth: codeW - fs(4) },
        { type: 'text', x: indent + codeW, y, text: p.name, fill: COLOURS.ink, size, baseline: 'middle', maxWidth: body.x - indent - codeW - pad * 0.6 },
      ];
      if (l.row.startDay === null) shapes.push({ type: 'text', x: body.x + fs(6), y, text: 'No dates: milestones only', fill: COLOURS.muted, size: fs(10.5), baseline: 'middle' });
      labels.push({ key: `label:${l.index}`, shapes });
    }
  }

  // 6. The axis: two tiers, period labels kept in view, today's marker.
  const axisY = g.top;
  const tier = g.axisHeight / 2;
  const axisShapes: Shape[] = [
    { type: 'rect', x: 0, y: axisY, w: g.width, h: g.axisHeight, fill: COLOURS.axis },
    { type: 'line', x1: 0, y1: axisY + g.axisHeight - 0.5, x2: g.width, y2: axisY + g.axisHeight - 0.5, stroke: COLOURS.line, lineWidth: 1 },
  ];
  const axisItems: ShapeItem[] = [{ key: 'axis-bg', shapes: axisShapes }];
  const xOf = (day: number) => body.x + (day - v.startDay) * v.pxPerDay;
  const tierTicks = (ticks: typeof f.ticks.minor, y: number, h: number, bold: boolean, tierKey: string) => {
    const size = fs(bold ? 11.5 : 11);
    const shapes: Shape[] = [];
    const pad = fs(6);
    // One form for the whole tier ("Mar", "Apr", … or "March 2026", …), never a mix: the long
    // form only when every period on screen has room for it.
    const onScreen = ticks.filter((t) => xOf(t.end) > body.x && xOf(t.day) < g.width);
    const useLong = onScreen.length > 0 && onScreen.every((t) => textWidth(t.long, size) <= xOf(t.end) - xOf(t.day) - pad);
    for (const t of onScreen) {
      const x0 = xOf(t.day);
      const x1 = xOf(t.end);
      if (x0 > body.x) shapes.push({ type: 'line', x1: x0, y1: y + (bold ? 0 : h * 0.25), x2: x0, y2: y + h, stroke: COLOURS.gridMajor, lineWidth: 1 });
      // Sticky: the label of a period that began off screen sits at the left edge.
      const left = Math.max(x0, body.x);
      const room = x1 - left - pad;
      const text = useLong && textWidth(t.long, size) <= room ? t.long : t.label;
      if (textWidth(text, size) > room) continue;
      shapes.push({ type: 'text', x: left + fs(4), y: y + h / 2, text, fill: bold ? COLOURS.ink : COLOURS.muted, size, baseline: 'middle', ...(bold ? { weight: 'bold' as const } : {}) });
    }
    axisItems.push({ key: tierKey, shapes });
  };
  if (f.ticks.major.length) {
    tierTicks(f.ticks.major, axisY, tier, true, 'axis-major');
    tierTicks(f.ticks.minor, axisY + tier, tier, false, 'axis-minor');
  } else tierTicks(f.ticks.minor, axisY, g.axisHeight, true, 'axis-minor');
  axisShapes.push({ type: 'rect', x: 0, y: axisY, w: body.x, h: g.axisHeight, fill: COLOURS.axis });
  axisShapes.push({ type: 'line', x1: body.x - 0.5, y1: axisY, x2: body.x - 0.5, y2: axisY + g.axisHeight, stroke: COLOURS.line, lineWidth: 1 });
  if (f.todayX !== null) {
    const tx = f.todayX;
    axisItems.push({
      key: 'axis-today',
      shapes: [
        { type: 'polygon', points: [[tx - fs(5), axisY + g.axisHeight - fs(7)], [tx + fs(5), axisY + g.axisHeight - fs(7)], [tx, axisY + g.axisHeight]], fill: COLOURS.today },
      ],
    });
  }

  const layers: ShapeLayer[] = [
    { id: 'grid', z: 0, items: grid },
    { id: 'items', z: 1, items },
    { id: 'bar-text', z: 2, items: barText },
    { id: 'arrows', z: 3, items: arrows },
    { id: 'overlay', z: 4, items: overlay },
    { id: 'labels', z: 5, items: labels },
    { id: 'axis', z: 6, items: axisItems },
  ];
  if (style.focusedRow != null) {
    const row = f.labels.find((l) => l.index === style.focusedRow) ?? f.lanes.find((l) => l.index === style.focusedRow);
    if (row) {
      const y0 = Math.max(body.y, row.y + fs(1));
      const y1 = Math.min(body.y + body.height, row.y + row.h - fs(1));
      if (y1 > y0) layers.push({ id: 'focus', z: 7, items: [{ key: 'focus', shapes: [{ type: 'rect', x: fs(1), y: y0, w: g.width - fs(2), h: y1 - y0, stroke: COLOURS.focus, lineWidth: fs(2), radius: fs(3) }] }] });
    }
  }
  if (style.title || style.legend) layers.push({ id: 'chrome', z: 8, items: chrome(f, style) });
  return layers;
}

/** Where each legend entry goes in a band `width` wide, wrapping onto more lines; and the band's height. */
export function legendLayout(entries: readonly LegendEntry[], width: number, s: number): { items: { entry: LegendEntry; x: number; y: number }[]; height: number } {
  const pad = 16 * s;
  const line = 22 * s;
  const items: { entry: LegendEntry; x: number; y: number }[] = [];
  let x = pad;
  let y = line / 2 + 7 * s;
  for (const e of entries) {
    const w = 14 * s + 5 * s + textWidth(e.label, 11.5 * s);
    if (x > pad && x + w > width - pad) {
      x = pad;
      y += line;
    }
    items.push({ entry: e, x, y });
    x += w + 16 * s;
  }
  return { items, height: y + line / 2 + 7 * s };
}

/** Title band and legend band of an exported image. */
function chrome(f: Frame, style: DrawStyle): ShapeItem[] {
  const g = f.geometry;
  const s = g.scale;
  const out: ShapeItem[] = [];
  if (style.title && g.top > 0) {
    const pad = 16 * s;
    out.push({
      key: 'title',
      shapes: [
        { type: 'rect', x: 0, y: 0, w: g.width, h: g.top, fill: '#ffffff' },
        { type: 'text', x: pad, y: g.top * 0.38, text: style.title.title, fill: COLOURS.ink, size: 18 * s, weight: 'bold', baseline: 'middle', maxWidth: g.width - pad * 3 - textWidth(style.title.date, 13 * s) },
        { type: 'text', x: g.width - pad, y: g.top * 0.38, text: style.title.date, fill: COLOURS.muted, size: 13 * s, align: 'right', baseline: 'middle' },
        { type: 'text', x: pad, y: g.top * 0.76, text: style.title.subtitle, fill: COLOURS.muted, size: 12 * s, baseline: 'middle', maxWidth: g.width - pad * 2 },
      ],
    });
  }
  if (style.legend && g.bottom > 0) {
    const y0 = g.height - g.bottom;
    const shapes: Shape[] = [
      { type: 'rect', x: 0, y: y0, w: g.width, h: g.bottom, fill: '#ffffff' },
      { type: 'line', x1: 0, y1: y0 + 0.5, x2: g.width, y2: y0 + 0.5, stroke: COLOURS.line, lineWidth: 1 },
    ];
    const size = 11.5 * s;
    const w = 14 * s;
    for (const { entry: e, x, y: ly } of legendLayout(style.legend, g.width, s).items) {
      const y = y0 + ly;
      if (e.kind === 'bar') shapes.push({ type: 'rect', x, y: y - 5 * s, w, h: 10 * s, fill: e.colour, radius: 2 * s });
      else if (e.kind === 'ghost') shapes.push({ type: 'rect', x, y: y - 1.5 * s, w, h: 3 * s, fill: e.colour });
      else if (e.kind === 'diamond') shapes.push({ type: 'polygon', points: diamond(x + w / 2, y, 6 * s), fill: e.colour });
      else if (e.kind === 'hollow') shapes.push({ type: 'polygon', points: diamond(x + w / 2, y, 5 * s), fill: '#ffffff', stroke: e.colour, lineWidth: 1.2 * s });
      else shapes.push({ type: 'line', x1: x, y1: y, x2: x + w, y2: y, stroke: e.colour, lineWidth: 2 * s, ...(e.dashed ? { dash: [3 * s, 2 * s] } : {}) });
      shapes.push({ type: 'text', x: x + w + 5 * s, y, text: e.label, fill: COLOURS.ink, size, baseline: 'middle' });
    }
    out.push({ key: 'legend', shapes });
  }
  return out;
}
