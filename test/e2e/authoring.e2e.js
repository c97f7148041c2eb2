// Authoring in a real browser. In Spanish: write a task from scratch (one language only, marked as
// a missing translation), see a per-row JSON error, check the reference in the sandboxes, find the
// weak test suite's surviving mutant, add the hidden test that kills it, mark the task ready,
// export it (and `veredicto check` accepts the file as it is), reload (nothing lost), import it
// back (the taken id is renamed), then in an empty browser import it and judge it in the
// workbench. In English: the editor's smoke test (schema problems at the field, sanitised
// preview, editing a bundled task as a copy, a taken id resolved, JSONL export and import).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, assertEqual, assertMatch } from './fixtures/expect.js';
import { Author } from './fixtures/authoring.js';
import { openSession } from './fixtures/session.js';
import { TIMEOUT } from './fixtures/workbench.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const REFERENCE = 'def aprobado(nota):\n    return nota >= 4.0\n';
const CORRECTA = 'def aprobado(nota):\n    return nota >= 4\n';
const ESTRICTA = 'def aprobado(nota):\n    return nota > 4\n';
const TITLE = '¿Aprobó el ramo?';

async function spanish({ browser, baseURL }) {
  const s = await openSession(browser, baseURL);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'veredicto-author-'));
  const { page, workbench: w } = s;
  const a = new Author(page, 'es-CL');
  const n = a.n;
  try {
    await w.open('/');
    await w.chooseLanguage('es-CL');
    await a.openAuthoring();
    await a.newTask();
    assertMatch(new URL(page.url()).pathname, /^\/author\/[A-Za-z0-9_-]+$/, 'a draft has its own address');

    // From scratch, in Spanish only: the English side is marked as a missing translation.
    await a.field(n.id).fill('nota-aprobatoria');
    await a.field(n.title(n.spanish)).fill(TITLE);
    await a.field(n.prompt(n.spanish)).fill('Escribe una función `aprobado(nota)` que devuelva `True` si la nota (de 1,0 a 7,0) es **4,0 o más**.');
    const preview = page.getByRole('region', { name: n.preview(n.spanish) });
    await preview.locator('strong', { hasText: '4,0 o más' }).waitFor();
    await preview.locator('code', { hasText: 'aprobado(nota)' }).waitFor();
    assertMatch(await a.description(a.field(n.title(n.english))), new RegExp(n.missing), 'English title marked as missing translation');
    await a.field(n.entryPoint).fill('aprobado');
    await a.field(n.difficulty).selectOption({ label: 'fácil' });
    await a.field(n.tags).fill('notas, comparaciones');

    // A weak test suite: two visible tests, far from the boundary. A typo shows at its row.
    await a.addCallTest(1, { name: 'seis coma cinco', args: '[6.5', expected: 'true' });
    const args1 = a.field(n.testArgs(1));
    assertEqual(await args1.getAttribute('aria-invalid'), 'true', 'the broken cell is invalid');
    assertMatch(await a.description(args1), /No es JSON válido \(línea 1, columna 5\)/, 'the row says what is wrong, tied to its cell');
    await args1.fill('[6.5]');
    assertEqual(await args1.getAttribute('aria-describedby'), null, 'the error is gone once fixed');
    await a.addCallTest(2, { name: 'dos', args: '[2.0]', expected: 'false' });

    await a.addReference('Python', REFERENCE);
    await a.addCandidate('Python', 1, { id: 'correcta', label: 'Correcta', code: CORRECTA });
    await a.addCandidate('Python', 2, { id: 'estricta', label: 'Estricta', code: ESTRICTA });

    // Validation by execution: the reference passes every test twice…
    await w.runtimeReady('python');
    assertEqual(await a.checkReference(), 'clean', 'reference check');
    // …but it is not ready: no hidden test yet.
    assert(await a.button(n.markReady).isDisabled(), 'mark ready waits for a hidden test');
    assertEqual(await page.locator('[data-item="hiddenTest"]').getAttribute('data-ok'), 'false', 'the checklist names the hidden test');

    // Test strength: the flipped comparison survives the weak tests, shown as a diff.
    const weak = await a.runMutants();
    assert(weak.survivors.length >= 1 && weak.killed < weak.total, `a mutant survives: ${weak.score}`);
    const flip = weak.survivors.find((m) => m.diff.includes('nota > 4.0'));
    assert(flip, `the >= → > mutant survives, as a diff: ${JSON.stringify(weak.survivors)}`);
    assertMatch(flip.diff, /-\s+return nota >= 4\.0[\s\S]*\+\s+return nota > 4\.0/, 'survivor diff');
    assertMatch(weak.score, /Puntaje de mutación: \d+ %/, 'score in Spanish');

    // The killing test: exactly 4,0 passes. Hidden, so it stays a surprise for the candidates.
    await a.addCallTest(3, { name: 'cuatro justo', args: '[4.0]', expected: 'true', hidden: true });
    const strong = await a.runMutants();
    assert(!strong.survivors.some((m) => m.id === flip.id), `the killing test kills it: ${JSON.stringify(strong.survivors)}`);
    assert(strong.killed > weak.killed, `the score goes up: ${weak.score} → ${strong.score}`);

    // Candidates as the trainer sees them: the strict one fails the hidden test.
    await a.button(n.runCandidates).click();
    const verdicts = await w.verdicts(['correcta', 'estricta']);
    assertEqual(JSON.stringify(verdicts), JSON.stringify({ correcta: 'passed', estricta: 'failed' }), 'candidate verdicts');

    // A gold judgement, in Spanish only.
    await a.field(n.goldOn).check();
    await a.field(n.rank('Correcta')).fill('1');
    await a.field(n.rank('Estricta')).fill('2');
    await a.field(n.critique('Estricta', n.spanish)).fill('Usa > en vez de >=: reprueba con un 4,0 justo (prueba oculta «cuatro justo»).');

    // Ready: the check is rerun on this version, then the task goes to the workbench.
    assertEqual(await a.checkReference(), 'clean', 'reference check with the new test');
    await a.button(n.markReady).click();
    await page.getByRole('status').filter({ hasText: 'Marcada como lista' }).waitFor({ timeout: TIMEOUT });
    assertEqual(await page.locator('.status-line [data-status]').getAttribute('data-status'), 'ready', 'status ready');

    // Export: byte for byte the task file format, and `veredicto check` accepts it.
    await a.saved();
    const file = await a.download(n.export);
    assertEqual(file.name, 'nota-aprobatoria.json', 'file name is the id');
    const task = JSON.parse(file.text);
    assertEqual(file.text, `${JSON.stringify(task, null, 2)}\n`, 'two-space JSON with a final newline');
    assertEqual(JSON.stringify(task.title), JSON.stringify({ 'es-CL': TITLE }), 'saved in one locale');
    assertEqual(task.tests.filter((t) => t.hidden).length, 1, 'one hidden test');
    assertEqual(JSON.stringify(task.gold.ranking), JSON.stringify([['correcta'], ['estricta']]), 'gold ranking');
    const exported = path.join(tmp, file.name);
    fs.writeFileSync(exported, file.text);
    const check = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'veredicto.js'), 'check', exported], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    assertEqual(check.status, 0, `veredicto check: ${check.stdout}${check.stderr}`);

    // Nothing is lost on reload: fields, tests and the code in the editors.
    await page.reload();
    await a.field(n.id).waitFor({ timeout: TIMEOUT });
    assertEqual(await a.field(n.title(n.spanish)).inputValue(), TITLE, 'title after reload');
    assertEqual(await a.field(n.testName(3)).inputValue(), 'cuatro justo', 'third test after reload');
    assert(await a.field(n.testHidden(3)).isChecked(), 'hidden after reload');
    assertEqual(await a.code(n.candidateCode('Estricta')), ESTRICTA, 'candidate code after reload');

    // Import it back: the id is taken (by this draft and the saved task); rename to the suggestion.
    await page.getByRole('link', { name: n.back }).click();
    await a.importFiles(exported);
    const resolver = page.getByRole('region', { name: /ya está en uso/ });
    await resolver.waitFor({ timeout: TIMEOUT });
    const newId = a.field(n.newId(TITLE));
    assertEqual(await newId.inputValue(), 'nota-aprobatoria-2', 'a free id is suggested');
    await a.button(n.import).click();
    await page.getByRole('status').filter({ hasText: 'Se importó 1 tarea' }).waitFor({ timeout: TIMEOUT });
    assertEqual(await page.locator('.drafts-table code', { hasText: /^nota-aprobatoria(-2)?$/ }).count(), 2, 'both drafts listed');
    assertEqual(s.errors.join('\n'), '', 'console errors');

    // An empty browser: import the file, and judge the task in the workbench.
    const fresh = await openSession(browser, baseURL);
    try {
      const v = fresh.workbench;
      const b = new Author(fresh.page, 'es-CL');
      await v.open('/');
      await v.chooseLanguage('es-CL');
      await b.openAuthoring();
      await b.importFiles(exported);
      await fresh.page.getByRole('status').filter({ hasText: 'Se importó 1 tarea' }).waitFor({ timeout: TIMEOUT });
      await fresh.page.getByRole('navigation').getByRole('link', { name: b.n.tasks, exact: true }).click();
      await v.openTask(TITLE);
      await v.runtimeReady('python');
      const judged = await v.runAll(['correcta', 'estricta']);
      assertEqual(JSON.stringify(judged), JSON.stringify({ correcta: 'passed', estricta: 'failed' }), 'verdicts in the workbench');
      await v.rank('Correcta').fill('1');
      await v.rank('Estricta').fill('2');
      for (const id of ['correcta', 'estricta']) await v.scoreAll(id, id === 'correcta' ? 5 : 2);
      await v.critique('Correcta').fill('Correcta: 4 y 4,0 son iguales en Python.');
      await v.critique('Estricta').fill('Falla con un 4,0 justo: usa > en vez de >=.');
      await v.submitButton.click();
      await fresh.page.locator('.task-head .badge.status-submitted').waitFor({ timeout: TIMEOUT });
      // It is in practice too, since it has a gold judgement.
      await fresh.page.getByRole('navigation').getByRole('link', { name: 'Práctica', exact: true }).click();
      await fresh.page.getByRole('link', { name: TITLE, exact: true }).waitFor({ timeout: TIMEOUT });
      assertEqual(fresh.errors.join('\n'), '', 'console errors in the fresh browser');
    } finally {
      await fresh.close();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    await s.close();
  }
}

