// For tests and benchmarks: a fresh database per run, on the real PostgreSQL (a database created
// for the run and dropped after it) or on PGlite in memory. Not used by the product.
import crypto from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { connect, type ConnectOptions, type Database, type DatabaseKind } from './connect.js';

/** The server tests connect to: VEREDICTO_TEST_PG, else the machine's PostgreSQL on 127.0.0.1:5432. */
export const TEST_PG_ADMIN_URL = process.env.VEREDICTO_TEST_PG ?? `postgres://${encodeURIComponent(os.userInfo().username)}@127.0.0.1:5432/postgres`;

export type Scratch = { kind: DatabaseKind; url?: string; open(options?: Omit<ConnectOptions, 'url' | 'dataDir'>): Promise<Database>; drop(): Promise<void> };

/** A new empty PostgreSQL database; `drop` removes it (and ends its connections). */
export async function scratchPostgres(): Promise<Scratch> {
  const name = `veredicto_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(`The server tests need PostgreSQL at ${TEST_PG_ADMIN_URL} (set VEREDICTO_TEST_PG; .ci/run starts it): ${(e as Error).message}`);
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    url: url.toString(),
    open: (options = {}) => connect({ ...options, url: url.toString() }),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** PGlite in memory: one open at a time (it is one process's database). */
export async function scratchPGlite(): Promise<Scratch> {
  return { kind: 'pglite', open: (options = {}) => connect({ ...options, dataDir: 'memory://' }), drop: async () => undefined };
}

export const SCRATCH: Record<DatabaseKind, () => Promise<Scratch>> = { postgres: scratchPostgres, pglite: scratchPGlite };
