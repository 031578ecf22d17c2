// The renderer's one door to its shell. In Electron it calls the preload API (window.pmo); in
// a browser it uses file inputs and downloads. Nothing else in the renderer touches window.pmo.
import type { MenuCommand, PmoApi, RecentFile, SaveKind } from '../../shared/ipc/contract';

const MIME_TYPES: Record<SaveKind, string> = {
  workbook: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  png: 'image/png',
  svg: 'image/svg+xml',
};

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
  /** Full path in the desktop app; absent in a browser. */
  path?: string;
}

export interface Platform {
  kind: 'desktop' | 'browser';
  /** Lets the user pick a workbook file; null when they cancel. */
  openWorkbookFile(): Promise<OpenedFile | null>;
  /** Lets the user pick a spreadsheet to import (xlsx, xlsm, xls, ods, fods, csv, tsv). */
  openSpreadsheetFile(): Promise<OpenedFile | null>;
  /** Saves bytes under a name the user confirms; returns the name used, or null when canceled. */
  saveFile(suggestedName: string, bytes: Uint8Array, kind: SaveKind): Promise<string | null>;
  appVersion(): Promise<{ version: string; details: string }>;
  recentFiles(): Promise<RecentFile[]>;
  openRecent(path: string): Promise<OpenedFile | null>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Asks the browser not to evict our data under storage pressure. */
  requestPersistentStorage(): Promise<boolean>;
}

declare const __APP_VERSION__: string;

function desktop(api: PmoApi): Platform {
  return {
    kind: 'desktop',
    async openWorkbookFile() {
      const r = await api.openFile({ kind: 'workbook' });
      return r.canceled ? null : { name: r.name, bytes: r.bytes, path: r.path };
    },
    async openSpreadsheetFile() {
      const r = await api.openFile({ kind: 'spreadsheet' });
      return r.canceled ? null : { name: r.name, bytes: r.bytes, path: r.path };
    },
    async saveFile(suggestedName, bytes, kind) {
      const r = await api.saveFileAs({ suggestedName, bytes, kind });
      return r.canceled ? null : r.name;
    },
    async appVersion() {
      const i = await api.getAppInfo();
      return { version: i.version, details: `Electron ${i.electron}, Chromium ${i.chrome}, ${i.platform}` };
    },
    recentFiles: () => api.listRecent(),
    async openRecent(path) {
      const r = await api.openRecent({ path });
      return r.canceled ? null : { name: r.name, bytes: r.bytes, path: r.path };
    },
    onMenuCommand: (listener) => api.onMenuCommand(listener),
    requestPersistentStorage: persist,
  };
}

async function persist(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

function browser(): Platform {
  return {
    kind: 'browser',
    openWorkbookFile: () => pickFile('.pmowb,application/json'),
    openSpreadsheetFile: () => pickFile('.xlsx,.xlsm,.xls,.ods,.fods,.csv,.tsv,.txt'),
    async saveFile(suggestedName, bytes, kind) {
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: MIME_TYPES[kind] }));
      const a = document.createElement('a');
      a.href = url;
      a.download = suggestedName;
      a.style.display = 'none';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return suggestedName;
    },
    async appVersion() {
      return { version: __APP_VERSION__, details: `Browser edition, ${navigator.userAgent.match(/(Chrome|Firefox|Safari)\/[\d.]+/)?.[0] ?? 'browser'}` };
    },
    recentFiles: async () => [],
    openRecent: async () => null,
    onMenuCommand: () => () => {},
    requestPersistentStorage: persist,
  };
}

function pickFile(accept: string): Promise<OpenedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.setAttribute('data-testid', 'file-input');
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(null);
      file.arrayBuffer().then((buf) => resolve({ name: file.name, bytes: new Uint8Array(buf) }), reject);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.append(input);
    input.click();
  });
}

export function detectPlatform(): Platform {
  const api = (window as unknown as { pmo?: PmoApi }).pmo;
  return api ? desktop(api) : browser();
}
