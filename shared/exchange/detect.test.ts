import { describe, expect, it } from 'vitest';
import { detectTable, layoutKey, type SkippedRow } from './detect';
import { guessKind, suggestMapping, SYNONYMS, type FieldType, type ImportFieldSpec, type ImportKind } from './suggest';
import type { CellRange, SourceCell, SourceSheet } from './source';

// Field lists as the importer builds them: SYNONYMS plus a label and a type per key.
const TYPES: Record<ImportKind, Record<string, FieldType>> = {
  project: { id: 'id', version: 'number', code: 'text', name: 'text', programmeId: 'reference', stage: 'select', 'rag.overall': 'rag', 'rag.schedule': 'rag', 'rag.cost': 'rag', 'rag.scope': 'rag', 'rag.resources': 'rag', priority: 'select', manager: 'person', sponsor: 'person', businessUnit: 'text', objectiveIds: 'multiselect', start: 'date', finish: 'date', baselineStart: 'date', baselineFinish: 'date', actualStart: 'date', actualFinish: 'date', percentComplete: 'percent', budget: 'money', forecastCost: 'money', actualCost: 'money', statusNarrative: 'longtext', description: 'longtext', tags: 'multiselect', archived: 'checkbox' },
  milestone: { id: 'id', version: 'number', projectId: 'reference', name: 'text', baselineDate: 'date', forecastDate: 'date', actualDate: 'date', description: 'longtext' },
  resource: { id: 'id', version: 'number', name: 'text', roleId: 'reference', team: 'text', email: 'text', capacityHoursPerWeek: 'number', fte: 'number', start: 'date', end: 'date' },
  allocation: { id: 'id', version: 'number', projectId: 'reference', resourceId: 'reference', roleId: 'reference', start: 'date', end: 'date', period: 'period', amount: 'number', fte: 'percent', tentative: 'checkbox', note: 'longtext' },
  raid: { id: 'id', version: 'number', kind: 'select', code: 'text', title: 'text', projectId: 'reference', description: 'longtext', owner: 'person', raisedDate: 'date', dueDate: 'date', closedDate: 'date', status: 'select', probability: 'number', impact: 'number', response: 'longtext' },
  status: { id: 'id', version: 'number', projectId: 'reference', period: 'period', reportedOn: 'date', 'rag.overall': 'rag', 'rag.schedule': 'rag', 'rag.cost': 'rag', 'rag.scope': 'rag', 'rag.resources': 'rag', narrative: 'longtext', achievements: 'longtext', nextSteps: 'longtext', decisionsNeeded: 'longtext' },
};

function label(key: string): string {
  if (key === 'id') return 'ID';
  const words = key.replace(/\./g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/ Ids?$/, '').toLowerCase().replace(/^rag/, 'RAG');
  return words[0]!.toUpperCase() + words.slice(1);
}

function specs(kind: ImportKind): ImportFieldSpec[] {
  return Object.entries(SYNONYMS[kind]).map(([key, synonyms]) => ({ key, label: label(key), type: TYPES[kind][key]!, synonyms }));
}

const catalogue = Object.fromEntries((Object.keys(TYPES) as ImportKind[]).map((k) => [k, specs(k)])) as Record<ImportKind, ImportFieldSpec[]>;

function sheet(rows: SourceCell[][], merges: CellRange[] = [], name = 'Sheet1'): SourceSheet {
  return { name, rows, width: Math.max(0, ...rows.map((r) => r.length)), merges, hidden: false };
}

const W = 10;
const pad = (r: SourceCell[]): SourceCell[] => [...r, ...Array<SourceCell>(Math.max(0, W - r.length)).fill(null)];

