// Evaluations in and out, in the shapes training pipelines read: a versioned JSONL that round-trips
// exactly, preference pairs ({prompt, chosen, rejected}, as TRL reads them) and a CSV for
// spreadsheets. Import is all or nothing: the whole file is checked before anything is returned.
// Problem keys live in the judging namespace (`import.*`). No I/O: callers pass text.
import { z } from '../domain/zod.js';
import { EVALUATION_SCHEMA_VERSION, evaluationSchema, type Evaluation, type SeenResult } from '../domain/evaluation.js';
import { dimensionsOf, type Dimension } from '../domain/dimensions.js';
import { compactRanks, preferencePairs } from '../domain/ranking.js';
import { rubricOf } from '../domain/rubric.js';
import { LANGUAGES, pickLocale, type Locale, type Solution, type Task } from '../domain/task.js';
import type { Tamper } from '../domain/verdict.js';
import { formatPath } from './jsonText.js';

export const EVALUATION_FORMAT = 'veredicto.evaluation';
/** Version 2 adds `evaluator` (who judged: a server export holds many); a line without one is written as version 1, and both are read. */
export const EVALUATION_FORMAT_VERSION = 2;
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Problems listed one by one; the rest are counted, so a wrong file does not flood the screen. */
export const MAX_LISTED_PROBLEMS = 100;

export type TasksById = ReadonlyMap<string, Task> | Readonly<Record<string, Task>>;
/** `line` is 1-based; 0 means the file as a whole. */
export type ImportProblem = { line: number; key: string; params?: Record<string, string | number> };
export type EvaluationsImport = { evaluations: Evaluation[]; problems: ImportProblem[] };

// The task part only describes the evaluation for readers of the file; tasks converted from
// datasets have ids such as "HumanEval/0", so it is checked for shape, not against the task schema.
const taskSummary = z
  .object({
    id: z.string(),
    title: z.object({ en: z.string().optional(), 'es-CL': z.string().optional() }).strict(),
    solutions: z.array(z.object({ id: z.string(), label: z.string(), language: z.enum(LANGUAGES) }).strict()),
    /** The dimensions the ratings were given on (ids, with their names unless they are the default five's), for tasks judged by dimensions. */
    dimensions: z.array(z.object({ id: z.string(), name: z.object({ en: z.string().optional(), 'es-CL': z.string().optional() }).strict().optional() }).strict()).optional(),
  })
  .strict();

const evaluator = z.string().min(1).max(254);
const lineV1 = z.object({ format: z.literal(EVALUATION_FORMAT), version: z.literal(1), evaluation: evaluationSchema, task: taskSummary.optional() }).strict();
const lineV2 = z.object({ format: z.literal(EVALUATION_FORMAT), version: z.literal(2), evaluator, evaluation: evaluationSchema, task: taskSummary.optional() }).strict();
export type EvaluationLine = z.infer<typeof lineV1> | z.infer<typeof lineV2>;
/** One line as read: the evaluation, who made it when the line says, and the task part when present. */
export type ReadLine = { evaluation: Evaluation; evaluator?: string; task?: z.infer<typeof taskSummary>; line: number };

/**
 * `evaluatorOf` names who made each evaluation (a server export): those lines are version 2.
 * `ratedOn` gives the dimensions each was rated on when they may differ from the task's current
 * ones (a server export: kept with each submission); undefined there means the task's, null none.
 */
