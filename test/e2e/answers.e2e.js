// Model answers into a task, as a trainer does it: paste a prompt and chat answers (Markdown with
// prose and code blocks), see the blocks each answer's solution is made of and the tests taken from
// the prompt, add a row, give a reference, make the task, run it; and import a Markdown document of
// answers through the task list; then judge the way the platforms do (severities, preference, a line
// comment made by selecting lines in the viewer and cited in the critique, the ideal answer run
// against the tests), submit and export. At 1366×768, es-CL and en.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, assertEqual } from './fixtures/expect.js';
import { isLocal, openSession } from './fixtures/session.js';
import { TIMEOUT } from './fixtures/workbench.js';

const ANSWERS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'answers');
const answer = (name) => fs.readFileSync(path.join(ANSWERS, name), 'utf8');
const PROMPT = 'Escribe una función en Python `suma_pares(numeros)` que retorne la suma de los números pares de la lista.\n\n```\n>>> suma_pares([1, 2, 3, 4])\n6\n>>> suma_pares([])\n0\n```\n';
const WRONG_CODE = 'def suma_pares(numeros):\n    return sum(n for n in numeros if n % 2 == 1)\n';
const WRONG = `Aquí tienes:\n\n\`\`\`python\n${WRONG_CODE}\`\`\`\n`;
// The line comments' code hash, written out again here (src/domain/contentHash.ts) so the test checks the export against the code itself.
const fnv1a32 = (text) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `fnv1a32:${h.toString(16).padStart(8, '0')}`;
};

