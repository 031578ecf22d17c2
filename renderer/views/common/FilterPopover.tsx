// Edits the filter of one column: text (contains, equals, blank), a number or money range, a
// date range, or a set of values with checkboxes.
import { useMemo, useState } from 'react';
import { Popover } from '../../components/Popover';
import type { ColumnContext, ColumnDef, Filter } from '../../../shared/register/types';
import { choicesOf, formatCell, parseCell } from '../../../shared/register/convert';
import { withFilter } from '../../../shared/register/view-state';
import type { WorkingView } from './use-working-view';
import type { LooseRecord as Rec } from '../../../shared/model/record';

type Def = ColumnDef<Rec>;
const RANGE_TYPES = new Set(['number', 'integer', 'money', 'percent']);
const SET_TYPES = new Set(['select', 'multiselect', 'rag', 'reference', 'references', 'checkbox', 'person']);

export function filterKind(def: Def): Filter['kind'] {
  if (RANGE_TYPES.has(def.type)) return 'number';
  if (def.type === 'date') return 'date';
  if (SET_TYPES.has(def.type)) return 'set';
  return 'text';
}

/** Human text of a filter, for its chip: "Stage: Idea, Proposed". */
export function describeFilter(f: Filter, def: Def, ctx: ColumnContext): string {
  const fmt = (v: unknown) => formatCell(def, v, ctx, 'display');
  switch (f.kind) {
    case 'text':
      return f.op === 'blank' ? `${def.header} is blank` : f.op === 'notBlank' ? `${def.header} is not blank` : `${def.header} ${f.op === 'equals' ? '=' : 'contains'} “${f.value ?? ''}”`;
    case 'number':
      return f.min != null && f.max != null ? `${def.header} ${fmt(f.min)} – ${fmt(f.max)}` : f.min != null ? `${def.header} ≥ ${fmt(f.min)}` : `${def.header} ≤ ${fmt(f.max)}`;
    case 'date':
      return f.from && f.to ? `${def.header} ${fmt(f.from)} – ${fmt(f.to)}` : f.from ? `${def.header} from ${fmt(f.from)}` : `${def.header} until ${fmt(f.to)}`;
    case 'set': {
      const opts = choicesOf(def as never, ctx);
      const names = f.values.map((v) => (v === null ? '(Blank)' : (opts.find((o) => o.value === v)?.label ?? v)));
      return `${def.header}: ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` +${names.length - 3}` : ''}`;
    }
  }
}

/** The values a column shows over the records, as text (null for blank), for a set filter's list. */
function valuesOf(records: readonly Rec[], def: Def, ctx: ColumnContext): (string | null)[] {
  return records.map((r) => def.get(r, ctx)).flatMap((v) => (Array.isArray(v) ? v.map(String) : [v == null || v === '' ? null : String(v)]));
}

