// Starts sandbox runtimes as browser Web Workers (one runtime each) for the Sandbox client, which
// owns deadlines and restarts. A worker that throws uncaught is treated as dead and terminated.
import type { Language } from '../../domain/task.js';
import { Sandbox, type SandboxEvents, type WorkerFactory } from '../client.js';

function startWorker(language: Language): Worker {
  // Each `new URL(…)` must stay literal inside `new Worker(…)` so Vite bundles the entry.
  return language === 'python'
    ? new Worker(new URL('./python.worker.ts', import.meta.url), { type: 'module', name: 'veredicto-python' })
    : new Worker(new URL('./javascript.worker.ts', import.meta.url), { type: 'module', name: 'veredicto-javascript' });
}

export const browserWorkerFactory: WorkerFactory = (language, events) => {
  const worker = startWorker(language);
  let gone = false;
  const end = (detail: string) => {
    if (gone) return;
    gone = true;
    worker.terminate();
    events.exit(detail);
  };
  worker.onmessage = (e) => {
    if (!gone) events.message(e.data);
  };
  worker.onmessageerror = () => end('a message from the worker could not be read');
  worker.onerror = (e) => {
    e.preventDefault(); // reported here, not as an uncaught error of the page
    end(e.message || 'the worker failed to load');
  };
  return {
    send: (m) => {
      if (!gone) worker.postMessage(m);
    },
    kill: () => {
      gone = true;
      worker.terminate();
    },
  };
};

/** A sandbox of browser workers: up to two jobs at a time. */
export function browserSandbox(events: SandboxEvents = {}): Sandbox {
  return new Sandbox(browserWorkerFactory, 2, events);
}
