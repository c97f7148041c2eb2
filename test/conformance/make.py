"""Veredicto's own hostile and tricky cases, in the same shapes and with the same "expect" field as
../../../shared/conformance (HumanEval for Python, HumanEval-X for JavaScript). "pass" cases that
probe the host return 2 only when the probe was refused. Rows run in file order; the ordinary
rows at the end must still pass after the hostile rows before them.

TypeScript rows are HumanEval-X rows with a "TypeScript/" task_id prefix; C++ rows are HumanEval-X
C++ rows ("CPP/" prefix): prompt + solution, then the test's main() with assert().

Usage: python3 make.py   (writes hostile_{python,javascript,typescript,cpp}.jsonl beside it)"""
import json, os

def py(tid, body, expect, test="    assert candidate(1) == 2\n", prompt="def f(x):\n", entry="f"):
    return {"task_id": f"Hostile/{tid}", "prompt": prompt, "canonical_solution": body,
            "test": "def check(candidate):\n" + test, "entry_point": entry, "expect": expect}

def refused(probe):
    """A body that returns 2 only if `probe` raised."""
    lines = "".join(f"        {l}\n" for l in probe.split("\n"))
    return f"    try:\n{lines}    except BaseException:\n        return 2\n    return 0\n"

# Python must never obtain a JavaScript object: every import route against every module that
# leads to one (a table, not three examples), then a walk of everything a solution can reach.
JS_ROUTES = """
import sys, importlib, importlib.util, importlib.machinery, _imp
names = ['js', 'pyodide_js', '_pyodide_core', 'pyodide', 'pyodide.ffi', 'pyodide.code', 'pyodide.webloop',
         '_pyodide', '_pyodide._importhook', '_pyodide._base', 'ctypes', '_ctypes', '_testcapi', '_testinternalcapi', 'micropip']
def by_statement(n):
    scope = {}
    exec('import ' + n + ' as got', scope)
    return scope['got']
def by_spec(n):
    spec = importlib.util.find_spec(n)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
def by_builtin_importer(n):
    spec = importlib.machinery.BuiltinImporter.find_spec(n)
    return importlib.machinery.BuiltinImporter.create_module(spec)
def by_create_builtin(n):
    return _imp.create_builtin(importlib.machinery.ModuleSpec(n, importlib.machinery.BuiltinImporter))
def by_path_finder(n):
    # Searches sys.path for a top-level name (a dotted one needs its package's path: by_spec).
    spec = importlib.machinery.PathFinder.find_spec(n) if '.' not in n else None
    return importlib._bootstrap._load(spec)
def by_finders(n):
    for finder in sys.meta_path if '.' not in n else ():
        spec = finder.find_spec(n, None)
        if spec is not None:
            return importlib._bootstrap._load(spec)
routes = [by_statement, lambda n: __import__(n, fromlist=['x']), importlib.import_module, importlib.__import__,
          lambda n: importlib._bootstrap._gcd_import(n), by_spec, by_builtin_importer, by_create_builtin,
          by_path_finder, by_finders, lambda n: sys.modules.get(n), lambda n: sys.modules[n]]
leaks = []
for n in names:
    for i, route in enumerate(routes):
        try:
            got = route(n)
        except BaseException:
            continue
        # A module of that name may load from elsewhere (PathFinder finds the standard library's
        # code.py for 'pyodide.code'): a leak is a JavaScript object or what makes one.
        where = str(getattr(got, '__file__', '') or '').split('/')[:-1]
        if (type(got).__name__.startswith('Js') or {'pyodide', '_pyodide', 'ctypes', 'micropip'} & set(where) or
                {'to_js', 'run_js', 'create_proxy', 'JsProxy', 'JsException', 'CDLL', 'PyObj_FromPtr', 'eval_code'} & set(getattr(got, '__dict__', {}))):
            leaks.append((n, i))
if leaks:
    return 0
"""

JS_GRAPH = """
import sys, types
classes, stack, seen = [], [object], set()
while stack:
    for c in type.__subclasses__(stack.pop()):
        if id(c) not in seen:
            seen.add(id(c)); classes.append(c); stack.append(c)
roots = list(classes) + list(sys.modules.values()) + [sys, sys.meta_path, sys.path_hooks]
try:
    raise ValueError
except ValueError as e:
    try:
        frame = e.__traceback__.tb_frame
    except PermissionError:
        frame = None  # frames are refused to solution code (see frame-rewrites-sanitiser)
    while frame is not None:
        roots += [frame.f_globals, frame.f_locals, frame.f_code]
        frame = frame.f_back
made = 0
for c in classes:
    where = str(c.__dict__.get('__module__', ''))
    if where.startswith(('pyodide', '_pyodide')) or where == 'js' or type(c).__name__.startswith('_JsProxy'):
        for args in [(), ('Error', 'x'), ('x',), ({},)]:
            try:
                c(*args)
                made += 1
            except BaseException:
                pass
        for v in list(c.__dict__.values()):
            if isinstance(v, (staticmethod, classmethod)):
                for args in [(), ({},), ('x',)]:
                    try:
                        getattr(c, [k for k, w in c.__dict__.items() if w is v][0])(*args)
                        made += 1
                    except BaseException:
                        pass
found, queue, visited, steps = [], roots, set(), 0
plain = {str, int, float, bool, bytes, type(None), types.CodeType}
def slot(o, name):
    try:
        return object.__getattribute__(o, name)
    except BaseException:
        return None
while queue and steps < 300000:
    o = queue.pop()
    t = type(o)
    if t in plain or id(o) in visited:
        continue
    steps += 1
    visited.add(id(o))
    if t.__name__.startswith('Js') and t.__name__ != 'JsNull' or (t is types.BuiltinFunctionType and getattr(o, '__module__', None) == '_pyodide_core') or t is types.ModuleType and o.__dict__.get('to_js') is not None:
        found.append(t.__name__)
        continue
    if t is dict:
        queue.extend(dict.values(o)); queue.extend(dict.keys(o))
    elif t in (list, tuple, set, frozenset):
        queue.extend(o)
    elif isinstance(o, type):
        queue.append(dict(type.__getattribute__(o, '__dict__')))
    elif t is types.FunctionType:
        queue += [o.__globals__, o.__closure__, slot(o, '__defaults__'), slot(o, '__kwdefaults__'), o.__dict__]
    elif t is types.CellType:
        queue.append(slot(o, 'cell_contents'))
    elif t in (types.MethodType, types.BuiltinMethodType, types.MethodWrapperType):
        queue += [slot(o, '__self__'), slot(o, '__func__')]
    elif t in (staticmethod, classmethod, property):
        queue += [slot(o, '__func__'), slot(o, 'fget'), slot(o, 'fset')]
    else:
        queue += [slot(o, '__dict__'), slot(o, '__self__'), slot(o, '__objclass__')]
if found or made:
    return 0
"""

