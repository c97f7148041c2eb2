// The bundled sample library holds what practice needs (issue: sample task library): at least 24
// tasks — 10 Python, 10 JavaScript, 4 with both — each bilingual, tagged, with visible and hidden
// tests, a reference, 3–5 candidates and a complete gold judgement whose bugs really show: every
// bug tied to a test fails that test in the real sandboxes, and a candidate without such a bug
// passes everything.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CRITERIA } from '../src/domain/rubric.js';
import { taskSchema, type Task } from '../src/domain/task.js';
import { ROOT, veredicto, type RunReport } from './cliRunner.js';

const DIR = path.join(ROOT, 'tasks');
const tasks: Task[] = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => taskSchema.parse(JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8'))));
const languagesOf = (t: Task) => [...new Set(t.solutions.map((s) => s.language))].sort().join('+');

describe('the sample library', () => {
  it('has at least 10 Python, 10 JavaScript and 4 two-language tasks', () => {
    const count = (l: string) => tasks.filter((t) => languagesOf(t) === l).length;
    expect(tasks.length).toBeGreaterThanOrEqual(24);
    expect(count('python')).toBeGreaterThanOrEqual(10);
    expect(count('javascript')).toBeGreaterThanOrEqual(10);
    expect(count('javascript+python')).toBeGreaterThanOrEqual(4);
  });

  it('uses call, stdio and code tests across the set', () => {
    const kinds = new Set(tasks.flatMap((t) => t.tests.map((x) => x.kind)));
    expect([...kinds].sort()).toEqual(['call', 'code', 'stdio']);
  });

  describe.each(tasks.map((t) => [t.id, t] as const))('%s', (_id, t) => {
    it('is bilingual, tagged, with visible and hidden tests, a reference and 3–5 candidates', () => {
      for (const field of [t.title, t.prompt]) {
        expect(field.en?.trim()).toBeTruthy();
        expect(field['es-CL']?.trim()).toBeTruthy();
      }
      expect(t.difficulty).toBeDefined();
      expect(t.tags.length).toBeGreaterThan(0);
      expect(t.tests.some((x) => x.hidden)).toBe(true);
      expect(t.tests.some((x) => !x.hidden)).toBe(true);
      for (const s of t.solutions) expect(t.referenceSolution?.[s.language]).toBeTruthy();
      expect(t.solutions.length).toBeGreaterThanOrEqual(3);
      expect(t.solutions.length).toBeLessThanOrEqual(5);
    });

    it('has a complete gold judgement in both locales, with its bugs', () => {
      const gold = t.gold!;
      expect(gold).toBeDefined();
      for (const s of t.solutions) {
        expect(Object.keys(gold.scores?.[s.id] ?? {}).sort()).toEqual([...DEFAULT_CRITERIA].sort());
        expect(gold.critiques?.[s.id]?.en?.trim()).toBeTruthy();
        expect(gold.critiques?.[s.id]?.['es-CL']?.trim()).toBeTruthy();
      }
      expect(gold.justification?.en && gold.justification['es-CL']).toBeTruthy();
      expect(gold.bugs?.length).toBeGreaterThan(0);
    });
  });

  describe('gold bugs against real runs', () => {
    let report: RunReport;
    beforeAll(async () => {
      const r = await veredicto(['run', DIR, '--json']);
      expect(r.code).toBe(0);
      report = JSON.parse(r.stdout) as RunReport;
    }, 600_000);

    it.each(tasks.map((t) => [t.id, t] as const))('%s: each bug fails its test; candidates without one pass', (_id, t) => {
      const results = new Map(report.results.filter((r) => r.taskId === t.id).map((r) => [r.solutionId, r]));
      const withTestedBug = new Set<string>();
      for (const bug of t.gold?.bugs ?? []) {
        if (!bug.test) continue;
        for (const id of bug.solutions) {
          withTestedBug.add(id);
          const status = results.get(id)?.tests.find((x) => x.name === bug.test)?.status;
          expect(status, `${id} should fail “${bug.test}” (${bug.id})`).toBeDefined();
          expect(status, `${id} should fail “${bug.test}” (${bug.id})`).not.toBe('passed');
        }
      }
      for (const s of t.solutions)
        if (!withTestedBug.has(s.id)) expect(results.get(s.id)?.verdict, `${s.id} has no tested bug`).toBe('passed');
    });
  });
});
