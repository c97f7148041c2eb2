// When a written task is ready for trainers: its reference solution passes every test, each test
// gives the same result when run twice (a flaky test misjudges solutions at random), and at least
// one test is hidden. `veredicto check` and the task editor both run the reference through
// checkReferences and judge it with checkFindings, so the two cannot disagree. Pure: the caller
// passes how a solution is evaluated (the CLI's sandbox, the browser's).
import { mutantTimeLimit } from './mutationScore.js';
import { MEASURABLE_REFERENCE_MS } from './performance.js';
import type { Language, Solution, Task, TestCase } from './task.js';
import type { SolutionResult, TestResult, Verdict } from './verdict.js';

/** The reference solution of one language, run twice against every test. */
export type ReferenceRun = { language: Language; first: TestResult[]; second: TestResult[] };

/**
 * Runs each reference solution twice against every test (both runs at once, one language after
 * the other) and returns the runs in the order of `references`.
 */
export async function checkReferences(references: readonly Solution[], evaluate: (reference: Solution) => Promise<Pick<SolutionResult, 'tests'>>): Promise<ReferenceRun[]> {
  const runs: ReferenceRun[] = [];
  for (const reference of references) {
    const [first, second] = await Promise.all([evaluate(reference), evaluate(reference)]);
    runs.push({ language: reference.language, first: first.tests, second: second.tests });
  }
  return runs;
}

export type CheckFinding =
  | { kind: 'fails'; language: Language; test: string; status: Verdict; result: TestResult }
  | { kind: 'flaky'; language: Language; test: string; first: Verdict; second: Verdict };

/** What is wrong in the two runs (nothing: the reference is fine). As `veredicto check` decides. */
export function checkFindings(runs: readonly ReferenceRun[]): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const run of runs)
    run.first.forEach((a, i) => {
      const b = run.second[i];
      if (a.status !== 'passed') out.push({ kind: 'fails', language: run.language, test: a.name, status: a.status, result: a });
      if (!b || a.status !== b.status || (a.status === 'passed' && a.stdout !== b.stdout))
        out.push({ kind: 'flaky', language: run.language, test: a.name, first: a.status, second: b?.status ?? 'crashed' });
    });
  return out;
}

/**
 * What the check warns of without counting it a problem: a performance test the reference passes
 * faster than MEASURABLE_REFERENCE_MS on both runs (the faster of the two is its time, as in
 * slowestTestMs). `tests` are the task's, in the order the runs have them.
 */
export type CheckWarning = { kind: 'tooFast'; language: Language; test: string; ms: number };

export function checkWarnings(tests: readonly Pick<TestCase, 'performance'>[], runs: readonly ReferenceRun[]): CheckWarning[] {
  return runs.flatMap((run) =>
    run.first.flatMap((a, i) => {
      const b = run.second[i];
      if (!tests[i]?.performance || a.status !== 'passed' || b?.status !== 'passed') return [];
      const ms = Math.min(a.durationMs, b.durationMs);
      return ms < MEASURABLE_REFERENCE_MS ? [{ kind: 'tooFast' as const, language: run.language, test: a.name, ms }] : [];
    }),
  );
}

/**
 * Whether mutants of this reference mean anything: it passes every test, the same way on both
 * runs. Against a failing or flaky reference, a "killed" mutant may only be the reference's fault.
 */
export function referenceHolds(run: ReferenceRun): boolean {
  return checkFindings([run]).length === 0;
}

/**
 * The reference's slowest test, the figure behind its mutants' time limit: per test the faster of
 * its two runs (a worker's first test also pays for the worker's warm-up), then the slowest test.
 */
export function slowestTestMs(run: ReferenceRun): number {
  return Math.max(0, ...run.first.map((a, i) => Math.min(a.durationMs, run.second[i]?.durationMs ?? a.durationMs)));
}

/** The per-test time limit for the mutants of a checked reference (see mutantTimeLimit). */
export function mutantLimitMs(taskLimitMs: number, run: ReferenceRun): number {
  return mutantTimeLimit(taskLimitMs, slowestTestMs(run));
}

export type ReadinessItem = 'schema' | 'reference' | 'checked' | 'referencePasses' | 'hiddenTest';

export type ReadinessInput = {
  /** The validated task, or undefined when the draft has schema problems. */
  task: Task | undefined;
  /** Of the draft as it is now. */
  fingerprint: string;
  /** The last check, with the fingerprint of the draft it ran on. */
  check?: { fingerprint: string; findings: readonly CheckFinding[] };
  /**
   * What the draft has, read from the form: the list then says "has a reference" and "a hidden
   * test" truthfully while the task is not valid yet. Defaults to what `task` has.
   */
  hasReference?: boolean;
  hiddenTests?: number;
};

/** Every condition with whether it holds, in the order an author fixes them. */
export function readiness({ task, fingerprint, check, hasReference, hiddenTests }: ReadinessInput): { ready: boolean; items: { id: ReadinessItem; ok: boolean }[] } {
  const current = check !== undefined && check.fingerprint === fingerprint;
  const reference = hasReference ?? (!!task?.referenceSolution && Object.values(task.referenceSolution).some((c) => c !== undefined));
  const hidden = hiddenTests ?? task?.tests.filter((t) => t.hidden).length ?? 0;
  const items: { id: ReadinessItem; ok: boolean }[] = [
    { id: 'schema', ok: task !== undefined },
    { id: 'reference', ok: reference },
    { id: 'checked', ok: task !== undefined && current },
    { id: 'referencePasses', ok: task !== undefined && current && check.findings.length === 0 },
    { id: 'hiddenTest', ok: hidden > 0 },
  ];
  return { ready: items.every((i) => i.ok), items };
}
