// The import wizard's state outside React: one flow per file, from reading it to committing it
// (or merging it, for one of our own exports). Components read immutable snapshots through
// useSyncExternalStore and call the methods below; every step that reaches the database goes
// through ImportSession, so Cancel at any step before the commit leaves the database as it was.
import type { AppStore } from '../../state/app-store';
import { ImportSession } from '../../state/import-session';
import { Canceled } from '../../workers/exchange-client';
import type { ReadSummary } from '../../workers/exchange.worker';
import type { SheetProposal } from '../../../shared/exchange/analyse';
import type { ImportKind } from '../../../shared/exchange/fields';
import type { CellErrorPolicy, ImportReport } from '../../../shared/exchange/import';
import { defaultDecisions, mergeChoice, type MergeDecisions, type MergeDiff } from '../../../shared/exchange/merge';
import type { DateOrder } from '../../../shared/register/convert';
import type { GridCellUnit } from '../../../shared/exchange/grid-unit';
import { ExternalStore } from '../../state/external-store';

export type FlowPhase =
  | 'reading'
  | 'refused'
  | 'sheets'
  | 'columns'
  | 'checking'
  | 'check'
  | 'committing'
  | 'done'
  | 'diffing'
  | 'merge'
  | 'merging'
  | 'merged'
  | 'closed';

export interface Progress {
  stage: string;
  fraction: number | null;
}

export interface DoneSummary {
  /** Rows written (new + updated), merged cells, or 0 when nothing was applied. */
  applied: number;
  created: number;
  updated: number;
  deleted: number;
  undoLabel: string | null;
}

export interface FlowSnapshot {
  fileName: string;
  phase: FlowPhase;
  progress: Progress | null;
  /** Why the file was refused, or what went wrong in the current step (shown in it). */
  message: string | null;
  summary: ReadSummary | null;
  /** The file is one of our exports of this workbook: it is merged, not imported. */
  merge: boolean;
  /** A note on the export snapshot when the file cannot be merged (other workbook, newer app). */
  mergeNote: string | null;
  proposals: SheetProposal[];
  /** Sheet being re-suggested after a change of kind. */
  remapping: string | null;
  report: ImportReport | null;
  diff: MergeDiff | null;
  decisions: MergeDecisions;
  done: DoneSummary | null;
  /** The sheet whose date order the Columns step should bring into view. */
  focusSheet: string | null;
}

/** Steps as the step list shows them. */
export const IMPORT_STEPS = ['File', 'Sheets', 'Columns', 'Check', 'Done'] as const;
export const MERGE_STEPS = ['File', 'Review changes', 'Done'] as const;

export function stepIndex(s: FlowSnapshot): number {
  if (s.merge) return s.phase === 'merged' ? 2 : s.phase === 'merge' || s.phase === 'merging' ? 1 : 0;
  switch (s.phase) {
    case 'sheets':
      return 1;
    case 'columns':
      return 2;
    case 'checking':
    case 'check':
    case 'committing':
      return 3;
    case 'done':
      return 4;
    default:
      return 0;
  }
}

let flowSeq = 0;

export class ImportFlow {
  /** Distinguishes flows, so a new file mounts a fresh wizard. */
  readonly id = ++flowSeq;
  private session: ImportSession | null = null;
  private cancelRead: (() => void) | null = null;
  private readonly state: ExternalStore<FlowSnapshot>;
  /** Bumped whenever a pending step is abandoned, so its late result is ignored. */
  private generation = 0;

  constructor(
    private readonly store: AppStore,
    readonly fileName: string,
    private readonly bytes: Uint8Array,
    private readonly onClosed: () => void,
  ) {
    this.state = new ExternalStore<FlowSnapshot>({
      fileName,
      phase: 'reading',
      progress: { stage: 'Reading the file', fraction: null },
      message: null,
      summary: null,
      merge: false,
      mergeNote: null,
      proposals: [],
      remapping: null,
      report: null,
      diff: null,
      decisions: new Map(),
      done: null,
      focusSheet: null,
    });
  }

