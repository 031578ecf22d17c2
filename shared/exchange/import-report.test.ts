// The import report as the wizard shows it: changes in words, and rows that name a record by the
// code another row of the same import gives it.
import { describe, expect, it } from 'vitest';
import { WorkbookState } from '../commands/state';
import { planNewWorkbook } from '../commands/new-workbook';
import { testClock, tinyWorkbook } from '../../test/helpers/tiny-workbook';
import { planImport, type SheetMapping } from './import';
import type { SourceCell, SourceSheet, SourceWorkbook } from './source';

function setup() {
  const clock = testClock();
  const p = planNewWorkbook(tinyWorkbook(), { ...clock, origin: 'create', label: 'New' });
  return { clock, state: new WorkbookState(p.workbook, p.rows) };
}

const sheet = (name: string, rows: SourceCell[][]): SourceSheet => ({ name, rows, width: Math.max(...rows.map((r) => r.length)), merges: [], hidden: false });
const mapping = (s: SourceSheet, kind: SheetMapping['kind'], fields: (string | null)[]): SheetMapping => ({
  sheet: s.name,
  kind,
  headerRow: 0,
  firstDataRow: 1,
  lastDataRow: s.rows.length - 1,
  columns: fields.map((field, column) => ({ column, field })),
});

describe('planImport report', () => {
  it('finds a project by the new code an earlier row of the same import gives it', () => {
    const { state, clock } = setup();
    const projects = sheet('Projects', [
      ['Code', 'Name'],
      ['NEW-001', 'CRM replacement'],
    ]);
    const allocations = sheet('Allocations', [
      ['Project', 'Person', 'Start', 'End', 'Hours'],
      ['NEW-001', 'Asha Patel', '2026-07-06', '2026-07-31', 12],
    ]);
    const book: SourceWorkbook = { fileName: 'x.xlsx', format: 'xlsx', date1904: false, sheets: [projects, allocations], notes: [] };
    const plan = planImport(state, book, [mapping(projects, 'project', ['code', 'name']), mapping(allocations, 'allocation', ['projectId', 'resourceId', 'start', 'end', 'amount'])], { today: '2026-05-01', newId: clock.newId });
    expect(plan.report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const [project, allocation] = plan.report.rows;
    expect(project).toMatchObject({ status: 'updated', match: 'name', recordId: 'p-1' });
    expect(allocation).toMatchObject({ status: 'new', label: 'Asha Patel on NEW-001 CRM replacement from 2026-07-06' });
    const create = plan.ops.find((o) => o.op === 'create' && o.entity === 'allocation');
    expect(create).toMatchObject({ record: { projectId: 'p-1', resourceId: 'res-1', amount: 12 } });
  });

  it('describes changes as the register shows them, naming records the import creates', () => {
    const { state, clock } = setup();
    const projects = sheet('Projects', [
      ['Code', 'Programme', 'Budget'],
      ['PRJ-002', 'Brand new programme', 510000],
    ]);
    const book: SourceWorkbook = { fileName: 'x.xlsx', format: 'xlsx', date1904: false, sheets: [projects], notes: [] };
    const plan = planImport(state, book, [mapping(projects, 'project', ['code', 'programmeId', 'budget'])], { today: '2026-05-01', newId: clock.newId });
    const changes = plan.report.rows[0]!.changes!;
    expect(changes.find((c) => c.field === 'programmeId')).toMatchObject({ beforeText: 'Digital', afterText: 'Brand new programme' });
    expect(changes.find((c) => c.field === 'budget')).toMatchObject({ beforeText: '£500,000.00', afterText: '£510,000.00' });
  });
});
