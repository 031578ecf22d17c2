import { describe, expect, it } from 'vitest';
import {
  baselineLabel,
  chooseBaseline,
  compareAgainst,
  deleteBaseline,
  lookupFor,
  milestoneSlipDays,
  namedBaseline,
  ownBaselineOf,
  projectSlipDays,
  renameBaseline,
  setBaselineFields,
  slipDescription,
  snapshotBaseline,
  sortBaselines,
} from './baselines';
import { WorkbookState } from '../commands/state';
import { applyPlan, planChange } from '../commands/plan';
import { inverseOps } from '../commands/undo';
import { planNewWorkbook } from '../commands/new-workbook';
import type { Op } from '../commands/types';
import { ENTITY_SCHEMAS, type Milestone, type Project } from '../model/schemas';
import { columnsFor } from '../register/columns';
import { buildColumnContext } from '../register/column-context';
import { summarisePortfolio } from '../analytics/portfolio-summary';
import { testClock, tinyWorkbook } from '../../test/helpers/tiny-workbook';

// tinyWorkbook: p-1 runs 2026-01-05 → 2026-06-30 (budget 12_000_050, no baseline fields),
// p-2 2026-03-01 → 2026-12-31, p-3 has no dates; milestone m-1 of p-1 has baseline
// 2026-06-01 and forecast 2026-06-15.
function setup() {
  const clock = testClock();
  const p = planNewWorkbook(tinyWorkbook(), { ...clock, origin: 'create', label: 'New' });
  const state = new WorkbookState(p.workbook, p.rows);
  const commit = (ops: readonly Op[], label = 'Test') => {
    clock.tick();
    const r = planChange(state, ops, { ...clock, origin: 'edit', label });
    expect(r.rejected).toEqual([]);
    applyPlan(state, r.plan!);
    return r.plan!;
  };
  const undo = (plan: { entries: Parameters<typeof inverseOps>[0] }) => commit(inverseOps(plan.entries), 'Undo');
  return { state, clock, commit, undo };
}

const project = (s: WorkbookState, id: string) => s.get('project', id)!;
const milestone = (s: WorkbookState, id: string) => s.get('milestone', id)!;
const ids = (() => {
  let n = 0;
  return () => `bl-${++n}`;
})();

describe('snapshotBaseline', () => {
  it('captures every project’s start, finish and budget and every milestone’s forecast date', () => {
    const { state } = setup();
    const op = snapshotBaseline(state, '  Q3 approved plan ', '2026-07-01T09:30:00.000Z', () => 'bl-q3');
    expect(op).toEqual({
      op: 'create',
      entity: 'baseline',
      record: {
        id: 'bl-q3',
        name: 'Q3 approved plan',
        createdAt: '2026-07-01T09:30:00.000Z',
        projects: [
          { projectId: 'p-1', start: '2026-01-05', finish: '2026-06-30', budget: 12_000_050 },
          { projectId: 'p-2', start: '2026-03-01', finish: '2026-12-31', budget: 50_000_000 },
          { projectId: 'p-3', start: null, finish: null, budget: null },
        ],
        // The forecast (2026-06-15), not the milestone's own baseline date (2026-06-01).
        milestones: [{ milestoneId: 'm-1', date: '2026-06-15' }],
      },
    });
    // Valid for the command path, and the same from a workbook's records as from the state.
    expect(ENTITY_SCHEMAS.baseline.safeParse((op as { record: unknown }).record).success).toBe(true);
    expect(snapshotBaseline(tinyWorkbook().records, 'Q3 approved plan', '2026-07-01T09:30:00.000Z', () => 'bl-q3')).toEqual(op);
  });

  it('is one transaction, and its undo removes the baseline', () => {
    const { state, commit, undo } = setup();
    const plan = commit([snapshotBaseline(state, 'Q3', '2026-07-01T09:30:00.000Z', ids)], 'Save baseline Q3');
    expect(plan.tx.label).toBe('Save baseline Q3');
    expect(state.all('baseline')).toHaveLength(1);
    undo(plan);
    expect(state.all('baseline')).toHaveLength(0);
  });
});