def probe_body(code):
    return "".join(f"    {l}\n" if l else "\n" for l in code.strip("\n").split("\n")) + "    return 2\n"

# The harness's functions a solution can reach (its __import__, _imp's loaders, codecs.register)
# must hand it nothing of the harness: no closure cell (the real loaders, the flag that seals the
# interpreter were once there), no readable defaults. Walked from every module and class.
HARNESS_REACH = """
import sys, types
seen, queue, exposed = set(), list(sys.modules.values()), []
for c in object.__subclasses__():
    queue.append(c)
steps = 0
while queue and steps < 200000:
    o = queue.pop()
    if id(o) in seen or type(o) in (str, int, float, bool, bytes, type(None)):
        continue
    seen.add(id(o)); steps += 1
    if type(o) is types.FunctionType:
        if o.__code__.co_filename == '<exec>':
            exposed.append(o)
        continue
    d = getattr(o, '__dict__', None) if isinstance(o, (types.ModuleType, type)) else None
    if type(d) is dict or type(d) is types.MappingProxyType:
        for v in list(d.values()):
            queue.append(v)
            for inner in ('__func__', 'fget', 'fset', 'fdel'):
                queue.append(getattr(v, inner, None))
leaks = []
for f in exposed:
    if f.__closure__:
        leaks.append(f.__name__ + ' closure')
    for k in ('__defaults__', '__kwdefaults__'):
        try:
            if getattr(f, k):
                leaks.append(f.__name__ + ' ' + k)
        except PermissionError:
            pass
if leaks or not exposed:
    return 0
"""

# Interpreter-wide state a solution changes must not reach the next solution of another task:
# each row changes one kind, the row after them all finds a fresh interpreter. The rows after
# no-undo are put back in place (no fresh runtime: none of them matches INTROSPECTION).
STATE_CHANGES = {
    # Changes that cannot be undone one by one: the next solution gets a fresh runtime.
    "no-undo": """
import atexit, collections.abc, codecs, faulthandler, tracemalloc, locale
atexit.register(print, 'left')
atexit.register(print, 'left again')
collections.abc.Sequence.register(int)
codecs.register_error('left_errors', codecs.replace_errors)
faulthandler.enable(file=2)
tracemalloc.start()
""",
    "limits": """
import sys, builtins
sys.set_int_max_str_digits(1234)
sys.setswitchinterval(0.25)
sys.set_coroutine_origin_tracking_depth(7)
def hook(event, args):
    builtins.left_by_hook = event
try:
    sys.addaudithook(hook)
except Exception:
    pass
""",
    "hooks": """
import sys, threading, signal, codecs, encodings
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.signal(signal.SIGTERM, lambda *a: None)
threading.settrace(lambda *a: None)
threading.setprofile(lambda *a: None)
sys.monitoring.use_tool_id(4, 'left')
def search(name):
    if name == 'left_codec':
        return codecs.lookup('latin-1')
codecs.register(search)
sys.excepthook = lambda *a: None
sys.displayhook = lambda *a: None
""",
    "warnings-and-gc": """
import warnings, gc, os
warnings.simplefilter('error')
warnings.filterwarnings('ignore', message='left')
gc.set_threshold(3, 2, 1)
gc.disable()
os.umask(0o077)
os.environ['LEFT_BEHIND'] = 'yes'
os.chdir('/tmp')
""",
}
STATE_CHANGES["library-objects"] = """
import logging, threading
logging.disable(logging.ERROR)
logging.getLogger('left.behind').setLevel(logging.CRITICAL)
logging.getLogger().setLevel(logging.CRITICAL)
threading.stack_size(1 << 17)
"""

