// Team mode in Chromium against a real `veredicto serve` on PostgreSQL (its own database, dropped
// after): an admin creates a project from a task file and adds two trainers; one judges online, the
// other goes offline, submits into the outbox and reconnects; each upload arrives exactly once and
// the server's re-check verdicts are shown. The server serves the same build the other tests use.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assert, assertEqual } from './fixtures/expect.js';
import { openSession } from './fixtures/session.js';
import { CLI, DIST, judge, outbox, PASSWORD, ROOT, signIn, startTeamServer } from './fixtures/team.js';
import { TIMEOUT } from './fixtures/workbench.js';

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
    // The re-check runs both submissions' solutions in the server's own sandbox, beside everything
    // else on the machine: given twice as long as any other step, not a fixed number of tries.
    // The list is drawn after the page has asked the server, so each look waits for it first.
    const listed = ana.page.locator('.team-done li[data-assignment]');
    await listed.first().waitFor({ timeout: TIMEOUT });
    for (const until = Date.now() + 2 * TIMEOUT; Date.now() < until && !(await done.count()); ) {
      await ana.page.waitForTimeout(1000); // the worker runs beside the server; the page asks again
      await ana.page.reload();
      await listed.first().waitFor({ timeout: TIMEOUT });
    }
    if (!(await done.count())) {
      // Say what the server holds, so a failure names its cause (still queued, a mismatch, an error).
      const db2 = await connect({ url: scratch.url, migrate: false });
      try {
        const held = await db2.db.selectFrom('rechecks').select(['state', 'attempts', 'mismatch', 'mismatches', 'error']).execute();
        const shown = await listed.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-recheck')}: ${e.textContent}`));
        assert(false, `re-check verdict shown to the trainer; the page shows ${JSON.stringify(shown)}, the server holds ${JSON.stringify(held)}`);
      } finally {
        await db2.close();
      }
    }
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
    server = await startTeamServer(scratch.url, dir, server.port);
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

/**
 * A review round trip: a trainer submits; the reviewer rejects it with a comment; the trainer reads
 * it in Spanish, reworks and resubmits; the reviewer accepts; the dashboard's figures change. The
 * trainer's browser never receives a gold answer (every API payload is checked).
 */
