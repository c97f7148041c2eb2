// Migration 7: a project may set the dimensions its tasks are judged on (null: the 1–5 rubric), and
// each submission keeps the dimensions it was rated on, so a later change of the project's list
// never renames or drops the ratings already given. Submissions made before this migration are
// given the dimensions they were rated on then: the task's own, or the default five for a task
// made from answers (the list as it was when this migration was written; never read from code that
// may change later).
import { sql, type Kysely } from 'kysely';

const DEFAULT_FIVE = JSON.stringify(['correctness', 'instruction-following', 'efficiency', 'readability', 'explanation'].map((id) => ({ id })));

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE projects ADD COLUMN dimensions jsonb`.execute(db);
  await sql`ALTER TABLE submissions ADD COLUMN dimensions jsonb`.execute(db);
  await sql`
    UPDATE submissions s SET dimensions = CASE
      WHEN jsonb_typeof(t.body -> 'dimensions') = 'array' THEN t.body -> 'dimensions'
      ELSE ${DEFAULT_FIVE}::jsonb END
    FROM tasks t
    WHERE t.project_id = s.project_id AND t.id = s.task_id
      AND (jsonb_typeof(t.body -> 'dimensions') = 'array' OR jsonb_path_exists(t.body, '$.solutions[*] ? (exists(@.answer))'))
  `.execute(db);
}
