// Plans the writes that bring a whole workbook into the database (new, demo, duplicate, opened
// file): one journal entry per record created, so the history and a future sync see every
// record's origin. The data must already be valid (files are checked by shared/file).
import { ENTITY_NAMES } from '../model/schemas';
import type { WorkbookData } from '../model/workbook';
import type { IdGenerator } from '../util/ids';
import type { JournalEntry, Origin, StoredRecord, StoredWorkbook, TxHeader, UndoState } from './types';

export interface NewWorkbookPlan {
  workbook: StoredWorkbook;
  rows: StoredRecord[];
  entries: JournalEntry[];
  tx: TxHeader;
  undo: UndoState;
}

export function planNewWorkbook(data: WorkbookData, ctx: { newId: IdGenerator; now: () => string; origin: Origin; label: string }): NewWorkbookPlan {
  const time = ctx.now();
  const wb = data.id;
  const txId = ctx.newId();
  const rows: StoredRecord[] = [];
  const entries: JournalEntry[] = [];
  const settingsEntry: JournalEntry = { id: ctx.newId(), wb, tx: txId, entity: 'settings', recordId: wb, op: 'create', field: '*', after: data.settings, prev: null, time, origin: ctx.origin };
  entries.push(settingsEntry);
  let projectCount = 0;
  for (const e of ENTITY_NAMES) {
    for (const d of data.records[e]) {
      const id = ctx.newId();
      entries.push({ id, wb, tx: txId, entity: e, recordId: d.id, op: 'create', field: '*', after: d, prev: null, time, origin: ctx.origin });
      rows.push({ wb, id: d.id, e, d: d, r: { '*': id } });
      if (e === 'project') projectCount++;
    }
  }
  return {
    workbook: { id: wb, name: data.settings.name, settings: data.settings, createdAt: time, updatedAt: time, r: { '*': settingsEntry.id }, projectCount },
    rows,
    entries,
    tx: { id: txId, wb, origin: ctx.origin, label: ctx.label, time, kind: 'do', first: entries[0]!.id, last: entries[entries.length - 1]!.id, count: entries.length, undoable: false },
    undo: { wb, undo: [], redo: [] },
  };
}
