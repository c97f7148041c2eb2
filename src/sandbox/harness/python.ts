// The Python side of the test harness, run once per interpreter before any untrusted code.
// It must not keep anything a solution could use to change a verdict: JavaScript drives each test
// and calls the solution itself, so no harness frame is live while solution code runs; verdicts
// are decided on the host from the data returned here.
export const PYTHON_HARNESS = String.raw`
def _veredicto_setup(TAG):
    import sys, builtins, os, io, gc, _json, itertools, posix
    _type, _len, _str, _int, _float, _bool, _list, _tuple, _dict = type, len, str, int, float, bool, list, tuple, dict
    _set, _frozenset, _id, _isinstance = set, frozenset, id, isinstance
    _BaseException, _Exception = BaseException, Exception
    _quote = _json.encode_basestring_ascii
    _float_repr, _int_repr, _obj_repr = float.__repr__, int.__repr__, object.__repr__
    _compile, _exec = compile, exec
    _dict_copy, _dict_clear, _dict_update = dict.copy, dict.clear, dict.update
    _loads = __import__('json').loads
    _all, _map, _is, _flat, _zip, _sum = all, map, __import__('operator').is_, itertools.chain.from_iterable, zip, sum
    _values = __import__('operator').methodcaller('values')

    class OutputLimit(BaseException):
        pass

    class Capture:
        """A text stream that keeps at most limit characters and then stops the program."""
        __slots__ = ('parts', 'size', 'limit', 'over')
        encoding = 'utf-8'
        errors = 'strict'
        def __init__(self, limit):
            self.parts, self.size, self.limit, self.over = [], 0, limit, False
        def write(self, s):
            if _type(s) is not _str:
                raise TypeError('write() argument must be str')
            room = self.limit - self.size
            if _len(s) > room:
                self.parts.append(s[:max(room, 0)])
                self.size = self.limit
                self.over = True
                raise OutputLimit('output limit reached')
            self.parts.append(s)
            self.size += _len(s)
            return _len(s)
        def writelines(self, lines):
            for s in lines:
                self.write(s)
        def flush(self):
            pass
        def isatty(self):
            return False
        def writable(self):
            return True
        def readable(self):
            return False
        def fileno(self):
            raise io.UnsupportedOperation('fileno')
        def text(self):
            return ''.join(self.parts)

    def blocked_exit(status=0, *rest):
        raise SystemExit(status)
    os._exit = blocked_exit
    posix._exit = blocked_exit

    BLOCKED_MODULES = ('js', 'pyodide_js', 'pyodide', '_pyodide', '_pyodide_core', 'ctypes', '_ctypes', 'micropip')
    BLOCKED_EVENTS = ('gc.get_objects', 'gc.get_referrers', 'gc.get_referents', 'sys.settrace', 'sys.setprofile',
                      'sys._current_frames', 'sys._current_exceptions', 'os.system', 'os.exec', 'os.posix_spawn',
                      'os.spawn', 'os.fork', 'os.kill', 'os.killpg', 'subprocess.Popen', 'sys.monitoring.register_callback',
                      'cpython._PySys_ClearAuditHooks', 'sys.remote_exec')
    BLOCKED_PREFIXES = ('socket.', 'ctypes.', 'webbrowser.', 'urllib.Request', 'http.client.', 'ftplib.', 'smtplib.')
    sealed = [False]
    protected_types = set()

    # Changes that restore cannot undo: the runtime is replaced after the solution that made them.
    # A class of the standard library changed however it was reached (object.__subclasses__()
    # needs no import), or the file system written to (the next solution would read it).
    tainted = [False]
    WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
    FS_EVENTS = frozenset(('os.mkdir', 'os.rmdir', 'os.remove', 'os.rename', 'os.link', 'os.symlink', 'os.truncate',
                           'os.chmod', 'os.chown', 'os.utime', 'os.mkfifo', 'os.mknod', 'os.chflags', 'os.lockf'))

    def audit(event, args):
        # Arguments are read with the builtin types' own methods: no solution code runs in here.
        if not sealed[0]:
            return
        if event == 'import':
            if _str.partition(args[0], '.')[0] in BLOCKED_MODULES:
                raise ImportError('module ' + _str.__str__(args[0]) + ' is not available in the sandbox')
        elif event == 'open':
            mode, flags = args[1], args[2]
            if (mode is not None and not _set(_str.__str__(mode)).isdisjoint('wax+')) or (_type(flags) is _int and flags & WRITE_FLAGS):
                tainted[0] = True
        elif event in FS_EVENTS:
            tainted[0] = True
        elif event == 'object.__setattr__' or event == 'object.__delattr__':
            target = _id(args[0])
            if target in harness_types or (target in protected_functions and _str.__eq__(_str.__str__(args[1]), '__code__')):
                raise PermissionError('the harness cannot be changed')
            if target in protected_types:
                tainted[0] = True
        elif event in BLOCKED_EVENTS or _str.startswith(event, BLOCKED_PREFIXES):
            raise PermissionError(event + ' is not allowed in the sandbox')
    protected_functions = set()
    harness_types = set()
    sys.addaudithook(audit)

    # The state every solution starts from, taken when the interpreter is sealed. Putting back
    # every module after every solution costs milliseconds, so imports are recorded and only the
    # modules a solution imported (plus builtins, sys and what they reach) are restored and checked.
    baseline = {}          # name -> module
    names = []             # baseline names, in order
    objects = []           # baseline modules, in the same order
    family = {}            # top-level name -> baseline names under it, and modules they reference
    holders = {}           # baseline name -> (its namespace, its other state), see state_of
    classes = {}           # baseline name -> its classes' namespaces, attribute count, values; '*': every class
    base = {}
    touched = set()
    ALWAYS = ('builtins', 'sys', '__main__')
    WIDE = ('importlib', 'gc', 'inspect')   # made to reach any module: check everything

    real_import = builtins.__import__

    def recording_import(name, globals=None, locals=None, fromlist=(), level=0):
        if level == 0:
            touched.add(name.partition('.')[0])
        return real_import(name, globals, locals, fromlist, level)

    importlib = __import__('importlib')
    real_import_module = importlib.import_module

    def recording_import_module(name, package=None):
        touched.add(name.partition('.')[0])
        return real_import_module(name, package)

    studied = {}   # module name -> (classes it defines, ids of the modules it references, its other state)
    mutable_types = []   # every class that can be changed (written in Python), found by study
    IMMUTABLE_TYPE = 1 << 8

    def study(module_names):
        """What seal needs to know of each module, worked out ahead where possible: setup runs
        before the memory snapshot, so sandbox processes start with most of it done."""
        module_ids = {_id(m) for m in sys.modules.values()}
        for name in module_names:
            mod = sys.modules.get(name)
            d = getattr(mod, '__dict__', None)
            if name in studied or _type(d) is not _dict:
                continue
            own, refs = [], []
            for v in _list(d.values()):
                if _isinstance(v, _type):
                    protected_types.add(_id(v))
                    # Classes written in Python can be changed; builtin ones cannot.
                    if v.__module__ == name and name != 'builtins':
                        own.append(v)
                elif _id(v) in module_ids:
                    refs.append(_id(v))
            studied[name] = (own, refs, find_holders(d, _tuple(c.__dict__ for c in own)))
        # Every class that exists now, also those no module names (reached with object.__subclasses__()).
        stack = [object]
        while stack:
            for sub in _type.__subclasses__(stack.pop()):
                if _id(sub) not in protected_types:
                    protected_types.add(_id(sub))
                    stack.append(sub)
                    if not sub.__flags__ & IMMUTABLE_TYPE and _id(sub) not in harness_types:
                        mutable_types.append(sub)

    def classes_of(types):
        spaces = _tuple(t.__dict__ for t in types)
        values = _tuple(_flat(_map(_values, spaces)))
        return spaces, _len(values), values

    def class_changed(entry):
        # Whether any attribute of these classes was added, removed or replaced, by C loops only
        # (identity, never ==, so that no replaced value's code runs here).
        spaces, count, values = entry
        return _sum(_map(_len, spaces)) != count or not _all(_map(_is, _flat(_map(_values, spaces)), values))

    CONTAINERS = (_dict, _list, _set)
    _module = _type(sys)
    # Put back by their own code: the import system, and builtins (in every namespace as __builtins__).
    OWN_CODE = {_id(sys.modules), _id(sys.path), _id(sys.meta_path), _id(builtins.__dict__)}

    def find_holders(namespace, class_spaces):
        """The mutable state a module keeps besides its namespace: the dicts, lists and sets among
        its values and its classes' attributes, and the attributes of the objects it holds (json's
        default encoder, say) with their own containers. A solution that changed any of them would
        otherwise change what the next one runs with."""
        found = []
        seen = _set(OWN_CODE)
        def add(v, depth):
            t = _type(v)
            if t in SCALARS or _id(v) in seen:
                return
            seen.add(_id(v))
            if t in CONTAINERS:
                found.append(v)
            elif depth and t is not _module and not _isinstance(v, _type):
                try:
                    d = object.__getattribute__(v, '__dict__')
                except _BaseException:
                    return
                if _type(d) is _dict and _id(d) not in seen:
                    seen.add(_id(d))
                    found.append(d)
                    for item in _list(d.values()):
                        add(item, depth - 1)
        for v in _list(namespace.values()):
            add(v, 1)
        for space in class_spaces:
            for v in _list(space.values()):
                add(v, 0)
        return found

    def state_of(objects):
        """Dicts, lists and sets with copies and every key, value and item in order, so that one
        pass of C loops tells whether any of them changed."""
        dicts = _tuple(o for o in objects if _type(o) is _dict)
        others = _tuple(o for o in objects if _type(o) is not _dict)
        copies = _tuple(_type(o)(o) for o in dicts + others)
        flat = _tuple(_flat((_flat(dicts), _flat(_map(_values, dicts)), _flat(others))))
        return dicts, others, _sum(_map(_len, dicts + others)), flat, copies

    def state_changed(entry):
        # Identity only, in C: no solution object's __eq__ or __hash__ runs here. A set changed
        # and changed back may iterate in another order: it is then put back, which is harmless.
        dicts, others, total, flat, _ = entry
        return (_sum(_map(_len, dicts)) + _sum(_map(_len, others)) != total or
                not _all(_map(_is, _flat((_flat(dicts), _flat(_map(_values, dicts)), _flat(others))), flat)))

    def put_back(entry, replaced):
        dicts, others, _, _, copies = entry
        for live, saved in _zip(dicts + others, copies):
            t = _type(live)
            if _len(live) == _len(saved) and (_all(_map(_is, live, saved)) if t is _list else
                                              t is _dict and _all(_map(_is, live, saved)) and _all(_map(_is, _values(live), _values(saved)))):
                continue
            replaced.append(t(live))  # dropped by JavaScript after restore returns: finalizers run then
            if t is _dict:
                _dict_clear(live)
                _dict_update(live, saved)
            elif t is _list:
                live[:] = saved
            else:
                live.clear()
                live.update(saved)

    def seal():
        # Modules that reach the JavaScript host go; the audit hook refuses them from now on.
        for name in _list(sys.modules):
            if name in BLOCKED_MODULES or name.split('.')[0] in BLOCKED_MODULES:
                del sys.modules[name]
        builtins.__import__ = recording_import
        importlib.import_module = recording_import_module
        # No host details: a fixed environment (the snapshot maker's own is not ours to show).
        os.environ.clear()
        os.environ.update({'HOME': '/home/pyodide', 'USER': 'sandbox', 'LANG': 'C.UTF-8', 'PATH': '/', 'PWD': '/'})
        for name, mod in _list(sys.modules.items()):
            d = getattr(mod, '__dict__', None)
            if _type(d) is not _dict:
                continue
            baseline[name] = mod
            names.append(name)
            objects.append(mod)
        study(names)
        by_id = {_id(baseline[n]): n for n in names}
        for name in names:
            group = family.setdefault(name.partition('.')[0], [])
            if name not in group:
                group.append(name)
            for other in (by_id.get(i) for i in studied[name][1]):
                if other is not None and other not in group:
                    group.append(other)  # os reaches posixpath as os.path
        for name in names:
            holders[name] = (state_of((baseline[name].__dict__,)), state_of(studied[name][2]))
            if studied[name][0]:
                classes[name] = classes_of(studied[name][0])
        classes['*'] = classes_of(mutable_types)
        base['path'] = _list(sys.path)
        base['meta_path'] = _list(sys.meta_path)
        base['environ'] = _dict(os.environ)
        base['limit'] = sys.getrecursionlimit()
        base['cwd'] = os.getcwd()
        if 'random' in sys.modules:
            sys.modules['random'].seed()
        sealed[0] = True

    stdin_eof = io.StringIO('')

    captures = [None, None]

    def begin(stdin, limit):
        """Fresh globals and fresh standard streams for one test; returns the globals."""
        captures[0], captures[1] = Capture(limit), Capture(limit)
        sys.stdout, sys.stderr = captures
        sys.stdin = io.StringIO(stdin) if stdin is not None else stdin_eof
        return {'__name__': '__main__', '__builtins__': builtins}

    def collect():
        """What the test printed: (stdout, stderr, cut at the limit)."""
        out, err = captures
        captures[0] = captures[1] = None
        return (out.text(), err.text(), out.over or err.over) if out is not None else ('', '', False)

    def restore(introspects):
        """Puts the modules a solution could have changed back as they were, after its last test.
        Returns whether the solution made a change that cannot be undone (see tainted: the runtime
        must be replaced) and what was replaced, so that JavaScript drops it (and any finalizer
        runs) after this frame is gone."""
        replaced = []
        mods = sys.modules
        if _len(mods) != _len(names) or not _all(_map(_is, _map(mods.get, names), objects)):
            for name in _list(mods):
                if name not in baseline:
                    replaced.append(mods.pop(name))
            for name, mod in _zip(names, objects):
                if mods.get(name) is not mod:
                    mods[name] = mod
            touched.add('sys')
        # A solution that reaches objects by introspection (object.__subclasses__(), getattr…) may
        # have changed anything: everything is checked then.
        wide = introspects or not touched.isdisjoint(WIDE)
        chosen = names if wide else {n for top in touched for n in family.get(top, ())}.union(ALWAYS)
        unfixable, tainted[0] = tainted[0], False
        for name in chosen:
            state = holders.get(name)
            if state is None:
                continue
            namespace, other = state
            if state_changed(namespace):
                put_back(namespace, replaced)
            # The rest of a module's state and its classes are checked in the packages imported by
            # name (json, json.encoder…), not in every module those reach: that is where a
            # solution changes them.
            if wide or name.partition('.')[0] in touched:
                if state_changed(other):
                    put_back(other, replaced)
                cls = classes.get(name)
                if cls is not None and not unfixable:
                    unfixable = class_changed(cls)
        if wide and not unfixable:
            unfixable = class_changed(classes['*'])
        if wide or 'sys' in touched:
            sys.path[:] = base['path']
            sys.meta_path[:] = base['meta_path']
            sys.setrecursionlimit(base['limit'])
        if wide or 'os' in touched or 'posix' in touched:
            if _dict(os.environ) != base['environ']:
                os.environ.clear()
                os.environ.update(base['environ'])
            try:
                os.chdir(base['cwd'])
            except _BaseException:
                pass
        gc.enable()
        # As in a fresh process: the snapshot would otherwise give every runtime the same sequence.
        if wide or 'random' in touched:
            mods['random'].seed() if 'random' in mods else None
        touched.clear()
        return unfixable, replaced

    def load(code, filename):
        return _compile(code, filename, 'exec', dont_inherit=True)

    def entry(g, dotted):
        parts = dotted.split('.')
        if parts[0] not in g:
            raise NameError('name ' + _quote(parts[0]) + ' is not defined')
        v = g[parts[0]]
        for p in parts[1:]:
            v = getattr(v, p)
        return v

    def args_of(text):
        return _tuple(_loads(text))

    def call(fn, args):
        return fn(*args)

    MAX_DEPTH = 200

    def serialize(v, max_chars):
        """JSON text for plain data, read through the builtin types' own methods so that a
        returned object's __eq__, __repr__, __iter__ or getters never run."""
        out = []
        size = [0]
        active = set()
        def put(s):
            size[0] += _len(s)
            if size[0] > max_chars:
                raise OverflowError('value too large to compare')
            out.append(s)
        def tagged(kind, value):
            put('{' + _quote(TAG) + ':' + _quote(kind) + ',"value":' + _quote(value) + '}')
        def walk(x, depth):
            t = _type(x)
            if x is None:
                put('null')
            elif t is _bool:
                put('true' if x else 'false')
            elif _isinstance(x, _int) and t is not _bool and not _isinstance(x, _bool):
                n = _int.__int__(x)
                if -9007199254740991 <= n <= 9007199254740991:
                    put(_int_repr(n))
                else:
                    try:
                        tagged('bigint', _int_repr(n))
                    except ValueError:
                        tagged('unsupported', 'int too large')
            elif _isinstance(x, _float):
                f = _float.__float__(x)
                if f != f:
                    tagged('float', 'nan')
                elif f in (float('inf'), float('-inf')):
                    tagged('float', 'inf' if f > 0 else '-inf')
                else:
                    put(_float_repr(f))
            elif _isinstance(x, _str):
                put(_quote(_str.__str__(x)))
            elif _isinstance(x, (_list, _tuple, _dict)):
                if depth > MAX_DEPTH:
                    raise OverflowError('value nested too deeply')
                if _id(x) in active:
                    raise ValueError('value contains itself')
                active.add(_id(x))
                if _isinstance(x, _dict):
                    put('{')
                    first = True
                    for k, item in _list(_dict.items(x)):
                        if not first:
                            put(',')
                        first = False
                        kt = _type(k)
                        if kt is _str:
                            put(_quote(k))
                        elif kt is _bool or k is None:
                            put(_quote('true' if k is True else 'false' if k is False else 'null'))
                        elif kt is _int:
                            put(_quote(_int_repr(k)))
                        elif kt is _float:
                            put(_quote(_float_repr(k)))
                        else:
                            raise TypeError('dictionary key of type ' + kt.__name__)
                        put(':')
                        walk(item, depth + 1)
                    put('}')
                else:
                    items = _list.__iter__(x) if _isinstance(x, _list) else _tuple.__iter__(x)
                    put('[')
                    first = True
                    for item in items:
                        if not first:
                            put(',')
                        first = False
                        walk(item, depth + 1)
                    put(']')
                active.discard(_id(x))
            else:
                tagged('unsupported', t.__name__ if _type(t.__dict__.get('__name__')) is not _str else 'object')
        walk(v, 0)
        return ''.join(out)

    SCALARS = _frozenset((_int, _float, _str, _bool, _type(None)))

    def plain(x, depth=0):
        """A copy of x made only of builtin data types, for HumanEval-style checks that compare
        with ==: an object that overrides __eq__ becomes an opaque value equal only to itself."""
        t = _type(x)
        if t in SCALARS:
            return x
        # Flat containers of exact builtin scalars are copied by C loops alone: most returned
        # values, and the per-element walk below would cost more than the solution's own work.
        if t is _list or t is _tuple or t is _set or t is _frozenset:
            if _set(_map(_type, x)) <= SCALARS:
                return x if t is _tuple or t is _frozenset else t(x)
        elif t is _dict and _set(_map(_type, _dict.keys(x))) <= SCALARS and _set(_map(_type, _dict.values(x))) <= SCALARS:
            return _dict.copy(x)
        if depth > MAX_DEPTH:
            raise OverflowError('value nested too deeply')
        if _isinstance(x, _int):
            return _int.__int__(x)
        if _isinstance(x, _float):
            return _float.__float__(x)
        if _isinstance(x, _str):
            return _str.__str__(x)
        if t is bytes or t is complex or t is range:
            return x
        if _isinstance(x, _list):
            return [plain(i, depth + 1) for i in _list.__iter__(x)]
        if _isinstance(x, _tuple):
            return _tuple(plain(i, depth + 1) for i in _tuple.__iter__(x))
        if _isinstance(x, _dict):
            return {plain(k, depth + 1): plain(i, depth + 1) for k, i in _list(_dict.items(x))}
        if _isinstance(x, _frozenset):
            return _frozenset(plain(i, depth + 1) for i in _frozenset.__iter__(x))
        if _isinstance(x, _set):
            return _set(plain(i, depth + 1) for i in _set.__iter__(x))
        # A standard library value (a Fraction, a date) compares as itself, unless some class of the
        # library was changed during this solution's run.
        if _id(t) in protected_types and not tainted[0] and t.__module__ != 'builtins':
            return x
        return Opaque(t)

    class Opaque:
        __slots__ = ('kind',)
        def __init__(self, t):
            self.kind = t.__name__ if _type(t.__dict__.get('__name__')) is not _str else 'object'
        def __eq__(self, other):
            return self is other
        def __ne__(self, other):
            return self is not other
        __hash__ = object.__hash__
        def __repr__(self):
            return '<' + self.kind + ' object>'

    def candidate(fn):
        def checked(*a, **k):
            return plain(fn(*a, **k))
        return checked

    def check(check_fn, fn):
        return check_fn(candidate(fn))

    for f in (seal, recording_import, recording_import_module, begin, collect, check, restore, load, entry, args_of, call, serialize, plain, candidate):
        protected_functions.add(_id(f))
        protected_functions.add(_id(f.__code__))
    for t in (Capture, Opaque, OutputLimit):
        harness_types.add(_id(t))
    study(_list(sys.modules))
    return {'seal': seal, 'begin': begin, 'collect': collect, 'check': check, 'restore': restore, 'load': load, 'entry': entry, 'args_of': args_of,
            'call': call, 'serialize': serialize, 'exec': _exec}
`;
