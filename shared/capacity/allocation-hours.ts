// The one rule for the hours an allocation puts in a period, used wherever a period's hours are
// shown, written or compared: the heat map (capacity.ts), the demand grid (demand-grid.ts), the
// exported Allocations grid and the round-trip merge (shared/exchange).
//
// - An allocation asks for `rate` hours per week: `amount` for hours-per-week, amount ÷ 100 ×
//   settings.hoursPerFte for fte-percent.
// - Its hours in any span of days = rate × (working days of the span inside the allocation's
//   dates) ÷ 5. Working days are Monday to Friday less the workbook's holidays; the person's own
//   calendar does not change demand (booked while away stays demand, and shows as over capacity).
//   A 40 h/week allocation starting Wednesday 7 January 2026 puts 24 h in the week of 5 January.
// - A grid cell (a week or month column of the demand grid or the exported Allocations sheet)
//   holds hours per week: the period's hours ÷ (the period's working days ÷ 5), i.e. the rate that
//   over the whole period's working days gives the period's hours. For a week with five working
//   days that is the week's hours (the heat map's week figure); for a month it is the heat map's
//   month figure ÷ (working days ÷ 5), so an allocation covering the whole month shows its rate,
//   and one starting on 7 January 2026 shows 40 × 18 ÷ 22 = 32.73 for January (18 of its 22
//   working days). A period without working days holds 0 (no hours can fall in it).
// - Reading a cell back (import of a wide grid, the demand grid's edits, the merge's re-cut)
//   inverts this exactly: a cell of H makes H hours per week over that period, which the rule
//   turns back into H × working days ÷ 5 hours there, and the cell H again on the next export.
import { buildHolidayIndex, toDayNumber, workingDaysIn, type HolidayIndex, type HolidayList, type IsoDate } from '../calendar';

/** What the rule needs from the workbook's settings. */
export interface HoursCalendar {
  hoursPerFte: number;
  holidays: HolidayIndex;
}

export function hoursCalendarOf(settings: { hoursPerFte: number; holidays: HolidayList }): HoursCalendar {
  return { hoursPerFte: settings.hoursPerFte, holidays: buildHolidayIndex(settings.holidays) };
}

/** The fields of an allocation the rule reads (records are read loosely: grids hold raw records). */
export type AllocationLike = Record<string, unknown> & { start?: unknown; end?: unknown; amount?: unknown; unit?: unknown };

/** Hours per week an allocation asks for. */
export function allocationRate(a: AllocationLike, hoursPerFte: number): number {
  return a['unit'] === 'fte-percent' ? (Number(a['amount']) / 100) * hoursPerFte : Number(a['amount']);
}

/** Hours of `rate` hours per week over `workingDays` working days: the rule itself. */
export function prorate(rate: number, workingDays: number): number {
  return (rate * workingDays) / 5;
}

/** Hours per week of `hours` spread over a period of `workingDays` working days (0 without any). */
export function perWeek(hours: number, workingDays: number): number {
  return workingDays > 0 ? (hours * 5) / workingDays : 0;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Hours an allocation puts in the days from … to (both included). */
export function allocationHours(a: AllocationLike, from: IsoDate, to: IsoDate, cal: HoursCalendar): number {
  const s = Math.max(toDayNumber(String(a['start'])), toDayNumber(from));
  const e = Math.min(toDayNumber(String(a['end'])), toDayNumber(to));
  return prorate(allocationRate(a, cal.hoursPerFte), workingDaysIn(s, e, cal.holidays));
}

/** A period as the grids hold it: first and last day, both included. */
export interface HoursPeriod {
  start: IsoDate;
  end: IsoDate;
}

/** Day numbers and working days of each period, computed once per grid (and per holiday index). */
const periodDays = new WeakMap<readonly HoursPeriod[], { holidays: HolidayIndex; start: Float64Array; end: Float64Array; working: Float64Array }>();

function daysOf(periods: readonly HoursPeriod[], holidays: HolidayIndex) {
  let pd = periodDays.get(periods);
  if (!pd || pd.holidays !== holidays) {
    const start = Float64Array.from(periods, (p) => toDayNumber(p.start));
    const end = Float64Array.from(periods, (p) => toDayNumber(p.end));
    pd = { holidays, start, end, working: Float64Array.from(periods, (_, i) => workingDaysIn(start[i]!, end[i]!, holidays)) };
    periodDays.set(periods, pd);
  }
  return pd;
}

/**
 * The grid cells of an allocation: its hours per week in every period (periods sorted and not
 * overlapping), rounded to hundredths; only the periods it overlaps are computed.
 */
export function hoursRow(a: AllocationLike, periods: readonly HoursPeriod[], cal: HoursCalendar): number[] {
  const out = new Array<number>(periods.length).fill(0);
  const pd = daysOf(periods, cal.holidays);
  const s = toDayNumber(String(a['start']));
  const e = toDayNumber(String(a['end']));
  const rate = allocationRate(a, cal.hoursPerFte);
  let lo = 0;
  let hi = periods.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pd.end[mid]! < s) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < periods.length && pd.start[i]! <= e; i++) {
    const days = workingDaysIn(Math.max(s, pd.start[i]!), Math.min(e, pd.end[i]!), cal.holidays);
    if (days > 0) out[i] = round2(perWeek(prorate(rate, days), pd.working[i]!));
  }
  return out;
}

/** The hours a grid cell of `perWeekHours` stands for in its period (the inverse of a cell). */
export function cellHours(perWeekHours: number, period: HoursPeriod, cal: HoursCalendar): number {
  return prorate(perWeekHours, workingDaysIn(toDayNumber(period.start), toDayNumber(period.end), cal.holidays));
}
