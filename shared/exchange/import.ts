// The importer: a read spreadsheet plus the user's mapping → one report that accounts for every
// source row (new, updated, unchanged, skipped with the reason; cell errors and warnings with
// sheet, row and column) and the operations that apply it. Nothing is written here: the caller
// checks the operations on the command path (planChange, which validates every record) and
// commits them in one transaction, one undo step.
import type { WorkbookState } from '../commands/state';
import type { Op } from '../commands/types';
import { jsonEqual, planChange, type PlanContext, type PlanResult, type Rejection } from '../commands/plan';
import type { Problem } from '../model/invariants';
import { buildColumnContext } from '../register/column-context';
import { formatCell, matchKey, type DateOrder } from '../register/convert';
import type { ColumnContext, Option, OptionSource } from '../register/types';
import type { EntityName } from '../model/schemas';
import { readFieldPath, writeFieldPath, writtenPath } from '../model/field-path';
import type { IsoDate } from '../calendar';
import { cellText, columnLetter, type SourceCell, type SourceSheet, type SourceWorkbook } from './source';
import { convertCell } from './convert-cell';
import { dateColumnEvidence, decideDateOrder, decidePercentColumn, isDateLike, spelledDate, ORDER_WORDS, type DateColumnEvidence, type DateOrderBasis, type DecidedColumn, type PercentScale } from './column-reading';
import { parsePeriodHeader } from './periods';
import { GRID_UNIT_PHRASE, readGridCell } from './grid-unit';
import { allocationRate, gridCellAllocation, type GridCellUnit } from '../capacity/allocation-hours';
import { buildHolidayIndex, toDayNumber, workingDaysIn } from '../calendar';
import { labelOf } from './labels';
import { valueMapper } from './value-map';
import { plural } from '../util/plural';
import { ragFromFill, type RagLetter } from './fill-colour';
import { fieldsFor, KIND_ENTITY, KIND_LABELS, type ExchangeField, type ImportKind } from './fields';
import type { LooseRecord as Rec } from '../model/record';
import { latestStatusOps, statusKey, type LatestStatus } from './status-import';

/** How one sheet is read: what it holds, where its table is, which column is which field. */
export interface SheetMapping {
  sheet: string;
  kind: ImportKind;
  /** 0-based row of the header (the last header row when there are several). */
  headerRow: number;
  firstDataRow: number;
  /** Inclusive. */
  lastDataRow: number;
  /** Rows inside the data range to skip, with the reason (blank, totals, repeated header…). */
  skipRows?: { row: number; reason: string }[];
  /**
   * Field per source column (null = ignored); `scale` multiplies money ("Budget (£k)");
   * `onError` is what a cell of the column that cannot be read does: 'keep-row' (the default)
   * imports the rest of the row with the field left empty (unchanged on an update), 'skip-row'
   * does not import the row.
   */
  columns: { column: number; field: string | null; scale?: number; onError?: CellErrorPolicy }[];
  /**
   * Allocations as a wide grid: one column per week or month, one allocation per filled cell;
   * `unit` is what the cells hold (absent = hours per week, our export's unit; see
   * gridCellAllocation in shared/capacity/allocation-hours.ts for what each becomes).
   */
  periods?: { columns: { column: number; start: IsoDate; end: IsoDate; label: string }[]; kind: 'week' | 'month'; unit?: GridCellUnit } | null;
  /** How text dates like 03/04/2026 are read; absent = from the column's dates, else the workbook's setting. */
  dateOrder?: DateOrder;
  /**
   * Value mapping per field key: a source text (trimmed, as in the file) → our option value, or
   * null to leave the field empty (no error). Applied before the cell is converted, so an explicit
   * choice wins over the vocabulary (value-map.ts).
   */
  values?: Record<string, Record<string, string | null>>;
  /**
   * Status reports only: also set each project's RAG (every dimension the report gives) and status
   * narrative from its newest report in the sheet, in the same plan (status-import.ts).
   */
  latestToProject?: boolean;
}

export type { GridCellUnit };

/** What a cell that cannot be read does to its row (SheetMapping.columns[].onError). */
export type CellErrorPolicy = 'keep-row' | 'skip-row';

export interface ImportOptions {
  today: IsoDate;
  newId: () => string;
}

export type RowStatus = 'new' | 'updated' | 'unchanged' | 'skipped';
export type MatchRule = 'id' | 'code' | 'name' | 'email' | 'project and name' | 'title' | 'project, person and dates' | 'project and period';

export interface CellIssue {
  sheet: string;
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  /** Column letter ("F"), or '' for the whole row. */
  column: string;
  header: string;
  severity: 'error' | 'warning';
  message: string;
  value?: string;
  /**
   * For an error: 'cell-not-read' when the row was imported without this cell (its field left
   * empty on a new record, unchanged on an update), 'row-not-imported' when its row was not.
   */
  outcome?: 'cell-not-read' | 'row-not-imported';
}

export interface FieldChange {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
  /** The values as the register shows them (references by name, money in the currency), for the report. */
  beforeText?: string;
  afterText?: string;
}

export interface RowReport {
  sheet: string;
  /** 1-based. */
  row: number;
  status: RowStatus;
  reason?: string;
  kind: ImportKind;
  /** What the row is: "PRJ-004 CRM replacement". */
  label: string;
  recordId?: string;
  match?: MatchRule;
  changes?: FieldChange[];
  /** A skipped row that holds no data: a title, header, totals, blank, repeated header or note row. */
  layout?: boolean;
}

export interface ImportCounts {
  rows: number;
  new: number;
  updated: number;
  unchanged: number;
  /** Rows skipped: layout + notImported. */
  skipped: number;
  /** Rows set aside as layout (titles, headers, totals, blanks, repeated headers, notes). */
  layout: number;
  /** Rows of data that were not imported, each with its reason. */
  notImported: number;
  /** Cells that could not be read on rows that were imported without them. */
  cellsNotRead: number;
  errors: number;
  warnings: number;
}

export interface ImportReport {
  fileName: string;
  rows: RowReport[];
  issues: CellIssue[];
  counts: ImportCounts;
  /** Records the import creates because rows name them (a new programme, role or person). */
  creates: { entity: EntityName; label: string }[];
  /** Per sheet: how rows are matched to existing records, in words. */
  matchRules: { sheet: string; rule: string }[];
  /** Status sheets imported with `latestToProject`: each project's newest report and what it sets on the project. */
  latest?: LatestStatus<FieldChange>[];
  /** How columns were read as a whole: each text-date column's order, percent columns' scale, and why. */
  readings: ColumnReading[];
}

