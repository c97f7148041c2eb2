#!/usr/bin/env node
// `npm run bench:ui`: builds the app, serves it with `vite preview` on a free port and measures, in
// headless Chromium, what a trainer feels: JavaScript before the task list is usable, time to that
// list, time to each runtime, "Run all tests" on a 4 × 10 task, and what preloading the runtimes buys.
// Prints figures beside their targets; never a pass/fail test. Exits non-zero only when the bench
// itself broke (build, server, browser, or a bug here). Options: BENCH_UI_VISITS=N cold visits (3),
// BENCH_UI_DIST=<folder> where it builds (.bench/ui-dist).
//
// The page contract it relies on (the workbench UI, English):
//   task list      links a[href^="/tasks/"], visible; an input[type=file] named "Import tasks"
//   task page      /tasks/<id> (and /tasks/<id>?preload=0: runtimes start only on the first run)
//   runtimes       [data-runtime="python|javascript"][data-state="ready"] once a runtime is ready
//   run            a button named "Run all tests"; one [data-solution-result] per solution, which
//                  gets a data-verdict attribute only once that solution's verdict is known
// A missing element is reported by name after STEP_TIMEOUT_MS instead of hanging.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VITE = path.join(ROOT, 'node_modules', '.bin', 'vite');
// Its own build folder (gitignored), so a parallel `npm run test:e2e` never serves this build or the reverse.
const DIST = path.resolve(ROOT, process.env.BENCH_UI_DIST ?? path.join('.bench', 'ui-dist'));
const FIXTURE = path.join(ROOT, 'bench', 'fixtures', 'ui-4x10.json');
const FIXTURE_TASK = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
const TASK_PATH = `/tasks/${FIXTURE_TASK.id}`;
const SOLUTIONS = FIXTURE_TASK.solutions.length;
const STEP_TIMEOUT_MS = 30_000;
const VISITS = Math.max(1, Number(process.env.BENCH_UI_VISITS ?? 3) || 3);
// The same browser as test/e2e/run.js.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TARGET = { firstJsKb: 250, interactiveMs: 1000, runMs: 500, longTaskMs: 50 };

const S = {
  list: 'a[href^="/tasks/"]',
  importInput: 'input[type=file] named "Import tasks"',
  ready: (lang) => `[data-runtime="${lang}"][data-state="ready"]`,
  runAll: 'button "Run all tests"',
  result: '[data-solution-result]',
  verdict: '[data-solution-result][data-verdict]',
};

/** A page element the contract promises did not show up: the step is "not measured", not a crash. */
class ContractMissing extends Error {}

