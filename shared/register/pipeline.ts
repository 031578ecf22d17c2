// The register's rows: archived records out, filters, quick search, multi-key sort, groups with exact subtotals.
import type { BuiltRows, ColumnContext, ColumnDef, ColumnType, DisplayRow, Filter, ViewState } from './types';
import { collatorFor, columnOptions, formatCell, isBlank, MULTI_TYPES, withOptionCache } from './convert';
import { sumMoney } from '../util/money';

export interface BuildOptions<R> {
  isArchived?: (record: R) => boolean;
}

const UNSET: unique symbol = Symbol('unset');
type Slot<T> = T | typeof UNSET;

/**
 * Per-record values and display texts, computed at most once per build and only for the
 * columns and records that need them (a filter that keeps 1 % spares the later work on the rest).
 */
class Cells<R> {
  private readonly values = new Map<ColumnDef<R>, Slot<unknown>[]>();
  private readonly texts = new Map<ColumnDef<R>, Slot<string>[]>();

  constructor(
    readonly records: readonly R[],
    readonly ctx: ColumnContext,
  ) {}

  value(col: ColumnDef<R>, i: number): unknown {
    let arr = this.values.get(col);
    if (!arr) this.values.set(col, (arr = new Array<Slot<unknown>>(this.records.length).fill(UNSET)));
    const v = arr[i];
    if (v !== UNSET) return v;
    const computed = col.get(this.records[i]!, this.ctx);
    arr[i] = computed;
    return computed;
  }

  /** Display text, lower-cased: what filters and search compare against. */
  text(col: ColumnDef<R>, i: number): string {
    let arr = this.texts.get(col);
    if (!arr) this.texts.set(col, (arr = new Array<Slot<string>>(this.records.length).fill(UNSET)));
    const t = arr[i];
    if (t !== UNSET && t !== undefined) return t;
    const computed = formatCell(col, this.value(col, i), this.ctx, 'display').toLowerCase();
    arr[i] = computed;
    return computed;
  }
}

