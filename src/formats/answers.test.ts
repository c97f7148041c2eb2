// Reading model answers: code out of the prose with marked's lexer (fences with and without a
// language, list items, diffs, longer fences, unclosed fences), languages resolved or detected,
// refusals, documents with a prompt and answers, and the JSONL row shapes. Fixtures are written the
// way models answer, in both languages (test/fixtures/answers).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerProse, answerRowShape, answersOfRow, combineBlocks, defaultBlocks, detectLanguage, diffNewSide, languageOfInfo, parseAnswer, parseAnswersDocument } from './answers.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/answers/${name}`, import.meta.url), 'utf8');
const chosenCode = (name: string) => {
  const a = parseAnswer(fixture(name));
  return combineBlocks(a, defaultBlocks(a));
};

describe('parseAnswer on real answer shapes', () => {
  it('keeps a helper and a main block, leaves the usage example out by default', () => {
    const a = parseAnswer(fixture('es-several-blocks.md'));
    expect(a.blocks.map((b) => b.language)).toEqual(['python', 'python', 'python']);
    expect(defaultBlocks(a)).toEqual([0, 1]);
    const code = combineBlocks(a, defaultBlocks(a));
    expect(code).toContain('def es_par(n)');
    expect(code).toContain('def suma_pares(numeros)');
    expect(code).not.toContain('print(');
    expect(a.refusal).toBe(false);
  });

  it('detects Python in a fence without a language', () => {
    const a = parseAnswer(fixture('en-no-language.md'));
    expect(a.blocks).toHaveLength(1);
    expect(a.blocks[0]).toMatchObject({ info: '', language: 'python', detected: true });
  });

  it('keeps a JavaScript answer in JavaScript, console.log example and all', () => {
    const a = parseAnswer(fixture('en-js-for-python.md'));
    expect(a.blocks[0]!.language).toBe('javascript');
    expect(chosenCode('en-js-for-python.md')).toContain('function sumaPares');
  });

  it('finds code inside list items, without the list indentation', () => {
    const a = parseAnswer(fixture('es-list-item.md'));
    expect(a.blocks.map((b) => b.info)).toEqual(['py', 'python']);
    expect(a.blocks[0]!.code.startsWith('def suma_pares')).toBe(true);
    // The second block only asserts: it defines nothing, so it is not run by default.
    expect(defaultBlocks(a)).toEqual([0]);
  });

  it('turns a diff into the code after the change', () => {
    const a = parseAnswer(fixture('en-diff.md'));
    expect(a.blocks[0]).toMatchObject({ diff: true, language: 'python' });
    expect(a.blocks[0]!.code).toBe('def suma_pares(numeros):\n    total = 0\n    for n in numeros:\n        if n % 2 == 0:\n            total += n\n    return total');
  });

  it.each(['es-refusal.md', 'en-refusal.md'])('marks %s as a refusal with no code', (name) => {
    const a = parseAnswer(fixture(name));
    expect(a.refusal).toBe(true);
    expect(a.blocks).toEqual([]);
    expect(chosenCode(name)).toBe('');
  });

  it('does not take an explanation that says "I cannot" next to code for a refusal', () => {
    expect(parseAnswer('I cannot stress this enough: use a set.\n\n```python\ndef f(x):\n    return set(x)\n```').refusal).toBe(false);
  });

  it('reads an arrow-function answer with module.exports as JavaScript', () => {
    expect(chosenCode('es-js-arrow.md')).toContain('const sumaPares = (numeros) =>');
  });

  it('reads a four-backtick fence whose code holds a triple-backtick fence', () => {
    const a = parseAnswer(fixture('en-four-backticks.md'));
    expect(a.blocks).toHaveLength(1);
    expect(a.blocks[0]!.code).toContain('```\n    >>> suma_pares([2, 4])');
    expect(a.blocks[0]!.code.trimEnd().endsWith('return sum(n for n in numeros if n % 2 == 0)')).toBe(true);
  });

  it('takes an unclosed fence to the end of the answer, as Markdown renders it', () => {
    const a = parseAnswer(fixture('es-unclosed-fence.md'));
    expect(a.blocks).toHaveLength(1);
    expect(a.blocks[0]!.code).toContain('def suma_pares');
    expect(a.blocks[0]!.code).toContain('Espero que te sirva.');
  });

  it('keeps markup in the prose as text to sanitise later, and the code as it is', () => {
    const a = parseAnswer(fixture('en-hostile-html.md'));
    expect(a.blocks[0]!.code).toContain('# </script><script>alert(2)</script>');
    expect(answerProse(a.markdown)).not.toContain('def suma_pares');
  });

  it('reads an indented code block and detects its language', () => {
    const a = parseAnswer(fixture('en-indented.md'));
    expect(a.blocks[0]).toMatchObject({ language: 'python', detected: true });
  });

  it('leaves shell and output blocks out: only the Python runs', () => {
    const a = parseAnswer(fixture('es-shell-and-output.md'));
    expect(a.blocks.map((b) => b.language)).toEqual([undefined, 'python', undefined]);
    expect(defaultBlocks(a)).toEqual([1]);
  });

  it('reads a ```ts block as TypeScript, not JavaScript', () => {
    const a = parseAnswer(fixture('en-typescript.md'));
    expect(a.blocks[0]!.language).toBe('typescript');
    expect(defaultBlocks(a)).toEqual([0]);
  });

  it('survives broken and hostile input', () => {
    for (const text of ['', '```', '```python', '~~~\n', '\u0000\u0001', '`'.repeat(10_000), `${'> '.repeat(500)}x`, `${'- '.repeat(300)}\`\`\`py\nx=1\n\`\`\``])
      expect(() => parseAnswer(text)).not.toThrow();
  });
});

