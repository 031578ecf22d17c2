import { describe, expect, it } from 'vitest';
import { criticalPath, SKIP_ON_LOOP, type ScheduleResult } from './critical-path';
import { SKIP_NO_DATES, SKIP_NOT_FOUND, type LinkType, type NodeKind, type ScheduleDependency, type ScheduleInput } from './network';
import { addDays, diffDays, fromDayNumber, toDayNumber } from '../calendar';

// Dates are in June 2026 unless written in full; "06-14" means 2026-06-14.
const d = (s: string) => (s.length === 5 ? `2026-${s}` : s);
const P = (id: string, start: string | null, finish: string | null) => ({ id, start: start && d(start), finish: finish && d(finish) });
const M = (id: string, forecastDate: string | null, actualDate: string | null = null) => ({ id, forecastDate: forecastDate && d(forecastDate), actualDate: actualDate && d(actualDate) });
/** D('ab', 'p:A', 'p:B', 'FS', 3): a dependency from project A to project B. */
const D = (id: string, from: string, to: string, type: LinkType = 'FS', lagDays = 0): ScheduleDependency => {
  const kind = (s: string): NodeKind => (s.startsWith('m:') ? 'milestone' : 'project');
  return { id, predecessorKind: kind(from), predecessorId: from.slice(2), successorKind: kind(to), successorId: to.slice(2), type, lagDays };
};
const input = (projects: ReturnType<typeof P>[], milestones: ReturnType<typeof M>[], dependencies: ScheduleDependency[]): ScheduleInput => ({ projects, milestones, dependencies });

/** [es, ef, ls, lf, totalFloat, critical] of a node, dates shortened to MM-DD when in 2026. */
function row(r: ScheduleResult, key: string) {
  const n = r.nodes.get(key);
  if (!n) throw new Error(`no node ${key}`);
  const short = (s: string) => (s.startsWith('2026-') ? s.slice(5) : s);
  return [short(n.es), short(n.ef), short(n.ls), short(n.lf), n.totalFloat, n.critical];
}

