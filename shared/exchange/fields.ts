// What a spreadsheet row can say about each kind of record: one list of fields per kind, used by
// the importer (mapping, conversion), the exporter (columns, formats, drop-downs) and the merge
// (which cells to compare). Fields reuse the register's column definitions, so a value imported
// from a file is parsed exactly as a value typed or pasted into the grid.
import { columnsFor } from '../register/columns';
import type { ColumnContext, ColumnDef, ColumnType, Option, OptionSource } from '../register/types';
import { RAG_DIMENSIONS, RAID_KINDS, type CustomFieldDef, type EntityName, type Settings } from '../model/schemas';
import type { LooseRecord as Rec } from '../model/record';
import type { ImportKind } from './kinds';

export { IMPORT_KINDS, type ImportKind } from './kinds';

export const KIND_LABELS: Record<ImportKind, { plural: string; singular: string; sheet: string }> = {
  project: { plural: 'Projects', singular: 'project', sheet: 'Projects' },
  milestone: { plural: 'Milestones', singular: 'milestone', sheet: 'Milestones' },
  resource: { plural: 'People', singular: 'person', sheet: 'Resources' },
  allocation: { plural: 'Allocations', singular: 'allocation', sheet: 'Allocations' },
  raid: { plural: 'RAID items', singular: 'RAID item', sheet: 'RAID' },
  status: { plural: 'Status reports', singular: 'status report', sheet: 'Status reports' },
};

export const KIND_ENTITY: Record<ImportKind, EntityName> = {
  project: 'project',
  milestone: 'milestone',
  resource: 'resource',
  allocation: 'allocation',
  raid: 'raid',
  status: 'statusReport',
};

export type Col = ColumnDef<Rec>;

export interface ExchangeField {
  /** Field path ('name', 'rag.overall', 'custom.<id>'), or a pseudo field: 'id', 'version', 'fte', 'period'. */
  key: string;
  label: string;
  col: Col;
  /** Not a stored field: the importer turns it into stored ones (fte → capacity, period → start and end). */
  virtual?: boolean;
  /** The row cannot make a new record without it. */
  requiredForCreate?: boolean;
  /** A calendar month stored as YYYY-MM (a status report's period): read from a month or a date in it. */
  month?: boolean;
  /** A reference whose missing targets the import creates (a new programme, role or objective). */
  creates?: OptionSource;
  /** Export: width in characters and number format. */
  width: number;
  numFmt?: string;
}

function at(r: Rec, path: string): unknown {
  const dot = path.indexOf('.');
  if (dot < 0) return r[path] ?? null;
  const inner = r[path.slice(0, dot)];
  return (inner && typeof inner === 'object' ? (inner as Record<string, unknown>)[path.slice(dot + 1)] : null) ?? null;
}

function col(id: string, header: string, type: ColumnType, extra: Partial<Col> = {}): Col {
  return { id, header, type, field: id, editable: true, get: (r) => at(r, id), ...extra };
}

const opts = (values: readonly string[], label: (v: string) => string = cap): Option[] => values.map((v) => ({ value: v, label: label(v) }));
function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1).replace(/-/g, ' ');
}

const WIDTH: Partial<Record<ColumnType, number>> = { date: 12, money: 14, percent: 10, number: 10, integer: 10, rag: 9, checkbox: 10, longtext: 48, text: 24 };
const FORMAT: Partial<Record<ColumnType, string>> = { date: 'yyyy-mm-dd', money: '#,##0.00', percent: '0.##', number: '0.##', integer: '0' };

function fromColumn(c: Col, extra: Partial<ExchangeField> = {}): ExchangeField {
  const key = c.field ?? c.id;
  return {
    key,
    label: c.header,
    col: c,
    width: Math.max(8, Math.round((c.width ?? 120) / 7.5)) || WIDTH[c.type] || 14,
    ...(FORMAT[c.type] ? { numFmt: FORMAT[c.type] } : {}),
    ...extra,
  };
}

/** The hidden columns of our own exports that identify a row on re-import. */
export const ID_FIELD: ExchangeField = { key: 'id', label: 'Record id (do not edit)', col: col('id', 'Record id (do not edit)', 'text'), width: 28, virtual: true };
export const VERSION_FIELD: ExchangeField = { key: 'version', label: 'Row version (do not edit)', col: col('version', 'Row version (do not edit)', 'text'), width: 28, virtual: true };

const RAID_STATUS = ['open', 'in-progress', 'closed'] as const;

