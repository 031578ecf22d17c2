// The register's working view (columns, sort, filters, grouping, search), kept per workbook and
// register in the app's preferences so it survives a reload. It starts from the workbook's
// default saved view when there is one.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApp, useStore } from '../../state/use-app';
import { viewState as viewStateSchema, type SavedView } from '../../../shared/model/schemas';
import type { ViewState } from '../../../shared/register/types';

interface Loaded {
  key: string;
  view: ViewState;
  viewId: string | null;
  /** Set by user changes (not by loading), so only those are written back to the preferences. */
  changed: boolean;
}

export function useWorkingView(register: string, fallback: () => ViewState) {
  const store = useStore();
  const { current } = useApp();
  const key = current ? `view:${current.id}:${register}` : null;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // The fallback changes with the data (new custom fields); loading must not re-run for that.
  const fallbackRef = useRef(fallback);
  useEffect(() => {
    fallbackRef.current = fallback;
  });

  useEffect(() => {
    if (!key || !current) return;
    let live = true;
    void store.repo.getPref<{ state: unknown; viewId: string | null }>(key).then((saved) => {
      if (!live) return;
      const parsed = saved ? viewStateSchema.safeParse(saved.state) : null;
      if (parsed?.success) {
        setLoaded({ key, view: parsed.data, viewId: saved!.viewId && current.has('view', saved!.viewId) ? saved!.viewId : null, changed: false });
        return;
      }
      const def = (current.all('view') as SavedView[]).find((v) => v.register === register && v.isDefault);
      setLoaded({ key, view: def ? def.state : fallbackRef.current(), viewId: def?.id ?? null, changed: false });
    });
    return () => {
      live = false;
    };
  }, [key, current, register, store]);

  useEffect(() => {
    if (loaded?.changed) void store.repo.setPref(loaded.key, { state: loaded.view, viewId: loaded.viewId });
  }, [loaded, store]);

  const setView = useCallback(
    (next: ViewState | ((v: ViewState) => ViewState), viewId?: string | null) => {
      setLoaded((prev) => {
        if (!prev || prev.key !== key) return prev;
        const value = typeof next === 'function' ? next(prev.view) : next;
        return { key: prev.key, view: value, viewId: viewId === undefined ? prev.viewId : viewId, changed: true };
      });
    },
    [key],
  );

  const mine = loaded && loaded.key === key ? loaded : null;
  return { view: mine?.view ?? null, setView, activeViewId: mine?.viewId ?? null };
}
