// A ref that always holds the latest value of a prop, for Monaco listeners registered once when an
// editor is created: they call what the last render passed, not what the first one did.
import { useLayoutEffect, useRef } from 'react';

export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
