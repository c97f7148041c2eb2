// Runs Python jobs in Pyodide. Environment-neutral: the caller loads Pyodide (from installed files,
// never a CDN) and hands it over. Must not expose any host object to Python: `js` is an empty
// object, the Pyodide API module is removed, and every call into solution code is made from here.
import type { PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import { TAG } from '../../domain/compare.js';
import { ASSERT_OPERATORS } from '../../domain/testVerdict.js';
import { PYTHON_HARNESS } from '../harness/python.js';
import { memoryRefused, setMemoryCap } from '../memoryCap.js';
import type { Tamper } from '../../domain/verdict.js';
import { MAX_TAMPERED, type AssertionDetail, type Job, type RawResult, type Runner, type SandboxTest } from '../protocol.js';

const MB = 1024 * 1024;
/** A runtime whose heap grew this much past its start is replaced: WASM memory never shrinks. */
const RECYCLE_GROWTH = 192 * MB;
const MAX_VALUE_CHARS = 8 * MB;

/** Options every Pyodide load must use: no host globals for Python, output and input under our control. */
export const PYODIDE_LOAD_OPTIONS = { jsglobals: {}, env: { HOME: '/home/pyodide' }, fullStdLib: false } as const;

const API = '_veredicto_api';

/**
 * Code that may reach objects without importing their module (object.__subclasses__(), an
 * object's class or globals, attributes named at run time, sys.modules): after it, the runtime is
 * replaced instead of restored, since what it reached is not known (some of Pyodide's own C types,
 * found through object.__subclasses__(), corrupt the heap when misused: that must not reach the
 * next solution). Text, so it over-matches (comments, strings, a variable named `vars`), which only
 * costs a fresh runtime; code made at run time is caught by the harness instead (see DYNAMIC_EVENTS).
 */
export const INTROSPECTION = /__(?:subclasses|class|bases|base|mro|getattribute|dict|globals|builtins|self|spec|loader|closure|func|code|defaults|kwdefaults|objclass|wrapped|module|annotations|annotate|reduce|reduce_ex|thisclass)__|\b(?:getattr|setattr|delattr|vars|eval|exec|attrgetter|methodcaller|__import__|globals|locals|breakpoint|modules|get_field|Formatter|get_type_hints|ForwardRef|pickle|_pickle|copyreg|marshal|mro)\b|(?<![.\w])compile\b|\b(?:[gtf]_(?:frame|back|globals|locals|code|builtins)|tb_frame|tb_next|gi_frame|cr_frame|ag_frame)\b/;

/**
 * Sets up the Python harness in a fresh interpreter, leaving its API in a global that the runner
 * takes and deletes before any untrusted code runs. Done before a memory snapshot is made, so
 * every sandbox process starts with it in place.
 */
export function preparePython(py: PyodideAPI): void {
  py.runPython(`${PYTHON_HARNESS}\n${API} = _veredicto_setup(${JSON.stringify(TAG)})\ndel _veredicto_setup\n`);
}

/** Whether the harness is set up and not yet taken: so it is in a memory snapshot made by preparePython. */
export function isPrepared(py: PyodideAPI): boolean {
  return py.globals.has(API);
}

type Harness = {
  begin(stdin: string | undefined, limit: number): PyProxy;
  collect(): PyProxy;
  check(check: PyProxy, fn: PyProxy, code: PyProxy, g: PyProxy, everywhere: boolean): void;
  restore(): PyProxy;
  load(code: string, filename: string): PyProxy;
  entry(g: PyProxy, dotted: string): PyProxy;
  args_of(text: string): PyProxy;
  call(fn: PyProxy, args: PyProxy): unknown;
  serialize(v: unknown, max: number): string;
  exec(code: PyProxy, g: PyProxy): void;
  prepare_test(code: PyProxy, g: PyProxy, everywhere: boolean): PyProxy;
  /** The helper functions a dataset's prompt gives in full become the test's (see the harness). */
  give(prompt: PyProxy, g: PyProxy, code: PyProxy, entryPoint: string): void;
  load_prompt(code: string): PyProxy;
  load_test(code: string): PyProxy;
  explained(): PyProxy | undefined;
  /** An exception too deep to free was kept alive (see guarded): the runtime must go. */
  deep_recursion(): boolean;
  code_test(code: PyProxy, g: PyProxy, entryPoint: string, everywhere: boolean): void;
  test_tampering(code: PyProxy, g: PyProxy | undefined, everywhere: boolean): PyProxy;
};

type PythonError = Error & { type?: string };

export class PyodideRunner implements Runner {
  readonly language = 'python' as const;
  private readonly harness: Harness;
  private readonly baseBytes: number;
  private raw = { out: '', err: '', size: 0, limit: 0, over: false };
  private dead = false;

  constructor(private readonly py: PyodideAPI) {
    const sink = (stream: 'out' | 'err') => ({
      write: (bytes: Uint8Array) => {
        const r = this.raw;
        const room = r.limit - r.size;
        const text = new TextDecoder().decode(bytes.subarray(0, Math.max(0, Math.min(bytes.length, room))));
        r[stream] += text;
        r.size += bytes.length;
        if (bytes.length > room) {
          r.over = true;
          throw new Error('output limit reached');
        }
        return bytes.length;
      },
    });
    py.setStdout(sink('out'));
    py.setStderr(sink('err'));
    py.setStdin({ stdin: () => null });
    // The harness is usually already set up inside the memory snapshot (see preparePython).
    if (!py.globals.has(API)) preparePython(py);
    const api = py.globals.get(API) as PyProxy;
    py.globals.delete(API);
    const h: Record<string, unknown> = {};
    for (const k of ['begin', 'collect', 'restore', 'load', 'entry', 'args_of', 'call', 'check', 'serialize', 'exec', 'prepare_test', 'load_prompt', 'give', 'test_tampering', 'load_test', 'explained', 'deep_recursion', 'code_test']) h[k] = api.get(k);
    this.harness = h as Harness;
    const seal = api.get('seal') as PyProxy & (() => void);
    seal();
    seal.destroy();
    api.destroy();
    this.baseBytes = heapBytes(py);
  }

  /** A prompt that does not compile alone gives the test nothing. */
  private compiledPrompt(code: string): PyProxy | undefined {
    try {
      return this.prompts.get(code);
    } catch {
      return undefined;
    }
  }

  run(job: Job, report: (index: number, result: RawResult) => void): { recycle: boolean } {
    const h = this.harness;
    let program: PyProxy | undefined;
    let loadError: RawResult['error'];
    try {
      program = this.solutions.get(job.code);
    } catch (e) {
      loadError = this.describe(e).error;
    }
    let recycle = false;
    for (let i = 0; i < job.tests.length; i++) {
      const result = loadError
        ? { outcome: 'error' as const, error: loadError, stdout: '', stderr: '', truncated: false, durationMs: 0 }
        : this.runTest(program!, job.tests[i]!, job);
      report(job.firstIndex + i, result);
      if (result.outcome === 'memory' || result.outcome === 'crashed' || result.outcome === 'stack-overflow') recycle = true;
      if (this.dead) return { recycle: true };
    }
    if (this.dead) return { recycle: true };
    try {
      // Each solution starts from the same modules; what cannot be put back (a changed class of the
      // standard library, a file written, an interpreter setting with no setter) or may have been
      // reached unseen (INTROSPECTION) gets the next solution a fresh runtime instead.
      if (job.tests.some((t) => t.kind === 'code' && INTROSPECTION.test(t.code)) || INTROSPECTION.test(job.code)) return { recycle: true };
      const restored = h.restore() as PyProxy;
      if (restored.get(0) === true) recycle = true;
      restored.destroy();
    } catch {
      return { recycle: true };
    }
    return { recycle: recycle || heapBytes(this.py) - this.baseBytes > RECYCLE_GROWTH };
  }

  private runTest(program: PyProxy, test: SandboxTest, job: Job): RawResult {
    const h = this.harness;
    const limit = job.limits.outputBytes;
    this.raw = { out: '', err: '', size: 0, limit, over: false };
    const owned: PyProxy[] = [];
    const own = <T>(p: T): T => {
      if (isProxy(p)) owned.push(p);
      return p;
    };
    setMemoryCap(this.baseBytes + job.limits.memoryMb * MB);
    const started = performance.now();
    let outcome: RawResult['outcome'] = 'ok';
    let value: string | undefined;
    let error: RawResult['error'];
    let thrown: { e: unknown } | undefined;
    let assertion: AssertionDetail | undefined;
    const tampered: Tamper[] = [];
    const heard = (list: PyProxy) => {
      for (const [kind, name] of own(list).toJs() as [Tamper['kind'], string][]) if (tampered.length < MAX_TAMPERED) tampered.push({ kind, name });
    };
    let testCode: PyProxy | undefined;
    // Code that may have reached modules without importing them: every module is checked.
    const everywhere = INTROSPECTION.test(job.code);
    try {
      // Arguments are decoded before any solution code runs, so a solution cannot change how.
      const args = test.kind === 'call' ? own(h.args_of(test.args)) : undefined;
      const g = own(h.begin(test.kind === 'stdio' ? test.stdin : undefined, limit));
      h.exec(program, g);
      if (test.kind === 'call') {
        const fn = own(h.entry(g, test.entryPoint));
        const returned = own(h.call(fn, args!));
        value = h.serialize(returned, MAX_VALUE_CHARS);
      } else if (test.kind === 'code') {
        testCode = this.tests.get(test.code);
        heard(h.prepare_test(testCode, g, everywhere));
        const prompt = test.given ? this.compiledPrompt(test.given) : undefined;
        if (prompt) h.give(prompt, g, testCode, test.entryPoint ?? '');
        if (test.check) {
          h.exec(testCode, g);
          own(h.check(own(h.entry(g, test.check)), own(h.entry(g, test.entryPoint ?? '')), testCode, g, everywhere));
        } else h.code_test(testCode, g, test.entryPoint ?? '', everywhere);
      }
    } catch (e) {
      thrown = { e };
    }
    if (testCode && !this.dead) {
      try {
        heard(h.test_tampering(testCode, undefined, everywhere));
      } catch {
        /* the interpreter is past checking: its failure is the verdict */
      }
    }
    const durationMs = performance.now() - started;
    let stdout = this.raw.out;
    let stderr = this.raw.err;
    let truncated = this.raw.over;
    if (!this.dead) {
      try {
        const printed = own(h.collect()).toJs() as [string, string, boolean];
        stdout = printed[0] + stdout;
        stderr = printed[1] + stderr;
        truncated ||= printed[2];
        // What the failing assert of the test saw (see explain in the harness), if one failed.
        const explained = h.explained();
        if (explained !== undefined) assertion = assertionDetail(own(explained).toJs() as unknown[]);
        if (h.deep_recursion()) this.dead = true;
      } catch {
        this.dead = true;
      }
    }
    let exitCode: number | undefined;
    if (thrown) ({ outcome, error, exitCode } = this.describe(thrown.e, stderr));
    for (const p of owned.reverse()) {
      try {
        p.destroy();
      } catch {
        /* already gone with the interpreter */
      }
    }
    if (truncated && (outcome === 'ok' || outcome === 'error')) outcome = 'output-limit';
    if (memoryRefused() && outcome !== 'memory') {
      // The code ran out of memory and carried on (it caught MemoryError): still a memory verdict.
      outcome = 'memory';
      error = { type: 'MemoryError', message: '' };
    }
    if (outcome === 'crashed' || outcome === 'stack-overflow') this.dead = true;
    return {
      outcome, value, error, stdout, stderr, truncated, durationMs,
      ...(assertion && outcome === 'assertion' ? { assertion } : {}),
      ...(tampered.length ? { tampered: unique(tampered) } : {}),
      ...(exitCode !== undefined && outcome === 'exit' ? { exitCode } : {}),
    };
  }

  /**
   * Code compiled once per runtime: test code for all the solutions of a task, and a solution's
   * code for every time it is evaluated again (a re-run, `check`, several tasks sharing one).
   * Code objects cannot be changed from Python, so sharing one shares no state; compiling is about
   * a quarter of a small task's time in Pyodide. Solutions and tests are kept apart so that a job's
   * tests never evict the program they run against.
   */
  private readonly solutions = new CodeCache((code) => this.harness.load(code, 'solution.py'));
  private readonly tests = new CodeCache((code) => this.harness.load_test(code));
  private readonly prompts = new CodeCache((code) => this.harness.load_prompt(code), 16);

  private describe(e: unknown, stderr = ''): { outcome: RawResult['outcome']; error: { type: string; message: string }; exitCode?: number } {
    const pe = e as PythonError;
    if (pe?.constructor?.name !== 'PythonError' || typeof pe.type !== 'string') {
      // Not a Python exception: the interpreter itself failed (stack exhausted in C, fatal error).
      this.dead = true;
      const message = String((e as Error)?.message ?? e).slice(0, 2000);
      // Checked first: the interpreter's next step after a stack overflow may be "memory access out of bounds".
      if (/Maximum call stack size exceeded|too much recursion|stack overflow/i.test(message)) return { outcome: 'stack-overflow', error: { type: 'RecursionError', message } };
      if (/memory|Cannot enlarge|RangeError: memory/i.test(message)) return { outcome: 'memory', error: { type: 'MemoryError', message } };
      return { outcome: 'crashed', error: { type: 'RuntimeError', message } };
    }
    // Pyodide prints the traceback to stderr, as CPython would, when it cannot put it in the message.
    const text = pe.message.trim() ? pe.message : stderr.slice(stderr.lastIndexOf('Traceback (most recent call last)'));
    const lines = text.trimEnd().split('\n');
    const last = lines.at(-1) ?? '';
    const type = pe.type;
    const message = last.startsWith(`${type}:`) ? last.slice(type.length + 1).trim() : last === type ? '' : last;
    const trace = userTraceback(lines);
    // The message first (what a summary shows), then where it happened.
    const error = { type, message: trace ? `${message}\n${trace}` : message };
    switch (type) {
      case 'AssertionError':
        return { outcome: 'assertion', error };
      case 'MemoryError':
        return { outcome: 'memory', error };
      case 'OutputLimit':
        return { outcome: 'output-limit', error };
      case 'SystemExit':
        return { outcome: 'exit', error: { type, message }, exitCode: exitStatus(message) };
      default:
        return { outcome: 'error', error };
    }
  }
}

/** The harness's (source, operator, left, right, value, message), strings or None, as the protocol's detail. */
function assertionDetail(parts: unknown[]): AssertionDetail | undefined {
  const [source, op, left, right, value, message] = parts.map((p) => (typeof p === 'string' ? p : undefined));
  if (source === undefined) return undefined;
  const known = ASSERT_OPERATORS.find((o) => o === op);
  return { source, ...(known !== undefined ? { op: known } : {}), ...(left !== undefined ? { left } : {}), ...(right !== undefined ? { right } : {}), ...(value !== undefined ? { value } : {}), ...(message !== undefined ? { message } : {}) };
}

/** Each change once, in the order first reported. */
export function unique(tampered: readonly Tamper[]): Tamper[] {
  const seen = new Map<string, Tamper>();
  for (const t of tampered) seen.set(`${t.kind}:${t.name}`, t);
  return [...seen.values()];
}

/** Keeps the traceback lines that point into the solution or the test, not into the harness. */
function userTraceback(lines: string[]): string {
  const kept: string[] = [];
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i]!;
    if (/^\s*File "(solution|test)\.py"/.test(line)) {
      kept.push(line.trim());
      const next = lines[i + 1];
      if (next && !/^\s*File "/.test(next) && /^\s{4,}/.test(next)) kept.push(`  ${next.trim()}`);
    }
  }
  return kept.slice(-12).join('\n');
}

