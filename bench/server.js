#!/usr/bin/env node
// npm run bench:server — the team server's speed, printed (never pass/fail): 200 simulated trainers
// checking out and uploading at once, on the real PostgreSQL and on PGlite, through one and two
// server processes (PGlite is one process's database: one only), with p50/p99 latencies next to a
// baseline measured in the same run (GET /api/health: one trivial query through the same stack);
// then the re-check queue's throughput in tasks/s next to `veredicto run` on the same tasks.
// Needs PostgreSQL on 127.0.0.1:5432 (or VEREDICTO_TEST_PG); makes and drops its own database.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const B = (p) => import(path.join(ROOT, 'build', 'node', p));
const { scratchPostgres } = await B('db/testing.js');
const { connect } = await B('db/connect.js');
const { createProject, readSources } = await B('server/projects.js');
const { addMembers, addUsers, ApiClient, submittedEvaluation, taskFile, PASSWORD } = await B('server/testing.js');
const { RecheckWorker } = await B('server/recheck.js');
const { nodeSandbox, ensureSnapshot } = await B('sandbox/node/spawn.js');
const { newEvaluation, evaluationReducer } = await B('domain/evaluation.js');

const TRAINERS = Number(process.env.BENCH_TRAINERS ?? 200);
const ROUNDS = 3;
// Trainers read and judge for minutes between requests; seconds here keep the run short and the load high.
const THINK_MS = 3000;
const PER_CHECKOUT = 10;
const BATCH = 10; // evaluations per upload request, as the SPA's outbox sends them
const CLI = path.join(ROOT, 'bin', 'veredicto.js');
let port = 4440;

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (x) => `${x.toFixed(1)} ms`;

function serve(args) {
  const p = port++;
  const child = spawn(process.execPath, [CLI, 'serve', '--port', String(p), '--host', '127.0.0.1', '--no-worker', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 120_000);
    child.stdout.on('data', () => {
      if (/on http/.test(out)) {
        clearTimeout(t);
        resolve({ url: `http://127.0.0.1:${p}`, stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))) });
      }
    });
    child.once('exit', (c) => reject(new Error(`server exited ${c}: ${out}`)));
  });
}

async function timed(fn) {
  const t = performance.now();
  const r = await fn();
  if (r.status !== 200) throw new Error(`HTTP ${r.status}: ${r.text.slice(0, 300)}`);
  return { r, ms: performance.now() - t };
}