/** The fields of a kind, in export order (id and version last). */
export function fieldsFor(kind: ImportKind, settings: Settings, customFields: readonly CustomFieldDef[] = []): ExchangeField[] {
  let fields: ExchangeField[];
  switch (kind) {
    case 'project': {
      const cols = columnsFor('project', settings, [...customFields]).filter((c) => c.editable && c.field && !c.field.startsWith('scores.'));
      fields = cols.map((c) => {
        const f = fromColumn(c);
        if (c.field === 'code' || c.field === 'name') f.requiredForCreate = true;
        if (c.field === 'programmeId') f.creates = 'programme';
        if (c.field === 'objectiveIds') f.creates = 'objective';
        return f;
      });
      break;
    }
    case 'milestone':
      fields = columnsFor('milestone', settings)
        .filter((c) => c.editable && c.field)
        .map((c) => fromColumn(c, c.field === 'projectId' || c.field === 'name' ? { requiredForCreate: true } : {}));
      break;
    case 'resource':
      fields = columnsFor('resource', settings)
        .filter((c) => c.editable && c.field)
        .map((c) => fromColumn(c, c.field === 'name' ? { requiredForCreate: true } : c.field === 'roleId' ? { creates: 'role' } : {}));
      fields.splice(4, 0, fromColumn(col('fte', 'FTE', 'number', { width: 70 }), { virtual: true, numFmt: '0.0#' }));
      break;
    case 'allocation':
      fields = [
        fromColumn(col('projectId', 'Project', 'reference', { options: 'project', width: 240 }), { requiredForCreate: true }),
        fromColumn(col('resourceId', 'Person', 'reference', { options: 'resource', width: 180 })),
        fromColumn(col('roleId', 'Role', 'reference', { options: 'role', width: 150 }), { creates: 'role' }),
        fromColumn(col('start', 'Start', 'date')),
        fromColumn(col('end', 'End', 'date')),
        fromColumn(col('period', 'Period', 'text', { width: 100 }), { virtual: true }),
        fromColumn(col('amount', 'Hours per week', 'number', { width: 110 })),
        fromColumn(col('fte', 'FTE %', 'percent', { width: 80 }), { virtual: true }),
        fromColumn(col('tentative', 'Tentative', 'checkbox', { width: 90 })),
        fromColumn(col('note', 'Note', 'longtext', { width: 240 })),
      ];
      break;
    case 'raid':
      fields = [
        fromColumn(col('code', 'Ref', 'text', { width: 90 })),
        fromColumn(col('kind', 'Type', 'select', { options: opts(RAID_KINDS), width: 110 }), { requiredForCreate: true }),
        fromColumn(col('title', 'Title', 'text', { width: 280 }), { requiredForCreate: true }),
        fromColumn(col('projectId', 'Project', 'reference', { options: 'project', width: 240 })),
        fromColumn(col('status', 'Status', 'select', { options: opts(RAID_STATUS), width: 110 })),
        fromColumn(col('owner', 'Owner', 'person', { options: 'person', width: 150 })),
        fromColumn(col('probability', 'Probability (1–5)', 'integer', { width: 120 })),
        fromColumn(col('impact', 'Impact (1–5)', 'integer', { width: 100 })),
        fromColumn(col('raisedDate', 'Raised', 'date')),
        fromColumn(col('dueDate', 'Due', 'date')),
        fromColumn(col('closedDate', 'Closed', 'date')),
        fromColumn(col('description', 'Description', 'longtext', { width: 320 })),
        fromColumn(col('response', 'Response', 'longtext', { width: 320 })),
      ];
      break;
    case 'status':
      // One report per project and month: `period` is stored as YYYY-MM; the importer reads a
      // month ("Mar 2026", "2026-03") or any date in it (convert-cell.ts convertMonth).
      fields = [
        fromColumn(col('projectId', 'Project', 'reference', { options: 'project', width: 240 }), { requiredForCreate: true }),
        fromColumn(col('period', 'Period', 'text', { width: 80 }), { requiredForCreate: true, month: true }),
        fromColumn(col('reportedOn', 'Reported on', 'date')),
        ...RAG_DIMENSIONS.map((d) => fromColumn(col(`rag.${d}`, d === 'overall' ? 'RAG' : `RAG ${d}`, 'rag', { width: d === 'overall' ? 70 : 110 }))),
        fromColumn(col('narrative', 'Narrative', 'longtext', { width: 320 })),
        fromColumn(col('achievements', 'Achievements', 'longtext', { width: 280 })),
        fromColumn(col('nextSteps', 'Next steps', 'longtext', { width: 280 })),
        fromColumn(col('decisionsNeeded', 'Decisions needed', 'longtext', { width: 240 })),
      ];
      break;
  }
  return [...fields, ID_FIELD, VERSION_FIELD];
}

/** A field's value of a record, as stored (ids for references), or null for virtual fields. */
export function fieldValue(f: ExchangeField, record: Rec, ctx: ColumnContext): unknown {
  if (f.key === 'id') return record.id;
  if (f.virtual) return null;
  return f.col.get(record, ctx);
}
