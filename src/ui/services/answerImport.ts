// A task made from pasted answers (formats/answerTask.ts builds it): its reference solution checked
// against every test in the sandboxes, then the task kept like an imported one and listed at once.
import { checkFindings, checkReferences, type CheckFinding } from '../../domain/readiness.js';
import { referenceSolutions, type Task } from '../../domain/task.js';
import { saveImportedTasks } from '../../storage/importedTasks.js';
import type { Services } from './services.js';

/** What is wrong with the task's reference solution (nothing: it passes every test, twice alike). */
export async function checkAnswerReference(services: Services, task: Task): Promise<CheckFinding[]> {
  const refs = referenceSolutions(task);
  if (!refs.length) return [];
  const runs = await checkReferences(refs, (ref) => services.runtimes.sandbox.evaluate(task, ref));
  return checkFindings(runs);
}

/** Saves the task (replacing one made from the same answers) and adds it to the list. */
export async function saveAnswerTask(services: Services, task: Task): Promise<void> {
  const record = { task, origin: 'imported' as const, importedAt: new Date().toISOString() };
  const db = await services.db;
  if (db) await saveImportedTasks(db, [record]);
  services.catalog.addEntries([{ task, origin: 'imported' }]);
}
