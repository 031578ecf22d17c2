// The roadmap's rows, from the register's own pipeline (filters, search, sort, grouping): each
// group becomes a lane with a header row, each project a row with its bar and milestones.
// Projects without dates are listed, never dropped: they keep a row only when they have dated
// milestones to show. Lanes collapse here (the pipeline is built without collapsing), so the
// counts always describe every project the filters let through.
import type { Milestone, Project } from '../model/schemas';
import type { DisplayRow } from '../register/types';
import { projectUnscheduledReason } from '../schedule/network';
import type { BaselineLookup } from '../schedule/slip';
import { dayOf } from '../calendar';

export type RoadmapMode = 'timeline' | 'milestones';

export interface MilestoneMark {
  id: string;
  projectId: string;
  name: string;
  /** Where it is drawn: its actual date once done, else its forecast (day number). */
  day: number;
  forecastDay: number | null;
  baselineDay: number | null;
  actualDay: number | null;
  done: boolean;
  /** Not done and its forecast is before today. */
  overdue: boolean;
  /** Forecast − baseline in calendar days (positive = late); null without both. */
  slip: number | null;
  milestone: Milestone;
}

export interface ProjectRow {
  kind: 'project';
  rowId: string;
  project: Project;
  /** Day numbers of the bar; null when the project cannot be placed (it still has dated milestones). */
  startDay: number | null;
  finishDay: number | null;
  baselineStartDay: number | null;
  baselineFinishDay: number | null;
  milestones: MilestoneMark[];
  /** Row id of its lane header; null without grouping. */
  lane: string | null;
}

export interface LaneRow {
  kind: 'lane';
  rowId: string;
  key: string | null;
  label: string;
  /** Projects in the lane (with or without dates). */
  count: number;
  collapsed: boolean;
  /** First and last day of its projects' bars, for the lane's summary bar. */
  span: { from: number; to: number } | null;
}

export type RoadmapRow = LaneRow | ProjectRow;

export interface UnscheduledProject {
  project: Project;
  reason: string;
  /** Dated milestones it still shows on its row. */
  datedMilestones: number;
}

export interface RoadmapLayout {
  rows: RoadmapRow[];
  /** First row of each project shown (a project filed under several lanes has several rows). */
  rowOfProject: Map<string, number>;
  /** Row of each milestone drawn. */
  rowOfMilestone: Map<string, number>;
  markOf: Map<string, MilestoneMark>;
  unscheduled: UnscheduledProject[];
  /** Milestones of the projects shown that have neither a forecast nor an actual date. */
  undatedMilestones: { milestone: Milestone; project: Project }[];
  counts: { projects: number; milestones: number; unscheduled: number; undatedMilestones: number };
  /** Earliest and latest day of every bar, baseline and milestone the filters let through. */
  range: { from: number; to: number } | null;
  grouped: boolean;
}

export interface LayoutInput {
  /** The register pipeline's rows for the project register, built without collapsed groups. */
  rows: readonly DisplayRow<Project>[];
  milestonesByProject: ReadonlyMap<string, readonly Milestone[]>;
  collapsed: ReadonlySet<string>;
  today: number;
  mode: RoadmapMode;
  /** The baseline slip is compared against (Settings → Baselines); absent = the records' own fields. */
  baseline?: BaselineLookup;
}

interface ProjectDays {
  start: number | null;
  finish: number | null;
  baselineStart: number | null;
  baselineFinish: number | null;
  reason: string | null;
}

// Derived day numbers per record object: records are replaced on every write, never mutated,
// so an entry can never be stale, and a rebuild after one edit re-reads one record.
const projectDays = new WeakMap<object, ProjectDays>();
const milestoneDays = new WeakMap<object, { forecast: number | null; baseline: number | null; actual: number | null }>();

function daysOfProject(p: Project): ProjectDays {
  let d = projectDays.get(p);
  if (!d) {
    const reason = projectUnscheduledReason(p);
    d = { start: reason ? null : dayOf(p.start), finish: reason ? null : dayOf(p.finish), baselineStart: dayOf(p.baselineStart), baselineFinish: dayOf(p.baselineFinish), reason };
    // A baseline with its finish before its start cannot be drawn.
    if (d.baselineStart !== null && d.baselineFinish !== null && d.baselineFinish < d.baselineStart) d.baselineStart = d.baselineFinish = null;
    projectDays.set(p, d);
  }
  return d;
}

function withBaseline(d: ProjectDays, start: number | null, finish: number | null): ProjectDays {
  const drawable = start !== null && finish !== null && finish >= start;
  return { ...d, baselineStart: drawable ? start : null, baselineFinish: drawable ? finish : null };
}

export function milestoneMark(m: Milestone, today: number, baseline?: BaselineLookup): MilestoneMark | null {
  let d = milestoneDays.get(m);
  if (!d) milestoneDays.set(m, (d = { forecast: dayOf(m.forecastDate), baseline: dayOf(m.baselineDate), actual: dayOf(m.actualDate) }));
  if (baseline) d = { ...d, baseline: dayOf(baseline.milestoneDate(m.id)) };
  const day = d.actual ?? d.forecast;
  if (day === null) return null;
  const done = d.actual !== null;
  return {
    id: m.id,
    projectId: m.projectId,
    name: m.name,
    day,
    forecastDay: d.forecast,
    baselineDay: d.baseline,
    actualDay: d.actual,
    done,
    overdue: !done && d.forecast !== null && d.forecast < today,
    slip: d.forecast !== null && d.baseline !== null ? d.forecast - d.baseline : null,
    milestone: m,
  };
}

