import { describe, expect, it } from 'vitest';
import { buildNetwork, findCycles, SKIP_NO_DATES, SKIP_NOT_FOUND } from './network';

const graph = (nodes: string[], edges: [string, string][]) => ({ nodes: new Map(nodes.map((n) => [n, null])), edges: edges.map(([from, to]) => ({ from, to })) });

describe('findCycles', () => {
  it('finds nothing in a network without loops', () => {
    expect(findCycles(graph(['a', 'b', 'c', 'd'], [['a', 'b'], ['b', 'c'], ['a', 'c'], ['c', 'd']]))).toEqual([]);
  });

  it('lists a simple loop in link order, from the node listed first', () => {
    // c → a → b → c, with an unrelated tail d → e
    expect(findCycles(graph(['a', 'b', 'c', 'd', 'e'], [['c', 'a'], ['a', 'b'], ['b', 'c'], ['d', 'e'], ['b', 'd']]))).toEqual([['a', 'b', 'c']]);
  });

  it('separates two loops, and finds a node that depends on itself', () => {
    const cycles = findCycles(graph(['a', 'b', 'x', 'y', 'z', 's'], [['a', 'b'], ['b', 'a'], ['b', 'x'], ['x', 'y'], ['y', 'z'], ['z', 'x'], ['s', 's']]));
    expect(cycles.map((c) => [...c].sort()).sort()).toEqual([['a', 'b'], ['s'], ['x', 'y', 'z']]);
    expect(cycles).toContainEqual(['x', 'y', 'z']);
  });

  it('reports a tangle of loops sharing nodes as one group', () => {
    // a → b → a and b → c → a: one strongly connected group {a, b, c}
    const cycles = findCycles(graph(['a', 'b', 'c'], [['a', 'b'], ['b', 'a'], ['b', 'c'], ['c', 'a']]));
    expect(cycles).toEqual([['a', 'b', 'c']]);
  });

  it('ignores links to unknown nodes', () => {
    expect(findCycles(graph(['a'], [['a', 'ghost'], ['ghost', 'a']]))).toEqual([]);
  });

  // 30,000 is about three times as deep as Node's stack lets a recursive search go.
  it('handles a loop of 30,000 nodes without recursion', () => {
    const ids = Array.from({ length: 30_000 }, (_, i) => `n${i}`);
    const edges = ids.map((id, i): [string, string] => [id, ids[(i + 1) % ids.length]!]);
    const cycles = findCycles(graph(ids, edges));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toEqual(ids);
  });
});

describe('buildNetwork', () => {
  it('places projects and milestones, lists what cannot be placed, and skips their links', () => {
    const net = buildNetwork({
      projects: [
        { id: 'a', start: '2026-06-01', finish: '2026-06-10' },
        { id: 'b', start: null, finish: null },
        { id: 'c', start: '2026-06-10', finish: '2026-06-01' },
        { id: 'a', start: '2026-07-01', finish: '2026-07-10' },
      ],
      milestones: [
        { id: 'm', forecastDate: '2026-06-05', actualDate: null },
        { id: 'done', forecastDate: '2026-06-05', actualDate: '2026-06-07' },
      ],
      dependencies: [
        { id: 'd1', predecessorKind: 'project', predecessorId: 'a', successorKind: 'milestone', successorId: 'm', type: 'FS', lagDays: 0 },
        { id: 'd2', predecessorKind: 'project', predecessorId: 'b', successorKind: 'project', successorId: 'a', type: 'SS', lagDays: 0 },
        { id: 'd3', predecessorKind: 'milestone', predecessorId: 'nope', successorKind: 'project', successorId: 'a', type: 'FF', lagDays: 0 },
      ],
    });
    expect(net.nodes.get('project:a')).toMatchObject({ start: '2026-06-01', finish: '2026-06-10', duration: 10 });
    expect(net.nodes.get('milestone:m')).toMatchObject({ start: '2026-06-05', finish: '2026-06-05', duration: 0 });
    expect(net.nodes.get('milestone:done')).toMatchObject({ start: '2026-06-07' });
    expect(net.unscheduled).toEqual([
      { kind: 'project', id: 'b', reason: 'no start or finish date' },
      { kind: 'project', id: 'c', reason: 'finish before start' },
      { kind: 'project', id: 'a', reason: 'appears more than once; the first is used' },
    ]);
    expect(net.edges.map((e) => e.dependencyId)).toEqual(['d1']);
    expect(net.skipped).toEqual([
      { dependencyId: 'd2', reason: SKIP_NO_DATES },
      { dependencyId: 'd3', reason: SKIP_NOT_FOUND },
    ]);
  });
});
