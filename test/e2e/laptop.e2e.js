// The workbench on a trainer's screens, 1366×768 (a laptop) and 1920×1080, measured in a real
// browser: the results grid keeps the solutions' names in view and one line each, cells that have
// not run are not painted as failures, the page uses the width, the judgement panel folds (and
// stays folded), code wraps (or not, as chosen, remembered), drop targets are big enough to hit,
// and practice feedback fits. Geometry is read from the page; nothing here is timed.
import { assert, assertEqual, assertMatch } from './fixtures/expect.js';
import { openSession } from './fixtures/session.js';
import { TIMEOUT } from './fixtures/workbench.js';

const LAPTOP = { width: 1366, height: 768 };
const WIDE = { width: 1920, height: 1080 };
const ROMAN = ['canonical-regex', 'subtract-if-smaller', 'pair-tokens', 'eval-expression', 'round-trip'];

async function withSession(browser, baseURL, viewport, body) {
  const s = await openSession(browser, baseURL, { viewport });
  try {
    await body(s);
    assertEqual(s.errors.join('\n'), '', 'console errors');
  } finally {
    await s.close();
  }
}

const backgroundOf = (locator) => locator.evaluate((el) => getComputedStyle(el).backgroundColor);
const overflow = (locator) => locator.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
const TRANSPARENT = 'rgba(0, 0, 0, 0)';

/** Widths of the longest rendered line and of the text area, for every code viewer shown. */
const lineFit = (page) =>
  page.locator('.code-view .monaco-editor').evaluateAll((editors) =>
    editors.map((e) => {
      const area = e.querySelector('.lines-content')?.parentElement?.getBoundingClientRect() ?? e.getBoundingClientRect();
      const right = Math.max(...[...e.querySelectorAll('.view-line > span')].map((s) => s.getBoundingClientRect().right));
      return { right, limit: area.right };
    }),
  );

