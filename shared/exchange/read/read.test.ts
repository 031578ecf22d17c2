import { describe, expect, it, vi } from 'vitest';
import * as XLSX from '@e965/xlsx';
import * as fflate from 'fflate';
import { strToU8, zipSync } from 'fflate';
import { readSpreadsheet } from './read';
import type { ReadResult, SourceWorkbook } from '../source';
import {
  compoundFile,
  encryptedXlsx,
  odsRepeatBomb,
  passwordXls,
  patchZip,
  prototypeNamesXlsx,
  rangeBombXlsx,
  xlsxOf,
  zipBomb,
} from '../../../test/helpers/hostile-files';

// The two ways anything in a file gets inflated (SheetJS's read, fflate's unzip) are watched, so
// a test can show that a refusal came before either ran.
vi.mock('@e965/xlsx', async (importOriginal) => {
  const real = await importOriginal<typeof XLSX>();
  return { ...real, read: vi.fn(real.read) };
});
vi.mock('fflate', async (importOriginal) => {
  const real = await importOriginal<typeof fflate>();
  return { ...real, unzipSync: vi.fn(real.unzipSync) };
});

const enc = (s: string) => new TextEncoder().encode(s);

function opened(r: ReadResult): SourceWorkbook {
  if (!r.ok) throw new Error(`expected the file to open, got: ${r.reason}`);
  return r.workbook;
}

function refused(r: ReadResult): string {
  if (r.ok) throw new Error('expected a refusal, but the file opened');
  return r.reason;
}

/** Writes a workbook built from SheetJS sheet objects (for cell types aoa_to_sheet cannot make). */
function writeBook(build: (wb: XLSX.WorkBook) => void, bookType: XLSX.BookType = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  build(wb);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
}

