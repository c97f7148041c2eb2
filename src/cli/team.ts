// The team server's commands: `serve`, `worker` and `admin …` (add-user, project create, backup,
// restore). They share the server's code (src/server, src/db); nothing here talks HTTP. Messages
// come from the `team` namespace; exit 0 on success, 1 on a refused action, 2 on bad input, 3 when
// the database cannot be reached.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { i18n } from 'i18next';
import { connect, defaultDataDir, type Database } from '../db/connect.js';
import { MigrationError } from '../db/migrate.js';
import { ROLES, type Role } from '../db/schema.js';
import { ApiError, isDatabaseDown } from '../server/errors.js';
import { BackupError, dumpDatabase, restoreDatabase } from '../server/backup.js';
import { hashPassword, MAX_PASSWORD, MIN_PASSWORD } from '../server/passwords.js';
import { createProject, readSources, type SourceFile } from '../server/projects.js';
import { RecheckWorker } from '../server/recheck.js';
import { startServer } from '../server/serve.js';
import { ensureSnapshot, nodeSandbox } from '../sandbox/node/spawn.js';
import { ROOT } from '../sandbox/node/paths.js';
import { MAX_FILE_BYTES } from '../formats/jsonText.js';
import type { Problem } from '../formats/taskFile.js';

export const TEAM_COMMANDS = ['serve', 'worker', 'admin'] as const;

type T = i18n['t'];
type Flags = Map<string, string | true>;

class Usage extends Error {
  constructor(readonly key: string, readonly params: Record<string, string> = {}) {
    super(key);
  }
}

/** `--name value`, `--name=value` and bare `--flag`; everything else is positional. */
function parse(argv: readonly string[], withValue: readonly string[], bare: readonly string[]): { flags: Flags; rest: string[] } {
  const flags: Flags = new Map();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      rest.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (name === 'lang') {
      if (eq < 0) i++;
      continue; // read by main
    }
    if (bare.includes(name)) flags.set(name, true);
    else if (withValue.includes(name)) {
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined || (eq < 0 && v.startsWith('--'))) throw new Usage('error.missingValue', { option: `--${name}` });
      flags.set(name, v);
    } else throw new Usage('error.unknownOption', { option: a });
  }
  return { flags, rest };
}

const str = (flags: Flags, name: string) => {
  const v = flags.get(name);
  return typeof v === 'string' ? v : undefined;
};

