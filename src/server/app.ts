// The team server as a Fastify app: one encapsulated plugin per resource, each route with its zod
// schemas (validation, types and the OpenAPI document from one definition), sessions read from the
// database on every API request, same-origin checks on every state change, translatable error codes,
// 503 while the database is unreachable, and the built workbench served on the same origin.
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { healthReply } from './api.js';
import { ApiError, fieldPath, isDatabaseDown } from './errors.js';
import { authRoutes } from './routes/auth.js';
import { dataRoutes } from './routes/data.js';
import { projectRoutes } from './routes/projects.js';
import { reviewRoutes } from './routes/review.js';
import { userRoutes } from './routes/users.js';
import { workRoutes } from './routes/work.js';
import { checkSameOrigin, SESSION_COOKIE, userOfToken } from './sessions.js';
import type { ServerContext } from './context.js';
import { appEntry, serveWorkbench } from './static.js';

export type { ServerContext };

export const SERVER_VERSION = '1';
/** A request body may be this big unless its route says otherwise (imports, uploads). */
export const BODY_LIMIT = 1024 * 1024;


export async function buildServer(ctx: ServerContext): Promise<FastifyInstance> {
  const app = Fastify({ logger: ctx.logger ?? false, bodyLimit: BODY_LIMIT, trustProxy: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: { info: { title: 'Veredicto team server', version: SERVER_VERSION }, components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } } },
    transform: jsonSchemaTransform,
  });

  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    // Answers are per user and change with every upload: no browser, proxy or service worker keeps one.
    reply.header('Cache-Control', 'no-store');
    checkSameOrigin(req);
  });
  app.addHook('preHandler', async (req) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/health')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) req.user = await userOfToken(ctx.db, token);
  });

  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof ApiError) return reply.code(error.status).send(error.body());
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({ path: fieldPath(v.instancePath), code: String(v.keyword) }));
      return reply.code(400).send(new ApiError(400, 'invalid', { part: error.validationContext ?? 'body' }, issues).body());
    }
    if (isDatabaseDown(error)) return reply.code(503).header('Retry-After', '5').send(new ApiError(503, 'databaseDown').body());
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send(new ApiError(413, 'tooLarge', { max: Math.round((req.routeOptions.bodyLimit ?? BODY_LIMIT) / 1024) }).body());
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.code(415).send(new ApiError(415, 'notJson').body());
    if (error.statusCode === 400 || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError) return reply.code(400).send(new ApiError(400, 'badJson').body());
    if (error.statusCode === 404) return reply.code(404).send(new ApiError(404, 'notFound').body());
    req.log.error(error);
    return reply.code(500).send(new ApiError(500, 'internal').body());
  });

  const entry = ctx.appDir ? appEntry(ctx.appDir) : undefined;
  app.get('/api/health', { schema: { response: { 200: healthReply } } }, async () => {
    await sql`SELECT 1`.execute(ctx.db);
    return { ok: true as const, db: ctx.kind, version: SERVER_VERSION, ...(entry ? { app: entry } : {}) };
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(authRoutes(ctx));
  await app.register(userRoutes(ctx));
  await app.register(projectRoutes(ctx));
  await app.register(workRoutes(ctx));
  await app.register(reviewRoutes(ctx));
  await app.register(dataRoutes(ctx));
  if (ctx.appDir) await serveWorkbench(app, ctx.appDir);
  else
    app.setNotFoundHandler((_req, reply) => {
      reply.code(404).send(new ApiError(404, 'notFound').body());
    });
  return app;
}
