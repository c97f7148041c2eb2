// The placeholder page: name, tagline, language, and proof that both sandboxes run here offline.
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './components/LanguageSwitcher.js';
import { SandboxPanel } from './components/SandboxPanel.js';
import type { SelfTest } from './selfTest.js';

export function App({ selfTest }: { selfTest: SelfTest }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <header className="masthead">
        <div>
          <h1>{t('appName')}</h1>
          <p className="tagline">{t('tagline')}</p>
        </div>
        <LanguageSwitcher />
      </header>
      <main>
        <p className="placeholder">{t('runtime.placeholder')}</p>
        <SandboxPanel selfTest={selfTest} />
      </main>
    </div>
  );
}