  subscribe = (listener: () => void): (() => void) => this.state.subscribe(listener);

  getSnapshot = (): FlowSnapshot => this.state.get();

  private get snap(): FlowSnapshot {
    return this.state.get();
  }

  private set(patch: Partial<FlowSnapshot>) {
    this.state.update(patch);
  }

  /** Reads the file in the exchange worker; `resume` restores a mapping after a stopped check. */
  async start(resume?: SheetProposal[]): Promise<void> {
    const gen = ++this.generation;
    this.set({ phase: 'reading', progress: { stage: resume ? 'Stopping the check' : 'Reading the file', fraction: null }, message: null });
    let session: ImportSession;
    try {
      session = await ImportSession.open(
        this.store,
        this.fileName,
        this.bytes,
        (stage, fraction) => {
          if (gen === this.generation) this.set({ progress: { stage, fraction } });
        },
        (cancel) => (this.cancelRead = cancel),
      );
    } catch (e) {
      this.cancelRead = null;
      if (gen !== this.generation || e instanceof Canceled) return;
      this.set({ phase: 'refused', progress: null, message: (e as Error).message || String(e) });
      return;
    }
    this.cancelRead = null;
    if (gen !== this.generation) {
      session.close();
      return;
    }
    this.session = session;
    const summary = session.summary;
    const current = this.store.getSnapshot().current;
    // The same rule as `pmo import` (shared/exchange/merge.ts mergeChoice).
    const choice = mergeChoice(summary.snapshot ?? (summary.snapshotError ? { error: summary.snapshotError } : null), current?.id);
    const merge = choice.merge;
    const mergeNote = choice.merge ? null : choice.note;
    const proposals = resume ?? summary.proposals;
    this.set({ summary, proposals, merge, mergeNote, progress: null });
    if (merge) await this.runDiff(gen);
    else this.set({ phase: resume ? 'columns' : 'sheets' });
  }

  private async runDiff(gen: number) {
    const session = this.session!;
    this.set({ phase: 'diffing', progress: { stage: 'Comparing cells', fraction: null } });
    try {
      const diff = await session.diff((stage, fraction) => {
        if (gen === this.generation) this.set({ progress: { stage, fraction } });
      });
      if (gen !== this.generation) return;
      this.set({ phase: 'merge', diff, decisions: defaultDecisions(diff), progress: null });
    } catch (e) {
      if (gen !== this.generation || e instanceof Canceled) return;
      this.set({ phase: 'refused', progress: null, message: (e as Error).message });
    }
  }

  /** Cancel: stops what is running; before the commit it closes the wizard with nothing written. */
  cancel() {
    const phase = this.snap.phase;
    if (phase === 'committing' || phase === 'merging') return;
    if (phase === 'checking') return this.stopCheck();
    this.close();
  }

  close() {
    this.generation++;
    this.cancelRead?.();
    this.cancelRead = null;
    this.session?.close();
    this.session = null;
    if (this.snap.phase !== 'closed') this.set({ phase: 'closed' });
    this.onClosed();
  }

  /** Stops a running check. The worker cannot be interrupted, so it is replaced: the file is read again and the mapping kept. */
  private stopCheck() {
    const proposals = this.snap.proposals;
    this.generation++;
    this.session?.close();
    this.session = null;
    void this.start(proposals);
  }

  // ---- Sheets and columns ------------------------------------------------------------------

  private replace(sheet: string, f: (p: SheetProposal) => SheetProposal) {
    this.set({ proposals: this.snap.proposals.map((p) => (p.sheet === sheet ? f(p) : p)), report: null, message: null });
  }

  setInclude(sheet: string, include: boolean) {
    this.replace(sheet, (p) => ({ ...p, include }));
  }

