// The schedule facts the roadmap shows, from shared/schedule: broken dependencies (always), the
// critical path and float (on request), dependency loops (always: a loop is found in linear time
// and never stops the view), and the check run while a bar is dragged.
import type { Dependency, Milestone, Project } from '../../../shared/model/schemas';
import { buildDateLookup, buildLinkIndex, checkMilestoneMove, checkMove, criticalPath, dependencyViolations, findCycles, nodeKey, type DependencyCheck, type ScheduleResult } from '../../../shared/schedule';
import { isoOf } from '../../../shared/calendar';
import type { MoveCheck } from './controller';

export interface ScheduleInputs {
  projects: Project[];
  milestones: Milestone[];
  dependencies: Dependency[];
}

/** Names of the ends of links, for messages: "PRJ-004" or "Go-live (PRJ-004)". */
export function endName(state: { project: Map<string, Project>; milestone: Map<string, Milestone> }, kind: 'project' | 'milestone', id: string): string {
  if (kind === 'project') return state.project.get(id)?.code ?? '(deleted project)';
  const m = state.milestone.get(id);
  if (!m) return '(deleted milestone)';
  return `${m.name} (${state.project.get(m.projectId)?.code ?? '?'})`;
}

export interface Lookup {
  project: Map<string, Project>;
  milestone: Map<string, Milestone>;
}

export function lookupOf(inputs: ScheduleInputs): Lookup {
  return { project: new Map(inputs.projects.map((p) => [p.id, p])), milestone: new Map(inputs.milestones.map((m) => [m.id, m])) };
}

const TYPE_WORDS = { FS: 'finish-to-start', SS: 'start-to-start', FF: 'finish-to-finish' } as const;

/** "PRJ-007 starts 12 days too early for PRJ-002 (finish-to-start, lag 5 days)". */
export function describeCheck(c: DependencyCheck, names: Lookup): string {
  const succ = endName(names, c.successor.kind, c.successor.id);
  const pred = endName(names, c.predecessor.kind, c.predecessor.id);
  const verb = c.successor.kind === 'milestone' ? 'falls' : c.constrains === 'start' ? 'starts' : 'finishes';
  const lag = c.lagDays ? `, lag ${c.lagDays} day${Math.abs(c.lagDays) === 1 ? '' : 's'}` : '';
  return `${succ} ${verb} ${c.days} day${c.days === 1 ? '' : 's'} too early for ${pred} (${TYPE_WORDS[c.type]}${lag})`;
}

/** The project at the receiving end of a link (itself, or its milestone's project). */
export function successorProject(c: Pick<DependencyCheck, 'successor'>, names: Lookup): string | null {
  return c.successor.kind === 'project' ? c.successor.id : (names.milestone.get(c.successor.id)?.projectId ?? null);
}

export interface Violations {
  list: DependencyCheck[];
  ids: Set<string>;
  projects: Set<string>;
}

export function violationsOf(inputs: ScheduleInputs, names: Lookup): Violations {
  const report = dependencyViolations(inputs);
  const list = [...report.violations].sort((a, b) => b.days - a.days);
  const projects = new Set<string>();
  for (const c of list) {
    const p = successorProject(c, names);
    if (p) projects.add(p);
  }
  return { list, ids: new Set(list.map((c) => c.dependencyId)), projects };
}

/** Dependency loops as node keys, found on the links alone (dates play no part in a loop). */
export function loopsOf(deps: readonly Dependency[]): string[][] {
  const nodes = new Map<string, true>();
  const edges = deps.map((d) => {
    const from = nodeKey(d.predecessorKind, d.predecessorId);
    const to = nodeKey(d.successorKind, d.successorId);
    nodes.set(from, true);
    nodes.set(to, true);
    return { from, to };
  });
  return findCycles({ nodes, edges });
}

export function scheduleOf(inputs: ScheduleInputs): ScheduleResult {
  return criticalPath(inputs);
}

/** The check run on every step of a drag: only the moved project's (and its milestones') links. */
export function moveChecker(inputs: ScheduleInputs, names: Lookup): MoveCheck {
  const links = buildLinkIndex(inputs.dependencies);
  const dates = buildDateLookup(inputs);
  const open = new Map<string, Milestone[]>();
  for (const m of inputs.milestones) {
    if (m.actualDate || !m.forecastDate) continue;
    const list = open.get(m.projectId);
    if (list) list.push(m);
    else open.set(m.projectId, [m]);
  }
  return (projectId, startDay, finishDay, shift) => {
    const found = checkMove(projectId, isoOf(startDay), isoOf(finishDay), links, dates);
    if (shift) {
      for (const m of open.get(projectId) ?? []) {
        const day = dates.timing('milestone', m.id);
        if (day) found.push(...checkMilestoneMove(m.id, isoOf(day.startTime - 1 + shift), links, dates));
      }
    }
    const broken = found.filter((c) => c.violated);
    const projects = new Set<string>();
    for (const c of broken) {
      const p = successorProject(c, names);
      if (p) projects.add(p);
    }
    return {
      broken: broken.map((c) => c.dependencyId),
      brokenProjects: [...projects],
      messages: broken.map((c) => describeCheck(c, names)),
      newlyBroken: broken.filter((c) => c.daysBefore === 0).length,
    };
  };
}
