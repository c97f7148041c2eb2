// Containment of untrusted code, in a real browser: hostile solutions and test code (fixtures
// hostile-*.json) reach no network (a listener on another port hears nothing), none of the app's
// storage (a submitted evaluation survives and comes back after a reload), and cannot pass by forging
// results; a runtime or frame taken over by an attacker fares no better, and the page says what it
// ignored; Python that never stops is interrupted without losing its worker, or terminated when it
// ignores the interrupt; markup in every text field of a task stays inert; the app and the sandbox
// page carry their Content-Security-Policy headers, also from the service worker offline.
// The design is in src/sandbox/browser/sandboxDocument.ts; the policies in vite.config.ts.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { AssertionError, assert, assertEqual, assertMatch } from './fixtures/expect.js';
import { openSession } from './fixtures/session.js';
import { FIXTURES, TIMEOUT } from './fixtures/workbench.js';

const WARN_IGNORED = 'Veredicto: ignored a worker message';

const CSP_CONSOLE = /Content Security Policy|Refused to (connect|load|frame|execute)|Executing inline/;

/** A tiny HTTP server on another port: every request it gets is a leak. */
async function startListener() {
  const hits = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin', 'Content-Type': 'text/javascript' });
    res.end('export default 1;');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, hits, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** A hostile fixture with the listener's address in it, as a file to import; returns its path and task. */
function hostileTask(name, listener, dir) {
  const text = fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8').replaceAll('__LISTENER__', listener.url);
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, text);
  return { file, task: JSON.parse(text) };
}

/**
 * Watches one session for what containment is about: CSP violations in every document (the app, the
 * sandbox page, its opaque inner frame) and in workers (as console messages), console warnings, dialogs,
 * and each runtime worker by name (veredicto-python / veredicto-javascript) as it starts.
 */
async function watch(s) {
  const violations = [];
  const reported = [];
  const warnings = [];
  const dialogs = [];
  const workers = [];
  await s.context.addInitScript(() => {
    // What each runtime worker reports, as the frame that started it hears it (before any checking).
    const Base = globalThis.Worker;
    if (Base && location.href === 'about:srcdoc')
      globalThis.Worker = class extends Base {
        constructor(...args) {
          super(...args);
          this.addEventListener('message', (e) => {
            const m = e.data;
            if (m?.type === 'result') console.info(`veredicto-result ${JSON.stringify({ index: m.index, outcome: m.result?.outcome, error: m.result?.error?.message })}`);
          });
        }
      };
    document.addEventListener('securitypolicyviolation', (e) => {
      // Reported at an element of the page when the element is in it; otherwise at the document.
      const onPage = e.target instanceof Element && e.target.isConnected && e.target.ownerDocument === document;
      console.info(`veredicto-csp ${JSON.stringify({ page: location.href, directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, onPage })}`);
    });
  });
  s.page.on('console', (m) => {
    const text = m.text();
    if (text.startsWith('veredicto-csp ')) violations.push(JSON.parse(text.slice('veredicto-csp '.length)));
    if (text.startsWith('veredicto-result ')) reported.push(JSON.parse(text.slice('veredicto-result '.length)));
    if (m.type() === 'warning') warnings.push(text);
  });
  s.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  s.page.on('worker', (w) => {
    const entry = { worker: w, name: w.evaluate(() => self.name).catch(() => '') };
    workers.push(entry);
    w.on('console', (m) => {
      if (CSP_CONSOLE.test(m.text())) violations.push({ page: w.url(), directive: 'worker', blocked: m.text(), source: 'worker', onPage: false });
    });
  });
  const named = async (name) => {
    const out = [];
    for (const e of workers) if ((await e.name) === name) out.push(e.worker);
    return out;
  };
  return {
    violations,
    /** The results runtime workers posted, in order. */
    reported,
    warnings,
    dialogs,
    named,
    /** Fails on any CSP violation that is neither an app report nor `expected(v)`. */
    expectOnlyViolations(expected = () => false, what = 'CSP violations') {
      const unexpected = violations.filter((v) => !expected(v));
      assert(unexpected.length === 0, `${what}: ${JSON.stringify(unexpected, null, 1)}`);
    },
    /** Fails on console errors other than the ones CSP violations log (those are checked above). */
    expectNoOtherErrors(ignore = () => false) {
      const other = s.errors.filter((e) => !CSP_CONSOLE.test(e) && !ignore(e));
      assertEqual(other.join('\n'), '', 'console errors');
    },
  };
}