const log = (s = '') => process.stderr.write(`${s}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : 'n/a');
const kb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : 'n/a');

// ---------- build and serve ----------

function build() {
  log('building (vite build)…');
  const r = spawnSync(VITE, ['build', '--logLevel', 'error', '--outDir', DIST, '--emptyOutDir'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})\n${r.stdout ?? ''}${r.stderr ?? ''}${r.error ?? ''}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `vite preview` directly (so the PID held is the server's) and resolves once it answers. */
async function startServer(port) {
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(VITE, ['preview', '--outDir', DIST, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve(`exited (${signal ?? code})`)));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = await Promise.race([fetch(`${base}/`).then((r) => (r.ok ? 'up' : `HTTP ${r.status}`), () => 'down'), exited]);
    if (state === 'up') return { server, base };
    if (state.startsWith('exited') || Date.now() > deadline) {
      server.kill();
      throw new Error(`vite preview did not start: ${state}\n${output}`);
    }
    await sleep(100); // poll interval while the server binds
  }
}

function stopServer(server) {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once('exit', resolve);
    server.kill('SIGTERM');
  });
}

// ---------- sizes ----------

const gzipCache = new Map();
/** Raw and gzip (zlib default level, as a server would send it) size of a served file, from dist/. */
async function sizesOf(url, response) {
  const { pathname } = new URL(url);
  if (gzipCache.has(pathname)) return gzipCache.get(pathname);
  let body;
  const file = path.join(DIST, decodeURIComponent(pathname));
  if (file.startsWith(DIST + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) body = fs.readFileSync(file);
  else body = await response?.body().catch(() => undefined);
  const sizes = body ? { raw: body.length, gzip: zlib.gzipSync(body).length } : { raw: NaN, gzip: NaN };
  gzipCache.set(pathname, sizes);
  return sizes;
}

const isJs = (url) => /\.m?js$/.test(new URL(url).pathname);

/** Sums sizes over distinct URLs (a file fetched twice is normally served from cache the second time). */
async function total(entries) {
  const seen = new Map();
  for (const e of entries) if (!seen.has(e.url)) seen.set(e.url, e.response);
  let raw = 0;
  let gzip = 0;
  for (const [url, response] of seen) {
    const s = await sizesOf(url, response);
    raw += s.raw;
    gzip += s.gzip;
  }
  const largest = [];
  for (const [url] of seen) largest.push({ path: new URL(url).pathname, gzip: (await sizesOf(url)).gzip });
  largest.sort((a, b) => b.gzip - a.gzip);
  return { raw, gzip, files: seen.size, largest };
}

// ---------- in-page probes ----------

/**
 * Runs in the page before its own scripts: records (performance.now(), i.e. ms after navigation
 * start) when #root first renders, when the first task link is visible, when the main thread next
 * runs a task after that (the list is interactive), and when each runtime says it is ready.
 */
function milestonesProbe() {
  const b = (window.__bench = { rootRendered: null, listSeen: null, listInteractive: null, ready: { python: null, javascript: null } });
  const tick = () => {
    const now = performance.now();
    if (b.rootRendered === null && document.getElementById('root')?.firstElementChild) b.rootRendered = now;
    if (b.listSeen === null) {
      const link = [...document.querySelectorAll('a[href^="/tasks/"]')].find(
        (a) => a.getClientRects().length > 0 && a.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
      );
      if (link) {
        b.listSeen = now;
        const ch = new MessageChannel(); // the first task the main thread can run after the list appears
        ch.port1.onmessage = () => (b.listInteractive = performance.now());
        ch.port2.postMessage(null);
      }
    }
    for (const lang of ['python', 'javascript'])
      if (b.ready[lang] === null && document.querySelector(`[data-runtime="${lang}"][data-state="ready"]`)) b.ready[lang] = now;
    if (b.listSeen !== null && b.ready.python !== null && b.ready.javascript !== null) observer.disconnect();
  };
  const observer = new MutationObserver(tick);
  observer.observe(document, { subtree: true, childList: true, attributes: true });
  setTimeout(() => observer.disconnect(), 60_000); // never left running during a later measurement
}

/**
 * Arms the measurement of one "Run all tests": from the click (the event's time stamp) until every
 * [data-solution-result] has data-verdict, with the main thread's long tasks in between. A verdict
 * already shown at the click counts only once it has gone and come back.
 */
function armRunProbe(expected) {
  const r = (window.__benchRun = { clickAt: null, doneAt: null, paintedAt: null, stale: [], longTasks: [], each: {} });
  let stale = new Set();
  const check = () => {
    if (r.clickAt === null || r.doneAt !== null) return;
    document.querySelectorAll('[data-solution-result]').forEach((e, i) => {
      const id = e.getAttribute('data-solution-result') || `#${i}`;
      if (!e.hasAttribute('data-verdict')) stale.delete(id);
      else if (!stale.has(id)) r.each[id] ??= performance.now() - r.clickAt;
    });
    r.stale = [...stale];
    if (Object.keys(r.each).length >= expected) {
      r.doneAt = performance.now();
      mo.disconnect();
      requestAnimationFrame(() => setTimeout(() => (r.paintedAt = performance.now())));
    }
  };
  const mo = new MutationObserver(check);
  mo.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-verdict'] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) r.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
  document.addEventListener(
    'click',
    (e) => {
      if (r.clickAt !== null || !(e.target instanceof Element) || !e.target.closest('button')) return;
      r.clickAt = e.timeStamp;
      document.querySelectorAll('[data-solution-result][data-verdict]').forEach((el, i) => stale.add(el.getAttribute('data-solution-result') || `#${i}`));
      queueMicrotask(check);
    },
    true,
  );
}

// ---------- steps ----------

async function newContext(browser, base) {
  return browser.newContext({ baseURL: base, locale: 'en-US', viewport: { width: 1280, height: 900 } });
}

/** Waits for an in-page condition; a time-out is a missing contract element, named. */
async function waitIn(page, fn, arg, what, timeout = STEP_TIMEOUT_MS) {
  try {
    await page.waitForFunction(fn, arg, { timeout, polling: 50 });
  } catch (e) {
    if (e?.name === 'TimeoutError') throw new ContractMissing(`${what} not seen within ${timeout / 1000} s`);
    throw e;
  }
}

async function waitFor(locator, what, timeout = STEP_TIMEOUT_MS) {
  try {
    await locator.first().waitFor({ timeout });
  } catch (e) {
    if (e?.name === 'TimeoutError') throw new ContractMissing(`${what} not seen within ${timeout / 1000} s`);
    throw e;
  }
}

