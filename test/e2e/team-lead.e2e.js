// A lead's tools in Chromium against a real `veredicto serve` on PostgreSQL: the project settings
// form (review and gold rules, the project's rubric and dimensions, which a trainer's task then shows) refuses out-of-range values with translated
// messages and stores what it shows; guidelines get a new version and tasks are added; pausing a project or a trainer tells the trainer on opening the
// queue; the dashboard draws the distribution of agreement and opens a trainer's tasks; a fix &
// accept changes scores, and the export carries the fix while the original is kept.
import { assert, assertEqual } from './fixtures/expect.js';
import { openSession } from './fixtures/session.js';
import { judge, nodeBuild, outbox, signIn, startTeamServer } from './fixtures/team.js';
import { TIMEOUT } from './fixtures/workbench.js';
import path from 'node:path';

/** With E2E_SCREENSHOTS=DIR, full-page pictures of what a lead sees, for a person to look at. */
async function shot(page, name) {
  if (!process.env.E2E_SCREENSHOTS) return;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, name), fullPage: true });
}

/** The window with one part of the page in its middle (a full page puts the sticky header over what scrolled). */
async function shotOf(locator, name) {
  if (!process.env.E2E_SCREENSHOTS) return;
  await locator.page().setViewportSize({ width: 1366, height: 768 });
  await locator.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await locator.page().screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, name) });
}

/** A database with a lead, a reviewer and two trainers in one project of one task (overlap 2). */
async function setUp() {
  const { scratchPostgres } = await nodeBuild('db/testing.js');
  const { taskFile, addUsers, addMembers, PASSWORD } = await nodeBuild('server/testing.js');
  const { createProject, readSources } = await nodeBuild('server/projects.js');
  const { connect } = await nodeBuild('db/connect.js');
  const scratch = await scratchPostgres();
  const db = await connect({ url: scratch.url });
  try {
    const [lead, rev, ana, beto] = await addUsers(db.db, ['lead', 'rev', 'ana', 'beto'].map((n, i) => ({ email: `${n}@x.cl`, role: ['admin', 'reviewer', 'trainer', 'trainer'][i] })));
    const projectId = await createProject(db.db, { name: 'Panel e2e', overlap: 2, reviewRate: 0, guidelines: { en: '# Be fair', 'es-CL': '# Sean justos' } }, readSources([taskFile('team-sum')]), lead);
    await addMembers(db.db, projectId, [rev, ana, beto]);
    return { scratch, projectId, password: PASSWORD, taskFile, connect };
  } finally {
    await db.close();
  }
}

async function withServer(browser, run) {
  const ctx = await setUp();
  const server = await startTeamServer(ctx.scratch.url);
  const sessions = [];
  const open = async () => {
    const s = await openSession(browser, server.base);
    sessions.push(s);
    return s;
  };
  try {
    await run({ ...ctx, open });
    // A refused checkout (403) is logged by the browser as a failed resource; nothing else may be.
    for (const s of sessions) assertEqual(s.errors.filter((e) => !/Failed to load resource/.test(e)).join('\n'), '', 'console errors');
  } finally {
    for (const s of sessions) await s.close().catch(() => undefined);
    await server.stop();
    await ctx.scratch.drop();
  }
}

const projectJson = (page, id) => page.evaluate((p) => fetch(`/api/projects/${p}`).then((r) => r.json()), id);

