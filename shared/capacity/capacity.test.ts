// Capacity maths against hand-computed numbers (the working is in the comments), an incremental
// property test against full rebuilds, and the demo workbook's built-in overloads.
import { describe, expect, it } from 'vitest';
import type { Allocation, Project, Resource, Role, Settings } from '../model/schemas';
import { defaultSettings } from '../model/workbook';
import { buildDemoWorkbook, demoOverloads } from '../demo/demo';
import { addDays, startOfIsoWeek } from '../calendar';
import { seededRandom } from '../util/ids';
import { buildCapacityModel, weeksBetween, type CapacityInput, type CapacityModel, type CapacityRow, type Grain, type TentativeMode } from './capacity';

const settings = (o: Partial<Settings> = {}): Settings => defaultSettings('Test', o);
const person = (id: string, o: Partial<Resource> = {}): Resource => ({ id, name: `Person ${id}`, roleId: null, team: '', email: '', capacityHoursPerWeek: 37.5, start: null, end: null, exceptions: [], ...o });
const role = (id: string): Role => ({ id, name: `Role ${id}`, description: '' });
const project = (id: string, stage: Project['stage'] = 'in-progress'): Project => ({ id, code: id, name: id, stage } as Project);
let seq = 0;
const alloc = (o: Partial<Allocation> & Pick<Allocation, 'start' | 'end' | 'amount'>): Allocation => ({ id: `a${++seq}`, projectId: 'P1', roleId: null, resourceId: 'r1', unit: 'hours-per-week', tentative: false, note: '', ...o });
const input = (o: Partial<CapacityInput>): CapacityInput => ({ settings: settings(), resources: [person('r1')], roles: [], allocations: [], projects: [project('P1')], ...o });
const row = (m: CapacityModel, key: string, grain: Grain = 'week', mode: TentativeMode = 'include'): CapacityRow => {
  const kind = key.startsWith('person:') ? 'person' : key.startsWith('team:') ? 'team' : 'role';
  const r = m.rows(kind, grain, mode).find((x) => x.key === key);
  if (!r) throw new Error(`no row ${key}`);
  return r;
};
const arr = (a: Float64Array) => [...a].map((v) => Math.round(v * 1e9) / 1e9);

describe('weeksBetween', () => {
  it('gives ISO weeks Monday–Sunday, with week 53 of 2026', () => {
    // 2026-01-01 is a Thursday, so 2026 has 53 ISO weeks: W53 = Mon 28 Dec 2026 … Sun 3 Jan 2027.
    const p = weeksBetween('2026-12-20', '2027-01-05');
    expect(p.label).toEqual(['2026-W51', '2026-W52', '2026-W53', '2027-W01']);
    expect(p.start).toEqual(['2026-12-14', '2026-12-21', '2026-12-28', '2027-01-04']);
    expect(p.end[2]).toBe('2027-01-03');
    expect(weeksBetween('2026-01-02', '2026-01-01').label).toEqual([]);
  });
});