/** Compiled code by source text, least recently used first out, bounded in entries and size. */
class CodeCache {
  private readonly entries = new Map<string, PyProxy>();
  private chars = 0;

  constructor(
    private readonly compile: (code: string) => PyProxy,
    private readonly maxEntries = 64,
    private readonly maxChars = 4 * MB,
  ) {}

  /** The compiled code; throws the compiler's error (nothing is kept then). */
  get(code: string): PyProxy {
    let c = this.entries.get(code);
    if (c !== undefined) {
      this.entries.delete(code);
      this.entries.set(code, c);
      return c;
    }
    c = this.compile(code);
    this.entries.set(code, c);
    this.chars += code.length;
    for (const [oldest, proxy] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break;
      if (oldest === code) break; // the one just compiled stays, whatever its size
      this.entries.delete(oldest);
      this.chars -= oldest.length;
      proxy.destroy();
    }
    return c;
  }
}

function isProxy(p: unknown): p is PyProxy {
  return typeof p === 'function' || (p !== null && typeof p === 'object' && typeof (p as PyProxy).destroy === 'function');
}

/** The status SystemExit's argument gives, as Python's own exit does: none, 0 or False is 0, an integer is itself, anything else (a message) is 1. */
function exitStatus(argument: string): number {
  const a = argument.trim();
  if (a === '' || a === 'None' || a === 'False') return 0;
  if (a === 'True') return 1;
  return /^-?\d{1,15}$/.test(a) ? Number(a) : 1;
}

function heapBytes(py: PyodideAPI): number {
  const mod = (py as unknown as { _module?: { HEAPU8?: Uint8Array } })._module;
  return mod?.HEAPU8?.byteLength ?? 0;
}
