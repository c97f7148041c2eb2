import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluationReducer, newEvaluation, type Evaluation, type EvaluationAction } from '../domain/evaluation.js';
import type { Task } from '../domain/task.js';
import {
  csvCell,
  EVALUATION_FORMAT,
  fromEvaluationsJsonl,
  readEvaluationLines,
  MAX_IMPORT_BYTES,
  MAX_LISTED_PROBLEMS,
  toCsv,
  EXCEL_DECIMAL_COMMA,
  toEvaluationsJsonl,
  toPreferencePairsJsonl,
  type ImportProblem,
} from './evaluations.js';

const T0 = '2026-03-01T12:00:00.000Z';
const T1 = '2026-03-01T12:30:00.000Z';

const task = (id: string, over: Partial<Task> = {}): Task => ({
  schemaVersion: 1,
  id,
  title: { en: `Add ${id}`, 'es-CL': `Sumar ${id}` },
  prompt: { en: 'Write add(a, b).', 'es-CL': 'Escribe add(a, b).' },
  entryPoint: 'add',
  tests: [{ kind: 'call', name: 't1', hidden: false, args: [1, 2], expected: 3 }],
  solutions: [
    { id: 'a', label: 'Model A', language: 'python', code: 'def add(a, b):\n    return a + b\n' },
    { id: 'b', label: 'Model B', language: 'python', code: 'def add(a, b):\n    return a - b\n' },
    { id: 'c', label: 'Model C', language: 'javascript', code: 'const add = (a, b) => a + b;' },
  ],
  tags: [],
  ...over,
});

const apply = (e: Evaluation, actions: EvaluationAction[], now = T0) => actions.reduce((x, a) => evaluationReducer(x, a, now), e);

/** A full evaluation: ties, scores, critiques in both locales, flags, own tests, results, a revision. */
function judged(taskId: string, ranks: Record<string, number>, submit = true): Evaluation {
  // Ranks as stored data may hold them (imported files need not be dense): set, not ranked one by one.
  const start = newEvaluation(taskId, 'es-CL', T0);
  const e = apply({ ...start, judgement: { ...start.judgement, ranks } }, [
    { type: 'score', solutionId: 'a', criterion: 'correctness', score: 5 },
    { type: 'score', solutionId: 'b', criterion: 'correctness', score: 1 },
    { type: 'score', solutionId: 'a', criterion: 'readability', score: 4 },
    { type: 'critique', solutionId: 'a', text: 'Correcta y clara, "idiomática".', locale: 'es-CL' },
    { type: 'critique', solutionId: 'b', text: '=HYPERLINK("http://x")\nresta en vez de sumar', locale: 'en' },
    { type: 'reason', solutionId: 'b', text: 'porque sí', locale: 'es-CL' },
    { type: 'justification', text: 'A, luego C; B falla, ñandú', locale: 'es-CL' },
    { type: 'taskFlag', flag: 'prompt-ambiguous', on: true },
    { type: 'taskFlag', flag: 'tests-wrong', on: true },
    { type: 'solutionFlag', solutionId: 'b', flag: 'unsafe-code', on: true },
    { type: 'addOwnTest', test: { name: 'neg', kind: 'call', args: [-1, { x: [null, true, 'ü'] }], expected: -1 } },
    { type: 'addOwnTest', test: { name: 'io', kind: 'stdio', stdin: '1 2\n', expectedStdout: '3\n' } },
    { type: 'results', solutionId: 'a', result: { verdict: 'passed', tests: [{ name: 't1', hidden: false, status: 'passed', own: false }], ranAt: T0 } },
    { type: 'results', solutionId: 'b', result: { verdict: 'failed', tests: [{ name: 't1', hidden: true, status: 'failed', own: false }], ranAt: T0, tampered: [{ kind: 'changed', name: 'Math.abs' }] } },
    { type: 'activeTime', ms: 754_321 },
  ]);
  return submit ? apply(e, [{ type: 'submit' }], T1) : e;
}

const TASKS = new Map([['t1', task('t1')], ['t2', task('t2')]]);
const lines = (text: string) => text.split('\n').filter(Boolean);
const envelope = (evaluation: unknown, over: Record<string, unknown> = {}) => JSON.stringify({ format: EVALUATION_FORMAT, version: 1, evaluation, ...over });

