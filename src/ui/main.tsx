// Browser entry: starts the sandboxes first (they take seconds), then renders the page in the
// chosen language. Nothing here is fetched from outside the app's origin.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n/i18n.js';
import { browserSandbox } from '../sandbox/browser/factory.js';
import { App } from './App.js';
import { applyLocale, initialLocale } from './locale.js';
import { RESOURCES } from './resources.js';
import { startSelfTest } from './selfTest.js';
import './app.css';

const sandbox = browserSandbox();
const selfTest = startSelfTest(sandbox);
import.meta.hot?.dispose(() => sandbox.close()); // dev: a reloaded module must not leave workers behind
const locale = initialLocale();
applyLocale(locale);

void createI18n(RESOURCES, locale).then((i18n) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App selfTest={selfTest} />
      </I18nextProvider>
    </StrictMode>,
  );
});
