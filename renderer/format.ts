// Display formatting in the workbook's locale and currency.
import { formatMoney } from '../shared/util/money';
import type { Settings } from '../shared/model/schemas';

export function money(minor: number | null | undefined, s: Settings, compact = false): string {
  return minor == null ? '—' : formatMoney(minor, s.currency, s.locale, { compact });
}

export function date(iso: string | null | undefined, s: Settings): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  // Formatted in UTC from UTC parts: the calendar date never shifts with the time zone.
  return new Intl.DateTimeFormat(s.locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function percent(ratio: number | null, digits = 0): string {
  return ratio == null ? '—' : `${(ratio * 100).toFixed(digits)} %`;
}

export { plural } from '../shared/util/plural';
