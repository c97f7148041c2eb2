// Which locale the page shows: the one the user chose (kept in localStorage), else the browser's.
// Also keeps <html lang> in step, so screen readers and hyphenation follow the language.
import { LOCALES, type Locale } from '../../domain/task.js';
import { localeFrom } from '../../i18n/i18n.js';
import { STORAGE_KEYS } from '../../storage/keys.js';
import { readLocal, writeLocal } from '../../storage/webStorage.js';

export function initialLocale(): Locale {
  const stored = readLocal(STORAGE_KEYS.localStorage.locale);
  return (LOCALES as readonly string[]).includes(stored ?? '') ? (stored as Locale) : localeFrom(navigator.language);
}

export function rememberLocale(locale: Locale): void {
  writeLocal(STORAGE_KEYS.localStorage.locale, locale);
}

export function applyLocale(locale: Locale): void {
  document.documentElement.lang = locale;
}
