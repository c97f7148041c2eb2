import { afterEach, describe, expect, it } from 'vitest';
import type { Evaluation } from '../domain/evaluation.js';
import { STORAGE_KEYS } from './keys.js';
import { StorageError, type VeredictoDB } from './database.js';
import { deleteAllData, listEvaluations, loadEvaluation, putEvaluations, saveEvaluation } from './evaluations.js';
import { saveImportedTasks } from './importedTasks.js';
import { SETTINGS, getSetting, setSetting } from './settings.js';
import { freshDatabase, sampleEvaluation } from './testing.js';

const S = STORAGE_KEYS.stores;
let db: VeredictoDB;
afterEach(() => db?.close());

describe('evaluations', () => {
  it('detects a save from another tab instead of overwriting it', async () => {
    db = await freshDatabase();
    const mine = sampleEvaluation();
    await saveEvaluation(db, mine);
    const read = await loadEvaluation(db, mine.taskId);
    expect(read.seq).toBe(1);
    // The other tab saves first…
    await saveEvaluation(db, { ...mine, activeMs: 5 }, read.seq);
    // …so this tab's save, based on save 1, is refused and the other tab's work stays.
    await expect(saveEvaluation(db, { ...mine, activeMs: 9 }, read.seq)).rejects.toMatchObject({ name: 'StorageError', code: 'stale' });
    expect((await loadEvaluation(db, mine.taskId)).value?.activeMs).toBe(5);
    // Saving on top of what is there now (the user chose to keep theirs) works.
    await saveEvaluation(db, { ...mine, activeMs: 9 }, 2);
    expect((await loadEvaluation(db, mine.taskId)).seq).toBe(3);
  });

  it('round-trips an evaluation', async () => {
    db = await freshDatabase();
    const e = sampleEvaluation();
    await saveEvaluation(db, e);
    expect(await loadEvaluation(db, e.taskId)).toEqual({ value: e, problems: [], seq: 1 });
    expect(await loadEvaluation(db, 'other')).toEqual({ value: undefined, problems: [], seq: 0 });
    expect(await listEvaluations(db)).toEqual({ value: [e], problems: [] });
  });

  it('skips and reports an invalid stored record, and leaves it on disk', async () => {
    db = await freshDatabase();
    const good = sampleEvaluation('good');
    await saveEvaluation(db, good);
    const bad = { v: 1, seq: 1, savedAt: 'x', data: { ...sampleEvaluation('bad'), activeMs: -5 } };
    await db.put(S.evaluations, bad, 'bad');
    await db.put(S.evaluations, { v: 1, seq: 1, savedAt: 'x', data: sampleEvaluation('elsewhere') }, 'misfiled');

    const listed = await listEvaluations(db);
    expect(listed.value).toEqual([good]);
    expect(listed.problems.map((p) => [p.key, p.reason])).toEqual([
      ['bad', 'invalid'],
      ['misfiled', 'invalid'],
    ]);
    expect(listed.problems[0]).toMatchObject({ store: S.evaluations, record: bad });
    expect(listed.problems[0]!.message).toMatch(/activeMs/);

    const loaded = await loadEvaluation(db, 'bad');
    expect(loaded.value).toBeUndefined();
    expect(loaded.problems).toHaveLength(1);
    expect(await db.get(S.evaluations, 'bad')).toEqual(bad);
  });

  it('refuses to save an invalid evaluation', async () => {
    db = await freshDatabase();
    const bad = { ...sampleEvaluation(), status: 'done' } as unknown as Evaluation;
    await expect(saveEvaluation(db, bad)).rejects.toBeInstanceOf(StorageError);
    expect(await db.count(S.evaluations)).toBe(0);
  });

  it('putEvaluations writes all or nothing', async () => {
    db = await freshDatabase();
    const before = sampleEvaluation('kept');
    await saveEvaluation(db, before);
    const changed = { ...before, activeMs: 99 };

    // One fails the schema: nothing is written.
    const invalid = { ...sampleEvaluation('x'), taskId: '' };
    await expect(putEvaluations(db, [changed, sampleEvaluation('new'), invalid])).rejects.toThrow(StorageError);
    // One passes the schema but cannot be stored (a function is not cloneable): the transaction aborts.
    const uncloneable = sampleEvaluation('y');
    uncloneable.judgement.ownTests.push({ name: 't', kind: 'call', args: [() => 1], expected: 1 });
    await expect(putEvaluations(db, [changed, sampleEvaluation('new'), uncloneable])).rejects.toThrow();

    expect(await listEvaluations(db)).toEqual({ value: [before], problems: [] });
    expect(await db.get(S.evaluations, 'kept')).toMatchObject({ seq: 1 });

    const receipts = await putEvaluations(db, [changed, sampleEvaluation('new')]);
    expect(receipts.map((r) => r.seq)).toEqual([2, 1]);
    expect((await listEvaluations(db)).value).toEqual([changed, sampleEvaluation('new')]);
  });

  it('deleteAllData empties every store', async () => {
    db = await freshDatabase();
    await saveEvaluation(db, sampleEvaluation());
    await setSetting(db, SETTINGS.lastRoute, '/task/add-two');
    await db.put(S.evaluations, { broken: true }, 'broken');
    await saveEvaluation(db, sampleEvaluation('broken')); // quarantines the broken record
    await saveImportedTasks(db, []);
    await deleteAllData(db);
    for (const store of Object.values(S)) expect(await db.count(store)).toBe(0);
    expect((await getSetting(db, SETTINGS.lastRoute)).value).toBe('');
  });
});
