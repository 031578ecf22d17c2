// The cell range a user selects by drag, Shift+click or Shift+arrows: an anchor and a focus
// cell, in displayed row index and displayed column order. Pure, so paste and copy can rely on it.
export interface CellPos {
  row: number;
  col: number;
}

export interface CellRange {
  anchor: CellPos;
  focus: CellPos;
}

export function normalise(r: CellRange): { top: number; bottom: number; left: number; right: number } {
  return {
    top: Math.min(r.anchor.row, r.focus.row),
    bottom: Math.max(r.anchor.row, r.focus.row),
    left: Math.min(r.anchor.col, r.focus.col),
    right: Math.max(r.anchor.col, r.focus.col),
  };
}

export function contains(r: CellRange | null, row: number, col: number): boolean {
  if (!r) return false;
  const n = normalise(r);
  return row >= n.top && row <= n.bottom && col >= n.left && col <= n.right;
}

export function isSingleCell(r: CellRange): boolean {
  return r.anchor.row === r.focus.row && r.anchor.col === r.focus.col;
}

/** Rows and columns of the range, as index lists. */
export function indexes(r: CellRange): { rows: number[]; cols: number[] } {
  const n = normalise(r);
  const span = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
  return { rows: span(n.top, n.bottom), cols: span(n.left, n.right) };
}
