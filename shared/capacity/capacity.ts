// Capacity and demand of people, roles and teams by week, month and quarter: pure and incremental.
//
// The rules, in plain words:
// - Weeks are ISO weeks, Monday to Sunday. Working days are Monday to Friday less the workbook's
//   holidays (settings.holidays).
// - Supply (capacity) of a person in a week = capacity hours per week × the person's working days
//   that week ÷ 5. A person starting or leaving in mid-week gets only the working days inside their
//   start and end dates; a bank holiday takes a day off. Calendar exceptions change the days they
//   cover: leave and holiday give 0 for those working days, part-time gives its hoursPerWeek ÷ 5
//   for each of them. When exceptions overlap, the one listed later wins for the shared days.
// - Demand: an allocation asks for `amount` hours per week (fte-percent: amount ÷ 100 ×
//   settings.hoursPerFte), prorated by the working days that fall inside the allocation's dates:
//   hours × those working days ÷ 5 (allocation-hours.ts: the one rule the demand grid and the
//   exported grid use too). Demand does not depend on the person's own calendar: demand booked
//   while someone is away stays demand (and shows as over capacity).
// - Months and quarters add up the hours of their own days: a week that straddles two months is
//   kept in two parts, cut at the first of the month (see periods.ts), for capacity and demand alike.
// - Utilisation = demand ÷ capacity; with 0 capacity and some demand it is Infinity ("no
//   capacity"). A period is overloaded when demand exceeds capacity (by more than 1e-9 hours).
// - Person rows: one per resource. An allocation with a person counts on that person (whatever its
//   roleId). An allocation naming a person that does not exist counts nowhere.
// - Role rows: a role's people (resources with that roleId) plus demand placed on the role without
//   a person yet ('unassigned role demand', row 'unassigned-role:<roleId>', capacity 0). Demand
//   planned by role and later assigned to several people is just several person allocations: the
//   editor or what-if feature does the split.
// - Team rows: the people with the same resource.team ('' is the team 'No team').
// - Tentative: an allocation flagged tentative, or any allocation of a project whose stage is idea
//   or proposed. Mode 'include' counts all demand, 'exclude' only firm demand, 'only' only the
//   tentative demand. A row's `tentative` array always holds the tentative demand, whatever the
//   mode (in 'exclude' it is what was left out of `demand`).
//
// Speed: each allocation is turned once into a week-index range (by day-number arithmetic) and a
// rate; its hours per week come from a prefix sum of working days, so a full build is linear in
// the allocations' weeks. Rows keep their weekly sums in typed arrays of two parts per week (the
// days before and from the week's month cut); update() subtracts the old allocation and adds the
// new one to the person, role and team rows involved only.
import type { Allocation, Project, Resource, Role, Settings } from '../model/schemas';
import { personDailyHours, toDayNumber, type IsoDate } from '../calendar';
import { allocationRate, prorate } from './allocation-hours';
import { buildCalendar, type Calendar, type Grain, type Periods, type Rollup } from './periods';

export { weeksBetween, type Grain, type Periods } from './periods';

export type TentativeMode = 'include' | 'exclude' | 'only';

export interface CapacityInput {
  settings: Settings;
  /** Read only: the model keeps references to the records but never changes them. */
  resources: readonly Resource[];
  roles: readonly Role[];
  allocations: readonly Allocation[];
  projects: readonly Project[];
}

export interface CapacityRow {
  /** 'person:<id>' | 'role:<id>' | 'team:<name>' | 'unassigned-role:<roleId>' */
  key: string;
  kind: 'person' | 'role' | 'team';
  label: string;
  children: string[];
  capacity: Float64Array;
  demand: Float64Array;
  /** Tentative demand, always computed separately (in 'include' the tentative part of demand). */
  tentative: Float64Array;
}

export interface Contribution {
  projectId: string;
  allocationId: string;
  hours: number;
  tentative: boolean;
}