export function toEvaluationsJsonl(
  evaluations: readonly Evaluation[],
  tasksById: TasksById,
  evaluatorOf?: (e: Evaluation, index: number) => string | undefined,
  ratedOn?: (e: Evaluation, index: number) => readonly Dimension[] | null | undefined,
): string {
  return evaluations
    .map((evaluation, i) => {
      const task = taskOf(tasksById, evaluation.taskId);
      const who = evaluatorOf?.(evaluation, i);
      const out: EvaluationLine = who ? { format: EVALUATION_FORMAT, version: 2, evaluator: who, evaluation } : { format: EVALUATION_FORMAT, version: 1, evaluation };
      if (task)
        out.task = {
          id: task.id,
          title: task.title,
          solutions: task.solutions.map(({ id, label, language }) => ({ id, label, language })),
        };
      const rated = ratedOn?.(evaluation, i);
      const dimensions = rated === undefined ? (task ? dimensionsOf(task) : []) : (rated ?? []);
      if (out.task && dimensions.length) out.task.dimensions = dimensions.map((d) => (d.name ? { id: d.id, name: d.name } : { id: d.id }));
      return `${JSON.stringify(out)}\n`;
    })
    .join('');
}

/** The workbench's import: one evaluation per task (a second line for the same task is a problem). */
export function fromEvaluationsJsonl(text: string): EvaluationsImport {
  const r = readEvaluationLines(text, (l) => l.evaluation.taskId);
  return { evaluations: r.lines.map((l) => l.evaluation), problems: r.problems };
}

/**
 * Every line of an evaluations file, all or nothing; two lines with the same `duplicateKey` are a
 * problem (the workbench: the task; agreement: the evaluator and the task).
 */
export function readEvaluationLines(text: string, duplicateKey: (line: ReadLine) => string): { lines: ReadLine[]; problems: ImportProblem[] } {
  const bytes = utf8Length(text);
  if (bytes > MAX_IMPORT_BYTES)
    return { lines: [], problems: [at(0, 'import.tooLarge', { size: Math.round((bytes / 2 ** 20) * 10) / 10, max: MAX_IMPORT_BYTES / 2 ** 20 })] };
  const read: ReadLine[] = [];
  const problems: ImportProblem[] = [];
  const firstLineOf = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((raw, i) => {
    const n = i + 1;
    const source = raw.trim();
    if (!source) return;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch {
      problems.push(at(n, 'import.notJson'));
      return;
    }
    if (!isObject(value) || value.format !== EVALUATION_FORMAT) {
      problems.push(at(n, 'import.notEvaluation'));
      return;
    }
    // A newer file may be shaped differently: say so rather than list its fields as errors.
    const version = value.version;
    const schemaVersion = isObject(value.evaluation) ? value.evaluation.schemaVersion : undefined;
    const newer =
      typeof version === 'number' && version > EVALUATION_FORMAT_VERSION
        ? version
        : typeof schemaVersion === 'number' && schemaVersion > EVALUATION_SCHEMA_VERSION
          ? schemaVersion
          : undefined;
    if (newer !== undefined) {
      problems.push(at(n, 'import.newerVersion', { version: newer }));
      return;
    }
    // Each version's own schema, so a problem names its field rather than "no version matched".
    const parsed = (version === 2 ? lineV2 : lineV1).safeParse(value, { reportInput: true });
    if (!parsed.success) {
      // A loop, not push(...all): a line can hold more issues than a call has room for arguments.
      for (const issue of parsed.error.issues) for (const p of issueProblems(n, issue)) problems.push(p);
      return;
    }
    const data = parsed.data;
    const entry: ReadLine = { evaluation: data.evaluation, line: n, ...(data.version === 2 ? { evaluator: data.evaluator } : {}), ...(data.task ? { task: data.task } : {}) };
    const { taskId } = data.evaluation;
    const key = duplicateKey(entry);
    const first = firstLineOf.get(key);
    if (first !== undefined) problems.push(at(n, 'import.duplicateTask', { taskId, first }));
    else firstLineOf.set(key, n);
    read.push(entry);
  });
  if (problems.length) {
    const rest = problems.length - MAX_LISTED_PROBLEMS;
    return { lines: [], problems: rest > 0 ? [...problems.slice(0, MAX_LISTED_PROBLEMS), at(0, 'import.tooManyProblems', { count: rest })] : problems };
  }
  if (!read.length) return { lines: [], problems: [at(0, 'import.empty')] };
  return { lines: read, problems: [] };
}

