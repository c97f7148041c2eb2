// A store's snapshot as React state: the component renders again when the store changes. The
// React half of src/ui/store.ts (as useBaseQuery is a thin useSyncExternalStore over query-core).
import { useCallback, useSyncExternalStore } from 'react';
import type { Observable } from '../store.js';

export function useStore<S>(store: Observable<S>): S {
  const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
  return useSyncExternalStore(subscribe, () => store.snapshot);
}

/**
 * One part of a store's snapshot: the component renders again only when that part is replaced
 * (a run's results do not re-render what shows only the evaluation). `select` must return a part
 * of the snapshot, not a new object.
 */
export function useStorePart<S, T>(store: Observable<S>, select: (s: S) => T): T {
  const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
  return useSyncExternalStore(subscribe, () => select(store.snapshot));
}
