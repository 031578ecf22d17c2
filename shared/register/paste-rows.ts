// Rows pasted from a spreadsheet as new records (into an empty register, or below the rows when
// no cell is chosen): the clipboard's first line is taken as a header when it names the
// register's columns, and each pasted column then goes to the column it names; without a header
// the columns fill in the grid's visible order. Cells are parsed and refused as any paste's are
// (planPasteBlock), so the result is one plan for one commit and one undo step.
import type { EntityName } from '../model/schemas';
import type { ColumnContext, ColumnDef, DisplayRow } from './types';
import { planPasteBlock, type PastePlan } from './paste';
import { parseTsv } from './tsv';
import { headerKey, SYNONYMS } from '../exchange/suggest';
import { parseDelimited, sniffDelimiter } from '../exchange/read/text';

export interface ColumnMapping<R> {
  /** The first line named columns: it is not pasted as a record. */
  header: boolean;
  /** Per pasted column, the register column it fills; null: left out (a header cell that named no column). */
  targets: (ColumnDef<R> | null)[];
  /** Header cells that named no column, or a column an earlier cell already named, as typed. */
  unmatched: string[];
}

/**
 * Clipboard text → cells. Spreadsheets put tab-separated text on the clipboard; text without a
 * tab is read as CSV (or ;- or |-separated) only when every line splits into the same number of
 * fields, more than one, so a single column of names with commas in them stays one column.
 */
export function clipboardCells(text: string): string[][] {
  if (!text.includes('\t')) {
    const d = sniffDelimiter(text);
    if (d !== '\t' && text.includes(d)) {
      const rows = parseDelimited(text, d).filter((r) => r.some((c) => c.trim() !== ''));
      const width = rows[0]?.length ?? 0;
      if (width > 1 && rows.every((r) => r.length === width)) return rows;
    }
  }
  return parseTsv(text).filter((r, i, all) => i < all.length - 1 || r.some((c) => c.trim() !== ''));
}

/** The importer's synonyms for the register's entity, where it imports that kind of record. */
function synonymsOf(entity: EntityName): Record<string, string[]> {
  return entity === 'project' || entity === 'milestone' || entity === 'resource' ? SYNONYMS[entity] : {};
}

/**
 * Which column each cell of the first line names. A column is named by its header or its field
 * ("Budget", "budget", "% Complete", "rag.overall"), compared as the importer compares headers
 * (case, spaces, punctuation and abbreviations aside: headerKey); failing that, by one of the
 * importer's synonyms for its field ("Project name", "PM", "Go-live"). The line is a header when
 * at least half of its non-blank cells name a column, so a data line whose one cell happens to
 * read "Complete" is still pasted as data.
 */
export function mapPastedColumns<R>(firstLine: readonly string[], visible: readonly ColumnDef<R>[], all: readonly ColumnDef<R>[], entity: EntityName): ColumnMapping<R> {
  const own = new Map<string, ColumnDef<R>>();
  const bySynonym = new Map<string, ColumnDef<R> | null>();
  // Visible columns first: when two columns share a name, the one on screen wins.
  const columns = [...visible, ...all.filter((c) => !visible.includes(c))];
  for (const c of columns) {
    for (const name of [c.header, c.field ?? c.id]) {
      const key = headerKey(name);
      if (key && !own.has(key)) own.set(key, c);
    }
  }
  const synonyms = synonymsOf(entity);
  for (const c of columns) {
    if (!c.field) continue;
    for (const s of synonyms[c.field] ?? []) {
      const key = headerKey(s);
      if (!key || own.has(key)) continue;
      // A synonym of two fields ("ID": record id or code) names neither.
      const seen = bySynonym.get(key);
      bySynonym.set(key, seen === undefined || seen === c ? c : null);
    }
  }
  const used = new Set<ColumnDef<R>>();
  const targets: (ColumnDef<R> | null)[] = [];
  const unmatched: string[] = [];
  let named = 0;
  let filled = 0;
  for (const cell of firstLine) {
    if (cell.trim() === '') {
      targets.push(null);
      continue;
    }
    filled++;
    const key = headerKey(cell);
    const col = own.get(key) ?? bySynonym.get(key) ?? null;
    if (col && !used.has(col)) {
      used.add(col);
      targets.push(col);
      named++;
    } else {
      targets.push(null);
      unmatched.push(cell.trim());
    }
  }
  if (named > 0 && named * 2 >= filled) return { header: true, targets, unmatched };
  return { header: false, targets: firstLine.map((_, i) => visible[i] ?? null), unmatched: [] };
}

export interface PasteRowsArgs<R> {
  text: string;
  /** The rows on display: the pasted ones go after them. */
  rows: readonly DisplayRow<R>[];
  /** Visible columns, in the grid's order. */
  columns: readonly ColumnDef<R>[];
  /** Every column of the register, hidden ones included: a header may name any of them. */
  allColumns: readonly ColumnDef<R>[];
  ctx: ColumnContext;
  entity: EntityName;
  newRecord: (n: number) => Record<string, unknown>;
}

export interface PasteRowsPlan<R> extends ColumnMapping<R> {
  plan: PastePlan;
  /** The columns the plan's column indexes refer to (for refusalsOf). */
  columns: ColumnDef<R>[];
}

/** Plans pasted lines as new records after the last row, mapped by their header if they have one. */
export function planPasteRows<R extends { id: string }>(args: PasteRowsArgs<R>): PasteRowsPlan<R> {
  const cells = clipboardCells(args.text);
  const mapping: ColumnMapping<R> = cells.length ? mapPastedColumns(cells[0]!, args.columns, args.allColumns, args.entity) : { header: false, targets: [], unmatched: [] };
  const lines = mapping.header ? cells.slice(1) : cells;
  // Only the pasted columns that go somewhere, in the order pasted.
  const keep = mapping.targets.flatMap((c, i) => (c ? [i] : []));
  const columns = keep.map((i) => mapping.targets[i]!);
  const block = lines.map((line) => keep.map((i) => line[i] ?? ''));
  const plan = planPasteBlock({ block, anchor: { row: args.rows.length, col: 0 }, rows: args.rows, columns, ctx: args.ctx, entity: args.entity, newRecord: args.newRecord });
  // Cells left out (beyond the last column, or under a header that named none) that held something.
  plan.ignoredCells = lines.reduce((n, line) => n + line.filter((c, i) => c.trim() !== '' && !mapping.targets[i]).length, 0);
  return { ...mapping, plan, columns };
}
