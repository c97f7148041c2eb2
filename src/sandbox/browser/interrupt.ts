// Stopping a Python test at its time limit without losing the worker: the app asks the sandbox
// frame, which writes SIGINT into Pyodide's interrupt buffer (a SharedArrayBuffer, so only where the
// page is cross-origin isolated). Code can ignore it (a SIGINT handler, `except BaseException`): the
// client still terminates the worker a little later (client.ts GRACE_MS), and that stays the only
// way where there is no SharedArrayBuffer. Pure logic: no DOM, no Worker.
import type { Port } from '../serve.js';
import type { FromWorker, ToWorker } from '../protocol.js';

/** The Int32 slots of the control buffer, shared by the frame (writer) and the worker. */
export const SLOT = {
  /** Pyodide's interrupt buffer (setInterruptBuffer reads index 0): 2 raises KeyboardInterrupt. */
  signal: 0,
  /** 1 + the index of the last test the host asked to stop. */
  aimed: 1,
  /** The index of the test the worker is running; the frame only signals that test. */
  current: 2,
} as const;
export const CONTROL_BYTES = 3 * Int32Array.BYTES_PER_ELEMENT;
const SIGINT = 2;

/** A lost write of SIGINT is possible (docs/RUNTIME-NOTES.md): the host repeats the request this often until the test ends. */
export const REPEAT_MS = 25;

/**
 * What the frame does on an `interrupt` request (sandboxDocument.ts does the same in its own text):
 * signal only if the worker is still on that test, so a late request never stops the next one.
 */
export function requestInterrupt(control: Int32Array, test: number): void {
  Atomics.store(control, SLOT.aimed, test + 1);
  if (Atomics.load(control, SLOT.current) === test) Atomics.store(control, SLOT.signal, SIGINT);
}

/**
 * Worker side: keeps `current` up to date around each test, drops a signal meant for a finished test,
 * and reports a test the host stopped as a timeout, whatever the code did after KeyboardInterrupt.
 */
export function interruptiblePort(port: Port, control: Int32Array): Port {
  return {
    listen: (handler) =>
      port.listen((message: ToWorker) => {
        if (message?.type === 'run') {
          Atomics.store(control, SLOT.signal, 0);
          Atomics.store(control, SLOT.aimed, 0);
          Atomics.store(control, SLOT.current, message.job.firstIndex);
        }
        handler(message);
      }),
    post: (message: FromWorker) => {
      if (message.type === 'result') {
        const stopped = Atomics.load(control, SLOT.aimed) === message.index + 1;
        Atomics.store(control, SLOT.current, message.index + 1);
        Atomics.store(control, SLOT.signal, 0);
        if (stopped) message = { ...message, result: { ...message.result, outcome: 'timeout', value: undefined, error: { type: 'timeout', message: 'stopped at the time limit' } } };
      }
      port.post(message);
    },
  };
}

/**
 * Host side, one per Python worker: after `sent` a run, asks for an interrupt when a test has run
 * for the time limit (counted, as the client does, from the run or from the previous result), and
 * again every REPEAT_MS, until that test's result, the run's end, or `stop`.
 */
export class InterruptSchedule {
  private run: { id: number; nonce: string; timeMs: number; next: number } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private repeat: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly interrupt: (test: number) => void) {}

  sent(message: ToWorker): void {
    if (message.type !== 'run') return;
    this.run = { id: message.id, nonce: message.nonce, timeMs: message.job.limits.timeMs, next: message.job.firstIndex };
    this.arm();
  }

  /** Hears what the worker posted (before the client checks it): only this run's own results count. */
  heard(message: unknown): void {
    const run = this.run;
    if (!run || message === null || typeof message !== 'object') return;
    const m = message as Partial<Record<'type' | 'id' | 'nonce' | 'index', unknown>>;
    if (m.id !== run.id || m.nonce !== run.nonce) return;
    if (m.type === 'done') this.stop();
    else if (m.type === 'result' && m.index === run.next) {
      run.next++;
      this.arm();
    }
  }

  stop(): void {
    this.run = undefined;
    this.clear();
  }

  private arm(): void {
    this.clear();
    const run = this.run;
    if (!run) return;
    this.timer = setTimeout(() => {
      const test = run.next;
      this.interrupt(test);
      this.repeat = setInterval(() => this.interrupt(test), REPEAT_MS);
    }, run.timeMs);
  }

  private clear(): void {
    clearTimeout(this.timer);
    clearInterval(this.repeat);
    this.timer = this.repeat = undefined;
  }
}
