// What the readers hand to the importer: a spreadsheet file reduced to plain cells, whatever
// program wrote it. Pure data (structured-cloneable), so a Web Worker can send it to the page.
import type { IsoDate } from '../calendar';

/** A date cell: the calendar date (date system already applied) and, for xlsx/xls, the serial. */
export interface DateCell {
  /** ISO calendar date; a time of day is dropped. */
  d: IsoDate;
}

/**
 * One cell: text, a number, a boolean, a date or null (empty). Numbers are the stored values
 * (0.45 in a cell formatted 45 %), `pct` marks a cell formatted as a percentage.
 */
export type SourceCell = null | string | number | boolean | DateCell | { n: number; pct: true };

export interface CellRange {
  /** 0-based, inclusive. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface SourceSheet {
  name: string;
  /** Row-major, 0-based; trailing empty rows and columns removed; rows may be shorter than `width`. */
  rows: SourceCell[][];
  /** Number of columns (the widest row). */
  width: number;
  /** Merged ranges, clipped to the cells that exist. */
  merges: CellRange[];
  /** Hidden or very hidden in the file. */
  hidden: boolean;
  /**
   * Solid fill colours of cells that hold no value ("r,c" 0-based → "RRGGBB", upper case), only
   * inside the used range and only where the fill is not white: what a RAG carried by colour alone
   * leaves (see fill-colour.ts). Absent when the file has none or its format keeps no styles (text).
   */
  fills?: Record<string, string>;
}

export type SourceFormat = 'xlsx' | 'xlsm' | 'xls' | 'ods' | 'fods' | 'csv' | 'tsv';

export interface SourceWorkbook {
  fileName: string;
  format: SourceFormat;
  /** The file used the 1904 date system (dates are already converted). */
  date1904: boolean;
  sheets: SourceSheet[];
  /** For text files: how it was read. */
  text?: { encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'; delimiter: ',' | ';' | '\t' | '|'; bom: boolean };
  /** Things the user should know that did not stop the read (a declared range clamped, …). */
  notes: string[];
  /** The language the file states (ODS, .fods: the default style's language and country, "en-US"). */
  locale?: string;
  /**
   * The order the display formats of the file's date cells show (m/d/yy → MDY, dd.mm.yyyy →
   * DMY), when most of its date cells agree; absent for text files and files without date cells.
   * Excel's built-in short date (m/d/yy, shown in each reader's own locale) is no evidence.
   */
  dateOrderHint?: 'DMY' | 'MDY' | 'YMD';
}

/**
 * A refusal says, where the reader knows it, how many bytes of the file it read before refusing
 * (a zip bomb is refused from its directory: a few hundred bytes, nothing inflated).
 */
export type ReadResult = { ok: true; workbook: SourceWorkbook } | { ok: false; reason: string; bytesRead?: number };

/** Limits on what a file may make us do. */
export interface ReadLimits {
  /** Bytes of the file itself. */
  maxFileBytes: number;
  /** Sum of uncompressed sizes in a zip (xlsx, ods). */
  maxUncompressedBytes: number;
  /** Uncompressed ÷ compressed, per entry and overall. */
  maxCompressionRatio: number;
  maxZipEntries: number;
  /** Cells read per workbook (after clamping to cells that exist). */
  maxCells: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxUncompressedBytes: 500 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxZipEntries: 10_000,
  maxCells: 20_000_000,
};

export type ReadProgress = (phase: 'checking' | 'parsing' | 'reading', done: number, total: number) => void;

/** Text a cell shows, for header matching and messages. */
export function cellText(cell: SourceCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if ('d' in cell) return cell.d;
  return `${cell.n * 100}%`;
}

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
