// The change journal's shapes. Every write to a workbook is a transaction (one user action)
// made of immutable journal entries, one per record and field changed. Undo, redo, field
// history and "what changed since" all read these; a sync engine could replicate them as-is.
import type { EntityName, Settings } from '../model/schemas';

export type Origin = 'edit' | 'paste' | 'fill' | 'bulk' | 'create' | 'delete' | 'import' | 'merge' | 'undo' | 'redo' | 'open' | 'demo' | 'duplicate';

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
