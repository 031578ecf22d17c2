// Why a value typed into a cell was refused, shown on screen beside that cell (below it, or above
// when there is no room), so the reason is read where the eye is, not only in a tooltip or by a
// screen reader. It stays until the next action: a key, a click, the wheel, or a move of the
// selection. The cell is described by it (aria-describedby) while it shows.
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { GridUiStore } from './grid-store';

export interface CalloutTarget {
  rowId: string;
  colId: string;
  text: string;
}

const GAP = 6;
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock']);

function cellElement(root: HTMLElement, rowId: string, colId: string): HTMLElement | null {
  const row = CSS.escape(rowId);
  const col = CSS.escape(colId);
  return root.querySelector<HTMLElement>(`.ag-row[row-id="${row}"] .ag-cell[col-id="${col}"]`);
}

export function CellCallout({ target, root, ui, onDismiss }: { target: CalloutTarget; root: () => HTMLElement | null; ui: GridUiStore; onDismiss: () => void }) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ top: number; left: number; above: boolean; arrow: number } | null>(null);
  // The latest callbacks, without placing the callout again on every render of its owner.
  const dismiss = useRef(onDismiss);
  const rootOf = useRef(root);
  useEffect(() => {
    dismiss.current = onDismiss;
    rootOf.current = root;
  });

  // Placed against the cell as drawn; a scroll that moves the cell (the grid keeping the next
  // row in view after Enter) moves the callout with it, and it goes when the cell is no longer drawn.
  useLayoutEffect(() => {
    let cell: HTMLElement | null = null;
    let had: string | null = null;
    const measure = () => {
      const el = rootOf.current();
      const now = el && cellElement(el, target.rowId, target.colId);
      const box = ref.current;
      if (!now || !box) {
        setPlace(null);
        return;
      }
      if (now !== cell) {
        cell = now;
        had = now.getAttribute('aria-describedby');
        if (!had?.split(' ').includes(id)) now.setAttribute('aria-describedby', had ? `${had} ${id}` : id);
      }
      const r = now.getBoundingClientRect();
      const w = box.offsetWidth;
      const h = box.offsetHeight;
      const above = r.bottom + GAP + h > window.innerHeight && r.top - GAP - h > 0;
      const left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
      setPlace({ top: above ? r.top - GAP - h : r.bottom + GAP, left, above, arrow: Math.max(10, Math.min(w - 14, r.left + Math.min(r.width / 2, 24) - left)) });
    };
    measure();
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    document.addEventListener('scroll', onScroll, true);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('scroll', onScroll, true);
      if (!cell) return;
      if (had) cell.setAttribute('aria-describedby', had);
      else cell.removeAttribute('aria-describedby');
    };
  }, [target, id]);

  useEffect(() => {
    const range = ui.get().range;
    const off = () => dismiss.current();
    const key = (e: KeyboardEvent) => {
      if (!MODIFIERS.has(e.key)) off();
    };
    const unsubscribe = ui.subscribe(() => {
      if (ui.get().range !== range) off();
    });
    document.addEventListener('keydown', key, true);
    document.addEventListener('mousedown', off, true);
    document.addEventListener('wheel', off, { capture: true, passive: true });
    window.addEventListener('resize', off);
    return () => {
      unsubscribe();
      document.removeEventListener('keydown', key, true);
      document.removeEventListener('mousedown', off, true);
      document.removeEventListener('wheel', off, true);
      window.removeEventListener('resize', off);
    };
  }, [ui, target]);

  return createPortal(
    <div
      ref={ref}
      id={id}
      className={`cell-callout${place?.above ? ' above' : ''}`}
      data-testid="cell-callout"
      style={place ? { top: place.top, left: place.left, ['--arrow' as string]: `${place.arrow}px` } : { visibility: 'hidden', top: 0, left: 0 }}
    >
      {target.text}
    </div>,
    document.body,
  );
}
