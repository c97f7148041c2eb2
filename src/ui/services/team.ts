// Team mode's state, outside React: whether this page came from a team server (its page carries
// the server's mark) or is the local workbench, who is signed in, the projects, each project's queue (kept in
// IndexedDB so a trainer can go on offline), and the outbox. Local-only use never calls the API.
import type { Evaluation } from '../../domain/evaluation.js';
import type { Locale, Task } from '../../domain/task.js';
import type { VeredictoDB } from '../../storage/database.js';
import { loadQueue, saveQueue, type Lease, type TeamQueue } from '../../storage/teamWork.js';

export type { Lease, TeamQueue };
import { readLocal, writeLocal } from '../../storage/webStorage.js';
import { Store } from '../store.js';
import { refreshIfStale } from './appUpdate.js';
import { Outbox } from './outbox.js';
import { api, TeamError } from './teamApi.js';

export type Role = 'admin' | 'reviewer' | 'trainer';
export type Me = { id: string; email: string; role: Role; locale: Locale };
export type ProjectSummary = { id: string; name: string; overlap: number; goldShare: number; timeLimitMinutes: number | null; leaseMinutes: number; pausedAt?: string | null; tasks?: number; submitted?: number };
/** Why no new tasks come: the project is paused, or this trainer is (by a lead, or by the gold rule with its figures). */
export type QueuePause = { kind: 'project' | 'lead' | 'gold'; score?: number | null; threshold?: number | null };
/** A queue as the screen shows it: what is kept for offline use, and what the server said just now about pausing (not kept: offline, it is unknown). */
export type TeamQueueView = TeamQueue & { pause?: QueuePause };
export type TeamStatus = 'checking' | 'local' | 'signedOut' | 'signedIn';
export type TeamSnapshot = { status: TeamStatus; online: boolean; me?: Me; db?: 'pglite' | 'postgres' };

const FLAG = 'veredicto.team';

export class Team extends Store<TeamSnapshot> {
  readonly outbox: Outbox;
  readonly ready: Promise<void>;

  constructor(
    private readonly db: Promise<VeredictoDB | undefined>,
    /** Saves open work before a reload onto a newer app. */
    private readonly beforeReload: () => Promise<void> = async () => undefined,
  ) {
    super({ status: 'checking', online: navigator.onLine });
    this.outbox = new Outbox(db);
    this.ready = this.start();
    window.addEventListener('online', () => {
      this.set({ online: true });
      if (this.snapshot.status !== 'local') void this.start();
    });
    window.addEventListener('offline', () => this.set({ online: false }));
  }

  private remembered(): Me | undefined {
    try {
      const v = JSON.parse(readLocal(FLAG) ?? 'null') as { me?: Me } | null;
      return v?.me;
    } catch {
      return undefined;
    }
  }

  private remember(me: Me | undefined): void {
    writeLocal(FLAG, JSON.stringify(me ? { me } : {}));
  }

  private async start(): Promise<void> {
    // Only a page a team server served (its mark, kept by the service worker too) asks the API:
    // the local workbench makes no request that could fail.
    if (!document.querySelector('meta[name="veredicto-team"]')) return this.set({ status: 'local' });
    let health: { ok: boolean; db: 'pglite' | 'postgres'; app?: string } | undefined;
    try {
      const res = await fetch('/api/health', { cache: 'no-store', headers: { accept: 'application/json' } });
      const type = res.headers.get('content-type') ?? '';
      if (type.includes('json')) health = (await res.json()) as typeof health;
    } catch {
      /* no answer: offline, or the server is down */
    }
    if (!health) {
      // Offline or the server is down: go on as the trainer last signed in.
      const me = this.remembered();
      return this.set(me ? { status: 'signedIn', me, online: false } : { status: 'signedOut', online: false });
    }
    this.set({ db: health.db, online: true });
    void refreshIfStale(health.app, this.beforeReload);
    try {
      const me = await api<Me>('GET', '/api/auth/me');
      this.remember(me);
      this.set({ status: 'signedIn', me });
      void this.outbox.flush();
    } catch (e) {
      if (e instanceof TeamError && e.status === 401) {
        this.remember(undefined);
        this.set({ status: 'signedOut', me: undefined });
      } else {
        const me = this.remembered();
        this.set(me ? { status: 'signedIn', me, online: false } : { status: 'signedOut', online: false });
      }
    }
  }

