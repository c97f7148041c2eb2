// Handing out work, in one transaction per checkout (Label Studio's next_task, as rows): expired
// leases go back to the pool, tasks already started by others come first (breadth-first, up to the
// project's overlap), a task the trainer already holds, did or skipped is never offered, and the
// row is taken with FOR UPDATE SKIP LOCKED so concurrent checkouts (any process) never wait on or
// double-hand a task. `tasks.taken` counts active leases plus submissions, updated in the same
// transaction, so the overlap check is re-read on a row another checkout just changed. Gold tasks
// are mixed in at the project's share; a paused project, and a trainer paused by their gold score
// or by a lead, get none.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, Project } from '../db/schema.js';
import { ApiError, notFound } from './errors.js';
import { isUuid } from './access.js';

export const MAX_CHECKOUT = 50;

export type AssignmentRow = { id: string; task_id: string; state: string; leased_at: Date; lease_expires_at: Date; finished_at: Date | null; body: unknown };

/** Runs `work` in a transaction, again if PostgreSQL chose it as a deadlock or serialization victim. */
export async function retrying<T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await db.transaction().execute(work);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (i >= attempts || (code !== '40P01' && code !== '40001')) throw e;
    }
  }
}

/** Expired leases back to the pool. One caller at a time per project; the others skip it. */
async function expireLeases(trx: Transaction<DB>, projectId: string): Promise<void> {
  await sql`
    WITH lock AS (SELECT pg_try_advisory_xact_lock(hashtext('veredicto-leases'), hashtext(${projectId})) AS ok),
    expired AS (
      UPDATE assignments SET state = 'expired', finished_at = now()
      WHERE project_id = ${projectId} AND state = 'active' AND lease_expires_at < now() AND (SELECT ok FROM lock)
      RETURNING task_id
    ), counts AS (SELECT task_id, count(*)::int AS n FROM expired GROUP BY task_id)
    UPDATE tasks t SET taken = greatest(t.taken - counts.n, 0)
    FROM counts WHERE t.project_id = ${projectId} AND t.id = counts.task_id
  `.execute(trx);
}

const PICK_ATTEMPTS = 4;

/**
 * One statement: how many the trainer holds, the tasks picked (locked, skipping the ones other
 * checkouts hold), their counts raised, and the leases written. Then how many are still missing
 * and how many open tasks were skipped because another checkout had them locked.
 */
async function pick(trx: Transaction<DB>, project: Project, userId: string, count: number): Promise<{ missing: number; skipped: number }> {
  // With a gold share, gold tasks are handed out by pickGold only (every trainer gets them).
  const open = sql`
    t.project_id = ${project.id} AND t.taken < ${project.overlap}${project.gold_share > 0 ? sql` AND NOT t.is_gold` : sql``}
    AND NOT EXISTS (
      SELECT 1 FROM assignments a
      WHERE a.project_id = t.project_id AND a.task_id = t.id AND a.user_id = ${userId} AND a.state <> 'expired')`;
  await sql`
    WITH held AS (
      SELECT count(*)::int AS n FROM assignments WHERE project_id = ${project.id} AND user_id = ${userId} AND state = 'active'
    ), picked AS (
      SELECT t.id FROM tasks t WHERE ${open}
      ORDER BY t.taken DESC, t.seq
      LIMIT greatest(${count} - (SELECT n FROM held), 0)
      FOR UPDATE OF t SKIP LOCKED
    ), raised AS (
      UPDATE tasks t SET taken = t.taken + 1 FROM picked WHERE t.project_id = ${project.id} AND t.id = picked.id RETURNING t.id
    )
    INSERT INTO assignments (project_id, task_id, user_id, state, lease_expires_at)
    SELECT ${project.id}, raised.id, ${userId}, 'active', now() + make_interval(mins => ${project.lease_minutes}) FROM raised
  `.execute(trx);
  const r = await sql<{ missing: number; skipped: number }>`
    SELECT greatest(${count} - (SELECT count(*)::int FROM assignments WHERE project_id = ${project.id} AND user_id = ${userId} AND state = 'active'), 0) AS missing,
      (SELECT count(*)::int FROM tasks t WHERE ${open}) AS skipped
  `.execute(trx);
  return r.rows[0]!;
}

/**
 * Gold tasks mixed in at the project's share: of every task the trainer has been handed, about
 * `gold_share` are gold, whatever the overlap (each trainer is measured on them). Picked in import
 * order among the gold tasks they have not had; nothing in the lease says which ones are gold.
 */