describe('toEvaluationsJsonl / fromEvaluationsJsonl', () => {
  const evaluations = [judged('t1', { a: 1, b: 3, c: 2 }), judged('t2', { a: 1, b: 1 }, false), newEvaluation('unknown-task', 'en', T0)];

  it('round-trips exactly', () => {
    const text = toEvaluationsJsonl(evaluations, TASKS);
    expect(fromEvaluationsJsonl(text)).toStrictEqual({ evaluations, problems: [] });
  });

  it('writes one versioned line per evaluation, with the task when it is known', () => {
    const [first, , third] = lines(toEvaluationsJsonl(evaluations, TASKS)).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toEqual({
      format: 'veredicto.evaluation',
      version: 1,
      evaluation: evaluations[0],
      task: {
        id: 't1',
        title: { en: 'Add t1', 'es-CL': 'Sumar t1' },
        solutions: [
          { id: 'a', label: 'Model A', language: 'python' },
          { id: 'b', label: 'Model B', language: 'python' },
          { id: 'c', label: 'Model C', language: 'javascript' },
        ],
      },
    });
    expect(third).toEqual({ format: 'veredicto.evaluation', version: 1, evaluation: evaluations[2] });
  });

  it('writes who judged as version 2 and reads both versions back, with the evaluator', () => {
    const text = toEvaluationsJsonl(evaluations, TASKS, (_e, i) => (i === 1 ? undefined : `rater${i}@x.cl`));
    const written = lines(text).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(written.map((l) => [l.version, l.evaluator])).toEqual([[2, 'rater0@x.cl'], [1, undefined], [2, 'rater2@x.cl']]);
    expect(fromEvaluationsJsonl(text)).toStrictEqual({ evaluations, problems: [] });
    const read = readEvaluationLines(text, (l) => `${l.evaluator ?? ''} ${l.evaluation.taskId}`);
    expect(read.lines.map((l) => [l.evaluator, l.evaluation.taskId, l.line])).toEqual([['rater0@x.cl', 't1', 1], [undefined, 't2', 2], ['rater2@x.cl', 'unknown-task', 3]]);
    // Version 1 has no evaluator field; version 2 requires one.
    const e = judged('t1', { a: 1 });
    expect(fromEvaluationsJsonl(envelope(e, { evaluator: 'x@x.cl' })).problems).toEqual([{ line: 1, key: 'import.unknownField', params: { field: 'evaluator' } }]);
    expect(fromEvaluationsJsonl(envelope(e, { version: 2 })).problems).toEqual([{ line: 1, key: 'import.required', params: { field: 'evaluator' } }]);
  });

  it('refuses two lines for one task in the workbench, and for one evaluator and task when reading many raters', () => {
    const a = judged('t1', { a: 1 });
    const two = `${envelope(a, { version: 2, evaluator: 'ana' })}\n${envelope(a, { version: 2, evaluator: 'beto' })}\n`;
    expect(fromEvaluationsJsonl(two).problems).toEqual([{ line: 2, key: 'import.duplicateTask', params: { taskId: 't1', first: 1 } }]);
    const byRater = (l: { evaluator?: string; evaluation: { taskId: string } }) => `${l.evaluator} ${l.evaluation.taskId}`;
    expect(readEvaluationLines(two, byRater).lines).toHaveLength(2);
    expect(readEvaluationLines(`${two}${envelope(a, { version: 2, evaluator: 'ana' })}`, byRater).problems).toEqual([{ line: 3, key: 'import.duplicateTask', params: { taskId: 't1', first: 1 } }]);
  });

  it('accepts a plain record of tasks as well as a Map', () => {
    expect(toEvaluationsJsonl(evaluations, { t1: task('t1'), t2: task('t2') })).toBe(toEvaluationsJsonl(evaluations, TASKS));
  });

  it('ignores blank lines, CRLF line ends and a BOM', () => {
    const text = `\uFEFF\n${toEvaluationsJsonl(evaluations, TASKS).replaceAll('\n', '\r\n\r\n  \n')}`;
    expect(fromEvaluationsJsonl(text)).toStrictEqual({ evaluations, problems: [] });
  });

  it('reads a task part written for a dataset task (ids that are not task-file ids)', () => {
    const text = toEvaluationsJsonl([newEvaluation('HumanEval/0', 'en', T0)], new Map([['HumanEval/0', task('x', { id: 'HumanEval/0' })]]));
    expect(fromEvaluationsJsonl(text).problems).toEqual([]);
  });
});

