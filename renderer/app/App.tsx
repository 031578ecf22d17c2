// The app frame: header (workbook menu, undo/redo, save state), navigation between the areas,
// the current view, dialogs and messages. Global keyboard shortcuts live here.
import { useCallback, useEffect, useState, type DragEvent } from 'react';
import type { AppSnapshot, AppStore } from '../state/app-store';
import { StoreContext, useAppSelector, useSaveStatus, useStore } from '../state/use-app';
import { shallowEqual } from '../state/external-store';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Notices } from '../components/Notices';
import { WorkbookMenu, type WorkbookAction } from './WorkbookMenu';
import { WorkbookDialogs, type DialogState } from './WorkbookDialogs';
import { WelcomeView } from '../views/WelcomeView';
import { OverviewView } from '../views/OverviewView';
import { SettingsView } from '../views/SettingsView';
import { RegisterView } from '../views/register/RegisterView';
import { RoadmapView } from '../views/roadmap/RoadmapView';
import { CapacityView } from '../views/capacity/CapacityView';
import { REGISTERS, REGISTER_LABELS, type RegisterEntity } from '../../shared/register/columns';
import { ExchangeMenu } from '../views/exchange/ExchangeMenu';
import { isSpreadsheetName, useExchange } from '../views/exchange/use-exchange';

type Area = 'overview' | 'roadmap' | 'capacity' | RegisterEntity | 'settings';
const AREAS: { id: Area; label: string; group?: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'roadmap', label: 'Roadmap' },
  { id: 'capacity', label: 'Capacity' },
  ...REGISTERS.map((r) => ({ id: r, label: REGISTER_LABELS[r].plural, group: 'Registers' })),
  { id: 'settings', label: 'Settings' },
];

export function App({ store }: { store: AppStore }) {
  return (
    <StoreContext.Provider value={store}>
      <Shell />
    </StoreContext.Provider>
  );
}

function isTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((el as HTMLInputElement).type)) || el.tagName === 'SELECT';
}

/** What the frame shows: not the data (views read that), so an edit does not re-render the frame. */
const selectFrame = (s: AppSnapshot) => ({ phase: s.phase, failure: s.failure, current: s.current, busy: s.busy });
const selectUndo = (s: AppSnapshot) => s.undo;

