// `npm start`, first step: make sure the Electron binary is there before electron-vite runs
// (see electron-binary.ts for why). Fetches it with electron's own installer when it is missing;
// exits non-zero with one sentence naming `npm run web` when that cannot reach the internet.
// Electron is found from the working directory, which npm sets to the repository root.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ensureElectronBinary, type InstallerResult } from './electron-binary.ts';

const electronDir = dirname(createRequire(join(process.cwd(), 'package.json')).resolve('electron/package.json'));

function runInstaller(): Promise<InstallerResult> {
  return new Promise((resolve) => {
    // stderr is kept to tell a network failure from another one; stdout (progress) is shown.
    const child = spawn(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (e) => resolve({ status: null, stderr: `${stderr}${String(e)}` }));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

const outcome = await ensureElectronBinary({
  execPathOverride: process.env['ELECTRON_EXEC_PATH'],
  readPathTxt: () => (existsSync(join(electronDir, 'path.txt')) ? readFileSync(join(electronDir, 'path.txt'), 'utf8') : null),
  existsInDist: (relative) => existsSync(join(electronDir, 'dist', relative)),
  runInstaller,
  say: (line) => process.stderr.write(`${line}\n`),
});
process.exitCode = outcome.exitCode;
