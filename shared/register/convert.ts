// Text ⇄ typed cell values, one set of rules for typing, pasting from Excel or LibreOffice and importing.
import type { ColumnContext, ColumnDef, ColumnType, Option, OptionSource, ParseResult } from './types';
import { daysInMonth, fromDayNumber, fromParts, isIsoDate, isWeekdayName, monthFromName, toDayNumber, type IsoDate } from '../calendar';
import { formatMoney, MONEY_SCALE, moneyToDecimal, parseDecimalMoney, type Money } from '../util/money';
import { FORMULA_START } from './tsv';
import { lookupValue } from '../exchange/vocabulary';

export type FormatMode = 'display' | 'clipboard' | 'edit';
export type DateOrder = 'DMY' | 'MDY' | 'YMD';

// ---------------------------------------------------------------------------------------------
// Locale facts, cached. Building an Intl formatter costs ~20 µs and formatting with one ~1 µs;
// quick search formats every visible cell of 10,000 rows, so numbers and dates go through
// templates taken from Intl's own output (checked against it, Intl itself where they differ).

type Format<T> = (value: T) => string;
/** A number format that can also take the digits directly (money: whole units and cents). */
type NumberFormat = Format<number> & { digits: ((negative: boolean, whole: string, frac: string) => string) | null };

interface LocaleFacts {
  decimal: '.' | ',';
  number: Format<number>;
  integer: Format<number>;
  percent: Intl.NumberFormat;
  date: Format<IsoDate>;
  collator: Intl.Collator;
}

const localeFacts = new Map<string, LocaleFacts>();
const FALLBACK_LOCALE = 'en-GB';

function factsFor(locale: string): LocaleFacts {
  const cached = localeFacts.get(locale);
  if (cached) return cached;
  let facts: LocaleFacts;
  try {
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
    const sep = number.formatToParts(1.1).find((p) => p.type === 'decimal')?.value;
    facts = {
      // Locales with another mark (Arabic ٫) are typed with a Western point.
      decimal: sep === ',' ? ',' : '.',
      number: fastNumber(number, 0, 6),
      integer: fastNumber(new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }), 0, 0),
      percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }),
      date: fastDate(new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' })),
      collator: new Intl.Collator(locale, { numeric: true, sensitivity: 'base' }),
    };
  } catch (e) {
    // The settings schema accepts any tag; a tag Intl refuses must not break the grid.
    if (locale === FALLBACK_LOCALE) throw e;
    facts = factsFor(FALLBACK_LOCALE);
  }
  localeFacts.set(locale, facts);
  return facts;
}

/**
 * Formats like `fmt` by filling digits into its own output for ±1234567.5 (prefix, group and
 * decimal marks, suffix, group sizes). Values that would need rounding, -0, non-Latin digits or
 * any disagreement with Intl on sample values go to Intl itself.
 */
function fastNumber(fmt: Intl.NumberFormat, minFraction: number, maxFraction: number): NumberFormat {
  const slow = (v: number) => fmt.format(v);
  const template = (v: number) => {
    const parts = fmt.formatToParts(v);
    const first = parts.findIndex((p) => p.type === 'integer');
    let last = first;
    while (last + 1 < parts.length && (parts[last + 1]!.type === 'integer' || parts[last + 1]!.type === 'group')) last++;
    const ints = parts.slice(first, last + 1).filter((p) => p.type === 'integer');
    const afterInt = parts.slice(last + 1);
    const hasFraction = afterInt[0]?.type === 'decimal' && afterInt[1]?.type === 'fraction';
    return {
      before: parts.slice(0, first).map((p) => p.value).join(''),
      after: afterInt.slice(hasFraction ? 2 : 0).map((p) => p.value).join(''),
      group: parts.find((p) => p.type === 'group')?.value ?? '',
      decimal: hasFraction ? afterInt[0]!.value : '',
      sizes: ints.map((p) => p.value.length),
      digits: ints.every((p) => /^\d+$/.test(p.value)),
    };
  };
  const pos = template(1234567.5);
  const neg = template(-1234567.5);
  if (!pos.digits || !neg.digits || pos.group !== neg.group || pos.group === '' || (maxFraction > 0 && !pos.decimal)) return Object.assign(slow, { digits: null });
  const primary = pos.sizes[pos.sizes.length - 1]!;
  const secondary = pos.sizes.length >= 3 ? pos.sizes[pos.sizes.length - 2]! : primary;
  // Some locales (es, pl) leave four-digit numbers ungrouped.
  const minGroupDigits = fmt.formatToParts(1234).some((p) => p.type === 'group') ? primary + 1 : primary + 2;
  const digits = (negative: boolean, whole: string, frac: string) => {
    let grouped = whole;
    if (whole.length >= minGroupDigits) {
      grouped = whole.slice(-primary);
      for (let end = whole.length - primary; end > 0; end -= secondary) grouped = whole.slice(Math.max(0, end - secondary), end) + pos.group + grouped;
    }
    const t = negative ? neg : pos;
    const f = frac.length < minFraction ? frac.padEnd(minFraction, '0') : frac;
    return `${t.before}${grouped}${f ? t.decimal + f : ''}${t.after}`;
  };
  const fast: Format<number> = (v) => {
    if (!Number.isFinite(v) || Object.is(v, -0)) return fmt.format(v);
    const plain = plainNumber(Math.abs(v));
    const dot = plain.indexOf('.');
    if (dot >= 0 && plain.length - dot - 1 > maxFraction) return fmt.format(v);
    return dot < 0 ? digits(v < 0, plain, '') : digits(v < 0, plain.slice(0, dot), plain.slice(dot + 1));
  };
  const samples = [0, 1, -1, 7.5, 12.25, 999, 1000, -1234, 12345, 123456.75, -1234567.5, 100000000, 98765432.1];
  const agrees = samples.every((v) => fast(v) === fmt.format(v));
  return Object.assign(agrees ? fast : slow, { digits: agrees ? digits : null });
}

