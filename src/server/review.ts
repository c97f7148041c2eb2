// Review on the server (issue #14): the queue of pending submissions ordered by what most needs a
// human eye, a task with every trainer's judgement side by side, the reviewer's decision (accept,
// fix & accept as a new revision, reject with a comment back to the trainer or the pool, each kept
// with who and when), the trainer's inbox, and each task's agreement kept up to date. The reasons,
// the order, the diff and every figure come from src/domain; this file gathers the rows.
import { sql, type Kysely, type Transaction } from 'kysely';
import { taskAgreement, ratingsByTask, valueOf, valuesOf } from '../domain/agreement.js';
import type { Evaluation } from '../domain/evaluation.js';
import { compareForReview, goldFacts, goldMissed, judgementDiff, peerTau, reviewReasons, type JudgementDiff, type ReviewDecision, type ReviewReason } from '../domain/review.js';
import { rubricOf } from '../domain/rubric.js';
import type { Gold, Task } from '../domain/task.js';
import type { DB, Project } from '../db/schema.js';
import { retrying } from './assignment.js';
import { ApiError, notFound } from './errors.js';
import { isUuid } from './access.js';
import { taskForTrainer } from './projects.js';

export const QUEUE_LIMIT = 200;

/** The task as a lead sees it: with the project's rubric and its gold answer. */
function leadTask(body: unknown, gold: unknown, project: Project): Task {
  const task = taskForTrainer(body, project);
  return gold ? { ...task, gold: gold as Gold } : task;
}

/** Latest submission of each (task, trainer) that was not rejected: what agreement and peers read. */
function standing(db: Kysely<DB> | Transaction<DB>, projectId: string, taskIds: readonly string[]) {
  return db
    .selectFrom('submissions as s')
    .innerJoin('users as u', 'u.id', 's.evaluator_id')
    .distinctOn(['s.task_id', 's.evaluator_id'])
    .select(['s.id', 's.task_id', 's.evaluator_id', 'u.email', 's.evaluation', 's.review_state'])
    .where('s.project_id', '=', projectId)
    .where('s.task_id', 'in', taskIds.length ? [...taskIds] : [''])
    .where('s.review_state', '<>', 'rejected')
    .orderBy('s.task_id')
    .orderBy('s.evaluator_id')
    .orderBy('s.received_at', 'desc')
    .orderBy('s.id', 'desc');
}

export type QueueItem = {
  submissionId: string;
  taskId: string;
  title: unknown;
  evaluator: string;
  receivedAt: string;
  reasons: ReviewReason[];
  peerTau?: number;
  activeMs: number;
};

export async function reviewQueue(db: Kysely<DB>, project: Project): Promise<QueueItem[]> {
  const pending = await db
    .selectFrom('submissions as s')
    .innerJoin('users as u', 'u.id', 's.evaluator_id')
    .innerJoin('tasks as t', (j) => j.onRef('t.project_id', '=', 's.project_id').onRef('t.id', '=', 's.task_id'))
    .leftJoin('rechecks as r', 'r.submission_id', 's.id')
    .select(['s.id', 's.task_id', 's.evaluator_id', 'u.email', 's.evaluation', 's.active_ms', 's.received_at', 's.sampled', 'r.mismatch', 't.body', 't.gold', 't.is_gold'])
    .where('s.project_id', '=', project.id)
    .where('s.review_state', '=', 'pending')
    .execute();
  const peers = await standing(db, project.id, [...new Set(pending.map((p) => p.task_id))]).execute();
  const items = pending.map((p): QueueItem => {
    const task = leadTask(p.body, p.gold, project);
    const evaluation = p.evaluation as Evaluation;
    const ids = task.solutions.map((s) => s.id);
    const others = peers.filter((x) => x.task_id === p.task_id && x.evaluator_id !== p.evaluator_id).map((x) => (x.evaluation as Evaluation).judgement.ranks);
    const tau = peerTau(evaluation.judgement.ranks, others, ids);
    const gold = p.is_gold ? goldFacts(task, evaluation, rubricOf(task).map((c) => c.id)) : undefined;
    const reasons = reviewReasons({ mismatch: Boolean(p.mismatch), ...(gold ? { gold } : {}), ...(tau === undefined ? {} : { peerTau: tau }), activeMs: p.active_ms, minActiveMs: project.min_active_seconds * 1000, sampled: p.sampled });
    return { submissionId: p.id, taskId: p.task_id, title: task.title, evaluator: p.email, receivedAt: p.received_at.toISOString(), reasons, ...(tau === undefined ? {} : { peerTau: tau }), activeMs: p.active_ms };
  });
  return items.sort(compareForReview).slice(0, QUEUE_LIMIT);
}

