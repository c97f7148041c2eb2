// Saves a changing value (an evaluation being edited) without losing any of it: debounced while the
// trainer types, capped so a long burst still reaches disk, flushed on demand (pagehide,
// visibilitychange), one write at a time. A failed write keeps the value in memory until a later
// schedule/flush succeeds. A write refused because another tab saved first (stale) is not retried:
// it would fail the same way, and the trainer must choose (discard, or `retry` once they keep theirs);
// After any failed write the state stays that failure until a write succeeds (a retry in flight is
// not "saving"), so the warning and its buttons (a copy, the choice) never flicker away under a click. Knows nothing of React; src/ui/hooks/useStore.ts reads subscribe/snapshot.
import { storageFailure } from './database.js';

export type SaveState = 'saved' | 'pending' | 'saving' | { error: 'quota' | 'stale' | 'other'; message: string };

export type Timers = {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};

export type AutosaverOptions<T> = {
  save: (value: T) => Promise<unknown>;
  /** Quiet time after the last change before writing. */
  delayMs?: number;
  /** Longest a change may stay unsaved while changes keep coming. */
  maxWaitMs?: number;
  timers?: Timers;
  now?: () => number;
  /** Called once, after the first successful save. */
  persist?: () => unknown;
};

// Looked up on each call, so fake timers installed after construction still apply.
const globalTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

let persistenceRequested = false;

/**
 * Asks the browser to keep this origin's storage under pressure (otherwise IndexedDB is
 * "best-effort" and may be evicted): https://developer.mozilla.org/docs/Web/API/StorageManager/persist.
 * Once per page; absent in Node and some browsers, and a refusal changes nothing we do.
 */
export function requestPersistentStorage(): void {
  if (persistenceRequested) return;
  persistenceRequested = true;
  try {
    void globalThis.navigator?.storage?.persist?.().catch(() => undefined);
  } catch {
    /* not available */
  }
}

export class Autosaver<T> {
  readonly #save: (value: T) => Promise<unknown>;
  readonly #delayMs: number;
  readonly #maxWaitMs: number;
  readonly #timers: Timers;
  readonly #now: () => number;
  readonly #persist: () => unknown;
  #persisted = false;

  #state: SaveState = 'saved';
  readonly #listeners = new Set<(state: SaveState) => void>();
  /** The newest value not yet on disk (boxed: `undefined` may be a legitimate value). */
  #unsaved: { value: T } | undefined;
  #firstUnsavedAt: number | undefined;
  #timer: unknown;
  #running: Promise<void> | undefined;

  constructor(options: AutosaverOptions<T>) {
    this.#save = options.save;
    this.#delayMs = options.delayMs ?? 300;
    this.#maxWaitMs = options.maxWaitMs ?? 1000;
    this.#timers = options.timers ?? globalTimers;
    this.#now = options.now ?? (() => Date.now());
    this.#persist = options.persist ?? requestPersistentStorage;
  }

  /** The current state; the same object until it changes (fit for useSyncExternalStore). */
  get snapshot(): SaveState {
    return this.#state;
  }

  /** True while some value is not known to be on disk: scheduled, being written, or failed. */
  get unsaved(): boolean {
    return this.#unsaved !== undefined || this.#running !== undefined;
  }

  subscribe(listener: (state: SaveState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  schedule(value: T): void {
    this.#unsaved = { value };
    this.#firstUnsavedAt ??= this.#now();
    if (this.#stale()) return;
    if (!this.#running && !this.#failed()) this.#set('pending');
    this.#disarm();
    const deadline = this.#firstUnsavedAt + this.#maxWaitMs - this.#now();
    this.#timer = this.#timers.setTimeout(
      () => {
        this.#timer = undefined;
        void this.#drain();
      },
      Math.max(0, Math.min(this.#delayMs, deadline)),
    );
  }

  /** Writes now whatever is unsaved (after a write in flight); resolves to the resulting state. */
  flush(): Promise<SaveState> {
    this.#disarm();
    return this.#drain();
  }

  /** After a stale write, once the caller has decided this value wins: writes it now. */
  retry(): Promise<SaveState> {
    if (this.#stale()) this.#set(this.#unsaved ? 'pending' : 'saved');
    return this.flush();
  }

  #failed(): boolean {
    return typeof this.#state === 'object';
  }

  #stale(): boolean {
    return typeof this.#state === 'object' && this.#state.error === 'stale';
  }

  /**
   * Forgets the unsaved value (after a write in flight): for when the user chose another copy of
   * the data, e.g. another tab's, over this one. The caller has kept this one elsewhere if wanted.
   */
  async discard(): Promise<void> {
    this.#disarm();
    while (this.#running) await this.#running;
    this.#unsaved = undefined;
    this.#firstUnsavedAt = undefined;
    this.#set('saved');
  }

  #disarm(): void {
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  async #drain(): Promise<SaveState> {
    // One write at a time, so an older value can never land after a newer one.
    while (this.#running) await this.#running;
    const unsaved = this.#unsaved;
    if (!unsaved || this.#stale()) return this.#state;
    const since = this.#firstUnsavedAt;
    this.#unsaved = undefined;
    this.#firstUnsavedAt = undefined;
    if (!this.#failed()) this.#set('saving');
    // Started a microtask later, so #running is set before #write's `finally` can clear it.
    this.#running = Promise.resolve().then(() => this.#write(unsaved.value, since));
    await this.#running;
    return this.#state;
  }

  async #write(value: T, since: number | undefined): Promise<void> {
    try {
      await this.#save(value);
      if (!this.#persisted) {
        this.#persisted = true;
        try {
          this.#persist();
        } catch {
          /* a failed request for persistence is not a failed save */
        }
      }
      this.#set(this.#unsaved ? 'pending' : 'saved');
    } catch (e) {
      // Keep the value unless a newer one arrived meanwhile; it goes out on the next schedule/flush.
      if (!this.#unsaved) {
        this.#unsaved = { value };
        this.#firstUnsavedAt = since;
      }
      const failure = storageFailure(e);
      const kind = failure === 'quota' || failure === 'stale' ? failure : 'other';
      this.#set({ error: kind, message: e instanceof Error ? e.message : String(e) });
    } finally {
      this.#running = undefined;
    }
  }

  #set(state: SaveState): void {
    if (state === this.#state) return;
    this.#state = state;
    for (const listener of [...this.#listeners]) listener(state);
  }
}
