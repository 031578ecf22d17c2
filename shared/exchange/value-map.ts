// Value mapping: for a field with a fixed set of values (stage, RAG, priority, RAID type and
// status, yes/no, a custom list), the distinct values a column holds, what each would be read as
// (our option exactly, a synonym from vocabulary.ts, or nothing), and the user's choices applied
// before a cell is converted (SheetMapping.values: source text → our value, or null = leave empty).
// Pure: the analysis, the importer, the mapping file and the wizard share it.
import type { Option } from '../register/types';
import { matchKey, RAG_CHOICES, YES_NO_CHOICES } from '../register/convert';
import { cellText, type SourceCell, type SourceSheet } from './source';
import type { ExchangeField } from './fields';
import type { ImportKind } from './kinds';
import { lookupValue, valueKey, vocabularyOf } from './vocabulary';

/** Distinct values of one column's data cells, most frequent first. */
export interface ColumnValues {
  column: number;
  values: { text: string; count: number }[];
  /** More distinct values than TRACKED: not a column of a few fixed values; `values` is empty. */
  overflow?: true;
}

export type ValueHow = 'exact' | 'synonym' | 'unknown';

export interface ValueChoice {
  source: string;
  count: number;
  /** Our option value the import reads it as without a choice; null: none (the cell is refused). */
  suggested: string | null;
  how: ValueHow;
}

/** One mapped column of a field with fixed values, and its distinct values. */
export interface FieldValueChoices {
  field: string;
  column: number;
  /** Unknown values first, then synonyms, then exact matches; each by count. At most LISTED. */
  values: ValueChoice[];
  /** Distinct values not listed (past LISTED). */
  more: number;
  /** The column holds more than TRACKED different values: no list is offered. */
  tooMany?: true;
}

/** Distinct values followed per column before it counts as free text. */
export const TRACKED = 200;
/** Distinct values listed per column in the Columns step. */
export const LISTED = 50;

/** The fixed values of a field (RAG, yes/no, a closed list), or null when its values are open. */
export function fixedOptions(f: ExchangeField): readonly Option[] | null {
  const c = f.col;
  if (f.key === 'id' || f.key === 'version') return null;
  if (c.type === 'rag') return RAG_CHOICES;
  if (c.type === 'checkbox') return YES_NO_CHOICES;
  if ((c.type === 'select' || c.type === 'multiselect') && Array.isArray(c.options) && c.options.length > 0 && !c.allowNew) return c.options;
  return null;
}

/** The pieces of a cell a field's values are matched one by one: a multi-valued cell's items. */
function pieces(f: ExchangeField, text: string): string[] {
  const t = text.trim();
  if (f.col.type !== 'multiselect') return t ? [t] : [];
  return t
    .split(/[;\n\r]+/)
    .flatMap((chunk) => chunk.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Our value for a word the field's options do not hold as such: a synonym from the vocabulary
 * ("Genehmigt" → approved, "grün" → G), or an option that differs only by accents or punctuation
 * ("Eleve" for a custom option "Élevé"). Undefined when there is none.
 */
export function vocabularyValue(f: ExchangeField, text: string, kind?: ImportKind): string | undefined {
  const options = fixedOptions(f);
  if (!options) return undefined;
  const vocab = vocabularyOf(f.key, f.col.type, kind);
  const v = vocab ? lookupValue(vocab, text) : undefined;
  if (v !== undefined && options.some((o) => o.value === v)) return v;
  const k = valueKey(text);
  const loose = options.filter((o) => valueKey(o.label) === k || valueKey(o.value) === k);
  return loose.length === 1 ? loose[0]!.value : undefined;
}

/** What one source value is read as without a choice. */
export function suggestValue(f: ExchangeField, text: string, kind?: ImportKind): { suggested: string | null; how: ValueHow } {
  const options = fixedOptions(f) ?? [];
  const k = matchKey(text);
  const exact = options.find((o) => o.value === text) ?? options.find((o) => matchKey(o.label) === k || matchKey(o.value) === k);
  if (exact) return { suggested: exact.value, how: 'exact' };
  const v = vocabularyValue(f, text, kind);
  return v !== undefined ? { suggested: v, how: 'synonym' } : { suggested: null, how: 'unknown' };
}

/** Distinct texts of every column of a sheet's data rows (rows in `skip` left out). */
export function columnValues(sheet: SourceSheet, firstRow: number, lastRow: number, skip: ReadonlySet<number>, columns: readonly number[]): ColumnValues[] {
  const maps = new Map<number, Map<string, number> | null>(columns.map((c) => [c, new Map()]));
  // Columns still followed; one past TRACKED distinct values drops out (names, dates, amounts).
  let active = columns.map((c) => ({ c, m: maps.get(c)! }));
  for (let r = firstRow; r <= lastRow && active.length > 0; r++) {
    if (skip.has(r)) continue;
    const line = sheet.rows[r];
    if (!line) continue;
    let dropped = false;
    for (const a of active) {
      const cell: SourceCell | undefined = line[a.c];
      if (cell === null || cell === undefined) continue;
      const t = cellText(cell).trim();
      if (!t) continue;
      const n = a.m.get(t);
      if (n !== undefined) a.m.set(t, n + 1);
      else if (a.m.size >= TRACKED) {
        maps.set(a.c, null);
        dropped = true;
      } else a.m.set(t, 1);
    }
    if (dropped) active = active.filter((a) => maps.get(a.c) !== null);
  }
  return columns.map((column) => {
    const m = maps.get(column);
    if (!m) return { column, values: [], overflow: true as const };
    return { column, values: [...m].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)) };
  });
}

