// Calendar dates as ISO strings (YYYY-MM-DD), never Date objects in data: a date typed as
// 1 March is 1 March in every time zone. Arithmetic goes through day numbers (days since
// 1970-01-01) on the proleptic Gregorian calendar, computed by integer arithmetic (H. Hinnant's
// days_from_civil / civil_from_days): no Date object, so no time zone, no daylight-saving jump,
// and years 1–99 stay years 1–99 (Date.UTC reads them as 1900–1999).
//
// One weekday convention everywhere: ISO, 1 = Monday … 7 = Sunday (settings.weekStart uses it too).

export type IsoDate = string;

const DIGIT0 = 48;
const DASH = 45;

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - DIGIT0;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date: exact for every year. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month (1–12) and day of a day number. */
export function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/**
 * Day number of a calendar date YYYY-MM-DD (years 0001–9999); null for anything else. Read by
 * character codes, without a regex or a Date: the roadmap and capacity read hundreds of
 * thousands of dates per rebuild.
 */
export function dayOf(iso: string | null | undefined): number | null {
  if (typeof iso !== 'string' || iso.length !== 10 || iso.charCodeAt(4) !== DASH || iso.charCodeAt(7) !== DASH) return null;
  const y = digits(iso, 0, 4);
  const m = digits(iso, 5, 7);
  const d = digits(iso, 8, 10);
  if (y < 1 || m < 1 || m > 12 || d < 1 || (d > 28 && d > daysInMonth(y, m))) return null;
  return daysFromCivil(y, m, d);
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && dayOf(value) !== null;
}

/** Day number of a calendar date; throws on anything else. */
export function toDayNumber(date: IsoDate): number {
  const day = dayOf(date);
  if (day === null) throw new RangeError(`Not a calendar date: ${date}`);
  return day;
}

export function fromParts(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function fromDayNumber(day: number): IsoDate {
  const { y, m, d } = civilFromDays(day);
  return fromParts(y, m, d);
}

/** The calendar date of a (possibly fractional) day number, as the roadmap's pixels give them. */
export function isoOf(day: number): IsoDate {
  return fromDayNumber(Math.floor(day));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** b − a in calendar days. */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Adds whole months, clamping the day to the month's length (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return fromParts(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (day 0, 1970-01-01, was a Thursday). */
export function weekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return weekdayOf(toDayNumber(date));
}

/** The day number of the first day of the week holding `day`, weeks starting on ISO weekday `weekStart` (1 = Monday). */
export function weekStartDay(day: number, weekStart = 1): number {
  return day - ((weekdayOf(day) - weekStart + 7) % 7);
}

/** ISO 8601 week: the week belongs to the year of its Thursday. */
export function isoWeek(date: IsoDate): { year: number; week: number } {
  return isoWeekOfDay(toDayNumber(date));
}

export function isoWeekOfDay(day: number): { year: number; week: number } {
  const thursday = day - weekdayOf(day) + 4;
  const year = civilFromDays(thursday).y;
  return { year, week: Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1 };
}

/** The Monday of ISO week `week` of `year` (week 1 holds 4 January); null when the year has no such week. */
export function isoWeekMonday(year: number, week: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(week) || year < 1 || year > 9999 || week < 1 || week > 53) return null;
  const jan4 = daysFromCivil(year, 1, 4);
  const monday = jan4 - weekdayOf(jan4) + 1 + (week - 1) * 7;
  // Week 53 exists only in long years: its Thursday must still be in `year`.
  if (week === 53 && civilFromDays(monday + 3).y !== year) return null;
  return monday;
}

/** Label such as 2026-W05. */
export function isoWeekLabel(date: IsoDate): string {
  const { year, week } = isoWeek(date);
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** The Monday that starts the ISO week containing `date`. */
export function startOfIsoWeek(date: IsoDate): IsoDate {
  return fromDayNumber(weekStartDay(toDayNumber(date), 1));
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0; // ISO strings sort as dates
}

/** Today's calendar date in the user's time zone, from an injected clock. */
export function localToday(now: Date): IsoDate {
  return fromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
