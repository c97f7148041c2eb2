// Practice in a real browser, in both languages: pick a task with an expert answer, judge it with
// the gold hidden, submit, then see tau-b, rubric differences, which real bugs the critique found
// (and what matched), the expert critiques in the page's language; progress shows the attempt;
// practice never reaches the evaluations export.
import { assert, assertEqual, assertMatch } from './fixtures/expect.js';
import { openSession } from './fixtures/session.js';
import { TIMEOUT } from './fixtures/workbench.js';

const TEXT = {
  en: {
    practice: 'Practice', progress: 'Progress', title: 'Clamp a number', goldCritique: 'Never applies the upper bound',
    critiqueC: 'It forgets the upper bound entirely.', critiqueA: 'Fine.', critiqueB: 'Fine too.',
    tau: /Kendall's tau-b\): -1\.00/, found: 'Found', matched: 'Matched the keyword “upper bound”', tasksPractised: 'Tasks practised', again: 'Worth another try',
    chartName: /^Agreement with the expert ranking of each submitted practice task/, table: 'Show the figures as a table', half: '0.5', tauCell: '-1.00',
  },
  'es-CL': {
    practice: 'Práctica', progress: 'Progreso', title: 'Acotar un número', goldCritique: 'Nunca aplica el límite superior',
    critiqueC: 'Se le olvida el límite superior por completo.', critiqueA: 'Bien.', critiqueB: 'Bien también.',
    tau: /Kendall\): [−-]1,00/, found: 'Encontrado', matched: 'Coincidió con la palabra clave “límite superior”', tasksPractised: 'Tareas practicadas', again: 'Vale la pena intentarlas de nuevo',
    chartName: /^Concordancia con el ranking de referencia de cada tarea de práctica enviada/, table: 'Ver las cifras en una tabla', half: '0,5', tauCell: '-1,00',
  },
};

async function practise(browser, baseURL, locale) {
  const x = TEXT[locale];
  const s = await openSession(browser, baseURL);
  const { page, workbench: w } = s;
  try {
    await w.open();
    if (locale !== 'en') await w.chooseLanguage(locale);
    await w.importTasks('clamp-task.json');
    await w.taskLink(x.title).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: x.practice, exact: true }).click();
    await page.getByRole('link', { name: x.title, exact: true }).click();
    await w.runAllButton.waitFor({ timeout: TIMEOUT });
    assertEqual(new URL(page.url()).pathname, '/practice/e2e-clamp', 'practice URL');
    assertEqual(await page.getByText(x.goldCritique).count(), 0, 'gold hidden before submit');

    await w.runtimeReady('python');
    await w.runAll(['a', 'b', 'c']);
    // Practice is blind: the task file's names are not shown before the submit, so solutions are found by id.
    assertEqual(await page.getByRole('spinbutton', { name: w.names.rank('A'), exact: true }).count(), 0, 'the task file’s own names hidden');
    assertEqual(await page.locator('input[id^="rank-"]').count(), 3, 'a rank box per solution');
    // The reverse of the expert's order: C first, A and B tied second.
    await page.locator('#rank-c').fill('1');
    await page.locator('#rank-a').fill('2');
    await page.locator('#rank-b').fill('2');
    for (const id of ['a', 'b', 'c']) await w.scoreAll(id, 3);
    await page.locator('#critique-a').fill(x.critiqueA);
    await page.locator('#critique-b').fill(x.critiqueB);
    await page.locator('#critique-c').fill(x.critiqueC);
    await w.submitButton.click();
    await page.locator('#reason-c').fill('Practice: deliberately reversed.');
    await w.submitButton.click();

    const feedback = page.locator('.practice-feedback');
    await feedback.waitFor({ timeout: TIMEOUT });
    const text = await feedback.textContent();
    assertMatch(text, x.tau, 'tau-b of a reversed ranking with a tie');
    assert(text.includes(x.found) && text.includes(x.matched), `bug found and explained: ${text.slice(0, 400)}`);
    assert(text.includes(x.goldCritique), 'gold critique in the page language');
    // After the submit, each letter has its name beside it.
    assert(/ · [ABC]\b/.test(text), `the solutions' names beside their letters: ${text.slice(0, 300)}`);

    await page.getByRole('navigation').getByRole('link', { name: x.progress, exact: true }).click();
    const stats = page.locator('.stats');
    await stats.waitFor();
    assertMatch(await stats.textContent(), new RegExp(`${x.tasksPractised}1`), 'tasks practised');
    // The chart (visx, its own chunk) draws the one attempt at tau -1, with the locale's numbers on its axis.
    const chart = page.locator('svg.chart');
    await chart.locator('circle').first().waitFor({ timeout: TIMEOUT });
    assertEqual(await chart.locator('circle').count(), 1, 'points on the chart');
    assertEqual(await chart.locator('circle').getAttribute('data-value'), '-1', 'the point is the attempt’s tau');
    assert((await chart.locator('.tick text').allTextContents()).includes(x.half), 'the axis writes 0.5 as the locale does');
    assertEqual(await page.getByRole('img', { name: x.chartName }).count(), 1, 'the chart is named by its caption');
    await page.getByText(x.table, { exact: true }).click();
    const rows = page.locator('.progress-table tbody tr');
    assertEqual(await rows.count(), 1, 'one row per attempt in the table');
    assertEqual((await rows.locator('td').nth(1).textContent()).replace('−', '-'), x.tauCell, 'the table gives the tau as the locale writes it');
    await page.getByRole('heading', { name: x.again }).waitFor();
    assertEqual(await page.getByRole('link', { name: x.title }).count(), 1, 'task listed to try again');

    // Practice is not training data: the evaluations export has nothing.
    const exported = await w.download(w.names.export);
    assertEqual(exported.text.trim(), '', 'evaluations export after practice');
    assertEqual(s.errors.join('\n'), '', 'console errors');
  } finally {
    await s.close();
  }
}

export const tests = [
  { name: 'English: a practice task, then feedback against the expert answer and progress', run: ({ browser, baseURL }) => practise(browser, baseURL, 'en') },
  { name: 'Español (Chile): la misma práctica', run: ({ browser, baseURL }) => practise(browser, baseURL, 'es-CL') },
];
