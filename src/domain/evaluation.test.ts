import { describe, expect, it } from 'vitest';
import { codeFingerprint, evaluationReducer, listedStatus, evaluationSchema, newEvaluation, SEEN_OUTPUT_CHARS, seenResultOf, seenVerdict, testResultOfSeen, type Evaluation, type EvaluationAction } from './evaluation.js';

const T0 = '2026-03-01T12:00:00.000Z';
const T1 = '2026-03-01T12:05:00.000Z';
const apply = (e: Evaluation, ...actions: EvaluationAction[]) => actions.reduce((x, a) => evaluationReducer(x, a, T1), e);
const ranked = (ranks: Record<string, number>): Evaluation => {
  const e = newEvaluation('t', 'en', T0);
  return { ...e, judgement: { ...e.judgement, ranks } };
};

describe('evaluationReducer: ranks change only through rank actions, and stay dense', () => {
  it('a rank past the end of the ranking is the next group, not a gap', () => {
    const e = apply(newEvaluation('t', 'en', T0), { type: 'rank', solutionId: 'b', rank: 3 });
    expect(e.judgement.ranks).toEqual({ b: 1 });
    expect(apply(e, { type: 'rank', solutionId: 'c', rank: 9 }).judgement.ranks).toEqual({ b: 1, c: 2 });
  });

  it('a rank that is taken is a tie; taking a rank away closes the gap', () => {
    const e = apply(newEvaluation('t', 'en', T0), { type: 'rank', solutionId: 'a', rank: 1 }, { type: 'rank', solutionId: 'b', rank: 2 }, { type: 'rank', solutionId: 'c', rank: 2 });
    expect(e.judgement.ranks).toEqual({ a: 1, b: 2, c: 2 });
    expect(apply(e, { type: 'rank', solutionId: 'a', rank: undefined }).judgement.ranks).toEqual({ b: 1, c: 1 });
  });

  it('ties with a group, or makes a group of its own before one, as the board shows them', () => {
    const e = ranked({ a: 1, b: 2, c: 3 });
    expect(apply(e, { type: 'tie', solutionId: 'c', group: 0 }).judgement.ranks).toEqual({ a: 1, b: 2, c: 1 });
    expect(apply(e, { type: 'rankBefore', solutionId: 'c', group: 0 }).judgement.ranks).toEqual({ c: 1, a: 2, b: 3 });
  });

  it('makes stored ranks with gaps dense on the first change', () => {
    const e = apply(ranked({ a: 1, b: 5, c: 9 }), { type: 'rank', solutionId: 'd', rank: 9 });
    expect(e.judgement.ranks).toEqual({ a: 1, b: 2, c: 3, d: 4 });
  });

  it('a gesture that changes nothing is no edit', () => {
    const e = ranked({ a: 1, b: 1, c: 2 });
    expect(apply(e, { type: 'rank', solutionId: 'a', rank: 1 })).toBe(e);
    expect(apply(e, { type: 'rank', solutionId: 'c', rank: 5 })).toBe(e);
    expect(apply(e, { type: 'tie', solutionId: 'a', group: 5 })).toBe(e);
    const changed = apply(e, { type: 'rank', solutionId: 'c', rank: 1 });
    expect(changed.updatedAt).toBe(T1);
  });
});

describe('listedStatus', () => {
  it('is new until the first real change, as the task list says', () => {
    const e = newEvaluation('t', 'en', T0);
    expect(listedStatus(e)).toBe('new');
    expect(listedStatus(apply(e, { type: 'activeTime', ms: 500 }))).toBe('new');
    const changed = apply(e, { type: 'critique', solutionId: 'a', text: 'x', locale: 'en' });
    expect(listedStatus(changed)).toBe('draft');
    expect(listedStatus(apply(changed, { type: 'submit' }))).toBe('submitted');
  });
});

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
        { name: 'one', hidden: false, status: 'passed', own: false, durationMs: 3, stdout: 'x' },
        { name: 'mine', hidden: false, status: 'failed', own: true, durationMs: 1 },
      ],
      ranAt: T1,
    });
  });

  it('keeps what a visible test showed, readable after a reload; a hidden test keeps its verdict and duration only', () => {
    const long = 'y'.repeat(SEEN_OUTPUT_CHARS + 10);
    const failed = { name: 'f', hidden: false, status: 'failed' as const, message: { key: 'verdict.assertion', params: { detail: 'assert 1 == 2' } }, stdout: long, stderr: 'warn', truncated: false, durationMs: 7 };
    const hidden = { ...failed, name: 'h', hidden: true };
    const seen = seenResultOf({ verdict: 'failed', tests: [failed, hidden] }, 2, T1, { code: 'x = 1', language: 'python' });
    expect(seen.code).toBe(codeFingerprint({ code: 'x = 1', language: 'python' }));
    expect(seen.tests[1]).toEqual({ name: 'h', hidden: true, status: 'failed', own: false, durationMs: 7 });
    const back = testResultOfSeen(seen.tests[0]!);
    expect(back).toEqual({ ...failed, stdout: long.slice(0, SEEN_OUTPUT_CHARS), truncated: true });
    // What is stored passes the schema, and so survives storage and an export's round trip.
    const e = apply(newEvaluation('t', 'en', T0), { type: 'results', solutionId: 'a', result: seen });
    expect(evaluationSchema.parse(e)).toEqual(e);
  });

  it('reads the verdict the evaluation stored, and nothing for a solution never run', () => {
    const e = apply(newEvaluation('t', 'en', T0), { type: 'results', solutionId: 'a', result: seenResultOf({ verdict: 'failed', tests }, 2, T1) });
    expect(seenVerdict(e.judgement, 'a')).toBe('failed');
    expect(seenVerdict(e.judgement, 'b')).toBeUndefined();
    expect(seenVerdict(e.judgement, 'constructor')).toBeUndefined();
  });
});

