// The task list's data: the bundled tasks (tasks/*.json, validated on load like any other file)
// plus the tasks the user imported, with each task's evaluation status. Importing is all or
// nothing: a file with any problem saves nothing and every problem is reported.
import type { EvaluationStatus } from '../../domain/evaluation.js';
import type { Task, TaskOrigin } from '../../domain/task.js';
import { applySamples, isSamplesFile, parseSource } from '../../formats/datasets.js';
import { MAX_FILE_BYTES } from '../../formats/jsonText.js';
import type { Problem } from '../../formats/taskFile.js';

export type CatalogEntry = { task: Task; origin: TaskOrigin; fileName?: string };
export type CatalogState = {
  entries: CatalogEntry[];
  /** Problems in the bundled files themselves: shown, never fatal. */
  bundledProblems: Problem[];
  statuses: Record<string, EvaluationStatus>;
};

const BUNDLED = import.meta.glob('../../../tasks/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export function bundledTasks(): { entries: CatalogEntry[]; problems: Problem[] } {
  const entries: CatalogEntry[] = [];
  const problems: Problem[] = [];
  for (const [path, text] of Object.entries(BUNDLED)) {
    const fileName = path.slice(path.lastIndexOf('/') + 1);
    const r = parseSource(fileName, text);
    entries.push(...r.tasks.map((task) => ({ task, origin: 'bundled' as const, fileName })));
    problems.push(...r.problems);
  }
  return { entries, problems };
}

export type ImportResult = { tasks: Task[]; problems: Problem[] };

/**
 * Reads dropped or picked files: task files (.json), datasets (.jsonl) and samples files (.jsonl of
 * `{task_id, completion}`, applied to the other files' tasks). `existing` are the ids already in
 * the catalog that an import may not replace (the bundled ones).
 */
export async function readImport(files: readonly File[], reserved: ReadonlySet<string>): Promise<ImportResult> {
  const problems: Problem[] = [];
  const sources: { name: string; text: string }[] = [];
  for (const file of files) {
    if (file.size > MAX_FILE_BYTES) {
      const size = (file.size / 2 ** 20).toFixed(1);
      problems.push({ file: file.name, message: { key: 'file.tooLarge', params: { file: file.name, size, max: MAX_FILE_BYTES / 2 ** 20 } } });
      continue;
    }
    if (!/\.jsonl?$/i.test(file.name)) {
      problems.push({ file: file.name, message: { key: 'file.unsupported', params: { file: file.name } } });
      continue;
    }
    try {
      sources.push({ name: file.name, text: await file.text() });
    } catch (e) {
      problems.push({ file: file.name, message: { key: 'file.unreadable', params: { file: file.name, detail: String(e) } } });
    }
  }
  const tasks: Task[] = [];
  const samples = sources.filter((s) => isSamplesFile(s.name, s.text));
  for (const s of sources) {
    if (samples.includes(s)) continue;
    const r = parseSource(s.name, s.text);
    tasks.push(...r.tasks);
    problems.push(...r.problems);
  }
  for (const s of samples) problems.push(...applySamples(s.name, s.text, tasks));
  const seen = new Set<string>();
  for (const t of tasks) {
    const where = files.map((f) => f.name).join(', ');
    if (seen.has(t.id)) problems.push({ file: where, message: { key: 'file.duplicateTask', params: { file: where, id: t.id } } });
    else if (reserved.has(t.id)) problems.push({ file: where, message: { key: 'file.bundledId', params: { id: t.id } } });
    seen.add(t.id);
  }
  if (!tasks.length && !problems.length) problems.push({ file: '', message: { key: 'file.noTasks', params: { file: files.map((f) => f.name).join(', ') } } });
  return problems.length ? { tasks: [], problems } : { tasks, problems };
}

/** Catalog entries in list order: bundled first by title, then imported by title. */
export function sortEntries(entries: CatalogEntry[], title: (t: Task) => string): CatalogEntry[] {
  const rank = (o: TaskOrigin) => (o === 'bundled' ? 0 : 1);
  return [...entries].sort((a, b) => rank(a.origin) - rank(b.origin) || title(a.task).localeCompare(title(b.task)));
}


/** The catalog as the screens observe it; imported tasks and statuses come from the database. */
export class Catalog {
  private state: CatalogState;
  private readonly listeners = new Set<() => void>();

  constructor() {
    const bundled = bundledTasks();
    this.state = { entries: bundled.entries, bundledProblems: bundled.problems, statuses: {} };
  }

  get snapshot(): CatalogState {
    return this.state;
  }

  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => void this.listeners.delete(l);
  };

  find(taskId: string): CatalogEntry | undefined {
    return this.state.entries.find((e) => e.task.id === taskId);
  }

  reservedIds(): Set<string> {
    return new Set(this.state.entries.filter((e) => e.origin === 'bundled').map((e) => e.task.id));
  }

  /** Adds or replaces non-bundled entries (an imported task imported again replaces the old one). */
  addEntries(added: CatalogEntry[]): void {
    const ids = new Set(added.map((e) => e.task.id));
    this.set({ entries: [...this.state.entries.filter((e) => !ids.has(e.task.id)), ...added] });
  }

  /** Takes an imported or authored task off the list (bundled ones ship with the app and stay). */
  removeEntry(taskId: string): void {
    this.set({ entries: this.state.entries.filter((e) => e.origin === 'bundled' || e.task.id !== taskId) });
  }

  setStatuses(statuses: Record<string, EvaluationStatus>): void {
    this.set({ statuses: { ...this.state.statuses, ...statuses } });
  }

  private set(patch: Partial<CatalogState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }
}
