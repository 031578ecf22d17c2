// The capacity model cache: a programme rename reuses the model, an allocation or person edit
// updates it in place to exactly what a fresh build gives, and a change the update cannot follow
// (a project's stage) builds it again.
import { describe, expect, it } from 'vitest';
import { CAPACITY_READS, capacityStats, changesBetween, planInput, timedBuild } from './model-cache';
import { buildCapacityModel, type CapacityModel } from '../../../shared/capacity';
import { WorkbookState, type AnyRecord } from '../../../shared/commands/state';
import { applyPlan, planChange } from '../../../shared/commands/plan';
import { ENTITY_NAMES } from '../../../shared/model/schemas';
import type { Op, StoredRecord } from '../../../shared/commands/types';
import { testClock, tinyWorkbook } from '../../../test/helpers/tiny-workbook';

const RANGE = { from: '2025-12-29', to: '2026-12-27' };

function loaded(): WorkbookState {
  const data = tinyWorkbook();
  const rows: StoredRecord[] = ENTITY_NAMES.flatMap((e) => (data.records[e] as AnyRecord[]).map((d) => ({ wb: data.id, id: d.id, e, d, r: { '*': `rev-${d.id}` } })));
  return new WorkbookState({ id: data.id, name: data.settings.name, settings: data.settings, createdAt: '', updatedAt: '', r: {}, projectCount: 3 }, rows);
}

function commit(state: WorkbookState, ops: Op[]) {
  const { plan, rejected } = planChange(state, ops, { ...testClock(), origin: 'edit', label: 'Edit' });
  expect(rejected).toEqual([]);
  applyPlan(state, plan!);
}

/** The model as the view gets it now. */
function current(state: WorkbookState): CapacityModel {
  return timedBuild(planInput(state, state.versionOf(CAPACITY_READS)), RANGE).model;
}

const sums = (m: CapacityModel) => m.rows('person', 'week', 'include').map((r) => [r.key, [...r.demand], [...r.capacity]]);

describe('capacity model cache', () => {
  it('reuses the model for a programme rename and follows allocation and person edits without a build', () => {
    const state = loaded();
    const first = current(state);
    const builds = capacityStats.builds;

    commit(state, [{ op: 'update', entity: 'programme', id: state.all('programme')[0]!.id, changes: { name: 'Renamed' } }]);
    expect(current(state)).toBe(first);

    commit(state, [
      { op: 'update', entity: 'allocation', id: 'a-1', changes: { amount: 30 } },
      { op: 'create', entity: 'allocation', record: { projectId: 'p-2', resourceId: 'res-1', start: '2026-02-02', end: '2026-04-30', amount: 10 } },
    ]);
    const updated = current(state);
    expect(updated).not.toBe(first);
    expect(sums(updated)).toEqual(sums(buildCapacityModel(planInput(state, state.versionOf(CAPACITY_READS)), RANGE)));

    commit(state, [{ op: 'update', entity: 'resource', id: 'res-1', changes: { capacityHoursPerWeek: 20 } }]);
    commit(state, [{ op: 'delete', entity: 'allocation', id: 'a-1' }]);
    expect(sums(current(state))).toEqual(sums(buildCapacityModel(planInput(state, state.versionOf(CAPACITY_READS)), RANGE)));
    expect(capacityStats.builds).toBe(builds);
  });

  it('names the changes between two inputs, so a copy of the older model (the overload worker) can follow', () => {
    const state = loaded();
    current(state);
    const start = planInput(state, state.versionOf(CAPACITY_READS));
    // What the worker holds: a model built from the input it was sent.
    const copy = buildCapacityModel(start, RANGE);
    commit(state, [{ op: 'update', entity: 'allocation', id: 'a-1', changes: { amount: 30 } }]);
    current(state);
    commit(state, [
      { op: 'update', entity: 'resource', id: 'res-1', changes: { capacityHoursPerWeek: 20 } },
      { op: 'create', entity: 'allocation', record: { projectId: 'p-2', resourceId: 'res-1', start: '2026-02-02', end: '2026-04-30', amount: 10 } },
    ]);
    current(state);
    commit(state, [{ op: 'delete', entity: 'allocation', id: 'a-1' }]);
    const now = planInput(state, state.versionOf(CAPACITY_READS));
    const model = timedBuild(now, RANGE).model;
    const changes = changesBetween(start, now)!;
    expect(changes).toHaveLength(4);
    for (const c of changes) copy.update(c);
    expect(sums(copy)).toEqual(sums(model));
    expect(sums(copy)).toEqual(sums(buildCapacityModel(now, RANGE)));
    expect(changesBetween(now, start)).toBeNull();
    expect(changesBetween(now, now)).toEqual([]);
  });

  it('builds again when a project changes stage (tentative demand)', () => {
    const state = loaded();
    current(state);
    const builds = capacityStats.builds;
    commit(state, [{ op: 'update', entity: 'project', id: 'p-1', changes: { stage: 'idea' } }]);
    const m = current(state);
    expect(capacityStats.builds).toBe(builds + 1);
    expect(m.rows('person', 'week', 'exclude').every((r) => r.demand.every((h) => h === 0))).toBe(true);
  });
});
