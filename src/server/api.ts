// The team server's request and answer shapes, as zod schemas: the routes validate with them
// (fastify-type-provider-zod), the OpenAPI document is generated from them, and the SPA's client
// types its calls with them. Evaluations use the SPA's own schema (src/domain/evaluation.ts).
import { z } from '../domain/zod.js';
import { evaluationSchema } from '../domain/evaluation.js';
import { LOCALES } from '../domain/task.js';
import { projectName, projectSettingsSchema, projectSettingsShape } from '../domain/projectSettings.js';
import { ROLES } from '../db/schema.js';
import { MAX_PASSWORD, MIN_PASSWORD } from './passwords.js';
import { EXPORT_FORMATS, REVIEW_STATES } from './exports.js';
import { MAX_CHECKOUT } from './assignment.js';
import { MAX_BATCH } from './uploads.js';
import { REVIEW_DECISIONS } from '../domain/review.js';

export const uuid = z.string().uuid();
const email = z.string().trim().toLowerCase().email().max(254);
const password = z.string().min(MIN_PASSWORD).max(MAX_PASSWORD);
const text = (max: number) => z.string().max(max);

export const projectParams = z.object({ projectId: z.string().max(100) }).strict();
export const memberParams = projectParams.extend({ userId: z.string().max(100) }).strict();
export const assignmentParams = projectParams.extend({ assignmentId: z.string().max(100) }).strict();
export const submissionParams = projectParams.extend({ submissionId: z.string().max(100) }).strict();
export const taskParams = projectParams.extend({ taskId: z.string().min(1).max(200) }).strict();

export const loginBody = z.object({ email, password: z.string().min(1).max(MAX_PASSWORD) }).strict();
export const acceptInviteBody = z.object({ token: z.string().min(10).max(100), email, password, locale: z.enum(LOCALES).optional() }).strict();
export const newUserBody = z.object({ email, password, role: z.enum(ROLES), locale: z.enum(LOCALES).optional() }).strict();
export const localeBody = z.object({ locale: z.enum(LOCALES) }).strict();

export const guidelines = z.object({ en: text(200_000), 'es-CL': text(200_000) }).strict();
const sourceFile = z.object({ name: z.string().min(1).max(300), text: z.string() }).strict();
export const newProjectBody = z
  .object({ name: projectName, ...projectSettingsShape, guidelines: guidelines.optional(), files: z.array(sourceFile).min(1).max(1000), samples: sourceFile.optional() })
  .strict();
/** A change of settings; `paused` stops checkouts for everyone (work already held can still be sent). */
export const projectSettingsBody = projectSettingsSchema.extend({ paused: z.boolean().optional() }).strict();
export const addTasksBody = z.object({ files: z.array(sourceFile).min(1).max(1000), samples: sourceFile.optional() }).strict();
export const addMemberBody = z.object({ email }).strict();
export const inviteBody = z.object({ role: z.enum(ROLES), email: email.optional() }).strict();
export const checkoutBody = z.object({ count: z.number().int().min(1).max(MAX_CHECKOUT) }).strict();
export const skipBody = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();
export const uploadBody = z
  .object({
    items: z
      .array(z.object({ id: uuid, assignmentId: z.string().max(100), evaluation: evaluationSchema, guidelineVersion: z.number().int().min(0).optional() }).strict())
      .min(1)
      .max(MAX_BATCH),
  })
  .strict();
export const exportQuery = z
  .object({
    format: z.enum(EXPORT_FORMATS).default('jsonl'),
    status: z.enum(REVIEW_STATES).optional(),
    /** ISO dates or times; `to` is exclusive. */
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    locale: z.enum(LOCALES).default('en'),
  })
  .strict();

export const MAX_COMMENT = 20_000;
/** A reviewer's decision: a reject needs a comment, a fix & accept the fixed (submitted) evaluation. */
export const reviewBody = z
  .object({
    decision: z.enum(REVIEW_DECISIONS),
    comment: z.string().max(MAX_COMMENT).optional(),
    evaluation: evaluationSchema.optional(),
    returnTo: z.enum(['trainer', 'pool']).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.decision === 'reject' && !b.comment?.trim()) ctx.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, path: ['comment'], input: b.comment });
    if (b.decision === 'fix-accept' && b.evaluation?.status !== 'submitted') ctx.addIssue({ code: 'custom', path: ['evaluation'], input: b.evaluation });
    if (b.decision !== 'fix-accept' && b.evaluation) ctx.addIssue({ code: 'unrecognized_keys', keys: ['evaluation'], path: [], input: b });
    if (b.decision !== 'reject' && b.returnTo) ctx.addIssue({ code: 'unrecognized_keys', keys: ['returnTo'], path: [], input: b });
  });

export const healthReply = z.object({
  ok: z.literal(true),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
  /** The served workbench's entry script: a page that runs another is an older copy. */
  app: z.string().optional(),
});
export const meReply = z.object({ id: z.string(), email: z.string(), role: z.enum(ROLES), locale: z.enum(LOCALES) });
export const ackReply = z.object({
  acks: z.array(
    z.discriminatedUnion('status', [
      z.object({ id: z.string(), status: z.enum(['accepted', 'duplicate']) }),
      z.object({ id: z.string(), status: z.literal('rejected'), code: z.enum(['notFound', 'notSubmitted', 'wrongTask', 'conflict']) }),
    ]),
  ),
});