/** An over-allocated cell without its projects (cheap to find, and to send between threads). */
export interface OverloadCell {
  key: string;
  label: string;
  kind: CapacityRow['kind'];
  period: number;
  periodLabel: string;
  demand: number;
  capacity: number;
  /** demand ÷ capacity, Infinity when capacity 0 and demand > 0. */
  utilisation: number;
  /** Hours over. */
  over: number;
}

export interface Overload extends OverloadCell {
  /** By project, most hours first. Computed on first read (for all the row's overloaded periods at once). */
  readonly projects: { projectId: string; hours: number }[];
}

export interface CapacityChange {
  allocation?: { before?: Allocation; after?: Allocation };
  resource?: { before?: Resource; after?: Resource };
}

export interface CapacityModel {
  readonly weeks: Periods;
  /** The periods of a grain (weeks, or months and quarters covering the weeks). */
  periods(grain: Grain): Periods;
  /** A new list each call; the rows in it are kept between calls until update() changes them, so they are read-only. */
  rows(kind: 'person' | 'role' | 'team', grain: Grain, tentative: TentativeMode): CapacityRow[];
  /** Sums to the cell's demand. */
  contributions(key: string, grain: Grain, period: number, tentative: TentativeMode): Contribution[];
  /** Every overloaded cell; `projects` is worked out lazily, per row, when first read. */
  overloads(kind: 'person' | 'role', grain: Grain, tentative: TentativeMode): Overload[];
  /** The overloaded cells alone (a scan of the rows, no project lists). */
  overloadCells(kind: 'person' | 'role', grain: Grain, tentative: TentativeMode): OverloadCell[];
  /** Hours by project, most first, in the given periods of a row (person or role key). */
  overloadProjects(key: string, grain: Grain, tentative: TentativeMode, periods: readonly number[]): Map<number, { projectId: string; hours: number }[]>;
  /** Incremental: one allocation created/changed/deleted, or a resource changed. Returns the keys of rows that changed. */
  update(change: CapacityChange): string[];
}

/** Over capacity by more than this many hours. */
const EPSILON = 1e-9;

interface AllocRec {
  id: string;
  projectId: string;
  resourceId: string | null;
  roleId: string | null;
  tentative: boolean;
  /** Hours per full (5-working-day) week. */
  rate: number;
  /** First and last day inside the range, and their weeks (w1 < w0 when outside the range). */
  d0: number;
  d1: number;
  w0: number;
  w1: number;
}

/** Weekly figures in two parts per week: [2w] before the week's month cut, [2w + 1] from it. */
interface Sums {
  capacity: Float64Array;
  firm: Float64Array;
  tent: Float64Array;
}

interface Person extends Sums {
  resource: Resource;
  allocs: Set<AllocRec>;
}

interface RoleSums extends Sums {
  role: Role;
  /** Demand placed on the role without a person. */
  unFirm: Float64Array;
  unTent: Float64Array;
  unassigned: Set<AllocRec>;
}

const sums = (n: number): Sums => ({ capacity: new Float64Array(2 * n), firm: new Float64Array(2 * n), tent: new Float64Array(2 * n) });

export function buildCapacityModel(input: CapacityInput, range: { from: IsoDate; to: IsoDate }): CapacityModel {
  return new Model(input, range);
}

class Model implements CapacityModel {
  readonly weeks: Periods;
  private readonly cal: Calendar;
  private readonly n: number;
  private readonly lastDay: number;
  private readonly hoursPerFte: number;
  private readonly tentativeProjects = new Set<string>();
  private readonly people = new Map<string, Person>();
  private readonly roles = new Map<string, RoleSums>();
  private readonly teams = new Map<string, Sums>();
  private readonly allocs = new Map<string, AllocRec>();
  /** Allocations by resourceId, also for people that do not exist (any more, or yet). */
  private readonly byResource = new Map<string, Set<AllocRec>>();
  /**
   * Rows read before, by grain and tentative mode, then by row key: reading the rows again after
   * an update() rolls up only the rows it changed (a heat map of 2,000 people re-reads every row
   * after each edit). The rows handed out are shared, so callers treat them as read-only.
   */
  private readonly rowCache = new Map<string, Map<string, CapacityRow>>();

