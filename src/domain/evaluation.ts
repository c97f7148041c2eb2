// A trainer's evaluation of one task: ranking (ties allowed), rubric scores, critiques, flags, the
// trainer's own tests and the results they saw. Versioned and validated: this is training data, read
// back from storage and from imported files, so nothing is trusted without the schema.
// State changes go through `evaluationReducer` (named actions), never through scattered setters.
import { z } from './zod.js';
import { applyRankAction, sameRanks, type RankAction } from './ranking.js';
import { LOCALES, MAX_SCORE, MIN_SCORE, ownTestSchema, storedTaskId, type Locale, type OwnTest, type TestCase } from './task.js';
import { VERDICTS, type SolutionResult, type Verdict } from './verdict.js';

export const EVALUATION_SCHEMA_VERSION = 1;

/** Task-level flags, and the one flag that belongs to a solution. */
export const TASK_FLAGS = ['prompt-ambiguous', 'tests-wrong'] as const;
export type TaskFlag = (typeof TASK_FLAGS)[number];
export const SOLUTION_FLAGS = ['unsafe-code'] as const;
export type SolutionFlag = (typeof SOLUTION_FLAGS)[number];

/** Free text a trainer wrote, tagged with the language it is written in. */
const written = z.object({ text: z.string().max(100_000), locale: z.enum(LOCALES) }).strict();
export type Written = z.infer<typeof written>;

const id = z.string().min(1).max(100);


/** What a run showed for one solution: enough to back the judgement, without the full output. */
const seenResult = z
  .object({
    verdict: z.enum(VERDICTS),
    tests: z.array(z.object({ name: z.string(), hidden: z.boolean(), status: z.enum(VERDICTS), own: z.boolean() }).strict()),
    ranAt: z.string(),
  })
  .strict();
export type SeenResult = z.infer<typeof seenResult>;

const judgement = z
  .object({
    /** solution id → rank, 1 = best; equal ranks are ties. */
    ranks: z.record(id, z.number().int().min(1).max(100)),
    /** solution id → criterion id → score. */
    scores: z.record(id, z.record(id, z.number().int().min(MIN_SCORE).max(MAX_SCORE))),
    critiques: z.record(id, written),
    /** solution id → why it is ranked above a solution that passes more tests (guardrail). */
    reasons: z.record(id, written),
    justification: written,
    taskFlags: z.array(z.enum(TASK_FLAGS)),
    solutionFlags: z.record(id, z.array(z.enum(SOLUTION_FLAGS))),
    ownTests: z.array(ownTestSchema).max(200),
    results: z.record(id, seenResult),
  })
  .strict();
export type Judgement = z.infer<typeof judgement>;

const revision = z.object({ submittedAt: z.string(), judgement }).strict();
export type Revision = z.infer<typeof revision>;

export const evaluationSchema = z
  .object({
    schemaVersion: z.literal(EVALUATION_SCHEMA_VERSION),
    taskId: storedTaskId,
    status: z.enum(['draft', 'submitted']),
    judgement,
    /** Milliseconds of active time on this task (paused while hidden or idle). */
    activeMs: z.number().min(0),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().optional(),
    /** Earlier submissions, oldest first; the current one is `judgement`. */
    revisions: z.array(revision),
  })
  .strict();
export type Evaluation = z.infer<typeof evaluationSchema>;
export type EvaluationStatus = Evaluation['status'];

export function emptyJudgement(locale: Locale): Judgement {
  return {
    ranks: {},
    scores: {},
    critiques: {},
    reasons: {},
    justification: { text: '', locale },
    taskFlags: [],
    solutionFlags: {},
    ownTests: [],
    results: {},
  };
}

export function newEvaluation(taskId: string, locale: Locale, now: string): Evaluation {
  return {
    schemaVersion: EVALUATION_SCHEMA_VERSION,
    taskId,
    status: 'draft',
    judgement: emptyJudgement(locale),
    activeMs: 0,
    createdAt: now,
    updatedAt: now,
    revisions: [],
  };
}

export type EvaluationAction =
  | RankAction
  | { type: 'score'; solutionId: string; criterion: string; score: number | undefined }
  | { type: 'critique'; solutionId: string; text: string; locale: Locale }
  | { type: 'reason'; solutionId: string; text: string; locale: Locale }
  | { type: 'justification'; text: string; locale: Locale }
  | { type: 'taskFlag'; flag: TaskFlag; on: boolean }
  | { type: 'solutionFlag'; solutionId: string; flag: SolutionFlag; on: boolean }
  | { type: 'addOwnTest'; test: OwnTest }
  | { type: 'removeOwnTest'; name: string }
  | { type: 'results'; solutionId: string; result: SeenResult }
  | { type: 'activeTime'; ms: number }
  | { type: 'submit' }
  | { type: 'reopen' };

