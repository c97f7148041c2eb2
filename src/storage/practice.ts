// Practice mode's records: the trainer's practice evaluations (same shape as real ones, in their own
// store so exports of training data never include them) and one attempt per submitted practice task.
import { EVALUATION_SCHEMA_VERSION, evaluationSchema, upgradeEvaluation, type Evaluation } from '../domain/evaluation.js';
import { practiceAttemptSchema, type PracticeAttempt } from '../domain/progress.js';
import { defineRecord, getAllRecords, getRecord, putRecords, type Loaded, type LoadedOne, type SaveReceipt, type VeredictoDB } from './database.js';
import { STORAGE_KEYS } from './keys.js';

export const PRACTICE_EVALUATION_RECORD = defineRecord<Evaluation>({
  store: STORAGE_KEYS.stores.practice,
  version: EVALUATION_SCHEMA_VERSION,
  schema: evaluationSchema,
  migrations: [upgradeEvaluation],
  keyOf: (e) => e.taskId,
});

export const ATTEMPT_RECORD = defineRecord<PracticeAttempt>({
  store: STORAGE_KEYS.stores.attempts,
  version: 1,
  schema: practiceAttemptSchema,
  migrations: [],
  keyOf: attemptKey,
});

export function attemptKey(a: Pick<PracticeAttempt, 'taskId' | 'at'>): string {
  return `${a.at}|${a.taskId}`;
}

export function loadPracticeEvaluation(db: VeredictoDB, taskId: string): Promise<LoadedOne<Evaluation | undefined>> {
  return getRecord(db, PRACTICE_EVALUATION_RECORD, taskId);
}

export async function savePracticeEvaluation(db: VeredictoDB, e: Evaluation, expectedSeq?: number): Promise<SaveReceipt> {
  const [receipt] = await putRecords(db, PRACTICE_EVALUATION_RECORD, [{ key: e.taskId, value: e, ...(expectedSeq === undefined ? {} : { expectedSeq }) }]);
  return receipt!;
}

export function listAttempts(db: VeredictoDB): Promise<Loaded<PracticeAttempt[]>> {
  return getAllRecords(db, ATTEMPT_RECORD);
}

export async function saveAttempt(db: VeredictoDB, a: PracticeAttempt): Promise<SaveReceipt> {
  const [receipt] = await putRecords(db, ATTEMPT_RECORD, [{ key: attemptKey(a), value: a }]);
  return receipt!;
}
