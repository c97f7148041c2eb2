// TypeScript (and the other languages beyond the two preloaded ones) in a real browser: the runtime
// starts only when a task in the language opens, runs the bundled tasks with the verdicts the CLI
// gives, reports a syntax error as a compile result and a type error as nothing, from the app's
// own origin; and the hostile TypeScript cases of test/conformance get, in the browser, the very
// verdicts `veredicto run` gives them (so no "fail" row passes there either).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, assertEqual } from './fixtures/expect.js';
import { isLocal, openSession } from './fixtures/session.js';
import { TIMEOUT } from './fixtures/workbench.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HOSTILE_TS = path.join(ROOT, 'test', 'conformance', 'hostile_typescript.jsonl');

/** What the CLI judges each hostile TypeScript row, measured now with the same build. */
function cliVerdicts() {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'veredicto.js'), 'run', HOSTILE_TS, '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const { results } = JSON.parse(r.stdout);
  return Object.fromEntries(results.map((x) => [x.taskId, x.verdict]));
}

export const tests = [
  {
    name: 'TypeScript: starts with its first task, runs a bundled task, compile errors are their own result',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL);
      const w = s.workbench;
      try {
        await w.open();
        await w.runtimeReady('javascript');
        assertEqual(await s.page.locator('[data-runtime="typescript"]').count(), 0, 'a TypeScript chip before any TypeScript task');
        assert(!s.requests.some((u) => /typescript\.worker/.test(u)), 'the TypeScript worker was fetched before any TypeScript task');
        // A JavaScript task's viewer highlights only: Monaco's TypeScript worker is not fetched for it.
        await w.open('/tasks/moving-average');
        await w.runAllButton.waitFor({ timeout: 90_000 });
        await s.page.locator('.solutions .monaco-editor').first().waitFor({ timeout: 90_000 });
        await w.open();
        assert(!s.requests.some((u) => /ts\.worker/.test(u)), 'Monaco’s TypeScript worker was fetched for a JavaScript task');
        await w.openTask('Parse a duration (TypeScript)');
        await w.runtimeReady('typescript');
        const verdicts = await w.runAll(['anchored-regex', 'global-regex', 'split-on-units']);
        assertEqual(JSON.stringify(verdicts), JSON.stringify({ 'anchored-regex': 'passed', 'global-regex': 'failed', 'split-on-units': 'failed' }), 'verdicts');

        await w.open();
        await w.importTasks('typescript-compile.json');
        await w.openTask('TypeScript compile probe');
        await w.ownNames();
        assertEqual(JSON.stringify(await w.runAll(['typed-wrong', 'syntax'])), JSON.stringify({ 'typed-wrong': 'passed', syntax: 'error' }), 'type error vs syntax error');
        // The type error is no test failure, but the viewer shows TypeScript's diagnostic under it.
        await s.page.locator('.solutions .monaco-editor .squiggly-error').first().waitFor({ timeout: 90_000 });
        assert(s.requests.some((u) => /ts\.worker/.test(u)), 'Monaco’s TypeScript worker serves a TypeScript task');
        await s.page.getByRole('button', { name: /^Syntax error, two: / }).click();
        await s.page.getByText(/did not compile:\s*solution\.ts:2:\d+: Expression expected/).first().waitFor();
        const outside = s.requests.filter((u) => !isLocal(u));
        assert(outside.length === 0, `requests left the origin: ${outside.join(', ')}`);
        assertEqual(s.errors.join('\n'), '', 'console errors');
      } finally {
        await s.close();
      }
    },
  },
  {
    name: 'TypeScript: the hostile cases (endless loop, memory and stack bombs, 100 MB of output, files, environment, early exit, shadowed console) get the CLI\'s verdicts in the browser',
    async run({ browser, baseURL }) {
      const rows = fs.readFileSync(HOSTILE_TS, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
      const expected = cliVerdicts();
      assertEqual(rows.filter((r) => !expected[r.task_id]).map((r) => r.task_id).join(', '), '', 'rows the CLI gave no verdict');
      const s = await openSession(browser, baseURL);
      const w = s.workbench;
      try {
        await w.open();
        await s.page.getByLabel(w.names.importTasks, { exact: true }).setInputFiles(HOSTILE_TS);
        for (const row of rows) {
          const link = s.page.getByRole('link', { name: new RegExp(`^${row.task_id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}( ·|$)`) });
          await link.waitFor({ timeout: TIMEOUT });
          await link.click();
          await w.runAllButton.waitFor({ timeout: TIMEOUT });
          await w.runtimeReady('typescript');
          const { canonical } = await w.runAll(['canonical']);
          if (row.expect === 'pass') assertEqual(canonical, 'passed', `${row.task_id} (expected to pass)`);
          else assert(canonical !== 'passed', `${row.task_id} was judged passed`);
          assertEqual(canonical, expected[row.task_id], `${row.task_id}: the CLI's verdict`);
          await s.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks', exact: true }).click();
          await s.page.getByLabel(w.names.importTasks, { exact: true }).waitFor({ timeout: TIMEOUT });
        }
        const outside = s.requests.filter((u) => !isLocal(u));
        assertEqual(outside.join(', '), '', 'requests that left the origin');
      } finally {
        await s.close();
      }
    },
  },
];