/**
 * One JSON line per (better, worse) pair of each submitted evaluation; ties give none. For a task
 * read from a dataset, `prompt` is the dataset's own prompt and `chosen`/`rejected` the completions
 * that continue it (as the samples file gave them), the way completion-style training reads pairs.
 */
export function toPreferencePairsJsonl(evaluations: readonly Evaluation[], tasksById: TasksById, locale: Locale): string {
  let out = '';
  for (const e of evaluations) {
    const task = taskOf(tasksById, e.taskId);
    if (e.status !== 'submitted' || !task) continue;
    const ranks = ranksOf(e, task.solutions);
    const byId = new Map(task.solutions.map((s) => [s.id, s]));
    const raw = task.source?.prompt;
    const prompt = raw ?? pickLocale(task.prompt, locale).text;
    // A solution taken from a chat answer is the answer as the model wrote it, prose and all.
    const completion = (s: Solution) => s.answer ?? (raw && s.code.startsWith(raw) ? s.code.slice(raw.length) : s.code);
    const preference = e.judgement.preference;
    const strengthOf = (chosen: string, rejected: string) =>
      preference && ((preference.a === chosen && preference.b === rejected) || (preference.a === rejected && preference.b === chosen)) ? Math.abs(preference.strength) : undefined;
    // "Preference ranking with rewrites": the ideal answer is chosen against every original.
    const rewrite = e.judgement.rewrite;
    if (rewrite?.markdown.trim())
      for (const r of task.solutions) {
        const metadata = { task_id: task.id, chosen_id: 'rewrite', rejected_id: r.id, rewrite_from: rewrite.from ?? null, rejected_rank: own(ranks, r.id) ?? null, language: r.language };
        out += `${JSON.stringify({ prompt, chosen: rewrite.markdown, rejected: completion(r), metadata })}\n`;
      }
    for (const { chosen, rejected } of preferencePairs(ranks)) {
      const c = byId.get(chosen)!;
      const r = byId.get(rejected)!;
      const strength = strengthOf(c.id, r.id);
      const metadata = {
        task_id: task.id,
        chosen_id: c.id,
        rejected_id: r.id,
        chosen_rank: ranks[c.id],
        rejected_rank: ranks[r.id],
        language: c.language,
        chosen_tampered: tamperList(own(e.judgement.results, c.id)?.tampered),
        rejected_tampered: tamperList(own(e.judgement.results, r.id)?.tampered),
        // Ranked without a run of every solution: the trainer's stated reason travels with the pair.
        ...(e.judgement.unrunReason ? { unrun_reason: e.judgement.unrunReason.text } : {}),
        ...(strength === undefined ? {} : { preference_strength: strength }),
      };
      out += `${JSON.stringify({ prompt, chosen: completion(c), rejected: completion(r), metadata })}\n`;
    }
  }
  return out;
}

/**
 * How fields are separated: RFC 4180's comma, or the semicolon Excel expects in a Spanish (or any
 * decimal-comma) locale, where numbers are then written with a decimal comma too.
 */
export type CsvDialect = { separator: ',' | ';' };
export const RFC_4180: CsvDialect = { separator: ',' };
export const EXCEL_DECIMAL_COMMA: CsvDialect = { separator: ';' };

export type SftForm = 'messages' | 'prompt-completion';

/**
 * The ideal answers (rewrites) of submitted evaluations as supervised fine-tuning records: chat
 * form `{"messages":[{"role":"user"},{"role":"assistant"}]}` or `{"prompt","completion"}`. The
 * metadata says whether its code passed every test, or why it was submitted without.
 */
