import { describe, expect, it } from 'vitest';
import { applyPlan, planChange } from './plan';
import { WorkbookState } from './state';
import { inverseOps, nextUndoState, replayOps } from './undo';
import { planNewWorkbook } from './new-workbook';
import { testClock, tinyWorkbook } from '../../test/helpers/tiny-workbook';
import type { Op } from './types';

function freshState() {
  const clock = testClock();
  const p = planNewWorkbook(tinyWorkbook(), { ...clock, origin: 'create', label: 'New' });
  return { clock, state: new WorkbookState(p.workbook, p.rows) };
}

const ctx = (clock: ReturnType<typeof testClock>, extra: Partial<Parameters<typeof planChange>[2]> = {}) => ({ ...clock, origin: 'edit' as const, label: 'Edit', ...extra });

describe('planChange', () => {
  it('journals one entry per changed field, following the previous entry for that field', () => {
    const { clock, state } = freshState();
    const created = state.revsOf('project', 'p-1')['*'];
    const first = planChange(state, [{ op: 'update', entity: 'project', id: 'p-1', changes: { name: 'CRM 2', budget: 12_000_050 } }], ctx(clock)).plan!;
    expect(first.entries).toHaveLength(1); // budget unchanged: no entry
    expect(first.entries[0]).toMatchObject({ field: 'name', before: 'CRM replacement', after: 'CRM 2', prev: created, op: 'update', origin: 'edit' });
    applyPlan(state, first);
    const second = planChange(state, [{ op: 'update', entity: 'project', id: 'p-1', changes: { name: 'CRM 3' } }], ctx(clock)).plan!;
    expect(second.entries[0]!.prev).toBe(first.entries[0]!.id);
    expect(second.entries[0]!.id > first.entries[0]!.id).toBe(true);
  });

  it('rejects a finish before the start and keeps the state unchanged', () => {
    const { clock, state } = freshState();
    const r = planChange(state, [{ op: 'update', entity: 'project', id: 'p-1', changes: { finish: '2025-12-31' } }], ctx(clock));
    expect(r.plan).toBeNull();
    expect(r.rejected[0]!.problems[0]!.message).toBe('Project PRJ-001: finish 2025-12-31 is before its start 2026-01-05');
    expect(state.get('project', 'p-1')!.finish).toBe('2026-06-30');
  });

  it('rejects a duplicate project code, case- and space-insensitively', () => {
    const { clock, state } = freshState();
    const r = planChange(state, [{ op: 'create', entity: 'project', record: { code: ' prj-002 ', name: 'Copy' } }], ctx(clock));
    expect(r.rejected[0]!.problems[0]!.message).toMatch(/code PRJ-002 is already used/i);
  });

  it('allows swapping two codes within one request', () => {
    const { clock, state } = freshState();
    const r = planChange(
      state,
      [
        { op: 'update', entity: 'project', id: 'p-1', changes: { code: 'TMP' } },
        { op: 'update', entity: 'project', id: 'p-2', changes: { code: 'PRJ-001' } },
        { op: 'update', entity: 'project', id: 'p-1', changes: { code: 'PRJ-002' } },
      ],
      ctx(clock),
    );
    expect(r.rejected).toEqual([]);
    applyPlan(state, r.plan!);
    expect(state.projectIdByCode('prj-001')).toBe('p-2');
    expect(state.projectIdByCode('PRJ-002')).toBe('p-1');
  });

  it('with partial, applies the valid operations and lists the rejected ones', () => {
    const { clock, state } = freshState();
    const ops: Op[] = [
      { op: 'update', entity: 'project', id: 'p-1', changes: { percentComplete: 40 } },
      { op: 'update', entity: 'project', id: 'p-2', changes: { percentComplete: 140 } },
    ];
    const r = planChange(state, ops, ctx(clock, { partial: true }));
    expect(r.rejected.map((x) => x.index)).toEqual([1]);
    expect(r.rejected[0]!.problems[0]!.message).toBe('Project PRJ-002: % complete must be 0–100 %');
    expect(r.plan!.entries).toHaveLength(1);
  });

  it('with splitRejectedUpdates, a refused row is retried cell by cell: only the bad cell is rejected', () => {
    const { clock, state } = freshState();
    const r = planChange(
      state,
      [{ op: 'update', entity: 'project', id: 'p-1', changes: { name: 'CRM v2', percentComplete: 250, start: '2026-07-01', finish: '2026-09-30' } }],
      ctx(clock, { partial: true, splitRejectedUpdates: true, origin: 'paste' }),
    );
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]!.problems[0]!.field).toBe('percentComplete');
    // The new start (after the old finish) is valid only with the new finish: they apply together.
    expect(r.plan!.entries.map((e) => e.field).sort()).toEqual(['finish', 'name', 'start']);
  });

  it('with splitRejectedUpdates, a row whose remaining fields still clash falls back to one field at a time', () => {
    const { clock, state } = freshState();
    const r = planChange(state, [{ op: 'update', entity: 'project', id: 'p-1', changes: { name: 'CRM v3', finish: '2025-01-01' } }], ctx(clock, { partial: true, splitRejectedUpdates: true }));
    expect(r.rejected.map((x) => x.problems[0]!.field)).toEqual(['finish']);
    expect(r.plan!.entries.map((e) => e.field)).toEqual(['name']);
  });

  it('refuses unknown fields and prototype keys', () => {
    const { clock, state } = freshState();
    for (const changes of [{ nmae: 'x' }, { __proto__polluted: 1 }, { 'custom.__proto__': 1 }, { id: 'other' }]) {
      const r = planChange(state, [{ op: 'update', entity: 'project', id: 'p-1', changes }], ctx(clock));
      expect(r.plan).toBeNull();
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('cascades a project delete to its milestones, allocations and dependencies as tombstones', () => {
    const { clock, state } = freshState();
    const r = planChange(state, [{ op: 'delete', entity: 'project', id: 'p-1' }], ctx(clock, { origin: 'delete' })).plan!;
    const deleted = r.entries.filter((e) => e.op === 'delete').map((e) => `${e.entity}:${e.recordId}`);
    expect(deleted.sort()).toEqual(['allocation:a-1', 'dependency:d-1', 'milestone:m-1', 'project:p-1']);
    expect(r.entries.find((e) => e.recordId === 'p-1')!.before).toMatchObject({ code: 'PRJ-001' });
    applyPlan(state, r);
    expect(state.count('project')).toBe(2);
    expect(state.count('milestone')).toBe(0);
  });

  it('clears optional references on delete (programme → project.programmeId)', () => {
    const { clock, state } = freshState();
    const r = planChange(state, [{ op: 'delete', entity: 'programme', id: 'pg-2' }], ctx(clock)).plan!;
    applyPlan(state, r);
    expect(state.get('project', 'p-3')!.programmeId).toBeNull();
  });

  it('undo inverts a cascade delete exactly, and redo replays it', () => {
    const { clock, state } = freshState();
    const before = JSON.stringify(state.records());
    const del = planChange(state, [{ op: 'delete', entity: 'project', id: 'p-1' }], ctx(clock)).plan!;
    applyPlan(state, del);
    const undo = planChange(state, inverseOps(del.entries), ctx(clock, { origin: 'undo', kind: 'undo', target: del.tx.id }));
    expect(undo.rejected).toEqual([]);
    applyPlan(state, undo.plan!);
    const norm = (s: string) => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(s) as Record<string, { id: string }[]>).map(([k, v]) => [k, [...v].sort((a, b) => a.id.localeCompare(b.id))])));
    expect(norm(JSON.stringify(state.records()))).toBe(norm(before));
    const redo = planChange(state, replayOps(del.entries), ctx(clock, { origin: 'redo', kind: 'redo' }));
    applyPlan(state, redo.plan!);
    expect(state.has('project', 'p-1')).toBe(false);
  });

  it('journals settings by key and checks scoring weights add up to 100 %', () => {
    const { clock, state } = freshState();
    const ok = planChange(state, [{ op: 'settings', changes: { name: 'Renamed', currency: 'EUR' } }], ctx(clock)).plan!;
    expect(ok.entries.map((e) => e.field).sort()).toEqual(['currency', 'name']);
    const bad = planChange(state, [{ op: 'settings', changes: { scoringCriteria: [{ id: 'c1', name: 'Value', weight: 60 }] } }], ctx(clock));
    expect(bad.rejected[0]!.problems[0]!.message).toContain('add up to 60 %');
  });

  it('addresses custom fields one by one and checks them against their definition', () => {
    const { clock, state } = freshState();
    applyPlan(state, planChange(state, [{ op: 'create', entity: 'customField', record: { id: 'cf-1', name: 'Partner', type: 'select', options: ['Acme', 'Globex'] } }], ctx(clock)).plan!);
    const good = planChange(state, [{ op: 'update', entity: 'project', id: 'p-1', changes: { 'custom.cf-1': 'Acme' } }], ctx(clock)).plan!;
    expect(good.entries[0]).toMatchObject({ field: 'custom.cf-1', before: undefined, after: 'Acme' });
    const bad = planChange(state, [{ op: 'update', entity: 'project', id: 'p-1', changes: { 'custom.cf-1': 'Initech' } }], ctx(clock));
    expect(bad.rejected[0]!.problems[0]!.message).toBe('Project PRJ-001: Partner must be one of: Acme, Globex');
  });
});

