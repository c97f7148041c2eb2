// The two review lists of a project page: for leads the queue of submissions waiting for review,
// most urgent first, with why each is there; for a trainer the inbox of reviews of their own work,
// with the comment, what a fix & accept changed, and a link back to a task sent back to them.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLocale, type Locale } from '../../domain/task.js';
import type { JudgementDiff, ReviewReason } from '../../domain/review.js';
import { csvCell } from '../../formats/evaluations.js';
import { formatDate } from '../../i18n/format.js';
import { download } from '../download.js';
import { followLink, teamReviewPath, teamTaskPath } from '../router.js';
import { api } from '../services/teamApi.js';
import { TeamErrorNote } from './TeamError.js';

type Title = { en?: string; 'es-CL'?: string };

/** Downloads a table as it is shown (translated headers, the cells' text) as CSV for a spreadsheet. */
export function CsvButton({ file, header, rows }: { file: string; header: string[]; rows: (string | number)[][] }) {
  const { t } = useTranslation('team');
  const text = () => `\uFEFF${[header, ...rows].map((r) => r.map((c) => csvCell(c)).join(',')).join('\r\n')}\r\n`;
  return (
    <button type="button" className="ghost" data-csv={file} onClick={() => download(`veredicto-${file}.csv`, text(), 'text/csv')}>
      {t('ui.csv')}
    </button>
  );
}
type QueueItem = { submissionId: string; taskId: string; title: Title; evaluator: string; receivedAt: string; reasons: ReviewReason[] };

export function ReviewQueue({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation('team');
  const locale = i18n.language as Locale;
  const [queue, setQueue] = useState<QueueItem[] | undefined>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api<{ queue: QueueItem[] }>('GET', `/api/projects/${encodeURIComponent(projectId)}/review-queue`).then((r) => setQueue(r.queue), setError);
  }, [projectId]);
  return (
    <section className="card" aria-labelledby="review-queue">
      <h2 id="review-queue">{t('ui.review.queueHeading')}</h2>
      {error !== undefined && <TeamErrorNote error={error} />}
      {queue && !queue.length && <p>{t('ui.review.queueEmpty')}</p>}
      {queue && queue.length > 0 && (
        <>
          <CsvButton
            file="review-queue"
            header={[t('ui.progress.task'), t('ui.progress.trainer'), t('ui.review.reasons'), t('ui.review.received')]}
            rows={queue.map((q) => [q.taskId, q.evaluator, q.reasons.map((r) => t(`ui.review.reason.${r}`)).join('; '), q.receivedAt])}
          />
          <table className="team-table">
            <thead>
              <tr>
                <th>{t('ui.progress.task')}</th>
                <th>{t('ui.progress.trainer')}</th>
                <th>{t('ui.review.reasons')}</th>
                <th>{t('ui.review.received')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {queue.map((q) => (
                <tr key={q.submissionId} data-review={q.submissionId} data-task={q.taskId}>
                  <td>{pickLocale(q.title as never, locale).text || q.taskId}</td>
                  <td>{q.evaluator}</td>
                  <td>{q.reasons.length ? q.reasons.map((r) => <span key={r} className={`badge reason-${r}`}>{t(`ui.review.reason.${r}`)}</span>) : <span className="muted">{t('ui.review.noReason')}</span>}</td>
                  <td>{formatDate(locale, new Date(q.receivedAt))}</td>
                  <td>
                    <a href={teamReviewPath(projectId, q.taskId)} onClick={followLink}>
                      {t('ui.review.open')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

type InboxItem = {
  reviewId: string;
  taskId: string;
  title: Title;
  decision: 'accept' | 'fix-accept' | 'reject';
  comment: string | null;
  returnTo: 'trainer' | 'pool' | null;
  createdAt: string;
  diff?: JudgementDiff;
  assignmentId?: string;
};

/** `refreshKey` changes when an upload is accepted (a resubmission may have been reviewed since). */
export function Inbox({ projectId, refreshKey }: { projectId: string; refreshKey: number }) {
  const { t, i18n } = useTranslation('team');
  const locale = i18n.language as Locale;
  const [items, setItems] = useState<InboxItem[] | undefined>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api<{ reviews: InboxItem[] }>('GET', `/api/projects/${encodeURIComponent(projectId)}/inbox`).then((r) => setItems(r.reviews), setError);
  }, [projectId, refreshKey]);
  const show = (v: number | undefined) => (v === undefined ? t('ui.inbox.none') : String(v));
  return (
    <section className="card" aria-labelledby="inbox-heading">
      <h2 id="inbox-heading">{t('ui.inbox.heading')}</h2>
      {error !== undefined && <TeamErrorNote error={error} />}
      {items && !items.length && <p>{t('ui.inbox.empty')}</p>}
      <ul className="team-inbox">
        {items?.map((r) => (
          <li key={r.reviewId} className={`card inbox-${r.decision}`} data-review={r.reviewId} data-decision={r.decision}>
            <strong>{pickLocale(r.title as never, locale).text || r.taskId}</strong> <span className={`badge decision-${r.decision}`}>{t(`ui.inbox.decision.${r.decision}`)}</span>{' '}
            <span className="muted">{formatDate(locale, new Date(r.createdAt))}</span>
            {r.comment && <blockquote className="review-comment">{r.comment}</blockquote>}
            {r.diff && (r.diff.ranks.length > 0 || r.diff.scores.length > 0 || r.diff.critiques.length > 0) && (
              <div>
                <p>{t('ui.inbox.changes')}</p>
                <ul className="review-diff">
                  {r.diff.ranks.map((d) => (
                    <li key={`r-${d.solutionId}`}>{t('ui.inbox.rank', { solution: d.solutionId, before: show(d.before), after: show(d.after) })}</li>
                  ))}
                  {r.diff.scores.map((d) => (
                    <li key={`s-${d.solutionId}-${d.criterion}`}>{t('ui.inbox.score', { solution: d.solutionId, criterion: d.criterion, before: show(d.before), after: show(d.after) })}</li>
                  ))}
                  {r.diff.critiques.map((d) => (
                    <li key={`c-${d.solutionId}`}>
                      {t('ui.inbox.critique', { solution: d.solutionId })}
                      <del>{d.before ?? ''}</del> <ins>{d.after ?? ''}</ins>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {r.assignmentId && (
              <p>
                <a href={teamTaskPath(projectId, r.assignmentId)} onClick={followLink}>
                  {t('ui.inbox.rework')}
                </a>
              </p>
            )}
            {r.decision === 'reject' && r.returnTo === 'pool' && <p className="muted">{t('ui.inbox.toPool')}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
