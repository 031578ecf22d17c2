// The roadmap's display choices (timeline or milestones, colours, what to show, scale, row
// height, snapping, side panel), kept per workbook in the app's preferences.
import { useCallback, useEffect, useState } from 'react';
import { useStore, useWorkbook } from '../../state/use-app';
import type { TimeScale } from '../../../shared/roadmap/ticks';

export type Density = 'normal' | 'compact' | 'thin';
export const ROW_HEIGHTS: Record<Density, number> = { normal: 28, compact: 20, thin: 8 };

export interface RoadmapPrefs {
  mode: 'timeline' | 'milestones';
  colourBy: 'rag' | 'stage';
  showMilestones: boolean;
  showDependencies: boolean;
  showBaseline: boolean;
  critical: boolean;
  scale: TimeScale | 'auto';
  density: Density;
  snap: 'day' | 'week';
  panel: boolean;
}

export const DEFAULT_PREFS: RoadmapPrefs = {
  mode: 'timeline',
  colourBy: 'rag',
  showMilestones: true,
  showDependencies: true,
  showBaseline: true,
  critical: false,
  scale: 'auto',
  density: 'normal',
  snap: 'day',
  panel: true,
};

/** Saved values of the right type only: a damaged or older preference falls back to the default. */
function clean(saved: unknown): Partial<RoadmapPrefs> {
  if (!saved || typeof saved !== 'object') return {};
  const out: Record<string, unknown> = {};
  for (const [k, def] of Object.entries(DEFAULT_PREFS)) {
    const v = (saved as Record<string, unknown>)[k];
    if (typeof v === typeof def) out[k] = v;
  }
  return out;
}

export function useRoadmapPrefs(): [RoadmapPrefs, (patch: Partial<RoadmapPrefs>) => void] {
  const store = useStore();
  const current = useWorkbook();
  const key = current ? `roadmap:${current.id}` : null;
  const [state, setState] = useState<{ key: string | null; prefs: RoadmapPrefs; changed: boolean }>({ key: null, prefs: DEFAULT_PREFS, changed: false });

  useEffect(() => {
    if (!key) return;
    let live = true;
    void store.getPref<unknown>(key).then((saved) => {
      if (live) setState((prev) => (prev.key === key && prev.changed ? prev : { key, prefs: { ...DEFAULT_PREFS, ...clean(saved) }, changed: false }));
    });
    return () => {
      live = false;
    };
  }, [key, store]);

  useEffect(() => {
    if (state.changed && state.key) void store.setPref(state.key, state.prefs);
  }, [state, store]);

  const set = useCallback(
    (patch: Partial<RoadmapPrefs>) => setState((prev) => ({ key: prev.key ?? key, prefs: { ...prev.prefs, ...patch }, changed: true })),
    [key],
  );
  return [state.key === key || state.key === null ? state.prefs : DEFAULT_PREFS, set];
}