describe('slip against the chosen baseline', () => {
  it('measures project and milestone slip against a named baseline, then against the own fields again', () => {
    const { state, commit } = setup();
    commit([snapshotBaseline(state, 'Q3 approved plan', '2026-07-01T09:30:00.000Z', () => 'bl-q3')]);
    // After the snapshot: p-1's finish moves 30 June → 31 July, its own baseline finish is set to
    // 15 June; m-1's forecast moves 15 June → 1 July.
    commit([
      { op: 'update', entity: 'project', id: 'p-1', changes: { finish: '2026-07-31', baselineStart: '2026-01-05', baselineFinish: '2026-06-15' } },
      { op: 'update', entity: 'milestone', id: 'm-1', changes: { forecastDate: '2026-07-01' } },
    ]);

    const own = lookupFor(state.settings, state);
    expect(projectSlipDays(project(state, 'p-1'), own)).toBe(46); // 15 June → 31 July: 15 + 31
    expect(milestoneSlipDays(milestone(state, 'm-1'), own)).toBe(30); // 1 June → 1 July
    expect(projectSlipDays(project(state, 'p-2'), own)).toBeNull(); // no baseline finish of its own

    commit([compareAgainst('bl-q3')]);
    expect(state.settings.compareBaselineId).toBe('bl-q3');
    const q3 = lookupFor(state.settings, state);
    expect(projectSlipDays(project(state, 'p-1'), q3)).toBe(31); // 30 June → 31 July
    expect(milestoneSlipDays(milestone(state, 'm-1'), q3)).toBe(16); // 15 June → 1 July
    expect(projectSlipDays(project(state, 'p-2'), q3)).toBe(0); // unchanged since the snapshot
    expect(projectSlipDays(project(state, 'p-3'), q3)).toBeNull(); // no dates then or now

    commit([compareAgainst(null)]);
    expect(projectSlipDays(project(state, 'p-1'), lookupFor(state.settings, state))).toBe(46);
  });

  it('is blank for records created after the baseline was saved', () => {
    const { state, commit } = setup();
    commit([snapshotBaseline(state, 'Q3', '2026-07-01T09:30:00.000Z', () => 'bl-q3'), compareAgainst('bl-q3')]);
    commit([
      { op: 'create', entity: 'project', record: { id: 'p-new', code: 'PRJ-010', name: 'Late addition', start: '2026-08-01', finish: '2026-09-30', baselineFinish: '2026-09-01' } },
      { op: 'create', entity: 'milestone', record: { id: 'm-new', projectId: 'p-new', name: 'Kick-off', baselineDate: '2026-08-01', forecastDate: '2026-08-05' } },
    ]);
    const q3 = lookupFor(state.settings, state);
    expect(projectSlipDays(project(state, 'p-new'), q3)).toBeNull();
    expect(milestoneSlipDays(milestone(state, 'm-new'), q3)).toBeNull();
  });

  it('falls back to the own fields when the chosen baseline no longer exists, and says so', () => {
    const { state, commit, undo } = setup();
    const save = commit([snapshotBaseline(state, 'Q3', '2026-07-01T09:30:00.000Z', () => 'bl-q3')]);
    commit([compareAgainst('bl-q3')]);
    undo(save); // the baseline's creation undone; the setting still names it
    expect(state.settings.compareBaselineId).toBe('bl-q3');
    const choice = chooseBaseline(state.settings, state);
    expect(choice).toEqual({ kind: 'missing', id: 'bl-q3' });
    expect(milestoneSlipDays(milestone(state, 'm-1'), lookupFor(state.settings, state))).toBe(14); // own: 1 June → 15 June
    expect(slipDescription(choice, 'project')).toMatch(/no longer exists.*own baseline finish/);
    expect(baselineLabel(choice)).toBe('the own baseline fields');
  });

  it('reads settings without the field (saved before baselines could be chosen) as the own fields', () => {
    const records = tinyWorkbook().records;
    expect(chooseBaseline({}, records)).toEqual({ kind: 'own' });
    expect(milestoneSlipDays(records.milestone[0]!, lookupFor({}, records))).toBe(14);
  });

  it('reads the same dates from a workbook’s records as from the open workbook', () => {
    const { state, commit } = setup();
    commit([snapshotBaseline(state, 'Q3', '2026-07-01T09:30:00.000Z', () => 'bl-q3'), { op: 'update', entity: 'project', id: 'p-2', changes: { baselineFinish: '2026-11-30', baselineStart: '2026-03-01' } }]);
    const records = state.records();
    for (const settings of [{ compareBaselineId: null }, { compareBaselineId: 'bl-q3' }]) {
      const a = lookupFor(settings, state);
      const b = lookupFor(settings, records);
      for (const id of ['p-1', 'p-2', 'p-3', 'nope']) {
        expect([b.projectStart(id), b.projectFinish(id)]).toEqual([a.projectStart(id), a.projectFinish(id)]);
      }
      expect(b.milestoneDate('m-1')).toBe(a.milestoneDate('m-1'));
    }
    expect(ownBaselineOf(records).projectFinish('p-2')).toBe('2026-11-30');
    expect(namedBaseline(records.baseline[0]!).projectFinish('p-2')).toBe('2026-12-31');
  });
});

