// One import or merge, from picking the file to committing it: the wizard's model. The file is
// read, analysed, planned and diffed in the exchange worker against a copy of the open workbook;
// nothing is written until commit, which is one transaction and one undo step.
import type { AppStore } from './app-store';
import type { ExchangeWorker } from '../workers/exchange-client';
import type { ReadSummary } from '../workers/exchange.worker';
import type { SheetProposal, RememberedMapping } from '../../shared/exchange/analyse';
import type { ImportKind } from '../../shared/exchange/fields';
import type { ImportReport } from '../../shared/exchange/import';
import { mergeOps, type MergeDecisions, type MergeDiff } from '../../shared/exchange/merge';
import type { CommitResult } from '../db/repository';
import { localToday } from '../../shared/calendar';
import { createIdGenerator } from '../../shared/util/ids';

export type ProgressFn = (stage: string, fraction: number | null) => void;

const MAPPINGS_PREF = 'importMappings';
const today = () => localToday(new Date());

export class ImportSession {
  private constructor(
    private readonly store: AppStore,
    private readonly worker: ExchangeWorker,
    readonly summary: ReadSummary,
  ) {}

  /** Reads and analyses a file. Throws Error with the reason shown to the user, or Canceled. */
  static async open(store: AppStore, name: string, bytes: Uint8Array, onProgress: ProgressFn, register: (cancel: () => void) => void): Promise<ImportSession> {
    let worker: ExchangeWorker | null = null;
    register(() => worker?.terminate());
    try {
      worker = await store.exchangeWorker(onProgress);
      const remembered = (await store.getPref<Record<string, RememberedMapping>>(MAPPINGS_PREF)) ?? {};
      const copy = bytes.slice();
      const summary = await worker.call({ type: 'read', name, bytes: copy, remembered }, onProgress, [copy.buffer]);
      return new ImportSession(store, worker, summary);
    } catch (e) {
      worker?.terminate();
      throw e;
    }
  }

  get isMerge(): boolean {
    return this.summary.snapshot !== undefined;
  }

  /** Re-suggests a sheet's mapping for another kind of record. */
  remap(sheet: string, kind: ImportKind): Promise<SheetProposal> {
    return this.worker.call({ type: 'remap', sheet, kind });
  }

  /** Converts and validates every row; nothing is written. */
  async preview(proposals: SheetProposal[], onProgress?: ProgressFn): Promise<ImportReport> {
    const first = await this.worker.call({ type: 'preview', proposals, today: today() }, onProgress);
    const report = first.report;
    // The rest of a long report in parts, each a short task on this thread.
    for (const what of ['rows', 'issues'] as const) {
      const list = report[what] as unknown[];
      while (list.length < first[what]) {
        const part = await this.worker.call({ type: 'report-part', what, from: list.length });
        if (!part.length) break;
        for (const x of part) list.push(x);
      }
    }
    return report;
  }

  /** Writes the last previewed import in one transaction (one undo step) and remembers the mappings. */
  async commit(proposals: SheetProposal[]): Promise<CommitResult | undefined> {
    const plan = await this.worker.takePlan();
    const label = `Import ${this.summary.fileName}`;
    const result = await this.store.commitPlanned(plan, label, this.worker.stateVersion);
    await this.remember(proposals);
    return result;
  }

  private async remember(proposals: SheetProposal[]) {
    const saved = (await this.store.getPref<Record<string, RememberedMapping>>(MAPPINGS_PREF)) ?? {};
    const next: Record<string, RememberedMapping> = Object.create(null) as Record<string, RememberedMapping>;
    for (const [k, v] of Object.entries(saved)) next[k] = v;
    for (const p of proposals.filter((x) => x.include)) {
      next[p.layout] = { kind: p.kind, columns: p.mapping.columns.map((c) => ({ header: p.headers[c.column] ?? '', field: c.field, ...(c.scale ? { scale: c.scale } : {}), ...(c.onError ? { onError: c.onError } : {}) })), ...(p.mapping.values && Object.keys(p.mapping.values).length ? { values: p.mapping.values } : {}), ...(p.mapping.periods?.unit ? { gridUnit: p.mapping.periods.unit } : {}) };
    }
    await this.store.setPref(MAPPINGS_PREF, { ...next });
  }

  /** For one of our exports: the three-way, cell-level diff. */
  diff(onProgress?: ProgressFn): Promise<MergeDiff> {
    return this.worker.call({ type: 'diff', today: today() }, onProgress);
  }

  /** Applies the accepted cells and rows as one undo step with a merge entry in the history. */
  async applyMerge(diff: MergeDiff, decisions: MergeDecisions): Promise<{ result: CommitResult | undefined; cells: number }> {
    const current = this.store.getSnapshot().current;
    if (!current) throw new Error('No workbook is open');
    const ids = createIdGenerator({ now: () => Date.now(), random: Math.random });
    const { ops, cells, label } = mergeOps(current, diff, decisions, ids);
    if (!ops.length) return { result: undefined, cells: 0 };
    const result = await this.store.commit(ops, { origin: 'merge', label });
    return { result, cells };
  }

  close() {
    this.worker.terminate();
  }
}
