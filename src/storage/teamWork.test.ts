// DB version 4 (team mode): a version 3 database opens with everything it held, and team records
// live apart from local ones (a team task with a local task's id does not share its evaluation).
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { evaluationReducer } from '../domain/evaluation.js';
import { DB_VERSION, openDatabase } from './database.js';
import { listEvaluations, loadEvaluation, saveEvaluation } from './evaluations.js';
import { STORAGE_KEYS } from './keys.js';
import { freshDatabase, sampleEvaluation } from './testing.js';
import { listOutbox, loadTeamEvaluation, putOutbox, saveTeamEvaluation, teamKey, type OutboxItem } from './teamWork.js';

const S = STORAGE_KEYS.stores;

describe('DB version 4 (team mode)', () => {
  it('upgrades a version 3 database without touching what it holds', async () => {
    const name = `veredicto-v3-${process.pid}`;
    const evaluation = sampleEvaluation('median');
    const v3 = await openDB(name, 3, {
      upgrade(db) {
        for (const store of [S.evaluations, S.tasks, S.settings, S.practice, S.attempts, S.drafts]) db.createObjectStore(store);
        db.createObjectStore(S.quarantine, { autoIncrement: true });
      },
    });
    await v3.put(S.evaluations, { v: 1, data: evaluation, savedAt: '2026-03-01T00:00:00.000Z', seq: 2 }, 'median');
    v3.close();
    const db = await openDatabase(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining([S.teamWork, S.teamQueues, S.outbox]));
    expect((await listEvaluations(db)).value).toEqual([evaluation]);
    db.close();
  });

  it('keeps a team evaluation apart from the local one of the same task', async () => {
    const db = await freshDatabase();
    const local = sampleEvaluation('median');
    await saveEvaluation(db, local);
    const team = evaluationReducer(sampleEvaluation('median'), { type: 'submit' }, '2026-03-02T00:00:00.000Z');
    await saveTeamEvaluation(db, teamKey('p1', 'a1'), team);
    expect((await loadEvaluation(db, 'median')).value).toEqual(local);
    expect((await loadTeamEvaluation(db, teamKey('p1', 'a1'))).value).toEqual(team);
    db.close();
  });

  it('stores outbox items with their state, and refuses one that is not an evaluation', async () => {
    const db = await freshDatabase();
    const item: OutboxItem = {
      id: '6f1c2b9e-3d4a-4b5c-8d7e-9f0a1b2c3d4e',
      projectId: 'p1',
      assignmentId: 'a1',
      evaluation: evaluationReducer(sampleEvaluation('median'), { type: 'submit' }, '2026-03-02T00:00:00.000Z'),
      locale: 'es-CL',
      state: 'queued',
      queuedAt: '2026-03-02T00:00:00.000Z',
      attempts: 0,
    };
    await putOutbox(db, [item]);
    await putOutbox(db, [{ ...item, state: 'accepted', acceptedAt: '2026-03-02T00:01:00.000Z', attempts: 1 }]);
    expect((await listOutbox(db)).value).toEqual([{ ...item, state: 'accepted', acceptedAt: '2026-03-02T00:01:00.000Z', attempts: 1 }]);
    await expect(putOutbox(db, [{ ...item, id: 'x', evaluation: { nope: true } as never }])).rejects.toThrow();
    db.close();
  });
});
