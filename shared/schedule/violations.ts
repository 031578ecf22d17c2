// Broken dependencies: where the plan starts (FS, SS) or finishes (FF) a successor before its
// predecessor allows, and by how many calendar days. Also the quick check while a bar is being
// dragged on the roadmap: which links would the proposed dates break?
//
// The rules (see network.ts for milestones, which count as reached at the end of their day):
//   FS: predecessor finish + 1 + lag ≤ successor start
//   SS: predecessor start + lag ≤ successor start
//   FF: predecessor finish + lag ≤ successor finish
// A link whose predecessor or successor has no dates cannot be checked and is listed as
// skipped, with the reason.
//
// For dragging: build the link index and the date lookup once (buildLinkIndex,
// buildDateLookup), then each checkMove looks only at the moved item's own links.
import { type IsoDate } from '../calendar';
import {
  finishDateOf,
  linkBound,
  milestoneNetworkDate,
  milestoneTiming,
  nodeKey,
  projectTiming,
  projectUnscheduledReason,
  startDateOf,
  SKIP_NO_DATES,
  SKIP_NOT_FOUND,
  type LinkType,
  type NodeKey,
  type NodeKind,
  type ScheduleDependency,
  type ScheduleInput,
  type ScheduleMilestone,
  type ScheduleProject,
  type SkippedDependency,
  type Timing,
} from './network';

export interface DependencyCheck {
  dependencyId: string;
  type: LinkType;
  lagDays: number;
  predecessor: { kind: NodeKind; id: string };
  successor: { kind: NodeKind; id: string };
  /** Which of the successor's dates the link limits: its start (FS, SS) or its finish (FF). */
  constrains: 'start' | 'finish';
  /** The successor's planned start or finish (a milestone: its date). */
  planned: IsoDate;
  /** The earliest that date may be under this link. */
  earliestAllowed: IsoDate;
  /** planned − earliestAllowed in calendar days: ≥ 0 kept, negative broken. */
  slackDays: number;
  violated: boolean;
  /** Calendar days by which the link is broken; 0 when kept. */
  days: number;
}

export interface ViolationReport {
  /** Every dependency that could be checked, in input order. */
  checks: DependencyCheck[];
  /** The broken ones (checks with violated = true). */
  violations: DependencyCheck[];
  /** Dependencies that could not be checked, with the reason. */
  skipped: SkippedDependency[];
}

/** Planned dates by item, built once (O(items)) and read in O(1). */
export interface DateLookup {
  /** The item's moments (network.ts), or null when it has no dates. */
  timing(kind: NodeKind, id: string): Timing | null;
  /** Whether the item exists at all (with or without dates). */
  has(kind: NodeKind, id: string): boolean;
}

export function buildDateLookup(input: { projects: readonly ScheduleProject[]; milestones: readonly ScheduleMilestone[] }): DateLookup {
  const timings = new Map<NodeKey, Timing | null>();
  for (const p of input.projects) {
    const key = nodeKey('project', p.id);
    if (!timings.has(key)) timings.set(key, projectUnscheduledReason(p) ? null : projectTiming(p.start!, p.finish!));
  }
  for (const m of input.milestones) {
    const key = nodeKey('milestone', m.id);
    const date = milestoneNetworkDate(m);
    if (!timings.has(key)) timings.set(key, date ? milestoneTiming(date) : null);
  }
  return {
    timing: (kind, id) => timings.get(nodeKey(kind, id)) ?? null,
    has: (kind, id) => timings.has(nodeKey(kind, id)),
  };
}

/** Checks one link between two dated items. */
export function checkLink(dep: ScheduleDependency, pred: Timing, succ: Timing): DependencyCheck {
  const type = dep.type ?? 'FS';
  const lagDays = dep.lagDays ?? 0;
  const { on, bound } = linkBound(type, lagDays, pred);
  const plannedTime = on === 'start' ? succ.startTime : succ.endTime;
  const slackDays = plannedTime - bound;
  return {
    dependencyId: dep.id,
    type,
    lagDays,
    predecessor: { kind: dep.predecessorKind, id: dep.predecessorId },
    successor: { kind: dep.successorKind, id: dep.successorId },
    constrains: on,
    planned: on === 'start' ? startDateOf(succ.kind, plannedTime) : finishDateOf(plannedTime),
    earliestAllowed: on === 'start' ? startDateOf(succ.kind, bound) : finishDateOf(bound),
    slackDays,
    violated: slackDays < 0,
    days: slackDays < 0 ? -slackDays : 0,
  };
}

