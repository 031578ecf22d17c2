// The columns of each register: what every field looks like in the grid, how it is edited and
// grouped, and the computed figures beside them. Custom fields and scoring criteria of the
// workbook become columns too.
import { PRIORITIES, STAGES, STAGE_LABELS, type CustomFieldDef, type EntityName, type Settings } from '../model/schemas';
import { costVariance, percentSpent, weightedScore } from '../analytics/project-metrics';
import { RAG_WORDS, suggestRag } from '../analytics/suggested-rag';
import { OWN_BASELINE, milestoneSlipDays, projectSlipDays, slipDescription, type BaselineChoice } from '../baselines/baselines';
import type { ColumnDef, ColumnType, Option } from './types';
import type { LooseRecord as Rec } from '../model/record';

type Col = ColumnDef<Rec>;

/** The registers the grid shows, in navigation order. */
export const REGISTERS = ['project', 'programme', 'objective', 'resource', 'role', 'milestone'] as const;
export type RegisterEntity = (typeof REGISTERS)[number];
export const REGISTER_LABELS: Record<RegisterEntity, { plural: string; singular: string }> = {
  project: { plural: 'Projects', singular: 'project' },
  programme: { plural: 'Programmes', singular: 'programme' },
  objective: { plural: 'Objectives', singular: 'objective' },
  resource: { plural: 'People', singular: 'person' },
  role: { plural: 'Roles', singular: 'role' },
  milestone: { plural: 'Milestones', singular: 'milestone' },
};

const stageOptions: Option[] = STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }));
const priorityOptions: Option[] = PRIORITIES.map((p) => ({ value: p, label: p[0]!.toUpperCase() + p.slice(1) }));

function at(r: Rec, path: string): unknown {
  const dot = path.indexOf('.');
  if (dot < 0) return r[path] ?? null;
  const inner = r[path.slice(0, dot)];
  return (inner && typeof inner === 'object' ? (inner as Record<string, unknown>)[path.slice(dot + 1)] : null) ?? null;
}

/** A stored field shown and edited as it is. */
function field(id: string, header: string, type: ColumnType, extra: Partial<Col> = {}): Col {
  return { id, header, type, field: id, editable: true, get: (r) => at(r, id), ...extra };
}

/** A figure computed from other fields: shown, sorted, filtered, never edited. */
function calc(name: string, header: string, type: ColumnType, get: Col['get'], extra: Partial<Col> = {}): Col {
  return { id: `calc.${name}`, header, type, editable: false, get, ...extra };
}

const sum = { aggregate: 'sum' as const };
const group = { groupable: true };

// Slip follows the baseline chosen in Settings (the context's lookup); without one in the
// context, the record's own baseline fields. 'Baseline finish' and 'Baseline' stay the fields.
const projectSlipCol: Col['get'] = (r, ctx) => projectSlipDays(r as never, ctx.baseline);
const milestoneSlipCol: Col['get'] = (r, ctx) => milestoneSlipDays(r as never, ctx.baseline);

// The suggested RAG reads the RAG rules and holidays from the context's settings and the chosen
// baseline from its lookup, so a rule changed in Settings (a new context) refreshes it.
const suggestionOf = (r: Rec, ctx: Parameters<Col['get']>[1]) => suggestRag(r as never, ctx.settings, ctx.baseline);
const ownRag = (r: Rec) => at(r, 'rag.overall') as 'R' | 'A' | 'G' | null;
const suggestedRagCol = calc('suggestedRag', 'Suggested RAG', 'rag', (r, ctx) => suggestionOf(r, ctx)?.rag ?? null, {
  width: 170,
  ...group,
  description: 'What the RAG rules in Settings suggest from the finish slip (working days, against the compared baseline) and the forecast over budget. The RAG column stays as set by hand; “differs” marks where it is not the suggestion. Point at a cell for the reason.',
  tooltip: (r, ctx) => {
    const s = suggestionOf(r, ctx);
    if (!s) return 'No suggestion: the project has no baseline finish to measure slip, and no budget and forecast to compare.';
    const mine = ownRag(r);
    return mine && mine !== s.rag ? `${s.reason}. The RAG set by hand (${RAG_WORDS[mine]}) differs and is kept.` : s.reason;
  },
  marker: (r, ctx) => {
    const s = suggestionOf(r, ctx);
    const mine = ownRag(r);
    return s && mine && mine !== s.rag ? 'differs' : null;
  },
});

