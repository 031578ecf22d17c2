// The status-report kind: a monthly status log (one row per project per month) imports as status
// reports keyed by project and period, re-imports without duplicates, and can also set each
// project's RAG and narrative from its newest report; our own export of them round-trips.
import { describe, expect, it } from 'vitest';
import { WorkbookState } from '../commands/state';
import { planNewWorkbook } from '../commands/new-workbook';
import { applyPlan } from '../commands/plan';
import { testClock, tinyWorkbook } from '../../test/helpers/tiny-workbook';
import { ENTITY_SCHEMAS, RAG_VALUES, type Rag } from '../model/schemas';
import { analyseWorkbook, previewImport, type SheetProposal } from './analyse';
import { planImport, type SheetMapping } from './import';
import { buildExport } from './export';
import { diffReturnedWorkbook, exportSnapshotOf } from './merge';
import { writeXlsx } from './xlsx/writer';
import { readSpreadsheet } from './read/read';
import type { SourceCell, SourceSheet, SourceWorkbook } from './source';
import { applyMappingFile } from './mapping-file';
import { convertMonth } from './convert-cell';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TODAY = '2026-07-15';
const PROJECTS = 20;
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
const RAG_WORD: Record<'R' | 'A' | 'G', string> = { R: 'Red', A: 'Amber', G: 'Green' };

function setup() {
  const clock = testClock();
  const data = tinyWorkbook();
  for (let i = 4; i <= PROJECTS; i++) data.records.project.push(ENTITY_SCHEMAS.project.parse({ id: `p-${i}`, code: `PRJ-${String(i).padStart(3, '0')}`, name: `Project ${i}` }) as never);
  const p = planNewWorkbook(data, { ...clock, origin: 'create', label: 'New' });
  return { clock, state: new WorkbookState(p.workbook, p.rows) };
}

function sheet(name: string, rows: SourceCell[][]): SourceSheet {
  return { name, rows, width: Math.max(...rows.map((r) => r.length)), merges: [], hidden: false };
}
function book(...sheets: SourceSheet[]): SourceWorkbook {
  return { fileName: 'status-log.xlsx', format: 'xlsx', date1904: false, sheets, notes: [] };
}

/** The RAG of project i in month m: changes over time, differs between dimensions. */
function ragOf(i: number, m: number, dim = 0): 'R' | 'A' | 'G' {
  return RAG_VALUES[(i * 7 + m * 3 + dim * 5) % 3]!;
}

/** Months written as people write them: ISO, "Feb 2026", "March 2026", a date cell, a text date, "Jun-26". */
function monthCell(m: number): SourceCell {
  return [MONTHS[0]!, 'Feb 2026', 'March 2026', { d: '2026-04-30' }, '31/05/2026', 'Jun-26'][m]!;
}

function statusLog(order: 'by-project' | 'newest-first' = 'by-project'): SourceSheet {
  const rows: SourceCell[][] = [];
  for (let i = 1; i <= PROJECTS; i++)
    for (let m = 0; m < MONTHS.length; m++)
      rows.push([`PRJ-${String(i).padStart(3, '0')}`, monthCell(m), RAG_WORD[ragOf(i, m)], RAG_WORD[ragOf(i, m, 1)], RAG_WORD[ragOf(i, m, 2)], `Project ${i}, ${MONTHS[m]}: on course`, m === MONTHS.length - 1 ? `Decide scope of phase ${i}` : '']);
  if (order === 'newest-first') rows.sort((a, b) => b[5]!.toString().localeCompare(a[5]!.toString()));
  return sheet('Monthly status', [['Project', 'Month', 'RAG', 'Schedule', 'Cost', 'Commentary', 'Decisions needed'], ...rows]);
}

function preview(state: WorkbookState, clock: ReturnType<typeof testClock>, source: SourceWorkbook, edit: (p: SheetProposal) => SheetProposal = (p) => p) {
  const proposals = analyseWorkbook(source, state.settings, []).map(edit);
  return { proposals, ...previewImport(state, source, proposals, { ...clock, today: TODAY }) };
}

