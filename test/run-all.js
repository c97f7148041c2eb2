#!/usr/bin/env node
// The whole test suite, as `npm test` and CI run it: type check, unit and integration tests
// (Vitest, real runtimes), then browser tests (Playwright + Chromium). Ends with one line
// `N passed, N failed` counting every test, and exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;

const step = (label, cmd, args) => {
  process.stdout.write(`\n== ${label}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? '');
  return r;
};

// The whole project with the DOM library, then the environment-neutral core without it
// (tsconfig.core.json): domain, formats and the sandbox harness must not lean on the browser.
for (const [label, project] of [['type check', '.'], ['type check without the DOM (domain, formats, sandbox/harness)', 'tsconfig.core.json']]) {
  const tsc = step(label, bin('tsc'), ['-p', project, '--noEmit']);
  if (tsc.status === 0) passed++;
  else failed++;
}

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'veredicto-test-')), 'vitest.json');
const vitest = step('unit and integration tests (Vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
try {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numTotalTestSuites > 0 && r.success === false && r.numFailedTests === 0 ? 1 : 0);
} catch {
  failed++; // Vitest did not get as far as reporting
}
if (vitest.status !== 0 && failed === 0) failed++;

const e2e = step('browser tests (Playwright, Chromium)', process.execPath, [path.join(root, 'test', 'e2e', 'run.js')]);
const m = /^(\d+) passed, (\d+) failed$/m.exec(e2e.stdout ?? '');
if (m) {
  passed += Number(m[1]);
  failed += Number(m[2]);
} else failed++;
if (e2e.status !== 0 && !(m && Number(m[2]) > 0)) failed++;

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