  constructor(input: CapacityInput, range: { from: IsoDate; to: IsoDate }) {
    const s = input.settings;
    this.cal = buildCalendar(range, s.holidays, s.fiscalYearStartMonth);
    this.weeks = this.cal.weeks;
    this.n = this.cal.weekCount;
    this.lastDay = this.cal.base + 7 * this.n - 1;
    this.hoursPerFte = s.hoursPerFte;
    for (const p of input.projects) if (p.stage === 'idea' || p.stage === 'proposed') this.tentativeProjects.add(p.id);
    for (const r of input.roles) this.roles.set(r.id, { ...sums(this.n), role: r, unFirm: new Float64Array(2 * this.n), unTent: new Float64Array(2 * this.n), unassigned: new Set() });
    for (const r of input.resources) {
      const p: Person = { ...sums(this.n), resource: r, allocs: this.allocsFor(r.id) };
      this.fillCapacity(r, p.capacity);
      this.people.set(r.id, p);
    }
    for (const a of input.allocations) {
      const rec = this.record(a);
      this.allocs.set(a.id, rec);
      this.link(rec);
      const target = this.target(rec);
      if (target) this.addHours(rec, rec.tentative ? target.tent : target.firm, 1);
    }
    // Roles and teams are sums of their people (plus unassigned role demand): one pass per person.
    for (const p of this.people.values()) this.addPerson(p, 1);
    for (const r of this.roles.values()) {
      addInto(r.firm, r.unFirm, 1);
      addInto(r.tent, r.unTent, 1);
    }
  }

  periods(grain: Grain): Periods {
    return grain === 'week' ? this.weeks : this.cal.rollup(grain).periods;
  }

  // ---- building blocks

  private record(a: Allocation): AllocRec {
    const s = toDayNumber(a.start);
    const e = toDayNumber(a.end);
    const d0 = s < this.cal.base ? this.cal.base : s;
    const d1 = e > this.lastDay ? this.lastDay : e;
    const inside = d0 <= d1;
    return {
      id: a.id,
      projectId: a.projectId,
      resourceId: a.resourceId ?? null,
      roleId: a.roleId ?? null,
      tentative: a.tentative || this.tentativeProjects.has(a.projectId),
      rate: allocationRate(a, this.hoursPerFte),
      d0,
      d1,
      w0: inside ? Math.floor((d0 - this.cal.base) / 7) : 0,
      w1: inside ? Math.floor((d1 - this.cal.base) / 7) : -1,
    };
  }

  /** Where an allocation's demand goes: its person, else its role's unassigned demand, else nowhere. */
  private target(rec: AllocRec): { firm: Float64Array; tent: Float64Array } | null {
    if (rec.resourceId !== null) return this.people.get(rec.resourceId) ?? null;
    if (rec.roleId !== null) {
      const role = this.roles.get(rec.roleId);
      return role ? { firm: role.unFirm, tent: role.unTent } : null;
    }
    return null;
  }

  /** The allocations naming a resource id (a person's `allocs` is this same set). */
  private allocsFor(resourceId: string): Set<AllocRec> {
    let set = this.byResource.get(resourceId);
    if (!set) this.byResource.set(resourceId, (set = new Set()));
    return set;
  }

  private link(rec: AllocRec): void {
    if (rec.resourceId !== null) this.allocsFor(rec.resourceId).add(rec);
    else if (rec.roleId !== null) this.roles.get(rec.roleId)?.unassigned.add(rec);
  }

  private unlink(rec: AllocRec): void {
    if (rec.resourceId !== null) this.byResource.get(rec.resourceId)?.delete(rec);
    else if (rec.roleId !== null) this.roles.get(rec.roleId)?.unassigned.delete(rec);
  }

