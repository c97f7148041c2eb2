// A lead's tools on the team server, on the real PostgreSQL and on PGlite: the project's settings
// (every one the review and gold rules read, the rubric, with out-of-range values refused by field),
// pausing a project or one trainer (checkouts refused with a reason the queue can show, work already
// held still accepted), and the drill-down from the per-trainer table to that trainer's submissions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTING_LIMITS } from '../domain/projectSettings.js';
import type { Criterion } from '../domain/task.js';
import { createProject, readSources } from './projects.js';
import { addMembers, startTestServer, submittedEvaluation, taskFile, type TestServer } from './testing.js';

const RUBRIC: Criterion[] = [
  { id: 'tests', name: { en: 'Tests', 'es-CL': 'Pruebas' }, levels: ['1', '2', '3', '4', '5'].map((n) => ({ en: `Level ${n}`, 'es-CL': `Nivel ${n}` })) },
];

describe.each(['postgres', 'pglite'] as const)('lead tools on %s', (kind) => {
  let server: TestServer<'admin' | 'reviewer' | 'trainer' | 'trainer2' | 'outsider'>;
  let P = '';
  let project = '';

  beforeAll(async () => {
    server = await startTestServer(kind, { admin: 'admin', reviewer: 'reviewer', trainer: 'trainer', trainer2: 'trainer', outsider: 'trainer' });
    const { db } = server.database;
    const { ids } = server;
    project = await createProject(db, { name: 'Lead', overlap: 2, reviewRate: 0 }, readSources(['l1', 'l2', 'l3', 'l4'].map((id) => taskFile(id))), ids.admin);
    const other = await createProject(db, { name: 'Other' }, readSources([taskFile('o1')]), ids.admin);
    await addMembers(db, project, [ids.reviewer, ids.trainer, ids.trainer2]);
    await addMembers(db, other, [ids.outsider]);
    P = `/api/projects/${project}`;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('stores every setting the review and gold rules read, and the project’s rubric, and trainers get that rubric', async () => {
    const { as } = server;
    const r = await as.admin.request('PATCH', P, { reviewRate: 0.25, minActiveSeconds: 45, goldMinTasks: 3, goldThreshold: 0.4, goldShare: 0.2, leaseMinutes: 120, timeLimitMinutes: 30, rubric: RUBRIC });
    expect(r.status).toBe(200);
    expect(r.body.project).toMatchObject({ reviewRate: 0.25, minActiveSeconds: 45, goldMinTasks: 3, goldThreshold: expect.closeTo(0.4, 6), goldShare: expect.closeTo(0.2, 6), leaseMinutes: 120, timeLimitMinutes: 30, rubric: RUBRIC, pausedAt: null });
    expect((await as.reviewer.get(P)).body.project).toMatchObject({ reviewRate: 0.25, minActiveSeconds: 45, goldMinTasks: 3, rubric: RUBRIC });
    const lease = (await as.trainer.post(`${P}/checkout`, { count: 1 })).body.assignments[0];
    expect(lease.task.rubric).toEqual(RUBRIC);
    // null clears the threshold (never pause) and the rubric (each task's own, else the default four).
    const cleared = await as.admin.request('PATCH', P, { goldThreshold: null, rubric: null, goldShare: 0 });
    expect(cleared.body.project).toMatchObject({ goldThreshold: null, rubric: null, goldShare: 0 });
    expect((await as.trainer.get(`${P}/assignments`)).body.assignments[0].task.rubric).toBeUndefined();
  });

  it('refuses a value out of range, naming the field, and changes nothing', async () => {
    const { as } = server;
    const before = (await as.admin.get(P)).body.project;
    const bad: [Record<string, unknown>, string][] = [
      [{ reviewRate: 1.5 }, 'reviewRate'],
      [{ reviewRate: -0.1 }, 'reviewRate'],
      [{ minActiveSeconds: 2.5 }, 'minActiveSeconds'],
      [{ minActiveSeconds: SETTING_LIMITS.minActiveSeconds.max + 1 }, 'minActiveSeconds'],
      [{ goldMinTasks: 0 }, 'goldMinTasks'],
      [{ goldThreshold: 1.01 }, 'goldThreshold'],
      [{ goldShare: '0.5' }, 'goldShare'],
      [{ overlap: 0 }, 'overlap'],
      [{ paused: 'yes' }, 'paused'],
      [{ rubric: [] }, 'rubric'],
      [{ rubric: [{ ...RUBRIC[0], id: 'Bad Id' }] }, 'rubric[0].id'],
      [{ rubric: [{ ...RUBRIC[0], levels: RUBRIC[0]!.levels.slice(1) }] }, 'rubric[0].levels'],
    ];
    for (const [body, path] of bad) {
      const r = await as.admin.request('PATCH', P, { overlap: 3, ...body });
      expect({ body, status: r.status, code: r.body.error?.code, paths: r.body.error?.issues?.map((i: { path: string }) => i.path) }).toEqual({ body, status: 400, code: 'invalid', paths: [path] });
    }
    expect((await as.admin.post('/api/projects', { name: 'X', goldThreshold: -2, files: [taskFile('x1')] })).body.error.issues).toEqual([{ path: 'goldThreshold', code: 'too_small' }]);
    expect((await as.admin.get(P)).body.project).toEqual(before);
  });

  it('creates a project with every setting in one request', async () => {
    const { as } = server;
    const r = await as.admin.post('/api/projects', { name: 'Todo', overlap: 2, reviewRate: 0.5, minActiveSeconds: 10, goldMinTasks: 2, goldThreshold: -0.5, goldShare: 0.3, rubric: RUBRIC, files: [taskFile('n1')] });
    expect(r.status).toBe(201);
    expect((await as.admin.get(`/api/projects/${r.body.id}`)).body.project).toMatchObject({ overlap: 2, reviewRate: 0.5, minActiveSeconds: 10, goldMinTasks: 2, goldThreshold: -0.5, goldShare: expect.closeTo(0.3, 6), rubric: RUBRIC });
  });

  it('pauses the project: no checkout for anyone, held work can still be sent, the trainer is told; resuming lifts it', async () => {
    const { as } = server;
    const held = (await as.trainer2.post(`${P}/checkout`, { count: 1 })).body.assignments[0];
    expect((await as.reviewer.request('PATCH', P, { paused: true })).status).toBe(403);
    const paused = await as.admin.request('PATCH', P, { paused: true });
    expect(paused.body.project.pausedAt).toEqual(expect.any(String));
    // Pausing again keeps the first time.
    expect((await as.admin.request('PATCH', P, { paused: true })).body.project.pausedAt).toBe(paused.body.project.pausedAt);
    const refused = await as.trainer.post(`${P}/checkout`, { count: 2 });
    expect([refused.status, refused.body.error]).toEqual([403, { code: 'projectPaused' }]);
    expect((await as.trainer.get(P)).body.project.pausedAt).toBe(paused.body.project.pausedAt);
    // What a trainer already holds is not lost.
    const id = crypto.randomUUID();
    expect((await as.trainer2.post(`${P}/submissions`, { items: [{ id, assignmentId: held.id, evaluation: submittedEvaluation(held.taskId) }] })).body.acks).toEqual([{ id, status: 'accepted' }]);
    expect((await as.admin.request('PATCH', P, { paused: false })).body.project.pausedAt).toBeNull();
    expect((await as.trainer.post(`${P}/checkout`, { count: 2 })).status).toBe(200);
  });

  it('pauses one trainer by hand: their checkout is refused as a lead’s pause, others go on; resume lifts it', async () => {
    const { as, ids } = server;
    expect((await as.reviewer.post(`${P}/members/${ids.trainer}/pause`)).status).toBe(403);
    expect((await as.admin.post(`${P}/members/${ids.outsider}/pause`)).status).toBe(404);
    expect((await as.admin.post(`${P}/members/${ids.trainer}/pause`)).status).toBe(200);
    const refused = await as.trainer.post(`${P}/checkout`, { count: 3 });
    expect([refused.status, refused.body.error]).toEqual([403, { code: 'pausedByLead' }]);
    expect((await as.trainer.get(P)).body.paused).toMatchObject({ at: expect.any(String), by: 'lead', score: null });
    expect((await as.trainer2.post(`${P}/checkout`, { count: 3 })).status).toBe(200);
    expect((await as.admin.get(`${P}/members`)).body.members.find((m: { email: string }) => m.email === 'trainer@x.cl').pausedAt).toEqual(expect.any(String));
    expect((await as.admin.post(`${P}/members/${ids.trainer}/resume`)).status).toBe(200);
    expect((await as.trainer.get(P)).body.paused).toBeUndefined();
    expect((await as.trainer.post(`${P}/checkout`, { count: 3 })).status).toBe(200);
  });

  it('drills down from a trainer to their submissions, with the figures, for the project’s leads only', async () => {
    const { as, ids } = server;
    const leases = (await as.trainer.get(`${P}/assignments`)).body.assignments as { id: string; taskId: string; state: string }[];
    const lease = leases.find((l) => l.state === 'active')!;
    const id = crypto.randomUUID();
    expect((await as.trainer.post(`${P}/submissions`, { items: [{ id, assignmentId: lease.id, evaluation: submittedEvaluation(lease.taskId) }] })).body.acks[0].status).toBe('accepted');
    const work = (await as.reviewer.get(`${P}/members/${ids.trainer}/work`)).body;
    expect(work.trainer).toEqual({ userId: ids.trainer, email: 'trainer@x.cl' });
    expect(work.submissions).toMatchObject([
      { submissionId: id, taskId: lease.taskId, title: { en: `Task ${lease.taskId}`, 'es-CL': `Tarea ${lease.taskId}` }, isGold: false, receivedAt: expect.any(String), reviewState: 'pending', activeMs: 90_000, goldTau: null, goldMissed: null, recheck: 'pending' },
    ]);
    // Another trainer's list has only their own; a trainer of another project, or not a member, is 404.
    expect((await as.admin.get(`${P}/members/${ids.trainer2}/work`)).body.submissions.map((s: { submissionId: string }) => s.submissionId)).not.toContain(id);
    expect((await as.admin.get(`${P}/members/${ids.outsider}/work`)).status).toBe(404);
    expect((await as.admin.get(`${P}/members/not-a-uuid/work`)).status).toBe(404);
    expect((await as.trainer.get(`${P}/members/${ids.trainer}/work`)).status).toBe(403);
  });
});
