// Checks the sample portfolio is valid, deterministic and tells the story it claims, recomputing the over-allocations by hand.
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../model/invariants';
import { ENTITY_NAMES, ENTITY_SCHEMAS, STAGES, settings as settingsSchema } from '../model/schemas';
import type { WorkbookData } from '../model/workbook';
import { addDays, addMonths, isoWeekday, startOfIsoWeek, type IsoDate } from '../calendar';
import { DEMO_OVERLOADED_RESOURCE_NAMES, DEMO_WORKBOOK_NAME, buildDemoWorkbook, demoOverloads } from './demo';
import { bankHolidaysOfYear, easterSunday } from './uk-bank-holidays';

const TODAY = '2026-05-14';
const wb = buildDemoWorkbook({ today: TODAY });
const { records } = wb;

/** Weekly hours booked and weekly capacity per person, Monday by Monday. */
function weeklyLoad(data: WorkbookData): Map<string, Map<IsoDate, { demand: number; capacity: number }>> {
  const allocs = data.records.allocation;
  let first = startOfIsoWeek(allocs.reduce((m, a) => (a.start < m ? a.start : m), allocs[0]!.start));
  const last = allocs.reduce((m, a) => (a.end > m ? a.end : m), allocs[0]!.end);
  const out = new Map<string, Map<IsoDate, { demand: number; capacity: number }>>();
  for (; first <= last; first = addDays(first, 7)) {
    const monday = first;
    const sunday = addDays(monday, 6);
    for (const r of data.records.resource) {
      let capacity = r.capacityHoursPerWeek;
      if ((r.start !== null && r.start > sunday) || (r.end !== null && r.end < monday)) capacity = 0;
      for (const ex of r.exceptions) if (ex.start <= sunday && ex.end >= monday) capacity = ex.kind === 'leave' ? 0 : ex.hoursPerWeek;
      let demand = 0;
      for (const a of allocs) {
        if (a.resourceId === r.id && a.unit === 'hours-per-week' && a.start <= sunday && a.end >= monday) demand += a.amount;
      }
      const weeks = out.get(r.name) ?? new Map<IsoDate, { demand: number; capacity: number }>();
      weeks.set(monday, { demand, capacity });
      out.set(r.name, weeks);
    }
  }
  return out;
}

/** People over 100 % (or booked while they have no capacity), with the Mondays it happens. */
function overloadedWeeks(data: WorkbookData): Map<string, IsoDate[]> {
  const out = new Map<string, IsoDate[]>();
  for (const [name, weeks] of weeklyLoad(data)) {
    for (const [monday, { demand, capacity }] of weeks) {
      if (demand > capacity + 1e-9) out.set(name, [...(out.get(name) ?? []), monday]);
    }
  }
  return out;
}

function mondaysBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 7)) out.push(d);
  return out;
}

/** Cycle check over projects, with milestone endpoints folded into their project. */
function hasCycle(data: WorkbookData): boolean {
  const projectOf = new Map(data.records.milestone.map((m) => [m.id, m.projectId]));
  const edges = new Map<string, string[]>();
  for (const d of data.records.dependency) {
    const from = d.predecessorKind === 'milestone' ? projectOf.get(d.predecessorId)! : d.predecessorId;
    const to = d.successorKind === 'milestone' ? projectOf.get(d.successorId)! : d.successorId;
    edges.set(from, [...(edges.get(from) ?? []), to]);
  }
  const state = new Map<string, 1 | 2>();
  const visit = (n: string): boolean => {
    if (state.get(n) === 1) return true;
    if (state.get(n) === 2) return false;
    state.set(n, 1);
    for (const m of edges.get(n) ?? []) if (visit(m)) return true;
    state.set(n, 2);
    return false;
  };
  return [...edges.keys()].some(visit);
}

