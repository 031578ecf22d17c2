// Capacity benchmark, run in Chromium by test/bench/capacity.bench.ts: 2,000 people and 200,000
// allocations over 156 ISO weeks (shared/demo/scale.ts).
// 1. Full build of the capacity model (shared/capacity), median of 5.
// 2. update() after one allocation edit, median of 50 edits.
// 3. A naive full compute in the same run, the baseline: for every allocation and every one of the
//    156 weeks, the overlap by date arithmetic (working days counted day by day), likewise for
//    every person's capacity.
import { buildScaleWorkbook } from '../../shared/demo/scale';
import { buildCapacityModel, type CapacityInput } from '../../shared/capacity';
import { buildHolidayIndex } from '../../shared/calendar';
import { addDays, startOfIsoWeek, toDayNumber } from '../../shared/calendar';
import { seededRandom } from '../../shared/util/ids';
import type { Allocation } from '../../shared/model/schemas';

function gc() {
  (globalThis as unknown as { gc?: () => void }).gc?.();
}

export interface CapacityBenchResult {
  people: number;
  allocations: number;
  weeks: number;
  generateMs: number;
  buildMs: number[];
  updateMs: number[];
  rowsMs: number[];
  overloadsMs: number;
  overloads: number;
  naiveMs: number[];
  /** Largest difference between the model's person demand and the naive one, in hours. */
  maxDiff: number;
}

declare global {
  interface Window {
    runCapacityBench(opts: { builds: number; edits: number; naive: number }): Promise<CapacityBenchResult>;
  }
}

/** The baseline: every allocation against every week, by date arithmetic. */
function naive(input: CapacityInput, from: string, weeks: number): Map<string, Float64Array> {
  const holidays = buildHolidayIndex(input.settings.holidays);
  const tentative = new Set(input.projects.filter((p) => p.stage === 'idea' || p.stage === 'proposed').map((p) => p.id));
  const base = toDayNumber(from);
  const working = (a: number, b: number) => {
    let n = 0;
    for (let d = a; d <= b; d++) if ((((d + 3) % 7) + 7) % 7 < 5 && !holidays.isHoliday(d)) n++;
    return n;
  };
  const demand = new Map<string, Float64Array>();
  const capacity = new Map<string, Float64Array>();
  for (const r of input.resources) {
    const cap = new Float64Array(weeks);
    const s = r.start ? toDayNumber(r.start) : -Infinity;
    const e = r.end ? toDayNumber(r.end) : Infinity;
    for (let w = 0; w < weeks; w++) {
      const a = Math.max(s, base + 7 * w);
      const b = Math.min(e, base + 7 * w + 6);
      if (a <= b) cap[w] = (r.capacityHoursPerWeek * working(a, b)) / 5;
    }
    capacity.set(r.id, cap);
    demand.set(r.id, new Float64Array(weeks));
  }
  for (const al of input.allocations) {
    const row = al.resourceId === null ? undefined : demand.get(al.resourceId);
    if (!row) continue;
    const s = toDayNumber(al.start);
    const e = toDayNumber(al.end);
    const rate = al.unit === 'fte-percent' ? (al.amount / 100) * input.settings.hoursPerFte : al.amount;
    void (al.tentative || tentative.has(al.projectId));
    for (let w = 0; w < weeks; w++) {
      const a = Math.max(s, base + 7 * w);
      const b = Math.min(e, base + 7 * w + 6);
      if (a <= b) row[w]! += (rate * working(a, b)) / 5;
    }
  }
  return demand;
}

window.runCapacityBench = async ({ builds, edits, naive: naiveRuns }) => {
  const today = '2026-11-21';
  let t = performance.now();
  const data = buildScaleWorkbook({ projects: 10_000, people: 2_000, allocations: 200_000, today, seed: 5 });
  const generateMs = performance.now() - t;
  const r = data.records;
  const input: CapacityInput = { settings: data.settings, resources: r.resource, roles: r.role, allocations: r.allocation, projects: r.project };
  // The scale workbook's projects run from today − 540 days; 156 weeks from that Monday.
  const from = startOfIsoWeek(addDays(today, -540));
  const range = { from, to: addDays(from, 156 * 7 - 1) };
  const result: CapacityBenchResult = { people: r.resource.length, allocations: r.allocation.length, weeks: 0, generateMs, buildMs: [], updateMs: [], rowsMs: [], overloadsMs: 0, overloads: 0, naiveMs: [], maxDiff: 0 };

  let model = buildCapacityModel(input, range);
  for (let i = 0; i < builds; i++) {
    gc();
    await new Promise((res) => setTimeout(res, 0));
    t = performance.now();
    model = buildCapacityModel(input, range);
    result.buildMs.push(performance.now() - t);
  }
  result.weeks = model.weeks.label.length;

  const random = seededRandom(9);
  const allocations = [...r.allocation];
  for (let i = 0; i < edits; i++) {
    const k = Math.floor(random() * allocations.length);
    const before = allocations[k]!;
    const shift = Math.floor(random() * 61) - 30;
    const after: Allocation = { ...before, start: addDays(before.start, shift), end: addDays(before.end, shift + Math.floor(random() * 15)), amount: before.amount + 1 };
    allocations[k] = after;
    t = performance.now();
    model.update({ allocation: { before, after } });
    result.updateMs.push(performance.now() - t);
    t = performance.now();
    model.rows('person', 'week', 'include');
    result.rowsMs.push(performance.now() - t);
  }
  t = performance.now();
  result.overloads = model.overloads('person', 'week', 'include').length;
  result.overloadsMs = performance.now() - t;

  let baseline = new Map<string, Float64Array>();
  for (let i = 0; i < naiveRuns; i++) {
    gc();
    await new Promise((res) => setTimeout(res, 0));
    t = performance.now();
    baseline = naive({ ...input, allocations }, from, 156);
    result.naiveMs.push(performance.now() - t);
  }
  for (const row of model.rows('person', 'week', 'include')) {
    const want = baseline.get(row.key.slice('person:'.length))!;
    row.demand.forEach((v, w) => (result.maxDiff = Math.max(result.maxDiff, Math.abs(v - want[w]!))));
  }
  return result;
};

document.getElementById('status')!.textContent = 'ready';
