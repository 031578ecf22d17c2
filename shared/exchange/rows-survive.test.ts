// Cells fail, rows survive: a cell that cannot be read leaves its field empty on a new record
// (unchanged on an update) and is listed; a row is refused only when a field it needs to become a
// record is missing, or when the column is set to skip such rows. Rows naming a record whose own
// row was not imported say so. Counts keep layout rows apart from rows of data not imported.
import { describe, expect, it } from 'vitest';
import { WorkbookState } from '../commands/state';
import { planNewWorkbook } from '../commands/new-workbook';
import { applyPlan } from '../commands/plan';
import { testClock, tinyWorkbook } from '../../test/helpers/tiny-workbook';
import { countRows, layoutRows, planImport, validateImport, type SheetMapping } from './import';
import { readSpreadsheet } from './read/read';
import { analyseWorkbook } from './analyse';
import { applyMappingFile } from './mapping-file';
import type { SourceCell, SourceSheet, SourceWorkbook } from './source';

function setup() {
  const clock = testClock();
  const p = planNewWorkbook(tinyWorkbook(), { ...clock, origin: 'create', label: 'New' });
  return { clock, state: new WorkbookState(p.workbook, p.rows) };
}

const sheet = (name: string, rows: SourceCell[][]): SourceSheet => ({ name, rows, width: Math.max(...rows.map((r) => r.length)), merges: [], hidden: false });
const book = (...sheets: SourceSheet[]): SourceWorkbook => ({ fileName: 'client.xlsx', format: 'xlsx', date1904: false, sheets, notes: [] });
const mapping = (s: SourceSheet, kind: SheetMapping['kind'], fields: (string | null)[], extra: Partial<SheetMapping> = {}): SheetMapping => ({
  sheet: s.name,
  kind,
  headerRow: 0,
  firstDataRow: 1,
  lastDataRow: s.rows.length - 1,
  columns: fields.map((field, column) => ({ column, field })),
  ...extra,
});

function run(state: WorkbookState, clock: ReturnType<typeof testClock>, source: SourceWorkbook, mappings: SheetMapping[]) {
  const plan = planImport(state, source, mappings, { today: '2026-05-01', newId: clock.newId });
  const { report, result } = validateImport(state, plan, { ...clock, origin: 'import', label: 'Import' });
  if (result.plan) applyPlan(state, result.plan);
  return report;
}

