// What the roadmap draws for one viewport: only the rows on screen and, on them, only the bars,
// milestones and dependency arrows that reach into the visible dates. Everything is in canvas
// pixels, so the renderer only turns it into shapes and hit testing needs no renderer at all.
// The work per frame is proportional to what is on screen (rows × their milestones, links
// touching those rows), not to the size of the portfolio.
import type { Dependency } from '../model/schemas';
import type { LaneRow, ProjectRow, RoadmapLayout } from './layout';
import { axisTicks, effectiveScale, type AxisSettings, type AxisTicks, type TimeScale } from './ticks';
import { dayToX, visibleDays, visibleRows, type Viewport } from './viewport';

/** The canvas: a label column on the left, the axis on top, and optional title and legend bands (exports). */
export interface Geometry {
  width: number;
  height: number;
  labelWidth: number;
  axisHeight: number;
  /** Title band above the axis (exports); 0 on screen. */
  top: number;
  /** Legend band under the rows (exports); 0 on screen. */
  bottom: number;
  /** Text and stroke scale: 1 on screen, more for print. */
  scale: number;
}

export function bodyRect(g: Geometry): { x: number; y: number; width: number; height: number } {
  const y = g.top + g.axisHeight;
  return { x: g.labelWidth, y, width: Math.max(1, g.width - g.labelWidth), height: Math.max(1, g.height - y - g.bottom) };
}

// ---------------------------------------------------------------------------------------------
// Links: dependencies whose two ends are on rows, indexed by row so a frame visits only the
// links of the rows it shows.

export interface LinkEnd {
  kind: 'project' | 'milestone';
  id: string;
  projectId: string;
  row: number;
}

export interface Link {
  id: string;
  type: 'FS' | 'SS' | 'FF';
  lagDays: number;
  from: LinkEnd;
  to: LinkEnd;
}

export interface LinkIndex {
  links: Link[];
  /** Link indexes per row (a link is listed at both of its rows). */
  byRow: number[][];
  /** Dependencies not drawn because an end is not on a row (filtered out, collapsed, undated or missing). */
  offRows: number;
}

export function buildLinks(layout: RoadmapLayout, deps: readonly Pick<Dependency, 'id' | 'type' | 'lagDays' | 'predecessorKind' | 'predecessorId' | 'successorKind' | 'successorId'>[]): LinkIndex {
  const byRow: number[][] = Array.from({ length: layout.rows.length }, () => []);
  const links: Link[] = [];
  let offRows = 0;
  const end = (kind: 'project' | 'milestone', id: string): LinkEnd | null => {
    if (kind === 'project') {
      const row = layout.rowOfProject.get(id);
      if (row === undefined) return null;
      const r = layout.rows[row] as ProjectRow;
      return r.startDay === null ? null : { kind, id, projectId: id, row };
    }
    const row = layout.rowOfMilestone.get(id);
    const mark = layout.markOf.get(id);
    return row === undefined || !mark ? null : { kind, id, projectId: mark.projectId, row };
  };
  for (const d of deps) {
    const from = end(d.predecessorKind, d.predecessorId);
    const to = end(d.successorKind, d.successorId);
    if (!from || !to) {
      offRows++;
      continue;
    }
    const i = links.length;
    links.push({ id: d.id, type: d.type ?? 'FS', lagDays: d.lagDays ?? 0, from, to });
    byRow[from.row]!.push(i);
    if (to.row !== from.row) byRow[to.row]!.push(i);
  }
  return { links, byRow, offRows };
}

// ---------------------------------------------------------------------------------------------

/** A project being dragged: where it would go, and what the move would break. */
export interface MovePreview {
  projectId: string;
  startDay: number;
  finishDay: number;
  /** Days its open milestones move with it (0 when only an end is dragged). */
  milestoneShift: number;
}