function Shell() {
  const app = useAppSelector(selectFrame, shallowEqual);
  const store = useStore();
  const [area, setArea] = useState<Area>('overview');
  const [dialog, setDialog] = useState<DialogState>(null);
  const [dragging, setDragging] = useState(false);
  const exchange = useExchange();
  const exchangeAct = exchange.act;

  const act = useCallback(
    (action: WorkbookAction) => {
      switch (action.kind) {
        case 'new':
          return setDialog({ kind: 'new' });
        case 'demo':
          return void store.openDemo();
        case 'open':
          return void store.pickAndOpen().then((outcome) => setDialog({ kind: 'outcome', outcome }));
        case 'save-as':
          return void store.saveAs();
        case 'rename':
          return setDialog({ kind: 'rename' });
        case 'duplicate':
          return void store.duplicate();
        case 'delete':
          return setDialog({ kind: 'delete', id: action.id });
        case 'switch':
          return void store.switchTo(action.id);
        case 'about':
          return setDialog({ kind: 'about' });
      }
    },
    [store],
  );

  // Menu commands from the desktop shell.
  useEffect(
    () =>
      store.platform.onMenuCommand((cmd) => {
        if (cmd.command === 'new-workbook') act({ kind: 'new' });
        else if (cmd.command === 'open') act({ kind: 'open' });
        else if (cmd.command === 'save-as') act({ kind: 'save-as' });
        else if (cmd.command === 'about') act({ kind: 'about' });
        else if (cmd.command === 'import-spreadsheet') exchangeAct('import');
        else if (cmd.command === 'export-xlsx') exchangeAct('export-xlsx');
        else if (cmd.command === 'export-csv') exchangeAct('export-csv');
        else if (cmd.command === 'open-recent' && cmd.path) {
          void store.platform.openRecent(cmd.path).then(async (file) => {
            if (file) setDialog({ kind: 'outcome', outcome: await store.openFileBytes(file.name, file.bytes) });
          }, (e: Error) => store.notify('error', e.message));
        } else if (cmd.command === 'undo' || cmd.command === 'redo') {
          // In a text field the menu acts on the text, as in any editor.
          if (isTextField(document.activeElement)) document.execCommand(cmd.command);
          else void (cmd.command === 'undo' ? store.undo() : store.redo());
        }
      }),
    [store, act, exchangeAct],
  );

  // Spreadsheet-style shortcuts. Inside a text field, the browser's own undo applies.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod || e.altKey) return;
      // A modal dialog (the import wizard, a confirmation) owns the keyboard until it closes.
      if (document.querySelector('dialog[open]')) return;
      const key = e.key.toLowerCase();
      if (key === 'i' && !e.shiftKey) {
        e.preventDefault();
        exchangeAct('import');
      } else if (key === 'e' && !e.shiftKey) {
        e.preventDefault();
        exchangeAct('export-xlsx');
      } else if (key === 'z' && !isTextField(e.target)) {
        e.preventDefault();
        void (e.shiftKey ? store.redo() : store.undo());
      } else if (key === 'y' && !e.shiftKey && !isTextField(e.target)) {
        e.preventDefault();
        void store.redo();
      } else if (key === 'o' && !e.shiftKey) {
        e.preventDefault();
        act({ kind: 'open' });
      } else if (key === 's') {
        e.preventDefault();
        if (e.shiftKey) act({ kind: 'save-as' });
        else store.notify('info', 'Changes are saved as you make them. To write a file to share, use Save As (Ctrl+Shift+S).');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, act, exchangeAct]);

  if (app.phase === 'loading') return <div className="splash" aria-busy="true">Opening PMO Workbench…</div>;
  if (app.phase === 'failed') {
    return (
      <div className="splash error-panel" role="alert">
        <h1>PMO Workbench cannot open its storage</h1>
        <p>{app.failure}</p>
        <p className="muted">Your data has not been changed. Close other PMO Workbench windows and reload.</p>
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>
      </div>
    );
  }

  const current = app.current;
  // A file dropped on the window: a workbook opens, a spreadsheet starts the import wizard.
  const hasFiles = (e: DragEvent) => [...e.dataTransfer.types].includes('Files');
  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (!file || exchange.open || dialog) return;
    void file.arrayBuffer().then(
      (buf) => {
        const bytes = new Uint8Array(buf);
        if (isSpreadsheetName(file.name)) exchange.importFile(file.name, bytes);
        else void store.openFileBytes(file.name, bytes).then((outcome) => setDialog({ kind: 'outcome', outcome }));
      },
      (err: Error) => store.notify('error', `${file.name} could not be read: ${err.message}`),
    );
  };
  return (
    <div
      className="app"
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        if (!dragging) setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.relatedTarget || !(e.currentTarget as Node).contains(e.relatedTarget as Node)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <header className="topbar">
        <div className="brand" aria-label="PMO Workbench">
          <img src="./favicon.svg" alt="" width="22" height="22" />
          <span>PMO Workbench</span>
        </div>
        <WorkbookMenu onAction={act} />
        {current && <ExchangeMenu onAction={exchange.act} />}
        <div className="spacer" />
        {current && (
          <>
            <UndoRedo />
            <SaveState />
          </>
        )}
        <button type="button" className="ghost" onClick={() => act({ kind: 'about' })}>
          About
        </button>
      </header>
      {current ? (
        <div className="body">
          <nav className="sidenav" aria-label="Areas">
            {AREAS.map((a, i) => (
              <div key={a.id} className="nav-entry">
                {a.group && AREAS[i - 1]?.group !== a.group && <div className="nav-group">{a.group}</div>}
                {!a.group && AREAS[i - 1]?.group && <div className="nav-gap" />}
                <button type="button" className={a.id === area ? 'nav-item active' : 'nav-item'} aria-current={a.id === area ? 'page' : undefined} onClick={() => setArea(a.id)}>
                  {a.label}
                </button>
              </div>
            ))}
          </nav>
          {/* The area scrolls (the Overview does at 1280×800): focusable, so the keyboard can scroll it. */}
          <main className="content" tabIndex={0} aria-label={AREAS.find((a) => a.id === area)?.label} aria-busy={app.busy ? 'true' : undefined}>
            <ErrorBoundary resetKey={`${area}:${current.id}`}>{area === 'overview' ? <OverviewView /> : area === 'settings' ? <SettingsView /> : area === 'roadmap' ? <RoadmapView key={current.id} /> : area === 'capacity' ? <CapacityView key={current.id} /> : <RegisterView key={`${area}:${current.id}`} entity={area} />}</ErrorBoundary>
          </main>
        </div>
      ) : (
        <main className="content">
          <WelcomeView onAction={act} />
        </main>
      )}
      {app.busy && <BusyOverlay busy={app.busy} />}
      <WorkbookDialogs dialog={dialog} onClose={() => setDialog(null)} />
      {exchange.ui}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-box">{current ? 'Drop a spreadsheet to import it, or a .pmowb workbook to open it' : 'Drop a .pmowb workbook to open it'}</div>
        </div>
      )}
      <Notices />
    </div>
  );
}

function BusyOverlay({ busy }: { busy: NonNullable<AppSnapshot['busy']> }) {
  const pct = busy.progress === null ? null : Math.round(busy.progress * 100);
  return (
    <div className="busy-overlay">
      <div className="busy-box" role="status" aria-live="polite">
        <div className="busy-line">
          {pct === null && <div className="spinner" aria-hidden="true" />}
          <span>{busy.label}</span>
        </div>
        {pct !== null && (
          <div className="progress" role="progressbar" aria-label={busy.label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
            <div className="progress-fill" style={{ width: `${pct}%` }} />
          </div>
        )}
        {busy.cancel && (
          <button type="button" onClick={busy.cancel}>
            Cancel
          </button>
        )}
      </div>
    </div>
  );
}

function UndoRedo() {
  const store = useStore();
  const undo = useAppSelector(selectUndo);
  return (
    <>
      <button type="button" className="ghost" disabled={!undo.canUndo} onClick={() => void store.undo()} title={undo.undoLabel ? `Undo ${undo.undoLabel} (Ctrl+Z)` : 'Nothing to undo'} aria-label={undo.undoLabel ? `Undo ${undo.undoLabel}` : 'Undo'}>
        ↶ Undo
      </button>
      <button type="button" className="ghost" disabled={!undo.canRedo} onClick={() => void store.redo()} title={undo.redoLabel ? `Redo ${undo.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'} aria-label={undo.redoLabel ? `Redo ${undo.redoLabel}` : 'Redo'}>
        ↷ Redo
      </button>
    </>
  );
}

function SaveState() {
  const save = useSaveStatus();
  const text = save.status === 'saved' ? 'All changes saved' : save.status === 'saving' ? 'Saving…' : 'Not saved';
  return (
    <span className={`save-state ${save.status}`} role="status" title={save.status === 'error' ? save.message : text} data-testid="save-state">
      {text}
    </span>
  );
}
