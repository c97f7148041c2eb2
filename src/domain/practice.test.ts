import { describe, expect, it } from 'vitest';
import { newEvaluation, type Evaluation, type Judgement } from './evaluation.js';
import {
  bugCoverage,
  containsTerm,
  goldRanks,
  kendallTauB,
  normalizeForMatch,
  practiceReport,
  rubricDifferences,
} from './practice.js';
import { taskSchema, type Task } from './task.js';

const rec = (ids: string[], ranks: number[]) => Object.fromEntries(ids.map((id, i) => [id, ranks[i]!]));
const ABCD = ['a', 'b', 'c', 'd'];

describe('kendallTauB', () => {
  it('is 1 for identical rankings and −1 for reversed ones', () => {
    expect(kendallTauB(rec(ABCD, [1, 2, 3, 4]), rec(ABCD, [1, 2, 3, 4]), ABCD)).toBe(1);
    expect(kendallTauB(rec(ABCD, [1, 2, 3, 4]), rec(ABCD, [4, 3, 2, 1]), ABCD)).toBe(-1);
  });

  it('one adjacent swap of four: nc = 5, nd = 1 → 4/6', () => {
    expect(kendallTauB(rec(ABCD, [1, 2, 3, 4]), rec(ABCD, [2, 1, 3, 4]), ABCD)).toBeCloseTo(2 / 3, 12);
  });

  it('ties on one side: nc = 5, nd = 0, n1 = 1 → 5/√(5·6)', () => {
    expect(kendallTauB(rec(ABCD, [1, 1, 2, 3]), rec(ABCD, [1, 2, 3, 4]), ABCD)).toBeCloseTo(Math.sqrt(5 / 6), 12);
  });

  it('ties on both sides: nc = 2, nd = 1, n1 = 2, n2 = 1 → 1/√(4·5)', () => {
    // ab tied in a; cd tied in a; bc tied in b; ac discordant; ad, bd concordant.
    expect(kendallTauB(rec(ABCD, [1, 1, 2, 2]), rec(ABCD, [2, 1, 1, 3]), ABCD)).toBeCloseTo(1 / Math.sqrt(20), 12);
  });

  it('six solutions, groups of 1, 2, 3: nc = 1, nd = 7, n1 = n2 = 4 → −6/11', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(kendallTauB(rec(ids, [1, 2, 2, 3, 3, 3]), rec(ids, [3, 1, 2, 2, 1, 1]), ids)).toBeCloseTo(-6 / 11, 12);
  });

  it('the same ties on both sides agree fully', () => {
    expect(kendallTauB({ a: 1, b: 1, c: 2 }, { a: 1, b: 1, c: 2 }, ['a', 'b', 'c'])).toBe(1);
    // Pair ab tied in a only, bc tied in b only, ac concordant: 1/√(2·2).
    expect(kendallTauB({ a: 1, b: 1, c: 2 }, { a: 1, b: 2, c: 2 }, ['a', 'b', 'c'])).toBeCloseTo(0.5, 12);
  });

  it('reads only the order of the numbers, and is symmetric', () => {
    const a = { a: 1, b: 5, c: 5, d: 9 };
    const b = { a: 3, b: 1, c: 2, d: 2 };
    expect(kendallTauB(a, b, ABCD)).toBeCloseTo(kendallTauB({ a: 1, b: 2, c: 2, d: 3 }, b, ABCD)!, 12);
    expect(kendallTauB(a, b, ABCD)).toBeCloseTo(kendallTauB(b, a, ABCD)!, 12);
  });

  it('counts only ids ranked in both, once each', () => {
    const a = { a: 1, b: 2, c: 3, x: 0 };
    const b = { a: 1, b: 2, c: 3, y: 9 };
    expect(kendallTauB(a, b, ['x', 'a', 'b', 'c', 'y', 'a', 'gone'])).toBe(1);
    // Without the filter, x (best in a, absent in b) would break the agreement.
    expect(kendallTauB({ a: 2, b: 1, c: 3 }, { a: 1, b: 2, c: 3, d: 0 }, ['a', 'b', 'c', 'd'])).toBeCloseTo(1 / 3, 12);
  });

  it('is undefined with fewer than two common ids or when a side ties everything', () => {
    expect(kendallTauB({}, {}, [])).toBeUndefined();
    expect(kendallTauB({ a: 1 }, { a: 1 }, ['a'])).toBeUndefined();
    expect(kendallTauB({ a: 1, b: 2 }, { a: 1 }, ['a', 'b'])).toBeUndefined();
    expect(kendallTauB(rec(ABCD, [2, 2, 2, 2]), rec(ABCD, [1, 2, 3, 4]), ABCD)).toBeUndefined();
    expect(kendallTauB(rec(ABCD, [1, 2, 3, 4]), rec(ABCD, [1, 1, 1, 1]), ABCD)).toBeUndefined();
  });

  it('ignores ranks that are not numbers', () => {
    expect(kendallTauB({ a: 1, b: NaN, c: 2 }, { a: 1, b: 3, c: 2 }, ['a', 'b', 'c'])).toBe(1);
  });

  it('matches a brute-force reference on random rankings with ties and gaps', () => {
    // The reference counts ties from group sizes (n1 = Σ t(t−1)/2) and nc − nd as a sum of sign products
    // over ordered pairs: a different route to the same number.
    const reference = (a: Record<string, number>, b: Record<string, number>, ids: string[]) => {
      const common = ids.filter((id) => id in a && id in b);
      const n = common.length;
      const tiePairs = (r: Record<string, number>) => {
        const sizes = new Map<number, number>();
        for (const id of common) sizes.set(r[id]!, (sizes.get(r[id]!) ?? 0) + 1);
        return [...sizes.values()].reduce((s, t) => s + (t * (t - 1)) / 2, 0);
      };
      let s = 0;
      for (const i of common) for (const j of common) s += Math.sign(a[i]! - a[j]!) * Math.sign(b[i]! - b[j]!);
      const n0 = (n * (n - 1)) / 2;
      const d = Math.sqrt((n0 - tiePairs(a)) * (n0 - tiePairs(b)));
      return n < 2 || d === 0 ? undefined : s / 2 / d;
    };
    const random = mulberry32(20240601);
    let defined = 0;
    for (let round = 0; round < 1000; round++) {
      const n = 1 + Math.floor(random() * 9);
      const ids = Array.from({ length: n }, (_, i) => `s${i}`);
      const draw = () => {
        const r: Record<string, number> = {};
        const levels = 1 + Math.floor(random() * n);
        for (const id of ids) if (random() > 0.15) r[id] = 1 + Math.floor(random() * levels) * 3;
        return r;
      };
      const a = draw();
      const b = draw();
      const want = reference(a, b, ids);
      const got = kendallTauB(a, b, ids);
      if (want === undefined) expect(got).toBeUndefined();
      else {
        defined++;
        expect(got).toBeCloseTo(want, 12);
        expect(Math.abs(got!)).toBeLessThanOrEqual(1 + 1e-12);
      }
    }
    expect(defined).toBeGreaterThan(400);
  });
});

