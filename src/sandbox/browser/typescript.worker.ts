// Entry point of a browser TypeScript worker, started inside the sandbox frame: QuickJS (the same
// WASM file as the JavaScript worker) plus TypeScript's transpiler, bundled into this worker's one
// file, so the app's first load never carries it. Holds no logic of its own (runners/typescript.ts).
import releaseSync from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSSyncVariant } from 'quickjs-emscripten-core';
import ts from 'typescript-transpiler';
import { installMemoryCap } from '../memoryCap.js';
import { QuickJSRunner } from '../runners/quickjs.js';
import { TypeScriptRunner } from '../runners/typescript.js';
import { serve } from '../serve.js';
import { lockDown } from './lockDown.js';
import { RUNTIME_FILES, runtimeFileUrl } from './runtimeFiles.js';
import { takeBoot } from './workerBoot.js';
import { workerPort } from './workerPort.js';

/** As in javascript.worker.ts: what a Chromium worker's stack leaves safe. */
const STACK_BYTES = 128 * 1024;
const VARIANT = releaseSync as unknown as QuickJSSyncVariant;

const port = workerPort();

async function main(): Promise<void> {
  const started = performance.now();
  const boot = takeBoot();
  installMemoryCap();
  const wasmLocation = runtimeFileUrl(RUNTIME_FILES.typescript[0]!, boot.base);
  const module = await newQuickJSWASMModuleFromVariant(newVariant(VARIANT, { wasmLocation }));
  const runner = new TypeScriptRunner(ts, new QuickJSRunner(module, STACK_BYTES));
  lockDown();
  serve(port, runner, performance.now() - started);
}

main().catch(port.fail);
