// A read-only Monaco diff of two solutions, side by side, under a heading that names both. The code
// is readable at once as plain text while Monaco loads. Whitespace counts: in Python it is syntax.
// Each side can show its solution's line comments in its margin and report the lines selected.
// Load it with React.lazy(() => import('./editor/DiffView.js')) so Monaco stays out of the first load.
import type { editor } from 'monaco-editor/editor';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/task.js';
import type { LineRange } from '../../domain/lineRef.js';
import { estimatedHeight, MAX_DIFF_HEIGHT, READ_ONLY_OPTIONS } from './editorOptions.js';
import type { LineMark } from './lineMarks.js';
import { MarginMarks } from './marginMarks.js';
import { selectedLines } from './selectedLines.js';
import { useLatest } from './useLatest.js';
import type { CodeLanguage } from './monacoLoader.js';
import { useMonaco } from './useMonaco.js';
import './editor.css';

export interface DiffSide {
  code: string;
  /** The solution's label, e.g. "A". */
  label: string;
  /** This side's line comments, drawn in its margin. */
  marks?: readonly LineMark[];
}

export type DiffSideName = 'original' | 'modified';

export interface DiffViewProps {
  /** Shown on the left. */
  original: DiffSide;
  /** Shown on the right. */
  modified: DiffSide;
  language: CodeLanguage;
  locale: Locale;
  /** 'auto' (default): as tall as the longer side, up to MAX_DIFF_HEIGHT, then it scrolls. */
  height?: 'auto' | number;
  /** Level of the heading that names both solutions (default 3). */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Told the whole lines selected on a side each time that side's selection changes (undefined: none). */
  onSelectLines?: (side: DiffSideName, lines: LineRange | undefined) => void;
}

export function DiffView({ original, modified, language, locale, height = 'auto', headingLevel = 3, onSelectLines }: DiffViewProps) {
  const { t } = useTranslation('editor');
  const state = useMonaco(locale);
  const monaco = state.status === 'ready' ? state.monaco : undefined;
  const hostRef = useRef<HTMLDivElement>(null);
  const diffRef = useRef<editor.IStandaloneDiffEditor | undefined>(undefined);
  const marksRef = useRef<Record<DiffSideName, MarginMarks> | undefined>(undefined);
  const onSelect = useLatest(onSelectLines);
  const commentable = original.marks !== undefined || modified.marks !== undefined || onSelectLines !== undefined;
  const [contentHeight, setContentHeight] = useState(() => Math.max(estimatedHeight(original.code), estimatedHeight(modified.code)));
  const headingId = useId();
  const hintId = useId();
  const names = { left: original.label, right: modified.label };
  const originalName = t('codeOf', { label: original.label });
  const modifiedName = t('codeOf', { label: modified.label });

  // Created once Monaco is ready, with that render's props; the effects below apply later changes.
  useEffect(() => {
    const host = hostRef.current;
    if (!monaco || !host) return;
    const models = {
      original: monaco.editor.createModel(original.code, language),
      modified: monaco.editor.createModel(modified.code, language),
    };
    const diff = monaco.editor.createDiffEditor(host, {
      ...READ_ONLY_OPTIONS,
      originalEditable: false,
      renderSideBySide: true,
      // Stay side by side on narrow screens too: the labels above name the left and right columns.
      useInlineViewWhenSpaceIsLimited: false,
      ignoreTrimWhitespace: false,
      renderIndicators: true,
      renderOverviewRuler: false,
      glyphMargin: commentable,
      originalAriaLabel: originalName,
      modifiedAriaLabel: modifiedName,
    });
    diff.setModel(models);
    diffRef.current = diff;
    const sides = [diff.getOriginalEditor(), diff.getModifiedEditor()];
    const measure = () => setContentHeight(Math.max(...sides.map((s) => s.getContentHeight())));
    measure();
    const marks = { original: new MarginMarks(sides[0]!), modified: new MarginMarks(sides[1]!) };
    marks.original.set(original.marks ?? []);
    marks.modified.set(modified.marks ?? []);
    marksRef.current = marks;
    const subscriptions = [
      ...sides.map((s) => s.onDidContentSizeChange(measure)),
      ...(['original', 'modified'] as const).map((name, i) =>
        sides[i]!.onDidChangeCursorSelection((e) => onSelect.current?.(name, selectedLines(e.selection, models[name].getLineCount()))),
      ),
    ];
    return () => {
      for (const s of subscriptions) s.dispose();
      marks.original.dispose();
      marks.modified.dispose();
      marksRef.current = undefined;
      diffRef.current = undefined;
      diff.dispose();
      models.original.dispose(); // after the editor: a model must not be disposed while shown
      models.modified.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [monaco]);

  useEffect(() => {
    const models = diffRef.current?.getModel();
    if (!models) return;
    if (models.original.getValue() !== original.code) models.original.setValue(original.code);
    if (models.modified.getValue() !== modified.code) models.modified.setValue(modified.code);
  }, [original.code, modified.code]);

  useEffect(() => {
    const models = diffRef.current?.getModel();
    if (!models || !monaco) return;
    for (const model of [models.original, models.modified])
      if (model.getLanguageId() !== language) monaco.editor.setModelLanguage(model, language);
  }, [language, monaco]);

  useEffect(() => {
    marksRef.current?.original.set(original.marks ?? []);
  }, [original.marks]);
  useEffect(() => {
    marksRef.current?.modified.set(modified.marks ?? []);
  }, [modified.marks]);

  // Also right after creation: Monaco 0.57 leaves the sides unnamed despite originalAriaLabel.
  useEffect(() => {
    diffRef.current?.getOriginalEditor().updateOptions({ ariaLabel: originalName });
    diffRef.current?.getModifiedEditor().updateOptions({ ariaLabel: modifiedName });
  }, [originalName, modifiedName, monaco]);

  const Heading = `h${headingLevel}` as const;
  const px = typeof height === 'number' ? height : Math.min(contentHeight, MAX_DIFF_HEIGHT);
  const identical = original.code === modified.code;
  return (
    <section className="diff-view" aria-labelledby={headingId} aria-describedby={hintId} aria-busy={state.status === 'loading'}>
      {/* Named in words for screen readers; the arrow is for the eye. */}
      <Heading id={headingId} className="diff-view-heading" aria-label={t('diff.regionName', names)}>
        {t('diff.heading', names)}
      </Heading>
      <p id={hintId} className="diff-view-hint">
        {t('diff.hint', names)} {t('diff.whitespaceNote')}
      </p>
      {identical && (
        <p className="diff-view-identical" role="status">
          {t('diff.identical', names)}
        </p>
      )}
      <div className="diff-view-labels" aria-hidden="true">
        <span>{original.label}</span>
        <span>{modified.label}</span>
      </div>
      {monaco ? (
        <div ref={hostRef} className="diff-view-editor" style={{ height: px }} />
      ) : (
        <>
          <p className="code-view-status" role="status">
            {state.status === 'failed' ? t('loadFailed') : t('loading')}
          </p>
          <div className="diff-view-plain">
            {[
              { side: original, name: originalName },
              { side: modified, name: modifiedName },
            ].map(({ side, name }, i) => (
              <pre key={i} className="code-view-plain" tabIndex={0} aria-label={name} style={{ maxHeight: typeof height === 'number' ? height : MAX_DIFF_HEIGHT }}>
                <code>{side.code}</code>
              </pre>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

export default DiffView;
