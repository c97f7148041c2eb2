// After a practice submit: the trainer's ranking next to the gold one with Kendall's tau-b, rubric
// differences, which real bugs each critique mentioned (and what matched), and the gold critiques
// in the trainer's language.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evaluation } from '../../domain/evaluation.js';
import { practiceReport } from '../../domain/practice.js';
import type { RubricCriterion } from '../../domain/rubric.js';
import { pickLocale, type Locale, type Task } from '../../domain/task.js';
import { formatNumber } from '../../i18n/format.js';
import { followLink, practicePath } from '../router.js';
import { useCriterionText } from './RubricScores.js';

type Props = { task: Task; evaluation: Evaluation; criteria: RubricCriterion[]; locale: Locale; next?: string };

export function PracticeFeedback({ task, evaluation, criteria, locale, next }: Props) {
  const { t } = useTranslation('practice');
  const criterionText = useCriterionText(locale);
  const report = useMemo(() => practiceReport(task, evaluation, criteria.map((c) => c.id)), [task, evaluation, criteria]);
  if (!report || !task.gold) return <p className="note">{t('feedback.noGold')}</p>;
  const gold = task.gold;
  const label = (id: string) => task.solutions.find((s) => s.id === id)?.label ?? id;
  const text = (l: Parameters<typeof pickLocale>[0]) => {
    const p = pickLocale(l, locale);
    return <span lang={p.locale}>{p.text}</span>;
  };
  return (
    <section className="card practice-feedback" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">{t('feedback.heading')}</h2>
      <p className="agreement">
        {report.tau === undefined
          ? t('feedback.tauUndefined')
          : t('feedback.tau', { tau: formatNumber(locale, report.tau, 2) })}
      </p>
      <p className="hint">{t('feedback.tauHelp')}</p>

      <h3>{t('feedback.ranking')}</h3>
      <table className="compact">
        <thead>
          <tr>
            <th scope="col">{t('feedback.solution')}</th>
            <th scope="col">{t('feedback.yourRank')}</th>
            <th scope="col">{t('feedback.goldRank')}</th>
          </tr>
        </thead>
        <tbody>
          {report.rankingAgreement.map((r) => (
            <tr key={r.solutionId} className={r.trainerRank === r.goldRank ? 'same' : 'differs'}>
              <th scope="row">{label(r.solutionId)}</th>
              <td>{r.trainerRank ?? '—'}</td>
              <td>{r.goldRank}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('feedback.rubric')}</h3>
      {report.rubric.meanAbsoluteDifference !== undefined && (
        <p className="hint">{t('feedback.rubricMad', { mad: formatNumber(locale, report.rubric.meanAbsoluteDifference, 2) })}</p>
      )}
      <div className="grid-scroll">
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">{t('feedback.solution')}</th>
              {criteria.map((c) => (
                <th key={c.id} scope="col">
                  {criterionText(c).name.text}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {task.solutions.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.label}</th>
                {criteria.map((c) => {
                  const cell = report.rubric.cells[s.id]?.[c.id];
                  return (
                    <td key={c.id} className={cell?.diff ? 'differs' : undefined} title={t('feedback.cellHint')}>
                      {cell?.trainer ?? '—'} / {cell?.gold ?? '—'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>{t('feedback.bugs', { found: report.totalBugs - report.missedBugs, total: report.totalBugs })}</h3>
      <p className="hint">{t('feedback.bugsHelp')}</p>
      <ul className="bug-list">
        {report.bugs.map((b) => {
          const bug = gold.bugs?.find((x) => x.id === b.bugId);
          if (!bug) return null;
          return (
            <li key={`${b.bugId}-${b.solutionId}`} className={b.mentioned ? 'found' : 'missed'}>
              <strong>{b.mentioned ? t('feedback.found') : t('feedback.missed')}</strong> · {label(b.solutionId)}: {text(bug.summary)}
              <div className="hint">
                {b.matchedBy
                  ? b.matchedBy.kind === 'test'
                    ? t('feedback.matchedTest', { text: b.matchedBy.text })
                    : t('feedback.matchedKeyword', { text: b.matchedBy.text })
                  : t('feedback.expectedWords', { count: (bug.keywords[locale] ?? []).length, words: (bug.keywords[locale] ?? []).join(', '), test: bug.test ?? '—' })}
              </div>
            </li>
          );
        })}
      </ul>

      <h3>{t('feedback.goldCritiques')}</h3>
      <dl className="gold-critiques">
        {task.solutions.map((s) => {
          const c = gold.critiques?.[s.id];
          return c ? (
            <div key={s.id}>
              <dt>{s.label}</dt>
              <dd>{text(c)}</dd>
            </div>
          ) : null;
        })}
      </dl>
      {gold.justification && (
        <>
          <h3>{t('feedback.goldJustification')}</h3>
          <p>{text(gold.justification)}</p>
        </>
      )}
      {next && (
        <p>
          <a className="button-link" href={practicePath(next)} onClick={followLink}>
            {t('feedback.next')}
          </a>
        </p>
      )}
    </section>
  );
}
