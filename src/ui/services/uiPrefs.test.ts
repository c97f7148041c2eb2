// The layout preferences: fallbacks until chosen, a choice survives a new page (a new store on the
// same database), and a stored value of the wrong type or name is ignored.
import { afterEach, describe, expect, it } from 'vitest';
import type { VeredictoDB } from '../../storage/database.js';
import { getSetting, SETTINGS, setSetting } from '../../storage/settings.js';
import { freshDatabase } from '../../storage/testing.js';
import { pick, UI_PREFS, UiPrefsStore } from './uiPrefs.js';

let db: VeredictoDB | undefined;
afterEach(() => db?.close());

describe('UiPrefsStore', () => {
  it('starts from the fallbacks and remembers a change for the next page', async () => {
    db = await freshDatabase();
    const first = new UiPrefsStore(Promise.resolve(db));
    await first.loaded;
    expect(first.snapshot).toEqual(UI_PREFS);
    first.change('judgementCollapsed', true);
    expect(first.snapshot.judgementCollapsed).toBe(true);
    await expect.poll(async () => (await getSetting(db!, SETTINGS.uiPrefs)).value).toEqual({ judgementCollapsed: true, wrapCode: true, realLabels: false });
    const next = new UiPrefsStore(Promise.resolve(db));
    await next.loaded;
    expect(next.snapshot).toEqual({ judgementCollapsed: true, wrapCode: true, realLabels: false });
  });

  it('ignores stored values of another type and names it does not know', async () => {
    db = await freshDatabase();
    await setSetting(db, SETTINGS.uiPrefs, { wrapCode: 'yes', judgementCollapsed: true, editorFontSize: 16 });
    const store = new UiPrefsStore(Promise.resolve(db));
    await store.loaded;
    expect(store.snapshot).toEqual({ judgementCollapsed: true, wrapCode: true, realLabels: false });
    expect(pick({ toString: true, wrapCode: false })).toEqual({ wrapCode: false });
  });

  it('works for the tab when the browser keeps no storage', async () => {
    const store = new UiPrefsStore(Promise.resolve(undefined));
    await store.loaded;
    store.change('wrapCode', false);
    expect(store.snapshot.wrapCode).toBe(false);
  });
});
