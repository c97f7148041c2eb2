// The IndexedDB database: its versioned layout, the envelope every record is stored in, and the
// generic read/write paths that migrate and validate records. What a record holds is defined by its
// kind (evaluations.ts, importedTasks.ts, settings.ts). Nothing here deletes a record it cannot read.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { z } from '../domain/zod.js';
import { STORAGE_KEYS, type StoreName } from './keys.js';

const S = STORAGE_KEYS.stores;

/**
 * How every record sits on disk. `v` is the version of `data`'s shape (per record kind), `seq`
 * counts saves of this key, so a writer can later tell that another tab saved in between.
 */
export type Envelope = { v: number; data: unknown; savedAt: string; seq: number };
const envelopeSchema = z.object({
  v: z.number().int().min(1),
  data: z.unknown(),
  savedAt: z.string(),
  seq: z.number().int().min(0),
});

/** A record that failed to read, set aside when something was about to overwrite it. */
export type Quarantined = { store: StoreName; key: string; record: unknown; reason: string; quarantinedAt: string };

type RecordStore = typeof S.evaluations | typeof S.tasks | typeof S.settings | typeof S.practice | typeof S.attempts | typeof S.drafts | typeof S.teamWork | typeof S.teamQueues | typeof S.outbox;

export interface VeredictoSchema extends DBSchema {
  // Values are `unknown` on purpose: what comes back from disk is checked, never assumed.
  [S.evaluations]: { key: string; value: unknown };
  [S.tasks]: { key: string; value: unknown };
  [S.settings]: { key: string; value: unknown };
  [S.quarantine]: { key: number; value: Quarantined };
  [S.practice]: { key: string; value: unknown };
  [S.attempts]: { key: string; value: unknown };
  [S.drafts]: { key: string; value: unknown };
  [S.teamWork]: { key: string; value: unknown };
  [S.teamQueues]: { key: string; value: unknown };
  [S.outbox]: { key: string; value: unknown };
}
export type VeredictoDB = IDBPDatabase<VeredictoSchema>;

type Upgrade = (db: IDBPDatabase, tx: IDBPTransaction<unknown, string[], 'versionchange'>) => void;

/**
 * Layout changes. UPGRADES[i] takes the database from version i to i + 1, and DB_VERSION follows the
 * list, so adding DB version 2 is appending one function (new stores or indexes; rewriting records
 * through `tx` if a change cannot wait until read). Never edit a step that has shipped.
 * A change to what a record *holds* does not need a DB version: bump the record kind's `version`
 * and append to its `migrations`, which run when the record is read.
 */
const UPGRADES: readonly Upgrade[] = [
  // 0 → 1. Keys are out of line (given on put), so a record whose data is broken is still addressable.
  (db) => {
    db.createObjectStore(S.evaluations);
    db.createObjectStore(S.tasks);
    db.createObjectStore(S.settings);
    db.createObjectStore(S.quarantine, { autoIncrement: true });
  },
  // 1 → 2. Practice mode: its evaluations and attempts live apart from the training data.
  (db) => {
    db.createObjectStore(S.practice);
    db.createObjectStore(S.attempts);
  },
  // 2 → 3. Authoring: drafts of tasks, kept apart from the tasks the workbench lists.
  (db) => {
    db.createObjectStore(S.drafts);
  },
  // 3 → 4. Team mode: leased tasks' evaluations, cached queues and the upload outbox, apart from
  // local work (a team task may have the id of a local one).
  (db) => {
    db.createObjectStore(S.teamWork);
    db.createObjectStore(S.teamQueues);
    db.createObjectStore(S.outbox);
  },
];
export const DB_VERSION = UPGRADES.length;

export type OpenOptions = {
  /** Another tab is waiting to upgrade: flush unsaved work, then `db.close()` and offer a reload. */
  onBlocking?: (db: VeredictoDB) => void;
  /** This tab waits for another (older) tab to close its connection. */
  onBlocked?: () => void;
};

