import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../model/workbook';
import { analyseWorkbook } from './analyse';
import { applyMappingFile, COLUMN_KEYS, SHEET_KEYS, type MappingFileResult } from './mapping-file';
import type { SourceCell, SourceSheet, SourceWorkbook } from './source';

function sheet(name: string, rows: SourceCell[][]): SourceSheet {
  return { name, rows, width: Math.max(...rows.map((r) => r.length)), merges: [], hidden: false };
}

const source: SourceWorkbook = {
  fileName: 'client.xlsx',
  format: 'xlsx',
  date1904: false,
  notes: [],
  sheets: [
    sheet('Portfolio', [
      ['Proj #', 'Proj Name', 'PM', 'Go-live', 'Budget (k)', 'Notes'],
      ['PRJ-001', 'CRM replacement', 'Ann Lee', '30/06/2026', 120, 'x'],
      ['PRJ-002', 'New intranet', 'Bo Chen', '15/09/2026', 80, 'y'],
    ]),
    sheet('Dates', [
      ['Project', 'Milestone', 'Due'],
      ['PRJ-001', 'Go live', '01/07/2026'],
    ]),
  ],
};
const settings = defaultSettings('Test');
const proposals = analyseWorkbook(source, settings, []);
const apply = (json: unknown) => applyMappingFile(json, proposals, { fileName: 'map.json', settings, customFields: [], source });

function ok(r: MappingFileResult) {
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.proposals;
}
function errors(r: MappingFileResult) {
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}
const fieldOf = (ps: ReturnType<typeof ok>, sheetName: string, header: string) => {
  const p = ps.find((x) => x.sheet === sheetName)!;
  return p.mapping.columns.find((c) => c.column === p.headers.indexOf(header))?.field ?? null;
};

