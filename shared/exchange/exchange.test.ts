import { describe, expect, it } from 'vitest';
import { WorkbookState } from '../commands/state';
import { planNewWorkbook } from '../commands/new-workbook';
import { applyPlan } from '../commands/plan';
import { testClock, tinyWorkbook } from '../../test/helpers/tiny-workbook';
import { planImport, validateImport, type SheetMapping } from './import';
import { buildExport } from './export';
import { analyseWorkbook } from './analyse';
import { defaultDecisions, diffReturnedWorkbook, exportSnapshotOf, mergeOps, cellKey } from './merge';
import type { SourceCell, SourceSheet, SourceWorkbook } from './source';
import type { XlsxValue, XlsxWorkbook } from './xlsx/writer';

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

function mapping(s: SourceSheet, kind: SheetMapping['kind'], fields: (string | null)[], extra: Partial<SheetMapping> = {}): SheetMapping {
  return { sheet: s.name, kind, headerRow: 0, firstDataRow: 1, lastDataRow: s.rows.length - 1, columns: fields.map((field, column) => ({ column, field })), ...extra };
}

/** What a spreadsheet program hands back for what the writer wrote (no formatting). */
function asSource(wb: XlsxWorkbook): SourceWorkbook {
  const cell = (v: XlsxValue, numFmt?: string): SourceCell => {
    if (v === null) return null;
    if (typeof v === 'object') return { d: v.date };
    if (typeof v === 'number' && numFmt?.includes('%')) return { n: v, pct: true };
    return v;
  };
  return book(
    ...wb.sheets.map((s) =>
      sheet(s.name, [s.columns.map((c) => c.header), ...s.rows.map((r) => r.map((v, i) => cell(v, s.columns[i]?.numFmt)))]),
    ),
  );
}

