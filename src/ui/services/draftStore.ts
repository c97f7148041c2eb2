// Where the editor keeps drafts (IndexedDB, or this tab's memory when the browser refuses it):
// listing, loading and saving them, opening one with its autosaver, a draft of an existing task,
// and the ids in use. How a finished task reaches the workbench is workbenchTasks.ts.
import { emptyForm, fingerprint, formFromTask, newDraft, type Draft } from '../../domain/draft.js';
import type { Holder } from '../../domain/taskIds.js';
import type { StorageProblem, VeredictoDB } from '../../storage/database.js';
import { deleteDraft, listDrafts, loadDraft, saveDraft, saveDrafts } from '../../storage/drafts.js';
import { Autosaver, type SaveState } from '../../storage/autosave.js';
import { DraftSession } from './draftSession.js';
import type { Services } from './services.js';

export type { SaveState };
export type DraftSaver = Autosaver<Draft>;
export type OpenedDraft = { session: DraftSession; saver: DraftSaver };

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

/** Opens a stored draft in the editor: its session, with every change saved by its autosaver. */
/** A draft nobody has written anything in ("New task", then nothing): not worth keeping. */
export function isPristine(draft: Draft): boolean {
  return !draft.base && !draft.published && fingerprint(draft.form) === fingerprint(emptyForm());
}

/** The stored drafts, without the pristine ones, which are deleted ("New task" leaves nothing behind). */
export async function listDraftsKept(services: Services): Promise<{ drafts: Draft[]; problems: StorageProblem[] }> {
  const store = draftStore(services);
  const listed = await store.list();
  const empty = listed.drafts.filter(isPristine);
  for (const d of empty) await store.delete(d.id);
  return { drafts: listed.drafts.filter((d) => !empty.includes(d)), problems: listed.problems };
}

export async function openDraft(services: Services, draftId: string): Promise<OpenedDraft | undefined> {
  const store = draftStore(services);
  const { draft } = await store.load(draftId);
  if (!draft) return undefined;
  const saver = new Autosaver<Draft>({ save: (d) => store.save(d) });
  const session = new DraftSession(draft, () => services.runtimes.sandbox, { schedule: (d) => saver.schedule(d), flush: () => saver.flush() }, (languages) =>
    services.runtimes.warmUp(languages),
  );
  return { session, saver };
}

/**
 * The draft to edit an existing task in: the author's own draft of a task they wrote, else the
 * draft made from it before and not yet saved to the workbench (opening the editor again on a
 * bundled task is not a new draft each time), else a new draft of it. Undefined when the catalog
 * does not have the task.
 */
export async function draftForTask(services: Services, taskId: string): Promise<string | undefined> {
  await services.ready; // imported and authored tasks are in the catalog once the database is read
  const entry = services.catalog.find(taskId);
  if (!entry) return undefined;
  const store = draftStore(services);
  const { drafts } = await store.list();
  const own = entry.origin === 'authored' ? drafts.find((d) => d.published?.taskId === taskId) : undefined;
  const earlier = own ?? drafts.find((d) => d.base?.taskId === taskId && !d.published);
  if (earlier) return earlier.id;
  const draft = newDraft(newDraftId(), formFromTask(entry.task), new Date().toISOString(), { taskId, origin: entry.origin });
  await store.save(draft);
  return draft.id;
}