export function toSftJsonl(evaluations: readonly Evaluation[], tasksById: TasksById, locale: Locale, form: SftForm = 'messages'): string {
  let out = '';
  for (const e of evaluations) {
    const task = taskOf(tasksById, e.taskId);
    const rewrite = e.judgement.rewrite;
    if (e.status !== 'submitted' || !task || !rewrite?.markdown.trim()) continue;
    const prompt = task.source?.prompt ?? pickLocale(task.prompt, locale).text;
    const metadata = {
      task_id: task.id,
      rewrite_from: rewrite.from ?? null,
      passed_all_tests: rewrite.result?.verdict === 'passed',
      ...(rewrite.exemption?.text.trim() ? { exemption: rewrite.exemption.text } : {}),
    };
    const record =
      form === 'messages'
        ? { messages: [{ role: 'user', content: prompt }, { role: 'assistant', content: rewrite.markdown }], metadata }
        : { prompt, completion: rewrite.markdown, metadata };
    out += `${JSON.stringify(record)}\n`;
  }
  return out;
}

/** RFC 4180 CSV, one row per (evaluation, solution), UTF-8 with a BOM so Excel reads accents. */
export function toCsv(evaluations: readonly Evaluation[], tasksById: TasksById, locale: Locale, dialect: CsvDialect = RFC_4180): string {
  const criteria = csvCriteria(evaluations, tasksById);
  return `\uFEFF${csvHeader(criteria, dialect)}${csvRows(evaluations, tasksById, locale, criteria, dialect)}`;
}

/** The rubric criteria a CSV of these evaluations has a column for: the tasks' and any scored. */
export function csvCriteria(evaluations: readonly Evaluation[], tasksById: TasksById): string[] {
  const criteria = new Set<string>();
  for (const e of evaluations) {
    const task = taskOf(tasksById, e.taskId);
    if (task) for (const c of rubricOf(task)) criteria.add(c.id);
    for (const scores of Object.values(e.judgement.scores)) for (const c of Object.keys(scores)) criteria.add(c);
  }
  return [...criteria];
}

/** The CSV's first line (without the BOM), for a file written in parts (a streamed export). */
export function csvHeader(criteria: readonly string[], dialect: CsvDialect = RFC_4180): string {
  const header = [
    ...['task_id', 'task_title', 'status', 'solution_id', 'solution_label', 'language', 'rank', 'verdict', 'tampered'],
    ...criteria.map((c) => `score_${c}`),
    ...['critique', 'critique_locale', 'unsafe_flag', 'task_flags', 'justification', 'guardrail_reason', 'unrun_reason', 'active_minutes', 'submitted_at', 'shown_label', 'perf_max_ratio', 'perf_over_budget', 'perf_timings'],
  ];
  return `${header.map((h) => csvCell(h, dialect)).join(dialect.separator)}\r\n`;
}

/** The CSV lines of these evaluations, with a column for each of `criteria` (see csvCriteria). */
export function csvRows(evaluations: readonly Evaluation[], tasksById: TasksById, locale: Locale, criteria: readonly string[], dialect: CsvDialect = RFC_4180): string {
  const rows: (string | number)[][] = [];
  for (const e of evaluations) {
    const j = e.judgement;
    const task = taskOf(tasksById, e.taskId);
    // Without the task, the solutions are the ones the judgement mentions.
    const solutions = task?.solutions ?? [...new Set([j.ranks, j.scores, j.critiques, j.results, j.solutionFlags].flatMap((r) => Object.keys(r)))].map((id) => ({ id, label: '', language: '' }));
    const ranks = ranksOf(e, solutions);
    for (const s of solutions) {
      const critique = own(j.critiques, s.id);
      rows.push([
        e.taskId,
        task ? pickLocale(task.title, locale).text : '',
        e.status,
        s.id,
        s.label,
        s.language,
        own(ranks, s.id) ?? '',
        own(j.results, s.id)?.verdict ?? '',
        tamperText(own(j.results, s.id)?.tampered),
        ...criteria.map((c) => own(own(j.scores, s.id) ?? {}, c) ?? ''),
        critique?.text ?? '',
        critique?.locale ?? '',
        String((own(j.solutionFlags, s.id) ?? []).includes('unsafe-code')),
        j.taskFlags.join(';'),
        j.justification.text,
        // Why this failing solution is ranked above a passing one (the guardrail asked for it).
        own(j.reasons, s.id)?.text ?? '',
        j.unrunReason?.text ?? '',
        Math.round(e.activeMs / 600) / 100,
        e.submittedAt ?? '',
        // The blind label the trainer judged it under ("A"), which their critique may name. Last, so
        // the columns before it keep their places for pipelines that read them by position.
        own(j.shownLabels ?? {}, s.id) ?? '',
        // Efficiency evidence, after it for the same reason: see performanceCells.
        ...performanceCells(own(j.results, s.id)),
      ]);
    }
  }
  return rows.map((row) => `${row.map((c) => csvCell(c, dialect)).join(dialect.separator)}\r\n`).join('');
}

