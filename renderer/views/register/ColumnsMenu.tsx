// Chooses which columns show and which are pinned to the left. Order and widths are changed by
// dragging headers in the grid.
import { Popover } from '../../components/Popover';
import type { ColumnDef, ViewState } from '../../../shared/register/types';
import { orderedColumns, setColumnHidden, setColumnPinned } from '../../../shared/register/view-state';

type Def = ColumnDef<Record<string, unknown> & { id: string }>;

export function ColumnsMenu(props: { anchor: HTMLElement; columns: Def[]; view: ViewState; onChange: (v: ViewState) => void; onReset: () => void; onClose: () => void }) {
  const list = orderedColumns(props.columns, props.view);
  const shown = list.filter((x) => !x.state.hidden).length;
  return (
    <Popover anchor={props.anchor} onClose={props.onClose} label="Columns" width={320}>
      <h3>Columns ({shown} of {list.length} shown)</h3>
      <p className="hint">Drag headers in the grid to reorder or resize them.</p>
      <ul className="column-list">
        {list.map(({ col, state }) => (
          <li key={col.id}>
            <label className="check-row">
              <input type="checkbox" checked={!state.hidden} onChange={(e) => props.onChange(setColumnHidden(props.view, props.columns, col.id, !e.target.checked))} />
              <span>{col.header}</span>
              {!col.editable && <span className="muted small">calculated</span>}
            </label>
            <button
              type="button"
              className={`ghost small pin ${state.pinned === 'left' || (state.pinned === undefined && col.pinned === 'left') ? 'on' : ''}`}
              aria-pressed={state.pinned === 'left' || (state.pinned === undefined && col.pinned === 'left')}
              aria-label={`Pin ${col.header} to the left`}
              onClick={() => props.onChange(setColumnPinned(props.view, props.columns, col.id, state.pinned === 'left' || (state.pinned === undefined && col.pinned === 'left') ? null : 'left'))}
            >
              Pin
            </button>
          </li>
        ))}
      </ul>
      <div className="row end">
        <button type="button" onClick={props.onReset}>
          Reset columns
        </button>
      </div>
    </Popover>
  );
}