/** Milestones by project, each list in the project's own order (then by date). */
export function milestonesByProject(milestones: Iterable<Milestone>): Map<string, Milestone[]> {
  const map = new Map<string, Milestone[]>();
  for (const m of milestones) {
    let list = map.get(m.projectId);
    if (!list) map.set(m.projectId, (list = []));
    list.push(m);
  }
  for (const list of map.values()) list.sort((a, b) => a.order - b.order || String(a.forecastDate ?? '').localeCompare(String(b.forecastDate ?? '')) || (a.id < b.id ? -1 : 1));
  return map;
}

export function buildLayout(input: LayoutInput): RoadmapLayout {
  const { today, mode, collapsed } = input;
  const rows: RoadmapRow[] = [];
  const rowOfProject = new Map<string, number>();
  const rowOfMilestone = new Map<string, number>();
  const markOf = new Map<string, MilestoneMark>();
  const unscheduled: UnscheduledProject[] = [];
  const undatedMilestones: RoadmapLayout['undatedMilestones'] = [];
  const seen = new Set<string>();
  let projects = 0;
  let milestones = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  const extend = (a: number | null, b: number | null = a) => {
    if (a !== null && a < lo) lo = a;
    if (b !== null && b > hi) hi = b;
  };

  let lane: LaneRow | null = null;
  let laneRows = 0;
  const closeLane = () => {
    // In the milestone view a lane with nothing to show is left out.
    if (lane && mode === 'milestones' && laneRows === 0 && !lane.collapsed) rows.pop();
  };

  for (const r of input.rows) {
    if (r.kind === 'group') {
      closeLane();
      lane = { kind: 'lane', rowId: r.rowId, key: r.key, label: r.label, count: r.count, collapsed: collapsed.has(r.rowId), span: null };
      laneRows = 0;
      rows.push(lane);
      continue;
    }
    const p = r.record;
    const own = daysOfProject(p);
    const days = input.baseline ? withBaseline(own, dayOf(input.baseline.projectStart(p.id)), dayOf(input.baseline.projectFinish(p.id))) : own;
    const first = !seen.has(p.id);
    seen.add(p.id);
    const list = input.milestonesByProject.get(p.id) ?? [];
    const marks: MilestoneMark[] = [];
    for (const m of list) {
      const mark = milestoneMark(m, today, input.baseline);
      if (mark) marks.push(mark);
      else if (first) undatedMilestones.push({ milestone: m, project: p });
    }
    if (first) {
      milestones += marks.length;
      if (days.reason) unscheduled.push({ project: p, reason: days.reason, datedMilestones: marks.length });
      else projects++;
      extend(days.start, days.finish);
      extend(days.baselineStart, days.baselineFinish);
      for (const mk of marks) {
        extend(mk.day);
        extend(mk.baselineDay);
      }
    }
    if (lane && days.start !== null && days.finish !== null) {
      lane.span = lane.span ? { from: Math.min(lane.span.from, days.start), to: Math.max(lane.span.to, days.finish) } : { from: days.start, to: days.finish };
    }
    const shown = mode === 'milestones' ? marks.length > 0 : days.reason === null || marks.length > 0;
    if (!shown || (lane && lane.collapsed)) continue;
    const index = rows.length;
    rows.push({
      kind: 'project',
      rowId: r.rowId,
      project: p,
      startDay: days.start,
      finishDay: days.finish,
      baselineStartDay: days.baselineStart,
      baselineFinishDay: days.baselineFinish,
      milestones: marks,
      lane: lane ? lane.rowId : null,
    });
    laneRows++;
    if (!rowOfProject.has(p.id)) rowOfProject.set(p.id, index);
    for (const mk of marks) {
      if (!rowOfMilestone.has(mk.id)) {
        rowOfMilestone.set(mk.id, index);
        markOf.set(mk.id, mk);
      }
    }
  }
  closeLane();

  return {
    rows,
    rowOfProject,
    rowOfMilestone,
    markOf,
    unscheduled,
    undatedMilestones,
    counts: { projects, milestones, unscheduled: unscheduled.length, undatedMilestones: undatedMilestones.length },
    range: lo <= hi ? { from: lo, to: hi } : null,
    grouped: input.rows.some((r) => r.kind === 'group'),
  };
}

/** "40 projects, 139 milestones, 3 unscheduled": what the roadmap shows, for its status line. */
export function statusText(counts: RoadmapLayout['counts']): string {
  const n = (k: number, one: string, many = `${one}s`) => `${k.toLocaleString('en-GB')} ${k === 1 ? one : many}`;
  return `${n(counts.projects, 'project')}, ${n(counts.milestones, 'milestone')}, ${counts.unscheduled.toLocaleString('en-GB')} unscheduled`;
}
