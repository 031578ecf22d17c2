import { describe, expect, it } from 'vitest';
import { analyseHeader, classifyValue, guessKind, parseLooseNumber, suggestMapping, SYNONYMS, type ColumnSuggestion, type FieldType, type ImportFieldSpec, type ImportKind } from './suggest';
import type { SourceCell } from './source';

// Field lists as the importer builds them: SYNONYMS plus a label and a type per key.
const TYPES: Record<ImportKind, Record<string, FieldType>> = {
  project: { id: 'id', version: 'number', code: 'text', name: 'text', programmeId: 'reference', stage: 'select', 'rag.overall': 'rag', 'rag.schedule': 'rag', 'rag.cost': 'rag', 'rag.scope': 'rag', 'rag.resources': 'rag', priority: 'select', manager: 'person', sponsor: 'person', businessUnit: 'text', objectiveIds: 'multiselect', start: 'date', finish: 'date', baselineStart: 'date', baselineFinish: 'date', actualStart: 'date', actualFinish: 'date', percentComplete: 'percent', budget: 'money', forecastCost: 'money', actualCost: 'money', statusNarrative: 'longtext', description: 'longtext', tags: 'multiselect', archived: 'checkbox' },
  milestone: { id: 'id', version: 'number', projectId: 'reference', name: 'text', baselineDate: 'date', forecastDate: 'date', actualDate: 'date', description: 'longtext' },
  resource: { id: 'id', version: 'number', name: 'text', roleId: 'reference', team: 'text', email: 'text', capacityHoursPerWeek: 'number', fte: 'number', start: 'date', end: 'date' },
  allocation: { id: 'id', version: 'number', projectId: 'reference', resourceId: 'reference', roleId: 'reference', start: 'date', end: 'date', period: 'period', amount: 'number', fte: 'percent', tentative: 'checkbox', note: 'longtext' },
  raid: { id: 'id', version: 'number', kind: 'select', code: 'text', title: 'text', projectId: 'reference', description: 'longtext', owner: 'person', raisedDate: 'date', dueDate: 'date', closedDate: 'date', status: 'select', probability: 'number', impact: 'number', response: 'longtext' },
  status: { id: 'id', version: 'number', projectId: 'reference', period: 'period', reportedOn: 'date', 'rag.overall': 'rag', 'rag.schedule': 'rag', 'rag.cost': 'rag', 'rag.scope': 'rag', 'rag.resources': 'rag', narrative: 'longtext', achievements: 'longtext', nextSteps: 'longtext', decisionsNeeded: 'longtext' },
};
const CHOICES: Record<string, string[]> = {
  'project.stage': ['Idea', 'Proposed', 'Approved', 'In progress', 'On hold', 'Closed', 'Cancelled'],
  'raid.kind': ['Risk', 'Assumption', 'Issue', 'Dependency'],
  'raid.status': ['Open', 'Closed', 'In progress'],
};

function label(key: string): string {
  if (key === 'id') return 'ID';
  const words = key.replace(/\./g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/ Ids?$/, '').toLowerCase().replace(/^rag/, 'RAG');
  return words[0]!.toUpperCase() + words.slice(1);
}

function specs(kind: ImportKind): ImportFieldSpec[] {
  return Object.entries(SYNONYMS[kind]).map(([key, synonyms]) => {
    const spec: ImportFieldSpec = { key, label: label(key), type: TYPES[kind][key]!, synonyms };
    const choices = CHOICES[`${kind}.${key}`];
    if (choices) spec.choices = choices;
    return spec;
  });
}

const catalogue = Object.fromEntries((Object.keys(TYPES) as ImportKind[]).map((k) => [k, specs(k)])) as Record<ImportKind, ImportFieldSpec[]>;

const fieldsOf = (m: ColumnSuggestion[]) => m.map((s) => s.field);

