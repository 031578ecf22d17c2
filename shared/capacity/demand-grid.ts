// The demand grid: one project's allocations (or one person's) as rows of hours per week by week
// or month, edited like a spreadsheet. A cell's hours per week follow the one allocation-hours
// rule (allocation-hours.ts), so the grid, the heat map and the exported grid agree. A changed cell re-cuts its allocation into spans of
// constant hours (recutAllocation, shared with the round-trip merge); a cell typed into a row
// without an allocation in that period creates one; 0 or blank removes the hours of that period.
// Negative hours and more than 168 hours a week are refused with a message naming the person,
// project and period; hours outside the project's start–finish are warned about, not refused.
import type { Op } from '../commands/types';
import type { WorkbookState } from '../commands/state';
import { addDays, MONTH_SHORT, type CalendarPeriod, type IsoDate, type PeriodUnit } from '../calendar';
import { allocationRate, hoursCalendarOf, hoursRow, type HoursCalendar } from './allocation-hours';
import type { LooseRecord as Rec } from '../model/record';

export type DemandUnit = PeriodUnit;

/** A period of the grid: a calendar week or month, as the exported grid has them. */
export type DemandPeriod = CalendarPeriod;

export const MAX_HOURS_PER_WEEK = 168;

/** What the demand grid reads from a workbook. */
export interface DemandSource {
  /** hoursPerFte and the workbook's holidays: what the allocation-hours rule reads. */
  calendar: HoursCalendar;
  allocations: readonly Rec[];
  project(id: string): Rec | undefined;
  resource(id: string): Rec | undefined;
  role(id: string): Rec | undefined;
}

export function demandSourceOf(state: WorkbookState): DemandSource {
  return {
    calendar: hoursCalendarOf(state.settings),
    allocations: state.all('allocation'),
    project: (id) => state.get('project', id),
    resource: (id) => state.get('resource', id),
    role: (id) => state.get('role', id),
  };
}

/** "week 2026-W05" or "Mar 2026", as messages name a period. */
export function periodName(p: DemandPeriod): string {
  return /^\d{4}-W\d\d$/.test(p.label) ? `week ${p.label}` : p.label;
}

export interface Span {
  start: IsoDate;
  end: IsoDate;
  hours: number;
}

/**
 * New hours per week for some periods of an allocation → the spans of constant hours that give
 * exactly those hours there and the allocation's own hours elsewhere in its range. Neighbours
 * with equal hours are joined; spans without hours are dropped (none left: delete it).
 */
export function recutSpans(a: { start: IsoDate; end: IsoDate; hours: number }, changed: readonly { period: { start: IsoDate; end: IsoDate }; hours: number }[]): Span[] {
  const spans: Span[] = [];
  const cuts = [...changed].sort((x, y) => (x.period.start < y.period.start ? -1 : x.period.start > y.period.start ? 1 : 0));
  let cursor = a.start;
  for (const c of cuts) {
    const p = c.period;
    if (cursor < p.start && cursor <= a.end) spans.push({ start: cursor, end: minDate(addDays(p.start, -1), a.end), hours: a.hours });
    spans.push({ start: p.start, end: p.end, hours: c.hours });
    if (p.end >= cursor) cursor = addDays(p.end, 1);
  }
  if (cursor <= a.end) spans.push({ start: cursor, end: a.end, hours: a.hours });
  const joined: Span[] = [];
  for (const s of spans) {
    if (s.start > s.end) continue;
    const last = joined.at(-1);
    if (last && last.hours === s.hours && addDays(last.end, 1) === s.start) last.end = s.end;
    else joined.push({ ...s });
  }
  return joined.filter((s) => s.hours > 0);
}

