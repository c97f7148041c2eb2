// The last change a closing page could not write to IndexedDB in time. IndexedDB is asynchronous
// and a page being unloaded cannot wait for it, so on pagehide (and when the tab is hidden) the
// unsaved value goes synchronously into localStorage instead, and the next page that opens the
// same work takes it back and saves it (issue 12: a reload right after a keystroke lost it).
// Values are stored as given and must be validated by the caller when read back (untrusted).
import { STORAGE_KEYS } from './keys.js';
import { readLocal, writeLocal } from './webStorage.js';

const KEY = STORAGE_KEYS.localStorage.rescued;

type Rescued = Record<string, { value: unknown; at: string }>;

function readAll(): Rescued {
  try {
    const parsed: unknown = JSON.parse(readLocal(KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Rescued) : {};
  } catch {
    return {};
  }
}

/** Keeps `value` under `scope` (e.g. `work:median`); false when localStorage refused it (blocked, full). */
export function rescue(scope: string, value: unknown, at: string): boolean {
  const all = readAll();
  all[scope] = { value, at };
  return writeLocal(KEY, JSON.stringify(all));
}

/** The value a page left under `scope`, if any (unvalidated). */
export function rescued(scope: string): unknown {
  const all = readAll();
  return Object.hasOwn(all, scope) ? all[scope]!.value : undefined;
}

/** Forgets `scope` once what it held is saved. */
export function clearRescued(scope: string): void {
  const all = readAll();
  if (!Object.hasOwn(all, scope)) return;
  delete all[scope];
  writeLocal(KEY, JSON.stringify(all));
}
