// The mutation score: run a task's tests against each mutant of a reference solution (made by
// mutants.ts) and score the share the tests catch. Environment-neutral: the caller passes how to evaluate a solution (the
// CLI's sandbox, the browser's), so this file holds no workers, no DOM and no Node APIs.
import type { Mutant, MutationOperator } from './mutants.js';
import type { Language, Solution } from './task.js';
import type { SolutionResult, Verdict, TestResult } from './verdict.js';

/** Per-test time limit for mutants, unless the task's own is lower: a mutant that loops costs this much. */
export const MUTANT_TIME_MS = 2000;

/**
 * The per-test time limit for a task's mutants: at most the task's own limit, at least 2 s, and
 * four times the reference's slowest test (in whole seconds, so the limit does not wobble with
 * timing noise), so that a slow reference's mutants are not all "killed" by a time-out that has
 * nothing to do with the change.
 */
export function mutantTimeLimit(taskLimitMs: number, referenceSlowestMs = 0): number {
  return Math.min(taskLimitMs, Math.max(MUTANT_TIME_MS, Math.ceil((referenceSlowestMs * 4) / 1000) * 1000));
}

/**
 * Runs every test of the task against `solution`, like the sandbox's `evaluate`: `onTest` hears
 * each result as it arrives, and aborting `signal` stops the run (rejecting).
 */
export type EvaluateSolution = (
  solution: Solution,
  options: { signal: AbortSignal; onTest: (index: number, result: TestResult) => void },
) => Promise<SolutionResult>;

export type MutantStatus = 'killed' | 'survived' | 'invalid';

export type MutantOutcome = {
  mutant: Mutant;
  status: MutantStatus;
  /** For a killed mutant: the first test that did not pass, and how. */
  killedBy?: { test: string; status: Verdict };
};

export type MutationReport = {
  language: Language;
  /** Mutants made, invalid ones included. */
  total: number;
  killed: number;
  /** Mutants that did not compile in the sandbox: not counted in the score. */
  invalid: number;
  /** killed / (total − invalid), from 0 to 1; null when no mutant compiled. */
  score: number | null;
  /** Mutants every test passed, in source order. */
  survivors: Mutant[];
  outcomes: MutantOutcome[];
};

export type RunMutantsOptions = {
  /** Stops the whole run: rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Hears each mutant's outcome as it is known (not in order). */
  onMutant?: (outcome: MutantOutcome) => void;
  /**
   * When to stop a mutant's run once a test has killed it: at its first failure, or (the default)
   * only when the failure already cost a worker or was slow (see STOP_ON).
   */
  stop?: 'first-failure' | 'costly-failure';
};

const COMPILE_ERRORS = new Set(['SyntaxError', 'IndentationError', 'TabError']);

/** A test that failed because the solution did not compile (the harness reports it as an exception). */
export function isCompileError(r: Pick<TestResult, 'status' | 'message'>): boolean {
  return r.status === 'error' && r.message?.key === 'result.exception' && COMPILE_ERRORS.has(String(r.message.params?.type));
}

/**
 * Once a mutant is killed the rest of its tests are not needed, but stopping a run kills its worker.
 * By default a run stops only after a failure that already cost a worker or much time (a time-out,
 * a crash, the memory or output limit); after a plain wrong answer or exception the rest of the
 * tests usually take less than starting a new worker (measured on tasks/: stopping at the first
 * failure made `check --mutants` 3.4 times slower). A compile error never stops a run: a mutant is
 * invalid only when every test fails to compile it (a SyntaxError raised while running is a kill).
 */
const STOP_ON: ReadonlySet<Verdict> = new Set(['timeout', 'crashed', 'memory', 'output-limit']);

/** The mutant as a solution the sandbox can run. */
export function mutantSolution(reference: Solution, mutant: Mutant): Solution {
  return { id: `${reference.id}~${mutant.id}`, label: `${reference.label} ~ ${mutant.id}`, language: reference.language, code: mutant.code };
}

/**
 * Runs the task's tests against each mutant of `reference` (all at once: `evaluate` queues them on
 * its own workers). A mutant is killed when any test does not pass, invalid when it does not
 * compile, and survives when every test passes.
 */
export async function runMutants(reference: Solution, mutants: readonly Mutant[], evaluate: EvaluateSolution, options: RunMutantsOptions = {}): Promise<MutationReport> {
  const { signal, onMutant } = options;
  signal?.throwIfAborted();
  const outcomes = await Promise.all(
    mutants.map(async (mutant): Promise<MutantOutcome> => {
      const controller = new AbortController();
      const stopAll = () => controller.abort(signal?.reason);
      signal?.addEventListener('abort', stopAll, { once: true });
      const results: TestResult[] = [];
      let stopped = false;
      try {
        await evaluate(mutantSolution(reference, mutant), {
          signal: controller.signal,
          onTest: (index, result) => {
            results[index] = result;
            if (stopped || result.status === 'passed' || isCompileError(result)) return;
            if (options.stop === 'first-failure' || STOP_ON.has(result.status)) {
              stopped = true;
              // Not from inside the callback: the evaluator is still handling this result.
              queueMicrotask(() => controller.abort());
            }
          },
        });
      } catch (e) {
        if (signal?.aborted) throw signal.reason;
        if (!stopped) throw e; // not our stop: a broken sandbox is not a verdict
      } finally {
        signal?.removeEventListener('abort', stopAll);
      }
      if (signal?.aborted) throw signal.reason;
      const heard = results.filter((r) => r !== undefined);
      const failed = heard.find((r) => r.status !== 'passed');
      const compileOnly = heard.length > 0 && heard.every(isCompileError) && new Set(heard.map((r) => JSON.stringify(r.message))).size === 1;
      const outcome: MutantOutcome = compileOnly
        ? { mutant, status: 'invalid' }
        : failed
          ? { mutant, status: 'killed', killedBy: { test: failed.name, status: failed.status } }
          : { mutant, status: 'survived' };
      onMutant?.(outcome);
      return outcome;
    }),
  );
  return reportOf(reference.language, outcomes);
}

/** Counts and score of a set of outcomes. */
export function reportOf(language: Language, outcomes: MutantOutcome[]): MutationReport {
  const killed = outcomes.filter((o) => o.status === 'killed').length;
  const invalid = outcomes.filter((o) => o.status === 'invalid').length;
  const valid = outcomes.length - invalid;
  return {
    language,
    total: outcomes.length,
    killed,
    invalid,
    score: valid > 0 ? killed / valid : null,
    survivors: outcomes.filter((o) => o.status === 'survived').map((o) => o.mutant),
    outcomes,
  };
}

/** How many mutants of each operator the tests killed, of how many valid ones. */
export function scoreByOperator(report: MutationReport): Partial<Record<MutationOperator, { killed: number; valid: number }>> {
  const out: Partial<Record<MutationOperator, { killed: number; valid: number }>> = {};
  for (const o of report.outcomes) {
    if (o.status === 'invalid') continue;
    const entry = (out[o.mutant.operator] ??= { killed: 0, valid: 0 });
    entry.valid++;
    if (o.status === 'killed') entry.killed++;
  }
  return out;
}
