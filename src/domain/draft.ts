// A task being written: the author's form (every field as typed, JSON still as text, so nothing is
// lost while it is invalid), its conversion to task JSON with the problems the form itself can see,
// and the named actions that change it. Pure data; the schema check lives in formats/taskDraft.ts.
import { z } from './zod.js';
import { DIFFICULTIES, LANGUAGES, LOCALES, MIN_BUDGET, storedTaskId, TASK_ORIGINS, TASK_SCHEMA_VERSION, type Language, type Locale, type Task, type TestKind } from './task.js';
import { perLanguageKeys } from './language.js';
import type { Message } from './verdict.js';

/** Upper bound on one text field of a draft (the task file itself is limited to 5 MB). */
const MAX_TEXT = 5_000_000;
const text = (max = MAX_TEXT) => z.string().max(max);
const key = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
/**
 * One field per language. Drafts stored before a language was added lack its field: it reads as
 * its default, so a new language needs no migration of stored drafts.
 */
const perLanguage = <T extends z.ZodTypeAny>(t: T, fallback: z.output<T>) =>
  Object.fromEntries(LANGUAGES.map((l) => [l, t.default(fallback as never)])) as Record<Language, z.ZodDefault<T>>;

const localizedForm = z.object({ en: text(), 'es-CL': text() }).strict();
export type LocalizedForm = z.infer<typeof localizedForm>;

/**
 * A performance test's fields as typed: on or off, the budget as text (a ratio to the reference's
 * time), the input's size per locale. Drafts stored before these existed read them as off.
 */
const performanceForm = z.object({ on: z.boolean(), budget: text(30), size: localizedForm }).strict();
export type PerformanceForm = z.infer<typeof performanceForm>;
const performanceOff = (): PerformanceForm => ({ on: false, budget: '', size: { en: '', 'es-CL': '' } });
const testCommon = { key, name: text(1000), hidden: z.boolean(), performance: performanceForm.default(performanceOff) };
const callTestForm = z
  .object({
    ...testCommon,
    kind: z.literal('call'),
    /** JSON text of the arguments array. */
    args: text(),
    /** JSON text of the expected value. */
    expected: text(),
    toleranceRel: text(100),
    toleranceAbs: text(100),
    /** An identifier, or a JSON object `{ "python": …, "javascript": … }`; blank: the task's. */
    entryPoint: text(1000),
  })
  .strict();
const stdioTestForm = z.object({ ...testCommon, kind: z.literal('stdio'), stdin: text(), expectedStdout: text() }).strict();
const codeTestForm = z
  .object({ ...testCommon, kind: z.literal('code'), ...perLanguage(text(), ''), check: text(200), entryPoint: text(1000) })
  .strict();
const testForm = z.discriminatedUnion('kind', [callTestForm, stdioTestForm, codeTestForm]);
export type TestForm = z.infer<typeof testForm>;
export type CallTestForm = z.infer<typeof callTestForm>;
export type StdioTestForm = z.infer<typeof stdioTestForm>;
export type CodeTestForm = z.infer<typeof codeTestForm>;

const solutionForm = z
  .object({ key, id: text(200), label: text(500), language: z.enum(LANGUAGES), code: text(), origin: text(500) })
  .strict();
export type SolutionForm = z.infer<typeof solutionForm>;

/** Gold judgement per solution is keyed by the solution's form key, so renaming an id keeps it. */
const goldForm = z
  .object({
    enabled: z.boolean(),
    ranks: z.record(key, text(20)),
    scores: z.record(key, z.record(z.string().max(40), text(20))),
    critiques: z.record(key, localizedForm),
    justification: localizedForm,
    /** JSON text of the `bugs` array; blank: none. */
    bugs: text(),
  })
  .strict();
export type GoldForm = z.infer<typeof goldForm>;

