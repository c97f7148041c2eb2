// Entry point of a sandbox child process (one runtime each). The parent starts it under Node's
// permission model with an empty environment; this file loads the runtime, then closes what Node
// leaves open (network globals, module loading, `process`) before any untrusted code arrives.
// See ../../../README.md#security for the layers.
import fs from 'node:fs';
import { register } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import type { FromWorker, Runner, ToWorker } from '../protocol.js';
import { installMemoryCap } from '../memoryCap.js';
import { serve } from '../serve.js';

const [language, runtimeDir, extra, typescriptDir] = process.argv.slice(2) as [string, string, string | undefined, string | undefined];
const proc = process;
const send = (m: FromWorker) => proc.send?.(m);
let handler: ((m: ToWorker) => void) | undefined;
proc.on('message', (m: ToWorker) => handler?.(m));
proc.on('disconnect', () => proc.exit(0));

async function main(): Promise<void> {
  const started = performance.now();
  // The permission model refuses process.binding, which Pyodide's start-up asks for constants.
  const p = proc as unknown as { binding: (n: string) => unknown };
  const binding = p.binding.bind(proc);
  p.binding = (name: string) =>
    name === 'constants' ? { fs: fs.constants, os: os.constants } : binding(name);
  const flag = new SharedArrayBuffer(4);
  // Starting the hooks thread blocks for ~80 ms: do it while the runtime's WebAssembly compiles.
  const registerHook = () => register(new URL('./denyHook.js', import.meta.url).href, { data: { flag } });

  installMemoryCap();
  let runner: Runner;
  if (language === 'python') {
    const { PyodideRunner, PYODIDE_LOAD_OPTIONS } = await import('../runners/pyodide.js');
    const { loadPyodide } = (await import(pathToFileURL(`${runtimeDir}/pyodide.mjs`).href)) as typeof import('pyodide');
    const snapshot = extra && fs.existsSync(extra) ? fs.readFileSync(extra) : undefined;
    const loading = loadPyodide({ indexURL: `${runtimeDir}/`, ...PYODIDE_LOAD_OPTIONS, ...(snapshot ? { _loadSnapshot: snapshot } : {}) } as Parameters<typeof loadPyodide>[0]);
    loading.catch(() => {}); // reported below, through main()'s own failure
    await new Promise((resolve) => setTimeout(resolve, 30));
    registerHook();
    runner = new PyodideRunner(await loading);
  } else if (language === 'cpp') {
    runner = await cppRunner();
    registerHook();
  } else {
    const { QuickJSRunner } = await import('../runners/quickjs.js');
    const core = (await import(pathToFileURL(`${runtimeDir}/dist/index.mjs`).href)) as typeof import('quickjs-emscripten-core');
    const variant = (await import(pathToFileURL(`${extra}/dist/index.mjs`).href)).default;
    runner = new QuickJSRunner(await core.newQuickJSWASMModuleFromVariant(variant), STACK_BYTES);
    if (language === 'typescript') {
      const { TypeScriptRunner } = await import('../runners/typescript.js');
      const ts = (await import(pathToFileURL(`${typescriptDir}/typescript.js`).href)).default as typeof import('typescript-transpiler');
      runner = new TypeScriptRunner(ts, runner);
    }
    registerHook();
  }
  lockDown(flag);
  serve({ post: send, listen: (h) => (handler = h) }, runner, performance.now() - started);
}

/**
 * clang (WebAssembly) loaded and its headers read before the lock, so every compile afterwards
 * runs synchronously with nothing left to fetch (runners/clang.ts, shared with the browser).
 */
async function cppRunner(): Promise<Runner> {
  const { CppRunner } = await import('../runners/cpp.js');
  const { clangCompiler } = await import('../runners/clang.js');
  const clang = (await import(pathToFileURL(`${runtimeDir}/bundle.js`).href)) as typeof import('@yowasp/clang');
  const shim = (await import(pathToFileURL(`${extra}/dist/index.js`).href)) as typeof import('@bjorn3/browser_wasi_shim');
  return new CppRunner(await clangCompiler(clang), shim);
}

/** QuickJS stack limit; this process runs with a larger V8 stack (see spawn.ts) so overflow stays catchable. */
const STACK_BYTES = 1024 * 1024;

function lockDown(flag: SharedArrayBuffer): void {
  const g = globalThis as Record<string, unknown>;
  for (const name of ['fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest', 'Request', 'Response', 'Headers', 'FormData'])
    delete g[name];
  Atomics.store(new Int32Array(flag), 0, 1);
  Object.defineProperty(globalThis, 'process', { value: undefined, writable: false, configurable: false });
}

main().catch((e: unknown) => {
  send({ type: 'startup-failed', message: String((e as Error)?.stack ?? e).slice(0, 4000) });
  setTimeout(() => proc.exit(1), 50);
});
