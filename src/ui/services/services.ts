// What the screens share: the runtimes, the task catalog and the database, created once per page
// and handed down through React context. Opening a task makes a TaskSession wired to an autosaver.
import { createContext, useContext } from 'react';
import { newEvaluation, type Evaluation } from '../../domain/evaluation.js';
import type { Locale } from '../../domain/task.js';
import { openDatabase, type StorageProblem, type VeredictoDB } from '../../storage/database.js';
import { listEvaluations, loadEvaluation, saveEvaluation } from '../../storage/evaluations.js';
import { listImportedTasks } from '../../storage/importedTasks.js';
import { loadPracticeEvaluation, savePracticeEvaluation } from '../../storage/practice.js';
import { Autosaver } from '../../storage/autosave.js';
import { Catalog } from './catalog.js';
import { download } from '../download.js';
import { Runtimes } from './runtimes.js';
import { TaskSession } from './taskSession.js';

export type Services = {
  runtimes: Runtimes;
  catalog: Catalog;
  /** Resolves to undefined when IndexedDB cannot be opened: work then stays in this tab only. */
  db: Promise<VeredictoDB | undefined>;
  storageProblems: StorageProblem[];
  /** Open tasks: flushed before an export, and their unsaved work included in it (full disk). */
  open: Set<OpenedSession>;
};

export function createServices(): Services {
  const runtimes = new Runtimes();
  const catalog = new Catalog();
  const storageProblems: StorageProblem[] = [];
  const db = openDatabase().then(
    async (db) => {
      const [tasks, evaluations] = await Promise.all([listImportedTasks(db), listEvaluations(db)]);
      storageProblems.push(...tasks.problems, ...evaluations.problems);
      catalog.addEntries(tasks.value.map((r) => ({ task: r.task, origin: r.origin, ...(r.fileName ? { fileName: r.fileName } : {}) })));
      catalog.setStatuses(Object.fromEntries(evaluations.value.map((e) => [e.taskId, e.status])));
      return db;
    },
    (e: unknown) => {
      console.error('Veredicto: IndexedDB unavailable', e);
      return undefined;
    },
  );
  return { runtimes, catalog, db, storageProblems, open: new Set() };
}

/** Where a task's evaluation lives: the training data, or practice (kept apart, never exported). */
export type Mode = 'work' | 'practice';

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
};

/** Loads (or starts) the evaluation of a task and wires every change to the autosaver. */
export async function openSession(services: Services, taskId: string, locale: Locale, mode: Mode = 'work'): Promise<OpenedSession | undefined> {
  const entry = services.catalog.find(taskId);
  if (!entry) return undefined;
  const db = await services.db;
  const load = mode === 'work' ? loadEvaluation : loadPracticeEvaluation;
  const save = mode === 'work' ? saveEvaluation : savePracticeEvaluation;
  const loaded = db ? await load(db, taskId) : { value: undefined, problems: [], seq: 0 };
  const evaluation = loaded.value ?? newEvaluation(taskId, locale, new Date().toISOString());
  // The save this tab last read or wrote: a save by another tab in between is detected, not lost.
  let seq = loaded.seq;
  const saver = new Autosaver<Evaluation>({
    save: async (e) => {
      if (!db) throw new Error('IndexedDB is not available in this browser');
      seq = (await save(db, e, seq)).seq;
      if (mode === 'work') services.catalog.setStatuses({ [e.taskId]: e.status });
    },
  });
  const session = new TaskSession(entry.task, evaluation, () => services.runtimes.sandbox, {
    schedule: (e) => saver.schedule(e),
    flush: async () => void (await saver.flush()),
  });
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
    await saver.flush();
  };
  return { mode, session, saver, problems: loaded.problems, resolveStale };
}

export const ServicesContext = createContext<Services | undefined>(undefined);

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('ServicesContext missing');
  return s;
}
