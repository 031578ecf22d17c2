// The one command path: turns requested operations into a validated plan of record writes and
// journal entries, without touching storage. The database layer writes a plan in one
// transaction and only then applies it to the in-memory state, so memory never runs ahead of disk.
import type { z } from 'zod';
import { ENTITY_LABELS, ENTITY_SCHEMAS, settings as settingsSchema, type EntityName, type Settings } from '../model/schemas';
import { checkRecord, checkRelations, normaliseCode, type Problem, type RecordLookup } from '../model/invariants';
import { describeZodIssue, issueReason } from '../model/labels';
import { REFERENCES, referencedIds, targetOf } from '../model/references';
import { FORBIDDEN_KEYS, isSettablePath, readFieldPath, splitFieldPath, writeFieldPath } from '../model/field-path';
import type { IdGenerator } from '../util/ids';
import type { AnyRecord, WorkbookState } from './state';
import type { JournalEntry, Op, Origin, Revs, StoredRecord, TxHeader } from './types';

export interface PlanContext {
  newId: IdGenerator;
  /** ISO timestamp for the entries. */
  now: () => string;
  origin: Origin;
  label: string;
  /** Apply the valid operations and report the rejected ones, instead of all-or-nothing. */
  partial?: boolean;
  /**
   * With partial: an update refused as a whole is retried field by field, so that one bad cell
   * of a pasted row does not reject the row's good cells. Fields are first tried together so
   * that pairs (start and finish pasted at once) validate against each other.
   */
  splitRejectedUpdates?: boolean;
  kind?: TxHeader['kind'];
  target?: string;
  undoable?: boolean;
}

export interface Rejection {
  /** Index of the operation in the request. */
  index: number;
  problems: Problem[];
  /** For an update: the fields it tried to change (after a split, the one field refused). */
  fields?: string[];
}

export interface Plan {
  tx: TxHeader;
  entries: JournalEntry[];
  puts: StoredRecord[];
  deletes: { entity: EntityName; id: string }[];
  settings?: { value: Settings; revs: Revs };
  /** Ids of records created, by request index (for callers that need the new ids). */
  created: Map<number, string>;
}

export interface PlanResult {
  /** Null when nothing would change (or, all-or-nothing, when anything was rejected). */
  plan: Plan | null;
  rejected: Rejection[];
}

interface DraftRow {
  entity: EntityName;
  id: string;
  record: AnyRecord | null;
  revs: Revs;
  existed: boolean;
}

/** Overlay of pending changes on top of the committed state. */
class Draft implements RecordLookup {
  readonly rows = new Map<string, DraftRow>();
  private readonly codes = new Map<string, string | null>();
  settings: { value: Settings; revs: Revs } | undefined;

  constructor(private readonly state: WorkbookState) {}

  private key(e: EntityName, id: string) {
    return `${e}\u0000${id}`;
  }

  get(e: EntityName, id: string): AnyRecord | undefined {
    const row = this.rows.get(this.key(e, id));
    if (row) return row.record ?? undefined;
    return this.state.get(e, id);
  }

  revs(e: EntityName, id: string): Revs {
    return this.rows.get(this.key(e, id))?.revs ?? this.state.revsOf(e, id);
  }

  has(e: EntityName, id: string): boolean {
    return this.get(e, id) !== undefined;
  }

  projectIdByCode(code: string): string | undefined {
    const c = normaliseCode(code);
    if (this.codes.has(c)) return this.codes.get(c) ?? undefined;
    const holder = this.state.projectIdByCode(c);
    if (holder === undefined) return undefined;
    const row = this.rows.get(this.key('project', holder));
    if (row && (!row.record || normaliseCode(String(row.record['code'])) !== c)) return undefined;
    return holder;
  }

  customField(id: string) {
    return this.get('customField', id) as ReturnType<RecordLookup['customField']>;
  }

  put(e: EntityName, record: AnyRecord | null, id: string, revs: Revs) {
    const k = this.key(e, id);
    const prior = this.rows.get(k);
    const old = this.get(e, id);
    if (e === 'project') {
      if (old) {
        const oc = normaliseCode(String(old['code']));
        if (this.projectIdByCode(oc) === id) this.codes.set(oc, null);
      }
      if (record) this.codes.set(normaliseCode(String(record['code'])), id);
    }
    this.rows.set(k, { entity: e, id, record, revs, existed: prior ? prior.existed : this.state.has(e, id) });
  }

