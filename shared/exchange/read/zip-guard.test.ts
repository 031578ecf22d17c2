import { describe, expect, it } from 'vitest';
import { unzipSync, zipSync, strToU8 } from 'fflate';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../source';
import { formatBytes, inspectZip, readZipDirectory } from './zip-guard';
import { xlsxOf, zipBomb } from '../../../test/helpers/hostile-files';

const limits = (over: Partial<ReadLimits> = {}): ReadLimits => ({ ...DEFAULT_READ_LIMITS, ...over });

/** Bytes that do not compress (a simple xorshift, so the test is deterministic). */
function noise(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const le16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const le64 = (n: number) => [...le32(n % 0x1_0000_0000), ...le32(Math.floor(n / 0x1_0000_0000))];

/**
 * A one-entry zip64 archive written by hand: the entry "a.txt" stores "hi", but its directory
 * record says (in the zip64 extra field) it inflates to `declared` bytes.
 */
function zip64(declared: number): Uint8Array {
  const name = [...strToU8('a.txt')];
  const data = [...strToU8('hi')];
  const local = [...le32(0x04034b50), ...le16(45), ...le16(0), ...le16(0), ...le32(0), ...le32(0), ...le32(2), ...le32(2), ...le16(name.length), ...le16(0), ...name, ...data];
  const extra = [...le16(0x0001), ...le16(16), ...le64(declared), ...le64(2)];
  const central = [
    ...le32(0x02014b50), ...le16(45), ...le16(45), ...le16(0), ...le16(0), ...le32(0), ...le32(0),
    ...le32(0xffffffff), ...le32(0xffffffff), ...le16(name.length), ...le16(extra.length), ...le16(0), ...le16(0), ...le16(0), ...le32(0), ...le32(0),
    ...name, ...extra,
  ];
  const cdOffset = local.length;
  const eocd64Offset = cdOffset + central.length;
  const eocd64 = [...le32(0x06064b50), ...le64(44), ...le16(45), ...le16(45), ...le32(0), ...le32(0), ...le64(1), ...le64(1), ...le64(central.length), ...le64(cdOffset)];
  const locator = [...le32(0x07064b50), ...le32(0), ...le64(eocd64Offset), ...le32(1)];
  const eocd = [...le32(0x06054b50), ...le16(0), ...le16(0), ...le16(0xffff), ...le16(0xffff), ...le32(0xffffffff), ...le32(0xffffffff), ...le16(0)];
  return new Uint8Array([...local, ...central, ...eocd64, ...locator, ...eocd]);
}

describe('formatBytes', () => {
  it('shows sizes the way file managers do', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(500 * 1024 * 1024)).toBe('500 MB');
    expect(formatBytes(2.1 * 1024 ** 3)).toBe('2.1 GB');
  });
});

