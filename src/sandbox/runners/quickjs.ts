// Runs JavaScript jobs in QuickJS: a fresh runtime and context for every test, with a heap limit,
// a stack limit and an interrupt deadline. Environment-neutral: the caller provides the WASM module.
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten-core';
import { HOST, JS_PRELUDE, LAZY, reachNames, watchedNames } from '../harness/javascript.js';
import type { Tamper } from '../../domain/verdict.js';
import { memoryRefused, setMemoryCap } from '../memoryCap.js';
import { isTamperList, type AssertionDetail, type Job, type Outcome, type RawResult, type Runner, type SandboxTest } from '../protocol.js';
import { ASSERT_OPERATORS } from '../../domain/testVerdict.js';

/** What the prelude told of the first failed assert (see HOST). */
type FailedAssert = { stack: string; op: string; left: string; right: string; value: string; message: string };

const SHOWN_CHARS = 200;
const cut = (s: string, max = SHOWN_CHARS) => (s.length > max ? `${s.slice(0, max)}…` : s);

/**
 * The detail of a failed assert called by the test's own code: the line of test.js where the
 * innermost frame outside the harness is (an assert the solution called is not the test's), with
 * what the assert module compared. The source comes from the test as the host holds it.
 */
export function failedAssert(f: FailedAssert, testCode: string): AssertionDetail | undefined {
  const frames = [...f.stack.matchAll(/\(([^():\s]+):(\d+)(?::\d+)?\)/g)].filter((m) => ['solution.js', 'test.js', 'check.js', 'entry.js'].includes(m[1]!));
  const first = frames[0];
  if (!first || first[1] !== 'test.js') return undefined;
  const source = testCode.split('\n')[Number(first[2]) - 1]?.trim();
  if (!source) return undefined;
  const op = ASSERT_OPERATORS.find((o) => o === f.op);
  return {
    source: cut(source, 400),
    ...(op !== undefined ? { op, left: cut(f.left), right: cut(f.right) } : f.value ? { value: cut(f.value) } : {}),
    ...(f.message ? { message: cut(f.message, 1000) } : {}),
  };
}

const MB = 1024 * 1024;
const MAX_VALUE_CHARS = 8 * MB;

export class QuickJSRunner implements Runner {
  readonly language = 'javascript' as const;

  /** @param stackBytes QuickJS stack limit: must stay below the real stack of the thread it runs on. */
  private readonly memory: WebAssembly.Memory;
  private readonly baseBytes: number;

  constructor(
    private readonly module: QuickJSWASMModule,
    private readonly stackBytes: number,
  ) {
    this.memory = module.getWasmMemory();
    this.baseBytes = this.memory.buffer.byteLength;
  }

  private broken = false;

  run(job: Job, report: (index: number, result: RawResult) => void): { recycle: boolean } {
    for (let i = 0; i < job.tests.length && !this.broken; i++) report(job.firstIndex + i, this.runTest(job, job.tests[i]!));
    return { recycle: this.broken };
  }

