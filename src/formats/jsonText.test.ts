import { describe, expect, it } from 'vitest';
import { formatPath, lineAt, lineOfPath, MAX_DEPTH, nestingDepth, syntaxErrorAt, syntaxErrorLine } from './jsonText.js';

describe('nestingDepth', () => {
  it.each([
    ['1', 0],
    ['"[[["', 0],
    ['[]', 1],
    ['{}', 1],
    ['[[]]', 2],
    ['[][][]', 1],
    ['{"a":[{"b":[]}]}', 4],
    ['["\\"[[[", [1]]', 2],
    ['["\\\\", [[1]]]', 3],
    ['{"k{[": "]}", "v": {}}', 2],
  ])('%s is %i deep', (text, depth) => {
    expect(nestingDepth(text)).toBe(depth);
  });

  it('stops counting just past the limit', () => {
    expect(nestingDepth('['.repeat(1000), 10)).toBe(11);
    expect(nestingDepth('['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH))).toBe(MAX_DEPTH);
    expect(nestingDepth('['.repeat(MAX_DEPTH + 1))).toBe(MAX_DEPTH + 1);
  });

  it('handles 100000 nested brackets without recursion', () => {
    expect(nestingDepth('['.repeat(100_000) + ']'.repeat(100_000), Infinity)).toBe(100_000);
  });
});

describe('lineAt', () => {
  it.each([
    ['abc', 0, 1],
    ['abc', 2, 1],
    ['a\nb\nc', 1, 1],
    ['a\nb\nc', 2, 2],
    ['a\nb\nc', 4, 3],
    ['a\nb', 100, 2],
    ['', 0, 1],
  ])('%j at %i is line %i', (text, offset, line) => {
    expect(lineAt(text, offset)).toBe(line);
  });
});

describe('syntaxErrorLine', () => {
  it.each([
    ['an unquoted value', '{\n  "a": 1,\n  "expected": three\n}', 3],
    ['NaN', '{\n  "a": [\n    NaN\n  ]\n}', 3],
    ['a trailing comma', '{\n"a": 1,\n}', 3],
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', 3],
    ['a comment', '{\n  "id": "x", // note\n  "b": 1\n}', 2],
    ['single quotes', "{\n\n  'name': 1\n}", 3],
    ['"line N" written inside the file', '{\n  "a": 1,\n  "args": ["line 7", oops]\n}', 3],
    ['a file cut off', '{\n  "a": [1,\n  2', 3],
    ['a bad escape', '{\n  "a": "\\q"\n}', 2],
    ['text after the value', '{}\n\n{}', 3],
  ])('finds %s on its line', (_name, text, line) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(syntaxErrorLine(text)).toBe(line);
  });

  it('gives the column too, counted from the start of that line', () => {
    expect(syntaxErrorAt('{\n  "expected": three\n}')).toEqual({ line: 2, column: 15 });
    expect(syntaxErrorAt('{"a": [1,')).toEqual({ line: 1, column: 10 });
    expect(syntaxErrorAt('')).toEqual({ line: 1, column: 1 });
  });

  it('accepts what JSON.parse accepts', () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"], "b": {}}';
    expect(() => JSON.parse(text)).not.toThrow();
    expect(syntaxErrorLine(text)).toBe(1);
  });
});

// A task file as people write it; the numbers on the right are the lines.
const LINES = [
  '{', //                                                             1
  '  "schemaVersion": 1,', //                                         2
  '  "id": "add",', //                                                3
  '  "title": { "en": "Add {two} [numbers]", "es-CL": "Sumar" },', // 4
  '  "prompt": {', //                                                 5
  '    "en": "say \\"tests\\": [ here"', //                           6
  '  },', //                                                          7
  '  "tests": [', //                                                  8
  '    { "kind": "call", "name": "a \\"q\\" ]}", "args": [1, 2], "expected": 3 },', // 9
  '    {', //                                                         10
  '      "kind": "call",', //                                         11
  '      "name": "b",', //                                            12
  '      "args": [', //                                               13
  '        {"x": [1, {"y": "}"}]}', //                                14
  '      ],', //                                                      15
  '      "expected":', //                                             16
  '        [3]', //                                                   17
  '    },', //                                                        18
  '    { "kind": "stdio", "name": "c", "stdin": "", "expectedStdout": "" },', // 19
  '    {', //                                                         20
  '      "kind": "call", "name": "d",', //                            21
  '      "args": []', //                                              22
  '    }', //                                                         23
  '  ],', //                                                          24
  '  "solutions": []', //                                             25
  '}', //                                                             26
];
const TEXT = LINES.join('\n');

describe('lineOfPath', () => {
  it('the test text is valid JSON', () => {
    expect(() => JSON.parse(TEXT)).not.toThrow();
  });

  it.each<[(string | number)[], number]>([
    [[], 1],
    [['schemaVersion'], 2],
    [['id'], 3],
    [['title'], 4],
    [['title', 'es-CL'], 4],
    [['prompt', 'en'], 6],
    [['tests'], 8],
    [['tests', 0], 9],
    [['tests', 0, 'args'], 9],
    [['tests', 1], 10],
    [['tests', 1, 'name'], 12],
    [['tests', 1, 'args'], 13],
    [['tests', 1, 'args', 0], 14],
    [['tests', 1, 'args', 0, 'x', 1, 'y'], 14],
    [['tests', 1, 'expected'], 17],
    [['tests', 2, 'expectedStdout'], 19],
    [['tests', 3], 20],
    [['tests', 3, 'name'], 21],
    [['solutions'], 25],
  ])('%j starts on line %i', (path, line) => {
    expect(lineOfPath(TEXT, path)).toBe(line);
  });

  it.each<[(string | number)[], number]>([
    [['tests', 3, 'expected'], 20],
    [['tests', 9], 8],
    [['tests', 9, 'name'], 8],
    [['nothing'], 1],
    [['title', 'fr'], 4],
    [['id', 'x'], 3],
    [['solutions', 0, 'id'], 25],
  ])('a missing %j falls back to its deepest existing parent, line %i', (path, line) => {
    expect(lineOfPath(TEXT, path)).toBe(line);
  });

  it('does not take a key inside a string for a field', () => {
    // Line 6 holds the text `"tests": [` inside a string; the real field is on line 8.
    expect(lineOfPath(TEXT, ['tests', 0, 'name'])).toBe(9);
  });

  it('works on a one-line text', () => {
    expect(lineOfPath('{"a":{"b":[0,1]}}', ['a', 'b', 1])).toBe(1);
  });

  it('finds keys written with escapes', () => {
    expect(lineOfPath('{\n"x": 1,\n"\\u0061": 2\n}', ['a'])).toBe(3);
  });
});

describe('formatPath', () => {
  it.each<[PropertyKey[], string]>([
    [[], ''],
    [['id'], 'id'],
    [['tests', 3, 'args'], 'tests[3].args'],
    [['tests', 1, 'code', 'python'], 'tests[1].code.python'],
    [['gold', 'ranking', 0, 2], 'gold.ranking[0][2]'],
    [[0, 'name'], '[0].name'],
    [['gold', 'scores', 'model-a'], 'gold.scores.model-a'],
  ])('%j is %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});
