// The team server serves the built workbench with exactly the headers of `vite preview` (one module
// defines them): COOP/COEP/CORP and the app's policy on pages and files, the sandbox page's own
// no-network policy, deep links answered with the app, missing files and API paths never.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from '../db/connect.js';
import { buildServer } from './app.js';
import { appPolicy, ISOLATION_HEADERS, sandboxPolicy } from './securityHeaders.js';

describe('serving the workbench', () => {
  let dir: string;
  let database: Database;
  let app: Awaited<ReturnType<typeof buildServer>>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veredicto-dist-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head></head><script type="module" crossorigin src="/assets/index-abc123.js"></script>');
    fs.writeFileSync(path.join(dir, 'sandbox.html'), '<!doctype html><p>sandbox</p>');
    fs.writeFileSync(path.join(dir, 'sw.js'), 'self.x = 1;');
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    database = await connect({ dataDir: 'memory://' });
    app = await buildServer({ db: database.db, kind: database.kind, secureCookies: false, appDir: dir });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string) => app.inject({ method: 'GET', url });
  const isolation = Object.fromEntries(Object.entries(ISOLATION_HEADERS).map(([k, v]) => [k.toLowerCase(), v]));

  it('sends the isolation headers and the app policy on the app, its files and deep links', async () => {
    for (const url of ['/', '/index.html', '/tasks/add-two', '/team/projects/x', '/assets/index-abc123.js', '/sw.js']) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(200);
      expect(r.headers, url).toMatchObject({ ...isolation, 'content-security-policy': appPolicy() });
    }
    expect((await get('/tasks/add-two')).body).toContain('/assets/index-abc123.js');
    // Marked as served by a team server, wherever the page is asked for (the service worker asks for /index.html).
    for (const url of ['/', '/index.html', '/team']) expect((await get(url)).body, url).toContain('<meta name="veredicto-team" content="1">');
  });

  it("sends the sandbox page its own policy, with no network", async () => {
    const r = await get('/sandbox.html');
    expect(r.headers).toMatchObject({ ...isolation, 'content-security-policy': sandboxPolicy() });
    expect(sandboxPolicy()).toContain("connect-src 'none'");
  });

  it('caches hashed assets for good and the page and service worker never', async () => {
    expect((await get('/assets/index-abc123.js')).headers['cache-control']).toMatch(/immutable/);
    for (const url of ['/', '/index.html', '/sw.js', '/tasks/x']) expect((await get(url)).headers['cache-control'], url).toBe('no-cache');
    expect((await get('/api/health')).headers['cache-control']).toBe('no-store');
  });

  it('answers 404 for a missing file or API path, never the app', async () => {
    for (const url of ['/assets/gone.js', '/api/nothing', '/pyodide/x.wasm']) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.json()).toEqual({ error: { code: 'notFound' } });
    }
  });

  it("names the served app's entry in health, so a stale page can tell", async () => {
    expect((await get('/api/health')).json()).toMatchObject({ ok: true, db: 'pglite', app: '/assets/index-abc123.js' });
  });
});
