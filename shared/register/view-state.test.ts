import { describe, expect, it } from 'vitest';
import { defaultViewState, mergeColumnLayout, orderedColumns, setColumnHidden, toggleSort, visibleColumns, withFilter } from './view-state';

const cols = [{ id: 'code' }, { id: 'name' }, { id: 'budget' }, { id: 'notes', hiddenByDefault: true }];

describe('view state', () => {
  it('starts with every column, hiding those hidden by default', () => {
    const v = defaultViewState(cols as never);
    expect(visibleColumns(cols, v).map((c) => c.id)).toEqual(['code', 'name', 'budget']);
  });

  it('keeps the saved order and appends columns added since (a new custom field)', () => {
    const v = { ...defaultViewState([]), columns: [{ id: 'budget' }, { id: 'code' }, { id: 'gone' }] };
    expect(orderedColumns(cols, v).map((x) => x.col.id)).toEqual(['budget', 'code', 'name', 'notes']);
    expect(visibleColumns(cols, v).map((c) => c.id)).toEqual(['budget', 'code', 'name']);
  });

  it('merges the layout the grid reports, keeping hidden columns', () => {
    const v = setColumnHidden(defaultViewState(cols as never), cols, 'name', true);
    const merged = mergeColumnLayout(v, [
      { id: 'budget', width: 200, pinned: null },
      { id: 'code', width: 90, pinned: 'left' },
    ]);
    expect(merged.columns.map((c) => [c.id, !!c.hidden])).toEqual([
      ['budget', false],
      ['code', false],
      ['name', true],
      ['notes', true],
    ]);
  });

  it('cycles a column through ascending, descending and unsorted; Shift adds keys', () => {
    expect(toggleSort([], 'name', false)).toEqual([{ col: 'name', dir: 'asc' }]);
    expect(toggleSort([{ col: 'name', dir: 'asc' }], 'name', false)).toEqual([{ col: 'name', dir: 'desc' }]);
    expect(toggleSort([{ col: 'name', dir: 'desc' }], 'name', false)).toEqual([]);
    expect(toggleSort([{ col: 'stage', dir: 'asc' }], 'name', false)).toEqual([{ col: 'name', dir: 'asc' }]);
    expect(toggleSort([{ col: 'stage', dir: 'asc' }], 'name', true)).toEqual([
      { col: 'stage', dir: 'asc' },
      { col: 'name', dir: 'asc' },
    ]);
    expect(toggleSort([{ col: 'stage', dir: 'asc' }, { col: 'name', dir: 'desc' }], 'name', true)).toEqual([{ col: 'stage', dir: 'asc' }]);
  });

  it("replaces, appends and removes one column's filter", () => {
    const stage = { col: 'stage', kind: 'set' as const, values: ['idea'] };
    const name = { col: 'name', kind: 'text' as const, op: 'contains' as const, value: 'crm' };
    const v = withFilter(withFilter(defaultViewState([]), 'stage', stage), 'name', name);
    expect(v.filters).toEqual([stage, name]);
    const changed = { ...stage, values: ['idea', 'proposed'] };
    expect(withFilter(v, 'stage', changed).filters).toEqual([name, changed]);
    expect(withFilter(v, 'name', null).filters).toEqual([stage]);
  });
});
