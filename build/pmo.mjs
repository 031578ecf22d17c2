#!/usr/bin/env node
// `npx pmo …` from the repository. Runs the command line bundled ahead of time (out/cli/pmo.mjs,
// built by `npm run build:cli`, which `npm install` runs), so it starts as fast as Node does. When
// the bundle is missing, or older than a source file it was built from, it says so and runs the
// TypeScript source through tsx instead (correct, but seconds slower to start).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}out/cli/pmo.mjs`;

/** Why the bundle cannot be used, or null when it can. */
function bundleProblem() {
  if (!existsSync(bundle)) return 'the command line is not built';
  const built = statSync(bundle).mtimeMs;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(`${root}out/cli/inputs.json`, 'utf8'));
  } catch {
    return 'the command line build is incomplete';
  }
  for (const f of inputs) {
    const st = statSync(`${root}${f}`, { throwIfNoEntry: false });
    if (!st || st.mtimeMs > built) return `${f} changed since the command line was built`;
  }
  return null;
}

const problem = bundleProblem();
let runCli;
if (problem === null) {
  ({ runCli } = await import(bundle));
} else {
  process.stderr.write(`pmo: ${problem}; running it from source (slower). \`npm run build:cli\` builds it.\n`);
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli } = await import('../main/cli/pmo.ts'));
}
// Output piped into a reader that stops early (`pmo inspect big.xlsx | head`): stop quietly, as
// other command-line tools do, rather than crash with EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
process.exitCode = await runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  now: () => new Date(),
});
