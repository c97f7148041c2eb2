import { describe, expect, it } from 'vitest';
import {
  draftSchema,
  draftStatus,
  emptyForm,
  fingerprint,
  formFromTask,
  formReducer,
  formToJson,
  missingTranslations,
  nextSolutionId,
  suggestId,
  type FormAction,
  type TaskForm,
} from './draft.js';
import { taskSchema } from './task.js';

const apply = (form: TaskForm, ...actions: FormAction[]) => actions.reduce(formReducer, form);

/** The task of the Spanish browser test, written through named actions. */
function aprobado(): TaskForm {
  return apply(
    emptyForm(),
    { type: 'setId', value: 'nota-aprobatoria' },
    { type: 'setLocalized', field: 'title', locale: 'es-CL', value: '¿Aprobó el ramo?' },
    { type: 'setLocalized', field: 'prompt', locale: 'es-CL', value: 'Escribe `aprobado(nota)`.' },
    { type: 'setEntryPoint', patch: { all: 'aprobado' } },
    { type: 'addTest', kind: 'call', key: 'k1' },
    { type: 'updateTest', key: 'k1', patch: { name: 'seis coma cinco', args: '[6.5]', expected: 'true' } },
    { type: 'addTest', kind: 'call', key: 'k2' },
    { type: 'updateTest', key: 'k2', patch: { name: 'cuatro justo', hidden: true, args: '[4.0]', expected: 'true' } },
    { type: 'setReference', language: 'python', code: 'def aprobado(nota):\n    return nota >= 4.0\n' },
    { type: 'addSolution', key: 's1', language: 'python', id: 'a', label: 'A' },
    { type: 'updateSolution', key: 's1', patch: { code: 'def aprobado(nota):\n    return nota > 4\n' } },
    { type: 'setTags', value: 'notas, comparaciones, notas' },
  );
}

describe('formToJson', () => {
  it('turns a complete form into a valid task, in one locale only', () => {
    const { json, problems } = formToJson(aprobado());
    expect(problems).toEqual([]);
    const task = taskSchema.parse(json);
    expect(task.title).toEqual({ 'es-CL': '¿Aprobó el ramo?' });
    expect(task.tests.map((t) => [t.name, t.hidden])).toEqual([['seis coma cinco', false], ['cuatro justo', true]]);
    expect(task.tags).toEqual(['notas', 'comparaciones']);
    expect(task.referenceSolution).toEqual({ python: 'def aprobado(nota):\n    return nota >= 4.0\n' });
    expect(json).not.toHaveProperty('gold');
    expect(json).not.toHaveProperty('limits');
  });

  it('reports JSON that does not parse at the field, and puts a stand-in in the JSON', () => {
    const form = apply(aprobado(), { type: 'updateTest', key: 'k1', patch: { args: '[6.5', expected: '' } }, { type: 'updateTest', key: 'k2', patch: { args: '4' } });
    const { json, problems } = formToJson(form);
    expect(problems.map((p) => [p.path, p.message.key])).toEqual([
      ['tests[0].args', 'problems.jsonInvalid'],
      ['tests[0].expected', 'schema.required'],
      ['tests[1].args', 'problems.notArray'],
    ]);
    expect((json.tests as { args: unknown }[])[0]!.args).toEqual([]);
    // Where, as line and column (V8's own message is English).
    expect(problems[0]!.message.params).toEqual({ line: 1, column: 5 });
    const bugs = formToJson(apply(form, { type: 'setGoldEnabled', value: true }, { type: 'setGoldBugs', value: '[\n  {"id": 1,\n' })).problems.find((p) => p.path === 'gold.bugs');
    expect(bugs?.message.params).toEqual({ line: 3, column: 1 });
  });

  it('reads limits grouped by thousands as the locale writes them (es-CL 65.536, en 65,536) as whole numbers', () => {
    const form = apply(aprobado(), { type: 'setLimits', patch: { outputBytes: '65.536', timeMs: '1,500', memoryMb: '1.5' } });
    const { json } = formToJson(form);
    expect(json.limits).toEqual({ outputBytes: 65536, timeMs: 1500, memoryMb: 1.5 });
  });

  it('reads numbers, tolerance and per-language entry points', () => {
    const form = apply(
      aprobado(),
      { type: 'setLimits', patch: { timeMs: '2000', memoryMb: 'lots' } },
      { type: 'updateTest', key: 'k1', patch: { toleranceAbs: '1e-6', entryPoint: '{"python": "aprobado"}' } },
      { type: 'setEntryPoint', patch: { perLanguage: true, python: 'aprobado', javascript: '' } },
    );
    const { json, problems } = formToJson(form);
    expect(problems.map((p) => p.path)).toEqual(['limits.memoryMb']);
    expect(json.limits).toEqual({ timeMs: 2000 });
    expect(json.entryPoint).toEqual({ python: 'aprobado' });
    expect((json.tests as Record<string, unknown>[])[0]).toMatchObject({ tolerance: { abs: 1e-6 }, entryPoint: { python: 'aprobado' } });
  });

  it('builds the gold ranking from ranks, ties included, keyed by the solutions’ current ids', () => {
    const form = apply(
      aprobado(),
      { type: 'addSolution', key: 's2', language: 'python', id: 'b', label: 'B' },
      { type: 'addSolution', key: 's3', language: 'javascript', id: 'c', label: 'C' },
      { type: 'setGoldEnabled', value: true },
      { type: 'setGoldRank', key: 's1', value: '2' },
      { type: 'setGoldRank', key: 's2', value: '1' },
      { type: 'setGoldRank', key: 's3', value: '2' },
      { type: 'setGoldScore', key: 's1', criterion: 'correctness', value: '2' },
      { type: 'setGoldCritique', key: 's1', locale: 'es-CL', value: 'Falla con 4,0.' },
      { type: 'updateSolution', key: 's1', patch: { id: 'estricta' } },
    );
    const gold = formToJson(form).json.gold as Record<string, unknown>;
    expect(gold.ranking).toEqual([['b'], ['estricta', 'c']]);
    expect(gold.scores).toEqual({ estricta: { correctness: 2 } });
    expect(gold.critiques).toEqual({ estricta: { 'es-CL': 'Falla con 4,0.' } });
  });

  it('asks for a rank for every solution once gold is on', () => {
    const form = apply(aprobado(), { type: 'setGoldEnabled', value: true }, { type: 'setGoldRank', key: 's1', value: '0' });
    expect(formToJson(form).problems.map((p) => [p.path, p.message.key])).toEqual([['gold.solutions[0].rank', 'problems.rank']]);
  });
});

