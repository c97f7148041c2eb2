#!/usr/bin/env node
// The runtimes' own speed, with no sandbox around them: the floor under Veredicto's eval time.
// Runs the native baselines' loops inside the runtimes themselves, one process, in-process:
//  - Python: native_python.py's loop (exec of prompt + solution and of the test in fresh globals,
//    then check(entry_point)) run by Pyodide, loaded as the sandbox loads it;
//  - JavaScript: native_vm.mjs's loop with a fresh QuickJS context per task instead of a vm context.
// One warm-up pass, then `--repeat` timed passes, as the native baselines do. Run Python with
// the flags the sandbox uses (see bench/run.js). Prints one JSON document.
// usage: node [--liftoff-only] bench/raw_runtimes.mjs python|javascript FILE [--repeat 3]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
let repeat = 3;
const r = args.indexOf('--repeat');
if (r >= 0) repeat = Number(args.splice(r, 2)[1]);
const [language, file] = args;
const rows = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const { PYODIDE_DIR, QUICKJS_CORE_DIR, QUICKJS_VARIANT_DIR } = await import(path.join(root, 'build/node/sandbox/node/paths.js'));

let totals;
let failures;
if (language === 'python') {
  const { loadPyodide } = await import(`${PYODIDE_DIR}/pyodide.mjs`);
  const py = await loadPyodide({ indexURL: `${PYODIDE_DIR}/`, jsglobals: {}, fullStdLib: false });
  py.globals.set('ROWS', JSON.stringify(rows));
  py.globals.set('REPEAT', repeat);
  const out = py.runPython(`
import json, time
rows = json.loads(ROWS)
def run_one(row):
    g = {'__name__': '__main__'}
    exec(compile(row['prompt'] + row['canonical_solution'], 'solution.py', 'exec'), g)
    exec(compile(row['test'], 'test.py', 'exec'), g)
    g['check'](g[row['entry_point']])
def one_pass():
    failures = []
    started = time.perf_counter()
    for row in rows:
        try:
            run_one(row)
        except BaseException as e:
            failures.append({'taskId': row['task_id'], 'error': f'{type(e).__name__}: {e}'[:300]})
    return (time.perf_counter() - started) * 1000, failures
_, failures = one_pass()
json.dumps({'totals': [one_pass()[0] for _ in range(REPEAT)], 'failures': failures})
`);
  ({ totals, failures } = JSON.parse(out));
} else {
  const core = await import(`${QUICKJS_CORE_DIR}/dist/index.mjs`);
  const variant = (await import(`${QUICKJS_VARIANT_DIR}/dist/index.mjs`)).default;
  const QuickJS = await core.newQuickJSWASMModuleFromVariant(variant);
  const runOne = (row) => {
    const ctx = QuickJS.newContext();
    try {
      // The same recording console.assert as the native loop, written in the guest.
      const result = ctx.evalCode(
        `const __failed = []; globalThis.console = { assert: (ok, ...m) => { if (!ok) __failed.push(m.join(' ') || 'Assertion failed') }, log() {}, error() {} };\n` +
          `${row.prompt}${row.canonical_solution}${row.test}\n;__failed.join('; ')`,
        'program.js',
      );
      const failed = ctx.dump(ctx.unwrapResult(result));
      if (failed) throw new Error(`console.assert failed: ${failed}`);
    } finally {
      ctx.dispose();
    }
  };
  const onePass = () => {
    const found = [];
    const started = performance.now();
    for (const row of rows) {
      try {
        runOne(row);
      } catch (e) {
        found.push({ taskId: row.task_id, error: String(e?.message ?? e).slice(0, 300) });
      }
    }
    return [performance.now() - started, found];
  };
  [, failures] = onePass();
  totals = Array.from({ length: repeat }, () => onePass()[0]);
}
process.stdout.write(`${JSON.stringify({ language, tasks: rows.length, totalMs: +median(totals).toFixed(3), runsMs: totals.map((t) => +t.toFixed(3)), failures })}\n`);
