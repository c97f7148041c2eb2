// Module resolve hook for sandbox child processes: once start-up is over, no module can be loaded
// any more, so code that reaches the JavaScript host cannot import fs, net or child_process.
import type { MessagePort } from 'node:worker_threads';

let locked = false;

export function initialize(data: { port: MessagePort }): void {
  data.port.on('message', () => {
    locked = true;
    data.port.postMessage('locked');
  });
  data.port.unref();
}

export async function resolve(
  specifier: string,
  context: unknown,
  next: (specifier: string, context: unknown) => Promise<unknown>,
): Promise<unknown> {
  if (locked) throw new Error(`module loading is disabled in the sandbox: ${specifier}`);
  return next(specifier, context);
}