/** Every submission of one task (history included), each with its re-check, revisions and reviews. */
export async function taskReview(db: Kysely<DB>, project: Project, taskId: string) {
  const task = await db.selectFrom('tasks').select(['body', 'gold', 'is_gold']).where('project_id', '=', project.id).where('id', '=', taskId).executeTakeFirst();
  if (!task) throw notFound();
  const subs = await db
    .selectFrom('submissions as s')
    .innerJoin('users as u', 'u.id', 's.evaluator_id')
    .leftJoin('rechecks as r', 'r.submission_id', 's.id')
    .select(['s.id', 's.evaluator_id', 'u.email', 's.evaluation', 's.active_ms', 's.received_at', 's.review_state', 's.guideline_version', 's.dimensions', 'r.state as recheck_state', 'r.results', 'r.mismatches', 'r.mismatch'])
    .where('s.project_id', '=', project.id)
    .where('s.task_id', '=', taskId)
    .orderBy('u.email')
    .orderBy('s.received_at')
    .execute();
  const ids = subs.map((s) => s.id);
  const reviews = ids.length
    ? await db
        .selectFrom('reviews as v')
        .innerJoin('users as u', 'u.id', 'v.reviewer_id')
        .leftJoin('revisions as rv', 'rv.id', 'v.revision_id')
        .select(['v.id', 'v.submission_id', 'u.email', 'v.decision', 'v.comment', 'v.return_to', 'v.created_at', 'rv.evaluation as fixed'])
        .where('v.submission_id', 'in', ids)
        .orderBy('v.created_at')
        .execute()
    : [];
  const versions = [...new Set(subs.flatMap((s) => (s.guideline_version ? [s.guideline_version] : [])))];
  const guidelines = versions.length ? await db.selectFrom('guidelines').select(['version', 'text_en', 'text_es_cl', 'created_at']).where('project_id', '=', project.id).where('version', 'in', versions).execute() : [];
  return {
    task: leadTask(task.body, task.gold, project),
    isGold: task.is_gold,
    guidelines: guidelines.map((g) => ({ version: g.version, en: g.text_en, 'es-CL': g.text_es_cl, createdAt: g.created_at })),
    submissions: subs.map((s) => ({
      id: s.id,
      evaluatorId: s.evaluator_id,
      evaluator: s.email,
      receivedAt: s.received_at,
      reviewState: s.review_state,
      guidelineVersion: s.guideline_version,
      // The dimensions it was rated on (kept from upload), not the project's current ones.
      dimensions: s.dimensions,
      activeMs: s.active_ms,
      evaluation: s.evaluation,
      recheck: { state: s.recheck_state, mismatch: s.mismatch, mismatches: s.mismatches, results: s.results },
      reviews: reviews.filter((r) => r.submission_id === s.id).map((r) => ({ id: r.id, reviewer: r.email, decision: r.decision, comment: r.comment, returnTo: r.return_to, createdAt: r.created_at, ...(r.fixed ? { fixed: r.fixed } : {}) })),
    })),
  };
}

export type Decision = { decision: ReviewDecision; comment?: string | undefined; evaluation?: Evaluation | undefined; returnTo?: 'trainer' | 'pool' | undefined };

