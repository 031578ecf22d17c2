import { describe, expect, it } from 'vitest';
import { isSettablePath, nestedFields, readFieldPath, splitFieldPath, writeFieldPath, writtenPath } from './field-path';

describe('field paths', () => {
  it('reads the nested fields from the schemas: maps by id and groups of single values, not objects holding lists', () => {
    expect([...nestedFields('project')].sort()).toEqual(['custom', 'rag', 'scores']);
    expect([...nestedFields('statusReport')]).toEqual(['rag']);
    // A saved view's state holds lists (columns, sort, filters): one value, written whole.
    expect(nestedFields('view').has('state')).toBe(false);
    expect(nestedFields('milestone').size).toBe(0);
  });

  it('splits a path at its first dot', () => {
    expect(splitFieldPath('budget')).toEqual(['budget', undefined]);
    expect(splitFieldPath('rag.overall')).toEqual(['rag', 'overall']);
    expect(splitFieldPath('custom.cf-1.0')).toEqual(['custom', 'cf-1.0']);
  });

  it('lets an update set declared fields and members of nested ones only', () => {
    expect(isSettablePath('project', 'budget')).toBe(true);
    expect(isSettablePath('project', 'rag.overall')).toBe(true);
    expect(isSettablePath('project', 'custom.cf-9')).toBe(true);
    expect(isSettablePath('statusReport', 'rag.cost')).toBe(true);
    expect(isSettablePath('project', 'id')).toBe(false);
    expect(isSettablePath('project', 'nonsense')).toBe(false);
    expect(isSettablePath('project', 'budget.x')).toBe(false);
    expect(isSettablePath('milestone', 'custom.cf-1')).toBe(false);
    expect(isSettablePath('view', 'state.search')).toBe(false);
    expect(isSettablePath('project', '__proto__')).toBe(false);
    expect(isSettablePath('project', 'custom.__proto__')).toBe(false);
  });

  it('reads a member, and nothing from a value that is not an object', () => {
    const r = { budget: 5, rag: { overall: 'G' }, tags: ['a'] };
    expect(readFieldPath(r, 'budget')).toBe(5);
    expect(readFieldPath(r, 'rag.overall')).toBe('G');
    expect(readFieldPath(r, 'rag.cost')).toBeUndefined();
    expect(readFieldPath(r, 'tags.0')).toBeUndefined();
    expect(readFieldPath(r, 'custom.x')).toBeUndefined();
  });

  it('writes a member into a copy of its object, creating it when absent, and removes it with undefined', () => {
    const rag = { overall: 'G', cost: 'A' };
    const r: Record<string, unknown> = { rag };
    writeFieldPath(r, 'rag.overall', 'R');
    expect(r['rag']).toEqual({ overall: 'R', cost: 'A' });
    expect(rag.overall).toBe('G'); // the record the state holds is never changed through the copy
    writeFieldPath(r, 'rag.cost', undefined);
    expect(r['rag']).toEqual({ overall: 'R' });
    writeFieldPath(r, 'custom.cf-1', 3);
    expect(r['custom']).toEqual({ 'cf-1': 3 });
    writeFieldPath(r, 'name', 'X');
    expect(r['name']).toBe('X');
  });

  it("gives the path a column writes for a problem's path", () => {
    expect(writtenPath('project', 'finish')).toBe('finish');
    expect(writtenPath('project', 'tags.2')).toBe('tags');
    expect(writtenPath('project', 'rag.overall')).toBe('rag.overall');
    expect(writtenPath('project', 'custom.cf-1.0')).toBe('custom.cf-1');
    expect(writtenPath('project', 'scores.c-1')).toBe('scores.c-1');
    expect(writtenPath('project', 'custom')).toBe('custom');
  });
});
