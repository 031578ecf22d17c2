import { describe, expect, it } from 'vitest';
import { statusText, type ProjectRow } from './layout';
import { dayOf } from '../calendar';
import { layoutOf, makeMilestone, makeProject } from './fixtures.test-helpers';

const programmes = [
  { id: 'g1', name: 'Customer' },
  { id: 'g2', name: 'Data' },
];
const projects = [
  makeProject({ id: 'p1', code: 'PRJ-001', programmeId: 'g1', start: '2026-01-01', finish: '2026-06-30', baselineStart: '2026-01-01', baselineFinish: '2026-05-31', stage: 'in-progress' }),
  makeProject({ id: 'p2', code: 'PRJ-002', programmeId: 'g2', start: '2026-03-01', finish: '2026-12-31', stage: 'approved' }),
  makeProject({ id: 'p3', code: 'PRJ-003', programmeId: 'g1', start: null, finish: '2026-09-30', stage: 'idea' }),
  makeProject({ id: 'p4', code: 'PRJ-004', programmeId: null, start: '2026-07-01', finish: '2027-01-31', stage: 'proposed' }),
  makeProject({ id: 'p5', code: 'PRJ-005', programmeId: 'g2', start: null, finish: null, stage: 'idea' }),
  makeProject({ id: 'p6', code: 'PRJ-006', programmeId: 'g2', start: '2026-01-01', finish: '2026-02-01', archived: true }),
];
const milestones = [
  makeMilestone({ id: 'm1', projectId: 'p1', name: 'Design', baselineDate: '2026-02-01', forecastDate: '2026-02-15', actualDate: '2026-02-20', order: 0 }),
  makeMilestone({ id: 'm2', projectId: 'p1', name: 'Go-live', baselineDate: '2026-05-31', forecastDate: '2026-06-01', order: 1 }),
  makeMilestone({ id: 'm3', projectId: 'p2', name: 'Pilot', baselineDate: '2026-07-01', forecastDate: '2026-07-10', order: 0 }),
  makeMilestone({ id: 'm4', projectId: 'p3', name: 'Decision', forecastDate: '2026-08-01', order: 0 }),
  makeMilestone({ id: 'm5', projectId: 'p2', name: 'Undated', order: 1 }),
];
const d = (iso: string) => dayOf(iso)!;

describe('rows from the register pipeline', () => {
  it('lists projects in the register order, archived ones left out', () => {
    const l = layoutOf(projects, milestones);
    expect(l.rows.map((r) => (r.kind === 'project' ? r.project.code : `# ${r.label}`))).toEqual(['PRJ-001', 'PRJ-002', 'PRJ-003', 'PRJ-004']);
    expect(l.grouped).toBe(false);
    const p1 = l.rows[0] as ProjectRow;
    expect([p1.startDay, p1.finishDay, p1.baselineStartDay, p1.baselineFinishDay]).toEqual([d('2026-01-01'), d('2026-06-30'), d('2026-01-01'), d('2026-05-31')]);
  });

  it('files projects in lanes by the register grouping, blank lane last', () => {
    const l = layoutOf(projects, milestones, { groupBy: 'programmeId', programmes });
    expect(l.rows.map((r) => (r.kind === 'project' ? r.project.code : `# ${r.label} (${r.count})`))).toEqual(['# Customer (2)', 'PRJ-001', 'PRJ-003', '# Data (2)', 'PRJ-002', '# (No Programme) (1)', 'PRJ-004']);
    const lane = l.rows[0]!;
    expect(lane.kind === 'lane' && lane.span).toEqual({ from: d('2026-01-01'), to: d('2026-06-30') });
    expect((l.rows[1] as ProjectRow).lane).toBe(lane.rowId);
  });

  it('collapses lanes without changing what is counted', () => {
    const open = layoutOf(projects, milestones, { groupBy: 'programmeId', programmes });
    const laneId = open.rows[3]!.rowId;
    const l = layoutOf(projects, milestones, { groupBy: 'programmeId', programmes, collapsed: new Set([laneId]) });
    expect(l.rows.map((r) => (r.kind === 'project' ? r.project.code : `# ${r.label}`))).toEqual(['# Customer', 'PRJ-001', 'PRJ-003', '# Data', '# (No Programme)', 'PRJ-004']);
    expect(l.rows[3]!.kind === 'lane' && l.rows[3]!.collapsed).toBe(true);
    expect(l.counts).toEqual(open.counts);
    expect(l.rowOfProject.has('p2')).toBe(false);
  });

  it('applies the register filters and search', () => {
    const l = layoutOf(projects, milestones, { view: { filters: [{ col: 'stage', kind: 'set', values: ['in-progress', 'approved'] }] } });
    expect(l.rows.map((r) => r.kind === 'project' && r.project.code)).toEqual(['PRJ-001', 'PRJ-002']);
    const s = layoutOf(projects, milestones, { view: { search: 'prj-004' } });
    expect(s.counts.projects).toBe(1);
  });

  it('shows a project filed under several lanes once per lane, counted once', () => {
    const objectives = [
      { id: 'o1', name: 'Grow' },
      { id: 'o2', name: 'Save' },
    ];
    const both = [makeProject({ id: 'x', code: 'X-1', objectiveIds: ['o1', 'o2'], start: '2026-01-01', finish: '2026-02-01' })];
    const l = layoutOf(both, [], { groupBy: 'objectiveIds', objectives });
    expect(l.rows.filter((r) => r.kind === 'project')).toHaveLength(2);
    expect(l.counts.projects).toBe(1);
    expect(l.rowOfProject.get('x')).toBe(1);
  });
});

