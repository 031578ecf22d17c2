// The roadmap's time axis: two tiers of ticks (e.g. months under years) for the days on screen,
// in weeks, months, quarters or fiscal years. Quarters and fiscal years follow the workbook's
// fiscal-year start month (April in the UK: Q1 = April–June, FY2026/27 = April 2026 – March
// 2027); weeks start on the workbook's week-start day and are labelled by ISO week number when
// that day is Monday. Pure: month names come from Intl in the workbook's locale.
import { civilFromDays, fiscalQuarterOf, fiscalYearLabel, fiscalYearOf, isoWeekOfDay, monthKeyStart, weekStartDay } from '../calendar';

export type TimeScale = 'week' | 'month' | 'quarter' | 'fiscal-year';
export const TIME_SCALES: readonly TimeScale[] = ['week', 'month', 'quarter', 'fiscal-year'];
export const TIME_SCALE_LABELS: Record<TimeScale, string> = { week: 'Weeks', month: 'Months', quarter: 'Quarters', 'fiscal-year': 'Fiscal years' };

export interface AxisSettings {
  /** 1–12: the month the fiscal year starts in. */
  fiscalYearStartMonth: number;
  /** ISO weekday a week starts on (1 = Monday). */
  weekStart: number;
  locale: string;
}

export interface Tick {
  /** First day of the period (day number). */
  day: number;
  /** First day of the next period. */
  end: number;
  label: string;
  /** A longer label, when there is room (e.g. "March 2026" for "Mar"). */
  long: string;
}

export interface AxisTicks {
  scale: TimeScale;
  /** The upper tier: longer periods (years over months). */
  major: Tick[];
  /** The lower tier: the scale's own periods. */
  minor: Tick[];
}

/** Smallest width a period of each scale should have on screen, in pixels. */
const MIN_PERIOD_PX: Record<TimeScale, number> = { week: 30, month: 34, quarter: 34, 'fiscal-year': 0 };
const PERIOD_DAYS: Record<TimeScale, number> = { week: 7, month: 30.44, quarter: 91.3, 'fiscal-year': 365.25 };

/** The finest scale whose periods are wide enough to label at this zoom. */
export function autoScale(pxPerDay: number): TimeScale {
  for (const s of TIME_SCALES) if (PERIOD_DAYS[s] * pxPerDay >= MIN_PERIOD_PX[s]) return s;
  return 'fiscal-year';
}

/** A chosen scale, made coarser when its periods would be under 8 px wide (a wall of grid lines, thousands of ticks). */
export function effectiveScale(chosen: TimeScale | 'auto', pxPerDay: number): TimeScale {
  if (chosen === 'auto') return autoScale(pxPerDay);
  let i = TIME_SCALES.indexOf(chosen);
  while (i < TIME_SCALES.length - 1 && PERIOD_DAYS[TIME_SCALES[i]!] * pxPerDay < 8) i++;
  return TIME_SCALES[i]!;
}

const monthFormats = new Map<string, { short: Intl.DateTimeFormat; long: Intl.DateTimeFormat }>();
function monthFormat(locale: string) {
  let f = monthFormats.get(locale);
  if (!f) {
    let short: Intl.DateTimeFormat;
    let long: Intl.DateTimeFormat;
    try {
      short = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
      long = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    } catch {
      short = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
      long = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    }
    monthFormats.set(locale, (f = { short, long }));
  }
  return f;
}

function utc(day: number): Date {
  return new Date(day * 86_400_000);
}

/** Periods of `months` months aligned on `alignMonth`, covering from … to. */
function monthPeriods(from: number, to: number, months: number, alignMonth: number, label: (y: number, m: number, day: number) => { label: string; long: string }): Tick[] {
  const { y, m } = civilFromDays(Math.floor(from));
  // Back to the period containing `from`.
  const offset = ((((m - alignMonth) % months) + months) % months);
  let cy = y;
  let cm = m - offset;
  while (cm < 1) {
    cm += 12;
    cy--;
  }
  const out: Tick[] = [];
  for (let guard = 0; guard < 5000; guard++) {
    const day = monthKeyStart(cy * 12 + cm - 1);
    if (day > to) break;
    let ny = cy;
    let nm = cm + months;
    while (nm > 12) {
      nm -= 12;
      ny++;
    }
    const end = monthKeyStart(ny * 12 + nm - 1);
    out.push({ day, end, ...label(cy, cm, day) });
    cy = ny;
    cm = nm;
  }
  return out;
}

function weeks(from: number, to: number, settings: AxisSettings): Tick[] {
  const f = Math.floor(from);
  const first = weekStartDay(f, settings.weekStart);
  const out: Tick[] = [];
  const iso = settings.weekStart === 1;
  const fmt = monthFormat(settings.locale).short;
  for (let day = first; day <= to && out.length < 20_000; day += 7) {
    const { d } = civilFromDays(day);
    const dateLabel = `${d} ${fmt.format(utc(day))}`;
    const label = iso ? `W${String(isoWeekOfDay(day).week).padStart(2, '0')}` : dateLabel;
    out.push({ day, end: day + 7, label, long: iso ? `${label} · ${dateLabel}` : dateLabel });
  }
  return out;
}

/** Ticks of both tiers for the days from … to (day numbers, fractional allowed). */
export function axisTicks(from: number, to: number, scale: TimeScale, settings: AxisSettings): AxisTicks {
  const fy = settings.fiscalYearStartMonth >= 1 && settings.fiscalYearStartMonth <= 12 ? Math.floor(settings.fiscalYearStartMonth) : 1;
  const fmt = monthFormat(settings.locale);
  const months = (a: number, b: number) =>
    monthPeriods(a, b, 1, 1, (_y, _m, day) => ({ label: fmt.short.format(utc(day)), long: fmt.long.format(utc(day)) }));
  const years = (a: number, b: number) => monthPeriods(a, b, 12, 1, (y) => ({ label: String(y), long: String(y) }));
  const fiscalYears = (a: number, b: number) =>
    monthPeriods(a, b, 12, fy, (y) => ({ label: fiscalYearLabel(y, fy), long: fy === 1 ? `Fiscal year ${y}` : `Fiscal year ${fiscalYearLabel(y, fy).slice(2)}` }));
  switch (scale) {
    case 'week':
      return { scale, major: months(from, to), minor: weeks(from, to, settings) };
    case 'month':
      return { scale, major: years(from, to), minor: months(from, to) };
    case 'quarter':
      return {
        scale,
        major: fiscalYears(from, to),
        minor: monthPeriods(from, to, 3, fy, (_y, _m, day) => {
          const q = fiscalQuarterOf(day, fy);
          return { label: `Q${q}`, long: `Q${q} ${fiscalYearLabel(fiscalYearOf(day, fy), fy, true)}` };
        }),
      };
    case 'fiscal-year': {
      // Decades over fiscal years would say little: the upper tier is left empty.
      return { scale, major: [], minor: fiscalYears(from, to) };
    }
  }
}
