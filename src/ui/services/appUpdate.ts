// A page from the team server whose server now serves a newer app must not keep running the old
// one against the new API: the waiting service worker takes over and the page reloads, once per
// server version (sessionStorage), after the open work is saved. The only reload the app makes.
import { readSession, writeSession } from '../../storage/webStorage.js';

/**
 * When the server's app (its entry script, from /api/health) differs from the one this page runs,
 * fetches the new service worker, lets it take over (Workbox's SKIP_WAITING message) and reloads,
 * after `beforeReload` has saved the open work.
 */
export async function refreshIfStale(serverEntry: string | undefined, beforeReload: () => Promise<void>): Promise<void> {
  const mine = document.querySelector('script[type="module"][src]')?.getAttribute('src');
  if (!import.meta.env.PROD || !serverEntry || !mine || mine === serverEntry) return;
  if (readSession('veredicto.reloadedFor') === serverEntry) return;
  writeSession('veredicto.reloadedFor', serverEntry);
  const registration = await navigator.serviceWorker?.getRegistration().catch(() => undefined);
  if (registration) {
    await registration.update().catch(() => undefined);
    const waiting = registration.waiting ?? (await installed(registration));
    if (waiting) {
      const changed = new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
      waiting.postMessage({ type: 'SKIP_WAITING' });
      await Promise.race([changed, new Promise((r) => setTimeout(r, 5_000))]);
    }
  }
  await beforeReload();
  location.reload();
}

/** The new worker once installed (waiting), or undefined when none comes within a while. */
function installed(registration: ServiceWorkerRegistration): Promise<ServiceWorker | undefined> {
  const worker = registration.installing;
  if (!worker) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), 30_000);
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed') {
        clearTimeout(timer);
        resolve(worker);
      } else if (worker.state === 'redundant') {
        clearTimeout(timer);
        resolve(undefined);
      }
    });
  });
}
