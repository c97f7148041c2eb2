// Efficiency evidence: a performance test's time for a solution beside the reference solution's on
// the same test, measured in the same run, and the rule that says when a solution is over budget.
// Pure: the sandbox measures (sandbox/timing.ts), this decides. Nothing here changes a verdict.
import { pickLocale, type Locale, type PerformanceSpec, type TestCase } from './task.js';
import type { SolutionResult, TestTiming } from './verdict.js';

/**
 * The rule, in one place. A performance test is first a test like any other: it passes or fails
 * on its result, within the task's time limit. Its time is evidence beside that verdict: a solution
 * that passes it in more than `budget` times the reference's time is flagged "over budget", and
 * stays passed (slow and right is not wrong: correctness and efficiency are rated apart, and a
 * solution's verdict stays its worst test's). A solution that fails a performance test is not
 * timed; neither is any solution when the reference does not pass it in the timing run.
 */
export function timingOf(ms: number, runs: number, spec: PerformanceSpec, referenceMs: number | undefined): TestTiming {
  const timing: TestTiming = { ms: roundMs(ms), runs, budget: spec.budget, over: false };
  if (referenceMs === undefined) return timing;
  const ratio = ratioOf(ms, referenceMs);
  // Judged on the ratio as it is shown (one decimal), so what the trainer reads is what was judged.
  return { ...timing, referenceMs: roundMs(referenceMs), ratio, over: ratio > spec.budget };
}

/**
 * Times under this are counted as this much in a ratio: below it the clock's resolution and the
 * runtime's fixed cost per test (a fresh QuickJS context, the harness) say more than the code does,
 * and a 0.05 ms reference would turn any noise into a large ratio. An author who wants a ratio
 * makes the input large enough for the reference to take longer than this.
 */
export const TIME_FLOOR_MS = 1;

/**
 * A reference faster than this on a performance test makes the test poor evidence: a solution's
 * time is then mostly the runtime's fixed cost per test and the clock's noise, so a budget of 3×
 * cannot tell a quadratic solution from a linear one. Not an error (the test still judges
 * results): `veredicto check` and the editor's check warn, and the author makes the input larger.
 */
export const MEASURABLE_REFERENCE_MS = 5;

/** The solution's time over the reference's, each at least TIME_FLOOR_MS, to one decimal. */
export function ratioOf(ms: number, referenceMs: number): number {
  return Math.round((Math.max(ms, TIME_FLOOR_MS) / Math.max(referenceMs, TIME_FLOOR_MS)) * 10) / 10;
}

/**
 * How a performance test is timed: run alone, again, until its runs add up to TIMING_TARGET_MS or
 * there are MAX_TIMING_RUNS of them, and the median of the runs that passed is its time. A test
 * that takes longer than the target runs once: repeating it would cost seconds and buy little,
 * since the clock's resolution is nothing beside it and load moves every run alike.
 */
export const TIMING_TARGET_MS = 200;
export const MAX_TIMING_RUNS = 5;

/** Runs wanted in all, the first one's time being known. */
export function runsWanted(firstMs: number): number {
  if (firstMs >= TIMING_TARGET_MS) return 1;
  return Math.min(MAX_TIMING_RUNS, Math.ceil(TIMING_TARGET_MS / Math.max(firstMs, TIME_FLOOR_MS)));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The positions of a list's performance tests. */
export function performanceTests(tests: readonly TestCase[]): number[] {
  return tests.flatMap((t, i) => (t.performance ? [i] : []));
}

/** A time as measured for one solution on one test: the median of `runs` runs. */
export type Measured = { ms: number; runs: number };

/**
 * A solution's result with its performance tests' timings: `times` the solution's, `reference`
 * the reference's (same language, same run), both by test position. A test missing from `times`
 * (not passed, not timed) gets none.
 */
export function withTimings<R extends Pick<SolutionResult, 'tests'>>(result: R, tests: readonly TestCase[], times: ReadonlyMap<number, Measured>, reference: ReadonlyMap<number, Measured> | undefined): R {
  return {
    ...result,
    tests: result.tests.map((t, i) => {
      const spec = tests[i]?.performance;
      const own = times.get(i);
      if (!spec || !own || t.status !== 'passed') return t;
      return { ...t, timing: timingOf(own.ms, own.runs, spec, reference?.get(i)?.ms) };
    }),
  };
}

/** How many of a result's tests are over budget. */
export function overBudget(tests: readonly { timing?: TestTiming }[]): number {
  return tests.filter((t) => t.timing?.over).length;
}

/** What a performance test says its input's size is, in the wanted locale. */
export function sizeText(spec: PerformanceSpec | undefined, locale: Locale): string | undefined {
  if (spec?.size === undefined) return undefined;
  return typeof spec.size === 'string' ? spec.size : pickLocale(spec.size, locale).text;
}

const roundMs = (ms: number) => Math.round(Math.max(0, ms) * 1000) / 1000;
