import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluationReducer, newEvaluation, seenResultOf, unrunSolutions, type Evaluation, type EvaluationAction } from './evaluation.js';
import { checkSubmit, outrankedPassing, unrunWithoutReason, type SubmitProblem } from './guardrails.js';
import type { Solution } from './task.js';
import type { Verdict } from './verdict.js';

const NOW = '2026-03-01T12:00:00.000Z';
const CRITERIA = ['correctness', 'readability'];
const solution = (id: string, label: string): Solution => ({ id, label, language: 'python', code: 'pass' });
const task = { solutions: [solution('a', 'Solution A'), solution('b', 'Solution B'), solution('c', 'Solution C')] };

const apply = (e: Evaluation, ...actions: EvaluationAction[]) => actions.reduce((x, a) => evaluationReducer(x, a, NOW), e);
const result = (solutionId: string, verdict: Verdict): EvaluationAction => ({
  type: 'results',
  solutionId,
  result: { verdict, tests: [], ranAt: NOW },
});

/** Ranked, scored and critiqued: nothing missing. */
function complete(ranks: Record<string, number> = { a: 1, b: 2, c: 3 }): Evaluation {
  // Ranks as stored data may hold them: set as given, not ranked one by one.
  const start = newEvaluation('t', 'en', NOW);
  return apply(
    { ...start, judgement: { ...start.judgement, ranks } },
    ...task.solutions.flatMap(({ id }): EvaluationAction[] => [
      ...CRITERIA.map((criterion): EvaluationAction => ({ type: 'score', solutionId: id, criterion, score: 3 })),
      { type: 'critique', solutionId: id, text: `About ${id}`, locale: 'en' },
    ]),
  );
}

/** What checkSubmit finds besides the missing run (tested on its own below). */
const checkFilled = (e: Evaluation, criteria: readonly string[]) => checkSubmit(task, e, criteria).filter((p) => p.key !== 'guardrail.notRun');

const keysOf = (problems: SubmitProblem[]) => problems.map((p) => `${p.solutionId}:${p.field}:${p.key}`);

