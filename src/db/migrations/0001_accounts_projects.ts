// Migration 1: accounts, sessions, projects with their guidelines, members and tasks, and the
// assignments that hand tasks out. Shipped migrations are never edited: add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL UNIQUE CHECK (email = lower(email)),
      password_hash text NOT NULL,
      role text NOT NULL CHECK (role IN ('admin', 'reviewer', 'trainer')),
      locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'es-CL')),
      created_at timestamptz NOT NULL DEFAULT now(),
      disabled_at timestamptz
    );
    CREATE TABLE sessions (
      token_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX sessions_user ON sessions (user_id);
    CREATE TABLE login_failures (
      id bigserial PRIMARY KEY,
      email text NOT NULL,
      ip text NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX login_failures_email ON login_failures (email, at);
    CREATE INDEX login_failures_ip ON login_failures (ip, at);
    CREATE TABLE projects (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      overlap integer NOT NULL DEFAULT 1 CHECK (overlap BETWEEN 1 AND 100),
      gold_share real NOT NULL DEFAULT 0 CHECK (gold_share >= 0 AND gold_share <= 1),
      time_limit_minutes integer CHECK (time_limit_minutes > 0),
      lease_minutes integer NOT NULL DEFAULT 1440 CHECK (lease_minutes > 0),
      rubric jsonb,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE guidelines (
      project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      version integer NOT NULL CHECK (version >= 1),
      text_en text NOT NULL DEFAULT '',
      text_es_cl text NOT NULL DEFAULT '',
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (project_id, version)
    );
    CREATE TABLE memberships (
      project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (project_id, user_id)
    );
    CREATE INDEX memberships_user ON memberships (user_id);
    CREATE TABLE invites (
      token_hash text PRIMARY KEY,
      project_id uuid REFERENCES projects (id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('admin', 'reviewer', 'trainer')),
      email text,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      used_by uuid REFERENCES users (id) ON DELETE SET NULL
    );
    CREATE TABLE tasks (
      project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      id text NOT NULL,
      seq integer NOT NULL,
      body jsonb NOT NULL,
      gold jsonb,
      is_gold boolean NOT NULL DEFAULT false,
      taken integer NOT NULL DEFAULT 0 CHECK (taken >= 0),
      PRIMARY KEY (project_id, id)
    );
    CREATE INDEX tasks_pick ON tasks (project_id, taken DESC, seq);
    CREATE TABLE assignments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      project_id uuid NOT NULL,
      task_id text NOT NULL,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      state text NOT NULL CHECK (state IN ('active', 'submitted', 'skipped', 'expired')),
      leased_at timestamptz NOT NULL DEFAULT now(),
      lease_expires_at timestamptz NOT NULL,
      finished_at timestamptz,
      skip_reason text,
      FOREIGN KEY (project_id, task_id) REFERENCES tasks (project_id, id) ON DELETE CASCADE
    );
    CREATE INDEX assignments_user ON assignments (project_id, user_id, state);
    CREATE INDEX assignments_leases ON assignments (project_id, lease_expires_at) WHERE state = 'active';
    -- A trainer holds a task at most once (an expired lease may be handed out again).
    CREATE UNIQUE INDEX assignments_once ON assignments (project_id, task_id, user_id) WHERE state <> 'expired';
  `.execute(db);
}
