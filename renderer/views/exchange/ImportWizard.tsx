// The import wizard: a large modal over the app, steps File → Sheets → Columns → Check → Done
// (or File → Review changes → Done when the file is one of our own exports and is merged).
// The flow object holds the state and talks to the worker; this renders it.
import { useEffect, useId, useRef, useSyncExternalStore } from 'react';
import { IMPORT_STEPS, MERGE_STEPS, stepIndex, type FlowSnapshot, type ImportFlow, type Progress } from './import-flow';
import { SheetsStep } from './SheetsStep';
import { ColumnsStep } from './ColumnsStep';
import { CheckStep } from './CheckStep';
import { MergeReview, mergeActions } from './MergeReview';
import { count } from './display';
import { useModalDialog } from '../../components/use-modal-dialog';
import './exchange.css';

export function ImportWizard({ flow, onPickAnother }: { flow: ImportFlow; onPickAnother: () => void }) {
  const s = useSyncExternalStore(flow.subscribe, flow.getSnapshot);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useModalDialog(ref, () => flow.cancel());

  // A new step replaces what had focus: keep the keyboard inside the dialog, at the step.
  const phase = s.phase;
  useEffect(() => {
    const d = ref.current;
    if (d && (!d.contains(document.activeElement) || document.activeElement === d)) d.querySelector<HTMLElement>('.wizard-body')?.focus({ preventScroll: true });
  }, [phase]);

  if (s.phase === 'closed') return null;
  const steps = s.merge ? MERGE_STEPS : IMPORT_STEPS;
  const at = stepIndex(s);
  const title = s.merge ? `Merge “${s.fileName}”` : `Import “${s.fileName}”`;

  return (
    <dialog ref={ref} className="dialog wizard" aria-labelledby={titleId} data-testid="import-wizard">
      <header className="wizard-head">
        <h2 id={titleId} title={title}>
          {title}
        </h2>
        <ol className="steps" aria-label={s.merge ? 'Merge steps' : 'Import steps'}>
          {steps.map((label, i) => (
            <li key={label} className={i === at ? 'current' : i < at ? 'past' : undefined} aria-current={i === at ? 'step' : undefined}>
              <span className="step-no" aria-hidden="true">
                {i < at ? '✓' : i + 1}
              </span>
              {label}
            </li>
          ))}
        </ol>
      </header>
      <div className="wizard-body" tabIndex={-1}>
        {s.message && s.phase !== 'refused' && (
          <p className="step-error" role="alert">
            {s.message}
          </p>
        )}
        {s.mergeNote && (s.phase === 'sheets' || s.phase === 'columns') && <p className="step-note">{s.mergeNote}</p>}
        <Body s={s} flow={flow} />
      </div>
      <footer className="wizard-actions">
        <Actions s={s} flow={flow} onPickAnother={onPickAnother} />
      </footer>
    </dialog>
  );
}

function Body({ s, flow }: { s: FlowSnapshot; flow: ImportFlow }) {
  switch (s.phase) {
    case 'reading':
    case 'diffing':
    case 'checking':
      return <Working progress={s.progress} note={s.phase === 'checking' ? 'Every row is converted and checked against the workbook’s rules. Nothing is written yet.' : 'The file is read in the background; the window stays usable. Nothing is written yet.'} />;
    case 'committing':
      return <Working progress={{ stage: `Importing ${count((s.report?.counts.new ?? 0) + (s.report?.counts.updated ?? 0), 'row')}`, fraction: null }} note="Written in one step: one Undo takes it all back." />;
    case 'merging':
      return <Working progress={{ stage: 'Applying the accepted changes', fraction: null }} note="Written in one step: one Undo takes it all back." />;
    case 'refused':
      return (
        <div className="refused" role="alert">
          <h3>This file cannot be imported</h3>
          <p className="pre-line">{s.message}</p>
          <p className="muted">Nothing was changed.</p>
        </div>
      );
    case 'sheets':
      return <SheetsStep s={s} flow={flow} />;
    case 'columns':
      return <ColumnsStep s={s} flow={flow} />;
    case 'check':
      return <CheckStep s={s} flow={flow} />;
    case 'merge':
      return <MergeReview s={s} flow={flow} />;
    case 'done':
    case 'merged':
      return <Done s={s} />;
    case 'closed':
      return null;
  }
}

