// Hostile spreadsheet files built in memory, for unit and end-to-end tests of the importer's
// guards: a zip bomb, a workbook declaring a million-row range, sheet names and headers that
// name Object.prototype's keys. Built with SheetJS and fflate, so no binary blobs live in git.
import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { constants as zlibConstants, crc32, deflateRawSync } from 'node:zlib';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '</Types>';

const zipBombCache = new Map<number, Uint8Array>();
const MIB = 1024 * 1024;

/** A zip written by hand from entries already deflated (raw deflate), with their true sizes and CRCs. */
function zipOfDeflated(entries: { name: string; deflated: Uint8Array; size: number; crc: number }[]): Uint8Array {
  const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
  const locals: Uint8Array[] = [];
  const central: number[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = [...strToU8(e.name)];
    const common = [...u16(20), ...u16(0), ...u16(8), ...u16(0), ...u16(0x21), ...u32(e.crc), ...u32(e.deflated.length), ...u32(e.size), ...u16(name.length)];
    const header = new Uint8Array([...u32(0x04034b50), ...common, ...u16(0), ...name]);
    locals.push(header, e.deflated);
    central.push(...u32(0x02014b50), ...u16(20), ...common, ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...name);
    offset += header.length + e.deflated.length;
  }
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length), ...u32(central.length), ...u32(offset), ...u16(0)];
  return new Uint8Array(Buffer.concat([...locals, new Uint8Array(central), new Uint8Array(end)]));
}

/**
 * An xlsx-shaped zip whose one worksheet entry is `sizeBytes` of zeros, deflated (300 MB becomes
 * about 300 KB, a ratio near 1000): an honest bomb, whose directory tells the truth and whose
 * data really inflates to that size. Deflating 300 MB takes seconds, so the stream is one
 * deflated MiB of zeros ended by a sync flush (byte-aligned, referring to nothing before it),
 * repeated, then an empty final block; the CRC is computed MiB by MiB.
 */
export function zipBomb(sizeBytes = 300 * MIB): Uint8Array {
  const cached = zipBombCache.get(sizeBytes);
  if (cached) return cached;
  const whole = Math.floor(sizeBytes / MIB);
  const zeros = new Uint8Array(MIB);
  const block = deflateRawSync(zeros, { level: 9, finishFlush: zlibConstants.Z_SYNC_FLUSH });
  const tail = sizeBytes % MIB;
  const parts: Uint8Array[] = Array.from({ length: whole }, () => block);
  let crc = 0;
  for (let i = 0; i < whole; i++) crc = crc32(zeros, crc);
  if (tail > 0) {
    parts.push(deflateRawSync(zeros.subarray(0, tail), { level: 9, finishFlush: zlibConstants.Z_SYNC_FLUSH }));
    crc = crc32(zeros.subarray(0, tail), crc);
  }
  parts.push(new Uint8Array([0x03, 0x00])); // an empty final block (fixed Huffman, end of block)
  const small = (name: string, text: string) => {
    const bytes = strToU8(text);
    return { name, deflated: new Uint8Array(deflateRawSync(bytes)), size: bytes.length, crc: crc32(bytes) };
  };
  const zip = zipOfDeflated([
    small('[Content_Types].xml', CONTENT_TYPES),
    small('xl/workbook.xml', '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>'),
    { name: 'xl/worksheets/sheet1.xml', deflated: new Uint8Array(Buffer.concat(parts)), size: sizeBytes, crc },
  ]);
  zipBombCache.set(sizeBytes, zip);
  return zip;
}

/** A SheetJS-written xlsx of the given rows, as bytes. */
export function xlsxOf(sheets: { name: string; rows: unknown[][] }[], opts: { date1904?: boolean } = {}): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(s.rows), s.name);
  if (opts.date1904) wb.Workbook = { ...(wb.Workbook ?? {}), WBProps: { ...(wb.Workbook?.WBProps ?? {}), date1904: true } };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** Rewrites entries of a zip (text entries, by a function of their text) and zips it again. */
export function patchZip(bytes: Uint8Array, patch: (name: string, text: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    const isText = /\.(xml|rels)$/.test(name);
    out[name] = isText ? strToU8(patch(name, strFromU8(data))) : data;
  }
  return zipSync(out);
}

/**
 * A valid 3×3 xlsx (a header row a, b, c and two rows of numbers) whose worksheet declares
 * `<dimension ref="A1:XFD1048576"/>`: 17 billion cells. SheetJS in sparse mode spends minutes on
 * it; a reader must look only at the cells that exist.
 */
export function rangeBombXlsx(): Uint8Array {
  const plain = xlsxOf([{ name: 'Data', rows: [['a', 'b', 'c'], [1, 2, 3], [4, 5, 6]] }]);
  return patchZip(plain, (name, text) => (name === 'xl/worksheets/sheet1.xml' ? text.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>') : text));
}

/**
 * An xlsx whose sheets are named "__proto__", "constructor" and "prototype", each with those words
 * as its header row and one data row.
 */
export function prototypeNamesXlsx(): Uint8Array {
  const header = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
  const placeholders = ['ProtoSheetX', 'CtorSheetXX', 'ProtoTypeXX'];
  const plain = xlsxOf(placeholders.map((name, i) => ({ name, rows: [header, [i + 1, 'x', 'y', 'z', 'w']] })));
  const real = ['__proto__', 'constructor', 'prototype'];
  return patchZip(plain, (name, text) => {
    if (name !== 'xl/workbook.xml' && name !== 'docProps/app.xml') return text;
    let t = text;
    placeholders.forEach((p, i) => (t = t.split(p).join(real[i])));
    return t;
  });
}

/** An ODS whose one cell holding "x" is repeated across 16384 columns and 1048576 rows. */
export function odsRepeatBomb(): Uint8Array {
  const content =
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">' +
    '<office:body><office:spreadsheet><table:table table:name="Bomb">' +
    '<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>' +
    '</table:table></office:spreadsheet></office:body></office:document-content>';
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
    'content.xml': strToU8(content),
    'META-INF/manifest.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    ),
  });
}

/** An OLE compound file holding the given streams (as xls files and encrypted xlsx files are). */
export function compoundFile(streams: Record<string, Uint8Array>): Uint8Array {
  const CFB = XLSX.CFB as {
    utils: { cfb_new(): unknown; cfb_add(cfb: unknown, name: string, data: Uint8Array): void };
    write(cfb: unknown, opts: { type: 'array' }): Uint8Array | ArrayBuffer | number[];
  };
  const cfb = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(cfb, name, data);
  const out = CFB.write(cfb, { type: 'array' });
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

const biffRecord = (type: number, body: number[]) => [type & 0xff, type >> 8, body.length & 0xff, body.length >> 8, ...body];

/** An xls whose workbook stream starts with a FILEPASS record (Excel 97 "password to open"). */
export function passwordXls(): Uint8Array {
  const bof = biffRecord(0x0809, [0x00, 0x06, 0x05, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  const filePass = biffRecord(0x002f, [0x00, 0x00, 0x34, 0x12, 0x78, 0x56]);
  const eof = biffRecord(0x000a, []);
  return compoundFile({ '/Workbook': new Uint8Array([...bof, ...filePass, ...eof]) });
}

/** The shape of a password-protected xlsx: an OLE file with EncryptionInfo and EncryptedPackage. */
export function encryptedXlsx(): Uint8Array {
  return compoundFile({ '/EncryptionInfo': new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]), '/EncryptedPackage': new Uint8Array(256) });
}
