// The JavaScript side of the test harness, evaluated in each fresh QuickJS context before the
// solution. It captures the builtins it needs before any solution code runs and makes `console`
// a frozen, non-configurable global, so no solution can switch off console.assert. Assertion
// failures and output go straight to a host function, so the sandbox cannot take them back.
// Every test pays for parsing the prelude (a fresh context each), so it holds only what must be in
// place before the solution runs; the rest (LAZY) is compiled inside the sandbox on first use,
// from source the host hands over on request, with the builtins the prelude captured.

/**
 * The operations of the single host function the prelude receives: `host(op, argument)`; a failed
 * assert adds the stack where it was called, then the operator, left and right of a comparison,
 * the value of any other assert, and the assert's own message (each '' when there is none).
 */
export const HOST = { stdout: 1, stderr: 2, assertFailed: 3, exit: 4, source: 5 } as const;

/** What a type of object is called in messages, read from its prototype (shared by SERIALIZE and SHOW). */
const KIND_OF = String.raw`function kindOf(v) {
    const p = getPrototypeOf(v);
    if (p === MapProto) return 'Map';
    if (p === SetProto) return 'Set';
    if (p === DateProto) return 'Date';
    if (p === PromiseProto) return 'Promise';
    if (typeof v === 'function') return 'function';
    return 'object';
  }`;
/**
 * Plain data to JSON text, read through property descriptors: getters, toJSON and proxies of
 * prototypes are never consulted. Compiled inside the sandbox on first use, from pristine builtins.
 */
const SERIALIZE = String.raw`(function (getPrototypeOf, getOwnPropertyDescriptor, getOwnPropertyNames, isArray, stringify, ArrayProto, ObjectProto, MapProto, SetProto, DateProto, PromiseProto) {
  'use strict';
  const MAX_DEPTH = 200;
  const TAG = '\u0000type';
  const tagged = (kind, value) => '{' + stringify(TAG) + ':' + stringify(kind) + ',"value":' + stringify(value) + '}';
  ${KIND_OF}
  function serialize(v, maxChars) {
    let out = '';
    const put = (s) => {
      out += s;
      if (out.length > maxChars) throw new RangeError('value too large to compare');
    };
    const walk = (x, depth) => {
      if (depth > MAX_DEPTH) throw new RangeError('value nested too deeply (or contains itself)');
      switch (typeof x) {
        case 'undefined': put(tagged('undefined', 'undefined')); return;
        case 'boolean': put(x ? 'true' : 'false'); return;
        case 'number':
          if (x !== x) put(tagged('float', 'nan'));
          else if (x === Infinity || x === -Infinity) put(tagged('float', x > 0 ? 'inf' : '-inf'));
          else put(stringify(x));
          return;
        case 'bigint': put(tagged('bigint', '' + x)); return;
        case 'string': put(stringify(x)); return;
        case 'symbol': put(tagged('unsupported', 'symbol')); return;
      }
      if (x === null) { put('null'); return; }
      const proto = getPrototypeOf(x);
      if (isArray(x) && proto === ArrayProto) {
        const len = getOwnPropertyDescriptor(x, 'length').value;
        put('[');
        for (let i = 0; i < len; i++) {
          if (i > 0) put(',');
          const d = getOwnPropertyDescriptor(x, '' + i);
          if (d === undefined) put('null');
          else if ('value' in d) walk(d.value, depth + 1);
          else throw new TypeError('array element ' + i + ' is a getter');
        }
        put(']');
        return;
      }
      if (proto === ObjectProto || proto === null) {
        const names = getOwnPropertyNames(x);
        put('{');
        let first = true;
        for (let i = 0; i < names.length; i++) {
          const d = getOwnPropertyDescriptor(x, names[i]);
          if (d === undefined || !d.enumerable) continue;
          if (!('value' in d)) throw new TypeError('property ' + stringify(names[i]) + ' is a getter');
          if (!first) put(',');
          first = false;
          put(stringify(names[i]) + ':');
          walk(d.value, depth + 1);
        }
        put('}');
        return;
      }
      put(tagged('unsupported', kindOf(x)));
    };
    walk(v, 0);
    return out;
  }
  return serialize;
})`;

/** A small util.inspect for console output, compiled inside the sandbox on first use. */
const SHOW = String.raw`(function (getPrototypeOf, getOwnPropertyDescriptor, getOwnPropertyNames, isArray, apply, stringify, ErrorProto, DateProto, errorToString, dateToISOString, MapProto, SetProto, PromiseProto) {
  'use strict';
  ${KIND_OF}
  function show(v, depth, top) {
    switch (typeof v) {
      case 'string': return top ? v : stringify(v);
      case 'number': return v === 0 && 1 / v < 0 ? '-0' : '' + v;
      case 'bigint': return v + 'n';
      case 'undefined': return 'undefined';
      case 'boolean': return v ? 'true' : 'false';
      case 'symbol': return 'Symbol()';
      case 'function': return '[Function]';
    }
    if (v === null) return 'null';
    if (depth > 3) return isArray(v) ? '[Array]' : '[Object]';
    const proto = getPrototypeOf(v);
    try {
      if (proto === ErrorProto || (proto !== null && getPrototypeOf(proto) === ErrorProto)) return apply(errorToString, v, []);
      if (proto === DateProto) return apply(dateToISOString, v, []);
      if (isArray(v)) {
        const len = getOwnPropertyDescriptor(v, 'length').value;
        let s = '';
        for (let i = 0; i < len && i < 100; i++) {
          const d = getOwnPropertyDescriptor(v, '' + i);
          s += (i ? ', ' : '') + (d === undefined ? '<empty>' : 'value' in d ? show(d.value, depth + 1, false) : '[Getter]');
        }
        if (len > 100) s += ', ... ' + (len - 100) + ' more items';
        return '[ ' + s + (s ? ' ' : '') + ']';
      }
      const names = getOwnPropertyNames(v);
      let s = '';
      let n = 0;
      for (let i = 0; i < names.length && n < 50; i++) {
        const d = getOwnPropertyDescriptor(v, names[i]);
        if (d === undefined || !d.enumerable) continue;
        s += (n++ ? ', ' : '') + names[i] + ': ' + ('value' in d ? show(d.value, depth + 1, false) : '[Getter]');
      }
      const kind = kindOf(v);
      return (kind === 'object' ? '' : kind + ' ') + '{' + (s ? ' ' + s + ' ' : '') + '}';
    } catch (e) {
      return '[object]';
    }
  }
  return show;
})`;