/** Applies one named change; returns the same object when nothing changed. `now` is an ISO time. */
export function evaluationReducer(e: Evaluation, action: EvaluationAction, now: string): Evaluation {
  const j = e.judgement;
  const edit = (judgement: Judgement): Evaluation => ({ ...e, judgement, updatedAt: now });
  switch (action.type) {
    case 'rank':
    case 'tie':
    case 'rankBefore': {
      // The only way ranks change: they stay dense, and a gesture that changes nothing is no edit.
      const ranks = applyRankAction(j.ranks, action);
      return sameRanks(ranks, j.ranks) ? e : edit({ ...j, ranks });
    }
    case 'score': {
      const own = setKey(j.scores[action.solutionId] ?? {}, action.criterion, action.score);
      return edit({ ...j, scores: { ...j.scores, [action.solutionId]: own } });
    }
    case 'critique':
      return edit({ ...j, critiques: setKey(j.critiques, action.solutionId, action.text ? { text: action.text, locale: action.locale } : undefined) });
    case 'reason':
      return edit({ ...j, reasons: setKey(j.reasons, action.solutionId, action.text ? { text: action.text, locale: action.locale } : undefined) });
    case 'justification':
      return edit({ ...j, justification: { text: action.text, locale: action.locale } });
    case 'taskFlag': {
      const flags = j.taskFlags.filter((f) => f !== action.flag);
      return edit({ ...j, taskFlags: action.on ? [...flags, action.flag] : flags });
    }
    case 'solutionFlag': {
      const flags = (j.solutionFlags[action.solutionId] ?? []).filter((f) => f !== action.flag);
      const next = action.on ? [...flags, action.flag] : flags;
      return edit({ ...j, solutionFlags: setKey(j.solutionFlags, action.solutionId, next.length ? next : undefined) });
    }
    case 'addOwnTest':
      return edit({ ...j, ownTests: [...j.ownTests.filter((t) => t.name !== action.test.name), action.test] });
    case 'removeOwnTest':
      return edit({ ...j, ownTests: j.ownTests.filter((t) => t.name !== action.name) });
    case 'results':
      return edit({ ...j, results: { ...j.results, [action.solutionId]: action.result } });
    case 'activeTime':
      return action.ms > 0 ? { ...e, activeMs: e.activeMs + action.ms } : e;
    case 'submit':
      return {
        ...e,
        status: 'submitted',
        submittedAt: now,
        updatedAt: now,
        revisions: [...e.revisions, { submittedAt: now, judgement: j }],
      };
    case 'reopen':
      return e.status === 'draft' ? e : { ...e, status: 'draft', updatedAt: now };
  }
}

function setKey<V>(record: Record<string, V>, key: string, value: V | undefined): Record<string, V> {
  const next = { ...record };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/**
 * What a finished run showed, as the evaluation keeps it: the solution's verdict (the sandbox's,
 * see solutionVerdict) and each test's, the tests from `taskTests` on being the trainer's own.
 */
export function seenResultOf(result: Pick<SolutionResult, 'verdict' | 'tests'>, taskTests: number, ranAt: string): SeenResult {
  return {
    verdict: result.verdict,
    tests: result.tests.map((t, i) => ({ name: t.name, hidden: t.hidden, status: t.status, own: i >= taskTests })),
    ranAt,
  };
}

/**
 * The verdict a solution is judged by: that of its latest finished run, which the session stores
 * in the evaluation as soon as the run ends (so there is no other, "live" verdict to merge in).
 */
export function seenVerdict(judgement: Pick<Judgement, 'results'>, solutionId: string): Verdict | undefined {
  return Object.hasOwn(judgement.results, solutionId) ? judgement.results[solutionId]!.verdict : undefined;
}

/** Own tests as the engine runs them (visible, with the task's entry point). */
export function ownTestCases(e: Evaluation): TestCase[] {
  return e.judgement.ownTests.map((t) =>
    t.kind === 'call'
      ? { name: t.name, hidden: false, kind: 'call', args: t.args, expected: t.expected }
      : { name: t.name, hidden: false, kind: 'stdio', stdin: t.stdin, expectedStdout: t.expectedStdout },
  );
}
