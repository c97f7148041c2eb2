// Review for leads (admins and reviewers of the project): the queue, one task with every trainer's
// judgement side by side, the decision on a submission; and for trainers their inbox of reviews.
// Every id is checked against the project: another project's submission or task is 404.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { projectParams, reviewBody, submissionParams, taskParams } from '../api.js';
import { projectFor } from '../access.js';
import { decide, inbox, reviewQueue, taskReview } from '../review.js';
import { requireUser } from '../sessions.js';
import type { ServerContext } from '../context.js';

const LEADS = ['admin', 'reviewer'] as const;

export const reviewRoutes = (ctx: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx;

    app.get('/api/projects/:projectId/review-queue', { schema: { params: projectParams } }, async (req) => {
      const project = await projectFor(db, requireUser(req), req.params.projectId, LEADS);
      return { queue: await reviewQueue(db, project) };
    });

    app.get('/api/projects/:projectId/tasks/:taskId/review', { schema: { params: taskParams } }, async (req) => {
      const project = await projectFor(db, requireUser(req), req.params.projectId, LEADS);
      return taskReview(db, project, req.params.taskId);
    });

    app.post('/api/projects/:projectId/submissions/:submissionId/review', { schema: { params: submissionParams, body: reviewBody } }, async (req, reply) => {
      const user = requireUser(req);
      const project = await projectFor(db, user, req.params.projectId, LEADS);
      return reply.code(201).send(await decide(db, project, user.id, req.params.submissionId, req.body));
    });

    app.get('/api/projects/:projectId/inbox', { schema: { params: projectParams } }, async (req) => {
      const user = requireUser(req);
      const project = await projectFor(db, user, req.params.projectId, ['trainer']);
      return { reviews: await inbox(db, project, user.id) };
    });
  };
