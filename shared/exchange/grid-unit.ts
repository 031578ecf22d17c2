// What the cells of a wide allocation grid hold: hours per week (our export's unit), hours or
// days in the period, % of an FTE or FTE. The unit is chosen for the whole grid
// (SheetMapping.periods.unit), suggested here from the cells and the words around the grid; a
// cell that states its own unit ("50%", "2 d", "0.5 FTE") is read in that unit. What each unit
// becomes as an allocation is the hours rule's (gridCellAllocation in
// shared/capacity/allocation-hours.ts). Pure: no DOM, no Node.
import type { GridCellUnit } from '../capacity/allocation-hours';
import type { Settings } from '../model/schemas';
import type { DateOrder } from '../register/convert';
import type { SourceCell, SourceSheet, SourceWorkbook } from './source';
import { cellText, columnLetter } from './source';
import { parseLooseNumber } from './suggest';
import { declaredPeriodColumns, detectPeriodColumns, type PeriodKind } from './periods';
import { dateTextReading, decideDateOrder, type DateOrderDecision, type DecidedColumn } from './column-reading';
import type { IsoDate } from '../calendar';

export type { GridCellUnit };

export const GRID_UNITS: readonly GridCellUnit[] = ['hours-per-week', 'hours-per-period', 'days-per-period', 'fte-percent', 'fte'];

/** What the Columns step's "Cells hold" choice says. */
export const GRID_UNIT_LABELS: Record<GridCellUnit, string> = {
  'hours-per-week': 'Hours per week',
  'hours-per-period': 'Hours in the period',
  'days-per-period': 'Days in the period',
  'fte-percent': '% of an FTE',
  fte: 'FTE',
};

/** In a sentence: "read as % of an FTE (the grid holds hours per week)". */
export const GRID_UNIT_PHRASE: Record<GridCellUnit, string> = {
  'hours-per-week': 'hours per week',
  'hours-per-period': 'hours in the period',
  'days-per-period': 'days in the period',
  'fte-percent': '% of an FTE',
  fte: 'FTE',
};

/** Before a period's label in the Columns step's table: "% FTE, Jan 2026". */
export const GRID_UNIT_SHORT: Record<GridCellUnit, string> = {
  'hours-per-week': 'Hours per week',
  'hours-per-period': 'Hours',
  'days-per-period': 'Days',
  'fte-percent': '% FTE',
  fte: 'FTE',
};

export function isGridUnit(v: unknown): v is GridCellUnit {
  return typeof v === 'string' && (GRID_UNITS as readonly string[]).includes(v);
}

// Words that name a unit, in English, German, French, Spanish and Dutch, after a number in a
// cell ("2 d", "16 h", "0.5 FTE") or around a grid (a title "Allocation (days)", a group header
// "FTE %"). FTE: VZÄ (Vollzeitäquivalent), ETP (équivalent temps plein), VTE (voltijdequivalent).
const PERCENT_WORDS = /%|\bpercent|\bprozent|\bpourcent|\bporcentaje|\bprocent/i;
const FTE_WORDS = /\b(?:fte|vzä|vza|etp|vte)\b/i;
const DAY_WORDS = /\b(?:(?:person|man)[- ]?days?|days?|pd|md|personentage|tage|jours?(?:[- ]homme)?|j\/h|días|dias|dagen|mandagen)\b/i;
const HOURS_PER_WEEK_WORDS = /\b(?:hours?|hrs?|h|std|stunden|heures|horas|uren)\s*(?:\/|per|pro|par|por)\s*(?:week|wk|w|woche|wo|semaine|sem|semana)\b/i;
const HOUR_WORDS = /\b(?:hours?|hrs?|stunden|std|heures|horas|uren)\b/i;

const SUFFIX = /^(.*?\d[.,]?)\s*(%|h|hrs?|hours?|std\.?|stunden|uur|heures?|horas?|d|days?|tage?|j|jours?|días?|dias?|dagen|fte|vzä|etp|vte)\.?$/i;

