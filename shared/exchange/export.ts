// The exported workbook: one sheet per kind of record, allocations as a weekly or monthly grid,
// utilisation by person and role on a read-only "Capacity" sheet (capacity-sheet.ts), the lists
// behind the drop-downs, a short "How to edit" sheet, and a hidden sheet holding a
// snapshot of exactly what was sent. The snapshot is what makes a returned workbook mergeable:
// the values it held are the common base of a three-way, cell-level diff.
import type { WorkbookState } from '../commands/state';
import { buildColumnContext } from '../register/column-context';
import { columnOptions, optionLabel, RAG_LABELS } from '../register/convert';
import { labelOf } from './labels';
import type { ColumnContext } from '../register/types';
import { addDays, calendarPeriods, type CalendarPeriod, type IsoDate, type PeriodUnit } from '../calendar';
import { hoursCalendarOf, hoursRow } from '../capacity/allocation-hours';
import { moneyToNumber } from '../util/money';
import { fieldsFor, IMPORT_KINDS, KIND_ENTITY, KIND_LABELS, type ExchangeField, type ImportKind } from './fields';
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { XlsxColumn, XlsxSheet, XlsxValue, XlsxWorkbook } from './xlsx/writer';
import { capacitySheet } from './capacity-sheet';
import { exportFormats, type ExportFormats } from './number-formats';
import type { LooseRecord as Rec } from '../model/record';

export const SNAPSHOT_SHEET = '_pmo';
export const SNAPSHOT_FORMAT = 'pmo-workbench-export/1';
const CHUNK = 30_000;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  let line = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    line += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? B64[n & 63]! : '=');
    if (line.length >= 8192) {
      out.push(line);
      line = '';
    }
  }
  out.push(line);
  return out.join('');
}

function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const n = (B64.indexOf(clean[i]!) << 18) | (B64.indexOf(clean[i + 1] ?? 'A') << 12) | (B64.indexOf(clean[i + 2] ?? 'A') << 6) | B64.indexOf(clean[i + 3] ?? 'A');
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

export type GridUnit = PeriodUnit;

export interface SnapshotSheet {
  name: string;
  kind: ImportKind;
  /** Field keys, in column order (stored values; for allocation grids the period labels follow). */
  fields: string[];
  periods?: CalendarPeriod[];
  /** One per exported record: its id, row version and the values sent (stored form). */
  rows: { id: string; v: string; values: unknown[]; alloc?: AllocationBase }[];
}

/** What an allocation was when sent: its hours per period follow from it (hoursRow, with the snapshot's calendar). */
export interface AllocationBase {
  start: IsoDate;
  end: IsoDate;
  amount: number;
  unit: string;
}

export interface ExportSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  exportId: string;
  workbookId: string;
  workbookName: string;
  exportedAt: string;
  grid: GridUnit;
  /**
   * The calendar the grid's hours were worked out with (hours per FTE, the workbook's holiday
   * dates), so the merge compares a returned cell with what was sent even when the workbook's
   * holidays change meanwhile. Absent in exports made before it was recorded.
   */
  calendar?: { hoursPerFte: number; holidays: IsoDate[] };
  sheets: SnapshotSheet[];
}

export interface ExportOptions {
  exportId: string;
  exportedAt: string;
  today: IsoDate;
  grid: GridUnit;
  /** At most this many periods in the allocation grid (from the first allocation). */
  maxPeriods?: number;
}

/** The record's row version: its latest journal entry id. */
export function rowVersion(state: WorkbookState, entity: Parameters<WorkbookState['revsOf']>[0], id: string): string {
  let v = '';
  for (const x of Object.values(state.revsOf(entity, id))) if (x > v) v = x;
  return v;
}

/** A stored value → what the cell holds. */
export function cellValue(f: ExchangeField, value: unknown, ctx: ColumnContext): XlsxValue {
  if (value === null || value === undefined) return f.col.type === 'checkbox' ? false : null;
  switch (f.col.type) {
    case 'date':
      return typeof value === 'string' ? { date: value } : null;
    case 'money':
      return typeof value === 'number' ? moneyToNumber(value) : null;
    case 'percent':
      return typeof value === 'number' ? value / 100 : null;
    case 'number':
    case 'integer':
      return typeof value === 'number' ? value : null;
    case 'checkbox':
      return value === true;
    case 'rag':
      return RAG_LABELS[value as 'R' | 'A' | 'G'] ?? String(value);
    case 'select':
    case 'reference': {
      const options = columnOptions(f.col, ctx);
      return optionLabel(options, String(value));
    }
    case 'multiselect':
    case 'references': {
      const options = columnOptions(f.col, ctx);
      const list = Array.isArray(value) ? value : [value];
      return list.map((v) => optionLabel(options, String(v))).join('; ') || null;
    }
    default:
      return String(value);
  }
}

