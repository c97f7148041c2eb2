// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STORAGE_KEYS } from './keys.js';
import { readLocal, readSession, writeLocal, writeSession } from './webStorage.js';

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
  sessionStorage.clear();
});

describe('webStorage', () => {
  it('keeps values under the names in keys.ts, in the store each is meant for', () => {
    writeLocal(STORAGE_KEYS.localStorage.locale, 'es-CL');
    writeSession(STORAGE_KEYS.sessionStorage.practiceQueue, '["a"]');
    expect(localStorage.getItem('veredicto.locale')).toBe('es-CL');
    expect(sessionStorage.getItem('veredicto.practiceQueue')).toBe('["a"]');
    expect(readLocal(STORAGE_KEYS.localStorage.locale)).toBe('es-CL');
    expect(readSession(STORAGE_KEYS.sessionStorage.practiceQueue)).toBe('["a"]');
    expect(localStorage.getItem('veredicto.practiceQueue')).toBeNull();
  });

  it('finds nothing and drops writes where storage is blocked, without throwing', () => {
    const blocked = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    // As in an opaque-origin frame: reading `localStorage` itself throws.
    vi.spyOn(globalThis, 'localStorage', 'get').mockImplementation(blocked);
    expect(() => writeLocal(STORAGE_KEYS.localStorage.locale, 'en')).not.toThrow();
    expect(readLocal(STORAGE_KEYS.localStorage.locale)).toBeUndefined();
    // As in some private modes: the store is there, but its calls throw.
    const store = { getItem: blocked, setItem: blocked } as unknown as Storage;
    vi.spyOn(globalThis, 'sessionStorage', 'get').mockReturnValue(store);
    expect(() => writeSession(STORAGE_KEYS.sessionStorage.practiceQueue, '[]')).not.toThrow();
    expect(readSession(STORAGE_KEYS.sessionStorage.practiceQueue)).toBeUndefined();
  });
});
