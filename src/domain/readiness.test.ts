import { describe, expect, it } from 'vitest';
import { checkFindings, readiness, type ReferenceRun } from './readiness.js';
import { taskSchema } from './task.js';
import type { Verdict, TestResult } from './verdict.js';

const result = (name: string, status: Verdict, stdout = ''): TestResult => ({ name, hidden: false, status, stdout, stderr: '', truncated: false, durationMs: 1 });

const task = (hidden: boolean, reference = true) =>
  taskSchema.parse({
    schemaVersion: 1,
    id: 'x',
    title: { en: 'X' },
    prompt: { en: 'X' },
    entryPoint: 'f',
    tests: [{ name: 'a', kind: 'call', args: [], expected: 1, hidden }],
    solutions: [],
    ...(reference ? { referenceSolution: { python: 'def f():\n    return 1\n' } } : {}),
  });

describe('checkFindings', () => {
  it('reports failing tests and tests whose two runs differ, as veredicto check does', () => {
    const runs: ReferenceRun[] = [
      {
        language: 'python',
        first: [result('ok', 'passed', '1'), result('bad', 'failed'), result('flaky', 'passed'), result('noisy', 'passed', 'a')],
        second: [result('ok', 'passed', '1'), result('bad', 'failed'), result('flaky', 'timeout'), result('noisy', 'passed', 'b')],
      },
    ];
    expect(checkFindings(runs).map((f) => [f.kind, f.test])).toEqual([
      ['fails', 'bad'],
      ['flaky', 'flaky'],
      ['flaky', 'noisy'],
    ]);
  });
});

describe('readiness', () => {
  it('needs a valid task, a reference that passed on this very version, and a hidden test', () => {
    const items = (r: ReturnType<typeof readiness>) => Object.fromEntries(r.items.map((i) => [i.id, i.ok]));
    expect(items(readiness({ task: undefined, fingerprint: 'f1' }))).toEqual({ schema: false, reference: false, checked: false, referencePasses: false, hiddenTest: false });
    const visibleOnly = readiness({ task: task(false), fingerprint: 'f1', check: { fingerprint: 'f1', findings: [] } });
    expect(visibleOnly.ready).toBe(false);
    expect(items(visibleOnly).hiddenTest).toBe(false);
    expect(readiness({ task: task(true), fingerprint: 'f1', check: { fingerprint: 'f1', findings: [] } }).ready).toBe(true);
    // Changed since the check: check again.
    expect(items(readiness({ task: task(true), fingerprint: 'f2', check: { fingerprint: 'f1', findings: [] } })).checked).toBe(false);
    expect(items(readiness({ task: task(true, false), fingerprint: 'f1' })).reference).toBe(false);
    // While the task is not valid, the form still says what it has.
    expect(items(readiness({ task: undefined, fingerprint: 'f1', hasReference: true, hiddenTests: 1 }))).toMatchObject({ schema: false, reference: true, hiddenTest: true });
  });
});
