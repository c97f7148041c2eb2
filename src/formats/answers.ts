// Model answers as chat platforms hand them over: Markdown prose around fenced code. Reads the
// answers' code blocks with the Markdown lexer the app already ships (marked), never with regexes
// on fences, resolves or detects each block's language, and reads the documents and JSONL rows
// that carry a prompt with its answers. Text in, data out: building the task is answerTask.ts.
import { Lexer, type Token, type Tokens } from 'marked';
import { languageOfFence } from '../domain/language.js';
import type { Language } from '../domain/task.js';

/** One code block of an answer, in the order it appears (blocks inside list items included). */
export type CodeBlock = {
  /** The fence's info string as written, lower-cased first word ('' when the fence has none). */
  info: string;
  /** The runnable language: from the info string, else detected; undefined when it is not code we run. */
  language: Language | undefined;
  /** True when the language was guessed from the code because the fence named none. */
  detected: boolean;
  /** The code; for a diff, the side after the change. */
  code: string;
  /** True when the block was a diff (its code is the diff's new side). */
  diff: boolean;
};

export type ParsedAnswer = {
  /** The answer exactly as the model wrote it. */
  markdown: string;
  blocks: CodeBlock[];
  /** No runnable code and words of refusal ("I can't help with that", "No puedo ayudarte"). */
  refusal: boolean;
};

/** A prompt with its answers, as read from a document or dataset rows (labels as the source gave them). */
export type AnswerSet = { prompt: string; answers: { label?: string; markdown: string }[]; title?: string; tests?: string; reference?: string };

const DIFF_INFO = new Set(['diff', 'patch', 'udiff']);

