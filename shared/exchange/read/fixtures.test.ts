// Every file under test/fixtures (written by Excel, LibreOffice and other projects) either
// opens with the values it holds or is refused with a reason; none throws or hangs. Then each
// goes through the whole importer, every sheet forced in, from the same read (each file is
// parsed once for both).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSpreadsheet } from './read';
import { decodeText, parseDelimited } from './text';
import { cellText, type ReadResult, type SourceCell, type SourceWorkbook } from '../source';
import { addDays } from '../../calendar';
import { WorkbookState } from '../../commands/state';
import { planNewWorkbook } from '../../commands/new-workbook';
import { analyseWorkbook, previewImport } from '../analyse';
import { testClock, tinyWorkbook } from '../../../test/helpers/tiny-workbook';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));
const SHEETS = join(FIXTURES, 'spreadsheets');

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

const cache = new Map<string, ReadResult>();
function read(path: string): ReadResult {
  let r = cache.get(path);
  if (!r) {
    r = readSpreadsheet(new Uint8Array(readFileSync(path)), path.split('/').pop()!);
    cache.set(path, r);
  }
  return r;
}

function open(rel: string): SourceWorkbook {
  const r = read(join(SHEETS, rel));
  if (!r.ok) throw new Error(`${rel} was refused: ${r.reason}`);
  return r.workbook;
}

/** What each file must give: the format it opens as, or a refusal matching a pattern. */
type Expectation = { opens: SourceWorkbook['format']; sheets?: number } | { refused: RegExp };

function expectationFor(rel: string): Expectation {
  if (rel.startsWith('csv-spectrum/json/')) return { refused: /looks like a JSON file/ };
  if (rel.endsWith('.csv')) return { opens: 'csv', sheets: 1 };
  // Plain text files (README.md, LICENSE) are text: they open as one-sheet delimited text.
  if (rel.endsWith('README.md') || rel.endsWith('LICENSE')) return { opens: 'csv', sheets: 1 };
  const ext = rel.split('.').pop() as SourceWorkbook['format'];
  return { opens: ext };
}

describe('every fixture file', () => {
  const files = walk(FIXTURES);

  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  for (const path of files) {
    const rel = relative(FIXTURES, path);
    it(`${rel}: opens or is refused with a reason, without throwing or hanging`, () => {
      let r: ReadResult | undefined;
      expect(() => (r = read(path))).not.toThrow();
      const want = expectationFor(rel);
      if ('refused' in want) {
        expect(r!.ok).toBe(false);
        if (!r!.ok) expect(r!.reason).toMatch(want.refused);
        return;
      }
      if (!r!.ok) throw new Error(`${rel} was refused: ${r!.reason}`);
      const wb = r!.workbook;
      expect(wb.format).toBe(want.opens);
      if (want.sheets !== undefined) expect(wb.sheets.length).toBe(want.sheets);
      for (const s of wb.sheets) {
        // The shape the contract promises: no holes, no trailing empties, width = widest row.
        expect(s.width).toBe(Math.max(0, ...s.rows.map((row) => row.length)));
        for (const row of s.rows) {
          expect(row.length === 0 || row[row.length - 1] !== null).toBe(true);
          for (let c = 0; c < row.length; c++) expect(row[c]).not.toBeUndefined();
        }
        if (s.rows.length > 0) expect(s.rows[s.rows.length - 1]!.length).toBeGreaterThan(0);
      }
      // Structured-cloneable (it crosses from a worker to the page).
      expect(structuredClone(wb)).toEqual(wb);
    });
  }
});

describe('every fixture file through the importer', () => {
  // It opens (or is refused, as above), never crashes, and the report accounts for every
  // non-blank row of every sheet.
  for (const path of walk(FIXTURES)) {
    it(relative(FIXTURES, path), () => {
      const clock = testClock();
      const p = planNewWorkbook(tinyWorkbook(), { ...clock, origin: 'create', label: 'New' });
      const state = new WorkbookState(p.workbook, p.rows);
      const r = read(path);
      if (!r.ok) {
        expect(r.reason).toMatch(/\S{10,}/);
        return;
      }
      const proposals = analyseWorkbook(r.workbook, state.settings, []).map((x) => ({ ...x, include: true }));
      const { report } = previewImport(state, r.workbook, proposals, { ...clock, today: '2026-11-21' });
      for (const prop of proposals) {
        const sheet = r.workbook.sheets.find((s) => s.name === prop.sheet)!;
        const reported = new Set(report.rows.filter((x) => x.sheet === prop.sheet).map((x) => x.row));
        const nonBlank = sheet.rows.flatMap((row, i) => (row.some((c) => c !== null && c !== '') ? [i + 1] : []));
        for (const row of nonBlank) expect(reported.has(row), `${prop.sheet} row ${row} accounted for`).toBe(true);
      }
      for (const i of report.issues) expect(i.message.length).toBeGreaterThan(5);
    });
  }
});

