// The zod-free part of the IPC contract: channel names, the menu event and the wire format.
// The sandboxed preload imports only this file, so it must not import zod (or anything else).

/** Every channel starts with this prefix, so main can refuse anything it did not declare. */
export const IPC_PREFIX = 'pmo:';

/** Name of the preload API on `window` (the renderer's platform adapter reads `window.pmo`). */
export const PMO_API_GLOBAL = 'pmo';

/**
 * Channel names by API method. The request and reply schemas for each are in contract.ts.
 */
export const ipcChannels = {
  getAppInfo: 'pmo:app-info',
  openFile: 'pmo:file-open',
  saveFileAs: 'pmo:file-save-as',
  saveFile: 'pmo:file-save',
  listRecent: 'pmo:recent-list',
  openRecent: 'pmo:recent-open',
  clearRecent: 'pmo:recent-clear',
} as const;

export const MENU_CHANNEL = 'pmo:menu';

/** Commands main sends on MENU_CHANNEL; see MenuCommandSchema in contract.ts. */
export const MENU_COMMANDS = ['new-workbook', 'open', 'save-as', 'import-spreadsheet', 'export-xlsx', 'export-csv', 'undo', 'redo', 'about', 'open-recent'] as const;

// ---------------------------------------------------------------------------------------
// Wire format. Electron prefixes rejected invokes with "Error invoking remote method …", so
// main replies with a result and the preload turns a failure back into a plain Error whose
// message is exactly what main wrote for the user.

export type IpcResult<T> = { ok: true; value: T } | { ok: false; message: string };

export function ipcOk<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function ipcFail(message: string): IpcResult<never> {
  return { ok: false, message };
}

/**
 * The value of a result from main, or throws an Error carrying main's message. Written
 * without zod so the preload, which needs only this and the channel names, stays small.
 */
export function unwrapIpcResult(result: unknown): unknown {
  if (typeof result === 'object' && result !== null && 'ok' in result) {
    // An undefined value may lose its key on the way; that is still a successful void reply.
    if (result.ok === true) return 'value' in result ? result.value : undefined;
    if (result.ok === false && 'message' in result && typeof result.message === 'string') {
      throw new Error(result.message);
    }
  }
  throw new Error('PMO Workbench received an unexpected reply from the application.');
}
