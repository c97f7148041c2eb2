// A prompt and its model answers → an ordinary task (format version 1): each answer's chosen code
// blocks become a solution that keeps the answer's Markdown, the entry point is found from the
// prompt and the code, the prompt's unambiguous examples become visible tests, and the trainer's
// own rows ("args → expected") and assertions are added. Text in, data out; nothing is run here.
import { LANGUAGES, taskSchema, type Language, type Solution, type Task, type TestCase } from '../domain/task.js';
import type { Message } from '../domain/verdict.js';
import { Lexer, type Token, type Tokens } from 'marked';
import { combineBlocks, defaultBlocks, mainLanguage, parseAnswer, type AnswerSet, type ParsedAnswer } from './answers.js';
import { schemaProblems, type Problem } from './taskFile.js';

// --- Literals: Python or JavaScript values written in prompts, as JSON data ---------------------

type Lit = { ok: true; value: unknown; end: number } | { ok: false };

/**
 * Reads a sequence of literals separated by commas (`[1, 2], 'a', None`): numbers, strings,
 * True/False/None (and true/false/null), lists, tuples (as lists) and dicts with string keys.
 * Anything else (a name, a call, a keyword argument) makes the whole text unreadable: an example
 * we cannot read exactly is not turned into a test.
 */
export function parseLiterals(text: string): unknown[] | undefined {
  const values: unknown[] = [];
  let i = skip(text, 0);
  if (i >= text.length) return values;
  for (;;) {
    const r = literal(text, i, 0);
    if (!r.ok) return undefined;
    values.push(r.value);
    i = skip(text, r.end);
    if (i >= text.length) return values;
    if (text[i] !== ',') return undefined;
    i = skip(text, i + 1);
    if (i >= text.length) return values; // a trailing comma
  }
}

/** One literal filling the whole text. */
export function parseLiteral(text: string): { value: unknown } | undefined {
  const r = literal(text, skip(text, 0), 0);
  return r.ok && skip(text, r.end) >= text.length ? { value: r.value } : undefined;
}

const skip = (s: string, i: number) => {
  while (i < s.length && /\s/.test(s[i]!)) i++;
  return i;
};

function literal(s: string, i: number, depth: number): Lit {
  if (depth > 32 || i >= s.length) return { ok: false };
  const c = s[i]!;
  if (c === '[' || c === '(') return sequence(s, i, c === '[' ? ']' : ')', depth);
  if (c === '{') return dict(s, i, depth);
  if (c === '"' || c === "'") return quoted(s, i);
  const num = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(s.slice(i));
  if (num) return { ok: true, value: Number(num[0]), end: i + num[0].length };
  const word = /^[A-Za-z_]\w*/.exec(s.slice(i))?.[0];
  const words: Record<string, unknown> = { True: true, False: false, None: null, true: true, false: false, null: null };
  if (word && Object.hasOwn(words, word)) return { ok: true, value: words[word], end: i + word.length };
  return { ok: false };
}

function sequence(s: string, i: number, close: string, depth: number): Lit {
  const out: unknown[] = [];
  i = skip(s, i + 1);
  while (i < s.length && s[i] !== close) {
    const r = literal(s, i, depth + 1);
    if (!r.ok) return r;
    out.push(r.value);
    i = skip(s, r.end);
    if (s[i] === ',') i = skip(s, i + 1);
    else if (s[i] !== close) return { ok: false };
  }
  return i < s.length ? { ok: true, value: out, end: i + 1 } : { ok: false };
}

function dict(s: string, i: number, depth: number): Lit {
  const out: Record<string, unknown> = {};
  i = skip(s, i + 1);
  while (i < s.length && s[i] !== '}') {
    const k = literal(s, i, depth + 1);
    if (!k.ok || typeof k.value !== 'string') return { ok: false };
    i = skip(s, k.end);
    if (s[i] !== ':') return { ok: false };
    const v = literal(s, skip(s, i + 1), depth + 1);
    if (!v.ok) return v;
    Object.defineProperty(out, k.value, { value: v.value, enumerable: true, writable: true, configurable: true });
    i = skip(s, v.end);
    if (s[i] === ',') i = skip(s, i + 1);
    else if (s[i] !== '}') return { ok: false };
  }
  return i < s.length ? { ok: true, value: out, end: i + 1 } : { ok: false };
}

