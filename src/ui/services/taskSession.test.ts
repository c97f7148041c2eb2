// TaskSession without a browser: runs report live (results heard together reach the state as one
// update), results become evidence in the evaluation, cancel stops a run, and only real changes
// reach the autosaver.
import { describe, expect, it, vi } from 'vitest';
import { codeFingerprint, newEvaluation, type Evaluation } from '../../domain/evaluation.js';
import type { Task } from '../../domain/task.js';
import type { SolutionResult, TestResult } from '../../domain/verdict.js';
import type { EvaluateOptions, Sandbox } from '../../sandbox/client.js';
import { TaskSession } from './taskSession.js';

const task: Task = {
  schemaVersion: 1, id: 't', title: { en: 'T' }, prompt: { en: 'P' }, entryPoint: 'f', tags: [],
  tests: [
    { kind: 'call', name: 'one', hidden: false, args: [1], expected: 1 },
    { kind: 'call', name: 'two', hidden: true, args: [2], expected: 2 },
  ],
  solutions: [
    { id: 'a', label: 'A', language: 'python', code: 'ok' },
    { id: 'b', label: 'B', language: 'javascript', code: 'bad' },
  ],
};

/** Passes code "ok", fails anything else; "hang" never finishes until aborted. */
const fakeSandbox = {
  async evaluate(t: Task, s: { id: string; code: string }, o: EvaluateOptions = {}): Promise<SolutionResult> {
    const tests: TestResult[] = [];
    for (const [i, x] of t.tests.entries()) {
      if (s.code === 'hang')
        await new Promise((_, reject) => o.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))));
      // "slow" passes in 400 ms a test, "ok" in 1 ms (the times the runner's clock would report).
      const r: TestResult = { name: x.name, hidden: x.hidden, status: s.code === 'ok' || s.code === 'slow' ? 'passed' : 'failed', stdout: '', stderr: '', truncated: false, durationMs: s.code === 'slow' ? 400 : 1 };
      tests.push(r);
      o.onTest?.(i, r);
    }
    return { taskId: t.id, solutionId: s.id, verdict: tests.every((x) => x.status === 'passed') ? 'passed' : 'failed', tests };
  },
} as unknown as Sandbox;

function session(t: Task = task) {
  const saved: Evaluation[] = [];
  let n = 0;
  const s = new TaskSession(t, newEvaluation(t.id, 'en', 'T0'), () => fakeSandbox, { schedule: (e) => saved.push(e), flush: async () => {} }, () => `T${++n}`);
  return { s, saved };
}

