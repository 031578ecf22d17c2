// A workbook held in memory, ready for views: one map per entity plus the indexes the command
// path needs (project codes). Changes reach it only through applyPlan after the database
// transaction that holds them has committed.
import { ENTITY_NAMES, type EntityName, type EntityOf, type Settings } from '../model/schemas';
import { normaliseCode, type RecordLookup } from '../model/invariants';
import type { JournalEntity, JournalEntry, Revs, StoredRecord, StoredWorkbook } from './types';
import type { WorkbookRecords } from '../model/workbook';
import type { LooseRecord } from '../model/record';

/** A record of any entity, as the state holds it (the one loose record type, shared/model/record.ts). */
export type AnyRecord = LooseRecord;

/** What a committed change touched, as the journal says it (enough to update a derived model). */
export type ChangeEntry = Pick<JournalEntry, 'entity' | 'recordId' | 'op' | 'field' | 'before' | 'after'>;

/**
 * What a reader depends on: whole entities, or some top-level fields of one ('project' with
 * ['start', 'finish']). Creating or deleting a record of the entity always counts.
 */
export type Reads = readonly (JournalEntity | readonly [JournalEntity, readonly string[]])[];

/** Recent changes kept for incremental readers: at most this many commits, and this many entries in all. */
const RECENT_COMMITS = 64;
const RECENT_ENTRIES = 50_000;

export class WorkbookState {
  readonly id: string;
  settings: Settings;
  settingsRevs: Revs;
  createdAt: string;
  updatedAt: string;
  /** Bumped once per applied change; per-entity versions below say what the change touched. */
  version = 0;
  /** The version of the last change that touched an entity (any field, create or delete). */
  private readonly entityVersions = new Map<JournalEntity, number>();
  /** The version of the last create or delete of an entity's records. */
  private readonly shapeVersions = new Map<JournalEntity, number>();
  /** The version of the last change of `entity\u0000field` (top-level field). */
  private readonly fieldVersions = new Map<string, number>();
  /** The last changes, newest last, for readers that update instead of recomputing. */
  private readonly recent: { version: number; entries: readonly ChangeEntry[] }[] = [];
  /** all(entity) as one shared, read-only array until the entity changes. */
  private readonly lists = new Map<EntityName, readonly AnyRecord[]>();
  private readonly tables = new Map<EntityName, Map<string, AnyRecord>>();
  private readonly revs = new Map<EntityName, Map<string, Revs>>();
  private readonly codes = new Map<string, string>();

  constructor(meta: StoredWorkbook, rows: Iterable<StoredRecord>) {
    this.id = meta.id;
    this.settings = meta.settings;
    this.settingsRevs = meta.r;
    this.createdAt = meta.createdAt;
    this.updatedAt = meta.updatedAt;
    for (const e of ENTITY_NAMES) {
      this.tables.set(e, new Map());
      this.revs.set(e, new Map());
    }
    for (const row of rows) this.put(row.e, row.d, row.r);
  }

  get<E extends EntityName>(entity: E, id: string): EntityOf<E> | undefined {
    return this.tables.get(entity)!.get(id) as EntityOf<E> | undefined;
  }

  has(entity: EntityName, id: string): boolean {
    return this.tables.get(entity)!.has(id);
  }

  revsOf(entity: EntityName, id: string): Revs {
    return this.revs.get(entity)!.get(id) ?? {};
  }

  all<E extends EntityName>(entity: E): EntityOf<E>[] {
    return [...this.tables.get(entity)!.values()] as EntityOf<E>[];
  }

  /**
   * An entity's records as one read-only array, the same array until a record of the entity
   * changes: readers can compare it by identity (a selector, a memo's dependency).
   */
  list<E extends EntityName>(entity: E): readonly EntityOf<E>[] {
    let list = this.lists.get(entity);
    if (!list) this.lists.set(entity, (list = Object.freeze([...this.tables.get(entity)!.values()])));
    return list as readonly EntityOf<E>[];
  }

  /**
   * The version of the last change to what `reads` names (0 if none since the workbook was
   * loaded). Equal versions mean nothing read has changed.
   */
  versionOf(reads: Reads): number {
    let v = 0;
    for (const r of reads) {
      if (typeof r === 'string') {
        v = Math.max(v, this.entityVersions.get(r) ?? 0);
        continue;
      }
      const [entity, fields] = r;
      v = Math.max(v, this.shapeVersions.get(entity) ?? 0);
      for (const f of fields) v = Math.max(v, this.fieldVersions.get(`${entity}\u0000${f}`) ?? 0);
    }
    return v;
  }

  /**
   * Records that a committed change was applied: one new version, and the entities and fields
   * its journal entries name. Called by applyPlan after the records are in place.
   */
  noteChange(entries: readonly ChangeEntry[]): void {
    const v = ++this.version;
    for (const e of entries) {
      this.entityVersions.set(e.entity, v);
      if (e.op !== 'update') this.shapeVersions.set(e.entity, v);
      else this.fieldVersions.set(`${e.entity}\u0000${e.field.split('.')[0]!}`, v);
    }
    this.recent.push({ version: v, entries });
    let total = 0;
    for (const r of this.recent) total += r.entries.length;
    while (this.recent.length > RECENT_COMMITS || (this.recent.length > 1 && total > RECENT_ENTRIES)) total -= this.recent.shift()!.entries.length;
  }

  /**
   * The changes applied after `version`, oldest first, or null when they are no longer all
   * known (too many since): the reader then recomputes from the records.
   */
  changesSince(version: number): (readonly ChangeEntry[])[] | null {
    if (version === this.version) return [];
    const first = this.recent[0];
    if (version > this.version || !first || first.version > version + 1) return null;
    return this.recent.filter((r) => r.version > version).map((r) => r.entries);
  }

  values(entity: EntityName): IterableIterator<AnyRecord> {
    return this.tables.get(entity)!.values();
  }

  count(entity: EntityName): number {
    return this.tables.get(entity)!.size;
  }

  projectIdByCode(code: string): string | undefined {
    return this.codes.get(normaliseCode(code));
  }

  lookup(): RecordLookup {
    return {
      has: (e, id) => this.has(e, id),
      projectIdByCode: (code) => this.projectIdByCode(code),
      customField: (id) => this.get('customField', id),
    };
  }

  /** All records, in the shape of a workbook file. */
  records(): WorkbookRecords {
    return Object.fromEntries(ENTITY_NAMES.map((e) => [e, this.all(e)])) as unknown as WorkbookRecords;
  }

  put(entity: EntityName, record: AnyRecord, revs: Revs): void {
    const table = this.tables.get(entity)!;
    if (entity === 'project') {
      const old = table.get(record.id);
      if (old && this.codes.get(normaliseCode(String(old['code']))) === record.id) this.codes.delete(normaliseCode(String(old['code'])));
      this.codes.set(normaliseCode(String(record['code'])), record.id);
    }
    table.set(record.id, record);
    this.revs.get(entity)!.set(record.id, revs);
    this.lists.delete(entity);
  }

  remove(entity: EntityName, id: string): void {
    const table = this.tables.get(entity)!;
    const old = table.get(id);
    if (old && entity === 'project' && this.codes.get(normaliseCode(String(old['code']))) === id) {
      this.codes.delete(normaliseCode(String(old['code'])));
    }
    table.delete(id);
    this.revs.get(entity)!.delete(id);
    this.lists.delete(entity);
  }
}