async function settings(browser) {
  await withServer(browser, async ({ open, password, taskFile, projectId }) => {
    const lead = await open();
    const { page } = lead;
    await page.goto('/team');
    await signIn(page, 'lead@x.cl', password);
    // The new-project form has the review and gold rules; values out of range are named beside their field.
    await page.getByLabel('Name', { exact: true }).fill('Ajustes e2e');
    await page.getByLabel('Random review sample (%)').fill('150');
    await page.getByLabel('Minimum agreement with the control tasks', { exact: false }).fill('2');
    await page.getByLabel('Task files or datasets (.json, .jsonl)').setInputFiles({ name: 'team-sum.json', mimeType: 'application/json', buffer: Buffer.from(taskFile('team-sum').text) });
    await page.getByRole('button', { name: 'Create project', exact: true }).click();
    await page.locator('[data-setting="reviewRate"] .field-problem', { hasText: 'Enter a number from 0 to 100.' }).waitFor();
    await page.locator('[data-setting="goldThreshold"] .field-problem', { hasText: 'Enter a number from -1 to 1.' }).waitFor();
    assertEqual(await page.getByLabel('Random review sample (%)').getAttribute('aria-invalid'), 'true', 'the field is marked');
    assertEqual(new URL(page.url()).pathname, '/team', 'nothing was created');
    await page.getByLabel('Random review sample (%)').fill('25');
    await page.getByLabel('Minimum agreement with the control tasks', { exact: false }).fill('0.4');
    await page.getByLabel('Minimum active time per task', { exact: false }).fill('45');
    await page.getByLabel('Control tasks done before the minimum applies').fill('3');
    await page.getByLabel('Control tasks in each checkout (%)').fill('20');
    await page.getByRole('button', { name: 'Create project', exact: true }).click();
    await page.getByRole('heading', { name: 'Progress per trainer' }).waitFor({ timeout: TIMEOUT });
    const id = new URL(page.url()).pathname.split('/').at(-1);
    const created = (await projectJson(page, id)).project;
    assertEqual(JSON.stringify([created.reviewRate, created.minActiveSeconds, created.goldMinTasks, Math.round(created.goldThreshold * 100), Math.round(created.goldShare * 100), created.rubric]), JSON.stringify([0.25, 45, 3, 40, 20, null]), 'created settings');

    // On the project's page the admin edits them, the rubric too: one for the whole project.
    await page.getByRole('heading', { name: 'Project settings' }).click();
    assertEqual(await page.getByLabel('Random review sample (%)').inputValue(), '25', 'the form shows the stored rate');
    await page.getByRole('radio', { name: "One rubric for the project's tasks (a task with its own rubric keeps it)" }).check();
    await page.getByRole('button', { name: 'Start from the default rubric' }).click();
    const first = page.locator('[data-criterion="1"]');
    assertEqual(await first.getByLabel('Id (lower-case letters, digits and hyphens)').inputValue(), 'correctness', 'default criteria filled in');
    await first.getByLabel('Name in English').fill('Works');
    await first.getByLabel('Id (lower-case letters, digits and hyphens)').fill('Works!');
    await page.getByLabel('Random review sample (%)').fill('-5');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('[data-setting="reviewRate"] .field-problem', { hasText: 'Enter a number from 0 to 100.' }).waitFor();
    await page.locator('[data-problems="rubric"]', { hasText: 'Criterion 1: the id starts with a lower-case letter' }).waitFor();
    await first.getByLabel('Id (lower-case letters, digits and hyphens)').fill('works');
    await page.getByLabel('Random review sample (%)').fill('30');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    const saved = (await projectJson(page, id)).project;
    assertEqual(JSON.stringify([saved.reviewRate, saved.rubric.map((c) => c.id), saved.rubric[0].name]), JSON.stringify([0.3, ['works', 'efficiency', 'readability', 'robustness'], { en: 'Works', 'es-CL': 'Corrección' }]), 'saved settings');

    // New guidelines are a new version; more tasks come in all or nothing, every problem listed.
    await page.getByRole('heading', { name: 'Guidelines', exact: true }).click();
    await page.getByText('Current version: 1').waitFor();
    await page.getByLabel('Guidelines in English (Markdown)').fill('# Be fair\nRun every test first.');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved as version 2: new judgements are made under it.' }).waitFor();
    await page.getByText('Current version: 2').waitFor();
    const guidelines = (await projectJson(page, id)).guidelines;
    assertEqual(JSON.stringify([guidelines.version, guidelines.en]), JSON.stringify([2, '# Be fair\nRun every test first.']), 'new guidelines version');
    const more = page.getByLabel('Task files or datasets to add (.json, .jsonl)');
    await more.setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(taskFile('team-sum').text) });
    await page.getByRole('button', { name: 'Add tasks', exact: true }).click();
    await page.getByText('The files have 1 problem: nothing was imported.').waitFor();
    await more.setInputFiles({ name: 'team-two.json', mimeType: 'application/json', buffer: Buffer.from(taskFile('team-two').text) });
    await page.getByRole('button', { name: 'Add tasks', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '1 task added.' }).waitFor();
    await page.locator('tr[data-task="team-two"]').waitFor();

    // In Spanish the same rule reads in Spanish.
    await lead.workbench.chooseLanguage('es-CL');
    await page.getByLabel('Muestra aleatoria para revisión (%)').fill('101');
    await page.getByRole('button', { name: 'Guardar configuración' }).click();
    await page.locator('[data-setting="reviewRate"] .field-problem', { hasText: 'Ingresa un número de 0 a 100.' }).waitFor();
    await page.getByText('Hay valores que no son válidos: revisa los campos marcados.').waitFor();
    await shot(page, 'settings-es.png');
    assertEqual((await projectJson(page, id)).project.reviewRate, 0.3, 'nothing sent');

    // The project the trainers work in gets its own dimensions; a trainer's task shows them.
    await lead.workbench.chooseLanguage('en');
    await page.goto(`/team/${projectId}`);
    await page.getByRole('heading', { name: 'Project settings' }).click();
    await page.getByRole('radio', { name: "The project's dimensions with a severity, for every task (a task with its own dimensions keeps them)" }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('[data-problems="dimensions"]', { hasText: 'Add at least one dimension, or choose the 1–5 rubric.' }).waitFor();
    await page.getByRole('button', { name: 'Start from the default five dimensions' }).click();
    const idLabel = 'Id (lower-case letters, digits and hyphens)';
    assertEqual(await page.locator('[data-dimension="2"]').getByLabel(idLabel).inputValue(), 'instruction-following', 'default dimensions filled in');
    await page.locator('[data-dimension="1"]').getByLabel('Name in English').fill('Works for every input');
    await page.getByRole('button', { name: 'Remove dimension 5' }).click();
    await page.getByRole('button', { name: 'Add dimension' }).click();
    const added = page.locator('[data-dimension="5"]');
    await added.getByLabel(idLabel).fill('efficiency');
    await added.getByLabel('Name in English').fill('Safety');
    await added.getByLabel('Name in Spanish').fill('Seguridad');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('[data-problems="dimensions"]', { hasText: 'Dimension 5: another dimension has the same id.' }).waitFor();
    await added.getByLabel(idLabel).fill('safety');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    const dims = (await projectJson(page, projectId)).project.dimensions;
    assertEqual(JSON.stringify([dims.map((d) => d.id), dims[0].name, dims[4].name]), JSON.stringify([['correctness', 'instruction-following', 'efficiency', 'readability', 'safety'], { en: 'Works for every input', 'es-CL': 'Corrección' }, { en: 'Safety', 'es-CL': 'Seguridad' }]), 'saved dimensions');
    await shotOf(page.locator('.dimension-settings'), 'dimensions-en.png');
    await lead.workbench.chooseLanguage('es-CL');
    await page.getByRole('radio', { name: 'Las dimensiones del proyecto con su gravedad, para todas las tareas (una tarea con dimensiones propias las conserva)' }).waitFor();
    await shotOf(page.locator('.dimension-settings'), 'dimensions-es.png');

    const ana = await open();
    await ana.page.goto('/team');
    await signIn(ana.page, 'ana@x.cl', password);
    await ana.page.getByRole('link', { name: 'Panel e2e', exact: true }).click();
    await ana.page.getByRole('button', { name: 'Get tasks', exact: true }).click();
    await ana.page.getByRole('link', { name: 'Task team-sum', exact: true }).click();
    await ana.page.getByRole('combobox', { name: /^Safety of / }).first().waitFor({ timeout: TIMEOUT });
    assertEqual(await ana.page.getByRole('combobox', { name: /^Works for every input of / }).count(), 2, 'a severity per solution on the project’s renamed dimension');
    await ana.workbench.chooseLanguage('es-CL');
    await ana.page.getByRole('combobox', { name: /^Seguridad de / }).first().waitFor();
    assertEqual(await ana.page.getByRole('combobox', { name: /^Corrección de / }).count(), 2, 'the Spanish names');
    await shot(ana.page, 'trainer-dimensions-es.png');
  });
}

