// A chart as a figure a screen reader can read: the caption names the chart (its SVG is labelled by
// it) and the same figures sit in a table under "Show the figures as a table". Part of the lazily
// loaded chart chunk with visx, as are its styles (charts.css): nothing here reaches the first load.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './charts.css';

export function ChartFigure({ captionId, caption, table, children }: { captionId: string; caption: string; table: ReactNode; children: ReactNode }) {
  const { t } = useTranslation('common');
  return (
    <figure className="chart-figure">
      {children}
      <figcaption id={captionId} className="hint">
        {caption}
      </figcaption>
      <details className="chart-table">
        <summary>{t('chart.table')}</summary>
        {table}
      </details>
    </figure>
  );
}

