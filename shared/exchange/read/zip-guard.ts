// A look at a zip's central directory before anything inflates it: xlsx and ods files are zips,
// and a zip can promise gigabytes from a few kilobytes (a "zip bomb"). Sizes come from the
// central directory only; local headers are never trusted (they may disagree, and a zip that
// streams its sizes leaves them zero there).
//
// Declared sizes can lie too: an entry may claim 1 KB and inflate to 1 GB. SheetJS inflates
// entries itself, without a bound, so this check stops honest bombs (the common kind, made by
// any zip tool) but not a forged directory. The parse that follows is bounded by the file-size
// limit on the input and by the cell limit on what is kept; a forged directory costs memory and
// time during SheetJS's own inflate, which runs in a worker that can be terminated.
import type { ReadLimits } from '../source';

export interface ZipEntryInfo {
  name: string;
  compressed: number;
  uncompressed: number;
  /** 0 stored, 8 deflated, … */
  method: number;
  /** General-purpose flag bit 0: the entry is encrypted. */
  encrypted: boolean;
  /** Offset of the entry's local header. */
  offset: number;
}

/**
 * `bytesRead` counts the bytes of the file the check looked at (the end records and the central
 * directory): a refusal from a few hundred bytes shows that nothing was inflated, nor even read.
 */
export type ZipInspection =
  | { ok: true; entries: number; uncompressed: number; list: ZipEntryInfo[]; bytesRead: number }
  | { ok: false; reason: string; /** Absent when the directory could not be read. */ bytesRead?: number };

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const MAX_COMMENT = 0xffff;
/** Entries smaller than this are not judged by their own ratio (tiny XML compresses well). */
const RATIO_MIN_ENTRY = 1024 * 1024;

