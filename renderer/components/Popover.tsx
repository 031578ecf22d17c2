// A small panel anchored under a button or header; closes on Esc or a click outside. Focus moves
// into it when it opens and goes back to its anchor when it closes with focus inside (Esc, or
// an action such as Apply), so a keyboard user carries on where they were.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export function Popover({ anchor, onClose, label, children, width = 300 }: { anchor: HTMLElement; onClose: () => void; label: string; children: ReactNode; width?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  // Callers pass a new onClose on each render: read through a ref so the listeners stay put.
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });
  // Placed once, under its anchor, when it opens.
  const [pos] = useState(() => {
    const r = anchor.getBoundingClientRect();
    return { top: r.bottom + 4, left: Math.max(8, Math.min(r.left, window.innerWidth - width - 12)) };
  });
  useEffect(() => {
    const panel = ref.current;
    const onDown = (e: MouseEvent) => {
      if (!panel?.contains(e.target as Node) && !anchor.contains(e.target as Node)) closeRef.current();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        closeRef.current();
        anchor.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey, true);
    panel?.querySelector<HTMLElement>('input, select, button, textarea')?.focus();
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey, true);
      // Closed with focus inside (or lost with the panel): back to the anchor. A click elsewhere keeps its focus.
      const active = document.activeElement;
      if ((!active || active === document.body || panel?.contains(active)) && anchor.isConnected) anchor.focus();
    };
  }, [anchor]);
  return createPortal(
    <div ref={ref} className="popover" role="dialog" aria-label={label} style={{ top: pos.top, left: pos.left, width }}>
      {children}
    </div>,
    document.body,
  );
}
