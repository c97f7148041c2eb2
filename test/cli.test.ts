// The command line as a user meets it: help in both languages, exit codes, messages that name
// file, line and field, every input shape, and check. Real runtimes throughout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, veredicto, type RunReport } from './cliRunner.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veredicto-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, content: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
};

const task = (over: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  id: 'add-two',
  title: { en: 'Add two numbers', 'es-CL': 'Sumar dos números' },
  prompt: { en: 'Return `a + b`.', 'es-CL': 'Retorna `a + b`.' },
  entryPoint: { python: 'add', javascript: 'add' },
  tests: [
    { name: 'small', kind: 'call', args: [1, 2], expected: 3 },
    { name: 'negative', kind: 'call', args: [-5, 2], expected: -3, hidden: true },
    { name: 'floats', kind: 'call', args: [0.1, 0.2], expected: 0.3 },
    { name: 'asserts', kind: 'code', code: { python: 'assert add(2, 2) == 4', javascript: 'console.assert(add(2, 2) === 4)' } },
  ],
  solutions: [
    { id: 'py-right', label: 'Python, right', language: 'python', code: 'def add(a, b):\n    return a + b\n' },
    { id: 'py-wrong', label: 'Python, wrong', language: 'python', code: 'def add(a, b):\n    return a - b\n' },
    { id: 'js-right', label: 'JavaScript, right', language: 'javascript', code: 'function add(a, b) { return a + b }' },
    { id: 'js-loops', label: 'JavaScript, loops', language: 'javascript', code: 'const add = (a, b) => { for (;;) {} }' },
  ],
  referenceSolution: { python: 'def add(a, b):\n    return a + b\n', javascript: 'const add = (a, b) => a + b' },
  tags: ['arithmetic'],
  difficulty: 'easy',
  ...over,
});

