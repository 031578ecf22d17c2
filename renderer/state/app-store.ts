// The app's state outside React: the workbook list, the open workbook (in memory), undo/redo
// and the save status. Every change goes through Repository.commit (the one command path).
// React reads immutable snapshots through the external-store primitive (./external-store),
// by selectors (./use-app): a commit publishes the snapshot once; the save status ("Saving…",
// "All changes saved") is a store of its own, so data readers never re-render for it.
import { Repository, type CommitResult, type UndoInfo } from '../db/repository';
import { PmoDatabase } from '../db/database';
import type { WorkbookState } from '../../shared/commands/state';
import type { Op, Origin, StoredWorkbook } from '../../shared/commands/types';
import type { PlanContext, PlanResult } from '../../shared/commands/plan';
import { KIND_LABELS, type ImportKind } from '../../shared/exchange/fields';
import type { GridUnit } from '../../shared/exchange/export';
import type { CsvStyle } from '../workers/exchange.worker';
import { Canceled, ExchangeWorker } from '../workers/exchange-client';
import { createIdGenerator } from '../../shared/util/ids';
import { localToday } from '../../shared/calendar';
import { defaultSettings, emptyRecords, type WorkbookData } from '../../shared/model/workbook';
import { buildDemoWorkbook } from '../../shared/demo/demo';
import { serializeWorkbook, workbookFileName, type WorkbookFile } from '../../shared/file/pmowb';
import { checkWorkbookFile } from '../workers/open-workbook';
import type { Platform } from '../platform/platform';
import { ExternalStore } from './external-store';

declare const __APP_VERSION__: string;

export type SaveStatus = { status: 'saved' } | { status: 'saving' } | { status: 'error'; message: string };
export interface NoticeAction {
  label: string;
  run: () => void | Promise<void>;
}

export interface Notice {
  id: number;
  /** info goes after a few seconds; warning, error and prompt (one with an action) stay until dismissed. */
  kind: 'info' | 'warning' | 'error' | 'prompt';
  text: string;
  action?: NoticeAction;
}

export interface Busy {
  label: string;
  /** 0–1, or null while the length of the work is unknown. */
  progress: number | null;
  cancel?: () => void;
}

/** What the last committed change touched, so views can update incrementally. */
export interface LastChange {
  /** The data version this change produced. */
  version: number;
  /** Record ids updated in place, by entity. */
  updated: Map<string, Set<string>>;
  /** Fields changed, by entity (top-level names: 'rag' for 'rag.overall'). */
  fields: Map<string, Set<string>>;
  /** True when records were created or deleted, or settings changed: views must rebuild. */
  structural: boolean;
}

export interface AppSnapshot {
  phase: 'loading' | 'ready' | 'failed';
  failure: string | null;
  workbooks: StoredWorkbook[];
  current: WorkbookState | null;
  /** Changes whenever the open workbook's data changes. */
  dataVersion: number;
  undo: UndoInfo;
  notices: Notice[];
  busy: Busy | null;
  /** Whether the browser keeps our data under storage pressure; null until asked (once there is a workbook). */
  persistent: boolean | null;
  lastChange: LastChange | null;
}

const NO_UNDO: UndoInfo = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };
const LAST_WORKBOOK = 'lastWorkbook';

function describeChange(entries: readonly { entity: string; recordId: string; op: string; field: string }[], version: number): LastChange {
  const updated = new Map<string, Set<string>>();
  const fields = new Map<string, Set<string>>();
  let structural = false;
  for (const e of entries) {
    if (e.op !== 'update' || e.entity === 'settings') {
      structural = true;
      continue;
    }
    if (!updated.has(e.entity)) updated.set(e.entity, new Set());
    if (!fields.has(e.entity)) fields.set(e.entity, new Set());
    updated.get(e.entity)!.add(e.recordId);
    fields.get(e.entity)!.add(e.field.split('.')[0]!);
  }
  return { version, updated, fields, structural };
}

function randomFloat(): number {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return buf[0]! / 4294967296;
}

export type OpenOutcome = { kind: 'opened'; name: string } | { kind: 'refused'; reason: string } | { kind: 'conflict'; existing: StoredWorkbook; file: WorkbookFile; fileName: string } | { kind: 'canceled' };

/** A workbook name made safe as a file name on Windows, macOS and Linux. */
export function safeFileName(name: string): string {
  // Control characters are exactly what a file name must not hold.
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120) || 'Workbook';
}