describe('a monthly status log', () => {
  it('is guessed as status reports, mapped column by column, and imports one report per project and month', () => {
    const { state, clock } = setup();
    const source = book(statusLog());
    const { proposals, report, result } = preview(state, clock, source);
    expect(proposals[0]).toMatchObject({ kind: 'status', include: true });
    expect(proposals[0]!.kindReason).toMatch(/120 rows for 20 projects/);
    expect(proposals[0]!.mapping.columns.map((c) => c.field)).toEqual(['projectId', 'period', 'rag.overall', 'rag.schedule', 'rag.cost', 'narrative', 'decisionsNeeded']);
    expect(report.counts).toMatchObject({ new: 120, updated: 0, unchanged: 0, errors: 0 });
    expect(report.matchRules[0]!.rule).toMatch(/project and period/);
    applyPlan(state, result.plan!);
    const reports = state.all('statusReport');
    expect(reports).toHaveLength(120);
    // Every month form read as its month, every dimension kept.
    const of = (pid: string, period: string) => reports.find((r) => r.projectId === pid && r.period === period)!;
    for (let m = 0; m < MONTHS.length; m++) expect(of('p-7', MONTHS[m]!)).toMatchObject({ rag: { overall: ragOf(7, m), schedule: ragOf(7, m, 1), cost: ragOf(7, m, 2), scope: null }, narrative: `Project 7, ${MONTHS[m]}: on course` });
    expect(of('p-7', '2026-06').decisionsNeeded).toBe('Decide scope of phase 7');
    // The projects themselves are left alone without the option.
    expect(state.get('project', 'p-7')!.rag.overall).toBeNull();
  });

  it('re-imported: nothing changes; one RAG edited: one update', () => {
    const { state, clock } = setup();
    const source = book(statusLog());
    applyPlan(state, preview(state, clock, source).result.plan!);
    const again = preview(state, clock, source);
    expect(again.report.counts).toMatchObject({ new: 0, updated: 0, unchanged: 120, skipped: 1 /* the header row */ });
    expect(again.result.plan).toBeNull();
    expect(state.all('statusReport')).toHaveLength(120);

    const edited = statusLog();
    const row = edited.rows.findIndex((r) => r[0] === 'PRJ-005' && r[1] === 'March 2026');
    const before = ragOf(5, 2);
    const after: Rag = before === 'R' ? 'G' : 'R';
    edited.rows[row]![2] = RAG_WORD[after];
    const once = preview(state, clock, book(edited));
    expect(once.report.counts).toMatchObject({ new: 0, updated: 1, unchanged: 119 });
    const updated = once.report.rows.find((r) => r.status === 'updated')!;
    expect(updated).toMatchObject({ row: row + 1, label: 'PRJ-005 Project 5 2026-03', match: 'project and period' });
    expect(updated.changes).toMatchObject([{ field: 'rag.overall', before, after }]);
    applyPlan(state, once.result.plan!);
    expect(state.all('statusReport').find((r) => r.projectId === 'p-5' && r.period === '2026-03')!.rag.overall).toBe(after);
  });

  it('two rows for the same project and month: the first is imported, the second listed as its duplicate', () => {
    const { state, clock } = setup();
    const s = sheet('Status', [
      ['Project', 'Period', 'RAG', 'Narrative'],
      ['PRJ-001', '2026-03', 'Green', 'first'],
      ['PRJ-002', '2026-03', 'Amber', 'other project'],
      ['PRJ-001', 'Mar 2026', 'Red', 'second'],
      ['PRJ-001', 'Q1 2026', 'Red', 'no month'],
      ['PRJ-001', '2026-W10', 'Red', 'a week'],
    ]);
    const m: SheetMapping = { sheet: 'Status', kind: 'status', headerRow: 0, firstDataRow: 1, lastDataRow: 5, columns: ['projectId', 'period', 'rag.overall', 'narrative'].map((field, column) => ({ column, field })) };
    const plan = planImport(state, book(s), [m], { today: TODAY, newId: clock.newId });
    const byRow = new Map(plan.report.rows.map((r) => [r.row, r]));
    expect(byRow.get(2)!.status).toBe('new');
    expect(byRow.get(3)!.status).toBe('new');
    expect(byRow.get(4)).toMatchObject({ status: 'skipped', reason: 'duplicate of row 2 (the same project and period 2026-03; row 2 was imported)' });
    expect(byRow.get(5)).toMatchObject({ status: 'skipped' });
    expect(byRow.get(5)!.reason).toMatch(/needs Period \(B “Period”: Period is not a month/);
    expect(byRow.get(6)!.reason).toMatch(/is a week, not a month/);
    expect(plan.report.issues.filter((i) => i.severity === 'error').map((i) => `${i.row}${i.column}`)).toEqual(['5B', '6B']);
  });
});

describe("a status report's period", () => {
  it('is a month however written, or a date in it; a week, a quarter or a bare number is refused with the reason', () => {
    const read = (cell: SourceCell, dateOrder: 'DMY' | 'MDY' = 'DMY') => {
      const r = convertMonth(cell, { dateOrder, date1904: false });
      return r.ok ? r.value : `refused: ${r.reason}`;
    };
    for (const t of ['2026-03', 'Mar 2026', 'March 2026', 'MAR-26', '03/2026', '2026/3', 'März 2026', 'mars 2026', 'marzo 2026', 'maart 2026', '15/03/2026', '4 mars 2026', '2026-03-31', { d: '2026-03-01' }]) expect(read(t as SourceCell), JSON.stringify(t)).toBe('2026-03');
    expect(read('03/04/2026', 'MDY')).toBe('2026-03');
    expect(read('03/04/2026', 'DMY')).toBe('2026-04');
    expect(read(46112)).toBe('2026-03'); // a date serial in a text file
    expect(read('2026-W10')).toMatch(/^refused: is a week, not a month/);
    expect(read('Q1 2026')).toMatch(/^refused: is not a month/);
    expect(read(12)).toMatch(/^refused: is the number 12, not a month/);
    expect(read(null)).toBeNull();
  });
});

describe('guessing a status log', () => {
  it('a register listing each project once, with a date and commentary, is not taken for status reports', () => {
    const { state } = setup();
    const register = sheet('Sheet1', [['Project', 'Date', 'Status', 'Comments'], ...Array.from({ length: 12 }, (_, i): SourceCell[] => [`PRJ-${String(i + 1).padStart(3, '0')}`, { d: `2026-0${(i % 9) + 1}-01` }, 'Green', 'fine'])]);
    expect(analyseWorkbook(book(register), state.settings, [])[0]!.kind).not.toBe('status');
    // The same headers with every project on six rows, one a month: a status log.
    const log = sheet('Sheet1', [['Project', 'Date', 'Status', 'Comments'], ...Array.from({ length: 12 }, (_, i): SourceCell[] => [`PRJ-00${(i % 2) + 1}`, { d: `2026-0${Math.floor(i / 2) + 1}-28` }, 'Green', 'fine'])]);
    const p = analyseWorkbook(book(log), state.settings, [])[0]!;
    expect(p.kind).toBe('status');
    expect(p.mapping.columns.map((c) => c.field)).toEqual(['projectId', 'period', 'rag.overall', 'narrative']);
  });
});

describe('latest status per project', () => {
  it("sets each project's RAG and narrative from its newest month, whatever the row order, in the same plan", () => {
    const { state, clock } = setup();
    const source = book(statusLog('newest-first'));
    expect(source.sheets[0]!.rows[1]![1]).toBe('Jun-26'); // the newest month comes first
    const { report, result } = preview(state, clock, source, (p) => ({ ...p, mapping: { ...p.mapping, latestToProject: true } }));
    expect(report.counts).toMatchObject({ new: 120, errors: 0 });
    expect(report.latest).toHaveLength(PROJECTS);
    const seven = report.latest!.find((l) => l.projectId === 'p-7')!;
    expect(seven).toMatchObject({ project: 'PRJ-007 Project 7', period: '2026-06' });
    expect(seven.changes.map((c) => `${c.label}: ${c.afterText}`)).toEqual([`RAG: ${RAG_WORD[ragOf(7, 5)]}`, `RAG schedule: ${RAG_WORD[ragOf(7, 5, 1)]}`, `RAG cost: ${RAG_WORD[ragOf(7, 5, 2)]}`, 'Status narrative: Project 7, 2026-06: on course']);
    // One transaction: the reports and the project updates undo together.
    const plan = result.plan!;
    expect(new Set(plan.entries.map((e) => e.tx))).toEqual(new Set([plan.tx.id]));
    expect(new Set(plan.entries.map((e) => e.entity))).toEqual(new Set(['statusReport', 'project']));
    applyPlan(state, plan);
    for (let i = 1; i <= PROJECTS; i++) {
      const p = state.get('project', `p-${i}`)!;
      expect(p.rag).toMatchObject({ overall: ragOf(i, 5), schedule: ragOf(i, 5, 1), cost: ragOf(i, 5, 2) });
      expect(p.statusNarrative).toBe(`Project ${i}, 2026-06: on course`);
    }
    // Blank dimensions in the report leave the project's own value: scope was never reported.
    expect(state.get('project', 'p-1')!.rag.scope).toBeNull();
    // Again: nothing left to set.
    const again = preview(state, clock, source, (p) => ({ ...p, mapping: { ...p.mapping, latestToProject: true } }));
    expect(again.result.plan).toBeNull();
    expect(again.report.latest!.every((l) => l.changes.length === 0)).toBe(true);
  });

  it('is the mapping file key "latestToProject", refused on a sheet that is not status reports', () => {
    const { state } = setup();
    const source = book(statusLog(), sheet('Projects', [['Code', 'Name'], ['PRJ-001', 'CRM replacement']]));
    const proposals = analyseWorkbook(source, state.settings, []);
    const ctx = { fileName: 'map.json', settings: state.settings, customFields: [], source };
    const r = applyMappingFile({ sheets: [{ sheet: 'Monthly status', kind: 'status', latestToProject: true }] }, proposals, ctx);
    expect(r.ok && r.proposals.find((p) => p.sheet === 'Monthly status')!.mapping.latestToProject).toBe(true);
    const bad = applyMappingFile({ sheets: [{ sheet: 'Projects', latestToProject: true }, { sheet: 'Monthly status', latestToProject: 'yes' }] }, proposals, ctx);
    expect(!bad.ok && bad.errors).toEqual([
      'map.json: sheets[0].latestToProject: latestToProject is for a sheet of status reports ("kind": "status"); this sheet holds projects',
      'map.json: sheets[1].latestToProject: latestToProject must be true or false',
    ]);
  });

  it('leaves a project alone when the workbook already holds a newer report than the file', () => {
    const { state, clock } = setup();
    applyPlan(state, preview(state, clock, book(statusLog())).result.plan!);
    const s = sheet('Status', [
      ['Project', 'Month', 'RAG', 'Commentary'],
      ['PRJ-001', '2026-02', 'Red', 'February, revised'],
    ]);
    const m: SheetMapping = { sheet: 'Status', kind: 'status', headerRow: 0, firstDataRow: 1, lastDataRow: 1, columns: ['projectId', 'period', 'rag.overall', 'narrative'].map((field, column) => ({ column, field })), latestToProject: true };
    const plan = planImport(state, book(s), [m], { today: TODAY, newId: clock.newId });
    expect(plan.report.latest).toEqual([expect.objectContaining({ projectId: 'p-1', period: '2026-02', changes: [], note: expect.stringMatching(/newer report \(2026-06\)/) })]);
    expect(plan.ops.filter((o) => o.op === 'update' && o.entity === 'project')).toEqual([]);
  });
});

describe('status reports in our own export', () => {
  it('are exported on a "Status reports" sheet and come back unchanged, by the merge and by a plain import; an edited RAG is one change', () => {
    const { state, clock } = setup();
    applyPlan(state, preview(state, clock, book(statusLog())).result.plan!);
    const { workbook, snapshot } = buildExport(state, { exportId: 'x-9', exportedAt: '2026-07-15T09:00:00.000Z', today: TODAY, grid: 'month' });
    const out = workbook.sheets.find((s) => s.name === 'Status reports')!;
    expect(out.columns.map((c) => c.header)).toEqual(['Project', 'Period', 'Reported on', 'RAG', 'RAG schedule', 'RAG cost', 'RAG scope', 'RAG resources', 'Narrative', 'Achievements', 'Next steps', 'Decisions needed', 'Record id (do not edit)', 'Row version (do not edit)']);
    expect(out.rows).toHaveLength(120);
    expect(out.rows[0]!.slice(0, 4)).toEqual(['PRJ-001 CRM replacement', '2026-01', null, RAG_WORD[ragOf(1, 0)]]);

    const read = readSpreadsheet(writeXlsx(workbook), 'returned.xlsx');
    if (!read.ok) throw new Error(read.reason);
    const snap = exportSnapshotOf(read.workbook);
    expect(snap).toMatchObject({ exportId: 'x-9' });
    const diff = diffReturnedWorkbook(state, read.workbook, snapshot, { today: TODAY });
    expect(diff.issues).toEqual([]);
    expect(diff.rows).toEqual([]);

    // The same sheet imported plainly (no merge): matched by the hidden record id, nothing changes.
    const statusOnly = { ...read.workbook, sheets: read.workbook.sheets.filter((s) => s.name === 'Status reports') };
    const plain = preview(state, clock, statusOnly);
    expect(plain.proposals[0]!.kind).toBe('status');
    expect(plain.report.counts).toMatchObject({ new: 0, updated: 0, unchanged: 120 });
    expect(plain.report.rows.filter((r) => r.status === 'unchanged').every((r) => r.match === 'id')).toBe(true);

    // One RAG edited in the file: exactly that cell.
    const sheetIn = read.workbook.sheets.find((s) => s.name === 'Status reports')!;
    const ragCol = (sheetIn.rows[0] as string[]).indexOf('RAG');
    const first = sheetIn.rows[1]!;
    const was = first[ragCol];
    first[ragCol] = was === 'Red' ? 'Green' : 'Red';
    const edited = diffReturnedWorkbook(state, read.workbook, snapshot, { today: TODAY });
    expect(edited.rows.flatMap((r) => r.cells.map((c) => `${r.sheet}|${r.label}|${c.field}|${c.kind}|${c.theirsText}`))).toEqual([`Status reports|PRJ-001 CRM replacement 2026-01|rag.overall|theirs|${first[ragCol]}`]);
  });
});

const SSCONVERT = process.env['SSCONVERT'] ?? 'ssconvert';
const hasSsconvert = (() => {
  try {
    execFileSync(SSCONVERT, ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasSsconvert && process.env['CI']) throw new Error('ssconvert (Gnumeric) is required in CI: .ci/run installs it');

describe.skipIf(!hasSsconvert)('a status log saved by Gnumeric', () => {
  it('as CSV, xlsx and ods: the months its date cells hold are the same reports (120, then 0 changes)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pmo-status-'));
    try {
      // A CSV as people export it: months as text ("Feb 2026"), which Gnumeric turns into date cells.
      const log = statusLog();
      const csv = log.rows.map((r) => r.map((c) => (c === null ? '' : typeof c === 'object' ? ('d' in c ? c.d : '') : `"${String(c).replace(/"/g, '""')}"`)).join(',')).join('\n');
      writeFileSync(join(dir, 'status.csv'), csv);
      const { state, clock } = setup();
      const first = readSpreadsheet(new Uint8Array(readFileSync(join(dir, 'status.csv'))), 'status.csv');
      if (!first.ok) throw new Error(first.reason);
      const imported = preview(state, clock, first.workbook);
      expect(imported.report.counts).toMatchObject({ new: 120, errors: 0 });
      applyPlan(state, imported.result.plan!);
      for (const ext of ['xlsx', 'ods']) {
        const out = join(dir, `status.${ext}`);
        execFileSync(SSCONVERT, [join(dir, 'status.csv'), out], { stdio: 'pipe' });
        const read = readSpreadsheet(new Uint8Array(readFileSync(out)), `status.${ext}`);
        if (!read.ok) throw new Error(read.reason);
        const again = preview(state, clock, read.workbook);
        expect(again.proposals[0]!.kind, ext).toBe('status');
        expect(again.report.counts, ext).toMatchObject({ new: 0, updated: 0, unchanged: 120, errors: 0 });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