describe('1904/: the 1900 and 1904 date systems', () => {
  const systems = ['1900', '1904'] as const;
  const formats = ['xlsx', 'xls', 'ods'] as const;
  // Each file holds, per row: A a serial number, B the same number formatted as a date, C and D
  // the date that B shows, as text. Both files hold the same serials (1, 11, 111, 1111, 11111),
  // so the 1904 file's dates are the 1900 file's plus 1462 days (1461 before 1 March 1900: the
  // 1900 system counts a 29 February 1900 that never was, so its serials 1–59 are a day early).
  const dates = (wb: SourceWorkbook) => wb.sheets[0]!.rows.map((row) => row[1]);

  for (const sys of systems) {
    for (const fmt of formats) {
      it(`${sys}.${fmt}: dates equal the text the file shows beside them`, () => {
        const wb = open(`1904/${sys}.${fmt}`);
        expect(wb.date1904).toBe(sys === '1904');
        const rows = wb.sheets[0]!.rows;
        expect(rows.map((r) => r[0])).toEqual([1, 11, 111, 1111, 11111]);
        for (const row of rows) {
          expect(row[1]).toEqual({ d: row[2] });
          expect(row[3]).toBe(row[2]);
        }
      });
    }
    it(`${sys}.xlsx, ${sys}.xls and ${sys}.ods give the same dates`, () => {
      const [x, ...others] = formats.map((f) => dates(open(`1904/${sys}.${f}`)));
      for (const o of others) expect(o).toEqual(x);
    });
  }

  it('the same serials are 1462 days apart in the two systems, cell by cell', () => {
    for (const fmt of formats) {
      const serials = open(`1904/1900.${fmt}`).sheets[0]!.rows.map((row) => row[0] as number);
      expect(open(`1904/1904.${fmt}`).sheets[0]!.rows.map((row) => row[0])).toEqual(serials);
      const d1900 = dates(open(`1904/1900.${fmt}`)) as { d: string }[];
      const d1904 = dates(open(`1904/1904.${fmt}`)) as { d: string }[];
      expect(d1904).toEqual(d1900.map((c, i) => ({ d: addDays(c.d, serials[i]! < 60 ? 1461 : 1462) })));
    }
    expect(dates(open('1904/1900.xlsx'))).toEqual([{ d: '1900-01-01' }, { d: '1900-01-11' }, { d: '1900-04-20' }, { d: '1903-01-15' }, { d: '1930-06-02' }]);
    expect(dates(open('1904/1904.xlsx'))).toEqual([{ d: '1904-01-02' }, { d: '1904-01-12' }, { d: '1904-04-21' }, { d: '1907-01-16' }, { d: '1934-06-03' }]);
  });
});

describe('2011/: sheets against the expected CSV text', () => {
  // NAME.N.csv holds the text of sheet N of NAME. These sheets hold only strings, so every cell
  // is compared exactly (cellText of our cell against the CSV field), trailing empty fields of
  // the CSV dropped, empty fields against empty cells. merge_cells.xlsx.0.csv is windows-1252
  // ("…" is byte 0x85), which also exercises the encoding fallback.
  const cases: [csv: string, book: string, sheet: number][] = [
    ['large_strings.xlsx.1.csv', 'large_strings.xlsx', 1],
    ['large_strings.xlsx.2.csv', 'large_strings.xlsx', 2],
    ['merge_cells.xlsx.0.csv', 'merge_cells.xlsx', 0],
  ];
  for (const [csv, book, index] of cases) {
    it(`${book} sheet ${index} matches ${csv}`, () => {
      const decoded = decodeText(new Uint8Array(readFileSync(join(SHEETS, '2011', csv))));
      const expected = parseDelimited(decoded.text, ',').map((row) => {
        let n = row.length;
        while (n > 0 && row[n - 1] === '') n--;
        return row.slice(0, n);
      });
      while (expected.length > 0 && expected[expected.length - 1]!.length === 0) expected.pop();
      const sheet = open(book).sheets[index]!;
      const actual = sheet.rows.map((row) => row.map((c: SourceCell) => cellText(c)));
      for (const row of sheet.rows) for (const c of row) expect(c === null || typeof c === 'string').toBe(true);
      expect(actual).toEqual(expected);
    });
  }
});

