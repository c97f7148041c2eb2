// JSONL datasets in the shapes public code benchmarks use, detected from each row's fields:
// HumanEval, HumanEval-X (any language, named by the task_id prefix), MultiPL-E, MBPP, Veredicto
// tasks one per line, and samples files ({task_id, completion}) that put model outputs in place of
// the canonical solutions; and model answers to a prompt (chat messages, {prompt, responses},
// {prompt, chosen, rejected}), each prompt with all its rows' answers becoming one task
// (answerTask.ts). Plain-Markdown answers too (.md).
import { LANGUAGE_FACTS, LANGUAGES, type Language } from '../domain/language.js';
import { taskSchema, type Solution, type Task } from '../domain/task.js';
import { answerRowShape, answersOfRow, parseAnswersDocument, type AnswerSet } from './answers.js';
import { answersToTask } from './answerTask.js';
import { parseJsonGuarded, parseTaskFile, schemaProblems, type Parsed, type Problem } from './taskFile.js';

export type Shape = 'humaneval' | 'humaneval-x' | 'multipl-e' | 'mbpp' | 'task' | 'sample' | 'chat' | 'responses' | 'preference';

type Row = Record<string, unknown>;
const str = (v: unknown) => typeof v === 'string';

export function shapeOf(row: Row): Shape | undefined {
  if (row.schemaVersion !== undefined) return 'task';
  const code = str(row.prompt) && str(row.canonical_solution) && str(row.test);
  // HumanEvalPack's rows have an entry_point too: a declaration under another language's prefix
  // (`JavaScript/0`) says HumanEval-X. Its Python rows stay HumanEval: their test defines
  // check(has_close_elements) without calling it, and HumanEval's reading calls it.
  const prefix = String(row.task_id ?? '').split('/')[0]!;
  if (code && str(row.declaration) && prefix !== LANGUAGE_FACTS.python.humanevalX && HUMANEVAL_X_NAMES.includes(prefix)) return 'humaneval-x';
  if (code && str(row.entry_point)) return 'humaneval';
  if (code && str(row.declaration)) return 'humaneval-x';
  if (str(row.name) && str(row.language) && str(row.prompt) && str(row.tests)) return 'multipl-e';
  // MBPP as first published names the statement `text`; its sanitized subset (and MBPP+) `prompt`.
  if ((str(row.text) || str(row.prompt)) && str(row.code) && Array.isArray(row.test_list)) return 'mbpp';
  if (row.task_id !== undefined && str(row.completion)) return 'sample';
  return answerRowShape(row);
}

type AnswerShape = 'chat' | 'responses' | 'preference';
const isAnswerShape = (s: Shape): s is AnswerShape => s === 'chat' || s === 'responses' || s === 'preference';

const KNOWN: Record<Exclude<Shape, 'task' | AnswerShape>, string[]> = {
  humaneval: ['task_id', 'prompt', 'canonical_solution', 'test', 'entry_point'],
  'humaneval-x': ['task_id', 'prompt', 'canonical_solution', 'test', 'declaration'],
  'multipl-e': ['name', 'language', 'prompt', 'tests', 'stop_tokens'],
  mbpp: ['task_id', 'text', 'prompt', 'code', 'test_list', 'test_setup_code', 'test_imports', 'challenge_test_list'],
  sample: ['task_id', 'completion'],
};

function metadata(row: Row, shape: Exclude<Shape, 'task' | AnswerShape>): Record<string, unknown> | undefined {
  const extra = Object.entries(row).filter(([k]) => !KNOWN[shape].includes(k));
  return extra.length ? Object.fromEntries(extra) : undefined;
}

/** Each non-empty line of a JSONL text, parsed, with its 1-based line number. */
export function* jsonLines(file: string, text: string): Generator<{ line: number; row: Parsed<unknown> }> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t) yield { line: i + 1, row: parseJsonGuarded(file, t, i) };
  }
}

export type Dataset = { tasks: Task[]; problems: Problem[] };

export function parseDataset(file: string, text: string): Dataset {
  const out: Dataset = { tasks: [], problems: [] };
  // Answer rows of one prompt (one per line, or several lines per prompt) make one task.
  const prompts = new Map<string, { line: number; set: AnswerSet }>();
  for (const { line, row } of jsonLines(file, text)) {
    if (!row.ok) {
      out.problems.push(...row.problems);
      continue;
    }
    const value = row.value as Row;
    const shape = value !== null && typeof value === 'object' && !Array.isArray(value) ? shapeOf(value) : undefined;
    if (!shape || shape === 'sample') {
      out.problems.push({ file, line, message: { key: 'file.unknownShape', params: { file, line } } });
      continue;
    }
    if (isAnswerShape(shape)) {
      const set = answersOfRow(value, shape);
      if (!set) {
        out.problems.push({ file, line, message: { key: 'answers.badRow', params: { file, line } } });
        continue;
      }
      const group = prompts.get(set.prompt) ?? { line, set: { prompt: set.prompt, answers: [] } };
      for (const a of set.answers) if (!group.set.answers.some((b) => b.markdown === a.markdown)) group.set.answers.push(a);
      prompts.set(set.prompt, group);
    } else if (shape === 'task') {
      const parsed = taskSchema.safeParse(value, { reportInput: true });
      if (parsed.success) out.tasks.push(parsed.data);
      else out.problems.push(...schemaProblems(file, text.split('\n')[line - 1] ?? '', parsed.error.issues, line - 1));
    } else {
      const language = languageOfRow(value, shape);
      if (language) out.tasks.push(fromRow(value, shape, language));
      else out.problems.push({ file, line, message: { key: 'file.languageUnsupported', params: { file, line, language: rowLanguageName(value, shape) } } });
    }
  }
  for (const { line, set } of prompts.values()) {
    const built = answersToTask(set, { file });
    if (built.task) out.tasks.push(built.task);
    else out.problems.push(...built.problems.map((p) => ({ ...p, line: p.line ?? line })));
  }
  return out;
}

