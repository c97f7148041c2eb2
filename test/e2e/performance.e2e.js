// Efficiency from numbers (issue 15): a bundled task's performance test shows each solution's time
// beside the reference solution's in the grid, in Spanish with decimal commas; the quadratic
// solution is flagged over budget and still passes that test; the times go out in the JSONL
// export. Only the robust facts are asserted: every pair of 3,000 numbers against a hash map is
// far over a 3× budget on any machine, and never a time.
import { assert, assertEqual, assertMatch } from './fixtures/expect.js';
import { openSession } from './fixtures/session.js';
import { TIMEOUT } from './fixtures/workbench.js';

const TEST = '3,000 numbers, the pair at the end';

export const tests = [
  {
    name: 'Español (Chile): a performance test shows each time beside the reference’s, flags the quadratic solution over budget, and exports the times',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL, { viewport: { width: 1366, height: 768 } });
      const { page, workbench: w } = s;
      try {
        await w.open();
        await w.chooseLanguage('es-CL');
        await w.open('/tasks/two-sum-indices');
        await w.runAllButton.waitFor({ timeout: TIMEOUT });
        await w.ownNames();
        await w.runtimeReady('javascript');

        // The column says it is a performance test and what its budget is.
        const column = page.locator('section.results thead th', { hasText: TEST });
        assertMatch((await column.textContent()).replace(/\s+/g, ' '), /rendimiento, ?tope 3×/, 'the column is marked as a performance test, with its budget');

        const ids = await page.locator('[data-solution-result]').evaluateAll((els) => els.map((e) => e.getAttribute('data-solution-result')));
        await w.runAll(ids);
        const timingOf = (id) => page.locator(`tr:has([data-solution-result="${id}"]) [data-timing]`);
        await timingOf('all-pairs').waitFor({ timeout: TIMEOUT });
        await timingOf('first-index-map').waitFor({ timeout: TIMEOUT });

        const slow = (await timingOf('all-pairs').textContent()).trim();
        assertEqual(await timingOf('all-pairs').getAttribute('data-timing'), 'over', `the quadratic solution is over budget: ${slow}`);
        assertMatch(slow, /^[\d.,]+ m?s · ref\. [\d.,]+ m?s · [\d.,]+×sobre el tope$/, 'time, reference and ratio, then the flag');
        const fast = (await timingOf('first-index-map').textContent()).trim();
        assertEqual(await timingOf('first-index-map').getAttribute('data-timing'), 'within', `the hash map is within budget: ${fast}`);
        assertMatch(fast, /^[\d.,]+ ms · ref\. [\d.,]+ ms · \d,\d×$/, 'a decimal comma in the ratio');
        assert(!/\d\.\d×/.test(fast + slow), `no decimal point in Spanish: ${fast} / ${slow}`);

        // Over budget is evidence beside the verdict: the cell still says passed, the row says how many.
        const cell = page.locator(`tr:has([data-solution-result="all-pairs"]) td.over-budget .cell-button`);
        assertMatch(await cell.getAttribute('aria-label'), /: aprobada, .*tope 3×, sobre el tope$/, 'the cell is passed and over budget');
        await page.locator('tr:has([data-solution-result="all-pairs"]) .over-note', { hasText: 'sobre el tope en 1 prueba' }).waitFor();

        // The detail: the input's size in Spanish, the runs, the reference, the ratio against the budget.
        await cell.click();
        const detail = page.getByRole('region', { name: new RegExp(TEST) });
        await detail.waitFor({ timeout: 10_000 });
        const text = (await detail.textContent()).replace(/\s+/g, ' ');
        for (const part of ['Rendimiento', 'Tamaño de la entrada', '3.000 números; el único par termina en el último', 'Solución de referencia', 'Veces la referencia', 'sobre el tope'])
          assert(text.includes(part), `the detail shows “${part}”: ${text}`);

        // Exported with the times.
        const lines = (await w.download('Exportar')).text.trim().split('\n').map((l) => JSON.parse(l));
        const mine = lines.find((l) => l.evaluation.taskId === 'two-sum-indices');
        assert(mine, 'the evaluation is exported');
        const timed = (id) => mine.evaluation.judgement.results[id].tests.find((t) => t.name === TEST).timing;
        assertEqual(timed('all-pairs').over, true, 'exported over budget');
        assertEqual(timed('all-pairs').budget, 3, 'exported budget');
        assert(timed('all-pairs').ratio > 3 && timed('all-pairs').referenceMs > 0, `exported ratio and reference time: ${JSON.stringify(timed('all-pairs'))}`);
        assertEqual(timed('first-index-map').over, false, 'exported within budget');
        assertEqual(s.errors.join('\n'), '', 'console errors');
      } finally {
        await s.close();
      }
    },
  },
  {
    name: 'Español (Chile): the task editor shows a performance test as marked, with its budget and its size in both languages, and marks another',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL, { viewport: { width: 1366, height: 768 } });
      const { page, workbench: w } = s;
      try {
        await w.open();
        await w.chooseLanguage('es-CL');
        await w.open('/author/from/two-sum-indices');
        const marked = page.getByRole('checkbox', { name: 'Prueba 13: prueba de rendimiento', exact: true });
        await marked.waitFor({ timeout: TIMEOUT });
        assert(await marked.isChecked(), 'the bundled performance test is marked');
        assertEqual(await page.getByLabel('Prueba 13: tope (× el tiempo de la referencia)', { exact: true }).inputValue(), '3', 'its budget');
        assertEqual(await page.getByLabel('Prueba 13: tamaño de la entrada, en español', { exact: true }).inputValue(), '3.000 números; el único par termina en el último', 'its size in Spanish');
        assertEqual(await page.getByLabel('Prueba 13: tamaño de la entrada, en inglés', { exact: true }).inputValue(), '3,000 numbers; the only pair ends at the last one', 'its size in English');

        // A call test marked in its options gets its settings in a row of its own, checked like any field.
        const row = page.locator('tr[data-test-row="1"]');
        await row.locator('summary').click();
        await row.getByRole('checkbox', { name: 'Prueba 1: prueba de rendimiento', exact: true }).check();
        const budget = page.getByLabel('Prueba 1: tope (× el tiempo de la referencia)', { exact: true });
        assertEqual(await budget.inputValue(), '3', 'a new performance test starts at 3×');
        await budget.fill('tres');
        await page.locator('[aria-invalid="true"]#' + (await budget.getAttribute('id'))).waitFor({ timeout: 10_000 });
        await budget.fill('2,5');
        await page.locator('[aria-invalid="true"]#' + (await budget.getAttribute('id'))).waitFor({ state: 'detached', timeout: 10_000 });
        assertEqual(s.errors.join('\n'), '', 'console errors');
      } finally {
        await s.close();
      }
    },
  },
];
