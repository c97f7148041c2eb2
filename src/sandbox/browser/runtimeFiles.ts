// Which files each runtime worker reads while it starts, named by their path under the app's base
// URL. The app fetches them (from its own origin, or the service worker's cache when offline) and
// hands them to the worker, which has no network (workerBoot.ts). Shared by both sides.
import quickjsWasm from '@jitl/quickjs-wasmfile-release-sync/wasm?url';
import type { Language } from '../../domain/task.js';
import { CLANG_FILES, CLANG_PATH } from './clangFiles.js';

/** Where vite.config.ts serves Pyodide's own files. */
export const PYODIDE_PATH = 'pyodide/';

export const RUNTIME_FILES: Record<Language, readonly string[]> = {
  python: ['pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'].map((f) => PYODIDE_PATH + f),
  // A path Vite resolves (hashed when built, base included); the JavaScript worker imports the same one.
  javascript: [quickjsWasm],
  typescript: [quickjsWasm],
  // Not precached by the service worker: fetched when a C++ task first opens (runtimeBundle.ts).
  cpp: CLANG_FILES.map((f) => CLANG_PATH + f),
};

/**
 * Files of RUNTIME_FILES that the sandbox frame compiles once for all of a language's workers
 * (frame.protocol.ts `modules`): clang's, whose 75 MB module every new C++ worker compiled again.
 */
export const RUNTIME_MODULES: Partial<Record<Language, readonly string[]>> = {
  cpp: CLANG_FILES.filter((f) => f.endsWith('.wasm')).map((f) => CLANG_PATH + f),
};

/** The absolute URL of a runtime file: `path` is relative to the base, or absolute as a `?url` import gives it. */
export function runtimeFileUrl(path: string, base: string): string {
  return new URL(path, base).href;
}

/** The type a file is served with, from its name: a Response or module made from it needs the right one. */
export function runtimeFileType(path: string): string {
  const ext = /\.([a-z]+)(?:[?#].*)?$/.exec(path)?.[1];
  switch (ext) {
    case 'js':
    case 'mjs':
      return 'text/javascript';
    case 'wasm':
      return 'application/wasm';
    case 'json':
      return 'application/json';
    case 'zip':
      return 'application/zip';
    default:
      return 'application/octet-stream';
  }
}
