#!/usr/bin/env node
// Stand-in for `veredicto run FILE --json [--workers N]` that drives the sandbox directly
// (build/node/sandbox), for checkouts where the CLI is missing or broken. Same conversion of
// HumanEval / HumanEval-X rows as the CLI (program = prompt + canonical_solution; the test as one
// code test, HumanEval's with check(entry_point)), same JSON shape and timings.
// `--tiering liftoff|dynamic[:BUDGET]` compiles the runtimes' WebAssembly so (spawn.ts Tiering),
// for the bench's trade-off table; without it, as `veredicto run` does.
// usage: node bench/direct.mjs FILE [--workers N] [--tiering T]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { nodeSandbox, ensureSnapshot } = await import(path.join(root, 'build/node/sandbox/node/spawn.js'));

const args = process.argv.slice(2);
const w = args.indexOf('--workers');
const workers = w >= 0 ? Number(args.splice(w, 2)[1]) : Math.max(1, Math.min(os.availableParallelism(), 8));
const t = args.indexOf('--tiering');
const [tier, budget] = t >= 0 ? args.splice(t, 2)[1].split(':') : [];
const tiering = tier ? { tier, ...(budget ? { budget: Number(budget) } : {}) } : undefined;
const rows = fs
  .readFileSync(args[0], 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

const pairs = rows.map((row, i) => {
  const python = typeof row.entry_point === 'string';
  const language = python ? 'python' : 'javascript';
  const task = {
    id: `bench-${i}`,
    schemaVersion: 1,
    title: { en: row.task_id },
    prompt: { en: row.prompt },
    entryPoint: python ? row.entry_point : undefined,
    tests: [{ kind: 'code', name: 'check', hidden: false, code: { [language]: row.test }, ...(python ? { check: 'check', entryPoint: row.entry_point } : {}) }],
    solutions: [],
    tags: [],
  };
  return { taskId: row.task_id, task, solution: { id: 'canonical', label: 'canonical_solution', language, code: row.prompt + row.canonical_solution } };
});

ensureSnapshot();
const sandbox = nodeSandbox({}, workers, tiering ? { python: tiering, javascript: tiering } : {});
const loadStart = performance.now();
await sandbox.warmUp(new Set(pairs.map((p) => p.solution.language)));
const runtimeLoadMs = performance.now() - loadStart;
const evalStart = performance.now();
const results = await Promise.all(pairs.map(({ task, solution }) => sandbox.evaluate(task, solution)));
const evalMs = performance.now() - evalStart;
sandbox.close();
const round = (ms) => Math.round(ms * 100) / 100;
const doc = {
  results: results.map((r, i) => ({
    taskId: pairs[i].taskId,
    solutionId: r.solutionId,
    verdict: r.verdict,
    tests: r.tests.map((t) => ({ name: t.name, status: t.status, message: typeof t.message === 'string' ? t.message : JSON.stringify(t.message ?? ''), durationMs: round(t.durationMs) })),
  })),
  timings: { runtimeLoadMs: round(runtimeLoadMs), evalMs: round(evalMs) },
};
process.stdout.write(`${JSON.stringify(doc)}\n`, () => process.exit(0));
