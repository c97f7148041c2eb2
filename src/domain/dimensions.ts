// The dimensions an answer is rated on, each with a severity ("no issue", "minor issue", "major
// issue") and a note, the way the chat-training platforms rate answers. A task may bring its own
// dimensions; the default five's names are translations (judging namespace, `dimension.<id>`).
// Tasks made from model answers are judged this way; other tasks keep the 1–5 rubric (rubric.ts).
import type { Localized, Task } from './task.js';

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
