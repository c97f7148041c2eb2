// Opening a task: its evaluation loaded from storage (work, practice or a team lease) or started, a TaskSession
// wired to an autosaver, and what the task screen does with it (submit, another tab's save).
import { checkSubmit, type SubmitProblem } from '../../domain/guardrails.js';
import { evaluationSchema, newEvaluation, type Evaluation } from '../../domain/evaluation.js';
import type { Locale, Task } from '../../domain/task.js';
import { Autosaver } from '../../storage/autosave.js';
import { StorageError, type StorageProblem } from '../../storage/database.js';
import { loadEvaluation, saveEvaluation } from '../../storage/evaluations.js';
import { loadPracticeEvaluation, savePracticeEvaluation } from '../../storage/practice.js';
import { clearRescued, rescue, rescued } from '../../storage/rescue.js';
import { loadTeamEvaluation, saveTeamEvaluation, teamKey } from '../../storage/teamWork.js';
import type { VeredictoDB } from '../../storage/database.js';
import type { TeamRef } from './team.js';
import { download } from '../download.js';
import { recordAttempt } from './practiceAttempts.js';
import type { Mode, Services } from './services.js';
import { TaskSession } from './taskSession.js';

export type OpenedSession = {
  mode: Mode;
  session: TaskSession;
  saver: Autosaver<Evaluation>;
  problems: StorageProblem[];
  /**
   * After another tab saved the same evaluation (save state `stale`): keep this tab's version
   * (written over the other) or take the other tab's (this tab's is downloaded first, so the user
   * still has it).
   */
  resolveStale(choice: 'mine' | 'theirs'): Promise<void>;
  /**
   * Checks that the evaluation is complete (checkSubmit) and, when it is, submits it, saves it at
   * once and, in practice, records the attempt against the gold answer. Returns what is missing,
   * named and ordered as `shown` shows the solutions; `shownLabels` are the blind labels the
   * trainer judged under, kept with the submitted judgement.
   */
  submit(criteria: readonly string[], shown?: Pick<Task, 'solutions' | 'dimensions'>, shownLabels?: Record<string, string>): SubmitProblem[];
  /**
   * For a page that is going away: keeps what is not yet on disk where a closing page can still
   * write it (storage/rescue.ts), and says whether the work is safe. False: warn before leaving
   * (the last save failed, or nothing could be kept).
   */
  secure(): boolean;
  /** Stops its runs and saves what is pending; it then leaves `services.open`. */
  close(): void;
};

/** Loads (or starts) the evaluation of a task and wires every change to the autosaver. */
export async function openSession(services: Services, taskId: string, locale: Locale, mode: Mode = 'work', team?: TeamRef): Promise<OpenedSession | undefined> {
  // A team lease brings its own task, and its evaluation is kept apart from local work.
  const entry = team ? { task: team.task } : services.catalog.find(taskId);
  if (!entry) return undefined;
  const db = await services.db;
  const key = team ? teamKey(team.projectId, team.assignmentId) : taskId;
  const load = team ? (d: VeredictoDB) => loadTeamEvaluation(d, key) : mode === 'work' ? loadEvaluation : loadPracticeEvaluation;
  const save = team ? (d: VeredictoDB, e: Evaluation, seq?: number) => saveTeamEvaluation(d, key, e, seq) : mode === 'work' ? saveEvaluation : savePracticeEvaluation;
  const loaded = db ? await load(db, taskId) : { value: undefined, problems: [], seq: 0 };
  // What a page closed too soon to save (validated: it is read back from the browser's storage).
  const scope = `${mode}:${key}`;
  const left = evaluationSchema.safeParse(rescued(scope));
  const rescuedNewer = left.success && left.data.taskId === taskId && left.data.updatedAt > (loaded.value?.updatedAt ?? '') ? left.data : undefined;
  if (left.success && !rescuedNewer) clearRescued(scope);
  let mayHaveRescue = rescuedNewer !== undefined;
  const evaluation = rescuedNewer ?? loaded.value ?? newEvaluation(taskId, locale, new Date().toISOString());
  // The save this tab last read or wrote: a save by another tab in between is detected, not lost.
  let seq = loaded.seq;
  const saver = new Autosaver<Evaluation>({
    save: async (e) => {
      if (!db) throw new StorageError('unavailable', 'IndexedDB is not available in this browser');
      seq = (await save(db, e, seq)).seq;
      if (mode === 'work') services.catalog.setStatuses({ [e.taskId]: e.status });
      if (mayHaveRescue && e === session.snapshot.evaluation) {
        clearRescued(scope);
        mayHaveRescue = false;
      }
    },
  });
  const session = new TaskSession(entry.task, evaluation, () => services.runtimes.sandbox, {
    schedule: (e) => saver.schedule(e),
    flush: async () => void (await saver.flush()),
  });
  if (rescuedNewer) saver.schedule(rescuedNewer);
  const resolveStale = async (choice: 'mine' | 'theirs') => {
    if (!db) return;
    const current = await load(db, taskId);
    if (choice === 'theirs' && current.value) {
      download(`veredicto-${taskId}-this-tab.json`, JSON.stringify(session.snapshot.evaluation, null, 2), 'application/json');
      seq = current.seq;
      await saver.discard();
      session.replace(current.value);
      return;
    }
    seq = current.seq;
    saver.schedule(session.snapshot.evaluation);
    await saver.retry();
  };
  const submit = (criteria: readonly string[], shown: Pick<Task, 'solutions' | 'dimensions'> = entry.task, shownLabels?: Record<string, string>): SubmitProblem[] => {
    const problems = checkSubmit(shown, session.snapshot.evaluation, criteria);
    if (problems.length) return problems;
    session.dispatch(shownLabels ? { type: 'submit', shownLabels } : { type: 'submit' });
    const saved = saver.flush();
    // Into the outbox once saved here: the upload can then never lose what the trainer submitted.
    if (team) void saved.then(() => services.team.submitted(team.projectId, team.assignmentId, session.snapshot.evaluation, locale, team.guidelineVersion));
    if (mode === 'practice') void recordAttempt(services, entry.task, session.snapshot.evaluation, criteria, new Date().toISOString());
    return [];
  };
  const opened: OpenedSession = {
    mode,
    session,
    saver,
    problems: loaded.problems,
    resolveStale,
    submit,
    secure: () => {
      if (!saver.unsaved) return true;
      const kept = rescue(scope, session.snapshot.evaluation, new Date().toISOString());
      mayHaveRescue ||= kept;
      return kept && typeof saver.snapshot !== 'object';
    },
    close: () => {
      session.cancel();
      void saver.flush().then(() => services.open.delete(opened));
    },
  };
  services.open.add(opened);
  return opened;
}
