// /team/<project>/review/<task>: every trainer's judgement of one task side by side (ranking,
// rubric scores, the severities per dimension (on the dimensions the work was rated on, kept by the
// server from upload), critiques, own tests, the verdicts seen next to the server's re-check, the
// guideline version), every earlier decision, and for a pending one the reviewer's decision:
// accept, fix & accept (ranks, rubric scores and critiques edited, stored as a new revision beside
// the trainer's own, and exported in its place), or reject with a required comment, back to the
// same trainer or to the pool.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dimension } from '../../domain/dimensions.js';
import type { Evaluation } from '../../domain/evaluation.js';
import { fixedEvaluation, type ReviewFix } from '../../domain/review.js';
import { rubricOf } from '../../domain/rubric.js';
import { pickLocale, SCORES, type Locale, type Task } from '../../domain/task.js';
import { goldRanks } from '../../domain/practice.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { useCriterionText } from '../components/RubricScores.js';
import { useDimensionName } from '../components/AnswerJudging.js';
import { followLink, teamProjectPath } from '../router.js';
import { api } from '../services/teamApi.js';
import { asJudged } from '../shownTask.js';
import { TeamErrorNote } from './TeamError.js';

type Recheck = { state: string | null; mismatch: boolean | null; results: Record<string, { verdict: string }> | null };
type Review = { id: string; reviewer: string; decision: 'accept' | 'fix-accept' | 'reject'; comment: string | null; returnTo: 'trainer' | 'pool' | null; createdAt: string };
type Submission = {
  id: string;
  evaluator: string;
  receivedAt: string;
  reviewState: 'pending' | 'accepted' | 'rejected';
  guidelineVersion: number | null;
  /** The dimensions it was rated on (null: not judged by dimensions). */
  dimensions: Dimension[] | null;
  activeMs: number;
  evaluation: Evaluation;
  recheck: Recheck;
  reviews: Review[];
};
type TaskReview = { task: Task; isGold: boolean; submissions: Submission[] };

export function ReviewScreen({ projectId, taskId }: { projectId: string; taskId: string }) {
  const { t, i18n } = useTranslation('team');
  const locale = i18n.language as Locale;
  const [data, setData] = useState<TaskReview | undefined>();
  const [error, setError] = useState<unknown>();
  const load = useCallback(async () => {
    try {
      setData(await api<TaskReview>('GET', `/api/projects/${encodeURIComponent(projectId)}/tasks/${encodeURIComponent(taskId)}/review`));
    } catch (e) {
      setError(e);
    }
  }, [projectId, taskId]);
  useEffect(() => void load(), [load]);
  const task = data?.task;
  const label = (id: string) => task?.solutions.find((s) => s.id === id)?.label ?? id;
  return (
    <main className="page wide">
      <nav className="crumbs">
        <a href={teamProjectPath(projectId)} onClick={followLink}>
          ← {t('ui.review.back')}
        </a>
      </nav>
      <h1>{t('ui.review.heading', { title: task ? pickLocale(task.title, locale).text : taskId })}</h1>
      {error !== undefined && <TeamErrorNote error={error} />}
      {task && data.isGold && task.gold && (
        <p className="note">
          {t('ui.review.gold')}{' '}
          {t('ui.review.goldRanking', {
            ranking: task.gold.ranking.map((group) => group.map(label).join(' = ')).join(' > '),
          })}
        </p>
      )}
      {task && (
        <div className="review-grid">
          {data.submissions.map((s) => (
            <SubmissionCard key={s.id} projectId={projectId} task={asJudged(task, s.evaluation.judgement.shownLabels, t)} submission={s} goldRank={task.gold ? goldRanks(task.gold) : undefined} onDecided={load} />
          ))}
        </div>
      )}
    </main>
  );
}