  /** Hours of an allocation in week w (w0 ≤ w ≤ w1): part 0 before the week's month cut, part 1 from it. */
  private partHours(rec: AllocRec, w: number, part: 0 | 1): number {
    const cal = this.cal;
    const cut = cal.cut[w]!;
    if (w !== rec.w0 && w !== rec.w1) return prorate(rec.rate, part === 0 ? cal.headDays[w]! : cal.weekDays[w]! - cal.headDays[w]!);
    if (part === 1 && cut === 7) return 0;
    const monday = cal.base + 7 * w;
    const lo = part === 0 ? monday : monday + cut;
    const hi = part === 0 ? monday + cut - 1 : monday + 6;
    const a = rec.d0 > lo ? rec.d0 : lo;
    const b = rec.d1 < hi ? rec.d1 : hi;
    return b < a ? 0 : prorate(rec.rate, cal.prefix[b - cal.base + 1]! - cal.prefix[a - cal.base]!);
  }

  /** into[2w + part] += sign × hours of the allocation in week w, for its weeks only. */
  private addHours(rec: AllocRec, into: Float64Array, sign: 1 | -1): void {
    const { w0, w1, rate } = rec;
    if (w1 < w0) return;
    const cal = this.cal;
    this.addEdge(rec, into, w0, sign);
    if (w1 > w0) this.addEdge(rec, into, w1, sign);
    const days = cal.weekDays;
    const head = cal.headDays;
    for (let w = w0 + 1; w < w1; w++) {
      into[2 * w]! += sign * prorate(rate, head[w]!);
      if (head[w] !== days[w]) into[2 * w + 1]! += sign * prorate(rate, days[w]! - head[w]!);
    }
  }

  private addEdge(rec: AllocRec, into: Float64Array, w: number, sign: 1 | -1): void {
    into[2 * w]! += sign * this.partHours(rec, w, 0);
    if (this.cal.cut[w]! < 7) into[2 * w + 1]! += sign * this.partHours(rec, w, 1);
  }

  /** Adds (sign 1) or removes (−1) a person's sums to their role and team rows. */
  private addPerson(p: Person, sign: 1 | -1): void {
    const role = p.resource.roleId === null ? undefined : this.roles.get(p.resource.roleId);
    if (role) addSums(role, p, sign);
    let team = this.teams.get(p.resource.team);
    if (!team) this.teams.set(p.resource.team, (team = sums(this.n)));
    addSums(team, p, sign);
  }

  private fillCapacity(r: Resource, out: Float64Array): void {
    out.fill(0);
    const cal = this.cal;
    const ps = Math.max(r.start ? toDayNumber(r.start) : -Infinity, cal.base);
    const pe = Math.min(r.end ? toDayNumber(r.end) : Infinity, this.lastDay);
    if (pe < ps) return;
    const hours = r.capacityHoursPerWeek;
    // Day by day when the person's calendar has exceptions (shared/calendar says what each does).
    const daily = personDailyHours(r, ps, pe, (d) => cal.working[d - cal.base] === 1);
    if (daily) {
      for (let d = ps; d <= pe; d++) {
        const i = d - cal.base;
        const w = Math.floor(i / 7);
        out[2 * w + (i - 7 * w >= cal.cut[w]! ? 1 : 0)]! += daily[d - ps]!;
      }
      return;
    }
    const w0 = Math.floor((ps - cal.base) / 7);
    const w1 = Math.floor((pe - cal.base) / 7);
    for (let w = w0; w <= w1; w++) {
      const monday = cal.base + 7 * w;
      const cutDay = monday + cal.cut[w]!;
      const a = Math.max(ps, monday);
      const b = Math.min(pe, monday + 6);
      out[2 * w] = prorate(hours, cal.workingDays(a, Math.min(b, cutDay - 1)));
      out[2 * w + 1] = prorate(hours, cal.workingDays(Math.max(a, cutDay), b));
    }
  }