export async function openDatabase(name: string = STORAGE_KEYS.database, options: OpenOptions = {}): Promise<VeredictoDB> {
  // The connection is not closed by default when blocking: the older tab keeps saving safely and
  // the newer one waits, rather than the older tab's next save failing.
  const db: VeredictoDB = await openDB<VeredictoSchema>(name, DB_VERSION, {
    upgrade(raw, oldVersion, _newVersion, tx) {
      const untyped = raw as unknown as IDBPDatabase;
      const utx = tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
      for (let v = oldVersion; v < UPGRADES.length; v++) UPGRADES[v]!(untyped, utx);
    },
    blocking: () => options.onBlocking?.(db),
    blocked: () => options.onBlocked?.(),
  });
  return db;
}

/** Turns data stored at version i + 1 into version i + 2. Pure and synchronous (runs inside reads). */
export type Migration = (data: unknown) => unknown;

export interface RecordKind<T> {
  store: RecordStore;
  /** The current version of this record's data. */
  version: number;
  schema: z.ZodType<T>;
  /** migrations[i] upgrades version i + 1 to i + 2, so there are exactly `version - 1`. */
  migrations: readonly Migration[];
  /** The key a value must be stored under, when the value names it (checked on read and write). */
  keyOf?: (value: T) => string;
}

export function defineRecord<T>(kind: RecordKind<T>): RecordKind<T> {
  // Fails at start-up (and in tests) when a version was bumped without its migration.
  if (kind.migrations.length !== kind.version - 1)
    throw new Error(`${kind.store}: version ${kind.version} needs ${kind.version - 1} migrations, has ${kind.migrations.length}`);
  return kind;
}

export type StorageProblem = {
  store: StoreName;
  key: string;
  /** envelope: not a stored record; newer: written by a newer app; migration: a migration threw. */
  reason: 'envelope' | 'newer' | 'migration' | 'invalid';
  message: string;
  /** The record exactly as stored, so the UI can offer it for download. */
  record: unknown;
};

/** What a read returns: the records that passed, and a report on the ones skipped. */
export type Loaded<T> = { value: T; problems: StorageProblem[] };
/** One record as read, with the save count it had (see Envelope.seq; 0 when absent). */
export type LoadedOne<T> = Loaded<T> & { seq: number };

export type SaveReceipt = { seq: number; savedAt: string };

export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    /**
     * invalid: the value fails its schema; stale: another tab saved this key since we read it;
     * unavailable: this browser gives the page no IndexedDB.
     */
    readonly code: 'invalid' | 'stale' | 'unavailable',
    message: string,
  ) {
    super(message);
  }
}

type Decoded<T> = { ok: true; value: T } | { ok: false; problem: StorageProblem };