describe('SYNONYMS', () => {
  it('covers the fixed field keys of every kind', () => {
    expect(Object.keys(SYNONYMS.project)).toEqual(['id', 'version', 'code', 'name', 'programmeId', 'stage', 'rag.overall', 'rag.schedule', 'rag.cost', 'rag.scope', 'rag.resources', 'priority', 'manager', 'sponsor', 'businessUnit', 'objectiveIds', 'start', 'finish', 'baselineStart', 'baselineFinish', 'actualStart', 'actualFinish', 'percentComplete', 'budget', 'forecastCost', 'actualCost', 'statusNarrative', 'description', 'tags', 'archived']);
    expect(Object.keys(SYNONYMS.milestone)).toEqual(['id', 'version', 'projectId', 'name', 'baselineDate', 'forecastDate', 'actualDate', 'description']);
    expect(Object.keys(SYNONYMS.resource)).toEqual(['id', 'version', 'name', 'roleId', 'team', 'email', 'capacityHoursPerWeek', 'fte', 'start', 'end']);
    expect(Object.keys(SYNONYMS.allocation)).toEqual(['id', 'version', 'projectId', 'resourceId', 'roleId', 'start', 'end', 'period', 'amount', 'fte', 'tentative', 'note']);
    expect(Object.keys(SYNONYMS.raid)).toEqual(['id', 'version', 'kind', 'code', 'title', 'projectId', 'description', 'owner', 'raisedDate', 'dueDate', 'closedDate', 'status', 'probability', 'impact', 'response']);
  });

  it('never lists the same synonym twice for one field, and every synonym normalises to words', () => {
    for (const kind of Object.values(SYNONYMS)) {
      for (const list of Object.values(kind)) {
        const lower = list.map((s) => s.toLowerCase());
        expect(new Set(lower).size).toBe(lower.length);
        for (const s of list) expect(analyseHeader(s).key, s).not.toBe('');
      }
    }
  });
});

describe('analyseHeader', () => {
  it('normalises case, accents, punctuation and abbreviations', () => {
    expect(analyseHeader('Proj Name').key).toBe('project name');
    expect(analyseHeader('PROJECT  NAME').key).toBe('project name');
    expect(analyseHeader('Proj #').key).toBe('project id');
    expect(analyseHeader('Project No.').key).toBe('project id');
    expect(analyseHeader('PM').key).toBe('project manager');
    expect(analyseHeader('Proj. Mgr').key).toBe('project manager');
    expect(analyseHeader('Go-live').key).toBe('go live');
    expect(analyseHeader('% complete').key).toBe('percent complete');
    expect(analyseHeader('Pct complete').key).toBe('percent complete');
    expect(analyseHeader('w/c').key).toBe('week commencing');
    expect(analyseHeader('Déscription').key).toBe('description');
    expect(analyseHeader('ProjectName').key).toBe('project name');
    expect(analyseHeader('Dept.').key).toBe('department');
    expect(analyseHeader('Likelihood (1–5)').key).toBe('likelihood');
  });

  it('reads scales, currencies and units off the header', () => {
    const scale = (h: string) => analyseHeader(h).scale;
    expect(scale('Budget (£k)')).toBe(1000);
    expect(scale('Budget (k)')).toBe(1000);
    expect(scale("Budget '000")).toBe(1000);
    expect(scale("Budget (£'000)")).toBe(1000);
    expect(scale('Budget (000s)')).toBe(1000);
    expect(scale('Budget £k')).toBe(1000);
    expect(scale('Cost (USD k)')).toBe(1000);
    expect(scale('Budget (£m)')).toBe(1_000_000);
    expect(scale('Budget (m)')).toBe(1_000_000);
    expect(scale('Budget mn')).toBe(1_000_000);
    expect(scale('Budget (€ millions)')).toBe(1_000_000);
    expect(scale('Budget (£)')).toBeUndefined();
    expect(scale('Budget')).toBeUndefined();
    expect(analyseHeader('Budget (£k)')).toMatchObject({ key: 'budget', currency: true });
    expect(analyseHeader('Budget (GBP)')).toMatchObject({ key: 'budget', currency: true });
    expect(analyseHeader('Effort (days)')).toMatchObject({ key: 'effort', units: ['days'] });
    expect(analyseHeader('Capacity (hrs/wk)')).toMatchObject({ key: 'capacity', units: ['hours'] });
    expect(analyseHeader('Start (baseline)').key).toBe('start baseline');
  });
});