async function pickGold(trx: Transaction<DB>, project: Project, userId: string, count: number): Promise<void> {
  if (project.gold_share <= 0) return;
  const r = await sql<{ held: number; total: number; gold: number }>`
    SELECT count(*) FILTER (WHERE a.state = 'active')::int AS held, count(*)::int AS total, count(*) FILTER (WHERE t.is_gold)::int AS gold
    FROM assignments a JOIN tasks t ON t.project_id = a.project_id AND t.id = a.task_id
    WHERE a.project_id = ${project.id} AND a.user_id = ${userId} AND a.state <> 'expired'
  `.execute(trx);
  const { held, total, gold } = r.rows[0]!;
  const fresh = Math.max(count - held, 0);
  const quota = Math.min(fresh, Math.max(0, Math.round(project.gold_share * (total + fresh)) - gold));
  if (!quota) return;
  await sql`
    WITH picked AS (
      SELECT t.id FROM tasks t
      WHERE t.project_id = ${project.id} AND t.is_gold
        AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.project_id = t.project_id AND a.task_id = t.id AND a.user_id = ${userId} AND a.state <> 'expired')
      ORDER BY t.seq LIMIT ${quota}
    ), raised AS (
      UPDATE tasks t SET taken = t.taken + 1 FROM picked WHERE t.project_id = ${project.id} AND t.id = picked.id RETURNING t.id
    )
    INSERT INTO assignments (project_id, task_id, user_id, state, lease_expires_at)
    SELECT ${project.id}, raised.id, ${userId}, 'active', now() + make_interval(mins => ${project.lease_minutes}) FROM raised
  `.execute(trx);
}

/**
 * Gives the trainer up to `count` leased tasks in all (the ones already held count), newest leases
 * added as needed. Returns every active lease of the trainer in the project, with its task.
 */
export async function checkout(db: Kysely<DB>, project: Project, userId: string, count: number): Promise<AssignmentRow[]> {
  await retrying(db, async (trx) => {
    // Two tabs of one trainer check out one after the other (they would pick the same task).
    const member = await trx.selectFrom('memberships').select(['user_id', 'paused_at', 'paused_score']).where('project_id', '=', project.id).where('user_id', '=', userId).forUpdate().executeTakeFirst();
    if (!member) throw new ApiError(403, 'notMember');
    if (project.paused_at) throw new ApiError(403, 'projectPaused');
    if (member.paused_at && member.paused_score === null) throw new ApiError(403, 'pausedByLead');
    if (member.paused_at) throw new ApiError(403, 'paused', { score: Math.round((member.paused_score ?? 0) * 100) / 100, threshold: project.gold_threshold ?? 0 });
    await expireLeases(trx, project.id);
    await pickGold(trx, project, userId, Math.min(count, MAX_CHECKOUT));
    // A task another checkout holds locked is skipped, not waited for; with an overlap above one it
    // may still have room once that checkout commits (a few ms), so a short pick looks again.
    for (let attempt = 0; ; attempt++) {
      const { missing, skipped } = await pick(trx, project, userId, Math.min(count, MAX_CHECKOUT));
      if (missing === 0 || skipped === 0 || attempt >= PICK_ATTEMPTS) break;
      await new Promise((r) => setTimeout(r, 3 + Math.random() * 5));
    }
  });
  return listAssignments(db, project.id, userId, ['active']);
}

export async function listAssignments(db: Kysely<DB>, projectId: string, userId: string, states: readonly string[] = ['active', 'submitted']): Promise<AssignmentRow[]> {
  return db
    .selectFrom('assignments as a')
    .innerJoin('tasks as t', (j) => j.onRef('t.project_id', '=', 'a.project_id').onRef('t.id', '=', 'a.task_id'))
    .select(['a.id', 'a.task_id', 'a.state', 'a.leased_at', 'a.lease_expires_at', 'a.finished_at', 't.body'])
    .where('a.project_id', '=', projectId)
    .where('a.user_id', '=', userId)
    .where('a.state', 'in', states as never)
    .orderBy('a.leased_at')
    .orderBy('t.seq')
    .execute();
}

/** Gives a leased task back, with the trainer's reason; it is not offered to them again. */
export async function skip(db: Kysely<DB>, projectId: string, userId: string, assignmentId: string, reason: string): Promise<void> {
  if (!isUuid(assignmentId)) throw notFound();
  await retrying(db, async (trx) => {
    const row = await trx
      .updateTable('assignments')
      .set({ state: 'skipped', skip_reason: reason, finished_at: sql`now()` })
      .where('id', '=', assignmentId)
      .where('project_id', '=', projectId)
      .where('user_id', '=', userId)
      .where('state', '=', 'active')
      .returning('task_id')
      .executeTakeFirst();
    if (!row) {
      const exists = await trx.selectFrom('assignments').select('state').where('id', '=', assignmentId).where('project_id', '=', projectId).where('user_id', '=', userId).executeTakeFirst();
      if (!exists) throw notFound();
      throw new ApiError(409, 'notActive', { state: exists.state });
    }
    await trx.updateTable('tasks').set({ taken: sql`greatest(taken - 1, 0)` }).where('project_id', '=', projectId).where('id', '=', row.task_id).execute();
  });
}