describe('fromEvaluationsJsonl problems', () => {
  const good = envelope(judged('t1', { a: 1 }));
  const expectRefused = (text: string, problems: ImportProblem[]) => expect(fromEvaluationsJsonl(text)).toEqual({ evaluations: [], problems });

  it('a line that is not JSON, with its line number; nothing else is imported', () => {
    expectRefused(`${good}\n\n{"format": nope}\n`, [{ line: 3, key: 'import.notJson' }]);
  });

  it('JSON that is not an evaluation line', () => {
    expectRefused(`[1]\n{"taskId":"t1"}\n"text"\n${envelope({}, { format: 'other' })}`, [
      { line: 1, key: 'import.notEvaluation' },
      { line: 2, key: 'import.notEvaluation' },
      { line: 3, key: 'import.notEvaluation' },
      { line: 4, key: 'import.notEvaluation' },
    ]);
  });

  it('a newer format version, or a newer evaluation schema, says so', () => {
    const newer = JSON.stringify({ format: EVALUATION_FORMAT, version: 3, evaluation: { anything: true } });
    const newerSchema = envelope({ ...judged('t2', {}), schemaVersion: 3, novel: 1 });
    expectRefused(`${good}\n${newer}\n${newerSchema}`, [
      { line: 2, key: 'import.newerVersion', params: { version: 3 } },
      { line: 3, key: 'import.newerVersion', params: { version: 3 } },
    ]);
  });

  it('schema problems name the field path', () => {
    const e = judged('t1', { a: 1 });
    const bad = { ...e, judgement: { ...e.judgement, ranks: { a: 0 }, scores: { a: { correctness: 6 } } }, extra: true };
    const { status: _status, ...noStatus } = e;
    expectRefused(`${envelope(bad)}\n${envelope(noStatus)}\n${JSON.stringify({ format: EVALUATION_FORMAT, evaluation: e })}`, [
      { line: 1, key: 'import.invalidField', params: { field: 'evaluation.judgement.ranks.a' } },
      { line: 1, key: 'import.invalidField', params: { field: 'evaluation.judgement.scores.a.correctness' } },
      { line: 1, key: 'import.unknownField', params: { field: 'evaluation.extra' } },
      { line: 2, key: 'import.required', params: { field: 'evaluation.status' } },
      { line: 3, key: 'import.required', params: { field: 'version' } },
    ]);
  });

  it('an unknown field in the envelope or the task part', () => {
    const e = judged('t1', {});
    const taskPart = { id: 't1', title: { en: 'x' }, solutions: [{ id: 'a', label: 'A', language: 'python', code: '' }] };
    expectRefused(`${envelope(e, { note: 1 })}\n${envelope(judged('t2', {}), { task: taskPart })}`, [
      { line: 1, key: 'import.unknownField', params: { field: 'note' } },
      { line: 2, key: 'import.unknownField', params: { field: 'task.solutions[0].code' } },
    ]);
  });

  it('a second evaluation of the same task', () => {
    expectRefused(`${good}\n${envelope(newEvaluation('t2', 'en', T0))}\n${good}`, [
      { line: 3, key: 'import.duplicateTask', params: { taskId: 't1', first: 1 } },
    ]);
  });

  it('a file with no evaluations', () => {
    expectRefused('', [{ line: 0, key: 'import.empty' }]);
    expectRefused('\n  \n\r\n', [{ line: 0, key: 'import.empty' }]);
  });

  it(`lists at most ${MAX_LISTED_PROBLEMS} problems and counts the rest`, () => {
    const { problems } = fromEvaluationsJsonl('x\n'.repeat(MAX_LISTED_PROBLEMS + 7));
    expect(problems).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(problems[MAX_LISTED_PROBLEMS - 1]).toEqual({ line: MAX_LISTED_PROBLEMS, key: 'import.notJson' });
    expect(problems.at(-1)).toEqual({ line: 0, key: 'import.tooManyProblems', params: { count: 7 } });
  });

  it('refuses a file over 50 MB, counting UTF-8 bytes', () => {
    expectRefused('x'.repeat(MAX_IMPORT_BYTES + 1), [{ line: 0, key: 'import.tooLarge', params: { size: 50, max: 50 } }]);
    // 2-byte characters: half the characters, the same bytes.
    expectRefused('ñ'.repeat(MAX_IMPORT_BYTES / 2 + 1), [{ line: 0, key: 'import.tooLarge', params: { size: 50, max: 50 } }]);
    const fits = `${good}\n${' '.repeat(MAX_IMPORT_BYTES - new TextEncoder().encode(good).length - 1)}`;
    expect(new TextEncoder().encode(fits).length).toBe(MAX_IMPORT_BYTES);
    expect(fromEvaluationsJsonl(fits).problems).toEqual([]);
  });

  it('every key it can return exists in both locales, with the params it passes', () => {
    const problems = [
      ...fromEvaluationsJsonl('x\n[]\n' + JSON.stringify({ format: EVALUATION_FORMAT, version: 9 })).problems,
      ...fromEvaluationsJsonl(`${envelope({ taskId: 't1', bogus: 1 })}\n`).problems,
      ...fromEvaluationsJsonl(`${good}\n${good}`).problems,
      ...fromEvaluationsJsonl('x\n'.repeat(MAX_LISTED_PROBLEMS + 1)).problems,
      ...fromEvaluationsJsonl('').problems,
      ...fromEvaluationsJsonl('x'.repeat(MAX_IMPORT_BYTES + 1)).problems,
      ...fromEvaluationsJsonl(envelope({ ...judged('t1', {}), activeMs: -1 })).problems,
    ];
    const keys = new Set(problems.map((p) => p.key));
    expect([...keys].sort()).toEqual(
      ['empty', 'duplicateTask', 'invalidField', 'newerVersion', 'notEvaluation', 'notJson', 'required', 'tooLarge', 'tooManyProblems', 'unknownField'].map((k) => `import.${k}`).sort(),
    );
    for (const locale of ['en', 'es-CL']) {
      const json = JSON.parse(fs.readFileSync(new URL(`../../locales/${locale}/judging.json`, import.meta.url), 'utf8')) as Record<string, Record<string, string>>;
      for (const p of problems) {
        const key = p.key.split('.')[1]!;
        // A count takes the plural forms (key_one, key_other).
        const text = json.import?.[key] ?? json.import?.[`${key}_other`];
        expect(text, `${locale} ${p.key}`).toBeTypeOf('string');
        for (const param of Object.keys(p.params ?? {})) expect(text, `${locale} ${p.key}`).toContain(`{{${param}}}`);
      }
    }
  });
});

