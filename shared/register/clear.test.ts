import { describe, expect, it } from 'vitest';
import { applyPlan, planChange } from '../commands/plan';
import { projectRegister, type Rec } from '../../test/helpers/project-register';
import { planClear } from './clear';
import type { DisplayRow } from './types';

function setup() {
  const reg = projectRegister();
  const group: DisplayRow<Rec> = { kind: 'group', rowId: 'g:pg-1', key: 'pg-1', label: 'Digital', count: 2, totals: {}, collapsed: false };
  return { ...reg, rows: [group, reg.record('p-1'), reg.record('p-2')] };
}

describe('planClear', () => {
  it('clears editable cells as one update per record, refuses required ones with the reason, skips groups and computed columns', () => {
    const { state, clock, pick, rows, ctx } = setup();
    const columns = pick('name', 'budget', 'rag.overall', 'calc.slip');
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
