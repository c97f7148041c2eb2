// Solutions × tests: one row per solution with its overall verdict (data-verdict, the engine's
// value) and a Run button, one cell per test. A cell opens its details: expected vs actual,
// message, stdout, stderr, duration. Hidden tests show their status only. Before a new run, the
// cells are the evaluation's stored results (testResultOfSeen), readable the same way. Reads the
// session's runs itself, so a batch of results re-renders the grid and nothing else; a cell
// renders again only when its own result changes. A performance test's cell also shows the
// solution's time beside the reference's and the ratio (timingText), flagged when over budget.
import { memo, useState, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { testResultOfSeen } from '../../domain/evaluation.js';
import { overBudget, sizeText, TIME_FLOOR_MS } from '../../domain/performance.js';
import type { Locale, Task, TestCase } from '../../domain/task.js';
import type { Message, TestResult, TestTiming } from '../../domain/verdict.js';
import { formatMs, formatRatio } from '../../i18n/format.js';
import { budgetText, timingText } from '../../i18n/timingText.js';
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
  const timing = useStorePart(session, (s) => s.timing);
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
                  {test.performance && (
                    <span className="tag-mini perf" title={t('timing.tagTitle')}>
                      {t('timing.tag')}
                      <span className="visually-hidden">, </span>
                      <span className="tag-mini">{budgetText(t, locale, test.performance)}</span>
                    </span>
                  )}
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
              const over = overBudget(tests.map((_, i) => resultAt(s.id, i) ?? {}));
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
                        {over > 0 && <span className="over-note">{t('timing.rowOver', { count: over })}</span>}
                      </span>
                      <button type="button" className="small" onClick={() => onRun(s.id)} disabled={running} aria-label={t('results.runOne', { label: s.label })}>
                        {t('results.run')}
                      </button>
                    </div>
                  </th>
                  {tests.map((test, i) => {
                    const r = resultAt(s.id, i);
                    const selected = open?.solutionId === s.id && open.index === i;
                    const pending = timing && !!test.performance && r?.status === 'passed' && !r.timing;
                    return <Cell key={`${i}-${test.name}`} result={r} solutionId={s.id} label={s.label} index={i} test={test.name} selected={selected} setOpen={setOpen} pending={pending} locale={locale} />;
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
const Cell = memo(function Cell({ result: r, solutionId, label, index, test, selected, setOpen, pending, locale }: {
  result: Pick<TestResult, 'status' | 'timing'> | undefined;
  solutionId: string;
  label: string;
  index: number;
  test: string;
  selected: boolean;
  setOpen: Dispatch<SetStateAction<Open>>;
  /** A performance test passed, its time still being measured. */
  pending: boolean;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const status = r ? t(`verdict.${r.status}`) : '';
  const timing = r?.timing;
  const timed = timing ? timingText(t, locale, timing) : undefined;
  const name = timing
    ? t(timing.over ? 'timing.overCellLabel' : 'timing.cellLabel', { label, test, status, timing: timed, budget: budgetText(t, locale, timing) })
    : t('results.cellLabel', { label, test, status });
  return (
    <td className={r ? `cell ${r.status}${timing ? ' timed' : ''}${timing?.over ? ' over-budget' : ''}` : 'cell not-run'}>
      {r ? (
        <button
          type="button"
          className="cell-button"
          aria-pressed={selected}
          aria-label={name}
          title={timed ?? status}
          onClick={() => setOpen(selected ? undefined : { solutionId, index })}
        >
          {SYMBOL[r.status]}
          {timing && (
            <span className="timing" data-timing={timing.over ? 'over' : 'within'}>
              {timed}
              {timing.over && <span className="over">{t('timing.over')}</span>}
            </span>
          )}
          {pending && <span className="timing pending">{t('timing.pending')}</span>}
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
        {test.performance && <TimingDetail timing={result.timing} size={sizeText(test.performance, locale)} budget={test.performance.budget} locale={locale} />}
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

/** A performance test's figures: the input's size, the solution's time, the reference's, the ratio against the budget. */
function TimingDetail({ timing, size, budget, locale }: { timing: TestTiming | undefined; size: string | undefined; budget: number; locale: Locale }) {
  const { t } = useTranslation();
  const floored = timing && (timing.ms < TIME_FLOOR_MS || (timing.referenceMs ?? TIME_FLOOR_MS) < TIME_FLOOR_MS);
  return (
    <>
      <dt className="timing-heading">{t('timing.heading')}</dt>
      <dd>{budgetText(t, locale, { budget })}</dd>
      {size !== undefined && (
        <>
          <dt>{t('timing.size')}</dt>
          <dd>{size}</dd>
        </>
      )}
      {timing && (
        <>
          <dt>{t('timing.time')}</dt>
          <dd>{t('timing.runs', { count: timing.runs, ms: formatMs(locale, timing.ms) })}</dd>
          <dt>{t('timing.reference')}</dt>
          <dd>{timing.referenceMs !== undefined ? formatMs(locale, timing.referenceMs) : t('timing.noReference')}</dd>
          {timing.ratio !== undefined && (
            <>
              <dt>{t('timing.ratio')}</dt>
              <dd className={timing.over ? 'over-budget' : undefined}>
                {t('timing.ratioValue', { ratio: formatRatio(locale, timing.ratio), budget: budgetText(t, locale, timing) })}
                {timing.over && <strong className="over"> {t('timing.over')}</strong>}
                {floored && <span className="hint"> {t('timing.floor', { floor: formatMs(locale, TIME_FLOOR_MS) })}</span>}
              </dd>
            </>
          )}
        </>
      )}
    </>
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
