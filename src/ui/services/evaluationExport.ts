// Downloads of the trainer's evaluations, shared by the header's data menu and the save warnings.
// What is open on screen wins over what is stored: with a full disk the latest work exists only in
// the tab. Each JSONL export is remembered, for the reminder about unexported work.
import type { Evaluation } from '../../domain/evaluation.js';
import type { Locale, Task } from '../../domain/task.js';
import { toCsv, toEvaluationsJsonl, toPreferencePairsJsonl } from '../../formats/evaluations.js';
import { listEvaluations } from '../../storage/evaluations.js';
import { SETTINGS, setSetting } from '../../storage/settings.js';
import { download } from '../download.js';
import type { Services } from './services.js';

export type ExportKind = 'jsonl' | 'pairs' | 'csv';

export async function allEvaluations(services: Services): Promise<{ evaluations: Evaluation[]; tasks: Map<string, Task> }> {
  await Promise.all([...services.open].map((o) => o.saver.flush()));
  const db = await services.db;
  const stored = db ? (await listEvaluations(db)).value : [];
  const byTask = new Map(stored.map((e) => [e.taskId, e]));
  for (const o of services.open) {
    const e = o.session.snapshot.evaluation;
    if (o.mode === 'work' && (byTask.has(e.taskId) || e.updatedAt !== e.createdAt)) byTask.set(e.taskId, e);
  }
  const tasks = new Map(services.catalog.snapshot.entries.map((e) => [e.task.id, e.task]));
  return { evaluations: [...byTask.values()].sort((a, b) => a.taskId.localeCompare(b.taskId)), tasks };
}

/** Downloads every evaluation in one shape; resolves to how many there were. */
export async function exportEvaluations(services: Services, kind: ExportKind, locale: Locale): Promise<number> {
  const { evaluations, tasks } = await allEvaluations(services);
  const stamp = new Date().toISOString().slice(0, 10);
  if (kind === 'jsonl') {
    download(`veredicto-evaluations-${stamp}.jsonl`, toEvaluationsJsonl(evaluations, tasks), 'application/x-ndjson');
    const db = await services.db;
    if (db) await setSetting(db, SETTINGS.lastExport, new Date().toISOString()).catch(() => undefined);
  } else if (kind === 'pairs') download(`veredicto-preference-pairs-${stamp}.jsonl`, toPreferencePairsJsonl(evaluations, tasks, locale), 'application/x-ndjson');
  else download(`veredicto-evaluations-${stamp}.csv`, toCsv(evaluations, tasks, locale), 'text/csv;charset=utf-8');
  return evaluations.length;
}
