// Paste, fill down and copy: bad cells refused one by one, new rows, calculated columns, selections, copy-paste no-op.
import { describe, expect, it } from 'vitest';
import { copyRange, planFillDown, planPaste, type PasteArgs } from './paste';
import { buildRows } from './pipeline';
import { toTsv } from './tsv';
import type { ColumnContext, ColumnDef, DisplayRow, Option, OptionSource } from './types';
import { defaultSettings } from '../model/workbook';

interface Row {
  id: string;
  code: string;
  name: string;
  programmeId: string | null;
  objectiveIds: string[];
  start: string | null;
  budget: number | null;
  rag: { overall: string | null };
}

const SOURCES: Record<OptionSource, Option[]> = {
  programme: [
    { value: 'pg-1', label: 'Digital' },
    { value: 'pg-2', label: 'Operations' },
  ],
  objective: [
    { value: 'ob-1', label: 'Grow revenue' },
    { value: 'ob-2', label: 'Cut cost' },
  ],
  role: [],
  resource: [],
  project: [],
  person: [],
};
const ctx: ColumnContext = { settings: defaultSettings('Test'), today: '2026-04-03', options: (s) => SOURCES[s], openRisks: (id) => (id === 'p-1' ? 3 : 0), countOf: () => 0 };

const COLUMNS: ColumnDef<Row>[] = [
  { id: 'code', header: 'Code', type: 'text', field: 'code', editable: true, required: true, get: (r) => r.code },
  { id: 'name', header: 'Name', type: 'text', field: 'name', editable: true, required: true, get: (r) => r.name },
  { id: 'programmeId', header: 'Programme', type: 'reference', options: 'programme', field: 'programmeId', editable: true, groupable: true, get: (r) => r.programmeId },
  { id: 'start', header: 'Start', type: 'date', field: 'start', editable: true, get: (r) => r.start },
  { id: 'budget', header: 'Budget', type: 'money', field: 'budget', editable: true, aggregate: 'sum', get: (r) => r.budget },
  { id: 'rag.overall', header: 'RAG', type: 'rag', field: 'rag.overall', editable: true, get: (r) => r.rag.overall },
  { id: 'calc.risks', header: 'Open risks', type: 'integer', editable: false, get: (r, c) => c.openRisks(r.id) },
  { id: 'objectiveIds', header: 'Objectives', type: 'references', options: 'objective', field: 'objectiveIds', editable: true, groupable: true, get: (r) => r.objectiveIds },
];
const col = (id: string) => COLUMNS.findIndex((c) => c.id === id);

function record(n: number, extra: Partial<Row> = {}): Row {
  return { id: `p-${n}`, code: `PRJ-${String(n).padStart(3, '0')}`, name: `Project ${n}`, programmeId: null, objectiveIds: [], start: null, budget: null, rag: { overall: null }, ...extra };
}
const flat = (records: Row[]): DisplayRow<Row>[] => records.map((r) => ({ kind: 'record', rowId: r.id, id: r.id, record: r }));
const newRecord = (n: number) => ({ code: `NEW-${n}`, name: `New project ${n + 1}`, stage: 'idea', rag: { overall: null, schedule: null } });
const paste = (over: Partial<PasteArgs<Row>> & { text: string; rows: DisplayRow<Row>[] }) => planPaste<Row>({ anchor: { row: 0, col: 0 }, columns: COLUMNS, ctx, entity: 'project', newRecord, ...over });

