// A project's field history, read from the change journal: who-did-what rows, newest first,
// reloaded after every change to the workbook.
import { useEffect, useMemo, useState } from 'react';
import { useStore, useVersion } from '../../../state/use-app';
import type { Reads, WorkbookState } from '../../../../shared/commands/state';
import type { JournalEntry } from '../../../../shared/commands/types';
import type { ColumnContext } from '../../../../shared/register/types';
import { clip, historyFieldLabel, historyRows, plainValue, relativeTime } from '../../../../shared/register/history';
import { isBlank } from '../../../../shared/register/convert';
import { displayText, type Col } from './editors';

const FIRST_ROWS = 30;

interface Props {
  projectId: string;
  state: WorkbookState;
  ctx: ColumnContext;
  cols: Col[];
}

const PROJECTS: Reads = ['project'];

export function HistorySection({ projectId, state, ctx, cols }: Props) {
  const store = useStore();
  // A project's history changes only with the project's own records' entries.
  const version = useVersion(PROJECTS);
  const [entries, setEntries] = useState<JournalEntry[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [all, setAll] = useState(false);

  useEffect(() => {
    let live = true;
    store.repo.recordHistory(state.id, projectId, state.revsOf('project', projectId)).then(
      (list) => {
        if (!live) return;
        setEntries(list);
        setFailure(null);
        setNow(Date.now());
      },
      (e: Error) => {
        if (live) setFailure(e.message);
      },
    );
    return () => {
      live = false;
    };
  }, [store, state, projectId, version]);

  // "2 min ago" moves on while the panel stays open.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const rows = useMemo(() => {
    if (!entries) return [];
    const format = (field: string, value: unknown) => {
      if (isBlank(value)) return '—';
      const col = cols.find((c) => c.field === field);
      return col ? displayText(col, value, ctx) : plainValue(value);
    };
    return historyRows(entries, { label: (f) => historyFieldLabel(f, cols), format });
  }, [entries, cols, ctx]);

  const exact = useMemo(() => {
    let fmt: Intl.DateTimeFormat;
    try {
      fmt = new Intl.DateTimeFormat(state.settings.locale, { dateStyle: 'medium', timeStyle: 'short' });
    } catch {
      fmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    }
    return (iso: string) => {
      const t = Date.parse(iso);
      return Number.isNaN(t) ? iso : fmt.format(new Date(t));
    };
  }, [state.settings.locale]);

  if (failure) return <p className="field-error">The history could not be read: {failure}</p>;
  if (!entries) return <p className="muted small">Reading the history…</p>;
  if (!rows.length) return <p className="muted small">No changes recorded yet.</p>;
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);

  return (
    <div className="dt-history-wrap">
      <ol className="dt-history">
        {shown.map((row) => {
          // A creation is one line: "Created (by import)".
          const whole = row.changes.length > 0 && row.changes.every((c) => c.summary);
          return (
            <li key={row.key}>
              <div className="dt-h-meta">
                <span className={`dt-h-action origin-${row.origin}`}>{whole ? row.changes.map((c) => c.summary).join('; ') : row.action}</span>
                <time dateTime={row.time} title={exact(row.time)}>
                  {relativeTime(row.time, now)}
                </time>
              </div>
              {!whole && (
                <ul className="dt-h-changes">
                  {row.changes.map((c) =>
                    c.summary ? (
                      <li key={c.id}>{c.summary}</li>
                    ) : (
                      <li key={c.id}>
                        <span className="dt-h-field">{c.label}</span>{' '}
                        <span className="dt-h-before" title={c.before.length > 80 ? c.before : undefined}>
                          {clip(c.before, 80)}
                        </span>{' '}
                        <span aria-label="changed to">→</span>{' '}
                        <span className="dt-h-after" title={c.after.length > 80 ? c.after : undefined}>
                          {clip(c.after, 80)}
                        </span>
                      </li>
                    ),
                  )}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      {rows.length > FIRST_ROWS && (
        <button type="button" className="ghost small" onClick={() => setAll(!all)}>
          {all ? 'Show the latest only' : `Show all ${rows.length} changes`}
        </button>
      )}
    </div>
  );
}
