// The portfolio's entities as zod schemas: the single source of the types (z.infer) and of
// the runtime checks applied to every write and every opened file. Cross-record rules
// (unique codes, references, finish ≥ start) live in invariants.ts.
//
// Entity schemas are loose objects: fields this version does not know (from a file written by
// a newer version) are kept, not dropped.
import { z } from 'zod';
import { isIsoDate } from '../calendar';
import { isMoney } from '../util/money';

export const isoDate = z.string().refine(isIsoDate, { message: 'must be a calendar date (YYYY-MM-DD)' });
export const optionalDate = isoDate.nullable().default(null);
export const money = z.number().refine(isMoney, { message: 'must be a whole number of minor units (cents)' });
export const optionalMoney = money.nullable().default(null);
export const id = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max).default('');
const name = z.string().trim().min(1, 'is required').max(300);
export const percent = z.number().min(0, 'must be 0–100 %').max(100, 'must be 0–100 %');

export const RAG_VALUES = ['R', 'A', 'G'] as const;
export const rag = z.enum(RAG_VALUES).nullable().default(null);
export type Rag = z.infer<typeof rag>;
export const RAG_DIMENSIONS = ['overall', 'schedule', 'cost', 'scope', 'resources'] as const;
export type RagDimension = (typeof RAG_DIMENSIONS)[number];
export const ragSet = z
  .object({ overall: rag, schedule: rag, cost: rag, scope: rag, resources: rag })
  .default({ overall: null, schedule: null, cost: null, scope: null, resources: null });

export const STAGES = ['idea', 'proposed', 'approved', 'in-progress', 'on-hold', 'closed', 'cancelled'] as const;
export const STAGE_LABELS: Record<Stage, string> = {
  idea: 'Idea',
  proposed: 'Proposed',
  approved: 'Approved',
  'in-progress': 'In progress',
  'on-hold': 'On hold',
  closed: 'Closed',
  cancelled: 'Cancelled',
};
export type Stage = (typeof STAGES)[number];
export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;

export const criterion = z.object({
  id,
  name,
  /** Weight in percent; the weights of a workbook sum to 100. */
  weight: z.number().min(0).max(100),
  /** Scores run from 0 to `scaleMax`; normalised as score ÷ scaleMax. */
  scaleMax: z.number().int().min(1).max(100).default(5),
  description: text(2000),
});

export const holiday = z.object({ date: isoDate, name: text(200) });

/**
 * One change of a what-if scenario over the current plan (shared/scenario explains each kind).
 * Saved scenarios live in the workbook's settings, so they travel with the file and saving one
 * is an undoable settings change.
 */
export const scenarioChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shift-project'), projectId: id, weeks: z.number().int().min(-520).max(520) }),
  z.object({ kind: z.literal('drop-project'), projectId: id }),
  // Lazy: the allocation schema is declared further down.
  z.object({ kind: z.literal('set-allocation'), allocationId: id, changes: z.record(z.string(), z.unknown()) }),
  z.object({ kind: z.literal('add-allocation'), allocation: z.lazy(() => allocation) }),
  z.object({
    kind: z.literal('placeholder-hire'),
    roleId: id,
    name: z.string().trim().min(1, 'is required').max(200),
    hoursPerWeek: z.number().max(168),
    start: isoDate,
    end: isoDate.nullable().optional(),
  }),
]);
export const scenario = z.looseObject({
  id,
  name: z.string().trim().min(1, 'is required').max(100),
  changes: z.array(scenarioChange).default([]),
});

