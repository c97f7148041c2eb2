// Gentle checks on what a trainer wrote, shown before submitting and each dismissible (they never
// block): a critique of only a few words, a critique of a failing solution that names no failing
// test, line or input, and text that reads as another language than its tag. Also the words
// spelling never flags: code (in backticks), identifiers found in the solutions, glossary terms.
import type { Judgement, Written } from './evaluation.js';
import { mentionsLineRef } from './lineRef.js';
import type { Locale, Solution } from './task.js';

export const MIN_CRITIQUE_WORDS = 5;

export type WritingCheck =
  | { kind: 'short'; solutionId: string; words: number }
  | { kind: 'noEvidence'; solutionId: string }
  | { kind: 'language'; solutionId?: string; tagged: Locale; reads: Locale };

const words = (text: string) => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu) ?? [];

const STOP: Record<Locale, ReadonlySet<string>> = {
  en: new Set(['the', 'a', 'an', 'and', 'of', 'to', 'in', 'is', 'it', 'that', 'this', 'with', 'for', 'on', 'not', 'but', 'are', 'be', 'when', 'which', 'returns', 'does', 'should', 'if', 'it’s', "it's", 'than', 'more', 'wrong', 'correct']),
  'es-CL': new Set(['el', 'la', 'los', 'las', 'de', 'del', 'que', 'y', 'en', 'un', 'una', 'es', 'no', 'con', 'por', 'para', 'se', 'lo', 'pero', 'cuando', 'si', 'más', 'retorna', 'devuelve', 'está', 'son', 'como', 'falla', 'correcta', 'correcto']),
};

/** Spanish or English by their commonest words; undefined when the text is too short to tell or neither wins. */
export function readsAs(text: string): Locale | undefined {
  const list = words(text.replace(/`[^`]*`/g, ' ')).map((w) => w.toLowerCase());
  if (list.length < 6) return undefined;
  const en = list.filter((w) => STOP.en.has(w)).length;
  const es = list.filter((w) => STOP['es-CL'].has(w)).length;
  if (en >= 2 && en > es * 2) return 'en';
  if (es >= 2 && es > en * 2) return 'es-CL';
  return undefined;
}

/** Whether a critique points at evidence: a failing test's name, a line ("line 3", "línea 3", a line comment's "L3–5"), or an input (code in backticks, a call, a literal list). */
export function namesEvidence(text: string, failingTests: readonly string[]): boolean {
  const lower = text.toLowerCase();
  if (failingTests.some((t) => t && lower.includes(t.toLowerCase()))) return true;
  if (/\b(lines?|l[ií]neas?)\s+\d+/i.test(text) || mentionsLineRef(text)) return true;
  return /`[^`]+`|\b[A-Za-z_]\w*\([^)]*\)|\[[^\]]*\d[^\]]*\]/.test(text);
}

/** The gentle checks for a judgement, in solution order, then the justification's. */
export function writingChecks(solutions: readonly Pick<Solution, 'id'>[], j: Pick<Judgement, 'critiques' | 'results' | 'justification'>): WritingCheck[] {
  const out: WritingCheck[] = [];
  const language = (w: Written, solutionId?: string) => {
    const reads = readsAs(w.text);
    if (reads && reads !== w.locale) out.push({ kind: 'language', ...(solutionId ? { solutionId } : {}), tagged: w.locale, reads });
  };
  for (const { id } of solutions) {
    const critique = Object.hasOwn(j.critiques, id) ? j.critiques[id] : undefined;
    if (!critique?.text.trim()) continue;
    const n = words(critique.text).length;
    if (n < MIN_CRITIQUE_WORDS) out.push({ kind: 'short', solutionId: id, words: n });
    const result = Object.hasOwn(j.results, id) ? j.results[id] : undefined;
    if (result && result.verdict !== 'passed') {
      const failing = result.tests.filter((t) => t.status !== 'passed').map((t) => t.name);
      if (!namesEvidence(critique.text, failing)) out.push({ kind: 'noEvidence', solutionId: id });
    }
    language(critique, id);
  }
  if (j.justification.text.trim()) language(j.justification);
  return out;
}

/** Words of these terms are never flagged by spelling: the glossary's, in both languages. */
export const GLOSSARY_TERMS = [
  'ranking', 'sandbox', 'string', 'strings', 'prompt', 'prompts', 'array', 'arrays', 'timeout', 'stdout', 'stdin', 'stderr',
  'rubric', 'mutante', 'mutantes', 'veredicto', 'diff', 'JSON', 'JSONL', 'CSV', 'SFT', 'Python', 'JavaScript', 'Pyodide', 'QuickJS',
  'booleano', 'booleana', 'enunciado', 'refactorizar', 'indexar', 'iterar', 'iterador', 'recursión', 'recursiva', 'recursivo', 'backtracking',
];

/**
 * The words of a text that spelling should check: not in backticks or code fences, not an
 * identifier (snake_case, camelCase, with digits), not a name found in the solutions, not a
 * glossary term, not a URL or a number.
 */
export function wordsToCheck(text: string, identifiers: ReadonlySet<string>): { word: string; index: number }[] {
  const clean = text.replace(/```[\s\S]*?(```|$)/g, (m) => ' '.repeat(m.length)).replace(/`[^`\n]*`/g, (m) => ' '.repeat(m.length)).replace(/\bhttps?:\/\/\S+/g, (m) => ' '.repeat(m.length));
  const glossary = new Set(GLOSSARY_TERMS.map((g) => g.toLowerCase()));
  const out: { word: string; index: number }[] = [];
  for (const m of clean.matchAll(/[\p{L}][\p{L}'’]*[\p{L}]|[\p{L}]/gu)) {
    const word = m[0];
    const start = m.index ?? 0;
    const end = start + word.length;
    const at = (i: number) => clean[i] ?? '';
    // Part of an identifier, a call or a dotted name (`obj.items`, `sum_even(`), not a sentence's end.
    if (/[\w$(]/.test(at(end)) || (at(end) === '.' && /\p{L}/u.test(at(end + 1)))) continue;
    if (/[\w$]/.test(at(start - 1)) || (at(start - 1) === '.' && /\p{L}/u.test(at(start - 2)))) continue;
    if (word.length < 2 || /[A-Z].*[A-Z]/.test(word.slice(1)) || /[a-z][A-Z]/.test(word)) continue;
    if (identifiers.has(word) || glossary.has(word.toLowerCase())) continue;
    out.push({ word, index: m.index ?? 0 });
  }
  return out;
}

/** Identifiers in the solutions' code, so spelling never flags a name the code uses. */
export function codeIdentifiers(solutions: readonly Pick<Solution, 'code'>[]): Set<string> {
  const out = new Set<string>();
  for (const s of solutions) for (const m of s.code.matchAll(/[A-Za-z_$][\w$]*/g)) out.add(m[0]);
  return out;
}
