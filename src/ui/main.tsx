// Browser entry: renders the app in the chosen language once that language's texts and the bundled
// tasks are in, then starts the runtimes in the background (unless `?preload=0`, kept for measuring
// what preloading buys) after the first screen is painted, so their megabytes never delay it.
// Nothing here is fetched from outside the app's origin.
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n/i18n.js';
import { App } from './App.js';
import { applyLocale, initialLocale } from './services/locale.js';
import { loadResources } from './resources.js';
import { createServices, ServicesContext } from './services/services.js';
import './app.css';
import './serviceWorker.js';

const services = createServices();
const preload = new URLSearchParams(location.search).get('preload') !== '0';
import.meta.hot?.dispose(() => services.runtimes.close()); // dev: a reloaded module must not leave workers behind
const locale = initialLocale();
applyLocale(locale);

/** Runs once, after the first commit has been painted (passive effects of a first render run after paint). */
function AfterFirstPaint({ run }: { run: () => void }) {
  useEffect(() => {
    const timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }, [run]);
  return null;
}
const warmUp = () => services.runtimes.warmUp();

void Promise.all([loadResources(locale).then((resources) => createI18n(resources, locale)), services.bundled]).then(([i18n]) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ServicesContext.Provider value={services}>
          <App />
          {preload && <AfterFirstPaint run={warmUp} />}
        </ServicesContext.Provider>
      </I18nextProvider>
    </StrictMode>,
  );
});
