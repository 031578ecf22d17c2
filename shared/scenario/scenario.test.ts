import { describe, expect, it } from 'vitest';
import { buildDemoWorkbook, demoOverloads } from '../demo/demo';
import { WorkbookState, type AnyRecord } from '../commands/state';
import { applyPlan, planChange } from '../commands/plan';
import { ENTITY_NAMES, settings as settingsSchema, type Allocation, type Scenario } from '../model/schemas';
import type { StoredRecord, StoredWorkbook } from '../commands/types';
import { addDays, compareDates, startOfIsoWeek } from '../calendar';
import { createIdGenerator } from '../util/ids';
import { buildCapacityModel, type CapacityInput } from '../capacity';
import { applyLabel, applyScenario, compareModels, countVerdicts, describeChange, inputOf, saveScenarioOp, scenarioOps, validateScenario, verdict, type ComparableModel } from './scenario';

const TODAY = '2026-03-11'; // a Wednesday; ISO week 0 of the demo starts Monday 9 March 2026

function demoState(): WorkbookState {
  const data = buildDemoWorkbook({ today: TODAY });
  const meta: StoredWorkbook = { id: data.id, name: data.settings.name, settings: data.settings, createdAt: '2026-03-11T09:00:00.000Z', updatedAt: '2026-03-11T09:00:00.000Z', r: {}, projectCount: data.records.project.length };
  const rows: StoredRecord[] = ENTITY_NAMES.flatMap((e) => (data.records[e] as AnyRecord[]).map((d) => ({ wb: data.id, id: d.id, e, d, r: { '*': `rev-${d.id}` } })));
  return new WorkbookState(meta, rows);
}

/** Firm hours a person is booked in the ISO week starting `monday` (bookings overlapping the week), hours-per-week bookings only. */
function bookedHours(allocations: readonly Allocation[], resourceId: string, monday: string): number {
  const sunday = addDays(monday, 6);
  return allocations
    .filter((a) => a.resourceId === resourceId && !a.tentative && a.unit === 'hours-per-week' && compareDates(a.start, sunday) <= 0 && compareDates(a.end, monday) >= 0)
    .reduce((s, a) => s + a.amount, 0);
}

function commitOps(state: WorkbookState, ops: ReturnType<typeof scenarioOps>) {
  const result = planChange(state, ops, { newId: createIdGenerator({ now: () => 1_760_000_000_000, random: () => 0.5 }), now: () => '2026-03-11T10:00:00.000Z', origin: 'scenario', label: 'test' });
  expect(result.rejected).toEqual([]);
  applyPlan(state, result.plan!);
}

describe('the demo overload the tests use', () => {
  it('Priya Shah is at 45 h of 37.5 h (120 %) in weeks 1–6, from PRJ-001 and PRJ-017', () => {
    const o = demoOverloads(TODAY).find((x) => x.resourceName === 'Priya Shah')!;
    expect(o).toMatchObject({ from: '2026-03-16', to: '2026-04-26', weeks: 6, demandHours: 45, capacityHours: 37.5, percent: 120, projects: ['PRJ-001', 'PRJ-017'] });
  });
});