describe('a cell that cannot be read', () => {
  it('leaves its field empty: a CSV with one unreadable date per row imports every row and lists every cell', () => {
    const { state, clock } = setup();
    const lines = ['Code,Name,Start,Finish'];
    for (let i = 1; i <= 40; i++) {
      const code = `CSV-${String(i).padStart(3, '0')}`;
      // Odd rows: the start cannot be read; even rows: the finish.
      lines.push(i % 2 ? `${code},Project ${i},TBC,2026-12-${String((i % 28) + 1).padStart(2, '0')}` : `${code},Project ${i},2026-02-01,31/31/2026`);
    }
    const read = readSpreadsheet(new TextEncoder().encode(lines.join('\r\n')), 'one-bad-date.csv');
    if (!read.ok) throw new Error(read.reason);
    const s = read.workbook.sheets[0]!;
    const report = run(state, clock, read.workbook, [mapping(s, 'project', ['code', 'name', 'start', 'finish'])]);
    expect(report.counts).toMatchObject({ new: 40, skipped: 0, notImported: 0, cellsNotRead: 40, errors: 40 });
    const unread = report.issues.filter((i) => i.severity === 'error');
    expect(unread.map((i) => `${i.row}${i.column}`)).toEqual(Array.from({ length: 40 }, (_, k) => `${k + 2}${k % 2 ? 'D' : 'C'}`));
    for (const i of unread) {
      expect(i.outcome).toBe('cell-not-read');
      expect(i.message).toMatch(/^(Start|Finish) .*; left empty$/);
    }
    expect(unread[0]).toMatchObject({ sheet: s.name, header: 'Start', value: 'TBC' });
    const p1 = state.all('project').find((p) => p.code === 'CSV-001')!;
    expect(p1.start ?? null).toBeNull();
    expect(p1.finish).toBe('2026-12-02');
    const p2 = state.all('project').find((p) => p.code === 'CSV-002')!;
    expect(p2).toMatchObject({ start: '2026-02-01', name: 'Project 2' });
    expect(p2.finish ?? null).toBeNull();
  });

  it('an unknown stage word imports the project with the stage empty; a column set to skip-row skips it', () => {
    for (const onError of [undefined, 'keep-row', 'skip-row'] as const) {
      const { state, clock } = setup();
      const s = sheet('Projects', [
        ['Code', 'Name', 'Stage', 'RAG'],
        ['NEW-1', 'Flying', 'Sideways', 'Green'],
        ['NEW-2', 'Grounded', 'Closed', 'Green'],
      ]);
      const m = mapping(s, 'project', ['code', 'name', 'stage', 'rag.overall']);
      if (onError) m.columns[2]!.onError = onError;
      const report = run(state, clock, book(s), [m]);
      const issue = report.issues.find((i) => i.column === 'C')!;
      expect(issue).toMatchObject({ row: 2, header: 'Stage', severity: 'error', value: 'Sideways' });
      const flying = state.all('project').find((p) => p.code === 'NEW-1');
      expect(state.all('project').find((p) => p.code === 'NEW-2')).toMatchObject({ stage: 'closed' });
      if (onError === 'skip-row') {
        expect(report.counts).toMatchObject({ new: 1, notImported: 1, cellsNotRead: 0 });
        expect(report.rows[0]).toMatchObject({ status: 'skipped' });
        expect(report.rows[0]!.reason).toMatch(/^C “Stage”: Stage must be one of: .*\(the column is set to skip rows with a cell that cannot be read\)$/);
        expect(issue.outcome).toBe('row-not-imported');
        expect(flying).toBeUndefined();
      } else {
        expect(report.counts).toMatchObject({ new: 2, notImported: 0, cellsNotRead: 1 });
        expect(issue.outcome).toBe('cell-not-read');
        expect(issue.message).toMatch(/; left empty$/);
        expect(flying).toMatchObject({ name: 'Flying', rag: { overall: 'G' } });
        expect(flying!.stage ?? null).not.toBe('Sideways');
      }
    }
  });

  it('keeps the value of an existing record whose cell cannot be read, and updates the rest', () => {
    const { state, clock } = setup();
    const s = sheet('Projects', [
      ['Code', 'Finish', 'Budget'],
      ['PRJ-001', 'end of June', 130000],
    ]);
    const report = run(state, clock, book(s), [mapping(s, 'project', ['code', 'finish', 'budget'])]);
    expect(report.rows[0]).toMatchObject({ status: 'updated', recordId: 'p-1' });
    expect(report.rows[0]!.changes!.map((c) => c.field)).toEqual(['budget']);
    expect(report.issues[0]).toMatchObject({ column: 'B', outcome: 'cell-not-read' });
    expect(report.issues[0]!.message).toMatch(/; left as it was$/);
    expect(state.get('project', 'p-1')).toMatchObject({ finish: '2026-06-30', budget: 13_000_000 });
  });

  it('still refuses a new record that misses a field it needs, naming the cell that gave nothing', () => {
    const { state, clock } = setup();
    const s = sheet('Allocations', [
      ['Project', 'Person', 'Start', 'End', 'Hours'],
      ['PRJ-404', 'Asha Patel', '2026-07-06', '2026-07-31', 12],
      ['PRJ-002', 'Asha Patel', 'July', '2026-07-31', 12],
      ['PRJ-002', 'Asha Patel', '2026-07-06', '2026-07-31', 'a few'],
      ['PRJ-002', 'Asha Patel', '2026-07-06', '2026-07-31', 8],
    ]);
    const p = sheet('Projects', [
      ['Code', 'Name'],
      ['NEW-9', ''],
    ]);
    const report = run(state, clock, book(p, s), [mapping(p, 'project', ['code', 'name']), mapping(s, 'allocation', ['projectId', 'resourceId', 'start', 'end', 'amount'])]);
    const byRow = (sheetName: string, row: number) => report.rows.find((r) => r.sheet === sheetName && r.row === row)!;
    expect(byRow('Projects', 2)).toMatchObject({ status: 'skipped', reason: 'a new project needs Name' });
    expect(byRow('Allocations', 2)).toMatchObject({ status: 'skipped' });
    expect(byRow('Allocations', 2).reason).toMatch(/^a new allocation needs Project \(A “Project”: Project .*has no match/);
    expect(byRow('Allocations', 3).reason).toMatch(/^a new allocation needs Start \(C “Start”: Start .*not a date/);
    expect(byRow('Allocations', 4).reason).toMatch(/^a new allocation needs Hours per week \(E “Hours”: /);
    expect(byRow('Allocations', 5)).toMatchObject({ status: 'new' });
    expect(report.counts).toMatchObject({ new: 1, notImported: 4, layout: 0, cellsNotRead: 0 });
    for (const i of report.issues.filter((x) => x.severity === 'error')) expect(i.outcome).toBe('row-not-imported');
  });
});

describe('a value the model refuses', () => {
  it('a new project whose finish is before its start imports without the finish, and its milestone with it', () => {
    const { state, clock } = setup();
    const projects = sheet('Projects', [
      ['Code', 'Name', 'Start', 'Finish'],
      ['NEW-1', 'Backwards', '2026-09-01', '2026-03-01'],
    ]);
    const milestones = sheet('Milestones', [
      ['Project', 'Milestone'],
      ['NEW-1', 'Kick-off'],
    ]);
    const report = run(state, clock, book(projects, milestones), [mapping(projects, 'project', ['code', 'name', 'start', 'finish']), mapping(milestones, 'milestone', ['projectId', 'name'])]);
    expect(report.rows.map((r) => r.status)).toEqual(['new', 'new']);
    const issue = report.issues.find((i) => i.severity === 'error')!;
    expect(issue).toMatchObject({ sheet: 'Projects', row: 2, outcome: 'cell-not-read' });
    expect(issue.message).toMatch(/before its start.*; left empty$/);
    const p = state.all('project').find((x) => x.code === 'NEW-1')!;
    expect(p.start).toBe('2026-09-01');
    expect(p.finish ?? null).toBeNull();
    expect(state.all('milestone').filter((m) => m.projectId === p.id)).toHaveLength(1);
    expect(report.counts).toMatchObject({ new: 2, notImported: 0, cellsNotRead: 1 });
  });

  it('an update the model refuses for one field applies the others and keeps that field', () => {
    const { state, clock } = setup();
    const s = sheet('Projects', [
      ['Code', 'Finish', 'Budget'],
      ['PRJ-001', '2025-01-01', 130000],
    ]);
    const report = run(state, clock, book(s), [mapping(s, 'project', ['code', 'finish', 'budget'])]);
    expect(report.rows[0]).toMatchObject({ status: 'updated' });
    expect(report.rows[0]!.changes!.map((c) => c.field)).toEqual(['budget']);
    const issue = report.issues.find((i) => i.severity === 'error')!;
    expect(issue.message).toMatch(/before its start.*; left as it was$/);
    expect(state.get('project', 'p-1')).toMatchObject({ finish: '2026-06-30', budget: 13_000_000 });
  });

  it('a new record refused for a field it needs is not imported, and rows naming it say why', () => {
    const { state, clock } = setup();
    const alloc = sheet('Allocations', [
      ['Project', 'Person', 'Start', 'End', '% FTE'],
      ['PRJ-002', 'Asha Patel', '2026-07-06', '2026-07-31', '1500%'],
    ]);
    const report = run(state, clock, book(alloc), [mapping(alloc, 'allocation', ['projectId', 'resourceId', 'start', 'end', 'fte'])]);
    expect(report.rows[0]).toMatchObject({ status: 'skipped' });
    expect(report.rows[0]!.reason).toMatch(/not plausible/);
    expect(report.counts).toMatchObject({ notImported: 1 });
  });
});

describe('rows that name another row', () => {
  it('milestones, allocations and RAID items of a project with a bad cell import with it', () => {
    const { state, clock } = setup();
    const projects = sheet('Projects', [
      ['Code', 'Name', 'Stage', 'RAG', 'Finish'],
      ['NEW-1', 'Genehmigt project', 'Sideways', 'Purple', 'Q3'],
    ]);
    const milestones = sheet('Milestones', [
      ['Project', 'Milestone', 'Forecast'],
      ['NEW-1', 'Kick-off', '2026-07-01'],
    ]);
    const allocations = sheet('Allocations', [
      ['Project', 'Person', 'Start', 'End', 'Hours'],
      ['NEW-1 Genehmigt project', 'Asha Patel', '2026-07-06', '2026-07-31', 12],
    ]);
    const raid = sheet('RAID', [
      ['Type', 'Title', 'Project'],
      ['Risk', 'Supplier late', 'NEW-1'],
    ]);
    const report = run(state, clock, book(projects, milestones, allocations, raid), [
      mapping(projects, 'project', ['code', 'name', 'stage', 'rag.overall', 'finish']),
      mapping(milestones, 'milestone', ['projectId', 'name', 'forecastDate']),
      mapping(allocations, 'allocation', ['projectId', 'resourceId', 'start', 'end', 'amount']),
      mapping(raid, 'raid', ['kind', 'title', 'projectId']),
    ]);
    expect(report.rows.map((r) => `${r.sheet}:${r.status}`)).toEqual(['Projects:new', 'Milestones:new', 'Allocations:new', 'RAID:new']);
    expect(report.counts).toMatchObject({ notImported: 0, cellsNotRead: 3 });
    const id = state.all('project').find((p) => p.code === 'NEW-1')!.id;
    expect(state.all('milestone').filter((m) => m.projectId === id).map((m) => m.name)).toEqual(['Kick-off']);
    expect(state.all('allocation').filter((a) => a.projectId === id).map((a) => a.amount)).toEqual([12]);
    expect(state.all('raid').filter((r) => r.projectId === id).map((r) => r.title)).toEqual(['Supplier late']);
  });

  it('a row naming a project whose row was not imported says so, with that row and its reason', () => {
    const { state, clock } = setup();
    const projects = sheet('Projects', [
      ['Code', 'Name', 'Stage'],
      ['NEW-1', 'Skipped one', 'Sideways'],
      ['NEW-2', 'Kept one', 'Closed'],
    ]);
    const milestones = sheet('Milestones', [
      ['Project', 'Milestone'],
      ['NEW-1', 'Kick-off'],
      ['Skipped one', 'Go-live'],
      ['NEW-2', 'Kick-off'],
    ]);
    const raid = sheet('RAID', [
      ['Type', 'Title', 'Project'],
      ['Risk', 'Supplier late', 'NEW-1 Skipped one'],
    ]);
    const pm = mapping(projects, 'project', ['code', 'name', 'stage']);
    pm.columns[2]!.onError = 'skip-row';
    const report = run(state, clock, book(projects, milestones, raid), [pm, mapping(milestones, 'milestone', ['projectId', 'name']), mapping(raid, 'raid', ['kind', 'title', 'projectId'])]);
    const ms = report.rows.filter((r) => r.sheet === 'Milestones');
    expect(ms.map((r) => r.status)).toEqual(['skipped', 'skipped', 'new']);
    for (const r of ms.slice(0, 2)) {
      expect(r.reason).toMatch(/^a new milestone needs Project \(A “Project”: Project ".*": its project \(row 2 of sheet Projects\) was not imported: C “Stage”: /);
      expect(r.reason).not.toMatch(/has no match/);
    }
    // A RAID item can be without a project: it imports, and the cell says where its project went.
    const risk = report.rows.find((r) => r.sheet === 'RAID')!;
    expect(risk.status).toBe('new');
    const cell = report.issues.find((i) => i.sheet === 'RAID')!;
    expect(cell).toMatchObject({ column: 'C', outcome: 'cell-not-read' });
    expect(cell.message).toMatch(/its project \(row 2 of sheet Projects\) was not imported: .*; left empty$/);
    expect(report.counts).toMatchObject({ new: 3, notImported: 3 });
  });

  it('an allocation of a person whose row was not imported is not given a new person of that name', () => {
    const { state, clock } = setup();
    const people = sheet('People', [
      ['Name', 'Hours per week'],
      ['Dee Newman', 'full time'],
    ]);
    const alloc = sheet('Allocations', [
      ['Project', 'Person', 'Start', 'End', 'Hours'],
      ['PRJ-002', 'Dee Newman', '2026-07-06', '2026-07-31', 12],
    ]);
    const pm = mapping(people, 'resource', ['name', 'capacityHoursPerWeek']);
    pm.columns[1]!.onError = 'skip-row';
    const report = run(state, clock, book(people, alloc), [pm, mapping(alloc, 'allocation', ['projectId', 'resourceId', 'start', 'end', 'amount'])]);
    expect(report.creates).toEqual([]);
    const a = report.rows.find((r) => r.sheet === 'Allocations')!;
    expect(a.status).toBe('skipped');
    expect(a.reason).toMatch(/^a new allocation needs Person \(B “Person”: Person "Dee Newman": its person \(row 2 of sheet People\) was not imported: /);
    expect(state.all('resource').some((r) => r.name === 'Dee Newman')).toBe(false);
  });
});

describe('a wide allocation grid', () => {
  const weeks = {
    kind: 'week' as const,
    columns: [
      { column: 2, start: '2026-03-02', end: '2026-03-08', label: '2026-W10' },
      { column: 3, start: '2026-03-09', end: '2026-03-15', label: '2026-W11' },
      { column: 4, start: '2026-03-16', end: '2026-03-22', label: '2026-W12' },
    ],
  };
  it('lists a bad period cell and imports the rest of the row; a row without its project says why', () => {
    const { state, clock } = setup();
    const s = sheet('Grid', [
      ['Person', 'Project', '2026-W10', '2026-W11', '2026-W12'],
      ['Asha Patel', 'PRJ-002', 10, 'lots', 5],
      ['Asha Patel', 'PRJ-404', 10, 10, 10],
      ['Asha Patel', 'PRJ-003', 'n/a', '?', null],
    ]);
    const report = run(state, clock, book(s), [mapping(s, 'allocation', ['resourceId', 'projectId', null, null, null], { periods: weeks })]);
    expect(report.rows.map((r) => r.status)).toEqual(['new', 'skipped', 'skipped']);
    expect(report.rows[1]!.reason).toMatch(/^an allocation needs Project \(B “Project”: Project .*has no match/);
    expect(report.rows[2]!.reason).toBe('no hours in any period column');
    const cells = report.issues.filter((i) => i.severity === 'error');
    expect(cells.map((i) => `${i.row}${i.column}:${i.outcome}`)).toEqual(['2D:cell-not-read', '3B:row-not-imported', '4C:row-not-imported', '4D:row-not-imported']);
    expect(report.counts).toMatchObject({ new: 1, notImported: 2, cellsNotRead: 1 });
    expect(state.all('allocation').filter((a) => a.projectId === 'p-2').map((a) => `${a.start}:${a.amount}`).sort()).toEqual(['2026-03-02:10', '2026-03-16:5']);
  });
});

describe('counts', () => {
  it('keep rows set aside as layout apart from rows of data not imported', () => {
    const { state, clock } = setup();
    const s = sheet('P', [
      ['Code', 'Name'],
      ['NEW-1', 'One'],
      [null, null],
      ['Total', null],
      ['NEW-2', ''],
      ['NEW-1', 'One again'],
    ]);
    const plan = planImport(state, book(s), [mapping(s, 'project', ['code', 'name'], { skipRows: [{ row: 3, reason: 'totals row' }] })], { today: '2026-05-01', newId: clock.newId });
    const rows = [...layoutRows(s, 'project', [{ row: 0, reason: 'header row' }]), ...plan.report.rows];
    const c = countRows(rows, plan.report.issues);
    expect(c).toMatchObject({ rows: 6, new: 1, skipped: 5, layout: 3, notImported: 2 });
    expect(rows.filter((r) => r.status === 'skipped' && !r.layout).map((r) => r.reason)).toEqual(['a new project needs Name', 'duplicate of row 2 (same project)']);
  });
});

describe('the policy per column', () => {
  const s = sheet('Portfolio', [
    ['Code', 'Name', 'Stage'],
    ['NEW-1', 'Flying', 'Sideways'],
  ]);
  it('is set in a mapping file ("onError") and checked', () => {
    const { state } = setup();
    const proposals = analyseWorkbook(book(s), state.settings, []);
    const ctx = { fileName: 'map.json', settings: state.settings, customFields: [], source: book(s) };
    const r = applyMappingFile({ sheets: [{ sheet: 'Portfolio', columns: { Stage: { field: 'stage', onError: 'skip-row' } } }] }, proposals, ctx);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.proposals[0]!.mapping.columns.find((c) => c.column === 2)).toMatchObject({ field: 'stage', onError: 'skip-row' });
    const bad = applyMappingFile({ sheets: [{ sheet: 'Portfolio', columns: { Stage: { field: 'stage', onError: 'skip' } } }] }, proposals, ctx);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.join('\n')).toMatch(/map\.json: .*Stage.*onError must be "keep-row" .* or "skip-row"/);
  });

  it('is remembered with the layout', () => {
    const { state } = setup();
    const [p] = analyseWorkbook(book(s), state.settings, [], () => ({ kind: 'project', columns: [{ header: 'Code', field: 'code' }, { header: 'Name', field: 'name' }, { header: 'Stage', field: 'stage', onError: 'skip-row' }] }));
    expect(p!.mapping.columns.map((c) => c.onError ?? 'keep-row')).toEqual(['keep-row', 'keep-row', 'skip-row']);
  });
});
