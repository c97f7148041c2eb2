// Practice progress, stored in this browser: tasks done, agreement with the gold rankings over time
// (a chart), the weakest topics, and the tasks to try again.
import { useTranslation } from 'react-i18next';
import { useStore } from '../hooks/useStore.js';
import { summarize } from '../../domain/progress.js';
import { pickLocale, type Locale } from '../../domain/task.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { followLink, practicePath } from '../router.js';
import { useServices } from '../services/services.js';
import { useAttempts } from './PracticeScreen.js';

const W = 640;
const H = 220;
const PAD = 36;

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
  const n = s.series.length;
  const x = (i: number) => PAD + (n <= 1 ? (W - 2 * PAD) / 2 : (i * (W - 2 * PAD)) / (n - 1));
  const y = (tau: number) => PAD + ((1 - tau) / 2) * (H - 2 * PAD);
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
            <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('progress.chartLabel', { count: n })}>
              {[1, 0.5, 0, -0.5, -1].map((v) => (
                <g key={v}>
                  <line x1={PAD} x2={W - PAD} y1={y(v)} y2={y(v)} className={v === 0 ? 'axis' : 'gridline'} />
                  <text x={PAD - 6} y={y(v) + 4} textAnchor="end">
                    {formatNumber(locale, v, 1)}
                  </text>
                </g>
              ))}
              {n > 1 && <polyline points={s.series.map((p, i) => `${x(i)},${y(p.tau)}`).join(' ')} className="series" />}
              {s.series.map((p, i) => (
                <circle key={i} cx={x(i)} cy={y(p.tau)} r={4} className="point">
                  <title>{`${formatDate(locale, new Date(p.at))}: ${formatNumber(locale, p.tau, 2)}`}</title>
                </circle>
              ))}
            </svg>
            <p className="hint">{t('progress.chartHelp')}</p>
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
