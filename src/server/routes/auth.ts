// Signing in and out, who am I, and joining through an invite link. Public routes are only these
// and GET /api/health; everything else needs a session.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { acceptInviteBody, loginBody, meReply } from '../api.js';
import { ApiError } from '../errors.js';
import { hashPassword } from '../passwords.js';
import { clearSessionCookie, createSession, endSession, requireUser, SESSION_COOKIE, setSessionCookie, signIn } from '../sessions.js';
import type { ServerContext } from '../context.js';

export const hashInviteToken = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');

export const authRoutes = (ctx: ServerContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx;
    app.post('/api/auth/login', { schema: { body: loginBody, response: { 200: meReply } } }, async (req, reply) => {
      const user = await signIn(db, req.body.email, req.body.password, req.ip);
      setSessionCookie(reply, await createSession(db, user.id), ctx.secureCookies);
      return user;
    });

    app.post('/api/auth/logout', async (req, reply) => {
      requireUser(req);
      await endSession(db, req.cookies[SESSION_COOKIE]);
      clearSessionCookie(reply, ctx.secureCookies);
      return { ok: true };
    });

    app.get('/api/auth/me', { schema: { response: { 200: meReply } } }, async (req) => requireUser(req));

    app.post('/api/invites/accept', { schema: { body: acceptInviteBody, response: { 200: meReply } } }, async (req, reply) => {
      const { token, email, password, locale } = req.body;
      const hash = await hashPassword(password);
      const user = await db.transaction().execute(async (trx) => {
        const invite = await trx
          .selectFrom('invites')
          .selectAll()
          .where('token_hash', '=', hashInviteToken(token))
          .where('used_at', 'is', null)
          .where('expires_at', '>', sql<Date>`now()`)
          .forUpdate()
          .executeTakeFirst();
        if (!invite) throw new ApiError(404, 'inviteInvalid');
        if (invite.email && invite.email !== email) throw new ApiError(403, 'inviteOtherEmail');
        const taken = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
        if (taken) throw new ApiError(409, 'emailTaken');
        const created = await trx
          .insertInto('users')
          .values({ email, password_hash: hash, role: invite.role, ...(locale ? { locale } : {}) })
          .returning(['id', 'email', 'role', 'locale'])
          .executeTakeFirstOrThrow();
        await trx.updateTable('invites').set({ used_at: sql`now()`, used_by: created.id }).where('token_hash', '=', invite.token_hash).execute();
        if (invite.project_id) await trx.insertInto('memberships').values({ project_id: invite.project_id, user_id: created.id }).execute();
        return created;
      });
      setSessionCookie(reply, await createSession(db, user.id), ctx.secureCookies);
      return user;
    });
  };
