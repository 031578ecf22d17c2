// The page's side of the exchange worker: one request at a time, progress reported, Cancel
// terminates the worker (a parse cannot be interrupted any other way), so nothing half-done
// survives it.
import type { WorkbookState } from '../../shared/commands/state';
import type { StoredRecord, StoredWorkbook } from '../../shared/commands/types';
import type { PlanResult } from '../../shared/commands/plan';
import { ENTITY_NAMES } from '../../shared/model/schemas';
import type { ExchangeReply, ExchangeRequestOf, ExchangeRequestType, ExchangeResponse } from './exchange.worker';

export class Canceled extends Error {
  constructor() {
    super('Canceled');
  }
}

/** Records sent per message when copying the workbook into the worker (keeps each clone short). */
const STATE_CHUNK = 5_000;

export class ExchangeWorker {
  private worker: Worker | null = new Worker(new URL('./exchange.worker.ts', import.meta.url), { type: 'module', name: 'exchange' });
  private busy: { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: (stage: string, fraction: number | null) => void } | null = null;
  /** The data version of the workbook copy in the worker. */
  stateVersion = -1;

  constructor() {
    this.worker!.onmessage = (e: MessageEvent<ExchangeResponse>) => {
      const m = e.data;
      const b = this.busy;
      if (!b) return;
      if (m.type === 'progress') return b.onProgress?.(m.stage, m.fraction);
      this.busy = null;
      if (m.type === 'ok') b.resolve(m.value);
      else b.reject(new Error(m.message));
    };
    this.worker!.onerror = (e) => {
      const b = this.busy;
      this.busy = null;
      b?.reject(new Error(e.message || 'The spreadsheet reader stopped unexpectedly'));
    };
  }

  /** Sends one request; the reply's type is the one the protocol declares for the request's type. */
  call<K extends ExchangeRequestType>(req: ExchangeRequestOf<K>, onProgress?: (stage: string, fraction: number | null) => void, transfer: Transferable[] = []): Promise<ExchangeReply<K>> {
    const w = this.worker;
    if (!w) return Promise.reject(new Canceled());
    if (this.busy) return Promise.reject(new Error('The spreadsheet worker is busy'));
    return new Promise<ExchangeReply<K>>((resolve, reject) => {
      // The one place a reply meets its type: the worker answers requests in order, one at a time,
      // with the reply declared for the request (exchange.worker.ts `reply`).
      this.busy = { resolve: resolve as (v: unknown) => void, reject, ...(onProgress ? { onProgress } : {}) };
      w.postMessage(req, transfer);
    });
  }

  /** Copies the open workbook into the worker, in chunks, yielding between them. */
  async loadState(state: WorkbookState, version: number): Promise<void> {
    const meta: StoredWorkbook = { id: state.id, name: state.settings.name, settings: state.settings, createdAt: state.createdAt, updatedAt: state.updatedAt, r: state.settingsRevs, projectCount: state.count('project') };
    let chunk: StoredRecord[] = [];
    for (const e of ENTITY_NAMES) {
      for (const d of state.values(e)) {
        chunk.push({ wb: state.id, id: d.id, e, d, r: state.revsOf(e, d.id) });
        if (chunk.length >= STATE_CHUNK) {
          await this.call({ type: 'state', meta, rows: chunk, last: false });
          chunk = [];
        }
      }
    }
    await this.call({ type: 'state', meta, rows: chunk, last: true });
    this.stateVersion = version;
  }

  /** The import plan the worker checked last, fetched in parts (see the worker). */
  async takePlan(): Promise<PlanResult> {
    const first = await this.call({ type: 'take-plan' });
    const plan = first.result.plan;
    for (let part = 1; plan && part < first.parts; part++) {
      const slice = await this.call({ type: 'take-plan-part', part });
      for (const p of slice.puts) plan.puts.push(p);
      for (const e of slice.entries) plan.entries.push(e);
    }
    return first.result;
  }

  /** Stops whatever the worker is doing; pending calls fail with Canceled. */
  terminate() {
    this.worker?.terminate();
    this.worker = null;
    const b = this.busy;
    this.busy = null;
    b?.reject(new Canceled());
  }
}
