// The demand grid's planning against hand-checked allocations: weeks from Mon 2026-01-05 (W02).
import { describe, expect, it } from 'vitest';
import { calendarPeriods } from '../calendar';
import { hoursCalendarOf } from './allocation-hours';
import { cellEdits, dateRangeText, demandRows, planAssignRole, planDemandEdit, recutSpans, type DemandSource } from './demand-grid';
import type { LooseRecord as Rec } from '../model/record';

const alloc = (o: Partial<Rec> & { id: string }): Rec => ({ projectId: 'p4', resourceId: 'asha', roleId: null, start: '2026-01-05', end: '2026-03-15', amount: 20, unit: 'hours-per-week', tentative: false, note: '', ...o });
const source = (allocations: Rec[]): DemandSource => ({
  calendar: hoursCalendarOf({ hoursPerFte: 40, holidays: [] }),
  allocations,
  project: (id) => (id === 'p4' ? { id, code: 'PRJ-004', start: '2026-01-01', finish: '2026-03-31' } : undefined),
  resource: (id) => ({ asha: { id, name: 'Asha Patel' }, ben: { id, name: 'Ben Okafor' } })[id],
  role: (id) => (id === 'ba' ? { id, name: 'Business analyst' } : undefined),
});
// 2026-01-05 … 2026-03-15 is exactly 10 ISO weeks (W02–W11).
const weeks = calendarPeriods('week', '2026-01-05', '2026-04-12', 260);

