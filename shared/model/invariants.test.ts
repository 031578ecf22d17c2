import { describe, expect, it } from 'vitest';
import { checkCustomValue, checkRecord, checkRelations, checkWorkbook, lookupFor, normaliseCode } from './invariants';
import { ENTITY_NAMES, ENTITY_SCHEMAS, customFieldDef, type CustomFieldDef, type EntityName, type EntityOf } from './schemas';
import type { WorkbookData } from './workbook';
import { tinyWorkbook } from '../../test/helpers/tiny-workbook';
import type { LooseRecord as Rec } from './record';

/** A record of the tiny workbook, as a plain object the test may change. */
function rec<E extends EntityName>(wb: WorkbookData, entity: E, id: string): EntityOf<E> & Rec {
  const found = (wb.records[entity] as (EntityOf<E> & Rec)[]).find((r) => r.id === id);
  if (!found) throw new Error(`no ${entity} ${id} in the tiny workbook`);
  return { ...found };
}

/** Adds a record to the workbook, with the defaults a real write would fill in. */
function add(wb: WorkbookData, entity: EntityName, input: Record<string, unknown>): void {
  (wb.records[entity] as unknown[]).push(ENTITY_SCHEMAS[entity].parse(input));
}

const field = (input: Record<string, unknown>): CustomFieldDef => customFieldDef.parse({ id: 'cf', name: 'Field', ...input });

describe('checkRecord', () => {
  it('accepts every record of a valid workbook', () => {
    const wb = tinyWorkbook();
    for (const e of ENTITY_NAMES) for (const r of wb.records[e] as Rec[]) expect(checkRecord(e, r), `${e} ${r.id}`).toEqual([]);
  });

  it('reports a project finish before its start, naming the project by code', () => {
    const p = { ...rec(tinyWorkbook(), 'project', 'p-1'), finish: '2025-12-31' };
    expect(checkRecord('project', p)).toEqual([
      { entity: 'project', id: 'p-1', field: 'finish', message: 'Project PRJ-001: finish 2025-12-31 is before its start 2026-01-05' },
    ]);
  });

  it('checks the baseline and actual date pairs too, one problem per pair', () => {
    const p = { ...rec(tinyWorkbook(), 'project', 'p-3'), baselineStart: '2026-05-01', baselineFinish: '2026-04-30', actualStart: '2026-05-02', actualFinish: '2026-05-01' };
    expect(checkRecord('project', p)).toEqual([
      { entity: 'project', id: 'p-3', field: 'baselineFinish', message: 'Project PRJ-003: baseline finish 2026-04-30 is before its start 2026-05-01' },
      { entity: 'project', id: 'p-3', field: 'actualFinish', message: 'Project PRJ-003: actual finish 2026-05-01 is before its start 2026-05-02' },
    ]);
  });

  it('accepts a project that finishes on the day it starts, or has only one date', () => {
    const p = rec(tinyWorkbook(), 'project', 'p-1');
    expect(checkRecord('project', { ...p, finish: '2026-01-05' })).toEqual([]);
    expect(checkRecord('project', { ...p, start: null })).toEqual([]);
    expect(checkRecord('project', { ...p, finish: null, baselineFinish: '2020-01-01' })).toEqual([]);
  });

  it('reports a person or an allocation that ends before it starts', () => {
    const wb = tinyWorkbook();
    expect(checkRecord('resource', { ...rec(wb, 'resource', 'res-1'), start: '2026-01-01', end: '2025-12-31' })).toEqual([
      { entity: 'resource', id: 'res-1', field: 'end', message: 'Resource Asha Patel: end 2025-12-31 is before its start 2026-01-01' },
    ]);
    expect(checkRecord('allocation', { ...rec(wb, 'allocation', 'a-1'), end: '2026-01-04' })).toEqual([
      { entity: 'allocation', id: 'a-1', field: 'end', message: 'Allocation a-1: end 2026-01-04 is before its start 2026-01-05' },
    ]);
  });

  it('reports an allocation with neither a person nor a role', () => {
    const a = rec(tinyWorkbook(), 'allocation', 'a-1');
    expect(checkRecord('allocation', { ...a, resourceId: null, roleId: null })).toEqual([
      { entity: 'allocation', id: 'a-1', field: 'resourceId', message: 'Allocation a-1: an allocation needs a person or a role' },
    ]);
    expect(checkRecord('allocation', { ...a, resourceId: null, roleId: 'r-1' })).toEqual([]);
  });

  it('reports an implausible percentage of an FTE, but not the same number of hours', () => {
    const a = rec(tinyWorkbook(), 'allocation', 'a-1');
    expect(checkRecord('allocation', { ...a, unit: 'fte-percent', amount: 1001 })).toEqual([
      { entity: 'allocation', id: 'a-1', field: 'amount', message: 'Allocation a-1: 1001 % of an FTE is not plausible' },
    ]);
    expect(checkRecord('allocation', { ...a, unit: 'fte-percent', amount: 1000 })).toEqual([]);
    expect(checkRecord('allocation', { ...a, unit: 'hours-per-week', amount: 1001 })).toEqual([]);
  });

  it('reports a dependency from a record to itself', () => {
    const d = rec(tinyWorkbook(), 'dependency', 'd-1');
    expect(checkRecord('dependency', { ...d, successorId: 'p-1' })).toEqual([
      { entity: 'dependency', id: 'd-1', field: 'successorId', message: 'A dependency cannot link a record to itself' },
    ]);
    // A project and a milestone may share an id string without being the same record.
    expect(checkRecord('dependency', { ...d, successorKind: 'milestone', successorId: 'p-1' })).toEqual([]);
  });

  it('reports a calendar exception that ends before it starts', () => {
    const r = {
      ...rec(tinyWorkbook(), 'resource', 'res-1'),
      exceptions: [
        { id: 'x-1', kind: 'leave', start: '2026-08-03', end: '2026-08-03', hoursPerWeek: 0, note: '' },
        { id: 'x-2', kind: 'leave', start: '2026-08-10', end: '2026-08-07', hoursPerWeek: 0, note: 'Summer' },
      ],
    };
    expect(checkRecord('resource', r)).toEqual([
      { entity: 'resource', id: 'res-1', field: 'exceptions', message: 'Resource Asha Patel: calendar exception ends 2026-08-07 before it starts 2026-08-10' },
    ]);
  });
});

