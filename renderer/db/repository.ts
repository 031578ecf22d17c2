// Reads and writes workbooks. The only writer: every change arrives as a plan from the shared
// command path and is written with its journal entries, transaction header and undo stacks in
// one IndexedDB transaction, then applied to the in-memory state.
import Dexie from 'dexie';
import type { PmoDatabase } from './database';
import { toStorageError } from './errors';
import { applyPlan, planChange, type PlanContext, type PlanResult } from '../../shared/commands/plan';
import { planNewWorkbook } from '../../shared/commands/new-workbook';
import { WorkbookState } from '../../shared/commands/state';
import { inverseOps, nextUndoState, replayOps } from '../../shared/commands/undo';
import { toPages, type JournalEntry, type Op, type Origin, type StoredWorkbook, type TxHeader, type UndoState } from '../../shared/commands/types';
import type { WorkbookData } from '../../shared/model/workbook';
import type { IdGenerator } from '../../shared/util/ids';

export interface Clock {
  newId: IdGenerator;
  /** ISO timestamp. */
  now: () => string;
}

export interface CommitResult extends PlanResult {
  tx: TxHeader | null;
  /** The undo/redo labels after the commit when they are known without reading (an ordinary change). */
  undo?: UndoInfo;
}

export interface UndoInfo {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

const wbRange = (wb: string): [[string, unknown], [string, unknown]] => [
  [wb, Dexie.minKey],
  [wb, Dexie.maxKey],
];

/** Records per bulkPut and journal pages per bulkAdd inside one write transaction. */
const WRITE_SLICE = 2_000;
const PAGE_SLICE = 4;

export class Repository {
  constructor(
    readonly db: PmoDatabase,
    private readonly clock: Clock,
  ) {}

