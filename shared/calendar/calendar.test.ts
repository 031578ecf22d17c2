// The calendar beyond plain date arithmetic (dates.test.ts): fast day numbers, ISO weeks at the
// turn of the year, years 1–99, the workbook's week start, fiscal quarters and years, period
// lists and labels, working days against holidays and a person's calendar.
import { describe, expect, it } from 'vitest';
import {
  buildHolidayIndex,
  calendarPeriods,
  civilFromDays,
  dayOf,
  fiscalQuarterKey,
  fiscalQuarterOf,
  fiscalYearLabel,
  fiscalYearOf,
  fromDayNumber,
  isIsoDate,
  isoOf,
  isoWeek,
  isoWeekLabel,
  isoWeekMonday,
  isoWeekday,
  monthKeyOf,
  monthKeyStart,
  monthLabel,
  personDailyHours,
  quarterLabel,
  toDayNumber,
  weekStartDay,
  weekdayOf,
  workingDaysBetween,
  workingDaysIn,
  type PersonCalendar,
} from '.';

const d = (iso: string) => toDayNumber(iso);

describe('day numbers', () => {
  it('agree with the Date object (for years it reads correctly) across centuries, leap days and the epoch', () => {
    for (let day = -719_000; day < 2_900_000; day += 9_973) {
      const date = new Date(day * 86_400_000);
      const iso = date.toISOString().slice(0, 10);
      if (date.getUTCFullYear() < 100) continue; // toISOString is right, but keep the reference simple
      expect(dayOf(iso)).toBe(day);
      expect(fromDayNumber(day)).toBe(iso);
      expect(weekdayOf(day)).toBe(((date.getUTCDay() + 6) % 7) + 1);
    }
  });

  it('refuse what is not a calendar date', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '0000-01-01', '26-04-01', '2026/04/01', '2026-4-1', '', 'abcd-ef-gh', null, undefined]) expect(dayOf(bad)).toBeNull();
    expect(() => toDayNumber('2026-02-30')).toThrow(RangeError);
  });

  it('keep years 1–99 as they are (Date.UTC would read 0026 as 1926)', () => {
    expect(isIsoDate('0026-03-01')).toBe(true);
    expect(fromDayNumber(d('0026-03-01'))).toBe('0026-03-01');
    expect(d('0026-03-01') - d('0025-03-01')).toBe(365);
    expect(d('0004-03-01') - d('0004-02-28')).toBe(2); // year 4 is a leap year
    expect(d('0100-03-01') - d('0100-02-28')).toBe(1); // year 100 is not
    expect(fromDayNumber(d('0001-01-01') - 1)).toBe('0000-12-31');
    expect(isoWeekday('0001-01-01')).toBe(1); // proleptic Gregorian: a Monday
    expect(isoWeekLabel('0001-01-01')).toBe('0001-W01');
    expect(isoWeekLabel('0099-12-31')).toBe('0099-W53'); // as Python's proleptic datetime.date(99, 12, 31).isocalendar()
  });

  it('give back year, month, day and weekday, and the date of a fractional day', () => {
    const day = d('2026-03-02');
    expect(civilFromDays(day)).toEqual({ y: 2026, m: 3, d: 2 });
    expect(weekdayOf(day)).toBe(1);
    expect(isoOf(day + 0.7)).toBe('2026-03-02');
  });
});

describe('ISO weeks', () => {
  it('belong to the year of their Thursday at the turn of the year', () => {
    expect(isoWeek('2020-12-31')).toEqual({ year: 2020, week: 53 });
    expect(isoWeek('2021-01-03')).toEqual({ year: 2020, week: 53 }); // Sunday
    expect(isoWeek('2021-01-04')).toEqual({ year: 2021, week: 1 });
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 }); // Monday of 2025-W01
    expect(isoWeek('2026-12-28')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-03')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-04')).toEqual({ year: 2027, week: 1 });
    expect(isoWeek('2010-01-03')).toEqual({ year: 2009, week: 53 });
  });

  it('find the Monday of a numbered week, and refuse a week 53 the year does not have', () => {
    expect(fromDayNumber(isoWeekMonday(2026, 1)!)).toBe('2025-12-29');
    expect(fromDayNumber(isoWeekMonday(2026, 53)!)).toBe('2026-12-28');
    expect(isoWeekMonday(2025, 53)).toBeNull();
    expect(isoWeekMonday(2026, 0)).toBeNull();
    expect(isoWeekMonday(2026, 54)).toBeNull();
    for (let y = 1990; y <= 2040; y++) for (const w of [1, 26, 52]) expect(isoWeek(fromDayNumber(isoWeekMonday(y, w)!))).toEqual({ year: y, week: w });
  });

  it('start on the workbook week-start day when a view honours it', () => {
    const wed = d('2026-01-07');
    expect(fromDayNumber(weekStartDay(wed, 1))).toBe('2026-01-05'); // Monday
    expect(fromDayNumber(weekStartDay(wed, 7))).toBe('2026-01-04'); // Sunday
    expect(fromDayNumber(weekStartDay(wed, 3))).toBe('2026-01-07'); // Wednesday itself
    expect(fromDayNumber(weekStartDay(d('2026-01-04'), 1))).toBe('2025-12-29');
  });
});

