// One test per database schema version (open at the version, seed, reopen, check), plus the
// rules every future version must keep: declarations are never removed and changes are additive.
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { PmoDatabase } from './database';
import { Repository } from './repository';
import { DB_VERSIONS } from '../../shared/migrations/db-migrations';
import { testClock, tinyWorkbook } from '../../test/helpers/tiny-workbook';

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

const primaryKey = (spec: string) => spec.split(',')[0]!.trim();

describe('database schema versions', () => {
  it('is a snapshot: changing a shipped version is deliberate', () => {
    expect(DB_VERSIONS).toMatchInlineSnapshot(`
      [
        {
          "stores": {
            "journal": "[wb+id], *rids",
            "prefs": "key",
            "records": "[wb+id]",
            "txs": "id, wb",
            "undo": "wb",
            "workbooks": "id",
          },
          "version": 1,
        },
      ]
    `);
  });

  it('only ever adds: every table of a version stays, with the same primary key, in the next', () => {
    for (let i = 1; i < DB_VERSIONS.length; i++) {
      const prev = DB_VERSIONS[i - 1]!.stores as Record<string, string>;
      const next = DB_VERSIONS[i]!.stores as Record<string, string>;
      expect(DB_VERSIONS[i]!.version).toBeGreaterThan(DB_VERSIONS[i - 1]!.version);
      for (const [table, spec] of Object.entries(prev)) {
        expect(next[table], `table ${table} removed in version ${DB_VERSIONS[i]!.version}`).toBeDefined();
        expect(primaryKey(next[table]!)).toBe(primaryKey(spec));
      }
    }
  });

  it('v1: a new database opens at v1 with its tables and indexes, and seeded data survives reopening', async () => {
    const name = 'schema-v1';
    names.push(name);
    const db = new PmoDatabase(name);
    await db.open();
    expect(db.verno).toBe(1);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['journal', 'prefs', 'records', 'txs', 'undo', 'workbooks']);
    expect(db.table('journal').schema.indexes.map((i) => `${i.name}${i.multi ? '*' : ''}`)).toEqual(['rids*']);
    const repo = new Repository(db, testClock());
    await repo.createWorkbook(tinyWorkbook(), 'create', 'New');
    db.close();

    const again = new PmoDatabase(name);
    const state = await new Repository(again, testClock()).loadWorkbook('wb-1');
    expect(state.count('project')).toBe(3);
    expect(state.get('milestone', 'm-1')).toMatchObject({ name: 'Go-live', forecastDate: '2026-06-15' });
    again.close();
  });
});
