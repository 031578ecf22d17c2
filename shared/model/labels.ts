// Human names for fields, so messages say "Hours per FTE must be at most 168", not
// "hoursPerFte Too big". Unknown fields fall back to their name split into words.
import type { z } from 'zod';

const LABELS: Record<string, string> = {
  id: 'Id',
  code: 'Code',
  name: 'Name',
  title: 'Title',
  description: 'Description',
  programmeId: 'Programme',
  objectiveIds: 'Objectives',
  businessUnit: 'Business unit',
  percentComplete: '% complete',
  actualCost: 'Actual cost',
  forecastCost: 'Forecast at completion',
  baselineStart: 'Baseline start',
  baselineFinish: 'Baseline finish',
  actualStart: 'Actual start',
  actualFinish: 'Actual finish',
  statusNarrative: 'Status narrative',
  projectId: 'Project',
  roleId: 'Role',
  resourceId: 'Person',
  baselineDate: 'Baseline date',
  forecastDate: 'Forecast date',
  actualDate: 'Actual date',
  predecessorId: 'Predecessor',
  successorId: 'Successor',
  lagDays: 'Lag (days)',
  capacityHoursPerWeek: 'Capacity (hours/week)',
  raisedDate: 'Raised',
  dueDate: 'Due',
  closedDate: 'Closed',
  hoursPerFte: 'Hours per FTE',
  fiscalYearStartMonth: 'Fiscal year start',
  weekStart: 'Week start',
  capacityUnit: 'Capacity unit',
  dateOrder: 'Date order',
  scoringCriteria: 'Scoring criteria',
  ragRules: 'RAG rules',
  slipAmberDays: 'Amber slip',
  slipRedDays: 'Red slip',
  costAmberPct: 'Amber cost variance',
  costRedPct: 'Red cost variance',
  scaleMax: 'Scale',
  compareBaselineId: 'Compared baseline',
};

export function fieldLabel(path: string): string {
  const last = path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? path;
  if (Object.hasOwn(LABELS, last)) return LABELS[last]!; // not LABELS[last]: 'constructor' would find Object's
  const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const DEFAULT_MESSAGE = /^(Invalid input|Too big|Too small|Invalid option|Invalid element|Invalid key|Unrecognized key)/;

/** What is wrong with a value, without naming the field: "must be at most 168". */
export function issueReason(issue: z.core.$ZodIssue): string {
  if (!DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  const i = issue as unknown as Record<string, unknown>;
  switch (issue.code) {
    case 'too_big':
      return i['origin'] === 'string' ? `must be at most ${String(i['maximum'])} characters` : i['origin'] === 'array' ? `can hold at most ${String(i['maximum'])} items` : `must be ${i['inclusive'] === false ? 'less than' : 'at most'} ${String(i['maximum'])}`;
    case 'too_small':
      if (i['origin'] === 'string' && Number(i['minimum']) === 1) return 'is required';
      // An exclusive bound (gt/lt) is not itself allowed: "at least 0" would accept the 0 just refused.
      return i['origin'] === 'string' ? `must be at least ${String(i['minimum'])} characters` : `must be ${i['inclusive'] === false ? 'more than' : 'at least'} ${String(i['minimum'])}`;
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? 'is required' : `must be ${String(i['expected']).replace(/^(number|string|boolean|array|object)$/, (m) => ({ number: 'a number', string: 'text', boolean: 'yes or no', array: 'a list', object: 'a set of values' })[m] ?? m)}`;
    case 'invalid_value':
      return `must be one of: ${((i['values'] as unknown[]) ?? []).map(String).join(', ')}`;
    default:
      return issue.message.replace(/^Invalid input: /, '');
  }
}

export function describeZodIssue(subject: string, issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return `${subject}: ${path ? `${fieldLabel(path)} ` : ''}${issueReason(issue)}`;
}
