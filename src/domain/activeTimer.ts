// Active time on a task, for the evaluation's `activeMs`: counts only while the page is visible and
// within IDLE_MS of the trainer's last key, pointer or scroll. The clock is passed in (ms, any
// monotonic origin such as performance.now()), so the tracker is pure and testable.

export const IDLE_MS = 60_000;

export class ActiveTimer {
  #visible: boolean;
  #lastActivity: number;
  /** Time up to which activity has been counted into `#pending`. */
  #countedTo: number;
  #pending = 0;

  /** Opening a task is itself an activity. */
  constructor(now: number, visible = true) {
    this.#visible = visible;
    this.#lastActivity = now;
    this.#countedTo = now;
  }

  /** The page was shown or hidden. Showing it counts as activity: the trainer came back to it. */
  visible(isVisible: boolean, now: number): void {
    this.#advance(now);
    if (isVisible && !this.#visible) this.#lastActivity = Math.max(this.#lastActivity, now);
    this.#visible = isVisible;
  }

  /** A key, pointer or scroll event. */
  activity(now: number): void {
    this.#advance(now);
    this.#lastActivity = Math.max(this.#lastActivity, now);
  }

  /** Milliseconds of active time since the last call (or since the timer started). */
  take(now: number): number {
    this.#advance(now);
    const ms = this.#pending;
    this.#pending = 0;
    return ms;
  }

  #advance(now: number): void {
    if (now <= this.#countedTo) return; // a clock that stepped back counts nothing twice
    if (this.#visible) {
      const end = Math.min(now, this.#lastActivity + IDLE_MS);
      if (end > this.#countedTo) this.#pending += end - this.#countedTo;
    }
    this.#countedTo = now;
  }
}
