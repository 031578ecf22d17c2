// Foreign keys between entities, declared once: invariants check them, deletes cascade along
// them, and importers and merges resolve them.
import type { EntityName } from './schemas';

export interface Reference {
  entity: EntityName;
  field: string;
  /** The target entity; for dependencies it depends on the record's `*Kind` field. */
  target: EntityName | ((record: Record<string, unknown>) => EntityName);
  /** single id, or an array of ids. */
  many?: boolean;
  /** What a delete of the target does to this record. */
  onDelete: 'cascade' | 'nullify' | 'pull';
}

const endpoint = (kindField: string) => (r: Record<string, unknown>) => (r[kindField] === 'milestone' ? 'milestone' : 'project') as EntityName;

export const REFERENCES: readonly Reference[] = [
  { entity: 'project', field: 'programmeId', target: 'programme', onDelete: 'nullify' },
  { entity: 'project', field: 'objectiveIds', target: 'objective', many: true, onDelete: 'pull' },
  { entity: 'milestone', field: 'projectId', target: 'project', onDelete: 'cascade' },
  { entity: 'dependency', field: 'predecessorId', target: endpoint('predecessorKind'), onDelete: 'cascade' },
  { entity: 'dependency', field: 'successorId', target: endpoint('successorKind'), onDelete: 'cascade' },
  { entity: 'resource', field: 'roleId', target: 'role', onDelete: 'nullify' },
  { entity: 'allocation', field: 'projectId', target: 'project', onDelete: 'cascade' },
  { entity: 'allocation', field: 'roleId', target: 'role', onDelete: 'nullify' },
  { entity: 'allocation', field: 'resourceId', target: 'resource', onDelete: 'nullify' },
  { entity: 'raid', field: 'projectId', target: 'project', onDelete: 'cascade' },
  { entity: 'statusReport', field: 'projectId', target: 'project', onDelete: 'cascade' },
  { entity: 'decision', field: 'projectId', target: 'project', onDelete: 'nullify' },
  { entity: 'lesson', field: 'projectId', target: 'project', onDelete: 'nullify' },
];

export function targetOf(ref: Reference, record: Record<string, unknown>): EntityName {
  return typeof ref.target === 'function' ? ref.target(record) : ref.target;
}

/** The ids a record points at through one reference (empty when unset). */
export function referencedIds(ref: Reference, record: Record<string, unknown>): string[] {
  const v = record[ref.field];
  if (ref.many) return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  return typeof v === 'string' ? [v] : [];
}
