// The dependency network of a portfolio: every project and milestone that has dates, and the
// dependencies between them, ready for the schedule maths (critical-path.ts, violations.ts).
//
// In plain words:
// - A project is a bar from its start date to its finish date, both days included: a project
//   from 1 to 10 June lasts 10 calendar days.
// - A milestone is a moment with no length, on its forecast date (its actual date once it is
//   done). It counts as reached at the END of that day. So a "Go-live" milestone on a project's
//   finish date is met by that project, and work that waits for a milestone starts the next day.
// - A project without a start or a finish, or a milestone without a forecast or actual date,
//   cannot be placed: it is listed as unscheduled, and the dependencies that touch it are
//   listed as skipped ("endpoint has no dates"), never silently dropped.
// - A dependency that points at a record that does not exist (deleted) is skipped too.
//
// Internally every item gets two moments counted in days since 1970-01-01: `startTime`, when its
// work begins (the start of its first day), and `endTime`, when it is over (the end of its last
// day, i.e. the start of the next day). A milestone on day d has startTime = endTime = d + 1.
// With these, every link rule is one comparison (see linkBound).
//
// findCycles finds dependency loops (A waits for B, B for C, C for A) in linear time with
// Tarjan's algorithm, written without recursion so a 10,000-item chain cannot overflow the stack.
import type { Dependency, Milestone, Project } from '../model/schemas';
import { fromDayNumber, isIsoDate, toDayNumber, type IsoDate } from '../calendar';

export type NodeKind = 'project' | 'milestone';
export type LinkType = 'FS' | 'SS' | 'FF';
/** 'project:<id>' or 'milestone:<id>'. */
export type NodeKey = string;

export type ScheduleProject = Pick<Project, 'id' | 'start' | 'finish'>;
export type ScheduleMilestone = Pick<Milestone, 'id' | 'forecastDate' | 'actualDate'>;
export type ScheduleDependency = Pick<Dependency, 'id' | 'predecessorKind' | 'predecessorId' | 'successorKind' | 'successorId' | 'type' | 'lagDays'>;

export interface ScheduleInput {
  projects: readonly ScheduleProject[];
  milestones: readonly ScheduleMilestone[];
  dependencies: readonly ScheduleDependency[];
}

export interface NetworkNode {
  key: NodeKey;
  kind: NodeKind;
  id: string;
  /** Planned start (a milestone: its date). */
  start: IsoDate;
  /** Planned finish (a milestone: its date). */
  finish: IsoDate;
  /** Calendar days, both ends included; 0 for a milestone. */
  duration: number;
  /** Day number when the work begins; a milestone: the end of its day. */
  startTime: number;
  /** Day number when the item is over (the day after its finish). */
  endTime: number;
  /** Position in Network.nodeList. */
  index: number;
}

export interface NetworkEdge {
  dependencyId: string;
  from: NodeKey;
  to: NodeKey;
  fromIndex: number;
  toIndex: number;
  type: LinkType;
  lagDays: number;
}

export interface UnscheduledNode {
  kind: NodeKind;
  id: string;
  /** Plain words, e.g. "no finish date". */
  reason: string;
}

export interface SkippedDependency {
  dependencyId: string;
  /** Plain words, e.g. "skipped: endpoint has no dates". */
  reason: string;
}

export interface Network {
  nodes: Map<NodeKey, NetworkNode>;
  /** The same nodes by index, in input order (projects, then milestones). */
  nodeList: NetworkNode[];
  edges: NetworkEdge[];
  unscheduled: UnscheduledNode[];
  skipped: SkippedDependency[];
}

export const SKIP_NO_DATES = 'skipped: endpoint has no dates';
export const SKIP_NOT_FOUND = 'skipped: endpoint not found';

export function nodeKey(kind: NodeKind, id: string): NodeKey {
  return `${kind}:${id}`;
}

/** Start and end moments (see the header) of an item with planned dates. */
export interface Timing {
  kind: NodeKind;
  startTime: number;
  endTime: number;
}

export function projectTiming(start: IsoDate, finish: IsoDate): Timing {
  return { kind: 'project', startTime: toDayNumber(start), endTime: toDayNumber(finish) + 1 };
}

export function milestoneTiming(date: IsoDate): Timing {
  const t = toDayNumber(date) + 1;
  return { kind: 'milestone', startTime: t, endTime: t };
}

/** The date shown for a start moment: a milestone's moment is the end of its day. */
export function startDateOf(kind: NodeKind, startTime: number): IsoDate {
  return fromDayNumber(kind === 'milestone' ? startTime - 1 : startTime);
}

/** The date shown for an end moment (the last day of the work). */
export function finishDateOf(endTime: number): IsoDate {
  return fromDayNumber(endTime - 1);
}

