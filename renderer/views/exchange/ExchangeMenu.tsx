// The "Import / Export" menu beside the workbook menu: import a spreadsheet (or merge one of our
// exports back), export the workbook to Excel or one kind of record to CSV.
import { useMenuButton } from '../../components/use-menu-button';

export type ExchangeAction = 'import' | 'export-xlsx' | 'export-csv';

export function ExchangeMenu({ onAction }: { onAction: (a: ExchangeAction) => void }) {
  const { open, setOpen, menuRef, buttonRef, onKeyDown, choose: pick } = useMenuButton();
  const choose = (a: ExchangeAction) => pick(onAction, a);

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
