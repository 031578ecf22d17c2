// What a modal <dialog> needs beyond showModal(): Tab and Shift+Tab wrap inside it (Chromium lets
// Tab leave a modal dialog for the browser's own controls), Esc asks the caller to close it (also
// when the browser closes it without a cancel event, as it does for a second Esc without user
// activation), and focus goes back to the control that had it before the dialog opened.
import { useEffect, useRef, type RefObject } from 'react';
import { tabbables } from './focus';

export function useModalDialog(ref: RefObject<HTMLDialogElement | null>, onCancel: () => void) {
  const cancelRef = useRef(onCancel);
  useEffect(() => {
    cancelRef.current = onCancel;
  });
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (!d.open) d.showModal();
    const cancel = (e: Event) => {
      e.preventDefault();
      cancelRef.current();
    };
    // Not when the caller removed the dialog itself.
    const closed = () => {
      if (d.isConnected) cancelRef.current();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Tab' || e.defaultPrevented) return;
      const list = tabbables(d);
      if (!list.length) return;
      const first = list[0]!;
      const last = list[list.length - 1]!;
      const active = document.activeElement;
      if (e.shiftKey && (active === first || active === d || !d.contains(active))) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (active === last || !d.contains(active))) {
        e.preventDefault();
        first.focus();
      }
    };
    d.addEventListener('cancel', cancel);
    d.addEventListener('close', closed);
    d.addEventListener('keydown', onKey);
    return () => {
      d.removeEventListener('cancel', cancel);
      d.removeEventListener('close', closed);
      d.removeEventListener('keydown', onKey);
      // After the dialog leaves the page (the caller unmounts it), in a task: a menu that opened it
      // may move focus as it closes, and React removes the element after this cleanup.
      if (opener) setTimeout(() => {
        const active = document.activeElement;
        if (opener.isConnected && (!active || active === document.body || !active.isConnected)) opener.focus();
      }, 0);
    };
  }, [ref]);
}