function xlsxColumn(f: ExchangeField, listRef: string | undefined, formats: ExportFormats): XlsxColumn {
  const t = f.col.type;
  // Money in the workbook's currency and dates in its order (number-formats.ts); still numbers and real dates.
  const numFmt = t === 'date' ? formats.date : t === 'money' ? formats.money : t === 'percent' ? '0%' : t === 'integer' ? '0' : t === 'number' ? '0.##' : undefined;
  return {
    header: f.label,
    width: Math.min(60, f.width),
    ...(numFmt ? { numFmt } : {}),
    ...(t === 'longtext' ? { wrap: true } : {}),
    ...(listRef ? { list: { ref: listRef } } : {}),
    ...(t === 'rag' ? { rag: true } : {}),
    ...(f.key === 'id' || f.key === 'version' ? { hidden: true } : {}),
  };
}

/**
 * The weeks or months an allocation grid covers: the allocations' range, from at most half a
 * year before today, and at most `max` periods (a grid people can read and edit).
 */
export function gridPeriods(state: WorkbookState, unit: GridUnit, max: number, today: IsoDate): CalendarPeriod[] {
  let first: IsoDate | null = null;
  let last: IsoDate | null = null;
  for (const a of state.values('allocation')) {
    const s = String(a['start']);
    const e = String(a['end']);
    if (!first || s < first) first = s;
    if (!last || e > last) last = e;
  }
  if (!first || !last) return [];
  const recent = addDays(today, -182);
  if (recent > first && recent <= last) first = recent;
  return calendarPeriods(unit, first, last, max);
}

const ALLOCATION_GRID_FIELDS = ['projectId', 'resourceId', 'roleId', 'tentative', 'note', 'id', 'version'];

