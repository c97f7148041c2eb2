#!/usr/bin/env node
// C++ speed figures for `npm run bench` (also runnable alone): a warm compile of a typical solution
// by the product's C++ runner (src/sandbox/runners/cpp.ts and clang.ts, from build/node: clang for
// WebAssembly, precompiled headers and all) in a process started with a sandbox worker's V8 flags,
// and a HumanEval-X-shaped C++ set through `veredicto run` against native `g++ -O1`
// compile-and-run of the same programs at the same parallelism, both in this run. Native g++ is
// only the baseline here: the product never uses it. Prints lines of a report on stdout; nothing is
// asserted. Options: --tasks N (default 164, HumanEval-X's size), --reps N.
// `--compile-only` (used by this file) prints the runner's compile times as JSON and exits.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TYPICAL_CPP, TYPICAL_STDIN, TYPICAL_STDOUT } from './cppSource.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Math.max(1, Number(args[i + 1])) : fallback;
};
const TASKS = opt('--tasks', 164);
const REPS = opt('--reps', 3);
const WORKERS = Math.max(1, Math.min(os.availableParallelism(), 8));
const TARGET_COMPILE_MS = 1500;
const TARGET_RATIO = 3;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

/**
 * Compiles of the typical solution by the product's runner in this process, each a different
 * program (a comment) so that none is found in the runner's cache of programs: the first is a new
 * worker's (the throw runtime, the headers precompiled, then the program), the others are warm.
 * Each compile's time is split by what clang was asked to do.
 */
async function runnerCompiles() {
  const built = (p) => import(pathToFileURL(path.join(root, 'build', 'node', 'sandbox', 'runners', p)).href);
  const { CppRunner } = await built('cpp.js');
  const { clangCompiler } = await built('clang.js');
  const clang = await import(pathToFileURL(path.join(root, 'node_modules', '@yowasp', 'clang', 'gen', 'bundle.js')).href);
  const shim = await import(pathToFileURL(path.join(root, 'node_modules', '@bjorn3', 'browser_wasi_shim', 'dist', 'index.js')).href);
  const loading = performance.now();
  const compiler = await clangCompiler(clang);
  const loadMs = performance.now() - loading;
  let parts = {};
  const timed = (files, argv) => {
    const kind = argv.includes('c++-header') ? 'headers' : argv.includes('throw.cpp') ? 'runtime' : 'program';
    const t = performance.now();
    const out = compiler(files, argv);
    parts[kind] = (parts[kind] ?? 0) + performance.now() - t;
    return out;
  };
  const runner = new CppRunner(timed, shim);
  const compiles = [];
  for (let i = 0; i <= REPS; i++) {
    parts = {};
    const job = { language: 'cpp', code: `${TYPICAL_CPP}// bench ${i}\n`, tests: [{ kind: 'stdio', stdin: TYPICAL_STDIN }], firstIndex: 0, limits: { timeMs: 5000, outputBytes: 1 << 20, memoryMb: 256 } };
    const t = performance.now();
    let result;
    runner.run(job, (_, r) => (result = r));
    if (result?.stdout !== TYPICAL_STDOUT) throw new Error(`the runner printed ${JSON.stringify(result?.stdout)} (${result?.outcome})`);
    compiles.push({ ms: performance.now() - t - result.durationMs, runMs: result.durationMs, parts });
  }
  return { loadMs, compiles };
}

if (args.includes('--compile-only')) {
  process.stdout.write(JSON.stringify(await runnerCompiles()));
  process.exit(0);
}