describe('applyScenario', () => {
  const state = demoState();
  const input = inputOf(state);
  const prj17 = state.projectIdByCode('PRJ-017')!;
  const priya = state.all('resource').find((r) => r.name === 'Priya Shah')!.id;
  const week = (n: number) => addDays(startOfIsoWeek(TODAY), 7 * n);

  it('returns the input itself when there are no changes', () => {
    expect(applyScenario(input, { changes: [] })).toBe(input);
  });

  it('a shift of PRJ-017 by 2 weeks removes Priya’s overload in weeks 1 and 2 (45 h → 22.5 h) and keeps it in weeks 3–6', () => {
    // Hand-checked: PRJ-001 books her 22.5 h in weeks −10…6, PRJ-017 22.5 h in weeks 1…6; shifted, PRJ-017 is in weeks 3…8;
    // PRJ-003 and PRJ-018 book 5 h each from week 8 (Monday 4 May).
    expect([1, 2, 3, 6, 7, 8].map((n) => bookedHours(input.allocations, priya, week(n)))).toEqual([45, 45, 45, 45, 0, 10]);
    const what = applyScenario(input, { changes: [{ kind: 'shift-project', projectId: prj17, weeks: 2 }] });
    expect([1, 2, 3, 6, 7, 8].map((n) => bookedHours(what.allocations, priya, week(n)))).toEqual([22.5, 22.5, 45, 45, 22.5, 32.5]);
    // The project's dates and open milestones move by 14 days; the input is untouched.
    const before = input.projects.find((p) => p.id === prj17)!;
    const after = what.projects.find((p) => p.id === prj17)!;
    expect(after.start).toBe(addDays(before.start!, 14));
    expect(after.finish).toBe(addDays(before.finish!, 14));
    const openBefore = input.milestones.filter((m) => m.projectId === prj17 && m.actualDate === null && m.forecastDate);
    expect(openBefore.length).toBeGreaterThan(0);
    for (const m of openBefore) expect(what.milestones.find((x) => x.id === m.id)!.forecastDate).toBe(addDays(m.forecastDate!, 14));
    expect(input.projects.find((p) => p.id === prj17)!.start).toBe(before.start);
  });

  it('a drop removes the project’s demand and cancels it', () => {
    const what = applyScenario(input, { changes: [{ kind: 'drop-project', projectId: prj17 }] });
    expect(what.allocations.some((a) => a.projectId === prj17)).toBe(false);
    expect(what.allocations.length).toBe(input.allocations.length - input.allocations.filter((a) => a.projectId === prj17).length);
    expect(what.projects.find((p) => p.id === prj17)!.stage).toBe('cancelled');
    expect(bookedHours(what.allocations, priya, week(1))).toBe(22.5);
  });

  it('a placeholder hire adds a person with the role’s supply', () => {
    const role = input.roles[0]!;
    const what = applyScenario(input, { changes: [{ kind: 'placeholder-hire', roleId: role.id, name: 'Contract architect', hoursPerWeek: 30, start: week(2) }] });
    expect(what.resources.length).toBe(input.resources.length + 1);
    expect(what.resources.at(-1)).toMatchObject({ name: 'Contract architect (placeholder)', roleId: role.id, capacityHoursPerWeek: 30, start: '2026-03-23', end: null });
  });

  it('set-allocation and add-allocation change demand', () => {
    const a = input.allocations.find((x) => x.resourceId === priya && x.projectId === prj17)!;
    const added: Allocation = { ...a, id: 'whatif-1', amount: 5, start: week(7), end: addDays(week(7), 4) };
    const what = applyScenario(input, { changes: [{ kind: 'set-allocation', allocationId: a.id, changes: { amount: 10 } }, { kind: 'add-allocation', allocation: added }] });
    expect(bookedHours(what.allocations, priya, week(1))).toBe(32.5);
    expect(bookedHours(what.allocations, priya, week(7))).toBe(5);
  });
});

describe('validateScenario', () => {
  const state = demoState();
  const input = inputOf(state);
  const prj17 = state.projectIdByCode('PRJ-017')!;
  const a = input.allocations.find((x) => x.projectId === prj17)!;
  const p = input.projects.find((x) => x.id === prj17)!;

  it('reports negative hours, unknown ids and allocations outside the project’s dates', () => {
    const messages = validateScenario(input, {
      changes: [
        { kind: 'set-allocation', allocationId: a.id, changes: { amount: -4 } },
        { kind: 'shift-project', projectId: 'nope', weeks: 1 },
        { kind: 'placeholder-hire', roleId: 'no-role', name: 'X', hoursPerWeek: -1, start: '2026-04-01' },
        { kind: 'set-allocation', allocationId: a.id, changes: { end: addDays(p.finish!, 30) } },
        { kind: 'set-allocation', allocationId: 'gone', changes: { amount: 1 } },
      ],
    });
    expect(messages).toEqual([
      { level: 'error', index: 0, message: 'Hours cannot be negative (-4)' },
      { level: 'error', index: 1, message: 'Unknown project nope' },
      { level: 'error', index: 2, message: 'Unknown role no-role' },
      { level: 'error', index: 2, message: 'Hours cannot be negative (-1)' },
      { level: 'error', index: 4, message: 'Unknown allocation gone' },
      { level: 'warning', index: 0, message: expect.stringContaining('falls outside PRJ-017') },
      { level: 'warning', index: 3, message: expect.stringContaining('falls outside PRJ-017') },
    ]);
  });

  it('a shifted project keeps its allocations inside its dates', () => {
    expect(validateScenario(input, { changes: [{ kind: 'shift-project', projectId: prj17, weeks: 2 }, { kind: 'set-allocation', allocationId: a.id, changes: { amount: 3 } }] })).toEqual([]);
  });
});

