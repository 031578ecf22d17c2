import { describe, expect, it } from 'vitest';
import { typeaheadMatch } from './typeahead';

const PRIORITY = ['(blank)', 'Critical', 'High', 'Medium', 'Low'];

describe('typeaheadMatch', () => {
  it('picks the first label the letters start, ignoring case', () => {
    expect(typeaheadMatch(PRIORITY, 'l')).toBe(4);
    expect(typeaheadMatch(PRIORITY, 'L')).toBe(4);
    expect(typeaheadMatch(PRIORITY, 'h')).toBe(2);
  });
  it('narrows as more letters are typed', () => {
    const labels = ['Marketing', 'Manufacturing', 'Maintenance'];
    expect(typeaheadMatch(labels, 'ma')).toBe(0);
    expect(typeaheadMatch(labels, 'man')).toBe(1);
    expect(typeaheadMatch(labels, 'mai')).toBe(2);
  });
  it('ignores accents and falls back to a word inside a label', () => {
    expect(typeaheadMatch(['Opérations', 'Équipe'], 'eq')).toBe(1);
    expect(typeaheadMatch(['Customer experience', 'Product development'], 'dev')).toBe(1);
  });
  it('finds nothing for no match or no text', () => {
    expect(typeaheadMatch(PRIORITY, 'x')).toBe(-1);
    expect(typeaheadMatch(PRIORITY, '')).toBe(-1);
  });
});
