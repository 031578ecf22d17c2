// The recent-workbooks list: pure list operations plus a small store that persists it.
import { z } from 'zod';
import { RecentFileSchema } from '../shared/ipc/contract';
import type { RecentFile } from '../shared/ipc/contract';
import { samePath } from './path-policy';
import type { Platform } from './path-policy';
import { readJsonFileSync, writeJsonFileSync } from './settings-file';

export const MAX_RECENT_FILES = 10;

/** Keeps the valid entries of a stored list; one bad entry must not lose the others. */
export function parseRecentList(stored: unknown): RecentFile[] {
  const list = z.array(z.unknown()).safeParse(stored);
  if (!list.success) return [];
  return list.data.flatMap((item) => {
    const entry = RecentFileSchema.safeParse(item);
    return entry.success ? [entry.data] : [];
  });
}

export function findRecent(list: readonly RecentFile[], filePath: string, platform: Platform): RecentFile | undefined {
  return list.find((entry) => samePath(entry.path, filePath, platform));
}

/** Moves (or adds) the file to the top, newest first, at most `max` entries. */
export function addRecent(
  list: readonly RecentFile[],
  file: { path: string; name: string },
  now: Date,
  platform: Platform,
  max: number = MAX_RECENT_FILES,
): RecentFile[] {
  const entry: RecentFile = { path: file.path, name: file.name, openedAt: now.toISOString() };
  return [entry, ...removeRecent(list, file.path, platform)].slice(0, max);
}

export function removeRecent(list: readonly RecentFile[], filePath: string, platform: Platform): RecentFile[] {
  return list.filter((entry) => !samePath(entry.path, filePath, platform));
}

export type RecentStore = {
  list(): RecentFile[];
  find(filePath: string): RecentFile | undefined;
  add(file: { path: string; name: string }): void;
  remove(filePath: string): void;
  clear(): void;
};

/**
 * The list kept in `filePath`. `onChange` lets main rebuild the Open Recent menu. A failed
 * write is logged and the in-memory list stays current: losing the recent list is not worth
 * interrupting the user's open or save.
 */
export function createRecentStore(options: {
  filePath: string;
  platform: Platform;
  now?: () => Date;
  onChange?: (list: RecentFile[]) => void;
}): RecentStore {
  const { filePath, platform, now = () => new Date(), onChange } = options;
  let list = parseRecentList(readJsonFileSync(filePath));
  const commit = (next: RecentFile[]) => {
    list = next;
    try {
      writeJsonFileSync(filePath, list);
    } catch (error) {
      console.warn('[recent] could not save the recent list', error);
    }
    onChange?.(list);
  };
  return {
    list: () => [...list],
    find: (p) => findRecent(list, p, platform),
    add: (file) => commit(addRecent(list, file, now(), platform)),
    remove: (p) => {
      if (findRecent(list, p, platform)) commit(removeRecent(list, p, platform));
    },
    clear: () => commit([]),
  };
}
