// A small panel anchored under a button or header; closes on Esc or a click outside.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export function Popover({ anchor, onClose, label, children, width = 300 }: { anchor: HTMLElement; onClose: () => void; label: string; children: ReactNode; width?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  // Placed once, under its anchor, when it opens.
  const [pos] = useState(() => {
    const r = anchor.getBoundingClientRect();
    return { top: r.bottom + 4, left: Math.max(8, Math.min(r.left, window.innerWidth - width - 12)) };
  });
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node) && !anchor.contains(e.target as Node)) onClose();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
        anchor.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey, true);
    ref.current?.querySelector<HTMLElement>('input, select, button')?.focus();
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [anchor, onClose]);
  return createPortal(
    <div ref={ref} className="popover" role="dialog" aria-label={label} style={{ top: pos.top, left: pos.left, width }}>
      {children}
    </div>,
    document.body,
  );
}