/** Envelope → migrations → schema (→ key check). Never throws. */
export function decodeRecord<T>(kind: RecordKind<T>, key: string, record: unknown): Decoded<T> {
  const fail = (reason: StorageProblem['reason'], message: string): Decoded<T> => ({
    ok: false,
    problem: { store: kind.store, key, reason, message, record },
  });
  const envelope = envelopeSchema.safeParse(record);
  if (!envelope.success) return fail('envelope', z.prettifyError(envelope.error));
  let { v, data } = envelope.data;
  if (v > kind.version) return fail('newer', `stored version ${v}, this app reads up to ${kind.version}`);
  try {
    for (; v < kind.version; v++) data = kind.migrations[v - 1]!(data);
  } catch (e) {
    return fail('migration', `from version ${v}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = kind.schema.safeParse(data);
  if (!parsed.success) return fail('invalid', z.prettifyError(parsed.error));
  if (kind.keyOf && kind.keyOf(parsed.data) !== key) return fail('invalid', `stored under "${key}" but names "${kind.keyOf(parsed.data)}"`);
  return { ok: true, value: parsed.data };
}

export async function getRecord<T>(db: VeredictoDB, kind: RecordKind<T>, key: string): Promise<LoadedOne<T | undefined>> {
  const record = await db.get(kind.store, key);
  if (record === undefined) return { value: undefined, problems: [], seq: 0 };
  const d = decodeRecord(kind, key, record);
  const seq = seqOf(record);
  return d.ok ? { value: d.value, problems: [], seq } : { value: undefined, problems: [d.problem], seq };
}

export async function getAllRecords<T>(db: VeredictoDB, kind: RecordKind<T>): Promise<Loaded<T[]>> {
  const tx = db.transaction(kind.store, 'readonly');
  // Same transaction, so keys and values line up one to one.
  const [keys, records] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
  const loaded: Loaded<T[]> = { value: [], problems: [] };
  records.forEach((record, i) => {
    const d = decodeRecord(kind, keys[i]!, record);
    if (d.ok) loaded.value.push(d.value);
    else loaded.problems.push(d.problem);
  });
  return loaded;
}

/**
 * Validates every value first, then writes them all in one transaction: all or nothing. A stored
 * record that cannot be read is copied to quarantine before it is overwritten.
 */
export async function putRecords<T>(
  db: VeredictoDB,
  kind: RecordKind<T>,
  entries: readonly { key: string; value: T; expectedSeq?: number }[],
): Promise<SaveReceipt[]> {
  const checked = entries.map(({ key, value }, i) => {
    const parsed = kind.schema.safeParse(value);
    if (!parsed.success) throw new StorageError('invalid', `${kind.store} #${i} (${key}): ${z.prettifyError(parsed.error)}`);
    if (kind.keyOf && kind.keyOf(parsed.data) !== key) throw new StorageError('invalid', `${kind.store} #${i}: key "${key}" does not match the value`);
    return { key, data: parsed.data, expectedSeq: entries[i]!.expectedSeq };
  });
  const tx = db.transaction([kind.store, S.quarantine], 'readwrite');
  const done = tx.done;
  done.catch(() => undefined); // awaited below; this only keeps an abort from being reported unhandled
  try {
    const store = tx.objectStore(kind.store);
    const receipts: SaveReceipt[] = [];
    const savedAt = new Date().toISOString();
    for (const { key, data, expectedSeq } of checked) {
      const existing = await store.get(key);
      // Optimistic concurrency: the writer says which save it last saw; anything newer means
      // another tab wrote in between, and overwriting it silently would lose that tab's work.
      if (expectedSeq !== undefined && seqOf(existing) !== expectedSeq)
        throw new StorageError('stale', `${kind.store} ${key}: saved elsewhere (save ${seqOf(existing)}, expected ${expectedSeq})`);
      if (existing !== undefined) {
        const d = decodeRecord(kind, key, existing);
        if (!d.ok)
          await tx.objectStore(S.quarantine).add({ store: kind.store, key, record: existing, reason: d.problem.message, quarantinedAt: savedAt });
      }
      const seq = seqOf(existing) + 1;
      await store.put({ v: kind.version, data, savedAt, seq } satisfies Envelope, key);
      receipts.push({ seq, savedAt });
    }
    await done;
    return receipts;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      /* already aborted or finished */
    }
    await done.catch(() => undefined);
    throw e;
  }
}

function seqOf(record: unknown): number {
  const seq = (record as { seq?: unknown } | undefined)?.seq;
  return typeof seq === 'number' && Number.isFinite(seq) ? seq : 0;
}

export async function deleteRecord(db: VeredictoDB, store: RecordStore, key: string): Promise<void> {
  await db.delete(store, key);
}

export async function listQuarantined(db: VeredictoDB): Promise<Quarantined[]> {
  return db.getAll(S.quarantine);
}

/**
 * Whether an error means the browser refused for lack of space. It arrives as a DOMException named
 * QuotaExceededError (Firefox once used NS_ERROR_DOM_QUOTA_REACHED), directly from a request, as a
 * transaction's `error`, or as the `cause` of an AbortError wrapping the aborted transaction.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const e = error as { name?: unknown; cause?: unknown; error?: unknown; target?: { error?: unknown } | null };
  if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  return [e.cause, e.error, e.target?.error].some((inner) => inner !== error && isQuotaError(inner, depth + 1));
}

/** Why a write failed, as the user is told it (keys `storage.<failure>` in the errors namespace). */
export type StorageFailure = 'quota' | 'stale' | 'invalid' | 'unavailable' | 'other';

export function storageFailure(error: unknown): StorageFailure {
  if (isQuotaError(error)) return 'quota';
  return error instanceof StorageError ? error.code : 'other';
}