/** The unit a cell's own suffix names, for a grid of `grid`. */
function suffixUnit(suffix: string, grid: GridCellUnit): GridCellUnit {
  const s = suffix.toLowerCase();
  if (s === '%') return 'fte-percent';
  if (FTE_WORDS.test(s)) return 'fte';
  if (/^(?:h|hrs?|hours?|std\.?|stunden|uur|heures?|horas?)$/.test(s)) return grid === 'hours-per-period' ? 'hours-per-period' : 'hours-per-week';
  return 'days-per-period';
}

export type GridCellRead = { ok: true; value: number; unit: GridCellUnit; plain: boolean } | { ok: false; reason: string };

const UNIT_WORD: Record<GridCellUnit, string> = {
  'hours-per-week': 'a number of hours',
  'hours-per-period': 'a number of hours',
  'days-per-period': 'a number of days',
  'fte-percent': 'a percentage',
  fte: 'a number of FTE',
};

/**
 * One grid cell: null when it holds nothing (blank, "-"), else its number and the unit it is in
 * (the grid's, or the cell's own: a percent-formatted cell or "50%" is % of an FTE, "2 d" days,
 * "16 h" hours, "0.5 FTE" FTE). `plain` is a bare number, which the grid's unit decides.
 */
export function readGridCell(cell: SourceCell, grid: GridCellUnit): GridCellRead | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) && cell >= 0 ? { ok: true, value: cell, unit: grid, plain: true } : { ok: false, reason: cell < 0 ? `${cell} cannot be negative` : `is not ${UNIT_WORD[grid]}` };
  if (typeof cell === 'boolean') return { ok: false, reason: `"${String(cell)}" is not ${UNIT_WORD[grid]}` };
  if (typeof cell === 'object') {
    if ('d' in cell) return { ok: false, reason: `${cell.d} is a date, not ${UNIT_WORD[grid]}` };
    const pct = Math.round(cell.n * 100 * 1e9) / 1e9;
    return pct >= 0 ? { ok: true, value: pct, unit: 'fte-percent', plain: false } : { ok: false, reason: `${pct}% cannot be negative` };
  }
  const text = cell.trim();
  // A lone dash is how sheets show nothing.
  if (/^[-–—]?$/.test(text)) return null;
  const m = SUFFIX.exec(text);
  const num = parseLooseNumber(m ? m[1]!.trim() : text);
  if (!num || num.money) return { ok: false, reason: `"${cellText(cell)}" is not ${UNIT_WORD[grid]}` };
  if (num.value < 0) return { ok: false, reason: `"${cellText(cell)}" cannot be negative` };
  return m ? { ok: true, value: num.value, unit: suffixUnit(m[2]!, grid), plain: false } : { ok: true, value: num.value, unit: grid, plain: true };
}

export interface GridUnitSuggestion {
  unit: GridCellUnit;
  /** Why, in words: "58 of 60 cells are percentages". */
  reason: string;
}

/**
 * The unit a grid's cells probably hold, from the cells (percent-formatted or written with "%":
 * % of an FTE; bare numbers mostly 1.5 or less: FTE; in a monthly grid mostly over 60: hours in
 * the month) and the words around the grid (`context`: title rows, a group header over the grid,
 * the sheet's name: "%", "FTE", "days", "hours per week"). Else hours per week.
 */
