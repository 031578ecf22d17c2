// The critical path of a portfolio: which projects and milestones have no room to slip without
// pushing out the portfolio's end, and which dependencies drive them.
//
// How to read the numbers (for a PMO):
// - The planned dates ARE the schedule. This is a portfolio view, not a scheduling engine: we
//   never move anything. "Early start" and "early finish" are simply the planned start and
//   finish. A milestone has no length: its early start and finish are both its date (its
//   forecast, or its actual date once done), and it counts as reached at the end of that day.
// - Each dependency says how an item must wait for another, with a lag in calendar days
//   (a negative lag is a lead, an overlap):
//     FS  finish-to-start: the successor starts after the predecessor finishes
//         (predecessor finish + 1 + lag ≤ successor start; with lag 0, the next day);
//     SS  start-to-start:  predecessor start + lag ≤ successor start;
//     FF  finish-to-finish: predecessor finish + lag ≤ successor finish.
// - Forward pass: for each item, the earliest start its predecessors' planned dates allow
//   (`earliestAllowedStart`). If the plan starts it earlier, the plan breaks a link.
// - Backward pass: from the portfolio end (the latest planned finish of any item, or a date you
//   give), the latest each item may finish and start without delaying any successor or the
//   portfolio end: latest finish = the earliest of the limits its successor links impose (and
//   never after the portfolio end); latest start = latest finish − duration + 1.
// - Total float = latest start − planned start, in calendar days: how far the item can slip
//   before it delays something that matters. It is negative when the plan already breaks a link
//   downstream (the item is already late by that much).
// - Critical = total float of 0 days or less. A critical dependency links two critical items
//   and is driving: the successor has no room on that link (it sits right against it, or the
//   plan already breaks it).
// - Several items may start the portfolio and several may end it; that is normal.
// - Items caught in a dependency loop (A waits for B, B for C, C for A) cannot be given a float:
//   they are left out of the calculation and listed in `cycles`, and links touching them are
//   listed in `skipped`. Everything else is still computed (their planned dates still count
//   toward the portfolio end). Items without dates are listed in `unscheduled`.
// - A milestone is not tied to its project's bar unless a dependency says so.
//
// Linear time, O(items + dependencies): loops found with Tarjan's algorithm, then one
// topological order (Kahn) for the backward pass. No recursion.
import { toDayNumber, type IsoDate } from '../calendar';
import {
  buildNetwork,
  finishDateOf,
  findCycleIndices,
  linkBound,
  linkSlack,
  outgoing,
  startDateOf,
  type NodeKey,
  type NodeKind,
  type ScheduleInput,
  type SkippedDependency,
  type UnscheduledNode,
} from './network';

export interface ScheduleNode {
  kind: NodeKind;
  id: string;
  /** Early start = the planned start (a milestone: its date). */
  es: IsoDate;
  /** Early finish = the planned finish (a milestone: its date). */
  ef: IsoDate;
  /** Latest start that delays no successor and not the portfolio end. */
  ls: IsoDate;
  /** Latest finish that delays no successor and not the portfolio end. */
  lf: IsoDate;
  /** ls − es in calendar days; negative when the plan already breaks a link downstream. */
  totalFloat: number;
  /** totalFloat ≤ criticalFloatDays (0 unless set). */
  critical: boolean;
  /** Calendar days, both ends included; 0 for a milestone. */
  duration: number;
  /**
   * The earliest start the predecessors' planned dates allow (forward pass); null without
   * predecessors. Later than `es` means the plan breaks an incoming link.
   */
  earliestAllowedStart: IsoDate | null;
}

export interface ScheduleResult {
  /** Keyed 'project:<id>' | 'milestone:<id>'. Items on loops or without dates are absent. */
  nodes: Map<NodeKey, ScheduleNode>;
  /** Dependency ids of critical, driving links. */
  criticalEdges: Set<string>;
  /** Dependency loops, as node keys in link order; their items are left out of `nodes`. */
  cycles: string[][];
  unscheduled: UnscheduledNode[];
  /** The latest early (planned) finish of any dated item, loops included; null when none. */
  projectEnd: IsoDate | null;
  /** The end the backward pass ran from: opts.portfolioEnd, else projectEnd. */
  scheduleEnd: IsoDate | null;
  /** Room on each computed link in the plan, in days, by dependency id (negative = broken). */
  edgeSlack: Map<string, number>;
  /** Dependencies not used: endpoint missing, without dates, or on a loop. */
  skipped: SkippedDependency[];
}

export interface CriticalPathOptions {
  /** Measure float against this end date instead of the latest planned finish. */
  portfolioEnd?: IsoDate;
  /** Items with total float ≤ this many days are critical (default 0). */
  criticalFloatDays?: number;
}

export const SKIP_ON_LOOP = 'skipped: part of a dependency loop';

