// Electron main process: lifecycle, the window, the app:// protocol, menus and validated IPC.
// Kept thin on purpose (Electron cannot run in CI here): every decision lives in a tested
// module, and this file only wires those decisions to Electron.
import { BrowserWindow, Menu, app, dialog, ipcMain, net, protocol, screen, session, shell } from 'electron';
import type { IpcMainInvokeEvent, OpenDialogOptions, SaveDialogOptions, WebContents } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MENU_CHANNEL, ipcContract, ipcMethods } from '../shared/ipc/contract';
import type { MenuCommand, OpenKind, SaveKind } from '../shared/ipc/contract';
import { APP_ENTRY_URL, APP_SCHEME, resolveAppPath } from './app-protocol';
import { createFileHandlers } from './file-handlers';
import type { FileDialogs } from './file-handlers';
import { dispatchIpc } from './ipc-validation';
import type { IpcSender } from './ipc-validation';
import { buildMenuTemplate } from './menu';
import { dialogFilters, fileNameOf, workbookPathFromArgv } from './path-policy';
import { createRecentStore } from './recent-files';
import type { RecentStore } from './recent-files';
import { readJsonFileSync, writeJsonFileSync } from './settings-file';
import {
  NETWORK_URL_PATTERNS,
  decideNavigation,
  externalUrlToOpen,
  isNetworkRequestAllowed,
  isPermissionAllowed,
  parseDevServerUrl,
} from './trusted-url';
import type { TrustContext } from './trusted-url';
import { parseWindowState, placeWindow } from './window-state';
import { windowTitle } from './window-title';

const APP_NAME = 'PMO Workbench';
const APP_USER_MODEL_ID = 'app.pmoworkbench.desktop'; // = appId in electron-builder.yml
const here = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD_PATH = path.join(here, '../preload/index.cjs');
const RENDERER_DIR = path.join(here, '../renderer');

const platform = process.platform;
const isDev = !app.isPackaged;
const devServerUrl = parseDevServerUrl(process.env['ELECTRON_RENDERER_URL'], app.isPackaged);
const trust: TrustContext = { devServerOrigin: devServerUrl?.origin };

let mainWindow: BrowserWindow | null = null;
/** Commands waiting for the page to finish loading (the preload then holds OS opens). */
const pendingCommands: MenuCommand[] = [];
let pageLoaded = false;

// ---------------------------------------------------------------------------------------
// Before ready: these calls are only allowed (or only useful) this early.

app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    // standard + secure: relative URLs, IndexedDB and a secure context, as on https.
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
  },
]);

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the window; it receives our argv through 'second-instance'.
  app.quit();
} else {
  start();
}

function start(): void {
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  const stored = createRecentStore({
    filePath: path.join(app.getPath('userData'), 'recent-files.json'),
    platform,
    onChange: () => setMenu(),
  });
  // Mirrored into the OS list (Dock menu on macOS, Jump List on Windows).
  const recent: RecentStore = {
    ...stored,
    add: (file) => {
      stored.add(file);
      app.addRecentDocument(file.path);
    },
    clear: () => {
      stored.clear();
      app.clearRecentDocuments();
    },
  };

  const handlers = createFileHandlers<BrowserWindow | null>({
    platform,
    dialogs: createDialogs(),
    recent,
    appInfo: () => ({
      version: app.getVersion(),
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      platform,
    }),
  });

  function setMenu(): void {
    const template = buildMenuTemplate(
      { platform, isDev, appName: APP_NAME, recent: recent.list() },
      { send: sendToRenderer, clearRecent: () => recent.clear() },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  // A workbook the OS handed us: remembered in the recent list, then opened by the renderer
  // through openRecent like any other.
  async function openFromOs(filePath: string): Promise<void> {
    await app.whenReady();
    try {
      const admitted = await handlers.admitOsOpen(filePath);
      sendToRenderer({ command: 'open-recent', path: admitted });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox(`Could not open ${fileNameOf(filePath, platform)}`, message);
    }
  }

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow === null) {
      createWindow();
    } else {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    const workbook = workbookPathFromArgv(argv, workingDirectory, platform);
    if (workbook !== undefined) void openFromOs(workbook);
  });

  // macOS delivers double-clicked files here, possibly before 'ready'.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    void openFromOs(filePath);
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });

  void app.whenReady().then(() => {
    registerAppProtocol();
    lockDownSession();
    for (const method of ipcMethods) {
      const { channel } = ipcContract[method];
      ipcMain.handle(channel, (event, ...args: unknown[]) =>
        dispatchIpc(channel, senderOf(event), args, handlers, trust, BrowserWindow.fromWebContents(event.sender)),
      );
    }
    setMenu();
    createWindow();
    const workbook = platform === 'darwin' ? undefined : workbookPathFromArgv(process.argv, process.cwd(), platform);
    if (workbook !== undefined) void openFromOs(workbook);
  });
}

// ---------------------------------------------------------------------------------------
// Window