describe('readSpreadsheet: refusals', () => {
  it('refuses an empty file', () => {
    expect(refused(readSpreadsheet(new Uint8Array(), 'plan.xlsx'))).toBe('"plan.xlsx" is empty (0 bytes).');
  });

  it('refuses a file over the size limit before looking inside', () => {
    const reason = refused(readSpreadsheet(new Uint8Array(3 * 1024 * 1024), 'big.csv', { limits: { maxFileBytes: 2 * 1024 * 1024 } }));
    expect(reason).toBe('"big.csv" was refused: it is 3 MB (limit 2 MB).');
  });

  it('refuses random bytes, a PDF, a PNG and an executable as not spreadsheets', () => {
    let x = 7;
    const random = new Uint8Array(10_000).map(() => ((x = (x * 1103515245 + 12345) >>> 0), x >>> 24));
    expect(refused(readSpreadsheet(random, 'data.xlsx'))).toMatch(/^"data\.xlsx" is not a spreadsheet: it is not text/);
    expect(refused(readSpreadsheet(enc('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'report.xlsx'))).toBe('"report.xlsx" is not a spreadsheet: it is a PDF document.');
    expect(refused(readSpreadsheet(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'chart.csv'))).toContain('a PNG image');
    expect(refused(readSpreadsheet(new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), 'setup.xls'))).toContain('a Windows program');
  });

  it('refuses a truncated xlsx as damaged', () => {
    const bytes = xlsxOf([{ name: 'Data', rows: [['a', 'b'], [1, 2]] }]);
    for (const cut of [bytes.subarray(0, bytes.length - 10), bytes.subarray(0, bytes.length >> 1), bytes.subarray(0, 40)]) {
      expect(refused(readSpreadsheet(cut, 'plan.xlsx'))).toMatch(/^"plan\.xlsx" is damaged: its zip directory cannot be read/);
    }
  });

  it('refuses an xlsx whose parts are damaged (directory intact) without throwing', () => {
    const bytes = patchZip(xlsxOf([{ name: 'Data', rows: [['a']] }]), (name, text) => (name === 'xl/workbook.xml' ? text.slice(0, 60) : text));
    const r = readSpreadsheet(bytes, 'plan.xlsx');
    // SheetJS may still make sense of it or not; it must never throw.
    if (!r.ok) expect(r.reason).toMatch(/^"plan\.xlsx" could not be read as an Excel workbook: it may be damaged/);
  });

  it('refuses zips that are not spreadsheets, saying what they are', () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    expect(refused(readSpreadsheet(docx, 'letter.xlsx'))).toBe('"letter.xlsx" is not a spreadsheet that can be imported: it is a Word document, not a spreadsheet.');
    const odt = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8('<x/>') });
    expect(refused(readSpreadsheet(odt, 'notes.ods'))).toContain('an OpenDocument text document');
    const xlsb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.bin': new Uint8Array(10) });
    expect(refused(readSpreadsheet(xlsb, 'fast.xlsb'))).toContain('(.xlsb)');
    const other = zipSync({ 'data.json': strToU8('{"format":"pmo-workbench"}'), 'readme.txt': strToU8('hi') });
    expect(refused(readSpreadsheet(other, 'backup.zip'))).toBe(
      '"backup.zip" is not a spreadsheet that can be imported: it is a zip archive, but not an Excel (.xlsx) or OpenDocument (.ods) spreadsheet.',
    );
  });

  it('refuses a PMO Workbench workbook and other JSON, pointing to Open', () => {
    const pmowb = enc('{"format":"pmo-workbench","version":3,"data":{}}');
    expect(refused(readSpreadsheet(pmowb, 'portfolio.pmowb'))).toContain('is a PMO Workbench workbook');
    expect(refused(readSpreadsheet(pmowb, 'portfolio.csv'))).toContain('is a PMO Workbench workbook');
    expect(refused(readSpreadsheet(enc('[{"a":1}]'), 'rows.json'))).toContain('looks like a JSON file');
  });

  it('refuses XML and web pages saved with a spreadsheet name', () => {
    expect(refused(readSpreadsheet(enc('<?xml version="1.0"?><Workbook/>'), 'old.xls'))).toContain('XML or web page');
    expect(refused(readSpreadsheet(enc('<!DOCTYPE html><html><table></table></html>'), 'export.xls'))).toContain('XML or web page');
  });

  it('refuses password-protected workbooks clearly', () => {
    expect(refused(readSpreadsheet(encryptedXlsx(), 'secret.xlsx'))).toMatch(/^"secret\.xlsx" is password-protected\. /);
    expect(refused(readSpreadsheet(passwordXls(), 'secret.xls'))).toMatch(/^"secret\.xls" is password-protected\. /);
    const zipCrypto = xlsxOf([{ name: 'Data', rows: [['a']] }]).slice();
    // Set the "encrypted" flag on every central directory record.
    for (let p = 0; p + 4 <= zipCrypto.length; p++) {
      if (zipCrypto[p] === 0x50 && zipCrypto[p + 1] === 0x4b && zipCrypto[p + 2] === 1 && zipCrypto[p + 3] === 2) zipCrypto[p + 8]! |= 1;
    }
    expect(refused(readSpreadsheet(zipCrypto, 'secret.xlsx'))).toContain('is password-protected');
  });

  it('refuses Office files that are not workbooks, and damaged OLE files', () => {
    expect(refused(readSpreadsheet(compoundFile({ '/WordDocument': new Uint8Array(64) }), 'memo.xls'))).toBe('"memo.xls" is a Word document, not a spreadsheet.');
    expect(refused(readSpreadsheet(compoundFile({ '/Other': new Uint8Array(64) }), 'thing.xls'))).toMatch(/could not be read as an Excel workbook: it may be damaged/);
    const headerOnly = new Uint8Array(600);
    headerOnly.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(refused(readSpreadsheet(headerOnly, 'cut.xls'))).toMatch(/could not be read as an Excel workbook: it may be damaged/);
  });

  it('names the file safely: no folders, no control characters', () => {
    expect(refused(readSpreadsheet(new Uint8Array(), 'C:\\Users\\me\\plan\u0007.xlsx'))).toBe('"plan.xlsx" is empty (0 bytes).');
    expect(refused(readSpreadsheet(new Uint8Array(), ''))).toBe('The file is empty (0 bytes).');
  });

  it('never throws, whatever it is given', () => {
    const inputs: Uint8Array[] = [new Uint8Array([0x50, 0x4b, 0x03, 0x04]), new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])];
    for (const b of inputs) expect(() => readSpreadsheet(b, 'x.xlsx')).not.toThrow();
    expect(readSpreadsheet(null as unknown as Uint8Array, 'x.xlsx').ok).toBe(false);
  });
});

