// Judging model answers: version 1 evaluations upgrade to version 2 without losing anything, the
// reducer's rating, preference, line comment and rewrite actions, and the guardrails on them
// (severities per dimension, a preference that contradicts the ranking, an ideal answer that was
// not run or fails without a reason).
import { describe, expect, it } from 'vitest';
import { contentHash } from './contentHash.js';
import { dimensionsOf, judgedByDimensions } from './dimensions.js';
import { evaluationReducer, evaluationSchema, newEvaluation, upgradeEvaluation, type Evaluation, type EvaluationAction } from './evaluation.js';
import { checkSubmit } from './guardrails.js';
import { preferenceContradicts } from './preference.js';
import type { Task } from './task.js';

const NOW = '2026-12-02T12:00:00.000Z';
const run = (e: Evaluation, ...actions: EvaluationAction[]) => actions.reduce((x, a) => evaluationReducer(x, a, NOW), e);
const answerTask: Pick<Task, 'solutions' | 'dimensions'> = {
  solutions: [
    { id: 'answer-1', label: 'A', language: 'python', code: 'def f(x):\n    return x\n', answer: 'Claro:\n\n```python\ndef f(x):\n    return x\n```' },
    { id: 'answer-2', label: 'B', language: 'python', code: '', answer: 'No puedo.' },
  ],
};

const v1 = {
  schemaVersion: 1,
  taskId: 'add',
  status: 'submitted',
  judgement: {
    ranks: { a: 1 }, scores: { a: { correctness: 5 } }, critiques: { a: { text: 'ok', locale: 'en' } }, reasons: {},
    justification: { text: 'because', locale: 'en' }, taskFlags: [], solutionFlags: {}, ownTests: [], results: {},
  },
  activeMs: 1200, createdAt: NOW, updatedAt: NOW, submittedAt: NOW,
  revisions: [{ submittedAt: NOW, judgement: { ranks: { a: 2 }, scores: {}, critiques: {}, reasons: {}, justification: { text: '', locale: 'en' }, taskFlags: [], solutionFlags: {}, ownTests: [], results: {} } }],
};

describe('evaluation version 2', () => {
  it('reads a version 1 evaluation, keeping every field and each revision', () => {
    const parsed = evaluationSchema.parse(v1);
    expect(parsed.schemaVersion).toBe(2);
    expect(parsed.judgement.scores).toEqual({ a: { correctness: 5 } });
    expect(parsed.judgement.ratings).toEqual({});
    expect(parsed.judgement.lineComments).toEqual([]);
    expect(parsed.revisions[0]!.judgement.ranks).toEqual({ a: 2 });
    expect(parsed.revisions[0]!.judgement.lineComments).toEqual([]);
    expect(parsed.activeMs).toBe(1200);
  });
  it('leaves what is not version 1 to the schema', () => {
    expect(upgradeEvaluation(null)).toBe(null);
    expect(evaluationSchema.safeParse({ ...v1, schemaVersion: 3 }).success).toBe(false);
  });
});

describe('the reducer', () => {
  it('rates with a severity, then a note; clearing the severity clears the rating', () => {
    let e = newEvaluation('t', 'es-CL', NOW);
    expect(run(e, { type: 'rateNote', solutionId: 'answer-1', dimension: 'efficiency', text: 'x', locale: 'es-CL' })).toBe(e);
    e = run(e, { type: 'rate', solutionId: 'answer-1', dimension: 'efficiency', severity: 'minor' }, { type: 'rateNote', solutionId: 'answer-1', dimension: 'efficiency', text: 'O(n²)', locale: 'es-CL' });
    expect(e.judgement.ratings['answer-1']).toEqual({ efficiency: { severity: 'minor', note: { text: 'O(n²)', locale: 'es-CL' } } });
    e = run(e, { type: 'rate', solutionId: 'answer-1', dimension: 'efficiency', severity: 'major' });
    expect(e.judgement.ratings['answer-1']!.efficiency!.note?.text).toBe('O(n²)');
    e = run(e, { type: 'rate', solutionId: 'answer-1', dimension: 'efficiency', severity: undefined });
    expect(e.judgement.ratings['answer-1']).toEqual({});
    expect(evaluationSchema.safeParse(e).success).toBe(true);
  });
  it('keeps line comments by id and the rewrite with its run and exemption', () => {
    let e = newEvaluation('t', 'en', NOW);
    const comment = { id: 'c1', solutionId: 'answer-1', startLine: 1, endLine: 2, codeHash: contentHash('x'), text: { text: 'off by one', locale: 'en' as const } };
    e = run(e, { type: 'addLineComment', comment }, { type: 'addLineComment', comment: { ...comment, endLine: 3 } });
    expect(e.judgement.lineComments).toEqual([{ ...comment, endLine: 3 }]);
    e = run(e, { type: 'rewrite', from: 'answer-1', markdown: 'Ideal' }, { type: 'rewriteExemption', text: 'tests are wrong', locale: 'en' }, { type: 'rewrite', markdown: 'Ideal!' });
    expect(e.judgement.rewrite).toEqual({ from: 'answer-1', markdown: 'Ideal!', exemption: { text: 'tests are wrong', locale: 'en' } });
    e = run(e, { type: 'removeLineComment', id: 'c1' }, { type: 'dropRewrite' });
    expect(e.judgement.lineComments).toEqual([]);
    expect(e.judgement.rewrite).toBeUndefined();
    expect(evaluationSchema.safeParse(e).success).toBe(true);
  });
  it('refuses a line comment whose range runs backwards', () => {
    const e = run(newEvaluation('t', 'en', NOW), { type: 'addLineComment', comment: { id: 'c', solutionId: 's', startLine: 3, endLine: 2, codeHash: 'h', text: { text: 'x', locale: 'en' } } });
    expect(evaluationSchema.safeParse(e).success).toBe(false);
  });
});

