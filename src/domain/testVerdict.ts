// Turning what the sandbox reports for one test into that test's verdict and message. The
// expected value lives only here, on the host: the sandbox never sees it.
import { TAG, compareValues, firstDifferentLine, mismatch, normalizeStdout, showValue } from './compare.js';
import type { TestCase } from './task.js';
import type { Message, Tamper, Verdict } from './verdict.js';

/**
 * What running one test did. `ok` means it ran to the end without an exception or failed assertion;
 * `compile`: the solution (or the test's code) did not compile, and the error holds the compiler's
 * messages with the solution's line numbers.
 */
export const OUTCOMES = ['ok', 'assertion', 'error', 'compile', 'exit', 'timeout', 'memory', 'output-limit', 'crashed', 'stack-overflow'] as const;
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
  /** What the solution changed that the test uses (see Tamper), found by the sandbox's harness. */
  tampered?: Tamper[];
  /** For an `assertion` outcome of a code test: the failing assert as the harness saw it. */
  assertion?: AssertionDetail;
  /** For an `exit` outcome: the status the program asked to exit with (0 for Python's sys.exit()). */
  exitCode?: number;
};

/** The comparison operators an assert's detail may name (Python's, and JavaScript's strict ones). */
export const ASSERT_OPERATORS = ['==', '!=', '<', '<=', '>', '>=', 'is', 'is not', 'in', 'not in', '===', '!==', 'deepStrictEqual', 'notDeepStrictEqual'] as const;

/**
 * A failed assert of a test's own code: its source (from the test, never the solution) and, for
 * a comparison, the operator that did not hold with the values on its two sides, or for any other
 * test the value it had; `message` is the assert's own message. The values are the harness's
 * bounded renderings (a few hundred characters at most), data to show, never to compare.
 */
export type AssertionDetail = {
  source: string;
  op?: (typeof ASSERT_OPERATORS)[number];
  left?: string;
  right?: string;
  value?: string;
  message?: string;
};

export function testVerdict(test: TestCase, raw: RawResult, limits: { timeMs: number; outputBytes: number; memoryMb: number }): { status: Verdict; message?: Message } {
  const judged = outcomeVerdict(test, raw, limits);
  // A test whose outcome the solution may have bent is never passed, and says what was changed.
  if (raw.tampered?.length && (judged.status === 'passed' || judged.status === 'failed')) return { status: 'failed', message: tamperMessage(raw.tampered) };
  return judged;
}

/** "changed `Array.prototype.toJSON`, which the test uses": the first kind reported, with every name of that kind. */
export function tamperMessage(tampered: readonly Tamper[]): Message {
  const kind = tampered[0]!.kind;
  const names = tampered.filter((t) => t.kind === kind).map((t) => t.name);
  return { key: `result.tampered.${kind}`, params: { names: names.map((n) => `\`${n}\``).join(', ') } };
}

function outcomeVerdict(test: TestCase, raw: RawResult, limits: { timeMs: number; outputBytes: number; memoryMb: number }): { status: Verdict; message?: Message } {
  const err = raw.error;
  switch (raw.outcome) {
    case 'ok':
      return okVerdict(test, raw);
    case 'assertion':
      return { status: 'failed', message: assertionMessage(raw.assertion, err?.message ?? '') };
    case 'error':
      return { status: 'error', message: { key: 'result.exception', params: { type: err?.type ?? 'Error', detail: err?.message ?? '' } } };
    case 'compile':
      return { status: 'error', message: { key: 'result.compile', params: { detail: err?.message ?? '' } } };
    case 'exit':
      // A program judged by its output may end itself (sys.exit(0) after printing is common): its
      // output is what counts, and a status other than 0 is a failure of its own. Elsewhere an
      // exit would skip the assertions still to run.
      if (test.kind === 'stdio' && raw.exitCode === 0) return okVerdict(test, raw);
      if (test.kind === 'stdio' && raw.exitCode !== undefined) return { status: 'error', message: { key: 'result.exitStatus', params: { code: raw.exitCode } } };
      return { status: 'error', message: { key: 'result.exit', params: { detail: err?.message ?? '' } } };
    case 'timeout':
      return { status: 'timeout', message: { key: 'result.timeout', params: { ms: limits.timeMs } } };
    case 'memory':
      return { status: 'memory', message: { key: 'result.memory', params: { mb: limits.memoryMb } } };
    case 'output-limit':
      return { status: 'output-limit', message: { key: 'result.outputLimit', params: { bytes: limits.outputBytes } } };
    case 'crashed':
      return { status: 'crashed', message: { key: 'result.crashed', params: { detail: err?.message ?? '' } } };
    case 'stack-overflow':
      // Recursion through C code ran out of the interpreter's stack before Python could raise RecursionError.
      return { status: 'crashed', message: { key: 'result.stackOverflow' } };
  }
}

/**
 * "assertion failed: assert f(1) == 2 — left 3, right 2": what the harness saw of the failing
 * assert, as data. Without that detail (an AssertionError raised elsewhere, by a solution or a
 * library) the exception's own message, and never an empty one.
 */
export function assertionMessage(a: AssertionDetail | undefined, detail: string): Message {
  if (!a) {
    // The exception's message first, then where it was raised (see the runners).
    const [first = '', ...trace] = detail.split('\n');
    if (first.trim()) return { key: 'result.assertion', params: { detail: detail.trim() } };
    const where = trace.join('\n').trim();
    return where ? { key: 'result.assertionNoMessage', params: { trace: where } } : { key: 'result.assertionBare' };
  }
  const own = a.message !== undefined && a.message !== '' ? a.message : undefined;
  const base = { source: a.source, ...(own !== undefined ? { message: own } : {}) };
  if (a.op !== undefined && a.left !== undefined && a.right !== undefined) {
    const params = { ...base, op: a.op, left: a.left, right: a.right };
    return own !== undefined ? { key: 'result.assertionCompareMessage', params } : { key: 'result.assertionCompare', params };
  }
  if (a.value !== undefined) {
    const params = { ...base, value: a.value };
    return own !== undefined ? { key: 'result.assertionValueMessage', params } : { key: 'result.assertionValue', params };
  }
  return own !== undefined ? { key: 'result.assertionLineMessage', params: base } : { key: 'result.assertionLine', params: base };
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
