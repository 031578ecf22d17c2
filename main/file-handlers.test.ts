// The IPC file handlers against a real temp directory, with scripted dialogs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFileHandlers } from './file-handlers';
import type { FileDialogs } from './file-handlers';
import { createRecentStore } from './recent-files';

let dir: string;
let dialogs: { [K in keyof FileDialogs<string>]: ReturnType<typeof vi.fn> } & FileDialogs<string>;

function setup(maxBytes?: number) {
  const recent = createRecentStore({
    filePath: path.join(dir, 'recent-files.json'),
    platform: 'linux',
    now: () => new Date('2026-03-01T09:00:00.000Z'),
  });
  const handlers = createFileHandlers<string>({
    platform: 'linux',
    dialogs,
    recent,
    appInfo: () => ({ version: '0.1.0', electron: '45.4.1', chrome: '140.0', platform: 'linux' }),
    maxBytes,
  });
  return { handlers, recent };
}

const file = (name: string, contents = 'data') => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, contents);
  return p;
};
const bytes = (text: string) => new TextEncoder().encode(text);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-files-'));
  dialogs = {
    chooseOpenPath: vi.fn(async () => undefined),
    chooseSavePath: vi.fn(async () => undefined),
    confirmReplace: vi.fn(async () => true),
  };
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('openFile', () => {
  it('returns canceled when the dialog is dismissed', async () => {
    const { handlers } = setup();
    expect(await handlers.openFile({ kind: 'workbook' }, 'win')).toEqual({ canceled: true });
    expect(dialogs.chooseOpenPath).toHaveBeenCalledWith('win', 'workbook');
  });

  it('reads a workbook, adds it to the recent list and allows saving back to it', async () => {
    const { handlers, recent } = setup();
    const p = file('Q3.pmowb', 'workbook bytes');
    dialogs.chooseOpenPath.mockResolvedValue(p);
    const reply = await handlers.openFile({ kind: 'workbook' }, 'win');
    expect(reply).toMatchObject({ canceled: false, path: p, name: 'Q3.pmowb' });
    expect(reply.canceled === false && text(reply.bytes)).toBe('workbook bytes');
    expect(recent.list().map((e) => e.path)).toEqual([p]);
    await handlers.saveFile({ path: p, bytes: bytes('saved') }, 'win');
    expect(fs.readFileSync(p, 'utf8')).toBe('saved');
  });

  it('imports a spreadsheet without touching the recent list or granting writes', async () => {
    const { handlers, recent } = setup();
    const p = file('people.xlsx');
    dialogs.chooseOpenPath.mockResolvedValue(p);
    expect(await handlers.openFile({ kind: 'spreadsheet' }, 'win')).toMatchObject({ canceled: false, name: 'people.xlsx' });
    expect(recent.list()).toEqual([]);
    await expect(handlers.saveFile({ path: p, bytes: bytes('x') }, 'win')).rejects.toThrow(/Save As/);
  });

  it('refuses a file over the size cap, naming it and its size', async () => {
    const { handlers } = setup(1024);
    dialogs.chooseOpenPath.mockResolvedValue(file('Budget.xlsx', 'x'.repeat(3 * 1024)));
    await expect(handlers.openFile({ kind: 'spreadsheet' }, 'win')).rejects.toThrow(
      '"Budget.xlsx" is 3 KB; PMO Workbench opens files up to 1 KB.',
    );
  });

  it('refuses a path of the wrong kind even if a dialog returned it', async () => {
    const { handlers } = setup();
    dialogs.chooseOpenPath.mockResolvedValue(file('notes.txt'));
    await expect(handlers.openFile({ kind: 'workbook' }, 'win')).rejects.toThrow(/not a PMO Workbench workbook/);
  });

  it('refuses folders', async () => {
    const { handlers } = setup();
    fs.mkdirSync(path.join(dir, 'folder.pmowb'));
    dialogs.chooseOpenPath.mockResolvedValue(path.join(dir, 'folder.pmowb'));
    await expect(handlers.openFile({ kind: 'workbook' }, 'win')).rejects.toThrow('"folder.pmowb" is not a file.');
  });
});

