// Period headers of wide allocation grids: one column per week ("2026-W05", "Wk 5 2026",
// "w/c 05/01/2026", a date cell) or per month ("Jan-26", "January 2026", "2026-01", a date
// cell on the 1st). Pure: no DOM, no Node. Weeks, months and their labels are the calendar's
// (shared/calendar): a month is labelled "Jan 2026" as everywhere else.
import type { SourceCell } from './source';
import { parseDateText, type DateOrder } from '../register/convert';
import { addDays, daysInMonth, diffDays, fromDayNumber, isIsoDate, isoWeekLabel, isoWeekMonday, isoWeekday, monthFromName, monthPeriod as calendarMonth, toDayNumber, weekStartDay, type IsoDate } from '../calendar';

export type PeriodKind = 'week' | 'month';

export interface Period {
  kind: PeriodKind;
  /** First day, inclusive. */
  start: IsoDate;
  /** Last day, inclusive. */
  end: IsoDate;
  /** "2026-W05", "w/c 2026-01-06" (a week not starting on an ISO Monday) or "Jan 2026". */
  label: string;
}

export interface PeriodOptions {
  /** How numeric dates in text are read: 03/04/2026 is 3 April in DMY, 4 March in MDY. */
  dateOrder: DateOrder;
  /**
   * ISO weekday weeks start on (1 = Monday … 7 = Sunday); default 1. Numbered weeks ("2026-W05")
   * follow ISO 8601 and are moved back to this weekday when it is not Monday.
   */
  weekStart?: number;
  /**
   * How a bare date (a date cell, "2026-01-05", "05/01/2026") is read: as a week commencing on
   * that day (default) or as the month containing it. detectPeriodColumns decides this from the
   * spacing of the columns and passes it on.
   */
  dateAs?: PeriodKind;
}

/** A month name or abbreviation in any of the five languages (shared/calendar/month-names). */
function monthOf(word: string): number | null {
  return monthFromName(word);
}

function weekStartOf(opts: PeriodOptions): number {
  const w = opts.weekStart;
  return w !== undefined && Number.isInteger(w) && w >= 1 && w <= 7 ? w : 1;
}

function weekPeriod(start: IsoDate): Period {
  const label = isoWeekday(start) === 1 ? isoWeekLabel(start) : `w/c ${start}`;
  return { kind: 'week', start, end: addDays(start, 6), label };
}

function monthPeriod(year: number, month: number): Period | null {
  return year >= 1 && year <= 9999 ? { kind: 'month', ...calendarMonth(year * 12 + month - 1) } : null;
}

/** A numbered ISO week, moved back to the workbook's week start when that is not Monday. */
function numberedWeek(year: number, week: number, opts: PeriodOptions): Period | null {
  const day = isoWeekMonday(year, week);
  if (day === null) return null;
  const monday = fromDayNumber(day);
  const ws = weekStartOf(opts);
  if (ws === 1) return weekPeriod(monday);
  // The week starting on the workbook's week-start day on or before the ISO Monday.
  const start = fromDayNumber(weekStartDay(day, ws));
  return { kind: 'week', start, end: addDays(start, 6), label: isoWeekLabel(monday) };
}

function fromDate(date: IsoDate, opts: PeriodOptions, ending = false): Period {
  if (opts.dateAs === 'month') return monthPeriod(Number(date.slice(0, 4)), Number(date.slice(5, 7)))!;
  return weekPeriod(ending ? addDays(date, -6) : date);
}

function twoDigitYear(t: string): number {
  const y = Number(t);
  return t.length === 2 ? (y < 70 ? 2000 + y : 1900 + y) : y;
}

const WEEK_YEAR_FIRST = /^(\d{4})\s*[-/ ]?\s*w(?:k|eek)?\.?\s*(\d{1,2})$/;
const WEEK_YEAR_LAST = /^w(?:k|eek)?\.?\s*(\d{1,2})\s*[-/, ]\s*(\d{4})$/;
const MONTH_WORD_YEAR = /^([a-z]{3,9})\.?\s*[-/ ']\s*'?(\d{2}|\d{4})$/;
const YEAR_MONTH_WORD = /^(\d{4})\s*[-/ ]\s*([a-z]{3,9})\.?$/;
const MONTH_NUM_YEAR = /^(\d{1,2})\s*[-/.]\s*(\d{4})$/;
const YEAR_MONTH_NUM = /^(\d{4})\s*[-/.]\s*(\d{1,2})$/;
/** "w/c", "wc", "week commencing", "week starting", "w/b", "w/e", "week ending" before a date. */
const WEEK_PREFIX = /^(w\s*\/\s*[cbe]|w\.?[cbe]\.?(?=[\s:\d])|(?:week|wk)\.?\s+(?:commencing|beginning|starting|ending|of))\s*:?\s*/;
const WEEK_ENDING = /^(?:w\s*\/\s*e|w\.?e\.?|(?:week|wk)\.?\s+ending)$/;

/**
 * A period from one header cell, or null. Numbered weeks need a year ("Wk 5" alone is null);
 * "1/26" and other two-number forms without a four-digit year are left alone as ambiguous.
 */
export function parsePeriodHeader(cell: SourceCell | string, opts: PeriodOptions): Period | null {
  if (cell === null || typeof cell === 'boolean' || typeof cell === 'number') return null;
  if (typeof cell === 'object') {
    if ('d' in cell && isIsoDate(cell.d)) return fromDate(cell.d, opts);
    return null;
  }
  const s = cell.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  if (s.length < 6 || s.length > 40) return null;

  let m = WEEK_YEAR_FIRST.exec(s);
  if (m) return numberedWeek(Number(m[1]), Number(m[2]), opts);
  m = WEEK_YEAR_LAST.exec(s);
  if (m) return numberedWeek(Number(m[2]), Number(m[1]), opts);

  m = MONTH_WORD_YEAR.exec(s);
  if (m) {
    const month = monthOf(m[1]!);
    return month === null ? null : monthPeriod(twoDigitYear(m[2]!), month);
  }
  m = YEAR_MONTH_WORD.exec(s);
  if (m) {
    const month = monthOf(m[2]!);
    return month === null ? null : monthPeriod(Number(m[1]), month);
  }
  m = MONTH_NUM_YEAR.exec(s);
  if (m) {
    const month = Number(m[1]);
    return month >= 1 && month <= 12 ? monthPeriod(Number(m[2]), month) : null;
  }
  m = YEAR_MONTH_NUM.exec(s);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? monthPeriod(Number(m[1]), month) : null;
  }

  // A date, possibly after "w/c" (week commencing) or "w/e" (week ending).
  let rest = s;
  let ending = false;
  const prefix = WEEK_PREFIX.exec(s);
  if (prefix) {
    ending = WEEK_ENDING.test(prefix[1]!);
    rest = s.slice(prefix[0].length);
  }
  if (!/\d/.test(rest)) return null;
  const date = parseDateText(rest, opts.dateOrder);
  if (!date.ok || typeof date.value !== 'string') return null;
  // An explicit week prefix wins over dateAs: "w/c 01/02/2026" is a week even in a month grid.
  return prefix ? weekPeriod(ending ? addDays(date.value, -6) : date.value) : fromDate(date.value, opts);
}

