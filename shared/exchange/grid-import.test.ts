// Allocation grids as people make them: the header row, the unit of the cells, and what each
// filled cell becomes (one allocation over its period, under the one hours rule).
import { describe, expect, it } from 'vitest';
import { WorkbookState } from '../commands/state';
import { planNewWorkbook } from '../commands/new-workbook';
import { applyPlan } from '../commands/plan';
import { testClock, tinyWorkbook } from '../../test/helpers/tiny-workbook';
import { seededRandom } from '../util/ids';
import { allocationHours, allocationRate, hoursCalendarOf } from '../capacity/allocation-hours';
import { buildHolidayIndex, toDayNumber, workingDaysIn } from '../calendar';
import { analyseWorkbook } from './analyse';
import { planImport, validateImport, type SheetMapping } from './import';
import { readGridCell, suggestGridUnit, type GridCellUnit } from './grid-unit';
import { applyMappingFile } from './mapping-file';
import type { SourceCell, SourceSheet, SourceWorkbook } from './source';

function setup(holidays: string[] = []) {
  const clock = testClock();
  const data = tinyWorkbook();
  data.settings = { ...data.settings, holidays: holidays.map((date) => ({ date, name: 'Holiday' })) };
  const p = planNewWorkbook(data, { ...clock, origin: 'create', label: 'New' });
  return { clock, state: new WorkbookState(p.workbook, p.rows) };
}

function sheet(name: string, rows: SourceCell[][]): SourceSheet {
  return { name, rows, width: Math.max(...rows.map((r) => r.length)), merges: [], hidden: false };
}

function book(s: SourceSheet, extra: Partial<SourceWorkbook> = {}): SourceWorkbook {
  return { fileName: 'plan.xlsx', format: 'xlsx', date1904: false, sheets: [s], notes: [], ...extra };
}

function importAll(state: WorkbookState, clock: ReturnType<typeof testClock>, source: SourceWorkbook, mappings: SheetMapping[]) {
  const plan = planImport(state, source, mappings, { today: '2026-05-01', newId: clock.newId });
  const { report, result } = validateImport(state, plan, { ...clock, origin: 'import', label: 'Import' });
  if (result.plan) applyPlan(state, result.plan);
  return report;
}

const MONTHS = ['Feb-26', 'Mar-26', 'Apr-26', 'May-26', 'Jun-26', 'Jul-26', 'Aug-26', 'Sep-26', 'Oct-26', 'Nov-26', 'Dec-26'];
const MONTH_STARTS = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01'];

/**
 * The issue's workbook: a title, a header row with a real date cell for January and text months
 * after it, 70 rows of people × projects with % FTE cells (percent-formatted in xlsx, "50%" text
 * in a CSV), 662 of the 840 cells filled, and a totals row.
 */
function percentGrid(asText: boolean) {
  const random = seededRandom(12);
  const rows: SourceCell[][] = [['Resource plan'], ['Person', 'Project', 'Role', asText ? '2026-01-01' : { d: '2026-01-01' }, ...MONTHS, 'Total']];
  const filled: { row: number; person: string; project: string; month: number; percent: number }[] = [];
  const blanks = new Set<number>();
  // 178 blank cells out of 840, spread over the grid.
  while (blanks.size < 178) blanks.add(Math.floor(random() * 840));
  const projects = ['PRJ-001', 'PRJ-002', 'PRJ-003'];
  for (let i = 0; i < 70; i++) {
    const person = `Person ${String(i + 1).padStart(2, '0')}`;
    const project = projects[i % 3]!;
    const line: SourceCell[] = [person, project, 'Business analyst'];
    let total = 0;
    for (let m = 0; m < 12; m++) {
      if (blanks.has(i * 12 + m)) {
        line.push(null);
        continue;
      }
      const percent = [10, 20, 25, 40, 50, 60, 75, 80, 100][Math.floor(random() * 9)]!;
      total += percent;
      filled.push({ row: rows.length + 1, person, project, month: m, percent });
      line.push(asText ? `${percent}%` : { n: percent / 100, pct: true });
    }
    line.push(asText ? `${total}%` : { n: total / 100, pct: true });
    rows.push(line);
  }
  rows.push(['Total', null, null]);
  return { sheet: sheet('Plan', rows), filled };
}

