import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { excelSerialToIsoDate } from '../../register/convert';
import { mixedColumns, mixedRows } from '../../../test/helpers/mixed-rows';
import { columnName, describeTextLosses, isoDateToSerial, quoteSheetName, sanitiseSheetNames, writeXlsx, writeXlsxReport, type XlsxSheet, type XlsxValue, type XlsxWorkbook } from './writer';

const CREATED = '2024-05-01T10:00:00.000Z';

function parts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) out[name] = strFromU8(data);
  return out;
}

/** SheetJS reads a copy: it adds helper properties to the array it is given. */
function read(bytes: Uint8Array): XLSX.WorkBook {
  return XLSX.read(bytes.slice(), { type: 'array', cellNF: true, cellStyles: true });
}

/** The cellXfs of styles.xml, one string per xf. */
function cellXfs(styles: string): string[] {
  const block = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)?.[1] ?? '';
  return block.match(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/gs) ?? [];
}

/** The xf of a cell, from the sheet XML. */
function xfOf(p: Record<string, string>, sheet: number, ref: string): string {
  const m = new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(p[`xl/worksheets/sheet${sheet}.xml`]!);
  if (!m) throw new Error(`no cell ${ref}`);
  return cellXfs(p['xl/styles.xml']!)[Number(m[1] ?? 0)]!;
}

const STATUSES = ['Not started', 'In progress', 'Done'];

function fullWorkbook(): XlsxWorkbook {
  return {
    creator: 'Tester & Co',
    created: CREATED,
    definedNames: [{ name: 'Statuses', ref: "'Lists'!$A$2:$A$4" }, { name: 'HiddenName', ref: '=Projects!$A$3', hidden: true }],
    sheets: [
      {
        name: 'How to edit',
        kind: 'notes',
        columns: [],
        rows: [['Edit the Projects sheet, then import it again.'], ['=Do not run this']],
      },
      {
        name: 'Projects',
        preamble: [['Portfolio export', { date: '2024-05-01' }]],
        freezeHeader: true,
        freezeColumns: 2,
        autoFilter: true,
        columns: [
          { header: 'Code', width: 12 },
          { header: 'Name', width: 40, wrap: true },
          { header: 'Start', width: 12, numFmt: 'yyyy-mm-dd' },
          { header: 'Finish', width: 12, numFmt: 'dd/mm/yyyy' },
          { header: 'Budget', width: 14, numFmt: '#,##0.00' },
          { header: 'Complete', width: 10, numFmt: '0%' },
          { header: 'Score', width: 8, numFmt: '0.0' },
          { header: 'Active', width: 8 },
          { header: 'RAG', width: 8, rag: true, list: { values: ['Red', 'Amber', 'Green'] } },
          { header: 'Status', width: 16, list: { ref: "'Lists'!$A$2:$A$4" } },
          { header: 'Internal id', width: 10, hidden: true },
          { header: '__proto__', width: 10 },
          { header: '=HEADER()', width: 10 },
        ],
        rows: [
          ['P-001', 'Data centre move', { date: '2024-03-01' }, { date: '2024-12-31' }, 1234567.891, 0.45, 7.25, true, 'Red', 'In progress', 'id-1', 'x', null],
          ['P-002', '=1+1', { date: '1900-01-01' }, { date: '1900-03-01' }, -5, 1, -0.5, false, 'Green', 'Done', 'id-2', null, null],
          ['-P3', '@SUM(A1)', { date: '9999-12-31' }, { date: '1899-12-31' }, 0, 0, 1e21, false, 'Amber', 'Not started', 'id-3', null, null],
          [null, 'line 1\nline 2', null, { date: 'not a date' }, Number.NaN, null, null, null, null, null, null, null, null],
        ],
      },
      { name: 'Lists', hidden: true, columns: [{ header: 'Status', width: 20 }], rows: STATUSES.map((s) => [s]) },
    ],
  };
}

