// Reading task files (format version 1, one task per .json file) from text, with every problem
// reported as file + line + field path + a translatable message. No I/O: callers pass the text.
import type { z } from 'zod';
import { taskSchema, type Task } from '../domain/task.js';
import type { Message } from '../domain/verdict.js';
import { formatPath, lineOfPath, MAX_DEPTH, MAX_FILE_BYTES, nestingDepth, syntaxErrorAt } from './jsonText.js';

export type Problem = { file: string; line?: number; field?: string; message: Message };
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** The one "file too large" problem: every reader refuses a task file or dataset over MAX_FILE_BYTES with it. */
export function fileTooLarge(file: string, bytes: number): Problem {
  return { file, message: { key: 'file.tooLarge', params: { file, size: Math.round((bytes / 2 ** 20) * 10) / 10, max: MAX_FILE_BYTES / 2 ** 20 } } };
}

/** Size and nesting limits, then JSON.parse; the common first step for every JSON input. */
export function parseJsonGuarded(file: string, text: string, lineOffset = 0): Parsed<unknown> {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_FILE_BYTES) return fail(fileTooLarge(file, bytes));
  if (nestingDepth(text) > MAX_DEPTH) return fail({ file, message: { key: 'file.tooDeep', params: { file, max: MAX_DEPTH } } });
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const at = syntaxErrorAt(text);
    const line = at.line + lineOffset;
    return fail({ file, line, message: { key: 'file.invalidJson', params: { file, line, column: at.column } } });
  }
}

export function parseTaskFile(file: string, text: string): Parsed<Task> {
  const json = parseJsonGuarded(file, text);
  if (!json.ok) return json;
  const result = taskSchema.safeParse(json.value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: schemaProblems(file, text, result.error.issues) };
}

/** zod issues as localized problems, each located at its line in `text`. */
export function schemaProblems(file: string, text: string, issues: readonly z.core.$ZodIssue[], lineOffset = 0): Problem[] {
  return issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    // An unknown field is reported at its own line and name, not at the object holding it.
    if (issue.code === 'unrecognized_keys' && issue.keys.length === 1) path.push(issue.keys[0]!);
    const line = lineOfPath(text, path) + lineOffset;
    const field = formatPath(path) || '(root)';
    return { file, line, field, message: issueMessage(issue) };
  });
}

function issueMessage(issue: z.core.$ZodIssue): Message {
  const i = issue as z.core.$ZodIssue & Record<string, unknown>;
  if ('input' in i && i.input === undefined && ['invalid_type', 'invalid_value', 'invalid_union'].includes(issue.code)) return { key: 'schema.required' };
  switch (issue.code) {
    case 'invalid_type':
      return { key: 'schema.type', params: { expected: String(i.expected) } };
    case 'unrecognized_keys':
      return { key: 'schema.unknownField', params: { keys: (i.keys as string[]).join('”, “') } };
    case 'too_small':
      return { key: 'schema.tooSmall', params: { minimum: String(i.minimum) } };
    case 'too_big':
      return { key: 'schema.tooBig', params: { maximum: String(i.maximum) } };
    case 'invalid_value':
      return { key: 'schema.oneOf', params: { values: (i.values as unknown[]).map((v) => JSON.stringify(v)).join(', ') } };
    case 'invalid_format':
      return { key: 'schema.format' };
    case 'custom': {
      const params = (i.params ?? {}) as Record<string, string | number>;
      const { key, ...rest } = params;
      return typeof key === 'string' ? { key, params: rest } : { key: 'schema.invalid' };
    }
    case 'invalid_union': {
      // A discriminated union reports the branch problems; surface the first concrete one.
      const branches = (i.errors as z.core.$ZodIssue[][] | undefined) ?? [];
      const first = branches.flat()[0];
      return first ? issueMessage(first) : { key: 'schema.invalid' };
    }
    default:
      return { key: 'schema.invalid' };
  }
}

function fail(p: Problem): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [p] };
}
