import { describe, expect, it } from 'vitest';
import type { SeenResult } from './evaluation.js';
import { recheckMismatches } from './recheck.js';

const run = (verdict: SeenResult['verdict'], tests: [string, SeenResult['verdict'], boolean?][]): SeenResult => ({
  verdict,
  tests: tests.map(([name, status, own]) => ({ name, status, hidden: false, own: own ?? false })),
  ranAt: '2026-01-01T00:00:00Z',
});

describe('recheckMismatches', () => {
  it('finds nothing when the server agrees, and ignores what the trainer never ran', () => {
    const server = { a: run('passed', [['t1', 'passed']]), b: run('failed', [['t1', 'failed']]) };
    expect(recheckMismatches({ a: run('passed', [['t1', 'passed']]) }, server)).toEqual([]);
  });

  it('names each test and the verdict the server does not give', () => {
    const seen = { a: run('passed', [['t1', 'passed'], ['mine', 'passed', true]]) };
    const server = { a: run('failed', [['t1', 'passed'], ['mine', 'failed', true]]) };
    expect(recheckMismatches(seen, server)).toEqual([
      { solutionId: 'a', test: 'mine', seen: 'passed', server: 'failed' },
      { solutionId: 'a', seen: 'passed', server: 'failed' },
    ]);
  });

  it('keeps a task test and an own test of the same name apart, and flags a test the server does not know', () => {
    const seen = { a: run('passed', [['x', 'passed', true], ['ghost', 'passed']]) };
    const server = { a: run('passed', [['x', 'failed'], ['x', 'passed', true]]) };
    expect(recheckMismatches(seen, server)).toEqual([{ solutionId: 'a', test: 'ghost', seen: 'passed' }]);
  });

  it('does not read inherited keys as solutions', () => {
    expect(recheckMismatches({ constructor: run('passed', [['t', 'passed']]) }, {})).toEqual([]);
  });
});
