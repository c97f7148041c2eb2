// A paid trainer's day (issue 12): the data is never wrong without anyone noticing, and the work
// moves on. A submit without a run is refused unless the trainer says why (the reason is exported);
// a reload right after a keystroke keeps it; stored results stay readable after a reload.
import { assert, assertEqual, assertMatch } from './fixtures/expect.js';
import { openSession } from './fixtures/session.js';
import { TIMEOUT } from './fixtures/workbench.js';

const MEDIAN = ['py-sorted', 'py-in-place', 'js-default-sort', 'js-no-empty-check'];

/** Ranks (in the given order), scores and critiques every solution of the open task by id. */
async function judgeAll(page, workbench, ids) {
  for (const [i, id] of ids.entries()) {
    await page.locator(`#rank-${id}`).fill(String(i + 1));
    await workbench.scoreAll(id, 3);
    await page.locator(`#critique-${id}`).fill(`Critique of ${id}.`);
  }
}

/** Opens one cell's details (solution id, test name) and returns their text. */
async function cellDetail(page, solutionId, test) {
  const cell = page.locator(`tr:has([data-solution-result="${solutionId}"]) td`).nth(await testIndex(page, test)).getByRole('button');
  assert(await cell.isEnabled(), `the cell of ${solutionId} · ${test} is enabled`);
  await cell.click();
  const detail = page.locator('.test-detail');
  await detail.waitFor({ timeout: 10_000 });
  const text = await detail.textContent();
  await detail.getByRole('button', { name: 'Close' }).click();
  return text;
}

async function testIndex(page, test) {
  const names = await page.locator('.grid thead th .test-name').allTextContents();
  const i = names.indexOf(test);
  assert(i >= 0, `test ${test} in ${names}`);
  return i;
}

async function openTask(browser, baseURL, path) {
  const s = await openSession(browser, baseURL);
  await s.workbench.open(path);
  await s.workbench.runAllButton.waitFor({ timeout: TIMEOUT });
  return s;
}

/** The judgement cards' solution ids, in the order the page shows them. */
async function cards(page) {
  return page.locator('input[id^="rank-"]').evaluateAll((els) => els.map((el) => ({ id: el.id.slice('rank-'.length) })));
}