describe('capacity', () => {
  it('counts part-time and leave over their working days', () => {
    // Weeks from Mon 2026-01-05. Part-time 15 h/w for the whole second week; leave Wed–Thu of
    // the third: 37.5 × 3/5 = 22.5. The exception on leave ignores its hoursPerWeek.
    const r1 = person('r1', {
      exceptions: [
        { id: 'x1', kind: 'part-time', start: '2026-01-12', end: '2026-01-16', hoursPerWeek: 15, note: '' },
        { id: 'x2', kind: 'leave', start: '2026-01-21', end: '2026-01-22', hoursPerWeek: 10, note: '' },
        { id: 'x3', kind: 'holiday', start: '2026-01-30', end: '2026-02-01', hoursPerWeek: 0, note: '' },
      ],
    });
    const m = buildCapacityModel(input({ resources: [r1] }), { from: '2026-01-05', to: '2026-02-01' });
    // Fourth week: a holiday exception on Friday (Sat/Sun are not working days): 37.5 × 4/5 = 30.
    expect(arr(row(m, 'person:r1').capacity)).toEqual([37.5, 15, 22.5, 30]);
  });

  it('gives a person starting or leaving mid-week the working days inside their dates, and rolls months by working days', () => {
    // Start Wed 2026-04-15, end Tue 2026-05-05. Weeks: 13 Apr (Wed–Fri: 3 days → 22.5),
    // 20 Apr (37.5), 27 Apr (Mon 27 – Fri 1 May: 37.5), 4 May (Mon–Tue: 2 days → 15).
    const r1 = person('r1', { start: '2026-04-15', end: '2026-05-05' });
    const m = buildCapacityModel(input({ resources: [r1] }), { from: '2026-04-13', to: '2026-05-10' });
    expect(arr(row(m, 'person:r1').capacity)).toEqual([22.5, 37.5, 37.5, 15]);
    // Months: the week of 27 Apr has 4 working days in April (27–30) and 1 in May (1 May).
    // April = 22.5 + 37.5 + 37.5 × 4/5 = 90 (= 12 working days × 7.5, counted directly);
    // May = 37.5 × 1/5 + 15 = 22.5.
    const month = row(m, 'person:r1', 'month');
    expect(m.periods('month').label).toEqual(['Apr 2026', 'May 2026']);
    expect(m.periods('month').start).toEqual(['2026-04-13', '2026-05-01']);
    expect(arr(month.capacity)).toEqual([90, 22.5]);
  });

  it('takes the workbook holidays off capacity and demand, and counts fte-percent demand', () => {
    // Good Friday 3 Apr 2026 and Easter Monday 6 Apr 2026. Weeks 30 Mar and 6 Apr have 4 working days.
    const s = settings({ holidays: [{ date: '2026-04-03', name: 'Good Friday' }, { date: '2026-04-06', name: 'Easter Monday' }, { date: '2026-04-11', name: 'A Saturday' }], hoursPerFte: 40 });
    // 50 % of an FTE of 40 h = 20 h/w; × 4/5 = 16 in the holiday weeks.
    const a = alloc({ start: '2026-03-30', end: '2026-04-17', amount: 50, unit: 'fte-percent' });
    const m = buildCapacityModel(input({ settings: s, allocations: [a] }), { from: '2026-03-30', to: '2026-04-19' });
    const r = row(m, 'person:r1');
    expect(arr(r.capacity)).toEqual([30, 30, 37.5]);
    expect(arr(r.demand)).toEqual([16, 16, 20]);
  });

  it('prorates demand by the working days of the week inside the allocation', () => {
    // 20 h/w from Thu 8 Jan to Tue 13 Jan 2026: 2 days (Thu, Fri) → 8; 2 days (Mon, Tue) → 8.
    const a = alloc({ start: '2026-01-08', end: '2026-01-13', amount: 20 });
    const m = buildCapacityModel(input({ allocations: [a] }), { from: '2026-01-05', to: '2026-01-18' });
    expect(arr(row(m, 'person:r1').demand)).toEqual([8, 8]);
  });

  it('rolls weeks up to months and fiscal quarters, splitting a straddling week by its working days', () => {
    // Weeks 23 Mar – 12 Apr 2026. Week of 30 Mar: Mon 30, Tue 31 March (2 working days), Wed 1 –
    // Fri 3 April (3). A 10 h/w allocation all along: March = 10 + 10 × 2/5 = 14, April = 10 × 3/5 + 10 = 16.
    const a = alloc({ start: '2026-03-23', end: '2026-04-12', amount: 10 });
    const m = buildCapacityModel(input({ allocations: [a] }), { from: '2026-03-23', to: '2026-04-12' });
    expect(arr(row(m, 'person:r1', 'month').demand)).toEqual([14, 16]);
    expect(arr(row(m, 'person:r1', 'month').capacity)).toEqual([52.5, 60]); // 37.5 × 7/5, 37.5 × 8/5
    // Fiscal year from April: March is Q4 FY2025/26, April Q1 FY2026/27.
    expect(m.periods('quarter').label).toEqual(['Q4 FY2025/26', 'Q1 FY2026/27']);
    expect(arr(row(m, 'person:r1', 'quarter').demand)).toEqual([14, 16]);
    const jan = buildCapacityModel(input({ settings: settings({ fiscalYearStartMonth: 1 }), allocations: [a] }), { from: '2026-03-23', to: '2026-04-12' });
    expect(jan.periods('quarter').label).toEqual(['Q1 FY2026', 'Q2 FY2026']);
  });

  it('gives a month only the hours of its own days when an allocation covers part of a straddling week', () => {
    // Week of Mon 29 Dec 2025: 29–31 Dec and 1–2 Jan, all working days. 10 h/w ending Wed 31 Dec
    // puts 6 h in that week, all of it in December; one starting Thu 1 Jan puts 4 h, all in January.
    // (Split by the week's working days, December would get 6 × 3/5 = 3.6 and January 2.4.)
    const a = alloc({ start: '2025-12-01', end: '2025-12-31', amount: 10 });
    const b = alloc({ start: '2026-01-01', end: '2026-01-31', amount: 10, resourceId: 'r2' });
    const m = buildCapacityModel(input({ resources: [person('r1'), person('r2', { start: '2025-12-31' })], allocations: [a, b] }), { from: '2025-12-01', to: '2026-01-31' });
    // The range ends with the week of Sunday 1 February.
    expect(m.periods('month').label).toEqual(['Dec 2025', 'Jan 2026', 'Feb 2026']);
    // December: 23 working days × 2 h; January: 22 working days × 2 h.
    expect(arr(row(m, 'person:r1', 'month').demand)).toEqual([46, 0, 0]);
    expect(arr(row(m, 'person:r2', 'month').demand)).toEqual([0, 44, 0]);
    // r2 starts Wed 31 Dec: December capacity is that one day (7.5 h).
    expect(arr(row(m, 'person:r2', 'month').capacity)).toEqual([7.5, 165, 0]);
    const week = m.weeks.label.indexOf('2026-W01');
    expect(arr(row(m, 'person:r1').demand)[week]).toBe(6);
    expect(m.contributions('person:r1', 'month', 1, 'include')).toEqual([]);
    expect(m.contributions('person:r2', 'month', 1, 'include').map((c) => c.hours)).toEqual([44]);
    expect(m.overloadProjects('person:r1', 'month', 'include', [0, 1]).get(0)).toEqual([{ projectId: 'P1', hours: 46 }]);
  });

  it('handles ISO week 53 and the turn of the year', () => {
    // W53 of 2026: Mon 28 Dec 2026 – Sun 3 Jan 2027. Fri 1 Jan 2027 is a holiday, so the week has
    // 4 working days (28–31 Dec): 37.5 × 4/5 = 30.
    const s = settings({ holidays: [{ date: '2027-01-01', name: 'New Year' }] });
    const m = buildCapacityModel(input({ settings: s }), { from: '2026-12-28', to: '2027-01-10' });
    expect(m.weeks.label).toEqual(['2026-W53', '2027-W01']);
    expect(arr(row(m, 'person:r1').capacity)).toEqual([30, 37.5]);
    // Dec: 28–31 Dec are all 4 working days of W53 → 30; Jan: 0 from W53 + 37.5.
    expect(m.periods('month').label).toEqual(['Dec 2026', 'Jan 2027']);
    expect(arr(row(m, 'person:r1', 'month').capacity)).toEqual([30, 37.5]);
  });

  it('reports zero capacity with demand as Infinity utilisation', () => {
    // Leave all week, 10 h booked: no capacity.
    const r1 = person('r1', { exceptions: [{ id: 'x', kind: 'leave', start: '2026-01-05', end: '2026-01-09', hoursPerWeek: 0, note: '' }] });
    const m = buildCapacityModel(input({ resources: [r1], allocations: [alloc({ start: '2026-01-05', end: '2026-01-09', amount: 10 })] }), { from: '2026-01-05', to: '2026-01-11' });
    const o = m.overloads('person', 'week', 'include');
    expect(o).toHaveLength(1);
    expect(o[0]).toMatchObject({ key: 'person:r1', capacity: 0, demand: 10, utilisation: Infinity, over: 10, periodLabel: '2026-W02', projects: [{ projectId: 'P1', hours: 10 }] });
  });

  it('counts demand on a role against the role, and demand split across people through the people', () => {
    // Role R has r1 and r2 (37.5 each = 75). 30 h/w on the role unassigned, then the same need split 20 + 10.
    const resources = [person('r1', { roleId: 'R', team: 'T' }), person('r2', { roleId: 'R', team: 'T' }), person('r3', { roleId: null, team: 'T' })];
    const onRole = alloc({ start: '2026-01-05', end: '2026-01-09', amount: 30, resourceId: null, roleId: 'R' });
    const m = buildCapacityModel(input({ resources, roles: [role('R')], allocations: [onRole] }), { from: '2026-01-05', to: '2026-01-11' });
    const r = row(m, 'role:R');
    expect(r.children).toEqual(['person:r1', 'person:r2', 'unassigned-role:R']);
    expect(arr(r.capacity)).toEqual([75]);
    expect(arr(r.demand)).toEqual([30]);
    expect(arr(row(m, 'unassigned-role:R').demand)).toEqual([30]);
    expect(arr(row(m, 'team:T').capacity)).toEqual([112.5]);
    expect(arr(row(m, 'team:T').demand)).toEqual([0]);
    // Assigned later: the role line is replaced by 20 h for r1 and 10 h for r2.
    const keys = m.update({ allocation: { before: onRole } });
    expect(keys.sort()).toEqual(['role:R', 'unassigned-role:R']);
    m.update({ allocation: { after: alloc({ start: '2026-01-05', end: '2026-01-09', amount: 20, resourceId: 'r1', roleId: 'R' }) } });
    expect(m.update({ allocation: { after: alloc({ start: '2026-01-05', end: '2026-01-09', amount: 10, resourceId: 'r2', roleId: 'R' }) } }).sort()).toEqual(['person:r2', 'role:R', 'team:T']);
    expect(arr(row(m, 'role:R').demand)).toEqual([30]);
    expect(row(m, 'role:R').children).toEqual(['person:r1', 'person:r2']);
    expect(arr(row(m, 'person:r1').demand)).toEqual([20]);
    expect(arr(row(m, 'team:T').demand)).toEqual([30]);
  });

  it('includes, excludes or isolates tentative demand (flagged, or of idea/proposed projects)', () => {
    const projects = [project('P1'), project('P2', 'proposed'), project('P3', 'idea')];
    const allocations = [
      alloc({ start: '2026-01-05', end: '2026-01-09', amount: 10, projectId: 'P1' }), // firm
      alloc({ start: '2026-01-05', end: '2026-01-09', amount: 5, projectId: 'P1', tentative: true }), // flagged
      alloc({ start: '2026-01-05', end: '2026-01-09', amount: 7, projectId: 'P2' }), // proposed
      alloc({ start: '2026-01-05', end: '2026-01-09', amount: 3, projectId: 'P3' }), // idea
    ];
    const m = buildCapacityModel(input({ projects, allocations }), { from: '2026-01-05', to: '2026-01-11' });
    expect(arr(row(m, 'person:r1', 'week', 'include').demand)).toEqual([25]);
    expect(arr(row(m, 'person:r1', 'week', 'exclude').demand)).toEqual([10]);
    expect(arr(row(m, 'person:r1', 'week', 'only').demand)).toEqual([15]);
    for (const mode of ['include', 'exclude', 'only'] as const) expect(arr(row(m, 'person:r1', 'week', mode).tentative)).toEqual([15]);
    expect(m.contributions('person:r1', 'week', 0, 'only').map((c) => [c.projectId, c.hours, c.tentative])).toEqual([
      ['P1', 5, true],
      ['P2', 7, true],
      ['P3', 3, true],
    ]);
  });

  it('gives contributions that sum to the cell, for every key, grain and mode', () => {
    const resources = [person('r1', { roleId: 'R', team: 'T' }), person('r2', { roleId: 'R', team: 'T' })];
    const projects = [project('P1'), project('P2', 'idea')];
    const rnd = seededRandom(7);
    const allocations: Allocation[] = [];
    for (let i = 0; i < 40; i++) {
      const s = Math.floor(rnd() * 120);
      const start = addDays('2026-01-01', s);
      allocations.push(alloc({ start, end: addDays(start, Math.floor(rnd() * 60)), amount: 1 + Math.floor(rnd() * 20), projectId: rnd() < 0.5 ? 'P1' : 'P2', resourceId: rnd() < 0.2 ? null : rnd() < 0.5 ? 'r1' : 'r2', roleId: 'R', unit: rnd() < 0.2 ? 'fte-percent' : 'hours-per-week' }));
    }
    const m = buildCapacityModel(input({ resources, roles: [role('R')], projects, allocations, settings: settings({ holidays: [{ date: '2026-04-03', name: 'GF' }] }) }), { from: '2026-01-01', to: '2026-06-30' });
    for (const grain of ['week', 'month', 'quarter'] as const) {
      for (const mode of ['include', 'exclude', 'only'] as const) {
        for (const kind of ['person', 'role', 'team'] as const) {
          for (const r of m.rows(kind, grain, mode)) {
            r.demand.forEach((d, p) => {
              const sum = m.contributions(r.key, grain, p, mode).reduce((s, c) => s + c.hours, 0);
              expect(sum).toBeCloseTo(d, 9);
            });
          }
        }
      }
    }
  });
});

