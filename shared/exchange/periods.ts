// Period headers of wide allocation grids: one column per week ("2026-W05", "Wk 5 2026",
// "w/c 05/01/2026", a date cell) or per month ("Jan-26", "January 2026", "2026-01", a date
// cell on the 1st). Pure: no DOM, no Node. Weeks, months and their labels are the calendar's
// (shared/calendar): a month is labelled "Jan 2026" as everywhere else.
import type { SourceCell } from './source';
import { parseDateText, type DateOrder } from '../register/convert';
import { addDays, daysInMonth, diffDays, fromDayNumber, isIsoDate, isoWeek, isoWeekLabel, isoWeekMonday, isoWeekday, monthFromName, monthPeriod as calendarMonth, toDayNumber, weekStartDay, type IsoDate } from '../calendar';

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
  /**
   * The year of headers that give none ("W05", "KW 5", "Jan") when no header beside them has
   * one: the year of the sheet's other dates or the file's (analyse.ts finds it).
   */
  year?: number;
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

// ---- One header cell ---------------------------------------------------------------------------

/**
 * Words for a numbered week: "W05", "Wk 5", "Week 5", "KW 5" (German Kalenderwoche), "CW 5",
 * "Sem. 5" (French semaine, Spanish semana), "Woche 5".
 */