/** The operations that re-cut an allocation record into spans (the first span keeps the record). */
export function recutOps(a: Rec, spans: readonly Span[], newId?: () => string): Op[] {
  if (!spans.length) return [{ op: 'delete', entity: 'allocation', id: a.id }];
  const [first, ...rest] = spans;
  const ops: Op[] = [{ op: 'update', entity: 'allocation', id: a.id, changes: { start: first!.start, end: first!.end, amount: first!.hours, unit: 'hours-per-week' } }];
  for (const s of rest) {
    const { id: _id, ...copy } = a;
    ops.push({ op: 'create', entity: 'allocation', record: { ...copy, ...(newId ? { id: newId() } : {}), start: s.start, end: s.end, amount: s.hours, unit: 'hours-per-week' } });
  }
  return ops;
}

/** Who a row (or an allocation) is for. */
export interface DemandRowKey {
  projectId: string;
  resourceId: string | null;
  roleId: string | null;
  tentative?: boolean;
}

export interface DemandRow extends Required<DemandRowKey> {
  key: string;
  /** "Asha Patel" or "Business analyst (role)". */
  who: string;
  kind: 'person' | 'role';
  projectCode: string;
  allocationIds: string[];
  /** Hours per week in each period, summed over the row's allocations. */
  hours: number[];
}

const rowKey = (k: DemandRowKey) => `${k.projectId}|${k.resourceId ?? ''}|${k.resourceId ? '' : (k.roleId ?? '')}|${k.tentative ? 't' : ''}`;

export function whoOf(src: DemandSource, k: { resourceId: string | null; roleId: string | null }): string {
  if (k.resourceId) return String(src.resource(k.resourceId)?.['name'] ?? 'Unknown person');
  if (k.roleId) return `${String(src.role(k.roleId)?.['name'] ?? 'Unknown role')} (role)`;
  return 'Nobody';
}

export const projectCode = (src: DemandSource, id: string) => String(src.project(id)?.['code'] ?? 'unknown project');

/**
 * The rows of the grid: the allocations of a project (or of a person) grouped by who they are
 * for and whether they are tentative, with their hours per week in every period.
 */
export function demandRows(src: DemandSource, filter: { projectId: string } | { resourceId: string }, periods: readonly DemandPeriod[]): DemandRow[] {
  const rows = new Map<string, DemandRow>();
  for (const a of src.allocations) {
    if ('projectId' in filter ? a['projectId'] !== filter.projectId : a['resourceId'] !== filter.resourceId) continue;
    const k: DemandRowKey = { projectId: String(a['projectId']), resourceId: (a['resourceId'] as string | null) ?? null, roleId: (a['roleId'] as string | null) ?? null, tentative: a['tentative'] === true };
    const key = rowKey(k);
    let row = rows.get(key);
    if (!row) {
      row = { ...k, tentative: k.tentative ?? false, key, who: whoOf(src, k), kind: k.resourceId ? 'person' : 'role', projectCode: projectCode(src, k.projectId), allocationIds: [], hours: periods.map(() => 0) };
      rows.set(key, row);
    }
    row.allocationIds.push(a.id);
    hoursRow(a, periods, src.calendar).forEach((h, i) => (row.hours[i] = Math.round((row.hours[i]! + h) * 100) / 100));
  }
  return [...rows.values()].sort((x, y) => x.projectCode.localeCompare(y.projectCode) || (x.kind === y.kind ? 0 : x.kind === 'person' ? -1 : 1) || x.who.localeCompare(y.who) || Number(x.tentative) - Number(y.tentative));
}

export type DemandEdit = ({ allocationId: string } | { newRow: DemandRowKey }) & { periodIndex: number; hours: number };

/**
 * A row's cell set to `hours` → the edits: the first allocation in that period takes the hours and
 * any others there lose theirs; a row with nothing in that period gets a new allocation.
 */
export function cellEdits(src: DemandSource, row: Pick<DemandRow, 'projectId' | 'resourceId' | 'roleId' | 'tentative' | 'allocationIds'>, periods: readonly DemandPeriod[], periodIndex: number, hours: number): DemandEdit[] {
  const p = periods[periodIndex];
  if (!p) return [];
  const here = row.allocationIds.map((id) => src.allocations.find((a) => a.id === id)).filter((a): a is Rec => !!a && String(a['start']) <= p.end && String(a['end']) >= p.start);
  if (!here.length) return [{ newRow: { projectId: row.projectId, resourceId: row.resourceId, roleId: row.roleId, tentative: row.tentative }, periodIndex, hours }];
  return here.map((a, i) => ({ allocationId: a.id, periodIndex, hours: i === 0 ? hours : 0 }));
}

