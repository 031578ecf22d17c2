// One allocation, one number: the heat map model (capacity), the demand editor's grid and the
// exported Allocations grid (weekly and monthly) give the same hours for every allocation and
// period, because all three go through the one rule in shared/capacity/allocation-hours.ts.
// Grid cells hold hours per week (a period's hours ÷ (its working days ÷ 5)); cellHours turns a
// cell back into the period's hours, which is what the heat map counts.
import { describe, expect, it } from 'vitest';
import { WorkbookState } from '../commands/state';
import { planNewWorkbook } from '../commands/new-workbook';
import { ENTITY_SCHEMAS, type EntityName, type Resource } from '../model/schemas';
import { defaultSettings, emptyRecords, type WorkbookData } from '../model/workbook';
import { createIdGenerator, seededRandom } from '../util/ids';
import { addDays, fromDayNumber, toDayNumber, workingDaysIn, type CalendarPeriod, type IsoDate } from '../calendar';
import { buildCapacityModel, cellHours, hoursCalendarOf } from '../capacity';
import { demandRows, demandSourceOf } from '../capacity/demand-grid';
import { buildExport, type GridUnit } from './export';

interface AllocSpec {
  start: IsoDate;
  end: IsoDate;
  amount: number;
  unit: 'hours-per-week' | 'fte-percent';
  tentative?: boolean;
}

interface Case {
  holidays: IsoDate[];
  hoursPerFte: number;
  allocations: AllocSpec[];
  /** Per allocation's person: calendar exceptions (they change supply, never demand). */
  exceptions?: Resource['exceptions'][];
}

function stateOf(c: Case): WorkbookState {
  const records = emptyRecords();
  const add = (e: EntityName, r: Record<string, unknown>) => (records[e] as unknown[]).push(ENTITY_SCHEMAS[e].parse(r));
  add('role', { id: 'role-1', name: 'Analyst' });
  c.allocations.forEach((a, i) => {
    // One project and one person per allocation, so each grid row and heat map row is that allocation.
    add('project', { id: `p-${i}`, code: `PRJ-${String(i).padStart(3, '0')}`, name: `Project ${i}`, stage: i % 3 === 2 ? 'proposed' : 'in-progress' });
    add('resource', { id: `res-${i}`, name: `Person ${i}`, roleId: 'role-1', exceptions: c.exceptions?.[i] ?? [] });
    add('allocation', { id: `a-${i}`, projectId: `p-${i}`, resourceId: `res-${i}`, ...a });
  });
  const data: WorkbookData = { id: 'wb-hours', settings: defaultSettings('Hours', { hoursPerFte: c.hoursPerFte, holidays: c.holidays.map((date) => ({ date, name: 'Holiday' })) }), records };
  const clock = { newId: createIdGenerator({ now: () => Date.UTC(2026, 0, 1), random: seededRandom(7) }), now: () => '2026-01-01T09:00:00.000Z' };
  const p = planNewWorkbook(data, { ...clock, origin: 'create', label: 'New' });
  return new WorkbookState(p.workbook, p.rows);
}

interface Figures {
  periods: CalendarPeriod[];
  /** By allocation id: hours in each period from the heat map model. */
  heat: Map<string, number[]>;
  /** By allocation id: the demand grid's cells (hours per week). */
  grid: Map<string, number[]>;
  /** By allocation id: the exported Allocations sheet's cells (hours per week). */
  exported: Map<string, number[]>;
}

function figures(state: WorkbookState, unit: GridUnit): Figures {
  // Today well before every allocation, so the grid window starts at the first allocation.
  const { workbook, snapshot } = buildExport(state, { exportId: 'x', exportedAt: '2026-01-01T09:00:00.000Z', today: '2000-01-01', grid: unit, maxPeriods: 1000 });
  const snap = snapshot.sheets.find((s) => s.kind === 'allocation')!;
  const sheet = workbook.sheets.find((s) => s.name === snap.name)!;
  const periods = snap.periods!;
  const first = sheet.columns.length - periods.length;
  const exported = new Map(snap.rows.map((r, i) => [r.id, sheet.rows[i]!.slice(first).map((v) => (typeof v === 'number' ? v : 0))]));

  const src = demandSourceOf(state);
  const grid = new Map<string, number[]>();
  for (const a of state.all('allocation')) {
    const rows = demandRows(src, { projectId: a.projectId }, periods);
    expect(rows).toHaveLength(1);
    grid.set(a.id, rows[0]!.hours);
  }

  const model = buildCapacityModel(
    { settings: state.settings, resources: state.all('resource'), roles: state.all('role'), allocations: state.all('allocation'), projects: state.all('project') },
    { from: periods[0]!.start, to: periods.at(-1)!.end },
  );
  // The model's periods are matched by label: one label rule for every view.
  const labels = model.periods(unit).label;
  const heat = new Map<string, number[]>();
  for (const a of state.all('allocation')) {
    heat.set(
      a.id,
      periods.map((p) => {
        const at = labels.indexOf(p.label);
        expect(at, p.label).toBeGreaterThanOrEqual(0);
        return model.contributions(`person:${a.resourceId}`, unit, at, 'include').reduce((s, c) => s + c.hours, 0);
      }),
    );
  }
  return { periods, heat, grid, exported };
}

/**
 * Where the three disagree (none, when they agree): grid cell ≠ exported cell, or a cell that
 * does not stand for the heat map's hours. Collected, then asserted once, so 300 allocations
 * cost one assertion rather than thousands.
 */