describe('TaskSession', () => {
  it('runs every solution and records what was seen as evidence', async () => {
    const { s, saved } = session();
    await s.run();
    const { runs, evaluation, running } = s.snapshot;
    expect(running).toBe(false);
    expect(runs.a?.verdict).toBe('passed');
    expect(runs.b?.verdict).toBe('failed');
    expect(evaluation.judgement.results.b?.tests).toEqual([
      { name: 'one', hidden: false, status: 'failed', own: false, durationMs: 1 },
      { name: 'two', hidden: true, status: 'failed', own: false, durationMs: 1 },
    ]);
    // The run is of this code: a submit takes it as a run of the current code.
    expect(evaluation.judgement.results.b?.code).toBe(codeFingerprint(task.solutions[1]!));
    expect(saved.at(-1)).toBe(evaluation);
  });

  it('times a performance test after the verdicts, against the reference, and keeps the times in the evaluation', async () => {
    const timed: Task = {
      ...task,
      tests: [task.tests[0]!, { ...task.tests[1]!, performance: { budget: 3 } }],
      solutions: [{ id: 'fast', label: 'Fast', language: 'python', code: 'ok' }, { id: 'slow', label: 'Slow', language: 'python', code: 'slow' }, { id: 'wrong', label: 'Wrong', language: 'python', code: 'bad' }],
      referenceSolution: { python: 'ok' },
    };
    const { s } = session(timed);
    await s.run();
    expect(s.snapshot.timing).toBe(false);
    const seen = (id: string) => s.snapshot.evaluation.judgement.results[id]!.tests[1]!;
    expect(seen('slow').timing).toMatchObject({ ms: 400, runs: 1, referenceMs: 1, ratio: 400, budget: 3, over: true });
    expect(seen('fast').timing).toMatchObject({ ms: 1, referenceMs: 1, ratio: 1, over: false });
    expect(seen('wrong').timing).toBeUndefined();
    expect(s.snapshot.runs.slow?.tests[1]?.timing?.over).toBe(true);
    // Over budget is not a verdict: the slow solution still passes.
    expect(s.snapshot.evaluation.judgement.results.slow?.verdict).toBe('passed');
  });

  it('runs own tests after the task tests and marks them', async () => {
    const { s } = session();
    s.dispatch({ type: 'addOwnTest', test: { name: 'mine', kind: 'call', args: [3], expected: 3 } });
    await s.run(['a']);
    expect(s.snapshot.runs.b).toBeUndefined();
    expect(s.snapshot.evaluation.judgement.results.a?.tests.map((x) => [x.name, x.own])).toEqual([
      ['one', false],
      ['two', false],
      ['mine', true],
    ]);
  });

  it('cancels a run that would never end', async () => {
    const { s } = session({ ...task, solutions: [{ id: 'h', label: 'H', language: 'python', code: 'hang' }] });
    const run = s.run();
    s.cancel();
    await run;
    expect(s.snapshot.runs.h?.state).toBe('cancelled');
    expect(s.snapshot.running).toBe(false);
    expect(s.snapshot.evaluation.judgement.results.h).toBeUndefined();
  });

  it('puts results heard together into the state as one update, and each in order', async () => {
    vi.useFakeTimers();
    try {
      let report: ((i: number, r: TestResult) => void) | undefined;
      let finish: (() => void) | undefined;
      const many: Task = { ...task, tests: Array.from({ length: 10 }, (_, i) => ({ kind: 'call' as const, name: `t${i}`, hidden: false, args: [i], expected: i })), solutions: [task.solutions[0]!] };
      const held = {
        evaluate: (t: Task, sol: { id: string }, o: EvaluateOptions = {}) =>
          new Promise<SolutionResult>((resolve) => {
            const tests: TestResult[] = [];
            report = (i, r) => (tests.push(r), o.onTest?.(i, r));
            finish = () => resolve({ taskId: t.id, solutionId: sol.id, verdict: 'passed', tests });
          }),
      } as unknown as Sandbox;
      const s = new TaskSession(many, newEvaluation(many.id, 'en', 'T0'), () => held, { schedule: () => {}, flush: async () => {} });
      const run = s.run();
      const seen: number[] = [];
      s.subscribe(() => seen.push(s.snapshot.runs.a?.tests.length ?? -1));
      const result = (i: number): TestResult => ({ name: `t${i}`, hidden: false, status: 'passed', stdout: '', stderr: '', truncated: false, durationMs: 1 });
      for (let i = 0; i < 6; i++) report!(i, result(i));
      expect(seen).toEqual([]);
      vi.advanceTimersByTime(50);
      expect(seen).toEqual([6]);
      expect(s.snapshot.runs.a?.state).toBe('running');
      expect(s.snapshot.runs.a?.tests.map((x) => x.name)).toEqual(['t0', 't1', 't2', 't3', 't4', 't5']);
      for (let i = 6; i < 10; i++) report!(i, result(i));
      finish!();
      await vi.runAllTimersAsync();
      await run;
      expect(s.snapshot.runs.a?.state).toBe('done');
      expect(s.snapshot.runs.a?.tests).toHaveLength(10);
      expect(seen.filter((n) => n > 6 && n < 10)).toEqual([]); // the rest came with the verdict, not one by one
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not save an untouched evaluation for time alone, and saves real changes', () => {
    const { s, saved } = session();
    s.dispatch({ type: 'activeTime', ms: 500 });
    expect(saved).toHaveLength(0);
    s.dispatch({ type: 'rank', solutionId: 'a', rank: 1 });
    s.dispatch({ type: 'activeTime', ms: 500 });
    expect(saved).toHaveLength(2);
    expect(saved.at(-1)?.activeMs).toBe(1000);
  });
});