export interface DemandIssue {
  message: string;
  periodIndex?: number;
  allocationId?: string;
}

export interface DemandPlan {
  ops: Op[];
  /** Edits not made, each with its reason. */
  refused: DemandIssue[];
  /** Made, but worth a look (hours outside the project's dates). */
  warnings: DemandIssue[];
  /** Cells changed. */
  cells: number;
}

function shortDate(d: IsoDate, withYear: boolean): string {
  return `${Number(d.slice(8, 10))} ${MONTH_SHORT[Number(d.slice(5, 7)) - 1]!}${withYear ? ` ${d.slice(0, 4)}` : ''}`;
}

/** "1 Mar – 30 Jun 2026" (a year on both ends when they differ). */
export function dateRangeText(start: IsoDate | null, finish: IsoDate | null): string {
  if (start && finish) return `${shortDate(start, start.slice(0, 4) !== finish.slice(0, 4))} – ${shortDate(finish, true)}`;
  if (start) return `from ${shortDate(start, true)}`;
  return `until ${shortDate(finish!, true)}`;
}

/** The warning for hours from start to end on a project, or null when they are within its dates. */
export function outsideProjectDates(src: DemandSource, a: { projectId: string; resourceId: string | null; roleId: string | null; start: IsoDate; end: IsoDate }, where?: string): string | null {
  const p = src.project(a.projectId);
  if (!p) return null;
  const start = (p['start'] as IsoDate | null) ?? null;
  const finish = (p['finish'] as IsoDate | null) ?? null;
  if (!start && !finish) return null;
  if ((!start || a.start >= start) && (!finish || a.end <= finish)) return null;
  const code = String(p['code']);
  return `${whoOf(src, a)} on ${code}, ${where ?? `${shortDate(a.start, true)} – ${shortDate(a.end, true)}`}, is outside ${code}'s dates (${dateRangeText(start, finish)})`;
}

/**
 * Plans edits of the demand grid as command-path operations. Refused edits change nothing;
 * every other edit is planned, with warnings for hours outside the project's dates.
 */
