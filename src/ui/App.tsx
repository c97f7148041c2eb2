// The page frame: header (name, runtimes, data menu, language) and the screen for the route.
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from './hooks/useStore.js';
import { LANGUAGES } from '../domain/task.js';
import { DataMenu } from './components/DataMenu.js';
import { DownloadProgress } from './components/DownloadProgress.js';
import { ExportReminder } from './components/ExportReminder.js';
import { LanguageSwitcher } from './components/LanguageSwitcher.js';
import { followLink, navigate, useRoute } from './router.js';
import { OutboxStatus } from './team/OutboxStatus.js';
import { TaskListScreen } from './screens/TaskListScreen.js';
import { PRELOADED } from './services/runtimes.js';
import { useServices } from './services/services.js';
import { sandboxFailureText } from './services/failureText.js';
import { runtimeStateText } from './services/runtimeText.js';

// The task screen brings Markdown, drag and drop and the editors: not needed for the list.
const TaskScreen = lazy(() => import('./screens/TaskScreen.js').then((m) => ({ default: m.TaskScreen })));
const PracticeScreen = lazy(() => import('./screens/PracticeScreen.js').then((m) => ({ default: m.PracticeScreen })));
const ProgressScreen = lazy(() => import('./screens/ProgressScreen.js').then((m) => ({ default: m.ProgressScreen })));
const AnswersScreen = lazy(() => import('./screens/AnswersScreen.js').then((m) => ({ default: m.AnswersScreen })));
const AuthorScreen = lazy(() => import('./screens/AuthorScreen.js').then((m) => ({ default: m.AuthorScreen })));
const TeamRoutes = lazy(() => import('./team/TeamRoutes.js').then((m) => ({ default: m.TeamRoutes })));

/** The team start page is shown once, on the first load at `/`, not every time the list is opened. */
let startedAtTeam = false;

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const { team } = useServices();
  const teamState = useStore(team);
  const teamMode = teamState.status !== 'local' && teamState.status !== 'checking';
  // Opened from a team server, the start page is the team's (the local list stays one click away).
  useEffect(() => {
    if (teamState.status === 'checking' || startedAtTeam) return;
    startedAtTeam = true;
    if (teamMode && route.name === 'list' && location.pathname === '/') navigate('/team', { replace: true });
  }, [teamState.status, teamMode, route.name]);
  useEffect(() => {
    document.title = route.name === 'task' ? `${route.taskId} · Veredicto` : 'Veredicto';
  }, [route]);
  return (
    <>
      <a className="skip" href="#content">
        {t('nav.skip')}
      </a>
      <header className="masthead">
        <a className="brand" href="/" onClick={followLink}>
          {t('appName')}
        </a>
        <nav className="main-nav" aria-label={t('nav.main')}>
          {(
            [
              ...(teamMode ? ([['/team', t('ui.nav', { ns: 'team' }), route.name.startsWith('team')]] as const) : []),
              ['/', t('nav.tasks'), route.name === 'list' || route.name === 'task' || route.name === 'answers'],
              ['/practice', t('nav.practice'), route.name === 'practice' || route.name === 'practiceTask'],
              ['/progress', t('nav.progress'), route.name === 'progress'],
              ['/author', t('nav.author', { ns: 'authoring' }), route.name === 'author' || route.name === 'authorDraft' || route.name === 'authorFrom'],
            ] as const
          ).map(([href, label, current]) => (
            <a key={href} href={href} onClick={followLink} aria-current={current ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <RuntimeStatus />
        {teamMode && <OutboxStatus />}
        <DataMenu />
        <LanguageSwitcher />
      </header>
      <ExportReminder />
      <div id="content">
        {route.name === 'list' && <TaskListScreen />}
        <Suspense fallback={<main className="page wide" aria-busy="true" />}>
          {route.name === 'task' && <TaskScreen taskId={route.taskId} />}
          {route.name === 'practiceTask' && <TaskScreen taskId={route.taskId} mode="practice" />}
          {route.name === 'practice' && <PracticeScreen />}
          {route.name === 'answers' && <AnswersScreen />}
          {route.name === 'progress' && <ProgressScreen />}
          {(route.name === 'author' || route.name === 'authorDraft' || route.name === 'authorFrom') && <AuthorScreen route={route} />}
          {(route.name === 'team' || route.name === 'teamProject' || route.name === 'teamTask' || route.name === 'teamReview' || route.name === 'join') && <TeamRoutes route={route} />}
        </Suspense>
        {route.name === 'missing' && (
          <main className="page">
            <p role="alert">{t('nav.missing', { path: route.path })}</p>
            <a href="/" onClick={followLink}>
              {t('nav.allTasks')}
            </a>
          </main>
        )}
      </div>
    </>
  );
}

/** One chip per runtime; `data-runtime`/`data-state` are what the browser tests and bench wait on. */
function RuntimeStatus() {
  const { runtimes } = useServices();
  const { t } = useTranslation();
  const state = useStore(runtimes);
  return (
    <div className="runtimes" aria-label={t('runtime.heading')} role="group">
      {LANGUAGES.filter((l) => PRELOADED.includes(l) || state[l].phase !== 'idle').map((l) => {
        const s = state[l];
        const text = runtimeStateText(t, l, s);
        return (
          <span key={l} className={`runtime ${s.phase}`} data-runtime={l} data-state={s.phase} title={s.phase === 'failed' ? sandboxFailureText(t, s.failure) : text}>
            <span className="dot" aria-hidden="true" />
            {text}
            <DownloadProgress language={l} state={s} />
          </span>
        );
      })}
    </div>
  );
}
