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
import { CACHE_DIR, CHILD_ENTRY, PYODIDE_DIR, QUICKJS_CORE_DIR, QUICKJS_FFI_DIR, QUICKJS_VARIANT_DIR, ROOT, SNAPSHOT_FILE, SNAPSHOT_MAKER } from './paths.js';

const BUILD_DIR = path.dirname(path.dirname(path.dirname(CHILD_ENTRY)));

function flags(language: Language, tierUp: boolean): string[] {
  const read = [path.join(BUILD_DIR, 'sandbox'), path.join(BUILD_DIR, 'domain'), path.join(ROOT, 'package.json')];
  if (language === 'python') read.push(PYODIDE_DIR, SNAPSHOT_FILE);
  else read.push(QUICKJS_CORE_DIR, QUICKJS_VARIANT_DIR, QUICKJS_FFI_DIR);
  return [
    '--experimental-permission',
    ...read.map((p) => `--allow-fs-read=${p}`),
    '--allow-worker', // the module-loading hook runs on a thread of its own
    '--disallow-code-generation-from-strings',
    '--stack-size=3800', // V8 stack under the 8 MB thread stack: QuickJS's own limit sits well inside it
    '--max-old-space-size=512',
    '--no-warnings',
    ...(tierUp ? [] : ['--liftoff-only']),
  ];
}

/**
 * Whether V8 may tier a runtime's WebAssembly up from Liftoff to TurboFan. The optimizing compiles
 * run on background threads of each sandbox process and pay off only when a core is free for them:
 * with a worker per core they take CPU from the runs themselves. Pyodide's 9.6 MB module never
 * tiers up: its compiles (~0.5 s of CPU per process) outlast a run of a hundred tasks even on a
 * free core, and a replaced worker starts them over; Liftoff alone is ~30% slower in steady state.
 * QuickJS's small module tiers up within a few hundred ms, worth it when a core is free.
 */
function tiersUp(language: Language, poolSize: number): boolean {
  return language === 'javascript' && poolSize < os.availableParallelism();
}

/** Starts sandbox child processes for a pool of `poolSize` workers per language. */
export const nodeWorkerFactory = (poolSize: number): WorkerFactory => (language, events) => {
  const args = language === 'python' ? [PYODIDE_DIR, SNAPSHOT_FILE] : [QUICKJS_CORE_DIR, QUICKJS_VARIANT_DIR];
  const child = spawn(process.execPath, [...flags(language, tiersUp(language, poolSize)), CHILD_ENTRY, language, ...args], {
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
export function nodeSandbox(events: SandboxEvents = {}, size = Math.max(1, Math.min(os.availableParallelism(), 8))): Sandbox {
  return new Sandbox(nodeWorkerFactory(size), size, events, { spares: 1, earlySpares: ['python'], ahead: 1 });
}
