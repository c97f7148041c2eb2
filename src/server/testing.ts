// For tests and benchmarks of the team server: small task files, accounts, and a client that signs
// in and calls the API the way the SPA does (JSON, the same-origin header, the session cookie),
// either in process (Fastify's inject) or over HTTP. Not used by the product.
import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { evaluationReducer, newEvaluation, type Evaluation, type SeenResult } from '../domain/evaluation.js';
import type { Task } from '../domain/task.js';
import type { DB, Role } from '../db/schema.js';
import type { Database, DatabaseKind } from '../db/connect.js';
import { SCRATCH, type Scratch } from '../db/testing.js';
import { buildServer } from './app.js';
import { hashPassword } from './passwords.js';

export const PASSWORD = 'correct horse battery';

/** A JavaScript task: solution `good` passes both tests, `bad` fails the hidden one; gold optional. */
export function taskFile(id: string, options: { gold?: boolean } = {}): { name: string; text: string } {
  const task = {
    schemaVersion: 1,
    id,
    title: { en: `Task ${id}`, 'es-CL': `Tarea ${id}` },
    prompt: { en: 'Return `a + b`.', 'es-CL': 'Retorna `a + b`.' },
    entryPoint: 'add',
    tests: [
      { name: 'small', kind: 'call', args: [1, 2], expected: 3 },
      { name: 'big', kind: 'call', args: [1e9, 1], expected: 1000000001, hidden: true },
    ],
    solutions: [
      { id: 'good', label: 'Model A', language: 'javascript', code: 'function add(a, b) { return a + b; }' },
      { id: 'bad', label: 'Model B', language: 'javascript', code: 'function add(a, b) { return a < 100 ? a + b : 0; }' },
    ],
    ...(options.gold ? { gold: { ranking: [['good'], ['bad']], critiques: { bad: { en: 'Drops big numbers.', 'es-CL': 'Pierde los números grandes.' } } } } : {}),
  };
  return { name: `${id}.json`, text: JSON.stringify(task) };
}

/** Seen results as the SPA would record them for `taskFile`'s solutions (what really happens). */
export function honestResults(now: string): Record<string, SeenResult> {
  return {
    good: { verdict: 'passed', tests: [{ name: 'small', hidden: false, status: 'passed', own: false }, { name: 'big', hidden: true, status: 'passed', own: false }], ranAt: now },
    bad: { verdict: 'failed', tests: [{ name: 'small', hidden: false, status: 'passed', own: false }, { name: 'big', hidden: true, status: 'failed', own: false }], ranAt: now },
  };
}

/** A complete submitted evaluation of a `taskFile` task (ranks, scores, critiques, results). */
export function submittedEvaluation(taskId: string, results: Record<string, SeenResult> = honestResults('2026-01-01T00:00:00.000Z')): Evaluation {
  const now = '2026-01-01T00:00:00.000Z';
  let e = newEvaluation(taskId, 'es-CL', now);
  for (const [solutionId, rank] of [['good', 1], ['bad', 2]] as const) {
    e = evaluationReducer(e, { type: 'rank', solutionId, rank }, now);
    for (const criterion of ['correctness', 'efficiency', 'readability', 'robustness']) e = evaluationReducer(e, { type: 'score', solutionId, criterion, score: rank === 1 ? 5 : 2 }, now);
    e = evaluationReducer(e, { type: 'critique', solutionId, text: rank === 1 ? 'Correcta.' : 'Falla con números grandes.', locale: 'es-CL' }, now);
  }
  for (const [solutionId, result] of Object.entries(results)) e = evaluationReducer(e, { type: 'results', solutionId, result }, now);
  e = evaluationReducer(e, { type: 'justification', text: 'A es correcta.', locale: 'es-CL' }, now);
  e = evaluationReducer(e, { type: 'activeTime', ms: 90_000 }, now);
  return evaluationReducer(e, { type: 'submit' }, now);
}

let hash: Promise<string> | undefined;
/** Accounts with PASSWORD (hashed once per process: scrypt is slow on purpose). */
export async function addUsers(db: Kysely<DB>, users: readonly { email: string; role: Role }[]): Promise<string[]> {
  const password_hash = await (hash ??= hashPassword(PASSWORD));
  const rows = await db.insertInto('users').values(users.map((u) => ({ ...u, password_hash }))).returning(['id', 'email']).execute();
  return users.map((u) => rows.find((r) => r.email === u.email)!.id);
}

