// The language select: switches the page at once, remembers the choice, updates <html lang>.
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../domain/task.js';
import { applyLocale, rememberLocale } from '../locale.js';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const choose = (e: ChangeEvent<HTMLSelectElement>) => {
    const locale = e.target.value as Locale;
    rememberLocale(locale);
    applyLocale(locale);
    void i18n.changeLanguage(locale);
  };
  return (
    <div className="language-switcher">
      <label htmlFor="locale-select">{t('locale.label')}</label>
      <select id="locale-select" value={i18n.language} onChange={choose}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`locale.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
