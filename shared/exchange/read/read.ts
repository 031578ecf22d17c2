// Any spreadsheet file → plain cells (SourceWorkbook), or a refusal a user can act on. Never
// throws. The format comes from the bytes, not the name: a zip is xlsx/xlsm or ods, an OLE
// compound file is xls, text is CSV/TSV, anything else is refused.
//
// Hostile files are expected: zip bombs (checked on the zip directory before SheetJS inflates
// anything), declared ranges of a million rows (SheetJS always runs in dense mode and only the
// cells that exist are visited), ODS rows and cells repeated a million times (estimated from
// content.xml before SheetJS expands them), sheet names like "__proto__" (cell text and sheet
// names are never used as keys of plain objects here).
import * as XLSX from '@e965/xlsx';
import { unzipSync } from 'fflate';
import { excelSerialToIsoDate } from '../../register/convert';
import { fromParts } from '../../calendar';
import { plural } from '../../util/plural';
import {
  DEFAULT_READ_LIMITS,
  columnLetter,
  type CellRange,
  type ReadLimits,
  type ReadProgress,
  type ReadResult,
  type SourceCell,
  type SourceFormat,
  type SourceSheet,
  type SourceWorkbook,
} from '../source';
import { formatBytes, inspectZip, storedEntry, type ZipEntryInfo } from './zip-guard';
import { decodeText, guessUtf16, parseDelimited, sniffDelimiter } from './text';
import { exactOdsParagraphs, odsWithExactText } from './ods-text';
import { applyOdsFills, isColouredFill } from './ods-fills';
import { DateFormatTally, odsDateOrderHint, odsLocale } from './date-facts';

export interface ReadOptions {
  limits?: Partial<ReadLimits>;
  onProgress?: ReadProgress;
}

