// The recent-workbooks list and its store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addRecent, createRecentStore, findRecent, parseRecentList, removeRecent } from './recent-files';

const t0 = new Date('2026-03-01T09:00:00.000Z');
const t1 = new Date('2026-03-02T09:00:00.000Z');

describe('recent list operations', () => {
  it('puts the newest file first and moves a reopened file to the top', () => {
    let list = addRecent([], { path: '/a/One.pmowb', name: 'One.pmowb' }, t0, 'linux');
    list = addRecent(list, { path: '/a/Two.pmowb', name: 'Two.pmowb' }, t0, 'linux');
    list = addRecent(list, { path: '/a/One.pmowb', name: 'One.pmowb' }, t1, 'linux');
    expect(list).toEqual([
      { path: '/a/One.pmowb', name: 'One.pmowb', openedAt: '2026-03-02T09:00:00.000Z' },
      { path: '/a/Two.pmowb', name: 'Two.pmowb', openedAt: '2026-03-01T09:00:00.000Z' },
    ]);
  });

  it('treats paths differing only in case as one file on Windows', () => {
    let list = addRecent([], { path: 'C:\\A\\One.pmowb', name: 'One.pmowb' }, t0, 'win32');
    list = addRecent(list, { path: 'c:\\a\\ONE.pmowb', name: 'ONE.pmowb' }, t1, 'win32');
    expect(list).toHaveLength(1);
    expect(findRecent(list, 'C:\\a\\one.PMOWB', 'win32')?.name).toBe('ONE.pmowb');
    expect(findRecent(list, '/a/One.pmowb', 'linux')).toBeUndefined();
  });

  it('keeps at most the limit, dropping the oldest', () => {
    let list = addRecent([], { path: '/a/0.pmowb', name: '0.pmowb' }, t0, 'linux', 3);
    for (const n of [1, 2, 3]) list = addRecent(list, { path: `/a/${n}.pmowb`, name: `${n}.pmowb` }, t0, 'linux', 3);
    expect(list.map((e) => e.name)).toEqual(['3.pmowb', '2.pmowb', '1.pmowb']);
  });

  it('removes a file', () => {
    const list = addRecent([], { path: '/a/One.pmowb', name: 'One.pmowb' }, t0, 'linux');
    expect(removeRecent(list, '/a/One.pmowb', 'linux')).toEqual([]);
    expect(removeRecent(list, '/a/Other.pmowb', 'linux')).toEqual(list);
  });

  it('keeps the valid entries of a damaged stored list', () => {
    expect(parseRecentList(undefined)).toEqual([]);
    expect(parseRecentList({ files: [] })).toEqual([]);
    expect(
      parseRecentList([{ path: '/a/One.pmowb', name: 'One.pmowb', openedAt: 'x' }, { path: 3 }, null, 'junk']),
    ).toEqual([{ path: '/a/One.pmowb', name: 'One.pmowb', openedAt: 'x' }]);
  });
});

describe('createRecentStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-recent-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('persists across restarts and reports changes', () => {
    const filePath = path.join(dir, 'recent-files.json');
    const onChange = vi.fn();
    const store = createRecentStore({ filePath, platform: 'linux', now: () => t0, onChange });
    store.add({ path: '/a/One.pmowb', name: 'One.pmowb' });
    expect(onChange).toHaveBeenCalledTimes(1);

    const reopened = createRecentStore({ filePath, platform: 'linux' });
    expect(reopened.list()).toEqual([{ path: '/a/One.pmowb', name: 'One.pmowb', openedAt: t0.toISOString() }]);
    reopened.remove('/a/One.pmowb');
    expect(createRecentStore({ filePath, platform: 'linux' }).list()).toEqual([]);
  });

  it('starts empty from a corrupt file and can clear', () => {
    const filePath = path.join(dir, 'recent-files.json');
    fs.writeFileSync(filePath, '{not json');
    const store = createRecentStore({ filePath, platform: 'linux', now: () => t0 });
    expect(store.list()).toEqual([]);
    store.add({ path: '/a/One.pmowb', name: 'One.pmowb' });
    store.clear();
    expect(store.list()).toEqual([]);
    expect(JSON.parse(fs.readFileSync(filePath, 'utf8'))).toEqual([]);
  });

  it('keeps working in memory when the folder cannot be written', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const store = createRecentStore({ filePath: path.join(dir, 'missing', 'recent.json'), platform: 'linux', now: () => t0 });
    store.add({ path: '/a/One.pmowb', name: 'One.pmowb' });
    expect(store.list()).toHaveLength(1);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
