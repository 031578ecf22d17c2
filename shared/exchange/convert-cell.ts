// One spreadsheet cell → the typed value of a field. Text goes through the register's parseCell
// (the same rules as typing or pasting); typed cells (numbers, dates, booleans) are taken as they
// are where that is exact: a number in a money column becomes minor units without a trip through
// text, a date cell is already a calendar date.
import { parseCell, parseDateText, parseMoneyText, excelSerialToIsoDate, unescapeText, type DateOrder } from '../register/convert';
import type { ColumnContext, ColumnDef, ParseResult } from '../register/types';
import { isFloatNoise, MONEY_MAX_MINOR, MONEY_SCALE, numberToMoney } from '../util/money';
import type { PercentScale } from './column-reading';
import { cellText, type SourceCell } from './source';
import type { ExchangeField } from './fields';
import { parsePeriodHeader } from './periods';
import { fixedOptions, vocabularyValue } from './value-map';

export interface CellOptions {
  dateOrder: DateOrder;
  date1904: boolean;
  /** Multiplier for money columns headed "(£k)" or "(m)". */
  scale?: number;
  /**
   * How the column's plain numbers are read when it is a percent column, decided for the whole
   * column (column-reading.ts decidePercentColumn): 'fraction' (1 is 100 %, 0.45 is 45 %) or
   * 'percent' (45 is 45 %). Absent: a number strictly between 0 and 1 is a fraction, others are
   * percentages (one cell on its own).
   */
  percent?: PercentScale;
}

export type Converted = (ParseResult & { warning?: string }) | { ok: true; value: unknown; warning: string };

/** Converts one cell for one field. Empty cells give the field's empty value (or "is required"). */
export function convertCell(cell: SourceCell, f: ExchangeField, ctx: ColumnContext, o: CellOptions): Converted {
  const c = f.col;
  if (f.month) return convertMonth(cell, o);
  if (cell === null || cell === '') return parseCell(c, '', ctx);
  if (typeof cell === 'object' && 'd' in cell) {
    if (c.type === 'date') return { ok: true, value: cell.d };
    if (c.type === 'text' || c.type === 'longtext') return { ok: true, value: cell.d };
    return { ok: false, reason: 'is a date, not a value for this column' };
  }
  if (typeof cell === 'object' && 'pct' in cell) {
    if (c.type === 'percent') return { ok: true, value: round(cell.n * 100, 6) };
    if (c.type === 'number' || c.type === 'integer') return parseCell(c, String(f.key === 'fte' ? cell.n : cell.n * 100), ctx);
    return parseCell(c, `${round(cell.n * 100, 6)}%`, ctx);
  }
  if (typeof cell === 'number') {
    switch (c.type) {
      case 'money': {
        const v = cell * (o.scale ?? 1);
        const minor = numberToMoney(v);
        if (minor !== null) return { ok: true, value: minor };
        return { ok: false, reason: Number.isFinite(v) && Math.abs(v) * MONEY_SCALE <= MONEY_MAX_MINOR ? 'has more than two decimals' : 'is too large' };
      }
      case 'number':
        return { ok: true, value: cell };
      case 'integer':
        return wholeNumber(cell);
      case 'percent':
        return { ok: true, value: percentOf(cell, o) };
      case 'date':
        return serialDate(cell, o);
      case 'checkbox':
        return { ok: true, value: cell !== 0 };
      default:
        return convertText(String(cell), f, ctx, o);
    }
  }
  if (typeof cell === 'boolean') {
    if (c.type === 'checkbox') return { ok: true, value: cell };
    return convertText(cell ? 'TRUE' : 'FALSE', f, ctx, o);
  }
  return convertText(cellText(cell), f, ctx, o);
}

/**
 * A month field (a status report's period, stored as YYYY-MM): "2026-03", "Mar 2026", "March 2026",
 * "03/2026", "Mar-26", a date cell or a text date in the month (read as the month that holds it),
 * or a spreadsheet date serial. The same reading as a monthly grid's headers (periods.ts); a week
 * ("2026-W05", "w/c 02/03/2026") is refused, since it may span two months.
 */
export function convertMonth(cell: SourceCell, o: CellOptions): Converted {
  if (cell === null || cell === '') return { ok: true, value: null };
  if (typeof cell === 'number') {
    const iso = Number.isFinite(cell) && cell >= 10_000 && cell <= 120_000 ? excelSerialToIsoDate(cell, o.date1904) : null;
    return iso ? { ok: true, value: iso.slice(0, 7), warning: `${cell} read as the spreadsheet date ${iso}, month ${iso.slice(0, 7)}` } : { ok: false, reason: `is the number ${cell}, not a month (use 2026-03, Mar 2026 or a date)` };
  }
  if (typeof cell === 'object' && 'd' in cell) return { ok: true, value: cell.d.slice(0, 7) };
  const text = cellText(cell).trim();
  const p = parsePeriodHeader(text, { dateOrder: o.dateOrder, dateAs: 'month' });
  if (p && p.kind === 'month') return { ok: true, value: p.start.slice(0, 7) };
  if (p) return { ok: false, reason: `is a week, not a month (use 2026-03, Mar 2026 or a date in the month)` };
  return { ok: false, reason: 'is not a month (use 2026-03, Mar 2026 or a date in the month)' };
}

