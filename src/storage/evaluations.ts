// Trainers' evaluations, one record per task (keyed by taskId). This is the training data: reads
// skip and report what fails validation, writes validate first, nothing is deleted except by
// `deleteAllData`, which only an explicit user action may call.
import { EVALUATION_SCHEMA_VERSION, evaluationSchema, upgradeEvaluation, type Evaluation } from '../domain/evaluation.js';
import { STORAGE_KEYS } from './keys.js';
import { defineRecord, getAllRecords, getRecord, putRecords, type Loaded, type LoadedOne, type SaveReceipt, type VeredictoDB } from './database.js';

/**
 * The record's version is the model's schemaVersion: when the domain bumps it, append the
 * migration that turns version N data into N + 1 here (defineRecord refuses to load without it).
 */
export const EVALUATION_RECORD = defineRecord<Evaluation>({
  store: STORAGE_KEYS.stores.evaluations,
  version: EVALUATION_SCHEMA_VERSION,
  schema: evaluationSchema,
  migrations: [upgradeEvaluation],
  keyOf: (e) => e.taskId,
});

export function loadEvaluation(db: VeredictoDB, taskId: string): Promise<LoadedOne<Evaluation | undefined>> {
  return getRecord(db, EVALUATION_RECORD, taskId);
}

export function listEvaluations(db: VeredictoDB): Promise<Loaded<Evaluation[]>> {
  return getAllRecords(db, EVALUATION_RECORD);
}

/**
 * Throws StorageError('invalid') without writing if `e` fails the schema, and StorageError('stale')
 * if `expectedSeq` is given and another tab saved this evaluation since.
 */
export async function saveEvaluation(db: VeredictoDB, e: Evaluation, expectedSeq?: number): Promise<SaveReceipt> {
  const [receipt] = await putRecords(db, EVALUATION_RECORD, [{ key: e.taskId, value: e, ...(expectedSeq === undefined ? {} : { expectedSeq }) }]);
  return receipt!;
}

/** For import: every evaluation is written, or (one invalid, or any failure) none is. */
export async function putEvaluations(db: VeredictoDB, list: readonly Evaluation[]): Promise<SaveReceipt[]> {
  return putRecords(db, EVALUATION_RECORD, list.map((e) => ({ key: e.taskId, value: e })));
}

/** Wipes every store (evaluations, tasks, settings, quarantine) in one transaction. */
export async function deleteAllData(db: VeredictoDB): Promise<void> {
  const stores = Object.values(STORAGE_KEYS.stores);
  const tx = db.transaction(stores, 'readwrite');
  await Promise.all([...stores.map((s) => tx.objectStore(s).clear()), tx.done]);
}