  async listWorkbooks(): Promise<StoredWorkbook[]> {
    const all = await this.db.workbooks.toArray();
    return all.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id));
  }

  /** Writes a whole workbook (new, demo, duplicate, opened file) in one transaction. */
  async createWorkbook(data: WorkbookData, origin: Origin, label: string, opts: { replace?: boolean } = {}): Promise<StoredWorkbook> {
    const plan = planNewWorkbook(data, { ...this.clock, origin, label });
    try {
      await this.db.transaction('rw', [this.db.workbooks, this.db.records, this.db.journal, this.db.txs, this.db.undo], async () => {
        if (opts.replace) await this.removeWorkbookRows(data.id);
        else if (await this.db.workbooks.get(data.id)) throw new Error(`A workbook with id ${data.id} is already open`);
        await this.db.workbooks.add(plan.workbook);
        await this.db.records.bulkAdd(plan.rows);
        await this.db.journal.bulkAdd(toPages(plan.entries));
        await this.db.txs.add(plan.tx);
        await this.db.undo.put(plan.undo);
      });
    } catch (e) {
      throw toStorageError(e, `Saving workbook "${data.settings.name}"`);
    }
    return plan.workbook;
  }

  async hasWorkbook(id: string): Promise<boolean> {
    return (await this.db.workbooks.get(id)) !== undefined;
  }

  async loadWorkbook(id: string): Promise<WorkbookState> {
    const [meta, rows] = await this.db.transaction('r', [this.db.workbooks, this.db.records], () =>
      Promise.all([this.db.workbooks.get(id), this.db.records.where(':id').between(...wbRange(id), true, true).toArray()]),
    );
    if (!meta) throw new Error(`Workbook ${id} does not exist`);
    return new WorkbookState(meta, rows);
  }

  async deleteWorkbook(id: string): Promise<void> {
    try {
      await this.db.transaction('rw', [this.db.workbooks, this.db.records, this.db.journal, this.db.txs, this.db.undo], () => this.removeWorkbookRows(id));
    } catch (e) {
      throw toStorageError(e, 'Deleting the workbook');
    }
  }

  /** Inside a transaction: removes a workbook and everything that belongs to it. */
  private async removeWorkbookRows(id: string): Promise<void> {
    await this.db.records.where(':id').between(...wbRange(id), true, true).delete();
    await this.db.journal.where(':id').between(...wbRange(id), true, true).delete();
    await this.db.txs.where('wb').equals(id).delete();
    await this.db.undo.delete(id);
    await this.db.workbooks.delete(id);
  }

  /**
   * The command path: plans `ops` against the state, writes the plan in one transaction, then
   * applies it in memory. Rejected operations are reported; with `partial` the valid ones apply.
   */
  async commit(state: WorkbookState, ops: readonly Op[], ctx: Omit<PlanContext, 'newId' | 'now'>): Promise<CommitResult> {
    const result = planChange(state, ops, { ...this.clock, ...ctx });
    return this.commitPlan(state, result, ctx.label);
  }

  /**
   * Writes a plan made elsewhere (an import planned in a worker against a copy of this state).
   * The caller makes sure the state has not changed since the copy was taken.
   */
  async commitPlan(state: WorkbookState, result: PlanResult, label: string): Promise<CommitResult> {
    if (!result.plan) return { ...result, tx: null };
    const plan = result.plan;
    try {
      await this.db.transaction('rw', [this.db.workbooks, this.db.records, this.db.journal, this.db.txs, this.db.undo], async () => {
        // The two reads together, then every write queued at once: a transaction runs its
        // requests in the order they were made, and each await is a round trip to the storage
        // process (seven of them made a one-cell edit wait ~10 ms more on a loaded machine).
        const [meta, undoRow] = await Promise.all([this.db.workbooks.get(state.id), this.db.undo.get(state.id)]);
        if (!meta) throw new Error('This workbook was deleted in another window');
        const writes: Promise<unknown>[] = [];
        // Marked handled at once: a write failing while a later slice is awaited rejects through Promise.all below.
        const queue = (p: Promise<unknown>) => {
          p.catch(() => undefined);
          writes.push(p);
        };
        if (plan.deletes.length) queue(this.db.records.bulkDelete(plan.deletes.map((d) => [state.id, d.id] as [string, string])));
        // In slices: IndexedDB clones each value when it is put, on this thread, so one bulkPut
        // of 50k records would be one long task; between slices the page can paint and respond.
        for (let i = 0; i < plan.puts.length; i += WRITE_SLICE) {
          const slice = this.db.records.bulkPut(plan.puts.slice(i, i + WRITE_SLICE));
          if (i + WRITE_SLICE < plan.puts.length) await slice;
          else queue(slice);
        }
        const pages = toPages(plan.entries);
        for (let i = 0; i < pages.length; i += PAGE_SLICE) {
          const slice = this.db.journal.bulkAdd(pages.slice(i, i + PAGE_SLICE));
          if (i + PAGE_SLICE < pages.length) await slice;
          else queue(slice);
        }
        queue(this.db.txs.add(plan.tx));
        queue(this.db.undo.put(nextUndoState(undoRow ?? { wb: state.id, undo: [], redo: [] }, plan.tx)));
        const projectDelta = plan.puts.filter((p) => p.e === 'project' && !state.has('project', p.id)).length - plan.deletes.filter((d) => d.entity === 'project').length;
        queue(
          this.db.workbooks.put({
            ...meta,
            ...(plan.settings ? { settings: plan.settings.value, name: plan.settings.value.name, r: plan.settings.revs } : {}),
            updatedAt: plan.tx.time,
            projectCount: meta.projectCount + projectDelta,
          }),
        );
        await Promise.all(writes);
      });
    } catch (e) {
      throw toStorageError(e, label);
    }
    applyPlan(state, plan);
    // After an ordinary change the stacks are known: undo is this change, redo is empty.
    const undo: UndoInfo | undefined = plan.tx.kind === 'do' && plan.tx.undoable ? { canUndo: true, canRedo: false, undoLabel: plan.tx.label, redoLabel: null } : undefined;
    return { ...result, tx: plan.tx, ...(undo ? { undo } : {}) };
  }

  async undoInfo(wb: string): Promise<UndoInfo> {
    const undo = (await this.db.undo.get(wb)) ?? { wb, undo: [], redo: [] };
    const top = undo.undo.at(-1);
    const next = undo.redo.at(-1);
    const [u, r] = await this.db.txs.bulkGet([top ?? '', next ?? '']);
    return { canUndo: !!top, canRedo: !!next, undoLabel: top ? (u?.label ?? null) : null, redoLabel: next ? (r?.label ?? null) : null };
  }

  async undo(state: WorkbookState): Promise<CommitResult | null> {
    return this.step(state, 'undo');
  }

  async redo(state: WorkbookState): Promise<CommitResult | null> {
    return this.step(state, 'redo');
  }

  private async step(state: WorkbookState, kind: 'undo' | 'redo'): Promise<CommitResult | null> {
    const undo: UndoState = (await this.db.undo.get(state.id)) ?? { wb: state.id, undo: [], redo: [] };
    const targetId = kind === 'undo' ? undo.undo.at(-1) : undo.redo.at(-1);
    if (!targetId) return null;
    const target = await this.db.txs.get(targetId);
    if (!target) throw new Error('The change to undo is missing from the journal');
    const entries = await this.txEntries(target);
    const ops = kind === 'undo' ? inverseOps(entries) : replayOps(entries);
    const verb = kind === 'undo' ? 'Undo' : 'Redo';
    const result = await this.commit(state, ops, { origin: kind, label: `${verb} ${target.label}`, kind, target: target.id });
    if (!result.tx) {
      const why = result.rejected.flatMap((r) => r.problems.map((p) => p.message)).slice(0, 3).join('; ');
      throw new Error(`Cannot ${kind} "${target.label}": ${why || 'nothing to change'}`);
    }
    return result;
  }

  /** A transaction's entries, in order: its ids are one consecutive ULID range. */
  async txEntries(tx: TxHeader): Promise<JournalEntry[]> {
    if (!tx.first || !tx.last) return [];
    const pages = await this.db.journal.where(':id').between([tx.wb, tx.first], [tx.wb, tx.last], true, true).toArray();
    return pages.filter((p) => p.tx === tx.id).flatMap((p) => p.entries);
  }

  /** The entry with this id: in the last page that starts at or before it. */
  async entry(wb: string, id: string): Promise<JournalEntry | undefined> {
    const page = await this.db.journal.where(':id').between([wb, Dexie.minKey], [wb, id], true, true).last();
    return page?.entries.find((e) => e.id === id);
  }

  /** Every journal entry about one record, oldest first: its creation and its field history. */
  async recordHistory(wb: string, recordId: string, revs: Record<string, string> = {}): Promise<JournalEntry[]> {
    const pages = await this.db.journal.where('rids').equals(recordId).toArray();
    const changes = pages.filter((p) => p.wb === wb).flatMap((p) => p.entries.filter((e) => e.recordId === recordId));
    const created = revs['*'] ? await this.entry(wb, revs['*']) : undefined;
    return [...(created ? [created] : []), ...changes].sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async getPref<T>(key: string): Promise<T | undefined> {
    return (await this.db.prefs.get(key))?.value as T | undefined;
  }

  async setPref(key: string, value: unknown): Promise<void> {
    await this.db.prefs.put({ key, value });
  }
}
