// Draws a histogram from domain/histogram.ts as an SVG figure with visx (scales, axes, grid, bars):
// the lead dashboard's distribution of agreement. It only draws: the bins come counted, the words
// translated, and numbers are written as the page's locale writes them. Load it with React.lazy, so
// visx stays out of the first load; ChartFigure gives it its caption and table.
import { AxisBottom, AxisLeft } from '@visx/axis';
import { GridRows } from '@visx/grid';
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bin, Histogram } from '../../domain/histogram.js';
import type { Locale } from '../../domain/task.js';
import { formatNumber } from '../../i18n/format.js';
import { ChartFigure } from './ChartFigure.js';

/** The drawing's own units; the SVG scales to its box (charts.css; `.chart-loading` keeps 8:3). */
const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 18, right: 12, bottom: 30, left: 52 };

export type HistogramChartProps = {
  histogram: Histogram;
  /** Names the chart: the figure's caption and the SVG's accessible name. */
  caption: string;
  /** The same counts for reading rather than seeing. */
  table: ReactNode;
  /** The vertical axis's name ("Tasks"). */
  countLabel: string;
  /** Decimals of a bin edge on the axis (es-CL writes 0,5). */
  edgeDigits: number;
  /** What a bar says on hover ("0.9 to 1.0: 3"). */
  binTitle: (bin: Bin) => string;
  className?: string;
};

export function HistogramChart({ histogram, caption, table, countLabel, edgeDigits, binTitle, className }: HistogramChartProps) {
  const { i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const captionId = useId();
  const { bins } = histogram;
  const innerW = WIDTH - MARGIN.left - MARGIN.right;
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const top = Math.max(1, ...bins.map((b) => b.count));
  const x = scaleLinear({ domain: [bins[0]!.from, bins.at(-1)!.to], range: [0, innerW] });
  const y = scaleLinear({ domain: [0, top], range: [innerH, 0], nice: true });
  // Counts are whole: no tick at half a task.
  const countTicks = y.ticks(Math.min(top, 5)).filter(Number.isInteger);
  // Every other edge, and the last one, so that the labels never touch at this width.
  const edges = [...bins.map((b) => b.from), bins.at(-1)!.to].filter((_, i, all) => i % 2 === 0 || i === all.length - 1);
  const count = (n: number) => formatNumber(locale, n);
  return (
    <ChartFigure captionId={captionId} caption={caption} table={table}>
      <svg className={className ? `chart ${className}` : 'chart'} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={captionId}>
        <Group left={MARGIN.left} top={MARGIN.top}>
          <GridRows scale={y} width={innerW} tickValues={countTicks} className="gridline" />
          {bins.map((b) => (
            <Group key={b.from} data-bin={`${b.from}`} data-count={b.count}>
              <Bar className="bar" x={x(b.from) + 2} width={Math.max(0, x(b.to) - x(b.from) - 4)} y={y(b.count)} height={innerH - y(b.count)}>
                <title>{binTitle(b)}</title>
              </Bar>
              {b.count > 0 && (
                <text className="value" x={(x(b.from) + x(b.to)) / 2} y={y(b.count) - 4} textAnchor="middle">
                  {count(b.count)}
                </text>
              )}
            </Group>
          ))}
          <AxisLeft
            scale={y}
            tickValues={countTicks}
            tickFormat={(v) => count(Number(v))}
            label={countLabel}
            labelOffset={20}
            axisLineClassName="axis"
            tickClassName="tick"
            labelClassName="axis-label"
          />
          <AxisBottom
            top={innerH}
            scale={x}
            tickValues={edges}
            tickFormat={(v) => formatNumber(locale, Number(v), edgeDigits)}
            axisLineClassName="axis"
            tickClassName="tick"
          />
        </Group>
      </svg>
    </ChartFigure>
  );
}
