// Saved views of a register: switch between them, save the current layout into one, save it as
// a new one, make one the workbook's default, delete one. Views are workbook records, so they
// travel with the file and every change to them can be undone. The commands are in
// shared/register/saved-views.ts; the register and the roadmap open this menu on their working view.
import { useState } from 'react';
import { useStore } from '../../state/use-app';
import { Popover } from '../../components/Popover';
import { PromptDialog, ConfirmDialog } from '../../components/Dialog';
import type { SavedView } from '../../../shared/model/schemas';
import { deleteViewCommand, saveViewAsCommand, saveViewCommand, setDefaultViewCommand, type ViewCommand } from '../../../shared/register/saved-views';
import type { WorkingView } from './use-working-view';

/** The toolbar button that opens the menu: "View: name", with a dot when the view has unsaved changes. */
export function ViewsButton({ working, onOpen }: { working: WorkingView; onOpen: (anchor: HTMLElement) => void }) {
  const { activeView, modified } = working;
  return (
    // Named by its visible text (label in name); the dot is said in words.
    <button type="button" onClick={(e) => onOpen(e.currentTarget)} aria-haspopup="dialog" title="Saved views">
      View: {activeView ? activeView.name : 'Unsaved'}
      {modified && (
        <>
          <span aria-hidden="true"> •</span>
          <span className="sr-only"> (changed)</span>
        </>
      )}
    </button>
  );
}

/** The menu over a working view; each choice is one command through the store, then the menu closes. */
export function ViewsMenu({ anchor, working, onClose }: { anchor: HTMLElement; working: WorkingView; onClose: () => void }) {
  const store = useStore();
  const { register, view, setView, savedViews } = working;
  const run = (c: ViewCommand) => store.commit(c.ops, { origin: c.origin, label: c.label });
  if (!view) return null;
  return (
    <ViewsMenuList
      anchor={anchor}
      views={savedViews}
      activeId={working.activeViewId}
      modified={working.modified}
      onClose={onClose}
      onSwitch={(v) => {
        setView(v.state, v.id);
        onClose();
      }}
      onSave={(v) => {
        void run(saveViewCommand(v, view));
        onClose();
      }}
      onSaveAs={async (name) => {
        onClose();
        const r = await run(saveViewAsCommand(register, name, view, savedViews));
        const id = r?.plan?.created.get(0);
        if (id) setView(view, id);
      }}
      onSetDefault={(v) => {
        void run(setDefaultViewCommand(savedViews, v));
        onClose();
      }}
      onDelete={(v) => {
        void run(deleteViewCommand(v));
        setView(view, null);
        onClose();
      }}
    />
  );
}

function ViewsMenuList(props: {
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