  private runTest(job: Job, test: SandboxTest): RawResult {
    const { limits } = job;
    const started = performance.now();
    const io = { out: '', err: '', size: 0, over: false, stop: false, exit: undefined as number | undefined, assertions: [] as string[], failed: undefined as FailedAssert | undefined };
    const deadline = Date.now() + limits.timeMs;
    let timedOut = false;
    setMemoryCap(this.baseBytes + limits.memoryMb * MB);
    const rt: QuickJSRuntime = this.module.newRuntime();
    rt.setMemoryLimit(limits.memoryMb * MB);
    rt.setMaxStackSize(this.stackBytes);
    rt.setInterruptHandler(() => {
      if (io.stop) return true;
      if (Date.now() > deadline) return (timedOut = true);
      return false;
    });
    const vm: QuickJSContext = rt.newContext();
    const handles: QuickJSHandle[] = [];
    const keep = (h: QuickJSHandle) => (handles.push(h), h);
    const tampered: Tamper[] = [];
    let tamperCheck: (() => void) | undefined;
    let outcome: Outcome = 'ok';
    let value: string | undefined;
    let error: RawResult['error'];
    let exitCode: number | undefined;
    try {
      // The prelude's one way out (see HOST): output, failed assertions, exit, and lazy sources.
      const host = keep(
        vm.newFunction('host', (opHandle, arg, ...more) => {
          const op = vm.getNumber(opHandle);
          // After process.exit nothing the program still does counts: QuickJS stops it at its next
          // interrupt check, not at once.
          if (io.exit !== undefined && op !== HOST.source) return;
          if (op === HOST.stdout || op === HOST.stderr) {
            const s = vm.getString(arg);
            const room = limits.outputBytes - io.size;
            const piece = s.length > room ? s.slice(0, Math.max(room, 0)) : s;
            if (op === HOST.stderr) io.err += piece;
            else io.out += piece;
            io.size += s.length;
            if (s.length > room) io.over = io.stop = true;
          } else if (op === HOST.assertFailed) {
            io.assertions.push(vm.getString(arg).slice(0, 2000));
            // The first failed assert's stack and values (see HOST), for the message.
            if (!io.failed) {
              const [stack, op, left, right, value, message] = more.map((h) => (vm.typeof(h) === 'string' ? vm.getString(h) : ''));
              io.failed = { stack: stack ?? '', op: op ?? '', left: left ?? '', right: right ?? '', value: value ?? '', message: message ?? '' };
            }
          } else if (op === HOST.exit) {
            io.exit = vm.getNumber(arg);
            io.stop = true;
          } else if (op === HOST.source) {
            const name = vm.getString(arg);
            if (Object.hasOwn(LAZY, name)) return vm.newString(LAZY[name]!);
          }
          return undefined;
        }),
      );
      const stdin = keep(vm.newString(test.kind === 'stdio' ? test.stdin : ''));
      const factory = keep(vm.unwrapResult(vm.evalCode(JS_PRELUDE, 'harness.js')));
      // A code test shares the realm with the solution: the prelude records what the test relies on first.
      const watched = keep(test.kind === 'code' ? vm.newString(JSON.stringify(watchedNames(`${test.code}\n${test.check ?? ''}`, test.given))) : vm.undefined);
      const api = keep(vm.unwrapResult(vm.callFunction(factory, vm.undefined, host, stdin, watched)));
      if (test.kind === 'code') {
        tamperCheck = () => {
          const fn = keep(vm.getProp(api, 'tampered'));
          const text = keep(vm.unwrapResult(vm.callFunction(fn, vm.undefined)));
          const list: unknown = JSON.parse(vm.getString(text));
          if (isTamperList(list)) for (const t of list as Tamper[]) if (!tampered.some((x) => x.kind === t.kind && x.name === t.name)) tampered.push(t);
        };
      }
      const evaluate = (code: string, filename: string) => {
        keep(vm.unwrapResult(vm.evalCode(code, filename, { type: 'global' })));
        this.settle(rt, vm);
      };
      evaluate(job.code, 'solution.js');
      if (test.kind === 'call') {
        const fn = keep(vm.unwrapResult(vm.evalCode(`(${test.entryPoint})`, 'entry.js')));
        const call = keep(vm.getProp(api, 'call'));
        const text = keep(vm.unwrapResult(vm.callFunction(call, vm.undefined, fn, keep(vm.newString(test.args)), keep(vm.newNumber(MAX_VALUE_CHARS)))));
        value = vm.getString(text);
      } else if (test.kind === 'stdio') {
        const drain = keep(vm.getProp(api, 'drainStdin'));
        keep(vm.unwrapResult(vm.callFunction(drain, vm.undefined)));
        this.settle(rt, vm);
      } else {
        // The solution's functions and objects the test names reach it wrapped (see TAMPER): each
        // call into the solution is checked when it returns, so a change made in one call and undone
        // in a later one is seen. The test then runs in a function whose parameters are those names,
        // on the same lines of test.js; without any, as it is.
        const sent = reachNames(`${test.code}\n${test.check ?? ''}`, test.entryPoint);
        const reach = keep(vm.getProp(api, 'reach'));
        const reachedText = keep(vm.unwrapResult(vm.callFunction(reach, vm.undefined, keep(vm.newString(JSON.stringify(sent))))));
        const reached = (JSON.parse(vm.getString(reachedText)) as unknown[]).filter((n): n is string => typeof n === 'string' && sent.includes(n));
        this.settle(rt, vm);
        const checkCall = test.check ? `;${test.check}(${test.entryPoint ?? ''});` : '';
        const wrapped = reached.length ? vm.evalCode(`(function (${reached.join(', ')}) {{ ${test.code}\n${checkCall}\n}})`, 'test.js', { type: 'global' }) : undefined;
        if (wrapped && !wrapped.error) {
          const fn = keep(wrapped.value);
          keep(vm.unwrapResult(vm.callFunction(keep(vm.getProp(api, 'run')), vm.undefined, fn)));
          this.settle(rt, vm);
        } else {
          // Code that does not compile as a function body runs as before (its syntax error is reported as it was).
          if (wrapped?.error) wrapped.error.dispose();
          evaluate(test.code, 'test.js');
          if (test.check) evaluate(`${test.check}(${test.entryPoint ?? ''})`, 'check.js');
        }
        tamperCheck?.();
      }
    } catch (e) {
      const dumped = errorOf(e);
      error = dumped;
      outcome = timedOut ? 'timeout' : /out of memory/i.test(dumped.message) ? 'memory' : dumped.type === 'AssertionError' ? 'assertion' : 'error';
      // What the solution changed while the test ran, also when the test failed or threw.
      if (tamperCheck && !timedOut && !io.stop && !memoryRefused()) {
        try {
          tamperCheck();
        } catch {
          /* the realm is past checking: the test's own outcome stands */
        }
      }
    } finally {
      for (const h of handles.reverse()) if (h.alive) h.dispose();
      try {
        vm.dispose();
        rt.dispose();
      } catch {
        this.broken = true; // a runtime that aborts on dispose may have left the module unusable
      }
    }
    // Host-side facts win over whatever the code did after them (it may have caught an error).
    if (memoryRefused()) {
      outcome = 'memory';
      error = { type: 'InternalError', message: 'out of memory' };
    } else if (timedOut) {
      outcome = 'timeout'; // interrupted, even if the interruption was swallowed by a promise job
    } else if (io.exit !== undefined) {
      outcome = 'exit';
      error = { type: 'exit', message: `process.exit(${io.exit})` };
      exitCode = Number.isSafeInteger(io.exit) ? io.exit : 1;
    } else if (io.over) outcome = 'output-limit';
    if (outcome === 'ok' && io.assertions.length) {
      outcome = 'assertion';
      error = { type: 'AssertionError', message: io.assertions.filter(Boolean).slice(0, 5).join('\n') };
    }
    const assertion = outcome === 'assertion' && test.kind === 'code' && io.failed ? failedAssert(io.failed, test.code) : undefined;
    return {
      outcome, value, error, stdout: io.out, stderr: io.err, truncated: io.over, durationMs: performance.now() - started,
      ...(assertion ? { assertion } : {}),
      ...(tampered.length ? { tampered: tampered.slice(0, 20) } : {}),
      ...(exitCode !== undefined ? { exitCode } : {}),
    };
  }