function disagreements(state: WorkbookState, f: Figures, what: string): string[] {
  const cal = hoursCalendarOf(state.settings);
  const out: string[] = [];
  for (const [id, heat] of f.heat) {
    const grid = f.grid.get(id)!;
    const exported = f.exported.get(id)!;
    f.periods.forEach((p, i) => {
      // A cell is rounded to hundredths of an hour per week: that much per full week of slack.
      const days = workingDaysIn(toDayNumber(p.start), toDayNumber(p.end), cal.holidays);
      const off = Math.abs(cellHours(exported[i]!, p, cal) - heat[i]!);
      if (grid[i] !== exported[i] || off > (0.005 * days) / 5 + 1e-9) out.push(`${what}, ${id}, ${p.label}: grid ${grid[i]}, export ${exported[i]}, heat map ${heat[i]} h`);
    });
  }
  return out;
}

function expectAgreement(state: WorkbookState, f: Figures, what: string): void {
  expect(disagreements(state, f, what)).toEqual([]);
}

describe('the hours an allocation puts in a period', () => {
  it('7 January 2026: 40 h/week from a Wednesday is 24 h in its first week, everywhere', () => {
    const state = stateOf({ holidays: [], hoursPerFte: 37.5, allocations: [{ start: '2026-01-07', end: '2026-03-31', amount: 40, unit: 'hours-per-week' }] });
    const weekly = figures(state, 'week');
    // Week of Mon 5 January: Wed–Fri are 3 of its 5 working days: 40 × 3/5 = 24 (not 40 × 5/7 = 28.57).
    expect(weekly.periods[0]).toMatchObject({ start: '2026-01-05', label: '2026-W02' });
    expect(weekly.heat.get('a-0')![0]).toBeCloseTo(24, 9);
    expect(weekly.grid.get('a-0')![0]).toBe(24);
    expect(weekly.exported.get('a-0')![0]).toBe(24);
    expect(weekly.exported.get('a-0')![1]).toBe(40);
    expectAgreement(state, weekly, 'weekly');

    const monthly = figures(state, 'month');
    // January: 18 of its 22 working days from the 7th: 40 × 18/5 = 144 h in the heat map, shown
    // in the grids as 144 ÷ (22/5) = 32.73 hours per week; February (whole): 40.
    expect(monthly.periods[0]).toMatchObject({ start: '2026-01-01', end: '2026-01-31', label: 'Jan 2026' });
    expect(monthly.heat.get('a-0')![0]).toBeCloseTo(144, 9);
    expect(monthly.grid.get('a-0')!.slice(0, 3)).toEqual([32.73, 40, 40]);
    expect(monthly.exported.get('a-0')!.slice(0, 3)).toEqual([32.73, 40, 40]);
    expectAgreement(state, monthly, 'monthly');
  });

  it('with a holiday in the week, the cell is the rate over the working days left', () => {
    // Thu 1 Jan 2026 a holiday: the week of 29 Dec has 3 working days (29–31 Dec) plus Fri 2 Jan.
    // 20 h/week from Wed 31 Dec: Wed and Fri of its 4 working days → 8 h; cell 8 ÷ (4/5) = 10.
    const state = stateOf({ holidays: ['2026-01-01'], hoursPerFte: 37.5, allocations: [{ start: '2025-12-31', end: '2026-01-16', amount: 20, unit: 'hours-per-week' }] });
    const weekly = figures(state, 'week');
    expect(weekly.heat.get('a-0')![0]).toBeCloseTo(8, 9);
    expect(weekly.exported.get('a-0')![0]).toBe(10);
    expectAgreement(state, weekly, 'weekly');
    // Months: December gets Wed 31 Dec only (4 h), January the rest: nothing of December's leaks.
    const monthly = figures(state, 'month');
    expect(monthly.heat.get('a-0')![0]).toBeCloseTo(4, 9);
    expect(monthly.heat.get('a-0')![1]).toBeCloseTo(20 * 11 / 5, 9); // 2, 5–9, 12–16 Jan
    expectAgreement(state, monthly, 'monthly');
  });

  it('agree for 300 random allocations over 20 random holiday lists, personal calendars and both grids', () => {
    const rnd = seededRandom(20260107);
    const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
    const base = toDayNumber('2025-11-03');
    const day = (offset: number) => fromDayNumber(base + offset);
    const found: string[] = [];
    let checked = 0;
    for (let n = 0; n < 20; n++) {
      const holidays = Array.from({ length: int(0, 12) }, () => day(int(0, 240)));
      const allocations: AllocSpec[] = Array.from({ length: 15 }, () => {
        const start = int(0, 200);
        const fte = rnd() < 0.3;
        return { start: day(start), end: day(start + int(0, 150)), amount: fte ? int(5, 100) : Math.round(rnd() * 4000) / 100, unit: fte ? 'fte-percent' : 'hours-per-week', tentative: rnd() < 0.2 };
      });
      const exceptions = allocations.map((_, i) =>
        Array.from({ length: int(0, 2) }, (_, k) => {
          const s = int(0, 230);
          const kind = (['leave', 'holiday', 'part-time'] as const)[int(0, 2)]!;
          return { id: `x-${n}-${i}-${k}`, kind, start: day(s), end: addDays(day(s), int(0, 30)), hoursPerWeek: kind === 'part-time' ? int(5, 30) : 0, note: '' };
        }),
      );
      const c: Case = { holidays, hoursPerFte: int(30, 40), allocations, exceptions };
      const state = stateOf(c);
      for (const unit of ['week', 'month'] as const) {
        const f = figures(state, unit);
        checked += f.periods.length * allocations.length;
        found.push(...disagreements(state, f, `calendar ${n} (${unit}, holidays ${holidays.join(' ')})`));
      }
    }
    expect(found).toEqual([]);
    expect(checked).toBeGreaterThan(10_000); // the cells really compared
  });
});
