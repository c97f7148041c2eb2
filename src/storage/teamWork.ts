// Team mode's records: the evaluation of each leased task (keyed by project and lease, so a team
// task never shares a record with a local task of the same id), each project's last known queue
// for working offline, and the outbox of submitted evaluations until the server acknowledges them.
// An outbox item is never deleted on failure: only an acknowledgement marks it accepted.
import { z } from '../domain/zod.js';
import { evaluationSchema, upgradeEvaluation, type Evaluation } from '../domain/evaluation.js';
import { LOCALES } from '../domain/task.js';
import { STORAGE_KEYS } from './keys.js';
import { defineRecord, getAllRecords, getRecord, putRecords, type Loaded, type LoadedOne, type SaveReceipt, type VeredictoDB } from './database.js';
import { anyTaskSchema } from './importedTasks.js';

const S = STORAGE_KEYS.stores;

export const teamKey = (projectId: string, assignmentId: string) => `${projectId}/${assignmentId}`;

// Version 2: the evaluation's own version 2 (answers' judging); an outbox item's evaluation is
// upgraded by evaluationSchema itself, so the outbox record keeps its version.
export const TEAM_EVALUATION_RECORD = defineRecord<Evaluation>({ store: S.teamWork, version: 2, schema: evaluationSchema, migrations: [upgradeEvaluation] });

const lease = z
  .object({
    id: z.string(),
    taskId: z.string(),
    state: z.string(),
    leasedAt: z.string(),
    leaseExpiresAt: z.string(),
    finishedAt: z.string().nullable(),
    task: anyTaskSchema,
  })
  .strict();
const queueSchema = z
  .object({
    projectId: z.string(),
    name: z.string(),
    guidelines: z.object({ version: z.number(), en: z.string(), 'es-CL': z.string() }).strict(),
    timeLimitMinutes: z.number().nullable(),
    assignments: z.array(lease),
    fetchedAt: z.string(),
  })
  .strict();
export type TeamQueue = z.infer<typeof queueSchema>;
export type Lease = TeamQueue['assignments'][number];
export const TEAM_QUEUE_RECORD = defineRecord<TeamQueue>({ store: S.teamQueues, version: 1, schema: queueSchema, migrations: [], keyOf: (q) => q.projectId });

export const OUTBOX_STATES = ['queued', 'sent', 'accepted', 'rejected'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
const outboxSchema = z
  .object({
    /** The upload's idempotency key, made here once and sent with every retry. */
    id: z.string().uuid(),
    projectId: z.string(),
    assignmentId: z.string(),
    evaluation: evaluationSchema,
    guidelineVersion: z.number().int().min(0).optional(),
    locale: z.enum(LOCALES),
    /** queued: waiting (or a try failed); sent: a request is under way; accepted: the server has it. */
    state: z.enum(OUTBOX_STATES),
    /** Why the server refused it (rejected), or the last failure while queued. */
    code: z.string().optional(),
    queuedAt: z.string(),
    sentAt: z.string().optional(),
    acceptedAt: z.string().optional(),
    attempts: z.number().int().min(0),
  })
  .strict();
export type OutboxItem = z.infer<typeof outboxSchema>;
export const OUTBOX_RECORD = defineRecord<OutboxItem>({ store: S.outbox, version: 1, schema: outboxSchema, migrations: [], keyOf: (o) => o.id });

export const loadTeamEvaluation = (db: VeredictoDB, key: string): Promise<LoadedOne<Evaluation | undefined>> => getRecord(db, TEAM_EVALUATION_RECORD, key);

export async function saveTeamEvaluation(db: VeredictoDB, key: string, e: Evaluation, expectedSeq?: number): Promise<SaveReceipt> {
  const [receipt] = await putRecords(db, TEAM_EVALUATION_RECORD, [{ key, value: e, ...(expectedSeq === undefined ? {} : { expectedSeq }) }]);
  return receipt!;
}

export const loadQueue = (db: VeredictoDB, projectId: string) => getRecord(db, TEAM_QUEUE_RECORD, projectId);
export const saveQueue = (db: VeredictoDB, q: TeamQueue) => putRecords(db, TEAM_QUEUE_RECORD, [{ key: q.projectId, value: q }]);

export const listOutbox = (db: VeredictoDB): Promise<Loaded<OutboxItem[]>> => getAllRecords(db, OUTBOX_RECORD);
export const putOutbox = (db: VeredictoDB, items: readonly OutboxItem[]) => putRecords(db, OUTBOX_RECORD, items.map((i) => ({ key: i.id, value: i })));
