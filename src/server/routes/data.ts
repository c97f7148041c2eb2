// Data leaving the server: a project's evaluations in the SPA's three export formats (streamed,
// filtered by review status and date), for admins and reviewers; the whole server's backup, for admins.
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportQuery, projectParams } from '../api.js';
import { projectFor } from '../access.js';
import { dumpDatabase } from '../backup.js';
import { EXPORT_TYPES, exportProject } from '../exports.js';
import { requireRole, requireUser } from '../sessions.js';
import type { ServerContext } from '../context.js';

export const dataRoutes = (ctx: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx;
    app.get('/api/projects/:projectId/export', { schema: { params: projectParams, querystring: exportQuery } }, async (req, reply) => {
      const project = await projectFor(db, requireUser(req), req.params.projectId, ['admin', 'reviewer']);
      const { format, status, from, to, locale } = req.query;
      const kind = EXPORT_TYPES[format];
      reply.header('Content-Type', kind.type);
      reply.header('Content-Disposition', `attachment; filename="veredicto-${project.id}.${kind.extension}"`);
      return reply.send(Readable.from(exportProject(db, project, format, { ...(status ? { status } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) }, locale)));
    });

    app.get('/api/backup', async (req, reply) => {
      requireRole(req, 'admin');
      reply.header('Content-Type', 'application/x-ndjson; charset=utf-8');
      reply.header('Content-Disposition', `attachment; filename="veredicto-backup-${new Date().toISOString().slice(0, 10)}.jsonl"`);
      return reply.send(Readable.from(dumpDatabase(db)));
    });
  };
