import { describe, expect, it } from 'vitest';
import { evaluationReducer, newEvaluation, seenResultOf, seenVerdict, type Evaluation, type EvaluationAction } from './evaluation.js';

const T0 = '2026-03-01T12:00:00.000Z';
const T1 = '2026-03-01T12:05:00.000Z';
const apply = (e: Evaluation, ...actions: EvaluationAction[]) => actions.reduce((x, a) => evaluationReducer(x, a, T1), e);

describe('seenResultOf / seenVerdict', () => {
  const tests = [
    { name: 'one', hidden: false, status: 'passed' as const, stdout: 'x', stderr: '', truncated: false, durationMs: 3 },
    { name: 'mine', hidden: false, status: 'failed' as const, stdout: '', stderr: '', truncated: false, durationMs: 1 },
  ];

  it("keeps the sandbox's verdict, and marks the trainer's own tests", () => {
    // The verdict is the result's, never folded again here (it is the sandbox client's rule).
    expect(seenResultOf({ verdict: 'timeout', tests }, 1, T1)).toEqual({
      verdict: 'timeout',
      tests: [
        { name: 'one', hidden: false, status: 'passed', own: false },
        { name: 'mine', hidden: false, status: 'failed', own: true },
      ],
      ranAt: T1,
    });
  });

  it('reads the verdict the evaluation stored, and nothing for a solution never run', () => {
    const e = apply(newEvaluation('t', 'en', T0), { type: 'results', solutionId: 'a', result: seenResultOf({ verdict: 'failed', tests }, 2, T1) });
    expect(seenVerdict(e.judgement, 'a')).toBe('failed');
    expect(seenVerdict(e.judgement, 'b')).toBeUndefined();
    expect(seenVerdict(e.judgement, 'constructor')).toBeUndefined();
  });
});
