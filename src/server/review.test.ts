// Review on the team server, on the real PostgreSQL and on PGlite: who may call each review route
// (another project's ids are 404), the queue's order (mismatch, gold miss, low agreement, too fast,
// sample), the decisions with their history (reject back to the trainer or the pool, fix & accept
// as a revision), the trainer's inbox with the reviewer's changes, exports of accepted work with
// the fixed judgement, agreement kept per task, and the analysts' read-only SQL views.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationReducer, type Evaluation } from '../domain/evaluation.js';
import type { Database } from '../db/connect.js';
import type { Scratch } from '../db/testing.js';
import { buildServer } from './app.js';
import { createProject, readSources } from './projects.js';
import { addMembers, ApiClient, startTestServer, submittedEvaluation, taskFile, type TestServer } from './testing.js';

type Who = 'anon' | 'admin' | 'reviewer' | 'trainer' | 'outsider';
const WHO: Who[] = ['anon', 'admin', 'reviewer', 'trainer', 'outsider'];
const NOW = '2026-01-01T00:00:00.000Z';

/** submittedEvaluation with other ranks and, optionally, less active time. */
function judged(taskId: string, ranks: { good: number; bad: number }, activeMs = 90_000): Evaluation {
  const e = submittedEvaluation(taskId);
  return { ...e, activeMs, judgement: { ...e.judgement, ranks }, revisions: [{ submittedAt: NOW, judgement: { ...e.judgement, ranks } }] };
}