function int(flags: Flags, name: string, min: number, max: number): number | undefined {
  const v = str(flags, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new Usage('error.badNumber', { option: `--${name}` });
  return Number(v);
}

/** The database a command uses: --db, else DATABASE_URL, else PGlite in --data (or the default folder). */
function where(flags: Flags): { url?: string; dataDir: string } {
  const url = str(flags, 'db') ?? process.env.DATABASE_URL;
  if (url && !/^postgres(ql)?:\/\//.test(url)) throw new Usage('cli.badDatabaseUrl', { ns: 'team' });
  return { ...(url ? { url } : {}), dataDir: path.resolve(str(flags, 'data') ?? defaultDataDir()) };
}

async function open(flags: Flags): Promise<Database> {
  return connect(where(flags));
}

const say = (text: string) => process.stdout.write(`${text}\n`);
const complain = (text: string) => process.stderr.write(`veredicto: ${text}\n`);

function explain(t: T, e: unknown): number {
  if (e instanceof Usage) {
    // A usage key names its namespace in its params (cli by default); both files are in the locale test.
    complain(`${(t as unknown as (key: string, o: object) => string)(e.key, { ns: e.params.ns ?? 'cli', ...e.params })}\n${t('error.seeHelp', { ns: 'cli' })}`);
    return 2;
  }
  if (e instanceof MigrationError) {
    complain(t('cli.newerDatabase', { ns: 'team' }));
    return 1;
  }
  if (e instanceof BackupError) {
    complain(t(`backup.${e.code}`, { ns: 'team', line: e.line }));
    return 1;
  }
  if (e instanceof ApiError) {
    // The server's error codes (src/server/errors.ts), each with its sentence in team.json's `api`.
    complain((t as unknown as (key: string, o: object) => string)(`api.${e.code}`, { ns: 'team', count: 0, ...(e.params ?? {}) }));
    return 1;
  }
  if (isDatabaseDown(e) || (e as { code?: string })?.code === '3D000' || (e as { code?: string })?.code === '28P01') {
    complain(t('cli.databaseDown', { ns: 'team', detail: String((e as Error)?.message ?? e) }));
    return 3;
  }
  throw e;
}

export async function teamCommand(argv: readonly string[], t: T, problemText: (t: T, p: Problem) => string): Promise<number> {
  try {
    const [command, sub, ...more] = argv;
    if (command === 'serve') return await serve(argv.slice(1), t);
    if (command === 'worker') return await worker(argv.slice(1), t);
    if (command === 'admin' && sub === 'add-user') return await addUser([...more], t);
    if (command === 'admin' && sub === 'project' && more[0] === 'create') return await createProjectCommand(more.slice(1), t, problemText);
    if (command === 'admin' && sub === 'backup') return await backup(more, t);
    if (command === 'admin' && sub === 'restore') return await restore(more, t);
    throw new Usage('error.unknownCommand', { command: argv.slice(0, 3).join(' ') });
  } catch (e) {
    return explain(t, e);
  }
}

function sandboxFactory(size?: number) {
  return () => {
    ensureSnapshot();
    return nodeSandbox({}, size);
  };
}

async function serve(argv: readonly string[], t: T): Promise<number> {
  const { flags, rest } = parse(argv, ['port', 'host', 'db', 'data', 'app', 'workers'], ['no-worker', 'secure-cookies']);
  if (rest.length) throw new Usage('error.unknownOption', { option: rest[0]! });
  const port = int(flags, 'port', 0, 65535) ?? 8080;
  const db = where(flags);
  const appDir = path.resolve(str(flags, 'app') ?? path.join(ROOT, 'dist'));
  const hasApp = fs.existsSync(path.join(appDir, 'index.html'));
  const workers = int(flags, 'workers', 1, 64);
  const server = await startServer({
    port,
    host: str(flags, 'host') ?? '0.0.0.0',
    ...db,
    ...(hasApp ? { appDir } : {}),
    worker: !flags.has('no-worker'),
    sandbox: sandboxFactory(workers),
    secureCookies: flags.has('secure-cookies') || process.env.VEREDICTO_SECURE_COOKIES === '1',
  });
  say(t('cli.listening', { ns: 'team', url: server.url }));
  say(db.url ? t('cli.onPostgres', { ns: 'team' }) : t('cli.onPGlite', { ns: 'team', dir: db.dataDir }));
  if (!hasApp) say(t('cli.noApp', { ns: 'team', dir: appDir }));
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

async function worker(argv: readonly string[], t: T): Promise<number> {
  const { flags, rest } = parse(argv, ['db', 'data', 'workers'], ['once']);
  if (rest.length) throw new Usage('error.unknownOption', { option: rest[0]! });
  const database = await open(flags);
  const w = new RecheckWorker(database.db, { sandbox: sandboxFactory(int(flags, 'workers', 1, 64)), onError: (e) => complain(String((e as Error)?.message ?? e)) });
  try {
    if (flags.has('once')) {
      let total = 0;
      for (let n; (n = await w.runOnce()) > 0; ) total += n;
      say(t('cli.rechecked', { ns: 'team', count: total }));
      return 0;
    }
    say(t('cli.workerStarted', { ns: 'team' }));
    w.start();
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    return 0;
  } finally {
    await w.stop();
    await database.close();
  }
}

/** The first line of standard input (a password piped in or typed). */
async function readSecret(): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line.replace(/\r$/, '');
  }
  return '';
}

async function addUser(argv: readonly string[], t: T): Promise<number> {
  const { flags, rest } = parse(argv, ['email', 'role', 'db', 'data', 'locale'], []);
  if (rest.length) throw new Usage('error.unknownOption', { option: rest[0]! });
  const email = str(flags, 'email')?.trim().toLowerCase();
  const role = str(flags, 'role') as Role | undefined;
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) throw new Usage('cli.badEmail', { ns: 'team' });
  if (!role || !ROLES.includes(role)) throw new Usage('cli.badRole', { ns: 'team' });
  const locale = str(flags, 'locale') ?? 'en';
  if (locale !== 'en' && locale !== 'es-CL') throw new Usage('error.badLang');
  if (process.stdin.isTTY) process.stderr.write(t('cli.passwordPrompt', { ns: 'team' }));
  const password = await readSecret();
  if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) throw new Usage('cli.badPassword', { ns: 'team', min: String(MIN_PASSWORD) });
  const database = await open(flags);
  try {
    const row = await database.db
      .insertInto('users')
      .values({ email, role, locale, password_hash: await hashPassword(password) })
      .onConflict((oc) => oc.column('email').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new ApiError(409, 'emailTaken');
    say(row.id);
    return 0;
  } finally {
    await database.close();
  }
}

