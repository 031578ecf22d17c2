import { describe, expect, it } from 'vitest';
import { declaredPeriodColumns, detectPeriodColumns, nextPeriod, parsePeriodHeader, type PeriodOptions } from './periods';
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
    expect(parsePeriodHeader('KW 5', DMY)).toBeNull();
    expect(parsePeriodHeader('Jan', DMY)).toBeNull();
    // … unless one is given (the sheet's or the file's year).
    expect(parsePeriodHeader('W05', { ...DMY, year: 2026 })).toMatchObject({ start: '2026-01-26', label: '2026-W05' });
    expect(parsePeriodHeader('Jan', { ...DMY, year: 2026 })).toMatchObject({ start: '2026-01-01', end: '2026-01-31' });
  });

  it('reads German, French, Spanish and Dutch week numbers', () => {
    const w5 = { kind: 'week', start: '2026-01-26', end: '2026-02-01', label: '2026-W05' };
    for (const h of ['KW 5 2026', 'KW05/2026', 'KW 05/26', 'KW5-2026', '2026 KW 5', '2026-KW05', 'CW 5 2026', 'Sem. 5 2026', 'Semana 5 2026', 'Woche 5 2026', 'Wk 5 2026', "W5 '26"]) {
      expect([h, parsePeriodHeader(h, DMY)]).toEqual([h, w5]);
    }
    for (const h of ['KW 5', 'Wk 5', 'W05', 'Week 5', 'kw05', 'Sem 5']) expect([h, parsePeriodHeader(h, { ...DMY, year: 2026 })]).toEqual([h, w5]);
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

  it('reads "Week of", other languages\' week-commencing words and a week number with its date', () => {
    const w = { kind: 'week', start: '2026-01-05', end: '2026-01-11', label: '2026-W02' };
    expect(parsePeriodHeader('Week of 1/5/2026', MDY)).toEqual(w);
    expect(parsePeriodHeader('Week of 05/01/2026', DMY)).toEqual(w);
    expect(parsePeriodHeader('Woche vom 05.01.2026', DMY)).toEqual(w);
    expect(parsePeriodHeader('KW ab 05.01.2026', DMY)).toEqual(w);
    expect(parsePeriodHeader('Semaine du 05/01/2026', DMY)).toEqual(w);
    expect(parsePeriodHeader('Semana del 05/01/2026', DMY)).toEqual(w);
    expect(parsePeriodHeader('Week van 05-01-2026', DMY)).toEqual(w);
    expect(parsePeriodHeader('KW 2 (05.01.2026)', DMY)).toEqual(w);
    expect(parsePeriodHeader('W02 - 5 Jan 2026', DMY)).toEqual(w);
    // A week-commencing date is a week even where bare dates are read as months.
    expect(parsePeriodHeader('Week of 1/5/2026', { dateOrder: 'MDY', dateAs: 'month' })).toEqual(w);
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
    expect(parsePeriodHeader('Jan2026', DMY)).toEqual(jan);
    expect(parsePeriodHeader('2026M01', DMY)).toEqual(jan);
    expect(parsePeriodHeader('Feb 2026', DMY)).toMatchObject({ end: '2026-02-28' });
    expect(parsePeriodHeader('Feb 2028', DMY)).toMatchObject({ end: '2028-02-29' });
  });

  it('reads month names in German, French, Spanish and Dutch', () => {
    for (const [h, start] of [
      ['Januar 2026', '2026-01-01'],
      ['März 2026', '2026-03-01'],
      ['Mrz-26', '2026-03-01'],
      ['févr. 2026', '2026-02-01'],
      ['août-26', '2026-08-01'],
      ['ene-26', '2026-01-01'],
      ['dic. 2026', '2026-12-01'],
      ['mrt 2026', '2026-03-01'],
      ['mei 2026', '2026-05-01'],
      ['Okt 26', '2026-10-01'],
    ] as const) {
      expect([h, parsePeriodHeader(h, DMY)?.start]).toEqual([h, start]);
    }
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
    // In MDY 19/01/2026 cannot be read: the headers' own dates say day-first, whatever the workbook says.
    expect(detectPeriodColumns(['Name', '05/01/2026', '12/01/2026', '19/01/2026'], MDY)).toMatchObject({ columns: [1, 2, 3], kind: 'week', dateOrder: { order: 'DMY', from: 'headers' } });
    // Only ambiguous dates: the order whose spacing makes weeks (1 May, 1 December is no grid).
    expect(detectPeriodColumns(['Name', '05/01/2026', '12/01/2026'], MDY)).toMatchObject({ columns: [1, 2], kind: 'week', dateOrder: { order: 'DMY', from: 'spacing' } });
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

describe('detectPeriodColumns: headers as people make them', () => {
  it('reads a header row mixing a date cell with text months as one monthly grid', () => {
    const months = ['Feb-26', 'Mar-26', 'Apr-26', 'May-26', 'Jun-26', 'Jul-26', 'Aug-26', 'Sep-26', 'Oct-26', 'Nov-26', 'Dec-26'];
    const headers: SourceCell[] = ['Person', 'Project', 'Role', 'Notes', { d: '2026-01-01' }, ...months, 'Total'];
    const r = detectPeriodColumns(headers, DMY)!;
    expect(r.kind).toBe('month');
    expect(r.columns).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(r.periods.map((p) => p.label)).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026', 'May 2026', 'Jun 2026', 'Jul 2026', 'Aug 2026', 'Sep 2026', 'Oct 2026', 'Nov 2026', 'Dec 2026']);
    // The date as the text a CSV holds, and a date cell in the middle.
    expect(detectPeriodColumns(['Name', '2026-01-01', 'Feb-26', 'Mar-26'], DMY)).toMatchObject({ columns: [1, 2, 3], kind: 'month' });
    expect(detectPeriodColumns(['Name', 'Jan 2026', { d: '2026-02-01' }, 'March 2026'], DMY)!.periods.map((p) => p.start)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    // Date cells among week numbers are weeks commencing.
    expect(detectPeriodColumns(['Name', '2026-W02', { d: '2026-01-12' }, '2026-W04'], DMY)).toMatchObject({ columns: [1, 2, 3], kind: 'week' });
  });

  it('reads "Week of" dates month-first when the headers say so, whatever the workbook order', () => {
    const headers = ['Person', 'Project', 'Week of 1/5/2026', 'Week of 1/12/2026', 'Week of 1/19/2026', 'Week of 1/26/2026'];
    const r = detectPeriodColumns(headers, DMY)!;
    expect(r).toMatchObject({ kind: 'week', columns: [2, 3, 4, 5], dateOrder: { order: 'MDY', from: 'headers' } });
    expect(r.periods.map((p) => p.start)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26']);
  });

  it('reads ambiguous "Week of" dates in the order given (the file\'s), or the one their spacing allows', () => {
    const headers = ['Person', 'Week of 2/2/2026', 'Week of 2/9/2026', 'Week of 3/2/2026'];
    // MDY: 2, 9 February, 2 March (a missing week is allowed); DMY: 2 February, 2 September, 3 February: no grid.
    expect(detectPeriodColumns(headers, DMY)).toMatchObject({ columns: [1, 2, 3], dateOrder: { order: 'MDY', from: 'spacing' } });
    expect(detectPeriodColumns(headers, DMY)!.periods.map((p) => p.start)).toEqual(['2026-02-02', '2026-02-09', '2026-03-02']);
    // Day-first they are a week apart, month-first 3 February and 3 September: day-first, whatever the order given.
    const one = ['Person', 'w/c 02/03/2026', 'w/c 09/03/2026'];
    expect(detectPeriodColumns(one, DMY)).toMatchObject({ dateOrder: { order: 'DMY', from: 'spacing' }, periods: [{ start: '2026-03-02' }, { start: '2026-03-09' }] });
    expect(detectPeriodColumns(one, MDY)).toMatchObject({ dateOrder: { order: 'DMY', from: 'spacing' } });
    // Whole weeks apart either way (1 February and 4 October, or 2 January and 10 April): the order given decides.
    const both = ['Person', 'w/c 01/02/2026', 'w/c 04/10/2026'];
    expect(detectPeriodColumns(both, DMY)).toMatchObject({ dateOrder: { order: 'DMY', from: 'given' }, periods: [{ start: '2026-02-01' }, { start: '2026-10-04' }] });
    expect(detectPeriodColumns(both, MDY)).toMatchObject({ dateOrder: { order: 'MDY', from: 'given' }, periods: [{ start: '2026-01-02' }, { start: '2026-04-10' }] });
  });

  it('takes the year of yearless week numbers from a neighbour, moving on at the turn of the year', () => {
    const r = detectPeriodColumns(['Person', 'W51 2026', 'W52', 'W53', 'W01', 'W02'], DMY)!;
    expect(r).toMatchObject({ kind: 'week', columns: [1, 2, 3, 4, 5], yearFrom: 'headers' });
    expect(r.periods.map((p) => p.label)).toEqual(['2026-W51', '2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    // Backwards from the first header with a year.
    expect(detectPeriodColumns(['KW 52', 'KW 1', 'KW 2/2027'], DMY)!.periods.map((p) => p.label)).toEqual(['2026-W52', '2027-W01', '2027-W02']);
    // From a date cell beside them.
    expect(detectPeriodColumns([{ d: '2026-12-21' }, 'W53', 'W1'], DMY)!.periods.map((p) => p.label)).toEqual(['2026-W52', '2026-W53', '2027-W01']);
  });

  it('takes the year given when no header has one, or finds no grid', () => {
    const headers = ['Person', 'Project', 'Wk 50', 'Wk 51', 'Wk 52', 'Wk 1', 'Wk 2'];
    expect(detectPeriodColumns(headers, DMY)).toBeNull();
    const r = detectPeriodColumns(headers, { ...DMY, year: 2025 })!;
    expect(r).toMatchObject({ columns: [2, 3, 4, 5, 6], yearFrom: 'given' });
    expect(r.periods.map((p) => p.label)).toEqual(['2025-W50', '2025-W51', '2025-W52', '2026-W01', '2026-W02']);
    const months = detectPeriodColumns(['Name', 'Nov', 'Dez', 'Jan', 'Feb'], { ...DMY, year: 2026 })!;
    expect(months.periods.map((p) => p.label)).toEqual(['Nov 2026', 'Dec 2026', 'Jan 2027', 'Feb 2027']);
  });

  it('reads month numbers and ISO months', () => {
    expect(detectPeriodColumns(['Name', '01/2026', '02/2026', '03/2026'], MDY)!.periods.map((p) => p.label)).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026']);
    expect(detectPeriodColumns(['Name', '2026-11', '2026-12', '2027-01'], DMY)!.periods.map((p) => p.label)).toEqual(['Nov 2026', 'Dec 2026', 'Jan 2027']);
  });

  it('does not take names or text for periods', () => {
    expect(detectPeriodColumns(['Person', 'Project', 'Role', 'Notes', 'Total'], DMY)).toBeNull();
    expect(detectPeriodColumns(['Name', 'Mark', 'Jane', 'June'], { ...DMY, year: 2026 })).toBeNull();
    expect(detectPeriodColumns(['Week', 'Month', 'Year'], { ...DMY, year: 2026 })).toBeNull();
  });
});

describe('declaredPeriodColumns', () => {
  it('reads the columns a mapping names, or says which cannot be periods', () => {
    const headers: SourceCell[] = ['Person', 'Project', { d: '2026-01-01' }, 'Feb-26', 'Mar-26', 'Total'];
    expect(declaredPeriodColumns(headers, [2, 3, 4], { dateOrder: 'DMY' })).toMatchObject({ ok: true, grid: { kind: 'month', columns: [2, 3, 4] } });
    expect(declaredPeriodColumns(headers, [2, 3, 4], { dateOrder: 'DMY', kind: 'month' })).toMatchObject({ ok: true });
    expect(declaredPeriodColumns(headers, [2, 3, 4, 5], { dateOrder: 'DMY' })).toEqual({ ok: false, problems: [{ column: 5, message: expect.stringContaining('“Total” is not a week or month') }] });
    expect(declaredPeriodColumns(headers, [3, 4], { dateOrder: 'DMY', kind: 'week' })).toMatchObject({ ok: false, problems: [{ column: 3, message: '“Feb-26” is a month, not a week' }, { column: 4 }] });
    expect(declaredPeriodColumns(['W1', 'W2'], [0, 1], { dateOrder: 'DMY' })).toMatchObject({ ok: false, problems: [{ column: 0, message: expect.stringContaining('has no year') }] });
    expect(declaredPeriodColumns(['W1', 'W2'], [0, 1], { dateOrder: 'DMY', year: 2026 })).toMatchObject({ ok: true, grid: { kind: 'week', yearFrom: 'given' } });
    // Bare date cells: a month apart → months; declared as weeks they are weeks commencing.
    const dates: SourceCell[] = [{ d: '2026-01-01' }, { d: '2026-02-01' }];
    expect(declaredPeriodColumns(dates, [0, 1], { dateOrder: 'DMY' })).toMatchObject({ ok: true, grid: { kind: 'month' } });
    expect(declaredPeriodColumns(dates, [0, 1], { dateOrder: 'DMY', kind: 'week' })).toMatchObject({ ok: true, grid: { kind: 'week', periods: [{ start: '2026-01-01' }, { start: '2026-02-01' }] } });
  });
});

describe('nextPeriod', () => {
  it('steps a week or a month', () => {
    expect(nextPeriod(parsePeriodHeader('2026-W52', DMY)!)).toEqual(parsePeriodHeader('2026-W53', DMY));
    expect(nextPeriod(parsePeriodHeader('2026-W53', DMY)!)).toEqual(parsePeriodHeader('2027-W01', DMY));
    expect(nextPeriod(parsePeriodHeader('Dec 2026', DMY)!)).toEqual({ kind: 'month', start: '2027-01-01', end: '2027-01-31', label: 'Jan 2027' });
  });
});
