// The capacity heat map as shapes (shared/roadmap/shapes): a frozen header of periods, a frozen
// column of row names, and one cell per row and period coloured by utilisation. Only the rows and
// periods inside the viewport are turned into shapes, so 2,000 people cost no more than 20.
// The colour scale is colour-blind safe (light → blue up to 100 %, orange → brown above), and
// over-allocated cells also get a dark outline and a corner mark, so they never depend on hue.
import type { ShapeItem, ShapeLayer, Shape } from '../../../shared/roadmap/shapes';

export const LABEL_W = 200;
export const HEADER_H = 40;
export const TITLE_H = 54;
export const LEGEND_H = 34;

export interface HeatRow {
  key: string;
  label: string;
  kind: 'person' | 'role' | 'team';
  depth: 0 | 1;
  expandable: boolean;
  expanded: boolean;
  capacity: Float64Array;
  demand: Float64Array;
  /** Tentative demand shown apart (zero when it is included in or excluded from demand). */
  apart: Float64Array | null;
  /** What-if against today's plan, per period (null when no what-if changes): 'better' / 'worse' cells get a marked corner. */
  whatIf?: readonly ('better' | 'worse' | 'same')[] | null;
}

export interface HeatGrid {
  rows: HeatRow[];
  labels: string[];
  /** A second, smaller header line (the year, or the month of a week). */
  sublabels: string[];
  /** The period holding today, or -1. */
  todayCol: number;
}

export interface HeatViewport {
  width: number;
  height: number;
  scrollLeft: number;
  scrollTop: number;
  colW: number;
  rowH: number;
}

export type Band = 'none' | 'nocap' | 'low' | 'mid' | 'high' | 'over1' | 'over2' | 'over3';

export const BANDS: Record<Band, { fill: string; ink: string; label: string }> = {
  // Each ink ≥ 4.5:1 on its fill (11 px figures): none's grey was 2.3:1, 85–100 % 4.2:1 (Blues 7 instead of 6), 120–150 % 3.7:1 (dark ink instead of white).
  none: { fill: '#f4f5f7', ink: '#5d6b7e', label: 'No capacity, no demand' },
  nocap: { fill: '#4b5563', ink: '#ffffff', label: 'Demand with no capacity' },
  low: { fill: '#e3eef9', ink: '#1f3b5c', label: 'Under 70 %' },
  mid: { fill: '#9ecae1', ink: '#0b2a4a', label: '70–85 %' },
  high: { fill: '#2171b5', ink: '#ffffff', label: '85–100 %' },
  over1: { fill: '#fdae6b', ink: '#3d1a00', label: '100–120 %' },
  over2: { fill: '#e6550d', ink: '#1a0a00', label: '120–150 %' },
  over3: { fill: '#8c2d04', ink: '#ffffff', label: 'Over 150 %' },
};
export const OVER_OUTLINE = '#3d1a00';
/** What-if marks: a glyph as well as a colour, so they never depend on hue. */
export const WHATIF_MARKS = {
  better: { glyph: '▼', color: '#047857', label: 'Better with the what-if (less over-allocated)' },
  worse: { glyph: '▲', color: '#b91c1c', label: 'Worse with the what-if' },
} as const;
const SELECT = '#111827';
const FOCUS = '#2456a6';
const GRID = '#ffffff';
const EPS = 1e-9;

export function bandOf(capacity: number, demand: number): Band {
  if (capacity <= EPS) return demand > EPS ? 'nocap' : 'none';
  const u = demand / capacity;
  if (u > 1.5 + EPS) return 'over3';
  if (u > 1.2 + EPS) return 'over2';
  if (u > 1 + EPS) return 'over1';
  if (u >= 0.85) return 'high';
  if (u >= 0.7) return 'mid';
  return 'low';
}

export const isOver = (b: Band) => b === 'over1' || b === 'over2' || b === 'over3';

/** "112 %": the real figure; never rounded down to 100 % when over, never "∞". */
export function pctText(capacity: number, demand: number): string {
  if (capacity <= EPS) return demand > EPS ? 'no cap.' : '';
  const p = (demand / capacity) * 100;
  const r = Math.round(p);
  if (p > 100 + EPS * 100 && r <= 100) return `${p.toFixed(1)} %`;
  return `${r} %`;
}

