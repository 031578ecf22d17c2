// Sheets step: which sheets to import and what each holds, the header row found, the rows the
// layout set aside (titles, totals, notes) and a preview of the sheet's first rows.
import { useState } from 'react';
import { skipReason, type SheetProposal } from '../../../shared/exchange/analyse';
import { IMPORT_KINDS, type ImportKind } from '../../../shared/exchange/fields';
import { columnLetter } from '../../../shared/exchange/source';
import type { SheetSummary } from '../../workers/exchange.worker';
import type { FlowSnapshot, ImportFlow } from './import-flow';
import { HOLDS_LABELS, count, showCell } from './display';

const PREVIEW_COLUMNS = 40;

export function SheetsStep({ s, flow }: { s: FlowSnapshot; flow: ImportFlow }) {
  const summary = s.summary!;
  const [picked, setPicked] = useState<string | null>(null);
  const selected = s.proposals.find((p) => p.sheet === picked) ?? s.proposals.find((p) => p.include) ?? s.proposals[0] ?? null;
  const others = summary.sheets.filter((sh) => !s.proposals.some((p) => p.sheet === sh.name));

  return (
    <div className="sheets-step">
      <div className="sheet-list-col">
        <p className="muted small">
          {summary.format.toUpperCase()} file with {count(summary.sheets.length, 'sheet')}. Tick the sheets to import and say what each holds.
        </p>
        {summary.notes.length > 0 && (
          <ul className="file-notes" aria-label="Notes on the file">
            {summary.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        )}
        {s.proposals.length === 0 ? (
          <p className="empty-state small">No sheet of this file holds a table to import.</p>
        ) : (
          <ul className="sheet-list" aria-label="Sheets">
            {s.proposals.map((p) => (
              <SheetCard key={p.sheet} p={p} selected={p === selected} remapping={s.remapping === p.sheet} busy={s.remapping !== null} onSelect={() => setPicked(p.sheet)} flow={flow} />
            ))}
          </ul>
        )}
        {others.length > 0 && <p className="muted small">Not imported: {others.map((o) => `${o.name}${o.hidden ? ' (hidden)' : o.rowCount === 0 ? ' (empty)' : ''}`).join(', ')}</p>}
      </div>
      <div className="sheet-detail-col">{selected ? <SheetDetail p={selected} sheet={summary.sheets.find((x) => x.name === selected.sheet)} /> : null}</div>
    </div>
  );
}

function dataRows(p: SheetProposal): number {
  return Math.max(0, p.mapping.lastDataRow - p.mapping.firstDataRow + 1 - (p.mapping.skipRows?.length ?? 0));
}

function SheetCard({ p, selected, remapping, busy, onSelect, flow }: { p: SheetProposal; selected: boolean; remapping: boolean; busy: boolean; onSelect: () => void; flow: ImportFlow }) {
  const id = `sheet-${p.sheet.replace(/\W+/g, '-')}`;
  return (
    <li className={`sheet-card${selected ? ' selected' : ''}${p.include ? '' : ' off'}`} onClick={onSelect} aria-label={`Sheet ${p.sheet}`}>
      <div className="sheet-card-top">
        <input id={`${id}-inc`} type="checkbox" checked={p.include} onChange={(e) => flow.setInclude(p.sheet, e.target.checked)} aria-label={`Import sheet ${p.sheet}`} />
        <button type="button" className="sheet-name" aria-pressed={selected} onClick={onSelect} title={p.sheet} aria-label={`Preview sheet ${p.sheet}`}>
          {p.sheet}
        </button>
        {p.hidden && <span className="badge">hidden</span>}
      </div>
      <div className="sheet-card-facts muted small">
        {count(dataRows(p), 'data row')} · {count(p.width, 'column')}
      </div>
      <label className="holds">
        <span>Holds</span>
        <select value={p.kind} disabled={busy} onChange={(e) => void flow.setKind(p.sheet, e.target.value as ImportKind)} aria-label={`What sheet ${p.sheet} holds`}>
          {IMPORT_KINDS.map((k) => (
            <option key={k} value={k}>
              {HOLDS_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">{remapping ? 'Suggesting columns again…' : p.kindReason}</p>
      {p.kind === 'status' && (
        <label className="latest-to-project small" onClick={(e) => e.stopPropagation()}>
          <input type="checkbox" checked={p.mapping.latestToProject === true} disabled={busy || !p.include} onChange={(e) => flow.setLatestToProject(p.sheet, e.target.checked)} />
          <span>Also set each project’s RAG and status narrative from its newest report</span>
        </label>
      )}
    </li>
  );
}

function SheetDetail({ p, sheet }: { p: SheetProposal; sheet: SheetSummary | undefined }) {
  const headerRow = p.mapping.headerRow;
  const skipped = new Map<number, string>();
  for (const sk of p.skipped) skipped.set(sk.row, skipReason(sk));
  for (const sk of p.mapping.skipRows ?? []) skipped.set(sk.row, sk.reason);
  for (let r = 0; r < headerRow; r++) if (!skipped.has(r)) skipped.set(r, 'group headings above the header');
  const setAside = [...skipped.entries()].sort((a, b) => a[0] - b[0]);
  const rows = sheet?.preview ?? [];
  const width = Math.min(PREVIEW_COLUMNS, Math.max(sheet?.width ?? 0, ...rows.map((r) => r.length)));
  const headers = p.headers.filter((h) => h).slice(0, 8);

  return (
    <section className="sheet-detail" aria-label={`Preview of sheet ${p.sheet}`}>
      <h3 className="sheet-detail-title">
        Sheet “{p.sheet}”
      </h3>
      <p className="small" data-testid="header-row">
        <strong>Header row: row {headerRow + 1}</strong>
        {headers.length > 0 && (
          <span className="muted">
            {' '}
            — {headers.join(', ')}
            {p.headers.filter((h) => h).length > headers.length ? ', …' : ''}
          </span>
        )}
      </p>
      {setAside.length > 0 ? (
        <details className="set-aside" open={setAside.length <= 8}>
          <summary className="small">
            <strong>{count(setAside.length, 'row')} set aside by the layout</strong>
          </summary>
          <ul className="small" aria-label="Rows set aside">
            {setAside.map(([r, why]) => (
              <li key={r}>
                Row {r + 1}: {why}
                {rows[r] && firstText(rows[r]) ? <span className="muted"> — “{firstText(rows[r])}”</span> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : (
        <p className="small muted">No rows set aside: every row below the header is data.</p>
      )}
      {/* Scrolls both ways: focusable (with a name) so the keyboard can scroll it. */}
      <div className="preview-wrap" tabIndex={0} role="region" aria-label={`Preview of ${p.sheet}`}>
        <table className="preview-table" aria-label={`First rows of ${p.sheet}`}>
          <thead>
            <tr>
              <th scope="col" className="rn" aria-label="Row" />
              {Array.from({ length: width }, (_, c) => (
                <th key={c} scope="col">
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((line, r) => {
              const why = skipped.get(r);
              const cls = r === headerRow ? 'is-header' : why !== undefined || r < headerRow || r > p.mapping.lastDataRow ? 'is-skipped' : undefined;
              return (
                <tr key={r} className={cls} title={r === headerRow ? 'Header row' : why}>
                  <th scope="row" className="rn">
                    {r + 1}
                    {cls === 'is-skipped' && <span className="sr-only">, set aside{why ? `: ${why}` : ''}</span>}
                  </th>
                  {Array.from({ length: width }, (_, c) => {
                    const t = showCell(line[c]);
                    return (
                      <td key={c} title={t.length > 24 ? t : undefined}>
                        {t}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {sheet && sheet.rowCount > rows.length && <p className="muted small">The first {rows.length} of {count(sheet.rowCount, 'row')}.</p>}
    </section>
  );
}

function firstText(line: readonly unknown[]): string {
  const c = line.find((x) => x !== null && x !== '');
  const t = showCell(c as never);
  return t.length > 60 ? `${t.slice(0, 60)}…` : t;
}
