// Entry point of a browser C++ worker, started inside the sandbox frame: loads clang (@yowasp/clang)
// from the files the app handed over (workerBoot.ts: the copy the app serves under clang/, never the
// network, never a CDN), closes what the worker leaves open, then serves jobs with the same runner as
// the command line (runners/cpp.ts, runners/clang.ts). Holds no logic of its own. A program cannot
// be stopped from inside this worker: the host's deadline replaces the worker (client.ts).
import * as shim from '@bjorn3/browser_wasi_shim';
import { clangCompiler } from '../runners/clang.js';
import { CppRunner } from '../runners/cpp.js';
import { serve } from '../serve.js';
import { CLANG_PATH } from './clangFiles.js';
import { lockDown } from './lockDown.js';
import { takeBoot } from './workerBoot.js';
import { workerPort } from './workerPort.js';

const port = workerPort();

async function main(): Promise<void> {
  const started = performance.now();
  const boot = takeBoot();
  const clang = (await boot.importModule(`${CLANG_PATH}bundle.js`, { ownUrl: true })) as typeof import('@yowasp/clang');
  const runner = new CppRunner(await clangCompiler(clang), shim);
  lockDown();
  serve(port, runner, performance.now() - started);
}

main().catch(port.fail);