type RowShape = Exclude<Shape, 'task' | 'sample' | AnswerShape>;

/** How a row names its language: HumanEval-X by its task_id prefix (`CPP/0`), MultiPL-E by `language`. */
function rowLanguageName(row: Row, shape: RowShape): string {
  if (shape === 'multipl-e') return String(row.language);
  if (shape === 'humaneval-x') return String(row.task_id ?? '').split('/')[0] ?? '';
  return 'Python';
}

/**
 * The language of a dataset row, or undefined when Veredicto cannot run it (HumanEval-X Java or Go).
 * A HumanEval-X row whose task_id has no language prefix is JavaScript, as the shape was first read.
 */
function languageOfRow(row: Row, shape: RowShape): Language | undefined {
  if (shape === 'humaneval' || shape === 'mbpp') return 'python';
  const name = rowLanguageName(row, shape);
  if (shape === 'multipl-e') return LANGUAGES.find((l) => LANGUAGE_FACTS[l].multiple === name);
  const byPrefix = LANGUAGES.find((l) => LANGUAGE_FACTS[l].humanevalX === name);
  if (byPrefix) return byPrefix;
  return HUMANEVAL_X_OTHER.includes(name) ? undefined : 'javascript';
}

/** HumanEval-X's languages that Veredicto does not run (see the README on Java). */
const HUMANEVAL_X_OTHER = ['Java', 'Go', 'Rust'];
/** Every task_id prefix a HumanEval-X row may carry. */
const HUMANEVAL_X_NAMES = [...LANGUAGES.map((l) => LANGUAGE_FACTS[l].humanevalX), ...HUMANEVAL_X_OTHER];

function fromRow(row: Row, shape: RowShape, language: Language): Task {
  const id = String((shape === 'multipl-e' ? row.name : row.task_id) ?? '');
  const completes = shape === 'mbpp' ? '' : String(row.prompt);
  // The id alone says nothing in a list of 164 tasks: the function's name goes with it, the same in both languages.
  const name = functionName(row, shape);
  const shown = name ? `${id} · ${name}` : id;
  const base = { schemaVersion: 1 as const, id, title: { en: shown, 'es-CL': shown }, tags: [] as string[], metadata: metadata(row, shape), source: { shape, prompt: completes, language } };
  if (shape === 'multipl-e') {
    // MultiPL-E rows are prompts without a solution: their solutions come from a samples file.
    return {
      ...base,
      prompt: { en: fence(LANGUAGE_FACTS[language].fences[0]!, String(row.prompt)) },
      tests: [{ kind: 'code', name: 'tests', hidden: false, code: { [language]: String(row.tests) } }],
      solutions: [],
    };
  }
  if (shape === 'humaneval') {
    const entry = String(row.entry_point);
    const code = String(row.prompt) + String(row.canonical_solution);
    return {
      ...base,
      prompt: { en: fence('python', String(row.prompt)) },
      entryPoint: entry,
      // The whole HumanEval check is one test, as in the original harness.
      tests: [{ kind: 'code', name: 'check', hidden: false, code: { python: String(row.test) }, check: 'check', entryPoint: entry }],
      solutions: [{ id: 'canonical', label: 'canonical_solution', language: 'python', code }],
      referenceSolution: { python: code },
    };
  }
  if (shape === 'humaneval-x') {
    const code = String(row.prompt) + String(row.canonical_solution);
    return {
      ...base,
      prompt: { en: fence(LANGUAGE_FACTS[language].fences[0]!, String(row.prompt)) },
      tests: [{ kind: 'code', name: 'test', hidden: false, code: { [language]: String(row.test) } }],
      solutions: [{ id: 'canonical', label: 'canonical_solution', language, code }],
      referenceSolution: { [language]: code },
    };
  }
  // The sanitized subset lists its imports one per item (test_imports) where the first had test_setup_code.
  const imports = Array.isArray(row.test_imports) ? row.test_imports.filter((t): t is string => typeof t === 'string').join('\n') : '';
  const setupCode = typeof row.test_setup_code === 'string' && row.test_setup_code ? row.test_setup_code : imports;
  const setup = setupCode ? `${setupCode}\n` : '';
  const asTests = (list: unknown, prefix: string, hidden: boolean) =>
    (Array.isArray(list) ? list : []).map((t, i) => ({ kind: 'code' as const, name: `${prefix}[${i}]`, hidden, code: { python: setup + String(t) } }));
  return {
    ...base,
    prompt: { en: String(str(row.text) ? row.text : row.prompt) },
    tests: [...asTests(row.test_list, 'test_list', false), ...asTests(row.challenge_test_list, 'challenge_test_list', true)],
    solutions: [{ id: 'canonical', label: 'code', language: 'python', code: String(row.code) }],
    referenceSolution: { python: String(row.code) },
  };
}

