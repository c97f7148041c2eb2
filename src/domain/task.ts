// The task model (format version 1) and its schema: what a task file may hold, checked field by
// field. Pure data: no I/O here; reading files and reporting problems lives in src/formats.
import { LANGUAGES, type Language } from './language.js';
import { z } from './zod.js';

export { LANGUAGES, type Language };

export const LOCALES = ['en', 'es-CL'] as const;
export type Locale = (typeof LOCALES)[number];

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;

export const TASK_SCHEMA_VERSION = 1;

/** A task file's id (and so its file name): lower-case letters, digits and dashes. */
export const TASK_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
/**
 * Any task's id as kept with data about it (evaluations, stored tasks, drafts, practice): a task
 * file's, or the one a dataset gave its row ("HumanEval/0", MBPP's 11), kept as it came.
 */
export const storedTaskId = z.string().min(1).max(200);

/** Where a task in the workbench comes from: shipped with the app, imported from a file, or written in the editor. */
export const TASK_ORIGINS = ['bundled', 'imported', 'authored'] as const;
export type TaskOrigin = (typeof TASK_ORIGINS)[number];
/** The origins of the tasks kept in storage: bundled tasks ship with the app. */
export const STORED_ORIGINS = ['imported', 'authored'] as const satisfies readonly TaskOrigin[];
export type StoredOrigin = (typeof STORED_ORIGINS)[number];

/** The rubric scores, worst first: each criterion has one described level per score. */
export const SCORES = [1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORES)[number];
export const MIN_SCORE = SCORES[0];
export const MAX_SCORE = SCORES[SCORES.length - 1]!;
export const scoreSchema = z.number().int().min(MIN_SCORE).max(MAX_SCORE);
export const isScore = (n: number): n is Score => (SCORES as readonly number[]).includes(n);

/** The kinds of test, in the order the editor offers them. */
export const TEST_KINDS = ['call', 'stdio', 'code'] as const;
export type TestKind = (typeof TEST_KINDS)[number];

/** A performance test's budget, as a ratio to the reference's time: below 1 the reference itself would be over it. */
export const MIN_BUDGET = 1;
export const MAX_BUDGET = 1000;

export const DEFAULT_LIMITS = {
  timeMs: 5000,
  outputBytes: 64 * 1024,
  memoryMb: 256,
} as const;

export type Limits = { timeMs: number; outputBytes: number; memoryMb: number };

const problem = (key: string, params: Record<string, unknown> = {}) => ({ params: { key, ...params } });

const localized = z
  .object({ en: z.string().min(1).optional(), 'es-CL': z.string().min(1).optional() })
  .strict()
  .refine((v) => v.en !== undefined || v['es-CL'] !== undefined, problem('task.localeMissing'));
export type Localized = z.infer<typeof localized>;

const identifier = z.string().regex(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/);
const perLanguage = <T extends z.ZodTypeAny>(t: T) =>
  z
    .object(Object.fromEntries(LANGUAGES.map((l) => [l, t.optional()])) as Record<Language, z.ZodOptional<T>>)
    .strict()
    .refine((v) => LANGUAGES.some((l) => (v as Partial<Record<Language, unknown>>)[l] !== undefined), problem('task.languageMissing'));

const entryPoint = z.union([identifier, perLanguage(identifier)]);

const tolerance = z
  .object({ rel: z.number().min(0).max(1).optional(), abs: z.number().min(0).optional() })
  .strict();

/**
 * What marks a test as a performance test (see domain/performance.ts): the allowed ratio of a
 * solution's time to the reference solution's on this test (3: at most three times as long), and
 * what the input's size is, for the trainer (plain text, or text per locale).
 */
const performance = z
  .object({
    size: z.union([z.string().min(1).max(200), localized]).optional(),
    budget: z.number().min(MIN_BUDGET).max(MAX_BUDGET),
  })
  .strict();
export type PerformanceSpec = z.infer<typeof performance>;

const testBase = { name: z.string().min(1).max(200), hidden: z.boolean().default(false) };
/** Fields every kind of test has after its own (a parsed test keeps this order, and a task file written from it). */
const testTail = { performance: performance.optional() };

const callTest = z
  .object({
    ...testBase,
    kind: z.literal('call'),
    entryPoint: entryPoint.optional(),
    args: z.array(z.unknown()),
    expected: z.unknown(),
    tolerance: tolerance.optional(),
    ...testTail,
  })
  .strict();

const stdioTest = z
  .object({ ...testBase, kind: z.literal('stdio'), stdin: z.string(), expectedStdout: z.string(), ...testTail })
  .strict();

