// One task: prompt, tests, solutions, runs, the trainer's own tests and the judgement. Keyboard
// shortcuts (listed under `?`) cover a whole evaluation without the mouse.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmitProblem } from '../../domain/guardrails.js';
import { rubricOf } from '../../domain/rubric.js';
import { pickLocale, type Language, type Locale } from '../../domain/task.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { HelpDialog } from '../components/HelpDialog.js';
import { JudgementPanel } from '../components/JudgementPanel.js';
import { Markdown } from '../components/Markdown.js';
import { OwnTests } from '../components/OwnTests.js';
import { ResultsGrid } from '../components/ResultsGrid.js';
import { SolutionsView, type ViewMode } from '../components/SolutionsView.js';
import { PracticeFeedback } from '../components/PracticeFeedback.js';
import { SaveStatus } from '../components/SaveStatus.js';
import { useActiveTime } from '../hooks/useActiveTime.js';
import { useStore } from '../hooks/useStore.js';
import { useTaskShortcuts } from '../hooks/useTaskShortcuts.js';
import { editTaskPath, followLink, teamProjectPath } from '../router.js';
import { openSession, type OpenedSession } from '../services/openSession.js';
import { nextInQueue } from '../services/practiceQueue.js';
import { useServices, type Mode } from '../services/services.js';
import type { TeamRef } from '../services/team.js';
import { TeamGuidelines } from '../team/TeamGuidelines.js';
import { SHORTCUTS } from '../taskShortcuts.js';
import '../judgement.css';

export function TaskScreen({ taskId, mode = 'work', team }: { taskId: string; mode?: Mode; team?: TeamRef }) {
  const services = useServices();
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const catalog = useStore(services.catalog);
  const known = Boolean(team) || catalog.entries.some((e) => e.task.id === taskId);
  const [opened, setOpened] = useState<OpenedSession | undefined>();
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    let current: OpenedSession | undefined;
    setLoading(true);
    void services.ready.then(() =>
      openSession(services, taskId, locale, mode, team).then((o) => {
        if (!live) return o?.close();
        current = o;
        setOpened(o);
        setLoading(false);
      }),
    );
    return () => {
      live = false;
      current?.close();
    };
    // The session outlives language switches; it is reopened only for another task.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [services, taskId, known, mode]);

  if (!opened)
    return (
      <main className="page wide">
        <p>
          <a href="/" onClick={followLink}>
            ← {t('nav.allTasks')}
          </a>
        </p>
        {loading && known ? <p>{t('task.loading')}</p> : <p role="alert">{t('task.notFound', { id: taskId })}</p>}
      </main>
    );
  return <TaskWorkspace key={`${mode}:${taskId}`} opened={opened} mode={mode} {...(team ? { team } : {})} />;
}