interface Parsed {
  column: number;
  /** 'date' when the header is a bare date: its kind depends on the spacing of the run. */
  family: PeriodKind | 'date';
  period: Period;
}

function monthIndex(date: IsoDate): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** How a run of bare dates is spaced: whole weeks, or the same day of successive months. */
function dateRunKind(run: Parsed[]): PeriodKind | null {
  const starts = run.map((p) => p.period.start);
  let weekly = true;
  let monthly = true;
  for (let i = 1; i < starts.length; i++) {
    const gap = diffDays(starts[i - 1]!, starts[i]!);
    if (gap <= 0 || gap % 7 !== 0) weekly = false;
    const a = starts[i - 1]!;
    const b = starts[i]!;
    // Successive months, on the same day (or each month's last day, for month-end grids).
    const sameDay = a.slice(8) === b.slice(8) || (isMonthEnd(a) && isMonthEnd(b));
    if (monthIndex(b) - monthIndex(a) !== 1 || !sameDay) monthly = false;
  }
  if (weekly) return 'week';
  if (monthly) return 'month';
  return null;
}

function isMonthEnd(d: IsoDate): boolean {
  return Number(d.slice(8)) === daysInMonth(Number(d.slice(0, 4)), Number(d.slice(5, 7)));
}

/**
 * The run of two or more adjacent period columns (the longest; the first of equal length),
 * with the kind decided from their spacing (7 days apart: weeks; successive months: months) and
 * each column's period. Null when there is no such run.
 */
export function detectPeriodColumns(
  headers: readonly (SourceCell | string)[],
  opts: PeriodOptions,
): { columns: number[]; kind: PeriodKind; periods: Period[] } | null {
  const base: PeriodOptions = { dateOrder: opts.dateOrder, weekStart: weekStartOf(opts), dateAs: 'week' };
  let best: { columns: number[]; kind: PeriodKind; periods: Period[] } | null = null;
  let run: Parsed[] = [];

  const close = () => {
    if (run.length >= 2) {
      const family = run[0]!.family;
      const kind = family === 'date' ? dateRunKind(run) : family;
      if (kind && (!best || run.length > best.columns.length)) {
        const periods = run.map((p) => (family === 'date' && kind === 'month' ? fromDate(p.period.start, { ...base, dateAs: 'month' }) : p.period));
        best = { columns: run.map((p) => p.column), kind, periods };
      }
    }
    run = [];
  };

  for (let c = 0; c < headers.length; c++) {
    const h = headers[c] ?? null;
    const period = parsePeriodHeader(h, base);
    if (!period) {
      close();
      continue;
    }
    const bareDate = typeof h === 'object' && h !== null ? true : !isLabelled(h as string);
    const family: Parsed['family'] = bareDate ? 'date' : period.kind;
    const prev = run[run.length - 1];
    if (prev && (prev.family !== family || toDayNumber(period.start) <= toDayNumber(prev.period.start))) {
      close();
    }
    run.push({ column: c, family, period });
  }
  close();
  return best;
}

/** Text that names its period kind itself (a week number, a month, "w/c …"), not a bare date. */
function isLabelled(text: string): boolean {
  const s = text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  if (WEEK_PREFIX.test(s)) return true;
  return WEEK_YEAR_FIRST.test(s) || WEEK_YEAR_LAST.test(s) || MONTH_WORD_YEAR.test(s) || YEAR_MONTH_WORD.test(s) || MONTH_NUM_YEAR.test(s) || YEAR_MONTH_NUM.test(s);
}

/** The period after `p` of the same kind (for filling a grid's gaps or extending it). */
export function nextPeriod(p: Period): Period {
  if (p.kind === 'week') return weekPeriod(addDays(p.start, 7));
  const y = Number(p.start.slice(0, 4));
  const m = Number(p.start.slice(5, 7));
  return { kind: 'month', ...calendarMonth(y * 12 + m) };
}
