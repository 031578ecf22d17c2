// Paste, fill down and copy on the register, planned as command-path operations with every refused cell accounted for.
import type { Op } from '../commands/types';
import type { EntityName } from '../model/schemas';
import type { ColumnContext, ColumnDef, ColumnType, DisplayRow } from './types';
import { formatCell, isBlank, parseCell, TEXTUAL_TYPES, withOptionCache } from './convert';
import { neutraliseFormula, parseTsv, toTsv } from './tsv';
import { writeFieldPath } from '../model/field-path';

/** Display row and visible column indexes, as the grid selects them. */
export interface CellRange {
  rows: number[];
  cols: number[];
}

export interface PlannedCell {
  /** The operation that writes this cell, so the command path's rejections map back to cells. */
  opIndex: number;
  field: string;
  row: number;
  col: number;
}

export interface RejectedCell {
  row: number;
  col: number;
  header: string;
  text: string;
  reason: string;
}

export interface PastePlan {
  ops: Op[];
  cells: PlannedCell[];
  rejected: RejectedCell[];
  /** Pasted cells that fell beyond the last column. */
  ignoredCells: number;
  /** The area written, in cells (new rows included). */
  size: { rows: number; cols: number };
}

export const CALCULATED_REASON = 'is calculated and cannot be edited';

interface GridArgs<R> {
  rows: readonly DisplayRow<R>[];
  columns: readonly ColumnDef<R>[];
  ctx: ColumnContext;
}

export interface PasteArgs<R> extends GridArgs<R> {
  text: string;
  anchor: { row: number; col: number };
  entity: EntityName;
  /** Defaults for a record created by the paste; n = 0, 1, 2… so the caller can number codes. */
  newRecord: (n: number) => Record<string, unknown>;
  /** The selection when it is more than the anchor cell: a 1×1 block fills all of it (Excel). */
  selection?: CellRange;
}

export interface FillArgs<R> extends GridArgs<R> {
  range: CellRange;
  entity: EntityName;
}

export interface CopyArgs<R> extends GridArgs<R> {
  range: CellRange;
}

