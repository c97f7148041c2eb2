// A trainer's whole evaluation in a real browser, in both languages: import (a broken file saves
// nothing, a good one appears), run every solution in the real sandboxes, open a failing test's
// details, add an own test, rank with a tie, hit the guardrails, score, critique, submit, reload
// (everything comes back), export JSONL and preference pairs, restore the export into an empty
// browser, and remove the imported task (its evaluation stays).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assert, assertEqual, assertMatch } from './fixtures/expect.js';
import { openSession } from './fixtures/session.js';
import { TIMEOUT } from './fixtures/workbench.js';

const TEXT = {
  en: {
    title: 'Clamp a number',
    problemsHeading: /Nothing was imported/,
    guardrail: /Rank of|needs|missing|score|critique/i,
    critiqueA: 'Correct and minimal; handles both bounds.',
    critiqueB: 'Correct; nested ternary is a little dense.',
    critiqueC: 'Ignores the upper bound: fails "above".',
    reason: 'Testing the guardrail: this reason is deliberate.',
    submittedBadge: 'submitted',
    ownName: 'negative range',
    remove: 'Remove Clamp a number from the list',
    confirmRemove: 'Remove Clamp a number',
    keptNote: /evaluation of it is kept/,
  },
  'es-CL': {
    title: 'Acotar un número',
    problemsHeading: /No se importó nada/,
    guardrail: /Posición|falta|puntaje|crítica/i,
    critiqueA: 'Correcta y mínima; maneja ambos límites.',
    critiqueB: 'Correcta; el ternario anidado es algo denso.',
    critiqueC: 'Ignora el límite superior: falla "above".',
    reason: 'Probando la barrera: esta razón es a propósito.',
    submittedBadge: 'enviada',
    ownName: 'rango negativo',
    remove: 'Quitar Acotar un número de la lista',
    confirmRemove: 'Quitar Acotar un número',
    keptNote: /evaluación de esta tarea se conserva/,
  },
};