describe('value evidence', () => {
  it('classifies cells', () => {
    const cases: [SourceCell, string][] = [
      [null, 'blank'],
      ['  ', 'blank'],
      [12, 'number'],
      [{ d: '2026-04-03' }, 'date'],
      [{ n: 0.45, pct: true }, 'percent'],
      [true, 'bool'],
      ['03/04/2026', 'date'],
      ['3 Apr 2026', 'date'],
      ['2026-04-03', 'date'],
      ['31.12.2026', 'date'],
      ['$1,200.50', 'money'],
      ['1.200,50 €', 'money'],
      ['1.2m', 'money'],
      ['(500)', 'money'],
      ['1,200', 'number'],
      ['45%', 'percent'],
      ['Green', 'rag'],
      ['G', 'rag'],
      ['On track', 'rag'],
      ['at-risk', 'rag'],
      ['Yes', 'bool'],
      ['jane.smith@acme.com', 'email'],
      ['2026-W05', 'period'],
      ['PRJ-001', 'text'],
      ['CRM replacement', 'text'],
    ];
    for (const [cell, kind] of cases) expect([cell, classifyValue(cell)]).toEqual([cell, kind]);
  });

  it('reads numbers leniently', () => {
    expect(parseLooseNumber('$1,200.50')).toEqual({ value: 1200.5, money: true });
    expect(parseLooseNumber('1.200,50 €')).toEqual({ value: 1200.5, money: true });
    expect(parseLooseNumber('(500)')).toEqual({ value: -500, money: true });
    expect(parseLooseNumber('1.2m')).toEqual({ value: 1_200_000, money: true });
    expect(parseLooseNumber('USD 1,000')).toEqual({ value: 1000, money: true });
    expect(parseLooseNumber('12 345,67')).toEqual({ value: 12345.67, money: false });
    expect(parseLooseNumber('42')).toEqual({ value: 42, money: false });
    expect(parseLooseNumber('03.04.2026')).toBeNull();
    expect(parseLooseNumber('03/04/2026')).toBeNull();
    expect(parseLooseNumber('PRJ-001')).toBeNull();
    expect(parseLooseNumber('Total')).toBeNull();
  });
});