const WEEK_WORD = String.raw`(?:w|wk|wks|week|kw|cw|kalenderwoche|woche|sem|semaine|semana)\.?`;
const WEEK_YEAR_FIRST = new RegExp(String.raw`^(\d{4})\s*[-/ ]?\s*${WEEK_WORD}\s*(\d{1,2})$`);
const WEEK_YEAR_LAST = new RegExp(String.raw`^${WEEK_WORD}\s*(\d{1,2})\s*(?:[-/, ]|\s+of\s+)\s*(\d{4})$`);
/** A two-digit year after a week number only with "/" or "'" ("KW05/26", "W5 '26"): "W5-26" reads as a range. */
const WEEK_SHORT_YEAR = new RegExp(String.raw`^${WEEK_WORD}\s*(\d{1,2})\s*(?:/|\s?')\s*(\d{2})$`);
const WEEK_NO_YEAR = new RegExp(String.raw`^${WEEK_WORD}\s*(\d{1,2})$`);
/** A week number followed by its first day: "KW 2 (05.01.2026)", "W02 - 5 Jan 2026". */
const WEEK_NUMBER_DATE = new RegExp(String.raw`^${WEEK_WORD}\s*\d{1,2}\s*[-:,(]?\s*([^()]*\d[^()]*)\)?$`);
const MONTH_WORD_YEAR = /^(\p{L}{3,12})\.?\s*[-/ ']?\s*'?(\d{2}|\d{4})$/u;
const YEAR_MONTH_WORD = /^(\d{4})\s*[-/ ]?\s*(\p{L}{3,12})\.?$/u;
/** A month name alone ("Jan", "März"): its year comes from the headers beside it or the sheet. */
const MONTH_WORD = /^(\p{L}{3,12})\.?$/u;
const MONTH_NUM_YEAR = /^(\d{1,2})\s*[-/.]\s*(\d{4})$/;
const YEAR_MONTH_NUM = /^(\d{4})\s*(?:[-/.]|m)\s*(\d{1,2})$/;
/**
 * Before a date: "w/c", "wc", "w/b", "w/e", "week commencing", "week starting", "week of",
 * "week ending", "Woche vom", "KW ab", "semaine du", "semana del", "week van".
 */
const WEEK_PREFIX = /^(w\s*\/\s*[cbe]|w\.?[cbe]\.?(?=[\s:\d])|(?:week|wk)\.?\s+(?:commencing|beginning|starting|ending|of|van|vanaf)|woche\s+(?:vom|ab)|kw\s+ab|(?:semaine|sem\.?)\s+du|semana\s+del?)\s*:?\s*/;
const WEEK_ENDING = /^(?:w\s*\/\s*e|w\.?e\.?|(?:week|wk)\.?\s+ending)$/;

/** What one header cell says, before the day/month order and missing years are decided. */
type Token =
  | { t: 'week'; week: number; year: number | null }
  | { t: 'month'; month: number; year: number | null }
  /** A date cell (`iso`) or date text; `mark` when the header says it is a week's first or last day. */
  | { t: 'date'; iso: IsoDate | null; text: string; mark: 'start' | 'end' | null };

function dateText(text: string, order: DateOrder): IsoDate | null {
  const r = parseDateText(text, order);
  return r.ok && typeof r.value === 'string' ? (r.value as IsoDate) : null;
}

function dateToken(text: string, mark: 'start' | 'end' | null): Token | null {
  if (!/\d/.test(text)) return null;
  if (!dateText(text, 'DMY') && !dateText(text, 'MDY') && !dateText(text, 'YMD')) return null;
  return { t: 'date', iso: null, text, mark };
}

function readHeader(cell: SourceCell | string): Token | null {
  if (cell === null || typeof cell === 'boolean' || typeof cell === 'number') return null;
  if (typeof cell === 'object') return 'd' in cell && isIsoDate(cell.d) ? { t: 'date', iso: cell.d, text: '', mark: null } : null;
  const s = cell.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  if (s.length < 2 || s.length > 40) return null;
  const week = (w: string, y: number | null): Token | null => {
    const n = Number(w);
    return n >= 1 && n <= 53 ? { t: 'week', week: n, year: y } : null;
  };
  const month = (word: string, y: number | null): Token | null => {
    const n = monthOf(word);
    return n === null ? null : { t: 'month', month: n, year: y };
  };
  const monthNum = (mt: string, y: number): Token | null => {
    const n = Number(mt);
    return n >= 1 && n <= 12 ? { t: 'month', month: n, year: y } : null;
  };

  let m = WEEK_YEAR_FIRST.exec(s);
  if (m) return week(m[2]!, Number(m[1]));
  m = WEEK_YEAR_LAST.exec(s);
  if (m) return week(m[1]!, Number(m[2]));
  m = WEEK_SHORT_YEAR.exec(s);
  if (m) return week(m[1]!, twoDigitYear(m[2]!));
  m = WEEK_NO_YEAR.exec(s);
  if (m) return week(m[1]!, null);

  m = MONTH_WORD_YEAR.exec(s);
  if (m) return month(m[1]!, twoDigitYear(m[2]!));
  m = YEAR_MONTH_WORD.exec(s);
  if (m) return month(m[2]!, Number(m[1]));
  m = MONTH_NUM_YEAR.exec(s);
  if (m) return monthNum(m[1]!, Number(m[2]));
  m = YEAR_MONTH_NUM.exec(s);
  if (m) return monthNum(m[2]!, Number(m[1]));
  m = MONTH_WORD.exec(s);
  if (m) return month(m[1]!, null);

  // A date, possibly after "w/c" (week commencing) or "w/e" (week ending), or after a week number.
  const prefix = WEEK_PREFIX.exec(s);
  if (prefix) return dateToken(s.slice(prefix[0].length), WEEK_ENDING.test(prefix[1]!) ? 'end' : 'start');
  m = WEEK_NUMBER_DATE.exec(s);
  if (m) return dateToken(m[1]!.trim(), 'start');
  return dateToken(s, null);
}

function tokenDate(t: Token & { t: 'date' }, order: DateOrder): IsoDate | null {
  return t.iso ?? dateText(t.text, order);
}

/** The period of one token once its year (for numbered weeks and months without one) and date order are known. */
function periodOf(t: Token, order: DateOrder, year: number | null, dateAs: PeriodKind, opts: PeriodOptions): Period | null {
  if (t.t === 'week') {
    const y = t.year ?? year;
    return y === null ? null : numberedWeek(y, t.week, opts);
  }
  if (t.t === 'month') {
    const y = t.year ?? year;
    return y === null ? null : monthPeriod(y, t.month);
  }
  const d = tokenDate(t, order);
  if (!d) return null;
  // An explicit week mark wins over dateAs: "w/c 01/02/2026" is a week even in a month grid.
  if (t.mark) return weekPeriod(t.mark === 'end' ? addDays(d, -6) : d);
  return fromDate(d, { ...opts, dateAs });
}

/**
 * A period from one header cell, or null. Numbered weeks and month names need a year ("Wk 5"
 * and "Jan" alone are null unless `opts.year` gives one); "1/26" and other two-number forms
 * without a four-digit year are left alone as ambiguous.
 */
export function parsePeriodHeader(cell: SourceCell | string, opts: PeriodOptions): Period | null {
  const t = readHeader(cell);
  return t ? periodOf(t, opts.dateOrder, opts.year ?? null, opts.dateAs ?? 'week', opts) : null;
}

// ---- A row of headers --------------------------------------------------------------------------

/** A run of period columns: which columns, weeks or months, each column's period. */
export interface PeriodColumns {
  columns: number[];
  kind: PeriodKind;
  periods: Period[];
  /**
   * How numeric dates in these headers were read, when any could be read both ways: from the
   * headers' own dates that can be read one way only ("1/19/2026"), from their spacing (only one
   * order gives successive weeks or months), or in the order given (the file's or workbook's).
   */
  dateOrder?: { order: 'DMY' | 'MDY'; from: 'headers' | 'spacing' | 'given' };
  /**
   * Where headers without a year ("W05", "KW 5", "Jan") took theirs: from a neighbour that has
   * one (a run that passes the end of the year moves on to the next), or from `opts.year`.
   */
  yearFrom?: 'headers' | 'given';
}

type Family = PeriodKind | 'date';

function familyOf(t: Token): Family {
  if (t.t === 'week' || (t.t === 'date' && t.mark)) return 'week';
  return t.t === 'month' ? 'month' : 'date';
}

function monthIndex(date: IsoDate): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function isMonthEnd(d: IsoDate): boolean {
  return Number(d.slice(8)) === daysInMonth(Number(d.slice(0, 4)), Number(d.slice(5, 7)));
}

/** How a run of bare dates is spaced: whole weeks apart, or the same day of successive months. */
function dateRunKind(starts: readonly IsoDate[]): PeriodKind | null {
  let weekly = true;
  let monthly = true;
  for (let i = 1; i < starts.length; i++) {
    const a = starts[i - 1]!;
    const b = starts[i]!;
    const gap = diffDays(a, b);
    if (gap <= 0 || gap % 7 !== 0) weekly = false;
    // Successive months, on the same day (or each month's last day, for month-end grids).
    const sameDay = a.slice(8) === b.slice(8) || (isMonthEnd(a) && isMonthEnd(b));
    if (monthIndex(b) - monthIndex(a) !== 1 || !sameDay) monthly = false;
  }
  if (weekly) return 'week';
  if (monthly) return 'month';
  return null;
}

/**
 * The periods of a run of tokens of one kind, or null when one cannot be read (a header
 * without a year and none to take). Headers without a year take it from the nearest one that
 * has one (a date, "2026-W50", "Jan 2026"): after it, each time the number goes down (W52 → W01,
 * Dec → Jan) the year moves on; before it, back. With no year in the run, the first takes
 * `opts.year`.
 */
function resolveRun(tokens: readonly Token[], kind: PeriodKind, order: DateOrder, opts: PeriodOptions): { periods: Period[]; yearFrom?: 'headers' | 'given' } | null {
  const n = tokens.length;
  const years: (number | null)[] = new Array(n).fill(null);
  const nums: number[] = new Array(n).fill(0);
  let yearless = false;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (t.t === 'week') {
      years[i] = t.year;
      nums[i] = t.week;
    } else if (t.t === 'month') {
      years[i] = t.year;
      nums[i] = t.month;
    } else {
      const d = tokenDate(t, order);
      if (!d) return null;
      if (kind === 'month') {
        years[i] = Number(d.slice(0, 4));
        nums[i] = Number(d.slice(5, 7));
      } else {
        const w = isoWeek(t.mark === 'end' ? addDays(d, -6) : d);
        years[i] = w.year;
        nums[i] = w.week;
      }
    }
    if (years[i] === null) yearless = true;
  }
  let yearFrom: 'headers' | 'given' | undefined;
  if (yearless) {
    let first = years.findIndex((y) => y !== null);
    if (first < 0) {
      if (opts.year === undefined) return null;
      years[0] = opts.year;
      first = 0;
      yearFrom = 'given';
    } else yearFrom = 'headers';
    for (let i = first + 1; i < n; i++) if (years[i] === null) years[i] = years[i - 1]! + (nums[i]! <= nums[i - 1]! ? 1 : 0);
    for (let i = first - 1; i >= 0; i--) if (years[i] === null) years[i] = years[i + 1]! - (nums[i]! >= nums[i + 1]! ? 1 : 0);
  }
  const periods: Period[] = [];
  for (let i = 0; i < n; i++) {
    const p = periodOf(tokens[i]!, order, years[i]!, kind, opts);
    if (!p) return null;
    periods.push(p);
  }
  return { periods, ...(yearFrom ? { yearFrom } : {}) };
}

