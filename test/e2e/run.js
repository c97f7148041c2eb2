#!/usr/bin/env node
// Browser tests: builds the app, serves it with `vite preview`, and runs every test/e2e/*.e2e.js
// in Debian's Chromium through playwright-core. Prints `ok - name` / `not ok - name: reason` per
// test and `N passed, N failed`; exits non-zero on any failure. Always stops the server it started.
// E2E_ONLY=<part of a file name> runs only the matching test files.
// Each file exports `tests`: { name, run({ browser, baseURL }), timeoutMs? } (180 s unless it says).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const VITE = path.join(ROOT, 'node_modules', '.bin', 'vite');
// E2E_PORT and E2E_DIST let two runs share a machine without serving each other's build.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? 'dist';
const BASE_URL = `http://127.0.0.1:${PORT}`;
const TEST_TIMEOUT_MS = 180_000;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function build() {
  const r = spawnSync(VITE, ['build', '--logLevel', 'error', '--outDir', DIST, '--emptyOutDir'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}\n`);
    throw new Error(`vite build failed (exit ${r.status})`);
  }
}

/** Starts `vite preview` directly (so the PID is the server's) and resolves once it answers. */
async function startServer() {
  const server = spawn(VITE, ['preview', '--outDir', DIST, '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve(`exited (${signal ?? code})`)));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = await Promise.race([
      fetch(`${BASE_URL}/`).then((r) => (r.ok ? 'up' : `HTTP ${r.status}`), () => 'down'),
      exited,
    ]);
    if (state === 'up') return server;
    if (state.startsWith('exited') || Date.now() > deadline) {
      server.kill();
      throw new Error(`vite preview did not start: ${state}\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100)); // poll interval while the server binds
  }
}

function stopServer(server) {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once('exit', resolve);
    server.kill('SIGTERM');
  });
}

async function loadTests() {
  const dir = path.join(ROOT, 'test', 'e2e');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.e2e.js') && (!process.env.E2E_ONLY || f.includes(process.env.E2E_ONLY))).sort();
  const all = [];
  for (const f of files) {
    const { tests } = await import(pathToFileURL(path.join(dir, f)).href);
    for (const t of tests) all.push({ ...t, name: `${f.replace(/\.e2e\.js$/, '')}: ${t.name}` });
  }
  return all;
}

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  const tests = await loadTests();
  build();
  const server = await startServer();
  const stop = () => stopServer(server);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => stop().then(() => process.exit(130)));
  let passed = 0;
  let failed = 0;
  let browser;
  const launch = () => chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    browser = await launch();
    for (const t of tests) {
      // One browser serves every test; if Chromium itself went away during the last one, that
      // test failed, and the next ones get a new browser instead of failing with it.
      if (!browser.isConnected()) browser = await launch();
      try {
        await withTimeout(t.run({ browser, baseURL: BASE_URL }), t.timeoutMs ?? TEST_TIMEOUT_MS);
        passed++;
        console.log(`ok - ${t.name}`);
      } catch (e) {
        failed++;
        const reason = String(e?.message ?? e).split('\n').filter(Boolean).slice(0, 6).join(' | ');
        const crashed = browser.isConnected() ? '' : ' | Chromium exited during this test';
        console.log(`not ok - ${t.name}: ${reason}${crashed}`);
      }
    }
  } finally {
    await browser?.close().catch(() => {});
    await stop();
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e?.stack ?? e);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