const codeTest = z
  .object({
    ...testBase,
    kind: z.literal('code'),
    code: perLanguage(z.string().min(1)),
    // HumanEval style: after `code` runs, call this function with the entry point as candidate.
    check: identifier.optional(),
    entryPoint: entryPoint.optional(),
    ...testTail,
  })
  .strict();

const test = z.discriminatedUnion('kind', [callTest, stdioTest, codeTest]);

/**
 * A trainer's own test, kept with the evaluation: a call or stdio test with nothing but its data
 * (no hidden flag, entry point or tolerance: it runs visible, with the task's entry point).
 */
export const ownTestSchema = z.discriminatedUnion('kind', [
  callTest.pick({ name: true, kind: true, args: true, expected: true }),
  stdioTest.pick({ name: true, kind: true, stdin: true, expectedStdout: true }),
]);
export type OwnTest = z.infer<typeof ownTestSchema>;
export type TestCase = z.infer<typeof test>;
export type CallTest = z.infer<typeof callTest>;
export type StdioTest = z.infer<typeof stdioTest>;
export type CodeTest = z.infer<typeof codeTest>;

const solution = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][\w.-]{0,63}$/),
    label: z.string().min(1).max(100),
    language: z.enum(LANGUAGES),
    code: z.string(),
    origin: z.string().max(200).optional(),
    /** The model's answer as written (chat Markdown), when the code was taken from one: its prose is shown beside the code. */
    answer: z.string().max(200_000).optional(),
  })
  .strict();
export type Solution = z.infer<typeof solution>;


const bug = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/),
    /** The solutions that have this bug. */
    solutions: z.array(z.string()).min(1),
    summary: localized,
    keywords: z
      .object({ en: z.array(z.string().min(2).max(60)).min(1), 'es-CL': z.array(z.string().min(2).max(60)).min(1) })
      .strict(),
    /** The test that reveals it, if one does. */
    test: z.string().optional(),
  })
  .strict();
export type Bug = z.infer<typeof bug>;

const gold = z
  .object({
    // Best first; solutions in the same inner list are tied.
    ranking: z.array(z.array(z.string()).min(1)).min(1),
    scores: z.record(z.string(), z.record(z.string(), scoreSchema)).optional(),
    critiques: z.record(z.string(), localized).optional(),
    justification: localized.optional(),
    /**
     * The real bugs in the solutions, for practice feedback: a trainer's critique of a listed
     * solution "mentions" a bug when it contains one of the bug's keywords in the critique's
     * language (case and accents ignored) or the name of the test that reveals it.
     */
    bugs: z.array(bug).max(50).optional(),
  })
  .strict();
export type Gold = z.infer<typeof gold>;

/** A task's own judging dimension (rated with a severity, see dimensions.ts): an id and a name per locale. */
const dimension = z.object({ id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/), name: localized }).strict();
export type TaskDimension = z.infer<typeof dimension>;
/** The most dimensions a task (or a team project, projectSettings.ts) may list. */
export const MAX_DIMENSIONS = 12;

/** A task's own rubric criterion: a name and a description of each level 1–5, per locale. */
const criterion = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
    name: localized,
    levels: z.array(localized).length(MAX_SCORE - MIN_SCORE + 1),
  })
  .strict();
export type Criterion = z.infer<typeof criterion>;

const limits = z
  .object({
    timeMs: z.number().int().min(10).max(120_000).optional(),
    outputBytes: z.number().int().min(1024).max(16 * 1024 * 1024).optional(),
    memoryMb: z.number().int().min(16).max(2048).optional(),
  })
  .strict();

