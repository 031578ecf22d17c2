// npm run web's port: PMO_WEB_PORT read and checked, and a taken port reported with its number
// and how to choose another, by the real script and by Vite's preview server.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { isPortInUse, portInUseMessage, portIsFree, webPort } from './web-port.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A server holding a free port on 127.0.0.1, as another program would. */
async function occupyPort(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port };
}

describe('npm run web port', () => {
  const cleanup: (() => void)[] = [];
  afterAll(() => cleanup.forEach((f) => f()));

  it('is 5173 unless PMO_WEB_PORT says otherwise, and refuses what is not a port', () => {
    expect(webPort({})).toEqual({ port: 5173 });
    expect(webPort({ PMO_WEB_PORT: '' })).toEqual({ port: 5173 });
    expect(webPort({ PMO_WEB_PORT: '5211' })).toEqual({ port: 5211 });
    expect(webPort({ PMO_WEB_PORT: 'abc' })).toEqual({ problem: 'PMO_WEB_PORT must be a port number from 1 to 65535, not "abc".' });
    expect(webPort({ PMO_WEB_PORT: '70000' })).toHaveProperty('problem');
  });

  it('says which port is in use and how to choose another', () => {
    expect(portInUseMessage(5173)).toBe('Port 5173 on 127.0.0.1 is already in use (another `npm run web`?); choose another with `PMO_WEB_PORT=5174 npm run web`.');
  });

  it('sees a taken port before building', async () => {
    const { server, port } = await occupyPort();
    cleanup.push(() => server.close());
    expect(await portIsFree(port)).toBe(false);
  });

  it('stops npm run web at once with the sentence when PMO_WEB_PORT is taken', async () => {
    const { server, port } = await occupyPort();
    cleanup.push(() => server.close());
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'build/web.ts')], { cwd: root, env: { ...process.env, PMO_WEB_PORT: String(port), PMO_WEB_OUT: join(tmpdir(), 'pmo-web-port-never-built') }, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (c: string) => (err += c));
      child.on('error', reject);
      child.on('close', (c) => resolve({ code: c, stderr: err }));
    });
    expect(stderr.trim()).toBe(portInUseMessage(port));
    expect(code).toBe(1);
  }, 20_000);

  it("recognises Vite's preview error for a taken port (taken between the check and the start)", async () => {
    const { server, port } = await occupyPort();
    cleanup.push(() => server.close());
    const dir = mkdtempSync(join(tmpdir(), 'pmo-web-port-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
    const error = await preview({ configFile: false, root: dir, logLevel: 'silent', build: { outDir: dir }, preview: { host: '127.0.0.1', port, strictPort: true } }).then(
      (s) => s.close().then(() => null),
      (e: unknown) => e,
    );
    expect(isPortInUse(error)).toBe(true);
  });
});