describe('setBaselineFields (re-baseline)', () => {
  it('copies the current dates into the own baseline fields in one step, and only what changes', () => {
    const { state, commit, undo } = setup();
    const ops = setBaselineFields(state);
    expect(ops).toEqual([
      { op: 'update', entity: 'project', id: 'p-1', changes: { baselineStart: '2026-01-05', baselineFinish: '2026-06-30' } },
      { op: 'update', entity: 'project', id: 'p-2', changes: { baselineStart: '2026-03-01', baselineFinish: '2026-12-31' } },
      // p-3 has no dates: left alone.
      { op: 'update', entity: 'milestone', id: 'm-1', changes: { baselineDate: '2026-06-15' } },
    ]);
    const plan = commit(ops, 'Set current dates as baseline');
    expect(projectSlipDays(project(state, 'p-1'), ownBaselineOf(state))).toBe(0);
    expect(setBaselineFields(state)).toEqual([]);
    undo(plan);
    expect(milestone(state, 'm-1').baselineDate).toBe('2026-06-01');
    expect(project(state, 'p-1').baselineFinish).toBeNull();
  });

  it('copies a named baseline’s dates, for the records it holds', () => {
    const { state, commit } = setup();
    commit([snapshotBaseline(state, 'Q3', '2026-07-01T09:30:00.000Z', () => 'bl-q3')]);
    commit([{ op: 'update', entity: 'project', id: 'p-1', changes: { finish: '2026-08-31' } }, { op: 'create', entity: 'project', record: { id: 'p-new', code: 'PRJ-010', name: 'Later', start: '2026-08-01' } }]);
    const ops = setBaselineFields(state, state.get('baseline', 'bl-q3'));
    expect(ops.map((o) => (o.op === 'update' ? [o.id, o.changes] : null))).toEqual([
      ['p-1', { baselineStart: '2026-01-05', baselineFinish: '2026-06-30' }],
      ['p-2', { baselineStart: '2026-03-01', baselineFinish: '2026-12-31' }],
      ['m-1', { baselineDate: '2026-06-15' }],
    ]);
    commit(ops);
    expect(projectSlipDays(project(state, 'p-1'), ownBaselineOf(state))).toBe(62); // 30 June → 31 August
  });
});

