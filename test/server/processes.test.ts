// The team server as separate processes (`veredicto serve`, `veredicto worker`, `veredicto admin`):
// 50 trainers checking out at once through two servers on one PostgreSQL, uploads retried across
// a `kill -9` of the server, the re-check of every submission in the Node sandbox, and the CLI's
// contract (health, add-user with the password on stdin, project create printing the id).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connect.js';
import { scratchPostgres, type Scratch } from '../../src/db/testing.js';
import { createProject, readSources } from '../../src/server/projects.js';
import { addMembers, addUsers, ApiClient, honestResults, submittedEvaluation, taskFile } from '../../src/server/testing.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'bin', 'veredicto.js');
// A port the system has just handed out as free: fixed ranges collided when two checkouts ran the
// suite on one machine at once.
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

type Server = { port: number; url: string; child: ChildProcess; stop(signal?: NodeJS.Signals): Promise<void> };

async function serve(args: string[], chosen?: number): Promise<Server> {
  const port = chosen ?? (await freePort());
  const child = spawn(process.execPath, [CLI, 'serve', '--port', String(port), '--host', '127.0.0.1', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'en_US.UTF-8' } });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    const check = () => {
      if (/team server on http/i.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited ${code}: ${out}`));
    });
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    child,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

const cli = (args: string[], input?: string) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' }, ...(input !== undefined ? { input } : {}), timeout: 120_000 });

describe('team server processes on PostgreSQL', () => {
  let scratch: Scratch;
  let database: Database;
  const servers: Server[] = [];
  beforeAll(async () => {
    scratch = await scratchPostgres();
    database = await scratch.open();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop('SIGKILL')));
    await database?.close();
    await scratch?.drop();
  });

  it('keeps the CLI contract: add-user reads the password from stdin, project create prints the id, health names the database', async () => {
    const added = cli(['admin', 'add-user', '--email', 'Lead@Example.cl', '--role', 'admin', '--db', scratch.url!], 'una contraseña larga\n');
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(added.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    expect(cli(['admin', 'add-user', '--email', 'lead@example.cl', '--role', 'admin', '--db', scratch.url!], 'otra contraseña\n').status).toBe(1);
    expect(cli(['admin', 'add-user', '--email', 'x@example.cl', '--role', 'boss', '--db', scratch.url!], 'otra contraseña\n').status).toBe(2);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veredicto-project-'));
    for (const id of ['c1', 'c2']) fs.writeFileSync(path.join(dir, `${id}.json`), taskFile(id).text);
    const created = cli(['admin', 'project', 'create', '--name', 'Piloto', '--overlap', '2', path.join(dir, 'c1.json'), path.join(dir, 'c2.json'), '--db', scratch.url!]);
    expect(created.status).toBe(0);
    const id = created.stdout.trim();
    const row = await database.db.selectFrom('projects').select(['name', 'overlap']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Piloto', overlap: 2 });
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"schemaVersion": 1, "id": "bad"}');
    const refused = cli(['admin', 'project', 'create', '--name', 'Mal', path.join(dir, 'bad.json'), '--db', scratch.url!]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/bad\.json/);
    const server = await serve(['--db', scratch.url!, '--no-worker']);
    servers.push(server);
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health).toMatchObject({ ok: true, db: 'postgres' });
    const lead = ApiClient.http(server.url);
    expect((await lead.login('lead@example.cl', 'una contraseña larga')).status).toBe(200);
  });

  it('hands 50 simultaneous trainers on two servers no task beyond its overlap, and loses none', async () => {
    const overlap = 3;
    const project = await createProject(database.db, { name: 'Carrera', overlap }, readSources(Array.from({ length: 30 }, (_, i) => taskFile(`r${i}`))), null);
    const emails = Array.from({ length: 50 }, (_, i) => `racer${i}@x.cl`);
    await addMembers(database.db, project, await addUsers(database.db, emails.map((email) => ({ email, role: 'trainer' }))));
    const [a, b] = await Promise.all([serve(['--db', scratch.url!, '--no-worker']), serve(['--db', scratch.url!, '--no-worker'])]);
    servers.push(a!, b!);
    const clients = emails.map((_, i) => ApiClient.http((i % 2 ? b! : a!).url));
    await Promise.all(clients.map((c, i) => c.login(emails[i]!)));
    // Everyone asks at once for more than there is: 50 × 3 asked, 30 × 3 to give.
    const answers = await Promise.all(clients.map((c) => c.post(`/api/projects/${project}/checkout`, { count: 3 })));
    expect(answers.map((r) => r.status)).toEqual(clients.map(() => 200));
    const first = answers.reduce((n, r) => n + r.body.assignments.length, 0);
    // A checkout skips what another holds locked at that instant; asking again (as the queue's
    // button does) gets the rest. Nothing may stay behind: every place on every task goes out.
    for (let round = 0; round < 3; round++) {
      const short = clients.map((c, i) => [c, i] as const).filter(([, i]) => answers[i]!.body.assignments.length < 3);
      const again = await Promise.all(short.map(([c]) => c.post(`/api/projects/${project}/checkout`, { count: 3 })));
      short.forEach(([, i], k) => (answers[i] = again[k]!));
    }
    const given = answers.flatMap((r, i) => r.body.assignments.map((x: { taskId: string }) => ({ trainer: i, task: x.taskId })));
    expect(given).toHaveLength(30 * overlap);
    expect(first).toBeGreaterThan(30 * overlap * 0.8); // most in the first burst already
    const perTask = new Map<string, Set<number>>();
    for (const g of given) perTask.set(g.task, (perTask.get(g.task) ?? new Set()).add(g.trainer));
    expect(perTask.size).toBe(30);
    for (const holders of perTask.values()) expect(holders.size).toBe(overlap);
    const rows = await sql<{ id: string; taken: number; held: number }>`
      SELECT t.id, t.taken, (SELECT count(*)::int FROM assignments x WHERE x.project_id = t.project_id AND x.task_id = t.id AND x.state = 'active') AS held
      FROM tasks t WHERE t.project_id = ${project}`.execute(database.db);
    for (const r of rows.rows) expect([r.taken, r.held]).toEqual([overlap, overlap]);
    // Half of them give theirs back at once; the other half ask again: what was given back goes out again.
    await Promise.all(
      clients.slice(0, 25).map(async (c, i) => {
        for (const x of answers[i]!.body.assignments) expect((await c.post(`/api/projects/${project}/assignments/${x.id}/skip`, { reason: 'carrera' })).status).toBe(200);
      }),
    );
    const again = await Promise.all(clients.slice(25).map((c) => c.post(`/api/projects/${project}/checkout`, { count: 6 })));
    const second = again.flatMap((r, i) => r.body.assignments.map((x: { taskId: string }) => `${i}:${x.taskId}`));
    expect(new Set(second).size).toBe(second.length);
    const final = await sql<{ over: number; taken_ok: boolean }>`
      SELECT count(*) FILTER (WHERE held > ${overlap})::int AS over, bool_and(taken = held) AS taken_ok FROM (
        SELECT t.taken, (SELECT count(*)::int FROM assignments x WHERE x.project_id = t.project_id AND x.task_id = t.id AND x.state IN ('active', 'submitted')) AS held
        FROM tasks t WHERE t.project_id = ${project}) s`.execute(database.db);
    expect(final.rows[0]).toEqual({ over: 0, taken_ok: true });
    const skippedGiven = second.length - given.filter((g) => g.trainer >= 25).length;
    expect(skippedGiven).toBeGreaterThan(0);
  });

  it('stores every upload exactly once across retries and a kill -9 of the server', async () => {
    const project = await createProject(database.db, { name: 'Caída' }, readSources(Array.from({ length: 40 }, (_, i) => taskFile(`k${i}`))), null);
    await addMembers(database.db, project, await addUsers(database.db, [{ email: 'kill@x.cl', role: 'trainer' }]));
    let server = await serve(['--db', scratch.url!, '--no-worker']);
    const port = server.port;
    let client = ApiClient.http(server.url);
    await client.login('kill@x.cl');
    const leases = (await client.post(`/api/projects/${project}/checkout`, { count: 40 })).body.assignments as { id: string; taskId: string }[];
    expect(leases).toHaveLength(40);
    const outbox = new Map<string, { assignmentId: string; evaluation: ReturnType<typeof submittedEvaluation> }>(leases.map((l) => [crypto.randomUUID(), { assignmentId: l.id, evaluation: submittedEvaluation(l.taskId) }]));
    const accepted = new Set<string>();
    const send = async (ids: string[]) => {
      try {
        const r = await client.post(`/api/projects/${project}/submissions`, { items: ids.map((id) => ({ id, ...outbox.get(id)! })) });
        if (r.status === 200) for (const a of r.body.acks) if (a.status === 'accepted' || a.status === 'duplicate') accepted.add(a.id);
      } catch {
        /* the connection dropped: these stay in the outbox */
      }
    };
    const ids = [...outbox.keys()];
    // Batches in flight when the server dies mid-way.
    const inFlight = Array.from({ length: 8 }, (_, i) => send(ids.slice(i * 5, i * 5 + 5)));
    await new Promise((r) => setTimeout(r, 15));
    await server.stop('SIGKILL');
    await Promise.all(inFlight);
    const before = accepted.size;
    server = await serve(['--db', scratch.url!, '--no-worker'], port); // the same address the outbox knows
    servers.push(server);
    client = ApiClient.http(server.url);
    await client.login('kill@x.cl');
    // The outbox resends everything not yet acknowledged, twice over for good measure.
    for (let round = 0; round < 2; round++) for (let i = 0; i < ids.length; i += 10) await send(ids.slice(i, i + 10).filter((id) => round === 1 || !accepted.has(id)));
    expect(accepted.size).toBe(40);
    expect(before).toBeLessThanOrEqual(40);
    const stored = await database.db.selectFrom('submissions').select(['id']).where('project_id', '=', project).execute();
    expect(stored.map((s) => s.id).sort()).toEqual(ids.sort());
    const jobs = await database.db.selectFrom('rechecks').select(sql<number>`count(*)::int`.as('n')).where('submission_id', 'in', ids).executeTakeFirstOrThrow();
    expect(jobs.n).toBe(40);
  });

  it('re-checks every submission with `veredicto worker`, beside the verdicts the trainer saw, flagging a mismatch', async () => {
    const project = await createProject(database.db, { name: 'Verificación' }, readSources(['v1', 'v2'].map((id) => taskFile(id))), null);
    const [trainer] = await addUsers(database.db, [{ email: 'honest@x.cl', role: 'trainer' }]);
    await addMembers(database.db, project, [trainer!]);
    const server = servers.at(-1)!;
    const client = ApiClient.http(server.url);
    await client.login('honest@x.cl');
    const [l1, l2] = (await client.post(`/api/projects/${project}/checkout`, { count: 2 })).body.assignments;
    const now = new Date().toISOString();
    const forged = honestResults(now);
    forged.bad = { ...forged.bad!, verdict: 'passed', tests: forged.bad!.tests.map((t) => ({ ...t, status: 'passed' as const })) };
    const honest = submittedEvaluation(l1.taskId, honestResults(now));
    const mine = { ...submittedEvaluation(l2.taskId, forged) };
    mine.judgement = { ...mine.judgement, ownTests: [{ name: 'mine', kind: 'call', args: [2, 2], expected: 4 }] };
    const ids = [crypto.randomUUID(), crypto.randomUUID()];
    const r = await client.post(`/api/projects/${project}/submissions`, { items: [{ id: ids[0], assignmentId: l1.id, evaluation: honest }, { id: ids[1], assignmentId: l2.id, evaluation: mine }] });
    expect(r.body.acks.map((a: { status: string }) => a.status)).toEqual(['accepted', 'accepted']);
    const worker = cli(['worker', '--once', '--db', scratch.url!]);
    expect(worker.stderr).toBe('');
    expect(worker.status).toBe(0);
    const [a, b] = await Promise.all(ids.map(async (id) => (await client.get(`/api/projects/${project}/submissions/${id}`)).body.submission));
    expect(a.recheck).toMatchObject({ state: 'done', mismatch: false, mismatches: [] });
    expect(a.recheck.results.bad).toMatchObject({ verdict: 'failed' });
    expect(b.recheck.mismatch).toBe(true);
    expect(b.recheck.mismatches).toEqual([
      { solutionId: 'bad', test: 'big', seen: 'passed', server: 'failed' },
      { solutionId: 'bad', seen: 'passed', server: 'failed' },
    ]);
    // The trainer's own test ran too, hidden tests included, and the trainer's verdicts are kept beside.
    expect(b.recheck.results.good.tests).toEqual([
      { name: 'small', hidden: false, status: 'passed', own: false },
      { name: 'big', hidden: true, status: 'passed', own: false },
      { name: 'mine', hidden: false, status: 'passed', own: true },
    ]);
    expect(b.evaluation.judgement.results.bad.verdict).toBe('passed');
  });
});

describe('team server process on the embedded database', () => {
  it('starts on PGlite in a data folder, keeps its data across a restart, and re-checks inside the server', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veredicto-data-'));
    try {
      expect(cli(['admin', 'add-user', '--email', 'solo@x.cl', '--role', 'admin', '--data', dir], 'contraseña segura\n').status).toBe(0);
      const file = path.join(dir, 'e1.json');
      fs.writeFileSync(file, taskFile('e1').text);
      const project = cli(['admin', 'project', 'create', '--name', 'Local', file, '--data', dir]).stdout.trim();
      let server = await serve(['--data', dir]);
      expect(await (await fetch(`${server.url}/api/health`)).json()).toMatchObject({ ok: true, db: 'pglite' });
      const admin = ApiClient.http(server.url);
      await admin.login('solo@x.cl', 'contraseña segura');
      expect((await admin.post('/api/users', { email: 'ana@x.cl', password: 'contraseña de ana', role: 'trainer' })).status).toBe(201);
      expect((await admin.post(`/api/projects/${project}/members`, { email: 'ana@x.cl' })).status).toBe(201);
      const ana = ApiClient.http(server.url);
      await ana.login('ana@x.cl', 'contraseña de ana');
      const [lease] = (await ana.post(`/api/projects/${project}/checkout`, { count: 1 })).body.assignments;
      const id = crypto.randomUUID();
      expect((await ana.post(`/api/projects/${project}/submissions`, { items: [{ id, assignmentId: lease.id, evaluation: submittedEvaluation('e1') }] })).body.acks[0].status).toBe('accepted');
      let recheck;
      for (let i = 0; i < 120 && recheck?.state !== 'done'; i++) {
        await new Promise((r) => setTimeout(r, 250));
        recheck = (await ana.get(`/api/projects/${project}/submissions/${id}`)).body.submission.recheck;
      }
      expect(recheck).toMatchObject({ state: 'done', mismatch: false });
      await server.stop();
      server = await serve(['--data', dir]);
      const back = ApiClient.http(server.url);
      await back.login('ana@x.cl', 'contraseña de ana');
      expect((await back.get(`/api/projects/${project}/submissions`)).body.submissions.map((s: { id: string }) => s.id)).toEqual([id]);
      await server.stop();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
