// Staffs the sample portfolio week by week, booking people only up to 80 % so the only ones over 100 % are those PINNED on purpose.
import type { Stage } from '../model/schemas';
import type { Priority, ProjectKind, RoleKey, Size } from './demo-catalogue';

/** Headroom kept by the planner: nobody is booked by it beyond this share of their capacity. */
export const PLANNING_CEILING = 0.8;

export interface StaffPerson {
  name: string;
  role: RoleKey;
  /** Capacity per week index (0 outside employment or on leave). */
  capacity: number[];
  employed: boolean[];
  onLeave: boolean[];
}

export interface StaffProject {
  code: string;
  stage: Stage;
  priority: Priority;
  kind: ProjectKind;
  size: Size;
  /** Week indices of the whole plan (may fall outside the window). */
  firstWeek: number;
  lastWeek: number;
  /** Last week any work happens (the week before a pause or a stop), or lastWeek. */
  workUntilWeek: number;
  /** A delivery partner builds it, so there is no internal developer demand. */
  supplierLed: boolean;
}

export interface StaffPin {
  person: string;
  project: string;
  hours: number;
  fromWeek: number;
  toWeek: number;
  extra: boolean;
  note: string;
}

export interface Booking {
  project: string;
  role: RoleKey;
  /** Index into the people list, or null for demand not yet named. */
  person: number | null;
  fromWeek: number;
  toWeek: number;
  unit: 'hours-per-week' | 'fte-percent';
  amount: number;
  tentative: boolean;
  note: string;
}

interface RoleShape {
  from: number;
  to: number;
  hours: Record<Size, number>;
  /** Parallel lines (two developers on a large project). */
  lines?: Partial<Record<Size, number>>;
}

const SHAPES: Record<RoleKey, RoleShape> = {
  PM: { from: 0, to: 1, hours: { S: 4, M: 6, L: 8 } },
  SA: { from: 0, to: 0.45, hours: { S: 3, M: 5, L: 6 } },
  BA: { from: 0, to: 0.55, hours: { S: 7.5, M: 12, L: 15 } },
  DEV: { from: 0.25, to: 0.85, hours: { S: 15, M: 22.5, L: 22.5 }, lines: { L: 2 } },
  QA: { from: 0.5, to: 0.95, hours: { S: 7.5, M: 12, L: 15 } },
  CM: { from: 0.55, to: 1, hours: { S: 4, M: 6, L: 8 } },
};

const ROLES_BY_KIND: Record<ProjectKind, RoleKey[]> = {
  software: ['PM', 'SA', 'BA', 'DEV', 'QA', 'CM'],
  infra: ['PM', 'SA', 'DEV', 'QA', 'CM'],
  data: ['PM', 'SA', 'BA', 'DEV', 'QA'],
  compliance: ['PM', 'BA', 'QA', 'CM'],
  change: ['PM', 'BA', 'CM'],
};

// Work already under way is staffed first, then commitments, then what is only proposed.
const STAGE_ORDER: Record<Stage, number> = { closed: 0, cancelled: 0, 'in-progress': 0, 'on-hold': 0, approved: 1, proposed: 2, idea: 3 };
const PRIORITY_ORDER: Record<Priority, number> = { critical: 0, high: 1, medium: 2, low: 3 };
/** Phases are re-staffed every quarter or so, as resource managers do. */
const PHASE_WEEKS = 13;
/** Approved projects name people only for work starting within this many weeks. */
const NAMING_HORIZON_WEEKS = 16;

interface Line {
  project: StaffProject;
  role: RoleKey;
  hours: number;
  from: number;
  to: number;
}

export interface StaffingResult {
  bookings: Booking[];
  /** The person who first manages each project in the window, by project code. */
  managers: Map<string, string>;
}

