// What a workbook says about how its people write dates: the order its date cells' display
// formats show (m/d/yy, dd.mm.yyyy, yyyy-mm-dd) and, for OpenDocument, the language its default
// style states. The importer weighs these for text dates that read both ways (column-reading.ts).

export type FormatOrder = 'DMY' | 'MDY' | 'YMD';

/**
 * Excel's built-in short date (numFmtId 14, and 22 with a time): SheetJS names it m/d/yy, but
 * Excel shows it in each reader's own locale (dd/mm/yyyy in the UK), so it says nothing about
 * the file's order. LibreOffice and Gnumeric write their own format codes.
 */
const EXCEL_LOCALE_SHORT_DATES = new Set(['m/d/yy', 'm/d/yy h:mm']);

/**
 * The order of day, month and year in a date format's code (literal text and [brackets] already
 * removed), or null when it shows no day or no month, only a weekday name, or something else.
 * m is a month unless it follows an hour or precedes seconds (then minutes).
 */
export function dateFormatOrder(code: string): FormatOrder | null {
  const letters = code.toLowerCase().replace(/am\/pm|a\/p/g, '').replace(/[^a-z]/g, '');
  const seen: ('d' | 'm' | 'y')[] = [];
  for (let i = 0; i < letters.length; ) {
    const ch = letters[i]!;
    let j = i;
    while (j < letters.length && letters[j] === ch) j++;
    const run = j - i;
    let part: 'd' | 'm' | 'y' | null = null;
    if (ch === 'y' || ch === 'e' || ch === 'b') part = 'y';
    else if (ch === 'd' && run <= 2) part = 'd';
    else if (ch === 'm') {
      const before = i > 0 ? letters[i - 1] : '';
      const after = j < letters.length ? letters[j] : '';
      part = run <= 2 && (before === 'h' || after === 's') ? null : 'm';
    }
    if (part && !seen.includes(part)) seen.push(part);
    i = j;
  }
  const d = seen.indexOf('d');
  const m = seen.indexOf('m');
  if (d < 0 || m < 0) return null;
  const y = seen.indexOf('y');
  if (y >= 0 && y < d && y < m) return m < d ? 'YMD' : null;
  return d < m ? 'DMY' : 'MDY';
}

/** Date cells counted by the order of their display format. */
export class DateFormatTally {
  private readonly byFormat = new Map<string, FormatOrder | null>();
  private readonly counts: Record<FormatOrder, number> = { DMY: 0, MDY: 0, YMD: 0 };
  /** `excel`: the file is xlsx or xls, where m/d/yy is Excel's locale-dependent short date. */
  constructor(private readonly excel: boolean) {}

  /** One date cell with format `z`; `code` strips z of literals and brackets (only called once per format). */
  add(z: string, code: (z: string) => string): void {
    let order = this.byFormat.get(z);
    if (order === undefined) {
      order = this.excel && EXCEL_LOCALE_SHORT_DATES.has(z.toLowerCase()) ? null : dateFormatOrder(code(z));
      this.byFormat.set(z, order);
    }
    if (order) this.counts[order]++;
  }

