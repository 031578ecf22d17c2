import { describe, expect, it } from 'vitest';
import { WorkbookState } from '../commands/state';
import { planNewWorkbook } from '../commands/new-workbook';
import { applyPlan } from '../commands/plan';
import { testClock, tinyWorkbook } from '../../test/helpers/tiny-workbook';
import { defaultSettings } from '../model/workbook';
import { analyseWorkbook, type SheetProposal } from './analyse';
import { planImport, validateImport, type SheetMapping } from './import';
import { applyMappingFile } from './mapping-file';
import { fieldsFor } from './fields';
import { columnValues, LISTED, valueChoicesFor, valueMapper } from './value-map';
import type { SourceCell, SourceSheet, SourceWorkbook } from './source';

function setup() {
  const clock = testClock();
  const p = planNewWorkbook(tinyWorkbook(), { ...clock, origin: 'create', label: 'New' });
  return { clock, state: new WorkbookState(p.workbook, p.rows) };
}

function sheet(name: string, rows: SourceCell[][]): SourceSheet {
  return { name, rows, width: Math.max(...rows.map((r) => r.length)), merges: [], hidden: false };
}

function book(...sheets: SourceSheet[]): SourceWorkbook {
  return { fileName: 'client.xlsx', format: 'xlsx', date1904: false, sheets, notes: [] };
}

const portfolio = sheet('Projekte', [
  ['Projektnummer', 'Projektname', 'Phase', 'Ampel', 'Priorität', 'Archiviert'],
  ['X-1', 'Alpha', 'In Flight', 'grün', 'Hoch', 'nein'],
  ['X-2', 'Beta', 'Genehmigt', 'Y', 'Niedrig', 'ja'],
  ['X-3', 'Gamma', 'In Flight', 'rot', 'P1', 'nein'],
  ['X-4', 'Delta', 'Stalled', 'Purple', 'Medium', 'nein'],
  ['X-5', 'Epsilon', 'In progress', 'G', 'Medium', 'nein'],
]);

const settings = defaultSettings('Values');

describe('value choices', () => {
  it('lists the distinct values of every mapped column with fixed values, unknown ones first', () => {
    const [p] = analyseWorkbook(book(portfolio), settings, []);
    expect(p!.mapping.columns.map((c) => c.field)).toEqual(['code', 'name', 'stage', 'rag.overall', 'priority', 'archived']);
    const byField = new Map(p!.valueChoices!.map((v) => [v.field, v]));
    expect([...byField.keys()]).toEqual(['stage', 'rag.overall', 'priority', 'archived']);
    expect(byField.get('stage')).toEqual({
      field: 'stage',
      column: 2,
      more: 0,
      values: [
        { source: 'Stalled', count: 1, suggested: null, how: 'unknown' },
        { source: 'In Flight', count: 2, suggested: 'in-progress', how: 'synonym' },
        { source: 'Genehmigt', count: 1, suggested: 'approved', how: 'synonym' },
        { source: 'In progress', count: 1, suggested: 'in-progress', how: 'exact' },
      ],
    });
    expect(byField.get('rag.overall')!.values.map((v) => [v.source, v.suggested, v.how])).toEqual([
      ['Purple', null, 'unknown'],
      ['grün', 'G', 'synonym'],
      ['rot', 'R', 'synonym'],
      ['Y', 'A', 'synonym'],
      ['G', 'G', 'exact'],
    ]);
    expect(byField.get('archived')!.values.map((v) => [v.source, v.count, v.suggested])).toEqual([
      ['nein', 4, 'false'],
      ['ja', 1, 'true'],
    ]);
  });

  it('caps the list and says how many more, and gives none for a column of free text', () => {
    const rows: SourceCell[][] = [['Code', 'Name', 'Stage']];
    for (let i = 0; i < 120; i++) rows.push([`C-${i}`, `Project ${i}`, `Stage word ${i % 80}`]);
    const s = sheet('Many', rows);
    const fields = fieldsFor('project', settings, []);
    const values = columnValues(s, 1, rows.length - 1, new Set(), [0, 1, 2]);
    expect(values.find((v) => v.column === 2)!.values).toHaveLength(80);
    const choices = valueChoicesFor('project', [{ column: 2, field: 'stage' }, { column: 0, field: 'priority' }], values, fields);
    expect(choices[0]!.values).toHaveLength(LISTED);
    expect(choices[0]!.more).toBe(80 - LISTED);
    // 120 codes are more than a list of values: past 200 distinct ones the column is not followed.
    const wide: SourceCell[][] = [['Code']];
    for (let i = 0; i < 300; i++) wide.push([`C-${i}`]);
    const cv = columnValues(sheet('Wide', wide), 1, 300, new Set(), [0]);
    expect(cv[0]).toEqual({ column: 0, values: [], overflow: true });
    expect(valueChoicesFor('project', [{ column: 0, field: 'priority' }], cv, fields)[0]).toMatchObject({ tooMany: true, values: [] });
  });

  it('splits a multi-valued custom list into its items', () => {
    const custom = [{ id: 'cf-1', entity: 'project' as const, name: 'Regions', type: 'multiselect' as const, options: ['North', 'South', 'East'], order: 0, createdAt: '', updatedAt: '', version: 1 }];
    const fields = fieldsFor('project', settings, custom as never);
    const key = fields.find((f) => f.label === 'Regions')!.key;
    const s = sheet('P', [['Regions'], ['North; Süd'], ['north, East'], ['Süd']]);
    const [c] = valueChoicesFor('project', [{ column: 0, field: key }], columnValues(s, 1, 3, new Set(), [0]), fields);
    expect(c!.values.map((v) => [v.source, v.count, v.how])).toEqual([
      ['Süd', 2, 'unknown'],
      ['East', 1, 'exact'],
      ['north', 1, 'exact'],
      ['North', 1, 'exact'],
    ]);
    const map = valueMapper(fields.find((f) => f.key === key)!, { Süd: 'South', East: null })!;
    expect(map('North; Süd')).toBe('North; South');
    expect(map('north, East')).toBe('north');
    expect(map('East')).toBeNull();
    expect(map('North')).toBeUndefined();
  });
});

