// The app's side of the sandbox frame (the page and its inner frame are described in
// sandboxDocument.ts): creates the hidden frame on first use, hands its inner frame one MessagePort,
// and from then on starts, feeds, interrupts and ends runtime workers through that port only. Accepts
// nothing else: a message on the port that is not the frame protocol, or anything the frame posts to
// the page or to its holder, is ignored and reported; a frame that navigates is dropped with its workers.
import type { ToWorker } from '../protocol.js';
import { isFromFrame, type RuntimeBundle, type ToFrame } from './frame.protocol.js';
import { SANDBOX_PATH } from './sandboxDocument.js';

/** How long the sandbox page and its inner frame may take to answer before start-up is failed. */
const CONNECT_TIMEOUT_MS = 20_000;

export type FrameWorkerEvents = { message(data: unknown): void; exit(detail: string): void };

/** A runtime worker inside the frame, as the app holds it. */
export interface FrameWorker {
  send(message: ToWorker): void;
  /** Asks the worker to stop test `test` (Python; see interrupt.ts). */
  interrupt(test: number): void;
  kill(): void;
}

type Connection = { port: MessagePort; close(): void };

export class SandboxFrame {
  private connection: Promise<Connection> | undefined;
  private readonly workers = new Map<number, FrameWorkerEvents>();
  private nextId = 1;

  /** @param stray hears what was ignored: forged or misplaced messages, a navigated frame. */
  constructor(private readonly stray: (detail: string) => void) {}

  spawn(name: string, bundle: () => Promise<RuntimeBundle>, events: FrameWorkerEvents): FrameWorker {
    const id = this.nextId++;
    let state: 'starting' | 'running' | 'gone' = 'starting';
    let port: MessagePort | undefined;
    const pending: ToWorker[] = [];
    const post = (m: ToFrame, transfer: Transferable[] = []) => port?.postMessage(m, transfer);
    this.workers.set(id, {
      message: (data) => {
        if (state !== 'gone') events.message(data);
      },
      exit: (detail) => {
        if (state === 'gone') return;
        state = 'gone';
        this.workers.delete(id);
        events.exit(detail);
      },
    });
    Promise.all([this.connect(), bundle()]).then(
      ([connection, b]) => {
        if (state === 'gone') return;
        port = connection.port;
        post({ type: 'spawn', id, name, entry: b.entry, base: b.base, files: b.files, ...(b.modules ? { modules: b.modules } : {}) });
        state = 'running';
        for (const message of pending.splice(0)) post({ type: 'send', id, message });
      },
      (e: unknown) => this.workers.get(id)?.exit(e instanceof Error ? e.message : String(e)),
    );
    return {
      send: (message) => {
        if (state === 'running') post({ type: 'send', id, message });
        else if (state === 'starting') pending.push(message);
      },
      interrupt: (test) => {
        if (state === 'running') post({ type: 'interrupt', id, test });
      },
      kill: () => {
        if (state === 'running') post({ type: 'kill', id });
        state = 'gone';
        this.workers.delete(id);
      },
    };
  }

  /** Removes the frame and every worker in it; a later spawn starts a new frame. */
  close(): void {
    const connection = this.connection;
    this.connection = undefined;
    void connection?.then((c) => c.close(), () => {});
    for (const worker of [...this.workers.values()]) worker.exit('the sandbox was closed');
  }

  private connect(): Promise<Connection> {
    if (!this.connection) {
      const opening = this.open();
      this.connection = opening;
      opening.catch(() => {
        if (this.connection === opening) this.connection = undefined;
      });
    }
    return this.connection;
  }

  private async open(): Promise<Connection> {
    const host = document.createElement('iframe');
    host.src = new URL(SANDBOX_PATH, new URL(import.meta.env.BASE_URL, location.href)).href;
    host.hidden = true;
    host.tabIndex = -1;
    host.title = 'Veredicto sandbox';
    host.setAttribute('aria-hidden', 'true');
    const cleanups: Array<() => void> = [() => host.remove()];
    const close = () => cleanups.splice(0).forEach((f) => f());
    try {
      const loaded = new Promise<void>((resolve) => host.addEventListener('load', () => resolve(), { once: true }));
      document.body.append(host);
      await withTimeout(loaded, 'the sandbox page did not load');
      const inner = host.contentDocument?.querySelector('iframe');
      const innerWindow = inner?.contentWindow;
      const hostWindow = host.contentWindow;
      if (!inner || !innerWindow || !hostWindow) throw new Error('the sandbox page did not load');

      const channel = new MessageChannel();
      const hello = new Promise<unknown>((resolve) => (channel.port1.onmessage = (e) => resolve(e.data)));
      innerWindow.postMessage('veredicto:port', '*', [channel.port2]);
      const first = await withTimeout(hello, 'the sandbox frame did not start');
      if (!isFromFrame(first) || first.type !== 'hello') throw new Error('the sandbox frame did not start');
      channel.port1.onmessage = (e) => this.receive(e.data);
      cleanups.push(() => channel.port1.close());

      const connection: Connection = { port: channel.port1, close };
      const lost = (detail: string) => () => this.lose(connection, detail);
      // Any later load is a navigation: the frame the app set up is gone.
      const onHostLoad = lost('the sandbox page was navigated');
      const onInnerLoad = lost('the sandbox frame was navigated');
      host.addEventListener('load', onHostLoad);
      inner.addEventListener('load', onInnerLoad);
      const onWindowMessage = (e: MessageEvent) => {
        if (e.source === innerWindow || e.source === hostWindow) this.stray('a message from the sandbox frame outside its channel');
      };
      window.addEventListener('message', onWindowMessage);
      hostWindow.addEventListener('message', onWindowMessage);
      cleanups.push(() => {
        window.removeEventListener('message', onWindowMessage);
        host.removeEventListener('load', onHostLoad);
        inner.removeEventListener('load', onInnerLoad);
      });
      return connection;
    } catch (e) {
      close();
      throw e;
    }
  }

  private receive(data: unknown): void {
    if (!isFromFrame(data) || data.type === 'hello') return this.stray('a malformed message from the sandbox frame');
    // A worker that was killed may still have had something in flight: it is dropped.
    if (data.type === 'messages') for (const m of data.messages) this.workers.get(m.id)?.message(m.data);
    else this.workers.get(data.id)?.exit(data.message);
  }

  /** Drops a frame that no longer is the one set up, with every worker in it; the next spawn makes a new one. */
  private lose(connection: Connection, detail: string): void {
    void this.connection?.then((current) => {
      if (current !== connection) return;
      this.connection = undefined;
      connection.close();
      this.stray(detail);
      for (const worker of [...this.workers.values()]) worker.exit(detail);
    });
  }
}

function withTimeout<T>(promise: Promise<T>, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), CONNECT_TIMEOUT_MS)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
