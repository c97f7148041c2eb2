// The criteria a solution is scored on: a task's own rubric when it has one, else the default four.
// Default names and level texts are translations (judging namespace, `rubric.<id>.…`); custom ones
// carry their own text, read with `pickLocale`.
import type { Criterion, Task } from './task.js';

export const DEFAULT_CRITERIA = ['correctness', 'efficiency', 'readability', 'robustness'] as const;
export type DefaultCriterion = (typeof DEFAULT_CRITERIA)[number];

/** One criterion to score: a default one (its texts are translations), or the task's own. */
export type RubricCriterion = { id: DefaultCriterion; custom?: undefined } | { id: string; custom: Criterion };

export function rubricOf(task: Pick<Task, 'rubric'>): RubricCriterion[] {
  return task.rubric ? task.rubric.map((custom) => ({ id: custom.id, custom })) : DEFAULT_CRITERIA.map((id) => ({ id }));
}
