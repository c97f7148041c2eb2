// The timing phase of a run: once every solution's verdicts are in, each performance test is run
// again, alone, for the reference solution and for each solution that passed it, one measurement
// after another, so that each time is taken under the same load and none competes with another
// solution's run (timeTest says in what order). The times are the worker wrapper's
// (RawResult.durationMs: the runner's clock around the runtime), never anything the code under
// test can reach. How many runs and which figure: runsWanted and median, domain/performance.ts.
import { MAX_TIMING_RUNS, median, performanceTests, runsWanted, withTimings, type Measured } from '../domain/performance.js';
import { referenceSolutions, type Language, type Limits, type Solution, type Task } from '../domain/task.js';
import type { SolutionResult } from '../domain/verdict.js';
import type { Sandbox } from './client.js';

export type TimingOptions = { limits?: Partial<Limits>; signal?: AbortSignal };

/**
 * The results with their performance tests timed (TestResult.timing), in the order given. Results
 * of a task without performance tests come back as they are, with nothing run.
 */
export async function timeResults(sandbox: Sandbox, task: Task, runs: readonly { solution: Solution; result: SolutionResult }[], options: TimingOptions = {}): Promise<SolutionResult[]> {
  const times = runs.map(() => new Map<number, Measured>());
  const references = new Map<Language, Map<number, Measured>>();
  for (const i of performanceTests(task.tests)) {
    const passed = runs.flatMap((r, k) => (r.result.tests[i]?.status === 'passed' ? [k] : []));
    for (const language of new Set(passed.map((k) => runs[k]!.solution.language))) {
      const mine = passed.filter((k) => runs[k]!.solution.language === language);
      const reference = referenceSolutions(task).find((s) => s.language === language);
      const measured = await timeTest(sandbox, task, i, [...(reference ? [reference] : []), ...mine.map((k) => runs[k]!.solution)], options);
      if (reference) {
        const ms = measured.shift();
        if (ms) references.set(language, (references.get(language) ?? new Map()).set(i, ms));
      }
      measured.forEach((m, j) => m && times[mine[j]!]!.set(i, m));
    }
  }
  return runs.map((r, k) => withTimings(r.result, task.tests, times[k]!, references.get(r.solution.language)));
}

/**
 * One test timed alone for each of `solutions` (the reference first), in rounds: each round runs
 * every solution that wants another run once, in turn, so that whatever changes the runtime's
 * speed meanwhile (V8 compiling hot WebAssembly again with its optimizing compiler, in the
 * background, in the browser and in `veredicto run` alike; load from elsewhere) falls on all of them
 * alike rather than on whoever ran last. One run of the first goes before, uncounted, so that the
 * first measured run is not the one that warms the runtime up. A solution that does not pass the
 * test here has no time; one that stops passing it keeps the runs it passed.
 */
export async function timeTest(sandbox: Sandbox, task: Task, index: number, solutions: readonly Solution[], options: TimingOptions = {}): Promise<(Measured | undefined)[]> {
  const alone: Task = { ...task, tests: [task.tests[index]!] };
  const once = async (solution: Solution): Promise<number | undefined> => {
    const t = (await sandbox.evaluate(alone, solution, options)).tests[0];
    return t?.status === 'passed' ? t.durationMs : undefined;
  };
  if (solutions[0]) await once(solutions[0]);
  const samples = solutions.map(() => [] as number[]);
  const wanted = solutions.map(() => 1);
  const stopped = solutions.map(() => false);
  for (let round = 0; round < MAX_TIMING_RUNS; round++) {
    let ran = false;
    for (const [k, solution] of solutions.entries()) {
      if (stopped[k] || samples[k]!.length >= wanted[k]!) continue;
      ran = true;
      const ms = await once(solution);
      if (ms === undefined) stopped[k] = true;
      else if (samples[k]!.push(ms) === 1) wanted[k] = runsWanted(ms);
    }
    if (!ran) break;
  }
  return samples.map((x) => (x.length ? { ms: median(x), runs: x.length } : undefined));
}
