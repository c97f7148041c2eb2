import { describe, expect, it } from 'vitest';
import { Store } from './store.js';

class Counter extends Store<{ n: number; label: string }> {
  constructor() {
    super({ n: 0, label: 'x' });
  }
  add(): void {
    this.set({ n: this.snapshot.n + 1 });
  }
}

describe('Store', () => {
  it('replaces its snapshot on each change and tells every listener', () => {
    const c = new Counter();
    const first = c.snapshot;
    let heard = 0;
    const stop = c.subscribe(() => heard++);
    c.add();
    expect(c.snapshot).toEqual({ n: 1, label: 'x' });
    expect(c.snapshot).not.toBe(first);
    expect(first).toEqual({ n: 0, label: 'x' }); // never mutated
    stop();
    c.add();
    expect(heard).toBe(1);
  });

  it('keeps the same snapshot while nothing changes (as useSyncExternalStore needs)', () => {
    const c = new Counter();
    expect(c.snapshot).toBe(c.snapshot);
  });
});