/** ACME's portfolio as a client sends it. */
function acme(): SourceSheet {
  const rows: SourceCell[][] = [
    pad(['ACME Corp — Project portfolio']), // 0: title, merged across
    pad(['As at 30 Sep 2026']), // 1: title
    [], // 2: blank
    pad(['Proj #', null, null, 'Dates', null, null, null, 'Budget', null, null]), // 3: group header
    pad([null, 'Proj Name', 'PM', 'Start', 'Go-live', 'Status', 'RAG', 'Budget (£k)', 'Actuals (£k)', 'Comments']), // 4: header
    pad(['PRJ-001', 'CRM replacement', 'Jane Smith', '03/04/2026', '30/11/2026', 'In progress', 'Green', '£1,200.50', '£450', 'On track for go-live']),
    pad(['PRJ-002', 'Data platform', 'Raj Patel', '15/01/2026', '31/03/2027', 'In progress', 'Amber', '2,000', '(50)', 'Vendor delays']),
    [], // 7: blank between groups
    pad(['PRJ-003', 'HR self-service', 'Ana Lopez', '01/06/2026', '28/02/2027', 'Approved', 'G', '850', '0', null]),
    pad(['PRJ-004', 'Warehouse robotics', 'Tom Brown', '10/09/2026', '15/12/2027', 'Proposed', 'Red', '1,150', null, 'Awaiting funding']),
    pad(['Total', null, null, null, null, null, null, 5200.5, 400, null]), // 10: totals
    [], // 11
    pad(['Source: finance system']), // 12: note
  ];
  return sheet(
    rows,
    [
      { r0: 0, c0: 0, r1: 0, c1: 9 },
      { r0: 3, c0: 0, r1: 4, c1: 0 }, // "Proj #" merged down over both header rows
      { r0: 3, c0: 3, r1: 3, c1: 4 }, // "Dates" over Start | Go-live
      { r0: 3, c0: 7, r1: 3, c1: 8 }, // "Budget" over Budget (£k) | Actuals (£k)
    ],
    'Portfolio',
  );
}

describe('detectTable on a messy client sheet', () => {
  const s = acme();
  const t = detectTable(s);

  it('finds the header under the titles and combines the merged group header', () => {
    expect(t.headerRow).toBe(4);
    expect(t.headerRows).toEqual([3, 4]);
    expect(t.headers).toEqual(['Proj #', 'Proj Name', 'PM', 'Dates Start', 'Dates Go-live', 'Status', 'RAG', 'Budget (£k)', 'Budget Actuals (£k)', 'Comments']);
    expect(t.firstDataRow).toBe(5);
    expect(t.lastDataRow).toBe(9);
    expect(t.confidence).toBeGreaterThan(0.6);
  });

  it('accounts for every other row with its reason', () => {
    expect(t.skipped).toEqual<SkippedRow[]>([
      { row: 0, reason: 'title', text: 'ACME Corp — Project portfolio' },
      { row: 1, reason: 'title', text: 'As at 30 Sep 2026' },
      { row: 2, reason: 'blank' },
      { row: 7, reason: 'blank' },
      { row: 10, reason: 'totals', text: 'Total' },
      { row: 11, reason: 'blank' },
      { row: 12, reason: 'note', text: 'Source: finance system' },
    ]);
    // Header rows + data rows + skipped rows = every row of the sheet.
    const data = s.rows.map((_, r) => r).filter((r) => r >= t.firstDataRow && r <= t.lastDataRow && !t.skipped.some((k) => k.row === r));
    expect(data).toEqual([5, 6, 8, 9]);
    expect(t.headerRows.length + data.length + t.skipped.length).toBe(s.rows.length);
  });

  it('maps every column and guesses the kind', () => {
    const sample = s.rows.slice(t.firstDataRow, t.lastDataRow + 1).filter((_, i) => !t.skipped.some((k) => k.row === t.firstDataRow + i));
    const mapping = suggestMapping(t.headers, sample, catalogue.project);
    expect(mapping.map((m) => m.field)).toEqual(['code', 'name', 'manager', 'start', 'finish', 'stage', 'rag.overall', 'budget', 'actualCost', 'statusNarrative']);
    expect(mapping[7]).toMatchObject({ field: 'budget', scale: 1000 });
    expect(mapping[8]).toMatchObject({ field: 'actualCost', scale: 1000 });
    expect(mapping[0]!.scale).toBeUndefined();
    expect(mapping[1]!.reason).toBe('header “Proj Name” is a synonym of Name');
    expect(mapping[4]!.reason).toContain('values look like dates');
    for (const m of mapping) expect(m.score).toBeGreaterThanOrEqual(0.5);
    const kind = guessKind(t.headers, catalogue, s.name);
    expect(kind.kind).toBe('project');
    expect(kind.score).toBeGreaterThan(0.3);
  });
});

