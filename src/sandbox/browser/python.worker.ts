// Entry point of a browser Python worker, started inside the sandbox frame: loads Pyodide from the
// files the app handed over (workerBoot.ts; never the network, never a CDN), from the build's memory
// snapshot when the app handed it over (pyodideSnapshot.ts), closes what the worker leaves open,
// then serves jobs, with the interrupt where the frame is cross-origin isolated (interrupt.ts).
// Holds no logic of its own.
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { installMemoryCap } from '../memoryCap.js';
import { isPrepared, PyodideRunner, PYODIDE_LOAD_OPTIONS } from '../runners/pyodide.js';
import { serve } from '../serve.js';
import { interruptiblePort } from './interrupt.js';
import { lockDown } from './lockDown.js';
import { PYODIDE_SNAPSHOT } from './pyodideSnapshot.js';
import { PYODIDE_PATH } from './runtimeFiles.js';
import { takeBoot } from './workerBoot.js';
import { workerPort } from './workerPort.js';

type LoadOptions = NonNullable<Parameters<typeof loadPyodide>[0]>;
type CreatePyodideModule = NonNullable<LoadOptions['createPyodideModule']>;

const port = workerPort();

async function main(): Promise<void> {
  const started = performance.now();
  const boot = takeBoot();
  installMemoryCap();
  const indexURL = new URL(PYODIDE_PATH, boot.base).href;
  // Pyodide would import() this from indexURL; a module from the handed-over file instead.
  const asm = (await boot.importModule(`${indexURL}pyodide.asm.mjs`)) as { default: CreatePyodideModule };
  const options: LoadOptions = { indexURL, ...PYODIDE_LOAD_OPTIONS, createPyodideModule: asm.default };
  const snapshot = PYODIDE_SNAPSHOT ? boot.optional(PYODIDE_SNAPSHOT.path) : undefined;
  const py = (snapshot && (await fromSnapshot(options, snapshot))) || (await loadPyodide(options));
  if (boot.control) py.setInterruptBuffer(boot.control);
  const runner = new PyodideRunner(py);
  lockDown();
  serve(boot.control ? interruptiblePort(port, boot.control) : port, runner, performance.now() - started);
}

/**
 * Pyodide started from the snapshot, or undefined when that fails (Pyodide refuses a snapshot of
 * another build; the harness must be in it, set up and not yet sealed): the caller starts cold.
 */
async function fromSnapshot(options: LoadOptions, snapshot: Blob): Promise<PyodideAPI | undefined> {
  try {
    const py = await loadPyodide({ ...options, _loadSnapshot: new Uint8Array(await snapshot.arrayBuffer()) } as LoadOptions);
    if (isPrepared(py)) return py;
    console.warn('the Python snapshot holds no harness; starting without it');
  } catch (e) {
    console.warn(`the Python snapshot did not load (${String(e)}); starting without it`);
  }
  return undefined;
}

main().catch(port.fail);
