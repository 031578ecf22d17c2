// A mapping file (`pmo import --mapping MAP.json`): the wizard's choices written down, so a batch
// import can say what a sheet holds and which column is which field. Pure: the caller reads and
// parses the JSON; this checks it against the file's sheets and our fields and returns the
// proposals to import, or every problem found, each naming the mapping file and the key
// ("map.json: sheets[0].columns["PM"]: …").
//
//   { "sheets": [ { "sheet": "Portfolio", "kind": "project", "dateOrder": "DMY",
//                   "columns": { "Proj Name": "name", "Budget": { "field": "budget", "scale": 1000 }, "Notes": null,
//                                "Stage": { "field": "stage", "onError": "skip-row" } },
//                   "values": { "stage": { "In Flight": "in-progress", "Parked": null } } },
//                 { "sheet": "Plan", "kind": "allocation", "grid": { "first": "E", "last": "P", "period": "month", "unit": "fte-percent" } },
//                 { "sheet": "Monthly status", "kind": "status", "latestToProject": true } ] }
//
// Adding a key is one entry in SHEET_KEYS (per sheet) or COLUMN_KEYS (per column entry); any key in
// neither table is refused by name, so a typo ("colums") is caught rather than ignored.
import type { CustomFieldDef, Settings } from '../model/schemas';
import type { SheetProposal } from './analyse';
import type { SheetMapping } from './import';
import type { SourceWorkbook } from './source';
import { fieldsFor, IMPORT_KINDS, KIND_LABELS, type ExchangeField, type ImportKind } from './fields';
import { fixedOptions } from './value-map';
import { matchKey } from '../register/convert';
import { declareGrid } from './grid-unit';

export interface MappingFileContext {
  /** The mapping file's name or path, as the messages should name it. */
  fileName: string;
  settings: Settings;
  customFields: readonly CustomFieldDef[];
  /** The file being imported (for keys that need its cells, such as a grid's header cells). */
  source?: SourceWorkbook;
}

export type MappingFileResult = { ok: true; proposals: SheetProposal[] } | { ok: false; errors: string[] };

/** What a per-sheet key's handler works on: the sheet's proposal, already a copy it may change. */
export interface SheetKeyContext extends MappingFileContext {
  proposal: SheetProposal;
  /** `map.json: sheets[0].kind` for this key. */
  where: string;
  /** Our fields for the sheet's kind (after "kind" was applied). */
  fields: () => ExchangeField[];
  /** Report a problem at this key (or at `where`, a deeper key). */
  error: (message: string, where?: string) => void;
}

/** What a per-column key's handler works on: the column's entry in the mapping, a copy it may change. */
export interface ColumnKeyContext extends SheetKeyContext {
  column: SheetMapping['columns'][number];
  header: string;
}

type SheetKey = (value: unknown, ctx: SheetKeyContext) => void;
type ColumnKey = (value: unknown, ctx: ColumnKeyContext) => void;

const DATE_ORDERS = ['DMY', 'MDY', 'YMD'] as const;
const list = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Keys of one column's entry when it is an object ({ "field": "budget", "scale": 1000 }); a plain
 * string is shorthand for { "field": … } and null ignores the column. Applied in this order.
 */
export const COLUMN_KEYS: Record<string, ColumnKey> = {
  field: (v, c) => {
    if (v === null) {
      c.column.field = null;
      return;
    }
    const keys = c.fields().map((f) => f.key);
    if (typeof v !== 'string' || !keys.includes(v)) {
      c.error(`${JSON.stringify(v)} is not a ${KIND_LABELS[c.proposal.kind].singular} field (fields: ${keys.join(', ')})`);
      return;
    }
    // One column per field: the field leaves the column the analysis had given it to.
    for (const other of c.proposal.mapping.columns) if (other !== c.column && other.field === v) other.field = null;
    c.column.field = v;
  },
  scale: (v, c) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) c.error('scale must be a positive number (1000 for "£k", 1000000 for "$M")');
    else c.column.scale = v;
  },
  // A cell of the column that cannot be read: import the rest of the row (the default) or skip the row.
  onError: (v, c) => {
    if (v !== 'keep-row' && v !== 'skip-row') c.error('onError must be "keep-row" (import the rest of the row, the field left empty) or "skip-row"');
    else if (v === 'skip-row') c.column.onError = v;
    else delete c.column.onError;
  },
};

/**
 * Keys of one entry of "sheets", applied in this order ("kind" before "columns", whose fields
 * depend on it). "sheet" names the sheet and is read before the others.
 */
