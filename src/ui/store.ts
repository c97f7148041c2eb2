// The one observable-state helper of the UI's services (catalog, runtimes, task and draft
// sessions): a snapshot that is replaced, never mutated, on every change, and listeners told of it.
// Subclasses change it only through their own named methods; React reads it with useStore.
// No React here (zustand's vanilla/react split): the services are tested without a DOM.

/** What useStore can read: storage's Autosaver has the same shape. */
export type Observable<S> = { readonly snapshot: S; subscribe(listener: () => void): () => void };

export class Store<S extends object> implements Observable<S> {
  #state: S;
  readonly #listeners = new Set<() => void>();

  constructor(initial: S) {
    this.#state = initial;
  }

  /** The current state: the same object until it changes. */
  get snapshot(): S {
    return this.#state;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  };

  /** A new snapshot with `patch` applied; every listener hears of it. */
  protected set(patch: Partial<S>): void {
    this.#state = { ...this.#state, ...patch };
    this.#listeners.forEach((l) => l());
  }
}