describe('help', () => {
  it('explains every command in English', async () => {
    const r = await veredicto(['--help']);
    expect(r.code).toBe(0);
    for (const s of ['Usage: veredicto', 'run <file|folder>', 'check <file|folder>', '--samples', '--keep-canonical', '--json', '--lang', '--timeout-ms']) expect(r.stdout).toContain(s);
  });

  it('follows the system locale, and --lang wins over it', async () => {
    const es = await veredicto(['--help'], { LANG: 'es_CL.UTF-8' });
    expect(es.stdout).toContain('Uso: veredicto');
    expect(es.stdout).toContain('archivo');
    const en = await veredicto(['--help', '--lang', 'en'], { LANG: 'es_CL.UTF-8' });
    expect(en.stdout).toContain('Usage: veredicto');
  });

  it('refuses unknown options and commands with exit code 2', async () => {
    const a = await veredicto(['run', '--frobnicate']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('--frobnicate');
    const b = await veredicto(['launch'], { LANG: 'es_CL.UTF-8' });
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('comando desconocido');
  });
});

describe('bad input', () => {
  it('names file, line and field of a schema problem, in the chosen language', async () => {
    const t = task();
    (t.tests[1] as Record<string, unknown>).args = 'not a list';
    const file = write('bad-field.json', t);
    const lineOfArgs = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('"not a list"')) + 1;
    const r = await veredicto(['run', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}, line ${lineOfArgs}: tests[1].args`);
    const es = await veredicto(['run', file, '--lang', 'es-CL']);
    expect(es.stderr).toContain(`${file}, línea ${lineOfArgs}: tests[1].args`);
  });

  it('reports every problem, including unknown top-level fields', async () => {
    const file = write('many.json', { ...task(), colour: 'red', difficulty: 'impossible' });
    const r = await veredicto(['run', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('colour');
    expect(r.stderr).toContain('difficulty');
  });

  it('gives the line of broken JSON, and refuses absurd nesting before parsing', async () => {
    const broken = write('broken.json', '{\n  "schemaVersion": 1,\n  "id": "x",\n  oops\n}');
    const r = await veredicto(['run', broken]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.json, line 4, column 3: not valid JSON/);
    const deep = write('deep.json', '['.repeat(200_000) + ']'.repeat(200_000));
    const d = await veredicto(['check', deep]);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('nested more than');
  });

  it('refuses files over 5 MB without reading them', async () => {
    const big = write('big.json', `{"pad": "${'x'.repeat(5 * 1024 * 1024 + 10)}"}`);
    const r = await veredicto(['run', big]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('files over 5 MB are refused');
  });

  it('names the line of a dataset row of unknown shape', async () => {
    const file = write('odd.jsonl', `${JSON.stringify({ task_id: 'a/1', prompt: 'def f():\n', canonical_solution: '  return 1\n', test: 'def check(c): pass', entry_point: 'f' })}\n{"question": 1}\n`);
    const r = await veredicto(['run', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('odd.jsonl, line 2');
  });
});

describe('run', () => {
  it('prints the documented JSON and gives each solution its verdict', async () => {
    const file = write('add-two.json', task());
    const r = await veredicto(['run', file, '--json', '--timeout-ms', '1000']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as RunReport;
    expect(report.timings.runtimeLoadMs).toBeGreaterThan(0);
    expect(report.timings.evalMs).toBeGreaterThan(0);
    const verdicts = Object.fromEntries(report.results.map((x) => [x.solutionId, x.verdict]));
    expect(verdicts).toEqual({ 'py-right': 'passed', 'py-wrong': 'failed', 'js-right': 'passed', 'js-loops': 'timeout' });
    const wrong = report.results.find((x) => x.solutionId === 'py-wrong')!;
    expect(wrong.tests.map((t) => [t.name, t.status, t.hidden])).toEqual([
      ['small', 'failed', false],
      ['negative', 'failed', true],
      ['floats', 'failed', false],
      ['asserts', 'failed', false],
    ]);
    expect(wrong.tests[0]!.message).toBe('expected 3, got -1');
    for (const t of wrong.tests) expect(typeof t.durationMs).toBe('number');
  });

  it('prints a localized summary', async () => {
    const file = write('add-two-summary.json', task({ solutions: task().solutions.slice(0, 2) }));
    const r = await veredicto(['run', file, '--lang', 'es-CL']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tarea add-two: Sumar dos números');
    expect(r.stdout).toContain('Python, right (Python): aprobada, 4 de 4 pruebas aprobadas');
    expect(r.stdout).toContain('negative (oculta): fallida — se esperaba -3 y se obtuvo -7');
  });

  it('runs stdio programs in both languages', async () => {
    const file = write('echo-sum.json', {
      schemaVersion: 1,
      id: 'echo-sum',
      title: { en: 'Sum of a line' },
      prompt: { en: 'Read numbers, print their sum.' },
      tests: [
        { name: 'three', kind: 'stdio', stdin: '1 2 3\n', expectedStdout: '6\n' },
        { name: 'trailing spaces ignored', kind: 'stdio', stdin: '5\n', expectedStdout: '5   \n\n' },
      ],
      solutions: [
        { id: 'py', label: 'py', language: 'python', code: 'print(sum(map(int, input().split())))' },
        { id: 'js-fs', label: 'js fs', language: 'javascript', code: "const s = require('fs').readFileSync(0, 'utf8'); console.log(s.trim().split(/\\s+/).map(Number).reduce((a, b) => a + b, 0))" },
        { id: 'js-rl', label: 'js readline', language: 'javascript', code: "const rl = require('readline').createInterface({ input: process.stdin }); let t = 0; rl.on('line', (l) => { for (const x of l.split(' ')) t += +x }); rl.on('close', () => console.log(t))" },
        { id: 'py-off', label: 'py off by one', language: 'python', code: 'print(sum(map(int, input().split())) + 1)' },
      ],
      tags: [],
    });
    const r = await veredicto(['run', file, '--json']);
    const report = JSON.parse(r.stdout) as RunReport;
    expect(Object.fromEntries(report.results.map((x) => [x.solutionId, x.verdict]))).toEqual({ py: 'passed', 'js-fs': 'passed', 'js-rl': 'passed', 'py-off': 'failed' });
    expect(report.results[3]!.tests[0]!.message).toContain('line 1');
  });

  it('reads HumanEval with a samples file: samples replace the canonical solution', async () => {
    const data = write(
      'he.jsonl',
      [
        { task_id: 'T/0', prompt: 'def inc(x):\n    """Add one."""\n', canonical_solution: '    return x + 1\n', test: 'def check(candidate):\n    assert candidate(1) == 2\n    assert candidate(-1) == 0\n', entry_point: 'inc', source: 'kept' },
        { task_id: 'T/1', prompt: 'def dbl(x):\n', canonical_solution: '    return 2 * x\n', test: 'def check(candidate):\n    assert candidate(3) == 6\n', entry_point: 'dbl' },
      ].map((x) => JSON.stringify(x)).join('\n'),
    );
    const samples = write('samples.jsonl', [{ task_id: 'T/0', completion: '    return x + 1\n' }, { task_id: 'T/0', completion: '    return x\n' }].map((x) => JSON.stringify(x)).join('\n'));
    const r = await veredicto(['run', data, '--samples', samples, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as RunReport;
    expect(report.results.map((x) => [x.taskId, x.solutionId, x.verdict])).toEqual([
      ['T/0', 'sample-1', 'passed'],
      ['T/0', 'sample-2', 'failed'],
      ['T/1', 'canonical', 'passed'],
    ]);
    // The failing sample's assert, with the values it compared, in the text output (issue 12).
    const text = await veredicto(['run', data, '--samples', samples, '--lang', 'es-CL']);
    expect(text.stdout).toContain('falló la aserción assert candidate(1) == 2: izquierda 1, derecha 2 (== no se cumple)');
    // The labels the reader made up are said in Spanish, and the totals read as a tally.
    expect(text.stdout).toContain('Muestra 2 (Python): fallida');
    expect(text.stdout).toContain('Solución canónica (Python): aprobada');
    expect(text.stdout).not.toMatch(/canonical_solution|sample \d/);
    expect(text.stdout).toContain('3 soluciones (tareas: 2): aprobada: 2, fallida: 1');
    // --keep-canonical: the samples join the canonical solution.
    const kept = JSON.parse((await veredicto(['run', data, '--samples', samples, '--keep-canonical', '--json'])).stdout) as RunReport;
    expect(kept.results.filter((x) => x.taskId === 'T/0').map((x) => x.solutionId)).toEqual(['canonical', 'sample-1', 'sample-2']);
    const unknown = write('samples-bad.jsonl', JSON.stringify({ task_id: 'T/9', completion: 'x' }));
    const bad = await veredicto(['run', data, '--samples', unknown]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('samples-bad.jsonl, line 1');
  });

  it('reads MBPP: each assertion is one test', async () => {
    const data = write('mbpp.jsonl', JSON.stringify({ task_id: 11, text: 'Remove first and last occurrence of a char.', code: 'def remove_occ(s, ch):\n    return s.replace(ch, "", 1)[::-1].replace(ch, "", 1)[::-1]\n', test_list: ['assert remove_occ("hello","l") == "heo"', 'assert remove_occ("abcda","a") == "bcd"', 'assert remove_occ("PHP","P") == "H"'], test_setup_code: '', challenge_test_list: [] }));
    const r = await veredicto(['run', data, '--json']);
    const report = JSON.parse(r.stdout) as RunReport;
    expect(report.results[0]!.taskId).toBe('11');
    expect(report.results[0]!.tests.map((t) => t.status)).toEqual(['passed', 'passed', 'passed']);
  });
});

describe('check', () => {
  // Checking the bundled tasks compiles every C++ reference (a few seconds each, far more on a loaded machine).
  it('accepts the bundled tasks', async () => {
    const r = await veredicto(['check', path.join(ROOT, 'tasks')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ tasks checked: no problems/);
  }, 900_000);

  it('lists a reference solution that fails and a test that is not deterministic, with exit 1', async () => {
    const t = task({
      referenceSolution: { python: 'import random\ndef add(a, b):\n    return a + b if a != 2 else random.randint(0, 10**9)\n' },
      solutions: task().solutions.slice(0, 1),
    });
    const file = write('flaky.json', t);
    const r = await veredicto(['check', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('add-two: the reference solution (python) does not pass test “asserts”');
    expect(r.stdout).toMatch(/\d+ problems? found \(tasks checked: 1\)/);
  });

  it('asks for the task id to be the file name', async () => {
    const file = write('not-the-id.json', task({ solutions: task().solutions.slice(0, 1) }));
    const r = await veredicto(['check', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}: the task id “add-two” should be the file name`);
  });

  it('flags a test whose result changes between runs', async () => {
    const t = task({
      tests: [{ name: 'coin', kind: 'code', code: { python: 'import random\nassert random.random() < 0.5' } }],
      referenceSolution: { python: 'def add(a, b):\n    return a + b\n' },
      solutions: task().solutions.slice(0, 1),
    });
    const file = write('coin.json', t);
    // A coin flip agrees with itself on two runs half of the time: try until it does not.
    let flagged = false;
    for (let i = 0; i < 8 && !flagged; i++) flagged = (await veredicto(['check', file])).stdout.includes('gave different results on two runs');
    expect(flagged).toBe(true);
  });
});