/**
 * Modules and stdin events for programs written the Node way: require('fs').readFileSync(0),
 * readline, process.stdin, and require('assert') as MultiPL-E's tests use it. Compiled on the
 * first require() or when the host drains stdin.
 */
const IO = String.raw`(function (host, stdinText, listeners, on, freeze, apply, hasOwn, serialize, line, where, note, define, ObjectCreate, strSlice) {
  'use strict';
  // Compiled after the solution ran: an assignment here would call a setter the solution put on
  // Function.prototype or Object.prototype (one named deepEqual made assert.deepEqual a no-op), so
  // every property is defined (define, see the prelude).
  const rl = ObjectCreate(null);
  define(rl, 'on', on(rl));
  define(rl, 'close', () => {});
  define(rl, 'question', (q, fn) => { host(${HOST.stdout}, '' + q); on(rl)('line', fn); });
  freeze(rl);
  const notFound = (name) => { const e = new Error("Cannot find module '" + name + "'"); e.code = 'MODULE_NOT_FOUND'; throw e; };
  const modules = {
    fs: freeze({ readFileSync(path) {
      if (path === 0 || path === '/dev/stdin') return stdinText;
      throw new Error('ENOENT: the sandbox has no files: ' + path);
    } }),
    readline: freeze({ createInterface: () => rl }),
    assert: assertModule(),
  };
  // A failure is reported to the host before anything is thrown, so catching it changes nothing.
  // Deep equality compares the values as serialized plain data (in key order, as the host would show them).
  // The host also hears where the assert was called (the stack) and what it compared, for the message.
  function assertModule() {
    const fail = (message, fallback, op, a, b) => {
      const text = message === undefined ? fallback : '' + message;
      const compared = op !== undefined;
      host(${HOST.assertFailed}, text, where(), compared ? op : '', compared ? line([a]) : '', compared ? line([b]) : '', compared ? '' : line([a]), message === undefined ? '' : text);
      throw freeze({ name: 'AssertionError', message: text });
    };
    const same = (a, b) => { try { return serialize(a, 1 << 22) === serialize(b, 1 << 22); } catch (e) { return false; } };
    const shown = (a, op, b) => line([a]) + ' ' + op + ' ' + line([b]);
    // Each assert first notes what the solution changed by then (see TAMPER).
    const assert = function (v, m) { note(); if (!v) fail(m, 'assert(' + line([v]) + ')', undefined, v); };
    const deepEqual = (a, b, m) => { note(); if (!same(a, b)) fail(m, shown(a, 'deepEqual', b), 'deepStrictEqual', a, b); };
    const notDeepEqual = (a, b, m) => { note(); if (same(a, b)) fail(m, shown(a, 'notDeepEqual', b), 'notDeepStrictEqual', a, b); };
    define(assert, 'ok', assert);
    define(assert, 'equal', (a, b, m) => { note(); if (a != b) fail(m, shown(a, '==', b), '==', a, b); });
    define(assert, 'notEqual', (a, b, m) => { note(); if (a == b) fail(m, shown(a, '!=', b), '!=', a, b); });
    define(assert, 'strictEqual', (a, b, m) => { note(); if (!(a === b || (a !== a && b !== b))) fail(m, shown(a, '===', b), '===', a, b); });
    define(assert, 'notStrictEqual', (a, b, m) => { note(); if (a === b) fail(m, shown(a, '!==', b), '!==', a, b); });
    define(assert, 'deepEqual', deepEqual);
    define(assert, 'deepStrictEqual', deepEqual);
    define(assert, 'notDeepEqual', notDeepEqual);
    define(assert, 'notDeepStrictEqual', notDeepEqual);
    define(assert, 'fail', (m) => { note(); fail(m, 'assert.fail()'); });
    define(assert, 'throws', (fn, _e, m) => { let threw = false; try { fn(); } catch (e) { threw = true; } note(); if (!threw) fail(typeof _e === 'string' ? _e : m, 'expected the function to throw'); });
    define(assert, 'strict', assert);
    return freeze(assert);
  }
  function require(name) {
    const text = typeof name === 'string' ? name : '';
    const key = apply(strSlice, text, [0, 5]) === 'node:' ? apply(strSlice, text, [5]) : text;
    return hasOwn(modules, key) ? modules[key] : notFound(name);
  }
  function drainStdin() {
    const fire = (event, arg) => {
      const fns = listeners[event];
      for (let i = 0; i < fns.length; i++) apply(fns[i], undefined, arg === undefined ? [] : [arg]);
    };
    if (listeners.data.length) fire('data', stdinText);
    if (listeners.end.length) fire('end');
    if (listeners.line.length) {
      const lines = stdinText.split('\n');
      if (lines.length && lines[lines.length - 1] === '') lines.length -= 1;
      for (let i = 0; i < lines.length; i++) fire('line', lines[i]);
    }
    if (listeners.close.length) fire('close');
  }
  return { require, drainStdin };
})`;

