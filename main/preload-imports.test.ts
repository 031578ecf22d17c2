// The sandboxed preload can require only `electron`: everything it imports at runtime must be
// bundled, small, and free of Node built-ins and zod. This walks its runtime imports.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const mainDir = path.dirname(fileURLToPath(import.meta.url));

/** Runtime (non-type) import specifiers of a TypeScript file. */
function runtimeImports(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    if (match[2] === undefined && match[3] !== undefined) specifiers.push(match[3]);
  }
  for (const match of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) {
    if (match[1] !== undefined) specifiers.push(match[1]);
  }
  return specifiers;
}

function closure(entry: string): { files: string[]; packages: string[] } {
  const files: string[] = [];
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.includes(file)) return;
    files.push(file);
    for (const spec of runtimeImports(file)) {
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec.endsWith('.ts') ? spec : `${spec}.ts`));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files: files.map((f) => path.relative(path.join(mainDir, '..'), f)), packages: [...packages] };
}

describe('preload imports', () => {
  it('reaches only electron, the zod-free channel list and the menu hub', () => {
    const { files, packages } = closure(path.join(mainDir, 'preload.ts'));
    expect(packages).toEqual(['electron']);
    expect(files.sort()).toEqual(['main/menu-command-hub.ts', 'main/preload.ts', 'shared/ipc/channels.ts']);
  });

  it('notices a runtime import', () => {
    expect(runtimeImports(path.join(mainDir, 'ipc-validation.ts'))).toContain('../shared/ipc/contract');
    expect(runtimeImports(path.join(mainDir, 'ipc-validation.ts'))).not.toContain('zod');
  });
});