  // ---- reading

  private pick(firm: Float64Array, tent: Float64Array, mode: TentativeMode): Float64Array {
    if (mode === 'exclude') return firm;
    if (mode === 'only') return tent;
    const out = new Float64Array(2 * this.n);
    for (let i = 0; i < out.length; i++) out[i] = firm[i]! + tent[i]!;
    return out;
  }

  /** Two-part weekly values rolled up to a grain (a fresh array either way). */
  private roll(parts: Float64Array, grain: Grain): Float64Array {
    if (grain === 'week') {
      const out = new Float64Array(this.n);
      for (let w = 0; w < this.n; w++) out[w] = parts[2 * w]! + parts[2 * w + 1]!;
      return out;
    }
    const r = this.cal.rollup(grain);
    const out = new Float64Array(r.periods.label.length);
    for (let w = 0; w < this.n; w++) {
      const head = parts[2 * w]!;
      const tail = parts[2 * w + 1]!;
      const second = r.second[w]!;
      if (second < 0) out[r.first[w]!]! += head + tail;
      else {
        out[r.first[w]!]! += head;
        out[second]! += tail;
      }
    }
    return out;
  }

  private row(key: string, kind: CapacityRow['kind'], label: string, children: string[], s: { capacity: Float64Array | null; firm: Float64Array; tent: Float64Array }, grain: Grain, mode: TentativeMode): CapacityRow {
    return {
      key,
      kind,
      label,
      children,
      capacity: s.capacity ? this.roll(s.capacity, grain) : new Float64Array(this.periods(grain).label.length),
      demand: this.roll(this.pick(s.firm, s.tent, mode), grain),
      tentative: this.roll(s.tent, grain),
    };
  }

  /** A row from the cache of its grain and mode, or rolled up (and kept) when not there. */
  private cachedRow(key: string, cache: Map<string, CapacityRow>, make: () => CapacityRow): CapacityRow {
    let row = cache.get(key);
    if (!row) cache.set(key, (row = make()));
    return row;
  }

  rows(kind: 'person' | 'role' | 'team', grain: Grain, mode: TentativeMode): CapacityRow[] {
    const out: CapacityRow[] = [];
    const ck = `${grain}|${mode}`;
    let cache = this.rowCache.get(ck);
    if (!cache) this.rowCache.set(ck, (cache = new Map()));
    if (kind === 'person') {
      for (const p of this.people.values()) {
        const key = `person:${p.resource.id}`;
        out.push(this.cachedRow(key, cache, () => this.row(key, 'person', p.resource.name, [], p, grain, mode)));
      }
    } else if (kind === 'role') {
      const members = new Map<string, string[]>();
      for (const p of this.people.values()) {
        const roleId = p.resource.roleId;
        if (roleId !== null && this.roles.has(roleId)) (members.get(roleId) ?? members.set(roleId, []).get(roleId)!).push(`person:${p.resource.id}`);
      }
      for (const r of this.roles.values()) {
        const children = members.get(r.role.id) ?? [];
        const hasUnassigned = r.unassigned.size > 0;
        if (hasUnassigned) children.push(`unassigned-role:${r.role.id}`);
        const key = `role:${r.role.id}`;
        out.push(this.cachedRow(key, cache, () => this.row(key, 'role', r.role.name, children, r, grain, mode)));
        const un = `unassigned-role:${r.role.id}`;
        if (hasUnassigned) out.push(this.cachedRow(un, cache, () => this.row(un, 'role', `${r.role.name} (unassigned)`, [], { capacity: null, firm: r.unFirm, tent: r.unTent }, grain, mode)));
      }
    } else {
      const members = new Map<string, string[]>();
      for (const p of this.people.values()) (members.get(p.resource.team) ?? members.set(p.resource.team, []).get(p.resource.team)!).push(`person:${p.resource.id}`);
      for (const [name, t] of this.teams) {
        const children = members.get(name);
        const key = `team:${name}`;
        if (children) out.push(this.cachedRow(key, cache, () => this.row(key, 'team', name || 'No team', children, t, grain, mode)));
      }
    }
    return out;
  }

