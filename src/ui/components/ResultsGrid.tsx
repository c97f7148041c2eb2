// Solutions × tests: one row per solution with its overall verdict (data-verdict, the engine's
// value) and a Run button, one cell per test. A cell opens its details: expected vs actual,
// message, stdout, stderr, duration. Hidden tests show their status only.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, Task, TestCase } from '../../domain/task.js';
import type { TestResult } from '../../domain/verdict.js';
import { formatMs } from '../../i18n/format.js';
import { render } from '../../i18n/i18n.js';
import type { SessionState } from '../services/taskSession.js';
import { sandboxFailureText } from '../services/failureText.js';

type Props = {
  task: Task;
  tests: TestCase[];
  state: SessionState;
  locale: Locale;
  onRun: (solutionId: string) => void;
};

const SYMBOL: Record<string, string> = { passed: '✓', failed: '✗', error: '!', timeout: '⏱', memory: 'M', 'output-limit': '…', crashed: '☠' };

export function ResultsGrid({ task, tests, state, locale, onRun }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ solutionId: string; index: number } | undefined>();
  const ownFrom = state.taskTests;
  const detail = open ? state.runs[open.solutionId]?.tests[open.index] : undefined;
  const detailTest = open ? tests[open.index] : undefined;
  return (
    <section className="results" aria-labelledby="results-heading">
      <h2 id="results-heading">{t('results.heading')}</h2>
      <div className="grid-scroll">
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">{t('results.solution')}</th>
              {tests.map((test, i) => (
                <th key={`${i}-${test.name}`} scope="col" title={test.name} className={i >= ownFrom ? 'own' : undefined}>
                  <span className="test-name">{test.name}</span>
                  {test.hidden && <span className="tag-mini">{t('tests.hiddenTag')}</span>}
                  {i >= ownFrom && <span className="tag-mini">{t('tests.ownTag')}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {task.solutions.map((s) => {
              const run = state.runs[s.id];
              const saved = state.evaluation.judgement.results[s.id];
              const verdict = run?.state === 'done' ? run.verdict : run ? undefined : saved?.verdict;
              const progress = run && (run.state === 'running' || run.state === 'queued') ? `${run.tests.length}/${run.total}` : undefined;
              return (
                <tr key={s.id}>
                  <th scope="row">
                    <div className="row-head">
                      <span className="solution-label">{s.label}</span>
                      <span
                        className={`verdict ${verdict ?? run?.state ?? 'none'}`}
                        data-solution-result={s.id}
                        {...(verdict ? { 'data-verdict': verdict } : {})}
                        aria-live="polite"
                      >
                        {verdict
                          ? t(`verdict.${verdict}`)
                          : progress
                            ? t('results.progress', { done: progress })
                            : run?.state === 'cancelled'
                              ? t('results.cancelled')
                              : run?.state === 'failed'
                                ? t('results.runFailed', { detail: run.failure ? sandboxFailureText(t, run.failure) : '' })
                                : t('results.notRun')}
                      </span>
                      <button type="button" className="small" onClick={() => onRun(s.id)} disabled={state.running} aria-label={t('results.runOne', { label: s.label })}>
                        {t('results.run')}
                      </button>
                    </div>
                  </th>
                  {tests.map((test, i) => {
                    const r = run ? run.tests[i] : saved?.tests[i]?.name === test.name ? saved.tests[i] : undefined;
                    const selected = open?.solutionId === s.id && open.index === i;
                    return (
                      <td key={`${i}-${test.name}`} className={r ? `cell ${r.status}` : 'cell'}>
                        {r ? (
                          <button
                            type="button"
                            className="cell-button"
                            aria-pressed={selected}
                            disabled={!run}
                            aria-label={t('results.cellLabel', { label: s.label, test: test.name, status: t(`verdict.${r.status}`) })}
                            title={t(`verdict.${r.status}`)}
                            onClick={() => setOpen(selected ? undefined : { solutionId: s.id, index: i })}
                          >
                            {SYMBOL[r.status]}
                          </button>
                        ) : (
                          <span className="pending" aria-hidden="true">·</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {detail && detailTest && open && (
        <TestDetail
          result={detail}
          test={detailTest}
          solutionLabel={task.solutions.find((s) => s.id === open.solutionId)?.label ?? ''}
          locale={locale}
          onClose={() => setOpen(undefined)}
        />
      )}
    </section>
  );
}

function TestDetail({ result, test, solutionLabel, locale, onClose }: { result: TestResult; test: TestCase; solutionLabel: string; locale: Locale; onClose: () => void }) {
  const { t } = useTranslation();
  const hidden = test.hidden;
  return (
    <div className="test-detail" role="region" aria-label={t('results.detailHeading', { label: solutionLabel, test: test.name })}>
      <div className="detail-head">
        <h3>{t('results.detailHeading', { label: solutionLabel, test: test.name })}</h3>
        <button type="button" className="small" onClick={onClose}>
          {t('actions.close')}
        </button>
      </div>
      <dl>
        <dt>{t('results.status')}</dt>
        <dd className={`verdict ${result.status}`}>{t(`verdict.${result.status}`)}</dd>
        <dt>{t('results.duration')}</dt>
        <dd>{formatMs(locale, result.durationMs)}</dd>
        {result.message && !hidden && (
          <>
            <dt>{t('results.message')}</dt>
            <dd>
              <pre>{render(t, result.message)}</pre>
            </dd>
          </>
        )}
        {hidden ? (
          <>
            <dt>{t('results.input')}</dt>
            <dd>{t('results.hiddenDetail')}</dd>
          </>
        ) : (
          <>
            <dt>{t('results.input')}</dt>
            <dd>
              <pre>{test.kind === 'call' ? JSON.stringify(test.args) : test.kind === 'stdio' ? test.stdin : test.code.python ?? test.code.javascript}</pre>
            </dd>
            {test.kind !== 'code' && (
              <>
                <dt>{t('results.expected')}</dt>
                <dd>
                  <pre>{test.kind === 'call' ? JSON.stringify(test.expected) : test.expectedStdout}</pre>
                </dd>
              </>
            )}
            {test.kind === 'stdio' && (
              <>
                <dt>{t('results.actual')}</dt>
                <dd>
                  <pre>{result.stdout}</pre>
                </dd>
              </>
            )}
          </>
        )}
        {!hidden && test.kind !== 'stdio' && result.stdout && (
          <>
            <dt>{t('results.stdout')}</dt>
            <dd>
              <pre>{result.stdout}</pre>
            </dd>
          </>
        )}
        {!hidden && result.stderr && (
          <>
            <dt>{t('results.stderr')}</dt>
            <dd>
              <pre>{result.stderr}</pre>
            </dd>
          </>
        )}
        {result.truncated && <dd>{t('results.truncated')}</dd>}
      </dl>
    </div>
  );
}
