// A store's snapshot as React state: the component renders again when the store changes. The
// React half of src/ui/store.ts (as useBaseQuery is a thin useSyncExternalStore over query-core).
import { useCallback, useSyncExternalStore } from 'react';
import type { Observable } from '../store.js';

export function useStore<S>(store: Observable<S>): S {
  const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
  return useSyncExternalStore(subscribe, () => store.snapshot);
}
