// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearRescued, rescue, rescued } from './rescue.js';

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('rescue', () => {
  it('keeps a value per scope, synchronously, until it is cleared', () => {
    expect(rescue('work:median', { text: 'a' }, 'T1')).toBe(true);
    expect(rescue('practice:median', { text: 'b' }, 'T1')).toBe(true);
    expect(rescued('work:median')).toEqual({ text: 'a' });
    clearRescued('work:median');
    expect(rescued('work:median')).toBeUndefined();
    expect(rescued('practice:median')).toEqual({ text: 'b' });
    expect(rescued('constructor')).toBeUndefined();
  });

  it('says when the browser refused the write, and reads garbage as nothing', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as unknown as Storage;
    vi.spyOn(globalThis, 'localStorage', 'get').mockReturnValue(full);
    expect(rescue('work:x', { text: 'a' }, 'T1')).toBe(false);
    vi.restoreAllMocks();
    localStorage.setItem('veredicto.rescued', '[1, 2');
    expect(rescued('work:x')).toBeUndefined();
    localStorage.setItem('veredicto.rescued', '[1]');
    expect(rescued('0')).toBeUndefined();
  });
});
