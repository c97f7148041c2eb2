// A team project's settings and the range each may take, in one place: the server validates every
// request body with these schemas (src/server/api.ts), and the admin's forms check the same limits
// before sending and name them in their messages (src/ui/team/projectForm.ts). Pure: no I/O.
import { z } from './zod.js';
import { taskSchema } from './task.js';

/** Inclusive ranges; shares and rates are fractions (the forms show them as percentages). */
export const SETTING_LIMITS = {
  overlap: { min: 1, max: 100, integer: true },
  goldShare: { min: 0, max: 1, integer: false },
  timeLimitMinutes: { min: 1, max: 24 * 60, integer: true },
  leaseMinutes: { min: 1, max: 90 * 24 * 60, integer: true },
  reviewRate: { min: 0, max: 1, integer: false },
  minActiveSeconds: { min: 0, max: 24 * 3600, integer: true },
  goldMinTasks: { min: 1, max: 1000, integer: true },
  /** A mean tau-b with the gold ranking: −1 (always reversed) to 1 (always the same). */
  goldThreshold: { min: -1, max: 1, integer: false },
} as const;
export type NumericSetting = keyof typeof SETTING_LIMITS;

const ranged = (k: NumericSetting) => {
  const l = SETTING_LIMITS[k];
  const n = l.integer ? z.number().int() : z.number();
  return n.min(l.min).max(l.max);
};

export const MAX_RUBRIC_CRITERIA = 10;
/** A project's own rubric: what trainers score a task without a rubric of its own on (instead of the default four); ids are unique (scores are keyed by them). */
export const projectRubricSchema = taskSchema.shape.rubric
  .unwrap()
  .superRefine((criteria, ctx) => {
    criteria.forEach((c, i) => {
      if (criteria.findIndex((o) => o.id === c.id) < i) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'duplicate criterion id', input: c.id });
    });
  });

/** A project's own dimensions (see withProjectDimensions in dimensions.ts): the task file's dimension shape and count, ids unique (ratings are keyed by them). */
export const projectDimensionsSchema = taskSchema.shape.dimensions
  .unwrap()
  .superRefine((dimensions, ctx) => {
    dimensions.forEach((d, i) => {
      if (dimensions.findIndex((o) => o.id === d.id) < i) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'duplicate dimension id', input: d.id });
    });
  });

/** Every setting is optional: a create takes the defaults, a change only touches what it sends. */
export const projectSettingsShape = {
  overlap: ranged('overlap').optional(),
  goldShare: ranged('goldShare').optional(),
  timeLimitMinutes: ranged('timeLimitMinutes').nullable().optional(),
  leaseMinutes: ranged('leaseMinutes').optional(),
  /** null: each task's own rubric, else the default four; else this one for tasks without their own. */
  rubric: projectRubricSchema.nullable().optional(),
  /** null: the 1–5 rubric (a task with its own dimensions, or made from answers, keeps its own); else every task without dimensions of its own is judged on these. */
  dimensions: projectDimensionsSchema.nullable().optional(),
  reviewRate: ranged('reviewRate').optional(),
  minActiveSeconds: ranged('minActiveSeconds').optional(),
  goldMinTasks: ranged('goldMinTasks').optional(),
  /** null: nobody is ever paused for their gold score. */
  goldThreshold: ranged('goldThreshold').nullable().optional(),
};
export const projectName = z.string().trim().min(1).max(200);
export const projectSettingsSchema = z.object({ name: projectName.optional(), ...projectSettingsShape }).strict();
export type ProjectSettingsInput = z.infer<typeof projectSettingsSchema>;

/** What a new project gets for a setting it does not send (the database's defaults, migration 4). */
export const SETTING_DEFAULTS = { overlap: 1, goldShare: 0, leaseMinutes: 24 * 60, reviewRate: 0.1, minActiveSeconds: 30, goldMinTasks: 5 } as const;
