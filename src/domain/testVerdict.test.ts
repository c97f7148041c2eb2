import { describe, expect, it } from 'vitest';
import { TAG } from './compare.js';
import { assertionMessage, testVerdict, type Outcome, type RawResult } from './testVerdict.js';
import type { CallTest, CodeTest, StdioTest, TestCase } from './task.js';

const limits = { timeMs: 2000, outputBytes: 4096, memoryMb: 128 };
const raw = (r: Partial<RawResult> & { outcome: Outcome }): RawResult => ({ stdout: '', stderr: '', truncated: false, durationMs: 1, ...r });
const call = (expected: unknown, extra: Partial<CallTest> = {}): CallTest => ({ kind: 'call', name: 't', hidden: false, args: [], expected, ...extra });
const stdio = (expectedStdout: string): StdioTest => ({ kind: 'stdio', name: 's', hidden: false, stdin: '', expectedStdout });
const code: CodeTest = { kind: 'code', name: 'c', hidden: false, code: { python: 'assert True' } };

describe('testVerdict: call tests that returned', () => {
  it.each<[string, unknown, string]>([
    ['a number', 3, '3'],
    ['a float within tolerance', 0.3, '0.30000000000000004'],
    ['a list', [1, [2, 3]], '[1,[2,3]]'],
    ['an object', { a: 'x', b: null }, '{"b":null,"a":"x"}'],
    ['NaN as the NaN tag', NaN, JSON.stringify({ [TAG]: 'float', value: 'nan' })],
    ['a big integer', 2 ** 70, JSON.stringify({ [TAG]: 'bigint', value: String(2n ** 70n) })],
  ])('passes for %s', (_name, expected, value) => {
    expect(testVerdict(call(expected), raw({ outcome: 'ok', value }), limits)).toEqual({ status: 'passed' });
  });

  it('fails with result.mismatch for a different top-level value', () => {
    expect(testVerdict(call(3), raw({ outcome: 'ok', value: '4' }), limits)).toEqual({
      status: 'failed',
      message: { key: 'result.mismatch', params: { expected: '3', actual: '4' } },
    });
  });

  it('fails with result.mismatchAt and the path of the first difference', () => {
    const expected = [{ name: 'a' }, { name: 'b' }, { name: 'c' }];
    const r = testVerdict(call(expected), raw({ outcome: 'ok', value: '[{"name":"a"},{"name":"b"},{"name":"z"}]' }), limits);
    expect(r).toEqual({
      status: 'failed',
      message: {
        key: 'result.mismatchAt',
        params: { path: '[2].name', expected: JSON.stringify(expected), actual: '[{"name":"a"},{"name":"b"},{"name":"z"}]' },
      },
    });
  });

  it('uses the tolerance of the test', () => {
    expect(testVerdict(call(1, { tolerance: { abs: 0.5 } }), raw({ outcome: 'ok', value: '1.4' }), limits).status).toBe('passed');
    expect(testVerdict(call(1), raw({ outcome: 'ok', value: '1.4' }), limits).status).toBe('failed');
  });

  it('fails a tuple-like value only by its contents (arrays equal arrays)', () => {
    expect(testVerdict(call([1, 2]), raw({ outcome: 'ok', value: '[1,2]' }), limits).status).toBe('passed');
    expect(testVerdict(call([1, 2]), raw({ outcome: 'ok', value: '[1,2,3]' }), limits).status).toBe('failed');
  });

  it('fails an unsupported value with result.unsupportedValue', () => {
    const value = JSON.stringify({ [TAG]: 'unsupported', value: 'A' });
    expect(testVerdict(call({ x: 1 }), raw({ outcome: 'ok', value }), limits)).toEqual({
      status: 'failed',
      message: { key: 'result.unsupportedValue', params: { kind: 'A', expected: '{"x":1}' } },
    });
  });

  it('fails (not passes) a NaN against a plain number', () => {
    const value = JSON.stringify({ [TAG]: 'float', value: 'nan' });
    expect(testVerdict(call(0), raw({ outcome: 'ok', value }), limits)).toEqual({
      status: 'failed',
      message: { key: 'result.mismatch', params: { expected: '0', actual: 'nan' } },
    });
  });

  it.each([['not json'], [''], ['{"a":'], [undefined]])('is an error when the value %j cannot be read', (value) => {
    expect(testVerdict(call(1), raw({ outcome: 'ok', ...(value === undefined ? {} : { value }) }), limits)).toEqual({
      status: 'error',
      message: { key: 'result.unreadableValue' },
    });
  });
});

