// Rules a single record or a whole workbook must keep beyond field types: date order,
// allocation targets, unique project codes, references that point at existing records.
import { REFERENCES, referencedIds, targetOf } from './references';
import { fieldLabel } from './labels';
import { ENTITY_LABELS, ENTITY_NAMES, type CustomFieldDef, type EntityName } from './schemas';
import type { WorkbookRecords } from './workbook';
import { isIsoDate } from '../calendar';
import { isMoney } from '../util/money';
import type { LooseRecord as Rec } from './record';

export interface Problem {
  entity: EntityName | 'settings';
  id: string;
  /** Field name, or '' for the whole record. */
  field: string;
  /** The whole message, naming the record: "Project PRJ-004: Finish 2026-01-01 is before its start 2026-02-01". */
  message: string;
  /** What is wrong, for display next to the field itself: "must be at most 168". */
  reason?: string;
}

const DATE_PAIRS: Partial<Record<EntityName, [string, string, string][]>> = {
  project: [
    ['start', 'finish', 'Finish'],
    ['baselineStart', 'baselineFinish', 'Baseline finish'],
    ['actualStart', 'actualFinish', 'Actual finish'],
  ],
  resource: [['start', 'end', 'End']],
  allocation: [['start', 'end', 'End']],
};

function describe(entity: EntityName | 'settings', r: Rec): string {
  if (entity === 'settings') return 'Settings';
  const label = ENTITY_LABELS[entity];
  const key = typeof r['code'] === 'string' && r['code'] ? r['code'] : typeof r['name'] === 'string' ? r['name'] : r.id;
  return `${label} ${key}`;
}

/** Checks that need only the record itself. */
export function checkRecord(entity: EntityName, r: Rec): Problem[] {
  const out: Problem[] = [];
  for (const [a, b, label] of DATE_PAIRS[entity] ?? []) {
    const s = r[a];
    const f = r[b];
    if (typeof s === 'string' && typeof f === 'string' && f < s) {
      out.push({ entity, id: r.id, field: b, message: `${describe(entity, r)}: ${label.toLowerCase()} ${f} is before its start ${s}` });
    }
  }
  if (entity === 'allocation' && r['roleId'] == null && r['resourceId'] == null) {
    out.push({ entity, id: r.id, field: 'resourceId', message: `${describe(entity, r)}: an allocation needs a person or a role` });
  }
  if (entity === 'allocation' && r['unit'] === 'fte-percent' && typeof r['amount'] === 'number' && r['amount'] > 1000) {
    out.push({ entity, id: r.id, field: 'amount', message: `${describe(entity, r)}: ${r['amount']} % of an FTE is not plausible` });
  }
  if (entity === 'dependency' && r['predecessorId'] === r['successorId'] && r['predecessorKind'] === r['successorKind']) {
    out.push({ entity, id: r.id, field: 'successorId', message: 'A dependency cannot link a record to itself' });
  }
  if (entity === 'resource' && Array.isArray(r['exceptions'])) {
    for (const ex of r['exceptions'] as { start: string; end: string }[]) {
      if (ex.end < ex.start) out.push({ entity, id: r.id, field: 'exceptions', message: `${describe(entity, r)}: calendar exception ends ${ex.end} before it starts ${ex.start}` });
    }
  }
  return out;
}

/** Checks a custom field value against its definition. */
export function checkCustomValue(def: CustomFieldDef, value: unknown): string | null {
  if (value == null || value === '') return null;
  switch (def.type) {
    case 'text':
      return typeof value === 'string' ? null : 'must be text';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'money':
      return isMoney(value) ? null : 'must be an amount of money';
    case 'date':
      return isIsoDate(value) ? null : 'must be a date (YYYY-MM-DD)';
    case 'checkbox':
      return typeof value === 'boolean' ? null : 'must be yes or no';
    case 'select':
      return typeof value === 'string' && def.options.includes(value) ? null : `must be one of: ${def.options.join(', ')}`;
    case 'multiselect':
      return Array.isArray(value) && value.every((v) => def.options.includes(v)) ? null : `must be among: ${def.options.join(', ')}`;
  }
}

/** Read access to the other records of the workbook, for cross-record checks. */
export interface RecordLookup {
  has(entity: EntityName, id: string): boolean;
  /** The id of the project holding `code` (case-insensitive), if any. */
  projectIdByCode(code: string): string | undefined;
  customField(id: string): CustomFieldDef | undefined;
}

/** Checks that look at other records: references, unique codes, custom values. */
export function checkRelations(entity: EntityName, r: Rec, lookup: RecordLookup): Problem[] {
  const out: Problem[] = [];
  for (const ref of REFERENCES) {
    if (ref.entity !== entity) continue;
    const target = targetOf(ref, r);
    for (const id of referencedIds(ref, r)) {
      if (!lookup.has(target, id)) {
        out.push({ entity, id: r.id, field: ref.field, message: `${describe(entity, r)}: ${fieldLabel(ref.field)} points at a ${ENTITY_LABELS[target].toLowerCase()} that does not exist (${id})` });
      }
    }
  }
  if (entity === 'project') {
    const code = String(r['code'] ?? '');
    const holder = lookup.projectIdByCode(code);
    if (holder !== undefined && holder !== r.id) {
      out.push({ entity, id: r.id, field: 'code', message: `Project code ${code} is already used by another project` });
    }
    const custom = (r['custom'] ?? {}) as Record<string, unknown>;
    for (const [fieldId, value] of Object.entries(custom)) {
      const def = lookup.customField(fieldId);
      if (!def) continue; // values of unknown fields are kept (a newer file may define them)
      const msg = checkCustomValue(def, value);
      if (msg) out.push({ entity, id: r.id, field: `custom.${fieldId}`, message: `${describe(entity, r)}: ${def.name} ${msg}` });
    }
  }
  return out;
}

export const normaliseCode = (code: string) => code.trim().toUpperCase();

/** Builds a lookup over a whole set of records. */
export function lookupFor(records: WorkbookRecords): RecordLookup {
  const ids = new Map<EntityName, Set<string>>();
  for (const e of ENTITY_NAMES) ids.set(e, new Set(records[e].map((r) => r.id)));
  const codes = new Map<string, string>();
  for (const p of records.project) if (!codes.has(normaliseCode(p.code))) codes.set(normaliseCode(p.code), p.id);
  const fields = new Map(records.customField.map((f) => [f.id, f]));
  return {
    has: (e, id) => ids.get(e)!.has(id),
    projectIdByCode: (code) => codes.get(normaliseCode(code)),
    customField: (id) => fields.get(id),
  };
}

/** Every rule over a whole workbook (used when a file is opened). */
export function checkWorkbook(records: WorkbookRecords): Problem[] {
  const out: Problem[] = [];
  const lookup = lookupFor(records);
  for (const e of ENTITY_NAMES) {
    const seen = new Set<string>();
    for (const r of records[e] as Rec[]) {
      if (seen.has(r.id)) out.push({ entity: e, id: r.id, field: 'id', message: `${ENTITY_LABELS[e]} id ${r.id} appears twice` });
      seen.add(r.id);
      out.push(...checkRecord(e, r), ...checkRelations(e, r, lookup));
    }
  }
  const periods = new Set<string>();
  for (const s of records.statusReport) {
    const key = `${s.projectId}|${s.period}`;
    if (periods.has(key)) out.push({ entity: 'statusReport', id: s.id, field: 'period', message: `Two status reports for the same project in ${s.period}` });
    periods.add(key);
  }
  return out;
}
