// A read-only window into the capacity heat map for end-to-end tests and benchmarks, installed
// only when the browser is driven by automation (navigator.webdriver).
import type { RefObject } from 'react';
import { HEADER_H, LABEL_W, type HeatGrid } from './draw';

export interface CapacityTestHook {
  /** The row keys in display order. */
  rows(): string[];
  /** The rows' names (a person's name, a role's), in display order. */
  rowLabels(): string[];
  /** The period headers in order ("Jan", "W05"), with their second line ("2026"). */
  periods(): { label: string; sublabel: string }[];
  /** A cell's centre in page coordinates after scrolling it into view, or null. */
  cellPoint(key: string, period: number): { x: number; y: number } | null;
  /** A row's demand and capacity in a period. */
  cell(key: string, period: number): { demand: number; capacity: number } | null;
  /** What the last frame drew. */
  drawn(): { firstRow: number; lastRow: number; firstCol: number; lastCol: number; cells: number; rows: number; cols: number } | null;
  /** Milliseconds the model build took (0 when the model was reused or updated). */
  buildMs(): number;
  /** Full model builds and incremental updates since the page loaded. */
  builds(): number;
  updates(): number;
  /** Heat map paints since the page loaded, and performance.now() at the last one. */
  paints(): number;
  lastPaintAt(): number;
  /** How many cells of the rows shown carry a what-if 'better' / 'worse' mark. */
  whatIfMarks(): { better: number; worse: number };
}

interface HookState {
  grid: HeatGrid;
  colW: number;
  rowH: number;
  buildMs: number;
  stats: { builds: number; updates: number };
  scrollRef: RefObject<HTMLDivElement | null>;
  lastDrawn: RefObject<{ rows: { first: number; last: number }; cols: { first: number; last: number }; cells: number } | null>;
}

declare global {
  interface Window {
    __pmoCapacity?: CapacityTestHook;
  }
}

const painted = { count: 0, at: 0 };

/** Called after each heat map paint (cheap: a counter and a timestamp). */
export function notePaint(): void {
  painted.count++;
  painted.at = performance.now();
}

export function installCapacityTestHook(get: () => HookState): () => void {
  if (!navigator.webdriver) return () => {};
  const hook: CapacityTestHook = {
    rows: () => get().grid.rows.map((r) => r.key),
    rowLabels: () => get().grid.rows.map((r) => r.label),
    periods: () => get().grid.labels.map((label, i) => ({ label, sublabel: get().grid.sublabels[i] ?? '' })),
    cellPoint(key, period) {
      const { grid, colW, rowH, scrollRef } = get();
      const s = scrollRef.current;
      const r = grid.rows.findIndex((x) => x.key === key);
      if (!s || r < 0 || period < 0 || period >= grid.labels.length) return null;
      const bodyW = s.clientWidth - LABEL_W;
      const bodyH = s.clientHeight - HEADER_H;
      const cx = period * colW;
      const cy = r * rowH;
      if (cx < s.scrollLeft || cx + colW > s.scrollLeft + bodyW) s.scrollLeft = Math.max(0, cx - (bodyW - colW) / 2);
      if (cy < s.scrollTop || cy + rowH > s.scrollTop + bodyH) s.scrollTop = Math.max(0, cy - (bodyH - rowH) / 2);
      const rect = s.getBoundingClientRect();
      return { x: rect.left + LABEL_W + cx - s.scrollLeft + colW / 2, y: rect.top + HEADER_H + cy - s.scrollTop + rowH / 2 };
    },
    whatIfMarks() {
      const n = { better: 0, worse: 0 };
      for (const r of get().grid.rows) for (const v of r.whatIf ?? []) if (v === 'better' || v === 'worse') n[v]++;
      return n;
    },
    cell(key, period) {
      const row = get().grid.rows.find((x) => x.key === key);
      return row ? { demand: row.demand[period] ?? 0, capacity: row.capacity[period] ?? 0 } : null;
    },
    drawn() {
      const d = get().lastDrawn.current;
      const g = get().grid;
      return d ? { firstRow: d.rows.first, lastRow: d.rows.last, firstCol: d.cols.first, lastCol: d.cols.last, cells: d.cells, rows: g.rows.length, cols: g.labels.length } : null;
    },
    buildMs: () => get().buildMs,
    builds: () => get().stats.builds,
    updates: () => get().stats.updates,
    paints: () => painted.count,
    lastPaintAt: () => painted.at,
  };
  window.__pmoCapacity = hook;
  return () => {
    if (window.__pmoCapacity === hook) delete window.__pmoCapacity;
  };
}
