// Which whole lines an editor selection covers, for commenting on them. Pure (Monaco's selection is
// a plain range here), so it is tested without an editor.
import type { LineRange } from '../../domain/lineRef.js';

/** A Monaco selection or range: 1-based lines and columns, start before end. */
export type SelectionRange = { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number };

/**
 * The lines `selection` covers, within 1..lineCount; undefined for an empty selection (a caret).
 * A selection that ends at the very start of a later line does not cover that line: clicking a
 * line number selects up to the start of the next one, and so does Shift+↓ from a line's start.
 */
export function selectedLines(selection: SelectionRange, lineCount: number): LineRange | undefined {
  const { startLineNumber: s, startColumn, endLineNumber: e, endColumn } = selection;
  if (s === e && startColumn === endColumn) return undefined;
  const end = e > s && endColumn === 1 ? e - 1 : e;
  const last = Math.max(1, lineCount);
  const clamp = (n: number) => Math.min(last, Math.max(1, n));
  return { startLine: clamp(s), endLine: clamp(end) };
}
