// Smoke test of the main-process wiring (index.ts) against a fake `electron` module, since no
// Electron binary can run here: the security switches, the protocol, IPC, menus, OS opens.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-main-'));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const { readFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { fileURLToPath: toPath } = await import('node:url');

  class FakeWebContents extends EventEmitter {
    send = vi.fn();
    setWindowOpenHandler = vi.fn();
    reload = vi.fn();
  }
  class FakeWindow extends EventEmitter {
    static instances: FakeWindow[] = [];
    static getAllWindows = () => FakeWindow.instances.filter((w) => !w.destroyed);
    static fromWebContents = () => null;
    destroyed = false;
    webContents = new FakeWebContents();
    loadURL = vi.fn(async () => undefined);
    setTitle = vi.fn();
    show = vi.fn();
    maximize = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    reload = vi.fn();
    close = vi.fn();
    isMinimized = () => false;
    isMaximized = () => false;
    isFullScreen = () => false;
    isDestroyed = () => this.destroyed;
    getNormalBounds = () => ({ x: 10, y: 20, width: 1111, height: 777 });
    constructor(public options: Record<string, unknown>) {
      super();
      FakeWindow.instances.push(this);
    }
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    setAppUserModelId: vi.fn(),
    getPath: (name: string) => (name === 'userData' ? process.env['PMO_TEST_USER_DATA'] : tmpdir()),
    whenReady: () => Promise.resolve(),
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
    getVersion: () => '0.1.0',
  });
  return {
    app,
    BrowserWindow: FakeWindow,
    Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: vi.fn() },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn(), showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn() },
    net: { fetch: async (url: string) => new Response(await readFile(toPath(url))) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    screen: {
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    session: {
      defaultSession: {
        webRequest: { onBeforeRequest: vi.fn() },
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
      },
    },
    shell: { openExternal: vi.fn(async () => undefined) },
  };
});

type Mock = ReturnType<typeof vi.fn>;
type FakeWindow = {
  options: { webPreferences: Record<string, unknown>; title: string; width: number; height: number; minWidth: number };
  webContents: NodeJS.EventEmitter & { send: Mock };
  loadURL: Mock;
  emit(event: string, ...args: unknown[]): boolean;
};
type Fake = {
  app: NodeJS.EventEmitter & Record<string, Mock>;
  BrowserWindow: { instances: FakeWindow[] };
  Menu: { setApplicationMenu: Mock };
  ipcMain: { handle: Mock };
  protocol: { registerSchemesAsPrivileged: Mock; handle: Mock };
  session: { defaultSession: Record<string, Mock> & { webRequest: { onBeforeRequest: Mock } } };
  shell: { openExternal: Mock };
};

let electron: Fake;
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const appFrame = { senderFrame: { url: 'app://pmo/index.html', parent: null }, sender: {} };

beforeAll(async () => {
  process.env['PMO_TEST_USER_DATA'] = userData;
  Object.defineProperty(process.versions, 'electron', { value: '45.4.1', configurable: true });
  Object.defineProperty(process.versions, 'chrome', { value: '140.0.0.0', configurable: true });
  electron = (await import('electron')) as unknown as Fake;
  await import('./index');
  await settle();
});

afterAll(() => {
  fs.rmSync(userData, { recursive: true, force: true });
});

function ipcHandler(channel: string): (event: unknown, ...args: unknown[]) => Promise<unknown> {
  const call = electron.ipcMain.handle.mock.calls.find((c) => c[0] === channel);
  if (!call) throw new Error(`no handler for ${channel}`);
  return call[1] as (event: unknown, ...args: unknown[]) => Promise<unknown>;
}

const mainWindow = () => {
  const win = electron.BrowserWindow.instances[0];
  if (!win) throw new Error('no window');
  return win;
};

