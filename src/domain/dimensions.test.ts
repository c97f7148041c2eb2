// Which dimensions a task is judged on inside a team project (the task's own, then the project's,
// then the task alone decides), and the rules the project's list shares with the task file's.
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIMENSIONS, dimensionsOf, judgedByDimensions, withProjectDimensions } from './dimensions.js';
import { projectDimensionsSchema } from './projectSettings.js';
import type { Task, TaskDimension } from './task.js';

type Judged = Pick<Task, 'dimensions' | 'solutions'>;
const plain: Judged = { solutions: [{ id: 'a', label: 'A', language: 'python', code: 'def f():\n    return 1\n' }] };
const fromAnswers: Judged = { solutions: [{ id: 'answer-1', label: 'A', language: 'python', code: 'x = 1\n', answer: 'Claro:\n\n```python\nx = 1\n```' }] };
const own: TaskDimension[] = [{ id: 'tone', name: { en: 'Tone', 'es-CL': 'Tono' } }];
const project: TaskDimension[] = [
  { id: 'safety', name: { en: 'Safety', 'es-CL': 'Seguridad' } },
  { id: 'correctness', name: { en: 'Correct', 'es-CL': 'Correcto' } },
];
const ids = (t: Judged) => dimensionsOf(t).map((d) => d.id);

describe('withProjectDimensions', () => {
  it('keeps a task’s own dimensions whatever the project sets', () => {
    const task = { ...plain, dimensions: own };
    expect(ids(withProjectDimensions(task, project))).toEqual(['tone']);
    expect(ids(withProjectDimensions(task, null))).toEqual(['tone']);
  });

  it('judges a plain task on the project’s dimensions instead of the rubric', () => {
    expect(judgedByDimensions(plain)).toBe(false);
    const judged = withProjectDimensions(plain, project);
    expect(judgedByDimensions(judged)).toBe(true);
    expect(dimensionsOf(judged)).toEqual(project);
  });

  it('gives a task made from answers the project’s dimensions instead of the default five', () => {
    expect(ids(fromAnswers)).toEqual([...DEFAULT_DIMENSIONS]);
    expect(ids(withProjectDimensions(fromAnswers, project))).toEqual(['safety', 'correctness']);
  });

  it('changes nothing in a project on the 1–5 rubric (no dimensions)', () => {
    for (const none of [null, undefined, []]) {
      expect(withProjectDimensions(plain, none)).toBe(plain);
      expect(ids(withProjectDimensions(fromAnswers, none))).toEqual([...DEFAULT_DIMENSIONS]);
    }
  });

  it('hands out a copy: editing the judged task never edits the project’s list', () => {
    const judged = withProjectDimensions(plain, project);
    judged.dimensions![0]!.name.en = 'changed';
    expect(project[0]!.name.en).toBe('Safety');
  });
});

describe('a project’s dimensions', () => {
  it('take 1 to 12 dimensions in the task file’s shape, with unique ids', () => {
    expect(projectDimensionsSchema.safeParse(project).success).toBe(true);
    expect(projectDimensionsSchema.safeParse([]).success).toBe(false);
    const many = Array.from({ length: 13 }, (_, i) => ({ id: `d${i}`, name: { en: `D${i}` } }));
    expect(projectDimensionsSchema.safeParse(many).success).toBe(false);
    expect(projectDimensionsSchema.safeParse(many.slice(0, 12)).success).toBe(true);
    expect(projectDimensionsSchema.safeParse([{ id: 'Bad id', name: { en: 'x' } }]).error?.issues[0]?.path).toEqual([0, 'id']);
    expect(projectDimensionsSchema.safeParse([{ id: 'x', name: {} }]).success).toBe(false);
    const twice = projectDimensionsSchema.safeParse([...project, { id: 'safety', name: { en: 'Again' } }]);
    expect(twice.error?.issues.map((i) => i.path)).toEqual([[2, 'id']]);
  });
});