/** A value as a set-filter and group key: strings as they are, numbers and booleans as text. */
export function valueKey(value: unknown): string | null {
  if (isBlank(value)) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The keys a value files under: one per distinct member for multi-valued columns, [null] when blank. */
function keysOf(type: ColumnType, value: unknown): (string | null)[] {
  if (MULTI_TYPES.has(type) || Array.isArray(value)) {
    const list = Array.isArray(value) ? [...new Set(value.map(valueKey).filter((k): k is string => k !== null))] : [valueKey(value)].filter((k): k is string => k !== null);
    return list.length ? list : [null];
  }
  return [valueKey(value)];
}

// ---------------------------------------------------------------------------------------------
// Filters and search.

type Predicate = (i: number) => boolean;

function compileFilter<R>(f: Filter, col: ColumnDef<R>, cells: Cells<R>): Predicate | null {
  switch (f.kind) {
    case 'text': {
      if (f.op === 'blank') return (i) => isBlank(cells.value(col, i));
      if (f.op === 'notBlank') return (i) => !isBlank(cells.value(col, i));
      const needle = (f.value ?? '').trim().toLowerCase();
      if (needle === '') return null;
      return f.op === 'equals' ? (i) => cells.text(col, i).trim() === needle : (i) => cells.text(col, i).includes(needle);
    }
    case 'number': {
      const min = f.min ?? null;
      const max = f.max ?? null;
      if (min === null && max === null) return null;
      return (i) => {
        const v = cells.value(col, i);
        return typeof v === 'number' && (min === null || v >= min) && (max === null || v <= max);
      };
    }
    case 'date': {
      const from = f.from ?? null;
      const to = f.to ?? null;
      if (from === null && to === null) return null;
      // ISO dates compare as strings.
      return (i) => {
        const v = cells.value(col, i);
        return typeof v === 'string' && v !== '' && (from === null || v >= from) && (to === null || v <= to);
      };
    }
    case 'set': {
      const wanted = new Set(f.values);
      return (i) => keysOf(col.type, cells.value(col, i)).some((k) => wanted.has(k));
    }
  }
}

/** Hidden in the view: explicitly, or by default when the view does not list the column. */
export function isHidden<R>(col: ColumnDef<R>, state: ViewState): boolean {
  const s = state.columns.find((c) => c.id === col.id);
  return s?.hidden ?? col.hiddenByDefault ?? false;
}

// Row texts for quick search, kept across builds: typing a search rebuilds on every key, and
// formatting 400,000 cells is most of a build. Keyed by the caller's context (rebuilt whenever
// the workbook changes), the visible columns and the record object (replaced, never mutated, on
// write), so a stale text cannot be found.
const searchTexts = new WeakMap<ColumnContext, Map<string, WeakMap<object, string>>>();

function compileSearch<R extends { id: string }>(search: string, columns: readonly ColumnDef<R>[], state: ViewState, cells: Cells<R>, cacheKey: ColumnContext): Predicate | null {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const visible = columns.filter((c) => !isHidden(c, state));
  let byColumns = searchTexts.get(cacheKey);
  if (!byColumns) searchTexts.set(cacheKey, (byColumns = new Map()));
  const signature = visible.map((c) => c.id).join('\u0000');
  let texts = byColumns.get(signature);
  if (!texts) byColumns.set(signature, (texts = new WeakMap()));
  const cache = texts;
  const { ctx, records } = cells;
  return (i) => {
    const record = records[i]!;
    let row = cache.get(record);
    if (row === undefined) {
      row = '';
      // A separator no one types, so a word never matches across two cells.
      for (const c of visible) row = row + formatCell(c, cells.value(c, i), ctx, 'display') + '\u0000';
      row = row.toLowerCase();
      cache.set(record, row);
    }
    for (const w of words) if (!row.includes(w)) return false;
    return true;
  };
}

// ---------------------------------------------------------------------------------------------
// Sorting. Every key becomes a number per record (or null for blank) once, so the sort itself
// compares numbers; text is ranked by sorting its distinct values with the locale's collator.

type Ranked = (number | null)[];

const RAG_ORDER: Record<string, number> = { R: 0, A: 1, G: 2 };
const NUMERIC: ReadonlySet<ColumnType> = new Set(['number', 'integer', 'money', 'percent']);

/** Text keys → ranks by collation (equal under the collator = equal rank). */
function rankTexts(texts: (string | null)[], collator: Intl.Collator, preferred?: Map<string, number>): Ranked {
  const distinct = [...new Set(texts.filter((t): t is string => t !== null))].map((text) => ({ text, pref: preferred?.get(text) ?? Number.POSITIVE_INFINITY }));
  const cmp = (a: { text: string; pref: number }, b: { text: string; pref: number }) => (a.pref === b.pref ? collator.compare(a.text, b.text) : a.pref - b.pref);
  distinct.sort(cmp);
  const rank = new Map<string, number>();
  let r = 0;
  for (let k = 0; k < distinct.length; k++) {
    if (k > 0 && cmp(distinct[k - 1]!, distinct[k]!) !== 0) r++;
    rank.set(distinct[k]!.text, r);
  }
  return texts.map((t) => (t === null ? null : rank.get(t)!));
}

/** Sort ranks of `col` for the values given (one per record or group). */
function rankValues<R>(col: ColumnDef<R>, values: unknown[], ctx: ColumnContext, collator: Intl.Collator): Ranked {
  if (NUMERIC.has(col.type)) return values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null));
  if (col.type === 'checkbox') return values.map((v) => (v === true ? 1 : v === false ? 0 : null));
  if (col.type === 'rag') return values.map((v) => (typeof v === 'string' ? (RAG_ORDER[v] ?? 3) : null));
  if (col.type === 'date') {
    // ISO strings sort as dates: plain code-unit order, no collator.
    const distinct = [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))].sort();
    const rank = new Map(distinct.map((d, k) => [d, k]));
    return values.map((v) => (typeof v === 'string' && v !== '' ? rank.get(v)! : null));
  }
  // Select choices sort in their own order (Idea before Closed), not alphabetically.
  const options = col.type === 'select' || col.type === 'multiselect' ? columnOptions(col, ctx) : undefined;
  const preferred = Array.isArray(col.options) && options ? new Map(options.map((o, k) => [o.label, k])) : undefined;
  const texts = values.map((v) => (isBlank(v) ? null : formatCell(col, v, ctx, 'display')));
  return rankTexts(texts, collator, preferred);
}

function compareRanked(a: number | null, b: number | null, desc: boolean): number {
  if (a === b) return 0;
  // Blanks last whatever the direction.
  if (a === null) return 1;
  if (b === null) return -1;
  return desc ? b - a : a - b;
}

function tieBreakers<R>(records: readonly R[], order: number[], collator: Intl.Collator): Ranked[] {
  const field = (name: string) => order.map((i) => {
    const v = (records[i] as Record<string, unknown>)[name];
    return typeof v === 'string' && v !== '' ? v : null;
  });
  // Ids are compared by code unit, not collated: they are unique and carry no language.
  const ids = order.map((i) => String((records[i] as Record<string, unknown>)['id']));
  const idRank = new Map([...ids].sort().map((id, k) => [id, k]));
  return [rankTexts(field('code'), collator), rankTexts(field('name'), collator), ids.map((id) => idRank.get(id)!)];
}

// ---------------------------------------------------------------------------------------------

/**
 * The rows the register shows for a view. Pure and synchronous; 10,000 records × 40 columns
 * filter, sort and group in a few tens of milliseconds because each cell's value and text are
 * computed once and sorting compares precomputed ranks.
 */
