// Large synthetic workbooks for tests and benchmarks (10,000 projects, 200,000 allocations): valid, deterministic and fast.
import type { Allocation, Dependency, Milestone, Objective, Programme, Project, Resource, Role, Stage } from '../model/schemas';
import { defaultSettings, emptyRecords, type WorkbookData } from '../model/workbook';
import { fromDayNumber, isIsoDate, toDayNumber, type IsoDate } from '../calendar';
import { createIdGenerator, seededRandom } from '../util/ids';

export interface ScaleOptions {
  projects: number;
  people: number;
  allocations: number;
  /** Default 2. */
  milestonesPerProject?: number;
  /** Default: one for every four projects. */
  dependencies?: number;
  seed?: number;
  today: IsoDate;
}

const FIRST = ['Alex', 'Amira', 'Ben', 'Carla', 'Chen', 'Dan', 'Dara', 'Ella', 'Femi', 'Gita', 'Hugo', 'Ines', 'Ivan', 'Jade', 'Jon', 'Kai', 'Lena', 'Luis', 'Maya', 'Nia', 'Omar', 'Pia', 'Raj', 'Rosa', 'Sam', 'Tara', 'Theo', 'Uma', 'Vik', 'Zoe'];
const LAST = ['Adams', 'Baker', 'Clark', 'Diaz', 'Evans', 'Ford', 'Gray', 'Hill', 'Ito', 'Jones', 'Khan', 'Lee', 'Moore', 'Nash', 'Owen', 'Patel', 'Quinn', 'Reid', 'Shaw', 'Tan', 'Underwood', 'Vance', 'Wood', 'Young', 'Zhang'];
const ROLE_NAMES = ['Project manager', 'Business analyst', 'Solution architect', 'Developer', 'Test analyst', 'Change manager', 'Data engineer', 'Infrastructure engineer', 'Security analyst', 'Product owner', 'UX designer', 'Scrum master'];
const AREAS = ['Billing', 'Customer', 'Payroll', 'Warehouse', 'Fleet', 'Finance', 'HR', 'Network', 'Data', 'Identity', 'Portal', 'Mobile', 'Pricing', 'Procurement', 'Service desk', 'Reporting'];
const THINGS = ['platform', 'migration', 'upgrade', 'automation', 'replacement', 'rollout', 'consolidation', 'integration', 'redesign', 'decommission'];
const STARTED: readonly Stage[] = ['in-progress', 'on-hold', 'closed', 'cancelled'];
const HOURS = [4, 7.5, 8, 15, 18.75, 22.5];