describe('checkSubmit', () => {
  it('accepts a complete evaluation, with no justification', () => {
    const e = complete();
    expect(e.judgement.justification.text).toBe('');
    expect(checkFilled(e, CRITERIA)).toEqual([]);
  });

  it('an empty evaluation misses everything, solution by solution', () => {
    const problems = checkFilled(newEvaluation('t', 'es-CL', NOW), CRITERIA);
    expect(problems.slice(0, 4)).toEqual([
      { key: 'guardrail.unranked', params: { label: 'Solution A' }, solutionId: 'a', field: 'rank' },
      { key: 'guardrail.unscored', params: { label: 'Solution A', criterion: 'correctness' }, solutionId: 'a', field: 'score' },
      { key: 'guardrail.unscored', params: { label: 'Solution A', criterion: 'readability' }, solutionId: 'a', field: 'score' },
      { key: 'guardrail.noCritique', params: { label: 'Solution A' }, solutionId: 'a', field: 'critique' },
    ]);
    expect(problems).toHaveLength(12);
    expect(problems.map((p) => p.solutionId)).toEqual(['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'c', 'c', 'c', 'c']);
  });

  it('names only the criteria that are missing', () => {
    const e = apply(complete(), { type: 'score', solutionId: 'b', criterion: 'readability', score: undefined });
    expect(checkFilled(e, CRITERIA)).toEqual([
      { key: 'guardrail.unscored', params: { label: 'Solution B', criterion: 'readability' }, solutionId: 'b', field: 'score' },
    ]);
  });

  it('checks the criteria it is given, not the ones scored', () => {
    expect(keysOf(checkFilled(complete(), [...CRITERIA, 'robustness']))).toEqual([
      'a:score:guardrail.unscored',
      'b:score:guardrail.unscored',
      'c:score:guardrail.unscored',
    ]);
  });

  it('a blank critique counts as missing', () => {
    const e = apply(complete(), { type: 'critique', solutionId: 'c', text: '  \n\t', locale: 'en' });
    expect(keysOf(checkFilled(e, CRITERIA))).toEqual(['c:critique:guardrail.noCritique']);
  });

  it('an unranked solution is reported even when the others are tied', () => {
    const e = complete({ a: 1, b: 1 });
    expect(checkFilled(e, CRITERIA)).toEqual([
      { key: 'guardrail.unranked', params: { label: 'Solution C' }, solutionId: 'c', field: 'rank' },
    ]);
  });

  it('a solution that did not pass, ranked above one that did, needs a reason naming both', () => {
    const e = apply(complete({ a: 1, b: 2, c: 3 }), result('a', 'failed'), result('b', 'passed'), result('c', 'passed'));
    expect(checkFilled(e, CRITERIA)).toEqual([
      { key: 'guardrail.needsReason', params: { label: 'Solution A', other: 'Solution B' }, solutionId: 'a', field: 'reason' },
    ]);
  });

  it('names the best-ranked passing solution below it', () => {
    const e = apply(complete({ a: 1, b: 3, c: 2 }), result('a', 'timeout'), result('b', 'passed'), result('c', 'passed'));
    expect(checkFilled(e, CRITERIA)[0]?.params).toEqual({ label: 'Solution A', other: 'Solution C' });
  });

  it('a reason clears it; a blank reason does not', () => {
    const base = apply(complete(), result('a', 'error'), result('b', 'passed'));
    expect(checkFilled(apply(base, { type: 'reason', solutionId: 'a', text: 'B is unreadable', locale: 'en' }), CRITERIA)).toEqual([]);
    expect(keysOf(checkFilled(apply(base, { type: 'reason', solutionId: 'a', text: '   ', locale: 'en' }), CRITERIA))).toEqual([
      'a:reason:guardrail.needsReason',
    ]);
  });

  it('ties, a lower position, or a passing verdict need no reason', () => {
    const tied = apply(complete({ a: 1, b: 1, c: 2 }), result('a', 'failed'), result('b', 'passed'));
    expect(checkFilled(tied, CRITERIA)).toEqual([]);
    const below = apply(complete({ a: 1, b: 2, c: 3 }), result('a', 'passed'), result('b', 'failed'));
    expect(checkFilled(below, CRITERIA)).toEqual([]);
    const bothPass = apply(complete(), result('a', 'passed'), result('b', 'passed'));
    expect(checkFilled(bothPass, CRITERIA)).toEqual([]);
  });

  it('solutions without results are not compared', () => {
    const onlyFailing = apply(complete(), result('a', 'failed'));
    expect(checkFilled(onlyFailing, CRITERIA)).toEqual([]);
    const onlyPassing = apply(complete(), result('c', 'passed'));
    expect(checkFilled(onlyPassing, CRITERIA)).toEqual([]);
  });

  it('an unranked passing solution is not compared (the missing rank is reported instead)', () => {
    const e = apply(complete({ a: 1, b: 2 }), result('a', 'failed'), result('c', 'passed'));
    expect(keysOf(checkFilled(e, CRITERIA))).toEqual(['c:rank:guardrail.unranked']);
  });

  it('every failing solution above a passing one gets its own problem', () => {
    const e = apply(complete({ a: 1, b: 2, c: 3 }), result('a', 'failed'), result('b', 'crashed'), result('c', 'passed'));
    expect(checkFilled(e, CRITERIA).map((p) => p.params)).toEqual([
      { label: 'Solution A', other: 'Solution C' },
      { label: 'Solution B', other: 'Solution C' },
    ]);
  });

  it('every key it can return exists in both locales, with the params it passes', () => {
    const e = apply(newEvaluation('t', 'en', NOW), { type: 'rank', solutionId: 'a', rank: 1 }, { type: 'rank', solutionId: 'b', rank: 2 }, result('a', 'failed'), result('b', 'passed'));
    const problems = checkSubmit(task, e, CRITERIA);
    expect(new Set(problems.map((p) => p.key))).toEqual(new Set(['guardrail.notRun', 'guardrail.unranked', 'guardrail.unscored', 'guardrail.noCritique', 'guardrail.needsReason']));
    for (const locale of ['en', 'es-CL']) {
      const json = JSON.parse(fs.readFileSync(new URL(`../../locales/${locale}/judging.json`, import.meta.url), 'utf8')) as Record<string, Record<string, string>>;
      for (const p of problems) {
        // A key with a count is written in its plural forms (i18next picks one).
        const name = p.key.split('.')[1]!;
        const text = json.guardrail?.[p.params?.count === undefined ? name : `${name}_other`];
        expect(text, `${locale} ${p.key}`).toBeTypeOf('string');
        for (const param of Object.keys(p.params ?? {}).filter((k) => k !== 'count')) expect(text, `${locale} ${p.key}`).toContain(`{{${param}}}`);
      }
    }
  });
});

describe('a submit needs a finished run of the current code', () => {
  const ranWith = (e: Evaluation, ...ids: string[]) =>
    apply(e, ...ids.map((id): EvaluationAction => ({ type: 'results', solutionId: id, result: seenResultOf({ verdict: 'passed', tests: [] }, 0, NOW, task.solutions.find((s) => s.id === id)) })));

  it('names every solution without a run, in one problem that leads to the reason field', () => {
    // The case: ranked, scored and critiqued, never run: `results: {}`.
    expect(checkSubmit(task, complete(), CRITERIA)).toEqual([
      { key: 'guardrail.notRun', params: { labels: 'Solution A, Solution B, Solution C', count: 3 }, field: 'unrunReason' },
    ]);
    expect(checkSubmit(task, ranWith(complete(), 'a', 'c'), CRITERIA)).toEqual([{ key: 'guardrail.notRun', params: { labels: 'Solution B', count: 1 }, field: 'unrunReason' }]);
    expect(checkSubmit(task, ranWith(complete(), 'a', 'b', 'c'), CRITERIA)).toEqual([]);
  });

  it('a run of other code than the current one does not count', () => {
    const e = ranWith(complete(), 'a', 'b', 'c');
    const changed = { solutions: task.solutions.map((s) => (s.id === 'b' ? { ...s, code: 'return 1' } : s)) };
    expect(unrunSolutions(changed.solutions, e.judgement).map((s) => s.id)).toEqual(['b']);
    expect(checkSubmit(changed, e, CRITERIA).map((p) => p.params?.labels)).toEqual(['Solution B']);
    // Results saved before the code was kept are taken as runs of the current code.
    expect(unrunSolutions(task.solutions, apply(complete(), result('a', 'passed')).judgement).map((s) => s.id)).toEqual(['b', 'c']);
  });

  it('a stated reason overrides it; a blank one does not, and the reason is kept', () => {
    const withReason = apply(complete(), { type: 'unrunReason', text: 'The sandbox has no numpy.', locale: 'en' });
    expect(checkSubmit(task, withReason, CRITERIA)).toEqual([]);
    expect(withReason.judgement.unrunReason).toEqual({ text: 'The sandbox has no numpy.', locale: 'en' });
    expect(unrunWithoutReason(task, withReason.judgement)).toEqual([]);
    const blank = apply(complete(), { type: 'unrunReason', text: '  ', locale: 'en' });
    expect(keysOf(checkSubmit(task, blank, CRITERIA))).toEqual(['undefined:unrunReason:guardrail.notRun']);
    // Clearing it takes the field out of the judgement (the schema keeps it optional).
    expect('unrunReason' in apply(withReason, { type: 'unrunReason', text: '', locale: 'en' }).judgement).toBe(false);
  });
});

describe('outrankedPassing', () => {
  const ids = (list: { id: string }[]) => list.map((s) => s.id);

  it('lists the passing solutions ranked below a failing one, best ranked first', () => {
    const e = apply(complete({ a: 1, b: 3, c: 2 }), result('a', 'failed'), result('b', 'passed'), result('c', 'passed'));
    expect(ids(outrankedPassing(task.solutions, e.judgement, 'a'))).toEqual(['c', 'b']);
    expect(outrankedPassing(task.solutions, e.judgement, 'b')).toEqual([]); // it passed
  });

  it('is empty for ties, unranked or never-run solutions', () => {
    const tied = apply(complete({ a: 1, b: 1 }), result('a', 'failed'), result('b', 'passed'));
    expect(outrankedPassing(task.solutions, tied.judgement, 'a')).toEqual([]);
    expect(outrankedPassing(task.solutions, tied.judgement, 'c')).toEqual([]);
    const notRun = apply(complete(), result('b', 'passed'));
    expect(outrankedPassing(task.solutions, notRun.judgement, 'a')).toEqual([]);
  });

  it('is the rule checkSubmit applies', () => {
    const e = apply(complete({ a: 2, b: 3, c: 1 }), result('a', 'error'), result('b', 'passed'), result('c', 'failed'));
    const asked = checkSubmit(task, e, CRITERIA).filter((p) => p.field === 'reason').map((p) => p.solutionId);
    expect(asked).toEqual(task.solutions.filter((s) => outrankedPassing(task.solutions, e.judgement, s.id).length > 0).map((s) => s.id));
    expect(asked).toEqual(['a', 'c']);
  });
});

