// A whole evaluation without the mouse: the help dialog lists the shortcuts, R runs every
// solution, N/P move between solutions, digits rank, C jumps to the critique, Esc leaves it,
// Tab reaches the rubric, Ctrl+Enter submits.
import { assert, assertEqual } from './fixtures/expect.js';
import { openSession } from './fixtures/session.js';
import { TIMEOUT } from './fixtures/workbench.js';

/** A fresh session on the median task (four solutions), once its page is ready for keys. */
async function openMedian(browser, baseURL) {
  const s = await openSession(browser, baseURL);
  try {
    await s.workbench.open('/tasks/median');
    await s.workbench.runAllButton.waitFor({ timeout: TIMEOUT });
    return s;
  } catch (e) {
    await s.close();
    throw e;
  }
}

export const tests = [
  {
    name: 'a full evaluation with the keyboard only',
    async run({ browser, baseURL }) {
      const s = await openMedian(browser, baseURL);
      const { page, workbench: w } = s;
      try {
        await w.runtimeReady('python');
        await w.runtimeReady('javascript');
        await page.locator('body').focus();

        await page.keyboard.press('?');
        const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
        await dialog.waitFor();
        assert((await dialog.getByRole('row').count()) >= 8, 'shortcut rows');
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });

        await page.keyboard.press('r');
        const ids = await page.locator('[data-solution-result]').evaluateAll((els) => els.map((e) => e.getAttribute('data-solution-result')));
        assert(ids.length >= 2, 'solutions listed');
        await w.verdicts(ids);

        const labels = [];
        await page.keyboard.press('n'); // to the second solution and back: the first card has focus
        await page.keyboard.press('p');
        for (let i = 0; i < ids.length; i++) {
          if (i > 0) await page.keyboard.press('n');
          const card = page.locator(`#jp-card-${ids[i]}`);
          await page.waitForFunction((id) => document.activeElement?.id === `jp-card-${id}`, ids[i]);
          labels.push((await card.getByRole('heading').first().textContent()).trim());
          await page.keyboard.press(String(Math.min(i + 1, 2))); // the last ones tie at 2
          await page.keyboard.press('c');
          await page.waitForFunction((id) => document.activeElement?.id === `critique-${id}`, ids[i]);
          await page.keyboard.type(`Critique ${i + 1}, written with the keyboard.`);
          // Each rubric group: focus its first level, then choose with the arrow keys as a radio group does.
          for (const group of await card.locator('fieldset:has(input[type=radio])').all()) {
            await group.locator('input[type=radio]').first().focus();
            await page.keyboard.press('ArrowRight');
            await page.keyboard.press('ArrowRight');
          }
          await page.keyboard.press('Escape');
        }
        await page.keyboard.press('p');
        await page.waitForFunction((id) => document.activeElement?.id === `jp-card-${id}`, ids[ids.length - 2]);

        await page.keyboard.press('Control+Enter');
        const needsReason = page.locator('[id^="reason-"]');
        if (await needsReason.count()) {
          for (const box of await needsReason.all()) {
            await box.focus();
            await page.keyboard.type('Ranked by reading, on purpose.');
          }
          await page.keyboard.press('Control+Enter');
        }
        await page.locator('.task-head .badge.status-submitted').waitFor({ timeout: 10_000 });
        for (const [i, id] of ids.entries()) {
          assertEqual(await page.locator(`#rank-${id}`).inputValue(), String(Math.min(i + 1, 2)), `rank of ${labels[i]}`);
          assertEqual(await page.locator(`#critique-${id}`).inputValue(), `Critique ${i + 1}, written with the keyboard.`, `critique of ${labels[i]}`);
        }
        assertEqual(s.errors.join('\n'), '', 'console errors');
      } finally {
        await s.close();
      }
    },
  },
  {
    // The digit keys on a chip and on a card are one rule (the evaluation reducer's): "1" on a
    // focused chip ranks that chip's solution only, not also the solution whose card is current.
    name: 'a digit on a focused ranking chip ranks only that solution',
    async run({ browser, baseURL }) {
      const s = await openMedian(browser, baseURL);
      const { page } = s;
      try {
        const ids = await page.locator('.jp-card').evaluateAll((els) => els.map((e) => e.id.replace(/^jp-card-/, '')));
        assert(ids.length >= 3, 'three solutions or more');
        const [first, second, third] = ids;
        await page.locator(`#jp-chip-${second}`).focus();
        await page.keyboard.press('1');
        await page.waitForFunction((id) => document.querySelector(`#rank-${id}`)?.value === '1', second);
        assertEqual(await page.locator(`#rank-${first}`).inputValue(), '', 'the first (current) solution stays unranked');
        assertEqual(await page.locator(`#rank-${third}`).inputValue(), '', 'the third solution stays unranked');
        // A digit past the end of the ranking puts the chip last, keeping ranks dense (1, 2, …).
        await page.locator(`#jp-chip-${third}`).focus();
        await page.keyboard.press('3');
        await page.waitForFunction((id) => document.querySelector(`#rank-${id}`)?.value === '2', third);
        assertEqual(await page.locator(`#rank-${first}`).inputValue(), '', 'the first solution is still unranked');
        assertEqual(await page.locator(`#rank-${second}`).inputValue(), '1', 'the second solution keeps rank 1');
        assertEqual(s.errors.join('\n'), '', 'console errors');
      } finally {
        await s.close();
      }
    },
  },
];
