// Rules for the file paths main reads and writes on the renderer's behalf, and the names,
// filters and messages around them. Platform is a parameter so Windows rules test on Linux.
import path from 'node:path';
import { FILE_EXTENSIONS, MAX_FILE_BYTES, WORKBOOK_EXTENSION } from '../shared/ipc/contract';
import type { FileKind } from '../shared/ipc/contract';

export type Platform = NodeJS.Platform;

function pathApiFor(platform: Platform): typeof path.posix {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** Paths compare case-insensitively where the default file systems do (Windows, macOS). */
export function samePath(a: string, b: string, platform: Platform): boolean {
  const api = pathApiFor(platform);
  const [na, nb] = [api.normalize(a), api.normalize(b)];
  return platform === 'win32' || platform === 'darwin' ? na.toLowerCase() === nb.toLowerCase() : na === nb;
}

export function fileNameOf(filePath: string, platform: Platform): string {
  return pathApiFor(platform).basename(filePath);
}

function hasAllowedExtension(filePath: string, kind: FileKind, platform: Platform): boolean {
  const ext = pathApiFor(platform).extname(filePath).toLowerCase();
  return (FILE_EXTENSIONS[kind] as readonly string[]).includes(ext);
}

const kindLabel: Record<FileKind, string> = {
  workbook: 'a PMO Workbench workbook',
  spreadsheet: 'a spreadsheet',
  xlsx: 'an Excel workbook',
  csv: 'a CSV file',
  png: 'a PNG image',
  svg: 'an SVG image',
};

/**
 * The normalised form of a path main is asked to touch, or an Error written for the user.
 * Absolute only (a relative path would depend on main's working directory), no NUL (native
 * code truncates there), no Windows device namespaces (\\?\, \\.\), and the extension must
 * belong to `kind` so a renderer cannot aim a save at a script or a dotfile.
 */
export function checkUserPath(input: string, kind: FileKind, platform: Platform): string {
  const api = pathApiFor(platform);
  if (input === '' || input.includes('\0')) throw new Error('That file path is not valid.');
  const isWindowsAbsolute = /^[a-zA-Z]:[\\/]/.test(input) || /^[\\/]{2}[^\\/?.]/.test(input);
  if (platform === 'win32' ? !isWindowsAbsolute : !api.isAbsolute(input)) {
    throw new Error(`"${input}" is not a full file path.`);
  }
  const normalised = api.resolve(input);
  if (!hasAllowedExtension(normalised, kind, platform)) {
    const allowed = FILE_EXTENSIONS[kind].join(', ');
    throw new Error(`"${api.basename(normalised)}" is not ${kindLabel[kind]} (${allowed}).`);
  }
  return normalised;
}

/**
 * Adds the kind's default extension when the user typed a name without one; Linux save
 * dialogs do not do it for us.
 */
export function withDefaultExtension(filePath: string, kind: FileKind, platform: Platform): string {
  return hasAllowedExtension(filePath, kind, platform) ? filePath : `${filePath}${FILE_EXTENSIONS[kind][0]}`;
}

/**
 * A file name safe to offer as the save dialog's default: no folders, no characters Windows
 * forbids, no trailing dots or spaces, not a reserved device name, and with the kind's
 * extension.
 */
export function safeSuggestedName(suggested: string, kind: FileKind): string {
  const ext = FILE_EXTENSIONS[kind][0];
  let base = suggested
    .replace(/[\p{Cc}<>:"/\\|?*]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Drop the extension the renderer may have included, whatever its case, before re-adding it.
  if (base.toLowerCase().endsWith(ext)) base = base.slice(0, -ext.length);
  base = base.replace(/[. ]+$/u, '').replace(/^[. ]+/u, '');
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base)) base = `${base}-file`;
  base = Array.from(base).slice(0, 120).join('').trim();
  return `${base === '' ? 'Untitled' : base}${ext}`;
}

export type DialogFilter = { name: string; extensions: string[] };

/** Open/save dialog filters; Electron wants extensions without the dot. */
export function dialogFilters(kind: FileKind): DialogFilter[] {
  const names: Record<FileKind, string> = {
    workbook: 'PMO Workbench workbook',
    spreadsheet: 'Spreadsheets and CSV',
    xlsx: 'Excel workbook',
    csv: 'CSV (comma-separated values)',
    png: 'PNG image',
    svg: 'SVG image',
  };
  return [{ name: names[kind], extensions: FILE_EXTENSIONS[kind].map((ext) => ext.slice(1)) }];
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1).replace(/\.0$/, '')} ${units[unit]}`;
}

/** The message for a file too large to open, or null when it fits. */
export function fileTooLargeMessage(name: string, size: number, cap: number = MAX_FILE_BYTES): string | null {
  if (size <= cap) return null;
  return `"${name}" is ${formatBytes(size)}; PMO Workbench opens files up to ${formatBytes(cap)}.`;
}

/**
 * The workbook the OS asked us to open through the command line (file association on
 * Windows and Linux, or a second instance), resolved against the caller's directory.
 * Flags and anything that is not a .pmowb are skipped; the last workbook wins.
 */
export function workbookPathFromArgv(argv: readonly string[], cwd: string, platform: Platform): string | undefined {
  const api = pathApiFor(platform);
  for (let i = argv.length - 1; i >= 1; i -= 1) {
    const arg = argv[i];
    if (arg === undefined || arg.startsWith('-') || !arg.toLowerCase().endsWith(WORKBOOK_EXTENSION)) continue;
    try {
      return checkUserPath(api.resolve(cwd, arg), 'workbook', platform);
    } catch {
      continue;
    }
  }
  return undefined;
}