function TaskWorkspace({ opened, mode, team }: { opened: OpenedSession; mode: Mode; team?: TeamRef }) {
  const { session, saver } = opened;
  const services = useServices();
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const task = session.task;
  const state = useStore(session);
  const evaluation = state.evaluation;
  const criteria = useMemo(() => rubricOf(task), [task]);
  const [layout, setLayout] = useState<ViewMode>('one');
  const [diff, setDiff] = useState<[string, string]>([task.solutions[0]?.id ?? '', task.solutions[1]?.id ?? '']);
  const [problems, setProblems] = useState<SubmitProblem[]>([]);
  const [helpOpen, setHelpOpen] = useState(false);
  const [submittedNote, setSubmittedNote] = useState(false);
  const readOnly = evaluation.status === 'submitted';
  const title = pickLocale(task.title, locale);
  const prompt = pickLocale(task.prompt, locale);
  const tests = session.testsToRun();

  // Start the runtimes this task needs (a no-op when the app already preloaded them).
  useEffect(() => {
    services.runtimes.warmUp([...new Set(task.solutions.map((s) => s.language))]);
  }, [services, task]);

  useActiveTime(session, saver);

  const runAll = useCallback(() => void session.run(), [session]);
  const submit = useCallback(() => {
    const found = opened.submit(criteria.map((c) => c.id));
    setProblems(found);
    if (!found.length) setSubmittedNote(true);
  }, [opened, criteria]);

  const solutionIds = useMemo(() => task.solutions.map((s) => s.id), [task]);
  const { current, setCurrent } = useTaskShortcuts(solutionIds, { readOnly, running: state.running }, {
    runAll,
    submit,
    cancel: () => session.cancel(),
    help: () => setHelpOpen(true),
    rank: (solutionId, rank) => session.dispatch({ type: 'rank', solutionId, rank }),
  });

  const visible = task.tests.filter((x) => !x.hidden);
  const hiddenCount = task.tests.length - visible.length;
  const minutes = evaluation.activeMs / 60_000;

  return (
    <main className="page wide task-page">
      <nav className="crumbs">
        {team ? (
          <a href={teamProjectPath(team.projectId)} onClick={followLink}>
            ← {t('ui.queue.back', { ns: 'team' })}
          </a>
        ) : mode === 'practice' ? (
          <a href="/practice" onClick={followLink}>
            ← {t('practice.home', { ns: 'practice' })}
          </a>
        ) : (
          <a href="/" onClick={followLink}>
            ← {t('nav.allTasks')}
          </a>
        )}
      </nav>
      <header className="task-head">
        <div>
          <h1 lang={title.locale}>{title.text}</h1>
          <p className="meta">
            {task.difficulty && <span className="badge">{t(`difficulty.${task.difficulty}`)}</span>}
            {[...new Set(task.solutions.map((s) => s.language))].map((l) => (
              <span key={l} className="badge">
                {t(`language.${l}`)}
              </span>
            ))}
            {task.tags.map((tag) => (
              <span key={tag} className="badge tag">
                {tag}
              </span>
            ))}
            <span className={`badge status-${evaluation.status}`}>{t(`taskStatus.${evaluation.status}`)}</span>
            {mode === 'practice' && <span className="badge practice">{t('practice.badge', { ns: 'practice' })}</span>}
          </p>
        </div>
        <div className="task-actions">
          <SaveStatus opened={opened} />
          <span className="muted" title={t('task.activeTimeHint')}>
            {t('task.activeTime', { minutes: formatNumber(locale, minutes, 1) })}
          </span>
          <button type="button" className="ghost" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
            {t('task.shortcuts')}
          </button>
          {/* Not in practice: the editor shows the expert's answer. */}
          {mode === 'work' && (
            <a href={editTaskPath(task.id)} onClick={followLink}>
              {t('edit.link', { ns: 'authoring' })}
            </a>
          )}
        </div>
      </header>

      <div className="run-bar" role="toolbar" aria-label={t('run.toolbar')}>
        <button type="button" className="primary" onClick={runAll} disabled={state.running} aria-keyshortcuts="R Control+Shift+Enter">
          {t('run.all')}
        </button>
        <button type="button" onClick={() => session.cancel()} disabled={!state.running} aria-keyshortcuts="Escape">
          {t('run.cancel')}
        </button>
        <RuntimeNote languages={[...new Set(task.solutions.map((s) => s.language))]} />
      </div>

      <div className="task-columns">
        <div className="task-main">
          <section aria-labelledby="prompt-heading" className="card">
            <h2 id="prompt-heading">{t('task.prompt')}</h2>
            {(title.fallback || prompt.fallback) && (
              <p className="note" role="note">
                {t('task.fallback', { language: t(`locale.${prompt.locale}`) })}
              </p>
            )}
            <div lang={prompt.locale}>
              <Markdown source={prompt.text} />
            </div>
          </section>

          <section aria-labelledby="tests-heading" className="card">
            <h2 id="tests-heading">{t('tests.heading')}</h2>
            <p className="muted">{t('tests.summary', { visible: visible.length, hidden: hiddenCount })}</p>
            <ul className="test-list">
              {visible.map((x) => (
                <li key={x.name}>
                  <code>{x.name}</code>{' '}
                  <span className="muted mono">
                    {x.kind === 'call'
                      ? `${task.entryPoint && typeof task.entryPoint === 'string' ? task.entryPoint : ''}(${JSON.stringify(x.args).slice(1, -1)}) → ${JSON.stringify(x.expected)}`
                      : x.kind === 'stdio'
                        ? t('tests.stdio')
                        : t('tests.code')}
                  </span>
                </li>
              ))}
            </ul>
          </section>

          <SolutionsView
            solutions={task.solutions}
            current={current}
            onCurrent={setCurrent}
            mode={layout}
            onMode={setLayout}
            diff={diff}
            onDiff={setDiff}
            locale={locale}
          />

          <ResultsGrid task={task} tests={tests} state={state} locale={locale} onRun={(id) => void session.run([id])} />

          <OwnTests task={task} tests={evaluation.judgement.ownTests} dispatch={session.dispatch} disabled={readOnly} onRun={runAll} running={state.running} />
        </div>

        <aside className="task-side" aria-label={t('judgement.heading')}>
          {team && <TeamGuidelines projectId={team.projectId} />}
          {submittedNote && readOnly && (
            <p className="note ok" role="status">
              {t('task.submitted', { date: formatDate(locale, new Date(evaluation.submittedAt ?? Date.now())) })}
            </p>
          )}
          {mode === 'practice' && readOnly && (
            <PracticeFeedback task={task} evaluation={evaluation} criteria={criteria} locale={locale} next={nextInQueue(task.id)} />
          )}
          <JudgementPanel
            task={task}
            evaluation={evaluation}
            dispatch={session.dispatch}
            locale={locale}
            readOnly={readOnly}
            onSubmit={submit}
            onReopen={() => {
              setSubmittedNote(false);
              session.dispatch({ type: 'reopen' });
            }}
            problems={problems}
          />
        </aside>
      </div>
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} shortcuts={SHORTCUTS} />
    </main>
  );
}

function RuntimeNote({ languages }: { languages: Language[] }) {
  const { runtimes } = useServices();
  const { t } = useTranslation();
  const state = useStore(runtimes);
  const waiting = languages.filter((l) => state[l].phase !== 'ready');
  if (!waiting.length) return null;
  return (
    <span className="muted">
      {waiting.map((l) => t('runtime.startingShort', { language: t(`language.${l}`) })).join(' · ')}
    </span>
  );
}