export const tests = [
  {
    name: 'solutions are blind by default: "Respuesta A"… in an order kept for the trainer, their own names on request, the letters exported',
    async run({ browser, baseURL }) {
      const s = await openTask(browser, baseURL, '/tasks/median');
      const { page, workbench: w } = s;
      try {
        await w.chooseLanguage('es-CL');
        const rankBoxes = page.getByRole('spinbutton', { name: /^Posición de Respuesta [A-D]$/ });
        await rankBoxes.first().waitFor({ timeout: 10_000 });
        assertEqual(await rankBoxes.count(), 4, 'four blind rank boxes');
        for (const name of ['sorted() copy', 'list.sort() in place', 'Default sort()', 'No empty check'])
          assertEqual(await page.getByText(name, { exact: true }).count(), 0, `no "${name}" on the page`);
        const order = (await cards(page)).map((c) => c.id);
        assertEqual([...order].sort().join(), MEDIAN.slice().sort().join(), 'every solution has a card');
        // The grid and the cards agree on the letters.
        const letterOf = {};
        for (const [i, id] of order.entries()) {
          letterOf[id] = String.fromCharCode(65 + i);
          await page.getByRole('spinbutton', { name: `Posición de Respuesta ${letterOf[id]}`, exact: true }).and(page.locator(`#rank-${id}`)).waitFor({ timeout: 5_000 });
        }
        await page.reload();
        await w.runAllButton.waitFor({ timeout: TIMEOUT });
        await rankBoxes.first().waitFor({ timeout: 10_000 });
        assertEqual((await cards(page)).map((c) => c.id).join(), order.join(), 'the same order after a reload');

        // On the trainer's own computer, the real names are one switch away, and back.
        const names = page.getByRole('checkbox', { name: 'Mostrar los nombres de las soluciones', exact: true });
        await names.check();
        await page.getByRole('spinbutton', { name: 'Posición de No empty check', exact: true }).waitFor({ timeout: 5_000 });
        await names.uncheck();
        await rankBoxes.first().waitFor({ timeout: 5_000 });

        // Judge, submit: the letters the critiques may name leave with the export, beside the real ids.
        await w.runAll(MEDIAN);
        for (const [i, id] of MEDIAN.entries()) {
          await page.locator(`#rank-${id}`).fill(String(i + 1));
          await w.scoreAll(id, 3);
          await page.locator(`#critique-${id}`).fill(`Respuesta ${letterOf[id]}: revisada.`);
        }
        await page.getByRole('button', { name: 'Enviar', exact: true }).click();
        await page.locator('.task-head .badge.status-submitted').waitFor({ timeout: 10_000 });
        const csv = (await w.download(w.names.csv)).text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
        const header = csv[0].split(',');
        const [idAt, shownAt] = [header.indexOf('solution_id'), header.indexOf('shown_label')];
        assert(idAt >= 0 && shownAt >= 0, `CSV has solution_id and shown_label: ${csv[0]}`);
        const exported = Object.fromEntries(csv.slice(1).map((line) => line.split(',')).map((cells) => [cells[idAt], cells[shownAt]]));
        assertEqual(JSON.stringify(exported), JSON.stringify(Object.fromEntries(MEDIAN.map((id) => [id, letterOf[id]]))), 'shown_label per real id');
      } finally {
        await s.close();
      }
    },
  },
  {
    name: 'a submit without a run is refused until the trainer writes why; the reason is stored and exported',
    async run({ browser, baseURL }) {
      const s = await openTask(browser, baseURL, '/tasks/median');
      const { page, workbench: w } = s;
      try {
        await judgeAll(page, w, MEDIAN);
        await w.submitButton.click();
        const problems = page.locator('.jp-problems');
        await problems.getByText(/no finished run of their current code/).waitFor({ timeout: 10_000 });
        assertEqual(await page.locator('.task-head .badge.status-submitted').count(), 0, 'not submitted');
        // The problem leads to the reason field; a stated reason lets the submit through.
        await problems.getByRole('button', { name: /no finished run/ }).click();
        const reason = page.getByRole('textbox', { name: 'Why you submit without running every solution', exact: true });
        assert(await reason.evaluate((el) => el === document.activeElement), 'the reason field has focus');
        await reason.fill('Judged from reading only: the sandbox was down.');
        await w.submitButton.click();
        await page.locator('.task-head .badge.status-submitted').waitFor({ timeout: 10_000 });

        const jsonl = JSON.parse((await w.download(w.names.export)).text.trim().split('\n')[0]);
        assertEqual(jsonl.evaluation.judgement.unrunReason?.text, 'Judged from reading only: the sandbox was down.', 'JSONL keeps the reason');
        const csv = (await w.download(w.names.csv)).text.replace(/^\uFEFF/, '').split('\r\n');
        const column = csv[0].split(',').indexOf('unrun_reason');
        assert(column >= 0, `CSV has an unrun_reason column: ${csv[0]}`);
        assertMatch(csv[1], /Judged from reading only: the sandbox was down\./, 'CSV row');
        const pair = JSON.parse((await w.download(w.names.pairs)).text.trim().split('\n')[0]);
        assertEqual(pair.metadata.unrun_reason, 'Judged from reading only: the sandbox was down.', 'pairs carry the reason');
      } finally {
        await s.close();
      }
    },
  },
  {
    name: 'stored results stay readable after a reload: the cells open their details with the message',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL);
      const { page, workbench: w } = s;
      try {
        await w.open();
        await w.importTasks('clamp-task.json');
        await w.openTask('Clamp a number');
        const verdicts = await w.runAll(['a', 'b', 'c']);
        assertEqual(verdicts.c, 'failed', 'c ignores the upper bound');
        await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 10_000 });
        const before = await cellDetail(page, 'c', 'above');
        await page.reload();
        await w.runAllButton.waitFor({ timeout: TIMEOUT });
        await page.locator('[data-solution-result="c"][data-verdict="failed"]').waitFor({ timeout: TIMEOUT });
        const after = await cellDetail(page, 'c', 'above');
        assertMatch(after, /Message.+\S/, 'the detail shows the stored message');
        // Durations are written with the locale's digits; everything else reads as it did live.
        const strip = (text) => text.replace(/Duration[^A-Z]*/, '');
        assertEqual(strip(after), strip(before), 'the same details as before the reload');
      } finally {
        await s.close();
      }
    },
  },
  {
    name: 'the last keystroke survives a reload and a closed tab right after it',
    async run({ browser, baseURL }) {
      const s = await openTask(browser, baseURL, '/tasks/median');
      const { page, workbench: w } = s;
      try {
        const box = page.locator('#critique-py-sorted');
        // Typed, then the page is reloaded at once: no time for the autosaver's debounce.
        await box.click();
        await page.keyboard.type('Reloaded at once');
        await page.reload();
        await w.runAllButton.waitFor({ timeout: TIMEOUT });
        assertEqual(await page.locator('#critique-py-sorted').inputValue(), 'Reloaded at once', 'after a reload');

        await page.locator('#critique-py-sorted').click();
        await page.keyboard.press('End');
        await page.keyboard.type(', then closed');
        await page.close();
        const again = await s.context.newPage();
        await again.goto('/tasks/median');
        await again.getByRole('button', { name: w.names.runAll, exact: true }).waitFor({ timeout: TIMEOUT });
        assertEqual(await again.locator('#critique-py-sorted').inputValue(), 'Reloaded at once, then closed', 'after closing the tab');
      } finally {
        await s.close();
      }
    },
  },
  {
    name: 'leaving while a save is pending asks first',
    async run({ browser, baseURL }) {
      const s = await openTask(browser, baseURL, '/tasks/median');
      const { page } = s;
      try {
        // A save that never finishes: the browser refuses to write, as with a full disk.
        await page.evaluate(() => {
          IDBObjectStore.prototype.put = function () {
            throw new DOMException('The disk is full.', 'QuotaExceededError');
          };
        });
        await page.locator('#critique-py-sorted').click();
        await page.keyboard.type('Not saved yet');
        await page.getByRole('alert').filter({ hasText: 'the disk is full' }).waitFor({ timeout: 10_000 });
        const dialog = new Promise((resolve) => page.once('dialog', (d) => resolve(d)));
        await page.close({ runBeforeUnload: true });
        const d = await Promise.race([dialog, new Promise((resolve) => page.once('close', () => resolve(undefined)))]);
        assert(d, 'the page closed without asking');
        assertEqual(d.type(), 'beforeunload', 'the browser asks before leaving');
        await d.dismiss();
        assert(!page.isClosed(), 'staying keeps the tab');
      } finally {
        await s.close();
      }
    },
  },
  {
    name: 'a samples file added next to the canonical solution',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL);
      const { page, workbench: w } = s;
      try {
        await w.open();
        // The samples join the canonical solution instead of replacing it.
        await page.getByLabel('With a samples file, keep the canonical solution next to the samples').check();
        await w.importTasks('humaneval.jsonl', 'humaneval-samples.jsonl');
        await page.getByRole('link', { name: /^HumanEval\/0\b/ }).click();
        await w.runAllButton.waitFor({ timeout: TIMEOUT });
        // In the file's order (blind labels would shuffle them).
        await w.ownNames();
        const ids = await page.locator('[data-solution-result]').evaluateAll((els) => els.map((e) => e.getAttribute('data-solution-result')));
        assertEqual(ids.join(' '), 'canonical sample-1 sample-2', 'the canonical solution and both samples');
        const verdicts = await w.runAll(ids);
        const failing = ids.find((id) => verdicts[id] === 'failed');
        assert(failing, `a failing sample: ${JSON.stringify(verdicts)}`);
      } finally {
        await s.close();
      }
    },
  },
  {
    name: 'the task list: natural order, the function in a dataset title, origin filter, search without accents and in prompts; an opened task is still new',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL);
      const { page, workbench: w } = s;
      try {
        await w.open();
        const row = (n, fn) => JSON.stringify({ task_id: `HumanEval/${n}`, prompt: `def ${fn}(x):\n`, canonical_solution: '    return x\n', test: 'def check(candidate):\n    assert candidate(1) == 1\n', entry_point: fn });
        const text = [row(16, 'sixteen'), row(2, 'two'), row(100, 'hundred')].join('\n');
        await page.getByLabel(w.names.importTasks, { exact: true }).setInputFiles([{ name: 'three.jsonl', mimeType: 'application/json', buffer: Buffer.from(text) }]);
        await w.taskLink('HumanEval/2 · two').waitFor({ timeout: TIMEOUT });
        const titles = (await page.locator('.task-list .task-item > a').allTextContents()).filter((x) => x.startsWith('HumanEval/'));
        assertEqual(titles.join(' | '), 'HumanEval/2 · two | HumanEval/16 · sixteen | HumanEval/100 · hundred', 'natural order with function names');

        await page.getByRole('combobox', { name: /^Origin/ }).selectOption({ label: 'imported' });
        assertEqual(await page.locator('.task-list .task-item').count(), 3, 'only the imported tasks');
        await page.getByRole('combobox', { name: /^Origin/ }).selectOption({ label: 'bundled' });
        assertEqual(await w.taskLink('HumanEval/2 · two').count(), 0, 'no imported task among the bundled');
        await page.getByRole('combobox', { name: /^Origin/ }).selectOption({ value: '' });

        const search = page.getByRole('searchbox');
        await search.fill('dias entre');
        await w.taskLink('Days between two dates').waitFor();
        // A word of the Spanish prompt only, typed without its accent.
        await search.fill('cuantos dias hay');
        await w.taskLink('Days between two dates').waitFor();
        await search.fill('');

        // The list says new; opening the task and reading it does not make it a draft.
        const item = page.locator('.task-item').filter({ has: w.taskLink('Days between two dates') });
        assertEqual(await item.locator('.badge.status-new').count(), 1, 'new in the list');
        await w.openTask('Days between two dates');
        await page.locator('.task-head .badge.status-new').waitFor();
        await page.locator('textarea[id^="critique-"]').first().fill('A first change.');
        await page.locator('.task-head .badge.status-draft').waitFor();
      } finally {
        await s.close();
      }
    },
  },
  {
    name: '"Submit and next" follows the list\'s order and filters, and Shift+N opens the next task',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL);
      const { page, workbench: w } = s;
      try {
        await w.open();
        await page.getByRole('combobox', { name: /^Difficulty/ }).selectOption({ label: 'easy' });
        const hrefs = await page.locator('.task-list .task-item > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        assert(hrefs.length >= 3, `three easy tasks: ${hrefs}`);
        await page.locator(`.task-list a[href="${hrefs[0]}"]`).click();
        await w.runAllButton.waitFor({ timeout: TIMEOUT });
        const ids = await page.locator('[data-solution-result]').evaluateAll((els) => els.map((e) => e.getAttribute('data-solution-result')));
        const verdicts = await w.runAll(ids);
        // Passing solutions first, so no guardrail reason is needed.
        await judgeAll(page, w, [...ids].sort((a, b) => Number(verdicts[a] !== 'passed') - Number(verdicts[b] !== 'passed')));
        await page.getByRole('button', { name: 'Submit and next', exact: true }).click();
        await page.waitForURL((url) => url.pathname === hrefs[1], { timeout: TIMEOUT });
        await w.runAllButton.waitFor({ timeout: TIMEOUT });
        await page.locator('body').focus();
        await page.keyboard.press('Shift+N');
        await page.waitForURL((url) => url.pathname === hrefs[2], { timeout: TIMEOUT });
        await w.open('/');
        const first = page.locator('.task-item').filter({ has: page.locator(`a[href="${hrefs[0]}"]`) });
        assertEqual(await first.locator('.badge.status-submitted').count(), 1, 'the first task is submitted');
      } finally {
        await s.close();
      }
    },
  },
  {
    name: 'the editor never shows a practice task\'s gold answer before it is practised, reuses its draft, and "New task" leaves no empty draft',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL);
      const { page, workbench: w } = s;
      try {
        await w.open();
        const title = 'Days between two dates';
        await page.getByRole('button', { name: `Edit ${title}`, exact: true }).click();
        await page.waitForURL(/\/author\/d/, { timeout: TIMEOUT });
        const gold = page.locator('section#gold');
        await gold.getByText('its expert answer stays hidden until you submit it in practice').waitFor({ timeout: TIMEOUT });
        assertEqual(await gold.locator('textarea, input, select').count(), 0, 'no gold field in the editor');
        const first = new URL(page.url()).pathname;

        // The task list again: the same draft, not a second one.
        await w.open('/');
        await page.getByRole('button', { name: `Edit ${title}`, exact: true }).click();
        await page.waitForURL(/\/author\/d/, { timeout: TIMEOUT });
        assertEqual(new URL(page.url()).pathname, first, 'the same draft');

        await page.getByRole('navigation').getByRole('link', { name: 'Author', exact: true }).click();
        await page.getByText('1 draft', { exact: true }).waitFor({ timeout: TIMEOUT });
        await page.getByRole('button', { name: 'New task', exact: true }).click();
        await page.waitForURL(/\/author\/d/, { timeout: TIMEOUT });
        await page.getByRole('link', { name: 'All drafts' }).first().click();
        await page.getByText('1 draft', { exact: true }).waitFor({ timeout: TIMEOUT });
      } finally {
        await s.close();
      }
    },
  },
];
