// Migration 4: what the review queue and quality rules need (issue #14): per project the share of
// submissions sampled for review, the active time under which a submission is "too fast", and the
// gold rule (after K gold tasks a trainer below the threshold is paused); per submission whether it
// was drawn for the sample (decided by the server at upload, not from the client's id); per
// membership the pause; and each task's agreement figures as the server last computed them
// (src/domain/agreement.ts), for the dashboard and the SQL views.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE projects
      ADD COLUMN review_rate real NOT NULL DEFAULT 0.1 CHECK (review_rate >= 0 AND review_rate <= 1),
      ADD COLUMN min_active_seconds integer NOT NULL DEFAULT 30 CHECK (min_active_seconds >= 0),
      ADD COLUMN gold_min_tasks integer NOT NULL DEFAULT 5 CHECK (gold_min_tasks >= 1),
      ADD COLUMN gold_threshold real CHECK (gold_threshold >= -1 AND gold_threshold <= 1);
    ALTER TABLE submissions ADD COLUMN sampled boolean NOT NULL DEFAULT false;
    CREATE INDEX submissions_review ON submissions (project_id, review_state, task_id);
    CREATE INDEX reviews_reviewer ON reviews (reviewer_id, created_at);
    ALTER TABLE memberships ADD COLUMN paused_at timestamptz, ADD COLUMN paused_score real;
    CREATE TABLE task_agreement (
      project_id uuid NOT NULL,
      task_id text NOT NULL,
      raters integer NOT NULL,
      kendall_w double precision,
      mean_tau_b double precision,
      alpha_interval jsonb NOT NULL,
      alpha_ordinal jsonb NOT NULL,
      computed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (project_id, task_id),
      FOREIGN KEY (project_id, task_id) REFERENCES tasks (project_id, id) ON DELETE CASCADE
    );
  `.execute(db);
}