/** "12 bytes", "3.4 KB", "21 MB", "2.1 GB" (binary units, as file managers show them). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} byte${n === 1 ? '' : 's'}`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const shown = v < 10 ? Math.round(v * 10) / 10 : Math.round(v);
  return `${shown} ${units[i]}`;
}

/** An entry name as a message may show it (names come from the file: any length, any characters). */
function shownName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 77)}…` : clean;
}

const u16 = (b: Uint8Array, p: number) => b[p]! | (b[p + 1]! << 8);
const u32 = (b: Uint8Array, p: number) => (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
/** 64-bit little-endian as a double: exact below 2^53, which no real file reaches. */
const u64 = (b: Uint8Array, p: number) => u32(b, p) + u32(b, p + 4) * 0x1_0000_0000;

type Utf8Decoder = { decode(b: Uint8Array): string };
let utf8Decoder: Utf8Decoder | null = null;

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  // Names are short; latin-1 for the old code page is close enough for messages and matching.
  if (utf8) {
    utf8Decoder ??= new (globalThis as unknown as { TextDecoder: new (l: string) => Utf8Decoder }).TextDecoder('utf-8');
    return utf8Decoder.decode(bytes);
  }
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

interface Directory {
  entries: number;
  size: number;
  offset: number;
  /** Where the (zip32) end record starts: the directory should end there. */
  end: number;
  /** Bytes read to find and read the end records (the search from the end, zip64 records). */
  scanned: number;
}

function findDirectory(b: Uint8Array): Directory | null {
  if (b.length < EOCD_SIZE) return null;
  const lowest = Math.max(0, b.length - EOCD_SIZE - MAX_COMMENT);
  for (let p = b.length - EOCD_SIZE; p >= lowest; p--) {
    if (b[p] !== 0x50 || u32(b, p) !== SIG_EOCD) continue;
    const commentLength = u16(b, p + 20);
    // A comment that runs past the end means this is a signature inside the comment or data.
    if (p + EOCD_SIZE + commentLength > b.length) continue;
    const disk = u16(b, p + 4);
    const cdDisk = u16(b, p + 6);
    let entries = u16(b, p + 10);
    let size = u32(b, p + 12);
    let offset = u32(b, p + 16);
    let end = p;
    let scanned = b.length - p;
    if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
      const loc = p - 20;
      if (loc < 0 || u32(b, loc) !== SIG_EOCD64_LOCATOR) return null;
      const at = u64(b, loc + 8);
      if (at + 56 > b.length || u32(b, at) !== SIG_EOCD64) return null;
      if (u32(b, at + 16) !== 0 || u32(b, at + 20) !== 0) return null;
      entries = u64(b, at + 32);
      size = u64(b, at + 40);
      offset = u64(b, at + 48);
      end = at;
      scanned += 20 + 56;
    } else if (disk !== 0 || cdDisk !== 0) {
      return null; // split archives are not spreadsheets
    }
    return { entries, size, offset, end, scanned };
  }
  return null;
}

/** Reads the central directory; null when it is missing or does not hold together. */
export function readZipDirectory(
  b: Uint8Array,
  maxEntries = Infinity,
): { list: ZipEntryInfo[]; declared: number; bytesRead: number } | { tooMany: number; bytesRead: number } | null {
  const dir = findDirectory(b);
  if (!dir) return null;
  if (dir.entries > maxEntries) return { tooMany: dir.entries, bytesRead: dir.scanned };
  // Self-extracting or prefixed zips shift every offset by the prefix's length.
  let shift = 0;
  if (dir.offset + 4 > b.length || u32(b, dir.offset) !== SIG_CENTRAL) {
    const start = dir.end - dir.size;
    if (dir.entries > 0 && (start < 0 || u32(b, start) !== SIG_CENTRAL)) return null;
    shift = start - dir.offset;
  }
  const list: ZipEntryInfo[] = [];
  const first = dir.offset + shift;
  let p = first;
  const stop = Math.min(dir.offset + shift + dir.size, b.length);
  while (list.length < dir.entries) {
    if (p + CENTRAL_SIZE > stop || u32(b, p) !== SIG_CENTRAL) return null;
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    let compressed = u32(b, p + 20);
    let uncompressed = u32(b, p + 24);
    const nameLength = u16(b, p + 28);
    const extraLength = u16(b, p + 30);
    const commentLength = u16(b, p + 32);
    let offset = u32(b, p + 42);
    const nameStart = p + CENTRAL_SIZE;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > stop) return null;
    // Zip64 extra field: the 64-bit values, in this order, for each field set to 0xFFFFFFFF.
    if (uncompressed === 0xffffffff || compressed === 0xffffffff || offset === 0xffffffff) {
      let q = extraStart;
      const extraEnd = extraStart + extraLength;
      let found = false;
      while (q + 4 <= extraEnd) {
        const id = u16(b, q);
        const len = u16(b, q + 2);
        if (q + 4 + len > extraEnd) return null;
        if (id === 0x0001) {
          let r = q + 4;
          const rEnd = r + len;
          if (uncompressed === 0xffffffff) { if (r + 8 > rEnd) return null; uncompressed = u64(b, r); r += 8; }
          if (compressed === 0xffffffff) { if (r + 8 > rEnd) return null; compressed = u64(b, r); r += 8; }
          if (offset === 0xffffffff) { if (r + 8 > rEnd) return null; offset = u64(b, r); }
          found = true;
          break;
        }
        q += 4 + len;
      }
      if (!found) return null;
    }
    const name = decodeName(b.subarray(nameStart, extraStart), (flags & 0x0800) !== 0);
    list.push({ name, compressed, uncompressed, method, encrypted: (flags & 1) !== 0, offset: offset + shift });
    p = next;
  }
  return { list, declared: dir.entries, bytesRead: dir.scanned + (p - first) };
}

/**
 * Checks a zip's directory against the limits. Fast: reads only the directory, whatever the
 * entries would inflate to.
 */
export function inspectZip(bytes: Uint8Array, limits: ReadLimits, fileName = ''): ZipInspection {
  const who = fileName === '' ? 'The file' : `"${fileName}"`;
  const dir = readZipDirectory(bytes, limits.maxZipEntries);
  const refused = (why: string): ZipInspection => ({ ok: false, reason: `${who} was refused: ${why}`, bytesRead: dir?.bytesRead ?? 0 });
  if (!dir) return { ok: false, reason: `${who} is damaged: its zip directory cannot be read. It may be incomplete (a download or copy cut short) or not really a zip file.` };
  if ('tooMany' in dir) {
    return refused(`it holds ${dir.tooMany.toLocaleString('en-US')} files inside its zip (limit ${limits.maxZipEntries.toLocaleString('en-US')}); a spreadsheet holds a few dozen.`);
  }
  let total = 0;
  let totalCompressed = 0;
  for (const e of dir.list) {
    total += e.uncompressed;
    totalCompressed += e.compressed;
  }
  if (total > limits.maxUncompressedBytes) {
    return refused(`it would expand to ${formatBytes(total)} (limit ${formatBytes(limits.maxUncompressedBytes)}), which is how a zip bomb behaves.`);
  }
  for (const e of dir.list) {
    if (e.uncompressed > RATIO_MIN_ENTRY && e.uncompressed / Math.max(e.compressed, 1) > limits.maxCompressionRatio) {
      const ratio = Math.round(e.uncompressed / Math.max(e.compressed, 1));
      return refused(`one part of it (${shownName(e.name)}) would expand from ${formatBytes(e.compressed)} to ${formatBytes(e.uncompressed)}, ${ratio.toLocaleString('en-US')} times its size (limit ${limits.maxCompressionRatio}), which is how a zip bomb behaves.`);
    }
  }
  if (total > RATIO_MIN_ENTRY && total / Math.max(totalCompressed, 1) > limits.maxCompressionRatio) {
    const ratio = Math.round(total / Math.max(totalCompressed, 1));
    return refused(`it would expand from ${formatBytes(totalCompressed)} to ${formatBytes(total)}, ${ratio.toLocaleString('en-US')} times its size (limit ${limits.maxCompressionRatio}), which is how a zip bomb behaves.`);
  }
  return { ok: true, entries: dir.list.length, uncompressed: total, list: dir.list, bytesRead: dir.bytesRead };
}

/**
 * The stored bytes of a small entry, read through its local header (only to find where the
 * data starts; the length comes from the directory). Stored entries only; null otherwise.
 */
export function storedEntry(bytes: Uint8Array, entry: ZipEntryInfo): Uint8Array | null {
  if (entry.method !== 0 || entry.encrypted) return null;
  const p = entry.offset;
  if (p + 30 > bytes.length || u32(bytes, p) !== SIG_LOCAL) return null;
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  const end = start + entry.compressed;
  return end <= bytes.length ? bytes.subarray(start, end) : null;
}
