import { describe, expect, it } from 'vitest';
import { planChange } from '../commands/plan';
import { projectRegister, type Rec } from '../../test/helpers/project-register';
import { planPaste, type PastePlan } from './paste';
import { refusalsOf } from './refusals';
import type { ColumnDef } from './types';

function setup() {
  const reg = projectRegister();
  return { ...reg, rows: [reg.record('p-1'), reg.record('p-2')] };
}

describe('refusalsOf', () => {
  it("maps the plan's refused text and the command path's refused field to their cells; the rest saved", () => {
    const { clock, state, pick, rows, get, ctx } = setup();
    const columns = pick('start', 'finish', 'budget');
    // PRJ-001: an impossible start (refused by the plan) and a finish before its start (refused by the command path).
    const plan = planPaste({ text: '31/02/2026\t01/01/2025\t£5\n01/04/2026\t30/04/2026\t£6', anchor: { row: 0, col: 0 }, selection: { rows: [0], cols: [0] }, rows, columns, ctx, entity: 'project', newRecord: () => ({}) });
    const result = planChange(state, plan.ops, { ...clock, origin: 'paste', label: 'Paste', partial: true, splitRejectedUpdates: true });
    const { refusals, saved } = refusalsOf({ plan, rejected: result.rejected, rows, columns, entity: 'project', get });
    expect(refusals.map((r) => [r.where, r.header, r.text, r.cell])).toEqual([
      ['PRJ-001', 'Start', '31/02/2026', { rowId: 'p-1', colId: 'start' }],
      ['PRJ-001', 'Finish', '', { rowId: 'p-1', colId: 'finish' }],
    ]);
    expect(refusals[1]!.reason).toMatch(/before/);
    expect(saved).toEqual([
      { rowId: 'p-1', colId: 'budget' },
      { rowId: 'p-2', colId: 'start' },
      { rowId: 'p-2', colId: 'finish' },
      { rowId: 'p-2', colId: 'budget' },
    ]);
  });

  it('finds the cell of a nested field from a deeper problem path, lists record-wide problems without a cell, names new rows', () => {
    const { pick, rows, get } = setup();
    const columns = [...pick('tags'), { id: 'custom.cf-1', header: 'Regions', type: 'multiselect', field: 'custom.cf-1', editable: true, get: () => null } as ColumnDef<Rec>];
    const plan: PastePlan = {
      ops: [
        { op: 'update', entity: 'project', id: 'p-1', changes: { tags: ['a', ''], 'custom.cf-1': ['North', 'Mars'] } },
        { op: 'create', entity: 'project', record: { name: 'New' } },
      ],
      cells: [
        { opIndex: 0, field: 'tags', row: 0, col: 0 },
        { opIndex: 0, field: 'custom.cf-1', row: 0, col: 1 },
        { opIndex: 1, field: 'tags', row: 2, col: 0 },
      ],
      rejected: [
        { row: 3, col: 1, header: 'Regions', text: 'Venus', reason: 'is not one of the options' },
        // A new row whose other cell makes a record: named by it.
        { row: 2, col: 1, header: 'Regions', text: 'Pluto', reason: 'is not one of the options' },
      ],
      ignoredCells: 0,
      size: { rows: 4, cols: 2 },
    };
    const problem = (field: string, reason?: string) => ({ entity: 'project' as const, id: 'p-1', field, message: `Project PRJ-001: ${field} is wrong`, ...(reason ? { reason } : {}) });
    const { refusals, saved } = refusalsOf({
      plan,
      rejected: [
        { index: 0, problems: [problem('custom.cf-1.1', 'must be one of: North, South')] },
        { index: 1, problems: [problem('')] },
      ],
      rows,
      columns,
      entity: 'project',
      get,
    });
    expect(refusals).toEqual([
      { where: 'new row 2', header: 'Regions', text: 'Venus', reason: 'is not one of the options', cell: { rowId: 'new-3', colId: 'custom.cf-1' } },
      { where: 'New', header: 'Regions', text: 'Pluto', reason: 'is not one of the options', cell: { rowId: 'new-2', colId: 'custom.cf-1' } },
      { where: 'PRJ-001', header: 'Regions', text: '', reason: 'must be one of: North, South', cell: { rowId: 'p-1', colId: 'custom.cf-1' } },
      { where: 'new row', header: '', text: '', reason: 'Project PRJ-001:  is wrong', cell: null },
    ]);
    expect(saved).toEqual([
      { rowId: 'p-1', colId: 'tags' },
      { rowId: 'new-2', colId: 'tags' },
    ]);
  });
});
