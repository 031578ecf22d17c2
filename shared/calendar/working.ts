// Working days: Monday to Friday, less the workbook's holidays (settings.holidays; a holiday on a
// weekend changes nothing), and a person's own calendar on top (leave, holidays and part-time
// periods in resource.exceptions).
//
// Counting is O(1) per call once the holidays are indexed (buildHolidayIndex): weekdays by
// arithmetic on whole weeks, holidays by a running count over the holiday range.
import { dayOf, weekdayOf, type IsoDate } from './dates';

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

const NO_HOLIDAYS: HolidayIndex = { kind: 'holiday-index', countBetween: () => 0, isHoliday: () => false };

export function buildHolidayIndex(holidays: HolidayList): HolidayIndex {
  const days = new Set<number>();
  for (const h of holidays) {
    const day = dayOf(typeof h === 'string' ? h : h.date);
    if (day !== null && weekdayOf(day) <= 5) days.add(day);
  }
  const sorted = Int32Array.from(days).sort();
  const n = sorted.length;
  if (n === 0) return NO_HOLIDAYS;
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

export function holidayIndexOf(holidays: Holidays): HolidayIndex {
  return 'kind' in holidays && holidays.kind === 'holiday-index' ? holidays : buildHolidayIndex(holidays as HolidayList);
}

/** Mondays–Fridays among day numbers before `day` (relative to a fixed Monday; only differences matter). */
function weekdaysBefore(day: number): number {
  const m = day + 3; // shift so that 0 is a Monday
  return Math.floor(m / 7) * 5 + Math.min(((m % 7) + 7) % 7, 5);
}

/** Working days (Mon–Fri, not a holiday) from day number `from` to `to`, both included. */
export function workingDaysIn(from: number, to: number, index: HolidayIndex): number {
  if (to < from) return 0;
  return weekdaysBefore(to + 1) - weekdaysBefore(from) - index.countBetween(from, to);
}

export function isWorkingDayNumber(day: number, index: HolidayIndex): boolean {
  return weekdayOf(day) <= 5 && !index.isHoliday(day);
}

export function isWorkingDay(date: IsoDate, holidays: Holidays): boolean {
  const day = dayOf(date);
  return day !== null && isWorkingDayNumber(day, holidayIndexOf(holidays));
}

/**
 * Signed working days from a to b: the working days after a up to and including b when b is
 * later; minus the working days after b up to and including a when b is earlier; 0 when equal.
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate, holidays: Holidays): number {
  const index = holidayIndexOf(holidays);
  const da = dayOf(a);
  const db = dayOf(b);
  if (da === null || db === null) throw new RangeError(`Not a calendar date: ${da === null ? a : b}`);
  if (db > da) return workingDaysIn(da + 1, db, index);
  if (db < da) return 0 - workingDaysIn(db + 1, da, index); // 0 − x: never −0
  return 0;
}

/** A person's calendar: their dates, weekly hours and exceptions (the fields of a resource that capacity reads). */
export interface PersonCalendar {
  start: IsoDate | null;
  end: IsoDate | null;
  capacityHoursPerWeek: number;
  exceptions: readonly { kind: 'leave' | 'holiday' | 'part-time'; start: IsoDate; end: IsoDate; hoursPerWeek: number }[];
}

/**
 * A person's hours on each day from day `from` to `to` (both included): capacity ÷ 5 on their
 * working days inside their dates, 0 elsewhere. Calendar exceptions change the working days they
 * cover: leave and holiday give 0, part-time gives its hoursPerWeek ÷ 5. When exceptions overlap,
 * the one listed later wins for the shared days. Null when the person has no exceptions (then
 * hours are capacity ÷ 5 × working days, which the caller can count without a per-day array).
 */
export function personDailyHours(person: PersonCalendar, from: number, to: number, isWorking: (day: number) => boolean): Float64Array | null {
  const exceptions = person.exceptions.filter((x) => x.start <= x.end);
  if (exceptions.length === 0) return null;
  const n = Math.max(0, to - from + 1);
  const out = new Float64Array(n);
  const ps = Math.max(person.start ? (dayOf(person.start) ?? -Infinity) : -Infinity, from);
  const pe = Math.min(person.end ? (dayOf(person.end) ?? Infinity) : Infinity, to);
  const rate = person.capacityHoursPerWeek / 5;
  for (let d = ps; d <= pe; d++) if (isWorking(d)) out[d - from] = rate;
  for (const x of exceptions) {
    const perDay = x.kind === 'part-time' ? x.hoursPerWeek / 5 : 0;
    const a = Math.max(dayOf(x.start) ?? Infinity, ps);
    const b = Math.min(dayOf(x.end) ?? -Infinity, pe);
    for (let d = a; d <= b; d++) if (isWorking(d)) out[d - from] = perDay;
  }
  return out;
}