/** A decision about a whole column (column-reading.ts), as the report states it. */
export interface ColumnReading {
  sheet: string;
  /** Column letter. */
  column: string;
  header: string;
  what: 'date-order' | 'percent';
  /** 'DMY' or 'MDY' for a date order; 'fraction' or 'percent' for a percent column. */
  value: string;
  /** What decided a date order: the column's dates, the sheet's chosen order, the file, the workbook setting. */
  basis?: DateOrderBasis;
  /** "Dates read as month/day/year from this column's dates (02/21/2026 can only be month first)". */
  message: string;
}

/** Different dates that read both ways listed one by one per column, at most; the rest in one line. */
const AMBIGUOUS_LISTED = 200;

export interface ImportPlan {
  report: ImportReport;
  ops: Op[];
  /** For each op, the index of the row report it came from (-1 for records the import creates). */
  opRows: number[];
}

const MATCH_RULES: Record<ImportKind, string> = {
  project: 'by the record id of our own exports, else by project code, else by name (ignoring case and spaces)',
  milestone: 'by the record id of our own exports, else by project and milestone name',
  resource: 'by the record id of our own exports, else by name (ignoring case and spaces), else by e-mail',
  allocation: 'by the record id of our own exports, else by project, person (or role) and dates',
  raid: 'by the record id of our own exports, else by reference, else by project and title',
  status: 'by the record id of our own exports, else by project and period (month)',
};

const KIND_ORDER: ImportKind[] = ['project', 'resource', 'milestone', 'allocation', 'raid', 'status'];

const nameKey = (s: unknown) => matchKey(String(s ?? '')).replace(/[^\p{L}\p{N}]/gu, '');

/** A column context whose reference choices include the records this import creates. */
class ImportContext {
  readonly ctx: ColumnContext;
  private readonly extra = new Map<OptionSource, Option[]>();
  private readonly merged = new Map<OptionSource, Option[]>();
  private readonly renamed = new Map<OptionSource, Map<string, string>>();
  constructor(base: ColumnContext) {
    this.ctx = Object.create(base, {
      options: {
        value: (source: OptionSource) => {
          let list = this.merged.get(source);
          if (!list) {
            const names = this.renamed.get(source);
            const own = names ? base.options(source).map((o) => (names.has(o.value) ? { ...o, label: names.get(o.value)! } : o)) : base.options(source);
            list = [...own, ...(this.extra.get(source) ?? [])];
            this.merged.set(source, list);
          }
          return list;
        },
      },
    }) as ColumnContext;
  }
  /** An existing record the import renames (a project's new code): later rows find it by its new name. */
  rename(source: OptionSource, value: string, label: string) {
    const names = this.renamed.get(source) ?? new Map<string, string>();
    names.set(value, label);
    this.renamed.set(source, names);
    this.merged.delete(source);
    if (source === 'resource') this.merged.delete('person');
  }
  add(source: OptionSource, option: Option) {
    const list = this.extra.get(source) ?? [];
    list.push(option);
    this.extra.set(source, list);
    this.merged.delete(source);
    if (source === 'resource') this.merged.delete('person');
  }
}

