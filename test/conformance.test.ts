// Every conformance case, the shared ones and our own, run through the real CLI with the real
// runtimes, checked against its `expect` field: "pass" must pass, "fail" must not.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, veredicto, type RunReport } from './cliRunner.js';

const shared = path.resolve(ROOT, '..', 'shared', 'conformance');
const files = [
  ...['conformance_python.jsonl', 'conformance_javascript.jsonl'].map((f) => path.join(shared, f)),
  ...['hostile_python.jsonl', 'hostile_javascript.jsonl', 'hostile_typescript.jsonl', 'hostile_cpp.jsonl'].map((f) => path.join(ROOT, 'test', 'conformance', f)),
].filter((f) => fs.existsSync(f));

type Row = { task_id: string; expect: 'pass' | 'fail' };

it('finds the shared and the own conformance files', () => {
  expect(files.filter((f) => f.startsWith(ROOT))).toHaveLength(4);
});

describe.each(files)('%s', (file) => {
  const rows: Row[] = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row);
  let report: RunReport;
  let code: number | null;

  beforeAll(async () => {
    // Our own cases run with a shorter limit to keep the suite quick, and on one worker so that each
    // row runs after the ones before it in the same runtime (what one leaves behind must not reach
    // the next); the shared ones as users run them.
    const args = file.startsWith(ROOT) ? ['--timeout-ms', '4000', '--workers', '1'] : [];
    const r = await veredicto(['run', file, '--json', ...args]);
    code = r.code;
    report = JSON.parse(r.stdout) as RunReport;
  }, file.endsWith('_cpp.jsonl') ? 1_800_000 : 300_000); // C++ compiles each row: seconds each, far more on a loaded machine

  it('completes with exit code 0 and one result per row', () => {
    expect(code).toBe(0);
    expect(report.results.map((r) => r.taskId).sort()).toEqual(rows.map((r) => r.task_id).sort());
  });

  it.each(rows.map((r) => [r.task_id, r.expect] as const))('%s → %s', (id, expected) => {
    const result = report.results.find((r) => r.taskId === id)!;
    const detail = `${result.verdict}: ${result.tests.map((t) => t.message).join('; ')}`;
    if (expected === 'pass') expect(result.verdict, detail).toBe('passed');
    else expect(result.verdict, detail).not.toBe('passed');
  });
});
