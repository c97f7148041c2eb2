// Mutant generation in both languages: every mutant parses (CPython's ast for Python, V8 for
// JavaScript), differs from the original, and never touches a string, comment or regex literal.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_MUTANTS, generateMutants, MUTATION_OPERATORS, mutantDiff, tokenizeJavaScript, tokenizePython, unifiedDiff, type Mutant } from './mutants.js';
import type { Language } from './task.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every reference solution of the bundled tasks, read now (other tasks may be added at any time). */
function bundledReferences(): { name: string; language: Language; code: string }[] {
  const dir = path.join(ROOT, 'tasks');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => {
      const task = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { referenceSolution?: Partial<Record<Language, string>> };
      return (['python', 'javascript'] as const).flatMap((language) => {
        const code = task.referenceSolution?.[language];
        return code === undefined ? [] : [{ name: `${f} (${language})`, language, code }];
      });
    });
}

// Strings, comments and regular expressions full of things an operator would love to change.
const TRICKY_PYTHON = String.raw`import re

PATTERN = re.compile(r"(a|b)+ < 3 and \" x == 1")  # comment: if a < b: return 1
DOC = """Triple "quoted" text with 'quotes', x >= 2 and y != 3
spanning lines: else: pass
"""
RAW = rb'\d+ or 1 - 2'


def shout(name, times=2):
    '''Docstring: return None if times < 1 else name * 2'''
    label = f"{name!r:>{times + 10}} is {'big' if times > 3 else 'small'} {{not a field < 1}}"
    if times <= 0 and name:
        return ""
    elif times == 1:
        return name.upper()
    else:
        parts = [name[1:] for _ in range(times)]  # list comp, for-in stays
        return " ".join(parts)[: -1] + label[0:len(label) - 1]


def flags(values):
    return [v is None or v not in (True, False) for v in values] if values else []


class Box:
    def get(self): return self.value

    async def later(self, x):
        while x > 0:
            x -= 1
        else:
            x = 0
        if x: x = x * 2; x = x // 3
        else: x = -x
        return x


lam = lambda a, *rest, **kw: a // 2 + len(rest) % 3
total = 0
for i in range(10): total += i * 2 if i < 5 else -i
print(total, [x for x in "for in not in" if x in "abc"], f'{total:>{10}}', total ** -1)
`;
const TRICKY_PYTHON_PROTECTED = [
  String.raw`r"(a|b)+ < 3 and \" x == 1"`,
  '# comment: if a < b: return 1',
  `"""Triple "quoted" text with 'quotes', x >= 2 and y != 3\nspanning lines: else: pass\n"""`,
  String.raw`rb'\d+ or 1 - 2'`,
  `'''Docstring: return None if times < 1 else name * 2'''`,
  `f"{name!r:>{times + 10}} is {'big' if times > 3 else 'small'} {{not a field < 1}}"`,
  '# list comp, for-in stays',
  '"for in not in"',
  `f'{total:>{10}}'`,
];

const TRICKY_JAVASCRIPT = String.raw`#!/usr/bin/env node
// Line comment: if (a < b) return 1 && 2;
/* Block comment with ${'`'}template${'`'} and 'quote' and a / b */
const RE = /[/\]]+\/(a|b)<=3/gi, half = 10 / 2 / 1;
const s = 'it\'s a < b && c', t = "x === 1 ? true : false";
function render(items, n = 3) {
  const out = ${'`'}${'$'}{items.length > 0 ? ${'`'}inner ${'$'}{n + 1 /* } */} ${'$'}{'}'}${'`'} : "none"} and ${'$'}{ {a: 1}.a } < 2${'`'};
  if (n > 2 && items.length) {
    return out.slice(1, n - 1);
  } else if (n === 0 || !items) {
    return '';
  } else {
    n++;
  }
  return items.substring(n) + (n >= 1 ? "a" : 'b') + (true ? 1 : 0);
}
const obj = { 0: 'zero', get size() { return 1 + 2 * 3; }, method(x) { return x - -1; } };
const arrow = (a, b) => { if (a !== b) return a % b; return a ** 2; };
const expr = (x) => x / 2 + /re/.test(String(x)) + 0 ** 2 + 2 ** 0;
let k = 0; k += 2; k -= 1; k *= 3; k /= 2;
for (let i = 0; i < 3; i++) if (i) /x/.test('a'); else k--;
if (k) k = k+-1; else if (k > 1) k = 1
else { k = 2 }
class A extends Object { constructor() { super(); this.v = 0n + 1n; } *gen() { yield* [1]; } }
`;
const TRICKY_JAVASCRIPT_PROTECTED = [
  '#!/usr/bin/env node',
  '// Line comment: if (a < b) return 1 && 2;',
  "/* Block comment with `template` and 'quote' and a / b */",
  String.raw`/[/\]]+\/(a|b)<=3/gi`,
  String.raw`'it\'s a < b && c'`,
  '"x === 1 ? true : false"',
  "`${items.length > 0 ? `inner ${n + 1 /* } */} ${'}'}` : \"none\"} and ${ {a: 1}.a } < 2`",
  '/re/',
  "/x/.test('a')",
];

