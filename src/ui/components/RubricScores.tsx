// One solution's rubric: per criterion a native radio group 1–5 (arrow keys work as the browser
// gives them), each level's description as a tooltip and, for the chosen level, on a line below.
// Default criteria are translations (judging namespace); a task's own criteria carry their text.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RubricCriterion } from '../../domain/rubric.js';
import { isScore, MIN_SCORE, pickLocale, SCORES, type Locale, type Score, type Solution } from '../../domain/task.js';

export type RubricScoresProps = {
  solution: Pick<Solution, 'id' | 'label'>;
  criteria: readonly RubricCriterion[];
  /** criterion id → score, for this solution. */
  scores: Readonly<Record<string, number>>;
  onScore: (criterion: string, score: number | undefined) => void;
  locale: Locale;
  disabled: boolean;
  /** Criterion ids a failed submit named; their groups are marked invalid. */
  invalid?: ReadonlySet<string>;
};


/** A text in some language: `lang` is set when it is not the page's (a task's own rubric may lack one). */
type Text = { text: string; lang?: Locale };

/** The name and level descriptions of a criterion, in the UI locale when there is one. */
export function useCriterionText(locale: Locale): (c: RubricCriterion) => { name: Text; level: (score: Score) => Text } {
  const { t } = useTranslation(['judgement', 'judging']);
  return (c) => {
    const { custom } = c;
    if (!custom)
      return {
        name: { text: t(`rubric.${c.id}.name`, { ns: 'judging' }) },
        level: (score) => ({ text: t(`rubric.${c.id}.levels.${score}`, { ns: 'judging' }) }),
      };
    const own = (l: Parameters<typeof pickLocale>[0] | undefined): Text => {
      if (!l) return { text: '' };
      const p = pickLocale(l, locale);
      return p.fallback ? { text: p.text, lang: p.locale } : { text: p.text };
    };
    return { name: own(custom.name), level: (score) => own(custom.levels[score - MIN_SCORE]) };
  };
}

export function RubricScores({ solution, criteria, scores, onScore, locale, disabled, invalid }: RubricScoresProps) {
  const { t } = useTranslation(['judgement', 'judging']);
  const textOf = useCriterionText(locale);
  return (
    <div className="jp-rubric-block">
      <p className="jp-hint jp-rubric-hint">{t('rubric.hint')}</p>
      <div className="jp-rubric">
        {criteria.map((c) => {
          const { name, level } = textOf(c);
          return (
            <CriterionScore
              key={c.id}
              solutionId={solution.id}
              criterion={c.id}
              name={name}
              level={level}
              score={Object.hasOwn(scores, c.id) ? scores[c.id] : undefined}
              onScore={(s) => onScore(c.id, s)}
              disabled={disabled}
              invalid={invalid?.has(c.id) ?? false}
              clearName={t('rubric.clearName', { criterion: name.text })}
            />
          );
        })}
      </div>
    </div>
  );
}

function CriterionScore({
  solutionId,
  criterion,
  name,
  level,
  score,
  onScore,
  disabled,
  invalid,
  clearName,
}: {
  solutionId: string;
  criterion: string;
  name: Text;
  level: (score: Score) => Text;
  score: number | undefined;
  onScore: (score: number | undefined) => void;
  disabled: boolean;
  invalid: boolean;
  clearName: string;
}) {
  const { t } = useTranslation('judgement');
  // The level under the pointer, previewed on the description line.
  const [hover, setHover] = useState<Score | undefined>();
  const base = `score-${solutionId}-${criterion}`;
  const descriptionId = `${base}-description`;
  const shown = hover ?? score;
  const description = shown === undefined || !isScore(shown) ? undefined : level(shown);
  return (
    <fieldset className="jp-criterion" data-invalid={invalid || undefined} disabled={disabled}>
      <legend className="jp-criterion-name" lang={name.lang}>
        {name.text}
      </legend>
      <div className="jp-levels" onMouseLeave={() => setHover(undefined)}>
        {SCORES.map((n) => {
          const d = level(n);
          return (
            <label key={n} className="jp-level" title={d.text} onMouseEnter={() => setHover(n)}>
              <input
                type="radio"
                className="jp-level-input"
                id={n === MIN_SCORE ? base : `${base}-${n}`}
                name={base}
                value={n}
                checked={score === n}
                onChange={() => onScore(n)}
                aria-describedby={descriptionId}
                aria-invalid={invalid || undefined}
              />
              <span className="jp-level-number">{n}</span>
            </label>
          );
        })}
        {score !== undefined && !disabled && (
          <button type="button" className="jp-link-button" aria-label={clearName} onClick={() => onScore(undefined)}>
            {t('rubric.clear')}
          </button>
        )}
      </div>
      <p className="jp-level-description" id={descriptionId} data-preview={hover !== undefined && hover !== score ? 'true' : undefined}>
        {description ? (
          <span lang={description.lang}>{t('rubric.selected', { score: shown, description: description.text })}</span>
        ) : (
          t('rubric.none')
        )}
      </p>
    </fieldset>
  );
}