  /** The allocations behind a row. */
  private allocationsOf(key: string): AllocRec[] {
    const colon = key.indexOf(':');
    const kind = key.slice(0, colon);
    const id = key.slice(colon + 1);
    const out: AllocRec[] = [];
    if (kind === 'person') out.push(...(this.people.get(id)?.allocs ?? []));
    else if (kind === 'unassigned-role') out.push(...(this.roles.get(id)?.unassigned ?? []));
    else if (kind === 'role') {
      const role = this.roles.get(id);
      if (!role) return out;
      for (const p of this.people.values()) if (p.resource.roleId === id) out.push(...p.allocs);
      out.push(...role.unassigned);
    } else if (kind === 'team') {
      for (const p of this.people.values()) if (p.resource.team === id) out.push(...p.allocs);
    }
    return out;
  }

  /** Calls back with (period, hours) for each period of the grain the allocation has hours in. */
  private eachPeriod(rec: AllocRec, grain: Grain, fn: (period: number, hours: number) => void): void {
    const r = grain === 'week' ? null : this.cal.rollup(grain);
    for (let w = rec.w0; w <= rec.w1; w++) {
      const head = this.partHours(rec, w, 0);
      const tail = this.partHours(rec, w, 1);
      if (!r) {
        if (head + tail !== 0) fn(w, head + tail);
      } else if (r.second[w]! < 0) {
        if (head + tail !== 0) fn(r.first[w]!, head + tail);
      } else {
        if (head !== 0) fn(r.first[w]!, head);
        if (tail !== 0) fn(r.second[w]!, tail);
      }
    }
  }

  private hoursIn(rec: AllocRec, grain: Grain, period: number, r: Rollup | null): number {
    if (grain === 'week' || !r) return period >= rec.w0 && period <= rec.w1 ? this.partHours(rec, period, 0) + this.partHours(rec, period, 1) : 0;
    let sum = 0;
    const from = Math.max(rec.w0, r.weekFrom[period]!);
    const to = Math.min(rec.w1, r.weekTo[period]!);
    for (let w = from; w <= to; w++) {
      if (r.first[w] === period) sum += this.partHours(rec, w, 0) + (r.second[w]! < 0 ? this.partHours(rec, w, 1) : 0);
      else if (r.second[w] === period) sum += this.partHours(rec, w, 1);
    }
    return sum;
  }

  contributions(key: string, grain: Grain, period: number, mode: TentativeMode): Contribution[] {
    const r = grain === 'week' ? null : this.cal.rollup(grain);
    const out: Contribution[] = [];
    for (const rec of this.allocationsOf(key)) {
      if ((mode === 'exclude' && rec.tentative) || (mode === 'only' && !rec.tentative)) continue;
      const hours = this.hoursIn(rec, grain, period, r);
      if (hours !== 0) out.push({ projectId: rec.projectId, allocationId: rec.id, hours, tentative: rec.tentative });
    }
    return out;
  }

  overloadCells(kind: 'person' | 'role', grain: Grain, mode: TentativeMode): OverloadCell[] {
    const labels = this.periods(grain).label;
    const out: OverloadCell[] = [];
    // Counts and hours only: a scan of each row's periods. Projects come later, on demand.
    for (const row of this.rows(kind, grain, mode)) {
      if (row.key.startsWith('unassigned-role:')) continue;
      const { demand: d, capacity: c } = row;
      for (let p = 0; p < d.length; p++) {
        const demand = d[p]!;
        const capacity = c[p]!;
        if (!(demand > capacity + EPSILON)) continue;
        out.push({ key: row.key, label: row.label, kind: row.kind, period: p, periodLabel: labels[p]!, demand, capacity, utilisation: capacity === 0 ? Infinity : demand / capacity, over: demand - capacity });
      }
    }
    return out;
  }

