// Which files merge (mergeChoice, asked by the app's import flow and by `pmo import`), and a
// rename since the export: the file's child rows still name the record as it was exported.
import { describe, expect, it } from 'vitest';
import { WorkbookState } from '../commands/state';
import { planNewWorkbook } from '../commands/new-workbook';
import { applyPlan, planChange } from '../commands/plan';
import { testClock, tinyWorkbook } from '../../test/helpers/tiny-workbook';
import { buildExport } from './export';
import { diffReturnedWorkbook, mergeChoice } from './merge';
import type { SourceCell, SourceWorkbook } from './source';
import type { XlsxValue, XlsxWorkbook } from './xlsx/writer';

function setup() {
  const clock = testClock();
  const p = planNewWorkbook(tinyWorkbook(), { ...clock, origin: 'create', label: 'New' });
  return { clock, state: new WorkbookState(p.workbook, p.rows) };
}

/** The export as a reader gives it back, unedited (as exchange.test.ts's asSource). */
function returned(wb: XlsxWorkbook): SourceWorkbook {
  const cell = (v: XlsxValue, numFmt?: string): SourceCell => {
    if (v === null) return null;
    if (typeof v === 'object') return { d: v.date };
    if (typeof v === 'number' && numFmt?.includes('%')) return { n: v, pct: true };
    return v;
  };
  return {
    fileName: 'export.xlsx',
    format: 'xlsx',
    date1904: false,
    notes: [],
    sheets: wb.sheets.map((s) => {
      const rows = [s.columns.map((c) => c.header), ...s.rows.map((r) => r.map((v, i) => cell(v, s.columns[i]?.numFmt)))];
      return { name: s.name, rows, width: Math.max(...rows.map((r) => r.length)), merges: [], hidden: false };
    }),
  };
}

describe('mergeChoice', () => {
  it('merges an export of this workbook; explains another workbook or a newer app; a plain file has no note', () => {
    expect(mergeChoice({ workbookId: 'wb-1', workbookName: 'Tiny' }, 'wb-1')).toEqual({ merge: true });
    expect(mergeChoice({ workbookId: 'wb-2', workbookName: 'Other' }, 'wb-1')).toEqual({ merge: false, note: expect.stringMatching(/^This file is an export of “Other”, another workbook: its rows are imported like any spreadsheet’s/) });
    expect(mergeChoice({ workbookId: 'wb-1', workbookName: 'Tiny' }, undefined)).toMatchObject({ merge: false });
    expect(mergeChoice({ error: 'was exported by a newer PMO Workbench (x/9)' }, 'wb-1')).toEqual({ merge: false, note: 'This file was exported by a newer PMO Workbench (x/9), so it cannot be merged cell by cell: its rows are imported like any spreadsheet’s.' });
    expect(mergeChoice(null, 'wb-1')).toEqual({ merge: false, note: null });
  });
});

describe('diffReturnedWorkbook after a rename', () => {
  it('a project and a person renamed here since the export: the file’s rows naming them as exported are unchanged, not errors', () => {
    const { clock, state } = setup();
    const { workbook, snapshot } = buildExport(state, { exportId: 'x-1', exportedAt: '2026-11-21T09:00:00Z', today: '2026-11-21', grid: 'week' });
    const r = planChange(state, [
      { op: 'update', entity: 'project', id: 'p-1', changes: { name: 'CRM replacement, phase 1' } },
      { op: 'update', entity: 'resource', id: 'res-1', changes: { name: 'Asha Patel-Rao' } },
    ], { ...clock, origin: 'edit', label: 'Rename' });
    applyPlan(state, r.plan!);
    const diff = diffReturnedWorkbook(state, returned(workbook), snapshot, { today: '2026-11-21' });
    expect(diff.issues).toEqual([]);
    expect(diff.rows).toEqual([]);
    expect(diff.oursOnly).toBe(2);
  });

  it('a label that now names another record is not taken as the old one', () => {
    const { clock, state } = setup();
    const { workbook, snapshot } = buildExport(state, { exportId: 'x-1', exportedAt: '2026-11-21T09:00:00Z', today: '2026-11-21', grid: 'week' });
    // PRJ-001 and PRJ-002 swap names and codes: "PRJ-001 CRM replacement" is now p-2.
    const r = planChange(state, [
      { op: 'update', entity: 'project', id: 'p-1', changes: { code: 'PRJ-901', name: 'Data platform' } },
      { op: 'update', entity: 'project', id: 'p-2', changes: { code: 'PRJ-001', name: 'CRM replacement' } },
    ], { ...clock, origin: 'edit', label: 'Swap' });
    applyPlan(state, r.plan!);
    const diff = diffReturnedWorkbook(state, returned(workbook), snapshot, { today: '2026-11-21' });
    // The milestone's Project cell names p-2 now: a change in the file's favour, as text says.
    const m = diff.rows.find((x) => x.sheet === 'Milestones');
    expect(m?.cells.map((c) => [c.field, c.theirs])).toEqual([['projectId', 'p-2']]);
  });
});
