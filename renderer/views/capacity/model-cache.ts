// The capacity model of the open workbook, kept against the version of what it reads (people,
// roles, allocations, projects, settings): renaming a programme, or going back to the Capacity
// area, reuses it; an allocation or person edited updates it in place from the journal entries
// of the change (CapacityModel.update, a few rows' sums) instead of building it again (a few
// hundred ms on 200,000 allocations). A change the update cannot follow (a role, a project's
// stage, a project created or deleted, the calendar settings, or more changes than the state
// remembers) builds it again. Keyed weakly on the workbook state and the input, so a closed
// workbook's models are let go.
import { buildCapacityModel, type CapacityChange, type CapacityInput, type CapacityModel } from '../../../shared/capacity';
import type { Allocation, Resource } from '../../../shared/model/schemas';
import type { ChangeEntry, Reads, WorkbookState } from '../../../shared/commands/state';

/** What the plan's capacity input is made of. */
export const CAPACITY_READS: Reads = ['settings', 'resource', 'role', 'allocation', 'project'];

/** Settings the model does not read: changing them keeps the model (the input gets the new settings). */
const SETTINGS_NOT_READ = new Set(['name', 'currency', 'locale', 'dateOrder', 'capacityUnit', 'ragRules', 'scoringCriteria', 'compareBaselineId', 'scenarios']);

/** How often the model was built or updated, for the test hook and the benchmarks. */
export const capacityStats = { builds: 0, updates: 0, lastUpdateMs: 0 };

const inputs = new WeakMap<WorkbookState, { version: number; input: CapacityInput }>();
const models = new WeakMap<CapacityInput, { from: string; to: string; engine: CapacityModel; model: CapacityModel }>();
/** For an input whose model was updated in place: the input before it and the changes between them (for the overload worker's copy of the model). */
const lineage = new WeakMap<CapacityInput, { prev: CapacityInput; changes: readonly CapacityChange[] }>();

/**
 * The changes that turn the model of `from` into the model of `to`, when `to` was reached from
 * `from` by in-place updates (at most `limit` steps back); null otherwise.
 */
export function changesBetween(from: CapacityInput, to: CapacityInput, limit = 64): CapacityChange[] | null {
  const steps: (readonly CapacityChange[])[] = [];
  for (let at = to; at !== from; ) {
    const step = lineage.get(at);
    if (!step || steps.length >= limit) return null;
    steps.push(step.changes);
    at = step.prev;
  }
  return steps.reverse().flat();
}

/**
 * A handle on the model for one input: a new object for each data version, so that memos and
 * effects keyed on the model see that it changed, while the sums underneath are shared.
 */
function handle(engine: CapacityModel): CapacityModel {
  return {
    weeks: engine.weeks,
    periods: (grain) => engine.periods(grain),
    rows: (kind, grain, tentative) => engine.rows(kind, grain, tentative),
    contributions: (key, grain, period, tentative) => engine.contributions(key, grain, period, tentative),
    overloads: (kind, grain, tentative) => engine.overloads(kind, grain, tentative),
    overloadCells: (kind, grain, tentative) => engine.overloadCells(kind, grain, tentative),
    overloadProjects: (key, grain, tentative, periods) => engine.overloadProjects(key, grain, tentative, periods),
    update: (change) => engine.update(change),
  };
}

/**
 * Applies committed changes to a model with update(); false when one of them is of a kind the
 * model cannot follow incrementally (the caller then builds it again).
 */
export function updateModel(model: CapacityModel, changes: readonly (readonly ChangeEntry[])[], state: WorkbookState, applied: CapacityChange[] = []): boolean {
  const allocations = new Map<string, ChangeEntry>();
  const people = new Map<string, ChangeEntry>();
  for (const entries of changes) {
    for (const e of entries) {
      switch (e.entity) {
        case 'allocation':
          allocations.set(e.recordId, e);
          break;
        case 'resource':
          people.set(e.recordId, e);
          break;
        case 'role':
          return false;
        case 'project':
          // Tentative demand follows the stage; a new or deleted project changes which projects are tentative.
          if (e.op !== 'update' || e.field.split('.')[0] === 'stage') return false;
          break;
        case 'settings':
          if (!SETTINGS_NOT_READ.has(e.field.split('.')[0]!)) return false;
          break;
        default:
          break; // programmes, milestones, RAID…: not read by the model
      }
    }
  }
  // The last entry of a record says whether it still exists; update() needs only the record now (or its id when deleted).
  for (const [id, e] of people) {
    const after = state.get('resource', id);
    applied.push({ resource: after ? { after } : { before: deleted<Resource>(e, id) } });
  }
  for (const [id, e] of allocations) {
    const after = state.get('allocation', id);
    applied.push({ allocation: after ? { after } : { before: deleted<Allocation>(e, id) } });
  }
  for (const change of applied) model.update(change);
  return true;
}

/** The record a delete entry keeps as its tombstone (the journal's `before`), or one with the id alone. */
function deleted<T extends { id: string }>(e: ChangeEntry, id: string): T {
  // The journal stores values as unknown; a delete's `before` is the whole record as it was.
  return (e.op === 'delete' && e.before && typeof e.before === 'object' ? e.before : { id }) as T;
}

/** The plan's capacity input: the same object for the same workbook state and version of CAPACITY_READS. */
export function planInput(current: WorkbookState, version: number): CapacityInput {
  const hit = inputs.get(current);
  if (hit && hit.version === version) return hit.input;
  const input: CapacityInput = {
    settings: current.settings,
    resources: current.list('resource'),
    roles: current.list('role'),
    allocations: current.list('allocation'),
    projects: current.list('project'),
  };
  if (hit) carryForward(current, hit, input);
  inputs.set(current, { version, input });
  return input;
}

/** Moves the previous input's model to the new input, updated with the changes between them. */
function carryForward(current: WorkbookState, prev: { version: number; input: CapacityInput }, input: CapacityInput): void {
  const entry = models.get(prev.input);
  if (!entry) return;
  // The engine is about to describe the new data: the old input must not reach it any more.
  models.delete(prev.input);
  const changes = current.changesSince(prev.version);
  if (!changes) return;
  const t0 = performance.now();
  const applied: CapacityChange[] = [];
  if (!updateModel(entry.engine, changes, current, applied)) return;
  lineage.set(input, { prev: prev.input, changes: applied });
  capacityStats.updates++;
  capacityStats.lastUpdateMs = performance.now() - t0;
  models.set(input, { ...entry, model: handle(entry.engine) });
}

/** The model and how long building it took (0 when it was reused or updated; for the test hook and benchmarks). */
export function timedBuild(input: CapacityInput, range: { from: string; to: string }): { model: CapacityModel; ms: number } {
  const hit = models.get(input);
  if (hit && hit.from === range.from && hit.to === range.to) return { model: hit.model, ms: 0 };
  const t0 = performance.now();
  const engine = buildCapacityModel(input, range);
  capacityStats.builds++;
  models.set(input, { from: range.from, to: range.to, engine, model: handle(engine) });
  return { model: models.get(input)!.model, ms: performance.now() - t0 };
}