export const tests = [
  {
    name: 'answers (es-CL): paste a prompt and two answers, choose blocks, add a row and a reference, run, rate with severities, prefer, comment lines selected in the viewer, rewrite, submit, export',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL);
      try {
        await s.page.setViewportSize({ width: 1366, height: 768 });
        await s.workbench.open();
        await s.workbench.chooseLanguage('es-CL');
        await s.page.getByRole('link', { name: 'Nueva desde respuestas', exact: true }).click();
        await s.page.getByRole('heading', { name: 'Nueva tarea desde respuestas de modelos' }).waitFor({ timeout: TIMEOUT });
        await s.page.getByLabel('Enunciado', { exact: true }).fill(PROMPT);
        await s.page.getByRole('textbox', { name: 'Respuesta A', exact: true }).fill(answer('es-several-blocks.md'));
        await s.page.getByRole('textbox', { name: 'Respuesta B', exact: true }).fill(WRONG);

        // Answer A has a helper, a main block and a usage example: the first two are checked.
        const blocksA = s.page.getByRole('group', { name: /^Bloques de código de la respuesta A/ }).getByRole('checkbox');
        assertEqual(await blocksA.count(), 3, 'blocks of answer A');
        assertEqual([await blocksA.nth(0).isChecked(), await blocksA.nth(1).isChecked(), await blocksA.nth(2).isChecked()].join(), 'true,true,false', 'default blocks');
        await s.page.getByText('Función que se prueba: suma_pares').waitFor();
        const tests = s.page.getByRole('list', { name: 'Pruebas', exact: true }).getByRole('listitem');
        assertEqual(await tests.count(), 2, 'tests from the doctest lines');

        // A row that cannot be read is named by its line; then a good one.
        const rows = s.page.getByLabel('Tus pruebas, una por línea', { exact: true });
        await rows.fill('esto no es una prueba');
        await s.page.getByText('línea 1: no es una prueba', { exact: false }).waitFor();
        assert(await s.page.getByRole('button', { name: 'Crear la tarea', exact: true }).isDisabled(), 'no task while a row is unreadable');
        await rows.fill('[7, 8, 10] → 18');
        await s.page.getByRole('list', { name: 'Pruebas', exact: true }).getByText('[7,8,10] → 18').waitFor();

        // A wrong reference is refused with the failing test; the right one makes the task.
        const reference = s.page.getByLabel('Solución de referencia (opcional): debe aprobar todas las pruebas', { exact: true });
        await reference.fill('def suma_pares(numeros):\n    return 0\n');
        await s.page.getByRole('button', { name: 'Crear la tarea', exact: true }).click();
        await s.page.getByText('La solución de referencia no aprueba todas las pruebas', { exact: false }).waitFor({ timeout: TIMEOUT });
        await reference.fill('def suma_pares(numeros):\n    return sum(x for x in numeros if x % 2 == 0)\n');
        await s.page.screenshot({ path: `${process.env.E2E_DIST ?? 'dist'}/answers-form-es.png`, fullPage: false });
        await s.page.getByRole('button', { name: 'Crear la tarea', exact: true }).click();

        await s.workbench.runAllButton.waitFor({ timeout: TIMEOUT });
        assert(/^\/tasks\/answers-/.test(new URL(s.page.url()).pathname), `task URL ${s.page.url()}`);
        // The answers keep the letters the chat gave them (blind labels would reshuffle them).
        await s.workbench.ownNames();
        const verdicts = await s.workbench.runAll(['answer-1', 'answer-2']);
        assertEqual(JSON.stringify(verdicts), JSON.stringify({ 'answer-1': 'passed', 'answer-2': 'failed' }), 'verdicts');
        // The prose is shown beside the code, sanitised.
        const prose = s.page.getByRole('complementary', { name: 'Lo que escribió el modelo' });
        await prose.getByText('¡Claro! Aquí tienes una solución en Python').waitFor();
        await s.page.screenshot({ path: `${process.env.E2E_DIST ?? 'dist'}/answers-task-es.png`, fullPage: false });

        // Judge: severities on every dimension, ranks, critiques, the preference, a line comment.
        const severities = s.page.locator('select[id^="rating-"]');
        assertEqual(await severities.count(), 10, 'five dimensions for each of two answers');
        for (let i = 0; i < 10; i++) await severities.nth(i).selectOption('none');
        await s.page.getByRole('combobox', { name: 'Corrección de B', exact: true }).selectOption('major');
        await s.page.getByRole('textbox', { name: 'Nota sobre Corrección de B', exact: true }).fill('suma los impares');
        await s.workbench.rank('A').fill('1');
        await s.workbench.rank('B').fill('2');
        // Writing checks: spelling in the critique's language (not the code's names), and gentle,
        // dismissible notes (a too-short critique, a failing answer's critique without evidence).
        await s.workbench.critique('A').fill('Correcta: suma_pares usa una funcion auxliar clara y `es_par`.');
        const spelling = s.page.locator('#jp-card-answer-1 [data-spelling]');
        await spelling.waitFor({ timeout: TIMEOUT });
        assertEqual(await spelling.getAttribute('data-spelling'), 'funcion auxliar', 'misspelled words');
        await s.page.getByText('Ortografía (español):', { exact: false }).first().waitFor();
        await s.workbench.critique('A').fill('Correcta, con una función auxiliar clara.');
        await s.workbench.critique('B').fill('Mala.');
        const gentle = s.page.getByRole('status').filter({ hasText: 'Antes de enviar' });
        await gentle.getByText('La crítica de B tiene solo 1 palabra', { exact: false }).waitFor();
        await gentle.getByText('B falla, pero su crítica no nombra ninguna prueba fallida', { exact: false }).waitFor();
        await gentle.getByRole('button', { name: 'Descartar', exact: true }).first().click();
        await s.workbench.critique('B').fill('Suma los impares: falla example 1 con la lista del enunciado.');
        await gentle.waitFor({ state: 'detached' });
        await s.page.getByRole('radio', { name: 'B mucho mejor', exact: true }).check();
        await s.page.getByText('Esto contradice el ranking de A y B.').waitFor();
        await s.page.getByRole('radio', { name: 'A mucho mejor', exact: true }).check();
        // A line comment, made where the code is read: click B's line number 1, Shift+click 2.
        await s.page.getByRole('tab', { name: /^B\b/ }).click();
        const codeB = s.page.getByRole('region', { name: 'Código de B', exact: true });
        const lineNumber = (n) => codeB.locator('.line-numbers').filter({ hasText: new RegExp(`^${n}$`) });
        await lineNumber(1).click();
        await lineNumber(2).click({ modifiers: ['Shift'] });
        await s.page.getByRole('button', { name: 'Comentar las líneas 1–2 de B', exact: true }).click();
        const commentText = s.page.getByRole('textbox', { name: 'Comentario sobre las líneas 1–2 de B', exact: true });
        assert(await commentText.evaluate((el) => el === document.activeElement), 'the comment form has the focus');
        await commentText.fill('n % 2 == 1 elige los impares');
        await commentText.press('Enter');
        // In B's margin, with its text on hover; in B's card, with its reference, cited in the critique.
        const glyph = codeB.locator('.line-mark-glyph');
        await glyph.waitFor({ timeout: TIMEOUT });
        assertEqual(await glyph.getAttribute('title'), 'L1–2 · n % 2 == 1 elige los impares', 'the glyph\'s tooltip');
        // Which numbered lines the bar is beside (a wrapped line's second row has no number).
        const barred = await codeB.locator('.line-mark-bar').evaluateAll((bars) => bars.map((b) => b.parentElement.querySelector('.line-numbers')?.textContent).filter(Boolean));
        assertEqual(barred.join(), '1,2', 'the margin bar is beside lines 1 and 2');
        // Over the word "def" of line 1 (Monaco writes the line's spaces as no-break spaces).
        await codeB.locator('.view-line').filter({ hasText: 'suma_pares' }).hover({ position: { x: 10, y: 9 } });
        await s.page.locator('.monaco-hover:not(.hidden)').getByText('L1–2 · n % 2 == 1 elige los impares').waitFor({ timeout: TIMEOUT });
        await s.page.screenshot({ path: `${process.env.E2E_DIST ?? 'dist'}/answers-line-comment-es.png`, fullPage: false });
        const cardB = s.page.locator('#jp-card-answer-2');
        await cardB.getByText('n % 2 == 1 elige los impares').waitFor();
        await cardB.getByRole('button', { name: 'Citar L1–2 en la crítica de B', exact: true }).click();
        assert((await s.workbench.critique('B').inputValue()).endsWith('del enunciado. L1–2'), 'the reference is in the critique');

        // The ideal answer, from A: edited, run against every test, then submitted.
        await s.page.getByLabel('Partir de').selectOption({ label: 'A' });
        await s.page.getByRole('button', { name: 'Empezar la respuesta ideal', exact: true }).click();
        const ideal = s.page.getByRole('textbox', { name: 'Respuesta ideal (Markdown)', exact: true });
        await ideal.fill('Claro, aquí tienes:\n\n```python\ndef suma_pares(numeros):\n    return 0\n```\n');
        await s.page.getByRole('button', { name: 'Ejecutar el código de la respuesta ideal con todas las pruebas', exact: true }).click();
        await s.page.locator('[data-rewrite-verdict="failed"]').waitFor({ timeout: TIMEOUT });
        await s.workbench.submitButton.click();
        await s.page.getByText('La respuesta ideal falla', { exact: false }).first().waitFor();
        const IDEAL = 'Claro, aquí tienes una versión más directa:\n\n```python\ndef suma_pares(numeros):\n    return sum(n for n in numeros if n % 2 == 0)\n```\n\nRecorre la lista una vez.';
        await ideal.fill(IDEAL);
        await s.page.getByText('No se ha ejecutado desde el último cambio.').waitFor();
        await s.page.getByRole('region', { name: 'Vista previa de la respuesta ideal' }).getByText('Recorre la lista una vez.').waitFor();
        await s.page.getByRole('button', { name: 'Ejecutar el código de la respuesta ideal con todas las pruebas', exact: true }).click();
        await s.page.locator('[data-rewrite-verdict="passed"]').waitFor({ timeout: TIMEOUT });
        await s.page.screenshot({ path: `${process.env.E2E_DIST ?? 'dist'}/answers-judged-es.png`, fullPage: false });
        await s.workbench.submitButton.click();
        await s.page.getByRole('button', { name: 'Reabrir para revisar', exact: true }).waitFor({ timeout: TIMEOUT });

        // Exports: the SFT record is the ideal answer; in the pairs it is chosen against both answers.
        await s.page.locator('.data-more > summary').click();
        const sft = await s.workbench.download('SFT (JSONL)');
        const records = sft.text.trim().split('\n').map((l) => JSON.parse(l));
        assertEqual(records.length, 1, 'one SFT record');
        assertEqual(records[0].messages.map((m) => m.role).join(), 'user,assistant', 'SFT roles');
        assertEqual(records[0].messages[1].content, IDEAL, 'SFT assistant turn');
        assert(records[0].messages[0].content.includes('suma_pares(numeros)'), 'SFT user turn is the prompt');
        const pairs = (await s.workbench.download('Pares (JSONL)')).text.trim().split('\n').map((l) => JSON.parse(l));
        assertEqual(pairs.map((p) => p.metadata.chosen_id).join(), 'rewrite,rewrite,answer-1', 'pairs');
        assertEqual(pairs[0].chosen, IDEAL, 'the rewrite is chosen');
        assert(pairs[2].chosen.startsWith('¡Claro! Aquí tienes'), 'answers are exported as the model wrote them');
        assertEqual(pairs[2].metadata.preference_strength, 3, 'preference strength');
        const all = (await s.workbench.download('Exportar')).text.trim().split('\n').map((l) => JSON.parse(l));
        const j = all.find((l) => l.evaluation.taskId.startsWith('answers-')).evaluation.judgement;
        assertEqual(j.lineComments.length, 1, 'line comment exported');
        assertEqual(`${j.lineComments[0].solutionId}:${j.lineComments[0].startLine}-${j.lineComments[0].endLine}`, 'answer-2:1-2', 'line range');
        assertEqual(j.lineComments[0].codeHash, await s.page.evaluate(fnv1a32, WRONG_CODE), 'the hash of B\'s code');
        assert(j.critiques['answer-2'].text.endsWith('L1–2'), 'the critique refers to the comment');
        assertEqual(j.ratings['answer-2'].correctness.severity, 'major', 'severity exported');
        await s.page.reload();
        await s.workbench.runAllButton.waitFor({ timeout: TIMEOUT });
        const outside = s.requests.filter((u) => !isLocal(u));
        assertEqual(outside.join(', '), '', 'requests left the origin');
        assertEqual(s.errors.join('\n'), '', 'console errors');
      } finally {
        await s.close();
      }
    },
  },
  {
    name: 'answers (en): a Markdown document of answers imports from the task list; hostile prose stays inert',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL);
      try {
        await s.page.setViewportSize({ width: 1366, height: 768 });
        await s.workbench.open();
        const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'answers-'));
        const file = path.join(dir, 'sum.md');
        fs.writeFileSync(file, `# Sum of evens\n\n## Prompt\n\nWrite \`suma_pares(numeros)\`.\n\n- suma_pares([1, 2]) → 2\n\n## Answer A\n\n${answer('en-hostile-html.md')}\n\n## Answer B\n\n${answer('en-refusal.md')}\n\n## Answer C\n\n${answer('en-js-for-python.md')}\n`);
        let dialogs = 0;
        s.page.on('dialog', (d) => (dialogs++, d.dismiss()));
        await s.page.getByLabel('Import tasks', { exact: true }).setInputFiles(file);
        await s.page.getByText('Imported 1 task', { exact: false }).waitFor({ timeout: TIMEOUT });
        await s.workbench.openTask('Sum of evens');
        const verdicts = await s.workbench.runAll(['answer-1', 'answer-2', 'answer-3']);
        assertEqual(JSON.stringify(verdicts), JSON.stringify({ 'answer-1': 'passed', 'answer-2': 'error', 'answer-3': 'passed' }), 'verdicts');
        // Three answers: a ranking, no side-by-side preference.
        assertEqual(await s.page.locator('#jp-preference').count(), 0, 'no preference for three answers');
        await s.page.getByRole('complementary', { name: 'What the model wrote' }).waitFor();
        assertEqual(await s.page.locator('.answer-prose script, .answer-prose img').count(), 0, 'no script or image in the prose');
        assertEqual(dialogs, 0, 'no alert ran');
        assertEqual(s.errors.join('\n'), '', 'console errors');
      } finally {
        await s.close();
      }
    },
  },
];
