// A register's working view (columns, sort, filters, grouping, search), kept per workbook and
// register in the app's preferences so it survives a reload. It starts from the workbook's
// default saved view when there is one. The register and the roadmap (which shows the project
// register) both work through it: its saved views, whether the working view differs from the
// active one, and the search box, whose typing reaches the view after a short pause.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useRecords, useStore, useWorkbook } from '../../state/use-app';
import { viewState as viewStateSchema, type SavedView } from '../../../shared/model/schemas';
import type { ViewState } from '../../../shared/register/types';
import { isViewModified, savedViewsOf, type ViewRegister } from '../../../shared/register/saved-views';

/** Typing in the search box reaches the view (and so the rows) after this pause. */
const SEARCH_DEBOUNCE_MS = 180;

export type SetView = (next: ViewState | ((v: ViewState) => ViewState), viewId?: string | null) => void;

export interface WorkingView {
  register: ViewRegister;
  /** Null until the saved working view has been read. */
  view: ViewState | null;
  /** Changes the working view; with a view id, also which saved view it now is (null: none). */
  setView: SetView;
  activeViewId: string | null;
  /** The register's saved views, by name. */
  savedViews: SavedView[];
  activeView: SavedView | null;
  /** The working view differs from the active saved view. */
  modified: boolean;
  /** The search box's text, ahead of the view's search while the user types. */
  search: string;
  setSearch: (text: string) => void;
}

interface Loaded {
  key: string;
  view: ViewState;
  viewId: string | null;
  /** Set by user changes (not by loading), so only those are written back to the preferences. */
  changed: boolean;
}

export function useWorkingView(register: ViewRegister, fallback: () => ViewState): WorkingView {
  const store = useStore();
  const current = useWorkbook();
  const views = useRecords('view');
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
      const def = current.all('view').find((v) => v.register === register && v.isDefault);
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
  const view = mine?.view ?? null;
  const activeViewId = mine?.viewId ?? null;

  const savedViews = useMemo(() => savedViewsOf(views, register), [views, register]);
  const activeView = savedViews.find((v) => v.id === activeViewId) ?? null;
  const modified = isViewModified(activeView, view);

  // The search box follows the view when the view changes (switching saved views); typing is debounced into the view.
  const [search, setSearch] = useState('');
  const [searchOf, setSearchOf] = useState(view?.search);
  if (view?.search !== searchOf) {
    setSearchOf(view?.search);
    setSearch(view?.search ?? '');
  }
  useEffect(() => {
    if (!view) return;
    const t = setTimeout(() => {
      if (search !== view.search) setView({ ...view, search });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [search, view, setView]);

  return { register, view, setView, activeViewId, savedViews, activeView, modified, search, setSearch };
}
