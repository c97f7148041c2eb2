// Validation by execution, live in the sandboxes: the reference solution against every test
// twice; mutants of the reference and the mutation score, surviving mutants shown as diffs; and
// the candidate solutions with the results grid a trainer sees.
import { useTranslation } from 'react-i18next';
import { mutantDiff } from '../../domain/mutants.js';
import { MEASURABLE_REFERENCE_MS } from '../../domain/performance.js';
import type { CheckFinding } from '../../domain/readiness.js';
import type { Language, Locale } from '../../domain/task.js';
import { formatMs, formatNumber } from '../../i18n/format.js';
import { render } from '../../i18n/i18n.js';
import { ResultsGrid } from '../components/ResultsGrid.js';
import type { TaskSession } from '../services/taskSession.js';
import type { MutantOutcome } from '../../domain/mutationScore.js';
import { overallReport, type DraftSession, type DraftSessionState } from '../services/draftSession.js';
import { sandboxFailureText } from '../services/failureText.js';
import { AuthorSection } from './fields.js';

type Props = { session: DraftSession; state: DraftSessionState; locale: Locale };

export function CheckPanel({ session, state, locale }: Props) {
  const { t } = useTranslation('authoring');
  const { validation, check } = state;
  const hasReference = !!validation.task?.referenceSolution;
  const blocked = !validation.task ? t('check.needsValid') : !hasReference ? t('check.needsReference') : undefined;
  const stale = check.phase === 'done' && check.fingerprint !== validation.runFingerprint;
  return (
    <AuthorSection id="check" heading={t('check.heading')} hint={t('check.hint')}>
      <div className="row">
        <button type="button" className="primary" disabled={!!blocked || check.phase === 'running'} onClick={() => void session.runCheck()} aria-describedby={blocked ? 'check-blocked' : undefined}>
          {t('check.run')}
        </button>
        {check.phase === 'running' && (
          <button type="button" onClick={() => session.cancel('check')}>
            {t('run.cancel')}
          </button>
        )}
        {blocked && (
          <span id="check-blocked" className="muted">
            {blocked}
          </span>
        )}
      </div>
      <div role="status" className="run-status" data-check={check.phase === 'done' ? (check.findings.length ? 'problems' : 'clean') : check.phase}>
        {check.phase === 'running' && t('check.running', { done: check.done, total: check.total })}
        {check.phase === 'cancelled' && t('run.cancelled')}
        {check.phase === 'failed' && t('run.failed', { detail: sandboxFailureText(t, check.failure) })}
        {check.phase === 'done' && (check.findings.length === 0 ? t('check.clean') : t('check.problems', { count: check.findings.length }))}
        {stale && <span className="note">{t('check.stale')}</span>}
      </div>
      {check.phase === 'done' && check.findings.length > 0 && (
        <ul className="findings" aria-label={t('check.findings')}>
          {check.findings.map((f, i) => (
            <li key={i}>
              <Finding finding={f} />
            </li>
          ))}
        </ul>
      )}
      {check.phase === 'done' && check.warnings.length > 0 && (
        <ul className="findings warnings" aria-label={t('check.warnings')}>
          {check.warnings.map((w, i) => (
            <li key={i}>
              {t('check.tooFast', { test: w.test, language: t(`language.${w.language}`, { ns: 'common' }), ms: formatMs(locale, w.ms), min: `${formatNumber(locale, MEASURABLE_REFERENCE_MS)} ms` })}
            </li>
          ))}
        </ul>
      )}
      {check.phase === 'done' && (
        <div className="grid-scroll">
          <table className="compact check-table">
            <caption className="visually-hidden">{t('check.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('check.language')}</th>
                <th scope="col">{t('check.test')}</th>
                <th scope="col">{t('check.first')}</th>
                <th scope="col">{t('check.second')}</th>
              </tr>
            </thead>
            <tbody>
              {check.runs.flatMap((run) =>
                run.first.map((a, i) => {
                  const b = run.second[i];
                  return (
                    <tr key={`${run.language}-${i}`}>
                      <td>{t(`language.${run.language}`, { ns: 'common' })}</td>
                      <td>
                        {a.name}
                        {a.hidden && <span className="tag-mini">{t('tests.hiddenTag', { ns: 'common' })}</span>}
                      </td>
                      <td className={`verdict ${a.status}`}>{t(`verdict.${a.status}`, { ns: 'common' })}</td>
                      <td className={`verdict ${b?.status ?? 'none'}`}>{b ? t(`verdict.${b.status}`, { ns: 'common' }) : '—'}</td>
                    </tr>
                  );
                }),
              )}
            </tbody>
          </table>
        </div>
      )}
    </AuthorSection>
  );
}

function Finding({ finding: f }: { finding: CheckFinding }) {
  const { t } = useTranslation('authoring');
  const language = t(`language.${f.language}`, { ns: 'common' });
  if (f.kind === 'flaky')
    return <>{t('check.flaky', { test: f.test, language, first: t(`verdict.${f.first}`, { ns: 'common' }), second: t(`verdict.${f.second}`, { ns: 'common' }) })}</>;
  const detail = f.result.message ? render(t, f.result.message) : t(`verdict.${f.status}`, { ns: 'common' });
  return (
    <>
      {t('check.fails', { test: f.test, language })}
      <pre className="finding-detail">{detail}</pre>
    </>
  );
}

export function MutationPanel({ session, state, locale }: Props) {
  const { t } = useTranslation('authoring');
  const { validation, mutation } = state;
  const canRun = !!validation.task?.referenceSolution;
  const report = mutation.phase === 'done' ? overallReport(mutation.languages) : undefined;
  const survivors = report?.outcomes.filter((o) => o.status === 'survived') ?? [];
  const killed = report?.outcomes.filter((o) => o.status === 'killed') ?? [];
  const original = (o: MutantOutcome) => report?.byMutant.get(o)?.original ?? '';
  const languageOf = (o: MutantOutcome) => report?.byMutant.get(o)?.report.language ?? 'python';
  const stale = mutation.phase === 'done' && mutation.fingerprint !== validation.runFingerprint;
  return (
    <AuthorSection id="mutants" heading={t('mutants.heading')} hint={t('mutants.hint')}>
      <div className="row">
        <button type="button" className="primary" disabled={!canRun || mutation.phase === 'running' || mutation.phase === 'checking' || state.check.phase === 'running'} onClick={() => void session.runMutants()} aria-describedby={canRun ? undefined : 'mutants-blocked'}>
          {t('mutants.run')}
        </button>
        {mutation.phase === 'running' && (
          <button type="button" onClick={() => session.cancel('mutation')}>
            {t('run.cancel')}
          </button>
        )}
        {!canRun && (
          <span id="mutants-blocked" className="muted">
            {validation.task ? t('check.needsReference') : t('check.needsValid')}
          </span>
        )}
      </div>
      <div role="status" className="run-status">
        {mutation.phase === 'checking' && t('mutants.checking')}
        {mutation.phase === 'running' && t('mutants.running', { done: mutation.done, total: mutation.total })}
        {mutation.phase === 'blocked' && t(`mutants.blocked.${mutation.reason}`)}
        {mutation.phase === 'cancelled' && t('run.cancelled')}
        {mutation.phase === 'failed' && t('run.failed', { detail: sandboxFailureText(t, mutation.failure) })}
        {report && report.total === 0 && t('mutants.none')}
        {stale && <span className="note">{t('mutants.stale')}</span>}
      </div>
      {report && report.score !== null && (
        <p className="mutation-score" data-killed={report.killed} data-total={report.total - report.invalid} data-run={mutation.phase === 'done' ? mutation.run : undefined}>
          {t('mutants.score', { score: formatNumber(locale, report.score * 100, 0), killed: report.killed, total: report.total - report.invalid })}
        </p>
      )}
      {report && report.invalid > 0 && <p className="muted">{t('mutants.invalid', { count: report.invalid })}</p>}
      {report && report.total > 0 && (
        <>
          <h3 id="survivors-heading">{t('mutants.survivors', { count: survivors.length })}</h3>
          {survivors.length === 0 ? (
            <p className="note ok">{t('mutants.allKilled')}</p>
          ) : (
            <>
              <p className="hint">{t('mutants.survivorsHint')}</p>
              <ul className="mutants" aria-labelledby="survivors-heading">
                {survivors.map((o) => (
                  <li key={`${languageOf(o)}-${o.mutant.id}`}>
                    <MutantDiff outcome={o} original={original(o)} language={languageOf(o)} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {killed.length > 0 && (
            <details className="killed">
              <summary>{t('mutants.killed', { count: killed.length })}</summary>
              <ul className="mutants">
                {killed.map((o) => (
                  <li key={`${languageOf(o)}-${o.mutant.id}`}>
                    <MutantDiff outcome={o} original={original(o)} language={languageOf(o)} />
                    {o.killedBy && <p className="muted">{t('mutants.killedBy', { test: o.killedBy.test, status: t(`verdict.${o.killedBy.status}`, { ns: 'common' }) })}</p>}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </AuthorSection>
  );
}

/** One mutant as a unified diff against the reference: a line of context, − the original, + the mutant. */
function MutantDiff({ outcome: o, original, language }: { outcome: MutantOutcome; original: string; language: Language }) {
  const { t } = useTranslation('authoring');
  const d = mutantDiff(original, o.mutant.code);
  const lines = original.split('\n');
  const before = d.line > 1 ? lines[d.line - 2] : undefined;
  const after = lines[d.line - 1 + d.removed.length];
  const caption = t('mutants.caption', {
    operator: t(`mutants.operators.${o.mutant.operator}`),
    line: o.mutant.line,
    language: t(`language.${language}`, { ns: 'common' }),
  });
  return (
    <figure className="mutant" data-mutant={o.mutant.id} data-status={o.status}>
      <figcaption>{caption}</figcaption>
      <pre className="diff" aria-label={caption}>
        {before !== undefined && <span className="ctx">{`  ${before}\n`}</span>}
        {d.removed.map((l, i) => (
          <span key={`r${i}`} className="del">
            <span className="visually-hidden">{t('mutants.removed')} </span>
            {`- ${l}\n`}
          </span>
        ))}
        {d.added.map((l, i) => (
          <span key={`a${i}`} className="ins">
            <span className="visually-hidden">{t('mutants.added')} </span>
            {`+ ${l}\n`}
          </span>
        ))}
        {after !== undefined && after !== '' && <span className="ctx">{`  ${after}\n`}</span>}
      </pre>
    </figure>
  );
}

export function CandidatesPanel({ session, state, locale }: Props) {
  const { t } = useTranslation('authoring');
  const task = state.validation.task;
  const blocked = !task ? t('check.needsValid') : task.solutions.length === 0 ? t('candidates.none') : undefined;
  return (
    <AuthorSection id="candidate-runs" heading={t('candidateRuns.heading')} hint={t('candidateRuns.hint')}>
      <div className="row">
        <button type="button" className="primary" disabled={!!blocked} onClick={() => session.runCandidates(locale)} aria-describedby={blocked ? 'candidates-blocked' : undefined}>
          {t('candidateRuns.run')}
        </button>
        {blocked && (
          <span id="candidates-blocked" className="muted">
            {blocked}
          </span>
        )}
      </div>
      {state.candidates && <CandidateResults session={state.candidates} locale={locale} stale={state.candidates.task !== task} />}
    </AuthorSection>
  );
}

function CandidateResults({ session, locale, stale }: { session: TaskSession; locale: Locale; stale: boolean }) {
  const { t } = useTranslation('authoring');
  return (
    <>
      {stale && <p className="note">{t('candidateRuns.stale')}</p>}
      <ResultsGrid task={session.task} tests={session.testsToRun()} session={session} locale={locale} onRun={(id) => void session.run([id])} />
    </>
  );
}
