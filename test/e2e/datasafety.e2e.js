// Nothing the trainer wrote is lost: a full disk keeps the work in the tab and exports it; two tabs
// on one evaluation never overwrite each other silently; a database written by the first release
// opens upgraded with its evaluations; a file from a newer version is refused before any write.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assert, assertEqual } from './fixtures/expect.js';
import { openSession } from './fixtures/session.js';
import { TIMEOUT, Workbench } from './fixtures/workbench.js';

const SAVED = 'All changes saved';

async function critiqueFirst(page, text) {
  const box = page.getByRole('textbox', { name: /^Critique of / }).first();
  await box.fill(text);
  return box;
}

export const tests = [
  {
    name: 'a full disk: a clear warning, the work stays in the tab and can be exported, saving resumes',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL);
      try {
        // Simulates the browser refusing writes for lack of space, as IndexedDB reports it.
        await s.context.addInitScript(() => {
          const put = IDBObjectStore.prototype.put;
          IDBObjectStore.prototype.put = function (...args) {
            if (globalThis.__fullDisk) throw new DOMException('The disk is full.', 'QuotaExceededError');
            return put.apply(this, args);
          };
        });
        await s.workbench.open('/tasks/median');
        await s.workbench.runAllButton.waitFor({ timeout: TIMEOUT });
        await s.page.evaluate(() => (globalThis.__fullDisk = true));
        await critiqueFirst(s.page, 'Written while the disk is full.');
        const alert = s.page.getByRole('alert').filter({ hasText: 'the disk is full' });
        await alert.waitFor({ timeout: 10_000 });
        const file = await s.workbench.download('Download a copy now');
        const line = JSON.parse(file.text.trim().split('\n')[0]);
        assertEqual(Object.values(line.evaluation.judgement.critiques)[0].text, 'Written while the disk is full.', 'exported unsaved critique');
        await s.page.evaluate(() => (globalThis.__fullDisk = false));
        await critiqueFirst(s.page, 'Written after space was freed.');
        await s.page.getByRole('status').filter({ hasText: SAVED }).waitFor({ timeout: 10_000 });
        await s.page.reload();
        await s.workbench.runAllButton.waitFor({ timeout: TIMEOUT });
        assertEqual(await s.page.getByRole('textbox', { name: /^Critique of / }).first().inputValue(), 'Written after space was freed.', 'after reload');
      } finally {
        await s.close();
      }
    },
  },
  {
    name: 'two tabs on one evaluation: the stale save is detected and the trainer chooses',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL);
      try {
        const a = s.page;
        await s.workbench.open('/tasks/median');
        await s.workbench.runAllButton.waitFor({ timeout: TIMEOUT });
        const b = await s.context.newPage();
        const wb = new Workbench(b);
        await wb.open('/tasks/median');
        await wb.runAllButton.waitFor({ timeout: TIMEOUT });

        await critiqueFirst(a, 'From tab A.');
        await a.getByRole('status').filter({ hasText: SAVED }).waitFor({ timeout: 10_000 });
        await critiqueFirst(b, 'From tab B.');
        const stale = b.getByRole('alert').filter({ hasText: 'another tab' });
        await stale.waitFor({ timeout: 10_000 });
        // Nothing was overwritten: a reload of tab A still shows its text.
        await a.reload();
        await s.workbench.runAllButton.waitFor({ timeout: TIMEOUT });
        assertEqual(await a.getByRole('textbox', { name: /^Critique of / }).first().inputValue(), 'From tab A.', 'tab A kept');

        // Take the other tab's version: tab B's own is downloaded first.
        const [download] = await Promise.all([b.waitForEvent('download'), b.getByRole('button', { name: "Use the other tab's version (this one is downloaded)" }).click()]);
        const mine = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
        assertEqual(Object.values(mine.judgement.critiques)[0].text, 'From tab B.', "tab B's version downloaded");
        await b.getByRole('status').filter({ hasText: SAVED }).waitFor();
        assertEqual(await b.getByRole('textbox', { name: /^Critique of / }).first().inputValue(), 'From tab A.', 'tab B shows tab A’s version');

        // Now B edits again (on top of A's save) and A is the stale one: keep A's.
        await critiqueFirst(b, 'From tab B, second.');
        await b.getByRole('status').filter({ hasText: SAVED }).waitFor({ timeout: 10_000 });
        await critiqueFirst(a, 'From tab A, second.');
        await a.getByRole('alert').filter({ hasText: 'another tab' }).waitFor({ timeout: 10_000 });
        await a.getByRole('button', { name: "Keep this tab's version" }).click();
        await a.getByRole('status').filter({ hasText: SAVED }).waitFor();
        await b.reload();
        await wb.runAllButton.waitFor({ timeout: TIMEOUT });
        assertEqual(await b.getByRole('textbox', { name: /^Critique of / }).first().inputValue(), 'From tab A, second.', 'kept version after reload');
      } finally {
        await s.close();
      }
    },
  },
  {
    name: 'a database written by the first release opens upgraded, its evaluation intact',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL);
      try {
        // Any same-origin page will do to write the old database before the app first opens it.
        await s.page.goto('/pyodide/pyodide-lock.json');
        await s.page.evaluate(
          () =>
            new Promise((resolve, reject) => {
              const req = indexedDB.open('veredicto', 1);
              req.onupgradeneeded = () => {
                const db = req.result;
                for (const name of ['evaluations', 'tasks', 'settings']) db.createObjectStore(name);
                db.createObjectStore('quarantine', { autoIncrement: true });
              };
              req.onsuccess = () => {
                const db = req.result;
                const at = '2026-01-05T10:00:00.000Z';
                const data = {
                  schemaVersion: 1, taskId: 'median', status: 'draft', activeMs: 60000, createdAt: at, updatedAt: at, revisions: [],
                  judgement: { ranks: { 'py-sorted': 1 }, scores: {}, critiques: { 'py-sorted': { text: 'Saved by version 1.', locale: 'en' } }, reasons: {},
                    justification: { text: '', locale: 'en' }, taskFlags: [], solutionFlags: {}, ownTests: [], results: {} },
                };
                const tx = db.transaction('evaluations', 'readwrite');
                tx.objectStore('evaluations').put({ v: 1, data, savedAt: at, seq: 1 }, 'median');
                tx.oncomplete = () => (db.close(), resolve(undefined));
                tx.onerror = () => reject(tx.error);
              };
              req.onerror = () => reject(req.error);
            }),
        );
        await s.workbench.open('/');
        const item = s.page.locator('.task-item').filter({ has: s.page.locator('a[href="/tasks/median"]') });
        await item.getByText('draft', { exact: true }).waitFor({ timeout: TIMEOUT });
        await item.locator('a').click();
        await s.workbench.runAllButton.waitFor({ timeout: TIMEOUT });
        const critique = s.page.locator('#critique-py-sorted');
        assertEqual(await critique.inputValue(), 'Saved by version 1.', 'critique after upgrade');
        const version = await s.page.evaluate(() => new Promise((r) => { const q = indexedDB.open('veredicto'); q.onsuccess = () => { r(q.result.version); q.result.close(); }; }));
        assert(version >= 2, `database upgraded from version 1, now ${version}`);
      } finally {
        await s.close();
      }
    },
  },
  {
    name: 'an evaluations file from a newer version is refused and nothing is written',
    async run({ browser, baseURL }) {
      const s = await openSession(browser, baseURL);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veredicto-newer-'));
      try {
        const file = path.join(dir, 'newer.jsonl');
        fs.writeFileSync(file, `${JSON.stringify({ format: 'veredicto.evaluation', version: 99, evaluation: { taskId: 'median' } })}\n`);
        await s.workbench.open('/');
        await s.page.getByLabel('Import evaluations', { exact: true }).setInputFiles(file);
        const alert = s.page.getByRole('alert').filter({ hasText: 'newer.jsonl' });
        await alert.waitFor();
        assert(/newer|version 99/i.test(await alert.textContent()), `message names the newer version: ${await alert.textContent()}`);
        const file2 = await s.workbench.download('Export');
        assertEqual(file2.text.trim(), '', 'nothing was imported');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
        await s.close();
      }
    },
  },
];
