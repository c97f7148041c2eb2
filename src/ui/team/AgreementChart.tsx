// The lead dashboard's distribution of agreement: how many tasks fall in each range of Kendall's W,
// or of one criterion's Krippendorff's alpha (counts from domain/histogram.ts), drawn by visx in the
// lazily loaded HistogramChart with the same counts as a table, and the tasks that have no figure yet
// said in words (see docs/ARCHITECTURE.md, "Charts").
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { histogram } from '../../domain/histogram.js';
import type { Locale } from '../../domain/task.js';
import { formatNumber } from '../../i18n/format.js';

const HistogramChart = lazy(() => import('../charts/HistogramChart.js').then((m) => ({ default: m.HistogramChart })));

export type TaskFigures = { kendallW: number | null; alphaRubric: Record<string, number | null> };

/** W lies in [0, 1]; alpha in (−∞, 1], shown from −1 (lower values count in the first bin). */
const RANGES = { kendallW: { min: 0, max: 1, bins: 10 }, alpha: { min: -1, max: 1, bins: 10 } } as const;

export function AgreementChart({ tasks, criterionName }: { tasks: readonly TaskFigures[]; criterionName: (id: string) => string }) {
  const { t, i18n } = useTranslation('team');
  const locale = i18n.language as Locale;
  const criteria = [...new Set(tasks.flatMap((r) => Object.keys(r.alphaRubric)))];
  const [figure, setFigure] = useState('kendallW');
  const isW = figure === 'kendallW' || !criteria.includes(figure);
  const name = isW ? t('ui.chart.kendallW') : t('ui.chart.alpha', { criterion: criterionName(figure) });
  const h = histogram(
    tasks.map((r) => (isW ? r.kendallW : (r.alphaRubric[figure] ?? null))),
    isW ? RANGES.kendallW : RANGES.alpha,
  );
  const edge = (v: number) => formatNumber(locale, v, 1);
  const count = (v: number) => formatNumber(locale, v);
  return (
    <section className="card" aria-labelledby="agreement-chart">
      <h2 id="agreement-chart">{t('ui.chart.heading')}</h2>
      <p>
        <label>
          {t('ui.chart.figure')}{' '}
          <select value={isW ? 'kendallW' : figure} onChange={(e) => setFigure(e.target.value)}>
            <option value="kendallW">{t('ui.chart.kendallW')}</option>
            {criteria.map((c) => (
              <option key={c} value={c}>
                {t('ui.chart.alpha', { criterion: criterionName(c) })}
              </option>
            ))}
          </select>
        </label>
      </p>
      {h.bins.every((b) => b.count === 0) ? (
        <p className="muted">{t('ui.chart.empty')}</p>
      ) : (
        <Suspense fallback={<div className="chart-loading" aria-hidden="true" />}>
          <HistogramChart
            className="agreement-chart"
            histogram={h}
            caption={t('ui.chart.label', { figure: name })}
            countLabel={t('ui.chart.tasks')}
            edgeDigits={1}
            binTitle={(b) => t('ui.chart.bin', { from: edge(b.from), to: edge(b.to), count: b.count })}
            table={
              <table className="compact agreement-table">
                <thead>
                  <tr>
                    <th scope="col">{name}</th>
                    <th scope="col">{t('ui.chart.tasks')}</th>
                  </tr>
                </thead>
                <tbody>
                  {h.bins.map((b) => (
                    <tr key={b.from} data-bin={`${b.from}`}>
                      <th scope="row">{t('ui.chart.range', { from: edge(b.from), to: edge(b.to) })}</th>
                      <td>{count(b.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
        </Suspense>
      )}
      {h.missing > 0 && <p className="hint">{t('ui.chart.undefined', { count: h.missing })}</p>}
    </section>
  );
}
