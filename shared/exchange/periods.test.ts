import { describe, expect, it } from 'vitest';
import { detectPeriodColumns, nextPeriod, parsePeriodHeader, type PeriodOptions } from './periods';
import type { SourceCell } from './source';
import { isoWeek, isoWeekday } from '../calendar';

const DMY: PeriodOptions = { dateOrder: 'DMY' };
const MDY: PeriodOptions = { dateOrder: 'MDY' };

describe('parsePeriodHeader: numbered ISO weeks', () => {
  it('reads the usual spellings, with a year', () => {
    const w5 = { kind: 'week', start: '2026-01-26', end: '2026-02-01', label: '2026-W05' };
    for (const h of ['2026-W05', '2026W05', '2026 W5', '2026-w05', 'W05 2026', 'W5-2026', 'Wk 5 2026', 'wk5 2026', 'Week 5, 2026', 'Week 05 2026', '2026 Wk 5', ' 2026-W05 ']) {
      expect([h, parsePeriodHeader(h, DMY)]).toEqual([h, w5]);
    }
  });

  it('follows ISO 8601: week 1 holds 4 January, weeks run Monday to Sunday', () => {
    // 2026 starts on a Thursday: week 1 began on Monday 29 December 2025, and 2026 has 53 weeks.
    expect(parsePeriodHeader('2026-W01', DMY)).toMatchObject({ start: '2025-12-29', end: '2026-01-04' });
    expect(parsePeriodHeader('2026-W53', DMY)).toMatchObject({ start: '2026-12-28', end: '2027-01-03' });
    // 2027 starts on a Friday: 4 January is a Monday and starts week 1.
    expect(parsePeriodHeader('2027-W01', DMY)).toMatchObject({ start: '2027-01-04', end: '2027-01-10' });
    expect(parsePeriodHeader('2020-W53', DMY)).toMatchObject({ start: '2020-12-28' });
    // 2025 has 52 weeks; week 0 and week 54 do not exist.
    expect(parsePeriodHeader('2025-W53', DMY)).toBeNull();
    expect(parsePeriodHeader('2026-W00', DMY)).toBeNull();
    expect(parsePeriodHeader('2026-W54', DMY)).toBeNull();
    for (let week = 1; week <= 52; week++) {
      const p = parsePeriodHeader(`2024-W${String(week).padStart(2, '0')}`, DMY)!;
      expect(isoWeekday(p.start)).toBe(1);
      expect(isoWeek(p.start)).toEqual({ year: 2024, week });
    }
  });

  it('needs the year', () => {
    expect(parsePeriodHeader('Wk 5', DMY)).toBeNull();
    expect(parsePeriodHeader('W05', DMY)).toBeNull();
    expect(parsePeriodHeader('Week 5', DMY)).toBeNull();
  });

  it('moves numbered weeks back to the workbook week start', () => {
    expect(parsePeriodHeader('2026-W05', { dateOrder: 'DMY', weekStart: 7 })).toEqual({ kind: 'week', start: '2026-01-25', end: '2026-01-31', label: '2026-W05' });
    expect(parsePeriodHeader('2026-W05', { dateOrder: 'DMY', weekStart: 1 })).toMatchObject({ start: '2026-01-26' });
  });
});

describe('parsePeriodHeader: dates as week commencing', () => {
  it('reads date cells, ISO dates and dates in the workbook order', () => {
    const w = { kind: 'week', start: '2026-01-05', end: '2026-01-11', label: '2026-W02' };
    expect(parsePeriodHeader({ d: '2026-01-05' }, DMY)).toEqual(w);
    expect(parsePeriodHeader('2026-01-05', DMY)).toEqual(w);
    expect(parsePeriodHeader('05/01/2026', DMY)).toEqual(w);
    expect(parsePeriodHeader('01/05/2026', MDY)).toEqual(w);
    expect(parsePeriodHeader('5 Jan 2026', DMY)).toEqual(w);
    expect(parsePeriodHeader('w/c 05/01/2026', DMY)).toEqual(w);
    expect(parsePeriodHeader('WC 5 Jan 2026', DMY)).toEqual(w);
    expect(parsePeriodHeader('Week commencing 05/01/2026', DMY)).toEqual(w);
    expect(parsePeriodHeader('w/e 11/01/2026', DMY)).toEqual(w);
    expect(parsePeriodHeader('Week ending 11/01/2026', DMY)).toEqual(w);
  });

  it('keeps a week commencing on another day as given', () => {
    expect(parsePeriodHeader('01/05/2026', DMY)).toEqual({ kind: 'week', start: '2026-05-01', end: '2026-05-07', label: 'w/c 2026-05-01' });
  });

  it('reads a date as its month when asked', () => {
    expect(parsePeriodHeader({ d: '2026-03-01' }, { dateOrder: 'DMY', dateAs: 'month' })).toEqual({ kind: 'month', start: '2026-03-01', end: '2026-03-31', label: 'Mar 2026' });
    // An explicit week mark wins.
    expect(parsePeriodHeader('w/c 02/03/2026', { dateOrder: 'DMY', dateAs: 'month' })).toMatchObject({ kind: 'week', start: '2026-03-02' });
  });
});