const HOW_ORDER: Record<ValueHow, number> = { unknown: 0, synonym: 1, exact: 2 };

/** The value choices of every mapped column whose field has fixed values. */
export function valueChoicesFor(kind: ImportKind, columns: readonly { column: number; field: string | null }[], values: readonly ColumnValues[], fields: readonly ExchangeField[]): FieldValueChoices[] {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const byColumn = new Map(values.map((v) => [v.column, v]));
  const out: FieldValueChoices[] = [];
  for (const c of columns) {
    const f = c.field ? byKey.get(c.field) : undefined;
    if (!f || !fixedOptions(f)) continue;
    const cv = byColumn.get(c.column);
    if (!cv) continue;
    if (cv.overflow) {
      out.push({ field: f.key, column: c.column, values: [], more: 0, tooMany: true });
      continue;
    }
    const counts = new Map<string, number>();
    for (const v of cv.values) for (const p of pieces(f, v.text)) counts.set(p, (counts.get(p) ?? 0) + v.count);
    const all: ValueChoice[] = [...counts].map(([source, count]) => ({ source, count, ...suggestValue(f, source, kind) }));
    all.sort((a, b) => HOW_ORDER[a.how] - HOW_ORDER[b.how] || b.count - a.count || a.source.localeCompare(b.source));
    out.push({ field: f.key, column: c.column, values: all.slice(0, LISTED), more: Math.max(0, all.length - LISTED) });
  }
  return out;
}

export type ValueMap = Record<string, string | null>;

/**
 * The user's choices for one field as a function of a cell: the text to convert instead (our
 * option value), null to leave the field empty, or undefined when no choice covers the cell.
 * A choice is found by the cell's trimmed text, else by its valueKey ("in flight" = "In Flight").
 */
export function valueMapper(f: ExchangeField, map: ValueMap | undefined): ((cell: SourceCell) => string | null | undefined) | null {
  if (!map) return null;
  const entries = Object.entries(map);
  if (entries.length === 0) return null;
  const exact = new Map(entries);
  const loose = new Map<string, string | null>();
  for (const [k, v] of entries) if (!loose.has(valueKey(k))) loose.set(valueKey(k), v);
  const one = (t: string): string | null | undefined => (exact.has(t) ? exact.get(t)! : loose.get(valueKey(t)));
  return (cell) => {
    if (cell === null) return undefined;
    const text = cellText(cell).trim();
    if (!text) return undefined;
    if (f.col.type !== 'multiselect') return one(text);
    const parts = pieces(f, text);
    const mapped = parts.map(one);
    if (mapped.every((m) => m === undefined)) return undefined;
    const kept = parts.flatMap((p, i) => (mapped[i] === undefined ? [p] : mapped[i] === null ? [] : [mapped[i]!]));
    return kept.length ? kept.join('; ') : null;
  };
}
