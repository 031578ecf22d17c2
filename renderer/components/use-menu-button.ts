// A button that opens a menu, as desktop menus behave: focus moves into the menu when it opens,
// a click outside closes it, arrows / Home / End move through its items, Esc and Tab close it and
// return focus to the button, and choosing an item closes it first.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

const ITEMS = '[role="menuitem"]:not([disabled]), [role="menuitemradio"]';

export function useMenuButton() {
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>(ITEMS)?.focus();
    const close = (e: MouseEvent) => {
      if (!menuRef.current?.contains(e.target as Node) && !buttonRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  /** Closes the menu, gives focus back to its button, then runs the item's action. */
  const choose = <T,>(run: (value: T) => void, value: T) => {
    setOpen(false);
    buttonRef.current?.focus();
    run(value);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
    else if (e.key === 'Home') items[0]?.focus();
    else if (e.key === 'End') items[items.length - 1]?.focus();
    else if (e.key === 'Escape' || e.key === 'Tab') {
      setOpen(false);
      buttonRef.current?.focus();
    } else return;
    e.preventDefault();
  };

  return { open, setOpen, menuRef, buttonRef, choose, onKeyDown };
}
