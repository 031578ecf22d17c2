// First look at a read spreadsheet: for each sheet, where its table is, what it probably holds,
// and a suggested mapping of its columns, ready for the wizard to show and the user to correct.
import type { Settings, CustomFieldDef } from '../model/schemas';
import type { SourceSheet, SourceWorkbook } from './source';
import { cellText, columnLetter } from './source';
import { detectTable, layoutKey, type SkippedRow } from './detect';
import { guessKind, suggestMapping, SYNONYMS, type ImportFieldSpec, type ColumnSuggestion, type FieldType } from './suggest';
import { isGridUnit, proposeGrid, type GridCellUnit, type GridUnitSuggestion, type ProposedGrid } from './grid-unit';
import { thousandfoldMismatches, withContextScales, type ScaleNote } from './scale-context';
import { fieldsFor, IMPORT_KINDS, type ExchangeField, type ImportKind } from './fields';
import type { CellErrorPolicy, SheetMapping } from './import';
import { SNAPSHOT_SHEET } from './export';
import { CAPACITY_SHEET } from './capacity-sheet';
import { columnValues, valueChoicesFor, type ColumnValues, type FieldValueChoices } from './value-map';

export interface SheetProposal {
  sheet: string;
  /** Rows and columns holding data, for the sheet picker. */
  rowCount: number;
  width: number;
  hidden: boolean;
  /** Import this sheet (a guess: sheets that look like a known kind). */
  include: boolean;
  kind: ImportKind;
  kindReason: string;
  headers: string[];
  layout: string;
  skipped: SkippedRow[];
  suggestions: ColumnSuggestion[];
  mapping: SheetMapping;
  confidence: number;
  /** Distinct values of each column's data cells (value-map.ts), for the value choices of whatever field a column is given. */
  columnValues?: ColumnValues[];
  /** For each mapped column of a field with fixed values: its distinct values and what each would be read as. */
  valueChoices?: FieldValueChoices[];
  /** An allocation grid's suggested cell unit and why ("58 of 60 filled cells are percentages"); mapping.periods.unit holds the choice. */
  gridUnit?: GridUnitSuggestion;
  /** How the grid's headers were read where something was decided (day/month order, a year taken from the title). */
  gridNotes?: string[];
  /** Money columns whose stated currency is not the workbook's (scale-context.ts); previewImport reports them. */
  scaleNotes?: ScaleNote[];
}

const TYPE_OF: Record<string, FieldType> = {
  text: 'text',
  longtext: 'longtext',
  person: 'person',
  date: 'date',
  money: 'money',
  number: 'number',
  integer: 'number',
  percent: 'percent',
  rag: 'rag',
  select: 'select',
  multiselect: 'multiselect',
  checkbox: 'checkbox',
  reference: 'reference',
  references: 'multiselect',
};

/** The field specs the suggester matches headers and values against. */
export function fieldSpecs(kind: ImportKind, fields: readonly ExchangeField[]): ImportFieldSpec[] {
  const syn = SYNONYMS[kind] ?? {};
  return fields.map((f) => ({
    key: f.key,
    label: f.label,
    type: f.key === 'id' || f.key === 'version' ? 'id' : f.key === 'period' ? 'period' : (TYPE_OF[f.col.type] ?? 'text'),
    synonyms: [...(Object.prototype.hasOwnProperty.call(syn, f.key) ? (syn[f.key] ?? []) : []), f.label],
    ...(Array.isArray(f.col.options) ? { choices: f.col.options.map((o) => o.label) } : {}),
  }));
}

const REASONS: Record<SkippedRow['reason'], string> = {
  blank: 'blank row',
  title: 'title above the table',
  totals: 'totals row',
  'repeated-header': 'repeated header row',
  note: 'note below the table',
};

export function skipReason(s: SkippedRow): string {
  return REASONS[s.reason] ?? s.reason;
}

