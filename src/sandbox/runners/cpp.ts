// Runs C++ jobs: compiles the solution with clang built to WebAssembly (the caller provides it),
// then runs the program as WASI under a shim with stdin, stdout and stderr only: no files, no
// environment, no processes. Binaries are cached by source hash, so a re-run does not recompile,
// and the headers a solution starts by including are precompiled once per worker (headerPrefix), so
// a solution that includes the same ones as an earlier solution does not parse them again.
// Environment-neutral (the caller provides the compiler and the shim module); the worker that
// holds this runner cannot stop a running program, so the
// host's deadline (client.ts) ends an endless loop by replacing the worker.
import type * as WasiShim from '@bjorn3/browser_wasi_shim';
import type { Job, Outcome, RawResult, Runner, SandboxTest } from '../protocol.js';
import { sha256Hex } from './sha256.js';

/** Compiles and links: source files by name, clang++ arguments; the files it wrote and its stdout, or clang's messages. */
export type Compiler = (files: Record<string, string | Uint8Array>, args: string[]) => { ok: true; files: Record<string, Uint8Array>; stdout: Uint8Array } | { ok: false; messages: string };

const PAGE = 64 * 1024;
/** Linear memory the binary starts with: holds the stack (STACK_BYTES) and static data. */
const INITIAL_BYTES = 16 * 1024 * 1024;
const STACK_BYTES = 8 * 1024 * 1024;
/** Compiled binaries kept per worker (most recent first out of the way). */
const CACHE_SIZE = 64;
/** Precompiled headers kept per worker: about 13 MB each for iostream, vector, algorithm and string. */
const HEADER_CACHE_SIZE = 4;

/**
 * The compiler flags, fixed so that a cached binary is always the same program:
 * - the binary imports its memory, so the host sets the memory limit per test;
 * - the stack comes first in memory: an overflow runs below address 0 and traps, instead of
 *   silently overwriting static data;
 * - exceptions are on, so `throw` compiles; this toolchain has no unwinder (its libc++abi is built
 *   without exceptions), so THROW_RUNTIME ends the program at the throw, as an uncaught exception
 *   would, and a `catch` never runs (see README, "C++").
 */
const COMPILE_FLAGS = ['-std=c++17', '-O1', '-w', '-fno-caret-diagnostics'];
export const CPP_FLAGS = [
  ...COMPILE_FLAGS,
  '-Wl,--import-memory', '-Wl,--export-memory', `-Wl,--initial-memory=${INITIAL_BYTES}`, `-Wl,-z,stack-size=${STACK_BYTES}`, '-Wl,--stack-first',
];

/** What `throw` calls: reports the exception's type on stderr (as libstdc++ does), then aborts. */
const THROW_RUNTIME = String.raw`#include <cstdlib>
#include <cstdio>
#include <typeinfo>
namespace abi { extern "C" char* __cxa_demangle(const char*, char*, std::size_t*, int*); }
extern "C" {
void* __cxa_allocate_exception(std::size_t size) noexcept {
  void* p = std::malloc(size + 16);
  if (!p) std::abort();
  return static_cast<char*>(p) + 16;
}
void __cxa_free_exception(void* p) noexcept { std::free(static_cast<char*>(p) - 16); }
[[noreturn]] void __cxa_throw(void*, std::type_info* tinfo, void* (*)(void*)) {
  int status = 0;
  char* name = abi::__cxa_demangle(tinfo->name(), nullptr, nullptr, &status);
  std::fprintf(stderr, "terminate called after throwing an instance of '%s'\n", name ? name : tinfo->name());
  std::abort();
}
}
`;

/**
 * Preprocessor names a code test's program depends on. A solution that defines or undefines one of
 * them (or one the test's code uses) could rewrite the test itself, so it does not compile.
 */
const GUARDED = ['main', 'assert', 'NDEBUG', 'include', 'define', 'undef'];

type Program = { ok: true; module: WebAssembly.Module } | { ok: false; messages: string };

