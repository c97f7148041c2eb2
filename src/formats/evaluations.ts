// Evaluations in and out, in the shapes training pipelines read: a versioned JSONL that round-trips
// exactly, preference pairs ({prompt, chosen, rejected}, as TRL reads them) and a CSV for
// spreadsheets. Import is all or nothing: the whole file is checked before anything is returned.
// Problem keys live in the judging namespace (`import.*`). No I/O: callers pass text.
import { z } from '../domain/zod.js';
import { EVALUATION_SCHEMA_VERSION, evaluationSchema, type Evaluation } from '../domain/evaluation.js';
import { compactRanks, preferencePairs } from '../domain/ranking.js';
import { rubricOf } from '../domain/rubric.js';
import { LANGUAGES, pickLocale, type Locale, type Task } from '../domain/task.js';
import { formatPath } from './jsonText.js';

export const EVALUATION_FORMAT = 'veredicto.evaluation';
export const EVALUATION_FORMAT_VERSION = 1;
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
  })
  .strict();

const line = z
  .object({
    format: z.literal(EVALUATION_FORMAT),
    version: z.literal(EVALUATION_FORMAT_VERSION),
    evaluation: evaluationSchema,
    task: taskSummary.optional(),
  })
  .strict();
export type EvaluationLine = z.infer<typeof line>;

export function toEvaluationsJsonl(evaluations: readonly Evaluation[], tasksById: TasksById): string {
  return evaluations
    .map((evaluation) => {
      const task = taskOf(tasksById, evaluation.taskId);
      const out: EvaluationLine = { format: EVALUATION_FORMAT, version: EVALUATION_FORMAT_VERSION, evaluation };
      if (task)
        out.task = {
          id: task.id,
          title: task.title,
          solutions: task.solutions.map(({ id, label, language }) => ({ id, label, language })),
        };
      return `${JSON.stringify(out)}\n`;
    })
    .join('');
}

export function fromEvaluationsJsonl(text: string): EvaluationsImport {
  const bytes = utf8Length(text);
  if (bytes > MAX_IMPORT_BYTES)
    return refuse([at(0, 'import.tooLarge', { size: (bytes / 2 ** 20).toFixed(1), max: MAX_IMPORT_BYTES / 2 ** 20 })]);
  const evaluations: Evaluation[] = [];
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
    const parsed = line.safeParse(value, { reportInput: true });
    if (!parsed.success) {
      // A loop, not push(...all): a line can hold more issues than a call has room for arguments.
      for (const issue of parsed.error.issues) for (const p of issueProblems(n, issue)) problems.push(p);
      return;
    }
    const { taskId } = parsed.data.evaluation;
    const first = firstLineOf.get(taskId);
    if (first !== undefined) problems.push(at(n, 'import.duplicateTask', { taskId, first }));
    else firstLineOf.set(taskId, n);
    evaluations.push(parsed.data.evaluation);
  });
  if (problems.length) {
    const rest = problems.length - MAX_LISTED_PROBLEMS;
    return refuse(rest > 0 ? [...problems.slice(0, MAX_LISTED_PROBLEMS), at(0, 'import.tooManyProblems', { count: rest })] : problems);
  }
  if (!evaluations.length) return refuse([at(0, 'import.empty')]);
  return { evaluations, problems: [] };
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
    const completion = (code: string) => (raw && code.startsWith(raw) ? code.slice(raw.length) : code);
    for (const { chosen, rejected } of preferencePairs(ranks)) {
      const c = byId.get(chosen)!;
      const r = byId.get(rejected)!;
      const metadata = {
        task_id: task.id,
        chosen_id: c.id,
        rejected_id: r.id,
        chosen_rank: ranks[c.id],
        rejected_rank: ranks[r.id],
        language: c.language,
      };
      out += `${JSON.stringify({ prompt, chosen: completion(c.code), rejected: completion(r.code), metadata })}\n`;
    }
  }
  return out;
}

/** RFC 4180 CSV, one row per (evaluation, solution), UTF-8 with a BOM so Excel reads accents. */
export function toCsv(evaluations: readonly Evaluation[], tasksById: TasksById, locale: Locale): string {
  const criteria = csvCriteria(evaluations, tasksById);
  return `\uFEFF${csvHeader(criteria)}${csvRows(evaluations, tasksById, locale, criteria)}`;
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
export function csvHeader(criteria: readonly string[]): string {
  const header = [
    ...['task_id', 'task_title', 'status', 'solution_id', 'solution_label', 'language', 'rank', 'verdict'],
    ...criteria.map((c) => `score_${c}`),
    ...['critique', 'critique_locale', 'unsafe_flag', 'task_flags', 'justification', 'active_minutes', 'submitted_at'],
  ];
  return `${header.map(csvCell).join(',')}\r\n`;
}

/** The CSV lines of these evaluations, with a column for each of `criteria` (see csvCriteria). */
export function csvRows(evaluations: readonly Evaluation[], tasksById: TasksById, locale: Locale, criteria: readonly string[]): string {
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
        ...criteria.map((c) => own(own(j.scores, s.id) ?? {}, c) ?? ''),
        critique?.text ?? '',
        critique?.locale ?? '',
        String((own(j.solutionFlags, s.id) ?? []).includes('unsafe-code')),
        j.taskFlags.join(';'),
        j.justification.text,
        Math.round(e.activeMs / 600) / 100,
        e.submittedAt ?? '',
      ]);
    }
  }
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/** A cell as RFC 4180 writes it; text that a spreadsheet would run as a formula gets a leading quote. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  // OWASP "CSV injection": these first characters make Excel and Sheets evaluate the cell.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
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

function refuse(problems: ImportProblem[]): EvaluationsImport {
  return { evaluations: [], problems };
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