async function flow(browser, baseURL, locale) {
  const x = TEXT[locale];
  const s = await openSession(browser, baseURL);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'veredicto-e2e-'));
  try {
    const w = s.workbench;
    await w.open();
    if (locale !== 'en') await w.chooseLanguage(locale);
    const n = w.names;

    // Import: a broken file shows its problems by field and adds nothing.
    await w.importTasks('broken-task.json');
    const alert = s.page.getByRole('alert').filter({ hasText: x.problemsHeading });
    await alert.waitFor({ timeout: TIMEOUT });
    const problems = await alert.textContent();
    for (const field of ['tests[0].args', 'tests[1].expected', 'solutions[0].language']) assert(problems.includes(field), `problem list names ${field}: ${problems}`);
    assertEqual(await s.page.locator('a[href="/tasks/e2e-broken"]').count(), 0, 'broken task links');

    await w.importTasks('clamp-task.json');
    await w.openTask(x.title);
    // This flow names the solutions by the task file's labels (A, B, C), not blind letters.
    await w.ownNames();
    assertEqual(new URL(s.page.url()).pathname, '/tasks/e2e-clamp', 'deep link');
    assertEqual(await s.page.evaluate(() => window.__xss), undefined, 'prompt HTML ran');
    assert(!s.requests.some((u) => u.includes(':9/')), 'remote image requested');

    // Run every solution in the real sandboxes.
    await w.runtimeReady('python');
    const verdicts = await w.runAll(['a', 'b', 'c']);
    assertEqual(JSON.stringify(verdicts), JSON.stringify({ a: 'passed', b: 'passed', c: 'failed' }), 'verdicts');
    // A failing test is one click from its details: expected vs actual.
    const cell = s.page.getByRole('button', { name: new RegExp(`^C, above: `) });
    await cell.click();
    const detail = s.page.getByRole('region', { name: 'C · above' });
    await detail.waitFor();
    assertMatch(await detail.textContent(), /10[\s\S]*42|42[\s\S]*10/, 'detail shows expected 10 and actual 42');

    // An own test, run against every solution.
    await s.page.getByLabel(locale === 'en' ? 'Name' : 'Nombre', { exact: true }).fill(x.ownName);
    await s.page.getByLabel(locale === 'en' ? 'Arguments (JSON array)' : 'Argumentos (arreglo JSON)').fill('[-5, -10, -1]');
    await s.page.getByLabel(locale === 'en' ? 'Expected return value (JSON)' : 'Valor de retorno esperado (JSON)').fill('-5');
    await s.page.getByRole('button', { name: locale === 'en' ? 'Add test' : 'Agregar prueba', exact: true }).click();
    await s.page.getByRole('button', { name: locale === 'en' ? 'Run with my tests' : 'Ejecutar con mis pruebas', exact: true }).click();
    await s.page.getByRole('button', { name: new RegExp(`^A, ${x.ownName}: `) }).waitFor({ timeout: TIMEOUT });
    await w.verdicts(['a', 'b', 'c']);

    // Rank the failing solution first, tie the other two: the guardrails list what is missing.
    await w.rank('C').fill('1');
    await w.rank('A').fill('2');
    await w.rank('B').fill('2');
    await w.submitButton.click();
    const guard = s.page.getByRole('alert').filter({ hasText: x.guardrail });
    await guard.waitFor();
    const missing = await guard.textContent();
    assert(missing.includes('A') && missing.includes('C'), `guardrail names the solutions: ${missing}`);

    for (const id of ['a', 'b', 'c']) assert((await w.scoreAll(id, id === 'c' ? 2 : 4)) === 4, `four rubric criteria for ${id}`);
    await w.critique('A').fill(x.critiqueA);
    await w.critique('B').fill(x.critiqueB);
    await w.critique('C').fill(x.critiqueC);
    await w.submitButton.click();
    const reason = s.page.locator('#reason-c');
    await reason.waitFor();
    await reason.fill(x.reason);
    await w.submitButton.click();
    await s.page.locator('.task-head .badge.status-submitted').waitFor();

    // A reload brings back exactly where the trainer was.
    await s.page.reload();
    await w.runAllButton.waitFor({ timeout: TIMEOUT });
    assertEqual(await w.critique('C').inputValue(), x.critiqueC, 'critique after reload');
    assertEqual(await w.rank('B').inputValue(), '2', 'rank after reload');
    assertEqual((await s.page.locator('.task-head .badge.status-submitted').textContent()).trim(), x.submittedBadge, 'status after reload');

    // Exports.
    const jsonl = await w.download(n.export);
    const lines = jsonl.text.trim().split('\n').map((l) => JSON.parse(l));
    assertEqual(lines.length, 1, 'exported evaluations');
    const e = lines[0].evaluation;
    assertEqual(JSON.stringify(e.judgement.ranks), JSON.stringify({ c: 1, a: 2, b: 2 }), 'exported ranks');
    assertEqual(e.status, 'submitted', 'exported status');
    assertEqual(e.judgement.critiques.a.text, x.critiqueA, 'exported critique');
    assertEqual(e.judgement.critiques.a.locale, locale, 'critique language tag');
    assertEqual(e.judgement.ownTests[0].name, x.ownName, 'exported own test');
    const pairs = (await w.download(n.pairs)).text.trim().split('\n').map((l) => JSON.parse(l));
    assertEqual(pairs.length, 2, 'preference pairs (the A/B tie gives none)');
    for (const p of pairs) {
      assert(p.chosen.includes('max(lo, x)'), 'chosen is C');
      assert(typeof p.prompt === 'string' && p.prompt.length > 0, 'pair has a prompt');
    }
    // The notice counts what the file holds.
    const notice = locale === 'en' ? 'Downloaded: 2 preference pairs from 1 evaluation.' : 'Descargado: 2 pares de preferencia de 1 evaluación.';
    await s.page.getByText(notice, { exact: true }).waitFor();
    // The spreadsheet for Excel in Spanish: semicolons, and the guardrail's reason in its column.
    const sheet = (await w.download('CSV (;)')).text.replace(/^\uFEFF/, '').split('\r\n');
    const columns = sheet[0].split(';');
    const reasonAt = columns.indexOf('guardrail_reason');
    assert(reasonAt > 0, `a guardrail_reason column: ${sheet[0]}`);
    const rowC = sheet.find((r) => r.split(';')[3] === 'c');
    assert(rowC?.split(';')[reasonAt] === x.reason, `C's row carries the reason: ${rowC}`);

    // Round trip into an empty browser: import the task and the evaluations, get the same data.
    const file = path.join(tmp, jsonl.name);
    fs.writeFileSync(file, jsonl.text);
    const fresh = await openSession(browser, baseURL);
    try {
      const v = fresh.workbench;
      await v.open();
      if (locale !== 'en') await v.chooseLanguage(locale);
      await v.importTasks('clamp-task.json');
      await v.taskLink(x.title).waitFor();
      await fresh.page.getByLabel(v.names.importEvaluations, { exact: true }).setInputFiles(file);
      await fresh.page.getByRole('status').filter({ hasText: /1/ }).first().waitFor();
      const again = JSON.parse((await v.download(v.names.export)).text.trim()).evaluation;
      assertEqual(JSON.stringify(again), JSON.stringify(e), 'export → import → export');
      await v.openTask(x.title);
      await v.ownNames();
      assertEqual(await v.critique('A').inputValue(), x.critiqueA, 'critique after import');
    } finally {
      await fresh.close();
    }

    // Removing the imported task: only imported tasks offer it, the evaluation stays, a reload agrees.
    await w.open('/');
    const removeButtons = s.page.getByRole('button', { name: locale === 'en' ? /^Remove / : /^Quitar / });
    await w.taskLink(x.title).waitFor();
    assertEqual(await removeButtons.count(), 1, 'only the imported task can be removed');
    await s.page.getByRole('button', { name: x.remove, exact: true }).click();
    await s.page.getByRole('group', { name: x.remove }).filter({ hasText: x.keptNote }).waitFor();
    await s.page.getByRole('button', { name: x.confirmRemove, exact: true }).click();
    await s.page.getByRole('status').filter({ hasText: x.title }).waitFor();
    assertEqual(await w.taskLink(x.title).count(), 0, 'removed task still listed');
    await s.page.reload();
    await s.page.locator('.task-list').waitFor({ timeout: TIMEOUT });
    assertEqual(await w.taskLink(x.title).count(), 0, 'removed task listed after reload');
    const kept = (await w.download(n.export)).text.trim().split('\n').map((l) => JSON.parse(l));
    assertEqual(JSON.stringify(kept.map((l) => l.evaluation)), JSON.stringify([e]), 'the evaluation outlives its task');
    assertEqual(s.errors.join('\n'), '', 'console errors');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    await s.close();
  }
}

