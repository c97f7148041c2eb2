// Entry point of a browser JavaScript worker, started inside the sandbox frame: loads QuickJS (one
// WASM file, handed over by the app: workerBoot.ts), closes what the worker leaves open, then serves
// jobs. QuickJS has its own interrupt (runners/quickjs.ts). Holds no logic of its own.
import releaseSync from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSSyncVariant } from 'quickjs-emscripten-core';
import { installMemoryCap } from '../memoryCap.js';
import { QuickJSRunner } from '../runners/quickjs.js';
import { serve } from '../serve.js';
import { lockDown } from './lockDown.js';
import { RUNTIME_FILES, runtimeFileUrl } from './runtimeFiles.js';
import { takeBoot } from './workerBoot.js';
import { workerPort } from './workerPort.js';

/** QuickJS stack limit: a Chromium worker's real stack only leaves about 160 KB safe (docs/RUNTIME-NOTES.md). */
const STACK_BYTES = 128 * 1024;

/**
 * The variant's default export. Vite loads the package's ESM build, where the default import is the
 * variant; TypeScript (NodeNext) reads its .d.ts as CommonJS and types the import as the module.
 */
const VARIANT = releaseSync as unknown as QuickJSSyncVariant;

const port = workerPort();

async function main(): Promise<void> {
  const started = performance.now();
  const boot = takeBoot();
  installMemoryCap();
  const wasmLocation = runtimeFileUrl(RUNTIME_FILES.javascript[0]!, boot.base);
  const module = await newQuickJSWASMModuleFromVariant(newVariant(VARIANT, { wasmLocation }));
  const runner = new QuickJSRunner(module, STACK_BYTES);
  lockDown();
  serve(port, runner, performance.now() - started);
}

main().catch(port.fail);
