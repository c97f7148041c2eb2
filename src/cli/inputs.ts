// Finding and reading the task files and datasets named on the command line.
import fs from 'node:fs';
import path from 'node:path';
import type { Task } from '../domain/task.js';
import { applySamples, parseSource } from '../formats/datasets.js';
import { MAX_FILE_BYTES } from '../formats/jsonText.js';
import type { Problem } from '../formats/taskFile.js';

/** `files`: the task file each task came from (task files only; dataset rows are not named after a file). */
export type Inputs = { tasks: Task[]; problems: Problem[]; files: Map<Task, string> };

export function readInputs(paths: readonly string[], samplesFile?: string): Inputs {
  const out: Inputs = { tasks: [], problems: [], files: new Map() };
  for (const p of paths) {
    const files = listFiles(p, out.problems);
    for (const file of files) readFile(file, out);
  }
  const seen = new Set<string>();
  for (const t of out.tasks) {
    if (seen.has(t.id)) out.problems.push({ file: paths.join(' '), message: { key: 'file.duplicateTask', params: { file: paths.join(' '), id: t.id } } });
    seen.add(t.id);
  }
  if (samplesFile !== undefined) {
    const text = readText(samplesFile, out.problems);
    if (text !== undefined) out.problems.push(...applySamples(samplesFile, text, out.tasks));
  }
  return out;
}

function listFiles(p: string, problems: Problem[]): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    problems.push({ file: p, message: { key: 'file.notFound', params: { file: p } } });
    return [];
  }
  if (!stat.isDirectory()) return [p];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.jsonl?$/i.test(entry.name)) found.push(full);
    }
  };
  walk(p);
  if (!found.length) problems.push({ file: p, message: { key: 'file.noTasks', params: { file: p } } });
  return found;
}

function readText(file: string, problems: Problem[]): string | undefined {
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_FILE_BYTES) {
      problems.push({ file, message: { key: 'file.tooLarge', params: { file, size: (size / 2 ** 20).toFixed(1), max: MAX_FILE_BYTES / 2 ** 20 } } });
      return undefined;
    }
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    problems.push({ file, message: code === 'ENOENT' ? { key: 'file.notFound', params: { file } } : { key: 'file.unreadable', params: { file, detail: String(code ?? e) } } });
    return undefined;
  }
}

function readFile(file: string, out: Inputs): void {
  const text = readText(file, out.problems);
  if (text === undefined) return;
  const { tasks, problems } = parseSource(file, text);
  out.tasks.push(...tasks);
  out.problems.push(...problems);
  if (!/\.jsonl$/i.test(file)) for (const t of tasks) out.files.set(t, file);
}
