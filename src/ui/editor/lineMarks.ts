// Line comments as Monaco decorations: a comment glyph in the glyph margin on a comment's first
// line, a bar beside the line numbers and a tint over all its lines, and its text on hover. Pure:
// the caller gives the texts already translated; MarginMarks (marginMarks.ts) puts them on an editor.
import type { editor } from 'monaco-editor/editor';

export type LineMark = {
  startLine: number;
  endLine: number;
  /** What the hover and the tooltips say, plain text (e.g. "L2–3 · sums the odd numbers"). */
  text: string;
  /** The code changed since the comment was written: drawn muted. */
  stale: boolean;
};

/**
 * `text` as Markdown that renders as exactly that text: every ASCII punctuation mark escaped
 * (CommonMark allows it for all of them), so no emphasis, HTML, link or bare-URL autolink.
 */
export function plainMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

// Decorations never grow when text is typed at their edges (the editors are read-only anyway).
const NEVER_GROWS = 1 satisfies editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges;

/** The bar and the tint over a comment's lines, with its text on hover (the mouse, or Ctrl+K Ctrl+I at the cursor). */
export function markDecorations(marks: readonly LineMark[]): editor.IModelDeltaDecoration[] {
  return marks.map((m) => {
    const state = m.stale ? ' stale' : '';
    return {
      range: { startLineNumber: m.startLine, startColumn: 1, endLineNumber: m.endLine, endColumn: 1 },
      options: {
        isWholeLine: true,
        stickiness: NEVER_GROWS,
        className: `line-mark-lines${state}`,
        linesDecorationsClassName: `line-mark-bar${state}`,
        linesDecorationsTooltip: m.text,
        hoverMessage: { value: plainMarkdown(m.text) },
      },
    };
  });
}

export type MarkGlyph = {
  /** The comment's first line only: a wrapped line's other rows get no glyph of their own. */
  range: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number };
  className: string;
  /** The glyph's tooltip. Not Monaco's glyph hover: with fixedOverflowWidgets it is placed as if the page were never scrolled. */
  title: string;
};

/** The glyph each comment gets in the glyph margin. */
export function markGlyphs(marks: readonly LineMark[]): MarkGlyph[] {
  return marks.map((m) => ({
    range: { startLineNumber: m.startLine, startColumn: 1, endLineNumber: m.startLine, endColumn: 1 },
    className: `codicon codicon-comment line-mark-glyph${m.stale ? ' stale' : ''}`,
    title: m.text,
  }));
}
