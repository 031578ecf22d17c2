// Keeps the register's display rows between renders. Rows are reused while their record is
// unchanged (records are replaced, never edited in place), so after an edit AG Grid redraws only
// the rows that changed. When the last change only updated fields the view neither sorts,
// filters, groups, sums nor searches on, the order cannot have changed: the previous rows are
// kept with the new records swapped in, instead of filtering and sorting every record again.
import { buildRows } from '../../../shared/register/pipeline';
import type { BuiltRows, ColumnContext, ColumnDef, DisplayRow, ViewState } from '../../../shared/register/types';
import type { LastChange } from '../../state/app-store';
import type { LooseRecord as Base } from '../../../shared/model/record';

/** Fields a computed column's value comes from. */
const CALC_FIELDS: Record<string, string[]> = {
  'calc.slip': ['finish', 'baselineFinish', 'forecastDate', 'baselineDate'],
  'calc.variance': ['budget', 'forecastCost'],
  'calc.spent': ['budget', 'actualCost'],
  'calc.score': ['scores'],
  'calc.status': ['actualDate', 'forecastDate'],
  'calc.leave': ['exceptions'],
};

function sourceFields(col: ColumnDef<never>): string[] | null {
  if (col.field) return [col.field.split('.')[0]!];
  return CALC_FIELDS[col.id] ?? null; // null: depends on other records (counts, open risks)
}

/** Whether the last change can be applied to the rows shown without filtering and sorting again. */
export function canPatch(change: LastChange | null, version: number, entity: string, view: ViewState, columns: ColumnDef<never>[]): boolean {
  if (!change || change.version !== version || change.structural || view.search) return false;
  if (change.updated.size !== 1 || !change.updated.has(entity)) return false;
  const changed = change.fields.get(entity)!;
  if (changed.has('archived')) return false;
  const byId = new Map(columns.map((c) => [c.id, c]));
  const used = [...view.sort.map((k) => k.col), ...view.filters.map((f) => f.col), ...(view.groupBy ? [view.groupBy] : [])];
  if (view.groupBy) used.push(...columns.filter((c) => c.aggregate).map((c) => c.id));
  for (const id of used) {
    const col = byId.get(id);
    if (!col) continue;
    const fields = sourceFields(col);
    if (!fields || fields.some((f) => changed.has(f))) return false;
  }
  return true;
}

export interface BuildInput<R extends Base> {
  records: readonly R[];
  columns: ColumnDef<R>[];
  view: ViewState;
  ctx: ColumnContext;
  collapsed: ReadonlySet<string>;
  entity: string;
  change: LastChange | null;
  version: number;
  get(id: string): R | undefined;
  isArchived?: (r: R) => boolean;
}

export class RowsCache<R extends Base> {
  private readonly byRecord = new WeakMap<object, Map<string, DisplayRow<R>>>();
  private prev: { built: BuiltRows<R>; view: ViewState; columns: ColumnDef<R>[]; collapsed: ReadonlySet<string>; entity: string } | null = null;
  /** How the last build was made, for tests and profiling. */
  lastPath: 'patched' | 'rebuilt' | null = null;

  build(input: BuildInput<R>): BuiltRows<R> {
    const prev = this.prev;
    if (prev && prev.view === input.view && prev.columns === input.columns && prev.collapsed === input.collapsed && prev.entity === input.entity && canPatch(input.change, input.version, input.entity, input.view, input.columns)) {
      const ids = input.change!.updated.get(input.entity)!;
      const rows = prev.built.rows.map((row) => {
        if (row.kind !== 'record' || !ids.has(row.id)) return row;
        const record = input.get(row.id);
        return record ? this.reuse({ ...row, record }) : row;
      });
      this.lastPath = 'patched';
      return this.remember({ ...prev.built, rows }, input);
    }
    const b = buildRows(input.records, input.columns, input.view, input.ctx, input.collapsed, input.isArchived ? { isArchived: input.isArchived } : {});
    this.lastPath = 'rebuilt';
    return this.remember({ ...b, rows: b.rows.map((row) => (row.kind === 'record' ? this.reuse(row) : row)) }, input);
  }

  private reuse(row: Extract<DisplayRow<R>, { kind: 'record' }>): DisplayRow<R> {
    let byRowId = this.byRecord.get(row.record);
    if (!byRowId) this.byRecord.set(row.record, (byRowId = new Map()));
    const known = byRowId.get(row.rowId);
    if (known) return known;
    byRowId.set(row.rowId, row);
    return row;
  }

  private remember(built: BuiltRows<R>, input: BuildInput<R>): BuiltRows<R> {
    this.prev = { built, view: input.view, columns: input.columns, collapsed: input.collapsed, entity: input.entity };
    return built;
  }
}