/** Same idea for dates: the day, month and year of an ISO string placed into Intl's pattern. */
function fastDate(fmt: Intl.DateTimeFormat): Format<IsoDate> {
  const toDate = (iso: IsoDate) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    const utc = new Date(0);
    utc.setUTCFullYear(y, m - 1, d); // not Date.UTC: it reads years 0–99 as 1900–1999
    return utc;
  };
  const slow: Format<IsoDate> = (iso) => (isIsoDate(iso) ? fmt.format(toDate(iso)) : iso);
  const parts = fmt.formatToParts(toDate('2026-11-23'));
  const pieces = parts.map((p) => (p.type === 'year' && p.value === '2026' ? 0 : p.type === 'month' && p.value === '11' ? 1 : p.type === 'day' && p.value === '23' ? 2 : p.type === 'literal' ? p.value : null));
  if (pieces.includes(null)) return slow;
  const fast: Format<IsoDate> = (iso) => {
    // Stored dates are valid (the schema checks them); this only keeps odd text and years
    // before 1000, which Intl shows unpadded, on the slow path.
    if (iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-' || iso[0] === '0') return slow(iso);
    const fields = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
    let out = '';
    for (const p of pieces) out += typeof p === 'number' ? fields[p] : p;
    return out;
  };
  const samples = ['2026-04-03', '1999-12-31', '2024-02-29', '2030-01-01'];
  return samples.every((d) => fast(d) === slow(d)) ? fast : slow;
}

/** The decimal separator the workbook's locale types: '.' or ','. */
export function decimalSeparator(locale: string): '.' | ',' {
  return factsFor(locale).decimal;
}

/** A collator for the workbook's locale (numeric, case- and accent-insensitive), shared by sort and group. */
export function collatorFor(locale: string): Intl.Collator {
  return factsFor(locale).collator;
}

const moneyFormats = new Map<string, Map<string, NumberFormat | null>>();

/** formatMoney, with a formatter built once per locale and currency (same options). */
function displayMoney(minor: Money, currency: string, locale: string): string {
  let byCurrency = moneyFormats.get(locale);
  if (!byCurrency) moneyFormats.set(locale, (byCurrency = new Map()));
  let fmt = byCurrency.get(currency);
  if (fmt === undefined) {
    try {
      fmt = fastNumber(new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }), 2, 2);
    } catch {
      fmt = null;
    }
    byCurrency.set(currency, fmt);
  }
  if (!fmt) return formatMoney(minor, currency, locale);
  if (!fmt.digits || minor === 0) return fmt(Number(moneyToDecimal(minor)));
  const abs = Math.abs(minor);
  const cents = abs % MONEY_SCALE;
  return fmt.digits(minor < 0, String((abs - cents) / MONEY_SCALE), cents < 10 ? `0${cents}` : String(cents));
}

// ---------------------------------------------------------------------------------------------
// Options of select, reference and multi-valued columns.

interface OptionIndex {
  byValue: Map<string, Option>;
  byKey: Map<string, Option[]>;
  byCode: Map<string, Option[]>;
  byName: Map<string, Option[]>;
}