/** The exported workbook and its snapshot. */
export function buildExport(state: WorkbookState, opts: ExportOptions): { workbook: XlsxWorkbook; snapshot: ExportSnapshot } {
  const ctx = buildColumnContext(state, opts.today);
  const customFields = state.all('customField');
  const sheets: XlsxSheet[] = [];
  const snapshotSheets: SnapshotSheet[] = [];
  /** The allocation grid's window: the Capacity sheet covers the same periods. */
  let window: { from: IsoDate; to: IsoDate } | null = null;
  const hoursCal = hoursCalendarOf(state.settings);
  const formats = exportFormats(state.settings);

  // Lists behind the drop-downs: one column per list on the Lists sheet.
  const lists: { header: string; values: string[] }[] = [];
  const listRef = new Map<string, string>();
  const listFor = (f: ExchangeField): string | undefined => {
    const t = f.col.type;
    if (t !== 'select' && t !== 'rag' && !(t === 'reference' && f.col.options !== 'project')) return undefined;
    const key = `${f.col.type}:${typeof f.col.options === 'string' ? f.col.options : f.key}`;
    const known = listRef.get(key);
    if (known) return known;
    const values = t === 'rag' ? Object.values(RAG_LABELS) : (columnOptions(f.col, ctx) ?? []).map((o) => o.label);
    if (!values.length) return undefined;
    const col = lists.length;
    lists.push({ header: t === 'rag' ? 'RAG' : f.label, values });
    const letter = String.fromCharCode(65 + col);
    const ref = `Lists!$${letter}$2:$${letter}$${values.length + 1}`;
    listRef.set(key, ref);
    return ref;
  };

  for (const kind of IMPORT_KINDS) {
    const entity = KIND_ENTITY[kind];
    const name = KIND_LABELS[kind].sheet;
    if (kind === 'allocation') {
      const all = fieldsFor('allocation', state.settings, customFields);
      const fields = ALLOCATION_GRID_FIELDS.map((k) => all.find((f) => f.key === k)!);
      const periods = gridPeriods(state, opts.grid, opts.maxPeriods ?? (opts.grid === 'week' ? 104 : 36), opts.today);
      const from = periods[0]?.start ?? '';
      const to = periods.at(-1)?.end ?? '';
      if (from && to) window = { from, to };
      const columns = [...fields.map((f) => xlsxColumn(f, listFor(f), formats)), ...periods.map((p) => ({ header: p.label, width: 9, numFmt: '0.##' }))];
      const rows: XlsxValue[][] = [];
      const snapRows: SnapshotSheet['rows'] = [];
      const records = sortedRecords(state, 'allocation', ctx);
      for (const a of records) {
        // Allocations outside the grid's window are not sent (and so not offered for deletion).
        if (String(a['end']) < from || String(a['start']) > to) continue;
        const stored = fields.map((f) => (f.key === 'version' ? rowVersion(state, entity, a.id) : f.key === 'id' ? a.id : f.col.get(a, ctx)));
        const hours = hoursRow(a, periods, hoursCal);
        rows.push([...fields.map((f, i) => (f.key === 'id' || f.key === 'version' ? String(stored[i]) : cellValue(f, stored[i], ctx))), ...hours.map((h) => (h ? h : null))]);
        snapRows.push({ id: a.id, v: String(stored[fields.length - 1]), values: stored.slice(0, fields.length - 2), alloc: { start: String(a['start']), end: String(a['end']), amount: Number(a['amount']), unit: String(a['unit']) } });
      }
      sheets.push({ name, columns, rows, freezeHeader: true, freezeColumns: 2, autoFilter: true });
      snapshotSheets.push({ name, kind, fields: fields.slice(0, -2).map((f) => f.key), periods, rows: snapRows });
      continue;
    }
    const fields = fieldsFor(kind, state.settings, customFields).filter((f) => !f.virtual || f.key === 'id' || f.key === 'version');
    const columns = fields.map((f) => xlsxColumn(f, listFor(f), formats));
    const rows: XlsxValue[][] = [];
    const snapRows: SnapshotSheet['rows'] = [];
    for (const r of sortedRecords(state, entity, ctx)) {
      const version = rowVersion(state, entity, r.id);
      const stored = fields.slice(0, -2).map((f) => f.col.get(r, ctx));
      rows.push([...fields.slice(0, -2).map((f, i) => cellValue(f, stored[i], ctx)), r.id, version]);
      snapRows.push({ id: r.id, v: version, values: stored });
    }
    sheets.push({ name, columns, rows, freezeHeader: true, freezeColumns: kind === 'project' ? 2 : 1, autoFilter: true });
    snapshotSheets.push({ name, kind, fields: fields.slice(0, -2).map((f) => f.key), rows: snapRows });
  }

  // The capacity view's figures, to read (not in the snapshot; the import skips the sheet).
  sheets.push(capacitySheet(state, opts.grid, window));

  const listRows = Math.max(0, ...lists.map((l) => l.values.length));
  sheets.push({
    name: 'Lists',
    columns: lists.map((l) => ({ header: l.header, width: Math.min(40, Math.max(12, ...l.values.map((v) => v.length + 2))) })),
    rows: Array.from({ length: listRows }, (_, i) => lists.map((l) => l.values[i] ?? null)),
    freezeHeader: true,
  });
  sheets.push({ name: 'How to edit', kind: 'notes', columns: [{ header: 'How to edit this workbook', width: 110, wrap: true }], rows: howToEdit(state.settings.name, opts).map((t) => [t]) });

  const snapshot: ExportSnapshot = {
    format: SNAPSHOT_FORMAT,
    exportId: opts.exportId,
    workbookId: state.id,
    workbookName: state.settings.name,
    exportedAt: opts.exportedAt,
    grid: opts.grid,
    calendar: { hoursPerFte: state.settings.hoursPerFte, holidays: state.settings.holidays.map((h) => h.date) },
    sheets: snapshotSheets,
  };
  sheets.push(snapshotSheet(snapshot));
  return { workbook: { sheets, creator: 'PMO Workbench', created: opts.exportedAt }, snapshot };
}

