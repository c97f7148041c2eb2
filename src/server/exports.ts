// A project's evaluations in the three formats the SPA exports (src/formats/evaluations.ts),
// streamed in pages of rows so a large project is never held in memory: one line per trainer and
// task (their latest submission that matches the filters), in task and trainer order; a submission
// a reviewer fixed and accepted is exported as fixed.
import { sql, type Kysely } from 'kysely';
import type { Dimension } from '../domain/dimensions.js';
import type { Evaluation } from '../domain/evaluation.js';
import { DEFAULT_CRITERIA } from '../domain/rubric.js';
import type { Locale, Task } from '../domain/task.js';
import { csvHeader, csvRows, toEvaluationsJsonl, toPreferencePairsJsonl } from '../formats/evaluations.js';
import { REVIEW_STATES, type DB, type Project, type ReviewState } from '../db/schema.js';
import { taskForTrainer } from './projects.js';

export const EXPORT_FORMATS = ['jsonl', 'pairs', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export { REVIEW_STATES };
export type ExportFilter = { status?: ReviewState; from?: Date; to?: Date };
const PAGE = 200;

export const EXPORT_TYPES: Record<ExportFormat, { type: string; extension: string }> = {
  jsonl: { type: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' },
  pairs: { type: 'application/x-ndjson; charset=utf-8', extension: 'pairs.jsonl' },
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
};

function filtered(db: Kysely<DB>, projectId: string, filter: ExportFilter) {
  let q = db.selectFrom('submissions as s').where('s.project_id', '=', projectId);
  if (filter.status) q = q.where('s.review_state', '=', filter.status);
  if (filter.from) q = q.where('s.received_at', '>=', filter.from);
  if (filter.to) q = q.where('s.received_at', '<', filter.to);
  return q;
}

/** The latest matching submission of each (task, trainer), a page at a time. */
async function* pages(db: Kysely<DB>, project: Project, filter: ExportFilter): AsyncGenerator<{ evaluations: Evaluation[]; evaluators: string[]; ratedOn: (Dimension[] | null)[]; tasks: Map<string, Task> }> {
  let after: { task: string; evaluator: string } | undefined;
  for (;;) {
    let q = filtered(db, project.id, filter)
      .distinctOn(['s.task_id', 's.evaluator_id'])
      .innerJoin('users as u', 'u.id', 's.evaluator_id')
      // A fix & accept exports the reviewer's revision (so its pairs come from the fixed ranking).
      .select(['s.task_id', 's.evaluator_id', 'u.email', 's.dimensions'])
      .select(
        sql<unknown>`coalesce((SELECT rv.evaluation FROM reviews v JOIN revisions rv ON rv.id = v.revision_id WHERE v.submission_id = s.id AND v.decision = 'fix-accept' ORDER BY v.created_at DESC LIMIT 1), s.evaluation)`.as('evaluation'),
      )
      .orderBy('s.task_id')
      .orderBy('s.evaluator_id')
      .orderBy('s.received_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(PAGE);
    if (after) q = q.where(sql<boolean>`(s.task_id, s.evaluator_id) > (${after.task}, ${after.evaluator}::uuid)`);
    const rows = await q.execute();
    if (!rows.length) return;
    const ids = [...new Set(rows.map((r) => r.task_id))];
    const tasks = await db.selectFrom('tasks').select(['id', 'body']).where('project_id', '=', project.id).where('id', 'in', ids).execute();
    yield {
      evaluations: rows.map((r) => r.evaluation as Evaluation),
      evaluators: rows.map((r) => r.email),
      // What each was rated on when it arrived, not the project's dimensions now (migration 7).
      ratedOn: rows.map((r) => r.dimensions as Dimension[] | null),
      tasks: new Map(tasks.map((t) => [t.id, taskForTrainer(t.body, project)])),
    };
    const last = rows.at(-1)!;
    after = { task: last.task_id, evaluator: last.evaluator_id };
    if (rows.length < PAGE) return;
  }
}

/** CSV columns for the whole export, known before the first row: the rubrics in use and every score given. */
async function criteriaOf(db: Kysely<DB>, project: Project, filter: ExportFilter): Promise<string[]> {
  const where = sql.join(
    [
      sql`s.project_id = ${project.id}`,
      ...(filter.status ? [sql`s.review_state = ${filter.status}`] : []),
      ...(filter.from ? [sql`s.received_at >= ${filter.from}`] : []),
      ...(filter.to ? [sql`s.received_at < ${filter.to}`] : []),
    ],
    sql` AND `,
  );
  const rubrics = await sql<{ rubric: unknown }>`
    SELECT DISTINCT t.body -> 'rubric' AS rubric FROM tasks t
    WHERE t.project_id = ${project.id} AND t.id IN (SELECT s.task_id FROM submissions s WHERE ${where})
  `.execute(db);
  const criteria = new Set<string>();
  for (const { rubric } of rubrics.rows) {
    const list = (rubric ?? project.rubric) as { id: string }[] | null;
    for (const id of list ? list.map((c) => c.id) : DEFAULT_CRITERIA) criteria.add(id);
  }
  const scored = await sql<{ k: string }>`
    SELECT DISTINCT k FROM submissions s, jsonb_each(s.evaluation -> 'judgement' -> 'scores') AS sc(solution, v), jsonb_object_keys(sc.v) AS k
    WHERE ${where} ORDER BY k
  `.execute(db);
  for (const { k } of scored.rows) criteria.add(k);
  return [...criteria];
}

export async function* exportProject(db: Kysely<DB>, project: Project, format: ExportFormat, filter: ExportFilter, locale: Locale): AsyncGenerator<string> {
  const criteria = format === 'csv' ? await criteriaOf(db, project, filter) : [];
  if (format === 'csv') yield `\uFEFF${csvHeader(criteria)}`;
  for await (const { evaluations, evaluators, ratedOn, tasks } of pages(db, project, filter)) {
    // Each line names its evaluator (format version 2): `veredicto agreement` reads the file as is.
    if (format === 'jsonl') yield toEvaluationsJsonl(evaluations, tasks, (_e, i) => evaluators[i], (_e, i) => ratedOn[i] ?? null);
    else if (format === 'pairs') yield toPreferencePairsJsonl(evaluations, tasks, locale);
    else yield csvRows(evaluations, tasks, locale, criteria);
  }
}
