// Owns the runtime workers: starts them, hands out jobs, enforces deadlines, and replaces a worker
// that misses a deadline, dies or asks to be recycled. Never trusts a worker to stop by itself,
// nor a message it did not ask for (each job has its own nonce).
import { testVerdict, type RawResult } from '../domain/testVerdict.js';
import { entryPointFor, LANGUAGES, limitsOf, type Language, type Limits, type Solution, type Task, type TestCase } from '../domain/task.js';
import { solutionVerdict, type SolutionResult, type TestResult } from '../domain/verdict.js';
import { isWorkerMessage, type FromWorker, type Job, type SandboxTest, type ToWorker } from './protocol.js';
import { SandboxError } from './sandboxError.js';

/** A running worker as the client sees it: a Node child process or a browser Web Worker. */
export interface WorkerHandle {
  send(message: ToWorker): void;
  kill(): void;
}
export type WorkerEvents = { message(m: unknown): void; exit(detail: string): void };
export type WorkerFactory = (language: Language, events: WorkerEvents) => WorkerHandle;

/**
 * Extra time past a test's limit before the host stops a worker that did not stop itself. Python
 * in a Node child and a C++ program (WebAssembly on the worker's only thread) cannot stop
 * themselves: they are killed early. See
 * SandboxOptions.graceMs.
 */
const GRACE_MS: Record<Language, number> = { python: 100, javascript: 750, typescript: 750, cpp: 100 };

/**
 * Time a worker may take to compile a test's program, before that test's own limit starts: a
 * compiling worker says `started` when the program runs (protocol.ts), and the deadline is re-armed
 * to the test's limit from then. Languages that never compile have no allowance.
 */
const COMPILE_MS: Partial<Record<Language, number>> = { cpp: 120_000 };

/** A job running longer than this is probably slow: no job is sent ahead to its worker. */
const SLOW_MS = 250;

type Slot = {
  language: Language;
  handle: WorkerHandle;
  ready: Promise<number>;
  state: 'starting' | 'idle' | 'busy' | 'dead';
  /** Jobs sent to this worker, in order: the first is running, the others wait behind it (see `ahead`). */
  runs: Run[];
  /** Places promised by acquire() to jobs about to be sent. */
  reserved: number;
  /** When the running job started. */
  since: number;
};

/** One job on one worker, as the client follows it. */
type Run = {
  id: number;
  nonce: string;
  aborted: boolean;
  /** Now the worker's current job: its deadline starts. */
  start(): void;
  /** A result or the end of this job (already matched to it). */
  message(m: Extract<FromWorker, { type: 'started' | 'result' | 'done' }>): void;
  /** The worker was stopped: a started job reports `outcome` for its current test; any job ends. */
  lost(outcome: 'timeout' | 'crashed' | undefined, detail: string): void;
};

export type SandboxEvents = { forged?: (detail: string) => void; restarted?: (language: Language, ms: number) => void };
export type SandboxOptions = {
  /**
   * Workers kept ready per language once one has had to be killed, so that the next is replaced at
   * once instead of in ~0.5 s. Not started before: a spare's start-up competes with the run for CPU.
   */
  spares?: number;
  /**
   * Languages whose runtime cannot stop a test by itself (Pyodide on a Node child's only thread):
   * a test of theirs past half its time limit will most likely end with its worker killed, so the
   * spare that replaces it is started then rather than at the kill.
   */
  earlySpares?: readonly Language[];
  /**
   * Jobs sent ahead to a busy worker (default 0), which starts the next as soon as it reports the
   * previous done instead of idling for a round trip through the host (~0.3 ms, several ms on a
   * loaded machine, on each of hundreds of small jobs). A job sent ahead has no deadline until it
   * starts; if its worker is stopped first, it runs elsewhere from its first test. Whatever a
   * factory adds per job must allow for it (a worker's next job arrives while one runs).
   */
  ahead?: number;
  /**
   * Per language, the extra time past a test's limit before its worker is killed (default GRACE_MS).
   * Where a runtime can stop a test itself (Pyodide with an interrupt buffer), a longer grace saves
   * a restart that costs far more than the wait, on a loaded machine most of all.
   */
  graceMs?: Partial<Record<Language, number>>;
};

export type EvaluateOptions = {
  limits?: Partial<Limits>;
  signal?: AbortSignal;
  onTest?: (index: number, result: TestResult) => void;
};