export class AppStore {
  readonly repo: Repository;
  private readonly newId = createIdGenerator({ now: () => Date.now(), random: randomFloat });
  private readonly state = new ExternalStore<AppSnapshot>({
    phase: 'loading',
    failure: null,
    workbooks: [],
    current: null,
    dataVersion: 0,
    undo: NO_UNDO,
    notices: [],
    busy: null,
    persistent: null,
    lastChange: null,
  });
  /** "Saving…" / "All changes saved" / the error, for the header; apart so data readers never hear it. */
  readonly saveStatus = new ExternalStore<SaveStatus>({ status: 'saved' });
  private pending = 0;
  private noticeSeq = 0;
  private persistenceRequested = false;
  /** Serialises writes so that undo, edits and workbook switches never interleave. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly platform: Platform,
    db: PmoDatabase = new PmoDatabase(),
  ) {
    this.repo = new Repository(db, { newId: this.newId, now: () => new Date().toISOString() });
  }

  subscribe = (listener: () => void): (() => void) => this.state.subscribe(listener);

  getSnapshot = (): AppSnapshot => this.state.get();

  /** The snapshot as a readable store, for selectors. */
  get snapshots(): ExternalStore<AppSnapshot> {
    return this.state;
  }

  private get snapshot(): AppSnapshot {
    return this.state.get();
  }

