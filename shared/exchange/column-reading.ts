// How a column of an imported sheet is read as a whole, decided once before its cells are:
// - the order of its numeric text dates (03/04/2026: day or month first), from the column's own
//   dates, then the order chosen for the sheet (wizard or mapping file), then the file (its other
//   date columns, its date cells' display formats, its stated language), then the workbook setting;
// - whether a percent column's plain numbers are fractions (Gnumeric writes 100 % as 1) or
//   percentages (45 is 45 %).
// Pure: the importer (import.ts) calls these and reports what was decided and why.
import { dateOrderOfLocale, parseCell, parseDateText, type DateOrder } from '../register/convert';
import type { ColumnContext, ColumnDef } from '../register/types';
import { daysInMonth, fromParts, MONTH_SHORT, type IsoDate } from '../calendar';
import type { SourceCell, SourceSheet, SourceWorkbook } from './source';
import type { ExchangeField } from './fields';

// ---------------------------------------------------------------------------------------------
// Date order

/** What one text date says about the order: only one way, both ways (two dates), or nothing. */
export type DateTextReading = { kind: 'DMY' | 'MDY' } | { kind: 'both'; dmy: IsoDate; mdy: IsoDate } | null;

const PLAIN_ISO = /^\s*\d{4}-\d{2}-\d{2}\s*$/;

/**
 * Reads a text both ways with the one date parser (times, weekdays and ordinals included):
 * 25/03/2026 can only be day first, 02/21/2026 only month first, 03/04/2026 either; ISO dates,
 * month names and 05/05/2026 say nothing (null). `period` first drops words before the date
 * ("Week of 1/5/2026", "w/c 05/01/2026").
 */
export function dateTextReading(text: string, period = false): DateTextReading {
  if (PLAIN_ISO.test(text) || !/\d[/.\-\s]\d/.test(text)) return null;
  const plain = NUMERIC_DATE.exec(text);
  if (plain) return numericReading(Number(plain[1]), Number(plain[2]), plain[3]!);
  const t = period ? text.replace(/^\D*(?=\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d)/, '') : text;
  const d = parseDateText(t, 'DMY');
  const m = parseDateText(t, 'MDY');
  if (d.ok && m.ok) return d.value === m.value ? null : { kind: 'both', dmy: d.value as IsoDate, mdy: m.value as IsoDate };
  if (d.ok) return { kind: 'DMY' };
  if (m.ok) return { kind: 'MDY' };
  return null;
}

/** The common case without a parser run (a column of 50,000 dates is read both ways): "03/04/2026". */
const NUMERIC_DATE = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\s*$/;

function numericReading(a: number, b: number, yearText: string): DateTextReading {
  // Two-digit years as the parser reads them (00–69 → 2000s).
  const y = yearText.length === 2 ? (Number(yearText) < 70 ? 2000 + Number(yearText) : 1900 + Number(yearText)) : Number(yearText);
  const real = (m: number, d: number) => y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
  const dmy = real(b, a);
  const mdy = real(a, b);
  if (dmy && mdy) return a === b ? null : { kind: 'both', dmy: fromParts(y, b, a), mdy: fromParts(y, a, b) };
  return dmy ? { kind: 'DMY' } : mdy ? { kind: 'MDY' } : null;
}

/** A column's text dates, read both ways. */
export interface DateColumnEvidence {
  /** Dates that can only be day first, only month first; the first of each, for messages. */
  dmy: number;
  mdy: number;
  dmyExample?: string;
  mdyExample?: string;
  /** Dates that read both ways (0-based row, the text, both readings), in row order. */
  ambiguous: { row: number; text: string; dmy: IsoDate; mdy: IsoDate }[];
}

/** Whether a field holds dates written as text (a date, a long allocation's period, a status month). */
export function isDateLike(f: ExchangeField): boolean {
  return f.col.type === 'date' || f.key === 'period' || f.month === true;
}

export function dateColumnEvidence(sheet: SourceSheet, column: number, rows: Iterable<number>, period = false): DateColumnEvidence {
  const e: DateColumnEvidence = { dmy: 0, mdy: 0, ambiguous: [] };
  for (const r of rows) {
    const cell = sheet.rows[r]?.[column];
    if (typeof cell !== 'string') continue;
    const reading = dateTextReading(cell, period);
    if (!reading) continue;
    if (reading.kind === 'both') e.ambiguous.push({ row: r, text: cell.trim(), dmy: reading.dmy, mdy: reading.mdy });
    else if (reading.kind === 'DMY') {
      e.dmy++;
      e.dmyExample ??= cell.trim();
    } else {
      e.mdy++;
      e.mdyExample ??= cell.trim();
    }
  }
  return e;
}

/** What the order was decided from, in the order the evidence is weighed. */
export type DateOrderBasis = 'column' | 'file-columns' | 'file-formats' | 'file-locale' | 'choice' | 'setting';

export interface DateOrderDecision {
  order: DateOrder;
  basis: DateOrderBasis;
  /** "day/month/year from this column's dates (25/03/2026 can only be day first)". */
  message: string;
}

/** Another date column of the same file that its own dates decide. */
export interface DecidedColumn {
  order: 'DMY' | 'MDY';
  /** "column D “Finish”" (and the sheet when it is another one). */
  where: string;
  example: string;
}

export const ORDER_WORDS: Record<DateOrder, string> = { DMY: 'day/month/year', MDY: 'month/day/year', YMD: 'year/month/day' };
const FIRST_WORDS: Record<'DMY' | 'MDY', string> = { DMY: 'day first', MDY: 'month first' };

/**
 * The order one column's text dates are read in. Its own dates decide when they can only be read
 * one way; a column whose dates disagree takes the order most of them need (the others are then
 * listed as not real dates). Otherwise the order chosen for the sheet, then the file (its other
 * date columns when all that decide agree, the display formats of its date cells, its stated
 * language), then the workbook setting (year-first settings read such dates day first).
 */
