import { describe, expect, it } from 'vitest';
import { RowsCache, canPatch } from './rows-cache';
import { columnsFor } from '../../../shared/register/columns';
import { defaultViewState } from '../../../shared/register/view-state';
import { buildColumnContext } from '../../../shared/register/column-context';
import { WorkbookState } from '../../../shared/commands/state';
import { planNewWorkbook } from '../../../shared/commands/new-workbook';
import { testClock, tinyWorkbook } from '../../../test/helpers/tiny-workbook';
import type { LastChange } from '../../state/app-store';
import { applyPlan, planChange } from '../../../shared/commands/plan';
import type { Op } from '../../../shared/commands/types';
import { chooseBaseline, compareAgainst } from '../../../shared/baselines/baselines';

function setup() {
  const p = planNewWorkbook(tinyWorkbook(), { ...testClock(), origin: 'create', label: 'New' });
  const state = new WorkbookState(p.workbook, p.rows);
  const columns = columnsFor('project', state.settings) as never[];
  return { state, columns, ctx: buildColumnContext(state, '2026-05-01') };
}
const change = (fields: string[], version = 2, structural = false): LastChange => ({ version, updated: new Map([['project', new Set(['p-2'])]]), fields: new Map([['project', new Set(fields)]]), structural });

describe('canPatch', () => {
  const { columns } = setup();
  const view = defaultViewState(columns, [{ col: 'code', dir: 'asc' }]);
  it('patches an edit of a field the view does not sort, filter, group or search on', () => {
    expect(canPatch(change(['manager']), 2, 'project', view, columns)).toBe(true);
  });
  it('rebuilds when the edit can move rows or change subtotals', () => {
    expect(canPatch(change(['code']), 2, 'project', view, columns)).toBe(false); // sorted on
    expect(canPatch(change(['finish']), 2, 'project', { ...view, sort: [{ col: 'calc.slip', dir: 'asc' }] }, columns)).toBe(false); // computed from it
    expect(canPatch(change(['budget']), 2, 'project', { ...view, groupBy: 'stage' }, columns)).toBe(false); // subtotals
    expect(canPatch(change(['manager']), 2, 'project', { ...view, search: 'crm' }, columns)).toBe(false);
    expect(canPatch(change(['manager'], 2, true), 2, 'project', view, columns)).toBe(false); // created or deleted
    expect(canPatch(change(['manager'], 1), 2, 'project', view, columns)).toBe(false); // stale
    expect(canPatch(change(['archived']), 2, 'project', view, columns)).toBe(false);
  });
});

describe('RowsCache', () => {
  it('swaps in the edited record and keeps every other row object', () => {
    const { state, columns, ctx } = setup();
    const cache = new RowsCache();
    const view = defaultViewState(columns, [{ col: 'code', dir: 'asc' }]);
    const collapsed = new Set<string>();
    const input = { records: state.all('project') as never[], columns, view, ctx, collapsed, entity: 'project', change: null, version: 1, get: (id: string) => state.get('project', id) as never };
    const first = cache.build(input);
    expect(cache.lastPath).toBe('rebuilt');
    const edited = { ...state.get('project', 'p-2')!, manager: 'New manager' };
    state.put('project', edited, {});
    const second = cache.build({ ...input, records: state.all('project'), change: change(['manager']), version: 2 });
    expect(cache.lastPath).toBe('patched');
    expect(second.rows.map((r) => r.rowId)).toEqual(first.rows.map((r) => r.rowId));
    expect(second.rows[0]).toBe(first.rows[0]);
    expect(second.rows[1]).not.toBe(first.rows[1]);
    expect((second.rows[1] as unknown as { record: { manager: string } }).record.manager).toBe('New manager');
    // A full rebuild gives the same rows.
    const rebuilt = new RowsCache().build({ ...input, records: state.all('project') });
    expect(rebuilt.rows.map((r) => (r as { record: unknown }).record)).toEqual(second.rows.map((r) => (r as { record: unknown }).record));
  });

  it('sorts by slip again when the compared baseline changes (a settings change is structural)', () => {
    const { state } = setup();
    const commit = (ops: Op[]) => {
      const r = planChange(state, ops, { ...testClock(Date.UTC(2026, 11, 1)), origin: 'edit', label: 'Test' });
      applyPlan(state, r.plan!);
    };
    // Own baseline fields: p-1 is 10 days late, p-2 on time. The named baseline: p-1 on time, p-2 40 days late.
    commit([
      { op: 'update', entity: 'project', id: 'p-1', changes: { baselineStart: '2026-01-05', baselineFinish: '2026-06-20' } },
      { op: 'update', entity: 'project', id: 'p-2', changes: { baselineStart: '2026-03-01', baselineFinish: '2026-12-31' } },
      { op: 'create', entity: 'baseline', record: { id: 'bl-1', name: 'Q3', createdAt: '2026-07-01T00:00:00.000Z', projects: [{ projectId: 'p-1', start: null, finish: '2026-06-30', budget: null }, { projectId: 'p-2', start: null, finish: '2026-11-21', budget: null }] } },
    ]);
    const cache = new RowsCache();
    const slipOrder = (choice: ReturnType<typeof chooseBaseline>, change: LastChange | null, version: number) => {
      const columns = columnsFor('project', state.settings, [], choice) as never[];
      const view = { ...defaultViewState(columns, []), sort: [{ col: 'calc.slip', dir: 'desc' as const }] };
      const built = cache.build({ records: state.all('project'), columns, view, ctx: buildColumnContext(state, '2026-05-01'), collapsed: new Set(), entity: 'project', change, version, get: (id: string) => state.get('project', id) });
      return built.rows.map((r) => (r.kind === 'record' ? r.id : null));
    };
    expect(slipOrder(chooseBaseline(state.settings, state), null, 1)).toEqual(['p-1', 'p-2', 'p-3']);
    commit([compareAgainst('bl-1')]);
    const settingsChange: LastChange = { version: 2, updated: new Map(), fields: new Map(), structural: true };
    expect(slipOrder(chooseBaseline(state.settings, state), settingsChange, 2)).toEqual(['p-2', 'p-1', 'p-3']);
    expect(cache.lastPath).toBe('rebuilt');
  });
});
