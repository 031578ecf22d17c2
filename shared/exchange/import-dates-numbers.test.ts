// The importer reads text dates per column (the column's dates, the sheet's chosen order, the
// file, the workbook setting), lists each date that reads both ways when nothing decides,
// reads serial numbers in text files, rounds float noise away and reads percent columns whole.
import { describe, expect, it } from 'vitest';
import { WorkbookState } from '../commands/state';
import { planNewWorkbook } from '../commands/new-workbook';
import { applyPlan } from '../commands/plan';
import { testClock, tinyWorkbook } from '../../test/helpers/tiny-workbook';
import { planImport, validateImport, type ImportReport, type SheetMapping } from './import';
import { readSpreadsheet } from './read/read';
import type { SourceCell, SourceWorkbook } from './source';
import type { Settings } from '../model/schemas';

function setup(settings: Partial<Settings> = {}) {
  const clock = testClock();
  const wb = tinyWorkbook();
  const p = planNewWorkbook({ ...wb, settings: { ...wb.settings, ...settings } }, { ...clock, origin: 'create', label: 'New' });
  return { clock, state: new WorkbookState(p.workbook, p.rows) };
}

function csv(text: string, name = 'client.csv'): SourceWorkbook {
  const r = readSpreadsheet(new TextEncoder().encode(text), name);
  if (!r.ok) throw new Error(r.reason);
  return r.workbook;
}

function book(rows: SourceCell[][], extra: Partial<SourceWorkbook> = {}): SourceWorkbook {
  return { fileName: 'client.xlsx', format: 'xlsx', date1904: false, sheets: [{ name: 'P', rows, width: Math.max(...rows.map((r) => r.length)), merges: [], hidden: false }], notes: [], ...extra };
}

function mapping(source: SourceWorkbook, fields: (string | null)[], extra: Partial<SheetMapping> = {}): SheetMapping {
  const s = source.sheets[0]!;
  return { sheet: s.name, kind: 'project', headerRow: 0, firstDataRow: 1, lastDataRow: s.rows.length - 1, columns: fields.map((field, column) => ({ column, field })), ...extra };
}

function run(source: SourceWorkbook, fields: (string | null)[], extra: Partial<SheetMapping> = {}, settings: Partial<Settings> = {}) {
  const { state, clock } = setup(settings);
  const plan = planImport(state, source, [mapping(source, fields, extra)], { today: '2026-05-01', newId: clock.newId });
  const { report, result } = validateImport(state, plan, { ...clock, origin: 'import', label: 'Import' });
  applyPlan(state, result.plan!);
  const project = (code: string) => state.all('project').find((p) => p.code === code)!;
  return { report, project };
}

const warnings = (r: ImportReport) => r.issues.filter((i) => i.severity === 'warning').map((i) => `${i.row}${i.column}: ${i.message}`);
const errors = (r: ImportReport) => r.issues.filter((i) => i.severity === 'error').map((i) => `${i.row}${i.column}: ${i.message}`);
const reading = (r: ImportReport, column: string) => r.readings.find((x) => x.column === column);