describe('update', () => {
  it('gives the same numbers as a full rebuild after 200 random edits', () => {
    const rnd = seededRandom(42);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const roles = [role('R1'), role('R2')];
    const projects = [project('P1'), project('P2', 'proposed'), project('P3', 'idea')];
    const teams = ['A', 'B', ''];
    const s = settings({ holidays: [{ date: '2026-05-04', name: 'May Day' }, { date: '2026-12-25', name: 'Christmas' }] });
    const range = { from: '2026-03-01', to: '2027-02-28' };
    const randomPerson = (id: string): Resource => {
      const start = rnd() < 0.3 ? addDays('2026-03-01', Math.floor(rnd() * 200)) : null;
      return person(id, {
        roleId: pick([null, 'R1', 'R2', 'R9']),
        team: pick(teams),
        capacityHoursPerWeek: pick([22.5, 37.5, 40]),
        start,
        end: rnd() < 0.3 ? addDays(start ?? '2026-06-01', Math.floor(rnd() * 200)) : null,
        exceptions: rnd() < 0.4 ? [{ id: 'x', kind: pick(['leave', 'holiday', 'part-time'] as const), start: addDays('2026-03-01', Math.floor(rnd() * 300)), end: addDays('2026-03-01', 300 + Math.floor(rnd() * 60)), hoursPerWeek: 15, note: '' }] : [],
      });
    };
    const randomAlloc = (id: string): Allocation => {
      const start = addDays('2026-01-01', Math.floor(rnd() * 450));
      return alloc({ id, start, end: addDays(start, Math.floor(rnd() * 120)), amount: 1 + Math.floor(rnd() * 30), unit: rnd() < 0.2 ? 'fte-percent' : 'hours-per-week', projectId: pick(['P1', 'P2', 'P3']), tentative: rnd() < 0.2, resourceId: rnd() < 0.25 ? null : pick(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'ghost']), roleId: pick([null, 'R1', 'R2']) });
    };
    let resources = ['p0', 'p1', 'p2', 'p3', 'p4'].map(randomPerson);
    let allocations = Array.from({ length: 60 }, (_, i) => randomAlloc(`x${i}`));
    const m = buildCapacityModel({ settings: s, resources, roles, projects, allocations }, range);
    let next = 100;
    for (let edit = 0; edit < 200; edit++) {
      const r = rnd();
      if (r < 0.35) {
        const before = pick(allocations);
        const after = randomAlloc(before.id);
        allocations = allocations.map((a) => (a.id === before.id ? after : a));
        m.update({ allocation: { before, after } });
      } else if (r < 0.55) {
        const after = randomAlloc(`x${next++}`);
        allocations = [...allocations, after];
        m.update({ allocation: { after } });
      } else if (r < 0.75 && allocations.length > 0) {
        const before = pick(allocations);
        allocations = allocations.filter((a) => a !== before);
        m.update({ allocation: { before } });
      } else if (r < 0.9) {
        const before = pick(resources);
        const after = randomPerson(before.id);
        resources = resources.map((p) => (p.id === before.id ? after : p));
        m.update({ resource: { before, after } });
      } else if (r < 0.95 || resources.length < 3) {
        const id = resources.some((p) => p.id === 'p5') ? 'p6' : 'p5';
        if (resources.some((p) => p.id === id)) continue;
        const after = randomPerson(id);
        resources = [...resources, after];
        m.update({ resource: { after } });
      } else {
        const before = pick(resources);
        resources = resources.filter((p) => p !== before);
        m.update({ resource: { before } });
      }
      // Read between edits too, so the next reads come from the rows kept since (only the changed ones rolled up again).
      for (const kind of ['person', 'role', 'team'] as const) for (const grain of ['week', 'month'] as const) for (const mode of ['include', 'exclude', 'only'] as const) m.rows(kind, grain, mode);
      if (edit % 20 !== 19 && edit !== 199) continue;
      const fresh = buildCapacityModel({ settings: s, resources, roles, projects, allocations }, range);
      for (const kind of ['person', 'role', 'team'] as const) {
        for (const grain of ['week', 'month'] as const) {
          const mode = pick(['include', 'exclude', 'only'] as const);
          const want = new Map(fresh.rows(kind, grain, mode).map((x) => [x.key, x]));
          const got = m.rows(kind, grain, mode);
          expect(got.map((x) => x.key).sort()).toEqual([...want.keys()].sort());
          for (const g of got) {
            const w = want.get(g.key)!;
            expect([...g.children].sort()).toEqual([...w.children].sort());
            for (const k of ['capacity', 'demand', 'tentative'] as const) g[k].forEach((v, i) => expect(v).toBeCloseTo(w[k][i]!, 6));
          }
        }
      }
    }
  });
});