export function tentativeText(capacity: number, tentative: number): string {
  if (tentative <= EPS) return '';
  if (capacity <= EPS) return '+tent.';
  return `+${Math.round((tentative / capacity) * 100)} %`;
}

export interface Span {
  first: number;
  last: number;
}

export function visibleSpan(offset: number, size: number, step: number, count: number): Span {
  if (count === 0 || size <= 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(offset / step));
  const last = Math.min(count - 1, Math.floor((offset + size - 1) / step));
  return { first, last };
}

export interface DrawState {
  selected: { key: string; period: number } | null;
  hover: { row: number; col: number } | null;
  /** The keyboard's cell (col −1: the row's name): a solid outline over everything, names included. */
  focus?: { row: number; col: number } | null;
}

export interface Drawn {
  layers: ShapeLayer[];
  rows: Span;
  cols: Span;
  cells: number;
}

/** The layers for the viewport; `top` leaves room above the header (a title in exports). */
export function drawHeatmap(grid: HeatGrid, vp: HeatViewport, state: DrawState, top = 0): Drawn {
  const { colW, rowH } = vp;
  const bodyW = Math.max(0, vp.width - LABEL_W);
  const bodyH = Math.max(0, vp.height - HEADER_H - top);
  const rows = visibleSpan(vp.scrollTop, bodyH, rowH, grid.rows.length);
  const cols = visibleSpan(vp.scrollLeft, bodyW, colW, grid.labels.length);
  const x0 = LABEL_W - vp.scrollLeft;
  const y0 = top + HEADER_H - vp.scrollTop;
  const cells: ShapeItem[] = [];
  const marks: ShapeItem[] = [];
  const showText = colW >= 38 && rowH >= 16;
  const twoLines = rowH >= 32;
  for (let r = rows.first; r <= rows.last; r++) {
    const row = grid.rows[r]!;
    const y = y0 + r * rowH;
    for (let c = cols.first; c <= cols.last; c++) {
      const cap = row.capacity[c] ?? 0;
      const dem = row.demand[c] ?? 0;
      const tent = row.apart ? (row.apart[c] ?? 0) : 0;
      const band = bandOf(cap, dem);
      const x = x0 + c * colW;
      const style = BANDS[band];
      // Always the same three shapes per cell, so a cell that changes is updated in place.
      let line1 = '';
      let line2 = '';
      if (showText) {
        const main = pctText(cap, dem);
        const extra = tentativeText(cap, tent);
        if (extra && twoLines) {
          line1 = main || '0 %';
          line2 = extra;
        } else line1 = extra ? `${main || '0 %'} ${extra}` : main;
      }
      const bold = isOver(band) ? 'bold' : 'normal';
      const shapes: Shape[] = [
        { type: 'rect', x, y, w: colW, h: rowH, fill: style.fill, stroke: GRID, lineWidth: 1 },
        { type: 'text', x: x + colW / 2, y: y + rowH / 2 - (line2 ? 7 : 0), text: line1, fill: style.ink, size: 11, weight: bold, align: 'center', maxWidth: Math.max(1, colW - 4) },
        { type: 'text', x: x + colW / 2, y: y + rowH / 2 + 8, text: line2, fill: style.ink, size: 10, align: 'center', maxWidth: Math.max(1, colW - 4) },
      ];
      cells.push({ key: `${row.key}|${c}`, shapes });
      if (isOver(band)) {
        marks.push({
          key: `o|${row.key}|${c}`,
          shapes: [
            { type: 'rect', x: x + 1.5, y: y + 1.5, w: colW - 3, h: rowH - 3, stroke: OVER_OUTLINE, lineWidth: 2 },
            { type: 'polygon', points: [[x + colW - 9, y + 1.5], [x + colW - 1.5, y + 1.5], [x + colW - 1.5, y + 9]], fill: OVER_OUTLINE },
          ],
        });
      }
      const v = row.whatIf?.[c];
      if (v === 'better' || v === 'worse') {
        const m = WHATIF_MARKS[v];
        marks.push({
          key: `w|${row.key}|${c}`,
          shapes: [
            { type: 'rect', x: x + 2, y: y + rowH - 13, w: 12, h: 11, fill: '#ffffff', stroke: m.color, lineWidth: 1.5 },
            { type: 'text', x: x + 8, y: y + rowH - 7.5, text: m.glyph, fill: m.color, size: 8, weight: 'bold', align: 'center' },
          ],
        });
      }
    }
  }
  const sel = state.selected;
  if (sel) {
    const r = grid.rows.findIndex((x) => x.key === sel.key);
    if (r >= rows.first && r <= rows.last && sel.period >= cols.first && sel.period <= cols.last) {
      marks.push({ key: 'selected', shapes: [{ type: 'rect', x: x0 + sel.period * colW - 1, y: y0 + r * rowH - 1, w: colW + 2, h: rowH + 2, stroke: SELECT, lineWidth: 3 }] });
    }
  }
  const hv = state.hover;
  if (hv && hv.row >= rows.first && hv.row <= rows.last && hv.col >= cols.first && hv.col <= cols.last) {
    marks.push({ key: 'hover', shapes: [{ type: 'rect', x: x0 + hv.col * colW + 0.5, y: y0 + hv.row * rowH + 0.5, w: colW - 1, h: rowH - 1, stroke: SELECT, lineWidth: 1, dash: [3, 2] }] });
  }

  // The frozen header and row names, over the cells that scroll under them.
  const frame: ShapeItem[] = [];
  const header: Shape[] = [
    { type: 'rect', x: 0, y: top, w: vp.width, h: HEADER_H, fill: '#f8fafc' },
    { type: 'line', x1: 0, y1: top + HEADER_H - 0.5, x2: vp.width, y2: top + HEADER_H - 0.5, stroke: '#cbd5e1', lineWidth: 1 },
  ];
  for (let c = cols.first; c <= cols.last; c++) {
    const x = x0 + c * colW;
    const today = c === grid.todayCol;
    if (today) header.push({ type: 'rect', x, y: top, w: colW, h: HEADER_H, fill: '#dbeafe' });
    header.push({ type: 'line', x1: x + 0.5, y1: top + 4, x2: x + 0.5, y2: top + HEADER_H - 1, stroke: '#e2e8f0', lineWidth: 1 });
    header.push({ type: 'text', x: x + colW / 2, y: top + 14, text: grid.labels[c] ?? '', fill: today ? '#1d4ed8' : '#1f2937', size: 11, weight: today ? 'bold' : 'normal', align: 'center', maxWidth: colW - 4 });
    const sub = grid.sublabels[c];
    if (sub) header.push({ type: 'text', x: x + colW / 2, y: top + 29, text: sub, fill: '#6b7280', size: 10, align: 'center', maxWidth: colW - 4 });
  }
  frame.push({ key: 'names', shapes: [{ type: 'rect', x: 0, y: top + HEADER_H, w: LABEL_W, h: Math.max(0, vp.height - top - HEADER_H), fill: '#ffffff' }] });
  for (let r = rows.first; r <= rows.last; r++) {
    const row = grid.rows[r]!;
    const y = y0 + r * rowH;
    const indent = 10 + row.depth * 18;
    const group = row.depth === 0 && row.kind !== 'person';
    frame.push({
      key: `name|${row.key}`,
      shapes: [
        { type: 'rect', x: 0, y, w: LABEL_W - 1, h: rowH, fill: group ? '#f8fafc' : '#ffffff' },
        { type: 'line', x1: 0, y1: y + rowH - 0.5, x2: LABEL_W - 1, y2: y + rowH - 0.5, stroke: '#eef1f5', lineWidth: 1 },
        { type: 'text', x: indent, y: y + rowH / 2, text: row.expandable ? (row.expanded ? '▾' : '▸') : '', fill: '#475569', size: 12 },
        { type: 'text', x: indent + (row.expandable ? 16 : 0), y: y + rowH / 2, text: row.label, fill: '#111827', size: 12, weight: group ? 'bold' : 'normal', maxWidth: LABEL_W - indent - (row.expandable ? 16 : 0) - 8 },
      ],
    });
  }
  frame.push({ key: 'header', shapes: header });
  frame.push({ key: 'divider', shapes: [{ type: 'line', x1: LABEL_W - 0.5, y1: top, x2: LABEL_W - 0.5, y2: vp.height, stroke: '#cbd5e1', lineWidth: 1 }] });
  frame.push({ key: 'corner', shapes: [{ type: 'rect', x: 0, y: top, w: LABEL_W, h: HEADER_H, fill: '#f8fafc' }, { type: 'line', x1: 0, y1: top + HEADER_H - 0.5, x2: LABEL_W, y2: top + HEADER_H - 0.5, stroke: '#cbd5e1', lineWidth: 1 }] });

  const layers: ShapeLayer[] = [
    { id: 'cells', z: 1, items: cells },
    { id: 'marks', z: 2, items: marks },
    { id: 'frame', z: 3, items: frame },
  ];
  const fc = state.focus;
  if (fc && fc.row >= rows.first && fc.row <= rows.last && (fc.col < 0 || (fc.col >= cols.first && fc.col <= cols.last))) {
    const y = y0 + fc.row * rowH;
    const rect = fc.col < 0 ? { x: 1, w: LABEL_W - 3 } : { x: x0 + fc.col * colW + 1, w: colW - 2 };
    // Two strokes, dark inside light, so the outline shows on every colour of the scale.
    layers.push({ id: 'focus', z: 4, items: [{ key: 'focus', shapes: [{ type: 'rect', ...rect, y: y + 1, h: rowH - 2, stroke: '#ffffff', lineWidth: 4 }, { type: 'rect', ...rect, y: y + 1, h: rowH - 2, stroke: FOCUS, lineWidth: 2 }] }] });
  }

  return {
    layers,
    rows,
    cols,
    cells: cells.length,
  };

}