export function suggestGridUnit(cells: Iterable<SourceCell>, kind: PeriodKind, context: readonly string[]): GridUnitSuggestion {
  let filled = 0;
  let percent = 0;
  const numbers: number[] = [];
  const own = new Map<GridCellUnit, number>();
  for (const c of cells) {
    const r = readGridCell(c, 'hours-per-week');
    if (!r || !r.ok) continue;
    filled++;
    if (r.unit === 'fte-percent') percent++;
    else if (!r.plain) own.set(r.unit, (own.get(r.unit) ?? 0) + 1);
    if (r.plain && r.value > 0) numbers.push(r.value);
  }
  const n = numbers.length;
  const small = numbers.filter((v) => v <= 1.5).length;
  const large = numbers.filter((v) => v > 60).length;
  const max = numbers.reduce((a, b) => Math.max(a, b), 0);
  const cellsWord = (k: number) => `${k.toLocaleString('en-GB')} of ${filled.toLocaleString('en-GB')} filled cell${filled === 1 ? '' : 's'}`;
  if (filled && percent * 2 >= filled) return { unit: 'fte-percent', reason: `${cellsWord(percent)} are percentages` };
  for (const [unit, k] of own) if (k * 2 >= filled) return { unit, reason: `${cellsWord(k)} say ${unit === 'fte' ? 'FTE' : unit === 'days-per-period' ? 'days' : 'hours'}` };

  const said = (re: RegExp) => {
    const hit = context.find((t) => re.test(t));
    return hit ? `“${hit.trim().slice(0, 60)}”` : null;
  };
  let hit = said(HOURS_PER_WEEK_WORDS);
  if (hit) return { unit: 'hours-per-week', reason: `${hit} says hours per week` };
  hit = said(DAY_WORDS);
  if (hit) return { unit: 'days-per-period', reason: `${hit} says days` };
  hit = said(PERCENT_WORDS);
  if (hit) return { unit: 'fte-percent', reason: `${hit} says percent` };
  hit = said(FTE_WORDS);
  if (hit) {
    // "FTE" over numbers like 50 and 100 is % of an FTE; over 0.5 and 1, FTE.
    if (n && small * 10 >= n * 9) return { unit: 'fte', reason: `${hit} says FTE` };
    if (n && max <= 100) return { unit: 'fte-percent', reason: `${hit} says FTE and the numbers go up to ${max}: % of an FTE` };
    return { unit: 'fte', reason: `${hit} says FTE` };
  }
  if (n && small * 10 >= n * 9) return { unit: 'fte', reason: `${small.toLocaleString('en-GB')} of ${n.toLocaleString('en-GB')} numbers are 1.5 or less: FTE` };
  hit = said(HOUR_WORDS);
  if (kind === 'month' && (hit || (n && large * 2 >= n))) {
    return { unit: 'hours-per-period', reason: hit ? `${hit} says hours, in a monthly grid: hours in the month` : `${large.toLocaleString('en-GB')} of ${n.toLocaleString('en-GB')} numbers are over 60, more than a week holds: hours in the month` };
  }
  return { unit: 'hours-per-week', reason: n ? `numbers up to ${max} read as hours per week` : 'hours per week (the default)' };
}

// ---------------------------------------------------------------------------------------------
// A sheet's grid, as the analysis proposes it: its period columns (detectPeriodColumns, with the
// day/month order and the year the sheet and file give) and the unit of its cells.

/** Where a sheet's table is (detect.ts's table, less what the grid does not need). */
export interface GridTable {
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  skipRows?: readonly { row: number }[];
}

/**
 * A sheet mapping's grid (SheetMapping.periods in import.ts; written out here, not imported, so
 * that import.ts and analyse.ts can both use this module without importing each other).
 */
export interface GridPeriods {
  columns: { column: number; start: IsoDate; end: IsoDate; label: string }[];
  kind: PeriodKind;
  unit?: GridCellUnit;
}

/** What declareGrid reads and sets of a sheet's proposal (analyse.ts SheetProposal). */
export interface GridProposal {
  sheet: string;
  kind: string;
  headers: string[];
  mapping: GridTable & { dateOrder?: DateOrder; periods?: GridPeriods | null; columns: { column: number; field: string | null }[] };
}

export interface ProposedGrid {
  periods: GridPeriods;
  unit: GridUnitSuggestion;
  /** How the headers were read, when something had to be decided: "Week of 1/5/2026 … read month first (from the headers: 1/19/2026 can only be month first)". */
  notes: string[];
}

const SAMPLE_ROWS = 2000;

/** The years a text names ("Resource plan 2026/27" → 2026, 2027). */
function yearsIn(text: string): number[] {
  return [...text.matchAll(/(?<!\d)(19[7-9]\d|20\d{2})(?!\d)/g)].map((m) => Number(m[1]));
}

function commonYear(counts: Map<number, number>): number | undefined {
  let best: number | undefined;
  for (const [y, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && y < best)) best = y;
  return best;
}