const SAMPLES: { name: string; language: Language; code: string; protected?: string[] }[] = [
  ...bundledReferences(),
  { name: 'tricky Python', language: 'python', code: TRICKY_PYTHON, protected: TRICKY_PYTHON_PROTECTED },
  { name: 'tricky JavaScript', language: 'javascript', code: TRICKY_JAVASCRIPT, protected: TRICKY_JAVASCRIPT_PROTECTED },
];

const offsetOf = (code: string, m: Mutant) => {
  const lines = code.split('\n');
  return lines.slice(0, m.line - 1).reduce((n, l) => n + l.length + 1, 0) + m.column - 1;
};

const occurrences = (text: string, part: string) => text.split(part).length - 1;

/**
 * Checks every Python mutant in one CPython process: that it parses, and, with the original's
 * tokens from CPython's own tokenizer, that the change cuts into no STRING or COMMENT token.
 * Returns one line per failure.
 */
function checkWithCPython(items: { original: string; mutants: Mutant[] }[]): string[] {
  const script = String.raw`
import ast, io, json, sys, tokenize
out = []
for item in json.load(sys.stdin):
    original = item["original"]
    lines = original.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    protected = []
    for tok in tokenize.generate_tokens(io.StringIO(original).readline):
        if tok.type in (tokenize.STRING, tokenize.COMMENT):
            protected.append((starts[tok.start[0] - 1] + tok.start[1], starts[tok.end[0] - 1] + tok.end[1]))
    for m in item["mutants"]:
        try:
            ast.parse(m["code"])
        except SyntaxError as e:
            out.append(m["id"] + ": does not parse: " + str(e))
        a, b = m["start"], m["end"]
        for s, e in protected:
            # a change may hold a whole string or comment (a negated condition, a dropped branch), never cut into one
            if (a < e and s < b and not (a <= s and e <= b)) or (a == b and s < a < e):
                out.append(m["id"] + ": changes a string or comment at " + str(s))
json.dump(out, sys.stdout)
`;
  // CPython counts code points; JavaScript offsets count UTF-16 units.
  const cp = (s: string, offset: number) => Array.from(s.slice(0, offset)).length;
  const input = items.map(({ original, mutants }) => ({
    original,
    mutants: mutants.map((m) => {
      const start = offsetOf(original, m);
      return { id: m.id, code: m.code, start: cp(original, start), end: cp(original, start + m.original.length) };
    }),
  }));
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as string[];
}

