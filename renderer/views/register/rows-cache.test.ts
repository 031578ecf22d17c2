import { describe, expect, it } from 'vitest';
import { RowsCache, canPatch } from './rows-cache';
import { columnsFor } from '../../../shared/register/columns';
import { defaultViewState } from '../../../shared/register/view-state';
import { buildColumnContext } from './column-context';
import { WorkbookState } from '../../../shared/commands/state';
import { planNewWorkbook } from '../../../shared/commands/new-workbook';
import { testClock, tinyWorkbook } from '../../../test/helpers/tiny-workbook';
import type { LastChange } from '../../state/app-store';

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
    const second = cache.build({ ...input, records: state.all('project') as never[], change: change(['manager']), version: 2 });
    expect(cache.lastPath).toBe('patched');
    expect(second.rows.map((r) => r.rowId)).toEqual(first.rows.map((r) => r.rowId));
    expect(second.rows[0]).toBe(first.rows[0]);
    expect(second.rows[1]).not.toBe(first.rows[1]);
    expect((second.rows[1] as unknown as { record: { manager: string } }).record.manager).toBe('New manager');
    // A full rebuild gives the same rows.
    const rebuilt = new RowsCache().build({ ...input, records: state.all('project') as never[] });
    expect(rebuilt.rows.map((r) => (r as { record: unknown }).record)).toEqual(second.rows.map((r) => (r as { record: unknown }).record));
  });
});