export const taskFormSchema = z
  .object({
    id: text(200),
    title: localizedForm,
    prompt: localizedForm,
    entryPoint: z.object({ perLanguage: z.boolean(), all: text(1000), ...perLanguage(text(1000), '') }).strict(),
    tests: z.array(testForm).max(1000),
    solutions: z.array(solutionForm).max(50),
    /** null: no reference in that language. */
    reference: z.object(perLanguage(text().nullable(), null)).strict(),
    limits: z.object({ timeMs: text(30), outputBytes: text(30), memoryMb: text(30) }).strict(),
    /** Comma-separated. */
    tags: text(5000),
    difficulty: z.enum(['', ...DIFFICULTIES]),
    gold: goldForm,
    /** JSON text of a custom rubric (array of criteria); blank: the default rubric. */
    rubric: text(),
  })
  .strict();
export type TaskForm = z.infer<typeof taskFormSchema>;

/** Where a draft came from, when it was opened from an existing task. */
const draftBase = z.object({ taskId: storedTaskId, origin: z.enum(TASK_ORIGINS) }).strict();
/** A moment tied to the exact task JSON it applied to (see fingerprint). */
const stamp = z.object({ taskId: storedTaskId, at: z.string(), fingerprint: z.string().max(40) }).strict();

export const DRAFT_SCHEMA_VERSION = 1;
export const draftSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    form: taskFormSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
    base: draftBase.optional(),
    /** Last saved to the workbench (catalog, origin 'authored'). */
    published: stamp.optional(),
    /** Last marked ready: schema valid, reference passed every test twice, a hidden test. */
    ready: stamp.optional(),
  })
  .strict();
export type Draft = z.infer<typeof draftSchema>;
export type DraftBase = z.infer<typeof draftBase>;

export type DraftStatus = 'draft' | 'published' | 'changed' | 'ready';

/**
 * Where a draft stands, for the drafts list and the editor: ready (as marked, and still the task
 * saved to the workbench), in the workbench (as saved, or changed since), or a draft only.
 * `fingerprint` is that of the form as it is now (validateForm).
 */
export function draftStatus(draft: Pick<Draft, 'ready' | 'published'>, fingerprint: string): DraftStatus {
  if (draft.ready && draft.ready.fingerprint === fingerprint && draft.published?.taskId === draft.ready.taskId) return 'ready';
  if (draft.published) return draft.published.fingerprint === fingerprint ? 'published' : 'changed';
  return 'draft';
}

/** A problem found in a draft: where (a task field path such as `tests[2].args`) and what. */
export type FieldProblem = { path: string; message: Message; ns: 'errors' | 'authoring' };

const EMPTY_LOCALIZED: LocalizedForm = { en: '', 'es-CL': '' };

export function emptyForm(): TaskForm {
  return {
    id: '',
    title: { ...EMPTY_LOCALIZED },
    prompt: { ...EMPTY_LOCALIZED },
    entryPoint: { perLanguage: false, all: '', ...perLanguageKeys('') },
    tests: [],
    solutions: [],
    reference: perLanguageKeys(null),
    limits: { timeMs: '', outputBytes: '', memoryMb: '' },
    tags: '',
    difficulty: '',
    gold: { enabled: false, ranks: {}, scores: {}, critiques: {}, justification: { ...EMPTY_LOCALIZED }, bugs: '' },
    rubric: '',
  };
}

export function newDraft(id: string, form: TaskForm, now: string, base?: DraftBase): Draft {
  return { id, form, createdAt: now, updatedAt: now, ...(base ? { base } : {}) };
}

export function newTest(kind: TestKind, key: string): TestForm {
  const common = { key, name: '', hidden: false, performance: performanceOff() };
  if (kind === 'call') return { ...common, kind, args: '[]', expected: '', toleranceRel: '', toleranceAbs: '', entryPoint: '' };
  if (kind === 'stdio') return { ...common, kind, stdin: '', expectedStdout: '' };
  return { ...common, kind, ...perLanguageKeys(''), check: '', entryPoint: '' };
}

