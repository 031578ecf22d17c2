// Where the table is in a messy client sheet: title rows above the header, a merged group
// header ("Budget" over "Planned | Actual"), blank rows, totals rows, repeated headers and
// notes below the table. The header is searched for in the first rows only; every later row is
// classified in one cheap pass (50,000 rows × 10 columns: well under 100 ms). Pure: no DOM, no Node.
import { cellText, type CellRange, type SourceCell, type SourceSheet } from './source';
import { analyseHeader, looksLikeDateText, parseLooseNumber, type ImportFieldSpec } from './suggest';
import { detectPeriodColumns, parsePeriodHeader } from './periods';

export interface SkippedRow {
  /** 0-based. */
  row: number;
  reason: 'blank' | 'title' | 'totals' | 'repeated-header' | 'note';
  /** The row's first text, shortened, to show the user what was left out. */
  text?: string;
}

export interface TableGuess {
  /** 0-based index of the (last) header row. */
  headerRow: number;
  /** Header rows used: two when a merged group header sits above the header row. */
  headerRows: number[];
  /** One name per column (sheet width); group and sub-header combined ("Budget Planned"); "" for none. */
  headers: string[];
  firstDataRow: number;
  /** Inclusive; firstDataRow − 1 when the table has no data rows. */
  lastDataRow: number;
  /** Every row that is neither header nor data, with the reason. */
  skipped: SkippedRow[];
  /** 0..1 */
  confidence: number;
}

/** Rows searched for the header. */
const HEADER_SCAN = 30;
/** Non-blank rows below a candidate header examined for support. */
const LOOKAHEAD = 8;
const MAX_TEXT = 80;

const enum Kind {
  Data = 0,
  Blank = 1,
  Totals = 2,
  Repeated = 3,
  Note = 4,
  Title = 5,
}

const REASON: Record<Exclude<Kind, Kind.Data>, SkippedRow['reason']> = {
  [Kind.Blank]: 'blank',
  [Kind.Totals]: 'totals',
  [Kind.Repeated]: 'repeated-header',
  [Kind.Note]: 'note',
  [Kind.Title]: 'title',
};