describe('inspectZip', () => {
  it('passes an ordinary xlsx, counting its entries and their sizes from the directory', () => {
    const bytes = xlsxOf([{ name: 'Data', rows: [['a', 'b'], [1, 2]] }]);
    const files = unzipSync(bytes);
    const r = inspectZip(bytes, limits(), 'plan.xlsx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.entries).toBe(Object.keys(files).length);
    expect(r.uncompressed).toBe(Object.values(files).reduce((s, f) => s + f.length, 0));
  });

  it('refuses a zip bomb from its directory alone, reading nothing else of the file', () => {
    const bomb = zipBomb(300 * 1024 * 1024);
    const r = inspectZip(bomb, limits(), 'budget.xlsx');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toMatch(/^"budget\.xlsx" was refused: /);
    expect(r.reason).toContain('300 MB');
    expect(r.reason).toContain('zip bomb');
    // The end record (22 bytes, no comment) and the central directory it points to: not one byte
    // of compressed data, so nothing can have been inflated.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    const directorySize = view.getUint32(bomb.length - 22 + 12, true);
    expect(r.bytesRead).toBe(22 + directorySize);
    expect(r.bytesRead).toBeLessThan(1024);
  });

  it('refuses a zip that would expand beyond the size limit', () => {
    const bytes = zipSync({ 'xl/worksheets/sheet1.xml': noise(3 * 1024 * 1024) });
    const r = inspectZip(bytes, limits({ maxUncompressedBytes: 2 * 1024 * 1024 }), 'budget.xlsx');
    expect(r).toEqual({ ok: false, reason: '"budget.xlsx" was refused: it would expand to 3 MB (limit 2 MB), which is how a zip bomb behaves.', bytesRead: expect.any(Number) });
  });

  it('refuses too many entries', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 20; i++) files[`f${i}.xml`] = strToU8('<x/>');
    const r = inspectZip(zipSync(files), limits({ maxZipEntries: 10 }), 'many.xlsx');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/"many\.xlsx" was refused: it holds 20 files .*limit 10/);
  });

  it('refuses a high overall ratio made of entries each under 1 MB', () => {
    const files: Record<string, [Uint8Array, { level: 9 }]> = {};
    for (let i = 0; i < 12; i++) files[`xl/worksheets/sheet${i}.xml`] = [new Uint8Array(1000 * 1024), { level: 9 }];
    const r = inspectZip(zipSync(files), limits(), 'spread.xlsx');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/would expand from .* to 12 MB, [\d,]+ times its size \(limit 200\)/);
  });

  it('does not judge the ratio of small entries (tiny XML compresses very well)', () => {
    const bytes = zipSync({ 'a.xml': [new Uint8Array(500 * 1024), { level: 9 }] });
    expect(inspectZip(bytes, limits(), 'small.xlsx').ok).toBe(true);
  });

  it('reads zip64 sizes', () => {
    const ok = zip64(2);
    expect(inspectZip(ok, limits(), 'z64.xlsx')).toMatchObject({ ok: true, entries: 1, uncompressed: 2 });
    const huge = inspectZip(zip64(5 * 1024 ** 3), limits(), 'z64.xlsx');
    // The zip64 locator and end record are read as well as the zip32 end record and the directory.
    expect(huge).toEqual({ ok: false, reason: '"z64.xlsx" was refused: it would expand to 5 GB (limit 500 MB), which is how a zip bomb behaves.', bytesRead: 22 + 20 + 56 + 46 + 5 + 20 });
  });

  it('takes sizes from the directory, not from local headers', () => {
    const bytes = zipSync({ 'xl/big.xml': noise(3 * 1024 * 1024) });
    const patched = bytes.slice();
    // Local header sizes (offsets 18 and 22) claim 10 bytes: ignored.
    patched.set(le32(10), 18);
    patched.set(le32(10), 22);
    const r = inspectZip(patched, limits({ maxUncompressedBytes: 1024 * 1024 }), 'liar.xlsx');
    expect(r.ok).toBe(false);
  });

  it('copes with data before the zip (self-extracting archives)', () => {
    const bytes = zipSync({ 'a.xml': strToU8('<a/>'), 'b.xml': strToU8('<b/>') });
    const prefixed = new Uint8Array(100 + bytes.length);
    prefixed.set(noise(100), 0);
    prefixed.set(bytes, 100);
    const dir = readZipDirectory(prefixed);
    expect(dir && 'list' in dir ? dir.list.map((e) => e.name) : null).toEqual(['a.xml', 'b.xml']);
  });

  it('calls a zip without a readable directory damaged', () => {
    const bytes = xlsxOf([{ name: 'Data', rows: [['a']] }]);
    const damaged = '"cut.xlsx" is damaged: its zip directory cannot be read.';
    // Truncated: the end record is gone.
    let r = inspectZip(bytes.subarray(0, bytes.length - 30), limits(), 'cut.xlsx');
    expect(r.ok === false && r.reason.startsWith(damaged)).toBe(true);
    // Cut in half: the directory and end record are gone.
    r = inspectZip(bytes.subarray(0, bytes.length >> 1), limits(), 'cut.xlsx');
    expect(r.ok === false && r.reason.startsWith(damaged)).toBe(true);
    // The directory itself overwritten.
    const eocd = bytes.length - 22;
    const cdOffset = bytes[eocd + 16]! | (bytes[eocd + 17]! << 8) | (bytes[eocd + 18]! << 16) | (bytes[eocd + 19]! << 24);
    const wiped = bytes.slice();
    wiped.fill(0x41, cdOffset, eocd);
    r = inspectZip(wiped, limits(), 'cut.xlsx');
    expect(r.ok === false && r.reason.startsWith(damaged)).toBe(true);
    // Not a zip at all.
    for (const junk of [new Uint8Array(0), noise(10), noise(100_000)]) {
      r = inspectZip(junk, limits(), 'cut.xlsx');
      expect(r.ok === false && r.reason.startsWith(damaged)).toBe(true);
    }
  });
});
