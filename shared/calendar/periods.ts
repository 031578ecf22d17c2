// Periods of the calendar: ISO weeks, months, fiscal quarters and fiscal years, and their labels.
//
// One label per grain, wherever a period is named (heat map, demand grid, exported grid headers):
// - week: the ISO week "2026-W05" (Monday to Sunday, the year of its Thursday);
// - month: "Jan 2026" (English short month, four-digit year: the import's period parser reads it
//   back, and a four-digit year is never mistaken for a day);
// - quarter: "Q1 FY2026/27" for a fiscal year starting in April 2026, "Q1 FY2026" when the fiscal
//   year is the calendar year; fiscal years are named by the calendar year they start in.
import { civilFromDays, daysFromCivil, daysInMonth, fromDayNumber, fromParts, isoWeekLabel, toDayNumber, weekStartDay, type IsoDate } from './dates';

export const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "Jan 2026". */
export function monthLabel(year: number, month: number): string {
  return `${MONTH_SHORT[month - 1]!} ${year}`;
}

/** Month key year × 12 + (month − 1) of a day number: consecutive months have consecutive keys. */
export function monthKeyOf(day: number): number {
  const { y, m } = civilFromDays(day);
  return y * 12 + m - 1;
}

/** Day number of the first day of the month with key `key`. */
export function monthKeyStart(key: number): number {
  return daysFromCivil(Math.floor(key / 12), (((key % 12) + 12) % 12) + 1, 1);
}

/** The fiscal year a day falls in, named by the calendar year it starts in. */
export function fiscalYearOf(day: number, startMonth: number): number {
  const { y, m } = civilFromDays(day);
  return m >= startMonth ? y : y - 1;
}

/** Fiscal quarter (1–4) of a day. */
export function fiscalQuarterOf(day: number, startMonth: number): number {
  const { m } = civilFromDays(day);
  return Math.floor(((((m - startMonth) % 12) + 12) % 12) / 3) + 1;
}

/** Fiscal quarter key (fiscal year × 4 + quarter − 1) of a month key. */
export function fiscalQuarterKey(monthKey: number, startMonth: number): number {
  return Math.floor((monthKey - (startMonth - 1)) / 3);
}

/** "FY2026/27" for a year starting in April 2026; "FY2026" when the fiscal year is the calendar year. */
export function fiscalYearLabel(startYear: number, startMonth: number, short = false): string {
  const year = short ? String(startYear % 100).padStart(2, '0') : String(startYear);
  if (startMonth === 1) return `FY${year}`;
  return `FY${year}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** "Q1 FY2026/27" for the quarter with key fiscalYear × 4 + (quarter − 1). */
export function quarterLabel(quarterKey: number, startMonth: number): string {
  const fy = Math.floor(quarterKey / 4);
  return `Q${quarterKey - fy * 4 + 1} ${fiscalYearLabel(fy, startMonth)}`;
}

export type PeriodUnit = 'week' | 'month';

/** A week or month: first and last day (both included) and its label. */
export interface CalendarPeriod {
  start: IsoDate;
  end: IsoDate;
  label: string;
}

/** ISO weeks (Monday–Sunday) or calendar months covering from … to, at most `max` of them. */
export function calendarPeriods(unit: PeriodUnit, from: IsoDate, to: IsoDate, max: number): CalendarPeriod[] {
  const out: CalendarPeriod[] = [];
  const last = toDayNumber(to);
  if (unit === 'week') {
    for (let d = weekStartDay(toDayNumber(from), 1); d <= last && out.length < max; d += 7) {
      const start = fromDayNumber(d);
      out.push({ start, end: fromDayNumber(d + 6), label: isoWeekLabel(start) });
    }
    return out;
  }
  for (let key = monthKeyOf(toDayNumber(from)); monthKeyStart(key) <= last && out.length < max; key++) out.push(monthPeriod(key));
  return out;
}

/** The calendar month with key year × 12 + (month − 1). */
export function monthPeriod(key: number): CalendarPeriod {
  const y = Math.floor(key / 12);
  const m = key - y * 12 + 1;
  return { start: fromParts(y, m, 1), end: fromParts(y, m, daysInMonth(y, m)), label: monthLabel(y, m) };
}
