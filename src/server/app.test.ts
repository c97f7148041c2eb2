// The team server's API, on the real PostgreSQL and on PGlite: every endpoint × every role × another
// project's ids, then checkout, skip, leases, idempotent uploads, validation, limits, exports,
// backup and restore, and a database that is down.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.js';
import { connect } from '../db/connect.js';
import { SCRATCH, type Scratch } from '../db/testing.js';
import { buildServer } from './app.js';
import { createProject, readSources } from './projects.js';
import { addMembers, addUsers, ApiClient, startTestServer, submittedEvaluation, taskFile, type TestServer } from './testing.js';
import { restoreDatabase, dumpDatabase } from './backup.js';

type Who = 'anon' | 'admin' | 'reviewer' | 'trainer' | 'outsider';
const WHO: Who[] = ['anon', 'admin', 'reviewer', 'trainer', 'outsider'];

describe.each(['postgres', 'pglite'] as const)('team server API on %s', (kind) => {
  let scratch: Scratch;
  let database: Database;
  let app: Awaited<ReturnType<typeof buildServer>>;
  const as = {} as Record<Who | 'trainer2' | 'spare', ApiClient>;
  const ids = {} as Record<'admin' | 'reviewer' | 'trainer' | 'trainer2' | 'outsider' | 'spare' | 'A' | 'B', string>;

  let server: TestServer<'admin' | 'reviewer' | 'trainer' | 'trainer2' | 'outsider' | 'spare'>;

  beforeAll(async () => {
    server = await startTestServer(kind, { admin: 'admin', reviewer: 'reviewer', trainer: 'trainer', trainer2: 'trainer', outsider: 'trainer', spare: 'trainer' });
    ({ scratch, database, app } = server);
    Object.assign(as, server.as);
    Object.assign(ids, server.ids);
    const db = database.db;
    ids.A = await createProject(db, { name: 'A', overlap: 2 }, readSources([taskFile('t1'), taskFile('t2'), taskFile('t3'), taskFile('t4', { gold: true })]), ids.admin);
    ids.B = await createProject(db, { name: 'B' }, readSources([taskFile('b1'), taskFile('b2')]), ids.admin);
    await addMembers(db, ids.A, [ids.reviewer, ids.trainer, ids.trainer2, ids.spare]);
    await addMembers(db, ids.B, [ids.outsider]);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers health with the database kind', async () => {
    const r = await as.anon.get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true, db: kind, version: expect.any(String) });
  });

  it('serves an OpenAPI document generated from the route schemas', async () => {
    const doc = (await as.anon.get('/api/openapi.json')).body;
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/projects/{projectId}/checkout'].post.requestBody.content['application/json'].schema).toMatchObject({
      properties: { count: { type: 'integer', minimum: 1, maximum: 50 } },
      required: ['count'],
    });
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/projects/{projectId}/submissions', '/api/projects/{projectId}/export', '/api/backup']));
  });

  describe('the authorization matrix', () => {
    // Each endpoint with the answer expected for each caller on project A's ids. The outsider is a
    // trainer of project B only: for them A's ids are another project's, so 404 throughout.
    type Row = { name: string; call: (c: ApiClient) => Promise<{ status: number }>; expect: Record<Who, number>; before?: () => Promise<void> };
    const A = () => `/api/projects/${ids.A}`;
    let otherAssignment = '';
    let mySubmission = '';
    const rows: Row[] = [
      { name: 'GET /api/auth/me', call: (c) => c.get('/api/auth/me'), expect: { anon: 401, admin: 200, reviewer: 200, trainer: 200, outsider: 200 } },
      { name: 'GET /api/users', call: (c) => c.get('/api/users'), expect: { anon: 401, admin: 200, reviewer: 403, trainer: 403, outsider: 403 } },
      {
        name: 'POST /api/users',
        call: (c) => c.post('/api/users', { email: `new-${Math.random()}@x.cl`, password: 'longenough1', role: 'trainer' }),
        expect: { anon: 401, admin: 201, reviewer: 403, trainer: 403, outsider: 403 },
      },
      { name: 'GET /api/projects', call: (c) => c.get('/api/projects'), expect: { anon: 401, admin: 200, reviewer: 200, trainer: 200, outsider: 200 } },
      { name: 'POST /api/projects', call: (c) => c.post('/api/projects', { name: 'C', files: [taskFile('c1')] }), expect: { anon: 401, admin: 201, reviewer: 403, trainer: 403, outsider: 403 } },
      { name: 'GET project', call: (c) => c.get(A()), expect: { anon: 401, admin: 200, reviewer: 200, trainer: 200, outsider: 404 } },
      { name: 'PATCH project', call: (c) => c.request('PATCH', A(), { leaseMinutes: 1440 }), expect: { anon: 401, admin: 200, reviewer: 403, trainer: 403, outsider: 404 } },
      { name: 'PUT guidelines', call: (c) => c.request('PUT', `${A()}/guidelines`, { en: '# Be fair', 'es-CL': '# Sean justos' }), expect: { anon: 401, admin: 200, reviewer: 403, trainer: 403, outsider: 404 } },
      { name: 'POST tasks', call: (c) => c.post(`${A()}/tasks`, { files: [taskFile(`x${Math.floor(Math.random() * 1e9)}`)] }), expect: { anon: 401, admin: 201, reviewer: 403, trainer: 403, outsider: 404 } },
      { name: 'GET members', call: (c) => c.get(`${A()}/members`), expect: { anon: 401, admin: 200, reviewer: 200, trainer: 403, outsider: 404 } },
      { name: 'POST members', call: (c) => c.post(`${A()}/members`, { email: 'spare@x.cl' }), expect: { anon: 401, admin: 201, reviewer: 403, trainer: 403, outsider: 404 } },
      {
        name: 'DELETE member',
        before: () => addMembers(database.db, ids.A, [ids.spare]).catch(() => undefined),
        call: (c) => c.request('DELETE', `${A()}/members/${ids.spare}`),
        expect: { anon: 401, admin: 200, reviewer: 403, trainer: 403, outsider: 404 },
      },
      { name: 'POST invites', call: (c) => c.post(`${A()}/invites`, { role: 'trainer' }), expect: { anon: 401, admin: 201, reviewer: 403, trainer: 403, outsider: 404 } },
      { name: 'GET progress', call: (c) => c.get(`${A()}/progress`), expect: { anon: 401, admin: 200, reviewer: 200, trainer: 403, outsider: 404 } },
      { name: 'GET a trainer’s work', call: (c) => c.get(`${A()}/members/${ids.trainer}/work`), expect: { anon: 401, admin: 200, reviewer: 200, trainer: 403, outsider: 404 } },
      {
        name: 'POST member pause',
        before: async () => void (await as.admin.post(`${A()}/members/${ids.spare}/resume`)),
        call: (c) => c.post(`${A()}/members/${ids.spare}/pause`),
        expect: { anon: 401, admin: 200, reviewer: 403, trainer: 403, outsider: 404 },
      },
      { name: 'POST member resume', call: (c) => c.post(`${A()}/members/${ids.spare}/resume`), expect: { anon: 401, admin: 200, reviewer: 403, trainer: 403, outsider: 404 } },
      { name: 'POST checkout', call: (c) => c.post(`${A()}/checkout`, { count: 1 }), expect: { anon: 401, admin: 403, reviewer: 403, trainer: 200, outsider: 404 } },
      { name: 'GET assignments', call: (c) => c.get(`${A()}/assignments`), expect: { anon: 401, admin: 403, reviewer: 403, trainer: 200, outsider: 404 } },
      {
        name: 'POST skip',
        call: async (c) => {
          const mine = (await as.trainer.post(`${A()}/checkout`, { count: 1 })).body.assignments[0].id;
          return c.post(`${A()}/assignments/${mine}/skip`, { reason: 'No entiendo el enunciado' });
        },
        expect: { anon: 401, admin: 403, reviewer: 403, trainer: 200, outsider: 404 },
      },
      {
        name: 'POST submissions',
        call: async (c) => {
          const lease = (await as.trainer2.post(`${A()}/checkout`, { count: 1 })).body.assignments[0];
          return c.post(`${A()}/submissions`, { items: [{ id: crypto.randomUUID(), assignmentId: lease.id, evaluation: submittedEvaluation(lease.taskId) }] });
        },
        expect: { anon: 401, admin: 403, reviewer: 403, trainer: 200, outsider: 404 },
      },
      { name: 'GET submissions', call: (c) => c.get(`${A()}/submissions`), expect: { anon: 401, admin: 200, reviewer: 200, trainer: 200, outsider: 404 } },
      {
        name: 'GET a submission',
        before: async () => {
          if (mySubmission) return;
          await as.admin.post(`${A()}/tasks`, { files: [taskFile('for-get')] });
          const lease = (await as.trainer.post(`${A()}/checkout`, { count: 1 })).body.assignments[0];
          mySubmission = crypto.randomUUID();
          const r = await as.trainer.post(`${A()}/submissions`, { items: [{ id: mySubmission, assignmentId: lease.id, evaluation: submittedEvaluation(lease.taskId) }] });
          expect(r.body.acks).toEqual([{ id: mySubmission, status: 'accepted' }]);
        },
        call: (c) => c.get(`${A()}/submissions/${mySubmission}`),
        expect: { anon: 401, admin: 200, reviewer: 200, trainer: 200, outsider: 404 },
      },
      { name: 'GET export', call: (c) => c.get(`${A()}/export?format=csv`), expect: { anon: 401, admin: 200, reviewer: 200, trainer: 403, outsider: 404 } },
      { name: 'GET backup', call: (c) => c.get('/api/backup'), expect: { anon: 401, admin: 200, reviewer: 403, trainer: 403, outsider: 403 } },
    ];

    it.each(rows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
      const got: Partial<Record<Who, number>> = {};
      for (const who of WHO) {
        await row.before?.();
        got[who] = (await row.call(as[who])).status;
      }
      expect(got).toEqual(row.expect);
    });

    it("gives 404 for another project's ids inside a project one may see", async () => {
      const lease = (await as.outsider.post(`/api/projects/${ids.B}/checkout`, { count: 1 })).body.assignments[0];
      otherAssignment = lease.id;
      const theirs = crypto.randomUUID();
      expect((await as.outsider.post(`/api/projects/${ids.B}/submissions`, { items: [{ id: theirs, assignmentId: lease.id, evaluation: submittedEvaluation(lease.taskId) }] })).body.acks[0].status).toBe('accepted');
      expect((await as.trainer.post(`${A()}/assignments/${otherAssignment}/skip`, { reason: 'x' })).status).toBe(404);
      expect((await as.trainer.get(`${A()}/submissions/${theirs}`)).status).toBe(404);
      expect((await as.reviewer.get(`${A()}/submissions/${theirs}`)).status).toBe(404);
      expect((await as.admin.get(`${A()}/submissions/${theirs}`)).status).toBe(404);
      expect((await as.admin.request('DELETE', `${A()}/members/${ids.outsider}`)).status).toBe(404);
      expect((await as.reviewer.get(`/api/projects/${ids.B}/progress`)).status).toBe(404);
      expect((await as.trainer.get(`/api/projects/${ids.B}`)).status).toBe(404);
      expect((await as.trainer.get('/api/projects/not-a-uuid')).status).toBe(404);
      // An upload naming another project's lease is refused for that id alone.
      const r = await as.trainer.post(`${A()}/submissions`, { items: [{ id: crypto.randomUUID(), assignmentId: otherAssignment, evaluation: submittedEvaluation(lease.taskId) }] });
      expect(r.status).toBe(200);
      expect(r.body.acks[0]).toMatchObject({ status: 'rejected', code: 'notFound' });
      // Nor does the id of someone else's submission lend itself to another upload.
      await as.admin.post(`${A()}/tasks`, { files: [taskFile('for-conflict')] });
      const own = (await as.trainer.post(`${A()}/checkout`, { count: 1 })).body.assignments[0];
      const again = await as.trainer.post(`${A()}/submissions`, { items: [{ id: theirs, assignmentId: own.id, evaluation: submittedEvaluation(own.taskId) }] });
      expect(again.body.acks[0]).toMatchObject({ status: 'rejected', code: 'conflict' });
    });

    it("keeps trainers blind: only one's own submissions, and never a gold answer", async () => {
      await as.admin.post(`${A()}/tasks`, { files: [taskFile('for-blind')] });
      const lease = (await as.trainer2.post(`${A()}/checkout`, { count: 1 })).body.assignments[0];
      expect((await as.trainer2.post(`${A()}/submissions`, { items: [{ id: crypto.randomUUID(), assignmentId: lease.id, evaluation: submittedEvaluation(lease.taskId) }] })).body.acks[0].status).toBe('accepted');
      const mine = (await as.trainer.get(`${A()}/submissions`)).body.submissions;
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((s: { evaluatorId: string }) => s.evaluatorId === ids.trainer)).toBe(true);
      const others = (await as.trainer2.get(`${A()}/submissions`)).body.submissions;
      for (const s of others) expect((await as.trainer.get(`${A()}/submissions/${s.id}`)).status).toBe(404);
      const everything = (await as.admin.get(`${A()}/submissions`)).body.submissions;
      expect(new Set(everything.map((s: { evaluatorId: string }) => s.evaluatorId))).toEqual(new Set([ids.trainer, ids.trainer2]));
      // A checkout of every task in the project, gold one included: nothing says gold.
      for (const c of [as.trainer, as.trainer2]) {
        const r = await c.post(`${A()}/checkout`, { count: 50 });
        expect(r.text).not.toMatch(/"gold"|isGold|is_gold/);
        const listed = await c.get(`${A()}/assignments`);
        expect(listed.text).not.toMatch(/"gold"|isGold|is_gold/);
      }
    });
  });

  describe('same-origin checks', () => {
    it('refuses a state change without the app header, from another origin or another site', async () => {
      const body = { email: 'admin@x.cl', password: 'x' };
      expect((await as.anon.request('POST', '/api/auth/login', body, { 'x-veredicto': '' })).body.error.code).toBe('crossSite');
      expect((await as.anon.request('POST', '/api/auth/login', body, { origin: 'https://evil.example' })).status).toBe(403);
      expect((await as.anon.request('POST', '/api/auth/login', body, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
      expect((await as.admin.request('PATCH', `/api/projects/${ids.A}`, { name: 'hijacked' }, { origin: 'null' })).status).toBe(403);
      expect((await as.admin.get(`/api/projects/${ids.A}`)).body.project.name).toBe('A');
    });

    it('sets the session cookie httpOnly and SameSite=Strict, and signs out', async () => {
      const c = ApiClient.inject(app);
      const r = await c.login('reviewer@x.cl');
      expect(String(r.headers['set-cookie'])).toMatch(/HttpOnly/i);
      expect(String(r.headers['set-cookie'])).toMatch(/SameSite=Strict/i);
      const cookie = c.cookie;
      expect((await c.post('/api/auth/logout')).status).toBe(200);
      const stale = ApiClient.inject(app);
      stale.cookie = cookie;
      expect((await stale.get('/api/auth/me')).status).toBe(401);
    });
  });

  describe('sign-in', () => {
    it('limits failed attempts per address in the database, right password or not', async () => {
      await addUsers(database.db, [{ email: 'victim@x.cl', role: 'trainer' }]);
      const c = ApiClient.inject(app);
      for (let i = 0; i < 5; i++) expect((await c.login('victim@x.cl', 'wrong password')).body.error.code).toBe('badCredentials');
      const r = await c.login('VICTIM@x.cl');
      expect(r.status).toBe(429);
      expect(r.body.error).toEqual({ code: 'tooManyAttempts', params: { minutes: 15 } });
      // The count lives in the database: another server on it sees the same.
      const other = await buildServer({ db: database.db, kind: database.kind, secureCookies: false });
      expect((await ApiClient.inject(other).login('victim@x.cl')).status).toBe(429);
      await other.close();
      await database.db.deleteFrom('login_failures').execute();
      expect((await c.login('victim@x.cl')).status).toBe(200);
    });

    it('joins through an invite once, as the invited role and project', async () => {
      const invite = (await as.admin.post(`/api/projects/${ids.A}/invites`, { role: 'trainer', email: 'nueva@x.cl' })).body;
      const c = ApiClient.inject(app);
      expect((await c.post('/api/invites/accept', { token: invite.token, email: 'otra@x.cl', password: 'longenough1' })).body.error.code).toBe('inviteOtherEmail');
      const joined = await c.post('/api/invites/accept', { token: invite.token, email: 'nueva@x.cl', password: 'longenough1', locale: 'es-CL' });
      expect(joined.body).toMatchObject({ email: 'nueva@x.cl', role: 'trainer', locale: 'es-CL' });
      expect((await c.get(`/api/projects/${ids.A}`)).status).toBe(200);
      expect((await ApiClient.inject(app).post('/api/invites/accept', { token: invite.token, email: 'nueva@x.cl', password: 'longenough1' })).body.error.code).toBe('inviteInvalid');
    });
  });

  describe('bad input', () => {
    it('answers 400 with the path of every field that fails', async () => {
      const lease = (await as.trainer2.post(`/api/projects/${ids.A}/checkout`, { count: 1 })).body.assignments[0] ?? { id: crypto.randomUUID(), taskId: 't1' };
      const evaluation = { ...submittedEvaluation(lease.taskId), activeMs: -1, judgement: { ...submittedEvaluation(lease.taskId).judgement, ranks: { good: 0 } } };
      const r = await as.trainer2.post(`/api/projects/${ids.A}/submissions`, { items: [{ id: 'not-a-uuid', assignmentId: lease.id, evaluation }] });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('invalid');
      expect(r.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['items[0].evaluation.activeMs', 'items[0].evaluation.judgement.ranks.good', 'items[0].id']);
    });

    it('refuses a draft, a lease for another task and unreadable JSON', async () => {
      const lease = (await as.trainer2.post(`/api/projects/${ids.A}/checkout`, { count: 1 })).body.assignments[0];
      const draft = { ...submittedEvaluation(lease?.taskId ?? 't1'), status: 'draft' };
      const r = await as.trainer2.post(`/api/projects/${ids.A}/submissions`, {
        items: [
          { id: crypto.randomUUID(), assignmentId: lease?.id ?? crypto.randomUUID(), evaluation: draft },
          { id: crypto.randomUUID(), assignmentId: lease?.id ?? crypto.randomUUID(), evaluation: submittedEvaluation('b1') },
        ],
      });
      expect(r.body.acks.map((a: { code: string }) => a.code)).toEqual(['notSubmitted', lease ? 'wrongTask' : 'notFound']);
      expect((await as.trainer2.request('POST', `/api/projects/${ids.A}/submissions`, '{"items": [')).body.error.code).toBe('badJson');
    });

    it('limits body sizes: 1 MiB in general, more for imports and uploads', async () => {
      const big = 'x'.repeat(1100 * 1024);
      const r = await as.anon.post('/api/auth/login', { email: 'a@x.cl', password: big });
      expect(r.status).toBe(413);
      expect(r.body.error.code).toBe('tooLarge');
      const file = taskFile('big-one');
      const padded = { name: file.name, text: file.text.replace('"Return `a + b`."', JSON.stringify(`Return a + b.${' '.repeat(2 * 1024 * 1024)}`)) };
      expect((await as.admin.post(`/api/projects/${ids.B}/tasks`, { files: [padded] })).status).toBe(201);
    });

    it('imports all or nothing, with file, line and field of each problem', async () => {
      const broken = { name: 'broken.json', text: taskFile('broken').text.replace('"entryPoint":"add"', '"entryPoint":7') };
      const r = await as.admin.post('/api/projects', { name: 'Broken', files: [taskFile('fine'), broken, taskFile('fine')] });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('importFailed');
      expect(r.body.error.problems).toEqual(
        expect.arrayContaining([expect.objectContaining({ file: 'broken.json', field: 'entryPoint', line: 1 }), expect.objectContaining({ message: expect.objectContaining({ key: 'file.duplicateTask' }) })]),
      );
      const names = (await as.admin.get('/api/projects')).body.projects.map((p: { name: string }) => p.name);
      expect(names).not.toContain('Broken');
      const dup = await as.admin.post(`/api/projects/${ids.B}/tasks`, { files: [taskFile('b1')] });
      expect(dup.body.error.problems[0].message.key).toBe('file.duplicateTask');
    });
  });

  describe('assignment', () => {
    let P = '';
    let trainers: ApiClient[] = [];
    beforeAll(async () => {
      P = await createProject(database.db, { name: 'Assign', overlap: 2, leaseMinutes: 60 }, readSources(['a1', 'a2', 'a3'].map((id) => taskFile(id))), ids.admin);
      const emails = ['p1', 'p2', 'p3', 'p4'].map((n) => `${n}@x.cl`);
      await addMembers(database.db, P, await addUsers(database.db, emails.map((email) => ({ email, role: 'trainer' }))));
      trainers = [];
      for (const e of emails) {
        const c = ApiClient.inject(app);
        await c.login(e);
        trainers.push(c);
      }
    });
    const taskIds = (r: { body: { assignments: { taskId: string }[] } }) => r.body.assignments.map((a) => a.taskId);

    it('finishes started tasks first, up to the overlap, never twice to one trainer', async () => {
      const [p1, p2, p3] = trainers as [ApiClient, ApiClient, ApiClient];
      expect(taskIds(await p1.post(`/api/projects/${P}/checkout`, { count: 1 }))).toEqual(['a1']);
      // Asking again returns the lease already held.
      expect(taskIds(await p1.post(`/api/projects/${P}/checkout`, { count: 1 }))).toEqual(['a1']);
      expect(taskIds(await p2.post(`/api/projects/${P}/checkout`, { count: 1 }))).toEqual(['a1']);
      expect(taskIds(await p3.post(`/api/projects/${P}/checkout`, { count: 2 }))).toEqual(['a2', 'a3']);
      expect(taskIds(await p1.post(`/api/projects/${P}/checkout`, { count: 3 }))).toEqual(['a1', 'a2', 'a3']);
    });

    it('takes a skipped task back into the pool, with the reason, and not to the same trainer', async () => {
      const p2 = trainers[1]!;
      const held = (await p2.get(`/api/projects/${P}/assignments`)).body.assignments[0];
      expect((await p2.post(`/api/projects/${P}/assignments/${held.id}/skip`, { reason: 'Pruebas ambiguas' })).status).toBe(200);
      expect((await p2.post(`/api/projects/${P}/assignments/${held.id}/skip`, { reason: 'otra vez' })).body.error.code).toBe('notActive');
      const row = await database.db.selectFrom('assignments').select(['state', 'skip_reason']).where('id', '=', held.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ state: 'skipped', skip_reason: 'Pruebas ambiguas' });
      expect(taskIds(await p2.post(`/api/projects/${P}/checkout`, { count: 1 }))).toEqual([]); // a2, a3 full; a1 skipped
      expect(taskIds(await trainers[3]!.post(`/api/projects/${P}/checkout`, { count: 1 }))).toEqual(['a1']);
    });

    it('returns an expired lease to the pool, and a late upload of it still counts', async () => {
      const p3 = trainers[2]!;
      const lease = (await p3.get(`/api/projects/${P}/assignments`)).body.assignments.find((a: { taskId: string }) => a.taskId === 'a2');
      await database.db.updateTable('assignments').set({ lease_expires_at: sql`now() - interval '1 minute'` }).where('id', '=', lease.id).execute();
      const p4 = trainers[3]!;
      expect(taskIds(await p4.post(`/api/projects/${P}/checkout`, { count: 2 }))).toEqual(['a1', 'a2']);
      expect((await database.db.selectFrom('assignments').select('state').where('id', '=', lease.id).executeTakeFirstOrThrow()).state).toBe('expired');
      const r = await p3.post(`/api/projects/${P}/submissions`, { items: [{ id: crypto.randomUUID(), assignmentId: lease.id, evaluation: submittedEvaluation('a2') }] });
      expect(r.body.acks[0].status).toBe('accepted');
      const counts = await sql<{ id: string; taken: number; held: number }>`
        SELECT t.id, t.taken, (SELECT count(*)::int FROM assignments a WHERE a.project_id = t.project_id AND a.task_id = t.id AND a.state IN ('active', 'submitted')) AS held
        FROM tasks t WHERE t.project_id = ${P} ORDER BY t.id`.execute(database.db);
      for (const c of counts.rows) expect(c.taken).toBe(c.held);
    });
  });

  describe('uploads', () => {
    it('stores a retried or doubled upload once and acknowledges each id', async () => {
      const c = as.trainer2;
      const leases = (await c.post(`/api/projects/${ids.B}/checkout`, { count: 1 })).status;
      expect(leases).toBe(404); // not a member of B
      const P = await createProject(database.db, { name: 'Uploads' }, readSources(['u1', 'u2'].map((id) => taskFile(id))), ids.admin);
      await addMembers(database.db, P, [ids.trainer2]);
      const [l1, l2] = (await c.post(`/api/projects/${P}/checkout`, { count: 2 })).body.assignments;
      const one = { id: crypto.randomUUID(), assignmentId: l1.id, evaluation: submittedEvaluation(l1.taskId) };
      const two = { id: crypto.randomUUID(), assignmentId: l2.id, evaluation: submittedEvaluation(l2.taskId) };
      expect((await c.post(`/api/projects/${P}/submissions`, { items: [one] })).body.acks).toEqual([{ id: one.id, status: 'accepted' }]);
      const replay = await Promise.all([c.post(`/api/projects/${P}/submissions`, { items: [one, two, one] }), c.post(`/api/projects/${P}/submissions`, { items: [two] })]);
      const statuses = replay.flatMap((r) => r.body.acks.map((a: { id: string; status: string }) => `${a.id === one.id ? 'one' : 'two'}:${a.status}`)).sort();
      expect(statuses).toEqual(['one:duplicate', 'one:duplicate', 'two:accepted', 'two:duplicate']);
      const stored = await database.db.selectFrom('submissions').select(['id', 'evaluation']).where('project_id', '=', P).execute();
      expect(stored.map((s) => s.id).sort()).toEqual([one.id, two.id].sort());
      expect(stored.find((s) => s.id === one.id)!.evaluation).toEqual(one.evaluation);
      const queued = await database.db.selectFrom('rechecks').select('state').where('submission_id', 'in', [one.id, two.id]).execute();
      expect(queued.map((q) => q.state)).toEqual(['queued', 'queued']);
      expect((await c.get(`/api/projects/${P}/assignments`)).body.assignments.map((a: { state: string }) => a.state)).toEqual(['submitted', 'submitted']);
    });
  });

  describe('exports, backup and restore', () => {
    it('streams the three formats, filtered by review status and date', async () => {
      const jsonl = await as.reviewer.get(`/api/projects/${ids.A}/export?format=jsonl`);
      expect(jsonl.status).toBe(200);
      const lines = jsonl.text.trim().split('\n').map((l) => JSON.parse(l));
      const stored = await database.db.selectFrom('submissions').select(['task_id', 'evaluator_id']).distinct().where('project_id', '=', ids.A).execute();
      expect(lines).toHaveLength(stored.length);
      expect(lines.every((l) => l.format === 'veredicto.evaluation' && l.task.solutions.length === 2)).toBe(true);
      // Each line names its evaluator (format version 2), as `veredicto agreement` reads it.
      const emails = new Map((await database.db.selectFrom('users').select(['id', 'email']).execute()).map((u) => [u.id, u.email]));
      expect(lines.map((l) => `${l.version} ${l.evaluator} ${l.evaluation.taskId}`).sort()).toEqual(stored.map((s) => `2 ${emails.get(s.evaluator_id)} ${s.task_id}`).sort());
      const pairs = (await as.admin.get(`/api/projects/${ids.A}/export?format=pairs`)).text.trim().split('\n');
      expect(pairs).toHaveLength(stored.length); // one strict pair (good over bad) per evaluation
      expect(JSON.parse(pairs[0]!)).toMatchObject({ chosen: expect.stringContaining('return a + b'), metadata: { chosen_id: 'good', rejected_id: 'bad' } });
      const csv = await as.admin.get(`/api/projects/${ids.A}/export?format=csv&locale=es-CL`);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const rows = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(rows[0]).toBe('task_id,task_title,status,solution_id,solution_label,language,rank,verdict,tampered,score_correctness,score_efficiency,score_readability,score_robustness,critique,critique_locale,unsafe_flag,task_flags,justification,guardrail_reason,unrun_reason,active_minutes,submitted_at,shown_label,perf_max_ratio,perf_over_budget,perf_timings');
      expect(rows).toHaveLength(1 + stored.length * 2);
      expect(rows[1]).toContain('Tarea t');
      expect((await as.admin.get(`/api/projects/${ids.A}/export?status=accepted`)).text).toBe('');
      expect((await as.admin.get(`/api/projects/${ids.A}/export?from=2999-01-01`)).text).toBe('');
      expect((await as.admin.get(`/api/projects/${ids.A}/export?to=2999-01-01`)).text.trim().split('\n')).toHaveLength(stored.length);
      expect((await as.admin.get(`/api/projects/${ids.A}/export?format=xml`)).status).toBe(400);
    });

    it('restores a backup into an empty server, and only there', async () => {
      const dump = (await as.admin.get('/api/backup')).text;
      const other = await SCRATCH[kind]();
      // PGlite is one database per process here: a second in-memory one is its own.
      const target = await connect(kind === 'postgres' ? { url: other.url! } : { dataDir: 'memory://' });
      try {
        const counts = await restoreDatabase(target.db, dump.split('\n'));
        const original = await sql<{ n: number }>`SELECT count(*)::int AS n FROM submissions`.execute(database.db);
        expect(counts.submissions).toBe(original.rows[0]!.n);
        const again: string[] = [];
        for await (const chunk of dumpDatabase(target.db)) again.push(chunk);
        const strip = (text: string) => text.split('\n').slice(1).join('\n');
        expect(strip(again.join(''))).toBe(strip(dump));
        await expect(restoreDatabase(target.db, dump.split('\n'))).rejects.toMatchObject({ code: 'notEmpty' });
        const restored = await buildServer({ db: target.db, kind: target.kind, secureCookies: false });
        const c = ApiClient.inject(restored);
        expect((await c.login('trainer@x.cl')).status).toBe(200);
        expect((await c.get(`/api/projects/${ids.A}/submissions`)).body.submissions.length).toBeGreaterThan(0);
        await restored.close();
      } finally {
        await target.close();
        await other.drop();
      }
      const cut = dump.split('\n').slice(0, -3);
      const empty = await connect(kind === 'postgres' ? { url: (await (async () => (await SCRATCH.postgres()))()).url! } : { dataDir: 'memory://' });
      await expect(restoreDatabase(empty.db, cut)).rejects.toMatchObject({ code: 'truncated' });
      expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM users`.execute(empty.db)).rows[0]!.n).toBe(0);
      await empty.close();
    });
  });

  it('answers 503 while the database is unreachable', async () => {
    const down = kind === 'postgres' ? await connect({ url: 'postgres://nobody@127.0.0.1:1/none', migrate: false }) : await connect({ dataDir: 'memory://' });
    if (kind === 'pglite') await down.close();
    const server = await buildServer({ db: down.db, kind, secureCookies: false });
    const c = ApiClient.inject(server);
    for (const r of [await c.get('/api/health'), await c.login('admin@x.cl')]) {
      expect(r.status).toBe(503);
      expect(r.body.error.code).toBe('databaseDown');
      expect(r.headers['retry-after']).toBe('5');
    }
    await server.close();
    if (kind === 'postgres') await down.close();
  });
});
