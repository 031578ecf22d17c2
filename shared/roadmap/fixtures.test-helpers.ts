// Small portfolios for the roadmap's tests, run through the register's own pipeline.
import { project as projectSchema, milestone as milestoneSchema, type Milestone, type Project, type Settings } from '../model/schemas';
import { defaultSettings } from '../model/workbook';
import { columnsFor } from '../register/columns';
import { buildRows } from '../register/pipeline';
import { defaultViewState } from '../register/view-state';
import type { ColumnContext, ViewState } from '../register/types';
import { buildLayout, milestonesByProject, type RoadmapMode } from './layout';
import { dayOf } from '../calendar';

export const TODAY = '2026-06-15';
export const TODAY_DAY = dayOf(TODAY)!;

export function makeProject(p: Partial<Project> & { id: string; code: string }): Project {
  return projectSchema.parse({ name: `Project ${p.code}`, ...p });
}

export function makeMilestone(m: Partial<Milestone> & { id: string; projectId: string }): Milestone {
  return milestoneSchema.parse({ name: `Milestone ${m.id}`, ...m });
}

export function context(settings: Settings, programmes: { id: string; name: string }[] = [], objectives: { id: string; name: string }[] = []): ColumnContext {
  return {
    settings,
    today: TODAY,
    options: (source) => (source === 'programme' ? programmes.map((g) => ({ value: g.id, label: g.name })) : source === 'objective' ? objectives.map((o) => ({ value: o.id, label: o.name })) : []),
    openRisks: () => 0,
    countOf: () => 0,
  };
}

export function layoutOf(
  projects: Project[],
  milestones: Milestone[],
  opts: { groupBy?: string | null; view?: Partial<ViewState>; collapsed?: Set<string>; mode?: RoadmapMode; programmes?: { id: string; name: string }[]; objectives?: { id: string; name: string }[] } = {},
) {
  const settings = defaultSettings('Test');
  const cols = columnsFor('project', settings) as never[];
  const view: ViewState = { ...defaultViewState(cols, [{ col: 'code', dir: 'asc' }]), groupBy: opts.groupBy ?? null, ...opts.view };
  const built = buildRows(projects as never[], cols, view, context(settings, opts.programmes, opts.objectives), new Set(), { isArchived: (r: { archived?: boolean }) => r.archived === true });
  return buildLayout({ rows: built.rows, milestonesByProject: milestonesByProject(milestones), collapsed: opts.collapsed ?? new Set(), today: TODAY_DAY, mode: opts.mode ?? 'timeline' });
}
