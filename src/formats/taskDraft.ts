// A draft read as a task file: the form's own problems plus the task schema's, each at the field
// that shows it, and the text of the task file (or JSONL of tasks) the author exports. The text is
// exactly what `veredicto check` reads: JSON.stringify(task, null, 2) and a final newline.
import { fingerprint, formPath, formToJson, type FieldProblem, type TaskForm } from '../domain/draft.js';
import { taskSchema, type Task } from '../domain/task.js';
import { formatPath } from './jsonText.js';
import { schemaProblems } from './taskFile.js';

export type DraftValidation = {
  /** The task JSON the form describes (also when it is not valid). */
  json: Record<string, unknown>;
  /** The validated task, when there are no problems at all. */
  task?: Task;
  problems: FieldProblem[];
  /** Of `json`: ties "saved" and "ready" marks to exactly what was saved. */
  fingerprint: string;
  /**
   * Of what running the tests depends on (entry point, tests, reference solution, limits): a check
   * or a mutation run stays current while only texts, candidates or the gold judgement change.
   */
  runFingerprint: string;
};

export function validateForm(form: TaskForm): DraftValidation {
  const { json, problems } = formToJson(form);
  const result = taskSchema.safeParse(json, { reportInput: true });
  const all = [...problems];
  if (!result.success) {
    const seen = new Set(problems.map((p) => p.path));
    const located = schemaProblems('', '', result.error.issues);
    result.error.issues.forEach((issue, i) => {
      const raw = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys' && issue.keys.length === 1) raw.push(issue.keys[0]!);
      const params = ((issue as { params?: Record<string, unknown> }).params ?? {}) as Record<string, unknown>;
      const path = formatPath(formPath(raw, form, json, params)) || '(root)';
      // The form already said what is wrong here (say, JSON that does not parse).
      if (seen.has(path)) return;
      all.push({ path, ns: 'errors', message: located[i]!.message });
    });
  }
  return {
    json,
    problems: all,
    fingerprint: fingerprint(json),
    runFingerprint: fingerprint([json.entryPoint, json.tests, json.referenceSolution, json.limits]),
    ...(result.success && problems.length === 0 ? { task: result.data } : {}),
  };
}

/** A task file as `tasks/<id>.json` holds it. */
export function taskFileText(task: Task): string {
  return `${JSON.stringify(stripRuntimeFields(task), null, 2)}\n`;
}

/** Several tasks, one JSON object per line (the JSONL the task list and `veredicto` read). */
export function tasksJsonlText(tasks: readonly Task[]): string {
  return tasks.map((t) => `${JSON.stringify(stripRuntimeFields(t))}\n`).join('');
}

/** Dataset rows carry `metadata` and `source`; a task file may not (the schema is strict). */
function stripRuntimeFields(task: Task): Task {
  const { metadata: _m, source: _s, ...rest } = task;
  return rest;
}

/** Problems at a field, and below it when `nested` (say, all problems of tests[2]). */
export function problemsAt(problems: readonly FieldProblem[], path: string, nested = false): FieldProblem[] {
  return problems.filter((p) => p.path === path || (nested && (p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`))));
}
