// After one visit the app works with the network off: the service worker (vite.config.ts, registered
// by src/ui/serviceWorker.ts) serves the page, deep links, the bundles and Pyodide's files, and the
// page stays cross-origin isolated. The first test needs only the built app; the second drives the
// workbench's contract (runtime state, "Import tasks", "Run all tests", data-verdict).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssertionError, assert, assertEqual, assertMatch } from './fixtures/expect.js';
import { isLocal, openSession } from './fixtures/session.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURE = path.join(ROOT, 'bench', 'fixtures', 'ui-4x10.json');
const FIXTURE_ID = 'ui-4x10';
const FIXTURE_SOLUTIONS = 4;
const CONTRACT_TIMEOUT = 60_000;

/** Waits for a locator and, when it never comes, names the element the page was expected to have. */
async function expectContract(locator, what, timeout = CONTRACT_TIMEOUT) {
  try {
    await locator.first().waitFor({ timeout });
  } catch {
    throw new AssertionError(`contract element missing after ${timeout / 1000} s: ${what}`);
  }
}

/** Waits until an activated service worker controls the page (so everything it precaches is stored). */
async function expectServiceWorkerInControl(page) {
  try {
    await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 60_000 });
  } catch {
    const seen = await page.evaluate(async () => {
      if (!('serviceWorker' in navigator)) return 'navigator.serviceWorker is missing';
      const r = await navigator.serviceWorker.getRegistration();
      if (!r) return 'no registration (is src/ui/serviceWorker.ts imported by src/ui/main.tsx?)';
      return `registration: installing=${r.installing?.state ?? '-'} waiting=${r.waiting?.state ?? '-'} active=${r.active?.state ?? '-'}, controller=${navigator.serviceWorker.controller ? 'yes' : 'no'}`;
    });
    throw new AssertionError(`no activated service worker controls the page after 60 s: ${seen}`);
  }
}

/** The page rendered something from the bundle, and is isolated. */
async function expectRenderedAndIsolated(page, what) {
  await expectContract(page.locator('#root > *'), `#root has no content (${what})`, 30_000);
  assertMatch(await page.title(), /Veredicto$/, `page title (${what})`);
  assertEqual(await page.evaluate(() => globalThis.crossOriginIsolated), true, `crossOriginIsolated (${what})`);
}

const pythonReady = (page) => page.locator('[data-runtime="python"][data-state="ready"]');
const javascriptReady = (page) => page.locator('[data-runtime="javascript"][data-state="ready"]');

