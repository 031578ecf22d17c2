// CSV out: RFC 4180 text (CRLF line ends, fields quoted when they must be), with text that a
// spreadsheet would run as a formula neutralised as OWASP advises.
import { neutraliseFormula } from '../register/tsv';

export type CsvValue = string | number | boolean | null;

export interface CsvOptions {
  /** Field separator; default ','. ';' suits locales whose decimal separator is a comma. */
  delimiter?: ',' | ';' | '\t';
  /** Start with a UTF-8 byte order mark (U+FEFF), which Excel needs to read UTF-8; default false. */
  bom?: boolean;
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
  const needsQuotes = NEEDS_QUOTES[delimiter];
  if (!Object.hasOwn(NEEDS_QUOTES, delimiter) || !needsQuotes) throw new RangeError(`Not a CSV delimiter: ${JSON.stringify(delimiter)}`);

  const field = (v: CsvValue | undefined): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    const s = neutraliseCsvText(String(v));
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
