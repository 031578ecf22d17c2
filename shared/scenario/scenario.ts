// What-if scenarios: a named list of changes laid over the current plan, to see what they would
// do to capacity before anything is changed, then made real in one undoable step.
//
// HOW THE HEAT MAP USES THIS (renderer/views/capacity):
//   const whatIf = useScenario();                                   // renderer/views/capacity/scenario
//   const base   = buildCapacityModel(input, range);
//   const model  = whatIf.active ? buildCapacityModel(whatIf.input(input), range) : base;
//   const marks  = whatIf.active ? whatIf.compare(base, model, kind, grain, tentative) : null;
//   <ScenarioBar scenario={whatIf} />                              // above the heat map
// Draw `model` (the what-if numbers) and, per cell, marks?.get(row.key)?.[periodIndex] to tint a
// cell that got 'better' or 'worse' than today's plan. Both models must be built over the same
// range so that period i means the same period in both. `input` is the pure function
// applyScenario below; it returns the base input itself when the scenario has no changes.
//
// Change kinds (applied in list order):
//   shift-project    moves the project's planned start and finish, the forecast dates of its
//                    milestones not yet achieved, and all its allocations by `weeks` × 7 days.
//   drop-project     removes the project's allocations from demand and marks it cancelled.
//   set-allocation   overwrites fields of one allocation (hours, dates, person, role…).
//   add-allocation   adds an allocation (its id is scenario-local; a real one is made on apply).
//   placeholder-hire adds a placeholder person to a role: supply of hoursPerWeek from start
//                    (to end, if given), named "<name> (placeholder)".
//
// Better / worse / same (compareModels), per row and period, utilisation u = demand ÷ capacity:
//   - "over" means demand exceeds capacity (u > 100 %, or any demand on zero capacity).
//   - Not over → over: 'worse'; over → not over: 'better'.
//   - Otherwise, when both have capacity, a move of 5 utilisation points or more: up is
//     'worse', down is 'better'; a smaller move is 'same'.
//   - Otherwise (no capacity on either side) 'same', unless demand changed while over:
//     less demand is 'better', more is 'worse'.
//   A row present in only one model counts as zero capacity and zero demand in the other.
//
// Making it real (scenarioOps) diffs the plan with and without the scenario and returns the
// operations: project and milestone date updates, allocation updates, creates and deletes
// (a dropped project's allocations are deleted and its stage set to 'cancelled'), and a new
// resource per placeholder hire. Committed together they are one undo step, and the capacity
// model of the result equals the what-if model.
import type { Allocation, Milestone, Project, Resource, Role, Scenario, ScenarioChange, Settings } from '../model/schemas';
import { addDays, compareDates, isIsoDate, type IsoDate } from '../calendar';
import type { Op } from '../commands/types';

export type { Scenario, ScenarioChange } from '../model/schemas';

/**
 * What applyScenario reads and returns: the capacity input (shared/capacity CapacityInput),
 * plus milestones when the caller has them (scenarioOps does). Generic so that a
 * CapacityInput goes in and a CapacityInput comes out.
 */
export interface ScenarioInput {
  settings: Settings;
  resources: readonly Resource[];
  roles: readonly Role[];
  allocations: readonly Allocation[];
  projects: readonly Project[];
  milestones?: readonly Milestone[];
}

/** Prefix of the ids applyScenario gives placeholder people (scenario-local, never stored). */
export const PLACEHOLDER_ID_PREFIX = 'whatif-hire-';
export const PLACEHOLDER_SUFFIX = '(placeholder)';

export function placeholderName(name: string): string {
  const n = name.trim();
  return n.endsWith(PLACEHOLDER_SUFFIX) ? n : `${n} ${PLACEHOLDER_SUFFIX}`;
}

function shiftDate(d: IsoDate | null, days: number): IsoDate | null {
  return d === null ? null : addDays(d, days);
}

