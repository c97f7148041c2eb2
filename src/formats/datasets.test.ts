import { describe, expect, it } from 'vitest';
import { applySamples, parseDataset, shapeOf } from './datasets.js';
import { parseSources } from './taskSources.js';

const FILE = 'data.jsonl';
const jsonl = (...rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n');

const humanEval = {
  task_id: 'HumanEval/0',
  prompt: 'def add(a, b):\n    """Add two numbers."""\n',
  canonical_solution: '    return a + b\n',
  test: 'def check(candidate):\n    assert candidate(1, 2) == 3\n',
  entry_point: 'add',
};
const humanEvalX = {
  task_id: 'JavaScript/0',
  prompt: 'const add = (a, b) => {\n',
  canonical_solution: '  return a + b;\n};\n',
  test: 'const testAdd = () => { console.assert(add(1, 2) === 3); };\ntestAdd();\n',
  declaration: '\nconst add = (a, b) => {\n',
};
const mbpp = {
  task_id: 11,
  text: 'Write a function to remove the first and last occurrence of a character.',
  code: 'def remove_Occ(s, ch):\n    return s\n',
  test_list: ['assert remove_Occ("hello","l") == "heo"', 'assert remove_Occ("abcda","a") == "bcd"'],
  test_setup_code: 'import re',
  challenge_test_list: ['assert remove_Occ("PHP","P") == "H"'],
};
const veredicto = {
  schemaVersion: 1,
  id: 'add',
  title: { en: 'Add' },
  prompt: { en: 'Write add(a, b).' },
  entryPoint: 'add',
  tests: [{ kind: 'call', name: 'small', args: [1, 2], expected: 3 }],
  solutions: [{ id: 'a', label: 'A', language: 'python', code: 'def add(a, b): return a + b' }],
};

describe('shapeOf', () => {
  it.each([
    ['a HumanEval row', humanEval, 'humaneval'],
    ['a HumanEval-X row', humanEvalX, 'humaneval-x'],
    ['an MBPP row', mbpp, 'mbpp'],
    ['an MBPP row without setup or challenge tests', { task_id: 2, text: 't', code: 'c', test_list: [] }, 'mbpp'],
    ['a Veredicto task', veredicto, 'task'],
    ['a broken Veredicto task', { schemaVersion: 7 }, 'task'],
    ['a sample', { task_id: 'HumanEval/0', completion: '    return a + b\n' }, 'sample'],
    ['a sample with a numeric task id', { task_id: 11, completion: 'x' }, 'sample'],
    ['a HumanEvalPack row (entry_point and declaration, a language prefix)', { ...humanEvalX, entry_point: 'add' }, 'humaneval-x'],
    ['a HumanEvalPack Python row, whose check is not called by its test', { ...humanEval, task_id: 'Python/0', declaration: 'def add(a, b):\n' }, 'humaneval'],
    ['a HumanEval row with a declaration but no language prefix', { ...humanEval, declaration: 'def add(a, b):\n' }, 'humaneval'],
    ['an empty object', {}, undefined],
    ['a HumanEval row without entry_point or declaration', { ...humanEval, entry_point: undefined }, undefined],
    ['a HumanEval row with a non-string test', { ...humanEval, test: ['assert 1'] }, undefined],
    ['an MBPP row whose test_list is a string', { ...mbpp, test_list: 'assert 1' }, undefined],
    ['a sample without a task id', { completion: 'x' }, undefined],
  ])('%s is %s', (_name, row, shape) => {
    expect(shapeOf(row as Record<string, unknown>)).toBe(shape);
  });
});

describe('parseDataset: HumanEval', () => {
  const { tasks, problems } = parseDataset(FILE, jsonl(humanEval));
  const task = tasks[0]!;

  it('reads one task and no problems', () => {
    expect(problems).toEqual([]);
    expect(tasks).toHaveLength(1);
  });

  it('keeps the task id and entry point', () => {
    expect(task.id).toBe('HumanEval/0');
    expect(task.entryPoint).toBe('add');
    expect(task.schemaVersion).toBe(1);
  });

  it('names the function in the title, the same in both languages', () => {
    expect(task.title).toEqual({ en: 'HumanEval/0 · add', 'es-CL': 'HumanEval/0 · add' });
  });

  it('has one code test named check that calls check with the entry point', () => {
    expect(task.tests).toEqual([{ kind: 'code', name: 'check', hidden: false, code: { python: humanEval.test }, check: 'check', entryPoint: 'add' }]);
  });

  it('has the prompt followed by the canonical solution as its solution and reference', () => {
    const code = humanEval.prompt + humanEval.canonical_solution;
    expect(task.solutions).toEqual([{ id: 'canonical', label: 'canonical_solution', language: 'python', code }]);
    expect(task.referenceSolution).toEqual({ python: code });
  });

  it('shows the prompt as Python code', () => {
    expect(task.prompt.en).toBe('```python\ndef add(a, b):\n    """Add two numbers."""\n```');
  });

  it('keeps the prompt that completions continue', () => {
    expect(task.source).toEqual({ shape: 'humaneval', prompt: humanEval.prompt, language: 'python' });
  });

  it('has no metadata when the row has only the known fields', () => {
    expect(task.metadata).toBeUndefined();
  });

  it('keeps extra fields in metadata, as they came', () => {
    const row = { ...humanEval, difficulty: 'easy', tags: ['math'], base_input: [[1, 2]] };
    expect(parseDataset(FILE, jsonl(row)).tasks[0]?.metadata).toEqual({ difficulty: 'easy', tags: ['math'], base_input: [[1, 2]] });
  });
});

describe('parseDataset: HumanEval-X (JavaScript)', () => {
  const { tasks, problems } = parseDataset(FILE, jsonl(humanEvalX));
  const task = tasks[0]!;

  it('reads one task and no problems', () => {
    expect(problems).toEqual([]);
    expect(tasks).toHaveLength(1);
  });

  it('names the function its declaration defines', () => {
    expect(task.title.en).toMatch(/^[^ ]+ · \w+$/);
  });

  it('has one code test with the test code in JavaScript', () => {
    expect(task.tests).toHaveLength(1);
    expect(task.tests[0]).toMatchObject({ kind: 'code', hidden: false, code: { javascript: humanEvalX.test } });
    expect(task.tests[0]?.kind === 'code' && task.tests[0].code.python).toBe(undefined);
  });

  it('has the prompt followed by the canonical solution, in JavaScript', () => {
    const code = humanEvalX.prompt + humanEvalX.canonical_solution;
    expect(task.solutions).toEqual([{ id: 'canonical', label: 'canonical_solution', language: 'javascript', code }]);
    expect(task.referenceSolution).toEqual({ javascript: code });
    expect(task.source).toEqual({ shape: 'humaneval-x', prompt: humanEvalX.prompt, language: 'javascript' });
  });

  it('keeps extra fields in metadata', () => {
    expect(parseDataset(FILE, jsonl({ ...humanEvalX, example_test: 'x' })).tasks[0]?.metadata).toEqual({ example_test: 'x' });
  });
});

describe('parseDataset: HumanEval-X in other languages (task_id prefix)', () => {
  const row = (task_id: string) => ({ ...humanEvalX, task_id });
  it('reads the language from the prefix', () => {
    const { tasks, problems } = parseDataset(FILE, jsonl(row('Python/3'), row('JavaScript/3'), row('TypeScript/3')));
    expect(problems).toEqual([]);
    expect(tasks.map((t) => t.solutions[0]?.language)).toEqual(['python', 'javascript', 'typescript']);
    expect(tasks[2]?.tests[0]).toMatchObject({ kind: 'code', code: { typescript: humanEvalX.test } });
    expect(tasks[2]?.prompt.en).toMatch(/^```typescript\n/);
  });
  it('refuses the languages Veredicto cannot run, naming them, and reads the rest', () => {
    const { tasks, problems } = parseDataset(FILE, jsonl(row('Java/0'), row('Go/0'), row('JavaScript/1')));
    expect(tasks.map((t) => t.id)).toEqual(['JavaScript/1']);
    expect(problems.map((p) => [p.line, p.message.key, p.message.params?.language])).toEqual([
      [1, 'file.languageUnsupported', 'Java'],
      [2, 'file.languageUnsupported', 'Go'],
    ]);
  });
});

describe('parseDataset: MultiPL-E', () => {
  const ts = {
    name: 'HumanEval_53_add', language: 'ts', prompt: '//Add two numbers x and y\nfunction add(x: number, y: number): number {\n',
    tests: "declare var require: any;\nconst assert = require('node:assert');\nfunction test() {\n  let candidate = add;\n  assert.deepEqual(candidate(0, 1),1);\n}\n\ntest();",
    stop_tokens: ['\nfunction ', '\n/*', '\n//', '\nclass'],
  };
  it('reads a prompt-only task named by `name`, its tests in the row\'s language', () => {
    const { tasks, problems } = parseDataset(FILE, jsonl(ts));
    expect(problems).toEqual([]);
    expect(tasks[0]).toMatchObject({ id: 'HumanEval_53_add', solutions: [], tests: [{ kind: 'code', name: 'tests', code: { typescript: ts.tests } }] });
    expect(tasks[0]?.source).toEqual({ shape: 'multipl-e', prompt: ts.prompt, language: 'typescript' });
  });
  it('takes its solutions from a samples file, prompt + completion, in its language', () => {
    const { tasks } = parseDataset(FILE, jsonl(ts));
    expect(applySamples('s.jsonl', jsonl({ task_id: 'HumanEval_53_add', completion: '  return x + y;\n}\n' }), tasks)).toEqual([]);
    expect(tasks[0]?.solutions).toEqual([{ id: 'sample-1', label: 'sample 1', language: 'typescript', code: `${ts.prompt}  return x + y;\n}\n` }]);
  });
  it('refuses a language it cannot run', () => {
    const { tasks, problems } = parseDataset(FILE, jsonl({ ...ts, language: 'java' }));
    expect(tasks).toEqual([]);
    expect(problems[0]?.message).toMatchObject({ key: 'file.languageUnsupported', params: { language: 'java' } });
  });
});

describe('parseDataset: MBPP', () => {
  const { tasks, problems } = parseDataset(FILE, jsonl(mbpp));
  const task = tasks[0]!;

  it('reads one task and no problems', () => {
    expect(problems).toEqual([]);
    expect(tasks).toHaveLength(1);
    expect(task.id).toBe('11');
    expect(task.title.en).toMatch(/^11 · \w+$/);
  });

  it('has one code test per test_list entry, setup code first, and hidden challenge tests', () => {
    expect(task.tests).toEqual([
      { kind: 'code', name: 'test_list[0]', hidden: false, code: { python: 'import re\nassert remove_Occ("hello","l") == "heo"' } },
      { kind: 'code', name: 'test_list[1]', hidden: false, code: { python: 'import re\nassert remove_Occ("abcda","a") == "bcd"' } },
      { kind: 'code', name: 'challenge_test_list[0]', hidden: true, code: { python: 'import re\nassert remove_Occ("PHP","P") == "H"' } },
    ]);
  });

  it('adds no setup line when there is no setup code', () => {
    const row = { ...mbpp, test_setup_code: '', challenge_test_list: [] };
    const t = parseDataset(FILE, jsonl(row)).tasks[0]!;
    expect(t.tests.map((x) => (x.kind === 'code' ? x.code.python : undefined))).toEqual(mbpp.test_list);
  });

  it('reads the sanitized subset (and MBPP+): the statement in prompt, the imports one per item', () => {
    const sanitized = { source_file: 'Benchmark Questions Verification V2.ipynb', task_id: 2, prompt: 'Write a function to find the shared elements.', code: 'def similar_elements(a, b):\n    return tuple(set(a) & set(b))\n', test_imports: ['import math', 'import re'], test_list: ['assert set(similar_elements((3, 4), (4, 5))) == set((4,))'] };
    const { tasks: read, problems: none } = parseDataset(FILE, jsonl(sanitized));
    expect(none).toEqual([]);
    expect(read[0]).toMatchObject({ id: '2', prompt: { en: sanitized.prompt }, tests: [{ kind: 'code', name: 'test_list[0]', code: { python: `import math\nimport re\n${sanitized.test_list[0]}` } }], metadata: { source_file: sanitized.source_file } });
    expect(read[0]?.source).toEqual({ shape: 'mbpp', prompt: '', language: 'python' });
  });

  it('uses the code as the solution and the text as the prompt', () => {
    expect(task.solutions).toEqual([{ id: 'canonical', label: 'code', language: 'python', code: mbpp.code }]);
    expect(task.referenceSolution).toEqual({ python: mbpp.code });
    expect(task.prompt).toEqual({ en: mbpp.text });
    expect(task.metadata).toBeUndefined();
  });
});

describe('parseDataset: mixed files and problems', () => {
  it('reads Veredicto tasks one per line', () => {
    const { tasks, problems } = parseDataset(FILE, jsonl(veredicto, { ...veredicto, id: 'add-2' }));
    expect(problems).toEqual([]);
    expect(tasks.map((t) => t.id)).toEqual(['add', 'add-2']);
    expect(tasks[0]?.tests[0]?.hidden).toBe(false);
  });

  it('reads rows of several shapes and skips blank lines', () => {
    const text = ['', jsonl(humanEval), '   ', jsonl(mbpp), '', jsonl(veredicto), ''].join('\n');
    const { tasks, problems } = parseDataset(FILE, text);
    expect(problems).toEqual([]);
    expect(tasks.map((t) => [t.id, t.source?.shape])).toEqual([
      ['HumanEval/0', 'humaneval'],
      ['11', 'mbpp'],
      ['add', undefined],
    ]);
  });

  it('reads CRLF line endings', () => {
    const { tasks, problems } = parseDataset(FILE, `${jsonl(humanEval)}\r\n${jsonl(mbpp)}\r\n`);
    expect(problems).toEqual([]);
    expect(tasks).toHaveLength(2);
  });

  it.each([
    ['an object of no known shape', { question: 'x', answer: 'y' }],
    ['a samples row', { task_id: 'HumanEval/0', completion: 'x' }],
    ['an array', [1, 2]],
    ['a number', 3],
    ['null', null],
  ])('reports %s as file.unknownShape with its line', (_name, row) => {
    const { tasks, problems } = parseDataset(FILE, jsonl(humanEval, row, mbpp));
    expect(tasks.map((t) => t.id)).toEqual(['HumanEval/0', '11']);
    expect(problems).toEqual([{ file: FILE, line: 2, message: { key: 'file.unknownShape', params: { file: FILE, line: 2 } } }]);
  });

  it('reports a broken line as file.invalidJson with its line and keeps the others', () => {
    const { tasks, problems } = parseDataset(FILE, [jsonl(humanEval), '', '{"task_id": "x", "prompt": ', jsonl(mbpp)].join('\n'));
    expect(tasks).toHaveLength(2);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, line: 3, message: { key: 'file.invalidJson', params: { file: FILE, line: 3 } } });
  });

  it('reports a too deep line without throwing', () => {
    const { tasks, problems } = parseDataset(FILE, [jsonl(humanEval), '['.repeat(100_000)].join('\n'));
    expect(tasks).toHaveLength(1);
    expect(problems).toEqual([{ file: FILE, message: { key: 'file.tooDeep', params: { file: FILE, max: 64 } } }]);
  });

  it('reports schema problems of a Veredicto task at its line with the field', () => {
    const broken = { ...veredicto, tests: [{ kind: 'call', name: 'small', args: 'nope', expected: 3 }] };
    const { tasks, problems } = parseDataset(FILE, jsonl(veredicto, humanEval, broken));
    expect(tasks).toHaveLength(2);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, line: 3, field: 'tests[0].args' });
  });

  it('reports each problem of a Veredicto task line', () => {
    const broken = { ...veredicto, solutions: [veredicto.solutions[0], veredicto.solutions[0]], extra: true };
    const { problems } = parseDataset(FILE, jsonl(humanEval, broken));
    expect(problems.map((p) => [p.line, p.field, p.message.key])).toEqual([
      [2, 'extra', 'schema.unknownField'],
      [2, 'solutions[1].id', 'task.duplicateId'],
    ]);
  });

  it('is empty for an empty file', () => {
    expect(parseDataset(FILE, '')).toEqual({ tasks: [], problems: [] });
    expect(parseDataset(FILE, '\n\n  \n')).toEqual({ tasks: [], problems: [] });
  });
});

describe('applySamples', () => {
  it('puts HumanEval completions after the original prompt, one solution per sample', () => {
    const { tasks } = parseDataset(FILE, jsonl(humanEval, mbpp));
    const samples = jsonl(
      { task_id: 'HumanEval/0', completion: '    return a + b\n' },
      { task_id: 'HumanEval/0', completion: '    return a - b\n' },
    );
    expect(applySamples('samples.jsonl', samples, tasks)).toEqual([]);
    expect(tasks[0]?.solutions).toEqual([
      { id: 'sample-1', label: 'sample 1', language: 'python', code: `${humanEval.prompt}    return a + b\n` },
      { id: 'sample-2', label: 'sample 2', language: 'python', code: `${humanEval.prompt}    return a - b\n` },
    ]);
  });

  it("adds the completions next to the canonical solution in 'add' mode, so one sample still gives two to compare", () => {
    const { tasks } = parseDataset(FILE, jsonl(humanEval));
    expect(applySamples('samples.jsonl', jsonl({ task_id: 'HumanEval/0', completion: '    return a - b\n' }), tasks, 'add')).toEqual([]);
    expect(tasks[0]?.solutions.map((s) => s.id)).toEqual(['canonical', 'sample-1']);
    const { tasks: more } = parseSources([{ name: FILE, text: jsonl(humanEval) }], [{ name: 'samples.jsonl', text: jsonl({ task_id: 'HumanEval/0', completion: 'x' }) }], 'add');
    expect(more[0]?.solutions.map((s) => s.id)).toEqual(['canonical', 'sample-1']);
  });

  it('keeps the canonical solution of tasks without samples', () => {
    const { tasks } = parseDataset(FILE, jsonl(humanEval, mbpp));
    applySamples('samples.jsonl', jsonl({ task_id: 'HumanEval/0', completion: 'x' }), tasks);
    expect(tasks[1]?.solutions.map((s) => s.id)).toEqual(['canonical']);
  });

  it('keeps the reference solution of a task with samples', () => {
    const { tasks } = parseDataset(FILE, jsonl(humanEval));
    applySamples('samples.jsonl', jsonl({ task_id: 'HumanEval/0', completion: 'x' }), tasks);
    expect(tasks[0]?.referenceSolution).toEqual({ python: humanEval.prompt + humanEval.canonical_solution });
  });

  it('uses MBPP completions alone, matching numeric task ids', () => {
    const { tasks } = parseDataset(FILE, jsonl(mbpp));
    expect(applySamples('samples.jsonl', jsonl({ task_id: 11, completion: 'def remove_Occ(s, ch): return s' }), tasks)).toEqual([]);
    expect(tasks[0]?.solutions).toEqual([{ id: 'sample-1', label: 'sample 1', language: 'python', code: 'def remove_Occ(s, ch): return s' }]);
  });

  it('continues the HumanEval-X prompt in JavaScript', () => {
    const { tasks } = parseDataset(FILE, jsonl(humanEvalX));
    applySamples('samples.jsonl', jsonl({ task_id: 'JavaScript/0', completion: '  return b + a;\n};\n' }), tasks);
    expect(tasks[0]?.solutions).toEqual([{ id: 'sample-1', label: 'sample 1', language: 'javascript', code: `${humanEvalX.prompt}  return b + a;\n};\n` }]);
  });

  it('numbers the samples of each task separately', () => {
    const { tasks } = parseDataset(FILE, jsonl(humanEval, { ...humanEval, task_id: 'HumanEval/1' }));
    applySamples(
      'samples.jsonl',
      jsonl({ task_id: 'HumanEval/1', completion: 'a' }, { task_id: 'HumanEval/0', completion: 'b' }, { task_id: 'HumanEval/1', completion: 'c' }),
      tasks,
    );
    expect(tasks.map((t) => t.solutions.map((s) => s.id))).toEqual([['sample-1'], ['sample-1', 'sample-2']]);
    expect(tasks[1]?.solutions.map((s) => s.code)).toEqual([`${humanEval.prompt}a`, `${humanEval.prompt}c`]);
  });

  it('reports a sample of an unknown task with its line, and applies the others', () => {
    const { tasks } = parseDataset(FILE, jsonl(humanEval));
    const problems = applySamples('samples.jsonl', jsonl({ task_id: 'HumanEval/0', completion: 'a' }, { task_id: 'HumanEval/99', completion: 'b' }), tasks);
    expect(problems).toEqual([
      { file: 'samples.jsonl', line: 2, field: 'task_id', message: { key: 'file.sampleUnknownTask', params: { file: 'samples.jsonl', line: 2, id: 'HumanEval/99' } } },
    ]);
    expect(tasks[0]?.solutions.map((s) => s.id)).toEqual(['sample-1']);
  });

  it('reports rows that are not samples and broken lines, with their lines', () => {
    const { tasks } = parseDataset(FILE, jsonl(humanEval));
    const problems = applySamples('samples.jsonl', [jsonl({ task_id: 'HumanEval/0' }), '{oops', jsonl(humanEval)].join('\n'), tasks);
    expect(problems.map((p) => [p.line, p.message.key])).toEqual([
      [1, 'file.unknownShape'],
      [2, 'file.invalidJson'],
      [3, 'file.unknownShape'],
    ]);
    expect(tasks[0]?.solutions.map((s) => s.id)).toEqual(['canonical']);
  });
});
