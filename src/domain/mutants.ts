// Mutants of a reference solution: small, plausible bugs (a flipped comparison, a constant off by
// one, a dropped branch, …) made on a token stream, so strings, comments and regular expressions are
// never touched, and every mutant still parses (mutationScore.ts runs them). Pure: no DOM, no Node APIs (it runs in the browser).
import { LANGUAGE_FACTS } from './language.js';
import type { Language } from './task.js';

export const MUTATION_OPERATORS = [
  'comparison-flip', // < ↔ <=, > ↔ >=, == ↔ !=, === ↔ !==; Python: in ↔ not in, is ↔ is not
  'constant-shift', // an integer literal n → n + 1 and n − 1
  'logical-swap', // and ↔ or, && ↔ ||
  'arithmetic-swap', // binary + ↔ −, * → /, / → * (and // in Python), // → /, += ↔ −=, ++ ↔ --
  'negate-condition', // if x → if not (x) / if (!(x))
  'drop-branch', // an else body emptied (pass / {}), an elif / else-if clause removed
  'return-early', // return None / return undefined first thing in a function body
  'slice-bound', // a[i:j] → a[i + 1:j], a[i:j - 1]; .slice(i, j) / .substring(i, j) likewise
  'boolean-flip', // True ↔ False, true ↔ false
] as const;
export type MutationOperator = (typeof MUTATION_OPERATORS)[number];

export type Mutant = {
  /** Operator and position (`operator:line:column`, `#n` when one place gives several): stable for the same code. */
  id: string;
  operator: MutationOperator;
  /** 1-based line and column of the change in the original code. */
  line: number;
  column: number;
  /** The original text that was replaced ('' for an insertion) and what replaced it. */
  original: string;
  replacement: string;
  /** The whole mutated program. */
  code: string;
};

export const DEFAULT_MAX_MUTANTS = 60;

/**
 * The mutants of `code`, in source order. With more than `max` (default 60), as many of each
 * operator as fit, spread evenly over the code. Each mutant differs from the original and from
 * every other one; ids do not depend on `max`.
 */
export function generateMutants(code: string, language: Language, options: { max?: number } = {}): Mutant[] {
  const max = options.max ?? DEFAULT_MAX_MUTANTS;
  // The C family (JavaScript, TypeScript) shares one tokenizer and one set of operators.
  const tokens = braces(language) ? tokenizeJavaScript(code) : tokenizePython(code);
  const candidates = braces(language) ? javascriptCandidates(code, tokens, language !== 'javascript') : pythonCandidates(code, tokens);
  candidates.sort((a, b) => a.start - b.start || MUTATION_OPERATORS.indexOf(a.operator) - MUTATION_OPERATORS.indexOf(b.operator) || a.order - b.order);
  const lines = lineStarts(code);
  // Duplicates are found by their edit, trimmed to what it really changes (`<` → `<=` inserts `=`):
  // building every candidate's whole program costs far more than the few kept.
  const edits = new Set<string>();
  const ids = new Map<string, number>();
  let all: Placed[] = [];
  for (const c of candidates) {
    const original = code.slice(c.start, c.end);
    if (original === c.text) continue;
    let p = 0;
    while (p < original.length && p < c.text.length && original[p] === c.text[p]) p++;
    let q = 0;
    while (q < original.length - p && q < c.text.length - p && original[original.length - 1 - q] === c.text[c.text.length - 1 - q]) q++;
    const edit = `${c.start + p}:${c.end - q}:${c.text.slice(p, c.text.length - q)}`;
    if (edits.has(edit)) continue;
    edits.add(edit);
    const { line, column } = position(lines, c.start);
    const base = `${c.operator}:${line}:${column}`;
    const n = (ids.get(base) ?? 0) + 1;
    ids.set(base, n);
    all.push({ id: n === 1 ? base : `${base}#${n}`, operator: c.operator, line, column, original, replacement: c.text, start: c.start, end: c.end });
  }
  // Two different edits can still make the same program (rarely): drop the later one and sample again.
  for (;;) {
    const seen = new Set<string>([code]);
    const dropped = new Set<Placed>();
    const chosen = sample(all, max).flatMap(({ start, end, ...m }): Mutant[] => {
      const mutated = code.slice(0, start) + m.replacement + code.slice(end);
      if (seen.has(mutated)) {
        dropped.add(all.find((x) => x.id === m.id)!);
        return [];
      }
      seen.add(mutated);
      return [{ ...m, code: mutated }];
    });
    if (!dropped.size) return chosen;
    all = all.filter((x) => !dropped.has(x));
  }
}

