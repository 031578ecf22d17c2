// The app store's notices and storage request: a prompt (the "new version ready" notice with its
// Reload action) stays until answered, and persistent storage is asked for once, only when
// there first is a workbook to keep.
import { afterAll, describe, expect, it } from 'vitest';
import { AppStore } from './app-store';
import { PmoDatabase } from '../db/database';
import type { Platform } from '../platform/platform';

const opened: PmoDatabase[] = [];
afterAll(() => opened.forEach((db) => db.close()));

function storeWithCountedPersist() {
  const db = new PmoDatabase(`notices-storage-${opened.length}-${Date.now()}`);
  opened.push(db);
  let asked = 0;
  const platform = {
    requestPersistentStorage: () => {
      asked += 1;
      return Promise.resolve(false);
    },
  } as unknown as Platform;
  return { store: new AppStore(platform, db), asked: () => asked };
}

describe('notices', () => {
  it('keep a prompt with its action while later messages come and go', () => {
    const { store } = storeWithCountedPersist();
    const run = () => {};
    store.notify('prompt', 'A new version of PMO Workbench is ready.', { label: 'Reload', run });
    for (let i = 1; i <= 5; i++) store.notify('info', `Exported file ${i}`);
    const notices = store.getSnapshot().notices;
    expect(notices.map((n) => n.text)).toEqual(['A new version of PMO Workbench is ready.', 'Exported file 2', 'Exported file 3', 'Exported file 4', 'Exported file 5']);
    expect(notices[0]!.action).toEqual({ label: 'Reload', run });
    store.dismiss(notices[0]!.id);
    expect(store.getSnapshot().notices).toHaveLength(4);
  });
});

describe('persistent storage', () => {
  it('is not asked for on an empty start, then once when a workbook exists, and the answer is kept', async () => {
    const { store, asked } = storeWithCountedPersist();
    await store.init();
    expect(asked()).toBe(0);
    expect(store.getSnapshot().persistent).toBeNull();
    await store.newWorkbook('First');
    await store.newWorkbook('Second');
    await expect.poll(() => store.getSnapshot().persistent).toBe(false);
    expect(asked()).toBe(1);
  });
});
