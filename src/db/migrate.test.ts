// Migrations on the real PostgreSQL and on PGlite: from empty, and one at a time with data written
// by the schema before each step, which must come through unchanged.
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './connect.js';
import { LATEST, migrate, MIGRATIONS, MigrationError } from './migrate.js';
import { SCRATCH, type Scratch } from './testing.js';

const names = Object.keys(MIGRATIONS);

describe.each(['postgres', 'pglite'] as const)('migrations on %s', (kind) => {
  let scratch: Scratch;
  beforeAll(async () => {
    scratch = await SCRATCH[kind]();
  });
  afterAll(async () => {
    await scratch.drop();
  });

  const fresh = async (run: (d: Database) => Promise<void>) => {
    const d = await scratch.open({ migrate: false });
    try {
      await sql`DROP SCHEMA public CASCADE; CREATE SCHEMA public`.execute(d.db);
      await run(d);
    } finally {
      await d.close();
    }
  };

  it('builds the whole schema from empty, once', async () => {
    await fresh(async ({ db }) => {
      expect(await migrate(db as Kysely<unknown>)).toEqual(names);
      expect(await migrate(db as Kysely<unknown>)).toEqual([]);
      const tables = await sql<{ t: string }>`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`.execute(db);
      expect(tables.rows.map((r) => r.t)).toEqual(
        ['assignments', 'guidelines', 'invites', 'login_failures', 'memberships', 'projects', 'rechecks', 'reviews', 'revisions', 'sessions', 'submissions', 'task_agreement', 'tasks', 'users', 'v_evaluations', 'v_reviews', 'v_task_agreement', 'v_trainer_figures', 'veredicto_migrations', 'veredicto_migrations_lock'].sort(),
      );
    });
  });

  it('keeps every row through each upgrade', async () => {
    await fresh(async ({ db }) => {
      const raw = db as Kysely<unknown>;
      expect(await migrate(raw, '0001_accounts_projects')).toEqual(['0001_accounts_projects']);
      const [user] = (await sql<{ id: string }>`INSERT INTO users (email, password_hash, role) VALUES ('ana@example.cl', 'x', 'trainer') RETURNING id`.execute(db)).rows;
      const [project] = (await sql<{ id: string }>`INSERT INTO projects (name, overlap) VALUES ('Piloto', 2) RETURNING id`.execute(db)).rows;
      await sql`INSERT INTO tasks (project_id, id, seq, body, taken) VALUES (${project!.id}, 'add-two', 1, ${JSON.stringify({ id: 'add-two', title: { en: 'Ñandú' } })}, 1)`.execute(db);
      await sql`INSERT INTO guidelines (project_id, version, text_en, text_es_cl) VALUES (${project!.id}, 1, 'Be fair', 'Sean justos')`.execute(db);
      const [assignment] = (
        await sql<{ id: string }>`INSERT INTO assignments (project_id, task_id, user_id, state, lease_expires_at) VALUES (${project!.id}, 'add-two', ${user!.id}, 'active', now() + interval '1 day') RETURNING id`.execute(db)
      ).rows;

      expect(await migrate(raw, '0002_submissions_rechecks')).toEqual(['0002_submissions_rechecks']);
      const submission = '0b0f6f52-8a3c-4d7e-9a43-2f2b1c6a7e11';
      const evaluation = { taskId: 'add-two', status: 'submitted', judgement: { ranks: { a: 1 } } };
      await sql`INSERT INTO submissions (id, project_id, task_id, assignment_id, evaluator_id, evaluation, active_ms) VALUES (${submission}, ${project!.id}, 'add-two', ${assignment!.id}, ${user!.id}, ${JSON.stringify(evaluation)}, 61000)`.execute(db);
      await sql`INSERT INTO rechecks (submission_id, state) VALUES (${submission}, 'queued')`.execute(db);

      expect(await migrate(raw, '0003_review')).toEqual(['0003_review']);
      const s = (await sql<{ evaluation: unknown; active_ms: number; review_state: string }>`SELECT evaluation, active_ms, review_state FROM submissions`.execute(db)).rows;
      expect(s).toEqual([{ evaluation, active_ms: 61000, review_state: 'pending' }]);
      const t = (await sql<{ body: unknown; taken: number }>`SELECT body, taken FROM tasks`.execute(db)).rows;
      expect(t).toEqual([{ body: { id: 'add-two', title: { en: 'Ñandú' } }, taken: 1 }]);
      const a = (await sql<{ state: string; user_id: string }>`SELECT state, user_id FROM assignments`.execute(db)).rows;
      expect(a).toEqual([{ state: 'active', user_id: user!.id }]);
      expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM rechecks WHERE state = 'queued'`.execute(db)).rows[0]!.n).toBe(1);
      expect((await sql<{ text_es_cl: string }>`SELECT text_es_cl FROM guidelines`.execute(db)).rows[0]!.text_es_cl).toBe('Sean justos');
      // The new tables accept what review will write.
      await sql`INSERT INTO revisions (submission_id, revision, evaluation, author_id, kind) VALUES (${submission}, 1, ${JSON.stringify(evaluation)}, ${user!.id}, 'trainer')`.execute(db);
      await expect(sql`INSERT INTO reviews (submission_id, reviewer_id, decision) VALUES (${submission}, ${user!.id}, 'reject')`.execute(db)).rejects.toThrow(/check/i);
      await sql`INSERT INTO memberships (project_id, user_id) VALUES (${project!.id}, ${user!.id})`.execute(db);

      expect(await migrate(raw, '0004_review_queue')).toEqual(['0004_review_queue']);
      const p = (await sql<{ overlap: number; review_rate: number; gold_threshold: number | null }>`SELECT overlap, review_rate, gold_threshold FROM projects`.execute(db)).rows;
      expect(p).toEqual([{ overlap: 2, review_rate: expect.closeTo(0.1, 6), gold_threshold: null }]);
      expect((await sql<{ sampled: boolean; review_state: string }>`SELECT sampled, review_state FROM submissions`.execute(db)).rows).toEqual([{ sampled: false, review_state: 'pending' }]);
      expect((await sql<{ paused_at: unknown }>`SELECT paused_at FROM memberships`.execute(db)).rows).toEqual([{ paused_at: null }]);
      await sql`INSERT INTO task_agreement (project_id, task_id, raters, alpha_interval, alpha_ordinal) VALUES (${project!.id}, 'add-two', 1, '{}', '{}')`.execute(db);

      expect(await migrate(raw, '0005_sql_views')).toEqual(['0005_sql_views']);
      const e = (await sql<{ evaluator: string; task_title: string; active_minutes: string; gold_tau: null }>`SELECT evaluator, task_title, active_minutes, gold_tau FROM v_evaluations`.execute(db)).rows;
      expect(e).toEqual([{ evaluator: 'ana@example.cl', task_title: 'Ñandú', active_minutes: '1.02', gold_tau: null }]);
      const f = (await sql<{ trainer: string; tasks: string; accepted: string }>`SELECT trainer, tasks::text, accepted::text FROM v_trainer_figures`.execute(db)).rows;
      expect(f).toEqual([{ trainer: 'ana@example.cl', tasks: '1', accepted: '0' }]);
      expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM v_task_agreement`.execute(db)).rows[0]!.n).toBe(1);
      expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM v_reviews`.execute(db)).rows[0]!.n).toBe(0);

      expect(await migrate(raw, '0006_project_pause')).toEqual(['0006_project_pause']);
      const q = (await sql<{ name: string; overlap: number; paused_at: unknown }>`SELECT name, overlap, paused_at FROM projects`.execute(db)).rows;
      expect(q).toEqual([{ name: 'Piloto', overlap: 2, paused_at: null }]);
      expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM v_trainer_figures`.execute(db)).rows[0]!.n).toBe(1);
      // Work rated on a task's own dimensions and on the default five (a task made from answers).
      const own = [{ id: 'tone', name: { en: 'Tone', 'es-CL': 'Tono' } }];
      await sql`INSERT INTO tasks (project_id, id, seq, body) VALUES (${project!.id}, 'own-dims', 2, ${JSON.stringify({ id: 'own-dims', dimensions: own, solutions: [] })}), (${project!.id}, 'answers', 3, ${JSON.stringify({ id: 'answers', solutions: [{ id: 'answer-1', answer: 'Claro' }] })})`.execute(db);
      const rated = { ...evaluation, judgement: { ranks: {}, ratings: { 'answer-1': { correctness: { severity: 'minor' } } } } };
      for (const [id, taskId] of [['1a5e0c3e-0f7b-4c55-9d0e-6f1f8f0a2b01', 'own-dims'], ['1a5e0c3e-0f7b-4c55-9d0e-6f1f8f0a2b02', 'answers']] as const)
        await sql`INSERT INTO submissions (id, project_id, task_id, evaluator_id, evaluation, active_ms) VALUES (${id}, ${project!.id}, ${taskId}, ${user!.id}, ${JSON.stringify({ ...rated, taskId })}, 1000)`.execute(db);

      expect(await migrate(raw)).toEqual(['0007_project_dimensions']);
      expect((await sql<{ dimensions: unknown }>`SELECT dimensions FROM projects`.execute(db)).rows).toEqual([{ dimensions: null }]);
      const d = (await sql<{ task_id: string; dimensions: unknown; evaluation: unknown }>`SELECT task_id, dimensions, evaluation FROM submissions ORDER BY task_id`.execute(db)).rows;
      expect(d).toEqual([
        { task_id: 'add-two', dimensions: null, evaluation },
        { task_id: 'answers', dimensions: ['correctness', 'instruction-following', 'efficiency', 'readability', 'explanation'].map((id) => ({ id })), evaluation: { ...rated, taskId: 'answers' } },
        { task_id: 'own-dims', dimensions: own, evaluation: { ...rated, taskId: 'own-dims' } },
      ]);
    });
  });

  it('refuses a database migrated by a newer Veredicto', async () => {
    await fresh(async ({ db }) => {
      await migrate(db as Kysely<unknown>);
      await sql`INSERT INTO veredicto_migrations (name, timestamp) VALUES ('9999_future', now()::text)`.execute(db);
      await expect(migrate(db as Kysely<unknown>)).rejects.toBeInstanceOf(MigrationError);
    });
  });

  if (kind === 'postgres')
  it('migrates once when two processes start together', async () => {
    await fresh(async () => {
      const [a, b] = await Promise.all([scratch.open({ migrate: false }), scratch.open({ migrate: false })]);
      try {
        const applied = await Promise.all([migrate(a.db as Kysely<unknown>), migrate(b.db as Kysely<unknown>)]);
        expect(applied.flat().sort()).toEqual(names);
        expect(names.at(-1)).toBe(LATEST);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  });
});
