// The IPC contract: names are unique and prefixed, schemas accept what the app sends and
// refuse what a compromised renderer might, and the derived PmoApi type has the right shape.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  FILE_EXTENSIONS,
  IPC_PREFIX,
  MAX_FILE_BYTES,
  MENU_CHANNEL,
  MenuCommandSchema,
  ipcContract,
  ipcFail,
  ipcMethods,
  ipcOk,
  methodForChannel,
  unwrapIpcResult,
} from './contract';
import type { AppInfo, FileOpenReply, FileSaveAsReply, MenuCommand, PmoApi, RecentFile } from './contract';

describe('channels', () => {
  it('declares the seven request channels, each once and with the pmo: prefix', () => {
    const channels = ipcMethods.map((m) => ipcContract[m].channel);
    expect(channels.sort()).toEqual([
      'pmo:app-info',
      'pmo:file-open',
      'pmo:file-save',
      'pmo:file-save-as',
      'pmo:recent-clear',
      'pmo:recent-list',
      'pmo:recent-open',
    ]);
    expect(new Set(channels).size).toBe(channels.length);
    for (const channel of [...channels, MENU_CHANNEL]) expect(channel.startsWith(IPC_PREFIX)).toBe(true);
    expect(channels).not.toContain(MENU_CHANNEL);
  });

  it('maps a channel back to its method and knows nothing else', () => {
    expect(methodForChannel('pmo:file-open')).toBe('openFile');
    expect(methodForChannel('pmo:recent-clear')).toBe('clearRecent');
    expect(methodForChannel('pmo:menu')).toBeUndefined();
    expect(methodForChannel('pmo:file-open ')).toBeUndefined();
    expect(methodForChannel('toString')).toBeUndefined();
    expect(methodForChannel('__proto__')).toBeUndefined();
  });
});

describe('request schemas', () => {
  const bytes = new Uint8Array([1, 2, 3]);

  it('accepts no argument, and only no argument, for channels without a request', () => {
    for (const method of ['getAppInfo', 'listRecent', 'clearRecent'] as const) {
      expect(ipcContract[method].request.safeParse(undefined).success).toBe(true);
      expect(ipcContract[method].request.safeParse({}).success).toBe(false);
      expect(ipcContract[method].request.safeParse('x').success).toBe(false);
    }
  });

  it('accepts the file-open kinds and refuses others or extra fields', () => {
    const { request } = ipcContract.openFile;
    expect(request.parse({ kind: 'workbook' })).toEqual({ kind: 'workbook' });
    expect(request.safeParse({ kind: 'spreadsheet' }).success).toBe(true);
    expect(request.safeParse({ kind: 'xlsx' }).success).toBe(false);
    expect(request.safeParse({ kind: 'workbook', path: '/etc/passwd' }).success).toBe(false);
    expect(request.safeParse(null).success).toBe(false);
  });

  it('accepts save-as bytes as a Uint8Array (and a Buffer) but not as a number array or string', () => {
    const { request } = ipcContract.saveFileAs;
    expect(request.safeParse({ suggestedName: 'Plan', kind: 'workbook', bytes }).success).toBe(true);
    expect(request.safeParse({ suggestedName: 'Plan', kind: 'csv', bytes: Buffer.from('a,b') }).success).toBe(true);
    expect(request.safeParse({ suggestedName: 'Plan', kind: 'workbook', bytes: [1, 2, 3] }).success).toBe(false);
    expect(request.safeParse({ suggestedName: 'Plan', kind: 'workbook', bytes: 'abc' }).success).toBe(false);
    expect(request.safeParse({ suggestedName: 'Plan', kind: 'ods', bytes }).success).toBe(false);
    expect(request.safeParse({ suggestedName: 'Roadmap', kind: 'png', bytes }).success).toBe(true);
    expect(request.safeParse({ suggestedName: 'Roadmap', kind: 'svg', bytes }).success).toBe(true);
  });

  it('refuses bytes over the size cap without copying them', () => {
    // A view that claims to be huge: only byteLength is read.
    const huge = new Uint8Array(new ArrayBuffer(MAX_FILE_BYTES + 1));
    const result = ipcContract.saveFile.request.safeParse({ path: '/tmp/a.pmowb', bytes: huge });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/200 MB/);
  });

  it('requires a non-empty path for save and recent-open', () => {
    expect(ipcContract.saveFile.request.safeParse({ path: '', bytes }).success).toBe(false);
    expect(ipcContract.openRecent.request.safeParse({ path: '/a/b.pmowb' }).success).toBe(true);
    expect(ipcContract.openRecent.request.safeParse({ path: 42 }).success).toBe(false);
  });
});

