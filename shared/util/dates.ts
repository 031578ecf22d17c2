// Calendar dates as ISO strings (YYYY-MM-DD), never Date objects in data: a date typed as
// 1 March is 1 March in every time zone. Arithmetic goes through day numbers (days since
// 1970-01-01) computed in UTC, which has no daylight-saving jumps.

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

export function toDayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m || !isIsoDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  // Not Date.UTC: it reads years 0–99 as 1900–1999, so 0026-03-01 would become 1926-03-01.
  const utc = new Date(0);
  utc.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round(utc.getTime() / MS_PER_DAY);
}

export function fromDayNumber(day: number): IsoDate {
  const d = new Date(day * MS_PER_DAY);
  return fromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function fromParts(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
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

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** ISO 8601 week: the week belongs to the year of its Thursday. */
export function isoWeek(date: IsoDate): { year: number; week: number } {
  const day = toDayNumber(date);
  const thursday = day - isoWeekday(date) + 4;
  const year = Number(fromDayNumber(thursday).slice(0, 4));
  const jan1 = toDayNumber(fromParts(year, 1, 1));
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

/** Label such as 2026-W05. */
export function isoWeekLabel(date: IsoDate): string {
  const { year, week } = isoWeek(date);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday that starts the ISO week containing `date`. */
export function startOfIsoWeek(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0; // ISO strings sort as dates
}

/** Today's calendar date in the user's time zone, from an injected clock. */
export function localToday(now: Date): IsoDate {
  return fromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