/** Proposes how to read every sheet. `remembered` gives mappings saved for a layout. */
/** A mapping the user made before for a source layout (keyed by layoutKey of its headers). */
export interface RememberedMapping {
  kind: ImportKind;
  columns: { header: string; field: string | null; scale?: number; onError?: CellErrorPolicy }[];
  /** The value mapping chosen (SheetMapping.values). */
  values?: Record<string, Record<string, string | null>>;
  /** What the allocation grid's cells hold, as chosen (SheetMapping.periods.unit). */
  gridUnit?: GridCellUnit;
}
export type Remembered = (layout: string) => RememberedMapping | undefined;

export function analyseWorkbook(source: SourceWorkbook, settings: Settings, customFields: readonly CustomFieldDef[], remembered: Remembered = () => undefined): SheetProposal[] {
  const catalogue = Object.fromEntries(IMPORT_KINDS.map((k) => [k, fieldSpecs(k, fieldsFor(k, settings, customFields))])) as Record<ImportKind, ImportFieldSpec[]>;
  const out: SheetProposal[] = [];
  for (const sheet of source.sheets) {
    if (sheet.name === SNAPSHOT_SHEET || sheet.name === 'Lists' || sheet.name === 'How to edit' || sheet.name === CAPACITY_SHEET) continue;
    if (!sheet.rows.length) continue;
    const p = proposeSheet(sheet, source, settings, catalogue, remembered);
    const saved = remembered(p.layout);
    out.push(withValueChoices(p, sheet, fieldsFor(p.kind, settings, customFields), saved?.kind === p.kind ? saved.values : undefined));
  }
  return out;
}

function proposeSheet(
  sheet: SourceSheet,
  source: SourceWorkbook,
  settings: Settings,
  catalogue: Record<ImportKind, ImportFieldSpec[]>,
  remembered: Remembered,
): SheetProposal {
  const table = detectTable(sheet);
  const headers = table.headers;
  const layout = layoutKey(headers);
  const saved = remembered(layout);
  const sample = sheet.rows.slice(table.firstDataRow, Math.min(table.lastDataRow + 1, table.firstDataRow + 200));
  const skipRows = table.skipped.filter((s) => s.row >= table.firstDataRow && s.row <= table.lastDataRow).map((s) => ({ row: s.row, reason: skipReason(s) }));
  let guess = guessKind(headers, catalogue, sheet.name, sample);
  // A grid the headers alone do not show (two columns, "KW 50" whose year is in the title) makes
  // a sheet no other kind claims an allocation sheet.
  let grid: ProposedGrid | null = null;
  if (!saved && guess.kind === null) {
    grid = proposeGrid(sheet, { ...table, skipRows }, source, settings);
    if (grid) guess = { ...guess, kind: 'allocation', reason: `${grid.periods.columns.length} ${grid.periods.kind} columns of an allocation grid` };
  }
  const kind: ImportKind = saved?.kind ?? guess.kind ?? 'project';
  let suggestions = suggestMapping(headers, sample, catalogue[kind]);
  if (saved) {
    const byHeader = new Map(saved.columns.map((c) => [c.header, c]));
    suggestions = suggestions.map((s) => {
      const c = byHeader.get(headers[s.column] ?? '');
      return c ? { ...s, field: c.field, score: 1, reason: 'as you mapped this layout last time', ...(c.scale ? { scale: c.scale } : {}) } : s;
    });
  }
  let periods: SheetMapping['periods'] = null;
  if (kind === 'allocation') {
    grid ??= proposeGrid(sheet, { ...table, skipRows }, source, settings);
    if (grid) {
      periods = saved?.gridUnit && isGridUnit(saved.gridUnit) ? { ...grid.periods, unit: saved.gridUnit } : grid.periods;
      const inGrid = new Set(periods.columns.map((c) => c.column));
      const what = `${periods.kind} column of the allocation grid`;
      suggestions = suggestions.map((s) => (inGrid.has(s.column) ? { ...s, field: null, score: 1, reason: what } : s));
    }
  }
  // Money columns' scale and currency from the header, a group header over them or a title.
  const rememberedScale = new Set(saved ? suggestions.filter((s) => saved.columns.some((c) => c.header === (headers[s.column] ?? '') && c.scale)).map((s) => s.column) : []);
  const scaled = withContextScales(sheet, table, headers, catalogue[kind], settings.currency, suggestions, rememberedScale);
  suggestions = scaled.suggestions;
  const mapping: SheetMapping = {
    sheet: sheet.name,
    kind,
    headerRow: table.headerRow,
    firstDataRow: table.firstDataRow,
    lastDataRow: table.lastDataRow,
    skipRows,
    columns: suggestions.map((s) => {
      const onError = saved?.columns.find((c) => c.header === (headers[s.column] ?? ''))?.onError;
      return { column: s.column, field: s.field, ...(s.scale ? { scale: s.scale } : {}), ...(onError === 'skip-row' ? { onError } : {}) };
    }),
    periods,
  };
  const mappedCount = suggestions.filter((s) => s.field).length + (periods ? 1 : 0);
  return {
    sheet: sheet.name,
    rowCount: sheet.rows.length,
    width: sheet.width,
    hidden: sheet.hidden,
    include: !sheet.hidden && (guess.kind !== null || !!saved) && mappedCount >= 2,
    kind,
    kindReason: saved ? 'as you mapped this layout last time' : guess.reason,
    headers,
    layout,
    skipped: table.skipped,
    suggestions,
    mapping,
    confidence: table.confidence,
    ...(grid ? { gridUnit: grid.unit, gridNotes: grid.notes } : {}),
    ...(scaled.notes.length ? { scaleNotes: scaled.notes } : {}),
  };
}