export const tests = [
  {
    name: 'after one visit, the page, a deep link and Pyodide load with the network off, cross-origin isolated',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL);
      try {
        await s.page.goto('/');
        await expectRenderedAndIsolated(s.page, 'first visit');
        await expectServiceWorkerInControl(s.page);

        await s.context.setOffline(true);
        const reloaded = await s.page.reload();
        assert(reloaded?.fromServiceWorker(), 'the reload offline was not answered by the service worker');
        await expectRenderedAndIsolated(s.page, 'reload offline');

        // A deep link the server never saw: the service worker answers with index.html (SPA routing).
        const deep = await s.page.goto('/tasks/some-id');
        assert(deep?.fromServiceWorker(), '/tasks/some-id offline was not answered by the service worker');
        assertEqual(deep.status(), 200, '/tasks/some-id status offline');
        await expectRenderedAndIsolated(s.page, '/tasks/some-id offline');
        assertEqual(await s.page.evaluate(() => location.pathname), '/tasks/some-id', 'path after the deep link');

        // Pyodide's files come from the cache with their types and isolation headers, and Python
        // runs from them (here on the page itself, independent of the workbench UI).
        const files = await s.page.evaluate(async () => {
          const out = [];
          for (const f of ['pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide.asm.mjs', 'pyodide-lock.json']) {
            const r = await fetch(`/pyodide/${f}`);
            out.push({ f, ok: r.ok, type: r.headers.get('content-type'), coep: r.headers.get('cross-origin-embedder-policy'), size: (await r.arrayBuffer()).byteLength });
          }
          return out;
        });
        for (const { f, ok, type, coep, size } of files) {
          assert(ok && size > 0, `/pyodide/${f} offline: ok=${ok}, ${size} bytes`);
          assertEqual(coep, 'require-corp', `/pyodide/${f} Cross-Origin-Embedder-Policy offline`);
          if (f.endsWith('.wasm')) assertEqual(type, 'application/wasm', `/pyodide/${f} content-type offline`);
        }
        const sum = await s.page.evaluate(async () => {
          const { loadPyodide } = await import(`${location.origin}/pyodide/pyodide.mjs`);
          const py = await loadPyodide({ indexURL: '/pyodide/' });
          return py.runPython('sum(i * i for i in range(10))');
        });
        assertEqual(sum, 285, 'Python run offline from the cached /pyodide/ files');

        const outside = s.requests.filter((u) => !isLocal(u));
        assert(outside.length === 0, `requests left the origin: ${outside.join(', ')}`);
        assert(s.errors.length === 0, s.errors.join('\n'));
      } finally {
        await s.close();
      }
    },
  },
  {
    name: 'offline, the workbench imports a task, opens it by deep link and runs Python and JavaScript',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL);
      try {
        await s.page.goto('/');
        await expectServiceWorkerInControl(s.page);
        await expectContract(pythonReady(s.page), '[data-runtime="python"][data-state="ready"] (online, first visit)');

        await s.context.setOffline(true);
        await s.page.reload();
        await expectRenderedAndIsolated(s.page, 'reload offline');
        const input = s.page.getByLabel('Import tasks', { exact: true }).and(s.page.locator('input[type="file"]'));
        await expectContract(input, 'input[type=file] named "Import tasks" on the task list', 30_000);
        await input.setInputFiles(FIXTURE);
        const link = s.page.locator(`a[href="/tasks/${FIXTURE_ID}"]`);
        await expectContract(link, `a[href="/tasks/${FIXTURE_ID}"] in the task list after importing ${path.basename(FIXTURE)}`, 30_000);

        // A full navigation (not an in-app link) to the deep link, offline.
        const deep = await s.page.goto(`/tasks/${FIXTURE_ID}`);
        assert(deep?.fromServiceWorker(), `/tasks/${FIXTURE_ID} offline was not answered by the service worker`);
        await expectRenderedAndIsolated(s.page, `/tasks/${FIXTURE_ID} offline`);
        await expectContract(pythonReady(s.page), '[data-runtime="python"][data-state="ready"] (offline)');
        await expectContract(javascriptReady(s.page), '[data-runtime="javascript"][data-state="ready"] (offline)');
        for (const w of s.page.workers())
          assertEqual(await w.evaluate(() => globalThis.crossOriginIsolated), true, `crossOriginIsolated in ${w.url()} offline`);

        const runAll = s.page.getByRole('button', { name: 'Run all tests', exact: true });
        await expectContract(runAll, 'button "Run all tests"', 30_000);
        await runAll.click();
        const verdicts = s.page.locator('[data-solution-result][data-verdict]');
        try {
          await s.page.waitForFunction((n) => document.querySelectorAll('[data-solution-result][data-verdict]').length >= n, FIXTURE_SOLUTIONS, { timeout: 60_000 });
        } catch {
          throw new AssertionError(`contract: expected ${FIXTURE_SOLUTIONS} [data-solution-result][data-verdict] after "Run all tests" offline, found ${await verdicts.count()} (and ${await s.page.locator('[data-solution-result]').count()} [data-solution-result])`);
        }
        const all = await verdicts.evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')).sort());
        assertEqual(all.join(' '), 'failed passed passed passed', `verdicts of ${FIXTURE_ID} offline (3 right solutions, 1 fails negatives)`);
        const outside = s.requests.filter((u) => !isLocal(u));
        assert(outside.length === 0, `requests left the origin: ${outside.join(', ')}`);
      } finally {
        await s.close();
      }
    },
  },
];
