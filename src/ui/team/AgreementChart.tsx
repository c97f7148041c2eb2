// The lead dashboard's distribution of agreement: how many tasks fall in each range of Kendall's W,
// or of one criterion's Krippendorff's alpha, as bars (counts from domain/histogram.ts), with the
// tasks that have no figure yet said in words. Drawn as SVG like the practice chart: a bar chart
// of ten bins needs no chart library (see docs/ARCHITECTURE.md, "Charts").
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { histogram } from '../../domain/histogram.js';
import type { Locale } from '../../domain/task.js';
import { formatNumber } from '../../i18n/format.js';

export type TaskFigures = { kendallW: number | null; alphaRubric: Record<string, number | null> };

const W = 480;
const H = 200;
const PAD = { left: 36, right: 8, top: 16, bottom: 28 };

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
  const top = Math.max(1, ...h.bins.map((b) => b.count));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const barW = plotW / h.bins.length;
  const y = (count: number) => PAD.top + plotH - (count / top) * plotH;
  const n = (v: number) => formatNumber(locale, v, 1);
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
        <svg className="chart agreement-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('ui.chart.label', { figure: name })}>
          <text x={PAD.left} y={10} textAnchor="start">
            {t('ui.chart.tasks')}
          </text>
          {[0, top].map((v) => (
            <g key={v}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className={v === 0 ? 'axis' : 'gridline'} />
              <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
                {formatNumber(locale, v)}
              </text>
            </g>
          ))}
          {h.bins.map((b, i) => (
            <g key={i} data-bin={`${b.from}`} data-count={b.count}>
              <rect x={PAD.left + i * barW + 2} width={barW - 4} y={y(b.count)} height={y(0) - y(b.count)} className="bar">
                <title>{t('ui.chart.bin', { from: n(b.from), to: n(b.to), count: b.count })}</title>
              </rect>
              {b.count > 0 && (
                <text x={PAD.left + (i + 0.5) * barW} y={y(b.count) - 3} textAnchor="middle">
                  {formatNumber(locale, b.count)}
                </text>
              )}
              {i % 2 === 0 && (
                <text x={PAD.left + i * barW} y={H - PAD.bottom + 14} textAnchor="middle">
                  {n(b.from)}
                </text>
              )}
            </g>
          ))}
          <text x={W - PAD.right} y={H - PAD.bottom + 14} textAnchor="end">
            {n(h.bins.at(-1)!.to)}
          </text>
        </svg>
      )}
      {h.missing > 0 && <p className="hint">{t('ui.chart.undefined', { count: h.missing })}</p>}
    </section>
  );
}
