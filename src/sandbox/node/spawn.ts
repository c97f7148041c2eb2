// Starts sandbox workers as Node child processes: one runtime each, under the permission model
// (read-only access to the runtime's own files, no writes, no child processes, no addons), with
// an empty environment and code generation from strings switched off.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Language } from '../../domain/task.js';
import type { WorkerFactory, WorkerHandle } from '../client.js';
import { Sandbox, type SandboxEvents } from '../client.js';
import { CACHE_DIR, CHILD_ENTRY, PYODIDE_DIR, QUICKJS_CORE_DIR, QUICKJS_FFI_DIR, QUICKJS_VARIANT_DIR, ROOT, SNAPSHOT_FILE, SNAPSHOT_MAKER, TYPESCRIPT_LIB_DIR, CLANG_DIR, WASI_SHIM_DIR } from './paths.js';

const BUILD_DIR = path.dirname(path.dirname(path.dirname(CHILD_ENTRY)));

/** What a child of each language is started with (child.ts reads them in order); it may read each. */
const RUNTIME_ARGS: Record<Language, readonly string[]> = {
  python: [PYODIDE_DIR, SNAPSHOT_FILE],
  javascript: [QUICKJS_CORE_DIR, QUICKJS_VARIANT_DIR],
  typescript: [QUICKJS_CORE_DIR, QUICKJS_VARIANT_DIR, TYPESCRIPT_LIB_DIR],
  cpp: [CLANG_DIR, WASI_SHIM_DIR],
};

/**
 * How V8 compiles a runtime's WebAssembly in a sandbox child. `liftoff`: the baseline compiler
 * only, compiled lazily as functions are first called. `dynamic`: the same start, then functions
 * that run hot are compiled again by the optimizing compiler (TurboFan) on a background thread,
 * `budget` bytes of execution after their first call (V8's default is 1,800,000).
 */
export type Tiering = { tier: 'liftoff' } | { tier: 'dynamic'; budget?: number };

function tieringFlags(t: Tiering): string[] {
  if (t.tier === 'liftoff') return ['--liftoff-only'];
  return t.budget ? [`--wasm-tiering-budget=${t.budget}`] : [];
}

function flags(language: Language, tiering: Tiering): string[] {
  const read = [path.join(BUILD_DIR, 'sandbox'), path.join(BUILD_DIR, 'domain'), path.join(ROOT, 'package.json')];
  read.push(...RUNTIME_ARGS[language]);
  if (language === 'javascript' || language === 'typescript') read.push(QUICKJS_FFI_DIR);
  return [
    '--experimental-permission',
    ...read.map((p) => `--allow-fs-read=${p}`),
    '--allow-worker', // the module-loading hook runs on a thread of its own
    '--disallow-code-generation-from-strings',
    '--stack-size=3800', // V8 stack under the 8 MB thread stack: QuickJS's own limit sits well inside it
    // clang's own memory is WebAssembly memory, outside this heap; the program's is capped per test.
    '--max-old-space-size=512',
    '--no-warnings',
    ...tieringFlags(tiering),
  ];
}

/**
 * Whether V8 may tier a runtime's WebAssembly up from Liftoff to TurboFan. The optimizing compiles
 * run on background threads of each sandbox process and pay off only when a core is free for them:
 * with a worker per core they take CPU from the runs themselves. Pyodide's 9.6 MB module stays on
 * Liftoff: its hot code is CPython's interpreter loop, one huge function whose TurboFan compile
 * outlasts a run of a hundred tasks (and a replaced worker starts it over), whatever the tiering
 * budget; `npm run bench` prints that trade-off. Start-up is the same either way (compilation is
 * lazy). Node 20 has no way to cache compiled WebAssembly across processes (docs/RUNTIME-NOTES.md).
 * QuickJS's small module tiers up within a few hundred ms, worth it when a core is free.
 */
function defaultTiering(language: Language, poolSize: number): Tiering {
  return language !== 'python' && poolSize < os.availableParallelism() ? { tier: 'dynamic' } : { tier: 'liftoff' };
}

/**
 * Starts sandbox child processes for a pool of `poolSize` workers per language, compiled as
 * `tiering` says (default: defaultTiering); `npm run bench` measures the choices side by side.
 */
export const nodeWorkerFactory = (poolSize: number, tiering: Partial<Record<Language, Tiering>> = {}): WorkerFactory => (language, events) => {
  const child = spawn(process.execPath, [...flags(language, tiering[language] ?? defaultTiering(language, poolSize)), CHILD_ENTRY, language, ...RUNTIME_ARGS[language]], {
    env: {},
    cwd: os.tmpdir(),
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  let exited = false;
  child.on('message', (m) => events.message(m));
  child.on('exit', (code, signal) => {
    if (exited) return;
    exited = true;
    events.exit(signal ? `signal ${signal}` : `exit code ${code}${stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' ')}` : ''}`);
  });
  child.on('error', (e) => events.exit(String(e)));
  const handle: WorkerHandle = {
    send: (m) => {
      if (child.connected) child.send(m);
    },
    kill: () => {
      exited = true;
      child.kill('SIGKILL');
    },
  };
  return handle;
};

/** Makes the Pyodide memory snapshot if there is none yet (a few seconds, once per install). */
export function ensureSnapshot(): void {
  if (fs.existsSync(SNAPSHOT_FILE)) return;
  // Snapshots of other Pyodide or harness versions are of no further use.
  for (const old of fs.existsSync(CACHE_DIR) ? fs.readdirSync(CACHE_DIR) : [])
    if (/^pyodide-.*\.snapshot$/.test(old)) fs.rmSync(path.join(CACHE_DIR, old), { force: true });
  const r = spawnSync(process.execPath, ['--no-warnings', SNAPSHOT_MAKER, SNAPSHOT_FILE], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`could not make the Pyodide snapshot: ${r.stderr?.toString().slice(-2000)}`);
}

/**
 * A sandbox of Node child processes: one pool slot per core, a spare per language (Python's started
 * when a test nears its deadline: only a kill stops it here), and a job sent ahead to busy workers.
 */
export function nodeSandbox(
  events: SandboxEvents = {},
  size = Math.max(1, Math.min(os.availableParallelism(), 8)),
  tiering: Partial<Record<Language, Tiering>> = {},
): Sandbox {
  return new Sandbox(nodeWorkerFactory(size, tiering), size, events, { spares: 1, earlySpares: ['python', 'cpp'], ahead: 1 });
}
