import { describe, expect, it } from 'vitest';
import { WorkbookState, type AnyRecord } from './state';
import { checkRelations } from '../model/invariants';
import { ENTITY_NAMES, ENTITY_SCHEMAS, type EntityName } from '../model/schemas';
import type { StoredRecord, StoredWorkbook } from './types';
import { testClock, tinyWorkbook } from '../../test/helpers/tiny-workbook';
import { applyPlan, planChange } from './plan';
import type { Op } from './types';

/** The tiny workbook loaded into memory, as the app does after opening it from the database. */
function loaded(): WorkbookState {
  const data = tinyWorkbook();
  const meta: StoredWorkbook = {
    id: data.id,
    name: data.settings.name,
    settings: data.settings,
    createdAt: '2026-11-21T09:00:00.000Z',
    updatedAt: '2026-11-21T09:00:00.000Z',
    r: { '*': 'rev-settings' },
    projectCount: data.records.project.length,
  };
  const rows: StoredRecord[] = ENTITY_NAMES.flatMap((e) => (data.records[e] as AnyRecord[]).map((d) => ({ wb: data.id, id: d.id, e, d, r: { '*': `rev-${d.id}` } })));
  return new WorkbookState(meta, rows);
}

function record(state: WorkbookState, entity: EntityName, id: string): AnyRecord {
  const r = state.get(entity, id) as AnyRecord | undefined;
  if (!r) throw new Error(`no ${entity} ${id}`);
  return { ...r };
}

const newProject = (input: Record<string, unknown>) => ENTITY_SCHEMAS.project.parse(input) as AnyRecord;