/** Seeds a project for TRAINERS trainers and ROUNDS rounds of PER_CHECKOUT tasks each. */
async function seed(db) {
  const tasks = readSources(Array.from({ length: TRAINERS * PER_CHECKOUT * (ROUNDS + 1) }, (_, i) => taskFile(`b${i}`)));
  const project = await createProject(db, { name: 'Bench', overlap: 1 }, tasks, null);
  const emails = Array.from({ length: TRAINERS }, (_, i) => `bench${i}@x.cl`);
  await addMembers(db, project, await addUsers(db, emails.map((email) => ({ email, role: 'trainer' }))));
  return { project, emails };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Steady: each trainer starts within the first THINK_MS × 2, then per round checks out, thinks,
 * uploads the batch, reads health (the baseline), thinks: latencies under a realistic load.
 * Burst: every trainer checks out and then uploads back to back, all at once: throughput.
 */
async function load(urls, project, emails) {
  const clients = emails.map((_, i) => ApiClient.http(urls[i % urls.length]));
  for (let i = 0; i < clients.length; i += 20) await Promise.all(clients.slice(i, i + 20).map((c, j) => c.login(emails[i + j], PASSWORD)));
  const health = [];
  const checkout = [];
  const upload = [];
  const think = () => sleep(THINK_MS / 2 + Math.random() * THINK_MS);
  const uploadAll = async (c, leases, into) => {
    for (let k = 0; k < leases.length; k += BATCH) {
      const items = leases.slice(k, k + BATCH).map((l) => ({ id: crypto.randomUUID(), assignmentId: l.id, evaluation: submittedEvaluation(l.taskId) }));
      const x = await timed(() => c.post(`/api/projects/${project}/submissions`, { items }));
      if (x.r.body.acks.some((a) => a.status !== 'accepted')) throw new Error('an upload was not accepted');
      into?.push(x.ms);
    }
  };
  await Promise.all(
    clients.map(async (c) => {
      await sleep(Math.random() * THINK_MS * 2);
      for (let round = 0; round < ROUNDS; round++) {
        const x = await timed(() => c.post(`/api/projects/${project}/checkout`, { count: PER_CHECKOUT }));
        checkout.push(x.ms);
        await think();
        await uploadAll(c, x.r.body.assignments, upload);
        health.push((await timed(() => c.get('/api/health'))).ms);
        await think();
      }
    }),
  );
  let t = performance.now();
  const leases = await Promise.all(clients.map(async (c) => (await timed(() => c.post(`/api/projects/${project}/checkout`, { count: PER_CHECKOUT }))).r.body.assignments));
  const checkoutWall = performance.now() - t;
  t = performance.now();
  await Promise.all(clients.map((c, i) => uploadAll(c, leases[i])));
  const uploadWall = performance.now() - t;
  const uploaded = leases.reduce((n, l) => n + l.length, 0);
  return { health, checkout, upload, checkouts: clients.length, checkoutWall, uploaded, uploadWall };
}

const rows = [];
function report(label, r) {
  const base = pct(r.health, 50);
  rows.push({
    label,
    'checkout p50': ms(pct(r.checkout, 50)),
    'checkout p99': ms(pct(r.checkout, 99)),
    'upload p50': ms(pct(r.upload, 50)),
    'upload p99': ms(pct(r.upload, 99)),
    'health p50 (baseline)': ms(base),
    'checkout p50 / baseline': `${(pct(r.checkout, 50) / base).toFixed(1)}×`,
    'burst checkouts/s': Math.round(r.checkouts / (r.checkoutWall / 1000)),
    'burst uploads/s': Math.round(r.uploaded / (r.uploadWall / 1000)),
  });
  const row = rows.at(-1);
  console.log(`${label}: steady checkout p50 ${row['checkout p50']} p99 ${row['checkout p99']}, upload p50 ${row['upload p50']} p99 ${row['upload p99']} (health p50 ${row['health p50 (baseline)']}); burst ${row['burst checkouts/s']} checkouts/s, ${row['burst uploads/s']} uploads/s (${BATCH} per request)`);
}

async function onPostgres(processes) {
  const scratch = await scratchPostgres();
  const database = await scratch.open();
  try {
    const { project, emails } = await seed(database.db);
    const servers = await Promise.all(Array.from({ length: processes }, () => serve(['--db', scratch.url])));
    try {
      report(`PostgreSQL, ${processes} process${processes > 1 ? 'es' : ''}`, await load(servers.map((s) => s.url), project, emails));
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  } finally {
    await database.close();
    await scratch.drop();
  }
}

async function onPGlite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veredicto-bench-'));
  try {
    const database = await connect({ dataDir: dir });
    const seeded = await seed(database.db);
    await database.close();
    const server = await serve(['--data', dir]);
    try {
      report('PGlite, 1 process', await load([server.url], seeded.project, seeded.emails));
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The re-check queue on the bundled tasks (Python and JavaScript), next to `veredicto run` on them. */
async function recheck() {
  const dir = path.join(ROOT, 'tasks');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
  const tasks = readSources(files);
  const solutions = tasks.reduce((n, t) => n + t.solutions.length, 0);
  const scratch = await scratchPostgres();
  const database = await scratch.open();
  try {
    const project = await createProject(database.db, { name: 'Re-check', overlap: 1 }, tasks, null);
    const [user] = await addUsers(database.db, [{ email: 'rc@x.cl', role: 'trainer' }]);
    await addMembers(database.db, project, [user]);
    const now = new Date().toISOString();
    for (const task of tasks) {
      const a = await database.db.insertInto('assignments').values({ project_id: project, task_id: task.id, user_id: user, state: 'submitted', lease_expires_at: now }).returning('id').executeTakeFirstOrThrow();
      const evaluation = evaluationReducer(newEvaluation(task.id, 'en', now), { type: 'submit' }, now);
      const id = crypto.randomUUID();
      await database.db.insertInto('submissions').values({ id, project_id: project, task_id: task.id, assignment_id: a.id, evaluator_id: user, evaluation: JSON.stringify(evaluation), active_ms: 0 }).execute();
      await database.db.insertInto('rechecks').values({ submission_id: id, state: 'queued' }).execute();
    }
    ensureSnapshot();
    const worker = new RecheckWorker(database.db, { sandbox: () => nodeSandbox(), batch: 32 });
    // Warm the runtimes as `veredicto run` does before its clock starts (its evalMs excludes start-up).
    const warm = nodeSandbox();
    await warm.warmUp(['python', 'javascript']);
    warm.close();
    const t = performance.now();
    let done = 0;
    for (let n; (n = await worker.runOnce()) > 0; ) done += n;
    const wall = performance.now() - t;
    await worker.stop();
    const run = spawnSync(process.execPath, [CLI, 'run', dir, '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const cli = JSON.parse(run.stdout);
    const runWall = cli.timings.evalMs + cli.timings.runtimeLoadMs;
    const recheckRate = done / (wall / 1000);
    const runRate = tasks.length / (runWall / 1000);
    console.log(
      `Re-check: ${done} submissions (${tasks.length} bundled tasks, ${solutions} solutions) in ${(wall / 1000).toFixed(2)} s = ${recheckRate.toFixed(1)} tasks/s, runtimes starting included; ` +
        `veredicto run on the same tasks: ${(runWall / 1000).toFixed(2)} s with start-up (${(cli.timings.evalMs / 1000).toFixed(2)} s eval) = ${runRate.toFixed(1)} tasks/s; ratio ${(recheckRate / runRate).toFixed(2)}×`,
    );
  } finally {
    await database.close();
    await scratch.drop();
  }
}

console.log(`Team server bench: ${TRAINERS} simulated trainers, ${ROUNDS} rounds each of checkout (${PER_CHECKOUT} tasks), upload (${BATCH} per request) and health with ${THINK_MS / 2}–${(THINK_MS * 3) / 2} ms think time between (steady: latencies), then all at once with none (burst: throughput); ${os.availableParallelism()} cores, client and servers on this machine.`);
await onPostgres(1);
await onPostgres(2);
await onPGlite();
console.table(rows);
await recheck();
process.exit(0);