describe('planPaste', () => {
  it('a 20×6 block with one impossible date: that cell refused, the other 119 planned', () => {
    const records = Array.from({ length: 20 }, (_, i) => record(i));
    const block = records.map((_, i) => [`Renamed ${i}`, i % 2 ? 'Operations' : 'digital', i === 7 ? '31/02/2026' : `${String(i + 1).padStart(2, '0')}/04/2026`, `£${i + 1},200.50`, ['Green', 'A', 'r'][i % 3]!, i === 3 ? 'Grow revenue; Cut cost' : 'Cut cost']);
    const rows = flat(records);
    const visible = COLUMNS.filter((c) => c.id !== 'calc.risks' && c.id !== 'code');
    const plan = planPaste<Row>({ text: toTsv(block), anchor: { row: 0, col: 0 }, rows, columns: visible, ctx, entity: 'project', newRecord });
    expect(plan.rejected).toEqual([{ row: 7, col: 2, header: 'Start', text: '31/02/2026', reason: 'is not a real date' }]);
    expect(plan.ops).toHaveLength(20);
    expect(plan.cells).toHaveLength(119);
    expect(plan.ops[0]).toEqual({ op: 'update', entity: 'project', id: 'p-0', changes: { name: 'Renamed 0', programmeId: 'pg-1', start: '2026-04-01', budget: 120_050, 'rag.overall': 'G', objectiveIds: ['ob-2'] } });
    expect(plan.ops[3]).toMatchObject({ id: 'p-3', changes: { budget: 420_050, 'rag.overall': 'G', objectiveIds: ['ob-1', 'ob-2'] } });
    expect(plan.ops[7]).toEqual({ op: 'update', entity: 'project', id: 'p-7', changes: { name: 'Renamed 7', programmeId: 'pg-2', budget: 820_050, 'rag.overall': 'A', objectiveIds: ['ob-2'] } });
    expect(plan.cells.filter((c) => c.row === 7).map((c) => c.field)).toEqual(['name', 'programmeId', 'budget', 'rag.overall', 'objectiveIds']);
    expect(plan.cells.find((c) => c.row === 19 && c.col === 3)).toEqual({ opIndex: 19, field: 'budget', row: 19, col: 3 });
    expect(plan).toMatchObject({ ignoredCells: 0, size: { rows: 20, cols: 6 } });
  });

  it('a block taller than the grid creates records after the last row, blank lines skipped', () => {
    const rows = flat([record(1), record(2), record(3)]);
    const text = 'Alpha\tDigital\r\nBeta\tOperations\r\nGamma\t\r\n\t\r\nDelta\tNowhere\r\n\tOperations\r\n';
    const plan = paste({ text, rows, anchor: { row: 1, col: col('name') } });
    expect(plan.ops).toEqual([
      { op: 'update', entity: 'project', id: 'p-2', changes: { name: 'Alpha', programmeId: 'pg-1' } },
      { op: 'update', entity: 'project', id: 'p-3', changes: { name: 'Beta', programmeId: 'pg-2' } },
      { op: 'create', entity: 'project', record: { code: 'NEW-0', name: 'Gamma', stage: 'idea', rag: { overall: null, schedule: null } } },
      { op: 'create', entity: 'project', record: { code: 'NEW-1', name: 'Delta', stage: 'idea', rag: { overall: null, schedule: null } } },
      { op: 'create', entity: 'project', record: { code: 'NEW-2', name: 'New project 3', programmeId: 'pg-2', stage: 'idea', rag: { overall: null, schedule: null } } },
    ]);
    expect(plan.rejected).toEqual([{ row: 5, col: 2, header: 'Programme', text: 'Nowhere', reason: 'has no match for "Nowhere"' }]);
    expect(plan.cells.filter((c) => c.opIndex >= 2)).toEqual([
      { opIndex: 2, field: 'name', row: 3, col: 1 },
      { opIndex: 3, field: 'name', row: 5, col: 1 },
      { opIndex: 4, field: 'programmeId', row: 6, col: 2 },
    ]);
    expect(plan.size).toEqual({ rows: 6, cols: 2 });
  });

  it('writes nested fields of a new record as nested objects', () => {
    const plan = paste({ text: 'X-1\tNew one\t\t\t\tRed', rows: flat([]) });
    expect(plan.ops).toEqual([{ op: 'create', entity: 'project', record: { code: 'X-1', name: 'New one', stage: 'idea', rag: { overall: 'R', schedule: null } } }]);
  });

  it('refuses a different value in a calculated column, accepts the same one silently', () => {
    const rows = flat([record(1), record(2)]);
    const plan = paste({ text: '3\r\n5', rows, anchor: { row: 0, col: col('calc.risks') } });
    expect(plan.rejected).toEqual([{ row: 1, col: col('calc.risks'), header: 'Open risks', text: '5', reason: 'is calculated and cannot be edited' }]);
    expect(plan.ops).toEqual([]);
    const onNew = paste({ text: 'N-1\tName\t\t\t\t\t4', rows: flat([]) });
    expect(onNew.rejected).toEqual([{ row: 0, col: 6, header: 'Open risks', text: '4', reason: 'is calculated and cannot be edited' }]);
    expect(onNew.ops).toHaveLength(1);
  });

  it('drops and counts cells beyond the last column', () => {
    const plan = paste({ text: 'A\tB\tC\r\nD\tE\tF', rows: flat([record(1), record(2)]), anchor: { row: 0, col: COLUMNS.length - 1 } });
    expect(plan.ignoredCells).toBe(4);
    expect(plan.size).toEqual({ rows: 2, cols: 1 });
    expect(plan.rejected.map((r) => r.text)).toEqual(['A', 'D']);
  });

  it('refuses an empty required cell and clears an optional one', () => {
    const rows = flat([record(1, { budget: 500, start: '2026-01-01' })]);
    const plan = paste({ text: '\t\t\t', rows, anchor: { row: 0, col: col('name') } });
    expect(plan.rejected).toEqual([{ row: 0, col: 1, header: 'Name', text: '', reason: 'is required' }]);
    expect(plan.ops).toEqual([{ op: 'update', entity: 'project', id: 'p-1', changes: { start: null, budget: null } }]);
  });

  it('skips group rows, and merges a record listed under two groups into one update', () => {
    const records = [record(1, { objectiveIds: ['ob-1', 'ob-2'] }), record(2, { objectiveIds: ['ob-1'] })];
    const built = buildRows(records, COLUMNS, { columns: [], sort: [], filters: [], groupBy: 'objectiveIds', search: '', showArchived: false }, ctx, new Set());
    expect(built.rows.map((r) => r.rowId)).toEqual(['group:ob-2', 'p-1@ob-2', 'group:ob-1', 'p-1@ob-1', 'p-2@ob-1']);
    const plan = paste({ text: '£1\r\n£2\r\n£3', rows: built.rows, anchor: { row: 0, col: col('budget') } });
    expect(plan.ops).toEqual([
      { op: 'update', entity: 'project', id: 'p-1', changes: { budget: 200 } },
      { op: 'update', entity: 'project', id: 'p-2', changes: { budget: 300 } },
    ]);
    expect(plan.cells.map((c) => [c.opIndex, c.row])).toEqual([[0, 1], [0, 3], [1, 4]]);
  });

  it('a single value fills the whole selection, group rows skipped', () => {
    const rows: DisplayRow<Row>[] = [{ kind: 'group', rowId: 'group:', key: null, label: '(none)', count: 3, totals: {}, collapsed: false }, ...flat([record(1), record(2), record(3)])];
    const plan = paste({ text: '12/05/2026\r\n', rows, anchor: { row: 1, col: col('start') }, selection: { rows: [0, 1, 2, 3], cols: [col('start')] } });
    expect(plan.ops.map((o) => (o.op === 'update' ? [o.id, o.changes] : null))).toEqual([
      ['p-1', { start: '2026-05-12' }],
      ['p-2', { start: '2026-05-12' }],
      ['p-3', { start: '2026-05-12' }],
    ]);
    expect(plan.size).toEqual({ rows: 3, cols: 1 });
    const two = paste({ text: 'Amber', rows, anchor: { row: 1, col: col('start') }, selection: { rows: [1, 2], cols: [col('start'), col('rag.overall')] } });
    expect(two.rejected.map((r) => [r.row, r.header])).toEqual([[1, 'Start'], [2, 'Start']]);
    expect(two.ops.map((o) => (o.op === 'update' ? o.changes : null))).toEqual([{ 'rag.overall': 'A' }, { 'rag.overall': 'A' }]);
  });

  it('a block that fits the selection a whole number of times repeats; one that does not pastes at the anchor', () => {
    const rows = flat([record(1), record(2), record(3), record(4)]);
    const tiled = paste({ text: 'G\r\nR', rows, anchor: { row: 0, col: col('rag.overall') }, selection: { rows: [0, 1, 2, 3], cols: [col('rag.overall')] } });
    expect(tiled.ops.map((o) => (o.op === 'update' ? o.changes['rag.overall'] : null))).toEqual(['G', 'R', 'G', 'R']);
    const odd = paste({ text: 'G\r\nR', rows, anchor: { row: 0, col: col('rag.overall') }, selection: { rows: [0, 1, 2], cols: [col('rag.overall')] } });
    expect(odd.ops.map((o) => (o.op === 'update' ? o.changes['rag.overall'] : null))).toEqual(['G', 'R']);
  });

  it('an empty clipboard plans nothing', () => {
    expect(paste({ text: '', rows: flat([record(1)]) })).toEqual({ ops: [], cells: [], rejected: [], ignoredCells: 0, size: { rows: 0, cols: 0 } });
  });
});

