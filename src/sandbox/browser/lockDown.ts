// Closes what a Web Worker leaves open before untrusted code arrives: network, storage and
// nested workers are removed from the worker's global object and its prototypes. Defence in
// depth only: Pyodide's `js` bridge reaches this realm's globals (see NOTES.md), and `import()`
// cannot be removed, so a same-origin worker is not a full sandbox. Must run after the runtime
// has loaded, since loading fetches files.
const CLOSED = [
  'fetch', 'XMLHttpRequest', 'WebSocket', 'WebTransport', 'EventSource', 'Request', 'Response',
  'indexedDB', 'caches', 'navigator', 'Worker', 'SharedWorker', 'BroadcastChannel', 'importScripts',
  'IDBFactory', 'CacheStorage', 'FileReaderSync', 'Notification',
] as const;

export function lockDown(): void {
  for (const name of CLOSED) {
    for (let o: object | null = globalThis; o !== null; o = Object.getPrototypeOf(o)) {
      const d = Object.getOwnPropertyDescriptor(o, name);
      if (d?.configurable) delete (o as Record<string, unknown>)[name];
    }
  }
}