export interface FrameOptions {
  mode: 'timeline' | 'milestones';
  showMilestones: boolean;
  showDependencies: boolean;
  showBaseline: boolean;
  scale: TimeScale | 'auto';
  today: number;
  /** Node keys ('project:<id>', 'milestone:<id>') on the critical path, when it is shown. */
  critical: ReadonlySet<string> | null;
  criticalEdges: ReadonlySet<string> | null;
  /** Dependencies the plan (or the move being dragged) breaks. */
  violated: ReadonlySet<string>;
  /** Projects at the receiving end of a broken dependency. */
  violatedProjects: ReadonlySet<string>;
  preview: MovePreview | null;
  /** Most arrows drawn in one frame; more than that and they are left out (level of detail). */
  arrowLimit?: number;
}

export interface FrameRow {
  index: number;
  y: number;
  h: number;
}

export interface FrameLane extends FrameRow {
  lane: LaneRow;
  span: { x0: number; x1: number } | null;
}

export interface FrameBar extends FrameRow {
  row: ProjectRow;
  projectId: string;
  x0: number;
  x1: number;
  /** The bar itself, inside the row. */
  barY: number;
  barH: number;
  baseline: { x0: number; x1: number; y: number; h: number } | null;
  critical: boolean;
  violated: boolean;
  moving: boolean;
  /** Where the bar was before the drag. */
  ghost: { x0: number; x1: number } | null;
}

export interface FrameMilestone {
  id: string;
  projectId: string;
  index: number;
  x: number;
  y: number;
  /** Half the diamond's height. */
  r: number;
  baselineX: number | null;
  done: boolean;
  overdue: boolean;
  critical: boolean;
  slip: number | null;
  name: string;
}

export interface FrameArrow {
  id: string;
  /** The route, cut to just past the visible area. */
  points: [number, number][];
  /** Whether the arrowhead (the route's end) is on screen. */
  head: boolean;
  /** Direction the head points: +1 right, −1 left. */
  dir: 1 | -1;
  violated: boolean;
  critical: boolean;
  lagDays: number;
  type: 'FS' | 'SS' | 'FF';
}

export interface FrameLabelRow extends FrameRow {
  row: ProjectRow;
}

export interface Frame {
  geometry: Geometry;
  viewport: Viewport;
  first: number;
  last: number;
  lanes: FrameLane[];
  labels: FrameLabelRow[];
  bars: FrameBar[];
  milestones: FrameMilestone[];
  arrows: FrameArrow[];
  /** Links on screen that were left out at this level of detail. */
  hiddenArrows: number;
  todayX: number | null;
  ticks: AxisTicks;
  lod: { text: boolean; baseline: boolean; percent: boolean; milestoneLabels: boolean };
  options: FrameOptions;
}

/** Bar and milestone placement inside a row of height h. */
export function barBox(h: number): { y: number; h: number; baselineY: number; baselineH: number; r: number } {
  if (h >= 14) {
    const y = Math.round(h * 0.2);
    const bh = Math.round(h * 0.5);
    const baselineH = Math.max(2, Math.round(h * 0.1));
    return { y, h: bh, baselineY: y + bh + 2, baselineH, r: Math.min(7, Math.max(3, bh * 0.55)) };
  }
  const bh = Math.max(1, h - 2);
  return { y: h > 2 ? 1 : 0, h: bh, baselineY: 0, baselineH: 0, r: Math.max(1.5, Math.min(4, bh * 0.6)) };
}

