import { describe, expect, it } from 'vitest';
import { milestoneSlip, namedBaseline, ownBaseline, projectSlip, projectStartSlip, slipBetween } from './slip';
import { buildHolidayIndex, isWorkingDay, workingDaysBetween } from '../calendar';
import { bankHolidaysBetween } from '../demo/uk-bank-holidays';
import { addDays, isoWeekday } from '../calendar';

// 2026: Fri 22 May, Mon 25 May = Spring bank holiday, Tue 26 May.
const spring = [{ date: '2026-05-25', name: 'Spring bank holiday' }];

describe('workingDaysBetween', () => {
  it('skips a weekend and a bank holiday', () => {
    // (Fri 22 May, Tue 26 May] = Sat, Sun, Mon (holiday), Tue → 1 working day, 4 calendar days.
    expect(workingDaysBetween('2026-05-22', '2026-05-26', spring)).toBe(1);
    expect(workingDaysBetween('2026-05-22', '2026-05-26', [])).toBe(2);
    expect(slipBetween('2026-05-22', '2026-05-26', buildHolidayIndex(spring))).toEqual({ baseline: '2026-05-22', current: '2026-05-26', calendarDays: 4, workingDays: 1 });
  });

  it('is negative when the date moves earlier, and 0 on the same day', () => {
    expect(slipBetween('2026-05-26', '2026-05-22', spring)).toMatchObject({ calendarDays: -4, workingDays: -1 });
    expect(slipBetween('2026-05-22', '2026-05-22', spring)).toMatchObject({ calendarDays: 0, workingDays: 0 });
    // Friday to Saturday: a calendar day late, no working day lost.
    expect(slipBetween('2026-05-22', '2026-05-23', spring)).toMatchObject({ calendarDays: 1, workingDays: 0 });
    // Friday to the next Friday: a working week.
    expect(workingDaysBetween('2026-05-15', '2026-05-22', spring)).toBe(5);
  });

  it('ignores holidays that fall on a weekend, and duplicates', () => {
    // Thu 24 Dec → Mon 28 Dec 2026: Fri 25 Dec and Mon 28 Dec (Boxing Day, Sat 26, observed) are
    // holidays; Sat 26 Dec listed as well changes nothing → 0 working days.
    const christmas = ['2026-12-25', '2026-12-26', '2026-12-28', '2026-12-25'];
    expect(slipBetween('2026-12-24', '2026-12-28', christmas)).toMatchObject({ calendarDays: 4, workingDays: 0 });
    expect(workingDaysBetween('2026-12-24', '2026-12-29', christmas)).toBe(1);
  });

  it('matches a day-by-day count over ten years of UK bank holidays', () => {
    const holidays = bankHolidaysBetween('2024-01-01', '2034-12-31');
    const dates = new Set(holidays.map((h) => h.date));
    const index = buildHolidayIndex(holidays);
    const slow = (a: string, b: string) => {
      let n = 0;
      const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
      for (let d = addDays(lo, 1); d <= hi; d = addDays(d, 1)) if (isoWeekday(d) <= 5 && !dates.has(d)) n++;
      return sign > 0 ? n : 0 - n;
    };
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 300; i++) {
      const a = addDays('2023-06-01', Math.floor(rand() * 4500));
      const b = addDays(a, Math.floor(rand() * 800) - 400);
      expect(workingDaysBetween(a, b, index), `${a} → ${b}`).toBe(slow(a, b));
      expect(workingDaysBetween(b, a, index)).toBe(0 - slow(a, b)); // and never −0
    }
  });

  it('gives the same counts when the holidays span centuries (searched, not tabled)', () => {
    const wide = buildHolidayIndex(['1700-01-01', '2026-05-25', '2300-01-01']);
    expect(workingDaysBetween('2026-05-22', '2026-05-26', wide)).toBe(1);
    expect(workingDaysBetween('2026-05-25', '2026-05-25', wide)).toBe(0);
    expect(isWorkingDay('2026-05-25', wide)).toBe(false);
    expect(isWorkingDay('2026-05-26', wide)).toBe(true);
    expect(isWorkingDay('2026-05-23', [])).toBe(false);
  });

  it('counts a century against a century of holidays, the same on every call', () => {
    const index = buildHolidayIndex(bankHolidaysBetween('2000-01-01', '2100-12-31'));
    const first = workingDaysBetween('2001-01-01', '2099-12-31', index);
    // 99 years of weekdays (about 25,800) less the bank holidays on them.
    expect(first).toBeGreaterThan(25_000);
    expect(first).toBeLessThan(26_000);
    for (let i = 0; i < 1_000; i++) expect(workingDaysBetween('2001-01-01', '2099-12-31', index)).toBe(first);
  });
});

describe('slip against a baseline', () => {
  const project = { id: 'p1', start: '2026-05-18', finish: '2026-05-26', baselineStart: '2026-05-15', baselineFinish: '2026-05-22' };
  const milestone = { id: 'm1', forecastDate: '2026-05-20', baselineDate: '2026-05-26' };

  it('uses the record’s own baseline by default', () => {
    expect(projectSlip(project, spring)).toEqual({ baseline: '2026-05-22', current: '2026-05-26', calendarDays: 4, workingDays: 1 });
    // Fri 15 → Mon 18 May: 3 calendar days, 1 working day.
    expect(projectStartSlip(project, spring)).toMatchObject({ calendarDays: 3, workingDays: 1 });
    // Tue 26 → Wed 20 May: 6 days early; working days Thu 21, Fri 22, Tue 26 (Mon 25 a holiday) → −3.
    expect(milestoneSlip(milestone, spring)).toMatchObject({ calendarDays: -6, workingDays: -3 });
    const own = ownBaseline({ projects: [project], milestones: [milestone] });
    expect(projectSlip(project, spring, own)).toEqual(projectSlip(project, spring));
    expect(own.projectStart('p1')).toBe('2026-05-15');
    expect(own.milestoneDate('m1')).toBe('2026-05-26');
    expect(own.projectFinish('nope')).toBeNull();
  });

  it('uses a named baseline instead when given', () => {
    const snapshot = namedBaseline({
      projects: [{ projectId: 'p1', start: '2026-05-11', finish: '2026-05-15', budget: null }],
      milestones: [{ milestoneId: 'm1', date: null }],
    });
    // Fri 15 → Tue 26 May: 11 calendar days; Mon 18 – Fri 22 (5) + Tue 26 (1) = 6 working days.
    expect(projectSlip(project, spring, snapshot)).toMatchObject({ baseline: '2026-05-15', calendarDays: 11, workingDays: 6 });
    expect(projectStartSlip(project, spring, snapshot)).toMatchObject({ baseline: '2026-05-11', calendarDays: 7, workingDays: 5 });
    expect(milestoneSlip(milestone, spring, snapshot)).toBeNull(); // no date in the snapshot
    expect(milestoneSlip({ id: 'other', forecastDate: '2026-05-20' }, spring, snapshot)).toBeNull(); // not in it
  });

  it('has no slip without both dates', () => {
    expect(projectSlip({ id: 'p', finish: null, baselineFinish: '2026-05-22' }, [])).toBeNull();
    expect(projectSlip({ id: 'p', finish: '2026-05-22', baselineFinish: null }, [])).toBeNull();
    expect(milestoneSlip({ id: 'm', forecastDate: null, baselineDate: '2026-05-22' }, [])).toBeNull();
  });
});