  overloadProjects(key: string, grain: Grain, mode: TentativeMode, periods: readonly number[]): Map<number, { projectId: string; hours: number }[]> {
    // One pass over the row's allocations gives every asked period its projects.
    const byPeriod = new Map<number, Map<string, number>>(periods.map((p) => [p, new Map()]));
    for (const rec of this.allocationsOf(key)) {
      if ((mode === 'exclude' && rec.tentative) || (mode === 'only' && !rec.tentative)) continue;
      this.eachPeriod(rec, grain, (p, h) => {
        const m = byPeriod.get(p);
        if (m) m.set(rec.projectId, (m.get(rec.projectId) ?? 0) + h);
      });
    }
    const out = new Map<number, { projectId: string; hours: number }[]>();
    for (const [p, m] of byPeriod) out.set(p, [...m].map(([projectId, hours]) => ({ projectId, hours })).sort((a, b) => b.hours - a.hours || (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0)));
    return out;
  }

  overloads(kind: 'person' | 'role', grain: Grain, mode: TentativeMode): Overload[] {
    return withOverloadProjects(this, this.overloadCells(kind, grain, mode), grain, mode);
  }

  // ---- incremental updates

  update(change: CapacityChange): string[] {
    const keys = new Set<string>();
    if (change.allocation) this.updateAllocation(change.allocation, keys);
    if (change.resource) this.updateResource(change.resource, keys);
    // A role's or team's children change with the rows that update() names, so dropping those is enough.
    for (const cache of this.rowCache.values()) for (const k of keys) cache.delete(k);
    return [...keys];
  }

  /** Keys of the rows an allocation's demand shows in. */
  private keysOf(rec: AllocRec, keys: Set<string>): void {
    if (rec.resourceId !== null) {
      const p = this.people.get(rec.resourceId);
      if (!p) return;
      keys.add(`person:${p.resource.id}`);
      if (p.resource.roleId !== null && this.roles.has(p.resource.roleId)) keys.add(`role:${p.resource.roleId}`);
      keys.add(`team:${p.resource.team}`);
    } else if (rec.roleId !== null && this.roles.has(rec.roleId)) {
      keys.add(`role:${rec.roleId}`);
      keys.add(`unassigned-role:${rec.roleId}`);
    }
  }

  /** Adds (1) or removes (−1) an allocation's hours on its person or role and the rows above. */
  private apply(rec: AllocRec, sign: 1 | -1): void {
    if (rec.resourceId !== null) {
      const p = this.people.get(rec.resourceId);
      if (!p) return;
      this.addHours(rec, rec.tentative ? p.tent : p.firm, sign);
      const role = p.resource.roleId === null ? undefined : this.roles.get(p.resource.roleId);
      if (role) this.addHours(rec, rec.tentative ? role.tent : role.firm, sign);
      const team = this.teams.get(p.resource.team);
      if (team) this.addHours(rec, rec.tentative ? team.tent : team.firm, sign);
    } else if (rec.roleId !== null) {
      const role = this.roles.get(rec.roleId);
      if (!role) return;
      this.addHours(rec, rec.tentative ? role.unTent : role.unFirm, sign);
      this.addHours(rec, rec.tentative ? role.tent : role.firm, sign);
    }
  }

  private updateAllocation(change: { before?: Allocation; after?: Allocation }, keys: Set<string>): void {
    const id = change.before?.id ?? change.after?.id;
    if (id === undefined) return;
    const old = this.allocs.get(id);
    if (old) {
      this.keysOf(old, keys);
      this.apply(old, -1);
      this.unlink(old);
      this.allocs.delete(id);
    }
    if (change.after) {
      const rec = this.record(change.after);
      this.allocs.set(rec.id, rec);
      this.link(rec);
      this.apply(rec, 1);
      this.keysOf(rec, keys);
    }
  }

