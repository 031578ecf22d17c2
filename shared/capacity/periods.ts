// Periods for capacity: ISO weeks (Monday–Sunday) as the base grain, and months and fiscal
// quarters rolled up from them. Dates, weekdays, labels and working days come from the calendar
// (shared/calendar); this file only lays them out as arrays over a range of weeks.
//
// - A week is an ISO week, Monday to Sunday, labelled like 2026-W05 (the year of its Thursday, so
//   2026-W53 runs from Mon 28 Dec 2026 to Sun 3 Jan 2027). settings.weekStart is not used here:
//   capacity is always counted in ISO weeks.
// - A month is labelled like 'Jan 2026'; a quarter by the fiscal year it falls in, e.g. with the
//   fiscal year starting in April, Apr–Jun 2026 is 'Q1 FY2026/27' and Jan–Mar 2027 is
//   'Q4 FY2026/27' (with a January start: 'Q1 FY2026').
// - A week that straddles two months is cut at the first day of the new month: every weekly
//   figure is kept as two parts (the days before the cut and the days from it), so a month holds
//   exactly the hours of its own days, for capacity and demand alike (an allocation ending on
//   31 December gives January nothing, even when that week's other days fall in January).
//   Months and quarters at the ends of the range hold only the weeks inside the range, and their
//   start/end dates are clipped to the range accordingly.
// - Dates are handled as day numbers; the week of a day is floor((day − first Monday) ÷ 7),
//   never a scan over the periods.
import { buildHolidayIndex, fiscalQuarterKey, fromDayNumber, isoWeekLabel, monthKeyOf, monthKeyStart, monthLabel, quarterLabel, toDayNumber, weekStartDay, type HolidayList, type IsoDate } from '../calendar';

export type Grain = 'week' | 'month' | 'quarter';

export interface Periods {
  grain: Grain;
  start: IsoDate[];
  end: IsoDate[];
  label: string[];
}

function weekRange(from: IsoDate, to: IsoDate): { monday: number; count: number } {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  const monday = weekStartDay(a, 1);
  const count = b < a ? 0 : Math.floor((b - monday) / 7) + 1;
  return { monday, count };
}

/** The ISO weeks from the week containing `from` to the week containing `to` (none when to < from). */
export function weeksBetween(from: IsoDate, to: IsoDate): Periods {
  const { monday, count } = weekRange(from, to);
  const out: Periods = { grain: 'week', start: [], end: [], label: [] };
  for (let w = 0; w < count; w++) {
    const start = fromDayNumber(monday + 7 * w);
    out.start.push(start);
    out.end.push(fromDayNumber(monday + 7 * w + 6));
    out.label.push(isoWeekLabel(start));
  }
  return out;
}

/** The calendar of a range of weeks: working days by day and by week, and the month/quarter split. */
export interface Calendar {
  /** Day number of the first Monday. */
  readonly base: number;
  readonly weekCount: number;
  readonly weeks: Periods;
  /** 1 when the day (base + i) is a working day. */
  readonly working: Uint8Array;
  /** prefix[i] = working days among the days base … base + i − 1. */
  readonly prefix: Int32Array;
  /** Working days of each week. */
  readonly weekDays: Int32Array;
  /**
   * Where each week is cut between two months: the offset (1–6) from its Monday of the first day
   * of the new month, or 7 when the whole week is in one month. Weekly figures are kept in two
   * parts, [2w] for the days before the cut and [2w + 1] for the days from it.
   */
  readonly cut: Int8Array;
  /** Working days of each week before its cut (all of them when it has none). */
  readonly headDays: Int32Array;
  rollup(grain: 'month' | 'quarter'): Rollup;
  /** Working days from day `a` to day `b` (both included), clipped to the range. */
  workingDays(a: number, b: number): number;
}

/**
 * How weeks map onto months or quarters: week w gives the part before its cut to first[w] and
 * the part from it to second[w]; second[w] is −1 when the whole week is in one period (a week
 * cut between two months of the same quarter gives both parts to that quarter).
 */