describe('the demo workbook', () => {
  it("over-allocates exactly the demo's built-in people and weeks", () => {
    for (const today of ['2026-05-14', '2024-02-29', '2027-01-03']) {
      const data = buildDemoWorkbook({ today });
      const r = data.records;
      const m = buildCapacityModel({ settings: data.settings, resources: r.resource, roles: r.role, allocations: r.allocation, projects: r.project }, { from: addDays(startOfIsoWeek(today), -7 * 26), to: addDays(startOfIsoWeek(today), 7 * 53) });
      const byId = new Map(r.resource.map((p) => [p.id, p.name]));
      const got = m.overloads('person', 'week', 'include');
      const expected = demoOverloads(today).flatMap((o) => Array.from({ length: o.weeks }, (_, i) => ({ o, monday: addDays(o.from, 7 * i) })));
      expect(got.map((g) => `${byId.get(g.key.slice(7))} ${m.weeks.start[g.period]}`).sort()).toEqual(expected.map((e) => `${e.o.resourceName} ${e.monday}`).sort());
      const holidays = new Set(data.settings.holidays.map((h) => h.date));
      for (const { o, monday } of expected) {
        const g = got.find((x) => byId.get(x.key.slice(7)) === o.resourceName && m.weeks.start[x.period] === monday)!;
        // demoOverloads counts whole weeks and ignores bank holidays; here a bank holiday takes a
        // day off both demand and capacity, so the hours scale by working days ÷ 5 and the ratio holds.
        const working = [0, 1, 2, 3, 4].filter((d) => !holidays.has(addDays(monday, d))).length;
        expect(g.demand).toBeCloseTo((o.demandHours * working) / 5, 9);
        expect(g.capacity).toBeCloseTo((o.capacityHours * working) / 5, 9);
        expect(Math.round(g.utilisation * 100)).toBe(o.percent);
        const codes = new Map(r.project.map((p) => [p.id, p.code]));
        expect(g.projects.map((p) => codes.get(p.projectId)).sort()).toEqual([...o.projects].sort());
      }
    }
  });
});
