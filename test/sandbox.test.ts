// The sandbox processes against a host that watches: no connection reaches a local listener, no
// file appears on the host, a worker that hangs is replaced and the next solution runs cleanly.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language, Solution, Task } from '../src/domain/task.js';
import type { Sandbox } from '../src/sandbox/client.js';

// The compiled core is what the CLI runs (the child processes load build/node), so test that.
const { nodeSandbox } = (await import(path.resolve(import.meta.dirname, '../build/node/sandbox/node/spawn.js'))) as typeof import('../src/sandbox/node/spawn.js');

const task = (tests: Task['tests'], limits?: Task['limits']): Task => ({
  schemaVersion: 1, id: 'probe', title: { en: 'probe' }, prompt: { en: 'probe' }, entryPoint: 'f', tests, solutions: [], tags: [], ...(limits ? { limits } : {}),
});
const call = (expected: unknown) => ({ kind: 'call' as const, name: 'call', hidden: false, args: [] as unknown[], expected });
const solution = (language: Language, code: string): Solution => ({ id: 's', label: 's', language, code });

let sandbox: Sandbox;
const restarts: number[] = [];
let server: net.Server;
let port = 0;
let connections = 0;

beforeAll(async () => {
  sandbox = nodeSandbox({ restarted: (_l, ms) => restarts.push(ms) }, 1);
  server = net.createServer((s) => {
    connections++;
    s.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
  await sandbox.warmUp(['python', 'javascript']);
});
afterAll(() => {
  sandbox.close();
  server.close();
});

describe('no host access', () => {
  it('Python cannot connect to a local listener by any route', async () => {
    const probes = [
      `import socket\nsocket.create_connection(('127.0.0.1', ${port}), timeout=1)`,
      `import urllib.request\nurllib.request.urlopen('http://127.0.0.1:${port}/', timeout=1)`,
      `import http.client\nhttp.client.HTTPConnection('127.0.0.1', ${port}, timeout=1).request('GET', '/')`,
      `from pyodide.http import pyfetch`,
      `import js\njs.fetch('http://127.0.0.1:${port}/')`,
    ];
    for (const probe of probes) {
      const code = `def f():\n    try:\n${probe.split('\n').map((l) => `        ${l}\n`).join('')}    except BaseException as e:\n        return type(e).__name__\n    return 'reached'\n`;
      const r = await sandbox.evaluate(task([call('reached')]), solution('python', code));
      expect(r.verdict, probe).toBe('failed');
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(connections).toBe(0);
  });

  it('JavaScript has no network, process or file system of the host', async () => {
    const probes = [`fetch('http://127.0.0.1:${port}/')`, `require('net').connect(${port}, '127.0.0.1')`, `require('http')`, `require('child_process')`, `require('fs').writeFileSync('/tmp/x', 'x')`, `new WebSocket('ws://127.0.0.1:${port}/')`];
    for (const probe of probes) {
      const code = `function f() { try { ${probe}; return 'reached' } catch (e) { return 'refused' } }`;
      const r = await sandbox.evaluate(task([call('refused')]), solution('javascript', code));
      expect(r.verdict, probe).toBe('passed');
    }
    expect(connections).toBe(0);
  });

  it('a file written by Python stays inside the sandbox', async () => {
    const target = path.join(os.tmpdir(), `veredicto-probe-${process.pid}-${Date.now()}`);
    const code = `def f():\n    open(${JSON.stringify(target)}, 'w').write('x')\n    return open(${JSON.stringify(target)}).read()\n`;
    const r = await sandbox.evaluate(task([call('x')]), solution('python', code));
    expect(r.verdict).toBe('passed'); // the write worked, in the sandbox's own memory file system
    expect(fs.existsSync(target)).toBe(false);
  });

  it('Python sees no host file', async () => {
    const code = `def f():\n    import os\n    return sorted(n for n in os.listdir('/') if n not in ('dev', 'home', 'lib', 'proc', 'tmp'))\n`;
    const r = await sandbox.evaluate(task([call([])]), solution('python', code));
    expect(r.verdict, JSON.stringify(r.tests[0]?.message)).toBe('passed');
  });
});

describe('what gets the next solution a fresh runtime', () => {
  /** Restarts seen while `code` runs and an honest solution after it (a replacement is counted once ready). */
  const restartsFor = async (code: string, expected: unknown) => {
    const before = restarts.length;
    const r = await sandbox.evaluate(task([call(expected)]), solution('python', code));
    const next = await sandbox.evaluate(task([call(1)]), solution('python', 'def f():\n    return 1\n'));
    expect(next.verdict).toBe('passed');
    return { verdict: r.verdict, restarts: restarts.length - before };
  };

  it('not a tree asked of ast, as traceback does to place its carets under an error', async () => {
    expect(await restartsFor("def f():\n    d = {'a': [1]}\n    return d['a'][0] + d['b'][1]\n", 1)).toEqual({ verdict: 'error', restarts: 0 });
    expect(await restartsFor("import ast\ndef f():\n    return ast.literal_eval('[1, (2, 3)]')[1][0] + len(ast.dump(ast.parse('x + 1')))\n", 2 + "Module(body=[Expr(value=BinOp(left=Name(id='x', ctx=Load()), op=Add(), right=Constant(value=1)))])".length)).toEqual({ verdict: 'passed', restarts: 0 });
  });

  it('not an import of a standard module from the zip archive the library is in, though zipimport compiles it', async () => {
    expect(await restartsFor('from fractions import Fraction\nimport decimal, numbers, statistics\ndef f():\n    return int(Fraction(1, 2) * 2)\n', 1)).toEqual({ verdict: 'passed', restarts: 0 });
  });

  it("nor an abstract base class given the solution's own class, which goes with it", async () => {
    expect(await restartsFor('import collections.abc\nclass Mine:\n    pass\ncollections.abc.Sequence.register(Mine)\ndef f():\n    return 1\n', 1)).toEqual({ verdict: 'passed', restarts: 0 });
  });

  it('but an abstract base class given a class that outlives the solution', async () => {
    expect(await restartsFor('import collections.abc\ncollections.abc.Sequence.register(int)\ndef f():\n    return 1\n', 1)).toEqual({ verdict: 'passed', restarts: 1 });
    const after = await sandbox.evaluate(task([call(false)]), solution('python', 'import collections.abc\ndef f():\n    return isinstance(5, collections.abc.Sequence)\n'));
    expect(after.verdict).toBe('passed');
  });

  it("and zipimport's compile called by the solution with a source of its own", async () => {
    expect(await restartsFor("import zipimport\ndef f():\n    ns = {}\n    exec(zipimport._compile_source('made', b'y = 1'), ns)\n    return ns['y']\n", 1)).toEqual({ verdict: 'passed', restarts: 1 });
  });

  it('but code made from a tree at run time', async () => {
    const made = "import ast\ndef f():\n    ns = {}\n    exec(compile(ast.parse('y = 41 + 1'), 'made', 'exec'), ns)\n    return ns['y']\n";
    expect(await restartsFor(made, 42)).toEqual({ verdict: 'passed', restarts: 1 });
  });
});

describe('what one solution leaves for the next, put back without a fresh runtime', () => {
  const stdio = (stdin: string, expectedStdout: string) => ({ kind: 'stdio' as const, name: 'io', hidden: false, stdin, expectedStdout });

  it("the standard library's objects: logging's levels and loggers, the thread stack size", async () => {
    const before = restarts.length;
    const changer = "import logging, threading\ndef f():\n    logging.disable(logging.CRITICAL)\n    logging.getLogger('kept').setLevel(logging.CRITICAL)\n    logging.getLogger().addHandler(logging.NullHandler())\n    threading.stack_size(1 << 18)\n    return 1\n";
    expect((await sandbox.evaluate(task([call(1)]), solution('python', changer))).verdict).toBe('passed');
    const checker = "import logging, threading, io\ndef f():\n    s = io.StringIO()\n    log = logging.getLogger('kept')\n    log.addHandler(logging.StreamHandler(s))\n    log.warning('w')\n    return [s.getvalue(), len(logging.getLogger().handlers), threading.stack_size()]\n";
    const r = await sandbox.evaluate(task([call(['w\n', 0, 0])]), solution('python', checker));
    expect(r.tests[0]!.message ?? r.verdict).toBe('passed');
    expect(restarts.length).toBe(before);
  });

  it('a program that ends itself after printing: judged by its output when the status is 0, in every language', async () => {
    const cases: [Language, string, string][] = [
      ['python', 'import sys\nprint(input())\nsys.exit()\n', 'passed'],
      ['python', 'import os\nprint(input())\nos._exit(0)\n', 'passed'],
      ['python', "import sys\nprint(input())\nsys.exit('bad input')\n", 'error'],
      ['javascript', "console.log(require('fs').readFileSync(0, 'utf8').trim())\nprocess.exit(0)\nconsole.log('after exit')\n", 'passed'],
      ['javascript', 'console.log(5)\nprocess.exit(1)\n', 'error'],
    ];
    for (const [language, code, verdict] of cases) {
      const r = await sandbox.evaluate(task([stdio('5\n', '5\n')]), solution(language, code));
      expect(r.verdict, `${language}: ${code} ${JSON.stringify(r.tests[0]?.message)}`).toBe(verdict);
    }
  });

  it('standard input: a new stream each test, with bytes underneath', async () => {
    const rewinds = "import sys\nsys.stdin.buffer.write(b'planted\\n')\nsys.stdin.seek(0)\nprint(sys.stdin.read().strip())\n";
    expect((await sandbox.evaluate(task([stdio('', 'planted\n')]), solution('python', rewinds))).verdict).toBe('passed');
    const reads = 'import sys\nprint(repr(sys.stdin.read()))\n';
    expect((await sandbox.evaluate(task([stdio('', "''\n")]), solution('python', reads))).verdict).toBe('passed');
    // Fast input and output as competitive programmers write it.
    const fast = "import sys\nsys.stdout.reconfigure(encoding='utf-8')\nread = sys.stdin.buffer.readline\nn = int(read())\nxs = list(map(int, read().split()))\nout = sys.stdout.buffer\nout.write(('%d ñ\\n' % sum(xs[:n])).encode()[:-2])\nout.write('ñ\\n'.encode()[-2:])\n";
    const r = await sandbox.evaluate(task([stdio('2\n40 2 7\n', '42 ñ\n')]), solution('python', fast));
    expect(r.tests[0]!.message ?? r.verdict).toBe('passed');
  });
});

describe('workers that stop answering', () => {
  it('replaces a Python worker stuck in time.sleep and runs the next solution', async () => {
    const before = restarts.length;
    const stuck = await sandbox.evaluate(task([call(1)], { timeMs: 300 }), solution('python', 'import time\ndef f():\n    time.sleep(3600)\n'));
    expect(stuck.verdict).toBe('timeout');
    const next = await sandbox.evaluate(task([call(1)]), solution('python', 'def f():\n    return 1\n'));
    expect(next.verdict).toBe('passed');
    expect(restarts.length).toBeGreaterThan(before);
  });

  it('reports recursion that overflows the interpreter stack as a stack overflow, and recovers', async () => {
    const deep = 'import sys\nsys.setrecursionlimit(10**6)\ndef f():\n    return list(map(lambda _: f(), [0]))\n';
    const r = await sandbox.evaluate(task([call(1)]), solution('python', deep));
    expect(r.verdict).toBe('crashed');
    expect(r.tests[0]!.message?.key).toBe('result.stackOverflow');
    const next = await sandbox.evaluate(task([call(1)]), solution('python', 'def f():\n    return 1\n'));
    expect(next.verdict).toBe('passed');
  });

  it('reports pure Python recursion past a raised limit as RecursionError, not a timeout, and runs the next test and solution', async () => {
    const deep = 'import sys\nsys.setrecursionlimit(10**6)\ndef down(n):\n    return down(n + 1)\ndef f(x):\n    return down(0) if x == 1 else x\n';
    const tests = [
      { kind: 'call' as const, name: 'deep', hidden: false, args: [1], expected: 1 },
      { kind: 'call' as const, name: 'shallow', hidden: false, args: [2], expected: 2 },
    ];
    const r = await sandbox.evaluate(task(tests, { timeMs: 20000 }), solution('python', deep));
    expect(r.tests.map((t) => t.status)).toEqual(['error', 'passed']);
    expect(JSON.stringify(r.tests[0]!.message)).toContain('RecursionError');
    const next = await sandbox.evaluate(task([call(1)]), solution('python', 'def f():\n    return 1\n'));
    expect(next.verdict).toBe('passed');
  });

  it('keeps running the remaining tests of a solution after a worker is killed', async () => {
    const tests = [
      { kind: 'call' as const, name: 'slow', hidden: false, args: [1], expected: 1 },
      { kind: 'call' as const, name: 'fast', hidden: false, args: [2], expected: 2 },
    ];
    const r = await sandbox.evaluate(task(tests, { timeMs: 300 }), solution('python', 'def f(x):\n    while x == 1:\n        pass\n    return x\n'));
    expect(r.tests.map((t) => t.status)).toEqual(['timeout', 'passed']);
  });

  it('stops a catastrophic regular expression in JavaScript at the deadline', async () => {
    const r = await sandbox.evaluate(task([call(true)], { timeMs: 300 }), solution('javascript', "function f() { return /^(a+)+$/.test('a'.repeat(34) + 'b') }"));
    expect(r.verdict).toBe('timeout');
    const next = await sandbox.evaluate(task([call(2)]), solution('javascript', 'function f() { return 2 }'));
    expect(next.verdict).toBe('passed');
  });
});

describe('values cross as data', () => {
  it.each([
    ['python', 'def f():\n    return (1, [2.5, None], {"k": True}, "ñandú")\n', [1, [2.5, null], { k: true }, 'ñandú'], 'passed'],
    ['python', 'def f():\n    return 0.1 + 0.2\n', 0.3, 'passed'],
    ['python', 'def f():\n    return {1: "a"}\n', { '1': 'a' }, 'passed'],
    ['python', 'def f():\n    return {1, 2}\n', [1, 2], 'failed'],
    ['python', 'def f():\n    return float("nan")\n', 0, 'failed'],
    ['javascript', 'function f() { return [1, { a: [true, null] }, "x"] }', [1, { a: [true, null] }, 'x'], 'passed'],
    ['javascript', 'function f() { return { toJSON() { return 3 } } }', 3, 'failed'],
    ['javascript', 'function f() { return new Map([[1, 2]]) }', { '1': 2 }, 'failed'],
    ['javascript', 'function f() { return 2n ** 70n }', 1180591620717411303424, 'passed'],
  ] as const)('%s %#', async (language, code, expected, verdict) => {
    const r = await sandbox.evaluate(task([call(expected)]), solution(language, code));
    expect(r.verdict, JSON.stringify(r.tests[0]?.message)).toBe(verdict);
  });
});

describe('a format v1 code test that calls the entry point by name', () => {
  const codeTest = (code: string) => ({ kind: 'code' as const, name: 'code', hidden: false, code: { python: code } });
  it.each([
    // An object that says it equals anything is compared as itself.
    ['class Same:\n    def __eq__(self, other):\n        return True\n    __ne__ = lambda self, other: False\ndef f(x):\n    return [Same()]\n', 'assert f(3) == [1, 2, 3]\n', 'failed'],
    ['class Num(int):\n    def __eq__(self, other):\n        return True\n    __hash__ = int.__hash__\ndef f(x):\n    return Num(7)\n', 'assert f(3) == 6\n', 'failed'],
    ['def f(x):\n    return list(range(1, x + 1))\n', 'assert f(3) == [1, 2, 3]\n', 'passed'],
    // What the solution does inside is its own: deep recursion, its own classes, generators.
    ['import sys\nsys.setrecursionlimit(5000)\ndef f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\n', 'assert f(3000) == 3000\n', 'passed'],
    ['class Box:\n    def __init__(self, v):\n        self.v = v\ndef f(x):\n    return sum(b.v for b in [Box(x), Box(x)])\n', 'assert f(3) == 6\n', 'passed'],
    ['def f(n):\n    for i in range(n):\n        yield i * i\n', 'assert list(f(4)) == [0, 1, 4, 9]\n', 'passed'],
    ['class Same:\n    def __eq__(self, other):\n        return True\ndef f(n):\n    yield Same()\n', 'assert list(f(1)) == [5]\n', 'failed'],
    // The test still sees the solution's other names, and the state its arguments share.
    ['def helper(x):\n    return x * 2\ndef f(xs):\n    xs.append(helper(len(xs)))\n', 'data = [1]\nf(data)\nassert data == [1, 2] and helper(2) == 4\n', 'passed'],
    // What it returns is used as returned: an object's attributes and methods, a closure, a value class.
    ['class Cell:\n    def __init__(self, v, rest=None):\n        self.v, self.rest = v, rest\ndef f(xs):\n    head = None\n    for x in reversed(xs):\n        head = Cell(x, head)\n    return head\n',
      'h = f([4, 5])\nassert h.v == 4 and h.rest.v == 5 and h.rest.rest is None and isinstance(h, Cell)\n', 'passed'],
    ['def f(k):\n    def times(x):\n        return x * k\n    return times\n', 'triple = f(3)\nassert triple(4) == 12 and f(0)(9) == 0\n', 'passed'],
    ['from dataclasses import dataclass\n@dataclass(frozen=True)\nclass Pair:\n    a: int\n    b: int\ndef f(x):\n    return Pair(x, -x)\n', 'assert f(2) == Pair(2, -2) and f(2) != Pair(2, 2) and len({f(1), f(1)}) == 1\n', 'passed'],
  ] as const)('%#', async (code, test, verdict) => {
    const r = await sandbox.evaluate(task([codeTest(test)]), solution('python', code));
    expect(r.verdict, JSON.stringify(r.tests[0]?.message)).toBe(verdict);
  });

  it.each([
    // An object equal to anything, however the test reaches it, is reported where an assert compares it.
    ['class Any:\n    def __eq__(self, other):\n        return True\nclass Counter:\n    def total(self):\n        return Any()\ndef f(x):\n    return Counter()\n', 'assert f(1).total() == 10\n'],
    ['class Any:\n    __eq__ = lambda self, other: other is not None\nclass Shape:\n    area = Any()\ndef f(x):\n    return Shape()\n', 'assert 12.5 == f(1).area\n'],
    ['class Any:\n    def __eq__(self, other):\n        return True\ndef helper(x):\n    return Any()\ndef f(x):\n    return x\n', 'assert helper(2) == 4 and f(1) == 1\n'],
  ] as const)('equal to anything %#', async (code, test) => {
    const r = await sandbox.evaluate(task([codeTest(test)]), solution('python', code));
    expect(r.verdict).toBe('failed');
    expect(r.tests[0]?.message?.key).toBe('result.tampered.equalsAnything');
    expect(r.tests[0]?.message?.params).toEqual({ names: '`Any`' });
  });

  it.each([
    // … and one below or above anything where an assert orders it (a tolerance check).
    ['class Low:\n    def __sub__(self, other):\n        return self\n    def __abs__(self):\n        return self\n    def __lt__(self, other):\n        return True\ndef f(x):\n    return Low()\n', 'assert abs(f(1) - 3.25) < 1e-9\n', 'failed'],
    ['class High:\n    def __gt__(self, other):\n        return True\ndef f(x):\n    return High()\n', 'assert 2 < f(1)\n', 'failed'],
    ['class Cm:\n    def __init__(self, v):\n        self.v = v\n    def __lt__(self, other):\n        return self.v < other\n    def __gt__(self, other):\n        return self.v > other\ndef f(x):\n    return Cm(x)\n', 'assert f(1) < 2 and 0 < f(1) and not f(3) < 2\n', 'passed'],
  ] as const)('ordered below or above anything %#', async (code, test, verdict) => {
    const r = await sandbox.evaluate(task([codeTest(test)]), solution('python', code));
    expect(r.verdict).toBe(verdict);
    if (verdict === 'failed') expect(r.tests[0]?.message?.key).toBe('result.tampered.ordersAnything');
  });
});

describe('helpers a dataset prompt gives in full', () => {
  // HumanEval/50's shape: the prompt gives encode_shift, the solution completes decode_shift, the check uses both.
  const prompt = 'def encode_shift(s):\n    return "".join(chr((ord(c) - 97 + 5) % 26 + 97) for c in s)\n\n\ndef decode_shift(s):\n    """Undo encode_shift."""\n';
  const check = { kind: 'code' as const, name: 'check', hidden: false, code: { python: 'def check(candidate):\n    for w in ("abc", "xyz", "hello"):\n        assert candidate(encode_shift(w)) == w\n' }, check: 'check', entryPoint: 'decode_shift' };
  const given = (): Task => ({ ...task([check]), entryPoint: 'decode_shift', source: { shape: 'humaneval', prompt, language: 'python' } });
  it.each([
    // Defined again so that decoding is doing nothing: the test still encodes with the prompt's.
    ['    return s\n\n\ndef encode_shift(s):\n    return s\n', 'failed'],
    // Defined again the same way, with other names: nothing changes.
    ['    return "".join(chr((ord(ch) - 97 - 5) % 26 + 97) for ch in s)\n\n\ndef encode_shift(text):\n    return "".join(chr((ord(ch) - 97 + 5) % 26 + 97) for ch in text)\n', 'passed'],
    // A helper the completion adds stays the solution's.
    ['    return "".join(shift_back(c) for c in s)\n\n\ndef shift_back(c):\n    return chr((ord(c) - 97 - 5) % 26 + 97)\n', 'passed'],
  ] as const)('%#', async (completion, verdict) => {
    const r = await sandbox.evaluate(given(), solution('python', prompt + completion));
    expect(r.verdict, JSON.stringify(r.tests[0]?.message)).toBe(verdict);
  });
  // HumanEval/32's shape: the prompt's helper uses a module; what it uses is watched as the test's own.
  const polyPrompt = 'import math\n\n\ndef value(xs, x):\n    return sum(c * math.pow(x, i) for i, c in enumerate(xs))\n\n\ndef root(xs):\n    """A zero of the line xs."""\n';
  const polyCheck = { kind: 'code' as const, name: 'check', hidden: false, code: { python: 'def check(candidate):\n    for xs in ([1, 2], [-3, 1], [4, -2]):\n        assert abs(value(xs, candidate(xs))) < 1e-6\n' }, check: 'check', entryPoint: 'root' };
  it.each([
    ['    import math\n    math.pow = lambda a, b: 0.0\n    return 0.0\n', 'failed', 'result.tampered.changed'],
    ['    value.__globals__["math"] = type("M", (), {"pow": staticmethod(lambda a, b: 0.0)})\n    return 0.0\n', 'failed', 'result.tampered.changed'],
    ['    return -xs[0] / xs[1]\n', 'passed', undefined],
  ] as const)('what the helper uses %#', async (completion, verdict, key) => {
    const r = await sandbox.evaluate({ ...task([polyCheck]), entryPoint: 'root', source: { shape: 'humaneval', prompt: polyPrompt, language: 'python' } }, solution('python', polyPrompt + completion));
    expect(r.verdict, JSON.stringify(r.tests[0]?.message)).toBe(verdict);
    if (key) expect(r.tests[0]?.message?.key).toBe(key);
  });
});

describe('a JavaScript code test that reaches the solution', () => {
  const codeTest = (code: string, check?: string) => ({ kind: 'code' as const, name: 'code', hidden: false, code: { javascript: code }, ...(check ? { check } : {}) });
  it.each([
    // A change made in one call into the solution and undone in a later one, through the entry a check receives…
    ['let n = 0\nconst real = Math.abs\nfunction f(x) { n++; if (n === 1) Math.abs = () => 0; else Math.abs = real; return x + 5 }\n',
      'function check(candidate) {\n  const d = Math.abs(candidate(1) - 2)\n  candidate(0)\n  console.assert(d < 1e-9)\n}\n', 'check', 'failed'],
    // …through a method of a class instance, and through a generator it returns.
    ['class Counter {\n  bump() { this.real = Number.parseFloat; Number.parseFloat = () => 3 }\n  undo() { Number.parseFloat = this.real; return 0 }\n}\n',
      'const c = new Counter()\nc.bump()\nconst v = Number.parseFloat("1")\nc.undo()\nconsole.assert(v === 3)\n', undefined, 'failed'],
    ['function* f() { const real = Array.isArray; Array.isArray = () => true; yield 1; Array.isArray = real }\n',
      'const g = f()\ng.next()\nconst ok = Array.isArray(5)\ng.next()\nconsole.assert(ok)\n', undefined, 'failed'],
    ['async function f(x) { const real = Object.keys; Object.keys = () => [1, 2]; await null; Object.keys = real; return x }\n',
      'f(1).then((v) => console.assert(Object.keys({}).length === 2))\n', undefined, 'failed'],
    // …through the message of what it throws, read by the test's catch.
    ['const real = Math.abs\nclass Oops extends Error { get message() { Math.abs = () => 0; return "no" } }\nfunction f(x) { throw new Oops() }\nfunction restore() { Math.abs = real }\n',
      'let d\ntry { f(1) } catch (e) { String(e.message) }\nd = Math.abs(3 - 2)\nrestore()\nconsole.assert(d < 1e-9)\n', undefined, 'failed'],
    // …between two calls of the test's callback by the solution, when the first called back into it.
    ['const real = Math.abs\nfunction g() { return 0 }\nfunction each(cb) { cb(1); Math.abs = () => 0; cb(2); Math.abs = real }\n',
      'each((x) => { if (x === 1) g(); console.assert(Math.abs(x - 5) < 1e-9 || x === 1) })\n', undefined, 'failed'],
    // A prototype of an intrinsic swapped for one that adds what JavaScript looks up by itself.
    ['function f(x) { Object.setPrototypeOf(Array.prototype, { toJSON() { return "same" } }); return [x] }\n',
      'console.assert(JSON.stringify(f(1)) === JSON.stringify([2]))\n', undefined, 'failed'],
    // A replaced exec, which every regular expression's test and match call.
    ['function f(x) { RegExp.prototype.exec = function () { return [""] }; return "none" }\n', 'console.assert(/^[0-9]+$/.test(f(1)))\n', undefined, 'failed'],
    // What an intrinsic the test names calls by itself: an array's toString its join, new Map its set.
    ['function f(x) { Array.prototype.join = function () { return "3,4" }; return [x] }\n', 'console.assert(`${f(1)}` === "3,4")\n', undefined, 'failed'],
    ['const real = Map.prototype.set\nfunction f(x) { Map.prototype.set = function (k, v) { return real.call(this, k, 9) }; return [[x, x]] }\n',
      'console.assert(new Map(f(1)).get(1) === 9)\n', undefined, 'failed'],
    // What honest code does with what it returns still works through the wrappers.
    ['function f(x) { return [[x, new Date(x)], [x + 1, new Set([x])]] }\n',
      'const m = new Map(f(0))\nconsole.assert(m.size === 2 && String([1, 2]) === "1,2" && JSON.stringify(m.get(0)) === \'"1970-01-01T00:00:00.000Z"\' && new Set(m.get(1)).has(0))\n', undefined, 'passed'],
    ['function f(x) { return new Proxy({ xs: [x, x + 1] }, {}) }\nclass Counter { constructor() { this.n = 0 } inc() { return ++this.n } }\nfunction g() { return new Proxy(new Counter(), {}) }\n',
      'const r = f(1)\nconst c = g()\nconsole.assert(JSON.stringify(r) === \'{"xs":[1,2]}\' && Array.isArray(r.xs) && c.inc() === 1 && c.n === 1 && Proxy.name === "Proxy" && new Proxy([7], {})[0] === 7)\n', undefined, 'passed'],
    ['class NotFound extends RangeError {}\nfunction f(x) { if (x < 0) throw new NotFound("negative " + x); return Number.isNaN(x) ? NaN : x }\n',
      'let caught\ntry { f(-1) } catch (e) { caught = e }\nconsole.assert(caught instanceof RangeError && caught instanceof NotFound && caught.message === "negative -1" && Number.isNaN(f(NaN)) && f(Number.NaN) !== 0)\n' +
      'for (let i = 0; i < 3000; i++) console.assert(f(i) === i && /^[0-9]+$/.test(String(f(i))) && "a-b".split("-").length === 2)\n', undefined, 'passed'],
    ['class Box {\n  #v\n  constructor(v) { this.#v = v }\n  get v() { return this.#v }\n  static of(v) { return new Box(v) }\n}\nclass Cache extends Map {}\n' +
      'function f(x) { const m = new Cache(); m.set(x, Box.of(x)); return m }\n',
      'const m = f(2)\nconsole.assert(m instanceof Cache && m.get(2) instanceof Box && m.get(2).v === 2 && m.size === 1 && m.get(2).constructor === Box && Box.of(3).v === 3)\n', undefined, 'passed'],
    ['async function f(x) { await null; return [x, { y: x }] }\nfunction* g() { yield 1; yield 2 }\nconst arr = [3]\nfunction same(a) { return a }\n',
      'f(1).then((v) => console.assert(JSON.stringify(v) === \'[1,{"y":1}]\'))\nconsole.assert([...g()].join() === "1,2" && same(arr) === arr)\nconst o = {}\nconsole.assert(same(o) === o)\n', undefined, 'passed'],
    ['function f(x) { return Math.abs(x) + Object.keys({ a: 1 }).length }\n', 'function check(candidate) {\n  console.assert(Math.abs(candidate(-1) - 2) < 1e-9)\n}\n', 'check', 'passed'],
  ] as const)('%#', async (code, test, check, verdict) => {
    const r = await sandbox.evaluate(task([codeTest(test, check)]), solution('javascript', code));
    expect(r.verdict, JSON.stringify(r.tests[0]?.message)).toBe(verdict);
    if (verdict === 'failed') expect(r.tests[0]?.message?.key).toMatch(/^result\.tampered\./);
  });
  it.each([
    // A promise or a thenable of the solution's that never settles: what the test would do with it never runs.
    ['async function f(x) { await new Promise(() => {}); return x }\n', 'f(1).then((v) => console.assert(v === 0))\n', 'failed'],
    ['function f(x) { return { then() {} } }\n', '(async () => { console.assert((await f(1)) === 0) })()\n', 'failed'],
    // Ones that settle are waited on as JavaScript does.
    ['async function f(x) { await null; return x + 1 }\nfunction g(x) { return { then(ok) { ok(x * 2) } } }\n',
      '(async () => { console.assert((await f(1)) === 2 && (await g(2)) === 4); f(5).then((v) => console.assert(v === 6)) })()\n', 'passed'],
  ] as const)('promises %#', async (code, test, verdict) => {
    const r = await sandbox.evaluate(task([codeTest(test)]), solution('javascript', code));
    expect(r.verdict, JSON.stringify(r.tests[0]?.message)).toBe(verdict);
    if (verdict === 'failed') expect(r.tests[0]?.message?.key).toBe('result.tampered.neverSettled');
  });
  it('builds the assert module, after the solution ran, without calling a setter the solution put on Function.prototype', async () => {
    const code = 'function f(x) { return [x] }\nfor (const k of ["deepEqual", "ok"]) Object.defineProperty(Function.prototype, k, { set() {}, get() { return () => {} }, configurable: true })\n';
    const r = await sandbox.evaluate(task([codeTest('const assert = require("node:assert")\nassert.deepEqual(f(1), [2])\nassert.ok(false)\n')]), solution('javascript', code));
    expect(r.verdict).toBe('failed');
    expect(r.tests[0]?.message?.params).toMatchObject({ op: 'deepStrictEqual' });
  });

  it('reads a Proxy passed off as plain data once, as it is handed over, so that its traps run nothing later', async () => {
    // Its traps change a builtin on the test's first read and put it back on the second.
    const code = 'const real = Number.isInteger\nlet reads = 0\nfunction f(x) { return new Proxy([x], { get(t, k) { reads++; Number.isInteger = reads === 1 ? () => true : real; return Reflect.get(t, k) } }) }\n';
    const r = await sandbox.evaluate(task([codeTest('const r = f(1.5)\nconst len = r.length\nconst ok = Number.isInteger(r[0])\nr[0]\nconsole.assert(ok && len === 1)\n')]), solution('javascript', code));
    expect(r.verdict).toBe('failed');
  });

  it('watches what a helper given by a dataset prompt uses, which the test calls but never reads', async () => {
    const prompt = 'const dist = (a, b) => Math.hypot(a, b)\n\nconst f = (x) => {\n';
    const given: Task = { ...task([codeTest('console.assert(dist(f(3), 4) === 5)\n')]), source: { shape: 'humaneval-x', prompt, language: 'javascript' } };
    const forged = await sandbox.evaluate(given, solution('javascript', `${prompt}  Math.hypot = () => 5\n  return 0\n}\n`));
    expect(forged.verdict).toBe('failed');
    expect(forged.tests[0]?.message).toEqual({ key: 'result.tampered.changed', params: { names: '`Math.hypot`' } });
    expect((await sandbox.evaluate(given, solution('javascript', `${prompt}  return x\n}\n`))).verdict).toBe('passed');
  });
});
