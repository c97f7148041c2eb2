/// <reference types="vitest/config" />
// Vite serves and builds the browser app; Vitest reads its `test` block. Pages are cross-origin
// isolated (COOP/COEP) so runtime workers can use SharedArrayBuffer for interrupts, and every response
// carries a Content-Security-Policy: the headers are defined in src/server/securityHeaders.ts, which
// the team server sends too.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { CLANG_FILES, CLANG_PATH } from './src/sandbox/browser/clangFiles.js';
import { SANDBOX_PATH, sandboxHtml } from './src/sandbox/browser/sandboxDocument.js';
import { PYTHON_HARNESS } from './src/sandbox/harness/python.js';
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

/** The module that loads the bundled tasks (tasks/*.json) in the browser: src/ui/services/catalog.ts. */
const BUNDLED_TASKS_ID = 'virtual:veredicto-bundled-tasks';

/**
 * The bundled tasks are data the task list needs, not code: in a build they are one JSON file
 * (file name → text, hashed, precached by the service worker like every asset), fetched while the
 * app starts, instead of half of the first script. Dev server and Vitest get them inline.
 */
function bundledTasks(): Plugin {
  const resolved = `\0${BUNDLED_TASKS_ID}`;
  let build = false;
  let base = '/';
  return {
    name: 'veredicto:bundled-tasks',
    configResolved(config) {
      build = config.command === 'build' && !process.env.VITEST;
      base = config.base;
    },
    resolveId: (id) => (id === BUNDLED_TASKS_ID ? resolved : undefined),
    load(id) {
      if (id !== resolved) return;
      const dir = path.join(root, 'tasks');
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
      for (const f of files) this.addWatchFile(path.join(dir, f));
      const json = JSON.stringify(Object.fromEntries(files.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')])));
      if (!build) return `export default async () => (${json});`;
      const fileName = `assets/bundled-tasks-${crypto.createHash('sha256').update(json).digest('hex').slice(0, 10)}.json`;
      this.emitFile({ type: 'asset', fileName, source: json });
      const url = JSON.stringify(`${base}${fileName}`);
      return `export default async () => {
  const response = await fetch(new URL(${url}, location.href));
  if (!response.ok) throw new Error(\`\${${url}}: HTTP \${response.status}\`);
  return response.json();
};`;
    },
  };
}

/** The files core Python needs, served by the app from /pyodide/ (never a CDN). */
const PYODIDE_FILES = ['pyodide.asm.wasm', 'pyodide.asm.mjs', 'pyodide.mjs', 'python_stdlib.zip', 'pyodide-lock.json'];

const CLANG_DIR = path.join(root, 'node_modules', '@yowasp', 'clang');
/** The version of clang the app serves: the browser's cache of its files is named after it (runtimeBundle.ts). */
const CLANG_VERSION = (JSON.parse(fs.readFileSync(path.join(CLANG_DIR, 'package.json'), 'utf8')) as { version: string }).version;
/** Each file's size, for the download's progress: a server that compresses them sends no Content-Length. */
const CLANG_SIZES = Object.fromEntries(CLANG_FILES.map((f) => [CLANG_PATH + f, fs.statSync(path.join(CLANG_DIR, 'gen', f)).size]));

/**
 * Copies the runtimes' files from node_modules into public/ (gitignored): Pyodide's into
 * public/pyodide/, clang's (src/sandbox/browser/clangFiles.ts) into public/clang/, when they are
 * missing or differ from the installed package, so `vite` (dev), `vite build` and `vite preview`
 * all serve them from the app's own origin; and Pyodide's memory snapshot (pyodideSnapshot), whose
 * name and hash the app is built with (`vite preview` serves a build: it needs none).
 */
function runtimeAssets(): Plugin {
  const copies = [
    { from: path.join(root, 'node_modules', 'pyodide'), to: path.join(root, 'public', 'pyodide'), files: PYODIDE_FILES },
    { from: path.join(CLANG_DIR, 'gen'), to: path.join(root, 'public', CLANG_PATH), files: CLANG_FILES },
  ];
  return {
    name: 'veredicto:runtime-assets',
    config(_, env) {
      if (process.env.VITEST) return; // unit tests serve no files
      for (const { from, to, files } of copies) {
        fs.mkdirSync(to, { recursive: true });
        for (const file of files) copyIfChanged(path.join(from, file), path.join(to, file));
      }
      if (env.isPreview) return;
      return { define: { 'import.meta.env.VEREDICTO_PYODIDE_SNAPSHOT': JSON.stringify(pyodideSnapshot()) } };
    },
  };
}

const PYODIDE_VERSION = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'pyodide', 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The Pyodide memory snapshot the browser's Python workers start from (about 0.4 s instead of 2.5 s,
 * docs/RUNTIME-NOTES.md): the one the CLI starts from, made in Node by src/sandbox/node/snapshot.ts
 * before any untrusted code ran (Pyodide loaded, the harness set up, nothing sealed yet; the
 * runner seals after loading it, as in Node). Named, as there, after Pyodide's version and a hash
 * of the harness it holds, so a browser never starts an old harness from its cache; its SHA-256 is
 * built into the app, which checks the bytes it reads before any worker gets them
 * (src/sandbox/browser/pyodideSnapshot.ts). Made by `npm install` (bin/build-node.js); made here
 * when the harness changed since. When it cannot be made the app is built without one, and its
 * workers start cold.
 */
function pyodideSnapshot(): { path: string; sha256: string; bytes: number } | null {
  const harness = crypto.createHash('sha256').update(PYTHON_HARNESS).digest('hex').slice(0, 12);
  // The file src/sandbox/node/paths.ts names SNAPSHOT_FILE (paths.ts reads the built harness, this the source).
  const made = path.join(root, 'build', 'cache', `pyodide-${PYODIDE_VERSION}-${harness}.snapshot`);
  if (!fs.existsSync(made)) {
    // Compiles build/node from the current source and makes the snapshot of its harness (a few seconds).
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'build-node.js')], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0 || !fs.existsSync(made)) {
      console.warn(`veredicto: no Pyodide snapshot (${made}), Python workers will start cold.\n${(r.stderr ?? '').slice(-2000)}`);
      return null;
    }
  }
  const name = `snapshot-${PYODIDE_VERSION}-${harness}.bin`;
  const dir = path.join(root, 'public', 'pyodide');
  fs.mkdirSync(dir, { recursive: true });
  // Only this harness's snapshot is served (and precached): older ones are of no use to anyone.
  for (const old of fs.readdirSync(dir)) if (/^snapshot-.*\.bin$/.test(old) && old !== name) fs.rmSync(path.join(dir, old), { force: true });
  copyIfChanged(made, path.join(dir, name));
  const bytes = fs.readFileSync(made);
  return { path: `pyodide/${name}`, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

/** Copies a file when the target is missing or differs (by size and time), by a rename, so a server started meanwhile never sees half a file. */
function copyIfChanged(source: string, target: string): void {
  const s = fs.statSync(source);
  const t = fs.statSync(target, { throwIfNoEntry: false });
  if (t && t.size === s.size && Math.trunc(t.mtimeMs) === Math.trunc(s.mtimeMs)) return;
  const partial = `${target}.${process.pid}.partial`;
  fs.copyFileSync(source, partial);
  fs.utimesSync(partial, s.atime, s.mtime); // the stamp that says "copied from this version"
  fs.renameSync(partial, target);
}

/**
 * The service worker that lets the app run with the network off after one visit (build only; `vite`
 * dev serves none). It precaches the whole built app and Pyodide's /pyodide/ files (not clang's
 * /clang/: see globIgnores), and answers
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
      globPatterns: ['**/*.{js,mjs,css,html,wasm,zip,json,bin,ttf,woff,woff2,svg,png,ico,webmanifest}'],
      // clang (about 105 MB) is not precached: the app fetches it when a C++ task first opens and
      // keeps it in a Cache Storage cache of its own (src/sandbox/browser/runtimeBundle.ts).
      // Monaco's TypeScript worker (6.9 MB) is not precached either: only a TypeScript task fetches
      // it, and it is then kept for offline use (runtimeCaching below).
      globIgnores: [`${CLANG_PATH}**`, '**/ts.worker-*.js'],
      runtimeCaching: [{ urlPattern: /\/assets\/ts\.worker-[\w-]+\.js$/, handler: 'CacheFirst', options: { cacheName: 'veredicto-monaco-typescript' } }],
      // pyodide.asm.wasm is 9.6 MB, Pyodide's memory snapshot (pyodideSnapshot above) 30 MB.
      maximumFileSizeToCacheInBytes: 40 * 1024 * 1024,
      navigateFallback: 'index.html',
      // A navigation into the app's file folders is not a route: a missing file stays a 404. The
      // team server's API (/api/) is never answered from the cache: nothing under it is precached
      // and a navigation to it (an export link) goes to the server.
      navigateFallbackDenylist: [/^\/(assets|pyodide|clang|api)\//],
      cleanupOutdatedCaches: true,
      clientsClaim: true, // the first visit is controlled at once, so it already works offline
      skipWaiting: false,
      sourcemap: false,
    },
  });
}

export default defineConfig({
  define: { 'import.meta.env.VEREDICTO_CLANG_VERSION': JSON.stringify(CLANG_VERSION), 'import.meta.env.VEREDICTO_CLANG_SIZES': JSON.stringify(CLANG_SIZES) },
  plugins: [runtimeAssets(), securityHeaders(), bundledTasks(), react(), offlineApp()],
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
