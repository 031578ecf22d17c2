// Cell editors. Each reports an EditValue: text to be parsed by the register's converter (the
// same path as paste), or a typed value picked from a list. Text editors show the workbook's
// formats (dates in its date order, plain amounts), so what is typed is read back exactly.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';
import type { ColumnContext, ColumnDef } from '../../../shared/register/types';
import { choicesOf, formatCell } from '../../../shared/register/convert';

export type EditValue = { kind: 'text'; text: string } | { kind: 'value'; value: unknown };

export interface EditorParams {
  def: ColumnDef<never>;
  ctx: ColumnContext;
}

type Props = CustomCellEditorProps & EditorParams;

const DATE_PATTERNS = { DMY: 'dd/mm/yyyy', MDY: 'mm/dd/yyyy', YMD: 'yyyy-mm-dd' } as const;

/** What the editor starts with: the typed character, nothing (Backspace), or the current value. */
function startText(props: Props): string {
  const key = props.eventKey;
  if (key && key.length === 1) return key;
  if (key === 'Backspace') return '';
  return formatCell(props.def, props.initialValue ?? null, props.ctx, 'edit');
}

export function TextEditor(props: Props) {
  const [text, setText] = useState(() => startText(props));
  const ref = useRef<HTMLInputElement>(null);
  const { onValueChange } = props;
  useEffect(() => {
    onValueChange({ kind: 'text', text } satisfies EditValue);
  }, [text, onValueChange]);
  useEffect(() => {
    const el = ref.current!;
    el.focus();
    if (props.eventKey && props.eventKey.length === 1) el.setSelectionRange(el.value.length, el.value.length);
    else el.select();
  }, [props.eventKey]);
  const type = props.def.type;
  const listId = `dl-${props.def.id}`;
  const options = type === 'person' ? props.ctx.options('person') : null;
  return (
    <div className="cell-editor">
      <input
        ref={ref}
        className={`cell-input ${['number', 'integer', 'money', 'percent'].includes(type) ? 'num' : ''}`}
        aria-label={`Edit ${props.def.header}`}
        value={text}
        placeholder={type === 'date' ? DATE_PATTERNS[props.ctx.settings.dateOrder] : type === 'references' || type === 'multiselect' ? 'Values separated by ;' : undefined}
        list={options ? listId : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      {type === 'date' && (
        <input
          type="date"
          className="date-picker"
          aria-label={`Pick ${props.def.header}`}
          tabIndex={-1}
          onChange={(e) => {
            if (!e.target.value) return;
            setText(formatCell(props.def, e.target.value, props.ctx, 'edit'));
            ref.current?.focus();
          }}
        />
      )}
      {options && (
        <datalist id={listId}>
          {options.slice(0, 500).map((o) => (
            <option key={o.value} value={o.label} />
          ))}
        </datalist>
      )}
    </div>
  );
}

export function TextAreaEditor(props: Props) {
  const [text, setText] = useState(() => startText(props));
  const { onValueChange } = props;
  useEffect(() => {
    onValueChange({ kind: 'text', text } satisfies EditValue);
  }, [text, onValueChange]);
  const onKeyDown = (e: KeyboardEvent) => {
    // Enter makes a new line, as in a spreadsheet cell with Alt+Enter; Ctrl+Enter or Tab saves.
    if (e.key === 'Enter' && !(e.ctrlKey || e.metaKey)) e.stopPropagation();
  };
  return (
    <div className="cell-popup">
      <textarea autoFocus aria-label={`Edit ${props.def.header}`} rows={6} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} />
      <div className="hint">Ctrl+Enter to save, Esc to cancel</div>
    </div>
  );
}

/** A list of choices: select, RAG, reference, yes/no. Picking one saves it. */
export function SelectEditor(props: Props) {
  const { def, ctx, onValueChange, stopEditing } = props;
  const options = choicesOf(def, ctx);
  const current = props.initialValue == null ? '' : String(props.initialValue);
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <select
      ref={ref}
      className="cell-select"
      aria-label={`Choose ${def.header}`}
      defaultValue={current}
      size={Math.min(10, options.length + (def.required ? 0 : 1))}
      onChange={(e) => {
        const v = e.target.value;
        onValueChange({ kind: 'value', value: def.type === 'checkbox' ? v === 'true' : v === '' ? null : v } satisfies EditValue);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.stopPropagation();
          stopEditing();
        }
      }}
      onClick={(e) => {
        if ((e.target as HTMLElement).tagName === 'OPTION') setTimeout(() => stopEditing(), 0);
      }}
    >
      {!def.required && def.type !== 'checkbox' && <option value="">(blank)</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
