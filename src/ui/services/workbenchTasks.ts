// Tasks in the workbench that are not bundled: imported from files (the task list) or saved from
// the editor (origin 'authored'), kept in storage and added to the catalog at once so the task
// list and practice show them; and taking one out again.
import type { Task } from '../../domain/task.js';
import type { Problem } from '../../formats/taskFile.js';
import { deleteImportedTask, saveImportedTasks } from '../../storage/importedTasks.js';
import type { SamplesMode } from '../../formats/datasets.js';
import { readImport } from './catalog.js';
import { draftStore } from './draftStore.js';
import type { Services } from './services.js';

/**
 * Imports picked or dropped files into the workbench, all or nothing (see readImport). Resolves to
 * the ids imported, to every problem found in the files, or to the error storage refused the write with.
 */
export async function importTasks(services: Services, files: readonly File[], samples: SamplesMode = 'replace'): Promise<{ ids: string[] } | { problems: Problem[] } | { notSaved: unknown; fileName: string }> {
  const result = await readImport(files, services.catalog.reservedIds(), samples);
  if (result.problems.length) return { problems: result.problems };
  const importedAt = new Date().toISOString();
  const fileName = files.map((f) => f.name).join(', ');
  const records = result.tasks.map((task) => ({ task, origin: 'imported' as const, fileName, importedAt }));
  const db = await services.db;
  try {
    if (db) await saveImportedTasks(db, records);
  } catch (e) {
    return { notSaved: e, fileName };
  }
  services.catalog.addEntries(records.map((r) => ({ task: r.task, origin: r.origin, fileName })));
  return { ids: result.tasks.map((x) => x.id) };
}

/** Saves valid tasks to the workbench (all or nothing) and lists them at once. */
export async function publishTasks(services: Services, tasks: readonly Task[]): Promise<void> {
  const importedAt = new Date().toISOString();
  const records = tasks.map((task) => ({ task, origin: 'authored' as const, importedAt }));
  const db = await services.db;
  if (db) await saveImportedTasks(db, records);
  services.catalog.addEntries(records.map((r) => ({ task: r.task, origin: r.origin })));
}

/**
 * Takes an imported or authored task out of the workbench (its evaluation, if any, is kept). Drafts
 * it was published from go back to being drafts only, unless the caller is the draft itself
 * (saving under a new id), which stamps its own new state.
 */
export async function removeTask(services: Services, taskId: string, { fromDraft = false } = {}): Promise<void> {
  const db = await services.db;
  if (db) await deleteImportedTask(db, taskId);
  services.catalog.removeEntry(taskId);
  if (fromDraft) return;
  const store = draftStore(services);
  const { drafts } = await store.list();
  const unpublished = drafts.filter((d) => d.published?.taskId === taskId).map(({ published: _, ...d }) => d);
  if (unpublished.length) await store.saveMany(unpublished);
}