/** A test's performance fields for the form: a plain size goes in both locales (formToJson writes it back plain). */
function performanceFormOf(spec: Task['tests'][number]['performance']): PerformanceForm {
  if (!spec) return performanceOff();
  const size = spec.size === undefined ? { en: '', 'es-CL': '' } : typeof spec.size === 'string' ? { en: spec.size, 'es-CL': spec.size } : localizedFrom(spec.size);
  return { on: true, budget: String(spec.budget), size };
}

const fromLanguages = <T>(f: (l: Language) => T) => Object.fromEntries(LANGUAGES.map((l) => [l, f(l)])) as Record<Language, T>;
const str = (n: number | undefined) => (n === undefined ? '' : String(n));
const localizedFrom = (l: { en?: string; 'es-CL'?: string } | undefined): LocalizedForm => ({ en: l?.en ?? '', 'es-CL': l?.['es-CL'] ?? '' });
const entryPointText = (ep: string | Partial<Record<Language, string>> | undefined) => (ep === undefined ? '' : typeof ep === 'string' ? ep : JSON.stringify(ep));

/** The form for an existing task (dataset metadata and source are not part of a task file). */
export function formFromTask(task: Task): TaskForm {
  const keyOf = new Map(task.solutions.map((s, i) => [s.id, `s${i}`]));
  const gold = task.gold;
  const ranks: Record<string, string> = {};
  gold?.ranking.forEach((group, i) => group.forEach((id) => keyOf.has(id) && (ranks[keyOf.get(id)!] = String(i + 1))));
  const scores: Record<string, Record<string, string>> = {};
  for (const [id, byCriterion] of Object.entries(gold?.scores ?? {}))
    if (keyOf.has(id)) scores[keyOf.get(id)!] = Object.fromEntries(Object.entries(byCriterion).map(([c, n]) => [c, String(n)]));
  const critiques: Record<string, LocalizedForm> = {};
  for (const [id, l] of Object.entries(gold?.critiques ?? {})) if (keyOf.has(id)) critiques[keyOf.get(id)!] = localizedFrom(l);
  const ep = task.entryPoint;
  return {
    id: task.id,
    title: localizedFrom(task.title),
    prompt: localizedFrom(task.prompt),
    entryPoint:
      typeof ep === 'object'
        ? { perLanguage: true, all: '', ...fromLanguages((l) => ep[l] ?? '') }
        : { perLanguage: false, all: ep ?? '', ...perLanguageKeys('') },
    tests: task.tests.map((t, i): TestForm => {
      const common = { key: `t${i}`, name: t.name, hidden: t.hidden, performance: performanceFormOf(t.performance) };
      if (t.kind === 'call')
        return {
          ...common,
          kind: 'call',
          args: JSON.stringify(t.args),
          expected: JSON.stringify(t.expected) ?? '',
          toleranceRel: str(t.tolerance?.rel),
          toleranceAbs: str(t.tolerance?.abs),
          entryPoint: entryPointText(t.entryPoint),
        };
      if (t.kind === 'stdio') return { ...common, kind: 'stdio', stdin: t.stdin, expectedStdout: t.expectedStdout };
      return { ...common, kind: 'code', ...fromLanguages((l) => t.code[l] ?? ''), check: t.check ?? '', entryPoint: entryPointText(t.entryPoint) };
    }),
    solutions: task.solutions.map((s, i) => ({ key: `s${i}`, id: s.id, label: s.label, language: s.language, code: s.code, origin: s.origin ?? '' })),
    reference: fromLanguages((l) => task.referenceSolution?.[l] ?? null),
    limits: { timeMs: str(task.limits?.timeMs), outputBytes: str(task.limits?.outputBytes), memoryMb: str(task.limits?.memoryMb) },
    tags: task.tags.join(', '),
    difficulty: task.difficulty ?? '',
    gold: {
      enabled: gold !== undefined,
      ranks,
      scores,
      critiques,
      justification: localizedFrom(gold?.justification),
      bugs: gold?.bugs ? JSON.stringify(gold.bugs, null, 2) : '',
    },
    rubric: task.rubric ? JSON.stringify(task.rubric, null, 2) : '',
  };
}