describe('WorkbookState', () => {
  it('loads every row into its entity, with its revisions', () => {
    const state = loaded();
    expect(ENTITY_NAMES.map((e) => [e, state.count(e)]).filter(([, n]) => n !== 0)).toEqual([
      ['objective', 1],
      ['programme', 2],
      ['project', 3],
      ['milestone', 1],
      ['dependency', 1],
      ['resource', 1],
      ['role', 1],
      ['allocation', 1],
    ]);
    expect(state.get('project', 'p-1')?.code).toBe('PRJ-001');
    expect(state.revsOf('project', 'p-1')).toEqual({ '*': 'rev-p-1' });
    expect(state.revsOf('project', 'p-9')).toEqual({});
  });

  it('finds a project by code, ignoring case and surrounding spaces', () => {
    const state = loaded();
    expect(state.projectIdByCode('PRJ-002')).toBe('p-2');
    expect(state.projectIdByCode(' prj-002 ')).toBe('p-2');
    expect(state.projectIdByCode('PRJ-404')).toBeUndefined();
  });

  it('frees the old code when a project is renamed', () => {
    const state = loaded();
    state.put('project', { ...record(state, 'project', 'p-1'), code: 'CRM-01' }, { '*': 'rev-p-1', code: 'rev-2' });
    expect(state.projectIdByCode('PRJ-001')).toBeUndefined();
    expect(state.projectIdByCode('crm-01')).toBe('p-1');
    expect(state.get('project', 'p-1')?.code).toBe('CRM-01');
    expect(state.revsOf('project', 'p-1')).toEqual({ '*': 'rev-p-1', code: 'rev-2' });
    // The freed code can be taken by another project.
    state.put('project', newProject({ id: 'p-4', code: 'prj-001', name: 'New CRM' }), { '*': 'rev-p-4' });
    expect(state.projectIdByCode('PRJ-001')).toBe('p-4');
  });

  it('keeps the index right when a change of case only is saved', () => {
    const state = loaded();
    state.put('project', { ...record(state, 'project', 'p-1'), code: 'prj-001' }, {});
    expect(state.projectIdByCode('PRJ-001')).toBe('p-1');
  });

  it('keeps codes right when two projects trade codes within one change, in either order', () => {
    // p-2 takes PRJ-001 before p-1 has moved off it: p-1 must not free the code p-2 now holds.
    const state = loaded();
    state.put('project', { ...record(state, 'project', 'p-2'), code: 'PRJ-001' }, {});
    state.put('project', { ...record(state, 'project', 'p-1'), code: 'PRJ-009' }, {});
    expect([state.projectIdByCode('PRJ-001'), state.projectIdByCode('PRJ-009'), state.projectIdByCode('PRJ-002')]).toEqual(['p-2', 'p-1', undefined]);

    const other = loaded();
    other.put('project', { ...record(other, 'project', 'p-1'), code: 'PRJ-009' }, {});
    other.put('project', { ...record(other, 'project', 'p-2'), code: 'PRJ-001' }, {});
    expect([other.projectIdByCode('PRJ-001'), other.projectIdByCode('PRJ-009'), other.projectIdByCode('PRJ-002')]).toEqual(['p-2', 'p-1', undefined]);
  });

  it('frees the code of a removed project, and only that code', () => {
    const state = loaded();
    state.remove('project', 'p-3');
    expect(state.projectIdByCode('PRJ-003')).toBeUndefined();
    expect(state.has('project', 'p-3')).toBe(false);
    expect(state.revsOf('project', 'p-3')).toEqual({});
    expect(state.count('project')).toBe(2);
    expect([state.projectIdByCode('PRJ-001'), state.projectIdByCode('PRJ-002')]).toEqual(['p-1', 'p-2']);
  });

  it('does not free a code that another project has taken since', () => {
    const state = loaded();
    state.put('project', { ...record(state, 'project', 'p-3'), code: 'WH-1' }, {});
    state.put('project', newProject({ id: 'p-4', code: 'PRJ-003', name: 'Warehouse phase 2' }), {});
    state.remove('project', 'p-3');
    expect(state.projectIdByCode('PRJ-003')).toBe('p-4');
    expect(state.projectIdByCode('WH-1')).toBeUndefined();
  });

  it('leaves codes alone when other entities change and when removing what is not there', () => {
    const state = loaded();
    state.put('programme', { ...record(state, 'programme', 'pg-1'), code: 'PRJ-001' }, {});
    state.remove('objective', 'ob-1');
    state.remove('project', 'p-9');
    expect(state.projectIdByCode('PRJ-001')).toBe('p-1');
    expect(state.count('project')).toBe(3);
    expect(state.count('objective')).toBe(0);
  });

  it('gives every record back through records(), in the shape of a workbook file', () => {
    const state = loaded();
    state.remove('milestone', 'm-1');
    state.put('role', { id: 'r-2', name: 'Architect', description: '' }, {});
    const records = state.records();
    expect(Object.keys(records)).toEqual(ENTITY_NAMES);
    expect(records.project.map((p) => p.id)).toEqual(['p-1', 'p-2', 'p-3']);
    expect(records.milestone).toEqual([]);
    expect(records.role.map((r) => r.name)).toEqual(['Business analyst', 'Architect']);
    const expected = tinyWorkbook().records;
    expect(records.allocation).toEqual(expected.allocation);
    expect(records.project).toEqual(expected.project);
  });

  it('answers has, projectIdByCode and customField through lookup(), following later changes', () => {
    const state = loaded();
    const lookup = state.lookup();
    expect([lookup.has('milestone', 'm-1'), lookup.has('project', 'm-1')]).toEqual([true, false]);
    expect(lookup.projectIdByCode('prj-003')).toBe('p-3');
    expect(lookup.customField('cf-1')).toBeUndefined();

    state.put('customField', ENTITY_SCHEMAS.customField.parse({ id: 'cf-1', name: 'Partner', type: 'select', options: ['Acme'] }), {});
    state.remove('milestone', 'm-1');
    state.put('project', { ...record(state, 'project', 'p-3'), code: 'WH-1' }, {});
    expect(lookup.customField('cf-1')).toMatchObject({ name: 'Partner', type: 'select', options: ['Acme'] });
    expect(lookup.has('milestone', 'm-1')).toBe(false);
    expect(lookup.projectIdByCode('PRJ-003')).toBeUndefined();
    expect(lookup.projectIdByCode('wh-1')).toBe('p-3');
  });

  it('lets the invariants see duplicate codes and custom values through lookup()', () => {
    const state = loaded();
    state.put('customField', ENTITY_SCHEMAS.customField.parse({ id: 'cf-1', name: 'Partner', type: 'select', options: ['Acme'] }), {});
    const candidate = { ...record(state, 'project', 'p-3'), code: 'prj-001', custom: { 'cf-1': 'Globex' } };
    expect(checkRelations('project', candidate, state.lookup()).map((p) => p.message)).toEqual([
      'Project code prj-001 is already used by another project',
      'Project prj-001: Partner must be one of: Acme',
    ]);
  });
});

