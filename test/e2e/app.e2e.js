// The placeholder page in a real browser: both runtimes load from the app's own origin, the
// self-test gives the right verdicts, the language switch works and sticks, nothing logs errors.
import { assert, assertEqual, assertMatch } from './fixtures/expect.js';
import { isLocal, openSession } from './fixtures/session.js';

/** Opens the page and waits for both runtimes and all three verdicts (English). */
async function expectSelfTestInEnglish(workbench) {
  const python = await workbench.runtimeReady('Sandboxes', /^Python ready in /);
  const javascript = await workbench.runtimeReady('Sandboxes', /^JavaScript ready in /);
  assertMatch(python, /^Python ready in \d+(\.\d+)? m?s$/, 'Python start-up line');
  assertMatch(javascript, /^JavaScript ready in \d+(\.\d+)? m?s$/, 'JavaScript start-up line');
  assertEqual((await workbench.verdictOf('Python, correct')).verdict, 'passed', 'correct Python solution');
  assertEqual((await workbench.verdictOf('JavaScript, correct')).verdict, 'passed', 'correct JavaScript solution');
  const wrong = await workbench.verdictOf('Python, deliberately wrong');
  assertEqual(wrong.verdict, 'failed', 'wrong Python solution');
  assertEqual(wrong.text, 'failed', 'wrong solution verdict text');
}

export const tests = [
  {
    name: 'loads in English: both runtimes ready, self-test verdicts right, isolated, nothing from outside',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL);
      try {
        await s.workbench.open();
        assertEqual(await s.page.title(), 'Veredicto', 'page title');
        assertEqual(await s.workbench.htmlLang(), 'en', '<html lang>');
        await s.workbench.languageSelect('Language').waitFor();
        await expectSelfTestInEnglish(s.workbench);
        assertEqual(await s.page.evaluate(() => globalThis.crossOriginIsolated), true, 'page crossOriginIsolated');
        const workers = s.page.workers();
        assert(workers.length >= 2, `expected runtime workers, found ${workers.length}`);
        for (const w of workers) {
          assertEqual(await w.evaluate(() => globalThis.crossOriginIsolated), true, `crossOriginIsolated in ${w.url()}`);
          // Once ready, a runtime worker has no network or storage left for the code it runs.
          const open = await w.evaluate(() => ['fetch', 'XMLHttpRequest', 'WebSocket', 'indexedDB', 'caches'].filter((n) => n in globalThis));
          assertEqual(open.join(', '), '', `globals left open in ${w.url()}`);
        }
        const outside = s.requests.filter((u) => !isLocal(u));
        assert(outside.length === 0, `requests left the origin: ${outside.join(', ')}`);
        assert(s.requests.some((u) => u.endsWith('/pyodide/pyodide.asm.wasm')), 'Pyodide wasm was requested from /pyodide/');
      } finally {
        await s.close();
      }
    },
  },
  {
    name: 'switching to Español (Chile) translates the page, sets <html lang> and persists after reload',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL);
      try {
        await s.workbench.open();
        await s.workbench.chooseLanguage('Español (Chile)');
        await s.workbench.sandboxes('Entornos aislados').waitFor();
        await s.workbench.languageSelect('Idioma').waitFor();
        assertEqual(await s.workbench.htmlLang(), 'es-CL', '<html lang> after switching');
        const checkSpanish = async () => {
          const python = await s.workbench.runtimeReady('Entornos aislados', /^Python listo en /);
          // es-CL: decimal comma, thousands point ("2,31 s", "1.250 ms"), never "2.31 s".
          assertMatch(python, /^Python listo en \d{1,3}(\.\d{3})*(,\d+)? m?s$/, 'Python start-up line in Spanish');
          assert(!/\d\.\d{1,2} s$/.test(python), `decimal point instead of comma: ${python}`);
          const ok = await s.workbench.verdictOf('Python, correcta');
          assertEqual(ok.verdict, 'passed', 'correct Python solution');
          assertEqual(ok.text, 'aprobada', 'verdict text in Spanish');
          const wrong = await s.workbench.verdictOf('Python, incorrecta a propósito');
          assertEqual(wrong.text, 'fallida', 'wrong solution verdict text in Spanish');
        };
        await checkSpanish();
        await s.workbench.reload();
        await s.workbench.sandboxes('Entornos aislados').waitFor();
        assertEqual(await s.workbench.htmlLang(), 'es-CL', '<html lang> after reload');
        assertEqual(await s.workbench.languageSelect('Idioma').inputValue(), 'es-CL', 'selected language after reload');
        await checkSpanish();
        await s.workbench.chooseLanguage('English');
        await s.workbench.sandboxes('Sandboxes').waitFor();
        assertEqual(await s.workbench.htmlLang(), 'en', '<html lang> after switching back');
      } finally {
        await s.close();
      }
    },
  },
  {
    name: 'offline: with everything but the app blocked, a second visit still runs; Pyodide comes from /pyodide/',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL, { offline: true });
      try {
        await s.workbench.open();
        await expectSelfTestInEnglish(s.workbench);
        await s.workbench.reload();
        await expectSelfTestInEnglish(s.workbench);
        assert(s.blocked.length === 0, `the page tried to reach outside: ${s.blocked.join(', ')}`);
        const origin = new URL(baseURL).origin;
        for (const [file, type] of [['pyodide.asm.wasm', 'application/wasm'], ['python_stdlib.zip', 'application/zip']]) {
          const served = s.responses.filter((r) => r.url() === `${origin}/pyodide/${file}`);
          assert(served.length >= 2, `${file} served ${served.length} times from ${origin}/pyodide/, expected once per visit`);
          for (const r of served) {
            assertEqual(r.status(), 200, `${file} status`);
            assertEqual(r.headers()['content-type'], type, `${file} content-type`);
          }
        }
      } finally {
        await s.close();
      }
    },
  },
  {
    name: 'no console errors in the page or its workers',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL);
      try {
        await s.workbench.open();
        await expectSelfTestInEnglish(s.workbench);
        await s.workbench.chooseLanguage('Español (Chile)');
        await s.workbench.sandboxes('Entornos aislados').waitFor();
        assert(s.errors.length === 0, s.errors.join('\n'));
      } finally {
        await s.close();
      }
    },
  },
];