/** Unchanged for the user: equal values, or two kinds of nothing ('' and null, unset and unticked). */
function sameCell(type: ColumnType, a: unknown, b: unknown): boolean {
  const nothing = (v: unknown) => isBlank(v) || (type === 'checkbox' && v === false);
  if (nothing(a) && nothing(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

function recordRows<R>(rows: readonly DisplayRow<R>[], indexes: Iterable<number>): number[] {
  return [...new Set(indexes)].filter((i) => rows[i]?.kind === 'record').sort((a, b) => a - b);
}

function sortedCols(cols: Iterable<number>, count: number): number[] {
  return [...new Set(cols)].filter((c) => c >= 0 && c < count).sort((a, b) => a - b);
}

/** Collects changes per record into one update (or create) each, in the order first touched. */
class PlanBuilder<R extends { id: string }> {
  readonly plan: PastePlan = { ops: [], cells: [], rejected: [], ignoredCells: 0, size: { rows: 0, cols: 0 } };
  private readonly updates = new Map<string, number>();

  constructor(private readonly entity: EntityName) {}

  reject(row: number, col: number, header: string, text: string, reason: string) {
    this.plan.rejected.push({ row, col, header, text, reason });
  }

  update(record: R, field: string, value: unknown, row: number, col: number) {
    let opIndex = this.updates.get(record.id);
    if (opIndex === undefined) {
      opIndex = this.plan.ops.push({ op: 'update', entity: this.entity, id: record.id, changes: {} }) - 1;
      this.updates.set(record.id, opIndex);
    }
    (this.plan.ops[opIndex] as Extract<Op, { op: 'update' }>).changes[field] = value;
    this.plan.cells.push({ opIndex, field, row, col });
  }

  create(record: Record<string, unknown>, changes: { field: string; value: unknown; row: number; col: number }[]) {
    const opIndex = this.plan.ops.length;
    for (const c of changes) {
      writeFieldPath(record, c.field, c.value);
      this.plan.cells.push({ opIndex, field: c.field, row: c.row, col: c.col });
    }
    this.plan.ops.push({ op: 'create', entity: this.entity, record });
  }
}

/**
 * Plans a paste of clipboard text at `anchor` (indexes into the displayed rows and the visible
 * columns). The block fills record rows downwards (group rows are skipped) and columns rightwards;
 * rows beyond the last record become new records. Nothing is written here: the caller runs
 * `ops` through the command path and maps its rejections back with `cells`.
 */
export function planPaste<R extends { id: string }>(args: PasteArgs<R>): PastePlan {
  const { text, ...rest } = args;
  return planPasteBlock({ ...rest, block: parseTsv(text) });
}

/** planPaste of cells already split into lines (paste-rows.ts maps them to columns first). */
export function planPasteBlock<R extends { id: string }>(args: Omit<PasteArgs<R>, 'text'> & { block: readonly (readonly string[])[] }): PastePlan {
  const ctx = withOptionCache(args.ctx);
  const { rows, columns, block } = args;
  const builder = new PlanBuilder<R>(args.entity);
  const plan = builder.plan;
  const height = block.length;
  const width = block[0]?.length ?? 0;
  if (height === 0 || width === 0) return plan;

  const setCell = (rowIndex: number, record: R, colIndex: number, text: string) => {
    const col = columns[colIndex]!;
    const parsed = parseCell(col, text, ctx);
    if (!col.editable || !col.field) {
      // Pasting back what was copied from a calculated column is not an edit; anything else is.
      if (!(parsed.ok && sameCell(col.type, parsed.value, col.get(record, ctx)))) builder.reject(rowIndex, colIndex, col.header, text, CALCULATED_REASON);
      return;
    }
    if (!parsed.ok) return builder.reject(rowIndex, colIndex, col.header, text, parsed.reason);
    if (!sameCell(col.type, parsed.value, col.get(record, ctx))) builder.update(record, col.field, parsed.value, rowIndex, colIndex);
  };

  // A smaller block over a larger selection repeats to fill it when it fits a whole number of
  // times, as in Excel; a single value always does.
  const sel = args.selection;
  if (sel) {
    const selRows = recordRows(rows, sel.rows);
    const selCols = sortedCols(sel.cols, columns.length);
    const fits = selRows.length % height === 0 && selCols.length % width === 0;
    if (selRows.length * selCols.length > 1 && (fits || (height === 1 && width === 1))) {
      selRows.forEach((r, ri) => {
        const record = (rows[r] as Extract<DisplayRow<R>, { kind: 'record' }>).record;
        selCols.forEach((c, ci) => setCell(r, record, c, block[ri % height]![ci % width]!));
      });
      plan.size = { rows: selRows.length, cols: selCols.length };
      return plan;
    }
  }

  const firstCol = Math.max(0, args.anchor.col);
  const fitCols = Math.max(0, Math.min(width, columns.length - firstCol));
  plan.ignoredCells = (width - fitCols) * height;
  plan.size = { rows: height, cols: fitCols };
  let displayIndex = Math.max(0, args.anchor.row);
  let created = 0;
  let beyond = 0;
  for (let b = 0; b < height; b++) {
    while (displayIndex < rows.length && rows[displayIndex]!.kind !== 'record') displayIndex++;
    const line = block[b]!;
    if (displayIndex < rows.length) {
      const record = (rows[displayIndex] as Extract<DisplayRow<R>, { kind: 'record' }>).record;
      for (let j = 0; j < fitCols; j++) setCell(displayIndex, record, firstCol + j, line[j]!);
      displayIndex++;
      continue;
    }
    // Past the last record: a new record per pasted line that has anything valid in it. Blank
    // cells leave newRecord's defaults alone instead of clearing them. Row indexes go on from
    // the grid's end line by line, as the block lies.
    const newRowIndex = rows.length + beyond++;
    const changes: { field: string; value: unknown; row: number; col: number }[] = [];
    for (let j = 0; j < fitCols; j++) {
      const text = line[j]!;
      if (text.trim() === '') continue;
      const col = columns[firstCol + j]!;
      if (!col.editable || !col.field) {
        builder.reject(newRowIndex, firstCol + j, col.header, text, CALCULATED_REASON);
        continue;
      }
      const parsed = parseCell(col, text, ctx);
      if (!parsed.ok) builder.reject(newRowIndex, firstCol + j, col.header, text, parsed.reason);
      else changes.push({ field: col.field, value: parsed.value, row: newRowIndex, col: firstCol + j });
    }
    if (changes.length > 0) builder.create({ ...args.newRecord(created++) }, changes);
  }
  return plan;
}

/**
 * Copies the first record row of the range (in display order) into the range's other record
 * rows, column by column, as typed values. Calculated columns are skipped.
 */
export function planFillDown<R extends { id: string }>(args: FillArgs<R>): PastePlan {
  const ctx = withOptionCache(args.ctx);
  const { rows, columns } = args;
  const builder = new PlanBuilder<R>(args.entity);
  const targets = recordRows(rows, args.range.rows);
  const cols = sortedCols(args.range.cols, columns.length);
  builder.plan.size = { rows: targets.length, cols: cols.length };
  const [source, ...rest] = targets.map((i) => ({ i, record: (rows[i] as Extract<DisplayRow<R>, { kind: 'record' }>).record }));
  if (!source) return builder.plan;
  for (const c of cols) {
    const col = columns[c]!;
    if (!col.editable || !col.field) continue;
    const value = col.get(source.record, ctx);
    for (const t of rest) {
      if (t.record.id === source.record.id || sameCell(col.type, value, col.get(t.record, ctx))) continue;
      builder.update(t.record, col.field, Array.isArray(value) ? [...(value as unknown[])] : value, t.i, c);
    }
  }
  return builder.plan;
}

/**
 * The range as clipboard text for Excel and LibreOffice: record rows in display order, values as
 * parseCell reads them back, text through neutraliseFormula so nothing runs as a formula there.
 */
export function copyRange<R extends { id: string }>(args: CopyArgs<R>): string {
  const ctx = withOptionCache(args.ctx);
  const { rows, columns } = args;
  const cols = sortedCols(args.range.cols, columns.length).map((c) => columns[c]!);
  const lines = recordRows(rows, args.range.rows).map((i) => {
    const record = (rows[i] as Extract<DisplayRow<R>, { kind: 'record' }>).record;
    return cols.map((col) => {
      const text = formatCell(col, col.get(record, ctx), ctx, 'clipboard');
      return TEXTUAL_TYPES.has(col.type) ? neutraliseFormula(text) : text;
    });
  });
  return toTsv(lines);
}