export function computeFrame(layout: RoadmapLayout, links: LinkIndex | null, v: Viewport, g: Geometry, o: FrameOptions, axis: AxisSettings): Frame {
  const body = bodyRect(g);
  const { first, last } = visibleRows(v, layout.rows.length);
  const days = visibleDays(v);
  const box = barBox(v.rowHeight);
  const lod = {
    text: v.rowHeight >= 14,
    baseline: o.showBaseline && v.rowHeight >= 16,
    percent: v.rowHeight >= 18,
    milestoneLabels: o.mode === 'milestones' && v.rowHeight >= 14,
  };
  const X = (day: number) => body.x + dayToX(v, day);
  // Far outside the canvas, shapes only cost: clamp them just past its edges.
  const clampX = (x: number) => Math.max(body.x - 4, Math.min(g.width + 4, x));
  const preview = o.preview;
  const lanes: FrameLane[] = [];
  const labels: FrameLabelRow[] = [];
  const bars: FrameBar[] = [];
  const milestones: FrameMilestone[] = [];
  const critical = o.critical;

  const spanOf = (r: ProjectRow): { start: number; finish: number } | null => {
    if (preview && preview.projectId === r.project.id) return { start: preview.startDay, finish: preview.finishDay };
    return r.startDay === null || r.finishDay === null ? null : { start: r.startDay, finish: r.finishDay };
  };
  const milestoneDay = (projectId: string, day: number, done: boolean) => (preview && !done && preview.projectId === projectId ? day + preview.milestoneShift : day);

  for (let i = first; i <= last; i++) {
    const row = layout.rows[i]!;
    const y = body.y + i * v.rowHeight - v.scrollTop;
    const h = v.rowHeight;
    if (row.kind === 'lane') {
      const s = row.span;
      lanes.push({ index: i, y, h, lane: row, span: s && o.mode === 'timeline' && s.to + 1 >= days.from && s.from <= days.to ? { x0: clampX(X(s.from)), x1: clampX(X(s.to + 1)) } : null });
      continue;
    }
    labels.push({ index: i, y, h, row });
    const span = spanOf(row);
    const pid = row.project.id;
    if (span && o.mode === 'timeline' && span.finish + 1 >= days.from && span.start <= days.to) {
      const x0 = X(span.start);
      const x1 = Math.max(x0 + 1, X(span.finish + 1));
      let baseline: FrameBar['baseline'] = null;
      if (lod.baseline && row.baselineStartDay !== null && row.baselineFinishDay !== null && row.baselineFinishDay + 1 >= days.from && row.baselineStartDay <= days.to) {
        const b0 = X(row.baselineStartDay);
        baseline = { x0: clampX(b0), x1: clampX(Math.max(b0 + 1, X(row.baselineFinishDay + 1))), y: y + box.baselineY, h: box.baselineH };
      }
      const moving = !!preview && preview.projectId === pid;
      let ghost: FrameBar['ghost'] = null;
      if (moving && row.startDay !== null && row.finishDay !== null) ghost = { x0: clampX(X(row.startDay)), x1: clampX(Math.max(X(row.startDay) + 1, X(row.finishDay + 1))) };
      bars.push({
        index: i,
        y,
        h,
        row,
        projectId: pid,
        x0: clampX(x0),
        x1: clampX(x1),
        barY: y + box.y,
        barH: box.h,
        baseline,
        critical: !!critical?.has(`project:${pid}`),
        violated: o.violatedProjects.has(pid),
        moving,
        ghost,
      });
    }
    if (o.showMilestones || o.mode === 'milestones') {
      for (const m of row.milestones) {
        const day = milestoneDay(pid, m.day, m.done);
        const inView = day + 1 >= days.from && day <= days.to;
        const baseInView = m.baselineDay !== null && m.baselineDay + 1 >= days.from && m.baselineDay <= days.to;
        if (!inView && !baseInView) continue;
        milestones.push({
          id: m.id,
          projectId: pid,
          index: i,
          x: X(day + 0.5),
          y: y + box.y + box.h / 2,
          r: box.r,
          baselineX: m.baselineDay !== null && m.baselineDay !== day ? Math.max(body.x - 20, Math.min(g.width + 20, X(m.baselineDay + 0.5))) : null,
          done: m.done,
          overdue: m.overdue,
          critical: !!critical?.has(`milestone:${m.id}`),
          slip: m.slip,
          name: m.name,
        });
      }
    }
  }

  // Arrows: links with an end on a visible row.
  const arrows: FrameArrow[] = [];
  let hiddenArrows = 0;
  if (links && o.showDependencies && last >= first) {
    const limit = o.arrowLimit ?? (v.rowHeight < 12 ? 100 : 300);
    const seen = new Set<number>();
    const endX = (e: LinkEnd, side: 'start' | 'finish'): number | null => {
      if (e.kind === 'milestone') {
        const m = layout.markOf.get(e.id);
        return m ? X(milestoneDay(e.projectId, m.day, m.done) + 0.5) : null;
      }
      const s = spanOf(layout.rows[e.row] as ProjectRow);
      if (!s) return null;
      return side === 'start' ? X(s.start) : X(s.finish + 1);
    };
    const midY = (row: number) => body.y + row * v.rowHeight - v.scrollTop + box.y + box.h / 2;
    const candidates: number[] = [];
    for (let i = first; i <= last; i++) {
      for (const k of links.byRow[i] ?? []) {
        if (seen.has(k)) continue;
        seen.add(k);
        candidates.push(k);
      }
    }
    const drawn: FrameArrow[] = [];
    // Links reach rows far off screen (thousands of rows away): their routes are cut just past
    // the visible area, or the renderer rasterises paths hundreds of thousands of pixels long.
    const clip = { x0: body.x - 30, x1: g.width + 30, y0: body.y - 30, y1: body.y + body.height + 30 };
    for (const k of candidates) {
      const l = links.links[k]!;
      // The milestone view draws no bars, so only links between milestones have ends to show.
      if (o.mode === 'milestones' && (l.from.kind === 'project' || l.to.kind === 'project')) continue;
      const fromSide = l.type === 'SS' ? 'start' : 'finish';
      const toSide = l.type === 'FF' ? 'finish' : 'start';
      const x1 = endX(l.from, fromSide);
      const x2 = endX(l.to, toSide);
      if (x1 === null || x2 === null) continue;
      if (Math.max(x1, x2) < body.x - 20 || Math.min(x1, x2) > g.width + 20) continue;
      const exit = l.from.kind === 'milestone' ? 1 : fromSide === 'finish' ? 1 : -1;
      const enter = l.to.kind === 'milestone' ? 1 : toSide === 'start' ? 1 : -1;
      const points = route(x1, midY(l.from.row), exit, x2, midY(l.to.row), enter, v.rowHeight, l.from.kind === 'milestone' ? box.r : 0, l.to.kind === 'milestone' ? box.r : 0);
      const [hx, hy] = points[points.length - 1]!;
      drawn.push({
        id: l.id,
        points: clipRoute(points, clip),
        head: hx >= clip.x0 && hx <= clip.x1 && hy >= clip.y0 && hy <= clip.y1,
        dir: enter === 1 ? 1 : -1,
        violated: o.violated.has(l.id),
        critical: !!o.criticalEdges?.has(l.id),
        lagDays: l.lagDays,
        type: l.type,
      });
    }
    // Level of detail: a thicket of arrows says nothing; the broken and critical ones still do.
    if (drawn.length > limit) {
      const important = drawn.filter((a) => a.violated || a.critical);
      const kept = important.length <= limit ? important : [];
      hiddenArrows = drawn.length - kept.length;
      arrows.push(...kept);
    } else arrows.push(...drawn);
  }

  const todayX = o.today + 1 >= days.from && o.today <= days.to ? body.x + dayToX(v, o.today + 0.5) : null;
  // Periods must fit their labels at the text size in use (print images use larger text).
  const scale = effectiveScale(o.scale, v.pxPerDay / g.scale);
  return {
    geometry: g,
    viewport: v,
    first,
    last,
    lanes,
    labels,
    bars,
    milestones,
    arrows,
    hiddenArrows,
    todayX,
    ticks: axisTicks(days.from, days.to, scale, axis),
    lod,
    options: o,
  };
}

