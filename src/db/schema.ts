// The team server's tables as Kysely sees them, written once beside the migrations that make them
// (src/db/migrations). A column added by a migration is added here in the same commit.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** timestamptz: read as Date, written as Date or an ISO string; `now()` by default where Generated. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** jsonb: pg and PGlite parse it on read; written as a JSON string (pg would make arrays into SQL arrays). */
type Json<T> = ColumnType<T, string, string>;

export const ROLES = ['admin', 'reviewer', 'trainer'] as const;
export type Role = (typeof ROLES)[number];
export const ASSIGNMENT_STATES = ['active', 'submitted', 'skipped', 'expired'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];
export const REVIEW_STATES = ['pending', 'accepted', 'rejected'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const RECHECK_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type RecheckState = (typeof RECHECK_STATES)[number];

export interface UsersTable {
  id: Generated<string>;
  /** Lower-cased on the way in: one account per address whatever its case. */
  email: string;
  password_hash: string;
  role: Role;
  locale: Generated<'en' | 'es-CL'>;
  created_at: CreatedAt;
  disabled_at: Timestamp | null;
}

export interface SessionsTable {
  /** sha256 of the cookie's token: a stolen table does not give working cookies. */
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface LoginFailuresTable {
  id: Generated<string>;
  email: string;
  ip: string;
  at: CreatedAt;
}

export interface ProjectsTable {
  id: Generated<string>;
  name: string;
  overlap: Generated<number>;
  /** Share of each checkout drawn from gold tasks (used by review, issue #14). */
  gold_share: Generated<number>;
  time_limit_minutes: number | null;
  lease_minutes: Generated<number>;
  /** The project's rubric; null: each task's own, else the default one. */
  rubric: Json<unknown> | null;
  created_by: string | null;
  created_at: CreatedAt;
  /** Share of submissions drawn at upload for review (0–1). */
  review_rate: Generated<number>;
  /** A submission with less active time than this is queued for review as too fast. */
  min_active_seconds: Generated<number>;
  /** Gold tasks a trainer must have done before the threshold applies. */
  gold_min_tasks: Generated<number>;
  /** Mean tau-b with gold below which a trainer is paused; null: never. */
  gold_threshold: number | null;
  /** Set while a lead has paused the project: no checkouts (migration 6). */
  paused_at: Timestamp | null;
  /** The dimensions every task without its own is judged on; null: the 1–5 rubric (migration 7, domain/dimensions.ts). */
  dimensions: Json<unknown> | null;
}

export interface GuidelinesTable {
  project_id: string;
  /** 1, 2, …: a judgement stores the version it was made under. */
  version: number;
  text_en: string;
  text_es_cl: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface MembershipsTable {
  project_id: string;
  user_id: string;
  added_at: CreatedAt;
  /** Set when the trainer's gold score fell below the project's threshold, or a lead paused them: no more checkouts. */
  paused_at: Timestamp | null;
  /** The gold score that paused them; null: a lead paused them by hand. */
  paused_score: number | null;
}

export interface InvitesTable {
  token_hash: string;
  project_id: string | null;
  role: Role;
  email: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  used_by: string | null;
}

export interface TasksTable {
  project_id: string;
  id: string;
  /** Import order: new tasks are opened in it. */
  seq: number;
  /** The task as validated on import, without its gold answer. */
  body: Json<unknown>;
  /** The expert answer (task.gold); never sent to a trainer. */
  gold: Json<unknown> | null;
  is_gold: Generated<boolean>;
  /** Active leases plus submissions, kept by checkout and submit in the same transaction. */
  taken: Generated<number>;
}

export interface AssignmentsTable {
  id: Generated<string>;
  project_id: string;
  task_id: string;
  user_id: string;
  state: AssignmentState;
  leased_at: CreatedAt;
  lease_expires_at: Timestamp;
  finished_at: Timestamp | null;
  skip_reason: string | null;
}

export interface SubmissionsTable {
  /** Made by the client: the idempotency key of the upload. */
  id: string;
  project_id: string;
  task_id: string;
  assignment_id: string | null;
  /** Who made the judgement (the evaluator of issue #14's agreement figures). */
  evaluator_id: string;
  evaluation: Json<unknown>;
  active_ms: number;
  submitted_at: Timestamp | null;
  received_at: CreatedAt;
  guideline_version: number | null;
  /** pending | accepted | rejected: set by review (issue #14). */
  review_state: Generated<ReviewState>;
  /** Drawn at upload for the review sample (the project's review_rate). */
  sampled: Generated<boolean>;
  /** Computed by the server (src/domain) when the task's submissions change; read by the SQL views. */
  gold_tau: number | null;
  gold_rubric_distance: number | null;
  gold_missed: boolean | null;
  peer_tau: number | null;
  /** The dimensions it was rated on ([{id, name?}]), as they were when it arrived; null: not judged by dimensions (migration 7). */
  dimensions: Json<unknown> | null;
}

export interface RechecksTable {
  /** One re-check job per submission: the row is the job and, when done, its result. */
  submission_id: string;
  state: RecheckState;
  attempts: Generated<number>;
  /** A running job whose worker died is taken again after this. */
  locked_until: Timestamp | null;
  queued_at: CreatedAt;
  finished_at: Timestamp | null;
  /** solution id → { verdict, tests: [{ name, hidden, own, status }] } as the server ran them. */
  results: Json<unknown> | null;
  /** Where what the trainer saw differs from the server's run. */
  mismatches: Json<unknown> | null;
  mismatch: boolean | null;
  error: string | null;
}

/** Issue #14: every version of a judgement (the trainer's, a reviewer's fix). */
export interface RevisionsTable {
  id: Generated<string>;
  submission_id: string;
  revision: number;
  evaluation: Json<unknown>;
  author_id: string;
  kind: 'trainer' | 'review-fix';
  created_at: CreatedAt;
}

/** Issue #14: a reviewer's decision on a submission. */
export interface ReviewsTable {
  id: Generated<string>;
  submission_id: string;
  reviewer_id: string;
  decision: 'accept' | 'fix-accept' | 'reject';
  comment: string | null;
  /** The fixed judgement of a fix & accept. */
  revision_id: string | null;
  /** After a reject: back to the same trainer or to the pool. */
  return_to: 'trainer' | 'pool' | null;
  created_at: CreatedAt;
}

/** Each task's agreement as the server last computed it (src/domain/agreement.ts). */
export interface TaskAgreementTable {
  project_id: string;
  task_id: string;
  raters: number;
  kendall_w: number | null;
  mean_tau_b: number | null;
  /** criterion → alpha or null. */
  alpha_interval: Json<Record<string, number | null>>;
  alpha_ordinal: Json<Record<string, number | null>>;
  computed_at: Generated<Date>;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  projects: ProjectsTable;
  guidelines: GuidelinesTable;
  memberships: MembershipsTable;
  invites: InvitesTable;
  tasks: TasksTable;
  assignments: AssignmentsTable;
  submissions: SubmissionsTable;
  rechecks: RechecksTable;
  revisions: RevisionsTable;
  reviews: ReviewsTable;
  task_agreement: TaskAgreementTable;
}

/** Tables in dependency order: a backup writes them in it and a restore reads them back in it (task_agreement is derived: recomputed, not backed up). */
export const TABLES = ['users', 'projects', 'guidelines', 'memberships', 'invites', 'tasks', 'assignments', 'submissions', 'rechecks', 'revisions', 'reviews'] as const satisfies readonly (keyof DB)[];

export type User = Selectable<UsersTable>;
export type Project = Selectable<ProjectsTable>;
export type NewTask = Insertable<TasksTable>;