function quoted(s: string, i: number): Lit {
  const q = s[i]!;
  let out = '';
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j]!;
    if (c === q) return { ok: true, value: out, end: j + 1 };
    if (c === '\n') return { ok: false };
    if (c === '\\') {
      const e = s[++j];
      if (e === undefined || !Object.hasOwn(escapes, e)) return { ok: false };
      out += escapes[e];
    } else out += c;
  }
  return { ok: false };
}

// --- Calls written in text: `name(args) → expected` ---------------------------------------------

/** `name(args)` at the start of `text`: the name, the argument text and where the call ends. */
function callAt(text: string): { name: string; args: string; end: number } | undefined {
  const m = /^\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\(/.exec(text);
  if (!m) return undefined;
  let depth = 1;
  let quote: string | undefined;
  for (let i = m[0].length; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c) && --depth === 0) return { name: m[1]!, args: text.slice(m[0].length, i), end: i + 1 };
  }
  return undefined;
}

const ARROW = /^\s*(?:→|->|=>|==|⇒|returns?|should return|gives|devuelve|retorna|debe(?:ría)? (?:retornar|devolver)|:)\s*/i;

/** `f(1, 2) → 3` (or ->, =>, ==, "returns", "retorna"…): the call and the expected value, if both read exactly. */
export function exampleCall(line: string): { name: string; args: unknown[]; expected: unknown } | undefined {
  const clean = line.replace(/`/g, '').replace(/^\s*([-*+]|\d+[.)])\s+/, '').replace(/^\s*(assert|expect)\s+/i, '');
  const call = callAt(clean);
  if (!call) return undefined;
  const rest = clean.slice(call.end);
  const arrow = ARROW.exec(rest);
  if (!arrow || arrow[0].trim() === ':' && !/^\s*:/.test(rest)) return undefined;
  const args = parseLiterals(call.args);
  const expected = parseLiteral(rest.slice(arrow[0].length).replace(/[\s.;,]+$/, '').replace(/\s*(#|\/\/).*$/, ''));
  return args && expected ? { name: call.name, args, expected: expected.value } : undefined;
}

/** JavaScript-style assertions as calls: `console.assert(f(1) === 2)`, `expect(f(1)).toBe(2)`, `assert.deepStrictEqual(f(1), 2)`. */
function assertionCall(line: string): { name: string; args: unknown[]; expected: unknown } | undefined {
  const s = line.trim().replace(/;\s*$/, '');
  const wrapped = /^(?:console\.)?assert(?:\.\w+)?\s*\((.*)\)$/s.exec(s);
  if (wrapped) {
    const inner = wrapped[1]!;
    const call = callAt(inner);
    if (!call) return undefined;
    const rest = inner.slice(call.end).trim();
    const m = /^(?:===|==|,)\s*(.*)$/s.exec(rest);
    const args = parseLiterals(call.args);
    const expected = m ? parseLiteral(m[1]!) : undefined;
    return args && expected ? { name: call.name, args, expected: expected.value } : undefined;
  }
  const expectForm = /^expect\s*\((.*)\)\s*\.\s*to(?:Be|Equal|StrictEqual)\s*\((.*)\)$/s.exec(s);
  if (expectForm) {
    const call = callAt(expectForm[1]!);
    if (!call || call.end !== expectForm[1]!.trim().length) return undefined;
    const args = parseLiterals(call.args);
    const expected = parseLiteral(expectForm[2]!);
    return args && expected ? { name: call.name, args, expected: expected.value } : undefined;
  }
  return undefined;
}

// --- Entry points -------------------------------------------------------------------------------

/** Top-level functions a solution defines, in order. */
export function definedFunctions(code: string, language: Language): string[] {
  const re =
    language === 'python'
      ? /^(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(|^([A-Za-z_]\w*)\s*=\s*lambda\b|^class\s+([A-Za-z_]\w*)/gm
      : /^(?:export\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*\(|^(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*=>|[A-Za-z_$][\w$]*\s*=>)|^class\s+([A-Za-z_$][\w$]*)/gm;
  return [...code.matchAll(re)].map((m) => m[1] ?? m[2] ?? m[3]!).filter((n) => n !== 'main');
}

/** Names the prompt writes as calls or definitions: `name(...)`, def name(, function name(. */
export function promptNames(prompt: string): string[] {
  const names = new Set<string>();
  for (const m of prompt.matchAll(/(?:\bdef\s+|\bfunction\s+|`)([A-Za-z_$][\w$]*)\s*\(/g)) names.add(m[1]!);
  for (const m of prompt.matchAll(/^\s*(?:>>>\s*)?([A-Za-z_$][\w$]*)\s*\([^)\n]*\)\s*(?:→|->|=>|==)/gm)) names.add(m[1]!);
  for (const m of prompt.matchAll(/(?:funci[oó]n|function|m[eé]todo|method)\s+(?:llamada\s+|called\s+|named\s+)?`([A-Za-z_$][\w$]*)`/gi)) names.add(m[1]!);
  return [...names];
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/**
 * The function the tests call, per language: a name the prompt uses that the solutions define (in
 * the language's own spelling, so `sum_even` in the prompt finds a JavaScript `sumEven`), else the
 * name most solutions of that language define (the last one defined when they tie: helpers come first).
 */