async function review(browser) {
  const { scratchPostgres } = await import(path.join(ROOT, 'build', 'node', 'db', 'testing.js'));
  const { taskFile, addUsers, addMembers, PASSWORD: TEST_PASSWORD } = await import(path.join(ROOT, 'build', 'node', 'server', 'testing.js'));
  const { createProject, readSources } = await import(path.join(ROOT, 'build', 'node', 'server', 'projects.js'));
  const { connect } = await import(path.join(ROOT, 'build', 'node', 'db', 'connect.js'));
  const scratch = await scratchPostgres();
  const db = await connect({ url: scratch.url });
  const shots = process.env.E2E_SCREENSHOTS;
  try {
    const [lead, rev, ana] = await addUsers(db.db, [
      { email: 'lead@x.cl', role: 'admin' },
      { email: 'rev@x.cl', role: 'reviewer' },
      { email: 'ana@x.cl', role: 'trainer' },
    ]);
    const projectId = await createProject(db.db, { name: 'Revisión e2e', reviewRate: 0, guidelines: { en: '# Be fair', 'es-CL': '# Sean justos' } }, readSources([taskFile('team-sum'), taskFile('team-gold', { gold: true })]), lead);
    await addMembers(db.db, projectId, [rev, ana]);
  } finally {
    await db.close();
  }
  const server = await startTeamServer(scratch.url);
  const sessions = [];
  try {
    const open = async () => {
      const s = await openSession(browser, server.base);
      sessions.push(s);
      return s;
    };
    const trainer = await open();
    const payloads = [];
    trainer.page.on('response', async (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) payloads.push(await r.text().catch(() => ''));
    });
    await trainer.page.goto('/team');
    await signIn(trainer.page, 'ana@x.cl', TEST_PASSWORD);
    await judge(trainer, 'Revisión e2e');
    await outbox(trainer.page, 'accepted', 1);

    // The reviewer finds it in the queue and rejects it with a comment, back to Ana.
    const reviewer = await open();
    await reviewer.page.goto('/team');
    await signIn(reviewer.page, 'rev@x.cl', TEST_PASSWORD);
    await reviewer.page.getByRole('link', { name: 'Revisión e2e', exact: true }).click();
    const row = reviewer.page.locator('tr[data-task="team-sum"][data-review]');
    await row.waitFor({ timeout: TIMEOUT });
    await row.getByRole('link', { name: 'Review' }).click();
    const card = reviewer.page.locator('.review-card[data-evaluator="ana@x.cl"][data-state="pending"]');
    await card.waitFor({ timeout: TIMEOUT });
    assertEqual(await card.locator('tr[data-solution="good"] td').nth(2).textContent(), 'passed', 'verdict seen');
    await card.getByRole('radio', { name: 'Reject', exact: true }).check();
    await card.getByLabel('Comment for the trainer (required to reject)').fill('Revisa la crítica de B: nombra la prueba oculta que falla.');
    await card.getByRole('button', { name: 'Record decision' }).click();
    await reviewer.page.locator('.review-card[data-state="rejected"]').waitFor({ timeout: TIMEOUT });
    if (shots) {
      await reviewer.page.setViewportSize({ width: 1366, height: 768 });
      await reviewer.page.screenshot({ path: path.join(shots, 'review-en.png'), fullPage: true });
    }
    await reviewer.page.getByRole('link', { name: '← Project' }).click();
    const anaRow = reviewer.page.locator('tr[data-trainer="ana@x.cl"]');
    await anaRow.locator('td', { hasText: '0 %' }).waitFor({ timeout: TIMEOUT });

    // Ana reads it in Spanish, reworks the task and sends it again.
    await trainer.page.getByRole('link', { name: '← My queue' }).click();
    await trainer.workbench.chooseLanguage('es-CL');
    await trainer.page.reload();
    const item = trainer.page.locator('.team-inbox li[data-decision="reject"]');
    await item.waitFor({ timeout: TIMEOUT });
    assert((await item.textContent()).includes('Devuelta'), 'decision in Spanish');
    assert((await item.textContent()).includes('Revisa la crítica de B: nombra la prueba oculta que falla.'), 'reviewer comment shown');
    await trainer.page.getByRole('heading', { name: 'Revisiones de mi trabajo' }).waitFor();
    if (shots) {
      await trainer.page.setViewportSize({ width: 1366, height: 768 });
      await trainer.page.screenshot({ path: path.join(shots, 'inbox-es.png'), fullPage: true });
    }
    await item.getByRole('link', { name: 'Rehacer esta tarea' }).click();
    await trainer.page.getByRole('button', { name: 'Reabrir para revisar' }).click();
    await trainer.page.locator('#critique-bad').fill('Falla la prueba oculta big: pierde los números grandes.');
    await trainer.page.getByRole('button', { name: 'Enviar', exact: true }).click();
    await trainer.page.locator('.task-head .badge.status-submitted').waitFor();
    await outbox(trainer.page, 'accepted', 2);

    // The reviewer accepts the rework; the figures change.
    await reviewer.page.goBack();
    await reviewer.page.reload();
    const again = reviewer.page.locator('.review-card[data-evaluator="ana@x.cl"][data-state="pending"]');
    await again.waitFor({ timeout: TIMEOUT });
    assert((await again.textContent()).includes('pierde los números grandes'), 'the rework is shown');
    // The reviewer reads each solution under the letter the trainer judged it by, its name beside it.
    assert(/Answer [AB] · Model B/.test(await again.textContent()), `the trainer's letters beside the names: ${(await again.textContent()).slice(0, 300)}`);
    await again.getByRole('radio', { name: 'Accept', exact: true }).check();
    await again.getByRole('button', { name: 'Record decision' }).click();
    await reviewer.page.locator('.review-card[data-state="accepted"]').waitFor({ timeout: TIMEOUT });
    await reviewer.page.getByRole('link', { name: '← Project' }).click();
    await reviewer.page.locator('tr[data-trainer="ana@x.cl"] td', { hasText: '50 %' }).waitFor({ timeout: TIMEOUT });
    assertEqual(await reviewer.page.locator('tr[data-task="team-sum"][data-review]').count(), 0, 'nothing left to review on the task');
    // The trainers' table downloads as CSV, as shown.
    const [file] = await Promise.all([reviewer.page.waitForEvent('download'), reviewer.page.locator('button[data-csv="trainers"]').click()]);
    const csv = fs.readFileSync(await file.path(), 'utf8');
    assert(/^\uFEFFTrainer,/.test(csv) && /ana@x\.cl,.*,1,1,50 %,/.test(csv), `trainers CSV: ${csv}`);
    // The lead's page in Spanish.
    await reviewer.workbench.chooseLanguage('es-CL');
    await reviewer.page.getByRole('heading', { name: 'Cola de revisión' }).waitFor();
    await reviewer.page.locator('tr[data-trainer="ana@x.cl"] td', { hasText: '50 %' }).waitFor();
    if (shots) {
      await reviewer.page.setViewportSize({ width: 1366, height: 768 });
      await reviewer.page.screenshot({ path: path.join(shots, 'lead-es.png'), fullPage: true });
    }

    // Nothing the trainer's browser received carries a gold answer.
    assert(payloads.length > 5, 'API payloads were recorded');
    for (const p of payloads) assert(!/"gold"|isGold|is_gold|Pierde los números grandes\./.test(p), `gold in a trainer payload: ${p.slice(0, 200)}`);
    for (const s of sessions) assertEqual(s.errors.filter((e) => !/Failed to load resource/.test(e)).join('\n'), '', 'console errors');
  } finally {
    for (const s of sessions) await s.close().catch(() => undefined);
    await server.stop();
    await scratch.drop();
  }
}

export const tests = [
  // Three browser contexts, a server, an offline trainer's replay and a server re-check of every
  // solution: on a loaded 2-core machine it has taken over three minutes.
  { name: 'admin creates a project; two trainers work it, one offline; each upload arrives once; re-check shown', run: ({ browser }) => flow(browser), timeoutMs: 480_000 },
  { name: 'the service worker never answers the API, and an upgraded server is never served a stale app', run: ({ browser }) => upgrade(browser) },
  { name: 'review round trip: reject with a comment, read in Spanish, rework, accept; the figures change; no gold reaches the trainer', run: ({ browser }) => review(browser) },
];
