// The budget rule and the timing figures: what a trainer reads beside a performance test's verdict.
import { describe, expect, it } from 'vitest';
import { MAX_TIMING_RUNS, median, overBudget, performanceTests, ratioOf, runsWanted, sizeText, TIME_FLOOR_MS, timingOf, withTimings } from './performance.js';
import type { TestCase } from './task.js';
import type { TestResult } from './verdict.js';

describe('timingOf: the budget rule', () => {
  it('flags a solution over budget and leaves one within it unflagged', () => {
    expect(timingOf(71, 1, { budget: 3 }, 10)).toEqual({ ms: 71, runs: 1, budget: 3, referenceMs: 10, ratio: 7.1, over: true });
    expect(timingOf(25, 3, { budget: 3 }, 10)).toEqual({ ms: 25, runs: 3, budget: 3, referenceMs: 10, ratio: 2.5, over: false });
  });

  it('judges the ratio as shown, to one decimal: 3.04× reads 3.0× and is within a budget of 3×', () => {
    expect(timingOf(30.4, 1, { budget: 3 }, 10)).toMatchObject({ ratio: 3, over: false });
    expect(timingOf(30.6, 1, { budget: 3 }, 10)).toMatchObject({ ratio: 3.1, over: true });
  });

  it('has no ratio and no flag without a reference time', () => {
    expect(timingOf(500, 1, { budget: 3 }, undefined)).toEqual({ ms: 500, runs: 1, budget: 3, over: false });
  });

  it('counts times under the floor as the floor, so a sub-millisecond reference does not turn noise into a large ratio', () => {
    expect(ratioOf(0.4, 0.02)).toBe(1);
    expect(ratioOf(5, 0.02)).toBe(5 / TIME_FLOOR_MS);
    expect(ratioOf(0.3, 2)).toBe(0.5);
  });
});

describe('runsWanted and median: how a time is measured', () => {
  it('runs a slow test once and repeats a fast one up to the target, at most MAX_TIMING_RUNS times', () => {
    expect(runsWanted(250)).toBe(1);
    expect(runsWanted(200)).toBe(1);
    expect(runsWanted(80)).toBe(3);
    expect(runsWanted(0.01)).toBe(MAX_TIMING_RUNS);
  });

  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 400])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
});

describe('withTimings', () => {
  const tests: TestCase[] = [
    { kind: 'call', name: 'small', hidden: false, args: [], expected: 1 },
    { kind: 'call', name: 'large', hidden: true, args: [], expected: 1, performance: { budget: 3, size: { en: '4,000 numbers', 'es-CL': '4.000 números' } } },
    { kind: 'stdio', name: 'huge', hidden: false, stdin: '', expectedStdout: '', performance: { budget: 5, size: 'n = 10⁶' } },
  ];
  const result = (statuses: TestResult['status'][]) => ({
    tests: statuses.map((status, i): TestResult => ({ name: tests[i]!.name, hidden: tests[i]!.hidden, status, stdout: '', stderr: '', truncated: false, durationMs: 1 })),
  });

  it('finds the performance tests by position', () => {
    expect(performanceTests(tests)).toEqual([1, 2]);
  });

  it('times the performance tests a solution passed, against the reference of the same run', () => {
    const r = withTimings(result(['passed', 'passed', 'failed']), tests, new Map([[1, { ms: 400, runs: 1 }], [2, { ms: 3, runs: 5 }]]), new Map([[1, { ms: 4, runs: 5 }]]));
    expect(r.tests[0]!.timing).toBeUndefined();
    expect(r.tests[1]!.timing).toEqual({ ms: 400, runs: 1, budget: 3, referenceMs: 4, ratio: 100, over: true });
    // A failed performance test is failed as usual, with no time to read.
    expect(r.tests[2]!.timing).toBeUndefined();
    expect(r.tests[2]!.status).toBe('failed');
    expect(overBudget(r.tests)).toBe(1);
  });

  it('never changes a verdict: over budget stays passed', () => {
    const r = withTimings(result(['passed', 'passed', 'passed']), tests, new Map([[1, { ms: 400, runs: 1 }]]), new Map([[1, { ms: 4, runs: 5 }]]));
    expect(r.tests.map((t) => t.status)).toEqual(['passed', 'passed', 'passed']);
  });

  it('says the size in the locale asked for, or as written when it is plain text', () => {
    expect(sizeText(tests[1]!.performance, 'es-CL')).toBe('4.000 números');
    expect(sizeText(tests[1]!.performance, 'en')).toBe('4,000 numbers');
    expect(sizeText(tests[2]!.performance, 'es-CL')).toBe('n = 10⁶');
    expect(sizeText(tests[0]!.performance, 'en')).toBeUndefined();
  });
});
