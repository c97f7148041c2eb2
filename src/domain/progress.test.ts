import { describe, expect, it } from 'vitest';
import { newEvaluation } from './evaluation.js';
import { practiceReport } from './practice.js';
import { attemptFromReport, practiceAttemptSchema, summarize, type PracticeAttempt } from './progress.js';
import { taskSchema } from './task.js';

const attempt = (taskId: string, at: string, over: Partial<PracticeAttempt> = {}): PracticeAttempt => ({
  taskId,
  at,
  bugsFound: 0,
  bugsTotal: 0,
  tags: [],
  languages: ['python'],
  ...over,
});

describe('practiceAttemptSchema', () => {
  const valid = attempt('median', '2024-03-01T10:00:00.000Z', { tau: -0.25, rubricMad: 1.5, bugsFound: 1, bugsTotal: 2, tags: ['math'], difficulty: 'easy' });

  it('accepts a complete attempt, and one without the optional numbers', () => {
    expect(practiceAttemptSchema.parse(valid)).toEqual(valid);
    expect(practiceAttemptSchema.safeParse(attempt('median', '2024-03-01T10:00:00-03:00')).success).toBe(true);
  });

  it.each([
    ['tau above 1', { tau: 1.5 }],
    ['a negative distance', { rubricMad: -1 }],
    ['a distance past the score range', { rubricMad: 4.5 }],
    ['more bugs found than there were', { bugsFound: 3, bugsTotal: 2 }],
    ['a fractional count', { bugsFound: 0.5 }],
    ['a time that is not ISO', { at: 'yesterday' }],
    ['an empty task id', { taskId: '' }],
    ['an unknown field', { score: 3 }],
  ])('rejects %s', (_, over) => {
    expect(practiceAttemptSchema.safeParse({ ...valid, ...over }).success).toBe(false);
  });
});

describe('summarize', () => {
  it('is empty with no attempts', () => {
    expect(summarize([])).toEqual({ tasksDone: 0, series: [], weakestTopics: [], wrongTaskIds: [] });
  });

  it('summarizes tasks, tau, topics and the tasks got wrong (hand-computed)', () => {
    const attempts = [
      attempt('t4', '2024-03-03T10:00:00Z', { tau: 0.4, bugsFound: 3, bugsTotal: 3 }),
      attempt('t1', '2024-03-05T10:00:00Z', { tau: 0.8, bugsFound: 2, bugsTotal: 2, tags: ['lists', 'strings'] }),
      attempt('t2', '2024-03-01T10:00:00Z', { tau: 1, bugsFound: 0, bugsTotal: 1, tags: ['math'] }),
      attempt('t5', '2024-03-06T10:00:00Z', { tags: ['strings'] }),
      attempt('t1', '2024-03-02T10:00:00Z', { tau: 0.2, bugsFound: 1, bugsTotal: 2, tags: ['lists', 'strings'] }),
      attempt('t3', '2024-03-04T10:00:00Z', { tau: 0, tags: ['strings', 'strings'] }),
      attempt('t2', '2024-02-28T10:00:00Z', { tau: 1, bugsFound: 1, bugsTotal: 1, tags: ['math'] }),
    ];
    const s = summarize(attempts);
    expect(s.tasksDone).toBe(5);
    // (0.4 + 0.8 + 1 + 0.2 + 0 + 1) / 6
    expect(s.meanTau).toBeCloseTo(3.4 / 6, 12);
    expect(s.series).toEqual([
      { at: '2024-02-28T10:00:00Z', tau: 1 },
      { at: '2024-03-01T10:00:00Z', tau: 1 },
      { at: '2024-03-02T10:00:00Z', tau: 0.2 },
      { at: '2024-03-03T10:00:00Z', tau: 0.4 },
      { at: '2024-03-04T10:00:00Z', tau: 0 },
      { at: '2024-03-05T10:00:00Z', tau: 0.8 },
    ]);
    // math: recall 1/2. strings: recall 3/4, tau (0.8 + 0.2 + 0)/3 (t3's tag counted once, t5 has no tau).
    // lists: recall 3/4, tau 0.5. Equal recall, so the lower tau is weaker.
    expect(s.weakestTopics.map((t) => t.tag)).toEqual(['math', 'strings', 'lists']);
    expect(s.weakestTopics[0]).toEqual({ tag: 'math', meanTau: 1, bugRecall: 0.5, attempts: 2 });
    expect(s.weakestTopics[1]).toMatchObject({ tag: 'strings', bugRecall: 0.75, attempts: 4 });
    expect(s.weakestTopics[1]!.meanTau).toBeCloseTo(1 / 3, 12);
    expect(s.weakestTopics[2]).toEqual({ tag: 'lists', meanTau: 0.5, bugRecall: 0.75, attempts: 2 });
    // Latest attempts: t1 0.8 and all bugs (right, though its first try was wrong); t2 missed a bug
    // (wrong, though its first try was right); t3 tau 0; t4 tau 0.4; t5 no tau and no bugs (right).
    expect(s.wrongTaskIds).toEqual(['t3', 't4', 't2']);
  });

  it('orders by instant, not by the text of the time', () => {
    const s = summarize([
      attempt('a', '2024-03-01T09:00:00-03:00', { tau: 0.9 }), // 12:00Z
      attempt('b', '2024-03-01T11:00:00Z', { tau: 0.1 }),
    ]);
    expect(s.series.map((p) => p.tau)).toEqual([0.1, 0.9]);
    expect(s.wrongTaskIds).toEqual(['b']);
  });

  it("orders wrong tasks by their latest attempt, most recent first", () => {
    const s = summarize([
      attempt('p', '2024-03-01T10:00:00Z', { tau: 0 }),
      attempt('q', '2024-03-03T10:00:00Z', { tau: 0 }),
      attempt('p', '2024-03-05T10:00:00Z', { tau: 0.2 }),
    ]);
    expect(s.wrongTaskIds).toEqual(['p', 'q']);
  });

  it('takes the later of two attempts at the same instant in stored order as the latest', () => {
    const at = '2024-03-01T10:00:00Z';
    expect(summarize([attempt('t', at, { tau: 0.1 }), attempt('t', at, { tau: 0.9 })]).wrongTaskIds).toEqual([]);
    expect(summarize([attempt('t', at, { tau: 0.9 }), attempt('t', at, { tau: 0.1 })]).wrongTaskIds).toEqual(['t']);
  });

  it('counts tau exactly 0.5 as right and any missed bug as wrong', () => {
    const s = summarize([
      attempt('half', '2024-03-01T10:00:00Z', { tau: 0.5 }),
      attempt('below', '2024-03-02T10:00:00Z', { tau: 0.4999 }),
      attempt('missed', '2024-03-03T10:00:00Z', { tau: 1, bugsFound: 4, bugsTotal: 5 }),
      attempt('unranked', '2024-03-04T10:00:00Z', { bugsFound: 1, bugsTotal: 1 }),
    ]);
    expect(s.wrongTaskIds).toEqual(['missed', 'below']);
  });

  it('never lets missing evidence make a topic look weak', () => {
    const s = summarize([
      attempt('1', '2024-03-01T10:00:00Z', { tau: 0.9, bugsFound: 1, bugsTotal: 1, tags: ['y'] }),
      attempt('2', '2024-03-01T10:00:00Z', { tags: ['z'] }),
      attempt('3', '2024-03-01T10:00:00Z', { tau: 0, tags: ['x'] }),
      attempt('4', '2024-03-01T10:00:00Z', { tau: 1, bugsFound: 9, bugsTotal: 10, tags: ['w'] }),
    ]);
    expect(s.weakestTopics).toEqual([
      { tag: 'w', meanTau: 1, bugRecall: 0.9, attempts: 1 },
      { tag: 'x', meanTau: 0, attempts: 1 },
      { tag: 'y', meanTau: 0.9, bugRecall: 1, attempts: 1 },
      { tag: 'z', attempts: 1 },
    ]);
  });
});