describe('demand grid', () => {
  it('lists weeks and months with their labels', () => {
    expect(weeks[0]).toEqual({ start: '2026-01-05', end: '2026-01-11', label: '2026-W02' });
    expect(weeks).toHaveLength(14);
    expect(calendarPeriods('month', '2026-01-20', '2026-03-02', 36).map((p) => p.label)).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026']);
    expect(dateRangeText('2026-03-01', '2026-06-30')).toBe('1 Mar – 30 Jun 2026');
  });

  it('shows hours per week by row, fte converted', () => {
    const src = source([alloc({ id: 'a' }), alloc({ id: 'b', resourceId: null, roleId: 'ba', amount: 50, unit: 'fte-percent', start: '2026-01-12', end: '2026-01-18' })]);
    const rows = demandRows(src, { projectId: 'p4' }, weeks);
    expect(rows.map((r) => r.who)).toEqual(['Asha Patel', 'Business analyst (role)']);
    expect(rows[0]!.hours.slice(0, 11)).toEqual([20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 0]);
    expect(rows[1]!.hours.slice(0, 3)).toEqual([0, 20, 0]);
  });

  it('an edit in the middle of a 10-week allocation splits it into three', () => {
    const src = source([alloc({ id: 'a' })]);
    // Week 5 (W06, 2026-02-02 … 02-08) goes from 20 to 8 h.
    const plan = planDemandEdit(src, [{ allocationId: 'a', periodIndex: 4, hours: 8 }], weeks);
    expect(plan.refused).toEqual([]);
    expect(plan.warnings).toEqual([]);
    expect(plan.ops).toEqual([
      { op: 'update', entity: 'allocation', id: 'a', changes: { start: '2026-01-05', end: '2026-02-01', amount: 20, unit: 'hours-per-week' } },
      { op: 'create', entity: 'allocation', record: expect.objectContaining({ start: '2026-02-02', end: '2026-02-08', amount: 8, resourceId: 'asha', projectId: 'p4' }) },
      { op: 'create', entity: 'allocation', record: expect.objectContaining({ start: '2026-02-09', end: '2026-03-15', amount: 20 }) },
    ]);
  });

  it('zero removes the hours of that period; zero in the first week moves the start', () => {
    const src = source([alloc({ id: 'a' })]);
    const plan = planDemandEdit(src, [{ allocationId: 'a', periodIndex: 0, hours: 0 }], weeks);
    expect(plan.ops).toEqual([{ op: 'update', entity: 'allocation', id: 'a', changes: { start: '2026-01-12', end: '2026-03-15', amount: 20, unit: 'hours-per-week' } }]);
    const all = planDemandEdit(src, weeks.slice(0, 10).map((_, i) => ({ allocationId: 'a', periodIndex: i, hours: 0 })), weeks);
    expect(all.ops).toEqual([{ op: 'delete', entity: 'allocation', id: 'a' }]);
  });

  it('a cell typed into an empty row creates an allocation; equal neighbours become one', () => {
    const src = source([]);
    const newRow = { projectId: 'p4', resourceId: 'ben', roleId: null };
    const plan = planDemandEdit(src, [0, 1, 3].map((periodIndex) => ({ newRow, periodIndex, hours: 10 })), weeks);
    expect(plan.ops.map((o) => (o.op === 'create' ? [o.record['start'], o.record['end'], o.record['amount']] : o.op))).toEqual([
      ['2026-01-05', '2026-01-18', 10],
      ['2026-01-26', '2026-02-01', 10],
    ]);
    expect(plan.cells).toBe(3);
  });

  it('an edit in a row routes to the allocation covering the period, or a new one', () => {
    const src = source([alloc({ id: 'a' })]);
    const row = demandRows(src, { projectId: 'p4' }, weeks)[0]!;
    expect(cellEdits(src, row, weeks, 2, 5)).toEqual([{ allocationId: 'a', periodIndex: 2, hours: 5 }]);
    expect(cellEdits(src, row, weeks, 12, 5)).toEqual([{ newRow: { projectId: 'p4', resourceId: 'asha', roleId: null, tentative: false }, periodIndex: 12, hours: 5 }]);
  });

  it('refuses negative hours and more than 168, naming person, project and period', () => {
    const src = source([alloc({ id: 'a' })]);
    const plan = planDemandEdit(src, [{ allocationId: 'a', periodIndex: 0, hours: -5 }, { allocationId: 'a', periodIndex: 1, hours: 200 }], weeks);
    expect(plan.ops).toEqual([]);
    expect(plan.refused.map((r) => r.message)).toEqual(['Hours cannot be negative: Asha Patel on PRJ-004, week 2026-W02', 'Hours cannot be more than 168 a week: Asha Patel on PRJ-004, week 2026-W03']);
  });

  it('warns about hours outside the project dates, and makes them', () => {
    const src = source([]);
    // W14 = 2026-03-30 … 04-05 runs past the finish (31 Mar).
    const plan = planDemandEdit(src, [{ newRow: { projectId: 'p4', resourceId: 'asha', roleId: null }, periodIndex: 12, hours: 4 }], weeks);
    expect(plan.refused).toEqual([]);
    expect(plan.ops).toHaveLength(1);
    expect(plan.warnings.map((w) => w.message)).toEqual(["Asha Patel on PRJ-004, week 2026-W14, is outside PRJ-004's dates (1 Jan – 31 Mar 2026)"]);
  });

  it('splits a role demand across named people, keeping the role', () => {
    const src = source([alloc({ id: 'r', resourceId: null, roleId: 'ba', amount: 20 })]);
    const { ops, refused } = planAssignRole(src, ['r'], [{ resourceId: 'asha', hours: 12 }, { resourceId: 'ben', hours: 8 }]);
    expect(refused).toEqual([]);
    expect(ops).toEqual([
      { op: 'create', entity: 'allocation', record: expect.objectContaining({ resourceId: 'asha', roleId: 'ba', amount: 12, start: '2026-01-05', end: '2026-03-15' }) },
      { op: 'create', entity: 'allocation', record: expect.objectContaining({ resourceId: 'ben', roleId: 'ba', amount: 8 }) },
      { op: 'delete', entity: 'allocation', id: 'r' },
    ]);
    expect(ops.every((o) => o.op !== 'create' || !('id' in o.record))).toBe(true);
    expect(planAssignRole(src, ['r'], [{ resourceId: 'asha', hours: -1 }]).refused).toContain('Hours cannot be negative');
  });

  it('recutSpans joins equal neighbours and drops empty spans', () => {
    expect(recutSpans({ start: '2026-01-05', end: '2026-01-25', hours: 10 }, [{ period: weeks[1]!, hours: 10 }])).toEqual([{ start: '2026-01-05', end: '2026-01-25', hours: 10 }]);
  });
});