/** Bare dates take the kind of the nearest labelled header of their run of adjacent headers. */
function families(tokens: readonly Token[]): Family[] {
  const fam = tokens.map(familyOf);
  const out = [...fam];
  for (let i = 0; i < fam.length; i++) {
    if (fam[i] !== 'date') continue;
    let k: Family = 'date';
    for (let j = i - 1; j >= 0 && k === 'date'; j--) k = fam[j]!;
    for (let j = i + 1; j < fam.length && k === 'date'; j++) k = fam[j]!;
    out[i] = k;
  }
  return out;
}

/** Every run of two or more adjacent, increasing period columns of one kind, read in `order`. */
function runsWith(tokens: readonly (Token | null)[], order: DateOrder, opts: PeriodOptions): PeriodColumns[] {
  const out: PeriodColumns[] = [];
  const usable = (t: Token | null): t is Token => t !== null && (t.t !== 'date' || tokenDate(t, order) !== null);
  for (let c = 0; c < tokens.length; ) {
    if (!usable(tokens[c] ?? null)) {
      c++;
      continue;
    }
    // A stretch of adjacent headers that read as periods.
    const cols: number[] = [];
    while (c < tokens.length && usable(tokens[c] ?? null)) cols.push(c++);
    const seg = cols.map((i) => tokens[i]!);
    const fam = families(seg);
    for (let a = 0; a < seg.length; ) {
      let b = a + 1;
      while (b < seg.length && fam[b] === fam[a]) b++;
      out.push(...increasingRuns(cols.slice(a, b), seg.slice(a, b), fam[a]!, order, opts));
      a = b;
    }
  }
  return out;
}

