// Merge review: one of our own exports came back edited. Each changed cell is shown as it was
// sent and as it came back, with whether it was also changed here (a conflict: ours is kept
// unless the user ticks it). Cells, rows and sheets are accepted or rejected; rows added in the
// file are added unless unticked; rows removed from it are deleted only when ticked.
import { useState } from 'react';
import { cellKey, type MergeCell, type MergeRow } from '../../../shared/exchange/merge';
import { countDecisions, type FlowSnapshot, type ImportFlow } from './import-flow';
import { count, when } from './display';
import { CellIssuesTable } from './CellIssues';
import { useSettings } from '../../state/use-app';

const PAGE = 200;

/** The decision keys "Accept all" covers: changed cells and added rows (removals are chosen one by one). */
function acceptKeys(rows: readonly MergeRow[]): string[] {
  const keys: string[] = [];
  for (const r of rows) {
    if (r.change === 'new') keys.push(r.key);
    else if (r.change === 'changed' && !r.goneHere) for (const c of r.cells) keys.push(cellKey(r, c.field));
  }
  return keys;
}

function Tri({ keys, decisions, label, onChange, disabled }: { keys: string[]; decisions: Map<string, boolean>; label: string; onChange: (take: boolean) => void; disabled?: boolean }) {
  const on = keys.filter((k) => decisions.get(k) === true).length;
  const all = keys.length > 0 && on === keys.length;
  const some = on > 0 && !all;
  return (
    <input
      type="checkbox"
      aria-label={label}
      checked={all}
      disabled={disabled || keys.length === 0}
      ref={(el) => {
        if (el) el.indeterminate = some;
      }}
      onChange={(e) => onChange(e.target.checked)}
    />
  );
}

export function MergeReview({ s, flow }: { s: FlowSnapshot; flow: ImportFlow }) {
  const diff = s.diff!;
  const settings = useSettings()!;
  const snap = s.summary?.snapshot;
  const sheets = [...new Set(diff.rows.map((r) => r.sheet))];
  let cells = 0;
  let conflicts = 0;
  for (const r of diff.rows) {
    if (r.change !== 'changed') continue;
    cells += r.cells.length;
    conflicts += r.cells.filter((c) => c.kind === 'conflict').length;
  }
  const added = diff.rows.filter((r) => r.change === 'new').length;
  const removed = diff.rows.filter((r) => r.change === 'deleted').length;
  const all = acceptKeys(diff.rows);
  const tiles = [
    { key: 'cells', label: 'Changed cells', value: cells },
    { key: 'conflicts', label: 'Conflicts', value: conflicts, tone: conflicts ? 'warn' : undefined },
    { key: 'new', label: 'New rows', value: added, tone: added ? 'good' : undefined },
    { key: 'removed', label: 'Removed rows', value: removed },
    { key: 'unchanged', label: 'Unchanged rows', value: diff.unchanged },
    { key: 'ours', label: 'Changed here only', value: diff.oursOnly },
  ];
  return (
    <div className="merge-review">
      <p className="merge-intro">
        This is an export of “<strong>{diff.workbookName}</strong>” from {when(snap?.exportedAt ?? diff.exportedAt, settings)}: changes are merged cell by cell.
      </p>
      <ul className="count-tiles six" aria-label="Changes in the file">
        {tiles.map((t) => (
          <li key={t.key} className={`count-tile${t.tone ? ` ${t.tone}` : ''}`} data-testid={`merge-count-${t.key}`}>
            <span className="count-value">{t.value.toLocaleString('en-GB')}</span>
            <span className="count-label">{t.label}</span>
          </li>
        ))}
      </ul>
      <p className="small muted">
        Changes made only in the file are ticked. A <strong>conflict</strong> is a cell changed both in the file and here since the export: the value here is kept unless you tick it. {diff.oursOnly > 0 && `${count(diff.oursOnly, 'cell')} changed here only stay as they are.`}
      </p>
      {diff.rows.length > 0 && (
        <div className="toolbar merge-bulk">
          <button type="button" onClick={() => flow.setDecisions(all, true)} disabled={all.length === 0}>
            Accept all
          </button>
          <button type="button" onClick={() => flow.setDecisions(all, false)} disabled={all.length === 0}>
            Reject all
          </button>
          <span className="muted small">Removed rows are deleted only when you tick them one by one.</span>
        </div>
      )}
      {diff.rows.length === 0 && <p className="empty-state">The file holds no changes to merge: every row it returned matches the workbook.</p>}
      {sheets.map((name) => (
        <SheetChanges key={name} name={name} rows={diff.rows.filter((r) => r.sheet === name)} s={s} flow={flow} />
      ))}
      {diff.issues.length > 0 && (
        <section className="report-section" aria-labelledby="merge-issues">
          <h3 id="merge-issues">Cells that could not be read ({diff.issues.length.toLocaleString('en-GB')})</h3>
          <CellIssuesTable issues={diff.issues} label="Cells that could not be read" page={PAGE} severity={false} />
        </section>
      )}
    </div>
  );
}

