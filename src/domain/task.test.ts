import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, entryPointFor, limitsOf, ownTestSchema, pickLocale, referenceSolutions, taskSchema, type Task } from './task.js';

type Json = Record<string, unknown>;

/** A valid task, to be broken one field at a time. */
function valid(): Json {
  return {
    schemaVersion: 1,
    id: 'add-two',
    title: { en: 'Add two numbers', 'es-CL': 'Sumar dos números' },
    prompt: { en: 'Write add(a, b).' },
    entryPoint: 'add',
    tests: [
      { kind: 'call', name: 'small', args: [1, 2], expected: 3 },
      { kind: 'stdio', name: 'echo', stdin: '1 2\n', expectedStdout: '3\n' },
    ],
    solutions: [
      { id: 'a', label: 'Model A', language: 'python', code: 'def add(a, b):\n    return a + b\n' },
      { id: 'b', label: 'Model B', language: 'python', code: 'def add(a, b):\n    return a - b\n' },
    ],
  };
}

/** The custom problems (key and path) a task has, in order. */
function problems(task: Json): { key: unknown; path: PropertyKey[]; params: Json }[] {
  const r = taskSchema.safeParse(task);
  if (r.success) return [];
  return r.error.issues.map((i) => {
    const params = ((i as { params?: Json }).params ?? {}) as Json;
    const { key, ...rest } = params;
    return { key: key ?? i.code, path: i.path, params: rest };
  });
}