function increasingRuns(cols: number[], seg: Token[], family: Family, order: DateOrder, opts: PeriodOptions): PeriodColumns[] {
  const out: PeriodColumns[] = [];
  if (family === 'date') {
    // Bare dates only: their spacing says weeks or months (split where they stop increasing).
    const runs: { cols: number[]; toks: Token[] }[] = [];
    let prev: IsoDate | null = null;
    seg.forEach((t, i) => {
      const d = tokenDate(t as Token & { t: 'date' }, order)!;
      if (!prev || toDayNumber(d) <= toDayNumber(prev)) runs.push({ cols: [], toks: [] });
      runs[runs.length - 1]!.cols.push(cols[i]!);
      runs[runs.length - 1]!.toks.push(t);
      prev = d;
    });
    for (const r of runs) {
      if (r.cols.length < 2) continue;
      const k = dateRunKind(r.toks.map((t) => tokenDate(t as Token & { t: 'date' }, order)!));
      if (!k) continue;
      const res = resolveRun(r.toks, k, order, opts);
      if (res) out.push({ columns: r.cols, kind: k, ...res });
    }
    return out;
  }
  const kind: PeriodKind = family;
  const res = resolveRun(seg, kind, order, opts);
  if (!res) return out;
  // A run goes on while its periods follow each other: later months; weeks whole weeks apart (a
  // week may be missing), so that "w/c 3 Feb", "w/c 3 Sep" is no grid.
  const follows = (a: Period, b: Period) => {
    const gap = toDayNumber(b.start) - toDayNumber(a.start);
    return gap > 0 && (kind === 'month' || gap % 7 === 0);
  };
  let start = 0;
  for (let i = 1; i <= seg.length; i++) {
    if (i < seg.length && follows(res.periods[i - 1]!, res.periods[i]!)) continue;
    if (i - start >= 2) out.push({ columns: cols.slice(start, i), kind, periods: res.periods.slice(start, i), ...(res.yearFrom ? { yearFrom: res.yearFrom } : {}) });
    start = i;
  }
  return out;
}

