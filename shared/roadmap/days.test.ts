import { describe, expect, it } from 'vitest';
import { civilFromDays, dayOf, isoOf, weekdayOf } from './days';
import { fromDayNumber, isoWeekday, toDayNumber } from '../util/dates';

describe('dayOf', () => {
  it('agrees with toDayNumber across centuries, leap days and the epoch', () => {
    for (const iso of ['1970-01-01', '1969-12-31', '2000-02-29', '1900-03-01', '2024-02-29', '2026-04-01', '0001-01-01', '9999-12-31', '2100-12-31']) {
      expect(dayOf(iso)).toBe(toDayNumber(iso));
    }
    for (let d = -719_000; d < 2_900_000; d += 997) expect(dayOf(fromDayNumber(d))).toBe(d);
  });

  it('refuses what is not a calendar date', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '26-04-01', '2026/04/01', '2026-4-1', '', 'abcd-ef-gh', null, undefined]) expect(dayOf(bad)).toBeNull();
  });

  it('gives back year, month, day and weekday', () => {
    const day = dayOf('2026-03-02')!;
    expect(civilFromDays(day)).toEqual({ y: 2026, m: 3, d: 2 });
    expect(weekdayOf(day)).toBe(isoWeekday('2026-03-02'));
    expect(isoOf(day + 0.7)).toBe('2026-03-02');
  });
});