/**
 * A solution's performance tests in three cells: the largest ratio to the reference (a number a
 * spreadsheet sorts), whether any test was over its budget, and every timed test as JSON
 * (`[{"test","ms","reference_ms","ratio","budget","over"}]`, as the JSONL export has them). All
 * three empty when nothing was timed: no performance test, or none passed.
 */
function performanceCells(result: SeenResult | undefined): (string | number)[] {
  const timed = (result?.tests ?? []).flatMap((t) => (t.timing ? [{ test: t.name, timing: t.timing }] : []));
  if (!timed.length) return ['', '', ''];
  const ratios = timed.flatMap(({ timing }) => (timing.ratio === undefined ? [] : [timing.ratio]));
  return [
    ratios.length ? Math.max(...ratios) : '',
    String(timed.some(({ timing }) => timing.over)),
    JSON.stringify(timed.map(({ test, timing: t }) => ({ test, ms: t.ms, reference_ms: t.referenceMs ?? null, ratio: t.ratio ?? null, budget: t.budget, over: t.over }))),
  ];
}

/** A cell as RFC 4180 writes it; text that a spreadsheet would run as a formula gets a leading quote. */
export function csvCell(value: string | number, dialect: CsvDialect = RFC_4180): string {
  // With semicolons between fields, a spreadsheet reads numbers with a decimal comma.
  if (typeof value === 'number') return dialect.separator === ';' ? String(value).replace('.', ',') : String(value);
  // OWASP "CSV injection": these first characters make Excel and Sheets evaluate the cell.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return (dialect.separator === ';' ? /[",;\r\n]/ : /[",\r\n]/).test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Dense ranks of the task's own solutions only, keyed in solution order (so pairs come out in it). */
function ranksOf(e: Evaluation, solutions: readonly { id: string }[]): Record<string, number> {
  const ranks: Record<string, number> = {};
  for (const { id } of solutions) {
    const rank = own(e.judgement.ranks, id);
    if (rank !== undefined) ranks[id] = rank;
  }
  return compactRanks(ranks);
}

function issueProblems(n: number, issue: z.core.$ZodIssue): ImportProblem[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => at(n, 'import.unknownField', { field: formatPath([...path, k]) }));
  const field = formatPath(path) || '(root)';
  const missing = 'input' in issue && issue.input === undefined && ['invalid_type', 'invalid_value', 'invalid_union'].includes(issue.code);
  return [at(n, missing ? 'import.required' : 'import.invalidField', { field })];
}

function at(lineNumber: number, key: string, params?: ImportProblem['params']): ImportProblem {
  return params ? { line: lineNumber, key, params } : { line: lineNumber, key };
}

function taskOf(tasks: TasksById, id: string): Task | undefined {
  return tasks instanceof Map ? tasks.get(id) : own(tasks as Readonly<Record<string, Task>>, id);
}

/** A record's own value: solution ids such as "constructor" must not reach Object.prototype. */
function own<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** UTF-8 size without encoding a copy of a possibly huge string. */
function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** A solution's reported tampering as `kind:name` items (`changed:Array.prototype.toJSON`). */
function tamperList(tampered: readonly Tamper[] | undefined): string[] {
  return (tampered ?? []).map((t) => `${t.kind}:${t.name}`);
}

function tamperText(tampered: readonly Tamper[] | undefined): string {
  return tamperList(tampered).join(';');
}