describe('a monthly % FTE grid whose header mixes a date cell and text months', () => {
  for (const asText of [false, true]) {
    it(`imports every one of its 662 cells as % of an FTE (${asText ? 'CSV text "50%"' : 'percent-formatted cells'}), totalling the hours per week the file states`, () => {
      const { state, clock } = setup();
      const { sheet: s, filled } = percentGrid(asText);
      expect(filled).toHaveLength(662);
      const source = book(s, asText ? { fileName: 'plan.csv', format: 'csv' } : {});
      const [p] = analyseWorkbook(source, state.settings, []);
      expect(p).toMatchObject({ kind: 'allocation', include: true });
      expect(p!.mapping.periods).toMatchObject({ kind: 'month', unit: 'fte-percent' });
      expect(p!.mapping.periods!.columns.map((c) => c.start)).toEqual(MONTH_STARTS);
      expect(p!.gridUnit!.reason).toBe('662 of 662 filled cells are percentages');
      // Person and project found; no grid column offered as a field.
      const fieldOf = new Map(p!.mapping.columns.map((c) => [c.column, c.field]));
      expect([fieldOf.get(0), fieldOf.get(1)]).toEqual(['resourceId', 'projectId']);
      for (let c = 3; c < 15; c++) expect(fieldOf.get(c) ?? null).toBeNull();

      const before = state.all('allocation').length;
      const report = importAll(state, clock, source, [p!.mapping]);
      expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(report.counts).toMatchObject({ new: 70 });
      const made = state.all('allocation').slice(before);
      expect(made).toHaveLength(662);
      // Every filled cell is an allocation of its person, project and month at its percentage.
      const people = new Map(state.all('resource').map((r) => [r.id, r.name]));
      const projects = new Map(state.all('project').map((r) => [r.id, r.code]));
      const got = made.map((a) => `${people.get(a.resourceId!)}|${projects.get(a.projectId)}|${a.start}..${a.end}|${a.amount} ${a.unit}`).sort();
      const want = filled.map((f) => `${f.person}|${f.project}|${MONTH_STARTS[f.month]}..${MONTH_STARTS[f.month]!.slice(0, 8)}${String(new Date(Date.UTC(2026, f.month + 1, 0)).getUTCDate())}|${f.percent} fte-percent`).sort();
      expect(got).toEqual(want);
      // Hours per week, summed: what the file states at 37.5 h per FTE (not the percentages read as hours).
      const totalPercent = filled.reduce((n, f) => n + f.percent, 0);
      const perWeek = made.reduce((n, a) => n + allocationRate(a, state.settings.hoursPerFte), 0);
      expect(perWeek).toBeCloseTo((totalPercent / 100) * 37.5, 6);
      expect(perWeek).not.toBeCloseTo(totalPercent, 0);
    });
  }

  it('reads the header with text months in other languages and a yearless tail', () => {
    const { state } = setup();
    const s = sheet('Plan 2026', [
      ['Person', 'Project', { d: '2026-01-01' }, 'Feb', 'März', 'avr.', 'mayo', 'jun'],
      ['Asha Patel', 'PRJ-001', 0.5, 0.5, 1, 1, 0.2, 0.2],
    ]);
    const [p] = analyseWorkbook(book(s), state.settings, []);
    expect(p!.mapping.periods!.columns.map((c) => c.start)).toEqual(MONTH_STARTS.slice(0, 6));
    expect(p!.mapping.periods!.unit).toBe('fte');
    expect(p!.gridUnit!.reason).toBe('6 of 6 numbers are 1.5 or less: FTE');
  });
});

