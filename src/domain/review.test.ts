// Why a submission is queued for review and in which order, the fixed evaluation a fix & accept
// stores, and the diff a trainer sees after it.
import { describe, expect, it } from 'vitest';
import { emptyJudgement, evaluationReducer, newEvaluation } from './evaluation.js';
import { compareForReview, fixedEvaluation, goldMissed, judgementDiff, peerTau, reviewReasons, type ReviewReason } from './review.js';

describe('review reasons and order', () => {
  const facts = { mismatch: false, activeMs: 60_000, minActiveMs: 30_000, sampled: false };

  it('names every reason that applies, most urgent first', () => {
    expect(reviewReasons(facts)).toEqual([]);
    expect(reviewReasons({ ...facts, mismatch: true, gold: { tau: -1, missedBugs: 0 }, peerTau: 0.2, activeMs: 1_000, sampled: true })).toEqual(['mismatch', 'goldMiss', 'lowAgreement', 'tooFast', 'sample']);
    // Agreement at the practice threshold is not low; an unknown one never is.
    expect(reviewReasons({ ...facts, peerTau: 0.5 })).toEqual([]);
    expect(reviewReasons({ ...facts, gold: { missedBugs: 0 } })).toEqual([]);
  });

  it('counts a gold task as missed below tau 0.5 or with a bug unmentioned', () => {
    expect(goldMissed({ tau: 0.49, missedBugs: 0 })).toBe(true);
    expect(goldMissed({ tau: 1, missedBugs: 1 })).toBe(true);
    expect(goldMissed({ tau: 0.5, missedBugs: 0 })).toBe(false);
  });

  it('sorts by the most urgent reason, then more reasons, then lower agreement, then age', () => {
    const item = (id: string, reasons: ReviewReason[], receivedAt: string, tau?: number) => ({ id, reasons, receivedAt, ...(tau === undefined ? {} : { peerTau: tau }) });
    const items = [
      item('none', [], '2026-01-01'),
      item('sample', ['sample'], '2026-01-01'),
      item('fast-old', ['tooFast'], '2026-01-01'),
      item('low-fast', ['lowAgreement', 'tooFast'], '2026-01-03', 0.1),
      item('low', ['lowAgreement'], '2026-01-02', -0.5),
      item('low2', ['lowAgreement'], '2026-01-01', 0.1),
      item('mismatch', ['mismatch', 'sample'], '2026-01-09'),
    ];
    expect([...items].sort(compareForReview).map((i) => i.id)).toEqual(['mismatch', 'low-fast', 'low', 'low2', 'fast-old', 'sample', 'none']);
  });

  it('averages tau-b with every peer that has one', () => {
    expect(peerTau({ a: 1, b: 2 }, [{ a: 1, b: 2 }, { a: 2, b: 1 }, { a: 1, b: 1 }], ['a', 'b'])).toBe(0);
    expect(peerTau({ a: 1, b: 2 }, [], ['a', 'b'])).toBeUndefined();
  });
});

describe('judgementDiff', () => {
  it('lists changed ranks, scores and critiques, solution by solution', () => {
    const before = { ...emptyJudgement('es-CL'), ranks: { a: 2, b: 1 }, scores: { a: { correctness: 3 }, b: { correctness: 4 } }, critiques: { a: { text: 'Bien.', locale: 'es-CL' as const } } };
    const after = { ...before, ranks: { a: 1, b: 2 }, scores: { a: { correctness: 3, efficiency: 2 }, b: { correctness: 4 } }, critiques: { a: { text: 'Bien.', locale: 'es-CL' as const }, b: { text: 'Falla.', locale: 'es-CL' as const } } };
    expect(judgementDiff(before, after, ['b', 'a'])).toEqual({
      ranks: [
        { solutionId: 'b', before: 1, after: 2 },
        { solutionId: 'a', before: 2, after: 1 },
      ],
      scores: [{ solutionId: 'a', criterion: 'efficiency', after: 2 }],
      critiques: [{ solutionId: 'b', after: 'Falla.' }],
    });
    expect(judgementDiff(before, before)).toEqual({ ranks: [], scores: [], critiques: [] });
  });
});

describe('fix & accept', () => {
  const T0 = '2026-01-01T00:00:00.000Z';
  const T1 = '2026-01-02T00:00:00.000Z';
  let submitted = newEvaluation('t1', 'es-CL', T0);
  for (const [solutionId, rank, score] of [['a', 2, 4], ['b', 1, 2]] as const) {
    submitted = evaluationReducer(submitted, { type: 'rank', solutionId, rank }, T0);
    for (const criterion of ['correctness', 'readability']) submitted = evaluationReducer(submitted, { type: 'score', solutionId, criterion, score }, T0);
    submitted = evaluationReducer(submitted, { type: 'critique', solutionId, text: `Crítica de ${solutionId}`, locale: 'es-CL' }, T0);
  }
  submitted = evaluationReducer(submitted, { type: 'submit' }, T0);

  it('applies the reviewer’s ranks, scores and critiques and submits again, leaving the original as it was', () => {
    const before = structuredClone(submitted);
    const fixed = fixedEvaluation(
      submitted,
      { ranks: { a: 1, b: 3 }, scores: { a: { correctness: 5, readability: 4 }, b: { correctness: 1, readability: undefined } }, critiques: { a: 'Crítica de a', b: 'Falla la prueba oculta.' } },
      'en',
      T1,
    );
    expect(submitted).toEqual(before);
    expect(fixed.status).toBe('submitted');
    expect(fixed.judgement.ranks).toEqual({ a: 1, b: 2 });
    expect(fixed.judgement.scores).toEqual({ a: { correctness: 5, readability: 4 }, b: { correctness: 1 } });
    // An untouched critique keeps its locale; a rewritten one is in the reviewer's.
    expect(fixed.judgement.critiques).toEqual({ a: { text: 'Crítica de a', locale: 'es-CL' }, b: { text: 'Falla la prueba oculta.', locale: 'en' } });
    expect(fixed.revisions.map((r) => r.submittedAt)).toEqual([T0, T1]);
    expect(fixed.revisions[1]!.judgement).toEqual(fixed.judgement);
    // What the trainer's inbox shows comes from the same two judgements.
    const diff = judgementDiff(submitted.judgement, fixed.judgement, ['a', 'b']);
    expect(diff.scores).toEqual([
      { solutionId: 'a', criterion: 'correctness', before: 4, after: 5 },
      { solutionId: 'b', criterion: 'correctness', before: 2, after: 1 },
      { solutionId: 'b', criterion: 'readability', before: 2 },
    ]);
  });

  it('changes nothing but the revision when the reviewer keeps everything', () => {
    const j = submitted.judgement;
    const fixed = fixedEvaluation(submitted, { ranks: j.ranks, scores: j.scores, critiques: { a: 'Crítica de a', b: 'Crítica de b' } }, 'en', T1);
    expect(fixed.judgement).toEqual(j);
  });
});
