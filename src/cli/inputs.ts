// Finding the task files and datasets named on the command line (files, or folders walked for
// .json and .jsonl) and reading them through the same pipeline as the browser's imports.
import fs from 'node:fs';
import path from 'node:path';
import type { Task } from '../domain/task.js';
import type { SamplesMode } from '../formats/datasets.js';
import type { Problem } from '../formats/taskFile.js';
import { duplicateTasks, parseSources, readProblem, readSource, type Source, type SourceFile } from '../formats/taskSources.js';

/** `files`: the task file each task came from (task files only; dataset rows are not named after a file). */
export type Inputs = { tasks: Task[]; problems: Problem[]; files: Map<Task, string> };

export async function readInputs(paths: readonly string[], samplesFile?: string, mode: SamplesMode = 'replace'): Promise<Inputs> {
  const problems: Problem[] = [];
  const sources: Source[] = [];
  for (const p of paths) for (const file of listFiles(p, problems)) await read(file, sources, problems);
  const samples: Source[] = [];
  if (samplesFile !== undefined) await read(samplesFile, samples, problems);
  const parsed = parseSources(sources, samples, mode);
  return { tasks: parsed.tasks, problems: [...problems, ...parsed.problems, ...duplicateTasks(parsed.tasks, paths.join(' '))], files: parsed.fileOf };
}

async function read(file: string, into: Source[], problems: Problem[]): Promise<void> {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (e) {
    problems.push(readProblem(file, e));
    return;
  }
  const source: SourceFile = { name: file, size, text: () => fs.promises.readFile(file, 'utf8') };
  const r = await readSource(source);
  if ('problem' in r) problems.push(r.problem);
  else into.push(r.source);
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