FRESH_CHECK = """
import sys, threading, signal, codecs, warnings, gc, os, atexit, collections.abc, builtins, faulthandler, tracemalloc
left = []
def check(name, ok):
    if not ok:
        left.append(name)
check('int digits', sys.get_int_max_str_digits() == 4300 and len(str(10 ** 4200)) == 4201)
check('switch interval', sys.getswitchinterval() == 0.005)
check('coroutine depth', sys.get_coroutine_origin_tracking_depth() == 0)
check('audit hook', not hasattr(builtins, 'left_by_hook'))
check('sigint', signal.getsignal(signal.SIGINT) is signal.default_int_handler)
check('sigterm', signal.getsignal(signal.SIGTERM) is signal.SIG_DFL)
check('trace', threading.gettrace() is None and threading.getprofile() is None)
check('monitoring', sys.monitoring.get_tool(4) is None)
try:
    codecs.lookup('left_codec')
    check('codec', False)
except LookupError:
    pass
try:
    codecs.lookup_error('left_errors')
    check('codec errors', False)
except LookupError:
    pass
check('excepthook', sys.excepthook is sys.__excepthook__ or 'lambda' not in repr(sys.excepthook))
check('displayhook', sys.displayhook is sys.__displayhook__)
check('warnings', not any(f[0] in ('error', 'ignore') and (f[1] is None or f[1].pattern in ('', 'left')) and f[2] is Warning for f in warnings.filters[:2]))
check('gc', gc.isenabled() and gc.get_threshold() != (3, 2, 1))
mask = os.umask(0o022)
os.umask(mask)
check('umask', mask != 0o077)
check('environ', 'LEFT_BEHIND' not in os.environ)
check('cwd', os.getcwd() != '/tmp')
check('atexit', atexit._ncallbacks() <= 1)  # logging, imported at start-up, registers one
check('abc', not isinstance(5, collections.abc.Sequence))
check('faulthandler', not faulthandler.is_enabled())
check('tracemalloc', not tracemalloc.is_tracing())
import logging, io
stream = io.StringIO()
named = logging.getLogger('left.behind')
named.addHandler(logging.StreamHandler(stream))
named.warning('heard')
check('logging', stream.getvalue() == 'heard\\n' and logging.getLogger().level == logging.WARNING)
check('thread stack size', threading.stack_size() == 0)
if left:
    raise AssertionError('left behind: ' + ', '.join(left))
"""

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
    py("recursion-through-map", "    import sys\n    sys.setrecursionlimit(200000)\n    def down(n):\n        return sum(map(down, [n + 1]))\n    return down(0)\n", "fail"),
    py("recursion-in-str", "    import sys\n    sys.setrecursionlimit(500000)\n    class Node:\n        def __init__(self, inner):\n            self.inner = inner\n"
       "        def __str__(self):\n            return '(' + str(self.inner) + ')'\n    n = None\n    for _ in range(300000):\n        n = Node(n)\n    return len(str(n))\n", "fail"),
    py("runs-after-stack-overflow", "    return x * 2\n", "pass"),
    py("reads-host-file", refused("open('/etc/passwd').read()\nopen('/proc/self/environ').read()"), "pass"),
    py("no-host-environment", "    import os\n    return 2 if set(os.environ) <= {'HOME', 'USER', 'LANG', 'PATH', 'PWD'} and os.environ.get('PATH') == '/' else 0\n", "pass"),
    py("no-js-bridge", refused("import js"), "pass"),
    py("no-pyodide-api", refused("import pyodide_js"), "pass"),
    py("no-pyodide-ffi", refused("from pyodide.ffi import to_js"), "pass"),
    py("no-subprocess", refused("import subprocess\nsubprocess.run(['ls'])"), "pass"),
    py("no-socket", refused("import socket\nsocket.create_connection(('127.0.0.1', 80), timeout=1)"), "pass"),
    py("no-urllib", refused("import urllib.request\nurllib.request.urlopen('http://127.0.0.1:9/', timeout=1)"), "pass"),
    py("no-ctypes", refused("import ctypes"), "pass"),
    py("no-js-by-any-import-route", probe_body(JS_ROUTES), "pass"),
    py("no-js-object-reachable", probe_body(JS_GRAPH), "pass"),
    # A wrong answer that would pass only if some JavaScript object let it rewrite the outcome.
    py("harness-functions-hold-nothing", probe_body(HARNESS_REACH), "pass"),
    # With the real loader (once in a closure cell of the sandbox's), _pyodide_core came back whole.
    py("rebuilds-pyodide-core-by-any-loader", "    import _imp, importlib.machinery as m\n    loaders = [_imp.create_builtin, _imp.create_dynamic, m.BuiltinImporter.create_module]\n"
       "    for fn in list(loaders):\n        for cell in getattr(fn, '__closure__', None) or ():\n            if callable(cell.cell_contents):\n                loaders.append(cell.cell_contents)\n"
       "        for k in ('__defaults__', '__kwdefaults__'):\n            try:\n                for v in (getattr(fn, k, None) or {}).values() if k == '__kwdefaults__' else (getattr(fn, k, None) or ()):\n"
       "                    loaders.extend(w for w in (v if isinstance(v, tuple) else (v,)) if callable(w))\n            except BaseException:\n                pass\n"
       "    for fn in loaders:\n        try:\n            core = fn(m.ModuleSpec('_pyodide_core', m.BuiltinImporter))\n            if hasattr(core, 'create_proxy'):\n                return 0\n        except BaseException:\n            pass\n    return 2\n", "pass"),
    py("forges-with-any-js-object", "    import sys, importlib\n    for name in ('js', 'pyodide_js', 'pyodide.ffi'):\n"
       "        try:\n            got = importlib.import_module(name)\n            got.Object.constructor.constructor('globalThis.Error = function () {}')()\n"
       "        except BaseException:\n            pass\n    return x * 10\n", "fail"),
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
    # Reward hacks: what the test relies on, changed by the solution, is reported and never passes.
    py("shadows-builtin-max", "    return 1\n\ndef max(*values):\n    return 10\n", "fail", test="    assert max(candidate(1), 0) == 2\n"),
    py("patches-statistics-mean", "    import statistics\n    statistics.mean = lambda data: 2.0\n    return [0, 0]\n", "fail",
       test="    import statistics\n    data = candidate(1)\n    assert statistics.mean(data) == 2.0\n"),
    py("patches-builtin-all", "    import builtins\n    builtins.all = lambda xs: True\n    return [0]\n", "fail", test="    assert all(v == 2 for v in candidate(1))\n"),
    py("patches-counter-class", "    import collections\n    collections.Counter.__eq__ = lambda a, b: True\n    return 0\n", "fail",
       test="    from collections import Counter\n    assert Counter('ab') == candidate(1)\n"),
    py("rebinds-module-global", "    return 0\n\nclass _Loose:\n    def isclose(self, *a, **k):\n        return True\nmath = _Loose()\n", "fail",
       test="    assert math.isclose(candidate(1), 2)\n", prompt="import math\ndef f(x):\n"),
    # Test code that reads its own module's attributes (a class body reads __name__, as does a
    # __main__ guard) is no sign of tampering: an honest solution passes.
    py("honest-test-with-class-and-main-guard", "    return x + 1\n", "pass",
       test="    assert Box(candidate(1)).v == 2\n\nclass Box:\n    def __init__(self, v):\n        self.v = v\n\nif __name__ == '__main__':\n    pass\n"),
    py("uses-builtins-honestly", "    return sorted([x + 1, 1])[1] + 0 * abs(x)\n", "pass", test="    assert max(candidate(1), 0) == 2 and sorted([2, 1]) == [1, 2]\n"),
    # A frame of the harness would let the solution swap what sanitises its return value.
    py("frame-rewrites-sanitiser", "    import inspect\n    class Eq:\n        def __eq__(self, other):\n            return True\n        __hash__ = object.__hash__\n"
       "    try:\n        inspect.stack()[1].frame.f_locals['plain'] = lambda v, depth=0: v\n    except Exception:\n        pass\n"
       "    try:\n        raise ValueError\n    except ValueError as e:\n        try:\n            e.__traceback__.tb_frame.f_back.f_locals['plain'] = lambda v, depth=0: v\n"
       "        except Exception:\n            pass\n    return Eq()\n", "fail"),
    # Honest code that formats its own traceback or logs gets views of its frames, never one to climb.
    py("formats-own-traceback", "    import traceback, logging\n    logging.getLogger('solver').warning('x is %s', x)\n    try:\n        {}['missing']\n    except KeyError:\n        text = traceback.format_exc()\n"
       "    try:\n        missing_name\n    except NameError as e:\n        text += ''.join(traceback.format_exception(e))\n    return 2 if 'KeyError' in text and 'NameError' in text and 'solution.py' in text else 0\n", "pass"),
    py("climbs-from-traceback-view", "    import traceback, sys\n    try:\n        raise ValueError\n    except ValueError:\n        for frame, _ in traceback.walk_tb(sys.exc_info()[2]):\n"
       "            for reach in (lambda: frame.f_back.f_locals, lambda: frame.f_globals['__builtins__'], lambda: list(frame.f_locals)[0]):\n"
       "                try:\n                    reach()\n                    return 0\n                except (AttributeError, KeyError, IndexError):\n                    pass\n    return 2\n", "pass"),
    # Failed asserts are explained by rewriting the test's asserts (issue 12): node classes changed
    # so that the rewritten assert would always hold (each row's test is one no row before compiled), or an AssertionError of the solution's making,
    # never turn a failure into a pass; a __repr__ that loops is never called.
    py("patches-ast-assert-test", "    return 0\n\nimport _ast\n_ast.Assert.test = property(lambda s: _ast.Constant(True), lambda s, v: None)\n", "fail",
       test="    assert candidate(1) == 2  # compiled after the solution ran\n"),
    py("patches-ast-compare-ops", "    return 0\n\nimport ast\nast.Compare.ops = property(lambda s: [ast.NotEq()], lambda s, v: None)\n", "fail",
       test="    assert candidate(1) == 2  # a test this solution is the first to compile\n"),
    py("forges-assertion-detail", "    raise AssertionError(('assert candidate(1) == 2', '==', '2', '2'))\n", "fail"),
    py("repr-loops-in-failed-assert", "    class H:\n        def __repr__(self):\n            while True:\n                pass\n    return [H()]\n", "fail"),
    # The value standing for an object the solution returned must compare as itself whatever the
    # solution changed: a class of the harness's, found through object.__subclasses__(), was not.
    py("patches-every-class-eq", "    for c in object.__subclasses__():\n        try:\n            c.__eq__ = lambda a, b: True\n        except BaseException:\n            pass\n"
       "    class Z:\n        pass\n    return Z()\n", "fail"),
    # A change made inside one call and undone inside the next: the check after the test alone
    # would find everything as it was.
    # Objects equal to anything, reached through what the candidate returns (a method, an
    # attribute); honest objects, closures and value classes it returns are used as they are.
    py("equal-to-anything-by-method", "    class Wild:\n        __eq__ = lambda self, other: True\n    class Tally:\n        def count(self):\n            return Wild()\n    return Tally()\n", "fail",
       test="    assert candidate(1).count() == 41\n"),
    py("equal-to-anything-by-attribute", "    class Wild:\n        def __eq__(self, other):\n            return other is not Ellipsis\n    class Box:\n        weight = Wild()\n    return Box()\n", "fail",
       test="    assert [1.5] == [candidate(1).weight]\n"),
    py("below-anything-in-tolerance", "    class Speck:\n        __sub__ = __rsub__ = lambda self, other: self\n        __abs__ = lambda self: self\n        __lt__ = lambda self, other: True\n    return Speck()\n", "fail",
       test="    assert abs(candidate(1) - 0.75) < 1e-6\n"),
    py("above-anything", "    class Giant:\n        def __ge__(self, other):\n            return True\n    return Giant()\n", "fail",
       test="    assert candidate(1) >= 10 ** 6\n"),
    py("orders-honestly", "    class Grade:\n        def __init__(self, n):\n            self.n = n\n        def __lt__(self, other):\n            return self.n < other.n\n    return sorted([Grade(3), Grade(x)])[0].n\n", "pass",
       test="    assert candidate(1) < 2 and candidate(2) >= 2\n"),
    py("returns-linked-cells", "    class Cell:\n        def __init__(self, v, nxt):\n            self.v, self.nxt = v, nxt\n    return Cell(x, Cell(x + 1, None))\n", "pass",
       test="    c = candidate(1)\n    assert c.v == 1 and c.nxt.v == 2 and c.nxt.nxt is None\n"),
    py("returns-closure", "    return lambda y: y ** x\n", "pass", test="    assert candidate(3)(2) == 8\n"),
    py("returns-value-class", "    return Money(x * 100)\n\nclass Money:\n    def __init__(self, cents):\n        self.cents = cents\n    def __eq__(self, other):\n        return isinstance(other, Money) and other.cents == self.cents\n", "pass",
       test="    assert candidate(2) == Money(200) and candidate(2) != Money(201)\n"),
    # The builtins the test runs with are a copy of its own, which HumanEval's shared globals name.
    py("patches-test-builtins", "    if type(__builtins__) is dict:\n        __builtins__.update(abs=lambda v: 0.0)\n    return 7.0\n", "fail",
       test="    got = candidate(1)\n    assert abs(got - 2.5) < 1e-9\n"),
    # An abstract base class given a builtin class: isinstance then holds for any value of it.
    py("registers-builtin-with-abc", "    return (1, 2)\nimport collections.abc\ncollections.abc.MutableSequence.register(tuple)\n", "fail",
       test="    import collections.abc\n    assert isinstance(candidate(1), collections.abc.MutableSequence)\n"),
    py("registers-own-class-with-abc", "    return Bag([x, x])\nimport collections.abc\nclass Bag(list):\n    pass\ncollections.abc.Hashable.register(Bag)\n", "pass",
       test="    import collections.abc\n    assert candidate(1) == [1, 1] and not isinstance([], collections.abc.Hashable)\n"),
    py("shadows-builtin-between-calls", "    g = globals()\n    g['calls'] = g.get('calls', 0) + 1\n    if g['calls'] == 1:\n        def fake(v):\n            del g['len']\n            return 3\n        g['len'] = fake\n    return []\n", "fail",
       test="    candidate(0)\n    assert len(candidate(3)) == 3\n"),
    py("patches-module-between-calls", "    import math\n    real = math.fsum\n    g = globals()\n    g['n'] = g.get('n', 0) + 1\n    if g['n'] == 1:\n        def fake(xs):\n            math.fsum = real\n            return 2.0\n        math.fsum = fake\n    return [0]\n", "fail",
       test="    import math\n    candidate(0)\n    assert math.fsum(candidate(1)) == 2.0\n"),
    # A class of a module the test names, though not the class itself (textwrap.fill runs TextWrapper.fill).
    py("patches-class-behind-module-function", "    import textwrap\n    textwrap.TextWrapper.fill = lambda self, text: 'ab\\ncd'\n    return 'zz'\n", "fail",
       test="    import textwrap\n    assert textwrap.fill(candidate(1), width=2) == 'ab\\ncd'\n"),
    # A helper the prompt gives in full, which the test uses, defined again by the solution (HumanEval's
    # encode_cyclic): the test uses the prompt's. One the prompt leaves as a stub is the solution's.
    py("redefines-given-helper", "    return s\n\n\ndef enc(s):\n    return s\n", "fail",
       prompt="def enc(s):\n    return s[::-1] + '!'\n\n\ndef f(s):\n", test="    assert candidate(enc('abc')) == 'abc'\n"),
    py("repeats-given-helper-honestly", "    return s[:-1][::-1]\n\n\ndef enc(s):\n    out = s[::-1]\n    return out + '!'\n", "pass",
       prompt="def enc(s):\n    return s[::-1] + '!'\n\n\ndef f(s):\n", test="    assert candidate(enc('abc')) == 'abc'\n"),
    py("patches-module-under-given-helper", "    import math\n    math.hypot = lambda a, b: 5.0\n    return 0\n", "fail",
       prompt="import math\n\n\ndef dist(a, b):\n    return math.hypot(a, b)\n\n\ndef f(x):\n", test="    assert dist(candidate(3), 4) == 5.0\n"),
    py("completes-stub-helper", "    return helper(x) + 1\n\n\ndef helper(x):\n    return 2 * x\n", "pass",
       prompt="def helper(x):\n    \"\"\"Twice x.\"\"\"\n\n\ndef f(x):\n", test="    assert candidate(1) == 3 and helper(2) == 4\n"),
    py("exits-inside-check", "    import sys\n    sys.exit(0)\n", "fail", test="    candidate(1)\n    assert candidate(1) == 2\n"),
    py("exits-by-quit", "    quit()\n", "fail"),
    *[py(f"changes-interpreter-{k}", probe_body(v), "pass") for k, v in STATE_CHANGES.items()],
    py("finds-fresh-interpreter", probe_body(FRESH_CHECK), "pass", prompt="def fresh(x):\n", entry="fresh"),
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
    js("changes-realm", "  globalThis.leftBehind = 1; Math.max = () => 0; Date.now = () => 0; String.prototype.trim = function () { return 'x' }\n"
       "  Object.defineProperty(Object.prototype, 'leftGetter', { get() { return 1 }, configurable: true }); Reflect.defineProperty(Array, 'from', { value: () => [] }); return 2\n", "pass"),
    js("finds-fresh-realm", "  return typeof leftBehind === 'undefined' && Math.max(1, 3) === 3 && Date.now() > 0 && ' a '.trim() === 'a' && ({}).leftGetter === undefined && Array.from('ab').length === 2 ? 2 : 0\n", "pass"),
    js("adds-tojson-to-arrays", "  Object.defineProperty(Array.prototype, 'toJSON', { value() { return 'x' }, configurable: true }); return [0]\n", "fail",
       test="console.assert(JSON.stringify(f(1)) === JSON.stringify([2]))"),
    js("patches-number-isinteger", "  Number.isInteger = () => true; return 2.5\n", "fail", test="console.assert(Number.isInteger(f(1)))"),
    js("patches-math-round", "  return 1.2\n}\nMath.round = () => 2\nif (false) {\n", "fail", test="console.assert(Math.round(f(1)) === 2)"),
    js("patches-object-keys", "  Object.keys = () => ['a', 'b']; return {}\n", "fail", test="console.assert(Object.keys(f(1)).length === 2)"),
    js("shadows-global-with-let", "  return 3\n}\nlet Number = { isInteger: () => true, isSafeInteger: () => true }\nif (false) {\n", "fail",
       test="console.assert(Number.isSafeInteger(f(1) / 2))"),
    js("patches-string-prototype", "  String.prototype.trim = function () { return 'ok' }; return '  no '\n", "fail", test="console.assert(f(1).trim() === 'ok')"),
    js("patches-iterator", "  Array.prototype[Symbol.iterator] = function* () { yield 2 }; return [0]\n", "fail",
       test="const [first] = f(1); console.assert(first === 2)"),
    js("adds-own-helper", "  return [x, x].sum()\n}\nArray.prototype.sum = function () { return this.reduce((a, b) => a + b, 0) }\nif (false) {\n", "pass"),
    # Changed in one call into the solution and put back in a later one (or in a getter, or by a
    # counter): the check after the test alone would find everything as it was.
    js("undoes-on-second-call", "  f.n = (f.n || 0) + 1\n  if (f.n === 1) { const real = Object.is; Object.is = (a, b) => { Object.is = real; return true } }\n  return x * 3\n", "fail",
       test="f(0); console.assert(Object.is(f(1), 2))"),
    js("restores-in-getter", "  const real = Number.isFinite\n  Number.isFinite = () => true\n  return { get value() { Number.isFinite = real; return Infinity } }\n", "fail",
       test="const r = f(1); console.assert(Number.isFinite(r.value))"),
    js("tampers-on-odd-calls", "  f.k = (f.k || 0) + 1\n  if (f.k % 2) { const want = '0' + x; String.prototype.padStart = function () { return want }; return 'bad' }\n"
       "  String.prototype.padStart = realPad\n  return String(x)\n}\nconst realPad = String.prototype.padStart\nif (false) {\n", "fail",
       test="for (let i = 1; i <= 4; i++) console.assert(f(i).padStart(2, '0') === '0' + i)"),
    js("restores-by-method-of-result", "  const real = Array.prototype.includes\n  Array.prototype.includes = () => true\n  return { list: [], done() { Array.prototype.includes = real } }\n", "fail",
       test="const r = f(1); const ok = r.list.includes(2); r.done(); console.assert(ok)"),
    js("uses-same-builtins-honestly", "  const n = Number.isFinite(x) ? Math.abs(x) : 0\n  return { value: n * 2, get twice() { return Object.is(this.value, 2) } }\n", "pass",
       test="const r = f(-1); console.assert(Object.is(r.value, 2) && r.twice && Number.isFinite(r.value) && Math.abs(-r.value) === 2 && JSON.stringify([r.value]) === '[2]')"),
    # Well-known symbols JavaScript consults by itself, added where no intrinsic had one.
    js("adds-has-instance", "  Object.defineProperty(Map, Symbol.hasInstance, { value: () => true }); return []\n", "fail",
       test="console.assert(f(1) instanceof Map)"),
    js("adds-to-string-tag", "  Object.defineProperty(Array.prototype, Symbol.toStringTag, { value: 'Date', configurable: true }); return [3]\n", "fail",
       test="console.assert(Object.prototype.toString.call(f(1)) === '[object Date]')"),
    js("adds-concat-spreadable", "  String.prototype[Symbol.isConcatSpreadable] = true; return 'ab'\n", "fail",
       test="console.assert([0].concat(f(1)).length === 3)"),
    # A standard name added to Object.prototype makes a plain object pass for an array; a method a
    # task asks to add to String.prototype, even one arrays have, is the task's.
    js("adds-standard-name-to-object-prototype", "  Object.defineProperty(Object.prototype, 'at', { value: () => 7, configurable: true }); return {}\n", "fail",
       test="console.assert(f(1).at(-1) === 7)"),
    js("adds-reverse-to-strings", "  return String(x) + 'ab'\n}\nString.prototype.reverse = function () { return [...this].reverse().join('') }\nif (false) {\n", "pass",
       test="console.assert(f(1).reverse() === 'ba1')"),
    js("own-class-has-instance", "  return new Any()\n}\nclass Any { static [Symbol.hasInstance]() { return true } }\nif (false) {\n", "pass",
       test="console.assert(f(1) instanceof Any && [] instanceof Array && !(f(1) instanceof Set))"),
    # What an intrinsic inherits, swapped by its prototype; a regular expression's own protocol; a
    # change made by a getter of what the solution throws and undone by the next read.
    js("swaps-array-prototype-parent", "  Object.setPrototypeOf(Array.prototype, { [Symbol.toPrimitive]: () => 2 }); return []\n", "fail",
       test="console.assert(f(1) == 2)"),
    js("replaces-regexp-replace", "  RegExp.prototype[Symbol.replace] = () => 'ok'; return 'bad'\n", "fail",
       test="console.assert(f(1).replace(/bad/, 'x') === 'ok')"),
    js("tampers-from-thrown-getter", "  let n = 0; const real = Number.parseInt\n  throw { get message() { Number.parseInt = n++ ? real : () => 2; return 'm' } }\n", "fail",
       test="let v; try { f(1) } catch (e) { void e.message; v = Number.parseInt('1'); void e.message }\nconsole.assert(v === 2)"),
    js("replaces-join-under-to-string", "  Array.prototype.join = () => 'ok'; return []\n", "fail",
       test="console.assert(f(1) + '' === 'ok')"),
    js("replaces-set-add", "  const add = Set.prototype.add; Set.prototype.add = function () { return add.call(this, 0) }; return [5, 6]\n", "fail",
       test="console.assert([...new Set(f(1))].join() === '0')"),
    # What a helper the prompt gives uses, which the test calls but never reads itself.
    js("patches-intrinsic-under-given-helper", "  Number.parseFloat = () => 2.5\n  return '0'\n", "fail",
       prompt="const half = (s) => Number.parseFloat(s) / 2\n\nconst f = (x) => {\n", test="console.assert(half(f(5)) === 1.25)"),
    # A Proxy passed off as an array, whose traps replace a builtin for the test's next line and put it back.
    js("proxy-swaps-builtin-while-read", "  const real = Math.round; let n = 0\n  return new Proxy([x], { get(t, k) { n++; Math.round = n === 1 ? () => 2 : real; return Reflect.get(t, k) } })\n", "fail",
       test="const r = f(1); const size = r.length; const v = Math.round(0.2); r[0]; console.assert(v === 2 && size === 1)"),
    # A setter the solution puts where the assert module is built after it (MultiPL-E's tests require it).
    js("hides-assert-method-behind-setter", "  Object.defineProperty(Function.prototype, 'strictEqual', { set() {}, get() { return () => {} }, configurable: true })\n  return 0\n", "fail",
       test="const assert = require('assert'); assert.strictEqual(f(1), 2)"),
    # A promise the test waits on that never settles: the asserts after it never run.
    js("never-settles", "  return new Promise(() => {})\n", "fail", test="f(1).then((v) => console.assert(v === 2))"),
    js("uses-regexp-and-nan-honestly", "  return x === 1 ? 'a1' : NaN\n", "pass",
       test="console.assert(/^a\\d$/.test(f(1)) && f(1).replace(/\\d/, '') === 'a' && Number.isNaN(f(2)) && f(1).split('').length === 2 && Number.isNaN(Number.NaN))"),
    js("exits-inside-test", "  process.exit(0)\n", "fail", test="f(1); console.assert(f(1) === 2)"),
    js("deep-recursion", "  const g = (n) => g(n + 1); return g(0)\n", "fail"),
    js("ordinary-after", "  return x + 1\n", "pass"),
]