describe('goldRanks', () => {
  it('turns tie groups into rank numbers, best first', () => {
    expect(goldRanks({ ranking: [['a'], ['b', 'c'], ['d']] })).toEqual({ a: 1, b: 2, c: 2, d: 3 });
    expect(goldRanks({ ranking: [['x', 'y', 'z']] })).toEqual({ x: 1, y: 1, z: 1 });
  });

  it('keeps the first group of an id listed twice', () => {
    expect(goldRanks({ ranking: [['a'], ['b', 'a']] })).toEqual({ a: 1, b: 2 });
  });
});

describe('rubricDifferences', () => {
  const trainer = { s1: { correctness: 4, efficiency: 2, style: 1 }, s2: { correctness: 5 }, other: { correctness: 1 } };
  const gold = { s1: { correctness: 5, efficiency: 2, readability: 3, style: 5 }, s2: { efficiency: 4 } };

  it('lists every asked cell, diffs as trainer − gold, and the mean absolute difference of shared cells', () => {
    expect(rubricDifferences(trainer, gold, ['correctness', 'efficiency', 'readability'], ['s1', 's2', 's3'])).toEqual({
      cells: {
        s1: { correctness: { trainer: 4, gold: 5, diff: -1 }, efficiency: { trainer: 2, gold: 2, diff: 0 }, readability: { gold: 3 } },
        s2: { correctness: { trainer: 5 }, efficiency: { gold: 4 }, readability: {} },
        s3: { correctness: {}, efficiency: {}, readability: {} },
      },
      meanAbsoluteDifference: 0.5,
      compared: 2,
    });
  });

  it('counts a criterion outside the list only when asked for it', () => {
    const r = rubricDifferences(trainer, gold, ['correctness', 'style'], ['s1']);
    expect(r.cells.s1!.style).toEqual({ trainer: 1, gold: 5, diff: -4 });
    expect(r.meanAbsoluteDifference).toBe(2.5);
  });

  it('has no distance when nothing is scored on both sides', () => {
    const r = rubricDifferences(trainer, undefined, ['correctness'], ['s1']);
    expect(r).toEqual({ cells: { s1: { correctness: { trainer: 4 } } }, compared: 0 });
    expect(r.meanAbsoluteDifference).toBeUndefined();
    expect(rubricDifferences({}, gold, ['correctness'], ['s1']).meanAbsoluteDifference).toBeUndefined();
  });
});

