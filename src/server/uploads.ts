// Submitted evaluations arriving from trainers' outboxes. Each carries a UUID the client made: the
// row is inserted with ON CONFLICT DO NOTHING, so a retried, doubled or interrupted upload stores it
// once, and every id gets its own answer (accepted now, already accepted, or refused and why).
// Each new submission queues its re-check in the same transaction, and keeps the dimensions its
// task is judged on as it arrives, so changing the project's dimensions later never relabels it.
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { dimensionsOf, withProjectDimensions } from '../domain/dimensions.js';
import type { Task, TaskDimension } from '../domain/task.js';
import type { Evaluation } from '../domain/evaluation.js';
import type { Insertable } from 'kysely';
import type { DB, SubmissionsTable } from '../db/schema.js';
import { retrying } from './assignment.js';
import { isUuid } from './access.js';
import type { Judging } from './projects.js';

export const MAX_BATCH = 100;

export type UploadItem = { id: string; assignmentId: string; evaluation: Evaluation; guidelineVersion?: number };
export type Ack =
  | { id: string; status: 'accepted' | 'duplicate' }
  /** notFound: no such lease of this trainer; notSubmitted: a draft; wrongTask: the lease is for another task; conflict: the id was used for something else. */
  | { id: string; status: 'rejected'; code: 'notFound' | 'notSubmitted' | 'wrongTask' | 'conflict' };

/**
 * `sampleRate`: the share of new submissions drawn for review, by the server (the client's id has
 * no say). `judging`: the project's rubric and dimensions now, to record what each was rated on.
 */
export async function upload(db: Kysely<DB>, projectId: string, userId: string, items: readonly UploadItem[], sampleRate = 0, judging: Judging = { rubric: null, dimensions: null }): Promise<Ack[]> {
  const acks = new Map<string, Ack>();
  const candidates: UploadItem[] = [];
  for (const item of items) {
    if (acks.has(item.id) || candidates.some((c) => c.id === item.id)) continue; // the same id twice in one batch
    if (item.evaluation.status !== 'submitted') acks.set(item.id, { id: item.id, status: 'rejected', code: 'notSubmitted' });
    else if (!isUuid(item.assignmentId)) acks.set(item.id, { id: item.id, status: 'rejected', code: 'notFound' });
    else candidates.push(item);
  }
  if (candidates.length)
    await retrying(db, async (trx) => {
      const leases = await trx
        .selectFrom('assignments as a')
        .innerJoin('tasks as t', (j) => j.onRef('t.project_id', '=', 'a.project_id').onRef('t.id', '=', 'a.task_id'))
        .select(['a.id', 'a.task_id', 'a.state'])
        // Only what decides the dimensions, not the whole task: a batch may hold 100 of them.
        .select(sql<TaskDimension[] | null>`t.body -> 'dimensions'`.as('own_dimensions'))
        .select(sql<boolean>`jsonb_path_exists(t.body, '$.solutions[*] ? (exists(@.answer))')`.as('from_answers'))
        .where('a.project_id', '=', projectId)
        .where('a.user_id', '=', userId)
        .where('a.id', 'in', [...new Set(candidates.map((c) => c.assignmentId))])
        .execute();
      const byId = new Map(leases.map((l) => [l.id, l]));
      const rows: Insertable<SubmissionsTable>[] = [];
      for (const c of candidates) {
        const lease = byId.get(c.assignmentId);
        if (!lease) acks.set(c.id, { id: c.id, status: 'rejected', code: 'notFound' });
        else if (lease.task_id !== c.evaluation.taskId) acks.set(c.id, { id: c.id, status: 'rejected', code: 'wrongTask' });
        else {
          const shape: Pick<Task, 'dimensions' | 'solutions'> = { solutions: lease.from_answers ? [{ id: '', label: '', language: 'python', code: '', answer: '' }] : [] };
          if (lease.own_dimensions) shape.dimensions = lease.own_dimensions;
          const dimensions = dimensionsOf(withProjectDimensions(shape, judging.dimensions as TaskDimension[] | null));
          rows.push({
            id: c.id,
            project_id: projectId,
            task_id: lease.task_id,
            assignment_id: lease.id,
            evaluator_id: userId,
            evaluation: JSON.stringify(c.evaluation),
            active_ms: c.evaluation.activeMs,
            submitted_at: c.evaluation.submittedAt ?? null,
            guideline_version: c.guidelineVersion ?? null,
            sampled: sampleRate > 0 && crypto.randomInt(1_000_000) < sampleRate * 1_000_000,
            dimensions: dimensions.length ? JSON.stringify(dimensions) : null,
          });
        }
      }
      if (!rows.length) return;
      // The submissions and their re-check jobs in one statement (a retried id inserts neither).
      const inserted = new Set(
        (
          await trx
            .with('fresh', (q) => q.insertInto('submissions').values(rows).onConflict((oc) => oc.column('id').doNothing()).returning('id'))
            .insertInto('rechecks')
            .columns(['submission_id', 'state'])
            .expression((eb) => eb.selectFrom('fresh').select(['fresh.id', sql<'queued'>`'queued'`.as('state')]))
            .returning('submission_id')
            .execute()
        ).map((r) => r.submission_id),
      );
      const repeats = rows.filter((r) => !inserted.has(r.id)).map((r) => r.id);
      const earlier = repeats.length
        ? new Map((await trx.selectFrom('submissions').select(['id', 'evaluator_id', 'project_id']).where('id', 'in', repeats).execute()).map((r) => [r.id, r]))
        : new Map();
      for (const r of rows) {
        if (inserted.has(r.id)) acks.set(r.id, { id: r.id, status: 'accepted' });
        else {
          const e = earlier.get(r.id);
          acks.set(r.id, e && e.evaluator_id === userId && e.project_id === projectId ? { id: r.id, status: 'duplicate' } : { id: r.id, status: 'rejected', code: 'conflict' });
        }
      }
      if (!inserted.size) return;
      const fresh = rows.filter((r) => inserted.has(r.id));
      const leaseOf = new Map(fresh.map((r) => [r.assignment_id!, byId.get(r.assignment_id!)!]));
      const active = [...leaseOf.values()].filter((l) => l.state === 'active').map((l) => l.id);
      if (active.length) await trx.updateTable('assignments').set({ state: 'submitted', finished_at: sql`now()` }).where('id', 'in', active).where('state', '=', 'active').execute();
      // Work that arrived after its lease lapsed or was skipped still counts: the trainer's current
      // hold on the task becomes the submitted one, or the old lease does and the task is taken again.
      for (const lease of leaseOf.values()) {
        if (lease.state === 'active' || lease.state === 'submitted') continue;
        const current = await trx
          .selectFrom('assignments')
          .select(['id', 'state'])
          .where('project_id', '=', projectId)
          .where('task_id', '=', lease.task_id)
          .where('user_id', '=', userId)
          .where('state', '<>', 'expired')
          .executeTakeFirst();
        if (current?.state === 'active') await trx.updateTable('assignments').set({ state: 'submitted', finished_at: sql`now()` }).where('id', '=', current.id).execute();
        if (current && current.state !== 'skipped') continue;
        await trx.updateTable('assignments').set({ state: 'submitted', finished_at: sql`now()` }).where('id', '=', current?.id ?? lease.id).execute();
        await trx.updateTable('tasks').set({ taken: sql`taken + 1` }).where('project_id', '=', projectId).where('id', '=', lease.task_id).execute();
      }
    });
  return items.map((i) => acks.get(i.id)!);
}