export const taskSchema = z
  .object({
    schemaVersion: z.literal(TASK_SCHEMA_VERSION),
    id: z.string().regex(TASK_ID),
    title: localized,
    prompt: localized,
    entryPoint: entryPoint.optional(),
    tests: z.array(test).min(1).max(1000),
    solutions: z.array(solution).max(50),
    referenceSolution: perLanguage(z.string().min(1)).optional(),
    limits: limits.optional(),
    tags: z.array(z.string().min(1).max(40)).max(30).default([]),
    difficulty: z.enum(DIFFICULTIES).optional(),
    gold: gold.optional(),
    /** Replaces the default rubric (correctness, efficiency, readability, robustness). */
    rubric: z.array(criterion).min(1).max(10).optional(),
    /** Replaces the default dimensions answers are rated on with a severity (correctness, instruction following, efficiency, readability, explanation). */
    dimensions: z.array(dimension).min(1).max(MAX_DIMENSIONS).optional(),
  })
  .strict()
  .superRefine((task, ctx) => {
    const ids = new Set<string>();
    task.solutions.forEach((s, i) => {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', path: ['solutions', i, 'id'], ...problem('task.duplicateId', { id: s.id }) });
      ids.add(s.id);
    });
    const names = new Set<string>();
    task.tests.forEach((t, i) => {
      if (names.has(t.name)) ctx.addIssue({ code: 'custom', path: ['tests', i, 'name'], ...problem('task.duplicateTestName', { name: t.name }) });
      names.add(t.name);
    });
    const languages = new Set<Language>(task.solutions.map((s) => s.language));
    for (const l of LANGUAGES) if (task.referenceSolution?.[l] !== undefined) languages.add(l);
    task.tests.forEach((t, i) => {
      for (const language of languages) {
        if (t.kind === 'code' && t.code[language] === undefined)
          ctx.addIssue({ code: 'custom', path: ['tests', i, 'code', language], ...problem('task.codeForLanguage', { language }) });
        if ((t.kind === 'call' || (t.kind === 'code' && t.check)) && !entryPointFor(t.entryPoint ?? task.entryPoint, language))
          ctx.addIssue({ code: 'custom', path: ['tests', i, 'entryPoint'], ...problem('task.entryPointMissing', { language }) });
      }
    });
    // A performance test's budget is a ratio to the reference's time: without a reference there is nothing to compare with.
    if (!LANGUAGES.some((l) => task.referenceSolution?.[l] !== undefined))
      task.tests.forEach((t, i) => {
        if (t.performance) ctx.addIssue({ code: 'custom', path: ['tests', i, 'performance'], ...problem('task.performanceNeedsReference') });
      });
    if (task.gold) {
      const seen = new Set<string>();
      task.gold.ranking.forEach((group, g) =>
        group.forEach((id, j) => {
          if (!ids.has(id) || seen.has(id))
            ctx.addIssue({ code: 'custom', path: ['gold', 'ranking', g, j], ...problem(seen.has(id) ? 'task.duplicateId' : 'task.unknownSolution', { id }) });
          seen.add(id);
        }),
      );
      for (const id of ids)
        if (!seen.has(id)) ctx.addIssue({ code: 'custom', path: ['gold', 'ranking'], ...problem('task.unranked', { id }) });
      const bugIds = new Set<string>();
      task.gold.bugs?.forEach((b, i) => {
        if (bugIds.has(b.id)) ctx.addIssue({ code: 'custom', path: ['gold', 'bugs', i, 'id'], ...problem('task.duplicateId', { id: b.id }) });
        bugIds.add(b.id);
        b.solutions.forEach((id, j) => {
          if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['gold', 'bugs', i, 'solutions', j], ...problem('task.unknownSolution', { id }) });
        });
        if (b.test !== undefined && !names.has(b.test))
          ctx.addIssue({ code: 'custom', path: ['gold', 'bugs', i, 'test'], ...problem('task.unknownTest', { name: b.test }) });
      });
      for (const key of ['scores', 'critiques'] as const)
        for (const id of Object.keys(task.gold[key] ?? {}))
          if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['gold', key, id], ...problem('task.unknownSolution', { id }) });
    }
  });

/** A task as the engine runs it: a validated task file, or one converted from a dataset row. */
export type Task = z.output<typeof taskSchema> & {
  /** Fields of a dataset row that Veredicto does not use, kept as they came. */
  metadata?: Record<string, unknown>;
  /** For tasks read from a dataset: its shape, and the prompt text completions continue. */
  source?: { shape: string; prompt: string; language?: Language };
};

export function entryPointFor(ep: Task['entryPoint'], language: Language): string | undefined {
  if (ep === undefined || typeof ep === 'string') return ep;
  return ep[language];
}

export function limitsOf(task: Pick<Task, 'limits'>, override: Partial<Limits> = {}): Limits {
  return { ...DEFAULT_LIMITS, ...task.limits, ...override };
}

/** Text in the wanted locale, else the other one; `fallback` says which was used. */
export function pickLocale(text: Localized, locale: Locale): { text: string; locale: Locale; fallback: boolean } {
  const own = text[locale];
  if (own !== undefined) return { text: own, locale, fallback: false };
  const other: Locale = locale === 'en' ? 'es-CL' : 'en';
  return { text: text[other] ?? '', locale: other, fallback: true };
}

/** The reference solutions of a task, as solutions the engine can run. */
export function referenceSolutions(task: Task): Solution[] {
  return LANGUAGES.flatMap((language) => {
    const code = task.referenceSolution?.[language];
    return code === undefined ? [] : [{ id: `reference-${language}`, label: `reference (${language})`, language, code }];
  });
}