/**
 * The distinct values of the sheet's columns (outside an allocation grid) and the value choices
 * of its mapped fields with fixed values; `values` is a value mapping remembered for the layout.
 */
function withValueChoices(p: SheetProposal, sheet: SourceSheet, fields: readonly ExchangeField[], values: SheetMapping['values']): SheetProposal {
  const skip = new Set((p.mapping.skipRows ?? []).map((s) => s.row));
  const grid = new Set((p.mapping.periods?.columns ?? []).map((c) => c.column));
  const cols = p.mapping.columns.map((c) => c.column).filter((c) => !grid.has(c));
  const cv = columnValues(sheet, p.mapping.firstDataRow, p.mapping.lastDataRow, skip, cols);
  const mapping = values && Object.keys(values).length ? { ...p.mapping, values: { ...values } } : p.mapping;
  return { ...p, mapping, columnValues: cv, valueChoices: valueChoicesFor(p.kind, mapping.columns, cv, fields) };
}

/** Re-suggests a sheet's columns after the user changes what the sheet holds. */
export function remapForKind(proposal: SheetProposal, kind: ImportKind, source: SourceWorkbook, settings: Settings, customFields: readonly CustomFieldDef[]): SheetProposal {
  const sheet = source.sheets.find((s) => s.name === proposal.sheet)!;
  const catalogue = Object.fromEntries(IMPORT_KINDS.map((k) => [k, fieldSpecs(k, fieldsFor(k, settings, customFields))])) as Record<ImportKind, ImportFieldSpec[]>;
  const p = withValueChoices(proposeSheet(sheet, source, settings, { ...catalogue }, () => ({ kind, columns: [] })), sheet, fieldsFor(kind, settings, customFields), undefined);
  return { ...p, kind, include: true, kindReason: 'chosen by you' };
}

/** The rows the layout detection set aside, as report rows, so the report covers every row. */
export function layoutSkips(p: SheetProposal): { row: number; reason: string; text?: string }[] {
  return p.skipped.filter((s) => s.row < p.mapping.firstDataRow || s.row > p.mapping.lastDataRow).map((s) => ({ row: s.row, reason: skipReason(s), ...(s.text ? { text: s.text } : {}) }));
}