/** A mutant before its program is built: where its edit goes. */
type Placed = Omit<Mutant, 'code'> & { start: number; end: number };

/** The changed lines of a mutant: the first changed line (1-based), the lines it removes and adds. */
export type MutantDiff = { line: number; removed: string[]; added: string[] };

export function mutantDiff(original: string, mutated: string): MutantDiff {
  const a = original.split('\n');
  const b = mutated.split('\n');
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return { line: p + 1, removed: a.slice(p, a.length - s), added: b.slice(p, b.length - s) };
}

/** A diff as one unified-diff hunk (`@@ -4,1 +4,1 @@`, then `-` and `+` lines). */
export function unifiedDiff(d: MutantDiff): string {
  const start = (n: number) => (n === 0 ? d.line - 1 : d.line);
  return [`@@ -${start(d.removed.length)},${d.removed.length} +${start(d.added.length)},${d.added.length} @@`, ...d.removed.map((l) => `-${l}`), ...d.added.map((l) => `+${l}`)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Tokens

type TokenType = 'name' | 'number' | 'string' | 'comment' | 'op' | 'regex' | 'newline';
/** `start`/`end` are offsets into the source; `newline` ends a Python logical line. */
export type Token = { type: TokenType; value: string; start: number; end: number };

const PY_OPS = ['**=', '//=', '>>=', '<<=', '...', '->', ':=', '**', '//', '<<', '>>', '<=', '>=', '==', '!=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@='];
const JS_OPS = ['>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=', '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '>>'];
const OPENERS = '([{';
const CLOSERS = ')]}';

const PY_NAME = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/uy;
const PY_NUMBER = /(?:0[xX][\da-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJ]?)/y;
const PY_STRING_PREFIX = /^(?:[rRbBuUfFtT]|[rR][bBfFtT]|[bBfFtT][rR])$/;
const JS_NAME = /[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/uy;
const JS_NUMBER = /(?:0[xX][\da-fA-F_]+n?|0[oO][0-7_]+n?|0[bB][01_]+n?|\d[\d_]*n|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?)/y;

function matchAt(re: RegExp, src: string, i: number): string | undefined {
  re.lastIndex = i;
  return re.exec(src)?.[0];
}

function opAt(ops: readonly string[], src: string, i: number): string {
  for (const op of ops) if (src.startsWith(op, i)) return op;
  return src[i]!;
}

/** Python tokens, comments included; `newline` tokens end logical lines (not inside brackets). */
export function tokenizePython(src: string): Token[] {
  const out: Token[] = [];
  let depth = 0;
  let i = 0;
  const push = (type: TokenType, start: number, end: number) => out.push({ type, value: src.slice(start, end), start, end });
  const lastSignificant = () => {
    for (let k = out.length - 1; k >= 0; k--) if (out[k]!.type !== 'comment') return out[k];
    return undefined;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\n' || c === '\r') {
      const last = lastSignificant();
      if (depth === 0 && last && last.type !== 'newline') push('newline', i, i);
      i++;
    } else if (c === ' ' || c === '\t' || c === '\f') i++;
    else if (c === '\\' && (src[i + 1] === '\n' || src[i + 1] === '\r')) i += src.startsWith('\r\n', i + 1) ? 3 : 2;
    else if (c === '#') {
      let j = i;
      while (j < src.length && src[j] !== '\n' && src[j] !== '\r') j++;
      push('comment', i, j);
      i = j;
    } else if (c === '"' || c === "'") {
      const end = scanPythonString(src, i, '');
      push('string', i, end);
      i = end;
    } else if (/\d/.test(c) || (c === '.' && /\d/.test(src[i + 1] ?? ''))) {
      const n = matchAt(PY_NUMBER, src, i) ?? c;
      push('number', i, i + n.length);
      i += n.length;
    } else {
      const name = matchAt(PY_NAME, src, i);
      if (name !== undefined) {
        const q = src[i + name.length];
        if ((q === '"' || q === "'") && PY_STRING_PREFIX.test(name)) {
          const end = scanPythonString(src, i + name.length, name);
          push('string', i, end);
          i = end;
        } else {
          push('name', i, i + name.length);
          i += name.length;
        }
      } else {
        const op = opAt(PY_OPS, src, i);
        if (OPENERS.includes(op)) depth++;
        else if (CLOSERS.includes(op)) depth = Math.max(0, depth - 1);
        push('op', i, i + op.length);
        i += op.length;
      }
    }
  }
  const last = lastSignificant();
  if (last && last.type !== 'newline') push('newline', src.length, src.length);
  return out;
}

/** The end of a Python string literal whose quote is at `i`; f- and t-strings' fields are skipped whole. */
function scanPythonString(src: string, i: number, prefix: string): number {
  const quote = src[i]!;
  const triple = src.startsWith(quote.repeat(3), i);
  const formatted = /[fFtT]/.test(prefix);
  let j = i + (triple ? 3 : 1);
  while (j < src.length) {
    const c = src[j]!;
    if (c === '\\') j += 2;
    else if (triple ? src.startsWith(quote.repeat(3), j) : c === quote) return j + (triple ? 3 : 1);
    else if (!triple && (c === '\n' || c === '\r')) return j; // unterminated: the code does not parse anyway
    else if (formatted && c === '{') j = src[j + 1] === '{' ? j + 2 : scanFormatField(src, j + 1);
    else j++;
  }
  return src.length;
}

/** From just inside a replacement field `{…}` of an f-string to just after its `}`. */
function scanFormatField(src: string, i: number): number {
  let depth = 0;
  let spec = false;
  let j = i;
  while (j < src.length) {
    const c = src[j]!;
    if (spec) {
      if (c === '{') j = scanFormatField(src, j + 1);
      else if (c === '}') return j + 1;
      else j++;
      continue;
    }
    if (c === '"' || c === "'") {
      j = scanPythonString(src, j, '');
      continue;
    }
    const name = matchAt(PY_NAME, src, j);
    if (name !== undefined) {
      const q = src[j + name.length];
      j = (q === '"' || q === "'") && PY_STRING_PREFIX.test(name) ? scanPythonString(src, j + name.length, name) : j + name.length;
      continue;
    }
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c)) {
      if (depth === 0) return j + 1;
      depth--;
    } else if (c === ':' && depth === 0) spec = true;
    j++;
  }
  return src.length;
}

const JS_KEYWORDS = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'export', 'extends', 'finally', 'for', 'function', 'if',
  'import', 'in', 'instanceof', 'let', 'new', 'return', 'switch', 'throw', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'await',
]);
const JS_CONDITION_KEYWORDS = new Set(['if', 'while', 'for', 'with']);