/** A title band and a legend around a drawn heat map, for the PNG export. */
export function exportFrame(title: string, subtitle: string, date: string, width: number, height: number): ShapeLayer {
  const items: ShapeItem[] = [
    {
      key: 'title',
      shapes: [
        { type: 'rect', x: 0, y: 0, w: width, h: TITLE_H, fill: '#ffffff' },
        { type: 'text', x: 12, y: 20, text: title, fill: '#111827', size: 16, weight: 'bold', maxWidth: width - 160 },
        { type: 'text', x: 12, y: 41, text: subtitle, fill: '#4b5563', size: 11, maxWidth: width - 24 },
        { type: 'text', x: width - 12, y: 20, text: date, fill: '#4b5563', size: 11, align: 'right' },
      ],
    },
  ];
  const layout = exportLegend(width);
  const top = height - layout.height;
  const legend: Shape[] = [{ type: 'rect', x: 0, y: top, w: width, h: layout.height, fill: '#ffffff' }];
  for (const it of layout.items) {
    const y = top + LEGEND_PAD + it.line * LEGEND_LINE + LEGEND_LINE / 2;
    if (it.band) legend.push({ type: 'rect', x: it.x, y: y - 6, w: 18, h: 12, fill: BANDS[it.band].fill, stroke: isOver(it.band) ? OVER_OUTLINE : '#cbd5e1', lineWidth: isOver(it.band) ? 2 : 1 });
    legend.push({ type: 'text', x: it.band ? it.x + 24 : it.x, y, text: it.text, fill: it.band ? '#1f2937' : '#4b5563', size: 11 });
  }
  items.push({ key: 'legend', shapes: legend });
  return { id: 'export-frame', z: 4, items };
}