export async function addMembers(db: Kysely<DB>, projectId: string, userIds: readonly string[]): Promise<void> {
  if (userIds.length) await db.insertInto('memberships').values(userIds.map((user_id) => ({ project_id: projectId, user_id }))).execute();
}

export type Answer = { status: number; body: any; text: string; headers: Record<string, string | string[] | undefined> };
type Send = (method: string, url: string, body: unknown, headers: Record<string, string>) => Promise<{ status: number; text: string; headers: Record<string, string | string[] | undefined> }>;

/** One user's view of the API: keeps its session cookie like a browser would. */
export class ApiClient {
  cookie = '';
  constructor(private readonly send: Send) {}

  static inject(app: FastifyInstance): ApiClient {
    return new ApiClient(async (method, url, body, headers) => {
      const r = await app.inject({ method: method as 'GET', url, headers, ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
      return { status: r.statusCode, text: r.body, headers: r.headers as Record<string, string> };
    });
  }

  /** Over HTTP with node:http and a kept-alive connection: far less client CPU than fetch, for benchmarks. */
  static http(base: string, agent = new http.Agent({ keepAlive: true, maxSockets: 4 })): ApiClient {
    const origin = new URL(base);
    return new ApiClient(
      (method, url, body, headers) =>
        new Promise((resolve, reject) => {
          const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
          const req = http.request({ host: origin.hostname, port: origin.port, path: url, method, agent, headers: { ...headers, ...(payload !== undefined ? { 'content-length': Buffer.byteLength(payload) } : {}) } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
            res.on('error', reject);
          });
          req.on('error', reject);
          req.end(payload);
        }),
    );
  }

  async request(method: string, url: string, body?: unknown, extra: Record<string, string> = {}): Promise<Answer> {
    const headers: Record<string, string> = { 'x-veredicto': '1', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(this.cookie ? { cookie: this.cookie } : {}), ...extra };
    const r = await this.send(method, url, body, headers);
    const set = r.headers['set-cookie'];
    for (const c of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair] = c.split(';');
      if (pair!.startsWith('veredicto_session=')) this.cookie = /=$/.test(pair!) || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c) ? '' : pair!;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(r.text);
    } catch {
      parsed = undefined;
    }
    return { status: r.status, body: parsed, text: r.text, headers: r.headers };
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body: unknown = {}) => this.request('POST', url, body);

  async login(email: string, password = PASSWORD): Promise<Answer> {
    return this.post('/api/auth/login', { email, password });
  }
}

export type { Task };

export type TestServer<U extends string> = {
  scratch: Scratch;
  database: Database;
  app: FastifyInstance;
  /** Each account's id. */
  ids: Record<U, string>;
  /** Each account signed in (`anon`: no session), as the SPA calls the API. */
  as: Record<U | 'anon', ApiClient>;
  close(): Promise<void>;
};

/**
 * The server tests' common start: a fresh database of `kind`, the app on it (in process), and one
 * account per entry of `users` (email `<name in lower case>@x.cl`, PASSWORD), each signed in.
 */
export async function startTestServer<U extends string>(kind: DatabaseKind, users: Record<U, Role>): Promise<TestServer<U>> {
  const scratch = await SCRATCH[kind]();
  const database = await scratch.open();
  const app = await buildServer({ db: database.db, kind: database.kind, secureCookies: false });
  const names = Object.keys(users) as U[];
  const userIds = await addUsers(database.db, names.map((n) => ({ email: `${n.toLowerCase()}@x.cl`, role: users[n] })));
  const ids = Object.fromEntries(names.map((n, i) => [n, userIds[i]!])) as Record<U, string>;
  const as = { anon: ApiClient.inject(app) } as Record<U | 'anon', ApiClient>;
  for (const n of names) {
    as[n] = ApiClient.inject(app);
    const r = await as[n].login(`${n.toLowerCase()}@x.cl`);
    if (r.status !== 200) throw new Error(`sign-in of ${n}: ${r.status} ${r.text}`);
  }
  return {
    scratch,
    database,
    app,
    ids,
    as,
    close: async () => {
      await app.close();
      await database.close();
      await scratch.drop();
    },
  };
}