/**
 * The lines a solution starts with when they are only `#include <…>` of headers, `using namespace
 * std;`, blank lines and `//` comments (ending at the last include or using line), or undefined
 * when it does not start with an include. Precompiling exactly this text and compiling the solution
 * after it (`-include-pch`) is the same program: it is the solution's own first lines, the headers'
 * include guards make the second inclusion a no-op, and `assert.h`, which has none, defines the same
 * macro again. Parsing the standard headers is most of a compile (about 2 of its 3 s in Node on
 * Liftoff; docs/RUNTIME-NOTES.md), and solutions to one task mostly include the same ones.
 */
export function headerPrefix(source: string): string | undefined {
  const lines = source.split('\n');
  let end = 0;
  for (const [i, line] of lines.entries()) {
    // A line that ends in a backslash goes on in the next one: the prefix stops before it.
    if (/\\\s*$/.test(line) || !/^[ \t]*(?:#[ \t]*include[ \t]*<[\w./+-]+>[ \t]*|using[ \t]+namespace[ \t]+std[ \t]*;[ \t]*|\/\/.*)?\r?$/.test(line)) break;
    if (/^[ \t]*[#u]/.test(line)) end = i + 1;
  }
  const prefix = lines.slice(0, end).join('\n');
  return /#[ \t]*include/.test(prefix) ? `${prefix}\n` : undefined;
}

export class CppRunner implements Runner {
  readonly language = 'cpp' as const;
  private readonly cache = new Map<string, Program>();
  /** Precompiled headers by the text they were made of; null when those headers do not compile. */
  private readonly headers = new Map<string, Uint8Array | null>();
  private runtimeObject: Uint8Array | undefined;

  private readonly sink: SinkClass;

  constructor(
    private readonly compiler: Compiler,
    private readonly shim: typeof WasiShim,
  ) {
    this.sink = sinkClass(shim);
  }

  run(job: Job, report: (index: number, result: RawResult) => void, started: (index: number) => void = () => {}): { recycle: boolean } {
    for (let i = 0; i < job.tests.length; i++) report(job.firstIndex + i, this.runTest(job, job.tests[i]!, () => started(job.firstIndex + i)));
    return { recycle: false };
  }

  /** Compiles (or finds) the test's program, says it starts, runs it. The duration is the run's alone. */
  private runTest(job: Job, test: SandboxTest, started: () => void): RawResult {
    const at = performance.now();
    if (test.kind === 'call')
      return result('error', at, { error: { type: 'Unsupported', message: 'C++ solutions are tested with stdio or code tests; a call test has no C++ calling convention' } });
    const program = this.program(job.code, test.kind === 'code' ? test.code : undefined);
    if (!program.ok) return result('compile', performance.now(), { error: { type: 'CompileError', message: program.messages } });
    started();
    return execute(this.shim, this.sink, program.module, test.kind === 'stdio' ? test.stdin : '', job.limits, performance.now());
  }

  /** The compiled program for a solution (and a code test's code after it), from the cache when it can. */
  private program(solution: string, testCode: string | undefined): Program {
    const key = programKey(solution, testCode);
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached); // most recently used last
      return cached;
    }
    const program = this.compile(solution, testCode);
    this.cache.set(key, program);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return program;
  }

  private compile(solution: string, testCode: string | undefined): Program {
    const runtime = this.runtime();
    if (!runtime.ok) return runtime;
    const files: Record<string, string | Uint8Array> = { 'solution.cpp': solution, 'throw.o': runtime.object };
    let main = 'solution.cpp';
    if (testCode !== undefined) {
      const redefined = redefinedNames(solution, testCode);
      if (redefined.length) return { ok: false, messages: `solution.cpp: the solution redefines ${redefined.map((n) => `'${n}'`).join(', ')}, which the test's code relies on` };
      // The test includes the solution: a comment or #if left open in it ends with it.
      files['test.cpp'] = `#include "solution.cpp"\n#line 1 "test.cpp"\n${testCode}`;
      main = 'test.cpp';
    }
    const args = [...CPP_FLAGS, main, 'throw.o', '-o', 'program.wasm'];
    const prefix = headerPrefix(solution);
    const pch = prefix === undefined ? null : this.header(prefix);
    let out = pch ? this.compiler({ ...files, 'prefix.hpp': prefix!, 'prefix.pch': pch }, ['clang++', '-include-pch', 'prefix.pch', ...args]) : undefined;
    // A program that does not compile is compiled again without the header, so that its messages
    // are the ones it gets alone (no note points into prefix.hpp).
    if (!out?.ok) out = this.compiler(files, ['clang++', ...args]);
    if (!out.ok) return { ok: false, messages: compilerMessages(out.messages) };
    const wasm = out.files['program.wasm'];
    if (!wasm) return { ok: false, messages: 'the compiler produced no program' };
    return { ok: true, module: new WebAssembly.Module(wasm as Uint8Array<ArrayBuffer>) };
  }

  /** The precompiled header for a solution's first lines, made the first time they are seen. */
  private header(prefix: string): Uint8Array | null {
    const known = this.headers.get(prefix);
    if (known !== undefined) {
      this.headers.delete(prefix);
      this.headers.set(prefix, known);
      return known;
    }
    // Written to stdout (clang.ts says why), with the flags the programs are compiled with (clang
    // refuses a precompiled header made with other options), less the linker's.
    const out = this.compiler({ 'prefix.hpp': prefix }, ['clang++', ...COMPILE_FLAGS, '-x', 'c++-header', 'prefix.hpp', '-o', '-']);
    const pch = out.ok && out.stdout.byteLength > 0 ? out.stdout : null;
    this.headers.set(prefix, pch);
    if (this.headers.size > HEADER_CACHE_SIZE) this.headers.delete(this.headers.keys().next().value!);
    return pch;
  }

  private runtime(): { ok: true; object: Uint8Array } | { ok: false; messages: string } {
    if (!this.runtimeObject) {
      const out = this.compiler({ 'throw.cpp': THROW_RUNTIME }, ['clang++', ...CPP_FLAGS, '-c', 'throw.cpp', '-o', 'throw.o']);
      if (!out.ok || !out.files['throw.o']) return { ok: false, messages: `the C++ runtime did not compile: ${out.ok ? '' : out.messages}` };
      this.runtimeObject = out.files['throw.o'];
    }
    return { ok: true, object: this.runtimeObject };
  }
}

/**
 * What a compiled program is cached by: a SHA-256 of the flags, the solution and the test's code
 * (none for a stdio test), so that only the very same source, compiled the same way, finds it.
 */
export function programKey(solution: string, testCode: string | undefined): string {
  // JSON keeps the parts apart: no solution's text can stand for another solution and test code.
  return sha256Hex(JSON.stringify([CPP_FLAGS, solution, testCode ?? null]));
}

/** Names of GUARDED (or of identifiers in the test's code) that the solution #defines or #undefs. */
export function redefinedNames(solution: string, testCode: string): string[] {
  const testNames = new Set(testCode.match(/[A-Za-z_]\w*/g) ?? []);
  const found = new Set<string>();
  for (const m of stripComments(solution).matchAll(/^[ \t]*#[ \t]*(?:define|undef)[ \t]+([A-Za-z_]\w*)/gm)) {
    const name = m[1]!;
    if (GUARDED.includes(name) || testNames.has(name)) found.add(name);
  }
  return [...found];
}

function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (c) => c.replace(/[^\n]/g, ' '));
}

/** clang's messages, errors first and at most a few kB: the solution's own file and line stay in them. */
function compilerMessages(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim() && !/^\d+ errors? generated\.?$/.test(l.trim()));
  const errors = lines.filter((l) => /\berror:/.test(l));
  return (errors.length ? [...errors, ...lines.filter((l) => !/\berror:/.test(l) && !/warning:/.test(l))].slice(0, 30) : lines.slice(0, 30)).join('\n').slice(0, 4000);
}