describe('main process wiring', () => {
  it('turns on the sandbox and registers app:// as a standard, secure scheme before ready', () => {
    expect(electron.app['enableSandbox']).toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(electron.app['requestSingleInstanceLock']).toHaveBeenCalled();
  });

  it('opens one locked-down window on app://pmo', () => {
    expect(electron.BrowserWindow.instances).toHaveLength(1);
    const win = mainWindow();
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(String(win.options.webPreferences['preload'])).toMatch(/[\\/]preload[\\/]index\.cjs$/);
    expect(win.options).toMatchObject({ title: 'PMO Workbench', width: 1280, height: 800, minWidth: 1000 });
    expect(win.loadURL).toHaveBeenCalledWith('app://pmo/index.html');
  });

  it('serves the renderer directory over app:// and nothing outside it', async () => {
    const [scheme, handler] = electron.protocol.handle.mock.calls[0] as [string, (r: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const index = await handler(new Request('app://pmo/index.html'));
    expect(index.status).toBe(200);
    const rendererIndex = path.join(path.dirname(fileURLToPath(import.meta.url)), '../renderer/index.html');
    expect(await index.text()).toBe(fs.readFileSync(rendererIndex, 'utf8'));
    expect((await handler(new Request('app://pmo/%2e%2e/package.json'))).status).toBe(404);
    expect((await handler(new Request('app://pmo/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://pmo/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('registers exactly the contract channels, validated', async () => {
    expect(electron.ipcMain.handle.mock.calls.map((c) => c[0]).sort()).toEqual([
      'pmo:app-info', 'pmo:file-open', 'pmo:file-save', 'pmo:file-save-as', 'pmo:recent-clear', 'pmo:recent-list', 'pmo:recent-open',
    ]);
    expect(await ipcHandler('pmo:app-info')(appFrame)).toEqual({
      ok: true,
      value: { version: '0.1.0', electron: '45.4.1', chrome: '140.0.0.0', platform: process.platform },
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const evil = { senderFrame: { url: 'https://evil.example/', parent: null }, sender: {} };
    expect(await ipcHandler('pmo:app-info')(evil)).toMatchObject({ ok: false });
    const sub = { senderFrame: { url: 'app://pmo/index.html', parent: {} }, sender: {} };
    expect(await ipcHandler('pmo:recent-list')(sub)).toMatchObject({ ok: false });
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('hardens every web contents: navigation, new windows, webviews', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    electron.app.emit('web-contents-created', {}, contents);
    const navigate = { url: 'https://example.com/help', preventDefault: vi.fn() };
    contents.emit('will-navigate', navigate);
    expect(navigate.preventDefault).toHaveBeenCalled();
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.com/help');
    const inApp = { url: 'app://pmo/index.html', preventDefault: vi.fn() };
    contents.emit('will-navigate', inApp);
    expect(inApp.preventDefault).not.toHaveBeenCalled();
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (d: { url: string }) => unknown;
    expect(openHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('denies permissions and network requests', () => {
    const ses = electron.session.defaultSession;
    const check = ses['setPermissionCheckHandler']?.mock.calls[0]?.[0] as (wc: unknown, p: string, origin: string) => boolean;
    expect(check(null, 'media', 'app://pmo')).toBe(false);
    const request = ses['setPermissionRequestHandler']?.mock.calls[0]?.[0] as (
      wc: unknown, p: string, cb: (ok: boolean) => void, d: { requestingUrl: string },
    ) => void;
    const callback = vi.fn();
    request(null, 'geolocation', callback, { requestingUrl: 'app://pmo/index.html' });
    expect(callback).toHaveBeenCalledWith(false);
    const onBefore = ses.webRequest.onBeforeRequest.mock.calls[0]?.[1] as (d: { url: string }, cb: (r: unknown) => void) => void;
    const netCallback = vi.fn();
    vi.spyOn(console, 'warn').mockImplementationOnce(() => undefined);
    onBefore({ url: 'https://tracker.example/collect' }, netCallback);
    expect(netCallback).toHaveBeenCalledWith({ cancel: true });
  });

  it('sets the application menu', () => {
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('opens a workbook handed over by a second instance once the page has loaded', async () => {
    const workbook = path.join(userData, 'Q3.pmowb');
    fs.writeFileSync(workbook, '{}');
    electron.app.emit('second-instance', {}, ['/opt/pmo/pmo-workbench', workbook], userData, {});
    // The hand-over checks the file (an fs.stat) and adds it to the recent list before it queues
    // the open: wait for that, however long a loaded machine takes, not for a fixed 10 ms.
    const added = electron.app['addRecentDocument'] as ReturnType<typeof vi.fn>;
    while (!added.mock.calls.some((c) => c[0] === workbook)) await settle();
    await settle();
    const win = mainWindow();
    expect(win.webContents.send).not.toHaveBeenCalled();
    win.webContents.emit('did-finish-load');
    expect(win.webContents.send).toHaveBeenCalledWith('pmo:menu', { command: 'open-recent', path: workbook });
    const reply = (await ipcHandler('pmo:recent-open')(appFrame, { path: workbook })) as { ok: boolean; value: { name: string } };
    expect(reply).toMatchObject({ ok: true, value: { name: 'Q3.pmowb' } });
    expect(electron.app['addRecentDocument']).toHaveBeenCalledWith(workbook);
  });

  it('saves the window state when the window closes', () => {
    mainWindow().emit('close');
    expect(JSON.parse(fs.readFileSync(path.join(userData, 'window-state.json'), 'utf8'))).toEqual({
      x: 10, y: 20, width: 1111, height: 777, isMaximized: false,
    });
  });
});
