// C++ in a real browser: clang (@yowasp/clang) is fetched from the app's own origin only when a C++
// task first opens, with its progress shown, then kept in the browser's cache so that C++ starts
// offline; a bundled task runs with real compilation and the verdicts the CLI gives; and the hostile
// C++ cases of test/conformance (endless loop, memory and stack bombs, 100 MB of output, files and
// environment, early exits, preprocessor tricks) are judged in the browser as in the CLI: "pass"
// rows pass, "fail" rows never do.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, assertEqual } from './fixtures/expect.js';
import { isLocal, openSession } from './fixtures/session.js';
import { TIMEOUT } from './fixtures/workbench.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HOSTILE = path.join(ROOT, 'test', 'conformance', 'hostile_cpp.jsonl');
const ROWS = fs.readFileSync(HOSTILE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

const isClang = (url) => new URL(url).pathname.startsWith('/clang/');

/** Records every text the C++ chip of the header shows, from before the app starts. */
async function recordChip(s) {
  await s.context.addInitScript(() => {
    globalThis.__cppChip = [];
    globalThis.__cppBar = [];
    new MutationObserver(() => {
      const chip = document.querySelector('[data-runtime="cpp"]');
      const text = chip?.textContent;
      if (text && globalThis.__cppChip.at(-1) !== text) globalThis.__cppChip.push(text);
      const bar = chip?.querySelector('progress');
      if (bar) globalThis.__cppBar.push({ label: bar.getAttribute('aria-label'), value: bar.value, max: bar.max });
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  return { texts: () => s.page.evaluate(() => globalThis.__cppChip), bars: () => s.page.evaluate(() => globalThis.__cppBar) };
}

async function toTaskList(s) {
  await s.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks', exact: true }).click();
  await s.page.getByLabel(s.workbench.names.importTasks, { exact: true }).waitFor({ timeout: TIMEOUT });
}

/** Imports some rows of the hostile C++ file, runs each row's task and returns its verdict by task id. */
async function judgeHostile(browser, baseURL, ids) {
  const s = await openSession(browser, baseURL);
  const w = s.workbench;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veredicto-cpp-'));
  try {
    const file = path.join(dir, 'hostile_cpp.jsonl');
    fs.writeFileSync(file, ROWS.filter((r) => ids.includes(r.task_id)).map((r) => JSON.stringify(r)).join('\n'));
    await w.open();
    await s.page.getByLabel(w.names.importTasks, { exact: true }).setInputFiles(file);
    const verdicts = {};
    for (const id of ids) {
      const link = s.page.getByRole('link', { name: new RegExp(`^${id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}( ·|$)`) });
      await link.waitFor({ timeout: TIMEOUT });
      await link.click();
      await w.runAllButton.waitFor({ timeout: TIMEOUT });
      await w.runtimeReady('cpp');
      verdicts[id] = (await w.runAll(['canonical'])).canonical;
      await toTaskList(s);
    }
    const outside = s.requests.filter((u) => !isLocal(u));
    assertEqual(outside.join(', '), '', 'requests that left the origin');
    return { verdicts, errors: s.errors };
  } finally {
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What `veredicto run` judges each row (test/conformance.test.ts runs them in the CLI): the browser
 * must say the same, which also keeps every "fail" row from passing.
 */
const CLI_VERDICTS = {
  'CPP/hostile-infinite-loop': 'timeout', 'CPP/hostile-memory-bomb': 'memory', 'CPP/hostile-malloc-bomb': 'error',
  'CPP/hostile-stack-overflow': 'error', 'CPP/hostile-stdout-100mb': 'output-limit', 'CPP/hostile-reads-host-file': 'passed',
  'CPP/hostile-writes-file': 'passed', 'CPP/hostile-reads-environment': 'passed', 'CPP/hostile-system': 'error',
  'CPP/hostile-fork': 'error', 'CPP/hostile-exits-early': 'error', 'CPP/hostile-quick-exit': 'error',
  'CPP/hostile-redefines-main': 'error', 'CPP/hostile-redefines-assert': 'error', 'CPP/hostile-comments-out-test': 'error',
  'CPP/hostile-disables-test-by-if': 'error', 'CPP/hostile-throws': 'error', 'CPP/hostile-wrong-answer': 'failed',
  'CPP/hostile-ordinary-after': 'passed',
};

function expectAsInCli(verdicts, ids) {
  for (const id of ids) {
    const row = ROWS.find((r) => r.task_id === id);
    if (row.expect === 'pass') assertEqual(verdicts[id], 'passed', `${id} (expected to pass)`);
    else assert(verdicts[id] !== 'passed', `${id} was judged "${verdicts[id]}", expected anything but passed`);
    assertEqual(verdicts[id], CLI_VERDICTS[id], `${id}: the CLI's verdict`);
  }
}

/** The hostile rows in groups small enough for one browser test each (every row compiles). */
const GROUPS = [
  ['CPP/hostile-infinite-loop', 'CPP/hostile-memory-bomb', 'CPP/hostile-malloc-bomb', 'CPP/hostile-stack-overflow', 'CPP/hostile-stdout-100mb', 'CPP/hostile-ordinary-after'],
  ['CPP/hostile-reads-host-file', 'CPP/hostile-writes-file', 'CPP/hostile-reads-environment', 'CPP/hostile-system', 'CPP/hostile-fork', 'CPP/hostile-exits-early', 'CPP/hostile-quick-exit'],
  ['CPP/hostile-redefines-main', 'CPP/hostile-redefines-assert', 'CPP/hostile-comments-out-test', 'CPP/hostile-disables-test-by-if', 'CPP/hostile-throws', 'CPP/hostile-wrong-answer'],
];

export const tests = [
  {
    name: 'clang is fetched from the app only when a C++ task opens, with progress; a bundled task compiles and gets the CLI\'s verdicts; C++ starts offline from the cache',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL);
      const w = s.workbench;
      const chip = await recordChip(s);
      try {
        await w.open();
        await w.runtimeReady('javascript');
        await w.runtimeReady('python');
        assertEqual(await s.page.locator('[data-runtime="cpp"]').count(), 0, 'a C++ chip before any C++ task');
        assertEqual(s.requests.filter(isClang).join(', '), '', 'clang fetched before any C++ task');
        await s.page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: TIMEOUT });

        await w.openTask('Sum of many numbers (C++)');
        await w.runtimeReady('cpp');
        assertEqual(ROWS.filter((r) => !CLI_VERDICTS[r.task_id]).map((r) => r.task_id).join(', '), '', 'hostile rows without the CLI\'s verdict here');
        assertEqual(GROUPS.flat().sort().join(), ROWS.map((r) => r.task_id).sort().join(), 'every hostile row is run in one group');
        const fetched = s.requests.filter(isClang).map((u) => new URL(u).pathname).sort();
        assertEqual(fetched.join(', '), '/clang/bundle.js, /clang/llvm-resources.tar, /clang/llvm.core.wasm, /clang/llvm.core2.wasm, /clang/llvm.core3.wasm, /clang/llvm.core4.wasm', 'clang\'s files, each fetched once');
        const shown = await chip.texts();
        assert(shown.some((t) => /^Fetching C\+\+: \d+% of 10\d MB$/.test(t)), `the download's progress in the header: ${shown.join(' | ')}`);
        const bars = await chip.bars();
        const midway = bars.filter((b) => b.label === 'Download of C++' && b.max > 100e6 && b.value > 0 && b.value < b.max);
        assert(midway.length > 0, `a progress bar of the download in the header, part-way: ${JSON.stringify(bars.slice(-3))}`);
        assertEqual(await s.page.locator('[data-runtime="cpp"] progress').count(), 0, 'a progress bar once C++ is ready');
        assertEqual(shown.at(-1), 'C++ ready', 'the chip at the end');
        const verdicts = await w.runAll(['long-long', 'int-sum', 'reads-to-eof']);
        assertEqual(JSON.stringify(verdicts), JSON.stringify({ 'long-long': 'passed', 'int-sum': 'failed', 'reads-to-eof': 'failed' }), 'verdicts');

        // Offline: the app from the service worker, clang from its cache; no request reaches /clang/.
        await s.context.setOffline(true);
        const before = s.requests.filter(isClang).length;
        const reloaded = await s.page.reload();
        assert(reloaded.fromServiceWorker(), 'the task page offline came from the service worker');
        await w.runAllButton.waitFor({ timeout: TIMEOUT });
        await w.runtimeReady('cpp');
        assertEqual(s.requests.filter(isClang).length, before, 'requests for clang offline (none: it comes from the cache)');
        const again = await w.runAll(['long-long', 'int-sum', 'reads-to-eof']);
        assertEqual(JSON.stringify(again), JSON.stringify(verdicts), 'verdicts offline');
        const outside = s.requests.filter((u) => !isLocal(u));
        assertEqual(outside.join(', '), '', 'requests that left the origin');
        assertEqual(s.errors.join('\n'), '', 'console errors');
      } finally {
        await s.close();
      }
    },
  },
  ...GROUPS.map((ids, i) => ({
    name: `hostile C++ in the browser (${i + 1}/${GROUPS.length}), judged as in the CLI: ${ids.map((id) => id.replace('CPP/hostile-', '')).join(', ')}`,
    async run({ browser, baseURL }) {
      const { verdicts, errors } = await judgeHostile(browser, baseURL, ids);
      expectAsInCli(verdicts, ids);
      assertEqual(errors.join('\n'), '', 'console errors');
    },
  })),
];
