// Entry point of a browser Python worker, started inside the sandbox frame: loads Pyodide from the
// files the app handed over (workerBoot.ts; never the network, never a CDN), closes what the worker
// leaves open, then serves jobs, with the interrupt where the frame is cross-origin isolated
// (interrupt.ts). Holds no logic of its own.
import { loadPyodide } from 'pyodide';
import { installMemoryCap } from '../memoryCap.js';
import { PyodideRunner, PYODIDE_LOAD_OPTIONS } from '../runners/pyodide.js';
import { serve } from '../serve.js';
import { interruptiblePort } from './interrupt.js';
import { lockDown } from './lockDown.js';
import { PYODIDE_PATH } from './runtimeFiles.js';
import { takeBoot } from './workerBoot.js';
import { workerPort } from './workerPort.js';

type CreatePyodideModule = NonNullable<NonNullable<Parameters<typeof loadPyodide>[0]>['createPyodideModule']>;

const port = workerPort();

async function main(): Promise<void> {
  const started = performance.now();
  const boot = takeBoot();
  installMemoryCap();
  const indexURL = new URL(PYODIDE_PATH, boot.base).href;
  // Pyodide would import() this from indexURL; a module from the handed-over file instead.
  const asm = (await boot.importModule(`${indexURL}pyodide.asm.mjs`)) as { default: CreatePyodideModule };
  const py = await loadPyodide({ indexURL, ...PYODIDE_LOAD_OPTIONS, createPyodideModule: asm.default });
  if (boot.control) py.setInterruptBuffer(boot.control);
  const runner = new PyodideRunner(py);
  lockDown();
  serve(boot.control ? interruptiblePort(port, boot.control) : port, runner, performance.now() - started);
}

main().catch(port.fail);
