// The "Import / Export" menu beside the workbook menu: import a spreadsheet (or merge one of our
// exports back), export the workbook to Excel or one kind of record to CSV.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

export type ExchangeAction = 'import' | 'export-xlsx' | 'export-csv';

export function ExchangeMenu({ onAction }: { onAction: (a: ExchangeAction) => void }) {
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const close = (e: MouseEvent) => {
      if (!menuRef.current?.contains(e.target as Node) && !buttonRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const choose = (a: ExchangeAction) => {
    setOpen(false);
    buttonRef.current?.focus();
    onAction(a);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
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
      <button ref={buttonRef} type="button" className="ghost exchange-button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Import / Export <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={menuRef} className="menu" role="menu" aria-label="Import and export" onKeyDown={onKeyDown}>
          <button type="button" role="menuitem" className="menu-item" onClick={() => choose('import')} aria-keyshortcuts="Control+I">
            Import from spreadsheet…<kbd>Ctrl+I</kbd>
          </button>
          <div className="menu-sep" role="separator" />
          <button type="button" role="menuitem" className="menu-item" onClick={() => choose('export-xlsx')} aria-keyshortcuts="Control+E">
            Export to Excel (.xlsx)…<kbd>Ctrl+E</kbd>
          </button>
          <button type="button" role="menuitem" className="menu-item" onClick={() => choose('export-csv')}>
            Export CSV…
          </button>
        </div>
      )}
    </div>
  );
}
