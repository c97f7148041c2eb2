// Numbers, durations and dates the way each locale writes them (es-CL: 1.234,5 and dd-mm-aaaa).
// Every number a translated sentence interpolates goes through formatValue (see i18n.ts).
import type { Locale } from '../domain/task.js';

/** Formatters by locale and digits: making one costs far more than using it, and sentences format numbers on every render. */
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, min: number, max: number): Intl.NumberFormat {
  const key = `${locale}|${min}|${max}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max })));
  return f;
}

export function formatNumber(locale: Locale, n: number, fractionDigits = 0): string {
  return numberFormat(locale, fractionDigits, fractionDigits).format(n);
}

/** A count or measure as the locale writes it, with as many decimals as it has, up to 2 (es-CL: 65.536, 19,1). */
export function formatValue(locale: string, n: number): string {
  return numberFormat(locale, 0, 2).format(n);
}

export function formatMs(locale: Locale, ms: number): string {
  if (ms >= 999.5) return `${formatNumber(locale, ms / 1000, 2)} s`;
  return `${formatNumber(locale, ms, ms < 9.995 ? 2 : 0)} ms`;
}

/** A ratio of two times as the locale writes it, one decimal under 100 (es-CL "3,0×", "150×"). */
export function formatRatio(locale: Locale, ratio: number): string {
  return `${formatNumber(locale, ratio, ratio < 99.95 ? 1 : 0)}×`;
}

/** A performance test's budget: as many decimals as it was given, up to 2 (es-CL "3×", "2,5×"). */
export function formatBudget(locale: Locale, budget: number): string {
  return `${formatValue(locale, budget)}×`;
}

export function formatDate(locale: Locale, d: Date): string {
  if (locale === 'es-CL') {
    const p = (x: number) => String(x).padStart(2, '0');
    return `${p(d.getDate())}-${p(d.getMonth() + 1)}-${d.getFullYear()}`;
  }
  return new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric' }).format(d);
}

/** A language's name in a sentence of the UI's language (es-CL: "inglés", en: "Spanish (Chile)"). */
export function languageName(uiLocale: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([uiLocale], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}
