// Small external store the grid's header and cells read from (sort keys, filters in use, the
// selected range, refused cells), so that changing them refreshes only what shows them.
import type { Filter, SortKey } from '../../../shared/register/types';
import type { CellRange } from './range';
import { ExternalStore, type Readable } from '../../state/external-store';

export interface GridUiState {
  sort: SortKey[];
  filters: Filter[];
  range: CellRange | null;
  /** `${rowId}|${colId}` → why the last value typed or pasted there was refused. */
  errors: ReadonlyMap<string, string>;
}

export class GridUiStore implements Readable<GridUiState> {
  private readonly state = new ExternalStore<GridUiState>({ sort: [], filters: [], range: null, errors: new Map() });

  get = (): GridUiState => this.state.get();

  subscribe = (l: () => void): (() => void) => this.state.subscribe(l);

  set(patch: Partial<GridUiState>) {
    this.state.update(patch);
  }
}