describe('taskSchema', () => {
  it('accepts a valid task and fills in defaults', () => {
    const r = taskSchema.safeParse(valid());
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.tags).toEqual([]);
    expect(r.data.tests.map((t) => t.hidden)).toEqual([false, false]);
  });

  it('accepts a task with a gold ranking with ties, scores and critiques', () => {
    const task = { ...valid(), gold: { ranking: [['a'], ['b']], scores: { a: { correctness: 5 } }, critiques: { b: { 'es-CL': 'Resta en vez de sumar.' } } } };
    expect(problems(task)).toEqual([]);
    expect(problems({ ...valid(), gold: { ranking: [['a', 'b']] } })).toEqual([]);
  });

  it.each([['extra'], ['Tests'], ['metadata']])('rejects the unknown top-level field %s', (field) => {
    expect(problems({ ...valid(), [field]: 1 })).toEqual([{ key: 'unrecognized_keys', path: [], params: {} }]);
  });

  it('rejects unknown fields inside a test', () => {
    const task = valid();
    (task.tests as Json[])[0] = { kind: 'call', name: 'small', args: [], expected: 1, expect: 1 };
    expect(problems(task)).toEqual([{ key: 'unrecognized_keys', path: ['tests', 0], params: {} }]);
  });

  it.each([['schemaVersion'], ['id'], ['title'], ['prompt'], ['tests'], ['solutions']])('requires %s', (field) => {
    const task = valid();
    delete task[field];
    const r = taskSchema.safeParse(task);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual([field]);
  });

  it.each<[string, Json]>([
    ['schemaVersion 2', { schemaVersion: 2 }],
    ['an id with capitals', { id: 'Add' }],
    ['an id with a space', { id: 'add two' }],
    ['a title with no locale', { title: {} }],
    ['a title in another locale', { title: { fr: 'x' } }],
    ['an empty title', { title: { en: '' } }],
    ['no tests', { tests: [] }],
    ['an unknown test kind', { tests: [{ kind: 'fuzz', name: 'x' }] }],
    ['an unknown language', { solutions: [{ id: 'a', label: 'A', language: 'ruby', code: '' }] }],
    ['an entry point that is not an identifier', { entryPoint: 'add()' }],
    ['limits below the minimum', { limits: { timeMs: 1 } }],
    ['a negative tolerance', { tests: [{ kind: 'call', name: 'x', args: [], expected: 1, tolerance: { abs: -1 } }] }],
    ['an unknown difficulty', { difficulty: 'trivial' }],
    ['a score above 5', { gold: { ranking: [['a', 'b']], scores: { a: { correctness: 6 } } } }],
  ])('rejects %s', (_name, patch) => {
    expect(taskSchema.safeParse({ ...valid(), ...patch }).success).toBe(false);
  });

  it('reports a duplicate solution id at the second one', () => {
    const task = valid();
    (task.solutions as Json[])[1]!.id = 'a';
    expect(problems(task)).toEqual([{ key: 'task.duplicateId', path: ['solutions', 1, 'id'], params: { id: 'a' } }]);
  });

  it('reports a duplicate test name at the second one', () => {
    const task = valid();
    (task.tests as Json[]).push({ kind: 'call', name: 'small', args: [2, 2], expected: 4 });
    expect(problems(task)).toEqual([{ key: 'task.duplicateTestName', path: ['tests', 2, 'name'], params: { name: 'small' } }]);
  });

  it('requires code in the language of every solution for code tests', () => {
    const task = {
      ...valid(),
      tests: [{ kind: 'code', name: 'checks', code: { python: 'assert add(1, 2) == 3' } }],
      solutions: [
        { id: 'py', label: 'Py', language: 'python', code: 'def add(a, b): return a + b' },
        { id: 'js', label: 'JS', language: 'javascript', code: 'function add(a, b) { return a + b; }' },
      ],
    };
    expect(problems(task)).toEqual([{ key: 'task.codeForLanguage', path: ['tests', 0, 'code', 'javascript'], params: { language: 'javascript' } }]);
  });

  it('counts the languages of the reference solution too', () => {
    const task = {
      ...valid(),
      tests: [{ kind: 'code', name: 'checks', code: { javascript: 'if (add(1, 2) !== 3) throw 1;' } }],
      solutions: [],
      referenceSolution: { python: 'def add(a, b): return a + b' },
    };
    expect(problems(task)).toEqual([{ key: 'task.codeForLanguage', path: ['tests', 0, 'code', 'python'], params: { language: 'python' } }]);
  });

  it('requires an entry point for every language of a call test', () => {
    const task = valid();
    delete task.entryPoint;
    expect(problems(task)).toEqual([{ key: 'task.entryPointMissing', path: ['tests', 0, 'entryPoint'], params: { language: 'python' } }]);
  });

  it('accepts an entry point on the test instead of the task', () => {
    const task = valid();
    delete task.entryPoint;
    (task.tests as Json[])[0]!.entryPoint = 'add';
    expect(problems(task)).toEqual([]);
  });

  it('reports a per-language entry point that lacks a language of a solution', () => {
    const task = {
      ...valid(),
      entryPoint: { python: 'add' },
      tests: [{ kind: 'call', name: 'small', args: [1, 2], expected: 3 }],
      solutions: [
        { id: 'py', label: 'Py', language: 'python', code: '' },
        { id: 'js', label: 'JS', language: 'javascript', code: '' },
      ],
    };
    expect(problems(task)).toEqual([{ key: 'task.entryPointMissing', path: ['tests', 0, 'entryPoint'], params: { language: 'javascript' } }]);
  });

  it('requires an entry point for a code test with a check function', () => {
    const task = { ...valid(), entryPoint: undefined, tests: [{ kind: 'code', name: 'he', code: { python: 'def check(c): assert c(1, 2) == 3' }, check: 'check' }] };
    expect(problems(task)).toEqual([{ key: 'task.entryPointMissing', path: ['tests', 0, 'entryPoint'], params: { language: 'python' } }]);
    const withoutCheck = { ...task, tests: [{ kind: 'code', name: 'he', code: { python: 'assert True' } }] };
    expect(problems(withoutCheck)).toEqual([]);
  });

  it('reports an unknown id in the gold ranking', () => {
    expect(problems({ ...valid(), gold: { ranking: [['a'], ['b', 'c']] } })).toEqual([
      { key: 'task.unknownSolution', path: ['gold', 'ranking', 1, 1], params: { id: 'c' } },
    ]);
  });

  it('reports an id ranked twice', () => {
    expect(problems({ ...valid(), gold: { ranking: [['a'], ['b'], ['a']] } })).toEqual([
      { key: 'task.duplicateId', path: ['gold', 'ranking', 2, 0], params: { id: 'a' } },
    ]);
    expect(problems({ ...valid(), gold: { ranking: [['a', 'a', 'b']] } })).toEqual([
      { key: 'task.duplicateId', path: ['gold', 'ranking', 0, 1], params: { id: 'a' } },
    ]);
  });

  it('reports a solution missing from the ranking', () => {
    expect(problems({ ...valid(), gold: { ranking: [['b']] } })).toEqual([{ key: 'task.unranked', path: ['gold', 'ranking'], params: { id: 'a' } }]);
  });

  it('reports scores and critiques of unknown solutions', () => {
    const gold = { ranking: [['a', 'b']], scores: { z: { correctness: 3 } }, critiques: { y: { en: 'meh' } } };
    expect(problems({ ...valid(), gold })).toEqual([
      { key: 'task.unknownSolution', path: ['gold', 'scores', 'z'], params: { id: 'z' } },
      { key: 'task.unknownSolution', path: ['gold', 'critiques', 'y'], params: { id: 'y' } },
    ]);
  });

  it('rejects an empty ranking and an empty group', () => {
    expect(taskSchema.safeParse({ ...valid(), gold: { ranking: [] } }).success).toBe(false);
    expect(taskSchema.safeParse({ ...valid(), gold: { ranking: [['a', 'b'], []] } }).success).toBe(false);
  });
});

