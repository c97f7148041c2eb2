// Team mode in Chromium against a real `veredicto serve` on PostgreSQL (its own database, dropped
// after): an admin creates a project from a task file and adds two trainers; one judges online, the
// other goes offline, submits into the outbox and reconnects; each upload arrives exactly once and
// the server's re-check verdicts are shown. The server serves the same build the other tests use.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, assertEqual } from './fixtures/expect.js';
import { openSession } from './fixtures/session.js';
import { TIMEOUT } from './fixtures/workbench.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'bin', 'veredicto.js');
const DIST = path.resolve(ROOT, process.env.E2E_DIST ?? 'dist');
// The team server under test takes a port of its own, away from the preview server's.
const PORT = Number(process.env.E2E_TEAM_PORT ?? 4420 + (Number(process.env.E2E_PORT ?? 4173) % 20));
const PASSWORD = 'contraseña del equipo';

async function startTeamServer(url, app = DIST) {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', String(PORT), '--host', '127.0.0.1', '--db', url, '--app', app], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`team server did not start: ${out}`)), 60_000);
    child.stdout.on('data', () => /on http/.test(out) && (clearTimeout(timer), resolve()));
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`team server exited ${code}: ${out}`))));
  });
  return { base: `http://127.0.0.1:${PORT}`, stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill('SIGTERM')))) };
}

