// The task list's data: the bundled tasks (tasks/*.json, one data file the app fetches at start,
// validated on load like any other file) plus the tasks the user imported, with each task's
// evaluation status. Importing is all or
// nothing: a file with any problem saves nothing and every problem is reported.
import type { EvaluationStatus } from '../../domain/evaluation.js';
import type { Task, TaskOrigin } from '../../domain/task.js';
import { parseSource, type SamplesMode } from '../../formats/datasets.js';
import type { Problem } from '../../formats/taskFile.js';
import { duplicateTasks, importTaskFiles, readProblem } from '../../formats/taskSources.js';
import loadBundledTexts from 'virtual:veredicto-bundled-tasks';
import { Store } from '../store.js';

export type CatalogEntry = { task: Task; origin: TaskOrigin; fileName?: string };
export type CatalogState = {
  entries: CatalogEntry[];
  /** Problems in the bundled files themselves: shown, never fatal. */
  bundledProblems: Problem[];
  statuses: Record<string, EvaluationStatus>;
};

export type BundledTasks = { entries: CatalogEntry[]; problems: Problem[] };

/** The bundled tasks, parsed; a file that cannot be fetched is a problem on the list, not a crash. */
export async function loadBundledTasks(): Promise<BundledTasks> {
  try {
    return bundledTasks(await loadBundledTexts());
  } catch (e) {
    return { entries: [], problems: [readProblem('tasks/', e)] };
  }
}

/** Parses bundled task files (file name → text). */
export function bundledTasks(texts: Record<string, string>): BundledTasks {
  const entries: CatalogEntry[] = [];
  const problems: Problem[] = [];
  for (const [fileName, text] of Object.entries(texts)) {
    const r = parseSource(fileName, text);
    entries.push(...r.tasks.map((task) => ({ task, origin: 'bundled' as const, fileName })));
    problems.push(...r.problems);
  }
  return { entries, problems };
}

export type ImportResult = { tasks: Task[]; problems: Problem[] };

/**
 * Reads dropped or picked files (importTaskFiles: task files, datasets, samples files). `reserved`
 * are the ids already in the catalog that an import may not replace (the bundled ones). All or
 * nothing: with any problem, no task.
 */
export async function readImport(files: readonly File[], reserved: ReadonlySet<string>, samples: SamplesMode = 'replace'): Promise<ImportResult> {
  const { tasks, problems } = await importTaskFiles(files, samples);
  const where = files.map((f) => f.name).join(', ');
  problems.push(...duplicateTasks(tasks, where));
  for (const id of new Set(tasks.map((t) => t.id))) if (reserved.has(id)) problems.push({ file: where, message: { key: 'file.bundledId', params: { id } } });
  return problems.length ? { tasks: [], problems } : { tasks, problems };
}

/**
 * Catalog entries in list order: bundled first by title, then imported by title, numbers inside a
 * title compared as numbers (HumanEval/2 before HumanEval/16), case and accents aside.
 */
export function sortEntries(entries: CatalogEntry[], title: (t: Task) => string, locale?: string): CatalogEntry[] {
  const rank = (o: TaskOrigin) => (o === 'bundled' ? 0 : 1);
  const { compare } = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  return [...entries].sort((a, b) => rank(a.origin) - rank(b.origin) || compare(title(a.task), title(b.task)) || compare(a.task.id, b.task.id));
}

/** The catalog as the screens observe it; imported tasks and statuses come from the database. */
export class Catalog extends Store<CatalogState> {
  constructor(bundled: BundledTasks = { entries: [], problems: [] }) {
    super({ entries: bundled.entries, bundledProblems: bundled.problems, statuses: {} });
  }

  /** Puts the bundled tasks in (they arrive after the catalog is made); imported ones stay. */
  setBundled(bundled: BundledTasks): void {
    this.set({ entries: [...bundled.entries, ...this.snapshot.entries.filter((e) => e.origin !== 'bundled')], bundledProblems: bundled.problems });
  }

  find(taskId: string): CatalogEntry | undefined {
    return this.snapshot.entries.find((e) => e.task.id === taskId);
  }

  reservedIds(): Set<string> {
    return new Set(this.snapshot.entries.filter((e) => e.origin === 'bundled').map((e) => e.task.id));
  }

  /** Adds or replaces non-bundled entries (an imported task imported again replaces the old one). */
  addEntries(added: CatalogEntry[]): void {
    const ids = new Set(added.map((e) => e.task.id));
    this.set({ entries: [...this.snapshot.entries.filter((e) => !ids.has(e.task.id)), ...added] });
  }

  /** Takes an imported or authored task off the list (bundled ones ship with the app and stay). */
  removeEntry(taskId: string): void {
    this.set({ entries: this.snapshot.entries.filter((e) => e.origin === 'bundled' || e.task.id !== taskId) });
  }

  setStatuses(statuses: Record<string, EvaluationStatus>): void {
    this.set({ statuses: { ...this.snapshot.statuses, ...statuses } });
  }
}