/** The milestone's date in the network: its actual date once done, else its forecast. */
export function milestoneNetworkDate(m: ScheduleMilestone): IsoDate | null {
  if (m.actualDate && isIsoDate(m.actualDate)) return m.actualDate;
  if (m.forecastDate && isIsoDate(m.forecastDate)) return m.forecastDate;
  return null;
}

/** Why a project cannot be placed, or null when it can. */
export function projectUnscheduledReason(p: ScheduleProject): string | null {
  const hasStart = !!p.start && isIsoDate(p.start);
  const hasFinish = !!p.finish && isIsoDate(p.finish);
  if (!hasStart && !hasFinish) return 'no start or finish date';
  if (!hasStart) return 'no start date';
  if (!hasFinish) return 'no finish date';
  if (p.finish! < p.start!) return 'finish before start';
  return null;
}

/**
 * What a link demands, as a moment the successor must not be before:
 * - FS: the successor starts no earlier than the predecessor is over, plus the lag
 *   (for projects: pred.finish + 1 + lag ≤ succ.start);
 * - SS: the successor starts no earlier than the predecessor starts, plus the lag;
 * - FF: the successor is over no earlier than the predecessor is over, plus the lag.
 * `on` says which moment of the successor is bounded; slack = that moment − bound (negative =
 * the plan breaks the link by that many days).
 */
export function linkBound(type: LinkType, lagDays: number, pred: Timing): { on: 'start' | 'finish'; bound: number } {
  switch (type) {
    case 'SS':
      return { on: 'start', bound: pred.startTime + lagDays };
    case 'FF':
      return { on: 'finish', bound: pred.endTime + lagDays };
    default:
      return { on: 'start', bound: pred.endTime + lagDays };
  }
}

/** Days of room on a link in the plan: ≥ 0 kept, < 0 broken by that many days. */
export function linkSlack(type: LinkType, lagDays: number, pred: Timing, succ: Timing): number {
  const { on, bound } = linkBound(type, lagDays, pred);
  return (on === 'start' ? succ.startTime : succ.endTime) - bound;
}

export function buildNetwork(input: ScheduleInput): Network {
  const nodes = new Map<NodeKey, NetworkNode>();
  const nodeList: NetworkNode[] = [];
  const unscheduled: UnscheduledNode[] = [];
  const unscheduledKeys = new Set<NodeKey>();
  const add = (kind: NodeKind, id: string, start: IsoDate, finish: IsoDate, t: Timing) => {
    const key = nodeKey(kind, id);
    const node: NetworkNode = { key, kind, id, start, finish, duration: t.endTime - t.startTime, startTime: t.startTime, endTime: t.endTime, index: nodeList.length };
    nodes.set(key, node);
    nodeList.push(node);
  };
  const seen = (kind: NodeKind, id: string): boolean => {
    const key = nodeKey(kind, id);
    if (!nodes.has(key) && !unscheduledKeys.has(key)) return false;
    unscheduled.push({ kind, id, reason: 'appears more than once; the first is used' });
    return true;
  };
  for (const p of input.projects) {
    if (seen('project', p.id)) continue;
    const reason = projectUnscheduledReason(p);
    if (reason) {
      unscheduled.push({ kind: 'project', id: p.id, reason });
      unscheduledKeys.add(nodeKey('project', p.id));
    } else add('project', p.id, p.start!, p.finish!, projectTiming(p.start!, p.finish!));
  }
  for (const m of input.milestones) {
    if (seen('milestone', m.id)) continue;
    const date = milestoneNetworkDate(m);
    if (!date) {
      unscheduled.push({ kind: 'milestone', id: m.id, reason: 'no forecast or actual date' });
      unscheduledKeys.add(nodeKey('milestone', m.id));
    } else add('milestone', m.id, date, date, milestoneTiming(date));
  }

  const edges: NetworkEdge[] = [];
  const skipped: SkippedDependency[] = [];
  for (const d of input.dependencies) {
    const from = nodeKey(d.predecessorKind, d.predecessorId);
    const to = nodeKey(d.successorKind, d.successorId);
    const a = nodes.get(from);
    const b = nodes.get(to);
    if (!a || !b) {
      const missing = (!a && !unscheduledKeys.has(from)) || (!b && !unscheduledKeys.has(to));
      skipped.push({ dependencyId: d.id, reason: missing ? SKIP_NOT_FOUND : SKIP_NO_DATES });
      continue;
    }
    edges.push({ dependencyId: d.id, from, to, fromIndex: a.index, toIndex: b.index, type: d.type ?? 'FS', lagDays: d.lagDays ?? 0 });
  }
  return { nodes, nodeList, edges, unscheduled, skipped };
}