// HumanEval-X C++ rows: prompt (includes, using namespace std, the signature), canonical solution, test main.
const PROMPT = '#include <stdio.h>\n#include <math.h>\n#include <vector>\n#include <string>\n#include <algorithm>\nusing namespace std;\n#include <stdlib.h>\n';
const TEMPLATES = [
  (k) => ({ sig: `int count_above_${k}(vector<int> v){\n`, body: `    int c = 0;\n    for (int x : v) if (x > ${k}) c++;\n    return c;\n}\n`, test: `    assert(count_above_${k}({${k}, ${k + 1}, ${k + 2}}) == 2);\n    assert(count_above_${k}({}) == 0);\n` }),
  (k) => ({ sig: `vector<int> sorted_unique_${k}(vector<int> v){\n`, body: `    sort(v.begin(), v.end());\n    v.erase(unique(v.begin(), v.end()), v.end());\n    return v;\n}\n`, test: `    assert((sorted_unique_${k}({${k}, 1, ${k}, 1}) == vector<int>{1, ${k}}));\n` }),
  (k) => ({ sig: `string repeat_${k}(string s){\n`, body: `    string out;\n    for (int i = 0; i < ${(k % 5) + 1}; i++) out += s;\n    return out;\n}\n`, test: `    assert(repeat_${k}("ab").size() == ${2 * ((k % 5) + 1)});\n` }),
  (k) => ({ sig: `long long fib_${k}(int n){\n`, body: `    long long a = 0, b = 1;\n    for (int i = 0; i < n; i++) { long long t = a + b; a = b; b = t; }\n    return a;\n}\n`, test: `    assert(fib_${k}(10) == 55);\n    assert(fib_${k}(${(k % 30) + 20}) > 0);\n` }),
];
const rows = Array.from({ length: TASKS }, (_, i) => {
  const t = TEMPLATES[i % TEMPLATES.length](i + 2);
  return { task_id: `CPP/${i}`, prompt: PROMPT + t.sig, canonical_solution: t.body, test: `#undef NDEBUG\n#include<assert.h>\nint main(){\n${t.test}}\n`, declaration: PROMPT + t.sig };
});
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veredicto-bench-cpp-'));
const set = path.join(dir, 'cpp.jsonl');
fs.writeFileSync(set, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');

function run(cmd, argv, options = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(cmd, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

/** Native baseline: g++ -O1 then the program, per row, WORKERS at a time. */
async function nativeRun() {
  const started = performance.now();
  let next = 0;
  let failed = 0;
  const one = async () => {
    for (let i = next++; i < rows.length; i = next++) {
      const src = path.join(dir, `n${i}.cpp`);
      const exe = path.join(dir, `n${i}`);
      fs.writeFileSync(src, rows[i].prompt + rows[i].canonical_solution + '\n' + rows[i].test);
      const c = await run('g++', ['-O1', '-std=c++17', '-w', src, '-o', exe]);
      const r = c.code === 0 ? await run(exe, []) : c;
      if (r.code !== 0) failed++;
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, one));
  return { ms: performance.now() - started, failed };
}

/**
 * The runner's compiles in a child process under each way V8 may compile clang's WebAssembly in a
 * sandbox worker (src/sandbox/node/spawn.ts, Tiering): `veredicto run` uses Liftoff only when its
 * workers fill the cores (the default here), dynamic tiering when a core is left free.
 */
async function warmCompiles() {
  const out = {};
  for (const [name, flags] of [['liftoff', ['--liftoff-only']], ['dynamic', []]]) {
    const r = await run(process.execPath, [...flags, fileURLToPath(import.meta.url), '--compile-only', '--reps', String(REPS)]);
    try {
      out[name] = JSON.parse(r.stdout);
    } catch {
      out[name] = { error: (r.stderr || r.stdout).trim().split('\n').slice(-2).join(' ') };
    }
  }
  return out;
}

const lines = [];
const line = (s = '') => lines.push(s);
const hasGpp = spawnSync('g++', ['--version']).status === 0;
const loadAtStart = os.loadavg()[0];
const compiles = await warmCompiles();
// The same program through native g++ -O1, right after: how slow this machine is at the moment.
const nativeCompiles = [];
if (hasGpp) {
  const src = path.join(dir, 'typical.cpp');
  fs.writeFileSync(src, TYPICAL_CPP);
  for (let i = 0; i < REPS; i++) nativeCompiles.push((await run('g++', ['-O1', '-std=c++17', '-w', src, '-o', path.join(dir, 'typical')])).ms);
}
const engine = [];
const native = [];
let engineFailed = 0;
let nativeFailed = 0;
for (let rep = 0; rep < REPS; rep++) {
  const e = await run(process.execPath, [path.join(root, 'bin', 'veredicto.js'), 'run', set, '--json']);
  engine.push(e.ms);
  try {
    engineFailed = JSON.parse(e.stdout).results.filter((r) => r.verdict !== 'passed').length;
  } catch {
    engineFailed = rows.length;
  }
  if (hasGpp) {
    const n = await nativeRun();
    native.push(n.ms);
    nativeFailed = n.failed;
  }
}
fs.rmSync(dir, { recursive: true, force: true });

line(`C++ (clang for WebAssembly, -O1; ${WORKERS} workers; load average ${loadAtStart.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at the end)`);
line(`  (${os.availableParallelism()} cores shared with whatever else runs on this machine: with a load average above ${os.availableParallelism()} every figure here is slowed by it, unevenly; compare figures from one run only)`);
const ms = (x) => `${Number.isFinite(x) ? x.toFixed(0) : 'n/a'} ms`;
for (const [name, c] of Object.entries(compiles)) {
  const how = name === 'liftoff' ? 'Liftoff only, as veredicto run when its workers fill the cores' : 'dynamic tiering, as when a core is left free';
  if (c.error) {
    line(`  warm compile (${how}): not measured (${c.error})`);
    continue;
  }
  const [first, ...warm] = c.compiles;
  const w = median(warm.map((x) => x.ms));
  const part = (k) => median(warm.map((x) => x.parts[k] ?? 0));
  line(`  warm compile of a typical solution (iostream, vector, algorithm, string; ${how}): median ${ms(w)} of ${warm.length} (target <= ${TARGET_COMPILE_MS} ms: ${w <= TARGET_COMPILE_MS ? 'met' : 'NOT met'}); the program then ran in ${ms(median(warm.map((x) => x.runMs)))}`);
  if (nativeCompiles.length) line(`    native g++ -O1 compiling the same program just after: median ${ms(median(nativeCompiles))} (clang for WebAssembly warm / g++ in the same minutes: ${(w / median(nativeCompiles)).toFixed(1)}x)`);
  line(`    a new worker: clang's modules loaded in ${ms(c.loadMs)}, then its first compile ${ms(first.ms)} (throw runtime ${ms(first.parts.runtime)}, headers precompiled ${ms(first.parts.headers)}, program ${ms(first.parts.program)}); warm compiles use the precompiled headers (program ${ms(part('program'))})`);
}
line(`  ${rows.length} HumanEval-X-shaped C++ tasks (all with one include set, so each worker precompiles it once; HumanEval-X's own prompts have several) through veredicto run: median ${(median(engine) / 1000).toFixed(1)} s wall of ${engine.length}${engineFailed ? `; WARNING ${engineFailed} not passed` : ''}`);
if (hasGpp) {
  const ratio = median(engine) / median(native);
  line(`  native g++ -O1 compile and run, ${WORKERS} at a time: median ${(median(native) / 1000).toFixed(1)} s${nativeFailed ? `; WARNING ${nativeFailed} failed` : ''}`);
  line(`  HumanEval-X C++ ratio, veredicto run / native g++ -O1, both ${WORKERS} at a time: ${ratio.toFixed(2)}x (target <= ${TARGET_RATIO}x: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})`);
} else line('  native baseline skipped: g++ is not installed (apt-get install -y g++)');
process.stdout.write(`${lines.join('\n')}\n`);