describe('criticalPath on hand-checked networks', () => {
  it('a finish-to-start chain with lags, tight all along: everything critical', () => {
    // A 06-01…06-10 (10 d) —FS+3→ B 06-14…06-20 (7 d) —FS+2→ C 06-23…06-30 (8 d)
    // Links: B may start from 06-10 + 1 + 3 = 06-14 (slack 0); C from 06-20 + 1 + 2 = 06-23 (slack 0).
    // Portfolio end = 06-30 (C).
    //        ES     EF     LS     LF     float
    //   C   06-23  06-30  06-23  06-30   0    LF = end
    //   B   06-14  06-20  06-14  06-20   0    LF = C.LS − 1 − 2 = 06-20; LS = 06-20 − 7 + 1
    //   A   06-01  06-10  06-01  06-10   0    LF = B.LS − 1 − 3 = 06-10
    const r = criticalPath(input([P('A', '06-01', '06-10'), P('B', '06-14', '06-20'), P('C', '06-23', '06-30')], [], [D('ab', 'p:A', 'p:B', 'FS', 3), D('bc', 'p:B', 'p:C', 'FS', 2)]));
    expect(row(r, 'project:A')).toEqual(['06-01', '06-10', '06-01', '06-10', 0, true]);
    expect(row(r, 'project:B')).toEqual(['06-14', '06-20', '06-14', '06-20', 0, true]);
    expect(row(r, 'project:C')).toEqual(['06-23', '06-30', '06-23', '06-30', 0, true]);
    expect([...r.criticalEdges].sort()).toEqual(['ab', 'bc']);
    expect(r.projectEnd).toBe('2026-06-30');
    expect(r.nodes.get('project:A')!.duration).toBe(10);
    expect(r.nodes.get('project:A')!.earliestAllowedStart).toBeNull();
    expect(r.nodes.get('project:C')!.earliestAllowedStart).toBe('2026-06-23');
    expect(r.cycles).toEqual([]);
  });

  it('the same chain with a 2-day gap before C: A and B get 2 days of float', () => {
    // C now 06-25…06-30 (6 d); it may start from 06-23, so the link B→C has 2 days of slack.
    //        ES     EF     LS     LF     float
    //   C   06-25  06-30  06-25  06-30   0
    //   B   06-14  06-20  06-16  06-22   2    LF = 06-25 − 1 − 2 = 06-22; LS = 06-22 − 6
    //   A   06-01  06-10  06-03  06-12   2    LF = 06-16 − 1 − 3 = 06-12; LS = 06-12 − 9
    const r = criticalPath(input([P('A', '06-01', '06-10'), P('B', '06-14', '06-20'), P('C', '06-25', '06-30')], [], [D('ab', 'p:A', 'p:B', 'FS', 3), D('bc', 'p:B', 'p:C', 'FS', 2)]));
    expect(row(r, 'project:C')).toEqual(['06-25', '06-30', '06-25', '06-30', 0, true]);
    expect(row(r, 'project:B')).toEqual(['06-14', '06-20', '06-16', '06-22', 2, false]);
    expect(row(r, 'project:A')).toEqual(['06-01', '06-10', '06-03', '06-12', 2, false]);
    expect(r.criticalEdges.size).toBe(0);
    expect(r.edgeSlack.get('ab')).toBe(0);
    expect(r.edgeSlack.get('bc')).toBe(2);
  });

  it('start-to-start and finish-to-finish links', () => {
    // P 06-01…06-20 (20 d) —SS+5→ Q 06-06…06-25 (20 d) —FF+5→ R 06-21…06-30 (10 d) —SS+2→ S 06-23…06-24 (2 d)
    // Forward: Q may start from 06-01 + 5 = 06-06 (slack 0); R may finish from 06-25 + 5 = 06-30
    // (slack 0), i.e. start from 06-21; S may start from 06-21 + 2 = 06-23 (slack 0).
    // Portfolio end = 06-30 (R).
    //        ES     EF     LS     LF     float
    //   S   06-23  06-24  06-29  06-30   6    LF = end
    //   R   06-21  06-30  06-21  06-30   0    SS to S allows R.LS ≤ 06-29 − 2 = 06-27, i.e. LF 07-06,
    //                                           but nothing may finish after the end: LF = 06-30
    //   Q   06-06  06-25  06-06  06-25   0    FF: LF = R.LF − 5 = 06-25
    //   P   06-01  06-20  06-01  06-20   0    SS: LS ≤ Q.LS − 5 = 06-01, so LF ≤ 06-20
    const r = criticalPath(
      input(
        [P('P', '06-01', '06-20'), P('Q', '06-06', '06-25'), P('R', '06-21', '06-30'), P('S', '06-23', '06-24')],
        [],
        [D('pq', 'p:P', 'p:Q', 'SS', 5), D('qr', 'p:Q', 'p:R', 'FF', 5), D('rs', 'p:R', 'p:S', 'SS', 2)],
      ),
    );
    expect(row(r, 'project:S')).toEqual(['06-23', '06-24', '06-29', '06-30', 6, false]);
    expect(row(r, 'project:R')).toEqual(['06-21', '06-30', '06-21', '06-30', 0, true]);
    expect(row(r, 'project:Q')).toEqual(['06-06', '06-25', '06-06', '06-25', 0, true]);
    expect(row(r, 'project:P')).toEqual(['06-01', '06-20', '06-01', '06-20', 0, true]);
    expect([...r.criticalEdges].sort()).toEqual(['pq', 'qr']); // rs: S is not critical
    expect(r.nodes.get('project:Q')!.earliestAllowedStart).toBe('2026-06-06');
    expect(r.nodes.get('project:R')!.earliestAllowedStart).toBe('2026-06-21');
    expect(r.nodes.get('project:S')!.earliestAllowedStart).toBe('2026-06-23');
  });

  it('a negative lag (lead) lets the successor overlap', () => {
    // A 06-01…06-10 —FS−3→ B 06-08…06-15: B may start from 06-10 + 1 − 3 = 06-08 (slack 0).
    //        ES     EF     LS     LF     float
    //   B   06-08  06-15  06-08  06-15   0
    //   A   06-01  06-10  06-01  06-10   0    LF = B.LS − 1 + 3 = 06-10
    const tight = criticalPath(input([P('A', '06-01', '06-10'), P('B', '06-08', '06-15')], [], [D('ab', 'p:A', 'p:B', 'FS', -3)]));
    expect(row(tight, 'project:A')).toEqual(['06-01', '06-10', '06-01', '06-10', 0, true]);
    expect(row(tight, 'project:B')).toEqual(['06-08', '06-15', '06-08', '06-15', 0, true]);
    expect([...tight.criticalEdges]).toEqual(['ab']);

    // B one day later, 06-09…06-16: the link has 1 day of slack.
    //   B   06-09  06-16  06-09  06-16   0
    //   A   06-01  06-10  06-02  06-11   1    LF = 06-09 − 1 + 3 = 06-11
    const loose = criticalPath(input([P('A', '06-01', '06-10'), P('B', '06-09', '06-16')], [], [D('ab', 'p:A', 'p:B', 'FS', -3)]));
    expect(row(loose, 'project:A')).toEqual(['06-01', '06-10', '06-02', '06-11', 1, false]);
    expect(row(loose, 'project:B')).toEqual(['06-09', '06-16', '06-09', '06-16', 0, true]);
    expect(loose.criticalEdges.size).toBe(0);
  });

  it('several start items and several end items', () => {
    // A 06-01…06-05 ─FS→ C 06-09…06-12 ─FS→   D 06-13…06-20
    // B 06-03…06-08 ─FS→ C               ─FS+1→ E 06-15…06-17
    // C may start from max(06-06, 06-09) = 06-09. Portfolio end = 06-20 (D).
    //        ES     EF     LS     LF     float
    //   D   06-13  06-20  06-13  06-20   0
    //   E   06-15  06-17  06-18  06-20   3
    //   C   06-09  06-12  06-09  06-12   0    LF = min(D.LS − 1 = 06-12, E.LS − 1 − 1 = 06-16)
    //   A   06-01  06-05  06-04  06-08   3    LF = C.LS − 1 = 06-08
    //   B   06-03  06-08  06-03  06-08   0
    const r = criticalPath(
      input(
        [P('A', '06-01', '06-05'), P('B', '06-03', '06-08'), P('C', '06-09', '06-12'), P('D', '06-13', '06-20'), P('E', '06-15', '06-17')],
        [],
        [D('ac', 'p:A', 'p:C'), D('bc', 'p:B', 'p:C'), D('cd', 'p:C', 'p:D'), D('ce', 'p:C', 'p:E', 'FS', 1)],
      ),
    );
    expect(row(r, 'project:A')).toEqual(['06-01', '06-05', '06-04', '06-08', 3, false]);
    expect(row(r, 'project:B')).toEqual(['06-03', '06-08', '06-03', '06-08', 0, true]);
    expect(row(r, 'project:C')).toEqual(['06-09', '06-12', '06-09', '06-12', 0, true]);
    expect(row(r, 'project:D')).toEqual(['06-13', '06-20', '06-13', '06-20', 0, true]);
    expect(row(r, 'project:E')).toEqual(['06-15', '06-17', '06-18', '06-20', 3, false]);
    expect([...r.criticalEdges].sort()).toEqual(['bc', 'cd']);
    expect(r.nodes.get('project:C')!.earliestAllowedStart).toBe('2026-06-09');
  });

  it('a milestone in the middle, a done milestone, and items without dates', () => {
    // A 06-01…06-10 ─FS→ ◆M 06-10 ─FS→ B 06-11…06-20;  ◆M ─FS→ ◆M4 06-10 (same day: allowed)
    // ◆M2: forecast 06-30 but done on 06-12 → placed on 06-12, no links.
    // ◆M3 has no dates; project N has no finish; a link from M3 and one from a deleted project.
    // A milestone is reached at the end of its day: A finishing 06-10 meets ◆M on 06-10, and B
    // may start the day after ◆M, 06-11. Portfolio end = 06-20 (B; M2's forecast does not count).
    //        ES     EF     LS     LF     float
    //   B   06-11  06-20  06-11  06-20   0
    //   M4  06-10  06-10  06-20  06-20  10
    //   M   06-10  06-10  06-10  06-10   0    LF = B.LS − 1 (FS into B); M4 allows 06-20
    //   A   06-01  06-10  06-01  06-10   0    LF = M.LS (FS into a milestone on the same day)
    //   M2  06-12  06-12  06-20  06-20   8
    const r = criticalPath(
      input(
        [P('A', '06-01', '06-10'), P('B', '06-11', '06-20'), P('N', '06-01', null)],
        [M('M', '06-10'), M('M2', '06-30', '06-12'), M('M3', null), M('M4', '06-10')],
        [D('am', 'p:A', 'm:M'), D('mb', 'm:M', 'p:B'), D('mm4', 'm:M', 'm:M4'), D('x', 'm:M3', 'p:B'), D('y', 'p:GONE', 'p:B'), D('z', 'p:A', 'p:N')],
      ),
    );
    expect(row(r, 'project:A')).toEqual(['06-01', '06-10', '06-01', '06-10', 0, true]);
    expect(row(r, 'milestone:M')).toEqual(['06-10', '06-10', '06-10', '06-10', 0, true]);
    expect(row(r, 'project:B')).toEqual(['06-11', '06-20', '06-11', '06-20', 0, true]);
    expect(row(r, 'milestone:M4')).toEqual(['06-10', '06-10', '06-20', '06-20', 10, false]);
    expect(row(r, 'milestone:M2')).toEqual(['06-12', '06-12', '06-20', '06-20', 8, false]);
    expect(r.nodes.get('milestone:M')!.duration).toBe(0);
    expect(r.nodes.get('milestone:M')!.earliestAllowedStart).toBe('2026-06-10');
    expect(r.nodes.get('project:B')!.earliestAllowedStart).toBe('2026-06-11');
    expect([...r.criticalEdges].sort()).toEqual(['am', 'mb']);
    expect(r.edgeSlack.get('mm4')).toBe(0);
    expect(r.projectEnd).toBe('2026-06-20');
    expect(r.unscheduled).toEqual([
      { kind: 'project', id: 'N', reason: 'no finish date' },
      { kind: 'milestone', id: 'M3', reason: 'no forecast or actual date' },
    ]);
    expect(r.skipped).toEqual([
      { dependencyId: 'x', reason: SKIP_NO_DATES },
      { dependencyId: 'y', reason: SKIP_NOT_FOUND },
      { dependencyId: 'z', reason: SKIP_NO_DATES },
    ]);
    expect(r.nodes.has('project:N')).toBe(false);
  });

  it('a plan that already breaks a link: negative float on the predecessor', () => {
    // A 06-01…06-10 —FS+2→ B 06-11…06-20: B may only start from 06-10 + 1 + 2 = 06-13, so the
    // plan breaks the link by 2 days (slack −2). Portfolio end = 06-20.
    //        ES     EF     LS     LF     float
    //   B   06-11  06-20  06-11  06-20   0
    //   A   06-01  06-10  05-30  06-08  −2    LF = B.LS − 1 − 2 = 06-08; LS = 06-08 − 9 = 05-30
    const r = criticalPath(input([P('A', '06-01', '06-10'), P('B', '06-11', '06-20')], [], [D('ab', 'p:A', 'p:B', 'FS', 2)]));
    expect(row(r, 'project:A')).toEqual(['06-01', '06-10', '05-30', '06-08', -2, true]);
    expect(row(r, 'project:B')).toEqual(['06-11', '06-20', '06-11', '06-20', 0, true]);
    expect([...r.criticalEdges]).toEqual(['ab']);
    expect(r.edgeSlack.get('ab')).toBe(-2);
    expect(r.nodes.get('project:B')!.earliestAllowedStart).toBe('2026-06-13');
  });

  it('a loop A→B→C→A is reported and left out; an unrelated chain is still computed', () => {
    // Loop: A 06-01…06-05 → B 06-06…06-10 → C 06-11…06-25 → A. Z 06-16…06-18 follows C (that
    // link touches the loop, so it is skipped). Chain: X 06-01…06-10 → Y 06-11…06-20.
    // The loop's dates still count: portfolio end = 06-25 (C).
    //        ES     EF     LS     LF     float
    //   Y   06-11  06-20  06-16  06-25   5
    //   X   06-01  06-10  06-06  06-15   5    LF = Y.LS − 1
    //   Z   06-16  06-18  06-23  06-25   7
    const r = criticalPath(
      input(
        [P('A', '06-01', '06-05'), P('B', '06-06', '06-10'), P('C', '06-11', '06-25'), P('Z', '06-16', '06-18'), P('X', '06-01', '06-10'), P('Y', '06-11', '06-20')],
        [],
        [D('ab', 'p:A', 'p:B'), D('bc', 'p:B', 'p:C'), D('ca', 'p:C', 'p:A'), D('cz', 'p:C', 'p:Z'), D('xy', 'p:X', 'p:Y')],
      ),
    );
    expect(r.cycles).toEqual([['project:A', 'project:B', 'project:C']]);
    expect([...r.nodes.keys()].sort()).toEqual(['project:X', 'project:Y', 'project:Z']);
    expect(row(r, 'project:Y')).toEqual(['06-11', '06-20', '06-16', '06-25', 5, false]);
    expect(row(r, 'project:X')).toEqual(['06-01', '06-10', '06-06', '06-15', 5, false]);
    expect(row(r, 'project:Z')).toEqual(['06-16', '06-18', '06-23', '06-25', 7, false]);
    expect(r.projectEnd).toBe('2026-06-25');
    expect(r.skipped.map((s) => s.dependencyId).sort()).toEqual(['ab', 'bc', 'ca', 'cz']);
    expect(r.skipped.every((s) => s.reason === SKIP_ON_LOOP)).toBe(true);
    expect(r.criticalEdges.size).toBe(0);
  });

  it('an item that depends on itself is a loop of one', () => {
    const r = criticalPath(input([P('S', '06-01', '06-02'), P('T', '06-01', '06-05')], [], [D('ss', 'p:S', 'p:S')]));
    expect(r.cycles).toEqual([['project:S']]);
    expect(row(r, 'project:T')).toEqual(['06-01', '06-05', '06-01', '06-05', 0, true]);
  });

  it('a given portfolio end and a near-critical threshold', () => {
    // A 06-01…06-10 → B 06-11…06-20, measured against a deadline of 06-18:
    //   B  LF 06-18, LS 06-09, float −2;  A  LF 06-08, LS 05-30, float −2.
    const deps = [D('ab', 'p:A', 'p:B')];
    const projects = [P('A', '06-01', '06-10'), P('B', '06-11', '06-20'), P('C', '06-01', '06-17')];
    const r = criticalPath(input(projects, [], deps), { portfolioEnd: '2026-06-18' });
    expect(row(r, 'project:B')).toEqual(['06-11', '06-20', '06-09', '06-18', -2, true]);
    expect(row(r, 'project:A')).toEqual(['06-01', '06-10', '05-30', '06-08', -2, true]);
    expect(r.projectEnd).toBe('2026-06-20');
    expect(r.scheduleEnd).toBe('2026-06-18');
    // C (float 3 against 06-20) counts as critical with a 5-day threshold.
    expect(criticalPath(input(projects, [], deps), { criticalFloatDays: 5 }).nodes.get('project:C')!.critical).toBe(true);
  });

  it('an empty portfolio', () => {
    const r = criticalPath(input([], [], []));
    expect(r.nodes.size).toBe(0);
    expect(r.projectEnd).toBeNull();
  });
});

