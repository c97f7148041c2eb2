// A whole server's data as one JSON-lines file, and its restore into an empty server. The file
// opens with a header (format, version, the schema it was taken at) and ends with the row counts,
// so a cut-off file is refused rather than half restored. Sessions and sign-in failures are not
// kept: a restored server starts with everyone signed out.
import { sql, type Kysely } from 'kysely';
import { LATEST, MIGRATIONS } from '../db/migrate.js';
import { TABLES, type DB } from '../db/schema.js';

export const BACKUP_FORMAT = 'veredicto.backup';
export const BACKUP_VERSION = 1;
type Table = (typeof TABLES)[number];

const ORDER: Record<Table, string[]> = {
  users: ['id'],
  projects: ['id'],
  guidelines: ['project_id', 'version'],
  memberships: ['project_id', 'user_id'],
  invites: ['token_hash'],
  tasks: ['project_id', 'id'],
  assignments: ['id'],
  submissions: ['id'],
  rechecks: ['submission_id'],
  revisions: ['id'],
  reviews: ['id'],
};
/** jsonb columns: written back as JSON text. */
const JSON_COLUMNS: Partial<Record<Table, string[]>> = {
  projects: ['rubric', 'dimensions'],
  tasks: ['body', 'gold'],
  submissions: ['evaluation', 'dimensions'],
  rechecks: ['results', 'mismatches'],
  revisions: ['evaluation'],
};
const PAGE = 500;

export class BackupError extends Error {
  override name = 'BackupError';
  constructor(readonly code: 'notEmpty' | 'notBackup' | 'newer' | 'truncated' | 'badLine', readonly line = 0) {
    super(code);
  }
}

export async function* dumpDatabase(db: Kysely<DB>): AsyncGenerator<string> {
  yield `${JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, schema: LATEST, createdAt: new Date().toISOString() })}\n`;
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    counts[table] = 0;
    // Pages by offset inside one repeatable-read snapshot would be exact; a dump is taken on a quiet
    // server, and rows are only added at the end of these orders, so offsets are stable enough here.
    for (let offset = 0; ; offset += PAGE) {
      const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} ORDER BY ${sql.join(ORDER[table].map((c) => sql.ref(c)))} LIMIT ${PAGE} OFFSET ${offset}`.execute(db);
      let out = '';
      for (const row of rows.rows) out += `${JSON.stringify({ table, row })}\n`;
      counts[table] += rows.rows.length;
      if (out) yield out;
      if (rows.rows.length < PAGE) break;
    }
  }
  yield `${JSON.stringify({ end: true, counts })}\n`;
}

/** Restores a dump into a server with no users and no projects, all in one transaction. */
export async function restoreDatabase(db: Kysely<DB>, lines: AsyncIterable<string> | Iterable<string>): Promise<Record<string, number>> {
  return db.transaction().execute(async (trx) => {
    const { n } = await trx.selectFrom('users').select(sql<number>`(count(*) + (SELECT count(*) FROM projects))::int`.as('n')).executeTakeFirstOrThrow();
    if (n > 0) throw new BackupError('notEmpty');
    let lineNo = 0;
    let header = false;
    let end: Record<string, number> | undefined;
    const counts: Record<string, number> = Object.fromEntries(TABLES.map((t) => [t, 0]));
    const pending: { table: Table; row: Record<string, unknown> }[] = [];
    const flush = async () => {
      while (pending.length) {
        const table = pending[0]!.table;
        const batch: Record<string, unknown>[] = [];
        while (pending.length && pending[0]!.table === table && batch.length < 200) batch.push(pending.shift()!.row);
        await trx.insertInto(table).values(batch as never).execute();
      }
    };
    for await (const raw of lines) {
      lineNo++;
      if (!raw.trim()) continue;
      let v: Record<string, unknown>;
      try {
        v = JSON.parse(raw);
      } catch {
        throw new BackupError('badLine', lineNo);
      }
      if (!header) {
        if (v.format !== BACKUP_FORMAT) throw new BackupError('notBackup', lineNo);
        if (typeof v.version !== 'number' || v.version > BACKUP_VERSION || typeof v.schema !== 'string' || !(v.schema in MIGRATIONS)) throw new BackupError('newer', lineNo);
        header = true;
        continue;
      }
      if (end) throw new BackupError('badLine', lineNo);
      if (v.end === true) {
        end = v.counts as Record<string, number>;
        continue;
      }
      const table = v.table as Table;
      if (!TABLES.includes(table) || typeof v.row !== 'object' || v.row === null) throw new BackupError('badLine', lineNo);
      const row = { ...(v.row as Record<string, unknown>) };
      for (const c of JSON_COLUMNS[table] ?? []) if (row[c] !== null && row[c] !== undefined) row[c] = JSON.stringify(row[c]);
      pending.push({ table, row });
      counts[table]!++;
      if (pending.length >= 200) await flush();
    }
    await flush();
    if (!header) throw new BackupError('notBackup');
    if (!end || TABLES.some((t) => (end![t] ?? 0) !== counts[t])) throw new BackupError('truncated', lineNo);
    await sql`SELECT setval(pg_get_serial_sequence('revisions', 'id'), coalesce((SELECT max(id) FROM revisions), 0) + 1, false)`.execute(trx);
    return counts;
  });
}