// ---------------------------------------------------------------------------------------------
// Form → task JSON

/** Field paths the UI uses for gold inputs, by solution index (the task keys them by id). */
export const goldPath = {
  rank: (i: number) => `gold.solutions[${i}].rank`,
  score: (i: number, criterion: string) => `gold.solutions[${i}].scores.${criterion}`,
  critique: (i: number) => `gold.solutions[${i}].critique`,
};

export type FormJson = { json: Record<string, unknown>; problems: FieldProblem[] };

const authoring = (path: string, key: string, params?: Message['params']): FieldProblem => ({ path, ns: 'authoring', message: { key, ...(params ? { params } : {}) } });
const required = (path: string): FieldProblem => ({ path, ns: 'errors', message: { key: 'schema.required' } });

/**
 * JSON.parse, and where it failed as line and column (V8's message is English and not always
 * positioned: the end of the text is where "unexpected end" failed).
 */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; detail: { line: number; column: number } } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const m = /position (\d+)/.exec(String((e as Error).message));
    const at = Math.min(text.length, m ? Number(m[1]) : text.length);
    const before = text.slice(0, at).split('\n');
    return { ok: false, detail: { line: before.length, column: before[before.length - 1]!.length + 1 } };
  }
}

/** `{ en?, es-CL? }` with blank values left out. */
function localizedJson(l: LocalizedForm): Record<string, string> {
  const out: Record<string, string> = {};
  for (const locale of LOCALES) if (l[locale].trim() !== '') out[locale] = l[locale];
  return out;
}

/**
 * The task JSON the form describes, ready for taskSchema, plus the problems only the form can see
 * (JSON that does not parse, numbers that are not numbers). Where a value cannot be read, a
 * harmless stand-in goes into the JSON, so the schema does not report the same field twice.
 */
