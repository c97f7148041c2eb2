#!/usr/bin/env node
// Native Node baseline for the bench: runs every task of a HumanEval-X JavaScript JSONL file in a
// fresh vm context each (prompt + canonical solution + test, a console whose assert records
// failures), all in one loop. One warm-up pass, then `--repeat` timed passes; prints JSON with
// the median total and the median time of each task, in ms.
//
// usage: node bench/native_vm.mjs bench/sets/javascript.jsonl [--repeat 3]
import fs from 'node:fs';
import vm from 'node:vm';

const args = process.argv.slice(2);
let repeat = 3;
const r = args.indexOf('--repeat');
if (r >= 0) repeat = Number(args.splice(r, 2)[1]);
const rows = fs
  .readFileSync(args[0], 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function runOne(row) {
  const failed = [];
  const console = {
    assert: (ok, ...message) => {
      if (!ok) failed.push(message.length ? message.map(String).join(' ') : 'Assertion failed');
    },
    log: () => {},
    error: () => {},
  };
  const context = vm.createContext({ console });
  vm.runInContext(row.prompt + row.canonical_solution + row.test, context, { filename: 'program.js' });
  if (failed.length) throw new Error(`console.assert failed: ${failed.slice(0, 3).join('; ')}`);
}

function onePass() {
  const perTask = [];
  const failures = [];
  const started = performance.now();
  for (const row of rows) {
    const t0 = performance.now();
    try {
      runOne(row);
    } catch (e) {
      failures.push({ taskId: row.task_id, error: String(e?.message ?? e).slice(0, 300) });
    }
    perTask.push(performance.now() - t0);
  }
  return { total: performance.now() - started, perTask, failures };
}

const { failures } = onePass(); // warm-up
const runs = [];
for (let i = 0; i < repeat; i++) runs.push(onePass());
const perTaskMs = Object.fromEntries(rows.map((row, i) => [row.task_id, +median(runs.map((x) => x.perTask[i])).toFixed(4)]));
console.log(
  JSON.stringify({
    node: process.version,
    tasks: rows.length,
    totalMs: +median(runs.map((x) => x.total)).toFixed(3),
    runsMs: runs.map((x) => +x.total.toFixed(3)),
    perTaskMs,
    failures,
  }),
);