describe('weekly grids headed "Week of …"', () => {
  it('reads "Week of 1/5/2026" month first in a workbook set to day first, and says why', () => {
    const { state } = setup();
    expect(state.settings.dateOrder).toBe('DMY');
    const s = sheet('Weekly', [
      ['Person', 'Project', 'Week of 1/5/2026', 'Week of 1/12/2026', 'Week of 1/19/2026', 'Week of 1/26/2026'],
      ['Asha Patel', 'PRJ-001', 20, 20, 10, 10],
    ]);
    const [p] = analyseWorkbook(book(s), state.settings, []);
    expect(p!.mapping.periods).toMatchObject({ kind: 'week', unit: 'hours-per-week' });
    expect(p!.mapping.periods!.columns.map((c) => c.start)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26']);
    expect(p!.gridNotes).toEqual(['Dates in the headers read month first, as their own dates say (such as Week of 1/5/2026).']);
  });

  it('reads ambiguous header dates in the order of the file\'s other dates', () => {
    const { state } = setup();
    // Week-commencing dates a whole number of weeks apart either way (1 February and 4 October,
    // or 2 January and 10 April): the Start column's 01/19/2026 says the file writes month first.
    const s = sheet('Weekly', [
      ['Person', 'Project', 'Start', 'w/c 01/02/2026', 'w/c 04/10/2026'],
      ['Asha Patel', 'PRJ-001', '01/19/2026', 20, 20],
    ]);
    const [p] = analyseWorkbook(book(s, { fileName: 'w.csv', format: 'csv' }), state.settings, []);
    expect(p!.mapping.periods!.columns.map((c) => c.start)).toEqual(['2026-01-02', '2026-04-10']);
    expect(p!.gridNotes![0]).toMatch(/^Dates in the headers such as w\/c 01\/02\/2026 read month first \(from the file's other dates/);
    // With nothing in the file to say, the workbook's order, said as such.
    const t = sheet('Weekly', [
      ['Person', 'Project', 'w/c 01/02/2026', 'w/c 04/10/2026'],
      ['Asha Patel', 'PRJ-001', 20, 20],
    ]);
    const [q] = analyseWorkbook(book(t, { fileName: 'w.csv', format: 'csv' }), state.settings, []);
    expect(q!.mapping.periods!.columns.map((c) => c.start)).toEqual(['2026-02-01', '2026-10-04']);
    expect(q!.gridNotes![0]).toMatch(/read day first \(from the workbook setting\)/);
  });

  it('takes the year of "KW 50" … "KW 2" from the title, moving on at the turn of the year', () => {
    const { state } = setup();
    const s = sheet('Ressourcen', [
      ['Ressourcenplanung 2026/27'],
      ['Person', 'Projekt', 'KW 50', 'KW 51', 'KW 52', 'KW 53', 'KW 1', 'KW 2'],
      ['Asha Patel', 'PRJ-001', 8, 8, 8, null, 16, 16],
    ]);
    const [p] = analyseWorkbook(book(s), state.settings, []);
    expect(p!.mapping.periods!.columns.map((c) => c.start)).toEqual(['2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28', '2027-01-04', '2027-01-11']);
    expect(p!.gridNotes!.join(' ')).toMatch(/Headers without a year read as 2026 \(from the title\), moving on to the next year/);
  });
});

describe('the grid unit, suggested from the cells and the words around the grid', () => {
  const nums = (xs: (number | string)[]) => xs as SourceCell[];
  it('suggests each unit with its reason', () => {
    expect(suggestGridUnit(nums(['50%', '100%', '20 %', 8]), 'month', [])).toEqual({ unit: 'fte-percent', reason: '3 of 4 filled cells are percentages' });
    expect(suggestGridUnit([{ n: 0.5, pct: true }, null, ''], 'week', [])).toEqual({ unit: 'fte-percent', reason: '1 of 1 filled cell are percentages' });
    expect(suggestGridUnit(nums([0.5, 1, 0.2, 0.8, 1.5, 0.25, 0.1, 1, 1, 0.5]), 'month', [])).toMatchObject({ unit: 'fte', reason: '10 of 10 numbers are 1.5 or less: FTE' });
    expect(suggestGridUnit(nums([160, 80, 120, 40]), 'month', [])).toMatchObject({ unit: 'hours-per-period', reason: '3 of 4 numbers are over 60, more than a week holds: hours in the month' });
    expect(suggestGridUnit(nums([160, 80, 120, 40]), 'week', [])).toMatchObject({ unit: 'hours-per-week' });
    expect(suggestGridUnit(nums([20, 37.5, 8]), 'week', [])).toEqual({ unit: 'hours-per-week', reason: 'numbers up to 37.5 read as hours per week' });
    expect(suggestGridUnit(nums([5, 10, 20]), 'month', ['Plan', 'Allocation (person-days)'])).toMatchObject({ unit: 'days-per-period', reason: '“Allocation (person-days)” says days' });
    expect(suggestGridUnit(nums([5, 10, 20]), 'month', ['Einsatz in Tagen pro Monat'])).toMatchObject({ unit: 'hours-per-week' });
    expect(suggestGridUnit(nums([5, 10, 20]), 'month', ['Personentage'])).toMatchObject({ unit: 'days-per-period' });
    expect(suggestGridUnit(nums([50, 100, 20]), 'month', ['Allocation FTE'])).toMatchObject({ unit: 'fte-percent', reason: '“Allocation FTE” says FTE and the numbers go up to 100: % of an FTE' });
    expect(suggestGridUnit(nums([50, 100, 20]), 'month', ['Allocation (%)'])).toMatchObject({ unit: 'fte-percent' });
    expect(suggestGridUnit(nums([2, 3]), 'month', ['Hours per week'])).toMatchObject({ unit: 'hours-per-week' });
    expect(suggestGridUnit(nums([20, 30]), 'month', ['Stunden'])).toMatchObject({ unit: 'hours-per-period' });
    expect(suggestGridUnit(nums(['2 d', '3 days', 5]), 'month', [])).toMatchObject({ unit: 'days-per-period', reason: '2 of 3 filled cells say days' });
    expect(suggestGridUnit([], 'week', [])).toEqual({ unit: 'hours-per-week', reason: 'hours per week (the default)' });
  });

  it('reads cells in the grid unit or in their own', () => {
    expect(readGridCell(20, 'hours-per-week')).toEqual({ ok: true, value: 20, unit: 'hours-per-week', plain: true });
    expect(readGridCell('12,5', 'days-per-period')).toEqual({ ok: true, value: 12.5, unit: 'days-per-period', plain: true });
    expect(readGridCell({ n: 0.07, pct: true }, 'hours-per-week')).toEqual({ ok: true, value: 7, unit: 'fte-percent', plain: false });
    expect(readGridCell('50 %', 'fte')).toEqual({ ok: true, value: 50, unit: 'fte-percent', plain: false });
    expect(readGridCell('2d', 'hours-per-week')).toMatchObject({ value: 2, unit: 'days-per-period' });
    expect(readGridCell('16 h', 'hours-per-period')).toMatchObject({ value: 16, unit: 'hours-per-period' });
    expect(readGridCell('0.5 FTE', 'fte-percent')).toMatchObject({ value: 0.5, unit: 'fte' });
    for (const blank of [null, '', ' ', '-', '–']) expect(readGridCell(blank, 'fte')).toBeNull();
    expect(readGridCell('lots', 'fte-percent')).toEqual({ ok: false, reason: '"lots" is not a percentage' });
    expect(readGridCell(-3, 'hours-per-week')).toEqual({ ok: false, reason: '-3 cannot be negative' });
    expect(readGridCell({ d: '2026-01-01' }, 'days-per-period')).toEqual({ ok: false, reason: '2026-01-01 is a date, not a number of days' });
    expect(readGridCell('£20', 'hours-per-week')).toMatchObject({ ok: false });
  });
});

describe('importing each unit', () => {
  const jan = { column: 2, start: '2026-01-01', end: '2026-01-31', label: 'Jan 2026' } as const;
  const feb = { column: 3, start: '2026-02-01', end: '2026-02-28', label: 'Feb 2026' } as const;
  const w2 = { column: 2, start: '2026-01-05', end: '2026-01-11', label: '2026-W02' } as const;
  function grid(cells: SourceCell[], unit: GridCellUnit | undefined, periods: readonly { column: number; start: string; end: string; label: string }[] = [jan, feb]) {
    const s = sheet('G', [
      ['Person', 'Project', ...periods.map((p) => p.label)],
      ['Asha Patel', 'PRJ-002', ...cells],
    ]);
    const m: SheetMapping = {
      sheet: 'G',
      kind: 'allocation',
      headerRow: 0,
      firstDataRow: 1,
      lastDataRow: 1,
      columns: [
        { column: 0, field: 'resourceId' },
        { column: 1, field: 'projectId' },
      ],
      periods: { kind: periods[0]!.end.slice(8) === '11' ? 'week' : 'month', columns: periods.map((p) => ({ ...p })), ...(unit ? { unit } : {}) },
    };
    return { source: book(s), m };
  }
  const hoursIn = (state: WorkbookState, a: Record<string, unknown>, p: { start: string; end: string }) => allocationHours(a, p.start, p.end, hoursCalendarOf(state.settings));
  const made = (state: WorkbookState) => state.all('allocation').filter((a) => a.projectId === 'p-2').sort((a, b) => a.start.localeCompare(b.start));

  it('hours per week (the default): the cell is the rate', () => {
    const { state, clock } = setup();
    const { source, m } = grid([20, 10], undefined);
    importAll(state, clock, source, [m]);
    expect(made(state).map((a) => [a.start, a.end, a.amount, a.unit])).toEqual([
      ['2026-01-01', '2026-01-31', 20, 'hours-per-week'],
      ['2026-02-01', '2026-02-28', 10, 'hours-per-week'],
    ]);
  });

  it('hours in the period: the month holds exactly the cell\'s hours, holidays counted', () => {
    const { state, clock } = setup(['2026-01-01']);
    const { source, m } = grid([160, 75], 'hours-per-period');
    importAll(state, clock, source, [m]);
    const [a, b] = made(state);
    const days = workingDaysIn(toDayNumber('2026-01-01'), toDayNumber('2026-01-31'), buildHolidayIndex(state.settings.holidays));
    expect(days).toBe(21);
    expect(a).toMatchObject({ unit: 'hours-per-week', amount: Math.round(((160 * 5) / 21) * 10_000) / 10_000 });
    expect(hoursIn(state, a!, jan)).toBeCloseTo(160, 2);
    expect(hoursIn(state, b!, feb)).toBeCloseTo(75, 2);
  });

  it('days in the period: % of an FTE over its working days, a day being a fifth of an FTE week', () => {
    const { state, clock } = setup();
    const { source, m } = grid([10, '2,5'], 'days-per-period');
    importAll(state, clock, source, [m]);
    const [a, b] = made(state);
    // January 2026 has 22 working days, February 20.
    expect(a).toMatchObject({ unit: 'fte-percent', amount: Math.round((10 / 22) * 100 * 10_000) / 10_000 });
    expect(b).toMatchObject({ unit: 'fte-percent', amount: 12.5 });
    expect(hoursIn(state, a!, jan)).toBeCloseTo(10 * 7.5, 2);
    expect(hoursIn(state, b!, feb)).toBeCloseTo(2.5 * 7.5, 6);
  });

  it('% of an FTE and FTE', () => {
    const { state, clock } = setup();
    const pct = grid([50, '25%'], 'fte-percent');
    importAll(state, clock, pct.source, [pct.m]);
    expect(made(state).map((a) => [a.amount, a.unit])).toEqual([
      [50, 'fte-percent'],
      [25, 'fte-percent'],
    ]);
    const second = setup();
    const fte = grid([0.5, '1,2'], 'fte');
    importAll(second.state, second.clock, fte.source, [fte.m]);
    expect(made(second.state).map((a) => [a.amount, a.unit])).toEqual([
      [50, 'fte-percent'],
      [120, 'fte-percent'],
    ]);
    expect(allocationRate(made(second.state)[0]!, 37.5)).toBe(18.75);
  });

  it('reads a % grid\'s plain numbers as fractions when all are 1 or less, and says so', () => {
    const { state, clock } = setup();
    const { source, m } = grid([0.5, 0.25], 'fte-percent');
    const report = importAll(state, clock, source, [m]);
    expect(made(state).map((a) => a.amount)).toEqual([50, 25]);
    expect(report.issues.map((i) => i.message)).toContain('the grid’s plain numbers are all 1 or less: read as fractions of an FTE (0.5 = 50 %)');
  });

  it('reads a cell that says its own unit in it, with a warning; a cell it cannot read is listed, the rest import', () => {
    const { state, clock } = setup();
    const { source, m } = grid(['50%', 'lots'], 'hours-per-week');
    const report = importAll(state, clock, source, [m]);
    expect(made(state).map((a) => [a.amount, a.unit])).toEqual([[50, 'fte-percent']]);
    expect(report.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ column: 'C', header: 'Jan 2026', severity: 'warning', message: 'read as % of an FTE (the grid holds hours per week)' }),
        expect.objectContaining({ column: 'D', header: 'Feb 2026', severity: 'error', message: '"lots" is not a number of hours' }),
      ]),
    );
  });

  it('refuses hours or days for a period without working days, by cell', () => {
    const { state, clock } = setup();
    const sat = { column: 2, start: '2026-01-10', end: '2026-01-11', label: 'Weekend' } as const;
    const { source, m } = grid([8], 'hours-per-period', [sat]);
    m.periods!.kind = 'week';
    const report = importAll(state, clock, source, [m]);
    expect(made(state)).toEqual([]);
    expect(report.issues).toEqual([expect.objectContaining({ column: 'C', severity: 'error', message: 'Weekend has no working days to hold 8 hours' })]);
  });

  it('matches existing allocations by their demand in either unit: no change for the same hours, an update with the unit for others', () => {
    const { state, clock } = setup();
    const first = grid(['50%', '50%'], 'fte-percent', [w2, { column: 3, start: '2026-01-12', end: '2026-01-18', label: '2026-W03' }]);
    importAll(state, clock, first.source, [first.m]);
    // Our export writes hours per week: 18.75 is 50 % at 37.5 h per FTE; 20 is a change.
    const again = grid([18.75, 20], undefined, [w2, { column: 3, start: '2026-01-12', end: '2026-01-18', label: '2026-W03' }]);
    const plan = planImport(state, again.source, [again.m], { today: '2026-05-01', newId: clock.newId });
    expect(plan.ops).toEqual([{ op: 'update', entity: 'allocation', id: expect.any(String), changes: { amount: 20, unit: 'hours-per-week' } }]);
    expect(plan.report.rows[0]!.changes).toEqual([{ field: 'amount', label: '2026-W03', before: 50, after: 20, beforeText: '50 % FTE', afterText: '20 h/week' }]);
  });
});