describe('verdict and compareModels', () => {
  it('follows the rule in the header', () => {
    expect(verdict(45, 37.5, 22.5, 37.5)).toBe('better'); // 120 % → 60 %: no longer over
    expect(verdict(30, 37.5, 40, 37.5)).toBe('worse'); // 80 % → 107 %: now over
    expect(verdict(30, 37.5, 31.5, 37.5)).toBe('same'); // 80 % → 84 %: 4 points
    expect(verdict(30, 37.5, 32, 37.5)).toBe('worse'); // 80 % → 85.3 %: 5.3 points up
    expect(verdict(30, 40, 32, 40)).toBe('worse'); // 75 % → 80 %: exactly 5 points
    expect(verdict(20, 40, 18, 40)).toBe('better'); // 50 % → 45 %
    expect(verdict(50, 40, 45, 40)).toBe('better'); // 125 % → 112.5 %, still over but 12.5 points down
    expect(verdict(10, 0, 10, 37.5)).toBe('better'); // no capacity → 27 %
    expect(verdict(0, 0, 0, 0)).toBe('same');
    expect(verdict(10, 0, 5, 0)).toBe('better'); // no capacity either side, less demand
  });

  it('compares per row key and period, child rows included, a missing row as zero', () => {
    const model = (rows: { key: string; capacity: number[]; demand: number[]; children?: unknown[] }[]): ComparableModel<'person', 'week', 'include'> => ({
      rows: () => rows.map((r) => ({ key: r.key, capacity: Float64Array.from(r.capacity), demand: Float64Array.from(r.demand), children: (r.children ?? []).map((c) => c) })),
    });
    const kid = (key: string, d: number[]) => ({ key, capacity: Float64Array.from([10, 10]), demand: Float64Array.from(d), children: [] });
    const base = model([
      { key: 'a', capacity: [37.5, 37.5], demand: [45, 30], children: [kid('a1', [5, 5])] },
      { key: 'b', capacity: [20, 20], demand: [10, 10] },
    ]);
    const what = model([
      { key: 'a', capacity: [37.5, 37.5], demand: [22.5, 30], children: [kid('a1', [12, 5])] },
      { key: 'c', capacity: [0, 10], demand: [5, 0] },
    ]);
    const marks = compareModels(base, what, 'person', 'week', 'include');
    expect(Object.fromEntries(marks)).toEqual({ a: ['better', 'same'], a1: ['worse', 'same'], b: ['same', 'same'], c: ['worse', 'same'] });
    expect(countVerdicts(marks)).toEqual({ better: 1, worse: 2 });
  });
});

describe('scenarioOps', () => {
  it('makes the scenario real: committed, the plan equals the what-if plan', () => {
    const state = demoState();
    const prj17 = state.projectIdByCode('PRJ-017')!;
    const prj3 = state.projectIdByCode('PRJ-003')!;
    const priya = state.all('resource').find((r) => r.name === 'Priya Shah')!.id;
    const a = state.all('allocation').find((x) => x.projectId === state.projectIdByCode('PRJ-001'))!;
    const role = state.all('role')[0]!;
    const scenario: Scenario = {
      id: 's1',
      name: 'Relieve Priya',
      changes: [
        { kind: 'shift-project', projectId: prj17, weeks: 2 },
        { kind: 'drop-project', projectId: prj3 },
        { kind: 'set-allocation', allocationId: a.id, changes: { amount: 7.5 } },
        { kind: 'add-allocation', allocation: { ...a, id: 'whatif-add', amount: 3 } },
        { kind: 'placeholder-hire', roleId: role.id, name: 'Temp', hoursPerWeek: 37.5, start: '2026-04-06', end: '2026-09-30' },
      ],
    };
    const what = applyScenario(inputOf(state), scenario);
    const ops = scenarioOps(state, scenario);
    const kinds = ops.map((o) => `${o.op}:${'entity' in o ? o.entity : ''}`);
    expect(kinds.filter((k) => k === 'update:project')).toHaveLength(2); // PRJ-017 dates, PRJ-003 stage
    expect(ops).toContainEqual({ op: 'update', entity: 'project', id: prj3, changes: { stage: 'cancelled' } });
    expect(kinds.filter((k) => k === 'create:resource')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'create:allocation')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'delete:allocation')).toHaveLength(state.all('allocation').filter((x) => x.projectId === prj3).length);

    commitOps(state, ops);
    const real = inputOf(state);
    // Same demand: the same bookings (ids aside) for every person and role.
    const shape = (list: readonly Allocation[]) => list.map((x) => [x.projectId, x.roleId, x.resourceId, x.start, x.end, x.amount, x.unit, x.tentative].join('|')).sort();
    expect(shape(real.allocations)).toEqual(shape(what.allocations));
    expect(real.projects.find((p) => p.id === prj17)).toMatchObject({ start: what.projects.find((p) => p.id === prj17)!.start });
    expect(real.resources.find((r) => r.name === 'Temp (placeholder)')).toMatchObject({ roleId: role.id, capacityHoursPerWeek: 37.5, start: '2026-04-06', end: '2026-09-30' });
    for (let n = 0; n < 10; n++) {
      const monday = addDays(startOfIsoWeek(TODAY), 7 * n);
      expect(bookedHours(real.allocations, priya, monday)).toBe(bookedHours(what.allocations, priya, monday));
    }
    // Once applied, there is nothing left to do.
    expect(scenarioOps(state, { changes: [] })).toEqual([]);
  });

  it('labels the undo step', () => {
    expect(applyLabel({ name: 'Relieve Priya', changes: [{ kind: 'drop-project', projectId: 'x' }, { kind: 'drop-project', projectId: 'y' }, { kind: 'drop-project', projectId: 'z' }] })).toBe('Apply what-if ‘Relieve Priya’: 3 changes');
    expect(describeChange({ kind: 'shift-project', projectId: 'p', weeks: 2 }, { project: () => 'PRJ-017', role: () => undefined, allocation: () => undefined })).toBe('Shift PRJ-017 by +2 weeks');
  });
});