describe('planFillDown', () => {
  it('copies the first row of the range into the others, column by column, skipping calculated and unchanged cells', () => {
    const rows: DisplayRow<Row>[] = [
      ...flat([record(1, { start: '2026-04-03', budget: 120_050, objectiveIds: ['ob-1'], rag: { overall: 'A' } })]),
      { kind: 'group', rowId: 'group:x', key: 'x', label: 'x', count: 2, totals: {}, collapsed: false },
      ...flat([record(2, { budget: 120_050 }), record(3, { start: '2026-01-01' })]),
    ];
    const plan = planFillDown<Row>({ range: { rows: [3, 0, 2], cols: [col('start'), col('budget'), col('calc.risks'), col('objectiveIds'), col('rag.overall')] }, rows, columns: COLUMNS, ctx, entity: 'project' });
    expect(plan.ops).toEqual([
      { op: 'update', entity: 'project', id: 'p-2', changes: { start: '2026-04-03', 'rag.overall': 'A', objectiveIds: ['ob-1'] } },
      { op: 'update', entity: 'project', id: 'p-3', changes: { start: '2026-04-03', budget: 120_050, 'rag.overall': 'A', objectiveIds: ['ob-1'] } },
    ]);
    expect(plan.rejected).toEqual([]);
    expect(plan.size).toEqual({ rows: 3, cols: 5 });
    expect(plan.cells[0]).toEqual({ opIndex: 0, field: 'start', row: 2, col: col('start') });
    // The filled list is a copy, not the source record's own array.
    const filled = plan.ops[0]!.op === 'update' ? plan.ops[0]!.changes['objectiveIds'] : null;
    expect(filled).not.toBe((rows[0] as { record: Row }).record.objectiveIds);
  });

  it('fills blanks too (clearing the cells below)', () => {
    const plan = planFillDown<Row>({ range: { rows: [0, 1], cols: [col('budget')] }, rows: flat([record(1), record(2, { budget: 5 })]), columns: COLUMNS, ctx, entity: 'project' });
    expect(plan.ops).toEqual([{ op: 'update', entity: 'project', id: 'p-2', changes: { budget: null } }]);
  });
});

