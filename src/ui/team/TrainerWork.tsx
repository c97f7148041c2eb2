// The drill-down from the dashboard's per-trainer table: one trainer's submissions, newest first,
// each with its review state, active time, tau-b with the control task and with peers, the
// re-check, and a link to the task's review screen. For the project's leads (the API checks it).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLocale, type Locale } from '../../domain/task.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { followLink, teamReviewPath } from '../router.js';
import { api } from '../services/teamApi.js';
import { CsvButton } from './ReviewLists.js';
import { TeamErrorNote } from './TeamError.js';

type Work = {
  trainer: { userId: string; email: string };
  submissions: {
    submissionId: string;
    taskId: string;
    title: { en?: string; 'es-CL'?: string };
    receivedAt: string;
    reviewState: 'pending' | 'accepted' | 'rejected';
    activeMs: number;
    goldTau: number | null;
    peerTau: number | null;
    recheck: 'pending' | 'match' | 'mismatch';
  }[];
};

export function TrainerWork({ projectId, userId, onClose }: { projectId: string; userId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation('team');
  const locale = i18n.language as Locale;
  const [work, setWork] = useState<Work | undefined>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    setWork(undefined);
    api<Work>('GET', `/api/projects/${encodeURIComponent(projectId)}/members/${encodeURIComponent(userId)}/work`).then(setWork, setError);
  }, [projectId, userId]);
  const tau = (v: number | null) => (v === null ? '—' : formatNumber(locale, v, 2));
  const rows = (work?.submissions ?? []).map((s) => ({
    s,
    cells: [
      pickLocale(s.title as never, locale).text || s.taskId,
      t(`ui.review.state.${s.reviewState}`),
      formatDate(locale, new Date(s.receivedAt)),
      formatNumber(locale, s.activeMs / 60_000, 1),
      tau(s.goldTau),
      tau(s.peerTau),
      t(`ui.recheck.${s.recheck}`),
    ],
  }));
  const header = [t('ui.progress.task'), t('ui.trainer.state'), t('ui.review.received'), t('ui.progress.minutes'), t('ui.trainer.goldTau'), t('ui.trainer.peerTau'), t('ui.trainer.recheck')];
  return (
    <section className="card trainer-work" aria-labelledby="trainer-work" data-trainer-work={work?.trainer.email ?? ''}>
      <h3 id="trainer-work">{t('ui.trainer.heading', { email: work?.trainer.email ?? '' })}</h3>
      <button type="button" className="ghost" onClick={onClose}>
        {t('ui.trainer.close')}
      </button>
      {error !== undefined && <TeamErrorNote error={error} />}
      {work && !rows.length && <p>{t('ui.trainer.none')}</p>}
      {rows.length > 0 && (
        <>
          <CsvButton file={`trainer-${work!.trainer.email}`} header={header} rows={rows.map((r) => r.cells)} />
          <table className="team-table">
            <thead>
              <tr>
                {header.map((h) => (
                  <th key={h}>{h}</th>
                ))}
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map(({ s, cells }) => (
                <tr key={s.submissionId} data-submission={s.submissionId} data-task={s.taskId} data-state={s.reviewState}>
                  {cells.map((c, i) => (
                    <td key={i}>{c}</td>
                  ))}
                  <td>
                    <a href={teamReviewPath(projectId, s.taskId)} onClick={followLink}>
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