export function formToJson(form: TaskForm): FormJson {
  const problems: FieldProblem[] = [];
  const number = (path: string, value: string): number | undefined => {
    if (value.trim() === '') return undefined;
    const n = Number(value.trim().replace(/_/g, ''));
    if (!Number.isFinite(n)) {
      problems.push(authoring(path, 'problems.number'));
      return undefined;
    }
    return n;
  };
  const entryPoint = (path: string, value: string): unknown => {
    const v = value.trim();
    if (v === '') return undefined;
    if (!v.startsWith('{')) return v;
    const parsed = parseJson(v);
    if (parsed.ok) return parsed.value;
    problems.push(authoring(path, 'problems.jsonInvalid', parsed.detail));
    return undefined;
  };
  const json: Record<string, unknown> = { schemaVersion: TASK_SCHEMA_VERSION, id: form.id.trim(), title: localizedJson(form.title), prompt: localizedJson(form.prompt) };
  if (form.id.trim() === '') problems.push(required('id'));

  const ep = form.entryPoint;
  if (ep.perLanguage) {
    const perLanguage: Record<string, string> = {};
    for (const l of LANGUAGES) if (ep[l].trim()) perLanguage[l] = ep[l].trim();
    if (Object.keys(perLanguage).length) json.entryPoint = perLanguage;
  } else if (ep.all.trim()) json.entryPoint = ep.all.trim();

  /** A performance test's part of the task JSON; the same size in both locales is written once, as plain text. */
  const performance = (at: string, p: PerformanceForm): Record<string, unknown> | undefined => {
    if (!p.on) return undefined;
    const budget = number(`${at}.performance.budget`, p.budget.trim().replace(',', '.'));
    if (p.budget.trim() === '') problems.push(required(`${at}.performance.budget`));
    const en = p.size.en.trim();
    const es = p.size['es-CL'].trim();
    const size = en !== '' && en === es ? en : localizedJson(p.size);
    return { budget: budget ?? MIN_BUDGET, ...(typeof size === 'string' || Object.keys(size).length ? { size } : {}) };
  };
  const testJson = (t: TestForm, i: number): Record<string, unknown> => {
    const at = `tests[${i}]`;
    const base = { name: t.name, hidden: t.hidden, kind: t.kind };
    if (t.kind === 'call') {
      const out: Record<string, unknown> = { ...base };
      const testEntry = entryPoint(`${at}.entryPoint`, t.entryPoint);
      if (testEntry !== undefined) out.entryPoint = testEntry;
      const args = parseJson(t.args);
      if (!args.ok) problems.push(authoring(`${at}.args`, 'problems.jsonInvalid', args.detail));
      else if (!Array.isArray(args.value)) problems.push(authoring(`${at}.args`, 'problems.notArray'));
      out.args = args.ok && Array.isArray(args.value) ? args.value : [];
      if (t.expected.trim() === '') {
        problems.push(required(`${at}.expected`));
        out.expected = null;
      } else {
        const expected = parseJson(t.expected);
        if (!expected.ok) problems.push(authoring(`${at}.expected`, 'problems.jsonInvalid', expected.detail));
        out.expected = expected.ok ? expected.value : null;
      }
      const rel = number(`${at}.tolerance.rel`, t.toleranceRel);
      const abs = number(`${at}.tolerance.abs`, t.toleranceAbs);
      if (rel !== undefined || abs !== undefined) out.tolerance = { ...(rel !== undefined ? { rel } : {}), ...(abs !== undefined ? { abs } : {}) };
      return out;
    }
    if (t.kind === 'stdio') return { ...base, stdin: t.stdin, expectedStdout: t.expectedStdout };
    const code: Record<string, string> = {};
    for (const l of LANGUAGES) if (t[l].trim()) code[l] = t[l];
    const out: Record<string, unknown> = { ...base, code };
    if (t.check.trim()) out.check = t.check.trim();
    const testEntry = entryPoint(`${at}.entryPoint`, t.entryPoint);
    if (testEntry !== undefined) out.entryPoint = testEntry;
    return out;
  };
  json.tests = form.tests.map((t, i) => {
    const p = performance(`tests[${i}]`, t.performance);
    const test = testJson(t, i);
    return p ? { ...test, performance: p } : test;
  });

  json.solutions = form.solutions.map((s) => ({
    id: s.id.trim(),
    label: s.label,
    language: s.language,
    code: s.code,
    ...(s.origin.trim() ? { origin: s.origin.trim() } : {}),
  }));

  const reference: Record<string, string> = {};
  for (const l of LANGUAGES) {
    const code = form.reference[l];
    if (code !== null) reference[l] = code;
  }
  if (Object.keys(reference).length) json.referenceSolution = reference;

  const limits: Record<string, number> = {};
  for (const k of ['timeMs', 'outputBytes', 'memoryMb'] as const) {
    // Limits are whole numbers, so digits grouped by thousands ("65.536" as es-CL writes it, which
    // the placeholder shows, or "65,536") mean the whole number, never a fraction.
    const raw = form.limits[k].trim();
    const n = number(`limits.${k}`, /^\d{1,3}([.,\s\u00a0]\d{3})+$/.test(raw) ? raw.replace(/[.,\s\u00a0]/g, '') : raw);
    if (n !== undefined) limits[k] = n;
  }
  if (Object.keys(limits).length) json.limits = limits;

  json.tags = splitTags(form.tags);
  if (form.difficulty) json.difficulty = form.difficulty;

  if (form.gold.enabled) json.gold = goldJson(form, problems);

  if (form.rubric.trim()) {
    const rubric = parseJson(form.rubric);
    if (rubric.ok) json.rubric = rubric.value;
    else problems.push(authoring('rubric', 'problems.jsonInvalid', rubric.detail));
  }
  return { json, problems };
}