describe('saved scenarios in settings', () => {
  it('old settings without scenarios parse, with none', () => {
    const old = { name: 'Old file', currency: 'EUR', locale: 'fr-FR', fiscalYearStartMonth: 1 };
    const parsed = settingsSchema.parse(old);
    expect(parsed.scenarios).toEqual([]);
    expect(parsed.currency).toBe('EUR');
  });

  it('saving is an undoable settings change that validates', () => {
    const state = demoState();
    const s: Scenario = { id: 'sc-1', name: 'Later CRM', changes: [{ kind: 'shift-project', projectId: state.projectIdByCode('PRJ-017')!, weeks: 2 }] };
    const op = saveScenarioOp(state.settings, s);
    const result = planChange(state, [op], { newId: createIdGenerator({ now: () => 1_760_000_000_000, random: () => 0.5 }), now: () => '2026-03-11T10:00:00.000Z', origin: 'scenario', label: 'Save what-if' });
    expect(result.rejected).toEqual([]);
    expect(result.plan!.tx.undoable).toBe(true);
    applyPlan(state, result.plan!);
    expect(state.settings.scenarios).toEqual([s]);
    // Saved again under the same id: replaced, not duplicated.
    expect(saveScenarioOp(state.settings, { ...s, name: 'Renamed' })).toEqual({ op: 'settings', changes: { scenarios: [{ ...s, name: 'Renamed' }] } });
    // A bad scenario is refused by the settings schema.
    const bad = planChange(state, [{ op: 'settings', changes: { scenarios: [{ id: 'x', name: '', changes: [] }] } }], { newId: createIdGenerator({ now: () => 1, random: () => 0.5 }), now: () => 'x', origin: 'scenario', label: 'bad' });
    expect(bad.plan).toBeNull();
  });
});

