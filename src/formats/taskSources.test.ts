import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from './jsonText.js';
import { fileTooLarge, parseJsonGuarded } from './taskFile.js';
import { duplicateTasks, importTaskFiles, parseSources, readProblem, readSource, type SourceFile } from './taskSources.js';

const task = (id: string) =>
  JSON.stringify({
    schemaVersion: 1,
    id,
    title: { en: id },
    prompt: { en: 'p' },
    entryPoint: 'f',
    tests: [{ name: 't', kind: 'call', args: [], expected: 1 }],
    solutions: [{ id: 'a', label: 'A', language: 'python', code: 'def f():\n    return 1\n' }],
  });
const humanEval = JSON.stringify({ task_id: 'HumanEval/0', prompt: 'def f():\n', canonical_solution: '    return 1\n', test: 'def check(c):\n    assert c() == 1\n', entry_point: 'f' });
const file = (name: string, text: string, size = new TextEncoder().encode(text).length): SourceFile => ({ name, size, text: async () => text });
const keys = (problems: { message: { key: string } }[]) => problems.map((p) => p.message.key);

describe('the too-large rule', () => {
  it('is one message, before reading and after', async () => {
    const big = file('big.json', '{}', MAX_FILE_BYTES + 1);
    let read = false;
    const r = await readSource({ ...big, text: async () => ((read = true), '{}') });
    expect(r).toEqual({ problem: fileTooLarge('big.json', MAX_FILE_BYTES + 1) });
    expect(read).toBe(false);
    const text = ' '.repeat(MAX_FILE_BYTES + 1);
    expect(parseJsonGuarded('big.json', text)).toEqual({ ok: false, problems: [fileTooLarge('big.json', MAX_FILE_BYTES + 1)] });
    expect(fileTooLarge('x.jsonl', 6 * 2 ** 20).message).toEqual({ key: 'file.tooLarge', params: { file: 'x.jsonl', size: 6, max: 5 } });
  });
});

describe('readSource / readProblem', () => {
  it('turns a reader that fails into a problem', async () => {
    const gone = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    expect(await readSource({ name: 'a.json', size: 1, text: () => Promise.reject(gone) })).toEqual({ problem: { file: 'a.json', message: { key: 'file.notFound', params: { file: 'a.json' } } } });
    expect(readProblem('a.json', Object.assign(new Error('x'), { code: 'EACCES' })).message).toEqual({ key: 'file.unreadable', params: { file: 'a.json', detail: 'EACCES' } });
  });
});

describe('parseSources', () => {
  it('names the task file each task came from, not dataset rows; applies samples last', () => {
    const samples = { name: 's.jsonl', text: JSON.stringify({ task_id: 'HumanEval/0', completion: '    return 2\n' }) };
    const r = parseSources([{ name: 'one.json', text: task('one') }, { name: 'he.jsonl', text: humanEval }], [samples]);
    expect(r.problems).toEqual([]);
    expect(r.tasks.map((t) => [t.id, r.fileOf.get(t)])).toEqual([['one', 'one.json'], ['HumanEval/0', undefined]]);
    expect(r.tasks[1]!.solutions.map((s) => s.code)).toEqual(['def f():\n    return 2\n']);
  });
});

describe('duplicateTasks', () => {
  it('reports each repeat once per extra copy', () => {
    const r = parseSources([{ name: 'a.json', text: task('x') }, { name: 'b.json', text: task('x') }, { name: 'c.json', text: task('y') }]);
    expect(duplicateTasks(r.tasks, 'a.json, b.json')).toEqual([{ file: 'a.json, b.json', message: { key: 'file.duplicateTask', params: { file: 'a.json, b.json', id: 'x' } } }]);
  });
});

describe('importTaskFiles (the task list and the editor)', () => {
  it('reads task files, datasets and samples files found by their first row', async () => {
    const r = await importTaskFiles([file('he.jsonl', humanEval), file('samples.jsonl', JSON.stringify({ task_id: 'HumanEval/0', completion: '    return 1\n' })), file('one.json', task('one'))]);
    expect(r.problems).toEqual([]);
    expect(r.tasks.map((t) => t.id)).toEqual(['HumanEval/0', 'one']);
    expect(r.tasks[0]!.solutions[0]!.id).toBe('sample-1');
  });

  it('refuses other file types and files over the limit, and says when nothing was found', async () => {
    const r = await importTaskFiles([file('notes.txt', 'hi'), file('big.json', '{}', MAX_FILE_BYTES + 1), file('big.txt', '', MAX_FILE_BYTES + 1)]);
    expect(keys(r.problems)).toEqual(['file.unsupported', 'file.tooLarge', 'file.tooLarge']);
    expect(keys((await importTaskFiles([file('empty.jsonl', '')])).problems)).toEqual(['file.noTasks']);
  });
});