describe('value mapping in the import', () => {
  const mapping = (values: SheetMapping['values']): SheetMapping => ({
    sheet: portfolio.name,
    kind: 'project',
    headerRow: 0,
    firstDataRow: 1,
    lastDataRow: portfolio.rows.length - 1,
    columns: ['code', 'name', 'stage', 'rag.overall', 'priority', 'archived'].map((field, column) => ({ column, field })),
    ...(values ? { values } : {}),
  });

  it('reads synonyms without a mapping and applies an explicit choice first; null leaves the field empty without an error', () => {
    const { state, clock } = setup();
    const plain = planImport(state, book(portfolio), [mapping(undefined)], { today: '2026-05-01', newId: clock.newId });
    const errors = plain.report.issues.filter((i) => i.severity === 'error').map((i) => `${i.row}${i.column}`);
    expect(errors).toEqual(['5C', '5D']); // "Stalled" and "Purple" mean nothing to us
    expect(plain.report.issues.find((i) => i.row === 2 && i.column === 'C')).toMatchObject({ severity: 'warning', message: expect.stringMatching(/^"In Flight" read as In progress/) });

    const chosen = planImport(state, book(portfolio), [mapping({ stage: { Stalled: 'on-hold', 'In Flight': 'approved' }, 'rag.overall': { Purple: null } })], { today: '2026-05-01', newId: clock.newId });
    expect(chosen.report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // The explicit choice wins over the vocabulary, and gives no warning.
    expect(chosen.report.issues.find((i) => i.row === 2 && i.column === 'C')).toBeUndefined();
    const { result } = validateImport(state, chosen, { ...clock, origin: 'import', label: 'Import' });
    applyPlan(state, result.plan!);
    const byCode = new Map(state.all('project').map((p) => [p.code, p]));
    expect(byCode.get('X-1')).toMatchObject({ stage: 'approved', rag: { overall: 'G' }, priority: 'high', archived: false });
    expect(byCode.get('X-2')).toMatchObject({ stage: 'approved', rag: { overall: 'A' }, priority: 'low', archived: true });
    expect(byCode.get('X-3')).toMatchObject({ stage: 'approved', rag: { overall: 'R' }, priority: 'critical' });
    expect(byCode.get('X-4')).toMatchObject({ stage: 'on-hold', priority: 'medium' });
    expect(byCode.get('X-4')!.rag.overall).toBeNull();
  });

  it('matches a choice by its words when the case or spacing differs, and keeps it with the remembered layout', () => {
    const { state, clock } = setup();
    const plan = planImport(state, book(portfolio), [mapping({ stage: { stalled: 'cancelled' } })], { today: '2026-05-01', newId: clock.newId });
    const { result } = validateImport(state, plan, { ...clock, origin: 'import', label: 'Import' });
    applyPlan(state, result.plan!);
    expect(state.all('project').find((p) => p.code === 'X-4')!.stage).toBe('cancelled');

    const [first] = analyseWorkbook(book(portfolio), settings, []);
    const remembered = { kind: 'project' as const, columns: first!.mapping.columns.map((c) => ({ header: first!.headers[c.column]!, field: c.field })), values: { stage: { Stalled: 'on-hold' } } };
    const [again] = analyseWorkbook(book(portfolio), settings, [], (layout) => (layout === first!.layout ? remembered : undefined));
    expect(again!.mapping.values).toEqual({ stage: { Stalled: 'on-hold' } });
  });
});

describe('mapping file values', () => {
  const proposals: SheetProposal[] = analyseWorkbook(book(portfolio), settings, []);
  const apply = (values: unknown) => applyMappingFile({ sheets: [{ sheet: 'Projekte', values }] }, proposals, { fileName: 'map.json', settings, customFields: [] });

  it('sets values by our value or label, null for empty, true and false for yes/no', () => {
    const r = apply({ stage: { 'In Flight': 'in-progress', Stalled: 'On hold', Cancelled: null }, archived: { nein: false, ja: true } });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.proposals[0]!.mapping.values).toEqual({ stage: { 'In Flight': 'in-progress', Stalled: 'on-hold', Cancelled: null }, archived: { nein: 'false', ja: 'true' } });
  });

  it('names the file and key of an unknown field or value', () => {
    const r = apply({ stag: { x: 'closed' }, name: { x: 'y' }, stage: { 'In Flight': 'flying', Stalled: 3 }, priority: 'high' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      expect.stringMatching(/^map\.json: sheets\[0\]\.values\["stag"\]: "stag" is not a project field with fixed values \(fields: stage, rag\.overall/),
      expect.stringMatching(/^map\.json: sheets\[0\]\.values\["name"\]: "name" is not a project field with fixed values/),
      'map.json: sheets[0].values["stage"]["In Flight"]: "flying" is not a value of Stage (values: "idea", "proposed", "approved", "in-progress", "on-hold", "closed", "cancelled", or null to leave it empty)',
      'map.json: sheets[0].values["stage"]["Stalled"]: 3 is not a value of Stage (values: "idea", "proposed", "approved", "in-progress", "on-hold", "closed", "cancelled", or null to leave it empty)',
      expect.stringMatching(/^map\.json: sheets\[0\]\.values\["priority"\]: must be an object of "value in the file" → one of "critical", "high", "medium", "low", or null to leave Priority empty$/),
    ]);
    expect(apply([]).ok).toBe(false);
  });
});