/**
 * The year of headers without one ("W05", "Jan"), when no header beside them has one: the first
 * year a title row or the sheet's name names ("Plan 2026/27": 2026), else the most common year of
 * the sheet's dates, else of the file's.
 */
export function gridYear(sheet: SourceSheet, table: GridTable, source: SourceWorkbook): { year: number; from: string } | undefined {
  const titles = [sheet.name, ...sheet.rows.slice(0, table.headerRow).flatMap((r) => r.map((c) => (typeof c === 'string' ? c : '')))];
  const titled = titles.flatMap(yearsIn);
  if (titled.length) return { year: Math.min(...titled), from: 'the title' };
  const tally = (s: SourceSheet, from: number) => {
    const counts = new Map<number, number>();
    for (const row of s.rows.slice(from, from + SAMPLE_ROWS)) {
      for (const c of row) {
        const d = c !== null && typeof c === 'object' && 'd' in c ? c.d : typeof c === 'string' && /^\s*\d{4}-\d{2}-\d{2}/.test(c) ? c.trim().slice(0, 10) : null;
        if (!d) continue;
        const y = Number(d.slice(0, 4));
        counts.set(y, (counts.get(y) ?? 0) + 1);
      }
    }
    return commonYear(counts);
  };
  const own = tally(sheet, table.firstDataRow);
  if (own !== undefined) return { year: own, from: 'the sheet’s dates' };
  for (const s of source.sheets) {
    if (s === sheet) continue;
    const y = tally(s, 0);
    if (y !== undefined) return { year: y, from: `the dates of sheet ${s.name}` };
  }
  return undefined;
}

/**
 * The order numeric dates in a grid's headers are read in when the headers do not decide it
 * themselves: the file's other text dates (when those that decide agree), its date formats, its
 * language, the workbook setting (column-reading.ts decideDateOrder).
 */
export function gridDateOrder(source: SourceWorkbook, settings: Pick<Settings, 'dateOrder'>): DateOrderDecision {
  let dmy = 0;
  let mdy = 0;
  let dmyExample = '';
  let mdyExample = '';
  for (const s of source.sheets) {
    for (const row of s.rows.slice(0, SAMPLE_ROWS)) {
      for (const c of row) {
        if (typeof c !== 'string') continue;
        const r = dateTextReading(c, true);
        if (r?.kind === 'DMY') {
          dmy++;
          dmyExample ||= c.trim();
        } else if (r?.kind === 'MDY') {
          mdy++;
          mdyExample ||= c.trim();
        }
      }
    }
  }
  const others: DecidedColumn[] = dmy > 0 !== mdy > 0 ? [{ order: dmy > 0 ? 'DMY' : 'MDY', where: 'the file', example: dmy > 0 ? dmyExample : mdyExample }] : [];
  return decideDateOrder({ dmy: 0, mdy: 0, ambiguous: [] }, { others, source, setting: settings.dateOrder });
}

const FIRST: Record<'DMY' | 'MDY', string> = { DMY: 'day first', MDY: 'month first' };