describe('toPreferencePairsJsonl', () => {
  const parse = (text: string) => lines(text).map((l) => JSON.parse(l) as { prompt: string; chosen: string; rejected: string; metadata: Record<string, unknown> });

  it('for a dataset task, the dataset prompt and the completions that continue it', () => {
    const raw = 'def add(a, b):\n    # Add.\n';
    const dataset = task('t1', {
      source: { shape: 'humaneval', prompt: raw },
      solutions: [
        { id: 'a', label: 'sample 1', language: 'python', code: `${raw}    return a + b\n` },
        { id: 'b', label: 'sample 2', language: 'python', code: `${raw}    return a - b\n` },
      ],
    });
    const [pair, ...rest] = parse(toPreferencePairsJsonl([judged('t1', { a: 1, b: 2 })], new Map([['t1', dataset]]), 'en'));
    expect(rest).toEqual([]);
    expect(pair).toMatchObject({ prompt: raw, chosen: '    return a + b\n', rejected: '    return a - b\n' });
  });
  const t1 = TASKS.get('t1')!;
  const code = (id: string) => t1.solutions.find((s) => s.id === id)!.code;

  it('one line per strictly ordered pair, with the prompt in the wanted locale', () => {
    const pairs = parse(toPreferencePairsJsonl([judged('t1', { a: 1, b: 3, c: 2 })], TASKS, 'es-CL'));
    expect(pairs).toEqual([
      {
        prompt: 'Escribe add(a, b).',
        chosen: code('a'),
        rejected: code('c'),
        metadata: { task_id: 't1', chosen_id: 'a', rejected_id: 'c', chosen_rank: 1, rejected_rank: 2, language: 'python', chosen_tampered: [], rejected_tampered: [] },
      },
      {
        prompt: 'Escribe add(a, b).',
        chosen: code('a'),
        rejected: code('b'),
        metadata: { task_id: 't1', chosen_id: 'a', rejected_id: 'b', chosen_rank: 1, rejected_rank: 3, language: 'python', chosen_tampered: [], rejected_tampered: ['changed:Math.abs'] },
      },
      {
        prompt: 'Escribe add(a, b).',
        chosen: code('c'),
        rejected: code('b'),
        metadata: { task_id: 't1', chosen_id: 'c', rejected_id: 'b', chosen_rank: 2, rejected_rank: 3, language: 'javascript', chosen_tampered: [], rejected_tampered: ['changed:Math.abs'] },
      },
    ]);
  });

  it('ties give no pair; ranks in the metadata are dense', () => {
    const pairs = parse(toPreferencePairsJsonl([judged('t1', { a: 2, b: 2, c: 7 })], TASKS, 'en'));
    expect(pairs.map((p) => [p.metadata.chosen_id, p.metadata.rejected_id, p.metadata.chosen_rank, p.metadata.rejected_rank])).toEqual([
      ['a', 'c', 1, 2],
      ['b', 'c', 1, 2],
    ]);
    expect(pairs[0]?.prompt).toBe('Write add(a, b).');
  });

  it('all tied, drafts, unknown tasks and unranked solutions give nothing', () => {
    expect(toPreferencePairsJsonl([judged('t1', { a: 1, b: 1, c: 1 })], TASKS, 'en')).toBe('');
    expect(toPreferencePairsJsonl([judged('t1', { a: 1, b: 2 }, false)], TASKS, 'en')).toBe('');
    expect(toPreferencePairsJsonl([judged('nope', { a: 1, b: 2 })], TASKS, 'en')).toBe('');
    expect(parse(toPreferencePairsJsonl([judged('t1', { a: 1, c: 2 })], TASKS, 'en')).map((p) => p.metadata.rejected_id)).toEqual(['c']);
  });

  it('ignores ranked ids the task no longer has', () => {
    const pairs = parse(toPreferencePairsJsonl([judged('t1', { gone: 1, a: 2, b: 3 })], TASKS, 'en'));
    expect(pairs.map((p) => p.metadata)).toEqual([{ task_id: 't1', chosen_id: 'a', rejected_id: 'b', chosen_rank: 1, rejected_rank: 2, language: 'python', chosen_tampered: [], rejected_tampered: ['changed:Math.abs'] }]);
  });

  it('an evaluation submitted without a run carries the stated reason, in the pairs, the CSV and the JSONL', () => {
    const e = apply(judged('t1', { a: 1, b: 2 }), [{ type: 'unrunReason', text: 'Sin numpy en el entorno aislado', locale: 'es-CL' }]);
    expect(parse(toPreferencePairsJsonl([e], TASKS, 'en')).map((p) => p.metadata.unrun_reason)).toEqual(['Sin numpy en el entorno aislado']);
    const [header, first] = readCsv(toCsv([e], TASKS, 'en').slice(1));
    expect(first![header!.indexOf('unrun_reason')]).toBe('Sin numpy en el entorno aislado');
    expect(fromEvaluationsJsonl(toEvaluationsJsonl([e], TASKS)).evaluations[0]?.judgement.unrunReason).toEqual({ text: 'Sin numpy en el entorno aislado', locale: 'es-CL' });
  });

  it('keeps the blind labels the trainer judged under: in the CSV beside the real ids, and in the JSONL', () => {
    const e = judged('t1', { a: 1, b: 2 });
    const blind = { ...e, judgement: { ...e.judgement, shownLabels: { a: 'B', b: 'A', c: 'C' } } };
    const [header, ...rows] = readCsv(toCsv([blind], TASKS, 'en').slice(1));
    expect(rows.map((r) => [r[header!.indexOf('solution_id')], r[header!.indexOf('shown_label')]])).toEqual([['a', 'B'], ['b', 'A'], ['c', 'C']]);
    expect(fromEvaluationsJsonl(toEvaluationsJsonl([blind], TASKS)).evaluations[0]?.judgement.shownLabels).toEqual({ a: 'B', b: 'A', c: 'C' });
    expect(parse(toPreferencePairsJsonl([blind], TASKS, 'en')).map((p) => [p.metadata.chosen_id, p.metadata.rejected_id])).toEqual([['a', 'b']]);
  });

  it('puts the performance tests\' times in the CSV: the largest ratio, whether any is over budget, and each timed test', () => {
    const e = judged('t1', { a: 1, b: 2 });
    const results = e.judgement.results;
    const timing = (ms: number, ratio: number | undefined, over: boolean) => ({ ms, runs: 3, budget: 3, ...(ratio === undefined ? {} : { referenceMs: 2.5, ratio }), over });
    const a = results['a']!;
    const timed = {
      ...e,
      judgement: {
        ...e.judgement,
        results: {
          ...results,
          a: { ...a, tests: [{ name: 'big', hidden: true, status: 'passed' as const, own: false, timing: timing(80, 32, true) }, { name: 'medium', hidden: false, status: 'passed' as const, own: false, timing: timing(5, 2, false) }] },
          b: { ...a, tests: [{ name: 'big', hidden: true, status: 'passed' as const, own: false, timing: timing(7, undefined, false) }] },
        },
      },
    };
    const [header, ...rows] = readCsv(toCsv([timed], TASKS, 'en').slice(1));
    const cells = (id: string) => {
      const r = rows.find((x) => x[header!.indexOf('solution_id')] === id)!;
      return ['perf_max_ratio', 'perf_over_budget', 'perf_timings'].map((h) => r[header!.indexOf(h)]);
    };
    expect(cells('a').slice(0, 2)).toEqual(['32', 'true']);
    expect(JSON.parse(cells('a')[2]!)).toEqual([
      { test: 'big', ms: 80, reference_ms: 2.5, ratio: 32, budget: 3, over: true },
      { test: 'medium', ms: 5, reference_ms: 2.5, ratio: 2, budget: 3, over: false },
    ]);
    // Timed without a reference to compare with: no ratio, still the time.
    expect(cells('b').slice(0, 2)).toEqual(['', 'false']);
    expect(JSON.parse(cells('b')[2]!)).toEqual([{ test: 'big', ms: 7, reference_ms: null, ratio: null, budget: 3, over: false }]);
    expect(cells('c')).toEqual(['', '', '']);
    // A semicolon CSV writes the ratio with a decimal comma.
    const [h2, ...r2] = readCsv(toCsv([{ ...timed, judgement: { ...timed.judgement, results: { ...timed.judgement.results, a: { ...timed.judgement.results.a, tests: [{ ...timed.judgement.results.a.tests[0]!, timing: timing(80, 32.5, true) }] } } } }], TASKS, 'en', EXCEL_DECIMAL_COMMA).slice(1), ';');
    expect(r2[0]![h2!.indexOf('perf_max_ratio')]).toBe('32,5');
  });

  it('falls back to the other locale of the prompt', () => {
    const onlyEn = new Map([['t1', task('t1', { prompt: { en: 'English only' } })]]);
    expect(parse(toPreferencePairsJsonl([judged('t1', { a: 1, b: 2 })], onlyEn, 'es-CL'))[0]?.prompt).toBe('English only');
  });
});