/**
 * Text fields records are found by, or that name something: trimmed and on one line, as the
 * register types them (the schemas trim codes, names and titles too).
 */
const KEY_TEXT_FIELDS: ReadonlySet<string> = new Set(['code', 'name', 'title', 'email', 'id', 'version']);

/**
 * Free text (descriptions, notes, narratives, a team, custom text fields) is kept exactly as the
 * file has it: line breaks, leading and trailing spaces and tabs, so a round trip changes
 * nothing nobody edited. Only a cell of nothing but white space counts as empty, and Excel's
 * apostrophe before a formula character is dropped (unescapeText), as the register does.
 */
export function keepsTextExactly(f: ExchangeField): boolean {
  return (f.col.type === 'text' || f.col.type === 'longtext') && !f.virtual && !f.month && !KEY_TEXT_FIELDS.has(f.key);
}

/** A whole number, or one within float noise of it (4.000000000000001 is 4). */
function wholeNumber(n: number): Converted {
  if (Number.isInteger(n)) return { ok: true, value: n };
  const whole = Math.round(n);
  return Number.isSafeInteger(whole) && isFloatNoise(Math.abs(n - whole), n) ? { ok: true, value: whole } : { ok: false, reason: 'must be a whole number' };
}

/** A plain number in a percent column, by the column's scale. */
function percentOf(n: number, o: CellOptions): number {
  const fraction = o.percent ? o.percent === 'fraction' : n > 0 && n < 1; // one cell alone: 0.45 is how spreadsheets hold 45 %
  return fraction ? round(n * 100, 6) : n;
}

/** A spreadsheet date serial (46322), in a date cell's range: 1927 to 2228. */
function serialDate(n: number, o: CellOptions): Converted {
  const iso = n > 0 && Number.isFinite(n) ? excelSerialToIsoDate(n, o.date1904) : null;
  if (!iso || n < 10_000 || n > 120_000) return { ok: false, reason: `is the number ${n}, not a date` };
  return { ok: true, value: iso, warning: `${n} read as the spreadsheet date ${iso}` };
}

const NUMBER_COL: ColumnDef = { id: 'n', header: 'n', type: 'number', field: 'n', editable: true, get: () => null };
/** A plain number in a text date cell: a serial date (a CSV from a program that wrote the number, not the date). */
const SERIAL_TEXT = /^\s*\d+(?:\.\d+)?\s*$/;

function convertText(text: string, f: ExchangeField, ctx: ColumnContext, o: CellOptions): Converted {
  const c = f.col;
  if (keepsTextExactly(f)) return text.trim() === '' ? parseCell(c, '', ctx) : { ok: true, value: unescapeText(text) };
  if (c.type === 'date') return SERIAL_TEXT.test(text) ? serialDate(Number(text), o) : parseDateText(text, o.dateOrder);
  if (text.trim() !== '') {
    // Numbers other programs wrote: float noise past the field's precision is rounded away
    // ("83700.990000000000002", "4.000000000000001"); a percent column's plain numbers follow
    // the column's scale.
    if (c.type === 'money' && !(o.scale && o.scale !== 1)) return parseMoneyText(text, ctx.settings.locale, { noise: true });
    if (c.type === 'integer' || (c.type === 'percent' && o.percent && !text.includes('%'))) {
      const n = parseCell(NUMBER_COL, text, ctx);
      if (n.ok && typeof n.value === 'number') return c.type === 'integer' ? wholeNumber(n.value) : { ok: true, value: percentOf(n.value, o) };
      if (c.type === 'percent') return { ok: false, reason: 'is not a percentage' };
    }
  }
  if (c.type === 'money' && o.scale && o.scale !== 1) {
    const r = parseMoneyText(text, ctx.settings.locale, { noise: true });
    if (!r.ok || typeof r.value !== 'number') return r;
    const v = r.value * o.scale;
    return Number.isSafeInteger(v) ? { ok: true, value: v } : { ok: false, reason: 'is too large' };
  }
  const r = parseCell(c, text, ctx);
  if (r.ok || c.type !== 'select') return r;
  // Words for our values in other words or languages ("In Flight", "Genehmigt"): vocabulary.ts.
  const word = vocabularyValue(f, text);
  if (word === undefined) return r;
  const label = fixedOptions(f)?.find((x) => x.value === word)?.label ?? word;
  return { ok: true, value: word, warning: `"${text.trim()}" read as ${label}` };
}

function round(n: number, places: number): number {
  const m = 10 ** places;
  return Math.round(n * m) / m;
}
