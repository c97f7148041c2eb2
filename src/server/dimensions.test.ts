// A project's own dimensions on the team server, on the real PostgreSQL and on PGlite: only an
// admin sets them (validated like a task file's, every bad field named), trainers get them on
// every task without dimensions of its own, and work already submitted keeps the dimensions it
// was rated on when the project's change (in the review view and in the JSONL export).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationReducer } from '../domain/evaluation.js';
import type { TaskDimension } from '../domain/task.js';
import { createProject, readSources } from './projects.js';
import { addMembers, startTestServer, submittedEvaluation, taskFile, type TestServer } from './testing.js';

const FIRST: TaskDimension[] = [
  { id: 'safety', name: { en: 'Safety', 'es-CL': 'Seguridad' } },
  { id: 'clarity', name: { en: 'Clarity', 'es-CL': 'Claridad' } },
];
const SECOND: TaskDimension[] = [
  { id: 'safety', name: { en: 'Harm', 'es-CL': 'Daño' } },
  { id: 'style', name: { en: 'Style', 'es-CL': 'Estilo' } },
];
const OWN: TaskDimension[] = [{ id: 'tone', name: { en: 'Tone', 'es-CL': 'Tono' } }];

/** `taskFile`'s task with dimensions of its own. */
function ownDimensionsFile(id: string) {
  const f = taskFile(id);
  return { name: f.name, text: JSON.stringify({ ...JSON.parse(f.text), dimensions: OWN }) };
}