export class Sandbox {
  private readonly slots: Slot[] = [];
  private readonly spares: Slot[] = [];
  /** acquire() calls waiting for a worker, first come first served, per language. */
  private readonly waiting = Object.fromEntries(LANGUAGES.map((l) => [l, []])) as unknown as Record<Language, Array<() => void>>;
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
      const { status, message } = testVerdict(t, raw, limits);
      const result: TestResult = { name: t.name, hidden: t.hidden, status, ...(message ? { message } : {}), stdout: raw.stdout, stderr: raw.stderr, truncated: raw.truncated, durationMs: raw.durationMs, ...(raw.tampered?.length ? { tampered: raw.tampered } : {}) };
      results.push(result);
      onTest?.(results.length - 1, result);
    };
    while (raws.length < tests.length) {
      signal?.throwIfAborted();
      const job: Job = { language: solution.language, code: solution.code, tests: tests.slice(raws.length), firstIndex: raws.length, limits };
      await this.runJob(job, raws, heard, signal);
    }
    signal?.throwIfAborted();
    return { taskId: task.id, solutionId: solution.id, verdict: solutionVerdict(results), tests: results };
  }

  close(): void {
    this.closed = true;
    for (const s of [...this.slots, ...this.spares.splice(0)]) {
      this.retire(s);
      for (const run of s.runs.splice(0)) run.lost(undefined, '');
    }
  }

  /** Runs a job on one worker, appending a result per test it finished; stops early if the worker is lost. */
  private async runJob(job: Job, raws: readonly RawResult[], heard: (r: RawResult) => void, signal?: AbortSignal): Promise<void> {
    const slot = await this.acquire(job.language, signal);
    slot.reserved--;
    const grace = this.options.graceMs?.[job.language] ?? GRACE_MS[job.language];
    const end = job.firstIndex + job.tests.length;
    await new Promise<void>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let halfway: ReturnType<typeof setTimeout> | undefined;
      let started = performance.now();
      let over = false;
      /** Arms the current test's deadline; `compiling`: its program may have to be compiled first. */
      const arm = (compiling = true) => {
        clearTimeout(timer);
        clearTimeout(halfway);
        started = performance.now();
        const allowance = compiling ? (COMPILE_MS[job.language] ?? 0) : 0;
        timer = setTimeout(() => this.lose(slot, 'timeout', ''), job.limits.timeMs + grace + allowance);
        if (this.options.earlySpares?.includes(job.language)) halfway = setTimeout(() => this.fillSpares(job.language), allowance + job.limits.timeMs / 2);
      };
      const finish = () => {
        if (over) return;
        over = true;
        clearTimeout(timer);
        clearTimeout(halfway);
        signal?.removeEventListener('abort', cancel);
        resolve();
      };
      const run: Run = {
        id: this.nextId++,
        nonce: randomNonce(),
        aborted: false,
        start: () => {
          slot.since = performance.now();
          arm();
        },
        message: (m) => {
          if (m.type === 'started') {
            if (m.index !== raws.length) return this.events.forged?.(`start of test ${m.index}, expected ${raws.length}`);
            arm(false);
          } else if (m.type === 'result') {
            if (m.index !== raws.length) return this.events.forged?.(`result for test ${m.index}, expected ${raws.length}`);
            heard(m.result);
            if (!over) arm(); // a listener may have cancelled the run while hearing this result
          } else {
            finish();
            this.advance(slot, m.recycle || raws.length < end);
          }
        },
        lost: (outcome, detail) => {
          if (outcome && raws.length < end)
            heard({ outcome, stdout: '', stderr: '', truncated: false, durationMs: performance.now() - started, error: { type: outcome, message: detail } });
          finish();
        },
      };
      // Aborted while running: the worker is stopped. While waiting: it ends now, and its worker is
      // stopped when it gets there (it cannot be unsent).
      const cancel = () => {
        run.aborted = true;
        if (slot.runs[0] === run) this.lose(slot, undefined, '');
        else finish();
      };
      signal?.addEventListener('abort', cancel, { once: true });
      slot.runs.push(run);
      slot.handle.send({ type: 'run', id: run.id, nonce: run.nonce, job });
      if (slot.runs[0] === run) run.start();
      if (signal?.aborted) cancel();
    });
  }

  /** Hands a worker's result or done to the job it is running; anything else is not believed. */
  private route(slot: Slot, m: Extract<FromWorker, { type: 'started' | 'result' | 'done' }>): void {
    if (slot.state === 'dead') return;
    const head = slot.runs[0];
    if (head === undefined || m.id !== head.id || m.nonce !== head.nonce) {
      this.events.forged?.(`unexpected ${m.type} message`);
      return;
    }
    head.message(m);
  }

  /** The running job is done: the worker starts the next one sent to it, or is free again. */
  private advance(slot: Slot, recycle: boolean): void {
    slot.runs.shift();
    const next = slot.runs[0];
    // A worker to be recycled does not run what waits behind (serve() refuses it): it runs elsewhere.
    if (recycle || next?.aborted) return this.lose(slot, undefined, '');
    if (next) next.start();
    else {
      slot.state = 'idle';
      this.running--;
    }
    this.release();
  }

  /** Stops a worker and replaces it: its running job reports `outcome`, the jobs behind it run elsewhere. */
  private lose(slot: Slot, outcome: 'timeout' | 'crashed' | undefined, detail: string): void {
    if (slot.state === 'dead' && !slot.runs.length) return; // already stopped and replaced
    const runs = slot.runs.splice(0);
    if (slot.state === 'busy' || runs.length) this.running--;
    slot.state = 'dead';
    this.replace(slot);
    this.release();
    runs.forEach((run, i) => run.lost(i === 0 ? outcome : undefined, detail));
  }

  private spawn(language: Language): Slot {
    let resolveReady!: (ms: number) => void;
    let rejectReady!: (e: Error) => void;
    const ready = new Promise<number>((res, rej) => ((resolveReady = res), (rejectReady = rej)));
    ready.catch(() => {});
    const slot: Slot = { language, state: 'starting', ready, handle: undefined as unknown as WorkerHandle, runs: [], reserved: 0, since: 0 };
    slot.handle = this.factory(language, {
      message: (m) => {
        if (!isWorkerMessage(m)) return this.events.forged?.('malformed message');
        if (m.type === 'ready') {
          if (slot.state === 'starting') slot.state = 'idle';
          resolveReady(m.loadMs);
          this.release();
        } else if (m.type === 'startup-failed') {
          this.retire(slot);
          rejectReady(new SandboxError('startFailed', language, m.message));
        } else this.route(slot, m);
      },
      exit: (detail) => {
        if (slot.state === 'starting') rejectReady(new SandboxError('exited', language, detail));
        if (slot.runs.length) this.lose(slot, 'crashed', detail);
        else slot.state = 'dead';
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
      this.release(); // someone may be waiting for a worker of this language
    } else fresh = this.spawn(slot.language);
    fresh.ready.then(() => this.events.restarted?.(slot.language, performance.now() - at), () => {});
    this.fillSpares(slot.language);
  }

  private retire(slot: Slot): void {
    slot.state = 'dead';
    slot.handle.kill();
    for (const list of [this.slots, this.spares]) {
      const i = list.indexOf(slot);
      if (i >= 0) list.splice(i, 1);
    }
  }

  /** A worker of `language` to send a job to (a place is reserved on it for that job). */
  private async acquire(language: Language, signal?: AbortSignal): Promise<Slot> {
    try {
      return await this.find(language, signal);
    } finally {
      // Whoever got a place, or gave up, lets the next in line look: there may be room for more.
      this.wakeNext(language);
    }
  }

  private async find(language: Language, signal?: AbortSignal): Promise<Slot> {
    let woken = false;
    for (;;) {
      if (this.closed) throw new SandboxError('closed');
      signal?.throwIfAborted();
      if (this.running < this.size) {
        const idle = this.slots.find((s) => s.language === language && s.state === 'idle');
        if (idle) {
          idle.state = 'busy';
          idle.reserved++;
          idle.since = performance.now();
          this.running++;
          return idle;
        }
        const live = this.slots.filter((s) => s.language === language && s.state !== 'dead');
        if (live.length < this.size) {
          const slot = this.spawn(language);
          // With a busy worker of this language already up, take whichever frees first: the
          // busy one's next test usually comes long before a cold start (seconds in a browser).
          if (live.some((s) => s.state === 'busy')) {
            slot.ready.catch(() => this.release());
            await this.wait(language, signal, woken);
            woken = true;
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
      // Every worker of this language is busy: go behind the one that started its job last,
      // unless all of them are on slow jobs.
      const now = performance.now();
      const depth = 1 + (this.options.ahead ?? 0);
      let behind: Slot | undefined;
      for (const s of this.slots)
        if (s.language === language && s.state === 'busy' && s.runs.length + s.reserved < depth && now - s.since < SLOW_MS && (!behind || s.since > behind.since)) behind = s;
      if (behind) {
        behind.reserved++;
        return behind;
      }
      await this.wait(language, signal, woken);
      woken = true;
    }
  }

  /** Waits for release() or an abort. One woken before waits again at the front: it keeps its turn. */
  private wait(language: Language, signal: AbortSignal | undefined, front: boolean): Promise<void> {
    const line = this.waiting[language];
    return new Promise<void>((resolve) => {
      const onAbort = () => {
        const i = line.indexOf(wake);
        if (i >= 0) line.splice(i, 1);
        resolve();
      };
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      if (front) line.unshift(wake);
      else line.push(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private wakeNext(language: Language): void {
    this.waiting[language].shift()?.();
  }

  /**
   * A worker may be free, or have room for a job behind: wakes the first waiting of each language,
   * who wakes the next if it got a place (see acquire). Waking all would cost O(waiting) per job.
   */
  private release(): void {
    for (const line of Object.values(this.waiting)) line.shift()?.();
  }
}

function toSandbox(task: Task, test: TestCase, language: Language): SandboxTest {
  const entry = entryPointFor(test.kind === 'stdio' ? undefined : (test.entryPoint ?? task.entryPoint), language) ?? '';
  switch (test.kind) {
    case 'call':
      return { kind: 'call', entryPoint: entry, args: JSON.stringify(test.args) };
    case 'stdio':
      return { kind: 'stdio', stdin: test.stdin };
    case 'code': {
      // A dataset's prompt may give helpers the test uses (see `given` in protocol.ts).
      const given = task.source?.language === language && task.source.prompt ? { given: task.source.prompt } : {};
      return { kind: 'code', code: test.code[language] ?? '', entryPoint: entry, ...(test.check ? { check: test.check } : {}), ...given };
    }
  }
}

function randomNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
