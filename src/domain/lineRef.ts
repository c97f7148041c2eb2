// The short reference a critique uses for a line comment's lines ("L3", "L3–5"), the same in every
// language: how it is written, added to a critique, and found in a text. The comment itself is
// LineComment (evaluation.ts).

/** Lines `startLine`..`endLine` of a solution's code, 1-based and inclusive. */
export type LineRange = { startLine: number; endLine: number };

/** "L3" for one line, "L3–5" (an en dash) for several. */
export function lineRef(r: LineRange): string {
  return r.startLine === r.endLine ? `L${r.startLine}` : `L${r.startLine}–${r.endLine}`;
}

/** Whether `text` names lines the way lineRef writes them (a hyphen counts as the dash). */
export function mentionsLineRef(text: string): boolean {
  return /\bL\d+(?:[–-]\d+)?\b/.test(text);
}

/** `text` with the reference to `r` added at its end, after a space unless it ends in whitespace. */
export function withLineRef(text: string, r: LineRange): string {
  return text === '' || /\s$/.test(text) ? `${text}${lineRef(r)}` : `${text} ${lineRef(r)}`;
}
