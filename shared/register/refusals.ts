// Maps what was refused back to the register's cells: cells the plan itself refused (text that
// does not parse), and operations the command path refused, to the cells that wrote them. The
// field a problem names is matched to a column's field path through the schemas (a problem on
// 'custom.<id>.0' belongs to the cell of 'custom.<id>'), not through a list of nested fields.
import type { Rejection } from '../commands/plan';
import type { EntityName } from '../model/schemas';
import { writtenPath } from '../model/field-path';
import type { ColumnDef, DisplayRow } from './types';
import type { PastePlan } from './paste';
import { problemReason, recordName, type RefusalLine } from './problems';

/** A cell of the display: its row's id (or 'new-<index>' for a row the plan adds) and column id. */
export interface CellRef {
  rowId: string;
  colId: string;
}

/** A refusal, and the cell to mark with it (none when it is about the record as a whole). */
export interface CellRefusal extends RefusalLine {
  cell: CellRef | null;
}

export interface RefusalArgs<R> {
  plan: PastePlan;
  /** What the command path refused (index: the operation in plan.ops). */
  rejected: readonly Rejection[];
  rows: readonly DisplayRow<R>[];
  columns: readonly ColumnDef<R>[];
  entity: EntityName;
  /** The record an update was for, as it is now. */
  get: (id: string) => (R & { id: string }) | undefined;
}

export interface PlanRefusals {
  refusals: CellRefusal[];
  /** Cells the plan wrote and nothing refused: their old marks go. */
  saved: CellRef[];
}

export function refusalsOf<R extends { id: string }>({ plan, rejected, rows, columns, entity, get }: RefusalArgs<R>): PlanRefusals {
  const rowIdAt = (row: number) => rows[row]?.rowId ?? `new-${row}`;
  const cellAt = (row: number, col: number): CellRef => ({ rowId: rowIdAt(row), colId: columns[col]?.id ?? '' });
  // A new row by the record its other cells make (its code or name, as the grid will show it), else by its place.
  const newRowName = (row: number) => {
    const op = plan.ops[plan.cells.find((c) => c.row === row)?.opIndex ?? -1];
    return op?.op === 'create' ? recordName({ id: '', ...op.record }) || `new row ${row - rows.length + 1}` : `new row ${row - rows.length + 1}`;
  };
  const refusals: CellRefusal[] = plan.rejected.map((x) => {
    const r = rows[x.row];
    return { where: r?.kind === 'record' ? recordName(r.record) : newRowName(x.row), header: x.header, text: x.text, reason: x.reason, cell: cellAt(x.row, x.col) };
  });
  for (const rej of rejected) {
    const op = plan.ops[rej.index];
    const rec = op && op.op === 'update' ? get(op.id) : undefined;
    const where = rec ? recordName(rec) : 'new row';
    const p = rej.problems[0]!;
    const reason = problemReason(p);
    // The cells the refused operation wrote: after a split, the one field that was refused.
    const fields = rej.fields?.length === 1 ? rej.fields : [writtenPath(entity, p.field)];
    const cells = plan.cells.filter((c) => c.opIndex === rej.index && fields.includes(c.field));
    if (!cells.length) refusals.push({ where, header: p.field, text: '', reason, cell: null });
    for (const c of cells) refusals.push({ where, header: columns[c.col]?.header ?? c.field, text: '', reason, cell: cellAt(c.row, c.col) });
  }
  const refused = new Set(refusals.flatMap((r) => (r.cell ? [`${r.cell.rowId}|${r.cell.colId}`] : [])));
  const saved = plan.cells.map((c) => cellAt(c.row, c.col)).filter((c) => !refused.has(`${c.rowId}|${c.colId}`));
  return { refusals, saved };
}
