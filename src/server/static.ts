// The built workbench (dist/), served by the team server on the API's origin so the app, its API
// and its cookies share one origin. Every page gets exactly the headers `vite preview` sends
// (src/server/securityHeaders.ts), the sandbox page its own policy. Hashed assets are cached for
// good; index.html and the service worker never, so an upgraded server is seen on the next load.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { SANDBOX_PATH } from '../sandbox/browser/sandboxDocument.js';
import { ApiError } from './errors.js';
import { appPolicy, ISOLATION_HEADERS, sandboxPolicy } from './securityHeaders.js';

/**
 * The mark the app looks for to know a team server served it (src/ui/team/team.ts), so the local
 * workbench never calls an API that is not there. The service worker caches the marked page too.
 */
export const TEAM_MARK = '<meta name="veredicto-team" content="1">';

/** Paths that are files, never the app's routes: a missing one is 404, not index.html. */
const FILE_PREFIXES = ['/api/', '/assets/', '/pyodide/', '/clang/'];

/**
 * The entry script the built index.html loads (/assets/index-<hash>.js): it changes with every
 * build, so a page that loaded another one is a stale copy (the service worker's) of an older app.
 */
export function appEntry(dir: string): string | undefined {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  return /<script[^>]*type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
}

export async function serveWorkbench(app: FastifyInstance, dir: string): Promise<void> {
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) throw new Error(`no built workbench in ${dir} (run npm run build)`);
  const html = fs.readFileSync(index, 'utf8').replace('<head>', `<head>${TEAM_MARK}`);
  const page = (reply: FastifyReply) => reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(html);
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/')) return payload;
    const pathname = req.url.split(/[?#]/)[0]!;
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) reply.header(name, value);
    reply.header('Content-Security-Policy', pathname === `/${SANDBOX_PATH}` ? sandboxPolicy() : appPolicy());
    reply.header('X-Content-Type-Options', 'nosniff');
    return payload;
  });
  await app.register(fastifyStatic, {
    root: dir,
    // One route for every file (a rebuilt app is served without a restart); a missing file falls
    // through to the not-found handler below; /, /index.html are the marked page.
    wildcard: true,
    index: false,
    setHeaders(res, file) {
      const rel = path.relative(dir, file).split(path.sep).join('/');
      res.header('Cache-Control', rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler((req, reply) => {
    const pathname = req.url.split(/[?#]/)[0]!;
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply.code(404).send(new ApiError(404, 'notFound').body());
    if (FILE_PREFIXES.some((p) => pathname.startsWith(p))) return reply.code(404).send(new ApiError(404, 'notFound').body());
    // A deep link (/tasks/<id>, /team/...): the app, which routes it.
    return page(reply);
  });
  app.get('/', (_req, reply) => page(reply));
  app.get('/index.html', (_req, reply) => page(reply));
}
