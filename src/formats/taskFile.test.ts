import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../domain/language.js';
import { MAX_DEPTH, MAX_FILE_BYTES } from './jsonText.js';
import { parseTaskFile, type Problem } from './taskFile.js';

const FILE = 'tasks/add.json';

/** A valid task file, one field per line where it matters; line numbers on the right. */
const LINES = [
  '{', //                                                     1
  '  "schemaVersion": 1,', //                                 2
  '  "id": "add",', //                                        3
  '  "title": { "en": "Add", "es-CL": "Sumar" },', //         4
  '  "prompt": { "en": "Write add(a, b)." },', //             5
  '  "entryPoint": "add",', //                                6
  '  "tests": [', //                                          7
  '    {', //                                                 8
  '      "kind": "call",', //                                 9
  '      "name": "small",', //                                10
  '      "args": [1, 2],', //                                 11
  '      "expected": 3', //                                   12
  '    },', //                                                13
  '    {', //                                                 14
  '      "kind": "call",', //                                 15
  '      "name": "large",', //                                16
  '      "args": [1000000, 2000000],', //                     17
  '      "expected": 3000000', //                             18
  '    }', //                                                 19
  '  ],', //                                                  20
  '  "solutions": [', //                                      21
  '    { "id": "a", "label": "Model A", "language": "python", "code": "def add(a, b): return a + b" },', // 22
  '    { "id": "b", "label": "Model B", "language": "python", "code": "def add(a, b): return b + a" }', //  23
  '  ]', //                                                   24
  '}', //                                                     25
];
const text = (lines: string[] = LINES) => lines.join('\n');
const replace = (line: number, content: string) => LINES.map((l, i) => (i === line - 1 ? content : l));

function problemsOf(source: string): Problem[] {
  const r = parseTaskFile(FILE, source);
  if (r.ok) throw new Error('expected problems, the file was accepted');
  return r.problems;
}

describe('parseTaskFile: valid files', () => {
  it('accepts a valid task and returns it with defaults', () => {
    const r = parseTaskFile(FILE, text());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.id).toBe('add');
    expect(r.value.tests.map((t) => t.name)).toEqual(['small', 'large']);
    expect(r.value.tests[0]?.hidden).toBe(false);
    expect(r.value.tags).toEqual([]);
    expect(r.value.solutions.map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('accepts a file of exactly the maximum size', () => {
    const body = text();
    const padded = body + ' '.repeat(MAX_FILE_BYTES - new TextEncoder().encode(body).length);
    expect(new TextEncoder().encode(padded).length).toBe(MAX_FILE_BYTES);
    expect(parseTaskFile(FILE, padded).ok).toBe(true);
  });

  it('is not fooled by brackets inside strings', () => {
    const deepInString = replace(5, `  "prompt": { "en": "${'['.repeat(10_000)}" },`);
    expect(parseTaskFile(FILE, text(deepInString)).ok).toBe(true);
  });
});

describe('parseTaskFile: files that cannot be read as JSON', () => {
  it('refuses a file over 5 MB', () => {
    const big = text() + ' '.repeat(2 * MAX_FILE_BYTES - new TextEncoder().encode(text()).length);
    expect(problemsOf(big)).toEqual([{ file: FILE, message: { key: 'file.tooLarge', params: { file: FILE, size: 10, max: 5 } } }]);
  });

  it('measures the size in bytes, not characters', () => {
    const chars = Math.ceil(MAX_FILE_BYTES / 2) + 10; // each ñ is two bytes in UTF-8
    const r = problemsOf(`{"id": "${'ñ'.repeat(chars)}"}`);
    expect(r).toHaveLength(1);
    expect(r[0]?.message.key).toBe('file.tooLarge');
  });

  it.each([
    ['100000 open brackets', '['.repeat(100_000)],
    ['100000 balanced brackets', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['100000 nested objects', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)],
    ['one level too deep', '['.repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1)],
  ])('refuses %s as too deep without throwing', (_name, source) => {
    let problems: Problem[] = [];
    expect(() => {
      problems = problemsOf(source);
    }).not.toThrow();
    expect(problems).toEqual([{ file: FILE, message: { key: 'file.tooDeep', params: { file: FILE, max: MAX_DEPTH } } }]);
  });

  it('reads a file exactly at the depth limit, then checks its schema', () => {
    const problems = problemsOf('['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, line: 1, field: '(root)' });
    expect(problems[0]?.message.key).not.toBe('file.tooDeep');
  });

  it.each<[string, string[], number]>([
    ['a trailing comma', replace(12, '      "expected": 3,'), 13],
    ['a missing comma', replace(10, '      "name": "small"'), 11],
    ['a missing bracket at the end', LINES.slice(0, 3).concat(['  "title": {']), 4],
    ['text after the value', [...LINES, 'x'], 26],
  ])('reports invalid JSON (%s) with its line', (_name, lines, line) => {
    const problems = problemsOf(text(lines));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, line, message: { key: 'file.invalidJson', params: { file: FILE, line } } });
    expect(problems[0]?.message.params?.column).toBeGreaterThan(0);
  });

  it('reports an empty file as invalid JSON on line 1', () => {
    expect(problemsOf('')).toMatchObject([{ file: FILE, line: 1, message: { key: 'file.invalidJson' } }]);
  });

  // V8 words some errors without a position ("Unexpected token 'o', ..."x": oops}" is not valid JSON").
  it.each<[string, string[], number]>([
    ['an unquoted value', replace(12, '      "expected": three'), 12],
    ['NaN', replace(18, '      "expected": NaN'), 18],
    ['a comment', replace(3, '  "id": "add", // the id'), 3],
    ['single quotes', replace(16, "      'name': 'large',"), 16],
  ])('reports invalid JSON (%s) on the line of the mistake', (_name, lines, line) => {
    expect(problemsOf(text(lines))).toMatchObject([{ file: FILE, line, message: { key: 'file.invalidJson', params: { line } } }]);
  });

  it('does not take "line N" written inside the file for the line of the error', () => {
    // V8 quotes the text around the mistake: ..."line 7", oops]...
    const lines = replace(11, '      "args": ["line 7", oops],');
    expect(problemsOf(text(lines))).toMatchObject([{ file: FILE, line: 11, message: { key: 'file.invalidJson', params: { line: 11 } } }]);
  });
});

