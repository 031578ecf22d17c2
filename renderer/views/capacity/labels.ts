// Labels for the capacity view: capacity figures in the workbook's unit, and the two header
// lines of each period.
import { formatCapacity, periodWorkingDays, type CapacityDisplay, type Grain, type Periods } from '../../../shared/capacity';
import type { HolidayIndex } from '../../../shared/calendar';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Writes capacity figures of the periods shown ("24 h", or "0.64 FTE" when the workbook plans in
 * FTE), through the one formatter of shared/capacity/allocation-hours.ts. A figure is the hours
 * of a period, or of several periods added up (an over-allocation's periods: in FTE, the hours
 * over all their working days).
 */
export type CapacityFigure = (hours: number, periods: number | readonly number[]) => string;

export function capacityFigure(display: CapacityDisplay, periods: Periods, holidays: HolidayIndex): CapacityFigure {
  if (display.unit === 'hours') return (h) => formatCapacity(h, 0, display);
  const working = periodWorkingDays(periods, holidays);
  return (h, p) => formatCapacity(h, typeof p === 'number' ? (working[p] ?? 0) : p.reduce((s, i) => s + (working[i] ?? 0), 0), display);
}

/** "16 Mar" of an ISO date. */
export function dayMonth(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1] ?? ''}`;
}

/** "16 Mar – 22 Mar 2026". */
export function periodDates(periods: Periods, i: number): string {
  const s = periods.start[i] ?? '';
  const e = periods.end[i] ?? '';
  return `${dayMonth(s)} – ${dayMonth(e)} ${e.slice(0, 4)}`;
}

/** Header lines: weeks "W12" over "16 Mar"; months "Mar" over "2026"; quarters "Q1" over "FY2026/27". */
export function headerLines(periods: Periods, grain: Grain): { labels: string[]; sublabels: string[] } {
  const labels: string[] = [];
  const sublabels: string[] = [];
  periods.label.forEach((label, i) => {
    if (grain === 'week') {
      labels.push(label.replace(/^\d{4}-/, ''));
      sublabels.push(dayMonth(periods.start[i] ?? ''));
    } else {
      const [a, ...rest] = label.split(' ');
      labels.push(a ?? label);
      sublabels.push(rest.join(' '));
    }
  });
  return { labels, sublabels };
}