export const tests = [
  {
    name: '1366×768: not-run cells are neutral; after a run the solution column stays in view while 15 tests scroll; labels on one line',
    run: ({ browser, baseURL }) =>
      withSession(browser, baseURL, LAPTOP, async ({ page, workbench: w }) => {
        await w.open('/tasks/roman-numerals');
        await w.runAllButton.waitFor({ timeout: TIMEOUT });
        const grid = page.locator('section.results');
        const first = grid.getByRole('row').nth(1).getByRole('cell').first();
        assertMatch(await first.textContent(), /not run yet/, 'a cell before a run says so');
        assertEqual(await backgroundOf(first), TRANSPARENT, 'a cell that has not run has no verdict colour');

        await w.runtimeReady('javascript');
        const verdicts = await w.runAll(ROMAN);
        assert(Object.values(verdicts).includes('failed'), `some solution fails: ${JSON.stringify(verdicts)}`);
        const failedCell = page.getByRole('button', { name: /: failed$/ }).first().locator('xpath=..');
        const failedColour = await backgroundOf(failedCell);
        assert(failedColour !== TRANSPARENT, 'a failed cell has the failure colour');

        const scroller = grid.locator('.grid-scroll');
        const o = await overflow(scroller);
        assert(o.scroll > o.client, `15 tests overflow at 1366 px (${o.scroll} > ${o.client})`);
        await scroller.evaluate((el) => {
          el.scrollIntoView({ block: 'center' });
          el.scrollLeft = el.scrollWidth;
        });
        assert(await scroller.evaluate((el) => el.scrollLeft > 0), 'the grid scrolled sideways');
        const area = await scroller.boundingBox();
        for (const header of await grid.getByRole('rowheader').all()) {
          const box = await header.boundingBox();
          assert(Math.abs(box.x - area.x) <= 2, `row header stays at the left edge (${box.x} vs ${area.x})`);
          // Nothing scrolled over it: the point in its middle belongs to it.
          const onTop = await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('th[scope="row"]'), { x: box.x + 20, y: box.y + box.height / 2 });
          assert(onTop, 'the row header is drawn above the scrolled cells');
        }
        const lines = await grid.locator('.solution-label').evaluateAll((els) => els.map((e) => e.getClientRects().length === 1 && e.getBoundingClientRect().height < 1.6 * parseFloat(getComputedStyle(e).lineHeight)));
        assertEqual(lines.length, 5, 'five solution labels');
        assert(lines.every(Boolean), `every label is one line: ${lines}`);
      }),
  },
  {
    name: '1920×1080: the page uses the width; a task with 8 tests fits beside the judgement panel',
    run: ({ browser, baseURL }) =>
      withSession(browser, baseURL, WIDE, async ({ page, workbench: w }) => {
        await w.open('/tasks/median');
        await w.runAllButton.waitFor({ timeout: TIMEOUT });
        const main = await page.locator('main').boundingBox();
        assert(main.width >= WIDE.width - 40, `the page is as wide as the window (${main.width})`);
        const grid = page.locator('section.results');
        assertEqual(await grid.getByRole('columnheader').count(), 9, 'solution column and 8 tests');
        const o = await overflow(grid.locator('.grid-scroll'));
        assert(o.scroll <= o.client, `8 tests fit without scrolling (${o.scroll} > ${o.client})`);
        assert(await page.getByRole('heading', { name: 'Your judgement' }).isVisible(), 'judgement panel shown');
      }),
  },
  {
    name: 'Español (Chile), 1366×768: the judgement panel folds, stays folded after a reload, and a shortcut into it unfolds it',
    run: ({ browser, baseURL }) =>
      withSession(browser, baseURL, LAPTOP, async ({ page, workbench: w }) => {
        await w.open();
        await w.chooseLanguage('es-CL');
        await w.open('/tasks/median');
        await w.runAllButton.waitFor({ timeout: TIMEOUT });
        const before = (await page.locator('.task-main').boundingBox()).width;
        const hide = page.getByRole('button', { name: 'Ocultar evaluación', exact: true });
        assertEqual(await hide.getAttribute('aria-expanded'), 'true', 'panel open at first');
        await hide.click();
        const show = page.getByRole('button', { name: 'Mostrar evaluación', exact: true });
        await show.waitFor();
        assertEqual(await page.getByRole('heading', { name: 'Tu evaluación' }).count(), 0, 'panel content folded away');
        const after = (await page.locator('.task-main').boundingBox()).width;
        assert(after > before + 300, `the code and grid take the width (${before} → ${after})`);

        await page.reload();
        await w.runAllButton.waitFor({ timeout: TIMEOUT });
        assertEqual(await show.getAttribute('aria-expanded'), 'false', 'still folded after a reload');
        await page.locator('body').click({ position: { x: 5, y: 300 } });
        await page.keyboard.press('c');
        const critique = page.getByRole('textbox', { name: /^Crítica de / }).first();
        await critique.waitFor();
        assert(await critique.evaluate((el) => el === document.activeElement), 'C unfolds the panel and focuses a critique');
        assertEqual(await hide.getAttribute('aria-expanded'), 'true', 'unfolded');
      }),
  },
  {
    name: '1366×768 side by side: long lines wrap inside each viewer; unwrapping is the trainer\'s choice and is remembered',
    run: ({ browser, baseURL }) =>
      withSession(browser, baseURL, LAPTOP, async ({ page, workbench: w }) => {
        await w.open('/tasks/roman-numerals');
        await w.runAllButton.waitFor({ timeout: TIMEOUT });
        await page.getByRole('button', { name: 'Side by side', exact: true }).click();
        const editors = page.locator('.code-view .monaco-editor');
        await editors.nth(ROMAN.length - 1).waitFor({ timeout: TIMEOUT });
        await page.locator('.code-view .view-line').first().waitFor();
        const wrapped = await lineFit(page);
        assertEqual(wrapped.length, ROMAN.length, 'one viewer per solution');
        assert(wrapped.every((e) => e.right <= e.limit + 1), `no line runs past its viewer: ${JSON.stringify(wrapped)}`);
        const wrap = page.getByRole('checkbox', { name: 'Wrap long lines' });
        assert(await wrap.isChecked(), 'wrapping is on by default');

        await wrap.uncheck();
        await page.waitForFunction(() => [...document.querySelectorAll('.code-view .monaco-editor')].some((e) => {
          const limit = e.querySelector('.lines-content').parentElement.getBoundingClientRect().right;
          return [...e.querySelectorAll('.view-line > span')].some((s) => s.getBoundingClientRect().right > limit + 1);
        }));
        await page.reload();
        await w.runAllButton.waitFor({ timeout: TIMEOUT });
        assertEqual(await wrap.isChecked(), false, 'the choice is remembered');
      }),
  },
  {
    name: '1366×768: a new position between ranked solutions is a drop target at least 32 px tall, and a drag onto it ranks',
    run: ({ browser, baseURL }) =>
      withSession(browser, baseURL, LAPTOP, async ({ page, workbench: w }) => {
        await w.open('/tasks/median');
        await w.runAllButton.waitFor({ timeout: TIMEOUT });
        await page.locator('#rank-py-sorted').fill('1');
        const gaps = page.locator('.jp-groups .jp-gap');
        await gaps.nth(1).waitFor();
        const heights = await gaps.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
        assert(heights.length >= 2 && heights.every((h) => h >= 32), `drop targets are at least 32 px: ${heights}`);

        const chip = page.locator('#jp-chip-js-default-sort');
        await chip.scrollIntoViewIfNeeded();
        const from = await chip.boundingBox();
        const to = await gaps.nth(1).boundingBox();
        await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
        await page.mouse.down();
        for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + ((to.y + to.height / 2 - from.y - from.height / 2) * i) / 10);
        await page.mouse.up();
        await page.waitForFunction(() => document.querySelector('#rank-js-default-sort')?.value === '2');
        assertEqual(await page.locator('#rank-py-sorted').inputValue(), '1', 'the first stays first');
      }),
  },
  {
    name: '1366×768 practice feedback: the rubric table is not cut off',
    run: ({ browser, baseURL }) =>
      withSession(browser, baseURL, LAPTOP, async ({ page, workbench: w }) => {
        await w.open();
        await w.importTasks('clamp-task.json');
        await w.taskLink('Clamp a number').waitFor();
        await w.open('/practice/e2e-clamp');
        await w.runAllButton.waitFor({ timeout: TIMEOUT });
        await w.runtimeReady('python');
        await w.runAll(['a', 'b', 'c']);
        for (const [id, rank] of [['a', 1], ['b', 2], ['c', 3]]) {
          await page.locator(`#rank-${id}`).fill(String(rank));
          await w.scoreAll(id, 3);
          await page.locator(`#critique-${id}`).fill('Checked every bound.');
        }
        await w.submitButton.click();
        const feedback = page.locator('.practice-feedback');
        await feedback.waitFor({ timeout: TIMEOUT });
        const table = feedback.locator('table').nth(1);
        assertEqual(await table.getByRole('columnheader').count(), 5, 'solution column and four criteria');
        const box = await table.boundingBox();
        const card = await feedback.boundingBox();
        assert(box.x >= card.x && box.x + box.width <= card.x + card.width, `the table lies inside its card (${JSON.stringify(box)} in ${JSON.stringify(card)})`);
        const o = await overflow(table.locator('xpath=..'));
        assert(o.scroll <= o.client, `nothing to scroll to (${o.scroll} > ${o.client})`);
        assert(box.x + box.width <= LAPTOP.width, 'inside the window');
      }),
  },
];