describe('parseTaskFile: schema problems', () => {
  it.each<[string, string[], Problem]>([
    [
      'args of the wrong type',
      replace(17, '      "args": "1000000, 2000000",'),
      { file: FILE, line: 17, field: 'tests[1].args', message: { key: 'schema.type', params: { expected: 'array' } } },
    ],
    [
      'a missing test name',
      replace(10, '      "hidden": false,'),
      { file: FILE, line: 8, field: 'tests[0].name', message: { key: 'schema.required' } },
    ],
    [
      'a title of the wrong type',
      replace(4, '  "title": "Add",'),
      { file: FILE, line: 4, field: 'title', message: { key: 'schema.type', params: { expected: 'object' } } },
    ],
    [
      'a schema version that is not 1',
      replace(2, '  "schemaVersion": 2,'),
      { file: FILE, line: 2, field: 'schemaVersion', message: { key: 'schema.oneOf', params: { values: '1' } } },
    ],
    [
      'an unknown language',
      replace(23, '    { "id": "b", "label": "Model B", "language": "ruby", "code": "" }'),
      { file: FILE, line: 23, field: 'solutions[1].language', message: { key: 'schema.oneOf', params: { values: LANGUAGES.map((l) => `"${l}"`).join(', ') } } },
    ],
    [
      'an id of the wrong format',
      replace(3, '  "id": "Add Two",'),
      { file: FILE, line: 3, field: 'id', message: { key: 'schema.format' } },
    ],
    [
      'a title with no text',
      replace(4, '  "title": {},'),
      { file: FILE, line: 4, field: 'title', message: { key: 'task.localeMissing', params: {} } },
    ],
    [
      'a duplicate solution id',
      replace(23, '    { "id": "a", "label": "Model B", "language": "python", "code": "" }'),
      { file: FILE, line: 23, field: 'solutions[1].id', message: { key: 'task.duplicateId', params: { id: 'a' } } },
    ],
    [
      'a duplicate test name',
      replace(16, '      "name": "small",'),
      { file: FILE, line: 16, field: 'tests[1].name', message: { key: 'task.duplicateTestName', params: { name: 'small' } } },
    ],
    [
      'a gold ranking with an unknown id',
      replace(24, '  ], "gold": { "ranking": [["a", "b", "c"]] }'),
      { file: FILE, line: 24, field: 'gold.ranking[0][2]', message: { key: 'task.unknownSolution', params: { id: 'c' } } },
    ],
    [
      'a test kind that does not exist',
      replace(15, '      "kind": "fuzz",'),
      { file: FILE, line: 15, field: 'tests[1].kind', message: { key: 'schema.invalid' } },
    ],
  ])('reports %s with field and line', (_name, lines, problem) => {
    expect(problemsOf(text(lines))).toEqual([problem]);
  });

  it('reports an unknown top-level field at its own line and name', () => {
    const problems = problemsOf(text(replace(6, '  "entryPoint": "add", "author": "me",')));
    expect(problems).toEqual([{ file: FILE, line: 6, field: 'author', message: { key: 'schema.unknownField', params: { keys: 'author' } } }]);
  });

  it('reports an unknown field of a test at that field', () => {
    const problems = problemsOf(text(replace(12, '      "expected": 3, "expect": 3')));
    expect(problems).toEqual([{ file: FILE, line: 12, field: 'tests[0].expect', message: { key: 'schema.unknownField', params: { keys: 'expect' } } }]);
  });

  it('reports no tests as too small', () => {
    const lines = [...LINES.slice(0, 6), '  "tests": [],', ...LINES.slice(20)];
    expect(problemsOf(text(lines))).toEqual([{ file: FILE, line: 7, field: 'tests', message: { key: 'schema.tooSmall', params: { minimum: '1' } } }]);
  });

  it('reports a missing entry point for each call test', () => {
    const lines = LINES.filter((_l, i) => i !== 5);
    expect(problemsOf(text(lines))).toEqual([
      { file: FILE, line: 7, field: 'tests[0].entryPoint', message: { key: 'task.entryPointMissing', params: { language: 'python' } } },
      { file: FILE, line: 13, field: 'tests[1].entryPoint', message: { key: 'task.entryPointMissing', params: { language: 'python' } } },
    ]);
  });

  it('reports a root that is not an object', () => {
    const problems = problemsOf('[1, 2]');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, line: 1, field: '(root)' });
    expect(problems[0]?.message.key).toMatch(/^schema\./);
  });

  it('reports every problem of a file, each with file, line and field', () => {
    const lines = replace(3, '  "id": 7,').map((l, i) => (i === 16 ? '      "args": null,' : l));
    const problems = problemsOf(text(lines));
    expect(problems.map((p) => [p.field, p.line])).toEqual([
      ['id', 3],
      ['tests[1].args', 17],
    ]);
    for (const p of problems) expect(p.file).toBe(FILE);
  });
});