/** Every dependency checked against the planned dates. O(items + dependencies). */
export function dependencyViolations(input: ScheduleInput): ViolationReport {
  const dates = buildDateLookup(input);
  const checks: DependencyCheck[] = [];
  const skipped: SkippedDependency[] = [];
  for (const dep of input.dependencies) {
    const pred = dates.timing(dep.predecessorKind, dep.predecessorId);
    const succ = dates.timing(dep.successorKind, dep.successorId);
    if (!pred || !succ) {
      const missing = !dates.has(dep.predecessorKind, dep.predecessorId) || !dates.has(dep.successorKind, dep.successorId);
      skipped.push({ dependencyId: dep.id, reason: missing ? SKIP_NOT_FOUND : SKIP_NO_DATES });
      continue;
    }
    checks.push(checkLink(dep, pred, succ));
  }
  return { checks, violations: checks.filter((c) => c.violated), skipped };
}

/** Each item's incoming and outgoing dependencies, keyed 'project:<id>' | 'milestone:<id>'. */
export interface LinkIndex {
  incoming: Map<NodeKey, ScheduleDependency[]>;
  outgoing: Map<NodeKey, ScheduleDependency[]>;
}

export function buildLinkIndex(deps: readonly ScheduleDependency[]): LinkIndex {
  const incoming = new Map<NodeKey, ScheduleDependency[]>();
  const outgoingLinks = new Map<NodeKey, ScheduleDependency[]>();
  const push = (map: Map<NodeKey, ScheduleDependency[]>, key: NodeKey, dep: ScheduleDependency) => {
    const list = map.get(key);
    if (list) list.push(dep);
    else map.set(key, [dep]);
  };
  for (const dep of deps) {
    push(outgoingLinks, nodeKey(dep.predecessorKind, dep.predecessorId), dep);
    push(incoming, nodeKey(dep.successorKind, dep.successorId), dep);
  }
  return { incoming, outgoing: outgoingLinks };
}

export interface MoveViolation extends DependencyCheck {
  /** Days the same link is broken by at the current dates (0 = the move would break it). */
  daysBefore: number;
}

/**
 * The links a proposed move of one project would break: its incoming links (it would start or
 * finish too early) and its outgoing links (it would hold up a successor), each with how badly
 * it is broken before the move (`daysBefore`), so a view can tell new problems from old ones.
 * O(the project's own links). Other items keep their planned dates.
 */
export function checkMove(projectId: string, newStart: IsoDate, newFinish: IsoDate, links: LinkIndex, dates: DateLookup): MoveViolation[] {
  if (newFinish < newStart) throw new RangeError(`finish ${newFinish} is before start ${newStart}`);
  return checkMoved('project', projectId, projectTiming(newStart, newFinish), links, dates);
}

/** As checkMove, for a milestone dragged to `newDate`. */
export function checkMilestoneMove(milestoneId: string, newDate: IsoDate, links: LinkIndex, dates: DateLookup): MoveViolation[] {
  return checkMoved('milestone', milestoneId, milestoneTiming(newDate), links, dates);
}

function checkMoved(kind: NodeKind, id: string, moved: Timing, links: LinkIndex, dates: DateLookup): MoveViolation[] {
  const key = nodeKey(kind, id);
  const current = dates.timing(kind, id);
  const out: MoveViolation[] = [];
  const seen = new Set<ScheduleDependency>();
  const visit = (dep: ScheduleDependency) => {
    if (seen.has(dep)) return; // a link from the item to itself is both incoming and outgoing
    seen.add(dep);
    const predIsMoved = nodeKey(dep.predecessorKind, dep.predecessorId) === key;
    const succIsMoved = nodeKey(dep.successorKind, dep.successorId) === key;
    const timingAfter = (isMoved: boolean, k: NodeKind, i: string) => (isMoved ? moved : dates.timing(k, i));
    const pred = timingAfter(predIsMoved, dep.predecessorKind, dep.predecessorId);
    const succ = timingAfter(succIsMoved, dep.successorKind, dep.successorId);
    if (!pred || !succ) return;
    const after = checkLink(dep, pred, succ);
    if (!after.violated) return;
    let daysBefore = 0;
    if (current) {
      const predBefore = predIsMoved ? current : pred;
      const succBefore = succIsMoved ? current : succ;
      daysBefore = checkLink(dep, predBefore, succBefore).days;
    }
    out.push({ ...after, daysBefore });
  };
  for (const dep of links.incoming.get(key) ?? []) visit(dep);
  for (const dep of links.outgoing.get(key) ?? []) visit(dep);
  return out;
}
