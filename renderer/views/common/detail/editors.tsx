// Field editors of the detail panel, one per column type. Text is parsed with the register's
// parseCell (money, numbers, percent, dates in the workbook's date order) and written through
// the caller's onCommit, which returns the reason a value was refused (or null). A refused
// value stays in the field, with its reason under it, until the user fixes it or presses Esc.
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ColumnContext, ColumnDef, Option } from '../../../../shared/register/types';
import { formatCell, parseCell, RAG_LABELS } from '../../../../shared/register/convert';

export type Col = ColumnDef<Record<string, unknown> & { id: string }>;
/** Writes a value; resolves to the reason it was refused, or null when it was saved. */
export type CommitFn = (value: unknown) => Promise<string | null>;

export const RAG_OPTIONS: Option[] = (['R', 'A', 'G'] as const).map((v) => ({ value: v, label: RAG_LABELS[v] }));

const DATE_PATTERNS = { DMY: 'dd/mm/yyyy', MDY: 'mm/dd/yyyy', YMD: 'yyyy-mm-dd' } as const;

export function datePattern(ctx: ColumnContext): string {
  return DATE_PATTERNS[ctx.settings.dateOrder] ?? 'yyyy-mm-dd';
}

function sameValue(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined || a === '') && (b === null || b === undefined || b === '')) return true;
  if (Array.isArray(a) && Array.isArray(b) && a.length === 0 && b.length === 0) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function editText(col: Col, value: unknown, ctx: ColumnContext): string {
  if (value === null || value === undefined) return '';
  return formatCell(col, value, ctx, 'edit');
}

export function displayText(col: Col, value: unknown, ctx: ColumnContext): string {
  if (value === null || value === undefined || value === '') return '—';
  return formatCell(col, value, ctx, 'display') || '—';
}

/** How an editor is named: by a visible <label> (id) or, in a table cell, by aria-label. */
export interface Naming {
  id: string;
  ariaLabel?: string;
}

interface TextEditorProps {
  col: Col;
  value: unknown;
  ctx: ColumnContext;
  onCommit: CommitFn;
  naming: Naming;
  list?: string;
  /** Data attribute for restoring focus after a change elsewhere. */
  focusKey?: string;
  /** Show a calendar button beside date fields. */
  picker?: boolean;
  className?: string;
  /** Report refusals to the caller (a table shows them in a row of their own) instead of under the input. */
  reportError?: (error: string | null) => void;
  /** Id of the element that shows the reported error. */
  describedBy?: string;
}

/**
 * A one-line text editor: commits on blur and Enter, Esc reverts. Shows the stored value until
 * the user types; keeps the typed text while it is refused.
 */
