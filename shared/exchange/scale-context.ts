// Scale and currency of money columns, from what the sheet says around them: the header cell
// ("Budget (£k)", "Kosten Mio. €"), a group header above it, merged or not ("Costs (£k)" over
// "Budget | Actual"), or a title row above the table ("All figures in £000") or a note under it
// ("Amounts in k€"). The most specific statement wins: the column's own header, then the nearest
// group header over it, then a title. A currency stated anywhere that is not the workbook's is a
// warning (amounts are never converted). And a money column whose values are about 1000 times
// smaller than its sibling money columns' on most rows, with no scale to explain it, is a warning
// naming both. Pure: no DOM, no Node.
import { cellText, columnLetter, type SourceCell, type SourceSheet } from './source';
import type { TableGuess } from './detect';
import type { ColumnSuggestion, ImportFieldSpec } from './suggest';

export interface ScaleStatement {
  /** 1000, 1 000 000 or 1 000 000 000; absent when only a currency is stated. */
  scale?: number;
  /** ISO code ("EUR"), or '$' for a dollar of unstated country. */
  currency?: string;
  /** The words that said it, for messages ("£k", "in thousands"). */
  phrase: string;
}

const SYMBOLS: Record<string, string> = { '£': 'GBP', '€': 'EUR', $: '$', '¥': 'JPY', '₹': 'INR', '₩': 'KRW', '₽': 'RUB', '₺': 'TRY', '₪': 'ILS', '₣': 'CHF', 'zł': 'PLN' };
const CODES = 'usd|gbp|eur|chf|aud|cad|jpy|inr|nzd|sek|nok|dkk|zar|cny|hkd|sgd|pln|czk|brl|mxn|huf|ron|aed|sar|try';
const DOLLARS = new Set(['USD', 'AUD', 'CAD', 'NZD', 'SGD', 'HKD', 'MXN']);
const CURRENCY_WORDS: [RegExp, string][] = [
  [/^(?:pounds?|sterling|livres?(?: sterling)?)$/, 'GBP'],
  [/^(?:euros?|euro|eur)$/, 'EUR'],
  [/^(?:dollars?|dolares|d[oó]lares)$/, '$'],
  [/^(?:francs?|franken)$/, 'CHF'],
];

const SYM = '[£€$¥₹₩₽₺₪₣]|zł';
const CUR = `(?:${SYM}|\\b(?:${CODES})\\b)`;
/** Scale words that need no currency beside them to mean a scale. */
const WORD_K = "thousands?|tausend|tsd\\.?|milliers|duizend(?:en)?|'000s?|’000s?|000s|x\\s?1[ .,]?000|×\\s?1[ .,]?000";
const WORD_M = 'millions?|millionen|millones|miljoen(?:en)?|mio\\.?|mln\\.?';
const WORD_B = 'billions?|milliarden?|milliards?|mrd\\.?|bn';
/** Short scale marks that mean a scale only beside a currency: k, m, mn, t ("T€", "TEUR"), 000. */
const MARK = "k|m|mm|mn|bn|t|'000|’000|000|tsd\\.?|mio\\.?|mrd\\.?";

