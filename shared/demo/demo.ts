// The sample portfolio a new user or a consultant opens first: believable, dated around "today", deterministic per seed.
import type {
  Allocation,
  Baseline,
  CustomFieldDef,
  Decision,
  Dependency,
  Lesson,
  Milestone,
  Objective,
  Programme,
  Project,
  RaidItem,
  Rag,
  Resource,
  Role,
  Stage,
  StatusReport,
} from '../model/schemas';
import { defaultSettings, emptyRecords, type WorkbookData } from '../model/workbook';
import { addDays, addMonths, diffDays, fromParts, isIsoDate, isoWeekday, startOfIsoWeek, toDayNumber, type IsoDate } from '../calendar';
import { createIdGenerator, seededRandom } from '../util/ids';
import type { Money } from '../util/money';
import {
  DEPENDENCIES,
  MILESTONE_TEMPLATES,
  OBJECTIVES,
  PARTNERS,
  PEOPLE,
  PINNED,
  PROGRAMMES,
  PROJECTS,
  ROLES,
  SPONSORS,
  type Level,
  type ObjectiveKey,
  type ProgrammeKey,
  type ProjectSpec,
  type RoleKey,
} from './demo-catalogue';
import { staffPortfolio, type StaffPerson, type StaffProject } from './demo-staffing';
import { ASSUMPTIONS, ISSUES, RISKS, formatDay, pausedNarrative, pick, statusNarrative, type RaidTemplate } from './demo-text';
import { bankHolidaysBetween } from './uk-bank-holidays';

export interface DemoOptions {
  today: IsoDate;
  seed?: number;
}

export const DEMO_WORKBOOK_NAME = 'Northwind Portfolio (sample)';
export const DEMO_DEFAULT_SEED = 20_240_401;
/** Weeks of allocations before and after the week of "today". */
export const DEMO_WEEKS_BEFORE = 26;
export const DEMO_WEEKS_AFTER = 52;

/** The people the demo over-allocates on purpose (everyone else stays at or under 80 %). */
export const DEMO_OVERLOADED_RESOURCE_NAMES: readonly string[] = [...new Set(PINNED.filter((p) => p.extra).map((p) => p.person))];

export interface DemoOverload {
  resourceName: string;
  /** Monday of the first over-allocated ISO week. */
  from: IsoDate;
  /** Sunday of the last over-allocated ISO week. */
  to: IsoDate;
  weeks: number;
  /** Hours per week booked in each of those weeks (firm bookings). */
  demandHours: number;
  capacityHours: number;
  /** demandHours ÷ capacityHours, rounded to a whole percent. */
  percent: number;
  projects: string[];
}

/**
 * Who is over 100 % and when, for a demo built on `today`: weekly hours booked ÷ weekly capacity,
 * counting bookings that overlap the ISO week. Bank holidays are not taken off capacity here.
 */
export function demoOverloads(today: IsoDate): DemoOverload[] {
  const monday = startOfIsoWeek(assertDate(today));
  return PINNED.filter((p) => p.extra).map((extra) => {
    const person = PEOPLE.find((p) => p.name === extra.person)!;
    const covering = PINNED.filter((p) => p.person === extra.person && p.fromWeek <= extra.fromWeek && p.toWeek >= extra.toWeek);
    const demandHours = covering.reduce((s, p) => s + p.hours, 0);
    return {
      resourceName: extra.person,
      from: addDays(monday, 7 * extra.fromWeek),
      to: addDays(monday, 7 * extra.toWeek + 6),
      weeks: extra.toWeek - extra.fromWeek + 1,
      demandHours,
      capacityHours: person.hours,
      percent: Math.round((demandHours / person.hours) * 100),
      projects: covering.map((p) => p.project),
    };
  });
}

function assertDate(today: IsoDate): IsoDate {
  if (!isIsoDate(today)) throw new RangeError(`today must be a calendar date (YYYY-MM-DD): ${today}`);
  return today;
}

const STARTED: readonly Stage[] = ['in-progress', 'on-hold', 'closed', 'cancelled'];
const REPORTING: readonly Stage[] = ['in-progress', 'on-hold'];
const levelRag = (l: Level): Rag => (l === 0 ? 'G' : l === 1 ? 'A' : 'R');
const clampLevel = (n: number): Level => (n <= 0 ? 0 : n >= 2 ? 2 : 1);
const K = 100_000; // £1k in minor units

// Pick, not Omit: Omit over the schemas' open index signature would lose every named field.
type RaidFields = Pick<RaidItem, 'projectId' | 'kind' | 'title' | 'description' | 'owner' | 'raisedDate' | 'dueDate' | 'closedDate' | 'status' | 'probability' | 'impact' | 'response'>;
type DecisionFields = Pick<Decision, 'projectId' | 'date' | 'title' | 'description' | 'decidedBy'>;
type LessonFields = Pick<Lesson, 'projectId' | 'date' | 'title' | 'description' | 'category'>;