export const settings = z.looseObject({
  name,
  /** ISO 4217 code; amounts are stored in hundredths of it. */
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO currency code').default('GBP'),
  /** BCP 47 tag for number and date display. */
  locale: z.string().min(2).max(35).default('en-GB'),
  /** How text dates such as 03/04/2026 are read: day-month-year, month-day-year or year-month-day. */
  dateOrder: z.enum(['DMY', 'MDY', 'YMD']).default('DMY'),
  fiscalYearStartMonth: z.number().int().min(1).max(12).default(4),
  /** ISO weekday that starts a week: 1 = Monday (ISO weeks). */
  weekStart: z.number().int().min(1).max(7).default(1),
  capacityUnit: z.enum(['hours', 'fte']).default('hours'),
  hoursPerFte: z.number().gt(0).max(168).default(37.5),
  ragRules: z
    .object({
      slipAmberDays: z.number().int().min(0).default(10),
      slipRedDays: z.number().int().min(0).default(30),
      costAmberPct: z.number().min(0).default(5),
      costRedPct: z.number().min(0).default(10),
    })
    .default({ slipAmberDays: 10, slipRedDays: 30, costAmberPct: 5, costRedPct: 10 }),
  scoringCriteria: z.array(criterion).default([]),
  holidays: z.array(holiday).default([]),
  /**
   * The named baseline slip is measured against (register slip columns, Overview); null = each
   * project's and milestone's own baseline fields. Absent in files written before baselines
   * could be chosen, which therefore read as null. A baseline that no longer exists falls back
   * to the own fields too (shared/baselines).
   */
  compareBaselineId: id.nullable().default(null),
  /** Saved what-if scenarios (shared/scenario); absent in older files, which read as none. */
  scenarios: z.array(scenario).default([]),
});
export type Settings = z.infer<typeof settings>;

export const objective = z.looseObject({
  id,
  code: text(40),
  name,
  description: text(20_000),
  owner: text(200),
});

export const programme = z.looseObject({
  id,
  code: text(40),
  name,
  description: text(20_000),
  sponsor: text(200),
  manager: text(200),
});

export const customValue = z.union([z.string().max(20_000), z.number(), z.boolean(), z.array(z.string().max(500)), z.null()]);
export type CustomValue = z.infer<typeof customValue>;

export const benefit = z.object({ year: z.number().int().min(1900).max(2200), amount: money });

export const project = z.looseObject({
  id,
  /** Human key, unique in the workbook (e.g. PRJ-014). */
  code: z.string().trim().min(1, 'is required').max(40),
  name,
  description: text(20_000),
  programmeId: id.nullable().default(null),
  objectiveIds: z.array(id).default([]),
  sponsor: text(200),
  manager: text(200),
  businessUnit: text(200),
  stage: z.enum(STAGES).default('idea'),
  priority: z.enum(PRIORITIES).nullable().default(null),
  /** Raw score per scoring criterion id, 0 … criterion.scaleMax. */
  scores: z.record(z.string(), z.number().min(0).max(100)).default({}),
  /** Planned (current forecast) dates. */
  start: optionalDate,
  finish: optionalDate,
  baselineStart: optionalDate,
  baselineFinish: optionalDate,
  actualStart: optionalDate,
  actualFinish: optionalDate,
  percentComplete: percent.nullable().default(null),
  budget: optionalMoney,
  actualCost: optionalMoney,
  /** Forecast at completion. */
  forecastCost: optionalMoney,
  /** Expected benefits by calendar year. */
  benefits: z.array(benefit).default([]),
  rag: ragSet,
  statusNarrative: text(20_000),
  tags: z.array(z.string().trim().min(1).max(100)).default([]),
  /** Custom field values by custom field id. */
  custom: z.record(z.string(), customValue).default({}),
  archived: z.boolean().default(false),
});

export const milestone = z.looseObject({
  id,
  projectId: id,
  name,
  description: text(5000),
  baselineDate: optionalDate,
  forecastDate: optionalDate,
  actualDate: optionalDate,
  /** Position among the project's milestones. */
  order: z.number().default(0),
});

