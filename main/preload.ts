// Preload (sandboxed, bundled to CommonJS): exposes window.pmo with exactly one function per
// IPC channel plus onMenuCommand. No generic invoke/send/on, and nothing from process.
import { contextBridge, ipcRenderer } from 'electron';
import { MENU_CHANNEL, PMO_API_GLOBAL, ipcChannels, unwrapIpcResult } from '../shared/ipc/channels';
import type { IpcMethod, IpcReply, PmoApi } from '../shared/ipc/contract';
import { createMenuCommandHub } from './menu-command-hub';

// Main validated the reply against the contract before sending it, so the cast only restores
// the type that crossed the process boundary as unknown.
async function call<M extends IpcMethod>(method: M, ...request: [] | [unknown]): Promise<IpcReply<M>> {
  return unwrapIpcResult(await ipcRenderer.invoke(ipcChannels[method], ...request)) as IpcReply<M>;
}

const menuCommands = createMenuCommandHub();
// Subscribed now, not when React mounts, so a workbook the OS opens at launch is not lost.
ipcRenderer.on(MENU_CHANNEL, (_event, payload: unknown) => menuCommands.dispatch(payload));

const api: PmoApi = {
  getAppInfo: () => call('getAppInfo'),
  openFile: (request) => call('openFile', request),
  saveFileAs: (request) => call('saveFileAs', request),
  saveFile: (request) => call('saveFile', request),
  listRecent: () => call('listRecent'),
  openRecent: (request) => call('openRecent', request),
  clearRecent: () => call('clearRecent'),
  onMenuCommand: (listener) => menuCommands.subscribe(listener),
};

contextBridge.exposeInMainWorld(PMO_API_GLOBAL, api);
