// The workbook switcher: the open workbook's name, and a menu to switch, create, open, save,
// rename, duplicate or delete workbooks. Arrow keys move through it, Esc closes it.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useApp } from '../state/use-app';

export type WorkbookAction =
  | { kind: 'new' | 'demo' | 'open' | 'save-as' | 'rename' | 'duplicate' | 'about' }
  | { kind: 'delete'; id: string }
  | { kind: 'switch'; id: string };

export function WorkbookMenu({ onAction }: { onAction: (a: WorkbookAction) => void }) {
  const app = useApp();
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const current = app.current;

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"], [role="menuitemradio"]')?.focus();
    const close = (e: MouseEvent) => {
      if (!menuRef.current?.contains(e.target as Node) && !buttonRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const choose = (a: WorkbookAction) => {
    setOpen(false);
    buttonRef.current?.focus();
    onAction(a);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled]), [role="menuitemradio"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
    else if (e.key === 'Home') items[0]?.focus();
    else if (e.key === 'End') items[items.length - 1]?.focus();
    else if (e.key === 'Escape' || e.key === 'Tab') {
      setOpen(false);
      buttonRef.current?.focus();
    } else return;
    e.preventDefault();
  };

  return (
    <div className="wb-menu">
      <button ref={buttonRef} type="button" className="wb-button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} title={current?.settings.name}>
        <span className="wb-name">{current ? current.settings.name : 'No workbook open'}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={menuRef} className="menu" role="menu" aria-label="Workbooks" onKeyDown={onKeyDown}>
          {app.workbooks.length > 0 && <div className="menu-heading">Workbooks</div>}
          {app.workbooks.map((w) => (
            <button key={w.id} type="button" role="menuitemradio" aria-checked={w.id === current?.id} className="menu-item workbook-item" onClick={() => choose({ kind: 'switch', id: w.id })}>
              <span className="check" aria-hidden="true">
                {w.id === current?.id ? '✓' : ''}
              </span>
              <span className="wb-item-name">{w.name}</span>
              <span className="muted small">{w.projectCount === 1 ? '1 project' : `${w.projectCount} projects`}</span>
            </button>
          ))}
          {app.workbooks.length > 0 && <div className="menu-sep" role="separator" />}
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
