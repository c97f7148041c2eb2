"""Veredicto's own hostile and tricky cases, in the same shapes and with the same "expect" field as
../../../shared/conformance (HumanEval for Python, HumanEval-X for JavaScript). "pass" cases that
probe the host return 2 only when the probe was refused. Rows run in file order; the ordinary
rows at the end must still pass after the hostile rows before them.

Usage: python3 make.py   (writes hostile_python.jsonl and hostile_javascript.jsonl beside it)"""
import json, os

def py(tid, body, expect, test="    assert candidate(1) == 2\n", prompt="def f(x):\n", entry="f"):
    return {"task_id": f"Hostile/{tid}", "prompt": prompt, "canonical_solution": body,
            "test": "def check(candidate):\n" + test, "entry_point": entry, "expect": expect}

def refused(probe):
    """A body that returns 2 only if `probe` raised."""
    lines = "".join(f"        {l}\n" for l in probe.split("\n"))
    return f"    try:\n{lines}    except BaseException:\n        return 2\n    return 0\n"

PY = [
    py("ignores-sigint", "    import signal\n    signal.signal(signal.SIGINT, lambda *a: None)\n    while True:\n        pass\n", "fail"),
    py("swallows-interrupts", "    while True:\n        try:\n            while True:\n                pass\n        except BaseException:\n            pass\n", "fail"),
    py("catastrophic-regex", "    import re\n    return 2 if re.match(r'(a+)+$', 'a' * 40 + 'b') is None else 0\n", "fail"),
    py("huge-string", "    return len('x' * 10**10)\n", "fail"),
    py("huge-line", "    print('x' * 10**7)\n    return 2\n", "fail"),
    py("fd-flood", "    import os\n    while True:\n        os.write(1, b'x' * 65536)\n", "fail"),
    py("os-exit", "    import os\n    os._exit(2)\n", "fail"),
    py("posix-exit", "    import posix\n    posix._exit(0)\n", "fail"),
    py("raise-system-exit", "    raise SystemExit(0)\n", "fail"),
    py("site-exit", "    exit(0)\n", "fail"),
    py("eq-always-true", "    class A:\n        def __eq__(self, other):\n            return True\n        __hash__ = object.__hash__\n    return A()\n", "fail"),
    py("int-subclass-eq", "    class I(int):\n        def __eq__(self, other):\n            return True\n        __hash__ = int.__hash__\n    return I(7)\n", "fail"),
    py("list-of-eq-always-true", "    class I(int):\n        def __eq__(self, other):\n            return True\n        __hash__ = int.__hash__\n    return [I(7)]\n", "fail", test="    assert candidate(1) == [2]\n"),
    py("dict-value-eq-always-true", "    class I(int):\n        def __eq__(self, other):\n            return True\n        __hash__ = int.__hash__\n    return {'a': I(7)}\n", "fail", test="    assert candidate(1) == {'a': 2}\n"),
    py("list-subclass-eq", "    class L(list):\n        def __eq__(self, other):\n            return True\n    return L()\n", "fail", test="    assert candidate(1) == [2]\n"),
    py("returns-plain-list", "    return [x + 1, 'a', 1.5, None, True]\n", "pass", test="    assert candidate(1) == [2, 'a', 1.5, None, True]\n"),
    py("self-referencing", "    a = []\n    a.append(a)\n    return a\n", "fail"),
    py("deep-recursion-raised-limit", "    import sys\n    sys.setrecursionlimit(10**6)\n    def g(n):\n        return g(n + 1)\n    return g(0)\n", "fail"),
    py("reads-host-file", refused("open('/etc/passwd').read()\nopen('/proc/self/environ').read()"), "pass"),
    py("no-host-environment", "    import os\n    return 2 if set(os.environ) <= {'HOME', 'USER', 'LANG', 'PATH', 'PWD'} and os.environ.get('PATH') == '/' else 0\n", "pass"),
    py("no-js-bridge", refused("import js"), "pass"),
    py("no-pyodide-api", refused("import pyodide_js"), "pass"),
    py("no-pyodide-ffi", refused("from pyodide.ffi import to_js"), "pass"),
    py("no-subprocess", refused("import subprocess\nsubprocess.run(['ls'])"), "pass"),
    py("no-socket", refused("import socket\nsocket.create_connection(('127.0.0.1', 80), timeout=1)"), "pass"),
    py("no-urllib", refused("import urllib.request\nurllib.request.urlopen('http://127.0.0.1:9/', timeout=1)"), "pass"),
    py("no-ctypes", refused("import ctypes"), "pass"),
    py("no-gc-walk", refused("import gc\ngc.get_objects()"), "pass"),
    py("pollutes-math", "    import math\n    math.sqrt = lambda v: 0\n    return 2\n", "pass"),
    py("uses-math", "    import math\n    return int(math.sqrt(16)) // 2\n", "pass"),
    py("pollutes-json-class", "    import json\n    json.JSONEncoder.encode = lambda self, o: 'x'\n    return 2\n", "pass"),
    py("pollutes-json-encoder", "    import json\n    json._default_encoder.item_separator = ' ; '\n    json.decoder.BACKSLASH['n'] = 'N'\n    return 2\n", "pass"),
    py("pollutes-through-subclasses", "    for c in object.__subclasses__():\n        if c.__name__ == 'JSONEncoder':\n            c.item_separator = ' ; '\n    return 2\n", "pass"),
    py("leaves-state", "    import keyword, json\n    keyword.kwlist.append('banana')\n    json.dumps.note = 'left'\n    open('/tmp/veredicto-left', 'w').write('x')\n    open('left-here', 'w').write('x')\n    return 2\n", "pass"),
    py("finds-no-state", "    import keyword, json, os\n    left = 'banana' in keyword.kwlist or hasattr(json.dumps, 'note') or os.path.exists('/tmp/veredicto-left') or os.path.exists('left-here')\n    return 0 if left else 2\n", "pass"),
    py("uses-json", "    import json\n    return len(json.dumps([1, 2])) - 4 if json.loads('\"\\\\n\"') == '\\n' else 0\n", "pass"),
    py("writes-file", "    open('/tmp/veredicto-note', 'w').write('left behind')\n    return 2\n", "pass"),
    py("pollutes-sys", "    import sys\n    sys.path.insert(0, '/evil')\n    sys.modules['math'] = None\n    return 2\n", "pass"),
    py("uses-math-again", "    import math, sys\n    return 2 if sys.path[0] != '/evil' and math.floor(2.5) == 2 else 0\n", "pass"),
    py("ordinary-after", "    return x + 1\n", "pass"),
]

