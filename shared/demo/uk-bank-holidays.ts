// Bank holidays of England and Wales from the standing rules, so the sample's calendar suits any "today" (one-off days not modelled).
import { addDays, compareDates, fromParts, isoWeekday, type IsoDate } from '../calendar';

export interface BankHoliday {
  date: IsoDate;
  name: string;
}

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm. */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return fromParts(year, Math.floor(n / 31), (n % 31) + 1);
}

function firstMonday(year: number, month: number): IsoDate {
  const first = fromParts(year, month, 1);
  return addDays(first, (8 - isoWeekday(first)) % 7);
}

function lastMonday(year: number, month: number, daysInMonth: number): IsoDate {
  const last = fromParts(year, month, daysInMonth);
  return addDays(last, -((isoWeekday(last) + 6) % 7));
}

const isWeekend = (d: IsoDate) => isoWeekday(d) >= 6;

/**
 * Fixed-date holidays that fall on a weekend move to the next free weekday; the ones already on
 * a weekday keep their day first (a Sunday Christmas gives Boxing Day on Monday 26th and the
 * substitute Christmas on Tuesday 27th).
 */
function observe(days: BankHoliday[]): BankHoliday[] {
  const taken = new Set(days.filter((h) => !isWeekend(h.date)).map((h) => h.date));
  return days.map((h) => {
    if (!isWeekend(h.date)) return h;
    let d = h.date;
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    return { date: d, name: `${h.name} (substitute day)` };
  });
}

export function bankHolidaysOfYear(year: number): BankHoliday[] {
  const easter = easterSunday(year);
  const out: BankHoliday[] = [
    ...observe([{ date: fromParts(year, 1, 1), name: "New Year's Day" }]),
    { date: addDays(easter, -2), name: 'Good Friday' },
    { date: addDays(easter, 1), name: 'Easter Monday' },
    { date: firstMonday(year, 5), name: 'Early May bank holiday' },
    { date: lastMonday(year, 5, 31), name: 'Spring bank holiday' },
    { date: lastMonday(year, 8, 31), name: 'Summer bank holiday' },
    ...observe([
      { date: fromParts(year, 12, 25), name: 'Christmas Day' },
      { date: fromParts(year, 12, 26), name: 'Boxing Day' },
    ]),
  ];
  return out.sort((a, b) => compareDates(a.date, b.date));
}

/** Bank holidays from `from` to `to`, both included, in date order. */
export function bankHolidaysBetween(from: IsoDate, to: IsoDate): BankHoliday[] {
  const out: BankHoliday[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    for (const h of bankHolidaysOfYear(y)) if (h.date >= from && h.date <= to) out.push(h);
  }
  return out;
}