/**
 * Reward-hack detection for `code` tests, which share the realm with the solution: before the
 * solution runs, the properties named by the test that the intrinsic objects have (the globals,
 * their prototypes, the hidden iterator and typed array prototypes) are recorded, and on the common
 * prototypes those JavaScript consults on its own (toJSON when the test stringifies, toString,
 * valueOf, Symbol.iterator, then); check(), after the test, reports each one added, removed or
 * replaced since, and a global the solution hides with a let/const/class of its own. The comparison
 * also runs after each call into the solution the test makes (see reach) and at each assert, and
 * what it finds is kept: a change undone later still counts. Only builtins captured before the
 * solution ran are used, and the result is built by string concatenation: no method the solution
 * can replace runs.
 */
const TAMPER = String.raw`(function (G, watched, getPrototypeOf, getOwnPropertyDescriptor, getOwnPropertyNames, getOwnPropertySymbols, stringify, indirectEval, hasOwn, SymbolCtor, apply, parse, freeze, isArray, define) {
  'use strict';
  // Taken now, before the solution runs, as everything this part uses later.
  const ProxyCtor = Proxy, construct = Reflect.construct, reflectSet = Reflect.set, ownKeys = Reflect.ownKeys, ObjectCreate = Object.create;
  const wmGet = WeakMap.prototype.get, wmSet = WeakMap.prototype.set, wmHas = WeakMap.prototype.has, wsAdd = WeakSet.prototype.add, wsHas = WeakSet.prototype.has;
  const ArrayProto = Array.prototype, ObjectProto = Object.prototype, PromiseProto = Promise.prototype, promiseThen = Promise.prototype.then;
  const defineProperty = Object.defineProperty, bindFn = Function.prototype.bind, TypeErrorCtor = TypeError, RangeErrorCtor = RangeError;
  const MISSING = {};
  // The proxies made from here on (the solution's): one can pass for plain data while its traps run
  // the solution's code each time the test reads it. Proxy stays a constructor with a revocable,
  // named Proxy, without a prototype, as the real one.
  const made = new WeakSet();
  const madeProxy = (p) => { apply(wsAdd, made, [p]); return p; };
  const proxyRevocable = Proxy.revocable;
  function ProxyOf(target, handler) {
    if (new.target === undefined) throw new TypeErrorCtor("Constructor Proxy requires 'new'");
    return madeProxy(new ProxyCtor(target, handler));
  }
  const ProxyShown = apply(bindFn, ProxyOf, [undefined]);
  defineProperty(ProxyShown, 'name', { value: 'Proxy', configurable: true });
  defineProperty(ProxyShown, 'revocable', { value: function revocable(target, handler) { const r = proxyRevocable(target, handler); madeProxy(r.proxy); return r; }, writable: true, configurable: true });
  defineProperty(G, 'Proxy', { value: ProxyShown, writable: true, enumerable: false, configurable: true });
  const SYMBOLS = ['iterator', 'asyncIterator', 'toPrimitive', 'hasInstance', 'toStringTag', 'species', 'isConcatSpreadable', 'match', 'matchAll', 'replace', 'search', 'split'];
  const wanted = new Map();
  for (let i = 0; i < watched.length; i++) {
    const n = watched[i];
    let key = n, label = n;
    for (let j = 0; j < SYMBOLS.length; j++) if (n === '@@' + SYMBOLS[j]) { key = SymbolCtor[SYMBOLS[j]]; label = '[Symbol.' + SYMBOLS[j] + ']'; }
    wanted.set(key, label);
  }
  // Properties JavaScript looks up on its own: watched for being added to the common prototypes too
  // (Symbol.toStringTag decides Object.prototype.toString, Symbol.isConcatSpreadable what concat
  // spreads), and Symbol.hasInstance to the global constructors when the test uses instanceof.
  const IMPLICIT = [SymbolCtor.iterator, SymbolCtor.toPrimitive, SymbolCtor.toStringTag, 'toJSON', 'then', 'valueOf', 'toString'];
  if (wanted.has('concat')) IMPLICIT[IMPLICIT.length] = SymbolCtor.isConcatSpreadable;
  const symbolLabel = (k) => {
    for (let j = 0; j < SYMBOLS.length; j++) if (SymbolCtor[SYMBOLS[j]] === k) return '[Symbol.' + SYMBOLS[j] + ']';
    return '[Symbol]';
  };
  const paths = [], objects = [], seen = new Set();
  const add = (path, o) => {
    if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) return;
    seen.add(o);
    paths[paths.length] = path;
    objects[objects.length] = o;
  };
  add('', G);
  const globals = getOwnPropertyNames(G);
  for (let i = 0; i < globals.length; i++) {
    const d = getOwnPropertyDescriptor(G, globals[i]);
    if (d === undefined || !hasOwn(d, 'value')) continue;
    add(globals[i], d.value);
    if (typeof d.value === 'function') {
      const p = getOwnPropertyDescriptor(d.value, 'prototype');
      if (p !== undefined && hasOwn(p, 'value')) add(globals[i] + '.prototype', p.value);
    }
  }
  const arrayIterator = getPrototypeOf([][SymbolCtor.iterator]());
  add('%ArrayIteratorPrototype%', arrayIterator);
  add('%IteratorPrototype%', getPrototypeOf(arrayIterator));
  add('%StringIteratorPrototype%', getPrototypeOf(''[SymbolCtor.iterator]()));
  add('%MapIteratorPrototype%', getPrototypeOf(new Map()[SymbolCtor.iterator]()));
  add('%SetIteratorPrototype%', getPrototypeOf(new Set()[SymbolCtor.iterator]()));
  add('%TypedArray%', getPrototypeOf(Int8Array));
  add('%TypedArray%.prototype', getPrototypeOf(Int8Array.prototype));
  add('%GeneratorPrototype%', getPrototypeOf((function* () {})()));
  const common = new Set([Object.prototype, Array.prototype, String.prototype, Number.prototype, Boolean.prototype, BigInt.prototype,
    Symbol.prototype, Date.prototype, Function.prototype, Map.prototype, Set.prototype, Promise.prototype, RegExp.prototype,
    Error.prototype, arrayIterator, getPrototypeOf(arrayIterator)]);
  // A value is the same as before when it is the same value (NaN, Number.NaN) or the same object.
  const same = (a, b) => a === b || (a !== a && b !== b);
  // The pairs to compare: each watched property an intrinsic has now, and the implicit ones on the
  // common prototypes (a toJSON added to Array.prototype). A method the task itself asks to add
  // is not one an intrinsic had. Each pair is absent (ABSENT), a data property (its value), or an
  // accessor (its getter and setter); the check after every call into the solution tests the first
  // two without building a descriptor (see differences).
  const ABSENT = 0, DATA = 1, ACCESSOR = 2;
  const lookupGetter = ObjectProto.__lookupGetter__;
  const pairObject = [], pairKey = [], pairName = [], pairKind = [], pairValue = [], pairSetter = [];
  const paired = new Map(); // object → its getter lookup and the keys paired on it
  const protoObject = [], protoBefore = [], protoName = [];
  const pair = (i, k, label) => {
    const o = objects[i];
    let on = paired.get(o);
    if (on === undefined) {
      paired.set(o, on = { lookup: apply(bindFn, lookupGetter, [o]), keys: new Set() });
      // What the object inherits is looked up through its prototype: Object.setPrototypeOf(Array.prototype, { toJSON })
      // adds a toJSON to every array without touching a property of Array.prototype.
      const j = protoObject.length;
      protoObject[j] = o;
      protoBefore[j] = getPrototypeOf(o);
      protoName[j] = (paths[i] === '' ? 'globalThis' : paths[i]) + '.__proto__';
    }
    if (on.keys.has(k)) return;
    on.keys.add(k);
    const d = getOwnPropertyDescriptor(o, k);
    // A property that can be neither redefined nor written (NaN, JSON as the prelude left it) stays as it is.
    if (d !== undefined && !d.configurable && (!hasOwn(d, 'value') || !d.writable)) return;
    const n = pairObject.length;
    pairObject[n] = o;
    pairKey[n] = k;
    pairName[n] = paths[i] === '' ? label : typeof k === 'symbol' ? paths[i] + label : paths[i] + '.' + label;
    if (d === undefined) { pairKind[n] = ABSENT; pairValue[n] = MISSING; pairSetter[n] = MISSING; }
    else if (hasOwn(d, 'value')) { pairKind[n] = DATA; pairValue[n] = d.value; pairSetter[n] = MISSING; }
    else { pairKind[n] = ACCESSOR; pairValue[n] = d.get; pairSetter[n] = d.set; }
  };
  // A named property is watched where the test can reach it: on the global object, on the
  // prototypes every value reaches, and on a global the test names (Math.abs when it names Math), not
  // on every function that has a length or a name (that made each check of a loop of calls slow).
  const reachable = (i) => {
    const path = paths[i];
    if (path === '' || path[0] === '%' || common.has(objects[i])) return true;
    const dot = path.indexOf('.');
    return wanted.has(dot < 0 ? path : path.slice(0, dot));
  };
  for (let i = 0; i < objects.length; i++) {
    const own = getOwnPropertyNames(objects[i]);
    if (reachable(i)) for (let j = 0; j < own.length; j++) if (wanted.has(own[j])) pair(i, own[j], wanted.get(own[j]));
    const syms = getOwnPropertySymbols(objects[i]);
    for (let j = 0; j < syms.length; j++) if (wanted.has(syms[j])) pair(i, syms[j], wanted.get(syms[j]));
    if (common.has(objects[i])) {
      for (let j = 0; j < IMPLICIT.length; j++) {
        const k = IMPLICIT[j];
        if (!hasOwn(objects[i], k) && (k !== 'toJSON' || wanted.has('toJSON'))) pair(i, k, typeof k === 'symbol' ? symbolLabel(k) : k);
      }
    }
    if (typeof objects[i] === 'function' && wanted.has('instanceof') && !hasOwn(objects[i], SymbolCtor.hasInstance)) pair(i, SymbolCtor.hasInstance, '[Symbol.hasInstance]');
  }
  // A name the test uses that an intrinsic has (length, includes, map), added to Object.prototype,
  // makes a plain object returned in place of an array or a string pass as one. A task may ask to
  // add a method to Array.prototype or String.prototype (sum, or a reverse for strings), but not that.
  const standard = new Set();
  for (let i = 0; i < objects.length; i++) {
    const own = getOwnPropertyNames(objects[i]);
    for (let j = 0; j < own.length; j++) if (wanted.has(own[j])) standard.add(own[j]);
  }
  const objectProtoIndex = objects.indexOf(ObjectProto);
  for (const k of standard) if (objectProtoIndex >= 0 && !hasOwn(ObjectProto, k)) pair(objectProtoIndex, k, k);
  // Globals a solution may hide with a lexical declaration (const Math = …): their values now, and
  // one function, compiled now, that reads them as code of the global scope sees them (a call,
  // not an eval of each name, as the check runs after every call into the solution).
  const lexical = [];
  let lexicalNames = '';
  for (let i = 0; i < watched.length; i++) {
    const n = watched[i];
    if (!hasOwn(G, n)) continue;
    const d = getOwnPropertyDescriptor(G, n);
    if (hasOwn(d, 'value')) {
      lexicalNames += (lexical.length ? ',' : '') + n;
      lexical[lexical.length] = [n, d.value];
    }
  }
  const resolve = indirectEval('(function () { return [' + lexicalNames + ']; })');
  // The check that runs after every call into the solution, compiled once as straight-line code
  // (a loop over the pairs cost QuickJS about 0.4 µs a pair): true when every pair and every global
  // is as it was. An absent property is tested with \`in\` first (a name QuickJS knows at compile
  // time costs half what hasOwn's string does), a data property by reading it once no getter is
  // found (the lookup stops at the first property it meets, and reading a data property runs no
  // code; a property removed reads as the prototype's, which is not the same value), an accessor by
  // its descriptor, a global as code of the global scope reads it. When it says false, or throws
  // (a let of the solution not yet initialised), differences() finds what.
  const unchanged = (() => {
    const objectIndex = new Map(), symbolIndex = new Map(), O = [], L = [], S = [], V = [];
    const objectRef = (o) => {
      let j = objectIndex.get(o);
      if (j === undefined) { objectIndex.set(o, j = O.length); O[j] = o; L[j] = paired.has(o) ? paired.get(o).lookup : apply(bindFn, lookupGetter, [o]); }
      return j;
    };
    const keyText = (k) => {
      if (typeof k !== 'symbol') return stringify(k);
      let j = symbolIndex.get(k);
      if (j === undefined) { symbolIndex.set(k, j = S.length); S[j] = k; }
      return 's' + j;
    };
    const isValue = (expr, v) => {
      if (v !== v) return '(' + expr + ' !== ' + expr + ')';
      V[V.length] = v;
      return '(' + expr + ' === v' + (V.length - 1) + ')';
    };
    let body = '';
    for (let n = 0; n < pairObject.length; n++) {
      const o = 'o' + objectRef(pairObject[n]), k = keyText(pairKey[n]);
      if (pairKind[n] === ABSENT) body += 'if (' + (typeof pairKey[n] === 'symbol' ? '' : k + ' in ' + o + ' && ') + 'hasOwn(' + o + ', ' + k + ')) return false;\n';
      else if (pairKind[n] === DATA) body += 'if (l' + objectIndex.get(pairObject[n]) + '(' + k + ') !== undefined || !' + isValue(o + '[' + k + ']', pairValue[n]) + ') return false;\n';
      else body += 'if (!accessorAsBefore(' + n + ')) return false;\n';
    }
    for (let j = 0; j < protoObject.length; j++) {
      V[V.length] = protoBefore[j];
      body += 'if (getPrototypeOf(o' + objectRef(protoObject[j]) + ') !== v' + (V.length - 1) + ') return false;\n';
    }
    const g = 'o' + objectRef(G);
    for (let j = 0; j < lexical.length; j++) {
      const name = lexical[j][0], k = stringify(name);
      body += 'if (l' + objectIndex.get(G) + '(' + k + ') !== undefined || !' + isValue(g + '[' + k + ']', lexical[j][1]) + ' || !' + isValue(name, lexical[j][1]) + ') return false;\n';
    }
    let head = '';
    for (let j = 0; j < O.length; j++) head += 'const o' + j + ' = O[' + j + '], l' + j + ' = L[' + j + '];\n';
    for (let j = 0; j < S.length; j++) head += 'const s' + j + ' = S[' + j + '];\n';
    for (let j = 0; j < V.length; j++) head += 'const v' + j + ' = V[' + j + '];\n';
    return indirectEval('(function (O, L, S, V, hasOwn, getPrototypeOf, accessorAsBefore) {\n' + head + 'return function () {\n' + body + 'return true;\n};\n})')(O, L, S, V, hasOwn, getPrototypeOf, accessorAsBefore);
  })();
  function accessorAsBefore(n) {
    const d = getOwnPropertyDescriptor(pairObject[n], pairKey[n]);
    return d !== undefined && !hasOwn(d, 'value') && d.get === pairValue[n] && d.set === pairSetter[n];
  }
  const differences = (put) => {
    try { if (unchanged()) return; } catch (e) { /* a global not yet initialised: look at each */ }
    const count = pairObject.length;
    for (let n = 0; n < count; n++) {
      const o = pairObject[n], k = pairKey[n], kind = pairKind[n];
      if (kind === ABSENT) { if (!hasOwn(o, k)) continue; }
      else if (kind === DATA) { if (hasOwn(o, k) && paired.get(o).lookup(k) === undefined && same(o[k], pairValue[n])) continue; }
      else if (accessorAsBefore(n)) continue;
      put(kind === ABSENT ? 'added' : hasOwn(o, k) ? 'changed' : 'removed', pairName[n]);
    }
    for (let j = 0; j < protoObject.length; j++) if (getPrototypeOf(protoObject[j]) !== protoBefore[j]) put('changed', protoName[j]);
    let seenNow;
    try { seenNow = resolve(); } catch (e) { seenNow = undefined; } // a global deleted, or a let of the solution never initialised
    for (let j = 0; j < lexical.length; j++) {
      const d = getOwnPropertyDescriptor(G, lexical[j][0]);
      if (d === undefined || !hasOwn(d, 'value') || !same(d.value, lexical[j][1])) continue;
      let value;
      if (seenNow !== undefined) value = seenNow[j];
      else try { value = indirectEval(lexical[j][0]); } catch (e) { continue; }
      if (!same(value, lexical[j][1])) put('shadowed', lexical[j][0]);
    }
  };
  // What was found so far, kept in the order found: a change undone later is still reported.
  const found = ObjectCreate(null);
  let foundText = '', foundCount = 0;
  const record = (kind, name) => {
    const key = kind + ':' + name;
    if (foundCount >= 20 || found[key] === true) return;
    found[key] = true;
    foundText += (foundCount++ ? ',' : '') + '{"kind":' + stringify(kind) + ',"name":' + stringify(name) + '}';
  };
  // Each assert checks too, though a call into the solution was checked when it returned: code the
  // solution planted where the test reads without a trap (a Proxy passed off as plain data, a getter
  // put on the test's own argument) runs unseen, and the assert is where the verdict is decided.
  const look = () => differences(record);
  const note = look;
  // What the test waits on from the solution: a promise it was handed, or a thenable's then it
  // called. One that never settles leaves what the test would have done with it unrun (its asserts
  // among them) while the test ends "passed"; after the promise jobs, check() reports it.
  let waitingPromises = 0, waitingThens = 0;
  const check = () => {
    look();
    if (waitingPromises > 0) record('neverSettled', 'Promise');
    if (waitingThens > 0) record('neverSettled', 'thenable');
    return '[' + foundText + ']';
  };

  // The solution's code the test reaches, checked each time it returns: the solution's globals the
  // test names, passed to the test in place of them (functions and objects only, see reach), and
  // what they return or hold, through proxies whose traps run the real thing and then look().
  // A builtin read through them is wrapped too (it may call back into the solution: a generator's
  // next, a toString of an element) and runs with the real object as this, so a Map or a private
  // field still works; plain data (arrays and objects of primitives) is handed
  // over as it is: reading it runs nothing of the solution's.
  const intrinsics = new WeakSet();
  for (let i = 0; i < objects.length; i++) {
    const o = objects[i];
    apply(wsAdd, intrinsics, [o]);
    const keys = ownKeys(o);
    for (let j = 0; j < keys.length; j++) {
      const d = getOwnPropertyDescriptor(o, keys[j]);
      if (hasOwn(d, 'value')) { if (typeof d.value === 'function') apply(wsAdd, intrinsics, [d.value]); }
      else { if (d.get) apply(wsAdd, intrinsics, [d.get]); if (d.set) apply(wsAdd, intrinsics, [d.set]); }
    }
  }
  const isIntrinsic = (v) => apply(wsHas, intrinsics, [v]);
  const proxies = new WeakMap(), targets = new WeakMap();
  const unwrap = (v) => {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return v;
    const t = apply(wmGet, targets, [v]);
    return t === undefined ? v : t;
  };
  const unwrapAll = (args) => {
    for (let i = 0; i < args.length; i++) args[i] = unwrap(args[i]);
    return args;
  };
  const PLAIN_BUDGET = 20000;
  const plain = (v) => {
    let budget = PLAIN_BUDGET;
    const walk = (x, depth) => {
      if (x === null || (typeof x !== 'object' && typeof x !== 'function')) return true;
      if (typeof x === 'function' || depth > 50 || --budget < 0 || apply(wsHas, made, [x])) return false;
      const proto = getPrototypeOf(x);
      if (isArray(x) ? proto !== ArrayProto : proto !== ObjectProto && proto !== null) return false;
      if (getOwnPropertySymbols(x).length) return false;
      const names = getOwnPropertyNames(x);
      for (let i = 0; i < names.length; i++) {
        const d = getOwnPropertyDescriptor(x, names[i]);
        if (!hasOwn(d, 'value') || !walk(d.value, depth + 1)) return false;
      }
      return true;
    };
    return walk(v, 0);
  };
  // A proxy of the solution's that stands for an array or a plain object reaches the test as a copy
  // read through it now (its traps run here, then look()), so that nothing of the solution's runs
  // when the test reads it later. One standing for anything else is wrapped like any object.
  const copyOf = (v) => {
    let budget = PLAIN_BUDGET;
    const copy = (x, depth) => {
      if (x === null || (typeof x !== 'object' && typeof x !== 'function')) return x;
      if (!apply(wsHas, made, [x])) return wrap(x);
      if (depth > 50 || --budget < 0) throw new RangeErrorCtor('value nested too deeply (or contains itself)');
      const proto = getPrototypeOf(x);
      if (isArray(x)) {
        const out = [];
        const len = x.length;
        for (let i = 0; i < len; i++) define(out, '' + i, copy(x[i], depth + 1));
        return out;
      }
      if (typeof x === 'function' || (proto !== ObjectProto && proto !== null)) return proxied(x);
      const out = proto === null ? ObjectCreate(null) : {};
      const names = getOwnPropertyNames(x);
      for (let i = 0; i < names.length; i++) {
        const d = getOwnPropertyDescriptor(x, names[i]);
        if (d !== undefined && d.enumerable) define(out, names[i], copy(x[names[i]], depth + 1));
      }
      return out;
    };
    try { return copy(v, 0); } finally { look(); }
  };
  // A property as the test's read would find it: a getter of the solution's runs, then look().
  const read = (t, k) => {
    let o = t, d;
    while (o !== null) {
      d = getOwnPropertyDescriptor(o, k);
      if (d !== undefined) break;
      o = getPrototypeOf(o);
    }
    if (d === undefined) return undefined;
    if (hasOwn(d, 'value')) {
      // A proxy must report a frozen property as it is; a class's prototype stays itself for instanceof.
      if ((o === t && !d.configurable && !d.writable) || (k === 'prototype' && typeof t === 'function')) return d.value;
      if (k === 'then' && typeof d.value === 'function' && !isIntrinsic(d.value)) return awaited(wrap(d.value));
      return wrap(d.value);
    }
    if (d.get === undefined) return undefined;
    if (isIntrinsic(d.get)) return wrap(apply(d.get, t, []));
    try { return wrap(apply(d.get, t, [])); } catch (e) { throw wrap(e); } finally { look(); }
  };
  // What the solution throws reaches the test wrapped too: reading its message may run a getter.
  const objectTraps = {
    get: (t, k) => read(t, k),
    set: (t, k, v) => { try { return reflectSet(t, k, unwrap(v), t); } catch (e) { throw wrap(e); } finally { look(); } },
  };
  const functionTraps = {
    get: (t, k) => read(t, k),
    set: objectTraps.set,
    apply: (t, self, args) => { try { return wrap(apply(t, unwrap(self), unwrapAll(args))); } catch (e) { throw wrap(e); } finally { look(); } },
    construct: (t, args, newTarget) => {
      const nt = apply(wmGet, proxies, [t]) === newTarget ? t : unwrap(newTarget);
      try { return wrap(construct(t, unwrapAll(args), nt)); } catch (e) { throw wrap(e); } finally { look(); }
    },
  };
  // A thenable's then, as the test (or its await) calls it: waiting until the solution calls back.
  const awaited = (then) => function (onFulfilled, onRejected) {
    let done = false;
    const settle = (fn) => function (x) {
      if (!done) { done = true; waitingThens--; }
      return typeof fn === 'function' ? apply(fn, undefined, [x]) : undefined;
    };
    waitingThens++;
    return apply(then, this, [settle(onFulfilled), settle(onRejected)]);
  };
  const remember = (v, p) => { apply(wmSet, proxies, [v, p]); apply(wmSet, targets, [p, v]); return p; };
  const proxied = (v) => remember(v, new ProxyCtor(v, typeof v === 'function' ? functionTraps : objectTraps));
  function wrap(v) {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return v;
    const known = apply(wmGet, proxies, [v]);
    if (known !== undefined) return known;
    if (apply(wmHas, targets, [v])) return v;
    if (isIntrinsic(v) && typeof v !== 'function') return v;
    if (apply(wsHas, made, [v])) return copyOf(v);
    if (typeof v === 'object') {
      // A promise of the solution's: what it settles with is wrapped, once it has settled, checked.
      if (getPrototypeOf(v) === PromiseProto) {
        waitingPromises++;
        return apply(promiseThen, v, [(x) => { waitingPromises--; look(); return wrap(x); }, (e) => { waitingPromises--; look(); throw wrap(e); }]);
      }
      if (plain(v)) return v;
    }
    return proxied(v);
  }
  // Before the solution runs: which globals exist already (those are the builtins, watched above).
  const existing = ObjectCreate(null);
  for (let i = 0; i < globals.length; i++) existing[globals[i]] = true;
  let reached = [];
  // After the solution ran: of the names the test uses, the solution's globals that hold a function
  // or an object worth wrapping, and their wrapped values for run(). A number or plain data is left
  // as it is (the test keeps seeing the live binding).
  const reach = (namesText) => {
    const names = parse(namesText);
    let out = '', count = 0;
    const values = [];
    for (let i = 0; i < names.length; i++) {
      const n = names[i];
      if (existing[n] === true) continue;
      let v;
      try { v = indirectEval(n); } catch (e) { continue; }
      const w = wrap(v);
      if (w === v) continue;
      out += (count++ ? ',' : '') + stringify(n);
      define(values, '' + values.length, w); // a setter the solution put on Array.prototype's indices is not called
    }
    look();
    reached = values;
    return '[' + out + ']';
  };
  const run = (fn) => apply(fn, undefined, reached);
  return freeze({ check, note, reach, run });
})`;

