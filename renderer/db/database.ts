// The one Dexie database. Every schema version ever shipped is declared here, oldest first,
// from shared/migrations; a version that transforms data calls a pure upgrade from there.
import Dexie, { type Table } from 'dexie';
import { DB_VERSIONS } from '../../shared/migrations/db-migrations';
import type { JournalPage, StoredRecord, StoredWorkbook, TxHeader, UndoState } from '../../shared/commands/types';

export const DB_NAME = 'pmo-workbench';

export interface Pref {
  key: string;
  value: unknown;
}

export class PmoDatabase extends Dexie {
  workbooks!: Table<StoredWorkbook, string>;
  records!: Table<StoredRecord, [string, string]>;
  journal!: Table<JournalPage, [string, string]>;
  txs!: Table<TxHeader, string>;
  undo!: Table<UndoState, string>;
  prefs!: Table<Pref, string>;

  constructor(name = DB_NAME) {
    super(name);
    for (const v of DB_VERSIONS) this.version(v.version).stores(v.stores);
  }
}
