// A trainer's evaluation of one task: ranking (ties allowed), rubric scores, critiques, flags, the
// trainer's own tests and the results they saw. Versioned and validated: this is training data, read
// back from storage and from imported files, so nothing is trusted without the schema.
// State changes go through `evaluationReducer` (named actions), never through scattered setters.
// Version 2 added the judging of model answers: severities per dimension, the two-answer
// preference, line comments and the ideal answer (rewrite); `upgradeEvaluation` reads version 1.
import { z } from './zod.js';
import { fingerprint } from './draft.js';
import { SEVERITIES } from './dimensions.js';
import { PREFERENCE_SCALE, type Preference } from './preference.js';
import { applyRankAction, sameRanks, type RankAction } from './ranking.js';
import { LOCALES, MAX_SCORE, MIN_SCORE, ownTestSchema, storedTaskId, type Locale, type OwnTest, type Solution, type TestCase } from './task.js';
import { TAMPER_KINDS, VERDICTS, type SolutionResult, type Tamper, type TestResult, type Verdict } from './verdict.js';

export const EVALUATION_SCHEMA_VERSION = 2;

/** Task-level flags, and the one flag that belongs to a solution. */
export const TASK_FLAGS = ['prompt-ambiguous', 'tests-wrong'] as const;
export type TaskFlag = (typeof TASK_FLAGS)[number];
export const SOLUTION_FLAGS = ['unsafe-code'] as const;
export type SolutionFlag = (typeof SOLUTION_FLAGS)[number];

/** Free text a trainer wrote, tagged with the language it is written in. */
const written = z.object({ text: z.string().max(100_000), locale: z.enum(LOCALES) }).strict();
export type Written = z.infer<typeof written>;

const id = z.string().min(1).max(100);


/** Output kept per stream and test: enough to read a failure again after a reload. */
export const SEEN_OUTPUT_CHARS = 4000;

const message = z.object({ key: z.string().max(200), params: z.record(z.string(), z.union([z.string().max(SEEN_OUTPUT_CHARS), z.number()])).optional() }).strict();

/**
 * What a run showed for one solution: the verdicts, and for each visible test what the trainer
 * read (message, duration, the start of stdout and stderr), so a reopened task is readable without
 * a new run. Hidden tests keep their verdict, duration and timing only. `code` is the fingerprint of the code that ran
 * (missing in evaluations saved before it was kept: taken as the current code).
 */
const seenResult = z
  .object({
    verdict: z.enum(VERDICTS),
    tests: z.array(
      z
        .object({
          name: z.string(),
          hidden: z.boolean(),
          status: z.enum(VERDICTS),
          own: z.boolean(),
          message: message.optional(),
          durationMs: z.number().min(0).optional(),
          stdout: z.string().max(SEEN_OUTPUT_CHARS).optional(),
          stderr: z.string().max(SEEN_OUTPUT_CHARS).optional(),
          truncated: z.boolean().optional(),
          /** A performance test's time beside the reference's (TestTiming), kept for hidden tests too: it shows no data. */
          timing: z
            .object({ ms: z.number().min(0), runs: z.number().int().min(1), budget: z.number().min(0), referenceMs: z.number().min(0).optional(), ratio: z.number().min(0).optional(), over: z.boolean() })
            .strict()
            .optional(),
        })
        .strict(),
    ),
    ranAt: z.string(),
    code: z.string().max(64).optional(),
    /** What the solution changed that its tests use (a reward hack, see Tamper); absent when nothing. */
    tampered: z.array(z.object({ kind: z.enum(TAMPER_KINDS), name: z.string().max(200) }).strict()).max(100).optional(),
  })
  .strict();
export type SeenResult = z.infer<typeof seenResult>;

/** One dimension's rating of one solution: a severity and, if the trainer wrote one, a note. */
const rating = z.object({ severity: z.enum(SEVERITIES), note: written.optional() }).strict();
export type Rating = z.infer<typeof rating>;

const preference = z
  .object({ a: id, b: id, strength: z.number().int().min(PREFERENCE_SCALE[0]).max(PREFERENCE_SCALE[PREFERENCE_SCALE.length - 1]!) })
  .strict();