/**
 * The names a test's code may rely on: its identifiers and those of the helpers a dataset's prompt
 * gives, and what JavaScript looks up by itself (conversions, iteration, promise resolution,
 * species). Sent to TAMPER for `code` tests.
 */
export function watchedNames(testCode: string, given = ''): string[] {
  // An array's toString calls its join (String(xs) === '1,2'), so join is watched with toString.
  const names = new Set<string>(['toString', 'join', 'valueOf', 'constructor', 'then', 'next', '@@iterator', '@@asyncIterator', '@@toPrimitive', '@@hasInstance', '@@species', '@@isConcatSpreadable']);
  const words = new Set<string>();
  // A dataset's prompt may give helpers the test calls (HumanEval-X's encodeCyclic, poly): what
  // their code uses is the test's too. Its comments (the task's statement) are not code.
  const code = given ? `${testCode}\n${given.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ' ')}` : testCode;
  for (const m of code.matchAll(/[A-Za-z_$][\w$]*/g)) {
    if (words.size >= 400) break;
    words.add(m[0]);
  }
  for (const [word, implied] of CALLED_BY_INTRINSICS) if (words.has(word)) for (const n of implied) names.add(n);
  for (const w of words) {
    if (names.size >= 400) break;
    names.add(w);
  }
  return [...names];
}

