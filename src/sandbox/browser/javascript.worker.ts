// Entry point of a browser JavaScript worker: loads QuickJS (one WASM file, bundled by Vite and
// served by the app), then serves jobs. Holds no logic of its own.
import releaseSync from '@jitl/quickjs-wasmfile-release-sync';
import wasmUrl from '@jitl/quickjs-wasmfile-release-sync/wasm?url';
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSSyncVariant } from 'quickjs-emscripten-core';
import { installMemoryCap } from '../memoryCap.js';
import { QuickJSRunner } from '../runners/quickjs.js';
import { serve } from '../serve.js';
import { lockDown } from './lockDown.js';
import { workerPort } from './workerPort.js';

/** QuickJS stack limit: a Chromium worker's real stack only leaves about 160 KB safe (NOTES.md). */
const STACK_BYTES = 128 * 1024;

/**
 * The variant's default export. Vite loads the package's ESM build, where the default import is the
 * variant; TypeScript (NodeNext) reads its .d.ts as CommonJS and types the import as the module.
 */
const VARIANT = releaseSync as unknown as QuickJSSyncVariant;

const port = workerPort();

async function main(): Promise<void> {
  const started = performance.now();
  installMemoryCap();
  const module = await newQuickJSWASMModuleFromVariant(newVariant(VARIANT, { wasmLocation: wasmUrl }));
  const runner = new QuickJSRunner(module, STACK_BYTES);
  lockDown();
  serve(port, runner, performance.now() - started);
}

main().catch(port.fail);
