// Task files imported in the editor become drafts, each also saved to the workbench: read through
// the one import pipeline (formats/taskSources.ts), then every id already taken is resolved by the
// author (rename, replace or skip; domain/taskIds.ts) before anything is written, all or nothing.
import { formFromTask, newDraft, type Draft } from '../../domain/draft.js';
import type { Task } from '../../domain/task.js';
import { findConflicts, type Holder, type IdConflict, type PlannedTask } from '../../domain/taskIds.js';
import { validateForm } from '../../formats/taskDraft.js';
import type { Problem } from '../../formats/taskFile.js';
import { importTaskFiles } from '../../formats/taskSources.js';
import { draftStore, newDraftId, takenIds } from './draftStore.js';
import type { Services } from './services.js';
import { publishTasks } from './workbenchTasks.js';

export type DraftImport =
  /** The files themselves have problems: nothing is written. */
  | { kind: 'problems'; problems: Problem[] }
  /** Ids already in use: the author resolves each before anything is written (then importAsDrafts). */
  | { kind: 'conflicts'; tasks: Task[]; conflicts: IdConflict[]; taken: Map<string, Holder[]> }
  | { kind: 'done'; written: number; skipped: number };

/** Reads the files; with no problem and no id conflict, writes them at once. */
export async function startDraftImport(services: Services, files: readonly File[]): Promise<DraftImport> {
  const { tasks, problems } = await importTaskFiles(files);
  if (problems.length) return { kind: 'problems', problems };
  const { drafts } = await draftStore(services).list();
  const taken = takenIds(services, drafts);
  const conflicts = findConflicts(tasks.map((x) => x.id), taken);
  if (conflicts.length) return { kind: 'conflicts', tasks, conflicts, taken };
  return { kind: 'done', ...(await importAsDrafts(services, tasks, tasks.map((x, index) => ({ index, id: x.id, replace: false })))) };
}

/**
 * Writes the planned tasks as drafts (a replaced task's draft is updated in place) stamped as
 * saved to the workbench, then saves them there. Throws when storage refuses.
 */
export async function importAsDrafts(services: Services, tasks: readonly Task[], plan: readonly PlannedTask[]): Promise<{ written: number; skipped: number }> {
  const store = draftStore(services);
  const { drafts: current } = await store.list();
  const now = new Date().toISOString();
  const written: Draft[] = [];
  const published: Task[] = [];
  for (const step of plan) {
    const task = { ...tasks[step.index]!, id: step.id };
    const form = formFromTask(task);
    const fingerprint = validateForm(form).fingerprint;
    const mark = { published: { taskId: task.id, at: now, fingerprint } };
    const replaced = step.replace ? current.find((d) => d.form.id.trim() === task.id) : undefined;
    written.push(replaced ? { ...replaced, form, updatedAt: now, ...mark } : { ...newDraft(newDraftId(), form, now), ...mark });
    published.push(task);
  }
  await store.saveMany(written);
  await publishTasks(services, published);
  return { written: plan.length, skipped: tasks.length - plan.length };
}
