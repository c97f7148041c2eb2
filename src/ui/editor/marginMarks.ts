// Puts line comments (lineMarks.ts) on one Monaco editor and replaces them when they change: the
// glyphs as glyph-margin widgets (their own DOM nodes, so each carries its tooltip), the bars,
// tints and hovers as a decorations collection. Owned by CodeView and DiffView, one per editor.
import type { editor } from 'monaco-editor/editor';
import { markDecorations, markGlyphs, type LineMark } from './lineMarks.js';

const LEFT_LANE = 1 satisfies editor.GlyphMarginLane.Left;
let next = 0;

export class MarginMarks {
  private readonly decorations: editor.IEditorDecorationsCollection;
  private widgets: editor.IGlyphMarginWidget[] = [];
  private readonly id = `line-marks-${next++}`;

  constructor(private readonly view: editor.ICodeEditor) {
    this.decorations = view.createDecorationsCollection();
  }

  set(marks: readonly LineMark[]): void {
    this.clearWidgets();
    this.widgets = markGlyphs(marks).map((g, i) => {
      const node = document.createElement('div');
      node.className = g.className;
      node.title = g.title;
      const id = `${this.id}-${i}`;
      return { getId: () => id, getDomNode: () => node, getPosition: () => ({ lane: LEFT_LANE, zIndex: 1, range: g.range }) };
    });
    for (const w of this.widgets) this.view.addGlyphMarginWidget(w);
    this.decorations.set(markDecorations(marks));
  }

  dispose(): void {
    this.clearWidgets();
    this.decorations.clear();
  }

  private clearWidgets(): void {
    for (const w of this.widgets) this.view.removeGlyphMarginWidget(w);
    this.widgets = [];
  }
}
