// The change journal's shapes. Every write to a workbook is a transaction (one user action)
// made of immutable journal entries, one per record and field changed. Undo, redo, field
// history and "what changed since" all read these; a sync engine could replicate them as-is.
import type { EntityName, Settings } from '../model/schemas';

export type Origin = 'edit' | 'paste' | 'fill' | 'bulk' | 'create' | 'delete' | 'import' | 'merge' | 'undo' | 'redo' | 'open' | 'demo' | 'duplicate' | 'scenario';

export type JournalEntity = EntityName | 'settings';

export interface JournalEntry {
  /** ULID: unique and time-ordered. */
  id: string;
  wb: string;
  tx: string;
  entity: JournalEntity;
  recordId: string;
  op: 'create' | 'update' | 'delete';
  /** Field path ('name', 'rag.overall', 'custom.<fieldId>'), or '*' for a whole-record create or delete. */
  field: string;
  /** Value before (absent on create). */
  before?: unknown;
  /** Value after (absent on delete: a delete is a tombstone that keeps the record in `before`). */
  after?: unknown;
  /** Id of the entry this one follows for the same record and field (null for the first). */
  prev: string | null;
  /** ISO timestamp. */
  time: string;
  origin: Origin;
}

/**
 * How entries are stored: in pages of up to JOURNAL_PAGE_SIZE consecutive entries of one
 * transaction. An IndexedDB put costs about the same whatever its size (measured in Chromium:
 * one row per entry made a 235k-record import 2.1× slower; pages of 500 added under 1 %), so
 * paging makes the journal nearly free to write. Each entry keeps its own id; a sync engine
 * unpacks pages into entries.
 */
export interface JournalPage {
  wb: string;
  /** Id of the page's first entry. */
  id: string;
  tx: string;
  entries: JournalEntry[];
  /**
   * Record ids of the page's update and delete entries, for field history (a multi-entry
   * index). Creates are not indexed: a record's revision map points at its create entry.
   */
  rids: string[];
}

export const JOURNAL_PAGE_SIZE = 500;

/** Packs a transaction's entries into pages. */
export function toPages(entries: readonly JournalEntry[]): JournalPage[] {
  const pages: JournalPage[] = [];
  for (let i = 0; i < entries.length; i += JOURNAL_PAGE_SIZE) {
    const chunk = entries.slice(i, i + JOURNAL_PAGE_SIZE);
    const first = chunk[0]!;
    const rids = [...new Set(chunk.filter((e) => e.op !== 'create').map((e) => e.recordId))];
    pages.push({ wb: first.wb, id: first.id, tx: first.tx, entries: chunk, rids });
  }
  return pages;
}

export interface TxHeader {
  id: string;
  wb: string;
  origin: Origin;
  /** What the user did, for Undo/Redo labels: "Edit Name", "Paste 120 cells". */
  label: string;
  time: string;
  kind: 'do' | 'undo' | 'redo';
  /** For undo and redo: the transaction undone or redone. */
  target?: string;
  /** First and last journal entry ids of this transaction (ids are consecutive ULIDs). */
  first: string | null;
  last: string | null;
  count: number;
  undoable: boolean;
}

/** Per-record journal bookkeeping: the last entry id per field ('*' = the create). */
export type Revs = Record<string, string>;

/** How a record is stored. */
export interface StoredRecord {
  wb: string;
  id: string;
  e: EntityName;
  d: Record<string, unknown> & { id: string };
  r: Revs;
}

export interface StoredWorkbook {
  id: string;
  name: string;
  settings: Settings;
  createdAt: string;
  updatedAt: string;
  r: Revs;
  /** Number of projects, for the workbook switcher. */
  projectCount: number;
}

export interface UndoState {
  wb: string;
  undo: string[];
  redo: string[];
}

/** A requested change, before validation. */
export type Op =
  | { op: 'create'; entity: EntityName; record: Record<string, unknown> }
  | { op: 'update'; entity: EntityName; id: string; changes: Record<string, unknown> }
  | { op: 'delete'; entity: EntityName; id: string }
  | { op: 'settings'; changes: Record<string, unknown> };
