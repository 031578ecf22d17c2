// Number formats of exported cells, from the workbook's settings: money in its currency (the
// symbol where the locale puts it, the currency's usual decimals) and dates in its date order.
// A format code is the same in every spreadsheet program and locale: "#,##0.00" shows 1.234,50
// in a German Excel and 1,234.50 in an English one, so only the symbol, its place and the date
// order come from here. The cells stay numbers and real dates, so the import reads them back
// as it always has.
import type { Settings } from '../model/schemas';

export interface ExportFormats {
  /** e.g. '"£"#,##0.00', '#,##0.00" €"', '"￥"#,##0'. */
  money: string;
  /** e.g. 'dd/mm/yyyy', 'mm/dd/yyyy', 'yyyy-mm-dd', 'dd\.mm\.yyyy'. */
  date: string;
}

/** Bidirectional marks Intl puts around Arabic and Hebrew amounts: not for a format code. */
const BIDI = /[\u061c\u200e\u200f]/g;

/** Text a format code shows as it is: in double quotes (a quote in it cannot be written). */
const literal = (s: string) => (s === '' ? '' : `"${s.replaceAll('"', '')}"`);

/**
 * The format code of money in `currency` as `locale` writes it: the symbol before or after the
 * number, with the locale's space, and the currency's decimals (two for most, none for JPY
 * and KRW; never more than the two the app stores). '#,##0.00' when Intl does not know either.
 */
export function moneyFormat(currency: string, locale: string): string {
  let parts: Intl.NumberFormatPart[];
  let digits: number;
  try {
    const f = new Intl.NumberFormat(locale, { style: 'currency', currency });
    parts = f.formatToParts(1234.5);
    digits = Math.min(2, f.resolvedOptions().maximumFractionDigits ?? 2);
  } catch {
    return '#,##0.00';
  }
  const first = parts.findIndex((p) => p.type === 'integer');
  let last = -1;
  parts.forEach((p, i) => {
    if (p.type === 'integer' || p.type === 'fraction') last = i;
  });
  if (first < 0) return '#,##0.00';
  const text = (list: Intl.NumberFormatPart[]) =>
    list
      .filter((p) => p.type === 'currency' || p.type === 'literal')
      .map((p) => p.value.replace(BIDI, ''))
      .join('');
  const before = text(parts.slice(0, first));
  const after = text(parts.slice(last + 1));
  return `${literal(before)}#,##0${digits > 0 ? `.${'0'.repeat(digits)}` : ''}${literal(after)}`;
}

/**
 * The date format code for a date order: day, month and year as the workbook orders them
 * (dd/mm/yyyy, mm/dd/yyyy), with the separator `locale` uses between them ("." in German,
 * "-" in Dutch); year first is always ISO (yyyy-mm-dd).
 */
export function dateFormat(order: Settings['dateOrder'], locale: string): string {
  if (order === 'YMD') return 'yyyy-mm-dd';
  let sep = '/';
  try {
    const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(Date.UTC(2026, 2, 4));
    const lit = parts.find((p, i) => p.type === 'literal' && i > 0 && i < parts.length - 1)?.value.trim();
    if (lit === '.' || lit === '-' || lit === '/') sep = lit;
  } catch {
    // an unknown locale: the slash
  }
  const s = sep === '.' ? '\\.' : sep;
  return order === 'MDY' ? `mm${s}dd${s}yyyy` : `dd${s}mm${s}yyyy`;
}

/** The workbook's export formats. */
export function exportFormats(settings: Pick<Settings, 'currency' | 'locale' | 'dateOrder'>): ExportFormats {
  return { money: moneyFormat(settings.currency, settings.locale), date: dateFormat(settings.dateOrder, settings.locale) };
}
