// Code the author writes, in an editable Monaco editor. Until Monaco has loaded (or if it cannot
// load) the same code is in a plain textarea with the same accessible name, so typing never waits
// and nothing typed is lost when Monaco takes over. The editor grows with the code up to a limit.
// Load it with React.lazy(() => import('./editor/CodeEditor.js')) so Monaco stays out of the first load.
import type { editor } from 'monaco-editor/editor';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/task.js';
import { estimatedHeight, LINE_HEIGHT, MAX_AUTO_HEIGHT, READ_ONLY_OPTIONS } from './editorOptions.js';
import type { CodeLanguage } from './monacoLoader.js';
import { useMonaco } from './useMonaco.js';
import './editor.css';
import './codeEditor.css';

export interface CodeEditorProps {
  value: string;
  onChange: (value: string) => void;
  language: CodeLanguage;
  /** Accessible name of the text box, e.g. "Reference solution (Python)". */
  label: string;
  locale: Locale;
  /** Ids of elements that describe the code (its problems), for aria-describedby. */
  describedBy?: string;
  invalid?: boolean;
  /** The editor is never shorter than this many lines. */
  minLines?: number;
  /** The id of the text box (for links from a problem list). */
  id?: string;
}

const EDIT_OPTIONS = {
  ...READ_ONLY_OPTIONS,
  readOnly: false,
  // Tab inserts indentation; Ctrl+M (Monaco's own shortcut) switches Tab to moving focus.
  tabCompletion: 'off',
  quickSuggestions: false,
  renderLineHighlight: 'line',
} as const satisfies editor.IEditorOptions;

export function CodeEditor({ value, onChange, language, label, locale, describedBy, invalid, minLines = 4, id }: CodeEditorProps) {
  const { t } = useTranslation('editor');
  const state = useMonaco(locale);
  const monaco = state.status === 'ready' ? state.monaco : undefined;
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<editor.IStandaloneCodeEditor | undefined>(undefined);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // The value Monaco last reported or was given: a render that passes it back is not a change.
  const echoRef = useRef(value);
  const valueRef = useRef(value);
  valueRef.current = value;
  const minHeight = minLines * LINE_HEIGHT + 8;
  const [contentHeight, setContentHeight] = useState(() => estimatedHeight(value));

  useEffect(() => {
    const host = hostRef.current;
    if (!monaco || !host) return;
    const model = monaco.editor.createModel(valueRef.current, language);
    model.updateOptions({ tabSize: language === 'python' ? 4 : 2, insertSpaces: true });
    echoRef.current = valueRef.current;
    const view = monaco.editor.create(host, { ...EDIT_OPTIONS, model, ariaLabel: label });
    editorRef.current = view;
    setContentHeight(view.getContentHeight());
    const sizing = view.onDidContentSizeChange((e) => {
      if (e.contentHeightChanged) setContentHeight(e.contentHeight);
    });
    const changes = model.onDidChangeContent(() => {
      const next = model.getValue();
      if (next === echoRef.current) return;
      echoRef.current = next;
      onChangeRef.current(next);
    });
    return () => {
      changes.dispose();
      sizing.dispose();
      editorRef.current = undefined;
      view.dispose();
      model.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- created once; props follow below
  }, [monaco]);

  // A value from outside (another control, a reload): applied as an edit, so undo still works.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || value === echoRef.current) return;
    echoRef.current = value;
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
  }, [value]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model && monaco && model.getLanguageId() !== language) {
      monaco.editor.setModelLanguage(model, language);
      model.updateOptions({ tabSize: language === 'python' ? 4 : 2 });
    }
  }, [language, monaco]);

  // Monaco's own text box carries the name, the description and the invalid state.
  useEffect(() => {
    const view = editorRef.current;
    if (!view) return;
    view.updateOptions({ ariaLabel: label });
    const box = view.getDomNode()?.querySelector('textarea');
    if (!box) return;
    if (id) box.id = id;
    if (describedBy) box.setAttribute('aria-describedby', describedBy);
    else box.removeAttribute('aria-describedby');
    if (invalid) box.setAttribute('aria-invalid', 'true');
    else box.removeAttribute('aria-invalid');
  }, [label, describedBy, invalid, id, monaco]);

  const px = Math.max(minHeight, Math.min(contentHeight, MAX_AUTO_HEIGHT));
  return (
    <div className={`code-editor${invalid ? ' invalid' : ''}`} data-state={monaco ? 'ready' : state.status}>
      {monaco ? (
        <div ref={hostRef} className="code-view-editor" style={{ height: px }} />
      ) : (
        <>
          <textarea
            id={id}
            className="code-editor-plain"
            aria-label={label}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            spellCheck={false}
            value={value}
            rows={Math.max(minLines, Math.min(24, value.split('\n').length + 1))}
            onChange={(e) => {
              echoRef.current = e.target.value;
              onChange(e.target.value);
            }}
          />
          {state.status === 'failed' && <p className="code-view-status">{t('loadFailed')}</p>}
        </>
      )}
    </div>
  );
}

export default CodeEditor;
