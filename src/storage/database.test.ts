import { afterEach, describe, expect, it } from 'vitest';
import { z } from '../domain/zod.js';
import { STORAGE_KEYS } from './keys.js';
import {
  DB_VERSION,
  decodeRecord,
  defineRecord,
  isQuotaError,
  listQuarantined,
  type VeredictoDB,
} from './database.js';
import { EVALUATION_RECORD, loadEvaluation, saveEvaluation } from './evaluations.js';
import { IMPORTED_TASK_RECORD } from './importedTasks.js';
import { SETTINGS } from './settings.js';
import { freshDatabase, sampleEvaluation } from './testing.js';

const S = STORAGE_KEYS.stores;
let db: VeredictoDB | undefined;
afterEach(() => db?.close());

/**
 * An evaluation record exactly as version 1 of the app writes it. Frozen: never edit it. When the
 * evaluation version goes to 2, add a v2 fixture and keep this one, which must still load.
 */
const EVALUATION_RECORD_V1 = {
  v: 1,
  seq: 3,
  savedAt: '2025-01-01T00:03:00.000Z',
  data: {
    schemaVersion: 1,
    taskId: 'add-two',
    status: 'submitted',
    judgement: {
      ranks: { a: 1, b: 2 },
      scores: { a: { correctness: 5 } },
      critiques: { b: { text: 'Resta en vez de sumar.', locale: 'es-CL' } },
      reasons: {},
      justification: { text: 'A is correct.', locale: 'en' },
      taskFlags: [],
      solutionFlags: {},
      ownTests: [{ name: 'negatives', kind: 'call', args: [-1, -2], expected: -3 }],
      results: {},
    },
    activeMs: 120000,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:03:00.000Z',
    submittedAt: '2025-01-01T00:03:00.000Z',
    revisions: [],
  },
};

/** An evaluation record as version 2 writes it (answers' judging). Frozen too. */
const EVALUATION_RECORD_V2 = {
  v: 2,
  seq: 1,
  savedAt: '2026-12-02T00:03:00.000Z',
  data: {
    ...EVALUATION_RECORD_V1.data,
    schemaVersion: 2,
    judgement: {
      ...EVALUATION_RECORD_V1.data.judgement,
      ratings: { a: { correctness: { severity: 'minor', note: { text: 'sin casos borde', locale: 'es-CL' } } } },
      preference: { a: 'a', b: 'b', strength: -2 },
      lineComments: [{ id: 'c1', solutionId: 'b', startLine: 2, endLine: 2, codeHash: 'fnv1a32:0badc0de', text: { text: 'resta', locale: 'es-CL' } }],
      rewrite: { from: 'a', markdown: 'Claro:\n\n```python\ndef add(a, b):\n    return a + b\n```', exemption: { text: 'las pruebas están mal', locale: 'es-CL' } },
    },
  },
};

describe('database', () => {
  it('opens at the current version with every store named in keys.ts', async () => {
    db = await freshDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(Object.values(S).sort());
  });

  it('reads a frozen v1 evaluation record through the migration list', async () => {
    db = await freshDatabase();
    await db.put(S.evaluations, structuredClone(EVALUATION_RECORD_V1), 'add-two');
    const { value, problems } = await loadEvaluation(db, 'add-two');
    expect(problems).toEqual([]);
    // Version 2 adds the answers' judging fields, empty; everything version 1 held is kept.
    const data = EVALUATION_RECORD_V1.data;
    expect(value).toEqual({ ...data, schemaVersion: 2, judgement: { ...data.judgement, ratings: {}, lineComments: [] } });
  });

  it('reads a frozen v2 evaluation record as it is', async () => {
    db = await freshDatabase();
    await db.put(S.evaluations, structuredClone(EVALUATION_RECORD_V2), 'add-two');
    const { value, problems } = await loadEvaluation(db, 'add-two');
    expect(problems).toEqual([]);
    expect(value).toEqual(EVALUATION_RECORD_V2.data);
  });

  it('every record kind has one migration per version step', () => {
    for (const kind of [EVALUATION_RECORD, IMPORTED_TASK_RECORD, ...Object.values(SETTINGS)])
      expect(kind.migrations).toHaveLength(kind.version - 1);
    expect(() => defineRecord({ store: S.settings, version: 2, schema: z.string(), migrations: [] })).toThrow(/needs 1 migration/);
  });

  describe('decodeRecord with a kind at version 2', () => {
    // v1 stored { name }, v2 stores { title }.
    const kind = defineRecord({
      store: S.settings,
      version: 2,
      schema: z.object({ title: z.string() }).strict(),
      migrations: [
        (data) => {
          const { name } = data as { name: unknown };
          if (typeof name !== 'string') throw new Error('no name');
          return { title: name };
        },
      ],
    });
    const wrap = (v: number, data: unknown) => ({ v, data, savedAt: 'x', seq: 1 });

    it('migrates v1 data up and validates the result', () => {
      expect(decodeRecord(kind, 'k', wrap(1, { name: 'a' }))).toEqual({ ok: true, value: { title: 'a' } });
      expect(decodeRecord(kind, 'k', wrap(2, { title: 'b' }))).toEqual({ ok: true, value: { title: 'b' } });
    });

    it('reports, never throws, on a failing migration, a newer record or no envelope', () => {
      const reason = (record: unknown) => {
        const d = decodeRecord(kind, 'k', record);
        return d.ok ? 'ok' : d.problem.reason;
      };
      expect(reason(wrap(1, { nom: 'a' }))).toBe('migration');
      expect(reason(wrap(3, { title: 'c' }))).toBe('newer');
      expect(reason({ title: 'bare' })).toBe('envelope');
      expect(reason(wrap(2, { title: 1 }))).toBe('invalid');
    });
  });

  it('counts saves per key in seq', async () => {
    db = await freshDatabase();
    const e = sampleEvaluation();
    expect((await saveEvaluation(db, e)).seq).toBe(1);
    expect((await saveEvaluation(db, e)).seq).toBe(2);
    expect(await db.get(S.evaluations, e.taskId)).toMatchObject({ v: EVALUATION_RECORD.version, seq: 2, data: e });
  });

  it('moves an unreadable record to quarantine before overwriting it', async () => {
    db = await freshDatabase();
    const broken = { v: 1, seq: 7, savedAt: 'x', data: { taskId: 'add-two', half: 'written' } };
    await db.put(S.evaluations, broken, 'add-two');
    expect((await saveEvaluation(db, sampleEvaluation())).seq).toBe(8);
    expect(await listQuarantined(db)).toEqual([expect.objectContaining({ store: S.evaluations, key: 'add-two', record: broken })]);
  });
});

describe('isQuotaError', () => {
  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

  it('finds QuotaExceededError by name, directly or wrapped', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(Object.assign(new DOMException('aborted', 'AbortError'), { cause: quota() }))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', error: quota() })).toBe(true); // a transaction
    expect(isQuotaError({ type: 'abort', target: { error: quota() } })).toBe(true); // an abort event
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
  });

  it('is false for other errors, and survives cycles', () => {
    expect(isQuotaError(new DOMException('aborted', 'AbortError'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
    const a: { name: string; cause?: unknown } = { name: 'AbortError' };
    a.cause = { cause: a };
    expect(isQuotaError(a)).toBe(false);
  });
});