describe('check --mutants', () => {
  // Weak on purpose: nothing tells `x < limit` from `x <= limit`.
  const below = (extraTests: unknown[] = [], over: Record<string, unknown> = {}) => ({
    schemaVersion: 1,
    id: 'below',
    title: { en: 'Below the limit', 'es-CL': 'Bajo el límite' },
    prompt: { en: 'Is `x` below `limit`?', 'es-CL': '¿Está `x` bajo `limit`?' },
    entryPoint: 'below',
    tests: [{ name: 'far below', kind: 'call', args: [1, 10], expected: true }, ...extraTests],
    solutions: [],
    referenceSolution: { python: 'def below(x, limit):\n    return x < limit\n', javascript: 'const below = (x, limit) => x - limit < 0;\n' },
    tags: [],
    ...over,
  });
  const atTheLimit = { name: 'at the limit', kind: 'call', args: [10, 10], expected: false };
  type MutantsReport = {
    tasks: number;
    problems: string[];
    mutants: { taskId: string; language: string; total: number; killed: number; invalid: number; score: number | null; timeLimitMs: number; survivors: { id: string; operator: string; line: number; original: string; replacement: string; diff: string }[] }[];
  };

  it('shows the mutation score and each surviving mutant as a diff, and still passes', async () => {
    const file = write('below.json', below());
    const r = await veredicto(['check', '--mutants', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('below (Python): mutation score: 1/2 (50 %), time limit per test 2.00 s');
    expect(r.stdout).toContain('below (JavaScript): mutation score: 1/4 (25 %)');
    expect(r.stdout).toContain('Surviving mutant comparison-flip:2:14: comparison changed, line 2\n    -     return x < limit\n    +     return x <= limit');
    expect(r.stdout).toContain('add a test that the reference solution passes and the mutant fails');
    expect(r.stdout).toMatch(/1 task checked: no problems/);

    const es = await veredicto(['check', '--mutants', file, '--lang', 'es-CL']);
    expect(es.code).toBe(0);
    expect(es.stdout).toContain('below (Python): puntaje de mutación: 1/2 (50 %), tiempo límite por prueba 2,00 s');
    expect(es.stdout).toContain('Mutante sobreviviente comparison-flip:2:14: comparación cambiada, línea 2');
  });

  it('prints the survivors in JSON; the test that kills them raises the score', async () => {
    const weak = JSON.parse((await veredicto(['check', '--mutants', '--json', write('below.json', below())])).stdout) as MutantsReport;
    expect(weak.problems).toEqual([]);
    const python = weak.mutants.find((m) => m.language === 'python')!;
    expect(python).toEqual({
      taskId: 'below',
      language: 'python',
      total: 2,
      killed: 1,
      invalid: 0,
      score: 0.5,
      timeLimitMs: 2000,
      survivors: [{ id: 'comparison-flip:2:14', operator: 'comparison-flip', line: 2, original: '<', replacement: '<=', diff: '@@ -2,1 +2,1 @@\n-    return x < limit\n+    return x <= limit' }],
    });
    const js = weak.mutants.find((m) => m.language === 'javascript')!;
    expect([js.total, js.killed, js.score]).toEqual([4, 1, 0.25]);

    const strong = JSON.parse((await veredicto(['check', '--mutants', '--json', write('below.json', below([atTheLimit]))])).stdout) as MutantsReport;
    const python2 = strong.mutants.find((m) => m.language === 'python')!;
    expect([python2.killed, python2.score, python2.survivors]).toEqual([2, 1, []]);
    const js2 = strong.mutants.find((m) => m.language === 'javascript')!;
    expect([js2.killed, js2.score]).toEqual([3, 0.75]);
    expect(js2.survivors.map((s) => s.diff)).toEqual(['@@ -1,1 +1,1 @@\n-const below = (x, limit) => x - limit < 0;\n+const below = (x, limit) => x - limit < -1;']);
  });

  it('--min-mutation-score fails a task that scores below it, in the chosen language', async () => {
    const file = write('below.json', below());
    const r = await veredicto(['check', file, '--min-mutation-score', '40']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('below (JavaScript): the mutation score, 25 %, is below the minimum of 40 %');
    expect(r.stdout).not.toContain('below (Python): the mutation score');
    const es = await veredicto(['check', file, '--min-mutation-score=40', '--lang', 'es-CL', '--json']);
    expect(es.code).toBe(1);
    expect((JSON.parse(es.stdout) as MutantsReport).problems).toEqual(['below (JavaScript): el puntaje de mutación, 25 %, está bajo el mínimo de 40 %']);
    const ok = await veredicto(['check', write('below.json', below([atTheLimit])), '--min-mutation-score', '75']);
    expect(ok.code).toBe(0);
    const bad = await veredicto(['check', file, '--min-mutation-score', '101']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('option --min-mutation-score needs a number from 0 to 100');
  });

  it('kills a mutant that loops by the time limit, and says which limit', async () => {
    const file = write('count-up.json', {
      ...below(),
      id: 'count-up',
      entryPoint: 'countUp',
      tests: [{ name: 'five', kind: 'call', args: [5], expected: 5 }],
      referenceSolution: { javascript: 'function countUp(n) {\n  let i = 0;\n  while (i < n) i++;\n  return i;\n}\n' },
      limits: { timeMs: 1000 },
    });
    const r = await veredicto(['check', '--mutants', '--json', file]);
    expect(r.code).toBe(0);
    const report = (JSON.parse(r.stdout) as MutantsReport).mutants[0]!;
    expect(report.timeLimitMs).toBe(1000);
    // `i--` never reaches n: killed by the time-out. Starting from 1 or -1 still counts up to 5.
    expect([report.total, report.killed]).toEqual([5, 3]);
    expect(report.survivors.map((s) => s.replacement)).toEqual(['1', '-1']);
  });

  it('does not run the mutants of a reference whose test gives different results on two runs, as the editor does not', async () => {
    // The call passes both times, but its output differs: the test is not deterministic.
    const noisy = below([], { referenceSolution: { python: 'import random\ndef below(x, limit):\n    print(random.random())\n    return x < limit\n' } });
    const r = await veredicto(['check', '--mutants', '--json', write('below.json', noisy)]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as MutantsReport & { mutants: { skipped?: string }[] };
    expect(report.problems.some((p) => p.includes('gave different results on two runs'))).toBe(true);
    expect(report.mutants).toHaveLength(1);
    expect(report.mutants[0]).toMatchObject({ language: 'python', skipped: 'reference-fails', total: 0 });
  });

  it('is in the help, in both languages', async () => {
    const en = await veredicto(['--help']);
    expect(en.stdout).toContain('--mutants');
    expect(en.stdout).toContain('--min-mutation-score N');
    const es = await veredicto(['--help', '--lang', 'es-CL']);
    expect(es.stdout).toContain('puntaje de mutación');
  });
});
