// Builds the app into a folder of its own and serves it with `vite preview` on a free port, for the
// benches that measure it in Chromium (bench/ui.js, bench/cpp_browser.mjs): each has its own build
// folder, so a parallel `npm run test:e2e` never serves its build or the reverse.
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VITE = path.join(ROOT, 'node_modules', '.bin', 'vite');

/** The same browser flags as test/e2e/run.js. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function build(dist) {
  const r = spawnSync(VITE, ['build', '--logLevel', 'error', '--outDir', dist, '--emptyOutDir'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})\n${r.stdout ?? ''}${r.stderr ?? ''}${r.error ?? ''}`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `vite preview` directly (so the PID held is the server's) and resolves once it answers. */
export async function startServer(dist, port) {
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(VITE, ['preview', '--outDir', dist, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve(`exited (${signal ?? code})`)));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = await Promise.race([fetch(`${base}/`).then((r) => (r.ok ? 'up' : `HTTP ${r.status}`), () => 'down'), exited]);
    if (state === 'up') return { server, base };
    if (state.startsWith('exited') || Date.now() > deadline) {
      server.kill();
      throw new Error(`vite preview did not start: ${state}\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100)); // poll interval while the server binds
  }
}

export function stopServer(server) {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once('exit', resolve);
    server.kill('SIGTERM');
  });
}