/**
 * An elbow path from (x1, y1), leaving rightwards (exit 1) or leftwards (−1), to (x2, y2),
 * arriving from the left (enter 1, the head points right) or from the right (−1). A milestone
 * end is a diamond of half-width r1 / r2: the path starts and stops at its tip.
 */
export function route(x1: number, y1: number, exit: number, x2: number, y2: number, enter: number, rowHeight: number, r1 = 0, r2 = 0): [number, number][] {
  const stub = 8;
  const sx = x1 + exit * r1;
  const tx = x2 - enter * r2;
  const a = sx + exit * stub;
  const b = tx - enter * stub;
  let turn: number | null;
  if (exit !== enter) turn = exit === -1 ? Math.min(a, b) : Math.max(a, b);
  else turn = exit === 1 ? (a <= b ? a : null) : a >= b ? a : null;
  if (turn !== null && y1 !== y2) return [[sx, y1], [turn, y1], [turn, y2], [tx, y2]];
  if (y1 === y2 && (enter === 1 ? tx >= sx : tx <= sx)) return [[sx, y1], [tx, y2]];
  // Back around: along the gap between the rows, then in.
  const mid = y2 === y1 ? y1 + rowHeight / 2 : y1 + Math.sign(y2 - y1) * (rowHeight / 2);
  return [[sx, y1], [a, y1], [a, mid], [b, mid], [b, y2], [tx, y2]];
}

