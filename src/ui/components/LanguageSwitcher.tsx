// The language select: switches the page as soon as that language's texts are loaded, remembers the choice, updates <html lang>.
// Monaco's own menus take their language when Monaco loads, so once it has loaded in the other
// language the page saves everything and reloads (the route and all work come back).
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../domain/task.js';
import { monacoLoadedLocale } from '../editor/monacoLoader.js';
import { ensureLocale } from '../resources.js';
import { applyLocale, rememberLocale } from '../services/locale.js';
import { flushPendingSaves } from '../services/pendingSaves.js';
import { useServices } from '../services/services.js';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { open } = useServices();
  const choose = async (e: ChangeEvent<HTMLSelectElement>) => {
    const locale = e.target.value as Locale;
    rememberLocale(locale);
    applyLocale(locale);
    const monaco = monacoLoadedLocale();
    if (monaco && monaco !== locale) {
      await Promise.all([...open].map((o) => o.saver.flush()));
      await flushPendingSaves();
      location.reload();
      return;
    }
    await ensureLocale(i18n, locale); // the other language's texts are loaded on first use
    void i18n.changeLanguage(locale);
  };
  return (
    <div className="language-switcher">
      <label htmlFor="locale-select">{t('locale.label')}</label>
      <select id="locale-select" value={i18n.language} onChange={(e) => void choose(e)}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`locale.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