  async setKind(sheet: string, kind: ImportKind) {
    const session = this.session;
    if (!session) return;
    const gen = this.generation;
    this.set({ remapping: sheet, message: null });
    try {
      const next = await session.remap(sheet, kind);
      if (gen !== this.generation) return;
      const before = this.snap.proposals.find((p) => p.sheet === sheet);
      const dateOrder = before?.mapping.dateOrder;
      this.replace(sheet, () => ({ ...next, mapping: { ...next.mapping, ...(dateOrder ? { dateOrder } : {}) } }));
      this.set({ remapping: null });
    } catch (e) {
      if (gen !== this.generation || e instanceof Canceled) return;
      this.set({ remapping: null, message: (e as Error).message });
    }
  }

  /** Maps a source column to a field; a field is mapped once per sheet, so another column holding it is cleared. */
  setField(sheet: string, column: number, field: string | null) {
    this.replace(sheet, (p) => ({ ...p, mapping: { ...p.mapping, columns: assignField(p.mapping.columns, column, field) } }));
  }

  /**
   * Value mapping: what a source value of a field is read as (our option value), null to leave
   * the field empty, or undefined to drop the choice (back to the suggestion).
   */
  setValueMapping(sheet: string, field: string, source: string, target: string | null | undefined) {
    this.replace(sheet, (p) => {
      const values = { ...(p.mapping.values ?? {}) };
      const forField = { ...(values[field] ?? {}) };
      if (target === undefined) delete forField[source];
      else forField[source] = target;
      if (Object.keys(forField).length) values[field] = forField;
      else delete values[field];
      const { values: _old, ...rest } = p.mapping;
      return { ...p, mapping: Object.keys(values).length ? { ...rest, values } : rest };
    });
  }

  setScale(sheet: string, column: number, scale: number) {
    this.replace(sheet, (p) => ({
      ...p,
      mapping: {
        ...p.mapping,
        columns: p.mapping.columns.map((c) => {
          if (c.column !== column) return c;
          const { scale: _old, ...rest } = c;
          return scale === 1 ? rest : { ...rest, scale };
        }),
      },
    }));
  }

  /** What a cell of the column that cannot be read does: import the rest of the row (the default) or skip the row. */
  setOnError(sheet: string, column: number, onError: CellErrorPolicy) {
    this.replace(sheet, (p) => ({
      ...p,
      mapping: {
        ...p.mapping,
        columns: p.mapping.columns.map((c) => {
          if (c.column !== column) return c;
          const { onError: _old, ...rest } = c;
          return onError === 'keep-row' ? rest : { ...rest, onError };
        }),
      },
    }));
  }

  /** Status reports: also set each project's RAG and status narrative from its newest report (SheetMapping.latestToProject). */
  setLatestToProject(sheet: string, on: boolean) {
    this.replace(sheet, (p) => {
      const { latestToProject: _old, ...rest } = p.mapping;
      return { ...p, mapping: on && p.kind === 'status' ? { ...rest, latestToProject: true } : rest };
    });
  }

  /** What an allocation grid's cells hold (hours per week, hours or days in the period, % of an FTE, FTE). */
  setGridUnit(sheet: string, unit: GridCellUnit) {
    this.replace(sheet, (p) => (p.mapping.periods ? { ...p, mapping: { ...p.mapping, periods: { ...p.mapping.periods, unit } } } : p));
  }

  setDateOrder(sheet: string, order: DateOrder | null) {
    this.replace(sheet, (p) => {
      const { dateOrder: _old, ...rest } = p.mapping;
      return { ...p, mapping: order ? { ...rest, dateOrder: order } : rest };
    });
  }

  goTo(phase: 'sheets' | 'columns', focusSheet: string | null = null) {
    this.set({ phase, message: null, focusSheet });
  }

  // ---- Check and commit ------------------------------------------------------------------

