// TypeScript solutions in the real Node sandbox: TypeScript's runtime syntax runs (enums,
// namespaces, parameter properties, overloads, satisfies, decorators), a type error is not a test
// failure, a syntax error is a compile result with the solution's line, and a runtime error names
// the TypeScript line it happened on.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Solution, Task } from '../src/domain/task.js';
import type { Sandbox } from '../src/sandbox/client.js';

const { nodeSandbox } = (await import(path.resolve(import.meta.dirname, '../build/node/sandbox/node/spawn.js'))) as typeof import('../src/sandbox/node/spawn.js');

const task = (tests: Task['tests']): Task => ({ schemaVersion: 1, id: 'ts-probe', title: { en: 'probe' }, prompt: { en: 'probe' }, entryPoint: 'f', tests, solutions: [], tags: [] });
const call = (name: string, args: unknown[], expected: unknown) => ({ kind: 'call' as const, name, hidden: false, args, expected });
const ts = (code: string): Solution => ({ id: 's', label: 's', language: 'typescript', code });

let sandbox: Sandbox;
beforeAll(() => {
  sandbox = nodeSandbox({}, 1);
});
afterAll(() => sandbox.close());

describe('TypeScript runtime syntax', () => {
  const cases: Array<[string, string, unknown]> = [
    ['enum', 'enum Color { Red, Green = 5, Blue }\nfunction f(): number[] { return [Color.Red, Color.Green, Color.Blue]; }\n', [0, 5, 6]],
    ['const enum', 'const enum Dir { Up = 1, Down = -1 }\nfunction f(): number { return Dir.Up + Dir.Down * 3; }\n', -2],
    ['string enum and reverse lookup', 'enum E { A }\nenum S { X = "x" }\nfunction f(): string { return E[0] + S.X; }\n', 'Ax'],
    ['namespace (not declare)', 'namespace Geo { export const twice = (x: number) => x * 2; export namespace Inner { export const k = 3; } }\nfunction f(): number { return Geo.twice(Geo.Inner.k); }\n', 6],
    ['parameter properties', 'class P { constructor(private readonly a: number, public b = 2, protected c?: number) {} sum(): number { return this.a + this.b; } }\nfunction f(): number { return new P(1).sum(); }\n', 3],
    ['overloads', 'function g(a: string): string;\nfunction g(a: number): number;\nfunction g(a: any): any { return typeof a === "string" ? a + "!" : a * 10; }\nfunction f(): unknown[] { return [g("x"), g(2)]; }\n', ['x!', 20]],
    ['satisfies, as, non-null, generics', 'type Cfg = Record<string, number>;\nconst cfg = { a: 1, b: 2 } satisfies Cfg;\nfunction first<T>(xs: readonly T[]): T { return xs[0]!; }\nfunction f(): number { return first([cfg.a as number, cfg.b]) + (<number>cfg.b); }\n', 3],
    ['decorators (standard)', 'function plusOne(target: (this: unknown) => number, _ctx: ClassMethodDecoratorContext) { return function (this: unknown) { return target.call(this) + 1; }; }\nclass D { @plusOne m(): number { return 41; } }\nfunction f(): number { return new D().m(); }\n', 42],
    ['abstract classes, interfaces, declare', 'interface Shape { area(): number }\ndeclare const nothing: number;\nabstract class Base implements Shape { abstract area(): number; twice(): number { return this.area() * 2; } }\nclass Sq extends Base { constructor(private s: number) { super(); } area(): number { return this.s ** 2; } }\nfunction f(): number { return new Sq(3).twice(); }\n', 18],
  ];
  it.each(cases)('%s', async (_name, code, expected) => {
    const r = await sandbox.evaluate(task([call('value', [], expected)]), ts(code));
    expect(r.verdict, r.tests[0]?.message?.toString()).toBe('passed');
  });
});

describe('TypeScript diagnostics', () => {
  it('a type error does not fail a test', async () => {
    const r = await sandbox.evaluate(task([call('value', [2], 4)]), ts('function f(n: number): number { const s: string = n * 2; return s as unknown as number; }\n'));
    expect(r.verdict).toBe('passed');
  });

  it('a syntax error is a compile result naming the solution line, for every test', async () => {
    const r = await sandbox.evaluate(task([call('one', [1], 1), call('two', [2], 2)]), ts('function f(n: number): number {\n  const x = ;\n  return n;\n}\n'));
    expect(r.verdict).toBe('error');
    for (const t of r.tests) {
      expect(t.message?.key).toBe('result.compile');
      expect(String(t.message?.params?.detail)).toMatch(/^solution\.ts:2:\d+: Expression expected/);
    }
  });

  it('a runtime error names the TypeScript line, past stripped declarations', async () => {
    const code = 'interface A {\n  x: number;\n}\ntype B = A | null;\nfunction f(n: number): number {\n  if (n > 0) throw new RangeError("too big");\n  return n;\n}\n';
    const r = await sandbox.evaluate(task([call('throws', [1], 0)]), ts(code));
    expect(r.verdict).toBe('error');
    expect(String(r.tests[0]?.message?.params?.detail)).toMatch(/too big[\s\S]*solution\.ts:6\b/);
  });

  it('a code test written in TypeScript runs after the solution', async () => {
    const tests: Task['tests'] = [{ kind: 'code', name: 'asserts', hidden: false, code: { typescript: 'const got: number = f(3);\nconsole.assert(got === 9, `f(3) was ${got}`);\n' } }];
    expect((await sandbox.evaluate(task(tests), ts('const f = (n: number): number => n * n;\n'))).verdict).toBe('passed');
    const failed = await sandbox.evaluate(task(tests), ts('const f = (n: number): number => n + n;\n'));
    expect(failed.verdict).toBe('failed');
    // The failed assert's own message, with the test's line (issue 12).
    expect(failed.tests[0]?.message?.params).toMatchObject({ message: 'f(3) was 6', source: expect.stringContaining('console.assert(got === 9') });
  });
});