  /**
   * The order of nine in ten of the date cells showing day and month in some order; else YMD
   * when all that count are year-first (our own exports: yyyy-mm-dd); else none.
   */
  hint(): FormatOrder | undefined {
    return hintOf(this.counts);
  }
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

function localeOf(tag: string): string | undefined {
  const lang = attr(tag, 'fo:language');
  if (!lang || !/^[a-z]{2,3}$/i.test(lang) || lang.toLowerCase() === 'zxx') return undefined;
  const country = attr(tag, 'fo:country');
  return country && /^[a-z]{2}$/i.test(country) ? `${lang.toLowerCase()}-${country.toUpperCase()}` : lang.toLowerCase();
}

/**
 * The language an OpenDocument spreadsheet states: its default table-cell style's fo:language and
 * fo:country ("en-US"), else the first style that states one; undefined when none does (Gnumeric
 * writes none).
 */
export function odsLocale(xmls: readonly string[]): string | undefined {
  for (const xml of xmls) {
    const def = /<style:default-style\b[^>]*style:family\s*=\s*["']table-cell["'][^>]*>([\s\S]*?)<\/style:default-style>/.exec(xml);
    if (def) {
      const props = /<style:text-properties\b[^>]*>/.exec(def[1] ?? '');
      const found = props ? localeOf(props[0]) : undefined;
      if (found) return found;
    }
  }
  for (const xml of xmls) {
    const tag = /<style:text-properties\b[^>]*\sfo:language\s*=[^>]*>/.exec(xml);
    const found = tag ? localeOf(tag[0]) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** Date cells counted at most, for the hint: enough to know, bounded on huge files. */
const ODS_DATE_CELLS = 10_000;

/**
 * The order an OpenDocument spreadsheet's date cells show, read from its XML (SheetJS names most
 * ODS date styles m/d/yy whatever they show): each date cell's style → its number:date-style →
 * the order of its day, month and year elements. Nine cells in ten must agree, as for xlsx.
 */
export function odsDateOrderHint(content: string, styleXmls: readonly string[]): FormatOrder | undefined {
  if (content.indexOf('office:value-type="date"') < 0 && content.indexOf("office:value-type='date'") < 0) return undefined;
  const orders = new Map<string, FormatOrder | null>();
  const dateStyle = /<number:date-style\b([^>]*)>([\s\S]*?)<\/number:date-style>/g;
  const cellStyle = /<style:style\b[^>]*>/g;
  const dataStyleOf = new Map<string, string>();
  for (const xml of [content, ...styleXmls]) {
    dateStyle.lastIndex = 0;
    for (let m = dateStyle.exec(xml); m; m = dateStyle.exec(xml)) {
      const name = attr(m[1] ?? '', 'style:name');
      if (name === undefined || orders.has(name)) continue;
      const parts = [...(m[2] ?? '').matchAll(/<number:(day|month|year)\b/g)].map((p) => (p[1] === 'day' ? 'd' : p[1] === 'month' ? 'm' : 'y'));
      orders.set(name, dateFormatOrder(parts.join(' ')));
    }
    cellStyle.lastIndex = 0;
    for (let m = cellStyle.exec(xml); m; m = cellStyle.exec(xml)) {
      const name = attr(m[0], 'style:name');
      const data = attr(m[0], 'style:data-style-name');
      if (name !== undefined && data !== undefined && !dataStyleOf.has(name)) dataStyleOf.set(name, data);
    }
  }
  const orderOfCellStyle = (style: string | undefined) => {
    const data = style === undefined ? undefined : dataStyleOf.get(style);
    return data === undefined ? undefined : orders.get(data);
  };
  // A date cell without a style of its own takes its column's default cell style (LibreOffice
  // writes them so): the date order the columns' default styles agree on, if they do.
  const columnOrders = new Set<FormatOrder>();
  for (const m of content.matchAll(/<table:table-column\b[^>]*table:default-cell-style-name\s*=[^>]*>/g)) {
    const order = orderOfCellStyle(attr(m[0], 'table:default-cell-style-name'));
    if (order) columnOrders.add(order);
  }
  const unstyled = columnOrders.size === 1 ? [...columnOrders][0]! : undefined;
  const counts: Record<FormatOrder, number> = { DMY: 0, MDY: 0, YMD: 0 };
  const cell = /<table:table-cell\b[^>]*office:value-type\s*=\s*["']date["'][^>]*>/g;
  let seen = 0;
  for (let m = cell.exec(content); m && seen < ODS_DATE_CELLS; m = cell.exec(content)) {
    seen++;
    const style = attr(m[0], 'table:style-name');
    const order = style === undefined ? unstyled : orderOfCellStyle(style);
    if (order) counts[order]++;
  }
  return hintOf(counts);
}

function hintOf({ DMY, MDY, YMD }: Record<FormatOrder, number>): FormatOrder | undefined {
  const both = DMY + MDY;
  if (both > 0) {
    if (DMY >= 0.9 * both) return 'DMY';
    if (MDY >= 0.9 * both) return 'MDY';
    return undefined;
  }
  return YMD > 0 ? 'YMD' : undefined;
}