/** RFC 4180 reader, enough to check what the writer wrote. */
function readCsv(text: string, separator = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('toCsv', () => {
  const csv = toCsv([judged('t1', { a: 1, b: 3, c: 2 }), newEvaluation('t2', 'en', T0)], TASKS, 'es-CL');
  const [header, ...rows] = readCsv(csv.slice(1));
  const record = (i: number) => Object.fromEntries(header!.map((h, j) => [h, rows[i]![j]]));

  it('starts with a BOM, ends rows with CRLF', () => {
    expect(csv.startsWith('\uFEFFtask_id,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '').includes('\r')).toBe(false);
  });

  it('has the columns in order, one score column per criterion', () => {
    expect(header).toEqual([
      ...['task_id', 'task_title', 'status', 'solution_id', 'solution_label', 'language', 'rank', 'verdict', 'tampered'],
      ...['score_correctness', 'score_efficiency', 'score_readability', 'score_robustness'],
      ...['critique', 'critique_locale', 'unsafe_flag', 'task_flags', 'justification', 'guardrail_reason', 'unrun_reason', 'active_minutes', 'submitted_at', 'shown_label'],
      ...['perf_max_ratio', 'perf_over_budget', 'perf_timings'],
    ]);
  });

  it('one row per evaluation and solution, every row as wide as the header', () => {
    expect(rows.map((r) => `${r[0]}/${r[3]}`)).toEqual(['t1/a', 't1/b', 't1/c', 't2/a', 't2/b', 't2/c']);
    for (const r of rows) expect(r).toHaveLength(header!.length);
  });

  it('writes the values', () => {
    expect(record(0)).toEqual({
      task_id: 't1',
      task_title: 'Sumar t1',
      status: 'submitted',
      solution_id: 'a',
      solution_label: 'Model A',
      language: 'python',
      rank: '1',
      verdict: 'passed',
      tampered: '',
      score_correctness: '5',
      score_efficiency: '',
      score_readability: '4',
      score_robustness: '',
      critique: 'Correcta y clara, "idiomática".',
      critique_locale: 'es-CL',
      unsafe_flag: 'false',
      task_flags: 'prompt-ambiguous;tests-wrong',
      justification: 'A, luego C; B falla, ñandú',
      guardrail_reason: '',
      unrun_reason: '',
      active_minutes: '12.57',
      submitted_at: T1,
      shown_label: '',
      perf_max_ratio: '',
      perf_over_budget: '',
      perf_timings: '',
    });
    expect(record(1)).toMatchObject({ rank: '3', verdict: 'failed', tampered: 'changed:Math.abs', unsafe_flag: 'true', critique_locale: 'en', guardrail_reason: 'porque sí' });
    expect(record(2)).toMatchObject({ rank: '2', verdict: '', critique: '', language: 'javascript' });
    expect(record(3)).toMatchObject({ status: 'draft', rank: '', justification: '', active_minutes: '0', submitted_at: '', task_flags: '' });
  });

  it('quotes commas, quotes and line breaks, and guards a formula', () => {
    expect(csv).toContain(',"Correcta y clara, ""idiomática"".",');
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"")\nresta en vez de sumar",`);
    expect(record(1).critique).toBe(`'=HYPERLINK("http://x")\nresta en vez de sumar`);
  });

  it('for Excel in a decimal-comma locale: semicolons between fields, decimal commas, the same cells', () => {
    const semi = toCsv([judged('t1', { a: 1, b: 3, c: 2 }), newEvaluation('t2', 'en', T0)], TASKS, 'es-CL', EXCEL_DECIMAL_COMMA);
    expect(semi.startsWith('\uFEFFtask_id;task_title;')).toBe(true);
    const [h, ...r] = readCsv(semi.slice(1), ';');
    expect(h).toEqual(header);
    const first = Object.fromEntries(h!.map((name, j) => [name, r[0]![j]]));
    expect(first).toEqual({ ...record(0), active_minutes: '12,57' });
    expect(semi).toContain(';"prompt-ambiguous;tests-wrong";');
    for (const row of r) expect(row).toHaveLength(h!.length);
  });

  it('an unknown task still gives its solutions, from the judgement', () => {
    const [, ...unknown] = readCsv(toCsv([judged('lost', { a: 1, b: 2 })], TASKS, 'en').slice(1));
    expect(unknown.map((r) => [r[0], r[1], r[3], r[4], r[6]])).toEqual([
      ['lost', '', 'a', '', '1'],
      ['lost', '', 'b', '', '2'],
    ]);
  });

  it("adds a task's own criteria as columns, after those seen before", () => {
    const own = task('t3', { rubric: [{ id: 'tests', name: { en: 'Tests' }, levels: [1, 2, 3, 4, 5].map((n) => ({ en: String(n) })) }] });
    const [h] = readCsv(toCsv([judged('t1', {}), newEvaluation('t3', 'en', T0)], new Map([...TASKS, ['t3', own]]), 'en').slice(1));
    expect(h!.filter((c) => c.startsWith('score_'))).toEqual(['score_correctness', 'score_efficiency', 'score_readability', 'score_robustness', 'score_tests']);
  });

  it('a solution id such as "constructor" does not reach Object.prototype', () => {
    const proto = new Map([['t1', task('t1', { solutions: [{ id: 'constructor', label: 'C', language: 'python', code: '' }] })]]);
    const [, row] = readCsv(toCsv([judged('t1', {})], proto, 'en').slice(1));
    expect(row?.slice(6, 8)).toEqual(['', '']);
  });
});

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=1+1', "'=1+1"],
    ['+56 9 1234 5678', "'+56 9 1234 5678"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['\r=x', `"'\r=x"`],
    ['=a,"b"', `"'=a,""b"""`],
    ['a=b', 'a=b'],
    [' =x', ' =x'],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes numbers as numbers, negative ones included', () => {
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(-3)).toBe('-3');
  });
});
