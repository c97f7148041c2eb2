// Verdicts: what one test came to and what a solution came to, and how the first folds into the
// second. A test result's `status` field holds its verdict (the name the stored and exported files use).

export const VERDICTS = ['passed', 'failed', 'error', 'timeout', 'memory', 'output-limit', 'crashed'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** A message a person reads, kept as a translation key plus values so each locale renders it. */
export type Message = { key: string; params?: Record<string, string | number> };

/**
 * What a solution changed that its test relies on (a reward hack): a built-in, an intrinsic's
 * property (`Array.prototype.toJSON`, `Math.abs`), a module's attribute, or a global name of its
 * own hiding a built-in the test uses, or an object equal to anything that the test compared
 * (`equalsAnything`) or ordered before or after anything (`ordersAnything`), in Python, or a
 * promise or thenable of the solution's that the test waited on and that never settled, so that
 * what the test would have done with it never ran (`neverSettled`), in JavaScript. Reported by the
 * sandbox, never by the solution; a test with any of these is never `passed`.
 */
export const TAMPER_KINDS = ['changed', 'added', 'removed', 'shadowed', 'equalsAnything', 'ordersAnything', 'neverSettled'] as const;
export type Tamper = { kind: (typeof TAMPER_KINDS)[number]; name: string };

export type TestResult = {
  name: string;
  hidden: boolean;
  status: Verdict;
  message?: Message;
  stdout: string;
  stderr: string;
  /** stdout or stderr was cut at the output limit. */
  truncated: boolean;
  durationMs: number;
  tampered?: Tamper[];
  /** For a performance test the solution passed: its time beside the reference's (domain/performance.ts). */
  timing?: TestTiming;
};

/**
 * A performance test's time for one solution (the median of `runs` runs, see performance.ts) and,
 * when the reference passed it in the same run, the reference's time, the ratio of the two and
 * whether it is over the test's budget. Evidence beside the verdict: it never changes it.
 */
export type TestTiming = { ms: number; runs: number; budget: number; referenceMs?: number; ratio?: number; over: boolean };

export type SolutionResult = {
  taskId: string;
  solutionId: string;
  verdict: Verdict;
  tests: TestResult[];
};

// Most severe first: a solution's verdict is its worst test's, so a single time-out is never hidden
// behind nine wrong answers. Only the sandbox client folds them; everything else reads the result.
const SEVERITY: readonly Verdict[] = ['crashed', 'memory', 'timeout', 'output-limit', 'error', 'failed', 'passed'];

export function solutionVerdict(tests: readonly Pick<TestResult, 'status'>[]): Verdict {
  let worst: Verdict = 'passed';
  for (const t of tests) if (SEVERITY.indexOf(t.status) < SEVERITY.indexOf(worst)) worst = t.status;
  return worst;
}