describe('planImport', () => {
  it('creates, updates, keeps and skips rows, with every row accounted for', () => {
    const { state, clock } = setup();
    const s = sheet('Portfolio', [
      ['Proj #', 'Proj Name', 'Programme', 'Go-live', 'Budget (£k)', 'RAG', 'Status'],
      ['PRJ-001', 'CRM replacement', 'Digital', '30/06/2026', 120000.5, 'Green', 'Active'], // budget in units here; scale only on col 4 of the next test
      ['PRJ-002', 'Data platform', 'Digital', '31/12/2026', 500000, '', ''],
      ['PRJ-010', 'New intranet', 'People', '15/09/2026', '$1,200.50', 'On track', 'Pipeline'],
      ['PRJ-011', '', 'Digital', 'soon', 'lots', 'Purple', ''],
      [null, null, null, null, null, null, null],
    ]);
    const m = mapping(s, 'project', ['code', 'name', 'programmeId', 'finish', 'budget', 'rag.overall', 'stage']);
    const plan = planImport(state, book(s), [m], { today: '2026-05-01', newId: clock.newId });
    const byRow = new Map(plan.report.rows.map((r) => [r.row, r]));
    expect(plan.report.rows).toHaveLength(5);
    expect(byRow.get(2)).toMatchObject({ status: 'updated', match: 'code', recordId: 'p-1' });
    expect(byRow.get(2)!.changes!.map((c) => c.field).sort()).toEqual(['rag.overall']); // 120000.5 is its budget already; Active is its stage
    expect(byRow.get(3)).toMatchObject({ status: 'unchanged', match: 'code' });
    expect(byRow.get(4)).toMatchObject({ status: 'new', label: 'PRJ-010 New intranet' });
    expect(byRow.get(5)!.status).toBe('skipped');
    // Its date, budget and RAG cannot be read, but what refuses it is the missing name.
    expect(byRow.get(5)!.reason).toBe('a new project needs Name');
    expect(byRow.get(6)).toMatchObject({ status: 'skipped', reason: 'blank row' });
    expect(plan.report.creates).toEqual([{ entity: 'programme', label: 'People' }]);
    const e = plan.report.issues.filter((i) => i.severity === 'error');
    expect(e.map((i) => `${i.row}${i.column}`)).toEqual(['5D', '5E', '5F']);

    const { report, result } = validateImport(state, plan, { ...clock, origin: 'import', label: 'Import client.xlsx' });
    expect(report.counts).toMatchObject({ rows: 5, new: 1, updated: 1, unchanged: 1, skipped: 2 });
    applyPlan(state, result.plan!);
    const created = state.all('project').find((p) => p.code === 'PRJ-010')!;
    expect(created).toMatchObject({ budget: 120_050, finish: '2026-09-15', stage: 'proposed', rag: { overall: 'G' } });
    expect(state.get('programme', created.programmeId!)!.name).toBe('People');
    expect(state.get('project', 'p-1')!.budget).toBe(12_000_050);
  });

  it('scales money headed (£k), reads the column date order, and leaves out a field the model refuses', () => {
    const { state, clock } = setup();
    const s = sheet('P', [
      ['Code', 'Name', 'Start', 'Finish', 'Budget (£k)'],
      ['A-1', 'Alpha', '03/04/2026', '25/04/2026', '1.5'],
      ['A-2', 'Beta', '05/06/2026', '01/02/2026', 2],
    ]);
    const m = mapping(s, 'project', ['code', 'name', 'start', 'finish', 'budget']);
    m.columns[4]!.scale = 1000;
    const plan = planImport(state, book(s), [m], { today: '2026-05-01', newId: clock.newId });
    const { report, result } = validateImport(state, plan, { ...clock, origin: 'import', label: 'Import' });
    expect(report.counts).toMatchObject({ new: 2, skipped: 0 });
    expect(report.issues.find((i) => i.row === 3 && i.severity === 'error')).toMatchObject({ outcome: 'cell-not-read', message: expect.stringMatching(/before its start.*; left empty$/) });
    applyPlan(state, result.plan!);
    expect(state.all('project').find((p) => p.code === 'A-1')).toMatchObject({ start: '2026-04-03', finish: '2026-04-25', budget: 150_000 });
    const beta = state.all('project').find((p) => p.code === 'A-2')!;
    expect(beta).toMatchObject({ start: '2026-06-05', budget: 200_000 });
    expect(beta.finish ?? null).toBeNull();
  });

  it('imports a wide allocation grid: one allocation per period with hours, people created by name', () => {
    const { state, clock } = setup();
    const s = sheet('Alloc', [
      ['Person', 'Project', '2026-W10', '2026-W11', '2026-W12'],
      ['Asha Patel', 'PRJ-002', 10, null, 5],
      ['Ben Okafor', 'Data platform', 20, 20, 0],
    ]);
    const m = mapping(s, 'allocation', ['resourceId', 'projectId', null, null, null], {
      periods: {
        kind: 'week',
        columns: [
          { column: 2, start: '2026-03-02', end: '2026-03-08', label: '2026-W10' },
          { column: 3, start: '2026-03-09', end: '2026-03-15', label: '2026-W11' },
          { column: 4, start: '2026-03-16', end: '2026-03-22', label: '2026-W12' },
        ],
      },
    });
    const plan = planImport(state, book(s), [m], { today: '2026-05-01', newId: clock.newId });
    const { report, result } = validateImport(state, plan, { ...clock, origin: 'import', label: 'Import' });
    expect(report.counts).toMatchObject({ new: 2, skipped: 0 });
    expect(report.creates).toEqual([{ entity: 'resource', label: 'Ben Okafor' }]);
    applyPlan(state, result.plan!);
    const allocs = state.all('allocation').filter((a) => a.projectId === 'p-2');
    expect(allocs.map((a) => `${a.start}:${a.amount}`).sort()).toEqual(['2026-03-02:10', '2026-03-02:20', '2026-03-09:20', '2026-03-16:5']);
  });

  it('imports long allocations whose Period cell is a week, a month or a date', () => {
    const { state, clock } = setup();
    const s = sheet('Long', [
      ['Person', 'Project', 'Period', 'Hours'],
      ['Asha Patel', 'PRJ-002', '2026-W10', 10],
      ['Asha Patel', 'PRJ-002', 'Apr-26', 6],
      ['Asha Patel', 'PRJ-002', { d: '2026-06-01' }, 4],
      ['Asha Patel', 'PRJ-002', 'someday', 4],
    ]);
    const plan = planImport(state, book(s), [mapping(s, 'allocation', ['resourceId', 'projectId', 'period', 'amount'])], { today: '2026-05-01', newId: clock.newId });
    const { report, result } = validateImport(state, plan, { ...clock, origin: 'import', label: 'Import' });
    expect(report.counts).toMatchObject({ new: 3, skipped: 1 });
    expect(report.rows[3]!.reason).toMatch(/C “Period”: "someday" is not a week or month/);
    applyPlan(state, result.plan!);
    const allocs = state.all('allocation').filter((a) => a.projectId === 'p-2');
    expect(allocs.map((a) => `${a.start}..${a.end}:${a.amount}`).sort()).toEqual(['2026-03-02..2026-03-08:10', '2026-04-01..2026-04-30:6', '2026-06-01..2026-06-07:4']);
  });

  it('matches by name ignoring case and spaces, and reports ambiguity instead of guessing', () => {
    const { state, clock } = setup();
    const s = sheet('P', [
      ['Name', 'Manager'],
      ['  crm   REPLACEMENT ', 'Jo Bloggs'],
    ]);
    const plan = planImport(state, book(s), [mapping(s, 'project', ['name', 'manager'])], { today: '2026-05-01', newId: clock.newId });
    expect(plan.report.rows[0]).toMatchObject({ status: 'updated', match: 'name', recordId: 'p-1' });
  });

  it('treats __proto__ and constructor headers and values as plain text', () => {
    const { state, clock } = setup();
    const s = sheet('__proto__', [
      ['__proto__', 'constructor'],
      ['__proto__', 'constructor'],
    ]);
    const plan = planImport(state, book(s), [mapping(s, 'project', ['code', 'name'])], { today: '2026-05-01', newId: clock.newId });
    expect(plan.report.rows[0]).toMatchObject({ status: 'new', label: '__proto__ constructor' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('export → edit → merge', () => {
  it('finds exactly the edited cells, with conflicts and changes made here since', () => {
    const { state, clock } = setup();
    const { workbook, snapshot } = buildExport(state, { exportId: 'x-1', exportedAt: '2026-11-21T09:00:00.000Z', today: '2026-05-01', grid: 'week' });
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Projects', 'Milestones', 'Resources', 'Allocations', 'RAID', 'Status reports', 'Capacity', 'Lists', 'How to edit', '_pmo']);
    const returned = asSource(workbook);
    const projects = returned.sheets[0]!;
    const col = (h: string) => (projects.rows[0] as string[]).indexOf(h);
    const rowOf = (code: string) => projects.rows.findIndex((r) => r[0] === code);
    // They: change PRJ-001's name and budget, PRJ-002's finish; sort rows; add a project; remove PRJ-003.
    projects.rows[rowOf('PRJ-001')]![col('Name')] = 'CRM replacement (phase 1)';
    projects.rows[rowOf('PRJ-001')]![col('Budget')] = 130000;
    projects.rows[rowOf('PRJ-002')]![col('Finish')] = { d: '2027-01-31' };
    projects.rows.splice(rowOf('PRJ-003'), 1);
    projects.rows.push(['PRJ-020', 'Returned project', ...Array(projects.width - 2).fill(null)]);
    const [head, ...body] = projects.rows;
    projects.rows = [head!, ...body.reverse()];
    // Milestones: columns in reverse order (as after dragging them around), one date changed.
    const ms = returned.sheets[1]!;
    ms.rows = ms.rows.map((r) => [...r].reverse());
    const fc = (ms.rows[0] as string[]).indexOf('Forecast');
    ms.rows[1]![fc] = { d: '2026-07-01' };
    // Allocations: week 2 of a-1 set to 8 hours.
    const alloc = returned.sheets[3]!;
    const wk = (alloc.rows[0] as string[]).indexOf('2026-W03');
    alloc.rows[1]![wk] = 8;

    // We: change PRJ-001's budget too (conflict) and PRJ-002's manager (ours only).
    applyPlan(state, planChangeOk(state, clock, [{ op: 'update', entity: 'project', id: 'p-1', changes: { budget: 14_000_000 } }, { op: 'update', entity: 'project', id: 'p-2', changes: { manager: 'Dee' } }]));

    const snap = exportSnapshotOf(returned);
    expect(snap).toMatchObject({ exportId: 'x-1' });
    const diff = diffReturnedWorkbook(state, returned, snapshot, { today: '2026-05-01' });
    const changed = diff.rows.filter((r) => r.change === 'changed');
    const cells = changed.flatMap((r) => r.cells.map((c) => `${r.label}|${c.field}|${c.kind}`)).sort();
    expect(cells).toEqual([
      'Asha Patel on PRJ-001 CRM replacement|period:2026-01-12|theirs',
      'Go-live|forecastDate|theirs',
      'PRJ-001 CRM replacement|budget|conflict',
      'PRJ-001 CRM replacement|name|theirs',
      'PRJ-002 Data platform|finish|theirs',
    ]);
    expect(diff.rows.filter((r) => r.change === 'new').map((r) => r.label)).toEqual(['PRJ-020 Returned project']);
    expect(diff.rows.filter((r) => r.change === 'deleted').map((r) => r.label)).toEqual(['PRJ-003 Warehouse move']);
    expect(diff.oursOnly).toBe(1);

    const decisions = defaultDecisions(diff);
    // Accept the conflict's file value? No: keep ours. Reject the finish change. Accept the deletion.
    const p2 = changed.find((r) => r.recordId === 'p-2')!;
    decisions.set(cellKey(p2, 'finish'), false);
    decisions.set(diff.rows.find((r) => r.change === 'deleted')!.key, true);
    const { ops } = mergeOps(state, diff, decisions, clock.newId);
    applyPlan(state, planChangeOk(state, clock, ops));
    expect(state.get('project', 'p-1')).toMatchObject({ name: 'CRM replacement (phase 1)', budget: 14_000_000 });
    expect(state.get('project', 'p-2')).toMatchObject({ finish: '2026-12-31', manager: 'Dee' });
    expect(state.get('milestone', 'm-1')!.forecastDate).toBe('2026-07-01');
    expect(state.has('project', 'p-3')).toBe(false);
    expect(state.all('project').some((p) => p.code === 'PRJ-020')).toBe(true);
    const a = state.all('allocation').filter((x) => x.resourceId === 'res-1').sort((x, y) => (x.start < y.start ? -1 : 1));
    expect(a.map((x) => `${x.start}..${x.end}:${x.amount}`)).toEqual(['2026-01-05..2026-01-11:20', '2026-01-12..2026-01-18:8', '2026-01-19..2026-03-31:20']);
  });
});

import { planChange } from '../commands/plan';
import type { Op } from '../commands/types';
function planChangeOk(state: WorkbookState, clock: ReturnType<typeof testClock>, ops: Op[]) {
  const r = planChange(state, ops, { ...clock, origin: 'merge', label: 'Merge' });
  if (!r.plan) throw new Error(JSON.stringify(r.rejected));
  return r.plan;
}

describe('the Capacity sheet', () => {
  it('holds utilisation by person and role per period, with window totals, and the import skips it', () => {
    const { state } = setup();
    const { workbook, snapshot } = buildExport(state, { exportId: 'x-2', exportedAt: '2026-11-21T09:00:00.000Z', today: '2026-05-01', grid: 'week' });
    const sheet = workbook.sheets.find((s) => s.name === 'Capacity')!;
    const headers = sheet.columns.map((c) => c.header);
    expect(headers.slice(0, 4)).toEqual(['Row', 'Name', 'Role', 'Team']);
    expect(headers.slice(-3)).toEqual(['Capacity h', 'Demand h', 'Utilisation']);
    expect(sheet.columns[4]!.numFmt).toBe('0%');
    const people = sheet.rows.filter((r) => r[0] === 'Person');
    expect(people.length).toBe(state.all('resource').length);
    expect(people.some((r) => typeof r.at(-1) === 'number' && (r.at(-2) as number) > 0)).toBe(true);
    for (const r of sheet.rows) {
      const [cap, dem, util] = r.slice(-3) as [number, number, XlsxValue];
      if (cap > 0) expect(util).toBeCloseTo(dem / cap, 3);
      for (const v of r.slice(4, -3)) expect(v === null || v === 'no capacity' || (typeof v === 'number' && v >= 0)).toBe(true);
    }
    expect(snapshot.sheets.map((s) => s.name)).not.toContain('Capacity');
    expect(analyseWorkbook(asSource(workbook), state.settings, []).map((p) => p.sheet)).not.toContain('Capacity');
  });
});
