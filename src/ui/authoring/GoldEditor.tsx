// The expert's judgement of the candidates (the answer practice mode compares a trainer with):
// a rank per solution (equal ranks are ties), rubric scores, a critique per solution and a
// justification in both languages, and, as JSON, the known bugs and a custom rubric.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { goldPath, type FormAction, type SolutionForm, type TaskForm } from '../../domain/draft.js';
import { DEFAULT_CRITERIA } from '../../domain/rubric.js';
import { LOCALES, pickLocale, SCORES, type Locale, type Localized } from '../../domain/task.js';
import { languageName } from '../../i18n/format.js';
import { AuthorSection, useField } from './fields.js';

type Props = { form: TaskForm; dispatch: (a: FormAction) => void; locale: Locale };
type Criterion = { id: string; name: string };

/** The criteria to score: the custom rubric when its JSON reads as one, else the default four. */
function useCriteria(form: TaskForm, locale: Locale): Criterion[] {
  const { t } = useTranslation('authoring');
  return useMemo(() => {
    try {
      const custom = JSON.parse(form.rubric) as unknown;
      if (Array.isArray(custom) && custom.length && custom.every((c) => typeof c?.id === 'string'))
        return custom.map((c: { id: string; name?: Localized }) => ({ id: c.id, name: c.name ? pickLocale(c.name, locale).text || c.id : c.id }));
    } catch {
      /* not JSON (yet): the default rubric */
    }
    return DEFAULT_CRITERIA.map((id) => ({ id, name: t(`rubric.${id}.name`, { ns: 'judging' }) }));
  }, [form.rubric, locale, t]);
}

export function GoldEditor({ form, dispatch, locale }: Props) {
  const { t } = useTranslation('authoring');
  const criteria = useCriteria(form, locale);
  const gold = form.gold;
  const section = useField('gold', { nested: false });
  const ranking = useField('gold.ranking');
  const bugs = useField('gold.bugs', { nested: true, hint: 'bugs-hint' });
  const rubric = useField('rubric', { nested: true, hint: 'rubric-hint' });
  return (
    <AuthorSection id="gold" heading={t('gold.heading')} hint={t('gold.hint')}>
      <label className="inline">
        <input type="checkbox" checked={gold.enabled} onChange={(e) => dispatch({ type: 'setGoldEnabled', value: e.target.checked })} />
        {t('gold.enable')}
      </label>
      {section.notes}
      {gold.enabled && (
        <>
          {ranking.notes}
          {form.solutions.length === 0 && <p className="muted">{t('gold.noSolutions')}</p>}
          {form.solutions.map((s, i) => (
            <GoldSolution key={s.key} solution={s} index={i} form={form} dispatch={dispatch} criteria={criteria} />
          ))}
          <fieldset className="subfields">
            <legend>{t('gold.justification')}</legend>
            <div className="locale-columns">
              {LOCALES.map((l) => (
                <LocalizedArea key={l} path={`gold.justification.${l}`} label={t('gold.justificationIn', { language: languageName(locale, l) })} value={gold.justification[l]} locale={l} onChange={(value) => dispatch({ type: 'setGoldJustification', locale: l, value })} />
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor={bugs.id}>{t('gold.bugs')}</label>
            <span id="bugs-hint" className="hint">
              {t('gold.bugsHint')}
            </span>
            <textarea className="mono" rows={5} spellCheck={false} value={gold.bugs} onChange={(e) => dispatch({ type: 'setGoldBugs', value: e.target.value })} {...bugs.props} />
            {bugs.notes}
          </div>
        </>
      )}
      <details className="advanced" open={rubric.invalid || form.rubric.trim() !== '' || undefined}>
        <summary>{t('gold.rubricSummary')}</summary>
        <div className="field">
          <label htmlFor={rubric.id}>{t('gold.rubric')}</label>
          <span id="rubric-hint" className="hint">
            {t('gold.rubricHint')}
          </span>
          <textarea className="mono" rows={6} spellCheck={false} value={form.rubric} onChange={(e) => dispatch({ type: 'setRubric', value: e.target.value })} {...rubric.props} />
          {rubric.notes}
        </div>
      </details>
    </AuthorSection>
  );
}

function GoldSolution({ solution: s, index, form, dispatch, criteria }: { solution: SolutionForm; index: number; form: TaskForm; dispatch: (a: FormAction) => void; criteria: Criterion[] }) {
  const { t, i18n } = useTranslation('authoring');
  const label = s.label.trim() || s.id || String(index + 1);
  const rank = useField(goldPath.rank(index));
  const scores = form.gold.scores[s.key] ?? {};
  const critique = form.gold.critiques[s.key] ?? { en: '', 'es-CL': '' };
  return (
    <fieldset className="subfields gold-solution">
      <legend>{label}</legend>
      <div className="field-grid">
        <div className="field narrow">
          <label htmlFor={rank.id}>{t('gold.rankOf', { label })}</label>
          <input type="number" min={1} max={50} inputMode="numeric" value={form.gold.ranks[s.key] ?? ''} onChange={(e) => dispatch({ type: 'setGoldRank', key: s.key, value: e.target.value })} {...rank.props} />
          {rank.notes}
        </div>
        {criteria.map((c) => (
          <ScoreField key={c.id} index={index} criterion={c} label={label} value={scores[c.id] ?? ''} onChange={(value) => dispatch({ type: 'setGoldScore', key: s.key, criterion: c.id, value })} />
        ))}
      </div>
      <div className="locale-columns">
        {LOCALES.map((l) => (
          <LocalizedArea
            key={l}
            path={`${goldPath.critique(index)}.${l}`}
            label={t('gold.critiqueOf', { label, language: languageName(i18n.language, l) })}
            value={critique[l]}
            locale={l}
            onChange={(value) => dispatch({ type: 'setGoldCritique', key: s.key, locale: l, value })}
          />
        ))}
      </div>
    </fieldset>
  );
}

function ScoreField({ index, criterion, label, value, onChange }: { index: number; criterion: Criterion; label: string; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation('authoring');
  const f = useField(goldPath.score(index, criterion.id));
  return (
    <div className="field narrow">
      <label htmlFor={f.id}>{t('gold.scoreOf', { criterion: criterion.name, label })}</label>
      <select value={value} onChange={(e) => onChange(e.target.value)} {...f.props}>
        <option value="">{t('gold.noScore')}</option>
        {SCORES.map((n) => (
          <option key={n} value={String(n)}>
            {n}
          </option>
        ))}
        {value !== '' && !SCORES.map(String).includes(value) && <option value={value}>{value}</option>}
      </select>
      {f.notes}
    </div>
  );
}

function LocalizedArea({ path, label, value, locale, onChange }: { path: string; label: string; value: string; locale: Locale; onChange: (v: string) => void }) {
  const f = useField(path);
  return (
    <div className="field">
      <label htmlFor={f.id}>{label}</label>
      <textarea rows={3} lang={locale} value={value} onChange={(e) => onChange(e.target.value)} {...f.props} />
      {f.notes}
    </div>
  );
}
