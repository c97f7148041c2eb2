// Performance tests through the real sandbox and the real command line: a quadratic solution is
// flagged over budget against a linear reference, a linear one is not, in both languages, and
// `veredicto run` prints and exports the times. Only ratios far from the budget are asserted
// (quadratic against linear on thousands of values is hundreds of times slower), never a time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { veredicto, type RunReport } from './cliRunner.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veredicto-performance-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const LINEAR_JS = 'function hasDuplicate(xs) {\n  const seen = new Set();\n  for (const x of xs) {\n    if (seen.has(x)) return true;\n    seen.add(x);\n  }\n  return false;\n}\n';
const QUADRATIC_JS = 'function hasDuplicate(xs) {\n  for (let i = 0; i < xs.length; i++)\n    for (let j = i + 1; j < xs.length; j++) if (xs[i] === xs[j]) return true;\n  return false;\n}\n';
const LINEAR_PY = 'def has_duplicate(xs):\n    seen = set()\n    for x in xs:\n        if x in seen:\n            return True\n        seen.add(x)\n    return False\n';
const QUADRATIC_PY = 'def has_duplicate(xs):\n    for i in range(len(xs)):\n        for j in range(i + 1, len(xs)):\n            if xs[i] == xs[j]:\n                return True\n    return False\n';

// Distinct values: the quadratic solution compares every pair (4.5 million in JavaScript, 2 million in Python).
const task = {
  schemaVersion: 1,
  id: 'has-duplicate',
  title: { en: 'Has a duplicate', 'es-CL': 'Tiene un repetido' },
  prompt: { en: 'Return whether a value appears twice.', 'es-CL': 'Retorna si algún valor aparece dos veces.' },
  entryPoint: { javascript: 'hasDuplicate', python: 'has_duplicate' },
  tests: [
    { name: 'small', kind: 'call', args: [[1, 2, 1]], expected: true },
    {
      name: 'thousands of distinct values',
      kind: 'code',
      performance: { budget: 3, size: { en: '3,000 values (Python: 2,000)', 'es-CL': '3.000 valores (Python: 2.000)' } },
      code: {
        javascript: 'const xs = Array.from({ length: 3000 }, (_, i) => i);\nconsole.assert(hasDuplicate(xs) === false);\n',
        python: 'assert has_duplicate(list(range(2000))) is False\n',
      },
    },
  ],
  solutions: [
    { id: 'js-set', label: 'JavaScript with a Set', language: 'javascript', code: LINEAR_JS },
    { id: 'js-pairs', label: 'JavaScript, every pair', language: 'javascript', code: QUADRATIC_JS },
    { id: 'py-set', label: 'Python with a set', language: 'python', code: LINEAR_PY },
    { id: 'py-pairs', label: 'Python, every pair', language: 'python', code: QUADRATIC_PY },
    { id: 'js-wrong', label: 'JavaScript, always true', language: 'javascript', code: 'const hasDuplicate = () => true;\n' },
  ],
  referenceSolution: { javascript: LINEAR_JS, python: LINEAR_PY },
  limits: { timeMs: 20_000 },
  tags: [],
};
const file = path.join(dir, 'has-duplicate.json');
fs.writeFileSync(file, JSON.stringify(task, null, 2));

type Timing = { ms: number; runs: number; budget: number; referenceMs?: number; ratio?: number; over: boolean };
type TimedReport = { results: (RunReport['results'][number] & { tests: { name: string; status: string; timing?: Timing }[] })[] };

describe('performance tests in veredicto run', () => {
  it('flags the quadratic solutions over budget against the linear reference, and not the linear ones', async () => {
    const r = await veredicto(['run', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as TimedReport;
    const timing = (id: string) => report.results.find((x) => x.solutionId === id)!.tests[1]!.timing;
    for (const id of ['js-pairs', 'py-pairs']) {
      const t = timing(id)!;
      expect(t, id).toMatchObject({ budget: 3, over: true });
      expect(t.ratio, id).toBeGreaterThan(3);
      expect(t.referenceMs, id).toBeGreaterThan(0);
    }
    for (const id of ['js-set', 'py-set']) {
      const t = timing(id)!;
      expect(t, id).toMatchObject({ budget: 3, over: false });
      expect(t.ratio, id).toBeLessThanOrEqual(3);
    }
    // Over budget is evidence beside the verdict: the slow solutions still pass.
    expect(report.results.find((x) => x.solutionId === 'js-pairs')!.verdict).toBe('passed');
    // A performance test a solution fails is failed as usual, with no time.
    const wrong = report.results.find((x) => x.solutionId === 'js-wrong')!.tests[1]!;
    expect(wrong.status).toBe('failed');
    expect(wrong.timing).toBeUndefined();
    // Tests that are not performance tests carry no timing.
    expect(report.results.every((x) => x.tests[0]!.timing === undefined)).toBe(true);
  });

  it('prints each solution\'s time beside the reference\'s in the summary, in Spanish with decimal commas', async () => {
    const r = await veredicto(['run', file, '--lang', 'es-CL']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const after = (label: string) => lines[lines.findIndex((l) => l.includes(label)) + 1] ?? '';
    expect(after('JavaScript, every pair')).toMatch(/^ {4}thousands of distinct values: [\d.,]+ m?s · ref\. [\d.,]+ m?s · [\d.,]+× \(tope 3×\) — sobre el tope$/);
    expect(after('Python, every pair')).toContain('— sobre el tope');
    expect(after('JavaScript with a Set')).toMatch(/^ {4}thousands of distinct values: [\d.,]+ ms · ref\. [\d.,]+ ms · \d,\d× \(tope 3×\)$/);
  });

  it('veredicto check warns of a performance test too small to time, in the user\'s language, and the warning never fails the check', async () => {
    // The same task with its performance test on three values: whatever the machine's load, a
    // warning may only name a performance test, and never turns the exit status into a failure.
    const tiny = { ...task, id: 'tiny-duplicate', tests: [task.tests[0], { ...task.tests[1], name: 'three values', code: { javascript: 'console.assert(hasDuplicate([1, 2, 3]) === false);\n', python: 'assert has_duplicate([1, 2, 3]) is False\n' } }] };
    const tinyFile = path.join(dir, 'tiny-duplicate.json');
    fs.writeFileSync(tinyFile, JSON.stringify(tiny, null, 2));
    const json = await veredicto(['check', tinyFile, '--json']);
    expect(json.code, json.stdout + json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as { problems: string[]; warnings: string[] };
    expect(report.problems).toEqual([]);
    for (const w of report.warnings) expect(w).toMatch(/^tiny-duplicate: warning: .*“three values”/);
    const es = await veredicto(['check', tinyFile, '--lang', 'es-CL']);
    expect(es.code, es.stdout + es.stderr).toBe(0);
    for (const line of es.stdout.split('\n').filter((l) => l.includes('advertencia'))) expect(line).toMatch(/^tiny-duplicate: advertencia: la solución de referencia \((JavaScript|Python)\) aprueba la prueba de rendimiento «three values» en [\d,]+ ms, menos de 5 ms/);
  });
});
