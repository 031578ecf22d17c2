import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { PmoDatabase } from './database';
import { Repository } from './repository';
import { testClock, tinyWorkbook } from '../../test/helpers/tiny-workbook';

let n = 0;
const opened: PmoDatabase[] = [];
function setup(name = `test-${n++}`) {
  const db = new PmoDatabase(name);
  opened.push(db);
  const clock = testClock();
  return { db, clock, repo: new Repository(db, clock) };
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

describe('Repository', () => {
  it('keeps several workbooks side by side and loads each whole', async () => {
    const { repo } = setup();
    await repo.createWorkbook(tinyWorkbook('wb-a'), 'create', 'New');
    const b = tinyWorkbook('wb-b');
    b.settings.name = 'Second';
    await repo.createWorkbook(b, 'create', 'New');
    expect((await repo.listWorkbooks()).map((w) => [w.name, w.projectCount])).toEqual([
      ['Second', 3],
      ['Tiny portfolio', 3],
    ]);
    const a = await repo.loadWorkbook('wb-a');
    expect(a.count('project')).toBe(3);
    expect(a.get('project', 'p-1')!.budget).toBe(12_000_050);
  });

  it('commits an edit with its journal entry, and undo/redo survive closing the database', async () => {
    const { db, repo, clock } = setup('undo-reopen');
    await repo.createWorkbook(tinyWorkbook(), 'create', 'New');
    let state = await repo.loadWorkbook('wb-1');
    const edit = await repo.commit(state, [{ op: 'update', entity: 'project', id: 'p-1', changes: { name: 'CRM v2' } }], { origin: 'edit', label: 'Edit Name' });
    expect(await repo.undoInfo('wb-1')).toMatchObject({ canUndo: true, undoLabel: 'Edit Name', canRedo: false });
    // The labels the commit reports without reading are the ones stored.
    expect(edit.undo).toEqual(await repo.undoInfo('wb-1'));

    db.close();
    const db2 = new PmoDatabase('undo-reopen');
    opened.push(db2);
    const repo2 = new Repository(db2, clock);
    state = await repo2.loadWorkbook('wb-1');
    expect(state.get('project', 'p-1')!.name).toBe('CRM v2');
    await repo2.undo(state);
    expect(state.get('project', 'p-1')!.name).toBe('CRM replacement');
    expect((await repo2.loadWorkbook('wb-1')).get('project', 'p-1')!.name).toBe('CRM replacement');
    expect(await repo2.undoInfo('wb-1')).toMatchObject({ canUndo: false, canRedo: true, redoLabel: 'Edit Name' });
    await repo2.redo(state);
    expect((await repo2.loadWorkbook('wb-1')).get('project', 'p-1')!.name).toBe('CRM v2');

    const history = await repo2.recordHistory('wb-1', 'p-1', state.revsOf('project', 'p-1'));
    expect(history.map((h) => [h.op, h.field, h.origin])).toEqual([
      ['create', '*', 'create'],
      ['update', 'name', 'edit'],
      ['update', 'name', 'undo'],
      ['update', 'name', 'redo'],
    ]);
    // Each entry follows the previous one for that field.
    expect(history[2]!.prev).toBe(history[1]!.id);
    expect(history[3]!.prev).toBe(history[2]!.id);
  });

  it('writes nothing when a transaction fails midway (quota), and says so', async () => {
    const { db, repo } = setup();
    await repo.createWorkbook(tinyWorkbook(), 'create', 'New');
    const state = await repo.loadWorkbook('wb-1');
    const journalBefore = await db.journal.count();
    const original = db.txs.add.bind(db.txs);
    db.txs.add = (() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))) as unknown as typeof db.txs.add;
    await expect(repo.commit(state, [{ op: 'update', entity: 'project', id: 'p-1', changes: { name: 'Lost' } }], { origin: 'edit', label: 'Edit Name' })).rejects.toThrow(
      /disk space this app may use is full\. Nothing was saved/,
    );
    db.txs.add = original;
    expect(await db.journal.count()).toBe(journalBefore);
    expect(state.get('project', 'p-1')!.name).toBe('CRM replacement');
    expect((await repo.loadWorkbook('wb-1')).get('project', 'p-1')!.name).toBe('CRM replacement');
  });

  it('rejects an invalid edit without writing', async () => {
    const { db, repo } = setup();
    await repo.createWorkbook(tinyWorkbook(), 'create', 'New');
    const state = await repo.loadWorkbook('wb-1');
    const before = await db.journal.count();
    const r = await repo.commit(state, [{ op: 'update', entity: 'project', id: 'p-1', changes: { budget: 10.5 } }], { origin: 'edit', label: 'Edit Budget' });
    expect(r.tx).toBeNull();
    expect(r.rejected[0]!.problems[0]!.message).toBe('Project PRJ-001: Budget must be a whole number of minor units (cents)');
    expect(await db.journal.count()).toBe(before);
  });

  it('deletes a workbook with all its records and journal, leaving others intact', async () => {
    const { db, repo } = setup();
    await repo.createWorkbook(tinyWorkbook('wb-a'), 'create', 'New');
    await repo.createWorkbook(tinyWorkbook('wb-b'), 'create', 'New');
    await repo.deleteWorkbook('wb-a');
    expect((await repo.listWorkbooks()).map((w) => w.id)).toEqual(['wb-b']);
    expect(await db.journal.filter((j) => j.wb === 'wb-a').count()).toBe(0);
    expect(await db.journal.filter((j) => j.wb === 'wb-b').count()).toBeGreaterThan(0);
    expect(await db.records.filter((r) => r.wb === 'wb-a').count()).toBe(0);
    expect((await repo.loadWorkbook('wb-b')).count('project')).toBe(3);
  });

  it('stores a large change in journal pages, and undoes and redoes it whole', async () => {
    const { db, repo } = setup();
    await repo.createWorkbook(tinyWorkbook(), 'create', 'New');
    const state = await repo.loadWorkbook('wb-1');
    const ops = Array.from({ length: 1_234 }, (_, i) => ({ op: 'create' as const, entity: 'role' as const, record: { name: `Role ${i}` } }));
    const r = await repo.commit(state, ops, { origin: 'import', label: 'Import 1,234 roles' });
    expect(r.tx!.count).toBe(1_234);
    const pages = await db.journal.filter((p) => p.tx === r.tx!.id).toArray();
    expect(pages.map((p) => p.entries.length)).toEqual([500, 500, 234]);
    expect(pages.every((p) => p.rids.length === 0)).toBe(true); // creates are not indexed
    await repo.undo(state);
    expect((await repo.loadWorkbook('wb-1')).count('role')).toBe(1);
    await repo.redo(state);
    expect((await repo.loadWorkbook('wb-1')).count('role')).toBe(1_235);
  });

  it('refuses to create a workbook whose id is already there, writing nothing', async () => {
    const { db, repo } = setup();
    await repo.createWorkbook(tinyWorkbook(), 'create', 'New');
    const count = await db.records.count();
    await expect(repo.createWorkbook(tinyWorkbook(), 'open', 'Open')).rejects.toThrow(/already open/);
    expect(await db.records.count()).toBe(count);
  });
});
