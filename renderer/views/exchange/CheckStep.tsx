// Check step: what the import would do, before anything is written. Counts, how rows are
// matched, records the rows make, every row of the file with its status and changes, and every
// cell that could not be read. Long lists are shown 500 rows at a time.
import { useMemo, useState } from 'react';
import { useRecords, useSettings } from '../../state/use-app';
import { useColumnContext } from '../common/column-context';
import { fieldsFor, IMPORT_KINDS, type ExchangeField, type ImportKind } from '../../../shared/exchange/fields';
import type { CellIssue, FieldChange, ImportReport, RowReport, RowStatus } from '../../../shared/exchange/import';
import { formatCell } from '../../../shared/register/convert';
import type { ColumnContext } from '../../../shared/register/types';
import type { FlowSnapshot, ImportFlow } from './import-flow';
import { CellIssuesTable, ShowMore } from './CellIssues';

const PAGE = 500;
/** A row as the report shows it: skipped rows are either layout (no data) or data not imported. */
type Shown = Exclude<RowStatus, 'skipped'> | 'notImported' | 'layout';
const STATUSES: Shown[] = ['new', 'updated', 'unchanged', 'notImported', 'layout'];
const STATUS_LABELS: Record<Shown, string> = { new: 'New', updated: 'Updated', unchanged: 'Unchanged', notImported: 'Not imported', layout: 'Layout' };
const shownOf = (r: RowReport): Shown => (r.status === 'skipped' ? (r.layout ? 'layout' : 'notImported') : r.status);
const rowsWord = (n: number) => `${n.toLocaleString('en-GB')} row${n === 1 ? '' : 's'}`;
const ENTITY_LABELS: Record<string, string> = { programme: 'programme', objective: 'objective', role: 'role', resource: 'person', project: 'project' };
const AMBIGUOUS_DATES = /could be day\/month or month\/day/;

