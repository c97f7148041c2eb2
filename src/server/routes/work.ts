// A trainer's work in a project: check out leased tasks, list them, skip one with a reason, upload
// submitted evaluations (idempotent by the client's UUID) and read back what was stored with the
// server's re-check. A trainer sees only their own; admins and reviewers see every submission.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assignmentParams, checkoutBody, projectParams, skipBody, submissionParams, uploadBody } from '../api.js';
import { isUuid, projectFor } from '../access.js';
import { checkout, listAssignments, skip, type AssignmentRow } from '../assignment.js';
import type { Project } from '../../db/schema.js';
import { notFound } from '../errors.js';
import { currentGuidelines, taskForTrainer } from '../projects.js';
import { requireUser } from '../sessions.js';
import { upload } from '../uploads.js';
import { pauseIfBelowGold, updateAgreement } from '../review.js';
import type { ServerContext } from '../context.js';

export const UPLOAD_BODY_LIMIT = 16 * 1024 * 1024;

const assignmentJson = (a: AssignmentRow, project: Project) => ({
  id: a.id,
  taskId: a.task_id,
  state: a.state,
  leasedAt: a.leased_at,
  leaseExpiresAt: a.lease_expires_at,
  finishedAt: a.finished_at,
  task: taskForTrainer(a.body, project),
});

export const workRoutes = (ctx: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx;

    app.post('/api/projects/:projectId/checkout', { schema: { params: projectParams, body: checkoutBody } }, async (req) => {
      const user = requireUser(req);
      const project = await projectFor(db, user, req.params.projectId, ['trainer']);
      const rows = await checkout(db, project, user.id, req.body.count);
      return { assignments: rows.map((a) => assignmentJson(a, project)), guidelines: await currentGuidelines(db, project.id), timeLimitMinutes: project.time_limit_minutes };
    });

    app.get('/api/projects/:projectId/assignments', { schema: { params: projectParams } }, async (req) => {
      const user = requireUser(req);
      const project = await projectFor(db, user, req.params.projectId, ['trainer']);
      const rows = await listAssignments(db, project.id, user.id);
      return { assignments: rows.map((a) => assignmentJson(a, project)) };
    });

    app.post('/api/projects/:projectId/assignments/:assignmentId/skip', { schema: { params: assignmentParams, body: skipBody } }, async (req) => {
      const user = requireUser(req);
      const project = await projectFor(db, user, req.params.projectId, ['trainer']);
      await skip(db, project.id, user.id, req.params.assignmentId, req.body.reason);
      return { ok: true };
    });

    app.post('/api/projects/:projectId/submissions', { bodyLimit: UPLOAD_BODY_LIMIT, schema: { params: projectParams, body: uploadBody } }, async (req) => {
      const user = requireUser(req);
      const project = await projectFor(db, user, req.params.projectId, ['trainer']);
      const acks = await upload(db, project.id, user.id, req.body.items, project.review_rate, project);
      const fresh = new Set(acks.filter((a) => a.status === 'accepted').map((a) => a.id));
      if (fresh.size) {
        ctx.onSubmitted?.();
        await updateAgreement(db, project, [...new Set(req.body.items.filter((i) => fresh.has(i.id)).map((i) => i.evaluation.taskId))]);
        await pauseIfBelowGold(db, project, user.id);
      }
      return { acks };
    });

    const submissions = (project: Project, userId: string | undefined) => {
      let q = db
        .selectFrom('submissions as s')
        .leftJoin('rechecks as r', 'r.submission_id', 's.id')
        .innerJoin('users as u', 'u.id', 's.evaluator_id')
        .select(['s.id', 's.task_id', 's.assignment_id', 's.evaluator_id', 'u.email', 's.evaluation', 's.received_at', 's.review_state', 's.guideline_version', 's.dimensions', 'r.state as recheck_state', 'r.results', 'r.mismatches', 'r.mismatch'])
        .where('s.project_id', '=', project.id)
        .orderBy('s.received_at')
        .orderBy('s.id');
      if (userId) q = q.where('s.evaluator_id', '=', userId);
      return q;
    };
    type Row = Awaited<ReturnType<ReturnType<typeof submissions>['execute']>>[number];
    const submissionJson = (s: Row, full: boolean) => ({
      id: s.id,
      taskId: s.task_id,
      assignmentId: s.assignment_id,
      evaluatorId: s.evaluator_id,
      evaluator: s.email,
      receivedAt: s.received_at,
      reviewState: s.review_state,
      guidelineVersion: s.guideline_version,
      /** What it was rated on, kept from when it arrived (null: not judged by dimensions). */
      dimensions: s.dimensions,
      recheck: { state: s.recheck_state, mismatch: s.mismatch, mismatches: s.mismatches, ...(full ? { results: s.results } : {}) },
      ...(full ? { evaluation: s.evaluation } : {}),
    });

    app.get('/api/projects/:projectId/submissions', { schema: { params: projectParams } }, async (req) => {
      const user = requireUser(req);
      const project = await projectFor(db, user, req.params.projectId, ['admin', 'reviewer', 'trainer']);
      const rows = await submissions(project, user.role === 'trainer' ? user.id : undefined).execute();
      return { submissions: rows.map((s) => submissionJson(s, false)) };
    });

    app.get('/api/projects/:projectId/submissions/:submissionId', { schema: { params: submissionParams } }, async (req) => {
      const user = requireUser(req);
      const project = await projectFor(db, user, req.params.projectId, ['admin', 'reviewer', 'trainer']);
      if (!isUuid(req.params.submissionId)) throw notFound();
      const row = await submissions(project, user.role === 'trainer' ? user.id : undefined).where('s.id', '=', req.params.submissionId).executeTakeFirst();
      if (!row) throw notFound();
      return { submission: submissionJson(row, true) };
    });
  };