/** JavaScript tokens, comments included; template literals are one `string` token, nested or not. */
export function tokenizeJavaScript(src: string): Token[] {
  return scanJavaScript(src, 0, false).tokens;
}

function scanJavaScript(src: string, start: number, untilBrace: boolean): { tokens: Token[]; end: number } {
  const out: Token[] = [];
  const parens: boolean[] = []; // per open paren: does it hold the condition of if/while/for/with?
  let braces = 0;
  let i = start;
  if (start === 0 && src.startsWith('#!')) {
    while (i < src.length && src[i] !== '\n') i++;
    out.push({ type: 'comment', value: src.slice(0, i), start: 0, end: i });
  }
  let last: Token | undefined;
  let lastCloser: 'condition' | 'value' = 'value';
  const push = (type: TokenType, s: number, e: number) => {
    const t = { type, value: src.slice(s, e), start: s, end: e };
    out.push(t);
    if (type !== 'comment') last = t;
  };
  const regexAllowed = () => {
    if (!last) return true;
    if (last.type === 'number' || last.type === 'string' || last.type === 'regex') return false;
    if (last.type === 'name') return JS_KEYWORDS.has(last.value);
    if (last.value === ')') return lastCloser === 'condition';
    return !(last.value === ']' || last.value === '++' || last.value === '--');
  };
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) i++;
    else if (src.startsWith('//', i)) {
      let j = i;
      while (j < src.length && src[j] !== '\n' && src[j] !== '\r' && src[j] !== '\u2028' && src[j] !== '\u2029') j++;
      push('comment', i, j);
      i = j;
    } else if (src.startsWith('/*', i)) {
      const j = src.indexOf('*/', i + 2);
      const end = j < 0 ? src.length : j + 2;
      push('comment', i, end);
      i = end;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      const end = Math.min(src.length, j + 1);
      push('string', i, end);
      i = end;
    } else if (c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== '`') {
        if (src[j] === '\\') j += 2;
        else if (src.startsWith('${', j)) j = scanJavaScript(src, j + 2, true).end;
        else j++;
      }
      const end = Math.min(src.length, j + 1);
      push('string', i, end);
      i = end;
    } else if (c === '/' && regexAllowed()) {
      let j = i + 1;
      let inClass = false;
      while (j < src.length && src[j] !== '\n') {
        const d = src[j]!;
        if (d === '\\') j++;
        else if (d === '[') inClass = true;
        else if (d === ']') inClass = false;
        else if (d === '/' && !inClass) break;
        j++;
      }
      j++;
      while (j < src.length && /[\p{ID_Continue}$]/u.test(src[j]!)) j++;
      push('regex', i, Math.min(j, src.length));
      i = Math.min(j, src.length);
    } else if (/\d/.test(c) || (c === '.' && /\d/.test(src[i + 1] ?? ''))) {
      const n = matchAt(JS_NUMBER, src, i) ?? c;
      push('number', i, i + n.length);
      i += n.length;
    } else {
      const name = matchAt(JS_NAME, src, i);
      if (name !== undefined) {
        push('name', i, i + name.length);
        i += name.length;
        continue;
      }
      const op = opAt(JS_OPS, src, i);
      if (op === '}' && braces === 0 && untilBrace) return { tokens: out, end: i + 1 };
      if (op === '{') braces++;
      else if (op === '}') braces = Math.max(0, braces - 1);
      else if (op === '(') parens.push(last?.type === 'name' && JS_CONDITION_KEYWORDS.has(last.value));
      else if (op === ')') lastCloser = parens.pop() ? 'condition' : 'value';
      push('op', i, i + op.length);
      i += op.length;
    }
  }
  return { tokens: out, end: src.length };
}

