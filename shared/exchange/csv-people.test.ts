// The two CSVs: for re-import (a formula-like text gets an apostrophe, which the importer drops)
// and for people (no apostrophe; formula-like cells left empty and named). And what LibreOffice
// and Gnumeric really do with each, as the export dialog and README say.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { describeCsvLeftOut, toCsv, toCsvForPeople } from './csv-write';
import { csvTable } from './export';
import { WorkbookState } from '../commands/state';
import { planNewWorkbook } from '../commands/new-workbook';
import { buildDemoWorkbook } from '../demo/demo';
import { createIdGenerator } from '../util/ids';
import { readSpreadsheet } from './read/read';

describe('CSV for people', () => {
  it('writes text as it is, leaves formula-like cells empty and names them', () => {
    const { text, leftOut } = toCsvForPeople(
      ['Name', 'Note', 'Amount'],
      [
        ['Alpha', '=HYPERLINK("http://x")', -5],
        ['Beta', "'quoted", 1.5],
        ['+44 20 7946 0000', '-5%', null],
        ['@SUM(A1)', '\tindented', '- bullet'],
        ['plain', 'line\nbreak', 'x'],
      ],
    );
    expect(text).toBe('Name,Note,Amount\r\nAlpha,,-5\r\nBeta,\'quoted,1.5\r\n,-5%,\r\n,,\r\nplain,"line\nbreak",x\r\n');
    expect(leftOut).toEqual([
      { line: 2, column: 'B', header: 'Note', value: '=HYPERLINK("http://x")' },
      { line: 4, column: 'A', header: 'Name', value: '+44 20 7946 0000' },
      { line: 5, column: 'A', header: 'Name', value: '@SUM(A1)' },
      { line: 5, column: 'B', header: 'Note', value: '\tindented' },
      { line: 5, column: 'C', header: 'Amount', value: '- bullet' },
    ]);
    expect(describeCsvLeftOut(leftOut, 2)).toBe(
      '5 cells were left empty because a spreadsheet would run them as formulas (they start with =, +, -, @ or a tab): line 2 Note "=HYPERLINK(\\"http://x\\")", line 4 Name "+44 20 7946 0000" and 3 more. Export “CSV for re-import” or to Excel (.xlsx) to keep them.',
    );
    expect(describeCsvLeftOut([])).toBeNull();
  });

  it('the CSV for re-import keeps the same cells behind an apostrophe', () => {
    const rows = [['=1+1', '-5 days', '@x', '\tTab']];
    const csv = toCsv(['a', 'b', 'c', 'd'], rows);
    expect(csv).toBe("a,b,c,d\r\n'=1+1,'-5 days,'@x,'\tTab\r\n");
  });

  it('a workbook exported for people has no id column and no apostrophes', () => {
    const clock = { newId: createIdGenerator({ now: () => Date.UTC(2026, 10, 21), random: Math.random }), now: () => '2026-11-21T09:00:00.000Z' };
    const data = buildDemoWorkbook({ today: '2026-11-21' });
    data.records.project[0]!.description = '=cmd|"/c calc"!A1';
    data.records.project[1]!.description = '- first point\n- second point';
    const p = planNewWorkbook(data, { ...clock, origin: 'demo', label: 'Demo' });
    const state = new WorkbookState(p.workbook, p.rows);
    const forImport = csvTable(state, 'project', '2026-11-21');
    const forPeople = csvTable(state, 'project', '2026-11-21', { ids: false });
    expect(forImport.header.at(-1)).toBe('Record id (do not edit)');
    expect(forPeople.header).toEqual(forImport.header.slice(0, -1));
    const { text, leftOut } = toCsvForPeople(forPeople.header, forPeople.rows, { bom: true });
    expect(text).not.toContain("'=");
    expect(leftOut.map((l) => l.value)).toEqual(['=cmd|"/c calc"!A1', '- first point\n- second point']);
    const read = readSpreadsheet(new TextEncoder().encode(text), 'Projects.csv');
    expect(read.ok).toBe(true);
  });
});

