// Modal dialogs on the native <dialog> element: focus moves in, Tab stays inside, Esc closes and
// focus returns to the control that opened it (use-modal-dialog.ts), as users expect.
import { useId, useRef, useState, type ReactNode } from 'react';
import { useModalDialog } from './use-modal-dialog';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  actions: ReactNode;
  /** Wider dialogs for lists and messages. */
  wide?: boolean;
  role?: 'dialog' | 'alertdialog';
}

export function Dialog({ title, onClose, children, actions, wide, role = 'dialog' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useModalDialog(ref, onClose);
  return (
    <dialog ref={ref} className={wide ? 'dialog wide' : 'dialog'} aria-labelledby={titleId} role={role}>
      <h2 id={titleId}>{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">{actions}</div>
    </dialog>
  );
}

export function PromptDialog(props: { title: string; label: string; initial: string; confirm: string; onSubmit: (value: string) => void; onClose: () => void }) {
  const [value, setValue] = useState(props.initial);
  const inputId = useId();
  const trimmed = value.trim();
  const submit = () => {
    if (trimmed) props.onSubmit(trimmed);
  };
  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      actions={
        <>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" form={`${inputId}-form`} className="primary" disabled={!trimmed}>
            {props.confirm}
          </button>
        </>
      }
    >
      <form
        id={`${inputId}-form`}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label htmlFor={inputId}>{props.label}</label>
        <input id={inputId} autoFocus value={value} maxLength={300} onChange={(e) => setValue(e.target.value)} onFocus={(e) => e.target.select()} />
        {!trimmed && <p className="field-error">A name is required.</p>}
      </form>
    </Dialog>
  );
}

export function ConfirmDialog(props: { title: string; message: ReactNode; confirm: string; danger?: boolean; onConfirm: () => void; onClose: () => void }) {
  return (
    <Dialog
      title={props.title}
      role="alertdialog"
      onClose={props.onClose}
      actions={
        <>
          <button type="button" autoFocus onClick={props.onClose}>
            Cancel
          </button>
          <button type="button" className={props.danger ? 'danger' : 'primary'} onClick={props.onConfirm}>
            {props.confirm}
          </button>
        </>
      }
    >
      {props.message}
    </Dialog>
  );
}

export function MessageDialog(props: { title: string; message: string; onClose: () => void }) {
  return (
    <Dialog
      title={props.title}
      role="alertdialog"
      wide
      onClose={props.onClose}
      actions={
        <button type="button" className="primary" autoFocus onClick={props.onClose}>
          OK
        </button>
      }
    >
      <p className="pre-line">{props.message}</p>
    </Dialog>
  );
}
