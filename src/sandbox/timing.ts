// The timing phase of a run: once every solution's verdicts are in, each performance test is run
// again, alone, for the reference solution and for each solution that passed it, one measurement
// after another, so that each time is taken under the same load and none competes with another
// solution's run. The times are the worker wrapper's (RawResult.durationMs: the runner's clock
// around the runtime), never anything the code under test can reach. How many runs and which
// figure: runsWanted and median, domain/performance.ts.
import { median, performanceTests, runsWanted, withTimings, type Measured } from '../domain/performance.js';
import { referenceSolutions, type Language, type Limits, type Solution, type Task } from '../domain/task.js';
import type { SolutionResult } from '../domain/verdict.js';
import type { Sandbox } from './client.js';

export type TimingOptions = { limits?: Partial<Limits>; signal?: AbortSignal };

/**
 * The results with their performance tests timed (TestResult.timing), in the order given. Results
 * of a task without performance tests come back as they are, with nothing run.
 */
export async function timeResults(sandbox: Sandbox, task: Task, runs: readonly { solution: Solution; result: SolutionResult }[], options: TimingOptions = {}): Promise<SolutionResult[]> {
  const indexes = performanceTests(task.tests);
  const passedBy = (r: SolutionResult) => indexes.filter((i) => r.tests[i]?.status === 'passed');
  const timed = runs.filter((r) => passedBy(r.result).length);
  if (!timed.length) return runs.map((r) => r.result);
  // The reference of each language timed first, on the tests some solution of that language passed.
  const references = new Map<Language, Map<number, Measured>>();
  for (const language of new Set(timed.map((r) => r.solution.language))) {
    const reference = referenceSolutions(task).find((s) => s.language === language);
    const wanted = [...new Set(timed.filter((r) => r.solution.language === language).flatMap((r) => passedBy(r.result)))].sort((a, b) => a - b);
    if (reference) references.set(language, await timeTests(sandbox, task, reference, wanted, options));
  }
  const out: SolutionResult[] = [];
  for (const { solution, result } of runs) {
    const wanted = passedBy(result);
    const times = wanted.length ? await timeTests(sandbox, task, solution, wanted, options) : new Map<number, Measured>();
    out.push(withTimings(result, task.tests, times, references.get(solution.language)));
  }
  return out;
}

/** Each test at `indexes` timed alone for one solution; a test it does not pass here has no time. */
export async function timeTests(sandbox: Sandbox, task: Task, solution: Solution, indexes: readonly number[], options: TimingOptions = {}): Promise<Map<number, Measured>> {
  const times = new Map<number, Measured>();
  for (const i of indexes) {
    const test = task.tests[i]!;
    const alone = (count: number): Task => ({ ...task, tests: Array.from({ length: count }, () => test) });
    const first = await sandbox.evaluate(alone(1), solution, options);
    if (first.tests[0]?.status !== 'passed') continue;
    const samples = [first.tests[0].durationMs];
    const more = runsWanted(samples[0]!) - 1;
    // The further runs as one job: one message each way per run rather than a job per run.
    if (more > 0) {
      const again = await sandbox.evaluate(alone(more), solution, options);
      for (const t of again.tests) if (t.status === 'passed') samples.push(t.durationMs);
    }
    times.set(i, { ms: median(samples), runs: samples.length });
  }
  return times;
}
