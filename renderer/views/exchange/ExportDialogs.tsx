// Export dialogs: the whole workbook as a styled .xlsx (with the allocation grid by week or by
// month), or one kind of record as CSV. The file is built in the exchange worker.
import { useId, useState, type ReactNode } from 'react';
import { Dialog } from '../../components/Dialog';
import { useStore } from '../../state/use-app';
import { IMPORT_KINDS, KIND_LABELS, type ImportKind } from '../../../shared/exchange/fields';
import type { GridUnit } from '../../../shared/exchange/export';
import type { CsvStyle } from '../../workers/exchange.worker';
import { HOLDS_LABELS } from './display';
import './exchange.css';

export type ExportChoice = 'xlsx' | 'csv';

export function ExportDialog({ kind, onClose }: { kind: ExportChoice; onClose: () => void }) {
  return kind === 'xlsx' ? <XlsxDialog onClose={onClose} /> : <CsvDialog onClose={onClose} />;
}

function XlsxDialog({ onClose }: { onClose: () => void }) {
  const store = useStore();
  const [grid, setGrid] = useState<GridUnit>('week');
  return (
    <ExportForm title="Export to Excel (.xlsx)" onClose={onClose} onExport={() => void store.exportXlsx(grid)}>
        <p className="small muted">One sheet each for projects, milestones, people, allocations and RAID items, with drop-downs for choices. Send it out, and import the edited file back: changes are merged cell by cell.</p>
        <fieldset className="choice-list">
          <legend>Allocation grid</legend>
          <label className="choice">
            <input type="radio" name="grid" value="week" checked={grid === 'week'} onChange={() => setGrid('week')} autoFocus />
            <span>
              Weekly <span className="muted small">— a column per ISO week</span>
            </span>
          </label>
          <label className="choice">
            <input type="radio" name="grid" value="month" checked={grid === 'month'} onChange={() => setGrid('month')} />
            <span>
              Monthly <span className="muted small">— a column per month</span>
            </span>
          </label>
        </fieldset>
    </ExportForm>
  );
}

function CsvDialog({ onClose }: { onClose: () => void }) {
  const store = useStore();
  const [kind, setKind] = useState<ImportKind>('project');
  const [style, setStyle] = useState<CsvStyle>('reimport');
  const noteId = useId();
  return (
    <ExportForm title="Export CSV" onClose={onClose} onExport={() => void store.exportCsv(kind, style)}>
        <p className="small muted">A comma-separated file of one kind of record, UTF-8, dates as 2026-12-31.</p>
        <fieldset className="choice-list">
          <legend>Records</legend>
          {IMPORT_KINDS.map((k, i) => (
            <label key={k} className="choice">
              <input type="radio" name="csv-kind" value={k} checked={kind === k} onChange={() => setKind(k)} autoFocus={i === 0} />
              <span>
                {k === 'raid' ? 'RAID' : k === 'resource' ? KIND_LABELS[k].sheet : HOLDS_LABELS[k]}
                {k === 'resource' && <span className="muted small"> — people</span>}
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="choice-list">
          <legend>CSV for</legend>
          <label className="choice">
            <input type="radio" name="csv-style" value="reimport" checked={style === 'reimport'} onChange={() => setStyle('reimport')} aria-describedby={`${noteId}-reimport`} />
            <span>Re-import into PMO Workbench</span>
          </label>
          <p id={`${noteId}-reimport`} className="muted small choice-note">
            Text a spreadsheet would run as a formula (starting with =, +, -, @) gets an apostrophe in front, and a record id column is added, so the file reads back exactly. Excel and LibreOffice show that apostrophe as part of the text when they open a CSV; Gnumeric hides it.
          </p>
          <label className="choice">
            <input type="radio" name="csv-style" value="people" checked={style === 'people'} onChange={() => setStyle('people')} aria-describedby={`${noteId}-people`} />
            <span>People to read</span>
          </label>
          <p id={`${noteId}-people`} className="muted small choice-note">
            No apostrophes and no record ids: what the cells say. Cells that would run as a formula are left empty and listed after the export; export to Excel (.xlsx) to keep them.
          </p>
        </fieldset>
    </ExportForm>
  );
}

/** An export dialog: its choices in a form, Cancel and Export; Export closes it and starts the export. */
function ExportForm({ title, onClose, onExport, children }: { title: string; onClose: () => void; onExport: () => void; children: ReactNode }) {
  const formId = useId();
  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="primary">
            Export
          </button>
        </>
      }
    >
      <form
        id={formId}
        onSubmit={(e) => {
          e.preventDefault();
          onClose();
          onExport();
        }}
      >
        {children}
      </form>
    </Dialog>
  );
}
