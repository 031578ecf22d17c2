import { describe, expect, it } from 'vitest';
import { buildDateLookup, buildLinkIndex, checkMilestoneMove, checkMove, dependencyViolations } from './violations';
import { SKIP_NO_DATES, type LinkType, type NodeKind, type ScheduleDependency } from './network';

const D = (id: string, from: string, to: string, type: LinkType = 'FS', lagDays = 0): ScheduleDependency => {
  const kind = (s: string): NodeKind => (s.startsWith('m:') ? 'milestone' : 'project');
  return { id, predecessorKind: kind(from), predecessorId: from.slice(2), successorKind: kind(to), successorId: to.slice(2), type, lagDays };
};
const P = (id: string, start: string | null, finish: string | null) => ({ id, start, finish });
const M = (id: string, forecastDate: string | null, actualDate: string | null = null) => ({ id, forecastDate, actualDate });

describe('dependencyViolations', () => {
  it('says for each link whether the successor starts or finishes too early, and by how much', () => {
    const r = dependencyViolations({
      projects: [
        P('A', '2026-06-01', '2026-06-10'),
        P('B', '2026-06-11', '2026-06-20'),
        P('S1', '2026-06-05', '2026-06-30'),
        P('S2', '2026-06-03', '2026-06-12'),
        P('F1', '2026-06-01', '2026-06-20'),
        P('F2', '2026-06-01', '2026-06-18'),
        P('K', '2026-07-01', '2026-07-05'),
        P('Z', null, null),
      ],
      milestones: [M('M', '2026-06-09'), M('M2', '2026-06-10')],
      dependencies: [
        // FS+2: B may start from 06-10 + 1 + 2 = 06-13; it starts 06-11 → 2 days too early.
        D('fs', 'p:A', 'p:B', 'FS', 2),
        // SS: S2 may start from 06-05; it starts 06-03 → 2 days.
        D('ss', 'p:S1', 'p:S2', 'SS'),
        // FF+1: F2 may finish from 06-20 + 1 = 06-21; it finishes 06-18 → 3 days.
        D('ff', 'p:F1', 'p:F2', 'FF', 1),
        // A finishes 06-10; a milestone after it can be on 06-10 at the earliest; M is on 06-09 → 1 day.
        D('pm', 'p:A', 'm:M'),
        // After ◆M2 on 06-10, B may start from 06-11 → kept, slack 0.
        D('mp', 'm:M2', 'p:B'),
        // K starts 07-01, allowed from 06-21 (B finish 06-20 + 1) → kept with 10 days to spare.
        D('kept', 'p:B', 'p:K'),
        D('nodates', 'p:Z', 'p:K'),
      ],
    });
    const byId = new Map(r.checks.map((c) => [c.dependencyId, c]));
    expect(byId.get('fs')).toMatchObject({ constrains: 'start', planned: '2026-06-11', earliestAllowed: '2026-06-13', slackDays: -2, violated: true, days: 2 });
    expect(byId.get('ss')).toMatchObject({ constrains: 'start', planned: '2026-06-03', earliestAllowed: '2026-06-05', days: 2 });
    expect(byId.get('ff')).toMatchObject({ constrains: 'finish', planned: '2026-06-18', earliestAllowed: '2026-06-21', days: 3 });
    expect(byId.get('pm')).toMatchObject({ constrains: 'start', planned: '2026-06-09', earliestAllowed: '2026-06-10', days: 1 });
    expect(byId.get('mp')).toMatchObject({ planned: '2026-06-11', earliestAllowed: '2026-06-11', slackDays: 0, violated: false, days: 0 });
    expect(byId.get('kept')).toMatchObject({ slackDays: 10, violated: false, days: 0, predecessor: { kind: 'project', id: 'B' }, successor: { kind: 'project', id: 'K' } });
    expect(r.violations.map((v) => v.dependencyId)).toEqual(['fs', 'ss', 'ff', 'pm']);
    expect(r.skipped).toEqual([{ dependencyId: 'nodates', reason: SKIP_NO_DATES }]);
  });
});

describe('checkMove', () => {
  // A 06-01…06-10 ─FS→ B 06-11…06-20 ─FS+2→ C 06-23…06-30, all links kept with 0 days to spare.
  const projects = [P('A', '2026-06-01', '2026-06-10'), P('B', '2026-06-11', '2026-06-20'), P('C', '2026-06-23', '2026-06-30'), P('X', '2026-01-01', '2026-01-02')];
  const milestones = [M('M', '2026-06-20')];
  const deps = [D('ab', 'p:A', 'p:B'), D('bc', 'p:B', 'p:C', 'FS', 2), D('bm', 'p:B', 'm:M'), D('other', 'p:X', 'p:A')];
  const links = buildLinkIndex(deps);
  const dates = buildDateLookup({ projects, milestones });

  it('flags an incoming link when the bar is dragged too early', () => {
    // B to 06-09…06-18: A allows it from 06-11 → 2 days; C and ◆M are still fine.
    const v = checkMove('B', '2026-06-09', '2026-06-18', links, dates);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ dependencyId: 'ab', planned: '2026-06-09', earliestAllowed: '2026-06-11', days: 2, daysBefore: 0 });
  });

  it('flags outgoing links when the bar is dragged too late', () => {
    // B to 06-14…06-23: C may then start from 06-26 (3 days late); ◆M from 06-23 (3 days).
    const v = checkMove('B', '2026-06-14', '2026-06-23', links, dates);
    expect(v.map((x) => [x.dependencyId, x.days, x.earliestAllowed])).toEqual([
      ['bc', 3, '2026-06-26'],
      ['bm', 3, '2026-06-23'],
    ]);
  });

  it('returns nothing for a harmless move, and reports how bad a link already was', () => {
    expect(checkMove('B', '2026-06-11', '2026-06-20', links, dates)).toEqual([]);
    expect(checkMove('C', '2026-06-25', '2026-07-05', links, dates)).toEqual([]);
    // With B already at 06-09 (2 days too early), dragging it to 06-08 makes it 3 days.
    const earlier = buildDateLookup({ projects: projects.map((p) => (p.id === 'B' ? P('B', '2026-06-09', '2026-06-18') : p)), milestones });
    expect(checkMove('B', '2026-06-08', '2026-06-17', links, earlier)).toMatchObject([{ dependencyId: 'ab', days: 3, daysBefore: 2 }]);
  });

  it('checks a dragged milestone and a project linked to itself', () => {
    // ◆M to 06-19: B finishes 06-20, so ◆M may be on 06-20 at the earliest → 1 day.
    expect(checkMilestoneMove('M', '2026-06-19', links, dates)).toMatchObject([{ dependencyId: 'bm', days: 1 }]);
    const self = buildLinkIndex([D('self', 'p:A', 'p:A', 'SS', 1)]);
    expect(checkMove('A', '2026-06-02', '2026-06-11', self, dates)).toMatchObject([{ dependencyId: 'self', days: 1, daysBefore: 1 }]);
  });

  it('rejects a finish before the start', () => {
    expect(() => checkMove('B', '2026-06-10', '2026-06-01', links, dates)).toThrow(RangeError);
  });
});
