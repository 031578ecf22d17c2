// The workbook switcher: the open workbook's name, and a menu to switch, create, open, save,
// rename, duplicate or delete workbooks. Arrow keys move through it, Esc closes it.
import { useMenuButton } from '../components/use-menu-button';
import { useSettings, useWorkbook, useWorkbookList } from '../state/use-app';

export type WorkbookAction =
  | { kind: 'new' | 'demo' | 'open' | 'save-as' | 'rename' | 'duplicate' | 'about' }
  | { kind: 'delete'; id: string }
  | { kind: 'switch'; id: string };

export function WorkbookMenu({ onAction }: { onAction: (a: WorkbookAction) => void }) {
  const current = useWorkbook();
  const name = useSettings()?.name;
  const workbooks = useWorkbookList();
  const { open, setOpen, menuRef, buttonRef, onKeyDown, choose: pick } = useMenuButton();
  const choose = (a: WorkbookAction) => pick(onAction, a);

  return (
    <div className="wb-menu">
      <button ref={buttonRef} type="button" className="wb-button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} title={name}>
        <span className="wb-name">{current ? name : 'No workbook open'}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={menuRef} className="menu" role="menu" aria-label="Workbooks" onKeyDown={onKeyDown}>
          {workbooks.length > 0 && <div className="menu-heading">Workbooks</div>}
          {workbooks.map((w) => (
            <button key={w.id} type="button" role="menuitemradio" aria-checked={w.id === current?.id} className="menu-item workbook-item" onClick={() => choose({ kind: 'switch', id: w.id })}>
              <span className="check" aria-hidden="true">
                {w.id === current?.id ? '✓' : ''}
              </span>
              <span className="wb-item-name">{w.name}</span>
              <span className="muted small">{w.projectCount === 1 ? '1 project' : `${w.projectCount} projects`}</span>
            </button>
          ))}
          {workbooks.length > 0 && <div className="menu-sep" role="separator" />}
          <button type="button" role="menuitem" className="menu-item" onClick={() => choose({ kind: 'new' })}>
            New workbook…
          </button>
          <button type="button" role="menuitem" className="menu-item" onClick={() => choose({ kind: 'demo' })}>
            Open sample portfolio
          </button>
          <button type="button" role="menuitem" className="menu-item" onClick={() => choose({ kind: 'open' })}>
            Open file…<kbd>Ctrl+O</kbd>
          </button>
          {current && (
            <>
              <div className="menu-sep" role="separator" />
              <button type="button" role="menuitem" className="menu-item" onClick={() => choose({ kind: 'save-as' })}>
                Save as file…<kbd>Ctrl+Shift+S</kbd>
              </button>
              <button type="button" role="menuitem" className="menu-item" onClick={() => choose({ kind: 'rename' })}>
                Rename…
              </button>
              <button type="button" role="menuitem" className="menu-item" onClick={() => choose({ kind: 'duplicate' })}>
                Duplicate
              </button>
              <button type="button" role="menuitem" className="menu-item danger-text" onClick={() => choose({ kind: 'delete', id: current.id })}>
                Delete…
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