/** One decision on a pending submission, in one transaction; a second decision on it is 409 notPending. */
export async function decide(db: Kysely<DB>, project: Project, reviewerId: string, submissionId: string, d: Decision): Promise<{ reviewId: string; state: string }> {
  if (!isUuid(submissionId)) throw notFound();
  const result = await retrying(db, async (trx) => {
    const s = await trx.selectFrom('submissions').select(['id', 'task_id', 'evaluator_id', 'assignment_id', 'evaluation', 'review_state']).where('id', '=', submissionId).where('project_id', '=', project.id).forUpdate().executeTakeFirst();
    if (!s) throw notFound();
    if (s.review_state !== 'pending') throw new ApiError(409, 'notPending', { state: s.review_state });
    let revisionId: string | null = null;
    if (d.decision === 'fix-accept') {
      const fixed = d.evaluation!;
      if (fixed.taskId !== s.task_id) throw new ApiError(400, 'invalid', undefined, [{ path: 'evaluation.taskId', code: 'invalid_value' }]);
      // The trainer's judgement is revision 1 (kept as it came), the fix the next one.
      const { n } = await trx.selectFrom('revisions').select(sql<number>`coalesce(max(revision), 0)::int`.as('n')).where('submission_id', '=', s.id).executeTakeFirstOrThrow();
      if (n === 0) await trx.insertInto('revisions').values({ submission_id: s.id, revision: 1, evaluation: JSON.stringify(s.evaluation), author_id: s.evaluator_id, kind: 'trainer' }).execute();
      const row = await trx
        .insertInto('revisions')
        .values({ submission_id: s.id, revision: Math.max(n, 1) + 1, evaluation: JSON.stringify(fixed), author_id: reviewerId, kind: 'review-fix' })
        .returning('id')
        .executeTakeFirstOrThrow();
      revisionId = row.id;
    }
    const returnTo = d.decision === 'reject' ? (d.returnTo ?? 'trainer') : null;
    const review = await trx
      .insertInto('reviews')
      .values({ submission_id: s.id, reviewer_id: reviewerId, decision: d.decision, comment: d.comment?.trim() ? d.comment.trim() : null, revision_id: revisionId, return_to: returnTo })
      .returning('id')
      .executeTakeFirstOrThrow();
    const state = d.decision === 'reject' ? 'rejected' : 'accepted';
    await trx.updateTable('submissions').set({ review_state: state }).where('id', '=', s.id).execute();
    if (returnTo && s.assignment_id) {
      if (returnTo === 'trainer') {
        // Back in the same trainer's queue, with a fresh lease; the task's count is unchanged (still theirs).
        await trx.updateTable('assignments').set({ state: 'active', finished_at: null, lease_expires_at: sql`now() + make_interval(mins => ${project.lease_minutes})` }).where('id', '=', s.assignment_id).where('state', '=', 'submitted').execute();
      } else {
        // Back to the pool: another trainer takes it; this one is not offered it again.
        const r = await trx.updateTable('assignments').set({ state: 'skipped', skip_reason: 'review: back to the pool' }).where('id', '=', s.assignment_id).where('state', '=', 'submitted').executeTakeFirst();
        if (r.numUpdatedRows) await trx.updateTable('tasks').set({ taken: sql`greatest(taken - 1, 0)` }).where('project_id', '=', project.id).where('id', '=', s.task_id).execute();
      }
    }
    return { reviewId: review.id, state, taskId: s.task_id };
  });
  await updateAgreement(db, project, [result.taskId]);
  return { reviewId: result.reviewId, state: result.state };
}

export type InboxItem = {
  reviewId: string;
  submissionId: string;
  taskId: string;
  title: unknown;
  decision: ReviewDecision;
  comment: string | null;
  returnTo: 'trainer' | 'pool' | null;
  createdAt: Date;
  /** Fix & accept: what the reviewer changed. */
  diff?: JudgementDiff;
  /** Reject back to the trainer: the lease to rework, while it is open. */
  assignmentId?: string;
};

/** The reviews of a trainer's own submissions, newest first. */
export async function inbox(db: Kysely<DB>, project: Project, trainerId: string): Promise<InboxItem[]> {
  const rows = await db
    .selectFrom('reviews as v')
    .innerJoin('submissions as s', 's.id', 'v.submission_id')
    .innerJoin('tasks as t', (j) => j.onRef('t.project_id', '=', 's.project_id').onRef('t.id', '=', 's.task_id'))
    .leftJoin('revisions as rv', 'rv.id', 'v.revision_id')
    .leftJoin('assignments as a', 'a.id', 's.assignment_id')
    .select(['v.id', 'v.submission_id', 's.task_id', 't.body', 'v.decision', 'v.comment', 'v.return_to', 'v.created_at', 's.evaluation', 'rv.evaluation as fixed', 'a.id as assignment_id', 'a.state as assignment_state'])
    .where('s.project_id', '=', project.id)
    .where('s.evaluator_id', '=', trainerId)
    .orderBy('v.created_at', 'desc')
    .execute();
  return rows.map((r) => {
    const task = taskForTrainer(r.body, project);
    return {
      reviewId: r.id,
      submissionId: r.submission_id,
      taskId: r.task_id,
      title: task.title,
      decision: r.decision,
      comment: r.comment,
      returnTo: r.return_to,
      createdAt: r.created_at,
      ...(r.fixed ? { diff: judgementDiff((r.evaluation as Evaluation).judgement, (r.fixed as Evaluation).judgement, task.solutions.map((s) => s.id)) } : {}),
      ...(r.return_to === 'trainer' && r.assignment_state === 'active' && r.assignment_id ? { assignmentId: r.assignment_id } : {}),
    };
  });
}

