// The "Sandboxes" section: each runtime's start-up, then the sample task's verdicts.
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Locale } from '../../domain/task.js';
import { formatMs } from '../../i18n/format.js';
import { render } from '../../i18n/i18n.js';
import { useSelfTest } from '../hooks/useSelfTest.js';
import { SAMPLE_TASK } from '../sampleTask.js';
import type { RuntimeState, SelfTest, SolutionState } from '../selfTest.js';

export function SandboxPanel({ selfTest }: { selfTest: SelfTest }) {
  const { t } = useTranslation();
  const state = useSelfTest(selfTest);
  return (
    <section className="panel" aria-labelledby="sandboxes-heading">
      <h2 id="sandboxes-heading">{t('runtime.heading')}</h2>
      <ul className="runtimes" aria-live="polite">
        {LANGUAGES.map((language) => (
          <RuntimeRow key={language} language={t(`language.${language}`)} state={state.runtimes[language]} />
        ))}
      </ul>
      <p className="note">{t('runtime.offlineNote')}</p>
      <h3 id="self-test-heading">{t('runtime.selfTest')}</h3>
      <ul className="solutions" aria-labelledby="self-test-heading" aria-live="polite">
        {SAMPLE_TASK.solutions.map((s) => (
          <SolutionRow key={s.id} label={t(`runtime.sample.${s.id}`)} state={state.solutions[s.id] ?? { phase: 'pending' }} />
        ))}
      </ul>
    </section>
  );
}

function RuntimeRow({ language, state }: { language: string; state: RuntimeState }) {
  const { t, i18n } = useTranslation();
  const text =
    state.phase === 'ready'
      ? t('runtime.ready', { language, time: formatMs(i18n.language as Locale, state.loadMs) })
      : state.phase === 'failed'
        ? t('runtime.failed', { language, detail: state.detail })
        : t('runtime.starting', { language });
  return (
    <li className="runtime" data-state={state.phase}>
      <span className="dot" aria-hidden="true" />
      <span>{text}</span>
    </li>
  );
}

function SolutionRow({ label, state }: { label: string; state: SolutionState }) {
  const { t } = useTranslation();
  return (
    <li className="solution">
      <span className="solution-label">{label}</span>
      {state.phase === 'done' ? (
        <span className="verdict" data-verdict={state.verdict}>
          {t(`status.${state.verdict}`)}
        </span>
      ) : state.phase === 'failed' ? (
        <span className="verdict" data-verdict="not-run">
          {t('runtime.notRun')}
        </span>
      ) : (
        <span className="verdict" data-verdict="pending">
          {t('runtime.pending')}
        </span>
      )}
      {state.phase === 'done' && state.message && <span className="detail">{render(t, state.message)}</span>}
      {state.phase === 'failed' && <span className="detail">{state.detail}</span>}
    </li>
  );
}
