import { describe, expect, it } from 'vitest';
import { applyPlan, planChange } from '../commands/plan';
import { WorkbookState } from '../commands/state';
import { planNewWorkbook } from '../commands/new-workbook';
import { testClock, tinyWorkbook } from '../../test/helpers/tiny-workbook';
import { buildColumnContext } from './column-context';
import { columnsFor } from './columns';
import { planClear } from './clear';
import type { ColumnDef, DisplayRow } from './types';

type Rec = Record<string, unknown> & { id: string };

function setup() {
  const clock = testClock();
  const p = planNewWorkbook(tinyWorkbook(), { ...clock, origin: 'create', label: 'New' });
  const state = new WorkbookState(p.workbook, p.rows);
  const all = columnsFor('project', state.settings) as unknown as ColumnDef<Rec>[];
  const pick = (...ids: string[]) => ids.map((id) => all.find((c) => c.id === id)!);
  const record = (id: string): DisplayRow<Rec> => ({ kind: 'record', rowId: id, id, record: state.get('project', id) as Rec });
  const group: DisplayRow<Rec> = { kind: 'group', rowId: 'g:pg-1', key: 'pg-1', label: 'Digital', count: 2, totals: {}, collapsed: false };
  return { clock, state, pick, rows: [group, record('p-1'), record('p-2')], ctx: buildColumnContext(state, '2026-04-03') };
}

describe('planClear', () => {
  it('clears editable cells as one update per record, refuses required ones with the reason, skips groups and computed columns', () => {
    const { state, clock, pick, rows, ctx } = setup();
    const columns = pick('name', 'budget', 'rag.overall', 'calc.slip');
    expect(columns.every(Boolean)).toBe(true);
    const plan = planClear({ range: { rows: [0, 1, 2], cols: [0, 1, 2, 3] }, rows, columns, ctx, entity: 'project' });
    expect(plan.ops).toEqual([
      { op: 'update', entity: 'project', id: 'p-1', changes: { budget: null, 'rag.overall': null } },
      { op: 'update', entity: 'project', id: 'p-2', changes: { budget: null, 'rag.overall': null } },
    ]);
    expect(plan.cells).toEqual([
      { opIndex: 0, field: 'budget', row: 1, col: 1 },
      { opIndex: 0, field: 'rag.overall', row: 1, col: 2 },
      { opIndex: 1, field: 'budget', row: 2, col: 1 },
      { opIndex: 1, field: 'rag.overall', row: 2, col: 2 },
    ]);
    expect(plan.rejected.map((r) => [r.row, r.col, r.header, r.reason])).toEqual([
      [1, 0, 'Name', 'is required'],
      [2, 0, 'Name', 'is required'],
    ]);
    expect(plan.size).toEqual({ rows: 3, cols: 4 });
    // What it plans, the command path accepts.
    const r = planChange(state, plan.ops, { ...clock, origin: 'edit', label: 'Clear' });
    expect(r.rejected).toEqual([]);
    applyPlan(state, r.plan!);
    expect(state.get('project', 'p-1')).toMatchObject({ name: 'CRM replacement', budget: null });
  });

  it('plans nothing for a selection of group rows or read-only cells', () => {
    const { pick, rows, ctx } = setup();
    const plan = planClear({ range: { rows: [0, 1], cols: [0] }, rows, columns: pick('calc.slip'), ctx, entity: 'project' });
    expect(plan.ops).toEqual([]);
    expect(plan.cells).toEqual([]);
    expect(plan.rejected).toEqual([]);
  });
});
