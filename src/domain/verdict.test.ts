import { describe, expect, it } from 'vitest';
import { VERDICTS, solutionVerdict, type Verdict } from './verdict.js';

const of = (...statuses: Verdict[]) => solutionVerdict(statuses.map((status) => ({ status })));

describe('solutionVerdict', () => {
  it('is passed for no tests', () => {
    expect(solutionVerdict([])).toBe('passed');
  });

  it.each(VERDICTS.map((s) => [s]))('is %s for a single test with that status', (status) => {
    expect(of(status)).toBe(status);
  });

  it.each<[Verdict[], Verdict]>([
    [['passed', 'passed', 'passed'], 'passed'],
    [['passed', 'failed', 'passed'], 'failed'],
    [['failed', 'error'], 'error'],
    [['error', 'failed'], 'error'],
    [['error', 'output-limit'], 'output-limit'],
    [['output-limit', 'timeout'], 'timeout'],
    [['failed', 'failed', 'failed', 'failed', 'failed', 'failed', 'failed', 'failed', 'failed', 'timeout'], 'timeout'],
    [['timeout', 'memory'], 'memory'],
    [['memory', 'crashed', 'timeout'], 'crashed'],
    [['crashed', 'passed'], 'crashed'],
    [['passed', 'output-limit', 'failed', 'error'], 'output-limit'],
  ])('for %j is %s', (statuses, verdict) => {
    expect(of(...statuses)).toBe(verdict);
  });

  it('follows the order crashed > memory > timeout > output-limit > error > failed > passed', () => {
    const order: Verdict[] = ['crashed', 'memory', 'timeout', 'output-limit', 'error', 'failed', 'passed'];
    for (let i = 0; i < order.length; i++)
      for (let j = i; j < order.length; j++) {
        expect(of(order[i]!, order[j]!)).toBe(order[i]);
        expect(of(order[j]!, order[i]!)).toBe(order[i]);
      }
  });
});
