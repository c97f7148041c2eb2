// Authoring: `/author` lists the drafts; `/author/<draftId>` edits one; `/author/from/<taskId>`
// opens an existing task as a new draft (or the author's own draft of it) and redirects there.
// A draft is saved locally on every change, like an evaluation: a reload loses nothing.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DraftEditor } from '../authoring/DraftEditor.js';
import { DraftList } from '../authoring/DraftList.js';
import { draftForTask, openDraft, type OpenedDraft } from '../services/draftStore.js';
import { draftPath, followLink, navigate, type Route } from '../router.js';
import { registerFlush } from '../services/pendingSaves.js';
import { useServices } from '../services/services.js';
import '../authoring/authoring.css';

type AuthorRoute = Extract<Route, { name: 'author' | 'authorDraft' | 'authorFrom' }>;

export function AuthorScreen({ route }: { route: AuthorRoute }) {
  if (route.name === 'author') return <DraftList />;
  if (route.name === 'authorFrom') return <DraftFromTask taskId={route.taskId} />;
  return <DraftLoader key={route.draftId} draftId={route.draftId} />;
}

/** One draft per task and page load, even when React runs an effect twice. */
const opening = new Map<string, Promise<string | undefined>>();

function DraftFromTask({ taskId }: { taskId: string }) {
  const services = useServices();
  const { t } = useTranslation('authoring');
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    let live = true;
    let p = opening.get(taskId);
    if (!p) {
      p = draftForTask(services, taskId).finally(() => setTimeout(() => opening.delete(taskId), 0));
      opening.set(taskId, p);
    }
    void p.then((id) => {
      if (!live) return;
      if (id) navigate(draftPath(id), { replace: true });
      else setMissing(true);
    });
    return () => {
      live = false;
    };
  }, [services, taskId]);
  return (
    <main className="page wide">
      {missing ? (
        <>
          <p role="alert">{t('editor.taskNotFound', { id: taskId })}</p>
          <a href="/author" onClick={followLink}>
            {t('list.back')}
          </a>
        </>
      ) : (
        <p aria-busy="true">{t('editor.opening')}</p>
      )}
    </main>
  );
}

function DraftLoader({ draftId }: { draftId: string }) {
  const services = useServices();
  const { t } = useTranslation('authoring');
  const [opened, setOpened] = useState<OpenedDraft | 'missing' | undefined>();

  useEffect(() => {
    let live = true;
    let current: OpenedDraft | undefined;
    void openDraft(services, draftId).then((o) => {
      if (!live) return;
      if (!o) return setOpened('missing');
      current = o;
      setOpened(o);
    });
    // The language switch waits for this before it reloads the page.
    const unregister = registerFlush(async () => current?.saver.flush());
    // Leaving the page otherwise (reload, closing the tab): a last try at writing what is pending.
    const flush = () => void current?.saver.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      live = false;
      unregister();
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      current?.session.cancel();
      void current?.saver.flush();
    };
  }, [services, draftId]);

  if (opened === 'missing')
    return (
      <main className="page wide">
        <p role="alert">{t('editor.notFound')}</p>
        <a href="/author" onClick={followLink}>
          {t('list.back')}
        </a>
      </main>
    );
  if (!opened)
    return (
      <main className="page wide" aria-busy="true">
        <p>{t('editor.opening')}</p>
      </main>
    );
  return <DraftEditor session={opened.session} saver={opened.saver} />;
}
