// Turning what the sandbox reports for one test into that test's verdict and message. The
// expected value lives only here, on the host: the sandbox never sees it.
import { TAG, compareValues, firstDifferentLine, mismatch, normalizeStdout, showValue } from './compare.js';
import type { TestCase } from './task.js';
import type { Message, Verdict } from './verdict.js';

/** What running one test did. `ok` means it ran to the end without an exception or failed assertion. */
export const OUTCOMES = ['ok', 'assertion', 'error', 'exit', 'timeout', 'memory', 'output-limit', 'crashed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type RawResult = {
  outcome: Outcome;
  /** For call tests that returned: the value as JSON text (see TAG for special values). */
  value?: string;
  /** Exception type and message, or the failed assertion's text. */
  error?: { type: string; message: string };
  stdout: string;
  stderr: string;
  truncated: boolean;
  durationMs: number;
};

export function testVerdict(test: TestCase, raw: RawResult, limits: { timeMs: number; outputBytes: number; memoryMb: number }): { status: Verdict; message?: Message } {
  const err = raw.error;
  switch (raw.outcome) {
    case 'ok':
      return okVerdict(test, raw);
    case 'assertion':
      return { status: 'failed', message: { key: 'result.assertion', params: { detail: err?.message || '' } } };
    case 'error':
      return { status: 'error', message: { key: 'result.exception', params: { type: err?.type ?? 'Error', detail: err?.message ?? '' } } };
    case 'exit':
      return { status: 'error', message: { key: 'result.exit', params: { detail: err?.message ?? '' } } };
    case 'timeout':
      return { status: 'timeout', message: { key: 'result.timeout', params: { ms: limits.timeMs } } };
    case 'memory':
      return { status: 'memory', message: { key: 'result.memory', params: { mb: limits.memoryMb } } };
    case 'output-limit':
      return { status: 'output-limit', message: { key: 'result.outputLimit', params: { bytes: limits.outputBytes } } };
    case 'crashed':
      return { status: 'crashed', message: { key: 'result.crashed', params: { detail: err?.message ?? '' } } };
  }
}

function okVerdict(test: TestCase, raw: RawResult): { status: Verdict; message?: Message } {
  if (test.kind === 'code') return { status: 'passed' };
  if (test.kind === 'stdio') {
    const expected = normalizeStdout(test.expectedStdout);
    const actual = normalizeStdout(raw.stdout);
    if (expected === actual) return { status: 'passed' };
    const line = firstDifferentLine(expected, actual);
    return {
      status: 'failed',
      message: { key: 'result.stdoutMismatch', params: { line, expected: expected.split('\n')[line - 1] ?? '', actual: actual.split('\n')[line - 1] ?? '' } },
    };
  }
  let actual: unknown;
  try {
    actual = JSON.parse(raw.value ?? '');
  } catch {
    return { status: 'error', message: { key: 'result.unreadableValue' } };
  }
  if (actual !== null && typeof actual === 'object' && TAG in actual && (actual as Record<string, unknown>)[TAG] === 'unsupported')
    return { status: 'failed', message: { key: 'result.unsupportedValue', params: { kind: String((actual as Record<string, unknown>).value), expected: showValue(test.expected) } } };
  const c = compareValues(test.expected, actual, test.tolerance);
  return c.equal ? { status: 'passed' } : { status: 'failed', message: mismatch(test.expected, actual, c.path) };
}
