// A trainer's practice history: one record per submitted practice task, and the summary the progress
// screen shows. The record is validated here because storage reads it back; storage (not this file)
// owns where it lives and the store's version.
import { z } from './zod.js';
import type { PracticeReport } from './practice.js';
import { MAX_SCORE, MIN_SCORE, storedTaskId, type Task } from './task.js';

export const practiceAttemptSchema = z
  .object({
    taskId: storedTaskId,
    at: z.iso.datetime({ offset: true }),
    tau: z.number().min(-1).max(1).optional(),
    rubricMad: z.number().min(0).max(MAX_SCORE - MIN_SCORE).optional(),
    bugsFound: z.number().int().min(0),
    bugsTotal: z.number().int().min(0),
    tags: z.array(z.string().min(1).max(40)).max(30),
    difficulty: z.string().max(40).optional(),
    languages: z.array(z.string().min(1).max(40)).max(10),
  })
  .strict()
  .refine((a) => a.bugsFound <= a.bugsTotal, { params: { key: 'progress.bugsFoundOverTotal' } });
export type PracticeAttempt = z.infer<typeof practiceAttemptSchema>;

/** The record to store for a practice report; `at` is an ISO time. */
export function attemptFromReport(task: Task, report: PracticeReport, at: string): PracticeAttempt {
  return {
    taskId: task.id,
    at,
    ...(report.tau === undefined ? {} : { tau: report.tau }),
    ...(report.rubric.meanAbsoluteDifference === undefined ? {} : { rubricMad: report.rubric.meanAbsoluteDifference }),
    bugsFound: report.totalBugs - report.missedBugs,
    bugsTotal: report.totalBugs,
    tags: [...task.tags],
    ...(task.difficulty === undefined ? {} : { difficulty: task.difficulty }),
    languages: [...new Set(task.solutions.map((s) => s.language))],
  };
}

/** Below this tau a ranking counts as wrong: 0.5 leaves about one discordant pair in four. */
export const WRONG_TAU = 0.5;

export type TopicSummary = {
  tag: string;
  meanTau?: number;
  /** Bugs found / bugs there were, over every attempt with the tag; undefined when there were none. */
  bugRecall?: number;
  attempts: number;
};
export type ProgressSummary = {
  /** Distinct tasks attempted. */
  tasksDone: number;
  /** Over every attempt with a tau (repeats count: this is how the trainer has been ranking). */
  meanTau?: number;
  /** Attempts with a tau, oldest first, for a chart. */
  series: { at: string; tau: number }[];
  /**
   * Weakest first: lower bug recall, then lower mean tau, then tag name. A topic with no bugs or no
   * tau has shown no weakness there, so it sorts as recall 1 / tau 1: missing evidence never makes
   * a topic look weak.
   */
  weakestTopics: TopicSummary[];
  /** Tasks whose latest attempt has tau < WRONG_TAU or missed a bug, most recent first. */
  wrongTaskIds: string[];
};

export function summarize(attempts: readonly PracticeAttempt[]): ProgressSummary {
  // Stable sort: attempts at the same instant keep their stored order, the later one counting as latest.
  const chronological = [...attempts].sort((a, b) => compareTimes(a.at, b.at));
  const taus = chronological.flatMap((a) => (a.tau === undefined ? [] : [a.tau]));

  const topics = new Map<string, { taus: number[]; found: number; total: number; attempts: number }>();
  for (const a of chronological)
    for (const tag of new Set(a.tags)) {
      const t = topics.get(tag) ?? { taus: [], found: 0, total: 0, attempts: 0 };
      if (a.tau !== undefined) t.taus.push(a.tau);
      t.found += a.bugsFound;
      t.total += a.bugsTotal;
      t.attempts++;
      topics.set(tag, t);
    }
  const weakestTopics = [...topics].map(([tag, t]): TopicSummary => {
    const meanTau = mean(t.taus);
    return {
      tag,
      ...(meanTau === undefined ? {} : { meanTau }),
      ...(t.total ? { bugRecall: t.found / t.total } : {}),
      attempts: t.attempts,
    };
  });
  weakestTopics.sort(
    (a, b) => (a.bugRecall ?? 1) - (b.bugRecall ?? 1) || (a.meanTau ?? 1) - (b.meanTau ?? 1) || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0),
  );

  const latest = new Map<string, PracticeAttempt>();
  for (const a of chronological) {
    latest.delete(a.taskId); // re-inserting keeps the Map in order of each task's latest attempt
    latest.set(a.taskId, a);
  }
  const wrongTaskIds = [...latest.values()]
    .filter((a) => (a.tau !== undefined && a.tau < WRONG_TAU) || a.bugsFound < a.bugsTotal)
    .map((a) => a.taskId)
    .reverse();

  const meanTau = mean(taus);
  return {
    tasksDone: latest.size,
    ...(meanTau === undefined ? {} : { meanTau }),
    series: chronological.flatMap((a) => (a.tau === undefined ? [] : [{ at: a.at, tau: a.tau }])),
    weakestTopics,
    wrongTaskIds,
  };
}

function mean(xs: readonly number[]): number | undefined {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : undefined;
}

/** By instant (ISO times may carry different offsets); unparsable times sort by their text, last. */
function compareTimes(a: string, b: string): number {
  const x = Date.parse(a);
  const y = Date.parse(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return Number(Number.isNaN(x)) - Number(Number.isNaN(y)) || (a < b ? -1 : a > b ? 1 : 0);
  return x - y;
}
