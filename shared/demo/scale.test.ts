// Checks the synthetic large workbooks: exact counts, valid records, no dependency cycles. How
// long a build takes is `npm run bench` (test/bench/node.bench.ts).
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../model/invariants';
import { ENTITY_NAMES, ENTITY_SCHEMAS } from '../model/schemas';
import type { WorkbookData } from '../model/workbook';
import { buildScaleWorkbook } from './scale';

const TODAY = '2026-05-14';

/** Every dependency must run from a lower project index to a higher one (folded to projects). */
function linksRunForward(data: WorkbookData): boolean {
  const index = new Map(data.records.project.map((p, i) => [p.id, i]));
  const projectOf = new Map(data.records.milestone.map((m) => [m.id, m.projectId]));
  const at = (kind: string, id: string) => index.get(kind === 'milestone' ? projectOf.get(id)! : id)!;
  return data.records.dependency.every((d) => at(d.predecessorKind, d.predecessorId) < at(d.successorKind, d.successorId));
}

describe('buildScaleWorkbook', () => {
  // A tenth of the benchmarks' 10,000 projects / 2,000 people / 200,000 allocations, with the same
  // proportions (`npm run bench` builds the full size and times it).
  it('builds 1,000 projects, 200 people and 20,000 allocations, and they pass the invariants', () => {
    const wb = buildScaleWorkbook({ projects: 1_000, people: 200, allocations: 20_000, today: TODAY });
    expect(checkWorkbook(wb.records)).toEqual([]);
    const r = wb.records;
    expect([r.project.length, r.resource.length, r.allocation.length, r.milestone.length, r.dependency.length]).toEqual([1_000, 200, 20_000, 2_000, 250]);
    expect(r.programme.length).toBe(25);
    expect(r.objective.length).toBe(2);
    expect(r.role.length).toBe(3);
    expect(new Set(r.project.map((p) => p.code)).size).toBe(1_000);
    expect(linksRunForward(wb)).toBe(true);
    for (const p of r.project) for (const v of [p.budget, p.actualCost, p.forecastCost]) if (v !== null) expect(Number.isSafeInteger(v)).toBe(true);
    // A sample through the schemas (all 23,000 records would only time zod).
    for (const e of ENTITY_NAMES) for (let i = 0; i < r[e].length; i += 97) expect(ENTITY_SCHEMAS[e].parse(r[e][i])).toStrictEqual(r[e][i]);
  });

  it('makes records that every schema parses back unchanged', () => {
    const wb = buildScaleWorkbook({ projects: 300, people: 60, allocations: 3_000, milestonesPerProject: 3, dependencies: 150, seed: 5, today: TODAY });
    for (const e of ENTITY_NAMES) for (const rec of wb.records[e]) expect(ENTITY_SCHEMAS[e].parse(rec)).toStrictEqual(rec);
    expect(checkWorkbook(wb.records)).toEqual([]);
    expect([wb.records.milestone.length, wb.records.dependency.length]).toEqual([900, 150]);
    expect(linksRunForward(wb)).toBe(true);
  });

  it('is deterministic for a seed and varies with it', () => {
    const opts = { projects: 200, people: 40, allocations: 1_000, today: TODAY };
    expect(buildScaleWorkbook({ ...opts, seed: 3 })).toStrictEqual(buildScaleWorkbook({ ...opts, seed: 3 }));
    expect(buildScaleWorkbook({ ...opts, seed: 4 })).not.toEqual(buildScaleWorkbook({ ...opts, seed: 3 }));
  });

  it('handles the edges: nothing at all, no people, and every possible link', () => {
    const empty = buildScaleWorkbook({ projects: 0, people: 0, allocations: 0, today: TODAY });
    expect(ENTITY_NAMES.every((e) => empty.records[e].length === 0)).toBe(true);
    const roleOnly = buildScaleWorkbook({ projects: 5, people: 0, allocations: 20, today: TODAY });
    expect(roleOnly.records.allocation.every((a) => a.resourceId === null && a.roleId !== null)).toBe(true);
    expect(checkWorkbook(roleOnly.records)).toEqual([]);
    const dense = buildScaleWorkbook({ projects: 10, people: 2, allocations: 0, dependencies: 45, milestonesPerProject: 0, today: TODAY });
    expect(dense.records.dependency).toHaveLength(45);
    expect(new Set(dense.records.dependency.map((d) => `${d.predecessorId}>${d.successorId}`)).size).toBe(45);
    expect(linksRunForward(dense)).toBe(true);
    expect(buildScaleWorkbook({ projects: 3, people: 1, allocations: 0, dependencies: 99, today: TODAY }).records.dependency).toHaveLength(3);
  });

  it('rejects counts that are not whole numbers, and allocations with no project', () => {
    expect(() => buildScaleWorkbook({ projects: -1, people: 0, allocations: 0, today: TODAY })).toThrow(RangeError);
    expect(() => buildScaleWorkbook({ projects: 1.5, people: 0, allocations: 0, today: TODAY })).toThrow(RangeError);
    expect(() => buildScaleWorkbook({ projects: 0, people: 1, allocations: 1, today: TODAY })).toThrow(RangeError);
    expect(() => buildScaleWorkbook({ projects: 1, people: 1, allocations: 1, today: '14/05/2026' })).toThrow(RangeError);
  });
});
