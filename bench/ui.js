#!/usr/bin/env node
// `npm run bench:ui`: builds the app, serves it with `vite preview` on a free port and measures, in
// headless Chromium, what a trainer feels: JavaScript before the task list is usable, time to that
// list, time to each runtime (first visit and from the service worker's cache), "Run all tests" on
// a 4 × 10 task (first and last verdict, long main-thread tasks, also while typing a critique), a
// run clicked on a cold page, a killed Python worker's replacement, and what preloading buys.
// Prints figures beside their targets; never a pass/fail test. Exits non-zero only when the bench
// itself broke (build, server, browser, or a bug here). Options: BENCH_UI_VISITS=N cold visits (3),
// BENCH_UI_DIST=<folder> where it builds (.bench/ui-dist), BENCH_UI_ONLY=hostile only step (g): the
// main thread through a run whose solutions kill or hang their workers.
//
// The page contract it relies on (the workbench UI, English):
//   task list      links a[href^="/tasks/"], visible; an input[type=file] named "Import tasks"
//   task page      /tasks/<id> (and /tasks/<id>?preload=0: runtimes start only on the first run)
//   runtimes       [data-runtime="python|javascript"][data-state="ready"] once a runtime is ready
//   run            a button named "Run all tests"; one [data-solution-result] per solution, which
//                  gets a data-verdict attribute only once that solution's verdict is known; in its
//                  table row one td per test, whose class names the test's status once it has one
//   critique       a textbox named "Critique of <the label shown>" (blind: "Answer A"…)
//   progress       while a runtime starts, [data-runtime="…"][data-state="starting"] is shown
// A missing element is reported by name after STEP_TIMEOUT_MS instead of hanging.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { build as buildInto, CHROMIUM_ARGS, freePort, startServer as startPreview, stopServer } from './preview.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Its own build folder (gitignored), so a parallel `npm run test:e2e` never serves this build or the reverse.
const DIST = path.resolve(ROOT, process.env.BENCH_UI_DIST ?? path.join('.bench', 'ui-dist'));
const fixture = (name) => {
  const file = path.join(ROOT, 'bench', 'fixtures', name);
  const task = JSON.parse(fs.readFileSync(file, 'utf8'));
  return { file, task, path: `/tasks/${task.id}` };
};
const RUN = fixture('ui-4x10.json');
// One Python solution that swallows the interrupt on its first test: its worker is killed at the
// time limit (plus grace) and the next tests run on the worker that replaces it.
const KILL = fixture('ui-kill.json');
// (g): solutions that ignore the interrupt, kill their interpreter or hang QuickJS in a regex, so
// workers are terminated and restarted throughout the run (and one right solution).
const HOSTILE = fixture('ui-hostile.json');
const ONLY = process.env.BENCH_UI_ONLY ?? '';
const FIXTURE_TASK = RUN.task;
const SOLUTIONS = FIXTURE_TASK.solutions.length;
const STEP_TIMEOUT_MS = 30_000;
const VISITS = Math.max(1, Number(process.env.BENCH_UI_VISITS ?? 3) || 3);
// The targets of issue 17 (the workbench as fast as the engine).
const TARGET = { firstJsKb: 250, interactiveMs: 1000, pythonFirstMs: 1500, pythonWarmMs: 800, runMs: 300, firstVerdictMs: 100, longTaskMs: 50, coldRunMs: 3000, replaceMs: 500 };

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
  buildInto(DIST);
}

