// npm start's first step: the decisions with fakes, then the real script against a copy of the
// electron package without its binary, whose download is made to fail without the network.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { binaryMissing, ensureElectronBinary, INSTALL_FAILED_SENTENCE, isNetworkFailure, OFFLINE_SENTENCE, type InstallerResult, type StartStepDeps } from './electron-binary.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A package directory in memory: path.txt and the files under dist. */
function fakePackage(files: { pathTxt: string | null; dist: string[] }, installer: (pkg: typeof files) => InstallerResult) {
  const said: string[] = [];
  let installerRuns = 0;
  const deps: StartStepDeps = {
    execPathOverride: undefined,
    readPathTxt: () => files.pathTxt,
    existsInDist: (p) => files.dist.includes(p),
    runInstaller: async () => {
      installerRuns += 1;
      return installer(files);
    },
    say: (line) => said.push(line),
  };
  return { deps, said, runs: () => installerRuns };
}

const UNDICI_OFFLINE = 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async FetchDownloader.download (file:///x/node_modules/@electron/get/dist/FetchDownloader.js:46:30)\n';

describe('the start step', () => {
  it('runs the installer when path.txt is absent, and goes on once it has written the binary', async () => {
    const pkg = fakePackage({ pathTxt: null, dist: [] }, (files) => {
      files.pathTxt = 'electron';
      files.dist.push('electron');
      return { status: 0, stderr: '' };
    });
    expect(await ensureElectronBinary(pkg.deps)).toEqual({ installerRan: true, exitCode: 0 });
    expect(pkg.runs()).toBe(1);
    expect(pkg.said).toEqual(['Downloading the Electron binary (first launch only)…']);
  });

  it('does not run the installer when path.txt names a binary that is there', async () => {
    const pkg = fakePackage({ pathTxt: 'electron', dist: ['electron'] }, () => ({ status: 0, stderr: '' }));
    expect(await ensureElectronBinary(pkg.deps)).toEqual({ installerRan: false, exitCode: 0 });
    expect(pkg.runs()).toBe(0);
    expect(pkg.said).toEqual([]);
  });

  it('runs the installer when path.txt names a binary that was deleted', () => {
    expect(binaryMissing({ execPathOverride: undefined, readPathTxt: () => 'Electron.app/Contents/MacOS/Electron', existsInDist: () => false })).toBe(true);
    expect(binaryMissing({ execPathOverride: undefined, readPathTxt: () => '', existsInDist: () => true })).toBe(true);
  });

  it('leaves ELECTRON_EXEC_PATH alone: electron-vite then runs that binary', () => {
    expect(binaryMissing({ execPathOverride: '/opt/electron/electron', readPathTxt: () => null, existsInDist: () => false })).toBe(false);
  });

  it('exits non-zero with the one sentence naming npm run web when the download cannot reach the internet', async () => {
    const pkg = fakePackage({ pathTxt: null, dist: [] }, () => ({ status: 1, stderr: UNDICI_OFFLINE }));
    expect(await ensureElectronBinary(pkg.deps)).toEqual({ installerRan: true, exitCode: 1 });
    expect(pkg.said.at(-1)).toBe(OFFLINE_SENTENCE);
    expect(pkg.said.join('\n')).not.toContain('undici');
    expect(OFFLINE_SENTENCE).toContain('`npm run web`');
  });

  it('shows the installer\'s own error and still names npm run web when it fails for another reason', async () => {
    const pkg = fakePackage({ pathTxt: null, dist: [] }, () => ({ status: 1, stderr: 'Error: Generated checksum for "electron-v45.4.1-linux-x64.zip" did not match expected checksum.\n' }));
    expect(await ensureElectronBinary(pkg.deps)).toEqual({ installerRan: true, exitCode: 1 });
    expect(pkg.said.slice(1)).toEqual(['Error: Generated checksum for "electron-v45.4.1-linux-x64.zip" did not match expected checksum.', INSTALL_FAILED_SENTENCE]);
  });

  it('fails when the installer says it succeeded but left no binary', async () => {
    const pkg = fakePackage({ pathTxt: null, dist: [] }, () => ({ status: 0, stderr: '' }));
    expect((await ensureElectronBinary(pkg.deps)).exitCode).toBe(1);
    expect(pkg.said.at(-1)).toBe(INSTALL_FAILED_SENTENCE);
  });

  it('tells network failures from others', () => {
    expect(isNetworkFailure(UNDICI_OFFLINE)).toBe(true);
    expect(isNetworkFailure('RequestError: getaddrinfo ENOTFOUND github.com')).toBe(true);
    expect(isNetworkFailure('Error: connect ECONNREFUSED 127.0.0.1:443')).toBe(true);
    expect(isNetworkFailure('Error: Electron builds are not available on platform: aix')).toBe(false);
  });
});

describe('npm start\'s start step, run for real', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('runs electron\'s own installer for a package without path.txt and, with the download refused, exits non-zero with the sentence', async () => {
    // A copy of node_modules/electron with no binary and no path.txt, its dependencies linked.
    const dir = mkdtempSync(join(tmpdir(), 'pmo-start-'));
    dirs.push(dir);
    const modules = join(dir, 'node_modules');
    mkdirSync(modules);
    cpSync(join(root, 'node_modules/electron'), join(modules, 'electron'), { recursive: true, filter: (src) => !/[/\\](dist|path\.txt)$/.test(src) });
    for (const dep of ['@electron', '@electron-internal']) symlinkSync(join(root, 'node_modules', dep), join(modules, dep), 'dir');
    writeFileSync(join(dir, 'package.json'), '{"name":"start-step-test","private":true}\n');
    expect(existsSync(join(modules, 'electron/path.txt'))).toBe(false);

    // The download goes to a local port that was just closed, so the connection is refused at
    // once, with or without internet here; a fresh cache dir, so no cached zip is used.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(address !== null && typeof address === 'object' ? address.port : 1));
      });
    });
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/electron/i.test(k)) env[k] = v;
    Object.assign(env, { ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: join(dir, 'cache'), ELECTRON_GET_NO_PROGRESS: '1' });

    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'build/start.ts')], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (c: string) => (err += c));
      child.on('error', reject);
      child.on('close', (c) => resolve({ code: c, stderr: err }));
    });
    expect(stderr).toContain('Downloading the Electron binary (first launch only)…');
    expect(stderr.trimEnd().split('\n').at(-1)).toBe(OFFLINE_SENTENCE);
    expect(code).not.toBe(0);
    expect(existsSync(join(modules, 'electron/path.txt'))).toBe(false);
    // Two Node processes (tsx, then electron's installer): a ceiling for a loaded machine, not a
    // measure; the refused download fails at once.
  }, 20_000);
});