function sortedRecords(state: WorkbookState, entity: Parameters<WorkbookState['values']>[0], ctx: ColumnContext): Rec[] {
  const list = [...state.values(entity)] as Rec[];
  const projectCode = (id: unknown) => String((typeof id === 'string' && state.get('project', id)?.code) || '');
  const key = (r: Rec): string => {
    switch (entity) {
      case 'project':
        return String(r['code']);
      case 'milestone':
        return `${projectCode(r['projectId'])}\u0000${String(r['forecastDate'] ?? r['baselineDate'] ?? '')}\u0000${String(r['name'])}`;
      case 'allocation':
        return `${projectCode(r['projectId'])}\u0000${labelOf(ctx, 'resource', r['resourceId'])}\u0000${String(r['start'])}`;
      case 'raid':
        return `${String(r['code'] || '\uffff')}\u0000${String(r['title'])}`;
      case 'statusReport':
        return `${projectCode(r['projectId'])}\u0000${String(r['period'])}`;
      default:
        return String(r['name'] ?? '');
    }
  };
  const keyed = list.map((r) => [key(r), r] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return keyed.map((k) => k[1]);
}

function howToEdit(workbookName: string, opts: ExportOptions): string[] {
  return [
    `Exported from PMO Workbench: “${workbookName}”, ${opts.exportedAt.slice(0, 10)}.`,
    '',
    'Edit the cells you need to change on the Projects, Milestones, Resources, Allocations, RAID and Status reports sheets, save the file (as .xlsx or .ods), and send it back. The PMO imports it and sees exactly which cells you changed.',
    'Add a record: type it on a new row at the bottom of its sheet. Leave the grey “Record id” and “Row version” columns empty for new rows.',
    'Remove a record: delete its whole row. The PMO is asked to confirm each removal.',
    'Do not edit the hidden “Record id (do not edit)” and “Row version (do not edit)” columns, or the hidden sheet “_pmo”: they let your edits be merged back cell by cell.',
    'You may sort rows, filter, reorder columns and add your own columns: extra columns are ignored on import.',
    'Drop-down cells (stage, RAG, programme, role…) accept the values listed on the Lists sheet.',
    `Allocations: one row per allocation; each ${opts.grid === 'week' ? 'week (ISO week, Monday to Sunday)' : 'month'} column holds hours per week, counted over working days (Monday to Friday, less the workbook’s holidays): an allocation starting on a Wednesday shows 3/5 of its hours in that week${opts.grid === 'month' ? ', and a month shows its hours ÷ (its working days ÷ 5)' : ''}. Change a number to change the hours per week for that ${opts.grid}; clear it for none.`,
    'Status reports: one row per project and month; the Period is the month as 2026-03 (a date in the month or “Mar 2026” is read as that month too).',
    'Dates are real dates: type them as your spreadsheet program expects. Money is in the workbook’s currency, in units (not thousands).',
    `Capacity: utilisation (demand ÷ capacity, tentative demand included) of each person and role by ${opts.grid}, with the window’s capacity and demand hours. It is for reading, filtering and pivoting: edits to it are not imported.`,
  ];
}

/** The hidden sheet: a marker, the export's identity, and the snapshot as JSON in chunks. */
function snapshotSheet(s: ExportSnapshot): XlsxSheet {
  // Deflated and base64-encoded: a tenth of the JSON's size, so the file stays small and the
  // writer has little text to escape.
  const json = toBase64(deflateSync(strToU8(JSON.stringify(s)), { level: 1 }));
  const rows: XlsxValue[][] = [
    ['format', SNAPSHOT_FORMAT],
    ['exportId', s.exportId],
    ['workbookId', s.workbookId],
    ['exportedAt', s.exportedAt],
  ];
  for (let i = 0; i < json.length; i += CHUNK) rows.push(['snapshot', json.slice(i, i + CHUNK)]);
  return { name: SNAPSHOT_SHEET, hidden: true, columns: [{ header: 'PMO Workbench export: do not edit this sheet', width: 20 }, { header: 'value', width: 60 }], rows };
}

/** The snapshot of one of our exports, read back from its hidden sheet (null when the file is not one). */
export function readSnapshot(rows: readonly (readonly unknown[])[]): ExportSnapshot | { error: string } | null {
  const fmt = rows.find((r) => r[0] === 'format');
  if (!fmt) return null;
  if (fmt[1] !== SNAPSHOT_FORMAT) return { error: `was exported by a newer PMO Workbench (${String(fmt[1])})` };
  const packed = rows.filter((r) => r[0] === 'snapshot').map((r) => (typeof r[1] === 'string' ? r[1] : '')).join('');
  try {
    const parsed = JSON.parse(strFromU8(inflateSync(fromBase64(packed), { out: undefined }))) as ExportSnapshot;
    if (parsed.format !== SNAPSHOT_FORMAT || !Array.isArray(parsed.sheets)) return { error: 'has a damaged export snapshot' };
    return parsed;
  } catch {
    return { error: 'has a damaged export snapshot (sheet _pmo was edited or cut short)' };
  }
}

/**
 * Records of a kind as CSV rows (the same columns as the xlsx sheet, dates as ISO text), with
 * the record id column that lets a re-import find each row, unless `ids` is false (the CSV for people).
 */
export function csvTable(state: WorkbookState, kind: ImportKind, today: IsoDate, opts: { ids?: boolean } = {}): { header: string[]; rows: (string | number | boolean | null)[][] } {
  const ctx = buildColumnContext(state, today);
  const fields = fieldsFor(kind, state.settings, state.all('customField')).filter((f) => !f.virtual || (f.key === 'id' && opts.ids !== false));
  const entity = KIND_ENTITY[kind];
  const rows = sortedRecords(state, entity, ctx).map((r) =>
    fields.map((f) => {
      if (f.key === 'id') return r.id;
      const v = cellValue(f, f.col.get(r, ctx), ctx);
      if (v && typeof v === 'object') return v.date;
      if (f.col.type === 'percent' && typeof v === 'number') return `${Math.round(v * 1e8) / 1e6}%`;
      return v;
    }),
  );
  return { header: fields.map((f) => f.label), rows };
}
