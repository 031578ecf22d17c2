import { describe, expect, it } from 'vitest';
import { ENTITY_LABELS, ENTITY_NAMES, ENTITY_SCHEMAS, allocation, customFieldDef, dependency, isoDate, money, percent, project, raidItem, resource, settings, statusReport } from './schemas';

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.map(String).join('.')}: ${i.message}`);

describe('project', () => {
  it('fills the defaults of a minimal project', () => {
    expect(project.parse({ id: 'p-1', code: 'PRJ-001', name: 'CRM replacement' })).toEqual({
      id: 'p-1',
      code: 'PRJ-001',
      name: 'CRM replacement',
      description: '',
      programmeId: null,
      objectiveIds: [],
      sponsor: '',
      manager: '',
      businessUnit: '',
      stage: 'idea',
      priority: null,
      scores: {},
      start: null,
      finish: null,
      baselineStart: null,
      baselineFinish: null,
      actualStart: null,
      actualFinish: null,
      percentComplete: null,
      budget: null,
      actualCost: null,
      forecastCost: null,
      benefits: [],
      rag: { overall: null, schedule: null, cost: null, scope: null, resources: null },
      statusNarrative: '',
      tags: [],
      custom: {},
      archived: false,
    });
  });

  it('gives every project its own default lists and RAG set', () => {
    const a = project.parse({ id: 'a', code: 'A', name: 'A' });
    const b = project.parse({ id: 'b', code: 'B', name: 'B' });
    a.tags.push('urgent');
    a.rag.overall = 'R';
    expect(b.tags).toEqual([]);
    expect(b.rag.overall).toBeNull();
  });

  it('trims the code and the name, and requires both', () => {
    const p = project.parse({ id: 'p', code: '  PRJ-9 ', name: ' Data platform  ' });
    expect([p.code, p.name]).toEqual(['PRJ-9', 'Data platform']);
    expect(messages(project.safeParse({ id: 'p', code: '   ', name: '  ' }))).toEqual(['code: is required', 'name: is required']);
  });

  it('keeps fields this version does not know', () => {
    const p = project.parse({ id: 'p', code: 'A', name: 'A', riskAppetite: 'low', futureField: { nested: [1, 2] } });
    expect(p).toMatchObject({ riskAppetite: 'low', futureField: { nested: [1, 2] } });
  });

  it('refuses an unknown stage and keeps the known ones', () => {
    expect(project.safeParse({ id: 'p', code: 'A', name: 'A', stage: 'in-progress' }).success).toBe(true);
    expect(project.safeParse({ id: 'p', code: 'A', name: 'A', stage: 'In progress' }).success).toBe(false);
  });

  it('refuses money with fractions of a cent and dates that do not exist', () => {
    const r = project.safeParse({ id: 'p', code: 'A', name: 'A', budget: 10.5, start: '2026-13-01', finish: '2026-02-29' });
    expect(messages(r)).toEqual([
      'start: must be a calendar date (YYYY-MM-DD)',
      'finish: must be a calendar date (YYYY-MM-DD)',
      'budget: must be a whole number of minor units (cents)',
    ]);
    const ok = project.parse({ id: 'p', code: 'A', name: 'A', budget: 120_050, start: '2024-02-29' });
    expect([ok.budget, ok.start]).toEqual([120_050, '2024-02-29']);
  });
});

describe('field schemas', () => {
  it('money accepts whole minor units up to 10^15 and nothing else', () => {
    expect(money.safeParse(120_050).success).toBe(true);
    expect(money.safeParse(-5).success).toBe(true);
    expect(money.safeParse(1e15).success).toBe(true);
    expect(money.safeParse(10.5).success).toBe(false);
    expect(money.safeParse(1e15 + 1).success).toBe(false);
    expect(money.safeParse('120050').success).toBe(false);
    expect(money.safeParse(Number.NaN).success).toBe(false);
  });

  it('isoDate accepts calendar dates only', () => {
    expect(isoDate.safeParse('2026-03-01').success).toBe(true);
    expect(isoDate.safeParse('2026-13-01').success).toBe(false);
    expect(isoDate.safeParse('2026-02-29').success).toBe(false);
    expect(isoDate.safeParse('01/03/2026').success).toBe(false);
  });

  it('percent runs from 0 to 100 inclusive', () => {
    expect([0, 45.5, 100].map((v) => percent.safeParse(v).success)).toEqual([true, true, true]);
    expect(messages(percent.safeParse(-0.1))).toEqual([': must be 0–100 %']);
    expect(messages(percent.safeParse(100.01))).toEqual([': must be 0–100 %']);
    expect(project.safeParse({ id: 'p', code: 'A', name: 'A', percentComplete: 101 }).success).toBe(false);
  });
});

describe('settings', () => {
  it('defaults to ISO weeks, pounds, an April fiscal year and the documented RAG rules', () => {
    expect(settings.parse({ name: 'Portfolio' })).toEqual({
      name: 'Portfolio',
      currency: 'GBP',
      locale: 'en-GB',
      dateOrder: 'DMY',
      fiscalYearStartMonth: 4,
      weekStart: 1,
      capacityUnit: 'hours',
      hoursPerFte: 37.5,
      ragRules: { slipAmberDays: 10, slipRedDays: 30, costAmberPct: 5, costRedPct: 10 },
      scoringCriteria: [],
      holidays: [],
      compareBaselineId: null,
      scenarios: [],
    });
  });

  it('reads settings saved before baselines could be chosen as comparing against the own baseline fields', () => {
    const old = { name: 'Portfolio', currency: 'EUR', locale: 'fr-FR', dateOrder: 'DMY', fiscalYearStartMonth: 1, weekStart: 1, capacityUnit: 'fte', hoursPerFte: 35, ragRules: { slipAmberDays: 10, slipRedDays: 30, costAmberPct: 5, costRedPct: 10 }, scoringCriteria: [], holidays: [] };
    const parsed = settings.safeParse(old);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual({ ...old, compareBaselineId: null, scenarios: [] });
    expect(settings.parse({ ...old, compareBaselineId: 'bl-1' }).compareBaselineId).toBe('bl-1');
    expect(settings.safeParse({ ...old, compareBaselineId: '' }).success).toBe(false);
  });

  it('reads settings saved before what-if scenarios as having none, and checks saved scenarios', () => {
    const old = { name: 'Portfolio', currency: 'EUR', compareBaselineId: null };
    expect(settings.parse(old).scenarios).toEqual([]);
    const s = { id: 'sc-1', name: 'Later CRM', changes: [{ kind: 'shift-project', projectId: 'p1', weeks: 2 }, { kind: 'placeholder-hire', roleId: 'r1', name: 'Temp', hoursPerWeek: 30, start: '2026-04-06' }] };
    expect(settings.parse({ ...old, scenarios: [s] }).scenarios).toEqual([s]);
    expect(settings.safeParse({ ...old, scenarios: [{ ...s, changes: [{ kind: 'shift-project', projectId: 'p1', weeks: 1.5 }] }] }).success).toBe(false);
    expect(settings.safeParse({ ...old, scenarios: [{ ...s, changes: [{ kind: 'teleport', projectId: 'p1' }] }] }).success).toBe(false);
  });

  it('checks the currency code, fiscal month, week start and hours per FTE', () => {
    expect(messages(settings.safeParse({ name: 'P', currency: 'eur' }))).toEqual(['currency: must be a 3-letter ISO currency code']);
    expect(settings.safeParse({ name: 'P', fiscalYearStartMonth: 13 }).success).toBe(false);
    expect(settings.safeParse({ name: 'P', fiscalYearStartMonth: 1 }).success).toBe(true);
    expect(settings.safeParse({ name: 'P', weekStart: 0 }).success).toBe(false);
    expect(settings.safeParse({ name: 'P', weekStart: 7 }).success).toBe(true);
    expect(settings.safeParse({ name: 'P', hoursPerFte: 0 }).success).toBe(false);
    expect(settings.safeParse({ name: 'P', hoursPerFte: 168 }).success).toBe(true);
  });

  it('fills defaults inside partly given RAG rules and scoring criteria, and keeps unknown settings', () => {
    const s = settings.parse({ name: 'P', ragRules: { slipAmberDays: 5 }, scoringCriteria: [{ id: 'c1', name: 'Value', weight: 60 }], theme: 'dark' });
    expect(s.ragRules).toEqual({ slipAmberDays: 5, slipRedDays: 30, costAmberPct: 5, costRedPct: 10 });
    expect(s.scoringCriteria).toEqual([{ id: 'c1', name: 'Value', weight: 60, scaleMax: 5, description: '' }]);
    expect(s).toMatchObject({ theme: 'dark' });
  });
});

describe('other entities', () => {
  it('dependency defaults to finish-to-start with no lag and bounds the lag to ten years', () => {
    const d = dependency.parse({ id: 'd', predecessorKind: 'project', predecessorId: 'p-1', successorKind: 'milestone', successorId: 'm-1' });
    expect([d.type, d.lagDays]).toEqual(['FS', 0]);
    expect(dependency.safeParse({ ...d, lagDays: -3650 }).success).toBe(true);
    expect(dependency.safeParse({ ...d, lagDays: 3651 }).success).toBe(false);
    expect(dependency.safeParse({ ...d, lagDays: 1.5 }).success).toBe(false);
  });

  it('resource defaults to 37.5 hours a week and refuses more than 168', () => {
    expect(resource.parse({ id: 'r', name: 'Asha Patel' }).capacityHoursPerWeek).toBe(37.5);
    expect(messages(resource.safeParse({ id: 'r', name: 'Asha', capacityHoursPerWeek: 200 }))).toEqual(['capacityHoursPerWeek: cannot exceed 168 hours a week']);
    expect(messages(resource.safeParse({ id: 'r', name: 'Asha', capacityHoursPerWeek: -1 }))).toEqual(['capacityHoursPerWeek: cannot be negative']);
  });

  it('allocation defaults to hours per week, firm demand', () => {
    const a = allocation.parse({ id: 'a', projectId: 'p', resourceId: 'res', start: '2026-01-05', end: '2026-03-31', amount: 20 });
    expect(a).toMatchObject({ unit: 'hours-per-week', tentative: false, roleId: null, amount: 20 });
    expect(allocation.safeParse({ ...a, amount: -1 }).success).toBe(false);
  });

  it('RAID probability and impact run from 1 to 5, whole numbers', () => {
    const base = { id: 'x', kind: 'risk', title: 'Supplier late' };
    expect(raidItem.parse(base)).toMatchObject({ status: 'open', probability: null, impact: null });
    expect(raidItem.safeParse({ ...base, probability: 5, impact: 1 }).success).toBe(true);
    expect(messages(raidItem.safeParse({ ...base, probability: 6 }))).toEqual(['probability: must be 1–5']);
    expect(raidItem.safeParse({ ...base, impact: 2.5 }).success).toBe(false);
  });

  it('status report periods are calendar months', () => {
    const base = { id: 's', projectId: 'p' };
    expect(statusReport.parse({ ...base, period: '2026-03' }).rag.overall).toBeNull();
    expect(messages(statusReport.safeParse({ ...base, period: '2026-13' }))).toEqual(['period: must be a month (YYYY-MM)']);
    expect(statusReport.safeParse({ ...base, period: '2026-3' }).success).toBe(false);
  });

  it('custom field definitions default to the project entity with no options', () => {
    expect(customFieldDef.parse({ id: 'cf', name: 'Region', type: 'select' })).toMatchObject({ entity: 'project', options: [], order: 0 });
    expect(customFieldDef.safeParse({ id: 'cf', name: 'Region', type: 'colour' }).success).toBe(false);
  });

  it('has a schema and a label for every entity name', () => {
    expect(ENTITY_NAMES).toEqual(Object.keys(ENTITY_SCHEMAS));
    expect(ENTITY_NAMES.filter((e) => !ENTITY_LABELS[e])).toEqual([]);
    expect(ENTITY_NAMES).toHaveLength(15);
  });
});