describe('buildDemoWorkbook', () => {
  it('builds every record so that its schema parses it back unchanged', () => {
    expect(settingsSchema.parse(wb.settings)).toStrictEqual(wb.settings);
    for (const e of ENTITY_NAMES) {
      for (const r of records[e]) expect(ENTITY_SCHEMAS[e].parse(r)).toStrictEqual(r);
    }
  });

  it.each(['2026-05-14', '2024-02-29', '2025-12-31', '2027-01-01', '2026-03-01', '2030-06-30'])('passes every workbook invariant when today is %s', (today) => {
    for (const seed of [1, 2, 99]) expect(checkWorkbook(buildDemoWorkbook({ today, seed }).records)).toEqual([]);
  });

  it('is deterministic for a seed and today, and varies with the seed', () => {
    expect(buildDemoWorkbook({ today: TODAY })).toStrictEqual(wb);
    expect(buildDemoWorkbook({ today: TODAY, seed: 7 })).toStrictEqual(buildDemoWorkbook({ today: TODAY, seed: 7 }));
    const other = buildDemoWorkbook({ today: TODAY, seed: 8 });
    expect(other).not.toEqual(wb);
    expect(other.records.project.map((p) => p.percentComplete)).not.toEqual(records.project.map((p) => p.percentComplete));
  });

  it('rejects a today that is not a calendar date', () => {
    expect(() => buildDemoWorkbook({ today: '2026-02-30' })).toThrow(RangeError);
  });

  it('has the portfolio shape asked for', () => {
    expect(wb.settings).toMatchObject({ name: DEMO_WORKBOOK_NAME, currency: 'GBP', locale: 'en-GB', capacityUnit: 'hours' });
    expect(records.project).toHaveLength(40);
    expect(records.programme).toHaveLength(5);
    expect(records.objective).toHaveLength(4);
    expect(records.resource).toHaveLength(25);
    expect(records.role).toHaveLength(6);
    expect(records.customField.map((f) => [f.name, f.type])).toEqual([
      ['Delivery partner', 'select'],
      ['Regulatory', 'checkbox'],
    ]);
    expect(records.baseline).toHaveLength(1);
    expect(records.decision.length).toBeGreaterThanOrEqual(3);
    expect(records.lesson.length).toBeGreaterThanOrEqual(3);
    expect(new Set(records.project.map((p) => p.stage))).toEqual(new Set(STAGES));
    for (const pg of records.programme) expect(records.project.some((p) => p.programmeId === pg.id)).toBe(true);
    for (const role of records.role) expect(records.resource.some((r) => r.roleId === role.id)).toBe(true);
    const perProject = new Map<string, number>();
    for (const m of records.milestone) perProject.set(m.projectId, (perProject.get(m.projectId) ?? 0) + 1);
    for (const p of records.project) expect(perProject.get(p.id)).toBeGreaterThanOrEqual(2);
    for (const n of perProject.values()) expect(n).toBeLessThanOrEqual(4);
  });

  it('has people with part-time hours, a joiner, a leaver, leave and bank holidays', () => {
    const hours = records.resource.map((r) => r.capacityHoursPerWeek);
    expect(hours.filter((h) => h === 37.5).length).toBeGreaterThan(18);
    expect(hours).toContain(22.5);
    expect(records.resource.filter((r) => r.start !== null && r.start > TODAY)).toHaveLength(1);
    expect(records.resource.filter((r) => r.end !== null && r.end > TODAY)).toHaveLength(1);
    expect(records.resource.flatMap((r) => r.exceptions).filter((e) => e.kind === 'leave').length).toBeGreaterThanOrEqual(5);
    expect(wb.settings.holidays.length).toBeGreaterThanOrEqual(2);
    expect(wb.settings.holidays.some((h) => h.name === 'Christmas Day')).toBe(true);
  });

  it('reports monthly status for the three months before today’s month', () => {
    const periods = [...new Set(records.statusReport.map((s) => s.period))].sort();
    const month = `${TODAY.slice(0, 7)}-01`;
    expect(periods).toEqual([-3, -2, -1].map((k) => addMonths(month, k).slice(0, 7)));
    const byId = new Map(records.project.map((p) => [p.id, p]));
    for (const s of records.statusReport) {
      expect(['in-progress', 'on-hold']).toContain(byId.get(s.projectId)!.stage);
      expect(s.reportedOn! < TODAY).toBe(true);
      expect(s.narrative.length).toBeGreaterThan(40);
    }
    // Narratives are written per project and month, not pasted.
    expect(new Set(records.statusReport.map((s) => s.narrative)).size).toBe(records.statusReport.length);
    for (const p of records.project.filter((x) => x.stage === 'in-progress')) {
      const latest = records.statusReport.filter((s) => s.projectId === p.id).sort((a, b) => a.period.localeCompare(b.period)).at(-1);
      expect(latest, p.code).toBeDefined();
      expect(p.rag).toEqual(latest!.rag);
      expect(p.statusNarrative).toBe(latest!.narrative);
    }
    expect(new Set(records.statusReport.map((s) => s.rag.overall))).toEqual(new Set(['R', 'A', 'G']));
  });

  it('over-allocates exactly the people it says, in the weeks it says', () => {
    expect(DEMO_OVERLOADED_RESOURCE_NAMES.length).toBeGreaterThanOrEqual(3);
    const cases: [IsoDate, number | undefined][] = [
      [TODAY, undefined],
      [TODAY, 3],
      [TODAY, 4242],
      ['2024-02-29', 11],
      ['2027-01-03', 12],
    ];
    for (const [today, seed] of cases) {
      const data = today === TODAY && seed === undefined ? wb : buildDemoWorkbook({ today, seed });
      const over = overloadedWeeks(data);
      const expected = demoOverloads(today);
      expect([...over.keys()].sort()).toEqual([...DEMO_OVERLOADED_RESOURCE_NAMES].sort());
      expect(expected.map((o) => o.resourceName).sort()).toEqual([...DEMO_OVERLOADED_RESOURCE_NAMES].sort());
      const load = weeklyLoad(data);
      for (const o of expected) {
        const mondays = mondaysBetween(o.from, addDays(o.to, -6));
        expect(isoWeekday(o.from)).toBe(1);
        expect(isoWeekday(o.to)).toBe(7);
        expect(mondays).toHaveLength(o.weeks);
        expect(over.get(o.resourceName)).toEqual(mondays);
        for (const monday of mondays) {
          const w = load.get(o.resourceName)!.get(monday)!;
          expect(w.demand).toBe(o.demandHours);
          expect(w.capacity).toBe(o.capacityHours);
          expect(Math.round((w.demand / w.capacity) * 100)).toBe(o.percent);
          expect(o.percent).toBeGreaterThan(100);
        }
      }
    }
  });

  it('has someone over-allocated this week, and everyone else within the 80 % planning ceiling', () => {
    const monday = startOfIsoWeek(TODAY);
    expect(demoOverloads(TODAY).some((o) => o.from <= TODAY && o.to >= TODAY)).toBe(true);
    const overloaded = new Set(DEMO_OVERLOADED_RESOURCE_NAMES);
    for (const [name, weeks] of weeklyLoad(wb)) {
      if (overloaded.has(name)) continue;
      for (const { demand, capacity } of weeks.values()) expect(demand).toBeLessThanOrEqual(0.8 * capacity + 1e-9);
    }
    expect(weeklyLoad(wb).get('Tom Fletcher')!.get(monday)!.demand).toBeGreaterThan(22.5);
  });

  it('books demand by person and by role, tentative only for unapproved projects, within project dates', () => {
    const byId = new Map(records.project.map((p) => [p.id, p]));
    const a = records.allocation;
    expect(a.filter((x) => x.resourceId !== null).length).toBeGreaterThan(a.length / 2);
    expect(a.some((x) => x.resourceId === null && !x.tentative)).toBe(true);
    expect(a.some((x) => x.unit === 'fte-percent')).toBe(true);
    for (const x of a) {
      const p = byId.get(x.projectId)!;
      expect(x.tentative).toBe(p.stage === 'idea' || p.stage === 'proposed');
      expect(x.start >= p.start! && x.end <= p.finish!).toBe(true);
      expect(isoWeekday(x.start)).toBe(1);
      expect(isoWeekday(x.end)).toBe(5);
    }
    const first = a.reduce((m, x) => (x.start < m ? x.start : m), a[0]!.start);
    const last = a.reduce((m, x) => (x.end > m ? x.end : m), a[0]!.end);
    expect(first >= addDays(TODAY, -7 * 27)).toBe(true);
    expect(last > addDays(TODAY, 7 * 48) && last <= addDays(TODAY, 7 * 53)).toBe(true);
  });

  it('has slipped milestones, and actual dates on every milestone already passed', () => {
    const slipped = records.milestone.filter((m) => m.baselineDate !== null && m.forecastDate !== null && m.forecastDate > m.baselineDate);
    expect(slipped.length).toBeGreaterThan(3);
    const byId = new Map(records.project.map((p) => [p.id, p]));
    for (const m of records.milestone) {
      const p = byId.get(m.projectId)!;
      if (m.forecastDate !== null && m.forecastDate < TODAY) expect(m.actualDate, `${p.code} ${m.name}`).not.toBeNull();
      if (m.actualDate !== null) expect(m.actualDate <= TODAY).toBe(true);
      if (p.stage === 'idea' || p.stage === 'proposed') expect(m.baselineDate).toBeNull();
    }
  });

  it('keeps progress and dates consistent with the stage', () => {
    for (const p of records.project) {
      if (p.stage === 'closed') expect([p.percentComplete, p.actualFinish! < TODAY]).toEqual([100, true]);
      if (p.stage === 'approved') expect([p.percentComplete, p.start! > TODAY]).toEqual([0, true]);
      if (p.stage === 'idea' || p.stage === 'proposed') expect([p.percentComplete, p.start! > TODAY]).toEqual([null, true]);
      if (p.stage === 'in-progress') {
        expect(p.start! < TODAY && p.finish! > TODAY).toBe(true);
        expect(p.percentComplete).toBeGreaterThanOrEqual(5);
        expect(p.percentComplete).toBeLessThanOrEqual(95);
      }
    }
  });

  it('links projects and milestones without cycles, mostly finish-to-start', () => {
    expect(hasCycle(wb)).toBe(false);
    const types = records.dependency.map((d) => d.type);
    expect(types.filter((t) => t === 'FS').length).toBeGreaterThan(types.length / 2);
    expect(new Set(types)).toEqual(new Set(['FS', 'SS', 'FF']));
    expect(records.dependency.some((d) => d.lagDays > 0)).toBe(true);
    expect(records.dependency.some((d) => d.predecessorKind === 'milestone')).toBe(true);
  });

  it('keeps dependency dates consistent except the one flagged as at risk', () => {
    const projects = new Map(records.project.map((p) => [p.id, p]));
    const milestones = new Map(records.milestone.map((m) => [m.id, m]));
    const dateOf = (kind: string, id: string, end: 'start' | 'finish'): IsoDate => {
      if (kind === 'project') return (end === 'start' ? projects.get(id)!.start : projects.get(id)!.finish)!;
      const m = milestones.get(id)!;
      return (m.actualDate ?? m.forecastDate ?? m.baselineDate)!;
    };
    const broken = records.dependency.filter((d) => {
      const pred = dateOf(d.predecessorKind, d.predecessorId, d.type === 'SS' ? 'start' : 'finish');
      const succ = dateOf(d.successorKind, d.successorId, d.type === 'FF' ? 'finish' : 'start');
      return addDays(pred, d.lagDays) > succ;
    });
    expect(broken.map((d) => d.note.slice(0, 8))).toEqual(['At risk:']);
  });

  it('stores money as whole minor units, with some projects over budget', () => {
    const amounts = [
      ...records.project.flatMap((p) => [p.budget, p.actualCost, p.forecastCost, ...p.benefits.map((b) => b.amount)]),
      ...records.baseline.flatMap((b) => b.projects.map((p) => p.budget)),
    ].filter((v): v is number => v !== null);
    expect(amounts.length).toBeGreaterThan(100);
    for (const v of amounts) expect(Number.isSafeInteger(v)).toBe(true);
    const over = records.project.filter((p) => p.budget !== null && p.forecastCost !== null && p.forecastCost > p.budget);
    expect(over.length).toBeGreaterThanOrEqual(3);
    expect(records.project.filter((p) => p.benefits.length > 0).length).toBeGreaterThanOrEqual(10);
  });

  it('scores projects against criteria whose weights sum to 100', () => {
    const criteria = wb.settings.scoringCriteria;
    expect(criteria.reduce((s, c) => s + c.weight, 0)).toBe(100);
    for (const p of records.project) {
      expect(Object.keys(p.scores).sort()).toEqual(criteria.map((c) => c.id).sort());
      for (const c of criteria) expect(p.scores[c.id]).toBeGreaterThanOrEqual(0);
    }
  });

  it('has RAID items of every kind, with 1–5 scores on risks only', () => {
    expect(new Set(records.raid.map((r) => r.kind))).toEqual(new Set(['risk', 'issue', 'assumption', 'dependency']));
    expect(new Set(records.raid.map((r) => r.code)).size).toBe(records.raid.length);
    for (const r of records.raid) {
      if (r.kind === 'risk') expect([r.probability, r.impact].every((n) => Number.isInteger(n) && n! >= 1 && n! <= 5)).toBe(true);
      else expect([r.probability, r.impact]).toEqual([null, null]);
      if (r.status === 'closed') expect(r.closedDate).not.toBeNull();
    }
  });

  it('leaves a few gaps for a review to find', () => {
    expect(records.project.some((p) => p.sponsor === '' && p.stage !== 'idea')).toBe(true);
    expect(records.project.some((p) => p.objectiveIds.length === 0 && p.stage === 'in-progress')).toBe(true);
    expect(records.project.some((p) => p.custom[records.customField[0]!.id] !== undefined)).toBe(true);
    expect(records.project.some((p) => p.custom[records.customField[1]!.id] === true)).toBe(true);
  });
});

describe('UK bank holidays', () => {
  it('finds Easter', () => {
    expect([2024, 2025, 2026, 2027].map(easterSunday)).toEqual(['2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28']);
  });

  it('moves weekend holidays to the next free weekday', () => {
    const days = (y: number) => bankHolidaysOfYear(y).map((h) => h.date);
    // 2022: New Year on Saturday; Christmas on Sunday, so Boxing Day keeps Monday 26th.
    expect(days(2022)).toEqual(['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-05-30', '2022-08-29', '2022-12-26', '2022-12-27']);
    // 2027: Christmas on Saturday, Boxing Day on Sunday.
    expect(days(2027).slice(-2)).toEqual(['2027-12-27', '2027-12-28']);
    expect(bankHolidaysOfYear(2026).map((h) => h.name)).toContain('Boxing Day (substitute day)');
  });
});