/** Outgoing adjacency in compressed form: the targets of node i are to[offset[i] … offset[i+1]). */
export interface Adjacency {
  offset: Int32Array;
  /** Target node index per slot. */
  to: Int32Array;
  /** Edge index (into the edge list) per slot. */
  edge: Int32Array;
}

export function outgoing(n: number, edges: readonly { fromIndex: number; toIndex: number }[], keep?: (edgeIndex: number) => boolean): Adjacency {
  const offset = new Int32Array(n + 1);
  let m = 0;
  for (let e = 0; e < edges.length; e++) {
    if (keep && !keep(e)) continue;
    offset[edges[e]!.fromIndex + 1]!++;
    m++;
  }
  for (let i = 0; i < n; i++) offset[i + 1]! += offset[i]!;
  const fill = offset.slice(0, n);
  const to = new Int32Array(m);
  const edge = new Int32Array(m);
  for (let e = 0; e < edges.length; e++) {
    if (keep && !keep(e)) continue;
    const slot = fill[edges[e]!.fromIndex]!++;
    to[slot] = edges[e]!.toIndex;
    edge[slot] = e;
  }
  return { offset, to, edge };
}

/**
 * Loops among nodes 0 … n−1 as lists of node indices (see findCycles). Iterative Tarjan,
 * O(nodes + edges).
 */
export function findCycleIndices(n: number, adj: Adjacency): number[][] {
  const { offset, to } = adj;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  let sp = 0;
  const callNode = new Int32Array(n);
  const callSlot = new Int32Array(n);
  let counter = 0;
  const components: number[][] = [];

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callSlot[0] = offset[root]!;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth]!;
      const slot = callSlot[depth]!;
      if (slot < offset[v + 1]!) {
        callSlot[depth] = slot + 1;
        const w = to[slot]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callSlot[depth] = offset[w]!;
        } else if (onStack[w] && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      // v is finished: pop its component if it is a root, then hand its low link to the caller.
      if (low[v] === index[v]) {
        const members: number[] = [];
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          members.push(w);
        } while (w !== v);
        if (members.length > 1 || hasSelfLoop(v, adj)) components.push(members);
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
    }
  }
  return components.map((members) => orderAlongLinks(members, adj));
}

function hasSelfLoop(v: number, adj: Adjacency): boolean {
  for (let s = adj.offset[v]!; s < adj.offset[v + 1]!; s++) if (adj.to[s] === v) return true;
  return false;
}

/**
 * Orders a loop's members the way one walks the links: from the member listed first in the
 * input, depth first along links that stay inside the loop. For a simple loop A → B → C → A
 * this gives [A, B, C]. Linear in the loop's size and links; iterative.
 */
function orderAlongLinks(members: number[], adj: Adjacency): number[] {
  const inside = new Set(members);
  let start = members[0]!;
  for (const m of members) if (m < start) start = m;
  const visited = new Set<number>([start]);
  const order = [start];
  const nodeStack = [start];
  const slotStack = [adj.offset[start]!];
  while (nodeStack.length) {
    const top = nodeStack.length - 1;
    const v = nodeStack[top]!;
    const slot = slotStack[top]!;
    if (slot >= adj.offset[v + 1]!) {
      nodeStack.pop();
      slotStack.pop();
      continue;
    }
    slotStack[top] = slot + 1;
    const w = adj.to[slot]!;
    if (inside.has(w) && !visited.has(w)) {
      visited.add(w);
      order.push(w);
      nodeStack.push(w);
      slotStack.push(adj.offset[w]!);
    }
  }
  return order;
}

/**
 * Every dependency loop: each strongly connected group of more than one node, and each node
 * that depends on itself, as node ids in link order (a simple loop A → B → C → A gives
 * [A, B, C], starting from the node listed first; in a tangle of several loops, every node of
 * the tangle in the order a walk along its links reaches them). Links to ids that are not nodes
 * are ignored. O(nodes + edges), no recursion.
 */
export function findCycles(graph: { nodes: ReadonlyMap<string, unknown>; edges: readonly { from: string; to: string }[] }): string[][] {
  const ids = [...graph.nodes.keys()];
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => indexOf.set(id, i));
  const indexed: { fromIndex: number; toIndex: number }[] = [];
  for (const e of graph.edges) {
    const a = indexOf.get(e.from);
    const b = indexOf.get(e.to);
    if (a !== undefined && b !== undefined) indexed.push({ fromIndex: a, toIndex: b });
  }
  return findCycleIndices(ids.length, outgoing(ids.length, indexed)).map((c) => c.map((i) => ids[i]!));
}
