// The roadmap's viewport: which dates and which rows are on screen. A small immutable value and
// pure functions over it, so pan, zoom, fit, "today" and the keyboard are tested in Node and the
// view only applies them. Rows are scrolled by pixels (never by ECharts dataZoom): the first
// visible row is scrollTop ÷ rowHeight, so only the rows on screen are ever drawn.

export interface Viewport {
  /** Day number (days since 1970-01-01, fractional) at the left edge of the time area. */
  startDay: number;
  /** Pixels per calendar day. */
  pxPerDay: number;
  /** Vertical scroll of the rows, in pixels. */
  scrollTop: number;
  /** Height of one row (a project or a lane header), in pixels. */
  rowHeight: number;
  /** Size of the time area (without the label column and the axis), in pixels. */
  width: number;
  height: number;
}

/** From about 40 years across a laptop screen to a day 120 px wide. */
export const MIN_PX_PER_DAY = 0.05;
export const MAX_PX_PER_DAY = 120;
/** One step of the zoom buttons and the + and − keys. */
export const ZOOM_STEP = 1.5;

export function createViewport(init: Partial<Viewport> & Pick<Viewport, 'width' | 'height'>): Viewport {
  return { startDay: 0, pxPerDay: 2, scrollTop: 0, rowHeight: 28, ...init };
}

/** Total height of the rows, in pixels. */
export function contentHeight(v: Viewport, totalRows: number): number {
  return totalRows * v.rowHeight;
}

export function maxScrollTop(v: Viewport, totalRows: number): number {
  return Math.max(0, contentHeight(v, totalRows) - v.height);
}

/** Zoom within its limits, scroll within the rows; a viewport that needs no change is returned as is. */
export function clampViewport(v: Viewport, totalRows: number): Viewport {
  const pxPerDay = Math.min(MAX_PX_PER_DAY, Math.max(MIN_PX_PER_DAY, Number.isFinite(v.pxPerDay) ? v.pxPerDay : 2));
  const scrollTop = Math.min(maxScrollTop(v, totalRows), Math.max(0, Number.isFinite(v.scrollTop) ? v.scrollTop : 0));
  const startDay = Number.isFinite(v.startDay) ? v.startDay : 0;
  if (pxPerDay === v.pxPerDay && scrollTop === v.scrollTop && startDay === v.startDay) return v;
  return { ...v, pxPerDay, scrollTop, startDay };
}

/** The rows at least partly on screen: first … last inclusive (last < first when there are none). */
export function visibleRows(v: Viewport, totalRows: number): { first: number; last: number } {
  if (totalRows <= 0 || v.rowHeight <= 0 || v.height <= 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(v.scrollTop / v.rowHeight));
  const last = Math.min(totalRows - 1, Math.ceil((v.scrollTop + v.height) / v.rowHeight) - 1);
  return { first: Math.min(first, totalRows - 1), last };
}

/** The days on screen, as fractional day numbers: from the left edge to the right edge. */
export function visibleDays(v: Viewport): { from: number; to: number } {
  return { from: v.startDay, to: v.startDay + v.width / v.pxPerDay };
}

export function dayToX(v: Viewport, day: number): number {
  return (day - v.startDay) * v.pxPerDay;
}

export function xToDay(v: Viewport, x: number): number {
  return v.startDay + x / v.pxPerDay;
}

/** Top of a row relative to the top of the time area. */
export function rowTop(v: Viewport, row: number): number {
  return row * v.rowHeight - v.scrollTop;
}

/** The row under a y position of the time area, or −1 outside the rows. */
export function rowAt(v: Viewport, y: number, totalRows: number): number {
  if (y < 0 || y >= v.height) return -1;
  const row = Math.floor((y + v.scrollTop) / v.rowHeight);
  return row >= 0 && row < totalRows ? row : -1;
}

/** Moves the view by pixels: positive dx shows later dates (content moves left), positive dy later rows. */
export function panBy(v: Viewport, dx: number, dy: number, totalRows: number): Viewport {
  return clampViewport({ ...v, startDay: v.startDay + dx / v.pxPerDay, scrollTop: v.scrollTop + dy }, totalRows);
}

/** Zooms the time axis by `factor` (> 1 zooms in), keeping the date under `anchorX` where it is. */
export function zoomAt(v: Viewport, factor: number, anchorX: number = v.width / 2, totalRows = Number.POSITIVE_INFINITY): Viewport {
  if (!(factor > 0)) return v;
  const anchorDay = xToDay(v, anchorX);
  const pxPerDay = Math.min(MAX_PX_PER_DAY, Math.max(MIN_PX_PER_DAY, v.pxPerDay * factor));
  return clampViewport({ ...v, pxPerDay, startDay: anchorDay - anchorX / pxPerDay }, totalRows);
}

