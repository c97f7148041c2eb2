// TaskSession without a browser: runs report live, results become evidence in the evaluation,
// cancel stops a run, and only real changes reach the autosaver.
import { describe, expect, it } from 'vitest';
import { newEvaluation, type Evaluation } from '../../domain/evaluation.js';
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
      const r: TestResult = { name: x.name, hidden: x.hidden, status: s.code === 'ok' ? 'passed' : 'failed', stdout: '', stderr: '', truncated: false, durationMs: 1 };
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
      { name: 'one', hidden: false, status: 'failed', own: false },
      { name: 'two', hidden: true, status: 'failed', own: false },
    ]);
    expect(saved.at(-1)).toBe(evaluation);
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
