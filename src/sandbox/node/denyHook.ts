// Module resolve hook for sandbox child processes: once start-up is over, no module can be loaded
// any more, so code that reaches the JavaScript host cannot import fs, net or child_process.
// The switch is a shared flag rather than a message: the hooks thread may be asleep waiting for
// work, and the lock must hold from the moment the main thread sets it.

let locked: Int32Array | undefined;

export function initialize(data: { flag: SharedArrayBuffer }): void {
  locked = new Int32Array(data.flag);
}

export async function resolve(
  specifier: string,
  context: unknown,
  next: (specifier: string, context: unknown) => Promise<unknown>,
): Promise<unknown> {
  if (!locked || Atomics.load(locked, 0) !== 0) throw new Error(`module loading is disabled in the sandbox: ${specifier}`);
  return next(specifier, context);
}
