// Named baselines: snapshots of every project's dates and budget and every milestone's date,
// to measure slip against. The workbook chooses one of them in its settings
// (compareBaselineId); without a choice, or when the chosen one no longer exists, slip is
// measured against each record's own baseline fields (baselineStart/baselineFinish,
// baselineDate). Pure: the register, the Overview and the roadmap read the same lookup.
//
// Slip = forecast date − baseline date in calendar days, positive = late (DOMAIN.md); the
// maths and the lookups themselves are the schedule's (shared/schedule/slip.ts).
import type { Baseline, Milestone, Project, Settings } from '../model/schemas';
import type { WorkbookRecords } from '../model/workbook';
import type { Op } from '../commands/types';
import type { IsoDate } from '../calendar';
import type { IdGenerator } from '../util/ids';
import { milestoneSlip, namedBaseline, ownBaseline, projectSlip, type BaselineLookup } from '../schedule/slip';
import { buildHolidayIndex } from '../calendar';

export { namedBaseline, type BaselineLookup };

/** What baselines are read from: the open workbook (WorkbookState) or a workbook's records. */
export interface StateLike {
  all(entity: 'project'): Project[];
  all(entity: 'milestone'): Milestone[];
  all(entity: 'baseline'): Baseline[];
  get(entity: 'project', id: string): Project | undefined;
  get(entity: 'milestone', id: string): Milestone | undefined;
  get(entity: 'baseline', id: string): Baseline | undefined;
}
export type BaselineSource = StateLike | Pick<WorkbookRecords, 'project' | 'milestone' | 'baseline'>;

function isState(s: BaselineSource): s is StateLike {
  return typeof (s as StateLike).all === 'function';
}

const projectsOf = (s: BaselineSource): readonly Project[] => (isState(s) ? s.all('project') : s.project);
const milestonesOf = (s: BaselineSource): readonly Milestone[] => (isState(s) ? s.all('milestone') : s.milestone);

/**
 * The records' own baseline fields (baselineStart, baselineFinish, milestones' baselineDate),
 * as the schedule's ownBaseline reads them. From the open workbook the records are looked up
 * one by one (no index is built on every change, however large the workbook).
 */
export function ownBaselineOf(source: BaselineSource): BaselineLookup {
  if (!isState(source)) return ownBaseline({ projects: source.project, milestones: source.milestone });
  return {
    projectStart: (id) => source.get('project', id)?.baselineStart ?? null,
    projectFinish: (id) => source.get('project', id)?.baselineFinish ?? null,
    milestoneDate: (id) => source.get('milestone', id)?.baselineDate ?? null,
  };
}

/** Which baseline slip is measured against. */
export type BaselineChoice =
  | { kind: 'own' }
  | { kind: 'named'; baseline: Baseline }
  /** The settings name a baseline that no longer exists (deleted, or its creation undone): own fields are used. */
  | { kind: 'missing'; id: string };

export const OWN_BASELINE: BaselineChoice = { kind: 'own' };

/** The compared baseline id of settings saved before the setting existed is absent: read it as null. */
export function compareBaselineIdOf(settings: Partial<Pick<Settings, 'compareBaselineId'>>): string | null {
  return settings.compareBaselineId ?? null;
}

export function chooseBaseline(settings: Partial<Pick<Settings, 'compareBaselineId'>>, source: BaselineSource): BaselineChoice {
  const id = compareBaselineIdOf(settings);
  if (id === null) return OWN_BASELINE;
  const baseline = isState(source) ? source.get('baseline', id) : source.baseline.find((b) => b.id === id);
  return baseline ? { kind: 'named', baseline } : { kind: 'missing', id };
}

// Records are replaced, never edited in place: a baseline's lookup can be kept while the record
// lives (the register builds its context on every edit; a large baseline is indexed once).
const named = new WeakMap<Baseline, BaselineLookup>();

/** The lookup for a choice: the named baseline's dates, or the own fields (also for a missing baseline). */
export function lookupOf(choice: BaselineChoice, source: BaselineSource): BaselineLookup {
  if (choice.kind !== 'named') return ownBaselineOf(source);
  let lookup = named.get(choice.baseline);
  if (!lookup) named.set(choice.baseline, (lookup = namedBaseline(choice.baseline)));
  return lookup;
}

/** The lookup for the baseline the settings choose; a deleted or missing baseline falls back to the own fields. */
export function lookupFor(settings: Partial<Pick<Settings, 'compareBaselineId'>>, source: BaselineSource): BaselineLookup {
  return lookupOf(chooseBaseline(settings, source), source);
}

// ---------------------------------------------------------------------------------------------
// Slip.

const NO_HOLIDAYS = buildHolidayIndex([]);

/**
 * Finish − baseline finish in calendar days (positive = late); null without both dates. The
 * baseline finish comes from `baseline`, or without it from the project's own field.
 */
export function projectSlipDays(p: Pick<Project, 'id' | 'finish'> & Partial<Pick<Project, 'baselineFinish'>>, baseline?: BaselineLookup): number | null {
  return projectSlip(p, NO_HOLIDAYS, baseline)?.calendarDays ?? null;
}

/** Forecast − baseline date in calendar days (positive = late); null without both dates. */
export function milestoneSlipDays(m: Pick<Milestone, 'id' | 'forecastDate'> & Partial<Pick<Milestone, 'baselineDate'>>, baseline?: BaselineLookup): number | null {
  return milestoneSlip(m, NO_HOLIDAYS, baseline)?.calendarDays ?? null;
}

