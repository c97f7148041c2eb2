// JSONL datasets in the shapes public code benchmarks use, detected from each row's fields:
// HumanEval, HumanEval-X (JavaScript), MBPP, Veredicto tasks one per line, and samples files
// ({task_id, completion}) that put model outputs in place of the canonical solutions.
import { taskSchema, type Solution, type Task } from '../domain/task.js';
import { parseJsonGuarded, parseTaskFile, schemaProblems, type Parsed, type Problem } from './taskFile.js';

export type Shape = 'humaneval' | 'humaneval-x' | 'mbpp' | 'task' | 'sample';

type Row = Record<string, unknown>;
const str = (v: unknown) => typeof v === 'string';

export function shapeOf(row: Row): Shape | undefined {
  if (row.schemaVersion !== undefined) return 'task';
  if (str(row.prompt) && str(row.canonical_solution) && str(row.test) && str(row.entry_point)) return 'humaneval';
  if (str(row.prompt) && str(row.canonical_solution) && str(row.test) && str(row.declaration)) return 'humaneval-x';
  if (str(row.text) && str(row.code) && Array.isArray(row.test_list)) return 'mbpp';
  if (row.task_id !== undefined && str(row.completion)) return 'sample';
  return undefined;
}

const KNOWN: Record<Exclude<Shape, 'task'>, string[]> = {
  humaneval: ['task_id', 'prompt', 'canonical_solution', 'test', 'entry_point'],
  'humaneval-x': ['task_id', 'prompt', 'canonical_solution', 'test', 'declaration'],
  mbpp: ['task_id', 'text', 'code', 'test_list', 'test_setup_code', 'challenge_test_list'],
  sample: ['task_id', 'completion'],
};

function metadata(row: Row, shape: Exclude<Shape, 'task'>): Record<string, unknown> | undefined {
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
    if (shape === 'task') {
      const parsed = taskSchema.safeParse(value, { reportInput: true });
      if (parsed.success) out.tasks.push(parsed.data);
      else out.problems.push(...schemaProblems(file, text.split('\n')[line - 1] ?? '', parsed.error.issues, line - 1));
    } else out.tasks.push(fromRow(value, shape));
  }
  return out;
}

function fromRow(row: Row, shape: Exclude<Shape, 'task' | 'sample'>): Task {
  const id = String(row.task_id ?? '');
  const completes = shape === 'mbpp' ? '' : String(row.prompt);
  const base = { schemaVersion: 1 as const, id, title: { en: id }, tags: [] as string[], metadata: metadata(row, shape), source: { shape, prompt: completes } };
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
      prompt: { en: fence('javascript', String(row.prompt)) },
      tests: [{ kind: 'code', name: 'test', hidden: false, code: { javascript: String(row.test) } }],
      solutions: [{ id: 'canonical', label: 'canonical_solution', language: 'javascript', code }],
      referenceSolution: { javascript: code },
    };
  }
  const setup = typeof row.test_setup_code === 'string' && row.test_setup_code ? `${row.test_setup_code}\n` : '';
  const asTests = (list: unknown, prefix: string, hidden: boolean) =>
    (Array.isArray(list) ? list : []).map((t, i) => ({ kind: 'code' as const, name: `${prefix}[${i}]`, hidden, code: { python: setup + String(t) } }));
  return {
    ...base,
    prompt: { en: String(row.text) },
    tests: [...asTests(row.test_list, 'test_list', false), ...asTests(row.challenge_test_list, 'challenge_test_list', true)],
    solutions: [{ id: 'canonical', label: 'code', language: 'python', code: String(row.code) }],
    referenceSolution: { python: String(row.code) },
  };
}

const fence = (language: string, code: string) => `\`\`\`${language}\n${code.replace(/\n+$/, '')}\n\`\`\``;

/**
 * Puts the completions of a samples file in place of the canonical solutions of their tasks
 * (several samples of one task become several solutions). Tasks without samples keep theirs.
 */
export function applySamples(file: string, text: string, tasks: Task[]): Problem[] {
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
    const language = task.solutions[0]?.language ?? 'python';
    list.push({ id: `sample-${list.length + 1}`, label: `sample ${list.length + 1}`, language, code: prompt + String(value.completion) });
    samples.set(id, list);
  }
  for (const [id, list] of samples) byId.get(id)!.solutions = list;
  return problems;
}


/** One file as read from disk or dropped in the browser: a task file (.json) or a dataset (.jsonl). */
export function parseSource(file: string, text: string): Dataset {
  if (/\.jsonl$/i.test(file)) return parseDataset(file, text);
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