describe('readSpreadsheet: hostile files', () => {
  it('refuses a zip bomb before anything inflates it, from the few hundred bytes of its directory', () => {
    const bomb = zipBomb();
    vi.mocked(XLSX.read).mockClear();
    vi.mocked(fflate.unzipSync).mockClear();
    const r = readSpreadsheet(bomb, 'budget.xlsx');
    expect(refused(r)).toMatch(/^"budget\.xlsx" was refused: .*zip bomb/);
    expect(XLSX.read).not.toHaveBeenCalled();
    expect(fflate.unzipSync).not.toHaveBeenCalled();
    expect(!r.ok && r.bytesRead).toBeGreaterThan(22);
    expect(!r.ok && r.bytesRead).toBeLessThan(1024);
  });

  it('opens a workbook declaring A1:XFD1048576 with its 3×3 data and a note, parsed in dense mode', () => {
    vi.mocked(XLSX.read).mockClear();
    const wb = opened(readSpreadsheet(rangeBombXlsx(), 'range.xlsx'));
    // Sparse mode walks the declared range (minutes for 17 billion cells); dense mode holds rows.
    expect(vi.mocked(XLSX.read).mock.calls.map((c) => c[1]?.dense)).toEqual([true]);
    expect(wb.sheets[0]!.rows).toEqual([
      ['a', 'b', 'c'],
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(wb.sheets[0]!.width).toBe(3);
    expect(wb.notes).toEqual(['Sheet "Data" declares A1:XFD1048576 but holds data only in A1:C3; the rest was ignored.']);
  });

  it('reads "__proto__", "constructor" and "prototype" as sheet names and headers without touching Object.prototype', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const wb = opened(readSpreadsheet(prototypeNamesXlsx(), 'proto.xlsx'));
    expect(wb.sheets.map((s) => s.name)).toEqual(['__proto__', 'constructor', 'prototype']);
    wb.sheets.forEach((s, i) => {
      expect(s.rows[0]).toEqual(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']);
      expect(s.rows[1]).toEqual([i + 1, 'x', 'y', 'z', 'w']);
    });
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    const probe: Record<string, unknown> = {};
    expect(probe['!data']).toBeUndefined();
    expect(probe['!ref']).toBeUndefined();
    expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
    // The same names in a CSV.
    const csv = opened(readSpreadsheet(enc('__proto__,constructor,prototype\n1,2,3\n'), '__proto__.csv'));
    expect(csv.sheets[0]!.name).toBe('__proto__');
    expect(csv.sheets[0]!.rows[0]).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it('refuses an ODS whose one cell is repeated over a whole sheet', () => {
    vi.mocked(XLSX.read).mockClear();
    const reason = refused(readSpreadsheet(odsRepeatBomb(), 'repeat.ods'));
    // Refused from the estimate, before SheetJS expanded anything.
    expect(XLSX.read).not.toHaveBeenCalled();
    expect(reason).toMatch(/^"repeat\.ods" was refused: its repeated rows and cells would expand to more than 20,000,000 cells/);
  });

  it('handles a cell at XFD1048576 without visiting the empty space', () => {
    const far = patchZip(xlsxOf([{ name: 'Far', rows: [['start']] }]), (name, text) =>
      name === 'xl/worksheets/sheet1.xml'
        ? text
            .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
            .replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>end</t></is></c></row></sheetData>')
        : text,
    );
    const wb = opened(readSpreadsheet(far, 'far.xlsx'));
    const s = wb.sheets[0]!;
    expect(s.rows.length).toBe(1_048_576);
    expect(s.width).toBe(16_384);
    expect(s.rows[0]).toEqual(['start']);
    expect(s.rows[1]).toEqual([]);
    expect(s.rows[1_048_575]![16_383]).toBe('end');
    expect(wb.notes).toEqual([]);
    // With a lower cell limit the same file is refused.
    expect(refused(readSpreadsheet(far, 'far.xlsx', { limits: { maxCells: 10_000 } }))).toMatch(/^"far\.xlsx" was refused: it holds more than 10,000 cells/);
  });

  it('ignores cells beyond Excel\'s last row and column, with a note', () => {
    for (const [extra, name] of [
      ['<row r="1000000000"><c r="A1000000000" t="inlineStr"><is><t>far</t></is></c></row>', 'tall'],
      ['<row r="2"><c r="ZZZZ2" t="inlineStr"><is><t>wide</t></is></c></row>', 'wide'],
    ]) {
      const bytes = patchZip(xlsxOf([{ name: 'S', rows: [['start']] }]), (n, t) => (n === 'xl/worksheets/sheet1.xml' ? t.replace('</sheetData>', `${extra}</sheetData>`) : t));
      const wb = opened(readSpreadsheet(bytes, `${name}.xlsx`));
      expect(wb.sheets[0]!.rows).toEqual([['start']]);
      expect(wb.notes[0]).toBe('Sheet "S" has cells beyond row 1,048,576 or column XFD, where no spreadsheet program keeps data; they were ignored.');
    }
  });

  it('refuses a workbook with more cells than the limit', () => {
    const rows = Array.from({ length: 100 }, (_, r) => Array.from({ length: 10 }, (_, c) => r * 10 + c));
    const bytes = xlsxOf([{ name: 'Big', rows }]);
    expect(opened(readSpreadsheet(bytes, 'ok.xlsx', { limits: { maxCells: 1000 } })).sheets[0]!.rows.length).toBe(100);
    expect(refused(readSpreadsheet(bytes, 'big.xlsx', { limits: { maxCells: 999 } }))).toBe('"big.xlsx" was refused: it holds more than 999 cells (the limit), counted up to sheet "Big".');
    const csv = enc(rows.map((r) => r.join(',')).join('\n'));
    expect(refused(readSpreadsheet(csv, 'big.csv', { limits: { maxCells: 999 } }))).toBe('"big.csv" was refused: it holds more than 999 cells (the limit).');
  });
});

describe('readSpreadsheet: cells', () => {
  it('reads strings, numbers, booleans, errors, percentages and dates', () => {
    const bytes = writeBook((wb) => {
      const ws = XLSX.utils.aoa_to_sheet([['Text', 'Number', 'Flag', 'Error', 'Share', 'Date', 'Time', 'Stamp']]);
      XLSX.utils.sheet_add_aoa(ws, [['a\r\nb', 12.5, true, null, null, null, null, null]], { origin: 'A2' });
      ws['D2'] = { t: 'e', v: 0x2a };
      ws['E2'] = { t: 'n', v: 0.45, z: '0%' };
      ws['F2'] = { t: 'n', v: 46023, z: 'yyyy-mm-dd' };
      ws['G2'] = { t: 'n', v: 0.75, z: 'h:mm' };
      ws['H2'] = { t: 'n', v: 46023.5, z: 'dd/mm/yyyy hh:mm' };
      ws['D3'] = { t: 'e', v: 0x07 };
      ws['!ref'] = 'A1:H3';
      XLSX.utils.book_append_sheet(wb, ws, 'Cells');
    });
    const wb = opened(readSpreadsheet(bytes, 'cells.xlsx'));
    expect(wb.format).toBe('xlsx');
    expect(wb.date1904).toBe(false);
    expect(wb.sheets[0]!.rows).toEqual([
      ['Text', 'Number', 'Flag', 'Error', 'Share', 'Date', 'Time', 'Stamp'],
      ['a\nb', 12.5, true, '#N/A', { n: 0.45, pct: true }, { d: '2026-01-01' }, 0.75, { d: '2026-01-01' }],
      [null, null, null, '#DIV/0!'],
    ]);
  });

  it('applies the 1904 date system', () => {
    const bytes = writeBook((wb) => {
      const ws = XLSX.utils.aoa_to_sheet([['When']]);
      ws['A2'] = { t: 'n', v: 44561, z: 'yyyy-mm-dd' };
      ws['!ref'] = 'A1:A2';
      XLSX.utils.book_append_sheet(wb, ws, 'Mac');
      wb.Workbook = { WBProps: { date1904: true } };
    });
    const wb = opened(readSpreadsheet(bytes, 'mac.xlsx'));
    expect(wb.date1904).toBe(true);
    expect(wb.sheets[0]!.rows[1]).toEqual([{ d: '2026-01-01' }]);
  });

  it('drops trailing empty rows and columns, and empty strings, keeping inner gaps', () => {
    const bytes = writeBook((wb) => {
      const ws = XLSX.utils.aoa_to_sheet([
        ['a', null, 'c', ''],
        [],
        [null, 'x'],
        ['', ''],
      ]);
      ws['!ref'] = 'A1:J20';
      XLSX.utils.book_append_sheet(wb, ws, 'Gaps');
    });
    const s = opened(readSpreadsheet(bytes, 'gaps.xlsx')).sheets[0]!;
    expect(s.rows).toEqual([['a', null, 'c'], [], [null, 'x']]);
    expect(s.width).toBe(3);
  });

  it('reports hidden sheets and clips merges to the data', () => {
    const bytes = writeBook((wb) => {
      const shown = XLSX.utils.aoa_to_sheet([
        ['Title', null],
        ['a', 'b'],
      ]);
      shown['!merges'] = [XLSX.utils.decode_range('A1:B1'), XLSX.utils.decode_range('A2:D9'), XLSX.utils.decode_range('F10:G12')];
      XLSX.utils.book_append_sheet(wb, shown, 'Shown');
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['secret']]), 'Hidden');
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['very']]), 'VeryHidden');
      wb.Workbook = { Sheets: [{ name: 'Shown', Hidden: 0 }, { name: 'Hidden', Hidden: 1 }, { name: 'VeryHidden', Hidden: 2 }] };
    });
    const wb = opened(readSpreadsheet(bytes, 'merges.xlsx'));
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Shown', false],
      ['Hidden', true],
      ['VeryHidden', true],
    ]);
    expect(wb.sheets[0]!.merges).toEqual([
      { r0: 0, c0: 0, r1: 0, c1: 1 },
      { r0: 1, c0: 0, r1: 1, c1: 1 },
    ]);
  });

  it('reads xls and ods written by SheetJS the same way as xlsx', () => {
    const build = (wb: XLSX.WorkBook) => {
      const ws = XLSX.utils.aoa_to_sheet([['Name', 'When', 'Share'], ['Alpha', null, null]]);
      ws['B2'] = { t: 'n', v: 46023, z: 'yyyy"-"mm"-"dd' };
      ws['C2'] = { t: 'n', v: 0.25, z: '0%' };
      XLSX.utils.book_append_sheet(wb, ws, 'S');
    };
    const expected = [
      ['Name', 'When', 'Share'],
      ['Alpha', { d: '2026-01-01' }, { n: 0.25, pct: true }],
    ];
    for (const [type, name] of [['xlsx', 'a.xlsx'], ['biff8', 'a.xls'], ['ods', 'a.ods']] as const) {
      const wb = opened(readSpreadsheet(writeBook(build, type), name));
      expect(wb.format).toBe(name.split('.')[1]);
      expect(wb.sheets[0]!.rows).toEqual(expected);
    }
  });

  it('ODS number formats with positive/negative/zero sections: no console message, the values read, one note', () => {
    // As LibreOffice writes "#,##0;[RED]-#,##0;"-"": a style per section and, on the last, maps
    // with value()>0 and value()<0, which SheetJS cannot translate and prints about once per map.
    const ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3"';
    const sections = (name: string) =>
      `<number:number-style style:name="${name}P0" style:volatile="true"><number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>` +
      `<number:number-style style:name="${name}P1" style:volatile="true"><style:text-properties fo:color="#ff0000"/><number:text>-</number:text><number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>` +
      `<number:number-style style:name="${name}"><number:text>-</number:text><style:map style:condition="value()&gt;0" style:apply-style-name="${name}P0"/><style:map style:condition="value()&lt;0" style:apply-style-name="${name}P1"/></number:number-style>`;
    const cell = (v: number, style = 'ce1') => `<table:table-cell table:style-name="${style}" office:value-type="float" office:value="${v}" calcext:value-type="float"><text:p>${v}</text:p></table:table-cell>`;
    const text = (t: string) => `<table:table-cell office:value-type="string"><text:p>${t}</text:p></table:table-cell>`;
    const content =
      `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns}><office:automatic-styles>${sections('N5')}${sections('N6')}` +
      '<style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N5"/>' +
      '<style:style style:name="ce2" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N6"/>' +
      '</office:automatic-styles><office:body><office:spreadsheet><table:table table:name="Projects">' +
      `<table:table-row>${text('Name')}${text('Budget')}${text('Actual')}</table:table-row>` +
      `<table:table-row>${text('Alpha')}${cell(1200)}${cell(-300, 'ce2')}</table:table-row>` +
      `<table:table-row>${text('Beta')}${cell(0)}${cell(4500, 'ce2')}</table:table-row>` +
      '</table:table></office:spreadsheet></office:body></office:document-content>';
    const styles = `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${ns}><office:styles>${sections('N7')}</office:styles></office:document-styles>`;
    const manifest = '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/></manifest:manifest>';
    const bytes = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8(content),
      'styles.xml': strToU8(styles),
      'META-INF/manifest.xml': strToU8(manifest),
    });
    const error = vi.spyOn(console, 'error');
    const warn = vi.spyOn(console, 'warn');
    try {
      const wb = opened(readSpreadsheet(bytes, 'libreoffice.ods'));
      expect(error).not.toHaveBeenCalled();
      expect(warn).not.toHaveBeenCalled();
      expect(wb.format).toBe('ods');
      expect(wb.sheets[0]!.rows).toEqual([
        ['Name', 'Budget', 'Actual'],
        ['Alpha', 1200, -300],
        ['Beta', 0, 4500],
      ]);
      // Three formats of two maps each: in content.xml and in styles.xml.
      expect(wb.notes).toEqual([
        '6 conditional sections of this file\'s number formats could not be read ("value()>0", "value()<0": the positive, negative or zero parts of a format, as LibreOffice and Gnumeric write them). Every cell value was read; only those cells\' formats were simplified, so a percentage or date shown with such a format may arrive as a plain number.',
      ]);
      // Only those messages are held back, and only while the file is parsed.
      console.error('something else');
      expect(error).toHaveBeenCalledWith('something else');
    } finally {
      error.mockRestore();
      warn.mockRestore();
    }
  });

  it('marks a workbook with macros as xlsm', () => {
    const bytes = xlsxOf([{ name: 'S', rows: [['a']] }]);
    expect(opened(readSpreadsheet(bytes, 'tool.xlsm')).format).toBe('xlsm');
  });

  it('reports progress through checking, parsing and reading', () => {
    const phases: string[] = [];
    const bytes = xlsxOf([{ name: 'S', rows: [['a'], ['b']] }]);
    opened(readSpreadsheet(bytes, 'p.xlsx', { onProgress: (phase, done, total) => phases.push(`${phase} ${done}/${total}`) }));
    expect(phases).toEqual(['checking 0/1', 'checking 1/1', 'parsing 0/1', 'parsing 1/1', 'reading 0/2', 'reading 2/2']);
  });
});

