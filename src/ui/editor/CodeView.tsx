// One solution's code in a read-only Monaco editor. The code is readable at once as plain text
// while Monaco loads; the editor grows with the code up to a limit, then scrolls. It can show line
// comments in its margin and report the lines selected (what to comment on belongs to the caller).
// Load it with React.lazy(() => import('./editor/CodeView.js')) so Monaco stays out of the first load.
import type { editor } from 'monaco-editor/editor';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/task.js';
import type { LineRange } from '../../domain/lineRef.js';
import { estimatedHeight, MAX_AUTO_HEIGHT, READ_ONLY_OPTIONS } from './editorOptions.js';
import type { LineMark } from './lineMarks.js';
import { MarginMarks } from './marginMarks.js';
import { selectedLines } from './selectedLines.js';
import { useLatest } from './useLatest.js';
import type { CodeLanguage } from './monacoLoader.js';
import { useMonaco } from './useMonaco.js';
import './editor.css';

export interface CodeViewProps {
  code: string;
  language: CodeLanguage;
  /** Accessible name of the editor region, e.g. "Code of A" (t('codeOf', { ns: 'editor', label })). */
  label: string;
  locale: Locale;
  /** 'auto' (default): as tall as the code, up to MAX_AUTO_HEIGHT, then it scrolls. A number: pixels. */
  height?: 'auto' | number;
  /** Long lines wrap at the editor's width instead of scrolling sideways (default: no). */
  wrap?: boolean;
  /** Line comments drawn in the margin. Given (even empty), the editor has a glyph margin from the start. */
  marks?: readonly LineMark[];
  /** Told the whole lines the selection covers each time it changes; undefined when nothing is selected. */
  onSelectLines?: (lines: LineRange | undefined) => void;
}

export function CodeView({ code, language, label, locale, height = 'auto', wrap = false, marks, onSelectLines }: CodeViewProps) {
  const { t } = useTranslation('editor');
  const state = useMonaco(locale);
  const monaco = state.status === 'ready' ? state.monaco : undefined;
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<editor.IStandaloneCodeEditor | undefined>(undefined);
  const marksRef = useRef<MarginMarks | undefined>(undefined);
  const [contentHeight, setContentHeight] = useState(() => estimatedHeight(code));
  const onSelect = useLatest(onSelectLines);
  const commentable = marks !== undefined || onSelectLines !== undefined;

  // Created once Monaco is ready, with the props of that render; later changes go through the
  // effects below, so the editor keeps its scroll position and view state.
  useEffect(() => {
    const host = hostRef.current;
    if (!monaco || !host) return;
    const model = monaco.editor.createModel(code, language);
    const view = monaco.editor.create(host, { ...READ_ONLY_OPTIONS, wordWrap: wrap ? 'on' : 'off', glyphMargin: commentable, model, ariaLabel: label });
    editorRef.current = view;
    marksRef.current = new MarginMarks(view);
    marksRef.current.set(marks ?? []);
    setContentHeight(view.getContentHeight());
    const sizing = view.onDidContentSizeChange((e) => {
      if (e.contentHeightChanged) setContentHeight(e.contentHeight);
    });
    const selecting = view.onDidChangeCursorSelection((e) => onSelect.current?.(selectedLines(e.selection, model.getLineCount())));
    return () => {
      sizing.dispose();
      selecting.dispose();
      marksRef.current?.dispose();
      marksRef.current = undefined;
      editorRef.current = undefined;
      view.dispose();
      model.dispose(); // after the editor: a model must not be disposed while shown
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [monaco]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model && model.getValue() !== code) model.setValue(code);
  }, [code]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model && monaco && model.getLanguageId() !== language) monaco.editor.setModelLanguage(model, language);
  }, [language, monaco]);

  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel: label });
  }, [label]);

  useEffect(() => {
    editorRef.current?.updateOptions({ wordWrap: wrap ? 'on' : 'off' });
  }, [wrap]);

  useEffect(() => {
    marksRef.current?.set(marks ?? []);
  }, [marks]);

  const px = typeof height === 'number' ? height : Math.min(contentHeight, MAX_AUTO_HEIGHT);
  return (
    <div className="code-view" role="region" aria-label={label} aria-busy={state.status === 'loading'}>
      {monaco ? (
        <div ref={hostRef} className="code-view-editor" style={{ height: px }} />
      ) : (
        <>
          <p className="code-view-status" role="status">
            {state.status === 'failed' ? t('loadFailed') : t('loading')}
          </p>
          {/* Focusable so a keyboard user can scroll it. */}
          <pre className={wrap ? 'code-view-plain wrap' : 'code-view-plain'} tabIndex={0} style={{ maxHeight: typeof height === 'number' ? height : MAX_AUTO_HEIGHT }}>
            <code>{code}</code>
          </pre>
        </>
      )}
    </div>
  );
}

export default CodeView;
