// One spreadsheet cell → the typed value of a field. Text goes through the register's parseCell
// (the same rules as typing or pasting); typed cells (numbers, dates, booleans) are taken as they
// are where that is exact: a number in a money column becomes minor units without a trip through
// text, a date cell is already a calendar date.
import { parseCell, parseDateText, excelSerialToIsoDate, type DateOrder } from '../register/convert';
import type { ColumnContext, ParseResult } from '../register/types';
import { numberToMoney } from '../util/money';
import { cellText, type SourceCell } from './source';
import type { ExchangeField } from './fields';

export interface CellOptions {
  dateOrder: DateOrder;
  date1904: boolean;
  /** Multiplier for money columns headed "(£k)" or "(m)". */
  scale?: number;
}

export type Converted = (ParseResult & { warning?: string }) | { ok: true; value: unknown; warning: string };

const STAGE_WORDS: Record<string, string> = {
  active: 'in-progress',
  inprogress: 'in-progress',
  started: 'in-progress',
  underway: 'in-progress',
  delivery: 'in-progress',
  execution: 'in-progress',
  live: 'in-progress',
  complete: 'closed',
  completed: 'closed',
  done: 'closed',
  finished: 'closed',
  delivered: 'closed',
  pipeline: 'proposed',
  proposal: 'proposed',
  submitted: 'proposed',
  concept: 'idea',
  draft: 'idea',
  paused: 'on-hold',
  onhold: 'on-hold',
  hold: 'on-hold',
  suspended: 'on-hold',
  stopped: 'cancelled',
  canceled: 'cancelled',
  cancelled: 'cancelled',
  approved: 'approved',
  notstarted: 'approved',
};

const PRIORITY_WORDS: Record<string, string> = { p1: 'critical', p2: 'high', p3: 'medium', p4: 'low', '1': 'critical', '2': 'high', '3': 'medium', '4': 'low', med: 'medium', urgent: 'critical' };

const wordKey = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Converts one cell for one field. Empty cells give the field's empty value (or "is required"). */
export function convertCell(cell: SourceCell, f: ExchangeField, ctx: ColumnContext, o: CellOptions): Converted {
  const c = f.col;
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
        const minor = numberToMoney(cell * (o.scale ?? 1));
        return minor === null ? { ok: false, reason: 'is too large' } : { ok: true, value: minor };
      }
      case 'number':
        return { ok: true, value: cell };
      case 'integer':
        return Number.isInteger(cell) ? { ok: true, value: cell } : { ok: false, reason: 'must be a whole number' };
      case 'percent':
        // A bare fraction is how spreadsheets hold a percentage: 0.45 is 45 %.
        return { ok: true, value: cell > 0 && cell < 1 ? round(cell * 100, 6) : cell };
      case 'date': {
        const iso = cell > 0 && Number.isFinite(cell) ? excelSerialToIsoDate(cell, o.date1904) : null;
        if (!iso || cell < 10_000 || cell > 120_000) return { ok: false, reason: `is the number ${cell}, not a date` };
        return { ok: true, value: iso, warning: `${cell} read as the spreadsheet date ${iso}` };
      }
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

function convertText(text: string, f: ExchangeField, ctx: ColumnContext, o: CellOptions): Converted {
  const c = f.col;
  if (c.type === 'date') return parseDateText(text, o.dateOrder);
  if (c.type === 'money' && o.scale && o.scale !== 1) {
    const r = parseCell(c, text, ctx);
    if (!r.ok || typeof r.value !== 'number') return r;
    const v = r.value * o.scale;
    return Number.isSafeInteger(v) ? { ok: true, value: v } : { ok: false, reason: 'is too large' };
  }
  const r = parseCell(c, text, ctx);
  if (r.ok || c.type !== 'select') return r;
  const k = wordKey(text);
  const word = f.key === 'stage' ? STAGE_WORDS[k] : f.key === 'priority' ? PRIORITY_WORDS[k] : undefined;
  return word ? { ok: true, value: word, warning: `"${text}" read as ${word}` } : r;
}

function round(n: number, places: number): number {
  const m = 10 ** places;
  return Math.round(n * m) / m;
}

/**
 * The order of a column's numeric text dates, from the dates themselves: 25/03/2026 can only be
 * day-month, 03/25/2026 only month-day. Returns the order and how many dates stay ambiguous
 * (both numbers ≤ 12) when the column does not decide.
 */
export function inferDateOrder(texts: Iterable<string>, fallback: DateOrder): { order: DateOrder; decided: boolean; ambiguous: number; example?: string } {
  let dmy = 0;
  let mdy = 0;
  let ambiguous = 0;
  let example: string | undefined;
  for (const t of texts) {
    const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$/.exec(t);
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) dmy++;
    else if (b > 12 && a <= 12) mdy++;
    else if (a !== b && a <= 12 && b <= 12) {
      ambiguous++;
      example ??= t.trim();
    }
  }
  if (dmy > 0 && mdy === 0) return { order: 'DMY', decided: true, ambiguous: 0 };
  if (mdy > 0 && dmy === 0) return { order: 'MDY', decided: true, ambiguous: 0 };
  return { order: fallback === 'YMD' ? 'DMY' : fallback, decided: false, ambiguous, ...(example ? { example } : {}) };
}