describe('readSpreadsheet: CSV and TSV', () => {
  it('reads a CSV as one sheet named after the file, cells as text, empty as null', () => {
    const wb = opened(readSpreadsheet(enc('Name,Budget,Notes\r\nAlpha,"1,200",\r\n"Beta ""B""",300,"two\r\nlines"\r\n\r\n'), 'C:\\data\\projects.2026.csv'));
    expect(wb.format).toBe('csv');
    expect(wb.text).toEqual({ encoding: 'utf-8', delimiter: ',', bom: false });
    expect(wb.sheets).toEqual([
      {
        name: 'projects.2026',
        rows: [
          ['Name', 'Budget', 'Notes'],
          ['Alpha', '1,200'],
          ['Beta "B"', '300', 'two\nlines'],
        ],
        width: 3,
        merges: [],
        hidden: false,
      },
    ]);
  });

  it('reads a semicolon CSV with a BOM, a windows-1252 CSV and a UTF-16 TSV', () => {
    const semi = opened(readSpreadsheet(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Projet;Budget\nÉté;1,5\n')]), 'fr.csv'));
    expect(semi.text).toEqual({ encoding: 'utf-8', delimiter: ';', bom: true });
    expect(semi.sheets[0]!.rows).toEqual([
      ['Projet', 'Budget'],
      ['Été', '1,5'],
    ]);
    const cp = opened(readSpreadsheet(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x2c, 0x80, 0x35, 0x0a]), 'old.csv'));
    expect(cp.text?.encoding).toBe('windows-1252');
    expect(cp.sheets[0]!.rows).toEqual([['Café', '€5']]);
    const text = 'Name\tCost\r\nAlpha\t10\r\n';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + 2 * i] = text.charCodeAt(i);
    const tsv = opened(readSpreadsheet(utf16, 'excel-unicode.txt'));
    expect(tsv.format).toBe('tsv');
    expect(tsv.text).toEqual({ encoding: 'utf-16le', delimiter: '\t', bom: true });
    expect(tsv.sheets[0]!.rows).toEqual([
      ['Name', 'Cost'],
      ['Alpha', '10'],
    ]);
  });

  it('uses tab for a .tsv file whatever its contents, and notes a workbook name holding text', () => {
    const tsv = opened(readSpreadsheet(enc('a,b\tc\n'), 'x.tsv'));
    expect(tsv.sheets[0]!.rows).toEqual([['a,b', 'c']]);
    const misnamed = opened(readSpreadsheet(enc('a,b\n1,2\n'), 'export.xlsx'));
    expect(misnamed.format).toBe('csv');
    expect(misnamed.notes).toEqual(['"export.xlsx" is named like a workbook (.xlsx) but holds plain text; it was read as delimited text.']);
  });

  it('gives an empty sheet for a file of blank lines', () => {
    const wb = opened(readSpreadsheet(enc('\n\n,,\n'), 'blank.csv'));
    expect(wb.sheets[0]!.rows).toEqual([]);
    expect(wb.sheets[0]!.width).toBe(0);
  });
});

