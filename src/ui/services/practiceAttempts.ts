// The learner's practice record: one attempt per submitted practice task (agreement with the gold
// answer, rubric distance, bugs found), kept in its own store and never exported.
import type { Evaluation } from '../../domain/evaluation.js';
import { practiceReport } from '../../domain/practice.js';
import { attemptFromReport, type PracticeAttempt } from '../../domain/progress.js';
import type { DraftBase } from '../../domain/draft.js';
import type { Task } from '../../domain/task.js';
import { listAttempts, saveAttempt } from '../../storage/practice.js';
import type { Services } from './services.js';

/** Every attempt so far; none without storage. */
export async function practiceAttempts(services: Services): Promise<PracticeAttempt[]> {
  const db = await services.db;
  return db ? (await listAttempts(db)).value : [];
}

/**
 * Whether the editor must keep a draft's gold answer out of sight: the draft copies a task with a
 * gold answer that the trainer did not write (bundled or imported) and has not yet submitted in
 * practice. Practice never shows the gold answer before the submit, through the editor neither.
 */
export async function goldHiddenFor(services: Services, base: DraftBase | undefined): Promise<boolean> {
  if (!base || base.origin === 'authored') return false;
  if (!services.catalog.find(base.taskId)?.task.gold) return false;
  return !(await practiceAttempts(services)).some((a) => a.taskId === base.taskId);
}

/** Records a submitted practice evaluation against the task's gold answer (a task without one records nothing). */
export async function recordAttempt(services: Services, task: Task, evaluation: Evaluation, criteria: readonly string[], at: string): Promise<void> {
  const report = practiceReport(task, evaluation, criteria);
  if (!report) return;
  const db = await services.db;
  if (db) await saveAttempt(db, attemptFromReport(task, report, at));
}