describe('languages', () => {
  it('reads info strings', () => {
    expect(languageOfInfo('Python3')).toBe('python');
    expect(languageOfInfo('js title="a.js"')).toBe('javascript');
    expect(languageOfInfo('bash')).toBeUndefined();
  });
  it('detects clearly and declines when unsure', () => {
    expect(detectLanguage('def f(x):\n    return x\n')).toBe('python');
    expect(detectLanguage('const f = (x) => x;\n')).toBe('javascript');
    expect(detectLanguage('6\n')).toBeUndefined();
    expect(detectLanguage('$ npm install\n')).toBeUndefined();
  });
  it('keeps the new side of a diff', () => {
    expect(diffNewSide('@@ -1 +1 @@\n-a = 1\n+a = 2\n b = 3')).toBe('a = 2\nb = 3');
  });
});

describe('parseAnswersDocument', () => {
  it('splits at the prompt and answer headings only, keeping an answer’s own headings', () => {
    const set = parseAnswersDocument(fixture('es-document.md'))!;
    expect(set.title).toBe('Suma de pares');
    expect(set.prompt).toContain('suma_pares(numeros)');
    expect(set.answers.map((a) => a.label)).toEqual(['A', 'B']);
    expect(set.answers[0]!.markdown).toContain('## Explicación');
    expect(set.tests).toContain('[7, 8, 10] → 18');
  });
  it('is undefined for a document without answers', () => {
    expect(parseAnswersDocument('# Notes\n\nNothing here.')).toBeUndefined();
  });
});

describe('JSONL rows', () => {
  it('chat messages: every assistant turn after the user is an answer', () => {
    const row = { messages: [{ role: 'system', content: 'be nice' }, { role: 'user', content: 'Write f' }, { role: 'assistant', content: 'A' }, { role: 'assistant', content: [{ type: 'text', text: 'B' }] }] };
    expect(answerRowShape(row)).toBe('chat');
    expect(answersOfRow(row, 'chat')).toEqual({ prompt: 'Write f', answers: [{ markdown: 'A' }, { markdown: 'B' }] });
  });
  it('prompt and responses, as strings or objects with a model', () => {
    const row = { prompt: 'Write f', responses: ['A', { model: 'm-1', content: 'B' }] };
    expect(answerRowShape(row)).toBe('responses');
    expect(answersOfRow(row, 'responses')!.answers).toEqual([{ markdown: 'A' }, { label: 'm-1', markdown: 'B' }]);
  });
  it('preference rows, plain or conversational', () => {
    const plain = { prompt: 'Write f', chosen: 'A', rejected: 'B' };
    expect(answerRowShape(plain)).toBe('preference');
    expect(answersOfRow(plain, 'preference')!.answers.map((a) => a.markdown)).toEqual(['A', 'B']);
    const chat = { prompt: [{ role: 'user', content: 'Write f' }], chosen: [{ role: 'assistant', content: 'A' }], rejected: [{ role: 'assistant', content: 'B' }] };
    expect(answersOfRow(chat, 'preference')).toEqual({ prompt: 'Write f', answers: [{ markdown: 'A' }, { markdown: 'B' }] });
  });
  it('a row of the shape with wrong contents gives nothing', () => {
    expect(answersOfRow({ prompt: 3, chosen: 'A', rejected: 'B' }, 'preference')).toBeUndefined();
    expect(answersOfRow({ prompt: 'p', responses: [1] }, 'responses')).toBeUndefined();
    expect(answersOfRow({ messages: [{ role: 'user', content: 'p' }] }, 'chat')).toBeUndefined();
  });
});