/** One cold first visit of / (fresh context: empty HTTP cache, no service worker): (a), (b), (c). */
async function coldVisit(browser, base, known) {
  const context = await newContext(browser, base);
  try {
    const requests = [];
    context.on('request', (r) => requests.push({ url: r.url(), at: Date.now(), request: r }));
    const page = await context.newPage();
    await page.addInitScript(milestonesProbe);
    await page.goto('/');
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    const problems = {};
    const wait = async (key, fn, arg, what) => {
      if (known[key] === false) return (problems[key] = known[`${key}Why`]);
      try {
        await waitIn(page, fn, arg, what);
        known[key] = true;
      } catch (e) {
        if (!(e instanceof ContractMissing)) throw e;
        known[key] = false;
        known[`${key}Why`] = problems[key] = e.message;
      }
    };
    await waitIn(page, () => window.__bench.rootRendered !== null, null, '#root content (the app did not render)');
    await Promise.all([
      wait('list', () => window.__bench.listInteractive !== null, null, `task list: a visible ${S.list}`),
      wait('python', () => window.__bench.ready.python !== null, null, S.ready('python')),
      wait('javascript', () => window.__bench.ready.javascript !== null, null, S.ready('javascript')),
    ]);
    let clickable = null;
    if (!problems.list)
      clickable = await page.locator(S.list).first().click({ trial: true, timeout: 5_000 }).then(() => true, () => false);
    // Everything the first load asks for: until no request has started for 2 s (at most 15 s more).
    for (const end = Date.now() + 15_000; Date.now() < end; ) {
      const last = requests.at(-1)?.at ?? 0;
      if (Date.now() - last > 2_000) break;
      await sleep(200);
    }
    const b = await page.evaluate(() => window.__bench);
    const milestone = problems.list ? b.rootRendered : b.listInteractive;
    const pageResources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: e.startTime })));
    const withResponses = await Promise.all(
      requests.map(async (r) => {
        const t = r.request.timing().startTime;
        return { url: r.url, start: t > 0 ? t - timeOrigin : r.at - timeOrigin, response: await r.request.response().catch(() => null) };
      }),
    );
    const jsAll = withResponses.filter((r) => isJs(r.url));
    const mainJsBefore = pageResources.filter((r) => isJs(r.url) && r.start <= milestone);
    return {
      milestoneIsFallback: Boolean(problems.list),
      listSeen: b.listSeen,
      interactive: milestone,
      clickable,
      ready: b.ready,
      problems,
      mainJsBefore: await total(mainJsBefore),
      allJsBefore: await total(jsAll.filter((r) => r.start <= milestone)),
      allJs: await total(jsAll),
    };
  } finally {
    await context.close();
  }
}

/** Imports the fixture through the task list's file input and opens its page (in-app link). */
async function importAndOpen(page, query = '') {
  await page.goto(`/${query}`);
  const input = page.getByLabel('Import tasks', { exact: true }).and(page.locator('input[type="file"]'));
  await waitFor(input, `${S.importInput} on the task list`);
  await input.setInputFiles(FIXTURE);
  const link = page.locator(`a[href="${TASK_PATH}"]`);
  await waitFor(link, `a[href="${TASK_PATH}"] in the task list after importing ${path.basename(FIXTURE)}`);
  await link.first().click();
  await page.waitForURL((u) => u.pathname === TASK_PATH, { timeout: STEP_TIMEOUT_MS }).catch(() => {
    throw new ContractMissing(`clicking a[href="${TASK_PATH}"] did not open ${TASK_PATH}`);
  });
}

/** Clicks "Run all tests" and returns the probe's record once every verdict is in. */
async function runAll(page) {
  const button = page.getByRole('button', { name: 'Run all tests', exact: true });
  await waitFor(button, S.runAll);
  const results = await page.locator(S.result).count();
  await page.evaluate(armRunProbe, SOLUTIONS);
  await button.first().click();
  try {
    await waitIn(page, () => window.__benchRun.doneAt !== null && window.__benchRun.paintedAt !== null, null, `${SOLUTIONS} × ${S.verdict}`);
  } catch (e) {
    if (!(e instanceof ContractMissing)) throw e;
    const now = { results: await page.locator(S.result).count(), verdicts: await page.locator(S.verdict).count() };
    const stale = await page.evaluate(() => window.__benchRun.stale);
    throw new ContractMissing(
      `${e.message}: before the click ${results} ${S.result}; now ${now.results} ${S.result}, ${now.verdicts} with data-verdict` +
        (stale.length ? `; verdicts shown before the click and never cleared: ${stale.join(', ')}` : ''),
    );
  }
  await sleep(100); // long-task entries are delivered asynchronously
  const r = await page.evaluate(() => window.__benchRun);
  const during = r.longTasks.filter((t) => t.start + t.duration >= r.clickAt && t.start <= r.doneAt);
  const verdicts = await page.locator(S.verdict).evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
  return {
    ms: r.doneAt - r.clickAt,
    paintedMs: r.paintedAt - r.clickAt,
    longMax: during.reduce((m, t) => Math.max(m, t.duration), 0),
    longCount: during.filter((t) => t.duration > 50).length,
    verdicts,
    each: Object.entries(r.each).map(([id, t]) => `${id} ${Math.round(t)} ms`).join(', '),
  };
}