describe('a mapping file declares a grid', () => {
  const s = sheet('Plan', [
    ['Person', 'Project', 'Notes', 'M1', 'M2', 'M3', 'Total'],
    ['Asha Patel', 'PRJ-002', '', 50, 50, 25, 125],
  ]);
  it('by first and last column (letters or headers), period, unit and year', () => {
    const { state } = setup();
    const source = book(s);
    const proposals = analyseWorkbook(source, state.settings, []);
    // "M1".."M3" are no periods the analysis reads: the file has no grid until the mapping says so.
    const ctx = { fileName: 'map.json', settings: state.settings, customFields: [], source };
    const bad = applyMappingFile({ sheets: [{ sheet: 'Plan', kind: 'allocation', grid: { first: 'D', last: 'F', period: 'month', unit: 'fte-percent' } }] }, proposals, ctx);
    expect(bad).toEqual({ ok: false, errors: ['map.json: sheets[0].grid: column D: “M1” is not a week or month (use 2026-W05, KW 5, Jan-26, 01/2026 or a date)', 'map.json: sheets[0].grid: column E: “M2” is not a week or month (use 2026-W05, KW 5, Jan-26, 01/2026 or a date)', 'map.json: sheets[0].grid: column F: “M3” is not a week or month (use 2026-W05, KW 5, Jan-26, 01/2026 or a date)'] });

    const t = sheet('Plan', [
      ['Person', 'Project', 'Notes', 'Jan', 'Feb', 'Mar', 'Total'],
      ['Asha Patel', 'PRJ-002', '', 50, 50, 25, 125],
    ]);
    const source2 = book(t);
    const ctx2 = { ...ctx, source: source2 };
    const p2 = analyseWorkbook(source2, state.settings, []);
    const ok = applyMappingFile({ sheets: [{ sheet: 'Plan', kind: 'allocation', columns: { Person: 'resourceId', Project: 'projectId' }, grid: { first: 'Jan', last: 'F', period: 'month', unit: 'fte-percent', year: 2027 } }] }, p2, ctx2);
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    const periods = ok.proposals[0]!.mapping.periods!;
    expect(periods).toMatchObject({ kind: 'month', unit: 'fte-percent' });
    expect(periods.columns.map((c) => [c.column, c.start, c.label])).toEqual([
      [3, '2027-01-01', 'Jan'],
      [4, '2027-02-01', 'Feb'],
      [5, '2027-03-01', 'Mar'],
    ]);
    for (const c of ok.proposals[0]!.mapping.columns) if (c.column >= 3 && c.column <= 5) expect(c.field).toBeNull();

    const noYear = applyMappingFile({ sheets: [{ sheet: 'Plan', kind: 'allocation', grid: { first: 'D', last: 'F' } }] }, p2, ctx2);
    expect(noYear).toEqual({ ok: false, errors: ['map.json: sheets[0].grid: column D: “Jan” has no year, and no header beside it has one: give the grid\'s "year"'] });
  });

  it('changes only the unit of a grid the analysis found, or says what is wrong', () => {
    const { state } = setup();
    const t = sheet('Plan', [
      ['Person', 'Project', 'Jan-26', 'Feb-26'],
      ['Asha Patel', 'PRJ-002', 10, 5],
    ]);
    const source = book(t);
    const ctx = { fileName: 'map.json', settings: state.settings, customFields: [], source };
    const p = analyseWorkbook(source, state.settings, []);
    expect(p[0]!.mapping.periods!.unit).toBe('hours-per-week');
    const r = applyMappingFile({ sheets: [{ sheet: 'Plan', kind: 'allocation', grid: { unit: 'days-per-period' } }] }, p, ctx);
    expect(r.ok && r.proposals[0]!.mapping.periods).toMatchObject({ unit: 'days-per-period', columns: [{ column: 2 }, { column: 3 }] });
    // The analysis's proposal is not changed.
    expect(p[0]!.mapping.periods!.unit).toBe('hours-per-week');
    const none = applyMappingFile({ sheets: [{ sheet: 'Plan', kind: 'allocation', grid: null }] }, p, ctx);
    expect(none.ok && none.proposals[0]!.mapping.periods).toBeNull();
    const wrong = applyMappingFile({ sheets: [{ sheet: 'Plan', kind: 'allocation', grid: { first: 'Z', last: 'C', unit: 'hours', period: 'quarter', colour: 1 } }] }, p, ctx);
    expect(wrong).toEqual({
      ok: false,
      errors: [
        'map.json: sheets[0].grid: unknown key "colour" (a grid takes "first", "last", "period", "unit", "year")',
        'map.json: sheets[0].grid.unit: unit must be one of "hours-per-week", "hours-per-period", "days-per-period", "fte-percent", "fte" (got "hours")',
        'map.json: sheets[0].grid.period: period must be "week" or "month" (got "quarter")',
        'map.json: sheets[0].grid.last: column C comes before the first, Z',
      ],
    });
    const notAlloc = applyMappingFile({ sheets: [{ sheet: 'Plan', kind: 'project', grid: { unit: 'fte' } }] }, p, ctx);
    expect(notAlloc).toEqual({ ok: false, errors: ['map.json: sheets[0].grid: a grid is for allocations: give "kind": "allocation"'] });
  });
});
