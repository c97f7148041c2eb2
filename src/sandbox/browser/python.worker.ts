// Entry point of a browser Python worker: loads Pyodide from the app's own /pyodide/ files (copied
// there by vite.config.ts, never a CDN), then serves jobs. Holds no logic of its own.
import { loadPyodide } from 'pyodide';
import { installMemoryCap } from '../memoryCap.js';
import { PyodideRunner, PYODIDE_LOAD_OPTIONS } from '../runners/pyodide.js';
import { serve } from '../serve.js';
import { lockDown } from './lockDown.js';
import { workerPort } from './workerPort.js';

const port = workerPort();

async function main(): Promise<void> {
  const started = performance.now();
  installMemoryCap();
  const py = await loadPyodide({ indexURL: '/pyodide/', ...PYODIDE_LOAD_OPTIONS });
  const runner = new PyodideRunner(py);
  lockDown();
  serve(port, runner, performance.now() - started);
}

main().catch(port.fail);