describe('normalizeForMatch / containsTerm', () => {
  it('lowers case, strips accents, reads - and _ as spaces, collapses whitespace', () => {
    expect(normalizeForMatch('  Modificá\tla LISTA_de-entrada\n  in–place ')).toBe('modifica la lista de entrada in place');
    expect(normalizeForMatch('PEQUEÑO Índice')).toBe('pequeno indice');
  });

  it('ignores accents on either side', () => {
    expect(containsTerm('Modificá la lista', 'modifica')).toBe(true);
    expect(containsTerm('modifica la lista', 'modificá')).toBe(true);
    expect(containsTerm('NO VALIDA EL DÍGITO', 'digito verificador')).toBe(false);
    expect(containsTerm('no valida el DÍGITO VERIFICADOR', 'digito verificador')).toBe(true);
  });

  it('reads hyphens, underscores and line breaks as the same word gap', () => {
    expect(containsTerm('It sorts in-place.', 'in place')).toBe(true);
    expect(containsTerm('sorts in_place', 'in-place')).toBe(true);
    expect(containsTerm('sorts in\n   place', 'in place')).toBe(true);
    expect(containsTerm('classic off by one', 'off-by-one')).toBe(true);
    expect(containsTerm('sorts inplace', 'in place')).toBe(false);
  });

  it('matches whole words at both ends, not parts of other words', () => {
    expect(containsTerm('see the in placement notes', 'in place')).toBe(false);
    expect(containsTerm('we reorder it', 'order')).toBe(false);
    expect(containsTerm('queda ordenado', 'orden')).toBe(false);
    expect(containsTerm('pierde el orden.', 'orden')).toBe(true);
    expect(containsTerm('(orden)', 'orden')).toBe(true);
  });

  it('finds a later whole-word occurrence after a partial one', () => {
    expect(containsTerm('in placement first, then in place', 'in place')).toBe(true);
  });

  it('needs no boundary at an edge that is punctuation', () => {
    expect(containsTerm('it is O(N^2), slow', 'O(n^2)')).toBe(true);
    expect(containsTerm('worst case O(n^2)ish', 'O(n^2)')).toBe(true);
    expect(containsTerm('calls xs.pop() in the loop', '.pop()')).toBe(true);
    expect(containsTerm('calls xs.popleft()', '.pop')).toBe(false);
  });

  it('never matches a term that normalizes to nothing', () => {
    expect(containsTerm('a -- b', '--')).toBe(false);
    expect(containsTerm('anything', '')).toBe(false);
  });
});