// ---------------------------------------------------------------------------------------------
// Candidates: one edit each (replace [start, end) by text)

type Candidate = { operator: MutationOperator; start: number; end: number; text: string; order: number };

const PY_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for',
  'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);
const PY_VALUES = new Set(['True', 'False', 'None']);
const JS_VALUES = new Set(['this', 'super', 'null', 'true', 'false']);

/** Does this token end an operand, so that a following + - * / is binary (and `[` a subscript)? */
const braces = (language: Language) => LANGUAGE_FACTS[language].family === 'c';

function endsValue(t: Token | undefined, language: Language): boolean {
  if (!t) return false;
  if (t.type === 'number' || t.type === 'string' || t.type === 'regex') return true;
  if (t.type === 'name') return language === 'python' ? !PY_KEYWORDS.has(t.value) || PY_VALUES.has(t.value) : !JS_KEYWORDS.has(t.value) || JS_VALUES.has(t.value);
  return t.value === ')' || t.value === ']' || (language === 'python' && t.value === '}') || (braces(language) && (t.value === '++' || t.value === '--'));
}

const COMPARISON: Record<string, string> = { '<': '<=', '<=': '<', '>': '>=', '>=': '>', '==': '!=', '!=': '==', '===': '!==', '!==': '===' };
const PY_ARITHMETIC: Record<string, string[]> = { '+': ['-'], '-': ['+'], '*': ['/'], '/': ['//', '*'], '//': ['/'] };
const JS_ARITHMETIC: Record<string, string[]> = { '+': ['-'], '-': ['+'], '*': ['/'], '/': ['*'] };
const COMPOUND: Record<string, string> = { '+=': '-=', '-=': '+=', '*=': '/=', '/=': '*=', '//=': '/=' };
const OPERATOR_CHARS = '+-*/%<>=!&|^~?.:';

/** An operator replacement, with spaces where the new text would fuse with a neighbour (`a+-b` → `a - -b`, not `a--b`). */
function opText(src: string, t: Token, text: string): string {
  const left = src[t.start - 1] ?? ' ';
  const right = src[t.end] ?? ' ';
  if (!OPERATOR_CHARS.includes(left) && !OPERATOR_CHARS.includes(right)) return text;
  return `${/\s/.test(left) ? '' : ' '}${text}${/\s/.test(right) ? '' : ' '}`;
}

/** n + 1 and n − 1 for a plain decimal integer literal (BigInt too), with parentheses where −1 needs them. */
function constantShifts(src: string, tokens: Token[], k: number, language: Language, out: Candidate[]): void {
  const t = tokens[k]!;
  const m = /^(0|[1-9]\d*)(n?)$/.exec(t.value);
  if (!m || (language === 'python' && m[2])) return;
  const n = BigInt(m[1]!);
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  out.push({ operator: 'constant-shift', start: t.start, end: t.end, text: `${n + 1n}${m[2]}`, order: 0 });
  if (n > 0n) out.push({ operator: 'constant-shift', start: t.start, end: t.end, text: `${n - 1n}${m[2]}`, order: 1 });
  else if (!(braces(language) && next?.value === ':')) {
    // −1: `a --1` is a decrement in JavaScript and `2 ** -1` a syntax error; `{0: x}` keys stay positive.
    const wrap = src[t.start - 1] === '-' || (braces(language) && (prev?.value === '**' || next?.value === '**'));
    out.push({ operator: 'constant-shift', start: t.start, end: t.end, text: wrap ? `(-1${m[2]})` : `-1${m[2]}`, order: 1 });
  }
}