async function english({ browser, baseURL }) {
  const s = await openSession(browser, baseURL);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'veredicto-author-en-'));
  const { page, workbench: w } = s;
  const a = new Author(page, 'en');
  const n = a.n;
  try {
    await w.open('/');
    await a.openAuthoring();
    await a.newTask();

    // Schema problems sit at their field, tied with aria-describedby, and go once fixed. An empty
    // form is not covered in "Is required": a field's problems show once the author leaves it.
    const id = a.field(n.id);
    assertEqual(await page.getByText('Is required').count(), 0, 'no "Is required" before a field is touched');
    assert(!/Is required/.test(await a.description(id)), 'empty id, untouched');
    await id.focus();
    await page.keyboard.press('Tab');
    assertMatch(await a.description(id), /Is required/, 'empty id, left');
    await id.fill('Bad Id');
    assertMatch(await a.description(id), /invalid format/, 'malformed id');
    await id.fill('clamp-copy-test');
    assert(!/invalid/.test(await a.description(id)), 'valid id');

    // The preview is sanitised Markdown: no script, no image request.
    await a.field(n.title(n.english)).fill('Clamp, again');
    await a.field(n.prompt(n.english)).fill('Return **x** clamped. <img src="http://127.0.0.1:9/x.png" onerror="window.__xss=1"><script>window.__xss=2</script>');
    const preview = page.getByRole('region', { name: n.preview(n.english) });
    await preview.locator('strong', { hasText: 'x' }).waitFor();
    assertEqual(await preview.locator('img, script').count(), 0, 'no image or script in the preview');
    assertEqual(await page.evaluate(() => window.__xss), undefined, 'nothing ran');
    assertMatch(await a.description(a.field(n.title(n.spanish))), /Translation missing/, 'Spanish title marked missing');

    // Test kinds: a stdio test appears as a card and can be removed again.
    await a.button(n.addStdio).click();
    await a.field(n.testName(1)).fill('echo');
    await a.button(n.removeTest(1)).click();
    await a.addCallTest(1, { name: 'inside', args: '[5, 1, 10]', expected: '5' });
    await a.field(n.entryPoint).fill('clamp');
    await a.addCandidate('JavaScript', 1, { id: 'a', label: 'A', code: 'function clamp(x, lo, hi) {\n  return Math.min(hi, Math.max(lo, x));\n}\n' });

    // Valid without a reference: it can be saved to the workbench (not marked ready).
    await a.saved();
    await a.button(n.save).click();
    await page.getByRole('status').filter({ hasText: 'Saved to the workbench as “clamp-copy-test”' }).waitFor({ timeout: TIMEOUT });
    assert(await a.button(n.markReady).isDisabled(), 'not ready without a reference and a hidden test');

    // It is in the task list, as authored; a bundled task opens as a draft copy from there.
    await page.getByRole('navigation').getByRole('link', { name: n.tasks, exact: true }).click();
    await w.taskLink('Clamp, again').waitFor({ timeout: TIMEOUT });
    const bundled = page.locator('.task-item').first();
    const bundledTitle = (await bundled.locator('a').first().textContent()).trim();
    await bundled.getByRole('button', { name: n.editOf(bundledTitle), exact: true }).click();
    await a.field(n.id).waitFor({ timeout: TIMEOUT });
    assertMatch(new URL(page.url()).pathname, /^\/author\/[A-Za-z0-9_-]+$/, 'redirected to the new draft');
    const bundledId = await a.field(n.id).inputValue();
    assertEqual(await a.field(n.title(n.english)).inputValue(), bundledTitle, 'the copy has the task’s title');

    // Its id belongs to a bundled task: replacing is not offered; rename it.
    await a.button(n.save).click();
    const resolver = page.getByRole('region', { name: /already in use/ });
    await resolver.waitFor({ timeout: TIMEOUT });
    assert(await resolver.getByRole('radio', { name: n.replace }).isDisabled(), 'bundled tasks cannot be replaced');
    assertEqual(await a.field(n.newId(bundledTitle)).inputValue(), `${bundledId}-2`, 'suggested id');
    await resolver.getByRole('button', { name: n.save, exact: true }).click();
    await page.getByRole('status').filter({ hasText: `Saved to the workbench as “${bundledId}-2”` }).waitFor({ timeout: TIMEOUT });
    assertEqual(await a.field(n.id).inputValue(), `${bundledId}-2`, 'the draft takes the new id');

    // Both drafts as one JSONL; importing it back: skip one, replace the other.
    await a.saved();
    await page.getByRole('link', { name: n.back }).click();
    await a.field(n.selectOne('Clamp, again')).check();
    await a.field(n.selectOne(bundledTitle)).check();
    const jsonl = await a.download(n.exportSelected(2));
    const lines = jsonl.text.trimEnd().split('\n').map((l) => JSON.parse(l));
    assertEqual(lines.map((l) => l.id).sort().join(), [`${bundledId}-2`, 'clamp-copy-test'].sort().join(), 'exported ids');
    const jsonlFile = path.join(tmp, jsonl.name);
    fs.writeFileSync(jsonlFile, jsonl.text);
    await a.importFiles(jsonlFile);
    const region = page.getByRole('region', { name: /2 task ids are already in use/ });
    await region.waitFor({ timeout: TIMEOUT });
    const groups = region.getByRole('group');
    await groups.filter({ hasText: 'clamp-copy-test' }).getByRole('radio', { name: n.skip }).check();
    await groups.filter({ hasText: `${bundledId}-2` }).getByRole('radio', { name: n.replace }).check();
    await a.button(n.import).click();
    await page.getByRole('status').filter({ hasText: 'Imported 1 task' }).waitFor({ timeout: TIMEOUT });
    assertEqual(await page.locator('.drafts-table tbody tr').count(), 2, 'still two drafts (one replaced, one skipped)');

    // Drafts outlive a reload.
    await page.reload();
    await a.draftRow('Clamp, again').waitFor({ timeout: TIMEOUT });
    // The page's Content-Security-Policy reports the preview's onerror attribute as blocked while
    // the HTML is parsed for sanitising: that report is the attack failing, not an error.
    const blockedHandler = /Executing inline event handler violates the following Content Security Policy/;
    assertEqual(s.errors.filter((e) => !blockedHandler.test(e)).join('\n'), '', 'console errors');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    await s.close();
  }
}

export const tests = [
  { name: 'Español (Chile): redactar desde cero, mutantes sobrevivientes, prueba que los elimina, exportar, importar y evaluar', run: spanish },
  { name: 'English: schema problems at the field, sanitised preview, a bundled task as a copy, taken ids, JSONL export and import', run: english },
];