function projectColumns(settings: Settings, customFields: readonly CustomFieldDef[], baseline: BaselineChoice): Col[] {
  const cols: Col[] = [
    field('code', 'Code', 'text', { required: true, pinned: 'left', width: 110 }),
    field('name', 'Name', 'text', { required: true, pinned: 'left', width: 260 }),
    field('programmeId', 'Programme', 'reference', { options: 'programme', width: 190, ...group }),
    field('stage', 'Stage', 'select', { options: stageOptions, width: 120, ...group }),
    field('rag.overall', 'RAG', 'rag', {
      width: 90,
      ...group,
      tooltip: (r, ctx) => {
        const s = suggestionOf(r, ctx);
        const mine = ownRag(r);
        return s && mine && mine !== s.rag ? `${RAG_WORDS[mine]}, set by hand; the RAG rules suggest ${s.reason}` : null;
      },
    }),
    suggestedRagCol,
    field('priority', 'Priority', 'select', { options: priorityOptions, width: 100, ...group }),
    field('manager', 'Manager', 'person', { options: 'person', width: 150, ...group }),
    field('sponsor', 'Sponsor', 'person', { options: 'person', width: 150, ...group }),
    field('businessUnit', 'Business unit', 'text', { width: 140, ...group }),
    field('objectiveIds', 'Objectives', 'references', { options: 'objective', width: 200, ...group }),
    field('start', 'Start', 'date', { width: 125 }),
    field('finish', 'Finish', 'date', { width: 125 }),
    field('baselineFinish', 'Baseline finish', 'date', { width: 125 }),
    calc('slip', 'Slip (days)', 'integer', projectSlipCol, { width: 120, description: slipDescription(baseline, 'project') }),
    calc('float', 'Total float (days)', 'integer', (r, ctx) => ctx.totalFloat?.(r.id) ?? null, {
      width: 140,
      hiddenByDefault: true,
      description: 'Days this project can slip before it delays a dependent project or milestone or the portfolio end; 0 or less is on the critical path.',
    }),
    field('percentComplete', '% complete', 'percent', { width: 105 }),
    field('budget', 'Budget', 'money', { width: 130, ...sum }),
    field('forecastCost', 'Forecast (EAC)', 'money', { width: 135, ...sum }),
    field('actualCost', 'Actual cost', 'money', { width: 130, ...sum }),
    calc('variance', 'Cost variance', 'money', (r) => costVariance(r as never), { width: 130, ...sum, description: 'Budget − forecast at completion; negative is over budget.' }),
    calc('spent', '% spent', 'percent', (r) => percentSpent(r as never), { width: 95, description: 'Actual cost ÷ budget.' }),
    calc('openRisks', 'Open risks', 'integer', (r, ctx) => ctx.openRisks(r.id), { width: 100, ...sum, description: 'Risks of this project that are not closed.' }),
    field('rag.schedule', 'RAG schedule', 'rag', { width: 110, hiddenByDefault: true, ...group }),
    field('rag.cost', 'RAG cost', 'rag', { width: 100, hiddenByDefault: true, ...group }),
    field('rag.scope', 'RAG scope', 'rag', { width: 100, hiddenByDefault: true, ...group }),
    field('rag.resources', 'RAG resources', 'rag', { width: 120, hiddenByDefault: true, ...group }),
    field('baselineStart', 'Baseline start', 'date', { width: 125, hiddenByDefault: true }),
    field('actualStart', 'Actual start', 'date', { width: 125, hiddenByDefault: true }),
    field('actualFinish', 'Actual finish', 'date', { width: 125, hiddenByDefault: true }),
    field('tags', 'Tags', 'multiselect', { options: [], allowNew: true, width: 160, hiddenByDefault: true, ...group }),
    field('statusNarrative', 'Status narrative', 'longtext', { width: 300, hiddenByDefault: true }),
    field('description', 'Description', 'longtext', { width: 300, hiddenByDefault: true }),
    field('archived', 'Archived', 'checkbox', { width: 95, hiddenByDefault: true }),
  ];
  if (settings.scoringCriteria.length) {
    cols.push(calc('score', 'Weighted score', 'number', (r) => weightedScore(r as never, settings), { width: 125, description: 'Σ weight × score ÷ scale, 0–100, from the scoring criteria in Settings.' }));
    for (const c of settings.scoringCriteria) {
      cols.push(field(`scores.${c.id}`, `Score: ${c.name}`, 'number', { width: 120, hiddenByDefault: true, description: `0–${c.scaleMax}, weight ${c.weight} %` }));
    }
  }
  for (const f of [...customFields].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))) {
    cols.push(customColumn(f));
  }
  return cols;
}

const CUSTOM_TYPES: Record<CustomFieldDef['type'], ColumnType> = {
  text: 'text',
  number: 'number',
  money: 'money',
  date: 'date',
  select: 'select',
  multiselect: 'multiselect',
  checkbox: 'checkbox',
};

export function customColumn(f: CustomFieldDef): Col {
  const type = CUSTOM_TYPES[f.type];
  return field(`custom.${f.id}`, f.name, type, {
    width: type === 'money' ? 130 : 150,
    ...(f.type === 'select' || f.type === 'multiselect' ? { options: f.options.map((o) => ({ value: o, label: o })), groupable: true } : {}),
    ...(f.type === 'money' || f.type === 'number' ? sum : {}),
    ...(f.type === 'checkbox' ? group : {}),
  });
}

const count = (name: string, header: string, entity: EntityName, fieldName: string): Col =>
  calc(name, header, 'integer', (r, ctx) => ctx.countOf(entity, fieldName, r.id), { width: 100, ...sum });