/** Regular expressions' methods, and strings' that take one, call exec and read the flags through RegExp.prototype. */
const REGEXP_PROTOCOL = ['exec', 'flags', 'global', 'ignoreCase', 'multiline', 'dotAll', 'unicode', 'unicodeSets', 'sticky', 'hasIndices', 'source', '@@match', '@@matchAll', '@@replace', '@@search', '@@split'];
/**
 * What an intrinsic the test names calls by itself, looked up on the object it works on, and so
 * watched as if the test named it: a replaced exec makes /^\d+$/.test(anything) true, a replaced
 * Set.prototype.add changes what new Set(xs) holds, a Date's toJSON calls its toISOString.
 */
const CALLED_BY_INTRINSICS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['stringify', ['toJSON', 'toISOString']],
  ...['RegExp', 'test', 'exec', 'match', 'matchAll', 'replace', 'replaceAll', 'search', 'split'].map((w) => [w, REGEXP_PROTOCOL] as const),
  ['Set', ['add']], ['WeakSet', ['add']], ['Map', ['set']], ['WeakMap', ['set']],
  ...['Promise', 'all', 'allSettled', 'any', 'race'].map((w) => [w, ['resolve']] as const),
];

/** Words no binding can have: never looked up as a solution's global. */
const RESERVED = new Set(('await break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
  'implements import in instanceof interface let new null package private protected public return static super switch this throw true try typeof var void while with yield arguments eval').split(' '));

