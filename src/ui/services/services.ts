// What the screens share: the runtimes, the task catalog and the database, created once per page
// and handed down through React context (opening a task is openSession.ts).
// src/ui/services/ is the UI's only way to storage and the sandbox: components and screens call
// these modules (test/architecture.test.ts holds the line), never src/storage or src/sandbox.
import { createContext, useContext } from 'react';
import type { Evaluation } from '../../domain/evaluation.js';
import { openDatabase, type StorageProblem, type VeredictoDB } from '../../storage/database.js';
import { listEvaluations } from '../../storage/evaluations.js';
import { listImportedTasks } from '../../storage/importedTasks.js';
import { Catalog, loadBundledTasks } from './catalog.js';
import { Runtimes } from './runtimes.js';
import { Team } from './team.js';

export type Services = {
  runtimes: Runtimes;
  catalog: Catalog;
  /**
   * Resolves to undefined when IndexedDB cannot be opened: work then stays in this tab only. For
   * the modules in src/ui/services/ only; components and screens wait for `ready`.
   */
  db: Promise<VeredictoDB | undefined>;
  /** The bundled tasks are in the catalog: the page renders once they are. */
  bundled: Promise<void>;
  /** The bundled and stored tasks and evaluation statuses are in the catalog (or storage is unavailable). */
  ready: Promise<void>;
  storageProblems: StorageProblem[];
  /** Open tasks: flushed before an export, and their unsaved work included in it (full disk). */
  open: Set<OpenWork>;
  /** Team mode (a page `veredicto serve` served), or `local` for the workbench on its own. */
  team: Team;
};

export function createServices(): Services {
  const runtimes = new Runtimes();
  const catalog = new Catalog();
  const storageProblems: StorageProblem[] = [];
  const bundled = loadBundledTasks().then((b) => catalog.setBundled(b));
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
  const open = new Set<OpenWork>();
  const team = new Team(db, async () => void (await Promise.all([...open].map((o) => o.saver.flush()))));
  return { runtimes, catalog, db, bundled, ready: Promise.all([db, bundled]).then(() => undefined), storageProblems, open, team };
}

/** Whether this browser keeps what is saved (IndexedDB opened); false: work lasts as long as the tab. */
export async function hasStorage(services: Services): Promise<boolean> {
  return (await services.db) !== undefined;
}

/**
 * Where a task's evaluation lives: the training data, practice (kept apart, never exported), or a
 * team project's lease (kept apart from local work, uploaded through the outbox on submit).
 */
export type Mode = 'work' | 'practice' | 'team';

/** An open task's work as the exports see it (openSession.ts opens them). */
export type OpenWork = {
  mode: Mode;
  session: { readonly snapshot: { evaluation: Evaluation } };
  saver: { flush(): Promise<unknown> };
};

export const ServicesContext = createContext<Services | undefined>(undefined);

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('ServicesContext missing');
  return s;
}
