// Opens the team server's database: a PostgreSQL server when given a URL (`--db` or DATABASE_URL),
// else PGlite in a data folder (the embedded default), and migrates it. The same Kysely types, SQL
// and migrations run on both. Nothing here keeps state another server process would need.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrate } from './migrate.js';
import { PGliteDialect } from './pgliteDialect.js';
import type { DB } from './schema.js';

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  db: Kysely<DB>;
  kind: DatabaseKind;
  close(): Promise<void>;
};

export type ConnectOptions = {
  /** postgres://… ; absent: PGlite in `dataDir`. */
  url?: string;
  /** PGlite's folder; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  /** Connections in the pool (PostgreSQL only). */
  poolSize?: number;
  /** Apply pending migrations (default true; a read-only tool may skip it). */
  migrate?: boolean;
};

/** Where the embedded database lives by default: the user's data directory. */
export function defaultDataDir(): string {
  const base =
    process.platform === 'win32'
      ? (process.env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'))
      : process.platform === 'darwin'
        ? path.join(os.homedir(), 'Library', 'Application Support')
        : (process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'));
  return path.join(base, 'veredicto', 'server');
}

export async function connect(options: ConnectOptions = {}): Promise<Database> {
  const database = options.url ? openPostgres(options.url, options.poolSize) : await openPGlite(options.dataDir ?? defaultDataDir());
  if (options.migrate !== false) {
    try {
      await migrate(database.db as Kysely<unknown>);
    } catch (e) {
      await database.close();
      throw e;
    }
  }
  return database;
}

function openPostgres(url: string, poolSize = 20): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
  // An idle client losing its server (PostgreSQL restarted) must not crash the process: the next
  // query fails and is answered 503.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

async function openPGlite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (!dataDir.startsWith('memory://')) fs.mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}
