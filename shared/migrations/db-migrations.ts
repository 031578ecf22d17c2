// The database schema's versions, never deleted: Dexie needs every earlier declaration to
// upgrade an old database. A version that changes data adds an upgrade transform here (pure,
// tested in Node) and the Dexie module calls it. Changes are additive only.

/** Dexie store declarations, by version. */
export const DB_SCHEMA_V1 = {
  /** Workbook meta and settings: {id, name, settings, createdAt, updatedAt, r, projectCount}. */
  workbooks: 'id',
  /** Every record of every workbook: {wb, id, e (entity), d (data), r (journal revisions)}. */
  records: '[wb+id]',
  /**
   * Immutable change journal, stored in pages of entries (see JournalPage); keyed by workbook
   * and first entry id, so a transaction or a workbook is one key range. `rids` indexes the
   * records that updates and deletes touched, for field history.
   */
  journal: '[wb+id], *rids',
  /** One header per transaction (user action), for undo labels and "changed since". */
  txs: 'id, wb',
  /** Undo and redo stacks per workbook. */
  undo: 'wb',
  /** Small app preferences (last workbook opened, …). */
  prefs: 'key',
} as const;

export const DB_VERSIONS = [{ version: 1, stores: DB_SCHEMA_V1 }] as const;
export const DB_VERSION = DB_VERSIONS[DB_VERSIONS.length - 1]!.version;