function Working({ progress, note }: { progress: Progress | null; note: string }) {
  const pct = progress?.fraction === null || progress?.fraction === undefined ? null : Math.round(progress.fraction * 100);
  const label = progress?.stage ?? 'Working';
  return (
    <div className="working">
      <p className="working-stage" role="status" aria-live="polite">
        {label}…{pct !== null && <span className="muted"> {pct} %</span>}
      </p>
      {pct === null ? (
        <div className="progress indeterminate" role="progressbar" aria-label={label}>
          <div className="progress-fill" />
        </div>
      ) : (
        <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
          <div className="progress-fill" style={{ width: `${pct}%` }} />
        </div>
      )}
      <p className="muted small">{note}</p>
    </div>
  );
}

function Done({ s }: { s: FlowSnapshot }) {
  const d = s.done;
  if (!d) return null;
  const report = s.report;
  return (
    <div className="done" role="status">
      <h3 className="done-title">{s.phase === 'merged' ? `Merged ${count(d.applied + d.created + d.deleted, 'change')} from ${s.fileName}` : `Imported ${count(d.applied, 'row')} from ${s.fileName}`}</h3>
      <ul className="done-list">
        {s.phase === 'merged' ? (
          <>
            <li>{count(d.applied, 'cell')} updated in {count(d.updated, 'record')}</li>
            <li>{count(d.created, 'new record')} added</li>
            <li>{count(d.deleted, 'record')} deleted</li>
          </>
        ) : (
          <>
            <li>{count(d.created, 'new record')} created</li>
            <li>{count(d.updated, 'record')} updated</li>
            {report && <li>{count(report.counts.unchanged, 'row')} already up to date</li>}
            {report && <li>{count(report.counts.notImported, 'row')} of data not imported (see the report of the previous step)</li>}
            {report && report.counts.layout > 0 && <li>{count(report.counts.layout, 'row')} set aside as layout (titles, headers, totals, blanks)</li>}
            {report && report.creates.length > 0 && <li>{count(report.creates.length, 'linked record')} created for names the rows used</li>}
          </>
        )}
      </ul>
      <p className="muted">
        It was saved as one change{d.undoLabel ? ` (“${d.undoLabel}”)` : ''}: <kbd>Ctrl+Z</kbd> or Undo takes it all back.
      </p>
    </div>
  );
}

function Actions({ s, flow, onPickAnother }: { s: FlowSnapshot; flow: ImportFlow; onPickAnother: () => void }) {
  const cancel = (
    <button type="button" onClick={() => flow.cancel()}>
      Cancel
    </button>
  );
  switch (s.phase) {
    case 'reading':
    case 'diffing':
      return cancel;
    case 'checking':
      return (
        <button type="button" onClick={() => flow.cancel()}>
          Cancel check
        </button>
      );
    case 'committing':
    case 'merging':
      return (
        <button type="button" className="primary" disabled>
          Saving…
        </button>
      );
    case 'refused':
      return (
        <>
          <button
            type="button"
            onClick={() => {
              flow.close();
              onPickAnother();
            }}
          >
            Choose another file…
          </button>
          <button type="button" className="primary" autoFocus onClick={() => flow.close()}>
            Close
          </button>
        </>
      );
    case 'sheets': {
      const included = s.proposals.filter((p) => p.include).length;
      return (
        <>
          <span className="actions-note muted">{included ? `${count(included, 'sheet')} to import` : 'Tick at least one sheet to import'}</span>
          {cancel}
          <button type="button" className="primary" disabled={!included || s.remapping !== null} onClick={() => flow.goTo('columns')}>
            Next: columns
          </button>
        </>
      );
    }
    case 'columns':
      return (
        <>
          {cancel}
          <button type="button" onClick={() => flow.goTo('sheets')}>
            Back
          </button>
          <button type="button" className="primary" onClick={() => void flow.check()}>
            Next: check
          </button>
        </>
      );
    case 'check': {
      const n = (s.report?.counts.new ?? 0) + (s.report?.counts.updated ?? 0);
      return (
        <>
          {cancel}
          <button type="button" onClick={() => flow.goTo('columns')}>
            Back
          </button>
          <button type="button" className="primary" disabled={n === 0} onClick={() => void flow.commit()}>
            {n === 0 ? 'Nothing to import' : `Import ${count(n, 'row')}`}
          </button>
        </>
      );
    }
    case 'merge':
      return mergeActions(s, flow);
    case 'done':
    case 'merged':
      return (
        <button type="button" className="primary" autoFocus onClick={() => flow.close()}>
          Close
        </button>
      );
    case 'closed':
      return null;
  }
}