  private set(patch: Partial<AppSnapshot>) {
    this.state.update(patch);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  notify(kind: Notice['kind'], text: string, action?: NoticeAction) {
    const notice: Notice = action ? { id: ++this.noticeSeq, kind, text, action } : { id: ++this.noticeSeq, kind, text };
    // The last four, and any prompt still waiting for an answer (an update to apply).
    const all = [...this.snapshot.notices, notice];
    this.set({ notices: all.filter((n, i) => n.kind === 'prompt' || i >= all.length - 4) });
    return notice.id;
  }

  dismiss(id: number) {
    this.set({ notices: this.snapshot.notices.filter((n) => n.id !== id) });
  }

  async init(): Promise<void> {
    try {
      const workbooks = await this.repo.listWorkbooks();
      this.set({ workbooks });
      const last = await this.repo.getPref<string>(LAST_WORKBOOK);
      const pick = workbooks.find((w) => w.id === last) ?? workbooks[0];
      if (pick) await this.load(pick.id);
      this.set({ phase: 'ready' });
    } catch (e) {
      this.set({ phase: 'failed', failure: (e as Error).message });
    }
  }

  /**
   * Asks the browser once not to evict our data, when there first is a workbook to keep: asking
   * on an empty welcome page would prompt (Firefox) or be refused for nothing.
   */
  private requestPersistence() {
    if (this.persistenceRequested) return;
    this.persistenceRequested = true;
    void this.platform.requestPersistentStorage().then((persistent) => this.set({ persistent }));
  }

  private async load(id: string) {
    const current = await this.repo.loadWorkbook(id);
    const undo = await this.repo.undoInfo(id);
    await this.repo.setPref(LAST_WORKBOOK, id);
    this.set({ current, undo, dataVersion: this.snapshot.dataVersion + 1 });
    this.requestPersistence();
  }

  private async refreshList() {
    this.set({ workbooks: await this.repo.listWorkbooks() });
  }

  private async guard<T>(busy: string | null, work: () => Promise<T>): Promise<T | undefined> {
    if (busy) this.set({ busy: { label: busy, progress: null } });
    try {
      return await work();
    } catch (e) {
      this.notify('error', (e as Error).message);
      return undefined;
    } finally {
      if (busy) this.set({ busy: null });
    }
  }

  switchTo(id: string) {
    return this.serial(() => this.guard(null, () => this.load(id)));
  }

  private async createAndOpen(data: WorkbookData, origin: Origin, label: string) {
    await this.repo.createWorkbook(data, origin, label);
    await this.refreshList();
    await this.load(data.id);
  }

  newWorkbook(name: string) {
    return this.serial(() =>
      this.guard(null, async () => {
        await this.createAndOpen({ id: this.newId(), settings: defaultSettings(name.trim() || 'Untitled portfolio'), records: emptyRecords() }, 'create', 'New workbook');
      }),
    );
  }

  openDemo() {
    return this.serial(() =>
      this.guard('Building the sample portfolio…', async () => {
        const demo = buildDemoWorkbook({ today: localToday(new Date()) });
        await this.createAndOpen({ ...demo, id: this.newId() }, 'demo', 'Open sample portfolio');
      }),
    );
  }

  rename(name: string) {
    return this.commit([{ op: 'settings', changes: { name } }], { origin: 'edit', label: 'Rename workbook' });
  }

  duplicate() {
    const current = this.snapshot.current;
    if (!current) return Promise.resolve(undefined);
    return this.serial(() =>
      this.guard('Duplicating…', async () => {
        const name = `${current.settings.name} (copy)`.slice(0, 300);
        await this.createAndOpen({ id: this.newId(), settings: { ...current.settings, name }, records: current.records() }, 'duplicate', 'Duplicate workbook');
      }),
    );
  }

  deleteWorkbook(id: string) {
    return this.serial(() =>
      this.guard('Deleting…', async () => {
        await this.repo.deleteWorkbook(id);
        await this.refreshList();
        if (this.snapshot.current?.id === id) {
          const next = this.snapshot.workbooks[0];
          if (next) await this.load(next.id);
          else this.set({ current: null, undo: NO_UNDO, dataVersion: this.snapshot.dataVersion + 1 });
        }
      }),
    );
  }

  /** Checks a file fully before anything is written; a conflict (same workbook id) is returned for the user to decide. */
  openFileBytes(fileName: string, bytes: Uint8Array): Promise<OpenOutcome> {
    return this.serial(async () => {
      const controller = new AbortController();
      const label = `Opening ${fileName}`;
      this.set({ busy: { label, progress: 0, cancel: () => controller.abort() } });
      let parsed;
      try {
        parsed = await checkWorkbookFile(fileName, bytes, (stage, progress) => this.set({ busy: { label: `${label}: ${stage.toLowerCase()}…`, progress, cancel: () => controller.abort() } }), controller.signal);
      } finally {
        this.set({ busy: null });
      }
      if (parsed === 'canceled') return { kind: 'canceled' } as const;
      if (!parsed.ok) return { kind: 'refused', reason: parsed.reason } as const;
      const existing = this.snapshot.workbooks.find((w) => w.id === parsed.workbook.id);
      if (existing) return { kind: 'conflict', existing, file: parsed.workbook, fileName } as const;
      const workbook = parsed.workbook;
      const result = await this.guard(`Saving ${fileName} into this computer's storage…`, () => this.createAndOpen(workbook, 'open', `Open ${fileName}`));
      return result === undefined && !this.snapshot.workbooks.some((w) => w.id === workbook.id)
        ? ({ kind: 'refused', reason: `${fileName} could not be saved into this app's storage.` } as const)
        : ({ kind: 'opened', name: workbook.settings.name } as const);
    });
  }

  /** Opens a checked file as a copy beside the workbook it came from. */
  openAsCopy(file: WorkbookFile, fileName: string) {
    return this.serial(() => this.guard('Opening…', () => this.createAndOpen({ ...file, id: this.newId(), settings: { ...file.settings, name: `${file.settings.name} (from ${fileName})`.slice(0, 300) } }, 'open', `Open ${fileName}`)));
  }

  /** Replaces the workbook here with the file's version, in one transaction. */
  replaceWith(file: WorkbookFile, fileName: string) {
    return this.serial(() =>
      this.guard('Opening…', async () => {
        await this.repo.createWorkbook(file, 'open', `Open ${fileName}`, { replace: true });
        await this.refreshList();
        await this.load(file.id);
      }),
    );
  }

  async pickAndOpen(): Promise<OpenOutcome> {
    const file = await this.platform.openWorkbookFile().catch((e: Error) => {
      this.notify('error', e.message);
      return null;
    });
    if (!file) return { kind: 'canceled' };
    return this.openFileBytes(file.name, file.bytes);
  }

  async saveAs(): Promise<string | null> {
    const current = this.snapshot.current;
    if (!current) return null;
    const text = serializeWorkbook({ id: current.id, settings: current.settings, records: current.records() }, { exportedAt: new Date().toISOString(), appVersion: __APP_VERSION__ });
    try {
      const name = await this.platform.saveFile(workbookFileName(current.settings.name), new TextEncoder().encode(text), 'workbook');
      if (name) this.notify('info', `Saved a copy as ${name}`);
      return name;
    } catch (e) {
      this.notify('error', `The file was not saved: ${(e as Error).message}`);
      return null;
    }
  }

  /** The command path for views: validate, write with the journal, update memory. */
  commit(ops: readonly Op[], ctx: Omit<PlanContext, 'newId' | 'now'>): Promise<CommitResult | undefined> {
    const current = this.snapshot.current;
    if (!current) return Promise.resolve(undefined);
    return this.write(() => this.repo.commit(current, ops, ctx));
  }

  /**
   * Commits a plan prepared in the exchange worker against a copy of the workbook taken at
   * `version`; refused if the workbook changed since (the caller re-checks and asks again).
   */
  commitPlanned(result: PlanResult, label: string, version: number): Promise<CommitResult | undefined> {
    const current = this.snapshot.current;
    if (!current) return Promise.resolve(undefined);
    if (version !== this.snapshot.dataVersion) return Promise.reject(new Error('The workbook changed while the import was being checked; check it again.'));
    return this.write(() => this.repo.commitPlan(current, result, label));
  }

  /** Exports the open workbook as a styled .xlsx (built in a worker, with progress and Cancel). */
  async exportXlsx(grid: GridUnit): Promise<string | null> {
    const current = this.snapshot.current;
    if (!current) return null;
    const name = `${safeFileName(current.settings.name)} ${localToday(new Date())}.xlsx`;
    const out = await this.inWorker(`Exporting ${name}`, (w) =>
      w.call({ type: 'export-xlsx', grid, exportId: this.newId(), exportedAt: new Date().toISOString(), today: localToday(new Date()) }, (stage, f) => this.set({ busy: { label: `Exporting ${name}: ${stage.toLowerCase()}…`, progress: f, cancel: () => w.terminate() } })),
    );
    return out ? this.saveBytes(name, out.bytes, 'xlsx', out.warning) : null;
  }

  /**
   * Exports one kind of record as CSV (UTF-8 with a byte-order mark, so Excel reads accents):
   * for re-import, or for people (no apostrophes, formula-like cells left out and named).
   */
  async exportCsv(kind: ImportKind, style: CsvStyle = 'reimport'): Promise<string | null> {
    const current = this.snapshot.current;
    if (!current) return null;
    const name = `${safeFileName(current.settings.name)} ${KIND_LABELS[kind].sheet}.csv`;
    const out = await this.inWorker(`Exporting ${name}`, (w) => w.call({ type: 'export-csv', kind, style, today: localToday(new Date()) }));
    return out ? this.saveBytes(name, out.bytes, 'csv', out.warning) : null;
  }

  /** A worker holding a copy of the open workbook, for exports and imports. */
  async exchangeWorker(onProgress?: (stage: string, fraction: number | null) => void): Promise<ExchangeWorker> {
    const current = this.snapshot.current;
    if (!current) throw new Error('No workbook is open');
    const w = new ExchangeWorker();
    onProgress?.('Preparing', null);
    await w.loadState(current, this.snapshot.dataVersion);
    return w;
  }

  private async inWorker<T>(label: string, work: (w: ExchangeWorker) => Promise<T>): Promise<T | null> {
    let worker: ExchangeWorker | null = null;
    const cancel = () => worker?.terminate();
    this.set({ busy: { label: `${label}…`, progress: null, cancel } });
    try {
      worker = await this.exchangeWorker();
      this.set({ busy: { label: `${label}…`, progress: null, cancel } });
      return await work(worker);
    } catch (e) {
      if (!(e instanceof Canceled)) this.notify('error', `${label} failed: ${(e as Error).message}`);
      return null;
    } finally {
      worker?.terminate();
      this.set({ busy: null });
    }
  }

  /** Saves an export; a warning (what the file could not hold) stays on screen until dismissed. */
  private async saveBytes(name: string, bytes: Uint8Array, kind: 'xlsx' | 'csv', warning: string | null = null): Promise<string | null> {
    try {
      const saved = await this.platform.saveFile(name, bytes, kind);
      if (saved) this.notify(warning ? 'warning' : 'info', warning ? `Exported ${saved}. ${warning}` : `Exported ${saved}`);
      return saved;
    } catch (e) {
      this.notify('error', `The file was not saved: ${(e as Error).message}`);
      return null;
    }
  }

  getPref<T>(key: string): Promise<T | undefined> {
    return this.repo.getPref<T>(key);
  }

  setPref(key: string, value: unknown): Promise<void> {
    return this.repo.setPref(key, value);
  }

  undo() {
    const current = this.snapshot.current;
    if (!current || !this.snapshot.undo.canUndo) return Promise.resolve(undefined);
    return this.write(() => this.repo.undo(current));
  }

  redo() {
    const current = this.snapshot.current;
    if (!current || !this.snapshot.undo.canRedo) return Promise.resolve(undefined);
    return this.write(() => this.repo.redo(current));
  }

  private write<T extends CommitResult | null>(work: () => Promise<T>): Promise<T | undefined> {
    this.pending++;
    this.saveStatus.set({ status: 'saving' });
    return this.serial(async () => {
      try {
        // User Timing marks: a profile (or the benchmark) can tell storage time from render time.
        const t0 = performance.now();
        const result = await work();
        performance.measure('pmo:commit:storage', { start: t0 });
        const current = this.snapshot.current;
        if (current && result?.tx) {
          const undo = result.undo ?? (await this.repo.undoInfo(current.id));
          const workbooks = this.snapshot.workbooks.map((w) => (w.id === current.id ? { ...w, name: current.settings.name, updatedAt: current.updatedAt } : w));
          const version = this.snapshot.dataVersion + 1;
          // The one publication of this commit's data.
          this.set({ undo, workbooks, dataVersion: version, lastChange: result.plan ? describeChange(result.plan.entries, version) : null });
        }
        this.pending--;
        if (this.pending === 0) this.saveStatus.set({ status: 'saved' });
        performance.measure('pmo:commit:total', { start: t0 });
        return result;
      } catch (e) {
        this.pending--;
        this.saveStatus.set({ status: 'error', message: (e as Error).message });
        this.notify('error', (e as Error).message);
        return undefined;
      }
    });
  }
}