  /** Every current record of an entity, committed and pending. */
  *values(e: EntityName): Iterable<AnyRecord> {
    for (const r of this.state.values(e)) {
      const row = this.rows.get(this.key(e, r.id));
      if (!row) yield r;
    }
    for (const row of this.rows.values()) if (row.entity === e && row.record && row.existed === false) yield row.record;
    for (const row of this.rows.values()) if (row.entity === e && row.record && row.existed) yield row.record;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Structural equality for JSON-like values. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => jsonEqual(a[k], b[k]));
  }
  return false;
}

function recordLabel(e: EntityName | 'settings', r: Record<string, unknown> | undefined): string {
  if (e === 'settings') return 'Settings';
  const key = r && typeof r['code'] === 'string' && r['code'] ? r['code'] : r && typeof r['name'] === 'string' && r['name'] ? r['name'] : r && typeof r['title'] === 'string' ? r['title'] : '';
  return key ? `${ENTITY_LABELS[e]} ${key}` : ENTITY_LABELS[e];
}

/** The latest entry id among a record's revisions: what a delete follows. */
function latestRev(revs: Revs): string | null {
  let best: string | null = null;
  for (const v of Object.values(revs)) if (best === null || v > best) best = v;
  return best;
}

/**
 * Deletes cascade along REFERENCES: children that cannot live without the deleted record are
 * deleted, optional references are cleared. Returns the extra operations, to run before the
 * requested deletes so that no record is ever left pointing at nothing.
 */
function cascade(draft: Draft, deletes: { entity: EntityName; id: string }[]): Op[] {
  const doomed = new Map<EntityName, Set<string>>();
  const add = (e: EntityName, id: string) => {
    let s = doomed.get(e);
    if (!s) doomed.set(e, (s = new Set()));
    if (s.has(id)) return false;
    s.add(id);
    return true;
  };
  for (const d of deletes) add(d.entity, d.id);
  const cascadeDeletes: Op[] = [];
  const clears = new Map<string, { entity: EntityName; id: string; changes: Record<string, unknown> }>();
  let frontier = deletes.slice();
  while (frontier.length) {
    const frontierByEntity = new Map<EntityName, Set<string>>();
    for (const f of frontier) {
      let s = frontierByEntity.get(f.entity);
      if (!s) frontierByEntity.set(f.entity, (s = new Set()));
      s.add(f.id);
    }
    const next: { entity: EntityName; id: string }[] = [];
    const byEntity = new Map<EntityName, typeof REFERENCES[number][]>();
    for (const ref of REFERENCES) {
      const list = byEntity.get(ref.entity) ?? [];
      list.push(ref);
      byEntity.set(ref.entity, list);
    }
    for (const [entity, refs] of byEntity) {
      for (const r of draft.values(entity)) {
        if (doomed.get(entity)?.has(r.id)) continue;
        for (const ref of refs) {
          const target = targetOf(ref, r);
          const hit = frontierByEntity.get(target);
          if (!hit) continue;
          const ids = referencedIds(ref, r);
          if (!ids.some((x) => hit.has(x))) continue;
          if (ref.onDelete === 'cascade') {
            if (add(entity, r.id)) {
              next.push({ entity, id: r.id });
              cascadeDeletes.push({ op: 'delete', entity, id: r.id });
            }
            break;
          }
          const key = `${entity}\u0000${r.id}`;
          const c = clears.get(key) ?? { entity, id: r.id, changes: {} };
          c.changes[ref.field] = ref.onDelete === 'nullify' ? null : ids.filter((x) => !hit.has(x));
          clears.set(key, c);
        }
      }
    }
    frontier = next;
  }
  const updates: Op[] = [];
  for (const c of clears.values()) {
    if (doomed.get(c.entity)?.has(c.id)) continue;
    updates.push({ op: 'update', entity: c.entity, id: c.id, changes: c.changes });
  }
  // Children deleted deepest first, so an undo (which runs in reverse) recreates parents first.
  return [...updates, ...cascadeDeletes.reverse()];
}

