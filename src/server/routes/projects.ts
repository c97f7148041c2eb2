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
      const project = await projectFor(db, requireUser(req), req.params.projectId, ALL);
      return { project: projectJson(project), guidelines: await currentGuidelines(db, project.id) };
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
        .select(['u.id', 'u.email', 'u.role', 'm.added_at'])
        .where('m.project_id', '=', project.id)
        .orderBy('u.email')
        .execute();
      return { members: members.map((m) => ({ userId: m.id, email: m.email, role: m.role, addedAt: m.added_at })) };
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

    app.get('/api/projects/:projectId/progress', { schema: { params: projectParams } }, async (req) => {
      const project = await projectFor(db, requireUser(req), req.params.projectId, LEADS);
      const tasks = await sql<{ id: string; title: unknown; taken: number; active: number; submitted: number; skipped: number; mismatches: number }>`
        SELECT t.id, t.body -> 'title' AS title, t.taken,
          count(*) FILTER (WHERE a.state = 'active' AND a.lease_expires_at >= now())::int AS active,
          count(*) FILTER (WHERE a.state = 'submitted')::int AS submitted,
          count(*) FILTER (WHERE a.state = 'skipped')::int AS skipped,
          (SELECT count(*)::int FROM submissions s JOIN rechecks r ON r.submission_id = s.id WHERE s.project_id = t.project_id AND s.task_id = t.id AND r.mismatch) AS mismatches
        FROM tasks t LEFT JOIN assignments a ON a.project_id = t.project_id AND a.task_id = t.id
        WHERE t.project_id = ${project.id}
        GROUP BY t.project_id, t.id, t.seq ORDER BY t.seq
      `.execute(db);
      const trainers = await sql<{ user_id: string; email: string; active: number; submitted: number; skipped: number; active_ms: number; mismatches: number }>`
        SELECT u.id AS user_id, u.email,
          (SELECT count(*)::int FROM assignments a WHERE a.project_id = m.project_id AND a.user_id = u.id AND a.state = 'active' AND a.lease_expires_at >= now()) AS active,
          (SELECT count(*)::int FROM assignments a WHERE a.project_id = m.project_id AND a.user_id = u.id AND a.state = 'submitted') AS submitted,
          (SELECT count(*)::int FROM assignments a WHERE a.project_id = m.project_id AND a.user_id = u.id AND a.state = 'skipped') AS skipped,
          (SELECT coalesce(sum(s.active_ms), 0)::float8 FROM submissions s WHERE s.project_id = m.project_id AND s.evaluator_id = u.id) AS active_ms,
          (SELECT count(*)::int FROM submissions s JOIN rechecks r ON r.submission_id = s.id WHERE s.project_id = m.project_id AND s.evaluator_id = u.id AND r.mismatch) AS mismatches
        FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.project_id = ${project.id} AND u.role = 'trainer'
        ORDER BY u.email
      `.execute(db);
      return {
        overlap: project.overlap,
        tasks: tasks.rows.map((t) => ({ taskId: t.id, title: t.title, active: t.active, submitted: t.submitted, skipped: t.skipped, mismatches: t.mismatches })),
        trainers: trainers.rows.map((t) => ({ userId: t.user_id, email: t.email, active: t.active, submitted: t.submitted, skipped: t.skipped, activeMs: t.active_ms, mismatches: t.mismatches })),
      };
    });
  };
