// Small display helpers shared by the import wizard's steps.
import type { SourceCell } from '../../../shared/exchange/source';
import type { ImportKind } from '../../../shared/exchange/fields';
import type { DateOrder } from '../../../shared/register/convert';
import type { Settings } from '../../../shared/model/schemas';
import { localToday } from '../../../shared/calendar';
import { date } from '../../format';

/** What each kind of sheet is called in the "holds" choice. */
export const HOLDS_LABELS: Record<ImportKind, string> = {
  project: 'Projects',
  milestone: 'Milestones',
  resource: 'People (resources)',
  allocation: 'Allocations',
  raid: 'RAID items',
  status: 'Status reports (one row per project and month)',
};

export const DATE_ORDER_LABELS: { value: DateOrder | ''; label: string }[] = [
  { value: '', label: 'Automatic (from the dates in each column)' },
  { value: 'DMY', label: 'Day-month-year (31/12/2026)' },
  { value: 'MDY', label: 'Month-day-year (12/31/2026)' },
  { value: 'YMD', label: 'Year-month-day (2026-12-31)' },
];

export const SCALES: { value: number; label: string }[] = [
  { value: 1, label: 'units' },
  { value: 1000, label: 'thousands (k)' },
  { value: 1_000_000, label: 'millions (m)' },
];

/** A source cell as the sheet shows it (no float noise on percentages). */
export function showCell(cell: SourceCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(Math.round(cell * 1e9) / 1e9);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if ('d' in cell) return cell.d;
  return `${Math.round(cell.n * 1e6) / 1e4}%`;
}

export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/**
 * "12 Oct 2026, 14:05" for an ISO timestamp: the day in the user's time zone, written as the
 * workbook writes its dates (its locale, through the app's one date format), not the browser's
 * (a UK workbook in a US-English browser read "Oct 12, 2026, 02:05 PM").
 */
export function when(iso: string, s: Settings): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${date(localToday(d), s)}, ${d.toLocaleTimeString(s.locale, { hour: '2-digit', minute: '2-digit' })}`;
}
