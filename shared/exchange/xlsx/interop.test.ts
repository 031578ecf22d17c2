// Interoperability: a workbook from writeXlsx, converted by Gnumeric's ssconvert to .ods and
// back to .xlsx, must convert without complaint and keep every value. ssconvert reports what it
// does not understand on stderr ("Unexpected element…", "Undefined style record…"); the control
// case below checks that it does, so its silence on our files means something.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { gunzipSync, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { writeXlsx, type XlsxSheet, type XlsxValue, type XlsxWorkbook } from './writer';

/** The converter; SSCONVERT overrides the name on PATH (e.g. to try the missing-tool path). */
const SSCONVERT = process.env.SSCONVERT || 'ssconvert';
const hasSsconvert = spawnSync(SSCONVERT, ['--version'], { encoding: 'utf8' }).status === 0;
const inCi = !!process.env.CI;

/** Lines ssconvert prints about its environment rather than about the file (none seen so far). */
const ENVIRONMENT_NOISE = /^(\(ssconvert:\d+\): (dconf|GLib-GIO|Gtk)-|Failed to connect to bus)/;

const MISSING = `${SSCONVERT} (Gnumeric) is not installed`;

/** In CI a missing ssconvert fails the test; elsewhere the test is skipped, saying why. */
function requireSsconvert(skip: (note?: string) => void): void {
  if (hasSsconvert) return;
  if (inCi) throw new Error(`${MISSING}; .ci/run installs it (apt-get install gnumeric).`);
  const note = `${MISSING}: interop test skipped. Install the gnumeric package to run it (in CI it fails instead).`;
  console.warn(note);
  skip(note);
}

function convert(from: string, to: string): { status: number | null; stderr: string } {
  const r = spawnSync(SSCONVERT, [from, to], { encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stderr: r.stderr };
}

function complaints(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.trim() !== '' && !ENVIRONMENT_NOISE.test(l));
}

type Plain = null | string | number | boolean | { date: string };

/** What a sheet should hold, cell by cell: preamble, header row (unless a notes sheet without one), data. */
function expectedGrid(sheet: XlsxSheet): Plain[][] {
  const header = sheet.columns.map((c) => c.header);
  const withHeader = sheet.kind !== 'notes' || header.some((h) => h !== '');
  const rows: XlsxValue[][] = [...(sheet.preamble ?? []), ...(withHeader ? [header] : []), ...sheet.rows];
  // Empty text and NaN write no cell; -0 is written as 0.
  return trim(rows.map((r) => r.map((v) => (v === '' || (typeof v === 'number' && !Number.isFinite(v)) ? null : Object.is(v, -0) ? 0 : v))));
}

/** A sheet as SheetJS reads it (dates as calendar dates), trailing empties removed. */
function actualGrid(ws: XLSX.WorkSheet): Plain[][] {
  const grid = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null, blankrows: true });
  return trim(
    grid.map((row) =>
      row.map((v): Plain => {
        if (v instanceof Date) return { date: v.toISOString().slice(0, 10) };
        if (v === undefined || v === '') return null;
        return v as Plain;
      }),
    ),
  );
}

function withoutTrailingSpace(grid: Plain[][]): Plain[][] {
  return grid.map((r) => r.map((v) => (typeof v === 'string' ? v.replace(/(?<! ) $/, '') : v)));
}