export function splitTags(tags: string): string[] {
  return [...new Set(tags.split(',').map((t) => t.trim()).filter(Boolean))];
}

function goldJson(form: TaskForm, problems: FieldProblem[]): Record<string, unknown> {
  const g = form.gold;
  const indexOf = new Map(form.solutions.map((s, i) => [s.key, i]));
  // Per-solution entries in the order they were made (for a task opened in the editor: the file's
  // order), so that opening and exporting a task changes nothing in it.
  const inOrder = <T>(record: Record<string, T>) =>
    Object.entries(record).flatMap(([key, value]) => (indexOf.has(key) ? [{ i: indexOf.get(key)!, s: form.solutions[indexOf.get(key)!]!, value }] : []));

  const groups = new Map<number, string[]>();
  form.solutions.forEach((s, i) => {
    if ((g.ranks[s.key] ?? '').trim() === '') problems.push(required(goldPath.rank(i)));
  });
  for (const { i, s, value } of inOrder(g.ranks)) {
    const raw = value.trim();
    if (raw === '') continue;
    const rank = Number(raw);
    if (!Number.isInteger(rank) || rank < 1) {
      problems.push(authoring(goldPath.rank(i), 'problems.rank'));
      continue;
    }
    groups.set(rank, [...(groups.get(rank) ?? []), s.id.trim()]);
  }
  // Dense: ranks 1, 3, 3 are positions 1 and 2; solutions of one rank are tied.
  const ranking = [...groups.entries()].sort(([a], [b]) => a - b).map(([, ids]) => ids);
  const out: Record<string, unknown> = { ranking };

  const scores: Record<string, Record<string, number>> = {};
  for (const { i, s, value } of inOrder(g.scores)) {
    const entries = Object.entries(value).filter(([, v]) => v.trim() !== '');
    if (!entries.length) continue;
    scores[s.id.trim()] = Object.fromEntries(
      entries.map(([criterion, v]) => {
        const n = Number(v);
        if (!Number.isFinite(n)) problems.push(authoring(goldPath.score(i, criterion), 'problems.number'));
        return [criterion, Number.isFinite(n) ? n : 0];
      }),
    );
  }
  if (Object.keys(scores).length) out.scores = scores;

  const critiques: Record<string, Record<string, string>> = {};
  for (const { s, value } of inOrder(g.critiques)) {
    const l = localizedJson(value);
    if (Object.keys(l).length) critiques[s.id.trim()] = l;
  }
  if (Object.keys(critiques).length) out.critiques = critiques;
  const justification = localizedJson(g.justification);
  if (Object.keys(justification).length) out.justification = justification;
  if (g.bugs.trim()) {
    const bugs = parseJson(g.bugs);
    if (bugs.ok) out.bugs = bugs.value;
    else problems.push(authoring('gold.bugs', 'problems.jsonInvalid', bugs.detail));
  }
  return out;
}

/**
 * Moves a schema problem from a path in the task JSON to the form field that shows it: gold fields
 * are keyed by solution id in the task, by solution index in the form.
 */
export function formPath(path: readonly (string | number)[], form: TaskForm, json: Record<string, unknown>, params: Record<string, unknown> = {}): (string | number)[] {
  if (path[0] !== 'gold') return [...path];
  const indexOfId = (id: unknown) => form.solutions.findIndex((s) => s.id.trim() === id);
  if (path[1] === 'ranking') {
    const ranking = ((json.gold as { ranking?: string[][] } | undefined)?.ranking ?? []) as string[][];
    const id = typeof path[2] === 'number' && typeof path[3] === 'number' ? ranking[path[2]]?.[path[3]] : params.id;
    const i = indexOfId(id);
    return i >= 0 ? ['gold', 'solutions', i, 'rank'] : [...path];
  }
  if (path[1] === 'scores' || path[1] === 'critiques') {
    const i = indexOfId(path[2]);
    if (i < 0) return [...path];
    return ['gold', 'solutions', i, path[1] === 'scores' ? 'scores' : 'critique', ...path.slice(3)];
  }
  return [...path];
}