describe('performance tests in the form', () => {
  const perf = (patch: Partial<TaskForm['tests'][number]['performance']>) =>
    apply(aprobado(), { type: 'updateTest', key: 'k2', patch: { performance: { on: true, budget: '', size: { en: '', 'es-CL': '' }, ...patch } } });

  it('writes the budget and the size per locale, a decimal comma read as the point', () => {
    const { json, problems } = formToJson(perf({ budget: '2,5', size: { en: '1,000 grades', 'es-CL': '1.000 notas' } }));
    expect(problems).toEqual([]);
    const task = taskSchema.parse(json);
    expect(task.tests[1]!.performance).toEqual({ budget: 2.5, size: { en: '1,000 grades', 'es-CL': '1.000 notas' } });
    expect(task.tests[0]!.performance).toBeUndefined();
  });

  it('writes one size as plain text when both locales say the same, and reads it back into both', () => {
    const { json } = formToJson(perf({ budget: '3', size: { en: 'n = 10⁵', 'es-CL': 'n = 10⁵' } }));
    const task = taskSchema.parse(json);
    expect(task.tests[1]!.performance).toEqual({ budget: 3, size: 'n = 10⁵' });
    expect(formFromTask(task).tests[1]!.performance).toEqual({ on: true, budget: '3', size: { en: 'n = 10⁵', 'es-CL': 'n = 10⁵' } });
  });

  it('asks for a budget, says when it is not a number, and names the size translation still to write', () => {
    expect(formToJson(perf({})).problems.map((p) => [p.path, p.message.key])).toEqual([['tests[1].performance.budget', 'schema.required']]);
    expect(formToJson(perf({ budget: 'tres' })).problems.map((p) => [p.path, p.message.key])).toEqual([['tests[1].performance.budget', 'problems.number']]);
    expect(missingTranslations(perf({ budget: '3', size: { en: '', 'es-CL': '1.000 notas' } }))).toContain('tests[1].performance.size.en');
  });

  it('reads a draft stored before performance tests existed as having none', () => {
    const form = aprobado();
    const old = { ...form, tests: form.tests.map(({ performance: _, ...t }) => t) };
    const draft = draftSchema.parse({ id: 'd1', form: old, createdAt: 'x', updatedAt: 'x' });
    expect(draft.form.tests.map((t) => t.performance.on)).toEqual([false, false]);
  });

  it('leaves a test that is not marked as before', () => {
    const { json } = formToJson(apply(aprobado(), { type: 'updateTest', key: 'k2', patch: { performance: { on: false, budget: '3', size: { en: 'x', 'es-CL': 'x' } } } }));
    expect((json.tests as Record<string, unknown>[])[1]).not.toHaveProperty('performance');
  });
});