// Keyed by the array itself: a context that rebuilds its lists on change gets a fresh index.
const optionIndexes = new WeakMap<readonly Option[], OptionIndex>();

/** Case- and space-insensitive key: "In progress" = "in  PROGRESS" = "inprogress". */
export function matchKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, '');
}

function push(map: Map<string, Option[]>, key: string, o: Option) {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [o]);
  else if (!list.includes(o)) list.push(o);
}

function indexOf(options: readonly Option[]): OptionIndex {
  let idx = optionIndexes.get(options);
  if (idx) return idx;
  idx = { byValue: new Map(), byKey: new Map(), byCode: new Map(), byName: new Map() };
  for (const o of options) {
    if (!idx.byValue.has(o.value)) idx.byValue.set(o.value, o);
    push(idx.byKey, matchKey(o.label), o);
    push(idx.byKey, matchKey(o.value), o);
    const space = o.label.indexOf(' ');
    if (space > 0) {
      push(idx.byCode, matchKey(o.label.slice(0, space)), o);
      push(idx.byName, matchKey(o.label.slice(space + 1)), o);
    }
  }
  optionIndexes.set(options, idx);
  return idx;
}

/** The column's choices: fixed ones, or the context's list for its source; undefined = free text. */
export function columnOptions<R>(col: ColumnDef<R>, ctx: ColumnContext): readonly Option[] | undefined {
  const o = col.options;
  if (Array.isArray(o)) return o;
  if (typeof o === 'string') return ctx.options(o);
  return undefined;
}

/** What a list editor or a set filter offers: the column's options, or RAG and yes/no choices. */
export function choicesOf<R>(col: ColumnDef<R>, ctx: ColumnContext): readonly Option[] {
  if (col.type === 'rag') return RAG_CHOICES;
  if (col.type === 'checkbox') return YES_NO_CHOICES;
  return columnOptions(col, ctx) ?? [];
}

function sourceOf<R>(col: ColumnDef<R>): OptionSource | null {
  return typeof col.options === 'string' ? col.options : null;
}

/** The label shown for a stored value; the value itself when no option has it (a dangling id stays visible). */
export function optionLabel(options: readonly Option[] | undefined, value: string): string {
  if (!options) return value;
  return indexOf(options).byValue.get(value)?.label ?? value;
}

type Match = { ok: true; value: string } | { ok: false; unknown: string } | { ok: false; reason: string };

function matchOption(options: readonly Option[], text: string, source: OptionSource | null): Match {
  const idx = indexOf(options);
  const exact = idx.byValue.get(text);
  if (exact) return { ok: true, value: exact.value };
  const key = matchKey(text);
  // Projects are listed as "PRJ-001 CRM replacement": the code or the name alone also finds one.
  // Only for projects: splitting "Digital transformation" would let "Digital" match a programme.
  const levels = source === 'project' ? [idx.byKey, idx.byCode, idx.byName] : [idx.byKey];
  for (const level of levels) {
    const hits = level.get(key);
    if (!hits || hits.length === 0) continue;
    if (hits.length === 1) return { ok: true, value: hits[0]!.value };
    return { ok: false, reason: `"${text}" matches several: ${hits.slice(0, 4).map((h) => h.label).join(', ')}${hits.length > 4 ? ', …' : ''}` };
  }
  return { ok: false, unknown: text };
}