function createWindow(): void {
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const placement = placeWindow(
    parseWindowState(readJsonFileSync(stateFile)),
    [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    title: APP_NAME,
    x: placement.x,
    y: placement.y,
    width: placement.width,
    height: placement.height,
    minWidth: placement.minWidth,
    minHeight: placement.minHeight,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chromium's spellchecker downloads dictionaries from Google on Windows and Linux; an
      // offline-first app should not phone home, and spellchecking cells is mostly noise.
      spellcheck: false,
      devTools: isDev,
    },
  });
  mainWindow = win;
  pageLoaded = false;

  win.once('ready-to-show', () => {
    if (placement.isMaximized) win.maximize();
    win.show();
  });
  win.on('page-title-updated', (event, title) => {
    event.preventDefault();
    win.setTitle(windowTitle(title, APP_NAME));
  });
  win.on('close', () => {
    try {
      const bounds = win.getNormalBounds();
      writeJsonFileSync(stateFile, { ...bounds, isMaximized: win.isMaximized() || win.isFullScreen() });
    } catch (error) {
      console.warn('[window] could not save the window state', error);
    }
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.webContents.on('did-start-loading', () => {
    pageLoaded = false;
  });
  win.webContents.on('did-finish-load', () => {
    pageLoaded = true;
    for (const command of pendingCommands.splice(0)) win.webContents.send(MENU_CHANNEL, command);
  });
  // Ask rather than reload automatically: a renderer that crashes on start would loop.
  win.webContents.on('render-process-gone', (_event, details) => {
    console.error('[window] renderer gone', details.reason);
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    void dialog
      .showMessageBox(win, {
        type: 'error',
        buttons: ['Reload', 'Close'],
        defaultId: 0,
        cancelId: 1,
        message: `${APP_NAME} stopped unexpectedly.`,
        detail: 'Reload the window to continue.',
      })
      .then(({ response }) => {
        if (win.isDestroyed()) return;
        if (response === 0) win.reload();
        else win.close();
      });
  });

  void win.loadURL(devServerUrl?.href ?? APP_ENTRY_URL);
}

function sendToRenderer(command: MenuCommand): void {
  if (mainWindow === null || mainWindow.isDestroyed()) {
    // macOS keeps running without windows; a menu command brings one back.
    pendingCommands.push(command);
    createWindow();
    return;
  }
  if (pageLoaded) mainWindow.webContents.send(MENU_CHANNEL, command);
  else pendingCommands.push(command);
}

// ---------------------------------------------------------------------------------------
// Security

function senderOf(event: IpcMainInvokeEvent): IpcSender {
  const frame = event.senderFrame;
  return frame === null ? null : { url: frame.url, isMainFrame: frame.parent === null };
}

function openExternally(url: string | null): void {
  if (url !== null) void shell.openExternal(url);
}

function hardenWebContents(contents: WebContents): void {
  const guard = (event: { url: string; preventDefault(): void }) => {
    const decision = decideNavigation(event.url, trust);
    if (!decision.allow) {
      event.preventDefault();
      openExternally(decision.openExternally);
    }
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(externalUrlToOpen(url));
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest({ urls: NETWORK_URL_PATTERNS }, (details, callback) => {
    const allowed = isNetworkRequestAllowed(details.url, trust);
    if (!allowed) console.warn(`[net] blocked ${details.url}`);
    callback({ cancel: !allowed });
  });
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, trust));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, trust),
  );
  ses.setDevicePermissionHandler(() => false);
}

function registerAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const filePath = resolveAppPath(RENDERER_DIR, request.url);
    if (filePath === null) return new Response('Not found', { status: 404 });
    try {
      return await net.fetch(pathToFileURL(filePath).toString());
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

// ---------------------------------------------------------------------------------------
// Dialogs

function createDialogs(): FileDialogs<BrowserWindow | null> {
  // Start where the user last saved or opened something this session.
  let lastDirectory: string | undefined;
  const remember = (filePath: string | undefined) => {
    if (filePath !== undefined) lastDirectory = path.dirname(filePath);
    return filePath;
  };
  const titles: Record<OpenKind | SaveKind, string> = {
    workbook: 'Workbook',
    spreadsheet: 'Import Spreadsheet',
    xlsx: 'Export to Excel',
    csv: 'Export to CSV',
    png: 'Export Image',
    svg: 'Export Image',
  };
  return {
    async chooseOpenPath(parent, kind) {
      const options: OpenDialogOptions = {
        title: kind === 'workbook' ? 'Open Workbook' : titles[kind],
        defaultPath: lastDirectory,
        properties: ['openFile'],
        filters: dialogFilters(kind),
      };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return remember(result.canceled ? undefined : result.filePaths[0]);
    },
    async chooseSavePath(parent, kind, suggestedName) {
      const options: SaveDialogOptions = {
        title: kind === 'workbook' ? 'Save Workbook As' : titles[kind],
        defaultPath: path.join(lastDirectory ?? app.getPath('documents'), suggestedName),
        filters: dialogFilters(kind),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return remember(result.canceled || !result.filePath ? undefined : result.filePath);
    },
    async confirmReplace(parent, filePath) {
      const name = fileNameOf(filePath, platform);
      const options = {
        type: 'warning' as const,
        buttons: ['Replace', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        message: `"${name}" already exists. Do you want to replace it?`,
        detail: 'Replacing it will overwrite its current contents.',
      };
      const result = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
      return result.response === 0;
    },
  };
}