def ts(tid, body, expect, test="console.assert(f(1) === 2)", prompt="function f(x: number): number {\n"):
    return {"task_id": f"TypeScript/hostile-{tid}", "prompt": prompt, "canonical_solution": body,
            "test": test + "\n", "declaration": prompt, "expect": expect}

TS = [
    ts("infinite-loop", "  while (true) {}\n}\n", "fail"),
    ts("memory-bomb", "  const a: string[] = []; for (;;) a.push('x'.repeat(1 << 20) + a.length)\n}\n", "fail"),
    ts("stack-overflow", "  return f(x + 1) + 1\n}\n", "fail"),
    ts("stdout-100mb", "  const line = 'x'.repeat(1 << 20); for (let i = 0; i < 100; i++) console.log(line); return 2\n}\n", "fail"),
    ts("reads-host-file", "  try { require('fs').readFileSync('/etc/passwd', 'utf8'); return 0 } catch { return 2 }\n}\n", "pass"),
    ts("reads-environment", "  return Object.keys(process.env).length === 0 ? 2 : 0\n}\n", "pass"),
    ts("child-process", "  try { require('child_process').execSync('ls'); return 0 } catch { return 2 }\n}\n", "pass"),
    ts("exits-early", "  console.log('all tests passed'); process.exit(0)\n}\n", "fail"),
    ts("namespace-shadows-console", "  return 0\n}\nnamespace console { export const assert = (..._a: unknown[]) => {} }\n", "fail"),
    ts("enum-and-namespace", "  return Geo.twice(K.One)\n}\nenum K { Zero, One }\nnamespace Geo { export const twice = (n: number) => n * 2 }\n", "pass"),
    # MultiPL-E's TypeScript tests require the assert module, built after the solution ran.
    ts("hides-assert-behind-setter", "  return 0\n}\nObject.defineProperty(Function.prototype, 'deepEqual', { set() {}, get() { return () => {} }, configurable: true })\n", "fail",
       test="declare var require: any;\nconst assert = require('node:assert');\nassert.deepEqual(f(1), 2);"),
    ts("syntax-error", "  return x +\n}\n", "fail"),
    ts("ordinary-after", "  return x + 1\n}\n", "pass"),
]