describe('checkCustomValue', () => {
  it('accepts an empty value for every type', () => {
    for (const type of ['text', 'number', 'money', 'date', 'checkbox', 'select', 'multiselect']) {
      const def = field({ type, options: ['Acme'] });
      expect([checkCustomValue(def, null), checkCustomValue(def, undefined), checkCustomValue(def, '')], type).toEqual([null, null, null]);
    }
  });

  it('text', () => {
    const def = field({ type: 'text' });
    expect(checkCustomValue(def, 'EMEA')).toBeNull();
    expect(checkCustomValue(def, 5)).toBe('must be text');
  });

  it('number', () => {
    const def = field({ type: 'number' });
    expect(checkCustomValue(def, 3.5)).toBeNull();
    expect(checkCustomValue(def, -2)).toBeNull();
    expect(checkCustomValue(def, '3.5')).toBe('must be a number');
    expect(checkCustomValue(def, Number.NaN)).toBe('must be a number');
    expect(checkCustomValue(def, Number.POSITIVE_INFINITY)).toBe('must be a number');
  });

  it('money', () => {
    const def = field({ type: 'money' });
    expect(checkCustomValue(def, 120_050)).toBeNull();
    expect(checkCustomValue(def, 10.5)).toBe('must be an amount of money');
    expect(checkCustomValue(def, 1e16)).toBe('must be an amount of money');
    expect(checkCustomValue(def, '1200.50')).toBe('must be an amount of money');
  });

  it('date', () => {
    const def = field({ type: 'date' });
    expect(checkCustomValue(def, '2024-02-29')).toBeNull();
    expect(checkCustomValue(def, '2026-02-29')).toBe('must be a date (YYYY-MM-DD)');
    expect(checkCustomValue(def, '01/03/2026')).toBe('must be a date (YYYY-MM-DD)');
  });

  it('checkbox', () => {
    const def = field({ type: 'checkbox' });
    expect(checkCustomValue(def, true)).toBeNull();
    expect(checkCustomValue(def, false)).toBeNull();
    expect(checkCustomValue(def, 'yes')).toBe('must be yes or no');
    expect(checkCustomValue(def, 1)).toBe('must be yes or no');
  });

  it('select', () => {
    const def = field({ type: 'select', options: ['Acme', 'Globex'] });
    expect(checkCustomValue(def, 'Globex')).toBeNull();
    expect(checkCustomValue(def, 'acme')).toBe('must be one of: Acme, Globex');
    expect(checkCustomValue(def, ['Acme'])).toBe('must be one of: Acme, Globex');
  });

  it('multiselect', () => {
    const def = field({ type: 'multiselect', options: ['Acme', 'Globex'] });
    expect(checkCustomValue(def, ['Acme', 'Globex'])).toBeNull();
    expect(checkCustomValue(def, [])).toBeNull();
    expect(checkCustomValue(def, ['Acme', 'Initech'])).toBe('must be among: Acme, Globex');
    expect(checkCustomValue(def, 'Acme')).toBe('must be among: Acme, Globex');
  });
});

