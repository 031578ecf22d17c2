// Field paths: how a change names what it writes. A plain field is its name ('budget'); a member
// of a nested field is 'head.member' ('rag.overall', 'custom.<fieldId>', 'scores.<criterionId>').
// Which fields are nested is read from the record schemas, not listed by hand, so a new map or
// group field is addressable member by member (and journalled that way) as soon as it is declared.
// The command path, paste and import all read and write paths through this one module.
import { ENTITY_SCHEMAS, type EntityName } from './schemas';

/** Keys that would reach an object's prototype; never part of a path. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

interface ZodLike {
  _zod: { def: { type: string; innerType?: ZodLike; shape?: Record<string, ZodLike> } };
}

const WRAPPERS = new Set(['default', 'optional', 'nullable', 'prefault', 'readonly', 'catch']);

function unwrap(s: ZodLike): ZodLike {
  let t = s;
  while (WRAPPERS.has(t._zod.def.type) && t._zod.def.innerType) t = t._zod.def.innerType;
  return t;
}

/**
 * Nested: a map keyed by id (a record: custom values, scores) or a group of single values (an
 * object whose members are neither objects nor lists: the RAG set). An object holding lists (a
 * saved view's state) is one value, written whole.
 */
function isNested(s: ZodLike): boolean {
  const t = unwrap(s);
  if (t._zod.def.type === 'record') return true;
  if (t._zod.def.type !== 'object' || !t._zod.def.shape) return false;
  return Object.values(t._zod.def.shape).every((m) => !['object', 'record', 'array'].includes(unwrap(m)._zod.def.type));
}

const nestedCache = new Map<EntityName, ReadonlySet<string>>();

/** The fields of an entity whose members are addressed one by one ('rag', 'custom', 'scores'). */
export function nestedFields(entity: EntityName): ReadonlySet<string> {
  let set = nestedCache.get(entity);
  if (!set) {
    const shape = (ENTITY_SCHEMAS[entity] as unknown as { shape: Record<string, ZodLike> }).shape;
    set = new Set(Object.entries(shape).flatMap(([k, s]) => (isNested(s) ? [k] : [])));
    nestedCache.set(entity, set);
  }
  return set;
}

/** Whether the entity's schema declares the top-level field. */
export function isKnownField(entity: EntityName, head: string): boolean {
  const shape = (ENTITY_SCHEMAS[entity] as unknown as { shape: Record<string, unknown> }).shape;
  return Object.prototype.hasOwnProperty.call(shape, head);
}

/** 'rag.overall' → ['rag', 'overall']; 'budget' → ['budget', undefined]. */
export function splitFieldPath(path: string): [string, string | undefined] {
  const dot = path.indexOf('.');
  return dot < 0 ? [path, undefined] : [path.slice(0, dot), path.slice(dot + 1)];
}

/** Whether an update may write this path on the entity: a declared field, or a member of a nested one. */
export function isSettablePath(entity: EntityName, path: string): boolean {
  const [head, sub] = splitFieldPath(path);
  if (head === 'id' || FORBIDDEN_KEYS.has(head) || !isKnownField(entity, head)) return false;
  return sub === undefined || (!FORBIDDEN_KEYS.has(sub) && nestedFields(entity).has(head));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at a path, or undefined. */
export function readFieldPath(record: Readonly<Record<string, unknown>>, path: string): unknown {
  const [head, sub] = splitFieldPath(path);
  const v = record[head];
  if (sub === undefined) return v;
  return isObject(v) ? v[sub] : undefined;
}

/**
 * Writes a path into a record (in place). A member write copies its nested object, so a record
 * shared with the current state is never changed through it; undefined removes the member.
 */
export function writeFieldPath(record: Record<string, unknown>, path: string, value: unknown): void {
  const [head, sub] = splitFieldPath(path);
  if (sub === undefined) {
    record[head] = value;
    return;
  }
  const inner = isObject(record[head]) ? { ...record[head] } : {};
  if (value === undefined) delete inner[sub];
  else inner[sub] = value;
  record[head] = inner;
}

/**
 * The path a column writes for a path a problem names: the field, or for a nested field its member.
 * A schema issue can point deeper ('tags.2', 'custom.<id>.0' for one value of a multiselect) and
 * belongs to the cell that wrote the field.
 */
export function writtenPath(entity: EntityName, problemPath: string): string {
  const [head, sub] = splitFieldPath(problemPath);
  if (sub === undefined || !nestedFields(entity).has(head)) return head;
  return `${head}.${splitFieldPath(sub)[0]}`;
}
