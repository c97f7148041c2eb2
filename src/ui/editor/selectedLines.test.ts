// The lines a selection covers: what clicking line numbers, Shift+clicking and Shift+arrows give.
import { describe, expect, it } from 'vitest';
import { selectedLines } from './selectedLines.js';

const sel = (startLineNumber: number, startColumn: number, endLineNumber: number, endColumn: number) => ({ startLineNumber, startColumn, endLineNumber, endColumn });

describe('selectedLines', () => {
  it('is nothing for a caret', () => {
    expect(selectedLines(sel(3, 5, 3, 5), 10)).toBeUndefined();
  });
  it('covers the lines a selection touches', () => {
    expect(selectedLines(sel(2, 4, 2, 9), 10)).toEqual({ startLine: 2, endLine: 2 });
    expect(selectedLines(sel(2, 4, 5, 3), 10)).toEqual({ startLine: 2, endLine: 5 });
  });
  it('leaves out a last line the selection only reaches the start of (a click on a line number)', () => {
    expect(selectedLines(sel(2, 1, 3, 1), 10)).toEqual({ startLine: 2, endLine: 2 });
    expect(selectedLines(sel(2, 1, 6, 1), 10)).toEqual({ startLine: 2, endLine: 5 });
  });
  it('keeps the last line of the code, which has no next line to end on', () => {
    expect(selectedLines(sel(9, 1, 10, 12), 10)).toEqual({ startLine: 9, endLine: 10 });
  });
  it('stays within the code', () => {
    expect(selectedLines(sel(0, 1, 40, 2), 10)).toEqual({ startLine: 1, endLine: 10 });
  });
});
