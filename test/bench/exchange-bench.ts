// Spreadsheet exchange benchmark, run in Chromium by test/bench/exchange.bench.ts.
// 1. Import of a 50k-row xlsx end to end (read, map, validate, write to IndexedDB) against
//    SheetJS's own parse of the same bytes, side by side in one run.
// 2. The app's path for the same import (worker reads and plans, page commits), with every long
//    task of the page's main thread recorded.
// 3. Export of a 10k-project workbook to a styled xlsx.
import * as XLSX from '@e965/xlsx';
import Dexie from 'dexie';
import { PmoDatabase } from '../../renderer/db/database';
import { Repository } from '../../renderer/db/repository';
import { ExchangeWorker } from '../../renderer/workers/exchange-client';
import { createIdGenerator } from '../../shared/util/ids';
import { defaultSettings, emptyRecords } from '../../shared/model/workbook';
import { buildScaleWorkbook } from '../../shared/demo/scale';
import { readSpreadsheet } from '../../shared/exchange/read/read';
import { analyseWorkbook, previewImport } from '../../shared/exchange/analyse';
import { buildExport } from '../../shared/exchange/export';
import { writeXlsx } from '../../shared/exchange/xlsx/writer';
import { WorkbookState } from '../../shared/commands/state';
import { planNewWorkbook } from '../../shared/commands/new-workbook';

const clock = () => ({ newId: createIdGenerator({ now: () => Date.now(), random: Math.random }), now: () => new Date().toISOString() });

function heapMB(): number | null {
  const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return mem ? mem.usedJSHeapSize / 1048576 : null;
}
function gc() {
  (globalThis as unknown as { gc?: () => void }).gc?.();
}