/**
 * The names through which a `code` test may reach the solution's code: its identifiers and those of
 * the entry point a check receives. Sent to TAMPER's reach, which keeps those that are the solution's.
 */
export function reachNames(testCode: string, entryPoint = ''): string[] {
  const names = new Set<string>();
  for (const m of `${testCode}\n${entryPoint}`.matchAll(/(?<![\w$])(?<!(?<!\.)\.)[A-Za-z_$][\w$]*/g)) {
    if (names.size >= 400) break;
    if (!RESERVED.has(m[0])) names.add(m[0]);
  }
  return [...names];
}

/** What the host hands the prelude on request (`host(HOST.source, name)`), never parsed unless used. */
export const LAZY: Readonly<Record<string, string>> = { serialize: SERIALIZE, show: SHOW, io: IO, tamper: TAMPER };


export const JS_PRELUDE = String.raw`(function (host, stdinText, watchedText) {
  'use strict';
  const G = globalThis;
  const O = Object;
  const defineProperty = O.defineProperty, freeze = O.freeze, getPrototypeOf = O.getPrototypeOf;
  const ObjectCreate = O.create, strSlice = String.prototype.slice;
  // A property defined as an assignment would make it, without calling a setter the solution may
  // have put on a prototype by then, from a descriptor whose own prototype cannot add a get.
  const define = (o, k, v) => {
    const d = ObjectCreate(null);
    d.value = v; d.writable = true; d.enumerable = true; d.configurable = true;
    defineProperty(o, k, d);
  };
  const getOwnPropertyNames = O.getOwnPropertyNames, getOwnPropertyDescriptor = O.getOwnPropertyDescriptor, hasOwn = O.hasOwn;
  const isArray = Array.isArray, apply = Reflect.apply, stringify = JSON.stringify, parse = JSON.parse;
  const ObjectProto = O.prototype, ArrayProto = Array.prototype, PromiseProto = Promise.prototype;
  const MapProto = Map.prototype, SetProto = Set.prototype, DateProto = Date.prototype, ErrorProto = Error.prototype;
  const dateToISOString = DateProto.toISOString, errorToString = ErrorProto.toString;
  const indirectEval = eval;
  const ErrorCtor = Error;
  // Where a failed assert was called, for the host to find the test's line (QuickJS has no
  // Error.prepareStackTrace: the stack is the engine's own text).
  const where = () => { try { const s = new ErrorCtor().stack; return typeof s === 'string' ? s : ''; } catch (e) { return ''; } };
  const lazy = (name) => indirectEval(host(${HOST.source}, name));

  let serializeImpl, showImpl, ioImpl;
  const serialize = (v, maxChars) =>
    (serializeImpl || (serializeImpl = lazy('serialize')(getPrototypeOf, getOwnPropertyDescriptor, getOwnPropertyNames, isArray, stringify, ArrayProto, ObjectProto, MapProto, SetProto, DateProto, PromiseProto)))(v, maxChars);
  const show = (v, depth, top) =>
    (showImpl || (showImpl = lazy('show')(getPrototypeOf, getOwnPropertyDescriptor, getOwnPropertyNames, isArray, apply, stringify, ErrorProto, DateProto, errorToString, dateToISOString, MapProto, SetProto, PromiseProto)))(v, depth, top);
  const note = () => { if (tamper) tamper.note(); };
  const io = () => ioImpl || (ioImpl = lazy('io')(host, stdinText, listeners, on, freeze, apply, hasOwn, serialize, line, where, note, define, ObjectCreate, strSlice));

  function line(args) {
    let s = '';
    for (let i = 0; i < args.length; i++) s += (i ? ' ' : '') + show(args[i], 0, true);
    return s;
  }
  const out = (...a) => { host(${HOST.stdout}, line(a) + '\n'); };
  const err = (...a) => { host(${HOST.stderr}, line(a) + '\n'); };
  const consoleObject = freeze({
    log: out, info: out, debug: out, dir: out, table: out, trace: err, warn: err, error: err,
    assert(condition, ...a) {
      note();
      if (condition) return;
      const text = a.length ? line(a) : '';
      host(${HOST.assertFailed}, text, where(), '', '', '', '', text);
      host(${HOST.stderr}, (a.length ? 'Assertion failed: ' + line(a) : 'Assertion failed') + '\n');
    },
  });
  defineProperty(G, 'console', { value: consoleObject, writable: false, enumerable: false, configurable: false });
  // Tests compare with JSON.stringify: a solution must not be able to make it say "equal".
  defineProperty(G, 'JSON', { value: freeze(JSON), writable: false, enumerable: false, configurable: false });

  // Standard input: listeners are recorded now, fired when the host drains stdin (see IO).
  const listeners = { line: [], close: [], data: [], end: [] };
  const on = (target) => function (event, fn) {
    if (typeof fn === 'function' && listeners[event]) listeners[event][listeners[event].length] = fn;
    return target;
  };
  const stdin = {};
  stdin.on = on(stdin);
  stdin.setEncoding = () => stdin;
  stdin.resume = () => stdin;
  freeze(stdin);
  const exit = (code) => { host(${HOST.exit}, code === undefined ? 0 : +code || 0); };
  const processObject = freeze({
    argv: freeze(['node', 'solution.js']), env: freeze({}), platform: 'linux', stdin,
    stdout: freeze({ write: (s) => { host(${HOST.stdout}, '' + s); return true; } }),
    stderr: freeze({ write: (s) => { host(${HOST.stderr}, '' + s); return true; } }),
    exit, abort: exit,
  });
  defineProperty(G, 'process', { value: processObject, writable: false, enumerable: false, configurable: false });
  defineProperty(G, 'require', { value: (name) => io().require(name), writable: false, enumerable: false, configurable: false });

  // Taken now, before the solution runs (see TAMPER); only for code tests, which name what to watch.
  const tamper = watchedText ? lazy('tamper')(G, parse(watchedText), getPrototypeOf, getOwnPropertyDescriptor, getOwnPropertyNames, O.getOwnPropertySymbols, stringify, indirectEval, hasOwn, Symbol, apply, parse, freeze, isArray, define) : undefined;

  function call(fn, argsText, maxChars) {
    const args = parse(argsText);
    return serialize(apply(fn, undefined, args), maxChars);
  }

  return freeze({
    call, drainStdin: () => io().drainStdin(),
    tampered: () => (tamper ? tamper.check() : '[]'),
    reach: (namesText) => (tamper ? tamper.reach(namesText) : '[]'),
    run: (fn) => tamper.run(fn),
  });
})`;