describe('suggestMapping', () => {
  it('maps a milestone sheet', () => {
    const headers = ['Project', 'Milestone', 'Baseline', 'Forecast', 'Actual', 'Notes'];
    const m = suggestMapping(
      headers,
      [
        ['PRJ-001', 'Design signed off', '01/03/2026', '15/03/2026', '14/03/2026', 'Two weeks late'],
        ['PRJ-001', 'Go live', { d: '2026-11-30' }, { d: '2026-12-15' }, null, null],
        ['PRJ-002', 'Pilot', '01/05/2026', '01/06/2026', null, ''],
      ],
      catalogue.milestone,
    );
    expect(fieldsOf(m)).toEqual(['projectId', 'name', 'baselineDate', 'forecastDate', 'actualDate', 'description']);
    expect(guessKind(headers, catalogue, 'Milestones').kind).toBe('milestone');
    expect(guessKind(headers, catalogue, 'Sheet1').kind).toBe('milestone');
  });

  it('maps a resource sheet', () => {
    const headers = ['Employee', 'Job title', 'Dept', 'E-mail', 'Hours per week', 'FTE', 'Start date'];
    const m = suggestMapping(
      headers,
      [
        ['Jane Smith', 'Business analyst', 'Change', 'jane@acme.com', 37.5, 1, '01/01/2024'],
        ['Raj Patel', 'Developer', 'IT', 'raj@acme.com', 30, 0.8, '01/03/2025'],
        ['Ana Lopez', 'Tester', 'IT', 'ana@acme.com', 37.5, 1, null],
      ],
      catalogue.resource,
    );
    expect(fieldsOf(m)).toEqual(['name', 'roleId', 'team', 'email', 'capacityHoursPerWeek', 'fte', 'start']);
    expect(m[3]!.reason).toContain('values look like e-mail addresses');
    expect(guessKind(headers, catalogue, 'Sheet1').kind).toBe('resource');
  });

  it('maps a long allocation sheet', () => {
    const headers = ['Person', 'Project', 'Week commencing', 'Hours'];
    const m = suggestMapping(
      headers,
      [
        ['Jane Smith', 'PRJ-001', '05/01/2026', 20],
        ['Jane Smith', 'PRJ-002', '05/01/2026', 15],
        ['Raj Patel', 'PRJ-001', '12/01/2026', 37.5],
      ],
      catalogue.allocation,
    );
    expect(fieldsOf(m)).toEqual(['resourceId', 'projectId', 'period', 'amount']);
    expect(guessKind(headers, catalogue, 'Sheet1').kind).toBe('allocation');
  });

  it('does not read days as hours', () => {
    const m = suggestMapping(['Person', 'Project', 'w/c', 'Effort (days)'], [['Jane', 'PRJ-001', '05/01/2026', 2]], catalogue.allocation);
    expect(fieldsOf(m)).toEqual(['resourceId', 'projectId', 'period', null]);
    expect(m[3]!.reason).toContain('days');
  });

  it('recognises a wide allocation grid by its week columns', () => {
    const headers = ['Person', 'Project', '2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26'];
    const g = guessKind(headers, catalogue, 'Sheet1');
    expect(g.kind).toBe('allocation');
    expect(g.reason).toContain('4 week columns');
  });

  it('maps a RAID log', () => {
    const headers = ['Ref', 'Type', 'Title', 'Description', 'Owner', 'Date raised', 'Likelihood (1-5)', 'Impact', 'Mitigation', 'Status', 'Target date'];
    const m = suggestMapping(
      headers,
      [
        ['R-001', 'Risk', 'Vendor may slip', 'The vendor has missed two deadlines and may slip again', 'Jane Smith', '01/02/2026', 4, 3, 'Weekly checkpoint', 'Open', '01/03/2026'],
        ['I-002', 'Issue', 'Budget cut', 'Finance cut the budget by 10%', 'Raj Patel', '05/02/2026', null, 5, 'Re-plan', 'Open', '15/03/2026'],
        ['R-003', 'Risk', 'Key person leaves', 'Only one person knows the legacy system', 'Ana Lopez', '10/02/2026', 2, 4, 'Document it', 'Closed', null],
      ],
      catalogue.raid,
    );
    expect(fieldsOf(m)).toEqual(['code', 'kind', 'title', 'description', 'owner', 'raisedDate', 'probability', 'impact', 'response', 'status', 'dueDate']);
    expect(guessKind(headers, catalogue, 'RAID log').kind).toBe('raid');
  });

  it('gives "Description" to the description field, and a summary to the title', () => {
    expect(fieldsOf(suggestMapping(['Description'], [], catalogue.raid))).toEqual(['description']);
    expect(fieldsOf(suggestMapping(['Summary', 'Description'], [], catalogue.raid))).toEqual(['title', 'description']);
    expect(fieldsOf(suggestMapping(['Risk title', 'Details'], [], catalogue.raid))).toEqual(['title', 'description']);
  });

  it('expands abbreviations', () => {
    const headers = ['Proj Mgr', 'EAC', 'BL end', 'Dept', 'Desc', 'Pct complete', 'Exec sponsor', 'Actual spend', 'Exp. benefits', 'Prog'];
    expect(fieldsOf(suggestMapping(headers, [], catalogue.project))).toEqual(['manager', 'forecastCost', 'baselineFinish', 'businessUnit', 'description', 'percentComplete', 'sponsor', 'actualCost', null, 'programmeId']);
    expect(suggestMapping(['Est. cost'], [], catalogue.project)[0]!.field).toBe('forecastCost');
    // Only one forecast: "FC (£k)" takes it when EAC is absent.
    expect(suggestMapping(['FC (£k)'], [], catalogue.project)[0]).toMatchObject({ field: 'forecastCost', scale: 1000 });
  });

  it('chooses the pairs together, not column by column', () => {
    // Column 0 resembles Budget and Actual cost equally; column 1 is exactly Budget.
    const m = suggestMapping(['Budget Actuals (£k)', 'Budget (£k)'], [['400', '1,200'], ['20', '900']], catalogue.project);
    expect(fieldsOf(m)).toEqual(['actualCost', 'budget']);
    expect(m.every((s) => s.scale === 1000)).toBe(true);
    // Each field at most once.
    const twice = suggestMapping(['Project manager', 'PM'], [], catalogue.project);
    expect(twice.filter((s) => s.field === 'manager')).toHaveLength(1);
    expect(twice.find((s) => s.field === null)!.reason).toMatch(/fits column \d/);
  });

  it('never maps a column to a field its values clash with', () => {
    const dates: SourceCell[][] = [[{ d: '2026-01-05' }], ['03/04/2026'], [{ d: '2026-02-01' }]];
    expect(suggestMapping(['Budget'], dates, catalogue.project)[0]!.field).toBeNull();
    const rag: SourceCell[][] = [['Green'], ['Amber'], ['Red']];
    expect(suggestMapping(['Start'], rag, catalogue.project)[0]!.field).toBeNull();
    expect(suggestMapping(['Budget'], [['£1,200'], ['£800'], ['(50)']], catalogue.project)[0]!.field).toBe('budget');
  });

  it('places columns without a known header by their values when one field fits', () => {
    const m = suggestMapping(
      ['Code', 'Name', 'Col C', 'Col D', 'Col E', 'Col F'],
      [
        ['P1', 'Alpha', 'Green', '45%', { d: '2026-01-05' }, '£100'],
        ['P2', 'Beta', 'Red', '10%', { d: '2026-01-05' }, '£200'],
        ['P3', 'Gamma', 'Amber', '100%', { d: '2026-01-05' }, '£300'],
      ],
      catalogue.project,
    );
    // RAG → the overall rating; % → the only percent field; dates and money fit several fields: left alone.
    expect(fieldsOf(m)).toEqual(['code', 'name', 'rag.overall', 'percentComplete', null, null]);
    expect(m[2]!.reason).toBe('values look like RAG ratings');
    const r = suggestMapping(['Name', 'Contact'], [['Jane', 'jane@acme.com'], ['Raj', 'raj@acme.com'], ['Ana', 'ana@acme.com']], catalogue.resource);
    expect(fieldsOf(r)).toEqual(['name', 'email']);
  });

  it('prefers code for an "ID" column holding codes, and id for one holding UUIDs', () => {
    const codes = suggestMapping(['ID', 'Name'], [['PRJ-001', 'A'], ['PRJ-002', 'B'], ['PRJ-003', 'C']], catalogue.project);
    expect(fieldsOf(codes)).toEqual(['code', 'name']);
    const uuids = suggestMapping(
      ['ID', 'Name'],
      [
        ['0b7e6a1c-2f7d-4a57-9a53-2a0f5b9b1c11', 'A'],
        ['5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f', 'B'],
        ['9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a', 'C'],
      ],
      catalogue.project,
    );
    expect(fieldsOf(uuids)).toEqual(['id', 'name']);
  });

  it('is harmless with headers named like Object.prototype members', () => {
    const headers = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'Name'];
    const m = suggestMapping(headers, [['a', 'b', 'c', 'd', 'e', 'f']], catalogue.project);
    expect(fieldsOf(m)).toEqual([null, null, null, null, null, 'name']);
    expect(guessKind(headers, catalogue, '__proto__').kind).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'project')).toBe(false);
  });

  it('leaves empty and unknown columns unmapped with a reason', () => {
    const m = suggestMapping(['', 'Zzyzx'], [[null, 'x']], catalogue.project);
    expect(m).toEqual([
      { column: 0, field: null, score: 0, reason: 'empty column' },
      { column: 1, field: null, score: 0, reason: 'no field matches header “Zzyzx”' },
    ]);
    expect(suggestMapping([], [], catalogue.project)).toEqual([]);
    expect(fieldsOf(suggestMapping(['Name'], [], []))).toEqual([null]);
  });

  it('maps 200 rows × 40 columns of repeated headers, one field per column', () => {
    const base = ['Proj #', 'Proj Name', 'PM', 'Start', 'Go-live', 'Status', 'RAG', 'Budget (£k)', 'Actuals', 'Comments'];
    const headers = Array.from({ length: 40 }, (_, i) => base[i % 10]! + (i >= 10 ? ` ${i}` : ''));
    const rows: SourceCell[][] = Array.from({ length: 200 }, (_, r) =>
      headers.map((_, c) => [`PRJ-${r}`, `Project ${r}`, `Person ${r % 17}`, `0${1 + (r % 9)}/04/2026`, { d: '2026-11-30' }, 'In progress', 'Green', `£1,${r}00.50`, 450 + r, `On track ${r}`][c % 10]!),
    );
    const fields = catalogue.project;
    const m = suggestMapping(headers, rows, fields);
    expect(m.slice(0, 10).map((s) => s.field)).toEqual(['code', 'name', 'manager', 'start', 'finish', 'stage', 'rag.overall', 'budget', 'actualCost', 'statusNarrative']);
    expect(new Set(m.filter((s) => s.field).map((s) => s.field)).size).toBe(m.filter((s) => s.field).length);
  });
});

