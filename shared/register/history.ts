// Field history for a record's detail panel: turns change-journal entries into display rows
// (one per transaction, newest first), with the field's human name, the action as a word and
// a relative time. Pure: the caller supplies how a value is formatted (formatCell in the app).
import type { JournalEntry, Origin } from '../commands/types';
import { fieldLabel } from '../model/labels';

/** The action a journal entry's origin stands for, as the history shows it. */
export const ORIGIN_WORDS: Record<Origin, string> = {
  edit: 'Edit',
  paste: 'Paste',
  fill: 'Fill down',
  bulk: 'Bulk edit',
  // Creates and deletes of the record itself are "Created" / "Deleted" (see actionWord); these
  // are changes a create or delete made to other records' fields (a programme deleted clears it).
  create: 'Add',
  delete: 'Delete',
  import: 'Import',
  merge: 'Merge',
  undo: 'Undo',
  redo: 'Redo',
  open: 'Open file',
  demo: 'Sample',
  duplicate: 'Duplicate',
  scenario: 'What-if',
};

/** How a record came to exist, after "Created": "by import", "in the sample portfolio". */
const CREATED_BY: Record<Origin, string> = {
  edit: '',
  create: '',
  delete: '',
  paste: 'by paste',
  fill: 'by fill down',
  bulk: 'by bulk edit',
  import: 'by import',
  merge: 'by merge',
  undo: 'by undo',
  redo: 'by redo',
  open: 'from a workbook file',
  demo: 'in the sample portfolio',
  duplicate: 'by duplicating a workbook',
  scenario: 'by applying a what-if',
};

/** The word for what an entry did: Edit, Paste, Fill down, …; a record's creation is "Created". */
export function actionWord(entry: Pick<JournalEntry, 'op' | 'origin'>): string {
  if (entry.op === 'create') return entry.origin === 'undo' ? 'Restored' : 'Created';
  if (entry.op === 'delete') return 'Deleted';
  return ORIGIN_WORDS[entry.origin] ?? entry.origin;
}

/** "Created (by import)", "Created (in the sample portfolio)", or just "Created". */
export function createdText(origin: Origin): string {
  if (origin === 'undo') return 'Restored (by undo)';
  const how = CREATED_BY[origin];
  return how ? `Created (${how})` : 'Created';
}

/** A field's name for the history: the header of the column that edits it, else its label. */
export function historyFieldLabel(field: string, columns: readonly { field?: string; header: string }[]): string {
  const col = columns.find((c) => c.field === field);
  if (col) return col.header;
  if (field.startsWith('custom.')) return 'Custom field (removed)';
  if (field.startsWith('scores.')) return 'Score (removed criterion)';
  if (field.startsWith('rag.')) return `RAG ${fieldLabel(field).toLowerCase()}`;
  return fieldLabel(field);
}

/** A value shown plainly, for fields without a column: text, numbers, lists, yes/no; blank as "—". */
export function plainValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map((v) => plainValue(v)).join(', ') : '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined && v !== '');
    return parts.length ? parts.map(([k, v]) => `${fieldLabel(k)}: ${plainValue(v)}`).join('; ') : '—';
  }
  return String(value);
}

export interface HistoryChange {
  /** Journal entry id. */
  id: string;
  field: string;
  op: JournalEntry['op'];
  /** The field's human name ('' for a whole-record create or delete). */
  label: string;
  /** Display text of the value before and after ('' for a whole-record create or delete). */
  before: string;
  after: string;
  /** For a whole-record entry: "Created (by import)", "Deleted". */
  summary?: string;
}

export interface HistoryRow {
  /** Transaction id (unique per row). */
  key: string;
  /** ISO time of the change. */
  time: string;
  origin: Origin;
  /** What the user did: Edit, Paste, Fill down, Bulk edit, Import, Merge, Undo, Redo, Created… */
  action: string;
  changes: HistoryChange[];
}

export interface HistoryOptions {
  /** Human name of a field path. */
  label: (field: string) => string;
  /** Display text of a field's value. */
  format?: (field: string, value: unknown) => string;
}

/**
 * Display rows from a record's journal entries: one row per transaction (a paste that changed
 * three fields of the record is one row with three changes), newest first; within a row the
 * changes keep the order they were made in.
 */
export function historyRows(entries: readonly JournalEntry[], opts: HistoryOptions): HistoryRow[] {
  const format = opts.format ?? ((_f: string, v: unknown) => plainValue(v));
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows = new Map<string, HistoryRow>();
  for (const e of sorted) {
    let row = rows.get(e.tx);
    if (!row) {
      row = { key: e.tx, time: e.time, origin: e.origin, action: actionWord(e), changes: [] };
      rows.set(e.tx, row);
    }
    if (e.op === 'create' || e.op === 'delete') row.action = actionWord(e);
    if (e.field === '*') {
      row.changes.push({ id: e.id, field: e.field, op: e.op, label: '', before: '', after: '', summary: e.op === 'create' ? createdText(e.origin) : e.origin === 'undo' ? 'Deleted (by undo)' : 'Deleted' });
    } else {
      row.changes.push({ id: e.id, field: e.field, op: e.op, label: opts.label(e.field), before: format(e.field, e.before), after: format(e.field, e.after) });
    }
  }
  return [...rows.values()].reverse();
}

/** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", "2 months ago", "3 years ago". */
export function relativeTime(iso: string, now: number): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const seconds = Math.max(0, (now - then) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 45) return `${Math.max(1, minutes)} min ago`;
  const hours = Math.round(seconds / 3600);
  if (hours < 22) return `${Math.max(1, hours)} h ago`;
  const days = Math.round(seconds / 86400);
  if (days <= 1) return 'yesterday';
  if (days < 30) return `${days} days ago`;
  const months = Math.round(days / 30.44);
  if (months < 12) return months <= 1 ? '1 month ago' : `${months} months ago`;
  const years = Math.round(days / 365.25);
  return years <= 1 ? '1 year ago' : `${years} years ago`;
}

/** Long values cut for a history line, with an ellipsis; the full text goes in a tooltip. */
export function clip(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}
