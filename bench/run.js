#!/usr/bin/env node
// `npm run bench`: measures Veredicto's evaluation speed against native baselines, all in this run,
// and prints a readable report. Nothing here is a pass/fail test: targets are printed next to the
// figures, never enforced. Options: --reps N (default 3; medians are shown), --keep (leave the
// raw measurements in .bench/bench-results.json, which is written anyway).
//
// What runs (every repetition interleaves the configurations, to spread machine noise):
//   node bin/veredicto.js run bench/sets/{python,javascript}.jsonl --json [--workers 1]
//     (or bench/direct.mjs, the same through the sandbox directly, if the CLI is unusable)
//   bench/native_python.py   CPython exec loop, fresh globals per task
//   bench/native_vm.mjs      Node vm loop, fresh context per task
//   bench/raw_runtimes.mjs   the same loops inside Pyodide and QuickJS, no sandbox (the floor)
//   bench/process_per_task.mjs  a python3 process per task, two at a time
//   bench/overhead.mjs       start-up, worker replacement, per-solution overhead, warm-up
//   bench/direct.mjs --tiering T   Python again under each way V8 may compile Pyodide's WebAssembly
//     (src/sandbox/node/spawn.ts Tiering), with the runtime alone under the same flags: the trade-off
//   bench/cpp.mjs            C++: a warm compile by the product's runner (Liftoff only and dynamic
//     tiering), and a HumanEval-X-shaped C++ set through veredicto run against g++ -O1
//     (--cpp-tasks N, default 164; --no-cpp skips it and the next)
//   bench/cpp_browser.mjs    C++ in the browser: a warm compile in the workbench's C++ worker against
//     the same compile in Node, and C++'s start-up (first visit, from the cache)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './tasks.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const args = process.argv.slice(2);
const repsAt = args.indexOf('--reps');
const REPS = repsAt >= 0 ? Math.max(1, Number(args[repsAt + 1])) : 3;
const TARGET_RATIO = 2.2; // issue 17: Python eval with the default pool
const TARGET_READY_MS = 500;
const CLI = path.join(root, 'bin', 'veredicto.js');
const SETS = { python: path.join(here, 'sets', 'python.jsonl'), javascript: path.join(here, 'sets', 'javascript.jsonl') };
const log = (s = '') => process.stderr.write(`${s}\n`);

// ---------- helpers ----------
const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const range = (xs) => {
  const s = xs.filter(Number.isFinite);
  return s.length > 1 ? `(${fmt(Math.min(...s))}–${fmt(Math.max(...s))})` : '';
};
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const met = (ok) => (ok ? 'met' : 'NOT met');

/** Runs a command in its own process group; resolves with its wall time and output. A process
 *  that printed a complete JSON document but does not exit within `graceMs` is killed and
 *  reported as hung (its wall time is then the time its output was complete). */
function runCommand(cmd, argv, { timeoutMs = 600_000, graceMs = 20_000, json = true } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(cmd, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let outputDoneAt;
    let hung = false;
    let graceTimer;
    const killGroup = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => ((hung = true), killGroup()), timeoutMs);
    child.stdout.on('data', (d) => {
      stdout += d;
      if (json && !graceTimer && stdout.endsWith('\n')) {
        try {
          JSON.parse(stdout);
          outputDoneAt = performance.now();
          graceTimer = setTimeout(() => ((hung = true), killGroup()), graceMs);
        } catch {
          /* not complete yet */
        }
      }
    });
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(graceTimer);
      const end = hung && outputDoneAt ? outputDoneAt : performance.now();
      let doc;
      try {
        doc = json ? JSON.parse(stdout) : undefined;
      } catch {
        doc = undefined;
      }
      resolve({ wallMs: end - started, code, signal, hung, stdout, stderr, doc });
    });
  });
}

function realPython() {
  const r = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : 'python3';
}