export interface Rollup {
  readonly periods: Periods;
  readonly first: Int32Array;
  readonly second: Int32Array;
  /** The weeks touching each period: weekFrom[p] … weekTo[p]. */
  readonly weekFrom: Int32Array;
  readonly weekTo: Int32Array;
}

export function buildCalendar(range: { from: IsoDate; to: IsoDate }, holidays: HolidayList, fiscalYearStartMonth: number): Calendar {
  const { monday: base, count } = weekRange(range.from, range.to);
  const days = count * 7;
  const index = buildHolidayIndex(holidays);
  const working = new Uint8Array(days);
  const prefix = new Int32Array(days + 1);
  const weekDays = new Int32Array(count);
  const cut = new Int8Array(count).fill(7);
  const headDays = new Int32Array(count);
  for (let i = 0; i < days; i++) {
    const wd = i % 7 < 5 && !index.isHoliday(base + i) ? 1 : 0;
    working[i] = wd;
    prefix[i + 1] = prefix[i]! + wd;
  }
  // Month keys change at most once a week: one date conversion per week.
  for (let w = 0; w < count; w++) {
    const monday = base + 7 * w;
    weekDays[w] = prefix[7 * w + 7]! - prefix[7 * w]!;
    const key = monthKeyOf(monday);
    if (monthKeyOf(monday + 6) !== key) cut[w] = monthKeyStart(key + 1) - monday;
    headDays[w] = prefix[7 * w + cut[w]!]! - prefix[7 * w]!;
  }
  const last = base + days - 1;
  const cache = new Map<string, Rollup>();
  const calendar: Calendar = {
    base,
    weekCount: count,
    weeks: weeksBetween(range.from, range.to),
    working,
    prefix,
    weekDays,
    cut,
    headDays,
    workingDays(a, b) {
      const lo = a < base ? base : a;
      const hi = b > last ? last : b;
      return hi < lo ? 0 : prefix[hi - base + 1]! - prefix[lo - base]!;
    },
    rollup(grain) {
      let r = cache.get(grain);
      if (!r) {
        r = buildRollup(calendar, grain, fiscalYearStartMonth);
        cache.set(grain, r);
      }
      return r;
    },
  };
  return calendar;
}

function buildRollup(cal: Calendar, grain: 'month' | 'quarter', fiscalStart: number): Rollup {
  const n = cal.weekCount;
  const first = new Int32Array(n).fill(-1);
  const second = new Int32Array(n).fill(-1);
  const periods: Periods = { grain, start: [], end: [], label: [] };
  const keys: number[] = [];
  const weekFrom: number[] = [];
  const weekTo: number[] = [];
  const periodKey = (mk: number) => (grain === 'month' ? mk : fiscalQuarterKey(mk, fiscalStart));
  /** The period of `key`, opened at day `from` or extended to day `to`. */
  const periodOf = (key: number, from: number, to: number, w: number): number => {
    const lastIx = keys.length - 1;
    if (lastIx >= 0 && keys[lastIx] === key) {
      weekTo[lastIx] = w;
      periods.end[lastIx] = fromDayNumber(to);
      return lastIx;
    }
    keys.push(key);
    weekFrom.push(w);
    weekTo.push(w);
    periods.start.push(fromDayNumber(from));
    periods.end.push(fromDayNumber(to));
    periods.label.push(grain === 'month' ? monthLabel(Math.floor(key / 12), (key % 12) + 1) : quarterLabel(key, fiscalStart));
    return keys.length - 1;
  };
  for (let w = 0; w < n; w++) {
    const monday = cal.base + 7 * w;
    const c = cal.cut[w]!;
    const a = periodOf(periodKey(monthKeyOf(monday)), monday, monday + c - 1, w);
    first[w] = a;
    if (c < 7) {
      const b = periodOf(periodKey(monthKeyOf(monday + c)), monday + c, monday + 6, w);
      if (b !== a) second[w] = b;
    }
  }
  return { periods, first, second, weekFrom: Int32Array.from(weekFrom), weekTo: Int32Array.from(weekTo) };
}
