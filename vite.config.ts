/// <reference types="vitest/config" />
// Vite serves and builds the browser app; Vitest reads its `test` block. Pages are cross-origin
// isolated (COOP/COEP) so runtime workers can use SharedArrayBuffer for interrupts, and every response
// carries a Content-Security-Policy: the headers are defined in src/server/securityHeaders.ts, which
// the team server sends too.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { SANDBOX_PATH, sandboxHtml } from './src/sandbox/browser/sandboxDocument.js';
import { appPolicy, ISOLATION_HEADERS, sandboxPolicy } from './src/server/securityHeaders.js';

const root = path.dirname(fileURLToPath(import.meta.url));

const isolation = ISOLATION_HEADERS;

/** The dev server's default CORS origins (Vite's own), plus `null`: the sandbox frame's opaque origin. */
const DEV_CORS_ORIGINS = [/^https?:\/\/(?:(?:[^:]+\.)?localhost|127\.0\.0\.1|\[::1\])(?::\d+)?$/, 'null'];

/**
 * Sends the policies as HTTP headers in dev and preview (the service worker keeps them: it stores
 * responses with their headers), serves /sandbox.html in dev and emits it in a build. A static host
 * must send the same headers: see appPolicy and sandboxPolicy.
 */
function securityHeaders(): Plugin {
  let devNonce: string | undefined;
  const sandboxUrl = `/${SANDBOX_PATH}`;
  const middleware = (dev: boolean) => (req: { url?: string }, res: import('node:http').ServerResponse, next: () => void) => {
    const pathname = (req.url ?? '/').split(/[?#]/)[0];
    if (pathname !== sandboxUrl) {
      res.setHeader('Content-Security-Policy', appPolicy(dev ? devNonce : undefined));
      return next();
    }
    res.setHeader('Content-Security-Policy', sandboxPolicy(dev));
    if (!dev) return next(); // the built file, with the isolation headers of preview.headers
    for (const [name, value] of Object.entries(isolation)) res.setHeader(name, value);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(sandboxHtml());
  };
  return {
    name: 'veredicto:security-headers',
    config(_, env) {
      if (env.command !== 'serve' || env.isPreview || process.env.VITEST) return;
      devNonce = crypto.randomBytes(18).toString('base64');
      return { html: { cspNonce: devNonce }, server: { cors: { origin: DEV_CORS_ORIGINS } } };
    },
    configureServer(server) {
      server.middlewares.use(middleware(true));
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware(false));
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: SANDBOX_PATH, source: sandboxHtml() });
    },
  };
}

/** The files core Python needs, served by the app from /pyodide/ (never a CDN). */
const PYODIDE_FILES = ['pyodide.asm.wasm', 'pyodide.asm.mjs', 'pyodide.mjs', 'python_stdlib.zip', 'pyodide-lock.json'];

/**
 * Copies Pyodide's runtime files from node_modules into public/pyodide/ (gitignored) when they are
 * missing or differ from the installed package, so `vite` (dev), `vite build` and `vite preview`
 * all serve them from the app's own origin.
 */
function pyodideAssets(): Plugin {
  return {
    name: 'veredicto:pyodide-assets',
    config() {
      if (process.env.VITEST) return; // unit tests serve no files
      const from = path.join(root, 'node_modules', 'pyodide');
      const to = path.join(root, 'public', 'pyodide');
      fs.mkdirSync(to, { recursive: true });
      for (const file of PYODIDE_FILES) {
        const source = path.join(from, file);
        const target = path.join(to, file);
        const s = fs.statSync(source);
        const t = fs.statSync(target, { throwIfNoEntry: false });
        if (t && t.size === s.size && Math.trunc(t.mtimeMs) === Math.trunc(s.mtimeMs)) continue;
        // Copy then rename, so a server started meanwhile never sees half a file.
        const partial = `${target}.${process.pid}.partial`;
        fs.copyFileSync(source, partial);
        fs.utimesSync(partial, s.atime, s.mtime); // the stamp that says "copied from this version"
        fs.renameSync(partial, target);
      }
    },
  };
}

/**
 * The service worker that lets the app run with the network off after one visit (build only; `vite`
 * dev serves none). It precaches the whole built app and Pyodide's /pyodide/ files, and answers
 * navigations to deep links (/tasks/<id>) with index.html. Responses come from Cache Storage with
 * the headers the server sent, COOP/COEP included, so the page and its workers stay cross-origin
 * isolated offline (test/e2e/offline.e2e.js checks it). A new version waits until no tab runs the
 * old one (no skipWaiting): a page never swaps code under the user nor loses a lazy chunk.
 * Registered by src/ui/serviceWorker.ts.
 */
function offlineApp(): Plugin[] {
  return VitePWA({
    disable: Boolean(process.env.VITEST),
    strategies: 'generateSW',
    registerType: 'prompt', // never reloads by itself; serviceWorker.ts shows no prompt
    injectRegister: false, // serviceWorker.ts registers it
    manifest: false, // no install prompt wanted, and no manifest request on every load
    workbox: {
      globPatterns: ['**/*.{js,mjs,css,html,wasm,zip,json,ttf,woff,woff2,svg,png,ico,webmanifest}'],
      // pyodide.asm.wasm is 9.6 MB; Monaco's TypeScript worker, if ever bundled, 6.8 MB.
      maximumFileSizeToCacheInBytes: 24 * 1024 * 1024,
      navigateFallback: 'index.html',
      // A navigation into the app's file folders is not a route: a missing file stays a 404. The
      // team server's API (/api/) is never answered from the cache: nothing under it is precached
      // and a navigation to it (an export link) goes to the server.
      navigateFallbackDenylist: [/^\/(assets|pyodide|api)\//],
      cleanupOutdatedCaches: true,
      clientsClaim: true, // the first visit is controlled at once, so it already works offline
      skipWaiting: false,
      sourcemap: false,
    },
  });
}

export default defineConfig({
  plugins: [pyodideAssets(), securityHeaders(), react(), offlineApp()],
  server: { headers: isolation },
  preview: { headers: isolation },
  // A runtime worker's bundle is handed to the sandbox frame as one blob: module, so it must be one
  // file (src/sandbox/browser/runtimeBundle.ts).
  worker: { format: 'es', rolldownOptions: { output: { codeSplitting: false } } },
  optimizeDeps: { exclude: ['pyodide', 'quickjs-emscripten-core', '@jitl/quickjs-wasmfile-release-sync'] },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/setup/build.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
