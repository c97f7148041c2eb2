// The solutions' code in read-only Monaco editors: one at a time (tabs), side by side, or a diff
// of any two, each with its line comments in the margin and, under it, the bar that comments on
// the lines selected (in a diff, on either side's solution). Monaco loads lazily, so the task list
// never pays for it.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LineComment } from '../../domain/evaluation.js';
import type { LineRange } from '../../domain/lineRef.js';
import type { Locale, Solution } from '../../domain/task.js';
import { answerProse } from '../../formats/answers.js';
import type { DiffSideName } from '../editor/DiffView.js';
import { LineCommentBar, useLineMarks } from './LineCommentBar.js';
import { Markdown } from './Markdown.js';
import { shownOrigin } from '../shownTask.js';

const CodeView = lazy(() => import('../editor/CodeView.js'));
const DiffView = lazy(() => import('../editor/DiffView.js'));

export type ViewMode = 'one' | 'side' | 'diff';

type Props = {
  solutions: Solution[];
  /** Long lines wrap (the trainer's choice, remembered by the caller). */
  wrap: boolean;
  onWrap: (wrap: boolean) => void;
  /** The solutions' own names instead of blind labels; offered only where the trainer may choose. */
  realNames?: boolean;
  onRealNames?: (on: boolean) => void;
  current: number;
  onCurrent: (i: number) => void;
  mode: ViewMode;
  onMode: (m: ViewMode) => void;
  diff: [string, string];
  onDiff: (d: [string, string]) => void;
  locale: Locale;
  /** The evaluation's line comments, shown in the editors' margins. */
  lineComments: readonly LineComment[];
  /** Adds a comment on lines selected in an editor; absent (a submitted evaluation): no commenting. */
  onLineComment?: (comment: LineComment) => void;
};

const Plain = ({ code }: { code: string }) => <pre className="code-fallback">{code}</pre>;

/** Where a solution came from: a model's name is data (in the code face), a stock origin is said in the user's language. */
function Origin({ origin }: { origin: string }) {
  const { t } = useTranslation();
  const o = shownOrigin(origin, t);
  return (
    <p className="muted">
      {t('solutions.origin')} {o.data ? <span className="data" translate="no">{o.text}</span> : o.text}
    </p>
  );
}

/** What the model wrote around its code (sanitised like every Markdown), for a solution taken from an answer. */
function AnswerProse({ answer }: { answer: string }) {
  const { t } = useTranslation();
  const prose = answerProse(answer);
  return (
    <aside className="answer-prose" aria-label={t('solutions.answerProse')}>
      <h3>{t('solutions.answerProse')}</h3>
      {prose ? <Markdown source={prose} /> : <p className="muted">{t('solutions.noProse')}</p>}
    </aside>
  );
}

type Commenting = { lineComments: readonly LineComment[]; onLineComment?: ((comment: LineComment) => void) | undefined; locale: Locale };

/** One solution's editor and, under it, the bar that comments on the lines selected in it. */
function CommentableCode({ solution: s, wrap, lineComments, onLineComment, locale }: Commenting & { solution: Solution; wrap: boolean }) {
  const { t } = useTranslation();
  const marks = useLineMarks(lineComments, s);
  // Kept with the solution it was made in: the tabs show another solution in the same editor.
  const [selected, setSelected] = useState<{ id: string; lines: LineRange | undefined }>();
  const lines = selected?.id === s.id ? selected.lines : undefined;
  return (
    <div className="commentable">
      <Suspense fallback={<Plain code={s.code} />}>
        <CodeView
          code={s.code}
          language={s.language}
          label={t('solutions.codeOf', { label: s.label })}
          locale={locale}
          wrap={wrap}
          {...(marks ? { marks } : {})}
          {...(onLineComment ? { onSelectLines: (l: LineRange | undefined) => setSelected({ id: s.id, lines: l }) } : {})}
        />
      </Suspense>
      {onLineComment && <LineCommentBar key={s.id} solution={s} lines={lines} locale={locale} onAdd={onLineComment} />}
    </div>
  );
}