const partners = new WeakMap<Token[], Int32Array>();

/** The index of the bracket that closes the one at `k` in a list of significant tokens, or -1. */
function closing(tokens: Token[], k: number): number {
  let match = partners.get(tokens);
  if (!match) {
    // Once per list: a scan from every bracket would be quadratic in minified code.
    match = new Int32Array(tokens.length).fill(-1);
    const open: number[] = [];
    tokens.forEach((v, j) => {
      if (v.type !== 'op') return;
      if (OPENERS.includes(v.value)) open.push(j);
      else if (CLOSERS.includes(v.value) && open.length) match![open.pop()!] = j;
    });
    partners.set(tokens, match);
  }
  return match[k] ?? -1;
}

/** The significant tokens in [from, to) at bracket depth 0 relative to `from`. */
function topLevel(tokens: Token[], from: number, to: number): Token[] {
  const out: Token[] = [];
  let depth = 0;
  for (let j = from; j < to; j++) {
    const v = tokens[j]!;
    if (v.type === 'op' && CLOSERS.includes(v.value)) depth--;
    if (depth === 0) out.push(v);
    if (v.type === 'op' && OPENERS.includes(v.value)) depth++;
  }
  return out;
}

const SAFE_ARITHMETIC = new Set(['.', '?.', '+', '-', '*', '/', '//', '%', '**', '~', '!', '++', '--', '(', ')', '[', ']', '{', '}']);

/** `expr + 1` / `expr - 1`, in parentheses unless the expression is plain arithmetic on operands. */
function shiftedBound(src: string, tokens: Token[], from: number, to: number, delta: '+ 1' | '- 1', language: Language): Candidate | undefined {
  if (from >= to) return undefined;
  const parts = tokens.slice(from, to);
  const literal = parts.length <= 2 && parts[parts.length - 1]!.type === 'number' && (parts.length === 1 || parts[0]!.value === '-');
  if (literal) return undefined; // constant-shift already moves a literal bound
  const plain = topLevel(tokens, from, to).every(
    (t) => t.type === 'number' || t.type === 'string' || (t.type === 'name' && endsValue(t, language)) || (t.type === 'op' && SAFE_ARITHMETIC.has(t.value)),
  );
  const start = parts[0]!.start;
  const end = parts[parts.length - 1]!.end;
  const text = src.slice(start, end);
  return { operator: 'slice-bound', start, end, text: `${plain ? text : `(${text})`} ${delta}`, order: delta === '+ 1' ? 0 : 1 };
}

// ---------------------------------------------------------------------------------------------
// Python

type LogicalLine = { tokens: Token[]; indent: number };

