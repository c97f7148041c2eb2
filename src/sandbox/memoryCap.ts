// A cap on WebAssembly memory growth in this worker. Both runtimes allocate through
// Memory.grow, so refusing growth past the cap turns a memory bomb into the runtime's own
// out-of-memory error (MemoryError, "out of memory") instead of a host that runs out.
let cap = Infinity;
let installed = false;
let refused = false;

export function installMemoryCap(): void {
  if (installed) return;
  installed = true;
  const grow = WebAssembly.Memory.prototype.grow;
  WebAssembly.Memory.prototype.grow = function (this: WebAssembly.Memory, delta: number) {
    if (this.buffer.byteLength + delta * 65536 > cap) {
      refused = true;
      throw new RangeError('memory limit');
    }
    return grow.call(this, delta);
  };
}

/** Sets the cap for the next test and forgets earlier refusals. */
export function setMemoryCap(bytes: number): void {
  cap = bytes;
  refused = false;
}

/** Whether growth was refused since the cap was set: the code ran out of memory, even if it caught the error. */
export function memoryRefused(): boolean {
  return refused;
}