describe('dimensions and preference', () => {
  it('tasks from answers are judged by the five default dimensions; a task may bring its own', () => {
    expect(judgedByDimensions(answerTask)).toBe(true);
    expect(dimensionsOf(answerTask).map((d) => d.id)).toEqual(['correctness', 'instruction-following', 'efficiency', 'readability', 'explanation']);
    expect(dimensionsOf({ solutions: [], dimensions: [{ id: 'safety', name: { en: 'Safety' } }] })).toEqual([{ id: 'safety', name: { en: 'Safety' } }]);
    expect(judgedByDimensions({ solutions: [{ id: 'a', label: 'a', language: 'python', code: '' }] })).toBe(false);
  });
  it('a preference contradicts the ranking when their directions differ', () => {
    const p = (strength: number) => ({ a: 'x', b: 'y', strength });
    expect(preferenceContradicts({ x: 1, y: 2 }, p(-3))).toBe(false);
    expect(preferenceContradicts({ x: 1, y: 2 }, p(2))).toBe(true);
    expect(preferenceContradicts({ x: 1, y: 1 }, p(0))).toBe(false);
    expect(preferenceContradicts({ x: 1, y: 1 }, p(-1))).toBe(true);
    expect(preferenceContradicts({ x: 1, y: 2 }, p(0))).toBe(true);
    expect(preferenceContradicts({ x: 1 }, p(3))).toBe(false);
  });
});

describe('checkSubmit on answers', () => {
  const complete = () => {
    // Not run here: the run guardrail (guardrail.notRun) is waived with its reason.
    let e = run(newEvaluation('t', 'en', NOW), { type: 'unrunReason', text: 'no sandbox in a unit test', locale: 'en' });
    for (const s of answerTask.solutions) {
      e = run(e, { type: 'rank', solutionId: s.id, rank: s.id === 'answer-1' ? 1 : 2 }, { type: 'critique', solutionId: s.id, text: 'A critique of it.', locale: 'en' });
      for (const d of dimensionsOf(answerTask)) e = run(e, { type: 'rate', solutionId: s.id, dimension: d.id, severity: 'none' });
    }
    return e;
  };
  it('asks for a severity on every dimension, not for rubric scores', () => {
    const e = run(complete(), { type: 'rate', solutionId: 'answer-2', dimension: 'efficiency', severity: undefined });
    expect(checkSubmit(answerTask, e, ['correctness']).map((p) => [p.key, p.params?.dimension])).toEqual([['guardrail.unrated', 'efficiency']]);
  });
  it('says when the preference contradicts the ranking', () => {
    const e = run(complete(), { type: 'prefer', preference: { a: 'answer-1', b: 'answer-2', strength: 2 } });
    expect(checkSubmit(answerTask, e, []).map((p) => p.key)).toEqual(['guardrail.preferenceContradicts']);
    expect(checkSubmit(answerTask, run(e, { type: 'prefer', preference: { a: 'answer-1', b: 'answer-2', strength: -2 } }), [])).toEqual([]);
  });
  it('an ideal answer must have passed every test, for its current text, unless a reason is given', () => {
    let e = run(complete(), { type: 'rewrite', markdown: 'Ideal' });
    expect(checkSubmit(answerTask, e, []).map((p) => p.key)).toEqual(['guardrail.rewriteNotRun']);
    const result = (verdict: 'passed' | 'failed', markdown: string) => ({ verdict, tests: [{ name: 't', hidden: false, status: verdict, own: false }], ranAt: NOW, markdownHash: contentHash(markdown) });
    e = run(e, { type: 'rewriteResult', result: result('failed', 'Ideal') });
    expect(checkSubmit(answerTask, e, []).map((p) => [p.key, p.params?.failed])).toEqual([['guardrail.rewriteFails', 1]]);
    e = run(e, { type: 'rewriteResult', result: result('passed', 'Ideal') });
    expect(checkSubmit(answerTask, e, [])).toEqual([]);
    e = run(e, { type: 'rewrite', markdown: 'Ideal, edited' });
    expect(checkSubmit(answerTask, e, []).map((p) => p.key)).toEqual(['guardrail.rewriteNotRun']);
    e = run(e, { type: 'rewriteExemption', text: 'The test is wrong.', locale: 'en' });
    expect(checkSubmit(answerTask, e, [])).toEqual([]);
  });
});
