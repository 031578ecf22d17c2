import { describe, expect, it } from 'vitest';
import { plural } from './plural';

describe('plural', () => {
  it('counts with the singular for one and the plural (given or with s) otherwise', () => {
    expect(plural(1, 'cell')).toBe('1 cell');
    expect(plural(0, 'cell')).toBe('0 cells');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
    expect(plural(1200, 'project')).toBe(`${(1200).toLocaleString()} projects`);
  });
});