function count(name: string, n: number | undefined, fallback: number): number {
  const v = n ?? fallback;
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be a whole number ≥ 0: ${v}`);
  return v;
}

/** `n` distinct pairs a < b of indices below `size`, in a seeded random order. */
function projectPairs(size: number, n: number, int: (n: number) => number): [number, number][] {
  const out: [number, number][] = [];
  if (n * 2 > (size * (size - 1)) / 2) {
    // Dense: list every pair and keep a random selection (rejection sampling would crawl).
    const all: [number, number][] = [];
    for (let a = 0; a < size; a++) for (let b = a + 1; b < size; b++) all.push([a, b]);
    for (let i = 0; i < n; i++) {
      const j = i + int(all.length - i);
      [all[i], all[j]] = [all[j]!, all[i]!];
      out.push(all[i]!);
    }
    return out;
  }
  const seen = new Set<number>();
  while (out.length < n) {
    let a = int(size);
    let b = int(size);
    if (a === b) continue;
    if (a > b) [a, b] = [b, a];
    const key = a * size + b;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([a, b]);
  }
  return out;
}

export function buildScaleWorkbook(opts: ScaleOptions): WorkbookData {
  if (!isIsoDate(opts.today)) throw new RangeError(`today must be a calendar date (YYYY-MM-DD): ${opts.today}`);
  const nProjects = count('projects', opts.projects, 0);
  const nPeople = count('people', opts.people, 0);
  const nAllocations = count('allocations', opts.allocations, 0);
  const perProject = count('milestonesPerProject', opts.milestonesPerProject, 2);
  const maxLinks = (nProjects * (nProjects - 1)) / 2;
  const nDependencies = Math.min(count('dependencies', opts.dependencies, Math.floor(nProjects / 4)), maxLinks);
  if (nAllocations > 0 && nProjects === 0) throw new RangeError('allocations need at least one project');
  const seed = opts.seed ?? 1;
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const todayDay = toDayNumber(opts.today);
  // A clock that stands still: the generator then counts up instead of drawing 16 random
  // characters per id, which is most of the build time at 200,000 allocations.
  const clock = todayDay * 86_400_000 + 9 * 3_600_000;
  const newId = createIdGenerator({ now: () => clock, random: seededRandom(seed ^ 0x5bd1e995) });

  // Date strings are built once per day number: 200,000 allocations reuse a few thousand days.
  const isoCache = new Map<number, IsoDate>();
  const iso = (day: number): IsoDate => {
    let s = isoCache.get(day);
    if (s === undefined) {
      s = fromDayNumber(day);
      isoCache.set(day, s);
    }
    return s;
  };

  const settings = defaultSettings(`Scale test: ${nProjects} projects`, { currency: 'GBP', locale: 'en-GB' });
  const records = emptyRecords();

  const nObjectives = nProjects === 0 ? 0 : Math.min(12, Math.max(2, Math.ceil(nProjects / 500)));
  for (let i = 0; i < nObjectives; i++) {
    const o: Objective = { id: newId(), code: `OBJ-${String(i + 1).padStart(2, '0')}`, name: `Objective ${i + 1}`, description: '', owner: '' };
    records.objective.push(o);
  }
  const nProgrammes = nProjects === 0 ? 0 : Math.max(1, Math.ceil(nProjects / 40));
  for (let i = 0; i < nProgrammes; i++) {
    const p: Programme = { id: newId(), code: `PGM-${String(i + 1).padStart(3, '0')}`, name: `${AREAS[i % AREAS.length]!} programme ${Math.floor(i / AREAS.length) + 1}`, description: '', sponsor: '', manager: '' };
    records.programme.push(p);
  }
  // Roles exist whenever there is demand, so role-only allocations work even with no people.
  const nRoles = nPeople === 0 && nAllocations === 0 ? 0 : Math.min(40, Math.max(3, Math.ceil(nPeople / 80)));
  for (let i = 0; i < nRoles; i++) {
    const r: Role = { id: newId(), name: ROLE_NAMES[i] ?? `Specialist ${i + 1}`, description: '' };
    records.role.push(r);
  }

  const teams = Math.max(1, Math.ceil(nPeople / 12));
  for (let i = 0; i < nPeople; i++) {
    const combos = FIRST.length * LAST.length;
    const round = Math.floor(i / combos);
    const name = `${FIRST[i % FIRST.length]!} ${LAST[Math.floor(i / FIRST.length) % LAST.length]!}${round > 0 ? ` ${round + 1}` : ''}`;
    const r: Resource = {
      id: newId(),
      name,
      roleId: records.role[i % nRoles]!.id,
      team: `Team ${(i % teams) + 1}`,
      email: '',
      capacityHoursPerWeek: i % 10 === 0 ? 22.5 : 37.5,
      start: null,
      end: null,
      exceptions: [],
    };
    records.resource.push(r);
  }

  const codeWidth = Math.max(3, String(nProjects).length);
  const spans: { start: number; finish: number; tentative: boolean }[] = [];
  for (let i = 0; i < nProjects; i++) {
    const start = todayDay - 540 + int(900);
    const finish = start + 30 + int(690);
    let stage: Stage;
    if (finish < todayDay) stage = random() < 0.9 ? 'closed' : 'cancelled';
    else if (start > todayDay) stage = (['idea', 'proposed', 'approved'] as const)[int(3)]!;
    else stage = random() < 0.92 ? 'in-progress' : 'on-hold';
    const baselined = stage !== 'idea' && stage !== 'proposed';
    const slip = baselined && random() < 0.3 ? Math.min(finish - start, 7 + int(60)) : 0;
    const elapsed = Math.min(1, Math.max(0, (todayDay - start) / (finish - start)));
    const percent = stage === 'closed' ? 100 : stage === 'idea' || stage === 'proposed' ? null : Math.round(elapsed * 100);
    const budget = (50 + int(4950)) * 100_000;
    const forecast = baselined ? Math.round((budget * (0.9 + random() * 0.3)) / 100_000) * 100_000 : null;
    const actual = forecast === null ? null : Math.round((forecast * (percent ?? 0)) / 100);
    const p: Project = {
      id: newId(),
      code: `PRJ-${String(i + 1).padStart(codeWidth, '0')}`,
      name: `${AREAS[int(AREAS.length)]!} ${THINGS[int(THINGS.length)]!}`,
      description: '',
      programmeId: records.programme[i % nProgrammes]!.id,
      objectiveIds: [records.objective[i % nObjectives]!.id],
      sponsor: '',
      manager: nPeople > 0 ? records.resource[int(nPeople)]!.name : '',
      businessUnit: '',
      stage,
      priority: (['critical', 'high', 'medium', 'low'] as const)[int(4)]!,
      scores: {},
      start: iso(start),
      finish: iso(finish),
      baselineStart: baselined ? iso(start) : null,
      baselineFinish: baselined ? iso(finish - slip) : null,
      actualStart: STARTED.includes(stage) ? iso(start) : null,
      actualFinish: stage === 'closed' ? iso(finish) : null,
      percentComplete: percent,
      budget,
      actualCost: actual,
      forecastCost: forecast,
      benefits: [],
      rag: { overall: null, schedule: null, cost: null, scope: null, resources: null },
      statusNarrative: '',
      tags: [],
      custom: {},
      archived: false,
    };
    records.project.push(p);
    spans.push({ start, finish, tentative: stage === 'idea' || stage === 'proposed' });
    for (let m = 0; m < perProject; m++) {
      const day = start + Math.round(((m + 1) / perProject) * (finish - start));
      const past = day < todayDay;
      const ms: Milestone = {
        id: newId(),
        projectId: p.id,
        name: `Milestone ${m + 1}`,
        description: '',
        baselineDate: baselined ? iso(day - Math.round((slip * (m + 1)) / perProject)) : null,
        forecastDate: iso(day),
        actualDate: past && STARTED.includes(stage) ? iso(day) : null,
        order: m,
      };
      records.milestone.push(ms);
    }
  }

  // Links always run from a lower project index to a higher one, so no cycle can form.
  for (const [a, b] of projectPairs(nProjects, nDependencies, int)) {
    const viaMilestones = perProject > 0 && random() < 0.3;
    const d: Dependency = {
      id: newId(),
      predecessorKind: viaMilestones ? 'milestone' : 'project',
      predecessorId: viaMilestones ? records.milestone[a * perProject + perProject - 1]!.id : records.project[a]!.id,
      successorKind: viaMilestones ? 'milestone' : 'project',
      successorId: viaMilestones ? records.milestone[b * perProject]!.id : records.project[b]!.id,
      type: (['FS', 'FS', 'FS', 'SS', 'FF'] as const)[int(5)]!,
      lagDays: random() < 0.7 ? 0 : int(30),
      note: '',
    };
    records.dependency.push(d);
  }

  for (let k = 0; k < nAllocations; k++) {
    const pi = int(nProjects);
    const span = spans[pi]!;
    const length = span.finish - span.start;
    const from = span.start + int(length + 1);
    const to = from + int(span.finish - from + 1);
    const named = nPeople > 0 && random() < 0.9;
    const person = named ? records.resource[int(nPeople)]! : null;
    const a: Allocation = {
      id: newId(),
      projectId: records.project[pi]!.id,
      roleId: person ? person.roleId : records.role[int(nRoles)]!.id,
      resourceId: person ? person.id : null,
      start: iso(from),
      end: iso(to),
      amount: HOURS[int(HOURS.length)]!,
      unit: 'hours-per-week',
      tentative: span.tentative,
      note: '',
    };
    records.allocation.push(a);
  }

  return { id: newId(), settings, records };
}