function readFiles(paths: readonly string[]): SourceFile[] {
  const files: SourceFile[] = [];
  const add = (file: string) => {
    const size = fs.statSync(file).size;
    if (size > MAX_FILE_BYTES * 20) throw new Usage('cli.fileTooLarge', { ns: 'team', file });
    files.push({ name: file, text: fs.readFileSync(file, 'utf8') });
  };
  for (const p of paths) {
    if (!fs.existsSync(p)) throw new Usage('cli.noSuchFile', { ns: 'team', file: p });
    if (!fs.statSync(p).isDirectory()) add(p);
    else for (const f of fs.readdirSync(p, { recursive: true, encoding: 'utf8' }).sort()) if (/\.jsonl?$/i.test(f) && !f.split(path.sep).some((s) => s.startsWith('.'))) add(path.join(p, f));
  }
  return files;
}

async function createProjectCommand(argv: readonly string[], t: T, problemText: (t: T, p: Problem) => string): Promise<number> {
  const { flags, rest } = parse(argv, ['name', 'overlap', 'db', 'data', 'samples', 'lease-minutes', 'time-limit-minutes'], []);
  const name = str(flags, 'name')?.trim();
  if (!name) throw new Usage('error.missingValue', { option: '--name' });
  if (!rest.length) throw new Usage('error.noInput');
  const overlap = int(flags, 'overlap', 1, 100);
  const lease = int(flags, 'lease-minutes', 1, 90 * 24 * 60);
  const limit = int(flags, 'time-limit-minutes', 1, 24 * 60);
  const samples = str(flags, 'samples');
  let tasks;
  try {
    tasks = readSources(readFiles(rest), samples ? readFiles([samples])[0] : undefined);
  } catch (e) {
    if (!(e instanceof ApiError) || !e.problems) throw e;
    for (const p of e.problems) process.stderr.write(`${problemText(t, p)}\n`);
    process.stderr.write(`${t('error.failedInputs', { ns: 'cli', count: Number(e.params?.count ?? e.problems.length) })}\n`);
    return 2;
  }
  const database = await open(flags);
  try {
    const id = await createProject(database.db, { name, ...(overlap ? { overlap } : {}), ...(lease ? { leaseMinutes: lease } : {}), ...(limit ? { timeLimitMinutes: limit } : {}) }, tasks, null);
    say(id);
    return 0;
  } finally {
    await database.close();
  }
}

async function backup(argv: readonly string[], _t: T): Promise<number> {
  const { flags, rest } = parse(argv, ['db', 'data'], []);
  if (rest.length) throw new Usage('error.unknownOption', { option: rest[0]! });
  const database = await open(flags);
  try {
    for await (const chunk of dumpDatabase(database.db)) if (!process.stdout.write(chunk)) await new Promise((r) => process.stdout.once('drain', r));
    return 0;
  } finally {
    await database.close();
  }
}

async function restore(argv: readonly string[], t: T): Promise<number> {
  const { flags, rest } = parse(argv, ['db', 'data'], []);
  if (rest.length !== 1) throw new Usage('error.noInput');
  const file = rest[0]!;
  if (!fs.existsSync(file)) throw new Usage('cli.noSuchFile', { ns: 'team', file });
  const database = await open(flags);
  try {
    const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
    const counts = await restoreDatabase(database.db, lines);
    say(t('cli.restored', { ns: 'team', users: counts.users ?? 0, projects: counts.projects ?? 0, submissions: counts.submissions ?? 0 }));
    return 0;
  } finally {
    await database.close();
  }
}
