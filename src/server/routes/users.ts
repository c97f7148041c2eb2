// Accounts, for admins: list them and create one (others join through invites).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { newUserBody } from '../api.js';
import { ApiError } from '../errors.js';
import { hashPassword } from '../passwords.js';
import { requireRole } from '../sessions.js';
import type { ServerContext } from '../context.js';

export const userRoutes = (ctx: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx;
    app.get('/api/users', async (req) => {
      requireRole(req, 'admin');
      const users = await db.selectFrom('users').select(['id', 'email', 'role', 'locale', 'created_at', 'disabled_at']).orderBy('email').execute();
      return { users: users.map((u) => ({ id: u.id, email: u.email, role: u.role, locale: u.locale, createdAt: u.created_at, disabled: u.disabled_at !== null })) };
    });

    app.post('/api/users', { schema: { body: newUserBody } }, async (req, reply) => {
      requireRole(req, 'admin');
      const { email, password, role, locale } = req.body;
      const created = await db
        .insertInto('users')
        .values({ email, password_hash: await hashPassword(password), role, ...(locale ? { locale } : {}) })
        .onConflict((oc) => oc.column('email').doNothing())
        .returning(['id', 'email', 'role', 'locale'])
        .executeTakeFirst();
      if (!created) throw new ApiError(409, 'emailTaken');
      return reply.code(201).send(created);
    });
  };
