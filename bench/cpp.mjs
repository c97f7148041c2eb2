#!/usr/bin/env node
// C++ speed figures for `npm run bench` (also runnable alone): a warm compile of a typical solution
// with clang for WebAssembly, and a HumanEval-X-shaped C++ set through `veredicto run` against
// native `g++ -O1` compile-and-run of the same programs at the same parallelism, both in this run.
// Native g++ is only the baseline here: the product never uses it. Prints lines of a report on
// stdout; nothing is asserted. Options: --tasks N (default 164, HumanEval-X's size), --reps N.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TYPICAL_CPP } from './cppSource.mjs';

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

/** Warm compiles of one typical solution with clang for WebAssembly, in this process (no sandbox). */
async function warmCompile() {
  const clang = await import(path.join(root, 'node_modules', '@yowasp', 'clang', 'gen', 'bundle.js'));
  await clang.runLLVM(undefined, {}, { fetchProgress: () => {} });
  const source = TYPICAL_CPP;
  const flags = ['-std=c++17', '-O1', '-w', '-fno-exceptions', 'a.cpp', '-o', 'a.wasm'];
  const times = [];
  for (let i = 0; i <= REPS; i++) {
    const t = performance.now();
    clang.commands['clang++'](flags, { 'a.cpp': `${source}// ${i}\n` }, { synchronously: true, stdout: () => {}, stderr: () => {} });
    if (i > 0) times.push(performance.now() - t); // the first compile instantiates clang: not warm
  }
  return times;
}

const lines = [];
const line = (s = '') => lines.push(s);
const hasGpp = spawnSync('g++', ['--version']).status === 0;
const loadAtStart = os.loadavg()[0];
const compiles = await warmCompile();
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

const warm = median(compiles);
line(`C++ (clang for WebAssembly, -O1; ${WORKERS} workers; load average ${loadAtStart.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at the end)`);
line(`  warm compile of a typical solution (iostream, vector, sort): median ${warm.toFixed(0)} ms of ${compiles.length} (target <= ${TARGET_COMPILE_MS} ms: ${warm <= TARGET_COMPILE_MS ? 'met' : 'NOT met'})`);
line(`  ${rows.length} HumanEval-X-shaped C++ tasks through veredicto run: median ${(median(engine) / 1000).toFixed(1)} s wall of ${engine.length}${engineFailed ? `; WARNING ${engineFailed} not passed` : ''}`);
if (hasGpp) {
  const ratio = median(engine) / median(native);
  line(`  native g++ -O1 compile and run, ${WORKERS} at a time: median ${(median(native) / 1000).toFixed(1)} s${nativeFailed ? `; WARNING ${nativeFailed} failed` : ''}`);
  line(`  veredicto run / native: ${ratio.toFixed(2)}x (target <= ${TARGET_RATIO}x: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})`);
} else line('  native baseline skipped: g++ is not installed (apt-get install -y g++)');
process.stdout.write(`${lines.join('\n')}\n`);
