// From a prompt and answers to a task: literals read exactly or not at all, entry points found from
// the prompt and the code (across languages), the prompt's examples as tests, the trainer's rows
// and assertions, and whole tasks from the answer fixtures, documents and JSONL datasets.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answersToTask, examplesToTests, exampleCall, findEntryPoints, parseLiteral, parseLiterals, parseTestRows, promptLanguage } from './answerTask.js';
import { parseDataset, parseSource } from './datasets.js';

const dir = new URL('../../test/fixtures/answers/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const PROMPT_ES = 'Escribe una función en Python `suma_pares(numeros)` que retorne la suma de los números pares.\n\n```\n>>> suma_pares([1, 2, 3, 4])\n6\n>>> suma_pares([])\n0\n```\n\n- `suma_pares([-2, 5])` → -2\n';

describe('literals', () => {
  it('reads Python and JavaScript values as JSON data', () => {
    expect(parseLiterals("[1, 2], 'a', None, True, (1, 2), {'k': [1.5, -2e3]}")).toEqual([[1, 2], 'a', null, true, [1, 2], { k: [1.5, -2000] }]);
    expect(parseLiteral('"a\\nb"')).toEqual({ value: 'a\nb' });
    expect(parseLiterals('')).toEqual([]);
  });
  it('refuses what it cannot read exactly', () => {
    for (const text of ['x', 'f(1)', 'k=1', '[1, 2', "'open", '1 2', '{1: 2}', 'float("inf")']) expect(parseLiterals(text)).toBeUndefined();
    expect(parseLiteral('[1] + [2]')).toBeUndefined();
  });
  it('does not let a key reach the prototype', () => {
    const v = parseLiteral('{"__proto__": {"polluted": 1}}')!.value as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('survives deep nesting', () => {
    expect(parseLiteral('['.repeat(5000) + ']'.repeat(5000))).toBeUndefined();
  });
});

describe('examples in the prompt', () => {
  it('reads doctest lines and arrow lines', () => {
    expect(examplesToTests(PROMPT_ES, ['suma_pares'])).toEqual([
      { kind: 'call', name: 'example 1', args: [[1, 2, 3, 4]], expected: 6 },
      { kind: 'call', name: 'example 2', args: [[]], expected: 0 },
      { kind: 'call', name: 'example 3', args: [[-2, 5]], expected: -2 },
    ]);
  });
  it('reads the usual arrows and words', () => {
    for (const line of ['f(1) -> 2', 'f(1) => 2', '`f(1)` == 2', 'f(1) returns 2.', 'f(1) retorna 2', '* f(1) → 2'])
      expect(exampleCall(line), line).toEqual({ name: 'f', args: [1], expected: 2 });
  });
  it('drops a call shown with two different results, and calls of other functions', () => {
    expect(examplesToTests('f(1) → 2\nf(1) → 3\ng(1) → 1\nf(2) → 4', ['f'])).toEqual([{ kind: 'call', name: 'example 1', args: [2], expected: 4 }]);
  });
  it('drops a doctest whose value is not a literal or that prints', () => {
    expect(examplesToTests('>>> f(1)\nTraceback (most recent call last):\n>>> f(2); print(3)\n3', ['f'])).toEqual([]);
  });
  it('reads input and output blocks as a stdio test', () => {
    const prompt = 'Read n numbers and print their sum.\n\n**Input:**\n\n```\n3\n1 2 3\n```\n\n**Output:**\n\n```\n6\n```\n\nEntrada de ejemplo\n\n```\n1\n5\n```\n\nSalida de ejemplo\n\n```\n5\n```';
    expect(examplesToTests(prompt, [])).toEqual([
      { kind: 'stdio', name: 'example io 1', stdin: '3\n1 2 3\n', expectedStdout: '6' },
      { kind: 'stdio', name: 'example io 2', stdin: '1\n5\n', expectedStdout: '5' },
    ]);
  });
});

describe('entry points', () => {
  it('prefers the name the prompt uses, in each language’s spelling', () => {
    const solutions = [
      { language: 'python' as const, code: 'def es_par(n):\n    return n % 2 == 0\n\ndef suma_pares(xs):\n    return 0\n' },
      { language: 'javascript' as const, code: 'function sumaPares(xs) { return 0; }\n' },
    ];
    expect(findEntryPoints(PROMPT_ES, solutions)).toEqual({ python: 'suma_pares', javascript: 'sumaPares' });
  });
  it('without a name in the prompt takes the one most solutions define, the last when they tie', () => {
    const solutions = [
      { language: 'python' as const, code: 'def helper(x):\n    return x\n\ndef solve(x):\n    return helper(x)\n' },
      { language: 'python' as const, code: 'solve = lambda x: x\n' },
    ];
    expect(findEntryPoints('Do it.', solutions)).toEqual({ python: 'solve' });
  });
  it('names the prompt’s language', () => {
    expect(promptLanguage('Escribe en Python')).toBe('python');
    expect(promptLanguage('Write it in JavaScript (Node.js)')).toBe('javascript');
    expect(promptLanguage('Python or JavaScript')).toBeUndefined();
  });
});

describe('trainer rows', () => {
  it('reads table rows, calls and assertions in both languages', () => {
    const rows = parseTestRows('[1, 2, 3] → 2\n| [4] | 4 |\n|---|---|\n# a comment\nsuma_pares([1]) == 0\nassert suma_pares([2]) == 2\nconsole.assert(sumaPares([6]) === 6);\nexpect(sumaPares([8])).toBe(8)', ['suma_pares']);
    expect(rows.problems).toEqual([]);
    expect(rows.tests.map((t) => t.kind === 'call' && [t.args, t.expected])).toEqual([
      [[[1, 2, 3]], 2],
      [[[4]], 4],
      [[[1]], 0],
      [[[2]], 2],
      [[[6]], 6],
      [[[8]], 8],
    ]);
  });
  it('names every line it cannot read', () => {
    const rows = parseTestRows('[1] → 1\nthis is not a test\notra([1]) → 1', ['f']);
    expect(rows.tests).toHaveLength(1);
    expect(rows.problems.map((p) => [p.line, p.message.key])).toEqual([
      [2, 'answers.rowUnreadable'],
      [3, 'answers.rowOtherFunction'],
    ]);
  });
});

describe('answersToTask', () => {
  const answerFiles = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'es-document.md').sort();

  it('makes one valid task of every fixture answer, keeping each answer’s Markdown', () => {
    const built = answersToTask({ prompt: PROMPT_ES, answers: answerFiles.map((f) => ({ markdown: fixture(f) })) });
    expect(built.problems).toEqual([]);
    const task = built.task!;
    expect(task.solutions).toHaveLength(answerFiles.length);
    expect(task.solutions.map((s) => s.label).slice(0, 3)).toEqual(['A', 'B', 'C']);
    task.solutions.forEach((s, i) => expect(s.answer).toBe(fixture(answerFiles[i]!)));
    expect(task.entryPoint).toEqual({ python: 'suma_pares', javascript: 'sumaPares', typescript: 'sumaPares' });
    expect(task.tests.map((t) => t.name)).toEqual(['example 1', 'example 2', 'example 3']);
    expect(task.prompt['es-CL']).toContain('suma_pares');
    expect(task.title['es-CL']).toBe('Escribe una función en Python suma_pares(numeros) que retorne la suma de los nú…');
    expect(task.tags).toContain('answers');
    const byFile = (f: string) => built.answers[answerFiles.indexOf(f)]!;
    expect(byFile('en-js-for-python.md').notes.map((n) => n.key)).toContain('answers.otherLanguage');
    expect(byFile('es-refusal.md').notes.map((n) => n.key)).toEqual(['answers.refusal']);
    expect(byFile('en-typescript.md').notes.map((n) => n.key)).toContain('answers.otherLanguage'); // TypeScript runs now: in a JavaScript-majority task it is another language
    expect(byFile('en-diff.md').notes.map((n) => n.key)).toContain('answers.diff');
  });

  it('gives the same id to the same answers, another to others', () => {
    const a = answersToTask({ prompt: PROMPT_ES, answers: [{ markdown: fixture('en-no-language.md') }] }).task!;
    const b = answersToTask({ prompt: PROMPT_ES, answers: [{ markdown: fixture('en-no-language.md') }] }).task!;
    const c = answersToTask({ prompt: PROMPT_ES, answers: [{ markdown: fixture('en-indented.md') }] }).task!;
    expect(a.id).toBe(b.id);
    expect(a.id).not.toBe(c.id);
  });

  it('uses the blocks the trainer chose', () => {
    const set = { prompt: PROMPT_ES, answers: [{ markdown: fixture('es-several-blocks.md') }] };
    expect(answersToTask(set, { choice: { 0: [1, 2] } }).task!.solutions[0]!.code).toBe('def suma_pares(numeros):\n    """Suma los números pares de la lista."""\n    return sum(n for n in numeros if es_par(n))\n\nprint(suma_pares([1, 2, 3, 4]))  # 6\n');
  });

  it('adds the trainer’s rows and reference', () => {
    const task = answersToTask({ prompt: 'Write `double(x)`.', answers: [{ markdown: '```python\ndef double(x):\n    return x * 2\n```' }] }, { rows: '2 → 4\n0 → 0', reference: 'def double(x):\n    return 2 * x\n' }).task!;
    expect(task.tests.map((t) => t.kind === 'call' && t.args)).toEqual([[2], [0]]);
    expect(task.referenceSolution).toEqual({ python: 'def double(x):\n    return 2 * x\n' });
    expect(task.prompt.en).toBe('Write `double(x)`.');
  });

  it('says so when there is no test to run, or a row cannot be read', () => {
    const none = answersToTask({ prompt: 'Write something.', answers: [{ markdown: 'ok' }] }, { file: 'a.md' });
    expect(none.task).toBeUndefined();
    expect(none.problems.map((p) => p.message.key)).toEqual(['answers.noTests']);
    const bad = answersToTask({ prompt: 'Write `f(x)`.', answers: [{ markdown: '```python\ndef f(x):\n    return x\n```' }] }, { rows: '1 → 1\nnope' });
    expect(bad.problems.map((p) => [p.line, p.message.key])).toEqual([[2, 'answers.rowUnreadable']]);
    expect(bad.task).toBeUndefined();
  });
});

describe('the import pipeline', () => {
  it('reads a Markdown document with prompt, answers and tests', () => {
    const { tasks, problems } = parseSource('suma.md', fixture('es-document.md'));
    expect(problems).toEqual([]);
    expect(tasks[0]!.title).toEqual({ 'es-CL': 'Suma de pares' });
    expect(tasks[0]!.tests.map((t) => t.kind === 'call' && [t.args, t.expected])).toEqual([
      [[[1, 2, 3, 4]], 6],
      [[[]], 0],
      [[[-2, 5]], -2],
      [[[7, 8, 10]], 18],
      [[[1]], 0],
    ]);
  });

  it('refuses a Markdown file without answers, by name', () => {
    expect(parseSource('notes.md', '# Notes').problems.map((p) => p.message.key)).toEqual(['answers.noAnswers']);
  });

  it('groups chat rows of one prompt into one task, one answer per assistant turn', () => {
    const user = { role: 'user', content: PROMPT_ES };
    const text = [
      { messages: [user, { role: 'assistant', content: fixture('en-no-language.md') }] },
      { messages: [user, { role: 'assistant', content: fixture('es-js-arrow.md') }] },
      { messages: [{ role: 'user', content: 'Write `double(x)` in Python. double(2) → 4' }, { role: 'assistant', content: '```python\ndef double(x):\n    return x * 2\n```' }, { role: 'assistant', content: 'No.' }] },
      { prompt: PROMPT_ES, chosen: fixture('en-indented.md'), rejected: fixture('en-no-language.md') },
    ].map((r) => JSON.stringify(r)).join('\n');
    const { tasks, problems } = parseDataset('chats.jsonl', text);
    expect(problems).toEqual([]);
    expect(tasks).toHaveLength(2);
    expect(tasks[0]!.solutions.map((s) => s.language)).toEqual(['python', 'javascript', 'python']);
    expect(tasks[1]!.solutions).toHaveLength(2);
  });

  it('names the line of a bad answers row and keeps going', () => {
    const text = `${JSON.stringify({ prompt: 'p', responses: [42] })}\n${JSON.stringify({ prompt: 'Write `f(x)`. f(1) → 1', responses: ['```python\ndef f(x):\n    return x\n```'] })}`;
    const { tasks, problems } = parseDataset('r.jsonl', text);
    expect(problems.map((p) => [p.line, p.message.key])).toEqual([[1, 'answers.badRow']]);
    expect(tasks).toHaveLength(1);
  });
});
