// Rows pasted into a register as new records: header recognised or not, columns mapped by name
// or in the grid's order, CSV as well as tab-separated text, bad cells refused with reasons.
import { describe, expect, it } from 'vitest';
import { clipboardCells, mapPastedColumns, planPasteRows } from './paste-rows';
import { blankRecord, columnsFor } from './columns';
import { visibleColumns, defaultViewState } from './view-state';
import type { ColumnContext, DisplayRow, Option, OptionSource } from './types';
import { defaultSettings } from '../model/workbook';
import type { LooseRecord as Rec } from '../model/record';

const SOURCES: Record<OptionSource, Option[]> = {
  programme: [{ value: 'pg-1', label: 'Digital' }],
  objective: [],
  role: [{ value: 'ro-1', label: 'Developer' }],
  resource: [],
  project: [{ value: 'p-1', label: 'PRJ-001 Website' }],
  person: [],
};
const settings = defaultSettings('Test', { locale: 'en-GB', dateOrder: 'DMY' });
const ctx: ColumnContext = { settings, today: '2026-04-03', options: (s) => SOURCES[s], openRisks: () => 0, countOf: () => 0 };
const all = columnsFor('project', settings);
const visible = visibleColumns(all, defaultViewState(all, [{ col: 'code', dir: 'asc' }]));
const none: DisplayRow<Rec>[] = [];
const newRecord = (n: number) => blankRecord('project', n, new Set(), ctx.today);
const pasteRows = (text: string, rows = none) => planPasteRows<Rec>({ text, rows, columns: visible, allColumns: all, ctx, entity: 'project', newRecord });
const created = (p: ReturnType<typeof pasteRows>) => p.plan.ops.map((o) => (o.op === 'create' ? o.record : null));

describe('mapPastedColumns', () => {
  it('recognises a header by the columns’ labels and fields, ignoring case, spaces and punctuation', () => {
    const m = mapPastedColumns(['  name ', 'BUDGET', '% Complete', 'rag.overall', 'Start'], visible, all, 'project');
    expect(m.header).toBe(true);
    expect(m.targets.map((c) => c?.id)).toEqual(['name', 'budget', 'percentComplete', 'rag.overall', 'start']);
    expect(m.unmatched).toEqual([]);
  });

  it('reads the importer’s synonyms, and a header may name a hidden column', () => {
    const m = mapPastedColumns(['Project name', 'PM', 'Go-live', 'Description', 'My notes'], visible, all, 'project');
    expect(m.header).toBe(true);
    expect(m.targets.map((c) => c?.id ?? null)).toEqual(['name', 'manager', 'finish', 'description', null]);
    expect(m.unmatched).toEqual(['My notes']);
  });

  it('a column named twice is filled once: the second cell is left out and said', () => {
    const m = mapPastedColumns(['Name', 'Project name', 'Budget'], visible, all, 'project');
    expect(m.targets.map((c) => c?.id ?? null)).toEqual(['name', null, 'budget']);
    expect(m.unmatched).toEqual(['Project name']);
  });

  it('a first line of data is data: the columns go in the grid’s visible order', () => {
    const m = mapPastedColumns(['PRJ-100', 'Website relaunch', 'Complete'], visible, all, 'project');
    expect(m.header).toBe(false);
    expect(m.targets.map((c) => c?.id)).toEqual(visible.slice(0, 3).map((c) => c.id));
    expect(m.targets.map((c) => c?.id)).toEqual(['code', 'name', 'programmeId']);
  });

  it('other registers: people by their own headers and the importer’s synonyms', () => {
    const people = columnsFor('resource', settings);
    const m = mapPastedColumns(['Full name', 'Role', 'Hours per week', 'E-mail'], people, people, 'resource');
    expect(m.targets.map((c) => c?.id)).toEqual(['name', 'roleId', 'capacityHoursPerWeek', 'email']);
  });
});