export function TextEditor({ col, value, ctx, onCommit, naming, list, focusKey, picker, className, reportError, describedBy }: TextEditorProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setErrorState] = useState<string | null>(null);
  const setError = (e: string | null) => {
    setErrorState(e);
    reportError?.(e);
  };
  const [busy, setBusy] = useState(false);
  const [focused, setFocused] = useState(false);
  const dateRef = useRef<HTMLInputElement>(null);
  const errorId = `${naming.id}-error`;
  const stored = editText(col, value, ctx);
  const isDate = col.type === 'date';
  const numeric = col.type === 'money' || col.type === 'number' || col.type === 'integer' || col.type === 'percent';
  // Money and numbers read better grouped ("£1,850,000.00") while not being edited.
  const shown = draft ?? (!focused && !error && (col.type === 'money' || col.type === 'number') && value != null ? formatCell(col, value, ctx, 'display') : stored);

  const save = async (text: string, parsedValue?: { value: unknown }) => {
    let next: unknown;
    if (parsedValue) next = parsedValue.value;
    else {
      if (text === stored) {
        setDraft(null);
        setError(null);
        return;
      }
      const parsed = parseCell(col, text, ctx);
      if (!parsed.ok) {
        setError(`${col.header} ${parsed.reason}`);
        return;
      }
      next = parsed.value;
    }
    if (sameValue(next, value)) {
      setDraft((d) => (d === text ? null : d));
      setError(null);
      return;
    }
    setBusy(true);
    const refused = await onCommit(next);
    setBusy(false);
    if (refused) setError(refused);
    else {
      setError(null);
      setDraft((d) => (d === text ? null : d));
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (draft !== null) void save(draft);
    } else if (e.key === 'Escape' && (draft !== null || error)) {
      // The first Esc reverts the field; the next one closes the panel.
      e.preventDefault();
      e.stopPropagation();
      setDraft(null);
      setError(null);
    }
  };

  const input = (
    <input
      id={naming.id}
      aria-label={naming.ariaLabel}
      className={`dt-input${numeric ? ' dt-num' : ''}${className ? ` ${className}` : ''}`}
      value={shown}
      list={list}
      placeholder={isDate ? datePattern(ctx) : undefined}
      inputMode={numeric ? 'decimal' : undefined}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? (reportError ? describedBy : errorId) : undefined}
      aria-busy={busy || undefined}
      data-focus={focusKey}
      onChange={(e) => setDraft(e.target.value)}
      onFocus={() => setFocused(true)}
      onBlur={() => {
        setFocused(false);
        if (draft !== null) void save(draft);
      }}
      onKeyDown={onKeyDown}
    />
  );

  return (
    <div className={`dt-editor${error ? ' invalid' : ''}`}>
      {isDate && picker ? (
        <div className="dt-date">
          {input}
          <button
            type="button"
            className="dt-pick"
            aria-label={`Choose ${naming.ariaLabel ?? col.header} on a calendar`}
            title="Choose on a calendar"
            onClick={() => {
              const el = dateRef.current;
              if (!el) return;
              try {
                el.showPicker();
              } catch {
                el.focus();
              }
            }}
          >
            <CalendarIcon />
          </button>
          <input
            ref={dateRef}
            type="date"
            className="dt-native-date"
            tabIndex={-1}
            aria-hidden="true"
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => {
              const iso = e.target.value;
              if (!iso) return;
              setDraft(null);
              void save(iso, { value: iso });
            }}
          />
        </div>
      ) : (
        input
      )}
      {error && !reportError && (
        <p id={errorId} className="field-error dt-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function CalendarIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.3" />
      <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" strokeWidth="1.3" fill="none" />
    </svg>
  );
}

