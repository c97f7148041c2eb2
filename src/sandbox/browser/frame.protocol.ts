// The contract between the app (sandboxFrame.ts) and the sandbox's inner frame (its script is text in
// sandboxDocument.ts) over their one MessagePort, and the start-up message of a runtime worker
// (workerBoot.ts). The frame only relays: what a worker says is checked again by the client
// (protocol.ts `isWorkerMessage`, per-run nonce).
import type { ToWorker } from '../protocol.js';

/** What a runtime worker starts from: its entry module and every file it may read. No network. */
export type RuntimeBundle = {
  /** The worker's entry module: a built bundle, or (dev server only) its URL on the app's origin. */
  entry: Blob | string;
  /** The app's base URL: runtime files are named by absolute URLs under it. */
  base: string;
  files: Record<string, Blob>;
  /**
   * Files among `files` that are WebAssembly the frame compiles once for all of its workers and
   * hands to each as a WebAssembly.Module (clang's 75 MB module: a new worker, also one that replaces
   * a worker killed at its time limit, then starts with the code the others already compiled).
   */
  modules?: string[];
};

export type ToFrame =
  | ({ type: 'spawn'; id: number; name: string } & RuntimeBundle)
  | { type: 'send'; id: number; message: ToWorker }
  /** Ask a Python worker to stop test `test` (see interrupt.ts); ignored where there is no SharedArrayBuffer. */
  | { type: 'interrupt'; id: number; test: number }
  | { type: 'kill'; id: number };

export type FromFrame =
  | { type: 'hello'; isolated: boolean }
  /** What workers posted, in order, each tagged with its worker's `id`; unchecked: the client validates it. */
  | { type: 'messages'; messages: Array<{ id: number; data: unknown }> }
  /** Worker `id` failed to load or died; the frame has terminated it. */
  | { type: 'exit'; id: number; message: string };

/** The first message a runtime worker receives (after the frame's boot script took `entry` out of it). */
export type WorkerBoot = {
  base: string;
  files: Record<string, Blob>;
  /** Interrupt slots (interrupt.ts), where the frame is cross-origin isolated; otherwise null. */
  control: SharedArrayBuffer | null;
  /** The bundle's `modules`, compiled by the frame, by path; those it could not compile are missing. */
  modules?: Record<string, WebAssembly.Module>;
};

export function isFromFrame(m: unknown): m is FromFrame {
  if (m === null || typeof m !== 'object') return false;
  const x = m as Record<string, unknown>;
  switch (x.type) {
    case 'hello':
      return typeof x.isolated === 'boolean';
    case 'messages':
      return (
        Array.isArray(x.messages) &&
        x.messages.every((m: unknown) => m !== null && typeof m === 'object' && Number.isSafeInteger((m as { id?: unknown }).id) && 'data' in m)
      );
    case 'exit':
      return Number.isSafeInteger(x.id) && typeof x.message === 'string';
    default:
      return false;
  }
}

export function isWorkerBoot(m: unknown): m is WorkerBoot {
  if (m === null || typeof m !== 'object') return false;
  const x = m as Record<string, unknown>;
  return (
    typeof x.base === 'string' &&
    x.files !== null && typeof x.files === 'object' && Object.values(x.files).every((f) => f instanceof Blob) &&
    (x.control === null || x.control instanceof SharedArrayBuffer) &&
    (x.modules === undefined || (x.modules !== null && typeof x.modules === 'object' && Object.values(x.modules).every((m) => m instanceof WebAssembly.Module)))
  );
}