describe('formFromTask', () => {
  it('round-trips a task with every kind of test and a gold judgement', () => {
    const task = taskSchema.parse({
      schemaVersion: 1,
      id: 'add-two',
      title: { en: 'Add two numbers', 'es-CL': 'Sumar dos números' },
      prompt: { en: 'Write `add(a, b)`.' },
      entryPoint: { python: 'add', javascript: 'add' },
      tests: [
        { name: 'small', kind: 'call', args: [2, 3], expected: 5, tolerance: { abs: 0.5 } },
        { name: 'null', hidden: true, kind: 'call', args: [], expected: null },
        { name: 'echo', kind: 'stdio', stdin: '1 2\n', expectedStdout: '3\n' },
        { name: 'check', hidden: true, kind: 'code', check: 'check', code: { python: 'def check(c):\n    assert c(1, 1) == 2\n' } },
      ],
      solutions: [{ id: 'plain', label: 'Plain', language: 'python', code: 'def add(a, b):\n    return a + b\n', origin: 'a model' }],
      referenceSolution: { python: 'def add(a, b):\n    return a + b\n' },
      limits: { timeMs: 1000 },
      tags: ['arithmetic'],
      difficulty: 'easy',
      gold: {
        ranking: [['plain']],
        scores: { plain: { correctness: 5 } },
        critiques: { plain: { en: 'Fine.' } },
        justification: { 'es-CL': 'Solo hay una.' },
        bugs: [{ id: 'none', solutions: ['plain'], summary: { en: 'x' }, keywords: { en: ['xx'], 'es-CL': ['xx'] } }],
      },
    });
    expect(taskSchema.parse(formToJson(formFromTask(task)).json)).toEqual(task);
  });

  it('gives each list item a key and keeps them when an id changes', () => {
    const form = formFromTask(taskSchema.parse(formToJson(aprobado()).json));
    expect(form.tests.map((t) => t.key)).toEqual(['t0', 't1']);
    expect(form.solutions.map((s) => s.key)).toEqual(['s0']);
  });
});

describe('formReducer', () => {
  it('moves and removes tests, and forgets a removed solution’s gold', () => {
    let form = apply(aprobado(), { type: 'moveTest', key: 'k2', by: -1 });
    expect(form.tests.map((t) => t.key)).toEqual(['k2', 'k1']);
    expect(formReducer(form, { type: 'moveTest', key: 'k2', by: -1 })).toBe(form);
    form = apply(form, { type: 'removeTest', key: 'k1' }, { type: 'setGoldRank', key: 's1', value: '1' }, { type: 'removeSolution', key: 's1' });
    expect(form.tests.map((t) => t.key)).toEqual(['k2']);
    expect(form.gold.ranks).toEqual({});
  });

  it('returns the same form when nothing changes', () => {
    const form = aprobado();
    expect(formReducer(form, { type: 'setId', value: 'nota-aprobatoria' })).toBe(form);
    expect(formReducer(form, { type: 'setLocalized', field: 'title', locale: 'es-CL', value: '¿Aprobó el ramo?' })).toBe(form);
  });
});

describe('missingTranslations', () => {
  it('names the locale a field still needs, not fields blank in both', () => {
    expect(missingTranslations(aprobado())).toEqual(['title.en', 'prompt.en']);
    expect(missingTranslations(emptyForm())).toEqual([]);
    const form = apply(aprobado(), { type: 'setGoldEnabled', value: true }, { type: 'setGoldCritique', key: 's1', locale: 'en', value: 'Fails at 4.0.' });
    expect(missingTranslations(form)).toEqual(['title.en', 'prompt.en', 'gold.solutions[0].critique.es-CL']);
  });
});

describe('ids', () => {
  it('suggests the first free numbered id', () => {
    expect(suggestId('nota-aprobatoria', new Set(['nota-aprobatoria', 'nota-aprobatoria-2']))).toBe('nota-aprobatoria-3');
    expect(suggestId('x-2', new Set())).toBe('x-2');
    expect(suggestId('', new Set())).toBe('task-2');
  });

  it('names new solutions a, b, c…', () => {
    expect(nextSolutionId(aprobado())).toBe('b');
  });

  it('fingerprints JSON by content', () => {
    expect(fingerprint({ a: 1 })).toBe(fingerprint({ a: 1 }));
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
  });
});

describe('draftStatus', () => {
  const at = '2026-01-01T00:00:00.000Z';
  const stamp = (taskId: string, fingerprint: string) => ({ taskId, at, fingerprint });

  it('a draft never saved to the workbench is a draft only', () => {
    expect(draftStatus({}, 'f1')).toBe('draft');
    expect(draftStatus({ ready: stamp('t', 'f1') }, 'f1')).toBe('draft'); // marked ready, but not in the workbench
  });

  it('in the workbench as saved, or changed since', () => {
    expect(draftStatus({ published: stamp('t', 'f1') }, 'f1')).toBe('published');
    expect(draftStatus({ published: stamp('t', 'f1') }, 'f2')).toBe('changed');
  });

  it('ready while the form is what was marked ready, under the task id it was saved as', () => {
    expect(draftStatus({ published: stamp('t', 'f1'), ready: stamp('t', 'f1') }, 'f1')).toBe('ready');
    expect(draftStatus({ published: stamp('t', 'f1'), ready: stamp('t', 'f1') }, 'f2')).toBe('changed');
    expect(draftStatus({ published: stamp('u', 'f1'), ready: stamp('t', 'f1') }, 'f1')).toBe('published');
  });
});