import type { WorkbookState } from '../commands/state';
import type { PlanContext, PlanResult } from '../commands/plan';
import { countRows, planImport, validateImport, type CellIssue, type ImportReport, type RowReport } from './import';

/**
 * The whole import of the chosen sheets, checked on the command path: the report (every row of
 * every chosen sheet accounted for, header and title rows included) and the plan to commit.
 */
export function previewImport(
  state: WorkbookState,
  source: SourceWorkbook,
  proposals: readonly SheetProposal[],
  ctx: Omit<PlanContext, 'partial' | 'origin' | 'label'> & { today: string },
): { report: ImportReport; result: PlanResult } {
  const chosen = proposals.filter((p) => p.include);
  const planned = planImport(state, source, chosen.map((p) => p.mapping), { today: ctx.today, newId: ctx.newId });
  const label = `Import ${source.fileName}`;
  const { report, result } = validateImport(state, planned, { ...ctx, origin: 'import', label });
  const extra: RowReport[] = [];
  for (const p of chosen) {
    const sheet = source.sheets.find((s) => s.name === p.sheet);
    const firstText = (r: number) => cellText(sheet?.rows[r]?.find((c) => c !== null) ?? null).slice(0, 80);
    for (const s of layoutSkips(p)) extra.push({ sheet: p.sheet, row: s.row + 1, status: 'skipped', reason: s.reason, kind: p.kind, label: s.text ?? firstText(s.row), layout: true });
    for (let r = 0; r <= p.mapping.headerRow; r++) {
      if (p.skipped.some((s) => s.row === r)) continue;
      extra.push({ sheet: p.sheet, row: r + 1, status: 'skipped', reason: r === p.mapping.headerRow ? 'header row' : 'header row (group headings)', kind: p.kind, label: firstText(r), layout: true });
    }
  }
  const order = new Map(chosen.map((p, i) => [p.sheet, i]));
  const rows = [...extra, ...report.rows].sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.row - b.row);
  const issues = [...scaleIssues(state, source, chosen), ...report.issues];
  return { report: { ...report, rows, issues, counts: countRows(rows, issues) }, result };
}

/**
 * Warnings about money columns as finally mapped: a stated currency that is not the workbook's,
 * and a column about 1000 times smaller than a sibling money column with no scale to explain it.
 */
function scaleIssues(state: WorkbookState, source: SourceWorkbook, chosen: readonly SheetProposal[]): CellIssue[] {
  const out: CellIssue[] = [];
  const customFields = state.all('customField');
  for (const p of chosen) {
    const sheet = source.sheets.find((s) => s.name === p.sheet);
    if (!sheet) continue;
    const money = new Set(fieldsFor(p.kind, state.settings, customFields).filter((f) => f.col.type === 'money').map((f) => f.key));
    const cols = p.mapping.columns.filter((c) => c.field !== null && money.has(c.field));
    if (cols.length === 0) continue;
    const mapped = new Set(cols.map((c) => c.column));
    const header = (c: number) => p.headers[c] || columnLetter(c);
    const issue = (column: number, message: string): CellIssue => ({ sheet: p.sheet, row: p.mapping.headerRow + 1, column: columnLetter(column), header: header(column), severity: 'warning', message });
    for (const n of p.scaleNotes ?? []) if (n.columns.some((c) => mapped.has(c))) out.push(issue(n.column, n.message));
    const skip = new Set((p.mapping.skipRows ?? []).map((r) => r.row));
    const columns = cols.map((c) => ({ column: c.column, header: header(c.column), scale: c.scale ?? 1 }));
    for (const n of thousandfoldMismatches(sheet, { first: p.mapping.firstDataRow, last: p.mapping.lastDataRow, skip }, columns)) out.push(issue(n.column, n.message));
  }
  return out;
}
