// Undo and redo read the journal: undoing a transaction plans its inverse (newest entry first),
// redoing replays it. The stacks hold transaction ids and are stored with the data, so both
// survive a restart.
import type { Op, JournalEntry, TxHeader, UndoState } from './types';

export const UNDO_DEPTH = 500;

/** The operations that reverse a transaction's entries. */
export function inverseOps(entries: readonly JournalEntry[]): Op[] {
  const ops: Op[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const en = entries[i]!;
    if (en.entity === 'settings') ops.push({ op: 'settings', changes: { [en.field]: en.before } });
    else if (en.op === 'create') ops.push({ op: 'delete', entity: en.entity, id: en.recordId });
    else if (en.op === 'delete') ops.push({ op: 'create', entity: en.entity, record: en.before as Record<string, unknown> });
    else ops.push({ op: 'update', entity: en.entity, id: en.recordId, changes: { [en.field]: en.before } });
  }
  return ops;
}

/** The operations that apply a transaction's entries again. */
export function replayOps(entries: readonly JournalEntry[]): Op[] {
  return entries.map((en): Op => {
    if (en.entity === 'settings') return { op: 'settings', changes: { [en.field]: en.after } };
    if (en.op === 'create') return { op: 'create', entity: en.entity, record: en.after as Record<string, unknown> };
    if (en.op === 'delete') return { op: 'delete', entity: en.entity, id: en.recordId };
    return { op: 'update', entity: en.entity, id: en.recordId, changes: { [en.field]: en.after } };
  });
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
