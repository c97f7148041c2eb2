// The judging of model answers inside the judgement panel: a severity and a note per dimension for
// each answer, the 7-point side-by-side preference of a two-answer task, and the list of line comments. Every
// change is an EvaluationAction; the rules (what must be rated, when the preference contradicts the
// ranking) are in the domain (dimensions.ts, preference.ts, guardrails.ts).
import { useTranslation } from 'react-i18next';
import { contentHash } from '../../domain/contentHash.js';
import { SEVERITIES, type Dimension } from '../../domain/dimensions.js';
import type { EvaluationAction, Judgement, LineComment } from '../../domain/evaluation.js';
import { lineRef, withLineRef } from '../../domain/lineRef.js';
import { PREFERENCE_SCALE, preferenceContradicts } from '../../domain/preference.js';
import { pickLocale, type Locale, type Solution } from '../../domain/task.js';
import { useLinesText } from './LineCommentBar.js';

const own = <V,>(record: Readonly<Record<string, V>>, key: string): V | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

/** A dimension's name: the translation of a default one, or the task's own text. */
export function useDimensionName(locale: Locale): (d: Dimension | string) => string {
  const { t } = useTranslation('judging');
  return (d) => {
    const dim: { id: string; name?: Dimension['name'] } = typeof d === 'string' ? { id: d } : d;
    return dim.name ? pickLocale(dim.name, locale).text : t(`dimension.${dim.id as 'correctness'}`, { defaultValue: dim.id });
  };
}

export function DimensionRatings({ solution, dimensions, judgement, locale, disabled, dispatch, invalid }: {
  solution: Solution;
  dimensions: readonly Dimension[];
  judgement: Judgement;
  locale: Locale;
  disabled: boolean;
  dispatch: (a: EvaluationAction) => void;
  invalid: (dimension: string) => boolean;
}) {
  const { t } = useTranslation('judging');
  const name = useDimensionName(locale);
  const ratings = own(judgement.ratings, solution.id) ?? {};
  return (
    <fieldset className="jp-ratings" disabled={disabled}>
      <legend>{t('ratings.legend', { label: solution.label })}</legend>
      {dimensions.map((d) => {
        const r = own(ratings, d.id);
        const id = `rating-${solution.id}-${d.id}`;
        return (
          <div key={d.id} className="jp-rating">
            <label htmlFor={id}>{name(d)}</label>
            <select
              id={id}
              value={r?.severity ?? ''}
              aria-invalid={invalid(d.id) || undefined}
              aria-label={t('ratings.severityOf', { dimension: name(d), label: solution.label })}
              onChange={(e) => dispatch({ type: 'rate', solutionId: solution.id, dimension: d.id, severity: (e.target.value || undefined) as (typeof SEVERITIES)[number] | undefined })}
            >
              <option value="">{t('ratings.unrated')}</option>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {t(`ratings.severity.${s}`)}
                </option>
              ))}
            </select>
            {r && (
              <input
                type="text"
                value={r.note?.text ?? ''}
                placeholder={t('ratings.notePlaceholder')}
                aria-label={t('ratings.noteOf', { dimension: name(d), label: solution.label })}
                onChange={(e) => dispatch({ type: 'rateNote', solutionId: solution.id, dimension: d.id, text: e.target.value, locale: r.note?.locale ?? locale })}
              />
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

/** The 7-point scale for exactly two solutions, A being the first. */
export function PreferenceScale({ solutions, judgement, disabled, dispatch, invalid }: {
  solutions: readonly [Solution, Solution];
  judgement: Judgement;
  disabled: boolean;
  dispatch: (a: EvaluationAction) => void;
  invalid: boolean;
}) {
  const { t } = useTranslation('judging');
  const [a, b] = solutions;
  const p = judgement.preference?.a === a.id && judgement.preference.b === b.id ? judgement.preference : undefined;
  const clash = p !== undefined && preferenceContradicts(judgement.ranks, p);
  return (
    <fieldset id="jp-preference" className="jp-preference" disabled={disabled} aria-invalid={invalid || clash || undefined} tabIndex={-1}>
      <legend>{t('preference.legend', { a: a.label, b: b.label })}</legend>
      {/* The scale's layout follows the room it has (a container query, judgement.css). */}
      <div className="jp-preference-room">
        <div className="jp-preference-scale">
          {PREFERENCE_SCALE.map((strength) => (
            <label key={strength} className="jp-preference-point">
              <input
                type="radio"
                name="jp-preference"
                checked={p?.strength === strength}
                onChange={() => dispatch({ type: 'prefer', preference: { a: a.id, b: b.id, strength } })}
              />
              <span>{t(`preference.point.${strength}` as 'preference.point.0', { a: a.label, b: b.label })}</span>
            </label>
          ))}
        </div>
      </div>
      {clash && (
        <p className="jp-note" role="status">
          {t('preference.contradicts', { a: a.label, b: b.label })}
        </p>
      )}
    </fieldset>
  );
}

/**
 * A solution's line comments (added from its editor, LineCommentBar.tsx): each with its reference
 * ("L2–3"), which a button cites in the solution's critique, and a mark when the code changed since.
 */
export function LineComments({ solution, judgement, locale, disabled, dispatch }: {
  solution: Solution;
  judgement: Judgement;
  locale: Locale;
  disabled: boolean;
  dispatch: (a: EvaluationAction) => void;
}) {
  const { t } = useTranslation('judging');
  const linesText = useLinesText();
  const comments = judgement.lineComments.filter((c) => c.solutionId === solution.id).sort((x, y) => x.startLine - y.startLine || x.endLine - y.endLine);
  const hash = contentHash(solution.code);
  if (disabled && comments.length === 0) return null;
  const cite = (c: LineComment) => {
    const critique = own(judgement.critiques, solution.id);
    const text = withLineRef(critique?.text ?? '', c);
    dispatch({ type: 'critique', solutionId: solution.id, text, locale: critique?.text ? critique.locale : locale });
    // The critique's id is the card's (JudgementPanel); the caret goes after the reference, to go on writing.
    const field = document.getElementById(`critique-${solution.id}`);
    if (field instanceof HTMLTextAreaElement) {
      field.focus();
      requestAnimationFrame(() => field.setSelectionRange(field.value.length, field.value.length));
    }
  };
  return (
    <fieldset className="jp-line-comments" disabled={disabled}>
      <legend>{t('lineComments.legend', { label: solution.label })}</legend>
      {comments.length === 0 ? (
        <p className="jp-hint">{t('lineComments.none')}</p>
      ) : (
        <ul>
          {comments.map((c) => {
            const ref = lineRef(c);
            return (
              <li key={c.id}>
                <span className="jp-line-range" title={linesText('range', c)}>
                  {ref}
                </span>{' '}
                <span lang={c.text.locale}>{c.text.text}</span>
                {c.codeHash !== hash && <span className="jp-hint"> {t('lineComments.stale')}</span>}{' '}
                <span className="jp-line-actions">
                  <button type="button" className="small ghost" onClick={() => cite(c)} aria-label={t('lineComments.citeName', { ref, label: solution.label })}>
                    {t('lineComments.cite')}
                  </button>
                  <button type="button" className="small ghost" onClick={() => dispatch({ type: 'removeLineComment', id: c.id })} aria-label={t('lineComments.remove', { ref })}>
                    ×
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
