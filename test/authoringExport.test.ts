// What the task editor exports is what `veredicto check` accepts, as it is: a task written through
// the editor's actions, saved as `<id>.json` (and a set as JSONL), checked by the real command.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyForm, formFromTask, formReducer, type FormAction, type TaskForm } from '../src/domain/draft.js';
import { parseTaskFile } from '../src/formats/taskFile.js';
import { taskFileText, tasksJsonlText, validateForm } from '../src/formats/taskDraft.js';
import { ROOT, veredicto } from './cliRunner.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veredicto-authoring-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const apply = (form: TaskForm, ...actions: FormAction[]) => actions.reduce(formReducer, form);

/** The Spanish browser test's task, written in one locale. */
const aprobado = apply(
  emptyForm(),
  { type: 'setId', value: 'nota-aprobatoria' },
  { type: 'setLocalized', field: 'title', locale: 'es-CL', value: '¿Aprobó el ramo?' },
  { type: 'setLocalized', field: 'prompt', locale: 'es-CL', value: 'Escribe `aprobado(nota)`: `True` si la nota es 4,0 o más.' },
  { type: 'setEntryPoint', patch: { all: 'aprobado' } },
  { type: 'addTest', kind: 'call', key: 'k1' },
  { type: 'updateTest', key: 'k1', patch: { name: 'seis coma cinco', args: '[6.5]', expected: 'true' } },
  { type: 'addTest', kind: 'call', key: 'k2' },
  { type: 'updateTest', key: 'k2', patch: { name: 'cuatro justo', hidden: true, args: '[4.0]', expected: 'true' } },
  { type: 'addTest', kind: 'stdio', key: 'k3' },
  { type: 'updateTest', key: 'k3', patch: { name: 'programa', stdin: '4.0\n', expectedStdout: 'True\n' } },
  { type: 'setReference', language: 'python', code: 'import sys\n\ndef aprobado(nota):\n    return nota >= 4.0\n\nif __name__ == "__main__":\n    for line in sys.stdin:\n        print(aprobado(float(line)))\n' },
  { type: 'addSolution', key: 's1', language: 'python', id: 'estricta', label: 'Estricta' },
  { type: 'updateSolution', key: 's1', patch: { code: 'def aprobado(nota):\n    return nota > 4\n' } },
  { type: 'setGoldEnabled', value: true },
  { type: 'setGoldRank', key: 's1', value: '1' },
  { type: 'setDifficulty', value: 'easy' },
);

describe('exported task files pass veredicto check', () => {
  it('a task written in the editor, as <id>.json', async () => {
    const { task, problems } = validateForm(aprobado);
    expect(problems).toEqual([]);
    const file = path.join(dir, `${task!.id}.json`);
    fs.writeFileSync(file, taskFileText(task!));
    const r = await veredicto(['check', file]);
    expect(r.stdout + r.stderr).toMatch(/no problems/);
    expect(r.code).toBe(0);
  });

  it('a bundled task opened in the editor and exported again, byte for byte the same task', async () => {
    const source = fs.readFileSync(path.join(ROOT, 'tasks', 'median.json'), 'utf8');
    const parsed = parseTaskFile('median.json', source);
    if (!parsed.ok) throw new Error('median.json does not parse');
    const { task } = validateForm(formFromTask(parsed.value));
    const text = taskFileText(task!);
    expect(text).toBe(`${JSON.stringify(parsed.value, null, 2)}\n`);
    const file = path.join(dir, 'median.json');
    fs.writeFileSync(file, text);
    const r = await veredicto(['check', file]);
    expect(r.code).toBe(0);
  });

  it('a set of tasks as one JSONL', async () => {
    const file = path.join(dir, 'set.jsonl');
    const median = parseTaskFile('median.json', fs.readFileSync(path.join(ROOT, 'tasks', 'median.json'), 'utf8'));
    fs.writeFileSync(file, tasksJsonlText([validateForm(aprobado).task!, ...(median.ok ? [median.value] : [])]));
    const r = await veredicto(['check', file]);
    expect(r.stdout + r.stderr).toMatch(/2 tasks checked: no problems/);
    expect(r.code).toBe(0);
  });
});
