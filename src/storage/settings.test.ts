import { afterEach, describe, expect, it } from 'vitest';
import { STORAGE_KEYS } from './keys.js';
import type { VeredictoDB } from './database.js';
import { SETTINGS, getSetting, setSetting } from './settings.js';
import { freshDatabase } from './testing.js';

let db: VeredictoDB;
afterEach(() => db?.close());

describe('settings', () => {
  it('gives the fallback until set, then the value', async () => {
    db = await freshDatabase();
    expect(await getSetting(db, SETTINGS.uiPrefs)).toEqual({ value: {}, problems: [] });
    await setSetting(db, SETTINGS.uiPrefs, { editorFontSize: 16, wrap: true });
    expect((await getSetting(db, SETTINGS.uiPrefs)).value).toEqual({ editorFontSize: 16, wrap: true });
  });

  it('an invalid stored value gives the fallback and a problem', async () => {
    db = await freshDatabase();
    await db.put(STORAGE_KEYS.stores.settings, { v: 1, seq: 1, savedAt: 'x', data: 42 }, STORAGE_KEYS.settings.lastRoute);
    const got = await getSetting(db, SETTINGS.lastRoute);
    expect(got.value).toBe('');
    expect(got.problems).toMatchObject([{ key: 'lastRoute', reason: 'invalid' }]);
  });
});
