// Export dialogs: the whole workbook as a styled .xlsx (with the allocation grid by week or by
// month), or one kind of record as CSV. The file is built in the exchange worker.
import { useId, useState, type ReactNode } from 'react';
import { Dialog } from '../../components/Dialog';
import { useStore } from '../../state/use-app';
import { IMPORT_KINDS, KIND_LABELS, type ImportKind } from '../../../shared/exchange/fields';
import type { GridUnit } from '../../../shared/exchange/export';
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
  return (
    <ExportForm title="Export CSV" onClose={onClose} onExport={() => void store.exportCsv(kind)}>
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
