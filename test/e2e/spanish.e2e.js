// The Spanish workbench says nothing in English of its own: language names are Spanish, a verdict
// has one word everywhere (the glossary's "aprobada / fallida"), and what comes from the data
// (tags, test names, a failed assert's source and values) is set apart from the interface's text.
import { assert, assertEqual, assertMatch } from './fixtures/expect.js';
import { openSession } from './fixtures/session.js';
import { TIMEOUT } from './fixtures/workbench.js';

const LAPTOP = { width: 1366, height: 768 };

async function spanishSession(browser, baseURL) {
  const s = await openSession(browser, baseURL, { viewport: LAPTOP });
  await s.workbench.open();
  await s.workbench.chooseLanguage('es-CL');
  return s;
}

export const tests = [
  {
    name: 'Español (Chile): a HumanEval task in English says so in Spanish, and a verdict is one word in the grid, the chips and the cards',
    async run({ browser, baseURL }) {
      const s = await spanishSession(browser, baseURL);
      const { page, workbench: w } = s;
      try {
        await w.importTasks('humaneval.jsonl', 'humaneval-samples.jsonl');
        await page.locator('a[href="/tasks/HumanEval%2F0"]').waitFor({ timeout: TIMEOUT });
        await w.open('/tasks/HumanEval%2F0');
        await w.runAllButton.waitFor({ timeout: TIMEOUT });
        const note = await page.getByRole('note').filter({ hasText: 'se muestra en' }).textContent();
        assertMatch(note, /se muestra en inglés/, 'the language of the text, named in Spanish');
        assert(!/English/.test(note), `no English in the note: ${note}`);

        await w.ownNames();
        const labels = await page.locator('section.results .solution-label').allTextContents();
        assert(labels.length > 0 && labels.every((l) => /^(Muestra \d+|Solución canónica)$/.test(l)), `made-up labels in Spanish: ${labels}`);

        await w.runtimeReady('python');
        const ids = await page.locator('[data-solution-result]').evaluateAll((els) => els.map((e) => e.getAttribute('data-solution-result')));
        const verdicts = await w.runAll(ids);
        assertEqual(JSON.stringify(Object.values(verdicts).sort()), JSON.stringify(['failed', 'passed']), 'one sample passes, one fails');
        const words = async (selector) => (await page.locator(selector).allTextContents()).map((x) => x.trim().replace(/^Veredicto: /, '')).sort();
        const grid = await words('[data-solution-result][data-verdict]');
        assertEqual(JSON.stringify(grid), JSON.stringify(['aprobada', 'fallida']), 'the grid uses the glossary words');
        assertEqual(JSON.stringify(await words('.jp-chip-verdict')), JSON.stringify(grid), 'the chips use the same words');
        assertEqual(JSON.stringify(await words('.jp-verdict')), JSON.stringify(grid), 'the cards use the same words');

        // A failed assert says which one and with what values (issue 12), the values set apart as data.
        const failing = ids.find((id) => verdicts[id] === 'failed');
        await page.locator(`tr:has([data-solution-result="${failing}"]) td .cell-button`).first().click();
        const message = page.locator('.test-detail .result-message');
        await message.waitFor({ timeout: 10_000 });
        assertEqual((await message.textContent()).trim(), 'falló la aserción assert candidate(1, 2) == 3: izquierda -1, derecha 3 (== no se cumple)', 'the failed assert, in Spanish');
        const values = await message.locator('code.data.value').allTextContents();
        assertEqual(JSON.stringify(values), JSON.stringify(['assert candidate(1, 2) == 3', '-1', '3', '==']), 'the source and the values are shown as data');
        const face = await message.locator('code.value').first().evaluate((el) => getComputedStyle(el).fontFamily);
        assertMatch(face, /mono/i, 'data in the code face');

        // A bundled solution's stock origin, in Spanish.
        await w.open('/tasks/median');
        await w.runAllButton.waitFor({ timeout: TIMEOUT });
        await page.getByText('Origen: ejemplo sintético, escrito para Veredicto', { exact: true }).waitFor();
        assertEqual(s.errors.join('\n'), '', 'console errors');
      } finally {
        await s.close();
      }
    },
  },
];

tests.push({
  name: 'Español (Chile): a task file with a JSON syntax error is reported with line and column, in Spanish only',
  async run({ browser, baseURL }) {
    const s = await spanishSession(browser, baseURL);
    const { page } = s;
    try {
      await page.getByLabel('Importar tareas', { exact: true }).setInputFiles({ name: 'roto.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "id": tres\n}\n') });
      const alert = page.getByRole('alert').filter({ hasText: 'No se importó nada' });
      await alert.waitFor({ timeout: TIMEOUT });
      const text = await alert.textContent();
      assertMatch(text, /roto\.json, línea 2, columna 9: no es JSON válido/, 'where the JSON breaks');
      assert(!/Unexpected|token|position|JSON at/.test(text), `no parser English: ${text}`);
    } finally {
      await s.close();
    }
  },
});

tests.push({
  name: 'Español (Chile): a traceback shows the solution\'s frames, not the harness\'s; tags and test names read as data',
  async run({ browser, baseURL }) {
    const s = await spanishSession(browser, baseURL);
    const { page, workbench: w } = s;
    try {
      await w.importTasks('raising-task.json');
      await w.openTask('Una solución que lanza una excepción');
      const mono = (locator) => locator.evaluate((el) => getComputedStyle(el).fontFamily);
      const uiFont = await mono(page.getByRole('heading', { level: 1 }));
      for (const tag of ['edge-cases', 'exceptions']) {
        const font = await mono(page.locator('.task-head').getByText(tag, { exact: true }));
        assert(font !== uiFont && /mono/i.test(font), `tag ${tag} is set as data (${font} vs ${uiFont})`);
      }
      const header = page.locator('section.results').getByRole('columnheader', { name: 'one' });
      assertMatch(await mono(header.getByText('one', { exact: true })), /mono/i, 'a test name is set as data');

      await w.runtimeReady('python');
      await w.runAll(['a', 'b']);
      // By the solution's id: what its label reads depends on who is looking.
      await page.locator('tr', { has: page.locator('[data-solution-result="a"]') }).getByRole('button', { name: /, one: / }).click();
      const detail = page.getByRole('region', { name: / · one$/ });
      await detail.waitFor();
      const text = await detail.textContent();
      assertMatch(text, /solution\.py", line 2, in g/, 'the solution\'s frame is shown');
      assert(!text.includes('<exec>'), `no harness frame: ${text}`);
      assertEqual(s.errors.join('\n'), '', 'console errors');
    } finally {
      await s.close();
    }
  },
});