describe('reply schemas', () => {
  it('describes an opened file or a canceled dialog', () => {
    const { reply } = ipcContract.openFile;
    expect(reply.safeParse({ canceled: true }).success).toBe(true);
    expect(reply.safeParse({ canceled: false, path: '/a/b.pmowb', name: 'b.pmowb', bytes: new Uint8Array() }).success).toBe(true);
    expect(reply.safeParse({ canceled: false, path: '/a/b.pmowb', name: 'b.pmowb' }).success).toBe(false);
  });

  it('lists recent files with their open time', () => {
    const ok = [{ path: '/a/b.pmowb', name: 'b.pmowb', openedAt: '2026-01-02T03:04:05.000Z' }];
    expect(ipcContract.listRecent.reply.parse(ok)).toEqual(ok);
    expect(ipcContract.listRecent.reply.safeParse([{ path: '/a' }]).success).toBe(false);
  });
});

describe('menu commands', () => {
  it('accepts the declared commands with an optional path', () => {
    expect(MenuCommandSchema.parse({ command: 'undo' })).toEqual({ command: 'undo' });
    expect(MenuCommandSchema.safeParse({ command: 'open-recent', path: '/a/b.pmowb' }).success).toBe(true);
    expect(MenuCommandSchema.safeParse({ command: 'format-disk' }).success).toBe(false);
  });
});

describe('unwrapIpcResult', () => {
  it('returns the value of a success', () => {
    expect(unwrapIpcResult(ipcOk({ a: 1 }))).toEqual({ a: 1 });
    expect(unwrapIpcResult(ipcOk(undefined))).toBeUndefined();
    expect(unwrapIpcResult({ ok: true })).toBeUndefined();
  });

  it("throws main's message unchanged for a failure", () => {
    expect(() => unwrapIpcResult(ipcFail('"Plan.pmowb" no longer exists.'))).toThrowError(
      new Error('"Plan.pmowb" no longer exists.'),
    );
  });

  it('throws a generic message for anything else', () => {
    for (const bad of [undefined, null, 'ok', { ok: 'yes' }, { ok: false }, { ok: false, message: 3 }]) {
      expect(() => unwrapIpcResult(bad)).toThrow(/unexpected reply/);
    }
  });
});

describe('extensions', () => {
  it('lists lower-case extensions with a leading dot', () => {
    for (const list of Object.values(FILE_EXTENSIONS)) {
      for (const ext of list) expect(ext).toMatch(/^\.[a-z]+$/);
    }
  });
});

describe('PmoApi type', () => {
  it('has one async function per channel plus onMenuCommand', () => {
    expectTypeOf<keyof PmoApi>().toEqualTypeOf<
      'getAppInfo' | 'openFile' | 'saveFileAs' | 'saveFile' | 'listRecent' | 'openRecent' | 'clearRecent' | 'onMenuCommand'
    >();
    expectTypeOf<PmoApi['getAppInfo']>().toEqualTypeOf<() => Promise<AppInfo>>();
    expectTypeOf<PmoApi['openFile']>().toEqualTypeOf<(request: { kind: 'workbook' | 'spreadsheet' }) => Promise<FileOpenReply>>();
    expectTypeOf<PmoApi['saveFileAs']>().parameter(0).toEqualTypeOf<{
      suggestedName: string;
      kind: 'workbook' | 'xlsx' | 'csv' | 'png' | 'svg';
      bytes: Uint8Array;
    }>();
    expectTypeOf<PmoApi['saveFileAs']>().returns.toEqualTypeOf<Promise<FileSaveAsReply>>();
    expectTypeOf<PmoApi['saveFile']>().returns.toEqualTypeOf<Promise<{ path: string; name: string }>>();
    expectTypeOf<PmoApi['listRecent']>().toEqualTypeOf<() => Promise<RecentFile[]>>();
    expectTypeOf<PmoApi['clearRecent']>().toEqualTypeOf<() => Promise<void>>();
    expectTypeOf<PmoApi['onMenuCommand']>().toEqualTypeOf<(listener: (command: MenuCommand) => void) => () => void>();
  });
});