export const SHEET_KEYS: Record<string, SheetKey> = {
  sheet: () => undefined,
  kind: (v, c) => {
    if (!IMPORT_KINDS.includes(v as ImportKind)) {
      c.error(`kind must be one of ${IMPORT_KINDS.join(', ')} (got ${JSON.stringify(v)})`);
      return;
    }
    if (c.proposal.kind !== v) {
      c.proposal.kind = v as ImportKind;
      c.proposal.mapping.kind = v as ImportKind;
      // The analysis's fields were for the other kind: keep only the ones this kind also has.
      const keys = new Set(c.fields().map((f) => f.key));
      for (const col of c.proposal.mapping.columns) if (col.field !== null && !keys.has(col.field)) col.field = null;
    }
  },
  include: (v, c) => {
    if (typeof v !== 'boolean') c.error('include must be true or false');
    else c.proposal.include = v;
  },
  dateOrder: (v, c) => {
    if (!DATE_ORDERS.includes(v as (typeof DATE_ORDERS)[number])) c.error(`dateOrder must be DMY, MDY or YMD (got ${JSON.stringify(v)})`);
    else c.proposal.mapping.dateOrder = v as (typeof DATE_ORDERS)[number];
  },
  columns: (v, c) => {
    if (!isObject(v)) {
      c.error('columns must be an object of header → field (or → { "field": …, "scale": … })');
      return;
    }
    const { proposal } = c;
    for (const [header, entry] of Object.entries(v)) {
      const where = `${c.where}[${JSON.stringify(header)}]`;
      const error = (m: string) => c.error(m, where);
      const col = proposal.headers.findIndex((h) => h.trim().toLowerCase() === header.trim().toLowerCase());
      if (col < 0) {
        error(`no column headed "${header}" (headers: ${proposal.headers.filter(Boolean).join(', ')})`);
        continue;
      }
      let column = proposal.mapping.columns.find((x) => x.column === col);
      if (!column) {
        column = { column: col, field: null };
        proposal.mapping.columns.push(column);
      }
      const obj: Record<string, unknown> | null = entry === null || typeof entry === 'string' ? { field: entry } : isObject(entry) ? entry : null;
      if (!obj) {
        error('must be a field name, null (ignore the column) or an object { "field": … }');
        continue;
      }
      if (!('field' in obj)) {
        error('needs "field" (a field name, or null to ignore the column)');
        continue;
      }
      const unknown = Object.keys(obj).filter((k) => !(k in COLUMN_KEYS));
      if (unknown.length) error(`unknown key${unknown.length > 1 ? 's' : ''} ${list(unknown)} (a column entry takes ${list(Object.keys(COLUMN_KEYS))})`);
      for (const [key, handler] of Object.entries(COLUMN_KEYS)) {
        if (!(key in obj)) continue;
        const kw = key === 'field' && typeof entry !== 'object' ? where : `${where}.${key}`;
        handler(obj[key], { ...c, where: kw, column, header: proposal.headers[col] ?? header, error: (m) => c.error(m, kw) });
      }
    }
  },
  /**
   * Value mapping: { "stage": { "In Flight": "in-progress", "Parked": null } }, per field with
   * fixed values (value-map.ts fixedOptions). A target is our value or its label ("In progress");
   * null leaves the field empty; a yes/no field also takes true and false.
   */
  values: (v, c) => {
    if (!isObject(v)) {
      c.error('values must be an object of field → { "value in the file": our value, or null to leave the field empty }');
      return;
    }
    const fields = c.fields();
    const withValues = fields.filter((f) => fixedOptions(f));
    const out: Record<string, Record<string, string | null>> = { ...(c.proposal.mapping.values ?? {}) };
    for (const [key, entries] of Object.entries(v)) {
      const where = `${c.where}[${JSON.stringify(key)}]`;
      const f = fields.find((x) => x.key === key);
      const options = f ? fixedOptions(f) : null;
      if (!f || !options) {
        c.error(`${JSON.stringify(key)} is not a ${KIND_LABELS[c.proposal.kind].singular} field with fixed values (fields: ${withValues.map((x) => x.key).join(', ')})`, where);
        continue;
      }
      if (!isObject(entries)) {
        c.error(`must be an object of "value in the file" → one of ${list(options.map((o) => o.value))}, or null to leave ${f.label} empty`, where);
        continue;
      }
      const map: Record<string, string | null> = { ...(out[key] ?? {}) };
      for (const [src, target] of Object.entries(entries)) {
        if (target === null) {
          map[src.trim()] = null;
          continue;
        }
        const t = typeof target === 'boolean' && f.col.type === 'checkbox' ? String(target) : target;
        const o = typeof t === 'string' ? (options.find((x) => x.value === t) ?? options.find((x) => matchKey(x.label) === matchKey(t) || matchKey(x.value) === matchKey(t))) : undefined;
        if (!o) {
          c.error(`${JSON.stringify(target)} is not a value of ${f.label} (values: ${list(options.map((x) => x.value))}, or null to leave it empty)`, `${where}[${JSON.stringify(src)}]`);
          continue;
        }
        map[src.trim()] = o.value;
      }
      out[key] = map;
    }
    c.proposal.mapping.values = out;
  },
  /**
   * An allocation grid: { "first": "E", "last": "P", "period": "month", "unit": "fte-percent" }
   * (columns by letter or header text; "year" for headers without one), or null for none; with a
   * grid found by the analysis, "unit" alone sets its unit (grid-unit.ts declareGrid).
   */
  grid: (v, c) => {
    for (const p of declareGrid(v, c.proposal, c)) c.error(p.message, p.key ? `${c.where}.${p.key}` : undefined);
  },
  /** Status reports: also set each project's RAG and status narrative from its newest report (status-import.ts). */
  latestToProject: (v, c) => {
    if (typeof v !== 'boolean') c.error('latestToProject must be true or false');
    else if (v && c.proposal.kind !== 'status') c.error(`latestToProject is for a sheet of status reports ("kind": "status"); this sheet holds ${KIND_LABELS[c.proposal.kind].plural.toLowerCase()}`);
    else if (v) c.proposal.mapping.latestToProject = true;
    else delete c.proposal.mapping.latestToProject;
  },
};