function listChoices(options: readonly Option[]): string {
  const labels = options.slice(0, 8).map((o) => o.label);
  return `must be one of: ${labels.join(', ')}${options.length > 8 ? ', …' : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Numbers as people type them.

const GROUP_WESTERN = /^[1-9]\d{0,2}(?:([.,'’ \u00A0\u202F\u2009])\d{3})(?:\1\d{3})*$/;
// Indian grouping: 12,34,567.
const GROUP_INDIAN = /^[1-9]\d?(?:([,.'’ \u00A0\u202F\u2009])\d{2})*\1\d{3}$/;

function validGrouping(s: string): boolean {
  return GROUP_WESTERN.test(s) || GROUP_INDIAN.test(s);
}

/**
 * An unsigned number as typed ("1,234.5", "1 234,5", "1.234,5") → plain "1234.5", or null.
 * The locale decides only when the text is ambiguous: with both marks the rightmost is the
 * decimal one; a lone mark that cannot be a thousands separator ("1.5", "0,500") is a decimal
 * one; "1,234" is 1234 where the comma groups thousands and 1.234 where it is the decimal mark.
 */
function plainDigits(body: string, decimal: '.' | ','): string | null {
  if (!/^[\d.,'’ \u00A0\u202F\u2009]+$/.test(body) || !/\d/.test(body)) return null;
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  let mark: '.' | ',' | null = null;
  if (dots > 0 && commas > 0) mark = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
  else if (dots + commas > 0) {
    const c = dots > 0 ? '.' : ',';
    const count = dots + commas;
    if (c === decimal) mark = count === 1 ? c : null;
    else mark = count === 1 && !validGrouping(body.trim()) ? c : null;
  }
  let whole = body;
  let frac = '';
  if (mark) {
    const at = body.lastIndexOf(mark);
    whole = body.slice(0, at);
    frac = body.slice(at + 1);
    if (!/^\d*$/.test(frac)) return null;
  }
  whole = whole.trim();
  if (/\D/.test(whole)) {
    if (!validGrouping(whole)) return null;
    whole = whole.replace(/\D/g, '');
  }
  if (whole === '' && frac === '') return null;
  return `${whole || '0'}${frac ? `.${frac}` : ''}`;
}

/** Moves the decimal point of a plain unsigned decimal string: exact, unlike × 10ⁿ on a float. */
export function shiftDecimal(plain: string, places: number): string {
  const [w = '', f = ''] = plain.split('.');
  let digits = w + f;
  let point = w.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const frac = digits.slice(point).replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole;
}

/** A finite number as plain decimal text without an exponent ("1e-7" → "0.0000001"), exact. */
export function plainNumber(v: number): string {
  const s = String(Math.abs(v));
  const m = s.includes('e') ? /^(\d+(?:\.\d+)?)e([+-]\d+)$/.exec(s) : null;
  const plain = m ? shiftDecimal(m[1]!, Number(m[2])) : s;
  return v < 0 ? `-${plain}` : plain;
}

const MULTIPLIERS: Record<string, number> = { k: 3, m: 6, mn: 6, mm: 6, mln: 6, b: 9, bn: 9, bln: 9 };

interface Amount {
  negative: boolean;
  /** Unsigned plain decimal, multiplier applied. */
  digits: string;
  percentSign: boolean;
}

/** Signs, brackets, currency marks, % and k/m/bn around a number; then the digits. */
function readAmount(text: string, decimal: '.' | ',', allow: { currency?: boolean; multiplier?: boolean; percent?: boolean }): Amount | null {
  let s = text.trim().replace(/\u2212/g, '-');
  let negative = false;
  let sign = false;
  let brackets = false;
  let percentSign = false;
  let places = 0;
  let multiplier = false;
  for (let guard = 0; guard < 8; guard++) {
    const before = s;
    if (!brackets && s.startsWith('(') && s.endsWith(')')) {
      brackets = true;
      negative = !negative;
      s = s.slice(1, -1).trim();
    }
    if (!sign && /^[+-]/.test(s)) {
      sign = true;
      if (s[0] === '-') negative = !negative;
      s = s.slice(1).trim();
    }
    if (allow.percent && !percentSign && s.endsWith('%')) {
      percentSign = true;
      s = s.slice(0, -1).trim();
    }
    if (allow.multiplier && !multiplier) {
      const m = /(?<=[\d.,])\s*(k|mln|mn|mm|m|bln|bn|b)$/i.exec(s);
      if (m) {
        multiplier = true;
        places = MULTIPLIERS[m[1]!.toLowerCase()]!;
        s = s.slice(0, m.index).trim();
      }
    }
    if (allow.currency) {
      // "$", "£", "US$", "R$", "USD 12", "kr 12" before; "12 €", "12 EUR" after.
      s = s.replace(/^(?:[A-Z]{3}(?=[\s\d.,(+-])|[A-Za-z]{0,2}\p{Sc}|kr\.?(?=[\s\d]))\s*/u, '');
      s = s.replace(/(?<=[\d.,)\s])\s*(?:\p{Sc}|[A-Z]{3}|kr\.?)$/u, '').trim();
    }
    if (s === before) break;
  }
  if (brackets && sign) return null; // "-(500)" says minus twice: a typo, not a number.
  const plain = plainDigits(s, decimal);
  if (plain === null) return null;
  return { negative, digits: places ? shiftDecimal(plain, places) : plain, percentSign };
}

function signed(a: Amount): string {
  return (a.negative && /[1-9]/.test(a.digits) ? '-' : '') + a.digits;
}

// ---------------------------------------------------------------------------------------------
// Dates as people type them.

/** Month and weekday names in English, German, French, Spanish and Dutch: shared/calendar/month-names. */
function monthOf(word: string): number | null {
  return monthFromName(word);
}

/** A weekday name ("Montag", "Mon") that is not also a month ("mar" is March before Tuesday). */
function isWeekday(word: string): boolean {
  return monthFromName(word) === null && isWeekdayName(word);
}

function yearOf(token: string): number | null {
  // Two-digit years as Excel reads them: 00–69 → 2000s, 70–99 → 1900s.
  if (/^\d{2}$/.test(token)) {
    const y = Number(token);
    return y < 70 ? 2000 + y : 1900 + y;
  }
  return /^\d{4}$/.test(token) ? Number(token) : null;
}

const DATE_PATTERN: Record<DateOrder, string> = { DMY: 'dd/mm/yyyy', MDY: 'mm/dd/yyyy', YMD: 'yyyy-mm-dd' };

const localeOrders = new Map<string, DateOrder | null>();

/**
 * The order a locale writes numeric dates in ("en-US" → MDY, "de-DE" or "en-GB" → DMY, "ja-JP"
 * → YMD), from Intl; null for a tag Intl does not know (it would answer for its default locale).
 */
export function dateOrderOfLocale(locale: string): DateOrder | null {
  const known = localeOrders.get(locale);
  if (known !== undefined) return known;
  let order: DateOrder | null = null;
  try {
    if (Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0) {
      const parts = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(new Date(Date.UTC(2026, 10, 23)));
      const seq = parts
        .filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year')
        .map((p) => p.type[0])
        .join('');
      order = seq === 'dmy' ? 'DMY' : seq === 'mdy' ? 'MDY' : seq === 'ymd' ? 'YMD' : null;
    }
  } catch {
    order = null;
  }
  localeOrders.set(locale, order);
  return order;
}

/**
 * Little words around a written-out date, dropped: "4 de marzo de 2026", "le 4 mars", "am 7. April",
 * "the 4th of March".
 */
const DATE_FILLERS = new Set(['de', 'del', 'le', 'el', 'am', 'den', 'der', 'the', 'of', 'op']);

/** "4th", "1st", "1er", "1re", "2e", "1º", "1°", "1ª": the day's number. */
const ORDINAL_DAY = /^(\d{1,2})(?:st|nd|rd|th|er|re|e|ème|eme|º|°|ª)$/iu;

/**
 * A calendar date as typed: ISO, numeric in the workbook's order (03/04/2026 is 3 April in DMY,
 * 4 March in MDY, never guessed), or with a month name in English, German, French, Spanish or
 * Dutch ("3 Apr 2026", "April 3, 2026", "7. April 2027", "4 mars 2026", "4-Mar-26",
 * "4 de marzo de 2026", "4 maart 2026", "1er mars 2026"); a weekday name is ignored
 * ("Montag, 7. April 2027"). Excel serial numbers are not read here: typed "45383" is far more
 * likely a typo than a date.
 */
export function parseDateText(text: string, order: DateOrder): ParseResult {
  const notADate: ParseResult = { ok: false, reason: `is not a date (use ${DATE_PATTERN[order]})` };
  // A time of day after the date (Excel copies date-time cells so) says nothing about the day.
  const s = text.trim().replace(/(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?(?:Z|[+-]\d{2}:?\d{2})?)$/, '');
  const tokens = s
    .normalize('NFC')
    .split(/[\s/.\-,']+/)
    .filter((t) => t !== '' && !isWeekday(t) && !DATE_FILLERS.has(t.toLowerCase()))
    .map((t) => t.replace(ORDINAL_DAY, '$1'));
  if (tokens.length !== 3) return notADate;
  let yt: string;
  let mt: string;
  let dt: string;
  let month: number | null;
  const words = tokens.filter((t) => /^\p{L}+$/u.test(t));
  if (words.length === 1) {
    month = monthOf(words[0]!);
    const nums = tokens.filter((t) => /^\d+$/.test(t));
    if (month === null || nums.length !== 2) return notADate;
    const [a, b] = nums as [string, string];
    // A four-digit number, or one over 31, is the year wherever it stands; otherwise the year
    // comes last ("4-Mar-26"), or first in a year-first workbook ("26-Mar-04").
    const yearLike = (t: string) => t.length === 4 || Number(t) > 31;
    const yearFirst = yearLike(a) || (!yearLike(b) && order === 'YMD' && a.length === 2);
    [yt, dt] = yearFirst ? [a, b] : [b, a];
    mt = String(month);
  } else if (words.length === 0 && tokens.every((t) => /^\d+$/.test(t))) {
    const [a, b, c] = tokens as [string, string, string];
    // 2026/04/03 is unambiguous whatever the order: nobody writes year-day-month.
    const o: DateOrder = a.length === 4 ? 'YMD' : order;
    [yt, mt, dt] = o === 'YMD' ? [a, b, c] : o === 'DMY' ? [c, b, a] : [c, a, b];
  } else return notADate;
  if (mt.length > 2 || dt.length > 2) return notADate;
  const y = yearOf(yt);
  const m = Number(mt);
  const d = Number(dt);
  if (y === null) return notADate;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return { ok: false, reason: 'is not a real date' };
  return { ok: true, value: fromParts(y, m, d) };
}

const EXCEL_1900_EPOCH = toDayNumber('1899-12-30');
const EXCEL_1900_EARLY_EPOCH = toDayNumber('1899-12-31');
const EXCEL_1904_EPOCH = toDayNumber('1904-01-01');
const EXCEL_MAX_DAY = toDayNumber('9999-12-31');

/**
 * An Excel date serial → ISO date, for the importer (cells typed as dates hold these).
 * 1900 system: 1 = 1900-01-01; Excel copies Lotus in counting 29 Feb 1900, which never was, so
 * serial 60 has no date (null) and later serials are one day ahead of a plain count.
 * 1904 system (old Mac workbooks): 0 = 1904-01-01. A fraction (time of day) is dropped.
 */
export function excelSerialToIsoDate(serial: number, date1904: boolean): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  let day: number;
  if (date1904) {
    if (whole < 0) return null;
    day = EXCEL_1904_EPOCH + whole;
  } else {
    if (whole < 1 || whole === 60) return null;
    day = whole < 60 ? EXCEL_1900_EARLY_EPOCH + whole : EXCEL_1900_EPOCH + whole;
  }
  return day > EXCEL_MAX_DAY ? null : fromDayNumber(day);
}

function displayDate(iso: IsoDate, locale: string): string {
  return factsFor(locale).date(iso);
}

function clipboardDate(iso: IsoDate, order: DateOrder): string {
  if (!isIsoDate(iso)) return iso;
  const [y, m, d] = iso.split('-') as [string, string, string];
  if (order === 'DMY') return `${d}/${m}/${y}`;
  if (order === 'MDY') return `${m}/${d}/${y}`;
  return iso; // Excel and LibreOffice read yyyy-mm-dd as a date in every locale.
}

// ---------------------------------------------------------------------------------------------
// RAG and yes/no words.

// The words are data in exchange/vocabulary.ts (English, German, French, Spanish, Dutch, matched
// without case, accents or punctuation), shared with the importer.
export const RAG_LABELS: Record<'R' | 'A' | 'G', string> = { R: 'Red', A: 'Amber', G: 'Green' };
/** A RAG column's choices, and a yes/no column's (values as the set filter and value mapping hold them). */
export const RAG_CHOICES: readonly Option[] = (['G', 'A', 'R'] as const).map((v) => ({ value: v, label: RAG_LABELS[v] }));
export const YES_NO_CHOICES: readonly Option[] = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

// ---------------------------------------------------------------------------------------------
// Text: Excel's apostrophe prefix.

/**
 * Excel reads a leading apostrophe before a formula character as "this is text" and drops it;
 * so do we, and neutraliseFormula adds one on the way out. An apostrophe before another
 * apostrophe is dropped too, and escapeText doubles it on the way out, so text that really
 * starts with "'=" survives a round trip.
 */
export function unescapeText(s: string): string {
  return s.length > 1 && s[0] === "'" && (FORMULA_START.has(s[1]!) || s[1] === "'") ? s.slice(1) : s;
}

function escapeText(s: string): string {
  return s.length > 1 && s[0] === "'" && (FORMULA_START.has(s[1]!) || s[1] === "'") ? `'${s}` : s;
}