describe('checkRelations', () => {
  it('accepts every record of a valid workbook', () => {
    const wb = tinyWorkbook();
    const lookup = lookupFor(wb.records);
    for (const e of ENTITY_NAMES) for (const r of wb.records[e] as Rec[]) expect(checkRelations(e, r, lookup), `${e} ${r.id}`).toEqual([]);
  });

  it('reports a reference to a record that does not exist, naming the missing id', () => {
    const wb = tinyWorkbook();
    const lookup = lookupFor(wb.records);
    const problems = checkRelations('project', { ...rec(wb, 'project', 'p-1'), programmeId: 'pg-9' }, lookup);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ entity: 'project', id: 'p-1', field: 'programmeId' });
    expect(problems[0]!.message).toMatch(/^Project PRJ-001: .* points at a programme that does not exist \(pg-9\)$/);
    expect(checkRelations('project', { ...rec(wb, 'project', 'p-1'), programmeId: null }, lookup)).toEqual([]);
  });

  it('reports only the missing ids of a list of references', () => {
    const wb = tinyWorkbook();
    const problems = checkRelations('project', { ...rec(wb, 'project', 'p-1'), objectiveIds: ['ob-1', 'ob-7', 'ob-9'] }, lookupFor(wb.records));
    expect(problems.map((p) => [p.field, p.message.match(/\((.*)\)$/)?.[1]])).toEqual([
      ['objectiveIds', 'ob-7'],
      ['objectiveIds', 'ob-9'],
    ]);
  });

  it('looks a dependency end up as a project or a milestone, by its kind', () => {
    const wb = tinyWorkbook();
    const lookup = lookupFor(wb.records);
    const d = rec(wb, 'dependency', 'd-1');
    expect(checkRelations('dependency', { ...d, successorKind: 'milestone', successorId: 'm-1' }, lookup)).toEqual([]);
    const wrongKind = checkRelations('dependency', { ...d, successorKind: 'milestone', successorId: 'p-2' }, lookup);
    expect(wrongKind.map((p) => p.field)).toEqual(['successorId']);
    expect(wrongKind[0]!.message).toMatch(/points at a milestone that does not exist \(p-2\)$/);
  });

  it('checks the person, role and project of an allocation and the project of a milestone', () => {
    const wb = tinyWorkbook();
    const lookup = lookupFor(wb.records);
    const a = checkRelations('allocation', { ...rec(wb, 'allocation', 'a-1'), projectId: 'p-9', roleId: 'r-9', resourceId: 'res-9' }, lookup);
    expect(a.map((p) => p.field)).toEqual(['projectId', 'roleId', 'resourceId']);
    expect(a.map((p) => p.message.match(/a (\w+) that does not exist \((.*)\)$/)?.slice(1))).toEqual([
      ['project', 'p-9'],
      ['role', 'r-9'],
      ['resource', 'res-9'],
    ]);
    expect(checkRelations('milestone', { ...rec(wb, 'milestone', 'm-1'), projectId: 'p-9' }, lookup).map((p) => p.field)).toEqual(['projectId']);
  });

  it('reports a project code already held by another project, ignoring case and spaces', () => {
    const wb = tinyWorkbook();
    const lookup = lookupFor(wb.records);
    const copy = { ...rec(wb, 'project', 'p-3'), id: 'p-4', code: 'prj-002' };
    expect(checkRelations('project', copy, lookup)).toEqual([{ entity: 'project', id: 'p-4', field: 'code', message: 'Project code prj-002 is already used by another project' }]);
    expect(checkRelations('project', { ...copy, code: ' Prj-002 ' }, lookup).map((p) => p.field)).toEqual(['code']);
    expect(checkRelations('project', { ...copy, code: 'PRJ-004' }, lookup)).toEqual([]);
    // A project keeps its own code.
    expect(checkRelations('project', { ...rec(wb, 'project', 'p-2'), code: 'prj-002' }, lookup)).toEqual([]);
  });

  it('checks custom values against their definitions and keeps values of unknown fields', () => {
    const wb = tinyWorkbook();
    add(wb, 'customField', { id: 'cf-1', name: 'Partner', type: 'select', options: ['Acme', 'Globex'] });
    add(wb, 'customField', { id: 'cf-2', name: 'Contract value', type: 'money' });
    add(wb, 'customField', { id: 'cf-3', name: 'Region', type: 'text' });
    const lookup = lookupFor(wb.records);
    const p = { ...rec(wb, 'project', 'p-1'), custom: { 'cf-1': 'Initech', 'cf-2': 10.5, 'cf-3': 'EMEA', 'cf-from-newer-version': { any: 'thing' } } };
    expect(checkRelations('project', p, lookup)).toEqual([
      { entity: 'project', id: 'p-1', field: 'custom.cf-1', message: 'Project PRJ-001: Partner must be one of: Acme, Globex' },
      { entity: 'project', id: 'p-1', field: 'custom.cf-2', message: 'Project PRJ-001: Contract value must be an amount of money' },
    ]);
    expect(checkRelations('project', { ...p, custom: { 'cf-1': 'Acme', 'cf-2': 120_050, 'cf-3': null } }, lookup)).toEqual([]);
  });
});