class OutputLimit extends Error {}

type Budget = { left: number; over: boolean };
type Sink = InstanceType<typeof WasiShim.Fd> & { text: string };
type SinkClass = new (budget: Budget) => Sink;

/** stdout or stderr: collects text up to the job's output limit, then stops the program. */
function sinkClass(shim: typeof WasiShim): SinkClass {
  return class extends shim.Fd {
    text = '';
    private readonly decoder = new TextDecoder();
    constructor(private readonly budget: Budget) {
      super();
    }
    override fd_write(data: Uint8Array): { ret: number; nwritten: number } {
      const room = Math.max(this.budget.left, 0);
      this.text += this.decoder.decode(data.subarray(0, room), { stream: true });
      this.budget.left -= data.byteLength;
      if (this.budget.left < 0) {
        this.budget.over = true;
        throw new OutputLimit();
      }
      return { ret: 0, nwritten: data.byteLength };
    }
  };
}

function execute(shim: typeof WasiShim, Sink: SinkClass, module: WebAssembly.Module, stdin: string, limits: Job['limits'], started: number): RawResult {
  const maxPages = Math.max(INITIAL_BYTES / PAGE, Math.floor((limits.memoryMb * 1024 * 1024) / PAGE));
  const memory = new WebAssembly.Memory({ initial: INITIAL_BYTES / PAGE, maximum: maxPages });
  const budget = { left: limits.outputBytes, over: false };
  const stdout = new Sink(budget);
  const stderr = new Sink(budget);
  // No preopened directory and no environment: every path open fails, getenv finds nothing.
  const wasi = new shim.WASI(['solution'], [], [new shim.OpenFile(new shim.File(new TextEncoder().encode(stdin))), stdout, stderr]);
  let outcome: Outcome = 'ok';
  let error: RawResult['error'];
  let exitCode: number | undefined;
  try {
    const instance = new WebAssembly.Instance(module, { env: { memory }, wasi_snapshot_preview1: wasi.wasiImport });
    // start() turns proc_exit into a return value; a normal return from main with 0 never calls it.
    wasi.inst = instance as typeof wasi.inst;
    (instance.exports._start as () => void)();
  } catch (e) {
    if (e instanceof shim.WASIProcExit) {
      outcome = 'exit';
      error = { type: 'exit', message: `exit(${e.code})` };
      exitCode = e.code;
    } else if (e instanceof OutputLimit || budget.over) outcome = 'output-limit';
    else {
      const message = e instanceof Error ? e.message : String(e);
      // Growth failing inside the program is not seen from here: a program that failed with its
      // memory near the limit ran out of it (an allocation failed, or what it did next).
      const full = memory.buffer.byteLength >= 0.9 * maxPages * PAGE;
      if (full || /std::bad_alloc/.test(stderr.text) || /out of memory/i.test(message)) {
        outcome = 'memory';
        error = { type: 'MemoryError', message: 'out of memory' };
      } else if (/Assertion failed/.test(stderr.text)) {
        outcome = 'assertion';
        error = { type: 'AssertionError', message: stderr.text.split('\n').find((l) => /Assertion failed/.test(l))!.slice(0, 2000) };
      } else {
        outcome = 'error';
        error = { type: e instanceof RangeError ? 'StackOverflow' : 'RuntimeError', message: `${runtimeMessage(message)}${stderr.text ? `\n${stderr.text.slice(-2000)}` : ''}` };
      }
    }
  }
  return { outcome, ...(error ? { error } : {}), ...(exitCode !== undefined ? { exitCode } : {}), stdout: stdout.text, stderr: stderr.text, truncated: budget.over, durationMs: performance.now() - started };
}

/** What a trap means to someone reading C++. */
function runtimeMessage(message: string): string {
  if (/unreachable/.test(message)) return 'the program aborted (abort(), an uncaught exception, or undefined behaviour)';
  if (/out of bounds/.test(message)) return 'memory access out of bounds (a bad pointer or index, or a stack overflow)';
  if (/call stack/i.test(message)) return 'stack overflow (recursion too deep)';
  if (/divide by zero|integer divide/i.test(message)) return 'integer division by zero';
  return message.slice(0, 2000);
}

function result(outcome: Outcome, started: number, extra: Partial<RawResult>): RawResult {
  return { outcome, stdout: '', stderr: '', truncated: false, durationMs: performance.now() - started, ...extra };
}