function SheetChanges({ name, rows, s, flow }: { name: string; rows: MergeRow[]; s: FlowSnapshot; flow: ImportFlow }) {
  const [limit, setLimit] = useState(PAGE);
  const changed = rows.filter((r) => r.change === 'changed');
  const added = rows.filter((r) => r.change === 'new');
  const removed = rows.filter((r) => r.change === 'deleted');
  const keys = acceptKeys(rows);
  const headingId = `merge-${name.replace(/\W+/g, '-')}`;
  return (
    <section className="panel merge-sheet" aria-labelledby={headingId}>
      <div className="merge-sheet-head">
        <Tri keys={keys} decisions={s.decisions} label={`Accept all changes in sheet ${name}`} onChange={(take) => flow.setDecisions(keys, take)} />
        <h3 id={headingId}>{name}</h3>
        <span className="muted small">
          {[changed.length && count(changed.length, 'changed row'), added.length && count(added.length, 'new row'), removed.length && count(removed.length, 'removed row')].filter(Boolean).join(' · ')}
        </span>
      </div>
      {changed.slice(0, limit).map((r) => (
        <ChangedRow key={r.key} r={r} s={s} flow={flow} />
      ))}
      {changed.length > limit && (
        <p className="more-line">
          Showing {limit} of {count(changed.length, 'changed row')}.{' '}
          <button type="button" className="small" onClick={() => setLimit(limit + PAGE)}>
            Show more
          </button>
        </p>
      )}
      {added.length > 0 && (
        <div className="merge-group">
          <h4>Added in the file</h4>
          <ul className="merge-simple">
            {added.slice(0, 500).map((r) => (
              <li key={r.key}>
                <label className="check-row">
                  <input type="checkbox" checked={s.decisions.get(r.key) === true} onChange={(e) => flow.setDecisions([r.key], e.target.checked)} aria-label={`Add ${r.label || `row ${r.row}`}`} />
                  <span>
                    <strong>{r.label || `Row ${r.row}`}</strong>
                    <span className="muted small">
                      {' '}
                      row {r.row} — {r.cells.map((c) => `${c.label}: ${c.theirsText}`).join(' · ')}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      )}
      {removed.length > 0 && (
        <div className="merge-group">
          <h4>Removed from the file</h4>
          <ul className="merge-simple">
            {removed.slice(0, 500).map((r) => (
              <li key={r.key}>
                <label className="check-row">
                  <input type="checkbox" checked={s.decisions.get(r.key) === true} onChange={(e) => flow.setDecisions([r.key], e.target.checked)} aria-label={`Delete ${r.label}`} />
                  <span>
                    Delete <strong>{r.label}</strong> <span className="muted small">— its row is not in the returned file</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function badge(c: MergeCell) {
  if (c.kind === 'conflict')
    return (
      <span className="kind-badge conflict">
        conflict: also changed here — here: <strong>{c.oursText || '(blank)'}</strong>, file: <strong>{c.theirsText || '(blank)'}</strong>
      </span>
    );
  if (c.kind === 'both') return <span className="kind-badge both">same change made here</span>;
  return <span className="kind-badge theirs">changed in file</span>;
}

function ChangedRow({ r, s, flow }: { r: MergeRow; s: FlowSnapshot; flow: ImportFlow }) {
  const keys = r.goneHere ? [] : r.cells.map((c) => cellKey(r, c.field));
  return (
    <article className={`merge-row${r.goneHere ? ' gone' : ''}`} aria-label={`Changes to ${r.label}`}>
      <div className="merge-row-head">
        <Tri keys={keys} decisions={s.decisions} label={`Accept all changes to ${r.label}`} onChange={(take) => flow.setDecisions(keys, take)} disabled={r.goneHere} />
        <strong className="merge-label" title={r.label}>
          {r.label}
        </strong>
        {r.row !== undefined && <span className="muted small">row {r.row}</span>}
        {r.goneHere && <span className="badge">deleted here since the export: cannot be merged</span>}
      </div>
      <table className="merge-cells">
        <tbody>
          {r.cells.map((c) => {
            const key = cellKey(r, c.field);
            return (
              <tr key={c.field} className={`cell-${c.kind}${s.decisions.get(key) ? ' taken' : ''}`}>
                <td className="pick">
                  <input type="checkbox" checked={s.decisions.get(key) === true} disabled={r.goneHere} onChange={(e) => flow.setDecisions([key], e.target.checked)} aria-label={`Accept ${c.label} of ${r.label}`} />
                </td>
                <th scope="row" className="field-name">
                  {c.label} <span className="col-letter">{c.column}</span>
                </th>
                <td className="old" title={c.baseText}>
                  {c.baseText || <em className="muted">blank</em>}
                </td>
                <td className="arrow" aria-hidden="true">
                  →
                </td>
                <td className="new" title={c.theirsText}>
                  {c.theirsText || <em className="muted">blank</em>}
                </td>
                <td className="kind">{badge(c)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}

export function mergeActions(s: FlowSnapshot, flow: ImportFlow) {
  const n = s.diff ? countDecisions(s.diff, s.decisions) : { cells: 0, created: 0, deleted: 0, rows: 0 };
  const total = n.cells + n.created + n.deleted;
  return (
    <>
      <span className="actions-note muted">
        {count(n.cells, 'cell')}, {count(n.created, 'new row')}, {count(n.deleted, 'deletion')} accepted
      </span>
      <button type="button" onClick={() => flow.cancel()}>
        Cancel
      </button>
      <button type="button" className="primary" disabled={total === 0} onClick={() => void flow.applyMerge()}>
        {total === 0 ? 'Nothing to apply' : `Apply ${count(total, 'change')}`}
      </button>
    </>
  );
}