interface Indexes {
  byId: Map<string, Rec>;
  byCode: Map<string, Rec[]>;
  byName: Map<string, Rec[]>;
  byEmail: Map<string, Rec[]>;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function indexes(state: WorkbookState, entity: EntityName): Indexes {
  const ix: Indexes = { byId: new Map(), byCode: new Map(), byName: new Map(), byEmail: new Map() };
  for (const r of state.values(entity)) {
    ix.byId.set(r.id, r);
    if (r['code']) push(ix.byCode, nameKey(r['code']), r);
    const nm =
      entity === 'raid'
        ? `${String(r['projectId'] ?? '')}|${nameKey(r['title'])}`
        : entity === 'milestone'
          ? `${String(r['projectId'])}|${nameKey(r['name'])}`
          : entity === 'statusReport'
            ? statusKey(r['projectId'], r['period'])
            : nameKey(r['name']);
    push(ix.byName, nm, r);
    if (r['email']) push(ix.byEmail, String(r['email']).trim().toLowerCase(), r);
  }
  return ix;
}

function recordLabel(kind: ImportKind, v: Map<string, unknown>, existing: Rec | undefined, ctx: ColumnContext): string {
  const get = (k: string) => (v.has(k) ? v.get(k) : existing?.[k]);
  switch (kind) {
    case 'project':
      return [get('code'), get('name')].filter(Boolean).join(' ');
    case 'raid':
      return [get('code'), get('title')].filter(Boolean).join(' ');
    case 'status':
      return [labelOf(ctx, 'project', get('projectId')), get('period')].filter(Boolean).join(' ');
    case 'allocation': {
      const p = labelOf(ctx, 'project', get('projectId'));
      const who = labelOf(ctx, 'resource', get('resourceId')) || labelOf(ctx, 'role', get('roleId'));
      return `${who} on ${p}${get('start') ? ` from ${String(get('start'))}` : ''}`;
    }
    default:
      return String(get('name') ?? '');
  }
}

/** Which sheets' mappings, in an order where projects exist before what points at them. */
function ordered(mappings: readonly SheetMapping[]): SheetMapping[] {
  return [...mappings].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

/**
 * Builds the report and the operations of an import. The state is not changed; creates get their
 * ids here so rows of one sheet can point at records another sheet creates.
 */
export function planImport(state: WorkbookState, source: SourceWorkbook, mappings: readonly SheetMapping[], opts: ImportOptions): ImportPlan {
  const customFields = state.all('customField');
  const ic = new ImportContext(buildColumnContext(state, opts.today));
  const ctx = ic.ctx;
  const show = showWith(ctx);
  const rows: RowReport[] = [];
  const issues: CellIssue[] = [];
  const ops: Op[] = [];
  const opRows: number[] = [];
  const creates: ImportReport['creates'] = [];
  const createdByKey = new Map<string, string>();
  /** Rows of projects and people this import did not import, by name key: rows naming them say so. */
  const refusedParents = new Map<string, { what: string; sheet: string; row: number; reason: string }>();
  const matchRules: ImportReport['matchRules'] = [];
  const latest: LatestStatus<FieldChange>[] = [];
  const sheets = new Map(source.sheets.map((s) => [s.name, s]));
  const readings: ColumnReading[] = [];
  /** Data rows of a mapping, without the rows it sets aside. */
  const dataRows = function* (mapping: SheetMapping): Generator<number> {
    const aside = new Set((mapping.skipRows ?? []).map((x) => x.row));
    for (let r = mapping.firstDataRow; r <= mapping.lastDataRow; r++) if (!aside.has(r)) yield r;
  };
  // Text dates of every sheet imported, read both ways first: a column its own dates decide is
  // evidence for the file's other date columns (column-reading.ts).
  const dateEvidence = new Map<string, DateColumnEvidence>();
  const decidedColumns: (DecidedColumn & { key: string })[] = [];
  for (const mapping of mappings) {
    const sheet = sheets.get(mapping.sheet);
    if (!sheet) continue;
    const byKey = new Map(fieldsFor(mapping.kind, state.settings, customFields).map((f) => [f.key, f]));
    for (const c of mapping.columns) {
      const f = c.field ? byKey.get(c.field) : undefined;
      if (!f || !isDateLike(f)) continue;
      const e = dateColumnEvidence(sheet, c.column, dataRows(mapping), f.key === 'period' || f.month === true);
      const key = `${mapping.sheet}\u0000${c.column}`;
      dateEvidence.set(key, e);
      if (e.dmy > 0 !== e.mdy > 0) {
        const header = cellText(sheet.rows[mapping.headerRow]?.[c.column]).trim();
        const where = `column ${columnLetter(c.column)}${header ? ` “${header}”` : ''}${mappings.length > 1 ? ` of sheet ${sheet.name}` : ''}`;
        decidedColumns.push({ key, where, order: e.dmy > 0 ? 'DMY' : 'MDY', example: (e.dmy > 0 ? e.dmyExample : e.mdyExample)! });
      }
    }
  }

  /** A reference that names a record nobody has: create it (programme, role, objective, person). */
  const createTarget = (src: OptionSource, text: string): string => {
    const key = `${src}|${nameKey(text)}`;
    const known = createdByKey.get(key);
    if (known) return known;
    const id = opts.newId();
    const entity = src as EntityName;
    const record: Record<string, unknown> = { id, name: text.trim() };
    ops.push({ op: 'create', entity, record });
    opRows.push(-1);
    creates.push({ entity, label: text.trim() });
    ic.add(src, { value: id, label: text.trim() });
    createdByKey.set(key, id);
    return id;
  };

  for (const mapping of ordered(mappings)) {
    const sheet = sheets.get(mapping.sheet);
    if (!sheet) continue;
    const kind = mapping.kind;
    const entity = KIND_ENTITY[kind];
    const fields = fieldsFor(kind, state.settings, customFields);
    const byKey = new Map(fields.map((f) => [f.key, f]));
    const mapped = mapping.columns.filter((c) => c.field && byKey.has(c.field)).map((c) => ({ ...c, f: byKey.get(c.field!)! }));
    const valueMaps = new Map(mapped.map((m) => [m.column, valueMapper(m.f, mapping.values?.[m.f.key])]));
    const ix = indexes(state, entity);
    const header = sheet.rows[mapping.headerRow] ?? [];
    const headerText = (col: number) => cellText(header[col]).trim() || columnLetter(col);
    matchRules.push({ sheet: sheet.name, rule: MATCH_RULES[kind] });
    const skip = new Map((mapping.skipRows ?? []).map((s) => [s.row, s.reason]));
    const seen = new Map<string, number>();
    const firstRowOfSheet = rows.length;
    let allocIx: Map<string, Rec> | null = null;
    // A wide allocation grid's working days per period and whether its plain numbers are fractions (handleWideRow).
    let holidayIx: ReturnType<typeof buildHolidayIndex> | null = null;
    const periodDays = new Map<string, number>();
    let fractions: boolean | null = null;
    /** Per RAG column: empty cells whose fill colour gave the RAG, and fills that gave none. */
    const fillTally = new Map<number, Record<RagLetter, number> & { other: number; example: string }>();

    // Text dates: each column's order decided once (column-reading.ts decideDateOrder): from its
    // own dates, the order chosen for the sheet, the file, the workbook setting. A column still
    // undecided asks once (the warning leads to the date order) and lists each date that reads
    // both ways, with both readings.
    const orders = new Map<number, DateOrder>();
    for (const m of mapped) {
      const key = `${sheet.name}\u0000${m.column}`;
      const own = dateEvidence.get(key);
      if (!own) continue;
      const d = decideDateOrder(own, { others: decidedColumns.filter((x) => x.key !== key), source, ...(mapping.dateOrder ? { choice: mapping.dateOrder } : {}), setting: state.settings.dateOrder });
      orders.set(m.column, d.order);
      const n = own.ambiguous.length;
      if (own.dmy + own.mdy + n === 0) continue; // no numeric text dates: nothing was decided
      const where = { sheet: sheet.name, column: columnLetter(m.column), header: headerText(m.column) };
      readings.push({ ...where, what: 'date-order', value: d.order, basis: d.basis, message: `Dates read as ${d.message}` });
      if (d.basis !== 'setting' || n === 0) continue;
      issues.push({ ...where, row: mapping.headerRow + 1, severity: 'warning', message: `${n} date${n === 1 ? '' : 's'} such as ${own.ambiguous[0]!.text} could be day/month or month/day; read as ${ORDER_WORDS[d.order]} from the workbook setting. Choose the date order if that is wrong.` });
      // One line per date (the same date on several rows is one line, with their count), for the
      // first AMBIGUOUS_LISTED different dates; the rest summed up in one.
      const otherWay = d.order === 'MDY' ? 'day' : 'month';
      const listed = new Set<string>();
      const rest: number[] = [];
      for (const a of own.ambiguous) {
        if (!listed.has(a.text) && listed.size >= AMBIGUOUS_LISTED) {
          rest.push(a.row + 1);
          continue;
        }
        listed.add(a.text);
        const [read, other] = d.order === 'MDY' ? [a.mdy, a.dmy] : [a.dmy, a.mdy];
        issues.push({ ...where, row: a.row + 1, severity: 'warning', message: `${a.text} read as ${spelledDate(read)}; ${otherWay} first it would be ${spelledDate(other)}`, value: a.text });
      }
      if (rest.length) {
        issues.push({ ...where, row: rest[0]!, severity: 'warning', message: `${rest.length} more dates that read both ways in rows ${rest[0]!}–${rest[rest.length - 1]!}, also read as ${ORDER_WORDS[d.order]}` });
      }
    }

    // Percent columns: plain numbers are fractions (1 = 100 %) or percentages for the whole column.
    const percents = new Map<number, PercentScale>();
    for (const m of mapped) {
      if (m.f.col.type !== 'percent') continue;
      const p = decidePercentColumn(sheet, m.column, dataRows(mapping), ctx);
      if (!p) continue;
      percents.set(m.column, p.scale);
      if (!p.message) continue;
      const where = { sheet: sheet.name, column: columnLetter(m.column), header: headerText(m.column) };
      readings.push({ ...where, what: 'percent', value: p.scale, message: p.message });
      issues.push({ ...where, row: mapping.headerRow + 1, severity: 'warning', message: p.message });
    }

    for (let r = mapping.firstDataRow; r <= mapping.lastDataRow; r++) {
      const line = sheet.rows[r] ?? [];
      const rowNo = r + 1;
      const skipReason = skip.get(r);
      if (skipReason !== undefined) {
        rows.push({ sheet: sheet.name, row: rowNo, status: 'skipped', reason: skipReason, kind, label: cellText(line.find((c) => c !== null) ?? null).slice(0, 80), layout: true });
        continue;
      }
      if (!line.some((c) => c !== null && c !== '')) {
        rows.push({ sheet: sheet.name, row: rowNo, status: 'skipped', reason: 'blank row', kind, label: '', layout: true });
        continue;
      }
      const values = new Map<string, unknown>();
      const rowIssues: CellIssue[] = [];
      const issue = (column: number, severity: CellIssue['severity'], message: string, value?: string) =>
        rowIssues.push({ sheet: sheet.name, row: rowNo, column: column < 0 ? '' : columnLetter(column), header: column < 0 ? '' : headerText(column), severity, message, ...(value !== undefined ? { value } : {}) });
      // Cells that cannot be read: the row goes on without them unless their column says to skip it.
      const unread = new Map<string, CellIssue>();
      const refusing: CellIssue[] = [];
      const notRead = (m: (typeof mapped)[number], message: string, value: string, keys: readonly string[] = [m.f.key]) => {
        issue(m.column, 'error', message, value);
        const i = rowIssues[rowIssues.length - 1]!;
        i.outcome = 'cell-not-read';
        for (const k of keys) unread.set(k, i);
        if (m.onError === 'skip-row') refusing.push(i);
      };
      /** A reference naming a record whose own row this import did not import. */
      const parentMessage = (m: (typeof mapped)[number], text: string): string | undefined => {
        const src = m.f.col.options;
        if (src !== 'project' && src !== 'resource' && src !== 'person') return undefined;
        const p = refusedParents.get(`${src === 'project' ? 'project' : 'resource'}|${nameKey(text)}`);
        return p ? `its ${p.what} (row ${p.row} of sheet ${p.sheet}) was not imported: ${p.reason}` : undefined;
      };

      for (const m of mapped) {
        const cell = line[m.column] ?? null;
        if (m.f.key === 'id' || m.f.key === 'version') {
          const t = cellText(cell).trim();
          if (t) values.set(m.f.key, t);
          continue;
        }
        if (m.f.key === 'period' && m.f.virtual) {
          if (cell === null || cell === '') continue;
          // The same reading as a wide grid's period headers: a week, a month, or the week of a date.
          const p = parsePeriodHeader(cell, { dateOrder: orders.get(m.column) ?? state.settings.dateOrder });
          if (p) {
            values.set('start', p.start);
            values.set('end', p.end);
          } else notRead(m, `"${cellText(cell)}" is not a week or month (use 2026-W05, Jan-26 or a date)`, cellText(cell), ['start', 'end']);
          continue;
        }
        // A RAG shown only by the cell's fill colour: its hue says red, amber or green (fill-colour.ts).
        if (m.f.col.type === 'rag' && sheet.fills && (cell === null || (typeof cell === 'string' && cell.trim() === ''))) {
          const fill = sheet.fills[`${r},${m.column}`];
          if (fill !== undefined) {
            const rag = ragFromFill(fill);
            const tally = fillTally.get(m.column) ?? { R: 0, A: 0, G: 0, other: 0, example: '' };
            fillTally.set(m.column, tally);
            if (rag) {
              values.set(m.f.key, rag);
              tally[rag]++;
              continue;
            }
            tally.other++;
            if (!tally.example) tally.example = `#${fill} (row ${rowNo})`;
          }
        }
        // A blank cell says nothing: it never erases a value the workbook holds (merging one of
        // our own exports is where a cleared cell is a change, and the merge sees it three ways).
        if (cell === null || (typeof cell === 'string' && cell.trim() === '')) continue;
        // The user's value mapping first: "In Flight" → In progress, or leave the field empty.
        const chosen = valueMaps.get(m.column)?.(cell);
        if (chosen === null) continue;
        const pct = percents.get(m.column);
        const res = convertCell(chosen ?? cell, m.f, ctx, { dateOrder: orders.get(m.column) ?? state.settings.dateOrder, date1904: source.date1904, ...(m.scale ? { scale: m.scale } : {}), ...(pct ? { percent: pct } : {}) });
        if (res.ok) {
          values.set(m.f.key, res.value);
          if ('warning' in res && res.warning) issue(m.column, 'warning', res.warning, cellText(cell));
          continue;
        }
        // A reference to a record nobody has: create it where that makes sense, else refuse.
        const text = cellText(cell).trim();
        if (m.f.creates && text && res.reason.startsWith('has no match')) {
          if (m.f.col.type === 'references') {
            const parts = text.split(/[;\n]+/).map((s) => s.trim()).filter(Boolean);
            const ids = parts.map((p) => {
              const one = convertCell(p, { ...m.f, col: { ...m.f.col, type: 'reference' } }, ctx, { dateOrder: 'DMY', date1904: false });
              return one.ok && typeof one.value === 'string' ? one.value : createTarget(m.f.creates!, p);
            });
            values.set(m.f.key, ids);
          } else values.set(m.f.key, createTarget(m.f.creates, text));
          continue;
        }
        const parent = text && res.reason.startsWith('has no match') ? parentMessage(m, text) : undefined;
        if (parent) {
          notRead(m, `${m.f.label} "${text}": ${parent}`, text);
          continue;
        }
        if (kind === 'allocation' && m.f.key === 'resourceId' && text && res.reason.startsWith('has no match')) {
          values.set('resourceId', createTarget('resource', text));
          continue;
        }
        notRead(m, `${m.f.label} ${res.reason}`, text);
      }

      // Virtual fields.
      if (kind === 'resource' && values.has('fte')) {
        const fte = values.get('fte');
        values.delete('fte');
        if (typeof fte === 'number' && !values.has('capacityHoursPerWeek')) values.set('capacityHoursPerWeek', Math.round(fte * state.settings.hoursPerFte * 100) / 100);
      }
      if (kind === 'allocation' && values.has('fte')) {
        const fte = values.get('fte');
        values.delete('fte');
        if (typeof fte === 'number' && !values.has('amount')) {
          values.set('amount', fte);
          values.set('unit', 'fte-percent');
        }
      }

      // Matching.
      let existing: Rec | undefined;
      let match: MatchRule | undefined;
      let ambiguity: string | undefined;
      const idText = values.get('id');
      values.delete('id');
      values.delete('version');
      if (typeof idText === 'string') {
        existing = ix.byId.get(idText);
        if (existing) match = 'id';
      }
      const pick = (list: Rec[] | undefined, rule: MatchRule) => {
        if (existing || !list || list.length === 0) return;
        if (list.length === 1) {
          existing = list[0];
          match = rule;
        } else ambiguity = `matches ${list.length} existing ${KIND_LABELS[kind].plural.toLowerCase()} by ${rule}`;
      };
      if (kind === 'project') {
        if (values.get('code')) pick(ix.byCode.get(nameKey(values.get('code'))), 'code');
        if (!existing && !ambiguity && values.get('name')) pick(ix.byName.get(nameKey(values.get('name'))), 'name');
      } else if (kind === 'milestone') {
        if (values.get('projectId') && values.get('name')) pick(ix.byName.get(`${String(values.get('projectId'))}|${nameKey(values.get('name'))}`), 'project and name');
      } else if (kind === 'resource') {
        if (values.get('name')) pick(ix.byName.get(nameKey(values.get('name'))), 'name');
        if (!existing && !ambiguity && values.get('email')) pick(ix.byEmail.get(String(values.get('email')).trim().toLowerCase()), 'email');
      } else if (kind === 'raid') {
        if (values.get('code')) pick(ix.byCode.get(nameKey(values.get('code'))), 'code');
        if (!existing && !ambiguity && values.get('title')) pick(ix.byName.get(`${String(values.get('projectId') ?? '')}|${nameKey(values.get('title'))}`), 'title');
      } else if (kind === 'status') {
        if (values.get('projectId') && values.get('period')) pick(ix.byName.get(statusKey(values.get('projectId'), values.get('period'))), 'project and period');
      }

      const label = recordLabel(kind, values, existing, ctx);
      issues.push(...rowIssues);
      // Errors that refuse the row: a cell of a column set to skip such rows, or any other error.
      const refusals = rowIssues.filter((i) => i.severity === 'error' && (i.outcome !== 'cell-not-read' || refusing.includes(i)));
      /** The row is not imported: its cells' errors say so, and rows naming its record say why. */
      const skipRow = (reason: string, register = true) => {
        rows.push({ sheet: sheet.name, row: rowNo, status: 'skipped', reason, kind, label });
        for (const i of rowIssues) if (i.severity === 'error') i.outcome = 'row-not-imported';
        if (!register || (kind !== 'project' && kind !== 'resource')) return;
        const what = kind === 'project' ? 'project' : 'person';
        const names = kind === 'project' ? [values.get('code'), values.get('name'), `${String(values.get('code') ?? '')} ${String(values.get('name') ?? '')}`] : [values.get('name'), values.get('email')];
        for (const n of names) {
          const k = typeof n === 'string' ? nameKey(n) : '';
          if (k && !refusedParents.has(`${kind}|${k}`)) refusedParents.set(`${kind}|${k}`, { what, sheet: sheet.name, row: rowNo, reason });
        }
      };
      /** The row is imported without its unread cells: say what became of each. */
      const keptRow = (isNew: boolean) => {
        for (const i of new Set(unread.values())) if (i.outcome === 'cell-not-read') i.message += isNew ? '; left empty' : '; left as it was';
      };
      /** A field the row needs, with why its cell gave nothing when it had one. */
      const needed = (f: ExchangeField | undefined, ...keys: string[]) => {
        const u = [f?.key ?? '', ...keys].map((k) => unread.get(k)).find(Boolean);
        return `${f?.label ?? keys[0]}${u ? ` (${u.column} “${u.header}”: ${u.message})` : ''}`;
      };
      const refusedText = () => `${refusals.map((e) => `${e.column} “${e.header}”: ${e.message}`).join('; ')}${refusals.some((e) => refusing.includes(e)) ? ' (the column is set to skip rows with a cell that cannot be read)' : ''}`;

      if (kind === 'allocation' && mapping.periods && mapping.periods.columns.length) {
        if (ambiguity) skipRow(`ambiguous: ${ambiguity}; add a code or make names unique`);
        else if (refusals.length) skipRow(refusedText());
        else if (!values.get('projectId') || (!values.get('resourceId') && !values.get('roleId')))
          skipRow(`an allocation needs ${[!values.get('projectId') ? needed(byKey.get('projectId')) : '', !values.get('resourceId') && !values.get('roleId') ? needed(byKey.get('resourceId'), 'roleId') : ''].filter(Boolean).join(' and ')}`);
        else {
          const firstIssue = issues.length;
          handleWideRow(line, rowNo, values);
          const wide = rows[rows.length - 1]!;
          for (const i of issues.slice(firstIssue)) if (i.severity === 'error') rowIssues.push(i);
          if (wide.status !== 'skipped') keptRow(wide.status === 'new');
          else for (const i of rowIssues) if (i.severity === 'error') i.outcome = 'row-not-imported';
        }
        continue;
      }
      if (kind === 'allocation' && !existing) {
        const key = `${String(values.get('projectId'))}|${String(values.get('resourceId') ?? values.get('roleId'))}|${String(values.get('start'))}|${String(values.get('end'))}`;
        const found = allocationIndex().get(key);
        if (found) {
          existing = found;
          match = 'project, person and dates';
        }
      }

      const rowIndex = rows.length;
      if (ambiguity) {
        skipRow(`ambiguous: ${ambiguity}; add a code or make names unique`);
        continue;
      }
      if (refusals.length) {
        skipRow(refusedText());
        continue;
      }
      // The same record twice in one file: the first row wins (a status log's second report of a
      // project for the same month too: it is listed, with the row that was imported).
      const reportProject = kind === 'status' ? (values.get('projectId') ?? existing?.['projectId']) : undefined;
      const reportPeriod = kind === 'status' ? (values.get('period') ?? existing?.['period']) : undefined;
      const reportOf = reportProject && reportPeriod ? statusKey(reportProject, reportPeriod) : null;
      const identity = reportOf ? `report:${reportOf}` : existing ? `id:${existing.id}` : kind === 'project' && values.get('code') ? `code:${nameKey(values.get('code'))}` : null;
      if (identity) {
        const first = seen.get(identity);
        if (first !== undefined) {
          skipRow(reportOf ? `duplicate of row ${first} (the same project and period ${String(reportPeriod)}; row ${first} was imported)` : `duplicate of row ${first} (same ${KIND_LABELS[kind].singular})`, false);
          continue;
        }
        seen.set(identity, rowNo);
      }

      if (existing) {
        const changes: FieldChange[] = [];
        const set: Record<string, unknown> = {};
        for (const [key, value] of values) {
          const f = byKey.get(key);
          const before = f && !f.virtual ? f.col.get(existing, ctx) : existing[key];
          if (!jsonEqual(normal(before), normal(value))) {
            changes.push({ field: key, label: f?.label ?? key, before, after: value, ...(f ? { beforeText: show(f, before), afterText: show(f, value) } : {}) });
            set[key] = value;
          }
        }
        // Rows below (an allocation naming the project by its new code) find the record by its new name.
        if (kind === 'project' && ('code' in set || 'name' in set)) ic.rename('project', existing.id, `${String(set['code'] ?? existing['code'])} ${String(set['name'] ?? existing['name'])}`);
        if (kind === 'resource' && 'name' in set) ic.rename('resource', existing.id, String(set['name']));
        keptRow(false);
        if (!changes.length) {
          rows.push({ sheet: sheet.name, row: rowNo, status: 'unchanged', kind, label, recordId: existing.id, ...(match ? { match } : {}) });
          continue;
        }
        rows.push({ sheet: sheet.name, row: rowNo, status: 'updated', kind, label, recordId: existing.id, ...(match ? { match } : {}), changes });
        ops.push({ op: 'update', entity, id: existing.id, changes: set });
        opRows.push(rowIndex);
      } else {
        // A new record needs its required fields; a cell that could not be read names why one is missing.
        const missing = fields.filter((f) => f.requiredForCreate && (values.get(f.key) === undefined || values.get(f.key) === '' || values.get(f.key) === null)).map((f) => needed(f));
        if (kind === 'allocation') {
          if (!values.get('resourceId') && !values.get('roleId')) missing.push(needed(byKey.get('resourceId'), 'roleId'));
          if (!values.get('start') || !values.get('end')) missing.push(needed(byKey.get('start'), 'end'));
          if (values.get('amount') === undefined || values.get('amount') === null) missing.push(needed(byKey.get('amount'), 'fte'));
        }
        if (missing.length) {
          skipRow(`a new ${KIND_LABELS[kind].singular} needs ${missing.join(', ')}`);
          continue;
        }
        keptRow(true);
        const id = opts.newId();
        const record: Record<string, unknown> = { id };
        for (const [key, value] of values) writeFieldPath(record, key, value);
        if (kind === 'project') ic.add('project', { value: id, label: `${String(values.get('code'))} ${String(values.get('name'))}` });
        if (kind === 'resource') ic.add('resource', { value: id, label: String(values.get('name')) });
        rows.push({ sheet: sheet.name, row: rowNo, status: 'new', kind, label, recordId: id });
        ops.push({ op: 'create', entity, record });
        opRows.push(rowIndex);
      }
    }

    // One warning per RAG column read from colours, so the report says where the RAG came from.
    for (const [column, t] of fillTally) {
      const n = t.R + t.A + t.G;
      const base = { sheet: sheet.name, row: mapping.headerRow + 1, column: columnLetter(column), header: headerText(column), severity: 'warning' as const };
      if (n > 0) issues.push({ ...base, message: `RAG read from the cell colour (${plural(n, 'row')}: ${t.R} red, ${t.A} amber, ${t.G} green)` });
      if (t.other > 0) issues.push({ ...base, message: `${plural(t.other, 'empty cell')} of this RAG column ${t.other === 1 ? 'has' : 'have'} a fill colour that is not red, amber or green, such as ${t.example}; left without a RAG` });
    }

    if (kind === 'status' && mapping.latestToProject) {
      const projectFields = new Map(fieldsFor('project', state.settings, customFields).map((f) => [f.key, f]));
      const describe = (field: string, before: unknown, after: unknown): FieldChange => {
        const f = projectFields.get(field);
        return { field, label: f?.label ?? field, before, after, ...(f ? { beforeText: show(f, before), afterText: show(f, after) } : {}) };
      };
      const plan = latestStatusOps(state, rows, firstRowOfSheet, ops, describe, (id) => labelOf(ctx, 'project', id));
      ops.push(...plan.ops);
      opRows.push(...plan.opRows);
      latest.push(...plan.latest);
    }

    function allocationIndex(): Map<string, Rec> {
      if (!allocIx) {
        allocIx = new Map();
        for (const a of state.values('allocation')) allocIx.set(`${String(a['projectId'])}|${String(a['resourceId'] ?? a['roleId'])}|${String(a['start'])}|${String(a['end'])}`, a);
      }
      return allocIx;
    }

    /** Working days of a grid period (the hours rule's: Monday to Friday less the workbook's holidays). */
    function workingDaysOf(p: { start: IsoDate; end: IsoDate }): number {
      const k = `${p.start}|${p.end}`;
      let d = periodDays.get(k);
      if (d === undefined) {
        holidayIx ??= buildHolidayIndex(state.settings.holidays);
        d = workingDaysIn(toDayNumber(p.start), toDayNumber(p.end), holidayIx);
        periodDays.set(k, d);
      }
      return d;
    }

    /**
     * In a grid of % of an FTE, bare numbers that are all 1 or less are fractions (0.5 is 50 %,
     * as a spreadsheet holds a percent cell whose format was lost); said once in the report.
     */
    function gridFractions(): boolean {
      if (fractions !== null) return fractions;
      let any = false;
      fractions = true;
      for (let r = mapping.firstDataRow; r <= mapping.lastDataRow && fractions; r++) {
        if (skip.has(r)) continue;
        for (const p of mapping.periods!.columns) {
          const c = readGridCell(sheet!.rows[r]?.[p.column] ?? null, 'fte-percent');
          if (!c || !c.ok || !c.plain || c.value === 0) continue;
          if (c.value > 1) {
            fractions = false;
            break;
          }
          any = true;
        }
      }
      fractions &&= any;
      if (fractions) issues.push({ sheet: mapping.sheet, row: mapping.firstDataRow + 1, column: '', header: '', severity: 'warning', message: 'the grid’s plain numbers are all 1 or less: read as fractions of an FTE (0.5 = 50 %)' });
      return fractions;
    }

    /**
     * A wide allocation row (its project and person or role read): one allocation per period cell
     * that holds hours; a period cell that cannot be read is listed and the others import.
     */
    function handleWideRow(line: SourceCell[], rowNo: number, values: Map<string, unknown>) {
      const label = recordLabel('allocation', values, undefined, ctx);
      const rowIndex = rows.length;
      let created = 0;
      let updated = 0;
      let same = 0;
      const changes: FieldChange[] = [];
      const unit: GridCellUnit = mapping.periods!.unit ?? 'hours-per-week';
      const hpf = state.settings.hoursPerFte;
      for (const p of mapping.periods!.columns) {
        const cell = line[p.column] ?? null;
        // Blank and a lone dash hold nothing; text with no number ("lots", "n/a", "?") is not 0: it is listed.
        const read = readGridCell(cell, unit);
        if (!read) continue;
        const at = { sheet: mapping.sheet, row: rowNo, column: columnLetter(p.column), header: p.label };
        if (!read.ok) {
          issues.push({ ...at, severity: 'error', message: read.reason, value: cellText(cell), outcome: 'cell-not-read' });
          continue;
        }
        if (read.value === 0) continue;
        // A cell that says its own unit ("50%", "2 d") is read in it, and the report says so.
        if (!read.plain && read.unit !== unit) issues.push({ ...at, severity: 'warning', message: `read as ${GRID_UNIT_PHRASE[read.unit]} (the grid holds ${GRID_UNIT_PHRASE[unit]})`, value: cellText(cell) });
        const value = read.plain && read.unit === 'fte-percent' && gridFractions() ? Math.round(read.value * 100 * 1e9) / 1e9 : read.value;
        const alloc = gridCellAllocation(value, read.unit, workingDaysOf(p));
        if (!alloc) {
          issues.push({ ...at, severity: 'error', message: `${p.label} has no working days to hold ${cellText(cell)} ${read.unit === 'days-per-period' ? 'days' : 'hours'}`, value: cellText(cell), outcome: 'cell-not-read' });
          continue;
        }
        const key = `${String(values.get('projectId'))}|${String(values.get('resourceId') ?? values.get('roleId'))}|${p.start}|${p.end}`;
        const found = allocationIndex().get(key);
        if (found) {
          // The same demand in the other unit is no change (18.75 h/week is 50 % at 37.5 h per FTE);
          // our export writes hundredths of an hour per week.
          if (Math.abs(allocationRate(found, hpf) - allocationRate(alloc, hpf)) < 0.005) same++;
          else {
            updated++;
            changes.push({ field: 'amount', label: p.label, before: found['amount'], after: alloc.amount, beforeText: amountText(found), afterText: amountText(alloc) });
            ops.push({ op: 'update', entity: 'allocation', id: found.id, changes: found['unit'] === alloc.unit ? { amount: alloc.amount } : { amount: alloc.amount, unit: alloc.unit } });
            opRows.push(rowIndex);
          }
        } else {
          created++;
          const record: Record<string, unknown> = { id: opts.newId(), start: p.start, end: p.end, amount: alloc.amount, unit: alloc.unit };
          for (const k of ['projectId', 'resourceId', 'roleId', 'tentative', 'note']) if (values.has(k)) record[k] = values.get(k);
          changes.push({ field: 'amount', label: p.label, before: null, after: alloc.amount, afterText: amountText(alloc) });
          ops.push({ op: 'create', entity: 'allocation', record });
          opRows.push(rowIndex);
        }
      }
      const status: RowStatus = created ? 'new' : updated ? 'updated' : same ? 'unchanged' : 'skipped';
      rows.push({
        sheet: mapping.sheet,
        row: rowNo,
        status,
        kind: 'allocation',
        label,
        ...(status === 'skipped' ? { reason: 'no hours in any period column' } : {}),
        ...(changes.length ? { changes } : {}),
      });
    }
  }

  const shown = collapseWarnings(issues);
  return { report: { fileName: source.fileName, rows, issues: shown, counts: countRows(rows, shown), creates, matchRules, readings, ...(latest.length ? { latest } : {}) }, ops, opRows };
}

/** An allocation's amount in its unit, for the report: "18.75 h/week", "50 % FTE". */
function amountText(a: Record<string, unknown>): string {
  const n = Math.round(Number(a['amount']) * 100) / 100;
  return a['unit'] === 'fte-percent' ? `${n} % FTE` : `${n} h/week`;
}

/** A value as the register shows it; references are named with the records this import creates. */
function showWith(ctx: ColumnContext) {
  return (f: ExchangeField, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '';
    try {
      return formatCell(f.col, v, ctx, 'display');
    } catch {
      return String(v);
    }
  };
}

/**
 * The same warning on many rows of a column ("Active" read as in-progress) is listed once,
 * at its first row, with how many rows it covers; errors are always listed row by row.
 */
function collapseWarnings(issues: CellIssue[]): CellIssue[] {
  const first = new Map<string, { issue: CellIssue; rows: number }>();
  const out: CellIssue[] = [];
  for (const i of issues) {
    if (i.severity !== 'warning' || !i.column) {
      out.push(i);
      continue;
    }
    const key = `${i.sheet}\u0000${i.column}\u0000${i.message}`;
    const seen = first.get(key);
    if (seen) seen.rows++;
    else {
      const copy = { ...i };
      first.set(key, { issue: copy, rows: 1 });
      out.push(copy);
    }
  }
  for (const { issue, rows } of first.values()) if (rows > 1) issue.message = `${issue.message} (and ${rows - 1} more row${rows === 2 ? '' : 's'} like it)`;
  return out;
}

function normal(v: unknown): unknown {
  if (v === undefined || v === '' || v === false) return null;
  if (Array.isArray(v) && v.length === 0) return null;
  return v;
}

export function countRows(rows: readonly RowReport[], issues: readonly CellIssue[]): ImportCounts {
  const c: ImportCounts = { rows: rows.length, new: 0, updated: 0, unchanged: 0, skipped: 0, layout: 0, notImported: 0, cellsNotRead: 0, errors: 0, warnings: 0 };
  for (const r of rows) {
    c[r.status]++;
    if (r.status === 'skipped') c[r.layout ? 'layout' : 'notImported']++;
  }
  for (const i of issues) {
    if (i.severity === 'error') c.errors++;
    else c.warnings++;
    if (i.outcome === 'cell-not-read') c.cellsNotRead++;
  }
  return c;
}

/** Rows the layout detection skipped (titles, totals, notes), as report rows: every row is accounted for. */
export function layoutRows(sheet: SourceSheet, kind: ImportKind, skipped: readonly { row: number; reason: string; text?: string }[]): RowReport[] {
  return skipped.map((s) => ({ sheet: sheet.name, row: s.row + 1, status: 'skipped' as const, reason: s.reason, kind, label: s.text ?? cellText(sheet.rows[s.row]?.find((c) => c !== null) ?? null).slice(0, 80), layout: true }));
}

export type { ExchangeField };

/**
 * Checks an import's operations on the command path without writing: rows whose record the
 * model refuses (finish before start, a duplicate code) become skipped rows with the reason.
 * Returns the report as the user will see it and the plan to commit.
 */
export function validateImport(state: WorkbookState, planned: ImportPlan, ctx: Omit<PlanContext, 'partial'>): { report: ImportReport; result: PlanResult } {
  // An update the model refuses is retried field by field: the refused fields stay as they were.
  const pctx = { ...ctx, partial: true, splitRejectedUpdates: true };
  let ops = planned.ops;
  let result = planChange(state, ops, pctx);
  if (!result.rejected.length) return { report: planned.report, result };
  const rows = planned.report.rows.map((r) => ({ ...r }));
  const issues = [...planned.report.issues];
  const rowOf = (index: number) => (index >= 0 ? planned.opRows[index] : undefined);
  const createdBy = new Map<string, number>();
  planned.ops.forEach((op, i) => {
    if (op.op === 'create' && typeof op.record['id'] === 'string') createdBy.set(op.record['id'], i);
  });

  // A new record refused for a field it can do without (a finish before its start, a custom
  // field's rule) is created without that field, which is listed; once, with a second check.
  const refusedOps = new Set(result.rejected.map((r) => r.index));
  const required = requiredKeys(state);
  const dropped = new Map<number, Problem[]>();
  for (const rej of result.rejected) {
    const op = ops[rej.index];
    const rowIndex = rowOf(rej.index);
    if (!op || op.op !== 'create' || rowIndex === undefined || rowIndex < 0) continue;
    const need = required(rows[rowIndex]!.kind);
    const droppable = rej.problems.every((p) => {
      const head = p.field.split('.')[0] ?? '';
      const value = p.field ? readFieldPath(op.record, writtenPath(op.entity, p.field)) : undefined;
      const parent = typeof value === 'string' ? createdBy.get(value) : undefined;
      return p.field !== '' && p.field !== 'id' && !need.has(head) && value !== undefined && value !== null && (parent === undefined || !refusedOps.has(parent));
    });
    if (droppable && rej.problems.length) dropped.set(rej.index, rej.problems);
  }
  if (dropped.size) {
    ops = ops.map((op, i) => {
      const problems = dropped.get(i);
      if (!problems || op.op !== 'create') return op;
      const record = JSON.parse(JSON.stringify(op.record)) as Record<string, unknown>;
      for (const p of problems) {
        const path = writtenPath(op.entity, p.field);
        if (path.includes('.')) writeFieldPath(record, path, undefined);
        else delete record[path];
      }
      return { ...op, record };
    });
    result = planChange(state, ops, pctx);
    for (const [index, problems] of dropped) {
      const row = rows[rowOf(index)!]!;
      if (result.rejected.some((r) => r.index === index)) continue;
      for (const p of problems) issues.push({ sheet: row.sheet, row: row.row, column: '', header: '', severity: 'error', message: `${p.message}; left empty`, outcome: 'cell-not-read' });
    }
  }

  // A row of a wide allocation grid makes several operations: it is skipped only when all are refused.
  const opsOfRow = new Map<number, number>();
  for (const r of planned.opRows) if (r >= 0) opsOfRow.set(r, (opsOfRow.get(r) ?? 0) + 1);
  const refusedOfRow = new Map<number, Set<number>>();
  const rejectedAgain = new Set(result.rejected.map((r) => r.index));
  const refusedFields = new Map<number, Set<string>>();
  for (const rej of result.rejected) {
    const r = rowOf(rej.index);
    if (r === undefined || r < 0) continue;
    const op = ops[rej.index];
    // An update refused field by field: only those fields stay as they were.
    if (op?.op === 'update' && rej.fields && rej.fields.length < Object.keys(op.changes).length) {
      const set = refusedFields.get(rej.index) ?? new Set<string>();
      for (const f of rej.fields) set.add(f);
      refusedFields.set(rej.index, set);
      if (set.size < Object.keys(op.changes).length) continue;
    }
    const set = refusedOfRow.get(r) ?? new Set<number>();
    set.add(rej.index);
    refusedOfRow.set(r, set);
  }
  /** A rejection because the record a row points at was itself refused: say which row that was. */
  const parentNote = (rej: Rejection): string | undefined => {
    const op = ops[rej.index];
    if (!op || op.op !== 'create') return undefined;
    for (const p of rej.problems) {
      const value = p.field ? readFieldPath(op.record, writtenPath(op.entity, p.field)) : undefined;
      const parent = typeof value === 'string' ? createdBy.get(value) : undefined;
      const parentRow = parent !== undefined && rejectedAgain.has(parent) ? rows[rowOf(parent) ?? -1] : undefined;
      if (parentRow) return `its ${KIND_LABELS[parentRow.kind].singular} (row ${parentRow.row} of sheet ${parentRow.sheet}) was not imported: ${parentRow.reason ?? 'refused'}`;
    }
    return undefined;
  };
  for (const rej of result.rejected) {
    const rowIndex = rowOf(rej.index);
    if (rowIndex === undefined || rowIndex < 0) continue;
    const row = rows[rowIndex]!;
    const partly = refusedFields.get(rej.index);
    const whole = refusedOfRow.get(rowIndex)?.size === opsOfRow.get(rowIndex);
    const message = parentNote(rej) ?? rej.problems.map((p) => p.message).join('; ');
    const keptRest = !!partly && !refusedOfRow.get(rowIndex)?.has(rej.index);
    issues.push({ sheet: row.sheet, row: row.row, column: '', header: '', severity: 'error', message: keptRest ? `${message}; left as it was` : message, outcome: keptRest || !whole ? 'cell-not-read' : 'row-not-imported' });
    if (keptRest && row.changes) row.changes = row.changes.filter((c) => !partly.has(c.field));
    if (row.status !== 'skipped' && whole) {
      row.status = 'skipped';
      row.reason = message;
      delete row.changes;
    }
  }
  return { report: { ...planned.report, rows, issues, counts: countRows(rows, issues) }, result };
}

/** Per kind, the fields a new record cannot do without (the import refuses the row rather than drop them). */
function requiredKeys(state: WorkbookState): (kind: ImportKind) => ReadonlySet<string> {
  const cache = new Map<ImportKind, Set<string>>();
  return (kind) => {
    let set = cache.get(kind);
    if (!set) {
      set = new Set(fieldsFor(kind, state.settings, state.all('customField')).filter((f) => f.requiredForCreate).map((f) => f.key.split('.')[0]!));
      if (kind === 'allocation') for (const k of ['resourceId', 'roleId', 'start', 'end', 'amount', 'unit']) set.add(k);
      if (kind === 'project' || kind === 'raid') set.add('code');
      cache.set(kind, set);
    }
    return set;
  };
}