// How fast beside SheetJS is measured in `npm run bench` (test/bench/node.bench.ts).
describe('readSpreadsheet: a large sheet', () => {
  it('reads every row of a 5,000 × 12 xlsx, with dates and percentages by their formats', () => {
    const n = 5_000;
    const rows: unknown[][] = [Array.from({ length: 12 }, (_, c) => `Column ${c + 1}`)];
    for (let r = 0; r < n; r++) rows.push([`P-${r}`, `Project ${r}`, r, r * 1.5, r % 2 === 0, 'Active', 'Owner name', r * 100, 'x', 'y', r % 7, 'z']);
    const wb = XLSX.utils.book_new();
    const ws = XLSX.utils.aoa_to_sheet(rows);
    for (let r = 1; r <= n; r++) {
      ws[XLSX.utils.encode_cell({ r, c: 8 })] = { t: 'n', v: 45000 + (r % 400), z: 'yyyy-mm-dd' };
      ws[XLSX.utils.encode_cell({ r, c: 9 })] = { t: 'n', v: (r % 100) / 100, z: '0%' };
    }
    XLSX.utils.book_append_sheet(wb, ws, 'Projects');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
    const s = opened(readSpreadsheet(bytes, 'big.xlsx')).sheets[0]!;
    expect(s.rows.length).toBe(n + 1);
    expect(s.rows[n]![0]).toBe(`P-${n - 1}`);
    // 45000 + 5000 % 400 = 45200, 2023-10-01.
    expect(s.rows[n]![8]).toEqual({ d: '2023-10-01' });
    expect(s.rows[1]![9]).toEqual({ n: 0.01, pct: true });
  });
});
