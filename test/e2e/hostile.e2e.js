// Every hostile Python and JavaScript case of test/conformance, judged in a real browser as a trainer
// would run them: imported as a dataset, opened one after another in the file's order on the same
// page, so the same sandbox workers serve them all. A "pass" row passes and a "fail" row never does,
// as in the CLI (test/conformance.test.ts) — which here also proves that what one task's solution
// leaves behind (interpreter limits, audit hooks, patched built-ins, prototypes) never reaches the
// next task's, and that no route from Python reaches a JavaScript object in the browser either.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, assertEqual } from './fixtures/expect.js';
import { isLocal, openSession } from './fixtures/session.js';
import { TIMEOUT } from './fixtures/workbench.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

async function judgeFile(browser, baseURL, file, language) {
  const rows = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  assert(rows.length > 10 && rows.every((r) => r.expect === 'pass' || r.expect === 'fail'), `${file}: rows with an expectation`);
  const s = await openSession(browser, baseURL);
  const w = s.workbench;
  try {
    await w.open();
    await w.runtimeReady(language);
    await s.page.getByLabel(w.names.importTasks, { exact: true }).setInputFiles(file);
    const wrong = [];
    for (const row of rows) {
      const link = s.page.getByRole('link', { name: new RegExp(`^${escapeRegExp(row.task_id)}( ·|$)`) });
      await link.waitFor({ timeout: TIMEOUT });
      await link.click();
      await w.runAllButton.waitFor({ timeout: TIMEOUT });
      const { canonical } = await w.runAll(['canonical']);
      if ((canonical === 'passed') !== (row.expect === 'pass')) wrong.push(`${row.task_id}: ${canonical}, expected to ${row.expect}`);
      await s.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks', exact: true }).click();
      await s.page.getByLabel(w.names.importTasks, { exact: true }).waitFor({ timeout: TIMEOUT });
    }
    assertEqual(wrong.join('\n'), '', 'rows judged against their expectation');
    const outside = s.requests.filter((u) => !isLocal(u));
    assertEqual(outside.join(', '), '', 'requests that left the origin');
  } finally {
    await s.close();
  }
}

export const tests = [
  {
    name: 'every hostile Python case of the conformance suite, one task after another on one page: pass rows pass, fail rows never do',
    // Seventy rows, some of which walk every object they can reach, on a loaded two-core machine.
    timeoutMs: 900_000,
    run: ({ browser, baseURL }) => judgeFile(browser, baseURL, path.join(ROOT, 'test', 'conformance', 'hostile_python.jsonl'), 'python'),
  },
  {
    name: 'every hostile JavaScript case of the conformance suite, the same way',
    run: ({ browser, baseURL }) => judgeFile(browser, baseURL, path.join(ROOT, 'test', 'conformance', 'hostile_javascript.jsonl'), 'javascript'),
  },
];
