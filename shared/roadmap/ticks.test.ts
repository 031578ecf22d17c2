import { describe, expect, it } from 'vitest';
import { autoScale, axisTicks, effectiveScale } from './ticks';
import { dayOf, fiscalQuarterOf, fiscalYearLabel, fiscalYearOf, isoOf } from '../calendar';

const uk = { fiscalYearStartMonth: 4, weekStart: 1, locale: 'en-GB' };
const d = (iso: string) => dayOf(iso)!;

describe('fiscal years', () => {
  it('names a fiscal year starting in April by the years it spans', () => {
    expect(fiscalYearOf(d('2026-03-31'), 4)).toBe(2025);
    expect(fiscalYearOf(d('2026-04-01'), 4)).toBe(2026);
    expect(fiscalYearLabel(2026, 4)).toBe('FY2026/27');
    expect(fiscalYearLabel(2099, 4, true)).toBe('FY99/00');
    expect(fiscalYearLabel(2026, 1)).toBe('FY2026');
  });

  it('counts quarters from the fiscal year start', () => {
    expect(fiscalQuarterOf(d('2026-04-01'), 4)).toBe(1);
    expect(fiscalQuarterOf(d('2026-06-30'), 4)).toBe(1);
    expect(fiscalQuarterOf(d('2026-07-01'), 4)).toBe(2);
    expect(fiscalQuarterOf(d('2027-01-15'), 4)).toBe(4);
    expect(fiscalQuarterOf(d('2027-03-31'), 4)).toBe(4);
    expect(fiscalQuarterOf(d('2026-01-15'), 1)).toBe(1);
  });

  it('draws fiscal years from April to March', () => {
    const t = axisTicks(d('2026-01-10'), d('2027-06-01'), 'fiscal-year', uk);
    expect(t.major).toEqual([]);
    expect(t.minor.map((x) => [isoOf(x.day), isoOf(x.end), x.label])).toEqual([
      ['2025-04-01', '2026-04-01', 'FY2025/26'],
      ['2026-04-01', '2027-04-01', 'FY2026/27'],
      ['2027-04-01', '2028-04-01', 'FY2027/28'],
    ]);
  });

  it('draws fiscal quarters under fiscal years', () => {
    const t = axisTicks(d('2026-05-01'), d('2027-05-01'), 'quarter', uk);
    expect(t.minor.map((x) => `${isoOf(x.day)} ${x.label}`)).toEqual(['2026-04-01 Q1', '2026-07-01 Q2', '2026-10-01 Q3', '2027-01-01 Q4', '2027-04-01 Q1']);
    expect(t.minor[3]!.long).toBe('Q4 FY26/27');
    expect(t.major.map((x) => x.label)).toEqual(['FY2026/27', 'FY2027/28']);
  });

  it('uses calendar quarters when the fiscal year is the calendar year', () => {
    const t = axisTicks(d('2026-02-01'), d('2026-08-01'), 'quarter', { ...uk, fiscalYearStartMonth: 1 });
    expect(t.minor.map((x) => `${isoOf(x.day)} ${x.label}`)).toEqual(['2026-01-01 Q1', '2026-04-01 Q2', '2026-07-01 Q3']);
    expect(t.major.map((x) => x.label)).toEqual(['FY2026']);
  });
});

describe('months and weeks', () => {
  it('draws months under calendar years, in the workbook locale', () => {
    const t = axisTicks(d('2026-11-15'), d('2027-02-01'), 'month', uk);
    expect(t.minor.map((x) => x.label)).toEqual(['Nov', 'Dec', 'Jan', 'Feb']);
    expect(t.minor[0]!.long).toBe('November 2026');
    expect(t.major.map((x) => x.label)).toEqual(['2026', '2027']);
    expect(isoOf(t.minor[1]!.end)).toBe('2027-01-01');
    const fr = axisTicks(d('2026-01-01'), d('2026-01-20'), 'month', { ...uk, locale: 'fr-FR' });
    expect(fr.minor[0]!.label.toLowerCase()).toContain('janv');
  });

  it('draws ISO weeks from Monday, labelled by week number, under months', () => {
    const t = axisTicks(d('2026-12-30'), d('2027-01-12'), 'week', uk);
    expect(t.minor.map((x) => `${isoOf(x.day)} ${x.label}`)).toEqual(['2026-12-28 W53', '2027-01-04 W01', '2027-01-11 W02']);
    expect(t.minor[1]!.long).toBe('W01 · 4 Jan');
    expect(t.major.map((x) => x.label)).toEqual(['Dec', 'Jan']);
  });

  it('starts weeks on the workbook week-start day and labels them by date', () => {
    const t = axisTicks(d('2026-03-04'), d('2026-03-16'), 'week', { ...uk, weekStart: 7 });
    expect(t.minor.map((x) => `${isoOf(x.day)} ${x.label}`)).toEqual(['2026-03-01 1 Mar', '2026-03-08 8 Mar', '2026-03-15 15 Mar']);
  });
});

describe('scale choice', () => {
  it('picks the finest scale that can be labelled at the zoom', () => {
    expect(autoScale(10)).toBe('week');
    expect(autoScale(2)).toBe('month');
    expect(autoScale(0.5)).toBe('quarter');
    expect(autoScale(0.08)).toBe('fiscal-year');
  });

  it('makes a chosen scale coarser when its periods would be slivers', () => {
    expect(effectiveScale('week', 10)).toBe('week');
    expect(effectiveScale('week', 0.1)).toBe('quarter');
    expect(effectiveScale('auto', 0.5)).toBe('quarter');
  });
});
