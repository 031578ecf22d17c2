// The one external-store primitive of the renderer: a value outside React that views read with
// useSyncExternalStore, whole (useStoreValue) or through a selector with an equality
// (useSelector), re-rendering only when what they read changes. The app store, the grid's UI
// state, the roadmap's hover and status, and the import wizard's flow are all one of these.
import { useMemo, useSyncExternalStore } from 'react';

/** What a reader needs: the current value and a way to hear that it may have changed. */
export interface Readable<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
}

export class ExternalStore<T> implements Readable<T> {
  private readonly listeners = new Set<() => void>();

  constructor(private value: T) {}

  get = (): T => this.value;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Replaces the value and tells the readers once; the same value tells no one. */
  set(value: T): void {
    if (Object.is(value, this.value)) return;
    this.value = value;
    for (const l of [...this.listeners]) l();
  }

  /** For object values: a new value with `patch` applied, published once. */
  update(patch: Partial<T>): void {
    this.set({ ...this.value, ...patch });
  }
}

/** Object.is on each own property: for selectors that return a small object of parts. */
export function shallowEqual<S>(a: S, b: S): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * A memoised reading of `select(read())`: the previous selection is returned, as the same
 * object, while the source is the same or `equal` says the selection has not changed. This is
 * what makes a reader's snapshot stable for useSyncExternalStore (pure, so tested in Node).
 */
export function selection<T, S>(read: () => T, select: (value: T) => S, equal: (a: S, b: S) => boolean = Object.is): () => S {
  let has = false;
  let source: T;
  let selected: S;
  return () => {
    const next = read();
    if (has && Object.is(next, source)) return selected;
    source = next;
    const value = select(next);
    if (has && equal(selected, value)) return selected;
    has = true;
    selected = value;
    return value;
  };
}

/** The store's whole value; re-renders on every change. */
export function useStoreValue<T>(store: Readable<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}

/**
 * A part of the store's value; re-renders only when `equal` (Object.is by default) says the part
 * changed. Pass a stable `select` (module level, or memoised) where it can be: an inline one
 * works, but is re-run on every render.
 */
export function useSelector<T, S>(store: Readable<T>, select: (value: T) => S, equal: (a: S, b: S) => boolean = Object.is): S {
  const read = useMemo(() => selection(store.get, select, equal), [store, select, equal]);
  return useSyncExternalStore(store.subscribe, read);
}