/**
 * Recomputes the agreement of these tasks from their standing submissions (after an upload or a
 * review), and each standing submission's tau-b with its peers and, on a gold task, with gold.
 */
export async function updateAgreement(db: Kysely<DB>, project: Project, taskIds: readonly string[]): Promise<void> {
  if (!taskIds.length) return;
  const tasks = await db.selectFrom('tasks').select(['id', 'body', 'gold']).where('project_id', '=', project.id).where('id', 'in', [...taskIds]).execute();
  const gold = new Map(tasks.flatMap((t) => (t.gold ? [[t.id, leadTask(t.body, t.gold, project)] as const] : [])));
  const rows = await standing(db, project.id, taskIds).execute();
  for (const t of tasks) {
    const task = taskForTrainer(t.body, project);
    const [ratings] = ratingsByTask(
      rows.filter((r) => r.task_id === t.id).map((r) => ({ rater: r.evaluator_id, evaluation: r.evaluation as Evaluation, solutionIds: task.solutions.map((s) => s.id), criteria: rubricOf(task).map((c) => c.id) })),
    );
    const a = ratings ? taskAgreement(ratings) : undefined;
    const values = {
      raters: a?.raters ?? 0,
      kendall_w: a ? valueOf(a.kendallW) : null,
      mean_tau_b: a ? valueOf(a.meanTauB) : null,
      alpha_interval: JSON.stringify(a ? valuesOf(a.alphaRubric) : {}),
      alpha_ordinal: JSON.stringify(a ? valuesOf(a.alphaRubricOrdinal) : {}),
    };
    // Per submission, what the SQL views aggregate: tau-b with the peers, and on a gold task with gold.
    const standingRows = rows.filter((r) => r.task_id === t.id);
    const full = gold.get(t.id);
    const ids = task.solutions.map((s) => s.id);
    for (const r of standingRows) {
      const e = r.evaluation as Evaluation;
      const tau = peerTau(e.judgement.ranks, standingRows.filter((x) => x.evaluator_id !== r.evaluator_id).map((x) => (x.evaluation as Evaluation).judgement.ranks), ids);
      const g = full ? goldFacts(full, e, rubricOf(full).map((c) => c.id)) : undefined;
      await db
        .updateTable('submissions')
        .set({ peer_tau: tau ?? null, gold_tau: g?.tau ?? null, gold_rubric_distance: g?.rubricMad ?? null, gold_missed: g ? goldMissed(g) : null })
        .where('id', '=', r.id)
        .execute();
    }
    await db
      .insertInto('task_agreement')
      .values({ project_id: project.id, task_id: t.id, ...values })
      .onConflict((oc) => oc.columns(['project_id', 'task_id']).doUpdateSet({ ...values, computed_at: sql`now()` }))
      .execute();
  }
}

/**
 * The gold rule: once a trainer has done the project's `gold_min_tasks` gold tasks, a mean tau-b
 * with gold below `gold_threshold` pauses them (no more checkouts; they are told why). Only an
 * admin lifts it. Returns whether the trainer is paused now.
 */
export async function pauseIfBelowGold(db: Kysely<DB>, project: Project, userId: string): Promise<boolean> {
  if (project.gold_threshold === null) return false;
  const r = await sql<{ n: number; score: number | null }>`
    SELECT count(*)::int AS n, avg(gold_tau)::float8 AS score FROM (
      SELECT DISTINCT ON (s.task_id) s.gold_tau FROM submissions s
      WHERE s.project_id = ${project.id} AND s.evaluator_id = ${userId} AND s.review_state <> 'rejected'
      ORDER BY s.task_id, s.received_at DESC, s.id DESC
    ) latest WHERE gold_tau IS NOT NULL
  `.execute(db);
  const { n, score } = r.rows[0]!;
  if (n < project.gold_min_tasks || score === null || score >= project.gold_threshold) return false;
  await db.updateTable('memberships').set({ paused_at: sql`now()`, paused_score: score }).where('project_id', '=', project.id).where('user_id', '=', userId).where('paused_at', 'is', null).execute();
  return true;
}