def js(tid, body, expect, test="console.assert(f(1) === 2)", prompt="const f = (x) => {\n"):
    return {"task_id": f"HostileJS/{tid}", "prompt": prompt, "canonical_solution": body + "}\n",
            "test": f"const testF = () => {{\n  {test}\n}}\ntestF()\n", "declaration": prompt, "expect": expect}

def js_refused(probe):
    return f"  try {{ {probe} }} catch (e) {{ return 2 }}\n  return 0\n"

JS = [
    js("catastrophic-regex", "  return /(a+)+$/.test('a'.repeat(40) + 'b') ? 0 : 2\n", "fail"),
    js("huge-join", "  return new Array(1e9).join('x').length\n", "fail"),
    js("string-doubling", "  let s = 'x'; for (;;) s += s\n", "fail"),
    js("catches-interrupt", "  for (;;) { try { while (true) {} } catch (e) {} }\n", "fail"),
    js("microtask-loop", "  const loop = () => Promise.resolve().then(loop); loop(); return 2\n", "fail"),
    js("process-exit", "  process.exit(0)\n", "fail"),
    js("replaces-assert", "  console.assert = () => {}; return 3\n", "fail"),
    js("defines-assert", "  Object.defineProperty(console, 'assert', { value() {} }); return 3\n", "fail"),
    js("replaces-console", "  globalThis.console = { assert() {}, log() {} }; return 3\n", "fail"),
    js("var-console", "  return 3\n}\nvar console = { assert() {} }\nif (false) {\n", "fail"),
    js("patches-stringify", "  return [0]\n}\nJSON.stringify = () => 'same'\nif (false) {\n", "fail", test="console.assert(JSON.stringify(f(1)) === JSON.stringify([2]))"),
    js("replaces-json", "  return [0]\n}\nglobalThis.JSON = { stringify: () => 'same' }\nif (false) {\n", "fail", test="console.assert(JSON.stringify(f(1)) === JSON.stringify([2]))"),
    js("getter-result", "  return { get v() { return 2 } }\n", "fail", test="console.assert(f(1).v === 3)"),
    js("no-fetch", "  return typeof fetch === 'undefined' ? 2 : 0\n", "pass"),
    js("no-child-process", js_refused("require('child_process').execSync('ls')"), "pass"),
    js("no-host-files", js_refused("require('fs').readFileSync('/etc/passwd', 'utf8')"), "pass"),
    js("no-host-env", "  return Object.keys(process.env).length === 0 ? 2 : 0\n", "pass"),
    js("function-constructor", "  const p = (function () {}).constructor('return typeof process === \"undefined\" || !process.env.PATH')(); return p ? 2 : 0\n", "pass"),
    js("pollutes-object-prototype", "  Object.prototype.polluted = 1; Array.prototype.push = () => 0; return 2\n", "pass"),
    js("clean-prototypes", "  const a = []; a.push(1); return ({}).polluted === undefined && a.length === 1 ? 2 : 0\n", "pass"),
    js("deep-recursion", "  const g = (n) => g(n + 1); return g(0)\n", "fail"),
    js("ordinary-after", "  return x + 1\n", "pass"),
]

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "hostile_python.jsonl"), "w") as fh:
    fh.writelines(json.dumps(r) + "\n" for r in PY)
with open(os.path.join(here, "hostile_javascript.jsonl"), "w") as fh:
    fh.writelines(json.dumps(r) + "\n" for r in JS)
print(len(PY), "python and", len(JS), "javascript cases")
