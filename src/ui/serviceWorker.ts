// Registers the offline service worker that vite.config.ts builds (vite-plugin-pwa, Workbox), once
// the page has loaded so it never competes with the first paint. Imported for its effect by main.tsx.
// It must never reload the page: a new version waits until no tab runs the old one, then serves the
// next visit. In dev (`vite`) the virtual module is a no-op and no service worker exists.
/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';

if (import.meta.env.PROD)
  registerSW({
    immediate: false, // workbox-window waits for the window's load event
    // Called only if another tab makes a waiting version take over; the page keeps its state and
    // its code, and every file it may still load lazily stays in the cache it was loaded from.
    onNeedReload: () => {},
    onRegisterError: (e: unknown) => console.warn('Veredicto: the offline service worker could not be registered', e),
  });
