// Text files: bytes → text (whatever encoding a spreadsheet program or an old system wrote),
// the delimiter a file uses, and RFC 4180 parsing. Pure: TextDecoder exists in Node and browsers.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type Delimiter = ',' | ';' | '\t' | '|';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** The file started with a byte order mark (not part of `text`). */
  bom: boolean;
}

type Decoder = { decode(b: Uint8Array): string };
type DecoderClass = new (label: string, opts?: { fatal?: boolean }) => Decoder;
const TextDecoderClass = (globalThis as unknown as { TextDecoder: DecoderClass }).TextDecoder;

/** windows-1252 0x80–0x9F (the rest is ISO-8859-1). Undefined bytes map to the C1 control. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** Done by hand: TextDecoder('windows-1252') needs full ICU, which not every runtime ships. */
function decodeWindows1252(bytes: Uint8Array): string {
  const CHUNK = 8192;
  const units = new Uint16Array(Math.min(CHUNK, bytes.length));
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      units[i - start] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode.apply(null, Array.from(units.subarray(0, end - start))));
  }
  return parts.join('');
}

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  let b = bytes;
  if (bigEndian) {
    // Swap into little-endian: utf-16be, like windows-1252, is not in every small-ICU build.
    b = new Uint8Array(bytes.length);
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      b[i] = bytes[i + 1]!;
      b[i + 1] = bytes[i]!;
    }
    if (bytes.length % 2 === 1) b[bytes.length - 1] = bytes[bytes.length - 1]!;
  }
  return new TextDecoderClass('utf-16le').decode(b);
}

/**
 * Which UTF-16 a file without a byte order mark is in, judged by where its NUL bytes fall:
 * text that is mostly ASCII has a NUL in every other byte. Null when it does not look like UTF-16.
 */
export function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.3 && evenNul <= pairs * 0.05) return 'utf-16le';
  if (evenNul >= pairs * 0.3 && oddNul <= pairs * 0.05) return 'utf-16be';
  return null;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoderClass('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes.subarray(2), false), encoding: 'utf-16le', bom: true };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes.subarray(2), true), encoding: 'utf-16be', bom: true };
  const utf16 = guessUtf16(bytes);
  if (utf16) return { text: decodeUtf16(bytes, utf16 === 'utf-16be'), encoding: utf16, bom: false };
  try {
    return { text: new TextDecoderClass('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', bom: false };
  }
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];
const SNIFF_RECORDS = 50;
const SNIFF_CHARS = 256 * 1024;

/**
 * Field counts of the first records, quote-aware (a delimiter or newline inside quotes is text),
 * and how often a closing quote is followed by something other than this delimiter or a line
 * end: a sign the quotes belong to fields split by another delimiter.
 */
function fieldCounts(text: string, delim: number, maxRecords: number): { counts: number[]; misfits: number } {
  const counts: number[] = [];
  let misfits = 0;
  const end = Math.min(text.length, SNIFF_CHARS);
  let fields = 1;
  let inQuotes = false;
  let atFieldStart = true;
  let lineHasText = false;
  for (let i = 0; i < end && counts.length < maxRecords; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === QUOTE) {
        const next = text.charCodeAt(i + 1);
        if (next === QUOTE) i++;
        else {
          inQuotes = false;
          if (i + 1 < end && next !== delim && next !== LF && next !== CR) misfits++;
        }
      }
      continue;
    }
    if (c === QUOTE && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
      lineHasText = true;
    } else if (c === delim) {
      fields++;
      atFieldStart = true;
      lineHasText = true;
    } else if (c === LF || c === CR) {
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      if (lineHasText) counts.push(fields);
      fields = 1;
      atFieldStart = true;
      lineHasText = false;
    } else {
      atFieldStart = false;
      lineHasText = true;
    }
  }
  if (lineHasText && counts.length < maxRecords) counts.push(fields);
  return { counts, misfits };
}

/**
 * The delimiter that splits the first records into the same number of fields most often (more
 * than one field). A `.tsv` or `.tab` file name forces tab. Comma when nothing fits better.
 */
export function sniffDelimiter(text: string, fileName?: string): Delimiter {
  if (fileName && /\.(tsv|tab)$/i.test(fileName)) return '\t';
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const { counts, misfits } = fieldCounts(text, d.charCodeAt(0), SNIFF_RECORDS);
    const freq = new Map<number, number>();
    for (const n of counts) freq.set(n, (freq.get(n) ?? 0) + 1);
    let mode = 1;
    let modeFreq = 0;
    for (const [n, f] of freq) if (f > modeFreq || (f === modeFreq && n > mode)) [mode, modeFreq] = [n, f];
    if (mode < 2) continue;
    // Lines agreeing on the field count, less quotes that do not fit, then how many fields.
    const score = (modeFreq - misfits) * 1000 + Math.min(mode, 999);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Reports characters parsed so far, of how many. */
export type TextProgress = (doneChars: number, totalChars: number) => void;

/**
 * RFC 4180: quoted fields may hold delimiters, doubled quotes and line breaks (kept as written);
 * records end at CRLF, LF or CR; a final line break does not start an empty record. Lenient
 * where the RFC is silent: a quote inside an unquoted field is text, text after a closing quote
 * is appended, an unclosed quote runs to the end of the file.
 */
export function parseDelimited(text: string, delimiter: Delimiter, onProgress?: TextProgress): string[][] {
  const rows: string[][] = [];
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  let row: string[] = [];
  let i = 0;
  let nextReport = 1 << 20;
  if (onProgress) onProgress(0, n);
  while (i < n) {
    // One field starts at i.
    let c = text.charCodeAt(i);
    let value: string;
    if (c === QUOTE) {
      let start = i + 1;
      let parts = '';
      i = start;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          parts += text.slice(start);
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          parts += text.slice(start, q + 1);
          i = start = q + 2;
          continue;
        }
        parts += text.slice(start, q);
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the next delimiter or line end is kept as text.
      const after = i;
      while (i < n) {
        c = text.charCodeAt(i);
        if (c === delim || c === LF || c === CR) break;
        i++;
      }
      value = i > after ? parts + text.slice(after, i) : parts;
    } else {
      const start = i;
      while (i < n) {
        c = text.charCodeAt(i);
        if (c === delim || c === LF || c === CR) break;
        i++;
      }
      value = text.slice(start, i);
    }
    row.push(value);
    if (i >= n) break;
    c = text.charCodeAt(i);
    if (c === delim) {
      i++;
      // A delimiter at the very end: the record ends with an empty field.
      if (i >= n) row.push('');
      continue;
    }
    // Line end: CRLF, LF or CR.
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    rows.push(row);
    row = [];
    if (onProgress && i >= nextReport) {
      onProgress(i, n);
      nextReport = i + (1 << 20);
    }
  }
  if (row.length > 0) rows.push(row);
  if (onProgress) onProgress(n, n);
  return rows;
}