/**
 * `baseline` is the baseline slip is compared against (chooseBaseline), for the slip columns'
 * header tooltips; their values come from the context's lookup.
 */
export function columnsFor(entity: RegisterEntity, settings: Settings, customFields: readonly CustomFieldDef[] = [], baseline: BaselineChoice = OWN_BASELINE): Col[] {
  switch (entity) {
    case 'project':
      return projectColumns(settings, customFields, baseline);
    case 'programme':
      return [
        field('code', 'Code', 'text', { width: 110, pinned: 'left' }),
        field('name', 'Name', 'text', { required: true, width: 260, pinned: 'left' }),
        field('manager', 'Manager', 'person', { options: 'person', width: 160, ...group }),
        field('sponsor', 'Sponsor', 'person', { options: 'person', width: 160, ...group }),
        count('projects', 'Projects', 'project', 'programmeId'),
        field('description', 'Description', 'longtext', { width: 360 }),
      ];
    case 'objective':
      return [
        field('code', 'Code', 'text', { width: 110, pinned: 'left' }),
        field('name', 'Name', 'text', { required: true, width: 280, pinned: 'left' }),
        field('owner', 'Owner', 'person', { options: 'person', width: 160, ...group }),
        count('projects', 'Projects', 'project', 'objectiveIds'),
        field('description', 'Description', 'longtext', { width: 360 }),
      ];
    case 'resource':
      return [
        field('name', 'Name', 'text', { required: true, width: 200, pinned: 'left' }),
        field('roleId', 'Role', 'reference', { options: 'role', width: 170, ...group }),
        field('team', 'Team', 'text', { width: 150, ...group }),
        field('capacityHoursPerWeek', 'Capacity (h/week)', 'number', { width: 140, ...sum }),
        field('start', 'Start', 'date', { width: 125 }),
        field('end', 'End', 'date', { width: 125 }),
        calc('leave', 'Calendar exceptions', 'integer', (r) => (Array.isArray(r['exceptions']) ? r['exceptions'].length : 0), { width: 150, description: 'Leave, holidays and part-time periods; open the person to edit them.' }),
        field('email', 'Email', 'text', { width: 220 }),
      ];
    case 'role':
      return [
        field('name', 'Name', 'text', { required: true, width: 240, pinned: 'left' }),
        count('people', 'People', 'resource', 'roleId'),
        field('description', 'Description', 'longtext', { width: 400 }),
      ];
    case 'milestone':
      return [
        field('projectId', 'Project', 'reference', { options: 'project', required: true, width: 260, pinned: 'left', ...group }),
        field('name', 'Milestone', 'text', { required: true, width: 240, pinned: 'left' }),
        field('baselineDate', 'Baseline', 'date', { width: 125 }),
        field('forecastDate', 'Forecast', 'date', { width: 125 }),
        field('actualDate', 'Actual', 'date', { width: 125 }),
        calc('slip', 'Slip (days)', 'integer', milestoneSlipCol, { width: 120, description: slipDescription(baseline, 'milestone') }),
        calc(
          'status',
          'Status',
          'select',
          (r, ctx) => (r['actualDate'] ? 'done' : r['forecastDate'] && String(r['forecastDate']) < ctx.today ? 'overdue' : 'open'),
          {
            width: 100,
            options: [
              { value: 'done', label: 'Done' },
              { value: 'overdue', label: 'Overdue' },
              { value: 'open', label: 'Open' },
            ],
            groupable: true,
          },
        ),
        field('description', 'Description', 'longtext', { width: 300 }),
      ];
  }
}

/** The record a new row starts from (a paste taller than the grid, or Add). */
export function blankRecord(entity: RegisterEntity, n: number, existingCodes: ReadonlySet<string>, today: string): Record<string, unknown> {
  switch (entity) {
    case 'project':
      return { code: nextCode('PRJ-', existingCodes, n), name: 'New project', stage: 'idea' };
    case 'programme':
      return { code: nextCode('PGM-', existingCodes, n), name: 'New programme' };
    case 'objective':
      return { code: nextCode('OBJ-', existingCodes, n), name: 'New objective' };
    case 'resource':
      return { name: `New person ${n + 1}` };
    case 'role':
      return { name: `New role ${n + 1}` };
    case 'milestone':
      return { name: 'New milestone', forecastDate: today };
  }
}

/** The n-th free code after the highest numbered one with this prefix (PRJ-041, PRJ-042…). */
export function nextCode(prefix: string, existing: ReadonlySet<string>, n = 0): string {
  let max = 0;
  const re = new RegExp(`^${prefix.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')}(\\d+)$`, 'i');
  for (const c of existing) {
    const m = re.exec(c);
    if (m) max = Math.max(max, Number(m[1]));
  }
  let candidate = max + 1 + n;
  while (existing.has(`${prefix}${String(candidate).padStart(3, '0')}`.toUpperCase())) candidate++;
  return `${prefix}${String(candidate).padStart(3, '0')}`;
}
