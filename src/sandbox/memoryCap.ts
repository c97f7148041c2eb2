// A cap on WebAssembly memory growth in this worker. Both runtimes allocate through
// Memory.grow, so refusing growth past the cap turns a memory bomb into the runtime's own
// out-of-memory error (MemoryError, "out of memory") instead of a host that runs out.
let cap = Infinity;
let installed = false;

export function installMemoryCap(): void {
  if (installed) return;
  installed = true;
  const grow = WebAssembly.Memory.prototype.grow;
  WebAssembly.Memory.prototype.grow = function (this: WebAssembly.Memory, delta: number) {
    if (this.buffer.byteLength + delta * 65536 > cap) throw new RangeError('memory limit');
    return grow.call(this, delta);
  };
}

export function setMemoryCap(bytes: number): void {
  cap = bytes;
}