/** A multi-line text: commits on blur or Ctrl+Enter; Esc reverts. */
export function LongTextEditor({ value, onCommit, naming, rows = 4 }: { value: unknown; onCommit: CommitFn; naming: Naming; rows?: number }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stored = typeof value === 'string' ? value : '';
  const errorId = `${naming.id}-error`;
  const save = async (text: string) => {
    if (text === stored) {
      setDraft(null);
      setError(null);
      return;
    }
    const refused = await onCommit(text);
    if (refused) setError(refused);
    else {
      setError(null);
      setDraft((d) => (d === text ? null : d));
    }
  };
  return (
    <div className={`dt-editor${error ? ' invalid' : ''}`}>
      <textarea
        id={naming.id}
        aria-label={naming.ariaLabel}
        className="dt-textarea"
        rows={rows}
        value={draft ?? stored}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (draft !== null) void save(draft);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            if (draft !== null) void save(draft);
          } else if (e.key === 'Escape' && (draft !== null || error)) {
            e.preventDefault();
            e.stopPropagation();
            setDraft(null);
            setError(null);
          }
        }}
      />
      {error && (
        <p id={errorId} className="field-error dt-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A choice among options, with an empty choice when the field may be blank. Commits on change. */
export function SelectEditor({ value, options, onCommit, naming, allowBlank, blankLabel = '—', focusKey }: { value: unknown; options: Option[]; onCommit: CommitFn; naming: Naming; allowBlank: boolean; blankLabel?: string; focusKey?: string }) {
  const [error, setError] = useState<string | null>(null);
  const current = typeof value === 'string' ? value : '';
  const known = current === '' || options.some((o) => o.value === current);
  const errorId = `${naming.id}-error`;
  return (
    <div className={`dt-editor${error ? ' invalid' : ''}`}>
      <select
        id={naming.id}
        aria-label={naming.ariaLabel}
        className="dt-select"
        value={current}
        data-focus={focusKey}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={async (e) => {
          const next = e.target.value === '' ? null : e.target.value;
          const refused = await onCommit(next);
          setError(refused);
        }}
      >
        {(allowBlank || current === '') && <option value="">{blankLabel}</option>}
        {!known && <option value={current}>{current} (not found)</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={errorId} className="field-error dt-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Several values among options (objectives, multiselect custom fields, tags), as checkboxes. */
export function ChecksEditor({ legend, labelledBy, value, options, onCommit, allowNew, suggestions = [] }: { legend: string; labelledBy: string; value: unknown; options: Option[]; onCommit: CommitFn; allowNew?: boolean; /** Values offered while typing a new one (tags used elsewhere). */ suggestions?: Option[] }) {
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState('');
  const baseId = useId();
  const selected = Array.isArray(value) ? value.map(String) : [];
  const all = [...options];
  for (const v of selected) if (!all.some((o) => o.value === v)) all.push({ value: v, label: v });
  const write = async (next: string[]) => setError(await onCommit(next));
  const toggle = (v: string, on: boolean) => {
    const set = new Set(selected);
    if (on) set.add(v);
    else set.delete(v);
    // Keep the options' order, so the stored list does not depend on click order.
    void write(all.map((o) => o.value).filter((x) => set.has(x)));
  };
  const add = () => {
    const text = adding.trim();
    if (!text) return;
    const existing = [...all, ...suggestions].find((o) => o.value.toLowerCase() === text.toLowerCase());
    const v = existing?.value ?? text;
    setAdding('');
    if (!selected.includes(v)) void write([...selected, v]);
  };
  return (
    <div role="group" aria-labelledby={labelledBy} className={`dt-checks${error ? ' invalid' : ''}`} aria-describedby={error ? `${baseId}-error` : undefined}>
      <div className="dt-check-list">
        {all.length === 0 && <span className="muted small">{allowNew ? 'None yet' : 'None to choose from'}</span>}
        {all.map((o, i) => (
          <label key={o.value} className="dt-check" htmlFor={`${baseId}-${i}`}>
            <input id={`${baseId}-${i}`} type="checkbox" checked={selected.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {allowNew && (
        <div className="dt-add-tag">
          <label className="sr-only" htmlFor={`${baseId}-new`}>
            New {legend.toLowerCase().replace(/s$/, '')}
          </label>
          <input
            id={`${baseId}-new`}
            className="dt-input"
            placeholder={`Add ${legend.toLowerCase().replace(/s$/, '')}…`}
            value={adding}
            maxLength={100}
            list={suggestions.length ? `${baseId}-suggestions` : undefined}
            onChange={(e) => setAdding(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              } else if (e.key === 'Escape' && adding) {
                e.preventDefault();
                e.stopPropagation();
                setAdding('');
              }
            }}
          />
          <button type="button" onClick={add} disabled={!adding.trim()}>
            Add
          </button>
          {suggestions.length > 0 && (
            <datalist id={`${baseId}-suggestions`}>
              {suggestions
                .filter((o) => !selected.includes(o.value))
                .map((o) => (
                  <option key={o.value} value={o.value} />
                ))}
            </datalist>
          )}
        </div>
      )}
      {error && (
        <p id={`${baseId}-error`} className="field-error dt-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function CheckboxEditor({ value, onCommit, naming }: { value: unknown; onCommit: CommitFn; naming: Naming }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className={`dt-editor${error ? ' invalid' : ''}`}>
      <input id={naming.id} aria-label={naming.ariaLabel} className="dt-checkbox" type="checkbox" checked={value === true} onChange={async (e) => setError(await onCommit(e.target.checked))} />
      {error && (
        <p className="field-error dt-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A labelled row of the form: label on the left, editor on the right. */
export function FieldRow({ label, htmlFor, labelId, hint, children, wide }: { label: string; htmlFor?: string; labelId?: string; hint?: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`dt-field${wide ? ' wide' : ''}`}>
      {htmlFor ? (
        <label htmlFor={htmlFor} id={labelId} title={hint}>
          {label}
        </label>
      ) : (
        <span className="dt-label" id={labelId} title={hint}>
          {label}
        </span>
      )}
      <div className="dt-control">{children}</div>
    </div>
  );
}