describe('clipboardCells', () => {
  it('tab-separated text as a spreadsheet writes it, the final line break dropped', () => {
    expect(clipboardCells('Name\tBudget\r\nAlpha\t100\r\n')).toEqual([
      ['Name', 'Budget'],
      ['Alpha', '100'],
    ]);
  });

  it('CSV when every line splits alike; a single column with commas stays one column', () => {
    expect(clipboardCells('Name,Budget\n"Smith, J",100\nBeta,200')).toEqual([
      ['Name', 'Budget'],
      ['Smith, J', '100'],
      ['Beta', '200'],
    ]);
    expect(clipboardCells('Smith, J\nJones')).toEqual([['Smith, J'], ['Jones']]);
  });
});

describe('planPasteRows', () => {
  it('with a header: one new record per line, each value in the column its header names', () => {
    const p = pasteRows('Name\tBudget\tStart\tRAG\r\nWebsite relaunch\t£120,000\t01/05/2026\tGreen\r\nData platform\t80000\t15/06/2026\tA');
    expect(p.header).toBe(true);
    expect(p.plan.rejected).toEqual([]);
    expect(created(p)).toEqual([
      { code: 'PRJ-001', name: 'Website relaunch', stage: 'idea', budget: 12_000_000, start: '2026-05-01', rag: { overall: 'G' } },
      { code: 'PRJ-002', name: 'Data platform', stage: 'idea', budget: 8_000_000, start: '2026-06-15', rag: { overall: 'A' } },
    ]);
    // The plan's cells refer to the mapped columns, which refusalsOf is given.
    expect(p.columns.map((c) => c.id)).toEqual(['name', 'budget', 'start', 'rag.overall']);
  });

  it('without a header: the grid’s visible order, from its first column', () => {
    const p = pasteRows('PRJ-100\tWebsite relaunch\r\nPRJ-101\tData platform');
    expect(p.header).toBe(false);
    expect(created(p)).toEqual([
      { code: 'PRJ-100', name: 'Website relaunch', stage: 'idea' },
      { code: 'PRJ-101', name: 'Data platform', stage: 'idea' },
    ]);
  });

  it('bad cells are refused with their reasons and nothing else of them is written; the rest of their line still is', () => {
    const p = pasteRows('Name\tFinish\tRAG\r\nAlpha\t31/02/2027\tG\r\nBeta\t30/06/2027\tPurple');
    expect(p.plan.rejected.map((r) => [r.row, r.header, r.text])).toEqual([
      [0, 'Finish', '31/02/2027'],
      [1, 'RAG', 'Purple'],
    ]);
    expect(p.plan.rejected[0]!.reason).toContain('is not a real date');
    expect(created(p)).toEqual([
      { code: 'PRJ-001', name: 'Alpha', stage: 'idea', rag: { overall: 'G' } },
      { code: 'PRJ-002', name: 'Beta', stage: 'idea', finish: '2027-06-30' },
    ]);
  });

  it('after existing rows: new rows go below them, numbered from the grid’s end', () => {
    const rows: DisplayRow<Rec>[] = [{ kind: 'record', rowId: 'p-1', id: 'p-1', record: { id: 'p-1', code: 'PRJ-001', name: 'Website' } }];
    const p = pasteRows('Name\r\nCRM', rows);
    expect(p.plan.ops).toEqual([{ op: 'create', entity: 'project', record: { code: 'PRJ-001', name: 'CRM', stage: 'idea' } }]);
    expect(p.plan.cells[0]!.row).toBe(1);
  });

  it('cells under a header that names no column are counted as left out; a calculated column is refused', () => {
    const p = pasteRows('Name\tMy notes\tCost variance\r\nAlpha\tcall finance\t100');
    expect(p.unmatched).toEqual(['My notes']);
    expect(p.plan.ignoredCells).toBe(1);
    expect(p.plan.rejected.map((r) => [r.header, r.reason])).toEqual([['Cost variance', 'is calculated and cannot be edited']]);
  });

  it('nothing to paste: no plan', () => {
    expect(pasteRows('').plan.ops).toEqual([]);
    expect(pasteRows('Name\tBudget').plan.ops).toEqual([]);
  });
});