/** The task list, by the main navigation (no reload: the runtime workers stay). */
async function toTaskList(s) {
  await s.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks', exact: true }).click();
  await s.page.getByLabel(s.workbench.names.importTasks, { exact: true }).waitFor({ timeout: TIMEOUT });
}

async function importTaskFile(s, file) {
  await s.page.getByLabel(s.workbench.names.importTasks, { exact: true }).setInputFiles(file);
}

/** Nothing any payload or attacker sets: window.__pwned in every document the page has. */
async function expectNoScriptRan(s, where) {
  for (const frame of s.page.frames()) {
    const flag = await frame.evaluate(() => globalThis.__pwned).catch(() => undefined);
    assertEqual(flag, undefined, `window.__pwned in ${frame.url()} (${where})`);
  }
}

/** Every store of the app's IndexedDB database, as JSON, read from the page. */
function readDatabase(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('veredicto');
        open.onerror = () => reject(open.error);
        open.onsuccess = async () => {
          const db = open.result;
          const out = {};
          for (const name of db.objectStoreNames) {
            const store = db.transaction(name).objectStore(name);
            const read = (r) => new Promise((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));
            const [keys, values] = await Promise.all([read(store.getAllKeys()), read(store.getAll())]);
            out[name] = keys.map((k, i) => [k, values[i]]);
          }
          db.close();
          resolve({ version: db.version, stores: out });
        };
      }),
  );
}

/** Submits an evaluation of the clamp task through the UI (the data hostile code would want). */
async function seedEvaluation(s) {
  const w = s.workbench;
  await w.importTasks('clamp-task.json');
  await w.openTask('Clamp a number');
  await w.ownNames();
  await w.runtimeReady('python');
  await w.runAll(['a', 'b', 'c']);
  await w.rank('A').fill('1');
  await w.rank('B').fill('1');
  await w.rank('C').fill('2');
  for (const id of ['a', 'b', 'c']) await w.scoreAll(id, id === 'c' ? 2 : 5);
  await w.critique('A').fill('Seeded before the hostile run: A.');
  await w.critique('B').fill('Seeded before the hostile run: B.');
  await w.critique('C').fill('Seeded before the hostile run: C misses the upper bound.');
  await w.submitButton.click();
  await s.page.locator('.task-head .badge.status-submitted').waitFor({ timeout: TIMEOUT });
}

