// Delete on a selection of the register: every editable cell in it set to its empty value, as
// one update per record, planned like a paste so refused cells map back the same way.
import type { Op } from '../commands/types';
import type { EntityName } from '../model/schemas';
import type { ColumnContext, ColumnDef, DisplayRow } from './types';
import { parseCell } from './convert';
import type { CellRange, PastePlan } from './paste';

export interface ClearArgs<R> {
  range: CellRange;
  rows: readonly DisplayRow<R>[];
  columns: readonly ColumnDef<R>[];
  ctx: ColumnContext;
  entity: EntityName;
}

/**
 * Group rows and computed columns are skipped; a column whose empty value is not allowed (a
 * required name) is refused with its reason, and the other cells of its row still clear.
 */
export function planClear<R extends { id: string }>({ range, rows, columns, ctx, entity }: ClearArgs<R>): PastePlan {
  const ops: Op[] = [];
  const cells: PastePlan['cells'] = [];
  const rejected: PastePlan['rejected'] = [];
  for (const ri of range.rows) {
    const row = rows[ri];
    if (!row || row.kind !== 'record') continue;
    const changes: Record<string, unknown> = {};
    for (const ci of range.cols) {
      const col = columns[ci];
      if (!col?.field || !col.editable) continue;
      const empty = parseCell(col, '', ctx);
      if (!empty.ok) {
        rejected.push({ row: ri, col: ci, header: col.header, text: '', reason: empty.reason });
        continue;
      }
      changes[col.field] = empty.value;
      cells.push({ opIndex: ops.length, field: col.field, row: ri, col: ci });
    }
    if (Object.keys(changes).length) ops.push({ op: 'update', entity, id: row.id, changes });
  }
  return { ops, cells, rejected, ignoredCells: 0, size: { rows: range.rows.length, cols: range.cols.length } };
}