export function findEntryPoints(prompt: string, solutions: readonly Pick<Solution, 'language' | 'code'>[]): Partial<Record<Language, string>> {
  const wanted = promptNames(prompt);
  const out: Partial<Record<Language, string>> = {};
  for (const language of LANGUAGES) {
    const own = solutions.filter((s) => s.language === language);
    if (!own.length) continue;
    const count = new Map<string, { n: number; last: number }>();
    for (const s of own)
      definedFunctions(s.code, language).forEach((name, i) => {
        const c = count.get(name) ?? { n: 0, last: 0 };
        count.set(name, { n: c.n + 1, last: Math.max(c.last, i) });
      });
    const named = wanted.flatMap((w) => [w, camel(w), snake(w)]).find((w) => count.has(w));
    const best = named ?? [...count].sort((a, b) => b[1].n - a[1].n || b[1].last - a[1].last)[0]?.[0];
    if (best) out[language] = best;
  }
  return out;
}

// --- Examples in the prompt → tests -------------------------------------------------------------

export type ExampleTest = { kind: 'call'; name: string; args: unknown[]; expected: unknown } | { kind: 'stdio'; name: string; stdin: string; expectedStdout: string };

const INPUT_LABEL = /^\**\s*(?:example\s*\d*\s*[-–:]?\s*)?(?:sample\s+)?(input|entrada)(?:\s+de\s+ejemplo)?\s*\d*\s*:?\s*\**$/i;
const OUTPUT_LABEL = /^\**\s*(?:sample\s+)?(output|salida|expected output|salida esperada)(?:\s+de\s+ejemplo)?\s*\d*\s*:?\s*\**$/i;

function* flatTokens(tokens: readonly Token[]): Generator<Token> {
  for (const t of tokens) {
    if (t.type === 'list') for (const item of (t as Tokens.List).items) yield* flatTokens(item.tokens);
    else if (t.type === 'blockquote') yield* flatTokens((t as Tokens.Blockquote).tokens);
    else yield t;
  }
}

/**
 * The prompt's own examples as tests, where they are unambiguous: doctest `>>>` lines with the
 * value on the next line, `f(x) → y` lines, and an input block followed by an output block. Only
 * calls of `entry` (any of its spellings) count; a call shown twice with different results counts
 * for nothing.
 */
