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
//   Grids in other units (hours in the period, days, % of an FTE, FTE): gridCellAllocation below.
// - FTE (settings.capacityUnit 'fte'): a figure of H hours in a period of D working days is
//   H ÷ (hoursPerFte × D ÷ 5) FTE, i.e. its hours per week (the cell rule above) ÷ hoursPerFte:
//   how many full-time people those hours keep busy over the period's working days. So a
//   full-time person (37.5 h/week at 37.5 h per FTE) is 1 FTE of capacity in every week and
//   month, holidays or not (a week with a bank holiday holds 30 h of them, over 4 working
//   days), and someone on leave for two days of a five-day week is 0.6 FTE that week. A grid
//   cell of hours per week is cell ÷ hoursPerFte FTE, and F FTE typed in a cell is F ×
//   hoursPerFte hours per week. Utilisation (demand ÷ capacity) is the same in either unit. A
//   figure over several periods (an over-allocation's periods) divides by all their working days.
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

// ---------------------------------------------------------------------------------------------
// Hours ⇄ FTE, and the one way capacity figures are written (every capacity view uses it).

export type CapacityUnit = 'hours' | 'fte';

/** What a capacity figure needs to be shown in the workbook's unit. */
export interface CapacityDisplay {
  unit: CapacityUnit;
  hoursPerFte: number;
}

export function capacityDisplayOf(settings: { capacityUnit: CapacityUnit; hoursPerFte: number }): CapacityDisplay {
  return { unit: settings.capacityUnit, hoursPerFte: settings.hoursPerFte };
}

/** FTE of `hours` in a span of `workingDays` working days (0 without any). */
export function hoursToFte(hours: number, workingDays: number, hoursPerFte: number): number {
  return perWeek(hours, workingDays) / hoursPerFte;
}

/** Hours that `fte` FTE stands for over `workingDays` working days (the inverse of hoursToFte). */
export function fteToHours(fte: number, workingDays: number, hoursPerFte: number): number {
  return prorate(fte * hoursPerFte, workingDays);
}

/** FTE of a rate in hours per week (a demand grid cell). */
export function rateToFte(hoursPerWeek: number, hoursPerFte: number): number {
  return hoursPerWeek / hoursPerFte;
}

/** Hours per week of `fte` FTE (what an FTE typed into a demand grid cell stores). */
export function fteToRate(fte: number, hoursPerFte: number): number {
  return fte * hoursPerFte;
}

/** A figure of `hours` over `workingDays` in the display's unit (hours as they are). */
export function inCapacityUnit(hours: number, workingDays: number, d: CapacityDisplay): number {
  return d.unit === 'fte' ? hoursToFte(hours, workingDays, d.hoursPerFte) : hours;
}

const trim = (n: number, decimals: number) => {
  const f = 10 ** decimals;
  const r = Math.round(n * f) / f;
  // -0 and "1.50" read badly: the shortest text of the rounded figure.
  return String(r === 0 ? 0 : r);
};

/** "24 h" (at most one decimal) or "0.64 FTE" (at most two): a figure in the workbook's unit. */
export function unitText(value: number, unit: CapacityUnit): string {
  return unit === 'fte' ? `${trim(value, 2)} FTE` : `${trim(value, 1)} h`;
}

/** `hours` in a span of `workingDays` working days, written in the display's unit: "24 h" or "0.64 FTE". */
export function formatCapacity(hours: number, workingDays: number, d: CapacityDisplay): string {
  return unitText(inCapacityUnit(hours, workingDays, d), d.unit);
}

/** "h/week" or "FTE": the unit of a rate (demand grid cells, what-if inputs). */
export function rateUnitLabel(unit: CapacityUnit): string {
  return unit === 'fte' ? 'FTE' : 'h/week';
}

/** A rate of hours per week in the display's unit (cell ÷ hoursPerFte in FTE). */
export function rateInUnit(hoursPerWeek: number, d: CapacityDisplay): number {
  return d.unit === 'fte' ? rateToFte(hoursPerWeek, d.hoursPerFte) : hoursPerWeek;
}

/** A rate typed in the display's unit, as hours per week. */
export function rateFromUnit(value: number, d: CapacityDisplay): number {
  return d.unit === 'fte' ? fteToRate(value, d.hoursPerFte) : value;
}

/** Working days of each period (start/end lists, as the capacity model gives them), computed once per periods and holidays. */
const periodWorking = new WeakMap<object, { holidays: HolidayIndex; days: Int32Array }>();

export function periodWorkingDays(periods: { start: readonly IsoDate[]; end: readonly IsoDate[] }, holidays: HolidayIndex): Int32Array {
  let hit = periodWorking.get(periods);
  if (!hit || hit.holidays !== holidays) {
    hit = { holidays, days: Int32Array.from(periods.start, (s, i) => workingDaysIn(toDayNumber(s), toDayNumber(periods.end[i]!), holidays)) };
    periodWorking.set(periods, hit);
  }
  return hit.days;
}

// ---------------------------------------------------------------------------------------------
// Grid cells in the units people write (the importer's wide allocation grids,
// SheetMapping.periods.unit). A cell says how much of a person one period takes and becomes one
// allocation over that period, whose hours the rule above then gives:
// - 'hours-per-week' (the default, and our own export's unit): amount = the cell, hours per week;
//   the period holds cell × working days ÷ 5 hours.
// - 'hours-per-period': the period's hours; amount = perWeek(cell, the period's working days)
//   hours per week, so the period holds the cell's hours exactly (160 h in a month of 22 working
//   days is 36.3636 h/week, which the rule turns back into 160 h).
// - 'days-per-period': person-days in the period. A day is a fifth of an FTE's week (hoursPerFte
//   ÷ 5 hours; the settings have no hours per day), so D days in a period of W working days is
//   D ÷ W of an FTE: fte-percent, amount = D ÷ W × 100 (10 days of a 20-day month = 50 %, which
//   the rule turns back into 10 × hoursPerFte ÷ 5 hours).
// - 'fte-percent': % of an FTE; amount = the cell, unit fte-percent.
// - 'fte': FTE; fte-percent, amount = cell × 100 (kept relative to an FTE, like every fte-percent
//   allocation, so a later change of hours per FTE moves it with them).
// Amounts are rounded to 4 decimals (a month's hours stay within 0.001 h). A period without
// working days cannot hold hours or days given for it (null); hours per week, % and FTE are
// rates, and an allocation over such a period simply holds 0 hours.

/** What the cells of an allocation grid hold (absent = hours per week). */
export type GridCellUnit = 'hours-per-week' | 'hours-per-period' | 'days-per-period' | 'fte-percent' | 'fte';

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** The allocation (amount and unit) a grid cell of `value` in `unit` makes over a period of `workingDays` working days. */
export function gridCellAllocation(value: number, unit: GridCellUnit, workingDays: number): { amount: number; unit: 'hours-per-week' | 'fte-percent' } | null {
  switch (unit) {
    case 'hours-per-week':
      return { amount: value, unit: 'hours-per-week' };
    case 'hours-per-period':
      return workingDays > 0 ? { amount: round4(perWeek(value, workingDays)), unit: 'hours-per-week' } : value === 0 ? { amount: 0, unit: 'hours-per-week' } : null;
    case 'days-per-period':
      return workingDays > 0 ? { amount: round4((value / workingDays) * 100), unit: 'fte-percent' } : value === 0 ? { amount: 0, unit: 'fte-percent' } : null;
    case 'fte-percent':
      return { amount: value, unit: 'fte-percent' };
    case 'fte':
      return { amount: round4(value * 100), unit: 'fte-percent' };
  }
}