/** A client-style projects sheet: 12 columns, text and real dates, money, RAG words. */
function clientWorkbook(rows: number): Uint8Array {
  const stages = ['Active', 'Pipeline', 'Closed', 'On hold', 'Approved'];
  const rag = ['Green', 'Amber', 'Red', 'On track'];
  const aoa: unknown[][] = [['Project code', 'Project name', 'Programme', 'Project Manager', 'Start', 'Go-live', 'Budget', 'Forecast', 'RAG', 'Status', '% complete', 'Business unit']];
  for (let i = 0; i < rows; i++) {
    const start = new Date(Date.UTC(2025, i % 12, 1 + (i % 27)));
    const finish = new Date(start.getTime() + (60 + (i % 400)) * 86400000);
    aoa.push([`C-${String(i + 1).padStart(6, '0')}`, `Client project ${i + 1}`, `Programme ${1 + (i % 40)}`, `Manager ${1 + (i % 300)}`, start, finish, 10000 + (i % 1000) * 250.5, 12000 + (i % 900) * 300, rag[i % 4], stages[i % 5], (i % 100) / 100, `Unit ${i % 12}`]);
  }
  const ws = XLSX.utils.aoa_to_sheet(aoa, { cellDates: true });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Portfolio');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

async function rawPut(records: readonly unknown[]): Promise<number> {
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
    for (const r of records) store.put(r);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  db.close();
  await Dexie.delete(name);
  return ms;
}

async function emptyWorkbook(repo: Repository, id: string): Promise<WorkbookState> {
  await repo.createWorkbook({ id, settings: defaultSettings('Bench import'), records: emptyRecords() }, 'create', 'New');
  return repo.loadWorkbook(id);
}

export interface ExchangeBenchResult {
  rows: number;
  fileMB: number;
  sheetjsMs: number[];
  /** The same records put straight into IndexedDB in one transaction, no journal: the floor of the write. */
  rawPutMs: number[];
  ours: { readMs: number; analyseMs: number; planMs: number; writeMs: number; totalMs: number }[];
  imported: number;
  peakHeapMB: number | null;
  app: { totalMs: number; longestTaskMs: number; longTasks: number; committed: number };
  export: { projects: number; allocations: number; buildMs: number; writeMs: number; fileMB: number }[];
}

declare global {
  interface Window {
    runExchangeBench(opts: { rows: number; rounds: number }): Promise<ExchangeBenchResult>;
  }
}

window.runExchangeBench = async ({ rows, rounds }) => {
  const bytes = clientWorkbook(rows);
  const result: ExchangeBenchResult = { rows, fileMB: bytes.byteLength / 1048576, sheetjsMs: [], rawPutMs: [], ours: [], imported: 0, peakHeapMB: null, app: { totalMs: 0, longestTaskMs: 0, longTasks: 0, committed: 0 }, export: [] };
  let peak = 0;
  const sample = () => {
    const h = heapMB();
    if (h !== null) peak = Math.max(peak, h);
  };
  for (let i = 0; i < rounds; i++) {
    gc();
    let t = performance.now();
    const wb = XLSX.read(bytes, { type: 'array', dense: true });
    if (!wb.SheetNames.length) throw new Error('SheetJS read nothing');
    result.sheetjsMs.push(performance.now() - t);

    gc();
    const db = new PmoDatabase(`bench-import-${Math.random()}`);
    const repo = new Repository(db, clock());
    const state = await emptyWorkbook(repo, `wb-${i}`);
    const t0 = performance.now();
    const read = readSpreadsheet(bytes, 'client.xlsx');
    if (!read.ok) throw new Error(read.reason);
    sample();
    const readMs = performance.now() - t0;
    t = performance.now();
    const proposals = analyseWorkbook(read.workbook, state.settings, []);
    const analyseMs = performance.now() - t;
    t = performance.now();
    const { report, result: plan } = previewImport(state, read.workbook, proposals, { ...clock(), today: '2026-11-21' });
    sample();
    const planMs = performance.now() - t;
    t = performance.now();
    await repo.commitPlan(state, plan, 'Import client.xlsx');
    sample();
    const writeMs = performance.now() - t;
    result.rawPutMs.push(await rawPut(plan.plan!.puts));
    result.ours.push({ readMs, analyseMs, planMs, writeMs, totalMs: performance.now() - t0 });
    result.imported = state.count('project');
    if (report.counts.new !== rows) throw new Error(`Expected ${rows} new rows, got ${JSON.stringify(report.counts)}`);
    db.close();
    await Dexie.delete(db.name);
  }
  result.peakHeapMB = peak || null;

  // The app's path: worker reads and plans; the page commits. Long tasks of this thread recorded.
  {
    gc();
    const db = new PmoDatabase(`bench-app-${Math.random()}`);
    const repo = new Repository(db, clock());
    const state = await emptyWorkbook(repo, 'wb-app');
    const long: number[] = [];
    const po = new PerformanceObserver((list) => list.getEntries().forEach((e) => long.push(e.duration)));
    po.observe({ type: 'longtask', buffered: false });
    const t0 = performance.now();
    const w = new ExchangeWorker();
    await w.loadState(state, 0);
    const copy = bytes.slice();
    const summary = await w.call({ type: 'read', name: 'client.xlsx', bytes: copy, remembered: {} }, undefined, [copy.buffer]);
    const { report } = await w.call({ type: 'preview', proposals: summary.proposals, today: '2026-11-21' });
    const plan = await w.takePlan();
    await repo.commitPlan(state, plan, 'Import client.xlsx');
    const totalMs = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 100));
    po.disconnect();
    w.terminate();
    result.app = { totalMs, longestTaskMs: Math.max(0, ...long), longTasks: long.length, committed: report.counts.new };
    db.close();
    await Dexie.delete(db.name);
  }

  // Export: 10k projects with 50k and with 200k allocations (weekly grid).
  for (const allocations of [0, 50_000, 200_000]) {
    gc();
    const data = buildScaleWorkbook({ projects: 10_000, people: 2_000, allocations, today: '2026-11-21', seed: 5 });
    const p = planNewWorkbook(data, { ...clock(), origin: 'create', label: 'Bench' });
    const state = new WorkbookState(p.workbook, p.rows);
    let t = performance.now();
    const { workbook } = buildExport(state, { exportId: 'bench', exportedAt: '2026-11-21T00:00:00Z', today: '2026-11-21', grid: 'week' });
    const buildMs = performance.now() - t;
    t = performance.now();
    const out = writeXlsx(workbook);
    result.export.push({ projects: 10_000, allocations, buildMs, writeMs: performance.now() - t, fileMB: out.byteLength / 1048576 });
  }
  return result;
};

document.getElementById('status')!.textContent = 'ready';
