// Who is asking: sessions stored in the database (so any server process knows them), sent as an
// httpOnly SameSite=Strict cookie holding a random token of which only a hash is stored; failed
// sign-ins counted in the database too, so the limit holds across processes and restarts.
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type {} from '@fastify/cookie';
import type { DB, Role } from '../db/schema.js';
import { ApiError, unauthenticated } from './errors.js';
import { decoyHash, verifyPassword } from './passwords.js';

export const SESSION_COOKIE = 'veredicto_session';
export const SESSION_DAYS = 14;
/** Failed sign-ins allowed per address, and per client address, in the window. */
export const LOGIN_LIMIT = { perEmail: 5, perIp: 50, windowMinutes: 15 } as const;

export type SessionUser = { id: string; email: string; role: Role; locale: 'en' | 'es-CL' };

declare module 'fastify' {
  interface FastifyRequest {
    user?: SessionUser;
  }
}

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');

export async function createSession(db: Kysely<DB>, userId: string): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), user_id: userId, expires_at: new Date(Date.now() + SESSION_DAYS * 86_400_000) })
    .execute();
  return token;
}

export async function endSession(db: Kysely<DB>, token: string | undefined): Promise<void> {
  if (token) await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

export async function userOfToken(db: Kysely<DB>, token: string | undefined): Promise<SessionUser | undefined> {
  if (!token || token.length > 100) return undefined;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.email', 'users.role', 'users.locale'])
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  return row;
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: SESSION_DAYS * 86_400 });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

/** Checks email and password under the failed-attempt limit; the user on success. */
export async function signIn(db: Kysely<DB>, email: string, password: string, ip: string): Promise<SessionUser> {
  const address = email.trim().toLowerCase();
  const since = sql<Date>`now() - make_interval(mins => ${LOGIN_LIMIT.windowMinutes})`;
  const counts = await db
    .selectFrom('login_failures')
    .select([
      sql<number>`count(*) FILTER (WHERE email = ${address})::int`.as('email'),
      sql<number>`count(*) FILTER (WHERE ip = ${ip})::int`.as('ip'),
    ])
    .where('at', '>', since)
    .where((eb) => eb.or([eb('email', '=', address), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  if (counts.email >= LOGIN_LIMIT.perEmail || counts.ip >= LOGIN_LIMIT.perIp) throw new ApiError(429, 'tooManyAttempts', { minutes: LOGIN_LIMIT.windowMinutes });
  const user = await db.selectFrom('users').select(['id', 'email', 'role', 'locale', 'password_hash', 'disabled_at']).where('email', '=', address).executeTakeFirst();
  const ok = await verifyPassword(password, user?.password_hash ?? (await decoyHash()));
  if (!user || !ok || user.disabled_at) {
    await db.insertInto('login_failures').values({ email: address, ip }).execute();
    throw new ApiError(401, 'badCredentials');
  }
  await db.deleteFrom('login_failures').where('email', '=', address).execute();
  return { id: user.id, email: user.email, role: user.role, locale: user.locale };
}

/** The signed-in user, or 401. */
export function requireUser(req: FastifyRequest): SessionUser {
  if (!req.user) throw unauthenticated();
  return req.user;
}

export function requireRole(req: FastifyRequest, ...roles: Role[]): SessionUser {
  const user = requireUser(req);
  if (!roles.includes(user.role)) throw new ApiError(403, 'forbidden');
  return user;
}

/**
 * Cross-site request forgery: a state-changing request must carry the header the SPA sends (a
 * cross-site page cannot add one without a CORS preflight, which this server never grants), and
 * must not come from another site by its Origin or Sec-Fetch-Site. The cookie is SameSite=Strict too.
 */
export function checkSameOrigin(req: FastifyRequest): void {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') throw new ApiError(403, 'crossSite');
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      /* a malformed Origin is cross-site */
    }
    if (host !== req.headers.host) throw new ApiError(403, 'crossSite');
  } else if (origin === 'null') throw new ApiError(403, 'crossSite');
  if (req.headers['x-veredicto'] !== '1') throw new ApiError(403, 'crossSite');
}
