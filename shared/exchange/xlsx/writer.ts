// Why our own .xlsx writer. Exports need styled workbooks (bold headers, date and number
// formats, drop-down lists, RAG colours, frozen headers), and none of the usual libraries fits:
// ExcelJS 4.4.0 carries CVE-2026-78207 and took 1.9 GB of memory for 100k rows; the SheetJS
// community edition writes no styles; xlsx-js-style is a fork of SheetJS 0.18.5, which carries
// CVE-2023-30533 and CVE-2024-22363; xlsx-populate is unmaintained. What we need is a small,
// fixed subset of SpreadsheetML, so this file writes that XML itself, in schema order, and
// leaves only the zip to fflate (0.8.3, no advisories, no dependencies). It writes values only,
// never formulas, and runs anywhere (pure TypeScript: browser, worker, Electron or Node).
//
// Package: [Content_Types].xml, _rels/.rels, docProps/core.xml and app.xml, xl/workbook.xml and
// its rels, one xl/worksheets/sheetN.xml per sheet, xl/sharedStrings.xml, xl/styles.xml.
import { strToU8, zipSync } from 'fflate';
import { FORMULA_START } from '../../register/tsv';
import { isIsoDate, toDayNumber } from '../../calendar';

// ---------------------------------------------------------------------------------------------
// Public types.

export type XlsxValue = null | string | number | boolean | { date: string /* ISO YYYY-MM-DD */ };

export interface XlsxColumn {
  header: string;
  /** In Excel character units (the width Excel shows for the column). */
  width: number;
  hidden?: boolean;
  /** Number format for the column's cells, e.g. '#,##0.00', '0%', 'yyyy-mm-dd', '0.0' */
  numFmt?: string;
  wrap?: boolean;
  /**
   * Drop-down list: data validation referencing a range on another sheet, e.g.
   * "Lists!$A$2:$A$8" (see quoteSheetName), or inline values. Inline values that cannot be
   * written inline (over 255 characters in all, or holding a comma or a double quote) go to a
   * hidden sheet "_Lists" that this writer adds. A value not in the list gets a warning that
   * the user may dismiss (errorStyle "warning"): the importer validates anyway.
   */
  list?: { ref: string } | { values: string[] };
  /** Red/Amber/Green cells coloured: conditional formatting on the column (text "Red"/"Amber"/"Green" → fills #F4CCCC/#FCE8B2/#D9EAD3 with dark text). */
  rag?: boolean;
}

export interface XlsxSheet {
  /** ≤31 chars, none of []:*?/\ — sanitised and deduplicated (see sanitiseSheetNames). */
  name: string;
  columns: XlsxColumn[];
  /** Data rows; the header row is written from `columns`. */
  rows: XlsxValue[][];
  /** Rows written above the header (e.g. a title); default none. The header row comes after them. */
  preamble?: XlsxValue[][];
  /** Freeze panes below the header row (and left of `freezeColumns` columns). */
  freezeHeader?: boolean;
  freezeColumns?: number;
  autoFilter?: boolean;
  /** state="hidden". At least one sheet of a workbook must be visible. */
  hidden?: boolean;
  /**
   * 'notes': a plain text sheet (e.g. "How to edit"): column A wide (100 unless a column says
   * otherwise), every cell wrapped, no header styling; the header row is written, plain, only
   * when some header is not empty. Default 'table'.
   */
  kind?: 'table' | 'notes';
}

export interface XlsxWorkbook {
  sheets: XlsxSheet[];
  /** Workbook-scoped names, e.g. { name: 'Statuses', ref: "'Lists'!$A$2:$A$8" }. */
  definedNames?: { name: string; ref: string; hidden?: boolean }[];
  creator?: string;
  /** ISO timestamp; also the zip entries' modification time, so equal input gives equal bytes. */
  created?: string;
}

// ---------------------------------------------------------------------------------------------
// Limits and constants.

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const MAX_CELL_CHARS = 32_767;
const MAX_SHEET_NAME = 31;
const MAX_INLINE_LIST = 255;
const NOTES_WIDTH = 100;
const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd';
/** Serial of 1970-01-01 in Excel's 1900 date system (days since 1899-12-30). */
const SERIAL_OF_UNIX_EPOCH = 25_569;
const LIST_SHEET_NAME = '_Lists';
/**
 * Deflate level 1. Compression is most of the writer's time: a 10k-project export (about 60 MB
 * of XML) took 1.4 s at level 1 against 2.2 s at level 4 and twice that at 6, for a file 7 %
 * larger than level 4's (8.9 MB against 8.3 MB), measured side by side here.
 */