describe('what cannot be drawn is listed', () => {
  it('lists projects without dates with the reason; one with dated milestones keeps a row for them', () => {
    const l = layoutOf(projects, milestones);
    expect(l.unscheduled.map((u) => [u.project.code, u.reason, u.datedMilestones])).toEqual([
      ['PRJ-003', 'no start date', 1],
      ['PRJ-005', 'no start or finish date', 0],
    ]);
    const p3 = l.rows.find((r) => r.kind === 'project' && r.project.id === 'p3') as ProjectRow;
    expect(p3.startDay).toBeNull();
    expect(p3.milestones.map((m) => m.name)).toEqual(['Decision']);
    expect(l.rowOfProject.has('p5')).toBe(false);
    expect(l.undatedMilestones.map((u) => u.milestone.id)).toEqual(['m5']);
    expect(l.counts).toEqual({ projects: 3, milestones: 4, unscheduled: 2, undatedMilestones: 1 });
    expect(statusText(l.counts)).toBe('3 projects, 4 milestones, 2 unscheduled');
  });

  it('treats a finish before the start as unscheduled', () => {
    const l = layoutOf([makeProject({ id: 'bad', code: 'B', start: '2026-05-01', finish: '2026-04-01' })], []);
    expect(l.unscheduled[0]!.reason).toBe('finish before start');
  });
});

describe('milestones', () => {
  it('marks done, overdue and slip, drawn at the actual date once done', () => {
    const l = layoutOf(projects, milestones);
    const marks = new Map([...l.markOf.values()].map((m) => [m.id, m]));
    expect(marks.get('m1')).toMatchObject({ done: true, overdue: false, day: d('2026-02-20'), slip: 14 });
    expect(marks.get('m2')).toMatchObject({ done: false, overdue: true, day: d('2026-06-01'), slip: 1 });
    expect(marks.get('m3')).toMatchObject({ done: false, overdue: false, slip: 9 });
    expect(l.range).toEqual({ from: d('2026-01-01'), to: d('2027-01-31') });
  });

  it('the milestone view keeps only projects with dated milestones and drops empty lanes', () => {
    const l = layoutOf(projects, milestones, { groupBy: 'programmeId', programmes, mode: 'milestones' });
    expect(l.rows.map((r) => (r.kind === 'project' ? r.project.code : `# ${r.label}`))).toEqual(['# Customer', 'PRJ-001', 'PRJ-003', '# Data', 'PRJ-002']);
  });
});