const TASK: Task = taskSchema.parse({
  schemaVersion: 1,
  id: 'dedupe',
  title: { en: 'Dedupe', 'es-CL': 'Sin duplicados' },
  prompt: { en: 'Remove duplicates, keeping order.' },
  entryPoint: 'dedupe',
  tests: [
    { name: 'keeps_order', kind: 'call', args: [[3, 1, 3]], expected: [3, 1] },
    { name: 'empty', kind: 'call', args: [[]], expected: [] },
  ],
  solutions: [
    { id: 'a', label: 'A', language: 'python', code: 'def dedupe(xs): return list(dict.fromkeys(xs))' },
    { id: 'b', label: 'B', language: 'python', code: '...' },
    { id: 'c', label: 'C', language: 'javascript', code: '...' },
  ],
  tags: ['lists'],
  difficulty: 'easy',
  gold: {
    ranking: [['a'], ['b', 'c']],
    scores: { a: { correctness: 5, efficiency: 4 }, b: { correctness: 3, efficiency: 4 }, c: { correctness: 2 } },
    bugs: [
      {
        id: 'mutates-input',
        solutions: ['b', 'c'],
        summary: { en: 'Changes the caller’s list', 'es-CL': 'Modifica la lista de quien llama' },
        keywords: { en: ['in place', 'mutates'], 'es-CL': ['modifica', 'muta'] },
      },
      {
        id: 'loses-order',
        solutions: ['c'],
        summary: { en: 'Loses the original order' },
        keywords: { en: ['order'], 'es-CL': ['orden'] },
        test: 'keeps_order',
      },
    ],
  },
});

const critiques = (c: Judgement['critiques']): Pick<Judgement, 'critiques'> => ({ critiques: c });

describe('bugCoverage', () => {
  it('lists every bug × solution it names, with what matched', () => {
    const j = critiques({
      b: { text: 'Modificá la lista que recibe.', locale: 'es-CL' },
      c: { text: 'Pierde el ORDEN original', locale: 'es-CL' },
    });
    expect(bugCoverage(TASK, j)).toEqual([
      { bugId: 'mutates-input', solutionId: 'b', mentioned: true, matchedBy: { kind: 'keyword', text: 'modifica', locale: 'es-CL' } },
      { bugId: 'mutates-input', solutionId: 'c', mentioned: false },
      { bugId: 'loses-order', solutionId: 'c', mentioned: true, matchedBy: { kind: 'keyword', text: 'orden', locale: 'es-CL' } },
    ]);
  });

  it("tries the critique's own locale first, then the other one", () => {
    const both = bugCoverage(TASK, critiques({ b: { text: 'mutates: modifica la entrada', locale: 'es-CL' } }));
    expect(both[0]!.matchedBy).toEqual({ kind: 'keyword', text: 'modifica', locale: 'es-CL' });
    const english = bugCoverage(TASK, critiques({ b: { text: 'mutates: modifica la entrada', locale: 'en' } }));
    expect(english[0]!.matchedBy).toEqual({ kind: 'keyword', text: 'mutates', locale: 'en' });
    const mixed = bugCoverage(TASK, critiques({ b: { text: 'Ordena la lista in-place, ojo', locale: 'es-CL' } }));
    expect(mixed[0]!.matchedBy).toEqual({ kind: 'keyword', text: 'in place', locale: 'en' });
  });

  it('prefers a keyword to the test name when both are there', () => {
    // "keeps_order" reads as "keeps order", which holds the keyword "order" as a word.
    expect(bugCoverage(TASK, critiques({ c: { text: 'falla keeps_order', locale: 'es-CL' } }))[2]!.matchedBy).toEqual({
      kind: 'keyword',
      text: 'order',
      locale: 'en',
    });
  });

  it('falls back to the test name when no keyword is there', () => {
    const task = taskSchema.parse({
      ...TASK,
      gold: { ...TASK.gold, bugs: [{ ...TASK.gold!.bugs![1]!, keywords: { en: ['sequence'], 'es-CL': ['secuencia'] } }] },
    });
    for (const text of ['No pasa keeps_order.', 'fails KEEPS-ORDER', 'keeps order: falla'])
      expect(bugCoverage(task, critiques({ c: { text, locale: 'es-CL' } }))).toEqual([
        { bugId: 'loses-order', solutionId: 'c', mentioned: true, matchedBy: { kind: 'test', text: 'keeps_order' } },
      ]);
    expect(bugCoverage(task, critiques({ c: { text: 'No pasa keeps_orders', locale: 'es-CL' } }))[0]!.mentioned).toBe(false);
  });

  it("counts a critique only for the solution it is about", () => {
    const j = critiques({ a: { text: 'mutates the input, loses order', locale: 'en' }, b: { text: 'loses order', locale: 'en' } });
    expect(bugCoverage(TASK, j).map((m) => m.mentioned)).toEqual([false, false, false]);
  });

  it('treats a missing or empty critique as not mentioned', () => {
    expect(bugCoverage(TASK, critiques({ b: { text: '', locale: 'en' } })).every((m) => !m.mentioned && !m.matchedBy)).toBe(true);
  });

  it('has nothing to cover without gold bugs', () => {
    expect(bugCoverage({ gold: undefined }, critiques({}))).toEqual([]);
    expect(bugCoverage({ gold: { ranking: [['a']] } }, critiques({}))).toEqual([]);
  });
});

