// When a written task is ready for trainers: its reference solution passes every test, each test
// gives the same result when run twice (a flaky test misjudges solutions at random), and at least
// one test is hidden. The same rules as `veredicto check`, plus the hidden test. Pure.
import type { Language, Task } from './task.js';
import type { Verdict, TestResult } from './verdict.js';

/** The reference solution of one language, run twice against every test. */
export type ReferenceRun = { language: Language; first: TestResult[]; second: TestResult[] };

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
