// Line comments as margin marks: where the glyph, the bar and the hover go, and the text kept as text.
import { describe, expect, it } from 'vitest';
import { markDecorations, markGlyphs, plainMarkdown } from './lineMarks.js';

const mark = { startLine: 2, endLine: 4, text: 'L2–4 · sums the odd numbers', stale: false };

describe('markDecorations', () => {
  it('puts a bar and a tint over every line of the comment, with its text on hover', () => {
    const [d, ...rest] = markDecorations([mark]);
    expect(rest).toEqual([]);
    expect(d!.range).toMatchObject({ startLineNumber: 2, endLineNumber: 4 });
    expect(d!.options).toMatchObject({
      isWholeLine: true,
      className: 'line-mark-lines',
      linesDecorationsClassName: 'line-mark-bar',
      linesDecorationsTooltip: 'L2–4 · sums the odd numbers',
      hoverMessage: { value: 'L2–4 · sums the odd numbers' },
    });
  });
  it('marks a comment on code that changed since', () => {
    expect(markDecorations([{ ...mark, stale: true }])[0]!.options).toMatchObject({ className: 'line-mark-lines stale', linesDecorationsClassName: 'line-mark-bar stale' });
  });
});

describe('markGlyphs', () => {
  it('gives each comment one glyph, on its first line, with its text as tooltip', () => {
    expect(markGlyphs([mark, { ...mark, startLine: 7, endLine: 7, stale: true }])).toEqual([
      { range: { startLineNumber: 2, startColumn: 1, endLineNumber: 2, endColumn: 1 }, className: 'codicon codicon-comment line-mark-glyph', title: mark.text },
      { range: { startLineNumber: 7, startColumn: 1, endLineNumber: 7, endColumn: 1 }, className: 'codicon codicon-comment line-mark-glyph stale', title: mark.text },
    ]);
  });
});

describe('plainMarkdown', () => {
  it('escapes what Markdown would read as formatting, links or HTML, and leaves letters alone', () => {
    expect(plainMarkdown('*elige* [x](http://y) <b>`a_b`</b>')).toBe('\\*elige\\* \\[x\\]\\(http\\:\\/\\/y\\) \\<b\\>\\`a\\_b\\`\\<\\/b\\>');
    expect(plainMarkdown('suma los números, ñandú 12')).toBe('suma los números\\, ñandú 12');
  });
});
