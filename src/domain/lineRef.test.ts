// The references a critique uses for line comments: written the same way they are recognised.
import { describe, expect, it } from 'vitest';
import { lineRef, mentionsLineRef, withLineRef } from './lineRef.js';

describe('lineRef', () => {
  it('writes one line as L3 and a range with an en dash', () => {
    expect(lineRef({ startLine: 3, endLine: 3 })).toBe('L3');
    expect(lineRef({ startLine: 3, endLine: 5 })).toBe('L3–5');
  });
  it('recognises what it writes, a hyphen for the dash, and not letters glued to digits', () => {
    expect(mentionsLineRef(`ver ${lineRef({ startLine: 12, endLine: 14 })}: suma los impares`)).toBe(true);
    expect(mentionsLineRef('see L2.')).toBe(true);
    expect(mentionsLineRef('(L2-4)')).toBe(true);
    expect(mentionsLineRef('HTML5 and MP3 are not lines')).toBe(false);
    expect(mentionsLineRef('L is a letter')).toBe(false);
  });
});

describe('withLineRef', () => {
  it('adds the reference at the end of a critique, as a word of its own', () => {
    expect(withLineRef('', { startLine: 2, endLine: 2 })).toBe('L2');
    expect(withLineRef('Suma los impares:', { startLine: 2, endLine: 3 })).toBe('Suma los impares: L2–3');
    expect(withLineRef('Falla.\n', { startLine: 4, endLine: 4 })).toBe('Falla.\nL4');
  });
});