describe('performance tests', () => {
  const withPerformance = (performance: unknown, reference = true): Json => {
    const task = valid();
    task.tests = [{ kind: 'call', name: 'large', args: [1, 2], expected: 3, performance }];
    if (reference) task.referenceSolution = { python: 'def add(a, b):\n    return a + b\n' };
    return task;
  };

  it('accepts a budget with a size as plain text or per locale, and a task file without any (format v1 as before)', () => {
    expect(problems(withPerformance({ budget: 3 }))).toEqual([]);
    expect(problems(withPerformance({ budget: 2.5, size: 'n = 4000' }))).toEqual([]);
    expect(problems(withPerformance({ budget: 3, size: { en: '4,000 numbers', 'es-CL': '4.000 números' } }))).toEqual([]);
    const plain = taskSchema.parse(valid());
    expect(plain.tests.every((t) => t.performance === undefined)).toBe(true);
  });

  it('refuses a missing or out-of-range budget and unknown fields', () => {
    for (const bad of [{}, { budget: 0.5 }, { budget: 1001 }, { budget: '3' }, { budget: 3, unit: 'ms' }, { budget: 3, size: '' }]) {
      const found = problems(withPerformance(bad));
      expect(found.length, JSON.stringify(bad)).toBeGreaterThan(0);
      expect(found.every((p) => p.path.slice(0, 3).join('.') === 'tests.0.performance'), JSON.stringify(found)).toBe(true);
    }
  });

  it('needs a reference solution to compare with', () => {
    expect(problems(withPerformance({ budget: 3 }, false))).toEqual([{ key: 'task.performanceNeedsReference', path: ['tests', 0, 'performance'], params: {} }]);
  });

  it('is not part of a trainer\'s own test', () => {
    expect(ownTestSchema.safeParse({ kind: 'call', name: 'x', args: [], expected: 1, performance: { budget: 3 } }).success).toBe(false);
  });
});

describe('limitsOf', () => {
  it('uses the defaults for a task without limits', () => {
    expect(limitsOf({})).toEqual({ timeMs: 5000, outputBytes: 65536, memoryMb: 256 });
    expect(limitsOf({})).toEqual(DEFAULT_LIMITS);
  });

  it('takes the task limits over the defaults, and the override over both', () => {
    expect(limitsOf({ limits: { timeMs: 1000 } })).toEqual({ timeMs: 1000, outputBytes: 65536, memoryMb: 256 });
    expect(limitsOf({ limits: { timeMs: 1000, memoryMb: 64 } }, { timeMs: 300 })).toEqual({ timeMs: 300, outputBytes: 65536, memoryMb: 64 });
  });
});

describe('pickLocale', () => {
  it.each([
    [{ en: 'Hi', 'es-CL': 'Hola' }, 'en', { text: 'Hi', locale: 'en', fallback: false }],
    [{ en: 'Hi', 'es-CL': 'Hola' }, 'es-CL', { text: 'Hola', locale: 'es-CL', fallback: false }],
    [{ en: 'Hi' }, 'es-CL', { text: 'Hi', locale: 'en', fallback: true }],
    [{ 'es-CL': 'Hola' }, 'en', { text: 'Hola', locale: 'es-CL', fallback: true }],
  ] as const)('%j in %s', (text, locale, picked) => {
    expect(pickLocale(text, locale)).toEqual(picked);
  });
});

describe('entryPointFor', () => {
  it.each([
    [undefined, 'python', undefined],
    ['add', 'python', 'add'],
    ['add', 'javascript', 'add'],
    [{ python: 'add', javascript: 'sum' }, 'javascript', 'sum'],
    [{ python: 'add' }, 'javascript', undefined],
  ] as const)('%j for %s is %s', (ep, language, name) => {
    expect(entryPointFor(ep, language)).toBe(name);
  });
});

describe('referenceSolutions', () => {
  const task = (referenceSolution?: Task['referenceSolution']): Task => {
    const parsed = taskSchema.parse({ ...valid(), ...(referenceSolution ? { referenceSolution } : {}) });
    return parsed;
  };

  it('is empty without a reference solution', () => {
    expect(referenceSolutions(task())).toEqual([]);
  });

  it('gives one solution per language, python first', () => {
    expect(referenceSolutions(task({ javascript: 'const add = (a, b) => a + b;', python: 'def add(a, b): return a + b' }))).toEqual([
      { id: 'reference-python', label: 'reference (python)', language: 'python', code: 'def add(a, b): return a + b' },
      { id: 'reference-javascript', label: 'reference (javascript)', language: 'javascript', code: 'const add = (a, b) => a + b;' },
    ]);
  });
});
