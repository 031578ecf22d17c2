// React access to the app store: the store itself (for actions), and hooks through which a view
// says what it reads — a part of the snapshot, the open workbook, one entity's records, or the
// version of the entities and fields it depends on — so that it re-renders only when that changes.
import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import type { AppSnapshot, AppStore, SaveStatus } from './app-store';
import type { Reads, WorkbookState } from '../../shared/commands/state';
import type { StoredWorkbook } from '../../shared/commands/types';
import type { EntityName, EntityOf, Settings } from '../../shared/model/schemas';
import { selection, useSelector, useStoreValue } from './external-store';

export const StoreContext = createContext<AppStore | null>(null);

export function useStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore outside StoreContext');
  return store;
}

/** A part of the app snapshot (Object.is, or `equal`): e.g. useAppSelector((s) => s.undo). */
export function useAppSelector<S>(select: (snapshot: AppSnapshot) => S, equal?: (a: S, b: S) => boolean): S {
  return useSelector(useStore().snapshots, select, equal);
}

const selectCurrent = (s: AppSnapshot) => s.current;

/** The open workbook's state: the same object while the workbook stays open (it does not re-render on edits). */
export function useWorkbook(): WorkbookState | null {
  return useAppSelector(selectCurrent);
}

const NONE: readonly never[] = Object.freeze([]);

/** One entity's records, re-rendering only when a record of that entity changes. */
export function useRecords<E extends EntityName>(entity: E): readonly EntityOf<E>[] {
  const store = useStore().snapshots;
  const read = useMemo(() => selection(store.get, (s: AppSnapshot) => (s.current ? s.current.list(entity) : NONE)), [store, entity]);
  return useSyncExternalStore(store.subscribe, read);
}

const selectSettings = (s: AppSnapshot): Settings | null => s.current?.settings ?? null;

/** The workbook's settings (a new object only when a setting changes). */
export function useSettings(): Settings | null {
  return useAppSelector(selectSettings);
}

/**
 * The version of what a view reads (`reads` names entities, or some fields of one; keep the
 * array stable, e.g. at module level): it changes when, and only when, a commit touches them.
 * Use it with the state from useWorkbook() (another workbook may be at the same version), and
 * pass it to what it keys, so a memo's dependencies are the ones it uses.
 */
export function useVersion(reads: Reads): number {
  const store = useStore().snapshots;
  const read = useMemo(() => selection(store.get, (s: AppSnapshot) => (s.current ? s.current.versionOf(reads) : -1)), [store, reads]);
  return useSyncExternalStore(store.subscribe, read);
}

/** The save status, for the header's indicator only. */
export function useSaveStatus(): SaveStatus {
  return useStoreValue(useStore().saveStatus);
}

/** Lists of workbooks alike in what the menu shows (a commit renews the list for its updatedAt). */
function sameWorkbooks(a: readonly StoredWorkbook[], b: readonly StoredWorkbook[]): boolean {
  return a === b || (a.length === b.length && a.every((w, i) => w.id === b[i]!.id && w.name === b[i]!.name && w.projectCount === b[i]!.projectCount));
}
const selectWorkbooks = (s: AppSnapshot) => s.workbooks;

/** The workbooks in this app's storage, re-rendering when one is added, removed, renamed or changes its project count. */
export function useWorkbookList(): readonly StoredWorkbook[] {
  return useAppSelector(selectWorkbooks, sameWorkbooks);
}

/** One record (records are replaced, never edited in place: a new object means it changed), or undefined. */
export function useRecord<E extends EntityName>(entity: E, id: string | null | undefined): EntityOf<E> | undefined {
  const store = useStore().snapshots;
  const read = useMemo(() => selection(store.get, (s: AppSnapshot) => (id ? s.current?.get(entity, id) : undefined)), [store, entity, id]);
  return useSyncExternalStore(store.subscribe, read);
}
