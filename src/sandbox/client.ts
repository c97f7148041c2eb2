// Owns the runtime workers: starts them, hands out jobs, enforces deadlines, and replaces a worker
// that misses a deadline, dies or asks to be recycled. Never trusts a worker to stop by itself,
// nor a message it did not ask for (each job has its own nonce).
import { judge, type RawResult } from '../domain/judge.js';
import { entryPointFor, limitsOf, type Language, type Limits, type Solution, type Task, type TestCase } from '../domain/task.js';
import { verdictOf, type SolutionResult, type TestResult } from '../domain/verdict.js';
import { isWorkerMessage, type FromWorker, type Job, type SandboxTest, type ToWorker } from './protocol.js';

/** A running worker as the client sees it: a Node child process or a browser Web Worker. */
export interface WorkerHandle {
  send(message: ToWorker): void;
  kill(): void;
}
export type WorkerEvents = { message(m: unknown): void; exit(detail: string): void };
export type WorkerFactory = (language: Language, events: WorkerEvents) => WorkerHandle;

/** Extra time past a test's limit before the host stops a worker that did not stop itself. */
const GRACE_MS: Record<Language, number> = { python: 100, javascript: 750 };

type Slot = {
  language: Language;
  handle: WorkerHandle;
  ready: Promise<number>;
  state: 'starting' | 'idle' | 'busy' | 'dead';
  onMessage?: (m: FromWorker) => void;
  onExit?: (detail: string) => void;
};

export type SandboxEvents = { forged?: (detail: string) => void; restarted?: (language: Language, ms: number) => void };
export type SandboxOptions = {
  /**
   * Workers kept ready per language once one has had to be killed, so that the next is replaced at
   * once instead of in ~0.5 s. Not started before: a spare's start-up competes with the run for CPU.
   */
  spares?: number;
};

export type EvaluateOptions = {
  limits?: Partial<Limits>;
  signal?: AbortSignal;
  onTest?: (index: number, result: TestResult) => void;
};