export function planChange(state: WorkbookState, ops: readonly Op[], ctx: PlanContext): PlanResult {
  const draft = new Draft(state);
  const time = ctx.now();
  const txId = ctx.newId();
  const entries: JournalEntry[] = [];
  const rejected: Rejection[] = [];
  const created = new Map<number, string>();

  const entry = (e: Omit<JournalEntry, 'id' | 'wb' | 'tx' | 'time' | 'origin'>): JournalEntry => {
    const full: JournalEntry = { id: ctx.newId(), wb: state.id, tx: txId, time, origin: ctx.origin, ...e };
    entries.push(full);
    return full;
  };

  const validate = (e: EntityName, candidate: Record<string, unknown>): { value?: AnyRecord; problems: Problem[] } => {
    const schema = ENTITY_SCHEMAS[e] as unknown as z.ZodType<AnyRecord>;
    const parsed = schema.safeParse(candidate);
    const label = recordLabel(e, candidate);
    if (!parsed.success) {
      return {
        problems: parsed.error.issues.map((issue) => ({
          entity: e,
          id: String(candidate['id'] ?? ''),
          field: issue.path.map(String).join('.'),
          message: describeZodIssue(label, issue),
          reason: issueReason(issue),
        })),
      };
    }
    const value = parsed.data;
    const problems = [...checkRecord(e, value), ...checkRelations(e, value, draft)];
    return problems.length ? { problems } : { value, problems };
  };

  // Deletes first gather their cascade, so the whole request is planned against a consistent set.
  const requestedDeletes = ops.flatMap((o) => (o.op === 'delete' && draft.has(o.entity, o.id) ? [{ entity: o.entity, id: o.id }] : []));
  const cascadeOps = requestedDeletes.length ? cascade(draft, requestedDeletes) : [];
  // `split` marks an update already retried: 1 = the row without its refused fields, 2 = one field.
  const sequence: { op: Op; index: number; split?: 1 | 2 }[] = [
    ...cascadeOps.map((op) => ({ op, index: -1 })),
    ...ops.map((op, index) => ({ op, index })),
  ];

  for (let pos = 0; pos < sequence.length; pos++) {
    const { op, index, split } = sequence[pos]!;
    const reject = (problems: Problem[]) => rejected.push({ index, problems, ...(op.op === 'update' ? { fields: Object.keys(op.changes) } : {}) });
    const undoEntries = entries.length;
    if (op.op === 'create') {
      const id = typeof op.record['id'] === 'string' && op.record['id'] ? op.record['id'] : ctx.newId();
      if (draft.has(op.entity, id)) {
        reject([{ entity: op.entity, id, field: 'id', message: `${ENTITY_LABELS[op.entity]} ${id} already exists` }]);
        continue;
      }
      const { value, problems } = validate(op.entity, { ...op.record, id });
      if (!value) {
        reject(problems);
        continue;
      }
      const en = entry({ entity: op.entity, recordId: id, op: 'create', field: '*', after: value, prev: null });
      draft.put(op.entity, value, id, { '*': en.id });
      created.set(index, id);
    } else if (op.op === 'update') {
      const current = draft.get(op.entity, op.id);
      if (!current) {
        reject([{ entity: op.entity, id: op.id, field: '', message: `${ENTITY_LABELS[op.entity]} ${op.id} no longer exists` }]);
        continue;
      }
      const paths = Object.keys(op.changes);
      // Field paths, and which fields are nested, are read from the schemas (model/field-path.ts).
      const bad = paths.find((p) => !isSettablePath(op.entity, p));
      if (bad !== undefined) {
        reject([{ entity: op.entity, id: op.id, field: bad, message: `${recordLabel(op.entity, current)}: ${bad} is not a field that can be set` }]);
        continue;
      }
      const next: AnyRecord = { ...current };
      for (const p of paths) writeFieldPath(next, p, op.changes[p]);
      const { value, problems } = validate(op.entity, next);
      if (!value) {
        if (ctx.partial && ctx.splitRejectedUpdates && paths.length > 1 && split !== 2) {
          const one = (p: string) => ({ op: { op: 'update' as const, entity: op.entity, id: op.id, changes: { [p]: op.changes[p] } }, index, split: 2 as const });
          const named = new Set(problems.map((p) => p.field.split('.')[0]!));
          const rest = paths.filter((p) => !named.has(splitFieldPath(p)[0]));
          if (split === undefined && rest.length > 0 && rest.length < paths.length) {
            // First the fields nobody complained about, together (a start with its finish), then the others alone.
            const restOp = { op: { op: 'update' as const, entity: op.entity, id: op.id, changes: Object.fromEntries(rest.map((p) => [p, op.changes[p]])) }, index, split: 1 as const };
            sequence.splice(pos + 1, 0, restOp, ...paths.filter((p) => !rest.includes(p)).map(one));
          } else {
            sequence.splice(pos + 1, 0, ...paths.map(one));
          }
        } else reject(problems);
        continue;
      }
      const revs = { ...draft.revs(op.entity, op.id) };
      for (const p of paths) {
        const before = readFieldPath(current, p);
        const after = readFieldPath(value, p);
        if (jsonEqual(before, after)) continue;
        const [head] = splitFieldPath(p);
        const en = entry({ entity: op.entity, recordId: op.id, op: 'update', field: p, before, after, prev: revs[p] ?? revs[head] ?? revs['*'] ?? null });
        revs[p] = en.id;
      }
      if (entries.length > undoEntries) draft.put(op.entity, value, op.id, revs);
    } else if (op.op === 'delete') {
      const current = draft.get(op.entity, op.id);
      if (!current) continue; // already gone (e.g. deleted by a cascade in this request)
      const revs = draft.revs(op.entity, op.id);
      entry({ entity: op.entity, recordId: op.id, op: 'delete', field: '*', before: current, prev: latestRev(revs) });
      draft.put(op.entity, null, op.id, {});
    } else {
      const current = draft.settings?.value ?? state.settings;
      const keys = Object.keys(op.changes);
      const bad = keys.find((k) => FORBIDDEN_KEYS.has(k) || !Object.prototype.hasOwnProperty.call(settingsSchema.shape, k));
      if (bad !== undefined) {
        reject([{ entity: 'settings', id: state.id, field: bad, message: `Settings: ${bad} is not a setting` }]);
        continue;
      }
      const parsed = settingsSchema.safeParse({ ...current, ...op.changes });
      if (!parsed.success) {
        reject(parsed.error.issues.map((issue) => ({ entity: 'settings', id: state.id, field: issue.path.map(String).join('.'), message: describeZodIssue('Settings', issue), reason: issueReason(issue) })));
        continue;
      }
      const weights = parsed.data.scoringCriteria.reduce((s, c) => s + c.weight, 0);
      if (parsed.data.scoringCriteria.length && Math.abs(weights - 100) > 1e-9) {
        reject([{ entity: 'settings', id: state.id, field: 'scoringCriteria', message: `Settings: scoring weights add up to ${weights} %, not 100 %`, reason: `weights add up to ${weights} %, not 100 %` }]);
        continue;
      }
      const revs = { ...(draft.settings?.revs ?? state.settingsRevs) };
      for (const k of keys) {
        const before = current[k];
        const after = parsed.data[k];
        if (jsonEqual(before, after)) continue;
        const en = entry({ entity: 'settings', recordId: state.id, op: 'update', field: k, before, after, prev: revs[k] ?? revs['*'] ?? null });
        revs[k] = en.id;
      }
      draft.settings = { value: parsed.data, revs };
    }
  }

  if (rejected.length && !ctx.partial) return { plan: null, rejected };
  if (!entries.length) return { plan: null, rejected };

  const puts: StoredRecord[] = [];
  const deletes: { entity: EntityName; id: string }[] = [];
  for (const row of draft.rows.values()) {
    if (row.record) puts.push({ wb: state.id, id: row.record.id, e: row.entity, d: row.record, r: row.revs });
    else if (row.existed) deletes.push({ entity: row.entity, id: row.id });
  }
  const tx: TxHeader = {
    id: txId,
    wb: state.id,
    origin: ctx.origin,
    label: ctx.label,
    time,
    kind: ctx.kind ?? 'do',
    ...(ctx.target ? { target: ctx.target } : {}),
    first: entries[0]!.id,
    last: entries[entries.length - 1]!.id,
    count: entries.length,
    undoable: ctx.undoable ?? true,
  };
  return { plan: { tx, entries, puts, deletes, ...(draft.settings ? { settings: draft.settings } : {}), created }, rejected };
}

/** Makes a committed plan visible in memory. */
export function applyPlan(state: WorkbookState, plan: Plan): void {
  for (const d of plan.deletes) state.remove(d.entity, d.id);
  for (const p of plan.puts) state.put(p.e, p.d, p.r);
  if (plan.settings) {
    state.settings = plan.settings.value;
    state.settingsRevs = plan.settings.revs;
  }
  state.updatedAt = plan.tx.time;
  state.noteChange(plan.entries);
}
