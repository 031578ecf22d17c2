import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareDates,
  daysInMonth,
  diffDays,
  fromDayNumber,
  fromParts,
  isIsoDate,
  isLeapYear,
  isoWeek,
  isoWeekLabel,
  isoWeekday,
  localToday,
  startOfIsoWeek,
  toDayNumber,
} from './dates';

// Node applies a change of process.env.TZ at once, so the same arithmetic can be checked in
// time zones with different daylight-saving rules. Each test puts the zone back.
const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});
const ZONES = ['UTC', 'Europe/London', 'America/New_York', 'Australia/Sydney', 'Pacific/Auckland', 'Asia/Kolkata'];

describe('isIsoDate', () => {
  it('knows which 29 Februaries exist', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it('refuses impossible months and days', () => {
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-04-30')).toBe(true);
    expect(isIsoDate('2026-01-00')).toBe(false);
    expect(isIsoDate('0000-01-01')).toBe(false);
  });

  it('accepts only the YYYY-MM-DD text form', () => {
    expect(isIsoDate('2026-3-01')).toBe(false);
    expect(isIsoDate(' 2026-03-01')).toBe(false);
    expect(isIsoDate('2026-03-01T00:00:00Z')).toBe(false);
    expect(isIsoDate('01/03/2026')).toBe(false);
    expect(isIsoDate(20260301)).toBe(false);
    expect(isIsoDate(new Date(Date.UTC(2026, 2, 1)))).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});

describe('isLeapYear and daysInMonth', () => {
  it('follow the Gregorian rules', () => {
    expect([1900, 2000, 2024, 2026, 2100, 2400].map(isLeapYear)).toEqual([false, true, true, false, false, true]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });
});

describe('toDayNumber and fromDayNumber', () => {
  it('count days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2000-01-01')).toBe(10_957);
    expect(toDayNumber('2026-03-01')).toBe(20_513);
    expect(toDayNumber('1899-12-30')).toBe(-25_569); // the Excel serial-number epoch
    expect(fromDayNumber(0)).toBe('1970-01-01');
    expect(fromDayNumber(20_513)).toBe('2026-03-01');
    expect(fromDayNumber(-1)).toBe('1969-12-31');
  });

  it('round-trip every day from the Excel epoch to 2100, one day apart and in order', () => {
    const first = toDayNumber('1899-12-30');
    const last = toDayNumber('2100-12-31');
    let previous = fromDayNumber(first - 1);
    for (let day = first; day <= last; day++) {
      const iso = fromDayNumber(day);
      if (!isIsoDate(iso) || toDayNumber(iso) !== day || !(iso > previous)) throw new Error(`day ${day} gave ${iso} after ${previous}`);
      previous = iso;
    }
    expect(previous).toBe('2100-12-31');
    expect(last - first + 1).toBe(73_416); // 2 days of 1899 + 201 years of 365 days + 49 leap days
  });

  it('round-trip years 1 to 9999, including years below 100', () => {
    expect(toDayNumber('0001-01-01')).toBe(-719_162);
    expect(toDayNumber('9999-12-31')).toBe(2_932_896);
    // A typo such as 0026 must stay year 26, not become 1926.
    expect(toDayNumber('0026-03-01')).not.toBe(toDayNumber('1926-03-01'));
    expect(addDays('0026-03-01', 1)).toBe('0026-03-02');
    const wrong: string[] = [];
    for (let day = -719_162; day <= 2_932_896; day += 97) {
      const iso = fromDayNumber(day);
      if (toDayNumber(iso) !== day) wrong.push(`${day} → ${iso}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a date that does not exist', () => {
    expect(() => toDayNumber('2026-02-29')).toThrow(RangeError);
    expect(() => toDayNumber('2026-02-29')).toThrow('Not a calendar date: 2026-02-29');
    expect(() => toDayNumber('tomorrow')).toThrow(RangeError);
  });
});

describe('addDays and diffDays', () => {
  it('count calendar days across daylight-saving changes in every time zone', () => {
    for (const zone of ZONES) {
      process.env.TZ = zone;
      // Europe: clocks change on 29 March and 25 October 2026.
      expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
      expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
      expect(diffDays('2026-03-28', '2026-03-30')).toBe(2);
      expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
      expect(diffDays('2026-10-24', '2026-10-26')).toBe(2);
      // United States: 8 March and 1 November 2026.
      expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
      expect(diffDays('2026-10-31', '2026-11-02')).toBe(2);
      // Southern hemisphere: Sydney and Auckland change on 5 April and 4/27 September 2026.
      expect(addDays('2026-04-04', 1)).toBe('2026-04-05');
      expect(diffDays('2026-09-26', '2026-09-28')).toBe(2);
      // A whole year through both changes.
      expect(diffDays('2026-01-01', '2027-01-01')).toBe(365);
      expect(diffDays('2024-01-01', '2025-01-01')).toBe(366);
      expect(addDays('2026-01-01', 364)).toBe('2026-12-31');
    }
  });

  it('go backwards and across month and year ends', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-06-15', 0)).toBe('2026-06-15');
    expect(diffDays('2026-06-30', '2026-01-05')).toBe(-176);
    expect(diffDays('2026-01-05', '2026-06-30')).toBe(176);
  });
});

describe('addMonths', () => {
  it('clamps to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('crosses year ends in both directions', () => {
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(addMonths('2026-05-10', 24)).toBe('2028-05-10');
    expect(addMonths('2026-05-10', 0)).toBe('2026-05-10');
  });
});

describe('isoWeekday', () => {
  it('numbers Monday 1 to Sunday 7, before and after 1970', () => {
    expect(isoWeekday('2026-03-02')).toBe(1); // Monday
    expect(isoWeekday('2026-03-01')).toBe(7); // Sunday
    expect(isoWeekday('1970-01-01')).toBe(4); // Thursday
    expect(isoWeekday('1969-12-29')).toBe(1); // Monday, negative day number
    expect(isoWeekday('2000-02-29')).toBe(2); // Tuesday
    expect(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'].map(isoWeekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('isoWeek', () => {
  it('puts the days around New Year into the week of their Thursday, including week 53', () => {
    expect(isoWeekLabel('2020-12-31')).toBe('2020-W53');
    expect(isoWeekLabel('2021-01-03')).toBe('2020-W53');
    expect(isoWeekLabel('2021-01-04')).toBe('2021-W01');
    expect(isoWeekLabel('2026-12-31')).toBe('2026-W53');
    expect(isoWeekLabel('2027-01-01')).toBe('2026-W53');
    expect(isoWeekLabel('2027-01-04')).toBe('2027-W01');
    expect(isoWeekLabel('2018-12-31')).toBe('2019-W01');
    expect(isoWeekLabel('2024-12-30')).toBe('2025-W01');
    expect(isoWeekLabel('2026-01-01')).toBe('2026-W01');
  });

  it('gives the year and week as numbers', () => {
    expect(isoWeek('2026-03-01')).toEqual({ year: 2026, week: 9 });
    expect(isoWeek('2026-03-02')).toEqual({ year: 2026, week: 10 });
    expect(isoWeek('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeek('2026-06-30')).toEqual({ year: 2026, week: 27 });
  });
});

describe('startOfIsoWeek', () => {
  it('goes back to the Monday, across month and year ends', () => {
    expect(startOfIsoWeek('2026-03-01')).toBe('2026-02-23'); // Sunday
    expect(startOfIsoWeek('2026-03-02')).toBe('2026-03-02'); // already Monday
    expect(startOfIsoWeek('2026-03-05')).toBe('2026-03-02');
    expect(startOfIsoWeek('2027-01-01')).toBe('2026-12-28');
  });
});

describe('compareDates and fromParts', () => {
  it('sorts dates chronologically and pads the parts', () => {
    expect(['2026-10-01', '2026-02-01', '2025-12-31'].sort(compareDates)).toEqual(['2025-12-31', '2026-02-01', '2026-10-01']);
    expect(compareDates('2026-03-01', '2026-03-01')).toBe(0);
    expect(fromParts(26, 3, 1)).toBe('0026-03-01');
    expect(fromParts(2026, 12, 9)).toBe('2026-12-09');
  });
});

describe('localToday', () => {
  it('uses the calendar date of the injected local time', () => {
    expect(localToday(new Date(2026, 2, 1, 0, 0, 1))).toBe('2026-03-01');
    expect(localToday(new Date(2026, 2, 1, 23, 59, 59))).toBe('2026-03-01');
    expect(localToday(new Date(2024, 1, 29, 12))).toBe('2024-02-29');
  });

  it('gives the local date where it differs from the UTC date', () => {
    const noonUtc = new Date(Date.UTC(2026, 2, 1, 12, 0)); // 2026-03-01T12:00Z
    process.env.TZ = 'Pacific/Auckland'; // 01:00 on 2 March
    expect(localToday(noonUtc)).toBe('2026-03-02');
    process.env.TZ = 'UTC';
    expect(localToday(noonUtc)).toBe('2026-03-01');
    process.env.TZ = 'America/Los_Angeles'; // 21:00 on 28 February
    expect(localToday(new Date(Date.UTC(2026, 2, 1, 5, 0)))).toBe('2026-02-28');
  });
});
