// A workbook held in memory, ready for views: one map per entity plus the indexes the command
// path needs (project codes). Changes reach it only through applyPlan after the database
// transaction that holds them has committed.
import { ENTITY_NAMES, type EntityName, type EntityOf, type Settings, type CustomFieldDef } from '../model/schemas';
import { normaliseCode, type RecordLookup } from '../model/invariants';
import type { Revs, StoredRecord, StoredWorkbook } from './types';
import type { WorkbookRecords } from '../model/workbook';
import type { LooseRecord } from '../model/record';

/** A record of any entity, as the state holds it (the one loose record type, shared/model/record.ts). */
export type AnyRecord = LooseRecord;

export class WorkbookState {
  readonly id: string;
  settings: Settings;
  settingsRevs: Revs;
  createdAt: string;
  updatedAt: string;
  /** Bumped on every applied change; views use it to know when to recompute. */
  version = 0;
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
      customField: (id) => this.get('customField', id) as CustomFieldDef | undefined,
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
  }

  remove(entity: EntityName, id: string): void {
    const table = this.tables.get(entity)!;
    const old = table.get(id);
    if (old && entity === 'project' && this.codes.get(normaliseCode(String(old['code']))) === id) {
      this.codes.delete(normaliseCode(String(old['code'])));
    }
    table.delete(id);
    this.revs.get(entity)!.delete(id);
  }
}
