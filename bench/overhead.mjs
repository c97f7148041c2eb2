#!/usr/bin/env node
// Engine overhead probes, driving the sandbox directly (build/node must be built):
//  - per-solution overhead: a trivial task evaluated many times in a pool of one, comparing the
//    round trip seen by the host with the test's own durationMs (measured inside the worker);
//  - warm-up: the same real task evaluated repeatedly in a fresh worker, to show how long the
//    runtime takes to reach its steady speed;
//  - start-up: time until a fresh sandbox process is ready (child-reported and host-observed);
//  - restart: time to replace a worker killed at a deadline (the `restarted` event);
//  - reset (Python): what putting the interpreter back costs per solution, in place or as a fresh runtime.
// Prints one JSON document. usage: node bench/overhead.mjs [--reps 3] [--trivial 60]
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { nodeSandbox } = await import(path.join(root, 'build/node/sandbox/node/spawn.js'));

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const reps = option('--reps', 3);
const trivialCount = option('--trivial', 60);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length ? (s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) : NaN;
};
const r2 = (x) => Math.round(x * 100) / 100;

const task = (id, language, test, entryPoint, timeMs) => ({
  id,
  schemaVersion: 1,
  title: { en: id },
  prompt: { en: id },
  entryPoint,
  tests: [{ kind: 'code', name: 'check', hidden: false, code: { [language]: test }, ...(language === 'python' ? { check: 'check', entryPoint } : {}) }],
  solutions: [],
  tags: [],
  ...(timeMs ? { limits: { timeMs } } : {}),
});

const TRIVIAL = {
  python: {
    task: task('trivial-py', 'python', 'def check(candidate):\n    assert candidate(2) == 3\n', 'f'),
    solution: { id: 's', label: 's', language: 'python', code: 'def f(x):\n    return x + 1\n' },
  },
  javascript: {
    task: task('trivial-js', 'javascript', 'console.assert(f(2) === 3)\n', 'f'),
    solution: { id: 's', label: 's', language: 'javascript', code: 'const f = (x) => x + 1;\n' },
  },
};

// A real bench-sized piece of work, the same in both languages (sieve below 8000).
const SIEVE = {
  python: {
    task: task('sieve-py', 'python', 'def check(candidate):\n    assert candidate(8000) == 1007\n', 'count_primes'),
    solution: {
      id: 's',
      label: 's',
      language: 'python',
      code: 'def count_primes(n):\n    sieve = [True] * n\n    sieve[0] = sieve[1] = False\n    i = 2\n    while i * i < n:\n        if sieve[i]:\n            for j in range(i * i, n, i):\n                sieve[j] = False\n        i += 1\n    return sum(sieve)\n',
    },
  },
  javascript: {
    task: task('sieve-js', 'javascript', 'console.assert(countPrimes(8000) === 1007)\n', 'countPrimes'),
    solution: {
      id: 's',
      label: 's',
      language: 'javascript',
      code: 'const countPrimes = (n) => {\n  const sieve = new Array(n).fill(true);\n  sieve[0] = sieve[1] = false;\n  for (let i = 2; i * i < n; i++) if (sieve[i]) for (let j = i * i; j < n; j += i) sieve[j] = false;\n  return sieve.filter(Boolean).length;\n};\n',
    },
  },
};

async function perSolutionOverhead(language) {
  const sb = nodeSandbox({}, 1);
  try {
    await sb.warmUp([language]);
    const { task: t, solution } = TRIVIAL[language];
    for (let i = 0; i < 30; i++) await sb.evaluate(t, solution); // warm the path
    const roundTrips = [];
    const inWorker = [];
    let failed = 0;
    for (let i = 0; i < trivialCount; i++) {
      const t0 = performance.now();
      const r = await sb.evaluate(t, solution);
      roundTrips.push(performance.now() - t0);
      inWorker.push(r.tests[0].durationMs);
      if (r.verdict !== 'passed') failed++;
    }
    return { roundTripMs: r2(median(roundTrips)), testDurationMs: r2(median(inWorker)), outsideTestMs: r2(median(roundTrips) - median(inWorker)), failed };
  } finally {
    sb.close();
  }
}

/**
 * What resetting the interpreter costs per Python solution, in one pool of one: an ordinary
 * solution (its module state checked and put back), one that changes interpreter-wide settings
 * (limits, warnings, signals, umask: each put back), and one that gets the next solution a fresh
 * runtime (it introspects: the worker is replaced from the memory snapshot), timed together with
 * the ordinary solution after it, which waits for that runtime.
 */
