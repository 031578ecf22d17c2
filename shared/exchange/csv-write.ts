// CSV out: RFC 4180 text (CRLF line ends, fields quoted when they must be), with text that a
// spreadsheet would run as a formula neutralised as OWASP advises.
import { FORMULA_START, neutraliseFormula } from '../register/tsv';

export type CsvValue = string | number | boolean | null;

export interface CsvOptions {
  /** Field separator; default ','. ';' suits locales whose decimal separator is a comma. */
  delimiter?: ',' | ';' | '\t';
  /** Start with a UTF-8 byte order mark (U+FEFF), which Excel needs to read UTF-8; default false. */
  bom?: boolean;
  /**
   * Give text that starts like a formula its leading apostrophe (neutraliseCsvText); default
   * true. Only toCsvForPeople turns it off, having left such cells out.
   */
  neutralise?: boolean;
}

/**
 * OWASP CSV injection advice: text starting with = + - @, tab or CR would run as a formula in a
 * spreadsheet, so it gets a leading apostrophe, which Excel and LibreOffice show as text and
 * our importer drops again. The same rule as the clipboard's (neutraliseFormula), and like it
 * idempotent: neutralised text is left alone, so applying it twice does no harm. Only for
 * text: numbers are written as numbers and never neutralised ("-5" stays a number).
 */
export function neutraliseCsvText(s: string): string {
  return neutraliseFormula(s);
}

const NEEDS_QUOTES: Record<NonNullable<CsvOptions['delimiter']>, RegExp> = {
  ',': /[",\r\n]|^\s|\s$/,
  ';': /[";\r\n]|^\s|\s$/,
  '\t': /["\t\r\n]|^\s|\s$/,
};

/**
 * Header and rows → CSV text. Text is neutralised (neutraliseCsvText) and quoted when it holds
 * the delimiter, a double quote (doubled inside), CR or LF, or starts or ends with white space.
 * Numbers as JavaScript writes them (a dot for the decimal point; NaN and ±Infinity empty),
 * booleans as TRUE/FALSE, null as an empty field. Every line, the last too, ends with CRLF;
 * rows shorter than the header are padded with empty fields, and an empty one-field row is
 * written "" so that it is not read as a blank line.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[], opts: CsvOptions = {}): string {
  const delimiter = opts.delimiter ?? ',';
  const neutralise = opts.neutralise !== false;
  const needsQuotes = NEEDS_QUOTES[delimiter];
  if (!Object.hasOwn(NEEDS_QUOTES, delimiter) || !needsQuotes) throw new RangeError(`Not a CSV delimiter: ${JSON.stringify(delimiter)}`);

  const field = (v: CsvValue | undefined): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    const s = neutralise ? neutraliseCsvText(String(v)) : String(v);
    return needsQuotes.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };

  const lines: string[] = [];
  if (header.length > 0) lines.push(header.map(field).join(delimiter));
  for (const row of rows) {
    const cells: string[] = [];
    const width = Math.max(row.length, header.length);
    for (let i = 0; i < width; i++) cells.push(field(row[i]));
    // A one-field record that is empty would be a blank line, which readers skip: quote it.
    lines.push(cells.length === 1 && cells[0] === '' ? '""' : cells.join(delimiter));
  }
  return `${opts.bom ? '\uFEFF' : ''}${lines.join('\r\n')}${lines.length > 0 ? '\r\n' : ''}`;
}

/** A cell the CSV for people left empty: its line in the file (the header is line 1), column letter, header and text. */
export interface CsvLeftOut {
  line: number;
  column: string;
  header: string;
  value: string;
}

/**
 * The CSV for people: what the cells say, with no apostrophe in front of anything. Text that a
 * spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return, as
 * OWASP lists them) cannot be written safely without the apostrophe, so such cells are left
 * empty and returned, for the export to name them; the CSV for re-import (toCsv) and the
 * .xlsx export keep them.
 */
const SIGNED_NUMBER = /^[+-]\d+(?:\.\d+)?%?$/;

export function toCsvForPeople(header: readonly string[], rows: readonly (readonly CsvValue[])[], opts: Omit<CsvOptions, 'neutralise'> = {}): { text: string; leftOut: CsvLeftOut[] } {
  const leftOut: CsvLeftOut[] = [];
  const letter = (i: number) => {
    let s = '';
    for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const safe = (v: CsvValue | undefined, line: number, col: number): CsvValue => {
    // A signed number written as text ("-5%") is read as that number, not run.
    if (typeof v !== 'string' || v === '' || !FORMULA_START.has(v[0]!) || SIGNED_NUMBER.test(v)) return v ?? null;
    leftOut.push({ line, column: letter(col), header: header[col] ?? '', value: v });
    return null;
  };
  const head = header.map((h, c) => String(safe(h, 1, c) ?? ''));
  const body = rows.map((r, i) => r.map((v, c) => safe(v, i + 2, c)));
  return { text: toCsv(head, body, { ...opts, neutralise: false }), leftOut };
}

/**
 * What the export says about the cells the CSV for people left out, or null when none:
 * '2 cells were left empty because a spreadsheet would run them as formulas (they start with
 * =, +, -, @ or a tab): line 12 Description "=SUM(A1)", line 40 Name "-x". Export "CSV for
 * re-import" or to Excel (.xlsx) to keep them.'
 */
export function describeCsvLeftOut(leftOut: readonly CsvLeftOut[], max = 5): string | null {
  if (leftOut.length === 0) return null;
  const show = (v: string) => JSON.stringify(v.length > 40 ? `${v.slice(0, 39)}…` : v);
  const named = leftOut.slice(0, max).map((l) => `line ${l.line} ${l.header || `column ${l.column}`} ${show(l.value)}`);
  const more = leftOut.length > max ? ` and ${leftOut.length - max} more` : '';
  const n = leftOut.length;
  return `${n} cell${n === 1 ? ' was' : 's were'} left empty because a spreadsheet would run ${n === 1 ? 'it as a formula' : 'them as formulas'} (${n === 1 ? 'it starts' : 'they start'} with =, +, -, @ or a tab): ${named.join(', ')}${more}. Export “CSV for re-import” or to Excel (.xlsx) to keep them.`;
}