export function buildRows<R extends { id: string }>(
  records: readonly R[],
  columns: readonly ColumnDef<R>[],
  state: ViewState,
  context: ColumnContext,
  collapsed: ReadonlySet<string>,
  opts: BuildOptions<R> = {},
): BuiltRows<R> {
  const ctx = withOptionCache(context);
  const colById = new Map(columns.map((c) => [c.id, c]));
  const isArchived = opts.isArchived;
  const base = state.showArchived || !isArchived ? records : records.filter((r) => !isArchived(r));
  const cells = new Cells(base, ctx);
  const collator = collatorFor(ctx.settings.locale);

  // Filters, then search: each narrows the indexes the next one looks at.
  const predicates: Predicate[] = [];
  for (const f of state.filters) {
    const col = colById.get(f.col);
    const p = col ? compileFilter(f, col, cells) : null;
    if (p) predicates.push(p);
  }
  const search = compileSearch(state.search, columns, state, cells, context);
  if (search) predicates.push(search);
  let order: number[] = base.map((_, i) => i);
  for (const p of predicates) order = order.filter(p);

  // Sort.
  const keys = state.sort.flatMap((k) => {
    const col = colById.get(k.col);
    return col ? [{ col, desc: k.dir === 'desc' }] : [];
  });
  if (keys.length > 0 && order.length > 1) {
    const ranked = keys.map((k) => rankValues(k.col, order.map((i) => cells.value(k.col, i)), ctx, collator));
    // Ranking codes and names costs two collated sorts: only done once a tie needs them.
    let ties: Ranked[] | null = null;
    const positions = order.map((_, j) => j);
    positions.sort((x, y) => {
      for (let k = 0; k < keys.length; k++) {
        const r = ranked[k]!;
        const c = compareRanked(r[x]!, r[y]!, keys[k]!.desc);
        if (c !== 0) return c;
      }
      ties ??= tieBreakers(base, order, collator);
      for (const r of ties) {
        const c = compareRanked(r[x]!, r[y]!, false);
        if (c !== 0) return c;
      }
      return x - y;
    });
    const sorted = order;
    order = positions.map((j) => sorted[j]!);
  }

  const groupCol = state.groupBy ? colById.get(state.groupBy) : undefined;
  if (!groupCol || !groupCol.groupable) {
    return { rows: order.map((i) => ({ kind: 'record', rowId: base[i]!.id, id: base[i]!.id, record: base[i]! })), shown: order.length, total: base.length };
  }
  return { rows: groupRows(groupCol, order, cells, columns, state, collapsed, collator), shown: order.length, total: base.length };
}

function groupRows<R extends { id: string }>(
  col: ColumnDef<R>,
  order: number[],
  cells: Cells<R>,
  columns: readonly ColumnDef<R>[],
  state: ViewState,
  collapsed: ReadonlySet<string>,
  collator: Intl.Collator,
): DisplayRow<R>[] {
  const multi = MULTI_TYPES.has(col.type);
  const groups = new Map<string | null, { key: string | null; sample: unknown; members: number[] }>();
  for (const i of order) {
    const v = cells.value(col, i);
    for (const key of keysOf(col.type, v)) {
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { key, sample: multi ? (key === null ? [] : [key]) : v, members: [] }));
      g.members.push(i);
    }
  }

  // Groups follow the column's own order (choices in their order, dates by date), in the
  // direction the view sorts that column if it does; the blank group comes last.
  const list = [...groups.values()];
  const ranks = rankValues(col, list.map((g) => g.sample), cells.ctx, collator);
  const desc = state.sort.find((k) => k.col === col.id)?.dir === 'desc';
  const idx = list.map((_, k) => k);
  idx.sort((a, b) => compareRanked(ranks[a]!, ranks[b]!, desc) || a - b);

  const summed = columns.filter((c) => c.aggregate === 'sum');
  const rows: DisplayRow<R>[] = [];
  for (const k of idx) {
    const g = list[k]!;
    const rowId = `group:${g.key ?? ''}`;
    const isCollapsed = collapsed.has(rowId);
    const totals: Record<string, number> = {};
    for (const c of summed) totals[c.id] = total(c, g.members, cells);
    rows.push({
      kind: 'group',
      rowId,
      key: g.key,
      label: g.key === null ? `(No ${col.header})` : formatCell(col, g.sample, cells.ctx, 'display'),
      count: g.members.length,
      totals,
      collapsed: isCollapsed,
    });
    if (isCollapsed) continue;
    for (const i of g.members) {
      const record = cells.records[i]!;
      rows.push({ kind: 'record', rowId: multi ? `${record.id}@${g.key ?? ''}` : record.id, id: record.id, record });
    }
  }
  return rows;
}

/** Money adds up exactly in minor units; other numbers lose the binary noise of float addition. */
function total<R>(col: ColumnDef<R>, members: number[], cells: Cells<R>): number {
  const nums: number[] = [];
  for (const i of members) {
    const v = cells.value(col, i);
    if (typeof v === 'number' && Number.isFinite(v)) nums.push(v);
  }
  if (col.type === 'money') {
    try {
      return sumMoney(nums);
    } catch {
      return Number.NaN; // beyond exact addition: shown as such rather than as a wrong figure
    }
  }
  let sum = 0;
  for (const n of nums) sum += n;
  return Number(sum.toPrecision(15));
}
