// The gentle checks on a trainer's writing, and which words spelling leaves alone.
import { describe, expect, it } from 'vitest';
import { codeIdentifiers, namesEvidence, readsAs, wordsToCheck, writingChecks } from './writingChecks.js';

const failing = { verdict: 'failed' as const, tests: [{ name: 'example 1', hidden: false, status: 'failed' as const, own: false }, { name: 'empty list', hidden: false, status: 'passed' as const, own: false }], ranAt: 'x' };
const base = { results: {}, justification: { text: '', locale: 'en' as const } };

describe('writingChecks', () => {
  it('flags a critique of only a few words', () => {
    expect(writingChecks([{ id: 'a' }], { ...base, critiques: { a: { text: 'Está bien.', locale: 'es-CL' } } })).toEqual([{ kind: 'short', solutionId: 'a', words: 2 }]);
  });
  it('asks a critique of a failing solution for a failing test, a line or an input', () => {
    const critique = (text: string) => writingChecks([{ id: 'a' }], { ...base, results: { a: failing }, critiques: { a: { text, locale: 'en' } } }).map((c) => c.kind);
    expect(critique('This solution is not good at all, it is wrong and it should be rewritten.')).toEqual(['noEvidence']);
    expect(critique('It fails example 1 because it sums the odd numbers instead.')).toEqual([]);
    expect(critique('The condition on line 3 picks the odd numbers, so it is wrong.')).toEqual([]);
    expect(critique('The condition picks the odd numbers (L2–3), so it is wrong.')).toEqual([]);
    expect(critique('With `[1, 2]` it returns 1 where 2 is expected, so wrong.')).toEqual([]);
    // A passing solution needs no evidence.
    expect(writingChecks([{ id: 'a' }], { ...base, critiques: { a: { text: 'This solution is not good at all, it is wrong.', locale: 'en' } } })).toEqual([]);
  });
  it('flags text that reads as the other language than its tag, and says nothing when unsure', () => {
    expect(readsAs('La función retorna la suma de los pares y no falla con la lista vacía.')).toBe('es-CL');
    expect(readsAs('The function returns the sum of the even numbers and it is correct.')).toBe('en');
    expect(readsAs('OK')).toBeUndefined();
    const checks = writingChecks([{ id: 'a' }], { ...base, critiques: { a: { text: 'La función retorna la suma de los pares y no falla con la lista vacía.', locale: 'en' } }, justification: { text: 'The function is the best of the two and it is correct for the empty list.', locale: 'es-CL' } });
    expect(checks).toEqual([
      { kind: 'language', solutionId: 'a', tagged: 'en', reads: 'es-CL' },
      { kind: 'language', tagged: 'es-CL', reads: 'en' },
    ]);
  });
  it('names evidence by test name regardless of case', () => {
    expect(namesEvidence('falla EXAMPLE 1', ['example 1'])).toBe(true);
  });
});

describe('wordsToCheck', () => {
  it('leaves out code, identifiers, names from the solutions, glossary terms and URLs', () => {
    const ids = codeIdentifiers([{ code: 'def suma_pares(numeros):\n    return sum(numeros)\n' }]);
    const text = 'La funcion suma_pares usa `numeros[i]` y sumEven(); ver https://example.com/x, el ranking y el sandbox. numeros está bien, obj.items no.\n```\nxyzzy\n```';
    expect(wordsToCheck(text, ids).map((w) => w.word)).toEqual(['La', 'funcion', 'usa', 'ver', 'el', 'el', 'está', 'bien', 'no']);
  });
  it('keeps the word before a full stop', () => {
    expect(wordsToCheck('Falla siempre.', new Set()).map((w) => w.word)).toEqual(['Falla', 'siempre']);
  });
});
