import { describe, expect, it } from 'vitest';
import { suggestRag, summariseSuggestedRag } from './suggested-rag';
import { ENTITY_SCHEMAS, type Project } from '../model/schemas';
import { defaultSettings } from '../model/workbook';
import { namedBaseline } from '../schedule/slip';

const settings = (rules: Partial<ReturnType<typeof defaultSettings>['ragRules']> = {}, holidays: { date: string; name: string }[] = []) => {
  const s = defaultSettings('P', { holidays });
  return { ...s, ragRules: { ...s.ragRules, ...rules } };
};
const project = (o: Partial<Project>): Project => ENTITY_SCHEMAS.project.parse({ id: 'p', code: 'P-1', name: 'P', ...o });

describe('suggestRag', () => {
  it('reads slip in working days against the rules, strictly above each threshold', () => {
    // Baseline finish Fri 2 Jan 2026; 10 working days later is Fri 16 Jan.
    const onTen = project({ baselineFinish: '2026-01-02', finish: '2026-01-16' });
    expect(suggestRag(onTen, settings())?.rag).toBe('G'); // 10 is not above 10
    const eleven = project({ baselineFinish: '2026-01-02', finish: '2026-01-19' });
    expect(suggestRag(eleven, settings())).toMatchObject({ rag: 'A', reason: 'Amber: finish 11 working days late (rule: amber above 10, red above 30)' });
    // A holiday in the span takes a day off the slip.
    expect(suggestRag(eleven, settings({}, [{ date: '2026-01-12', name: 'H' }]))?.rag).toBe('G');
    const late = project({ baselineFinish: '2026-01-02', finish: '2026-02-20' }); // 35 working days
    expect(suggestRag(late, settings())?.reason).toBe('Red: finish 35 working days late (rule: red above 30)');
    // Changing the rule changes the suggestion.
    expect(suggestRag(late, settings({ slipRedDays: 40 }))?.rag).toBe('A');
    expect(suggestRag(project({ baselineFinish: '2026-01-16', finish: '2026-01-02' }), settings())?.reason).toBe('Green: finish 10 working days early (rules: amber above 10)');
  });

  it('reads cost from budget and forecast at completion; the worse of the two wins', () => {
    const over = project({ budget: 100_000_00, forecastCost: 107_500_00 });
    expect(suggestRag(over, settings())).toMatchObject({ rag: 'A', reason: 'Amber: forecast 7.5 % over budget (rule: amber above 5 %, red above 10 %)' });
    expect(suggestRag(over, settings({ costRedPct: 7 }))?.rag).toBe('R');
    expect(suggestRag(project({ budget: 100_00, forecastCost: 90_00 }), settings())?.reason).toBe('Green: forecast 10 % under budget (rules: amber above 5 %)');
    const both = project({ budget: 100_00, forecastCost: 120_00, baselineFinish: '2026-01-02', finish: '2026-01-19' });
    const s = suggestRag(both, settings())!;
    expect(s.rag).toBe('R');
    expect(s.findings.map((f) => f.rag)).toEqual(['R', 'A']);
    expect(s.reason).toBe('Red: forecast 20 % over budget (rule: red above 10 %); finish 11 working days late (rule: amber above 10, red above 30)');
  });

  it('has no suggestion without figures; follows a named baseline when given', () => {
    expect(suggestRag(project({ finish: '2026-03-01' }), settings())).toBeNull();
    expect(suggestRag(project({ budget: 0, forecastCost: 10 }), settings())).toBeNull(); // no % of a zero budget
    const p = project({ id: 'p', finish: '2026-02-20', baselineFinish: '2026-02-20' });
    expect(suggestRag(p, settings())?.rag).toBe('G');
    const b = namedBaseline({ projects: [{ projectId: 'p', start: null, finish: '2026-01-02', budget: null }], milestones: [] });
    expect(suggestRag(p, settings(), b)?.rag).toBe('R');
  });
});

describe('summariseSuggestedRag', () => {
  it('counts suggestions and the RAGs set by hand that differ from them', () => {
    const ps = [
      project({ id: 'a', budget: 100, forecastCost: 120, rag: { overall: 'R', schedule: null, cost: null, scope: null, resources: null } }),
      project({ id: 'b', budget: 100, forecastCost: 120, rag: { overall: 'G', schedule: null, cost: null, scope: null, resources: null } }),
      project({ id: 'c', budget: 100, forecastCost: 100 }),
      project({ id: 'd' }),
    ];
    expect(summariseSuggestedRag(ps, settings())).toEqual({ counts: { R: 2, A: 0, G: 1, none: 1 }, differ: 1, unset: 1 });
  });
});