describe('named fixtures', () => {
  it('crlf/: line breaks inside cells are kept, CRLF as LF', () => {
    for (const fmt of ['xlsx', 'xls', 'ods']) {
      const rows = open(`crlf/crlf.${fmt}`).sheets[0]!.rows;
      expect(rows[0]).toEqual(['Normal', fmt === 'ods' ? 'abc\nDef' : 'abc\ndef']);
      expect(rows[1]).toEqual(['Formula', 'abc\ndef']);
      expect(rows[2]).toEqual(['Test']);
    }
  });

  it('merge_cells: merges are reported in xlsx and xls alike', () => {
    const expected = [
      { r0: 0, c0: 0, r1: 1, c1: 1 },
      { r0: 0, c0: 2, r1: 1, c1: 2 },
      { r0: 2, c0: 0, r1: 2, c1: 1 },
      { r0: 0, c0: 3, r1: 1, c1: 3 },
      { r0: 3, c0: 0, r1: 3, c1: 1 },
    ];
    for (const fmt of ['xlsx', 'xls']) {
      const s = open(`merge_cells.${fmt}`).sheets[0]!;
      expect(s.name).toBe('Merge');
      expect(s.merges).toEqual(expected);
      expect(s.rows[0]).toEqual(['A1:B2', null, 'C1:C2', 'Separate blocks']);
    }
  });

  it('large_strings: strings of up to 9,999 characters are intact', () => {
    // The first sheet keeps rows 1–110, 995–1005 and 9,990–9,999 of the original (see
    // test/fixtures/README.md): the longest strings, at their own row numbers, in a parse that
    // takes milliseconds rather than seconds.
    const wb = open('large_strings.xlsx');
    expect(wb.sheets.map((s) => [s.name, s.rows.length, s.width])).toEqual([
      ['Large Strings', 9999, 17],
      ['Simple', 26, 6],
      ['longwordslist', 17619, 2],
    ]);
    const big = wb.sheets[0]!;
    const kept = (r: number) => r < 110 || (r >= 994 && r < 1005) || r >= 9989;
    // Column A of row r is "a" repeated r + 1 times; the rows left out are empty.
    big.rows.forEach((row, r) => (kept(r) ? expect(row[0]).toBe('a'.repeat(r + 1)) : expect(row).toEqual([])));
    expect(big.rows[0]).toHaveLength(17);
    expect(big.rows[104]).toHaveLength(12);
    expect(big.rows[999]).toHaveLength(12);
    expect(big.rows[1000]).toEqual(['a'.repeat(1001)]);
    expect((big.rows[9998]![0] as string).length).toBe(9999);
    expect(big.rows.reduce((n, row) => n + row.filter((c) => typeof c === 'string').length, 0)).toBe(104 * 17 + 12 * 12 + 5 + 10);
  });

  it('DataTypesFormats: dates, a date-time, currency, percentage and plain numbers', () => {
    expect(open('DataTypesFormats.xlsx').sheets[0]!.rows).toEqual([
      ['Date', { d: '2020-07-23' }],
      ['Date Time', { d: '2020-07-23' }],
      ['Currency', 123],
      ['Percentage', { n: 0.9876, pct: true }],
      ['Fixed Decimal', 456],
      ['Thousands Separator', 7890],
    ]);
  });

  it('text_and_numbers: Unicode text, numbers, an empty row and empty sheets', () => {
    const wb = open('text_and_numbers.xlsx');
    expect(wb.sheets.map((s) => s.rows)).toEqual([
      [['English', 'Hello', 'World'], ['Hebrew', 'שלום', 'עולם'], [], [1337, 13.37, 1337]],
      [],
      [],
    ]);
  });

  it('sushi: a character outside the BMP', () => {
    expect(open('sushi.xlsx').sheets[0]!.rows).toEqual([['🍣']]);
  });

  it('AutoFilter: the same table from xlsx, xls and ods', () => {
    const books = ['xlsx', 'xls', 'ods'].map((f) => open(`AutoFilter.${f}`));
    expect(books.map((b) => b.sheets.length)).toEqual([11, 11, 11]);
    // LibreOffice saved the ODS with underscores where the others have spaces.
    expect(books[2]!.sheets.map((s) => s.name)).toEqual(books[0]!.sheets.map((s) => s.name.replace(/ /g, '_')));
    for (let i = 0; i < 11; i++) {
      expect(books[1]!.sheets[i]!.rows).toEqual(books[0]!.sheets[i]!.rows);
      expect(books[2]!.sheets[i]!.rows).toEqual(books[0]!.sheets[i]!.rows);
    }
    expect(books[0]!.sheets[0]!.rows[0]).toEqual(['Code', 'Format', 'Library', 'Notes', 'Importance']);
  });

  it('number_format.xlsm: percentages, dates and times by their number formats', () => {
    const wb = open('number_format.xlsm');
    expect(wb.format).toBe('xlsm');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Implied', 'ImpliedNegative', '2011', 'Miscellany', 'SSF']);
    const byFormat = new Map(wb.sheets[0]!.rows.slice(1).map((row) => [row[2], row[1]]));
    expect(byFormat.get('0%')).toEqual({ n: 12345.6789, pct: true });
    expect(byFormat.get('0.00')).toBe(12345.6789);
    expect(byFormat.get('m/d/yy')).toEqual({ d: '1933-10-18' });
    expect(byFormat.get('mmm-yy')).toEqual({ d: '1933-10-18' });
    // Times of day and durations are not calendar dates: the number stays.
    expect(byFormat.get('h:mm')).toBe(12345.6789);
    expect(byFormat.get('[h]:mm:ss')).toBe(12345.6789);
    // A negative serial formatted as a date is no date at all.
    const negative = new Map(wb.sheets[1]!.rows.slice(1).map((row) => [row[2], row[1]]));
    expect(negative.get('m/d/yy')).toBe(-12345.6789);
  });
});
