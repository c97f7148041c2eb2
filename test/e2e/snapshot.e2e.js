// Python in the browser starts from the build's memory snapshot (vite.config.ts pyodideSnapshot),
// kept by the service worker with the other runtime files. A snapshot changed in that cache (a
// corrupt write) is never loaded: the page checks it against the hash it was built with, and
// Python starts cold, judging as before (src/sandbox/browser/pyodideSnapshot.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssertionError, assert, assertEqual } from './fixtures/expect.js';
import { openSession } from './fixtures/session.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURE = path.join(ROOT, 'bench', 'fixtures', 'ui-4x10.json');
const FIXTURE_ID = 'ui-4x10';
const SNAPSHOT = /\/pyodide\/snapshot-[^/]+\.bin$/;
const REFUSED = 'not the snapshot this version was built with';

async function expectContract(locator, what, timeout = 60_000) {
  try {
    await locator.first().waitFor({ timeout });
  } catch {
    throw new AssertionError(`contract element missing after ${timeout / 1000} s: ${what}`);
  }
}

/** Imports the 4×10 fixture, opens it, runs all tests and returns the verdicts, sorted. */
async function judge(page) {
  const input = page.getByLabel('Import tasks', { exact: true }).and(page.locator('input[type="file"]'));
  await expectContract(input, 'input[type=file] named "Import tasks"');
  await input.setInputFiles(FIXTURE);
  await expectContract(page.locator(`a[href="/tasks/${FIXTURE_ID}"]`), `a[href="/tasks/${FIXTURE_ID}"]`);
  await page.goto(`/tasks/${FIXTURE_ID}`);
  await expectContract(page.locator('[data-runtime="python"][data-state="ready"]'), 'Python ready');
  const runAll = page.getByRole('button', { name: 'Run all tests', exact: true });
  await expectContract(runAll, 'button "Run all tests"');
  await runAll.click();
  await page.waitForFunction(() => document.querySelectorAll('[data-solution-result][data-verdict]').length >= 4, null, { timeout: 60_000 });
  return (await page.locator('[data-solution-result][data-verdict]').evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')))).sort().join(' ');
}

export const tests = [
  {
    name: 'the snapshot is served and precached; changed in the cache, it is refused and Python starts cold and judges correctly',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL);
      const warnings = [];
      const onConsole = (m) => m.type() === 'warning' && warnings.push(m.text());
      s.page.on('console', onConsole);
      s.page.on('worker', (w) => w.on('console', onConsole)); // python.worker.ts: a snapshot that did not load
      try {
        await s.page.goto('/');
        await s.page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 60_000 });
        assertEqual(await judge(s.page), 'failed passed passed passed', `verdicts of ${FIXTURE_ID} from the snapshot`);
        assert(s.responses.some((r) => SNAPSHOT.test(new URL(r.url()).pathname) && r.ok()), 'the page never fetched /pyodide/snapshot-*.bin');
        assert(!warnings.some((w) => w.includes(REFUSED) || w.includes('Python snapshot')), `the build's own snapshot was not used: ${warnings.join('\n')}`);

        // Every stored copy (the service worker's precache) gets the same size with one byte changed.
        const changed = await s.page.evaluate(async (pattern) => {
          const re = new RegExp(pattern);
          let n = 0;
          for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const request of await cache.keys()) {
              if (!re.test(new URL(request.url).pathname)) continue;
              const response = await cache.match(request);
              const bytes = new Uint8Array(await response.arrayBuffer());
              bytes[bytes.length >> 1] ^= 0xff;
              await cache.put(request, new Response(bytes, { headers: response.headers }));
              n++;
            }
          }
          return n;
        }, SNAPSHOT.source);
        assert(changed > 0, 'no stored snapshot found in Cache Storage (is it precached?)');

        await s.context.setOffline(true); // from the cache only: the changed copy is the one read
        await s.page.goto('/');
        assertEqual(await judge(s.page), 'failed passed passed passed', `verdicts of ${FIXTURE_ID} after the stored snapshot was changed`);
        assert(warnings.some((w) => w.includes(REFUSED)), `the changed snapshot was not refused; warnings: ${warnings.join('\n') || 'none'}`);
        assert(s.errors.length === 0, s.errors.join('\n'));
      } finally {
        await s.close();
      }
    },
  },
];