export function decideDateOrder(
  own: DateColumnEvidence,
  ctx: { others: readonly DecidedColumn[]; source: Pick<SourceWorkbook, 'dateOrderHint' | 'locale'>; choice?: DateOrder; setting: DateOrder },
): DateOrderDecision {
  const decided = (order: DateOrder, basis: DateOrderBasis, why: string): DateOrderDecision => ({ order, basis, message: `${ORDER_WORDS[order]} ${why}` });
  if (own.dmy > 0 || own.mdy > 0) {
    const order: 'DMY' | 'MDY' = own.mdy > own.dmy || (own.mdy === own.dmy && ctx.choice === 'MDY') ? 'MDY' : 'DMY';
    const example = order === 'DMY' ? own.dmyExample! : own.mdyExample!;
    const against = order === 'DMY' ? own.mdy : own.dmy;
    const mixed = against > 0 ? `; ${against} of its dates can only be ${FIRST_WORDS[order === 'DMY' ? 'MDY' : 'DMY']} and are not read` : '';
    return decided(order, 'column', `from this column's dates (${example} can only be ${FIRST_WORDS[order]}${mixed})`);
  }
  if (ctx.choice) return decided(ctx.choice === 'YMD' ? 'DMY' : ctx.choice, 'choice', 'as chosen for this sheet');
  const dmy = ctx.others.filter((o) => o.order === 'DMY');
  const mdy = ctx.others.filter((o) => o.order === 'MDY');
  if (dmy.length !== mdy.length && (dmy.length === 0 || mdy.length === 0)) {
    const o = (dmy.length ? dmy : mdy)[0]!;
    return decided(o.order, 'file-columns', `from the file's other dates (${o.where}: ${o.example} can only be ${FIRST_WORDS[o.order]})`);
  }
  const hint = ctx.source.dateOrderHint;
  if (hint === 'DMY' || hint === 'MDY') return decided(hint, 'file-formats', `from the file's date formats (its date cells show ${ORDER_WORDS[hint]})`);
  const byLocale = ctx.source.locale ? dateOrderOfLocale(ctx.source.locale) : null;
  if (byLocale === 'DMY' || byLocale === 'MDY') return decided(byLocale, 'file-locale', `from the file's language (${ctx.source.locale!})`);
  return decided(ctx.setting === 'YMD' ? 'DMY' : ctx.setting, 'setting', 'from the workbook setting');
}

/** "3 Apr 2026": unambiguous in a message about dates that read both ways. */
export function spelledDate(iso: IsoDate): string {
  return `${Number(iso.slice(8, 10))} ${MONTH_SHORT[Number(iso.slice(5, 7)) - 1]!} ${iso.slice(0, 4)}`;
}

// ---------------------------------------------------------------------------------------------
// Percent columns

/** How a percent column's plain numbers (no % sign, not formatted as percent) are read. */
export type PercentScale = 'fraction' | 'percent';

export interface PercentDecision {
  scale: PercentScale;
  /** Said once, as a warning on the column, when the decision changes what a number means. */
  message?: string;
}

const NUMBER_COL: ColumnDef = { id: 'n', header: 'n', type: 'number', field: 'n', editable: true, get: () => null };

/** A plain number without a % sign, as the register reads numbers, or null. */
function bareNumber(cell: SourceCell, ctx: ColumnContext): number | null {
  if (typeof cell === 'number') return cell;
  if (typeof cell !== 'string' || cell.includes('%') || cell.trim() === '') return null;
  const r = parseCell(NUMBER_COL, cell, ctx);
  return r.ok && typeof r.value === 'number' ? r.value : null;
}

/**
 * Whether a percent column's plain numbers are fractions: when every one is between 0 and 1 (and
 * not all 0), 1 is 100 % and 0.45 is 45 % (Gnumeric writes percentages so, and CSV drops the
 * format); when any is above 1, they are percentages and 0.5 is 0.5 %. Null when the column has
 * no plain numbers (only cells formatted as percent, text with %, or blanks).
 */
export function decidePercentColumn(sheet: SourceSheet, column: number, rows: Iterable<number>, ctx: ColumnContext): PercentDecision | null {
  let bare = 0;
  let formatted = 0;
  let above = 0;
  let positive = 0;
  let belowOne = 0;
  let bigExample: number | null = null;
  let smallExample: number | null = null;
  for (const r of rows) {
    const cell = sheet.rows[r]?.[column] ?? null;
    if (cell === null) continue;
    if ((typeof cell === 'object' && 'pct' in cell) || (typeof cell === 'string' && cell.includes('%'))) {
      formatted++;
      continue;
    }
    const n = bareNumber(cell, ctx);
    if (n === null) continue;
    bare++;
    if (n > 1) {
      above++;
      bigExample ??= n;
    } else if (n > 0) {
      positive++;
      if (n < 1) {
        belowOne++;
        smallExample ??= n;
      }
    }
  }
  if (bare === 0) return null;
  if (above === 0 && positive > 0) {
    const why = formatted > 0 ? `every plain number in it is between 0 and 1 and its other cells are percentages` : 'every number in it is between 0 and 1';
    return { scale: 'fraction', message: `Numbers read as fractions, 1 as 100 % and ${smallExample ?? 0.5} as ${round6((smallExample ?? 0.5) * 100)} %: ${why}` };
  }
  if (above > 0 && belowOne > 0) {
    return { scale: 'percent', message: `Numbers read as percentages, ${bigExample} as ${bigExample} % and ${smallExample} as ${smallExample} %, as some are above 1` };
  }
  return { scale: 'percent' };
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
