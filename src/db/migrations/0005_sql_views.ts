// Migration 5: SQL for the ops analyst (issue #14). Per submission the figures the server computes
// with src/domain (tau-b with the gold ranking and rubric distance on a gold task, mean tau-b with
// the task's other trainers), so that SQL only aggregates them; four documented read-only views
// (evaluations, reviews, agreement per task, trainer figures); and a NOLOGIN role that may read the
// views and nothing else (an admin makes a login role in it: README, "SQL for analysts").
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE submissions
      ADD COLUMN gold_tau double precision,
      ADD COLUMN gold_rubric_distance double precision,
      ADD COLUMN gold_missed boolean,
      ADD COLUMN peer_tau double precision;

    CREATE VIEW v_evaluations AS
      SELECT s.project_id, p.name AS project, s.id AS submission_id, s.task_id, t.body -> 'title' ->> 'en' AS task_title,
        t.is_gold, u.email AS evaluator, s.received_at, s.submitted_at, s.review_state,
        round((s.active_ms / 60000.0)::numeric, 2) AS active_minutes, s.guideline_version,
        s.gold_tau, s.gold_rubric_distance, s.gold_missed, s.peer_tau, r.mismatch AS recheck_mismatch, s.evaluation
      FROM submissions s
      JOIN projects p ON p.id = s.project_id
      JOIN tasks t ON t.project_id = s.project_id AND t.id = s.task_id
      JOIN users u ON u.id = s.evaluator_id
      LEFT JOIN rechecks r ON r.submission_id = s.id;

    CREATE VIEW v_reviews AS
      SELECT v.id AS review_id, s.project_id, p.name AS project, v.submission_id, s.task_id, tu.email AS trainer,
        ru.email AS reviewer, v.decision, v.comment, v.return_to, v.created_at
      FROM reviews v
      JOIN submissions s ON s.id = v.submission_id
      JOIN projects p ON p.id = s.project_id
      JOIN users tu ON tu.id = s.evaluator_id
      JOIN users ru ON ru.id = v.reviewer_id;

    CREATE VIEW v_task_agreement AS
      SELECT a.project_id, p.name AS project, a.task_id, t.body -> 'title' ->> 'en' AS task_title, t.is_gold, a.raters,
        a.kendall_w, a.mean_tau_b, a.alpha_interval, a.alpha_ordinal, a.computed_at
      FROM task_agreement a
      JOIN projects p ON p.id = a.project_id
      JOIN tasks t ON t.project_id = a.project_id AND t.id = a.task_id;

    -- Each trainer's standing work per project: their latest submission of each task that was not rejected.
    CREATE VIEW v_trainer_figures AS
      WITH standing AS (
        SELECT DISTINCT ON (s.project_id, s.task_id, s.evaluator_id) s.*
        FROM submissions s WHERE s.review_state <> 'rejected'
        ORDER BY s.project_id, s.task_id, s.evaluator_id, s.received_at DESC, s.id DESC
      ), decided AS (
        SELECT project_id, evaluator_id,
          count(*) FILTER (WHERE review_state = 'accepted') AS accepted,
          count(*) FILTER (WHERE review_state = 'rejected') AS rejected
        FROM submissions GROUP BY project_id, evaluator_id
      )
      SELECT m.project_id, p.name AS project, u.email AS trainer,
        count(st.id) AS tasks,
        round((percentile_cont(0.5) WITHIN GROUP (ORDER BY st.active_ms) / 60000.0)::numeric, 2) AS median_active_minutes,
        coalesce(d.accepted, 0) AS accepted, coalesce(d.rejected, 0) AS rejected,
        CASE WHEN coalesce(d.accepted, 0) + coalesce(d.rejected, 0) > 0 THEN d.accepted::float8 / (d.accepted + d.rejected) END AS accept_rate,
        count(st.gold_tau) AS gold_tasks,
        avg(st.gold_tau) AS gold_score,
        avg(st.gold_rubric_distance) AS gold_rubric_distance,
        count(*) FILTER (WHERE st.gold_missed) AS gold_misses,
        avg(st.peer_tau) AS peer_agreement,
        m.paused_at
      FROM memberships m
      JOIN users u ON u.id = m.user_id AND u.role = 'trainer'
      JOIN projects p ON p.id = m.project_id
      LEFT JOIN standing st ON st.project_id = m.project_id AND st.evaluator_id = m.user_id
      LEFT JOIN decided d ON d.project_id = m.project_id AND d.evaluator_id = m.user_id
      GROUP BY m.project_id, p.name, u.email, d.accepted, d.rejected, m.paused_at;

    -- Roles belong to the whole PostgreSQL cluster: made once, whichever database migrates first.
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'veredicto_readonly') THEN
        CREATE ROLE veredicto_readonly NOLOGIN;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$;
    GRANT USAGE ON SCHEMA public TO veredicto_readonly;
    GRANT SELECT ON v_evaluations, v_reviews, v_task_agreement, v_trainer_figures TO veredicto_readonly;
  `.execute(db);
}
