// The sandbox page (/sandbox.html) as text, and the script of its inner frame. vite.config.ts serves
// and emits the page with its own Content-Security-Policy, which allows this one script by its hash:
// any change here changes the hash with it. Imports nothing and runs nothing in the app.
//
// Why two frames (see docs/RUNTIME-NOTES.md, "Containing code in the browser"): the runtime workers must
// start in a frame with an opaque origin (sandbox="allow-scripts": no IndexedDB, localStorage, caches
// or BroadcastChannel of the app) that is cross-origin isolated again (allow="cross-origin-isolated",
// for Pyodide's SharedArrayBuffer interrupt). A sandboxed frame loaded from a URL is not served by the
// app's service worker, so it would not load offline; an srcdoc frame is, but takes the policy of the
// page that holds it. So the app holds a same-origin page with a strict policy of its own (served, and
// cached offline, like any page of the app), and that page holds the srcdoc frame.

/**
 * The inner frame's script. Takes one MessagePort from the app (the top window), then on request
 * starts classic workers from a blob: boot script (module workers from blob: URLs do not start in an
 * opaque-origin frame in Chromium), relays what each worker posts, tagged with the frame's own id for
 * it, and writes interrupts (interrupt.ts). What the workers post meanwhile is relayed as one batch
 * per turn of the frame's event loop (a worker reports each test; the app then handles a run's
 * results in a few messages, not forty). Plain JavaScript: it is executed as written.
 */
export const INNER_SCRIPT = `"use strict";
(() => {
  // A worker's first script: leaves its start-up message where workerBoot.ts takes it, then imports
  // the runtime's entry module (a blob: bundle; on the dev server, a URL of the app's origin).
  function boot() {
    self.onmessage = (e) => {
      self.onmessage = null;
      const { entry, ...rest } = e.data;
      self.__veredicto = rest;
      const url = typeof entry === "string" ? entry : URL.createObjectURL(entry);
      import(url).catch((err) => self.postMessage({ type: "startup-failed", message: "the runtime did not load: " + String((err && err.message) || err) }));
    };
  }
  const bootUrl = URL.createObjectURL(new Blob(["(" + boot + ")();"], { type: "text/javascript" }));
  const workers = new Map();
  // WebAssembly a spawn names in "modules", compiled once per frame (by path) and posted to each
  // worker that asks for it: a worker of this frame shares the compiled code instead of compiling
  // it again. One that does not compile here is left to the worker.
  const compiled = new Map();
  const compileOnce = (path, blob) => {
    if (!compiled.has(path)) compiled.set(path, WebAssembly.compileStreaming(new Response(blob, { headers: { "Content-Type": "application/wasm" } })).catch(() => null));
    return compiled.get(path);
  };
  const modulesFor = async (c) => {
    const paths = Array.isArray(c.modules) ? c.modules.filter((p) => typeof p === "string" && c.files && c.files[p] instanceof Blob) : [];
    const modules = {};
    for (const p of paths) {
      const m = await compileOnce(p, c.files[p]);
      if (m) modules[p] = m;
    }
    return modules;
  };
  let port = null;
  const send = (m) => port.postMessage(m);
  // Workers' messages waiting for the next turn; a message to itself (not a timer, which a hidden
  // frame may have throttled) comes after every worker message already queued.
  let batch = [];
  const turn = new MessageChannel();
  const flush = () => {
    if (!batch.length) return;
    const messages = batch;
    batch = [];
    send({ type: "messages", messages });
  };
  turn.port1.onmessage = flush;
  const relay = (id, data) => {
    if (!batch.length) turn.port2.postMessage(null);
    batch.push({ id, data });
  };
  const end = (id, message) => {
    const w = workers.get(id);
    if (!w) return;
    workers.delete(id);
    w.worker.terminate();
    flush(); // what the worker said before it ended arrives first
    send({ type: "exit", id, message: String(message).slice(0, 2000) });
  };
  const commands = {
    spawn(c) {
      if (workers.has(c.id)) return;
      const control = crossOriginIsolated ? new Int32Array(new SharedArrayBuffer(12)) : null;
      let worker;
      try {
        worker = new Worker(bootUrl, { name: String(c.name) });
      } catch (err) {
        send({ type: "exit", id: c.id, message: String(err) });
        return;
      }
      const w = { worker, control };
      workers.set(c.id, w);
      worker.onmessage = (e) => relay(c.id, e.data);
      worker.onmessageerror = () => end(c.id, "a message from the worker could not be read");
      worker.onerror = (e) => {
        e.preventDefault();
        end(c.id, e.message || "the worker failed to load");
      };
      modulesFor(c).then((modules) => {
        if (workers.get(c.id) === w) worker.postMessage({ entry: c.entry, base: c.base, files: c.files, control: control && control.buffer, modules });
      });
    },
    send(c) {
      const w = workers.get(c.id);
      if (w) w.worker.postMessage(c.message);
    },
    interrupt(c) {
      const w = workers.get(c.id);
      if (!w || !w.control || !Number.isInteger(c.test)) return;
      Atomics.store(w.control, 1, c.test + 1);
      if (Atomics.load(w.control, 2) === c.test) Atomics.store(w.control, 0, 2);
    },
    kill(c) {
      const w = workers.get(c.id);
      if (!w) return;
      workers.delete(c.id);
      w.worker.terminate();
    },
  };
  addEventListener("message", (e) => {
    if (port !== null || e.source !== top || e.ports.length !== 1) return;
    port = e.ports[0];
    port.onmessage = (m) => {
      const c = m.data;
      if (c !== null && typeof c === "object" && typeof c.id === "number" && Object.hasOwn(commands, c.type)) commands[c.type](c);
    };
    send({ type: "hello", isolated: crossOriginIsolated });
  });
})();
`;

/** Where the app finds the sandbox page. */
export const SANDBOX_PATH = 'sandbox.html';

const attribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The sandbox page: no script of its own, one opaque-origin frame running INNER_SCRIPT. */
export function sandboxHtml(): string {
  if (/<\/script|<!--/i.test(INNER_SCRIPT)) throw new Error('INNER_SCRIPT cannot be inlined');
  const inner = `<!doctype html><script>${INNER_SCRIPT}</script>`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Veredicto sandbox</title>
  </head>
  <body>
    <iframe sandbox="allow-scripts" allow="cross-origin-isolated" title="Veredicto sandbox" srcdoc="${attribute(inner)}"></iframe>
  </body>
</html>
`;
}
