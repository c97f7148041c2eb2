// One task: prompt, tests, solutions, runs, the trainer's own tests and the judgement. Keyboard
// shortcuts (listed under `?`) cover a whole evaluation without the mouse.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { SubmitProblem } from '../../domain/guardrails.js';
import { judgedByDimensions } from '../../domain/dimensions.js';
import { listedStatus, type LineComment } from '../../domain/evaluation.js';
import { rubricOf } from '../../domain/rubric.js';
import { pickLocale, type Language, type Locale } from '../../domain/task.js';
import { formatDate, formatNumber, languageName } from '../../i18n/format.js';
import { HelpDialog } from '../components/HelpDialog.js';
import { JudgementPanel } from '../components/JudgementPanel.js';
import { Markdown } from '../components/Markdown.js';
import { OwnTests } from '../components/OwnTests.js';
import { ResultsGrid } from '../components/ResultsGrid.js';
import { SolutionsView, type ViewMode } from '../components/SolutionsView.js';
import { PracticeFeedback } from '../components/PracticeFeedback.js';
import { SaveStatus } from '../components/SaveStatus.js';
import { useActiveTime } from '../hooks/useActiveTime.js';
import { useLeaveGuard } from '../hooks/useLeaveGuard.js';
import { useStore, useStorePart } from '../hooks/useStore.js';
import { useTaskShortcuts } from '../hooks/useTaskShortcuts.js';
import { editTaskPath, followLink, navigate, taskPath, teamProjectPath } from '../router.js';
import { nextInList } from '../services/listQueue.js';
import { openSession, type OpenedSession } from '../services/openSession.js';
import { nextInQueue } from '../services/practiceQueue.js';
import { useServices, type Mode } from '../services/services.js';
import type { TeamRef } from '../services/team.js';
import { uiPrefs } from '../services/uiPrefs.js';
import { runtimeStateText } from '../services/runtimeText.js';
import { DownloadProgress } from '../components/DownloadProgress.js';
import { TeamGuidelines } from '../team/TeamGuidelines.js';
import { shortcutFor, SHORTCUTS } from '../taskShortcuts.js';
import '../judgement.css';
import { blindLabelsOf, shownTask } from '../shownTask.js';
import { trainerKey } from '../services/trainerKey.js';

