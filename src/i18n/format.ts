// Numbers, durations and dates the way each locale writes them (es-CL: 1.234,5 and dd-mm-aaaa).
import type { Locale } from '../domain/task.js';

export function formatNumber(locale: Locale, n: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(n);
}

export function formatMs(locale: Locale, ms: number): string {
  if (ms >= 999.5) return `${formatNumber(locale, ms / 1000, 2)} s`;
  return `${formatNumber(locale, ms, ms < 9.995 ? 2 : 0)} ms`;
}

export function formatDate(locale: Locale, d: Date): string {
  if (locale === 'es-CL') {
    const p = (x: number) => String(x).padStart(2, '0');
    return `${p(d.getDate())}-${p(d.getMonth() + 1)}-${d.getFullYear()}`;
  }
  return new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric' }).format(d);
}
