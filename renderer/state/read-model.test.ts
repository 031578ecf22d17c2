// The read side of the app store: a commit publishes the snapshot once (the save status apart),
// and a reader that selects one entity's version or records is not re-rendered by a commit that
// touched only another entity. Readers are driven as useSyncExternalStore drives them: on each
// notification the selection is read again, and a different value would re-render.
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { AppStore } from './app-store';
import { ExternalStore, selection, shallowEqual, type Readable } from './external-store';
import { PmoDatabase } from '../db/database';
import type { Platform } from '../platform/platform';
import type { Reads } from '../../shared/commands/state';

const opened: PmoDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** A reader as useSyncExternalStore runs it: how often it was told, and how often it would re-render. */
function reader<T, S>(store: Readable<T>, select: (v: T) => S, equal?: (a: S, b: S) => boolean) {
  const read = selection(store.get, select, equal);
  let last = read();
  const counts = { notified: 0, renders: 0 };
  store.subscribe(() => {
    counts.notified++;
    const next = read();
    if (!Object.is(next, last)) counts.renders++;
    last = next;
  });
  return counts;
}

async function openStore(): Promise<AppStore> {
  const db = new PmoDatabase(`read-model-${opened.length}-${Date.now()}`);
  opened.push(db);
  // Only what newWorkbook and commit reach; nothing here touches the desktop shell.
  const platform = { requestPersistentStorage: () => Promise.resolve(true) } as unknown as Platform;
  const store = new AppStore(platform, db);
  await store.newWorkbook('Read model');
  const current = store.getSnapshot().current!;
  await store.commit(
    [
      { op: 'create', entity: 'programme', record: { name: 'Growth' } },
      { op: 'create', entity: 'project', record: { code: 'PRJ-1', name: 'One' } },
    ],
    { origin: 'edit', label: 'Seed' },
  );
  expect(current.count('project')).toBe(1);
  return store;
}

describe('selection', () => {
  it('keeps the previous selection while the source or the equality says nothing changed', () => {
    const s = new ExternalStore({ a: 1, b: { x: 1 } });
    const read = selection(s.get, (v) => ({ a: v.a }), shallowEqual);
    const first = read();
    expect(read()).toBe(first);
    s.update({ b: { x: 2 } });
    expect(read()).toBe(first);
    s.update({ a: 2 });
    expect(read()).not.toBe(first);
    expect(read()).toEqual({ a: 2 });
  });

  it('tells no one when the same value is set', () => {
    const value = { n: 1 };
    const s = new ExternalStore(value);
    const counts = reader(s, (v) => v.n);
    s.set(value);
    expect(counts.notified).toBe(0);
    s.set({ n: 1 });
    expect(counts).toEqual({ notified: 1, renders: 0 });
  });
});

describe('AppStore read model', () => {
  const PROJECTS: Reads = ['project'];

  it('publishes a commit once; the save status goes saving → saved beside it', async () => {
    const store = await openStore();
    const all = reader(store.snapshots, (s) => s);
    const saves: string[] = [];
    store.saveStatus.subscribe(() => saves.push(store.saveStatus.get().status));
    const programme = store.getSnapshot().current!.all('programme')[0]!;
    const r = await store.commit([{ op: 'update', entity: 'programme', id: programme.id, changes: { name: 'Renamed' } }], { origin: 'edit', label: 'Rename' });
    expect(r?.tx).toBeTruthy();
    expect(all.notified).toBe(1);
    expect(saves).toEqual(['saving', 'saved']);
  });

  it('does not re-render a reader of projects for a commit that touched only programmes', async () => {
    const store = await openStore();
    const current = store.getSnapshot().current!;
    const version = reader(store.snapshots, (s) => s.current!.versionOf(PROJECTS));
    const records = reader(store.snapshots, (s) => s.current!.list('project'));
    const programmes = reader(store.snapshots, (s) => s.current!.list('programme'));
    const programme = current.all('programme')[0]!;
    await store.commit([{ op: 'update', entity: 'programme', id: programme.id, changes: { name: 'Renamed' } }], { origin: 'edit', label: 'Rename' });
    expect(version).toEqual({ notified: 1, renders: 0 });
    expect(records).toEqual({ notified: 1, renders: 0 });
    expect(programmes).toEqual({ notified: 1, renders: 1 });

    // The same readers follow a project edit, once.
    const project = current.all('project')[0]!;
    await store.commit([{ op: 'update', entity: 'project', id: project.id, changes: { name: 'Renamed project' } }], { origin: 'edit', label: 'Rename' });
    expect(version).toEqual({ notified: 2, renders: 1 });
    expect(records).toEqual({ notified: 2, renders: 1 });
    expect(programmes).toEqual({ notified: 2, renders: 1 });
  });

  it('re-renders a reader of one field only when that field changes', async () => {
    const store = await openStore();
    const current = store.getSnapshot().current!;
    const dates = reader(store.snapshots, (s) => s.current!.versionOf([['project', ['start', 'finish']]]));
    const project = current.all('project')[0]!;
    await store.commit([{ op: 'update', entity: 'project', id: project.id, changes: { name: 'Renamed project' } }], { origin: 'edit', label: 'Rename' });
    expect(dates.renders).toBe(0);
    await store.commit([{ op: 'update', entity: 'project', id: project.id, changes: { start: '2026-01-05', finish: '2026-06-30' } }], { origin: 'edit', label: 'Dates' });
    expect(dates.renders).toBe(1);
  });
});
