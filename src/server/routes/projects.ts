// Projects for admins (create from task files, settings, guidelines, tasks, members, invites) and
// what admins and reviewers read (a project, its members, its progress). Trainers see a project
// they are members of and its guidelines, never its members or anyone's progress.
import crypto from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { addMemberBody, addTasksBody, guidelines, inviteBody, memberParams, newProjectBody, projectParams, projectSettingsBody } from '../api.js';
import { isUuid, projectFor } from '../access.js';
import type { Project } from '../../db/schema.js';
import { ApiError, notFound } from '../errors.js';
import { addTasks, createProject, currentGuidelines, readSources, setGuidelines } from '../projects.js';
import { requireRole, requireUser } from '../sessions.js';
import { hashInviteToken } from './auth.js';
import type { ServerContext } from '../context.js';

export const INVITE_DAYS = 7;
/** Task files and datasets are large: a project import may be this big (a request, not a file). */
export const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

export function projectJson(p: Project, counts?: { tasks: number; submitted: number }) {
  return {
    id: p.id,
    name: p.name,
    overlap: p.overlap,
    goldShare: p.gold_share,
    timeLimitMinutes: p.time_limit_minutes,
    leaseMinutes: p.lease_minutes,
    rubric: p.rubric,
    /** null: the 1–5 rubric; else what every task without dimensions of its own is judged on. */
    dimensions: p.dimensions,
    reviewRate: p.review_rate,
    minActiveSeconds: p.min_active_seconds,
    goldMinTasks: p.gold_min_tasks,
    goldThreshold: p.gold_threshold,
    /** Set while a lead has paused the project (no checkouts). */
    pausedAt: p.paused_at,
    createdAt: p.created_at,
    ...(counts ?? {}),
  };
}

