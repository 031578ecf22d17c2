// Slip: how late a project or milestone is against its baseline, in calendar days and in
// working days.
//
// - Project slip = planned (forecast) finish − baseline finish; start slip likewise for starts.
//   Milestone slip = forecast date − baseline date. Positive = late, negative = early, 0 = on
//   the baseline. No slip (null) when either date is missing.
// - Working days are Monday to Friday, less the workbook's holidays (settings.holidays; a
//   holiday on a weekend changes nothing). The working-day slip counts the working days after
//   the baseline date up to and including the new date: moving a date from Friday to the next
//   Monday is 1 working day late (3 calendar days); from Friday to Saturday is 0 working days.
//   Moving it earlier gives the same count, negative.
// - The baseline is either the record's own baseline fields (ownBaseline, the default) or a
//   named baseline snapshot (namedBaseline), through the same BaselineLookup.
//
// workingDaysBetween is O(1) per call once the holidays are indexed (buildHolidayIndex): weekdays
// by arithmetic on whole weeks, holidays by a running count over the holiday range.
import type { Baseline, Milestone, Project } from '../model/schemas';
import { isIsoDate, toDayNumber, type IsoDate } from '../util/dates';

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

/** Holidays prepared for O(1) counting. Build once per holiday list. */
export interface HolidayIndex {
  readonly kind: 'holiday-index';
  /** Weekday holidays from day number `from` to `to`, both included. */
  countBetween(from: number, to: number): number;
  /** Whether the day number is a weekday holiday. */
  isHoliday(day: number): boolean;
}

export type HolidayList = readonly (IsoDate | { date: IsoDate })[];
/** An index, or a raw list (then indexed on each call: O(holidays)). */
export type Holidays = HolidayIndex | HolidayList;

/** A prefix table is used up to this many days of holiday range (≈ 550 years); binary search beyond. */
const MAX_TABLE_SPAN = 200_000;

export function buildHolidayIndex(holidays: HolidayList): HolidayIndex {
  const days = new Set<number>();
  for (const h of holidays) {
    const date = typeof h === 'string' ? h : h.date;
    if (!isIsoDate(date)) continue;
    const day = toDayNumber(date);
    if (weekdayIndex(day) < 5) days.add(day);
  }
  const sorted = Int32Array.from(days).sort();
  const n = sorted.length;
  if (n === 0) return { kind: 'holiday-index', countBetween: () => 0, isHoliday: () => false };
  const first = sorted[0]!;
  const span = sorted[n - 1]! - first + 1;
  // below(d) = how many holidays fall before day d.
  let below: (d: number) => number;
  if (span <= MAX_TABLE_SPAN) {
    const table = new Uint32Array(span + 1); // table[k] = holidays before first + k
    for (const d of sorted) table[d - first + 1]!++;
    for (let k = 1; k <= span; k++) table[k]! += table[k - 1]!;
    below = (d) => (d <= first ? 0 : d - first >= span ? n : table[d - first]!);
  } else {
    below = (d) => {
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid]! < d) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
  }
  return {
    kind: 'holiday-index',
    countBetween: (from, to) => (to < from ? 0 : below(to + 1) - below(from)),
    isHoliday: (day) => below(day + 1) - below(day) === 1,
  };
}

function asIndex(holidays: Holidays): HolidayIndex {
  return 'kind' in holidays && holidays.kind === 'holiday-index' ? holidays : buildHolidayIndex(holidays as HolidayList);
}

/** 0 = Monday … 6 = Sunday, for a day number (day 0, 1970-01-01, was a Thursday). */
function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Mondays–Fridays among day numbers before `day` (relative to a fixed Monday; only differences matter). */
function weekdaysBefore(day: number): number {
  const m = day + 3; // shift so that 0 is a Monday
  return Math.floor(m / 7) * 5 + Math.min(((m % 7) + 7) % 7, 5);
}

/** Working days (Mon–Fri, not a holiday) from day number `from` to `to`, both included. */
function workingDaysIn(from: number, to: number, index: HolidayIndex): number {
  if (to < from) return 0;
  return weekdaysBefore(to + 1) - weekdaysBefore(from) - index.countBetween(from, to);
}

/**
 * Signed working days from a to b: the working days after a up to and including b when b is
 * later; minus the working days after b up to and including a when b is earlier; 0 when equal.
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate, holidays: Holidays): number {
  const index = asIndex(holidays);
  const da = toDayNumber(a);
  const db = toDayNumber(b);
  if (db > da) return workingDaysIn(da + 1, db, index);
  if (db < da) return 0 - workingDaysIn(db + 1, da, index); // 0 − x: never −0
  return 0;
}

export function isWorkingDay(date: IsoDate, holidays: Holidays): boolean {
  const day = toDayNumber(date);
  return weekdayIndex(day) < 5 && !asIndex(holidays).isHoliday(day);
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