describe('copyRange', () => {
  const tricky = [
    record(1, { name: '=HYPERLINK("http://evil")', programmeId: 'pg-1', objectiveIds: ['ob-1', 'ob-2'], start: '2026-04-03', budget: -120_050, rag: { overall: 'G' } }),
    record(2, { name: "-5 days, 'quoted'", programmeId: null, start: '2024-02-29', budget: 0, rag: { overall: null } }),
    record(3, { name: 'Tab\tinside', programmeId: 'pg-2', objectiveIds: ['ob-2'], budget: 99, rag: { overall: 'R' } }),
    record(4, { name: "'=not a formula", code: '+44' }),
  ];

  it('writes clipboard text that Excel reads back, with formulas neutralised in text only', () => {
    const rows = flat(tricky);
    const text = copyRange<Row>({ range: { rows: [0, 1], cols: [col('name'), col('programmeId'), col('start'), col('budget'), col('rag.overall'), col('objectiveIds'), col('calc.risks')] }, rows, columns: COLUMNS, ctx });
    expect(text).toBe(`"'=HYPERLINK(""http://evil"")"\tDigital\t03/04/2026\t-1200.50\tGreen\t3\tGrow revenue; Cut cost\r\n'-5 days, 'quoted'\t\t29/02/2024\t0.00\t\t0\t`);
  });

  it('copy then paste back over the same cells plans nothing, grouped or not', () => {
    const grouped = buildRows(tricky, COLUMNS, { columns: [], sort: [], filters: [], groupBy: 'programmeId', search: '', showArchived: false }, ctx, new Set()).rows;
    for (const rows of [flat(tricky), grouped]) {
      const all = { rows: rows.map((_, i) => i), cols: COLUMNS.map((_, i) => i) };
      const text = copyRange<Row>({ range: all, rows, columns: COLUMNS, ctx });
      const plan = paste({ text, rows, anchor: { row: 0, col: 0 } });
      expect(plan).toEqual({ ops: [], cells: [], rejected: [], ignoredCells: 0, size: { rows: 4, cols: COLUMNS.length } });
    }
  });

  it('pasting the copy onto other rows copies the values exactly', () => {
    const rows = flat([...tricky, record(5), record(6), record(7), record(8)]);
    const text = copyRange<Row>({ range: { rows: [0, 1, 2, 3], cols: [0, 1, 2, 3, 4, 5] }, rows, columns: COLUMNS, ctx });
    const plan = paste({ text, rows, anchor: { row: 4, col: 0 } });
    expect(plan.rejected).toEqual([]);
    const byId = Object.fromEntries(plan.ops.map((o) => (o.op === 'update' ? [o.id, o.changes] : ['', {}])));
    expect(byId['p-5']).toEqual({ code: 'PRJ-001', name: '=HYPERLINK("http://evil")', programmeId: 'pg-1', start: '2026-04-03', budget: -120_050, 'rag.overall': 'G' });
    expect(byId['p-6']).toEqual({ code: 'PRJ-002', name: "-5 days, 'quoted'", start: '2024-02-29', budget: 0 });
    expect(byId['p-7']).toEqual({ code: 'PRJ-003', name: 'Tab\tinside', programmeId: 'pg-2', budget: 99, 'rag.overall': 'R' });
    expect(byId['p-8']).toEqual({ code: '+44', name: "'=not a formula" });
  });
});
