// Cell fill colours of an OpenDocument spreadsheet (.ods content.xml + styles.xml, or a flat
// .fods), which SheetJS does not read: a cell's background is its style's fo:background-color
// (or its parent style's), the style named on the cell, else on its row, else the column's
// default cell style. Only what the reader keeps is produced: fills of cells that hold no value,
// inside each sheet's used range, coloured (not white or grey), at most `max` in all. Repeated
// rows and cells are walked as runs clipped to the used range, so a row "repeated" a million
// times costs no more than the rows the sheet really has.
import type { SourceSheet } from '../source';
import { hexToHsl } from '../fill-colour';

/** A fill worth keeping: a colour, not white, grey or black. */
export function isColouredFill(hex: string): boolean {
  const hsl = hexToHsl(hex);
  return hsl !== null && hsl.s >= 0.2 && hsl.l <= 0.96 && hsl.l >= 0.05;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.indexOf('&') < 0
    ? s
    : s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (all, e: string) => {
        if (e[0] === '#') {
          const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
          return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : all;
        }
        return ENTITIES[e.toLowerCase()] ?? all;
      });
}

/** An attribute by its local name (any namespace prefix). */
function attr(attrs: string, local: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${local}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : undefined;
}

function count(attrs: string, local: string): number {
  const v = attr(attrs, local);
  const n = v === undefined ? 1 : Number(v);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** Background colour ("RRGGBB") per table-cell style name, with parent styles resolved. */
export function odsCellStyleFills(xmls: readonly string[]): Map<string, string> {
  /** A style's own background: a colour, 'none' ("transparent"), or absent (inherits). */
  const own = new Map<string, string>();
  const parent = new Map<string, string>();
  const names: string[] = [];
  const open = /<(?:[\w.-]+:)?style(?=[\s/>])([^>]*?)(\/?)>/g;
  for (const xml of xmls) {
    open.lastIndex = 0;
    for (let m = open.exec(xml); m; m = open.exec(xml)) {
      const attrs = m[1] ?? '';
      if (attr(attrs, 'family') !== 'table-cell') continue;
      const name = attr(attrs, 'name');
      if (name === undefined) continue;
      names.push(name);
      const p = attr(attrs, 'parent-style-name');
      if (p !== undefined) parent.set(name, p);
      if (m[2] === '/') continue;
      const close = /<\/(?:[\w.-]+:)?style>/g;
      close.lastIndex = open.lastIndex;
      const end = close.exec(xml);
      const body = xml.slice(open.lastIndex, end ? end.index : xml.length);
      const props = /<(?:[\w.-]+:)?table-cell-properties\b([^>]*)>/.exec(body);
      const bg = props ? attr(props[1] ?? '', 'background-color')?.trim() : undefined;
      if (bg !== undefined) own.set(name, /^#[0-9a-f]{6}$/i.test(bg) ? bg.slice(1).toUpperCase() : 'none');
    }
  }
  const resolved = new Map<string, string>();
  for (const name of names) {
    let n: string | undefined = name;
    for (let depth = 0; n !== undefined && depth < 16; depth++) {
      const c = own.get(n);
      if (c !== undefined) {
        if (c !== 'none' && isColouredFill(c)) resolved.set(name, c);
        break;
      }
      n = parent.get(n);
    }
  }
  return resolved;
}

interface Run {
  c0: number;
  /** Exclusive. */
  c1: number;
  style: string | undefined;
}

function styleAt(runs: readonly Run[], c: number): string | undefined {
  for (const r of runs) if (c >= r.c0 && c < r.c1) return r.style;
  return undefined;
}

function isEmpty(sheet: SourceSheet, r: number, c: number): boolean {
  const v = sheet.rows[r]?.[c];
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * Sets `fills` on the sheets (matched by table name) from the document's XML: `contentXml` holds
 * the tables (content.xml, or the whole .fods), `styleXmls` every part that defines styles.
 * Returns how many fills were kept, and whether `max` cut the list short.
 */
export function applyOdsFills(sheets: readonly SourceSheet[], contentXml: string, styleXmls: readonly string[], max: number): { kept: number; capped: boolean } {
  const styles = odsCellStyleFills(styleXmls);
  if (styles.size === 0) return { kept: 0, capped: false };
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const bodyAt = contentXml.search(/<(?:[\w.-]+:)?body[\s>]/);
  const tag = /<(\/?)(?:[\w.-]+:)?(table-cell|covered-table-cell|table-row|table-column|table)(?=[\s/>])([^>]*?)(\/?)>/g;
  tag.lastIndex = bodyAt < 0 ? 0 : bodyAt;
  let kept = 0;
  let capped = false;

  let sheet: SourceSheet | undefined;
  let fills: Record<string, string> | null = null;
  let depth = 0; // nested tables (inside a cell) are not walked
  let columns: Run[] = [];
  let col = 0;
  let row = 0;
  let rowRepeat = 1;
  let rowStyle: string | undefined;
  let rowFills: { c: number; colour: string }[] = [];
  let inRow = false;

  const colourOf = (style: string | undefined) => (style === undefined ? undefined : styles.get(style));
  const cellRun = (c0: number, n: number, style: string | undefined) => {
    if (!sheet) return;
    const end = Math.min(c0 + n, sheet.width);
    for (let c = c0; c < end; c++) {
      const colour = colourOf(style ?? rowStyle ?? styleAt(columns, c));
      if (colour !== undefined) rowFills.push({ c, colour });
    }
  };
  const endRow = () => {
    if (!sheet || !fills || row >= sheet.rows.length) return;
    // Cells the row does not write take the row's or the column's default style.
    if (col < sheet.width) cellRun(col, sheet.width - col, undefined);
    const last = Math.min(row + rowRepeat, sheet.rows.length);
    if (rowFills.length > 0) {
      for (let r = row; r < last && !capped; r++) {
        for (const f of rowFills) {
          if (!isEmpty(sheet, r, f.c)) continue;
          if (kept >= max) {
            capped = true;
            break;
          }
          fills[`${r},${f.c}`] = f.colour;
          kept++;
        }
      }
    }
  };

  for (let m = tag.exec(contentXml); m && !capped; m = tag.exec(contentXml)) {
    const closing = m[1] === '/';
    const kind = m[2];
    const attrs = m[3] ?? '';
    const selfClosed = m[4] === '/';
    if (kind === 'table') {
      if (closing) {
        depth--;
        if (depth === 0) {
          if (sheet && fills && Object.keys(fills).length > 0) sheet.fills = fills;
          sheet = undefined;
          fills = null;
        }
        continue;
      }
      if (selfClosed) continue;
      depth++;
      if (depth > 1) continue;
      const name = attr(attrs, 'name') ?? '';
      sheet = byName.get(name);
      fills = sheet ? (sheet.fills ? { ...sheet.fills } : {}) : null;
      columns = [];
      col = 0;
      row = 0;
      continue;
    }
    if (depth !== 1 || !sheet) continue;
    if (kind === 'table-column') {
      if (closing) continue;
      const n = count(attrs, 'number-columns-repeated');
      const c0 = columns.length ? columns[columns.length - 1]!.c1 : 0;
      if (c0 < sheet.width) columns.push({ c0, c1: c0 + n, style: attr(attrs, 'default-cell-style-name') });
      else if (columns.length) columns[columns.length - 1]!.c1 = c0 + n;
      continue;
    }
    if (kind === 'table-row') {
      if (closing) {
        if (inRow) {
          endRow();
          row += rowRepeat;
          inRow = false;
        }
        continue;
      }
      rowRepeat = count(attrs, 'number-rows-repeated');
      rowStyle = attr(attrs, 'default-cell-style-name');
      rowFills = [];
      col = 0;
      if (selfClosed) {
        endRow();
        row += rowRepeat;
        inRow = false;
      } else inRow = true;
      continue;
    }
    // A cell.
    if (closing || !inRow) continue;
    const n = count(attrs, 'number-columns-repeated');
    if (row < sheet.rows.length && col < sheet.width) cellRun(col, n, attr(attrs, 'style-name'));
    col += n;
  }
  return { kept, capped };
}
