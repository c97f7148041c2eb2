// The dimensions an answer is rated on, each with a severity ("no issue", "minor issue", "major
// issue") and a note, the way the chat-training platforms rate answers. A task may bring its own
// dimensions; the default five's names are translations (judging namespace, `dimension.<id>`).
// Tasks made from model answers are judged this way; other tasks keep the 1–5 rubric (rubric.ts),
// unless a team project sets dimensions for its tasks (withProjectDimensions).
import type { Localized, Task, TaskDimension } from './task.js';

export const DEFAULT_DIMENSIONS = ['correctness', 'instruction-following', 'efficiency', 'readability', 'explanation'] as const;
export type DefaultDimension = (typeof DEFAULT_DIMENSIONS)[number];

/** Worst last, so a higher index is a worse answer. */
export const SEVERITIES = ['none', 'minor', 'major'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Dimension = { id: DefaultDimension; name?: undefined } | { id: string; name: Localized };

/** Whether the task is judged by dimensions and severities: it says so, or it was made from answers. */
export function judgedByDimensions(task: Pick<Task, 'dimensions' | 'solutions'>): boolean {
  return task.dimensions !== undefined || task.solutions.some((s) => s.answer !== undefined);
}

export function dimensionsOf(task: Pick<Task, 'dimensions' | 'solutions'>): Dimension[] {
  if (task.dimensions) return task.dimensions.map((d) => ({ id: d.id, name: d.name }));
  return judgedByDimensions(task) ? DEFAULT_DIMENSIONS.map((id) => ({ id })) : [];
}

/**
 * The task as it is judged in a team project. Precedence, one rule: a task that lists its own
 * dimensions keeps them (the task's author knew the task); otherwise a project that sets
 * dimensions judges every one of its tasks on them, including tasks made from answers (which
 * would otherwise get the default five) and plain tasks (which would otherwise get the 1–5
 * rubric); a project without dimensions (null: "1–5 rubric") changes nothing, so each task is
 * judged as it would be alone.
 */
export function withProjectDimensions<T extends Pick<Task, 'dimensions'>>(task: T, projectDimensions: readonly TaskDimension[] | null | undefined): T {
  if (task.dimensions || !projectDimensions?.length) return task;
  return { ...task, dimensions: projectDimensions.map((d) => ({ id: d.id, name: { ...d.name } })) };
}