/** HumanEval in, samples as the solutions, run in the sandboxes, and kept across a reload. */
async function humanEval(browser, baseURL) {
  const s = await openSession(browser, baseURL);
  try {
    const w = s.workbench;
    await w.open();
    await w.importTasks('humaneval.jsonl', 'humaneval-samples.jsonl');
    await w.taskLink('HumanEval/0 · add').waitFor({ timeout: TIMEOUT });
    await s.page.reload();
    await w.openTask('HumanEval/0 · add');
    assertEqual(new URL(s.page.url()).pathname, '/tasks/HumanEval%2F0', 'deep link of a dataset id');
    await w.runtimeReady('python');
    const ids = await s.page.locator('[data-solution-result]').evaluateAll((els) => els.map((e) => e.getAttribute('data-solution-result')));
    assertEqual(ids.length, 2, 'one solution per sample, replacing the canonical one');
    const verdicts = Object.values(await w.runAll(ids)).sort();
    assertEqual(JSON.stringify(verdicts), JSON.stringify(['failed', 'passed']), 'sample verdicts');
    assertEqual(s.errors.join('\n'), '', 'console errors');
  } finally {
    await s.close();
  }
}

export const tests = [
  { name: 'HumanEval JSONL with a samples file: imported, kept, run', run: ({ browser, baseURL }) => humanEval(browser, baseURL) },
  { name: 'English: import, run, own test, rank with a tie, guardrails, score, critique, submit, reload, export, round trip', run: ({ browser, baseURL }) => flow(browser, baseURL, 'en') },
  { name: 'Español (Chile): the same evaluation end to end', run: ({ browser, baseURL }) => flow(browser, baseURL, 'es-CL') },
];
