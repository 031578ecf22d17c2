// Small external store the grid's header and cells read from (sort keys, filters in use, the
// selected range, refused cells), so that changing them refreshes only what shows them.
import type { Filter, SortKey } from '../../../shared/register/types';
import type { CellRange } from './range';

export interface GridUiState {
  sort: SortKey[];
  filters: Filter[];
  range: CellRange | null;
  /** `${rowId}|${colId}` → why the last value typed or pasted there was refused. */
  errors: ReadonlyMap<string, string>;
}

export class GridUiStore {
  private state: GridUiState = { sort: [], filters: [], range: null, errors: new Map() };
  private readonly listeners = new Set<() => void>();

  get = () => this.state;

  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  set(patch: Partial<GridUiState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}