export const DEPENDENCY_TYPES = ['FS', 'SS', 'FF'] as const;
export const endpointKind = z.enum(['project', 'milestone']);
export const dependency = z.looseObject({
  id,
  predecessorKind: endpointKind,
  predecessorId: id,
  successorKind: endpointKind,
  successorId: id,
  type: z.enum(DEPENDENCY_TYPES).default('FS'),
  /** Lag in calendar days; negative for a lead. */
  lagDays: z.number().int().min(-3650).max(3650).default(0),
  note: text(2000),
});

export const calendarException = z.object({
  id,
  kind: z.enum(['leave', 'holiday', 'part-time']),
  start: isoDate,
  end: isoDate,
  /** Capacity during the exception in hours per week (0 for leave and holidays). */
  hoursPerWeek: z.number().min(0).max(168).default(0),
  note: text(500),
});

export const resource = z.looseObject({
  id,
  name,
  roleId: id.nullable().default(null),
  team: text(200),
  email: text(320),
  /** Regular capacity in hours per week. */
  capacityHoursPerWeek: z.number().min(0, 'cannot be negative').max(168, 'cannot exceed 168 hours a week').default(37.5),
  start: optionalDate,
  end: optionalDate,
  exceptions: z.array(calendarException).default([]),
});

export const role = z.looseObject({
  id,
  name,
  description: text(2000),
});

export const allocation = z.looseObject({
  id,
  projectId: id,
  /** Demand for a role (named later) or for a person; at least one is set. */
  roleId: id.nullable().default(null),
  resourceId: id.nullable().default(null),
  start: isoDate,
  end: isoDate,
  amount: z.number().min(0, 'cannot be negative').max(10_000),
  unit: z.enum(['hours-per-week', 'fte-percent']).default('hours-per-week'),
  /** Demand of a project not yet approved. */
  tentative: z.boolean().default(false),
  note: text(2000),
});

export const RAID_KINDS = ['risk', 'assumption', 'issue', 'dependency'] as const;
const score15 = z.number().int().min(1, 'must be 1–5').max(5, 'must be 1–5').nullable().default(null);
export const raidItem = z.looseObject({
  id,
  projectId: id.nullable().default(null),
  kind: z.enum(RAID_KINDS),
  code: text(40),
  title: name,
  description: text(20_000),
  owner: text(200),
  raisedDate: optionalDate,
  dueDate: optionalDate,
  closedDate: optionalDate,
  status: z.enum(['open', 'in-progress', 'closed']).default('open'),
  probability: score15,
  impact: score15,
  response: text(5000),
});

export const statusReport = z.looseObject({
  id,
  projectId: id,
  /** Reporting period, a calendar month: YYYY-MM. */
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month (YYYY-MM)'),
  reportedOn: optionalDate,
  rag: ragSet,
  narrative: text(20_000),
  achievements: text(20_000),
  nextSteps: text(20_000),
  decisionsNeeded: text(20_000),
});

export const decision = z.looseObject({
  id,
  projectId: id.nullable().default(null),
  date: isoDate,
  title: name,
  description: text(20_000),
  decidedBy: text(200),
});

export const lesson = z.looseObject({
  id,
  projectId: id.nullable().default(null),
  date: isoDate,
  title: name,
  description: text(20_000),
  category: text(200),
});

export const baseline = z.looseObject({
  id,
  name,
  /** ISO timestamp when the snapshot was taken. */
  createdAt: z.string().min(1),
  projects: z
    .array(z.object({ projectId: id, start: optionalDate, finish: optionalDate, budget: optionalMoney }))
    .default([]),
  milestones: z.array(z.object({ milestoneId: id, date: optionalDate })).default([]),
});

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'money', 'date', 'select', 'multiselect', 'checkbox'] as const;
export const customFieldDef = z.looseObject({
  id,
  entity: z.enum(['project']).default('project'),
  name: z.string().trim().min(1, 'is required').max(100),
  type: z.enum(CUSTOM_FIELD_TYPES),
  options: z.array(z.string().trim().min(1).max(200)).default([]),
  order: z.number().default(0),
});