const startServer = (port) => startPreview(DIST, port);

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
const isData = (url) => /\.json$/.test(new URL(url).pathname);

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
  const r = (window.__benchRun = { clickAt: null, doneAt: null, paintedAt: null, stale: [], longTasks: [], each: {}, progressSeen: false });
  const progress = () =>
    [...document.querySelectorAll('[data-runtime][data-state="starting"]')].some((e) => e.getClientRects().length > 0);
  let stale = new Set();
  const check = () => {
    if (r.clickAt === null || r.doneAt !== null) return;
    if (!r.progressSeen && progress()) r.progressSeen = true;
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
  mo.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-verdict', 'data-state'] });
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

/**
 * Arms the measurement of a killed worker's replacement: when each test cell of solution `id`'s row
 * first shows a status (its class gains one beyond "cell" and "not-run"), in ms after the click.
 */
function armKillProbe(id) {
  const k = (window.__benchKill = { clickAt: null, cells: [] });
  const row = () => document.querySelector(`[data-solution-result="${CSS.escape(id)}"]`)?.closest('tr');
  const check = () => {
    if (k.clickAt === null) return;
    row()?.querySelectorAll('td').forEach((td, i) => {
      if (k.cells[i] === undefined || k.cells[i] === null) {
        // "not-run" is the cell before its test has a result (ResultsGrid.tsx), not a status.
        const status = [...td.classList].find((c) => c !== 'cell' && c !== 'not-run');
        k.cells[i] = status ? { status, at: performance.now() - k.clickAt } : null;
      }
    });
  };
  new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
  document.addEventListener(
    'click',
    (e) => {
      if (k.clickAt !== null || !(e.target instanceof Element) || !e.target.closest('button')) return;
      k.clickAt = e.timeStamp;
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

/**
 * One cold first visit of / (fresh context: empty HTTP cache, no service worker): (a), (b), (c);
 * then, once the service worker has installed, a second visit in the same context: (c) warm.
 */
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
    const dataBefore = pageResources.filter((r) => isData(r.url) && r.start <= milestone);
    const warm = await warmVisit(context, page);
    return {
      warmPython: warm,
      dataBefore: await total(dataBefore),
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

/** Navigation → Python ready again, from the service worker's cache (the first page closed first). */
async function warmVisit(context, first) {
  const installed = await first
    .evaluate(() => Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((r) => setTimeout(() => r(false), 20_000))]))
    .catch(() => false);
  await first.close();
  if (!installed) return NaN;
  const page = await context.newPage();
  try {
    await page.addInitScript(milestonesProbe);
    await page.goto('/');
    await waitIn(page, () => window.__bench.ready.python !== null, null, S.ready('python'));
    return await page.evaluate(() => window.__bench.ready.python);
  } catch (e) {
    if (e instanceof ContractMissing) return NaN;
    throw e;
  } finally {
    await page.close();
  }
}

/** Imports the fixture through the task list's file input and opens its page (in-app link). */
async function importAndOpen(page, query = '', { file: FIXTURE, path: TASK_PATH } = RUN) {
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

/**
 * Clicks "Run all tests" and returns the probe's record once every verdict is in. With `typing`,
 * types into the first solution's critique from the click on (as a trainer writing while it runs),
 * and the long tasks counted are those until the run and the typing are both over.
 */
async function runAll(page, { typing = false, expected = SOLUTIONS, timeout = STEP_TIMEOUT_MS } = {}) {
  const button = page.getByRole('button', { name: 'Run all tests', exact: true });
  await waitFor(button, S.runAll);
  const results = await page.locator(S.result).count();
  // Solutions are shown blind ("Answer A"…, in an order of the trainer's own): the first critique
  // box on the page, whichever solution it is.
  const critique = page.getByRole('textbox', { name: /^Critique of / }).first();
  if (typing) await waitFor(critique, 'textbox "Critique of …"');
  await page.evaluate(armRunProbe, expected);
  await button.first().click();
  let typedUntil = null;
  if (typing) {
    await critique.first().focus();
    await page.keyboard.type('Correct on every input; the loop is clear and handles zero. ', { delay: 15 });
    typedUntil = await page.evaluate(() => performance.now());
  }
  try {
    await waitIn(page, () => window.__benchRun.doneAt !== null && window.__benchRun.paintedAt !== null, null, `${expected} × ${S.verdict}`, timeout);
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
  const until = Math.max(r.doneAt, typedUntil ?? 0);
  const during = r.longTasks.filter((t) => t.start + t.duration >= r.clickAt && t.start <= until);
  const verdicts = await page.locator(S.verdict).evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
  return {
    ms: r.doneAt - r.clickAt,
    firstMs: Math.min(...Object.values(r.each)),
    progressSeen: r.progressSeen,
    paintedMs: r.paintedAt - r.clickAt,
    longMax: during.reduce((m, t) => Math.max(m, t.duration), 0),
    longCount: during.filter((t) => t.duration > 50).length,
    over100: during.filter((t) => t.duration > 100).length,
    longTotal: during.reduce((n, t) => n + t.duration, 0),
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
    // Again, typing a critique meanwhile (the same page: the runtimes have run this task once).
    const typed = await runAll(page, { typing: true });
    return { ...run, typed, readyMs: Math.max(ready.python ?? NaN, ready.javascript ?? NaN) };
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

/** (f): a Python worker killed at the time limit: its timeout verdict → the next test's verdict, run on the replacement. */
async function killRun(context) {
  const page = await context.newPage();
  try {
    await importAndOpen(page, '', KILL);
    await waitFor(page.locator(S.ready('python')), S.ready('python'));
    const button = page.getByRole('button', { name: 'Run all tests', exact: true });
    await waitFor(button, S.runAll);
    const id = KILL.task.solutions[0].id;
    await page.evaluate(armKillProbe, id);
    await button.first().click();
    const limit = KILL.task.limits?.timeMs ?? 5_000;
    await waitIn(page, (n) => window.__benchKill.cells.filter(Boolean).length >= n, KILL.task.tests.length, `${KILL.task.tests.length} statuses in the row of ${id}`, limit + STEP_TIMEOUT_MS);
    const { cells } = await page.evaluate(() => window.__benchKill);
    return { cells, replacedMs: cells[1].at - cells[0].at };
  } finally {
    await page.close();
  }
}

/** (g): runtimes ready, the hostile task opened, run once; its workers die and restart throughout. */
async function hostileRun(context) {
  const page = await context.newPage();
  try {
    await importAndOpen(page, '', HOSTILE);
    await waitFor(page.locator(S.ready('python')), S.ready('python'), 120_000);
    await waitFor(page.locator(S.ready('javascript')), S.ready('javascript'), 120_000);
    return await runAll(page, { expected: HOSTILE.task.solutions.length, timeout: 300_000 });
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
    for (let i = 0; i < (ONLY ? 0 : VISITS); i++) {
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
    rows.push([`    task data (JSON, not code) the page fetched by then, gzip`, kb(gz((v) => v.dataBefore)), 'printed']);
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
      const target = lang === 'python' ? TARGET.pythonFirstMs : NaN;
      rows.push([
        `(c) navigation → ${lang === 'python' ? 'Python' : 'JavaScript'} ready, first visit`,
        Number.isFinite(t) ? `${ms(t)} (${visits.map((v) => Math.round(v.ready[lang] ?? NaN)).join(', ')})` : `not measured: ${S.ready(lang)} missing`,
        Number.isFinite(target) ? `≤ ${target} ms` : 'printed',
        Number.isFinite(target) ? met(t, target) : '',
      ]);
      if (lang === 'python') {
        const w = median(visits.map((v) => v.warmPython));
        rows.push([
          `    Python ready, second visit (service worker's cache)`,
          Number.isFinite(w) ? `${ms(w)} (${visits.map((v) => Math.round(v.warmPython)).join(', ')})` : 'not measured (no service worker, or Python not ready)',
          `≤ ${TARGET.pythonWarmMs} ms`,
          met(w, TARGET.pythonWarmMs),
        ]);
      }
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
    if (!ONLY) {
      log('(d) run all, runtimes preloaded…');
      const d = await step('(d)', () => inContext(preloadedRun));
      log('(e) run all with ?preload=0…');
      const e = await step('(e)', () => inContext(coldRun));
      log('(f) a Python worker killed at the time limit…');
      const f = await step('(f)', () => inContext(killRun));
      for (const [s, name] of [[d, 'd'], [e, 'e'], [f, 'f']]) {
        if (s.error) errors.push(s.error);
        if (s.missing) notes.push(`(${name}) ${s.missing}`);
      }
      const dv = d.value;
      const ev = e.value;
      const fv = f.value;
      const tv = dv?.typed;
      const summary = (v) => (v ? Object.entries(v.verdicts.reduce((m, x) => ((m[x] = (m[x] ?? 0) + 1), m), {})).map(([k, n]) => `${k}×${n}`).join(' ') : '');
      rows.push([`(d) Run all, ${SOLUTIONS}×${FIXTURE_TASK.tests.length}, runtimes ready: click → all verdicts`, dv ? `${ms(dv.ms)} (painted ${ms(dv.paintedMs)}; ${summary(dv)})` : 'not measured', `≤ ${TARGET.runMs} ms`, met(dv?.ms, TARGET.runMs)]);
      rows.push([`    click → first verdict`, dv ? ms(dv.firstMs) : 'not measured', `≤ ${TARGET.firstVerdictMs} ms`, met(dv?.firstMs, TARGET.firstVerdictMs)]);
      rows.push([`    longest main-thread task during the run`, dv ? `${ms(dv.longMax)} (${dv.longCount} over 50 ms)` : 'not measured', `≤ ${TARGET.longTaskMs} ms`, met(dv ? dv.longMax : NaN, TARGET.longTaskMs)]);
      rows.push([`    the same run again, typing a critique meanwhile: longest task`, tv ? `${ms(tv.longMax)} (${tv.longCount} over 50 ms; all verdicts ${ms(tv.ms)})` : 'not measured', `≤ ${TARGET.longTaskMs} ms`, met(tv ? tv.longMax : NaN, TARGET.longTaskMs)]);
      rows.push([
        `(e) Run all with ?preload=0, clicked at once: click → all verdicts`,
        ev ? `${ms(ev.ms)} (${summary(ev)}; long tasks max ${ms(ev.longMax)}, ${ev.longCount} over 50 ms)` : 'not measured',
        `≤ ${TARGET.coldRunMs} ms`,
        met(ev?.ms, TARGET.coldRunMs),
      ]);
      rows.push([`    progress shown while the runtimes start`, ev ? (ev.progressSeen ? 'yes' : 'NO') : 'not measured', 'yes', ev ? (ev.progressSeen ? 'met' : 'NOT met') : 'not measured']);
      rows.push([
        `(f) a killed Python worker replaced: its timeout verdict → the next test's`,
        fv ? `${ms(fv.replacedMs)} (${fv.cells.map((c) => `${c.status} at ${ms(c.at)}`).join(', ')})` : 'not measured',
        `≤ ${TARGET.replaceMs} ms`,
        met(fv?.replacedMs, TARGET.replaceMs),
      ]);
      if (dv && ev) {
        rows.push([`    preloading: open → runtimes ready, then run`, `${ms(dv.readyMs)} + ${ms(dv.ms)}`, 'printed']);
        rows.push([`    preloading saves at the click (e − d)`, `${ms(ev.ms - dv.ms)}, once the page has been open ${ms(dv.readyMs)}`, 'printed']);
      }
      if (ev?.note) notes.push(`(e) ${ev.note}`);
      if (dv?.each) notes.push(`(d) each solution's verdict after the click: ${dv.each}`);
      if (ev?.each) notes.push(`(e) each solution's verdict after the click: ${ev.each}`);
    }

    {
      log('(g) run all, hostile solutions…');
      const g = await step('(g)', () => inContext(hostileRun));
      if (g.error) errors.push(g.error);
      if (g.missing) notes.push(`(g) ${g.missing}`);
      const gv = g.value;
      const shape = `${HOSTILE.task.solutions.length}×${HOSTILE.task.tests.length}`;
      rows.push([`(g) Run all, hostile ${shape} (workers killed and restarted): click → all verdicts`, gv ? ms(gv.ms) : 'not measured', 'printed']);
      rows.push([`    main-thread long tasks during it`, gv ? `${gv.over100} over 100 ms, ${gv.longCount} over 50 ms, longest ${ms(gv.longMax)}, ${ms(gv.longTotal)} in all` : 'not measured', '0 over 100 ms', gv ? (gv.over100 === 0 ? 'met' : 'NOT met') : 'not measured']);
      if (gv?.each) notes.push(`(g) each solution's verdict after the click: ${gv.each}`);
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
