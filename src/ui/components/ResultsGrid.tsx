// Solutions × tests: one row per solution with its overall verdict (data-verdict, the engine's
// value) and a Run button, one cell per test. A cell opens its details: expected vs actual,
// message, stdout, stderr, duration. Hidden tests show their status only. Before a new run, the
// cells are the evaluation's stored results (testResultOfSeen), readable the same way. Reads the
// session's runs itself, so a batch of results re-renders the grid and nothing else; a cell
// renders again only when its own result changes.
import { memo, useState, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { testResultOfSeen } from '../../domain/evaluation.js';
import type { Locale, Task, TestCase } from '../../domain/task.js';
import type { Message, TestResult } from '../../domain/verdict.js';
import { formatMs } from '../../i18n/format.js';
import { useStorePart } from '../hooks/useStore.js';
import type { TaskSession } from '../services/taskSession.js';
import { sandboxFailureText } from '../services/failureText.js';
import { messageParts } from '../messageParts.js';
import { withoutHarnessFrames } from '../traceback.js';

type Props = {
  task: Task;
  tests: TestCase[];
  session: TaskSession;
  locale: Locale;
  onRun: (solutionId: string) => void;
};

const SYMBOL: Record<string, string> = { passed: '✓', failed: '✗', error: '!', timeout: '⏱', memory: 'M', 'output-limit': '…', crashed: '☠' };

type Open = { solutionId: string; index: number } | undefined;

export const ResultsGrid = memo(function ResultsGrid({ task, tests, session, locale, onRun }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>();
  const runs = useStorePart(session, (s) => s.runs);
  const running = useStorePart(session, (s) => s.running);
  const ownFrom = useStorePart(session, (s) => s.taskTests);
  const savedResults = useStorePart(session, (s) => s.evaluation.judgement.results);
  // What a cell shows: the live run's result, else the stored one when it is for the same test.
  const resultAt = (solutionId: string, i: number): TestResult | undefined => {
    const run = runs[solutionId];
    if (run) return run.tests[i];
    const saved = Object.hasOwn(savedResults, solutionId) ? savedResults[solutionId] : undefined;
    const test = saved?.tests[i];
    return test && test.name === tests[i]?.name ? testResultOfSeen(test) : undefined;
  };
  const detail = open ? resultAt(open.solutionId, open.index) : undefined;
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
                  <span className="test-name data" translate="no">
                    {test.name}
                  </span>
                  {test.hidden && <span className="tag-mini">{t('tests.hiddenTag')}</span>}
                  {i >= ownFrom && <span className="tag-mini">{t('tests.ownTag')}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {task.solutions.map((s) => {
              const run = runs[s.id];
              const saved = savedResults[s.id];
              const verdict = run?.state === 'done' ? run.verdict : run ? undefined : saved?.verdict;
              const progress = run && (run.state === 'running' || run.state === 'queued') ? `${run.tests.length}/${run.total}` : undefined;
              return (
                <tr key={s.id}>
                  <th scope="row">
                    <div className="row-head">
                      <span className="row-name">
                        <span className="solution-label" title={s.label}>
                          {s.label}
                        </span>
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
                      </span>
                      <button type="button" className="small" onClick={() => onRun(s.id)} disabled={running} aria-label={t('results.runOne', { label: s.label })}>
                        {t('results.run')}
                      </button>
                    </div>
                  </th>
                  {tests.map((test, i) => {
                    const r = resultAt(s.id, i);
                    const selected = open?.solutionId === s.id && open.index === i;
                    return <Cell key={`${i}-${test.name}`} result={r} solutionId={s.id} label={s.label} index={i} test={test.name} selected={selected} setOpen={setOpen} />;
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
});

/** One test's cell: renders again only when its result, or whether it is the open one, changes. */
const Cell = memo(function Cell({ result: r, solutionId, label, index, test, selected, setOpen }: {
  result: Pick<TestResult, 'status'> | undefined;
  solutionId: string;
  label: string;
  index: number;
  test: string;
  selected: boolean;
  setOpen: Dispatch<SetStateAction<Open>>;
}) {
  const { t } = useTranslation();
  return (
    <td className={r ? `cell ${r.status}` : 'cell not-run'}>
      {r ? (
        <button
          type="button"
          className="cell-button"
          aria-pressed={selected}
          aria-label={t('results.cellLabel', { label, test, status: t(`verdict.${r.status}`) })}
          title={t(`verdict.${r.status}`)}
          onClick={() => setOpen(selected ? undefined : { solutionId, index })}
        >
          {SYMBOL[r.status]}
        </button>
      ) : (
        // Not run is not failed: a neutral cell that says so.
        <span className="pending" title={t('results.notRun')}>
          <span aria-hidden="true">–</span>
          <span className="visually-hidden">{t('results.notRun')}</span>
        </span>
      )}
    </td>
  );
});

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
              <p className="result-message" data-message={result.message.key}>
                <MessageText message={result.message} />
              </p>
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
              <pre>{withoutHarnessFrames(result.stderr)}</pre>
            </dd>
          </>
        )}
        {result.truncated && <dd>{t('results.truncated')}</dd>}
      </dl>
    </div>
  );
}

/** A result's message, its values from the data (messageParts) shown as data. */
function MessageText({ message }: { message: Message }) {
  const { t } = useTranslation();
  return (
    <>
      {messageParts(t, message).map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : (
          <code key={i} className="data value" translate="no">
            {part.data}
          </code>
        ),
      )}
    </>
  );
}
