// Periods for capacity: ISO weeks (Monday–Sunday) as the base grain, and months and fiscal
// quarters rolled up from them.
//
// - A week is an ISO week, Monday to Sunday, labelled like 2026-W05 (the year of its Thursday, so
//   2026-W53 runs from Mon 28 Dec 2026 to Sun 3 Jan 2027). settings.weekStart is not used here:
//   capacity is always counted in ISO weeks.
// - A month is labelled like 'Jan 2026'; a quarter by the fiscal year it falls in, e.g. with the
//   fiscal year starting in April, Apr–Jun 2026 is 'Q1 FY2026/27' and Jan–Mar 2027 is
//   'Q4 FY2026/27' (with a January start: 'Q1 FY2026').
// - A week that straddles two months (or quarters) is split between them by its working days
//   (Monday–Friday less the workbook's holidays); a week without any working day is split by its
//   weekdays. Months and quarters at the ends of the range hold only the weeks inside the range,
//   and their start/end dates are clipped to the range accordingly.
// - Dates are handled as day numbers (days since 1970-01-01); the week of a day is
//   floor((day − first Monday) ÷ 7), never a scan over the periods.
import { buildHolidayIndex, type HolidayList } from '../schedule/slip';
import { fromDayNumber, isoWeekLabel, toDayNumber, type IsoDate } from '../util/dates';

export type Grain = 'week' | 'month' | 'quarter';

export interface Periods {
  grain: Grain;
  start: IsoDate[];
  end: IsoDate[];
  label: string[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Day number of an ISO date: a fast path by character codes, checked by the strict parser otherwise. */
export function dayNumber(date: IsoDate): number {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y = digits(date, 0, 4);
    const m = digits(date, 5, 7);
    const d = digits(date, 8, 10);
    if (y >= 1 && m >= 1 && m <= 12 && d >= 1 && (d <= 28 || d <= monthLength(y, m))) return daysFromCivil(y, m, d);
  }
  return toDayNumber(date); // anything else (it throws on an invalid date)
}

function monthLength(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

function weekRange(from: IsoDate, to: IsoDate): { monday: number; count: number } {
  const a = dayNumber(from);
  const b = dayNumber(to);
  const monday = a - weekdayOf(a);
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
  rollup(grain: 'month' | 'quarter'): Rollup;
  /** Working days from day `a` to day `b` (both included), clipped to the range. */
  workingDays(a: number, b: number): number;
}

/** How weeks map onto months or quarters: week w gives share[w] to first[w] and the rest to second[w] (−1: none). */
export interface Rollup {
  readonly periods: Periods;
  readonly first: Int32Array;
  readonly second: Int32Array;
  readonly share: Float64Array;
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
  for (let i = 0; i < days; i++) {
    const day = base + i;
    const wd = i % 7 < 5 && !index.isHoliday(day) ? 1 : 0;
    working[i] = wd;
    prefix[i + 1] = prefix[i]! + wd;
  }
  for (let w = 0; w < count; w++) weekDays[w] = prefix[7 * w + 7]! - prefix[7 * w]!;
  const last = base + days - 1;
  const cache = new Map<string, Rollup>();
  const calendar: Calendar = {
    base,
    weekCount: count,
    weeks: weeksBetween(range.from, range.to),
    working,
    prefix,
    weekDays,
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

/** Month key y × 12 + (m − 1) of a day number. */
function monthKey(day: number): number {
  const iso = fromDayNumber(day);
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

function buildRollup(cal: Calendar, grain: 'month' | 'quarter', fiscalStart: number): Rollup {
  const n = cal.weekCount;
  const first = new Int32Array(n).fill(-1);
  const second = new Int32Array(n).fill(-1);
  const share = new Float64Array(n);
  const periods: Periods = { grain, start: [], end: [], label: [] };
  const keys: number[] = [];
  const weekFrom: number[] = [];
  const weekTo: number[] = [];
  const periodKey = (mk: number) => (grain === 'month' ? mk : Math.floor((mk - (fiscalStart - 1)) / 3));
  const periodOf = (key: number, day: number, w: number): number => {
    if (keys.length && keys[keys.length - 1] === key) {
      weekTo[keys.length - 1] = w;
      periods.end[keys.length - 1] = fromDayNumber(day);
      return keys.length - 1;
    }
    keys.push(key);
    weekFrom.push(w);
    weekTo.push(w);
    periods.start.push(fromDayNumber(day));
    periods.end.push(fromDayNumber(day));
    periods.label.push(periodLabel(grain, key, fiscalStart));
    return keys.length - 1;
  };
  // Month keys change at most once a week, so one date conversion per week and per month start.
  let key = periodKey(monthKey(cal.base));
  for (let w = 0; w < n; w++) {
    const monday = cal.base + 7 * w;
    let workA = 0;
    let workB = 0;
    let daysA = 0;
    let daysB = 0;
    let a = -1;
    let b = -1;
    for (let i = 0; i < 7; i++) {
      const day = monday + i;
      if (i === 0 || isMonthStart(day)) key = periodKey(monthKey(day));
      const p = periodOf(key, day, w);
      if (a === -1 || p === a) {
        a = p;
        workA += cal.working[7 * w + i]!;
        if (i < 5) daysA++;
      } else {
        b = p;
        workB += cal.working[7 * w + i]!;
        if (i < 5) daysB++;
      }
    }
    first[w] = a;
    second[w] = b;
    share[w] = b === -1 ? 1 : workA + workB > 0 ? workA / (workA + workB) : daysA / (daysA + daysB);
  }
  return { periods, first, second, share, weekFrom: Int32Array.from(weekFrom), weekTo: Int32Array.from(weekTo) };
}

function isMonthStart(day: number): boolean {
  return fromDayNumber(day).endsWith('-01');
}

function periodLabel(grain: 'month' | 'quarter', key: number, fiscalStart: number): string {
  if (grain === 'month') return `${MONTHS[((key % 12) + 12) % 12]!} ${Math.floor(key / 12)}`;
  const fy = Math.floor(key / 4);
  const q = key - fy * 4 + 1;
  return fiscalStart === 1 ? `Q${q} FY${fy}` : `Q${q} FY${fy}/${String((fy + 1) % 100).padStart(2, '0')}`;
}