/**
 * An elbow route cut to a rectangle. Its segments are horizontal or vertical, so clamping each
 * point keeps them so: a part outside collapses onto the rectangle's edge, which is off screen
 * or under the axis and the label column.
 */
export function clipRoute(points: [number, number][], c: { x0: number; x1: number; y0: number; y1: number }): [number, number][] {
  const out: [number, number][] = [];
  for (const [x, y] of points) {
    const p: [number, number] = [Math.min(c.x1, Math.max(c.x0, x)), Math.min(c.y1, Math.max(c.y0, y))];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

export type Hit =
  | { kind: 'bar'; projectId: string; part: 'start' | 'finish' | 'move'; index: number }
  | { kind: 'milestone'; milestoneId: string; projectId: string; index: number }
  | { kind: 'lane'; rowId: string; index: number }
  | { kind: 'label'; projectId: string; index: number };

/** A bar under a point: its ends (grips a few pixels wide, for changing a date) or its body. */
export function barAt(frame: Frame, x: number, y: number): Extract<Hit, { kind: 'bar' }> | null {
  for (const b of frame.bars) {
    if (y < b.y || y >= b.y + b.h) continue;
    // The whole row height counts, so thin bars are easy to catch.
    const grip = b.x1 - b.x0 >= 24 ? 6 : b.x1 - b.x0 >= 10 ? 3 : 0;
    if (x < b.x0 - grip || x > b.x1 + grip) continue;
    if (grip && x <= b.x0 + grip) return { kind: 'bar', projectId: b.projectId, part: 'start', index: b.index };
    if (grip && x >= b.x1 - grip) return { kind: 'bar', projectId: b.projectId, part: 'finish', index: b.index };
    return { kind: 'bar', projectId: b.projectId, part: 'move', index: b.index };
  }
  return null;
}

/**
 * What is under a canvas point: a bar's end grip first (so a milestone on a project's finish
 * never hides the grip that changes it), then a milestone (drawn on top), then a bar's body,
 * then a row's label or lane header.
 */
export function hitTest(frame: Frame, x: number, y: number): Hit | null {
  const g = frame.geometry;
  const body = bodyRect(g);
  if (y < body.y || y >= body.y + body.height || x < 0 || x >= g.width) return null;
  if (x < body.x) {
    for (const l of frame.lanes) if (y >= l.y && y < l.y + l.h) return { kind: 'lane', rowId: l.lane.rowId, index: l.index };
    for (const l of frame.labels) if (y >= l.y && y < l.y + l.h) return { kind: 'label', projectId: l.row.project.id, index: l.index };
    return null;
  }
  const bar = barAt(frame, x, y);
  if (bar && bar.part !== 'move') return bar;
  for (let k = frame.milestones.length - 1; k >= 0; k--) {
    const m = frame.milestones[k]!;
    const r = Math.max(m.r, 4) + 2;
    if (Math.abs(x - m.x) + Math.abs(y - m.y) <= r * 1.2) return { kind: 'milestone', milestoneId: m.id, projectId: m.projectId, index: m.index };
  }
  if (bar) return bar;
  for (const l of frame.lanes) if (y >= l.y && y < l.y + l.h) return { kind: 'lane', rowId: l.lane.rowId, index: l.index };
  return null;
}

/** The canvas rectangle of a project's bar in a frame, or null when it is not drawn. */
export function barRectOf(frame: Frame, projectId: string): { x: number; y: number; width: number; height: number } | null {
  const b = frame.bars.find((x) => x.projectId === projectId);
  return b ? { x: b.x0, y: b.barY, width: b.x1 - b.x0, height: b.barH } : null;
}

export type { AxisSettings };