/** Types whose clipboard text is free text (and so goes out through neutraliseFormula). */
export const TEXTUAL_TYPES: ReadonlySet<ColumnType> = new Set(['text', 'longtext', 'person', 'select', 'multiselect', 'reference', 'references']);

export const MULTI_TYPES: ReadonlySet<ColumnType> = new Set(['multiselect', 'references']);

/** Blank as a filter or a paste sees it: null, undefined, '' or an empty list (false is a value). */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

// ---------------------------------------------------------------------------------------------
// Parsing.

const ok = (value: unknown): ParseResult => ({ ok: true, value });
const fail = (reason: string): ParseResult => ({ ok: false, reason });

/**
 * What an empty cell means. Text is '' rather than null: the schemas store absent text as ''
 * (z.string().default('')), so null would be refused on the command path.
 */
function emptyValue(type: ColumnType): unknown {
  if (MULTI_TYPES.has(type)) return [];
  if (type === 'checkbox') return false;
  if (type === 'text' || type === 'longtext' || type === 'person') return '';
  return null;
}

function parseMulti<R>(col: ColumnDef<R>, text: string, ctx: ColumnContext): ParseResult {
  const options = columnOptions(col, ctx);
  const source = sourceOf(col);
  const values: string[] = [];
  const unknown: string[] = [];
  const take = (value: string) => {
    if (!values.includes(value)) values.push(value);
  };
  /** An existing choice only: a whole text or a ';' chunk may be one label holding separators. */
  const existing = (part: string): boolean => {
    if (!options) return false;
    const m = matchOption(options, part, source);
    if (m.ok) take(m.value);
    return m.ok;
  };
  // A single label may itself hold a comma or semicolon ("Research, development").
  if (existing(text)) return ok(values);
  for (const chunk of text.split(/[;\n\r]+/)) {
    const c = chunk.trim();
    if (!c || existing(c)) continue;
    for (const piece of c.split(',')) {
      const p = piece.trim();
      if (!p) continue;
      // Free lists, and tags (allowNew), take a value that is not among the choices as a new one.
      const m: Match = options ? matchOption(options, p, source) : { ok: true, value: p };
      if (m.ok) take(m.value);
      else if ('reason' in m) return fail(m.reason);
      else if (col.allowNew) take(p);
      else if (!unknown.includes(m.unknown)) unknown.push(m.unknown);
    }
  }
  if (unknown.length) return fail(`has no match for ${unknown.map((u) => `"${u}"`).join(', ')}`);
  return ok(values);
}

