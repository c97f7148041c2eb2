// Draws values in the order they came as an SVG figure of points joined by a line, with visx
// (scales, axes, grid, line): practice progress, one tau-b per attempt. It only draws: the series
// comes from domain/progress.ts, the words translated, and numbers are written as the page's locale
// writes them. Load it with React.lazy, so visx stays out of the first load; ChartFigure gives it its
// caption and table.
import { AxisBottom, AxisLeft } from '@visx/axis';
import { GridRows } from '@visx/grid';
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/task.js';
import { formatNumber } from '../../i18n/format.js';
import { ChartFigure } from './ChartFigure.js';

/** The drawing's own units, as HistogramChart's: the SVG scales to its box (charts.css). */
const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 14, right: 16, bottom: 36, left: 44 };
const INSET = 12;

export type TrendPoint = { value: number; title: string };

export type TrendChartProps = {
  points: readonly TrendPoint[];
  /** Names the chart: the figure's caption and the SVG's accessible name. */
  caption: string;
  /** The same values for reading rather than seeing. */
  table: ReactNode;
  /** The values' range, drawn whole whatever the data (tau-b: −1 to 1). */
  domain: readonly [number, number];
  valueTicks: readonly number[];
  /** Decimals of a value on the axis (es-CL writes 0,5). */
  valueDigits: number;
  /** The horizontal axis's name ("Attempt"); its ticks are the points' numbers from 1. */
  orderLabel: string;
};

export function TrendChart({ points, caption, table, domain, valueTicks, valueDigits, orderLabel }: TrendChartProps) {
  const { i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const captionId = useId();
  const innerW = WIDTH - MARGIN.left - MARGIN.right;
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const n = points.length;
  // One point sits in the middle; more spread across, clear of the axis at both ends.
  const x = scaleLinear({ domain: n <= 1 ? [0, 2] : [1, n], range: [INSET, innerW - INSET] });
  const y = scaleLinear({ domain: [...domain], range: [innerH, 0] });
  const orderTicks = x.ticks(Math.min(Math.max(n, 1), 10)).filter((v) => Number.isInteger(v) && v >= 1 && v <= n);
  const at = (i: number) => x(i + 1);
  return (
    <ChartFigure captionId={captionId} caption={caption} table={table}>
      <svg className="chart trend-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={captionId}>
        <Group left={MARGIN.left} top={MARGIN.top}>
          <GridRows scale={y} width={innerW} tickValues={[...valueTicks]} className="gridline" />
          {n > 1 && <LinePath className="series" data={[...points]} x={(_, i) => at(i)} y={(p) => y(p.value)} />}
          {points.map((p, i) => (
            <circle key={i} className="point" cx={at(i)} cy={y(p.value)} r={4} data-value={p.value}>
              <title>{p.title}</title>
            </circle>
          ))}
          <AxisLeft scale={y} tickValues={[...valueTicks]} tickFormat={(v) => formatNumber(locale, Number(v), valueDigits)} axisLineClassName="axis" tickClassName="tick" />
          <AxisBottom
            top={innerH}
            scale={x}
            tickValues={orderTicks}
            tickFormat={(v) => formatNumber(locale, Number(v))}
            label={orderLabel}
            labelOffset={6}
            axisLineClassName="axis"
            tickClassName="tick"
            labelClassName="axis-label"
          />
        </Group>
      </svg>
    </ChartFigure>
  );
}
