// Cell editors. Each reports an EditValue: text to be parsed by the register's converter (the
// same path as paste), or a typed value picked from a list. Text editors show the workbook's
// formats (dates in its date order, plain amounts), so what is typed is read back exactly.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';
import type { ColumnContext, ColumnDef } from '../../../shared/register/types';
import { choicesOf, formatCell } from '../../../shared/register/convert';
import { typeaheadMatch } from './typeahead';

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

/**
 * A list of choices: select, RAG, reference, yes/no. Picking one saves it. Letters typed pick the
 * first choice they start, the one that opened the editor included ("l" on Priority picks Low),
 * and each further letter narrows the pick, as in Excel's drop-down lists; Enter saves.
 */
export function SelectEditor(props: Props) {
  const { def, ctx, onValueChange, stopEditing } = props;
  const options = choicesOf(def, ctx);
  const blank = !def.required && def.type !== 'checkbox';
  const current = props.initialValue == null ? '' : String(props.initialValue);
  const ref = useRef<HTMLSelectElement>(null);
  const type = def.type;
  const report = useCallback((v: string) => onValueChange({ kind: 'value', value: type === 'checkbox' ? v === 'true' : v === '' ? null : v } satisfies EditValue), [onValueChange, type]);
  // The letter that opened the editor picks the first choice it starts (kept when none does).
  const [start] = useState(() => {
    const key = props.eventKey && props.eventKey.length === 1 && props.eventKey !== ' ' ? props.eventKey : '';
    const values = [...(blank ? [''] : []), ...options.map((o) => o.value)];
    const i = typeaheadMatch([...(blank ? ['(blank)'] : []), ...options.map((o) => o.label)], key);
    return i >= 0 ? { value: values[i]!, typed: key } : null;
  });
  const typed = useRef(start?.typed ?? '');
  useEffect(() => {
    ref.current?.focus();
  }, []);
  useEffect(() => {
    if (start) report(start.value);
  }, [start, report]);
  /** Selects the first choice `text` picks; false when none does (the selection stays). */
  const pick = (text: string): boolean => {
    const el = ref.current;
    const list = el ? [...el.options] : [];
    const i = typeaheadMatch(list.map((o) => o.text), text);
    if (!el || i < 0) return false;
    el.selectedIndex = i;
    report(el.value);
    return true;
  };
  return (
    <select
      ref={ref}
      className="cell-select"
      aria-label={`Choose ${def.header}`}
      aria-description="Type letters to pick a choice, Enter to save, Esc to cancel"
      defaultValue={start ? start.value : current}
      size={Math.min(10, options.length + (blank ? 1 : 0))}
      onChange={(e) => {
        typed.current = '';
        report(e.target.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.stopPropagation();
          stopEditing();
          return;
        }
        if (e.ctrlKey || e.metaKey || e.altKey) return;
        if (e.key.length === 1 && e.key !== ' ') {
          // Our own type-ahead: the browser's would start again from this letter alone.
          e.preventDefault();
          e.stopPropagation();
          const next = typed.current + e.key;
          if (pick(next)) typed.current = next;
        } else if (e.key === 'Backspace' && typed.current) {
          e.preventDefault();
          e.stopPropagation();
          typed.current = typed.current.slice(0, -1);
          if (typed.current) pick(typed.current);
        }
      }}
      onClick={(e) => {
        if ((e.target as HTMLElement).tagName === 'OPTION') setTimeout(() => stopEditing(), 0);
      }}
    >
      {blank && <option value="">(blank)</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
