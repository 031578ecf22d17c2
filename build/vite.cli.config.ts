// The `pmo` command line (main/cli/pmo.ts) bundled ahead of time into ES modules for Node,
// out/cli/pmo.mjs and the commands' chunk beside it, so `pmo --help` starts in about the time
// Node itself takes instead of compiling TypeScript at every start. Built by `npm run build:cli`, which `npm install` and
// `npm ci` run through the `prepare` script. Beside the bundle, inputs.json lists the source
// files it was built from, so build/pmo.mjs can tell when the bundle is older than the code.
import { defineConfig, type Plugin } from 'vite';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = fileURLToPath(new URL('../out/cli', import.meta.url));

function listInputs(): Plugin {
  return {
    name: 'pmo-cli-inputs',
    writeBundle(_options, bundle) {
      const ids = new Set<string>();
      for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk') for (const id of chunk.moduleIds) if (!id.includes('node_modules') && !id.startsWith('\0')) ids.add(relative(root, id));
      writeFileSync(`${outDir}/inputs.json`, `${JSON.stringify([...ids].sort(), null, 1)}\n`);
    },
  };
}

export default defineConfig({
  root,
  logLevel: 'warn',
  plugins: [listInputs()],
  // Everything (shared/, zod, SheetJS, fflate) is bundled; only Node's own modules stay outside.
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: fileURLToPath(new URL('../main/cli/pmo.ts', import.meta.url)),
    outDir,
    emptyOutDir: true,
    target: 'node20',
    minify: true,
    sourcemap: false,
    copyPublicDir: false,
    // Two files, not one: pmo.mjs holds the help text and argument parsing, and the commands
    // (main/cli/commands.ts, which pmo.ts loads with import() only when one runs) go into a chunk
    // beside it, so `pmo --help` and a usage error do not evaluate SheetJS, zod and shared/.
    rollupOptions: { output: { format: 'es', entryFileNames: 'pmo.mjs', chunkFileNames: '[name]-[hash].mjs' } },
  },
});