/** The diff of two solutions: each side's comments in its margin; a selection on a side comments on that side's solution. */
function CommentableDiff({ left, right, lineComments, onLineComment, locale }: Commenting & { left: Solution; right: Solution }) {
  const leftMarks = useLineMarks(lineComments, left);
  const rightMarks = useLineMarks(lineComments, right);
  // The side selected last; a side that loses its selection clears it only if it was that side.
  const [selected, setSelected] = useState<{ side: DiffSideName; id: string; lines: LineRange }>();
  const onSelectLines = (side: DiffSideName, lines: LineRange | undefined) => {
    const id = side === 'original' ? left.id : right.id;
    setSelected((was) => (lines ? { side, id, lines } : was?.side === side ? undefined : was));
  };
  const target = selected && [left, right].find((s, i) => s.id === selected.id && (i === 0) === (selected.side === 'original'));
  const commented = target ?? right;
  return (
    <div className="commentable">
      <Suspense fallback={<Plain code={`${left.code}\n\n${right.code}`} />}>
        <DiffView
          original={{ code: left.code, label: left.label, ...(leftMarks ? { marks: leftMarks } : {}) }}
          modified={{ code: right.code, label: right.label, ...(rightMarks ? { marks: rightMarks } : {}) }}
          language={left.language === right.language ? left.language : 'javascript'}
          locale={locale}
          {...(onLineComment ? { onSelectLines } : {})}
        />
      </Suspense>
      {onLineComment && <LineCommentBar key={commented.id} solution={commented} lines={target && selected?.lines} locale={locale} onAdd={onLineComment} />}
    </div>
  );
}

export function SolutionsView({ solutions, wrap, onWrap, realNames, onRealNames, current, onCurrent, mode, onMode, diff, onDiff, locale, lineComments, onLineComment }: Props) {
  const { t } = useTranslation();
  const shown = solutions[current];
  const left = solutions.find((s) => s.id === diff[0]) ?? solutions[0];
  const right = solutions.find((s) => s.id === diff[1]) ?? solutions[1] ?? solutions[0];
  const commenting: Commenting = { lineComments, onLineComment, locale };
  const code = (s: Solution) => <CommentableCode solution={s} wrap={wrap} {...commenting} />;
  return (
    <section className="solutions" aria-labelledby="solutions-heading">
      <div className="section-head">
        <h2 id="solutions-heading">{t('solutions.heading', { count: solutions.length })}</h2>
        <div className="row">
          <label className="inline">
            <input type="checkbox" checked={wrap} onChange={(e) => onWrap(e.target.checked)} />
            {t('solutions.wrap')}
          </label>
          {onRealNames && (
            <label className="inline" title={t('solutions.realNamesHint')}>
              <input type="checkbox" checked={Boolean(realNames)} onChange={(e) => onRealNames(e.target.checked)} />
              {t('solutions.realNames')}
            </label>
          )}
          <div className="segmented" role="group" aria-label={t('solutions.layout')}>
            {(['one', 'side', 'diff'] as const).map((m) => (
              <button key={m} type="button" aria-pressed={mode === m} onClick={() => onMode(m)} disabled={m === 'diff' && solutions.length < 2}>
                {t(`solutions.mode.${m}`)}
              </button>
            ))}
          </div>
        </div>
      </div>
      {mode === 'one' && shown && (
        <>
          <div className="tabs" role="tablist" aria-label={t('solutions.heading', { count: solutions.length })}>
            {solutions.map((s, i) => (
              <button
                key={s.id}
                type="button"
                role="tab"
                id={`tab-${s.id}`}
                aria-selected={i === current}
                aria-controls="solution-panel"
                tabIndex={i === current ? 0 : -1}
                onClick={() => onCurrent(i)}
              >
                {s.label} <span className="muted">{t(`language.${s.language}`)}</span>
              </button>
            ))}
          </div>
          <div role="tabpanel" id="solution-panel" aria-labelledby={`tab-${shown.id}`}>
            {shown.origin && <Origin origin={shown.origin} />}
            {shown.answer !== undefined ? (
              <div className="answer-and-code">
                {code(shown)}
                <AnswerProse answer={shown.answer} />
              </div>
            ) : (
              code(shown)
            )}
          </div>
        </>
      )}
      {mode === 'side' && (
        <div className="side-by-side">
          {solutions.map((s) => (
            <div key={s.id} className="side">
              <h3>
                {s.label} <span className="muted">{t(`language.${s.language}`)}</span>
              </h3>
              {code(s)}
            </div>
          ))}
        </div>
      )}
      {mode === 'diff' && left && right && (
        <>
          <div className="row">
            {([0, 1] as const).map((k) => (
              <label key={k}>
                {t(k === 0 ? 'solutions.diffLeft' : 'solutions.diffRight')}
                <select
                  value={k === 0 ? left.id : right.id}
                  onChange={(e) => onDiff(k === 0 ? [e.target.value, right.id] : [left.id, e.target.value])}
                >
                  {solutions.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.label}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <CommentableDiff left={left} right={right} {...commenting} />
        </>
      )}
    </section>
  );
}
