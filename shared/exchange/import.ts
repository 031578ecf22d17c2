// The importer: a read spreadsheet plus the user's mapping → one report that accounts for every
// source row (new, updated, unchanged, skipped with the reason; cell errors and warnings with
// sheet, row and column) and the operations that apply it. Nothing is written here: the caller
// checks the operations on the command path (planChange, which validates every record) and
// commits them in one transaction, one undo step.
import type { WorkbookState } from '../commands/state';
import type { Op } from '../commands/types';
import { jsonEqual, planChange, type PlanContext, type PlanResult } from '../commands/plan';
import { buildColumnContext } from '../register/column-context';
import { formatCell, matchKey, type DateOrder } from '../register/convert';
import type { ColumnContext, Option, OptionSource } from '../register/types';
import type { EntityName } from '../model/schemas';
import { writeFieldPath } from '../model/field-path';
import type { IsoDate } from '../calendar';
import { cellText, columnLetter, type SourceCell, type SourceSheet, type SourceWorkbook } from './source';
import { convertCell, inferDateOrder } from './convert-cell';
import { parsePeriodHeader } from './periods';
import { labelOf } from './labels';
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
  /** Allocations as a wide grid: one column per week or month, hours per week in the cells. */
  periods?: { columns: { column: number; start: IsoDate; end: IsoDate; label: string }[]; kind: 'week' | 'month' } | null;
  /** How text dates like 03/04/2026 are read; absent = from the column's dates, else the workbook's setting. */
  dateOrder?: DateOrder;
  /**
   * Status reports only: also set each project's RAG (every dimension the report gives) and status
   * narrative from its newest report in the sheet, in the same plan (status-import.ts).
   */
  latestToProject?: boolean;
}

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
  latest?: LatestStatus[];
}

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
  const latest: LatestStatus[] = [];
  const sheets = new Map(source.sheets.map((s) => [s.name, s]));

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
    const ix = indexes(state, entity);
    const header = sheet.rows[mapping.headerRow] ?? [];
    const headerText = (col: number) => cellText(header[col]).trim() || columnLetter(col);
    matchRules.push({ sheet: sheet.name, rule: MATCH_RULES[kind] });
    const skip = new Map((mapping.skipRows ?? []).map((s) => [s.row, s.reason]));
    const seen = new Map<string, number>();
    const firstRowOfSheet = rows.length;
    let allocIx: Map<string, Rec> | null = null;
    /** Per RAG column: empty cells whose fill colour gave the RAG, and fills that gave none. */
    const fillTally = new Map<number, Record<RagLetter, number> & { other: number; example: string }>();

    // Text dates: the order comes from each column's own dates where they decide it.
    const orders = new Map<number, DateOrder>();
    for (const m of mapped) {
      if (m.f.col.type !== 'date') continue;
      const texts: string[] = [];
      for (let r = mapping.firstDataRow; r <= mapping.lastDataRow; r++) {
        const cell = sheet.rows[r]?.[m.column];
        if (typeof cell === 'string') texts.push(cell);
      }
      const inferred = inferDateOrder(texts, state.settings.dateOrder);
      const order = mapping.dateOrder ?? inferred.order;
      orders.set(m.column, order);
      if (!mapping.dateOrder && !inferred.decided && inferred.ambiguous > 0) {
        issues.push({
          sheet: sheet.name,
          row: mapping.headerRow + 1,
          column: columnLetter(m.column),
          header: headerText(m.column),
          severity: 'warning',
          message: `${inferred.ambiguous} date${inferred.ambiguous === 1 ? '' : 's'} such as ${inferred.example} could be day/month or month/day; read as ${order === 'MDY' ? 'month/day/year' : 'day/month/year'}. Choose the date order if that is wrong.`,
        });
      }
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
        const res = convertCell(cell, m.f, ctx, { dateOrder: orders.get(m.column) ?? state.settings.dateOrder, date1904: source.date1904, ...(m.scale ? { scale: m.scale } : {}) });
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
      issues.push(...plan.issues);
      latest.push(...plan.latest);
    }

    function allocationIndex(): Map<string, Rec> {
      if (!allocIx) {
        allocIx = new Map();
        for (const a of state.values('allocation')) allocIx.set(`${String(a['projectId'])}|${String(a['resourceId'] ?? a['roleId'])}|${String(a['start'])}|${String(a['end'])}`, a);
      }
      return allocIx;
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
      for (const p of mapping.periods!.columns) {
        const cell = line[p.column] ?? null;
        if (cell === null || cell === '') continue;
        // Text with no digit ("lots", "n/a", "?") is not 0 hours: it is listed; a lone dash is how sheets show nothing.
        const text = typeof cell === 'number' ? '' : cellText(cell).trim();
        if (typeof cell !== 'number' && /^[-–—]?$/.test(text)) continue;
        const hours = typeof cell === 'number' ? cell : /\d/.test(text) ? Number(text.replace(/[^\d.,-]/g, '').replace(',', '.')) : NaN;
        if (!Number.isFinite(hours) || hours < 0) {
          issues.push({ sheet: mapping.sheet, row: rowNo, column: columnLetter(p.column), header: p.label, severity: 'error', message: `"${cellText(cell)}" is not a number of hours`, value: cellText(cell), outcome: 'cell-not-read' });
          continue;
        }
        if (hours === 0) continue;
        const key = `${String(values.get('projectId'))}|${String(values.get('resourceId') ?? values.get('roleId'))}|${p.start}|${p.end}`;
        const found = allocationIndex().get(key);
        if (found) {
          if (found['amount'] === hours) same++;
          else {
            updated++;
            changes.push({ field: 'amount', label: p.label, before: found['amount'], after: hours });
            ops.push({ op: 'update', entity: 'allocation', id: found.id, changes: { amount: hours } });
            opRows.push(rowIndex);
          }
        } else {
          created++;
          const record: Record<string, unknown> = { id: opts.newId(), start: p.start, end: p.end, amount: hours, unit: 'hours-per-week' };
          for (const k of ['projectId', 'resourceId', 'roleId', 'tentative', 'note']) if (values.has(k)) record[k] = values.get(k);
          changes.push({ field: 'amount', label: p.label, before: null, after: hours });
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
  return { report: { fileName: source.fileName, rows, issues: shown, counts: countRows(rows, shown), creates, matchRules, ...(latest.length ? { latest } : {}) }, ops, opRows };
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
  const result = planChange(state, planned.ops, { ...ctx, partial: true });
  if (!result.rejected.length) return { report: planned.report, result };
  const rows = planned.report.rows.map((r) => ({ ...r }));
  const issues = [...planned.report.issues];
  // A row of a wide allocation grid makes several operations: it is skipped only when all are refused.
  const opsOfRow = new Map<number, number>();
  for (const r of planned.opRows) if (r >= 0) opsOfRow.set(r, (opsOfRow.get(r) ?? 0) + 1);
  const refusedOfRow = new Map<number, number>();
  for (const rej of result.rejected) {
    const r = rej.index >= 0 ? planned.opRows[rej.index] : undefined;
    if (r !== undefined && r >= 0) refusedOfRow.set(r, (refusedOfRow.get(r) ?? 0) + 1);
  }
  for (const rej of result.rejected) {
    const rowIndex = rej.index >= 0 ? planned.opRows[rej.index] : undefined;
    if (rowIndex === undefined || rowIndex < 0) continue;
    const row = rows[rowIndex]!;
    const message = rej.problems.map((p) => p.message).join('; ');
    issues.push({ sheet: row.sheet, row: row.row, column: '', header: '', severity: 'error', message });
    if (row.status !== 'skipped' && refusedOfRow.get(rowIndex) === opsOfRow.get(rowIndex)) {
      row.status = 'skipped';
      row.reason = message;
      delete row.changes;
    }
  }
  return { report: { ...planned.report, rows, issues, counts: countRows(rows, issues) }, result };
}