describe('writeXlsx: a workbook read back with SheetJS', () => {
  const bytes = writeXlsx(fullWorkbook());
  const wb = read(bytes);
  const p = parts(bytes);
  const ws = wb.Sheets.Projects!;

  it('writes the sheets in order, with their names and hidden flags', () => {
    expect(wb.SheetNames).toEqual(['How to edit', 'Projects', 'Lists']);
    expect(wb.Workbook?.Sheets?.map((s) => s.Hidden)).toEqual([0, 0, 1]);
    expect(p['xl/workbook.xml']).toContain('<sheet name="Lists" sheetId="3" state="hidden" r:id="rId3"/>');
  });

  it('writes the preamble, then the header row from the columns, then the data', () => {
    expect(ws.A1).toMatchObject({ t: 's', v: 'Portfolio export' });
    expect(ws.B1).toMatchObject({ t: 'n', v: 45413, z: 'yyyy-mm-dd' });
    expect(['A2', 'B2', 'C2', 'L2', 'M2'].map((r) => ws[r]?.v)).toEqual(['Code', 'Name', 'Start', '__proto__', '=HEADER()']);
    expect(ws.A3).toMatchObject({ t: 's', v: 'P-001' });
    expect(ws['!ref']).toBe('A1:M6');
  });

  it('writes numbers as numbers with the column format; negative numbers stay numbers', () => {
    expect(ws.E3).toMatchObject({ t: 'n', v: 1234567.891, z: '#,##0.00', w: '1,234,567.89' });
    expect(ws.F3).toMatchObject({ t: 'n', v: 0.45, z: '0%', w: '45%' });
    expect(ws.G3).toMatchObject({ t: 'n', v: 7.25, z: '0.0' });
    expect(ws.E4).toMatchObject({ t: 'n', v: -5 });
    expect(ws.G4).toMatchObject({ t: 'n', v: -0.5 });
    expect(ws.G5).toMatchObject({ t: 'n', v: 1e21 });
    expect(ws.E6).toBeUndefined(); // NaN: no value
  });

  it('writes dates as 1900-system serials with a date format', () => {
    expect(ws.C3).toMatchObject({ t: 'n', v: 45352, z: 'yyyy-mm-dd' });
    expect(ws.D3).toMatchObject({ t: 'n', v: 45657, z: 'dd/mm/yyyy', w: '31/12/2024' });
    expect(ws.C4).toMatchObject({ t: 'n', v: 1 });
    expect(ws.D4).toMatchObject({ t: 'n', v: 61 });
    expect(ws.C5).toMatchObject({ t: 'n', v: 2958465 });
    for (const [ref, iso] of [['C3', '2024-03-01'], ['D3', '2024-12-31'], ['C4', '1900-01-01'], ['D4', '1900-03-01'], ['C5', '9999-12-31']] as const) {
      expect(excelSerialToIsoDate(ws[ref]!.v as number, false)).toBe(iso);
    }
    // Not a date Excel can hold: the text is kept.
    expect(ws.D5).toMatchObject({ t: 's', v: '1899-12-31' });
    expect(ws.D6).toMatchObject({ t: 's', v: 'not a date' });
  });

  it('writes booleans as t="b"', () => {
    expect(ws.H3).toMatchObject({ t: 'b', v: true });
    expect(ws.H4).toMatchObject({ t: 'b', v: false });
    expect(p['xl/worksheets/sheet2.xml']).toMatch(/<c r="H3"[^>]* t="b"><v>1<\/v><\/c>/);
  });

  it('never writes a formula: text that looks like one stays text, with quotePrefix', () => {
    expect(ws.B4).toMatchObject({ t: 's', v: '=1+1' });
    expect(ws.B4!.f).toBeUndefined();
    expect(ws.B5).toMatchObject({ t: 's', v: '@SUM(A1)' });
    expect(ws.A5).toMatchObject({ t: 's', v: '-P3' });
    expect(ws.M2).toMatchObject({ t: 's', v: '=HEADER()' });
    for (const name of Object.keys(p).filter((n) => n.startsWith('xl/worksheets/'))) expect(p[name]).not.toMatch(/<f[ >]/);
    expect(xfOf(p, 2, 'B4')).toContain('quotePrefix="1"');
    expect(xfOf(p, 2, 'A5')).toContain('quotePrefix="1"');
    expect(xfOf(p, 2, 'M2')).toContain('quotePrefix="1"');
    expect(xfOf(p, 1, 'A2')).toContain('quotePrefix="1"');
    expect(xfOf(p, 2, 'B3')).not.toContain('quotePrefix');
    expect(xfOf(p, 2, 'A3')).not.toContain('quotePrefix');
  });

  it('styles the header row: bold, light fill, bottom border', () => {
    const xf = xfOf(p, 2, 'A2');
    expect(xf).toMatch(/fontId="1"/);
    expect(xf).toMatch(/fillId="2"/);
    expect(xf).toMatch(/borderId="1"/);
    const styles = p['xl/styles.xml']!;
    expect(styles).toMatch(/<fonts count="2">.*<font><b\/>/s);
    expect(styles).toContain('<bottom style="thin">');
    expect(ws.A2!.s).toMatchObject({ patternType: 'solid' });
    // The notes sheet has no header styling.
    expect(xfOf(p, 1, 'A1')).toMatch(/fontId="0" fillId="0" borderId="0"/);
  });

  it('wraps the columns that ask for it, and every cell of a notes sheet', () => {
    expect(xfOf(p, 2, 'B3')).toContain('wrapText="1"');
    expect(xfOf(p, 2, 'A3')).not.toContain('wrapText');
    expect(xfOf(p, 1, 'A1')).toContain('wrapText="1"');
    expect(p['xl/worksheets/sheet1.xml']).toContain('<col min="1" max="1" width="100.7109375"');
  });

  it('deduplicates styles and shared strings', () => {
    const xfs = cellXfs(p['xl/styles.xml']!);
    expect(new Set(xfs).size).toBe(xfs.length);
    expect(xfs.length).toBeLessThan(20);
    const sst = p['xl/sharedStrings.xml']!;
    const unique = Number(/uniqueCount="(\d+)"/.exec(sst)![1]);
    const count = Number(/ count="(\d+)"/.exec(sst)![1]);
    expect((sst.match(/<si>/g) ?? []).length).toBe(unique);
    expect(count).toBeGreaterThan(unique); // 'Red', 'id-…', 'Done' etc. reused across sheets
    expect(sst.match(/<t>Done<\/t>/g)).toHaveLength(1);
  });

  it('writes column widths and hidden columns', () => {
    const cols = ws['!cols']!;
    expect(cols).toHaveLength(13);
    expect(cols[0]).toMatchObject({ wch: 12 });
    expect(cols[1]).toMatchObject({ wch: 40 });
    expect(cols[10]).toMatchObject({ hidden: true });
    expect(cols[0]!.hidden).toBeFalsy();
    expect(p['xl/worksheets/sheet2.xml']).toContain('<col min="2" max="2" width="40.7109375"');
  });

  it('freezes the panes below the header row and right of freezeColumns', () => {
    expect(p['xl/worksheets/sheet2.xml']).toContain('<pane xSplit="2" ySplit="2" topLeftCell="C3" activePane="bottomRight" state="frozen"/>');
    expect(p['xl/worksheets/sheet1.xml']).not.toContain('<pane');
  });

  it('puts an autoFilter on the header and the data, with its hidden defined name', () => {
    expect(ws['!autofilter']).toEqual({ ref: 'A2:M6' });
    expect(p['xl/workbook.xml']).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'Projects'!$A$2:$M$6</definedName>`);
  });

  it('writes drop-down lists as list validations, with the in-cell arrow shown', () => {
    const xml = p['xl/worksheets/sheet2.xml']!;
    expect(xml).toContain('<dataValidations count="2">');
    expect(xml).toMatch(/<dataValidation type="list" [^>]*sqref="I3:I1048576"><formula1>"Red,Amber,Green"<\/formula1><\/dataValidation>/);
    expect(xml).toMatch(/<dataValidation type="list" [^>]*sqref="J3:J1048576"><formula1>'Lists'!\$A\$2:\$A\$4<\/formula1><\/dataValidation>/);
    // showDropDown="1" would hide the arrow.
    expect(xml).not.toContain('showDropDown');
  });

  it('colours RAG cells through conditional formatting with dxf styles', () => {
    const xml = p['xl/worksheets/sheet2.xml']!;
    expect(xml).toContain('<conditionalFormatting sqref="I3:I1048576">');
    expect(xml.match(/<cfRule type="cellIs" dxfId="\d" priority="\d" operator="equal">/g)).toHaveLength(3);
    for (const word of ['Red', 'Amber', 'Green']) expect(xml).toContain(`<formula>"${word}"</formula>`);
    const styles = p['xl/styles.xml']!;
    expect(styles).toContain('<dxfs count="3">');
    for (const fill of ['F4CCCC', 'FCE8B2', 'D9EAD3']) expect(styles).toContain(`<bgColor rgb="FF${fill}"/>`);
  });

  it('writes the worksheet elements in schema order', () => {
    const xml = p['xl/worksheets/sheet2.xml']!;
    const order = ['<dimension', '<sheetViews', '<sheetFormatPr', '<cols', '<sheetData', '<autoFilter', '<conditionalFormatting', '<dataValidations', '<pageMargins'];
    const at = order.map((tag) => xml.indexOf(tag));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('writes defined names, docProps and content types', () => {
    expect(wb.Workbook?.Names?.map((n) => [n.Name, n.Ref, !!(n as { Hidden?: boolean }).Hidden])).toEqual(
      expect.arrayContaining([['Statuses', "'Lists'!$A$2:$A$4", false], ['HiddenName', 'Projects!$A$3', true]]),
    );
    expect(wb.Props?.Author).toBe('Tester & Co');
    expect(p['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-01T10:00:00Z</dcterms:created>');
    expect(p['docProps/app.xml']).toContain('<Application>PMO Workbench</Application>');
    const types = p['[Content_Types].xml']!;
    for (const part of ['/xl/workbook.xml', '/xl/styles.xml', '/xl/sharedStrings.xml', '/docProps/core.xml', '/docProps/app.xml', '/xl/worksheets/sheet1.xml', '/xl/worksheets/sheet3.xml']) {
      expect(types).toContain(`<Override PartName="${part}"`);
    }
    expect(Object.keys(unzipSync(bytes))[0]).toBe('[Content_Types].xml');
    expect(p['xl/_rels/workbook.xml.rels']).toContain('Target="worksheets/sheet3.xml"');
    expect(p['_rels/.rels']).toContain('Target="xl/workbook.xml"');
  });

  it('selects the first visible sheet', () => {
    const hiddenFirst = parts(writeXlsx({ sheets: [{ name: 'H', hidden: true, columns: [], rows: [] }, { name: 'V', columns: [], rows: [] }] }));
    expect(hiddenFirst['xl/workbook.xml']).toContain('activeTab="1"');
    expect(hiddenFirst['xl/worksheets/sheet2.xml']).toContain('tabSelected="1"');
    expect(hiddenFirst['xl/worksheets/sheet1.xml']).not.toContain('tabSelected');
  });

  it('gives equal bytes for equal input', () => {
    expect(writeXlsx(fullWorkbook())).toEqual(bytes);
  });
});

describe('writeXlsx: text', () => {
  const one = (v: XlsxValue) => {
    const bytes = writeXlsx({ sheets: [{ name: 'S', columns: [{ header: 'H', width: 10 }], rows: [[v]] }] });
    return { cell: read(bytes).Sheets.S!.A2, sst: parts(bytes)['xl/sharedStrings.xml']! };
  };

  it('escapes XML and keeps whitespace, line breaks and non-ASCII text', () => {
    for (const s of ['a & <b> "c" \'d\'', '  lead', 'trail  ', 'line1\nline2', '\tTab', 'emoji 😀 é ü 中文', 'a  b', '_x0041_', "'=1+1", ']]>']) {
      expect(one(s).cell).toMatchObject({ t: 's', v: s });
    }
    expect(one('  lead').sst).toContain('<t xml:space="preserve">  lead</t>');
    expect(one('plain').sst).toContain('<t>plain</t>');
    // Excel reads _xHHHH_ as an escaped character; a literal one is escaped in turn.
    expect(one('_x0041_').sst).toContain('<t>_x005F_x0041_</t>');
    // CR as a character reference (an XML parser would turn a raw CR into LF).
    expect(one('a\r\nb').sst).toContain('<t xml:space="preserve">a&#13;\nb</t>');
    expect(one('lone\rcr').cell).toMatchObject({ t: 's', v: 'lone\rcr' });
  });

  it('writes every character XML 1.0 allows, each read back as itself', () => {
    // Tab, LF, CR, then U+0020 to U+D7FF, U+E000 to U+FFFD and a sample of the astral planes
    // (as surrogate pairs), in cells of 2,000 characters.
    const chars: string[] = ['\t', '\n', '\r'];
    for (let c = 0x20; c <= 0xfffd; c++) if (c < 0xd800 || c > 0xdfff) chars.push(String.fromCharCode(c));
    for (let c = 0x10000; c <= 0x10ffff; c += 0x3fd) chars.push(String.fromCodePoint(c));
    chars.push(String.fromCodePoint(0x1f600), String.fromCodePoint(0x10ffff));
    const cells: string[] = [];
    for (let i = 0; i < chars.length; i += 2000) cells.push(`x${chars.slice(i, i + 2000).join('')}x`);
    const { bytes, losses } = writeXlsxReport({ sheets: [{ name: 'S', columns: [{ header: 'H', width: 10 }], rows: cells.map((c) => [c]) }] });
    expect(losses).toEqual([]);
    const ws = read(bytes).Sheets.S!;
    cells.forEach((c, i) => expect(ws[`A${i + 2}`]?.v, `cell A${i + 2}`).toBe(c));
  });

  it('reports the characters it cannot write, by cell, and text cut at the cell limit', () => {
    const { bytes, losses } = writeXlsxReport({
      sheets: [
        { name: 'Projects', columns: [{ header: 'A', width: 10 }, { header: 'B', width: 10 }], rows: [['ok', 'bell\u0007 nul\u0000'], ['fine', 'vt\u000b'], ['bell\u0007 nul\u0000', 'x'.repeat(40_000)]] },
        { name: 'RAID log', columns: [{ header: 'A', width: 10 }], rows: [['lone \ud800 half']] },
      ],
    });
    expect(losses).toEqual([
      { sheet: 'Projects', ref: 'B2', removed: 2 },
      { sheet: 'Projects', ref: 'B3', removed: 1 },
      { sheet: 'Projects', ref: 'A4', removed: 2 },
      { sheet: 'Projects', ref: 'B4', removed: 0, cutAt: 32_767 },
      { sheet: 'RAID log', ref: 'A2', removed: 1 },
    ]);
    expect(read(bytes).Sheets.Projects!.B2!.v).toBe('bell nul');
    expect(describeTextLosses(losses)).toBe(
      "6 characters that spreadsheets cannot hold (control characters) were left out of 4 cells: Projects!B2, Projects!B3, Projects!A4, 'RAID log'!A2. " +
        'Text longer than a spreadsheet cell holds (32,767 characters) was cut short in 1 cell: Projects!B4.',
    );
    expect(describeTextLosses(losses.slice(0, 4), 2)).toBe('5 characters that spreadsheets cannot hold (control characters) were left out of 3 cells: Projects!B2, Projects!B3 and 1 more. Text longer than a spreadsheet cell holds (32,767 characters) was cut short in 1 cell: Projects!B4.');
    expect(describeTextLosses([])).toBeNull();
    expect(writeXlsxReport({ sheets: [{ name: 'S', columns: [{ header: 'H', width: 10 }], rows: [['tab\there\nand\r\nbreaks  ']] }] }).losses).toEqual([]);
  });

  it('wraps multi-line text so its lines show, in columns that do not wrap', () => {
    const bytes = writeXlsx({ sheets: [{ name: 'S', columns: [{ header: 'H', width: 10 }, { header: 'W', width: 10, wrap: true }], rows: [['one line', 'one'], ['two\nlines', 'two\nlines'], ['=a\nb', null]] }] });
    const p = parts(bytes);
    expect(xfOf(p, 1, 'A2')).not.toContain('wrapText');
    expect(xfOf(p, 1, 'A3')).toContain('wrapText="1"');
    expect(xfOf(p, 1, 'A4')).toMatch(/quotePrefix="1".*wrapText="1"/s);
    expect(xfOf(p, 1, 'B3')).toBe(xfOf(p, 1, 'B2'));
  });

  it('removes characters XML 1.0 cannot hold', () => {
    expect(one('bell\u0007 nul\u0000 vt\u000b ff\u000c').cell!.v).toBe('bell nul vt ff');
    expect(one('lone \ud800 surrogate \udc00!').cell!.v).toBe('lone  surrogate !');
    expect(one('\ufffe\uffffok').cell!.v).toBe('ok');
  });

  it('truncates text to 32767 characters without splitting a surrogate pair', () => {
    expect((one('x'.repeat(40_000)).cell!.v as string).length).toBe(32_767);
    const emoji = `${'x'.repeat(32_766)}😀`;
    expect(one(emoji).cell!.v).toBe('x'.repeat(32_766));
  });

  it('treats __proto__ and constructor as plain text, headers and sheet names', () => {
    const bytes = writeXlsx({
      sheets: [
        { name: '__proto__', columns: [{ header: '__proto__', width: 10 }, { header: 'constructor', width: 10 }], rows: [['__proto__', 'constructor'], ['toString', 'hasOwnProperty']] },
        { name: 'constructor', columns: [], rows: [] },
      ],
    });
    const wb = read(bytes);
    expect(wb.SheetNames).toEqual(['__proto__', 'constructor']);
    const ws = wb.Sheets.__proto__!;
    expect([ws.A1?.v, ws.B1?.v, ws.A2?.v, ws.B2?.v, ws.A3?.v, ws.B3?.v]).toEqual(['__proto__', 'constructor', '__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('sheet layouts', () => {
  it('writes a notes sheet header as a plain row when it has one', () => {
    const bytes = writeXlsx({ sheets: [{ name: 'Notes', kind: 'notes', freezeHeader: true, autoFilter: true, columns: [{ header: 'How to edit', width: 80 }], rows: [['Step one']] }] });
    const p = parts(bytes);
    const ws = read(bytes).Sheets.Notes!;
    expect([ws.A1?.v, ws.A2?.v]).toEqual(['How to edit', 'Step one']);
    expect(xfOf(p, 1, 'A1')).toMatch(/fontId="0" fillId="0" borderId="0"/);
    expect(xfOf(p, 1, 'A1')).toContain('wrapText="1"');
    expect(p['xl/worksheets/sheet1.xml']).toContain('<col min="1" max="1" width="80.7109375" customWidth="1"/>');
    expect(p['xl/worksheets/sheet1.xml']).not.toMatch(/<pane|<autoFilter/);
  });

  it('freezes columns alone, and the header alone', () => {
    const pane = (sheet: Partial<XlsxSheet>) =>
      /<pane[^>]*\/>/.exec(parts(writeXlsx({ sheets: [{ name: 'S', columns: [{ header: 'a', width: 5 }], rows: [[1]], ...sheet }] }))['xl/worksheets/sheet1.xml']!)?.[0];
    expect(pane({ freezeColumns: 3 })).toBe('<pane xSplit="3" topLeftCell="D1" activePane="topRight" state="frozen"/>');
    expect(pane({ freezeHeader: true })).toBe('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(pane({})).toBeUndefined();
  });

  it('writes an empty sheet that opens', () => {
    const bytes = writeXlsx({ sheets: [{ name: 'Empty', columns: [], rows: [] }] });
    expect(parts(bytes)['xl/worksheets/sheet1.xml']).toContain('<dimension ref="A1"/>');
    expect(read(bytes).SheetNames).toEqual(['Empty']);
  });
});

describe('sheet names', () => {
  it('removes forbidden characters, apostrophes at the ends, and keeps 31 characters', () => {
    expect(sanitiseSheetNames(['a/b:c*?[x]\\y', "'quoted'", 'x'.repeat(40), '', '  ', 'History', 'Fine name'])).toEqual([
      'a_b_c___x__y',
      'quoted',
      'x'.repeat(31),
      'Sheet4',
      'Sheet5',
      'History_',
      'Fine name',
    ]);
  });

  it('deduplicates ignoring case, keeping 31 characters', () => {
    expect(sanitiseSheetNames(['Data', 'data', 'DATA', 'y'.repeat(35), 'y'.repeat(31)])).toEqual(['Data', 'data (2)', 'DATA (3)', 'y'.repeat(31), `${'y'.repeat(27)} (2)`]);
  });

  it('writes the sanitised names into the workbook', () => {
    const wb = read(writeXlsx({ sheets: [{ name: 'Q1/Q2', columns: [], rows: [] }, { name: 'q1_q2', columns: [], rows: [] }, { name: 'R&D <x>', columns: [], rows: [] }] }));
    expect(wb.SheetNames).toEqual(['Q1_Q2', 'q1_q2 (2)', 'R&D <x>']);
  });

  it('quotes names for references', () => {
    expect(quoteSheetName("Bob's list")).toBe("'Bob''s list'");
    expect(quoteSheetName('Lists')).toBe("'Lists'");
  });
});

describe('drop-down lists that cannot be inline', () => {
  it('go to a hidden _Lists sheet', () => {
    const long = Array.from({ length: 60 }, (_, i) => `Option number ${i}`);
    const bytes = writeXlsx({
      sheets: [
        {
          name: 'Data',
          columns: [
            { header: 'Long', width: 10, list: { values: long } },
            { header: 'Comma', width: 10, list: { values: ['a, b', 'c'] } },
            { header: 'Short', width: 10, list: { values: ['x', 'y'] } },
          ],
          rows: [],
        },
      ],
    });
    const wb = read(bytes);
    expect(wb.SheetNames).toEqual(['Data', '_Lists']);
    expect(wb.Workbook?.Sheets?.[1]?.Hidden).toBe(1);
    const lists = wb.Sheets._Lists!;
    expect(lists.A1?.v).toBe('Option number 0');
    expect(lists.A60?.v).toBe('Option number 59');
    expect([lists.B1?.v, lists.B2?.v]).toEqual(['a, b', 'c']);
    const xml = parts(bytes)['xl/worksheets/sheet1.xml']!;
    expect(xml).toContain("<formula1>'_Lists'!$A$1:$A$60</formula1>");
    expect(xml).toContain("<formula1>'_Lists'!$B$1:$B$2</formula1>");
    expect(xml).toContain('<formula1>"x,y"</formula1>');
  });
});

describe('dates', () => {
  it('converts ISO dates to 1900-system serials', () => {
    expect(isoDateToSerial('1900-01-01')).toBe(1);
    expect(isoDateToSerial('1900-02-28')).toBe(59);
    expect(isoDateToSerial('1900-03-01')).toBe(61);
    expect(isoDateToSerial('1970-01-01')).toBe(25569);
    expect(isoDateToSerial('2024-02-29')).toBe(45351);
    expect(isoDateToSerial('9999-12-31')).toBe(2958465);
    expect(isoDateToSerial('1899-12-31')).toBeNull();
    expect(isoDateToSerial('2023-02-29')).toBeNull();
    expect(isoDateToSerial('tomorrow')).toBeNull();
  });

  it('round-trips every day of a few years through the importer conversion', () => {
    for (let serial = 1; serial < 3000; serial++) {
      const iso = excelSerialToIsoDate(serial, false);
      if (iso !== null) expect(isoDateToSerial(iso)).toBe(serial);
    }
    for (let serial = 44_000; serial < 47_000; serial++) expect(isoDateToSerial(excelSerialToIsoDate(serial, false)!)).toBe(serial);
  });

  it('uses yyyy-mm-dd for a date in a column without a date format', () => {
    const ws = read(writeXlsx({ sheets: [{ name: 'S', columns: [{ header: 'H', width: 10, numFmt: '#,##0.00' }], rows: [[{ date: '2024-01-02' }], [3]] }] })).Sheets.S!;
    expect(ws.A2).toMatchObject({ t: 'n', v: 45293, z: 'yyyy-mm-dd' });
    expect(ws.A3).toMatchObject({ t: 'n', v: 3, z: '#,##0.00' });
  });
});

describe('column names', () => {
  it('counts A…Z, AA…', () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });
});

describe('workbooks Excel could not open', () => {
  it('are refused', () => {
    expect(() => writeXlsx({ sheets: [] })).toThrow(RangeError);
    expect(() => writeXlsx({ sheets: [{ name: 'H', hidden: true, columns: [], rows: [] }] })).toThrow(/visible/);
    const sheets = [{ name: 'S', columns: [], rows: [] }];
    expect(() => writeXlsx({ sheets, definedNames: [{ name: 'A1', ref: 'S!$A$1' }] })).toThrow(/defined name/);
    expect(() => writeXlsx({ sheets, definedNames: [{ name: 'has space', ref: 'S!$A$1' }] })).toThrow(/defined name/);
    expect(() => writeXlsx({ sheets, definedNames: [{ name: 'X', ref: 'S!$A$1' }, { name: 'x', ref: 'S!$A$2' }] })).toThrow(/twice/);
    expect(() => writeXlsx({ sheets: [{ name: 'S', columns: [], rows: [Array.from({ length: 16_385 }, () => 1)] }] })).toThrow(/columns/);
  });
});

describe('a large sheet', () => {
  // How fast, and 100k rows × 10 columns, is measured in `npm run bench` (test/bench/node.bench.ts).
  it('writes 10k rows × 35 columns', () => {
    const rows = mixedRows(10_000, 35);
    const bytes = writeXlsx({ sheets: [{ name: 'Big', columns: mixedColumns(35), rows, freezeHeader: true, autoFilter: true }] });
    const ws = XLSX.read(bytes.slice(), { type: 'array', sheetRows: 3 }).Sheets.Big!;
    expect(ws.A2?.v).toBe('P-0');
  });
});
