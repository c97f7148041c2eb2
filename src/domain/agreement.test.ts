// Agreement figures against reference values from established implementations (NLTK's alpha,
// scipy's tau-b, irr::kendall's W formula; test/fixtures/agreement/make.py wrote them), textbook
// examples, and the defined answers for the degenerate cases (one rater, all identical, no variation).
import { describe, expect, it } from 'vitest';
import fixtures from '../../test/fixtures/agreement/agreement.json' with { type: 'json' };
import { averageRanks, kendallW, krippendorffAlpha, meanPairwiseTauB, overallAgreement, taskAgreement, type TaskRatings } from './agreement.js';
import { kendallTauB } from './practice.js';

describe('Krippendorff alpha', () => {
  it.each(fixtures.alpha.map((c, i) => [i, c] as const))('matches NLTK on random case %i (missing raters included)', (_i, c) => {
    expect(krippendorffAlpha(c.units, 'interval').value).toBeCloseTo(c.interval, 10);
    expect(krippendorffAlpha(c.units, 'ordinal').value).toBeCloseTo(c.ordinal, 10);
  });

  it("gives Krippendorff's own worked example (interval 0.849, ordinal 0.815; 4 raters, 12 units, values missing)", () => {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C.
    const raters = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];
    const units = raters[0]!.map((_, u) => raters.map((r) => r[u]));
    expect(krippendorffAlpha(units, 'interval').value).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(units, 'ordinal').value).toBeCloseTo(0.815, 3);
  });

  it('defines the degenerate cases', () => {
    expect(krippendorffAlpha([[3], [4], [2, undefined]], 'interval')).toEqual({ value: null, reason: 'oneRater' });
    expect(krippendorffAlpha([], 'ordinal')).toEqual({ value: null, reason: 'oneRater' });
    expect(krippendorffAlpha([[4, 4], [4, 4, 4]], 'interval')).toEqual({ value: null, reason: 'noVariation' });
    // All raters identical, with variation across units: perfect agreement.
    expect(krippendorffAlpha([[1, 1], [5, 5], [3, 3, 3]], 'interval').value).toBe(1);
    expect(krippendorffAlpha([[1, 1], [5, 5], [3, 3, 3]], 'ordinal').value).toBe(1);
  });
});

describe('Kendall W and tau-b on rankings', () => {
  it.each(fixtures.rankings.map((c, i) => [i, c] as const))('matches scipy and the irr formula on random case %i (ties included)', (_i, c) => {
    expect(kendallW(c.rankings, c.ids).value).toBeCloseTo(c.kendallW, 10);
    const taus: number[] = [];
    for (let a = 0; a < c.rankings.length; a++) for (let b = a + 1; b < c.rankings.length; b++) taus.push(kendallTauB(c.rankings[a]!, c.rankings[b]!, c.ids)!);
    taus.forEach((t, k) => expect(t).toBeCloseTo(c.pairwiseTauB[k]!, 10));
    expect(meanPairwiseTauB(c.rankings, c.ids).value).toBeCloseTo(c.meanTauB, 10);
  });

  it('reads ranks as average ranks, as R does', () => {
    expect(averageRanks([1, 2, 2, 3])).toEqual([1, 2.5, 2.5, 4]);
    expect(averageRanks([3, 1, 3])).toEqual([2.5, 1, 2.5]);
  });

  it('defines the degenerate cases', () => {
    const ids = ['a', 'b', 'c'];
    expect(kendallW([{ a: 1, b: 2, c: 3 }], ids)).toEqual({ value: null, reason: 'oneRater' });
    expect(meanPairwiseTauB([{ a: 1, b: 2, c: 3 }], ids)).toEqual({ value: null, reason: 'oneRater' });
    expect(kendallW([{ a: 1 }, { a: 1 }], ids)).toEqual({ value: null, reason: 'oneItem' });
    // Every rater ties every solution: no order to agree on.
    expect(kendallW([{ a: 1, b: 1, c: 1 }, { a: 1, b: 1, c: 1 }], ids)).toEqual({ value: null, reason: 'noVariation' });
    expect(meanPairwiseTauB([{ a: 1, b: 1, c: 1 }, { a: 1, b: 2, c: 3 }], ids)).toEqual({ value: null, reason: 'noVariation' });
    // All identical rankings: full agreement; exact reversal of two raters: W 0, tau −1.
    expect(kendallW([{ a: 1, b: 2, c: 3 }, { a: 1, b: 2, c: 3 }, { a: 1, b: 2, c: 3 }], ids).value).toBeCloseTo(1, 12);
    expect(kendallW([{ a: 1, b: 2, c: 3 }, { a: 3, b: 2, c: 1 }], ids).value).toBeCloseTo(0, 12);
    expect(meanPairwiseTauB([{ a: 1, b: 2, c: 3 }, { a: 3, b: 2, c: 1 }], ids).value).toBeCloseTo(-1, 12);
  });

  it('uses only the solutions every rater ranked', () => {
    expect(kendallW([{ a: 1, b: 2, c: 3, x: 1 }, { a: 1, b: 2, c: 3 }], ['a', 'b', 'c', 'x']).value).toBeCloseTo(1, 12);
  });
});

describe('per task and overall', () => {
  const criteria = ['correctness'];
  const task = (taskId: string, ratings: TaskRatings['ratings'], solutionIds = ['a', 'b']): TaskRatings => ({ taskId, solutionIds, criteria, ratings });
  const rating = (rater: string, ranks: Record<string, number>, scores: Record<string, number>) => ({ rater, ranks, scores: Object.fromEntries(Object.entries(scores).map(([s, v]) => [s, { correctness: v }])) });

  it('counts the latest judgement of each rater once, and pools every solution of every task for the overall alpha', () => {
    const t1 = task('t1', [rating('ana', { a: 2, b: 1 }, { a: 1, b: 1 }), rating('ana', { a: 1, b: 2 }, { a: 5, b: 2 }), rating('beto', { a: 1, b: 2 }, { a: 4, b: 2 })]);
    const t2 = task('t2', [rating('ana', { a: 1, b: 2, c: 3 }, { a: 5, b: 3, c: 1 }), rating('beto', { a: 1, b: 3, c: 2 }, { a: 5, b: 2, c: 1 })], ['a', 'b', 'c']);
    const one = taskAgreement(t1);
    expect(one.raters).toBe(2);
    expect(one.kendallW.value).toBeCloseTo(1, 12);
    expect(one.meanTauB.value).toBeCloseTo(1, 12);
    expect(one.alphaRubric.correctness!.value).toBeCloseTo(krippendorffAlpha([[5, 4], [2, 2]], 'interval').value!, 12);
    const all = overallAgreement([t1, t2]);
    const w2 = kendallW([{ a: 1, b: 2, c: 3 }, { a: 1, b: 3, c: 2 }], ['a', 'b', 'c']).value!;
    expect(all.meanKendallW.value).toBeCloseTo((1 + w2) / 2, 12);
    expect(all.alphaRubric.correctness!.value).toBeCloseTo(krippendorffAlpha([[5, 4], [2, 2], [5, 5], [3, 2], [1, 1]], 'interval').value!, 12);
  });

  it('says why when there is one rater', () => {
    const all = overallAgreement([task('t1', [rating('ana', { a: 1, b: 2 }, { a: 5, b: 2 })])]);
    expect(all.meanKendallW).toEqual({ value: null, reason: 'oneRater' });
    expect(all.alphaRubric.correctness).toEqual({ value: null, reason: 'oneRater' });
  });
});