describe('one task id rule for stored data', () => {
  it('an evaluation keeps any id a stored task can have, dataset ids included', () => {
    // A dataset row keeps its own id; an id that storage accepts for the task must not make its
    // evaluation unsavable (the evaluation schema allowed 100 characters, stored tasks 200).
    for (const id of ['HumanEval/0', '11', 'd'.repeat(150), 'x'.repeat(200)])
      expect(evaluationSchema.safeParse(newEvaluation(id, 'en', T0)).success, id).toBe(true);
    expect(evaluationSchema.safeParse(newEvaluation('', 'en', T0)).success).toBe(false);
    expect(evaluationSchema.safeParse(newEvaluation('x'.repeat(201), 'en', T0)).success).toBe(false);
  });

  it("own tests are the task's call and stdio tests with nothing but their data", () => {
    const e = newEvaluation('t', 'en', T0);
    const withTest = (test: unknown) => evaluationSchema.safeParse({ ...e, judgement: { ...e.judgement, ownTests: [test] } }).success;
    expect(withTest({ name: 'n', kind: 'call', args: [1], expected: 2 })).toBe(true);
    expect(withTest({ name: 'n', kind: 'stdio', stdin: '', expectedStdout: '' })).toBe(true);
    expect(withTest({ name: 'n', kind: 'call', args: [1], expected: 2, hidden: true })).toBe(false);
    expect(withTest({ name: 'n', kind: 'call', args: [1], expected: 2, tolerance: { abs: 1 } })).toBe(false);
    expect(withTest({ name: 'n', kind: 'code', code: { python: 'assert True' } })).toBe(false);
    expect(withTest({ name: '', kind: 'call', args: [], expected: 1 })).toBe(false);
  });
});

describe('active time', () => {
  const at = '2026-01-01T00:00:00.000Z';
  it('keeps the blind labels the trainer judged under with the submit, and only those of the last submit', () => {
    const at = '2026-01-01T00:00:00.000Z';
    let e = evaluationReducer(newEvaluation('t', 'en', at), { type: 'submit', shownLabels: { a: 'B', b: 'A' } }, at);
    expect(e.judgement.shownLabels).toEqual({ a: 'B', b: 'A' });
    expect(e.revisions.at(-1)?.judgement.shownLabels).toEqual({ a: 'B', b: 'A' });
    e = evaluationReducer(evaluationReducer(e, { type: 'reopen' }, at), { type: 'submit' }, at);
    expect(e.judgement.shownLabels).toBeUndefined();
    expect(e.revisions[0]?.judgement.shownLabels).toEqual({ a: 'B', b: 'A' });
  });

  it('counts on a draft, not on a submitted evaluation, and again once it is reopened', () => {
    let e = evaluationReducer(newEvaluation('t1', 'en', at), { type: 'activeTime', ms: 4000 }, at);
    expect(e.activeMs).toBe(4000);
    e = evaluationReducer(e, { type: 'submit' }, at);
    const submitted = e;
    expect(evaluationReducer(submitted, { type: 'activeTime', ms: 5000 }, at)).toBe(submitted);
    e = evaluationReducer(evaluationReducer(submitted, { type: 'reopen' }, at), { type: 'activeTime', ms: 5000 }, at);
    expect(e.activeMs).toBe(9000);
  });
});