export class Sandbox {
  private readonly slots: Slot[] = [];
  private readonly spares: Slot[] = [];
  private readonly waiting: Array<() => void> = [];
  private running = 0;
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly factory: WorkerFactory,
    private readonly size: number,
    private readonly events: SandboxEvents = {},
    private readonly options: SandboxOptions = {},
  ) {}

  /**
   * Starts up to `count` workers per language (default: the pool size); resolves with the slowest
   * start-up time in ms. The browser warms one per language: more compete for 2 cores at start.
   */
  async warmUp(languages: Iterable<Language>, count = this.size): Promise<number> {
    const starts: Promise<number>[] = [];
    for (const language of new Set(languages))
      for (let i = this.slots.filter((s) => s.language === language && s.state !== 'dead').length; i < Math.min(count, this.size); i++)
        starts.push(this.spawn(language).ready);
    const times = await Promise.all(starts);
    return Math.max(0, ...times);
  }

  private fillSpares(language: Language): void {
    const want = this.options.spares ?? 0;
    for (const dead of this.spares.filter((s) => s.state === 'dead')) this.retire(dead);
    while (!this.closed && this.spares.filter((s) => s.language === language).length < want) {
      const spare = this.spawn(language);
      this.slots.splice(this.slots.indexOf(spare), 1);
      this.spares.push(spare);
    }
  }

  /**
   * Runs every test of the task against one solution. `onTest` hears each test's result as it
   * arrives; aborting `signal` stops the run (killing a worker mid-test) and rejects with AbortError.
   */
  async evaluate(task: Task, solution: Solution, options: EvaluateOptions = {}): Promise<SolutionResult> {
    const { signal, onTest } = options;
    const limits = limitsOf(task, options.limits);
    const tests = task.tests.map((t) => toSandbox(task, t, solution.language));
    const results: TestResult[] = [];
    const raws: RawResult[] = [];
    const heard = (raw: RawResult) => {
      const t = task.tests[raws.length]!;
      raws.push(raw);
      const { status, message } = judge(t, raw, limits);
      const result: TestResult = { name: t.name, hidden: t.hidden, status, ...(message ? { message } : {}), stdout: raw.stdout, stderr: raw.stderr, truncated: raw.truncated, durationMs: raw.durationMs };
      results.push(result);
      onTest?.(results.length - 1, result);
    };
    while (raws.length < tests.length) {
      signal?.throwIfAborted();
      const job: Job = { language: solution.language, code: solution.code, tests: tests.slice(raws.length), firstIndex: raws.length, limits };
      await this.runJob(job, raws, heard, signal);
    }
    signal?.throwIfAborted();
    return { taskId: task.id, solutionId: solution.id, verdict: verdictOf(results), tests: results };
  }

  close(): void {
    this.closed = true;
    for (const s of [...this.slots, ...this.spares.splice(0)]) this.retire(s);
  }

  /** Runs a job on one worker, appending a result per test it finished; stops early if the worker is lost. */
  private async runJob(job: Job, raws: readonly RawResult[], heard: (r: RawResult) => void, signal?: AbortSignal): Promise<void> {
    const slot = await this.acquire(job.language, signal);
    const id = this.nextId++;
    const nonce = randomNonce();
    const grace = GRACE_MS[job.language];
    await new Promise<void>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let started = performance.now();
      const arm = () => {
        clearTimeout(timer);
        started = performance.now();
        timer = setTimeout(() => lose('timeout', ''), job.limits.timeMs + grace);
      };
      const cancel = () => finish(true);
      signal?.addEventListener('abort', cancel, { once: true });
      const finish = (recycle: boolean) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', cancel);
        slot.onMessage = slot.onExit = undefined;
        if (recycle) this.replace(slot);
        else slot.state = 'idle';
        this.release();
        resolve();
      };
      const lose = (outcome: 'timeout' | 'crashed', detail: string) => {
        const index = raws.length;
        if (index < job.firstIndex + job.tests.length)
          heard({ outcome, stdout: '', stderr: '', truncated: false, durationMs: performance.now() - started, error: { type: outcome, message: detail } });
        finish(true);
      };
      slot.onMessage = (m) => {
        if (!('id' in m) || m.id !== id || m.nonce !== nonce) {
          this.events.forged?.(`unexpected ${m.type} message`);
          return;
        }
        if (m.type === 'result') {
          if (m.index !== raws.length) return this.events.forged?.(`result for test ${m.index}, expected ${raws.length}`);
          heard(m.result);
          arm();
        } else if (m.type === 'done') {
          finish(m.recycle || raws.length < job.firstIndex + job.tests.length);
        }
      };
      slot.onExit = (detail) => lose('crashed', detail);
      arm();
      slot.handle.send({ type: 'run', id, nonce, job });
    });
  }

  private spawn(language: Language): Slot {
    let resolveReady!: (ms: number) => void;
    let rejectReady!: (e: Error) => void;
    const ready = new Promise<number>((res, rej) => ((resolveReady = res), (rejectReady = rej)));
    ready.catch(() => {});
    const slot: Slot = { language, state: 'starting', ready, handle: undefined as unknown as WorkerHandle };
    slot.handle = this.factory(language, {
      message: (m) => {
        if (!isWorkerMessage(m)) return this.events.forged?.('malformed message');
        if (m.type === 'ready') {
          if (slot.state === 'starting') slot.state = 'idle';
          resolveReady(m.loadMs);
          this.release(false);
        } else if (m.type === 'startup-failed') {
          this.retire(slot);
          rejectReady(new Error(m.message));
        } else slot.onMessage?.(m);
      },
      exit: (detail) => {
        const wasStarting = slot.state === 'starting';
        slot.state = 'dead';
        if (wasStarting) rejectReady(new Error(detail || 'runtime exited while starting'));
        slot.onExit?.(detail);
      },
    });
    this.slots.push(slot);
    return slot;
  }

  private replace(slot: Slot): void {
    this.retire(slot);
    if (this.closed) return;
    const at = performance.now();
    const i = this.spares.findIndex((s) => s.language === slot.language && s.state !== 'dead');
    let fresh: Slot;
    if (i >= 0) {
      fresh = this.spares.splice(i, 1)[0]!;
      this.slots.push(fresh);
      this.release(false); // someone may be waiting for a worker of this language
    } else fresh = this.spawn(slot.language);
    fresh.ready.then(() => this.events.restarted?.(slot.language, performance.now() - at), () => {});
    this.fillSpares(slot.language);
  }

  private retire(slot: Slot): void {
    slot.state = 'dead';
    slot.onMessage = slot.onExit = undefined;
    slot.handle.kill();
    for (const list of [this.slots, this.spares]) {
      const i = list.indexOf(slot);
      if (i >= 0) list.splice(i, 1);
    }
  }

  private async acquire(language: Language, signal?: AbortSignal): Promise<Slot> {
    for (;;) {
      if (this.closed) throw new Error('sandbox closed');
      signal?.throwIfAborted();
      if (this.running < this.size) {
        const idle = this.slots.find((s) => s.language === language && s.state === 'idle');
        if (idle) {
          idle.state = 'busy';
          this.running++;
          return idle;
        }
        const live = this.slots.filter((s) => s.language === language && s.state !== 'dead');
        if (live.length < this.size) {
          const slot = this.spawn(language);
          // With a busy worker of this language already up, take whichever frees first: the
          // busy one's next test usually comes long before a cold start (seconds in a browser).
          if (live.some((s) => s.state === 'busy')) {
            slot.ready.catch(() => this.release(false));
            await new Promise<void>((resolve) => {
              this.waiting.push(resolve);
              signal?.addEventListener('abort', () => resolve(), { once: true });
            });
            continue;
          }
          await slot.ready; // a runtime that cannot start at all is a setup error, not a verdict
          continue;
        }
        // All of this language's workers are starting: wait for one to be ready.
        const starting = live.filter((s) => s.state === 'starting').map((s) => s.ready.catch(() => 0));
        if (starting.length) {
          await Promise.race(starting);
          continue;
        }
        // Every live worker of this language is busy while others are idle: make room.
        const spare = this.slots.find((s) => s.language !== language && s.state === 'idle');
        if (spare) {
          this.retire(spare);
          continue;
        }
      }
      await new Promise<void>((resolve) => {
        this.waiting.push(resolve);
        signal?.addEventListener('abort', () => resolve(), { once: true });
      });
    }
  }

  private release(running = true): void {
    if (running) this.running--;
    for (const wake of this.waiting.splice(0)) wake();
  }
}

function toSandbox(task: Task, test: TestCase, language: Language): SandboxTest {
  const entry = entryPointFor(test.kind === 'stdio' ? undefined : (test.entryPoint ?? task.entryPoint), language) ?? '';
  switch (test.kind) {
    case 'call':
      return { kind: 'call', entryPoint: entry, args: JSON.stringify(test.args) };
    case 'stdio':
      return { kind: 'stdio', stdin: test.stdin };
    case 'code':
      return { kind: 'code', code: test.code[language] ?? '', ...(test.check ? { check: test.check, entryPoint: entry } : {}) };
  }
}

function randomNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
