// Drafts are saved as typed, valid task or not, and read back exactly; a record that is not a
// draft is reported, never returned.
import { afterEach, describe, expect, it } from 'vitest';
import { emptyForm, formReducer, newDraft, type Draft } from '../domain/draft.js';
import { StorageError, type VeredictoDB } from './database.js';
import { deleteDraft, listDrafts, loadDraft, saveDraft, saveDrafts } from './drafts.js';
import { STORAGE_KEYS } from './keys.js';
import { freshDatabase } from './testing.js';

let db: VeredictoDB;
afterEach(() => db?.close());

function draft(id: string, updatedAt = '2026-03-01T10:00:00.000Z'): Draft {
  let form = emptyForm();
  form = formReducer(form, { type: 'setLocalized', field: 'title', locale: 'es-CL', value: '¿Aprobó el ramo?' });
  form = formReducer(form, { type: 'addTest', kind: 'call', key: 'k1' });
  // Not valid JSON yet: a draft keeps it as typed.
  form = formReducer(form, { type: 'updateTest', key: 'k1', patch: { args: '[6.5', expected: 'true' } });
  return { ...newDraft(id, form, '2026-03-01T09:00:00.000Z'), updatedAt };
}

describe('drafts', () => {
  it('round-trips a draft that is not a valid task yet', async () => {
    db = await freshDatabase();
    const d = draft('d1');
    await saveDraft(db, d);
    expect(await loadDraft(db, 'd1')).toEqual({ value: d, problems: [] });
  });

  it('lists newest first and deletes one', async () => {
    db = await freshDatabase();
    await saveDrafts(db, [draft('old', '2026-03-01T10:00:00.000Z'), draft('new', '2026-03-02T10:00:00.000Z')]);
    expect((await listDrafts(db)).value.map((d) => d.id)).toEqual(['new', 'old']);
    await deleteDraft(db, 'old');
    expect((await listDrafts(db)).value.map((d) => d.id)).toEqual(['new']);
  });

  it('refuses to save something that is not a draft, and writes nothing of the batch', async () => {
    db = await freshDatabase();
    const broken = { ...draft('bad'), form: { ...draft('bad').form, difficulty: 'trivial' } } as unknown as Draft;
    await expect(saveDrafts(db, [draft('fine'), broken])).rejects.toBeInstanceOf(StorageError);
    expect((await listDrafts(db)).value).toEqual([]);
  });

  it('reports a stored record that is not a draft instead of returning it', async () => {
    db = await freshDatabase();
    await db.put(STORAGE_KEYS.stores.drafts, { v: 1, data: { id: 'x' }, savedAt: '2026-03-01T00:00:00.000Z', seq: 1 }, 'x');
    const loaded = await listDrafts(db);
    expect(loaded.value).toEqual([]);
    expect(loaded.problems).toEqual([expect.objectContaining({ store: 'drafts', key: 'x', reason: 'invalid' })]);
  });
});