export function staffPortfolio(opts: {
  people: StaffPerson[];
  projects: StaffProject[];
  pins: readonly StaffPin[];
  weeks: number;
  thisWeek: number;
  random: () => number;
}): StaffingResult {
  const { people, projects, weeks, thisWeek, random } = opts;
  const load = people.map(() => new Array<number>(weeks).fill(0));
  const bookings: Booking[] = [];
  const managers = new Map<string, string>();
  const personIndex = new Map(people.map((p, i) => [p.name, i]));
  const byCode = new Map(projects.map((p) => [p.code, p]));
  /** Profile lines a pinned booking stands in for: "code|role" → how many. */
  const replaced = new Map<string, number>();

  const book = (b: Omit<Booking, 'fromWeek' | 'toWeek'>, from: number, to: number) => {
    if (b.person === null) {
      bookings.push({ ...b, fromWeek: from, toWeek: to });
      return;
    }
    const person = people[b.person]!;
    // One booking per stretch between leave weeks: demand is not planned onto leave.
    let start = -1;
    for (let w = from; w <= to + 1; w++) {
      const working = w <= to && !person.onLeave[w];
      if (working && start < 0) start = w;
      if (!working && start >= 0) {
        bookings.push({ ...b, fromWeek: start, toWeek: w - 1 });
        start = -1;
      }
      if (w <= to && working) load[b.person]![w]! += b.amount;
    }
  };

  for (const pin of opts.pins) {
    const i = personIndex.get(pin.person);
    const project = byCode.get(pin.project);
    if (i === undefined || !project) throw new Error(`Unknown pinned booking ${pin.person} / ${pin.project}`);
    const person = people[i]!;
    const from = Math.max(0, pin.fromWeek + thisWeek);
    const to = pin.toWeek + thisWeek;
    if (from < project.firstWeek || to > project.workUntilWeek || to >= weeks) throw new Error(`Pinned booking ${pin.person} / ${pin.project} is outside the project`);
    for (let w = from; w <= to; w++) if (!person.employed[w]) throw new Error(`Pinned booking ${pin.person} / ${pin.project} is outside employment`);
    book({ project: pin.project, role: person.role, person: i, unit: 'hours-per-week', amount: pin.hours, tentative: false, note: pin.note }, from, to);
    if (!pin.extra) {
      const key = `${pin.project}|${person.role}`;
      replaced.set(key, (replaced.get(key) ?? 0) + 1);
    }
  }

  const ordered = [...projects].sort(
    (a, b) => STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage] || PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || a.code.localeCompare(b.code),
  );
  for (const project of ordered) {
    for (const line of profileLines(project, replaced)) {
      const from = Math.max(0, line.from);
      const to = Math.min(weeks - 1, line.to, project.workUntilWeek);
      if (from > to) continue;
      let previous: number | null = null;
      for (const [pf, pt] of phases(from, to)) {
        const tentative = project.stage === 'proposed' || project.stage === 'idea';
        if (project.stage === 'idea') {
          // Ideas carry only a rough share of an FTE, by role: nobody is named this early.
          const pct = Math.max(10, Math.round((line.hours / 37.5) * 10) * 10);
          book({ project: project.code, role: line.role, person: null, unit: 'fte-percent', amount: pct, tentative, note: 'Rough estimate from the idea form' }, pf, pt);
          continue;
        }
        // Whoever holds a line keeps it into later phases; new work far ahead waits to be named.
        const nameable: boolean =
          previous !== null ||
          (project.stage === 'proposed' ? line.role === 'PM' || line.role === 'BA' || line.role === 'SA' : project.stage !== 'approved' || pf <= thisWeek + NAMING_HORIZON_WEEKS);
        const who: number | null = nameable ? pickPerson(people, load, line, pf, pt, previous, random) : null;
        if (who === null) {
          // Past gaps were filled by contractors outside the pool; only open demand is shown.
          if (pt < thisWeek && !tentative) continue;
          book({ project: project.code, role: line.role, person: null, unit: 'hours-per-week', amount: line.hours, tentative, note: nameable ? 'No one free: request raised with the resource manager' : 'To be named nearer the start' }, pf, pt);
          continue;
        }
        previous = who;
        if (line.role === 'PM' && !managers.has(project.code)) managers.set(project.code, people[who]!.name);
        book({ project: project.code, role: line.role, person: who, unit: 'hours-per-week', amount: line.hours, tentative, note: tentative ? 'Tentative until the business case is approved' : '' }, pf, pt);
      }
    }
  }
  return { bookings, managers };
}

function profileLines(project: StaffProject, replaced: Map<string, number>): Line[] {
  const out: Line[] = [];
  const span = project.lastWeek - project.firstWeek + 1;
  let roles = ROLES_BY_KIND[project.kind];
  if (project.stage === 'idea') roles = roles.filter((r) => r === 'BA' || r === 'SA');
  if (project.supplierLed) roles = roles.filter((r) => r !== 'DEV');
  for (const role of roles) {
    const shape = SHAPES[role];
    const from = project.firstWeek + Math.floor(shape.from * span);
    const to = project.firstWeek + Math.max(0, Math.ceil(shape.to * span) - 1);
    const count = (shape.lines?.[project.size] ?? 1) - (replaced.get(`${project.code}|${role}`) ?? 0);
    for (let i = 0; i < count; i++) out.push({ project, role, hours: shape.hours[project.size], from, to });
  }
  return out;
}

/** Quarter-sized phases; a short tail joins the phase before it. */
function phases(from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  for (let s = from; s <= to; s += PHASE_WEEKS) out.push([s, Math.min(to, s + PHASE_WEEKS - 1)]);
  const last = out[out.length - 1];
  const before = out[out.length - 2];
  if (last && before && last[1] - last[0] < 3) {
    before[1] = last[1];
    out.pop();
  }
  return out;
}

function pickPerson(people: StaffPerson[], load: number[][], line: Line, from: number, to: number, previous: number | null, random: () => number): number | null {
  const candidates: { i: number; peak: number; tie: number }[] = [];
  for (let i = 0; i < people.length; i++) {
    const p = people[i]!;
    if (p.role !== line.role) continue;
    let fits = true;
    let working = 0;
    let peak = 0;
    for (let w = from; w <= to && fits; w++) {
      if (!p.employed[w]) fits = false;
      else if (!p.onLeave[w]) {
        working++;
        const after = load[i]![w]! + line.hours;
        if (after > PLANNING_CEILING * p.capacity[w]! + 1e-9) fits = false;
        peak = Math.max(peak, after / p.capacity[w]!);
      }
    }
    if (fits && working > 0) candidates.push({ i, peak: i === previous ? -1 : peak, tie: random() });
  }
  candidates.sort((a, b) => a.peak - b.peak || a.tie - b.tie);
  return candidates[0]?.i ?? null;
}
