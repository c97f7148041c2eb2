// The Pyodide memory snapshot browser Python workers start from, made at build time (vite.config.ts
// pyodideSnapshot: the CLI's own, made in Node before any untrusted code ran). The app reads it like
// its other runtime files (from the service worker's cache after one visit) and hands it to each
// Python worker only once its bytes match the hash the app was built with: a snapshot changed in
// the cache (a corrupt write, another build's file) is never loaded, and the worker starts cold.
// Shared by the page (runtimeBundle.ts) and the worker (python.worker.ts).

/** What the build says about the snapshot it serves: its path under the base URL, SHA-256, size. */
export type SnapshotInfo = { path: string; sha256: string; bytes: number };

function info(value: unknown): SnapshotInfo | null {
  if (value === null || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  return typeof v.path === 'string' && typeof v.sha256 === 'string' && typeof v.bytes === 'number' ? { path: v.path, sha256: v.sha256, bytes: v.bytes } : null;
}

/** The build's snapshot; null where there is none (Vitest, or a build that could not make one). */
export const PYODIDE_SNAPSHOT: SnapshotInfo | null = info(import.meta.env.VEREDICTO_PYODIDE_SNAPSHOT);

/** Whether the bytes are the snapshot the app was built with (its size, then its SHA-256). */
export async function isBuiltSnapshot(blob: Blob, expected: SnapshotInfo): Promise<boolean> {
  if (blob.size !== expected.bytes) return false;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('') === expected.sha256;
}
