// The hours ⇄ FTE conversion and the capacity figure formatter, against hand-computed figures,
// and properties: the conversion inverts exactly, and the FTE of the heat map's figures (hours
// in a period over its working days) is the demand grid's cell ÷ hours per FTE, for any calendar.
import { describe, expect, it } from 'vitest';
import { buildHolidayIndex, fromDayNumber, toDayNumber, workingDaysIn } from '../calendar';
import { seededRandom } from '../util/ids';
import {
  allocationHours,
  capacityDisplayOf,
  formatCapacity,
  fteToHours,
  fteToRate,
  hoursCalendarOf,
  hoursRow,
  hoursToFte,
  inCapacityUnit,
  periodWorkingDays,
  rateFromUnit,
  rateInUnit,
  rateToFte,
  unitText,
} from './allocation-hours';

const FTE = { unit: 'fte' as const, hoursPerFte: 37.5 };
const HOURS = { unit: 'hours' as const, hoursPerFte: 37.5 };

describe('hours ⇄ FTE', () => {
  it('reads a period by its working days: a bank-holiday week of a full-timer is 1 FTE', () => {
    // Week of Mon 30 Mar 2026 with Good Friday off: 4 working days, 37.5 × 4 ÷ 5 = 30 h of capacity.
    expect(hoursToFte(30, 4, 37.5)).toBe(1);
    // Two days of leave in a full week: 22.5 h over 5 working days is 0.6 FTE.
    expect(hoursToFte(22.5, 5, 37.5)).toBeCloseTo(0.6, 12);
    // January 2026 has 21 working days without holidays; 40 h/week from Wed 7 Jan is 40 × 18 ÷ 5 = 144 h there.
    expect(hoursToFte(144, 21, 40)).toBeCloseTo(18 / 21, 12);
    expect(hoursToFte(10, 0, 37.5)).toBe(0); // no working days, no FTE (and never Infinity)
    expect(fteToHours(0.6, 5, 37.5)).toBeCloseTo(22.5, 12);
    expect(rateToFte(22.5, 37.5)).toBe(0.6);
    expect(fteToRate(0.6, 37.5)).toBeCloseTo(22.5, 12);
  });

  it('formats a figure in the workbook unit', () => {
    expect(formatCapacity(24, 5, HOURS)).toBe('24 h');
    expect(formatCapacity(24.06, 5, HOURS)).toBe('24.1 h');
    expect(formatCapacity(24, 5, FTE)).toBe('0.64 FTE');
    expect(formatCapacity(30, 4, FTE)).toBe('1 FTE');
    expect(formatCapacity(0, 5, FTE)).toBe('0 FTE');
    expect(unitText(-0.001, 'fte')).toBe('0 FTE');
    expect(unitText(1.5, 'fte')).toBe('1.5 FTE');
    expect(capacityDisplayOf({ capacityUnit: 'fte', hoursPerFte: 35 })).toEqual({ unit: 'fte', hoursPerFte: 35 });
    expect(rateInUnit(30, { unit: 'fte', hoursPerFte: 37.5 })).toBe(0.8);
    expect(rateFromUnit(0.8, { unit: 'fte', hoursPerFte: 37.5 })).toBeCloseTo(30, 12);
    expect(rateInUnit(30, HOURS)).toBe(30);
    expect(rateFromUnit(30, HOURS)).toBe(30);
  });

  it('inverts, and agrees with the demand grid cells for any calendar (property)', () => {
    const rnd = seededRandom(11);
    const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
    const base = toDayNumber('2026-01-05');
    let checked = 0;
    for (let n = 0; n < 100; n++) {
      const hoursPerFte = int(20, 45);
      const holidays = Array.from({ length: int(0, 8) }, () => ({ date: fromDayNumber(base + int(0, 120)), name: 'H' }));
      const cal = hoursCalendarOf({ hoursPerFte, holidays });
      const s = base + int(0, 60);
      const alloc = { start: fromDayNumber(s), end: fromDayNumber(s + int(0, 60)), amount: int(1, 400) / 10, unit: rnd() < 0.3 ? 'fte-percent' : 'hours-per-week' };
      // Periods: weeks, or calendar-ish spans of 1–40 days.
      const periods: { start: string; end: string }[] = [];
      for (let d = base; d < base + 140; ) {
        const len = rnd() < 0.5 ? 7 : int(1, 40);
        periods.push({ start: fromDayNumber(d), end: fromDayNumber(d + len - 1) });
        d += len;
      }
      const cells = hoursRow(alloc, periods, cal);
      const ix = buildHolidayIndex(holidays);
      const working = periodWorkingDays({ start: periods.map((p) => p.start), end: periods.map((p) => p.end) }, ix);
      periods.forEach((p, i) => {
        const days = workingDaysIn(toDayNumber(p.start), toDayNumber(p.end), ix);
        expect(working[i]).toBe(days);
        const h = allocationHours(alloc, p.start, p.end, cal);
        const fte = hoursToFte(h, days, hoursPerFte);
        // The heat map's FTE of the period is the grid cell's FTE (cells are rounded to hundredths of hours).
        expect(Math.abs(fte - rateToFte(cells[i]!, hoursPerFte))).toBeLessThanOrEqual(0.005 / hoursPerFte + 1e-12);
        // And back: the FTE's hours are the period's hours.
        if (days > 0) expect(fteToHours(fte, days, hoursPerFte)).toBeCloseTo(h, 9);
        expect(inCapacityUnit(h, days, { unit: 'hours', hoursPerFte })).toBe(h);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
