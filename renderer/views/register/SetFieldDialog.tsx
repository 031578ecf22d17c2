// Bulk edit: set one field to one value on every selected record, as one undoable step.
import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import type { ColumnContext, ColumnDef } from '../../../shared/register/types';
import { choicesOf, parseCell } from '../../../shared/register/convert';

type Def = ColumnDef<Record<string, unknown> & { id: string }>;
const LIST_TYPES = new Set(['select', 'rag', 'reference', 'checkbox']);

export function SetFieldDialog(props: { columns: Def[]; ctx: ColumnContext; count: number; noun: string; onApply: (col: Def, value: unknown) => void; onClose: () => void }) {
  const editable = props.columns.filter((c) => c.editable && c.field !== 'code');
  const [colId, setColId] = useState(editable[0]?.id ?? '');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const col = editable.find((c) => c.id === colId);
  const submit = () => {
    if (!col) return;
    const parsed = LIST_TYPES.has(col.type) ? { ok: true as const, value: col.type === 'checkbox' ? text === 'true' : text || null } : parseCell(col, text, props.ctx);
    if (!parsed.ok) return setError(parsed.reason);
    props.onApply(col, parsed.value);
  };
  return (
    <Dialog
      title={`Set a field on ${props.count} ${props.noun}`}
      onClose={props.onClose}
      actions={
        <>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" form="set-field-form" className="primary">
            Set on {props.count}
          </button>
        </>
      }
    >
      <form
        id="set-field-form"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label htmlFor="set-field-col">Field</label>
        <select
          id="set-field-col"
          value={colId}
          onChange={(e) => {
            setColId(e.target.value);
            setText('');
            setError(null);
          }}
        >
          {editable.map((c) => (
            <option key={c.id} value={c.id}>
              {c.header}
            </option>
          ))}
        </select>
        <label htmlFor="set-field-value">New value</label>
        {col && LIST_TYPES.has(col.type) ? (
          <select id="set-field-value" value={text} onChange={(e) => setText(e.target.value)}>
            {col.type !== 'checkbox' && <option value="">(blank)</option>}
            {choicesOf(col as never, props.ctx).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : (
          <input id="set-field-value" value={text} onChange={(e) => setText(e.target.value)} placeholder="Leave empty to clear" />
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