const SOFFICE = process.env['SOFFICE'] || 'soffice';
const SSCONVERT = process.env['SSCONVERT'] || 'ssconvert';
const has = (cmd: string) => spawnSync(cmd, ['--version'], { encoding: 'utf8', timeout: 60_000 }).status === 0;
const programs = { libreoffice: has(SOFFICE), gnumeric: has(SSCONVERT) };
if (process.env['CI'] && !(programs.libreoffice && programs.gnumeric)) throw new Error('LibreOffice (soffice) and Gnumeric (ssconvert) are required in CI: .ci/run installs them');

/**
 * The CSV opened by the program and saved as .xlsx; its first sheet's cells as SheetJS reads
 * them (value, formula). LibreOffice is told the file is UTF-8 with commas, as its import
 * dialog would be set.
 */
function openedBy(program: 'libreoffice' | 'gnumeric', csv: string, dir: string): Record<string, { v: unknown; f?: string }> {
  const src = join(dir, `${program}.csv`);
  writeFileSync(src, csv);
  const out = join(dir, `${program}.xlsx`);
  const r =
    program === 'libreoffice'
      ? spawnSync(SOFFICE, [`-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile')).href}`, '--headless', '--norestore', '--infilter=CSV:44,34,76', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', dir, src], { encoding: 'utf8', timeout: 300_000 })
      : spawnSync(SSCONVERT, [src, out], { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`${program}: ${r.stderr}`);
  const ws = XLSX.read(readFileSync(out), { type: 'buffer', cellFormula: true }).Sheets['Sheet1'] ?? Object.values(XLSX.read(readFileSync(out), { type: 'buffer', cellFormula: true }).Sheets)[0]!;
  const cells: Record<string, { v: unknown; f?: string }> = {};
  for (const k of Object.keys(ws)) if (!k.startsWith('!')) cells[k] = { v: ws[k].v, ...(ws[k].f ? { f: ws[k].f } : {}) };
  return cells;
}

describe('what the programs do with each CSV (the export dialog and README say this)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pmo-csv-'));
  const header = ['Text'];
  const rows = [['=1+1'], ['+44 20'], ['plain']];

  it.skipIf(!programs.libreoffice)('LibreOffice shows the apostrophe of the CSV for re-import as part of the text, and runs none of it', () => {
    const cells = openedBy('libreoffice', toCsv(header, rows, { bom: true }), dir);
    expect(cells['A2']).toEqual({ v: "'=1+1" });
    expect(cells['A3']).toEqual({ v: "'+44 20" });
    expect(cells['A4']).toEqual({ v: 'plain' });
  }, 300_000);

  it.skipIf(!programs.gnumeric)('Gnumeric hides the apostrophe of the CSV for re-import (reads it as "this is text")', () => {
    const cells = openedBy('gnumeric', toCsv(header, rows, { bom: true }), dir);
    expect(cells['A2']).toEqual({ v: '=1+1' });
    expect(cells['A3']).toEqual({ v: '+44 20' });
  }, 300_000);

  for (const program of ['libreoffice', 'gnumeric'] as const) {
    it.skipIf(!programs[program])(`${program}: the CSV for people shows the text as it is and has no formula to run`, () => {
      const { text, leftOut } = toCsvForPeople(header, [...rows, ['Don’t – “quoted”, 中文']], { bom: true });
      expect(leftOut).toHaveLength(2);
      const cells = openedBy(program, text, dir);
      expect(Object.values(cells).filter((c) => c.f)).toEqual([]);
      expect(cells['A4']).toEqual({ v: 'plain' });
      expect(cells['A5']).toEqual({ v: 'Don’t – “quoted”, 中文' });
    }, 300_000);
  }

  it('cleans up', () => rmSync(dir, { recursive: true, force: true }));
});
