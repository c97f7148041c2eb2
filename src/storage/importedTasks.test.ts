import { afterEach, describe, expect, it } from 'vitest';
import { taskSchema, type Task } from '../domain/task.js';
import { StorageError, type VeredictoDB } from './database.js';
import { deleteImportedTask, listImportedTasks, saveImportedTasks, type StoredTask } from './importedTasks.js';
import { freshDatabase } from './testing.js';
import { parseDataset } from '../formats/datasets.js';

let db: VeredictoDB;
afterEach(() => db?.close());

function task(id: string): Task {
  return taskSchema.parse({
    schemaVersion: 1,
    id,
    title: { en: 'Add two numbers' },
    prompt: { en: 'Write add(a, b).' },
    entryPoint: 'add',
    tests: [{ kind: 'call', name: 'small', args: [1, 2], expected: 3 }],
    solutions: [{ id: 'a', label: 'Model A', language: 'python', code: 'def add(a, b):\n    return a + b\n' }],
  });
}
const record = (t: Task): StoredTask => ({ task: t, origin: 'imported', fileName: 'tasks.jsonl', importedAt: '2025-01-01T00:00:00.000Z' });

describe('imported tasks', () => {
  it('keeps a dataset task under its dataset id (HumanEval/0)', async () => {
    db = await freshDatabase();
    const { tasks, problems } = parseDataset(
      'he.jsonl',
      JSON.stringify({ task_id: 'HumanEval/0', prompt: 'def add(a, b):\n', canonical_solution: '    return a + b\n', test: 'def check(candidate):\n    assert candidate(1, 2) == 3\n', entry_point: 'add' }),
    );
    expect(problems).toEqual([]);
    await saveImportedTasks(db, [{ task: tasks[0]!, origin: 'imported', importedAt: '2026-11-23T00:00:00.000Z' }]);
    expect((await listImportedTasks(db)).value.map((r) => r.task.id)).toEqual(['HumanEval/0']);
  });

  it('round-trips tasks, including dataset metadata and source', async () => {
    db = await freshDatabase();
    const fromDataset = { ...task('he-0'), metadata: { task_id: 'HumanEval/0' }, source: { shape: 'humaneval', prompt: 'def f():' } };
    const authored: StoredTask = { task: task('mine'), origin: 'authored', importedAt: '2025-01-02T00:00:00.000Z' };
    await saveImportedTasks(db, [record(fromDataset), authored]);
    expect(await listImportedTasks(db)).toEqual({ value: [record(fromDataset), authored], problems: [] });

    await deleteImportedTask(db, 'he-0');
    expect((await listImportedTasks(db)).value).toEqual([authored]);
  });

  it('one invalid task rejects the whole batch', async () => {
    db = await freshDatabase();
    const broken = { ...task('broken'), solutions: [...task('x').solutions, ...task('x').solutions] }; // duplicate id
    await expect(saveImportedTasks(db, [record(task('fine')), record(broken)])).rejects.toBeInstanceOf(StorageError);
    expect((await listImportedTasks(db)).value).toEqual([]);
  });
});
