import { describe, expect, it } from 'vitest';
import { checkFindings, checkReferences, checkWarnings, mutantLimitMs, readiness, referenceHolds, slowestTestMs, type ReferenceRun } from './readiness.js';
import { taskSchema, type Solution } from './task.js';
import type { Verdict, TestResult } from './verdict.js';

const result = (name: string, status: Verdict, stdout = ''): TestResult => ({ name, hidden: false, status, stdout, stderr: '', truncated: false, durationMs: 1 });

const task = (hidden: boolean, reference = true) =>
  taskSchema.parse({
    schemaVersion: 1,
    id: 'x',
    title: { en: 'X' },
    prompt: { en: 'X' },
    entryPoint: 'f',
    tests: [{ name: 'a', kind: 'call', args: [], expected: 1, hidden }],
    solutions: [],
    ...(reference ? { referenceSolution: { python: 'def f():\n    return 1\n' } } : {}),
  });

describe('checkFindings', () => {
  it('reports failing tests and tests whose two runs differ, as veredicto check does', () => {
    const runs: ReferenceRun[] = [
      {
        language: 'python',
        first: [result('ok', 'passed', '1'), result('bad', 'failed'), result('flaky', 'passed'), result('noisy', 'passed', 'a')],
        second: [result('ok', 'passed', '1'), result('bad', 'failed'), result('flaky', 'timeout'), result('noisy', 'passed', 'b')],
      },
    ];
    expect(checkFindings(runs).map((f) => [f.kind, f.test])).toEqual([
      ['fails', 'bad'],
      ['flaky', 'flaky'],
      ['flaky', 'noisy'],
    ]);
  });
});

describe('checkWarnings', () => {
  const at = (name: string, durationMs: number, status: Verdict = 'passed'): TestResult => ({ ...result(name, status), durationMs });
  const perf = { performance: { budget: 3 } };
  it('warns of a performance test the reference passes too fast on both runs, never of another test', () => {
    const tests = [perf, {}, perf, perf, perf];
    const runs: ReferenceRun[] = [
      {
        language: 'javascript',
        // fast; not a performance test; slow enough; fast on one run only (the faster counts); failing
        first: [at('fast', 0.3), at('plain', 0.1), at('slow', 40), at('once', 30), at('broken', 0.2, 'failed')],
        second: [at('fast', 0.4), at('plain', 0.1), at('slow', 38), at('once', 2), at('broken', 0.2, 'failed')],
      },
    ];
    expect(checkWarnings(tests, runs)).toEqual([
      { kind: 'tooFast', language: 'javascript', test: 'fast', ms: 0.3 },
      { kind: 'tooFast', language: 'javascript', test: 'once', ms: 2 },
    ]);
  });
  it('has nothing to say of a task without performance tests', () => {
    expect(checkWarnings([{}], [{ language: 'python', first: [at('a', 0.01)], second: [at('a', 0.01)] }])).toEqual([]);
  });
});

describe('readiness', () => {
  it('needs a valid task, a reference that passed on this very version, and a hidden test', () => {
    const items = (r: ReturnType<typeof readiness>) => Object.fromEntries(r.items.map((i) => [i.id, i.ok]));
    expect(items(readiness({ task: undefined, fingerprint: 'f1' }))).toEqual({ schema: false, reference: false, checked: false, referencePasses: false, hiddenTest: false });
    const visibleOnly = readiness({ task: task(false), fingerprint: 'f1', check: { fingerprint: 'f1', findings: [] } });
    expect(visibleOnly.ready).toBe(false);
    expect(items(visibleOnly).hiddenTest).toBe(false);
    expect(readiness({ task: task(true), fingerprint: 'f1', check: { fingerprint: 'f1', findings: [] } }).ready).toBe(true);
    // Changed since the check: check again.
    expect(items(readiness({ task: task(true), fingerprint: 'f2', check: { fingerprint: 'f1', findings: [] } })).checked).toBe(false);
    expect(items(readiness({ task: task(true, false), fingerprint: 'f1' })).reference).toBe(false);
    // While the task is not valid, the form still says what it has.
    expect(items(readiness({ task: undefined, fingerprint: 'f1', hasReference: true, hiddenTests: 1 }))).toMatchObject({ schema: false, reference: true, hiddenTest: true });
  });
});

describe('the reference check the CLI and the editor share', () => {
  const timed = (name: string, durationMs: number, status: Verdict = 'passed'): TestResult => ({ ...result(name, status), durationMs });

  it('runs each reference twice, in the order given', async () => {
    const refs: Solution[] = [
      { id: 'reference-python', label: 'py', language: 'python', code: 'p' },
      { id: 'reference-javascript', label: 'js', language: 'javascript', code: 'j' },
    ];
    const calls: string[] = [];
    let n = 0;
    const runs = await checkReferences(refs, async (ref) => {
      calls.push(ref.language);
      return { tests: [timed(`run ${++n}`, 1)] };
    });
    expect(calls).toEqual(['python', 'python', 'javascript', 'javascript']);
    expect(runs.map((r) => [r.language, r.first[0]!.name, r.second[0]!.name])).toEqual([
      ['python', 'run 1', 'run 2'],
      ['javascript', 'run 3', 'run 4'],
    ]);
  });

  it('the slowest test is the slowest of the faster of each pair of runs', () => {
    const run: ReferenceRun = { language: 'python', first: [timed('a', 900), timed('b', 40)], second: [timed('a', 30), timed('b', 60)] };
    // a: min(900, 30) = 30; b: min(40, 60) = 40. The 900 ms first run is a worker warming up.
    expect(slowestTestMs(run)).toBe(40);
    expect(slowestTestMs({ language: 'python', first: [], second: [] })).toBe(0);
  });

  it('mutants get a time limit from that figure', () => {
    const slow: ReferenceRun = { language: 'python', first: [timed('a', 900)], second: [timed('a', 800)] };
    expect(mutantLimitMs(5000, slow)).toBe(4000); // 4 × 800 ms, in whole seconds
    expect(mutantLimitMs(3000, slow)).toBe(3000); // never above the task's own limit
    expect(mutantLimitMs(5000, { ...slow, first: [timed('a', 10)] })).toBe(2000);
  });

  it('a reference holds when it passes every test the same way twice; a flaky one does not', () => {
    const ok: ReferenceRun = { language: 'python', first: [result('a', 'passed', '1')], second: [result('a', 'passed', '1')] };
    expect(referenceHolds(ok)).toBe(true);
    expect(referenceHolds({ ...ok, second: [result('a', 'passed', '2')] })).toBe(false);
    expect(referenceHolds({ ...ok, second: [result('a', 'timeout')] })).toBe(false);
    expect(referenceHolds({ ...ok, first: [result('a', 'failed')], second: [result('a', 'failed')] })).toBe(false);
  });
});

