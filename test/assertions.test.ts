// A failed assert says what failed (issue 12): the Python harness rewrites the test's asserts to
// keep their operands, so the verdict's message has the assert's source and the values on both
// sides. Run in the real Pyodide sandbox, as the CLI runs it. The rewriting must not change what a
// test does, nor let a solution turn a failure into a pass or hang the message.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Solution, Task } from '../src/domain/task.js';
import type { Message } from '../src/domain/verdict.js';
import type { Sandbox } from '../src/sandbox/client.js';
import { isAssertionDetail } from '../src/sandbox/protocol.js';

const { nodeSandbox } = (await import(path.resolve(import.meta.dirname, '../build/node/sandbox/node/spawn.js'))) as typeof import('../src/sandbox/node/spawn.js');

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = nodeSandbox({}, 1);
  await sandbox.warmUp(['python', 'javascript']);
});
afterAll(() => sandbox.close());

/** A HumanEval-style task (check(candidate)) or plain test code, run against one solution. */
async function run(solution: string, test: string, opts: { check?: boolean; timeMs?: number; language?: 'python' | 'javascript' } = {}): Promise<{ verdict: string; message?: Message }> {
  const language = opts.language ?? 'python';
  const task: Task = {
    schemaVersion: 1, id: 'assert-probe', title: { en: 'probe' }, prompt: { en: 'probe' }, entryPoint: 'f', solutions: [], tags: [],
    tests: [{ kind: 'code', name: 'test', hidden: false, code: { [language]: test }, ...(opts.check ? { check: 'check' } : {}) }],
    ...(opts.timeMs ? { limits: { timeMs: opts.timeMs } } : {}),
  };
  const s: Solution = { id: 's', label: 's', language, code: solution };
  const r = await sandbox.evaluate(task, s);
  return { verdict: r.verdict, ...(r.tests[0]?.message ? { message: r.tests[0].message } : {}) };
}

const humanEval = (body: string, test: string) => run(`def f(x):\n${body}`, `def check(candidate):\n${test}`, { check: true });

describe('a failed assert of the test shows its source and values', () => {
  it('==: the value the solution returned and the one expected', async () => {
    expect(await humanEval('    return x + 1\n', '    assert candidate(1) == 3\n')).toEqual({
      verdict: 'failed',
      message: { key: 'result.assertionCompare', params: { source: 'assert candidate(1) == 3', op: '==', left: '2', right: '3' } },
    });
  });

  it('a chained comparison: the link that did not hold', async () => {
    const second = await humanEval('    return x\n', '    assert 0 < candidate(5) < 3\n');
    expect(second.message).toEqual({ key: 'result.assertionCompare', params: { source: 'assert 0 < candidate(5) < 3', op: '<', left: '5', right: '3' } });
    const first = await humanEval('    return x\n', '    assert 9 < candidate(5) < 30\n');
    expect(first.message?.params).toMatchObject({ op: '<', left: '9', right: '5' });
  });

  it('in, is not: the operator and both sides', async () => {
    expect((await humanEval('    return [1, 2]\n', '    assert 3 in candidate(0)\n')).message?.params).toMatchObject({ op: 'in', left: '3', right: '[1, 2]' });
    expect((await humanEval('    return None\n', '    assert candidate(0) is not None\n')).message?.params).toMatchObject({ op: 'is not', left: 'None', right: 'None' });
  });

  it('a boolean call: the value it had', async () => {
    expect(await run('def f(x):\n    return x > 3\n', 'def is_big(v):\n    return f(v)\nassert is_big(2)\n')).toEqual({
      verdict: 'failed',
      message: { key: 'result.assertionValue', params: { source: 'assert is_big(2)', value: 'False' } },
    });
  });

  it('an assert with its own message keeps it, and adds the values', async () => {
    expect(await humanEval('    return 1\n', "    assert candidate(0) == 2, 'should be two'\n")).toEqual({
      verdict: 'failed',
      message: { key: 'result.assertionCompareMessage', params: { source: "assert candidate(0) == 2, 'should be two'", message: 'should be two', op: '==', left: '1', right: '2' } },
    });
  });

  it('the second assert of a line, the failing pass of a loop, an assert inside a nested function', async () => {
    expect((await run('def f(x):\n    return x\n', 'assert f(1) == 1; assert f(2) == 3\n')).message?.params).toMatchObject({ left: '2', right: '3' });
    expect((await run('def f(x):\n    return x\n', 'for i in range(5):\n    assert f(i) < 3 < 10\n')).message?.params).toMatchObject({ op: '<', left: '3', right: '3' });
    expect((await run('def f(x):\n    return x\n', 'def outer():\n    def inner():\n        assert f(7) == 8\n    inner()\nouter()\n')).message?.params).toMatchObject({ left: '7', right: '8' });
  });

  it('a huge value is cut to a couple of hundred characters', async () => {
    const r = await humanEval('    return list(range(10**6))\n', '    assert candidate(0) == [1]\n');
    const left = String(r.message?.params?.left);
    expect(r.verdict).toBe('failed');
    expect(left.startsWith('[0, 1, 2, 3')).toBe(true);
    expect(left.endsWith('…')).toBe(true);
    expect(left.length).toBeLessThanOrEqual(201);
    const text = await run("def f(x):\n    return 'x' * 10**7\n", "assert f(0) == 'y'\n");
    expect(String(text.message?.params?.left).length).toBeLessThanOrEqual(201);
  });

  it('an AssertionError the solution raises is not explained as the test\'s, and still fails', async () => {
    const r = await humanEval("    raise AssertionError(('assert candidate(1) == 2', '==', '2', '2'))\n", '    assert candidate(1) == 2\n');
    expect(r.verdict).toBe('failed');
    expect(r.message?.key).toBe('result.assertion');
  });
});

