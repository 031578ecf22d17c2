// Saved views of a register: switch between them, save the current layout into one, save it as
// a new one, make one the workbook's default, delete one. Views are workbook records, so they
// travel with the file and every change to them can be undone.
import { useState } from 'react';
import { Popover } from '../../components/Popover';
import { PromptDialog, ConfirmDialog } from '../../components/Dialog';
import type { SavedView } from '../../../shared/model/schemas';

export function ViewsMenu(props: {
  anchor: HTMLElement;
  views: SavedView[];
  activeId: string | null;
  modified: boolean;
  onSwitch: (v: SavedView) => void;
  onSave: (v: SavedView) => void;
  onSaveAs: (name: string) => void;
  onSetDefault: (v: SavedView) => void;
  onDelete: (v: SavedView) => void;
  onClose: () => void;
}) {
  const [dialog, setDialog] = useState<null | 'save-as' | 'delete'>(null);
  const active = props.views.find((v) => v.id === props.activeId) ?? null;
  if (dialog === 'save-as') return <PromptDialog title="Save view as" label="View name" initial={active ? `${active.name} (copy)` : 'My view'} confirm="Save view" onClose={props.onClose} onSubmit={(name) => props.onSaveAs(name)} />;
  if (dialog === 'delete' && active)
    return <ConfirmDialog title="Delete view?" danger confirm="Delete view" message={<p>The saved view “{active.name}” will be deleted. You can undo this.</p>} onClose={props.onClose} onConfirm={() => props.onDelete(active)} />;
  return (
    <Popover anchor={props.anchor} onClose={props.onClose} label="Saved views" width={300}>
      <h3>Saved views</h3>
      {props.views.length === 0 ? (
        <p className="muted small">No saved views yet. Arrange columns, sorting, filters and grouping, then save them as a view.</p>
      ) : (
        <ul className="view-list">
          {props.views.map((v) => (
            <li key={v.id}>
              <button type="button" className={`menu-item ${v.id === props.activeId ? 'current' : ''}`} aria-current={v.id === props.activeId ? 'true' : undefined} onClick={() => props.onSwitch(v)}>
                <span className="wb-item-name">{v.name}</span>
                {v.isDefault && <span className="badge">default</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="menu-sep" />
      {active && (
        <button type="button" className="menu-item" disabled={!props.modified} onClick={() => props.onSave(active)}>
          Save changes to “{active.name}”
        </button>
      )}
      <button type="button" className="menu-item" onClick={() => setDialog('save-as')}>
        Save as new view…
      </button>
      {active && !active.isDefault && (
        <button type="button" className="menu-item" onClick={() => props.onSetDefault(active)}>
          Make “{active.name}” the default
        </button>
      )}
      {active && (
        <button type="button" className="menu-item danger-text" onClick={() => setDialog('delete')}>
          Delete “{active.name}”…
        </button>
      )}
    </Popover>
  );
}
