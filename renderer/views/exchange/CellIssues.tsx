// Cells a file could not be read from, as a table (the import's check step and the merge review),
// shown a page at a time so a 50k-row report does not freeze the page.
import { useState } from 'react';
import type { CellIssue } from '../../../shared/exchange/import';
import { count } from './display';

export function ShowMore({ shown, total, what, page, onMore }: { shown: number; total: number; what: string; page: number; onMore: () => void }) {
  if (total <= shown) return null;
  return (
    <p className="more-line">
      Showing {shown.toLocaleString('en-GB')} of {count(total, what)}.{' '}
      <button type="button" className="small" onClick={onMore}>
        Show {Math.min(page, total - shown).toLocaleString('en-GB')} more
      </button>
    </p>
  );
}

export function CellIssuesTable({ issues, label, page, severity, testId }: { issues: readonly CellIssue[]; label: string; page: number; severity: boolean; testId?: string }) {
  const [limit, setLimit] = useState(page);
  return (
    <>
      <div className="report-scroll" tabIndex={0} role="region" aria-label={`${label}, scrollable`}>
        <table className="table compact report-table" aria-label={label} {...(testId ? { 'data-testid': testId } : {})}>
          <thead>
            <tr>
              <th scope="col">Sheet</th>
              <th scope="col" className="num">
                Row
              </th>
              <th scope="col">Column</th>
              <th scope="col">Header</th>
              {severity && <th scope="col">Severity</th>}
              <th scope="col">Message</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {issues.slice(0, limit).map((i, n) => (
              <tr key={n} className={`issue-${i.severity}`}>
                <td className="truncate-cell" title={i.sheet}>
                  {i.sheet}
                </td>
                <td className="num">{i.row || '—'}</td>
                <td>{i.column || '—'}</td>
                <td className="truncate-cell" title={i.header}>
                  {i.header || '—'}
                </td>
                {severity && (
                  <td>
                    <span className={`status-chip sev-${i.severity}${i.outcome ? ` out-${i.outcome}` : ''}`}>{i.outcome === 'cell-not-read' ? 'Cell not read' : i.outcome === 'row-not-imported' ? 'Row not imported' : i.severity === 'error' ? 'Error' : 'Warning'}</span>
                  </td>
                )}
                <td className="msg-cell">{i.message}</td>
                <td className="truncate-cell" title={i.value}>
                  {i.value ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ShowMore shown={limit} total={issues.length} what="issue" page={page} onMore={() => setLimit(limit + page)} />
    </>
  );
}