async function signIn(page, email) {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Gets one task from the queue, runs it, ranks, scores and critiques both solutions, submits. */
async function judge(s, projectName, { offline = false } = {}) {
  const { page, workbench: w } = s;
  await page.getByRole('link', { name: projectName, exact: true }).click();
  await page.getByRole('button', { name: 'Get tasks', exact: true }).click();
  await page.getByRole('link', { name: 'Task team-sum', exact: true }).click();
  await w.runAllButton.waitFor({ timeout: TIMEOUT });
  await page.getByRole('heading', { name: 'Guidelines' }).waitFor();
  if (offline) await s.context.setOffline(true);
  await w.runtimeReady('javascript');
  const verdicts = await w.runAll(['good', 'bad']);
  assertEqual(JSON.stringify(verdicts), JSON.stringify({ good: 'passed', bad: 'failed' }), 'verdicts in the browser');
  await w.rank('Model A').fill('1');
  await w.rank('Model B').fill('2');
  for (const id of ['good', 'bad']) await w.scoreAll(id, id === 'good' ? 5 : 2);
  await w.critique('Model A').fill('Correct for every input.');
  await w.critique('Model B').fill('Drops large numbers: fails the hidden test.');
  await w.submitButton.click();
  await page.locator('.task-head .badge.status-submitted').waitFor();
}

const outbox = (page, state, n) => page.locator(`.outbox-status[data-${state}="${n}"]`).waitFor({ timeout: TIMEOUT });

async function flow(browser) {
  const { scratchPostgres } = await import(path.join(ROOT, 'build', 'node', 'db', 'testing.js'));
  const { taskFile } = await import(path.join(ROOT, 'build', 'node', 'server', 'testing.js'));
  const scratch = await scratchPostgres();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veredicto-team-e2e-'));
  const file = path.join(dir, 'team-sum.json');
  fs.writeFileSync(file, taskFile('team-sum').text);
  for (const [email, role] of [['lead@x.cl', 'admin'], ['ana@x.cl', 'trainer'], ['beto@x.cl', 'trainer']]) {
    const r = spawnSync(process.execPath, [CLI, 'admin', 'add-user', '--email', email, '--role', role, '--db', scratch.url], { input: `${PASSWORD}\n`, encoding: 'utf8' });
    assertEqual(r.status, 0, `add-user ${email}: ${r.stderr}`);
  }
  const server = await startTeamServer(scratch.url);
  const sessions = [];
  try {
    const open = async () => {
      const s = await openSession(browser, server.base);
      sessions.push(s);
      return s;
    };
    // The admin starts at the server's address and lands on the team page.
    const lead = await open();
    await lead.page.goto('/');
    await lead.page.waitForFunction(() => location.pathname === '/team');
    await signIn(lead.page, 'lead@x.cl');
    await lead.page.getByLabel('Name', { exact: true }).fill('Piloto e2e');
    await lead.page.getByLabel('Trainers per task', { exact: true }).fill('2');
    await lead.page.getByLabel('Guidelines in English (Markdown)').fill('# Be fair\nRun every test first. <img src=x onerror="window.__xss=1">');
    await lead.page.getByLabel('Guidelines in Spanish (Markdown)').fill('# Sean justos\nEjecuten todas las pruebas primero.');
    await lead.page.getByLabel('Task files or datasets (.json, .jsonl)').setInputFiles(file);
    await lead.page.getByRole('button', { name: 'Create project', exact: true }).click();
    await lead.page.getByRole('heading', { name: 'Progress per trainer' }).waitFor({ timeout: TIMEOUT });
    for (const email of ['ana@x.cl', 'beto@x.cl']) {
      await lead.page.getByLabel('Email of an account').fill(email);
      await lead.page.getByRole('button', { name: 'Add member', exact: true }).click();
      await lead.page.locator(`tr[data-trainer="${email}"]`).waitFor();
    }

    // Ana judges online: her upload is accepted at once.
    const ana = await open();
    await ana.page.goto('/team');
    await signIn(ana.page, 'ana@x.cl');
    await judge(ana, 'Piloto e2e');
    await outbox(ana.page, 'accepted', 1);
    assertEqual(await ana.page.evaluate(() => window.__xss), undefined, 'guidelines HTML ran');

    // Beto loses the connection after opening the task: the run and the judgement happen offline,
    // the submission waits in the outbox, and goes when he is back.
    const beto = await open();
    await beto.page.goto('/team');
    await signIn(beto.page, 'beto@x.cl');
    await judge(beto, 'Piloto e2e', { offline: true });
    await outbox(beto.page, 'queued', 1);
    await beto.page.locator('.outbox-status[data-accepted="0"]').waitFor();
    await beto.context.setOffline(false);
    await outbox(beto.page, 'accepted', 1);

    // Each upload arrived once.
    const { connect } = await import(path.join(ROOT, 'build', 'node', 'db', 'connect.js'));
    const db = await connect({ url: scratch.url, migrate: false });
    try {
      const rows = await db.db.selectFrom('submissions').innerJoin('users', 'users.id', 'submissions.evaluator_id').select(['users.email', 'submissions.task_id']).execute();
      assertEqual(JSON.stringify(rows.map((r) => r.email).sort()), JSON.stringify(['ana@x.cl', 'beto@x.cl']), 'one submission per trainer');
    } finally {
      await db.close();
    }

    // The server's re-check agrees with what each saw, and the trainer sees it.
    await ana.page.getByRole('link', { name: '← My queue' }).click();
    const done = ana.page.locator('.team-done li[data-recheck="match"]');
    for (let i = 0; i < 60 && !(await done.count()); i++) {
      await ana.page.waitForTimeout(500); // the worker runs beside the server; the page asks again
      await ana.page.reload();
    }
    assert((await done.count()) === 1, 're-check verdict shown to the trainer');
    assertEqual((await done.textContent()).includes('re-check: same verdicts'), true, 're-check text');
    await lead.page.reload();
    await lead.page.locator('tr[data-task="team-sum"] td:nth-child(3)', { hasText: '2' }).waitFor();
    for (const s of sessions) assertEqual(s.errors.filter((e) => !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED|ERR_INTERNET_DISCONNECTED/.test(e)).join('\n'), '', 'console errors');
  } finally {
    for (const s of sessions) await s.close().catch(() => undefined);
    await server.stop();
    await scratch.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A copy of the build as the next release would look to the browser: every hashed asset under a
 * new name with every reference rewritten (index.html, the chunks, the service worker's precache
 * list), and another revision of index.html.
 */
function nextRelease(dir) {
  fs.cpSync(DIST, dir, { recursive: true });
  const assets = path.join(dir, 'assets');
  const names = fs.readdirSync(assets);
  const renamed = new Map(names.map((n) => [n, n.replace(/(\.[a-z0-9]+)$/, '-next$1')]));
  const pattern = new RegExp(`(?<![A-Za-z0-9_.-])(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'g');
  const rewrite = (file) => fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(pattern, (n) => renamed.get(n)));
  for (const [from, to] of renamed) fs.renameSync(path.join(assets, from), path.join(assets, to));
  for (const to of renamed.values()) if (/\.(js|css|mjs)$/.test(to)) rewrite(path.join(assets, to));
  rewrite(path.join(dir, 'index.html'));
  rewrite(path.join(dir, 'sw.js'));
  const sw = path.join(dir, 'sw.js');
  fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/(url:"index\.html",revision:")[0-9a-f]+/, '$1ffffffffffffffffffffffffffffffff'));
  return `/assets/${/src="\/assets\/([^"]+)"/.exec(fs.readFileSync(path.join(dir, 'index.html'), 'utf8'))[1]}`;
}

async function upgrade(browser) {
  const { scratchPostgres } = await import(path.join(ROOT, 'build', 'node', 'db', 'testing.js'));
  const scratch = await scratchPostgres();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veredicto-next-'));
  let server = await startTeamServer(scratch.url);
  const s = await openSession(browser, server.base);
  try {
    await s.page.goto('/team');
    await s.page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: TIMEOUT });
    // The service worker keeps the app for offline use, never an API answer.
    await s.context.setOffline(true);
    assertEqual(await s.page.evaluate(() => fetch('/api/health').then(() => 'answered', () => 'failed')), 'failed', 'API answered offline');
    await s.page.reload();
    await s.page.getByRole('heading', { name: 'Sign in to your team' }).waitFor({ timeout: TIMEOUT });
    await s.context.setOffline(false);
    // The server is upgraded: the next load runs the new app, not the old one from the cache.
    const next = nextRelease(dir);
    await server.stop();
    server = await startTeamServer(scratch.url, dir);
    await s.page.reload();
    await s.page.waitForFunction((src) => document.querySelector('script[type="module"][src]')?.getAttribute('src') === src, next, { timeout: TIMEOUT });
    await s.page.getByRole('heading', { name: 'Sign in to your team' }).waitFor({ timeout: TIMEOUT });
  } finally {
    await s.close();
    await server.stop();
    await scratch.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const tests = [
  { name: 'admin creates a project; two trainers work it, one offline; each upload arrives once; re-check shown', run: ({ browser }) => flow(browser) },
  { name: 'the service worker never answers the API, and an upgraded server is never served a stale app', run: ({ browser }) => upgrade(browser) },
];
