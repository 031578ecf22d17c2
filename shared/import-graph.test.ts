// No two modules import each other, type-only imports included. The lint rule import-x/no-cycle
// (build/eslint.config.js) checks the imports that run; it skips `import type`, yet a type-only
// loop is still an arrow running both ways between two layers (capacity-sheet.ts and export.ts
// had one). This reads the import statements of every module under shared/, renderer/ and main/,
// builds the graph and lists every loop (strongly connected components, Tarjan).
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** import/export … from '…' (also `import type`, `export *`, side-effect imports), dynamic import('…'). */
const IMPORT = /(?:^|[\n;])\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function modules(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) modules(path, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function importGraph(files: readonly string[], read: (file: string) => string, exists: (file: string) => boolean): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const deps: string[] = [];
    for (const m of read(file).matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!;
      if (!spec.startsWith('.')) continue;
      const base = resolve(dirname(file), spec.replace(/\.js$/, ''));
      const target = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find(exists);
      if (target) deps.push(target);
    }
    graph.set(file, deps);
  }
  return graph;
}

/** The loops of a graph: each strongly connected component of more than one module, or a module importing itself. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  // Iterative Tarjan: the graph has a thousand modules, recursion would do, but loops need not.
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { v: string; i: number }[] = [{ v: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1]!;
      const deps = graph.get(top.v) ?? [];
      if (top.i < deps.length) {
        const w = deps[top.i++]!;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ v: w, i: 0 });
        } else if (onStack.has(w)) low.set(top.v, Math.min(low.get(top.v)!, index.get(w)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.v, Math.min(low.get(parent.v)!, low.get(top.v)!));
      if (low.get(top.v) === index.get(top.v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== top.v);
        if (component.length > 1 || deps.includes(top.v)) out.push(component.sort());
      }
    }
  }
  return out;
}

describe('the import graph', () => {
  it('finds loops, direct and longer, and none in a tree', () => {
    const g = (edges: Record<string, string[]>) => new Map(Object.entries(edges));
    expect(findCycles(g({ a: ['b'], b: ['a'], c: ['a'] }))).toEqual([['a', 'b']]);
    expect(findCycles(g({ a: ['b'], b: ['c'], c: ['a'], d: ['d'] }))).toEqual([['a', 'b', 'c'], ['d']]);
    expect(findCycles(g({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([]);
    // The regex reads type-only imports and re-exports too.
    const files = ['/x/a.ts', '/x/b.ts', '/x/c.ts'];
    const src: Record<string, string> = { '/x/a.ts': "import type { B } from './b';\n", '/x/b.ts': "export * from './c';\n", '/x/c.ts': "import { a } from './a';\n" };
    expect(findCycles(importGraph(files, (f) => src[f]!, (f) => f in src))).toEqual([files]);
  });

  it('has no two modules importing each other under shared/, renderer/ and main/', () => {
    const files = ['shared', 'renderer', 'main'].flatMap((d) => modules(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(100);
    const cycles = findCycles(importGraph(files, (f) => readFileSync(f, 'utf8'), existsSync));
    expect(cycles.map((c) => c.map((f) => relative(ROOT, f)).join(' ⇄ '))).toEqual([]);
  });
});
