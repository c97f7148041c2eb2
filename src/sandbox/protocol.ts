// The contract between the sandbox client (host side) and a runtime worker: one typed union each
// way, the same in Node child processes and browser Web Workers. Expected values never cross it:
// the worker reports what the code did, the host decides whether that passes.
import { ASSERT_OPERATORS, OUTCOMES, type RawResult } from '../domain/testVerdict.js';
import { isLanguage } from '../domain/language.js';
import { TAMPER_KINDS } from '../domain/verdict.js';
import type { Language, Limits } from '../domain/task.js';

export type { AssertionDetail, Outcome, RawResult } from '../domain/testVerdict.js';

/** A test as the sandbox sees it: nothing that would let the code under test learn the answer. */
export type SandboxTest =
  | { kind: 'call'; entryPoint: string; args: string }
  | { kind: 'stdio'; stdin: string }
  /**
   * `given`: the dataset prompt the solution completes, whose helpers the test may use: in Python
   * the test gets them as the prompt wrote them (the harness's give), in JavaScript and TypeScript
   * what they use is watched as the test's own (watchedNames).
   */
  | { kind: 'code'; code: string; check?: string; entryPoint?: string; given?: string };

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
  /** Test `index` has compiled and now runs: its time limit starts (client.ts COMPILE_MS). */
  | { type: 'started'; id: number; nonce: string; index: number }
  | { type: 'result'; id: number; nonce: string; index: number; result: RawResult }
  /** `recycle`: the runtime should be replaced (memory grew, state may be tainted, or it died). */
  | { type: 'done'; id: number; nonce: string; recycle: boolean };

/** Where a worker runs a job: one implementation per language, environment-neutral. */
export interface Runner {
  readonly language: Language;
  /**
   * Runs the tests in order, reporting each; `recycle` when the runtime must be replaced. A runner
   * that compiles calls `started` when a test's program begins to run.
   */
  run(job: Job, report: (index: number, result: RawResult) => void, started?: (index: number) => void): { recycle: boolean };
}

const MAX_TEXT = 1 << 20;

/** Checks a message from a worker before the host believes it. */
export function isWorkerMessage(m: unknown): m is FromWorker {
  if (m === null || typeof m !== 'object') return false;
  const x = m as Record<string, unknown>;
  switch (x.type) {
    case 'ready':
      return isLanguage(x.language) && typeof x.loadMs === 'number';
    case 'startup-failed':
      return typeof x.message === 'string';
    case 'done':
      return typeof x.id === 'number' && typeof x.nonce === 'string' && typeof x.recycle === 'boolean';
    case 'started':
      return typeof x.id === 'number' && typeof x.nonce === 'string' && Number.isInteger(x.index);
    case 'result': {
      const r = x.result as Record<string, unknown> | null;
      return (
        typeof x.id === 'number' && typeof x.nonce === 'string' && Number.isInteger(x.index) &&
        r !== null && typeof r === 'object' && (OUTCOMES as readonly unknown[]).includes(r.outcome) &&
        typeof r.stdout === 'string' && typeof r.stderr === 'string' && typeof r.truncated === 'boolean' &&
        typeof r.durationMs === 'number' && (r.value === undefined || (typeof r.value === 'string' && r.value.length <= 64 * MAX_TEXT)) &&
        r.stdout.length <= 16 * MAX_TEXT && r.stderr.length <= 16 * MAX_TEXT &&
        (r.tampered === undefined || isTamperList(r.tampered)) &&
        (r.assertion === undefined || isAssertionDetail(r.assertion)) &&
        (r.exitCode === undefined || Number.isSafeInteger(r.exitCode))
      );
    }
    default:
      return false;
  }
}

/** At most MAX_TAMPERED entries of a known kind with a short name. */
export function isTamperList(x: unknown): boolean {
  return (
    Array.isArray(x) && x.length <= MAX_TAMPERED &&
    x.every((t: unknown) => t !== null && typeof t === 'object' && (TAMPER_KINDS as readonly unknown[]).includes((t as { kind?: unknown }).kind) &&
      typeof (t as { name?: unknown }).name === 'string' && ((t as { name: string }).name.length <= 200))
  );
}

export const MAX_TAMPERED = 20;

/** A failed assert's detail: a source line and short values (the harness caps each), a known operator. */
export function isAssertionDetail(x: unknown): boolean {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return false;
  const a = x as Record<string, unknown>;
  const short = (v: unknown, max: number) => v === undefined || (typeof v === 'string' && v.length <= max);
  return (
    Object.keys(a).every((k) => ['source', 'op', 'left', 'right', 'value', 'message'].includes(k)) &&
    typeof a.source === 'string' && a.source.length <= 2000 &&
    (a.op === undefined || (ASSERT_OPERATORS as readonly unknown[]).includes(a.op)) &&
    short(a.left, 2000) && short(a.right, 2000) && short(a.value, 2000) && short(a.message, 2000)
  );
}