/** Shows the days from … to (inclusive of `to`'s whole day) across the width, with a margin on each side. */
export function fitDays(v: Viewport, from: number, to: number, margin = 0.03): Viewport {
  const span = Math.max(1, to + 1 - from);
  const pxPerDay = Math.min(MAX_PX_PER_DAY, Math.max(MIN_PX_PER_DAY, v.width / (span * (1 + 2 * margin))));
  const shown = v.width / pxPerDay;
  return { ...v, pxPerDay, startDay: from - (shown - span) / 2 };
}

/** The whole portfolio: its dates across the width and the first row at the top. */
export function fitPortfolio(v: Viewport, range: { from: number; to: number } | null, today: number): Viewport {
  const r = range ?? { from: today - 90, to: today + 275 };
  return { ...fitDays(v, r.from, r.to), scrollTop: 0 };
}

/** Puts `day` in the middle of the time area, zoom unchanged. */
export function centreOn(v: Viewport, day: number): Viewport {
  return { ...v, startDay: day + 0.5 - v.width / 2 / v.pxPerDay };
}

/** Scrolls the least needed for `row` to be fully on screen. */
export function revealRow(v: Viewport, row: number, totalRows: number): Viewport {
  const top = row * v.rowHeight;
  if (top < v.scrollTop) return clampViewport({ ...v, scrollTop: top }, totalRows);
  if (top + v.rowHeight > v.scrollTop + v.height) return clampViewport({ ...v, scrollTop: top + v.rowHeight - v.height }, totalRows);
  return v;
}

/** A new row height, keeping the row at the top of the screen at the top. */
export function withRowHeight(v: Viewport, rowHeight: number, totalRows: number): Viewport {
  if (rowHeight === v.rowHeight || rowHeight <= 0) return v;
  const topRow = v.scrollTop / v.rowHeight;
  return clampViewport({ ...v, rowHeight, scrollTop: topRow * rowHeight }, totalRows);
}

export function resize(v: Viewport, width: number, height: number, totalRows: number): Viewport {
  if (width === v.width && height === v.height) return v;
  return clampViewport({ ...v, width: Math.max(1, width), height: Math.max(1, height) }, totalRows);
}

export interface KeyContext {
  totalRows: number;
  today: number;
  /** The portfolio's dates, for F (fit). */
  range: { from: number; to: number } | null;
}

/**
 * The viewport after a key on the focused chart, or null when the key is not the roadmap's:
 * ← → pan a tenth of the width (Shift: most of a screen), ↑ ↓ a row, Page Up / Page Down a
 * screen of rows, + and − zoom about the middle, Home today, End the portfolio's end, F fit.
 */
export function keyViewport(v: Viewport, key: string, shift: boolean, ctx: KeyContext): Viewport | null {
  const n = ctx.totalRows;
  switch (key) {
    case 'ArrowLeft':
      return panBy(v, -v.width * (shift ? 0.8 : 0.1), 0, n);
    case 'ArrowRight':
      return panBy(v, v.width * (shift ? 0.8 : 0.1), 0, n);
    case 'ArrowUp':
      return panBy(v, 0, -v.rowHeight, n);
    case 'ArrowDown':
      return panBy(v, 0, v.rowHeight, n);
    case 'PageUp':
      return panBy(v, 0, -Math.max(v.rowHeight, v.height - v.rowHeight), n);
    case 'PageDown':
      return panBy(v, 0, Math.max(v.rowHeight, v.height - v.rowHeight), n);
    case '+':
    case '=':
      return zoomAt(v, ZOOM_STEP, v.width / 2, n);
    case '-':
    case '_':
      return zoomAt(v, 1 / ZOOM_STEP, v.width / 2, n);
    case 'Home':
      return clampViewport(centreOn(v, ctx.today), n);
    case 'End':
      return ctx.range ? clampViewport({ ...v, startDay: ctx.range.to + 1 - (v.width * 0.9) / v.pxPerDay }, n) : v;
    case 'f':
    case 'F':
      return clampViewport(fitPortfolio(v, ctx.range, ctx.today), n);
    default:
      return null;
  }
}

/** Rounds a move of `days` to whole days or whole weeks. */
export function snapDays(days: number, unit: 'day' | 'week'): number {
  const step = unit === 'week' ? 7 : 1;
  const r = Math.round(days / step) * step;
  return r === 0 ? 0 : r; // no −0
}