const DEFLATE_LEVEL = 1;

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** RAG fills (conditional formatting, dxf) with dark text of the same hue. */
const RAG_STYLES: readonly { text: string; fill: string; font: string }[] = [
  { text: 'Red', fill: 'FFF4CCCC', font: 'FF990000' },
  { text: 'Amber', fill: 'FFFCE8B2', font: 'FF7F6000' },
  { text: 'Green', fill: 'FFD9EAD3', font: 'FF274E13' },
];

/** Number formats Excel has built in (ids below 164); everything else is declared in styles.xml. */
const BUILTIN_NUM_FMTS: ReadonlyMap<string, number> = new Map([
  ['General', 0],
  ['0', 1],
  ['0.00', 2],
  ['#,##0', 3],
  ['#,##0.00', 4],
  ['0%', 9],
  ['0.00%', 10],
  ['0.00E+00', 11],
  ['@', 49],
]);


// ---------------------------------------------------------------------------------------------
// Text and XML.

// Characters XML 1.0 does not allow (C0 controls other than tab, LF, CR; U+FFFE/U+FFFF; lone
// surrogates). Removed from every string written. Control characters are the point here.
/* eslint-disable no-control-regex */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NEEDS_TEXT_WORK = /[&<>\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
const NEEDS_ATTR_WORK = /[&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/* eslint-enable no-control-regex */

/** Removes characters XML 1.0 cannot hold. */
export function stripInvalidXmlChars(s: string): string {
  return s.replace(INVALID_XML, '');
}

/** At most `max` UTF-16 units, without cutting a surrogate pair in half. */
function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  const code = s.charCodeAt(max - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * Text content of an element. CR as the character reference &#13;, or the XML parser turns it
 * into LF (end-of-line handling); every XML parser reads the reference back as CR, where
 * Excel's own _x000D_ is read as six letters by Gnumeric. Excel reads _xHHHH_ in text as an
 * escaped character, so a literal one has its underscore escaped (_x005F_) to come back unchanged.
 */
function escapeText(s: string): string {
  if (!NEEDS_TEXT_WORK.test(s)) return s;
  return stripInvalidXmlChars(s)
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** An attribute value in double quotes; whitespace controls as references (attribute normalisation). */
function escapeAttr(s: string): string {
  if (!NEEDS_ATTR_WORK.test(s)) return s;
  return stripInvalidXmlChars(s).replace(/[&<>"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Excel keeps leading/trailing whitespace and line breaks of a <t> only with xml:space. */
function needsPreserve(s: string): boolean {
  return /^\s|\s$|[\t\n\r]/.test(s);
}

// ---------------------------------------------------------------------------------------------
// Names and references.

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** A sheet name as formulas and references write it: always quoted, apostrophes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replaceAll("'", "''")}'`;
}

function sanitiseSheetName(raw: string, index: number): string {
  let name = stripInvalidXmlChars(String(raw ?? '')).replace(/[[\]:*?/\\]/g, '_').replace(/[\r\n\t]/g, ' ');
  name = name.replace(/^'+|'+$/g, '');
  name = truncate(name, MAX_SHEET_NAME).replace(/'+$/, '');
  if (name.trim() === '' || name.toLowerCase() === 'history') name = name.trim() === '' ? `Sheet${index + 1}` : `${name}_`;
  return name;
}

/**
 * Sheet names as the writer will write them: ≤31 characters, none of []:*?/\ (replaced by _),
 * no apostrophe first or last, not blank ("SheetN") nor Excel's reserved "History", unique
 * ignoring case (later duplicates get " (2)", " (3)"…). Use it to build `list.ref` references.
 */
export function sanitiseSheetNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, i) => {
    const base = sanitiseSheetName(raw, i);
    let name = base;
    for (let n = 2; seen.has(name.toUpperCase()); n++) {
      const suffix = ` (${n})`;
      name = truncate(base, MAX_SHEET_NAME - suffix.length).replace(/'+$/, '') + suffix;
    }
    seen.add(name.toUpperCase());
    return name;
  });
}

const DEFINED_NAME = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;

function checkDefinedName(name: string): void {
  const looksLikeCell = /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name);
  if (!DEFINED_NAME.test(name) || name.length > 255 || looksLikeCell || name.toLowerCase().startsWith('_xlnm.')) {
    throw new RangeError(`Not a usable defined name: ${JSON.stringify(name)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Dates and number formats.

/**
 * ISO date → Excel serial, 1900 date system (what Excel for Windows, LibreOffice and Gnumeric
 * use): days since 1899-12-30 from 1900-03-01 on; one less before, where Excel counts the
 * 29 February 1900 that never was. Null for dates Excel cannot hold (before 1900-01-01) and
 * for anything that is not a calendar date.
 */
export function isoDateToSerial(iso: string): number | null {
  if (!isIsoDate(iso)) return null;
  const serial = toDayNumber(iso) + SERIAL_OF_UNIX_EPOCH;
  if (serial >= 61) return serial;
  return serial >= 2 ? serial - 1 : null;
}

/** Whether a number format shows a date or time (d, m, y, h or s outside quotes and brackets). */
function isDateFormat(fmt: string): boolean {
  const bare = fmt.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  return /[dmyhs]/i.test(bare.split(';')[0] ?? '');
}

// ---------------------------------------------------------------------------------------------
// Styles.

const FONT_NORMAL = 0;
const FONT_BOLD = 1;
const FILL_HEADER = 2;
const BORDER_BOTTOM = 1;

interface XfSpec {
  numFmt: number;
  bold: boolean;
  fill: boolean;
  wrap: boolean;
  quote: boolean;
  border: boolean;
}

class Styles {
  private readonly numFmts = new Map<string, number>();
  private readonly xfIds = new Map<string, number>([['0|00000', 0]]);
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private nextFmt = 164;
  readonly dxfs: string[] = [];

  numFmtId(code: string | undefined): number {
    if (code === undefined || code === '') return 0;
    const builtin = BUILTIN_NUM_FMTS.get(code);
    if (builtin !== undefined) return builtin;
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = this.nextFmt++;
      this.numFmts.set(code, id);
    }
    return id;
  }

  xf(spec: XfSpec): number {
    const key = `${spec.numFmt}|${+spec.bold}${+spec.fill}${+spec.wrap}${+spec.quote}${+spec.border}`;
    let id = this.xfIds.get(key);
    if (id !== undefined) return id;
    id = this.xfs.length;
    this.xfIds.set(key, id);
    const a = [`numFmtId="${spec.numFmt}" fontId="${spec.bold ? FONT_BOLD : FONT_NORMAL}" fillId="${spec.fill ? FILL_HEADER : 0}" borderId="${spec.border ? BORDER_BOTTOM : 0}" xfId="0"`];
    if (spec.numFmt !== 0) a.push('applyNumberFormat="1"');
    if (spec.bold) a.push('applyFont="1"');
    if (spec.fill) a.push('applyFill="1"');
    if (spec.border) a.push('applyBorder="1"');
    if (spec.wrap) a.push('applyAlignment="1"');
    if (spec.quote) a.push('quotePrefix="1"');
    this.xfs.push(spec.wrap ? `<xf ${a.join(' ')}><alignment vertical="top" wrapText="1"/></xf>` : `<xf ${a.join(' ')}/>`);
    return id;
  }

  /** The three RAG dxfs (added once); returns the first id. */
  private ragDxf = -1;
  ragDxfs(): number {
    if (this.ragDxf < 0) {
      this.ragDxf = this.dxfs.length;
      // In a dxf, a solid fill's colour is bgColor (Excel writes it so, without patternType).
      for (const r of RAG_STYLES) this.dxfs.push(`<dxf><font><color rgb="${r.font}"/></font><fill><patternFill><bgColor rgb="${r.fill}"/></patternFill></fill></dxf>`);
    }
    return this.ragDxf;
  }

  xml(): string {
    const out: string[] = [XML_DECL, `<styleSheet xmlns="${NS_MAIN}">`];
    if (this.numFmts.size > 0) {
      out.push(`<numFmts count="${this.numFmts.size}">`);
      for (const [code, id] of this.numFmts) out.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
      out.push('</numFmts>');
    }
    out.push(
      '<fonts count="2">',
      '<font><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font>',
      '<font><b/><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font>',
      '</fonts>',
      '<fills count="3">',
      '<fill><patternFill patternType="none"/></fill>',
      '<fill><patternFill patternType="gray125"/></fill>',
      '<fill><patternFill patternType="solid"><fgColor rgb="FFDDE4EE"/><bgColor indexed="64"/></patternFill></fill>',
      '</fills>',
      '<borders count="2">',
      '<border><left/><right/><top/><bottom/><diagonal/></border>',
      '<border><left/><right/><top/><bottom style="thin"><color rgb="FF7F7F7F"/></bottom><diagonal/></border>',
      '</borders>',
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      `<cellXfs count="${this.xfs.length}">`,
      ...this.xfs,
      '</cellXfs>',
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      this.dxfs.length > 0 ? `<dxfs count="${this.dxfs.length}">${this.dxfs.join('')}</dxfs>` : '<dxfs count="0"/>',
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>',
      '</styleSheet>',
    );
    return out.join('');
  }
}

// ---------------------------------------------------------------------------------------------
// Shared strings.

class SharedStrings {
  private readonly index = new Map<string, number>();
  /** Per string: whether it starts like a formula (its cells get quotePrefix). */
  readonly formulaLike: boolean[] = [];
  /** Per string: whether it holds a line break (its cells wrap, so the lines show). */
  readonly multiline: boolean[] = [];
  /** Per string: what could not be written (characters XML cannot hold, text past Excel's limit), or null. */
  readonly losses: ({ removed: number; cutAt?: number } | null)[] = [];
  private readonly items: string[] = [];
  count = 0;

  /** Index of the string (added on first use). */
  add(raw: string): number {
    this.count++;
    let i = this.index.get(raw);
    if (i !== undefined) return i;
    const clean = NEEDS_TEXT_WORK.test(raw) ? stripInvalidXmlChars(raw) : raw;
    const text = truncate(clean, MAX_CELL_CHARS);
    i = this.items.length;
    this.index.set(raw, i);
    // Starts like a formula (= + - @ tab CR, as OWASP lists them): quotePrefix on its cells.
    this.formulaLike.push(text !== '' && FORMULA_START.has(text[0]!));
    this.multiline.push(text.includes('\n') || text.includes('\r'));
    const removed = raw.length - clean.length;
    this.losses.push(removed > 0 || text.length < clean.length ? { removed, ...(text.length < clean.length ? { cutAt: text.length } : {}) } : null);
    this.items.push(needsPreserve(text) ? `<si><t xml:space="preserve">${escapeText(text)}</t></si>` : `<si><t>${escapeText(text)}</t></si>`);
    return i;
  }

  xml(): string {
    return `${XML_DECL}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.items.length}">${this.items.join('')}</sst>`;
  }
}

// ---------------------------------------------------------------------------------------------
// Byte output: strings joined and encoded in chunks, so no sheet is ever one giant string.

const CHUNK_CHARS = 1 << 16;

class ChunkWriter {
  private parts: string[] = [];
  private chars = 0;
  private readonly chunks: Uint8Array[] = [];
  private bytes = 0;

  push(s: string): void {
    this.parts.push(s);
    this.chars += s.length;
    if (this.chars >= CHUNK_CHARS) this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    const chunk = strToU8(this.parts.join(''));
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    this.parts = [];
    this.chars = 0;
  }

  finish(): Uint8Array {
    this.flush();
    const out = new Uint8Array(this.bytes);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets.

/**
 * The cell styles of one column (or of the header, or of plain cells): `base` for text, numbers
 * and booleans, `quoted` for text that starts like a formula, `date` for dates. Looked up once
 * per column; the last two only when a cell needs them, so styles.xml holds no unused xfs.
 */
class CellStyles {
  readonly base: number;
  private q = -1;
  private d = -1;
  /** Wrapped variants (plain, quoted) for multi-line text in a column that does not wrap. */
  private readonly w = [-1, -1];

  constructor(
    private readonly styles: Styles,
    private readonly numFmt: string | undefined,
    private readonly look: Omit<XfSpec, 'numFmt' | 'quote'>,
  ) {
    this.base = styles.xf({ ...look, numFmt: styles.numFmtId(numFmt), quote: false });
  }

  quoted(): number {
    if (this.q < 0) this.q = this.styles.xf({ ...this.look, numFmt: this.styles.numFmtId(this.numFmt), quote: true });
    return this.q;
  }

  /** A text cell's style: quotePrefix when it starts like a formula, wrapped when it holds a line break. */
  text(quote: boolean, multiline: boolean): number {
    const wrap = multiline && !this.look.wrap;
    if (!wrap) return quote ? this.quoted() : this.base;
    const k = quote ? 1 : 0;
    let id = this.w[k]!;
    if (id < 0) {
      id = this.styles.xf({ ...this.look, wrap: true, numFmt: this.styles.numFmtId(this.numFmt), quote });
      this.w[k] = id;
    }
    return id;
  }

  date(): number {
    if (this.d < 0) {
      const fmt = this.numFmt !== undefined && isDateFormat(this.numFmt) ? this.numFmt : DEFAULT_DATE_FORMAT;
      this.d = this.styles.xf({ ...this.look, numFmt: this.styles.numFmtId(fmt), quote: false });
    }
    return this.d;
  }
}

interface PreparedSheet {
  sheet: XlsxSheet;
  name: string;
  /** Column index → list reference (hidden-sheet fallback already resolved). */
  listRefs: Map<number, string>;
}

function cellStylesFor(styles: Styles, numFmt: string | undefined, wrap: boolean, header: boolean): CellStyles {
  return new CellStyles(styles, numFmt, { bold: header, fill: header, border: header, wrap });
}

function validWidth(w: number): number {
  if (!Number.isFinite(w) || w < 0) return 8.43;
  return Math.min(w, 255);
}

/** Excel's stored width for a width of `chars` characters (Calibri 11: 7 px digits, 5 px padding). */
function storedWidth(chars: number): number {
  return Math.trunc(((chars * 7 + 5) / 7) * 256) / 256;
}

/** ISO date → serial, remembered: a register repeats the same dates many times. */
class DateSerials {
  private readonly cache = new Map<string, number | null>();

  get(iso: string): number | null {
    let serial = this.cache.get(iso);
    if (serial === undefined) {
      serial = isoDateToSerial(iso);
      if (this.cache.size < 100_000) this.cache.set(iso, serial);
    }
    return serial;
  }
}

function writeSheet(out: ChunkWriter, prep: PreparedSheet, styles: Styles, sst: SharedStrings, dates: DateSerials, selected: boolean, losses: XlsxTextLoss[]): { filterRef: string | null } {
  const { sheet } = prep;
  const notes = sheet.kind === 'notes';
  const columns = sheet.columns ?? [];
  const preamble = sheet.preamble ?? [];
  const rows = sheet.rows ?? [];
  const hasHeader = notes ? columns.some((c) => (c.header ?? '') !== '') : true;
  const headerRow = preamble.length + 1; // 1-based; when !hasHeader, data starts here instead
  const firstDataRow = preamble.length + (hasHeader ? 1 : 0) + 1;
  const lastRow = firstDataRow + rows.length - 1;
  if (lastRow > MAX_ROWS) throw new RangeError(`Sheet "${prep.name}" has ${lastRow} rows; Excel holds ${MAX_ROWS}.`);

  let width = Math.max(columns.length, notes ? 1 : 0);
  for (const r of preamble) width = Math.max(width, r.length);
  for (const r of rows) width = Math.max(width, r.length);
  if (width > MAX_COLS) throw new RangeError(`Sheet "${prep.name}" has ${width} columns; Excel holds ${MAX_COLS}.`);
  const letters: string[] = [];
  for (let c = 0; c < Math.max(width, 1); c++) letters.push(columnName(c));
  const lastCell = `${letters[Math.max(width, 1) - 1]}${Math.max(lastRow, hasHeader ? headerRow : 1, 1)}`;
  const dimension = lastCell === 'A1' ? 'A1' : `A1:${lastCell}`;

  // Styles per column, looked up once.
  const plain = cellStylesFor(styles, undefined, notes, false);
  const headerStyles = columns.map((c) => (notes ? plain : cellStylesFor(styles, undefined, !!c.wrap, true)));
  const dataStyles: CellStyles[] = [];
  for (let c = 0; c < width; c++) {
    const col = columns[c];
    dataStyles.push(col ? cellStylesFor(styles, col.numFmt, notes || !!col.wrap, false) : plain);
  }

  out.push(XML_DECL);
  out.push(`<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`);
  out.push(`<dimension ref="${dimension}"/>`);

  // Frozen panes.
  const ySplit = sheet.freezeHeader && !notes ? (hasHeader ? headerRow : preamble.length) : 0;
  const xSplit = Math.max(0, Math.min(MAX_COLS - 1, Math.floor(Number(sheet.freezeColumns) || 0)));
  const tab = selected ? ' tabSelected="1"' : '';
  if (ySplit > 0 || xSplit > 0) {
    const topLeft = `${columnName(xSplit)}${ySplit + 1}`;
    const pane = ySplit > 0 && xSplit > 0 ? 'bottomRight' : ySplit > 0 ? 'bottomLeft' : 'topRight';
    const split = `${xSplit > 0 ? ` xSplit="${xSplit}"` : ''}${ySplit > 0 ? ` ySplit="${ySplit}"` : ''}`;
    out.push(
      `<sheetViews><sheetView${tab} workbookViewId="0"><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
        `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`,
    );
  } else {
    out.push(`<sheetViews><sheetView${tab} workbookViewId="0"/></sheetViews>`);
  }
  out.push('<sheetFormatPr defaultRowHeight="15"/>');

  // Column widths and hidden columns. No column style (<col style>): every cell carries its
  // own, and readers disagree on what a column style means for a cell without one (Excel: the
  // default style; Gnumeric then drops the style of cells that match it when it saves .xlsx).
  const cols: string[] = [];
  const nCols = Math.max(columns.length, notes ? 1 : 0);
  for (let c = 0; c < nCols; c++) {
    const col = columns[c];
    const w = storedWidth(validWidth(col ? col.width : NOTES_WIDTH));
    cols.push(`<col min="${c + 1}" max="${c + 1}" width="${w}"${col?.hidden ? ' hidden="1"' : ''} customWidth="1"/>`);
  }
  if (cols.length > 0) out.push(`<cols>${cols.join('')}</cols>`);

  // Cells.
  out.push('<sheetData>');
  const writeRow = (r: number, values: readonly XlsxValue[], stylesOf: (c: number) => CellStyles) => {
    let row = '';
    for (let c = 0; c < values.length; c++) {
      const v = values[c];
      if (v === null || v === undefined) continue;
      const ref = letters[c]! + r;
      const st = stylesOf(c);
      if (typeof v === 'string') {
        if (v === '') continue;
        const i = sst.add(v);
        const s = st.text(sst.formulaLike[i]!, sst.multiline[i]!);
        const loss = sst.losses[i];
        if (loss) losses.push({ sheet: prep.name, ref, ...loss });
        row += s ? `<c r="${ref}" s="${s}" t="s"><v>${i}</v></c>` : `<c r="${ref}" t="s"><v>${i}</v></c>`;
      } else if (typeof v === 'number') {
        if (!Number.isFinite(v)) continue;
        row += st.base ? `<c r="${ref}" s="${st.base}"><v>${v}</v></c>` : `<c r="${ref}"><v>${v}</v></c>`;
      } else if (typeof v === 'boolean') {
        row += st.base ? `<c r="${ref}" s="${st.base}" t="b"><v>${v ? 1 : 0}</v></c>` : `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
      } else if (typeof v === 'object' && typeof v.date === 'string') {
        const serial = dates.get(v.date);
        if (serial !== null) {
          row += `<c r="${ref}" s="${st.date()}"><v>${serial}</v></c>`;
        } else if (v.date !== '') {
          // Not a date Excel can hold (before 1900, or not a date at all): keep it as text.
          const i = sst.add(v.date);
          const loss = sst.losses[i];
          if (loss) losses.push({ sheet: prep.name, ref, ...loss });
          row += `<c r="${ref}" s="${st.text(sst.formulaLike[i]!, sst.multiline[i]!)}" t="s"><v>${i}</v></c>`;
        }
      }
    }
    if (row !== '') {
      out.push(`<row r="${r}">`);
      out.push(row);
      out.push('</row>');
    }
  };
  const plainOf = () => plain;
  for (let i = 0; i < preamble.length; i++) writeRow(i + 1, preamble[i] ?? [], plainOf);
  if (hasHeader) writeRow(headerRow, columns.map((c) => c.header ?? ''), (c) => headerStyles[c] ?? plain);
  const dataOf = (c: number) => dataStyles[c]!;
  for (let i = 0; i < rows.length; i++) writeRow(firstDataRow + i, rows[i] ?? [], dataOf);
  out.push('</sheetData>');

  // AutoFilter over the header and the data rows.
  let filterRef: string | null = null;
  if (sheet.autoFilter && !notes && columns.length > 0) {
    const last = letters[columns.length - 1]!;
    filterRef = `A${headerRow}:${last}${Math.max(lastRow, headerRow)}`;
    out.push(`<autoFilter ref="${filterRef}"/>`);
  }

  // Conditional formatting (RAG) and drop-down lists, from the first data row to the last row
  // Excel has, so rows added later are covered too.
  const range = (c: number) => `${letters[c]}${firstDataRow}:${letters[c]}${MAX_ROWS}`;
  let priority = 1;
  columns.forEach((col, c) => {
    if (!col.rag || notes) return;
    const dxf = styles.ragDxfs();
    out.push(`<conditionalFormatting sqref="${range(c)}">`);
    RAG_STYLES.forEach((r, k) => {
      out.push(`<cfRule type="cellIs" dxfId="${dxf + k}" priority="${priority++}" operator="equal"><formula>"${r.text}"</formula></cfRule>`);
    });
    out.push('</conditionalFormatting>');
  });
  if (prep.listRefs.size > 0) {
    out.push(`<dataValidations count="${prep.listRefs.size}">`);
    for (const [c, formula] of prep.listRefs) {
      // showDropDown="1" would HIDE the in-cell arrow (the attribute's meaning is inverted), so
      // it is left out.
      out.push(
        `<dataValidation type="list" errorStyle="warning" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${range(c)}">` +
          `<formula1>${escapeText(formula)}</formula1></dataValidation>`,
      );
    }
    out.push('</dataValidations>');
  }
  out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  out.push('</worksheet>');
  return { filterRef };
}

// ---------------------------------------------------------------------------------------------
// Drop-down lists: inline when Excel can take them so, else on a hidden sheet.

function inlineList(values: readonly string[]): string | null {
  const clean = values.map((v) => stripInvalidXmlChars(String(v)));
  if (clean.some((v) => v.includes(',') || v.includes('"'))) return null;
  const joined = clean.filter((v) => v !== '').join(',');
  return joined.length + 2 <= MAX_INLINE_LIST ? `"${joined}"` : null;
}

function prepareSheets(wb: XlsxWorkbook): PreparedSheet[] {
  const sheets = [...wb.sheets];
  const overflow: { sheet: number; col: number; values: string[] }[] = [];
  sheets.forEach((s, si) =>
    (s.columns ?? []).forEach((col, ci) => {
      const l = col.list;
      if (l && 'values' in l && inlineList(l.values) === null) overflow.push({ sheet: si, col: ci, values: l.values.filter((v) => v !== '') });
    }),
  );
  if (overflow.length > 0) {
    const height = Math.max(...overflow.map((o) => o.values.length));
    const rows: XlsxValue[][] = [];
    for (let r = 0; r < height; r++) rows.push(overflow.map((o) => o.values[r] ?? null));
    sheets.push({ name: LIST_SHEET_NAME, columns: [], rows, hidden: true, kind: 'notes' });
  }
  const names = sanitiseSheetNames(sheets.map((s) => s.name));
  const listSheet = overflow.length > 0 ? quoteSheetName(names[names.length - 1]!) : '';
  return sheets.map((sheet, si) => {
    const listRefs = new Map<number, string>();
    (sheet.columns ?? []).forEach((col, ci) => {
      const l = col.list;
      if (!l) return;
      if ('ref' in l) {
        const ref = String(l.ref).replace(/^=/, '');
        if (ref !== '') listRefs.set(ci, ref);
        return;
      }
      const inline = inlineList(l.values);
      if (inline !== null) {
        if (inline !== '""') listRefs.set(ci, inline);
        return;
      }
      const k = overflow.findIndex((o) => o.sheet === si && o.col === ci);
      const o = overflow[k]!;
      const letter = columnName(k);
      // The notes sheet has no header row: values start in row 1.
      if (o.values.length > 0) listRefs.set(ci, `${listSheet}!$${letter}$1:$${letter}$${o.values.length}`);
    });
    return { sheet, name: names[si]!, listRefs };
  });
}

// ---------------------------------------------------------------------------------------------
// Workbook parts.

function isoTimestamp(created: string | undefined): { w3c: string; date: Date } {
  let date = created !== undefined ? new Date(created) : new Date();
  if (Number.isNaN(date.getTime())) date = new Date();
  // Zip timestamps (DOS time) hold 1980–2099 only.
  const zipDate = date.getUTCFullYear() < 1981 ? new Date(Date.UTC(1981, 0, 1)) : date.getUTCFullYear() > 2098 ? new Date(Date.UTC(2098, 0, 1)) : date;
  return { w3c: date.toISOString().replace(/\.\d{3}Z$/, 'Z'), date: zipDate };
}

function contentTypes(sheetCount: number): string {
  const sheets: string[] = [];
  for (let i = 1; i <= sheetCount; i++) {
    sheets.push(`<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  }
  return (
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>'
  );
}

const ROOT_RELS =
  `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
  '</Relationships>';

function workbookRels(sheetCount: number): string {
  const rels: string[] = [];
  for (let i = 1; i <= sheetCount; i++) {
    rels.push(`<Relationship Id="rId${i}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`);
  }
  rels.push(`<Relationship Id="rId${sheetCount + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>`);
  rels.push(`<Relationship Id="rId${sheetCount + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  return `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">${rels.join('')}</Relationships>`;
}

function coreProps(creator: string, w3c: string): string {
  const who = escapeText(creator);
  return (
    `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${who}</dc:creator><cp:lastModifiedBy>${who}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${w3c}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${w3c}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

const APP_PROPS =
  `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
  '<Application>PMO Workbench</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
  '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>' +
  '</Properties>';

function workbookXml(prepared: readonly PreparedSheet[], active: number, filters: readonly (string | null)[], definedNames: XlsxWorkbook['definedNames']): string {
  const sheets = prepared.map(
    (p, i) => `<sheet name="${escapeAttr(p.name)}" sheetId="${i + 1}"${p.sheet.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
  );
  const names: string[] = [];
  const seen = new Set<string>();
  for (const d of definedNames ?? []) {
    const name = String(d.name);
    checkDefinedName(name);
    if (seen.has(name.toUpperCase())) throw new RangeError(`Defined name used twice: ${JSON.stringify(name)}`);
    seen.add(name.toUpperCase());
    const ref = String(d.ref).replace(/^=/, '');
    names.push(`<definedName name="${escapeAttr(name)}"${d.hidden ? ' hidden="1"' : ''}>${escapeText(ref)}</definedName>`);
  }
  filters.forEach((ref, i) => {
    if (ref === null) return;
    const abs = ref.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeText(`${quoteSheetName(prepared[i]!.name)}!${abs}`)}</definedName>`);
  });
  return (
    `${XML_DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    '<workbookPr/>' +
    `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="15000" activeTab="${active}"/></bookViews>` +
    `<sheets>${sheets.join('')}</sheets>` +
    (names.length > 0 ? `<definedNames>${names.join('')}</definedNames>` : '') +
    '</workbook>'
  );
}

/** The workbook as .xlsx bytes. Throws RangeError for a workbook Excel could not open (no visible sheet, too many rows). */
export function writeXlsx(wb: XlsxWorkbook): Uint8Array {
  return writeXlsxReport(wb).bytes;
}

/**
 * A cell whose text could not be written whole: `removed` characters XML 1.0 cannot hold
 * (control characters other than tab, line feed and carriage return; U+FFFE, U+FFFF; a lone
 * half of a surrogate pair), and `cutAt` when the text was longer than Excel's 32,767 characters.
 */
export interface XlsxTextLoss {
  sheet: string;
  /** The cell, e.g. "F12". */
  ref: string;
  removed: number;
  cutAt?: number;
}

/** The .xlsx bytes and every cell whose text could not be written whole (see XlsxTextLoss). */
export function writeXlsxReport(wb: XlsxWorkbook): { bytes: Uint8Array; losses: XlsxTextLoss[] } {
  const losses: XlsxTextLoss[] = [];
  if (!wb.sheets || wb.sheets.length === 0) throw new RangeError('A workbook needs at least one sheet.');
  const active = wb.sheets.findIndex((s) => !s.hidden);
  if (active < 0) throw new RangeError('A workbook needs at least one visible sheet.');
  const prepared = prepareSheets(wb);
  const styles = new Styles();
  const sst = new SharedStrings();
  const dates = new DateSerials();
  const { w3c, date } = isoTimestamp(wb.created);
  const files: Record<string, Uint8Array> = {};

  const filters: (string | null)[] = [];
  const sheetFiles: Uint8Array[] = [];
  prepared.forEach((p, i) => {
    const out = new ChunkWriter();
    filters.push(writeSheet(out, p, styles, sst, dates, i === active, losses).filterRef);
    sheetFiles.push(out.finish());
  });

  // [Content_Types].xml first: tools that sniff the format look at the first entry.
  files['[Content_Types].xml'] = strToU8(contentTypes(prepared.length));
  files['_rels/.rels'] = strToU8(ROOT_RELS);
  files['docProps/core.xml'] = strToU8(coreProps(wb.creator ?? 'PMO Workbench', w3c));
  files['docProps/app.xml'] = strToU8(APP_PROPS);
  files['xl/workbook.xml'] = strToU8(workbookXml(prepared, active, filters, wb.definedNames));
  files['xl/_rels/workbook.xml.rels'] = strToU8(workbookRels(prepared.length));
  files['xl/styles.xml'] = strToU8(styles.xml());
  files['xl/sharedStrings.xml'] = strToU8(sst.xml());
  sheetFiles.forEach((bytes, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = bytes;
  });
  return { bytes: zipSync(files, { level: DEFLATE_LEVEL, mtime: date }), losses };
}

/**
 * What the export dialog and the command line say about losses, or null when there are none:
 * "3 characters that spreadsheets cannot hold were left out of 2 cells: Projects!F12, RAID!L4."
 * (at most `max` cells named, then "and N more").
 */
export function describeTextLosses(losses: readonly XlsxTextLoss[], max = 5): string | null {
  if (losses.length === 0) return null;
  const where = (list: readonly XlsxTextLoss[]) => {
    const named = list.slice(0, max).map((l) => `${quoteSheetRef(l.sheet)}!${l.ref}`);
    return list.length > max ? `${named.join(', ')} and ${list.length - max} more` : named.join(', ');
  };
  const cells = (n: number) => `${n} cell${n === 1 ? '' : 's'}`;
  const out: string[] = [];
  const removed = losses.filter((l) => l.removed > 0);
  const chars = removed.reduce((n, l) => n + l.removed, 0);
  if (removed.length) out.push(`${chars} character${chars === 1 ? '' : 's'} that spreadsheets cannot hold (control characters) ${chars === 1 ? 'was' : 'were'} left out of ${cells(removed.length)}: ${where(removed)}.`);
  const cut = losses.filter((l) => l.cutAt !== undefined);
  if (cut.length) out.push(`Text longer than a spreadsheet cell holds (${MAX_CELL_CHARS.toLocaleString('en-US')} characters) was cut short in ${cells(cut.length)}: ${where(cut)}.`);
  return out.join(' ');
}

/** A sheet name in a cell reference, quoted only when it needs it. */
function quoteSheetRef(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) ? name : quoteSheetName(name);
}