describe('applyMappingFile', () => {
  it('sets kind, date order and columns (string, null or object) of the listed sheets and leaves the others out', () => {
    const ps = ok(apply({ sheets: [{ sheet: 'Portfolio', kind: 'project', dateOrder: 'MDY', columns: { pm: 'sponsor', 'Budget (k)': { field: 'budget', scale: 1000 }, 'Proj Name': null } }] }));
    const p = ps.find((x) => x.sheet === 'Portfolio')!;
    expect(p.include).toBe(true);
    expect(p.mapping.dateOrder).toBe('MDY');
    expect(fieldOf(ps, 'Portfolio', 'PM')).toBe('sponsor');
    expect(fieldOf(ps, 'Portfolio', 'Proj Name')).toBeNull();
    expect(p.mapping.columns.find((c) => c.column === 4)).toMatchObject({ field: 'budget', scale: 1000 });
    // Unlisted columns keep the analysis's suggestion; unlisted sheets are not imported.
    expect(fieldOf(ps, 'Portfolio', 'Proj #')).toBe('code');
    expect(ps.find((x) => x.sheet === 'Dates')!.include).toBe(false);
    // The input proposals are not changed.
    expect(proposals.find((x) => x.sheet === 'Portfolio')!.mapping.dateOrder).toBeUndefined();
  });

  it('moves a field off the column the analysis had given it, and include: false leaves a listed sheet out', () => {
    const before = proposals.find((x) => x.sheet === 'Portfolio')!;
    expect(before.mapping.columns.find((c) => c.column === 2)?.field).toBe('manager');
    const ps = ok(apply({ sheets: [{ sheet: 'Portfolio', columns: { Notes: 'manager' } }, { sheet: 'Dates', include: false }] }));
    expect(fieldOf(ps, 'Portfolio', 'Notes')).toBe('manager');
    expect(fieldOf(ps, 'Portfolio', 'PM')).toBeNull();
    expect(ps.find((x) => x.sheet === 'Dates')!.include).toBe(false);
  });

  it('a kind changed by the file clears the fields the new kind does not have', () => {
    const ps = ok(apply({ sheets: [{ sheet: 'Portfolio', kind: 'milestone', columns: { 'Proj Name': 'name' } }] }));
    const p = ps.find((x) => x.sheet === 'Portfolio')!;
    expect(p.kind).toBe('milestone');
    expect(p.mapping.kind).toBe('milestone');
    expect(fieldOf(ps, 'Portfolio', 'Proj Name')).toBe('name');
    expect(fieldOf(ps, 'Portfolio', 'PM')).toBeNull();
  });

  it('lists every problem, each naming the file and the key', () => {
    const errs = errors(
      apply({
        sheet: [],
        sheets: [
          { sheet: 'Portfolio', colums: {}, kind: 'projects', dateOrder: 'DDMMYY', include: 'yes', columns: { PM: 'nonsense', Nope: 'name', Budget: 'budget', 'Proj Name': { field: 'name', scal: 1000 }, Notes: { scale: -1 }, 'Go-live': 7 } },
          { sheet: 'Missing' },
          { kind: 'project' },
          'Portfolio',
        ],
      }),
    );
    expect(errs).toEqual(
      expect.arrayContaining([
        'map.json: unknown key "sheet" (the file takes "sheets")',
        expect.stringMatching(/^map\.json: sheets\[0\]: unknown key "colums" \(a sheet entry takes "sheet", "kind", .*"columns"/),
        expect.stringMatching(/^map\.json: sheets\[0\]\.kind: kind must be one of project, milestone/),
        'map.json: sheets[0].dateOrder: dateOrder must be DMY, MDY or YMD (got "DDMMYY")',
        'map.json: sheets[0].include: include must be true or false',
        expect.stringMatching(/^map\.json: sheets\[0\]\.columns\["PM"\]: "nonsense" is not a project field \(fields: .*manager/),
        expect.stringMatching(/^map\.json: sheets\[0\]\.columns\["Nope"\]: no column headed "Nope" \(headers: Proj #, Proj Name/),
        expect.stringMatching(/^map\.json: sheets\[0\]\.columns\["Budget"\]: no column headed/),
        `map.json: sheets[0].columns["Proj Name"]: unknown key "scal" (a column entry takes ${Object.keys(COLUMN_KEYS).map((k) => `"${k}"`).join(', ')})`,
        'map.json: sheets[0].columns["Notes"]: needs "field" (a field name, or null to ignore the column)',
        'map.json: sheets[0].columns["Go-live"]: must be a field name, null (ignore the column) or an object { "field": … }',
        'map.json: sheets[1].sheet: the file has no sheet "Missing" (it has "Portfolio", "Dates")',
        'map.json: sheets[2]: needs "sheet" (a sheet name)',
        'map.json: sheets[3]: must be an object { "sheet": … }',
      ]),
    );
    expect(errs).toHaveLength(14);
  });

  it('a bad scale, a sheet listed twice and a file that is not { sheets } are refused', () => {
    expect(errors(apply({ sheets: [{ sheet: 'Portfolio', columns: { 'Budget (k)': { field: 'budget', scale: 0 } } }] }))).toEqual([
      'map.json: sheets[0].columns["Budget (k)"].scale: scale must be a positive number (1000 for "£k", 1000000 for "$M")',
    ]);
    expect(errors(apply({ sheets: [{ sheet: 'Portfolio' }, { sheet: 'portfolio' }] }))).toEqual(['map.json: sheets[1].sheet: sheet "Portfolio" is listed twice']);
    expect(errors(apply([]))).toEqual(['map.json: expected { "sheets": [ … ] }']);
    expect(errors(apply({ sheets: {} }))).toEqual(['map.json: expected { "sheets": [ … ] }']);
  });

  it('the key tables are what the messages list, so a new key is one entry', () => {
    expect(Object.keys(SHEET_KEYS).slice(0, 5)).toEqual(['sheet', 'kind', 'include', 'dateOrder', 'columns']);
    expect(Object.keys(COLUMN_KEYS).slice(0, 2)).toEqual(['field', 'scale']);
  });
});