/** A comment on lines `startLine`..`endLine` (1-based, inclusive) of a solution's code as it was (`codeHash`). */
const lineComment = z
  .object({
    id: z.string().min(1).max(40),
    solutionId: id,
    startLine: z.number().int().min(1),
    endLine: z.number().int().min(1),
    codeHash: z.string().max(100),
    text: written,
  })
  .strict()
  .refine((c) => c.endLine >= c.startLine, { message: 'endLine before startLine', path: ['endLine'] });
export type LineComment = z.infer<typeof lineComment>;

/**
 * The ideal answer the trainer wrote (prose and code, Markdown), started from a solution (`from`)
 * or from scratch; the run of its code against every test (for the text of `markdownHash`); and the
 * trainer's reason when it is submitted without passing them all.
 */
const rewrite = z
  .object({
    from: id.optional(),
    markdown: z.string().max(200_000),
    result: seenResult.extend({ markdownHash: z.string().max(100) }).strict().optional(),
    exemption: written.optional(),
  })
  .strict();
export type Rewrite = z.infer<typeof rewrite>;

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
    /** Why the trainer submitted without a finished run of every solution's current code. */
    unrunReason: written.optional(),
    /** solution id → dimension id → rating (tasks judged by dimensions, see dimensions.ts). */
    ratings: z.record(id, z.record(id, rating)),
    preference: preference.optional(),
    lineComments: z.array(lineComment).max(1000),
    rewrite: rewrite.optional(),
    /**
     * solution id → the blind label the trainer judged it under ("A"), kept at submit: critiques
     * may say "A is better than B". Absent when the trainer saw the solutions' own names.
     */
    shownLabels: z.record(id, z.string().min(1).max(10)).optional(),
  })
  .strict();
export type Judgement = z.infer<typeof judgement>;

const revision = z.object({ submittedAt: z.string(), judgement }).strict();
export type Revision = z.infer<typeof revision>;

const evaluationV2 = z
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
/**
 * Version 1 → 2: the answers' judging fields start empty (in the current judgement and in every
 * kept revision); nothing else changes. Anything else passes through for the schema to judge.
 */