  async check() {
    const session = this.session;
    if (!session) return;
    const gen = this.generation;
    this.set({ phase: 'checking', progress: { stage: 'Checking every row', fraction: null }, message: null, report: null });
    try {
      const report = await session.preview(this.snap.proposals, (stage, fraction) => {
        if (gen === this.generation) this.set({ progress: { stage, fraction } });
      });
      if (gen !== this.generation) return;
      this.set({ phase: 'check', report, progress: null });
    } catch (e) {
      if (gen !== this.generation || e instanceof Canceled) return;
      this.set({ phase: 'columns', progress: null, message: (e as Error).message });
    }
  }

  async commit() {
    const session = this.session;
    const report = this.snap.report;
    if (!session || !report) return;
    this.set({ phase: 'committing', message: null });
    try {
      const result = await session.commit(this.snap.proposals);
      if (!result) throw new Error('The import was not saved.');
      const n = report.counts.new + report.counts.updated;
      this.store.notify('info', `Imported ${n.toLocaleString()} row${n === 1 ? '' : 's'} from ${this.fileName}`);
      this.set({
        phase: 'done',
        done: { applied: n, created: report.counts.new, updated: report.counts.updated, deleted: 0, undoLabel: this.store.getSnapshot().undo.undoLabel },
      });
      this.release();
    } catch (e) {
      // The worker's copy of the workbook may be out of date (it changed meanwhile): read the
      // file again against the workbook as it is now, and let the user check again.
      const message = `${(e as Error).message} Nothing was imported.`;
      this.generation++;
      this.session?.close();
      this.session = null;
      await this.start(this.snap.proposals);
      if (this.snap.phase === 'columns') this.set({ message });
    }
  }

  // ---- Merge -----------------------------------------------------------------------------

  setDecisions(keys: readonly string[], take: boolean) {
    const next = new Map(this.snap.decisions);
    for (const k of keys) next.set(k, take);
    this.set({ decisions: next });
  }

  async applyMerge() {
    const session = this.session;
    const diff = this.snap.diff;
    if (!session || !diff) return;
    this.set({ phase: 'merging', message: null });
    try {
      const { result, cells } = await session.applyMerge(diff, this.snap.decisions);
      const counted = countDecisions(diff, this.snap.decisions);
      if (cells === 0 && counted.deleted === 0 && !result) {
        this.set({ phase: 'merge', message: 'Nothing was accepted, so nothing was changed.' });
        return;
      }
      if (!result) throw new Error('The merge was not saved.');
      const n = counted.cells + counted.created + counted.deleted;
      this.store.notify('info', `Merged ${n.toLocaleString()} change${n === 1 ? '' : 's'} from ${this.fileName}`);
      this.set({ phase: 'merged', done: { applied: counted.cells, created: counted.created, updated: counted.rows, deleted: counted.deleted, undoLabel: this.store.getSnapshot().undo.undoLabel } });
      this.release();
    } catch (e) {
      this.set({ phase: 'merge', message: (e as Error).message });
    }
  }

  /** After a commit the worker is no longer needed; the Done step stays on screen. */
  private release() {
    this.session?.close();
    this.session = null;
  }
}

/** The columns with `field` assigned to `column`, cleared from any other column that had it. */
export function assignField<C extends { column: number; field: string | null }>(columns: readonly C[], column: number, field: string | null): C[] {
  return columns.map((c) => {
    if (c.column === column) return { ...c, field };
    if (field !== null && c.field === field) return { ...c, field: null };
    return c;
  });
}

/** What a merge with these decisions applies: cells taken, rows they touch, rows added and removed. */
export function countDecisions(diff: MergeDiff, decisions: MergeDecisions): { cells: number; rows: number; created: number; deleted: number } {
  let cells = 0;
  let rows = 0;
  let created = 0;
  let deleted = 0;
  for (const row of diff.rows) {
    if (row.change === 'new') {
      if (decisions.get(row.key) === true) created++;
    } else if (row.change === 'deleted') {
      if (decisions.get(row.key) === true) deleted++;
    } else if (!row.goneHere) {
      const n = row.cells.filter((c) => decisions.get(`${row.key}|${c.field}`) === true).length;
      cells += n;
      if (n) rows++;
    }
  }
  return { cells, rows, created, deleted };
}