/** A deterministic pseudo-random generator (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random DAG: links only go from a lower to a higher index. */
function randomDag(nodes: number, edges: number, seed: number): ScheduleInput {
  const rand = rng(seed);
  const base = toDayNumber('2026-01-01');
  const projects: ReturnType<typeof P>[] = [];
  const milestones: ReturnType<typeof M>[] = [];
  const keys: string[] = [];
  for (let i = 0; i < nodes; i++) {
    const start = base + Math.floor(rand() * 700);
    if (rand() < 0.2) {
      milestones.push(M(`m${i}`, fromDayNumber(start)));
      keys.push(`m:m${i}`);
    } else {
      projects.push(P(`p${i}`, fromDayNumber(start), fromDayNumber(start + Math.floor(rand() * 120))));
      keys.push(`p:p${i}`);
    }
  }
  const types: LinkType[] = ['FS', 'SS', 'FF'];
  const dependencies: ScheduleDependency[] = [];
  for (let e = 0; e < edges; e++) {
    const a = Math.floor(rand() * (nodes - 1));
    const b = a + 1 + Math.floor(rand() * (nodes - a - 1));
    dependencies.push(D(`d${e}`, keys[a]!, keys[b]!, types[Math.floor(rand() * 3)], Math.floor(rand() * 21) - 10));
  }
  return { projects, milestones, dependencies };
}

