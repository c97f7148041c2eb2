// The one migrator: Kysely's, fed the numbered migrations in order. They only go forward (no down):
// a migration that shipped is never edited, a change is a new file appended to MIGRATIONS.
// Several server processes may start at once: Kysely takes a PostgreSQL advisory lock first.
import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import * as m0001 from './migrations/0001_accounts_projects.js';
import * as m0002 from './migrations/0002_submissions_rechecks.js';
import * as m0003 from './migrations/0003_review.js';
import * as m0004 from './migrations/0004_review_queue.js';
import * as m0005 from './migrations/0005_sql_views.js';
import * as m0006 from './migrations/0006_project_pause.js';
import * as m0007 from './migrations/0007_project_dimensions.js';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_accounts_projects': m0001,
  '0002_submissions_rechecks': m0002,
  '0003_review': m0003,
  '0004_review_queue': m0004,
  '0005_sql_views': m0005,
  '0006_project_pause': m0006,
  '0007_project_dimensions': m0007,
};
export const LATEST = Object.keys(MIGRATIONS).at(-1)!;

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Applies every migration not yet applied, up to `target` (default: all). Returns the names applied. */
export async function migrate(db: Kysely<unknown>, target: string = LATEST): Promise<string[]> {
  if (!(target in MIGRATIONS)) throw new MigrationError(`unknown migration ${target}`);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
    migrationTableName: 'veredicto_migrations',
    migrationLockTableName: 'veredicto_migrations_lock',
  });
  const applied = new Set((await migrator.getMigrations()).filter((m) => m.executedAt).map((m) => m.name));
  const unknown = await appliedElsewhere(db);
  // A database migrated by a newer Veredicto: refuse rather than run against a shape we do not know.
  if (unknown.length) throw new MigrationError(`the database was upgraded by a newer Veredicto (${unknown.join(', ')}); update Veredicto`);
  if (applied.has(target)) return [];
  const { error, results } = await migrator.migrateTo(target);
  if (error) throw error instanceof Error ? error : new MigrationError(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Migrations recorded in the database that this version does not know. */
async function appliedElsewhere(db: Kysely<unknown>): Promise<string[]> {
  const exists = await sql<{ t: string | null }>`SELECT to_regclass('veredicto_migrations')::text AS t`.execute(db);
  if (!exists.rows[0]?.t) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM veredicto_migrations`.execute(db);
  return rows.rows.map((r) => r.name).filter((n) => !(n in MIGRATIONS));
}