/** (d): preloaded runtimes, task imported and opened, run once both are ready. */
async function preloadedRun(context) {
  const page = await context.newPage();
  try {
    await page.addInitScript(milestonesProbe);
    await importAndOpen(page);
    await waitFor(page.locator(S.ready('python')), S.ready('python'));
    await waitFor(page.locator(S.ready('javascript')), S.ready('javascript'));
    const ready = await page.evaluate(() => window.__bench.ready);
    const run = await runAll(page);
    return { ...run, readyMs: Math.max(ready.python ?? NaN, ready.javascript ?? NaN) };
  } finally {
    await page.close();
  }
}

/** (e): the app opened with ?preload=0, the task imported and opened, run at once (runtimes start on that click). */
async function coldRun(context) {
  const page = await context.newPage();
  try {
    await importAndOpen(page, '?preload=0');
    const preReady = await page.locator('[data-runtime][data-state="ready"]').count();
    const run = await runAll(page);
    return { ...run, note: preReady ? `${preReady} runtime(s) were already ready: ?preload=0 not honoured` : '' };
  } finally {
    await page.close();
  }
}

// ---------- report ----------

async function step(name, fn) {
  try {
    return { value: await fn() };
  } catch (e) {
    if (e instanceof ContractMissing) return { missing: `contract missing: ${e.message}` };
    return { error: `${name}: ${e?.stack ?? e}` };
  }
}