export function criticalPath(input: ScheduleInput, opts: CriticalPathOptions = {}): ScheduleResult {
  const net = buildNetwork(input);
  const { nodeList, edges } = net;
  const n = nodeList.length;
  const threshold = opts.criticalFloatDays ?? 0;

  // 1. Loops: their nodes sit out the passes.
  const all = outgoing(n, edges);
  const loopIdx = findCycleIndices(n, all);
  const onLoop = new Uint8Array(n);
  for (const c of loopIdx) for (const i of c) onLoop[i] = 1;
  const cycles = loopIdx.map((c) => c.map((i) => nodeList[i]!.key));

  const skipped = [...net.skipped];
  const used = new Uint8Array(edges.length);
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e]!;
    if (onLoop[edge.fromIndex] || onLoop[edge.toIndex]) skipped.push({ dependencyId: edge.dependencyId, reason: SKIP_ON_LOOP });
    else used[e] = 1;
  }

  let maxEnd = -Infinity;
  for (const node of nodeList) if (node.endTime > maxEnd) maxEnd = node.endTime;
  const projectEnd = n ? finishDateOf(maxEnd) : null;
  const endTime = opts.portfolioEnd ? toDayNumber(opts.portfolioEnd) + 1 : maxEnd;
  const scheduleEnd = opts.portfolioEnd ?? projectEnd;

  // 2. Forward pass: the earliest start each node's predecessors allow, and the slack per link.
  const allowedStart = new Float64Array(n).fill(-Infinity);
  const edgeSlack = new Map<string, number>();
  const indegree = new Int32Array(n);
  for (let e = 0; e < edges.length; e++) {
    if (!used[e]) continue;
    const edge = edges[e]!;
    const pred = nodeList[edge.fromIndex]!;
    const succ = nodeList[edge.toIndex]!;
    const { on, bound } = linkBound(edge.type, edge.lagDays, pred);
    const startBound = on === 'start' ? bound : bound - succ.duration;
    if (startBound > allowedStart[edge.toIndex]!) allowedStart[edge.toIndex] = startBound;
    edgeSlack.set(edge.dependencyId, linkSlack(edge.type, edge.lagDays, pred, succ));
    indegree[edge.toIndex]!++;
  }

  // 3. Topological order (Kahn) of the nodes off loops.
  const adj = outgoing(n, edges, (e) => used[e] === 1);
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (!onLoop[i] && indegree[i] === 0) order[tail++] = i;
  while (head < tail) {
    const v = order[head++]!;
    for (let s = adj.offset[v]!; s < adj.offset[v + 1]!; s++) {
      const w = adj.to[s]!;
      if (--indegree[w]! === 0) order[tail++] = w;
    }
  }

  // 4. Backward pass in reverse order: latest end and start moments.
  const lateEnd = new Float64Array(n);
  const lateStart = new Float64Array(n);
  for (let k = tail - 1; k >= 0; k--) {
    const v = order[k]!;
    const node = nodeList[v]!;
    let lf = endTime;
    for (let s = adj.offset[v]!; s < adj.offset[v + 1]!; s++) {
      const w = adj.to[s]!;
      const edge = edges[adj.edge[s]!]!;
      let limit: number;
      if (edge.type === 'SS') limit = lateStart[w]! - edge.lagDays + node.duration;
      else if (edge.type === 'FF') limit = lateEnd[w]! - edge.lagDays;
      else limit = lateStart[w]! - edge.lagDays;
      if (limit < lf) lf = limit;
    }
    lateEnd[v] = lf;
    lateStart[v] = lf - node.duration;
  }

  const nodes = new Map<NodeKey, ScheduleNode>();
  const critical = new Uint8Array(n);
  for (let k = 0; k < tail; k++) {
    const v = order[k]!;
    const node = nodeList[v]!;
    const totalFloat = lateEnd[v]! - node.endTime;
    critical[v] = totalFloat <= threshold ? 1 : 0;
    const allowed = allowedStart[v]!;
    nodes.set(node.key, {
      kind: node.kind,
      id: node.id,
      es: node.start,
      ef: node.finish,
      ls: startDateOf(node.kind, lateStart[v]!),
      lf: finishDateOf(lateEnd[v]!),
      totalFloat,
      critical: critical[v] === 1,
      duration: node.duration,
      earliestAllowedStart: allowed === -Infinity ? null : startDateOf(node.kind, allowed),
    });
  }

  const criticalEdges = new Set<string>();
  for (let e = 0; e < edges.length; e++) {
    if (!used[e]) continue;
    const edge = edges[e]!;
    if (critical[edge.fromIndex] && critical[edge.toIndex] && edgeSlack.get(edge.dependencyId)! <= 0) criticalEdges.add(edge.dependencyId);
  }

  return { nodes, criticalEdges, cycles, unscheduled: net.unscheduled, projectEnd, scheduleEnd, edgeSlack, skipped };
}

