#!/usr/bin/env node
// Process-per-task baseline: what public harnesses do (human-eval, bigcode-evaluation-harness):
// a fresh `python3` process for every task, running program + test + check(entry_point) written
// to a temporary file, `--concurrency` of them at a time. Measures the whole wall time, including
// writing the files; prints JSON.
//
// usage: node bench/process_per_task.mjs bench/sets/python.jsonl [--concurrency 2] [--python python3] [--flags "-S"]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const concurrency = Number(option('--concurrency', '2'));
const python = option('--python', 'python3');
const flags = option('--flags', '').split(' ').filter(Boolean);
const rows = fs
  .readFileSync(args[0], 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veredicto-bench-'));
const failures = [];

function runTask(row, i) {
  const file = path.join(dir, `task_${i}.py`);
  fs.writeFileSync(file, `${row.prompt}${row.canonical_solution}\n${row.test}\ncheck(${row.entry_point})\n`);
  return new Promise((resolve) => {
    const child = spawn(python, [...flags, file], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-600)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) failures.push({ taskId: row.task_id, error: signal ? `signal ${signal}` : stderr.trim().split('\n').at(-1) ?? `exit ${code}` });
      resolve();
    });
  });
}

const started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: Math.min(concurrency, rows.length) }, async () => {
    while (next < rows.length) {
      const i = next++;
      await runTask(rows[i], i);
    }
  }),
);
const wallMs = performance.now() - started;
fs.rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ tasks: rows.length, concurrency, python, flags, wallMs: +wallMs.toFixed(1), failures }));
