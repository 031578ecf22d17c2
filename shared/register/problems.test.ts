import { describe, expect, it } from 'vitest';
import type { Problem } from '../model/invariants';
import { describeProblem, planOutcome, problemReason, recordName, refusalAnnouncement, refusalSummary } from './problems';

const problem = (over: Partial<Problem>): Problem => ({ entity: 'project', id: 'p-1', field: 'finish', message: 'Project PRJ-001: Finish 2026-01-01 is before its start 2026-02-01', ...over });

describe('problem descriptions', () => {
  it('names a record by code, else name, else title, else id', () => {
    expect(recordName({ id: 'p-1', code: 'PRJ-001', name: 'CRM' })).toBe('PRJ-001');
    expect(recordName({ id: 'p-1', code: '', name: 'CRM' })).toBe('CRM');
    expect(recordName({ id: 'r-1', title: 'Supplier risk' })).toBe('Supplier risk');
    expect(recordName({ id: 'x-1' })).toBe('x-1');
  });

  it('gives the short reason when there is one, else the whole message', () => {
    expect(problemReason(problem({ reason: 'must be at most 168' }))).toBe('must be at most 168');
    expect(problemReason(problem({}))).toBe('Project PRJ-001: Finish 2026-01-01 is before its start 2026-02-01');
  });

  it("says the first problem about a field: its label and reason, else the message without the record's name and with dates as typed", () => {
    const label = (f: string) => (f === 'budget' ? 'Budget' : f);
    expect(describeProblem([problem({ field: 'budget', reason: 'must not be negative' }), problem({})], label)).toBe('Budget must not be negative');
    expect(describeProblem([problem({ field: '', reason: 'is required' })], label)).toBe('This value is required');
    expect(describeProblem([problem({})], label, (iso) => iso.split('-').reverse().join('/'))).toBe('Finish 01/01/2026 is before its start 01/02/2026');
    expect(describeProblem([problem({ message: 'Milestone Go-live: date is required' })], label)).toBe('Date is required');
    expect(describeProblem([], label)).toBeNull();
  });

  it('announces one refused cell by header and reason, several by count, none as nothing', () => {
    const line = { where: 'PRJ-001', header: 'Start', text: '31/02/2026', reason: 'is not a date' };
    expect(refusalAnnouncement('Paste 4 cells', [line])).toBe('Paste 4 cells: Start is not a date');
    expect(refusalAnnouncement('Paste 4 cells', [line, line])).toBe('Paste 4 cells: 2 cells were not saved');
    expect(refusalAnnouncement('Paste 4 cells', [])).toBe('');
  });

  it('heads the list of refused cells: one with what and why, several by count, worded for one and many', () => {
    const line = { where: 'PRJ-003', header: '% complete', text: '140', reason: 'must be 0–100 %' };
    expect(refusalSummary([line])).toBe('1 cell refused: % complete must be 0–100 %');
    expect(refusalSummary([{ ...line, header: '' }])).toBe('1 cell refused: must be 0–100 %');
    expect(refusalSummary([line, line])).toBe('2 cells refused');
    expect(refusalSummary(Array.from({ length: 1200 }, () => line))).toBe('1,200 cells refused');
    expect(refusalSummary([])).toBe('');
    expect(planOutcome('Paste 1 cell', 0, 1)).toBe('Paste 1 cell: nothing saved, 1 cell refused. Ctrl+Z undoes it.');
  });

  it('sums up a paste: what saved, what was refused, and that it can be undone', () => {
    expect(planOutcome('Paste 6 cells', 5, 1)).toBe('Paste 6 cells: 5 changes saved, 1 cell refused. Ctrl+Z undoes it.');
    expect(planOutcome('Fill down', 1, 0)).toBe('Fill down: 1 change saved. Ctrl+Z undoes it.');
    expect(planOutcome('Clear 2 cells', 0, 2)).toBe('Clear 2 cells: nothing saved, 2 cells refused. Ctrl+Z undoes it.');
  });
});