async function resetCost(count = 20) {
  const sb = nodeSandbox({}, 1);
  const { task: t } = TRIVIAL.python;
  const sol = (code) => ({ id: 's', label: 's', language: 'python', code });
  const ordinary = sol('def f(x):\n    return x + 1\n');
  const settings = sol(
    'import sys, warnings, signal, os\nsys.set_int_max_str_digits(900)\nwarnings.simplefilter("error")\n' +
      'signal.signal(signal.SIGINT, signal.SIG_IGN)\nos.umask(0o077)\nsys.setrecursionlimit(500)\ndef f(x):\n    return x + 1\n',
  );
  const fresh = sol('def f(x):\n    return getattr(x, "real") + 1\n');
  // The first import of a module of the zipped standard library compiles it inside zipimport: put
  // back like any other import (modules a solution imported leave), no fresh runtime.
  const imports = sol('import fractions, decimal, statistics\ndef f(x):\n    return x + 1\n');
  try {
    await sb.warmUp(['python']);
    for (let i = 0; i < 10; i++) await sb.evaluate(t, ordinary);
    const times = { ordinary: [], settings: [], fresh: [], imports: [] };
    let failed = 0;
    for (let i = 0; i < count; i++) {
      for (const [name, s] of [['ordinary', ordinary], ['settings', settings]]) {
        const t0 = performance.now();
        if ((await sb.evaluate(t, s)).verdict !== 'passed') failed++;
        times[name].push(performance.now() - t0);
      }
      if (i % 4 === 0) {
        for (const [name, s] of [['fresh', fresh], ['imports', imports]]) {
          const t0 = performance.now();
          if ((await sb.evaluate(t, s)).verdict !== 'passed') failed++;
          if ((await sb.evaluate(t, ordinary)).verdict !== 'passed') failed++;
          times[name].push(performance.now() - t0);
        }
      }
    }
    const ordinaryMs = median(times.ordinary);
    return {
      ordinaryMs: r2(ordinaryMs),
      settingsMs: r2(median(times.settings)),
      settingsExtraMs: r2(median(times.settings) - ordinaryMs),
      freshRuntimeExtraMs: r2(median(times.fresh) - 2 * ordinaryMs),
      importsExtraMs: r2(median(times.imports) - 2 * ordinaryMs),
      failed,
    };
  } finally {
    sb.close();
  }
}

async function warmUpCurve(language, count = 40) {
  const sb = nodeSandbox({}, 1);
  try {
    await sb.warmUp([language]);
    const { task: t, solution } = SIEVE[language];
    const durations = [];
    for (let i = 0; i < count; i++) durations.push(r2((await sb.evaluate(t, solution)).tests[0].durationMs));
    return { first: durations.slice(0, 8), steadyMedianMs: r2(median(durations.slice(-15))) };
  } finally {
    sb.close();
  }
}

async function startUp(language) {
  const reported = [];
  const observed = [];
  for (let i = 0; i < reps; i++) {
    const sb = nodeSandbox({}, 1);
    const t0 = performance.now();
    reported.push(await sb.warmUp([language]));
    observed.push(performance.now() - t0);
    sb.close();
  }
  return { childReportedMs: r2(median(reported)), hostObservedMs: r2(median(observed)), runs: observed.map(r2) };
}

async function restart(language) {
  const times = [];
  const verdictMs = [];
  const statuses = [];
  let pending;
  const sb = nodeSandbox({ restarted: (lang, ms) => pending?.(ms) }, 1);
  try {
    await sb.warmUp([language]);
    const t =
      language === 'python'
        ? task('spin-py', 'python', 'def check(candidate):\n    candidate()\n', 'spin', 300)
        : task('spin-js', 'javascript', 'spin()\n', 'spin', 300);
    const solution =
      language === 'python'
        ? { id: 's', label: 's', language, code: 'def spin():\n    while True:\n        pass\n' }
        : { id: 's', label: 's', language, code: "const spin = () => /^(a+)+$/.test('a'.repeat(40) + 'b');\n" };
    // Python: the host stops `while True: pass` at the deadline and replaces the worker. JavaScript:
    // QuickJS's interrupt stops an ordinary loop by itself (no restart), so a catastrophic regex,
    // which the interrupt cannot reach, makes the host kill and replace the worker instead.
    for (let i = 0; i < reps; i++) {
      const restarted = new Promise((resolve) => (pending = resolve));
      const t0 = performance.now();
      const r = await sb.evaluate(t, solution);
      verdictMs.push(performance.now() - t0);
      const ms = await Promise.race([restarted, new Promise((resolve) => setTimeout(() => resolve(null), 3000))]);
      statuses.push(r.tests[0].status);
      if (ms === null) break; // the runtime stopped the code itself: no worker was replaced
      times.push(r2(ms));
    }
    return { restartMs: times, medianMs: r2(median(times)), timeoutVerdictMs: r2(median(verdictMs)), statuses };
  } finally {
    sb.close();
  }
}

const out = {};
for (const language of ['python', 'javascript']) {
  out[language] = {
    startUp: await startUp(language),
    restart: await restart(language),
    perSolution: await perSolutionOverhead(language),
    warmUp: await warmUpCurve(language),
    ...(language === 'python' ? { reset: await resetCost() } : {}),
  };
}
console.log(JSON.stringify(out));