  private updateResource(change: { before?: Resource; after?: Resource }, keys: Set<string>): void {
    const id = change.before?.id ?? change.after?.id;
    if (id === undefined) return;
    const old = this.people.get(id);
    if (old) {
      keys.add(`person:${id}`);
      if (old.resource.roleId !== null && this.roles.has(old.resource.roleId)) keys.add(`role:${old.resource.roleId}`);
      keys.add(`team:${old.resource.team}`);
      this.addPerson(old, -1);
      if (!change.after) {
        this.people.delete(id); // its allocations now count nowhere; byResource keeps them for a return
        return;
      }
    }
    const r = change.after!;
    const p: Person = old ?? { ...sums(this.n), resource: r, allocs: this.allocsFor(id) };
    p.resource = r;
    this.fillCapacity(r, p.capacity);
    if (!old) {
      for (const rec of p.allocs) this.addHours(rec, rec.tentative ? p.tent : p.firm, 1);
      this.people.set(id, p);
    }
    this.addPerson(p, 1);
    keys.add(`person:${id}`);
    if (r.roleId !== null && this.roles.has(r.roleId)) keys.add(`role:${r.roleId}`);
    keys.add(`team:${r.team}`);
  }
}

/**
 * Overloads from cells (e.g. found in a worker) with `projects` read lazily from `model`: the
 * first read of any entry works out the projects of all that row's entries in one pass.
 */
export function withOverloadProjects(model: Pick<CapacityModel, 'overloadProjects'>, cells: readonly OverloadCell[], grain: Grain, mode: TentativeMode): Overload[] {
  const source: ProjectSource = { model, grain, mode, periods: null, cache: new Map(), cells };
  return cells.map((c) => new LazyOverload(c, source));
}

interface ProjectSource {
  model: Pick<CapacityModel, 'overloadProjects'>;
  grain: Grain;
  mode: TentativeMode;
  cells: readonly OverloadCell[];
  /** Overloaded periods by row key, gathered on the first read. */
  periods: Map<string, number[]> | null;
  cache: Map<string, Map<number, { projectId: string; hours: number }[]>>;
}

/** An overload whose `projects` (a prototype getter, so cheap to make by the hundred thousand) is worked out when read. */
class LazyOverload implements Overload {
  key: string;
  label: string;
  kind: CapacityRow['kind'];
  period: number;
  periodLabel: string;
  demand: number;
  capacity: number;
  utilisation: number;
  over: number;
  #source: ProjectSource;
  constructor(c: OverloadCell, source: ProjectSource) {
    this.key = c.key;
    this.label = c.label;
    this.kind = c.kind;
    this.period = c.period;
    this.periodLabel = c.periodLabel;
    this.demand = c.demand;
    this.capacity = c.capacity;
    this.utilisation = c.utilisation;
    this.over = c.over;
    this.#source = source;
  }
  get projects(): { projectId: string; hours: number }[] {
    const s = this.#source;
    let m = s.cache.get(this.key);
    if (!m) {
      if (!s.periods) {
        s.periods = new Map();
        for (const c of s.cells) (s.periods.get(c.key) ?? s.periods.set(c.key, []).get(c.key)!).push(c.period);
      }
      m = s.model.overloadProjects(this.key, s.grain, s.mode, s.periods.get(this.key) ?? [this.period]);
      s.cache.set(this.key, m);
    }
    return m.get(this.period) ?? [];
  }
}

function addInto(into: Float64Array, from: Float64Array, sign: 1 | -1): void {
  for (let i = 0; i < into.length; i++) into[i]! += sign * from[i]!;
}

function addSums(into: Sums, from: Sums, sign: 1 | -1): void {
  addInto(into.capacity, from.capacity, sign);
  addInto(into.firm, from.firm, sign);
  addInto(into.tent, from.tent, sign);
}