describe('testVerdict: stdio tests', () => {
  it('passes when the normalized output matches', () => {
    expect(testVerdict(stdio('1\n2\n'), raw({ outcome: 'ok', stdout: '1  \r\n2\r\n\r\n' }), limits)).toEqual({ status: 'passed' });
  });

  it('fails with the first different line', () => {
    expect(testVerdict(stdio('a\nb\nc\n'), raw({ outcome: 'ok', stdout: 'a\nB\nc\n' }), limits)).toEqual({
      status: 'failed',
      message: { key: 'result.stdoutMismatch', params: { line: 2, expected: 'b', actual: 'B' } },
    });
  });

  it('reports a missing line as empty', () => {
    expect(testVerdict(stdio('a\nb'), raw({ outcome: 'ok', stdout: 'a\n' }), limits)).toEqual({
      status: 'failed',
      message: { key: 'result.stdoutMismatch', params: { line: 2, expected: 'b', actual: '' } },
    });
  });

  it('ignores a returned value', () => {
    expect(testVerdict(stdio('x'), raw({ outcome: 'ok', stdout: 'x', value: 'garbage' }), limits).status).toBe('passed');
  });
});

describe('testVerdict: a program that exits', () => {
  const exited = (exitCode: number | undefined, stdout: string) => raw({ outcome: 'exit', stdout, error: { type: 'SystemExit', message: String(exitCode ?? '') }, ...(exitCode === undefined ? {} : { exitCode }) });

  it('is judged by its output when it ends itself with status 0 in a stdio test', () => {
    expect(testVerdict(stdio('6\n'), exited(0, '6\n'), limits)).toEqual({ status: 'passed' });
    expect(testVerdict(stdio('6\n'), exited(0, '7\n'), limits).status).toBe('failed');
  });

  it('is an error with its status when that status is not 0', () => {
    expect(testVerdict(stdio('6\n'), exited(3, '6\n'), limits)).toEqual({ status: 'error', message: { key: 'result.exitStatus', params: { code: 3 } } });
  });

  it('is always an error in a code or call test, where exiting skips what is still to run', () => {
    expect(testVerdict(code, exited(0, ''), limits).status).toBe('error');
    expect(testVerdict(call(1), exited(0, ''), limits).status).toBe('error');
    expect(testVerdict(stdio('6\n'), exited(undefined, '6\n'), limits).status).toBe('error');
  });
});

describe('testVerdict: code tests', () => {
  it('passes when the code ran to the end', () => {
    expect(testVerdict(code, raw({ outcome: 'ok' }), limits)).toEqual({ status: 'passed' });
  });

  it('fails on a failed assertion', () => {
    expect(testVerdict(code, raw({ outcome: 'assertion', error: { type: 'AssertionError', message: 'assert 1 == 2' } }), limits)).toEqual({
      status: 'failed',
      message: { key: 'result.assertion', params: { detail: 'assert 1 == 2' } },
    });
  });

  // The detail of a failed assert that the harness rewrote (issue 12), as data for the message.
  it('says which comparison failed, with the values on both sides', () => {
    const assertion = { source: 'assert candidate(1) == 3', op: '==' as const, left: '2', right: '3' };
    expect(testVerdict(code, raw({ outcome: 'assertion', error: { type: 'AssertionError', message: '' }, assertion }), limits)).toEqual({
      status: 'failed',
      message: { key: 'result.assertionCompare', params: { source: 'assert candidate(1) == 3', op: '==', left: '2', right: '3' } },
    });
  });

  it('gives the value of an assert that is not a comparison, and keeps an assert\'s own message', () => {
    expect(assertionMessage({ source: 'assert ok(x)', value: 'False' }, '')).toEqual({ key: 'result.assertionValue', params: { source: 'assert ok(x)', value: 'False' } });
    expect(assertionMessage({ source: "assert x == 2, 'two'", op: '==', left: '1', right: '2', message: 'two' }, 'two')).toEqual({
      key: 'result.assertionCompareMessage',
      params: { source: "assert x == 2, 'two'", message: 'two', op: '==', left: '1', right: '2' },
    });
    expect(assertionMessage({ source: "assert ok(x), 'no'", value: 'False', message: 'no' }, 'no')).toEqual({
      key: 'result.assertionValueMessage',
      params: { source: "assert ok(x), 'no'", message: 'no', value: 'False' },
    });
    expect(assertionMessage({ source: 'assert False' }, '')).toEqual({ key: 'result.assertionLine', params: { source: 'assert False' } });
    expect(assertionMessage({ source: "assert False, 'why'", message: 'why' }, '')).toEqual({ key: 'result.assertionLineMessage', params: { source: "assert False, 'why'", message: 'why' } });
  });

  it('is never an empty sentence: with no detail and no message, where the assertion was raised, or that it has no message', () => {
    expect(assertionMessage(undefined, '\nFile "solution.py", line 2, in f')).toEqual({ key: 'result.assertionNoMessage', params: { trace: 'File "solution.py", line 2, in f' } });
    expect(assertionMessage(undefined, '  ')).toEqual({ key: 'result.assertionBare' });
  });
});