/** Edits one column's filter; the set of values offered is read from `records` when it opens. */
export function FilterPopover(props: { def: Def; ctx: ColumnContext; anchor: HTMLElement; current: Filter | undefined; records: readonly Rec[]; onApply: (f: Filter | null) => void; onClose: () => void }) {
  const { def, ctx, current } = props;
  const kind = filterKind(def);
  const [op, setOp] = useState<'contains' | 'equals' | 'blank' | 'notBlank'>(current?.kind === 'text' ? current.op : 'contains');
  const [text, setText] = useState(current?.kind === 'text' ? (current.value ?? '') : '');
  const fmt = (v: unknown) => (v == null ? '' : formatCell(def, v, ctx, 'edit'));
  const [lo, setLo] = useState(current?.kind === 'number' ? fmt(current.min) : current?.kind === 'date' ? fmt(current.from) : '');
  const [hi, setHi] = useState(current?.kind === 'number' ? fmt(current.max) : current?.kind === 'date' ? fmt(current.to) : '');
  const [error, setError] = useState<string | null>(null);
  const choices = useMemo(() => {
    if (kind !== 'set') return [];
    const opts = choicesOf(def as never, ctx);
    const seen = valuesOf(props.records, def, ctx);
    const list = opts.length && def.type !== 'person' ? opts.map((o) => ({ value: o.value, label: o.label })) : [...new Set(seen.filter((v): v is string => v !== null))].sort().map((v) => ({ value: v, label: v }));
    return [...list, { value: null, label: '(Blank)' }];
  }, [kind, def, ctx, props]);
  const [picked, setPicked] = useState<Set<string | null>>(new Set(current?.kind === 'set' ? current.values : []));

  const apply = () => {
    if (kind === 'text') return props.onApply(op === 'blank' || op === 'notBlank' ? { col: def.id, kind: 'text', op } : text.trim() ? { col: def.id, kind: 'text', op, value: text.trim() } : null);
    if (kind === 'set') return props.onApply(picked.size ? { col: def.id, kind: 'set', values: [...picked] } : null);
    const parse = (s: string) => {
      if (!s.trim()) return { ok: true as const, value: null };
      return parseCell({ ...def, required: false }, s, ctx);
    };
    const a = parse(lo);
    const b = parse(hi);
    if (!a.ok || !b.ok) return setError(`${!a.ok ? 'From' : 'To'}: ${(!a.ok ? a : b as { reason: string }).reason}`);
    if (a.value == null && b.value == null) return props.onApply(null);
    if (kind === 'number') props.onApply({ col: def.id, kind: 'number', min: a.value as number | null, max: b.value as number | null });
    else props.onApply({ col: def.id, kind: 'date', from: a.value as string | null, to: b.value as string | null });
  };

  return (
    <Popover anchor={props.anchor} onClose={props.onClose} label={`Filter ${def.header}`}>
      <form
        className="filter-form"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <h3>Filter: {def.header}</h3>
        {kind === 'text' && (
          <>
            <select aria-label="Condition" value={op} onChange={(e) => setOp(e.target.value as typeof op)}>
              <option value="contains">contains</option>
              <option value="equals">equals</option>
              <option value="blank">is blank</option>
              <option value="notBlank">is not blank</option>
            </select>
            {(op === 'contains' || op === 'equals') && <input aria-label="Text" value={text} onChange={(e) => setText(e.target.value)} />}
          </>
        )}
        {(kind === 'number' || kind === 'date') && (
          <div className="range-inputs">
            <label>
              From <input aria-label="From" value={lo} onChange={(e) => setLo(e.target.value)} placeholder={kind === 'date' ? 'any' : 'min'} />
            </label>
            <label>
              To <input aria-label="To" value={hi} onChange={(e) => setHi(e.target.value)} placeholder={kind === 'date' ? 'any' : 'max'} />
            </label>
          </div>
        )}
        {kind === 'set' && (
          <div className="set-list" role="group" aria-label="Values">
            {choices.map((c) => (
              <label key={c.value ?? '(blank)'} className="check-row">
                <input
                  type="checkbox"
                  checked={picked.has(c.value)}
                  onChange={(e) => {
                    const next = new Set(picked);
                    if (e.target.checked) next.add(c.value);
                    else next.delete(c.value);
                    setPicked(next);
                  }}
                />
                <span>{c.label}</span>
              </label>
            ))}
          </div>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="row end">
          {current && (
            <button type="button" onClick={() => props.onApply(null)}>
              Clear filter
            </button>
          )}
          <button type="submit" className="primary">
            Apply
          </button>
        </div>
      </form>
    </Popover>
  );
}

/**
 * The active filters as chips above a view (the register and the roadmap): click one to edit it,
 * × to remove it, or clear them all.
 */
export function FilterChips(props: { filters: readonly Filter[]; defById: ReadonlyMap<string, Def>; ctx: ColumnContext; onEdit: (col: string, anchor: HTMLElement) => void; onRemove: (col: string) => void; onClear: () => void }) {
  if (!props.filters.length) return null;
  return (
    <div className="filter-chips" aria-label="Filters">
      {props.filters.map((f) => {
        const def = props.defById.get(f.col);
        if (!def) return null;
        return (
          <span key={f.col} className="chip">
            <button type="button" className="chip-text" onClick={(e) => props.onEdit(f.col, e.currentTarget)}>
              {describeFilter(f, def, props.ctx)}
            </button>
            <button type="button" className="icon" aria-label={`Remove filter on ${def.header}`} onClick={() => props.onRemove(f.col)}>
              ×
            </button>
          </span>
        );
      })}
      <button type="button" className="ghost small" onClick={props.onClear}>
        Clear filters
      </button>
    </div>
  );
}

/** The chips of a working view's filters: × removes one from the view, "Clear filters" all of them. */
export function WorkingFilterChips({ working, defById, ctx, onEdit }: { working: WorkingView; defById: ReadonlyMap<string, Def>; ctx: ColumnContext; onEdit: (col: string, anchor: HTMLElement) => void }) {
  const { view, setView } = working;
  if (!view) return null;
  return <FilterChips filters={view.filters} defById={defById} ctx={ctx} onEdit={onEdit} onRemove={(col) => setView(withFilter(view, col, null))} onClear={() => setView({ ...view, filters: [] })} />;
}