/** "Total", "Grand total", "Sub-total", "TOTAL:", "Sum", "Totals". */
const TOTAL_EXACT = /^(?:(?:grand|sub|overall|portfolio|column|row|report)\s*-?\s*)?(?:totals?|sum|sum total)\s*:?$/i;
/** "Total (£k)", "Total projects", "Grand total for Q3": a totals row when the row has little text. */
const TOTAL_START = /^(?:(?:grand|sub|overall)\s*-?\s*)?(?:totals?|sum)\b/i;
/** Notes: "Source: finance system", "Note: …", "* excludes capex", "Prepared by …". */
const NOTE_CUE = /^(?:source|sources|note|notes|nb|n\.b\.|prepared by|compiled by|comments?|disclaimer|last updated|updated|data as at|as at|as of|key|legend|all figures|figures|all amounts|amounts in|excludes|excluding|includes|including|excl\.?|incl\.?)\b|^[*†‡¹²³]/i;

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function isBlankCell(cell: SourceCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** How a cell looks for header scoring: 0 blank, 1 label, 2 value, 3 long text. */
function headerClass(cell: SourceCell | undefined): 0 | 1 | 2 | 3 {
  if (isBlankCell(cell)) return 0;
  if (typeof cell !== 'string') return 2;
  const t = cell.trim();
  if (t.length > 60) return 3;
  if (t.includes('@') && /\S@\S+\.\S/.test(t)) return 2;
  if (/\d/.test(t) && (parseLooseNumber(t) !== null || /^[-+]?\d+(?:[.,]\d+)?\s*%$/.test(t) || looksLikeDateText(t))) return 2;
  return 1;
}

function firstText(row: readonly SourceCell[] | undefined): string | undefined {
  if (!row) return undefined;
  for (const cell of row) {
    if (isBlankCell(cell)) continue;
    const t = clean(cellText(cell));
    return t.length > MAX_TEXT ? `${t.slice(0, MAX_TEXT - 1)}…` : t;
  }
  return undefined;
}

interface MergeIndex {
  /** Merge covering (r, c), for rows in the scanned area. */
  at(r: number, c: number): CellRange | undefined;
  /** Horizontal merges starting in row r (any row). */
  startingIn(r: number): CellRange[] | undefined;
}

function indexMerges(sheet: SourceSheet, scanRows: number): MergeIndex {
  const width = Math.max(1, sheet.width);
  const cover = new Map<number, CellRange>();
  const byRow = new Map<number, CellRange[]>();
  for (const m of sheet.merges) {
    if (m.r1 < m.r0 || m.c1 < m.c0) continue;
    if (m.c1 > m.c0) {
      const list = byRow.get(m.r0);
      if (list) list.push(m);
      else byRow.set(m.r0, [m]);
    }
    if (m.r0 > scanRows) continue;
    for (let r = m.r0; r <= Math.min(m.r1, scanRows); r++) {
      for (let c = Math.max(0, m.c0); c <= Math.min(m.c1, width - 1); c++) cover.set(r * width + c, m);
    }
  }
  return { at: (r, c) => cover.get(r * width + c), startingIn: (r) => byRow.get(r) };
}

/** A header cell's text, taking the value of the merge that covers it. */
function headerCellText(sheet: SourceSheet, merges: MergeIndex, r: number, c: number): { text: string; merge: CellRange | undefined } {
  const m = merges.at(r, c);
  const cell = m ? sheet.rows[m.r0]?.[m.c0] : sheet.rows[r]?.[c];
  return { text: clean(cellText(cell ?? null)), merge: m };
}

interface HeaderCandidate {
  row: number;
  score: number;
  labels: number;
  support: number;
  contrast: number;
  hints: number;
}

function scoreHeaderRow(sheet: SourceSheet, merges: MergeIndex, r: number, hintKeys: Set<string> | null): HeaderCandidate | null {
  const rows = sheet.rows;
  const width = sheet.width;
  const row = rows[r] ?? [];
  const periods = detectPeriodColumns(row, { dateOrder: 'DMY' });
  const periodCols = new Set(periods && periods.columns.length >= 3 ? periods.columns : []);
  let labels = 0;
  let labelCount = 0;
  let values = 0;
  let longs = 0;
  let hints = 0;
  const distinct = new Set<string>();
  /** Columns the header names (own cells, merged spans, period columns). */
  const named = new Uint8Array(width);
  const labelCols: number[] = [];
  for (let c = 0; c < width; c++) {
    const cell = row[c];
    if (periodCols.has(c)) {
      labels += 0.8;
      named[c] = 1;
      continue;
    }
    const m = merges.at(r, c);
    if (m && (m.r0 !== r || m.c0 !== c)) {
      if (!isBlankCell(rows[m.r0]?.[m.c0])) named[c] = 1;
      continue;
    }
    const k = headerClass(cell);
    if (k === 0) continue;
    named[c] = 1;
    if (k === 2) values++;
    else if (k === 3) longs++;
    else {
      const t = clean(cell as string);
      labelCount++;
      labels += /\d/.test(t) ? 0.6 : t.length > 30 ? 0.7 : 1;
      distinct.add(t.toLowerCase());
      labelCols.push(c);
      if (hintKeys && hintKeys.has(analyseHeader(t).key)) hints++;
    }
  }
  const namedCount = named.reduce((a, b) => a + b, 0);
  if (labelCount + periodCols.size < (width > 1 ? 2 : 1)) return null;

  const dupes = labelCount - distinct.size;
  const base = labels - 0.5 * dupes - 1.2 * values - longs;

  // Support: the rows below look like records under these columns.
  let examined = 0;
  let consistent = 0;
  const contrast = new Set<number>();
  for (let rr = r + 1; rr < rows.length && rr <= r + 1 + LOOKAHEAD * 2 && examined < LOOKAHEAD; rr++) {
    const below = rows[rr] ?? [];
    let filled = 0;
    let inHeader = 0;
    for (let c = 0; c < width; c++) {
      const cell = below[c];
      if (isBlankCell(cell)) continue;
      filled++;
      if (named[c]) inHeader++;
    }
    if (filled === 0) continue;
    examined++;
    if (filled >= Math.min(2, namedCount) && inHeader / filled >= 0.6 && filled >= 0.3 * namedCount) consistent++;
    for (const c of labelCols) if (headerClass(below[c]) === 2) contrast.add(c);
  }
  const support = examined > 0 ? consistent / examined : 0.2;
  const score = base * (0.4 + 0.6 * support) + 0.4 * contrast.size + 1.0 * hints;
  return { row: r, score, labels: labelCount + periodCols.size, support, contrast: contrast.size, hints };
}

/** The row above the header is a group header: merged cells spanning several columns over sub-names. */
function isGroupRow(sheet: SourceSheet, merges: MergeIndex, gr: number, hr: number): boolean {
  if (gr < 0) return false;
  const row = sheet.rows[gr] ?? [];
  const width = sheet.width;
  let spanning = 0;
  let cells = 0;
  let widest = 0;
  for (let c = 0; c < width; c++) {
    const m = merges.at(gr, c);
    if (m && (m.r0 !== gr || m.c0 !== c)) continue; // covered by a merge that starts elsewhere
    const cell = row[c];
    if (isBlankCell(cell)) continue;
    if (headerClass(cell) !== 1) return false;
    cells++;
    if (m && m.c1 > m.c0 && m.r0 === gr) {
      // A merge down into the header row (vertical) is a column name, not a group.
      if (m.r1 < hr) {
        spanning++;
        widest = Math.max(widest, Math.min(m.c1, width - 1) - m.c0 + 1);
      }
    }
  }
  if (spanning === 0) return false;
  // A single cell merged across (nearly) the whole table is a title, not a group.
  let first = -1;
  let last = -1;
  for (let c = 0; c < width; c++) {
    if (headerCellText(sheet, merges, hr, c).text !== '') {
      if (first < 0) first = c;
      last = c;
    }
  }
  const span = last >= first && first >= 0 ? last - first + 1 : width;
  return !(cells === 1 && widest >= 0.8 * span);
}

function combine(group: string, sub: string): string {
  if (!group) return sub;
  if (!sub) return group;
  const g = analyseHeader(group).key;
  const s = analyseHeader(sub).key;
  if (g === s || (g !== '' && (` ${s} `.includes(` ${g} `) || s.startsWith(g)))) return sub;
  return `${group} ${sub}`;
}

function buildHeaders(sheet: SourceSheet, merges: MergeIndex, headerRows: number[]): string[] {
  const width = sheet.width;
  const hr = headerRows[headerRows.length - 1]!;
  const gr = headerRows.length > 1 ? headerRows[0]! : -1;
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    const sub = headerCellText(sheet, merges, hr, c);
    if (gr < 0) {
      out.push(sub.text);
      continue;
    }
    const group = headerCellText(sheet, merges, gr, c);
    // One vertical merge over both rows names the column once.
    if (group.merge && group.merge === sub.merge) out.push(sub.text);
    else out.push(combine(group.text, sub.text));
  }
  return out;
}

