// The contract between the sandbox client (host side) and a runtime worker: one typed union each
// way, the same in Node child processes and browser Web Workers. Expected values never cross it:
// the worker reports what the code did, the host decides whether that passes.
import { OUTCOMES, type RawResult } from '../domain/testVerdict.js';
import type { Language, Limits } from '../domain/task.js';

export type { Outcome, RawResult } from '../domain/testVerdict.js';

/** A test as the sandbox sees it: nothing that would let the code under test learn the answer. */
export type SandboxTest =
  | { kind: 'call'; entryPoint: string; args: string }
  | { kind: 'stdio'; stdin: string }
  | { kind: 'code'; code: string; check?: string; entryPoint?: string };

export type Job = {
  language: Language;
  code: string;
  tests: SandboxTest[];
  /** Index of tests[0] within the solution's full list, when a job resumes after a restart. */
  firstIndex: number;
  limits: Limits;
};

export type ToWorker =
  | { type: 'run'; id: number; nonce: string; job: Job };

export type FromWorker =
  | { type: 'ready'; language: Language; loadMs: number }
  | { type: 'startup-failed'; message: string }
  | { type: 'result'; id: number; nonce: string; index: number; result: RawResult }
  /** `recycle`: the runtime should be replaced (memory grew, state may be tainted, or it died). */
  | { type: 'done'; id: number; nonce: string; recycle: boolean };

/** Where a worker runs a job: one implementation per language, environment-neutral. */
export interface Runner {
  readonly language: Language;
  /** Runs the tests in order, reporting each; returns false when the runtime must be replaced. */
  run(job: Job, report: (index: number, result: RawResult) => void): { recycle: boolean };
}

const MAX_TEXT = 1 << 20;

/** Checks a message from a worker before the host believes it. */
export function isWorkerMessage(m: unknown): m is FromWorker {
  if (m === null || typeof m !== 'object') return false;
  const x = m as Record<string, unknown>;
  switch (x.type) {
    case 'ready':
      return (x.language === 'python' || x.language === 'javascript') && typeof x.loadMs === 'number';
    case 'startup-failed':
      return typeof x.message === 'string';
    case 'done':
      return typeof x.id === 'number' && typeof x.nonce === 'string' && typeof x.recycle === 'boolean';
    case 'result': {
      const r = x.result as Record<string, unknown> | null;
      return (
        typeof x.id === 'number' && typeof x.nonce === 'string' && Number.isInteger(x.index) &&
        r !== null && typeof r === 'object' && (OUTCOMES as readonly unknown[]).includes(r.outcome) &&
        typeof r.stdout === 'string' && typeof r.stderr === 'string' && typeof r.truncated === 'boolean' &&
        typeof r.durationMs === 'number' && (r.value === undefined || (typeof r.value === 'string' && r.value.length <= 64 * MAX_TEXT)) &&
        r.stdout.length <= 16 * MAX_TEXT && r.stderr.length <= 16 * MAX_TEXT
      );
    }
    default:
      return false;
  }
}
