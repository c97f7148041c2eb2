// The options and sizes CodeView and DiffView share: a viewer for reading code, not for editing it.
import type { editor } from 'monaco-editor/editor';

/** Beyond this many pixels an auto-height editor scrolls instead of growing. */
export const MAX_AUTO_HEIGHT = 480;
/** The same for a diff, which shows two solutions and the lines that align them. */
export const MAX_DIFF_HEIGHT = 600;
/** Monaco's default line height at its default 14px font, for sizing before it has measured. */
export const LINE_HEIGHT = 19;
const PADDING = 4;

/** What a code viewer is for reading code: no editing, no minimap, no scrolling past the end. */
export const READ_ONLY_OPTIONS = {
  readOnly: true,
  lineNumbers: 'on',
  minimap: { enabled: false },
  automaticLayout: true,
  wordWrap: 'off',
  scrollBeyondLastLine: false,
  padding: { top: PADDING, bottom: PADDING },
  // While the editor cannot scroll further, the wheel scrolls the page.
  scrollbar: { alwaysConsumeMouseWheel: false },
  // Hovers and the context menu are not clipped by the editor's box.
  fixedOverflowWidgets: true,
  // Links in untrusted code are not made clickable.
  links: false,
  contextmenu: true,
  renderLineHighlight: 'line',
  stickyScroll: { enabled: false },
  // Monaco hides squiggles in read-only editors by default; a TypeScript solution's type errors
  // are what a trainer reads the code for (the only language with diagnostics, see monacoSetup.ts).
  renderValidationDecorations: 'on',
} as const satisfies editor.IEditorOptions;

/** Height of `code` in an editor before Monaco has measured it. */
export function estimatedHeight(code: string): number {
  const lines = code === '' ? 1 : code.split('\n').length;
  return lines * LINE_HEIGHT + 2 * PADDING;
}