export const projectRoutes = (ctx: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx;
    const ALL = ['admin', 'reviewer', 'trainer'] as const;
    const LEADS = ['admin', 'reviewer'] as const;

    app.get('/api/projects', async (req) => {
      const user = requireUser(req);
      let q = db
        .selectFrom('projects as p')
        .selectAll('p')
        .select([
          sql<number>`(SELECT count(*)::int FROM tasks t WHERE t.project_id = p.id)`.as('tasks'),
          sql<number>`(SELECT count(*)::int FROM assignments a WHERE a.project_id = p.id AND a.state = 'submitted')`.as('submitted'),
        ])
        .orderBy('p.created_at');
      if (user.role !== 'admin') q = q.where((eb) => eb.exists(eb.selectFrom('memberships as m').select('m.user_id').whereRef('m.project_id', '=', 'p.id').where('m.user_id', '=', user.id)));
      const rows = await q.execute();
      return { projects: rows.map(({ tasks, submitted, ...p }) => projectJson(p, { tasks, submitted })) };
    });

    app.post('/api/projects', { bodyLimit: IMPORT_BODY_LIMIT, schema: { body: newProjectBody } }, async (req, reply) => {
      const user = requireRole(req, 'admin');
      const { files, samples, ...settings } = req.body;
      const tasks = readSources(files, samples);
      const id = await createProject(db, settings, tasks, user.id);
      return reply.code(201).send({ id, tasks: tasks.length });
    });

    app.get('/api/projects/:projectId', { schema: { params: projectParams } }, async (req) => {
      const user = requireUser(req);
      const project = await projectFor(db, user, req.params.projectId, ALL);
      const membership = await db.selectFrom('memberships').select(['paused_at', 'paused_score']).where('project_id', '=', project.id).where('user_id', '=', user.id).executeTakeFirst();
      return {
        project: projectJson(project),
        guidelines: await currentGuidelines(db, project.id),
        // The trainer's own pause: by the gold rule (with the score that caused it) or by a lead (no score).
        ...(membership?.paused_at
          ? { paused: { at: membership.paused_at, by: membership.paused_score === null ? ('lead' as const) : ('gold' as const), score: membership.paused_score, threshold: project.gold_threshold } }
          : {}),
      };
    });

    app.patch('/api/projects/:projectId', { schema: { params: projectParams, body: projectSettingsBody } }, async (req) => {
      const project = await projectFor(db, requireUser(req), req.params.projectId, ['admin']);
      const b = req.body;
      const updated = await db
        .updateTable('projects')
        .set({
          ...(b.name !== undefined ? { name: b.name } : {}),
          ...(b.overlap !== undefined ? { overlap: b.overlap } : {}),
          ...(b.goldShare !== undefined ? { gold_share: b.goldShare } : {}),
          ...(b.timeLimitMinutes !== undefined ? { time_limit_minutes: b.timeLimitMinutes } : {}),
          ...(b.leaseMinutes !== undefined ? { lease_minutes: b.leaseMinutes } : {}),
          ...(b.rubric !== undefined ? { rubric: b.rubric ? JSON.stringify(b.rubric) : null } : {}),
          // Work already submitted keeps the dimensions it was rated on (submissions.dimensions).
          ...(b.dimensions !== undefined ? { dimensions: b.dimensions ? JSON.stringify(b.dimensions) : null } : {}),
          ...(b.reviewRate !== undefined ? { review_rate: b.reviewRate } : {}),
          ...(b.minActiveSeconds !== undefined ? { min_active_seconds: b.minActiveSeconds } : {}),
          ...(b.goldMinTasks !== undefined ? { gold_min_tasks: b.goldMinTasks } : {}),
          ...(b.goldThreshold !== undefined ? { gold_threshold: b.goldThreshold } : {}),
          // Pausing again keeps the first time; resuming clears it.
          ...(b.paused !== undefined ? { paused_at: b.paused ? (project.paused_at ?? sql<Date>`now()`) : null } : {}),
        })
        .where('id', '=', project.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return { project: projectJson(updated) };
    });

    app.put('/api/projects/:projectId/guidelines', { schema: { params: projectParams, body: guidelines } }, async (req) => {
      const user = requireUser(req);
      const project = await projectFor(db, user, req.params.projectId, ['admin']);
      return { version: await setGuidelines(db, project.id, req.body, user.id) };
    });

    app.post('/api/projects/:projectId/tasks', { bodyLimit: IMPORT_BODY_LIMIT, schema: { params: projectParams, body: addTasksBody } }, async (req, reply) => {
      const project = await projectFor(db, requireUser(req), req.params.projectId, ['admin']);
      return reply.code(201).send({ added: await addTasks(db, project.id, req.body.files, req.body.samples) });
    });

    app.get('/api/projects/:projectId/members', { schema: { params: projectParams } }, async (req) => {
      const project = await projectFor(db, requireUser(req), req.params.projectId, LEADS);
      const members = await db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['u.id', 'u.email', 'u.role', 'm.added_at', 'm.paused_at'])
        .where('m.project_id', '=', project.id)
        .orderBy('u.email')
        .execute();
      return { members: members.map((m) => ({ userId: m.id, email: m.email, role: m.role, addedAt: m.added_at, pausedAt: m.paused_at })) };
    });

    app.post('/api/projects/:projectId/members', { schema: { params: projectParams, body: addMemberBody } }, async (req, reply) => {
      const project = await projectFor(db, requireUser(req), req.params.projectId, ['admin']);
      const user = await db.selectFrom('users').select('id').where('email', '=', req.body.email).executeTakeFirst();
      if (!user) throw new ApiError(404, 'userNotFound');
      await db.insertInto('memberships').values({ project_id: project.id, user_id: user.id }).onConflict((oc) => oc.columns(['project_id', 'user_id']).doNothing()).execute();
      return reply.code(201).send({ userId: user.id });
    });

    app.delete('/api/projects/:projectId/members/:userId', { schema: { params: memberParams } }, async (req) => {
      const project = await projectFor(db, requireUser(req), req.params.projectId, ['admin']);
      if (!isUuid(req.params.userId)) throw notFound();
      const r = await db.deleteFrom('memberships').where('project_id', '=', project.id).where('user_id', '=', req.params.userId).executeTakeFirst();
      if (!r.numDeletedRows) throw notFound();
      return { ok: true };
    });

    // A lead pauses one trainer by hand (no score: not the gold rule); resume below lifts it.
    app.post('/api/projects/:projectId/members/:userId/pause', { schema: { params: memberParams } }, async (req) => {
      const project = await projectFor(db, requireUser(req), req.params.projectId, ['admin']);
      if (!isUuid(req.params.userId)) throw notFound();
      const r = await db
        .updateTable('memberships')
        .set({ paused_at: sql`coalesce(paused_at, now())`, paused_score: sql`CASE WHEN paused_at IS NULL THEN NULL ELSE paused_score END` })
        .where('project_id', '=', project.id)
        .where('user_id', '=', req.params.userId)
        .executeTakeFirst();
      if (!r.numUpdatedRows) throw notFound();
      return { ok: true };
    });

    // Lifts a pause (the gold rule's or a lead's): the trainer may check out again (their gold figures stay as they were).
    app.post('/api/projects/:projectId/members/:userId/resume', { schema: { params: memberParams } }, async (req) => {
      const project = await projectFor(db, requireUser(req), req.params.projectId, ['admin']);
      if (!isUuid(req.params.userId)) throw notFound();
      const r = await db.updateTable('memberships').set({ paused_at: null, paused_score: null }).where('project_id', '=', project.id).where('user_id', '=', req.params.userId).executeTakeFirst();
      if (!r.numUpdatedRows) throw notFound();
      return { ok: true };
    });

    app.post('/api/projects/:projectId/invites', { schema: { params: projectParams, body: inviteBody } }, async (req, reply) => {
      const user = requireUser(req);
      const project = await projectFor(db, user, req.params.projectId, ['admin']);
      const token = crypto.randomBytes(24).toString('base64url');
      const expires = new Date(Date.now() + INVITE_DAYS * 86_400_000);
      await db
        .insertInto('invites')
        .values({ token_hash: hashInviteToken(token), project_id: project.id, role: req.body.role, email: req.body.email ?? null, created_by: user.id, expires_at: expires })
        .execute();
      return reply.code(201).send({ token, path: `/join/${token}`, expiresAt: expires.toISOString() });
    });

    // The drill-down from the per-trainer table: each of one trainer's submissions with the figures
    // the dashboard aggregates (history included: a rejected try and its rework are both listed).
    app.get('/api/projects/:projectId/members/:userId/work', { schema: { params: memberParams } }, async (req) => {
      const project = await projectFor(db, requireUser(req), req.params.projectId, LEADS);
      if (!isUuid(req.params.userId)) throw notFound();
      const member = await db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['u.id', 'u.email'])
        .where('m.project_id', '=', project.id)
        .where('m.user_id', '=', req.params.userId)
        .executeTakeFirst();
      if (!member) throw notFound();
      const rows = await db
        .selectFrom('submissions as s')
        .innerJoin('tasks as t', (j) => j.onRef('t.project_id', '=', 's.project_id').onRef('t.id', '=', 's.task_id'))
        .leftJoin('rechecks as r', 'r.submission_id', 's.id')
        .select(['s.id', 's.task_id', sql<unknown>`t.body -> 'title'`.as('title'), 't.is_gold', 's.received_at', 's.review_state', 's.active_ms', 's.gold_tau', 's.gold_missed', 's.peer_tau', 'r.state as recheck_state', 'r.mismatch'])
        .where('s.project_id', '=', project.id)
        .where('s.evaluator_id', '=', member.id)
        .orderBy('s.received_at', 'desc')
        .orderBy('s.id')
        .execute();
      return {
        trainer: { userId: member.id, email: member.email },
        submissions: rows.map((r) => ({
          submissionId: r.id,
          taskId: r.task_id,
          title: r.title,
          isGold: r.is_gold,
          receivedAt: r.received_at,
          reviewState: r.review_state,
          activeMs: r.active_ms,
          goldTau: r.gold_tau,
          goldMissed: r.gold_missed,
          peerTau: r.peer_tau,
          recheck: r.recheck_state === 'done' ? (r.mismatch ? 'mismatch' : 'match') : 'pending',
        })),
      };
    });

    app.get('/api/projects/:projectId/progress', { schema: { params: projectParams } }, async (req) => {
      const project = await projectFor(db, requireUser(req), req.params.projectId, LEADS);
      const tasks = await sql<{ id: string; title: unknown; taken: number; active: number; submitted: number; skipped: number; mismatches: number; kendall_w: number | null; alpha: Record<string, number | null> | null }>`
        SELECT t.id, t.body -> 'title' AS title, t.taken,
          count(*) FILTER (WHERE a.state = 'active' AND a.lease_expires_at >= now())::int AS active,
          count(*) FILTER (WHERE a.state = 'submitted')::int AS submitted,
          count(*) FILTER (WHERE a.state = 'skipped')::int AS skipped,
          (SELECT count(*)::int FROM submissions s JOIN rechecks r ON r.submission_id = s.id WHERE s.project_id = t.project_id AND s.task_id = t.id AND r.mismatch) AS mismatches,
          (SELECT ag.kendall_w FROM task_agreement ag WHERE ag.project_id = t.project_id AND ag.task_id = t.id) AS kendall_w,
          (SELECT ag.alpha_interval FROM task_agreement ag WHERE ag.project_id = t.project_id AND ag.task_id = t.id) AS alpha
        FROM tasks t LEFT JOIN assignments a ON a.project_id = t.project_id AND a.task_id = t.id
        WHERE t.project_id = ${project.id}
        GROUP BY t.project_id, t.id, t.seq ORDER BY t.seq
      `.execute(db);
      const trainers = await sql<{ user_id: string; email: string; active: number; submitted: number; skipped: number; active_ms: number; mismatches: number; accepted: number; rejected: number }>`
        SELECT u.id AS user_id, u.email,
          (SELECT count(*)::int FROM assignments a WHERE a.project_id = m.project_id AND a.user_id = u.id AND a.state = 'active' AND a.lease_expires_at >= now()) AS active,
          (SELECT count(*)::int FROM assignments a WHERE a.project_id = m.project_id AND a.user_id = u.id AND a.state = 'submitted') AS submitted,
          (SELECT count(*)::int FROM assignments a WHERE a.project_id = m.project_id AND a.user_id = u.id AND a.state = 'skipped') AS skipped,
          (SELECT coalesce(sum(s.active_ms), 0)::float8 FROM submissions s WHERE s.project_id = m.project_id AND s.evaluator_id = u.id) AS active_ms,
          (SELECT count(*)::int FROM submissions s JOIN rechecks r ON r.submission_id = s.id WHERE s.project_id = m.project_id AND s.evaluator_id = u.id AND r.mismatch) AS mismatches,
          (SELECT count(*)::int FROM submissions s WHERE s.project_id = m.project_id AND s.evaluator_id = u.id AND s.review_state = 'accepted') AS accepted,
          (SELECT count(*)::int FROM submissions s WHERE s.project_id = m.project_id AND s.evaluator_id = u.id AND s.review_state = 'rejected') AS rejected
        FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.project_id = ${project.id} AND u.role = 'trainer'
        ORDER BY u.email
      `.execute(db);
      // The quality figures come from the analysts' view (one definition for the page and for SQL).
      const figures = await sql<{ trainer: string; gold_tasks: number; gold_score: number | null; peer_agreement: number | null; median_active_minutes: number | null }>`
        SELECT trainer, gold_tasks::int, gold_score::float8, peer_agreement::float8, median_active_minutes::float8 FROM v_trainer_figures WHERE project_id = ${project.id}
      `.execute(db);
      const quality = new Map(figures.rows.map((f) => [f.trainer, f]));
      return {
        overlap: project.overlap,
        tasks: tasks.rows.map((t) => ({ taskId: t.id, title: t.title, active: t.active, submitted: t.submitted, skipped: t.skipped, mismatches: t.mismatches, kendallW: t.kendall_w, alphaRubric: t.alpha ?? {} })),
        trainers: trainers.rows.map((t) => ({
          userId: t.user_id,
          email: t.email,
          active: t.active,
          submitted: t.submitted,
          skipped: t.skipped,
          activeMs: t.active_ms,
          mismatches: t.mismatches,
          accepted: t.accepted,
          rejected: t.rejected,
          /** Accepted / reviewed; null before any decision. */
          acceptRate: t.accepted + t.rejected ? t.accepted / (t.accepted + t.rejected) : null,
          goldTasks: quality.get(t.email)?.gold_tasks ?? 0,
          /** Mean tau-b with the gold ranking over the trainer's gold tasks. */
          goldScore: quality.get(t.email)?.gold_score ?? null,
          /** Mean tau-b with the other trainers of the same tasks. */
          peerAgreement: quality.get(t.email)?.peer_agreement ?? null,
          medianActiveMinutes: quality.get(t.email)?.median_active_minutes ?? null,
        })),
      };
    });
  };