/** Opens a result cell's details and returns their text. */
async function resultDetails(s, label, test) {
  await s.page.getByRole('button', { name: new RegExp(`^${escapeRegExp(label)}, ${escapeRegExp(test)}: `) }).click();
  const region = s.page.getByRole('region', { name: `${label} · ${test}` });
  await region.waitFor();
  return region.textContent();
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function expectNotPassed(verdicts, what) {
  for (const [id, v] of Object.entries(verdicts)) assert(v !== 'passed', `${what}: solution ${id} was judged "${v}"`);
}

/**
 * A session watched for CSP reports, errors and dialogs, with a local listener that counts leaked
 * requests and a scratch folder for the hostile task files; the workbench is open. Cleans up after.
 */
async function withHostileSession(browser, baseURL, body) {
  const listener = await startListener();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veredicto-contain-'));
  const s = await openSession(browser, baseURL);
  try {
    const seen = await watch(s);
    const w = s.workbench;
    await w.open();
    await body({ listener, dir, s, seen, w });
  } finally {
    await s.close();
    await listener.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The open details of one test of one solution (opened if closed). */
async function openDetails(s, label, test) {
  const region = s.page.getByRole('region', { name: `${label} · ${test}` });
  if (!(await region.isVisible())) return resultDetails(s, label, test);
  return region.textContent();
}

export const tests = [
  {
    name: 'a solution that bends what the test uses is never passed and the grid says what it changed, in both languages; Python reaches no JavaScript object by any import route',
    run: ({ browser, baseURL }) =>
      withHostileSession(browser, baseURL, async ({ listener, dir, s, seen, w }) => {
        const { file, task } = hostileTask('hostile-tamper', listener, dir);
        await importTaskFile(s, file);
        await w.openTask(task.title.en);
        await w.ownNames();
        await w.runtimeReady('python');
        await w.runtimeReady('javascript');
        const verdicts = await w.runAll(['py-shadow', 'py-routes', 'js-tojson', 'js-honest']);
        assertEqual(JSON.stringify(verdicts), JSON.stringify({ 'py-shadow': 'failed', 'py-routes': 'passed', 'js-tojson': 'failed', 'js-honest': 'passed' }), 'verdicts');
        assertMatch(await openDetails(s, 'JavaScript adds toJSON', 'shared check'), /added `Array\.prototype\.toJSON`, which the test uses/, 'what the JavaScript solution changed');
        assertMatch(await openDetails(s, 'Python hides abs', 'shared check'), /defines `abs` itself, hiding what the test uses under that name/, 'what the Python solution hid');
        await w.chooseLanguage('es-CL');
        assertMatch(await openDetails(s, 'JavaScript adds toJSON', 'shared check'), /agregó `Array\.prototype\.toJSON`, que la prueba usa/, 'the same in Spanish');
        assertMatch(await openDetails(s, 'Python hides abs', 'shared check'), /define `abs` por su cuenta y oculta lo que la prueba usa con ese nombre/, 'the Python one in Spanish');
        await s.page.screenshot({ path: path.join(dir, 'tamper-es-CL.png') });
        if (process.env.E2E_SCREENSHOTS) fs.copyFileSync(path.join(dir, 'tamper-es-CL.png'), path.join(process.env.E2E_SCREENSHOTS, 'tamper-es-CL.png'));
        seen.expectOnlyViolations();
        seen.expectNoOtherErrors();
      }),
  },
  {
    name: 'hostile Python and JavaScript reach neither the network nor the app\'s storage; a submitted evaluation survives',
    run: ({ browser, baseURL }) =>
      withHostileSession(browser, baseURL, async ({ listener, dir, s, seen, w }) => {
        await seedEvaluation(s);
        // What the page itself holds, for hostile code to read, change or delete.
        await s.page.evaluate(async () => {
          localStorage.setItem('veredicto-e2e-sentinel', 'kept');
          await (await caches.open('veredicto-e2e-sentinel')).put('/sentinel', new Response('kept'));
          globalThis.__heard = [];
          globalThis.__channel = new BroadcastChannel('veredicto');
          globalThis.__channel.onmessage = (e) => globalThis.__heard.push(e.data);
        });
        // The trainer's work in it (active time and save times may move on by themselves).
        const trainersWork = (db) => {
          const record = db.stores.evaluations.find(([k]) => String(k).includes('e2e-clamp'))?.[1]?.data;
          return record && JSON.stringify({ status: record.status, judgement: record.judgement, submittedAt: record.submittedAt, revisions: record.revisions });
        };
        const seeded = trainersWork(await readDatabase(s.page));
        assert(seeded, 'the seeded evaluation is in IndexedDB');

        const { file, task } = hostileTask('hostile-escape', listener, dir);
        await toTaskList(s);
        await importTaskFile(s, file);
        await w.openTask(task.title.en);
        await w.ownNames();
        await w.runtimeReady('python');
        await w.runtimeReady('javascript');
        const verdicts = await w.runAll(['py', 'js']);
        expectNotPassed(verdicts, 'hostile solutions');
        // Python never reached a JavaScript object (Pyodide's harness), so had nothing to attack with.
        assertMatch(await resultDetails(s, 'Python attacker', 'returns 42'), /reached JavaScript: False/, 'Python attacker report');
        const js = await resultDetails(s, 'JavaScript attacker', 'returns 42');
        assertMatch(js, /fetch: ReferenceError/, 'QuickJS has no fetch');

        assertEqual(trainersWork(await readDatabase(s.page)), seeded, 'the seeded evaluation after the hostile run');
        const page = await s.page.evaluate(async () => ({
          local: localStorage.getItem('veredicto-e2e-sentinel'),
          cache: await (await (await caches.open('veredicto-e2e-sentinel')).match('/sentinel'))?.text(),
          heard: globalThis.__heard,
        }));
        assertEqual(JSON.stringify(page), JSON.stringify({ local: 'kept', cache: 'kept', heard: [] }), 'localStorage, Cache Storage and BroadcastChannel after the hostile run');
        assertEqual(listener.hits.join(', '), '', 'requests to the listener');
        await expectNoScriptRan(s, 'after the hostile run');

        // The evaluation is still the trainer's after a reload.
        await w.open('/tasks/e2e-clamp');
        await s.page.locator('.task-head .badge.status-submitted').waitFor({ timeout: TIMEOUT });
        assertEqual(await w.critique('C').inputValue(), 'Seeded before the hostile run: C misses the upper bound.', 'critique after reload');
        assertEqual(await w.rank('C').inputValue(), '2', 'rank after reload');

        seen.expectOnlyViolations();
        seen.expectNoOtherErrors();
        assertEqual(seen.dialogs.join(', '), '', 'dialogs');
      }),
  },
  {
    name: 'a runtime or sandbox frame taken over by an attacker cannot pass a solution, reach the network or the app\'s data; the page logs what it ignored and recovers',
    run: ({ browser, baseURL }) =>
      withHostileSession(browser, baseURL, async ({ listener, dir, s, seen, w }) => {
        const { file, task } = hostileTask('hostile-escape', listener, dir);
        await importTaskFile(s, file);
        await w.openTask(task.title.en);
        await w.ownNames();
        await w.runtimeReady('python');
        await w.runtimeReady('javascript');
        const stored = async () => {
          const { version, stores } = await readDatabase(s.page);
          // The run itself saves this task's results: everything else must stay as it was.
          return JSON.stringify({ version, stores: { ...stores, evaluations: stores.evaluations.filter(([k]) => !String(k).includes(task.id)) } });
        };
        const database = await stored();

        // Beyond what the fixtures' code can do: an attacker holding the Python worker's own realm.
        // It hears each run (this one does not read its nonce) and answers first: every test passed.
        const [python] = await seen.named('veredicto-python');
        assert(python, 'a Python worker named veredicto-python');
        const fromWorker = await python.evaluate(async (L) => {
          const forge = (run) => {
            for (let i = 0; i < run.job.tests.length; i++)
              postMessage({ type: 'result', id: run.id, nonce: '0'.repeat(32), index: run.job.firstIndex + i, result: { outcome: 'ok', value: '42', stdout: '', stderr: '', truncated: false, durationMs: 1 } });
            postMessage({ type: 'done', id: run.id, nonce: '0'.repeat(32), recycle: false });
            postMessage({ type: 'result', id: run.id, nonce: run.nonce.replace(/./, 'x'), index: 0, result: { outcome: 'ok', value: '42' } });
            postMessage('not a protocol message');
          };
          const serve = self.onmessage;
          self.onmessage = (e) => {
            if (e.data?.type === 'run') forge(e.data);
            serve.call(self, e);
          };
          const tried = {};
          const attempt = async (name, f) => {
            try {
              await f();
              tried[name] = 'ran';
            } catch (e) {
              tried[name] = e?.name ?? String(e);
            }
          };
          await attempt('fetch', () => fetch(`${L}/w-fetch`));
          await attempt('import', () => import(`${L}/w-import.js`));
          await attempt('indexedDB', () => indexedDB.open('veredicto'));
          await attempt('caches', () => caches.keys());
          await attempt('WebSocket', () => new WebSocket(`${L.replace('http', 'ws')}/w-ws`));
          await attempt('Worker', () => new Worker(`${L}/w-worker.js`));
          await attempt('BroadcastChannel', () => new BroadcastChannel('veredicto').postMessage('w'));
          return { tried, isolated: crossOriginIsolated, origin: location.origin };
        }, listener.url);
        for (const [name, outcome] of Object.entries(fromWorker.tried)) assert(outcome !== 'ran', `${name} from the worker: ${outcome}`);
        assertEqual(fromWorker.isolated, true, 'the worker is cross-origin isolated');

        // And an attacker holding the opaque inner frame's document.
        const inner = s.page.frames().find((f) => f.url() === 'about:srcdoc');
        assert(inner, 'the sandbox page holds an about:srcdoc frame');
        const fromFrame = await inner.evaluate(async (L) => {
          const tried = {};
          const attempt = async (name, f) => {
            try {
              const r = await f();
              tried[name] = r === undefined ? 'ran' : String(r);
            } catch (e) {
              tried[name] = e?.name ?? String(e);
            }
          };
          const forged = { type: 'message', id: 1, data: { type: 'done', id: 1, nonce: '0'.repeat(32), recycle: false } };
          await attempt('post to the sandbox page', () => parent.postMessage(forged, '*'));
          await attempt('post to the app', () => top.postMessage(forged, '*'));
          await attempt('fetch', () => fetch(`${L}/f-fetch`));
          await attempt('image', () => new Promise((ok, fail) => Object.assign(new Image(), { onload: ok, onerror: () => fail(new Error('blocked')), src: `${L}/f-image.png` })));
          await attempt('indexedDB', () => indexedDB.open('veredicto'));
          await attempt('localStorage', () => localStorage.getItem('x'));
          await attempt('caches', () => caches.keys());
          await attempt('app document', () => top.document.title);
          await attempt('navigate the app', () => { top.location.href = `${L}/f-top`; });
          await attempt('navigate the sandbox page', () => { parent.location.href = `${L}/f-parent`; });
          await attempt('popup', () => (window.open(`${L}/f-popup`) === null ? Promise.reject(new Error('blocked')) : 'opened'));
          new BroadcastChannel('veredicto').postMessage('from the frame');
          return { tried, origin: location.origin, isolated: crossOriginIsolated };
        }, listener.url);
        assertEqual(fromFrame.origin, 'null', 'the inner frame has an opaque origin');
        assertEqual(fromFrame.isolated, true, 'the inner frame is cross-origin isolated');
        for (const name of ['fetch', 'image', 'indexedDB', 'localStorage', 'caches', 'app document'])
          assert(!['ran', 'kept'].includes(fromFrame.tried[name]) && fromFrame.tried[name] !== undefined, `${name} from the frame: ${fromFrame.tried[name]}`);

        const verdicts = await w.runAll(['py', 'js']);
        expectNotPassed(verdicts, 'with forged results');
        const ignored = seen.warnings.filter((t) => t.startsWith(WARN_IGNORED));
        assert(ignored.some((t) => /unexpected (result|done) message/.test(t)), `forged results logged: ${ignored.join(' | ')}`);
        assert(ignored.some((t) => /malformed/.test(t)), `a malformed message logged: ${ignored.join(' | ')}`);
        assert(ignored.some((t) => /outside its channel/.test(t)), `messages posted outside the channel logged: ${ignored.join(' | ')}`);
        assertEqual(new URL(s.page.url()).pathname, `/tasks/${task.id}`, 'the app was not navigated');
        assert(s.page.frames().some((f) => f.url().endsWith('/sandbox.html')), 'the sandbox page was not navigated');

        // The frame navigating itself is refused (frame-src 'none'); the app drops it and starts over.
        const noticed = s.page.waitForEvent('console', { predicate: (m) => m.text().includes('the sandbox frame was navigated'), timeout: TIMEOUT });
        await inner.evaluate((L) => void (location.href = `${L}/f-self`), listener.url).catch(() => {});
        await noticed;
        const pythonWorkers = (await seen.named('veredicto-python')).length;
        await s.page.getByRole('button', { name: w.names.runAll, exact: true }).click();
        await s.page.locator('[data-solution-result="py"][data-verdict]').waitFor({ state: 'detached', timeout: 15_000 });
        const again = await w.verdicts(['py', 'js']);
        expectNotPassed(again, 'in a new frame');
        assert((await seen.named('veredicto-python')).length > pythonWorkers, 'a new Python worker, in a new frame');
        assert(s.page.frames().some((f) => f.url() === 'about:srcdoc'), 'a new inner frame');

        assertEqual(listener.hits.join(', '), '', 'requests to the listener');
        assertEqual(await stored(), database, 'IndexedDB after the attacks');
        await expectNoScriptRan(s, 'after the attacks');
        // The only blocked loads are the attacker's own, all towards the listener.
        seen.expectOnlyViolations((v) => (v.blocked ?? '').includes(listener.url), 'violations other than the attacks');
        assert(seen.violations.some((v) => v.directive === 'connect-src' || /connect-src/.test(v.blocked)), 'the frame\'s fetch was refused by its policy');
        seen.expectNoOtherErrors((e) => /Unsafe attempt to initiate navigation|Blocked opening|sandboxed|ERR_BLOCKED_BY_CSP|Failed to load resource/i.test(e));
      }),
  },
  {
    name: 'Python that never stops is interrupted at its limit without losing its worker; one that ignores SIGINT is terminated and replaced',
    run: ({ browser, baseURL }) =>
      withHostileSession(browser, baseURL, async ({ listener, dir, s, seen, w }) => {
        const loops = hostileTask('hostile-loops', listener, dir);
        const stubborn = hostileTask('hostile-stubborn', listener, dir);
        await importTaskFile(s, loops.file);
        await importTaskFile(s, stubborn.file);
        await w.importTasks('clamp-task.json');
        // In-app navigation only from here: a reload would start new workers.
        const toList = () => toTaskList(s);
        await w.openTask(loops.task.title.en);
        await w.ownNames();
        await w.runtimeReady('python');
        const [python] = await seen.named('veredicto-python');
        assertEqual(await python.evaluate(() => crossOriginIsolated), true, 'the Python worker is cross-origin isolated');
        const before = (await seen.named('veredicto-python')).length;

        const started = Date.now();
        const first = await w.runAll(['loop']);
        const took = Date.now() - started;
        assertEqual(first.loop, 'timeout', '`while True: pass`');
        assert(took < loops.task.limits.timeMs + 3000, `the busy loop took ${took} ms to be judged (limit ${loops.task.limits.timeMs} ms)`);
        // The worker itself reported the test stopped at its limit: only the interrupt makes it do so.
        assertEqual(JSON.stringify(seen.reported.at(-1)), JSON.stringify({ index: 0, outcome: 'timeout', error: 'stopped at the time limit' }), 'what the Python worker reported for the loop');
        // And so it was kept. (The client still terminates a worker 100 ms past the limit, client.ts
        // GRACE_MS; on a machine loaded enough for the interrupt to take longer, that fallback wins.)
        assertEqual((await seen.named('veredicto-python')).length, before, 'Python workers started for the interrupted loop (none: the interrupt stopped it)');
        assertMatch(await resultDetails(s, 'Busy loop', 'returns 42'), /did not finish within 1,000 ms/, 'details of the interrupted test');

        // Python still runs afterwards: the clamp task's right answers pass.
        await toList();
        await w.openTask('Clamp a number');
        const clamp = await w.runAll(['a', 'b', 'c']);
        assertEqual(JSON.stringify(clamp), JSON.stringify({ a: 'passed', b: 'passed', c: 'failed' }), 'verdicts after the interrupt');

        await toList();
        await w.openTask(stubborn.task.title.en);
        const live = (await seen.named('veredicto-python')).length;
        const heard = seen.reported.length;
        const second = await w.runAll(['stubborn']);
        assertEqual(second.stubborn, 'timeout', 'a loop that ignores SIGINT');
        assertEqual(seen.reported.length, heard, 'results the stubborn worker reported (none: it was terminated)');
        const deadline = Date.now() + TIMEOUT;
        while ((await seen.named('veredicto-python')).length === live) {
          if (Date.now() > deadline) throw new AssertionError('no Python worker replaced the terminated one');
          await s.page.waitForTimeout(100); // polling the worker list: Playwright has no event for "n workers"
        }
        assertEqual(listener.hits.join(', '), '', 'requests to the listener');
        seen.expectOnlyViolations();
        seen.expectNoOtherErrors();
      }),
  },
  {
    name: 'markup in every text field of a task stays inert: no script, no dialog, no request, in the workbench and in practice',
    run: ({ browser, baseURL }) =>
      withHostileSession(browser, baseURL, async ({ listener, dir, s, seen, w }) => {
        const { file, task } = hostileTask('hostile-xss', listener, dir);
        await importTaskFile(s, file);
        const title = task.title.en;
        await w.taskLink(title).waitFor({ timeout: TIMEOUT });
        await w.openTask(title);
        await w.ownNames();
        const prompt = s.page.locator('.markdown').first();
        await prompt.waitFor();
        const dangerous = await prompt.evaluate((el) =>
          [...el.querySelectorAll('*')]
            .filter((e) => /^(script|iframe|img|svg|style|link|meta|base|form|object|embed|video|math)$/i.test(e.localName) || [...e.attributes].some((a) => /^on|^src$|^style$|^action$/i.test(a.name) || /javascript:/i.test(a.value)))
            .map((e) => e.outerHTML.slice(0, 80)),
        );
        assertEqual(dangerous.join(' '), '', 'active elements or attributes in the rendered prompt');
        await w.runtimeReady('python');
        const verdicts = await w.runAll(['a', 'b', 'c']);
        assertEqual(JSON.stringify(verdicts), JSON.stringify({ a: 'passed', b: 'passed', c: 'failed' }), 'verdicts');
        const labelC = task.solutions[2].label;
        await resultDetails(s, labelC, task.tests[2].name);
        await expectNoScriptRan(s, 'task page');

        // Practice shows the gold: critiques, justification and bug summaries, after a submission.
        await s.page.getByRole('navigation').getByRole('link', { name: 'Practice', exact: true }).click();
        await s.page.getByRole('link', { name: title, exact: true }).click();
        await w.runAllButton.waitFor({ timeout: TIMEOUT });
        await w.runAll(['a', 'b', 'c']);
        // Practice is blind: the solutions are found by id; their names (markup and all) come back in the feedback.
        await s.page.locator('#rank-a').fill('1');
        await s.page.locator('#rank-b').fill('1');
        await s.page.locator('#rank-c').fill('2');
        for (const id of ['a', 'b', 'c']) assertEqual(await w.scoreAll(id, id === 'c' ? 2 : 5), 1, `the task's one rubric criterion for ${id}`);
        await s.page.locator('#critique-a').fill('Fine.');
        await s.page.locator('#critique-b').fill('Fine too.');
        await s.page.locator('#critique-c').fill('It forgets the upper bound.');
        await w.submitButton.click();
        const feedback = s.page.locator('.practice-feedback');
        await feedback.waitFor({ timeout: TIMEOUT });
        const text = await feedback.textContent();
        assert(text.includes(task.gold.critiques.c.en), `the gold critique of C, as text: ${text.slice(0, 300)}`);
        assert(text.includes(task.gold.justification.en), 'the gold justification, as text');
        assertEqual(await feedback.locator('script, img, svg, iframe, a[href^="javascript:"], [onerror], [onload]').count(), 0, 'active elements in the feedback');
        await s.page.getByRole('navigation').getByRole('link', { name: 'Progress', exact: true }).click();
        await s.page.locator('.stats').waitFor();

        await expectNoScriptRan(s, 'practice');
        assertEqual(seen.dialogs.join(', '), '', 'dialogs');
        assertEqual(listener.hits.join(', '), '', 'requests to the listener');
        assert(!s.requests.some((u) => u.startsWith(listener.url)), 'the page requested the listener');
        seen.expectOnlyViolations();
        seen.expectNoOtherErrors();
      }),
  },
  {
    name: 'the app and the sandbox page carry their Content-Security-Policy, also from the service worker offline; the sandbox frame is opaque, isolated and offline-ready',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL);
      const seen = await watch(s);
      try {
        const sandboxResponse = s.page.waitForResponse((r) => r.url().endsWith('/sandbox.html'), { timeout: TIMEOUT });
        const first = await s.page.goto('/');
        const appPolicy = first.headers()['content-security-policy'];
        assertPolicy(appPolicy, 'app', { "script-src": ["'self'", "'wasm-unsafe-eval'"], 'connect-src': ["'self'"], 'worker-src': ["'self'"], 'frame-ancestors': ["'none'"] });
        const sandbox = await sandboxResponse;
        const sandboxPolicy = sandbox.headers()['content-security-policy'];
        assertPolicy(sandboxPolicy, 'sandbox page', { 'connect-src': ["'none'"], 'worker-src': ['blob:'], 'frame-src': ["'none'"], 'default-src': ["'none'"] });
        // The one inline script allowed there is the inner frame's, by its hash.
        const html = await sandbox.text();
        const srcdoc = /srcdoc="([^"]*)"/.exec(html)?.[1].replaceAll('&quot;', '"').replaceAll('&amp;', '&');
        const script = /<script>([\s\S]*)<\/script>/.exec(srcdoc ?? '')?.[1];
        assert(script, 'the sandbox page holds an inline script in its srcdoc');
        const hash = `'sha256-${crypto.createHash('sha256').update(script, 'utf8').digest('base64')}'`;
        assert(sandboxPolicy.includes(hash), `the sandbox policy allows the inner script by its hash ${hash}`);

        await s.workbench.runtimeReady('python');
        await s.workbench.runtimeReady('javascript');
        await s.page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: TIMEOUT });

        await s.context.setOffline(true);
        const offlineSandbox = s.page.waitForResponse((r) => r.url().endsWith('/sandbox.html'), { timeout: TIMEOUT });
        const reloaded = await s.page.reload();
        assert(reloaded.fromServiceWorker(), 'the reload offline came from the service worker');
        assertEqual(reloaded.headers()['content-security-policy'], appPolicy, 'the app policy offline');
        const cached = await offlineSandbox;
        assert(cached.fromServiceWorker(), 'the sandbox page offline came from the service worker');
        assertEqual(cached.headers()['content-security-policy'], sandboxPolicy, 'the sandbox policy offline');
        await s.workbench.runtimeReady('python');
        await s.workbench.runtimeReady('javascript');
        const inner = s.page.frames().find((f) => f.url() === 'about:srcdoc');
        const state = await inner.evaluate(() => {
          const blocked = (f) => {
            try {
              f();
              return 'open';
            } catch (e) {
              return e.name;
            }
          };
          return { origin: location.origin, isolated: crossOriginIsolated, indexedDB: blocked(() => indexedDB.open('veredicto')), localStorage: blocked(() => localStorage.length) };
        });
        assertEqual(JSON.stringify(state), JSON.stringify({ origin: 'null', isolated: true, indexedDB: 'SecurityError', localStorage: 'SecurityError' }), 'the inner frame offline');
        for (const name of ['veredicto-python', 'veredicto-javascript'])
          for (const worker of await seen.named(name)) {
            const open = await worker.evaluate(() => ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'indexedDB', 'caches', 'BroadcastChannel', 'Worker', 'importScripts'].filter((n) => n in globalThis)).catch(() => null);
            if (open) assertEqual(open.join(', '), '', `globals left open in ${name}`);
          }
        seen.expectOnlyViolations();
        seen.expectNoOtherErrors();
      } finally {
        await s.close();
      }
    },
  },
];

/** Checks a policy has each directive with exactly these sources, and nothing remote or eval anywhere. */
function assertPolicy(policy, what, expected) {
  assert(typeof policy === 'string' && policy.length > 0, `${what}: no Content-Security-Policy header`);
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]));
  for (const [name, sources] of Object.entries(expected))
    for (const source of sources) assert(directives[name]?.includes(source), `${what}: ${name} lacks ${source} in ${policy}`);
  assert(!/unsafe-eval|https?:|\*/.test(policy.replace("'wasm-unsafe-eval'", '')), `${what}: eval, a remote host or a wildcard in ${policy}`);
  assert(!directives['script-src']?.includes("'unsafe-inline'"), `${what}: script-src allows inline script`);
}
