// The browser's small synchronous stores (localStorage for the whole browser, sessionStorage for
// the tab), under the names in keys.ts only. Either may be blocked (private modes, a sandboxed
// frame): a read then finds nothing and a write is dropped, never a throw.
import { STORAGE_KEYS } from './keys.js';

export type LocalKey = (typeof STORAGE_KEYS.localStorage)[keyof typeof STORAGE_KEYS.localStorage];
export type SessionKey = (typeof STORAGE_KEYS.sessionStorage)[keyof typeof STORAGE_KEYS.sessionStorage];

const area = (which: 'local' | 'session'): Storage | undefined => {
  try {
    return which === 'local' ? globalThis.localStorage : globalThis.sessionStorage;
  } catch {
    return undefined; // reading the property itself throws where storage is blocked
  }
};

function read(which: 'local' | 'session', key: string): string | undefined {
  try {
    return area(which)?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** True when the value was written; false when storage is blocked or full (it applies to this page only). */
function write(which: 'local' | 'session', key: string, value: string): boolean {
  try {
    const a = area(which);
    if (!a) return false;
    a.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export const readLocal = (key: LocalKey): string | undefined => read('local', key);
export const writeLocal = (key: LocalKey, value: string): boolean => write('local', key, value);
export const readSession = (key: SessionKey): string | undefined => read('session', key);
export const writeSession = (key: SessionKey, value: string): boolean => write('session', key, value);