describe('months, fiscal quarters and fiscal years', () => {
  it('name months one way', () => {
    expect(monthLabel(2026, 1)).toBe('Jan 2026');
    expect(monthKeyOf(d('2026-02-15'))).toBe(2026 * 12 + 1);
    expect(fromDayNumber(monthKeyStart(2026 * 12 + 12))).toBe('2027-01-01');
    expect(fromDayNumber(monthKeyStart(2026 * 12 - 1))).toBe('2025-12-01');
  });

  it('count fiscal years from a non-January start', () => {
    expect(fiscalYearOf(d('2026-03-31'), 4)).toBe(2025);
    expect(fiscalYearOf(d('2026-04-01'), 4)).toBe(2026);
    expect(fiscalYearOf(d('2026-06-30'), 7)).toBe(2025);
    expect(fiscalYearOf(d('2026-07-01'), 7)).toBe(2026);
    expect(fiscalYearLabel(2026, 4)).toBe('FY2026/27');
    expect(fiscalYearLabel(2099, 10, true)).toBe('FY99/00');
    expect(fiscalYearLabel(2026, 1)).toBe('FY2026');
  });

  it('count fiscal quarters from the fiscal start month', () => {
    // April start (UK): Apr–Jun Q1, Jan–Mar Q4 of the year that started the April before.
    expect(['2026-04-01', '2026-06-30', '2026-07-01', '2026-12-31', '2027-01-15', '2027-03-31'].map((x) => fiscalQuarterOf(d(x), 4))).toEqual([1, 1, 2, 3, 4, 4]);
    // October start (US federal): Oct–Dec Q1.
    expect(['2026-10-01', '2026-12-31', '2027-01-01', '2027-09-30'].map((x) => fiscalQuarterOf(d(x), 10))).toEqual([1, 1, 2, 4]);
    const key = (iso: string, start: number) => fiscalQuarterKey(monthKeyOf(d(iso)), start);
    expect(quarterLabel(key('2026-04-01', 4), 4)).toBe('Q1 FY2026/27');
    expect(quarterLabel(key('2027-03-31', 4), 4)).toBe('Q4 FY2026/27');
    expect(quarterLabel(key('2026-03-31', 4), 4)).toBe('Q4 FY2025/26');
    expect(quarterLabel(key('2026-10-01', 10), 10)).toBe('Q1 FY2026/27');
    expect(quarterLabel(key('2026-02-10', 1), 1)).toBe('Q1 FY2026');
    expect(quarterLabel(key('2026-12-31', 1), 1)).toBe('Q4 FY2026');
  });

  it('list weeks and months covering a range', () => {
    expect(calendarPeriods('week', '2026-12-30', '2027-01-05', 10)).toEqual([
      { start: '2026-12-28', end: '2027-01-03', label: '2026-W53' },
      { start: '2027-01-04', end: '2027-01-10', label: '2027-W01' },
    ]);
    expect(calendarPeriods('month', '2027-12-15', '2028-02-01', 10)).toEqual([
      { start: '2027-12-01', end: '2027-12-31', label: 'Dec 2027' },
      { start: '2028-01-01', end: '2028-01-31', label: 'Jan 2028' },
      { start: '2028-02-01', end: '2028-02-29', label: 'Feb 2028' },
    ]);
    expect(calendarPeriods('month', '2026-01-01', '2030-01-01', 3)).toHaveLength(3);
    expect(calendarPeriods('week', '2026-01-10', '2026-01-01', 3)).toEqual([]);
  });
});

describe('working days', () => {
  const holidays = buildHolidayIndex(['2026-04-03', '2026-04-06', { date: '2026-04-11' }, 'not a date']); // Good Friday, Easter Monday, a Saturday
  it('are weekdays less the workbook holidays (a holiday on a weekend changes nothing)', () => {
    expect(workingDaysIn(d('2026-03-30'), d('2026-04-05'), holidays)).toBe(4);
    expect(workingDaysIn(d('2026-04-06'), d('2026-04-12'), holidays)).toBe(4);
    expect(workingDaysIn(d('2026-04-13'), d('2026-04-19'), holidays)).toBe(5);
    expect(workingDaysIn(d('2026-04-04'), d('2026-04-05'), holidays)).toBe(0);
    expect(workingDaysIn(d('2026-04-10'), d('2026-04-09'), holidays)).toBe(0);
    expect(workingDaysBetween('2026-04-02', '2026-04-07', holidays)).toBe(1);
    expect(workingDaysBetween('2026-04-07', '2026-04-02', holidays)).toBe(-1);
  });

  it('agree with counting day by day over two years', () => {
    const from = d('2025-06-01');
    for (let a = from; a < from + 730; a += 13) {
      for (const len of [0, 1, 4, 6, 30, 200]) {
        let slow = 0;
        for (let x = a; x <= a + len; x++) if (weekdayOf(x) <= 5 && !holidays.isHoliday(x)) slow++;
        expect(workingDaysIn(a, a + len, holidays)).toBe(slow);
      }
    }
  });

  it('of a person follow their dates and calendar exceptions, the later exception winning', () => {
    const person: PersonCalendar = {
      start: '2026-01-06',
      end: null,
      capacityHoursPerWeek: 40,
      exceptions: [
        { kind: 'part-time', start: '2026-01-05', end: '2026-01-16', hoursPerWeek: 20 },
        { kind: 'leave', start: '2026-01-08', end: '2026-01-08', hoursPerWeek: 30 },
      ],
    };
    const from = d('2026-01-05');
    const isWorking = (x: number) => weekdayOf(x) <= 5 && x !== d('2026-01-09'); // Fri 9 Jan a workbook holiday
    const daily = personDailyHours(person, from, from + 13, isWorking)!;
    // Mon 5 before the start; Tue–Wed part-time 4 h; Thu leave; Fri holiday; weekend; next week part-time 4 h.
    expect([...daily]).toEqual([0, 4, 4, 0, 0, 0, 0, 4, 4, 4, 4, 4, 0, 0]);
    expect(personDailyHours({ ...person, exceptions: [] }, from, from + 6, isWorking)).toBeNull();
  });
});