describe('text dates, decided per column', () => {
  it('reads 02/21/2026 in a column that can only be month first, with a time of day too, and says why', () => {
    const source = csv('Code,Name,Start\nA-1,Alpha,02/21/2026 14:30\nA-2,Beta,03/04/2026\nA-3,Gamma,12/31/2026\n');
    const { report, project } = run(source, ['code', 'name', 'start'], {}, { dateOrder: 'DMY' });
    expect(errors(report)).toEqual([]);
    expect(project('A-1').start).toBe('2026-02-21');
    expect(project('A-2').start).toBe('2026-03-04');
    expect(project('A-3').start).toBe('2026-12-31');
    expect(reading(report, 'C')).toMatchObject({ what: 'date-order', value: 'MDY', basis: 'column', message: "Dates read as month/day/year from this column's dates (02/21/2026 14:30 can only be month first)" });
    expect(warnings(report)).toEqual([]);
  });

  it('reads the file’s own way in a column its dates leave open: the other date columns of a CSV decide', () => {
    const source = csv('Code,Name,Start,Finish\nA-1,Alpha,10/09/2026,02/21/2027\nA-2,Beta,01/05/2026,06/30/2026\n');
    const { report, project } = run(source, ['code', 'name', 'start', 'finish'], {}, { dateOrder: 'DMY' });
    expect(project('A-1').start).toBe('2026-10-09');
    expect(project('A-2').start).toBe('2026-01-05');
    expect(reading(report, 'C')).toMatchObject({ value: 'MDY', basis: 'file-columns', message: "Dates read as month/day/year from the file's other dates (column D “Finish”: 02/21/2027 can only be month first)" });
    expect(warnings(report)).toEqual([]);
  });

  it('reads an open column by the order of the file’s date cells, or its stated language', () => {
    const rows: SourceCell[][] = [['Code', 'Name', 'Start', 'Finish'], ['A-1', 'Alpha', '10/09/2026', { d: '2026-12-31' }]];
    const byFormats = run(book(rows, { dateOrderHint: 'MDY' }), ['code', 'name', 'start', 'finish'], {}, { dateOrder: 'DMY' });
    expect(byFormats.project('A-1').start).toBe('2026-10-09');
    expect(reading(byFormats.report, 'C')).toMatchObject({ basis: 'file-formats', message: "Dates read as month/day/year from the file's date formats (its date cells show month/day/year)" });
    const byLocale = run(book(rows, { format: 'ods', locale: 'en-GB' }), ['code', 'name', 'start', 'finish'], {}, { dateOrder: 'MDY' });
    expect(byLocale.project('A-1').start).toBe('2026-09-10');
    expect(reading(byLocale.report, 'C')).toMatchObject({ basis: 'file-locale', message: "Dates read as day/month/year from the file's language (en-GB)" });
    expect(warnings(byLocale.report)).toEqual([]);
  });

  it('when nothing decides: the workbook setting, one warning that leads to the choice, and every such date listed with both readings', () => {
    const source = csv('Code,Name,Start\nA-1,Alpha,10/09/2026\nA-2,Beta,2026-05-01\nA-3,Gamma,03/04/2026\n');
    const { report, project } = run(source, ['code', 'name', 'start'], {}, { dateOrder: 'DMY' });
    expect(project('A-1').start).toBe('2026-09-10');
    expect(reading(report, 'C')).toMatchObject({ value: 'DMY', basis: 'setting', message: 'Dates read as day/month/year from the workbook setting' });
    expect(warnings(report)).toEqual([
      '1C: 2 dates such as 10/09/2026 could be day/month or month/day; read as day/month/year from the workbook setting. Choose the date order if that is wrong.',
      '2C: 10/09/2026 read as 10 Sep 2026; month first it would be 9 Oct 2026',
      '4C: 03/04/2026 read as 3 Apr 2026; month first it would be 4 Mar 2026',
    ]);
    expect(report.counts.warnings).toBe(3);
  });

  it('a chosen order for the sheet settles the open columns and leaves the decided ones alone', () => {
    const source = csv('Code,Name,Start,Finish\nA-1,Alpha,10/09/2026,25/12/2026\n');
    const { report, project } = run(source, ['code', 'name', 'start', 'finish'], { dateOrder: 'MDY' }, { dateOrder: 'DMY' });
    // Finish can only be day first; Start is open and the sheet's choice reads it, not Finish's order.
    expect(project('A-1')).toMatchObject({ start: '2026-10-09', finish: '2026-12-25' });
    expect(reading(report, 'C')).toMatchObject({ basis: 'choice', value: 'MDY' });
    expect(reading(report, 'D')).toMatchObject({ basis: 'column', value: 'DMY' });
    expect(warnings(report)).toEqual([]);
  });

  it('lists 200 dates that read both ways one by one and the rest in one line', () => {
    const lines = ['Code,Name,Start'];
    // 250 different dates (one year each), all reading both ways; one of them on two rows.
    for (let i = 1; i <= 250; i++) lines.push(`A-${i},Project ${i},0${(i % 9) + 1}/0${((i + 1) % 9) + 1}/${1800 + i}`);
    lines.push('A-251,Project 251,02/03/1801');
    const { report } = run(csv(lines.join('\n')), ['code', 'name', 'start']);
    const w = warnings(report);
    expect(w[0]).toMatch(/^1C: 251 dates such as 02\/03\/1801 could be/);
    expect(w).toHaveLength(1 + 200 + 1);
    expect(w[1]).toBe('2C: 02/03/1801 read as 2 Mar 1801; month first it would be 3 Feb 1801 (and 1 more row like it)');
    expect(w[200]).toMatch(/^201C: /);
    expect(w[201]).toBe('202C: 50 more dates that read both ways in rows 202–251, also read as day/month/year');
  });

  it('reads written-out dates in five languages in one column', () => {
    const source = csv('Code,Name,Start\nA-1,Alpha,7. April 2027\nA-2,Beta,4 mars 2026\nA-3,Gamma,"Mar 4, 2026"\nA-4,Delta,4-Mar-26\nA-5,Eps,4 de marzo de 2026\nA-6,Zeta,4 maart 2026\nA-7,Eta,"Montag, 7. April 2027"\n');
    const { report, project } = run(source, ['code', 'name', 'start']);
    expect(errors(report)).toEqual([]);
    expect(['A-1', 'A-2', 'A-3', 'A-4', 'A-5', 'A-6', 'A-7'].map((c) => project(c).start)).toEqual(['2027-04-07', '2026-03-04', '2026-03-04', '2026-03-04', '2026-03-04', '2026-03-04', '2027-04-07']);
  });
});