async function pauseAndDashboard(browser) {
  await withServer(browser, async ({ open, password, projectId, scratch, connect }) => {
    const lead = await open();
    await lead.page.goto(`/team/${projectId}`);
    await signIn(lead.page, 'lead@x.cl', password);
    await lead.page.getByRole('button', { name: 'Pause project' }).click();
    await lead.page.locator('.note[data-paused="project"]', { hasText: 'Paused since' }).waitFor();

    // Ana opens her queue: she is told the project is paused before she asks for tasks.
    const ana = await open();
    await ana.page.goto('/team');
    await signIn(ana.page, 'ana@x.cl', password);
    await ana.page.getByRole('link', { name: 'Panel e2e', exact: true }).click();
    await ana.page.locator('.note[data-paused="project"]', { hasText: 'This project is paused: a lead stopped handing out tasks for now.' }).waitFor();
    await ana.page.getByRole('button', { name: 'Get tasks', exact: true }).click();
    await ana.page.getByRole('alert').filter({ hasText: 'This project is paused' }).waitFor();

    // The lead resumes the project and pauses Ana alone: she is told it was a lead, in her language.
    await lead.page.getByRole('button', { name: 'Resume project' }).click();
    await lead.page.locator('.note[data-paused="project"]').waitFor({ state: 'detached' });
    await lead.page.locator('button[data-member-pause="ana@x.cl"]', { hasText: 'Pause' }).click();
    await lead.page.locator('button[data-member-pause="ana@x.cl"]', { hasText: 'Resume' }).waitFor();
    await ana.page.reload();
    await ana.page.locator('.note[data-paused="lead"]', { hasText: 'A lead paused your work on this project' }).waitFor();
    assertEqual(await ana.page.locator('.note[data-paused="project"]').count(), 0, 'the project is no longer paused');
    await ana.workbench.chooseLanguage('es-CL');
    await ana.page.locator('.note[data-paused="lead"]', { hasText: 'Alguien a cargo puso en pausa tu trabajo en este proyecto' }).waitFor();
    await shot(ana.page, 'paused-es.png');
    await ana.workbench.chooseLanguage('en');
    await lead.page.locator('button[data-member-pause="ana@x.cl"]').click();
    await lead.page.locator('button[data-member-pause="ana@x.cl"]', { hasText: 'Pause' }).waitFor();
    await ana.page.reload();
    await ana.page.getByRole('heading', { name: 'My queue' }).waitFor();
    assertEqual(await ana.page.locator('.note.paused').count(), 0, 'no pause note once resumed');

    // Ana and Beto judge the task alike.
    await ana.page.goto('/team');
    await judge(ana, 'Panel e2e');
    await outbox(ana.page, 'accepted', 1);
    const beto = await open();
    await beto.page.goto('/team');
    await signIn(beto.page, 'beto@x.cl', password);
    await judge(beto, 'Panel e2e');
    await outbox(beto.page, 'accepted', 1);

    // The dashboard: the task's Kendall's W (1: the same ranking) in the top bar of the distribution.
    await lead.page.reload();
    await lead.page.getByRole('heading', { name: 'Distribution of agreement' }).waitFor({ timeout: TIMEOUT });
    await lead.page.locator('.agreement-chart g[data-bin="0.9"][data-count="1"]').waitFor();
    await lead.page.getByRole('button', { name: 'Tasks of ana@x.cl' }).click();
    await lead.page.locator('[data-trainer-work="ana@x.cl"] tr[data-task]').first().waitFor({ timeout: TIMEOUT });
    await shot(lead.page, 'dashboard-en.png');
    await lead.page.getByRole('button', { name: 'Close', exact: true }).click();
    assertEqual(await lead.page.locator('.agreement-chart g[data-count="0"]').count(), 9, 'the other bins are empty');
    assertEqual(await lead.page.locator('.agreement-chart g[data-bin="0.9"] text.value').textContent(), '1', 'the bar says its count');
    assertEqual(await lead.page.getByRole('img', { name: "Bar chart: how many tasks fall in each range of Kendall's W per task." }).count(), 1, 'the chart is named by its caption');
    await lead.page.getByText('Show the figures as a table', { exact: true }).click();
    const bins = lead.page.locator('.agreement-table tbody tr');
    assertEqual(await bins.count(), 10, 'a row per bin');
    assertEqual(await bins.filter({ hasText: '0.9 to 1.0' }).locator('td').textContent(), '1', 'the table gives the top bin’s count');
    assertEqual(await bins.filter({ hasText: '0.0 to 0.1' }).locator('td').textContent(), '0', 'and the empty ones');
    assert((await lead.page.locator('.agreement-chart .tick text').allTextContents()).includes('0.2'), 'the axis in English numbers');
    await shotOf(lead.page.locator('svg.agreement-chart'), 'agreement-chart-en.png');
    // In Spanish the same chart and table, with a decimal comma.
    await lead.workbench.chooseLanguage('es-CL');
    await lead.page.getByRole('img', { name: 'Gráfico de barras: cuántas tareas caen en cada rango de W de Kendall por tarea.' }).waitFor();
    assert((await lead.page.locator('.agreement-chart .tick text').allTextContents()).includes('0,2'), 'the axis with a decimal comma');
    assertEqual(await bins.filter({ hasText: '0,9 a 1,0' }).locator('td').textContent(), '1', 'the Spanish table gives the same count');
    await shotOf(lead.page.locator('svg.agreement-chart'), 'agreement-chart-es.png');
    await lead.workbench.chooseLanguage('en');
    await lead.page.getByLabel('Figure').selectOption({ label: "Krippendorff's alpha per task: Correctness" });
    await lead.page.locator('.agreement-chart, .card:has(#agreement-chart) .muted').first().waitFor();

    // Drill-down: Ana's tasks, and from there the task's review.
    await lead.page.getByRole('button', { name: 'Tasks of ana@x.cl' }).click();
    const work = lead.page.locator('[data-trainer-work="ana@x.cl"]');
    const row = work.locator('tr[data-task="team-sum"][data-state="pending"]');
    await row.waitFor({ timeout: TIMEOUT });
    assert((await row.textContent()).includes('waiting for review'), 'review state shown');
    await row.getByRole('link', { name: 'Review' }).click();

    // Fix & accept: the lead lowers a score; the fix is exported, the original kept.
    const card = lead.page.locator('.review-card[data-evaluator="ana@x.cl"][data-state="pending"]');
    await card.waitFor({ timeout: TIMEOUT });
    await card.getByRole('radio', { name: 'Fix & accept', exact: true }).check();
    assertEqual(await card.getByLabel(/^Correctness of Answer [AB] · Model B\b/).inputValue(), '2', 'the trainer’s score is the starting point');
    await card.getByLabel(/^Correctness of Answer [AB] · Model B\b/).selectOption('1');
    await card.getByLabel('Comment for the trainer').fill('La corrección de B es 1: falla la prueba oculta.');
    await card.getByRole('button', { name: 'Record decision' }).click();
    await lead.page.locator('.review-card[data-evaluator="ana@x.cl"][data-state="accepted"]').waitFor({ timeout: TIMEOUT });
    assertEqual(await lead.page.locator('.review-card[data-evaluator="ana@x.cl"] tr[data-solution="bad"] td').nth(4).textContent(), '2', 'the card still shows what Ana submitted');
    const exported = await lead.page.evaluate((p) => fetch(`/api/projects/${p}/export?format=jsonl&status=accepted`).then((r) => r.text()), projectId);
    const line = exported.trim().split('\n').map((l) => JSON.parse(l)).find((l) => l.evaluation.judgement.scores.bad.correctness !== 2);
    assert(line, `the fixed judgement is exported: ${exported.slice(0, 300)}`);
    assertEqual(line.evaluation.judgement.scores.bad.correctness, 1, 'fixed score exported');
    assertEqual(line.evaluation.judgement.scores.good.correctness, 5, 'other scores unchanged');
    const db = await connect({ url: scratch.url, migrate: false });
    try {
      const revisions = await db.db.selectFrom('revisions').select(['revision', 'kind', 'evaluation']).orderBy('revision').execute();
      assertEqual(JSON.stringify(revisions.map((r) => [r.revision, r.kind, r.evaluation.judgement.scores.bad.correctness])), JSON.stringify([[1, 'trainer', 2], [2, 'review-fix', 1]]), 'original kept beside the fix');
    } finally {
      await db.close();
    }
    // Ana sees what changed.
    await ana.page.getByRole('link', { name: '← My queue' }).click();
    const item = ana.page.locator('.team-inbox li[data-decision="fix-accept"]');
    await item.waitFor({ timeout: TIMEOUT });
    assert((await item.textContent()).includes('bad, correctness: 2 → 1'), `score change shown: ${await item.textContent()}`);
  });
}

export const tests = [
  { name: 'the project settings form: review and gold rules and the project rubric, out-of-range values named in both languages; a new guidelines version; tasks added all or nothing', run: ({ browser }) => settings(browser) },
  { name: 'pausing a project or a trainer is said on the queue; the agreement distribution; a trainer’s tasks; fix & accept changes a score', run: ({ browser }) => pauseAndDashboard(browser) },
];
