// The solutions' code in read-only Monaco editors: one at a time (tabs), side by side, or a diff
// of any two. Monaco loads lazily, so the task list never pays for it.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, Solution } from '../../domain/task.js';

const CodeView = lazy(() => import('../editor/CodeView.js'));
const DiffView = lazy(() => import('../editor/DiffView.js'));

export type ViewMode = 'one' | 'side' | 'diff';

type Props = {
  solutions: Solution[];
  current: number;
  onCurrent: (i: number) => void;
  mode: ViewMode;
  onMode: (m: ViewMode) => void;
  diff: [string, string];
  onDiff: (d: [string, string]) => void;
  locale: Locale;
};

const Plain = ({ code }: { code: string }) => <pre className="code-fallback">{code}</pre>;

export function SolutionsView({ solutions, current, onCurrent, mode, onMode, diff, onDiff, locale }: Props) {
  const { t } = useTranslation();
  const shown = solutions[current];
  const left = solutions.find((s) => s.id === diff[0]) ?? solutions[0];
  const right = solutions.find((s) => s.id === diff[1]) ?? solutions[1] ?? solutions[0];
  const code = (s: Solution) => (
    <Suspense fallback={<Plain code={s.code} />}>
      <CodeView code={s.code} language={s.language} label={t('solutions.codeOf', { label: s.label })} locale={locale} />
    </Suspense>
  );
  return (
    <section className="solutions" aria-labelledby="solutions-heading">
      <div className="section-head">
        <h2 id="solutions-heading">{t('solutions.heading', { count: solutions.length })}</h2>
        <div className="segmented" role="group" aria-label={t('solutions.layout')}>
          {(['one', 'side', 'diff'] as const).map((m) => (
            <button key={m} type="button" aria-pressed={mode === m} onClick={() => onMode(m)} disabled={m === 'diff' && solutions.length < 2}>
              {t(`solutions.mode.${m}`)}
            </button>
          ))}
        </div>
      </div>
      {mode === 'one' && shown && (
        <>
          <div className="tabs" role="tablist" aria-label={t('solutions.heading', { count: solutions.length })}>
            {solutions.map((s, i) => (
              <button
                key={s.id}
                type="button"
                role="tab"
                id={`tab-${s.id}`}
                aria-selected={i === current}
                aria-controls="solution-panel"
                tabIndex={i === current ? 0 : -1}
                onClick={() => onCurrent(i)}
              >
                {s.label} <span className="muted">{t(`language.${s.language}`)}</span>
              </button>
            ))}
          </div>
          <div role="tabpanel" id="solution-panel" aria-labelledby={`tab-${shown.id}`}>
            {shown.origin && <p className="muted">{t('solutions.origin', { origin: shown.origin })}</p>}
            {code(shown)}
          </div>
        </>
      )}
      {mode === 'side' && (
        <div className="side-by-side">
          {solutions.map((s) => (
            <div key={s.id} className="side">
              <h3>
                {s.label} <span className="muted">{t(`language.${s.language}`)}</span>
              </h3>
              {code(s)}
            </div>
          ))}
        </div>
      )}
      {mode === 'diff' && left && right && (
        <>
          <div className="row">
            {([0, 1] as const).map((k) => (
              <label key={k}>
                {t(k === 0 ? 'solutions.diffLeft' : 'solutions.diffRight')}
                <select
                  value={k === 0 ? left.id : right.id}
                  onChange={(e) => onDiff(k === 0 ? [e.target.value, right.id] : [left.id, e.target.value])}
                >
                  {solutions.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.label}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <Suspense fallback={<Plain code={`${left.code}\n\n${right.code}`} />}>
            <DiffView
              original={{ code: left.code, label: left.label }}
              modified={{ code: right.code, label: right.label }}
              language={left.language === right.language ? left.language : 'javascript'}
              locale={locale}
            />
          </Suspense>
        </>
      )}
    </section>
  );
}