/** The plan as it would be with the scenario's changes. Pure: the input is not modified. */
export function applyScenario<T extends ScenarioInput>(input: T, scenario: Pick<Scenario, 'changes'>): T {
  if (!scenario.changes.length) return input;
  let projects = input.projects;
  let milestones = input.milestones;
  let allocations = input.allocations;
  let resources = input.resources;
  scenario.changes.forEach((change, index) => {
    switch (change.kind) {
      case 'shift-project': {
        const days = change.weeks * 7;
        if (!days) return;
        projects = projects.map((p) => (p.id === change.projectId ? { ...p, start: shiftDate(p.start, days), finish: shiftDate(p.finish, days) } : p));
        milestones = milestones?.map((m) => (m.projectId === change.projectId && m.actualDate === null && m.forecastDate !== null ? { ...m, forecastDate: addDays(m.forecastDate, days) } : m));
        allocations = allocations.map((a) => (a.projectId === change.projectId ? { ...a, start: addDays(a.start, days), end: addDays(a.end, days) } : a));
        return;
      }
      case 'drop-project':
        projects = projects.map((p) => (p.id === change.projectId ? { ...p, stage: 'cancelled' as const } : p));
        allocations = allocations.filter((a) => a.projectId !== change.projectId);
        return;
      case 'set-allocation':
        allocations = allocations.map((a) => (a.id === change.allocationId ? { ...a, ...(change.changes as Partial<Allocation>), id: a.id } : a));
        return;
      case 'add-allocation':
        allocations = [...allocations, change.allocation];
        return;
      case 'placeholder-hire':
        resources = [
          ...resources,
          {
            id: `${PLACEHOLDER_ID_PREFIX}${index}`,
            name: placeholderName(change.name),
            roleId: change.roleId,
            team: '',
            email: '',
            capacityHoursPerWeek: change.hoursPerWeek,
            start: change.start,
            end: change.end ?? null,
            exceptions: [],
          },
        ];
        return;
    }
  });
  return { ...input, projects, allocations, resources, ...(milestones ? { milestones } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Comparison

export type Verdict = 'better' | 'worse' | 'same';

/** The part of a capacity model the comparison reads (shared/capacity CapacityModel). */
export interface ComparableRow {
  key: string;
  capacity: Float64Array;
  demand: Float64Array;
  children?: readonly unknown[];
}
export interface ComparableModel<K extends string, G extends string, T extends string> {
  rows(kind: K, grain: G, tentative: T): readonly ComparableRow[];
}

/** Utilisation points (percent) that count as a real move. */
export const VERDICT_POINTS = 5;
const EPS = 1e-9;

/** Better, worse or same for one cell (see the header for the rule). */
export function verdict(baseDemand: number, baseCapacity: number, whatDemand: number, whatCapacity: number): Verdict {
  const overBase = baseDemand > baseCapacity + EPS;
  const overWhat = whatDemand > whatCapacity + EPS;
  if (overBase !== overWhat) return overWhat ? 'worse' : 'better';
  if (baseCapacity > EPS && whatCapacity > EPS) {
    const points = (whatDemand / whatCapacity - baseDemand / baseCapacity) * 100;
    if (points >= VERDICT_POINTS - EPS) return 'worse';
    if (points <= -VERDICT_POINTS + EPS) return 'better';
    return 'same';
  }
  if (overBase && overWhat && Math.abs(whatDemand - baseDemand) > EPS) return whatDemand < baseDemand ? 'better' : 'worse';
  return 'same';
}

function flatten(rows: readonly ComparableRow[], into: Map<string, ComparableRow>) {
  for (const r of rows) {
    if (!into.has(r.key)) into.set(r.key, r);
    const kids = (r.children ?? []).filter((c): c is ComparableRow => typeof c === 'object' && c !== null && 'key' in c && 'demand' in c && 'capacity' in c);
    if (kids.length) flatten(kids, into);
  }
}

/**
 * Per row key (child rows included), the verdict for each period of the what-if model against
 * the base model. Both models must cover the same range.
 */
export function compareModels<K extends string, G extends string, T extends string>(base: ComparableModel<K, G, T>, what: ComparableModel<K, G, T>, kind: K, grain: G, tentative: T): Map<string, Verdict[]> {
  const a = new Map<string, ComparableRow>();
  const b = new Map<string, ComparableRow>();
  flatten(base.rows(kind, grain, tentative), a);
  flatten(what.rows(kind, grain, tentative), b);
  const out = new Map<string, Verdict[]>();
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    const n = Math.max(x?.demand.length ?? 0, y?.demand.length ?? 0);
    const v: Verdict[] = new Array<Verdict>(n);
    for (let i = 0; i < n; i++) v[i] = verdict(x?.demand[i] ?? 0, x?.capacity[i] ?? 0, y?.demand[i] ?? 0, y?.capacity[i] ?? 0);
    out.set(key, v);
  }
  return out;
}

/** How many cells got better and worse. */
export function countVerdicts(marks: ReadonlyMap<string, readonly Verdict[]>): { better: number; worse: number } {
  let better = 0;
  let worse = 0;
  for (const v of marks.values()) {
    for (const x of v) {
      if (x === 'better') better++;
      else if (x === 'worse') worse++;
    }
  }
  return { better, worse };
}

// ---------------------------------------------------------------------------------------------
// Validation

export interface ScenarioMessage {
  level: 'error' | 'warning';
  /** Index of the change in the scenario. */
  index: number;
  message: string;
}

/** Problems of a scenario against the plan: errors block Apply; warnings are shown. */
export function validateScenario(input: ScenarioInput, scenario: Pick<Scenario, 'changes'>): ScenarioMessage[] {
  const out: ScenarioMessage[] = [];
  const projectIds = new Set(input.projects.map((p) => p.id));
  const roleIds = new Set(input.roles.map((r) => r.id));
  const resourceIds = new Set(input.resources.map((r) => r.id));
  // Allocation ids known at each point: the plan's, plus ones added earlier in the scenario, minus dropped.
  const allocationProject = new Map(input.allocations.map((a) => [a.id, a.projectId]));
  const touched: { index: number; id: string }[] = [];
  const err = (index: number, message: string) => out.push({ level: 'error', index, message });
  const checkAllocationFields = (index: number, a: Partial<Allocation>) => {
    if (typeof a.amount === 'number' && a.amount < 0) err(index, `Hours cannot be negative (${a.amount})`);
    if (a.projectId !== undefined && !projectIds.has(a.projectId)) err(index, `Unknown project ${a.projectId}`);
    if (a.roleId && !roleIds.has(a.roleId)) err(index, `Unknown role ${a.roleId}`);
    if (a.resourceId && !resourceIds.has(a.resourceId)) err(index, `Unknown person ${a.resourceId}`);
    for (const f of ['start', 'end'] as const) if (a[f] !== undefined && !isIsoDate(a[f])) err(index, `The ${f} date is not a date`);
  };
  scenario.changes.forEach((c, index) => {
    switch (c.kind) {
      case 'shift-project':
        if (!projectIds.has(c.projectId)) err(index, `Unknown project ${c.projectId}`);
        else if (!c.weeks) out.push({ level: 'warning', index, message: 'A shift of 0 weeks changes nothing' });
        return;
      case 'drop-project':
        if (!projectIds.has(c.projectId)) err(index, `Unknown project ${c.projectId}`);
        for (const [id, p] of allocationProject) if (p === c.projectId) allocationProject.delete(id);
        return;
      case 'set-allocation':
        if (!allocationProject.has(c.allocationId)) err(index, `Unknown allocation ${c.allocationId}`);
        else touched.push({ index, id: c.allocationId });
        checkAllocationFields(index, c.changes);
        return;
      case 'add-allocation':
        checkAllocationFields(index, c.allocation);
        if (!c.allocation.roleId && !c.allocation.resourceId) err(index, 'The allocation needs a role or a person');
        allocationProject.set(c.allocation.id, c.allocation.projectId);
        touched.push({ index, id: c.allocation.id });
        return;
      case 'placeholder-hire':
        if (!roleIds.has(c.roleId)) err(index, `Unknown role ${c.roleId}`);
        if (c.hoursPerWeek < 0) err(index, `Hours cannot be negative (${c.hoursPerWeek})`);
        if (c.end && compareDates(c.end, c.start) < 0) err(index, 'The end is before the start');
        return;
    }
  });
  // Dates are checked on the plan as the scenario leaves it (a shift moves allocations with their project).
  const after = applyScenario(input, scenario);
  const projects = new Map(after.projects.map((p) => [p.id, p]));
  const allocations = new Map(after.allocations.map((a) => [a.id, a]));
  for (const { index, id } of touched) {
    const a = allocations.get(id);
    if (!a || !isIsoDate(a.start) || !isIsoDate(a.end)) continue;
    if (compareDates(a.end, a.start) < 0) {
      err(index, 'The allocation ends before it starts');
      continue;
    }
    const p = projects.get(a.projectId);
    if (!p) continue;
    if ((p.start && compareDates(a.start, p.start) < 0) || (p.finish && compareDates(a.end, p.finish) > 0)) {
      out.push({ level: 'warning', index, message: `The allocation (${a.start} – ${a.end}) falls outside ${p.code}'s dates (${p.start ?? '…'} – ${p.finish ?? '…'})` });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Making it real

/** The plan as the scenario functions read it from a workbook. */
export interface PlanSource {
  settings: Settings;
  all(entity: 'project'): Project[];
  all(entity: 'milestone'): Milestone[];
  all(entity: 'allocation'): Allocation[];
  all(entity: 'resource'): Resource[];
  all(entity: 'role'): Role[];
}

export function inputOf(state: PlanSource): Required<ScenarioInput> {
  return {
    settings: state.settings,
    projects: state.all('project'),
    milestones: state.all('milestone'),
    allocations: state.all('allocation'),
    resources: state.all('resource'),
    roles: state.all('role'),
  };
}

const ALLOCATION_FIELDS = ['projectId', 'roleId', 'resourceId', 'start', 'end', 'amount', 'unit', 'tentative', 'note'] as const;

function changedFields<R extends Record<string, unknown>>(before: R, after: R, fields: readonly (keyof R & string)[]): Record<string, unknown> | null {
  const changes: Record<string, unknown> = {};
  for (const f of fields) if (JSON.stringify(before[f]) !== JSON.stringify(after[f])) changes[f] = after[f];
  return Object.keys(changes).length ? changes : null;
}

/** The operations that make the scenario real (commit them together: one undo step). */
export function scenarioOps(state: PlanSource, scenario: Pick<Scenario, 'changes'>): Op[] {
  const before = inputOf(state);
  const after = applyScenario(before, scenario);
  const ops: Op[] = [];
  const projects = new Map(before.projects.map((p) => [p.id, p]));
  for (const p of after.projects) {
    const old = projects.get(p.id);
    const changes = old && changedFields(old, p, ['start', 'finish', 'stage']);
    if (changes) ops.push({ op: 'update', entity: 'project', id: p.id, changes });
  }
  const milestones = new Map(before.milestones.map((m) => [m.id, m]));
  for (const m of after.milestones) {
    const old = milestones.get(m.id);
    const changes = old && changedFields(old, m, ['forecastDate']);
    if (changes) ops.push({ op: 'update', entity: 'milestone', id: m.id, changes });
  }
  const allocations = new Map(before.allocations.map((a) => [a.id, a]));
  const kept = new Set<string>();
  for (const a of after.allocations) {
    const old = allocations.get(a.id);
    if (!old || kept.has(a.id)) {
      // Added by the scenario: a fresh id is given on commit.
      const { id: _id, ...record } = a;
      ops.push({ op: 'create', entity: 'allocation', record });
      continue;
    }
    kept.add(a.id);
    const changes = changedFields(old, a, ALLOCATION_FIELDS);
    if (changes) ops.push({ op: 'update', entity: 'allocation', id: a.id, changes });
  }
  for (const a of before.allocations) if (!kept.has(a.id)) ops.push({ op: 'delete', entity: 'allocation', id: a.id });
  const resources = new Set(before.resources.map((r) => r.id));
  for (const r of after.resources) {
    if (resources.has(r.id)) continue;
    const { id: _id, ...record } = r;
    ops.push({ op: 'create', entity: 'resource', record });
  }
  return ops;
}

// ---------------------------------------------------------------------------------------------
// Words

export interface NameLookup {
  project(id: string): string | undefined;
  role(id: string): string | undefined;
  allocation(id: string): string | undefined;
  /**
   * An amount in the workbook's unit ("0.6 FTE" when it plans in FTE): of the allocation named
   * (in its own unit) or, without one, hours per week. Absent: "22.5 h/week".
   */
  amount?(amount: number, allocationId?: string): string;
}

const weeksText = (n: number) => `${n > 0 ? '+' : ''}${n} week${Math.abs(n) === 1 ? '' : 's'}`;

/** One line per change, for the scenario bar's list and for screen readers. */
export function describeChange(c: ScenarioChange, names: NameLookup): string {
  const rate = (n: number, allocationId?: string) => (names.amount ? names.amount(n, allocationId) : `${n} h/week`);
  switch (c.kind) {
    case 'shift-project':
      return `Shift ${names.project(c.projectId) ?? c.projectId} by ${weeksText(c.weeks)}`;
    case 'drop-project':
      return `Drop ${names.project(c.projectId) ?? c.projectId}`;
    case 'set-allocation': {
      const what = names.allocation(c.allocationId) ?? c.allocationId;
      const amount = (c.changes as Partial<Allocation>).amount;
      return typeof amount === 'number' ? `Set ${what} to ${rate(amount, c.allocationId)}` : `Change ${what}`;
    }
    case 'add-allocation':
      return `Add ${c.allocation.unit === 'fte-percent' ? `${c.allocation.amount}% FTE` : rate(c.allocation.amount)} to ${names.project(c.allocation.projectId) ?? c.allocation.projectId}`;
    case 'placeholder-hire':
      return `Hire ${placeholderName(c.name)}: ${names.role(c.roleId) ?? c.roleId}, ${rate(c.hoursPerWeek)} from ${c.start}${c.end ? ` to ${c.end}` : ''}`;
  }
}

/** "Apply what-if ‘name’: 3 changes" */
export function applyLabel(scenario: Pick<Scenario, 'name' | 'changes'>): string {
  const n = scenario.changes.length;
  return `Apply what-if ‘${scenario.name}’: ${n} change${n === 1 ? '' : 's'}`;
}

/** The settings change that saves (or replaces, by id) a scenario in the workbook. */
export function saveScenarioOp(settings: Settings, scenario: Scenario): Op {
  const list = settings.scenarios ?? [];
  const exists = list.some((s) => s.id === scenario.id);
  return { op: 'settings', changes: { scenarios: exists ? list.map((s) => (s.id === scenario.id ? scenario : s)) : [...list, scenario] } };
}

export function deleteScenarioOp(settings: Settings, id: string): Op {
  return { op: 'settings', changes: { scenarios: (settings.scenarios ?? []).filter((s) => s.id !== id) } };
}