describe('practiceReport', () => {
  const evaluation = (judgement: Partial<Judgement>): Evaluation => {
    const e = newEvaluation('dedupe', 'es-CL', '2024-03-01T10:00:00.000Z');
    return { ...e, status: 'submitted', judgement: { ...e.judgement, ...judgement } };
  };

  it('puts ranking, rubric and bugs beside the gold answer', () => {
    const report = practiceReport(
      TASK,
      evaluation({
        // A stale id and a gap: filtered, then compacted, so c reads as 2 (not 3).
        ranks: { a: 1, b: 1, c: 4, ghost: 2 },
        scores: { a: { correctness: 5, efficiency: 2 }, b: { correctness: 4 } },
        critiques: {
          b: { text: 'Modificá la lista in-place', locale: 'es-CL' },
          c: { text: 'Pierde el orden', locale: 'es-CL' },
        },
      }),
      ['correctness', 'efficiency'],
    );
    // Trainer {a:1,b:1,c:2} vs gold {a:1,b:2,c:2}: ab tied (trainer), bc tied (gold), ac concordant → 1/√(2·2).
    expect(report?.tau).toBeCloseTo(0.5, 12);
    expect(report?.rankingAgreement).toEqual([
      { solutionId: 'a', trainerRank: 1, goldRank: 1 },
      { solutionId: 'b', trainerRank: 1, goldRank: 2 },
      { solutionId: 'c', trainerRank: 2, goldRank: 2 },
    ]);
    // |5−5| + |2−4| + |4−3| over 3 shared cells.
    expect(report?.rubric.meanAbsoluteDifference).toBeCloseTo(1, 12);
    expect(report?.rubric.compared).toBe(3);
    expect(report?.rubric.cells.c).toEqual({ correctness: { gold: 2 }, efficiency: {} });
    expect(report?.bugs.map((b) => [b.bugId, b.solutionId, b.mentioned])).toEqual([
      ['mutates-input', 'b', true],
      ['mutates-input', 'c', false],
      ['loses-order', 'c', true],
    ]);
    expect(report?.missedBugs).toBe(1);
    expect(report?.totalBugs).toBe(3);
  });

  it('leaves tau and trainer ranks out when the trainer has not ranked', () => {
    const report = practiceReport(TASK, evaluation({ ranks: { b: 1 } }), []);
    expect(report?.tau).toBeUndefined();
    expect(report && 'tau' in report).toBe(false);
    expect(report?.rankingAgreement[0]).toEqual({ solutionId: 'a', goldRank: 1 });
    expect(report?.missedBugs).toBe(3);
  });

  it('agrees fully with a ranking equal to the gold one', () => {
    expect(practiceReport(TASK, evaluation({ ranks: { a: 1, b: 2, c: 2 } }), [])?.tau).toBe(1);
  });

  it('is undefined for a task without gold', () => {
    expect(practiceReport({ ...TASK, gold: undefined }, evaluation({}), [])).toBeUndefined();
  });
});

/** A small seeded PRNG, so the random comparison is the same on every run. */
function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