function pythonCandidates(src: string, all: Token[]): Candidate[] {
  const out: Candidate[] = [];
  const tokens = all.filter((t) => t.type !== 'comment');
  const code = tokens.filter((t) => t.type !== 'newline');
  const starts = lineStarts(src);
  const column = (offset: number) => offset - starts[position(starts, offset).line - 1]!;

  // Operators, names and literals, one token at a time. Nothing comes before a statement's first
  // token (so `*rest, last = xs` has no binary `*`).
  const lineFirst = new Set(tokens.filter((t, i) => t.type !== 'newline' && (i === 0 || tokens[i - 1]!.type === 'newline')));
  let depth = 0;
  const pendingFor: number[] = [0];
  for (let k = 0; k < code.length; k++) {
    const t = code[k]!;
    const prev = lineFirst.has(t) ? undefined : code[k - 1];
    if (t.type === 'op') {
      if (OPENERS.includes(t.value)) pendingFor[++depth] = 0;
      else if (CLOSERS.includes(t.value)) depth = Math.max(0, depth - 1);
      const flip = COMPARISON[t.value];
      if (flip !== undefined) out.push({ operator: 'comparison-flip', start: t.start, end: t.end, text: opText(src, t, flip), order: 0 });
      const compound = COMPOUND[t.value];
      if (compound !== undefined) out.push({ operator: 'arithmetic-swap', start: t.start, end: t.end, text: compound, order: 0 });
      const swaps = PY_ARITHMETIC[t.value];
      if (swaps && endsValue(prev, 'python'))
        swaps.forEach((s, order) => out.push({ operator: 'arithmetic-swap', start: t.start, end: t.end, text: opText(src, t, s), order }));
    } else if (t.type === 'number') constantShifts(src, code, k, 'python', out);
    else if (t.type === 'name') {
      const v = t.value;
      if (v === 'and' || v === 'or') out.push({ operator: 'logical-swap', start: t.start, end: t.end, text: v === 'and' ? 'or' : 'and', order: 0 });
      else if (v === 'True' || v === 'False') out.push({ operator: 'boolean-flip', start: t.start, end: t.end, text: v === 'True' ? 'False' : 'True', order: 0 });
      else if (v === 'for') pendingFor[depth] = (pendingFor[depth] ?? 0) + 1;
      else if (v === 'in') {
        if ((pendingFor[depth] ?? 0) > 0) pendingFor[depth]!--;
        else if (prev?.value === 'not') out.push({ operator: 'comparison-flip', start: prev.start, end: t.end, text: 'in', order: 0 });
        else out.push({ operator: 'comparison-flip', start: t.start, end: t.end, text: 'not in', order: 0 });
      } else if (v === 'is') {
        const next = code[k + 1];
        if (next?.value === 'not') out.push({ operator: 'comparison-flip', start: t.start, end: next.end, text: 'is', order: 0 });
        else out.push({ operator: 'comparison-flip', start: t.start, end: t.end, text: 'is not', order: 0 });
      }
    }
    if (t.type === 'op' && t.value === '[' && endsValue(prev, 'python')) pythonSlice(src, code, k, out);
  }

  // Statements, one logical line at a time.
  const lines: LogicalLine[] = [];
  let current: Token[] = [];
  for (const t of tokens) {
    if (t.type !== 'newline') current.push(t);
    else if (current.length) {
      lines.push({ tokens: current, indent: column(current[0]!.start) });
      current = [];
    }
  }
  /** The header's colon (the first `:` at depth 0), and the body: inline tokens or the indented lines after. */
  const clause = (li: number) => {
    const line = lines[li]!;
    const top = topLevel(line.tokens, 0, line.tokens.length);
    const colon = top.find((t) => t.value === ':' && t.type === 'op');
    if (!colon) return undefined;
    const inline = line.tokens.slice(line.tokens.indexOf(colon) + 1);
    if (inline.length) return { colon, first: inline[0]!, last: inline[inline.length - 1]!, bodyLines: [inline], inline: true };
    let end = li + 1;
    while (end < lines.length && lines[end]!.indent > line.indent) end++;
    if (end === li + 1) return undefined;
    const body = lines.slice(li + 1, end);
    const lastLine = body[body.length - 1]!.tokens;
    return { colon, first: body[0]!.tokens[0]!, last: lastLine[lastLine.length - 1]!, bodyLines: body.map((b) => b.tokens), inline: false, indentText: src.slice(src.lastIndexOf('\n', body[0]!.tokens[0]!.start - 1) + 1, body[0]!.tokens[0]!.start) };
  };
  lines.forEach((line, li) => {
    const [head, second] = line.tokens;
    if (!head) return;
    if (head.value === 'if' || head.value === 'elif') {
      const c = clause(li);
      if (c && second && second !== c.colon) {
        const before = line.tokens[line.tokens.indexOf(c.colon) - 1]!;
        const text = src.slice(second.start, before.end);
        out.push({ operator: 'negate-condition', start: second.start, end: before.end, text: `not (${text})`, order: 0 });
      }
    }
    if (head.value === 'else' && second?.value === ':') {
      const c = clause(li);
      const onlyPass = c && c.bodyLines.length === 1 && c.bodyLines[0]!.length === 1 && c.bodyLines[0]![0]!.value === 'pass';
      if (c && !onlyPass) out.push({ operator: 'drop-branch', start: c.first.start, end: c.last.end, text: 'pass', order: 0 });
    }
    if (head.value === 'elif') {
      const c = clause(li);
      if (c) {
        const start = src.lastIndexOf('\n', head.start - 1) + 1;
        const nl = src.indexOf('\n', c.last.end);
        out.push({ operator: 'drop-branch', start, end: nl < 0 ? src.length : nl + 1, text: '', order: 1 });
      }
    }
    if (head.value === 'def' || (head.value === 'async' && second?.value === 'def')) {
      const c = clause(li);
      const first = c?.bodyLines[0];
      const trivial = first && first[0]!.value === 'return' && (first.length === 1 || (first.length === 2 && first[1]!.value === 'None'));
      if (c && !trivial) out.push({ operator: 'return-early', start: c.first.start, end: c.first.start, text: c.inline ? 'return None; ' : `return None\n${c.indentText}`, order: 0 });
    }
  });
  return out;
}