export function examplesToTests(prompt: string, entry: readonly string[]): ExampleTest[] {
  const names = new Set(entry.flatMap((e) => [e, camel(e), snake(e)]));
  const calls = new Map<string, { args: unknown[]; expected: unknown; clash: boolean }>();
  const addCall = (c: { name: string; args: unknown[]; expected: unknown } | undefined) => {
    if (!c || !names.has(c.name)) return;
    const key = JSON.stringify(c.args);
    const seen = calls.get(key);
    if (seen) seen.clash ||= JSON.stringify(seen.expected) !== JSON.stringify(c.expected);
    else calls.set(key, { args: c.args, expected: c.expected, clash: false });
  };
  const lines = prompt.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, i) => {
    const doctest = /^\s*>>>\s*(.*)$/.exec(line);
    if (doctest) {
      const next = lines[i + 1];
      if (next === undefined || /^\s*(>>>|\.\.\.)/.test(next) || !next.trim()) return;
      const call = callAt(doctest[1]!);
      if (!call || doctest[1]!.slice(call.end).trim()) return;
      const args = parseLiterals(call.args);
      const expected = parseLiteral(next.trim());
      if (args && expected) addCall({ name: call.name, args, expected: expected.value });
      return;
    }
    // "Por ejemplo, `f(1)` → 2": a call of the entry point anywhere in the line.
    for (const m of line.matchAll(/[A-Za-z_$][\w$]*(?=\s*\()/g))
      if (names.has(m[0]) && (m.index === 0 || !/[\w$.]/.test(line[m.index - 1]!))) addCall(exampleCall(line.slice(m.index)));
  });
  const tests: ExampleTest[] = [];
  for (const c of calls.values()) if (!c.clash) tests.push({ kind: 'call', name: `example ${tests.length + 1}`, args: c.args, expected: c.expected });

  // Input / output blocks, as competitive-programming prompts write them.
  let tokens: Token[] = [];
  try {
    tokens = [...flatTokens(new Lexer({ gfm: true }).lex(prompt))].filter((t) => t.type !== 'space');
  } catch {
    tokens = [];
  }
  let label: 'input' | 'output' | undefined;
  let input: string | undefined;
  const stdio: { stdin: string; expectedStdout: string }[] = [];
  for (const t of tokens) {
    if (t.type === 'code') {
      const text = (t as Tokens.Code).text;
      if (label === 'input') input = text;
      else if (label === 'output' && input !== undefined) {
        stdio.push({ stdin: `${input}\n`, expectedStdout: text });
        input = undefined;
      }
      label = undefined;
      continue;
    }
    const text = ('text' in t ? String(t.text) : '').trim();
    label = INPUT_LABEL.test(text) ? 'input' : OUTPUT_LABEL.test(text) ? 'output' : undefined;
  }
  stdio.forEach((s, i) => tests.push({ kind: 'stdio', name: `example io ${i + 1}`, ...s }));
  return tests;
}

// --- The trainer's own rows and assertions ------------------------------------------------------

export type TestRows = { tests: ExampleTest[]; problems: { line: number; message: Message }[] };

/**
 * The trainer's tests, one per line: `args → expected` (a row of the table: `[1, 2, 3] → 6`,
 * `1, 2 → 3`), a call `f(1, 2) → 3`, or an assertion (`assert f(1) == 2`, `console.assert(f(1) === 2)`,
 * `expect(f(1)).toBe(2)`). Blank lines and comments (#, //) are skipped; a line that cannot be read
 * is a problem with its line number, never a silent drop.
 */