/** The function a dataset row asks for: HumanEval's entry_point, else the first one its code defines. */
function functionName(row: Row, shape: RowShape): string | undefined {
  if (shape === 'humaneval' && typeof row.entry_point === 'string' && row.entry_point) return row.entry_point.slice(0, 100);
  const code = String((shape === 'mbpp' ? row.code : (row.declaration ?? row.prompt)) ?? '');
  return /(?:^|\n)\s*(?:def|function|const|let)\s+([A-Za-z_$][\w$]*)/.exec(code)?.[1];
}

const fence = (language: string, code: string) => `\`\`\`${language}\n${code.replace(/\n+$/, '')}\n\`\`\``;

/**
 * How a samples file's completions join their task: in place of its canonical solution (the
 * dataset's own answer), or next to it, so one sample per task still gives two to compare.
 */
export type SamplesMode = 'replace' | 'add';

/**
 * Puts the completions of a samples file in place of the canonical solutions of their tasks, or
 * next to them (`mode` 'add'); several samples of one task become several solutions. Tasks
 * without samples keep theirs.
 */
export function applySamples(file: string, text: string, tasks: Task[], mode: SamplesMode = 'replace'): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const samples = new Map<string, Solution[]>();
  for (const { line, row } of jsonLines(file, text)) {
    if (!row.ok) {
      problems.push(...row.problems);
      continue;
    }
    const value = row.value as Row;
    if (value === null || typeof value !== 'object' || shapeOf(value) !== 'sample') {
      problems.push({ file, line, message: { key: 'file.unknownShape', params: { file, line } } });
      continue;
    }
    const id = String(value.task_id);
    const task = byId.get(id);
    if (!task) {
      problems.push({ file, line, field: 'task_id', message: { key: 'file.sampleUnknownTask', params: { file, line, id } } });
      continue;
    }
    const list = samples.get(id) ?? [];
    const prompt = task.source?.prompt ?? '';
    const language = task.source?.language ?? task.solutions[0]?.language ?? 'python';
    list.push({ id: `sample-${list.length + 1}`, label: `sample ${list.length + 1}`, language, code: prompt + String(value.completion) });
    samples.set(id, list);
  }
  for (const [id, list] of samples) {
    const task = byId.get(id)!;
    task.solutions = mode === 'add' ? [...task.solutions, ...list] : list;
  }
  return problems;
}


/** A Markdown file with a prompt and model answers (see parseAnswersDocument): one task. */
export function parseAnswersFile(file: string, text: string): Dataset {
  const set = parseAnswersDocument(text);
  if (!set) return { tasks: [], problems: [{ file, message: { key: 'answers.noAnswers', params: { file } } }] };
  const built = answersToTask(set, { file });
  return built.task ? { tasks: [built.task], problems: [] } : { tasks: [], problems: built.problems };
}

/** One file as read from disk or dropped in the browser: a task file (.json), a dataset (.jsonl) or answers (.md). */
export function parseSource(file: string, text: string): Dataset {
  if (/\.jsonl$/i.test(file)) return parseDataset(file, text);
  if (/\.(md|markdown)$/i.test(file)) return parseAnswersFile(file, text);
  const r = parseTaskFile(file, text);
  return r.ok ? { tasks: [r.value], problems: [] } : { tasks: [], problems: r.problems };
}

/** A JSONL file whose first row is `{task_id, completion}`: model outputs for another file's tasks. */
export function isSamplesFile(file: string, text: string): boolean {
  if (!/\.jsonl$/i.test(file)) return false;
  const first = jsonLines(file, text).next();
  if (first.done || !first.value.row.ok) return false;
  const v = first.value.row.value;
  return v !== null && typeof v === 'object' && !Array.isArray(v) && shapeOf(v as Row) === 'sample';
}

/**
 * What a solution's label says when this reader made it up (the canonical solution of a HumanEval,
 * HumanEval-X or MBPP row, a sample of a samples file), so the UI can say it in the user's
 * language; undefined for a label that came from the data. Matches the labels fromRow and
 * applySamples write.
 */
export function madeUpLabel(s: { id: string; label: string }): { kind: 'canonical' } | { kind: 'sample'; n: number } | undefined {
  if (s.id === 'canonical' && (s.label === 'canonical_solution' || s.label === 'code')) return { kind: 'canonical' };
  const sample = /^sample-(\d+)$/.exec(s.id);
  if (sample && s.label === `sample ${sample[1]}`) return { kind: 'sample', n: Number(sample[1]) };
  return undefined;
}
