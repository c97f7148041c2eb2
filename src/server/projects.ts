// Projects: created from the same task files and datasets the SPA imports (all or nothing, with
// every problem's file, line and field), with guidelines (versioned), rubric, overlap, gold share,
// time limit and lease. A task's gold answer is stored apart from what trainers are sent.
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import { withProjectDimensions } from '../domain/dimensions.js';
import type { Criterion, Task, TaskDimension } from '../domain/task.js';
import { applySamples, parseSource } from '../formats/datasets.js';
import type { Problem } from '../formats/taskFile.js';
import type { DB } from '../db/schema.js';
import { ApiError } from './errors.js';

export type SourceFile = { name: string; text: string };
export type Guidelines = { en: string; 'es-CL': string };
export type ProjectSettings = {
  name: string;
  overlap?: number;
  goldShare?: number;
  timeLimitMinutes?: number | null;
  leaseMinutes?: number;
  rubric?: Criterion[] | null;
  dimensions?: TaskDimension[] | null;
  guidelines?: Guidelines;
  reviewRate?: number;
  minActiveSeconds?: number;
  goldMinTasks?: number;
  goldThreshold?: number | null;
};
/** Problems listed one by one in an answer; a file with more says how many were left out. */
const MAX_PROBLEMS = 100;

/** Reads every file (and a samples file) into tasks; any problem refuses the whole import. */
export function readSources(files: readonly SourceFile[], samples?: SourceFile, existing: ReadonlySet<string> = new Set()): Task[] {
  const tasks: Task[] = [];
  const problems: Problem[] = [];
  for (const f of files) {
    const r = parseSource(f.name, f.text);
    tasks.push(...r.tasks);
    problems.push(...r.problems);
  }
  const seen = new Set(existing);
  for (const t of tasks) {
    if (seen.has(t.id)) problems.push({ file: files.map((f) => f.name).join(' '), message: { key: 'file.duplicateTask', params: { file: files.map((f) => f.name).join(' '), id: t.id } } });
    seen.add(t.id);
  }
  if (samples) problems.push(...applySamples(samples.name, samples.text, tasks));
  if (!problems.length && !tasks.length) problems.push({ file: files.map((f) => f.name).join(' '), message: { key: 'file.noTasks', params: { file: files.map((f) => f.name).join(' ') } } });
  if (problems.length) throw new ApiError(400, 'importFailed', { count: problems.length }, undefined, problems.slice(0, MAX_PROBLEMS));
  return tasks;
}

async function insertTasks(trx: Transaction<DB>, projectId: string, tasks: readonly Task[]): Promise<void> {
  const start = (await trx.selectFrom('tasks').select(sql<number>`coalesce(max(seq), 0)::int`.as('n')).where('project_id', '=', projectId).executeTakeFirstOrThrow()).n;
  const rows = tasks.map((task, i) => {
    const { gold, ...body } = task;
    return { project_id: projectId, id: task.id, seq: start + i + 1, body: JSON.stringify(body), gold: gold ? JSON.stringify(gold) : null, is_gold: Boolean(gold) };
  });
  for (let i = 0; i < rows.length; i += 200) await trx.insertInto('tasks').values(rows.slice(i, i + 200)).execute();
}

export async function createProject(db: Kysely<DB>, settings: ProjectSettings, tasks: readonly Task[], createdBy: string | null): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('projects')
      .values({
        name: settings.name,
        overlap: settings.overlap ?? 1,
        gold_share: settings.goldShare ?? 0,
        time_limit_minutes: settings.timeLimitMinutes ?? null,
        lease_minutes: settings.leaseMinutes ?? 24 * 60,
        rubric: settings.rubric ? JSON.stringify(settings.rubric) : null,
        dimensions: settings.dimensions ? JSON.stringify(settings.dimensions) : null,
        ...(settings.reviewRate !== undefined ? { review_rate: settings.reviewRate } : {}),
        ...(settings.minActiveSeconds !== undefined ? { min_active_seconds: settings.minActiveSeconds } : {}),
        ...(settings.goldMinTasks !== undefined ? { gold_min_tasks: settings.goldMinTasks } : {}),
        gold_threshold: settings.goldThreshold ?? null,
        created_by: createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('guidelines')
      .values({ project_id: id, version: 1, text_en: settings.guidelines?.en ?? '', text_es_cl: settings.guidelines?.['es-CL'] ?? '', created_by: createdBy })
      .execute();
    await insertTasks(trx, id, tasks);
    return id;
  });
}

/** Adds tasks to a project; an id the project already has is a problem like any other. */
export async function addTasks(db: Kysely<DB>, projectId: string, files: readonly SourceFile[], samples?: SourceFile): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // One import at a time per project, so two cannot both take the same ids and order numbers.
    await trx.selectFrom('projects').select('id').where('id', '=', projectId).forUpdate().execute();
    const existing = new Set((await trx.selectFrom('tasks').select('id').where('project_id', '=', projectId).execute()).map((r) => r.id));
    const tasks = readSources(files, samples, existing);
    await insertTasks(trx, projectId, tasks);
    return tasks.length;
  });
}

export async function currentGuidelines(db: Kysely<DB>, projectId: string): Promise<{ version: number; en: string; 'es-CL': string }> {
  const g = await db.selectFrom('guidelines').selectAll().where('project_id', '=', projectId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return { version: g?.version ?? 0, en: g?.text_en ?? '', 'es-CL': g?.text_es_cl ?? '' };
}

/** A new version of the guidelines; judgements keep the version they were made under. */
export async function setGuidelines(db: Kysely<DB>, projectId: string, text: Guidelines, by: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('projects').select('id').where('id', '=', projectId).forUpdate().execute();
    const { n } = await trx.selectFrom('guidelines').select(sql<number>`coalesce(max(version), 0)::int`.as('n')).where('project_id', '=', projectId).executeTakeFirstOrThrow();
    await trx.insertInto('guidelines').values({ project_id: projectId, version: n + 1, text_en: text.en, text_es_cl: text['es-CL'], created_by: by }).execute();
    return n + 1;
  });
}

/** The project settings that change how its tasks are judged. */
export type Judging = { rubric: unknown; dimensions: unknown };

/**
 * The task as a trainer receives it (and as leads and exports read it): no gold answer, the
 * project's rubric when it has one and the task has none, and the project's dimensions unless the
 * task has its own (withProjectDimensions has the precedence).
 */
export function taskForTrainer(body: unknown, project: Judging): Task {
  const task = body as Task;
  const rubric = project.rubric && !task.rubric ? { ...task, rubric: project.rubric as Criterion[] } : task;
  return withProjectDimensions(rubric, project.dimensions as TaskDimension[] | null);
}
