// Where the runtimes and the pieces of the Node sandbox live on disk, found from this file.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PYTHON_HARNESS } from '../harness/python.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The package root (build/node/sandbox/node → four levels up). */
export const ROOT = path.resolve(here, '../../../..');
const require = createRequire(path.join(ROOT, 'package.json'));
function packageDir(name: string): string {
  for (let dir = path.dirname(require.resolve(name)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file) && (JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string }).name === name) return dir;
  }
  throw new Error(`package ${name} is not installed`);
}

export const PYODIDE_DIR = packageDir('pyodide');
export const PYODIDE_VERSION = (JSON.parse(fs.readFileSync(path.join(PYODIDE_DIR, 'package.json'), 'utf8')) as { version: string }).version;
export const QUICKJS_CORE_DIR = packageDir('quickjs-emscripten-core');
export const QUICKJS_VARIANT_DIR = packageDir('@jitl/quickjs-wasmfile-release-sync');
export const QUICKJS_FFI_DIR = packageDir('@jitl/quickjs-ffi-types');
/** TypeScript 5 under an alias (typescript 7, the type checker, has no transpileModule): its lib/ folder. */
export const TYPESCRIPT_LIB_DIR = path.dirname(require.resolve('typescript-transpiler'));
/** clang and its C++ headers and libraries, as WebAssembly (gen/: the module and its resource files). */
export const CLANG_DIR = path.dirname(require.resolve('@yowasp/clang'));
/** The WASI shim C++ programs run under (the same one the browser uses). */
export const WASI_SHIM_DIR = path.dirname(path.dirname(require.resolve('@bjorn3/browser_wasi_shim')));
export const CHILD_ENTRY = path.join(here, 'child.js');
export const SNAPSHOT_MAKER = path.join(here, 'snapshot.js');
// In build/, not node_modules/.cache: checkouts that share one node_modules (worktrees) may hold
// different harnesses, and making one's snapshot deletes the others'.
export const CACHE_DIR = path.join(ROOT, 'build', 'cache');
// The snapshot holds the set-up harness, so it is named after the harness as well as Pyodide.
const harnessHash = createHash('sha256').update(PYTHON_HARNESS).digest('hex').slice(0, 12);
export const SNAPSHOT_FILE = path.join(CACHE_DIR, `pyodide-${PYODIDE_VERSION}-${harnessHash}.snapshot`);