// ---------------------------------------------------------------------------------------------
// Words for the UI.

/** The date part of a baseline's createdAt (an ISO timestamp). */
export function takenOn(baseline: Pick<Baseline, 'createdAt'>): IsoDate {
  return baseline.createdAt.slice(0, 10);
}

/** "‘Q3 approved plan’", or "the own baseline fields". */
export function baselineLabel(choice: BaselineChoice): string {
  return choice.kind === 'named' ? `‘${choice.baseline.name}’` : 'the own baseline fields';
}

/** The header tooltip of a slip column: what the figure is measured against. */
export function slipDescription(choice: BaselineChoice, of: 'project' | 'milestone'): string {
  const date = of === 'project' ? 'Finish' : 'Forecast';
  const own = of === 'project' ? 'baseline finish' : 'baseline';
  switch (choice.kind) {
    case 'own':
      return `${date} − ${own}, in calendar days; positive is late.`;
    case 'named':
      return `Slip vs ${baselineLabel(choice)} (saved ${takenOn(choice.baseline)}): ${date.toLowerCase()} − the ${of === 'project' ? 'finish' : 'date'} saved in that baseline, in calendar days; positive is late. Blank for ${of}s the baseline does not hold.`;
    case 'missing':
      return `The baseline chosen in Settings no longer exists, so slip is ${date.toLowerCase()} − ${of === 'project' ? "each project's own baseline finish" : "each milestone's own baseline date"}, in calendar days; positive is late.`;
  }
}

// ---------------------------------------------------------------------------------------------
// Commands (operations for store.commit: each list is one transaction, one undo step).

/** The name offered for a new baseline. */
export function defaultBaselineName(today: IsoDate): string {
  return `Baseline ${today}`;
}

/**
 * A create operation for a baseline holding every project's start, finish and budget and every
 * milestone's date, as they are now. The milestone date captured is its current forecast
 * (forecastDate), and a project's dates are its current planned (forecast) start and finish, so
 * that slip against this baseline later shows how far the forecasts moved since it was saved.
 * Archived projects are included: a baseline is a snapshot of the whole workbook.
 */
export function snapshotBaseline(source: BaselineSource, name: string, now: string, newId: IdGenerator): Op {
  const record: Baseline = {
    id: newId(),
    name: name.trim(),
    createdAt: now,
    projects: projectsOf(source).map((p) => ({ projectId: p.id, start: p.start, finish: p.finish, budget: p.budget })),
    milestones: milestonesOf(source).map((m) => ({ milestoneId: m.id, date: m.forecastDate })),
  };
  return { op: 'create', entity: 'baseline', record };
}

/**
 * "Set as current baseline": the updates that copy dates into the records' own baseline fields.
 * From the current dates (projects' start and finish, milestones' forecast) by default, or from
 * a named baseline. A project's start and finish are copied as a pair (a pair already in order
 * stays in order); a project or milestone without any date to copy keeps its baseline fields.
 * Only real changes are returned.
 */
export function setBaselineFields(source: BaselineSource, from: Pick<Baseline, 'projects' | 'milestones'> | 'current' = 'current'): Op[] {
  const ops: Op[] = [];
  const saved = from === 'current' ? null : namedBaseline(from);
  const holds = from === 'current' ? null : { projects: new Set(from.projects.map((p) => p.projectId)), milestones: new Set(from.milestones.map((m) => m.milestoneId)) };
  for (const p of projectsOf(source)) {
    if (holds && !holds.projects.has(p.id)) continue;
    const start = saved ? saved.projectStart(p.id) : p.start;
    const finish = saved ? saved.projectFinish(p.id) : p.finish;
    if (start === null && finish === null) continue;
    if (start === p.baselineStart && finish === p.baselineFinish) continue;
    ops.push({ op: 'update', entity: 'project', id: p.id, changes: { baselineStart: start, baselineFinish: finish } });
  }
  for (const m of milestonesOf(source)) {
    if (holds && !holds.milestones.has(m.id)) continue;
    const date = saved ? saved.milestoneDate(m.id) : m.forecastDate;
    if (date === null || date === m.baselineDate) continue;
    ops.push({ op: 'update', entity: 'milestone', id: m.id, changes: { baselineDate: date } });
  }
  return ops;
}

/** Compare slip against a named baseline, or (null) the own baseline fields. */
export function compareAgainst(baselineId: string | null): Op {
  return { op: 'settings', changes: { compareBaselineId: baselineId } };
}

export function renameBaseline(id: string, name: string): Op {
  return { op: 'update', entity: 'baseline', id, changes: { name: name.trim() } };
}

/** Deletes a baseline; when it is the compared one, slip goes back to the own fields in the same step. */
export function deleteBaseline(settings: Partial<Pick<Settings, 'compareBaselineId'>>, id: string): Op[] {
  return [{ op: 'delete', entity: 'baseline', id }, ...(compareBaselineIdOf(settings) === id ? [compareAgainst(null)] : [])];
}

/** Baselines newest first (then by name), for lists and choices. */
export function sortBaselines(list: readonly Baseline[]): Baseline[] {
  return [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.name.localeCompare(b.name));
}