describe('attemptFromReport', () => {
  const task = taskSchema.parse({
    schemaVersion: 1,
    id: 'pairs',
    title: { en: 'Pairs' },
    prompt: { en: 'Count pairs.' },
    entryPoint: 'pairs',
    tests: [{ name: 'small', kind: 'call', args: [[1, 2]], expected: 1 }],
    solutions: [
      { id: 'a', label: 'A', language: 'python', code: '...' },
      { id: 'b', label: 'B', language: 'javascript', code: '...' },
      { id: 'c', label: 'C', language: 'python', code: '...' },
    ],
    tags: ['math', 'loops'],
    difficulty: 'medium',
    gold: {
      ranking: [['a'], ['b'], ['c']],
      scores: { a: { correctness: 5 } },
      bugs: [{ id: 'off-by-one', solutions: ['b', 'c'], summary: { en: 'Skips the last pair' }, keywords: { en: ['off by one'], 'es-CL': ['por uno'] } }],
    },
  });

  it('stores what the report found, and the result passes the schema', () => {
    const e = newEvaluation('pairs', 'en', '2024-03-01T10:00:00.000Z');
    const judgement = {
      ...e.judgement,
      ranks: { a: 1, b: 3, c: 2 },
      scores: { a: { correctness: 3 } },
      critiques: { c: { text: 'Off-by-one at the end', locale: 'en' as const } },
    };
    const report = practiceReport(task, { ...e, judgement }, ['correctness'])!;
    const stored = attemptFromReport(task, report, '2024-03-01T10:05:00.000Z');
    // Ranks a<c<b against a<b<c: ab, ac concordant, bc discordant → (2 − 1)/3.
    expect(stored.tau).toBeCloseTo(1 / 3, 12);
    expect(stored).toEqual({
      taskId: 'pairs',
      at: '2024-03-01T10:05:00.000Z',
      tau: stored.tau,
      rubricMad: 2,
      bugsFound: 1,
      bugsTotal: 2,
      tags: ['math', 'loops'],
      difficulty: 'medium',
      languages: ['python', 'javascript'],
    });
    expect(practiceAttemptSchema.parse(stored)).toEqual(stored);
  });
});