function trim(grid: Plain[][]): Plain[][] {
  const rows = grid.map((r) => {
    const out = [...r];
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

const TEXTS = [
  '=1+1',
  '=HYPERLINK("http://example.com","x")',
  '+44 20 7946 0000',
  '-minus',
  '@SUM(A1)',
  '\tleading tab',
  "'already quoted",
  'a & <b> "c"',
  '  two leading spaces',
  'trailing space ',
  'line 1\nline 2',
  '_x0041_ stays literal',
  'Zürich – “quotes” – 中文 – 😀',
  'a  b',
];

function rows(n: number): XlsxValue[][] {
  const out: XlsxValue[][] = [];
  const dates = ['1900-01-01', '1900-02-28', '1900-03-01', '1999-12-31', '2000-02-29', '2024-02-29', '2038-01-19', '9999-12-31'];
  for (let i = 0; i < n; i++) {
    out.push([
      `P-${String(i).padStart(4, '0')}`,
      TEXTS[i % TEXTS.length]!,
      { date: dates[i % dates.length]! },
      i % 5 === 0 ? null : { date: `2024-${String((i % 12) + 1).padStart(2, '0')}-15` },
      i % 4 === 0 ? -i * 1000.125 : i * 1234.5,
      (i % 101) / 100,
      i % 3 === 0,
      ['Red', 'Amber', 'Green'][i % 3]!,
      ['Not started', 'In progress', 'Done'][i % 3]!,
      i % 7 === 0 ? 1e-7 * i : i % 7 === 1 ? 123456789.123 : i,
      `hidden-${i}`,
    ]);
  }
  return out;
}

function workbook(): XlsxWorkbook {
  return {
    creator: 'Interop test',
    created: '2024-05-01T10:00:00Z',
    definedNames: [{ name: 'Statuses', ref: "'Lists'!$A$2:$A$4" }],
    sheets: [
      { name: 'Read me', kind: 'notes', columns: [], rows: [['How to edit this workbook'], ['1. Change cells on the Projects sheet.\n2. Import it again.']] },
      {
        name: 'Projects',
        preamble: [['Portfolio export', { date: '2024-05-01' }], []],
        freezeHeader: true,
        freezeColumns: 1,
        autoFilter: true,
        columns: [
          { header: 'Code', width: 10 },
          { header: 'Name', width: 40, wrap: true },
          { header: 'Start', width: 12, numFmt: 'yyyy-mm-dd' },
          { header: 'Finish', width: 12, numFmt: 'dd mmm yyyy' },
          { header: 'Budget', width: 14, numFmt: '#,##0.00' },
          { header: 'Complete', width: 10, numFmt: '0%' },
          { header: 'Active', width: 8 },
          { header: 'RAG', width: 8, rag: true, list: { values: ['Red', 'Amber', 'Green'] } },
          { header: 'Status', width: 14, list: { ref: "'Lists'!$A$2:$A$4" } },
          { header: 'Score', width: 10, numFmt: '0.0' },
          { header: 'Internal', width: 10, hidden: true },
        ],
        rows: rows(300),
      },
      { name: 'Lists', hidden: true, columns: [{ header: 'Status', width: 16 }], rows: [['Not started'], ['In progress'], ['Done']] },
    ],
  };
}

describe('ssconvert (Gnumeric) reads our .xlsx', () => {
  it('converts to .ods and .xlsx without complaint, keeping every value', ({ skip }) => {
    requireSsconvert(skip);
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-interop-'));
    try {
      const wb = workbook();
      const input = join(dir, 'in.xlsx');
      writeFileSync(input, writeXlsx(wb));

      const toOds = convert(input, join(dir, 'out.ods'));
      const toXlsx = convert(input, join(dir, 'out2.xlsx'));
      const toGnumeric = convert(input, join(dir, 'out.gnumeric'));
      const printed = [toOds, toXlsx, toGnumeric].map((r) => r.stderr).join('');
      console.warn(`ssconvert stderr: ${printed.trim() === '' ? '(nothing)' : JSON.stringify(printed)}`);
      for (const r of [toOds, toXlsx, toGnumeric]) {
        expect(r.status).toBe(0);
        expect(complaints(r.stderr)).toEqual([]);
      }

      const ods = XLSX.read(readFileSync(join(dir, 'out.ods')), { cellDates: true });
      const xlsx2 = XLSX.read(readFileSync(join(dir, 'out2.xlsx')), { cellDates: true });
      const ours = XLSX.read(readFileSync(input), { cellDates: true });
      for (const book of [ods, xlsx2, ours]) expect(book.SheetNames).toEqual(['Read me', 'Projects', 'Lists']);
      for (const sheet of wb.sheets) {
        const expected = expectedGrid(sheet);
        expect(actualGrid(ours.Sheets[sheet.name]!), `${sheet.name} (ours)`).toEqual(expected);
        // Gnumeric keeps a single trailing space (its own format shows it), but its .ods writes it
        // as a plain space at the end of the paragraph, which SheetJS's .ods reader drops.
        expect(withoutTrailingSpace(actualGrid(ods.Sheets[sheet.name]!)), `${sheet.name} (.ods)`).toEqual(withoutTrailingSpace(expected));
        expect(actualGrid(xlsx2.Sheets[sheet.name]!), `${sheet.name} (.xlsx)`).toEqual(expected);
      }

      // Gnumeric understood the structure too. Its own format (gzipped XML) shows what it read:
      const gnm = strFromU8(gunzipSync(readFileSync(join(dir, 'out.gnumeric'))));
      expect(gnm.match(/Visibility="GNM_SHEET_VISIBILITY_\w+"/g)).toEqual(['VISIBLE', 'VISIBLE', 'HIDDEN'].map((v) => `Visibility="GNM_SHEET_VISIBILITY_${v}"`));
      expect(gnm).toContain('<gnm:FreezePanes FrozenTopLeft="A1" UnfrozenTopLeft="B4"/>');
      expect(gnm).toContain('<gnm:Filter Area="A3:K303"/>');
      expect(gnm).toMatch(/<gnm:ColInfo No="10" [^>]*Hidden="1"\/>/);
      expect(gnm).toMatch(/<gnm:Validation Style="GNM_VALIDATION_STYLE_WARNING" Type="GNM_VALIDATION_TYPE_IN_LIST" AllowBlank="1" UseDropdown="1">\s*<gnm:Expression0>&quot;Red,Amber,Green&quot;<\/gnm:Expression0>/);
      expect(gnm).toMatch(/<gnm:Validation [^>]*Type="GNM_VALIDATION_TYPE_IN_LIST"[^>]*UseDropdown="1">\s*<gnm:Expression0>Lists!\$A\$2:\$A\$4<\/gnm:Expression0>/);
      for (const word of ['Red', 'Amber', 'Green']) expect(gnm).toMatch(new RegExp(`<gnm:Condition Operator="2">\\s*<gnm:Expression0>&quot;${word}&quot;`));
      expect(gnm).toMatch(/<gnm:name>Statuses<\/gnm:name>\s*<gnm:value>Lists!\$A\$2:\$A\$4<\/gnm:value>/);
      // …and its .xlsx keeps the pane, the filter, the hidden column, the lists and the RAG rules.
      const sheet2 = strFromU8(unzipSync(readFileSync(join(dir, 'out2.xlsx')))['xl/worksheets/sheet2.xml']!);
      expect(sheet2).toContain('<pane xSplit="1" ySplit="3" topLeftCell="B4" activePane="bottomRight" state="frozen"/>');
      expect(sheet2).toContain('<autoFilter ref="A3:K303"/>');
      expect(sheet2).toMatch(/<col min="11" max="11"[^>]* hidden="1"/);
      expect(sheet2.match(/<dataValidation type="list"/g)).toHaveLength(2);
      expect(sheet2.match(/<cfRule type="cellIs"/g)).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('complains about a damaged file (control: its silence above means something)', ({ skip }) => {
    requireSsconvert(skip);
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-interop-'));
    try {
      const files = unzipSync(writeXlsx(workbook()));
      const xml = strFromU8(files['xl/worksheets/sheet2.xml']!);
      files['xl/worksheets/sheet2.xml'] = strToU8(xml.replace('<dimension', '<bogus/><dimension').replace('<c r="A3" s="', '<c r="A3" s="99'));
      const input = join(dir, 'bad.xlsx');
      writeFileSync(input, zipSync(files));
      const r = convert(input, join(dir, 'bad.ods'));
      expect(complaints(r.stderr).join('\n')).toMatch(/Unexpected element 'bogus'[\s\S]*Undefined style record/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