/** `a[i:j]` → `a[i + 1:j]` and `a[i:j - 1]`; an omitted bound becomes 1 or -1. Steps and tuples are left alone. */
function pythonSlice(src: string, code: Token[], k: number, out: Candidate[]): void {
  const close = closing(code, k);
  if (close < 0) return;
  const top = topLevel(code, k + 1, close);
  const colons = top.filter((t) => t.type === 'op' && t.value === ':');
  if (colons.length !== 1 || top.some((t) => t.type === 'op' && t.value === ',')) return;
  const colon = code.indexOf(colons[0]!, k);
  const lower = colon === k + 1 ? { operator: 'slice-bound' as const, start: colons[0]!.start, end: colons[0]!.start, text: '1', order: 0 } : shiftedBound(src, code, k + 1, colon, '+ 1', 'python');
  const upper = colon === close - 1 ? { operator: 'slice-bound' as const, start: code[close]!.start, end: code[close]!.start, text: '-1', order: 1 } : shiftedBound(src, code, colon + 1, close, '- 1', 'python');
  for (const c of [lower, upper]) if (c) out.push(c);
}

// ---------------------------------------------------------------------------------------------
// JavaScript

const NOT_METHOD_NAMES = new Set([...JS_KEYWORDS, 'function']);

/**
 * Indices of the tokens inside type arguments (`Array<number>`, `Map<string, Set<number>>`): a `<`
 * right after a name, up to its matching `>`, with only names, numbers and type punctuation
 * between. Their `<`, `>` and `*` are not operators, so mutating them says nothing about the tests.
 */
function typeArguments(code: Token[]): Set<number> {
  const out = new Set<number>();
  const inner = new Set([',', ':', '.', '[', ']', '*', '&', '|', '?', '(', ')', '=>']);
  for (let k = 1; k < code.length; k++) {
    const t = code[k]!;
    const prev = code[k - 1]!;
    if (t.value !== '<' || prev.type !== 'name' || prev.end !== t.start) continue;
    let depth = 1;
    let j = k + 1;
    for (; j < code.length && depth > 0; j++) {
      const c = code[j]!;
      if (c.value === '<') depth++;
      else if (c.value === '>') depth--;
      else if (c.value === '>>') depth -= 2;
      else if (!(c.type === 'name' || c.type === 'number' || inner.has(c.value))) break;
    }
    if (depth <= 0) for (let i = k; i < j; i++) out.add(i);
  }
  return out;
}

