// A performance test's timing as a trainer reads it, the same in the results grid and in
// `veredicto run`: "12 ms · ref 4 ms · 3,0×" and "budget 3×", numbers as the locale writes them.
import type { Locale } from '../domain/task.js';
import type { TestTiming } from '../domain/verdict.js';
import { formatBudget, formatMs, formatRatio } from './format.js';
import type { AnyT } from './i18n.js';

/** The solution's time, the reference's and the ratio; or the time alone when there is no reference time. */
export function timingText(t: AnyT, locale: Locale, timing: TestTiming): string {
  const ms = formatMs(locale, timing.ms);
  if (timing.referenceMs === undefined || timing.ratio === undefined) return t('timing.alone', { ns: 'common', ms });
  return t('timing.line', { ns: 'common', ms, reference: formatMs(locale, timing.referenceMs), ratio: formatRatio(locale, timing.ratio) });
}

/** "budget 3×" (es-CL "tope 3×"). */
export function budgetText(t: AnyT, locale: Locale, timing: Pick<TestTiming, 'budget'>): string {
  return t('timing.budget', { ns: 'common', budget: formatBudget(locale, timing.budget) });
}