function table(rows) {
  const head = ['measure', 'value', 'target', 'met'];
  const cells = [head, ...rows.map((r) => [r[0], r[1], r[2] ?? '', r[3] ?? ''])];
  const widths = head.map((_, i) => Math.max(...cells.map((c) => String(c[i]).length)));
  const line = (c) => c.map((x, i) => String(x).padEnd(widths[i])).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const met = (value, target) => (Number.isFinite(value) ? (value <= target ? 'met' : 'NOT met') : 'not measured');

async function main() {
  build();
  const port = await freePort();
  const { server, base } = await startServer(port);
  const stop = () => stopServer(server);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => stop().then(() => process.exit(130)));
  let browser;
  const errors = [];
  const notes = [];
  const rows = [];
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const version = browser.version();

    // (a) (b) (c): cold first visits.
    const known = {};
    const visits = [];
    for (let i = 0; i < VISITS; i++) {
      log(`cold visit ${i + 1} of ${VISITS}…`);
      const v = await step('cold visit', () => coldVisit(browser, base, known));
      if (v.error) errors.push(v.error);
      if (v.missing) notes.push(v.missing);
      if (v.value) visits.push(v.value);
    }
    const first = visits[0];
    const fallback = first?.milestoneIsFallback;
    const when = fallback ? 'before #root rendered (FALLBACK: task list contract missing)' : 'before the task list is interactive';
    const gz = (pick) => median(visits.map((v) => pick(v).gzip));
    const raw = (pick) => median(visits.map((v) => pick(v).raw));
    const mainBefore = gz((v) => v.mainJsBefore);
    rows.push([`(a) JS the page fetched ${when}, gzip`, kb(mainBefore), `≤ ${TARGET.firstJsKb} KB`, fallback ? 'n/a (fallback)' : met(mainBefore / 1024, TARGET.firstJsKb)]);
    rows.push([`    same, uncompressed`, kb(raw((v) => v.mainJsBefore))]);
    rows.push([`    all JS by then, workers included, gzip`, kb(gz((v) => v.allJsBefore))]);
    rows.push([`    total first-load JS (page + workers), gzip / raw`, `${kb(gz((v) => v.allJs))} / ${kb(raw((v) => v.allJs))}`]);
    const interactive = median(visits.map((v) => v.interactive));
    rows.push([
      fallback ? '(b) navigation → #root rendered (FALLBACK)' : '(b) navigation → task list interactive',
      `${ms(interactive)} (${visits.map((v) => Math.round(v.interactive)).join(', ')})`,
      `≤ ${TARGET.interactiveMs} ms`,
      fallback ? 'n/a (fallback)' : met(interactive, TARGET.interactiveMs),
    ]);
    if (first && !fallback && visits.some((v) => v.clickable === false)) notes.push(`(b) the first ${S.list} was visible but not clickable within 5 s in some visit`);
    for (const lang of ['python', 'javascript']) {
      const t = median(visits.map((v) => v.ready[lang] ?? NaN));
      rows.push([`(c) navigation → ${lang === 'python' ? 'Python' : 'JavaScript'} ready`, Number.isFinite(t) ? `${ms(t)} (${visits.map((v) => Math.round(v.ready[lang] ?? NaN)).join(', ')})` : `not measured: ${S.ready(lang)} missing`, 'printed']);
    }
    const top = (list) => list.slice(0, 6).map((f) => `${f.path} ${kb(f.gzip)}`).join(', ');
    if (first) notes.push(`(a) largest JS the page fetched by then, gzip: ${top(first.mainJsBefore.largest)}`);
    if (first) notes.push(`(a) largest first-load JS, gzip: ${top(first.allJs.largest)}`);
    for (const [k, why] of Object.entries(first?.problems ?? {})) notes.push(`(${k === 'list' ? 'a, b' : 'c'}) contract missing: ${why}`);

    // (d) (e): each in a fresh context (first visit, the task imported there, no verdicts yet).
    const inContext = async (fn) => {
      const context = await newContext(browser, base);
      try {
        return await fn(context);
      } finally {
        await context.close();
      }
    };
    {
      log('(d) run all, runtimes preloaded…');
      const d = await step('(d)', () => inContext(preloadedRun));
      log('(e) run all with ?preload=0…');
      const e = await step('(e)', () => inContext(coldRun));
      for (const s of [d, e]) {
        if (s.error) errors.push(s.error);
        if (s.missing) notes.push(`(${s === d ? 'd' : 'e'}) ${s.missing}`);
      }
      const dv = d.value;
      const ev = e.value;
      const summary = (v) => (v ? Object.entries(v.verdicts.reduce((m, x) => ((m[x] = (m[x] ?? 0) + 1), m), {})).map(([k, n]) => `${k}×${n}`).join(' ') : '');
      rows.push([`(d) Run all, ${SOLUTIONS}×${FIXTURE_TASK.tests.length}, runtimes ready: click → all verdicts`, dv ? `${ms(dv.ms)} (painted ${ms(dv.paintedMs)}; ${summary(dv)})` : 'not measured', `≤ ${TARGET.runMs} ms`, met(dv?.ms, TARGET.runMs)]);
      rows.push([`    longest main-thread task during the run`, dv ? `${ms(dv.longMax)} (${dv.longCount} over 50 ms)` : 'not measured', `≤ ${TARGET.longTaskMs} ms`, met(dv ? dv.longMax : NaN, TARGET.longTaskMs)]);
      rows.push([`(e) Run all with ?preload=0, clicked at once: click → all verdicts`, ev ? `${ms(ev.ms)} (${summary(ev)}; long tasks max ${ms(ev.longMax)}, ${ev.longCount} over 50 ms)` : 'not measured', 'printed']);
      if (dv && ev) {
        rows.push([`    preloading: open → runtimes ready, then run`, `${ms(dv.readyMs)} + ${ms(dv.ms)}`, 'printed']);
        rows.push([`    preloading saves at the click (e − d)`, `${ms(ev.ms - dv.ms)}, once the page has been open ${ms(dv.readyMs)}`, 'printed']);
      }
      if (ev?.note) notes.push(`(e) ${ev.note}`);
      if (dv?.each) notes.push(`(d) each solution's verdict after the click: ${dv.each}`);
      if (ev?.each) notes.push(`(e) each solution's verdict after the click: ${ev.each}`);
    }

    console.log(`\nVeredicto UI bench — ${base}, Chromium ${version}, ${VISITS} cold visit(s) (medians, each in brackets), gzip = zlib default level\n`);
    console.log(table(rows));
    if (notes.length) console.log(`\n${[...new Set(notes)].map((n) => `- ${n}`).join('\n')}`);
  } finally {
    await browser?.close().catch(() => {});
    await stop();
  }
  if (errors.length) {
    console.error(`\nthe bench broke:\n${errors.join('\n')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e?.stack ?? e);
    process.exit(1);
  },
);
