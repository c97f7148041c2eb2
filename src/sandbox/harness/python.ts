// The Python side of the test harness, run once per interpreter before any untrusted code.
// It must not keep anything a solution could use to change a verdict: JavaScript drives each test
// and calls the solution itself, so no harness frame is live while solution code runs; verdicts
// are decided on the host from the data returned here.
export const PYTHON_HARNESS = String.raw`
def _veredicto_setup(TAG):
    import sys, builtins, os, io, gc, _json, itertools, posix, _imp
    _type, _len, _str, _int, _float, _bool, _list, _tuple, _dict = type, len, str, int, float, bool, list, tuple, dict
    _set, _frozenset, _id, _isinstance = set, frozenset, id, isinstance
    _BaseException, _Exception = BaseException, Exception
    CodeType = _type(_veredicto_setup.__code__)
    FunctionType = _type(_veredicto_setup)
    _range = range
    _sorted = sorted
    MISSING = object()

    def _safe(fn, *a):
        try:
            return fn(*a)
        except _BaseException:
            return MISSING
    _quote = _json.encode_basestring_ascii
    _float_repr, _int_repr, _obj_repr = float.__repr__, int.__repr__, object.__repr__
    _compile, _exec = compile, exec
    _dict_copy, _dict_clear, _dict_update = dict.copy, dict.clear, dict.update
    _loads = __import__('json').loads
    _all, _map, _is, _flat, _zip, _sum = all, map, __import__('operator').is_, itertools.chain.from_iterable, zip, sum
    _values = __import__('operator').methodcaller('values')
    codecs_utf8_decoder = __import__('codecs').getincrementaldecoder('utf-8')
    TextIOWrapper, BytesIO = io.TextIOWrapper, io.BytesIO

    class OutputLimit(BaseException):
        pass

    class Sink:
        """What the output streams share: written to, never read."""
        __slots__ = ()
        def writelines(self, lines):
            for s in lines:
                self.write(s)
        def flush(self):
            pass
        def writable(self):
            return True
        def readable(self):
            return False

    class Capture(Sink):
        """A text stream that keeps at most limit characters and then stops the program."""
        __slots__ = ('parts', 'size', 'limit', 'over', 'buffer')
        encoding = 'utf-8'
        errors = 'strict'
        def __init__(self, limit, *, _v=None):
            self.parts, self.size, self.limit, self.over = [], 0, limit, False
            self.buffer = _v[0](self, _v[1]('replace'))
        def write(self, s, *, _v=None):
            type_, str_, len_, max_, limit_reached = _v   # no closure: see recording_import
            if type_(s) is not str_:
                raise TypeError('write() argument must be str')
            room = self.limit - self.size
            if len_(s) > room:
                self.parts.append(s[:max_(room, 0)])
                self.size = self.limit
                self.over = True
                raise limit_reached('output limit reached')
            self.parts.append(s)
            self.size += len_(s)
            return len_(s)
        def reconfigure(self, **settings):
            pass   # sys.stdout.reconfigure(encoding='utf-8') is common and changes nothing here
        def isatty(self):
            return False
        def fileno(self, *, _v=None):
            raise _v('fileno')
        def text(self):
            return ''.join(self.parts)

    class CaptureBytes(Sink):
        """sys.stdout.buffer: bytes written to it are UTF-8 text of the stream it belongs to (fast
        output with sys.stdout.buffer.write is common in competitive programming)."""
        __slots__ = ('text', 'decoder')
        def __init__(self, text, decoder):
            self.text, self.decoder = text, decoder
        def write(self, b, *, _v=None):
            bytes_, len_ = _v
            data = bytes_(b)
            self.text.write(self.decoder.decode(data))
            return len_(data)

    Capture.write.__kwdefaults__ = {'_v': (_type, _str, _len, max, OutputLimit)}
    Capture.fileno.__kwdefaults__ = {'_v': io.UnsupportedOperation}
    Capture.__init__.__kwdefaults__ = {'_v': (CaptureBytes, codecs_utf8_decoder)}
    CaptureBytes.write.__kwdefaults__ = {'_v': (bytes, _len)}

    def blocked_exit(status=0, *rest):
        raise SystemExit(status)
    os._exit = blocked_exit
    posix._exit = blocked_exit

    # Modules that reach the JavaScript host or the interpreter's memory (ctypes, the C test modules).
    BLOCKED_MODULES = _frozenset(('js', 'pyodide_js', 'pyodide', '_pyodide', '_pyodide_core', 'ctypes', '_ctypes', 'micropip',
                                  '_testcapi', '_testinternalcapi', '_testlimitedcapi', '_testbuffer', '_testclinic',
                                  '_testclinic_limited', '_xxtestfuzz', '_remote_debugging', 'xxsubtype', '_posixsubprocess',
                                  'pyodide_http', '_lsprof'))

    def is_blocked(name):
        return _str.partition(name, '.')[0] in BLOCKED_MODULES
    BLOCKED_EVENTS = ('sys.addaudithook', 'gc.get_objects', 'gc.get_referrers', 'gc.get_referents', 'sys.settrace', 'sys.setprofile',
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
    FRAME_ATTRIBUTES = frozenset(('tb_frame', 'gi_frame', 'cr_frame', 'ag_frame'))
    DEFAULTS = frozenset(('__defaults__', '__kwdefaults__'))
    in_hook = [False]
    # The standard library's own compiles that make no code: namedtuple and dataclasses build code
    # from names they have checked are identifiers; ast.parse (and literal_eval) only ever asks for
    # a tree (PyCF_ONLY_AST), which traceback does to place its carets when it formats an exception,
    # a timed-out test's KeyboardInterrupt included. A tree runs only once compiled again, by its caller.
    GENERATED_BY = ('/collections/__init__.py', '/dataclasses.py', '/ast.py')
    running = [False]      # solution or test code is running (see guarded): Pyodide's own traceback formatting is not
    DYNAMIC_EVENTS = frozenset(('compile', 'marshal.loads', 'marshal.load', 'code.__new__'))
    _getframe = sys._getframe
    dynamic = [False]      # the solution compiled or ran code of its own making (see audit)
    loading = [False]      # the harness is compiling a solution or a test (see load)
    WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
    FS_EVENTS = frozenset(('os.mkdir', 'os.rmdir', 'os.remove', 'os.rename', 'os.link', 'os.symlink', 'os.truncate',
                           'os.chmod', 'os.chown', 'os.utime', 'os.mkfifo', 'os.mknod', 'os.chflags', 'os.lockf'))

    # The standard library is in a zip archive with no compiled files: importing a module of it not
    # loaded yet (fractions, decimal, statistics; they leave sys.modules after each solution) compiles
    # its source inside zipimport. The code is kept, by path and source, so the next solution that
    # imports it runs it again without compiling it again (code objects are immutable).
    zipimport = sys.modules.get('zipimport') or __import__('zipimport')
    real_compile_source = zipimport._compile_source
    ZIP_CODE_LIMIT = 512

    def compile_source(pathname, source, *, _v=None):
        cache, real, type_, str_, bytes_, len_, limit = _v
        key = (str_.__str__(pathname), bytes_(source)) if type_(pathname) is str_ else None
        code = cache.get(key) if key is not None else None
        if code is None:
            code = real(pathname, source)
            if key is not None and len_(cache) < limit:
                cache[key] = code
        return code
    compile_source.__kwdefaults__ = {'_v': ({}, real_compile_source, _type, _str, bytes, _len, ZIP_CODE_LIMIT)}  # no closure: see recording_import
    zipimport._compile_source = compile_source

    def zipped_import():
        # Only zipimport's own calls: a solution that calls zipimport's helpers with a source of its
        # own is the caller of compile_source, and is caught.
        in_hook[0] = True
        try:
            return _getframe(3).f_code is compile_source.__code__ and _getframe(4).f_code.co_filename == '<frozen zipimport>'
        except _BaseException:
            return False
        finally:
            in_hook[0] = False

    def audit(event, args):
        # Arguments are read with the builtin types' own methods: no solution code runs in here.
        if not sealed[0]:
            return
        if event == 'import':
            if is_blocked(_str.__str__(args[0])):
                raise ImportError('module ' + _str.__str__(args[0]) + ' is not available in the sandbox')
        elif event == 'open':
            mode, flags = args[1], args[2]
            if (mode is not None and not _set(_str.__str__(mode)).isdisjoint('wax+')) or (_type(flags) is _int and flags & WRITE_FLAGS):
                tainted[0] = True
        elif event == 'exec':
            # Source of a blocked package run by any loader (PathFinder, zipimport, a spec by hand).
            code = args[0]
            if _type(code) is CodeType and not _set(_str.split(_str.__str__(code.co_filename), '/')[:-1]).isdisjoint(BLOCKED_MODULES):
                raise ImportError('module ' + _str.__str__(code.co_filename) + ' is not available in the sandbox')
        elif event == 'object.__getattr__' and _str.__str__(args[1]) in DEFAULTS and _id(args[0]) in protected_functions:
            # What a reachable harness function needs (see recording_import) is for it alone.
            raise PermissionError('the harness cannot be read')
        elif event == 'sys._getframe' or (event == 'object.__getattr__' and _str.__str__(args[1]) in FRAME_ATTRIBUTES):
            # A frame of the harness (the call that sanitises what a solution returns is one) has
            # locals that write through (PEP 667): no frame for solution or test code. The harness's
            # own look at its caller (below) is let through.
            if running[0] and not in_hook[0]:
                raise PermissionError('frames are not available in the sandbox')
        elif event in DYNAMIC_EVENTS:
            # Code made at run time (eval, exec of a string, typing's string annotations, timeit,
            # marshal, a CodeType by hand) can reach anything by names no scan of the source sees:
            # the runtime is replaced after the solution. The import system compiling a module is not that.
            if not loading[0]:
                in_hook[0] = True
                try:
                    where = _str.__str__(_getframe(1).f_code.co_filename)
                finally:
                    in_hook[0] = False
                # The import system, and the standard library's compiles of GENERATED_BY: nothing
                # of the solution's making.
                if not (_str.startswith(where, '<frozen importlib') or _str.endswith(where, GENERATED_BY) or (where == '<frozen zipimport>' and zipped_import())):
                    dynamic[0] = True
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
    WIDE = ('importlib', 'gc', 'inspect', '_frozen_importlib', '_frozen_importlib_external', '_imp')   # made to reach any module: check everything

    real_import = builtins.__import__

    # Functions the solution can reach (put in builtins or in a module) hold no closure: its cells
    # would hand the solution the harness's state (sealed, the real _imp.create_builtin). What they
    # need comes in a keyword-only default, which the audit hook refuses to show (see audit).
    def recording_import(name, globals=None, locals=None, fromlist=(), level=0, *, _v=None):
        touched, real_import, sealed, imported, partition = _v
        if level == 0:
            touched.add(partition(name, '.')[0])
        got = real_import(name, globals, locals, fromlist, level)
        if sealed[0]:
            imported()
        return got

    importlib = __import__('importlib')
    real_import_module = importlib.import_module

    def recording_import_module(name, package=None, *, _v=None):
        touched, real_import_module, sealed, imported, partition = _v
        touched.add(partition(name, '.')[0])
        got = real_import_module(name, package)
        if sealed[0]:
            imported()
        return got

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
    OWN_CODE = {_id(sys.modules), _id(sys.path), _id(sys.meta_path), _id(sys.path_hooks), _id(builtins.__dict__)}

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
        # An object a class holds is dug as one a namespace holds: logging's Manager is Logger.manager,
        # and it keeps logging.disable()'s level and every logger made by getLogger.
        for space in class_spaces:
            for v in _list(space.values()):
                add(v, 1)
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

    def seal_js():
        """Python must never hold a JavaScript object, by any route (docs/sandbox-state.md lists
        them). Pyodide's own modules are where such objects and the functions that make them live:
        they leave sys.modules, their namespaces are emptied (functions and classes of theirs that
        stay reachable through object.__subclasses__() then find nothing in their globals), the
        finder that imports 'js' leaves the import system, the classes that can make a JavaScript
        object (JsException(...) builds a JavaScript Error) refuse to be instantiated, and the
        low-level loaders refuse to build a blocked module again, whatever route asks them."""
        module_type = _type(sys)
        # What Pyodide patched into the standard library goes back to the original first
        # (time.sleep, asyncio.run, the event loop policy), or it would fail once emptied below.
        originals = {}
        for name, mod in _list(sys.modules.items()):
            if is_blocked(name) and _type(mod) is module_type:
                for k, v in _list(mod.__dict__.items()):
                    if _str.startswith(k, '_orig_'):
                        originals[k[6:]] = v
        for name, mod in _list(sys.modules.items()):
            d = getattr(mod, '__dict__', None)
            if is_blocked(name) or _type(d) is not _dict:
                continue
            for k, v in _list(d.items()):
                if _isinstance(v, FunctionType) and is_blocked(_str(v.__globals__.get('__name__', ''))):
                    if '__wrapped__' in v.__dict__:
                        d[k] = v.__dict__['__wrapped__']
                    elif k in originals:
                        d[k] = originals[k]
                    elif name == 'sys' and ('__' + k + '__') in d:
                        d[k] = d['__' + k + '__']
        events = sys.modules.get('asyncio.events')
        if events is not None and is_blocked(_str(_type(getattr(events, '_event_loop_policy', None)).__module__)):
            events._event_loop_policy = None
            if is_blocked(_str(_type(events._get_running_loop()).__module__)):
                events._set_running_loop(None)
        # The C module's own types call themselves builtins (Py2JsConverter…): taken from its namespace.
        core = sys.modules.get('_pyodide_core')
        pyodide_classes = [v for v in _list(getattr(core, '__dict__', {}).values())
                           if _isinstance(v, _type) and v.__module__ == 'builtins' and getattr(builtins, v.__name__, None) is not v]
        for name in _list(sys.modules):
            if is_blocked(name):
                mod = sys.modules.pop(name)
                if _type(mod) is module_type:
                    _dict_clear(mod.__dict__)
                    mod.__name__ = name
        for finder in _list(sys.meta_path):
            if is_blocked(_str(getattr(finder, '__module__', '') or '')):
                sys.meta_path.remove(finder)
                d = getattr(finder, '__dict__', None)
                if _type(d) is _dict:
                    _dict_clear(d)
        for hook in _list(sys.path_hooks):
            if is_blocked(_str(getattr(hook, '__module__', '') or '')):
                sys.path_hooks.remove(hook)
        sys.path_importer_cache.clear()
        # Every class Pyodide defined, also those no module names any more.
        stack = [object]
        seen = _set()
        while stack:
            for sub in _type.__subclasses__(stack.pop()):
                if _id(sub) not in seen:
                    seen.add(_id(sub))
                    stack.append(sub)
                    if is_blocked(_str(sub.__dict__.get('__module__', '') or '')) or is_blocked(_str(_type(sub).__module__)):
                        pyodide_classes.append(sub)
        def refuse(*a, **k):
            raise PermissionError('JavaScript objects are not available in the sandbox')
        pyodide_set = _set(pyodide_classes)
        for cls in pyodide_classes:
            try:
                _type.__setattr__(cls, '__new__', staticmethod(refuse))
                _type.__setattr__(cls, '__init_subclass__', classmethod(refuse))
            except _BaseException:
                pass
            # Class attributes that are Pyodide objects go (converters holding JavaScript-side
            # objects), and what a class offers without an instance refuses. The rest stays:
            # Pyodide's C code reads some (a JsProxy freed later looks up _js_type_flags).
            for k, v in _list(cls.__dict__.items()):
                if k == '__new__' or k == '__init_subclass__':
                    continue
                try:
                    if _isinstance(v, (staticmethod, classmethod)):
                        _type.__setattr__(cls, k, staticmethod(refuse))
                    elif _type(v) in pyodide_set:
                        _type.__delattr__(cls, k)
                except _BaseException:
                    pass
        # The C loaders, however reached (import, importlib, a spec handed to BuiltinImporter or
        # ExtensionFileLoader): a blocked module is never built, nor a loaded builtin module again
        # (a second copy of _imp or posix would bring back what is taken away here).
        loaded = _frozenset(n for n in sys.builtin_module_names if n in sys.modules)
        real_builtin, real_dynamic = _imp.create_builtin, _imp.create_dynamic
        def create_builtin(spec, *rest, _v=None):
            is_blocked, loaded, real_builtin, str_, error = _v
            name = str_(spec.name)
            if is_blocked(name) or name in loaded:
                raise error('module ' + name + ' is not available in the sandbox', name=name)
            return real_builtin(spec, *rest)
        def create_dynamic(spec, *rest, _v=None):
            is_blocked, real_dynamic, str_, error = _v
            name = str_(spec.name)
            if is_blocked(name) or is_blocked(str_.rpartition(name, '.')[2]):
                raise error('module ' + name + ' is not available in the sandbox', name=name)
            return real_dynamic(spec, *rest)
        create_builtin.__kwdefaults__ = {'_v': (is_blocked, loaded, real_builtin, _str, ImportError)}
        create_dynamic.__kwdefaults__ = {'_v': (is_blocked, real_dynamic, _str, ImportError)}
        _imp.create_builtin = create_builtin
        _imp.create_dynamic = create_dynamic
        protected_functions.update((_id(create_builtin), _id(create_dynamic), _id(create_builtin.__code__), _id(create_dynamic.__code__)))

    # Honest code formats tracebacks (traceback.format_exc) and logs (logging.warning looks for its
    # caller): neither may hand it a frame, whose f_back climbs to the harness. traceback gets
    # views of the frames (code and line, no globals, locals or f_back) while solution or test code
    # runs; logging and inspect.currentframe get None, as on an interpreter without frames.
    def view_frames():
        import traceback, logging, inspect, types
        logging.currentframe = inspect.currentframe = _type(None)
        def tb_views(tb, full=False, *, _v=None):
            in_hook, tb_type, view, position, type_ = _v
            while tb is not None:
                if type_(tb) is not tb_type:
                    raise TypeError('not a traceback')
                in_hook[0] = True
                try:
                    code = tb.tb_frame.f_code
                finally:
                    in_hook[0] = False
                frame = view(f_code=code, f_globals={}, f_locals={}, f_lineno=tb.tb_lineno, f_back=None)
                if full:
                    p = position(code, tb.tb_lasti)
                    yield frame, ((tb.tb_lineno,) + p[1:] if p[0] is None else p)
                else:
                    yield frame, tb.tb_lineno
                tb = tb.tb_next
        def walk_tb(tb, *, _v=None):
            running, original, views = _v
            return views(tb) if running[0] else original(tb)
        def walk_tb_with_full_positions(tb, *, _v=None):
            running, original, views = _v
            return views(tb, True) if running[0] else original(tb)
        def compute_suggestion_error(exc_value, tb, wrong_name, *, _v=None):
            running, original = _v
            return None if running[0] else original(exc_value, tb, wrong_name)
        tb_views.__kwdefaults__ = {'_v': (in_hook, types.TracebackType, types.SimpleNamespace, traceback._get_code_position, _type)}
        walk_tb.__kwdefaults__ = {'_v': (running, traceback.walk_tb, tb_views)}
        walk_tb_with_full_positions.__kwdefaults__ = {'_v': (running, traceback._walk_tb_with_full_positions, tb_views)}
        compute_suggestion_error.__kwdefaults__ = {'_v': (running, traceback._compute_suggestion_error)}
        traceback.walk_tb = walk_tb
        traceback._walk_tb_with_full_positions = walk_tb_with_full_positions
        traceback._compute_suggestion_error = compute_suggestion_error
        for f in (tb_views, walk_tb, walk_tb_with_full_positions, compute_suggestion_error):
            protected_functions.add(_id(f))
            protected_functions.add(_id(f.__code__))

    def seal():
        seal_js()
        view_frames()
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
        ast_classes.append(classes_of(AST_TYPES))
        base['path'] = _list(sys.path)
        base['meta_path'] = _list(sys.meta_path)
        base['path_hooks'] = _list(sys.path_hooks)
        base['environ'] = _dict(os.environ)
        base['limit'] = sys.getrecursionlimit()
        base['cwd'] = os.getcwd()
        base['interpreter'] = interpreter_state()
        # How many virtual subclasses each abstract base class has (numbers.Number.register(str)
        # makes isinstance('x', numbers.Number) true): compared only once the ABC token moved.
        abcs.extend(abc_entries(abc_classes))
        sealed_abcs.update(_id(e[0]) for e in abcs)
        base['filters'] = _list(warnings.filters)
        base['signals'] = signals()
        if 'random' in sys.modules:
            sys.modules['random'].seed()
        pristine.update(builtins.__dict__)
        for t in _list(mutable_types) + [c for n in names for c in studied[n][0]]:
            space = _type.__getattribute__(t, '__dict__')
            base_copies[t.__name__] = base_copies.get(t.__name__, ()) + ((space, _dict(space)),)
        for n in names:
            for t in studied[n][0]:
                space = _type.__getattribute__(t, '__dict__')
                module_copies[n] = module_copies.get(n, ()) + ((t.__name__, space, base_copies[t.__name__][-1][1] if base_copies[t.__name__][-1][0] is space else _dict(space)),)
        known_modules.update(names)
        sealed[0] = True

    # Interpreter-wide state kept outside any module's namespace (docs/sandbox-state.md): read
    # after every solution and put back, or, where that is not possible, the runtime is replaced.
    import warnings, signal, atexit, faulthandler, _tracemalloc, _abc, _codecs, codecs, _locale, _thread
    # Abstract base classes: numbers.Number.register(str) makes isinstance('x', numbers.Number)
    # true, and there is no unregistering. Only registrations of classes that outlive the solution
    # (those that existed when the interpreter was sealed) matter: the solution's own classes go
    # with it. The global ABC token moves with every registration, an honest import's too (numbers,
    # fractions and decimal register their own classes), so it only says when to compare.
    abc_dump, abc_token = _abc._get_dump, _abc.get_cache_token
    abcs = []         # (abstract base class, its name, module and name, the sealed classes registered with it) as sealed
    extra_abcs = []   # the same for those of modules imported since the last solution began
    abc_last = [None, ()]   # the token at the last comparison, and the ABCs it found changed

    def registered(t):
        return _frozenset(i for i in _map(_id, (r() for r in abc_dump(t)[0])) if i in protected_types)

    ABCMeta = sys.modules['abc'].ABCMeta
    sealed_abcs = _set()   # ids of those in abcs
    abc_classes = []       # every abstract base class, found once before the memory snapshot (see the end of setup)

    def abc_entries(types):
        return [(t, _type.__getattribute__(t, '__name__'), _str(_type.__getattribute__(t, '__module__')) + '.' + _type.__getattribute__(t, '__qualname__'), registered(t))
                for t in types if _isinstance(t, ABCMeta)]

    def abc_changes():
        token = abc_token()
        if token != abc_last[0]:
            abc_last[0] = token
            abc_last[1] = _tuple(e for e in abcs + extra_abcs if registered(e[0]) != e[3])
        return abc_last[1]
    SIGNALS = _tuple(n for n in _range(1, signal.NSIG) if _safe(signal.getsignal, n) is not MISSING)

    def signals():
        return _tuple(signal.getsignal(n) for n in SIGNALS)

    def umask():
        mask = os.umask(0o022)
        os.umask(mask)
        return mask

    def interpreter_state():
        return (sys.get_int_max_str_digits(), sys.getswitchinterval(), sys.get_asyncgen_hooks(),
                sys.get_coroutine_origin_tracking_depth(), gc.get_threshold(), gc.get_debug(), gc.isenabled(),
                gc.get_freeze_count(), sys.getdlopenflags(), umask(), atexit._ncallbacks(),
                faulthandler.is_enabled(), _tracemalloc.is_tracing(), _abc.get_cache_token(),
                _locale.setlocale(_locale.LC_ALL, None), _tuple(sys.monitoring.get_tool(i) for i in _range(6)),
                _thread.stack_size())

    searches = []   # codec search functions a solution registered: unregistered after it
    real_register, real_register_error = _codecs.register, _codecs.register_error

    def codec_register(search, *, _v=None):
        real_register, searches = _v
        real_register(search)
        searches.append(search)

    def codec_register_error(name, handler, *, _v=None):
        # Error handlers cannot be unregistered: the runtime is replaced after this solution.
        tainted, real_register_error = _v
        tainted[0] = True
        return real_register_error(name, handler)
    codec_register.__kwdefaults__ = {'_v': (real_register, searches)}
    codec_register_error.__kwdefaults__ = {'_v': (tainted, real_register_error)}
    _codecs.register = codecs.register = codec_register
    _codecs.register_error = codecs.register_error = codec_register_error

    def restore_interpreter():
        """Puts back what a solution changed of the interpreter itself; returns True when something
        cannot be put back (the runtime is replaced then)."""
        limits, switch, hooks, depth, threshold, debug, enabled, frozen, dlopen, umask, exits, fault, tracing, _, loc, tools, stack = base['interpreter']
        sys.set_int_max_str_digits(limits)
        sys.setswitchinterval(switch)
        sys.set_asyncgen_hooks(*hooks)
        sys.set_coroutine_origin_tracking_depth(depth)
        gc.set_threshold(*threshold)
        gc.set_debug(debug)
        gc.enable() if enabled else gc.disable()
        if gc.get_freeze_count() != frozen:
            gc.unfreeze()
            if frozen:
                return True
        sys.setdlopenflags(dlopen)
        if _thread.stack_size() != stack:
            _thread.stack_size(stack)
        os.umask(umask)
        if faulthandler.is_enabled() != fault:
            faulthandler.disable() if not fault else faulthandler.enable()
        if _tracemalloc.is_tracing() != tracing:
            _tracemalloc.stop()
        if _locale.setlocale(_locale.LC_ALL, None) != loc:
            _locale.setlocale(_locale.LC_ALL, loc)
        for i in _range(6):
            if sys.monitoring.get_tool(i) != tools[i]:
                sys.monitoring.free_tool_id(i)
        while searches:
            _codecs.unregister(searches.pop())
        live = warnings.filters
        if _len(live) != _len(base['filters']) or not _all(_map(_is, live, base['filters'])):
            live[:] = base['filters']
            warnings._filters_mutated_lock_held() if hasattr(warnings, '_filters_mutated_lock_held') else None
        now = signals()
        if now != base['signals']:
            for n, was, is_now in _zip(SIGNALS, base['signals'], now):
                if was is not is_now:
                    signal.signal(n, was)
        # Callbacks registered with atexit and ABCs given a virtual subclass cannot be taken back one by one.
        if atexit._ncallbacks() != exits:
            return True
        for e in abc_changes():
            if _id(e[0]) in sealed_abcs:
                return True
        return False

    captures = [None, None]

    def begin(stdin, limit):
        """Fresh globals and fresh standard streams for one test; returns the globals."""
        captures[0], captures[1] = Capture(limit), Capture(limit)
        test_builtins[0] = None
        given_codes.clear()
        given_spaces.clear()
        for w in returned_wrappers:
            protected_functions.discard(_id(w))
        returned_wrappers.clear()
        explanation[0] = None
        opaque_kinds.clear()
        sys.stdout, sys.stderr = captures
        # A new stream each test, bytes underneath (sys.stdin.buffer.readline is common): a stream
        # kept between tests could be written to and rewound by one solution for the next.
        sys.stdin = TextIOWrapper(BytesIO(_str.encode(stdin, 'utf-8', 'surrogatepass') if stdin is not None else b''), encoding='utf-8', newline='\n')
        return {'__name__': '__main__', '__builtins__': builtins}

    def collect():
        """What the test printed: (stdout, stderr, cut at the limit)."""
        out, err = captures
        captures[0] = captures[1] = None
        return (out.text(), err.text(), out.over or err.over) if out is not None else ('', '', False)

    def restore():
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
        # A solution that reaches objects by introspection (object.__subclasses__(), getattr…) gets
        # the next one a fresh runtime instead (see the runner); one that imported a module made to
        # reach any other has everything checked.
        wide = not touched.isdisjoint(WIDE)
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
        # The AST node classes, however reached (import _ast names them under another module):
        # changed ones would leave the next solutions' asserts unexplained (see load_test).
        if not unfixable:
            unfixable = class_changed(ast_classes[0])
        # The import system and the process's settings, whoever reached them (os.sys is sys).
        sys.path[:] = base['path']
        sys.meta_path[:] = base['meta_path']
        sys.path_hooks[:] = base['path_hooks']
        sys.setrecursionlimit(base['limit'])
        if _dict(os.environ) != base['environ']:
            os.environ.clear()
            os.environ.update(base['environ'])
        try:
            os.chdir(base['cwd'])
        except _BaseException:
            pass
        if restore_interpreter() or dynamic[0]:
            unfixable = True
        dynamic[0] = False
        extra_copies.clear()
        extra_abcs.clear()
        abc_last[0] = None
        extra_spaces.clear()
        extra_module_copies.clear()
        known_modules.intersection_update(names)
        # As in a fresh process: the snapshot would otherwise give every runtime the same sequence.
        if 'random' in mods:
            mods['random'].seed()
        touched.clear()
        return unfixable, replaced

    def load(code, filename):
        loading[0] = True
        try:
            return _compile(code, filename, 'exec', dont_inherit=True)
        finally:
            loading[0] = False

    # Failed assertions that say what failed (issue 12), as pytest's assertion rewriting does: the
    # test's own assert statements are kept (the interpreter raises AssertionError itself, so no
    # name a solution can shadow decides a verdict) and their operands are stored as they are
    # evaluated, each once and in the same order, in temporaries no source can name ('@v1_0').
    # After a failed assert the harness reads them from the failing frame and shows them with
    # show(), which never runs code of the solution or the test. Rewriting builds AST nodes: it is
    # done only while the node classes are as sealed (a solution that changed one, to make every
    # assert hold, gets its tests compiled from the source as written).
    import _ast
    A = _ast
    _issubclass, _next, _islice = issubclass, next, itertools.islice
    _AssertionError = AssertionError
    _type_name = _type.__dict__['__name__'].__get__
    _str_repr, _bytes_repr, _complex_repr, _range_repr = str.__repr__, bytes.__repr__, complex.__repr__, range.__repr__
    _Ellipsis, _NotImplemented, _bytes, _complex = Ellipsis, NotImplemented, bytes, complex
    AST_TYPES = _tuple(v for v in _list(_ast.__dict__.values()) if _isinstance(v, _type) and _issubclass(v, _ast.AST))
    ast_classes = []       # classes_of(AST_TYPES), taken when sealed
    ONLY_AST = _ast.PyCF_ONLY_AST
    OPERATORS = {A.Eq: '==', A.NotEq: '!=', A.Lt: '<', A.LtE: '<=', A.Gt: '>', A.GtE: '>=', A.Is: 'is', A.IsNot: 'is not',
                 A.In: 'in', A.NotIn: 'not in'}
    FUNCTIONS = (A.FunctionDef, A.AsyncFunctionDef)
    SHOWN_CHARS = 200      # of each value
    SOURCE_CHARS = 400     # of the assert's source
    MESSAGE_CHARS = 1000   # of an assert's own message
    rewritten = {}         # id(code object) -> (the code object, {position: assert}, {line: [assert]}), for every code object of a rewritten test
    explanation = [None]   # what explain found for the test that just failed, taken by explained()

    def located(node, at):
        node.lineno, node.col_offset, node.end_lineno, node.end_col_offset = at.lineno, at.col_offset, at.end_lineno, at.end_col_offset
        return node

    def captured(expr, name):
        # (name := (expr,))[0]: the value, evaluated once, and in name a 1-tuple that says it was evaluated.
        store = located(A.Name(id=name, ctx=A.Store()), expr)
        kept = located(A.NamedExpr(target=store, value=located(A.Tuple(elts=[expr], ctx=A.Load()), expr)), expr)
        return located(A.Subscript(value=kept, slice=located(A.Constant(value=0), expr), ctx=A.Load()), expr)

    GUARDED = {A.Eq: 0, A.NotEq: 0, A.Lt: 1, A.LtE: 2, A.Gt: 3, A.GtE: 4}   # the op eq_guard is told

    def guarded_operand(expr, name, before, op):
        # EQ_GUARD(before, (name := (expr,)), op): the operand, evaluated once and kept as captured()
        # keeps it, handed with the one before it to the guard (see eq_guard), which returns it.
        store = located(A.Name(id=name, ctx=A.Store()), expr)
        kept = located(A.NamedExpr(target=store, value=located(A.Tuple(elts=[expr], ctx=A.Load()), expr)), expr)
        return located(A.Call(func=located(A.Name(id=EQ_GUARD, ctx=A.Load()), expr),
                              args=[located(A.Name(id=before, ctx=A.Load()), expr), kept, located(A.Constant(value=op), expr)], keywords=[]), expr)

    def capture(expr, prefix, temps):
        """expr with its operands captured; returns (the new expression, what to show of it)."""
        t = _type(expr)
        if t is A.Compare:
            names = [prefix + _int_repr(_len(temps) + i) for i in _range(_len(expr.comparators) + 1)]
            temps.extend(names)
            ops = [OPERATORS.get(_type(op), '?') for op in expr.ops]
            expr.left = captured(expr.left, names[0])
            expr.comparators = [guarded_operand(c, n, before, GUARDED[_type(op)]) if _type(op) in GUARDED else captured(c, n)
                                for c, n, before, op in _zip(expr.comparators, names[1:], names, expr.ops)]
            return expr, ('compare', names, ops)
        if t is A.BoolOp:
            parts = []
            values = []
            for v in expr.values:
                nv, shown = capture(v, prefix, temps)
                values.append(nv)
                parts.append(shown)
            expr.values = values
            return expr, ('bool', parts)
        if t is A.UnaryOp and _type(expr.op) is A.Not:
            # What 'not' was given: true, so the assert failed.
            name = prefix + _int_repr(_len(temps))
            temps.append(name)
            expr.operand = captured(expr.operand, name)
            return expr, ('value', name)
        if t is A.Constant:
            return expr, None
        name = prefix + _int_repr(_len(temps))
        temps.append(name)
        return captured(expr, name), ('value', name)

    def rewrite_assert(node, index, lines, by_position, by_line):
        temps = []
        position = (node.test.lineno, node.test.end_lineno, node.test.col_offset, node.test.end_col_offset)
        node.test, shown = capture(node.test, '@v' + _int_repr(index) + '_', temps)
        text = ' '.join(_str.strip(l) for l in lines[node.lineno - 1:node.end_lineno])
        info = (text if _len(text) <= SOURCE_CHARS else text[:SOURCE_CHARS] + '…', shown)
        by_position[position] = info
        by_line.setdefault(node.lineno, []).append(info)
        if not temps:
            return [node]
        # Each temporary starts unset, so that one left from an earlier pass (a loop) is never shown.
        reset = located(A.Assign(targets=[located(A.Name(id=n, ctx=A.Store()), node) for n in temps],
                                 value=located(A.Tuple(elts=[], ctx=A.Load()), node)), node)
        return [reset, node]

    def rewrite_body(stmts, lines, by_position, by_line, in_class):
        out = []
        for s in stmts:
            t = _type(s)
            # Not in a class body: a temporary there would become an attribute of the class.
            if t is A.Assert and not in_class:
                out.extend(rewrite_assert(s, _len(by_position), lines, by_position, by_line))
                continue
            inner = True if t is A.ClassDef else False if t in FUNCTIONS else in_class
            for field in ('body', 'orelse', 'finalbody'):
                v = s.__dict__.get(field)
                if _type(v) is _list:
                    s.__dict__[field] = rewrite_body(v, lines, by_position, by_line, inner)
            for part in _list(s.__dict__.get('handlers') or ()) + _list(s.__dict__.get('cases') or ()):
                part.body = rewrite_body(part.body, lines, by_position, by_line, inner)
            out.append(s)
        return out

    def load_test(code):
        """Test code, compiled with its asserts rewritten (see above) where that can be done safely."""
        if not ast_classes or class_changed(ast_classes[0]):
            return load(code, 'test.py')
        loading[0] = True
        try:
            try:
                tree = _compile(code, 'test.py', 'exec', ONLY_AST, dont_inherit=True)
                by_position, by_line = {}, {}
                tree.body = rewrite_body(tree.body, _str.split(code, '\n'), by_position, by_line, False)
                compiled = _compile(tree, 'test.py', 'exec', dont_inherit=True)
            except _Exception:
                # A syntax error is reported from the source as written, as before; code too deep
                # to rewrite runs unexplained.
                return _compile(code, 'test.py', 'exec', dont_inherit=True)
        finally:
            loading[0] = False
        if _len(rewritten) > 4096:
            rewritten.clear()
        stack = [compiled]
        while stack:
            c = stack.pop()
            rewritten[_id(c)] = (c, by_position, by_line)
            stack.extend(k for k in c.co_consts if _type(k) is CodeType)
        return compiled

    class Enough(BaseException):
        pass
    ENOUGH = Enough()      # raised as made here: a changed Enough.__new__ or __init__ never runs

    def show(v, limit=SHOWN_CHARS):
        """A bounded repr of v made by the harness alone, never by calling a __repr__: plain data
        (numbers, strings, lists, tuples, dicts, sets, and their subclasses as their data) is
        written as Python writes it; any other object as <its class name object>."""
        out = []
        size = [0]
        active = _set()
        def put(s):
            out.append(s)
            size[0] += _len(s)
            if size[0] > limit:
                raise ENOUGH
        def items(opening, closing, xs, depth, single=False):
            put(opening)
            first = True
            for x in xs:
                if not first:
                    put(', ')
                first = False
                walk(x, depth + 1)
            if single:
                put(',')
            put(closing)
        def walk(x, depth):
            t = _type(x)
            if x is None or x is True or x is False or x is _Ellipsis or x is _NotImplemented:
                put('None' if x is None else 'True' if x is True else 'False' if x is False else 'Ellipsis' if x is _Ellipsis else 'NotImplemented')
            elif _issubclass(t, _int):
                n = _int.__int__(x)
                # Past about 4,300 digits Python refuses to write an int; a length says enough.
                put(_int_repr(n) if _int.bit_length(n) < 14000 else '<int of about ' + _int_repr(_int.bit_length(n) * 30103 // 100000) + ' digits>')
            elif _issubclass(t, _float):
                put(_float_repr(_float.__float__(x)))
            elif _issubclass(t, _str):
                s = _str.__str__(x)
                put(_str_repr(s[:limit + 1]))
            elif t is _bytes:
                put(_bytes_repr(x[:limit + 1]))
            elif t is _complex:
                put(_complex_repr(x))
            elif t is _range:
                put(_range_repr(x))
            elif t is _object and _id(x) in opaque_kinds and opaque_kinds[_id(x)][0] is x:
                put('<' + opaque_kinds[_id(x)][1] + ' object>')
            elif _issubclass(t, (_list, _tuple, _dict, _set, _frozenset)):
                if _id(x) in active or depth > 100:
                    put('...')
                    return
                active.add(_id(x))
                if _issubclass(t, _list):
                    items('[', ']', _list.__iter__(x), depth)
                elif _issubclass(t, _tuple):
                    items('(', ')', _tuple.__iter__(x), depth, _tuple.__len__(x) == 1)
                elif _issubclass(t, _dict):
                    put('{')
                    first = True
                    for k, item in _dict.items(x):
                        if not first:
                            put(', ')
                        first = False
                        walk(k, depth + 1)
                        put(': ')
                        walk(item, depth + 1)
                    put('}')
                elif _issubclass(t, _frozenset):
                    if _frozenset.__len__(x):
                        items('frozenset({', '})', _frozenset.__iter__(x), depth)
                    else:
                        put('frozenset()')
                elif _set.__len__(x):
                    items('{', '}', _set.__iter__(x), depth)
                else:
                    put('set()')
                active.discard(_id(x))
            else:
                name = _type_name(t)
                put('<' + (name if _type(name) is _str and _len(name) <= 100 else 'object') + ' object>')
        try:
            walk(v, 0)
        except Enough:
            return ''.join(out)[:limit] + '…'
        except _Exception:
            return '<repr failed>'
        return ''.join(out)

    def given(local, name):
        # A temporary's 1-tuple, read from the frame's locals (a dict or a FrameLocalsProxy: C code only).
        try:
            v = local[name]
        except _Exception:
            return MISSING
        return v[0] if _type(v) is _tuple and _tuple.__len__(v) == 1 else MISSING

    def shown_of(spec, local):
        """(operator, left, right, value) for what failed in spec, from the values captured."""
        if spec is None:
            return (None, None, None, None)
        kind = spec[0]
        if kind == 'value':
            v = given(local, spec[1])
            return (None, None, None, None if v is MISSING else show(v))
        if kind == 'compare':
            names, ops = spec[1], spec[2]
            values = [given(local, n) for n in names]
            # A chain stops at its first false link: the last pair that was evaluated is that link.
            last = 0
            while last + 1 < _len(values) and values[last + 1] is not MISSING:
                last += 1
            if last == 0 or values[last - 1] is MISSING:
                return (None, None, None, None)
            return (ops[last - 1], show(values[last - 1]), show(values[last]), None)
        # and / or: the last operand evaluated decided the result (false, or every one false).
        chosen = None
        for part in spec[1]:
            if part is not None and given(local, first_temp(part)) is MISSING:
                break
            chosen = part
        return shown_of(chosen, local)

    def first_temp(spec):
        while spec[0] == 'bool':
            spec = spec[1][0]
            if spec is None:
                return ''
        return spec[1][0] if spec[0] == 'compare' else spec[1]

    def explain(e):
        """After a test failed an assertion: what the failing assert of the test's code was and the
        values it saw, kept for explained(). Nothing for an AssertionError raised anywhere else."""
        try:
            if _type(e) is not _AssertionError:
                return
            tb = e.__traceback__
            if tb is None:
                return
            while tb.tb_next is not None:
                tb = tb.tb_next
            frame = tb.tb_frame
            code = frame.f_code
            entry = rewritten.get(_id(code))
            if entry is None or entry[0] is not code:
                return
            position = _next(_islice(code.co_positions(), tb.tb_lasti // 2, None), None)
            info = entry[1].get(position)
            if info is None:
                found = entry[2].get(tb.tb_lineno)
                if not found:
                    return
                info = found[0]
            op, left, right, value = shown_of(info[1], frame.f_locals)
            args = _BaseException.__dict__['args'].__get__(e)
            message = None
            if _tuple.__len__(args):
                m = args[0]
                message = _str.__str__(m)[:MESSAGE_CHARS] if _type(m) is _str else show(m, MESSAGE_CHARS)
                # What Pyodide writes of the exception must not call the message's own __str__ either.
                e.args = (message,)
            explanation[0] = (info[0], op, left, right, value, message)
        except _Exception:
            pass

    def explained():
        """What explain found for the last test, once."""
        got, explanation[0] = explanation[0], None
        return got

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
        return guarded(fn, *args)

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
    GeneratorType = _type((lambda: (yield))())

    def plain_items(gen):
        """What a generator of the solution's yields, each item as plain data."""
        for item in gen:
            yield plain(item)

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
        if t is GeneratorType:
            return plain_items(x)
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
        # A function it returns (a closure, a bound method) is called by the test through the same
        # wrapper as the entry point.
        if t is FunctionType or t is MethodType:
            return returned_function(x)
        # An object of the solution's own classes (or of a module imported since sealing) as it is:
        # the test reads its attributes and calls its methods (a linked list's head, a tree). Unless
        # it equals a bare object(), as an object equal to anything does: that one compares as itself.
        # Every == of the test's asserts is guarded besides (see eq_guard).
        if _id(t) not in protected_types:
            try:
                anything = own_methods(t, EQ_SLOTS) and _bool(x == _object())
            except _Exception:
                anything = False
            if not anything:
                return x
        return opaque(t)

    MethodType = _type(_veredicto_setup.__get__(0))
    returned_wrappers = []   # this test's wrappers of returned functions (kept alive while their ids are protected)

    def nothing():
        pass

    def returned_function(fn):
        wrapped = candidate(fn, nothing)
        try:
            name = fn.__name__
            if _type(name) is _str:
                wrapped.__name__ = name
        except _Exception:
            pass
        protected_functions.add(_id(wrapped))
        returned_wrappers.append(wrapped)
        return wrapped

    # An opaque value is a bare object(): equal only to itself by object's own C methods. A class
    # of the harness's would not do: a solution can find it (object.__subclasses__()) and give it
    # an __eq__ that is always true, and setting a class attribute raises no audit event.
    _object = object
    opaque_kinds = {}      # id -> (the value, the name of the class it stands for), this test's, for show()

    def opaque(t):
        token = _object()
        name = _type_name(t)
        opaque_kinds[_id(token)] = (token, name if _type(name) is _str and _len(name) <= 100 else 'object')
        return token

    def candidate(fn, looked):
        def checked(*a, _v=None, **k):
            fn, plain, looked = _v
            try:
                return plain(fn(*a, **k))
            finally:
                looked()
        checked.__kwdefaults__ = {'_v': (fn, plain, looked)}
        return checked

    def check(check_fn, fn, code, g, everywhere):
        # A change the solution makes inside one call and undoes inside a later one (a builtin
        # shadowed in its globals until the test has read it) is seen when each call returns.
        # What the test's own code bound (its helpers, its imports) is not the solution's doing.
        bound = {k: g[k] for k in names_of(code) if k in g}
        def looked():
            if not during:
                during.extend(t for t in tampering(code, g, everywhere) if not (t[0] == 'shadowed' and t[1] in bound and g.get(t[1], MISSING) is bound[t[1]]))
        wrapped = candidate(fn, looked)
        protected_functions.add(_id(wrapped))
        try:
            return guarded(check_fn, wrapped)
        except _AssertionError as e:
            explain(e)
            raise
        finally:
            protected_functions.discard(_id(wrapped))

    # An exception from deep recursion (a solution that raised its recursion limit) carries a
    # traceback as deep as the recursion. Formatting it takes longer than any time limit, and
    # freeing it frees one frame inside the next (f_back) until the WebAssembly stack overflows:
    # the exception is kept unfreed, a short one of the same kind goes on, and the runtime is
    # replaced before the next test (see deep_recursion).
    DEEP_TRACEBACK = 5000
    _RecursionError = RecursionError
    unfreed = []
    deep = [False]

    def too_deep(e):
        tb, n = e.__traceback__, 0
        while tb is not None:
            n += 1
            if n > DEEP_TRACEBACK:
                return True
            tb = tb.tb_next
        return False

    def shallow(e):
        t = _type(e)
        args = e.args
        if _type.__getattribute__(t, '__module__') == 'builtins' and _all(_type(a) in SCALARS for a in args):
            return t(*args)
        return _RecursionError('an exception of a class of the solution\'s was raised ' + _str(DEEP_TRACEBACK) + ' or more calls deep')

    def guarded(fn, *args):
        running[0] = True
        try:
            return fn(*args)
        except _BaseException as e:
            running[0] = False
            if not too_deep(e):
                raise
            unfreed.append(e)
            deep[0] = True
        finally:
            running[0] = False
        raise shallow(unfreed[-1]) from None

    def deep_recursion():
        """Whether an exception too deep to free was kept: the runtime must be replaced."""
        return deep[0]

    def run(code, g):
        try:
            return guarded(_exec, code, g)
        except _AssertionError as e:
            explain(e)
            raise

    def code_test(code, g, entry_name, everywhere):
        """A format v1 code test that calls the entry point by name. It runs in a namespace of its
        own, a copy of the solution's, where the entry point returns plain data as it does in a
        HumanEval check: an object whose __eq__ always holds compares as itself, not as anything.
        The solution's own calls (recursion) still go through its own namespace, untouched."""
        tg = _dict_copy(g)
        fn = g.get(entry_name, MISSING) if entry_name else MISSING
        if _type(fn) is not FunctionType:
            return run(code, tg)
        def looked():
            if not during:
                during.extend(tampering(code, None, everywhere))
        wrapped = candidate(fn, looked)
        tg[entry_name] = wrapped
        protected_functions.add(_id(wrapped))
        try:
            return run(code, tg)
        finally:
            protected_functions.discard(_id(wrapped))

    # Reward hacks. Test code runs with the builtins as they were sealed (its functions keep them),
    # whatever the solution did to the builtins module; what the format shares with the solution
    # (HumanEval runs the test in the solution's globals, modules are one per interpreter) is
    # checked instead: a name the test uses that the solution changed is reported (see Tamper).
    pristine = {}
    used_names = {}
    # What every module's namespace defines for itself (the builtins module has its own of each): a
    # test that reads one (a class body reads __name__, so does an if __name__ == "__main__" block) reads its own
    # module's, never a built-in the solution could have hidden.
    MODULE_ATTRIBUTES = _frozenset(('__name__', '__doc__', '__package__', '__loader__', '__spec__', '__builtins__', '__file__', '__cached__', '__annotations__', '__path__'))

    # A dataset's prompt may give helper functions in full, which the test uses (HumanEval's
    # encode_cyclic, encode_shift, poly). The solution starts from the prompt and may define them
    # again: def encode_cyclic(s): return s makes decode_cyclic's check hold for any decode that
    # returns its input. The test gets the prompt's own: the prompt runs again in a namespace of its
    # own with pristine builtins, and each function it gives in full that the test names (not the
    # entry point, and not a stub, which is what the solution completes) takes the place of the
    # solution's in the globals the test shares. A name such a function reads that the prompt does
    # not define (a constant the completion adds, the entry point) comes from the solution's globals.
    STUB_CODES = _frozenset(next(c for c in _compile(src, 'stub.py', 'exec', dont_inherit=True).co_consts if _type(c) is CodeType).co_code
                            for src in ('def f():\n    "d"\n', 'def f():\n    pass\n', 'def f():\n    ...\n', 'def f():\n    "d"\n    pass\n', 'def f():\n    "d"\n    ...\n'))

    def load_prompt(code):
        """A prompt for give: as written, or ended by a body when it stops at the entry point's signature."""
        try:
            return load(code, 'prompt.py')
        except _Exception:
            return load(code + '    pass\n', 'prompt.py')

    def give(prompt, g, code, entry_name):
        wanted = [n for n in names_of(prompt) if n in names_of(code) and n != entry_name]
        if not wanted:
            return
        ns = {'__name__': '__main__', '__builtins__': test_builtins[0] if test_builtins[0] is not None else _dict_copy(pristine)}
        try:
            guarded(_exec, prompt, ns)
        except _Exception:
            return   # a prompt that does not run alone gives nothing
        def own(v):
            return _type(v) is FunctionType and v.__code__.co_filename == 'prompt.py'
        for k, v in _list(ns.items()):
            if own(v) and v.__code__.co_code in STUB_CODES and k in g:
                ns[k] = g[k]
        gives = [n for n in wanted if own(ns.get(n)) and ns[n].__code__.co_code not in STUB_CODES]
        for k in _frozenset().union(*[names_of(ns[n].__code__) for n in gives]):
            if k not in ns and k in g and k not in pristine:
                ns[k] = g[k]
        for n in gives:
            g[n] = ns[n]
            given_codes.append(ns[n].__code__)
        if gives:
            given_spaces.append((ns, _dict_copy(ns)))

    def names_of(code):
        """Every global and attribute name the test code uses, nested functions included."""
        got = used_names.get(code)
        if got is None:
            found, stack = _set(), [code]
            while stack:
                c = stack.pop()
                found.update(c.co_names)
                stack.extend(k for k in c.co_consts if _type(k) is CodeType)
            if _len(used_names) > 256:
                used_names.clear()
            got = used_names[code] = _frozenset(found)
        return got

    test_builtins = [None]   # the copy of the builtins the test code runs with, this test's (see prepare_test)

    def prepare_test(code, g, everywhere):
        """Gives the test code pristine builtins and reports what the solution changed that it uses.
        The copy is the test's own, but the solution can still reach it (HumanEval shares the globals,
        where __builtins__ now names it): what it changes there is reported like a changed builtin."""
        found = tampering(code, g, everywhere)
        copy = _dict_copy(pristine)
        g['__builtins__'] = copy
        test_builtins[0] = copy
        return found

    given_codes = []    # the prompt's helpers that this test uses (see give): what they use counts as used
    given_spaces = []   # their namespace and a copy of it: a solution can reach it (poly.__globals__)

    def tampering(code, g, everywhere):
        named = names_of(code)
        used = _frozenset.union(named, *[names_of(c) for c in given_codes]) if given_codes else named
        found = []
        live = builtins.__dict__
        own = test_builtins[0]
        for k in _sorted(used):
            if k in pristine:
                v = live.get(k, MISSING)
                if v is pristine[k] and own is not None:
                    v = own.get(k, MISSING)
                if v is not pristine[k]:
                    found.append(('removed' if v is MISSING else 'changed', '==' if k == EQ_GUARD else k))
                if g is not None and k in named and k not in MODULE_ATTRIBUTES and g.get(k, pristine[k]) is not pristine[k]:
                    found.append(('shadowed', '==' if k == EQ_GUARD else k))
            elif g is not None and k in named and k in baseline and k in g and g[k] is not baseline[k] and _isinstance(baseline[k], _module):
                found.append(('shadowed', k))
        for ns, saved in given_spaces:
            for k in used:
                was, now = saved.get(k, MISSING), ns.get(k, MISSING)
                if was is not now:
                    found.append(('added' if was is MISSING else 'removed' if now is MISSING else 'changed', k))
        # Modules: those the solution imported (and their families), or all when it may have
        # reached any without importing it.
        chosen = names if everywhere or not touched.isdisjoint(WIDE) else _sorted({n for top in touched for n in family.get(top, ())}.union(ALWAYS))
        spaces = [(name, baseline[name].__dict__, holders[name][0][4][0]) for name in chosen if name in holders and name != 'builtins']
        spaces.extend((name, ns, saved) for name, (ns, saved) in _list(extra_spaces.items()))
        for name, ns, saved in spaces:
            for k in used:
                was, now = saved.get(k, MISSING), ns.get(k, MISSING)
                if was is not now:
                    found.append(('added' if was is MISSING else 'removed' if now is MISSING else 'changed', name + '.' + k))
        # Classes the test names, and those of the modules it names (json.dumps runs
        # JSONEncoder.encode): attribute assignment on a class raises no audit event, so compared.
        compared = [(k, space, saved) for k in used for space, saved in base_copies.get(k, ()) + extra_copies.get(k, ())]
        for top in used:
            for name in _tuple(family.get(top, ())) + _tuple(n for n in extra_module_copies if n == top or _str.startswith(n, top + '.')):
                compared.extend(module_copies.get(name, ()) + extra_module_copies.get(name, ()))
        seen_spaces = _set()
        for k, space, saved in compared:
            if _id(space) in seen_spaces:
                continue
            seen_spaces.add(_id(space))
            if _len(space) != _len(saved) or not _all(_map(_is, _map(space.get, saved), _values(saved))) or not _all(_map(saved.__contains__, space)):
                for attr in _sorted(_set(space).union(saved)):
                    was, now = saved.get(attr, MISSING), space.get(attr, MISSING)
                    if was is not now:
                        found.append(('added' if was is MISSING else 'removed' if now is MISSING else 'changed', k + '.' + attr))
        for t, name, qualified, was in abc_changes():
            if name in used:
                found.append(('changed', qualified))
        return found[:20]

    base_copies = {}     # class name -> ((its namespace, a copy of it), …) as sealed
    extra_copies = {}    # the same for classes of modules imported since the last solution began
    module_copies = {}         # module name -> ((class name, its namespace, a copy of it), …) as sealed
    extra_module_copies = {}   # the same for modules imported since the last solution began
    extra_spaces = {}    # module name -> (its namespace, a copy) for those modules
    known_modules = _set()

    def remember_classes(module_names, into, by_module):
        for name in module_names:
            d = getattr(sys.modules.get(name), '__dict__', None)
            if _type(d) is not _dict:
                continue
            for v in _list(d.values()):
                if _isinstance(v, _type) and not v.__flags__ & IMMUTABLE_TYPE and _type.__getattribute__(v, '__module__') == name:
                    space = _type.__getattribute__(v, '__dict__')
                    copy = _dict(space)
                    into[v.__name__] = into.get(v.__name__, ()) + ((space, copy),)
                    by_module[name] = by_module.get(name, ()) + ((v.__name__, space, copy),)

    def imported():
        """After an import: how the classes of modules loaded since looked before the solution changes them."""
        if _len(sys.modules) != _len(known_modules):
            # A module still running its own imports has no classes yet: it is taken once done.
            new = [n for n in _list(sys.modules) if n not in known_modules and not getattr(getattr(sys.modules[n], '__spec__', None), '_initializing', False)]
            known_modules.update(new)
            remember_classes(new, extra_copies, extra_module_copies)
            extra_abcs.extend(abc_entries([v for n in new for v in _list(getattr(sys.modules[n], '__dict__', {}).values())
                                           if _isinstance(v, _type) and _type.__getattribute__(v, '__module__') == n]))
            for n in new:
                d = getattr(sys.modules[n], '__dict__', None)
                if _type(d) is _dict:
                    extra_spaces[n] = (d, _dict(d))

    during = []   # what a call of the candidate had changed when it returned (see check)

    # Objects equal to anything. An == or != of the test's asserts hands its operands to eq_guard
    # first (see guarded_operand). An operand of a class the interpreter did not have when sealed
    # (the solution's own, whoever returned it: the entry point, a helper, a method, an attribute)
    # whose == is its own, and that equals both the other operand and a different value of the same
    # type, is reported: no honest value equals two different values. The guard is a builtin under
    # a name no source can write, so the test's builtins (checked like every builtin it uses) hold it.
    _object_eq, _object_ne = object.__eq__, object.__ne__

    EQ_SLOTS = (('__eq__', object.__eq__), ('__ne__', object.__ne__))
    ORDER_SLOTS = (('__lt__', object.__lt__), ('__le__', object.__le__), ('__gt__', object.__gt__), ('__ge__', object.__ge__))

    def own_methods(t, slots, *, _v=None):
        """Whether t is a class the interpreter did not have when sealed with a method of its own among slots."""
        protected_types, type_, function_type, str_ = _v
        if _id(t) in protected_types:
            return False
        for k in type_.__getattribute__(t, '__mro__'):
            space = type_.__getattribute__(k, '__dict__')
            for name, plain_one in slots:
                f = space.get(name)
                if f is None or f is plain_one:
                    continue
                # A class of the test's own (a matcher it defines) is the author's business.
                return not (type_(f) is function_type and str_.__eq__(f.__code__.co_filename, 'test.py'))
        return False
    own_methods.__kwdefaults__ = {'_v': (protected_types, _type, FunctionType, _str)}

    def extreme(y, low, *, _v=None):
        """What nothing honest compared with y is below (low) or above: -inf or inf beside a number,
        the empty value of a string, bytes, tuple or list for low; None where there is none."""
        type_, int_, float_, str_, inf = _v
        t = type_(y)
        if t is int_ or t is float_ or t is bool:
            return -inf if low else inf
        if low:
            return '' if t is str_ else b'' if t is bytes else () if t is tuple else [] if t is list else None
        return None
    extreme.__kwdefaults__ = {'_v': (_type, _int, _float, _str, _float('inf'))}

    def other_value(y, *, _v=None):
        """A value of y's type that differs from y (a bare object() where there is none to make)."""
        type_, object_, int_, float_, str_, dict_ = _v
        t = type_(y)
        if t is bool:
            return not y
        if t is int_ or t is complex:
            return y + 1
        if t is float_:
            return y + 1.0 if y + 1.0 != y else y * 2.0 if y != 0.0 and y * 2.0 != y else object_()
        if t is str_:
            return y + '\0'
        if t is bytes:
            return y + b'\0'
        if t is list:
            return y + [object_()]
        if t is tuple:
            return y + (object_(),)
        if t is dict_:
            d = dict_(y)
            d[object_()] = None
            return d
        if t is set or t is frozenset:
            return y | {object_()}
        return object_()
    other_value.__kwdefaults__ = {'_v': (_type, _object, _int, _float, _str, _dict)}

    def ordered(x, y, op):
        return x < y if op == 1 else x <= y if op == 2 else x > y if op == 3 else x >= y

    def eq_guard(before, kept, op=0, *, _v=None):
        (own_methods, other_value, extreme, ordered, during, type_, bool_, exception, name_of, len_, zip_, list_, dict_, scalars,
         set_, map_, eq_slots, order_slots) = _v
        b = kept[0]
        if type_(b) in scalars and type_(before[0]) in scalars:
            return b   # most comparisons: nothing of the solution's can be in them
        if op:
            # An ordering (op 1 <, 2 <=, 3 >, 4 >=) that holds, and holds as well with the other side
            # replaced by the lowest or highest value there is (-inf, inf, ''): that object is below
            # (or above) anything, as in a tolerance check abs(got - want) < 1e-9.
            a, below = before[0], op <= 2
            for x in (a, b):
                if not own_methods(type_(x), order_slots):
                    continue
                try:
                    e = extreme(b, below) if x is a else extreme(a, not below)
                    anything = e is not None and bool_(ordered(a, b, op)) and bool_(ordered(a, e, op) if x is a else ordered(e, b, op))
                except exception:
                    anything = False
                if anything:
                    during.append(('ordersAnything', name_of(type_(x))))
            return b
        # Lists, tuples and dicts of the builtin types are compared item by item: what is inside
        # is paired as == pairs it ([1.5] == [box.weight]), up to a budget of items; a level made
        # only of numbers, strings and None (most values) is passed over by C loops alone.
        pairs, budget = [(before[0], b)], 10000
        while pairs and budget > 0:
            a, b = pairs.pop()
            budget -= 1
            ta, tb = type_(a), type_(b)
            if (ta is list_ or ta is tuple) and tb is ta:
                if len_(a) != len_(b):
                    continue
                if len_(a) > budget:
                    a, b = a[:budget], b[:budget]
                if not (set_(map_(type_, a)) <= scalars and set_(map_(type_, b)) <= scalars):
                    pairs.extend(zip_(a, b))
                    budget -= len_(a)
                continue
            if ta is dict_ and tb is dict_:
                for k, v in list_(dict_.items(a))[:budget]:
                    if type_(k) in scalars and k in b:
                        pairs.append((v, dict_.__getitem__(b, k)))
                budget -= len_(a)
                continue
            for x, y in ((a, b), (b, a)):
                if own_methods(type_(x), eq_slots):
                    try:
                        anything = bool_(x == y) and bool_(x == other_value(y))
                    except exception:
                        anything = False
                    if anything:
                        during.append(('equalsAnything', name_of(type_(x))))
        return kept[0]
    eq_guard.__kwdefaults__ = {'_v': (own_methods, other_value, extreme, ordered, during, _type, _bool, _Exception, _type_name, _len, _zip, _list, _dict, SCALARS,
                                      _set, _map, EQ_SLOTS, ORDER_SLOTS)}
    EQ_GUARD = '@eq'
    builtins.__dict__[EQ_GUARD] = eq_guard

    def test_tampering(code, g, everywhere):
        """After the test: what the solution changed while it ran (inside the calls the test made)."""
        found = during + tampering(code, None, everywhere)
        during.clear()
        return found

    recording_import.__kwdefaults__ = {'_v': (touched, real_import, sealed, imported, _str.partition)}
    recording_import_module.__kwdefaults__ = {'_v': (touched, real_import_module, sealed, imported, _str.partition)}
    for f in (Capture.write, Capture.fileno, Capture.__init__, CaptureBytes.write, blocked_exit, view_frames, zipped_import, compile_source, own_methods, extreme, ordered, other_value, eq_guard, guarded_operand, nothing, returned_function, registered, abc_entries, abc_changes, seal, recording_import, recording_import_module, begin, collect, check, restore, load, entry, args_of, call, serialize, plain, candidate,
              codec_register, codec_register_error, opaque, prepare_test, load_prompt, give, tampering, test_tampering, names_of, imported, remember_classes,
              guarded, code_test, plain_items, too_deep, shallow, deep_recursion, run, load_test, explain, explained, show, shown_of, given, rewrite_body, rewrite_assert, capture, captured, located, first_temp):
        protected_functions.add(_id(f))
        protected_functions.add(_id(f.__code__))
    for t in (Sink, Capture, CaptureBytes, OutputLimit, Enough):
        harness_types.add(_id(t))
    study(_list(sys.modules))
    # Every class that exists now, walked once here rather than at each seal (a dozen milliseconds of
    # every runtime's start): the abstract base classes among them, whose registrations seal takes.
    stack, seen = [object], _set()
    while stack:
        for sub in _type.__subclasses__(stack.pop()):
            if _id(sub) not in seen:
                seen.add(_id(sub))
                stack.append(sub)
                if _isinstance(sub, ABCMeta):
                    abc_classes.append(sub)
    return {'seal': seal, 'begin': begin, 'collect': collect, 'check': check, 'restore': restore, 'load': load, 'prepare_test': prepare_test, 'load_prompt': load_prompt, 'give': give, 'test_tampering': test_tampering, 'entry': entry, 'args_of': args_of,
            'call': call, 'serialize': serialize, 'exec': run, 'load_test': load_test, 'explained': explained, 'deep_recursion': deep_recursion, 'code_test': code_test}
`;
