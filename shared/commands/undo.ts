// Undo and redo read the journal: undoing a transaction plans its inverse (newest entry first),
// redoing replays it. The stacks hold transaction ids and are stored with the data, so both
// survive a restart.
import type { Op, JournalEntry, TxHeader, UndoState } from './types';

export const UNDO_DEPTH = 500;

/**
 * Turns entries (in the order to apply them) into operations, merging the field updates of one
 * record into one operation: a record's fields must change together, or a valid pair (a start
 * and a finish moved together) would be refused halfway.
 */
function toOps(list: readonly JournalEntry[], value: (en: JournalEntry) => unknown, kind: 'inverse' | 'replay'): Op[] {
  const ops: Op[] = [];
  const open = new Map<string, Extract<Op, { op: 'update' | 'settings' }>>();
  for (const en of list) {
    const key = `${en.entity}\u0000${en.recordId}`;
    if (en.op === 'update') {
      const pending = open.get(key);
      if (pending) {
        // Inverse runs newest first, so the oldest entry's `before` (seen last) must win; replay runs oldest first and the newest `after` wins.
        pending.changes[en.field] = value(en);
        continue;
      }
      const op: Extract<Op, { op: 'update' | 'settings' }> = en.entity === 'settings' ? { op: 'settings', changes: { [en.field]: value(en) } } : { op: 'update', entity: en.entity, id: en.recordId, changes: { [en.field]: value(en) } };
      open.set(key, op);
      ops.push(op);
      continue;
    }
    open.delete(key);
    const recreate = (kind === 'inverse' && en.op === 'delete') || (kind === 'replay' && en.op === 'create');
    if (en.entity === 'settings') continue; // settings are never created or deleted by a change
    ops.push(recreate ? { op: 'create', entity: en.entity, record: value(en) as Record<string, unknown> } : { op: 'delete', entity: en.entity, id: en.recordId });
  }
  return ops;
}

/** The operations that reverse a transaction's entries. */
export function inverseOps(entries: readonly JournalEntry[]): Op[] {
  return toOps([...entries].reverse(), (en) => en.before, 'inverse');
}

/** The operations that apply a transaction's entries again. */
export function replayOps(entries: readonly JournalEntry[]): Op[] {
  return toOps(entries, (en) => en.after, 'replay');
}

/** The undo/redo stacks after a transaction commits. */
export function nextUndoState(current: UndoState, tx: TxHeader): UndoState {
  if (tx.kind === 'undo') {
    return { wb: current.wb, undo: current.undo.slice(0, -1), redo: [...current.redo, tx.target!].slice(-UNDO_DEPTH) };
  }
  if (tx.kind === 'redo') {
    return { wb: current.wb, undo: [...current.undo, tx.id].slice(-UNDO_DEPTH), redo: current.redo.slice(0, -1) };
  }
  if (!tx.undoable) return current;
  return { wb: current.wb, undo: [...current.undo, tx.id].slice(-UNDO_DEPTH), redo: [] };
}