/**
 * The proposals after the mapping file: the sheets it lists are set as it says (included unless
 * "include": false), the sheets it does not list are left out. Nothing is changed in `proposals`.
 */
export function applyMappingFile(json: unknown, proposals: readonly SheetProposal[], ctx: MappingFileContext): MappingFileResult {
  const errors: string[] = [];
  const at = (where: string, message: string) => errors.push(`${ctx.fileName}: ${where}: ${message}`);
  if (!isObject(json) || !Array.isArray(json.sheets)) return { ok: false, errors: [`${ctx.fileName}: expected { "sheets": [ … ] }`] };
  const topUnknown = Object.keys(json).filter((k) => k !== 'sheets');
  if (topUnknown.length) errors.push(`${ctx.fileName}: unknown key${topUnknown.length > 1 ? 's' : ''} ${list(topUnknown)} (the file takes "sheets")`);
  const out = proposals.map((p) => ({ ...p, include: false, mapping: { ...p.mapping, columns: p.mapping.columns.map((c) => ({ ...c })) } }));
  const listed = new Set<string>();
  for (const [i, s] of json.sheets.entries()) {
    const where = `sheets[${i}]`;
    if (!isObject(s)) {
      at(where, 'must be an object { "sheet": … }');
      continue;
    }
    if (typeof s.sheet !== 'string') {
      at(where, 'needs "sheet" (a sheet name)');
      continue;
    }
    const p = out.find((x) => x.sheet === s.sheet) ?? out.find((x) => x.sheet.trim().toLowerCase() === (s.sheet as string).trim().toLowerCase());
    if (!p) {
      at(`${where}.sheet`, `the file has no sheet "${s.sheet}" (it has ${list(proposals.map((x) => x.sheet))})`);
      continue;
    }
    if (listed.has(p.sheet)) {
      at(`${where}.sheet`, `sheet "${p.sheet}" is listed twice`);
      continue;
    }
    listed.add(p.sheet);
    p.include = true;
    const unknown = Object.keys(s).filter((k) => !(k in SHEET_KEYS));
    if (unknown.length) at(where, `unknown key${unknown.length > 1 ? 's' : ''} ${list(unknown)} (a sheet entry takes ${list(Object.keys(SHEET_KEYS))})`);
    for (const [key, handler] of Object.entries(SHEET_KEYS)) {
      if (!(key in s)) continue;
      const kw = `${where}.${key}`;
      const sheetCtx: SheetKeyContext = {
        ...ctx,
        proposal: p,
        where: kw,
        fields: () => fieldsFor(p.kind, ctx.settings, ctx.customFields),
        error: (m: string, w?: string) => at(w ?? kw, m),
      };
      handler(s[key], sheetCtx);
    }
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, proposals: out.map((p) => (listed.has(p.sheet) ? p : { ...p, include: false })) };
}
