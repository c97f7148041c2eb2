// Commenting on lines where the code is read: under a solution's editor (or a diff), the lines the
// trainer selected there become a "Comment lines 2–3 of B" button, which opens a one-line form for
// the comment. Also the margin marks of a solution's comments. The comment is an EvaluationAction;
// the list of comments, and citing them in the critique, are on the solution's card (AnswerJudging.tsx).
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contentHash } from '../../domain/contentHash.js';
import type { LineComment } from '../../domain/evaluation.js';
import { lineRef, type LineRange } from '../../domain/lineRef.js';
import type { Locale, Solution } from '../../domain/task.js';
import type { LineMark } from '../editor/lineMarks.js';

const LINE_KEYS = {
  range: ['line', 'lines'],
  comment: ['commentLine', 'commentLines'],
  on: ['onLine', 'onLines'],
} as const;

/** One of the line comments' texts that name lines, for one line or for several ("line 2", "lines 2–3"). */
export function useLinesText(): (kind: keyof typeof LINE_KEYS, r: LineRange, label?: string) => string {
  const { t } = useTranslation('judging');
  return (kind, r, label = '') => {
    const [one, several] = LINE_KEYS[kind];
    return r.startLine === r.endLine ? t(`lineComments.${one}`, { line: r.startLine, label }) : t(`lineComments.${several}`, { from: r.startLine, to: r.endLine, label });
  };
}

/** A solution's comments as margin marks: the reference and the text, and whether the code changed since. */
export function useLineMarks(comments: readonly LineComment[], solution: Solution | undefined): readonly LineMark[] | undefined {
  const { t } = useTranslation('judging');
  return useMemo(() => {
    if (!solution) return undefined;
    const hash = contentHash(solution.code);
    return comments
      .filter((c) => c.solutionId === solution.id)
      .map((c) => {
        const stale = c.codeHash !== hash;
        const text = `${lineRef(c)} · ${c.text.text}${stale ? ` ${t('lineComments.stale')}` : ''}`;
        return { startLine: c.startLine, endLine: c.endLine, text, stale };
      });
  }, [comments, solution, t]);
}

export function LineCommentBar({ solution, lines, locale, onAdd }: {
  solution: Solution;
  /** What is selected in the solution's editor now; undefined when nothing is. */
  lines: LineRange | undefined;
  /** The language the comment is tagged with: the UI's. */
  locale: Locale;
  onAdd: (comment: LineComment) => void;
}) {
  const { t } = useTranslation('judging');
  const linesText = useLinesText();
  // The lines the open form is about: those selected when it opened, then any later selection.
  const [form, setForm] = useState<LineRange | undefined>();
  const [text, setText] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const range = form && lines ? lines : form;

  // Into the form when it opens; back to the button (or the bar's hint) when it closes.
  useEffect(() => {
    if (form && !wasOpen.current) inputRef.current?.focus();
    if (!form && wasOpen.current) buttonRef.current?.focus();
    wasOpen.current = form !== undefined;
  }, [form]);

  const close = () => {
    setForm(undefined);
    setText('');
  };
  const add = () => {
    if (!range || !text.trim()) return;
    onAdd({
      id: `${solution.id}-${Date.now().toString(36)}`,
      solutionId: solution.id,
      startLine: range.startLine,
      endLine: range.endLine,
      codeHash: contentHash(solution.code),
      text: { text: text.trim(), locale },
    });
    close();
  };
  return (
    <div className="line-comment-bar">
      {range ? (
        <form
          className="line-comment-form"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <label htmlFor={`line-comment-${solution.id}`}>{linesText('on', range, solution.label)}</label>
          <input
            ref={inputRef}
            id={`line-comment-${solution.id}`}
            type="text"
            lang={locale}
            value={text}
            placeholder={t('lineComments.placeholder')}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                close();
              }
            }}
          />
          <button type="submit" className="small" disabled={!text.trim()}>
            {t('lineComments.add')}
          </button>
          <button type="button" className="small ghost" onClick={close}>
            {t('lineComments.cancel')}
          </button>
        </form>
      ) : lines ? (
        <button ref={buttonRef} type="button" className="small" onClick={() => setForm(lines)}>
          {linesText('comment', lines, solution.label)}
        </button>
      ) : (
        <p className="line-comment-hint">{t('lineComments.selectHint')}</p>
      )}
    </div>
  );
}