/** Latest finishes by repeated relaxation until nothing changes: slow, but obviously right. */
function naiveFloats(inp: ScheduleInput): Map<string, number> {
  type N = { s: number; e: number; dur: number; lf: number };
  const nodes = new Map<string, N>();
  for (const p of inp.projects) nodes.set(`project:${p.id}`, { s: toDayNumber(p.start!), e: toDayNumber(p.finish!) + 1, dur: diffDays(p.start!, p.finish!) + 1, lf: 0 });
  for (const m of inp.milestones) {
    const t = toDayNumber(m.actualDate ?? m.forecastDate!) + 1;
    nodes.set(`milestone:${m.id}`, { s: t, e: t, dur: 0, lf: 0 });
  }
  const end = Math.max(...[...nodes.values()].map((n) => n.e));
  for (const n of nodes.values()) n.lf = end;
  for (let changed = true; changed; ) {
    changed = false;
    for (const dep of inp.dependencies) {
      const a = nodes.get(`${dep.predecessorKind}:${dep.predecessorId}`)!;
      const b = nodes.get(`${dep.successorKind}:${dep.successorId}`)!;
      const bLs = b.lf - b.dur;
      const limit = dep.type === 'FS' ? bLs - dep.lagDays : dep.type === 'SS' ? bLs - dep.lagDays + a.dur : b.lf - dep.lagDays;
      if (limit < a.lf) {
        a.lf = limit;
        changed = true;
      }
    }
  }
  return new Map([...nodes].map(([k, n]) => [k, n.lf - n.e]));
}

