#!/usr/bin/env node
// C++ in the browser, for `npm run bench` (also runnable alone): a warm compile in the workbench's
// C++ worker (the built app in headless Chromium: clang for WebAssembly in the sandbox frame), as a
// ratio to the same compile by the same runner (src/sandbox/runners/cpp.ts and clang.ts, from
// build/node) in this Node process, both measured in this run; also how long C++ takes to start the
// first time (clang fetched from the app into its cache) and from the cache on a later visit.
// In the browser a warm compile is measured as "Run all tests" to the verdict on a one-test task
// whose solution was never compiled in that worker (the program itself runs in milliseconds), so it
// includes the page's round trip; in Node it is the runner's run of the same job. Prints lines of a
// report on stdout; nothing is asserted. Options: --reps N (default 3).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { TYPICAL_CPP, TYPICAL_STDIN, TYPICAL_STDOUT } from './cppSource.mjs';
import { build, CHROMIUM_ARGS, freePort, startServer, stopServer } from './preview.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const args = process.argv.slice(2);
const repsAt = args.indexOf('--reps');
const REPS = repsAt >= 0 ? Math.max(1, Number(args[repsAt + 1])) : 3;
const DIST = path.join(root, '.bench', 'cpp-dist');
const STEP_MS = 300_000;
const log = (s = '') => process.stderr.write(`${s}\n`);
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** A different program each time (a comment), so that nothing is found in the worker's cache. */
const source = (i) => `${TYPICAL_CPP}// bench ${i}\n`;

/** One task per compile: the first warms the worker up (clang's code, the throw runtime), the others are timed. */
const tasks = Array.from({ length: REPS + 1 }, (_, i) => ({
  schemaVersion: 1,
  id: `bench-cpp-${i}`,
  title: { en: `C++ compile bench ${i}`, 'es-CL': `Benchmark de compilación C++ ${i}` },
  prompt: { en: 'Sort the numbers read from standard input. A fixture of `npm run bench`.', 'es-CL': 'Ordena los números leídos de la entrada estándar. Un fixture de `npm run bench`.' },
  tests: [{ name: 'sorts', hidden: false, kind: 'stdio', stdin: TYPICAL_STDIN, expectedStdout: TYPICAL_STDOUT }],
  solutions: [{ id: 'typical', label: 'Typical solution', language: 'cpp', code: source(i) }],
}));

/** The same compiles through the product's runner in Node: the baseline. */
async function nodeCompiles() {
  const { CppRunner } = await import(pathToFileURL(path.join(root, 'build', 'node', 'sandbox', 'runners', 'cpp.js')).href);
  const { clangCompiler } = await import(pathToFileURL(path.join(root, 'build', 'node', 'sandbox', 'runners', 'clang.js')).href);
  const clang = await import(pathToFileURL(path.join(root, 'node_modules', '@yowasp', 'clang', 'gen', 'bundle.js')).href);
  const shim = await import(pathToFileURL(path.join(root, 'node_modules', '@bjorn3', 'browser_wasi_shim', 'dist', 'index.js')).href);
  const runner = new CppRunner(await clangCompiler(clang), shim);
  const times = [];
  for (let i = 0; i <= REPS; i++) {
    const job = { language: 'cpp', code: source(i), tests: [{ kind: 'stdio', stdin: TYPICAL_STDIN }], firstIndex: 0, limits: { timeMs: 5000, outputBytes: 1 << 20, memoryMb: 256 } };
    const started = performance.now();
    let stdout = '';
    runner.run(job, (_, r) => (stdout = r.stdout));
    if (stdout !== TYPICAL_STDOUT) throw new Error(`the Node runner printed ${JSON.stringify(stdout)}`);
    if (i > 0) times.push(performance.now() - started);
  }
  return times;
}

async function browserCompiles(base) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veredicto-bench-cpp-browser-'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const files = tasks.map((t) => {
      const file = path.join(dir, `${t.id}.json`);
      fs.writeFileSync(file, JSON.stringify(t));
      return file;
    });
    const context = await browser.newContext({ baseURL: base, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    await page.goto('/');
    await page.getByLabel('Import tasks', { exact: true }).setInputFiles(files);
    const times = [];
    let firstStartMs = NaN;
    for (const [i, t] of tasks.entries()) {
      if (i > 0) await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks', exact: true }).click();
      const opened = performance.now();
      await page.getByRole('link', { name: t.title.en, exact: true }).click();
      await page.locator('[data-runtime="cpp"][data-state="ready"]').waitFor();
      if (i === 0) firstStartMs = performance.now() - opened;
      const clicked = performance.now();
      await page.getByRole('button', { name: 'Run all tests', exact: true }).click();
      const badge = page.locator('[data-solution-result="typical"][data-verdict]');
      await badge.waitFor();
      const verdict = await badge.getAttribute('data-verdict');
      if (verdict !== 'passed') throw new Error(`${t.id}: the browser judged the typical solution "${verdict}"`);
      if (i > 0) times.push(performance.now() - clicked);
    }
    // A later visit: clang from the browser's cache, a new worker compiling the 75 MB module again.
    await page.reload();
    const reloaded = performance.now();
    await page.locator('[data-runtime="cpp"][data-state="ready"]').waitFor();
    const cachedStartMs = performance.now() - reloaded;
    await context.close();
    return { times, firstStartMs, cachedStartMs, version: browser.version() };
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const lines = [];
const loadAtStart = os.loadavg()[0];
try {
  log('C++ in the browser: building the app…');
  build(DIST);
  const { server, base } = await startServer(DIST, await freePort());
  let browserSide;
  try {
    log('C++ in the browser: compiling in Chromium…');
    browserSide = await browserCompiles(base);
  } finally {
    await stopServer(server);
  }
  log('C++ in the browser: the same compiles in Node…');
  const node = await nodeCompiles();
  const inBrowser = median(browserSide.times);
  const inNode = median(node);
  lines.push(`C++ in the browser (Chromium ${browserSide.version}, the built app; load average ${loadAtStart.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at the end)`);
  lines.push(`  C++ ready after opening the first C++ task (clang fetched from the app, ~105 MB): ${(browserSide.firstStartMs / 1000).toFixed(1)} s; on a later visit (from its cache): ${(browserSide.cachedStartMs / 1000).toFixed(1)} s`);
  lines.push(`  warm compile of a typical solution, "Run all tests" to verdict in the browser: median ${inBrowser.toFixed(0)} ms of ${browserSide.times.length}`);
  lines.push(`  the same compile by the same runner in Node (baseline, this run): median ${inNode.toFixed(0)} ms of ${node.length}`);
  lines.push(`  browser / Node: ${(inBrowser / inNode).toFixed(2)}x`);
} catch (e) {
  lines.push(`C++ in the browser: not measured (${String(e?.message ?? e).split('\n')[0]})`);
}
process.stdout.write(`${lines.join('\n')}\n`);
