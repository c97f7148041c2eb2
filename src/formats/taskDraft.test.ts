import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyForm, formFromTask, formReducer, type TaskForm } from '../domain/draft.js';
import { parseSource } from './datasets.js';
import { parseTaskFile } from './taskFile.js';
import { problemsAt, taskFileText, tasksJsonlText, validateForm } from './taskDraft.js';

const TASKS = path.resolve(import.meta.dirname, '../../tasks');
const bundled = fs
  .readdirSync(TASKS)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const r = parseTaskFile(f, fs.readFileSync(path.join(TASKS, f), 'utf8'));
    if (!r.ok) throw new Error(`${f} does not parse`);
    return r.value;
  });

describe('validateForm', () => {
  it('reports every schema problem of an empty form at its field', () => {
    const v = validateForm(emptyForm());
    expect(v.task).toBeUndefined();
    expect(v.problems.map((p) => [p.path, p.message.key])).toEqual([
      ['id', 'schema.required'],
      ['title', 'task.localeMissing'],
      ['prompt', 'task.localeMissing'],
      ['tests', 'schema.tooSmall'],
    ]);
  });

  it('does not report a field twice when the form already did', () => {
    let form: TaskForm = formFromTask(bundled[0]!);
    const key = form.tests.find((t) => t.kind === 'call')?.key;
    if (!key) return;
    form = formReducer(form, { type: 'updateTest', key, patch: { args: 'nope' } });
    const i = form.tests.findIndex((t) => t.key === key);
    expect(problemsAt(validateForm(form).problems, `tests[${i}].args`).map((p) => p.message.key)).toEqual(['problems.jsonInvalid']);
  });

  it('places gold problems at the solution they concern', () => {
    let form = formFromTask(bundled.find((t) => t.gold && t.solutions.length > 1)!);
    form = formReducer(form, { type: 'setGoldScore', key: form.solutions[1]!.key, criterion: 'correctness', value: '9' });
    expect(problemsAt(validateForm(form).problems, 'gold.solutions[1]', true).map((p) => [p.path, p.message.key])).toEqual([
      ['gold.solutions[1].scores.correctness', 'schema.tooBig'],
    ]);
  });

  it('keeps what runs apart: texts and gold change the fingerprint, not the run fingerprint', () => {
    const form = formFromTask(bundled.find((t) => t.gold)!);
    const before = validateForm(form);
    const retitled = validateForm(formReducer(form, { type: 'setLocalized', field: 'title', locale: 'en', value: 'Another title' }));
    expect(retitled.fingerprint).not.toBe(before.fingerprint);
    expect(retitled.runFingerprint).toBe(before.runFingerprint);
    const key = form.tests[0]!.key;
    const retested = validateForm(formReducer(form, { type: 'updateTest', key, patch: { hidden: !form.tests[0]!.hidden } }));
    expect(retested.runFingerprint).not.toBe(before.runFingerprint);
  });

  it.each(bundled.map((t) => [t.id, t]))('the bundled task %s survives form → file unchanged, byte for byte', (_id, task) => {
    const v = validateForm(formFromTask(task));
    expect(v.problems).toEqual([]);
    expect(v.task).toEqual(task);
    expect(taskFileText(v.task!)).toBe(taskFileText(task));
  });
});

describe('exported text', () => {
  it('is the task file format, byte for byte: two-space JSON and a final newline', () => {
    const task = bundled[0]!;
    const text = taskFileText(task);
    expect(text).toBe(`${JSON.stringify(task, null, 2)}\n`);
    const again = parseTaskFile(`${task.id}.json`, text);
    expect(again.ok && again.value).toEqual(task);
  });

  it('writes a set of tasks as JSONL that reads back as the same tasks', () => {
    const text = tasksJsonlText(bundled);
    expect(text.split('\n').filter(Boolean)).toHaveLength(bundled.length);
    const r = parseSource('tasks.jsonl', text);
    expect(r.problems).toEqual([]);
    expect(r.tasks).toEqual(bundled);
  });

  it('leaves out dataset metadata, which a task file may not have', () => {
    const task = { ...bundled[0]!, metadata: { task_id: 'HumanEval/0' }, source: { shape: 'humaneval', prompt: 'def f():' } };
    expect(JSON.parse(taskFileText(task))).not.toHaveProperty('metadata');
  });
});
