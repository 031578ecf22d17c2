// The IPC handlers: dialogs, reads, atomic saves and the recent list. Electron reaches this
// module only through the injected dialogs, so all of it runs in Node tests.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { FILE_EXTENSIONS, MAX_FILE_BYTES } from '../shared/ipc/contract';
import type { AppInfo, FileKind, FileOpenReply, OpenKind, SaveKind } from '../shared/ipc/contract';
import { atomicWrite, describeFsError } from './atomic-write';
import type { IpcHandlers } from './ipc-validation';
import {
  checkUserPath,
  fileNameOf,
  fileTooLargeMessage,
  safeSuggestedName,
  samePath,
  withDefaultExtension,
} from './path-policy';
import type { Platform } from './path-policy';
import type { RecentStore } from './recent-files';

/** Native dialogs; `parent` is whatever the caller uses to attach them to a window. */
export type FileDialogs<Parent> = {
  chooseOpenPath(parent: Parent, kind: OpenKind): Promise<string | undefined>;
  chooseSavePath(parent: Parent, kind: SaveKind, suggestedName: string): Promise<string | undefined>;
  /** Asked when a typed name got its extension added and that file already exists. */
  confirmReplace(parent: Parent, filePath: string): Promise<boolean>;
};

export type FileReader = {
  stat(filePath: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(filePath: string): Promise<Uint8Array>;
};

export type FileHandlerDeps<Parent> = {
  platform: Platform;
  dialogs: FileDialogs<Parent>;
  recent: RecentStore;
  appInfo: () => AppInfo;
  reader?: FileReader;
  write?: (filePath: string, bytes: Uint8Array) => Promise<void>;
  maxBytes?: number;
};

const nodeReader: FileReader = { stat: (p) => fsp.stat(p), readFile: (p) => fsp.readFile(p) };

function isMissing(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Thrown for a file that is gone, so callers can tidy the recent list. */
export class MissingFileError extends Error {}

/** The save kind a path's extension belongs to, if any. */
function saveKindOf(filePath: string, platform: Platform): SaveKind | undefined {
  const ext = (platform === 'win32' ? path.win32 : path.posix).extname(filePath).toLowerCase();
  const kinds: SaveKind[] = ['workbook', 'xlsx', 'csv', 'png', 'svg'];
  return kinds.find((kind) => (FILE_EXTENSIONS[kind] as readonly string[]).includes(ext));
}

export type FileHandlers<Parent> = IpcHandlers<Parent> & {
  /**
   * Accepts a workbook the OS asked us to open (file association, second instance, macOS
   * open-file): checks it and adds it to the recent list, so the renderer can then open it
   * through `openRecent` like any other. Returns the normalised path.
   */
  admitOsOpen(filePath: string): Promise<string>;
};

export function createFileHandlers<Parent>(deps: FileHandlerDeps<Parent>): FileHandlers<Parent> {
  const { platform, dialogs, recent, appInfo } = deps;
  const reader = deps.reader ?? nodeReader;
  const write = deps.write ?? ((p: string, bytes: Uint8Array) => atomicWrite(p, bytes));
  const maxBytes = deps.maxBytes ?? MAX_FILE_BYTES;

  // Paths the user picked in an open or save dialog this session: the only ones `saveFile`
  // may write, so a compromised renderer cannot overwrite arbitrary files.
  const writable: string[] = [];
  const grantWrite = (p: string) => {
    if (!writable.some((w) => samePath(w, p, platform))) writable.push(p);
  };

  async function readChecked(filePath: string, kind: FileKind): Promise<FileOpenReply & { canceled: false }> {
    const checked = checkUserPath(filePath, kind, platform);
    const name = fileNameOf(checked, platform);
    let stats: { size: number; isFile(): boolean };
    try {
      stats = await reader.stat(checked);
    } catch (error) {
      if (isMissing(error)) throw new MissingFileError(`"${name}" can no longer be found at ${checked}.`);
      throw new Error(`Could not open "${name}": ${describeFsError(error)}.`, { cause: error });
    }
    if (!stats.isFile()) throw new Error(`"${name}" is not a file.`);
    const tooLarge = fileTooLargeMessage(name, stats.size, maxBytes);
    if (tooLarge !== null) throw new Error(tooLarge);
    let bytes: Uint8Array;
    try {
      bytes = await reader.readFile(checked);
    } catch (error) {
      if (isMissing(error)) throw new MissingFileError(`"${name}" can no longer be found at ${checked}.`);
      throw new Error(`Could not open "${name}": ${describeFsError(error)}.`, { cause: error });
    }
    // The file may have grown between stat and read.
    const grown = fileTooLargeMessage(name, bytes.byteLength, maxBytes);
    if (grown !== null) throw new Error(grown);
    return { canceled: false, path: checked, name, bytes };
  }

  return {
    getAppInfo: () => appInfo(),

    async openFile({ kind }, parent) {
      const chosen = await dialogs.chooseOpenPath(parent, kind);
      if (chosen === undefined) return { canceled: true };
      const opened = await readChecked(chosen, kind);
      if (kind === 'workbook') {
        recent.add(opened);
        grantWrite(opened.path);
      }
      return opened;
    },

    async saveFileAs({ suggestedName, kind, bytes }, parent) {
      const chosen = await dialogs.chooseSavePath(parent, kind, safeSuggestedName(suggestedName, kind));
      if (chosen === undefined) return { canceled: true };
      const target = checkUserPath(withDefaultExtension(chosen, kind, platform), kind, platform);
      // The dialog confirmed overwriting only the name as typed; we added the extension.
      if (!samePath(target, chosen, platform) && (await exists(target))) {
        if (!(await dialogs.confirmReplace(parent, target))) return { canceled: true };
      }
      await write(target, bytes);
      grantWrite(target);
      const name = fileNameOf(target, platform);
      if (kind === 'workbook') recent.add({ path: target, name });
      return { canceled: false, path: target, name };
    },

    async saveFile({ path: requested, bytes }) {
      const kind = saveKindOf(requested, platform);
      const target = kind === undefined ? undefined : checkUserPath(requested, kind, platform);
      if (target === undefined || !writable.some((w) => samePath(w, target, platform))) {
        throw new Error(
          'PMO Workbench can only save to a file you chose in this session. Use Save As… to choose where to save.',
        );
      }
      await write(target, bytes);
      const name = fileNameOf(target, platform);
      if (kind === 'workbook') recent.add({ path: target, name });
      return { path: target, name };
    },

    listRecent: () => recent.list(),

    async openRecent({ path: requested }) {
      const entry = recent.find(requested);
      if (entry === undefined) throw new Error('That workbook is not in the recent list.');
      try {
        const opened = await readChecked(entry.path, 'workbook');
        recent.add(opened);
        return opened;
      } catch (error) {
        if (error instanceof MissingFileError) {
          recent.remove(entry.path);
          throw new Error(`${error.message} It was removed from the recent list.`, { cause: error });
        }
        throw error;
      }
    },

    clearRecent: () => {
      recent.clear();
    },

    async admitOsOpen(filePath) {
      const checked = checkUserPath(filePath, 'workbook', platform);
      const name = fileNameOf(checked, platform);
      let stats: { isFile(): boolean };
      try {
        stats = await reader.stat(checked);
      } catch (error) {
        if (isMissing(error)) throw new Error(`"${name}" can no longer be found at ${checked}.`, { cause: error });
        throw new Error(`Could not open "${name}": ${describeFsError(error)}.`, { cause: error });
      }
      if (!stats.isFile()) throw new Error(`"${name}" is not a file.`);
      recent.add({ path: checked, name });
      return checked;
    },
  };

  async function exists(p: string): Promise<boolean> {
    try {
      await reader.stat(p);
      return true;
    } catch {
      return false;
    }
  }
}
