// Migration 6: a lead can pause a whole project (no checkouts for anyone until it is resumed; work
// already held can still be sent). A membership's pause (migration 4) with no score is one a lead
// set by hand, not the gold rule.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE projects ADD COLUMN paused_at timestamptz`.execute(db);
}