describe('saveFileAs', () => {
  it('returns canceled when the dialog is dismissed and writes nothing', async () => {
    const { handlers } = setup();
    expect(await handlers.saveFileAs({ suggestedName: 'Q3', kind: 'workbook', bytes: bytes('x') }, 'win')).toEqual({ canceled: true });
    expect(dialogs.chooseSavePath).toHaveBeenCalledWith('win', 'workbook', 'Q3.pmowb');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('writes the file, remembers it as writable and adds a workbook to recent', async () => {
    const { handlers, recent } = setup();
    const target = path.join(dir, 'Q3.pmowb');
    dialogs.chooseSavePath.mockResolvedValue(target);
    expect(await handlers.saveFileAs({ suggestedName: 'Q3', kind: 'workbook', bytes: bytes('v1') }, 'win')).toEqual({
      canceled: false, path: target, name: 'Q3.pmowb',
    });
    expect(fs.readFileSync(target, 'utf8')).toBe('v1');
    expect(recent.find(target)).toBeDefined();
    expect(await handlers.saveFile({ path: target, bytes: bytes('v2') }, 'win')).toEqual({ path: target, name: 'Q3.pmowb' });
    expect(fs.readFileSync(target, 'utf8')).toBe('v2');
  });

  it('exports xlsx and csv without adding them to recent', async () => {
    const { handlers, recent } = setup();
    dialogs.chooseSavePath.mockResolvedValue(path.join(dir, 'export.csv'));
    await handlers.saveFileAs({ suggestedName: 'export', kind: 'csv', bytes: bytes('a,b') }, 'win');
    expect(fs.readFileSync(path.join(dir, 'export.csv'), 'utf8')).toBe('a,b');
    expect(recent.list()).toEqual([]);
  });

  it('adds a missing extension, and asks before replacing the file that names', async () => {
    const { handlers } = setup();
    const existing = file('Q3.pmowb', 'old');
    dialogs.chooseSavePath.mockResolvedValue(path.join(dir, 'Q3'));
    dialogs.confirmReplace.mockResolvedValue(false);
    expect(await handlers.saveFileAs({ suggestedName: 'Q3', kind: 'workbook', bytes: bytes('new') }, 'win')).toEqual({ canceled: true });
    expect(dialogs.confirmReplace).toHaveBeenCalledWith('win', existing);
    expect(fs.readFileSync(existing, 'utf8')).toBe('old');

    dialogs.confirmReplace.mockResolvedValue(true);
    expect(await handlers.saveFileAs({ suggestedName: 'Q3', kind: 'workbook', bytes: bytes('new') }, 'win')).toMatchObject({ path: existing });
    expect(fs.readFileSync(existing, 'utf8')).toBe('new');
  });

  it('does not ask when the dialog already confirmed the exact name', async () => {
    const { handlers } = setup();
    const existing = file('Q3.pmowb', 'old');
    dialogs.chooseSavePath.mockResolvedValue(existing);
    await handlers.saveFileAs({ suggestedName: 'Q3', kind: 'workbook', bytes: bytes('new') }, 'win');
    expect(dialogs.confirmReplace).not.toHaveBeenCalled();
    expect(fs.readFileSync(existing, 'utf8')).toBe('new');
  });

  it('reports a failed write and leaves the old file', async () => {
    const { handlers } = setup();
    dialogs.chooseSavePath.mockResolvedValue(path.join(dir, 'missing-folder', 'Q3.pmowb'));
    await expect(handlers.saveFileAs({ suggestedName: 'Q3', kind: 'workbook', bytes: bytes('x') }, 'win')).rejects.toThrow(
      /Could not save "Q3.pmowb": the folder no longer exists/,
    );
  });
});

describe('saveFile', () => {
  it('refuses any path not chosen in a dialog this session', async () => {
    const { handlers } = setup();
    const victim = file('Q3.pmowb', 'precious');
    await expect(handlers.saveFile({ path: victim, bytes: bytes('evil') }, 'win')).rejects.toThrow(
      'PMO Workbench can only save to a file you chose in this session. Use Save As… to choose where to save.',
    );
    await expect(handlers.saveFile({ path: path.join(dir, '.bashrc'), bytes: bytes('evil') }, 'win')).rejects.toThrow(/Save As/);
    await expect(handlers.saveFile({ path: 'Q3.pmowb', bytes: bytes('evil') }, 'win')).rejects.toThrow(/not a full file path/);
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('does not grant writes to files opened from the recent list', async () => {
    const { handlers, recent } = setup();
    const p = file('Q3.pmowb');
    recent.add({ path: p, name: 'Q3.pmowb' });
    await handlers.openRecent({ path: p }, 'win');
    await expect(handlers.saveFile({ path: p, bytes: bytes('x') }, 'win')).rejects.toThrow(/Save As/);
  });
});

describe('recent files', () => {
  it('opens a workbook from the recent list and moves it to the top', async () => {
    const { handlers, recent } = setup();
    const a = file('A.pmowb', 'a');
    const b = file('B.pmowb', 'b');
    recent.add({ path: a, name: 'A.pmowb' });
    recent.add({ path: b, name: 'B.pmowb' });
    const reply = await handlers.openRecent({ path: a }, 'win');
    expect(reply.canceled === false && text(reply.bytes)).toBe('a');
    expect((await handlers.listRecent(undefined, 'win')).map((e) => e.name)).toEqual(['A.pmowb', 'B.pmowb']);
  });

  it('refuses paths that are not in the list', async () => {
    const { handlers } = setup();
    await expect(handlers.openRecent({ path: file('Q3.pmowb') }, 'win')).rejects.toThrow('That workbook is not in the recent list.');
    await expect(handlers.openRecent({ path: '/etc/passwd' }, 'win')).rejects.toThrow(/not in the recent list/);
  });

  it('drops a missing file from the list with a clear message', async () => {
    const { handlers, recent } = setup();
    const gone = path.join(dir, 'Gone.pmowb');
    recent.add({ path: gone, name: 'Gone.pmowb' });
    await expect(handlers.openRecent({ path: gone }, 'win')).rejects.toThrow(
      `"Gone.pmowb" can no longer be found at ${gone}. It was removed from the recent list.`,
    );
    expect(recent.list()).toEqual([]);
  });

  it('clears the list', async () => {
    const { handlers, recent } = setup();
    recent.add({ path: file('Q3.pmowb'), name: 'Q3.pmowb' });
    await handlers.clearRecent(undefined, 'win');
    expect(recent.list()).toEqual([]);
  });
});

describe('admitOsOpen', () => {
  it('adds a workbook the OS handed us to the recent list so openRecent accepts it', async () => {
    const { handlers } = setup();
    const p = file('Q3.pmowb', 'q3');
    expect(await handlers.admitOsOpen(p)).toBe(p);
    const reply = await handlers.openRecent({ path: p }, 'win');
    expect(reply.canceled === false && text(reply.bytes)).toBe('q3');
  });

  it('refuses missing files and other kinds', async () => {
    const { handlers, recent } = setup();
    await expect(handlers.admitOsOpen(path.join(dir, 'nope.pmowb'))).rejects.toThrow(/can no longer be found/);
    await expect(handlers.admitOsOpen(file('x.exe'))).rejects.toThrow(/not a PMO Workbench workbook/);
    expect(recent.list()).toEqual([]);
  });
});

describe('getAppInfo', () => {
  it('returns the versions', async () => {
    const { handlers } = setup();
    expect(await handlers.getAppInfo(undefined, 'win')).toEqual({ version: '0.1.0', electron: '45.4.1', chrome: '140.0', platform: 'linux' });
  });
});
