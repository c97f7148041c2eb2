// Exports of judged answers: the ideal answer as SFT records (chat messages and prompt/completion),
// preference pairs where the rewrite is chosen against every original (answers as the model wrote
// them) plus the ranking's pairs with the preference's strength, and the JSONL round trip of the
// new fields (ratings, preference, line comments with ranges and the code's hash).
import { describe, expect, it } from 'vitest';
import { contentHash } from '../domain/contentHash.js';
import { evaluationReducer, newEvaluation, type Evaluation, type EvaluationAction } from '../domain/evaluation.js';
import { answersToTask } from './answerTask.js';
import { fromEvaluationsJsonl, toEvaluationsJsonl, toPreferencePairsJsonl, toSftJsonl } from './evaluations.js';

const NOW = '2026-12-02T12:00:00.000Z';
const PROMPT = 'Escribe `doble(x)` en Python.\n\n- doble(2) → 4\n';
const A = 'Claro:\n\n```python\ndef doble(x):\n    return x * 2\n```\n';
const B = '```python\ndef doble(x):\n    return x + 2\n```\n';
const IDEAL = 'Claro, aquí tienes:\n\n```python\ndef doble(x):\n    """El doble de x."""\n    return 2 * x\n```\n';
const task = answersToTask({ prompt: PROMPT, answers: [{ markdown: A }, { markdown: B }] }).task!;
const run = (e: Evaluation, ...actions: EvaluationAction[]) => actions.reduce((x, a) => evaluationReducer(x, a, NOW), e);

const judged = run(
  newEvaluation(task.id, 'es-CL', NOW),
  { type: 'rank', solutionId: 'answer-1', rank: 1 },
  { type: 'rank', solutionId: 'answer-2', rank: 2 },
  { type: 'prefer', preference: { a: 'answer-1', b: 'answer-2', strength: -3 } },
  { type: 'rate', solutionId: 'answer-2', dimension: 'correctness', severity: 'major' },
  { type: 'addLineComment', comment: { id: 'c1', solutionId: 'answer-2', startLine: 2, endLine: 2, codeHash: contentHash(task.solutions[1]!.code), text: { text: 'suma en vez de multiplicar', locale: 'es-CL' } } },
  { type: 'rewrite', from: 'answer-1', markdown: IDEAL },
  { type: 'rewriteResult', result: { verdict: 'passed', tests: [{ name: 'example 1', hidden: false, status: 'passed', own: false }], ranAt: NOW, markdownHash: contentHash(IDEAL) } },
  { type: 'submit' },
);
const tasks = new Map([[task.id, task]]);
const lines = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('exports of judged answers', () => {
  it('writes the ideal answer as a chat SFT record and as prompt/completion', () => {
    expect(lines(toSftJsonl([judged], tasks, 'es-CL', 'messages'))).toEqual([
      { messages: [{ role: 'user', content: PROMPT.trim() }, { role: 'assistant', content: IDEAL }], metadata: { task_id: task.id, rewrite_from: 'answer-1', passed_all_tests: true } },
    ]);
    expect(lines(toSftJsonl([judged], tasks, 'es-CL', 'prompt-completion'))).toEqual([
      { prompt: PROMPT.trim(), completion: IDEAL, metadata: { task_id: task.id, rewrite_from: 'answer-1', passed_all_tests: true } },
    ]);
  });

  it('leaves out drafts and evaluations without a rewrite', () => {
    const draft = run(judged, { type: 'reopen' });
    const plain = run(newEvaluation(task.id, 'en', NOW), { type: 'submit' });
    expect(toSftJsonl([draft, plain], tasks, 'en')).toBe('');
  });

  it('makes the rewrite the chosen answer against every original, then the ranking’s pairs', () => {
    const pairs = lines(toPreferencePairsJsonl([judged], tasks, 'es-CL'));
    expect(pairs.map((p) => [p.chosen, p.rejected])).toEqual([
      [IDEAL, A],
      [IDEAL, B],
      [A, B],
    ]);
    expect(pairs.map((p) => (p.metadata as Record<string, unknown>).chosen_id)).toEqual(['rewrite', 'rewrite', 'answer-1']);
    expect((pairs[2]!.metadata as Record<string, unknown>).preference_strength).toBe(3);
    expect(pairs.every((p) => p.prompt === PROMPT.trim())).toBe(true);
  });

  it('round-trips ratings, the preference, line comments and the rewrite through the JSONL export', () => {
    const back = fromEvaluationsJsonl(toEvaluationsJsonl([judged], tasks));
    expect(back.problems).toEqual([]);
    expect(back.evaluations[0]).toEqual(judged);
    expect(back.evaluations[0]!.judgement.lineComments[0]).toMatchObject({ startLine: 2, endLine: 2, codeHash: contentHash(task.solutions[1]!.code) });
  });

  it('names the dimensions the ratings were given on: the task’s, or the ones the caller kept', () => {
    const [line] = lines(toEvaluationsJsonl([judged], tasks));
    expect((line!.task as { dimensions: unknown }).dimensions).toEqual(['correctness', 'instruction-following', 'efficiency', 'readability', 'explanation'].map((id) => ({ id })));
    const kept = [{ id: 'safety', name: { en: 'Safety', 'es-CL': 'Seguridad' } }];
    const text = toEvaluationsJsonl([judged], tasks, () => 'ana@example.cl', () => kept);
    expect((lines(text)[0]!.task as { dimensions: unknown }).dimensions).toEqual(kept);
    expect(fromEvaluationsJsonl(text).problems).toEqual([]);
    expect(lines(toEvaluationsJsonl([judged], tasks, undefined, () => null))[0]!.task).not.toHaveProperty('dimensions');
  });

  it('reads an export written before version 2, upgraded', () => {
    const old = { format: 'veredicto.evaluation', version: 1, evaluation: { ...newEvaluation('t', 'en', NOW), schemaVersion: 1, judgement: { ranks: {}, scores: {}, critiques: {}, reasons: {}, justification: { text: '', locale: 'en' }, taskFlags: [], solutionFlags: {}, ownTests: [], results: {} } } };
    const back = fromEvaluationsJsonl(JSON.stringify(old));
    expect(back.problems).toEqual([]);
    expect(back.evaluations[0]!.schemaVersion).toBe(2);
  });
});