export function parseTestRows(text: string, entry: readonly string[]): TestRows {
  const names = new Set(entry.flatMap((e) => [e, camel(e), snake(e)]));
  const out: TestRows = { tests: [], problems: [] };
  text.replace(/\r\n?/g, '\n').split('\n').forEach((raw, i) => {
    const line = raw.trim().replace(/^\|\s*|\s*\|$/g, '');
    if (!line || /^(#|\/\/)/.test(line) || /^[-|:\s]+$/.test(line)) return;
    const call = exampleCall(line) ?? assertionCall(line);
    if (call) {
      if (names.size && !names.has(call.name)) out.problems.push({ line: i + 1, message: { key: 'answers.rowOtherFunction', params: { line: i + 1, name: call.name, entry: entry.join(', ') } } });
      else out.tests.push({ kind: 'call', name: `row ${i + 1}`, args: call.args, expected: call.expected });
      return;
    }
    const m = /^(.*?)\s*(?:→|->|=>|\|)\s*(.*)$/.exec(line);
    const args = m ? parseLiterals(m[1]!) : undefined;
    const expected = m ? parseLiteral(m[2]!) : undefined;
    if (args && expected) out.tests.push({ kind: 'call', name: `row ${i + 1}`, args, expected: expected.value });
    else out.problems.push({ line: i + 1, message: { key: 'answers.rowUnreadable', params: { line: i + 1 } } });
  });
  return out;
}

// --- The task -----------------------------------------------------------------------------------

export type AnswerChoice = Record<number, readonly number[]>;

export type AnswerTaskOptions = {
  /** Which blocks of each answer (by index) make its solution; the default is defaultBlocks. */
  choice?: AnswerChoice;
  /** The trainer's test rows and assertions (see parseTestRows). */
  rows?: string;
  /** A reference solution's code, in the task's language. */
  reference?: string;
  title?: string;
  /** The file the answers came from, for problems. */
  file?: string;
};

export type AnswerTask = {
  task: Task | undefined;
  problems: Problem[];
  /** Each answer as parsed, with the blocks its solution uses and notes for the trainer. */
  answers: { parsed: ParsedAnswer; chosen: number[]; language: Language | undefined; notes: Message[] }[];
  /** The language the prompt asks for (named in it, else most answers'). */
  language: Language;
  entryPoints: Partial<Record<Language, string>>;
};

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The language the prompt names (Python or JavaScript), when it names exactly one. */
export function promptLanguage(prompt: string): Language | undefined {
  const py = /\bpython\b/i.test(prompt) || /```(py|python)\b/i.test(prompt);
  const js = /\b(javascript|node\.?js|ecmascript)\b/i.test(prompt) || /```(js|javascript)\b/i.test(prompt);
  return py === js ? undefined : py ? 'python' : 'javascript';
}

/** A short stable hash (FNV-1a, base 36) so the same answers imported twice get the same task id. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36).padStart(7, '0');
}

function titleOf(prompt: string): string {
  const first = prompt.split('\n').map((l) => l.replace(/^[#>*\s-]+|[*`]/g, '').trim()).find((l) => l && !l.startsWith('```')) ?? 'answers';
  return first.length > 80 ? `${first.slice(0, 79)}…` : first;
}

/** Spanish or English, by the share of common words each has in the text (the prompt's locale). */
function promptLocale(text: string): 'en' | 'es-CL' {
  const words = text.toLowerCase().match(/[a-záéíóúñü]+/g) ?? [];
  const es = new Set(['el', 'la', 'los', 'las', 'que', 'de', 'una', 'un', 'y', 'en', 'con', 'por', 'para', 'escribe', 'función', 'retorna', 'devuelve', 'lista', 'números', 'dada', 'dado', 'cada', 'si', 'es']);
  const en = new Set(['the', 'a', 'an', 'and', 'of', 'to', 'in', 'with', 'for', 'write', 'function', 'returns', 'return', 'list', 'numbers', 'given', 'each', 'if', 'is', 'that']);
  const score = (set: Set<string>) => words.filter((w) => set.has(w)).length;
  return score(es) > score(en) ? 'es-CL' : 'en';
}

/**
 * Builds the task. Each answer is a solution (label A, B, … unless its source named it) with the
 * chosen blocks' code and the answer's Markdown in `answer`; tests are the prompt's examples then
 * the trainer's rows. Problems: no test at all, unreadable rows, or the task failing its schema.
 */
export function answersToTask(set: AnswerSet, options: AnswerTaskOptions = {}): AnswerTask {
  const file = options.file ?? '';
  const problems: Problem[] = [];
  const parsed = set.answers.map((a) => parseAnswer(a.markdown));
  const votes = parsed.map(mainLanguage).filter((l): l is Language => l !== undefined);
  const majority = LANGUAGES.map((l) => [l, votes.filter((v) => v === l).length] as const).sort((a, b) => b[1] - a[1])[0]!;
  const language = promptLanguage(set.prompt) ?? (majority[1] > 0 ? majority[0] : 'python');
  const answers = parsed.map((p, i) => {
    const chosen = [...(options.choice?.[i] ?? defaultBlocks(p))].filter((b) => b >= 0 && b < p.blocks.length && p.blocks[b]!.language);
    const own = chosen.length ? p.blocks[chosen[0]!]!.language : undefined;
    const notes: Message[] = [];
    if (p.refusal) notes.push({ key: 'answers.refusal' });
    else if (!p.blocks.some((b) => b.language)) notes.push({ key: 'answers.noCode' });
    if (own && own !== language) notes.push({ key: 'answers.otherLanguage', params: { language: own } });
    if (p.blocks.some((b) => b.detected)) notes.push({ key: 'answers.detected' });
    if (p.blocks.some((b) => b.diff)) notes.push({ key: 'answers.diff' });
    if (p.blocks.filter((b) => b.language).length > 1) notes.push({ key: 'answers.severalBlocks', params: { count: p.blocks.filter((b) => b.language).length } });
    return { parsed: p, chosen, language: own, notes };
  });
  const used = new Set<string>();
  const solutions: Solution[] = answers.map((a, i) => {
    let label = set.answers[i]!.label?.slice(0, 100) || LETTERS[i] || String(i + 1);
    while (used.has(label)) label = `${label}′`;
    used.add(label);
    return { id: `answer-${i + 1}`, label, language: a.language ?? language, code: combineBlocks(a.parsed, a.chosen), answer: a.parsed.markdown };
  });
  const reference = options.reference ?? (set.reference !== undefined ? referenceCode(set.reference, language) : undefined);
  const entryPoints = findEntryPoints(set.prompt, [...solutions, ...(reference ? [{ language, code: reference }] : [])]);
  const entryNames = Object.values(entryPoints);
  const examples = examplesToTests(set.prompt, entryNames.length ? entryNames : promptNames(set.prompt));
  const rows = parseTestRows([set.tests ?? '', options.rows ?? ''].filter(Boolean).join('\n'), entryNames);
  for (const p of rows.problems) problems.push({ file, line: p.line, field: 'tests', message: p.message });
  const tests: TestCase[] = [];
  const names = new Set<string>();
  for (const t of [...examples, ...rows.tests]) {
    if (t.kind === 'call' && !entryNames.length) continue;
    let name = t.name;
    for (let n = 2; names.has(name); n++) name = `${t.name} (${n})`;
    names.add(name);
    tests.push(t.kind === 'call' ? { kind: 'call', name, hidden: false, args: t.args, expected: t.expected } : { kind: 'stdio', name, hidden: false, stdin: t.stdin, expectedStdout: t.expectedStdout });
  }
  const base = { task: undefined, problems, answers, language, entryPoints };
  if (!tests.length) problems.push({ file, message: { key: 'answers.noTests', params: { file } } });
  // Like every import, all or nothing: a row that cannot be read makes no task.
  if (problems.length) return base;
  const locale = promptLocale(set.prompt);
  const title = (options.title ?? set.title ?? titleOf(set.prompt)).slice(0, 200) || 'answers';
  // Every language a solution is in needs an entry point; one that defines none (a refusal) gets
  // the task language's, in its own spelling.
  const fallback = entryPoints[language] ?? entryNames[0];
  if (fallback)
    for (const l of new Set([...solutions.map((s) => s.language), language]))
      entryPoints[l] ??= l === 'javascript' ? camel(fallback) : snake(fallback);
  const spellings = new Set(Object.values(entryPoints));
  const entryPoint = !fallback ? undefined : spellings.size === 1 ? [...spellings][0]! : entryPoints;
  const candidate = {
    schemaVersion: 1,
    id: `answers-${hash(JSON.stringify([set.prompt, set.answers.map((a) => a.markdown)]))}`,
    title: { [locale]: title },
    prompt: { [locale]: set.prompt.trim() || title },
    ...(entryPoint ? { entryPoint } : {}),
    tests,
    solutions,
    ...(reference ? { referenceSolution: { [language]: reference } } : {}),
    tags: ['answers'],
  };
  const result = taskSchema.safeParse(candidate, { reportInput: true });
  if (!result.success) {
    problems.push(...schemaProblems(file, JSON.stringify(candidate, null, 2), result.error.issues));
    return base;
  }
  return { ...base, task: result.data };
}

/** A reference section's code: its runnable blocks in the task's language, or the text itself when it has no fence. */
function referenceCode(markdown: string, language: Language): string | undefined {
  const p = parseAnswer(markdown);
  if (!p.blocks.length) return markdown.trim() ? `${markdown.trim()}\n` : undefined;
  const same = p.blocks.map((b, i) => (b.language === language ? i : -1)).filter((i) => i >= 0);
  return same.length ? combineBlocks(p, same) : undefined;
}