function cliUsable() {
  if (!fs.existsSync(CLI)) return false;
  const r = spawnSync(process.execPath, [CLI, '--help'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return r.status === 0 && /run/.test(r.stdout);
}

// ---------- 1. task sets ----------
const { python: pyRows, javascript: jsRows } = generate();
const wanted = {
  python: pyRows.map((r) => JSON.stringify(r)).join('\n') + '\n',
  javascript: jsRows.map((r) => JSON.stringify(r)).join('\n') + '\n',
};
fs.mkdirSync(path.dirname(SETS.python), { recursive: true });
for (const lang of ['python', 'javascript']) {
  const have = fs.existsSync(SETS[lang]) ? fs.readFileSync(SETS[lang], 'utf8') : '';
  if (have !== wanted[lang]) {
    fs.writeFileSync(SETS[lang], wanted[lang]);
    log(`bench: wrote ${path.relative(root, SETS[lang])}`);
  }
}
const templates = new Set(pyRows.map((r) => r.entry_point)).size;

// ---------- 2. measurements ----------
const PY = realPython();
const problems = [];
const loadAtStart = os.loadavg()[0];
const useCli = cliUsable();
const engineCmd = (file, workers) =>
  useCli
    ? [process.execPath, [CLI, 'run', file, '--json', ...(workers ? ['--workers', String(workers)] : [])]]
    : [process.execPath, [path.join(here, 'direct.mjs'), file, ...(workers ? ['--workers', String(workers)] : [])]];
const defaultWorkers = Math.max(1, Math.min(os.availableParallelism(), 8));

log(`bench: ${pyRows.length} tasks per language; ${REPS} repetitions; engine through ${useCli ? 'the CLI' : 'bench/direct.mjs (CLI unusable)'}`);

log('bench: native CPython loop…');
const nativePy = JSON.parse((await runCommand(PY, [path.join(here, 'native_python.py'), SETS.python, '--repeat', String(Math.max(REPS, 3))])).stdout);
log('bench: native Node vm loop…');
const nativeVm = JSON.parse((await runCommand(process.execPath, [path.join(here, 'native_vm.mjs'), SETS.javascript, '--repeat', String(Math.max(REPS, 3))])).stdout);
// The runtimes alone, no sandbox: Python with the flag its sandbox processes use (see spawn.ts).
log('bench: the runtimes alone (Pyodide and QuickJS loops, no sandbox)…');
const rawRuntime = {};
for (const [lang, flags] of [['python', ['--liftoff-only']], ['javascript', []]]) {
  const r = await runCommand(process.execPath, [...flags, path.join(here, 'raw_runtimes.mjs'), lang, SETS[lang], '--repeat', String(Math.max(REPS, 3))]);
  rawRuntime[lang] = r.doc;
  if (!r.doc) problems.push(`raw ${lang} runtime loop failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  else if (r.doc.failures.length) problems.push(`raw ${lang} runtime loop: ${r.doc.failures.length} tasks failed`);
}

// How V8 compiles Pyodide in the sandbox children (spawn.ts Tiering): each choice measured the same way.
const TIERINGS = [
  { key: 'liftoff', arg: 'liftoff', label: 'Liftoff only (as shipped)', flags: ['--liftoff-only'] },
  { key: 'dynamic', arg: 'dynamic', label: 'Liftoff, hot code to TurboFan (V8 default)', flags: [] },
  { key: 'early', arg: 'dynamic:200000', label: 'same, tiered up 9x sooner (budget 200000)', flags: ['--wasm-tiering-budget=200000'] },
];
const tierRuns = Object.fromEntries(TIERINGS.flatMap((t) => [1, 0].map((w) => [`${t.key}:${w}`, []])));
const tierRaw = {};
for (const t of TIERINGS) {
  const r = await runCommand(process.execPath, [...t.flags, path.join(here, 'raw_runtimes.mjs'), 'python', SETS.python, '--repeat', String(Math.max(REPS, 3))]);
  tierRaw[t.key] = r.doc;
  if (!r.doc) problems.push(`raw python loop (${t.label}) failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
}

const configs = [
  { key: 'py1', lang: 'python', workers: 1 },
  { key: 'pyN', lang: 'python', workers: 0 },
  { key: 'js1', lang: 'javascript', workers: 1 },
  { key: 'jsN', lang: 'javascript', workers: 0 },
];
const engineRuns = Object.fromEntries(configs.map((c) => [c.key, []]));
const ppt = { plain: [], nosite: [] };
const failing = new Map(); // config key -> Set of task ids
for (let rep = 1; rep <= REPS; rep++) {
  for (const c of configs) {
    log(`bench: rep ${rep}/${REPS}: ${c.lang} --workers ${c.workers || `default (${defaultWorkers})`}…`);
    const [cmd, argv] = engineCmd(SETS[c.lang], c.workers);
    const r = await runCommand(cmd, argv);
    if (!r.doc?.timings) {
      problems.push(`${c.lang} --workers ${c.workers || 'default'} (rep ${rep}): exit ${r.code ?? r.signal}, no JSON document; stderr: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      continue;
    }
    if (r.hung) problems.push(`${c.lang} --workers ${c.workers || 'default'} (rep ${rep}): printed its results but did not exit within 20 s; killed (wall time counted until its output was complete)`);
    const results = r.doc.results ?? [];
    const bad = results.filter((x) => x.verdict !== 'passed');
    if (bad.length || results.length !== (c.lang === 'python' ? pyRows.length : jsRows.length)) {
      const set = failing.get(c.key) ?? new Set();
      for (const x of bad) set.add(`${x.taskId} (${x.verdict}${x.tests?.[0]?.message ? `: ${String(x.tests[0].message).split('\n').at(-1).slice(0, 80)}` : ''})`);
      if (results.length !== (c.lang === 'python' ? pyRows.length : jsRows.length)) set.add(`${results.length} results for ${pyRows.length} tasks`);
      failing.set(c.key, set);
    }
    const durations = results.flatMap((x) => (x.tests ?? []).map((t) => t.durationMs ?? 0));
    engineRuns[c.key].push({
      wallMs: r.wallMs,
      runtimeLoadMs: r.doc.timings.runtimeLoadMs,
      evalMs: r.doc.timings.evalMs,
      testSumMs: durations.reduce((a, b) => a + b, 0),
      perTask: Object.fromEntries(results.map((x) => [x.taskId, (x.tests ?? []).reduce((a, t) => a + (t.durationMs ?? 0), 0)])),
    });
  }
  for (const t of TIERINGS)
    for (const w of [1, 0]) {
      log(`bench: rep ${rep}/${REPS}: python tiering ${t.arg}, --workers ${w || `default (${defaultWorkers})`}…`);
      const r = await runCommand(process.execPath, [path.join(here, 'direct.mjs'), SETS.python, '--tiering', t.arg, ...(w ? ['--workers', String(w)] : [])]);
      if (!r.doc?.timings) problems.push(`python tiering ${t.arg} --workers ${w || 'default'} (rep ${rep}): no JSON document; stderr: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      else if (r.doc.results.some((x) => x.verdict !== 'passed')) problems.push(`python tiering ${t.arg} --workers ${w || 'default'} (rep ${rep}): not every task passed`);
      else tierRuns[`${t.key}:${w}`].push(r.doc.timings);
    }
  log(`bench: rep ${rep}/${REPS}: process per task…`);
  for (const [key, flags] of [['plain', ''], ['nosite', '-S']]) {
    const r = await runCommand(process.execPath, [path.join(here, 'process_per_task.mjs'), SETS.python, '--concurrency', '2', '--python', PY, ...(flags ? ['--flags', flags] : [])]);
    const doc = JSON.parse(r.stdout);
    ppt[key].push(doc.wallMs);
    if (doc.failures.length) problems.push(`process per task${flags ? ` (${flags})` : ''}: ${doc.failures.length} failed: ${doc.failures.slice(0, 5).map((f) => f.taskId).join(', ')}`);
  }
}

log('bench: start-up, worker replacement, per-solution overhead, warm-up…');
const ovRun = await runCommand(process.execPath, [path.join(here, 'overhead.mjs'), '--reps', String(REPS)]);
let overhead;
try {
  overhead = JSON.parse(ovRun.stdout);
} catch {
  problems.push(`overhead probes failed: ${ovRun.stderr.trim().split('\n').slice(-3).join(' | ')}`);
}
const pyStartSec = spawnSync(PY, ['-c', 'import time,subprocess,sys\nt=time.perf_counter()\nfor _ in range(10): subprocess.run([sys.executable,"-c","pass"])\nprint((time.perf_counter()-t)*100)'], { encoding: 'utf8' });

// ---------- 3. report ----------
const M = (key, field) => median(engineRuns[key].map((r) => r[field]));
const R = (key, field) => range(engineRuns[key].map((r) => r[field]));
const nPy = pyRows.length;
const nJs = jsRows.length;
const ratioPy1 = M('py1', 'evalMs') / nativePy.totalMs;
const ratioPyN = M('pyN', 'evalMs') / nativePy.totalMs;
const ratioJs1 = M('js1', 'evalMs') / nativeVm.totalMs;
const ratioJsN = M('jsN', 'evalMs') / nativeVm.totalMs;
const pyodideVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/pyodide/package.json'), 'utf8')).version;
let pyodidePython = '';
try {
  pyodidePython = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/pyodide/pyodide-lock.json'), 'utf8')).info.python;
} catch {
  /* older layout */
}
const W = 52;
const out = [];
const line = (s = '') => out.push(s);
const row = (label, ...cells) => line(`  ${pad(label, W)}${cells.map((c) => lpad(c, 12)).join('')}`);

line('Veredicto bench');
line(`  ${new Date().toISOString()}  ·  ${os.availableParallelism()} cores, load average ${loadAtStart.toFixed(2)} at start, ${os.loadavg()[0].toFixed(2)} at end`);
line(`  Node ${process.version}; CPython ${nativePy.python} (${PY}); Pyodide ${pyodideVersion}${pyodidePython ? ` (Python ${pyodidePython})` : ''}`);
line(`  ${nPy} Python tasks (HumanEval shape) and ${nJs} JavaScript tasks (HumanEval-X shape) from ${templates} templates, bench/sets/`);
line(`  engine driven through ${useCli ? 'node bin/veredicto.js run … --json' : 'bench/direct.mjs (the CLI was not usable)'}; default pool = ${defaultWorkers} workers`);
line(`  medians of ${REPS} runs, (min–max) where repeated; all times in ms`);
line();
line('Native baselines (one in-process loop, fresh globals / context per task, after a warm-up pass)');
row('CPython exec loop', fmt(nativePy.totalMs), range(nativePy.runsMs));
row('Node vm loop, fresh vm.createContext() each', fmt(nativeVm.totalMs), range(nativeVm.runsMs));
row('CPython per task (median of tasks)', fmt(median(Object.values(nativePy.perTaskMs)), 2));
line('The runtimes alone, no sandbox: the same loops in-process (the floor under eval time)');
row('Pyodide exec loop (V8 Liftoff, as in the sandbox)', fmt(rawRuntime.python?.totalMs), range(rawRuntime.python?.runsMs ?? []));
row('QuickJS loop, fresh context each', fmt(rawRuntime.javascript?.totalMs), range(rawRuntime.javascript?.runsMs ?? []));
row('  ratio to CPython / Node vm', `${fmt(rawRuntime.python?.totalMs / nativePy.totalMs, 2)}x`, `${fmt(rawRuntime.javascript?.totalMs / nativeVm.totalMs, 2)}x`);
line();
line('Runtime start-up');
row('', 'python', 'javascript');
row('timings.runtimeLoadMs, --workers 1', fmt(M('py1', 'runtimeLoadMs')), fmt(M('js1', 'runtimeLoadMs')));
row(`timings.runtimeLoadMs, default pool (${defaultWorkers})`, fmt(M('pyN', 'runtimeLoadMs')), fmt(M('jsN', 'runtimeLoadMs')));
if (overhead) {
  const o = overhead;
  row('fresh sandbox process ready, host-observed', fmt(o.python.startUp.hostObservedMs), fmt(o.javascript.startUp.hostObservedMs));
  row('  of which reported by the child (after Node boot)', fmt(o.python.startUp.childReportedMs), fmt(o.javascript.startUp.childReportedMs));
  line(`    target: Pyodide ready from the snapshot ≤ ${TARGET_READY_MS} ms: ${met(o.python.startUp.hostObservedMs <= TARGET_READY_MS)} (${fmt(o.python.startUp.hostObservedMs)})`);
  const runsOf = (x) => (x.restartMs.length ? x.restartMs.join(', ') : `none: the runtime stopped the code itself (status ${x.statuses.join(', ')}), no worker was replaced`);
  row('replace a worker killed at the deadline (restarted)', fmt(o.python.restart.medianMs), fmt(o.javascript.restart.medianMs));
  line(`    python (\`while True: pass\`, limit 300): ${runsOf(o.python.restart)}`);
  line(`    javascript (catastrophic regex /^(a+)+$/, limit 300): ${runsOf(o.javascript.restart)}`);
  line(`    target: replacement ≤ ${TARGET_READY_MS} ms: ${met(o.python.restart.medianMs <= TARGET_READY_MS)} (python ${fmt(o.python.restart.medianMs)})`);
  row('timeout verdict after start of evaluate (limit 300)', fmt(o.python.restart.timeoutVerdictMs), fmt(o.javascript.restart.timeoutVerdictMs));
}
line();
line(`Python: how V8 compiles Pyodide in the sandbox (spawn.ts Tiering), bench/direct.mjs, medians of ${REPS}`);
line(`  ${pad('', W - 8)}${['start-up', 'eval, 1', 'x CPython', `eval, ${defaultWorkers}`, 'x CPython', 'alone', 'x CPython'].map((c) => lpad(c, 10)).join('')}`);
for (const t of TIERINGS) {
  const T = (w, field) => median(tierRuns[`${t.key}:${w}`].map((x) => x[field]));
  const alone = tierRaw[t.key]?.totalMs;
  line(
    `  ${pad(t.label, W - 8)}${[fmt(T(1, 'runtimeLoadMs')), fmt(T(1, 'evalMs')), `${fmt(T(1, 'evalMs') / nativePy.totalMs, 2)}x`, fmt(T(0, 'evalMs')), `${fmt(T(0, 'evalMs') / nativePy.totalMs, 2)}x`, fmt(alone), `${fmt(alone / nativePy.totalMs, 2)}x`]
      .map((c) => lpad(c, 10))
      .join('')}`,
  );
}
line('    start-up: timings.runtimeLoadMs with --workers 1 (a pool of one Python worker from the snapshot);');
line('    eval: timings.evalMs; alone: the Pyodide exec loop with no sandbox, after a warm-up pass (steady state)');
line();
line('Evaluation (timings.evalMs: wall time of evaluating every task, runtime start-up excluded)');
row('', 'python', 'javascript');
row('--workers 1', fmt(M('py1', 'evalMs')), fmt(M('js1', 'evalMs')));
row('', R('py1', 'evalMs'), R('js1', 'evalMs'));
row(`default pool (${defaultWorkers})`, fmt(M('pyN', 'evalMs')), fmt(M('jsN', 'evalMs')));
row('', R('pyN', 'evalMs'), R('jsN', 'evalMs'));
row('native loop', fmt(nativePy.totalMs), fmt(nativeVm.totalMs));
row(`ratio eval / native, default pool (${defaultWorkers})`, `${fmt(ratioPyN, 2)}x`, `${fmt(ratioJsN, 2)}x`);
line(`    target ≤ ${TARGET_RATIO}x (\`veredicto run\` as shipped: a pool sized to the machine): python ${met(ratioPyN <= TARGET_RATIO)}, javascript ${met(ratioJsN <= TARGET_RATIO)}`);
row('ratio eval / native, --workers 1', `${fmt(ratioPy1, 2)}x`, `${fmt(ratioJs1, 2)}x`);
row('  the runtime alone / native (floor for one worker)', `${fmt(rawRuntime.python?.totalMs / nativePy.totalMs, 2)}x`, `${fmt(rawRuntime.javascript?.totalMs / nativeVm.totalMs, 2)}x`);
row('  --workers 1 eval / the runtime alone (sandbox cost)', `${fmt(M('py1', 'evalMs') / rawRuntime.python?.totalMs, 2)}x`, `${fmt(M('js1', 'evalMs') / rawRuntime.javascript?.totalMs, 2)}x`);
row('Σ test durationMs (inside the worker), --workers 1', fmt(M('py1', 'testSumMs')), fmt(M('js1', 'testSumMs')));
row('  Σ durationMs / native loop', `${fmt(M('py1', 'testSumMs') / nativePy.totalMs, 2)}x`, `${fmt(M('js1', 'testSumMs') / nativeVm.totalMs, 2)}x`);
row('evalMs − Σ durationMs, per task, --workers 1', fmt((M('py1', 'evalMs') - M('py1', 'testSumMs')) / nPy, 2), fmt((M('js1', 'evalMs') - M('js1', 'testSumMs')) / nJs, 2));
line();
line(`Whole process, ${nPy} Python tasks, wall time including start-up`);
const vWall = M('pyN', 'wallMs');
const pptWall = median(ppt.plain);
row(`veredicto run python.jsonl --json (default pool)`, fmt(vWall), range(engineRuns.pyN.map((r) => r.wallMs)));
row('veredicto run python.jsonl --json --workers 1', fmt(M('py1', 'wallMs')), R('py1', 'wallMs'));
row('a python3 process per task, 2 at a time', fmt(pptWall), range(ppt.plain));
line(`    target: Veredicto faster: ${met(vWall < pptWall)} (${fmt(pptWall / vWall, 2)}x)`);
row('  same with python3 -S (no site import), reference', fmt(median(ppt.nosite)), range(ppt.nosite));
if (pyStartSec.status === 0) row('  one `python3 -c pass` start-up on this machine', fmt(Number(pyStartSec.stdout.trim()), 1));
line();
// Solutions of the set that get the next one a fresh runtime (the runner's own test of the source).
const { INTROSPECTION } = await import(path.join(root, 'build/node/sandbox/runners/pyodide.js'));
const freshRuntimeSolutions = fs
  .readFileSync(SETS.python, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))
  .filter((r) => INTROSPECTION.test(r.prompt + r.canonical_solution) || INTROSPECTION.test(r.test)).length;
if (overhead) {
  const o = overhead;
  line('Engine overhead (sandbox driven directly, pool of 1, steady state)');
  row('', 'python', 'javascript');
  row('trivial solution + one-assert test: round trip', fmt(o.python.perSolution.roundTripMs, 2), fmt(o.javascript.perSolution.roundTripMs, 2));
  row('  of which the test itself (durationMs)', fmt(o.python.perSolution.testDurationMs, 2), fmt(o.javascript.perSolution.testDurationMs, 2));
  row('  outside the test (compile, restore, IPC…)', fmt(o.python.perSolution.outsideTestMs, 2), fmt(o.javascript.perSolution.outsideTestMs, 2));
  line('  Warm-up of a fresh worker: sieve below 8000, successive evaluations (durationMs)');
  line(`    python:     ${o.python.warmUp.first.join(', ')} … steady ${o.python.warmUp.steadyMedianMs}`);
  line(`    javascript: ${o.javascript.warmUp.first.join(', ')} … steady ${o.javascript.warmUp.steadyMedianMs}`);
  const reset = o.python.reset;
  if (reset) {
    line('  Reset per Python solution (docs/sandbox-state.md; JavaScript: a fresh QuickJS context per test, no reset)');
    row('    ordinary solution: round trip, module state checked and put back', fmt(reset.ordinaryMs, 2));
    row('    changes interpreter settings (limits, warnings, signals, umask): round trip', fmt(reset.settingsMs, 2));
    row('      extra for putting them back', fmt(reset.settingsExtraMs, 2));
    row('    introspects, so the next solution gets a fresh runtime: extra', fmt(reset.freshRuntimeExtraMs, 2));
    row('      fresh runtime / ordinary round trip', `${fmt(reset.freshRuntimeExtraMs / reset.ordinaryMs, 1)}x`);
    row('    imports fractions, decimal, statistics (first time, from the zipped library): extra', fmt(reset.importsExtraMs, 2));
    row('      imports / fresh runtime', `${fmt(reset.importsExtraMs / reset.freshRuntimeExtraMs, 2)}x`);
    line(`      bench solutions that pay it: ${freshRuntimeSolutions} of ${nPy}${reset.failed ? ` (${reset.failed} evaluations did not pass: figures unreliable)` : ''}`);
  }
  line();
}
// Largest per-task slow-downs (inside the worker, --workers 1, median over repetitions).
const perTaskRatio = (key, native, rows) =>
  rows
    .map((r) => ({ id: r.task_id, name: r.entry_point ?? r.declaration.match(/const (\w+)/)?.[1], ratio: median(engineRuns[key].map((x) => x.perTask[r.task_id])) / native.perTaskMs[r.task_id] }))
    .filter((x) => Number.isFinite(x.ratio));
for (const [key, native, rows, label] of [
  ['py1', nativePy, pyRows, 'Python (Pyodide test durationMs / CPython)'],
  ['js1', nativeVm, jsRows, 'JavaScript (QuickJS test durationMs / Node vm)'],
]) {
  const ratios = perTaskRatio(key, native, rows);
  if (!ratios.length) continue;
  const sorted = [...ratios].sort((a, b) => b.ratio - a.ratio);
  line(`Per-task slow-down, ${label}: median ${fmt(median(ratios.map((x) => x.ratio)), 2)}x; largest: ${sorted
    .slice(0, 4)
    .map((x) => `${x.id} ${x.name} ${fmt(x.ratio, 1)}x`)
    .join(', ')}`);
}
line();
line('Verdicts');
const allPassedLine = [];
for (const c of configs) {
  const set = failing.get(c.key);
  const runs = engineRuns[c.key].length;
  if (set?.size) line(`  WARNING: ${c.lang} --workers ${c.workers || 'default'}: not passed: ${[...set].slice(0, 12).join('; ')}${set.size > 12 ? ` … (${set.size})` : ''}`);
  else if (runs) allPassedLine.push(`${c.lang} --workers ${c.workers || 'default'} (${runs} runs)`);
}
if (allPassedLine.length) line(`  every task passed in: ${allPassedLine.join(', ')}`);
if (nativePy.failures.length) line(`  WARNING: CPython baseline failures: ${nativePy.failures.map((f) => `${f.taskId}: ${f.error}`).slice(0, 8).join('; ')}`);
if (nativeVm.failures.length) line(`  WARNING: Node vm baseline failures: ${nativeVm.failures.map((f) => `${f.taskId}: ${f.error}`).slice(0, 8).join('; ')}`);
if (!nativePy.failures.length && !nativeVm.failures.length) line('  CPython and Node vm baselines: every task passed');
for (const p of problems) line(`  WARNING: ${p}`);

if (!args.includes('--no-cpp')) {
  const cppTasks = args.indexOf('--cpp-tasks') >= 0 ? ['--tasks', args[args.indexOf('--cpp-tasks') + 1]] : [];
  const cpp = await runCommand(process.execPath, [path.join(here, 'cpp.mjs'), '--reps', String(REPS), ...cppTasks], { timeoutMs: 3 * 3600_000, json: false });
  line();
  for (const l of cpp.stdout.trimEnd().split('\n')) line(l);
  const inBrowser = await runCommand(process.execPath, [path.join(here, 'cpp_browser.mjs'), '--reps', String(REPS)], { timeoutMs: 3600_000, json: false });
  line();
  for (const l of inBrowser.stdout.trimEnd().split('\n')) line(l);
}

const report = out.join('\n');
process.stdout.write(`${report}\n`);
fs.mkdirSync(path.join(root, '.bench'), { recursive: true });
fs.writeFileSync(
  path.join(root, '.bench', 'bench-results.json'),
  JSON.stringify({ when: new Date().toISOString(), reps: REPS, nativePy, nativeVm, rawRuntime, engineRuns, processPerTask: ppt, overhead, problems, report }, null, 1),
);
fs.writeFileSync(path.join(root, '.bench', 'bench-report.txt'), `${report}\n`);
