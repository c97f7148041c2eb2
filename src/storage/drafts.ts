// Drafts of tasks being written in the app (DB v3, store `drafts`): the author's form as typed,
// saved on every change like an evaluation, so a reload loses nothing. A draft need not be a valid
// task; the task it becomes is saved with the imported ones (origin 'authored') only when valid.
import { draftSchema, type Draft } from '../domain/draft.js';
import { STORAGE_KEYS } from './keys.js';
import { defineRecord, deleteRecord, getAllRecords, getRecord, putRecords, type Loaded, type SaveReceipt, type VeredictoDB } from './database.js';

export const DRAFT_RECORD = defineRecord<Draft>({
  store: STORAGE_KEYS.stores.drafts,
  version: 1,
  schema: draftSchema,
  migrations: [],
  keyOf: (d) => d.id,
});

export async function loadDraft(db: VeredictoDB, id: string): Promise<Loaded<Draft | undefined>> {
  const { value, problems } = await getRecord(db, DRAFT_RECORD, id);
  return { value, problems };
}

/** Newest first. */
export async function listDrafts(db: VeredictoDB): Promise<Loaded<Draft[]>> {
  const loaded = await getAllRecords(db, DRAFT_RECORD);
  return { value: loaded.value.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id)), problems: loaded.problems };
}

export async function saveDraft(db: VeredictoDB, draft: Draft): Promise<SaveReceipt> {
  const [receipt] = await putRecords(db, DRAFT_RECORD, [{ key: draft.id, value: draft }]);
  return receipt!;
}

/** One transaction: every draft is written, or none. */
export function saveDrafts(db: VeredictoDB, drafts: readonly Draft[]): Promise<SaveReceipt[]> {
  return putRecords(db, DRAFT_RECORD, drafts.map((d) => ({ key: d.id, value: d })));
}

/** Removes the draft only; a task saved from it to the workbench stays there. */
export function deleteDraft(db: VeredictoDB, id: string): Promise<void> {
  return deleteRecord(db, STORAGE_KEYS.stores.drafts, id);
}
