// The DB upgrade that added the drafts store: a version 2 database (practice, as that release
// wrote it) opens at the current version with its evaluations and practice records intact.
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { emptyForm, newDraft } from '../domain/draft.js';
import { DB_VERSION, openDatabase } from './database.js';
import { listDrafts, saveDraft } from './drafts.js';
import { listEvaluations } from './evaluations.js';
import { STORAGE_KEYS } from './keys.js';
import { attemptKey, listAttempts } from './practice.js';
import { sampleEvaluation } from './testing.js';

const S = STORAGE_KEYS.stores;

describe('DB version 3 (drafts)', () => {
  it('upgrades a version 2 database without touching what it holds', async () => {
    const name = `veredicto-v2-${process.pid}`;
    const evaluation = sampleEvaluation('median');
    const attempt = { taskId: 'median', at: '2026-02-01T10:00:00.000Z', tau: 1, rubricMad: 0, bugsFound: 1, bugsTotal: 1, tags: ['sorting'], languages: ['python'] };
    const v2 = await openDB(name, 2, {
      upgrade(db) {
        for (const store of [S.evaluations, S.tasks, S.settings, S.practice, S.attempts]) db.createObjectStore(store);
        db.createObjectStore(S.quarantine, { autoIncrement: true });
      },
    });
    const savedAt = '2026-02-01T10:00:00.000Z';
    await v2.put(S.evaluations, { v: 1, data: evaluation, savedAt, seq: 3 }, 'median');
    await v2.put(S.attempts, { v: 1, data: attempt, savedAt, seq: 1 }, attemptKey(attempt));
    v2.close();

    const db = await openDatabase(name);
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThanOrEqual(3);
    expect([...db.objectStoreNames]).toContain(S.drafts);
    expect((await listEvaluations(db)).value).toEqual([evaluation]);
    expect((await listAttempts(db)).value).toEqual([expect.objectContaining(attempt)]);
    const d = newDraft('d1', emptyForm(), savedAt);
    await saveDraft(db, d);
    expect((await listDrafts(db)).value).toEqual([d]);
    db.close();
  });
});
