// Where the editor keeps drafts (IndexedDB, or this tab's memory when the browser refuses it) and
// how a finished task reaches the workbench: saved with the imported tasks as origin 'authored'
// and added to the catalog, so the task list and practice show it at once.
import type { Draft } from '../../domain/draft.js';
import type { Task } from '../../domain/task.js';
import type { Holder } from '../../domain/taskIds.js';
import type { StorageProblem, VeredictoDB } from '../../storage/database.js';
import { deleteDraft, listDrafts, loadDraft, saveDraft, saveDrafts } from '../../storage/drafts.js';
import { deleteImportedTask, saveImportedTasks } from '../../storage/importedTasks.js';
import type { Services } from './services.js';

export class DraftStore {
  /** Used only when IndexedDB is unavailable: drafts then last as long as the tab. */
  private readonly memory = new Map<string, Draft>();

  constructor(private readonly db: Promise<VeredictoDB | undefined>) {}

  /** False when drafts cannot outlive this tab. */
  async persistent(): Promise<boolean> {
    return (await this.db) !== undefined;
  }

  async list(): Promise<{ drafts: Draft[]; problems: StorageProblem[] }> {
    const db = await this.db;
    if (!db) return { drafts: [...this.memory.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)), problems: [] };
    const { value, problems } = await listDrafts(db);
    return { drafts: value, problems };
  }

  async load(id: string): Promise<{ draft?: Draft; problems: StorageProblem[] }> {
    const db = await this.db;
    if (!db) return { draft: this.memory.get(id), problems: [] };
    const { value, problems } = await loadDraft(db, id);
    return { ...(value ? { draft: value } : {}), problems };
  }

  async save(draft: Draft): Promise<void> {
    const db = await this.db;
    if (db) await saveDraft(db, draft);
    else this.memory.set(draft.id, draft);
  }

  async saveMany(drafts: readonly Draft[]): Promise<void> {
    const db = await this.db;
    if (db) await saveDrafts(db, drafts);
    else for (const d of drafts) this.memory.set(d.id, d);
  }

  async delete(id: string): Promise<void> {
    const db = await this.db;
    if (db) await deleteDraft(db, id);
    this.memory.delete(id);
  }
}

const stores = new WeakMap<Services, DraftStore>();

export function draftStore(services: Services): DraftStore {
  let store = stores.get(services);
  if (!store) stores.set(services, (store = new DraftStore(services.db)));
  return store;
}

/** A new draft id: short, unique, safe in a URL. */
export function newDraftId(): string {
  const random = globalThis.crypto?.randomUUID?.().replace(/-/g, '').slice(0, 10) ?? Math.random().toString(36).slice(2, 12);
  return `d${Date.now().toString(36)}${random}`;
}

/** A new key for a test or solution row (stable while the author edits the row). */
export function newRowKey(): string {
  return `k${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Every task id in use and who uses it: the catalog (bundled, imported, authored) and the drafts
 * (by the id in their form). `exceptDraft` leaves out one draft, the one being saved.
 */
export function takenIds(services: Services, drafts: readonly Draft[], exceptDraft?: string): Map<string, Holder[]> {
  const taken = new Map<string, Holder[]>();
  const add = (id: string, h: Holder) => {
    const list = taken.get(id) ?? [];
    if (!list.includes(h)) list.push(h);
    taken.set(id, list);
  };
  for (const e of services.catalog.snapshot.entries) add(e.task.id, e.origin);
  for (const d of drafts) if (d.id !== exceptDraft && d.form.id.trim()) add(d.form.id.trim(), 'draft');
  return taken;
}

/** Saves valid tasks to the workbench (all or nothing) and lists them at once. */
export async function publishTasks(services: Services, tasks: readonly Task[]): Promise<void> {
  const importedAt = new Date().toISOString();
  const records = tasks.map((task) => ({ task, origin: 'authored' as const, importedAt }));
  const db = await services.db;
  if (db) await saveImportedTasks(db, records);
  services.catalog.addEntries(records.map((r) => ({ task: r.task, origin: r.origin })));
}

/**
 * Takes an imported or authored task out of the workbench (its evaluation, if any, is kept). Drafts
 * it was published from go back to being drafts only, unless the caller is the draft itself
 * (saving under a new id), which stamps its own new state.
 */
export async function removeTask(services: Services, taskId: string, { fromDraft = false } = {}): Promise<void> {
  const db = await services.db;
  if (db) await deleteImportedTask(db, taskId);
  services.catalog.removeEntry(taskId);
  if (fromDraft) return;
  const store = draftStore(services);
  const { drafts } = await store.list();
  const unpublished = drafts.filter((d) => d.published?.taskId === taskId).map(({ published: _, ...d }) => d);
  if (unpublished.length) await store.saveMany(unpublished);
}