describe('generateMutants', () => {
  it('finds the bundled reference solutions to test with', () => {
    const languages = new Set(SAMPLES.map((s) => s.language));
    expect(languages).toEqual(new Set(['python', 'javascript']));
    expect(SAMPLES.length).toBeGreaterThan(10);
  });

  describe.each(SAMPLES.map((s) => [s.name, s] as const))('%s', (_name, sample) => {
    const mutants = generateMutants(sample.code, sample.language, { max: Infinity });

    it('makes mutants, each different from the original and from each other', () => {
      expect(mutants.length).toBeGreaterThan(0);
      const codes = new Set(mutants.map((m) => m.code));
      expect(codes.size).toBe(mutants.length);
      expect(codes.has(sample.code)).toBe(false);
      expect(new Set(mutants.map((m) => m.id)).size).toBe(mutants.length);
    });

    it('describes each change exactly: line, column, original text and replacement', () => {
      for (const m of mutants) {
        const start = offsetOf(sample.code, m);
        expect(sample.code.slice(start, start + m.original.length), m.id).toBe(m.original);
        expect(sample.code.slice(0, start) + m.replacement + sample.code.slice(start + m.original.length), m.id).toBe(m.code);
        expect(m.id.startsWith(`${m.operator}:${m.line}:${m.column}`), m.id).toBe(true);
      }
    });

    if (sample.language === 'javascript')
      it('every mutant compiles (V8), like the original', () => {
        const compile = (code: string) => new vm.Script(code.replace(/^#!.*/, ''), { filename: 'mutant.js' });
        expect(() => compile(sample.code)).not.toThrow();
        const broken = mutants.flatMap((m) => {
          try {
            compile(m.code);
            return [];
          } catch (e) {
            return [`${m.id}: ${(e as Error).message}\n${m.code}`];
          }
        });
        expect(broken).toEqual([]);
      });

    if (sample.protected)
      it('leaves every string, comment and regular expression as it was', () => {
        for (const part of sample.protected!) {
          const n = occurrences(sample.code, part);
          expect(n, part).toBeGreaterThan(0);
          // A change may wrap or drop a whole literal (negating a condition, dropping a branch), never cut into one.
          for (const m of mutants) expect(occurrences(m.code, part), `${m.id} changed ${part}`).toBe(n - occurrences(m.original, part) + occurrences(m.replacement, part));
        }
      });
  });

  it('every Python mutant parses with CPython and leaves strings and comments alone', () => {
    const items = SAMPLES.filter((s) => s.language === 'python').map((s) => ({ original: s.code, mutants: generateMutants(s.code, 'python', { max: Infinity }) }));
    expect(items.reduce((n, i) => n + i.mutants.length, 0)).toBeGreaterThan(100);
    expect(checkWithCPython(items)).toEqual([]);
  });

  it('uses every operator in each language', () => {
    for (const language of ['python', 'javascript'] as const) {
      const used = new Set(SAMPLES.filter((s) => s.language === language).flatMap((s) => generateMutants(s.code, language, { max: Infinity }).map((m) => m.operator)));
      expect([...used].sort(), language).toEqual([...MUTATION_OPERATORS].sort());
    }
  });
});

describe('each operator', () => {
  const changes = (code: string, language: Language) => generateMutants(code, language, { max: Infinity }).map((m) => `${m.operator}: ${m.original} → ${m.replacement}`);

  it('Python', () => {
    const code = [
      'def f(a, i, j, ok=True):',
      '    if a[i] < 3 and ok:',
      '        return a[i:j]',
      '    elif a is None or i not in a:',
      '        return a[:j]',
      '    else:',
      '        total = i * 2 + j // 2 - i / j',
      '        total += 1',
      '        return a[i + 1:]',
      '',
    ].join('\n');
    const c = changes(code, 'python');
    expect(c).toEqual(
      expect.arrayContaining([
        'comparison-flip: < → <=',
        'comparison-flip: is → is not',
        'comparison-flip: not in → in',
        'constant-shift: 3 → 4',
        'constant-shift: 3 → 2',
        'logical-swap: and → or',
        'logical-swap: or → and',
        'arithmetic-swap: * → /',
        'arithmetic-swap: + → -',
        'arithmetic-swap: // → /',
        'arithmetic-swap: / → //',
        'arithmetic-swap: / → *',
        'arithmetic-swap: += → -=',
        'negate-condition: a[i] < 3 and ok → not (a[i] < 3 and ok)',
        'boolean-flip: True → False',
        'slice-bound: i → i + 1',
        'slice-bound: j → j - 1',
        'slice-bound:  → 1',
        'slice-bound:  → -1',
        'return-early:  → return None\n    ',
      ]),
    );
    const dropped = generateMutants(code, 'python', { max: Infinity }).filter((m) => m.operator === 'drop-branch');
    expect(dropped.map((m) => m.code)).toEqual([
      code.replace('    elif a is None or i not in a:\n        return a[:j]\n', ''),
      code.replace('        total = i * 2 + j // 2 - i / j\n        total += 1\n        return a[i + 1:]', '        pass'),
    ]);
    // the `in` of a for loop or comprehension is not a comparison
    expect(changes('for x in y:\n    z = [a for a in x]\n', 'python').filter((s) => s.startsWith('comparison'))).toEqual([]);
  });

  it('JavaScript', () => {
    const code = [
      'function f(a, i, j) {',
      '  if (a[i] <= 3 && a.ok === true) {',
      '    return a.slice(i, j);',
      '  } else if (a.x !== 0 || i > j) {',
      '    i++;',
      '  } else {',
      '    i += a.length - 1 * 2 / j;',
      '  }',
      '  return a.substring(i);',
      '}',
    ].join('\n');
    expect(changes(code, 'javascript')).toEqual(
      expect.arrayContaining([
        'comparison-flip: <= → <',
        'comparison-flip: === → !==',
        'comparison-flip: !== → ===',
        'comparison-flip: > → >=',
        'constant-shift: 0 → 1',
        'constant-shift: 0 → -1',
        'logical-swap: && → ||',
        'logical-swap: || → &&',
        'arithmetic-swap: ++ → --',
        'arithmetic-swap: += → -=',
        'arithmetic-swap: - → +',
        'arithmetic-swap: * → /',
        'arithmetic-swap: / → *',
        'negate-condition: a[i] <= 3 && a.ok === true → !(a[i] <= 3 && a.ok === true)',
        'boolean-flip: true → false',
        'slice-bound: i → i + 1',
        'slice-bound: j → j - 1',
        'return-early:  → return undefined;\n  ',
      ]),
    );
    const dropped = generateMutants(code, 'javascript', { max: Infinity }).filter((m) => m.operator === 'drop-branch');
    expect(dropped.map((m) => m.code)).toEqual([
      code.replace(' else if (a.x !== 0 || i > j) {\n    i++;\n  }', ''),
      code.replace('{\n    i += a.length - 1 * 2 / j;\n  }', '{}'),
    ]);
  });

  it('TypeScript: the same operators as JavaScript; type annotations and generics are left alone', () => {
    const code = [
      'function f(xs: Array<number>, limit: number): number {',
      '  const seen: Map<string, number> = new Map();',
      '  if (xs.length > limit && limit !== 0) return xs[0] + 1;',
      '  return -1;',
      '}',
    ].join('\n');
    const found = changes(code, 'typescript');
    expect(found).toEqual(expect.arrayContaining(['comparison-flip: > → >=', 'comparison-flip: !== → ===', 'logical-swap: && → ||', 'arithmetic-swap: + → -']));
    // `<` and `>` of generics are not comparisons: no mutant touches the first two lines' angle brackets.
    for (const m of generateMutants(code, 'typescript', { max: Infinity })) {
      const [first, second] = m.code.split('\n');
      expect(first).toBe(code.split('\n')[0]);
      expect(second).toBe(code.split('\n')[1]);
    }
  });

  it('never makes code that fuses operators or breaks on a negative constant', () => {
    const js = generateMutants('let x = a+-b, y = c-0, z = 2 ** 0, w = { 0: 1 }, v = p ? 0 : 1;', 'javascript', { max: Infinity });
    for (const m of js) expect(() => new vm.Script(m.code), m.code).not.toThrow();
    expect(js.map((m) => m.code)).toEqual(expect.arrayContaining(['let x = a - -b, y = c-0, z = 2 ** 0, w = { 0: 1 }, v = p ? 0 : 1;', 'let x = a+-b, y = c-(-1), z = 2 ** 0, w = { 0: 1 }, v = p ? 0 : 1;', 'let x = a+-b, y = c-0, z = 2 ** (-1), w = { 0: 1 }, v = p ? 0 : 1;']));
  });

  it('skips changes that would do nothing: an empty else, a function that already returns the default', () => {
    expect(changes('def f():\n    return None\n', 'python')).toEqual([]);
    expect(changes('function f() { return; }\nif (x) y(); else {}', 'javascript').filter((c) => !c.startsWith('negate'))).toEqual([]);
    expect(changes('if x:\n    y()\nelse:\n    pass\n', 'python').filter((c) => c.startsWith('drop'))).toEqual([]);
  });
});

describe('the cap', () => {
  const big = bundledReferences().sort((a, b) => generateMutants(b.code, b.language, { max: Infinity }).length - generateMutants(a.code, a.language, { max: Infinity }).length)[0]!;

  it('keeps at most 60 by default, spread over operators and over the code, in source order', () => {
    const all = generateMutants(big.code, big.language, { max: Infinity });
    expect(all.length).toBeGreaterThan(DEFAULT_MAX_MUTANTS);
    const capped = generateMutants(big.code, big.language);
    expect(capped).toHaveLength(DEFAULT_MAX_MUTANTS);
    // same ids as uncapped (ids never depend on the cap), same order
    const byId = new Map(all.map((m) => [m.id, m]));
    for (const m of capped) expect(byId.get(m.id)).toEqual(m);
    expect(capped.map((m) => all.indexOf(byId.get(m.id)!))).toEqual([...capped.map((m) => all.indexOf(byId.get(m.id)!))].sort((a, b) => a - b));
    // every operator that has mutants keeps some
    expect(new Set(capped.map((m) => m.operator))).toEqual(new Set(all.map((m) => m.operator)));
    const small = generateMutants(big.code, big.language, { max: 9 });
    expect(small).toHaveLength(9);
    expect(new Set(small.map((m) => m.operator)).size).toBe(Math.min(9, new Set(all.map((m) => m.operator)).size));
    expect(generateMutants(big.code, big.language, { max: 0 })).toEqual([]);
  });

  it('is deterministic', () => {
    expect(generateMutants(big.code, big.language)).toEqual(generateMutants(big.code, big.language));
  });
});

describe('mutantDiff', () => {
  it('gives the first changed line and the lines removed and added', () => {
    const code = 'def f(a, b):\n    if a < b:\n        return a\n    return b\n';
    const m = generateMutants(code, 'python').find((x) => x.operator === 'comparison-flip')!;
    const d = mutantDiff(code, m.code);
    expect(d).toEqual({ line: 2, removed: ['    if a < b:'], added: ['    if a <= b:'] });
    expect(unifiedDiff(d)).toBe('@@ -2,1 +2,1 @@\n-    if a < b:\n+    if a <= b:');
    const early = generateMutants(code, 'python').find((x) => x.operator === 'return-early')!;
    expect(unifiedDiff(mutantDiff(code, early.code))).toBe('@@ -1,0 +2,1 @@\n+    return None');
  });
});

describe('tokenizers', () => {
  const kinds = (tokens: { type: string; value: string }[]) => tokens.filter((t) => t.type !== 'newline').map((t) => `${t.type} ${t.value}`);

  it('Python: f-strings of 3.12 and later may reuse their quotes inside a field (Pyodide runs a newer Python than CI)', () => {
    expect(kinds(tokenizePython('x = f"{a["k"] + 1:>{w}}" + 2  # c < d\n'))).toEqual(['name x', 'op =', 'string f"{a["k"] + 1:>{w}}"', 'op +', 'number 2', 'comment # c < d']);
    expect(generateMutants('x = f"{a["k"] + 1}" + 2\n', 'python', { max: Infinity }).map((m) => m.replacement)).toEqual(['-', '3', '1']);
  });

  it('Python: logical lines end outside brackets only, and a backslash joins lines', () => {
    const t = tokenizePython('a = (1,\n     2)\nb = 3 + \\\n    4\n');
    expect(t.filter((x) => x.type === 'newline')).toHaveLength(2);
  });

  it('JavaScript: a slash after a value divides, elsewhere it starts a regular expression', () => {
    expect(kinds(tokenizeJavaScript('a = b / c / d; if (x) /re/g.test(s); e = (f) / 2; g = `${h / 2}` / 3'))).toEqual([
      'name a', 'op =', 'name b', 'op /', 'name c', 'op /', 'name d', 'op ;',
      'name if', 'op (', 'name x', 'op )', 'regex /re/g', 'op .', 'name test', 'op (', 'name s', 'op )', 'op ;',
      'name e', 'op =', 'op (', 'name f', 'op )', 'op /', 'number 2', 'op ;',
      'name g', 'op =', 'string `${h / 2}`', 'op /', 'number 3',
    ]);
  });
});
