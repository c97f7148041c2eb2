// The app shell in a real browser: cross-origin isolated, both runtimes start from the app's own
// origin in the background, the task list links every task to its own URL, the language switch
// translates the page, sets <html lang> and sticks, and nothing logs errors.
import { assert, assertEqual } from './fixtures/expect.js';
import { isLocal, openSession } from './fixtures/session.js';

export const tests = [
  {
    name: 'task list: runtimes preload, every task is a deep link, isolated, nothing from outside',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL);
      try {
        await s.workbench.open();
        await s.workbench.runtimeReady('javascript');
        await s.workbench.runtimeReady('python');
        assertEqual(await s.page.evaluate(() => globalThis.crossOriginIsolated), true, 'page crossOriginIsolated');
        const links = s.page.locator('.task-list a');
        assert((await links.count()) >= 6, `expected the bundled tasks, found ${await links.count()} links`);
        const href = await links.first().getAttribute('href');
        assert(/^\/tasks\/[a-z0-9-]+$/.test(href), `task link ${href}`);
        await links.first().click();
        await s.workbench.runAllButton.waitFor();
        assertEqual(new URL(s.page.url()).pathname, href, 'URL after opening a task');
        await s.page.reload();
        await s.workbench.runAllButton.waitFor();
        assertEqual(new URL(s.page.url()).pathname, href, 'URL after reload');
        // The workers' closed globals are checked inside the sandbox frame by containment.e2e.js.
        const outside = s.requests.filter((u) => !isLocal(u));
        assert(outside.length === 0, `requests left the origin: ${outside.join(', ')}`);
        assertEqual(s.errors.join('\n'), '', 'console errors');
      } finally {
        await s.close();
      }
    },
  },
  {
    name: 'switching to Español (Chile) translates the page, sets <html lang> and persists after reload',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL);
      try {
        await s.workbench.open();
        assertEqual(await s.workbench.htmlLang(), 'en', '<html lang>');
        await s.page.getByRole('heading', { name: 'Tasks', exact: true }).waitFor();
        await s.workbench.chooseLanguage('es-CL');
        await s.page.getByRole('heading', { name: 'Tareas', exact: true }).waitFor();
        assertEqual(await s.workbench.htmlLang(), 'es-CL', '<html lang> after switching');
        await s.page.getByLabel('Importar tareas', { exact: true }).waitFor();
        await s.page.reload();
        await s.page.getByRole('heading', { name: 'Tareas', exact: true }).waitFor();
        assertEqual(await s.workbench.htmlLang(), 'es-CL', '<html lang> after reload');
        await s.page.getByRole('link', { name: 'Dividir la cuenta al centavo', exact: true }).click();
        await s.page.getByRole('button', { name: 'Ejecutar todas las pruebas', exact: true }).waitFor();
        await s.page.getByRole('heading', { name: 'Enunciado', exact: true }).waitFor();
        assertEqual(s.errors.join('\n'), '', 'console errors');
      } finally {
        await s.close();
      }
    },
  },
];