/**
 * Text fields given in one locale but not the other: the translation still to write. Blank on
 * both sides is not a missing translation (for title and prompt the schema reports it).
 */
export function missingTranslations(form: TaskForm): string[] {
  const out: string[] = [];
  const pair = (path: string, l: LocalizedForm | undefined) => {
    if (!l) return;
    const has = LOCALES.filter((x) => l[x].trim() !== '');
    if (has.length === 1) out.push(`${path}.${LOCALES.find((x) => !has.includes(x))!}`);
  };
  pair('title', form.title);
  pair('prompt', form.prompt);
  form.tests.forEach((t, i) => {
    if (t.performance?.on) pair(`tests[${i}].performance.size`, t.performance.size);
  });
  if (form.gold.enabled) {
    form.solutions.forEach((s, i) => pair(goldPath.critique(i), form.gold.critiques[s.key]));
    pair('gold.justification', form.gold.justification);
  }
  return out;
}

/** Which locales a form has text in (title or prompt). */
export function localesOf(form: TaskForm): Locale[] {
  return LOCALES.filter((l) => form.title[l].trim() !== '' || form.prompt[l].trim() !== '');
}

/** A short stable fingerprint of task JSON (FNV-1a, 32 bits): "is this still what was checked?". */
export function fingerprint(json: unknown): string {
  const s = JSON.stringify(json) ?? '';
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

// ---------------------------------------------------------------------------------------------
// Named actions

export type FormAction =
  | { type: 'setId'; value: string }
  | { type: 'setTags'; value: string }
  | { type: 'setDifficulty'; value: TaskForm['difficulty'] }
  | { type: 'setRubric'; value: string }
  | { type: 'setLocalized'; field: 'title' | 'prompt'; locale: Locale; value: string }
  | { type: 'setEntryPoint'; patch: Partial<TaskForm['entryPoint']> }
  | { type: 'setLimits'; patch: Partial<TaskForm['limits']> }
  | { type: 'addTest'; kind: TestKind; key: string }
  | { type: 'updateTest'; key: string; patch: Partial<Omit<CallTestForm, 'kind' | 'key'>> | Partial<Omit<StdioTestForm, 'kind' | 'key'>> | Partial<Omit<CodeTestForm, 'kind' | 'key'>> }
  | { type: 'removeTest'; key: string }
  | { type: 'moveTest'; key: string; by: -1 | 1 }
  | { type: 'addSolution'; key: string; language: Language; id: string; label: string }
  | { type: 'updateSolution'; key: string; patch: Partial<Omit<SolutionForm, 'key'>> }
  | { type: 'removeSolution'; key: string }
  | { type: 'setReference'; language: Language; code: string | null }
  | { type: 'setGoldEnabled'; value: boolean }
  | { type: 'setGoldRank'; key: string; value: string }
  | { type: 'setGoldScore'; key: string; criterion: string; value: string }
  | { type: 'setGoldCritique'; key: string; locale: Locale; value: string }
  | { type: 'setGoldJustification'; locale: Locale; value: string }
  | { type: 'setGoldBugs'; value: string }
  | { type: 'replaceForm'; form: TaskForm };

const without = <T>(record: Record<string, T>, k: string): Record<string, T> => {
  const { [k]: _gone, ...rest } = record;
  return rest;
};

/** The next form; the same object when the action changes nothing. */
export function formReducer(form: TaskForm, action: FormAction): TaskForm {
  switch (action.type) {
    case 'setId':
      return action.value === form.id ? form : { ...form, id: action.value };
    case 'setTags':
      return { ...form, tags: action.value };
    case 'setDifficulty':
      return { ...form, difficulty: action.value };
    case 'setRubric':
      return { ...form, rubric: action.value };
    case 'setLocalized':
      if (form[action.field][action.locale] === action.value) return form;
      return { ...form, [action.field]: { ...form[action.field], [action.locale]: action.value } };
    case 'setEntryPoint':
      return { ...form, entryPoint: { ...form.entryPoint, ...action.patch } };
    case 'setLimits':
      return { ...form, limits: { ...form.limits, ...action.patch } };
    case 'addTest':
      return { ...form, tests: [...form.tests, newTest(action.kind, action.key)] };
    case 'updateTest':
      return { ...form, tests: form.tests.map((t) => (t.key === action.key ? ({ ...t, ...action.patch } as TestForm) : t)) };
    case 'removeTest':
      return { ...form, tests: form.tests.filter((t) => t.key !== action.key) };
    case 'moveTest': {
      const i = form.tests.findIndex((t) => t.key === action.key);
      const j = i + action.by;
      if (i < 0 || j < 0 || j >= form.tests.length) return form;
      const tests = [...form.tests];
      [tests[i], tests[j]] = [tests[j]!, tests[i]!];
      return { ...form, tests };
    }
    case 'addSolution':
      return { ...form, solutions: [...form.solutions, { key: action.key, id: action.id, label: action.label, language: action.language, code: '', origin: '' }] };
    case 'updateSolution':
      return { ...form, solutions: form.solutions.map((s) => (s.key === action.key ? { ...s, ...action.patch } : s)) };
    case 'removeSolution': {
      const g = form.gold;
      return {
        ...form,
        solutions: form.solutions.filter((s) => s.key !== action.key),
        gold: { ...g, ranks: without(g.ranks, action.key), scores: without(g.scores, action.key), critiques: without(g.critiques, action.key) },
      };
    }
    case 'setReference':
      return { ...form, reference: { ...form.reference, [action.language]: action.code } };
    case 'setGoldEnabled':
      return { ...form, gold: { ...form.gold, enabled: action.value } };
    case 'setGoldRank':
      return { ...form, gold: { ...form.gold, ranks: { ...form.gold.ranks, [action.key]: action.value } } };
    case 'setGoldScore':
      return {
        ...form,
        gold: { ...form.gold, scores: { ...form.gold.scores, [action.key]: { ...form.gold.scores[action.key], [action.criterion]: action.value } } },
      };
    case 'setGoldCritique':
      return {
        ...form,
        gold: {
          ...form.gold,
          critiques: { ...form.gold.critiques, [action.key]: { ...(form.gold.critiques[action.key] ?? EMPTY_LOCALIZED), [action.locale]: action.value } },
        },
      };
    case 'setGoldJustification':
      return { ...form, gold: { ...form.gold, justification: { ...form.gold.justification, [action.locale]: action.value } } };
    case 'setGoldBugs':
      return { ...form, gold: { ...form.gold, bugs: action.value } };
    case 'replaceForm':
      return action.form;
  }
}

// ---------------------------------------------------------------------------------------------
// Ids

/** `base-2`, `base-3`… : the first that is free (and still a valid task id). */
export function suggestId(base: string, taken: ReadonlySet<string>): string {
  const stem = base.replace(/-\d+$/, '').slice(0, 74) || 'task';
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A solution id not used yet in the form: a, b, c… then s27, s28… */
export function nextSolutionId(form: TaskForm): string {
  const used = new Set(form.solutions.map((s) => s.id));
  for (let i = 0; i < 26; i++) {
    const id = String.fromCharCode(97 + i);
    if (!used.has(id)) return id;
  }
  for (let n = 27; ; n++) if (!used.has(`s${n}`)) return `s${n}`;
}
