// Closes what a runtime worker leaves open before untrusted code arrives: network, storage and nested
// workers are removed from the worker's global object and its prototypes (the start-up `fetch` of
// workerBoot.ts included). Defence in depth: Pyodide's `js` bridge reaches this realm's globals (see
// docs/RUNTIME-NOTES.md) and `import()` cannot be removed, so what holds is the frame around the worker — an
// opaque origin with no storage of the app, and a policy with no network (vite.config.ts). Must run
// after the runtime has loaded.
const CLOSED = [
  'fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'WebTransport', 'EventSource', 'Request', 'Response',
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