/**
 * Money as text ("£1,200.50", "(500)", "1.5k", "12 €") → minor units. `noise` rounds away binary
 * float noise past the second decimal ("83700.990000000000002", util/money isFloatNoise): the
 * importer passes it for files other programs wrote; typed and pasted text stays exact, so a
 * third decimal a person types is refused rather than lost.
 */
export function parseMoneyText(text: string, locale: string, opts: { noise?: boolean } = {}): ParseResult {
  const a = readAmount(text.trim(), decimalSeparator(locale), { currency: true, multiplier: true });
  if (!a) return fail('is not an amount of money');
  const minor = parseDecimalMoney(signed(a), opts);
  if (minor !== null) return ok(minor);
  return fail((a.digits.split('.')[1] ?? '').replace(/0+$/, '').length > 2 ? 'has more than two decimals' : 'is too large');
}

/**
 * Text → the column's typed value. The same for a typed cell, a pasted cell and an imported one;
 * range and length limits are left to the entity schema on the command path.
 */
export function parseCell<R>(col: ColumnDef<R>, text: string, ctx: ColumnContext): ParseResult {
  const raw = text.trim();
  if (raw === '') return col.required ? fail('is required') : ok(emptyValue(col.type));
  const { locale, dateOrder } = ctx.settings;
  const decimal = decimalSeparator(locale);
  switch (col.type) {
    case 'text':
    case 'person':
      return ok(unescapeText(raw).replace(/\s*[\r\n]+\s*/g, ' '));
    case 'longtext':
      return ok(unescapeText(raw).replace(/\r\n?/g, '\n'));
    case 'number':
    case 'integer': {
      const a = readAmount(raw, decimal, {});
      if (!a) return fail('is not a number');
      const n = Number(signed(a));
      if (!Number.isFinite(n)) return fail('is not a number');
      if (col.type === 'integer' && !Number.isSafeInteger(n)) return fail('must be a whole number');
      return ok(n);
    }
    case 'money':
      return parseMoneyText(raw, locale);
    case 'percent': {
      const a = readAmount(raw, decimal, { percent: true });
      if (!a) return fail('is not a percentage');
      // With a % sign the number is the percentage. Without one, a fraction strictly between 0
      // and 1 written with a decimal mark ("0.45") is how spreadsheets hold 45 %, so it is read
      // as 45; any other bare number is already the percentage ("45" → 45, "1" → 1 %).
      // The shift is on the decimal text, so 0.07 gives exactly 7, not 7.000000000000001.
      const fraction = !a.percentSign && !a.negative && a.digits.startsWith('0.') && /[1-9]/.test(a.digits);
      const n = Number(signed({ ...a, digits: fraction ? shiftDecimal(a.digits, 2) : a.digits }));
      return Number.isFinite(n) ? ok(n) : fail('is not a percentage');
    }
    case 'date':
      return parseDateText(raw, dateOrder);
    case 'checkbox': {
      const yes = lookupValue('yesNo', raw);
      if (yes !== undefined) return ok(yes === 'true');
      return fail('must be yes or no');
    }
    case 'rag': {
      const v = lookupValue('rag', raw);
      if (v) return ok(v);
      const options = columnOptions(col, ctx);
      const m = options ? matchOption(options, raw, null) : null;
      return m?.ok ? ok(m.value) : fail('must be Red, Amber or Green');
    }
    case 'select':
    case 'reference': {
      const t = unescapeText(raw);
      const options = columnOptions(col, ctx);
      if (!options) return ok(t);
      const m = matchOption(options, t, sourceOf(col));
      if (m.ok) return ok(m.value);
      if ('reason' in m) return fail(m.reason);
      return fail(col.type === 'select' ? listChoices(options) : `has no match for "${t}"`);
    }
    case 'multiselect':
    case 'references':
      return parseMulti(col, unescapeText(raw), ctx);
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting.

function localDecimal(plain: string, facts: LocaleFacts): string {
  return facts.decimal === ',' ? plain.replace('.', ',') : plain;
}

function asStringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return isBlank(value) ? [] : [String(value)];
}

/**
 * Typed value → text. 'display' is what the grid shows (locale formats, currency, labels);
 * 'clipboard' is what Excel and LibreOffice read back as the same value and what parseCell
 * reads back identically (plain numbers in the locale's decimal mark, dates in the workbook's
 * order, labels); 'edit' is what an editor starts from, the same as 'clipboard'.
 */
export function formatCell<R>(col: ColumnDef<R>, value: unknown, ctx: ColumnContext, mode: FormatMode): string {
  if (value === null || value === undefined) return col.type === 'checkbox' && mode !== 'display' ? 'FALSE' : '';
  const { locale, currency, dateOrder } = ctx.settings;
  const display = mode === 'display';
  const facts = factsFor(locale);
  switch (col.type) {
    case 'text':
    case 'longtext':
    case 'person': {
      const s = typeof value === 'string' ? value : String(value);
      return display ? s : escapeText(s);
    }
    case 'number':
    case 'integer':
      if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
      if (display) return (col.type === 'integer' ? facts.integer : facts.number)(value);
      return localDecimal(plainNumber(value), facts);
    case 'money':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return String(value);
      return display ? displayMoney(value, currency, locale) : localDecimal(moneyToDecimal(value), facts);
    case 'percent':
      if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
      return display ? facts.percent.format(value / 100) : `${localDecimal(plainNumber(value), facts)}%`;
    case 'date':
      if (typeof value !== 'string') return String(value);
      return display ? displayDate(value, locale) : clipboardDate(value, dateOrder);
    case 'checkbox':
      if (display) return value === true ? 'Yes' : 'No';
      return value === true ? 'TRUE' : 'FALSE';
    case 'rag':
      return RAG_LABELS[value as 'R' | 'A' | 'G'] ?? optionLabel(columnOptions(col, ctx), String(value));
    case 'select':
    case 'reference': {
      const label = optionLabel(columnOptions(col, ctx), String(value));
      return display ? label : escapeText(label);
    }
    case 'multiselect':
    case 'references': {
      const options = columnOptions(col, ctx);
      const labels = asStringList(value).map((v) => optionLabel(options, v));
      return display ? labels.join(', ') : escapeText(labels.join('; '));
    }
  }
}

/**
 * A context whose options() returns the same array per source for the call's lifetime, so the
 * option index is built once even if the caller's context builds its lists on every call.
 */
export function withOptionCache(ctx: ColumnContext): ColumnContext {
  const cache = new Map<OptionSource, Option[]>();
  const options = (source: OptionSource) => {
    let list = cache.get(source);
    if (!list) cache.set(source, (list = ctx.options(source)));
    return list;
  };
  // Inherits everything else (settings, openRisks, countOf and whatever comes later); defined,
  // not assigned, so a frozen context does not make the override throw.
  return Object.create(ctx, { options: { value: options } }) as ColumnContext;
}