describe('lookupFor', () => {
  it('answers ids per entity, codes case-insensitively and custom fields by id', () => {
    const wb = tinyWorkbook();
    add(wb, 'customField', { id: 'cf-1', name: 'Partner', type: 'text' });
    const lookup = lookupFor(wb.records);
    expect([lookup.has('project', 'p-1'), lookup.has('milestone', 'p-1'), lookup.has('project', 'p-9')]).toEqual([true, false, false]);
    expect(lookup.projectIdByCode(' prj-003 ')).toBe('p-3');
    expect(lookup.projectIdByCode('PRJ-404')).toBeUndefined();
    expect(lookup.customField('cf-1')?.name).toBe('Partner');
    expect(lookup.customField('cf-9')).toBeUndefined();
  });

  it('normalises codes by trimming and upper-casing', () => {
    expect(normaliseCode('  prj-001\t')).toBe('PRJ-001');
  });
});

describe('checkWorkbook', () => {
  it('finds nothing wrong in a valid workbook', () => {
    expect(checkWorkbook(tinyWorkbook().records)).toEqual([]);
  });

  it('reports an id used twice', () => {
    const wb = tinyWorkbook();
    wb.records.project.push({ ...rec(wb, 'project', 'p-3'), name: 'Warehouse move (copy)' });
    expect(checkWorkbook(wb.records)).toEqual([{ entity: 'project', id: 'p-3', field: 'id', message: 'Project id p-3 appears twice' }]);
  });

  it('reports two projects with the same code against the second one only', () => {
    const wb = tinyWorkbook();
    add(wb, 'project', { id: 'p-4', code: 'prj-001', name: 'CRM phase 2' });
    expect(checkWorkbook(wb.records)).toEqual([{ entity: 'project', id: 'p-4', field: 'code', message: 'Project code prj-001 is already used by another project' }]);
  });

  it('reports two status reports for the same project and period', () => {
    const wb = tinyWorkbook();
    add(wb, 'statusReport', { id: 's-1', projectId: 'p-1', period: '2026-03' });
    add(wb, 'statusReport', { id: 's-2', projectId: 'p-1', period: '2026-04' });
    add(wb, 'statusReport', { id: 's-3', projectId: 'p-2', period: '2026-03' });
    expect(checkWorkbook(wb.records)).toEqual([]);
    add(wb, 'statusReport', { id: 's-4', projectId: 'p-1', period: '2026-03' });
    expect(checkWorkbook(wb.records)).toEqual([{ entity: 'statusReport', id: 's-4', field: 'period', message: 'Two status reports for the same project in 2026-03' }]);
  });

  it('reports every problem of every record, with the record it belongs to', () => {
    const wb = tinyWorkbook();
    const p1 = wb.records.project.findIndex((p) => p.id === 'p-1');
    wb.records.project[p1] = { ...rec(wb, 'project', 'p-1'), finish: '2025-12-31' };
    add(wb, 'milestone', { id: 'm-2', projectId: 'p-9', name: 'Orphan' });
    add(wb, 'allocation', { id: 'a-2', projectId: 'p-2', start: '2026-02-01', end: '2026-02-28', amount: 10 });
    expect(checkWorkbook(wb.records).map((p) => `${p.entity} ${p.id} ${p.field}`)).toEqual(['project p-1 finish', 'milestone m-2 projectId', 'allocation a-2 resourceId']);
  });
});
