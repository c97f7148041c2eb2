// `veredicto agreement` on real files: one file per trainer (format version 1, the file names the
// rater) and a server export (version 2, each line names its evaluator) give the same figures; the
// JSON has the contract's shape with null for an undefined figure, and the text says why.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluationReducer, type Evaluation } from '../src/domain/evaluation.js';
import { kendallW, krippendorffAlpha } from '../src/domain/agreement.js';
import { toEvaluationsJsonl } from '../src/formats/evaluations.js';
import { submittedEvaluation } from '../src/server/testing.js';
import { veredicto } from './cliRunner.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veredicto-agreement-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const NOW = '2026-01-01T00:00:00.000Z';

/** taskFile's task judged with these ranks and correctness scores (the other criteria as submittedEvaluation gives them). */
function judged(taskId: string, ranks: { good: number; bad: number }, correctness: { good: number; bad: number }): Evaluation {
  let e = evaluationReducer(submittedEvaluation(taskId), { type: 'reopen' }, NOW);
  e = { ...e, judgement: { ...e.judgement, ranks } };
  for (const s of ['good', 'bad'] as const) e = evaluationReducer(e, { type: 'score', solutionId: s, criterion: 'correctness', score: correctness[s] }, NOW);
  return evaluationReducer(e, { type: 'submit' }, NOW);
}

const ana = [judged('t1', { good: 1, bad: 2 }, { good: 5, bad: 2 }), judged('t2', { good: 1, bad: 2 }, { good: 4, bad: 1 })];
const beto = [judged('t1', { good: 1, bad: 2 }, { good: 4, bad: 2 }), judged('t2', { good: 2, bad: 1 }, { good: 2, bad: 3 })];
const carla = [judged('t3', { good: 1, bad: 2 }, { good: 5, bad: 1 })];
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

describe('veredicto agreement', () => {
  const perTrainer = [write('ana.jsonl', toEvaluationsJsonl(ana, new Map())), write('beto.jsonl', toEvaluationsJsonl(beto, new Map())), write('carla.jsonl', toEvaluationsJsonl(carla, new Map()))];
  const all = [...ana, ...beto, ...carla];
  const who = ['ana@x.cl', 'ana@x.cl', 'beto@x.cl', 'beto@x.cl', 'carla@x.cl'];
  const server = write('server.jsonl', toEvaluationsJsonl(all, new Map(), (_e, i) => who[i]));

  it('prints the contract JSON per task and overall, the same from per-trainer files and a server export', async () => {
    const a = await veredicto(['agreement', ...perTrainer, '--json']);
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    const doc = JSON.parse(a.stdout);
    expect(doc.tasks.map((t: { taskId: string; raters: number }) => [t.taskId, t.raters])).toEqual([['t1', 2], ['t2', 2], ['t3', 1]]);
    const [t1, t2, t3] = doc.tasks;
    expect(t1.kendallW).toBeCloseTo(1, 12);
    expect(t1.meanTauB).toBeCloseTo(1, 12);
    expect(t2.kendallW).toBeCloseTo(0, 12);
    expect(t2.meanTauB).toBeCloseTo(-1, 12);
    expect(t1.alphaRubric.correctness).toBeCloseTo(krippendorffAlpha([[5, 4], [2, 2]], 'interval').value!, 12);
    expect(t3).toMatchObject({ kendallW: null, meanTauB: null, alphaRubric: { correctness: null } });
    expect(doc.overall.meanKendallW).toBeCloseTo((1 + kendallW([{ good: 1, bad: 2 }, { good: 2, bad: 1 }], ['good', 'bad']).value!) / 2, 12);
    // The overall alpha pools every solution of every task as one item (t3's solutions have one rater: unpairable).
    expect(doc.overall.alphaRubric.correctness).toBeCloseTo(krippendorffAlpha([[5, 4], [2, 2], [4, 2], [1, 3], [5], [1]], 'interval').value!, 12);
    expect(Object.keys(doc)).toEqual(['tasks', 'overall']);
    expect(Object.keys(t1)).toEqual(expect.arrayContaining(['taskId', 'raters', 'kendallW', 'meanTauB', 'alphaRubric']));
    expect(Object.keys(doc.overall)).toEqual(expect.arrayContaining(['meanKendallW', 'alphaRubric']));
    const b = await veredicto(['agreement', server, '--json']);
    expect(JSON.parse(b.stdout)).toEqual(doc);
  });

  it('says in the text why a figure is undefined, in Spanish too', async () => {
    const en = await veredicto(['agreement', server]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain("Task t3: 1 rater; Kendall's W undefined (fewer than two raters judged the same items)");
    expect(en.stdout).not.toMatch(/NaN/);
    const es = await veredicto(['agreement', server, '--lang', 'es-CL']);
    expect(es.stdout).toContain('Tarea t3: 1 evaluador; W de Kendall sin valor (menos de dos evaluadores evaluaron lo mismo)');
    expect(es.stdout).toMatch(/Tarea t1: 2 evaluadores; W de Kendall 1,000; tau-b promedio 1,000/);
  });

  it('refuses a file with a problem, naming file and line, and computes nothing', async () => {
    const bad = write('bad.jsonl', `${toEvaluationsJsonl([ana[0]!], new Map())}{"format":"veredicto.evaluation","version":1}\n`);
    const r = await veredicto(['agreement', perTrainer[0]!, bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${bad}: Line 2: the field evaluation is missing`);
    expect((await veredicto(['agreement'])).code).toBe(2);
    // The same trainer twice on one task is a problem (the figures would count them twice).
    const twice = write('twice.jsonl', toEvaluationsJsonl([ana[0]!, ana[0]!], new Map(), () => 'ana@x.cl'));
    expect((await veredicto(['agreement', twice])).stderr).toContain('a second evaluation of task t1');
  });
});