/** The allocation grid of a sheet whose header row (with `table`) holds period columns, or null. */
export function proposeGrid(sheet: SourceSheet, table: GridTable, source: SourceWorkbook, settings: Pick<Settings, 'dateOrder' | 'weekStart'>, mappingOrder?: DateOrder): ProposedGrid | null {
  const headerCells = sheet.rows[table.headerRow] ?? [];
  const order = mappingOrder ? { order: mappingOrder === 'YMD' ? 'DMY' : mappingOrder, message: 'as chosen for this sheet' } : gridDateOrder(source, settings);
  const year = gridYear(sheet, table, source);
  const det = detectPeriodColumns(headerCells, { dateOrder: order.order, weekStart: settings.weekStart, ...(year ? { year: year.year } : {}) });
  if (!det) return null;
  const notes: string[] = [];
  if (det.dateOrder) {
    const o = det.dateOrder;
    const example = det.columns.map((c) => cellText(headerCells[c] ?? null)).find((t) => /\d/.test(t) && !/^\d{4}-/.test(t)) ?? '';
    if (o.from === 'headers') notes.push(`Dates in the headers read ${FIRST[o.order]}, as their own dates say (such as ${example}).`);
    else if (o.from === 'spacing') notes.push(`Dates in the headers read ${FIRST[o.order]}: only so are they a ${det.kind} apart.`);
    else notes.push(`Dates in the headers such as ${example} read ${FIRST[o.order]} (${order.message.replace(/^(day|month|year)\/\S+ /, '')}).`);
  }
  if (det.yearFrom === 'given' && year) notes.push(`Headers without a year read as ${year.year} (from ${year.from})${det.periods.at(-1)!.start.slice(0, 4) !== String(year.year) ? ', moving on to the next year after the last week or month of the year' : ''}.`);
  const skip = new Set((table.skipRows ?? []).map((s) => s.row));
  const cells: SourceCell[] = [];
  for (let r = table.firstDataRow; r <= table.lastDataRow && r < table.firstDataRow + SAMPLE_ROWS; r++) {
    if (skip.has(r)) continue;
    const row = sheet.rows[r];
    if (row) for (const c of det.columns) cells.push(row[c] ?? null);
  }
  // Words around the grid: the sheet's name, title rows, a group header over the period columns.
  const context = [sheet.name];
  for (let r = 0; r < table.headerRow; r++) for (const c of sheet.rows[r] ?? []) if (typeof c === 'string' && c.trim()) context.push(c);
  const unit = suggestGridUnit(cells, det.kind, context);
  const columns = det.columns.map((column, i) => {
    const p = det.periods[i]!;
    return { column, start: p.start, end: p.end, label: headerLabel(headerCells[column] ?? null, p.label) };
  });
  return { periods: { kind: det.kind, columns, unit: unit.unit }, unit, notes };
}

/** A column named by its letter ("E", "AB") or by its header text (case and spaces aside). */
function columnNamed(name: unknown, headers: readonly string[]): number | null {
  if (typeof name !== 'string' || !name.trim()) return null;
  const t = name.trim().toLowerCase();
  const byHeader = headers.findIndex((h) => h.trim().toLowerCase() === t);
  if (byHeader >= 0) return byHeader;
  if (!/^[a-z]{1,3}$/.test(t)) return null;
  let n = 0;
  for (const ch of t) n = n * 26 + (ch.charCodeAt(0) - 96);
  return n - 1;
}

const GRID_KEYS = ['first', 'last', 'period', 'unit', 'year'];

/**
 * A mapping file's "grid" for an allocation sheet: { "first": "E", "last": "P", "period": "month",
 * "unit": "fte-percent", "year": 2026 } (columns by letter or header text; every key optional
 * when the analysis found a grid: "unit" alone changes its unit), or null for no grid. Sets
 * `proposal.mapping.periods` (the grid's columns then fill no field) and returns the problems,
 * each with the key it is about.
 */
