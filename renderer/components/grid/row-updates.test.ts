import { describe, expect, it } from 'vitest';
import { changedErrorKeys, changedRows, rangeChangeCells } from './row-updates';

const row = (rowId: string, v = 0) => ({ rowId, v });

describe('changedRows', () => {
  it('lists the rows whose object changed when ids and order are the same', () => {
    const prev = [row('a'), row('b'), row('c')];
    const b2 = row('b', 1);
    expect(changedRows(prev, [prev[0]!, b2, prev[2]!])).toEqual([b2]);
    expect(changedRows(prev, [...prev])).toEqual([]);
  });
  it('gives null when rows were added, removed or moved', () => {
    const prev = [row('a'), row('b'), row('c')];
    expect(changedRows(prev, [prev[0]!, prev[1]!])).toBeNull();
    expect(changedRows(prev, [...prev, row('d')])).toBeNull();
    expect(changedRows(prev, [prev[1]!, prev[0]!, prev[2]!])).toBeNull();
    expect(changedRows(prev, [prev[0]!, row('x'), prev[2]!])).toBeNull();
  });
});

describe('rangeChangeCells', () => {
  it('covers the cells of the old and the new range', () => {
    expect(rangeChangeCells({ anchor: { row: 2, col: 3 }, focus: { row: 2, col: 3 } }, { anchor: { row: 3, col: 3 }, focus: { row: 3, col: 3 } })).toEqual({ rows: [2, 3], cols: [3] });
    expect(rangeChangeCells(null, { anchor: { row: 5, col: 4 }, focus: { row: 4, col: 1 } })).toEqual({ rows: [4, 5], cols: [1, 2, 3, 4] });
    expect(rangeChangeCells(null, null)).toEqual({ rows: [], cols: [] });
  });
  it('gives null beyond the row limit', () => {
    expect(rangeChangeCells({ anchor: { row: 0, col: 0 }, focus: { row: 0, col: 0 } }, { anchor: { row: 0, col: 0 }, focus: { row: 500, col: 0 } }, 400)).toBeNull();
  });
});

describe('changedErrorKeys', () => {
  it('lists marks added, removed or reworded', () => {
    const prev = new Map([['a|x', 'too long'], ['b|y', 'bad date']]);
    const next = new Map([['a|x', 'too short'], ['c|z', 'unknown']]);
    expect(changedErrorKeys(prev, next).sort()).toEqual(['a|x', 'b|y', 'c|z']);
    expect(changedErrorKeys(prev, prev)).toEqual([]);
  });
});