export function upgradeEvaluation(data: unknown): unknown {
  if (!isRecord(data) || data.schemaVersion !== 1) return data;
  const judgementV2 = (j: unknown) => (isRecord(j) ? { ...j, ratings: {}, lineComments: [] } : j);
  const revisions = Array.isArray(data.revisions) ? data.revisions.map((r: unknown) => (isRecord(r) ? { ...r, judgement: judgementV2(r.judgement) } : r)) : data.revisions;
  return { ...data, schemaVersion: 2, judgement: judgementV2(data.judgement), revisions };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An evaluation as stored, sent or exported by this version or an older one (upgraded on the way
 * in), so an older app's data is read, never refused or lost.
 */
export const evaluationSchema = z.preprocess(upgradeEvaluation, evaluationV2);
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
    ratings: {},
    lineComments: [],
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
  | { type: 'unrunReason'; text: string; locale: Locale }
  | { type: 'taskFlag'; flag: TaskFlag; on: boolean }
  | { type: 'solutionFlag'; solutionId: string; flag: SolutionFlag; on: boolean }
  | { type: 'addOwnTest'; test: OwnTest }
  | { type: 'removeOwnTest'; name: string }
  | { type: 'results'; solutionId: string; result: SeenResult }
  | { type: 'rate'; solutionId: string; dimension: string; severity: Rating['severity'] | undefined }
  | { type: 'rateNote'; solutionId: string; dimension: string; text: string; locale: Locale }
  | { type: 'prefer'; preference: Preference | undefined }
  | { type: 'addLineComment'; comment: LineComment }
  | { type: 'removeLineComment'; id: string }
  | { type: 'rewrite'; from?: string; markdown: string }
  | { type: 'rewriteResult'; result: NonNullable<Rewrite['result']> }
  | { type: 'rewriteExemption'; text: string; locale: Locale }
  | { type: 'dropRewrite' }
  | { type: 'activeTime'; ms: number }
  | { type: 'submit'; shownLabels?: Record<string, string> }
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
    case 'unrunReason': {
      const { unrunReason: _, ...rest } = j;
      return edit(action.text ? { ...rest, unrunReason: { text: action.text, locale: action.locale } } : rest);
    }
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
    case 'rate': {
      const own = j.ratings[action.solutionId] ?? {};
      const note = own[action.dimension]?.note;
      const next = action.severity === undefined ? undefined : { severity: action.severity, ...(note ? { note } : {}) };
      return edit({ ...j, ratings: { ...j.ratings, [action.solutionId]: setKey(own, action.dimension, next) } });
    }
    case 'rateNote': {
      const own = j.ratings[action.solutionId] ?? {};
      const current = own[action.dimension];
      // A note waits for its severity: the rating is the severity, the note explains it.
      if (!current) return e;
      const { note: _, ...rest } = current;
      const next = action.text ? { ...rest, note: { text: action.text, locale: action.locale } } : rest;
      return edit({ ...j, ratings: { ...j.ratings, [action.solutionId]: { ...own, [action.dimension]: next } } });
    }
    case 'prefer': {
      const { preference: _, ...rest } = j;
      return edit(action.preference ? { ...rest, preference: action.preference } : rest);
    }
    case 'addLineComment':
      return edit({ ...j, lineComments: [...j.lineComments.filter((c) => c.id !== action.comment.id), action.comment] });
    case 'removeLineComment':
      return edit({ ...j, lineComments: j.lineComments.filter((c) => c.id !== action.id) });
    case 'rewrite': {
      // The run and the exemption belong to the text they were made for; a new text keeps the
      // exemption (the reason usually still holds) but not a stale result, which the hash tells.
      const prev = j.rewrite;
      const from = action.from ?? prev?.from;
      return edit({ ...j, rewrite: { ...(from ? { from } : {}), markdown: action.markdown, ...(prev?.result ? { result: prev.result } : {}), ...(prev?.exemption ? { exemption: prev.exemption } : {}) } });
    }
    case 'rewriteResult':
      return j.rewrite ? edit({ ...j, rewrite: { ...j.rewrite, result: action.result } }) : e;
    case 'rewriteExemption': {
      if (!j.rewrite) return e;
      const { exemption: _, ...rest } = j.rewrite;
      return edit({ ...j, rewrite: action.text ? { ...rest, exemption: { text: action.text, locale: action.locale } } : rest });
    }
    case 'dropRewrite': {
      const { rewrite: _, ...rest } = j;
      return edit(rest);
    }
    case 'activeTime':
      // Time counts while the evaluation is being worked on. A submitted one stays as it was
      // submitted (and as it was exported or uploaded) until it is reopened.
      return action.ms > 0 && e.status !== 'submitted' ? { ...e, activeMs: e.activeMs + action.ms } : e;
    case 'submit': {
      const { shownLabels: _, ...rest } = j;
      const judgement = action.shownLabels ? { ...rest, shownLabels: action.shownLabels } : rest;
      return {
        ...e,
        judgement,
        status: 'submitted',
        submittedAt: now,
        updatedAt: now,
        revisions: [...e.revisions, { submittedAt: now, judgement }],
      };
    }
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

/** The fingerprint a run keeps of the code it ran: a later run of other code is a new run. */
export function codeFingerprint(solution: Pick<Solution, 'code' | 'language'>): string {
  return fingerprint([solution.language, solution.code]);
}

/**
 * What a finished run showed, as the evaluation keeps it: the solution's verdict (the sandbox's,
 * see solutionVerdict) and each test's, the tests from `taskTests` on being the trainer's own,
 * with what a visible test's details show (output cut at SEEN_OUTPUT_CHARS).
 */
export function seenResultOf(result: Pick<SolutionResult, 'verdict' | 'tests'>, taskTests: number, ranAt: string, solution?: Pick<Solution, 'code' | 'language'>): SeenResult {
  const tampered = tamperedOf(result.tests);
  return {
    verdict: result.verdict,
    tests: result.tests.map((t, i) => ({
      name: t.name, hidden: t.hidden, status: t.status, own: i >= taskTests,
      ...(t.hidden ? { durationMs: Math.max(0, t.durationMs) } : seenDetails(t)),
      ...(t.timing ? { timing: t.timing } : {}),
    })),
    ranAt,
    ...(solution ? { code: codeFingerprint(solution) } : {}),
    ...(tampered.length ? { tampered } : {}),
  };
}

function seenDetails(t: TestResult): Omit<SeenResult['tests'][number], 'name' | 'hidden' | 'status' | 'own'> {
  const cut = (s: string) => (s.length > SEEN_OUTPUT_CHARS ? s.slice(0, SEEN_OUTPUT_CHARS) : s);
  const params = t.message?.params && Object.fromEntries(Object.entries(t.message.params).map(([k, v]) => [k, typeof v === 'string' ? cut(v) : v]));
  const cutOff = t.stdout.length > SEEN_OUTPUT_CHARS || t.stderr.length > SEEN_OUTPUT_CHARS;
  return {
    ...(t.message ? { message: { key: t.message.key.slice(0, 200), ...(params ? { params } : {}) } } : {}),
    durationMs: Math.max(0, t.durationMs),
    ...(t.stdout ? { stdout: cut(t.stdout) } : {}),
    ...(t.stderr ? { stderr: cut(t.stderr) } : {}),
    ...(t.truncated || cutOff ? { truncated: true } : {}),
  };
}

/** A stored test result as the results grid shows it (what was not kept reads as empty). */
export function testResultOfSeen(t: SeenResult['tests'][number]): TestResult {
  return {
    name: t.name,
    hidden: t.hidden,
    status: t.status,
    ...(t.message ? { message: t.message } : {}),
    stdout: t.stdout ?? '',
    stderr: t.stderr ?? '',
    truncated: t.truncated ?? false,
    durationMs: t.durationMs ?? 0,
    ...(t.timing ? { timing: t.timing } : {}),
  };
}

/**
 * The solutions without a finished run of their current code in this evaluation: submitting
 * them would send a ranking that no run backs (the guardrail has no verdicts to check).
 */
export function unrunSolutions<S extends Pick<Solution, 'id' | 'code' | 'language'>>(solutions: readonly S[], judgement: Pick<Judgement, 'results'>): S[] {
  return solutions.filter((s) => {
    const r = Object.hasOwn(judgement.results, s.id) ? judgement.results[s.id] : undefined;
    return !r || (r.code !== undefined && r.code !== codeFingerprint(s));
  });
}

/** Every change reported by any of the tests, each once, in the order first seen. */
export function tamperedOf(tests: readonly { tampered?: readonly Tamper[] }[]): Tamper[] {
  const seen = new Map<string, Tamper>();
  for (const t of tests) for (const x of t.tampered ?? []) if (seen.size < 100) seen.set(`${x.kind}:${x.name}`, { kind: x.kind, name: x.name });
  return [...seen.values()];
}

/**
 * The verdict a solution is judged by: that of its latest finished run, which the session stores
 * in the evaluation as soon as the run ends (so there is no other, "live" verdict to merge in).
 */
export function seenVerdict(judgement: Pick<Judgement, 'results'>, solutionId: string): Verdict | undefined {
  return Object.hasOwn(judgement.results, solutionId) ? judgement.results[solutionId]!.verdict : undefined;
}

/**
 * What the task list and the task's header call an evaluation: `new` until its first real change
 * (opening and reading a task stores nothing, so the list still says new), then its status.
 */
export function listedStatus(e: Pick<Evaluation, 'status' | 'createdAt' | 'updatedAt' | 'revisions'>): EvaluationStatus | 'new' {
  return e.status === 'draft' && e.updatedAt === e.createdAt && e.revisions.length === 0 ? 'new' : e.status;
}

/** Own tests as the engine runs them (visible, with the task's entry point). */
export function ownTestCases(e: Evaluation): TestCase[] {
  return e.judgement.ownTests.map((t) =>
    t.kind === 'call'
      ? { name: t.name, hidden: false, kind: 'call', args: t.args, expected: t.expected }
      : { name: t.name, hidden: false, kind: 'stdio', stdin: t.stdin, expectedStdout: t.expectedStdout },
  );
}
