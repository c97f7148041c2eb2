// Which locale the page shows: the one the user chose (kept in localStorage), else the browser's.
// Also keeps <html lang> in step, so screen readers and hyphenation follow the language.
import { localeFrom } from '../../i18n/i18n.js';
import { LOCALES, type Locale } from '../../domain/task.js';

export const LOCALE_STORAGE_KEY = 'veredicto.locale';

export function initialLocale(): Locale {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    /* storage blocked: fall back to the browser's language */
  }
  return (LOCALES as readonly string[]).includes(stored ?? '') ? (stored as Locale) : localeFrom(navigator.language);
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    /* not persisted; the choice still applies to this page */
  }
}

export function applyLocale(locale: Locale): void {
  document.documentElement.lang = locale;
}