function javascriptCandidates(src: string, all: Token[], typed: boolean): Candidate[] {
  const out: Candidate[] = [];
  const code = all.filter((t) => t.type !== 'comment');
  const types = typed ? typeArguments(code) : new Set<number>();
  const starts = lineStarts(src);
  const lineOf = (offset: number) => position(starts, offset).line;
  const bodies = new Set<number>();
  const index = new Map(all.map((t, i) => [t, i]));
  const previousToken = (t: Token) => all[(index.get(t) ?? 0) - 1];

  for (let k = 0; k < code.length; k++) {
    const t = code[k]!;
    const prev = code[k - 1];
    const next = code[k + 1];
    if (t.type === 'op' && types.has(k)) continue;
    if (t.type === 'op') {
      const flip = COMPARISON[t.value];
      if (flip !== undefined) out.push({ operator: 'comparison-flip', start: t.start, end: t.end, text: opText(src, t, flip), order: 0 });
      if (t.value === '&&' || t.value === '||') out.push({ operator: 'logical-swap', start: t.start, end: t.end, text: opText(src, t, t.value === '&&' ? '||' : '&&'), order: 0 });
      const compound = t.value === '//=' ? undefined : COMPOUND[t.value];
      if (compound !== undefined) out.push({ operator: 'arithmetic-swap', start: t.start, end: t.end, text: compound, order: 0 });
      if (t.value === '++' || t.value === '--') out.push({ operator: 'arithmetic-swap', start: t.start, end: t.end, text: t.value === '++' ? '--' : '++', order: 0 });
      const swaps = JS_ARITHMETIC[t.value];
      if (swaps && endsValue(prev, 'javascript'))
        swaps.forEach((s, order) => out.push({ operator: 'arithmetic-swap', start: t.start, end: t.end, text: opText(src, t, s), order }));
      if (t.value === '=>' && next?.value === '{') bodies.add(k + 1);
    } else if (t.type === 'number') constantShifts(src, code, k, 'javascript', out);
    else if (t.type === 'name') {
      const v = t.value;
      const member = prev?.value === '.' || prev?.value === '?.';
      if ((v === 'true' || v === 'false') && !member) out.push({ operator: 'boolean-flip', start: t.start, end: t.end, text: v === 'true' ? 'false' : 'true', order: 0 });
      if (v === 'if' && !member && next?.value === '(') {
        const close = closing(code, k + 1);
        if (close > k + 2) {
          const start = code[k + 2]!.start;
          const end = code[close - 1]!.end;
          out.push({ operator: 'negate-condition', start, end, text: `!(${src.slice(start, end)})`, order: 0 });
        }
      }
      if (v === 'else' && !member) javascriptElse(code, k, previousToken, out);
      if (v === 'function' && !member) {
        let j = k + 1;
        if (code[j]?.value === '*') j++;
        if (code[j]?.type === 'name') j++;
        if (code[j]?.value === '(') {
          const close = closing(code, j);
          if (close > 0 && code[close + 1]?.value === '{') bodies.add(close + 1);
        }
      } else if (!member && next?.value === '(' && !NOT_METHOD_NAMES.has(v)) {
        // A method definition `name(…) {`, on one line (a call followed by a block needs a newline).
        const close = closing(code, k + 1);
        const brace = code[close + 1];
        if (close > 0 && brace?.value === '{' && lineOf(brace.start) === lineOf(code[close]!.start)) bodies.add(close + 1);
      }
      if ((v === 'slice' || v === 'substring') && member && next?.value === '(') {
        const close = closing(code, k + 1);
        if (close > k + 2) {
          const top = topLevel(code, k + 2, close);
          const commas = top.filter((x) => x.type === 'op' && x.value === ',').map((x) => code.indexOf(x, k));
          if (commas.length <= 1 && !top.some((x) => x.value === '...')) {
            const firstEnd = commas[0] ?? close;
            const lower = shiftedBound(src, code, k + 2, firstEnd, '+ 1', 'javascript');
            const upper = commas.length ? shiftedBound(src, code, firstEnd + 1, close, '- 1', 'javascript') : undefined;
            for (const c of [lower, upper]) if (c) out.push(c);
          }
        }
      }
    }
  }

  for (const b of bodies) {
    const brace = code[b]!;
    const first = code[b + 1];
    if (!first || first.value === '}') continue; // an empty body returns undefined already
    const after = code[b + 2];
    if (first.value === 'return' && (after?.value === ';' || after?.value === '}' || after?.value === 'undefined')) continue;
    const newLine = lineOf(first.start) > lineOf(brace.start);
    const indent = src.slice(src.lastIndexOf('\n', first.start - 1) + 1, first.start);
    out.push({ operator: 'return-early', start: first.start, end: first.start, text: newLine && /^\s*$/.test(indent) ? `return undefined;\n${indent}` : 'return undefined; ', order: 0 });
  }
  return out;
}

/** `else {…}` → `else {}`; `else if (c) {…}` removed (a following else then belongs to the previous if). */
function javascriptElse(code: Token[], k: number, previousToken: (t: Token) => Token | undefined, out: Candidate[]): void {
  const t = code[k]!;
  const next = code[k + 1];
  if (next?.value === '{') {
    const close = closing(code, k + 1);
    if (close > k + 2) out.push({ operator: 'drop-branch', start: next.end, end: code[close]!.start, text: '', order: 0 });
  } else if (next?.value === 'if' && code[k + 2]?.value === '(') {
    const cond = closing(code, k + 2);
    if (cond > 0 && code[cond + 1]?.value === '{') {
      const close = closing(code, cond + 1);
      const before = previousToken(t);
      if (close > 0 && before) out.push({ operator: 'drop-branch', start: before.end, end: code[close]!.end, text: '', order: 0 });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Positions and sampling

function lineStarts(src: string): number[] {
  const starts = [0];
  for (let i = 0; i < src.length; i++) if (src[i] === '\n') starts.push(i + 1);
  return starts;
}

function position(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** At most `max` mutants: operators take turns for the places, and each keeps mutants spread over the code. */
function sample<T extends { operator: MutationOperator }>(all: T[], max: number): T[] {
  if (all.length <= max) return all;
  if (max <= 0) return [];
  const groups = MUTATION_OPERATORS.map((op) => all.filter((m) => m.operator === op));
  const quota = groups.map(() => 0);
  for (let left = max; left > 0; ) {
    let gave = false;
    groups.forEach((g, i) => {
      if (left > 0 && quota[i]! < g.length) {
        quota[i]!++;
        left--;
        gave = true;
      }
    });
    if (!gave) break;
  }
  const chosen = new Set<T>();
  groups.forEach((g, i) => {
    const q = quota[i]!;
    for (let j = 0; j < q; j++) chosen.add(g[Math.floor(((2 * j + 1) * g.length) / (2 * q))]!);
  });
  return all.filter((m) => chosen.has(m));
}
