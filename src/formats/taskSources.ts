// The one way task files and datasets are read, for the task list's import, the editor's import
// and the command line: each file's size is checked before it is read, then it is parsed as a
// task file (.json), a dataset (.jsonl) or a prompt with model answers (.md), and samples files put their completions in place of the
// canonical solutions or next to them. No I/O of its own: callers hand over files with a way to read them.
import type { Task } from '../domain/task.js';
import { applySamples, isSamplesFile, parseSource, type SamplesMode } from './datasets.js';
import { MAX_FILE_BYTES } from './jsonText.js';
import { fileTooLarge, type Problem } from './taskFile.js';

/** A file as picked, dropped or named on the command line: its name, its size and how to read it. */
export type SourceFile = { name: string; size: number; text(): Promise<string> };
/** A file that has been read. */
export type Source = { name: string; text: string };

export type TaskSources = {
  tasks: Task[];
  problems: Problem[];
  /** The task file (.json) each task came from; dataset rows are not named after a file. */
  fileOf: Map<Task, string>;
};

/** Why a file could not be read, from the error its reader threw (Node's errors carry a code). */
export function readProblem(file: string, e: unknown): Problem {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return { file, message: { key: 'file.notFound', params: { file } } };
  return { file, message: { key: 'file.unreadable', params: { file, detail: typeof code === 'string' ? code : String(e) } } };
}

/** Reads one file unless it is over the size limit; a file that cannot be read is a problem, not a throw. */
export async function readSource(file: SourceFile): Promise<{ source: Source } | { problem: Problem }> {
  if (file.size > MAX_FILE_BYTES) return { problem: fileTooLarge(file.name, file.size) };
  try {
    return { source: { name: file.name, text: await file.text() } };
  } catch (e) {
    return { problem: readProblem(file.name, e) };
  }
}

/** Parses read files into tasks, then applies the samples files to those tasks (see SamplesMode). */
export function parseSources(sources: readonly Source[], samples: readonly Source[] = [], mode: SamplesMode = 'replace'): TaskSources {
  const out: TaskSources = { tasks: [], problems: [], fileOf: new Map() };
  for (const s of sources) {
    const { tasks, problems } = parseSource(s.name, s.text);
    out.tasks.push(...tasks);
    out.problems.push(...problems);
    if (!/\.jsonl$/i.test(s.name)) for (const t of tasks) out.fileOf.set(t, s.name);
  }
  for (const s of samples) out.problems.push(...applySamples(s.name, s.text, out.tasks, mode));
  return out;
}

/** The same task id twice in what is read together: `where` names the files. */
export function duplicateTasks(tasks: readonly Task[], where: string): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const t of tasks) {
    if (seen.has(t.id)) problems.push({ file: where, message: { key: 'file.duplicateTask', params: { file: where, id: t.id } } });
    seen.add(t.id);
  }
  return problems;
}

/**
 * Files picked or dropped in the browser: only .json, .jsonl and .md (answers), samples files recognised by their
 * first row and applied to the other files' tasks. A choice with no task in it is a problem too.
 */
export async function importTaskFiles(files: readonly SourceFile[], mode: SamplesMode = 'replace'): Promise<TaskSources> {
  const problems: Problem[] = [];
  const read: Source[] = [];
  for (const file of files) {
    if (file.size <= MAX_FILE_BYTES && !/\.(jsonl?|md|markdown)$/i.test(file.name)) {
      problems.push({ file: file.name, message: { key: 'file.unsupported', params: { file: file.name } } });
      continue;
    }
    const r = await readSource(file);
    if ('problem' in r) problems.push(r.problem);
    else read.push(r.source);
  }
  const samples = read.filter((s) => isSamplesFile(s.name, s.text));
  const parsed = parseSources(
    read.filter((s) => !samples.includes(s)),
    samples,
    mode,
  );
  parsed.problems.unshift(...problems);
  if (!parsed.tasks.length && !parsed.problems.length)
    parsed.problems.push({ file: '', message: { key: 'file.noTasks', params: { file: files.map((f) => f.name).join(', ') } } });
  return parsed;
}