export function declareGrid(value: unknown, proposal: GridProposal, ctx: { settings: Pick<Settings, 'dateOrder' | 'weekStart'>; source?: SourceWorkbook }): { message: string; key?: string }[] {
  const problems: { message: string; key?: string }[] = [];
  if (proposal.kind !== 'allocation') return [{ message: 'a grid is for allocations: give "kind": "allocation"' }];
  if (value === null) {
    proposal.mapping.periods = null;
    return problems;
  }
  if (typeof value !== 'object' || Array.isArray(value)) return [{ message: 'grid must be an object { "first": "E", "last": "P", "period": "month", "unit": "fte-percent" } or null' }];
  const g = value as Record<string, unknown>;
  const unknown = Object.keys(g).filter((k) => !GRID_KEYS.includes(k));
  if (unknown.length) problems.push({ message: `unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')} (a grid takes ${GRID_KEYS.map((k) => `"${k}"`).join(', ')})` });
  if ('unit' in g && !isGridUnit(g['unit'])) problems.push({ key: 'unit', message: `unit must be one of ${GRID_UNITS.map((u) => `"${u}"`).join(', ')} (got ${JSON.stringify(g['unit'])})` });
  if ('period' in g && g['period'] !== 'week' && g['period'] !== 'month') problems.push({ key: 'period', message: `period must be "week" or "month" (got ${JSON.stringify(g['period'])})` });
  if ('year' in g && !(typeof g['year'] === 'number' && Number.isInteger(g['year']) && g['year'] >= 1900 && g['year'] <= 2200)) problems.push({ key: 'year', message: `year must be a year such as 2026 (got ${JSON.stringify(g['year'])})` });
  const current = proposal.mapping.periods;
  const hasRange = 'first' in g || 'last' in g;
  if (!hasRange && !current) problems.push({ message: 'no grid was found on this sheet: give its "first" and "last" columns' });
  if (hasRange && !('first' in g && 'last' in g)) problems.push({ message: 'give both "first" and "last" (the grid’s first and last period columns)' });
  let columns: number[] | null = null;
  if ('first' in g && 'last' in g) {
    const first = columnNamed(g['first'], proposal.headers);
    const last = columnNamed(g['last'], proposal.headers);
    if (first === null) problems.push({ key: 'first', message: `${JSON.stringify(g['first'])} is neither a column letter nor a header of the sheet` });
    if (last === null) problems.push({ key: 'last', message: `${JSON.stringify(g['last'])} is neither a column letter nor a header of the sheet` });
    if (first !== null && last !== null) {
      if (last < first) problems.push({ key: 'last', message: `column ${columnLetter(last)} comes before the first, ${columnLetter(first)}` });
      else columns = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    }
  }
  if (problems.length) return problems;

  const unit = (g['unit'] as GridCellUnit | undefined) ?? undefined;
  const sheet = ctx.source?.sheets.find((s) => s.name === proposal.sheet);
  const table: GridTable = proposal.mapping;
  if (!columns) {
    // Only the unit (or period/year, which need the columns read again).
    columns = current!.columns.map((c) => c.column);
    if (!('period' in g) && !('year' in g)) {
      proposal.mapping.periods = { ...current!, ...(unit ? { unit } : {}) };
      return problems;
    }
  }
  const headerCells: (SourceCell | string)[] = sheet?.rows[proposal.mapping.headerRow] ?? proposal.headers;
  const year = (g['year'] as number | undefined) ?? (sheet && ctx.source ? gridYear(sheet, table, ctx.source)?.year : undefined);
  const order = proposal.mapping.dateOrder ?? (ctx.source ? gridDateOrder(ctx.source, ctx.settings).order : ctx.settings.dateOrder);
  const res = declaredPeriodColumns(headerCells, columns, { dateOrder: order, weekStart: ctx.settings.weekStart, ...(year !== undefined ? { year } : {}), ...(g['period'] ? { kind: g['period'] as PeriodKind } : {}) });
  if (!res.ok) return res.problems.map((p) => ({ message: `column ${columnLetter(p.column)}: ${p.message}` }));
  const det = res.grid;
  const cells: SourceCell[] = [];
  if (sheet) {
    for (let r = table.firstDataRow; r <= table.lastDataRow && r < table.firstDataRow + SAMPLE_ROWS; r++) for (const c of det.columns) cells.push(sheet.rows[r]?.[c] ?? null);
  }
  const chosen = unit ?? (current && current.unit && sameColumns(current.columns, det.columns) ? current.unit : suggestGridUnit(cells, det.kind, [proposal.sheet]).unit);
  proposal.mapping.periods = {
    kind: det.kind,
    unit: chosen,
    columns: det.columns.map((column, i) => {
      const p = det.periods[i]!;
      return { column, start: p.start, end: p.end, label: headerLabel(headerCells[column] ?? null, p.label) };
    }),
  };
  // The grid's columns fill no field.
  const inGrid = new Set(det.columns);
  proposal.mapping.columns = proposal.mapping.columns.map((c) => (inGrid.has(c.column) && c.field ? { ...c, field: null } : c));
  return problems;
}

function sameColumns(a: readonly { column: number }[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((c, i) => c.column === b[i]);
}

/** A grid column's label: the client's own header text, but a date cell by its period ("Jan 2026", not "2026-01-01"). */
function headerLabel(cell: SourceCell | null, periodLabel: string): string {
  if (cell !== null && typeof cell === 'object' && 'd' in cell) return periodLabel;
  return cellText(cell) || periodLabel;
}
