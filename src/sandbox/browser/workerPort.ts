// The Port a browser runtime worker serves on: the worker's own postMessage/onmessage, relayed by the
// sandbox frame. `postMessage` and `close` are taken when the port is made, before any untrusted
// code runs, so code that replaces them on the global object cannot intercept what the worker
// reports. Messages that arrive before the runtime is ready are not expected (the client waits for `ready`).
import type { FromWorker, ToWorker } from '../protocol.js';
import type { Port } from '../serve.js';

type Scope = { postMessage(message: unknown): void; close(): void; onmessage: ((e: MessageEvent) => void) | null };

export function workerPort(): Port & { fail(e: unknown): void } {
  const scope = globalThis as unknown as Scope;
  const postMessage = scope.postMessage.bind(scope);
  const close = scope.close.bind(scope);
  let handler: ((m: ToWorker) => void) | undefined;
  scope.onmessage = (e) => handler?.(e.data as ToWorker);
  const post = (m: FromWorker) => postMessage(m);
  return {
    post,
    listen: (h) => (handler = h),
    /** Reports a failed start-up, then ends the worker (as a Node child exits): it will never serve. */
    fail: (e) => {
      post({ type: 'startup-failed', message: describe(e).slice(0, 4000) });
      close();
    },
  };
}

/** Emscripten rejects with objects that are not Errors (ExitStatus): keep their name and message. */
function describe(e: unknown): string {
  if (e instanceof Error) return e.stack || `${e.name}: ${e.message}`;
  if (e !== null && typeof e === 'object' && 'message' in e) {
    const { name, message } = e as { name?: unknown; message?: unknown };
    return `${typeof name === 'string' ? `${name}: ` : ''}${String(message)}`;
  }
  return String(e);
}