describe('testVerdict: outcomes other than ok', () => {
  const tests: TestCase[] = [call(1), stdio('x'), code];

  it.each(tests.map((t) => [t.kind, t]))('for a %s test, maps each outcome to its status', (_kind, test) => {
    const error = { type: 'ValueError', message: 'boom' };
    expect(testVerdict(test, raw({ outcome: 'assertion', error }), limits)).toEqual({ status: 'failed', message: { key: 'result.assertion', params: { detail: 'boom' } } });
    expect(testVerdict(test, raw({ outcome: 'error', error }), limits)).toEqual({ status: 'error', message: { key: 'result.exception', params: { type: 'ValueError', detail: 'boom' } } });
    expect(testVerdict(test, raw({ outcome: 'exit', error: { type: 'SystemExit', message: 'code 3' } }), limits)).toEqual({ status: 'error', message: { key: 'result.exit', params: { detail: 'code 3' } } });
    expect(testVerdict(test, raw({ outcome: 'timeout' }), limits)).toEqual({ status: 'timeout', message: { key: 'result.timeout', params: { ms: 2000 } } });
    expect(testVerdict(test, raw({ outcome: 'memory' }), limits)).toEqual({ status: 'memory', message: { key: 'result.memory', params: { mb: 128 } } });
    expect(testVerdict(test, raw({ outcome: 'output-limit' }), limits)).toEqual({ status: 'output-limit', message: { key: 'result.outputLimit', params: { bytes: 4096 } } });
    expect(testVerdict(test, raw({ outcome: 'crashed', error: { type: 'Fatal', message: 'wasm trap' } }), limits)).toEqual({ status: 'crashed', message: { key: 'result.crashed', params: { detail: 'wasm trap' } } });
  });

  it('never passes a call test that did not return, even with a matching value', () => {
    for (const outcome of ['assertion', 'error', 'exit', 'timeout', 'memory', 'output-limit', 'crashed'] as const)
      expect(testVerdict(call(1), raw({ outcome, value: '1' }), limits).status).not.toBe('passed');
  });

  it('fills in missing error details', () => {
    expect(testVerdict(code, raw({ outcome: 'error' }), limits)).toEqual({ status: 'error', message: { key: 'result.exception', params: { type: 'Error', detail: '' } } });
    expect(testVerdict(code, raw({ outcome: 'assertion' }), limits)).toEqual({ status: 'failed', message: { key: 'result.assertionBare' } });
    expect(testVerdict(code, raw({ outcome: 'crashed' }), limits)).toEqual({ status: 'crashed', message: { key: 'result.crashed', params: { detail: '' } } });
  });
});

describe('tampering', () => {
  const code: TestCase = { name: 'c', hidden: false, kind: 'code', code: { python: 'assert f(1) == 2' } };
  it('a test the solution bent is never passed, and says what was changed', () => {
    const tampered = [{ kind: 'changed', name: 'Array.prototype.toJSON' }, { kind: 'changed', name: 'Math.abs' }, { kind: 'shadowed', name: 'abs' }] as const;
    expect(testVerdict(code, raw({ outcome: 'ok', tampered: [...tampered] }), limits)).toEqual({
      status: 'failed',
      message: { key: 'result.tampered.changed', params: { names: '`Array.prototype.toJSON`, `Math.abs`' } },
    });
    expect(testVerdict(code, raw({ outcome: 'assertion', tampered: [tampered[2]] }), limits)).toEqual({
      status: 'failed',
      message: { key: 'result.tampered.shadowed', params: { names: '`abs`' } },
    });
  });
  it('keeps a worse verdict than failed as it is', () => {
    expect(testVerdict(code, raw({ outcome: 'timeout', tampered: [{ kind: 'added', name: 'x' }] }), limits).status).toBe('timeout');
  });
  it('reports a stack overflow as a crash with its own message', () => {
    expect(testVerdict(code, raw({ outcome: 'stack-overflow' }), limits)).toEqual({ status: 'crashed', message: { key: 'result.stackOverflow' } });
  });
});