/** How the day/month order of numeric date headers is decided: their own dates that read one way only, else `given`. */
function orderEvidence(tokens: readonly (Token | null)[]): { dmy: number; mdy: number; ambiguous: number } {
  let dmy = 0;
  let mdy = 0;
  let ambiguous = 0;
  for (const t of tokens) {
    if (!t || t.t !== 'date' || t.iso) continue;
    const a = dateText(t.text, 'DMY');
    const b = dateText(t.text, 'MDY');
    if (a && !b) dmy++;
    else if (b && !a) mdy++;
    else if (a && b && a !== b) ambiguous++;
  }
  return { dmy, mdy, ambiguous };
}

/**
 * The run of two or more adjacent period columns (the longest; the first of equal length), or
 * null. A run may mix date cells and text ("2026-01-01", "Feb-26", "Mar-26": months); bare dates
 * take the kind of the labelled headers beside them, or, alone, of their spacing (7 days apart:
 * weeks; the same day of successive months: months). Numeric dates are read in the order their own
 * unambiguous dates say, else the one order whose spacing makes a run, else `opts.dateOrder`
 * (pass the file's order when it states one). Headers without a year take one as resolveRun says.
 */
export function detectPeriodColumns(headers: readonly (SourceCell | string)[], opts: PeriodOptions): PeriodColumns | null {
  const base: PeriodOptions = { ...opts, weekStart: weekStartOf(opts) };
  const tokens = headers.map((h) => readHeader(h ?? null));
  const given: 'DMY' | 'MDY' = opts.dateOrder === 'MDY' ? 'MDY' : 'DMY';
  const other: 'DMY' | 'MDY' = given === 'DMY' ? 'MDY' : 'DMY';
  const ev = orderEvidence(tokens);
  const longest = (runs: PeriodColumns[]) => runs.reduce<PeriodColumns | null>((best, r) => (!best || r.columns.length > best.columns.length ? r : best), null);
  let best: PeriodColumns | null;
  let order: { order: 'DMY' | 'MDY'; from: 'headers' | 'spacing' | 'given' } | null = null;
  if ((ev.dmy > 0) !== (ev.mdy > 0)) {
    order = { order: ev.dmy > 0 ? 'DMY' : 'MDY', from: 'headers' };
    best = longest(runsWith(tokens, order.order, base));
  } else {
    const a = longest(runsWith(tokens, given, base));
    best = a;
    if (ev.ambiguous > 0 || ev.dmy > 0) {
      order = { order: given, from: 'given' };
      const b = longest(runsWith(tokens, other, base));
      if (b && (!a || b.columns.length > a.columns.length)) {
        best = b;
        order = { order: other, from: 'spacing' };
      } else if (a && (!b || a.columns.length > b.columns.length)) order.from = 'spacing';
    }
  }
  if (!best) return null;
  const numeric = best.columns.some((c) => {
    const t = tokens[c];
    return t?.t === 'date' && !t.iso && dateText(t.text, 'DMY') !== dateText(t.text, 'MDY');
  });
  return { ...best, ...(order && numeric ? { dateOrder: order } : {}) };
}

