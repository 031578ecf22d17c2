// validateIpcRequest and dispatchIpc: nothing reaches a handler unless channel, sender and
// payload are right, and nothing leaves main that the contract does not describe.
import { describe, expect, it, vi } from 'vitest';
import { dispatchIpc, validateIpcRequest } from './ipc-validation';
import type { IpcHandlers, IpcSender } from './ipc-validation';

const trust = {};
const app: IpcSender = { url: 'app://pmo/index.html', isMainFrame: true };
const quietLog = { warn: vi.fn(), error: vi.fn() };

describe('validateIpcRequest', () => {
  it('accepts a declared channel from our main frame with a valid payload', () => {
    expect(validateIpcRequest('pmo:file-open', app, [{ kind: 'workbook' }], trust)).toEqual({
      ok: true,
      method: 'openFile',
      request: { kind: 'workbook' },
    });
    expect(validateIpcRequest('pmo:recent-list', app, [], trust)).toMatchObject({ ok: true, method: 'listRecent' });
  });

  it('refuses channels outside the contract', () => {
    for (const channel of ['pmo:shell-exec', 'file-open', 'pmo:menu', 'ELECTRON_BROWSER_REQUIRE', 'pmo:__proto__', '']) {
      expect(validateIpcRequest(channel, app, [], trust).ok, channel).toBe(false);
    }
  });

  it('refuses other origins, subframes and destroyed frames', () => {
    const payload = [{ kind: 'workbook' }];
    expect(validateIpcRequest('pmo:file-open', { url: 'https://evil.example/', isMainFrame: true }, payload, trust).ok).toBe(false);
    expect(validateIpcRequest('pmo:file-open', { url: 'app://pmo/index.html', isMainFrame: false }, payload, trust).ok).toBe(false);
    expect(validateIpcRequest('pmo:file-open', { url: 'file:///tmp/x.html', isMainFrame: true }, payload, trust).ok).toBe(false);
    expect(validateIpcRequest('pmo:file-open', null, payload, trust).ok).toBe(false);
  });

  it('accepts the dev server only when it is the trusted dev origin', () => {
    const devSender = { url: 'http://localhost:5173/', isMainFrame: true };
    expect(validateIpcRequest('pmo:app-info', devSender, [], trust).ok).toBe(false);
    expect(validateIpcRequest('pmo:app-info', devSender, [], { devServerOrigin: 'http://localhost:5173' }).ok).toBe(true);
  });

  it('refuses malformed payloads and extra arguments', () => {
    expect(validateIpcRequest('pmo:file-open', app, [{ kind: 'exe' }], trust).ok).toBe(false);
    expect(validateIpcRequest('pmo:file-open', app, [], trust).ok).toBe(false);
    expect(validateIpcRequest('pmo:file-open', app, [{ kind: 'workbook' }, 'extra'], trust).ok).toBe(false);
    expect(validateIpcRequest('pmo:app-info', app, [{}], trust).ok).toBe(false);
    expect(validateIpcRequest('pmo:file-save', app, [{ path: '/a.pmowb', bytes: 'AAAA' }], trust)).toMatchObject({
      ok: false,
      userMessage: 'PMO Workbench refused an invalid request (pmo:file-save).',
    });
  });

  it('passes the size-cap message through to the user', () => {
    const huge = new Uint8Array(new ArrayBuffer(200 * 1024 * 1024 + 1));
    expect(validateIpcRequest('pmo:file-save', app, [{ path: '/a.pmowb', bytes: huge }], trust)).toMatchObject({
      ok: false,
      userMessage: 'The file is larger than the 200 MB limit.',
    });
  });
});

function fakeHandlers(overrides: Partial<IpcHandlers<string>> = {}): IpcHandlers<string> {
  const fail = () => {
    throw new Error('not expected');
  };
  return {
    getAppInfo: () => ({ version: '0.1.0', electron: '45.4.1', chrome: '140', platform: 'linux' }),
    openFile: fail,
    saveFileAs: fail,
    saveFile: fail,
    listRecent: () => [],
    openRecent: fail,
    clearRecent: () => undefined,
    ...overrides,
  };
}

describe('dispatchIpc', () => {
  it('runs the handler with the parsed request and context, and wraps the reply', async () => {
    const openFile = vi.fn(() => ({ canceled: true as const }));
    const result = await dispatchIpc('pmo:file-open', app, [{ kind: 'spreadsheet' }], fakeHandlers({ openFile }), trust, 'ctx', quietLog);
    expect(openFile).toHaveBeenCalledWith({ kind: 'spreadsheet' }, 'ctx');
    expect(result).toEqual({ ok: true, value: { canceled: true } });
  });

  it('never calls a handler for a refused message', async () => {
    const openFile = vi.fn(() => ({ canceled: true as const }));
    const result = await dispatchIpc('pmo:file-open', { url: 'https://evil.example', isMainFrame: true }, [{ kind: 'workbook' }], fakeHandlers({ openFile }), trust, 'ctx', quietLog);
    expect(openFile).not.toHaveBeenCalled();
    expect(result).toEqual({ ok: false, message: 'PMO Workbench refused an invalid request (pmo:file-open).' });
  });

  it("returns a handler's error message for the user", async () => {
    const openRecent = vi.fn(async () => {
      throw new Error('"Plan.pmowb" no longer exists at /home/a/Plan.pmowb.');
    });
    const result = await dispatchIpc('pmo:recent-open', app, [{ path: '/home/a/Plan.pmowb' }], fakeHandlers({ openRecent }), trust, 'ctx', quietLog);
    expect(result).toEqual({ ok: false, message: '"Plan.pmowb" no longer exists at /home/a/Plan.pmowb.' });
  });

  it('hides non-Error throws behind a generic message', async () => {
    const listRecent = vi.fn(() => {
      throw 'boom';
    });
    const result = await dispatchIpc('pmo:recent-list', app, [], fakeHandlers({ listRecent }), trust, 'ctx', quietLog);
    expect(result).toEqual({ ok: false, message: 'PMO Workbench could not complete the request (pmo:recent-list).' });
  });

  it('refuses to send a reply that breaks the contract', async () => {
    const getAppInfo = vi.fn(() => ({ version: 1 }) as never);
    const result = await dispatchIpc('pmo:app-info', app, [], fakeHandlers({ getAppInfo }), trust, 'ctx', quietLog);
    expect(result).toEqual({ ok: false, message: 'PMO Workbench hit an internal error (pmo:app-info).' });
  });

  it('replies undefined for clear', async () => {
    expect(await dispatchIpc('pmo:recent-clear', app, [], fakeHandlers(), trust, 'ctx', quietLog)).toEqual({ ok: true, value: undefined });
  });
});
