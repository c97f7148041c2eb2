// Practice progress, stored in this browser: tasks done, agreement with the gold rankings over time
// (a chart, drawn by visx in the lazily loaded TrendChart, and the same figures as a table), the
// weakest topics, and the tasks to try again.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../hooks/useStore.js';
import { summarize } from '../../domain/progress.js';
import { pickLocale, type Locale } from '../../domain/task.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { followLink, practicePath } from '../router.js';
import { useServices } from '../services/services.js';
import { useAttempts } from './PracticeScreen.js';

const TrendChart = lazy(() => import('../charts/TrendChart.js').then((m) => ({ default: m.TrendChart })));

/** tau-b's whole range, so a run of good attempts never looks like a climb from nothing. */
const TAU_RANGE = [-1, 1] as const;
const TAU_TICKS = [-1, -0.5, 0, 0.5, 1];

export function ProgressScreen() {
  const { t, i18n } = useTranslation('practice');
  const locale = i18n.language as Locale;
  const services = useServices();
  const catalog = useStore(services.catalog);
  const attempts = useAttempts();
  if (!attempts) return <main className="page wide" aria-busy="true" />;
  const s = summarize(attempts);
  const title = (id: string) => {
    const e = catalog.entries.find((x) => x.task.id === id);
    return e ? pickLocale(e.task.title, locale).text : id;
  };
  const tau = (v: number) => formatNumber(locale, v, 2);
  const when = (at: string) => formatDate(locale, new Date(at));
  return (
    <main className="page wide">
      <div className="list-head">
        <h1>{t('progress.heading')}</h1>
        <a href="/practice" onClick={followLink}>
          {t('practice.home')}
        </a>
      </div>
      {attempts.length === 0 ? (
        <p className="muted">{t('progress.empty')}</p>
      ) : (
        <>
          <dl className="stats">
            <div>
              <dt>{t('progress.tasksDone')}</dt>
              <dd>{formatNumber(locale, s.tasksDone)}</dd>
            </div>
            <div>
              <dt>{t('progress.attempts')}</dt>
              <dd>{formatNumber(locale, attempts.length)}</dd>
            </div>
            <div>
              <dt>{t('progress.meanTau')}</dt>
              <dd>{s.meanTau === undefined ? '—' : formatNumber(locale, s.meanTau, 2)}</dd>
            </div>
          </dl>
          <section className="card" aria-labelledby="chart-heading">
            <h2 id="chart-heading">{t('progress.chart')}</h2>
            <Suspense fallback={<div className="chart-loading" aria-hidden="true" />}>
              <TrendChart
                points={s.series.map((p) => ({ value: p.tau, title: `${when(p.at)}: ${tau(p.tau)}` }))}
                caption={t('progress.chartCaption')}
                domain={TAU_RANGE}
                valueTicks={TAU_TICKS}
                valueDigits={1}
                orderLabel={t('progress.attempt')}
                table={
                  <table className="compact progress-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('progress.attempt')}</th>
                        <th scope="col">{t('progress.date')}</th>
                        <th scope="col">{t('progress.tau')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {s.series.map((p, i) => (
                        <tr key={i}>
                          <th scope="row">{formatNumber(locale, i + 1)}</th>
                          <td>{when(p.at)}</td>
                          <td>{tau(p.tau)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                }
              />
            </Suspense>
          </section>
          <section className="card" aria-labelledby="topics-heading">
            <h2 id="topics-heading">{t('progress.topics')}</h2>
            <table className="compact">
              <thead>
                <tr>
                  <th scope="col">{t('progress.topic')}</th>
                  <th scope="col">{t('progress.bugRecall')}</th>
                  <th scope="col">{t('progress.meanTau')}</th>
                  <th scope="col">{t('progress.attempts')}</th>
                </tr>
              </thead>
              <tbody>
                {s.weakestTopics.map((topic) => (
                  <tr key={topic.tag}>
                    <th scope="row">{topic.tag}</th>
                    <td>{topic.bugRecall === undefined ? '—' : `${formatNumber(locale, topic.bugRecall * 100)} %`}</td>
                    <td>{topic.meanTau === undefined ? '—' : formatNumber(locale, topic.meanTau, 2)}</td>
                    <td>{formatNumber(locale, topic.attempts)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {s.wrongTaskIds.length > 0 && (
            <section className="card" aria-labelledby="again-heading">
              <h2 id="again-heading">{t('progress.again')}</h2>
              <ul>
                {s.wrongTaskIds.map((id) => (
                  <li key={id}>
                    <a href={practicePath(id)} onClick={followLink}>
                      {title(id)}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </main>
  );
}