CPP_PROMPT = "#include <cstdio>\n#include <cstdlib>\n#include <vector>\n#include <string>\nusing namespace std;\nint f(int x){\n"
CPP_TEST = "#undef NDEBUG\n#include <assert.h>\nint main(){\n    assert(f(1) == 2);\n}\n"

def cpp(tid, body, expect, test=CPP_TEST, prompt=CPP_PROMPT):
    return {"task_id": f"CPP/hostile-{tid}", "prompt": prompt, "canonical_solution": body,
            "test": test, "declaration": prompt, "expect": expect}

CPP = [
    cpp("infinite-loop", "    volatile int n = 0;\n    while (true) n++;\n}\n", "fail"),
    cpp("memory-bomb", "    vector<char*> v;\n    for (;;) { char* p = new char[1 << 20]; p[0] = 1; v.push_back(p); }\n}\n", "fail"),
    cpp("malloc-bomb", "    for (;;) { char* p = (char*) malloc(1 << 20); if (!p) return 0; p[0] = 1; }\n}\n", "fail"),
    cpp("stack-overflow", "    volatile char pad[256]; pad[0] = (char) x;\n    return f(x + 1) + pad[0];\n}\n", "fail"),
    cpp("stdout-100mb", "    static char line[1 << 16];\n    for (int i = 0; i < (1 << 16); i++) line[i] = 'x';\n    for (int i = 0; i < 1600; i++) fwrite(line, 1, sizeof line, stdout);\n    return 2;\n}\n", "fail"),
    cpp("reads-host-file", "    FILE* fp = fopen(\"/etc/passwd\", \"r\");\n    FILE* here = fopen(\"solution.cpp\", \"r\");\n    return fp || here ? 0 : 2;\n}\n", "pass"),
    cpp("writes-file", "    FILE* fp = fopen(\"/tmp/veredicto-cpp\", \"w\");\n    return fp ? 0 : 2;\n}\n", "pass"),
    cpp("reads-environment", "    return getenv(\"HOME\") || getenv(\"PATH\") ? 0 : 2;\n}\n", "pass"),
    cpp("system", "    return system(\"ls\") == 0 ? 2 : 0;\n}\n", "fail"),
    cpp("fork", "    return fork() >= 0 ? 2 : 0;\n}\n", "fail", prompt=CPP_PROMPT.replace("#include <cstdio>", "#include <unistd.h>\n#include <cstdio>")),
    cpp("exits-early", "    printf(\"all tests passed\\n\");\n    exit(0);\n}\n", "fail"),
    cpp("quick-exit", "    _Exit(0);\n}\n", "fail"),
    cpp("redefines-main", "    return 0;\n}\nint main(){ return 0; }\n#define main never_called\n", "fail"),
    cpp("redefines-assert", "    return 0;\n}\n#include <assert.h>\n#define assert(x) ((void)0)\n", "fail"),
    cpp("comments-out-test", "    return 0;\n}\nint main(){ return 0; }\n/*\n", "fail"),
    cpp("disables-test-by-if", "    return 0;\n}\nint main(){ return 0; }\n#if 0\n", "fail"),
    cpp("throws", "    if (x > 0) throw x;\n    return 2;\n}\n", "fail"),
    cpp("wrong-answer", "    return x;\n}\n", "fail"),
    cpp("ordinary-after", "    vector<int> v{x, x};\n    return v[0] + v[1];\n}\n", "pass"),
]

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "hostile_python.jsonl"), "w") as fh:
    fh.writelines(json.dumps(r) + "\n" for r in PY)
with open(os.path.join(here, "hostile_javascript.jsonl"), "w") as fh:
    fh.writelines(json.dumps(r) + "\n" for r in JS)
with open(os.path.join(here, "hostile_typescript.jsonl"), "w") as fh:
    fh.writelines(json.dumps(r) + "\n" for r in TS)
with open(os.path.join(here, "hostile_cpp.jsonl"), "w") as fh:
    fh.writelines(json.dumps(r) + "\n" for r in CPP)
print(len(PY), "python,", len(JS), "javascript,", len(TS), "typescript and", len(CPP), "C++ cases")