/** A declared range this much larger than the data (in cells) earns a note. */
const NOTE_EXTRA_CELLS = 10_000;
/** Rows longer than this are walked by their keys: SheetJS leaves holes, V8 keeps such rows sparse. */
const SPARSE_ROW = 4096;
const PROGRESS_EVERY_ROWS = 5000;
/** Excel's (and LibreOffice's) sheet size. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

// ---------------------------------------------------------------------------------------------
// Names and messages

/** The file's own name, safe to show: no folders, no control characters, not endless. */
function cleanName(fileName: string): string {
  const base = String(fileName ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.length > 120 ? `${clean.slice(0, 117)}…` : clean;
}

/** The name as messages show it: in quotes, or "The file" when there is none. */
function displayName(fileName: string): string {
  const clean = cleanName(fileName);
  return clean === '' ? 'The file' : `"${clean}"`;
}

function extensionOf(fileName: string): string {
  const base = cleanName(fileName);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function baseNameOf(fileName: string): string {
  const base = cleanName(fileName);
  const dot = base.lastIndexOf('.');
  const name = dot > 0 ? base.slice(0, dot) : base;
  return name === '' ? 'Sheet1' : name;
}

const fail = (reason: string): ReadResult => ({ ok: false, reason });

// ---------------------------------------------------------------------------------------------
// Cells

type FormatKind = 0 | 1 | 2; // plain number, date, percentage
const PLAIN: FormatKind = 0;
const DATE: FormatKind = 1;
const PERCENT: FormatKind = 2;

/** The format's code without literal text ("…", \x, _x, *x) and bracketed parts ([Red], [$€-407], [h]). */
function formatCodeOnly(z: string): string {
  return z.replace(/"[^"]*"|\\.|_.|\*.|\[[^\]]*\]/g, '');
}

/**
 * Whether a date format shows a calendar date rather than only a time of day: h:mm and [h]:mm:ss
 * are durations or times, and a time is not a date (its serial is a fraction of day zero).
 */
function showsCalendarDate(z: string): boolean {
  const code = formatCodeOnly(z).replace(/am\/pm|a\/p/gi, '');
  if (/[ydeg]/i.test(code)) return true;
  if (/m{3,}/i.test(code)) return true;
  // m or mm: minutes after an hour or before seconds, otherwise a month.
  const letters = code.replace(/[^a-z]/gi, '').toLowerCase();
  for (let i = 0; i < letters.length; i++) {
    if (letters[i] !== 'm') continue;
    let j = i;
    while (j < letters.length && letters[j] === 'm') j++;
    const before = i > 0 ? letters[i - 1] : '';
    const after = j < letters.length ? letters[j] : '';
    if (before !== 'h' && after !== 's') return true;
    i = j - 1;
  }
  return false;
}

function classifyFormat(z: string): FormatKind {
  if (z === 'General' || z === '') return PLAIN;
  let isDate: boolean;
  try {
    isDate = XLSX.SSF.is_date(z) === true;
  } catch {
    isDate = false;
  }
  if (isDate) return showsCalendarDate(z) ? DATE : PLAIN;
  return formatCodeOnly(z).includes('%') ? PERCENT : PLAIN;
}

/** Excel's error codes, for error cells SheetJS left without text. */
const ERROR_TEXT = new Map<number, string>([
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
  [0x2b, '#GETTING_DATA'],
]);

function normaliseBreaks(s: string): string {
  return s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n');
}

/** A JS Date from SheetJS (UTC midnight in 0.20) → its calendar date, rounding float noise to the second. */
function dateToIso(d: Date): string | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  const r = new Date(Math.round(t / 1000) * 1000);
  return fromParts(r.getUTCFullYear(), r.getUTCMonth() + 1, r.getUTCDate());
}

interface CellContext {
  date1904: boolean;
  formats: Map<string, FormatKind>;
  /** Fills of empty cells are kept (xlsx, xls: SheetJS read the styles), up to `max` in all. */
  fills: { kept: number; max: number; capped: boolean } | null;
  /** Date cells counted by the day/month order of their format (SourceWorkbook.dateOrderHint). */
  dateOrders?: DateFormatTally;
}

/** Fill colours kept per workbook at most (a RAG column of 200k rows; bounded memory). */
const MAX_FILLS = 200_000;

/** A cell's solid fill colour as SheetJS gives it (cellStyles), "RRGGBB", or null. */
function solidFill(s: unknown): string | null {
  if (!s || typeof s !== 'object') return null;
  const st = s as { patternType?: unknown; fgColor?: { rgb?: unknown } };
  if (st.patternType !== 'solid') return null;
  const rgb = st.fgColor?.rgb;
  if (typeof rgb !== 'string' || !/^[0-9a-f]{6}$/i.test(rgb)) return null;
  const hex = rgb.toUpperCase();
  return isColouredFill(hex) ? hex : null;
}

function convertCell(cell: XLSX.CellObject, ctx: CellContext): SourceCell {
  const v = cell.v;
  switch (cell.t) {
    case 's': {
      if (typeof v !== 'string') return v === undefined || v === null ? null : String(v);
      return v === '' ? null : normaliseBreaks(v);
    }
    case 'n': {
      if (typeof v !== 'number' || Number.isNaN(v)) return null;
      const z = typeof cell.z === 'string' ? cell.z : '';
      if (z === '' || z === 'General') return v;
      let kind = ctx.formats.get(z);
      if (kind === undefined) {
        kind = classifyFormat(z);
        ctx.formats.set(z, kind);
      }
      if (kind === DATE) {
        const iso = excelSerialToIsoDate(v, ctx.date1904);
        if (iso === null) return v;
        ctx.dateOrders?.add(z, formatCodeOnly);
        return { d: iso };
      }
      if (kind === PERCENT) return { n: v, pct: true };
      return v;
    }
    case 'b':
      return v === true || v === 1 || v === 'TRUE' || v === 'true';
    case 'e':
      if (typeof cell.w === 'string' && cell.w !== '') return cell.w;
      return typeof v === 'number' ? (ERROR_TEXT.get(v) ?? '#ERROR') : '#ERROR';
    case 'd': {
      if (v instanceof Date) {
        const iso = dateToIso(v);
        return iso === null ? null : { d: iso };
      }
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return { d: v.slice(0, 10) };
      if (typeof v === 'number') {
        const iso = excelSerialToIsoDate(v, ctx.date1904);
        return iso === null ? v : { d: iso };
      }
      return null;
    }
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Sheets

interface SheetBudget {
  /** Cells kept so far, over the whole workbook. */
  cells: number;
  max: number;
  /** Rows visited so far and in all (for progress). */
  rowsDone: number;
  rowsTotal: number;
  onProgress?: ReadProgress;
}

class TooManyCells extends Error {}

function readRange(ref: unknown): { rows: number; cols: number } | null {
  if (typeof ref !== 'string' || ref === '') return null;
  try {
    const r = XLSX.utils.decode_range(ref);
    if (![r.s.r, r.s.c, r.e.r, r.e.c].every((n) => Number.isInteger(n) && n >= 0)) return null;
    return { rows: r.e.r + 1, cols: r.e.c + 1 };
  } catch {
    return null;
  }
}

function rangeText(r0: number, c0: number, r1: number, c1: number): string {
  return `${columnLetter(c0)}${r0 + 1}:${columnLetter(c1)}${r1 + 1}`;
}

function convertSheet(name: string, ws: XLSX.WorkSheet | undefined, hidden: boolean, ctx: CellContext, budget: SheetBudget, notes: string[]): SourceSheet {
  const data = ws && Array.isArray(ws['!data']) ? (ws['!data'] as (XLSX.CellObject | null | undefined)[][]) : [];
  const rows: SourceCell[][] = [];
  let usedRows = 0;
  let width = 0;
  let beyond = false;
  /** Fills of empty cells: row, column, colour (clipped to the used range below). */
  const fillAt: { r: number; c: number; colour: string }[] = [];
  const fb = ctx.fills;
  // Never more rows or columns than Excel has: a hostile file can place a cell at row 10^9, and
  // SheetJS then holds a sparse array that long. Only indexes below the limits are visited.
  const rowCount = Math.min(data.length, MAX_ROWS);
  if (data.length > MAX_ROWS) beyond = true;
  for (let r = 0; r < rowCount; r++) {
    const src = data[r];
    const out: SourceCell[] = [];
    if (src && src.length > 0) {
      const put = (c: number, cell: XLSX.CellObject | null | undefined) => {
        if (!cell) return;
        const value = convertCell(cell, ctx);
        if (fb && cell.s !== undefined && (value === null || (typeof value === 'string' && value.trim() === ''))) {
          const colour = solidFill(cell.s);
          if (colour !== null) {
            if (fb.kept < fb.max) {
              fillAt.push({ r, c, colour });
              fb.kept++;
            } else fb.capped = true;
          }
        }
        if (value === null) return;
        while (out.length < c) out.push(null);
        out.push(value);
      };
      if (src.length <= SPARSE_ROW) {
        for (let c = 0; c < src.length; c++) put(c, src[c]);
      } else {
        // Integer keys come in ascending order; only the cells that exist are visited.
        for (const key of Object.keys(src)) {
          const c = Number(key);
          if (!Number.isInteger(c) || c < 0) continue;
          if (c >= MAX_COLS) {
            beyond = true;
            break;
          }
          put(c, src[c]);
        }
      }
      if (out.length > 0) {
        budget.cells += out.length;
        if (budget.cells > budget.max) throw new TooManyCells(name);
        usedRows = r + 1;
        if (out.length > width) width = out.length;
      }
    }
    rows.push(out);
    budget.rowsDone++;
    if (budget.onProgress && budget.rowsDone % PROGRESS_EVERY_ROWS === 0) budget.onProgress('reading', budget.rowsDone, budget.rowsTotal);
  }
  if (beyond) notes.push(`Sheet "${name}" has cells beyond row ${MAX_ROWS.toLocaleString('en-US')} or column ${columnLetter(MAX_COLS - 1)}, where no spreadsheet program keeps data; they were ignored.`);
  // Trailing empty rows go.
  rows.length = usedRows;
  let fills: Record<string, string> | undefined;
  for (const f of fillAt) {
    if (f.r >= usedRows || f.c >= width) continue;
    fills ??= {};
    fills[`${f.r},${f.c}`] = f.colour;
  }

  const declared = ws ? readRange(ws['!ref']) : null;
  if (declared) {
    const declaredCells = declared.rows * declared.cols;
    const usedCells = usedRows * width;
    if (declaredCells - usedCells >= NOTE_EXTRA_CELLS && declaredCells > 2 * usedCells) {
      const holds = usedRows === 0 ? 'holds no data' : `holds data only in ${rangeText(0, 0, usedRows - 1, width - 1)}`;
      const decl = ws ? String(ws['!ref']) : '';
      notes.push(`Sheet "${name}" declares ${decl} but ${holds}; the rest was ignored.`);
    }
  }

  const merges: CellRange[] = [];
  const srcMerges = ws ? ws['!merges'] : undefined;
  if (Array.isArray(srcMerges) && usedRows > 0) {
    for (const m of srcMerges) {
      const r0 = m?.s?.r;
      const c0 = m?.s?.c;
      const r1 = m?.e?.r;
      const c1 = m?.e?.c;
      if (![r0, c0, r1, c1].every((n) => Number.isInteger(n) && n >= 0)) continue;
      const cr0 = Math.min(r0, r1);
      const cc0 = Math.min(c0, c1);
      const cr1 = Math.min(Math.max(r0, r1), usedRows - 1);
      const cc1 = Math.min(Math.max(c0, c1), width - 1);
      if (cr0 > cr1 || cc0 > cc1 || (cr0 === cr1 && cc0 === cc1)) continue;
      merges.push({ r0: cr0, c0: cc0, r1: cr1, c1: cc1 });
    }
  }
  return fills ? { name, rows, width, merges, hidden, fills } : { name, rows, width, merges, hidden };
}

// ---------------------------------------------------------------------------------------------
// Formats

type Sniffed =
  | { kind: 'zip' }
  | { kind: 'ole' }
  | { kind: 'text' }
  | { kind: 'refuse'; reason: string };

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

const KNOWN_BINARIES: readonly { sig: readonly number[]; what: string }[] = [
  { sig: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { sig: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { sig: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { sig: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { sig: [0x1f, 0x8b], what: 'a gzip archive' },
  { sig: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { sig: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
  { sig: [0x4d, 0x5a], what: 'a Windows program' },
  { sig: [0x7f, 0x45, 0x4c, 0x46], what: 'a program' },
  { sig: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'a database file' },
];

/** Control characters other than tab, line feed, form feed, carriage return and Ctrl-Z: text has (almost) none. */
function looksBinary(b: Uint8Array): boolean {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return false;
  if (guessUtf16(b)) return false;
  const n = Math.min(b.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const x = b[i]!;
    if (x === 0) return true;
    if (x < 0x20 && x !== 9 && x !== 10 && x !== 12 && x !== 13 && x !== 0x1a && x !== 0x1b) control++;
  }
  return control > Math.max(2, n / 200);
}

function sniff(b: Uint8Array): Sniffed {
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'ole' };
  for (const k of KNOWN_BINARIES) if (startsWith(b, k.sig)) return { kind: 'refuse', reason: `it is ${k.what}` };
  if (looksBinary(b)) return { kind: 'refuse', reason: 'it is not text, and not an Excel or OpenDocument file' };
  return { kind: 'text' };
}

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

/** What a zip that passed the guard holds: a workbook SheetJS can read, or a reason to refuse. */
function zipKind(bytes: Uint8Array, list: readonly ZipEntryInfo[], ext: string): { format: 'xlsx' | 'xlsm' | 'ods' } | { refuse: string } {
  const names = new Set(list.map((e) => e.name.toLowerCase()));
  const mimeEntry = list.find((e) => e.name === 'mimetype');
  if (mimeEntry) {
    let mime = '';
    try {
      let raw = storedEntry(bytes, mimeEntry);
      if (!raw && mimeEntry.uncompressed <= 1024 && !mimeEntry.encrypted) {
        raw = unzipSync(bytes, { filter: (f) => f.name === 'mimetype' && f.originalSize <= 1024 })['mimetype'] ?? null;
      }
      if (raw && raw.length <= 1024) for (let i = 0; i < raw.length; i++) mime += String.fromCharCode(raw[i]!);
    } catch {
      mime = '';
    }
    mime = mime.trim();
    if (mime === ODS_MIME || mime === `${ODS_MIME}-template`) return { format: 'ods' };
    if (mime.startsWith('application/vnd.oasis.opendocument.text')) return { refuse: 'it is an OpenDocument text document, not a spreadsheet' };
    if (mime.startsWith('application/vnd.oasis.opendocument.presentation')) return { refuse: 'it is an OpenDocument presentation, not a spreadsheet' };
    if (mime.startsWith('application/vnd.oasis.opendocument.')) return { refuse: 'it is an OpenDocument file, but not a spreadsheet' };
    if (mime === 'application/epub+zip') return { refuse: 'it is an e-book, not a spreadsheet' };
  }
  if (names.has('xl/workbook.xml')) {
    const macro = names.has('xl/vbaproject.bin') || ext === 'xlsm' || ext === 'xltm';
    return { format: macro ? 'xlsm' : 'xlsx' };
  }
  if (names.has('xl/workbook.bin')) return { refuse: 'it is an Excel binary workbook (.xlsb), which cannot be imported. Save it in Excel as .xlsx and import that' };
  if (names.has('word/document.xml')) return { refuse: 'it is a Word document, not a spreadsheet' };
  if (names.has('ppt/presentation.xml')) return { refuse: 'it is a PowerPoint presentation, not a spreadsheet' };
  if (names.has('content.xml') && !mimeEntry) return { format: 'ods' };
  return { refuse: 'it is a zip archive, but not an Excel (.xlsx) or OpenDocument (.ods) spreadsheet' };
}

/**
 * ODS repeats a row or cell with number-rows-repeated / number-columns-repeated, and SheetJS
 * copies a repeated cell that holds a value into every position: one cell "repeated" 16384 ×
 * 1048576 times is a few bytes of XML and 17 billion cells. Estimates, from content.xml, how many
 * cells with content SheetJS would create (an upper bound: any cell with content or a value type).
 */
function odsRepeatedCells(xml: string, maxCells: number): number {
  if (xml.indexOf('-repeated') < 0) return 0;
  const tag = /<(\/?)(?:[\w.-]+:)?(table-row|table-cell|covered-table-cell)\b([^>]*)>/g;
  let total = 0;
  let rowRepeat = 1;
  let rowCells = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const closing = m[1] === '/';
    const kind = m[2];
    const attrs = m[3] ?? '';
    if (kind === 'table-row') {
      if (closing) {
        total += rowRepeat * rowCells;
        if (total > maxCells) return total;
        rowRepeat = 1;
        rowCells = 0;
      } else {
        const rep = /number-rows-repeated\s*=\s*["'](\d+)["']/.exec(attrs);
        rowRepeat = rep ? Math.max(1, Number(rep[1])) : 1;
        rowCells = 0;
        if (attrs.endsWith('/')) rowRepeat = 1; // an empty self-closed row
      }
    } else if (!closing) {
      const selfClosed = attrs.endsWith('/');
      if (selfClosed && !/value-type\s*=/.test(attrs)) continue;
      const rep = /number-columns-repeated\s*=\s*["'](\d+)["']/.exec(attrs);
      rowCells += rep ? Math.max(1, Number(rep[1])) : 1;
    }
  }
  return total;
}

/** An ODS zip's content.xml and styles.xml as text (null for a part that is missing or encrypted). */
function odsParts(bytes: Uint8Array, list: readonly ZipEntryInfo[]): { content: string | null; styles: string | null } {
  const wanted = new Set(list.filter((e) => (e.name === 'content.xml' || e.name === 'styles.xml') && !e.encrypted).map((e) => e.name));
  if (wanted.size === 0) return { content: null, styles: null };
  const files = unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
  const Decoder = (globalThis as unknown as { TextDecoder: new (l: string) => { decode(b: Uint8Array): string } }).TextDecoder;
  const dec = new Decoder('utf-8');
  const text = (name: string) => (files[name] ? dec.decode(files[name]) : null);
  return { content: text('content.xml'), styles: text('styles.xml') };
}

/**
 * A flat OpenDocument spreadsheet (.fods, as LibreOffice writes it): an XML file whose root is
 * office:document. Null when the text is not one; a refusal for other OpenDocument files and
 * for XML that declares a document type.
 */
function fodsKind(text: string): { fods: true } | { refuse: string } | null {
  let i = 0;
  while (i < text.length && i < 4096 && /\s/.test(text[i]!)) i++;
  const head = text.slice(i, i + 64 * 1024);
  if (!head.startsWith('<')) return null;
  const root = /<(?:[\w.-]+:)?document(?=[\s>/])([^>]*)>/.exec(head);
  if (!root || !/urn:oasis:names:tc:opendocument:xmlns:office/.test(root[1] ?? '')) return null;
  const mime = /(?:^|\s)(?:[\w.-]+:)?mimetype\s*=\s*["']([^"']*)["']/.exec(root[1] ?? '')?.[1] ?? '';
  if (mime === '' || mime === ODS_MIME || mime === `${ODS_MIME}-template`) return { fods: true };
  if (mime.startsWith('application/vnd.oasis.opendocument.text')) return { refuse: 'it is a flat OpenDocument text document, not a spreadsheet' };
  if (mime.startsWith('application/vnd.oasis.opendocument.presentation')) return { refuse: 'it is a flat OpenDocument presentation, not a spreadsheet' };
  return { refuse: 'it is a flat OpenDocument file, but not a spreadsheet' };
}

/**
 * XML that declares a document type can define entities ("billion laughs": a few hundred bytes
 * that expand to gigabytes) or point at other files (XXE). No spreadsheet program writes one
 * into a spreadsheet, so such a file is refused before any parser sees it.
 */
function declaresDoctype(xml: string): boolean {
  return /<!DOCTYPE|<!ENTITY/i.test(xml);
}

const DOCTYPE_REFUSAL = 'its XML declares a document type (entity definitions or references to other files, as in "billion laughs" and XXE attacks), which no spreadsheet program writes. Open it in LibreOffice, save it again and import that';

function isDate1904(wb: XLSX.WorkBook): boolean {
  const flag = (wb.Workbook?.WBProps as { date1904?: unknown } | undefined)?.date1904;
  return flag === true || flag === 1 || flag === '1' || flag === 'true';
}

function sheetHidden(wb: XLSX.WorkBook, index: number, name: string): boolean {
  const props = wb.Workbook?.Sheets;
  if (!Array.isArray(props)) return false;
  const byName = props.find((p) => p?.name === name);
  const p = byName ?? props[index];
  const h = p?.Hidden as unknown;
  return h === 1 || h === 2 || h === '1' || h === '2';
}

/** The worksheet object for a name, without letting "__proto__" reach Object.prototype. */
function sheetByName(wb: XLSX.WorkBook, name: string): XLSX.WorkSheet | undefined {
  const sheets = wb.Sheets as unknown as object;
  if (Object.prototype.hasOwnProperty.call(sheets, name)) return (wb.Sheets as Record<string, XLSX.WorkSheet>)[name];
  if (name === '__proto__') {
    // SheetJS assigns wb.Sheets[name] = ws, which for this name sets the object's prototype.
    const proto = Object.getPrototypeOf(sheets) as XLSX.WorkSheet | null;
    if (proto && proto !== Object.prototype && Array.isArray((proto as { '!data'?: unknown })['!data'])) return proto;
  }
  return undefined;
}

function describeSheetJsError(e: unknown, who: string, format: SourceFormat): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/password|encrypt/i.test(msg)) return `${who} is password-protected. Open it in Excel, remove the password (File › Info › Protect Workbook), save it and import it again.`;
  const od = format === 'ods' || format === 'fods';
  const what = format === 'fods' ? 'a flat OpenDocument spreadsheet' : od ? 'an OpenDocument spreadsheet' : 'an Excel workbook';
  return `${who} could not be read as ${what}: it may be damaged. Try opening it in ${od ? 'LibreOffice' : 'Excel'} and saving it again.`;
}

// ---------------------------------------------------------------------------------------------
// SheetJS's ODS number formats

/**
 * What SheetJS's ODS parser prints to the console (console.error) about a number format it
 * cannot translate to Excel's: a style:map condition other than "value()>=0" (the sections of a
 * "positive;negative;zero" format, as LibreOffice and Gnumeric write them), or a week or quarter
 * token. It prints once per format element and goes on: the cell values are still read; only
 * that format is simplified. Exact prefixes, so any other message still reaches the console.
 */
const ODS_FORMAT_MESSAGES = ['ODS number format may be incorrect: ', 'Excel does not support ODS format token '];

type ErrorSink = (...args: unknown[]) => void;
/** The host's console, typed here: shared/ compiles without the DOM and Node libraries. */
const host = globalThis as unknown as { console?: { error?: ErrorSink } };

/**
 * Holds back SheetJS's number-format messages while it parses (synchronously) and returns them
 * on restore, so the import can say so once instead of the console printing them per format.
 */
function muteOdsFormatMessages(): { restore(): string[] } {
  const con = host.console;
  const original = con?.error;
  if (!con || !original) return { restore: () => [] };
  const muted: string[] = [];
  con.error = (...args: unknown[]) => {
    const first = args.length === 1 && typeof args[0] === 'string' ? args[0] : '';
    const prefix = ODS_FORMAT_MESSAGES.find((p) => first.startsWith(p));
    if (prefix) muted.push(first.slice(prefix.length).trim());
    else original.apply(con, args);
  };
  return {
    restore() {
      con.error = original;
      return muted;
    },
  };
}

/** The import note for the formats SheetJS simplified: what was lost, and that the values were not. */
function odsFormatNote(details: readonly string[]): string {
  const unique = [...new Set(details.map((d) => d.replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&')))];
  const shown = unique.slice(0, 3).map((c) => `"${c}"`).join(', ') + (unique.length > 3 ? ', …' : '');
  return (
    `${plural(details.length, 'conditional section')} of this file's number formats could not be read (${shown}: the positive, negative or zero parts of a format, as LibreOffice and Gnumeric write them). ` +
    'Every cell value was read; only those cells\' formats were simplified, so a percentage or date shown with such a format may arrive as a plain number.'
  );
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The XML an ODS's fills are read from: content (tables) and the parts that define styles. */
interface OdsXml {
  content: string;
  styles: readonly string[];
}

function readWorkbookFile(
  input: Uint8Array | string,
  fileName: string,
  format: 'xlsx' | 'xlsm' | 'xls' | 'ods' | 'fods',
  limits: ReadLimits,
  onProgress: ReadProgress | undefined,
  notes: string[],
  odsXml?: OdsXml | null,
): ReadResult {
  const who = displayName(fileName);
  onProgress?.('parsing', 0, 1);
  let wb: XLSX.WorkBook;
  const od = format === 'ods' || format === 'fods';
  const quiet = od ? muteOdsFormatMessages() : null;
  try {
    wb = XLSX.read(input, {
      type: typeof input === 'string' ? 'string' : 'array',
      dense: true,
      cellDates: false,
      cellNF: true,
      cellHTML: false,
      cellFormula: false,
      // Styles only where SheetJS reads fills (xlsx, xls); ODS fills are read from the XML here.
      cellStyles: !od,
      sheetStubs: false,
      bookVBA: false,
      bookDeps: false,
      bookFiles: false,
      WTF: false,
    });
  } catch (e) {
    return fail(describeSheetJsError(e, who, format));
  } finally {
    const muted = quiet?.restore() ?? [];
    if (muted.length) notes.push(odsFormatNote(muted));
  }
  onProgress?.('parsing', 1, 1);
  if (!wb || !Array.isArray(wb.SheetNames) || !wb.Sheets) return fail(describeSheetJsError(new Error('no workbook'), who, format));

  const date1904 = isDate1904(wb);
  const ctx: CellContext = { date1904, formats: new Map(), fills: od ? null : { kept: 0, max: MAX_FILLS, capped: false }, dateOrders: od ? undefined : new DateFormatTally(true) };
  const names = wb.SheetNames.map((n) => (typeof n === 'string' ? n : String(n)));
  const worksheets = names.map((n) => sheetByName(wb, n));
  let rowsTotal = 0;
  for (const ws of worksheets) {
    const data = ws?.['!data'];
    if (Array.isArray(data)) rowsTotal += Math.min(data.length, MAX_ROWS);
  }
  const budget: SheetBudget = { cells: 0, max: limits.maxCells, rowsDone: 0, rowsTotal, onProgress };
  onProgress?.('reading', 0, rowsTotal);
  const sheets: SourceSheet[] = [];
  try {
    for (let i = 0; i < names.length; i++) {
      sheets.push(convertSheet(names[i]!, worksheets[i], sheetHidden(wb, i, names[i]!), ctx, budget, notes));
    }
  } catch (e) {
    if (e instanceof TooManyCells) {
      return fail(`${who} was refused: it holds more than ${limits.maxCells.toLocaleString('en-US')} cells (the limit), counted up to sheet "${e.message}".`);
    }
    throw e;
  }
  let capped = ctx.fills?.capped === true;
  if (odsXml) capped = applyOdsFills(sheets, odsXml.content, odsXml.styles, MAX_FILLS).capped;
  if (capped) notes.push(`${who} has more than ${MAX_FILLS.toLocaleString('en-US')} coloured empty cells; only the first ${MAX_FILLS.toLocaleString('en-US')} fill colours were read.`);
  onProgress?.('reading', rowsTotal, rowsTotal);
  if (sheets.length === 0) return fail(`${who} holds no sheets.`);
  const workbook: SourceWorkbook = { fileName, format, date1904, sheets, notes };
  // How the file writes dates, for text dates that read both ways (import.ts, column-reading.ts).
  const locale = odsXml ? odsLocale(odsXml.styles) : undefined;
  if (locale) workbook.locale = locale;
  // SheetJS names most ODS date styles m/d/yy: an ODS's date formats are read from its XML.
  const dateOrderHint = odsXml ? odsDateOrderHint(odsXml.content, odsXml.styles) : od ? undefined : ctx.dateOrders?.hint();
  if (dateOrderHint) workbook.dateOrderHint = dateOrderHint;
  return { ok: true, workbook };
}

function readTextFile(bytes: Uint8Array, fileName: string, limits: ReadLimits, onProgress: ReadProgress | undefined, notes: string[]): ReadResult {
  const who = displayName(fileName);
  const ext = extensionOf(fileName);
  const decoded = decodeText(bytes);
  const text = decoded.text;
  const head = text.slice(0, 2048).trimStart();
  if (ext === 'pmowb' || (head.startsWith('{') && head.includes('"pmo-workbench"'))) {
    return fail(`${who} is a PMO Workbench workbook, not a spreadsheet. Open it with Open rather than Import.`);
  }
  if (ext === 'json' || (head.startsWith('{') && ext !== 'csv' && ext !== 'tsv' && ext !== 'txt')) {
    return fail(`${who} is not a spreadsheet: it looks like a JSON file. Save the data as .xlsx or .csv and import that.`);
  }
  if (/^<(\?xml|!doctype|html|table|workbook)/i.test(head)) {
    return fail(`${who} is not a spreadsheet that can be imported: it is an XML or web page file. Open it in Excel or LibreOffice, save it as .xlsx or .csv and import that.`);
  }
  const delimiter = sniffDelimiter(text, fileName);
  onProgress?.('parsing', 0, text.length);
  const records = parseDelimited(text, delimiter, onProgress ? (done, total) => onProgress('parsing', done, total) : undefined);
  const rowsTotal = records.length;
  onProgress?.('reading', 0, rowsTotal);
  const rows: SourceCell[][] = [];
  let usedRows = 0;
  let width = 0;
  let cells = 0;
  for (let r = 0; r < records.length; r++) {
    const rec = records[r]!;
    let last = rec.length - 1;
    while (last >= 0 && rec[last] === '') last--;
    const out: SourceCell[] = new Array<SourceCell>(last + 1);
    for (let c = 0; c <= last; c++) {
      const s = rec[c]!;
      out[c] = s === '' ? null : normaliseBreaks(s);
    }
    if (last >= 0) {
      usedRows = r + 1;
      if (out.length > width) width = out.length;
      cells += out.length;
      if (cells > limits.maxCells) {
        return fail(`${who} was refused: it holds more than ${limits.maxCells.toLocaleString('en-US')} cells (the limit).`);
      }
    }
    rows.push(out);
    if (onProgress && (r + 1) % PROGRESS_EVERY_ROWS === 0) onProgress('reading', r + 1, rowsTotal);
  }
  rows.length = usedRows;
  onProgress?.('reading', rowsTotal, rowsTotal);
  if (['xlsx', 'xlsm', 'xls', 'ods', 'fods'].includes(ext)) {
    notes.push(`${who} is named like a workbook (.${ext}) but holds plain text; it was read as ${delimiter === '\t' ? 'tab-separated' : 'delimited'} text.`);
  }
  const format: SourceFormat = delimiter === '\t' || ext === 'tsv' || ext === 'tab' ? 'tsv' : 'csv';
  const sheet: SourceSheet = { name: baseNameOf(fileName), rows, width, merges: [], hidden: false };
  return {
    ok: true,
    workbook: {
      fileName,
      format,
      date1904: false,
      sheets: [sheet],
      text: { encoding: decoded.encoding, delimiter, bom: decoded.bom },
      notes,
    },
  };
}

/**
 * A flat ODS (.fods): the same guards as an .ods (the file size, checked before; no document
 * type declaration; repeated rows and cells estimated before SheetJS expands them; the cell
 * limit while reading). Null when the file is not flat OpenDocument XML: it is then read as
 * text, which refuses other XML.
 */
function readFods(bytes: Uint8Array, fileName: string, limits: ReadLimits, onProgress: ReadProgress | undefined, notes: string[]): ReadResult | null {
  // A cheap look at the first bytes before decoding the whole file: XML starts with "<".
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const n = Math.min(bytes.length, 4096);
  while (i < n && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0)) i++;
  if (bytes[i] !== 0x3c && !(bytes[0] === 0xff || bytes[0] === 0xfe)) return null;
  const who = displayName(fileName);
  const text = decodeText(bytes).text;
  const kind = fodsKind(text);
  if (kind === null) {
    // XML that is not (recognisably) OpenDocument, with a document type: refused for that.
    if (/^\s*<\?xml\b/.test(text.slice(0, 4096)) && declaresDoctype(text.slice(0, 64 * 1024))) return fail(`${who} was refused: ${DOCTYPE_REFUSAL}.`);
    return null;
  }
  if ('refuse' in kind) return fail(`${who} is not a spreadsheet that can be imported: ${kind.refuse}.`);
  if (declaresDoctype(text)) return fail(`${who} was refused: ${DOCTYPE_REFUSAL}.`);
  const cells = odsRepeatedCells(text, limits.maxCells);
  if (cells > limits.maxCells) return fail(`${who} was refused: its repeated rows and cells would expand to more than ${limits.maxCells.toLocaleString('en-US')} cells (the limit).`);
  onProgress?.('checking', 1, 1);
  // Text exactly as written, as for .ods (ods-text.ts); fills from the original XML.
  return readWorkbookFile(exactOdsParagraphs(text), fileName, 'fods', limits, onProgress, notes, { content: text, styles: [text] });
}

function readOle(bytes: Uint8Array, who: string): string | null {
  // Which streams the compound file holds: an encrypted xlsx is an OLE file too.
  let paths: string[] = [];
  try {
    const cfb = (XLSX.CFB as { read(d: Uint8Array, o: { type: string }): { FullPaths?: string[] } }).read(bytes, { type: 'array' });
    paths = Array.isArray(cfb.FullPaths) ? cfb.FullPaths.map((p) => String(p).toLowerCase()) : [];
  } catch {
    return `${who} could not be read as an Excel workbook: it may be damaged.`;
  }
  const has = (name: string) => paths.some((p) => p.endsWith(`/${name}`) || p === name);
  if (has('encryptedpackage') || has('encryptioninfo') || has('encryption')) {
    return `${who} is password-protected. Open it in Excel, remove the password (File › Info › Protect Workbook), save it and import it again.`;
  }
  if (has('workbook') || has('book')) return null;
  if (has('worddocument')) return `${who} is a Word document, not a spreadsheet.`;
  if (has('powerpoint document')) return `${who} is a PowerPoint presentation, not a spreadsheet.`;
  return null; // let SheetJS try (Quattro Pro and other compound files), and explain if it fails
}

export function readSpreadsheet(bytes: Uint8Array, fileName: string, opts: ReadOptions = {}): ReadResult {
  const who = displayName(fileName);
  try {
    const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...(opts.limits ?? {}) };
    const onProgress = opts.onProgress;
    const notes: string[] = [];
    onProgress?.('checking', 0, 1);
    if (!(bytes instanceof Uint8Array)) return fail(`${who} could not be read.`);
    if (bytes.length === 0) return fail(`${who} is empty (0 bytes).`);
    if (bytes.length > limits.maxFileBytes) {
      return { ok: false, reason: `${who} was refused: it is ${formatBytes(bytes.length)} (limit ${formatBytes(limits.maxFileBytes)}).`, bytesRead: 0 };
    }
    const kind = sniff(bytes);
    const ext = extensionOf(fileName);
    switch (kind.kind) {
      case 'refuse':
        return fail(`${who} is not a spreadsheet: ${kind.reason}.`);
      case 'zip': {
        const check = inspectZip(bytes, limits, cleanName(fileName));
        if (!check.ok) return check.bytesRead === undefined ? fail(check.reason) : { ok: false, reason: check.reason, bytesRead: check.bytesRead };
        if (check.list.some((e) => e.encrypted)) {
          return fail(`${who} is password-protected (an encrypted zip). Save it again without a password and import that.`);
        }
        const z = zipKind(bytes, check.list, ext);
        if ('refuse' in z) return fail(`${who} is not a spreadsheet that can be imported: ${z.refuse}.`);
        let odsXml: OdsXml | null = null;
        if (z.format === 'ods') {
          const parts = odsParts(bytes, check.list);
          if (parts.content !== null) {
            if (declaresDoctype(parts.content) || (parts.styles !== null && declaresDoctype(parts.styles))) return fail(`${who} was refused: ${DOCTYPE_REFUSAL}.`);
            const cells = odsRepeatedCells(parts.content, limits.maxCells);
            if (cells > limits.maxCells) {
              return fail(`${who} was refused: its repeated rows and cells would expand to more than ${limits.maxCells.toLocaleString('en-US')} cells (the limit).`);
            }
            odsXml = { content: parts.content, styles: parts.styles === null ? [parts.content] : [parts.styles, parts.content] };
          }
        }
        onProgress?.('checking', 1, 1);
        // ODS text exactly as written (spaces at a line's ends, empty lines): see ods-text.ts.
        return readWorkbookFile(z.format === 'ods' ? odsWithExactText(bytes) : bytes, fileName, z.format, limits, onProgress, notes, odsXml);
      }
      case 'ole': {
        const refusal = readOle(bytes, who);
        if (refusal) return fail(refusal);
        onProgress?.('checking', 1, 1);
        return readWorkbookFile(bytes, fileName, 'xls', limits, onProgress, notes);
      }
      case 'text': {
        const fods = readFods(bytes, fileName, limits, onProgress, notes);
        if (fods) return fods;
        onProgress?.('checking', 1, 1);
        return readTextFile(bytes, fileName, limits, onProgress, notes);
      }
    }
  } catch (e) {
    const msg = e instanceof RangeError ? 'it is too large or too complex to read in memory' : 'it may be damaged';
    return fail(`${who} could not be read: ${msg}.`);
  }
}
