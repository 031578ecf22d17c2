// Database benchmark, run in Chromium by test/bench/db.bench.ts: writes a scale workbook
// through the database layer and as raw IndexedDB puts of the same records in one
// transaction, side by side, then opens it as the app does.
import Dexie from 'dexie';
import { PmoDatabase } from '../../renderer/db/database';
import { Repository } from '../../renderer/db/repository';
import { createIdGenerator } from '../../shared/util/ids';
import { ENTITY_NAMES } from '../../shared/model/schemas';
import type { WorkbookData } from '../../shared/model/workbook';
import { buildScaleWorkbook } from '../../shared/demo/scale';

export interface DbBenchResult {
  records: number;
  rawMs: number[];
  layerMs: number[];
  openMs: number[];
  /** JS heap the opened workbook holds (after garbage collection), in MB. */
  heapOfOpenMB: number | null;
}

function heapMB(): number | null {
  (globalThis as unknown as { gc?: () => void }).gc?.();
  const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return mem ? mem.usedJSHeapSize / 1048576 : null;
}

const clock = () => ({ newId: createIdGenerator({ now: () => Date.now(), random: Math.random }), now: () => new Date().toISOString() });

async function rawWrite(data: WorkbookData): Promise<number> {
  const name = `bench-raw-${Math.random()}`;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('records', { keyPath: ['wb', 'id'] });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('records', 'readwrite');
    const store = tx.objectStore('records');
    for (const e of ENTITY_NAMES) for (const d of data.records[e]) store.put({ wb: data.id, id: d.id, e, d });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  db.close();
  await Dexie.delete(name);
  return ms;
}

async function layerWrite(data: WorkbookData): Promise<{ ms: number; openMs: number; heap: number | null }> {
  const db = new PmoDatabase(`bench-layer-${Math.random()}`);
  const repo = new Repository(db, clock());
  const t0 = performance.now();
  await repo.createWorkbook(data, 'import', 'Benchmark');
  const ms = performance.now() - t0;
  // Open as the app does: a fresh connection, all records into memory.
  db.close();
  const db2 = new PmoDatabase(db.name);
  const repo2 = new Repository(db2, clock());
  const before = heapMB();
  const t1 = performance.now();
  const state = await repo2.loadWorkbook(data.id);
  const openMs = performance.now() - t1;
  const after = heapMB();
  const heap = before !== null && after !== null ? after - before : null;
  if (state.count('project') !== data.records.project.length) throw new Error('Opened workbook lost projects');
  db2.close();
  await Dexie.delete(db.name);
  return { ms, openMs, heap };
}

declare global {
  interface Window {
    runDbBench(opts: { projects: number; people: number; allocations: number; rounds: number }): Promise<DbBenchResult>;
  }
}

window.runDbBench = async ({ projects, people, allocations, rounds }) => {
  const data = buildScaleWorkbook({ projects, people, allocations, today: '2026-11-21', seed: 7 });
  let records = 0;
  for (const e of ENTITY_NAMES) records += data.records[e].length;
  const result: DbBenchResult = { records, rawMs: [], layerMs: [], openMs: [], heapOfOpenMB: null };
  // Alternate the two so drift in machine load hits both equally.
  for (let i = 0; i < rounds; i++) {
    result.rawMs.push(await rawWrite(data));
    const layer = await layerWrite(data);
    result.layerMs.push(layer.ms);
    result.openMs.push(layer.openMs);
    result.heapOfOpenMB = layer.heap;
  }
  return result;
};

document.getElementById('status')!.textContent = 'ready';
