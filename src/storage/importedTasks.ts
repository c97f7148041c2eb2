// Tasks the trainer imported from a file or wrote in the app, kept so they survive a reload.
// Bundled sample tasks are not stored here; they ship with the app.
import { z } from '../domain/zod.js';
import { LANGUAGES, STORED_ORIGINS, storedTaskId, taskSchema, type StoredOrigin, type Task } from '../domain/task.js';
import { STORAGE_KEYS } from './keys.js';
import { defineRecord, deleteRecord, getAllRecords, putRecords, type Loaded, type SaveReceipt, type VeredictoDB } from './database.js';

export type StoredTask = { task: Task; origin: StoredOrigin; fileName?: string; importedAt: string };

// taskSchema is strict, but a Task converted from a dataset row also carries `metadata` and
// `source`, and keeps the dataset's own id ("HumanEval/0", MBPP's 11); safeExtend keeps
// taskSchema's other checks (duplicate ids, entry points, gold).
export const anyTaskSchema = taskSchema.safeExtend({
  id: storedTaskId,
  metadata: z.record(z.string(), z.unknown()).optional(),
  // `language` arrived with MultiPL-E (rows without a solution); records without it stay valid.
  source: z.object({ shape: z.string(), prompt: z.string(), language: z.enum(LANGUAGES).optional() }).strict().optional(),
});
const storedTaskSchema = z
  .object({
    task: anyTaskSchema,
    origin: z.enum(STORED_ORIGINS),
    fileName: z.string().max(1000).optional(),
    importedAt: z.string(),
  })
  .strict();

export const IMPORTED_TASK_RECORD = defineRecord<StoredTask>({
  store: STORAGE_KEYS.stores.tasks,
  version: 1,
  schema: storedTaskSchema,
  migrations: [],
  keyOf: (r) => r.task.id,
});

export function listImportedTasks(db: VeredictoDB): Promise<Loaded<StoredTask[]>> {
  return getAllRecords(db, IMPORTED_TASK_RECORD);
}

/** One transaction: all records are written, or none (one invalid task rejects the batch). */
export function saveImportedTasks(db: VeredictoDB, records: readonly StoredTask[]): Promise<SaveReceipt[]> {
  return putRecords(db, IMPORTED_TASK_RECORD, records.map((r) => ({ key: r.task.id, value: r })));
}

/** Removes the task only; the trainer's evaluation of it stays. */
export function deleteImportedTask(db: VeredictoDB, taskId: string): Promise<void> {
  return deleteRecord(db, STORAGE_KEYS.stores.tasks, taskId);
}
