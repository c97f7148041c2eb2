// Practice records, and the DB upgrade that added their stores: a version 1 database (as the first
// release wrote it) opens at the current version with its evaluations intact.
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openDatabase, DB_VERSION } from './database.js';
import { listEvaluations, saveEvaluation } from './evaluations.js';
import { STORAGE_KEYS } from './keys.js';
import { listAttempts, loadPracticeEvaluation, saveAttempt, savePracticeEvaluation } from './practice.js';
import { freshDatabase, sampleEvaluation } from './testing.js';

const S = STORAGE_KEYS.stores;

describe('practice storage', () => {
  it('keeps practice evaluations apart from the training data', async () => {
    const db = await freshDatabase();
    await savePracticeEvaluation(db, sampleEvaluation('merge-intervals'));
    expect((await loadPracticeEvaluation(db, 'merge-intervals')).value?.taskId).toBe('merge-intervals');
    expect((await listEvaluations(db)).value).toEqual([]);
  });

  it('stores attempts, validated', async () => {
    const db = await freshDatabase();
    const attempt = { taskId: 'median', at: '2026-11-23T10:00:00.000Z', tau: 0.5, rubricMad: 1, bugsFound: 1, bugsTotal: 2, tags: ['sorting'], languages: ['python'] };
    await saveAttempt(db, attempt);
    expect((await listAttempts(db)).value).toEqual([expect.objectContaining(attempt)]);
    await expect(saveAttempt(db, { ...attempt, bugsFound: -1 })).rejects.toThrow();
  });

  it('upgrades a version 1 database without touching its evaluations', async () => {
    const name = `veredicto-v1-${process.pid}`;
    const evaluation = sampleEvaluation('split-bill');
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore(S.evaluations);
        db.createObjectStore(S.tasks);
        db.createObjectStore(S.settings);
        db.createObjectStore(S.quarantine, { autoIncrement: true });
      },
    });
    await v1.put(S.evaluations, { v: 1, data: evaluation, savedAt: '2026-01-01T00:00:00.000Z', seq: 1 }, 'split-bill');
    v1.close();
    const db = await openDatabase(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining([S.practice, S.attempts]));
    expect((await listEvaluations(db)).value).toEqual([evaluation]);
    await saveEvaluation(db, evaluation);
  });
});