describe('parsePeriodHeader: months', () => {
  it('reads month names and numbers with a year', () => {
    const jan = { kind: 'month', start: '2026-01-01', end: '2026-01-31', label: 'Jan 2026' };
    for (const h of ['Jan-26', 'Jan 26', "Jan '26", 'Jan 2026', 'Jan-2026', 'January 2026', 'JANUARY 2026', 'jan. 2026', '01/2026', '1/2026', '2026-01', '2026/01', '2026 Jan']) {
      expect([h, parsePeriodHeader(h, DMY)]).toEqual([h, jan]);
    }
    expect(parsePeriodHeader('Sept 2026', DMY)).toMatchObject({ start: '2026-09-01', end: '2026-09-30' });
    expect(parsePeriodHeader('Feb 2026', DMY)).toMatchObject({ end: '2026-02-28' });
    expect(parsePeriodHeader('Feb 2028', DMY)).toMatchObject({ end: '2028-02-29' });
  });

  it('leaves ambiguous and foreign text alone', () => {
    for (const h of ['1/26', '01/26', '13/2026', '2026-13', 'Total', 'Project', 'Janitor 2026', '', 'Q1 2026']) expect([h, parsePeriodHeader(h, DMY)]).toEqual([h, null]);
    for (const c of [null, 42, 46027, true, { n: 0.5, pct: true as const }]) expect(parsePeriodHeader(c as SourceCell, DMY)).toBeNull();
  });
});

describe('detectPeriodColumns', () => {
  it('finds a run of weekly date cells between text columns', () => {
    const headers: SourceCell[] = ['Person', 'Project', { d: '2026-01-05' }, { d: '2026-01-12' }, { d: '2026-01-19' }, 'Total'];
    const r = detectPeriodColumns(headers, DMY)!;
    expect(r.columns).toEqual([2, 3, 4]);
    expect(r.kind).toBe('week');
    expect(r.periods.map((p) => [p.start, p.end])).toEqual([
      ['2026-01-05', '2026-01-11'],
      ['2026-01-12', '2026-01-18'],
      ['2026-01-19', '2026-01-25'],
    ]);
  });

  it('takes dates on the first of successive months as months', () => {
    const r = detectPeriodColumns(['Role', { d: '2026-01-01' }, { d: '2026-02-01' }, { d: '2026-03-01' }], DMY)!;
    expect(r.kind).toBe('month');
    expect(r.columns).toEqual([1, 2, 3]);
    expect(r.periods.map((p) => p.label)).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026']);
    expect(r.periods[1]).toMatchObject({ start: '2026-02-01', end: '2026-02-28' });
    // Month-end dates too.
    expect(detectPeriodColumns([{ d: '2026-01-31' }, { d: '2026-02-28' }, { d: '2026-03-31' }], DMY)!.kind).toBe('month');
  });

  it('reads text headers of weeks and months', () => {
    expect(detectPeriodColumns(['Name', 'Jan-26', 'Feb-26', 'Mar-26'], DMY)).toMatchObject({ columns: [1, 2, 3], kind: 'month' });
    expect(detectPeriodColumns(['Name', '2026-W05', '2026-W06'], DMY)).toMatchObject({ columns: [1, 2], kind: 'week' });
    expect(detectPeriodColumns(['Name', '05/01/2026', '12/01/2026', '19/01/2026'], DMY)).toMatchObject({ columns: [1, 2, 3], kind: 'week' });
    // The same text in MDY is 1 May, 1 December…: not weekly, not monthly.
    expect(detectPeriodColumns(['Name', '05/01/2026', '12/01/2026', '19/01/2026'], MDY)).toBeNull();
  });

  it('accepts a missing week in a weekly grid', () => {
    expect(detectPeriodColumns([{ d: '2026-01-05' }, { d: '2026-01-12' }, { d: '2026-01-26' }], DMY)).toMatchObject({ kind: 'week', columns: [0, 1, 2] });
  });

  it('needs two or more adjacent, increasing, evenly spaced columns', () => {
    expect(detectPeriodColumns(['Name', { d: '2026-01-05' }, 'Total'], DMY)).toBeNull();
    expect(detectPeriodColumns([{ d: '2026-01-05' }, { d: '2026-01-09' }], DMY)).toBeNull();
    expect(detectPeriodColumns([{ d: '2026-01-12' }, { d: '2026-01-05' }], DMY)).toBeNull();
    expect(detectPeriodColumns(['Name', 'Role'], DMY)).toBeNull();
    expect(detectPeriodColumns([], DMY)).toBeNull();
  });

  it('picks the longest run', () => {
    const headers: SourceCell[] = ['Jan-26', 'Feb-26', 'Person', '2026-W01', '2026-W02', '2026-W03'];
    expect(detectPeriodColumns(headers, DMY)).toMatchObject({ columns: [3, 4, 5], kind: 'week' });
  });

  it('does not mix weeks and months in one run', () => {
    expect(detectPeriodColumns(['2026-W01', '2026-W02', 'Feb-26', 'Mar-26', 'Apr-26'], DMY)).toMatchObject({ columns: [2, 3, 4], kind: 'month' });
  });
});

describe('nextPeriod', () => {
  it('steps a week or a month', () => {
    expect(nextPeriod(parsePeriodHeader('2026-W52', DMY)!)).toEqual(parsePeriodHeader('2026-W53', DMY));
    expect(nextPeriod(parsePeriodHeader('2026-W53', DMY)!)).toEqual(parsePeriodHeader('2027-W01', DMY));
    expect(nextPeriod(parsePeriodHeader('Dec 2026', DMY)!)).toEqual({ kind: 'month', start: '2027-01-01', end: '2027-01-31', label: 'Jan 2027' });
  });
});
