// React access to the app store: the store itself (for actions) and its current snapshot.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AppSnapshot, AppStore } from './app-store';

export const StoreContext = createContext<AppStore | null>(null);

export function useStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore outside StoreContext');
  return store;
}

export function useApp(): AppSnapshot {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