export function planDemandEdit(src: DemandSource, edits: readonly DemandEdit[], periods: readonly DemandPeriod[], newId?: () => string): DemandPlan {
  const plan: DemandPlan = { ops: [], refused: [], warnings: [], cells: 0 };
  const byAllocation = new Map<string, Map<number, number>>();
  const newRows = new Map<string, { key: DemandRowKey; hours: Map<number, number> }>();
  const warned = new Set<string>();
  for (const e of edits) {
    const p = periods[e.periodIndex];
    if (!p) continue;
    const alloc = 'allocationId' in e ? src.allocations.find((a) => a.id === e.allocationId) : undefined;
    if ('allocationId' in e && !alloc) {
      plan.refused.push({ message: 'The allocation no longer exists', periodIndex: e.periodIndex, allocationId: e.allocationId });
      continue;
    }
    const key: DemandRowKey = alloc ? { projectId: String(alloc['projectId']), resourceId: (alloc['resourceId'] as string | null) ?? null, roleId: (alloc['roleId'] as string | null) ?? null } : (e as { newRow: DemandRowKey }).newRow;
    const where = `${whoOf(src, key)} on ${projectCode(src, key.projectId)}, ${periodName(p)}`;
    const hours = e.hours;
    if (!Number.isFinite(hours)) {
      plan.refused.push({ message: `Hours must be a number: ${where}`, periodIndex: e.periodIndex });
      continue;
    }
    if (hours < 0) {
      plan.refused.push({ message: `Hours cannot be negative: ${where}`, periodIndex: e.periodIndex });
      continue;
    }
    if (hours > MAX_HOURS_PER_WEEK) {
      plan.refused.push({ message: `Hours cannot be more than ${MAX_HOURS_PER_WEEK} a week: ${where}`, periodIndex: e.periodIndex });
      continue;
    }
    if (!key.resourceId && !key.roleId) {
      plan.refused.push({ message: `Choose a person or a role first: ${where}`, periodIndex: e.periodIndex });
      continue;
    }
    if (hours > 0) {
      const w = outsideProjectDates(src, { ...key, start: p.start, end: p.end }, periodName(p));
      if (w && !warned.has(w)) {
        warned.add(w);
        plan.warnings.push({ message: w, periodIndex: e.periodIndex });
      }
    }
    const rounded = Math.round(hours * 100) / 100;
    if (alloc) {
      let m = byAllocation.get(alloc.id);
      if (!m) byAllocation.set(alloc.id, (m = new Map()));
      m.set(e.periodIndex, rounded);
    } else {
      const k = rowKey(key);
      let r = newRows.get(k);
      if (!r) newRows.set(k, (r = { key, hours: new Map() }));
      r.hours.set(e.periodIndex, rounded);
    }
    plan.cells++;
  }
  for (const [id, changed] of byAllocation) {
    const a = src.allocations.find((x) => x.id === id)!;
    const spans = recutSpans(
      { start: String(a['start']), end: String(a['end']), hours: allocationRate(a, src.calendar.hoursPerFte) },
      [...changed].map(([i, hours]) => ({ period: periods[i]!, hours })),
    );
    plan.ops.push(...recutOps(a, spans, newId));
  }
  for (const { key, hours } of newRows.values()) {
    // Consecutive periods with equal hours become one allocation.
    const spans = recutSpans({ start: periods[0]!.start, end: periods[0]!.start, hours: 0 }, [...hours].map(([i, h]) => ({ period: periods[i]!, hours: h })));
    for (const s of spans) {
      plan.ops.push({ op: 'create', entity: 'allocation', record: { ...(newId ? { id: newId() } : {}), projectId: key.projectId, resourceId: key.resourceId, roleId: key.roleId, tentative: key.tentative === true, start: s.start, end: s.end, amount: s.hours, unit: 'hours-per-week', note: '' } });
    }
  }
  return plan;
}

/**
 * A role's demand named: every allocation of the role row is replaced by one allocation per
 * person, the role kept as roleId, its hours split in proportion to the shares (20 h split 12:8
 * gives 12 h and 8 h). One plan, so one undo step.
 */
export function planAssignRole(src: DemandSource, allocationIds: readonly string[], shares: readonly { resourceId: string; hours: number }[], newId?: () => string): { ops: Op[]; refused: string[] } {
  const refused: string[] = [];
  const valid = shares.filter((s) => s.resourceId && s.hours > 0);
  if (shares.some((s) => s.hours < 0 || !Number.isFinite(s.hours))) refused.push('Hours cannot be negative');
  if (!valid.length) refused.push('Give at least one person some hours');
  if (new Set(valid.map((s) => s.resourceId)).size !== valid.length) refused.push('Each person can be named once');
  const allocs = allocationIds.map((id) => src.allocations.find((a) => a.id === id)).filter((a): a is Rec => !!a);
  if (allocs.some((a) => a['resourceId'])) refused.push('Only demand for a role can be assigned to people');
  if (refused.length) return { ops: [], refused };
  const total = valid.reduce((s, x) => s + x.hours, 0);
  const ops: Op[] = [];
  for (const a of allocs) {
    const rate = allocationRate(a, src.calendar.hoursPerFte);
    const { id: _id, ...copy } = a;
    for (const s of valid) {
      const amount = Math.round(((rate * s.hours) / total) * 100) / 100;
      if (amount > 0) ops.push({ op: 'create', entity: 'allocation', record: { ...copy, ...(newId ? { id: newId() } : {}), resourceId: s.resourceId, roleId: a['roleId'] ?? null, amount, unit: 'hours-per-week' } });
    }
    ops.push({ op: 'delete', entity: 'allocation', id: a.id });
  }
  return { ops, refused };
}

const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
