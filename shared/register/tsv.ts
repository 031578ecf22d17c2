// Clipboard text as Excel and LibreOffice write and read it: tab-separated cells, quoted when they hold tabs, newlines or quotes.

/** First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
export const FORMULA_START: ReadonlySet<string> = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Text about to leave the app for a spreadsheet: a cell starting with = + - @, tab or CR would
 * run as a formula there, so it gets a leading apostrophe, which Excel and LibreOffice hide and
 * parseCell drops. For the clipboard text of text columns only, never numbers ("-5" must stay
 * a number).
 */
export function neutraliseFormula(text: string): string {
  return text !== '' && FORMULA_START.has(text[0]!) ? `'${text}` : text;
}
/**
 * Clipboard text → rows of cells. Rows end at \r\n, \n or \r; cells at tabs. A cell that starts
 * with a double quote and whose closing quote ends the cell is quoted (may hold tabs, newlines
 * and "" for a quote); otherwise the quote is just text, as in `"Big" room`. The empty line after
 * a final newline (Excel always ends with one) is dropped; short rows are padded with ''.
 */
export function parseTsv(text: string): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = s.length;
  const isEnd = (k: number) => k >= n || s[k] === '\t' || s[k] === '\n' || s[k] === '\r';
  for (;;) {
    let cell: string | null = null;
    if (s[i] === '"') {
      let k = i + 1;
      for (;;) {
        k = s.indexOf('"', k);
        if (k < 0 || s[k + 1] !== '"') break;
        k += 2;
      }
      if (k >= 0 && isEnd(k + 1)) {
        cell = s.slice(i + 1, k).replaceAll('""', '"');
        i = k + 1;
      }
    }
    if (cell === null) {
      let k = i;
      while (!isEnd(k)) k++;
      cell = s.slice(i, k);
      i = k;
    }
    row.push(cell);
    if (i >= n) break;
    const c = s[i];
    if (c === '\t') {
      i++;
      continue;
    }
    // End of row: \r\n, \n or \r.
    i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
  }
  rows.push(row);
  const last = rows[rows.length - 1]!;
  if (last.length === 1 && last[0] === '') rows.pop();
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  for (const r of rows) while (r.length < width) r.push('');
  return rows;
}

function quote(cell: string): string {
  return /[\t\n\r"]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * Rows of cells → clipboard text as Excel writes it: \r\n between rows, no newline after the
 * last (a trailing one would paste as an extra empty row in some apps).
 */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quote).join('\t')).join('\r\n');
}
