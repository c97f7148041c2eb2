// Routes are real paths (`/`, `/tasks/<id>`), so every task has a deep link and a reload returns
// to it. The History API only; the preview server and the service worker answer every path with
// index.html.
import { useSyncExternalStore, type MouseEvent } from 'react';

export type Route =
  | { name: 'list' }
  | { name: 'answers' }
  | { name: 'task'; taskId: string }
  | { name: 'practice' }
  | { name: 'practiceTask'; taskId: string }
  | { name: 'progress' }
  | { name: 'author' }
  | { name: 'authorDraft'; draftId: string }
  | { name: 'authorFrom'; taskId: string }
  | { name: 'team' }
  | { name: 'teamProject'; projectId: string }
  | { name: 'teamTask'; projectId: string; assignmentId: string }
  | { name: 'teamReview'; projectId: string; taskId: string }
  | { name: 'join'; token: string }
  | { name: 'missing'; path: string };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'list' };
  if (/^\/practice\/?$/.test(pathname)) return { name: 'practice' };
  if (/^\/answers\/new\/?$/.test(pathname)) return { name: 'answers' };
  if (/^\/progress\/?$/.test(pathname)) return { name: 'progress' };
  if (/^\/author\/?$/.test(pathname)) return { name: 'author' };
  const a = /^\/author\/(?:from\/)?([^/]+)\/?$/.exec(pathname);
  if (a) {
    try {
      const id = decodeURIComponent(a[1]!);
      return pathname.startsWith('/author/from/') ? { name: 'authorFrom', taskId: id } : { name: 'authorDraft', draftId: id };
    } catch {
      /* a malformed escape is a missing page, not a crash */
    }
  }
  const review = /^\/team\/([^/]+)\/review\/([^/]+)\/?$/.exec(pathname);
  if (review) {
    try {
      return { name: 'teamReview', projectId: review[1]!, taskId: decodeURIComponent(review[2]!) };
    } catch {
      /* a malformed escape is a missing page, not a crash */
    }
  }
  const team = /^\/team(?:\/([^/]+)(?:\/([^/]+))?)?\/?$/.exec(pathname);
  if (team) {
    const [, projectId, assignmentId] = team;
    if (!projectId) return { name: 'team' };
    return assignmentId ? { name: 'teamTask', projectId, assignmentId } : { name: 'teamProject', projectId };
  }
  const join = /^\/join\/([A-Za-z0-9_-]+)\/?$/.exec(pathname);
  if (join) return { name: 'join', token: join[1]! };
  const m = /^\/(tasks|practice)\/([^/]+)\/?$/.exec(pathname);
  if (m) {
    try {
      const taskId = decodeURIComponent(m[2]!);
      return m[1] === 'tasks' ? { name: 'task', taskId } : { name: 'practiceTask', taskId };
    } catch {
      /* a malformed escape is a missing page, not a crash */
    }
  }
  return { name: 'missing', path: pathname };
}

/** "New from answers": a prompt and model answers pasted into a task. */
export const answersPath = '/answers/new';
export const taskPath = (taskId: string) => `/tasks/${encodeURIComponent(taskId)}`;
export const practicePath = (taskId: string) => `/practice/${encodeURIComponent(taskId)}`;
/** A draft in the task editor. */
export const draftPath = (draftId: string) => `/author/${encodeURIComponent(draftId)}`;
/** Opens an existing task in the editor as a new draft (or the author's own draft of it). */
export const editTaskPath = (taskId: string) => `/author/from/${encodeURIComponent(taskId)}`;

/** Team mode: a project's queue (or, for leads, its progress) and a leased task in it. */
export const teamProjectPath = (projectId: string) => `/team/${encodeURIComponent(projectId)}`;
export const teamTaskPath = (projectId: string, assignmentId: string) => `/team/${encodeURIComponent(projectId)}/${encodeURIComponent(assignmentId)}`;
/** A task's judgements side by side, for its reviewers. */
export const teamReviewPath = (projectId: string, taskId: string) => `/team/${encodeURIComponent(projectId)}/review/${encodeURIComponent(taskId)}`;

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

/** `replace`: the new page takes the current one's place in history (a redirect). */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
  if (path === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  listeners.forEach((l) => l());
  window.scrollTo(0, 0);
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useRoute(): Route {
  const path = useSyncExternalStore(subscribe, () => location.pathname);
  return parseRoute(path);
}

/** For <a href> clicks: navigate in-app unless the user asked for a new tab or window. */
export function followLink(e: MouseEvent<HTMLAnchorElement>): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(e.currentTarget.getAttribute('href') ?? '/');
}