describe('undo of moved dates', () => {
  it('restores a start and finish moved together, which one at a time would be refused', () => {
    const { clock, state } = freshState();
    const move = planChange(state, [{ op: 'update', entity: 'project', id: 'p-1', changes: { start: '2027-03-01', finish: '2027-06-30' } }], ctx(clock)).plan!;
    applyPlan(state, move);
    const undo = planChange(state, inverseOps(move.entries), ctx(clock, { origin: 'undo', kind: 'undo' }));
    expect(undo.rejected).toEqual([]);
    applyPlan(state, undo.plan!);
    expect(state.get('project', 'p-1')).toMatchObject({ start: '2026-01-05', finish: '2026-06-30' });
    const redo = planChange(state, replayOps(move.entries), ctx(clock, { origin: 'redo', kind: 'redo' }));
    expect(redo.rejected).toEqual([]);
  });

  it('restores the oldest value when a field changed twice in one transaction', () => {
    const { clock, state } = freshState();
    const a = planChange(state, [{ op: 'update', entity: 'project', id: 'p-1', changes: { name: 'One' } }, { op: 'update', entity: 'project', id: 'p-1', changes: { name: 'Two' } }], ctx(clock)).plan!;
    applyPlan(state, a);
    expect(inverseOps(a.entries)).toEqual([{ op: 'update', entity: 'project', id: 'p-1', changes: { name: 'CRM replacement' } }]);
    expect(replayOps(a.entries)).toEqual([{ op: 'update', entity: 'project', id: 'p-1', changes: { name: 'Two' } }]);
  });
});

describe('nextUndoState', () => {
  const tx = (id: string, kind: 'do' | 'undo' | 'redo' = 'do', target?: string) => ({ id, wb: 'w', origin: 'edit' as const, label: id, time: '', kind, first: null, last: null, count: 1, undoable: true, ...(target ? { target } : {}) });
  it('pushes, undoes onto redo, redoes back, and a new change clears redo', () => {
    let s = { wb: 'w', undo: [] as string[], redo: [] as string[] };
    s = nextUndoState(s, tx('t1'));
    s = nextUndoState(s, tx('t2'));
    s = nextUndoState(s, tx('u1', 'undo', 't2'));
    expect(s).toMatchObject({ undo: ['t1'], redo: ['t2'] });
    s = nextUndoState(s, tx('r1', 'redo', 't2'));
    expect(s).toMatchObject({ undo: ['t1', 'r1'], redo: [] });
    s = nextUndoState(s, tx('u2', 'undo', 'r1'));
    s = nextUndoState(s, tx('t3'));
    expect(s).toMatchObject({ undo: ['t1', 't3'], redo: [] });
  });
});
