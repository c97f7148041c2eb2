// React's view of monacoLoader: Monaco once it is loaded (at once if it already is), or a failure.
import { useEffect, useState } from 'react';
import type { Locale } from '../../domain/task.js';
import { loadedMonaco, loadMonaco, type Monaco } from './monacoLoader.js';

export type MonacoState = { status: 'loading' } | { status: 'ready'; monaco: Monaco } | { status: 'failed' };

export function useMonaco(locale: Locale): MonacoState {
  const [state, setState] = useState<MonacoState>(() => {
    const monaco = loadedMonaco();
    return monaco ? { status: 'ready', monaco } : { status: 'loading' };
  });
  useEffect(() => {
    if (state.status !== 'loading') return;
    let live = true;
    loadMonaco(locale).then(
      (monaco) => live && setState({ status: 'ready', monaco }),
      (error: unknown) => {
        console.error('Monaco could not load', error);
        if (live) setState({ status: 'failed' });
      },
    );
    return () => {
      live = false;
    };
  }, [locale, state.status]);
  return state;
}
