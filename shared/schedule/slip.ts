// Slip: how late a project or milestone is against its baseline, in calendar days and in
// working days.
//
// - Project slip = planned (forecast) finish − baseline finish; start slip likewise for starts.
//   Milestone slip = forecast date − baseline date. Positive = late, negative = early, 0 = on
//   the baseline. No slip (null) when either date is missing.
// - Working days are Monday to Friday, less the workbook's holidays (settings.holidays; a
//   holiday on a weekend changes nothing), counted by the calendar (shared/calendar/working.ts,
//   O(1) per call once the holidays are indexed). The working-day slip counts the working days after
//   the baseline date up to and including the new date: moving a date from Friday to the next
//   Monday is 1 working day late (3 calendar days); from Friday to Saturday is 0 working days.
//   Moving it earlier gives the same count, negative.
// - The baseline is either the record's own baseline fields (ownBaseline, the default) or a
//   named baseline snapshot (namedBaseline), through the same BaselineLookup.
import type { Baseline, Milestone, Project } from '../model/schemas';
import { isIsoDate, toDayNumber, workingDaysBetween, type Holidays, type IsoDate } from '../calendar';

/** Where baseline dates come from. Each returns null when there is no baseline date. */
export interface BaselineLookup {
  projectFinish(id: string): IsoDate | null;
  projectStart(id: string): IsoDate | null;
  milestoneDate(id: string): IsoDate | null;
}

/** The records' own baseline fields (project baselineStart/baselineFinish, milestone baselineDate). */
export function ownBaseline(records: {
  projects?: readonly Pick<Project, 'id' | 'baselineStart' | 'baselineFinish'>[];
  milestones?: readonly Pick<Milestone, 'id' | 'baselineDate'>[];
}): BaselineLookup {
  const projects = new Map((records.projects ?? []).map((p) => [p.id, p] as const));
  const milestones = new Map((records.milestones ?? []).map((m) => [m.id, m] as const));
  return {
    projectFinish: (id) => projects.get(id)?.baselineFinish ?? null,
    projectStart: (id) => projects.get(id)?.baselineStart ?? null,
    milestoneDate: (id) => milestones.get(id)?.baselineDate ?? null,
  };
}

/** A named baseline snapshot (the `baseline` entity). Items not in the snapshot have no baseline. */
export function namedBaseline(baseline: Pick<Baseline, 'projects' | 'milestones'>): BaselineLookup {
  const projects = new Map(baseline.projects.map((p) => [p.projectId, p] as const));
  const milestones = new Map(baseline.milestones.map((m) => [m.milestoneId, m] as const));
  return {
    projectFinish: (id) => projects.get(id)?.finish ?? null,
    projectStart: (id) => projects.get(id)?.start ?? null,
    milestoneDate: (id) => milestones.get(id)?.date ?? null,
  };
}

export interface Slip {
  baseline: IsoDate;
  current: IsoDate;
  /** current − baseline in calendar days (positive = late). */
  calendarDays: number;
  /** The same in working days (see the header). */
  workingDays: number;
}

/** Slip from a baseline date to a current date. */
export function slipBetween(baseline: IsoDate, current: IsoDate, holidays: Holidays): Slip {
  return { baseline, current, calendarDays: toDayNumber(current) - toDayNumber(baseline), workingDays: workingDaysBetween(baseline, current, holidays) };
}

function slipOrNull(baseline: IsoDate | null | undefined, current: IsoDate | null | undefined, holidays: Holidays): Slip | null {
  return baseline && current && isIsoDate(baseline) && isIsoDate(current) ? slipBetween(baseline, current, holidays) : null;
}

/** Project finish slip: planned finish − baseline finish; the record's own baseline unless one is given. */
export function projectSlip(project: Pick<Project, 'id' | 'finish'> & Partial<Pick<Project, 'baselineFinish'>>, holidays: Holidays, baseline?: BaselineLookup): Slip | null {
  const base = baseline ? baseline.projectFinish(project.id) : (project.baselineFinish ?? null);
  return slipOrNull(base, project.finish, holidays);
}

/** Project start slip: planned start − baseline start. */
export function projectStartSlip(project: Pick<Project, 'id' | 'start'> & Partial<Pick<Project, 'baselineStart'>>, holidays: Holidays, baseline?: BaselineLookup): Slip | null {
  const base = baseline ? baseline.projectStart(project.id) : (project.baselineStart ?? null);
  return slipOrNull(base, project.start, holidays);
}

/** Milestone slip: forecast date − baseline date. */
export function milestoneSlip(milestone: Pick<Milestone, 'id' | 'forecastDate'> & Partial<Pick<Milestone, 'baselineDate'>>, holidays: Holidays, baseline?: BaselineLookup): Slip | null {
  const base = baseline ? baseline.milestoneDate(milestone.id) : (milestone.baselineDate ?? null);
  return slipOrNull(base, milestone.forecastDate, holidays);
}
