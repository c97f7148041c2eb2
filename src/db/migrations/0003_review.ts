// Migration 3: the tables review builds on (issue #14): every revision of a judgement, reviewers'
// decisions, and a review state on each submission (existing rows start as pending).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE submissions ADD COLUMN review_state text NOT NULL DEFAULT 'pending'
      CHECK (review_state IN ('pending', 'accepted', 'rejected'));
    CREATE TABLE revisions (
      id bigserial PRIMARY KEY,
      submission_id uuid NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
      revision integer NOT NULL CHECK (revision >= 1),
      evaluation jsonb NOT NULL,
      author_id uuid NOT NULL REFERENCES users (id),
      kind text NOT NULL CHECK (kind IN ('trainer', 'review-fix')),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (submission_id, revision)
    );
    CREATE TABLE reviews (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      submission_id uuid NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
      reviewer_id uuid NOT NULL REFERENCES users (id),
      decision text NOT NULL CHECK (decision IN ('accept', 'fix-accept', 'reject')),
      comment text,
      revision_id bigint REFERENCES revisions (id),
      return_to text CHECK (return_to IN ('trainer', 'pool')),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (decision <> 'reject' OR (comment IS NOT NULL AND comment <> '')),
      CHECK (decision <> 'fix-accept' OR revision_id IS NOT NULL)
    );
    CREATE INDEX reviews_submission ON reviews (submission_id, created_at);
  `.execute(db);
}
