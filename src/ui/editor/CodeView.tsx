// One solution's code in a read-only Monaco editor. The code is readable at once as plain text
// while Monaco loads; the editor grows with the code up to a limit, then scrolls. Load it with
// React.lazy(() => import('./editor/CodeView.js')) so Monaco stays out of the first load.
import type { editor } from 'monaco-editor/editor';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/task.js';
import { estimatedHeight, MAX_AUTO_HEIGHT, READ_ONLY_OPTIONS } from './editorOptions.js';
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
}

export function CodeView({ code, language, label, locale, height = 'auto', wrap = false }: CodeViewProps) {
  const { t } = useTranslation('editor');
  const state = useMonaco(locale);
  const monaco = state.status === 'ready' ? state.monaco : undefined;
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<editor.IStandaloneCodeEditor | undefined>(undefined);
  const [contentHeight, setContentHeight] = useState(() => estimatedHeight(code));

  // Created once Monaco is ready, with the props of that render; later changes go through the
  // effects below, so the editor keeps its scroll position and view state.
  useEffect(() => {
    const host = hostRef.current;
    if (!monaco || !host) return;
    const model = monaco.editor.createModel(code, language);
    const view = monaco.editor.create(host, { ...READ_ONLY_OPTIONS, wordWrap: wrap ? 'on' : 'off', model, ariaLabel: label });
    editorRef.current = view;
    setContentHeight(view.getContentHeight());
    const sizing = view.onDidContentSizeChange((e) => {
      if (e.contentHeightChanged) setContentHeight(e.contentHeight);
    });
    return () => {
      sizing.dispose();
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
