// Register rows: archived, each filter kind, search, multi-key sort, groups with exact subtotals, speed at 10,000 × 40.
import { describe, expect, it } from 'vitest';
import { buildRows } from './pipeline';
import type { ColumnContext, ColumnDef, ColumnType, DisplayRow, Filter, Option, OptionSource, ViewState } from './types';
import { defaultSettings } from '../model/workbook';
import { wideRegister } from '../../test/helpers/wide-register';

interface Row {
  id: string;
  code: string;
  name: string;
  programmeId: string | null;
  objectiveIds: string[];
  stage: string;
  budget: number | null;
  start: string | null;
  percentComplete: number | null;
  rag: string | null;
  notes: string;
  archived: boolean;
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
const ctx: ColumnContext = { settings: defaultSettings('Test'), today: '2026-04-03', options: (s) => SOURCES[s], openRisks: (id) => (id === 'p-2' ? 3 : 0), countOf: () => 0 };
const STAGES: Option[] = [
  { value: 'idea', label: 'Idea' },
  { value: 'approved', label: 'Approved' },
  { value: 'in-progress', label: 'In progress' },
  { value: 'closed', label: 'Closed' },
];

const column = (id: keyof Row, type: ColumnType, extra: Partial<ColumnDef<Row>> = {}): ColumnDef<Row> => ({ id, header: id[0]!.toUpperCase() + id.slice(1), type, field: id, editable: true, get: (r) => r[id], ...extra });
const COLUMNS: ColumnDef<Row>[] = [
  column('code', 'text'),
  column('name', 'text'),
  column('programmeId', 'reference', { header: 'Programme', options: 'programme', groupable: true }),
  column('objectiveIds', 'references', { header: 'Objectives', options: 'objective', groupable: true }),
  column('stage', 'select', { options: STAGES, groupable: true }),
  column('budget', 'money', { aggregate: 'sum' }),
  column('start', 'date'),
  column('percentComplete', 'percent', { aggregate: 'sum' }),
  column('rag', 'rag', { groupable: true }),
  column('notes', 'longtext', { hiddenByDefault: true }),
  { id: 'calc.risks', header: 'Open risks', type: 'integer', editable: false, aggregate: 'sum', get: (r, c) => c.openRisks(r.id) },
];

function row(n: number, extra: Partial<Row> = {}): Row {
  return { id: `p-${n}`, code: `PRJ-${String(n).padStart(3, '0')}`, name: `Project ${n}`, programmeId: null, objectiveIds: [], stage: 'idea', budget: null, start: null, percentComplete: null, rag: null, notes: '', archived: false, ...extra };
}

const RECORDS: Row[] = [
  row(1, { name: 'CRM replacement', programmeId: 'pg-1', objectiveIds: ['ob-1'], stage: 'in-progress', budget: 120_050, start: '2026-01-05', percentComplete: 40, rag: 'G', notes: 'vendor chosen' }),
  row(2, { name: 'Data platform', programmeId: 'pg-1', objectiveIds: ['ob-1', 'ob-2'], stage: 'approved', budget: 30_025, start: '2026-03-01', percentComplete: 10.1, rag: 'A' }),
  row(3, { name: 'Warehouse move', programmeId: 'pg-2', stage: 'closed', budget: 5_000_000, start: '2025-11-30', percentComplete: 100, rag: 'R' }),
  row(4, { name: 'Office refit', programmeId: null, stage: 'idea', budget: null, start: null, percentComplete: 20.2 }),
  row(5, { name: 'Old intranet', programmeId: 'pg-2', stage: 'closed', budget: 999, archived: true }),
];

function view(over: Partial<ViewState> = {}): ViewState {
  return { columns: [], sort: [], filters: [], groupBy: null, search: '', showArchived: false, ...over };
}
const isArchived = (r: Row) => r.archived;
const build = (over: Partial<ViewState> = {}, collapsed: ReadonlySet<string> = new Set(), records = RECORDS) => buildRows(records, COLUMNS, view(over), ctx, collapsed, { isArchived });
const ids = (rows: DisplayRow<Row>[]) => rows.map((r) => r.rowId);
const filtered = (...filters: Filter[]) => ids(build({ filters }).rows);

describe('archived records', () => {
  it('are left out, and out of the total, unless the view shows them', () => {
    expect(build()).toMatchObject({ shown: 4, total: 4 });
    expect(ids(build().rows)).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
    expect(build({ showArchived: true })).toMatchObject({ shown: 5, total: 5 });
    expect(buildRows(RECORDS, COLUMNS, view(), ctx, new Set())).toMatchObject({ shown: 5, total: 5 });
  });
});

describe('filters', () => {
  it('text: contains and equals on the display text, case-insensitive; blank and not blank', () => {
    expect(filtered({ col: 'name', kind: 'text', op: 'contains', value: 'PLAT' })).toEqual(['p-2']);
    expect(filtered({ col: 'programmeId', kind: 'text', op: 'equals', value: 'digital' })).toEqual(['p-1', 'p-2']);
    expect(filtered({ col: 'programmeId', kind: 'text', op: 'equals', value: 'dig' })).toEqual([]);
    expect(filtered({ col: 'budget', kind: 'text', op: 'contains', value: '1,200.5' })).toEqual(['p-1']);
    expect(filtered({ col: 'programmeId', kind: 'text', op: 'blank' })).toEqual(['p-4']);
    expect(filtered({ col: 'objectiveIds', kind: 'text', op: 'blank' })).toEqual(['p-3', 'p-4']);
    expect(filtered({ col: 'start', kind: 'text', op: 'notBlank' })).toEqual(['p-1', 'p-2', 'p-3']);
    expect(filtered({ col: 'name', kind: 'text', op: 'contains', value: '' })).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
  });
  it('number: inclusive bounds in typed units, blanks fail', () => {
    expect(filtered({ col: 'budget', kind: 'number', min: 30_025, max: 120_050 })).toEqual(['p-1', 'p-2']);
    expect(filtered({ col: 'budget', kind: 'number', min: 30_026 })).toEqual(['p-1', 'p-3']);
    expect(filtered({ col: 'budget', kind: 'number', max: 30_025 })).toEqual(['p-2']);
    expect(filtered({ col: 'percentComplete', kind: 'number', min: 10.1, max: 20.2 })).toEqual(['p-2', 'p-4']);
    expect(filtered({ col: 'budget', kind: 'number', min: null, max: null })).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
    expect(filtered({ col: 'calc.risks', kind: 'number', min: 1 })).toEqual(['p-2']);
  });
  it('date: inclusive bounds, blanks fail', () => {
    expect(filtered({ col: 'start', kind: 'date', from: '2026-01-05', to: '2026-03-01' })).toEqual(['p-1', 'p-2']);
    expect(filtered({ col: 'start', kind: 'date', to: '2026-01-04' })).toEqual(['p-3']);
    expect(filtered({ col: 'start', kind: 'date', from: '2026-01-06' })).toEqual(['p-2']);
  });
  it('set: value in the set, null for blank, any value of a multi-valued column', () => {
    expect(filtered({ col: 'stage', kind: 'set', values: ['closed', 'idea'] })).toEqual(['p-3', 'p-4']);
    expect(filtered({ col: 'programmeId', kind: 'set', values: [null, 'pg-2'] })).toEqual(['p-3', 'p-4']);
    expect(filtered({ col: 'objectiveIds', kind: 'set', values: ['ob-2'] })).toEqual(['p-2']);
    expect(filtered({ col: 'objectiveIds', kind: 'set', values: [null] })).toEqual(['p-3', 'p-4']);
    expect(filtered({ col: 'rag', kind: 'set', values: [] })).toEqual([]);
  });
  it('all must pass; filters on unknown columns are ignored', () => {
    expect(filtered({ col: 'programmeId', kind: 'set', values: ['pg-1'] }, { col: 'rag', kind: 'set', values: ['A'] })).toEqual(['p-2']);
    expect(filtered({ col: 'nope', kind: 'set', values: [] })).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
  });
});

describe('quick search', () => {
  it('matches display text of visible columns, every word somewhere in the row', () => {
    expect(ids(build({ search: 'digital platform' }).rows)).toEqual(['p-2']);
    expect(ids(build({ search: '  DIGITAL  ' }).rows)).toEqual(['p-1', 'p-2']);
    expect(ids(build({ search: 'digital warehouse' }).rows)).toEqual([]);
    expect(ids(build({ search: '£1,200.50' }).rows)).toEqual(['p-1']);
    expect(ids(build({ search: '01/03/2026' }).rows)).toEqual(['p-2']);
    expect(ids(build({ search: 'cut cost' }).rows)).toEqual(['p-2']);
    expect(ids(build({ search: 'amber' }).rows)).toEqual(['p-2']);
  });
  it('does not look in hidden columns, nor across two cells', () => {
    expect(ids(build({ search: 'vendor' }).rows)).toEqual([]);
    expect(ids(build({ search: 'vendor', columns: [{ id: 'notes', hidden: false }] }).rows)).toEqual(['p-1']);
    expect(ids(build({ search: 'crm', columns: [{ id: 'name', hidden: true }] }).rows)).toEqual([]);
    expect(ids(build({ search: 'replacementdigital' }).rows)).toEqual([]);
  });
  it('counts what it shows', () => {
    expect(build({ search: 'digital' })).toMatchObject({ shown: 2, total: 4 });
  });
});

describe('sort', () => {
  it('by one key, blanks last in both directions', () => {
    expect(ids(build({ sort: [{ col: 'budget', dir: 'asc' }] }).rows)).toEqual(['p-2', 'p-1', 'p-3', 'p-4']);
    expect(ids(build({ sort: [{ col: 'budget', dir: 'desc' }] }).rows)).toEqual(['p-3', 'p-1', 'p-2', 'p-4']);
    expect(ids(build({ sort: [{ col: 'start', dir: 'asc' }] }).rows)).toEqual(['p-3', 'p-1', 'p-2', 'p-4']);
    expect(ids(build({ sort: [{ col: 'start', dir: 'desc' }] }).rows)).toEqual(['p-2', 'p-1', 'p-3', 'p-4']);
    expect(ids(build({ sort: [{ col: 'programmeId', dir: 'desc' }] }).rows)).toEqual(['p-3', 'p-1', 'p-2', 'p-4']);
  });
  it('by several keys in order', () => {
    expect(ids(build({ sort: [{ col: 'programmeId', dir: 'asc' }, { col: 'budget', dir: 'desc' }] }).rows)).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
    expect(ids(build({ sort: [{ col: 'programmeId', dir: 'asc' }, { col: 'budget', dir: 'asc' }] }).rows)).toEqual(['p-2', 'p-1', 'p-3', 'p-4']);
  });
  it('choices in their own order, RAG red first, text with numbers as people count', () => {
    expect(ids(build({ sort: [{ col: 'stage', dir: 'asc' }] }).rows)).toEqual(['p-4', 'p-2', 'p-1', 'p-3']);
    expect(ids(build({ sort: [{ col: 'rag', dir: 'asc' }] }).rows)).toEqual(['p-3', 'p-2', 'p-1', 'p-4']);
    const named = ['Phase 10', 'phase 9', 'Phase 1', 'Ärger', 'apple'].map((name, k) => row(k + 1, { name }));
    expect(buildRows(named, COLUMNS, view({ sort: [{ col: 'name', dir: 'asc' }] }), ctx, new Set()).rows.map((r) => (r.kind === 'record' ? r.record.name : ''))).toEqual(['apple', 'Ärger', 'Phase 1', 'phase 9', 'Phase 10']);
  });
  it('is stable: ties by code, then name, then id', () => {
    const tied = [row(1, { id: 'z', code: 'B-2', name: 'b' }), row(2, { id: 'y', code: 'B-10', name: 'a' }), row(3, { id: 'x', code: '', name: 'a' }), row(4, { id: 'w', code: '', name: 'a' }), row(5, { id: 'v', code: 'b-2', name: 'a' })];
    const sorted = buildRows(tied, COLUMNS, view({ sort: [{ col: 'stage', dir: 'asc' }] }), ctx, new Set());
    // B-2 and b-2 are the same code to a case-insensitive collator, so the name decides.
    expect(ids(sorted.rows)).toEqual(['v', 'z', 'y', 'w', 'x']);
    expect(ids(buildRows(tied, COLUMNS, view({ sort: [{ col: 'stage', dir: 'desc' }] }), ctx, new Set()).rows)).toEqual(['v', 'z', 'y', 'w', 'x']);
  });
  it('without sort keys keeps the records in their given order; unknown keys are ignored', () => {
    expect(ids(build({ sort: [{ col: 'nope', dir: 'desc' }] }).rows)).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
  });
});

describe('group by', () => {
  it('one group per value with exact subtotals; blank group last', () => {
    const built = build({ groupBy: 'programmeId' });
    expect(built.rows.map((r) => (r.kind === 'group' ? `${r.label} ×${r.count} ${r.totals['budget']} ${r.totals['percentComplete']} ${r.totals['calc.risks']}` : r.rowId))).toEqual([
      // 1,200.50 + 300.25 = 1,500.75, in minor units; 40 + 10.1 = 50.1 without float noise.
      'Digital ×2 150075 50.1 3',
      'p-1',
      'p-2',
      'Operations ×1 5000000 100 0',
      'p-3',
      '(No Programme) ×1 0 20.2 0',
      'p-4',
    ]);
    expect(built.rows[0]).toMatchObject({ kind: 'group', rowId: 'group:pg-1', key: 'pg-1', collapsed: false });
    expect(built.rows[5]).toMatchObject({ rowId: 'group:', key: null });
    expect(built).toMatchObject({ shown: 4, total: 4 });
  });
  it('money subtotals stay exact over many cents', () => {
    const many = Array.from({ length: 1000 }, (_, k) => row(k, { programmeId: 'pg-1', budget: 10 })); // 1000 × £0.10
    const g = buildRows(many, COLUMNS, view({ groupBy: 'programmeId' }), ctx, new Set()).rows[0]!;
    expect(g.kind === 'group' && g.totals['budget']).toBe(10_000);
  });
  it('records within a group keep the sort; groups follow the group column', () => {
    expect(ids(build({ groupBy: 'programmeId', sort: [{ col: 'budget', dir: 'asc' }] }).rows)).toEqual(['group:pg-1', 'p-2', 'p-1', 'group:pg-2', 'p-3', 'group:', 'p-4']);
    expect(ids(build({ groupBy: 'programmeId', sort: [{ col: 'programmeId', dir: 'desc' }] }).rows)).toEqual(['group:pg-2', 'p-3', 'group:pg-1', 'p-1', 'p-2', 'group:', 'p-4']);
    expect(build({ groupBy: 'stage' }).rows.filter((r) => r.kind === 'group').map((r) => (r.kind === 'group' ? r.label : ''))).toEqual(['Idea', 'Approved', 'In progress', 'Closed']);
    expect(build({ groupBy: 'rag' }).rows.filter((r) => r.kind === 'group').map((r) => (r.kind === 'group' ? r.label : ''))).toEqual(['Red', 'Amber', 'Green', '(No Rag)']);
  });
  it('collapsed groups keep their row and totals and hide their records', () => {
    const built = build({ groupBy: 'programmeId' }, new Set(['group:pg-1', 'group:']));
    expect(ids(built.rows)).toEqual(['group:pg-1', 'group:pg-2', 'p-3', 'group:']);
    expect(built.rows[0]).toMatchObject({ collapsed: true, count: 2, totals: { budget: 150_075 } });
    expect(built.shown).toBe(4);
  });
  it('multi-valued: a record under each of its values, blanks together', () => {
    const built = build({ groupBy: 'objectiveIds' });
    expect(ids(built.rows)).toEqual(['group:ob-2', 'p-2@ob-2', 'group:ob-1', 'p-1@ob-1', 'p-2@ob-1', 'group:', 'p-3@', 'p-4@']);
    expect(built.rows.filter((r) => r.kind === 'group').map((r) => (r.kind === 'group' ? `${r.label} ${r.count} ${r.totals['budget']}` : ''))).toEqual(['Cut cost 1 30025', 'Grow revenue 2 150075', '(No Objectives) 2 5000000']);
    expect(built.shown).toBe(4);
    expect(built.rows[1]).toMatchObject({ kind: 'record', id: 'p-2' });
  });
  it('groups only by a groupable column', () => {
    expect(ids(build({ groupBy: 'name' }).rows)).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
    expect(ids(build({ groupBy: 'nope' }).rows)).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
  });
  it('after filters: empty groups do not appear', () => {
    expect(ids(build({ groupBy: 'programmeId', filters: [{ col: 'rag', kind: 'set', values: ['R'] }] }).rows)).toEqual(['group:pg-2', 'p-3']);
  });
});

// At scale the pipeline must still give the right rows; how fast is `npm run bench` (test/bench/node.bench.ts).
describe('at 4,000 records × 40 columns', () => {
  it('filters, sorts, groups and searches, and a search with cached texts gives the same rows', () => {
    // 10,000 in `npm run bench`; 4,000 keep every path (groups, multi-valued, cached search) busy.
    const big = wideRegister(4_000);
    const run = (s: ViewState, c: ColumnContext = { ...big.ctx }) => buildRows(big.records, big.columns, s, c, new Set());
    const fgs = run(big.view);
    const all = run({ ...big.view, filters: [] });
    const multiGroup = run({ ...big.view, groupBy: 'f5' });
    // A fresh context has no cached search texts; the second search reuses the first one's.
    const search = run({ ...big.view, filters: [], search: 'beta programme 1' });
    run({ ...big.view, search: 'b' }, big.ctx);
    const typing = run({ ...big.view, filters: [], search: 'beta programme 1' }, big.ctx);
    expect(fgs.shown).toBeGreaterThan(400);
    expect(fgs.shown).toBeLessThan(4_000);
    expect(all.shown).toBe(4_000);
    // f5 is multi-valued: a record appears under each of its objectives.
    expect(multiGroup.rows.filter((r) => r.kind === 'record').length).toBeGreaterThan(fgs.rows.filter((r) => r.kind === 'record').length);
    expect(search.shown).toBeGreaterThan(0);
    expect(search.shown).toBeLessThan(4_000);
    expect(search.rows).toEqual(typing.rows);
  });
});
