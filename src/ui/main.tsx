// Browser entry: starts the runtimes in the background (unless `?preload=0`), then renders the
// app in the chosen language. Nothing here is fetched from outside the app's origin.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n/i18n.js';
import { App } from './App.js';
import { applyLocale, initialLocale } from './services/locale.js';
import { RESOURCES } from './resources.js';
import { createServices, ServicesContext } from './services/services.js';
import './app.css';
import './serviceWorker.js';

const services = createServices();
if (new URLSearchParams(location.search).get('preload') !== '0') services.runtimes.warmUp();
import.meta.hot?.dispose(() => services.runtimes.close()); // dev: a reloaded module must not leave workers behind
const locale = initialLocale();
applyLocale(locale);

void createI18n(RESOURCES, locale).then((i18n) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ServicesContext.Provider value={services}>
          <App />
        </ServicesContext.Provider>
      </I18nextProvider>
    </StrictMode>,
  );
});