describe('managing baselines', () => {
  it('renames, and deletes (going back to the own fields when the compared one goes)', () => {
    const { state, commit, undo } = setup();
    commit([snapshotBaseline(state, 'Q3', '2026-07-01T09:30:00.000Z', () => 'bl-q3'), snapshotBaseline(state, 'Q2', '2026-04-01T09:30:00.000Z', () => 'bl-q2'), compareAgainst('bl-q3')]);
    commit([renameBaseline('bl-q3', ' Q3 approved plan ')]);
    expect(state.get('baseline', 'bl-q3')!.name).toBe('Q3 approved plan');
    expect(sortBaselines(state.all('baseline')).map((b) => b.id)).toEqual(['bl-q3', 'bl-q2']);

    expect(deleteBaseline(state.settings, 'bl-q2')).toEqual([{ op: 'delete', entity: 'baseline', id: 'bl-q2' }]);
    const del = commit(deleteBaseline(state.settings, 'bl-q3'), 'Delete baseline');
    expect(state.settings.compareBaselineId).toBeNull();
    expect(state.get('baseline', 'bl-q3')).toBeUndefined();
    undo(del); // one step brings back both the baseline and the choice
    expect(state.settings.compareBaselineId).toBe('bl-q3');
    expect(chooseBaseline(state.settings, state)).toMatchObject({ kind: 'named', baseline: { name: 'Q3 approved plan' } });
  });

  it('refuses an empty name', () => {
    const { state, commit } = setup();
    commit([snapshotBaseline(state, 'Q3', '2026-07-01T09:30:00.000Z', () => 'bl-q3')]);
    const r = planChange(state, [renameBaseline('bl-q3', '   ')], { ...testClock(), origin: 'edit', label: 'Rename' });
    expect(r.plan).toBeNull();
    expect(r.rejected[0]!.problems[0]!.field).toBe('name');
  });
});

describe('where slip is shown', () => {
  it('register slip columns follow the chosen baseline; their tooltips name it; Baseline finish stays the field', () => {
    const { state, commit } = setup();
    commit([snapshotBaseline(state, 'Q3 approved plan', '2026-07-01T09:30:00.000Z', () => 'bl-q3')]);
    commit([
      { op: 'update', entity: 'project', id: 'p-1', changes: { finish: '2026-07-31', baselineStart: '2026-01-05', baselineFinish: '2026-06-15' } },
      { op: 'update', entity: 'milestone', id: 'm-1', changes: { forecastDate: '2026-07-01' } },
    ]);
    const cell = (entity: 'project' | 'milestone', col: string, id: string) => {
      const choice = chooseBaseline(state.settings, state);
      const def = columnsFor(entity, state.settings, [], choice).find((c) => c.id === col)!;
      const record = (entity === 'project' ? project(state, id) : milestone(state, id)) as unknown as Project & Milestone;
      return { value: def.get(record, buildColumnContext(state, '2026-07-15')), description: def.description };
    };
    expect(cell('project', 'calc.slip', 'p-1')).toEqual({ value: 46, description: 'Finish − baseline finish, in calendar days; positive is late.' });
    expect(cell('milestone', 'calc.slip', 'm-1').value).toBe(30);

    commit([compareAgainst('bl-q3')]);
    const slip = cell('project', 'calc.slip', 'p-1');
    expect(slip.value).toBe(31);
    expect(slip.description).toMatch(/^Slip vs ‘Q3 approved plan’ \(saved 2026-07-01\)/);
    expect(cell('milestone', 'calc.slip', 'm-1').value).toBe(16);
    expect(cell('milestone', 'calc.slip', 'm-1').description).toMatch(/^Slip vs ‘Q3 approved plan’/);
    expect(cell('project', 'baselineFinish', 'p-1').value).toBe('2026-06-15');
    // A context without a baseline (tests, tools) reads each record's own fields.
    const bare = { ...buildColumnContext(state, '2026-07-15'), baseline: undefined };
    expect(columnsFor('project', state.settings).find((c) => c.id === 'calc.slip')!.get(project(state, 'p-1') as never, bare)).toBe(46);
  });

  it('Overview milestone slip follows the chosen baseline', () => {
    const { state, commit } = setup();
    commit([snapshotBaseline(state, 'Q3', '2026-07-01T09:30:00.000Z', () => 'bl-q3')]);
    commit([{ op: 'update', entity: 'milestone', id: 'm-1', changes: { forecastDate: '2026-07-01' } }]);
    const slipped = () => summarisePortfolio(state.records(), '2026-05-01', 90, lookupFor(state.settings, state)).slipped.map((r) => [r.milestone.id, r.slipDays]);
    expect(slipped()).toEqual([['m-1', 30]]);
    commit([compareAgainst('bl-q3')]);
    expect(slipped()).toEqual([['m-1', 16]]);
    expect(summarisePortfolio(state.records(), '2026-05-01').slipped.map((r) => r.slipDays)).toEqual([30]); // no lookup: own fields
  });
});