export function CheckStep({ s, flow }: { s: FlowSnapshot; flow: ImportFlow }) {
  const report = s.report!;
  const c = report.counts;
  const dateWarnings = report.issues.filter((i) => i.severity === 'warning' && AMBIGUOUS_DATES.test(i.message));
  const [shown, setShown] = useState<ReadonlySet<Shown>>(() => new Set(STATUSES));
  const tiles: { key: keyof typeof c; label: string; title: string; tone?: string }[] = [
    { key: 'rows', label: 'Rows in file', title: 'Every row of the chosen sheets, header and title rows included' },
    { key: 'new', label: 'New', title: 'Rows that become new records', tone: 'good' },
    { key: 'updated', label: 'Updated', title: 'Rows that change a record the workbook has', tone: 'accent' },
    { key: 'unchanged', label: 'Unchanged', title: 'Rows whose record is already up to date' },
    { key: 'notImported', label: 'Not imported', title: 'Rows of data that are not imported, each with its reason', tone: c.notImported ? 'bad' : undefined },
    { key: 'layout', label: 'Layout rows', title: 'Rows set aside as layout: titles, headers, totals, blanks, notes' },
    { key: 'cellsNotRead', label: 'Cells not read', title: 'Cells that could not be read on rows imported without them', tone: c.cellsNotRead ? 'warn' : undefined },
    { key: 'warnings', label: 'Warnings', title: 'Cells read with a note (a word read as a stage, a number read as a date)', tone: c.warnings ? 'warn' : undefined },
  ];
  return (
    <div className="check-step">
      <ul className="count-tiles" aria-label="What the import does">
        {tiles.map((t) => (
          <li key={t.key} className={`count-tile${t.tone ? ` ${t.tone}` : ''}`} data-testid={`count-${t.key}`} title={t.title}>
            <span className="count-value">{c[t.key].toLocaleString('en-GB')}</span>
            <span className="count-label">{t.label}</span>
          </li>
        ))}
      </ul>
      <RowsAccount report={report} onShowNotImported={() => setShown(new Set(['notImported']))} onColumns={() => flow.goTo('columns')} />
      {dateWarnings.length > 0 && (
        <div className="date-warning" role="note" aria-label="Dates that read both ways">
          <strong>Dates that read both ways</strong>
          <ul>
            {[...new Set(dateWarnings.map((w) => w.sheet))].map((sheet) => (
              <li key={sheet}>
                <ul className="plain">
                  {dateWarnings
                    .filter((w) => w.sheet === sheet)
                    .map((w, i) => (
                      <li key={i}>
                        {sheet}, column {w.column} “{w.header}”: {w.message}
                      </li>
                    ))}
                </ul>
                <button type="button" className="small" onClick={() => flow.goTo('columns', sheet)}>
                  Choose the date order of {sheet}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="check-facts">
        <section aria-labelledby="match-rules">
          <h3 id="match-rules">How rows find their record</h3>
          <ul className="small">
            {report.matchRules.map((m) => (
              <li key={m.sheet}>
                <strong>{m.sheet}</strong>: matched {m.rule}.
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="creates">
          <h3 id="creates">Also created</h3>
          {report.creates.length === 0 ? (
            <p className="small muted">Nothing else: every programme, role and person the rows name already exists.</p>
          ) : (
            <ul className="small creates" tabIndex={0} aria-labelledby="creates">
              {report.creates.slice(0, 50).map((x, i) => (
                <li key={i}>
                  New {ENTITY_LABELS[x.entity] ?? x.entity} <strong>{x.label}</strong>
                </li>
              ))}
              {report.creates.length > 50 && <li className="muted">and {report.creates.length - 50} more</li>}
            </ul>
          )}
        </section>
        {report.readings.length > 0 && (
          <section className="readings" aria-labelledby="readings">
            <h3 id="readings">How columns were read</h3>
            <ul className="small">
              {report.readings.slice(0, 20).map((x, i) => (
                <li key={i}>
                  <strong>{x.sheet}</strong>, column {x.column} “{x.header}”: {x.message}.
                </li>
              ))}
              {report.readings.length > 20 && <li className="muted">and {report.readings.length - 20} more columns</li>}
            </ul>
          </section>
        )}
        {report.latest && <LatestStatus latest={report.latest} />}
      </div>
      <RowsTable report={report} shown={shown} setShown={setShown} />
      <IssuesTable issues={report.issues} />
    </div>
  );
}

/** Status sheets imported with "Also set each project's RAG…": what each project's newest report sets on it. */
function LatestStatus({ latest }: { latest: NonNullable<ImportReport['latest']> }) {
  const describe = useFormatter();
  const changing = latest.filter((l) => l.changes.length > 0);
  return (
    <section className="latest-status" aria-labelledby="latest-status">
      <h3 id="latest-status">Projects’ status from their newest report</h3>
      <p className="small muted">
        {changing.length === 0 ? `All ${latest.length} projects already show their newest report’s status.` : `${changing.length} of ${latest.length} projects change; the others already show it or keep their own.`}
      </p>
      <ul className="small" tabIndex={0} aria-labelledby="latest-status">
        {latest.slice(0, 20).map((l) => (
          <li key={l.projectId}>
            <strong>{l.project}</strong> from its {l.period} report ({l.sheet}, row {l.row}):{' '}
            {l.note ?? (l.changes.length ? l.changes.map((c) => describe('project', c)).join('; ') : 'no change')}
          </li>
        ))}
        {latest.length > 20 && <li className="muted">and {latest.length - 20} more projects</li>}
      </ul>
    </section>
  );
}

function useFormatter(): (kind: ImportKind, ch: FieldChange) => string {
  const settings = useSettings();
  const custom = useRecords('customField');
  const ctx = useColumnContext();
  const fields = useMemo(() => {
    const m = new Map<ImportKind, Map<string, ExchangeField>>();
    if (!settings) return m;
    for (const k of IMPORT_KINDS) m.set(k, new Map(fieldsFor(k, settings, custom).map((f) => [f.key, f])));
    return m;
  }, [settings, custom]);
  return (kind, ch) => {
    const f = fields.get(kind)?.get(ch.field);
    const show = (v: unknown, text: string | undefined) => (v === null || v === undefined || v === '' ? '(blank)' : text || (f && ctx ? format(f, v, ctx) : String(v)));
    return `${ch.label}: ${show(ch.before, ch.beforeText)} → ${show(ch.after, ch.afterText)}`;
  };
}

function format(f: ExchangeField, v: unknown, ctx: ColumnContext): string {
  try {
    return formatCell(f.col, v, ctx, 'display') || String(v);
  } catch {
    return String(v);
  }
}

/**
 * What became of the rows, in words: rows of data not imported (with their reasons, grouped),
 * rows set aside as layout, and cells not read on rows that were imported without them.
 */
function RowsAccount({ report, onShowNotImported, onColumns }: { report: ImportReport; onShowNotImported: () => void; onColumns: () => void }) {
  const c = report.counts;
  const groups = useMemo(() => {
    const m = new Map<string, { sheet: string; first: RowReport; rows: number }>();
    for (const r of report.rows) {
      if (r.status !== 'skipped' || r.layout) continue;
      // Reasons that differ only in values, row numbers or names group together.
      const key = `${r.sheet}\u0000${(r.reason ?? '').replace(/"[^"]*"|“[^”]*”|\d+/g, '…')}`;
      const g = m.get(key);
      if (g) g.rows++;
      else m.set(key, { sheet: r.sheet, first: r, rows: 1 });
    }
    return [...m.values()].sort((a, b) => b.rows - a.rows);
  }, [report]);
  const layoutKinds = useMemo(() => [...new Set(report.rows.filter((r) => r.status === 'skipped' && r.layout).map((r) => (r.reason ?? '').replace(/ \(.*\)$/, '').replace(/ row$/, '')))], [report]);
  return (
    <div className="rows-account" data-testid="rows-account">
      {c.notImported > 0 ? (
        <div className="not-imported" role="note" aria-label="Rows of data not imported">
          <strong>{rowsWord(c.notImported)} of data not imported</strong>
          <ul>
            {groups.slice(0, 6).map((g) => (
              <li key={`${g.sheet}|${g.first.row}`}>
                {g.sheet}, {g.rows === 1 ? `row ${g.first.row}` : `${rowsWord(g.rows)} like row ${g.first.row}`}: {g.first.reason}
              </li>
            ))}
            {groups.length > 6 && <li className="muted">and {groups.length - 6} more reasons</li>}
          </ul>
          <button type="button" className="small" onClick={onShowNotImported}>
            Show only the rows not imported
          </button>
        </div>
      ) : (
        <p className="small all-imported">Every row of data is imported{c.cellsNotRead ? ', some without a cell that could not be read' : ''}.</p>
      )}
      {c.cellsNotRead > 0 && (
        <p className="small">
          {c.cellsNotRead.toLocaleString('en-GB')} cell{c.cellsNotRead === 1 ? '' : 's'} could not be read: {c.cellsNotRead === 1 ? 'its row is' : 'their rows are'} imported with the field left empty (unchanged on a record the workbook has), listed below.{' '}
          <button type="button" className="small" onClick={onColumns}>
            Skip such rows instead…
          </button>
        </p>
      )}
      {c.layout > 0 && (
        <p className="small muted">
          {rowsWord(c.layout)} set aside as layout ({layoutKinds.slice(0, 5).join(', ')}).
        </p>
      )}
    </div>
  );
}

function RowsTable({ report, shown, setShown }: { report: ImportReport; shown: ReadonlySet<Shown>; setShown: (s: ReadonlySet<Shown>) => void }) {
  const [sheet, setSheet] = useState('');
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const describe = useFormatter();
  const sheets = useMemo(() => [...new Set(report.rows.map((r) => r.sheet))], [report]);
  const byStatus = useMemo(() => {
    const m: Record<Shown, number> = { new: 0, updated: 0, unchanged: 0, notImported: 0, layout: 0 };
    for (const r of report.rows) m[shownOf(r)]++;
    return m;
  }, [report]);
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    return report.rows.filter((r) => shown.has(shownOf(r)) && (!sheet || r.sheet === sheet) && (!q || `${r.label} ${r.reason ?? ''} ${r.row}`.toLowerCase().includes(q)));
  }, [report, shown, sheet, query]);

  const toggle = (st: Shown) => {
    const next = new Set(shown);
    if (next.has(st) && next.size > 1) next.delete(st);
    else next.add(st);
    setShown(next);
    setLimit(PAGE);
  };

  return (
    <section className="report-section" aria-labelledby="rows-title">
      <div className="report-head">
        <h3 id="rows-title">Every row</h3>
        <div className="toolbar">
          <div className="status-filter" role="group" aria-label="Show rows that are">
            {STATUSES.map((st) => (
              <button key={st} type="button" className={`status-toggle st-${st === 'notImported' || st === 'layout' ? 'skipped' : st}`} aria-pressed={shown.has(st)} onClick={() => toggle(st)}>
                {STATUS_LABELS[st]} <span className="muted">{byStatus[st].toLocaleString('en-GB')}</span>
              </button>
            ))}
          </div>
          {sheets.length > 1 && (
            <select
              value={sheet}
              onChange={(e) => {
                setSheet(e.target.value);
                setLimit(PAGE);
              }}
              aria-label="Sheet"
            >
              <option value="">All sheets</option>
              {sheets.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          )}
          <input
            type="search"
            className="search"
            placeholder="Filter rows…"
            aria-label="Filter rows"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setLimit(PAGE);
            }}
          />
        </div>
      </div>
      <div className="report-scroll" tabIndex={0} role="region" aria-label="Rows of the file, scrollable">
        <table className="table compact report-table" aria-label="Rows of the file" data-testid="report-rows">
          <thead>
            <tr>
              <th scope="col">Sheet</th>
              <th scope="col" className="num">
                Row
              </th>
              <th scope="col">Status</th>
              <th scope="col">Record</th>
              <th scope="col">What happens</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, limit).map((r) => (
              <ReportRow key={`${r.sheet}|${r.row}`} r={r} describe={describe} />
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  No row matches these filters.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <ShowMore shown={limit} total={rows.length} what="row" page={PAGE} onMore={() => setLimit(limit + PAGE)} />
    </section>
  );
}

function ReportRow({ r, describe }: { r: RowReport; describe: (kind: ImportKind, ch: FieldChange) => string }) {
  const changes = r.changes ?? [];
  const what = r.status === 'skipped' ? r.reason : r.status === 'unchanged' ? `already up to date${r.match ? ` (matched by ${r.match})` : ''}` : r.status === 'new' ? 'a new record' : `matched by ${r.match ?? 'id'}`;
  return (
    <tr className={`st-row-${r.status}`}>
      <td className="truncate-cell" title={r.sheet}>
        {r.sheet}
      </td>
      <td className="num">{r.row}</td>
      <td>
        <span className={`status-chip st-${r.status}${r.layout ? ' st-layout' : ''}`}>{STATUS_LABELS[shownOf(r)]}</span>
      </td>
      <td className="record-cell" title={r.label}>
        {r.label || <span className="muted">—</span>}
      </td>
      <td className="what-cell">
        <span className={r.status === 'skipped' && !r.layout ? 'skip-reason' : 'muted'}>{what}</span>
        {changes.length > 0 && (
          <ul className="changes">
            {changes.slice(0, 6).map((ch, i) => (
              <li key={i}>{describe(r.kind, ch)}</li>
            ))}
            {changes.length > 6 && <li className="muted">and {changes.length - 6} more changes</li>}
          </ul>
        )}
      </td>
    </tr>
  );
}

function IssuesTable({ issues }: { issues: CellIssue[] }) {
  const [errorsOnly, setErrorsOnly] = useState(false);
  const list = useMemo(() => (errorsOnly ? issues.filter((i) => i.severity === 'error') : issues), [issues, errorsOnly]);
  return (
    <section className="report-section" aria-labelledby="issues-title">
      <div className="report-head">
        <h3 id="issues-title">Cells that need a look</h3>
        {issues.length > 0 && (
          <label className="inline small">
            <input
              type="checkbox"
              checked={errorsOnly}
              onChange={(e) => {
                setErrorsOnly(e.target.checked);
              }}
            />{' '}
            Errors only
          </label>
        )}
      </div>
      {issues.length === 0 ? (
        <p className="small muted">Every cell was read without a problem.</p>
      ) : (
        <CellIssuesTable key={errorsOnly ? 'errors' : 'all'} issues={list} label="Cell issues" testId="report-issues" page={PAGE} severity />
      )}
    </section>
  );
}
