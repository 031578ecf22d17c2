import { describe, expect, it } from 'vitest';
import { summarisePortfolio } from './portfolio-summary';
import { tinyWorkbook } from '../../test/helpers/tiny-workbook';
import { ENTITY_SCHEMAS } from '../model/schemas';

describe('summarisePortfolio', () => {
  it('adds money exactly and computes variance and % spent over the right projects', () => {
    const wb = tinyWorkbook();
    const [p1, p2] = wb.records.project;
    Object.assign(p1!, { budget: 10_000_010, forecastCost: 10_500_000, actualCost: 2_000_001, rag: { ...p1!.rag, overall: 'A' } });
    Object.assign(p2!, { budget: 20, forecastCost: null, actualCost: 10 });
    const s = summarisePortfolio(wb.records, '2026-05-01');
    expect(s.totals.budget).toBe(10_000_030); // 12_000_050 replaced; p3 has no budget
    expect(s.totals.forecast).toBe(10_500_000);
    expect(s.totals.variance).toBe(-499_990); // only p1 has both
    expect(s.totals.varianceBasis).toBe(1);
    expect(s.totals.withForecast).toBe(1);
    expect(s.totals.spentRatio).toBeCloseTo(2_000_011 / 10_000_030, 12);
    expect(s.rag).toEqual({ R: 0, A: 1, G: 0, none: 2 });
    expect(s.programmes.map((p) => [p.name, p.projects])).toEqual([
      ['Digital', 2],
      ['Operations', 1],
    ]);
  });

  it('lists milestones due, overdue and slipped by forecast against baseline', () => {
    const wb = tinyWorkbook();
    wb.records.milestone.push(ENTITY_SCHEMAS.milestone.parse({ id: 'm-2', projectId: 'p-2', name: 'Design done', baselineDate: '2026-03-01', forecastDate: '2026-03-10' }));
    const s = summarisePortfolio(wb.records, '2026-05-01');
    expect(s.dueSoon.map((r) => r.milestone.id)).toEqual(['m-1']); // 15 June is within 90 days
    expect(s.overdue.map((r) => r.milestone.id)).toEqual(['m-2']);
    expect(s.slipped.map((r) => [r.milestone.id, r.slipDays])).toEqual([
      ['m-1', 14],
      ['m-2', 9],
    ]);
  });

  it('ranks open risks by probability × impact', () => {
    const wb = tinyWorkbook();
    const risk = (id: string, probability: number, impact: number, status = 'open') => ENTITY_SCHEMAS.raid.parse({ id, kind: 'risk', title: id, probability, impact, status, projectId: 'p-1' });
    wb.records.raid.push(risk('low', 1, 2), risk('high', 4, 5), risk('closed', 5, 5, 'closed'));
    expect(summarisePortfolio(wb.records, '2026-05-01').topRisks.map((r) => [r.risk.id, r.exposure])).toEqual([
      ['high', 20],
      ['low', 2],
    ]);
  });
});
