import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, type AutosaverOptions, type SaveState } from './autosave.js';
import { StorageError } from './database.js';
import { loadEvaluation, saveEvaluation } from './evaluations.js';
import { freshDatabase, sampleEvaluation } from './testing.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** An Autosaver on fake timers that records what it wrote and every state it went through. */
function setup(options: Partial<AutosaverOptions<number>> = {}) {
  const writes: { value: number; at: number }[] = [];
  const states: SaveState[] = [];
  const persist = vi.fn();
  const saver = new Autosaver<number>({
    save: async (value) => void writes.push({ value, at: Date.now() }),
    // Injected explicitly: the clock and timers are vitest's fakes.
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) },
    now: () => Date.now(),
    persist,
    ...options,
  });
  saver.subscribe((s) => states.push(s));
  return { saver, writes, states, persist, start: Date.now() };
}

describe('Autosaver', () => {
  it('names a stale save and, on discard, forgets the value instead of retrying it', async () => {
    let fail = true;
    const { saver, writes } = setup({
      save: async (value) => {
        if (fail) throw new StorageError('stale', 'saved elsewhere');
        writes.push({ value, at: Date.now() });
      },
    });
    saver.schedule(1);
    await saver.flush();
    expect(saver.snapshot).toMatchObject({ error: 'stale' });
    fail = false;
    await saver.discard();
    expect(saver.snapshot).toBe('saved');
    await saver.flush();
    expect(writes).toEqual([]);
  });

  it('holds a stale conflict while the trainer keeps typing, and writes the newest value on retry', async () => {
    let fail = true;
    const { saver, writes, states } = setup({
      save: async (value) => {
        if (fail) throw new StorageError('stale', 'saved elsewhere');
        writes.push({ value, at: Date.now() });
      },
    });
    saver.schedule(1);
    await saver.flush();
    const conflict = saver.snapshot;
    expect(conflict).toMatchObject({ error: 'stale' });
    // More typing (or a blur's flush) neither retries a write bound to fail nor leaves the choice.
    saver.schedule(2);
    await vi.advanceTimersByTimeAsync(5000);
    await saver.flush();
    expect(saver.snapshot).toBe(conflict);
    expect(states.filter((s) => s === 'pending' || s === 'saving')).toEqual(['pending', 'saving']);
    expect(saver.unsaved).toBe(true);
    fail = false;
    await saver.retry();
    expect(saver.snapshot).toBe('saved');
    expect(writes.map((w) => w.value)).toEqual([2]);
  });

  it('writes once, 300 ms after the last change', async () => {
    const { saver, writes, states, start } = setup();
    saver.schedule(1);
    await vi.advanceTimersByTimeAsync(200);
    saver.schedule(2);
    await vi.advanceTimersByTimeAsync(299);
    expect(writes).toEqual([]);
    expect(saver.snapshot).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toEqual([{ value: 2, at: start + 500 }]);
    expect(states).toEqual(['pending', 'saving', 'saved']);
  });

  it('writes no later than 1000 ms after the first unsaved change, even while changes keep coming', async () => {
    const { saver, writes, start } = setup();
    for (let i = 1; i <= 12; i++) {
      saver.schedule(i);
      await vi.advanceTimersByTimeAsync(100);
    }
    // Changes 1..12 at 0..1100 ms: at 1000 ms the newest value (10; 11 comes just after) is written.
    expect(writes[0]).toEqual({ value: 10, at: start + 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(writes.at(-1)).toEqual({ value: 12, at: start + 1100 + 300 });
    expect(saver.snapshot).toBe('saved');
  });

  it('flush writes at once and resolves after the write; a second flush has nothing to do', async () => {
    const { saver, writes } = setup();
    saver.schedule(7);
    await expect(saver.flush()).resolves.toBe('saved');
    expect(writes.map((w) => w.value)).toEqual([7]);
    await vi.advanceTimersByTimeAsync(2000); // the debounce timer was cancelled
    await saver.flush();
    expect(writes).toHaveLength(1);
  });

  it('a change made during a write is written after it, never before', async () => {
    let release!: () => void;
    const order: number[] = [];
    const { saver } = setup({
      save: (value) =>
        value === 1 ? new Promise<void>((r) => (release = () => (order.push(1), r()))) : (order.push(value), Promise.resolve()),
    });
    saver.schedule(1);
    const first = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    saver.schedule(2);
    expect(saver.snapshot).toBe('saving');
    const second = saver.flush();
    release();
    await Promise.all([first, second]);
    expect(order).toEqual([1, 2]);
    expect(saver.snapshot).toBe('saved');
  });

  it('keeps the value after a failure and writes it on the next flush', async () => {
    let fail = true;
    const written: number[] = [];
    const { saver, persist } = setup({
      save: async (value) => {
        if (fail) throw new Error('disk on fire');
        written.push(value);
      },
    });
    saver.schedule(5);
    await vi.advanceTimersByTimeAsync(300);
    expect(saver.snapshot).toEqual({ error: 'other', message: 'disk on fire' });
    expect(persist).not.toHaveBeenCalled();

    fail = false;
    await expect(saver.flush()).resolves.toBe('saved');
    expect(written).toEqual([5]);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('after a failure, a newer value replaces the kept one on the next schedule', async () => {
    let fail = true;
    const written: number[] = [];
    const { saver } = setup({
      save: async (value) => {
        if (fail) throw new Error('nope');
        written.push(value);
      },
    });
    saver.schedule(1);
    await saver.flush();
    fail = false;
    saver.schedule(2);
    await vi.advanceTimersByTimeAsync(300);
    expect(written).toEqual([2]);
  });

  it('maps a QuotaExceededError, even inside an AbortError, to quota', async () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const { saver } = setup({
      save: () => Promise.reject(Object.assign(new DOMException('Transaction aborted', 'AbortError'), { cause: quota })),
    });
    saver.schedule(1);
    await expect(saver.flush()).resolves.toEqual({ error: 'quota', message: 'Transaction aborted' });
  });

  it('asks for persistent storage once, after the first successful write', async () => {
    const { saver, persist } = setup();
    await saver.flush(); // nothing to write: not a real save
    expect(persist).not.toHaveBeenCalled();
    saver.schedule(1);
    await saver.flush();
    saver.schedule(2);
    await saver.flush();
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('saves evaluations to IndexedDB, without navigator.storage (Node)', async () => {
    vi.useRealTimers(); // fake-indexeddb schedules its work with real timers
    const db = await freshDatabase();
    const saver = new Autosaver({ save: (e: ReturnType<typeof sampleEvaluation>) => saveEvaluation(db, e) });
    const e = sampleEvaluation();
    saver.schedule(e);
    expect(await saver.flush()).toBe('saved');
    expect((await loadEvaluation(db, e.taskId)).value).toEqual(e);
    db.close();
  });
});