export function TaskScreen({ taskId, mode = 'work', team }: { taskId: string; mode?: Mode; team?: TeamRef }) {
  const services = useServices();
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const catalog = useStore(services.catalog);
  const known = Boolean(team) || catalog.entries.some((e) => e.task.id === taskId);
  const [opened, setOpened] = useState<{ session: OpenedSession; key: string } | undefined>();
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    let current: OpenedSession | undefined;
    setLoading(true);
    // The layout preferences are read first, so a folded judgement panel never flashes open.
    void Promise.all([trainerKey(services, Boolean(team)), services.ready, uiPrefs(services).loaded]).then(([key]) =>
      openSession(services, taskId, locale, mode, team).then((o) => {
        if (!live) return o?.close();
        current = o;
        setOpened(o && { session: o, key });
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
  return <TaskWorkspace key={`${mode}:${taskId}`} opened={opened.session} labelKey={opened.key} mode={mode} {...(team ? { team } : {})} />;
}

function TaskWorkspace({ opened, labelKey, mode, team }: { opened: OpenedSession; labelKey: string; mode: Mode; team?: TeamRef }) {
  const { session, saver } = opened;
  const services = useServices();
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const task = session.task;
  const catalog = useStore(services.catalog);
  const prefs = uiPrefs(services);
  const { judgementCollapsed: collapsed, wrapCode, realLabels } = useStore(prefs);
  // Not the runs: their results re-render the grid alone (ResultsGrid reads them itself).
  const evaluation = useStorePart(session, (s) => s.evaluation);
  // Blind labels unless the trainer wrote the task, or chose names on their own computer; a practice
  // task names its solutions only after the submit, beside the letters.
  const authored = !team && catalog.entries.some((e) => e.task.id === task.id && e.origin === 'authored');
  const namesChoice = mode === 'work' && !team && !authored;
  const blind = !authored && !(namesChoice && realLabels);
  const reveal = mode === 'practice' && evaluation.status === 'submitted';
  // What the screens show: made-up labels in the user's language, or blind ones (the session keeps the task as read).
  const shown = useMemo(() => shownTask(task, t, blind ? { blind, key: labelKey, reveal } : { blind }), [task, t, blind, labelKey, reveal]);
  const shownLabels = useMemo(() => (blind ? blindLabelsOf(task, labelKey) : undefined), [task, blind, labelKey]);
  const running = useStorePart(session, (s) => s.running);
  const rewriteRunning = useStorePart(session, (s) => s.rewriteRun?.state === 'running');
  const criteria = useMemo(() => rubricOf(task), [task]);
  const [layout, setLayout] = useState<ViewMode>('one');
  const [diff, setDiff] = useState<[string, string]>([shown.solutions[0]?.id ?? '', shown.solutions[1]?.id ?? '']);
  const [problems, setProblems] = useState<SubmitProblem[]>([]);
  const [helpOpen, setHelpOpen] = useState(false);
  const [submittedNote, setSubmittedNote] = useState(false);
  const readOnly = evaluation.status === 'submitted';
  const listed = listedStatus(evaluation);
  const title = pickLocale(task.title, locale);
  const prompt = pickLocale(task.prompt, locale);
  const ownTests = evaluation.judgement.ownTests;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the list changes with the own tests only
  const tests = useMemo(() => session.testsToRun(), [session, ownTests]);

  // Start the runtimes this task needs (a no-op when the app already preloaded them).
  useEffect(() => {
    services.runtimes.warmUp([...new Set(task.solutions.map((s) => s.language))]);
  }, [services, task]);

  useActiveTime(session, saver);
  // After useActiveTime: its listeners add the last active time first, then this keeps it all.
  useLeaveGuard(opened);

  const runAll = useCallback(() => void session.run(), [session]);
  const runOne = useCallback((id: string) => void session.run([id]), [session]);
  const submit = useCallback(() => {
    const found = opened.submit(criteria.map((c) => c.id), shown, shownLabels);
    setProblems(found);
    if (found.length) prefs.change('judgementCollapsed', false);
    else setSubmittedNote(true);
    return found.length === 0;
  }, [opened, criteria, prefs, shown, shownLabels]);
  const addLineComment = useCallback((comment: LineComment) => session.dispatch({ type: 'addLineComment', comment }), [session]);
  const unfold = useCallback(() => prefs.change('judgementCollapsed', false), [prefs]);
  useUnfoldForShortcuts(collapsed, unfold);
  // The next task of the list, in its order and filters (work mode: practice has its own queue).
  const next = mode === 'work' ? nextInList(task.id) : undefined;
  const nextTask = useCallback(() => void (next && navigate(taskPath(next))), [next]);
  const submitAndNext = useCallback(() => {
    if (submit()) nextTask();
  }, [submit, nextTask]);

  // In the order shown: digits and arrows follow the cards as the trainer sees them.
  const solutionIds = useMemo(() => shown.solutions.map((s) => s.id), [shown]);
  const { current, setCurrent } = useTaskShortcuts(solutionIds, { readOnly, running }, {
    runAll,
    submit,
    cancel: () => session.cancel(),
    help: () => setHelpOpen(true),
    nextTask,
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
              <span key={tag} className="badge tag data" translate="no">
                {tag}
              </span>
            ))}
            <span className={`badge status-${listed}`}>{t(`taskStatus.${listed}`)}</span>
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
        <button type="button" className="primary" onClick={runAll} disabled={running} aria-keyshortcuts="R Control+Shift+Enter">
          {t('run.all')}
        </button>
        <button type="button" onClick={() => session.cancel()} disabled={!running} aria-keyshortcuts="Escape">
          {t('run.cancel')}
        </button>
        <RuntimeNote languages={[...new Set(task.solutions.map((s) => s.language))]} />
      </div>

      <div className={collapsed ? 'task-columns collapsed' : 'task-columns'}>
        <div className="task-main">
          {/* In the wide column: its tables (a column per rubric criterion) do not fit beside it. */}
          {mode === 'practice' && readOnly && (
            <PracticeFeedback task={shown} evaluation={evaluation} criteria={criteria} locale={locale} next={nextInQueue(task.id)} />
          )}
          <section aria-labelledby="prompt-heading" className="card">
            <h2 id="prompt-heading">{t('task.prompt')}</h2>
            {(title.fallback || prompt.fallback) && (
              <p className="note" role="note">
                {t('task.fallback', { language: languageName(locale, prompt.locale) })}
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
            solutions={shown.solutions}
            wrap={wrapCode}
            onWrap={(wrap) => prefs.change('wrapCode', wrap)}
            {...(namesChoice ? { realNames: realLabels, onRealNames: (on: boolean) => prefs.change('realLabels', on) } : {})}
            current={current}
            onCurrent={setCurrent}
            mode={layout}
            onMode={setLayout}
            diff={diff}
            onDiff={setDiff}
            locale={locale}
            lineComments={evaluation.judgement.lineComments}
            {...(readOnly ? {} : { onLineComment: addLineComment })}
          />

          <ResultsGrid task={shown} tests={tests} session={session} locale={locale} onRun={runOne} />

          <OwnTests task={task} tests={evaluation.judgement.ownTests} dispatch={session.dispatch} disabled={readOnly} onRun={runAll} running={running} />
        </div>

        <aside className="task-side" aria-label={t('judgement.heading')}>
          <button
            type="button"
            className="ghost panel-toggle"
            aria-expanded={!collapsed}
            aria-controls="judgement-body"
            onClick={() => prefs.change('judgementCollapsed', !collapsed)}
          >
            {collapsed ? t('task.showJudgement') : t('task.hideJudgement')}
          </button>
          <div id="judgement-body" hidden={collapsed}>
          {team && <TeamGuidelines projectId={team.projectId} />}
          {submittedNote && readOnly && (
            <p className="note ok" role="status">
              {t('task.submitted', { date: formatDate(locale, new Date(evaluation.submittedAt ?? Date.now())) })}
            </p>
          )}
          <JudgementPanel
            task={shown}
            evaluation={evaluation}
            dispatch={session.dispatch}
            locale={locale}
            readOnly={readOnly}
            onSubmit={submit}
            {...(next ? { onSubmitNext: submitAndNext } : {})}
            onReopen={() => {
              setSubmittedNote(false);
              session.dispatch({ type: 'reopen' });
            }}
            problems={problems}
            {...(judgedByDimensions(task) ? { onRunRewrite: () => void session.runRewrite(), rewriteRunning } : {})}
          />
          </div>
        </aside>
      </div>
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} shortcuts={SHORTCUTS} />
    </main>
  );
}

/**
 * While the judgement panel is folded, a shortcut that moves focus into it (the next solution's
 * card, its critique) unfolds it first, in the same key press, so focus has somewhere to go.
 */
function useUnfoldForShortcuts(collapsed: boolean, unfold: () => void) {
  useEffect(() => {
    if (!collapsed) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const inEditor = !!target?.closest?.('.monaco-editor');
      const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || inEditor);
      const s = shortcutFor(
        { key: e.key, ctrl: e.ctrlKey, meta: e.metaKey, alt: e.altKey, shift: e.shiftKey, handled: e.defaultPrevented, typing, inEditor, dialogOpen: !!document.querySelector('dialog[open]') },
        { solutions: 1, readOnly: true, running: false },
      );
      if (s?.type === 'move' || s?.type === 'critique') flushSync(unfold);
    };
    // Capture: before the shortcuts' own listener looks for the card.
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [collapsed, unfold]);
}

function RuntimeNote({ languages }: { languages: Language[] }) {
  const { runtimes } = useServices();
  const { t } = useTranslation();
  const state = useStore(runtimes);
  const waiting = languages.filter((l) => state[l].phase !== 'ready');
  if (!waiting.length) return null;
  return (
    <span className="muted">
      {waiting.map((l) => runtimeStateText(t, l, state[l])).join(' · ')}
      {waiting.map((l) => (
        <DownloadProgress key={l} language={l} state={state[l]} />
      ))}
    </span>
  );
}