  async signIn(email: string, password: string): Promise<void> {
    const me = await api<Me>('POST', '/api/auth/login', { email, password });
    this.remember(me);
    this.set({ status: 'signedIn', me, online: true });
    void this.outbox.flush();
  }

  async join(token: string, email: string, password: string, locale: Locale): Promise<void> {
    const me = await api<Me>('POST', '/api/invites/accept', { token, email, password, locale });
    this.remember(me);
    this.set({ status: 'signedIn', me, online: true });
  }

  async signOut(): Promise<void> {
    await api('POST', '/api/auth/logout').catch(() => undefined);
    this.remember(undefined);
    this.set({ status: 'signedOut', me: undefined });
  }

  /** The project's queue from the server (kept for offline use), or the kept one when offline. */
  async queue(projectId: string, checkout = 0): Promise<TeamQueueView> {
    const db = await this.db;
    try {
      const { project, guidelines, paused } = await api<{ project: ProjectSummary; guidelines: TeamQueue['guidelines']; paused?: { by: 'lead' | 'gold'; score: number | null; threshold: number | null } }>(
        'GET',
        `/api/projects/${encodeURIComponent(projectId)}`,
      );
      const pause: QueuePause | undefined = project.pausedAt ? { kind: 'project' } : paused ? { kind: paused.by, score: paused.score, threshold: paused.threshold } : undefined;
      const leases =
        checkout > 0
          ? await api<{ assignments: Lease[] }>('POST', `/api/projects/${encodeURIComponent(projectId)}/checkout`, { count: checkout })
          : this.snapshot.me?.role === 'trainer'
            ? await api<{ assignments: Lease[] }>('GET', `/api/projects/${encodeURIComponent(projectId)}/assignments`)
            : { assignments: [] };
      const all = checkout > 0 ? await api<{ assignments: Lease[] }>('GET', `/api/projects/${encodeURIComponent(projectId)}/assignments`) : leases;
      const queue: TeamQueue = { projectId, name: project.name, guidelines, timeLimitMinutes: project.timeLimitMinutes, assignments: all.assignments, fetchedAt: new Date().toISOString() };
      if (db) await saveQueue(db, queue).catch(() => undefined);
      this.set({ online: true });
      return pause ? { ...queue, pause } : queue;
    } catch (e) {
      if (!(e instanceof TeamError) || (e.status !== 0 && e.status < 500)) throw e;
      this.set({ online: false });
      const kept = db ? (await loadQueue(db, projectId)).value : undefined;
      if (!kept) throw e;
      return kept;
    }
  }

  /** A lease and its task from the kept queue (works offline). */
  async lease(projectId: string, assignmentId: string): Promise<{ lease: Lease; queue: TeamQueue } | undefined> {
    const db = await this.db;
    const queue = db ? (await loadQueue(db, projectId)).value : undefined;
    const lease = queue?.assignments.find((a) => a.id === assignmentId);
    return lease && queue ? { lease, queue } : undefined;
  }

  /** The project's guidelines as last fetched (works offline). */
  async guidelines(projectId: string): Promise<TeamQueue['guidelines'] | undefined> {
    const db = await this.db;
    return db ? (await loadQueue(db, projectId)).value?.guidelines : undefined;
  }

  async skip(projectId: string, assignmentId: string, reason: string): Promise<void> {
    await api('POST', `/api/projects/${encodeURIComponent(projectId)}/assignments/${encodeURIComponent(assignmentId)}/skip`, { reason });
  }

  /** A submitted team evaluation goes to the outbox (and from there to the server). */
  submitted(projectId: string, assignmentId: string, evaluation: Evaluation, locale: Locale, guidelineVersion?: number): Promise<unknown> {
    return this.outbox.enqueue(projectId, assignmentId, evaluation, locale, guidelineVersion);
  }
}

export type TeamRef = { projectId: string; assignmentId: string; task: Task; guidelineVersion: number };