describe('with the capacity model', () => {
  // Weeks −4 … 12 around the demo's "today" (week 0 = 9 March 2026).
  const range = { from: '2026-02-09', to: '2026-06-07' };
  const capacityInput = (state: WorkbookState): CapacityInput => {
    const i = inputOf(state);
    return { settings: i.settings, projects: i.projects, allocations: i.allocations, resources: i.resources, roles: i.roles };
  };
  const priyaWeeks = (model: ReturnType<typeof buildCapacityModel>, key: string) =>
    model
      .overloads('person', 'week', 'exclude')
      .filter((o) => o.key === key)
      .map((o) => `${o.periodLabel} ${Math.round(o.utilisation * 100)}%`);

  it('shifting PRJ-017 by 2 weeks removes Priya’s overload in W12 and W13 and marks those cells better', () => {
    const state = demoState();
    const prj17 = state.projectIdByCode('PRJ-017')!;
    const key = `person:${state.all('resource').find((r) => r.name === 'Priya Shah')!.id}`;
    const input = capacityInput(state);
    const base = buildCapacityModel(input, range);
    // Hand-checked: 45 h of 37.5 h = 120 % in weeks 1–6 (W12–W17); the Easter bank holidays
    // (Fri 3 and Mon 6 April) take a day off both sides, which keeps 120 %.
    expect(priyaWeeks(base, key)).toEqual(['2026-W12 120%', '2026-W13 120%', '2026-W14 120%', '2026-W15 120%', '2026-W16 120%', '2026-W17 120%']);
    const scenario = { changes: [{ kind: 'shift-project' as const, projectId: prj17, weeks: 2 }] };
    const what = buildCapacityModel(applyScenario(input, scenario), range);
    expect(priyaWeeks(what, key)).toEqual(['2026-W14 120%', '2026-W15 120%', '2026-W16 120%', '2026-W17 120%']);
    const marks = compareModels(base, what, 'person', 'week', 'exclude').get(key)!;
    const labels = base.periods('week').label;
    const byWeek = Object.fromEntries(labels.map((l, i) => [l, marks[i]]));
    // W12–W13: 120 % → 60 % (better); W18: 0 → 60 % (worse, 60 points); W19: 10 h → 32.5 h (27 % → 87 %, worse).
    expect([byWeek['2026-W11'], byWeek['2026-W12'], byWeek['2026-W13'], byWeek['2026-W14'], byWeek['2026-W18'], byWeek['2026-W19']]).toEqual(['same', 'better', 'better', 'same', 'worse', 'worse']);
  });

  it('dropping PRJ-017 removes the overload; a placeholder hire adds supply to its role', () => {
    const state = demoState();
    const prj17 = state.projectIdByCode('PRJ-017')!;
    const priya = state.all('resource').find((r) => r.name === 'Priya Shah')!;
    const input = capacityInput(state);
    const dropped = buildCapacityModel(applyScenario(input, { changes: [{ kind: 'drop-project', projectId: prj17 }] }), range);
    expect(priyaWeeks(dropped, `person:${priya.id}`)).toEqual([]);
    const base = buildCapacityModel(input, range);
    const hired = buildCapacityModel(applyScenario(input, { changes: [{ kind: 'placeholder-hire', roleId: priya.roleId!, name: 'Contract architect', hoursPerWeek: 30, start: '2026-03-16' }] }), range);
    const roleRow = (m: typeof base) => m.rows('role', 'week', 'exclude').find((r) => r.key === `role:${priya.roleId}`)!;
    const i = base.periods('week').label.indexOf('2026-W12');
    // A full week (no holiday) adds exactly 30 h; the week before the start adds nothing.
    expect(roleRow(hired).capacity[i]! - roleRow(base).capacity[i]!).toBe(30);
    expect(roleRow(hired).capacity[i - 1]! - roleRow(base).capacity[i - 1]!).toBe(0);
    expect(Array.from(roleRow(hired).demand)).toEqual(Array.from(roleRow(base).demand));
  });

  it('applying the ops gives the what-if model: equal demand and capacity in every row', () => {
    const state = demoState();
    const prj17 = state.projectIdByCode('PRJ-017')!;
    const priya = state.all('resource').find((r) => r.name === 'Priya Shah')!;
    const scenario: Pick<Scenario, 'changes'> = {
      changes: [
        { kind: 'shift-project', projectId: prj17, weeks: 2 },
        { kind: 'drop-project', projectId: state.projectIdByCode('PRJ-003')! },
        { kind: 'placeholder-hire', roleId: priya.roleId!, name: 'Temp', hoursPerWeek: 20, start: '2026-03-02', end: '2026-05-29' },
      ],
    };
    const what = buildCapacityModel(applyScenario(capacityInput(state), scenario), range);
    commitOps(state, scenarioOps(state, scenario));
    const real = buildCapacityModel(capacityInput(state), range);
    for (const kind of ['role', 'team'] as const) {
      const sums = (m: typeof real) => Object.fromEntries(m.rows(kind, 'month', 'include').map((r) => [r.key, [Array.from(r.demand), Array.from(r.capacity)]]));
      expect(sums(real)).toEqual(sums(what));
    }
    // Person rows too, except for the placeholder's key (a scenario-local id then, a real id now).
    const people = (m: typeof real) => m.rows('person', 'week', 'include').filter((r) => !r.label.includes('(placeholder)')).map((r) => [r.key, Array.from(r.demand)]);
    expect(people(real)).toEqual(people(what));
    expect(countVerdicts(compareModels(what, real, 'role', 'week', 'include'))).toEqual({ better: 0, worse: 0 });
  });
});
