// Migration 2: uploaded evaluations (keyed by the client's UUID, so a retried upload is one row)
// and the re-check jobs that run every submitted solution again on the server.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE submissions (
      id uuid PRIMARY KEY,
      project_id uuid NOT NULL,
      task_id text NOT NULL,
      assignment_id uuid REFERENCES assignments (id) ON DELETE SET NULL,
      evaluator_id uuid NOT NULL REFERENCES users (id),
      evaluation jsonb NOT NULL,
      active_ms double precision NOT NULL DEFAULT 0,
      submitted_at timestamptz,
      received_at timestamptz NOT NULL DEFAULT now(),
      guideline_version integer,
      FOREIGN KEY (project_id, task_id) REFERENCES tasks (project_id, id) ON DELETE CASCADE
    );
    CREATE INDEX submissions_project ON submissions (project_id, received_at, id);
    CREATE INDEX submissions_evaluator ON submissions (project_id, evaluator_id);
    CREATE TABLE rechecks (
      submission_id uuid PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
      state text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      queued_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      results jsonb,
      mismatches jsonb,
      mismatch boolean,
      error text
    );
    CREATE INDEX rechecks_queue ON rechecks (queued_at) WHERE state IN ('queued', 'running');
  `.execute(db);
}