const LEGEND_LINE = 20;
const LEGEND_PAD = 7;
/** Width of 11 px text, a little over the real one (labels must not run into the next swatch). */
const legendTextWidth = (text: string) => text.length * 6.4;

/**
 * The export's legend, wrapped onto as many lines as the image's width needs: on one line, a
 * narrow export cut it off at "100–1…". Every band, then the note on the over-100 % outline.
 * `height` is what the image must leave below the heat map (LEGEND_H for one line).
 */
export function exportLegend(width: number): { height: number; items: { band: Band | null; text: string; x: number; line: number }[] } {
  const entries: { band: Band | null; text: string }[] = [...(Object.keys(BANDS) as Band[]).map((b) => ({ band: b, text: BANDS[b].label })), { band: null, text: 'Over 100 % is outlined and marked in the corner.' }];
  const items: { band: Band | null; text: string; x: number; line: number }[] = [];
  let x = 12;
  let line = 0;
  for (const e of entries) {
    const w = (e.band ? 24 : 0) + legendTextWidth(e.text);
    if (x > 12 && x + w > width - 12) {
      line++;
      x = 12;
    }
    items.push({ ...e, x, line });
    x += w + 16;
  }
  return { height: Math.max(LEGEND_H, (line + 1) * LEGEND_LINE + 2 * LEGEND_PAD), items };
}
