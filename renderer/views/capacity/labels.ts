// Labels for the capacity view: hours, and the two header lines of each period.
import type { Grain, Periods } from '../../../shared/capacity';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "37.5 h", "8 h": at most one decimal. */
export function hours(h: number): string {
  const r = Math.round(h * 10) / 10;
  return `${Number.isInteger(r) ? r.toFixed(0) : r.toFixed(1)} h`;
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
