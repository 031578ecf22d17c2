#!/usr/bin/env node
// `npx pmo …` from the repository: runs the command line (main/cli/pmo.ts) through tsx, so the
// same TypeScript the app bundles runs here without a build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../main/cli/pmo.ts');
const code = runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  now: () => new Date(),
});
process.exitCode = code;