/**
 * The periods of columns the user (or a mapping file) says are a grid: each column's period,
 * or the reason a column cannot be one. `kind` absent: from the headers, as detectPeriodColumns
 * decides it. Numeric dates: as detectPeriodColumns reads them.
 */
export function declaredPeriodColumns(
  headers: readonly (SourceCell | string)[],
  columns: readonly number[],
  opts: PeriodOptions & { kind?: PeriodKind },
): { ok: true; grid: PeriodColumns } | { ok: false; problems: { column: number; message: string }[] } {
  const base: PeriodOptions = { ...opts, weekStart: weekStartOf(opts) };
  const tokens = columns.map((c) => readHeader(headers[c] ?? null));
  const problems: { column: number; message: string }[] = [];
  tokens.forEach((t, i) => {
    if (!t) problems.push({ column: columns[i]!, message: `“${headerText(headers[columns[i]!] ?? null)}” is not a week or month (use 2026-W05, KW 5, Jan-26, 01/2026 or a date)` });
    else if (opts.kind && familyOf(t) !== 'date' && familyOf(t) !== opts.kind) problems.push({ column: columns[i]!, message: `“${headerText(headers[columns[i]!] ?? null)}” is a ${familyOf(t)}, not a ${opts.kind}` });
  });
  if (problems.length) return { ok: false, problems };
  const toks = tokens as Token[];
  const ev = orderEvidence(toks);
  const order: DateOrder = (ev.dmy > 0) !== (ev.mdy > 0) ? (ev.dmy > 0 ? 'DMY' : 'MDY') : opts.dateOrder === 'MDY' ? 'MDY' : 'DMY';
  const labelled = toks.map(familyOf).find((f) => f !== 'date');
  const kind: PeriodKind | null = opts.kind ?? (labelled as PeriodKind | undefined) ?? dateRunKind(toks.map((t) => tokenDate(t as Token & { t: 'date' }, order) ?? ('0000-01-01' as IsoDate)));
  if (!kind) return { ok: false, problems: [{ column: columns[0]!, message: 'the dates are neither a week nor a month apart: say "period": "week" or "month"' }] };
  const res = resolveRun(toks, kind, order, base);
  if (!res) {
    const t = toks.findIndex((x) => x.t !== 'date' && x.year === null);
    return { ok: false, problems: [{ column: columns[Math.max(0, t)]!, message: `“${headerText(headers[columns[Math.max(0, t)]!] ?? null)}” has no year, and no header beside it has one: give the grid's "year"` }] };
  }
  for (let i = 1; i < res.periods.length; i++) {
    if (toDayNumber(res.periods[i]!.start) <= toDayNumber(res.periods[i - 1]!.start)) problems.push({ column: columns[i]!, message: `${res.periods[i]!.label} does not come after ${res.periods[i - 1]!.label}` });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, grid: { columns: [...columns], kind, periods: res.periods, ...(res.yearFrom ? { yearFrom: res.yearFrom } : {}) } };
}

function headerText(h: SourceCell | string): string {
  if (h === null) return '';
  if (typeof h === 'string') return h;
  if (typeof h === 'object' && 'd' in h) return h.d;
  return String(h);
}

/** The period after `p` of the same kind (for filling a grid's gaps or extending it). */
export function nextPeriod(p: Period): Period {
  if (p.kind === 'week') return weekPeriod(addDays(p.start, 7));
  const y = Number(p.start.slice(0, 4));
  const m = Number(p.start.slice(5, 7));
  return { kind: 'month', ...calendarMonth(y * 12 + m) };
}