/**
 * Finds the table in a sheet: the header row (and a merged group header above it), the data
 * rows, and every other row with the reason it is not data. `hint.fields` (the fields of the
 * expected kind) makes rows naming them likelier headers.
 */
export function detectTable(sheet: SourceSheet, hint?: { fields?: ImportFieldSpec[] }): TableGuess {
  const rows = sheet.rows;
  const width = sheet.width;
  const total = rows.length;
  const scan = Math.min(total, HEADER_SCAN);
  const merges = indexMerges(sheet, scan + 1);

  let hintKeys: Set<string> | null = null;
  if (hint?.fields?.length) {
    hintKeys = new Set();
    for (const f of hint.fields) {
      for (const s of [f.label, ...f.synonyms]) {
        const k = analyseHeader(s).key;
        if (k) hintKeys.add(k);
      }
    }
  }

  // The header: the best-scoring row of the first rows; an earlier row wins unless a later
  // one is clearly better (a header and the first record of an all-text table look alike).
  let best: HeaderCandidate | null = null;
  let runnerUp = 0;
  for (let r = 0; r < scan; r++) {
    const cand = scoreHeaderRow(sheet, merges, r, hintKeys);
    if (!cand || cand.score <= 0) continue;
    if (!best || cand.score > best.score * 1.1 + 0.05) {
      if (best) runnerUp = Math.max(runnerUp, best.score);
      best = cand;
    } else runnerUp = Math.max(runnerUp, cand.score);
  }

  let headerRow: number;
  let confidence: number;
  if (best) {
    headerRow = best.row;
    confidence = 0.3 + 0.2 * Math.min(1, best.labels / 4) + 0.3 * best.support + (best.contrast > 0 ? 0.1 : 0) + (best.hints >= 2 ? 0.1 : 0);
    if (runnerUp >= 0.9 * best.score) confidence -= 0.2;
    confidence = Math.max(0.05, Math.min(1, confidence));
  } else {
    // No row looks like a header: take the first non-blank one, with little confidence.
    headerRow = 0;
    while (headerRow < total - 1 && (rows[headerRow] ?? []).every(isBlankCell)) headerRow++;
    confidence = total === 0 ? 0 : 0.05;
  }

  const headerRows = isGroupRow(sheet, merges, headerRow - 1, headerRow) ? [headerRow - 1, headerRow] : [headerRow];
  const headers = total === 0 ? Array.from({ length: width }, () => '') : buildHeaders(sheet, merges, headerRows);

  // ---- One pass over the rows below the header.
  const kinds = new Uint8Array(total);
  const fill = new Int32Array(total);
  /** Rows of one or two text cells: notes, when they come after the data. */
  const sparseText = new Uint8Array(total);
  const headerTexts = [headerRows.map((hr) => (rows[hr] ?? []).map((c) => clean(cellText(c ?? null)).toLowerCase()))].flat();
  const headerFilled = headerTexts.map((t) => t.filter((x) => x !== '').length);
  const sumsSince = new Float64Array(width);
  const sumsAll = new Float64Array(width);
  const countSince = new Int32Array(width);
  const countAll = new Int32Array(width);
  const nums = new Float64Array(width);
  const isNum = new Uint8Array(width);
  const fillHistogram = new Int32Array(width + 2);
  const headerSpan = Math.max(1, headers.filter((h) => h !== '').length);

  for (let r = headerRow + 1; r < total; r++) {
    const row = rows[r] ?? [];
    let filled = 0;
    let texts = 0;
    let dates = 0;
    let numeric = 0;
    let totalWord = 0;
    let textSeen = 0;
    isNum.fill(0);
    for (let c = 0; c < row.length && c < width; c++) {
      const cell = row[c];
      if (cell === null || cell === undefined) continue;
      if (typeof cell === 'number') {
        if (Number.isFinite(cell)) {
          nums[c] = cell;
          isNum[c] = 1;
          numeric++;
        }
        filled++;
        continue;
      }
      if (typeof cell === 'string') {
        const t = cell.trim();
        if (t === '') continue;
        filled++;
        const n = parseLooseNumber(t);
        if (n) {
          nums[c] = n.value;
          isNum[c] = 1;
          numeric++;
          continue;
        }
        texts++;
        if (textSeen < 3) {
          textSeen++;
          if (TOTAL_EXACT.test(t)) totalWord = 2;
          else if (totalWord === 0 && TOTAL_START.test(t)) totalWord = 1;
        }
        continue;
      }
      filled++;
      if (typeof cell === 'object' && 'n' in cell) {
        nums[c] = cell.n;
        isNum[c] = 1;
        numeric++;
      } else dates++;
    }
    fill[r] = filled;
    if (filled === 0) {
      kinds[r] = Kind.Blank;
      continue;
    }
    // A repeated header: most of its cells say what the header row says.
    let repeated = false;
    for (let h = 0; h < headerTexts.length && !repeated && numeric === 0 && texts >= 2; h++) {
      const ht = headerTexts[h]!;
      if (headerFilled[h]! < 2 || filled > headerFilled[h]! + 1) continue;
      let same = 0;
      for (let c = 0; c < ht.length; c++) {
        const v = row[c];
        if (ht[c] !== '' && typeof v === 'string' && clean(v).toLowerCase() === ht[c]) same++;
      }
      repeated = same >= Math.max(2, Math.ceil(0.6 * headerFilled[h]!));
    }
    if (repeated) {
      kinds[r] = Kind.Repeated;
      continue;
    }
    let totals = totalWord === 2 || (totalWord === 1 && texts <= 2);
    if (!totals && numeric > 0 && texts <= 1 && dates === 0 && filled < Math.max(2, headerSpan)) {
      // Numbers equal to the sums of their columns above (since the last totals row, or all).
      let matches = 0;
      let nonzero = 0;
      for (let c = 0; c < width; c++) {
        if (!isNum[c]) continue;
        const v = nums[c]!;
        const eq = (s: number) => Math.abs(s - v) <= 0.005 + 1e-9 * Math.abs(s);
        if ((countSince[c]! >= 2 && eq(sumsSince[c]!)) || (countAll[c]! >= 2 && eq(sumsAll[c]!))) {
          matches++;
          if (v !== 0) nonzero++;
        }
      }
      totals = nonzero > 0 && matches >= Math.ceil(numeric / 2);
    }
    if (totals) {
      kinds[r] = Kind.Totals;
      sumsSince.fill(0);
      countSince.fill(0);
      continue;
    }
    // Mid-table labels: a note ("Note: …") or a section title merged across the table.
    if (filled === 1 && texts === 1) {
      const t = firstText(row) ?? '';
      if (NOTE_CUE.test(t)) {
        kinds[r] = Kind.Note;
        continue;
      }
      const spans = merges.startingIn(r);
      if (spans && spans.some((m) => m.c1 - m.c0 + 1 >= Math.max(2, 0.5 * headerSpan))) {
        kinds[r] = Kind.Title;
        continue;
      }
    }
    kinds[r] = Kind.Data;
    if (filled <= 2 && texts === filled) sparseText[r] = 1;
    const bucket = Math.min(filled, width + 1);
    fillHistogram[bucket] = fillHistogram[bucket]! + 1;
    for (let c = 0; c < width; c++) {
      if (!isNum[c]) continue;
      sumsSince[c] = sumsSince[c]! + nums[c]!;
      sumsAll[c] = sumsAll[c]! + nums[c]!;
      countSince[c] = countSince[c]! + 1;
      countAll[c] = countAll[c]! + 1;
    }
  }

  // Typical (median) width of a record.
  let dataCount = 0;
  for (let i = 0; i < fillHistogram.length; i++) dataCount += fillHistogram[i]!;
  let typical = 0;
  for (let i = 0, seen = 0; i < fillHistogram.length; i++) {
    seen += fillHistogram[i]!;
    if (seen * 2 >= dataCount) {
      typical = i;
      break;
    }
  }

  // Below the table: walk up from the bottom over skipped rows and short text rows; a short
  // text row is a note when it says so ("Source: …"), reads like a sentence, or is cut off
  // from the records by a blank or totals row.
  let bottom = total - 1;
  while (bottom > headerRow && (kinds[bottom] !== Kind.Data || sparseText[bottom])) bottom--;
  // bottom: the last full record (or the header).
  let separated = false;
  for (let r = bottom + 1; r < total; r++) {
    const k = kinds[r]!;
    if (k === Kind.Blank || k === Kind.Totals) {
      separated = true;
      continue;
    }
    if (k !== Kind.Data) continue;
    const t = firstText(rows[r]) ?? '';
    const sentence = t.split(' ').length >= 5 || t.length > 40;
    if (NOTE_CUE.test(t) || (typical >= 3 && (sentence || separated))) kinds[r] = Kind.Note;
  }

  let firstDataRow = -1;
  let lastDataRow = -1;
  for (let r = headerRow + 1; r < total; r++) {
    if (kinds[r] !== Kind.Data) continue;
    if (firstDataRow < 0) firstDataRow = r;
    lastDataRow = r;
  }
  if (firstDataRow < 0) {
    firstDataRow = Math.min(headerRow + 1, total);
    lastDataRow = firstDataRow - 1;
  }

  const skipped: SkippedRow[] = [];
  const inHeader = new Set(headerRows);
  for (let r = 0; r <= headerRow && r < total; r++) {
    if (inHeader.has(r)) continue;
    const row = rows[r] ?? [];
    const blank = row.every(isBlankCell);
    const text = blank ? undefined : firstText(row);
    skipped.push(blank ? { row: r, reason: 'blank' } : text !== undefined ? { row: r, reason: 'title', text } : { row: r, reason: 'title' });
  }
  for (let r = headerRow + 1; r < total; r++) {
    const k = kinds[r]! as Kind;
    if (k === Kind.Data) continue;
    const entry: SkippedRow = { row: r, reason: REASON[k] };
    if (k !== Kind.Blank) {
      const text = firstText(rows[r]);
      if (text !== undefined) entry.text = text;
    }
    skipped.push(entry);
  }
  if (dataCount === 0) confidence = Math.min(confidence, 0.3);

  return { headerRow, headerRows, headers, firstDataRow, lastDataRow, skipped, confidence };
}

// ---------------------------------------------------------------------------------------------

/** A header for layout keys: normalised; week and month columns all become one "period" token. */
function layoutToken(header: string): string {
  const t = header.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
  if (t === '') return '';
  if (/\d/.test(t) && (looksLikeDateText(t) || parsePeriodHeader(t, { dateOrder: 'DMY' }) !== null)) return '\u0000period';
  return t;
}

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A fingerprint of a sheet layout, to remember a mapping per layout: the normalised header
 * names, sorted (reordered columns give the same key), blank ones left out, and a run of week
 * or month columns counted once (next month's grid is the same layout). 16 hex digits.
 */
export function layoutKey(headers: readonly string[]): string {
  const tokens = headers.map((h) => layoutToken(h ?? '')).filter((t) => t !== '');
  const unique: string[] = [];
  let periodSeen = false;
  for (const t of tokens) {
    if (t === '\u0000period') {
      if (periodSeen) continue;
      periodSeen = true;
    }
    unique.push(t);
  }
  unique.sort();
  const text = unique.join('\u001f');
  const a = fnv1a(text, 0x811c9dc5);
  const b = fnv1a(text, 0x01000193 ^ 0x5bd1e995);
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