describe('guessKind', () => {
  it('returns null when nothing stands out', () => {
    expect(guessKind(['A', 'B', 'C'], catalogue, 'Sheet1')).toMatchObject({ kind: null, score: 0 });
    expect(guessKind([], catalogue, '').kind).toBeNull();
  });

  it('uses the sheet name as a hint', () => {
    const g = guessKind(['Name', 'Owner', 'Status'], catalogue, 'Risks');
    expect(g.kind).toBe('raid');
    expect(g.reason).toContain('sheet name “Risks”');
  });

  it('takes headers naming the project’s own key as projects when the sheet name says nothing (a CSV called export.csv)', () => {
    expect(guessKind(['Project ID', 'Project Name', 'Start Date', 'End Date'], catalogue, 'export').kind).toBe('project');
    expect(guessKind(['Projektnummer', 'Projektname', 'Beginn', 'Ende'], catalogue, 'Tabelle1').kind).toBe('project');
    expect(guessKind(['Code projet', 'Nom du projet', 'Début', 'Fin'], catalogue, 'Feuille1').kind).toBe('project');
    // A project column beside people and weeks is still an allocation grid.
    expect(guessKind(['Project Name', 'Person', '2026-W05', '2026-W06', '2026-W07'], catalogue, 'export').kind).toBe('allocation');
    // Without such a header, a bare Start and End does not make a sheet projects.
    expect(guessKind(['Start Date', 'End Date'], catalogue, 'export').kind).not.toBe('project');
  });
});