interface Plan {
  spec: ProjectSpec;
  id: string;
  start: IsoDate;
  finish: IsoDate;
  baselineStart: IsoDate | null;
  baselineFinish: IsoDate | null;
  stoppedOn: IsoDate | null;
  percent: number | null;
  budget: Money | null;
  actual: Money | null;
  forecast: Money | null;
  levels: { schedule: Level; cost: Level; scope: Level; resources: Level };
  milestones: Milestone[];
  manager: string;
}

export function buildDemoWorkbook(opts: DemoOptions): WorkbookData {
  const today = assertDate(opts.today);
  const seed = opts.seed ?? DEMO_DEFAULT_SEED;
  const random = seededRandom(seed);
  let tick = 0;
  const clockStart = toDayNumber(today) * 86_400_000 + 9 * 3_600_000;
  // A separate stream for ids, so adding a record does not reshuffle the content.
  const newId = createIdGenerator({ now: () => clockStart + tick++, random: seededRandom(seed ^ 0x5bd1e995) });
  const between = (lo: number, hi: number) => lo + (hi - lo) * random();

  // ---- calendar
  const thisMonday = startOfIsoWeek(today);
  const weeks = DEMO_WEEKS_BEFORE + 1 + DEMO_WEEKS_AFTER;
  const thisWeek = DEMO_WEEKS_BEFORE;
  const windowStart = addDays(thisMonday, -7 * DEMO_WEEKS_BEFORE);
  const monday = (w: number) => addDays(windowStart, 7 * w);
  const friday = (w: number) => addDays(windowStart, 7 * w + 4);
  const firstWeekOn = (d: IsoDate) => Math.ceil(diffDays(windowStart, d) / 7);
  const lastWeekBy = (d: IsoDate) => Math.floor((diffDays(windowStart, d) - 4) / 7);
  const monthOne = fromParts(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 1);
  const monthStart = (k: number) => addMonths(monthOne, k);
  const monthEnd = (k: number) => addDays(addMonths(monthOne, k + 1), -1);
  const lastWeekday = (d: IsoDate) => addDays(d, -Math.max(0, isoWeekday(d) - 5));
  const fiscalYearLabel = () => {
    const y = Number(today.slice(0, 4)) + (Number(today.slice(5, 7)) >= 4 ? 1 : 0) + 2;
    return `FY${String(y - 1).slice(2)}/${String(y).slice(2)}`;
  };

  // ---- settings
  const criteria = [
    { key: 'strategy', name: 'Strategic alignment', weight: 30, description: 'How directly the project serves the strategic objectives.' },
    { key: 'return', name: 'Financial return', weight: 25, description: 'Net benefit and payback from the business case.' },
    { key: 'customer', name: 'Customer impact', weight: 20, description: 'Effect on customer experience and satisfaction.' },
    { key: 'risk', name: 'Risk reduction and compliance', weight: 15, description: 'Regulatory, security or operational risk removed.' },
    { key: 'ease', name: 'Ease of delivery', weight: 10, description: 'Confidence that it can be delivered: complexity, dependencies, skills.' },
  ].map((c) => ({ ...c, id: newId() }));
  const settings = defaultSettings(DEMO_WORKBOOK_NAME, {
    currency: 'GBP',
    locale: 'en-GB',
    dateOrder: 'DMY',
    fiscalYearStartMonth: 4,
    weekStart: 1,
    capacityUnit: 'hours',
    hoursPerFte: 37.5,
    scoringCriteria: criteria.map(({ id, name, weight, description }) => ({ id, name, weight, scaleMax: 5, description })),
    holidays: bankHolidaysBetween(windowStart, friday(weeks - 1)),
  });
  const rules = settings.ragRules;
  const workbookId = newId();

  const records = emptyRecords();

  // ---- objectives, programmes, roles, custom fields
  const objectiveId = new Map<ObjectiveKey, string>();
  for (const o of OBJECTIVES) {
    const rec: Objective = { id: newId(), code: o.code, name: o.name, description: o.description.replace('{fy}', fiscalYearLabel()), owner: o.owner };
    objectiveId.set(o.key, rec.id);
    records.objective.push(rec);
  }
  const programmeId = new Map<ProgrammeKey, string>();
  for (const p of PROGRAMMES) {
    const rec: Programme = { id: newId(), code: p.code, name: p.name, description: p.description, sponsor: p.sponsor, manager: p.manager };
    programmeId.set(p.key, rec.id);
    records.programme.push(rec);
  }
  const roleId = new Map<RoleKey, string>();
  for (const r of ROLES) {
    const rec: Role = { id: newId(), name: r.name, description: r.description };
    roleId.set(r.key, rec.id);
    records.role.push(rec);
  }
  const partnerField: CustomFieldDef = { id: newId(), entity: 'project', name: 'Delivery partner', type: 'select', options: [...PARTNERS], order: 0 };
  const regulatoryField: CustomFieldDef = { id: newId(), entity: 'project', name: 'Regulatory', type: 'checkbox', options: [], order: 1 };
  records.customField.push(partnerField, regulatoryField);

  // ---- people
  const staff: StaffPerson[] = [];
  for (const p of PEOPLE) {
    const capacity = new Array<number>(weeks).fill(p.hours);
    const employed = new Array<boolean>(weeks).fill(true);
    const onLeave = new Array<boolean>(weeks).fill(false);
    const startW = p.startWeek === undefined ? null : thisWeek + p.startWeek;
    const endW = p.endWeek === undefined ? null : thisWeek + p.endWeek;
    for (let w = 0; w < weeks; w++) {
      if ((startW !== null && w < startW) || (endW !== null && w > endW)) {
        employed[w] = false;
        capacity[w] = 0;
      }
    }
    const exceptions: Resource['exceptions'] = [];
    for (const ex of p.exceptions ?? []) {
      const from = thisWeek + ex.fromWeek;
      const to = thisWeek + ex.toWeek;
      exceptions.push({ id: newId(), kind: ex.kind, start: monday(from), end: friday(to), hoursPerWeek: ex.kind === 'leave' ? 0 : (ex.hoursPerWeek ?? 0), note: ex.note });
      for (let w = Math.max(0, from); w <= Math.min(weeks - 1, to); w++) {
        if (ex.kind === 'leave') {
          onLeave[w] = true;
          capacity[w] = 0;
        } else capacity[w] = ex.hoursPerWeek ?? 0;
      }
    }
    const rec: Resource = {
      id: newId(),
      name: p.name,
      roleId: roleId.get(p.role)!,
      team: p.team,
      email: `${p.name.toLowerCase().replace(/'/g, '').replace(/\s+/g, '.')}@northwind.example`,
      capacityHoursPerWeek: p.hours,
      start: startW === null ? null : monday(startW),
      end: endW === null ? null : friday(endW),
      exceptions,
    };
    records.resource.push(rec);
    staff.push({ name: p.name, role: p.role, capacity, employed, onLeave });
  }

  // ---- project plans (dates, money, progress), before staffing names the managers
  const plans: Plan[] = PROJECTS.map((spec) => {
    const stage = spec.stage;
    const start = monthStart(spec.startMonth);
    const finish = monthEnd(spec.finishMonth);
    const slip = spec.slipDays ?? 0;
    const baselined = stage !== 'idea' && stage !== 'proposed';
    const stoppedOn = spec.stoppedOn ? addDays(monthStart(spec.stoppedOn[0]), spec.stoppedOn[1] - 1) : null;
    const progressAt = stage === 'closed' ? finish : stoppedOn ?? today;
    let percent: number | null = null;
    if (stage === 'closed') percent = 100;
    else if (stage === 'approved') percent = 0;
    else if (STARTED.includes(stage)) {
      const elapsed = diffDays(start, progressAt) / diffDays(start, finish);
      percent = Math.min(95, Math.max(5, Math.round((elapsed * 100 * between(0.9, 1.04)) / 5) * 5));
    }
    const budget = spec.budgetK === null ? null : spec.budgetK * K;
    let actual: Money | null = null;
    let forecast: Money | null = null;
    if (budget !== null) {
      const fac = budget * (spec.costFactor ?? 1);
      const pence = () => Math.floor(random() * 100);
      if (stage === 'closed') actual = forecast = Math.round(fac / 100) * 100 + pence();
      else if (stage === 'in-progress' || stage === 'on-hold') {
        forecast = Math.round(fac / K) * K;
        actual = Math.round((forecast * (percent ?? 0) * between(0.93, 1.02)) / 100);
      } else if (stage === 'cancelled') actual = forecast = Math.round((budget * (percent ?? 0) * between(0.95, 1.05)) / 100);
      else if (stage === 'approved') {
        actual = 0;
        forecast = budget;
      }
    }
    const variancePct = budget && forecast !== null ? ((forecast - budget) / budget) * 100 : 0;
    const levels: Record<'schedule' | 'cost' | 'scope' | 'resources', Level> = {
      schedule: slip > rules.slipRedDays ? 2 : slip > rules.slipAmberDays ? 1 : 0,
      cost: variancePct > rules.costRedPct ? 2 : variancePct > rules.costAmberPct ? 1 : 0,
      scope: spec.scope ?? 0,
      resources: spec.resources ?? 0,
    };
    return {
      spec,
      id: newId(),
      start,
      finish,
      baselineStart: baselined ? start : null,
      baselineFinish: baselined ? addDays(finish, -slip) : null,
      stoppedOn,
      percent,
      budget,
      actual,
      forecast,
      levels,
      milestones: [],
      manager: spec.manager ?? '',
    };
  });
  const planByCode = new Map(plans.map((p) => [p.spec.code, p]));

  // ---- milestones
  for (const plan of plans) {
    const { spec } = plan;
    const template = MILESTONE_TEMPLATES[spec.kind];
    const names = spec.milestones ?? template.names;
    const count = spec.stage === 'idea' ? 2 : spec.stage === 'proposed' ? Math.min(3, names.length) : names.length;
    const span = diffDays(plan.start, plan.finish);
    const resume = addDays(today, 56);
    const holdAt = plan.stoppedOn ? diffDays(plan.start, plan.stoppedOn) / span : 1;
    for (let i = 0; i < count; i++) {
      const at = template.at[i]!;
      const planned = addDays(plan.start, Math.round(at * span));
      const baselineDate = plan.baselineStart && plan.baselineFinish ? addDays(plan.baselineStart, Math.round(at * diffDays(plan.baselineStart, plan.baselineFinish))) : null;
      let forecastDate: IsoDate | null = planned;
      let actualDate: IsoDate | null = null;
      const cutoff = spec.stage === 'closed' ? addDays(plan.finish, 1) : plan.stoppedOn ?? today;
      if (STARTED.includes(spec.stage) && planned < cutoff) actualDate = planned;
      else if (spec.stage === 'cancelled') forecastDate = null; // no longer planned
      else if (spec.stage === 'on-hold') forecastDate = addDays(resume, Math.round(((at - holdAt) / (1 - holdAt)) * diffDays(resume, plan.finish)));
      plan.milestones.push({ id: newId(), projectId: plan.id, name: names[i]!, description: '', baselineDate, forecastDate, actualDate, order: i });
    }
  }

  // ---- staffing
  const staffProjects: StaffProject[] = plans.map((p) => {
    const workUntil = p.stoppedOn ? addDays(p.stoppedOn, -1) : p.finish;
    return {
      code: p.spec.code,
      stage: p.spec.stage,
      priority: p.spec.priority,
      kind: p.spec.kind,
      size: p.spec.size,
      firstWeek: firstWeekOn(p.start),
      lastWeek: lastWeekBy(p.finish),
      workUntilWeek: lastWeekBy(workUntil),
      supplierLed: p.spec.partner !== undefined && p.spec.partner !== 'In-house',
    };
  });
  const staffing = staffPortfolio({ people: staff, projects: staffProjects, pins: PINNED, weeks, thisWeek, random });
  const pms = PEOPLE.filter((p) => p.role === 'PM').map((p) => p.name);
  for (const plan of plans) {
    if (plan.manager) continue;
    plan.manager = staffing.managers.get(plan.spec.code) ?? (plan.spec.stage === 'idea' ? '' : pick(pms, random));
  }
  const resourceIdByName = new Map(records.resource.map((r) => [r.name, r.id]));
  for (const b of staffing.bookings) {
    const rec: Allocation = {
      id: newId(),
      projectId: planByCode.get(b.project)!.id,
      roleId: roleId.get(b.role)!,
      resourceId: b.person === null ? null : resourceIdByName.get(staff[b.person]!.name)!,
      start: monday(b.fromWeek),
      end: friday(b.toWeek),
      amount: b.amount,
      unit: b.unit,
      tentative: b.tentative,
      note: b.note,
    };
    records.allocation.push(rec);
  }

  // ---- status reports: the three months before today's month
  const periods = [-3, -2, -1].map((k) => ({ k, key: monthStart(k).slice(0, 7), end: monthEnd(k) }));
  const trendDelta = { improving: [1, 1, 0], worsening: [-2, -1, 0], stable: [0, 0, 0] } as const;
  const latestRag = new Map<string, { rag: Project['rag']; narrative: string }>();
  for (const plan of plans) {
    const { spec } = plan;
    if (!REPORTING.includes(spec.stage) || !spec.story) continue;
    const story = spec.story;
    periods.forEach((period, i) => {
      if (plan.start > period.end) return;
      const latest = i === periods.length - 1;
      const paused = plan.stoppedOn !== null && plan.stoppedOn <= period.end;
      const delta = trendDelta[spec.trend ?? 'stable'][i]!;
      const schedule = paused ? 2 : clampLevel(plan.levels.schedule + delta);
      const cost = clampLevel(plan.levels.cost + delta);
      const { scope, resources } = plan.levels;
      // A pause is a decision, not a failure: the PMO shows it amber by hand.
      const overall: Level = paused ? 1 : (Math.max(schedule, cost, scope, resources) as Level);
      const next = plan.milestones.find((m) => (m.actualDate ?? m.forecastDate ?? '') > period.end) ?? null;
      const narrative = paused
        ? pausedNarrative(spec.note ?? '', plan.stoppedOn!, period.end, addDays(today, 28))
        : statusNarrative(
            story,
            {
              overall,
              schedule,
              cost,
              scope,
              resources,
              latest,
              finish: plan.finish,
              baselineFinish: plan.baselineFinish,
              budget: plan.budget,
              forecast: plan.forecast,
              next: next ? { name: next.name, date: (next.actualDate ?? next.forecastDate)! } : null,
              percent: latest || plan.percent === null ? plan.percent : Math.max(1, Math.round((plan.percent * diffDays(plan.start, period.end)) / diffDays(plan.start, plan.stoppedOn ?? today))),
            },
            random,
          );
      const rag = { overall: levelRag(overall), schedule: levelRag(schedule), cost: levelRag(cost), scope: levelRag(scope), resources: levelRag(resources) };
      const rec: StatusReport = {
        id: newId(),
        projectId: plan.id,
        period: period.key,
        reportedOn: lastWeekday(period.end),
        rag,
        narrative,
        achievements: story.wins[i]!,
        nextSteps: story.next[i]!,
        decisionsNeeded: latest && story.decision ? story.decision : '',
      };
      records.statusReport.push(rec);
      if (latest) latestRag.set(plan.id, { rag, narrative });
    });
  }

  // ---- projects
  const noRag: Project['rag'] = { overall: null, schedule: null, cost: null, scope: null, resources: null };
  for (const plan of plans) {
    const { spec } = plan;
    const latest = latestRag.get(plan.id);
    let rag = latest?.rag ?? noRag;
    if (spec.stage === 'closed') {
      const worst = Math.max(plan.levels.schedule, plan.levels.cost);
      rag = { overall: levelRag(worst as Level), schedule: levelRag(plan.levels.schedule), cost: levelRag(plan.levels.cost), scope: 'G', resources: 'G' };
    }
    const narrative =
      latest?.narrative ??
      spec.note ??
      (spec.stage === 'proposed'
        ? `Business case with the investment committee; decision expected by ${formatDay(lastWeekday(monthEnd(0)))}.`
        : spec.stage === 'idea'
          ? 'Idea logged; outline business case to follow.'
          : '');
    const finishYear = Number(plan.finish.slice(0, 4));
    const benefits = spec.benefitsK
      ? [
          { year: finishYear + 1, amount: Math.round(spec.benefitsK / 2) * K },
          { year: finishYear + 2, amount: spec.benefitsK * K },
          { year: finishYear + 3, amount: spec.benefitsK * K },
        ]
      : [];
    const custom: Project['custom'] = {};
    if (spec.partner) custom[partnerField.id] = spec.partner;
    if (spec.stage !== 'idea' || spec.regulatory) custom[regulatoryField.id] = spec.regulatory ?? false;
    const rec: Project = {
      id: plan.id,
      code: spec.code,
      name: spec.name,
      description: spec.description,
      programmeId: programmeId.get(spec.programme)!,
      objectiveIds: spec.objectives.map((o) => objectiveId.get(o)!),
      sponsor: spec.sponsor,
      manager: plan.manager,
      businessUnit: spec.businessUnit,
      stage: spec.stage,
      priority: spec.priority,
      scores: projectScores(spec, criteria, random),
      start: plan.start,
      finish: plan.finish,
      baselineStart: plan.baselineStart,
      baselineFinish: plan.baselineFinish,
      actualStart: STARTED.includes(spec.stage) ? plan.start : null,
      actualFinish: spec.stage === 'closed' ? plan.finish : spec.stage === 'cancelled' ? plan.stoppedOn : null,
      percentComplete: plan.percent,
      budget: plan.budget,
      actualCost: plan.actual,
      forecastCost: plan.forecast,
      benefits,
      rag,
      statusNarrative: narrative,
      tags: spec.tags,
      custom,
      archived: false,
    };
    records.project.push(rec);
    records.milestone.push(...plan.milestones);
  }

  // ---- dependencies
  const endpoint = (ref: string): { kind: 'project' | 'milestone'; id: string } => {
    const [code, index] = ref.split('#') as [string, string | undefined];
    const plan = planByCode.get(code);
    if (!plan) throw new Error(`Unknown project in dependency: ${ref}`);
    if (index === undefined) return { kind: 'project', id: plan.id };
    const m = plan.milestones[Number(index)];
    if (!m) throw new Error(`Unknown milestone in dependency: ${ref}`);
    return { kind: 'milestone', id: m.id };
  };
  for (const d of DEPENDENCIES) {
    const from = endpoint(d.from);
    const to = endpoint(d.to);
    const rec: Dependency = { id: newId(), predecessorKind: from.kind, predecessorId: from.id, successorKind: to.kind, successorId: to.id, type: d.type, lagDays: d.lagDays, note: d.note };
    records.dependency.push(rec);
  }

  // ---- RAID
  const counters = { risk: 0, issue: 0, assumption: 0, dependency: 0 };
  const prefix = { risk: 'R', issue: 'I', assumption: 'A', dependency: 'D' } as const;
  const addRaid = (item: RaidFields) => {
    const n = ++counters[item.kind];
    records.raid.push({ id: newId(), code: `${prefix[item.kind]}-${String(n).padStart(3, '0')}`, ...item });
  };
  const jitter = (n: number | undefined) => (n === undefined ? null : Math.min(5, Math.max(1, n + (random() < 0.25 ? -1 : random() < 0.33 ? 1 : 0))));
  const dateIn = (from: IsoDate, to: IsoDate) => (to <= from ? from : addDays(from, Math.floor(random() * diffDays(from, to))));
  const choose = (pool: readonly RaidTemplate[], kind: ProjectSpec['kind'], n: number) => {
    const fit = pool.filter((t) => t.kinds.includes(kind)).map((t) => ({ t, r: random() }));
    return fit
      .sort((a, b) => a.r - b.r)
      .slice(0, n)
      .map((x) => x.t);
  };
  for (const plan of plans) {
    const { spec } = plan;
    const owner = plan.manager || spec.sponsor || 'PMO';
    const stage = spec.stage;
    const live = stage === 'in-progress' || stage === 'on-hold';
    const raisedFrom = addDays(plan.start, live || stage === 'closed' ? 7 : -45);
    const raisedTo = stage === 'closed' ? plan.finish : live ? addDays(today, -7) : addDays(today, -3);
    const nRisks = { 'in-progress': spec.size === 'L' ? 3 : 2, 'on-hold': 1, approved: 2, proposed: 1, idea: random() < 0.5 ? 1 : 0, closed: 1, cancelled: 0 }[stage];
    for (const t of choose(RISKS, spec.kind, nRisks)) {
      const raised = dateIn(raisedFrom < raisedTo ? raisedFrom : addDays(raisedTo, -30), raisedTo);
      const closed = stage === 'closed' || (live && random() < 0.2);
      addRaid({
        projectId: plan.id,
        kind: 'risk',
        title: t.title,
        description: t.description,
        owner,
        raisedDate: raised,
        dueDate: closed ? null : addDays(today, 14 + Math.floor(random() * 56)),
        closedDate: closed ? (stage === 'closed' ? plan.finish : dateIn(raised, today)) : null,
        status: closed ? 'closed' : random() < 0.5 ? 'open' : 'in-progress',
        probability: jitter(t.probability),
        impact: jitter(t.impact),
        response: t.response,
      });
    }
    const latest = latestRag.get(plan.id);
    if (spec.story?.issue && latest && latest.rag.overall !== 'G') {
      addRaid({
        projectId: plan.id,
        kind: 'issue',
        title: spec.story.issueTitle ?? 'Delivery issue',
        description: spec.story.issue,
        owner,
        raisedDate: dateIn(addDays(today, -75), addDays(today, -20)),
        dueDate: addDays(today, 21),
        closedDate: null,
        status: 'in-progress',
        probability: null,
        impact: null,
        response: spec.story.decision ? `Escalated. ${spec.story.decision}` : 'Recovery actions agreed at the project board; reviewed weekly.',
      });
    }
    if (live && random() < 0.4) {
      for (const t of choose(ISSUES, spec.kind, 1)) {
        const raised = dateIn(addDays(today, -60), addDays(today, -5));
        const closed = random() < 0.4;
        addRaid({
          projectId: plan.id,
          kind: 'issue',
          title: t.title,
          description: t.description,
          owner,
          raisedDate: raised,
          dueDate: closed ? null : addDays(today, 7 + Math.floor(random() * 21)),
          closedDate: closed ? dateIn(raised, today) : null,
          status: closed ? 'closed' : 'open',
          probability: null,
          impact: null,
          response: t.response,
        });
      }
    }
    if ((live || stage === 'approved') && random() < 0.5) {
      for (const t of choose(ASSUMPTIONS, spec.kind, 1)) {
        addRaid({ projectId: plan.id, kind: 'assumption', title: t.title, description: t.description, owner, raisedDate: dateIn(raisedFrom, raisedTo), dueDate: null, closedDate: null, status: 'open', probability: null, impact: null, response: t.response });
      }
    }
  }
  const raised = new Set<string>();
  for (const d of DEPENDENCIES) {
    const to = planByCode.get(d.to.split('#')[0]!)!;
    const from = planByCode.get(d.from.split('#')[0]!)!;
    if (!['in-progress', 'approved', 'proposed'].includes(to.spec.stage) || raised.has(`${from.id}>${to.id}`)) continue;
    raised.add(`${from.id}>${to.id}`);
    addRaid({
      projectId: to.id,
      kind: 'dependency',
      title: `Needs ${from.spec.name} (${from.spec.code})`,
      description: d.note,
      owner: to.manager || to.spec.sponsor,
      raisedDate: to.start < today ? to.start : addDays(today, -30),
      dueDate: to.start > today ? to.start : addDays(today, 30),
      closedDate: null,
      status: 'open',
      probability: null,
      impact: null,
      response: `Tracked at the ${PROGRAMMES.find((p) => p.key === to.spec.programme)!.name} programme board.`,
    });
  }
  const portfolio: RaidFields[] = [
    {
      projectId: null,
      kind: 'risk',
      title: 'Solution architects over-committed',
      description: 'Three architects cover eleven active projects; design decisions queue behind the CRM cutover.',
      owner: SPONSORS.cio,
      raisedDate: addDays(today, -40),
      dueDate: addDays(today, 30),
      closedDate: null,
      status: 'in-progress',
      probability: 4,
      impact: 4,
      response: 'Resource board ranks architecture demand monthly; requisition raised for a contract architect.',
    },
    {
      projectId: null,
      kind: 'risk',
      title: 'Capital budget cut next financial year',
      description: 'Group finance has asked for scenarios with 15 % less capital spend.',
      owner: SPONSORS.cfo,
      raisedDate: addDays(today, -25),
      dueDate: addDays(today, 45),
      closedDate: null,
      status: 'open',
      probability: 2,
      impact: 5,
      response: 'PMO to prepare a ranked scenario using the scoring model.',
    },
    {
      projectId: null,
      kind: 'issue',
      title: 'Shared UAT environment contention',
      description: 'CRM, Payroll and the portal all need the shared UAT environment in the same weeks.',
      owner: 'Peter Quinn',
      raisedDate: addDays(today, -18),
      dueDate: addDays(today, 10),
      closedDate: null,
      status: 'open',
      probability: null,
      impact: null,
      response: 'Release board to agree a booking calendar.',
    },
    {
      projectId: null,
      kind: 'assumption',
      title: 'Delivery partners hold their rates',
      description: 'Partner day rates stay at the current card until the end of the financial year.',
      owner: SPONSORS.cfo,
      raisedDate: addDays(today, -120),
      dueDate: null,
      closedDate: null,
      status: 'open',
      probability: null,
      impact: null,
      response: 'Procurement confirms at the quarterly supplier reviews.',
    },
  ];
  portfolio.forEach(addRaid);

  // ---- decisions and lessons
  const plan = (code: string) => planByCode.get(code)!;
  const decisions: DecisionFields[] = [
    {
      projectId: plan('PRJ-015').id,
      date: plan('PRJ-015').stoppedOn!,
      title: 'Stop Field service scheduling',
      description: 'The product cannot schedule multi-day jobs without heavy customisation. Remaining budget returned to the portfolio; lessons to be captured.',
      decidedBy: 'Portfolio board',
    },
    {
      projectId: plan('PRJ-032').id,
      date: plan('PRJ-032').stoppedOn!,
      title: 'Stop Service desk tooling',
      description: 'The managed service selected for the data centre exit includes an ITSM platform; running both would duplicate cost.',
      decidedBy: 'Portfolio board',
    },
    {
      projectId: plan('PRJ-008').id,
      date: plan('PRJ-008').stoppedOn!,
      title: 'Pause Self-service returns',
      description: 'Pause until the Daventry WMS is live; the team moves to WMS testing. Restart review in the next quarter.',
      decidedBy: SPONSORS.cco,
    },
    {
      projectId: plan('PRJ-022').id,
      date: plan('PRJ-022').stoppedOn!,
      title: 'Pause Data quality remediation',
      description: 'No sponsor since the reorganisation; restart when a data owner for customer data is appointed.',
      decidedBy: 'Portfolio board',
    },
    {
      projectId: plan('PRJ-003').id,
      date: addDays(monthStart(-1), 8),
      title: 'Approve Mobile app v3',
      description: `Approved at ${budgetText(plan('PRJ-003').budget)} with Bluewave Consulting as partner; start after the portal API design.`,
      decidedBy: 'Investment committee',
    },
    {
      projectId: plan('PRJ-001').id,
      date: addDays(monthStart(-1), 14),
      title: 'Accept a four-week delay to CRM go-live',
      description: 'Go-live moves by four weeks to allow a fourth migration rehearsal, rather than go live with unreconciled accounts.',
      decidedBy: 'CRM steering committee',
    },
    {
      projectId: null,
      date: addDays(monthStart(-1), 20),
      title: 'Freeze intake of new ideas until the capacity review',
      description: 'No new ideas to be approved until the architecture and business-analysis capacity review reports back.',
      decidedBy: 'Portfolio board',
    },
  ];
  for (const d of decisions) records.decision.push({ id: newId(), ...d });
  const lessons: LessonFields[] = [
    {
      projectId: plan('PRJ-013').id,
      date: addDays(plan('PRJ-013').finish, 14),
      title: 'Pilot with real invoices, not samples',
      description: 'The supplier tuned the OCR on clean sample invoices; real ones with stamps and handwriting cut accuracy to 70 % and cost three weeks.',
      category: 'Testing',
    },
    {
      projectId: plan('PRJ-030').id,
      date: addDays(plan('PRJ-030').finish, 10),
      title: 'Plan for a third parallel run',
      description: 'Two parallel runs were planned and three were needed. Budget the third one up front; it is cheaper than a delayed go-live.',
      category: 'Cutover',
    },
    {
      projectId: plan('PRJ-007').id,
      date: addDays(plan('PRJ-007').finish, 7),
      title: 'Agree success measures before a pilot starts',
      description: 'The deflection target was agreed halfway through the pilot, so the first month of data could not be compared.',
      category: 'Benefits',
    },
    {
      projectId: plan('PRJ-015').id,
      date: addDays(plan('PRJ-015').stoppedOn!, 21),
      title: 'Prove product fit before signing',
      description: 'A two-week proof of concept on multi-day jobs would have shown the gap before the licence was bought.',
      category: 'Supplier management',
    },
    {
      projectId: plan('PRJ-036').id,
      date: addDays(plan('PRJ-036').finish, 12),
      title: 'Bring records owners in from the start',
      description: 'Retention rules agreed with each records owner in week one avoided rework later; do this for every data project.',
      category: 'Stakeholders',
    },
    {
      projectId: null,
      date: addDays(monthStart(-2), 5),
      title: 'Plan role demand before naming people',
      description: 'Planning by role first showed the business-analysis shortfall three months earlier than named bookings did.',
      category: 'Resourcing',
    },
  ];
  for (const l of lessons) records.lesson.push({ id: newId(), ...l });

  // ---- baseline snapshot
  const baselineRec: Baseline = {
    id: newId(),
    // Taken at the last month-end, after the approvals recorded as decisions last month.
    name: `Month-end baseline ${formatDay(monthEnd(-1)).slice(-8)}`,
    createdAt: `${monthEnd(-1)}T17:30:00.000Z`,
    projects: plans.filter((p) => p.baselineStart !== null).map((p) => ({ projectId: p.id, start: p.baselineStart, finish: p.baselineFinish, budget: p.budget })),
    milestones: plans.flatMap((p) => p.milestones.filter((m) => m.baselineDate !== null).map((m) => ({ milestoneId: m.id, date: m.baselineDate }))),
  };
  records.baseline.push(baselineRec);

  return { id: workbookId, settings, records };
}

function budgetText(minor: Money | null): string {
  return minor === null ? 'the proposed budget' : `£${Math.round(minor / K)}k`;
}

/** Raw 0–5 scores per criterion; higher-priority projects score higher, as they would have. */
function projectScores(spec: ProjectSpec, criteria: { id: string; key: string }[], random: () => number): Record<string, number> {
  const base = { critical: 4.2, high: 3.6, medium: 2.8, low: 2.1 }[spec.priority];
  const out: Record<string, number> = {};
  for (const c of criteria) {
    let v = base + (random() - 0.5) * 2;
    if (c.key === 'risk' && spec.regulatory) v = 5;
    if (c.key === 'customer' && spec.programme === 'CX') v += 0.8;
    if (c.key === 'ease') v = spec.size === 'S' ? 4 + random() : spec.size === 'M' ? 3 + random() : 1.5 + random();
    out[c.id] = Math.min(5, Math.max(0, Math.round(v)));
  }
  return out;
}
