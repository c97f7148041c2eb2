// The outbox: submitted team evaluations wait in IndexedDB until the server acknowledges each one
// by its upload id. Sent in batches; a dropped connection, a 503 or a closed tab leaves an item
// queued for the next try (on reconnect, on a timer, on the next start); the server stores a
// repeated id once, so retrying is always safe. Only an acknowledgement changes an item to accepted.
import type { Evaluation } from '../../domain/evaluation.js';
import type { Locale } from '../../domain/task.js';
import type { VeredictoDB } from '../../storage/database.js';
import { listOutbox, putOutbox, type OutboxItem } from '../../storage/teamWork.js';

export type { OutboxItem };
import { Store } from '../store.js';
import { api, TeamError } from './teamApi.js';

export const BATCH = 20;
const RETRY_MS = 10_000;

type Ack = { id: string; status: 'accepted' | 'duplicate' } | { id: string; status: 'rejected'; code: string };
export type OutboxSnapshot = { items: OutboxItem[]; lastError?: string };

export class Outbox extends Store<OutboxSnapshot> {
  private sending: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private loaded: Promise<void>;

  constructor(private readonly db: Promise<VeredictoDB | undefined>) {
    super({ items: [] });
    this.loaded = db.then(async (d) => {
      if (!d) return;
      // An item left `sent` by a closed tab was never acknowledged: it is queued again.
      const items = (await listOutbox(d)).value.map((i) => (i.state === 'sent' ? { ...i, state: 'queued' as const } : i));
      this.set({ items });
    });
    window.addEventListener('online', () => void this.flush());
  }

  private async store(items: OutboxItem[]): Promise<void> {
    const db = await this.db;
    if (db) await putOutbox(db, items);
    const byId = new Map(items.map((i) => [i.id, i]));
    this.set({ items: [...this.snapshot.items.filter((i) => !byId.has(i.id)), ...items].sort((a, b) => a.queuedAt.localeCompare(b.queuedAt)) });
  }

  /** Queues a submitted evaluation (saved before this returns) and tries to send it. */
  async enqueue(projectId: string, assignmentId: string, evaluation: Evaluation, locale: Locale, guidelineVersion?: number): Promise<OutboxItem> {
    await this.loaded;
    const item: OutboxItem = {
      id: crypto.randomUUID(),
      projectId,
      assignmentId,
      evaluation,
      locale,
      state: 'queued',
      queuedAt: new Date().toISOString(),
      attempts: 0,
      ...(guidelineVersion !== undefined ? { guidelineVersion } : {}),
    };
    await this.store([item]);
    void this.flush();
    return item;
  }

  /** Sends everything not yet acknowledged, project by project, BATCH at a time. */
  flush(): Promise<void> {
    this.sending ??= this.send().finally(() => (this.sending = undefined));
    return this.sending;
  }

  private async send(): Promise<void> {
    await this.loaded;
    clearTimeout(this.timer);
    let failed = false;
    for (;;) {
      const pending = this.snapshot.items.filter((i) => i.state === 'queued');
      if (!pending.length || failed) break;
      const projectId = pending[0]!.projectId;
      const batch = pending.filter((i) => i.projectId === projectId).slice(0, BATCH);
      const now = new Date().toISOString();
      await this.store(batch.map((i) => ({ ...i, state: 'sent', sentAt: now, attempts: i.attempts + 1 })));
      try {
        const r = await api<{ acks: Ack[] }>('POST', `/api/projects/${encodeURIComponent(projectId)}/submissions`, {
          items: batch.map((i) => ({ id: i.id, assignmentId: i.assignmentId, evaluation: i.evaluation, ...(i.guidelineVersion !== undefined ? { guidelineVersion: i.guidelineVersion } : {}) })),
        });
        const acks = new Map(r.acks.map((a) => [a.id, a]));
        const at = new Date().toISOString();
        await this.store(
          batch.map((i) => {
            const a = acks.get(i.id);
            const sent = { ...i, sentAt: now, attempts: i.attempts + 1 };
            if (!a) return { ...sent, state: 'queued' };
            if (a.status === 'rejected') return { ...sent, state: 'rejected', code: a.code };
            return { ...sent, state: 'accepted', acceptedAt: at };
          }),
        );
        this.set({ lastError: undefined });
      } catch (e) {
        const code = e instanceof TeamError ? e.code : 'network';
        // A refusal of the whole batch that a retry cannot change (not signed in is not one: the
        // trainer signs in again and the batch goes).
        const final = e instanceof TeamError && (e.status === 400 || e.status === 404 || e.status === 403);
        await this.store(batch.map((i) => ({ ...i, state: final ? 'rejected' : 'queued', code, sentAt: now, attempts: i.attempts + 1 })));
        this.set({ lastError: code });
        failed = !final;
      }
    }
    if (this.snapshot.items.some((i) => i.state === 'queued')) this.timer = setTimeout(() => void this.flush(), RETRY_MS);
  }
}