describe('a __repr__ of the solution is never called', () => {
  it('one that raises or loops: failed, as without it, in the normal time, shown by its class name', async () => {
    const raising = await run("class H:\n    def __repr__(self):\n        raise ValueError('no')\ndef f(x):\n    return H()\n", 'assert f(0) == 1\n');
    expect(raising).toEqual({ verdict: 'failed', message: { key: 'result.assertionCompare', params: { source: 'assert f(0) == 1', op: '==', left: '<H object>', right: '1' } } });
    const looping = await run('class H:\n    def __repr__(self):\n        while True:\n            pass\n    __str__ = __repr__\ndef f(x):\n    return [H()]\n', "assert f(0) == [], f(0)\n", { timeMs: 20_000 });
    expect(looping.verdict).toBe('failed');
    expect(looping.message?.params).toMatchObject({ left: '[<H object>]', right: '[]', message: '[<H object>]' });
  });
});

describe('rewriting changes nothing a test does', () => {
  it('each operand once, in order; chains and and/or short-circuit; an assert\'s message is its own inside the test', async () => {
    const test = [
      'calls = []',
      'def g(x):',
      '    calls.append(x)',
      '    return x',
      'assert g(1) < g(2) < g(3)',
      'assert calls == [1, 2, 3]',
      'assert not (g(5) < g(4) < g(6))',
      'assert calls[3:] == [5, 4]',
      'assert (g(0) and g(7)) == 0',
      'assert calls[-1] == 0',
      'assert g(8) or g(9)',
      'assert calls[-1] == 8',
      'try:',
      "    assert g(1) == 2, 'custom'",
      'except AssertionError as e:',
      "    assert e.args == ('custom',)",
      'else:',
      '    raise RuntimeError("assert did not fail")',
      'try:',
      '    assert g(0)',
      'except AssertionError as e:',
      '    assert e.args == ()',
      'while calls:',
      '    calls.pop()',
      'else:',
      '    assert not calls',
      '',
    ].join('\n');
    expect(await run('def f(x):\n    return x\n', test)).toEqual({ verdict: 'passed' });
  });

  it('a test that does not compile is reported as before', async () => {
    const r = await run('def f(x):\n    return 1\n', 'assert f(0) ==\n');
    expect(r.verdict).toBe('error');
    expect(r.message?.params?.type).toBe('SyntaxError');
  });
});

describe('a solution cannot bend the rewriting', () => {
  it('AST node classes changed so that the rewritten assert would hold: the test is compiled as written, and fails', async () => {
    const patch = "\nimport ast\nast.Compare.ops = property(lambda s: [ast.NotEq()], lambda s, v: None)\n";
    const r = await run(`def f(x):\n    return 0\n${patch}`, 'def check(candidate):\n    assert candidate(1) == 2  # first compiled after this solution ran\n', { check: true });
    expect(r.verdict).toBe('failed');
    // The runtime it changed is not used again: the next solution's failure is explained.
    expect((await humanEval('    return 0\n', '    assert candidate(1) == 5\n')).message?.params).toMatchObject({ left: '0', right: '5' });
  });
});

describe('the detail crosses the protocol only in its shape', () => {
  it('accepts a source with short values and a known operator, nothing else', () => {
    expect(isAssertionDetail({ source: 'assert x == 1', op: '==', left: '2', right: '1' })).toBe(true);
    expect(isAssertionDetail({ source: 'assert x', value: 'False', message: 'm' })).toBe(true);
    expect(isAssertionDetail({ source: 'assert x', op: 'approximately' })).toBe(false);
    expect(isAssertionDetail({ source: 'assert x', left: 'x'.repeat(5000) })).toBe(false);
    expect(isAssertionDetail({ source: 'assert x', extra: 1 })).toBe(false);
    expect(isAssertionDetail({ op: '==' })).toBe(false);
  });
});

describe('JavaScript: a failed assert of the test names its line', () => {
  const js = (solution: string, test: string) => run(solution, test, { language: 'javascript' });

  it('console.assert without a message: the line of the test, never an empty message', async () => {
    expect(await js('const f = (x) => x + 1;', 'const testF = () => {\n  console.assert(f(1) === 3)\n}\ntestF()\n')).toEqual({
      verdict: 'failed',
      message: { key: 'result.assertionLine', params: { source: 'console.assert(f(1) === 3)' } },
    });
  });

  it("the assert module: the operator and both sides, and the assert's own message", async () => {
    const r = await js('const f = (x) => [x];', "const assert = require('node:assert');\nassert.deepEqual(f(1), [2]);\n");
    expect(r).toEqual({ verdict: 'failed', message: { key: 'result.assertionCompare', params: { source: 'assert.deepEqual(f(1), [2]);', op: 'deepStrictEqual', left: '[ 1 ]', right: '[ 2 ]' } } });
    const own = await js('const f = (x) => x;', "const assert = require('assert');\nassert.strictEqual(f(1), 2, 'one is not two');\n");
    expect(own.message).toEqual({ key: 'result.assertionCompareMessage', params: { source: "assert.strictEqual(f(1), 2, 'one is not two');", message: 'one is not two', op: '===', left: '1', right: '2' } });
  });

  it('an assert the solution itself calls is not shown as the test\'s line', async () => {
    const r = await js('const f = (x) => { console.assert(false); return x; };', 'f(1);\n');
    expect(r.verdict).toBe('failed');
    expect(r.message?.key).toBe('result.assertionBare');
  });
});