describe.each(['postgres', 'pglite'] as const)('review on %s', (kind) => {
  let scratch: Scratch;
  let database: Database;
  let app: Awaited<ReturnType<typeof buildServer>>;
  const as = {} as Record<Who | 'trainer2' | 'trainer3' | 'reviewerB', ApiClient>;
  const ids = {} as Record<'admin' | 'reviewer' | 'trainer' | 'trainer2' | 'trainer3' | 'outsider' | 'reviewerB' | 'A' | 'B', string>;
  const A = () => `/api/projects/${ids.A}`;

  /** Checks out tasks for `who` and submits `evaluation` of `taskId`; returns the submission id and lease. */
  async function submit(who: ApiClient, project: string, taskId: string, evaluation: (taskId: string) => Evaluation = (t) => submittedEvaluation(t)) {
    const lease = (await who.post(`/api/projects/${project}/checkout`, { count: 50 })).body.assignments.find((a: { taskId: string }) => a.taskId === taskId);
    expect(lease, `a lease of ${taskId}`).toBeDefined();
    const id = crypto.randomUUID();
    const r = await who.post(`/api/projects/${project}/submissions`, { items: [{ id, assignmentId: lease.id, evaluation: evaluation(lease.taskId), guidelineVersion: 1 }] });
    expect(r.body.acks).toEqual([{ id, status: 'accepted' }]);
    return { id, lease: lease as { id: string; taskId: string } };
  }

  let server: TestServer<'admin' | 'reviewer' | 'trainer' | 'trainer2' | 'trainer3' | 'outsider' | 'reviewerB'>;

  beforeAll(async () => {
    server = await startTestServer(kind, { admin: 'admin', reviewer: 'reviewer', trainer: 'trainer', trainer2: 'trainer', trainer3: 'trainer', outsider: 'trainer', reviewerB: 'reviewer' });
    ({ scratch, database, app } = server);
    Object.assign(as, server.as);
    Object.assign(ids, server.ids);
    const db = database.db;
    ids.A = await createProject(db, { name: 'A', overlap: 3, reviewRate: 0, minActiveSeconds: 30 }, readSources([taskFile('t1'), taskFile('t2'), taskFile('t3'), taskFile('g1', { gold: true })]), ids.admin);
    ids.B = await createProject(db, { name: 'B' }, readSources([taskFile('b1')]), ids.admin);
    await addMembers(db, ids.A, [ids.reviewer, ids.trainer, ids.trainer2, ids.trainer3]);
    await addMembers(db, ids.B, [ids.outsider, ids.reviewerB]);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lets only the project’s leads review, only trainers read their inbox, and 404s other projects', async () => {
    const { id } = await submit(as.trainer, ids.A, 't1');
    const theirs = await submit(as.outsider, ids.B, 'b1');
    const rows: [string, (c: ApiClient) => Promise<{ status: number }>, Record<Who, number>][] = [
      ['GET review-queue', (c) => c.get(`${A()}/review-queue`), { anon: 401, admin: 200, reviewer: 200, trainer: 403, outsider: 404 }],
      ['GET task review', (c) => c.get(`${A()}/tasks/t1/review`), { anon: 401, admin: 200, reviewer: 200, trainer: 403, outsider: 404 }],
      ['POST review of no such submission', (c) => c.post(`${A()}/submissions/${crypto.randomUUID()}/review`, { decision: 'accept' }), { anon: 401, admin: 404, reviewer: 404, trainer: 403, outsider: 404 }],
      ['POST review of another project’s submission', (c) => c.post(`${A()}/submissions/${theirs.id}/review`, { decision: 'accept' }), { anon: 401, admin: 404, reviewer: 404, trainer: 403, outsider: 404 }],
      ['GET inbox', (c) => c.get(`${A()}/inbox`), { anon: 401, admin: 403, reviewer: 403, trainer: 200, outsider: 404 }],
    ];
    for (const [name, call, expected] of rows) {
      const got: Partial<Record<Who, number>> = {};
      for (const who of WHO) got[who] = (await call(as[who])).status;
      expect({ name, got }).toEqual({ name, got: expected });
    }
    // A trainer cannot review, not even their own work; a reviewer of B cannot touch A.
    expect((await as.trainer.post(`${A()}/submissions/${id}/review`, { decision: 'accept' })).status).toBe(403);
    expect((await as.reviewerB.post(`${A()}/submissions/${id}/review`, { decision: 'accept' })).status).toBe(404);
    expect((await as.reviewerB.get(`${A()}/review-queue`)).status).toBe(404);
    expect((await as.reviewer.get(`${A()}/tasks/b1/review`)).status).toBe(404);
    expect((await as.reviewer.post(`${A()}/submissions/not-a-uuid/review`, { decision: 'accept' })).status).toBe(404);
    // Nothing was decided by any of that.
    const state = await database.db.selectFrom('submissions').select('review_state').where('id', 'in', [id, theirs.id]).execute();
    expect(state.map((s) => s.review_state)).toEqual(['pending', 'pending']);
  });

  it('refuses a reject without a comment and a fix without the fixed evaluation, with the field named', async () => {
    const id = (await as.admin.get(`${A()}/review-queue`)).body.queue[0].submissionId as string;
    expect((await as.reviewer.post(`${A()}/submissions/${id}/review`, { decision: 'maybe' })).body.error).toMatchObject({ code: 'invalid', issues: [{ path: 'decision' }] });
    const noComment = await as.reviewer.post(`${A()}/submissions/${id}/review`, { decision: 'reject', comment: '   ' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error).toMatchObject({ code: 'invalid', issues: [{ path: 'comment', code: 'too_small' }] });
    const noFix = await as.reviewer.post(`${A()}/submissions/${id}/review`, { decision: 'fix-accept' });
    expect(noFix.body.error.issues).toEqual([{ path: 'evaluation', code: 'custom' }]);
    const draft = { ...submittedEvaluation('t1'), status: 'draft' };
    expect((await as.reviewer.post(`${A()}/submissions/${id}/review`, { decision: 'fix-accept', evaluation: draft })).status).toBe(400);
    expect((await as.reviewer.post(`${A()}/submissions/${id}/review`, { decision: 'accept', extra: 1 })).status).toBe(400);
  });

  it('orders the queue: mismatch, gold miss, low agreement, too fast, then the rest', async () => {
    const db = database.db;
    // Clear earlier decisions' effects: only this test's submissions are pending.
    await db.updateTable('submissions').set({ review_state: 'accepted' }).where('project_id', '=', ids.A).execute();
    // t2: trainer2 and trainer3 disagree; trainer3 was fast too. g1 (gold): trainer2 ranks bad first.
    const wanted = new Map<string, (t: string) => Evaluation>([
      ['t2', (t) => judged(t, { good: 1, bad: 2 })],
      ['g1', (t) => judged(t, { good: 2, bad: 1 })],
    ]);
    await db.updateTable('tasks').set({ taken: 0 }).where('project_id', '=', ids.A).execute();
    const leases2 = (await as.trainer2.post(`${A()}/checkout`, { count: 10 })).body.assignments as { id: string; taskId: string }[];
    const leases3 = (await as.trainer3.post(`${A()}/checkout`, { count: 10 })).body.assignments as { id: string; taskId: string }[];
    const up = async (c: ApiClient, lease: { id: string; taskId: string }, e: Evaluation) => {
      const id = crypto.randomUUID();
      expect((await c.post(`${A()}/submissions`, { items: [{ id, assignmentId: lease.id, evaluation: e }] })).body.acks[0].status).toBe('accepted');
      return id;
    };
    const l = (ls: typeof leases2, t: string) => ls.find((x) => x.taskId === t)!;
    const gold = await up(as.trainer2, l(leases2, 'g1'), wanted.get('g1')!('g1'));
    const t2a = await up(as.trainer2, l(leases2, 't2'), judged('t2', { good: 1, bad: 2 }));
    const t2b = await up(as.trainer3, l(leases3, 't2'), judged('t2', { good: 2, bad: 1 }, 5_000));
    const t3 = await up(as.trainer3, l(leases3, 't3'), judged('t3', { good: 1, bad: 2 }, 5_000));
    const fine = await up(as.trainer2, l(leases2, 't3'), judged('t3', { good: 1, bad: 2 }));
    const mismatch = await up(as.trainer3, l(leases3, 't1'), judged('t1', { good: 1, bad: 2 }));
    await db.insertInto('rechecks').values({ submission_id: mismatch, state: 'done', mismatch: true }).onConflict((oc) => oc.column('submission_id').doUpdateSet({ state: 'done', mismatch: true })).execute();
    await db.updateTable('submissions').set({ sampled: true }).where('id', '=', fine).execute();

    const queue = (await as.reviewer.get(`${A()}/review-queue`)).body.queue as { submissionId: string; reasons: string[]; evaluator: string; peerTau?: number }[];
    const order = queue.map((q) => [q.submissionId, q.reasons]);
    expect(order).toEqual([
      [mismatch, ['mismatch']],
      [gold, ['goldMiss']],
      [t2b, ['lowAgreement', 'tooFast']],
      [t2a, ['lowAgreement']],
      [t3, ['tooFast']],
      [fine, ['sample']],
    ]);
    expect(queue[2]!.peerTau).toBe(-1);
    // Leads see the gold answer beside the judgements; the task's agreement was kept on upload.
    const review = (await as.reviewer.get(`${A()}/tasks/g1/review`)).body;
    expect(review.task.gold.ranking).toEqual([['good'], ['bad']]);
    expect(review.isGold).toBe(true);
    const t2 = await db.selectFrom('task_agreement').selectAll().where('project_id', '=', ids.A).where('task_id', '=', 't2').executeTakeFirstOrThrow();
    expect(t2).toMatchObject({ raters: 2, kendall_w: 0, mean_tau_b: -1 });
  });

  it('keeps every decision: reject back to the trainer, rework, resubmit, accept; the inbox shows it all', async () => {
    const db = database.db;
    await db.updateTable('submissions').set({ review_state: 'accepted' }).where('project_id', '=', ids.A).execute();
    await as.admin.post(`${A()}/tasks`, { files: [taskFile('r1')] });
    const first = await submit(as.trainer, ids.A, 'r1', (t) => judged(t, { good: 2, bad: 1 }));
    const r = await as.reviewer.post(`${A()}/submissions/${first.id}/review`, { decision: 'reject', comment: 'Revisa la prueba oculta: B falla con números grandes.', returnTo: 'trainer' });
    expect(r.status).toBe(201);
    expect(r.body.state).toBe('rejected');
    expect((await as.admin.post(`${A()}/submissions/${first.id}/review`, { decision: 'accept' })).body.error).toEqual({ code: 'notPending', params: { state: 'rejected' } });
    // The lease is the trainer's again, and the inbox says so with the comment.
    const inbox = (await as.trainer.get(`${A()}/inbox`)).body.reviews;
    expect(inbox[0]).toMatchObject({ submissionId: first.id, taskId: 'r1', decision: 'reject', comment: 'Revisa la prueba oculta: B falla con números grandes.', returnTo: 'trainer', assignmentId: first.lease.id });
    const active = (await as.trainer.get(`${A()}/assignments`)).body.assignments.filter((a: { state: string }) => a.state === 'active').map((a: { id: string }) => a.id);
    expect(active).toContain(first.lease.id);
    // Reworked and resubmitted on the same lease: a new submission; the old one and its review stay.
    const second = crypto.randomUUID();
    expect((await as.trainer.post(`${A()}/submissions`, { items: [{ id: second, assignmentId: first.lease.id, evaluation: judged('r1', { good: 1, bad: 2 }) }] })).body.acks[0].status).toBe('accepted');
    expect((await as.reviewer.post(`${A()}/submissions/${second}/review`, { decision: 'accept' })).status).toBe(201);
    const history = (await as.reviewer.get(`${A()}/tasks/r1/review`)).body.submissions;
    expect(history.map((s: { id: string; reviewState: string; reviews: { decision: string; reviewer: string }[] }) => [s.id, s.reviewState, s.reviews.map((v) => `${v.decision} by ${v.reviewer}`)])).toEqual([
      [first.id, 'rejected', ['reject by reviewer@x.cl']],
      [second, 'accepted', ['accept by reviewer@x.cl']],
    ]);
    expect((await as.trainer.get(`${A()}/inbox`)).body.reviews.slice(0, 2).map((v: { decision: string }) => v.decision)).toEqual(['accept', 'reject']);
    // The dashboard's figures follow the decisions.
    const row = (await as.reviewer.get(`${A()}/progress`)).body.trainers.find((x: { email: string }) => x.email === 'trainer@x.cl');
    const counts = await database.db.selectFrom('submissions').select(['review_state']).where('project_id', '=', ids.A).where('evaluator_id', '=', ids.trainer).execute();
    const n = (st: string) => counts.filter((c) => c.review_state === st).length;
    expect(row).toMatchObject({ accepted: n('accepted'), rejected: n('rejected'), acceptRate: n('accepted') / (n('accepted') + n('rejected')) });
    expect(n('rejected')).toBe(1);
    // Accepted work only: the rejected first try is not exported.
    const lines = (await as.admin.get(`${A()}/export?format=jsonl&status=accepted`)).text.trim().split('\n').map((x) => JSON.parse(x));
    expect(lines.filter((x) => x.evaluation.taskId === 'r1').map((x) => x.evaluation.judgement.ranks)).toEqual([{ good: 1, bad: 2 }]);
  });

  it('stores a fix & accept as a revision beside the original, exports the fix, and shows the trainer the diff', async () => {
    await as.admin.post(`${A()}/tasks`, { files: [taskFile('f1')] });
    const { id } = await submit(as.trainer, ids.A, 'f1', (t) => judged(t, { good: 2, bad: 1 }));
    const original = (await as.reviewer.get(`${A()}/tasks/f1/review`)).body.submissions[0].evaluation as Evaluation;
    let fixed = evaluationReducer(original, { type: 'reopen' }, NOW);
    fixed = evaluationReducer(fixed, { type: 'rank', solutionId: 'good', rank: 1 }, NOW);
    fixed = evaluationReducer(fixed, { type: 'rank', solutionId: 'bad', rank: 2 }, NOW);
    fixed = evaluationReducer(fixed, { type: 'score', solutionId: 'bad', criterion: 'correctness', score: 1 }, NOW);
    fixed = evaluationReducer(fixed, { type: 'critique', solutionId: 'bad', text: 'Pierde los números grandes (prueba oculta big).', locale: 'es-CL' }, NOW);
    fixed = evaluationReducer(fixed, { type: 'submit' }, NOW);
    expect((await as.reviewer.post(`${A()}/submissions/${id}/review`, { decision: 'fix-accept', comment: 'Corregí el ranking.', evaluation: fixed })).status).toBe(201);
    const revisions = await database.db.selectFrom('revisions').select(['revision', 'kind', 'evaluation']).where('submission_id', '=', id).orderBy('revision').execute();
    expect(revisions.map((r) => [r.revision, r.kind])).toEqual([[1, 'trainer'], [2, 'review-fix']]);
    expect(revisions[0]!.evaluation).toEqual(original);
    const exported = (await as.admin.get(`${A()}/export?format=jsonl&status=accepted`)).text.trim().split('\n').map((x) => JSON.parse(x)).find((x) => x.evaluation.taskId === 'f1');
    expect(exported.evaluation.judgement.ranks).toEqual({ good: 1, bad: 2 });
    const pairs = (await as.admin.get(`${A()}/export?format=pairs&status=accepted`)).text.trim().split('\n').map((x) => JSON.parse(x)).filter((x) => x.metadata.task_id === 'f1');
    expect(pairs.map((p) => [p.metadata.chosen_id, p.metadata.rejected_id])).toEqual([['good', 'bad']]);
    const diff = (await as.trainer.get(`${A()}/inbox`)).body.reviews.find((v: { submissionId: string }) => v.submissionId === id).diff;
    expect(diff.ranks).toEqual([
      { solutionId: 'good', before: 2, after: 1 },
      { solutionId: 'bad', before: 1, after: 2 },
    ]);
    expect(diff.scores).toEqual([{ solutionId: 'bad', criterion: 'correctness', before: 2, after: 1 }]);
    expect(diff.critiques).toEqual([{ solutionId: 'bad', before: 'Falla con números grandes.', after: 'Pierde los números grandes (prueba oculta big).' }]);
  });

  it('sends a rejected task back to the pool: another trainer gets it, the first one never again', async () => {
    await as.admin.request('PATCH', A(), { overlap: 1 });
    await as.admin.post(`${A()}/tasks`, { files: [taskFile('p1')] });
    await database.db.updateTable('tasks').set({ taken: 99 }).where('project_id', '=', ids.A).where('id', '<>', 'p1').execute();
    const { id } = await submit(as.trainer, ids.A, 'p1');
    expect((await as.trainer2.post(`${A()}/checkout`, { count: 50 })).body.assignments.some((a: { taskId: string }) => a.taskId === 'p1')).toBe(false);
    expect((await as.reviewer.post(`${A()}/submissions/${id}/review`, { decision: 'reject', comment: 'Otra persona debe hacerla.', returnTo: 'pool' })).status).toBe(201);
    expect((await as.trainer2.post(`${A()}/checkout`, { count: 50 })).body.assignments.some((a: { taskId: string }) => a.taskId === 'p1')).toBe(true);
    expect((await as.trainer.post(`${A()}/checkout`, { count: 5 })).body.assignments.some((a: { taskId: string }) => a.taskId === 'p1')).toBe(false);
    // What a trainer's browser receives never carries a gold answer.
    for (const path of ['/inbox', '/submissions', '/assignments']) expect((await as.trainer2.get(`${A()}${path}`)).text).not.toMatch(/"gold"|isGold|is_gold/);
  });

  it('mixes gold tasks in at the project’s share and pauses a trainer whose gold score falls below the threshold', async () => {
    const files = [...['c1', 'c2', 'c3', 'c4'].map((id) => taskFile(id)), ...['cg1', 'cg2', 'cg3', 'cg4'].map((id) => taskFile(id, { gold: true }))];
    const C = await createProject(database.db, { name: 'C', overlap: 1, goldShare: 0.5, goldMinTasks: 2, goldThreshold: 0.5, reviewRate: 0 }, readSources(files), ids.admin);
    await addMembers(database.db, C, [ids.trainer, ids.trainer2]);
    const P = `/api/projects/${C}`;
    const first = await as.trainer.post(`${P}/checkout`, { count: 4 });
    const taken = (r: typeof first) => (r.body.assignments as { taskId: string }[]).map((a) => a.taskId).sort();
    expect(taken(first)).toEqual(['c1', 'c2', 'cg1', 'cg2']);
    expect(first.text).not.toMatch(/"gold"|isGold|is_gold/);
    // Gold tasks do not count against the overlap: the next trainer gets the same ones.
    expect(taken(await as.trainer2.post(`${P}/checkout`, { count: 4 }))).toEqual(['c3', 'c4', 'cg1', 'cg2']);
    const leases = first.body.assignments as { id: string; taskId: string }[];
    const up = async (taskId: string, ranks: { good: number; bad: number }) => {
      const lease = leases.find((l) => l.taskId === taskId)!;
      const id = crypto.randomUUID();
      expect((await as.trainer.post(`${P}/submissions`, { items: [{ id, assignmentId: lease.id, evaluation: judged(taskId, ranks) }] })).body.acks[0].status).toBe('accepted');
    };
    // One gold task ranked backwards: below K, not paused yet.
    await up('cg1', { good: 2, bad: 1 });
    expect((await as.trainer.post(`${P}/checkout`, { count: 4 })).status).toBe(200);
    await up('cg2', { good: 2, bad: 1 });
    const refused = await as.trainer.post(`${P}/checkout`, { count: 4 });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({ code: 'paused', params: { score: -1, threshold: 0.5 } });
    expect((await as.trainer.get(P)).body.paused).toMatchObject({ score: -1, threshold: 0.5 });
    expect((await as.admin.get(`${P}/members`)).body.members.find((m: { email: string }) => m.email === 'trainer@x.cl').pausedAt).toEqual(expect.any(String));
    // Only an admin lifts it.
    expect((await as.reviewer.post(`${P}/members/${ids.trainer}/resume`)).status).toBe(404);
    expect((await as.trainer.post(`${P}/members/${ids.trainer}/resume`)).status).toBe(403);
    expect((await as.admin.post(`${P}/members/${ids.trainer}/resume`)).status).toBe(200);
    expect((await as.trainer.post(`${P}/checkout`, { count: 4 })).status).toBe(200);
    expect((await as.trainer.get(P)).body.paused).toBeUndefined();
  });

  it('gives the ops analyst read-only views whose figures match the server’s', async () => {
    const db = database.db;
    const rows = (await sql<{ trainer: string; gold_tasks: string; gold_score: number | null; gold_misses: string; accepted: string; rejected: string; accept_rate: number | null }>`
      SELECT trainer, gold_tasks::text, gold_score, gold_misses::text, accepted::text, rejected::text, accept_rate FROM v_trainer_figures WHERE project_id = ${ids.A} ORDER BY trainer`.execute(db)).rows;
    const progress = (await as.admin.get(`${A()}/progress`)).body.trainers as { email: string; accepted: number; rejected: number; acceptRate: number | null }[];
    expect(rows.map((r) => r.trainer)).toEqual(progress.map((p) => p.email));
    for (const p of progress) {
      const r = rows.find((x) => x.trainer === p.email)!;
      expect([Number(r.accepted), Number(r.rejected), r.accept_rate]).toEqual([p.accepted, p.rejected, p.acceptRate]);
    }
    // trainer2 ranked the gold task's bad solution first: tau-b −1 with gold, a miss; the page says the same.
    expect(rows.find((r) => r.trainer === 'trainer2@x.cl')).toMatchObject({ gold_tasks: '1', gold_score: -1, gold_misses: '1' });
    expect((progress as unknown as { email: string; goldScore: number | null; goldTasks: number }[]).find((p) => p.email === 'trainer2@x.cl')).toMatchObject({ goldScore: -1, goldTasks: 1 });
    const agreement = (await sql<{ task_id: string; raters: number; kendall_w: number | null }>`SELECT task_id, raters, kendall_w FROM v_task_agreement WHERE project_id = ${ids.A} AND task_id = 't2'`.execute(db)).rows;
    expect(agreement).toEqual([{ task_id: 't2', raters: 2, kendall_w: 0 }]);
    const decisions = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM v_reviews WHERE project_id = ${ids.A}`.execute(db)).rows[0]!.n;
    expect(decisions).toBe(Number((await db.selectFrom('reviews').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n));
    // The README's example queries run as written.
    const readme = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### SQL for analysts'), readme.indexOf('`npm run bench:server`', readme.indexOf('### SQL for analysts')));
    const queries = [...section.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(queries).toHaveLength(5);
    for (const q of queries) await sql.raw(q).execute(db);
    if (kind !== 'postgres') return;
    // A login role in veredicto_readonly reads the views and nothing else.
    const role = `analyst_${crypto.randomUUID().slice(0, 8)}`;
    await sql.raw(`CREATE ROLE ${role} LOGIN IN ROLE veredicto_readonly`).execute(db);
    const url = new URL(scratch.url!);
    url.username = role;
    const analyst = new pg.Client({ connectionString: url.toString() });
    await analyst.connect();
    try {
      expect((await analyst.query('SELECT count(*)::int AS n FROM v_evaluations WHERE project_id = $1', [ids.A])).rows[0].n).toBeGreaterThan(0);
      await expect(analyst.query('SELECT password_hash FROM users')).rejects.toThrow(/permission denied/);
      await expect(analyst.query('SELECT * FROM submissions')).rejects.toThrow(/permission denied/);
      await expect(analyst.query("UPDATE projects SET name = 'x'")).rejects.toThrow(/permission denied/);
      await expect(analyst.query('DELETE FROM v_reviews')).rejects.toThrow(/permission denied|cannot delete/);
    } finally {
      await analyst.end();
      await sql.raw(`DROP ROLE ${role}`).execute(db);
    }
  });
});