  /** Runs promise jobs so async code finishes; a rejected job surfaces as the test's error. */
  private settle(rt: QuickJSRuntime, vm: QuickJSContext): void {
    for (;;) {
      const r = rt.executePendingJobs(1000);
      if (r.error) {
        const e = vm.dump(r.error);
        r.error.dispose();
        throw new SandboxError(e);
      }
      if (r.value === 0) break;
    }
    if (rt.hasPendingJob()) throw new SandboxError({ name: 'InternalError', message: 'promise jobs did not finish' });
  }
}

class SandboxError extends Error {
  constructor(readonly dumped: unknown) {
    super('sandbox error');
  }
}

function errorOf(e: unknown): { type: string; message: string } {
  const d = e instanceof SandboxError ? e.dumped : (e as { cause?: unknown })?.cause ?? e;
  if (d !== null && typeof d === 'object') {
    const o = d as { name?: unknown; message?: unknown; stack?: unknown };
    const type = typeof o.name === 'string' ? o.name : 'Error';
    const message = typeof o.message === 'string' ? o.message : String(d);
    const stack = typeof o.stack === 'string' ? o.stack.split('\n').filter((l) => /solution\.js|test\.js/.test(l)).slice(0, 8).join('\n') : '';
    return { type, message: (stack ? `${message}\n${stack}` : message).slice(0, 4000) };
  }
  return { type: 'Error', message: String(d).slice(0, 4000) };
}