const PATTERNS: { re: RegExp; scale: (m: RegExpExecArray) => number | undefined; cur?: (m: RegExpExecArray) => string | undefined }[] = [
  // "£k", "€m", "$M", "EUR k", "GBP 000", "£'000", "€ Mio."
  { re: new RegExp(`(${CUR})\\s?(${MARK})(?![\\p{L}\\d])`, 'iu'), scale: (m) => markScale(m[2]!), cur: (m) => m[1] },
  // "k€", "k$", "M€", "T€", "TEUR", "kEUR", "Mio. €", "Tsd. €", "Mrd €"
  { re: new RegExp(`(?<![\\p{L}\\d])(${MARK})\\s?(${SYM}|(?:${CODES})(?![\\p{L}]))`, 'iu'), scale: (m) => markScale(m[1]!), cur: (m) => m[2] },
  // "in thousands", "(thousands)", "£ thousands", "in Tausend Euro", "en milliers d'euros", "in '000", "x 1000"
  { re: new RegExp(`(?<![\\p{L}\\d])(${WORD_K})(?![\\p{L}\\d])`, 'iu'), scale: () => 1e3 },
  { re: new RegExp(`(?<![\\p{L}\\d])(${WORD_M})(?![\\p{L}\\d])`, 'iu'), scale: () => 1e6 },
  { re: new RegExp(`(?<![\\p{L}\\d])(${WORD_B})(?![\\p{L}\\d])`, 'iu'), scale: () => 1e9 },
  // Spanish "en miles (de euros)", "miles de €"; not the English distance ("Miles driven").
  { re: /(?<![\p{L}\d])(en miles|miles de)(?![\p{L}\d])/iu, scale: () => 1e3 },
  // "in 1.000 €", "in 1000 EUR", "(in 1,000)"
  { re: new RegExp(`(?<![\\p{L}\\d])in 1[ .,]?000(?!\\d)`, 'iu'), scale: () => 1e3 },
  // Brackets holding only a mark: "(k)", "(m)", "('000)", "(000)".
  { re: /[([]\s*(k|m|mn|'000|’000|000)\s*[)\]]/iu, scale: (m) => markScale(m[1]!) },
];

function markScale(mark: string): number | undefined {
  const t = mark.toLowerCase().replace(/[.’']/g, '');
  if (t === 'k' || t === 't' || t === '000' || t === 'tsd') return 1e3;
  if (t === 'm' || t === 'mm' || t === 'mn' || t === 'mio') return 1e6;
  if (t === 'bn' || t === 'mrd') return 1e9;
  return undefined;
}

function currencyOf(token: string | undefined): string | undefined {
  if (!token) return undefined;
  const t = token.trim();
  if (SYMBOLS[t]) return SYMBOLS[t];
  const up = t.toUpperCase();
  if (new RegExp(`^(?:${CODES})$`, 'i').test(t)) return up;
  const low = t.toLowerCase();
  for (const [re, code] of CURRENCY_WORDS) if (re.test(low)) return code;
  return undefined;
}

/** The first currency a text names: a symbol, an ISO code, or a word ("euros", "pounds"). */
function currencyIn(text: string): string | undefined {
  const sym = new RegExp(`(${SYM})`, 'u').exec(text);
  if (sym) return currencyOf(sym[1]);
  const code = new RegExp(`\\b(${CODES})\\b`, 'i').exec(text);
  if (code) return code[1]!.toUpperCase();
  const word = /(?<![\p{L}])(pounds?|sterling|euros?|dollars?|d[oó]lares|francs?)(?![\p{L}])/iu.exec(text);
  return word ? currencyOf(word[1]) : undefined;
}

/** The scale and currency a text states ("all figures £k", "Budget (Mio. €)"), or null. */
export function readScaleText(text: string): ScaleStatement | null {
  const t = String(text ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (t === '') return null;
  for (const p of PATTERNS) {
    const m = p.re.exec(t);
    if (!m) continue;
    const scale = p.scale(m);
    if (scale === undefined) continue;
    const currency = currencyOf(p.cur?.(m)) ?? currencyIn(t);
    return { scale, ...(currency ? { currency } : {}), phrase: m[0].trim() };
  }
  const currency = currencyIn(t);
  if (currency) return { currency, phrase: currency };
  return null;
}

/** Whether a stated currency is the workbook's ('$' matches any dollar). */
export function sameCurrency(stated: string, workbook: string): boolean {
  if (stated === '$') return DOLLARS.has(workbook.toUpperCase());
  return stated.toUpperCase() === workbook.toUpperCase();
}

// ---------------------------------------------------------------------------------------------
// Context: which statement covers which column.

export interface ColumnScale {
  column: number;
  /** The scale to use (1 = as written). */
  scale: number;
  /** Where it came from, for the Columns step's reason: "×1000 from the title “…”". */
  source: 'header' | 'group' | 'title';
  statement: ScaleStatement;
  /** The cell text that said it. */
  text: string;
}

export interface ScaleNote {
  /** The first column the note is about (0-based). */
  column: number;
  columns: number[];
  message: string;
}

interface Context {
  kind: 'group' | 'title';
  c0: number;
  c1: number;
  statement: ScaleStatement;
  text: string;
  /** Nearer rows to the header win among groups. */
  row: number;
}

function isBlank(cell: SourceCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

const shorten = (s: string) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 59)}…` : t;
};

/** Statements in the rows above the header (titles, group headers) and in notes below the table. */
function contextStatements(sheet: SourceSheet, table: Pick<TableGuess, 'headerRow' | 'headerRows' | 'skipped' | 'lastDataRow'>): Context[] {
  const out: Context[] = [];
  const width = sheet.width;
  const header = sheet.rows[table.headerRow] ?? [];
  let firstHeaderCol = 0;
  while (firstHeaderCol < width && isBlank(header[firstHeaderCol])) firstHeaderCol++;
  const aboveRows = new Set<number>();
  for (let r = 0; r < table.headerRow; r++) aboveRows.add(r);
  for (const r of table.headerRows) if (r !== table.headerRow) aboveRows.add(r);
  const mergeAt = (r: number, c: number) => sheet.merges.find((m) => m.r0 <= r && r <= m.r1 && m.c0 === c && m.r0 === r);
  for (const r of [...aboveRows].sort((a, b) => a - b)) {
    const row = sheet.rows[r] ?? [];
    const filled: number[] = [];
    for (let c = 0; c < Math.min(row.length, width); c++) if (!isBlank(row[c])) filled.push(c);
    if (filled.length === 0) continue;
    filled.forEach((c, i) => {
      const text = cellText(row[c] ?? null);
      const statement = readScaleText(text);
      if (!statement) return;
      const m = mergeAt(r, c);
      const merged = m && m.c1 > m.c0;
      const wide = merged && m.c1 - m.c0 + 1 >= Math.max(2, 0.8 * (width - firstHeaderCol));
      const title = (filled.length === 1 && (c <= firstHeaderCol || text.length > 30) && !merged) || wide;
      if (title) out.push({ kind: 'title', c0: 0, c1: width - 1, statement, text, row: r });
      else {
        // A group header covers its merge, else the columns up to the next label in its row.
        const c1 = merged ? m.c1 : (filled[i + 1] ?? width) - 1;
        out.push({ kind: 'group', c0: c, c1, statement, text, row: r });
      }
    });
  }
  // Notes under the table that say what the figures are in ("Amounts in £000", "All figures k€").
  for (const s of table.skipped) {
    if (s.reason !== 'note' || s.row <= table.lastDataRow) continue;
    const row = sheet.rows[s.row] ?? [];
    const c = row.findIndex((x) => !isBlank(x));
    if (c < 0) continue;
    const text = cellText(row[c] ?? null);
    if (!/^\W*(?:all\s+)?(?:figures|amounts|values|numbers|costs|money|sums|betr[aä]ge|montants|importes|cifras|bedragen)\b|^\W*(?:in|en)\s/i.test(text)) continue;
    const statement = readScaleText(text);
    if (statement) out.push({ kind: 'title', c0: 0, c1: width - 1, statement, text, row: s.row });
  }
  return out;
}

/**
 * For each money column (by index): the scale its header, a group header over it or a title
 * says, and the notes to show (a currency that is not the workbook's). `moneyColumns` are the
 * columns mapped to money fields, with their header text (combined with a merged group header).
 */
export function scaleFromContext(
  sheet: SourceSheet,
  table: Pick<TableGuess, 'headerRow' | 'headerRows' | 'skipped' | 'lastDataRow'>,
  moneyColumns: readonly { column: number; header: string }[],
  workbookCurrency: string,
): { scales: ColumnScale[]; notes: ScaleNote[] } {
  const ctx = contextStatements(sheet, table);
  const scales: ColumnScale[] = [];
  const foreign = new Map<string, { statement: ScaleStatement; text: string; where: string; columns: number[] }>();
  const headerCells = sheet.rows[table.headerRow] ?? [];
  for (const { column, header } of moneyColumns) {
    // The header's own cell first (the combined header may hold a merged group's words too).
    const ownText = cellText(headerCells[column] ?? null) || header;
    const own = readScaleText(ownText);
    let pick: { statement: ScaleStatement; text: string; source: ColumnScale['source'] } | null = null;
    if (own) pick = { statement: own, text: ownText, source: 'header' };
    if (!pick) {
      const combined = header !== ownText ? readScaleText(header) : null;
      if (combined) pick = { statement: combined, text: header, source: 'group' };
    }
    if (!pick) {
      const groups = ctx.filter((x) => x.kind === 'group' && x.c0 <= column && column <= x.c1).sort((a, b) => b.row - a.row);
      const g = groups[0];
      if (g) pick = { statement: g.statement, text: g.text, source: 'group' };
    }
    if (!pick) {
      const t = ctx.find((x) => x.kind === 'title');
      if (t) pick = { statement: t.statement, text: t.text, source: 'title' };
    }
    if (!pick) continue;
    // A header that names only a currency ("Forecast (£)") says: as written, whatever is above.
    scales.push({ column, scale: pick.statement.scale ?? 1, source: pick.source, statement: pick.statement, text: pick.text });
    const cur = pick.statement.currency;
    if (cur && !sameCurrency(cur, workbookCurrency)) {
      const where = pick.source === 'header' ? 'the header' : pick.source === 'group' ? 'the group header' : 'the title';
      // Headers that say it are one note; a group header or title is one note for what it covers.
      const key = `${cur}|${pick.source === 'header' ? '' : pick.text}`;
      const f = foreign.get(key) ?? { statement: pick.statement, text: pick.text, where, columns: [] };
      f.columns.push(column);
      foreign.set(key, f);
    }
  }
  const notes: ScaleNote[] = [];
  const headerOf = (c: number) => moneyColumns.find((m) => m.column === c)?.header || columnLetter(c);
  for (const [, f] of foreign) {
    const cur = f.statement.currency === '$' ? 'dollars ($)' : f.statement.currency!;
    const cols = f.columns.map((c) => `“${headerOf(c)}”`).join(', ');
    const tail = `but this workbook's currency is ${workbookCurrency}:`;
    const message =
      f.where === 'the header'
        ? f.columns.length === 1
          ? `The header ${cols} states amounts in ${cur}, ${tail} the column is imported as written, not converted.`
          : `The headers ${cols} state amounts in ${cur}, ${tail} the columns are imported as written, not converted.`
        : `${f.where === 'the group header' ? 'The group header' : 'The title'} “${shorten(f.text)}” states amounts in ${cur}, ${tail} ${cols} ${f.columns.length === 1 ? 'is' : 'are'} imported as written, not converted.`;
    notes.push({ column: f.columns[0]!, columns: f.columns, message });
  }
  return { scales, notes };
}

/** The reason a context scale adds to a column's suggestion: "×1000 from the title “…”". */
export function scaleReason(s: ColumnScale): string {
  if (s.scale === 1) return '';
  const times = `×${s.scale.toLocaleString('en-US')}`;
  if (s.source === 'header') return `${times} ("${s.statement.phrase}" in the header)`;
  return `${times} from the ${s.source === 'group' ? 'group header' : 'title'} “${shorten(s.text)}”`;
}

// ---------------------------------------------------------------------------------------------
// Columns about 1000 times smaller than their siblings.

function numberOf(cell: SourceCell | undefined): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'string') {
    const t = cell.replace(/[\s£€$¥₹,]/g, '');
    if (!/^[-+(]?\d+(?:\.\d+)?\)?$/.test(t)) return null;
    const n = Number(t.replace(/[()]/g, ''));
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/**
 * Money columns whose values, after their scales, are about 1000 times smaller (between 300 and
 * 3000 times) than a sibling money column's on most rows that have both (at least 3 rows and
 * 60 %): each is listed once, naming the sibling.
 */
export function thousandfoldMismatches(
  sheet: SourceSheet,
  rows: { first: number; last: number; skip?: ReadonlySet<number> },
  columns: readonly { column: number; header: string; scale: number }[],
): ScaleNote[] {
  const notes: ScaleNote[] = [];
  if (columns.length < 2) return notes;
  const flagged = new Set<number>();
  for (const a of columns) {
    let best: { b: (typeof columns)[number]; hits: number; both: number } | null = null;
    for (const b of columns) {
      if (a === b || flagged.has(b.column)) continue;
      let both = 0;
      let hits = 0;
      for (let r = rows.first; r <= rows.last; r++) {
        if (rows.skip?.has(r)) continue;
        const line = sheet.rows[r];
        const va = numberOf(line?.[a.column]);
        const vb = numberOf(line?.[b.column]);
        if (va === null || vb === null || va === 0 || vb === 0) continue;
        both++;
        const ratio = Math.abs(vb * b.scale) / Math.abs(va * a.scale);
        if (ratio >= 300 && ratio <= 3000) hits++;
      }
      if (both >= 3 && hits >= 0.6 * both && (!best || hits > best.hits)) best = { b, hits, both };
    }
    if (!best) continue;
    flagged.add(a.column);
    const b = best.b;
    notes.push({
      column: a.column,
      columns: [a.column, b.column],
      message:
        a.scale === 1 && b.scale === 1
          ? `Values in “${a.header}” are about 1000 times smaller than in “${b.header}” on ${best.hits} of ${best.both} rows: if “${a.header}” is in thousands (k, '000), set its scale to ×1000; it is imported as written.`
          : `Values in “${a.header}” (read ×${a.scale.toLocaleString('en-US')}) are about 1000 times smaller than in “${b.header}” (read ×${b.scale.toLocaleString('en-US')}) on ${best.hits} of ${best.both} rows: check the scale of both columns.`,
    });
  }
  return notes;
}

// ---------------------------------------------------------------------------------------------
// The analysis's use: suggestions of money columns get their context scale.

/**
 * Suggestions with the scale their money columns' context states (a scale the user remembered
 * for the layout stays), the reason saying where it came from, and the notes to show.
 */
export function withContextScales(
  sheet: SourceSheet,
  table: Pick<TableGuess, 'headerRow' | 'headerRows' | 'skipped' | 'lastDataRow'>,
  headers: readonly string[],
  fields: readonly ImportFieldSpec[],
  workbookCurrency: string,
  suggestions: readonly ColumnSuggestion[],
  remembered: ReadonlySet<number>,
): { suggestions: ColumnSuggestion[]; notes: ScaleNote[] } {
  const money = new Set(fields.filter((f) => f.type === 'money').map((f) => f.key));
  const moneyColumns = suggestions.filter((s) => s.field !== null && money.has(s.field)).map((s) => ({ column: s.column, header: headers[s.column] ?? '' }));
  if (moneyColumns.length === 0) return { suggestions: [...suggestions], notes: [] };
  const { scales, notes } = scaleFromContext(sheet, table, moneyColumns, workbookCurrency);
  const byColumn = new Map(scales.map((s) => [s.column, s]));
  const out = suggestions.map((s) => {
    const found = byColumn.get(s.column);
    if (!found || remembered.has(s.column)) return s;
    if (found.statement.scale === undefined) return s; // a currency only: the header's own scale (if any) stands
    const next: ColumnSuggestion = { ...s };
    if (found.scale === 1) delete next.scale;
    else next.scale = found.scale;
    if (found.source !== 'header' && found.scale !== 1 && s.scale !== found.scale) next.reason = `${s.reason}; ${scaleReason(found)}`;
    return next;
  });
  return { suggestions: out, notes };
}
