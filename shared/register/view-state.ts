// Working with view states: the default view of a register, the visible columns in order,
// merging a column layout reported by the grid, toggling sort keys and setting a column's filter.
import type { ColumnDef, ColumnState, Filter, SortKey, ViewState } from './types';

export function defaultViewState(columns: ColumnDef<never>[], sort: SortKey[] = []): ViewState {
  return {
    columns: columns.map((c) => ({ id: c.id, ...(c.hiddenByDefault ? { hidden: true } : {}) })),
    sort,
    filters: [],
    groupBy: null,
    search: '',
    showArchived: false,
  };
}

/** Every known column in view order: listed ones first, new ones (a new custom field) after. */
export function orderedColumns<C extends { id: string; hiddenByDefault?: boolean }>(columns: C[], state: ViewState): { col: C; state: ColumnState }[] {
  const byId = new Map(columns.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const out: { col: C; state: ColumnState }[] = [];
  for (const s of state.columns) {
    const col = byId.get(s.id);
    if (!col || seen.has(s.id)) continue;
    seen.add(s.id);
    out.push({ col, state: s });
  }
  for (const col of columns) {
    if (!seen.has(col.id)) out.push({ col, state: { id: col.id, ...(col.hiddenByDefault ? { hidden: true } : {}) } });
  }
  return out;
}

export function visibleColumns<C extends { id: string; hiddenByDefault?: boolean }>(columns: C[], state: ViewState): C[] {
  return orderedColumns(columns, state)
    .filter((x) => !x.state.hidden)
    .map((x) => x.col);
}

/** The grid reports its visible columns in order with widths and pinning; hidden ones keep their place after them. */
export function mergeColumnLayout(state: ViewState, reported: ColumnState[]): ViewState {
  const reportedIds = new Set(reported.map((r) => r.id));
  const hidden = state.columns.filter((c) => c.hidden && !reportedIds.has(c.id));
  return { ...state, columns: [...reported.map((r) => ({ ...r, hidden: false })), ...hidden] };
}

/**
 * A click on a header sorts by that column, ascending, then descending, then not at all;
 * with Shift it adds the column to the sort keys instead of replacing them.
 */
export function toggleSort(sort: SortKey[], col: string, additive: boolean): SortKey[] {
  const i = sort.findIndex((s) => s.col === col);
  const current = sort[i];
  const next: SortKey | null = !current ? { col, dir: 'asc' } : current.dir === 'asc' ? { col, dir: 'desc' } : null;
  if (!additive) return next ? [next] : [];
  if (i < 0) return [...sort, next!];
  return next ? sort.map((s, j) => (j === i ? next : s)) : sort.filter((_, j) => j !== i);
}

export function setColumnHidden(state: ViewState, columns: { id: string; hiddenByDefault?: boolean }[], id: string, hidden: boolean): ViewState {
  const list = orderedColumns(columns, state).map((x) => x.state);
  return { ...state, columns: list.map((c) => (c.id === id ? { ...c, hidden } : c)) };
}

export function setColumnPinned(state: ViewState, columns: { id: string; hiddenByDefault?: boolean }[], id: string, pinned: 'left' | null): ViewState {
  const list = orderedColumns(columns, state).map((x) => x.state);
  return { ...state, columns: list.map((c) => (c.id === id ? { ...c, pinned } : c)) };
}

/** The view with one column's filter replaced (or removed, with null); it moves to the end of the chips. */
export function withFilter(state: ViewState, col: string, filter: Filter | null): ViewState {
  return { ...state, filters: [...state.filters.filter((x) => x.col !== col), ...(filter ? [filter] : [])] };
}