describe('detectTable rows', () => {
  it('reads a plain table with the header on the first row', () => {
    const t = detectTable(
      sheet([
        ['Code', 'Name', 'Budget'],
        ['PRJ-1', 'Alpha', 100],
        ['PRJ-2', 'Beta', 200],
      ]),
    );
    expect(t).toMatchObject({ headerRow: 0, headerRows: [0], headers: ['Code', 'Name', 'Budget'], firstDataRow: 1, lastDataRow: 2, skipped: [] });
  });

  it('takes the header, not the first record, of an all-text table', () => {
    const t = detectTable(
      sheet([
        ['Name', 'Role', 'Team'],
        ['Jane Smith', 'Business analyst', 'Change'],
        ['Raj Patel', 'Developer', 'Platform'],
        ['Ana Lopez', 'Tester', 'Platform'],
      ]),
    );
    expect(t.headerRow).toBe(0);
    expect(t.lastDataRow).toBe(3);
  });

  it('finds totals by their words or by numbers equal to the sums above, repeated headers and notes', () => {
    const rows: SourceCell[][] = [
      ['Code', 'Name', 'Manager', 'Budget', 'Actual'],
      ['P1', 'Alpha', 'Jane', 100, 10],
      ['P2', 'Beta', 'Raj', 200, 20],
      [null, 'Sub-total', null, 300, 30],
      ['Code', 'Name', 'Manager', 'Budget', 'Actual'],
      ['P3', 'Gamma', 'Ana', '1,000', 5],
      ['P4', 'Total Rewards programme', 'Tom', 50, 5], // a project whose name starts with "Total"
      ['P5', 'Delta', 'Kim', 7, 1],
      [null, null, null, 1057, 11], // sums since the sub-total, no label
      [null, null, null, 1357, 41], // grand total, no label
      ['* Budgets exclude contingency'],
      ['Figures provided by the PMO, subject to change'],
    ];
    const t = detectTable(sheet(rows));
    expect(t.headerRow).toBe(0);
    expect(t.lastDataRow).toBe(7);
    expect(t.skipped).toEqual([
      { row: 3, reason: 'totals', text: 'Sub-total' },
      { row: 4, reason: 'repeated-header', text: 'Code' },
      { row: 8, reason: 'totals', text: '1057' },
      { row: 9, reason: 'totals', text: '1357' },
      { row: 10, reason: 'note', text: '* Budgets exclude contingency' },
      { row: 11, reason: 'note', text: 'Figures provided by the PMO, subject to change' },
    ]);
  });

  it('keeps a sparse last record that is not cut off from the table', () => {
    const t = detectTable(
      sheet([
        ['Code', 'Name', 'Manager', 'Start', 'Budget'],
        ['P1', 'Alpha', 'Jane', { d: '2026-01-05' }, 100],
        ['P2', 'Beta', 'Raj', { d: '2026-02-02' }, 200],
        ['P3', 'Gamma'],
      ]),
    );
    expect(t.lastDataRow).toBe(3);
    expect(t.skipped).toEqual([]);
  });

  it('does not take a title merged across the whole table for a group header', () => {
    const t = detectTable(
      sheet(
        [
          ['Portfolio 2026', null, null],
          ['Code', 'Name', 'Budget'],
          ['P1', 'Alpha', 100],
          ['P2', 'Beta', 200],
        ],
        [{ r0: 0, c0: 0, r1: 0, c1: 2 }],
      ),
    );
    expect(t.headerRows).toEqual([1]);
    expect(t.headers).toEqual(['Code', 'Name', 'Budget']);
    expect(t.skipped).toEqual([{ row: 0, reason: 'title', text: 'Portfolio 2026' }]);
  });

  it('skips a section title merged across the table between records', () => {
    const t = detectTable(
      sheet(
        [
          ['Code', 'Name', 'Manager', 'Budget'],
          ['Phase 1 projects', null, null, null],
          ['P1', 'Alpha', 'Jane', 100],
          ['P2', 'Beta', 'Raj', 200],
        ],
        [{ r0: 1, c0: 0, r1: 1, c1: 3 }],
      ),
    );
    expect(t.firstDataRow).toBe(2);
    expect(t.skipped).toEqual([{ row: 1, reason: 'title', text: 'Phase 1 projects' }]);
  });

  it('collapses line breaks and spaces in header names and spreads a merged header over its span', () => {
    const t = detectTable(
      sheet(
        [
          ['Project\nname', '  Budget \r\n (£k) ', 'Owner', null, 'Start'],
          ['Alpha', 100, 'Jane', 'Smith', { d: '2026-01-05' }],
          ['Beta', 200, 'Raj', 'Patel', { d: '2026-02-02' }],
        ],
        [{ r0: 0, c0: 2, r1: 0, c1: 3 }],
      ),
    );
    expect(t.headers).toEqual(['Project name', 'Budget (£k)', 'Owner', 'Owner', 'Start']);
  });

  it('finds the header of a wide allocation grid whose week columns are date cells', () => {
    const t = detectTable(
      sheet([
        ['Resource plan Q1'],
        [],
        ['Person', 'Project', { d: '2026-01-05' }, { d: '2026-01-12' }, { d: '2026-01-19' }, 'Total'],
        ['Jane', 'CRM', 20, 20, 10, 50],
        ['Raj', 'CRM', 10, 10, 10, 30],
        [null, null, 30, 30, 20, 80],
      ]),
    );
    expect(t.headerRow).toBe(2);
    expect(t.headers).toEqual(['Person', 'Project', '2026-01-05', '2026-01-12', '2026-01-19', 'Total']);
    expect(t.lastDataRow).toBe(4);
    expect(t.skipped.map((k) => [k.row, k.reason])).toEqual([
      [0, 'title'],
      [1, 'blank'],
      [5, 'totals'],
    ]);
  });

  it('is more confident when the header names expected fields', () => {
    const s = sheet([
      ['Notes', 'Misc'],
      ['Proj Name', 'PM'],
      ['Alpha', 'Jane'],
      ['Beta', 'Raj'],
    ]);
    const plain = detectTable(s);
    const hinted = detectTable(s, { fields: catalogue.project });
    expect(hinted.headerRow).toBe(1);
    expect(hinted.confidence).toBeGreaterThanOrEqual(plain.confidence);
  });

  it('copes with an empty sheet and a sheet of blank rows', () => {
    expect(detectTable(sheet([]))).toMatchObject({ headers: [], skipped: [], confidence: 0 });
    const blank = detectTable(sheet([[], [null, '  ']]));
    expect(blank.lastDataRow).toBeLessThan(blank.firstDataRow);
    expect(blank.confidence).toBeLessThan(0.3);
  });

  it('classifies 50,000 rows', () => {
    const base = acme();
    const rows = base.rows.slice(0, 5);
    const records = base.rows.slice(5, 7);
    for (let i = 0; i < 50_000; i++) rows.push(records[i % 2]!.map((c, j) => (j === 7 ? String(i) : c)));
    rows.push(pad(['Total']), [], pad(['Source: finance system']));
    const s = sheet(rows, base.merges);
    const t = detectTable(s);
    expect(t.headerRow).toBe(4);
    expect(t.lastDataRow).toBe(50_004);
    expect(t.skipped.slice(3)).toEqual([
      { row: 50_005, reason: 'totals', text: 'Total' },
      { row: 50_006, reason: 'blank' },
      { row: 50_007, reason: 'note', text: 'Source: finance system' },
    ]);
  });
});

describe('layoutKey', () => {
  it('is the same for reordered, re-spaced or re-cased headers and different otherwise', () => {
    const a = layoutKey(['Proj #', 'Proj Name', 'Budget (£k)']);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(layoutKey(['budget (£k)', ' Proj  Name', 'PROJ #'])).toBe(a);
    expect(layoutKey(['Proj #', 'Proj Name', 'Budget (£m)'])).not.toBe(a);
    expect(layoutKey(['Proj #', 'Proj Name'])).not.toBe(a);
    expect(layoutKey(['Proj #', 'Proj Name', 'Budget (£k)', ''])).toBe(a);
  });

  it('treats any run of week or month columns as the same layout', () => {
    const jan = layoutKey(['Person', 'Project', '2026-01-05', '2026-01-12', '2026-01-19']);
    const feb = layoutKey(['Person', 'Project', '2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23']);
    expect(feb).toBe(jan);
    expect(layoutKey(['Person', 'Project', 'Jan-26', 'Feb-26'])).toBe(jan);
    expect(layoutKey(['Person', 'Role', '2026-01-05'])).not.toBe(jan);
  });
});