const filterSchema = z.discriminatedUnion('kind', [
  z.object({ col: z.string(), kind: z.literal('text'), op: z.enum(['contains', 'equals', 'blank', 'notBlank']), value: z.string().max(500).optional() }),
  z.object({ col: z.string(), kind: z.literal('number'), min: z.number().nullable().optional(), max: z.number().nullable().optional() }),
  z.object({ col: z.string(), kind: z.literal('date'), from: isoDate.nullable().optional(), to: isoDate.nullable().optional() }),
  z.object({ col: z.string(), kind: z.literal('set'), values: z.array(z.string().nullable()) }),
]);

/** What a register shows: columns (order, width, pinning, visibility), sort, filters, grouping, search. */
export const viewState = z.object({
  columns: z.array(z.object({ id: z.string(), width: z.number().min(20).max(2000).optional(), pinned: z.enum(['left', 'right']).nullable().optional(), hidden: z.boolean().optional() })).default([]),
  sort: z.array(z.object({ col: z.string(), dir: z.enum(['asc', 'desc']) })).default([]),
  filters: z.array(filterSchema).default([]),
  groupBy: z.string().nullable().default(null),
  search: z.string().max(500).default(''),
  showArchived: z.boolean().default(false),
});

/** A named, saved register view; one per register can be the workbook's default. */
export const savedView = z.looseObject({
  id,
  register: z.enum(['project', 'programme', 'objective', 'resource', 'role', 'milestone']),
  name: z.string().trim().min(1, 'is required').max(100),
  state: viewState,
  isDefault: z.boolean().default(false),
});

/** Every record kind a workbook holds, keyed by entity name. */
export const ENTITY_SCHEMAS = {
  objective,
  programme,
  project,
  milestone,
  dependency,
  resource,
  role,
  allocation,
  raid: raidItem,
  statusReport,
  decision,
  lesson,
  baseline,
  customField: customFieldDef,
  view: savedView,
} as const;

export type EntityName = keyof typeof ENTITY_SCHEMAS;
export const ENTITY_NAMES = Object.keys(ENTITY_SCHEMAS) as EntityName[];
export type EntityOf<E extends EntityName> = z.output<(typeof ENTITY_SCHEMAS)[E]>;
export type EntityInput<E extends EntityName> = z.input<(typeof ENTITY_SCHEMAS)[E]>;

export type Objective = EntityOf<'objective'>;
export type Programme = EntityOf<'programme'>;
export type Project = EntityOf<'project'>;
export type Milestone = EntityOf<'milestone'>;
export type Dependency = EntityOf<'dependency'>;
export type Resource = EntityOf<'resource'>;
export type Role = EntityOf<'role'>;
export type Allocation = EntityOf<'allocation'>;
export type RaidItem = EntityOf<'raid'>;
export type StatusReport = EntityOf<'statusReport'>;
export type Decision = EntityOf<'decision'>;
export type Lesson = EntityOf<'lesson'>;
export type Baseline = EntityOf<'baseline'>;
export type CustomFieldDef = EntityOf<'customField'>;
export type SavedView = EntityOf<'view'>;
export type AnyEntity = EntityOf<EntityName>;

/** Human labels, for messages ("Project PRJ-004: finish …"). */
export const ENTITY_LABELS: Record<EntityName, string> = {
  objective: 'Objective',
  programme: 'Programme',
  project: 'Project',
  milestone: 'Milestone',
  dependency: 'Dependency',
  resource: 'Resource',
  role: 'Role',
  allocation: 'Allocation',
  raid: 'RAID item',
  statusReport: 'Status report',
  decision: 'Decision',
  lesson: 'Lesson',
  baseline: 'Baseline',
  customField: 'Custom field',
  view: 'Saved view',
};

export type Scenario = z.infer<typeof scenario>;
export type ScenarioChange = z.infer<typeof scenarioChange>;