function SubmissionCard({ projectId, task, submission: s, goldRank, onDecided }: { projectId: string; task: Task; submission: Submission; goldRank?: Record<string, number> | undefined; onDecided: () => Promise<void> }) {
  const { t, i18n } = useTranslation('team');
  const { t: tc } = useTranslation();
  const { t: tj } = useTranslation('judging');
  const locale = i18n.language as Locale;
  const criterionText = useCriterionText(locale);
  const dimensionName = useDimensionName(locale);
  const j = s.evaluation.judgement;
  const criteria = rubricOf(task);
  const ranked = [...task.solutions].sort((a, b) => (j.ranks[a.id] ?? 99) - (j.ranks[b.id] ?? 99));
  const verdict = (v: string | undefined) => (v ? tc(`verdict.${v}` as never) : '—');
  return (
    <article className="card review-card" data-submission={s.id} data-evaluator={s.evaluator} data-state={s.reviewState} aria-labelledby={`by-${s.id}`}>
      <h2 id={`by-${s.id}`}>{t('ui.review.submittedBy', { evaluator: s.evaluator })}</h2>
      <p className="muted">
        <span className={`badge review-${s.reviewState}`}>{t(`ui.review.state.${s.reviewState}`)}</span> · {formatDate(locale, new Date(s.receivedAt))} ·{' '}
        {t('ui.review.minutes', { minutes: formatNumber(locale, s.activeMs / 60_000, 1) })} ·{' '}
        {s.guidelineVersion ? t('ui.review.guideline', { version: s.guidelineVersion }) : t('ui.review.noGuideline')}
      </p>
      <table className="team-table">
        <thead>
          <tr>
            <th>{t('ui.review.solution')}</th>
            <th>{t('ui.review.rank')}</th>
            <th>{t('ui.review.seen')}</th>
            <th>{t('ui.review.rechecked')}</th>
            {criteria.map((c) => (
              <th key={c.id}>{criterionText(c).name.text}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ranked.map((sol) => {
            const seen = j.results[sol.id]?.verdict;
            const again = s.recheck.state === 'done' ? s.recheck.results?.[sol.id]?.verdict : undefined;
            return (
              <tr key={sol.id} data-solution={sol.id}>
                <td>{sol.label}</td>
                <td>
                  {j.ranks[sol.id] ?? '—'}
                  {goldRank?.[sol.id] !== undefined && <span className="muted"> ({goldRank[sol.id]})</span>}
                </td>
                <td>{verdict(seen)}</td>
                <td className={again && seen && again !== seen ? 'bad' : undefined}>{s.recheck.state === 'done' ? verdict(again) : t('ui.review.recheckPending')}</td>
                {criteria.map((c) => (
                  <td key={c.id}>{j.scores[sol.id]?.[c.id] ?? '—'}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {s.dimensions && s.dimensions.length > 0 && (
        <table className="team-table" aria-label={t('ui.review.ratings')} data-ratings>
          <thead>
            <tr>
              <th>{t('ui.review.solution')}</th>
              {s.dimensions.map((d) => (
                <th key={d.id} data-dimension={d.id}>
                  {dimensionName(d)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ranked.map((sol) => (
              <tr key={sol.id} data-solution={sol.id}>
                <td>{sol.label}</td>
                {s.dimensions!.map((d) => {
                  const r = j.ratings[sol.id]?.[d.id];
                  return (
                    <td key={d.id} className={r?.severity === 'major' ? 'bad' : undefined}>
                      {r ? tj(`ratings.severity.${r.severity}`) : '—'}
                      {r?.note && (
                        <span className="muted" lang={r.note.locale}>
                          {' '}
                          · {r.note.text}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dl className="review-critiques">
        {ranked.map((sol) => (
          <div key={sol.id}>
            <dt>{t('ui.review.critique')} · {sol.label}</dt>
            <dd lang={j.critiques[sol.id]?.locale}>{j.critiques[sol.id]?.text ?? '—'}</dd>
          </div>
        ))}
        {j.justification.text && (
          <div>
            <dt>{t('ui.review.justification')}</dt>
            <dd lang={j.justification.locale}>{j.justification.text}</dd>
          </div>
        )}
      </dl>
      <p className="muted">{j.ownTests.length ? t('ui.review.ownTests', { count: j.ownTests.length, names: j.ownTests.map((o) => o.name).join(', ') }) : t('ui.review.noOwnTests')}</p>
      {s.reviews.length > 0 && (
        <section aria-label={t('ui.review.history')}>
          <h3>{t('ui.review.history')}</h3>
          <ul>
            {s.reviews.map((r) => (
              <li key={r.id}>
                {t('ui.review.decided', { decision: t(`ui.review.decision.${r.decision}`), reviewer: r.reviewer, date: formatDate(locale, new Date(r.createdAt)) })}
                {r.returnTo && ` (${t(`ui.review.returnedTo.${r.returnTo}`)})`}
                {r.comment && <blockquote>{r.comment}</blockquote>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {s.reviewState === 'pending' && <DecisionForm projectId={projectId} task={task} submission={s} onDecided={onDecided} />}
    </article>
  );
}

function DecisionForm({ projectId, task, submission: s, onDecided }: { projectId: string; task: Task; submission: Submission; onDecided: () => Promise<void> }) {
  const { t, i18n } = useTranslation('team');
  const locale = i18n.language as Locale;
  const criterionText = useCriterionText(locale);
  const criteria = rubricOf(task);
  const [decision, setDecision] = useState<'accept' | 'fix-accept' | 'reject'>('accept');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const j = s.evaluation.judgement;
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const comment = String(form.get('comment') ?? '');
    const body: Record<string, unknown> = { decision, ...(comment.trim() ? { comment } : {}) };
    if (decision === 'reject') body.returnTo = String(form.get('returnTo') ?? 'trainer');
    if (decision === 'fix-accept') body.evaluation = fixed(s.evaluation, task, form, locale);
    setBusy(true);
    setError(undefined);
    try {
      await api('POST', `/api/projects/${encodeURIComponent(projectId)}/submissions/${encodeURIComponent(s.id)}/review`, body);
      await onDecided();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="stack review-decision" onSubmit={(e) => void onSubmit(e)} aria-label={t('ui.review.decide')}>
      <fieldset>
        <legend>{t('ui.review.decide')}</legend>
        {(['accept', 'fix-accept', 'reject'] as const).map((d) => (
          <label key={d} className="inline">
            <input type="radio" name="decision" value={d} checked={decision === d} onChange={() => setDecision(d)} /> {t(d === 'accept' ? 'ui.review.accept' : d === 'reject' ? 'ui.review.reject' : 'ui.review.fixAccept')}
          </label>
        ))}
      </fieldset>
      {decision === 'fix-accept' &&
        task.solutions.map((sol) => (
          <div key={sol.id} className="stack">
            <label>
              {t('ui.review.fixRank', { label: sol.label })}
              <input name={`rank:${sol.id}`} type="number" min={1} max={task.solutions.length} defaultValue={j.ranks[sol.id] ?? ''} required />
            </label>
            <div className="row fix-scores">
              {criteria.map((c) => (
                <label key={c.id}>
                  {t('ui.review.fixScore', { criterion: criterionText(c).name.text, label: sol.label })}
                  <select name={`score:${sol.id}:${c.id}`} defaultValue={j.scores[sol.id]?.[c.id] ?? ''}>
                    <option value="">—</option>
                    {SCORES.map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
            <label>
              {t('ui.review.fixCritique', { label: sol.label })}
              <textarea name={`critique:${sol.id}`} defaultValue={j.critiques[sol.id]?.text ?? ''} rows={2} />
            </label>
          </div>
        ))}
      <label>
        {decision === 'reject' ? t('ui.review.commentRequired') : t('ui.review.comment')}
        <textarea name="comment" rows={3} maxLength={20_000} required={decision === 'reject'} />
      </label>
      {decision === 'reject' && (
        <label>
          {t('ui.review.returnTo')}
          <select name="returnTo" defaultValue="trainer">
            <option value="trainer">{t('ui.review.toTrainer')}</option>
            <option value="pool">{t('ui.review.toPool')}</option>
          </select>
        </label>
      )}
      {error !== undefined && <TeamErrorNote error={error} />}
      <button type="submit" className="primary" disabled={busy}>
        {t('ui.review.record')}
      </button>
    </form>
  );
}

/** The reviewer's fix as the form holds it (ranks, scores, critiques), applied by fixedEvaluation. */
function fixed(original: Evaluation, task: Task, form: FormData, locale: Locale): Evaluation {
  const ranks: Record<string, number> = {};
  const scores: Record<string, Record<string, number | undefined>> = {};
  const critiques: Record<string, string> = {};
  for (const sol of task.solutions) {
    const n = Number(form.get(`rank:${sol.id}`));
    if (Number.isInteger(n) && n >= 1) ranks[sol.id] = n;
    scores[sol.id] = Object.fromEntries(rubricOf(task).map((c) => [c.id, form.get(`score:${sol.id}:${c.id}`) ? Number(form.get(`score:${sol.id}:${c.id}`)) : undefined]));
    critiques[sol.id] = String(form.get(`critique:${sol.id}`) ?? '');
  }
  const fix: ReviewFix = { ranks, scores, critiques };
  return fixedEvaluation(original, fix, locale, new Date().toISOString());
}
