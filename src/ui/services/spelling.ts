// Spelling checks for what trainers write, in the text's own language, through one lazily started
// worker (src/ui/spelling/spelling.worker.ts). Which words are checked at all (not code, not the
// solutions' identifiers, not glossary terms) is decided in domain/writingChecks.ts.
import type { Locale } from '../../domain/task.js';

export type Misspelled = { word: string; suggestions: string[] };

let worker: Worker | undefined;
let next = 1;
const pending = new Map<number, (m: Misspelled[]) => void>();

function start(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('../spelling/spelling.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<{ id: number; misspelled: Misspelled[] }>) => {
    const done = pending.get(e.data?.id);
    if (!done) return;
    pending.delete(e.data.id);
    done(Array.isArray(e.data.misspelled) ? e.data.misspelled : []);
  };
  worker.onerror = () => {
    // Without spelling the trainer loses a hint, never work: answer every wait with nothing.
    for (const done of pending.values()) done([]);
    pending.clear();
  };
  return worker;
}

/** The words that are not in the locale's dictionary, with up to three suggestions each. */
export function checkSpelling(locale: Locale, words: readonly string[]): Promise<Misspelled[]> {
  if (!words.length) return Promise.resolve([]);
  const id = next++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    start().postMessage({ id, locale, words: [...words] });
  });
}