describe.each(['postgres', 'pglite'] as const)('project dimensions on %s', (kind) => {
  let server: TestServer<'admin' | 'reviewer' | 'trainer' | 'outsider'>;
  let P = '';

  beforeAll(async () => {
    server = await startTestServer(kind, { admin: 'admin', reviewer: 'reviewer', trainer: 'trainer', outsider: 'trainer' });
    const { db } = server.database;
    const { ids } = server;
    const project = await createProject(db, { name: 'Dims', reviewRate: 0 }, readSources([taskFile('plain1'), taskFile('plain2'), ownDimensionsFile('own1')]), ids.admin);
    const other = await createProject(db, { name: 'Other' }, readSources([taskFile('o1')]), ids.admin);
    await addMembers(db, project, [ids.reviewer, ids.trainer]);
    await addMembers(db, other, [ids.outsider]);
    P = `/api/projects/${project}`;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lets only an admin set them, and refuses a bad list naming the field, changing nothing', async () => {
    const { as } = server;
    expect((await as.trainer.request('PATCH', P, { dimensions: FIRST })).status).toBe(403);
    expect((await as.reviewer.request('PATCH', P, { dimensions: FIRST })).status).toBe(403);
    expect((await as.outsider.request('PATCH', P, { dimensions: FIRST })).status).toBe(404);
    expect((await as.anon.request('PATCH', P, { dimensions: FIRST })).status).toBe(401);
    const before = (await as.admin.get(P)).body.project;
    expect(before.dimensions).toBeNull();
    const many = Array.from({ length: 13 }, (_, i) => ({ id: `d${i}`, name: { en: `D${i}` } }));
    const bad: [unknown, string][] = [
      [[], 'dimensions'],
      [many, 'dimensions'],
      [[{ id: 'Bad Id', name: { en: 'x' } }], 'dimensions[0].id'],
      [[{ id: 'ok', name: {} }], 'dimensions[0].name'],
      [[{ id: 'ok', name: { en: 'x' }, extra: 1 }], 'dimensions[0]'],
      [[FIRST[0], { ...FIRST[1], id: 'safety' }], 'dimensions[1].id'],
      ['dimensions', 'dimensions'],
    ];
    for (const [dimensions, path] of bad) {
      const r = await as.admin.request('PATCH', P, { overlap: 2, dimensions });
      expect({ dimensions, status: r.status, code: r.body.error?.code, paths: r.body.error?.issues?.map((i: { path: string }) => i.path) }).toEqual({ dimensions, status: 400, code: 'invalid', paths: [path] });
    }
    expect((await as.admin.get(P)).body.project).toEqual(before);
    expect((await as.admin.post('/api/projects', { name: 'X', dimensions: [], files: [taskFile('x1')] })).body.error.issues).toEqual([{ path: 'dimensions', code: 'too_small' }]);
  });

  it('judges every task without its own dimensions on the project’s; a task’s own win; null goes back to the rubric', async () => {
    const { as } = server;
    const r = await as.admin.request('PATCH', P, { dimensions: FIRST });
    expect(r.status).toBe(200);
    expect(r.body.project.dimensions).toEqual(FIRST);
    expect((await as.reviewer.get(P)).body.project.dimensions).toEqual(FIRST);
    const leases = (await as.trainer.post(`${P}/checkout`, { count: 3 })).body.assignments as { taskId: string; task: { dimensions?: unknown } }[];
    expect(Object.fromEntries(leases.map((a) => [a.taskId, a.task.dimensions]))).toEqual({ plain1: FIRST, plain2: FIRST, own1: OWN });
    await as.admin.request('PATCH', P, { dimensions: null });
    const listed = (await as.trainer.get(`${P}/assignments`)).body.assignments as { taskId: string; task: { dimensions?: unknown } }[];
    expect(Object.fromEntries(listed.map((a) => [a.taskId, a.task.dimensions]))).toEqual({ plain1: undefined, plain2: undefined, own1: OWN });
    const created = await as.admin.post('/api/projects', { name: 'Nuevo', dimensions: SECOND, files: [taskFile('n1')] });
    expect(created.status).toBe(201);
    expect((await as.admin.get(`/api/projects/${created.body.id}`)).body.project.dimensions).toEqual(SECOND);
  });

  it('keeps the dimensions submitted work was rated on when the project’s change', async () => {
    const { as } = server;
    await as.admin.request('PATCH', P, { dimensions: FIRST });
    const leases = (await as.trainer.get(`${P}/assignments`)).body.assignments as { id: string; taskId: string }[];
    const lease = (taskId: string) => leases.find((a) => a.taskId === taskId)!;
    const rated = (taskId: string, dimension: string) =>
      evaluationReducer(
        evaluationReducer(submittedEvaluation(taskId), { type: 'reopen' }, '2026-01-01T00:00:00.000Z'),
        { type: 'rate', solutionId: 'bad', dimension, severity: 'major' },
        '2026-01-01T00:00:00.000Z',
      );
    const submit = (id: string, taskId: string, dimension: string) =>
      as.trainer.post(`${P}/submissions`, { items: [{ id, assignmentId: lease(taskId).id, evaluation: evaluationReducer(rated(taskId, dimension), { type: 'submit' }, '2026-01-01T00:00:00.000Z') }] });
    expect((await submit('7c0e4b1a-5d2f-4e8a-9b3c-1a2b3c4d5e01', 'plain1', 'safety')).body.acks[0].status).toBe('accepted');
    expect((await submit('7c0e4b1a-5d2f-4e8a-9b3c-1a2b3c4d5e02', 'own1', 'tone')).body.acks[0].status).toBe('accepted');

    // The admin renames `safety` and swaps `clarity` for `style`.
    await as.admin.request('PATCH', P, { dimensions: SECOND });
    expect((await submit('7c0e4b1a-5d2f-4e8a-9b3c-1a2b3c4d5e03', 'plain2', 'style')).body.acks[0].status).toBe('accepted');

    const review = async (taskId: string) => (await as.reviewer.get(`${P}/tasks/${taskId}/review`)).body;
    const first = await review('plain1');
    expect(first.task.dimensions).toEqual(SECOND);
    expect(first.submissions.map((s: { dimensions: unknown }) => s.dimensions)).toEqual([FIRST]);
    expect(first.submissions[0].evaluation.judgement.ratings).toEqual({ bad: { safety: { severity: 'major' } } });
    expect((await review('plain2')).submissions[0].dimensions).toEqual(SECOND);
    expect((await review('own1')).submissions[0].dimensions).toEqual(OWN);
    const mine = await as.trainer.get(`${P}/submissions/7c0e4b1a-5d2f-4e8a-9b3c-1a2b3c4d5e01`);
    expect(mine.body.submission.dimensions).toEqual(FIRST);

    const lines = (await as.admin.get(`${P}/export?format=jsonl`)).text.trim().split('\n').map((l) => JSON.parse(l) as { evaluation: { taskId: string; judgement: { ratings: unknown } }; task: { dimensions?: unknown } });
    const byTask = Object.fromEntries(lines.map((l) => [l.evaluation.taskId, l]));
    expect(byTask.plain1!.task.dimensions).toEqual(FIRST);
    expect(byTask.plain1!.evaluation.judgement.ratings).toEqual({ bad: { safety: { severity: 'major' } } });
    expect(byTask.plain2!.task.dimensions).toEqual(SECOND);
    expect(byTask.own1!.task.dimensions).toEqual(OWN);
  });
});