describe('WorkbookState versions', () => {
  const commit = (state: WorkbookState, ops: Op[]) => {
    const { plan } = planChange(state, ops, { ...testClock(), origin: 'edit', label: 'Edit' });
    if (!plan) throw new Error('nothing planned');
    applyPlan(state, plan);
    return plan;
  };

  it('bumps the versions of the entities and fields a commit touched, and only those', () => {
    const state = loaded();
    expect(state.versionOf(['project', 'programme', 'settings'])).toBe(0);
    commit(state, [{ op: 'update', entity: 'programme', id: state.all('programme')[0]!.id, changes: { name: 'Renamed' } }]);
    expect(state.version).toBe(1);
    expect(state.versionOf(['programme'])).toBe(1);
    expect(state.versionOf(['project', 'allocation', 'resource', 'settings'])).toBe(0);
    expect(state.versionOf([['programme', ['manager']]])).toBe(0);
    expect(state.versionOf([['programme', ['name']]])).toBe(1);
    commit(state, [{ op: 'settings', changes: { name: 'Other name' } }]);
    expect(state.versionOf(['settings'])).toBe(2);
    expect(state.versionOf([['settings', ['holidays']]])).toBe(0);
    expect(state.versionOf(['programme'])).toBe(1);
  });

  it('counts a create or delete for every field reader of the entity', () => {
    const state = loaded();
    commit(state, [{ op: 'delete', entity: 'dependency', id: state.all('dependency')[0]!.id }]);
    expect(state.versionOf([['dependency', ['lagDays']]])).toBe(1);
    expect(state.versionOf([['milestone', ['name']]])).toBe(0);
  });

  it('gives the same list object until its entity changes', () => {
    const state = loaded();
    const projects = state.list('project');
    const programmes = state.list('programme');
    expect(state.list('project')).toBe(projects);
    expect(Object.isFrozen(projects)).toBe(true);
    commit(state, [{ op: 'update', entity: 'programme', id: programmes[0]!.id, changes: { name: 'Renamed' } }]);
    expect(state.list('project')).toBe(projects);
    expect(state.list('programme')).not.toBe(programmes);
    expect(state.list('programme').find((g) => g.id === programmes[0]!.id)?.name).toBe('Renamed');
  });

  it('remembers the changes since a version, and says when it no longer knows them all', () => {
    const state = loaded();
    const id = state.all('project')[0]!.id;
    expect(state.changesSince(0)).toEqual([]);
    for (let i = 0; i < 70; i++) commit(state, [{ op: 'update', entity: 'project', id, changes: { businessUnit: `BU ${i}` } }]);
    expect(state.changesSince(70)).toEqual([]);
    const last2 = state.changesSince(68)!;
    expect(last2.map((entries) => entries.map((e) => [e.entity, e.recordId, e.field, e.after]))).toEqual([[['project', id, 'businessUnit', 'BU 68']], [['project', id, 'businessUnit', 'BU 69']]]);
    // 64 commits are kept: the first six are forgotten.
    expect(state.changesSince(6)).toHaveLength(64);
    expect(state.changesSince(5)).toBeNull();
    expect(state.changesSince(71)).toBeNull();
  });
});