describe('serial numbers in a text file’s date column', () => {
  it('reads 46322 as the spreadsheet date, with a warning, and refuses numbers outside the dates range', () => {
    const source = csv('Code,Name,Start,Finish\nA-1,Alpha,46322,46387.5\nA-2,Beta,123,2026-12-31\n');
    const { report, project } = run(source, ['code', 'name', 'start', 'finish']);
    expect(project('A-1')).toMatchObject({ start: '2026-10-27', finish: '2026-12-31' });
    expect(warnings(report)).toContain('2C: 46322 read as the spreadsheet date 2026-10-27');
    expect(errors(report)).toEqual(['3C: Start is the number 123, not a date; left empty']);
  });
});

describe('numbers from other programs', () => {
  it('rounds float noise in money away, as text and as a number, and still refuses a real third decimal', () => {
    const source = book([
      ['Code', 'Name', 'Budget', 'Forecast'],
      ['A-1', 'Alpha', '83700.990000000000002', 83700.99000000001],
      ['A-2', 'Beta', '12.349999999999999', '1,234.560000000001'],
      ['A-3', 'Gamma', '10.005', 10.005],
    ]);
    const { report, project } = run(source, ['code', 'name', 'budget', 'forecastCost']);
    expect(project('A-1')).toMatchObject({ budget: 8_370_099, forecastCost: 8_370_099 });
    expect(project('A-2')).toMatchObject({ budget: 1_235, forecastCost: 123_456 });
    expect(project('A-3').budget ?? null).toBeNull();
    expect(errors(report)).toEqual(['4C: Budget has more than two decimals; left empty', '4D: Forecast (EAC) has more than two decimals; left empty']);
  });

  it('reads a % complete column of fractions (Gnumeric’s 1 for 100 %) as fractions, saying so once', () => {
    const source = csv('Code,Name,% complete\nA-1,Alpha,1\nA-2,Beta,0.45\nA-3,Gamma,0\nA-4,Delta,\n');
    const { report, project } = run(source, ['code', 'name', 'percentComplete']);
    expect(['A-1', 'A-2', 'A-3'].map((c) => project(c).percentComplete)).toEqual([100, 45, 0]);
    expect(warnings(report)).toEqual(['1C: Numbers read as fractions, 1 as 100 % and 0.45 as 45 %: every number in it is between 0 and 1']);
    expect(reading(report, 'C')).toMatchObject({ what: 'percent', value: 'fraction' });
  });

  it('reads a column of percentages as percentages, 1 as 1 % and 0.5 as 0.5 %, and a formatted column as it is', () => {
    const plain = run(csv('Code,Name,% complete\nA-1,Alpha,45\nA-2,Beta,1\nA-3,Gamma,0.5\nA-4,Delta,30%\n'), ['code', 'name', 'percentComplete']);
    expect(['A-1', 'A-2', 'A-3', 'A-4'].map((c) => plain.project(c).percentComplete)).toEqual([45, 1, 0.5, 30]);
    expect(warnings(plain.report)).toEqual(['1C: Numbers read as percentages, 45 as 45 % and 0.5 as 0.5 %, as some are above 1']);
    const formatted = run(book([['Code', 'Name', '% complete'], ['A-1', 'Alpha', { n: 1, pct: true }], ['A-2', 'Beta', { n: 0.45, pct: true }], ['A-3', 'Gamma', 1]]), ['code', 'name', 'percentComplete']);
    expect(['A-1', 'A-2', 'A-3'].map((c) => formatted.project(c).percentComplete)).toEqual([100, 45, 100]);
  });
});