/** The runnable language a fence's info string names, if any. */
export function languageOfInfo(info: string): Language | undefined {
  return languageOfFence(info.trim().split(/[\s{,]/)[0]!);
}

// Signals of each language, weighted; a block is detected only when one side clearly wins.
const PYTHON_SIGNS: [RegExp, number][] = [
  [/^\s*def \w+\s*\(.*\)\s*(->.*)?:\s*$/m, 4],
  [/^\s*(from \w[\w.]* )?import \w[\w., ]*$/m, 2],
  [/^\s*(if|elif|else|for|while|try|except|with|class)\b.*:\s*$/m, 2],
  [/\bprint\(/, 1],
  [/\b(None|True|False|self|elif|lambda)\b/, 2],
  [/^\s*#[^!]/m, 1],
];
const JAVASCRIPT_SIGNS: [RegExp, number][] = [
  [/\bfunction\s*\w*\s*\(/, 4],
  [/\b(const|let|var)\s+\w+\s*=/, 3],
  [/=>/, 2],
  [/\bconsole\.\w+\(/, 2],
  [/;\s*$/m, 1],
  [/^\s*\}/m, 1],
  [/\b(null|undefined|===|!==|require\(|module\.exports)\b|===|!==/, 2],
  [/^\s*\/\//m, 1],
];

/** Python or JavaScript, when the code says so clearly; undefined for anything else (shell, output, prose). */
export function detectLanguage(code: string): Language | undefined {
  const score = (signs: [RegExp, number][]) => signs.reduce((n, [re, w]) => n + (re.test(code) ? w : 0), 0);
  const py = score(PYTHON_SIGNS);
  const js = score(JAVASCRIPT_SIGNS);
  if (py >= 3 && py >= js + 2) return 'python';
  if (js >= 3 && js >= py + 2) return 'javascript';
  return undefined;
}

/**
 * The new side of a unified diff: context and added lines, without headers, hunks or removed
 * lines. Whole-function hunks (what models write) become runnable code this way.
 */
export function diffNewSide(diff: string): string {
  const out: string[] = [];
  for (const line of diff.split('\n')) {
    if (/^(\+\+\+|---|@@|diff |index |\\ No newline)/.test(line)) continue;
    if (line.startsWith('-')) continue;
    out.push(line.startsWith('+') || line.startsWith(' ') ? line.slice(1) : line);
  }
  return out.join('\n').replace(/\n+$/, '');
}

function* codeTokens(tokens: readonly Token[]): Generator<Tokens.Code> {
  for (const token of tokens) {
    if (token.type === 'code') yield token as Tokens.Code;
    else if (token.type === 'list') for (const item of (token as Tokens.List).items) yield* codeTokens(item.tokens);
    else if ('tokens' in token && Array.isArray(token.tokens)) yield* codeTokens(token.tokens as Token[]);
  }
}

const REFUSAL = [
  /\b(I\s+(can(?:no|')t|cannot|won't|am\s+not\s+able\s+to|'m\s+(?:not\s+able|unable)\s+to))\b/i,
  /\b(I'm sorry|I am sorry|I apologi[sz]e),?\s+(but\s+)?I\b/i,
  /\bno\s+(puedo|es\s+posible\s+que\s+te\s+ayude|me\s+es\s+posible)\b/i,
  /\blo\s+siento,?\s+(pero\s+)?no\b/i,
];

/** Code blocks (language resolved, detected or left out) and whether the answer refuses. */
export function parseAnswer(markdown: string): ParsedAnswer {
  const blocks: CodeBlock[] = [];
  let tokens: Token[] = [];
  try {
    tokens = new Lexer({ gfm: true }).lex(markdown);
  } catch {
    tokens = []; // marked does not throw on text, but an answer is untrusted: no blocks then
  }
  for (const token of codeTokens(tokens)) {
    const info = (token.lang ?? '').trim().split(/\s+/)[0]!.toLowerCase();
    const isDiff = DIFF_INFO.has(info) || (!info && /^(---|\+\+\+|@@)/m.test(token.text) && /^[+-]/m.test(token.text));
    const code = isDiff ? diffNewSide(token.text) : token.text;
    const named = isDiff ? languageOfInfo(info.replace(/^(diff|patch|udiff)-?/, '')) : languageOfInfo(info);
    const language = named ?? (info && !isDiff ? undefined : detectLanguage(code));
    blocks.push({ info, language, detected: named === undefined && language !== undefined, code, diff: isDiff });
  }
  const refusal = !blocks.some((b) => b.language) && REFUSAL.some((re) => re.test(markdown));
  return { markdown, blocks, refusal };
}

/** The answer's prose: everything but its code blocks, for showing beside the code. */
export function answerProse(markdown: string): string {
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  return tokens
    .filter((t) => t.type !== 'code')
    .map((t) => t.raw)
    .join('')
    .trim();
}

/** Whether a block defines something (a function, class, import, constant) rather than only calling or printing. */
export function definesSomething(block: CodeBlock): boolean {
  return /^(\s*(async\s+)?def |\s*class |\s*(from \S+ )?import |\s*(export\s+)?(async\s+)?function\b|\s*(export\s+)?(const|let|var)\s+\w+\s*=|\s*[A-Za-z_]\w*\s*=\s*lambda\b)/m.test(block.code);
}

/** The language most of an answer's runnable code is written in (by characters). */
export function mainLanguage(answer: ParsedAnswer): Language | undefined {
  const size = new Map<Language, number>();
  for (const b of answer.blocks) if (b.language) size.set(b.language, (size.get(b.language) ?? 0) + b.code.length);
  return [...size].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * The blocks run by default: those in the answer's main language that define something (a helper
 * and a main block, usually), in order; usage examples that only call or print are left out unless
 * nothing else is there. The trainer can choose others.
 */
export function defaultBlocks(answer: ParsedAnswer): number[] {
  const language = mainLanguage(answer);
  if (!language) return [];
  const same = answer.blocks.map((b, i) => (b.language === language ? i : -1)).filter((i) => i >= 0);
  const defining = same.filter((i) => definesSomething(answer.blocks[i]!));
  return defining.length ? defining : same;
}

/** The code of the chosen blocks, joined in answer order. */
export function combineBlocks(answer: ParsedAnswer, chosen: readonly number[]): string {
  return [...chosen]
    .sort((a, b) => a - b)
    .map((i) => answer.blocks[i]?.code ?? '')
    .filter(Boolean)
    .join('\n\n')
    .concat(chosen.length ? '\n' : '');
}

// --- Documents: a prompt and its answers in one Markdown file -----------------------------------

const PROMPT_HEADING = /^(prompt|enunciado|pregunta|user|usuario|task|tarea|question)\b/i;
const ANSWER_HEADING = /^(answer|response|respuesta|model|modelo|assistant|asistente|candidate|candidata|completion)\b/i;
const TESTS_HEADING = /^(tests|pruebas|test cases|casos de prueba)\s*$/i;
const REFERENCE_HEADING = /^(reference( solution)?|solución de referencia|referencia)\s*$/i;

/**
 * A Markdown document with a prompt and answers, split at the headings that name them ("# Prompt",
 * "## Respuesta A", "## Answer 2"…, optionally "## Tests" and "## Reference"). Only headings at the
 * level of the first such heading split, so an answer's own headings stay in the answer. Text
 * before any heading is the prompt. Undefined when no answer heading is found.
 */
export function parseAnswersDocument(text: string): AnswerSet | undefined {
  const tokens = new Lexer({ gfm: true }).lex(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const isSection = (t: Token): t is Tokens.Heading => t.type === 'heading' && [PROMPT_HEADING, ANSWER_HEADING, TESTS_HEADING, REFERENCE_HEADING].some((re) => re.test((t as Tokens.Heading).text.trim()));
  const first = tokens.find(isSection);
  if (!first) return undefined;
  const level = first.depth;
  type Section = { kind: 'prompt' | 'answer' | 'tests' | 'reference' | 'title'; label?: string; raw: string };
  const sections: Section[] = [{ kind: 'prompt', raw: '' }];
  for (const t of tokens) {
    if (t.type === 'heading' && (t as Tokens.Heading).depth < level) {
      sections.push({ kind: 'title', label: (t as Tokens.Heading).text.trim(), raw: '' });
      continue;
    }
    if (isSection(t) && t.depth === level) {
      const heading = t.text.trim();
      const kind = PROMPT_HEADING.test(heading) ? 'prompt' : TESTS_HEADING.test(heading) ? 'tests' : REFERENCE_HEADING.test(heading) ? 'reference' : 'answer';
      sections.push({ kind, label: heading, raw: '' });
      continue;
    }
    sections[sections.length - 1]!.raw += t.raw;
  }
  const answers = sections.filter((s) => s.kind === 'answer').map((s) => ({ label: answerLabel(s.label!), markdown: s.raw.trim() }));
  if (!answers.length) return undefined;
  const prompt = sections.filter((s) => s.kind === 'prompt').map((s) => s.raw.trim()).filter(Boolean).join('\n\n');
  const title = sections.find((s) => s.kind === 'title')?.label;
  const tests = sections.find((s) => s.kind === 'tests')?.raw.trim();
  const reference = sections.find((s) => s.kind === 'reference')?.raw.trim();
  return { prompt, answers, ...(title ? { title } : {}), ...(tests ? { tests } : {}), ...(reference ? { reference } : {}) };
}

/** "Respuesta A" → "A", "Answer 2 (GPT)" → "2 (GPT)"; a bare "Answer" gives no label. */
function answerLabel(heading: string): string | undefined {
  const rest = heading.replace(ANSWER_HEADING, '').replace(/^[\s:.#-]+/, '').trim();
  return rest || undefined;
}

// --- Dataset rows ------------------------------------------------------------------------------

type Row = Record<string, unknown>;
type Message = { role: string; content: string };

/** Chat content: a string, or the parts form ([{type:'text', text}]) some exports use. */
function contentText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) {
    const parts = v.map((p) => (typeof p === 'string' ? p : p && typeof p === 'object' && typeof (p as Row).text === 'string' ? ((p as Row).text as string) : undefined));
    return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
  }
  return undefined;
}

function messagesOf(v: unknown): Message[] | undefined {
  if (!Array.isArray(v) || !v.length) return undefined;
  const out: Message[] = [];
  for (const m of v) {
    if (!m || typeof m !== 'object') return undefined;
    const role = (m as Row).role;
    const content = contentText((m as Row).content);
    if (typeof role !== 'string' || content === undefined) return undefined;
    out.push({ role, content });
  }
  return out;
}

/** A prompt as a string or as messages: the user turns' text. */
function promptText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  const messages = messagesOf(v);
  if (!messages) return undefined;
  const user = messages.filter((m) => m.role === 'user').map((m) => m.content);
  return user.length ? user.join('\n\n') : undefined;
}

/** An answer as a string, as messages (the assistant turns), or as {content|text|response, model?}. */
function answerOf(v: unknown): { label?: string; markdown: string } | undefined {
  if (typeof v === 'string') return { markdown: v };
  const messages = messagesOf(v);
  if (messages) {
    const assistant = messages.filter((m) => m.role === 'assistant').map((m) => m.content);
    return assistant.length ? { markdown: assistant.join('\n\n') } : undefined;
  }
  if (v && typeof v === 'object') {
    const o = v as Row;
    const text = contentText(o.content) ?? contentText(o.text) ?? contentText(o.response) ?? contentText(o.completion);
    const model = typeof o.model === 'string' && o.model.trim() ? o.model.trim().slice(0, 60) : undefined;
    if (text !== undefined) return { markdown: text, ...(model ? { label: model } : {}) };
  }
  return undefined;
}

export type AnswerRowShape = 'chat' | 'responses' | 'preference';

/** Which answers shape a dataset row has, by its fields. */
export function answerRowShape(row: Row): AnswerRowShape | undefined {
  if (messagesOf(row.messages)) return 'chat';
  if (Array.isArray(row.responses) && row.prompt !== undefined) return 'responses';
  if (row.prompt !== undefined && row.chosen !== undefined && row.rejected !== undefined) return 'preference';
  return undefined;
}

/**
 * One row's prompt and answers, or undefined when its fields do not hold them (a row of the shape
 * with the wrong contents: that is a problem on its line, not a crash). Chat rows give every
 * assistant turn after the first user turn; preference rows their chosen and rejected answers.
 */
export function answersOfRow(row: Row, shape: AnswerRowShape): AnswerSet | undefined {
  if (shape === 'chat') {
    const messages = messagesOf(row.messages)!;
    const firstUser = messages.findIndex((m) => m.role === 'user');
    if (firstUser < 0) return undefined;
    const answers = messages.slice(firstUser + 1).filter((m) => m.role === 'assistant').map((m) => ({ markdown: m.content }));
    return answers.length ? { prompt: messages[firstUser]!.content, answers } : undefined;
  }
  const prompt = promptText(row.prompt);
  if (prompt === undefined) return undefined;
  const list = shape === 'responses' ? (row.responses as unknown[]) : [row.chosen, row.rejected];
  const answers = list.map(answerOf);
  if (!answers.length || answers.some((a) => a === undefined)) return undefined;
  return { prompt, answers: answers as { label?: string; markdown: string }[] };
}