describe('criticalPath at scale', () => {
  it('agrees with a slow relaxation on random networks of every link type', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const inp = randomDag(150, 300, seed);
      const r = criticalPath(inp);
      const expected = naiveFloats(inp);
      expect(r.nodes.size).toBe(150);
      for (const [key, float] of expected) {
        const n = r.nodes.get(key)!;
        expect(n.totalFloat, `${key} seed ${seed}`).toBe(float);
        expect(diffDays(n.es, n.ls)).toBe(float);
        expect(diffDays(n.ef, n.lf)).toBe(float);
      }
    }
  });

  // How fast is measured in `npm run bench` (test/bench/node.bench.ts).
  it('10,000 items and 5,000 links', () => {
    const inp = randomDag(10_000, 5_000, 7);
    const r = criticalPath(inp);
    expect(r.nodes.size).toBe(10_000);
    expect(r.cycles).toEqual([]);
  });

  it('a single chain of 10,000 one-day projects, end to end: all critical, no stack overflow', () => {
    const projects = Array.from({ length: 10_000 }, (_, i) => P(`c${i}`, addDays('2026-01-01', i), addDays('2026-01-01', i)));
    const dependencies = Array.from({ length: 9_999 }, (_, i) => D(`l${i}`, `p:c${i}`, `p:c${i + 1}`));
    const r = criticalPath({ projects, milestones: [], dependencies });
    expect(r.nodes.size).toBe(10_000);
    expect([...r.nodes.values()].every((n) => n.totalFloat === 0 && n.critical)).toBe(true);
    expect(r.criticalEdges.size).toBe(9_999);
    expect(r.projectEnd).toBe(addDays('2026-01-01', 9_999));

    // Close the chain into one loop of 10,000: reported in link order, nothing computed.
    const loop = criticalPath({ projects, milestones: [], dependencies: [...dependencies, D('back', 'p:c9999', 'p:c0')] });
    expect(loop.cycles).toHaveLength(1);
    expect(loop.cycles[0]).toEqual(projects.map((p) => `project:${p.id}`));
    expect(loop.nodes.size).toBe(0);
  });
});
